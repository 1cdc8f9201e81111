//! `kubectl kafka disk`: per broker, log-dir bytes by topic (DescribeLogDirs), next to the
//! PVC's requested capacity, with a usage percentage.

use serde::Serialize;

use crate::cli::DiskArgs;
use crate::commands::Context;
use crate::output::human_bytes;
use std::collections::BTreeMap;

use crate::cluster::Broker;
use crate::kafka::logdirs::{LogDirUsage, parse_quantity};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct DiskRow {
    broker: String,
    node_id: i32,
    pvc: Option<String>,
    requested: Option<String>,
    requested_bytes: Option<i64>,
    used_bytes: i64,
    percent: Option<f64>,
    log_dirs: Vec<LogDirUsage>,
}

pub async fn run(ctx: &Context, args: &DiskArgs) -> anyhow::Result<()> {
    let session = ctx.session(args.timeout).await?;
    let ids: Vec<i32> = session.brokers.iter().filter_map(|b| b.node_id).collect();
    let usage = session.backend.log_dirs(&ids).await;
    let brokers = session.brokers.clone();
    session.close().await;
    print(ctx, args, &brokers, usage?)
}

/// One row per broker that answered; a warning for each that did not.
fn print(
    ctx: &Context,
    args: &DiskArgs,
    brokers: &[Broker],
    mut usage: BTreeMap<i32, Vec<LogDirUsage>>,
) -> anyhow::Result<()> {
    let mut rows = Vec::new();
    for b in brokers {
        let Some(id) = b.node_id else { continue };
        let Some(dirs) = usage.remove(&id) else {
            ctx.printer.warn(&format!("broker {} (node {id}) is not registered: no disk figures", b.name));
            continue;
        };
        let used: i64 = dirs.iter().map(|d| d.total).sum();
        let volume = b.volumes.first();
        let requested = volume.and_then(|v| v.requested.clone());
        let requested_bytes = requested.as_deref().and_then(parse_quantity);
        rows.push(DiskRow {
            broker: b.name.clone(),
            node_id: id,
            pvc: volume.map(|v| v.claim.clone()),
            percent: requested_bytes
                .filter(|r| *r > 0)
                .map(|r| (used as f64 * 100.0 / r as f64 * 100.0).round() / 100.0),
            requested,
            requested_bytes,
            used_bytes: used,
            log_dirs: dirs,
        });
    }
    if ctx.printer.format.is_machine() {
        return ctx.printer.document(&serde_json::json!({ "brokers": rows }));
    }
    let mut cells = Vec::new();
    for r in &rows {
        cells.push(vec![
            r.broker.clone(),
            r.node_id.to_string(),
            r.pvc.clone().unwrap_or_else(|| "<none>".into()),
            r.requested.clone().unwrap_or_else(|| "?".into()),
            human_bytes(r.used_bytes),
            r.percent.map_or("?".into(), |p| format!("{p:.2}%")),
            r.log_dirs
                .iter()
                .flat_map(|d| d.by_topic.iter())
                .filter(|(t, _)| args.all || !t.starts_with("__"))
                .count()
                .to_string(),
        ]);
    }
    ctx.printer.table(&["BROKER", "NODE-ID", "PVC", "CAPACITY", "USED", "USE%", "TOPICS"], &cells)?;
    if args.topics {
        let mut by_topic = Vec::new();
        for r in &rows {
            for d in &r.log_dirs {
                for (t, bytes) in d.by_topic.iter().filter(|(t, _)| args.all || !t.starts_with("__")) {
                    by_topic.push(vec![r.broker.clone(), t.clone(), human_bytes(*bytes)]);
                }
            }
        }
        ctx.printer.lines(&[String::new()])?;
        ctx.printer.table(&["BROKER", "TOPIC", "SIZE"], &by_topic)?;
    }
    Ok(())
}
