//! `kubectl kafka topics describe TOPIC`: partitions with leader, replicas, ISR and log
//! offsets, and the topic's configs (set on the topic, or all with their sources), the same
//! on every route.

use crate::cli::TopicsDescribeArgs;
use crate::commands::Context;
use crate::route::missing_topic;
use crate::route::rows::TopicDescription;

use super::{checked_name, topic_failure};

pub async fn run(ctx: &Context, args: &TopicsDescribeArgs) -> anyhow::Result<()> {
    checked_name(ctx, &args.topic)?;
    let session = ctx.session(args.timeout).await?;
    let ns = session.cluster.namespace.clone();
    let found = session.backend.describe_topic(&args.topic).await;
    session.close().await;
    let mut desc =
        found.map_err(|e| topic_failure(e, &args.topic, &ns))?.ok_or_else(|| missing_topic(&args.topic, &ns))?;
    if !args.all_configs {
        desc.configs.retain(|c| c.source == "DYNAMIC_TOPIC_CONFIG");
    }
    print(ctx, &desc, args.all_configs)
}

fn print(ctx: &Context, desc: &TopicDescription, all_configs: bool) -> anyhow::Result<()> {
    if ctx.printer.format.is_machine() {
        return ctx.printer.document(desc);
    }
    let join = |v: &[i32]| v.iter().map(i32::to_string).collect::<Vec<_>>().join(",");
    let rows: Vec<Vec<String>> = desc
        .partitions
        .iter()
        .map(|p| {
            let mut marks = Vec::new();
            if p.offline {
                marks.push("offline");
            }
            if p.under_replicated {
                marks.push("under-replicated");
            }
            vec![
                p.partition.to_string(),
                if p.leader < 0 { "none".into() } else { p.leader.to_string() },
                join(&p.replicas),
                join(&p.isr),
                p.log_start_offset.map_or("?".into(), |o| o.to_string()),
                p.log_end_offset.map_or("?".into(), |o| o.to_string()),
                if marks.is_empty() { "ok".into() } else { marks.join(",") },
            ]
        })
        .collect();
    ctx.printer.lines(&[format!("Topic: {}   Partitions: {}", desc.name, desc.partitions.len())])?;
    ctx.printer.table(&["PARTITION", "LEADER", "REPLICAS", "ISR", "LOG-START", "LOG-END", "STATE"], &rows)?;
    let configs: Vec<Vec<String>> = desc
        .configs
        .iter()
        .map(|c| {
            let mut row = vec![c.name.clone(), c.value.clone().unwrap_or_else(|| "<sensitive>".into())];
            if all_configs {
                row.push(c.source.clone());
            }
            row
        })
        .collect();
    ctx.printer.lines(&[String::new()])?;
    if configs.is_empty() {
        return ctx.printer.lines(&["Configs: none set on the topic (--all-configs shows the effective ones)".into()]);
    }
    if all_configs {
        ctx.printer.table(&["CONFIG", "VALUE", "SOURCE"], &configs)
    } else {
        ctx.printer.table(&["CONFIG", "VALUE"], &configs)
    }
}
