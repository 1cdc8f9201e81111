//! `kubectl kafka doctor`: reads the workloads, Services, PVCs and nodes (and the topics, when
//! Kafka answers) and reports each finding with severity, object and fix.

use crate::cli::DoctorArgs;
use crate::cluster::discovery::{build_brokers, no_brokers, read_inventory};
use crate::cluster::selector::Selector;
use crate::commands::Context;
use crate::exit::{ExitCode, Failure};
use crate::health::Severity;
use crate::health::doctor::{DoctorInput, ServiceFacts, TopicFacts, diagnose};

pub async fn run(ctx: &Context, args: &DoctorArgs) -> anyhow::Result<()> {
    let cluster = ctx.connect().await?;
    let selector = Selector::parse(&ctx.selector).map_err(|m| Failure::new(ExitCode::Usage, m))?;
    let inventory = read_inventory(&cluster, &ctx.selector).await?;
    let brokers = build_brokers(&inventory, &selector);
    if brokers.is_empty() {
        return Err(no_brokers(&cluster.namespace, &ctx.selector).into());
    }
    let services = inventory
        .services
        .iter()
        .map(|s| ServiceFacts {
            name: s.metadata.name.clone().unwrap_or_default(),
            ports: s
                .spec
                .as_ref()
                .and_then(|s| s.ports.as_ref())
                .into_iter()
                .flatten()
                .filter_map(|p| u16::try_from(p.port).ok())
                .collect(),
        })
        .collect();
    let nodes = match crate::cluster::nodes::read_nodes(&cluster).await {
        Ok(nodes) => Some(nodes),
        Err(err) => {
            ctx.printer.warn(&format!("node checks skipped: {err:#}"));
            None
        }
    };
    let topics = if args.offline { None } else { topic_facts(ctx, &cluster, &brokers, args.timeout).await };
    let all: Vec<&crate::cluster::Broker> = brokers.iter().collect();
    let volumes = crate::cluster::nodes::volumes_of_each(&cluster, &all).await;
    if volumes.is_none() {
        ctx.printer.warn("volume checks skipped: cannot read the brokers' persistent volumes");
    }
    let findings =
        diagnose(&DoctorInput { namespace: &cluster.namespace, brokers: &brokers, services, nodes, volumes, topics });
    if ctx.printer.format.is_machine() {
        ctx.printer.document(&serde_json::json!({ "namespace": cluster.namespace, "findings": findings }))?;
    } else if findings.is_empty() {
        ctx.printer.lines(&[format!(
            "no findings: the {} brokers in namespace {} pass every check",
            brokers.len(),
            cluster.namespace
        )])?;
    } else {
        let rows: Vec<Vec<String>> = findings
            .iter()
            .map(|f| vec![f.severity.to_string(), f.check.to_string(), f.object.clone(), f.message.clone()])
            .collect();
        ctx.printer.table(&["SEVERITY", "CHECK", "OBJECT", "FINDING"], &rows)?;
        ctx.printer.lines(&[String::new(), "Fixes:".to_string()])?;
        let mut fixes: Vec<String> = findings.iter().map(|f| format!("  {}: {}", f.object, f.fix)).collect();
        fixes.dedup();
        ctx.printer.lines(&fixes)?;
    }
    let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    if errors > 0 {
        return Err(Failure::new(
            ExitCode::Degraded,
            format!("doctor found {errors} error(s) in namespace {}", cluster.namespace),
        )
        .hint("apply the fixes listed above, then run doctor again")
        .into());
    }
    Ok(())
}

/// Each topic's replication factor and min.insync.replicas, on whichever route Kafka is
/// reached; None (the checks skipped, with a warning) when Kafka does not answer.
async fn topic_facts(
    ctx: &Context,
    cluster: &crate::cluster::Cluster,
    brokers: &[crate::cluster::Broker],
    timeout: std::time::Duration,
) -> Option<Vec<TopicFacts>> {
    let route = match ctx.open_route(cluster, brokers, timeout).await {
        Ok(route) => route,
        Err(err) => {
            ctx.printer.warn(&format!("topic checks skipped: {err:#}"));
            return None;
        }
    };
    let facts = async {
        let listed: Vec<_> = route.topics(false).await?.into_iter().filter(|t| !t.internal).collect();
        let names: Vec<String> = listed.iter().map(|t| t.name.clone()).collect();
        let read = route.topic_int_configs(&names, "min.insync.replicas").await?;
        if !read.failed.is_empty() {
            ctx.printer
                .warn(&format!("topic checks skip {} topics whose configs could not be read", read.failed.len()));
        }
        Ok::<_, anyhow::Error>(
            listed
                .into_iter()
                .filter_map(|t| {
                    Some(TopicFacts {
                        min_isr: *read.values.get(&t.name)?,
                        replication_factor: t.replication_factor as i32,
                        name: t.name,
                    })
                })
                .collect(),
        )
    }
    .await;
    route.close().await;
    facts.map_err(|err| ctx.printer.warn(&format!("topic checks skipped: {err:#}"))).ok()
}
