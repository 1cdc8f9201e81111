//! Where a broker may run: nodes as the scheduler sees them, where a broker's volume can be
//! mounted (from its PersistentVolume's node affinity, never assumed), and the pod template's
//! node affinity rewritten to pin a broker to another node. Pure: the facts come in, the
//! answers go out.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::{
    Affinity, Node, NodeAffinity, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, PersistentVolume, PodSpec,
};
use serde::Serialize;

/// The label every node carries with its own name.
pub const HOSTNAME_LABEL: &str = "kubernetes.io/hostname";

/// A node as far as placing a broker goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeInfo {
    pub name: String,
    pub labels: BTreeMap<String, String>,
    /// The Ready condition: Some(true) Ready, Some(false) NotReady or Unknown, None when the
    /// node has never reported one (no kubelet).
    pub ready: Option<bool>,
    /// Cordoned (`kubectl cordon`).
    pub unschedulable: bool,
}

pub fn node_info(node: &Node) -> NodeInfo {
    let ready = node
        .status
        .as_ref()
        .and_then(|s| s.conditions.as_ref())
        .and_then(|c| c.iter().find(|c| c.type_ == "Ready"))
        .map(|c| c.status == "True");
    NodeInfo {
        name: node.metadata.name.clone().unwrap_or_default(),
        labels: node.metadata.labels.clone().unwrap_or_default(),
        ready,
        unschedulable: node.spec.as_ref().and_then(|s| s.unschedulable).unwrap_or(false),
    }
}

/// Why a broker cannot be moved to `name` now; None when it can.
pub fn target_problem(nodes: &[NodeInfo], name: &str) -> Option<TargetProblem> {
    let Some(node) = nodes.iter().find(|n| n.name == name) else {
        return Some(TargetProblem::Missing);
    };
    if node.unschedulable {
        return Some(TargetProblem::Cordoned);
    }
    match node.ready {
        Some(true) => None,
        Some(false) => Some(TargetProblem::NotReady("NotReady".into())),
        None => Some(TargetProblem::NotReady("has never reported Ready (no kubelet)".into())),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetProblem {
    Missing,
    Cordoned,
    NotReady(String),
}

/// Where a broker's volume can be mounted, read off its PersistentVolume.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VolumeInfo {
    pub claim: String,
    /// The PersistentVolume bound to the claim (None: not bound yet).
    pub volume: Option<String>,
    /// The volume's source kind: hostPath, local, csi:<driver>, nfs, ...
    pub source: Option<String>,
    /// The volume's required node affinity (None: it can attach on any node).
    #[serde(skip)]
    pub node_terms: Option<Vec<NodeSelectorTerm>>,
}

pub fn volume_info(claim: &str, pv: Option<&PersistentVolume>) -> VolumeInfo {
    let spec = pv.and_then(|p| p.spec.as_ref());
    let source = spec.map(|s| {
        if s.host_path.is_some() {
            "hostPath".to_string()
        } else if s.local.is_some() {
            "local".into()
        } else if let Some(csi) = &s.csi {
            format!("csi:{}", csi.driver)
        } else if s.nfs.is_some() {
            "nfs".into()
        } else {
            "other".into()
        }
    });
    let node_terms = spec
        .and_then(|s| s.node_affinity.as_ref())
        .and_then(|a| a.required.as_ref())
        .map(|r| r.node_selector_terms.clone())
        .filter(|t| !t.is_empty());
    VolumeInfo { claim: claim.to_string(), volume: pv.and_then(|p| p.metadata.name.clone()), source, node_terms }
}

impl VolumeInfo {
    /// Whether the volume can be mounted on `node` (its node affinity admits the node's labels).
    pub fn attaches_on(&self, node: &NodeInfo) -> bool {
        self.node_terms.as_deref().is_none_or(|terms| selector_matches(terms, node))
    }

    /// The nodes (of `nodes`) the volume can be mounted on; None when any node can.
    pub fn confined_to(&self, nodes: &[NodeInfo]) -> Option<Vec<String>> {
        self.node_terms.as_ref()?;
        Some(nodes.iter().filter(|n| self.attaches_on(n)).map(|n| n.name.clone()).collect())
    }

    /// One word for tables: `any node`, or `local:<nodes>` for a volume confined to nodes.
    pub fn locality(&self, nodes: &[NodeInfo]) -> String {
        match self.confined_to(nodes) {
            None => "any node".into(),
            Some(on) if on.is_empty() => "local:(no node)".into(),
            Some(on) => format!("local:{}", on.join(",")),
        }
    }

    /// A hostPath volume without node affinity: Kubernetes mounts it on any node, but its data
    /// is on one machine's disk unless that path is shared storage on every node.
    pub fn unpinned_host_path(&self) -> bool {
        self.node_terms.is_none() && self.source.as_deref() == Some("hostPath")
    }
}

/// Node selector terms are ORed; each term's requirements are ANDed (as the scheduler does).
pub fn selector_matches(terms: &[NodeSelectorTerm], node: &NodeInfo) -> bool {
    terms.iter().any(|t| term_matches(t, node))
}

fn term_matches(term: &NodeSelectorTerm, node: &NodeInfo) -> bool {
    let exprs = term.match_expressions.iter().flatten();
    let fields = term.match_fields.iter().flatten();
    let mut any = false;
    for e in exprs {
        any = true;
        if !requirement_matches(e, node.labels.get(&e.key).map(String::as_str)) {
            return false;
        }
    }
    for f in fields {
        any = true;
        let value = (f.key == "metadata.name").then_some(node.name.as_str());
        if !requirement_matches(f, value) {
            return false;
        }
    }
    // An empty term matches no node (the API's rule).
    any
}

fn requirement_matches(r: &NodeSelectorRequirement, value: Option<&str>) -> bool {
    let values = r.values.as_deref().unwrap_or_default();
    match r.operator.as_str() {
        "In" => value.is_some_and(|v| values.iter().any(|x| x == v)),
        "NotIn" => value.is_none_or(|v| !values.iter().any(|x| x == v)),
        "Exists" => value.is_some(),
        "DoesNotExist" => value.is_none(),
        "Gt" | "Lt" => {
            let (Some(v), Some(bound)) =
                (value.and_then(|v| v.parse::<i64>().ok()), values.first().and_then(|b| b.parse::<i64>().ok()))
            else {
                return false;
            };
            if r.operator == "Gt" { v > bound } else { v < bound }
        }
        _ => false,
    }
}

/// The pod spec's scheduling fields pinned to `node`: every required node-affinity term gets
/// `kubernetes.io/hostname In [node]` in place of its hostname requirements (other
/// requirements, preferred terms and pod affinities are kept); a nodeSelector on the hostname
/// is set to `node`. Returns the new affinity and nodeSelector.
pub fn pinned_to(spec: &PodSpec, node: &str) -> (Affinity, Option<BTreeMap<String, String>>) {
    let host = || NodeSelectorRequirement {
        key: HOSTNAME_LABEL.into(),
        operator: "In".into(),
        values: Some(vec![node.to_string()]),
    };
    let mut affinity = spec.affinity.clone().unwrap_or_default();
    let mut node_affinity = affinity.node_affinity.take().unwrap_or_default();
    let mut required = node_affinity
        .required_during_scheduling_ignored_during_execution
        .take()
        .unwrap_or(NodeSelector { node_selector_terms: vec![] });
    if required.node_selector_terms.is_empty() {
        required.node_selector_terms.push(NodeSelectorTerm::default());
    }
    for term in &mut required.node_selector_terms {
        let mut exprs: Vec<NodeSelectorRequirement> =
            term.match_expressions.take().unwrap_or_default().into_iter().filter(|e| e.key != HOSTNAME_LABEL).collect();
        exprs.push(host());
        term.match_expressions = Some(exprs);
        // A field selector on the node's name would contradict the new node.
        if let Some(fields) = term.match_fields.as_mut() {
            fields.retain(|f| f.key != "metadata.name");
        }
        if term.match_fields.as_ref().is_some_and(Vec::is_empty) {
            term.match_fields = None;
        }
    }
    node_affinity.required_during_scheduling_ignored_during_execution = Some(required);
    affinity.node_affinity = Some(NodeAffinity { ..node_affinity });
    let selector = spec.node_selector.clone().map(|mut s| {
        if s.contains_key(HOSTNAME_LABEL) {
            s.insert(HOSTNAME_LABEL.into(), node.to_string());
        }
        s
    });
    (affinity, selector)
}

/// The claim a broker gets on `target` when its volume cannot follow: the old claim's name
/// without a `-<node>` suffix an earlier move added, then `-<target>`.
pub fn new_claim_name(old: &str, target: &str, nodes: &[NodeInfo]) -> String {
    let base =
        nodes.iter().filter_map(|n| old.strip_suffix(&format!("-{}", n.name))).find(|b| !b.is_empty()).unwrap_or(old);
    format!("{base}-{target}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(name: &str, zone: &str) -> NodeInfo {
        NodeInfo {
            name: name.into(),
            labels: [
                (HOSTNAME_LABEL.to_string(), name.to_string()),
                ("topology.kubernetes.io/zone".into(), zone.into()),
            ]
            .into(),
            ready: Some(true),
            unschedulable: false,
        }
    }

    fn req(key: &str, op: &str, values: &[&str]) -> NodeSelectorRequirement {
        NodeSelectorRequirement {
            key: key.into(),
            operator: op.into(),
            values: (!values.is_empty()).then(|| values.iter().map(|v| v.to_string()).collect()),
        }
    }

    fn pv(terms: Option<Vec<NodeSelectorTerm>>, host_path: bool) -> PersistentVolume {
        let mut doc = serde_json::json!({"metadata": {"name": "kafka-pv-3"}, "spec": {}});
        if host_path {
            doc["spec"]["hostPath"] = serde_json::json!({"path": "/data/kafka-3"});
        } else {
            doc["spec"]["csi"] = serde_json::json!({"driver": "ebs.csi.aws.com", "volumeHandle": "vol-1"});
        }
        if let Some(t) = terms {
            doc["spec"]["nodeAffinity"] = serde_json::json!({"required": {"nodeSelectorTerms": t}});
        }
        serde_json::from_value(doc).unwrap()
    }

    #[test]
    fn a_volume_attaches_where_its_node_affinity_admits_the_node() {
        let nodes = [node("worker1", "a"), node("worker2", "a"), node("worker3", "b")];
        let pinned = volume_info(
            "kafka-pvc-3",
            Some(&pv(
                Some(vec![NodeSelectorTerm {
                    match_expressions: Some(vec![req(HOSTNAME_LABEL, "In", &["worker1"])]),
                    match_fields: None,
                }]),
                true,
            )),
        );
        assert!(pinned.attaches_on(&nodes[0]));
        assert!(!pinned.attaches_on(&nodes[1]));
        assert_eq!(pinned.locality(&nodes), "local:worker1");
        assert!(!pinned.unpinned_host_path());

        let zonal = volume_info(
            "kafka-pvc-3",
            Some(&pv(
                Some(vec![NodeSelectorTerm {
                    match_expressions: Some(vec![req("topology.kubernetes.io/zone", "In", &["a"])]),
                    match_fields: None,
                }]),
                false,
            )),
        );
        assert!(zonal.attaches_on(&nodes[1]), "same zone");
        assert!(!zonal.attaches_on(&nodes[2]), "another zone");
        assert_eq!(zonal.locality(&nodes), "local:worker1,worker2");
        assert_eq!(zonal.source.as_deref(), Some("csi:ebs.csi.aws.com"));

        let anywhere = volume_info("kafka-pvc-3", Some(&pv(None, true)));
        assert!(nodes.iter().all(|n| anywhere.attaches_on(n)));
        assert_eq!(anywhere.locality(&nodes), "any node");
        assert!(anywhere.unpinned_host_path(), "a hostPath anywhere is flagged");

        let unbound = volume_info("kafka-pvc-3", None);
        assert_eq!((unbound.volume, unbound.source), (None, None));
    }

    #[test]
    fn operators_follow_the_scheduler() {
        let n = node("worker2", "a");
        let one =
            |r| selector_matches(&[NodeSelectorTerm { match_expressions: Some(vec![r]), match_fields: None }], &n);
        assert!(one(req(HOSTNAME_LABEL, "NotIn", &["worker1"])));
        assert!(!one(req(HOSTNAME_LABEL, "NotIn", &["worker2"])));
        assert!(one(req("topology.kubernetes.io/zone", "Exists", &[])));
        assert!(one(req("gpu", "DoesNotExist", &[])));
        assert!(!one(req("gpu", "Gt", &["1"])), "Gt on a missing label");
        let by_field = NodeSelectorTerm {
            match_expressions: None,
            match_fields: Some(vec![req("metadata.name", "In", &["worker2"])]),
        };
        assert!(selector_matches(&[by_field], &n));
        assert!(!selector_matches(&[NodeSelectorTerm::default()], &n), "an empty term matches nothing");
    }

    #[test]
    fn the_target_must_exist_be_schedulable_and_ready() {
        let mut nodes = vec![node("worker1", "a"), node("worker2", "a")];
        assert_eq!(target_problem(&nodes, "worker2"), None);
        assert_eq!(target_problem(&nodes, "worker9"), Some(TargetProblem::Missing));
        nodes[1].unschedulable = true;
        assert_eq!(target_problem(&nodes, "worker2"), Some(TargetProblem::Cordoned));
        nodes[1].unschedulable = false;
        nodes[1].ready = Some(false);
        assert!(matches!(target_problem(&nodes, "worker2"), Some(TargetProblem::NotReady(_))));
        nodes[1].ready = None;
        assert!(matches!(target_problem(&nodes, "worker2"), Some(TargetProblem::NotReady(_))));
    }

    #[test]
    fn pinning_replaces_only_the_hostname() {
        let spec: PodSpec = serde_json::from_value(serde_json::json!({
            "containers": [],
            "nodeSelector": {"kubernetes.io/hostname": "worker1", "disk": "ssd"},
            "affinity": {
                "nodeAffinity": {
                    "requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [
                        {"matchExpressions": [
                            {"key": "kubernetes.io/hostname", "operator": "In", "values": ["worker1"]},
                            {"key": "topology.kubernetes.io/zone", "operator": "In", "values": ["a"]}
                        ]}
                    ]},
                    "preferredDuringSchedulingIgnoredDuringExecution": [
                        {"weight": 1, "preference": {"matchExpressions": [{"key": "disk", "operator": "Exists"}]}}
                    ]
                },
                "podAntiAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [
                    {"topologyKey": "kubernetes.io/hostname", "labelSelector": {"matchLabels": {"app": "kafka"}}}
                ]}
            }
        }))
        .unwrap();
        let (affinity, selector) = pinned_to(&spec, "worker2");
        let doc = serde_json::to_value(&affinity).unwrap();
        let exprs = &doc["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]["nodeSelectorTerms"][0]["matchExpressions"];
        assert_eq!(exprs[0]["key"], "topology.kubernetes.io/zone", "other requirements kept");
        assert_eq!(exprs[1], serde_json::json!({"key": HOSTNAME_LABEL, "operator": "In", "values": ["worker2"]}));
        assert_eq!(exprs.as_array().unwrap().len(), 2);
        assert!(doc["nodeAffinity"]["preferredDuringSchedulingIgnoredDuringExecution"].is_array());
        assert!(doc["podAntiAffinity"].is_object());
        let selector = selector.unwrap();
        assert_eq!(selector[HOSTNAME_LABEL], "worker2");
        assert_eq!(selector["disk"], "ssd");

        let bare: PodSpec = serde_json::from_value(serde_json::json!({"containers": []})).unwrap();
        let (affinity, selector) = pinned_to(&bare, "worker2");
        let terms = affinity.node_affinity.unwrap().required_during_scheduling_ignored_during_execution.unwrap();
        assert_eq!(terms.node_selector_terms.len(), 1);
        assert!(selector.is_none());
        let pinned = NodeInfo { name: "worker2".into(), ..node("worker2", "a") };
        assert!(selector_matches(&terms.node_selector_terms, &pinned));
        assert!(!selector_matches(&terms.node_selector_terms, &node("worker1", "a")));
    }

    #[test]
    fn new_claims_are_named_after_the_target() {
        let nodes = [node("worker1", "a"), node("worker2", "a")];
        assert_eq!(new_claim_name("kafka-pvc-4", "worker2", &nodes), "kafka-pvc-4-worker2");
        assert_eq!(new_claim_name("kafka-pvc-4-worker2", "worker1", &nodes), "kafka-pvc-4-worker1");
    }
}
