//! `kubectl kafka health`: one verdict, then the reasons. `--wait` polls until healthy.

use std::time::Duration;

use crate::cli::HealthArgs;
use crate::cluster::Broker;
use crate::cluster::discovery::discover_brokers;
use crate::commands::Context;
use crate::exit::{ExitCode, Failure};
use crate::health::verdict::{DEFAULT_QUORUM_WINDOW_MS, KafkaFacts, Report, Verdict, evaluate};
use crate::kafka::KafkaOptions;
use crate::kafka::admin::{IntConfigs, topic_int_config};
use crate::kafka::metadata::fetch_metadata;
use crate::kafka::quorum::{describe_quorum, quorum_fetch_timeout};
use crate::kafka::reassign::list_reassignments;

/// Everything Kafka says that health judges.
pub async fn kafka_facts(opts: &KafkaOptions) -> anyhow::Result<KafkaFacts> {
    let meta = fetch_metadata(opts).await?;
    let (quorum, moving) = tokio::join!(describe_quorum(opts), list_reassignments(opts));
    let quorum_window_ms = match &quorum {
        Ok(q) => quorum_fetch_timeout(opts, q.leader_id, meta.brokers.first().map(|b| b.id)).await,
        Err(_) => Ok(DEFAULT_QUORUM_WINDOW_MS),
    };
    // Every topic's: a partition fully in sync can still be below it (RF < min.insync.replicas).
    let topics: Vec<String> = meta.topics.iter().map(|t| t.name.clone()).collect();
    let read = match topic_int_config(opts, &topics, "min.insync.replicas").await {
        Ok(read) => read,
        Err(err) => IntConfigs {
            values: Default::default(),
            failed: topics.iter().map(|t| (t.clone(), format!("{err:#}"))).collect(),
        },
    };
    Ok(KafkaFacts {
        meta,
        quorum: Some(quorum.map_err(|e| format!("{e:#}"))),
        quorum_window_ms: quorum_window_ms.map_err(|e| format!("{e:#}")),
        moving: moving.map_err(|e| format!("{e:#}")),
        min_isr: read.values,
        min_isr_unknown: read.failed,
        now_ms: jiff::Timestamp::now().as_millisecond(),
    })
}

/// One look at the cluster.
async fn check(ctx: &Context, request_timeout: Duration) -> anyhow::Result<(Report, String)> {
    let cluster = ctx.connect().await?;
    let brokers: Vec<Broker> = discover_brokers(&cluster, &ctx.selector).await?;
    let quiet = crate::output::Printer::new(ctx.printer.format, true);
    let route = crate::route::open(&cluster, &brokers, &ctx.route_options(request_timeout), &quiet).await;
    let facts = match &route {
        Ok(route) => match route.client("health") {
            Ok(client) => kafka_facts(&client.opts).await.map_err(|e| format!("{e:#}")),
            Err(e) => Err(format!("{e:#}")),
        },
        Err(e) => Err(format!("{e:#}")),
    };
    if let Ok(r) = route {
        r.close().await;
    }
    let report = evaluate(&brokers, facts.as_ref().map_err(String::as_str));
    Ok((report, cluster.namespace))
}

pub async fn run(ctx: &Context, args: &HealthArgs) -> anyhow::Result<()> {
    let request_timeout = args.timeout.min(Duration::from_secs(10));
    // A verdict is a claim about Kafka: over the tools route it would be "unreachable", which
    // is not true. Say what is missing instead, before anything runs.
    crate::route::require_client_route(&ctx.route_options(request_timeout), "health")?;
    let (mut report, mut namespace) = check(ctx, request_timeout).await?;
    if args.wait && report.verdict != Verdict::Healthy {
        let progress = ctx.printer.progress("waiting for the cluster to be healthy");
        let deadline = tokio::time::Instant::now() + args.timeout;
        while report.verdict != Verdict::Healthy && tokio::time::Instant::now() < deadline {
            if let Some(first) = report.reasons.iter().find(|r| r.severity == crate::health::Severity::Error) {
                progress.set_message(format!("{:?}: {}", report.verdict, first.message).to_lowercase());
            }
            tokio::time::sleep(Duration::from_secs(2)).await;
            (report, namespace) = check(ctx, request_timeout).await?;
        }
        progress.finish_and_clear();
    }
    if ctx.printer.format.is_machine() {
        ctx.printer.document(&report)?;
    } else {
        let word = match report.verdict {
            Verdict::Healthy => "HEALTHY",
            Verdict::Degraded => "DEGRADED",
            Verdict::Unreachable => "UNREACHABLE",
        };
        ctx.printer.lines(&[format!("{word}: Kafka in namespace {namespace}")])?;
        if !report.reasons.is_empty() {
            let rows: Vec<Vec<String>> = report
                .reasons
                .iter()
                .map(|r| vec![r.severity.to_string(), r.area.clone(), r.message.clone()])
                .collect();
            ctx.printer.table(&["SEVERITY", "AREA", "REASON"], &rows)?;
        }
    }
    match report.verdict {
        Verdict::Healthy => Ok(()),
        Verdict::Degraded => {
            Err(Failure::new(ExitCode::Degraded, format!("Kafka in namespace {namespace} is degraded"))
                .hint(if args.wait {
                    "it did not recover within --timeout".to_string()
                } else {
                    format!("`kubectl kafka -n {namespace} health --wait` waits for recovery")
                })
                .into())
        }
        Verdict::Unreachable => {
            Err(Failure::new(ExitCode::Unreachable, format!("cannot reach the Kafka brokers in namespace {namespace}"))
                .hint(format!("`kubectl kafka -n {namespace} status` shows the pods"))
                .into())
        }
    }
}
