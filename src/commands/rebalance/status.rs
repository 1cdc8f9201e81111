//! `kubectl kafka rebalance status`: the reassignments in progress, as the controller lists
//! them, and any replication throttle left on the brokers.

use crate::cli::RebalanceStatusArgs;
use crate::commands::Context;
use crate::kafka::reassign::list_reassignments;

pub async fn run(ctx: &Context, args: &RebalanceStatusArgs) -> anyhow::Result<()> {
    let session = ctx.session(args.timeout).await?;
    let listed = async { list_reassignments(&session.backend.client("rebalance status")?.opts).await }.await;
    session.close().await;
    let moving = listed?;
    if ctx.printer.format.is_machine() {
        let rows: Vec<_> = moving
            .iter()
            .map(|((t, p), m)| serde_json::json!({"topic": t, "partition": p, "replicas": m.replicas, "adding": m.adding, "removing": m.removing}))
            .collect();
        return ctx.printer.document(&serde_json::json!({ "inProgress": rows }));
    }
    if moving.is_empty() {
        return ctx.printer.lines(&["no partition reassignment in progress".to_string()]);
    }
    let join = |v: &[i32]| v.iter().map(i32::to_string).collect::<Vec<_>>().join(",");
    let rows: Vec<Vec<String>> = moving
        .iter()
        .map(|((t, p), m)| vec![format!("{t}/{p}"), join(&m.replicas), join(&m.adding), join(&m.removing)])
        .collect();
    ctx.printer.table(&["PARTITION", "REPLICAS", "ADDING", "REMOVING"], &rows)
}
