//! `kubectl kafka topics ...`: topics over any transport.

use serde::Serialize;

use crate::cli::{TopicsCommand, TopicsListArgs};
use crate::cluster::discovery::discover_brokers;
use crate::commands::Context;
use crate::commands::reach::{Reach, reach};
use crate::connect::exec::{kafka_tool, run_in_pod};
use crate::exit::{ExitCode, Failure};
use crate::kafka::metadata::{TopicSummary, fetch_metadata, is_internal, summarise};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct TopicList<'a> {
    topics: &'a [TopicSummary],
}

pub async fn run(ctx: &Context, command: &TopicsCommand) -> anyhow::Result<()> {
    match command {
        TopicsCommand::List(args) => list(ctx, args).await,
    }
}

/// A Kafka client that got no answer: say which transport it used and what else to try.
pub fn unreachable_kafka(err: anyhow::Error, tunnelled: bool) -> anyhow::Error {
    let hint = if tunnelled {
        "the port-forward reached no broker: check `kubectl kafka status` and that pods/portforward is allowed; or try --via exec"
    } else {
        "the advertised addresses answer only inside the cluster; outside it use --via port-forward (or the default --via auto)"
    };
    Failure::new(ExitCode::Unreachable, format!("{err:#}")).hint(hint).into()
}

async fn list(ctx: &Context, args: &TopicsListArgs) -> anyhow::Result<()> {
    let cluster = ctx.connect().await?;
    let brokers = discover_brokers(&cluster, &ctx.selector).await?;
    let route = reach(ctx.via, &cluster, &brokers, ctx, args.timeout).await?;
    let rows = match &route {
        Reach::Client { opts, tunnels } => {
            let meta = fetch_metadata(opts).await.map_err(|err| unreachable_kafka(err, tunnels.is_some()))?;
            summarise(&meta, args.all)
        }
        Reach::Exec { pods, target } => {
            // kafka-topics.sh --list gives names only: the other columns stay empty.
            let mut extra = vec!["--list".to_string()];
            if !args.all {
                extra.push("--exclude-internal".into());
            }
            let out = run_in_pod(pods, target, &kafka_tool("kafka-topics.sh", target.port, &extra), None).await?;
            if out.code != 0 {
                return Err(Failure::new(
                    ExitCode::Failure,
                    format!("kafka-topics.sh --list in pod {} exited {}: {}", out.pod, out.code, String::from_utf8_lossy(&out.stderr).trim()),
                )
                .hint("run it by hand: kubectl exec -it <pod> -- /opt/kafka/bin/kafka-topics.sh --bootstrap-server localhost:9092 --list")
                .into());
            }
            let mut names: Vec<String> = String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect();
            names.sort();
            names
                .into_iter()
                .map(|name| TopicSummary {
                    internal: is_internal(&name),
                    name,
                    partitions: 0,
                    replication_factor: 0,
                    under_replicated: 0,
                    offline: 0,
                })
                .collect()
        }
    };
    let exec = matches!(route, Reach::Exec { .. });
    route.close().await;
    if ctx.printer.format.is_machine() {
        return ctx.printer.document(&TopicList { topics: &rows });
    }
    if exec {
        let names: Vec<Vec<String>> = rows.iter().map(|r| vec![r.name.clone()]).collect();
        return ctx.printer.table(&["NAME"], &names);
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
