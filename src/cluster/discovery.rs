//! Finding the brokers by label: one list call per kind, then a pure function that turns the
//! objects into [`Broker`]s (the part the unit tests cover, from YAML fixtures).

use std::collections::BTreeMap;

use anyhow::Context as _;
use k8s_openapi::api::apps::v1::{Deployment, StatefulSet};
use k8s_openapi::api::core::v1::{Container, PersistentVolumeClaim, Pod, PodSpec, PodTemplateSpec, Service};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use kube::Api;
use kube::api::ListParams;

use super::Cluster;
use super::model::{
    Broker, BrokerPod, BrokerVolume, WorkloadKind, parse_listeners, parse_roles, parse_voters, stuck_reason,
};
use super::selector::Selector;
use crate::exit::{ExitCode, Failure};

/// The objects discovery reads, as listed from one namespace.
#[derive(Debug, Default, Clone)]
pub struct Inventory {
    pub deployments: Vec<Deployment>,
    pub statefulsets: Vec<StatefulSet>,
    pub pods: Vec<Pod>,
    pub services: Vec<Service>,
    pub claims: Vec<PersistentVolumeClaim>,
}

/// Lists what discovery needs, concurrently. Pods are listed by the selector; workloads,
/// Services and PVCs are listed whole: the guide labels only the pod template, and its
/// Services and PVCs carry no labels. [`build_brokers`] matches the workloads.
pub async fn read_inventory(cluster: &Cluster, selector: &str) -> anyhow::Result<Inventory> {
    let ns = cluster.namespace.as_str();
    let by_label = ListParams::default().labels(selector);
    let all = ListParams::default();
    let c = cluster.client.clone();
    let (deploy_api, sts_api, pod_api, svc_api, pvc_api) = (
        Api::<Deployment>::namespaced(c.clone(), ns),
        Api::<StatefulSet>::namespaced(c.clone(), ns),
        Api::<Pod>::namespaced(c.clone(), ns),
        Api::<Service>::namespaced(c.clone(), ns),
        Api::<PersistentVolumeClaim>::namespaced(c, ns),
    );
    let (deployments, statefulsets, pods, services, claims) = tokio::join!(
        deploy_api.list(&all),
        sts_api.list(&all),
        pod_api.list(&by_label),
        svc_api.list(&all),
        pvc_api.list(&all),
    );
    Ok(Inventory {
        deployments: deployments.map_err(|e| cluster.api_error(e, "list", "deployments.apps"))?.items,
        statefulsets: statefulsets.map_err(|e| cluster.api_error(e, "list", "statefulsets.apps"))?.items,
        pods: pods.map_err(|e| cluster.api_error(e, "list", "pods"))?.items,
        services: services.map_err(|e| cluster.api_error(e, "list", "services"))?.items,
        claims: claims.map_err(|e| cluster.api_error(e, "list", "persistentvolumeclaims"))?.items,
    })
}

/// Discovers the brokers; an empty result is a [`Failure`] that names namespace and selector.
pub async fn discover_brokers(cluster: &Cluster, selector: &str) -> anyhow::Result<Vec<Broker>> {
    let parsed = Selector::parse(selector).map_err(|msg| Failure::new(ExitCode::Usage, msg))?;
    let inventory = read_inventory(cluster, selector)
        .await
        .with_context(|| format!("discover Kafka brokers in namespace {}", cluster.namespace))?;
    let brokers = build_brokers(&inventory, &parsed);
    if brokers.is_empty() {
        return Err(no_brokers(&cluster.namespace, selector).into());
    }
    Ok(brokers)
}

/// The pod that serves `broker` now (the newest that is not terminating), read afresh: the
/// rollout commands look again before each broker, not at the picture taken when they began.
pub async fn current_pod_now(cluster: &Cluster, broker: &Broker) -> anyhow::Result<Option<BrokerPod>> {
    let api = Api::<Pod>::namespaced(cluster.client.clone(), &cluster.namespace);
    let pods = api
        .list(&ListParams::default().labels(&broker.pod_selector()))
        .await
        .map_err(|e| cluster.api_error(e, "list", "pods"))?;
    Ok(pods.items.iter().map(broker_pod).filter(|p| !p.terminating).max_by_key(|p| (p.created, p.name.clone())))
}

pub fn no_brokers(namespace: &str, selector: &str) -> Failure {
    Failure::new(
        ExitCode::NotFound,
        format!("no Kafka brokers match selector {selector} in namespace {namespace} (no Deployment or StatefulSet carries those labels)"),
    )
    .hint(format!(
        "pass -n NAMESPACE where Kafka runs, or -l SELECTOR matching its workloads; \
         `kubectl get deployments,statefulsets -A -l {selector}` shows where they are"
    ))
}

/// Builds the brokers from listed objects: the workloads whose pod template (or own) labels
/// the selector matches. Deployments give one broker each; a StatefulSet gives one per
/// replica ordinal. Sorted by node id, then name.
pub fn build_brokers(inv: &Inventory, selector: &Selector) -> Vec<Broker> {
    let mut brokers = Vec::new();
    for deploy in &inv.deployments {
        let (Some(spec), meta) = (deploy.spec.as_ref(), &deploy.metadata) else { continue };
        if !workload_selected(selector, meta, &spec.template) {
            continue;
        }
        let pods = pods_matching(&inv.pods, &spec.selector);
        let status = deploy.status.as_ref();
        let strategy = spec.strategy.as_ref().and_then(|s| s.type_.clone()).unwrap_or_else(|| "RollingUpdate".into());
        brokers.push(broker_from(
            meta,
            WorkloadKind::Deployment,
            name_of(meta),
            &spec.template,
            pods,
            inv,
            Counts {
                desired: spec.replicas.unwrap_or(1),
                ready: status.and_then(|s| s.ready_replicas).unwrap_or(0),
                paused: spec.paused.unwrap_or(false),
                strategy: Some(strategy),
                max_surge: crate::cluster::model::surge_pods(spec.strategy.as_ref(), spec.replicas.unwrap_or(1).max(1)),
                claims: vec![],
            },
        ));
    }
    for sts in &inv.statefulsets {
        let (Some(spec), meta) = (sts.spec.as_ref(), &sts.metadata) else { continue };
        if !workload_selected(selector, meta, &spec.template) {
            continue;
        }
        let base = name_of(meta);
        let replicas = spec.replicas.unwrap_or(1);
        let templates: Vec<String> =
            spec.volume_claim_templates.iter().flatten().filter_map(|t| t.metadata.name.clone()).collect();
        for ordinal in 0..replicas.max(0) {
            let pod_name = format!("{base}-{ordinal}");
            let pods: Vec<&Pod> = pods_matching(&inv.pods, &spec.selector)
                .into_iter()
                .filter(|p| p.metadata.name.as_deref() == Some(pod_name.as_str()))
                .collect();
            let ready = pods.iter().any(|p| pod_ready(p)) as i32;
            let claims = templates.iter().map(|t| format!("{t}-{pod_name}")).collect();
            brokers.push(broker_from(
                meta,
                WorkloadKind::StatefulSet,
                pod_name.clone(),
                &spec.template,
                pods,
                inv,
                Counts { desired: 1, ready, paused: false, strategy: None, max_surge: 0, claims },
            ));
        }
    }
    brokers.sort_by(|a, b| (a.node_id.is_none(), a.node_id, &a.name).cmp(&(b.node_id.is_none(), b.node_id, &b.name)));
    brokers
}

fn workload_selected(selector: &Selector, meta: &ObjectMeta, template: &PodTemplateSpec) -> bool {
    let to_map = |labels: Option<&std::collections::BTreeMap<String, String>>| labels.cloned().unwrap_or_default();
    let own = to_map(meta.labels.as_ref());
    let pod = to_map(template.metadata.as_ref().and_then(|m| m.labels.as_ref()));
    selector.matches(&pod) || (!own.is_empty() && selector.matches(&own))
}

struct Counts {
    desired: i32,
    ready: i32,
    paused: bool,
    strategy: Option<String>,
    max_surge: i32,
    /// StatefulSet claims from volumeClaimTemplates.
    claims: Vec<String>,
}

fn broker_from(
    meta: &ObjectMeta,
    kind: WorkloadKind,
    name: String,
    template: &PodTemplateSpec,
    pods: Vec<&Pod>,
    inv: &Inventory,
    counts: Counts,
) -> Broker {
    let pod_labels: BTreeMap<String, String> =
        template.metadata.as_ref().and_then(|m| m.labels.clone()).unwrap_or_default().into_iter().collect();
    let pod_spec = template.spec.as_ref();
    let container = pod_spec.and_then(kafka_container);
    let env: BTreeMap<String, String> = container
        .and_then(|c| c.env.as_ref())
        .into_iter()
        .flatten()
        .filter_map(|e| e.value.clone().map(|v| (e.name.clone(), v)))
        .collect();
    let get = |key: &str| env.get(key).map(String::as_str).unwrap_or("");
    let volumes = volumes_of(pod_spec, container, &counts.claims, &inv.claims);
    Broker {
        name,
        kind,
        workload: name_of(meta),
        instance: pod_labels.get("instance").cloned(),
        node_id: get("KAFKA_NODE_ID").parse().ok().or_else(|| get("KAFKA_BROKER_ID").parse().ok()),
        roles: parse_roles(get("KAFKA_PROCESS_ROLES")),
        listeners: parse_listeners(get("KAFKA_LISTENERS")).unwrap_or_default(),
        advertised: parse_listeners(get("KAFKA_ADVERTISED_LISTENERS")).unwrap_or_default(),
        voters: parse_voters(get("KAFKA_CONTROLLER_QUORUM_VOTERS")).unwrap_or_default(),
        controller_listener_names: get("KAFKA_CONTROLLER_LISTENER_NAMES")
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
        image: container.and_then(|c| c.image.clone()),
        container: container.map(|c| c.name.clone()),
        container_ports: container
            .and_then(|c| c.ports.as_ref())
            .into_iter()
            .flatten()
            .filter_map(|p| u16::try_from(p.container_port).ok())
            .collect(),
        env,
        desired_replicas: counts.desired,
        ready_replicas: counts.ready,
        paused: counts.paused,
        strategy: counts.strategy,
        max_surge: counts.max_surge,
        pods: pods.into_iter().map(broker_pod).collect(),
        services: inv
            .services
            .iter()
            .filter(|s| service_selects(s, &pod_labels))
            .map(|s| name_of(&s.metadata))
            .collect(),
        volumes,
        pinned_nodes: pinned_nodes(pod_spec),
        pod_labels,
        created: meta.creation_timestamp.as_ref().map(|t| t.0),
    }
}

/// The container that runs Kafka: the one named `kafka`, else the one with KAFKA_NODE_ID,
/// else the first.
fn kafka_container(spec: &PodSpec) -> Option<&Container> {
    let has_node_id = |c: &&Container| c.env.iter().flatten().any(|e| e.name == "KAFKA_NODE_ID");
    spec.containers
        .iter()
        .find(|c| c.name == "kafka")
        .or_else(|| spec.containers.iter().find(has_node_id))
        .or_else(|| spec.containers.first())
}

fn volumes_of(
    spec: Option<&PodSpec>,
    container: Option<&Container>,
    template_claims: &[String],
    claims: &[PersistentVolumeClaim],
) -> Vec<BrokerVolume> {
    let mut names: Vec<(String, Option<String>, Option<String>)> = Vec::new();
    for vol in spec.and_then(|s| s.volumes.as_ref()).into_iter().flatten() {
        if let Some(pvc) = &vol.persistent_volume_claim {
            let mount = container
                .and_then(|c| c.volume_mounts.as_ref())
                .into_iter()
                .flatten()
                .find(|m| m.name == vol.name)
                .map(|m| m.mount_path.clone());
            names.push((pvc.claim_name.clone(), Some(vol.name.clone()), mount));
        }
    }
    names.extend(template_claims.iter().map(|c| (c.clone(), None, None)));
    names
        .into_iter()
        .map(|(claim, pod_volume, mount_path)| {
            let found = claims.iter().find(|c| c.metadata.name.as_deref() == Some(claim.as_str()));
            BrokerVolume {
                phase: found
                    .and_then(|c| c.status.as_ref())
                    .and_then(|s| s.phase.clone())
                    .unwrap_or_else(|| if found.is_some() { "Pending".into() } else { "Missing".into() }),
                requested: found
                    .and_then(|c| c.spec.as_ref())
                    .and_then(|s| s.resources.as_ref())
                    .and_then(|r| r.requests.as_ref())
                    .and_then(|r| r.get("storage"))
                    .map(|q| q.0.clone()),
                capacity: found
                    .and_then(|c| c.status.as_ref())
                    .and_then(|s| s.capacity.as_ref())
                    .and_then(|c| c.get("storage"))
                    .map(|q| q.0.clone()),
                access_modes: found
                    .and_then(|c| c.spec.as_ref())
                    .and_then(|s| s.access_modes.clone())
                    .unwrap_or_default(),
                volume: found.and_then(|c| c.spec.as_ref()).and_then(|s| s.volume_name.clone()),
                claim,
                pod_volume,
                mount_path,
            }
        })
        .collect()
}

fn pinned_nodes(spec: Option<&PodSpec>) -> Vec<String> {
    let terms = spec
        .and_then(|s| s.affinity.as_ref())
        .and_then(|a| a.node_affinity.as_ref())
        .and_then(|n| n.required_during_scheduling_ignored_during_execution.as_ref())
        .map(|r| r.node_selector_terms.as_slice())
        .unwrap_or_default();
    let mut nodes: Vec<String> = terms
        .iter()
        .flat_map(|t| t.match_expressions.iter().flatten())
        .filter(|e| e.key == "kubernetes.io/hostname" && e.operator == "In")
        .flat_map(|e| e.values.iter().flatten().cloned())
        .collect();
    if let Some(host) = spec.and_then(|s| s.node_selector.as_ref()).and_then(|s| s.get("kubernetes.io/hostname")) {
        nodes.push(host.clone());
    }
    nodes.sort();
    nodes.dedup();
    nodes
}

fn broker_pod(pod: &Pod) -> BrokerPod {
    let status = pod.status.as_ref();
    let containers = status.and_then(|s| s.container_statuses.as_ref());
    let restarts = containers.into_iter().flatten().map(|c| c.restart_count).sum();
    let terminating = pod.metadata.deletion_timestamp.is_some();
    let phase = status.and_then(|s| s.phase.clone()).unwrap_or_else(|| "Pending".into());
    let waiting = containers
        .into_iter()
        .flatten()
        .find_map(|c| c.state.as_ref().and_then(|s| s.waiting.as_ref()).and_then(|w| w.reason.clone()));
    let running = containers.into_iter().flatten().any(|c| c.state.as_ref().is_some_and(|s| s.running.is_some()));
    let unschedulable = status
        .and_then(|s| s.conditions.as_ref())
        .into_iter()
        .flatten()
        .any(|c| c.type_ == "PodScheduled" && c.status == "False" && c.reason.as_deref() == Some("Unschedulable"));
    let stuck = if terminating { None } else { stuck_reason(waiting.as_deref(), unschedulable) };
    let shown = if terminating {
        "Terminating".to_string()
    } else if let Some(reason) = waiting.filter(|_| phase != "Succeeded") {
        reason
    } else {
        phase.clone()
    };
    BrokerPod {
        name: name_of(&pod.metadata),
        status: shown,
        phase,
        ready: pod_ready(pod),
        restarts,
        node: pod.spec.as_ref().and_then(|s| s.node_name.clone()),
        ip: status.and_then(|s| s.pod_ip.clone()),
        created: pod.metadata.creation_timestamp.as_ref().map(|t| t.0),
        terminating,
        stuck,
        running,
    }
}

fn pod_ready(pod: &Pod) -> bool {
    pod.status
        .as_ref()
        .and_then(|s| s.conditions.as_ref())
        .into_iter()
        .flatten()
        .any(|c| c.type_ == "Ready" && c.status == "True")
}

fn pods_matching<'a>(pods: &'a [Pod], selector: &LabelSelector) -> Vec<&'a Pod> {
    pods.iter()
        .filter(|p| {
            let labels: BTreeMap<String, String> = p.metadata.labels.clone().unwrap_or_default().into_iter().collect();
            selector_matches(selector, &labels)
        })
        .collect()
}

fn service_selects(service: &Service, pod_labels: &BTreeMap<String, String>) -> bool {
    match service.spec.as_ref().and_then(|s| s.selector.as_ref()) {
        Some(sel) if !sel.is_empty() => sel.iter().all(|(k, v)| pod_labels.get(k) == Some(v)),
        _ => false,
    }
}

/// Whether a label selector (matchLabels and matchExpressions) selects these labels. An
/// empty selector selects nothing, as for workloads.
pub fn selector_matches(selector: &LabelSelector, labels: &BTreeMap<String, String>) -> bool {
    let match_labels = selector.match_labels.as_ref();
    let exprs = selector.match_expressions.as_deref().unwrap_or_default();
    if match_labels.is_none_or(|m| m.is_empty()) && exprs.is_empty() {
        return false;
    }
    let labels_ok = match_labels.into_iter().flatten().all(|(k, v)| labels.get(k) == Some(v));
    let exprs_ok = exprs.iter().all(|e| {
        let values = e.values.as_deref().unwrap_or_default();
        match e.operator.as_str() {
            "In" => labels.get(&e.key).is_some_and(|v| values.contains(v)),
            "NotIn" => labels.get(&e.key).is_none_or(|v| !values.contains(v)),
            "Exists" => labels.contains_key(&e.key),
            "DoesNotExist" => !labels.contains_key(&e.key),
            _ => false,
        }
    });
    labels_ok && exprs_ok
}

fn name_of(meta: &ObjectMeta) -> String {
    meta.name.clone().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::model::{Role, Voter, select_brokers};

    /// Reads a multi-document YAML fixture into an inventory, by kind.
    fn inventory(yaml: &str) -> Inventory {
        let mut inv = Inventory::default();
        for doc in serde_yaml_ng::Deserializer::from_str(yaml) {
            let value = <serde_json::Value as serde::Deserialize>::deserialize(doc).unwrap();
            match value["kind"].as_str().unwrap() {
                "Deployment" => inv.deployments.push(serde_json::from_value(value).unwrap()),
                "StatefulSet" => inv.statefulsets.push(serde_json::from_value(value).unwrap()),
                "Pod" => inv.pods.push(serde_json::from_value(value).unwrap()),
                "Service" => inv.services.push(serde_json::from_value(value).unwrap()),
                "PersistentVolumeClaim" => inv.claims.push(serde_json::from_value(value).unwrap()),
                _ => {}
            }
        }
        inv
    }

    fn app_kafka() -> Selector {
        Selector::parse("app=kafka").unwrap()
    }

    fn guide() -> Inventory {
        inventory(include_str!("testdata/guide-layout.yaml"))
    }

    #[test]
    fn the_guide_layout_gives_three_brokers() {
        let brokers = build_brokers(&guide(), &app_kafka());
        let names: Vec<&str> = brokers.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["kafka-1", "kafka-2", "kafka-3"]);
        let b2 = &brokers[1];
        assert_eq!(b2.node_id, Some(2));
        assert_eq!(b2.kind, WorkloadKind::Deployment);
        assert_eq!(b2.instance.as_deref(), Some("kafka-2"));
        assert_eq!(b2.roles, vec![Role::Broker, Role::Controller]);
        assert_eq!(b2.client_listener().unwrap().to_string(), "PLAINTEXT://kafka-2:9092");
        assert_eq!(b2.voters[0], Voter { id: 1, host: "kafka-1".into(), port: 9093 });
        assert_eq!(b2.container_ports, vec![9092, 9093]);
        assert_eq!(b2.services, vec!["kafka-2"]);
        assert_eq!(b2.volumes[0].claim, "kafka-pvc-2");
        assert_eq!(b2.volumes[0].phase, "Bound");
        assert_eq!(b2.volumes[0].mount_path.as_deref(), Some("/var/lib/kafka/data"));
        assert_eq!(b2.pinned_nodes, vec!["worker1"]);
        assert_eq!(b2.strategy.as_deref(), Some("RollingUpdate"));
    }

    #[test]
    fn pods_are_matched_by_each_deployments_selector() {
        let brokers = build_brokers(&guide(), &app_kafka());
        assert_eq!(brokers[0].pods.len(), 1);
        let pod = brokers[0].current_pod().unwrap();
        assert!(pod.name.starts_with("kafka-1-"));
        assert!(pod.ready);
        assert_eq!(pod.node.as_deref(), Some("worker1"));
        assert!(brokers[0].is_ready());
        // kafka-3's pod is crash-looping in the fixture.
        let pod3 = brokers[2].current_pod().unwrap();
        assert_eq!(pod3.status, "CrashLoopBackOff");
        assert_eq!(pod3.restarts, 4);
        assert!(!brokers[2].is_ready());
        assert!(brokers[2].not_ready_reason().unwrap().contains("CrashLoopBackOff"));
        assert_eq!(pod3.stuck.as_deref(), Some("CrashLoopBackOff"));
        assert!(!pod3.running);
        assert_eq!(pod.stuck, None);
    }

    #[test]
    fn the_newest_live_pod_is_current_during_a_rollout() {
        let mut inv = guide();
        let mut old = inv.pods[0].clone();
        old.metadata.name = Some("kafka-1-old".into());
        old.metadata.creation_timestamp =
            Some(k8s_openapi::apimachinery::pkg::apis::meta::v1::Time("2020-01-01T00:00:00Z".parse().unwrap()));
        old.metadata.deletion_timestamp = old.metadata.creation_timestamp.clone();
        inv.pods.push(old);
        let brokers = build_brokers(&inv, &app_kafka());
        assert_eq!(brokers[0].pods.len(), 2);
        assert_ne!(brokers[0].current_pod().unwrap().name, "kafka-1-old");
        let old = brokers[0].pods.iter().find(|p| p.name == "kafka-1-old").unwrap();
        assert_eq!(old.status, "Terminating");
    }

    #[test]
    fn a_broker_is_named_three_ways() {
        let brokers = build_brokers(&guide(), &app_kafka());
        for name in ["kafka-2", "2"] {
            let found = select_brokers(&brokers, &[name.to_string()]).unwrap();
            assert_eq!(found.len(), 1, "{name}");
            assert_eq!(found[0].name, "kafka-2");
        }
        // The instance label may differ from the Deployment's name.
        let mut inv = guide();
        let labels = inv.deployments[1].spec.as_mut().unwrap().template.metadata.as_mut().unwrap().labels.as_mut();
        labels.unwrap().insert("instance".into(), "broker-b".into());
        let brokers = build_brokers(&inv, &app_kafka());
        assert_eq!(select_brokers(&brokers, &["broker-b".into()]).unwrap()[0].node_id, Some(2));
        assert_eq!(select_brokers(&brokers, &["kafka-9".into()]).unwrap_err(), "kafka-9");
        assert_eq!(select_brokers(&brokers, &[]).unwrap().len(), 3);
        let twice = select_brokers(&brokers, &["2".into(), "kafka-2".into()]).unwrap();
        assert_eq!(twice.len(), 1);
    }

    #[test]
    fn scaled_to_zero_is_not_ready_and_says_why() {
        let mut inv = guide();
        inv.deployments[2].spec.as_mut().unwrap().replicas = Some(0);
        inv.pods.retain(|p| !p.metadata.name.as_deref().unwrap().starts_with("kafka-3"));
        let brokers = build_brokers(&inv, &app_kafka());
        assert!(brokers[2].current_pod().is_none());
        assert_eq!(brokers[2].not_ready_reason().unwrap(), "deployment kafka-3 is scaled to 0");
    }

    #[test]
    fn the_selector_picks_workloads_by_template_labels() {
        let only_2 = Selector::parse("app=kafka,instance=kafka-2").unwrap();
        let brokers = build_brokers(&guide(), &only_2);
        assert_eq!(brokers.len(), 1);
        assert_eq!(brokers[0].name, "kafka-2");
        assert!(build_brokers(&guide(), &Selector::parse("app=redpanda").unwrap()).is_empty());
    }

    #[test]
    fn a_statefulset_gives_a_broker_per_ordinal() {
        let inv = inventory(include_str!("testdata/statefulset.yaml"));
        let brokers = build_brokers(&inv, &app_kafka());
        let names: Vec<&str> = brokers.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["kafka-0", "kafka-1", "kafka-2"]);
        assert!(brokers.iter().all(|b| b.kind == WorkloadKind::StatefulSet && b.workload == "kafka"));
        assert_eq!(brokers[1].volumes[0].claim, "data-kafka-1");
        assert_eq!(brokers[1].pods.len(), 1);
        assert_eq!(brokers[1].pods[0].name, "kafka-1");
        assert_eq!(brokers[0].roles, vec![Role::Broker, Role::Controller]);
    }

    #[test]
    fn selectors_follow_kubernetes_rules() {
        let labels: BTreeMap<String, String> =
            [("app".to_string(), "kafka".to_string()), ("instance".to_string(), "kafka-1".to_string())].into();
        let sel: LabelSelector = serde_json::from_value(serde_json::json!({
            "matchLabels": {"app": "kafka"},
            "matchExpressions": [{"key": "instance", "operator": "In", "values": ["kafka-1", "kafka-2"]}]
        }))
        .unwrap();
        assert!(selector_matches(&sel, &labels));
        let sel: LabelSelector = serde_json::from_value(serde_json::json!({
            "matchExpressions": [{"key": "instance", "operator": "NotIn", "values": ["kafka-1"]}]
        }))
        .unwrap();
        assert!(!selector_matches(&sel, &labels));
        let sel: LabelSelector = serde_json::from_value(serde_json::json!({
            "matchExpressions": [{"key": "tier", "operator": "DoesNotExist"}]
        }))
        .unwrap();
        assert!(selector_matches(&sel, &labels));
        assert!(!selector_matches(&LabelSelector::default(), &labels));
    }
}
