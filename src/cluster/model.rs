//! The plain broker model: what a Kafka broker is, read off its workload, pods, Services and
//! PVCs. Pure types and parsers; nothing here talks to the network.

use std::collections::BTreeMap;

use serde::Serialize;

/// The kind of workload that runs a broker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum WorkloadKind {
    Deployment,
    StatefulSet,
}

/// A KRaft process role (KAFKA_PROCESS_ROLES).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Broker,
    Controller,
}

/// Container waiting reasons that leave a pod without a broker process however long one waits
/// (ContainerCreating is Strimzi's too: a pod stuck there serves nothing either).
const STUCK_WAITING: &[&str] = &[
    "CrashLoopBackOff",
    "ImagePullBackOff",
    "ErrImagePull",
    "InvalidImageName",
    "CreateContainerConfigError",
    "CreateContainerError",
    "RunContainerError",
    "ContainerCreating",
];

/// Whether a pod is stuck, from its container's waiting reason and whether the scheduler
/// found it unschedulable; the reason in words.
pub fn stuck_reason(waiting: Option<&str>, unschedulable: bool) -> Option<String> {
    if unschedulable {
        return Some("Pending and unschedulable".into());
    }
    waiting.filter(|w| STUCK_WAITING.contains(w)).map(str::to_string)
}

/// One entry of KAFKA_LISTENERS or KAFKA_ADVERTISED_LISTENERS: `NAME://host:port`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listener {
    pub name: String,
    pub host: String,
    pub port: u16,
}

impl std::fmt::Display for Listener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.host.contains(':') {
            write!(f, "{}://[{}]:{}", self.name, self.host, self.port)
        } else {
            write!(f, "{}://{}:{}", self.name, self.host, self.port)
        }
    }
}

/// One entry of KAFKA_CONTROLLER_QUORUM_VOTERS: `id@host:port`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Voter {
    pub id: i32,
    pub host: String,
    pub port: u16,
}

/// A pod of a broker's workload, as far as the plugin cares.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BrokerPod {
    pub name: String,
    pub phase: String,
    /// kubectl's STATUS column: a waiting reason (CrashLoopBackOff), Terminating, or the phase.
    pub status: String,
    pub ready: bool,
    pub restarts: i32,
    pub node: Option<String>,
    pub ip: Option<String>,
    pub created: Option<jiff::Timestamp>,
    pub terminating: bool,
    /// Why no broker process can run in this pod until something changes (Strimzi's stuck
    /// pod: CrashLoopBackOff, ImagePullBackOff, ContainerCreating, Pending and unschedulable).
    pub stuck: Option<String>,
    /// Whether the Kafka container's process runs now (it may still be recovering its logs).
    pub running: bool,
}

/// A PersistentVolumeClaim the broker mounts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BrokerVolume {
    pub claim: String,
    /// The volume's name in the pod template (None for a StatefulSet's claim template).
    pub pod_volume: Option<String>,
    pub mount_path: Option<String>,
    /// The PersistentVolume the claim is bound to.
    pub volume: Option<String>,
    /// Bound, Pending, Lost, or Missing when the claim does not exist.
    pub phase: String,
    pub requested: Option<String>,
    pub capacity: Option<String>,
    pub access_modes: Vec<String>,
}

/// A Kafka broker (or controller) as Kubernetes runs it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Broker {
    /// The workload's name (the Deployment kafka-2), or `<statefulset>-<ordinal>`.
    pub name: String,
    pub kind: WorkloadKind,
    /// The workload that runs it (for a StatefulSet, shared by several brokers).
    pub workload: String,
    pub instance: Option<String>,
    pub node_id: Option<i32>,
    pub roles: Vec<Role>,
    pub listeners: Vec<Listener>,
    pub advertised: Vec<Listener>,
    pub voters: Vec<Voter>,
    pub controller_listener_names: Vec<String>,
    pub image: Option<String>,
    /// The container that runs Kafka.
    pub container: Option<String>,
    /// The container env as given literally (valueFrom entries are left out).
    pub env: BTreeMap<String, String>,
    pub container_ports: Vec<u16>,
    pub desired_replicas: i32,
    pub ready_replicas: i32,
    pub paused: bool,
    pub strategy: Option<String>,
    /// Pods a rollout may add beside the running one (the resolved maxSurge; 0 for Recreate
    /// and for StatefulSets).
    pub max_surge: i32,
    pub pods: Vec<BrokerPod>,
    pub services: Vec<String>,
    pub volumes: Vec<BrokerVolume>,
    /// Hostnames the pod is pinned to by required node affinity (kubernetes.io/hostname In ...).
    pub pinned_nodes: Vec<String>,
    pub pod_labels: BTreeMap<String, String>,
    pub created: Option<jiff::Timestamp>,
}

impl Broker {
    /// The pod that serves now: the newest pod that is not terminating.
    pub fn current_pod(&self) -> Option<&BrokerPod> {
        self.pods.iter().filter(|p| !p.terminating).max_by_key(|p| (p.created, p.name.clone()))
    }

    /// The advertised listener clients use: the one that is not a controller listener.
    pub fn client_listener(&self) -> Option<&Listener> {
        self.advertised.iter().find(|l| !self.controller_listener_names.contains(&l.name))
    }

    pub fn is_ready(&self) -> bool {
        self.current_pod().is_some_and(|p| p.ready)
    }

    /// The port inside the pod of the listener clients use (the one advertised), by name.
    pub fn client_port(&self) -> Option<u16> {
        let advertised = self.client_listener()?;
        self.listeners.iter().find(|l| l.name == advertised.name).map(|l| l.port).or(Some(advertised.port))
    }

    /// The pods' label selector as `k=v,k=v` (the pod template's labels).
    pub fn pod_selector(&self) -> String {
        self.pod_labels.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(",")
    }

    /// Whether `name` names this broker: its workload name, its `instance` label or its node id.
    pub fn answers_to(&self, name: &str) -> bool {
        self.name == name
            || self.instance.as_deref() == Some(name)
            || name.parse::<i32>().ok().is_some_and(|id| self.node_id == Some(id))
    }

    /// Why this broker is not ready, in words, or None when it is.
    pub fn not_ready_reason(&self) -> Option<String> {
        if self.desired_replicas == 0 {
            return Some(format!("{} {} is scaled to 0", kind_noun(self.kind), self.workload));
        }
        match self.current_pod() {
            None => Some(format!("{} {} has no pod", kind_noun(self.kind), self.workload)),
            Some(pod) if !pod.ready => Some(format!("pod {} is {} and not ready", pod.name, pod.status)),
            Some(_) => None,
        }
    }
}

fn kind_noun(kind: WorkloadKind) -> &'static str {
    match kind {
        WorkloadKind::Deployment => "deployment",
        WorkloadKind::StatefulSet => "statefulset",
    }
}

/// Parses `PLAINTEXT://host:9092,CONTROLLER://:9093` (KAFKA_LISTENERS and the like).
pub fn parse_listeners(text: &str) -> Result<Vec<Listener>, String> {
    text.split(',').map(str::trim).filter(|s| !s.is_empty()).map(parse_listener).collect()
}

fn parse_listener(text: &str) -> Result<Listener, String> {
    let (name, rest) = text.split_once("://").ok_or_else(|| format!("listener {text:?} is not NAME://host:port"))?;
    let (host, port) = split_host_port(rest).ok_or_else(|| format!("listener {text:?} has no :port"))?;
    if name.is_empty() {
        return Err(format!("listener {text:?} has no name"));
    }
    Ok(Listener { name: name.to_string(), host, port })
}

/// Parses `1@kafka-1:9093,2@kafka-2:9093` (KAFKA_CONTROLLER_QUORUM_VOTERS).
pub fn parse_voters(text: &str) -> Result<Vec<Voter>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|entry| {
            let (id, addr) = entry.split_once('@').ok_or_else(|| format!("voter {entry:?} is not id@host:port"))?;
            let id = id.parse::<i32>().map_err(|_| format!("voter {entry:?} has a non-numeric id"))?;
            let (host, port) = split_host_port(addr).ok_or_else(|| format!("voter {entry:?} has no :port"))?;
            Ok(Voter { id, host, port })
        })
        .collect()
}

fn split_host_port(text: &str) -> Option<(String, u16)> {
    if let Some(rest) = text.strip_prefix('[') {
        let (host, port) = rest.split_once("]:")?;
        return Some((host.to_string(), port.parse().ok()?));
    }
    let (host, port) = text.rsplit_once(':')?;
    Some((host.to_string(), port.parse().ok()?))
}

/// Parses KAFKA_PROCESS_ROLES (`broker,controller`); unknown roles are ignored.
pub fn parse_roles(text: &str) -> Vec<Role> {
    let mut roles: Vec<Role> = text
        .split(',')
        .filter_map(|r| match r.trim() {
            "broker" => Some(Role::Broker),
            "controller" => Some(Role::Controller),
            _ => None,
        })
        .collect();
    roles.sort();
    roles.dedup();
    roles
}

/// Finds the brokers the user named, in the order named; the error names the unknown one.
pub fn select_brokers<'a>(brokers: &'a [Broker], names: &[String]) -> Result<Vec<&'a Broker>, String> {
    if names.is_empty() {
        return Ok(brokers.iter().collect());
    }
    let mut chosen: Vec<&Broker> = Vec::new();
    for name in names {
        let found: Vec<&Broker> = brokers.iter().filter(|b| b.answers_to(name)).collect();
        match found.as_slice() {
            [] => return Err(name.clone()),
            [one, ..] => {
                if !chosen.iter().any(|b| b.name == one.name) {
                    chosen.push(one);
                }
            }
        }
    }
    Ok(chosen)
}

/// The pods a Deployment's rollout may run beside the old ones for `replicas` replicas: its
/// resolved maxSurge (the default 25% and any percentage round up, as the controller does;
/// Recreate surges none).
pub fn surge_pods(strategy: Option<&k8s_openapi::api::apps::v1::DeploymentStrategy>, replicas: i32) -> i32 {
    use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
    if strategy.and_then(|s| s.type_.as_deref()) == Some("Recreate") {
        return 0;
    }
    let surge = strategy
        .and_then(|s| s.rolling_update.as_ref())
        .and_then(|r| r.max_surge.clone())
        .unwrap_or(IntOrString::String("25%".into()));
    match surge {
        IntOrString::Int(n) => n.max(0),
        IntOrString::String(s) => match s.strip_suffix('%').and_then(|p| p.parse::<i64>().ok()) {
            Some(pct) => ((pct.max(0) * i64::from(replicas.max(0)) + 99) / 100) as i32,
            None => s.parse().unwrap_or(1),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_guide_listeners() {
        let listeners = parse_listeners("PLAINTEXT://0.0.0.0:9092,CONTROLLER://0.0.0.0:9093").unwrap();
        assert_eq!(listeners.len(), 2);
        assert_eq!(listeners[0], Listener { name: "PLAINTEXT".into(), host: "0.0.0.0".into(), port: 9092 });
        assert_eq!(listeners[1].name, "CONTROLLER");
        assert_eq!(listeners[1].port, 9093);
        let advertised = parse_listeners("PLAINTEXT://kafka-2:9092").unwrap();
        assert_eq!(advertised[0].to_string(), "PLAINTEXT://kafka-2:9092");
    }

    #[test]
    fn parses_empty_and_ipv6_hosts() {
        let l = parse_listeners("PLAINTEXT://:9092, EXTERNAL://[::1]:19092").unwrap();
        assert_eq!(l[0].host, "");
        assert_eq!(l[1].host, "::1");
        assert_eq!(l[1].port, 19092);
        assert_eq!(l[1].to_string(), "EXTERNAL://[::1]:19092");
    }

    #[test]
    fn rejects_malformed_listeners() {
        assert!(parse_listeners("kafka-1:9092").is_err());
        assert!(parse_listeners("PLAINTEXT://kafka-1").is_err());
        assert!(parse_listeners("PLAINTEXT://kafka-1:port").is_err());
        assert!(parse_listeners("://kafka-1:9092").is_err());
    }

    #[test]
    fn parses_the_guide_voters() {
        let voters = parse_voters("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093").unwrap();
        assert_eq!(voters.len(), 3);
        assert_eq!(voters[2], Voter { id: 3, host: "kafka-3".into(), port: 9093 });
        assert!(parse_voters("x@kafka-1:9093").is_err());
        assert!(parse_voters("1-kafka-1:9093").is_err());
        assert!(parse_voters("").unwrap().is_empty());
    }

    #[test]
    fn stuck_pods_are_the_ones_no_wait_can_fix() {
        assert_eq!(stuck_reason(Some("CrashLoopBackOff"), false).as_deref(), Some("CrashLoopBackOff"));
        assert_eq!(stuck_reason(Some("ImagePullBackOff"), false).as_deref(), Some("ImagePullBackOff"));
        assert_eq!(stuck_reason(None, true).as_deref(), Some("Pending and unschedulable"));
        assert_eq!(stuck_reason(Some("PodInitializing"), false), None);
        assert_eq!(stuck_reason(None, false), None);
    }

    #[test]
    fn parses_roles() {
        assert_eq!(parse_roles("broker,controller"), vec![Role::Broker, Role::Controller]);
        assert_eq!(parse_roles("controller, broker"), vec![Role::Broker, Role::Controller]);
        assert_eq!(parse_roles("controller"), vec![Role::Controller]);
        assert!(parse_roles("zookeeper").is_empty());
    }
}
