//! `doctor`: the mistakes that break the guide's layout, found before they bite. Each check
//! reads plain facts and returns findings with a severity, the object, and the fix.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::Severity;
use crate::cluster::model::{Broker, Role};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub severity: Severity,
    pub check: &'static str,
    pub object: String,
    pub message: String,
    pub fix: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceFacts {
    pub name: String,
    pub ports: Vec<u16>,
}

pub use crate::cluster::placement::NodeInfo as NodeFacts;
use crate::cluster::placement::VolumeInfo;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicFacts {
    pub name: String,
    pub replication_factor: i32,
    pub min_isr: i32,
}

/// What doctor looks at. `nodes` and `topics` are None when they could not be read
/// (RBAC on nodes, Kafka unreachable); their checks are then skipped.
#[derive(Debug, Clone)]
pub struct DoctorInput<'a> {
    pub namespace: &'a str,
    pub brokers: &'a [Broker],
    pub services: Vec<ServiceFacts>,
    pub nodes: Option<Vec<NodeFacts>>,
    /// Each broker's volumes (in the order of `brokers`), None when the PersistentVolumes
    /// could not be read.
    pub volumes: Option<Vec<Vec<VolumeInfo>>>,
    pub topics: Option<Vec<TopicFacts>>,
}

fn finding(severity: Severity, check: &'static str, object: String, message: String, fix: String) -> Finding {
    Finding { severity, check, object, message, fix }
}

fn object(b: &Broker) -> String {
    match b.kind {
        crate::cluster::model::WorkloadKind::Deployment => format!("deployment/{}", b.workload),
        crate::cluster::model::WorkloadKind::StatefulSet => format!("statefulset/{}", b.workload),
    }
}

/// The Service name in a host: `kafka-1`, `kafka-1.ns`, `kafka-1.ns.svc.cluster.local`.
fn service_of(host: &str) -> &str {
    host.split('.').next().unwrap_or(host)
}

fn bytes_setting(b: &Broker, env: &str, default: u64) -> u64 {
    b.env.get(env).and_then(|v| v.trim().parse().ok()).unwrap_or(default)
}

pub fn diagnose(input: &DoctorInput<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let services: BTreeMap<&str, &ServiceFacts> = input.services.iter().map(|s| (s.name.as_str(), s)).collect();
    quorum_findings(input.brokers, &services, &mut out);
    for b in input.brokers {
        listener_findings(b, &services, &mut out);
        rollout_hang_findings(b, input.namespace, &mut out);
        replica_findings(b, input.namespace, &mut out);
        fetch_size_findings(b, &mut out);
        affinity_findings(b, input.nodes.as_deref(), &mut out);
        volume_findings(b, &mut out);
    }
    node_spread_findings(input.brokers, &mut out);
    if let (Some(nodes), Some(volumes)) = (&input.nodes, &input.volumes) {
        for (b, vols) in input.brokers.iter().zip(volumes) {
            volume_locality_findings(b, vols, nodes, &mut out);
        }
    }
    topic_findings(input.topics.as_deref().unwrap_or_default(), &mut out);
    out.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.check.cmp(b.check)).then(a.object.cmp(&b.object)));
    out
}

/// Quorum voters against the brokers found: unique node ids, one voter list, every voter
/// a Service with its port and a broker, every controller a voter.
fn quorum_findings(brokers: &[Broker], services: &BTreeMap<&str, &ServiceFacts>, out: &mut Vec<Finding>) {
    let mut ids: BTreeMap<i32, Vec<&str>> = BTreeMap::new();
    for b in brokers {
        if let Some(id) = b.node_id {
            ids.entry(id).or_default().push(&b.name);
        }
    }
    for (id, names) in ids.iter().filter(|(_, n)| n.len() > 1) {
        out.push(finding(
            Severity::Error,
            "quorum-voters",
            names.iter().map(|n| format!("deployment/{n}")).collect::<Vec<_>>().join(", "),
            format!("node id {id} is used by {} brokers: {}", names.len(), names.join(", ")),
            "give every broker its own KAFKA_NODE_ID".into(),
        ));
    }
    let voter_sets: BTreeSet<String> = brokers
        .iter()
        .filter(|b| !b.voters.is_empty())
        .map(|b| b.voters.iter().map(|v| format!("{}@{}:{}", v.id, v.host, v.port)).collect::<Vec<_>>().join(","))
        .collect();
    if voter_sets.len() > 1 {
        out.push(finding(
            Severity::Error,
            "quorum-voters",
            "all brokers".into(),
            format!(
                "brokers disagree on KAFKA_CONTROLLER_QUORUM_VOTERS: {}",
                voter_sets.into_iter().collect::<Vec<_>>().join(" vs ")
            ),
            "set the same voter list on every broker".into(),
        ));
    }
    let mut reported_voters = BTreeSet::new();
    for b in brokers {
        for v in &b.voters {
            if !reported_voters.insert((v.id, v.host.clone(), v.port)) {
                continue;
            }
            match services.get(service_of(&v.host)) {
                None => out.push(finding(
                    Severity::Error,
                    "quorum-voters",
                    format!("service/{}", service_of(&v.host)),
                    format!(
                        "voter {} is {}:{}, but no Service {} exists in the namespace",
                        v.id,
                        v.host,
                        v.port,
                        service_of(&v.host)
                    ),
                    format!(
                        "create Service {} selecting broker {}'s pod, with port {}",
                        service_of(&v.host),
                        v.id,
                        v.port
                    ),
                )),
                Some(s) if !s.ports.contains(&v.port) => out.push(finding(
                    Severity::Error,
                    "quorum-voters",
                    format!("service/{}", s.name),
                    format!(
                        "voter {} uses port {}, which Service {} does not expose (ports {:?})",
                        v.id, v.port, s.name, s.ports
                    ),
                    format!("add port {} (the controller listener) to Service {}", v.port, s.name),
                )),
                _ => {}
            }
            if !ids.contains_key(&v.id) {
                out.push(finding(
                    Severity::Error,
                    "quorum-voters",
                    object(b),
                    format!("voter {} ({}) matches no broker found here", v.id, v.host),
                    "remove it from KAFKA_CONTROLLER_QUORUM_VOTERS or deploy that broker".into(),
                ));
            }
        }
        if b.roles.contains(&Role::Controller)
            && let Some(id) = b.node_id
            && !b.voters.is_empty()
            && !b.voters.iter().any(|v| v.id == id)
        {
            out.push(finding(
                Severity::Error,
                "quorum-voters",
                object(b),
                format!("{} has the controller role but its node id {id} is not among the voters", b.name),
                format!("add {id}@<its service>:9093 to KAFKA_CONTROLLER_QUORUM_VOTERS on every broker"),
            ));
        }
    }
}

/// Advertised listeners: never the controller listener, and a Service name clients resolve.
fn listener_findings(b: &Broker, services: &BTreeMap<&str, &ServiceFacts>, out: &mut Vec<Finding>) {
    for l in &b.advertised {
        if b.controller_listener_names.contains(&l.name) {
            out.push(finding(
                Severity::Error,
                "advertised-listeners",
                object(b),
                format!("KAFKA_ADVERTISED_LISTENERS advertises the controller listener {l}: KRaft refuses to start"),
                format!("remove {}://... from KAFKA_ADVERTISED_LISTENERS (the guide's troubleshooting item 1)", l.name),
            ));
        } else if !l.host.is_empty()
            && l.host.parse::<std::net::IpAddr>().is_err()
            && !services.contains_key(service_of(&l.host))
        {
            out.push(finding(
                Severity::Error,
                "advertised-listeners",
                object(b),
                format!(
                    "{} advertises {l}, but {} is not a Service in the namespace: clients cannot connect",
                    b.name,
                    service_of(&l.host)
                ),
                format!(
                    "advertise the broker's own Service name (e.g. PLAINTEXT://{}:{}), the guide's DNS item",
                    b.name, l.port
                ),
            ));
        }
    }
}

/// RollingUpdate with a surge over a ReadWriteOnce volume (maxSurge 0 never overlaps).
fn rollout_hang_findings(b: &Broker, namespace: &str, out: &mut Vec<Finding>) {
    let rwo = b.volumes.iter().find(|v| v.access_modes.iter().any(|m| m == "ReadWriteOnce"));
    if b.kind == crate::cluster::model::WorkloadKind::Deployment
        && b.strategy.as_deref() == Some("RollingUpdate")
        && b.max_surge > 0
        && let Some(v) = rwo
    {
        out.push(finding(
            Severity::Warning,
            "rollout-hang",
            object(b),
            format!(
                "strategy RollingUpdate with ReadWriteOnce PVC {}: with replicas 1 the defaults give maxSurge 1, maxUnavailable 0, so a plain `kubectl rollout restart` or `set image` starts the new broker before the old one stops: on one node two brokers with one node id meet one log dir (the new one crash-loops on its lock until the old one is gone), on two nodes the rollout hangs on Multi-Attach. `kubectl kafka restart` and `rollback` roll such a broker stop-first",
                v.claim
            ),
            format!(
                "kubectl -n {} patch deployment {} -p '{{\"spec\":{{\"strategy\":{{\"type\":\"Recreate\",\"rollingUpdate\":null}}}}}}'",
                namespace, b.workload
            ),
        ));
    }
}

/// Replicas other than 0 or 1.
fn replica_findings(b: &Broker, namespace: &str, out: &mut Vec<Finding>) {
    if b.kind == crate::cluster::model::WorkloadKind::Deployment && b.desired_replicas > 1 {
        out.push(finding(
            Severity::Error,
            "replicas",
            object(b),
            format!("{} replicas of one broker: they share node id {:?} and one volume", b.desired_replicas, b.node_id),
            format!(
                "kubectl -n {} scale deployment/{} --replicas 1 (one Deployment per broker)",
                namespace, b.workload
            ),
        ));
    }
}

/// Message size against fetch sizes.
fn fetch_size_findings(b: &Broker, out: &mut Vec<Finding>) {
    let message = bytes_setting(b, "KAFKA_MESSAGE_MAX_BYTES", 1_048_588);
    let replica_fetch = bytes_setting(b, "KAFKA_REPLICA_FETCH_MAX_BYTES", 1_048_576);
    let partition_fetch = bytes_setting(b, "KAFKA_MAX_PARTITION_FETCH_BYTES", 1_048_576);
    if message > replica_fetch {
        out.push(finding(
            Severity::Warning,
            "fetch-size",
            object(b),
            format!("message.max.bytes {message} is above replica.fetch.max.bytes {replica_fetch}: replication can stall on the largest messages"),
            format!("set KAFKA_REPLICA_FETCH_MAX_BYTES to at least {message}"),
        ));
    }
    if message > partition_fetch {
        out.push(finding(
            Severity::Warning,
            "fetch-size",
            object(b),
            format!("message.max.bytes {message} is above max.partition.fetch.bytes {partition_fetch}: consumers with that setting stall on the largest messages"),
            format!("set max.partition.fetch.bytes to at least {message} (KAFKA_MAX_PARTITION_FETCH_BYTES here, and in your consumers)"),
        ));
    }
}

/// Node affinity to nodes that do not exist or are cordoned.
fn affinity_findings(b: &Broker, nodes: Option<&[NodeFacts]>, out: &mut Vec<Finding>) {
    if let Some(nodes) = nodes {
        for n in &b.pinned_nodes {
            match nodes.iter().find(|x| &x.name == n) {
                None => out.push(finding(
                    Severity::Error,
                    "node-affinity",
                    object(b),
                    format!("{} is pinned to node {n}, which does not exist: its pod cannot be scheduled", b.name),
                    "fix the nodeAffinity values (kubectl get nodes lists the nodes)".into(),
                )),
                Some(x) if x.unschedulable => out.push(finding(
                    Severity::Warning,
                    "node-affinity",
                    object(b),
                    format!("{} is pinned to node {n}, which is cordoned: a replaced pod cannot be scheduled", b.name),
                    format!("kubectl uncordon {n}, or pin the broker elsewhere"),
                )),
                _ => {}
            }
        }
    }
}

/// The node a broker runs on, or the one node it is pinned to when no pod runs.
fn node_of(b: &Broker) -> Option<&str> {
    b.current_pod().and_then(|p| p.node.as_deref()).or(match b.pinned_nodes.as_slice() {
        [one] => Some(one.as_str()),
        _ => None,
    })
}

/// Brokers that share a node go down together; voters that share one can take the quorum.
fn node_spread_findings(brokers: &[Broker], out: &mut Vec<Finding>) {
    let mut by_node: BTreeMap<&str, Vec<&Broker>> = BTreeMap::new();
    for b in brokers {
        if let Some(n) = node_of(b) {
            by_node.entry(n).or_default().push(b);
        }
    }
    let voters: BTreeSet<i32> = brokers.iter().flat_map(|b| b.voters.iter().map(|v| v.id)).collect();
    for (node, on) in by_node.iter().filter(|(_, on)| on.len() > 1) {
        let names: Vec<&str> = on.iter().map(|b| b.name.as_str()).collect();
        let voters_here = on.iter().filter(|b| b.node_id.is_some_and(|id| voters.contains(&id))).count();
        let quorum = if !voters.is_empty() && voters_here > voters.len() / 2 {
            format!(": losing {node} stops the controller quorum ({voters_here} of {} voters)", voters.len())
        } else {
            format!(": losing {node} takes {} brokers down at once", on.len())
        };
        out.push(finding(
            Severity::Warning,
            "node-spread",
            format!("node/{node}"),
            format!("{} run on node {node}{quorum}", names.join(", ")),
            format!(
                "spread them over nodes: `kubectl kafka move {} --to-node NODE` (one broker per node)",
                names[names.len() - 1]
            ),
        ));
    }
}

/// Where each volume can be mounted: pinned to a node (the broker cannot leave it with its
/// data), or a hostPath that any node mounts (its data stays on one machine's disk).
fn volume_locality_findings(b: &Broker, vols: &[VolumeInfo], nodes: &[NodeFacts], out: &mut Vec<Finding>) {
    let controller = b.roles.contains(&Role::Controller);
    for v in vols {
        let name = v.volume.as_deref().unwrap_or(&v.claim);
        let source = v.source.as_deref().unwrap_or("unknown");
        if v.unpinned_host_path() {
            out.push(finding(
                Severity::Warning,
                "volume-locality",
                format!("persistentvolume/{name}"),
                format!("{}'s volume {name} is a hostPath without node affinity: any node mounts it, but its data is on one machine's disk", b.name),
                "pin the PV to its node (spec.nodeAffinity) unless the path is shared storage on every node".into(),
            ));
            continue;
        }
        let Some(on) = v.confined_to(nodes) else { continue };
        let fix = if controller {
            "a KRaft controller must not start on an empty volume: to move it, use a volume that can attach on the new node (`kubectl kafka move` says what it allows)"
        } else {
            "`kubectl kafka move` can take it to another node on a new volume (its replicas copied from its peers)"
        };
        out.push(finding(
            Severity::Info,
            "volume-locality",
            format!("persistentvolume/{name}"),
            format!(
                "{} keeps its data on {name} ({source}), which attaches only on {}",
                b.name,
                if on.is_empty() { "no current node".to_string() } else { on.join(", ") }
            ),
            fix.into(),
        ));
    }
}

/// Volumes not bound.
fn volume_findings(b: &Broker, out: &mut Vec<Finding>) {
    for v in b.volumes.iter().filter(|v| v.phase != "Bound") {
        out.push(finding(
            Severity::Error,
            "pvc",
            format!("persistentvolumeclaim/{}", v.claim),
            format!("PVC {} of {} is {}", v.claim, b.name, v.phase),
            if v.phase == "Missing" {
                format!("create PVC {} (the guide's kafka-pvc-N)", v.claim)
            } else {
                "check its StorageClass or create a matching PersistentVolume (kubectl describe pvc)".into()
            },
        ));
    }
}

/// Topics that cannot survive one broker restart.
fn topic_findings(topics: &[TopicFacts], out: &mut Vec<Finding>) {
    for t in topics {
        if t.name.starts_with("__") {
            continue;
        }
        if t.min_isr > t.replication_factor {
            out.push(finding(
                Severity::Error,
                "topic-durability",
                format!("topic/{}", t.name),
                format!(
                    "min.insync.replicas {} is above the replication factor {}: every acks=all write fails, even with every broker up",
                    t.min_isr, t.replication_factor
                ),
                format!(
                    "kubectl kafka topics alter-config {} --set min.insync.replicas={}",
                    t.name,
                    (t.replication_factor - 1).max(1)
                ),
            ));
        } else if t.replication_factor > 1 && t.min_isr >= t.replication_factor {
            out.push(finding(
                Severity::Error,
                "topic-durability",
                format!("topic/{}", t.name),
                format!(
                    "min.insync.replicas {} is not below the replication factor {}: acks=all producers fail whenever one broker restarts",
                    t.min_isr, t.replication_factor
                ),
                format!("kubectl kafka topics alter-config {} --set min.insync.replicas={}", t.name, t.replication_factor - 1),
            ));
        } else if t.replication_factor < 3 {
            out.push(finding(
                Severity::Warning,
                "topic-durability",
                format!("topic/{}", t.name),
                format!(
                    "replication factor {}: a broker restart makes acks=all producers wait, or loses availability",
                    t.replication_factor
                ),
                "recreate with --replication-factor 3 (or reassign partitions to add replicas)".into(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::discovery::{Inventory, build_brokers};
    use crate::cluster::selector::Selector;

    fn guide() -> (Inventory, Vec<Broker>) {
        let mut inv = Inventory::default();
        for doc in serde_yaml_ng::Deserializer::from_str(include_str!("../cluster/testdata/guide-layout.yaml")) {
            let value = <serde_json::Value as serde::Deserialize>::deserialize(doc).unwrap();
            match value["kind"].as_str().unwrap() {
                "Deployment" => inv.deployments.push(serde_json::from_value(value).unwrap()),
                "Pod" => inv.pods.push(serde_json::from_value(value).unwrap()),
                "Service" => inv.services.push(serde_json::from_value(value).unwrap()),
                "PersistentVolumeClaim" => inv.claims.push(serde_json::from_value(value).unwrap()),
                _ => {}
            }
        }
        let brokers = build_brokers(&inv, &Selector::parse("app=kafka").unwrap());
        (inv, brokers)
    }

    fn node(name: &str, unschedulable: bool) -> NodeFacts {
        NodeFacts {
            name: name.into(),
            labels: [("kubernetes.io/hostname".to_string(), name.to_string())].into(),
            ready: Some(true),
            unschedulable,
        }
    }

    fn services(inv: &Inventory) -> Vec<ServiceFacts> {
        inv.services
            .iter()
            .map(|s| ServiceFacts {
                name: s.metadata.name.clone().unwrap(),
                ports: s.spec.as_ref().unwrap().ports.iter().flatten().map(|p| p.port as u16).collect(),
            })
            .collect()
    }

    fn input<'a>(brokers: &'a [Broker], inv: &Inventory) -> DoctorInput<'a> {
        DoctorInput {
            namespace: "kafka",
            brokers,
            services: services(inv),
            nodes: Some(vec![node("worker1", false)]),
            volumes: None,
            topics: Some(vec![TopicFacts { name: "orders".into(), replication_factor: 3, min_isr: 2 }]),
        }
    }

    fn checks(findings: &[Finding]) -> Vec<&'static str> {
        findings.iter().map(|f| f.check).collect()
    }

    #[test]
    fn the_guide_trips_the_rollout_hang_and_one_node() {
        let (inv, brokers) = guide();
        let found = diagnose(&input(&brokers, &inv));
        assert_eq!(checks(&found), ["node-spread", "rollout-hang", "rollout-hang", "rollout-hang"], "{found:#?}");
        assert!(found.iter().all(|f| f.severity == Severity::Warning));
        assert_eq!(found[0].object, "node/worker1");
        assert!(found[0].message.contains("kafka-1, kafka-2, kafka-3 run on node worker1"), "{}", found[0].message);
        assert!(found[0].message.contains("stops the controller quorum (3 of 3 voters)"), "{}", found[0].message);
        assert!(found[1].fix.contains("Recreate"));
    }

    fn pinned_volume(claim: &str, node: Option<&str>) -> VolumeInfo {
        VolumeInfo {
            claim: claim.into(),
            volume: Some(claim.replace("pvc", "pv")),
            source: Some("hostPath".into()),
            node_terms: node.map(|n| {
                vec![k8s_openapi::api::core::v1::NodeSelectorTerm {
                    match_expressions: Some(vec![k8s_openapi::api::core::v1::NodeSelectorRequirement {
                        key: "kubernetes.io/hostname".into(),
                        operator: "In".into(),
                        values: Some(vec![n.into()]),
                    }]),
                    match_fields: None,
                }]
            }),
        }
    }

    #[test]
    fn spread_brokers_pass_and_volumes_say_where_they_attach() {
        let (inv, mut brokers) = guide();
        for (i, b) in brokers.iter_mut().enumerate() {
            b.strategy = Some("Recreate".into());
            b.pods[0].node = Some(format!("worker{}", i + 1));
        }
        let mut i = input(&brokers, &inv);
        i.nodes = Some((1..=3).map(|n| node(&format!("worker{n}"), false)).collect());
        assert!(diagnose(&i).is_empty(), "one broker per node, volumes unknown: nothing");
        i.volumes = Some(vec![
            vec![pinned_volume("kafka-pvc-1", Some("worker1"))],
            vec![pinned_volume("kafka-pvc-2", None)],
            vec![VolumeInfo { source: Some("csi:ebs".into()), ..pinned_volume("kafka-pvc-3", None) }],
        ]);
        let found = diagnose(&i);
        assert_eq!(checks(&found), ["volume-locality", "volume-locality"], "{found:#?}");
        assert_eq!(found[0].severity, Severity::Warning, "an unpinned hostPath");
        assert_eq!(found[0].object, "persistentvolume/kafka-pv-2");
        assert_eq!(found[1].severity, Severity::Info);
        assert!(
            found[1]
                .message
                .contains("kafka-1 keeps its data on kafka-pv-1 (hostPath), which attaches only on worker1")
        );
        assert!(found[1].fix.contains("must not start on an empty volume"), "a controller: {}", found[1].fix);
    }

    #[test]
    fn a_majority_of_voters_on_one_node_is_called_out() {
        let (inv, mut brokers) = guide();
        for (i, b) in brokers.iter_mut().enumerate() {
            b.strategy = Some("Recreate".into());
            b.pods[0].node = Some(if i < 2 { "worker1".into() } else { "worker2".into() });
        }
        // Voters 1, 2, 3: two of them on worker1 is a majority.
        let spread = |brokers: &[Broker]| {
            diagnose(&input(brokers, &inv)).into_iter().find(|f| f.check == "node-spread").expect("node-spread")
        };
        assert!(spread(&brokers).message.contains("stops the controller quorum (2 of 3 voters)"));
        // Broker 2 a broker-only node 4: one voter of three on worker1 keeps the quorum.
        brokers[1].node_id = Some(4);
        assert!(spread(&brokers).message.contains("takes 2 brokers down at once"));
    }

    #[test]
    fn voters_without_service_port_or_broker() {
        let (mut inv, mut brokers) = guide();
        inv.services.retain(|s| s.metadata.name.as_deref() != Some("kafka-3"));
        inv.services[0].spec.as_mut().unwrap().ports.as_mut().unwrap().retain(|p| p.port != 9093);
        brokers[1].node_id = Some(1);
        let found = diagnose(&input(&brokers, &inv));
        let msgs: Vec<&str> = found.iter().filter(|f| f.check == "quorum-voters").map(|f| f.message.as_str()).collect();
        assert!(msgs.iter().any(|m| m.contains("no Service kafka-3 exists")), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("uses port 9093, which Service kafka-1 does not expose")), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("node id 1 is used by 2 brokers")), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("voter 2 (kafka-2) matches no broker")), "{msgs:?}");
    }

    #[test]
    fn a_controller_outside_the_voters() {
        let (inv, mut brokers) = guide();
        for b in &mut brokers {
            b.voters.retain(|v| v.id != 3);
        }
        let found = diagnose(&input(&brokers, &inv));
        assert!(found.iter().any(|f| f.message.contains("node id 3 is not among the voters")), "{found:#?}");
    }

    #[test]
    fn advertised_controller_listener_and_unknown_host() {
        let (inv, mut brokers) = guide();
        brokers[0].advertised =
            crate::cluster::model::parse_listeners("PLAINTEXT://kafka-1:9092,CONTROLLER://kafka-1:9093").unwrap();
        brokers[1].advertised = crate::cluster::model::parse_listeners("PLAINTEXT://broker-two.example:9092").unwrap();
        let found = diagnose(&input(&brokers, &inv));
        let adv: Vec<&Finding> = found.iter().filter(|f| f.check == "advertised-listeners").collect();
        assert_eq!(adv.len(), 2, "{adv:#?}");
        assert!(adv.iter().any(|f| f.message.contains("controller listener CONTROLLER://kafka-1:9093")));
        assert!(adv.iter().any(|f| f.message.contains("broker-two is not a Service")));
        assert!(adv.iter().all(|f| f.severity == Severity::Error));
    }

    #[test]
    fn recreate_passes_and_extra_replicas_fail() {
        let (inv, mut brokers) = guide();
        for b in &mut brokers {
            b.strategy = Some("Recreate".into());
        }
        assert_eq!(checks(&diagnose(&input(&brokers, &inv))), ["node-spread"]);
        brokers[0].desired_replicas = 2;
        assert_eq!(checks(&diagnose(&input(&brokers, &inv))), ["replicas", "node-spread"]);
    }

    #[test]
    fn rolling_update_without_surge_is_not_flagged() {
        let (inv, mut brokers) = guide();
        assert_eq!(brokers[0].max_surge, 1, "the guide's default maxSurge 25% is one pod");
        for b in &mut brokers {
            b.max_surge = 0;
        }
        assert!(!checks(&diagnose(&input(&brokers, &inv))).contains(&"rollout-hang"));
    }

    #[test]
    fn message_size_above_fetch_sizes() {
        let (inv, mut brokers) = guide();
        brokers[0].strategy = Some("Recreate".into());
        brokers[0].env.insert("KAFKA_REPLICA_FETCH_MAX_BYTES".into(), "1048576".into());
        brokers[0].env.remove("KAFKA_MAX_PARTITION_FETCH_BYTES");
        let found: Vec<Finding> =
            diagnose(&input(&brokers, &inv)).into_iter().filter(|f| f.check == "fetch-size").collect();
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found[0].object == "deployment/kafka-1");
    }

    #[test]
    fn missing_or_cordoned_node() {
        let (inv, brokers) = guide();
        let mut i = input(&brokers, &inv);
        i.nodes = Some(vec![]);
        assert_eq!(
            diagnose(&i).iter().filter(|f| f.check == "node-affinity" && f.severity == Severity::Error).count(),
            3
        );
        i.nodes = Some(vec![node("worker1", true)]);
        assert!(diagnose(&i).iter().any(|f| f.message.contains("cordoned")));
        i.nodes = None;
        assert!(!diagnose(&i).iter().any(|f| f.check == "node-affinity"), "skipped when nodes cannot be read");
    }

    #[test]
    fn unbound_or_missing_pvc() {
        let (mut inv, _) = guide();
        inv.claims[0].status.as_mut().unwrap().phase = Some("Pending".into());
        inv.claims.remove(1);
        let brokers = build_brokers(&inv, &Selector::parse("app=kafka").unwrap());
        let found: Vec<Finding> = diagnose(&input(&brokers, &inv)).into_iter().filter(|f| f.check == "pvc").collect();
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found.iter().any(|f| f.message.contains("is Pending")));
        assert!(found.iter().any(|f| f.message.contains("is Missing")));
    }

    #[test]
    fn fragile_topics() {
        let (inv, brokers) = guide();
        let mut i = input(&brokers, &inv);
        i.topics = Some(vec![
            TopicFacts { name: "strict".into(), replication_factor: 3, min_isr: 3 },
            TopicFacts { name: "thin".into(), replication_factor: 1, min_isr: 1 },
            TopicFacts { name: "fine".into(), replication_factor: 3, min_isr: 2 },
            TopicFacts { name: "__consumer_offsets".into(), replication_factor: 1, min_isr: 1 },
        ]);
        let found: Vec<Finding> = diagnose(&i).into_iter().filter(|f| f.check == "topic-durability").collect();
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!((found[0].object.as_str(), found[0].severity), ("topic/strict", Severity::Error));
        assert_eq!((found[1].object.as_str(), found[1].severity), ("topic/thin", Severity::Warning));
        // RF 1 with min.insync.replicas 2: every acks=all write fails, an error, not a warning.
        i.topics = Some(vec![TopicFacts { name: "never".into(), replication_factor: 1, min_isr: 2 }]);
        let found: Vec<Finding> = diagnose(&i).into_iter().filter(|f| f.check == "topic-durability").collect();
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].severity, Severity::Error);
        assert!(found[0].message.contains("every acks=all write fails"), "{}", found[0].message);
    }
}
