//! What the rollout commands share: Kafka's state in the safety rules' terms, the waits for a
//! broker to rejoin and catch up, and the refusal message.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use k8s_openapi::api::apps::v1::Deployment;
use kube::Api;

use crate::cluster::model::WorkloadKind;
use crate::cluster::{Broker, Cluster};
use crate::exit::{ExitCode, Failure};
use crate::kafka::KafkaOptions;
use crate::kafka::admin::topic_int_config;
use crate::kafka::metadata::fetch_metadata;
use crate::kafka::quorum::describe_quorum;
use crate::output::Printer;
use crate::rollout::apply::wait_rollout;
use crate::rollout::safety::{Blocker, PartitionState, QuorumState, blockers};

/// Kafka's state as the safety rules need it.
pub struct KafkaState {
    pub partitions: Vec<PartitionState>,
    pub quorum: Option<QuorumState>,
    pub registered: BTreeSet<i32>,
}

/// min.insync.replicas of every topic (read once per command: it rarely changes).
pub async fn min_isr_by_topic(opts: &KafkaOptions) -> anyhow::Result<BTreeMap<String, i32>> {
    let meta = fetch_metadata(opts).await?;
    let names: Vec<String> = meta.topics.iter().map(|t| t.name.clone()).collect();
    let mut read = topic_int_config(opts, &names, "min.insync.replicas").await?;
    if !read.failed.is_empty() {
        // Once more for those: a broker may have just gone away.
        let again: Vec<String> = read.failed.keys().cloned().collect();
        let retry = topic_int_config(opts, &again, "min.insync.replicas").await?;
        read.values.extend(retry.values);
        read.failed = retry.failed;
    }
    // The safety checks must not guess: a topic whose min.insync.replicas is unknown fails
    // the command (closed), rather than being assumed 1 (open).
    if let Some((topic, why)) = read.failed.iter().next() {
        return Err(Failure::new(
            ExitCode::Refused,
            format!("cannot read min.insync.replicas of topic {topic} ({why}); {} topics unknown", read.failed.len()),
        )
        .hint("retry when the brokers answer (`kubectl kafka health`), or pass --force to skip the checks")
        .into());
    }
    Ok(read.values)
}

pub async fn kafka_state(opts: &KafkaOptions, min_isr: &BTreeMap<String, i32>) -> anyhow::Result<KafkaState> {
    let meta = fetch_metadata(opts).await?;
    let quorum = describe_quorum(opts).await.ok().map(|q| QuorumState {
        leader: q.leader_id,
        voters: q.voters.iter().map(|v| v.node_id).collect(),
        caught_up: q.caught_up_voters(2000),
    });
    let partitions = meta
        .topics
        .iter()
        .flat_map(|t| {
            t.partitions.iter().map(|p| PartitionState {
                topic: t.name.clone(),
                partition: p.id,
                replicas: p.replicas.clone(),
                isr: p.isr.clone(),
                min_isr: min_isr.get(&t.name).copied().unwrap_or(1),
            })
        })
        .collect();
    Ok(KafkaState { partitions, quorum, registered: meta.brokers.iter().map(|b| b.id).collect() })
}

/// The failure when a check refuses, naming every partition (or the quorum) in the way.
pub fn refusal(broker: &str, action: &str, found: &[Blocker]) -> anyhow::Error {
    let shown: Vec<&str> = found.iter().take(20).map(|b| b.detail.as_str()).collect();
    let more = if found.len() > 20 { format!(" and {} more", found.len() - 20) } else { String::new() };
    Failure::new(ExitCode::Refused, format!("refusing to {action} {broker}: {}{more}", shown.join("; ")))
        .hint(
            "wait until those partitions are back in sync (`kubectl kafka health`), or pass --force to go ahead anyway",
        )
        .into()
}

/// Checks one broker now; Err is the refusal.
pub async fn check_now(
    opts: &KafkaOptions,
    min_isr: &BTreeMap<String, i32>,
    broker: &Broker,
    action: &str,
) -> anyhow::Result<()> {
    let Some(id) = broker.node_id else { return Ok(()) };
    let state = kafka_state(opts, min_isr).await?;
    let found = blockers(id, &state.partitions, state.quorum.as_ref());
    if found.is_empty() { Ok(()) } else { Err(refusal(&broker.name, action, &found)) }
}

/// Waits until broker `id` is registered and in the ISR of every partition it hosts.
pub async fn wait_in_sync(
    opts: &KafkaOptions,
    id: i32,
    limit: Duration,
    mut report: impl FnMut(&str),
) -> anyhow::Result<()> {
    let deadline = tokio::time::Instant::now() + limit;
    let mut said = String::new();
    loop {
        let msg = match fetch_metadata(opts).await {
            Ok(meta) if !meta.brokers.iter().any(|b| b.id == id) => format!("waiting for broker {id} to register"),
            Ok(meta) => {
                let behind: Vec<String> = meta
                    .topics
                    .iter()
                    .flat_map(|t| {
                        t.partitions
                            .iter()
                            .filter(|p| p.replicas.contains(&id) && !p.isr.contains(&id))
                            .map(move |p| format!("{}/{}", t.name, p.id))
                    })
                    .collect();
                if behind.is_empty() {
                    return Ok(());
                }
                format!("rejoined; {} partitions catching up", behind.len())
            }
            Err(err) => format!("waiting for the brokers to answer ({err})"),
        };
        if msg != said {
            report(&msg);
            said = msg;
        }
        if tokio::time::Instant::now() >= deadline {
            anyhow::bail!("broker {id} not in sync after {limit:?}: {said}");
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

/// Rollout, then rejoin and catch up, with a progress line.
pub async fn wait_broker(
    cluster: &Cluster,
    opts: &KafkaOptions,
    broker: &Broker,
    limit: Duration,
    printer: &Printer,
) -> anyhow::Result<()> {
    let api: Api<Deployment> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let bar = printer.progress(&format!("{}: rolling", broker.name));
    let name = broker.name.clone();
    wait_rollout(&api, &broker.workload, limit, |m| bar.set_message(format!("{name}: rolling: {m}"))).await?;
    bar.set_message(format!("{name}: pod ready"));
    if let Some(id) = broker.node_id {
        wait_in_sync(opts, id, limit, |m| bar.set_message(format!("{name}: {m}"))).await?;
    }
    bar.finish_and_clear();
    Ok(())
}

/// Only Deployments can be changed (StatefulSets are read-only for now).
pub fn require_deployment(broker: &Broker) -> anyhow::Result<()> {
    if broker.kind == WorkloadKind::Deployment {
        return Ok(());
    }
    Err(Failure::new(
        ExitCode::Usage,
        format!(
            "{} is run by statefulset {}: rollouts of StatefulSets are not supported yet",
            broker.name, broker.workload
        ),
    )
    .hint("use kubectl rollout for StatefulSets")
    .into())
}
