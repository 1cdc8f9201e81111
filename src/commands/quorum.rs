//! `kubectl kafka quorum`: what `kafka-metadata-quorum.sh describe --status --replication`
//! shows, from a DescribeQuorum request.

use crate::cli::QuorumArgs;
use crate::commands::Context;
use crate::commands::reach::Session;
use crate::kafka::quorum::describe_quorum;
use crate::output::format_age;

pub async fn run(ctx: &Context, args: &QuorumArgs) -> anyhow::Result<()> {
    let session = Session::open(ctx, args.timeout, "quorum").await?;
    let (brokers, opts) = (&session.brokers, &session.opts);
    let result = async {
        let q = describe_quorum(opts).await.map_err(|e| session.unreachable(e))?;
        if ctx.printer.format.is_machine() {
            return ctx.printer.document(&q);
        }
        let now = jiff::Timestamp::now().as_millisecond();
        let ago =
            |t: Option<i64>| t.map_or("never".to_string(), |t| format!("{} ago", format_age((now - t).max(0) / 1000)));
        let caught_up = q.caught_up_voters(2000);
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
    .await;
    session.close().await;
    result
}
