//! `kubectl kafka topics list`: every topic with partitions, replication factor, and how many
//! partitions are under-replicated or offline, the same on every route.

use serde::Serialize;

use crate::cli::TopicsListArgs;
use crate::commands::Context;
use crate::kafka::metadata::TopicSummary;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct TopicList<'a> {
    topics: &'a [TopicSummary],
}

pub async fn run(ctx: &Context, args: &TopicsListArgs) -> anyhow::Result<()> {
    let session = ctx.session(args.timeout).await?;
    let rows = session.backend.topics(args.all).await;
    session.close().await;
    print(ctx, &rows?)
}

fn print(ctx: &Context, rows: &[TopicSummary]) -> anyhow::Result<()> {
    if ctx.printer.format.is_machine() {
        return ctx.printer.document(&TopicList { topics: rows });
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.name.clone(),
                r.partitions.to_string(),
                r.replication_factor.to_string(),
                r.under_replicated.to_string(),
                r.offline.to_string(),
            ]
        })
        .collect();
    ctx.printer.table(&["NAME", "PARTITIONS", "REPLICAS", "UNDER-REPLICATED", "OFFLINE"], &cells)
}
