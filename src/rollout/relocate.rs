//! Moving a broker to another node (`kubectl kafka move`): what its volumes allow, and when a
//! broker may start over on an empty volume. Pure; the facts come from the cluster and from
//! Kafka.

use crate::cluster::placement::{NodeInfo, VolumeInfo, new_claim_name};
use crate::rollout::safety::PartitionState;

/// What happens to the broker's data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataPlan {
    /// Every volume can be mounted on the target: the broker moves with its data.
    Follows,
    /// These claims (old, new) are pinned away from the target: the broker starts on new,
    /// empty volumes there and copies its replicas from its peers.
    NewVolumes(Vec<(String, String)>),
}

/// What the broker's volumes allow on `target`. A claim that is not bound to a volume is an
/// error: where its data lives is unknown.
pub fn data_plan(volumes: &[VolumeInfo], target: &NodeInfo, nodes: &[NodeInfo]) -> Result<DataPlan, String> {
    if let Some(v) = volumes.iter().find(|v| v.volume.is_none()) {
        return Err(format!("claim {} is not bound to a volume: where its data lives is unknown", v.claim));
    }
    let pinned: Vec<(String, String)> = volumes
        .iter()
        .filter(|v| !v.attaches_on(target))
        .map(|v| (v.claim.clone(), new_claim_name(&v.claim, &target.name, nodes)))
        .collect();
    Ok(if pinned.is_empty() { DataPlan::Follows } else { DataPlan::NewVolumes(pinned) })
}

/// Why a KRaft controller must not start on an empty volume, or None for a broker-only node.
/// In a static quorum (controller.quorum.voters) a voter that lost its metadata log looks like
/// any other voter: it may vote for a candidate that lacks committed records, and the cluster
/// can lose metadata. Kafka handles disk loss only for dynamic quorums (KIP-853, 3.9 and later).
pub fn voter_on_empty_volume(name: &str, id: i32, controller: bool, voters: &[i32]) -> Option<String> {
    let voter = voters.contains(&id);
    if !controller && !voter {
        return None;
    }
    let quorum = voters.iter().map(i32::to_string).collect::<Vec<_>>().join(",");
    Some(format!(
        "{name} is a KRaft controller (voter {id} of the quorum {quorum}); on a new, empty volume it would \
         start without its metadata log, which a static quorum cannot tell from a healthy voter: it may vote \
         for a candidate missing committed metadata (Kafka handles a voter's disk loss only with a dynamic \
         quorum, KIP-853, Kafka 3.9+)"
    ))
}

/// The partitions that would be left without enough in-sync replicas while broker `id`
/// copies its data again: those where the in-sync replicas other than `id` are fewer than
/// min.insync.replicas (and at least one).
pub fn short_without(id: i32, partitions: &[PartitionState]) -> Vec<String> {
    partitions
        .iter()
        .filter(|p| p.replicas.contains(&id))
        .filter_map(|p| {
            let others = p.isr.iter().filter(|&&r| r != id).count() as i32;
            let need = p.min_isr.max(1);
            (others < need).then(|| {
                format!(
                    "{}-{} would have {others} in-sync replicas besides broker {id} (min.insync.replicas {need})",
                    p.topic, p.partition
                )
            })
        })
        .collect()
}

/// The broker's log dirs (KAFKA_LOG_DIRS, else KAFKA_LOG_DIR; comma-separated), from its env.
pub fn log_dirs(env: &std::collections::BTreeMap<String, String>) -> Vec<String> {
    env.get("KAFKA_LOG_DIRS")
        .or_else(|| env.get("KAFKA_LOG_DIR"))
        .map(|v| v.split(',').map(|d| d.trim().to_string()).filter(|d| !d.is_empty()).collect())
        .unwrap_or_default()
}

/// A log dir's identity from its meta.properties: `directory.id`, which Kafka writes when it
/// formats the dir (3.7+): the same id before and after a move proves the broker kept its data.
pub fn directory_id(meta_properties: &str) -> Option<String> {
    meta_properties
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .find_map(|l| l.trim().strip_prefix("directory.id="))
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::placement::HOSTNAME_LABEL;
    use k8s_openapi::api::core::v1::{NodeSelectorRequirement, NodeSelectorTerm};

    fn node(name: &str) -> NodeInfo {
        NodeInfo {
            name: name.into(),
            labels: [(HOSTNAME_LABEL.to_string(), name.to_string())].into(),
            ready: Some(true),
            unschedulable: false,
        }
    }

    fn vol(claim: &str, on: Option<&str>) -> VolumeInfo {
        VolumeInfo {
            claim: claim.into(),
            volume: Some(format!("pv-{claim}")),
            source: Some("hostPath".into()),
            node_terms: on.map(|n| {
                vec![NodeSelectorTerm {
                    match_expressions: Some(vec![NodeSelectorRequirement {
                        key: HOSTNAME_LABEL.into(),
                        operator: "In".into(),
                        values: Some(vec![n.into()]),
                    }]),
                    match_fields: None,
                }]
            }),
        }
    }

    fn part(p: i32, replicas: &[i32], isr: &[i32], min_isr: i32) -> PartitionState {
        PartitionState { topic: "orders".into(), partition: p, replicas: replicas.into(), isr: isr.into(), min_isr }
    }

    #[test]
    fn the_log_dir_identity_is_its_directory_id() {
        let text = "#\n#Wed Dec 02 20:08:46 UTC 2026\nnode.id=4\ndirectory.id=ANWEs38YPCjiuHNfe7zKnw\nversion=1\ncluster.id=5L6g\n";
        assert_eq!(directory_id(text).as_deref(), Some("ANWEs38YPCjiuHNfe7zKnw"));
        assert_eq!(directory_id("#directory.id=x\nversion=1\n"), None, "a comment is not the id");
        let env = [("KAFKA_LOG_DIRS".to_string(), "/var/lib/kafka/data, /data2".to_string())].into();
        assert_eq!(log_dirs(&env), ["/var/lib/kafka/data", "/data2"]);
        assert!(log_dirs(&Default::default()).is_empty());
    }

    #[test]
    fn volumes_decide_whether_the_data_follows() {
        let nodes = [node("worker1"), node("worker2")];
        assert_eq!(data_plan(&[vol("kafka-pvc-3", None)], &nodes[1], &nodes), Ok(DataPlan::Follows));
        assert_eq!(data_plan(&[vol("kafka-pvc-3", Some("worker2"))], &nodes[1], &nodes), Ok(DataPlan::Follows));
        assert_eq!(
            data_plan(&[vol("kafka-pvc-4", Some("worker1"))], &nodes[1], &nodes),
            Ok(DataPlan::NewVolumes(vec![("kafka-pvc-4".into(), "kafka-pvc-4-worker2".into())]))
        );
        let unbound = VolumeInfo { volume: None, ..vol("kafka-pvc-4", None) };
        assert!(data_plan(&[unbound], &nodes[1], &nodes).unwrap_err().contains("not bound"));
    }

    #[test]
    fn only_a_broker_only_node_may_start_empty() {
        assert!(voter_on_empty_volume("kafka-4", 4, false, &[1, 2, 3]).is_none());
        let why = voter_on_empty_volume("kafka-3", 3, true, &[1, 2, 3]).unwrap();
        assert!(why.contains("voter 3 of the quorum 1,2,3") && why.contains("KIP-853"), "{why}");
        assert!(voter_on_empty_volume("kafka-3", 3, false, &[1, 2, 3]).is_some(), "a voter by the quorum's own list");
    }

    #[test]
    fn every_partition_needs_enough_other_in_sync_replicas() {
        let parts = [
            part(0, &[4, 1, 2], &[4, 1, 2], 2),
            part(1, &[4, 1], &[4, 1], 2),
            part(2, &[1, 2, 3], &[1], 2),
            part(3, &[4], &[4], 1),
        ];
        let short = short_without(4, &parts);
        assert_eq!(short.len(), 2, "{short:?}");
        assert!(short[0].starts_with("orders-1 would have 1 in-sync replicas"), "{short:?}");
        assert!(short[1].starts_with("orders-3 would have 0"), "{short:?}");
    }
}
