//! `kubectl kafka quorum`: what `kafka-metadata-quorum.sh describe --status --replication`
//! shows, from a DescribeQuorum request.

use crate::cli::QuorumArgs;
use crate::cluster::Broker;
use crate::commands::Context;
use crate::health::verdict::DEFAULT_QUORUM_WINDOW_MS;
use crate::kafka::quorum::{QUORUM_FETCH_TIMEOUT, Quorum};
use crate::output::format_age;

pub async fn run(ctx: &Context, args: &QuorumArgs) -> anyhow::Result<()> {
    let session = ctx.session(args.timeout).await?;
    let result = async {
        let q = session.backend.quorum().await?;
        // Caught up means fetched within the quorum's own fetch timeout, as the leader (else
        // another broker) reports it; Kafka's default, said, when none can.
        let fallback = session.brokers.iter().filter_map(|b| b.node_id).find(|id| *id != q.leader_id);
        let window = session
            .backend
            .broker_int_config(q.leader_id, fallback, QUORUM_FETCH_TIMEOUT)
            .await
            .map_err(|e| format!("not readable ({e:#})"));
        let window = window.unwrap_or_else(|why| {
            ctx.printer.note(&format!(
                "{QUORUM_FETCH_TIMEOUT} {why}: caught up judged with Kafka's default {DEFAULT_QUORUM_WINDOW_MS} ms"
            ));
            DEFAULT_QUORUM_WINDOW_MS
        });
        print(ctx, &session.brokers, &q, window)
    }
    .await;
    session.close().await;
    result
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
