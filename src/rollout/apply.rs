//! The kube calls of the rollout commands: patches, ReplicaSets, scale, and waiting for a
//! rollout to complete. Thin on purpose: the decisions are made by the pure planners.

use std::time::Duration;

use k8s_openapi::api::apps::v1::{Deployment, ReplicaSet};
use kube::Api;
use kube::api::{ListParams, Patch, PatchParams};
use serde_json::{Value, json};

use super::RESTARTED_AT;
use super::progress::{Progress, deployment_progress};
use super::wait::{Look, wait_until};

/// The strategic-merge patch `kubectl rollout restart` sends.
pub fn restart_patch(now_rfc3339: &str) -> Value {
    json!({"spec": {"template": {"metadata": {"annotations": {RESTARTED_AT: now_rfc3339}}}}})
}

/// The merge patch `kubectl scale` sends to the scale subresource.
pub fn scale_patch(replicas: i32) -> Value {
    json!({"spec": {"replicas": replicas}})
}

const MANAGER: &str = "kubectl-kafka";

pub async fn send_restart(api: &Api<Deployment>, name: &str, patch: &Value) -> kube::Result<Deployment> {
    api.patch(
        name,
        &PatchParams { field_manager: Some(MANAGER.into()), ..Default::default() },
        &Patch::Strategic(patch),
    )
    .await
}

pub async fn send_undo(api: &Api<Deployment>, name: &str, patch: &Value) -> anyhow::Result<Deployment> {
    let ops: json_patch::Patch = serde_json::from_value(patch.clone())?;
    Ok(api
        .patch(
            name,
            &PatchParams { field_manager: Some(MANAGER.into()), ..Default::default() },
            &Patch::Json::<()>(ops),
        )
        .await?)
}

pub async fn send_scale(api: &Api<Deployment>, name: &str, replicas: i32) -> kube::Result<()> {
    api.patch_scale(
        name,
        &PatchParams { field_manager: Some(MANAGER.into()), ..Default::default() },
        &Patch::Merge(scale_patch(replicas)),
    )
    .await
    .map(|_| ())
}

/// The Deployment's selector as a label query (its matchLabels).
fn selector_of(d: &Deployment) -> String {
    d.spec
        .as_ref()
        .and_then(|s| s.selector.match_labels.as_ref())
        .map(|m| m.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(","))
        .unwrap_or_default()
}

/// The ReplicaSets matching the Deployment's selector (ownership is checked by the planner).
pub async fn replica_sets(client: kube::Client, namespace: &str, d: &Deployment) -> kube::Result<Vec<ReplicaSet>> {
    let labels = selector_of(d);
    Ok(Api::<ReplicaSet>::namespaced(client, namespace).list(&ListParams::default().labels(&labels)).await?.items)
}

/// Waits until the rollout is done (kubectl's rules), reporting each new message.
pub async fn wait_rollout(
    api: &Api<Deployment>,
    name: &str,
    limit: Duration,
    report: impl FnMut(&str),
) -> anyhow::Result<String> {
    wait_until(&format!("deployment {name}"), limit, report, || async {
        Ok(match deployment_progress(&api.get(name).await?) {
            Progress::Done(m) => Look::Done(m),
            Progress::Failed(m) => Look::Failed(m),
            Progress::Waiting(m) => Look::Waiting(m),
        })
    })
    .await
}

pub async fn send_merge(api: &Api<Deployment>, name: &str, patch: &Value) -> kube::Result<Deployment> {
    api.patch(name, &PatchParams { field_manager: Some(MANAGER.into()), ..Default::default() }, &Patch::Merge(patch))
        .await
}

/// Waits until no pod of the Deployment exists any more (not even a terminating one): only
/// then has its broker process ended and released the volume.
pub async fn wait_pods_gone(
    client: kube::Client,
    namespace: &str,
    d: &Deployment,
    limit: Duration,
    report: impl FnMut(&str),
) -> anyhow::Result<()> {
    use k8s_openapi::api::core::v1::Pod;
    let labels = selector_of(d);
    let pods: Api<Pod> = Api::namespaced(client, namespace);
    let pods = &pods;
    let labels = &labels;
    wait_until("stopping", limit, report, || async move {
        let left: Vec<String> = pods
            .list(&ListParams::default().labels(labels))
            .await?
            .items
            .into_iter()
            .filter_map(|p| p.metadata.name)
            .collect();
        Ok(if left.is_empty() {
            Look::Done(())
        } else {
            Look::Waiting(format!("waiting for pod {} to stop", left.join(", ")))
        })
    })
    .await
}
