//! `kubectl kafka rebalance cancel`: stops every reassignment in progress (each partition
//! goes back to its replicas before the move) and removes the replication throttles.

use std::collections::BTreeSet;

use crate::balance::{Move, throttle_plan};
use crate::cli::RebalanceCancelArgs;
use crate::commands::Context;
use crate::exit::{ExitCode, Failure};
use crate::kafka::metadata::quick_metadata;
use crate::kafka::reassign::{alter_reassignments, list_reassignments};
use crate::output::Outcome;

pub async fn run(ctx: &Context, args: &RebalanceCancelArgs) -> anyhow::Result<()> {
    let session = ctx.session(args.timeout).await?;
    let result = async {
        let opts = &session.backend.client("rebalance cancel")?.opts;
        let moving = list_reassignments(opts).await?;
        if moving.is_empty() {
            ctx.printer.note("no partition reassignment in progress");
            return ctx.printer.outcomes(&[]);
        }
        let names: Vec<String> = moving.keys().map(|(t, p)| format!("{t}/{p}")).collect();
        if args.dry_run {
            let would = cancelled(&names, format!("would cancel the moves of {} (dry run)", names.join(", ")));
            return ctx.printer.outcomes(&[would.dry_run(true)]);
        }
        if !args.yes && !ctx.printer.confirm(&format!("cancel the moves of {}?", names.join(", ")))? {
            return Err(Failure::new(ExitCode::Usage, "not cancelled: not confirmed")
                .hint("pass --yes to cancel without asking")
                .into());
        }
        let changes: Vec<_> = moving.keys().map(|(t, p)| (t.clone(), *p, None)).collect();
        alter_reassignments(opts, &changes).await?;
        // The throttle a move set: on every broker it involved and on its topics.
        let moves: Vec<Move> = moving
            .iter()
            .map(|((t, p), m)| Move {
                topic: t.clone(),
                partition: *p,
                from: m.replicas.iter().filter(|r| !m.adding.contains(r)).copied().collect(),
                to: m.replicas.iter().filter(|r| !m.removing.contains(r)).copied().collect(),
            })
            .collect();
        let mut throttle = throttle_plan(&moves);
        let meta = quick_metadata(opts).await?;
        throttle.brokers.extend(meta.brokers.iter().map(|b| b.id).collect::<BTreeSet<_>>());
        if let Err(why) = super::clear_throttle(opts, &meta, &throttle).await {
            ctx.printer.warn(&format!("could not remove every replication throttle: {why}"));
        }
        let line = format!("cancelled the moves of {}; replication throttles removed", names.join(", "));
        ctx.printer.outcomes(&[cancelled(&names, line)])
    }
    .await;
    session.close().await;
    result
}

/// The cancelled (or to be cancelled) moves, as one outcome: the partitions by name.
fn cancelled(partitions: &[String], line: String) -> Outcome {
    Outcome::new("reassignments", "cancelled", line).detail(serde_json::json!({ "partitions": partitions }))
}
