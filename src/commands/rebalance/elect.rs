//! `kubectl kafka elect-leaders`: preferred leader election (ElectLeaders) for every partition
//! led by another replica than its first, where that replica is in sync; the leaders per broker
//! before and after, and done only when every broker, asked on its own, reports the new leaders.

use std::time::Duration;

use serde_json::json;

use crate::balance::leaders::{Election, Led, plan_election};
use crate::cli::ElectLeadersArgs;
use crate::commands::Context;
use crate::commands::rollout::agreed_metadata;
use crate::exit::{ExitCode, Failure};
use crate::kafka::KafkaOptions;
use crate::kafka::metadata::ClusterMeta;
use crate::kafka::reassign::elect_preferred;

fn partitions(meta: &ClusterMeta, topics: &[String]) -> Vec<Led> {
    meta.topics
        .iter()
        .filter(|t| t.error.is_none() && (topics.is_empty() || topics.contains(&t.name)))
        .flat_map(|t| {
            t.partitions.iter().map(|p| Led {
                topic: t.name.clone(),
                partition: p.id,
                replicas: p.replicas.clone(),
                isr: p.isr.clone(),
                leader: p.leader,
            })
        })
        .collect()
}

pub async fn run(ctx: &Context, args: &ElectLeadersArgs) -> anyhow::Result<()> {
    let session = ctx.session(Duration::from_secs(30).min(args.timeout)).await?;
    let result = async {
        let opts = &session.backend.client("elect-leaders")?.opts;
        let meta = agreed_metadata(opts, None).await?;
        if let Some(t) = args.topics.iter().find(|t| !meta.topics.iter().any(|m| &m.name == *t)) {
            return Err(crate::route::missing_topic(t, &session.cluster.namespace));
        }
        let election = plan_election(&partitions(&meta, &args.topics));
        for c in &election.not_in_sync {
            ctx.printer.warn(&format!(
                "{}/{}: preferred replica {} is not in sync; left with leader {}",
                c.topic, c.partition, c.preferred, c.leader
            ));
        }
        if args.dry_run || election.elect.is_empty() {
            print(ctx, &election, false)?;
            if election.elect.is_empty() {
                ctx.printer.note("every partition whose preferred replica is in sync is led by it already");
            } else {
                ctx.printer.note("dry run: nothing changed");
            }
            return Ok(());
        }
        let wanted: Vec<(String, i32)> = election.elect.iter().map(|c| (c.topic.clone(), c.partition)).collect();
        let failed = elect_preferred(opts, &wanted).await?;
        for (partition, why) in &failed {
            ctx.printer.warn(&format!("{partition}: not elected: {why}"));
        }
        wait_everyone_sees(ctx, opts, &election, &failed, args.timeout).await?;
        print(ctx, &election, true)
    }
    .await;
    session.close().await;
    result
}

/// Until every broker, asked on its own, reports each elected partition led by its preferred
/// replica (one broker's answer could be stale).
async fn wait_everyone_sees(
    ctx: &Context,
    opts: &KafkaOptions,
    election: &Election,
    failed: &[(String, String)],
    limit: Duration,
) -> anyhow::Result<()> {
    let bar = ctx.printer.progress("waiting until every broker reports the new leaders");
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        let meta = agreed_metadata(opts, None).await?;
        let pending: Vec<String> = election
            .elect
            .iter()
            .filter(|c| !failed.iter().any(|(p, _)| p == &format!("{}/{}", c.topic, c.partition)))
            .filter(|c| {
                meta.topics
                    .iter()
                    .find(|t| t.name == c.topic)
                    .and_then(|t| t.partitions.iter().find(|p| p.id == c.partition))
                    .is_none_or(|p| p.leader != c.preferred)
            })
            .map(|c| format!("{}/{}", c.topic, c.partition))
            .collect();
        if pending.is_empty() {
            bar.finish_and_clear();
            return Ok(());
        }
        if tokio::time::Instant::now() >= deadline {
            bar.finish_and_clear();
            return Err(Failure::new(
                ExitCode::Failure,
                format!("elected, but not every broker reports the new leader of {} yet", pending.join(", ")),
            )
            .hint("run `kubectl kafka elect-leaders --dry-run` again in a moment")
            .into());
        }
        bar.set_message(format!("waiting until every broker reports the new leaders of {} partitions", pending.len()));
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

fn print(ctx: &Context, e: &Election, done: bool) -> anyhow::Result<()> {
    if ctx.printer.format.is_machine() {
        return ctx.printer.document(&json!({
            "dryRun": !done,
            "elected": if done { e.elect.clone() } else { Vec::new() },
            "wouldElect": if done { Vec::new() } else { e.elect.clone() },
            "notInSync": e.not_in_sync,
            "brokers": e.brokers,
            "skewBefore": e.skew_before,
            "skewAfter": e.skew_after,
        }));
    }
    if !e.elect.is_empty() {
        let rows: Vec<Vec<String>> = e
            .elect
            .iter()
            .map(|c| vec![c.topic.clone(), c.partition.to_string(), c.leader.to_string(), c.preferred.to_string()])
            .collect();
        ctx.printer.table(&["TOPIC", "PARTITION", "LEADER", "PREFERRED"], &rows)?;
        ctx.printer.lines(&[String::new()])?;
    }
    let rows: Vec<Vec<String>> =
        e.brokers.iter().map(|b| vec![b.broker.to_string(), b.before.to_string(), b.after.to_string()]).collect();
    ctx.printer.table(&["BROKER", "LEADERS BEFORE", "LEADERS AFTER"], &rows)?;
    let verb = if done { "elected" } else { "would elect" };
    ctx.printer.lines(&[format!(
        "{verb} {} partitions; leader skew (most minus fewest) {} -> {}",
        e.elect.len(),
        e.skew_before,
        e.skew_after
    )])
}
