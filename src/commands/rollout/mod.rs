//! The rollout family (`restart`, `rollback`, `scale`, `history`, `rollout-status`), and what
//! they share: Kafka's state in the safety rules' terms, the waits for a
//! broker to rejoin and catch up, and the refusal message.

pub mod cluster_size;
pub mod history;
pub mod relocate;
pub mod restart;
pub mod rollback;
pub mod scale;
pub mod status;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use k8s_openapi::api::apps::v1::Deployment;
use kube::Api;

use crate::cluster::discovery::current_pod_now;
use crate::cluster::model::WorkloadKind;
use crate::cluster::placement::{NodeInfo, TargetProblem, target_problem};
use crate::cluster::{Broker, Cluster};
use crate::exit::{ExitCode, Failure};
use crate::kafka::KafkaOptions;
use crate::kafka::admin::topic_int_config;
use crate::kafka::metadata::{ClusterMeta, agreed_view, fetch_metadata, metadata_of_each};
use crate::kafka::quorum::{QUORUM_FETCH_TIMEOUT, describe_quorum, quorum_fetch_timeout};
use crate::output::Printer;
use crate::rollout::apply::{send_merge, send_restart, send_undo, wait_pods_gone, wait_rollout};
use crate::rollout::safety::{Blocker, PartitionState, PodLook, QuorumState, blockers, pod_look, starting_blocker};
use crate::rollout::strategy::{RollMode, resume_ops, resume_with, roll_mode, stop_patch, stopped_for_roll};
use crate::rollout::wait::{Look, wait_until};
use serde_json::Value;

/// Kafka's state as the safety rules need it, as every broker sees it.
pub struct KafkaState {
    pub partitions: Vec<PartitionState>,
    pub quorum: QuorumState,
    pub registered: BTreeSet<i32>,
}

/// min.insync.replicas of every topic (read once per command; topics that appear later are
/// read when they are first seen, never assumed).
pub async fn min_isr_by_topic(opts: &KafkaOptions) -> anyhow::Result<BTreeMap<String, i32>> {
    let meta = fetch_metadata(opts).await?;
    let names: Vec<String> = meta.topics.iter().map(|t| t.name.clone()).collect();
    read_min_isr(opts, &names).await
}

async fn read_min_isr(opts: &KafkaOptions, names: &[String]) -> anyhow::Result<BTreeMap<String, i32>> {
    let mut read = topic_int_config(opts, names, "min.insync.replicas").await?;
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

/// A safety input that could not be read: the command refuses rather than guess.
fn unreadable(what: &str, err: anyhow::Error) -> anyhow::Error {
    Failure::new(ExitCode::Refused, format!("cannot read {what}: {err:#}; refusing rather than guessing"))
        .hint("retry when the brokers answer (`kubectl kafka health`), or pass --force to go ahead without the checks")
        .into()
}

/// The metadata every registered broker agrees on, each asked on its own (`skip` left out: a
/// broker being stopped). One that cannot be asked is an error: its view is unknown.
pub async fn agreed_metadata(opts: &KafkaOptions, skip: Option<i32>) -> anyhow::Result<ClusterMeta> {
    let meta = fetch_metadata(opts).await?;
    let asked: Vec<_> = meta.brokers.iter().filter(|b| Some(b.id) != skip).cloned().collect();
    let mut views = Vec::new();
    for (_, view) in metadata_of_each(opts, &asked).await {
        views.push(view?);
    }
    if views.is_empty() {
        anyhow::bail!("no broker answered");
    }
    Ok(agreed_view(&views))
}

/// Kafka's state for the safety rules: partitions as every broker agrees on them, the
/// quorum, min.insync.replicas of every topic (read now for topics not seen before). Any of
/// them unreadable is a refusal.
pub async fn kafka_state(opts: &KafkaOptions, min_isr: &mut BTreeMap<String, i32>) -> anyhow::Result<KafkaState> {
    let meta = agreed_metadata(opts, None).await.map_err(|e| unreadable("every broker's metadata", e))?;
    let q = describe_quorum(opts).await.map_err(|e| unreadable("the controller quorum", e))?;
    // A voter is caught up when it fetched within the quorum's own fetch timeout (Strimzi's
    // rule), read from the leader, else from any broker (it is one value for the cluster).
    let window = quorum_fetch_timeout(opts, q.leader_id, meta.brokers.first().map(|b| b.id))
        .await
        .map_err(|e| unreadable(QUORUM_FETCH_TIMEOUT, e))?;
    let quorum = QuorumState {
        leader: q.leader_id,
        voters: q.voters.iter().map(|v| v.node_id).collect(),
        caught_up: q.caught_up_voters(window),
    };
    let new: Vec<String> = meta.topics.iter().map(|t| t.name.clone()).filter(|t| !min_isr.contains_key(t)).collect();
    if !new.is_empty() {
        min_isr.extend(read_min_isr(opts, &new).await?);
    }
    let partitions = meta
        .topics
        .iter()
        .flat_map(|t| {
            let min = min_isr.get(&t.name).copied().unwrap_or(i32::MAX);
            t.partitions.iter().map(move |p| PartitionState {
                topic: t.name.clone(),
                partition: p.id,
                replicas: p.replicas.clone(),
                isr: p.isr.clone(),
                min_isr: min,
            })
        })
        .collect();
    Ok(KafkaState { partitions, quorum, registered: meta.brokers.iter().map(|b| b.id).collect() })
}

/// The checks' inputs for a roll: min.insync.replicas of every topic and Kafka's state.
/// Unreadable refuses; with --force it is only a warning.
pub async fn check_inputs(
    printer: &Printer,
    force: bool,
    opts: &KafkaOptions,
) -> anyhow::Result<(BTreeMap<String, i32>, Option<KafkaState>)> {
    let mut min_isr = match min_isr_by_topic(opts).await {
        Ok(m) => m,
        Err(err) if force => {
            printer.warn(&format!("--force: {err:#}"));
            Default::default()
        }
        Err(err) => return Err(err),
    };
    let state = match kafka_state(opts, &mut min_isr).await {
        Ok(s) => Some(s),
        Err(err) if force => {
            printer.warn(&format!("--force: {err:#}"));
            None
        }
        Err(err) => return Err(err),
    };
    Ok((min_isr, state))
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

/// Node ids of the brokers whose Deployments are scaled to 0: waiting never brings them back.
pub fn stopped_brokers(brokers: &[Broker]) -> BTreeSet<i32> {
    brokers.iter().filter(|b| b.desired_replicas == 0).filter_map(|b| b.node_id).collect()
}

/// What a passed check found: the ordinary availability check, or none because the pod was
/// stuck (the reason).
#[derive(Debug, PartialEq, Eq)]
pub enum Cleared {
    Checked,
    Stuck(String),
}

/// Waits until `broker` may go down (retrying with back-off, as Strimzi's roller does), up to
/// `limit`; then refuses, naming what is in the way. `limit` zero checks once. The broker's
/// pod is looked at afresh each time: a stuck pod (no process, none coming) is rolled without
/// the check; a broker whose process runs but has not joined (log recovery) is waited for.
/// When what is in the way involves a broker scaled to 0 (in `stopped`), waiting cannot help:
/// it refuses at once.
#[allow(clippy::too_many_arguments)]
pub async fn wait_until_safe(
    cluster: &Cluster,
    opts: &KafkaOptions,
    min_isr: &mut BTreeMap<String, i32>,
    broker: &Broker,
    action: &str,
    limit: Duration,
    stopped: &BTreeSet<i32>,
    mut report: impl FnMut(&str),
) -> anyhow::Result<Cleared> {
    let Some(id) = broker.node_id else { return Ok(Cleared::Checked) };
    let deadline = tokio::time::Instant::now() + limit;
    let mut pause = Duration::from_millis(500);
    loop {
        let pod = current_pod_now(cluster, broker).await?;
        let (stuck, running) = pod.as_ref().map_or((None, false), |p| (p.stuck.as_deref(), p.running));
        if let PodLook::Stuck(reason) = pod_look(stuck, running, false) {
            return Ok(Cleared::Stuck(reason));
        }
        let outcome = match kafka_state(opts, min_isr).await {
            Ok(state) => {
                let mut found = Vec::new();
                if pod_look(None, running, state.registered.contains(&id)) == PodLook::Starting {
                    found.push(starting_blocker(id));
                }
                found.extend(blockers(id, &state.partitions, &state.quorum));
                if found.is_empty() {
                    return Ok(Cleared::Checked);
                }
                let hopeless = state.quorum.voters.iter().any(|v| stopped.contains(v))
                    || state
                        .partitions
                        .iter()
                        .any(|p| p.replicas.contains(&id) && p.replicas.iter().any(|r| stopped.contains(r)));
                if hopeless {
                    let names: Vec<String> = stopped.iter().map(|n| format!("broker {n}")).collect();
                    return Err(refusal(&broker.name, action, &found)
                        .context(format!("{} scaled to 0: waiting cannot help", names.join(", "))));
                }
                let more = if found.len() > 1 { format!(" (and {} more)", found.len() - 1) } else { String::new() };
                report(&format!("waiting before {action}: {}{more}", found[0].detail));
                Err(refusal(&broker.name, action, &found))
            }
            Err(err) => {
                report(&format!("waiting before {action}: {err:#}"));
                Err(err)
            }
        };
        if tokio::time::Instant::now() + pause > deadline {
            return outcome;
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(Duration::from_secs(5));
    }
}

/// Checks one broker now; Err is the refusal.
pub async fn check_now(
    cluster: &Cluster,
    opts: &KafkaOptions,
    min_isr: &mut BTreeMap<String, i32>,
    broker: &Broker,
    action: &str,
) -> anyhow::Result<Cleared> {
    wait_until_safe(cluster, opts, min_isr, broker, action, Duration::ZERO, &BTreeSet::new(), |_| {}).await
}

/// The note a roll prints when it skipped the check of a stuck pod.
pub fn stuck_note(broker: &str, action: &str, reason: &str) -> String {
    format!(
        "{broker}: its pod is {reason} (no broker process runs): {action} without the availability check, as it serves nothing now"
    )
}

/// What keeps broker `id` from counting as rejoined and in sync, from the metadata every
/// broker agrees on (the broker itself included: it answers only once its new process runs).
pub fn not_in_sync(agreed: &ClusterMeta, id: i32) -> Option<String> {
    if !agreed.brokers.iter().any(|b| b.id == id) {
        return Some(format!("waiting for broker {id} to register"));
    }
    let behind = agreed
        .topics
        .iter()
        .flat_map(|t| t.partitions.iter().filter(|p| p.replicas.contains(&id) && !p.isr.contains(&id)))
        .count();
    (behind > 0).then(|| format!("rejoined; {behind} partitions catching up"))
}

/// Waits until broker `id` is registered and in the ISR of every partition it hosts, as
/// every broker (each asked on its own) sees it.
pub async fn wait_in_sync(
    opts: &KafkaOptions,
    id: i32,
    limit: Duration,
    report: impl FnMut(&str),
) -> anyhow::Result<()> {
    wait_until(&format!("broker {id} not in sync"), limit, report, || async move {
        Ok(match agreed_metadata(opts, None).await {
            Ok(agreed) => match not_in_sync(&agreed, id) {
                None => Look::Done(()),
                Some(msg) => Look::Waiting(msg),
            },
            Err(err) => Look::Waiting(format!("waiting for every broker to answer ({err:#})")),
        })
    })
    .await
}

/// What still counts broker `id` in the metadata the other brokers agree on: its registration
/// (it is not fenced yet) or ISRs that list it. A partition whose only in-sync replica was this
/// broker keeps it (Kafka never empties an ISR): it is offline, and there is nothing to wait for.
pub fn still_counted(agreed: &ClusterMeta, id: i32) -> Option<String> {
    let registered = agreed.brokers.iter().any(|b| b.id == id);
    let listed =
        agreed.topics.iter().flat_map(|t| &t.partitions).filter(|p| p.isr.contains(&id) && p.isr.len() > 1).count();
    (registered || listed > 0).then(|| format!("waiting for Kafka to fence broker {id} ({listed} ISRs still list it)"))
}

/// Waits until Kafka no longer counts broker `id` (see `still_counted`), asking every other
/// broker on its own.
pub async fn wait_out_of_kafka(
    opts: &KafkaOptions,
    id: i32,
    limit: Duration,
    report: impl FnMut(&str),
) -> anyhow::Result<()> {
    wait_until(&format!("broker {id} still counted by Kafka"), limit, report, || async move {
        Ok(match agreed_metadata(opts, Some(id)).await {
            Ok(agreed) => match still_counted(&agreed, id) {
                None => Look::Done(()),
                Some(msg) => Look::Waiting(msg),
            },
            Err(err) => Look::Waiting(format!("waiting for the other brokers to answer ({err:#})")),
        })
    })
    .await
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

/// The change a roll applies to a broker's pod template.
pub enum Change<'a> {
    /// A strategic-merge patch (restart's annotation).
    Template(&'a Value),
    /// A JSON patch (rollback's template).
    Undo(&'a Value),
}

fn has_rwo_volume(broker: &Broker) -> bool {
    broker.volumes.iter().any(|v| v.access_modes.iter().any(|m| m == "ReadWriteOnce" || m == "ReadWriteOncePod"))
}

/// Applies `change` to one broker so that two of its pods never run at once (stop-first when
/// the Deployment's strategy would surge over a ReadWriteOnce volume, see
/// `rollout::strategy`), then waits until it has rejoined and caught up. A Deployment a
/// killed run left stopped is finished, not stopped again.
pub async fn roll_broker(
    cluster: &Cluster,
    opts: &KafkaOptions,
    broker: &Broker,
    change: Change<'_>,
    limit: Duration,
    printer: &Printer,
) -> anyhow::Result<()> {
    let api: Api<Deployment> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let d = api.get(&broker.workload).await.map_err(|e| cluster.api_error(e, "get", "deployments.apps"))?;
    let stopped = stopped_for_roll(&d);
    let mode = if stopped.is_some() { RollMode::StopFirst } else { roll_mode(&d, has_rwo_volume(broker)) };
    let patch_err = |e| cluster.api_error(e, "patch", "deployments.apps");
    match mode {
        RollMode::InPlace => match change {
            Change::Template(p) => {
                send_restart(&api, &broker.workload, p).await.map_err(patch_err)?;
            }
            Change::Undo(p) => {
                send_undo(&api, &broker.workload, p).await?;
            }
        },
        RollMode::StopFirst => {
            let replicas = stopped.unwrap_or_else(|| d.spec.as_ref().and_then(|s| s.replicas).unwrap_or(1));
            let name = broker.name.clone();
            let bar = printer.progress(&format!("{name}: stopping first"));
            if stopped.is_none() {
                send_merge(&api, &broker.workload, &stop_patch(replicas)).await.map_err(patch_err)?;
            }
            wait_pods_gone(cluster.client.clone(), &cluster.namespace, &d, limit, |m| {
                bar.set_message(format!(
                    "{name}: stopping first (RollingUpdate would run two brokers on one volume): {m}"
                ))
            })
            .await?;
            // The pod is gone, so starting the new one is safe whatever Kafka says; waiting for
            // Kafka to fence the old process only keeps its stale registration out of the
            // in-sync evidence. If Kafka is slow to say so, go on rather than leave the broker
            // stopped (the in-sync wait asks the new process itself anyway).
            if let Some(id) = broker.node_id {
                let fenced = wait_out_of_kafka(opts, id, limit.min(Duration::from_secs(60)), |m| {
                    bar.set_message(format!("{name}: stopped: {m}"))
                })
                .await;
                if let Err(err) = fenced {
                    printer.warn(&format!("{name}: starting it again although {err:#}"));
                }
            }
            bar.finish_and_clear();
            match change {
                Change::Template(p) => {
                    send_restart(&api, &broker.workload, &resume_with(p, replicas)).await.map_err(patch_err)?;
                }
                Change::Undo(p) => {
                    let ops: Vec<Value> = serde_json::from_value(p.clone())?;
                    send_undo(&api, &broker.workload, &Value::Array(resume_ops(ops, replicas))).await?;
                }
            }
        }
    }
    wait_broker(cluster, opts, broker, limit, printer).await
}

/// The time limit of each Kafka request of a rollout command: `--request-timeout` (which also
/// bounds API server requests), never more than the command's own `--timeout`.
pub fn kafka_request_timeout(ctx: &crate::commands::Context, limit: Duration) -> Duration {
    ctx.cluster.request_timeout.unwrap_or(limit).min(limit).max(Duration::from_secs(1))
}

/// Ctrl-C during a roll: the first one lets the broker in progress finish (its change is
/// applied whole) and stops before the next, saying so; a second one exits at once (130). A
/// Deployment a second Ctrl-C leaves stopped for a roll is finished by the next `restart`.
pub struct Interrupt {
    flag: std::sync::Arc<std::sync::atomic::AtomicBool>,
    watcher: tokio::task::JoinHandle<()>,
}

impl Interrupt {
    pub fn watch(printer: &Printer) -> Interrupt {
        let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (set, printer) = (flag.clone(), printer.clone());
        let watcher = tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                set.store(true, std::sync::atomic::Ordering::SeqCst);
                printer.warn("interrupted: finishing the broker in progress (its change is applied whole), then stopping; Ctrl-C again exits at once");
                if tokio::signal::ctrl_c().await.is_ok() {
                    std::process::exit(ExitCode::Interrupted as i32);
                }
            }
        });
        Interrupt { flag, watcher }
    }

    /// Whether Ctrl-C was pressed.
    pub fn asked(&self) -> bool {
        self.flag.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Resolves once Ctrl-C is pressed (to race a wait that has changed nothing yet).
    pub async fn pressed(&self) {
        while !self.asked() {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for Interrupt {
    fn drop(&mut self) {
        self.watcher.abort();
    }
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

/// Refuses before any change when the node is missing (exit 6), cordoned or not Ready (exit 9).
pub fn check_target<'a>(nodes: &'a [NodeInfo], name: &str) -> anyhow::Result<&'a NodeInfo> {
    let names: Vec<&str> = nodes.iter().map(|n| n.name.as_str()).collect();
    match target_problem(nodes, name) {
        None => Ok(nodes.iter().find(|n| n.name == name).expect("checked")),
        Some(TargetProblem::Missing) => Err(Failure::new(ExitCode::NotFound, format!("node {name} does not exist"))
            .hint(format!("the nodes are: {} (kubectl get nodes)", names.join(", ")))
            .into()),
        Some(TargetProblem::Cordoned) => Err(Failure::new(
            ExitCode::Refused,
            format!("node {name} is cordoned (unschedulable): the broker's new pod could not be scheduled there"),
        )
        .hint(format!("kubectl uncordon {name}, or pick another node"))
        .into()),
        Some(TargetProblem::NotReady(why)) => Err(Failure::new(
            ExitCode::Refused,
            format!("node {name} is not Ready ({why}): the broker would not start there"),
        )
        .hint(format!("see kubectl describe node {name}, or pick a Ready node"))
        .into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kafka::metadata::{BrokerMeta, PartitionMeta, TopicMeta};

    fn meta(brokers: &[i32], isrs: &[&[i32]]) -> ClusterMeta {
        ClusterMeta {
            controller_id: Some(1),
            brokers: brokers
                .iter()
                .map(|&id| BrokerMeta { id, host: format!("kafka-{id}"), port: 9092, rack: None })
                .collect(),
            topics: vec![TopicMeta {
                name: "orders".into(),
                error: None,
                partitions: isrs
                    .iter()
                    .enumerate()
                    .map(|(i, isr)| PartitionMeta {
                        id: i as i32,
                        leader: isr.first().copied().unwrap_or(-1),
                        replicas: vec![1, 2, 3],
                        isr: isr.to_vec(),
                        error: None,
                    })
                    .collect(),
            }],
        }
    }

    #[test]
    fn in_sync_needs_the_registration_and_every_isr() {
        assert_eq!(not_in_sync(&meta(&[1, 3], &[&[1, 3]]), 2).unwrap(), "waiting for broker 2 to register");
        assert_eq!(
            not_in_sync(&meta(&[1, 2, 3], &[&[1, 2, 3], &[1, 3]]), 2).unwrap(),
            "rejoined; 1 partitions catching up"
        );
        assert!(not_in_sync(&meta(&[1, 2, 3], &[&[1, 2, 3], &[3, 2, 1]]), 2).is_none());
    }

    #[test]
    fn out_of_kafka_means_fenced_and_out_of_every_shared_isr() {
        assert!(still_counted(&meta(&[1, 2, 3], &[&[1, 3]]), 2).is_some(), "still registered");
        assert!(still_counted(&meta(&[1, 3], &[&[1, 2, 3]]), 2).unwrap().contains("1 ISRs still list it"));
        assert!(still_counted(&meta(&[1, 3], &[&[1, 3], &[2]]), 2).is_none(), "an ISR of [2] alone stays: offline");
    }
}
