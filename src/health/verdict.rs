//! `health`: one verdict and its reasons, from the pods, the registered brokers, the
//! controller quorum and the partitions.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::Severity;
use crate::cluster::model::{Broker, Role};
use crate::kafka::metadata::ClusterMeta;
use crate::kafka::quorum::Quorum;

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
    /// min.insync.replicas of topics with partitions not fully in sync.
    pub min_isr: BTreeMap<String, i32>,
    /// Such topics whose min.insync.replicas could not be read, with why.
    pub min_isr_unknown: BTreeMap<String, String>,
    pub now_ms: i64,
}

fn reason(severity: Severity, area: &str, message: String) -> Reason {
    Reason { severity, area: area.to_string(), message }
}

/// Judges the cluster. Errors make it degraded; warnings are reported but do not.
pub fn evaluate(brokers: &[Broker], kafka: Result<&KafkaFacts, &str>) -> Report {
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
    let facts = match kafka {
        Ok(f) => f,
        Err(why) => {
            reasons.push(reason(Severity::Error, "brokers", format!("cannot reach Kafka: {why}")));
            return Report { verdict: Verdict::Unreachable, reasons };
        }
    };
    // Brokers registered versus expected.
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
    // The controller quorum.
    match &facts.quorum {
        None => {}
        Some(Err(why)) => reasons.push(reason(Severity::Error, "quorum", format!("cannot describe the quorum: {why}"))),
        Some(Ok(q)) => {
            if q.leader_id < 0 {
                reasons.push(reason(Severity::Error, "quorum", "the controller quorum has no leader".into()));
            } else {
                let caught_up = q.caught_up_voters(2000);
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
                        format!(
                            "only {} of {} voters are caught up: the quorum has no majority",
                            caught_up.len(),
                            q.voters.len()
                        ),
                    ));
                }
            }
        }
    }
    // Partitions.
    let (mut offline, mut under, mut under_min, mut unpreferred) = (Vec::new(), Vec::new(), Vec::new(), 0usize);
    let mut min_unknown = Vec::new();
    for t in &facts.meta.topics {
        for p in &t.partitions {
            let name = format!("{}/{}", t.name, p.id);
            if p.leader < 0 {
                offline.push(name.clone());
            }
            if p.isr.len() < p.replicas.len() {
                under.push(name.clone());
            }
            // Kafka's own rule (TopicCommand's --under-min-isr-partitions): no leader, or
            // fewer in sync than min.insync.replicas, whatever the replication factor. A topic
            // with RF 2 and min.insync.replicas 3 rejects every acks=all write while fully in
            // sync.
            if let Some(min) = facts.min_isr.get(&t.name)
                && (p.leader < 0 || (p.isr.len() as i32) < *min)
            {
                under_min.push(name.clone());
            }
            if facts.min_isr_unknown.contains_key(&t.name) {
                min_unknown.push(name.clone());
            }
            if p.leader >= 0 && p.replicas.first().is_some_and(|r| *r != p.leader) {
                unpreferred += 1;
            }
        }
    }
    for v in [&mut offline, &mut under, &mut under_min, &mut min_unknown] {
        v.sort();
    }
    let list = |v: &[String]| {
        let shown: Vec<&str> = v.iter().take(10).map(String::as_str).collect();
        if v.len() > 10 { format!("{} and {} more", shown.join(", "), v.len() - 10) } else { shown.join(", ") }
    };
    if !offline.is_empty() {
        reasons.push(reason(
            Severity::Error,
            "partitions",
            format!("{} offline (no leader): {}", offline.len(), list(&offline)),
        ));
    }
    if !under_min.is_empty() {
        reasons.push(reason(
            Severity::Error,
            "partitions",
            format!("{} under min.insync.replicas (acks=all producers fail): {}", under_min.len(), list(&under_min)),
        ));
    }
    if !min_unknown.is_empty() {
        let why = facts.min_isr_unknown.values().next().cloned().unwrap_or_default();
        reasons.push(reason(
            Severity::Warning,
            "partitions",
            format!(
                "{} under-replicated with min.insync.replicas unreadable ({why}): cannot tell whether acks=all producers fail: {}",
                min_unknown.len(),
                list(&min_unknown)
            ),
        ));
    }
    if !under.is_empty() {
        reasons.push(reason(
            Severity::Error,
            "partitions",
            format!("{} under-replicated: {}", under.len(), list(&under)),
        ));
    }
    if unpreferred > 0 {
        reasons.push(reason(
            Severity::Warning,
            "partitions",
            format!("{unpreferred} partitions are not led by their preferred replica (leadership imbalance; kafka-leader-election.sh --election-type PREFERRED fixes it)"),
        ));
    }
    let verdict =
        if reasons.iter().any(|r| r.severity == Severity::Error) { Verdict::Degraded } else { Verdict::Healthy };
    Report { verdict, reasons }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::model::{BrokerPod, WorkloadKind};
    use crate::kafka::metadata::{BrokerMeta, PartitionMeta, TopicMeta};
    use crate::kafka::quorum::Replica;

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
                brokers: registered.iter().map(|id| BrokerMeta { id: *id, host: String::new(), port: 9092 }).collect(),
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
