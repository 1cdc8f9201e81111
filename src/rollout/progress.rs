//! Rollout progress as `kubectl rollout status` judges it (kubectl's DeploymentStatusViewer).

use k8s_openapi::api::apps::v1::Deployment;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    Done(String),
    Waiting(String),
    Failed(String),
}

pub fn deployment_progress(d: &Deployment) -> Progress {
    let name = d.metadata.name.as_deref().unwrap_or_default();
    let generation = d.metadata.generation.unwrap_or(0);
    let Some(status) = d.status.as_ref() else {
        return Progress::Waiting("waiting for the deployment's status".into());
    };
    if generation > status.observed_generation.unwrap_or(0) {
        return Progress::Waiting(format!("waiting for deployment {name:?} spec update to be observed"));
    }
    let deadline = status
        .conditions
        .iter()
        .flatten()
        .any(|c| c.type_ == "Progressing" && c.reason.as_deref() == Some("ProgressDeadlineExceeded"));
    if deadline {
        return Progress::Failed(format!("deployment {name:?} exceeded its progress deadline"));
    }
    let want = d.spec.as_ref().and_then(|s| s.replicas).unwrap_or(1);
    let updated = status.updated_replicas.unwrap_or(0);
    let replicas = status.replicas.unwrap_or(0);
    let available = status.available_replicas.unwrap_or(0);
    if updated < want {
        return Progress::Waiting(format!("{updated} out of {want} new replicas have been updated"));
    }
    if replicas > updated {
        return Progress::Waiting(format!("{} old replicas are pending termination", replicas - updated));
    }
    if available < updated {
        return Progress::Waiting(format!("{available} of {updated} updated replicas are available"));
    }
    Progress::Done(format!("deployment {name:?} successfully rolled out"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deployment(json: serde_json::Value) -> Deployment {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn follows_kubectl_rollout_status() {
        let base = |status: serde_json::Value, generation: i64| {
            deployment(serde_json::json!({
                "metadata": {"name": "kafka-2", "generation": generation},
                "spec": {"replicas": 1, "selector": {}, "template": {}},
                "status": status
            }))
        };
        let p = deployment_progress(&base(serde_json::json!({"observedGeneration": 1}), 2));
        assert!(matches!(p, Progress::Waiting(m) if m.contains("spec update to be observed")));
        let p = deployment_progress(&base(
            serde_json::json!({"observedGeneration": 2, "updatedReplicas": 0, "replicas": 1}),
            2,
        ));
        assert_eq!(p, Progress::Waiting("0 out of 1 new replicas have been updated".into()));
        let p = deployment_progress(&base(
            serde_json::json!({"observedGeneration": 2, "updatedReplicas": 1, "replicas": 2}),
            2,
        ));
        assert_eq!(p, Progress::Waiting("1 old replicas are pending termination".into()));
        let p = deployment_progress(&base(
            serde_json::json!({"observedGeneration": 2, "updatedReplicas": 1, "replicas": 1, "availableReplicas": 0}),
            2,
        ));
        assert_eq!(p, Progress::Waiting("0 of 1 updated replicas are available".into()));
        let p = deployment_progress(&base(
            serde_json::json!({"observedGeneration": 2, "updatedReplicas": 1, "replicas": 1, "availableReplicas": 1}),
            2,
        ));
        assert!(matches!(p, Progress::Done(_)));
        let p = deployment_progress(&base(
            serde_json::json!({"observedGeneration": 2, "conditions": [{"type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded"}]}),
            2,
        ));
        assert!(matches!(p, Progress::Failed(_)));
    }
}
