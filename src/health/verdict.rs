//! `health`: one verdict and its reasons, from the pods, the registered brokers, the
//! controller quorum and the partitions.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::Severity;
use crate::cluster::model::{Broker, Role};
use crate::kafka::metadata::ClusterMeta;
use crate::kafka::quorum::Quorum;
use crate::kafka::reassign::Reassignments;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Healthy,
    Degraded,
    Unreachable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    pub severity: Severity,
    /// pods, brokers, quorum or partitions
    pub area: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub verdict: Verdict,
    pub reasons: Vec<Reason>,
}

/// What Kafka said, when it could be reached.
#[derive(Debug, Clone)]
pub struct KafkaFacts {
    pub meta: ClusterMeta,
    pub quorum: Option<Result<Quorum, String>>,
    /// controller.quorum.fetch.timeout.ms: how recently a voter must have fetched to count as
    /// caught up (Kafka's default is used, and said, when it cannot be read).
    pub quorum_window_ms: Result<i64, String>,
    /// min.insync.replicas of every topic.
    pub min_isr: BTreeMap<String, i32>,
    /// Topics whose min.insync.replicas could not be read, with why.
    pub min_isr_unknown: BTreeMap<String, String>,
    /// Partitions being reassigned: a replica being added is not missing from the ISR.
    pub moving: Result<Reassignments, String>,
    pub now_ms: i64,
}

/// Kafka's default controller.quorum.fetch.timeout.ms.
pub const DEFAULT_QUORUM_WINDOW_MS: i64 = 2000;

fn reason(severity: Severity, area: &str, message: String) -> Reason {
    Reason { severity, area: area.to_string(), message }
}

/// Judges the cluster. Errors make it degraded; warnings are reported but do not.
pub fn evaluate(brokers: &[Broker], kafka: Result<&KafkaFacts, &str>) -> Report {
    let mut reasons = pod_reasons(brokers);
    let facts = match kafka {
        Ok(f) => f,
        Err(why) => {
            reasons.push(reason(Severity::Error, "brokers", format!("cannot reach Kafka: {why}")));
            return Report { verdict: Verdict::Unreachable, reasons };
        }
    };
    reasons.extend(registration_reasons(brokers, facts));
    reasons.extend(quorum_reasons(facts));
    reasons.extend(partition_reasons(facts));
    let verdict =
        if reasons.iter().any(|r| r.severity == Severity::Error) { Verdict::Degraded } else { Verdict::Healthy };
    Report { verdict, reasons }
}

/// Pods that are not ready, or restarted.
fn pod_reasons(brokers: &[Broker]) -> Vec<Reason> {
    let mut reasons = Vec::new();
    for b in brokers {
        if let Some(why) = b.not_ready_reason() {
            reasons.push(reason(Severity::Error, "pods", format!("broker {}: {why}", b.name)));
        }
        if let Some(pod) = b.current_pod()
            && pod.restarts > 0
        {
            let severity = if pod.status == "CrashLoopBackOff" { Severity::Error } else { Severity::Warning };
            reasons.push(reason(
                severity,
                "pods",
                format!("broker {}: pod {} restarted {} times", b.name, pod.name, pod.restarts),
            ));
        }
    }
    reasons
}

/// Brokers registered versus expected.
fn registration_reasons(brokers: &[Broker], facts: &KafkaFacts) -> Vec<Reason> {
    let mut reasons = Vec::new();
    let expected: BTreeSet<i32> =
        brokers.iter().filter(|b| b.roles.contains(&Role::Broker)).filter_map(|b| b.node_id).collect();
    let registered: BTreeSet<i32> = facts.meta.brokers.iter().map(|b| b.id).collect();
    for missing in expected.difference(&registered) {
        let name = brokers.iter().find(|b| b.node_id == Some(*missing)).map_or("?", |b| b.name.as_str());
        reasons.push(reason(Severity::Error, "brokers", format!("broker {missing} ({name}) is not registered")));
    }
    for extra in registered.difference(&expected) {
        reasons.push(reason(
            Severity::Warning,
            "brokers",
            format!("broker {extra} is registered but no workload here runs it"),
        ));
    }
    reasons
}

/// The controller quorum: a leader, voters caught up within the quorum's fetch timeout, a
/// majority of them.
fn quorum_reasons(facts: &KafkaFacts) -> Vec<Reason> {
    let mut reasons = Vec::new();
    let q = match &facts.quorum {
        None => return reasons,
        Some(Err(why)) => {
            reasons.push(reason(Severity::Error, "quorum", format!("cannot describe the quorum: {why}")));
            return reasons;
        }
        Some(Ok(q)) => q,
    };
    if q.leader_id < 0 {
        reasons.push(reason(Severity::Error, "quorum", "the controller quorum has no leader".into()));
        return reasons;
    }
    let window = match &facts.quorum_window_ms {
        Ok(ms) => *ms,
        Err(why) => {
            reasons.push(reason(
                Severity::Warning,
                "quorum",
                format!("cannot read controller.quorum.fetch.timeout.ms ({why}): voters judged with Kafka's default {DEFAULT_QUORUM_WINDOW_MS} ms"),
            ));
            DEFAULT_QUORUM_WINDOW_MS
        }
    };
    let caught_up = q.caught_up_voters(window);
    for v in q.voters.iter().filter(|v| !caught_up.contains(&v.node_id)) {
        let since = v.last_caught_up.map_or("never caught up".to_string(), |t| {
            format!("last caught up {}s ago", ((facts.now_ms - t).max(0)) / 1000)
        });
        reasons.push(reason(
            Severity::Error,
            "quorum",
            format!("voter {} is {} records behind the leader ({since})", v.node_id, v.lag),
        ));
    }
    let majority = q.voters.len() / 2 + 1;
    if caught_up.len() < majority {
        reasons.push(reason(
            Severity::Error,
            "quorum",
            format!("only {} of {} voters are caught up: the quorum has no majority", caught_up.len(), q.voters.len()),
        ));
    }
    reasons
}

/// Partitions found wanting, by kind.
#[derive(Default)]
struct PartitionFindings {
    offline: Vec<String>,
    under: Vec<String>,
    under_min: Vec<String>,
    min_unknown: Vec<String>,
    moving: Vec<String>,
    unpreferred: usize,
}

fn partition_findings(facts: &KafkaFacts) -> PartitionFindings {
    let mut found = PartitionFindings::default();
    let moving = facts.moving.as_ref().ok();
    for t in &facts.meta.topics {
        for p in &t.partitions {
            let name = format!("{}/{}", t.name, p.id);
            if p.leader < 0 {
                found.offline.push(name.clone());
            }
            // Kafka's TopicCommand: a partition being moved counts its replicas without the
            // ones still being added.
            let reassigning = moving.and_then(|m| m.get(&(t.name.clone(), p.id)));
            let rf = reassigning.map_or(p.replicas.len(), |m| m.replication_factor());
            if reassigning.is_some() {
                found.moving.push(name.clone());
            }
            if p.isr.len() < rf {
                found.under.push(name.clone());
            }
            // Kafka's own rule (TopicCommand's --under-min-isr-partitions): no leader, or
            // fewer in sync than min.insync.replicas, whatever the replication factor. A topic
            // with RF 2 and min.insync.replicas 3 rejects every acks=all write while fully in
            // sync.
            if let Some(min) = facts.min_isr.get(&t.name)
                && (p.leader < 0 || (p.isr.len() as i32) < *min)
            {
                found.under_min.push(name.clone());
            }
            if facts.min_isr_unknown.contains_key(&t.name) && p.isr.len() < rf {
                found.min_unknown.push(name.clone());
            }
            if p.leader >= 0 && p.replicas.first().is_some_and(|r| *r != p.leader) {
                found.unpreferred += 1;
            }
        }
    }
    for v in [&mut found.offline, &mut found.under, &mut found.under_min, &mut found.min_unknown, &mut found.moving] {
        v.sort();
    }
    found
}

/// At most ten names, then how many more.
fn list(v: &[String]) -> String {
    let shown: Vec<&str> = v.iter().take(10).map(String::as_str).collect();
    if v.len() > 10 { format!("{} and {} more", shown.join(", "), v.len() - 10) } else { shown.join(", ") }
}

fn partition_reasons(facts: &KafkaFacts) -> Vec<Reason> {
    let found = partition_findings(facts);
    let mut reasons = Vec::new();
    let mut say = |severity, v: &[String], what: String| {
        if !v.is_empty() {
            reasons.push(reason(severity, "partitions", format!("{} {what}: {}", v.len(), list(v))));
        }
    };
    say(Severity::Error, &found.offline, "offline (no leader)".into());
    say(Severity::Error, &found.under_min, "under min.insync.replicas (acks=all producers fail)".into());
    let why = facts.min_isr_unknown.values().next().cloned().unwrap_or_default();
    say(
        Severity::Warning,
        &found.min_unknown,
        format!(
            "under-replicated with min.insync.replicas unreadable ({why}): cannot tell whether acks=all producers fail"
        ),
    );
    say(Severity::Error, &found.under, "under-replicated".into());
    say(Severity::Info, &found.moving, "being reassigned (replicas being added are not counted as missing)".into());
    if let Err(why) = &facts.moving {
        reasons.push(reason(
            Severity::Warning,
            "partitions",
            format!("cannot list reassignments ({why}): a partition being moved may show as under-replicated"),
        ));
    }
    if found.unpreferred > 0 {
        reasons.push(reason(
            Severity::Warning,
            "partitions",
            format!("{} partitions are not led by their preferred replica (leadership imbalance; `kubectl kafka elect-leaders` fixes it)", found.unpreferred),
        ));
    }
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::model::{BrokerPod, WorkloadKind};
    use crate::kafka::metadata::{BrokerMeta, PartitionMeta, TopicMeta};
    use crate::kafka::quorum::Replica;
    use crate::kafka::reassign::Moving;

    fn broker(n: i32, ready: bool) -> Broker {
        Broker {
            name: format!("kafka-{n}"),
            kind: WorkloadKind::Deployment,
            workload: format!("kafka-{n}"),
            instance: Some(format!("kafka-{n}")),
            node_id: Some(n),
            roles: vec![Role::Broker, Role::Controller],
            listeners: vec![],
            advertised: vec![],
            voters: vec![],
            controller_listener_names: vec![],
            image: None,
            container: None,
            env: Default::default(),
            container_ports: vec![],
            desired_replicas: 1,
            ready_replicas: ready as i32,
            paused: false,
            strategy: None,
            max_surge: 0,
            pods: vec![BrokerPod {
                name: format!("kafka-{n}-abc"),
                phase: "Running".into(),
                status: "Running".into(),
                ready,
                restarts: 0,
                node: Some("worker1".into()),
                ip: None,
                created: None,
                terminating: false,
                stuck: None,
                running: ready,
            }],
            services: vec![],
            volumes: vec![],
            pinned_nodes: vec![],
            pod_labels: Default::default(),
            created: None,
        }
    }

    fn voter(id: i32, leader: bool, lag: i64, caught_up: i64) -> Replica {
        Replica {
            node_id: id,
            log_end_offset: 100 - lag,
            lag,
            last_fetch: Some(caught_up),
            last_caught_up: Some(caught_up),
            voter: true,
            leader,
        }
    }

    fn facts(registered: &[i32], isr: &[i32], voters: Vec<Replica>) -> KafkaFacts {
        KafkaFacts {
            meta: ClusterMeta {
                controller_id: None,
                brokers: registered
                    .iter()
                    .map(|id| BrokerMeta { id: *id, host: String::new(), port: 9092, rack: None })
                    .collect(),
                topics: vec![TopicMeta {
                    name: "orders".into(),
                    error: None,
                    partitions: vec![PartitionMeta {
                        id: 0,
                        leader: 1,
                        replicas: vec![1, 2, 3],
                        isr: isr.to_vec(),
                        error: None,
                    }],
                }],
            },
            quorum: Some(Ok(Quorum { leader_id: 1, leader_epoch: 3, high_watermark: 100, voters, observers: vec![] })),
            min_isr: [("orders".to_string(), 2)].into(),
            min_isr_unknown: BTreeMap::new(),
            quorum_window_ms: Ok(2000),
            moving: Ok(BTreeMap::new()),
            now_ms: 100_000,
        }
    }

    #[test]
    fn a_healthy_cluster() {
        let brokers = [broker(1, true), broker(2, true), broker(3, true)];
        let f = facts(
            &[1, 2, 3],
            &[1, 2, 3],
            vec![voter(1, true, 0, 99_000), voter(2, false, 0, 99_000), voter(3, false, 0, 98_500)],
        );
        let report = evaluate(&brokers, Ok(&f));
        assert_eq!(report.verdict, Verdict::Healthy, "{:?}", report.reasons);
        assert!(report.reasons.is_empty());
    }

    #[test]
    fn broker_three_down_names_it_and_the_partitions() {
        let mut b3 = broker(3, false);
        b3.desired_replicas = 0;
        b3.pods.clear();
        let brokers = [broker(1, true), broker(2, true), b3];
        let f = facts(
            &[1, 2],
            &[1, 2],
            vec![voter(1, true, 0, 99_000), voter(2, false, 0, 99_000), voter(3, false, 40, 60_000)],
        );
        let report = evaluate(&brokers, Ok(&f));
        assert_eq!(report.verdict, Verdict::Degraded);
        let text: Vec<&str> = report.reasons.iter().map(|r| r.message.as_str()).collect();
        assert!(text.iter().any(|m| m.contains("broker kafka-3: deployment kafka-3 is scaled to 0")), "{text:?}");
        assert!(text.iter().any(|m| m.contains("broker 3 (kafka-3) is not registered")), "{text:?}");
        assert!(
            text.iter().any(|m| m.contains("voter 3 is 40 records behind the leader (last caught up 40s ago)")),
            "{text:?}"
        );
        assert!(text.iter().any(|m| m.contains("1 under-replicated: orders/0")), "{text:?}");
        assert!(!text.iter().any(|m| m.contains("no majority")), "2 of 3 is a majority");
    }

    #[test]
    fn under_min_isr_and_lost_majority() {
        let brokers = [broker(1, true), broker(2, false), broker(3, false)];
        let f = facts(
            &[1],
            &[1],
            vec![voter(1, true, 0, 99_000), voter(2, false, 50, 10_000), voter(3, false, 50, 10_000)],
        );
        let report = evaluate(&brokers, Ok(&f));
        let text: Vec<&str> = report.reasons.iter().map(|r| r.message.as_str()).collect();
        assert!(text.iter().any(|m| m.contains("under min.insync.replicas")), "{text:?}");
        assert!(text.iter().any(|m| m.contains("only 1 of 3 voters are caught up")), "{text:?}");
    }

    #[test]
    fn a_fully_in_sync_partition_below_min_isr_is_unhealthy() {
        // RF 2 and min.insync.replicas 3: in sync, yet every acks=all write is rejected.
        let brokers = [broker(1, true), broker(2, true), broker(3, true)];
        let voters = vec![voter(1, true, 0, 99_000), voter(2, false, 0, 99_000), voter(3, false, 0, 99_000)];
        let mut f = facts(&[1, 2, 3], &[1, 2], voters);
        f.meta.topics[0].partitions[0].replicas = vec![1, 2];
        f.min_isr = [("orders".to_string(), 3)].into();
        let report = evaluate(&brokers, Ok(&f));
        let text: Vec<&str> = report.reasons.iter().map(|r| r.message.as_str()).collect();
        assert!(text.iter().any(|m| m.contains("under min.insync.replicas") && m.contains("orders/0")), "{text:?}");
        // No leader counts as under min.insync.replicas too.
        f.meta.topics[0].partitions[0].replicas = vec![1, 2, 3];
        f.meta.topics[0].partitions[0].isr = vec![1, 2, 3];
        f.meta.topics[0].partitions[0].leader = -1;
        f.min_isr = [("orders".to_string(), 2)].into();
        let report = evaluate(&brokers, Ok(&f));
        assert!(report.reasons.iter().any(|r| r.message.contains("under min.insync.replicas")), "{:?}", report.reasons);
    }

    #[test]
    fn an_unreadable_min_isr_is_said_not_guessed() {
        let brokers = [broker(1, true), broker(2, true), broker(3, false)];
        let mut f = facts(
            &[1, 2],
            &[1, 2],
            vec![voter(1, true, 0, 99_000), voter(2, false, 0, 99_000), voter(3, false, 50, 10_000)],
        );
        f.min_isr.clear();
        f.min_isr_unknown.insert("orders".into(), "UnknownTopicOrPartition".into());
        let report = evaluate(&brokers, Ok(&f));
        let text: Vec<&str> = report.reasons.iter().map(|r| r.message.as_str()).collect();
        assert!(
            text.iter().any(|m| m.contains("1 under-replicated with min.insync.replicas unreadable (UnknownTopicOrPartition)")),
            "{text:?}"
        );
        assert!(!text.iter().any(|m| m.contains("under min.insync.replicas (acks=all")), "not guessed: {text:?}");
        assert_eq!(report.verdict, Verdict::Degraded, "under-replicated is still an error");
    }

    #[test]
    fn a_replica_being_added_is_not_missing() {
        // orders/0 moves from [1,2,3] to [1,2,4]: replicas [1,2,3,4], adding 4, removing 3;
        // ISR [1,2,3] while 4 copies. Kafka's tools call it fully replicated, and so do we.
        let brokers = [broker(1, true), broker(2, true), broker(3, true)];
        let voters = vec![voter(1, true, 0, 99_000), voter(2, false, 0, 99_000), voter(3, false, 0, 99_000)];
        let mut f = facts(&[1, 2, 3, 4], &[1, 2, 3], voters);
        f.meta.topics[0].partitions[0].replicas = vec![1, 2, 3, 4];
        let moving = Moving { replicas: vec![1, 2, 3, 4], adding: vec![4], removing: vec![3] };
        f.moving = Ok([(("orders".to_string(), 0), moving)].into());
        let report = evaluate(&brokers, Ok(&f));
        let text: Vec<&str> = report.reasons.iter().map(|r| r.message.as_str()).collect();
        assert!(!text.iter().any(|m| m.contains("under-replicated")), "{text:?}");
        assert!(text.iter().any(|m| m.contains("1 being reassigned") && m.contains("orders/0")), "{text:?}");
        // Without the reassignment known, the same partition is under-replicated, and why is said.
        f.moving = Err("timed out".into());
        let report = evaluate(&brokers, Ok(&f));
        let text: Vec<&str> = report.reasons.iter().map(|r| r.message.as_str()).collect();
        assert!(text.iter().any(|m| m.contains("1 under-replicated: orders/0")), "{text:?}");
        assert!(text.iter().any(|m| m.contains("cannot list reassignments (timed out)")), "{text:?}");
        // A moving partition whose remaining replicas fell out of the ISR still is under-replicated.
        f.moving = Ok([(
            ("orders".to_string(), 0),
            Moving { replicas: vec![1, 2, 3, 4], adding: vec![4], removing: vec![3] },
        )]
        .into());
        f.meta.topics[0].partitions[0].isr = vec![1, 2];
        let report = evaluate(&brokers, Ok(&f));
        assert!(
            report.reasons.iter().any(|r| r.message.contains("1 under-replicated: orders/0")),
            "{:?}",
            report.reasons
        );
    }

    #[test]
    fn the_quorum_is_judged_with_its_own_fetch_timeout() {
        let brokers = [broker(1, true), broker(2, true), broker(3, true)];
        // Voter 3 last caught up 4 s before the leader: behind with Kafka's 2000 ms, caught up
        // with a cluster configured at 5000 ms.
        let voters = vec![voter(1, true, 0, 99_000), voter(2, false, 0, 99_000), voter(3, false, 3, 95_000)];
        let mut f = facts(&[1, 2, 3], &[1, 2, 3], voters);
        let behind = |f: &KafkaFacts| {
            evaluate(&brokers, Ok(f)).reasons.iter().any(|r| r.message.contains("voter 3 is 3 records behind"))
        };
        assert!(behind(&f));
        f.quorum_window_ms = Ok(5000);
        assert!(!behind(&f));
        f.quorum_window_ms = Err("timed out".into());
        assert!(behind(&f), "unreadable: Kafka's default");
        let report = evaluate(&brokers, Ok(&f));
        assert!(report.reasons.iter().any(|r| r.message.contains("cannot read controller.quorum.fetch.timeout.ms")));
    }

    #[test]
    fn unreachable_kafka_has_its_own_verdict() {
        let report = evaluate(&[broker(1, true)], Err("connection refused"));
        assert_eq!(report.verdict, Verdict::Unreachable);
    }

    #[test]
    fn imbalance_is_a_warning_only() {
        let brokers = [broker(1, true), broker(2, true), broker(3, true)];
        let mut f = facts(
            &[1, 2, 3],
            &[1, 2, 3],
            vec![voter(1, true, 0, 99_000), voter(2, false, 0, 99_000), voter(3, false, 0, 99_000)],
        );
        f.meta.topics[0].partitions[0].leader = 2;
        let report = evaluate(&brokers, Ok(&f));
        assert_eq!(report.verdict, Verdict::Healthy);
        assert_eq!(report.reasons[0].severity, Severity::Warning);
    }
}
