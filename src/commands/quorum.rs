//! `kubectl kafka quorum`: what `kafka-metadata-quorum.sh describe --status --replication`
//! shows, from a DescribeQuorum request.

use crate::cli::QuorumArgs;
use crate::cluster::Broker;
use crate::commands::Context;
use crate::commands::reach::{Session, exec_tool, open_route};
use crate::exit::{ExitCode, Failure};
use crate::health::verdict::DEFAULT_QUORUM_WINDOW_MS;
use crate::kafka::console::quorum_in;
use crate::kafka::quorum::{QUORUM_FETCH_TIMEOUT, Quorum, describe_quorum, quorum_fetch_timeout};
use crate::output::format_age;

pub async fn run(ctx: &Context, args: &QuorumArgs) -> anyhow::Result<()> {
    if ctx.via == crate::connect::via::Via::Exec {
        return via_exec(ctx, args).await;
    }
    let session = Session::open(ctx, args.timeout, "quorum").await?;
    let result = match describe_quorum(&session.opts).await {
        Ok(q) => {
            // Caught up means fetched within the quorum's own fetch timeout.
            let fallback = session.brokers.iter().filter_map(|b| b.node_id).find(|id| *id != q.leader_id);
            let window = quorum_fetch_timeout(&session.opts, q.leader_id, fallback).await.map_err(|err| {
                ctx.printer.warn(&format!(
                    "cannot read {QUORUM_FETCH_TIMEOUT} ({err:#}): caught up judged with Kafka's default {DEFAULT_QUORUM_WINDOW_MS} ms"
                ))
            });
            print(ctx, &session.brokers, &q, window.unwrap_or(DEFAULT_QUORUM_WINDOW_MS))
        }
        Err(e) => Err(session.unreachable(e)),
    };
    session.close().await;
    result
}

/// --via exec: kafka-metadata-quorum.sh's --status and --replication, run side by side in a
/// broker pod, read back into the same quorum.
async fn via_exec(ctx: &Context, args: &QuorumArgs) -> anyhow::Result<()> {
    let (_, brokers, route) = open_route(ctx, args.timeout).await?;
    let tool = "kafka-metadata-quorum.sh";
    let (status_args, replication_args) =
        (["describe".to_string(), "--status".to_string()], ["describe".to_string(), "--replication".to_string()]);
    let (status, replication) =
        tokio::join!(exec_tool(&route, tool, &status_args), exec_tool(&route, tool, &replication_args));
    route.close().await;
    let q = quorum_in(&status?, &replication?).ok_or_else(|| {
        Failure::new(ExitCode::Failure, format!("{tool} printed no quorum this version of the plugin can read"))
            .hint("run it by hand: kubectl exec <pod> -- /opt/kafka/bin/kafka-metadata-quorum.sh describe --status")
    })?;
    // The tools route reads no broker config: Kafka's default window, said.
    ctx.printer.note(&format!(
        "caught up judged with Kafka's default {QUORUM_FETCH_TIMEOUT} of {DEFAULT_QUORUM_WINDOW_MS} ms"
    ));
    print(ctx, &brokers, &q, DEFAULT_QUORUM_WINDOW_MS)
}

fn print(ctx: &Context, brokers: &[Broker], q: &Quorum, window_ms: i64) -> anyhow::Result<()> {
    if ctx.printer.format.is_machine() {
        return ctx.printer.document(q);
    }
    let now = jiff::Timestamp::now().as_millisecond();
    let ago =
        |t: Option<i64>| t.map_or("never".to_string(), |t| format!("{} ago", format_age((now - t).max(0) / 1000)));
    let caught_up = q.caught_up_voters(window_ms);
    ctx.printer.lines(&[format!(
        "Leader: {}   Epoch: {}   High watermark: {}   Voters caught up: {}/{}",
        q.leader_id,
        q.leader_epoch,
        q.high_watermark,
        caught_up.len(),
        q.voters.len()
    )])?;
    let rows: Vec<Vec<String>> = q
        .voters
        .iter()
        .chain(q.observers.iter())
        .map(|r| {
            let name =
                brokers.iter().find(|b| b.node_id == Some(r.node_id)).map_or("-".to_string(), |b| b.name.clone());
            vec![
                r.node_id.to_string(),
                name,
                if r.leader {
                    "Leader"
                } else if r.voter {
                    "Follower"
                } else {
                    "Observer"
                }
                .to_string(),
                r.log_end_offset.to_string(),
                r.lag.to_string(),
                ago(r.last_fetch),
                ago(r.last_caught_up),
                if !r.voter {
                    "-"
                } else if caught_up.contains(&r.node_id) {
                    "yes"
                } else {
                    "no"
                }
                .to_string(),
            ]
        })
        .collect();
    ctx.printer.table(
        &["NODE-ID", "BROKER", "STATUS", "LOG-END-OFFSET", "LAG", "LAST-FETCH", "LAST-CAUGHT-UP", "CAUGHT-UP"],
        &rows,
    )
}
