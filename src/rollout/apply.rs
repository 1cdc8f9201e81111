//! The kube calls of the rollout commands: patches, ReplicaSets, scale, and waiting for a
//! rollout to complete. Thin on purpose: the decisions are made by the pure planners.

use std::time::Duration;

use k8s_openapi::api::apps::v1::{Deployment, ReplicaSet};
use kube::Api;
use kube::api::{ListParams, Patch, PatchParams};
use serde_json::{Value, json};

use super::RESTARTED_AT;
use super::progress::{Progress, deployment_progress};

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

/// The ReplicaSets matching the Deployment's selector (ownership is checked by the planner).
pub async fn replica_sets(client: kube::Client, namespace: &str, d: &Deployment) -> kube::Result<Vec<ReplicaSet>> {
    let labels = d
        .spec
        .as_ref()
        .and_then(|s| s.selector.match_labels.as_ref())
        .map(|m| m.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(","))
        .unwrap_or_default();
    Ok(Api::<ReplicaSet>::namespaced(client, namespace).list(&ListParams::default().labels(&labels)).await?.items)
}

/// Waits until the rollout is done (kubectl's rules), reporting each new message.
pub async fn wait_rollout(
    api: &Api<Deployment>,
    name: &str,
    limit: Duration,
    mut report: impl FnMut(&str),
) -> anyhow::Result<String> {
    let deadline = tokio::time::Instant::now() + limit;
    let mut last = String::new();
    loop {
        let d = api.get(name).await?;
        match deployment_progress(&d) {
            Progress::Done(m) => return Ok(m),
            Progress::Failed(m) => anyhow::bail!("{m}"),
            Progress::Waiting(m) => {
                if m != last {
                    report(&m);
                    last = m;
                }
            }
        }
        if tokio::time::Instant::now() >= deadline {
            anyhow::bail!("deployment {name}: {last} after {limit:?}");
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
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
    mut report: impl FnMut(&str),
) -> anyhow::Result<()> {
    use k8s_openapi::api::core::v1::Pod;
    let labels = d
        .spec
        .as_ref()
        .and_then(|s| s.selector.match_labels.as_ref())
        .map(|m| m.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(","))
        .unwrap_or_default();
    let pods: Api<Pod> = Api::namespaced(client, namespace);
    let deadline = tokio::time::Instant::now() + limit;
    let mut last = String::new();
    loop {
        let left = pods.list(&ListParams::default().labels(&labels)).await?.items;
        if left.is_empty() {
            return Ok(());
        }
        let names: Vec<String> = left.iter().filter_map(|p| p.metadata.name.clone()).collect();
        let msg = format!("waiting for pod {} to stop", names.join(", "));
        if msg != last {
            report(&msg);
            last = msg;
        }
        if tokio::time::Instant::now() >= deadline {
            anyhow::bail!("{last}: still there after {limit:?}");
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}
