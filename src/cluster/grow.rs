//! A new broker's Deployment, Service and PVC, made from an existing broker's as a template
//! (the guide's layout: one of each per broker). Pure: objects in, objects out.

use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::core::v1::{Container, EnvVar, PersistentVolumeClaim, Service};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use super::model::{Listener, parse_listeners};

/// The three objects of one new broker.
#[derive(Debug, Clone, PartialEq)]
pub struct NewBroker {
    pub deployment: Deployment,
    pub service: Service,
    pub claim: PersistentVolumeClaim,
}

/// `name` with its trailing `old` id replaced by `new` (`kafka-pvc-3` -> `kafka-pvc-4`).
pub fn renumber(name: &str, old: i32, new: i32) -> Result<String, String> {
    let old = old.to_string();
    match name.strip_suffix(&old) {
        Some(stem) if !stem.ends_with(|c: char| c.is_ascii_digit()) => Ok(format!("{stem}{new}")),
        _ => Err(format!("{name} does not end with the template's node id {old}: cannot name the new broker's copy")),
    }
}

/// Metadata for a new object: the name and namespace, the labels and annotations a user set
/// (not the server's bookkeeping).
fn fresh_meta(meta: &ObjectMeta, name: String, relabel: &dyn Fn(&str, &str) -> String) -> ObjectMeta {
    let labels = meta.labels.as_ref().map(|l| l.iter().map(|(k, v)| (k.clone(), relabel(k, v))).collect());
    let annotations = meta.annotations.as_ref().map(|a| {
        a.iter()
            .filter(|(k, _)| {
                !k.starts_with("deployment.kubernetes.io/")
                    && !k.starts_with("pv.kubernetes.io/")
                    && !k.starts_with("volume.")
                    && k.as_str() != "kubectl.kubernetes.io/last-applied-configuration"
                    && !k.starts_with("kubectl-kafka.io/")
            })
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<std::collections::BTreeMap<_, _>>()
    });
    let annotations = annotations.filter(|a| !a.is_empty());
    ObjectMeta { name: Some(name), namespace: meta.namespace.clone(), labels, annotations, ..Default::default() }
}

fn set_env(c: &mut Container, name: &str, value: String) {
    let env = c.env.get_or_insert_with(Vec::new);
    match env.iter_mut().find(|e| e.name == name) {
        Some(e) => {
            e.value = Some(value);
            e.value_from = None;
        }
        None => env.push(EnvVar { name: name.into(), value: Some(value), value_from: None }),
    }
}

fn env_of(c: &Container, name: &str) -> Option<String> {
    c.env.as_ref()?.iter().find(|e| e.name == name)?.value.clone()
}

fn listeners_text(listeners: &[Listener]) -> String {
    listeners.iter().map(Listener::to_string).collect::<Vec<_>>().join(",")
}

/// The new broker `id` from the template broker `old` (its Deployment, Service and PVC):
/// names and the `instance` label renumbered, KAFKA_NODE_ID set, broker role only with no
/// controller listener (a static quorum keeps its voters), advertised at its own Service,
/// CLUSTER_ID set explicitly, its own claim; the image, resources, env and placement as the
/// template's.
pub fn new_broker(
    deployment: &Deployment,
    service: &Service,
    claim: &PersistentVolumeClaim,
    container: &str,
    old: i32,
    id: i32,
    cluster_id: &str,
) -> Result<NewBroker, String> {
    let name = renumber(deployment.metadata.name.as_deref().unwrap_or_default(), old, id)?;
    let svc_name = renumber(service.metadata.name.as_deref().unwrap_or_default(), old, id)?;
    let claim_name = renumber(claim.metadata.name.as_deref().unwrap_or_default(), old, id)?;
    let old_name = deployment.metadata.name.clone().unwrap_or_default();
    let relabel = |_: &str, v: &str| if v == old_name { name.clone() } else { v.to_string() };

    let mut spec = deployment.spec.clone().ok_or("the template Deployment has no spec")?;
    spec.replicas = Some(1);
    if let Some(labels) = spec.selector.match_labels.as_mut() {
        for v in labels.values_mut() {
            *v = relabel("", v);
        }
    }
    let template_meta = spec.template.metadata.clone().unwrap_or_default();
    let mut tmeta = fresh_meta(&template_meta, String::new(), &relabel);
    tmeta.name = None;
    tmeta.namespace = None;
    if let Some(a) = tmeta.annotations.as_mut() {
        a.remove("kubectl.kubernetes.io/restartedAt");
    }
    spec.template.metadata = Some(tmeta);
    let pod = spec.template.spec.as_mut().ok_or("the template Deployment has no pod spec")?;
    let c = pod
        .containers
        .iter_mut()
        .find(|c| c.name == container)
        .ok_or_else(|| format!("the template has no container {container}"))?;
    let controller_names: Vec<String> = env_of(c, "KAFKA_CONTROLLER_LISTENER_NAMES")
        .unwrap_or_default()
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let listeners = parse_listeners(&env_of(c, "KAFKA_LISTENERS").unwrap_or_default())?;
    let kept: Vec<Listener> = listeners.iter().filter(|l| !controller_names.contains(&l.name)).cloned().collect();
    let controller_ports: Vec<u16> =
        listeners.iter().filter(|l| controller_names.contains(&l.name)).map(|l| l.port).collect();
    let old_svc = service.metadata.name.clone().unwrap_or_default();
    let advertised: Vec<Listener> = parse_listeners(&env_of(c, "KAFKA_ADVERTISED_LISTENERS").unwrap_or_default())?
        .into_iter()
        .map(|l| Listener {
            host: if l.host == old_svc || l.host == old_name { svc_name.clone() } else { l.host },
            ..l
        })
        .collect();
    set_env(c, "KAFKA_NODE_ID", id.to_string());
    set_env(c, "KAFKA_PROCESS_ROLES", "broker".into());
    set_env(c, "KAFKA_LISTENERS", listeners_text(&kept));
    set_env(c, "KAFKA_ADVERTISED_LISTENERS", listeners_text(&advertised));
    set_env(c, "CLUSTER_ID", cluster_id.to_string());
    if let Some(ports) = c.ports.as_mut() {
        ports.retain(|p| !controller_ports.contains(&(p.container_port as u16)));
    }
    let claim_ref = claim.metadata.name.clone().unwrap_or_default();
    for v in pod.volumes.iter_mut().flatten() {
        if let Some(pvc) = v.persistent_volume_claim.as_mut()
            && pvc.claim_name == claim_ref
        {
            pvc.claim_name = claim_name.clone();
        }
    }
    let new_deployment = Deployment {
        metadata: fresh_meta(&deployment.metadata, name.clone(), &relabel),
        spec: Some(spec),
        status: None,
    };

    let mut svc_spec = service.spec.clone().ok_or("the template Service has no spec")?;
    if let Some(sel) = svc_spec.selector.as_mut() {
        for v in sel.values_mut() {
            *v = relabel("", v);
        }
    }
    svc_spec.cluster_ip = None;
    svc_spec.cluster_ips = None;
    if let Some(ports) = svc_spec.ports.as_mut() {
        ports.retain(|p| !controller_ports.contains(&(p.port as u16)));
    }
    let new_service =
        Service { metadata: fresh_meta(&service.metadata, svc_name, &relabel), spec: Some(svc_spec), status: None };

    let mut claim_spec = claim.spec.clone().ok_or("the template PVC has no spec")?;
    claim_spec.volume_name = None;
    let new_claim = PersistentVolumeClaim {
        metadata: fresh_meta(&claim.metadata, claim_name, &relabel),
        spec: Some(claim_spec),
        status: None,
    };
    Ok(NewBroker { deployment: new_deployment, service: new_service, claim: new_claim })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guide<T: serde::de::DeserializeOwned>(kind: &str, name: &str) -> T {
        for doc in serde_yaml_ng::Deserializer::from_str(include_str!("testdata/guide-layout.yaml")) {
            let value = <serde_json::Value as serde::Deserialize>::deserialize(doc).unwrap();
            if value["kind"] == kind && value["metadata"]["name"] == name {
                return serde_json::from_value(value).unwrap();
            }
        }
        panic!("{kind}/{name} not in the fixture")
    }

    fn claim() -> PersistentVolumeClaim {
        serde_json::from_value(serde_json::json!({
            "metadata": {"name": "kafka-pvc-3", "namespace": "kafka", "uid": "u", "annotations": {"pv.kubernetes.io/bind-completed": "yes"}},
            "spec": {"accessModes": ["ReadWriteOnce"], "storageClassName": "", "volumeName": "kafka-pv-3", "resources": {"requests": {"storage": "10Gi"}}}
        }))
        .unwrap()
    }

    #[test]
    fn names_follow_the_template() {
        assert_eq!(renumber("kafka-3", 3, 4).unwrap(), "kafka-4");
        assert_eq!(renumber("kafka-pvc-3", 3, 10).unwrap(), "kafka-pvc-10");
        assert!(renumber("kafka-13", 3, 4).is_err(), "13 is not 3");
        assert!(renumber("broker-c", 3, 4).is_err());
    }

    #[test]
    fn a_fourth_broker_from_the_third() {
        let d: Deployment = guide("Deployment", "kafka-3");
        let s: Service = guide("Service", "kafka-3");
        let n = new_broker(&d, &s, &claim(), "kafka", 3, 4, "MkU3OEVBNTcwNTJENDM2Qk").unwrap();
        assert_eq!(n.deployment.metadata.name.as_deref(), Some("kafka-4"));
        let spec = n.deployment.spec.as_ref().unwrap();
        assert_eq!(spec.replicas, Some(1));
        assert_eq!(spec.selector.match_labels.as_ref().unwrap()["instance"], "kafka-4");
        assert_eq!(spec.template.metadata.as_ref().unwrap().labels.as_ref().unwrap()["instance"], "kafka-4");
        let pod = spec.template.spec.as_ref().unwrap();
        let c = &pod.containers[0];
        let env = |k: &str| env_of(c, k).unwrap();
        assert_eq!(env("KAFKA_NODE_ID"), "4");
        assert_eq!(env("KAFKA_PROCESS_ROLES"), "broker");
        assert!(!env("KAFKA_LISTENERS").contains("CONTROLLER"), "{}", env("KAFKA_LISTENERS"));
        assert_eq!(env("KAFKA_ADVERTISED_LISTENERS"), "PLAINTEXT://kafka-4:9092");
        assert_eq!(
            env("KAFKA_CONTROLLER_QUORUM_VOTERS"),
            env_of(
                &d.spec.as_ref().unwrap().template.spec.as_ref().unwrap().containers[0],
                "KAFKA_CONTROLLER_QUORUM_VOTERS"
            )
            .unwrap(),
            "the voters stay"
        );
        assert_eq!(env("CLUSTER_ID"), "MkU3OEVBNTcwNTJENDM2Qk");
        assert!(c.ports.iter().flatten().all(|p| p.container_port != 9093));
        let claim_name = pod.volumes.iter().flatten().find_map(|v| v.persistent_volume_claim.as_ref()).unwrap();
        assert_eq!(claim_name.claim_name, "kafka-pvc-4");
        assert_eq!(c.image, d.spec.as_ref().unwrap().template.spec.as_ref().unwrap().containers[0].image);
        let svc = n.service.spec.as_ref().unwrap();
        assert_eq!(n.service.metadata.name.as_deref(), Some("kafka-4"));
        assert_eq!(svc.selector.as_ref().unwrap()["instance"], "kafka-4");
        assert!(svc.ports.iter().flatten().all(|p| p.port != 9093));
        assert_eq!(svc.cluster_ip, None);
        assert_eq!(n.claim.metadata.name.as_deref(), Some("kafka-pvc-4"));
        assert_eq!(n.claim.spec.as_ref().unwrap().volume_name, None, "a new volume, not the template's");
        assert_eq!(n.claim.metadata.uid, None);
        assert_eq!(n.claim.metadata.annotations, None, "the template's binding annotations are not copied");
    }
}
