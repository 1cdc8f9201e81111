//! `kubectl rollout undo`, the same algorithm (kubectl pkg/polymorphichelpers/rollback.go):
//! the Deployment's own ReplicaSets by revision, the previous revision by default,
//! pod-template-hash ignored, the Deployment's bookkeeping annotations kept and the
//! others copied from the ReplicaSet, sent as a JSON patch of template and annotations.

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::{Deployment, ReplicaSet};
use k8s_openapi::api::core::v1::PodTemplateSpec;
use serde_json::{Value, json};

use super::REVISION;

const POD_TEMPLATE_HASH: &str = "pod-template-hash";

/// Annotations that stay the Deployment's own (kubectl's annotationsToSkip).
const KEEP: [&str; 6] = [
    "kubectl.kubernetes.io/last-applied-configuration",
    "deployment.kubernetes.io/revision",
    "deployment.kubernetes.io/revision-history",
    "deployment.kubernetes.io/desired-replicas",
    "deployment.kubernetes.io/max-replicas",
    "deprecated.deployment.rollback.to",
];

#[derive(Debug, Clone, PartialEq)]
pub enum UndoPlan {
    /// Send this JSON patch to go back to `to_revision`.
    Patch { to_revision: i64, patch: Value },
    /// Already there: kubectl prints "skipped rollback (...)".
    Skipped { to_revision: i64, message: String },
}

/// The ReplicaSets this Deployment controls, with their revisions, newest last.
pub fn owned_revisions<'a>(d: &Deployment, sets: &'a [ReplicaSet]) -> Vec<(i64, &'a ReplicaSet)> {
    let uid = d.metadata.uid.as_deref();
    let mut out: Vec<(i64, &ReplicaSet)> = sets
        .iter()
        .filter(|rs| {
            rs.metadata
                .owner_references
                .iter()
                .flatten()
                .any(|o| o.controller == Some(true) && Some(o.uid.as_str()) == uid)
        })
        .filter_map(|rs| {
            let rev = match rs.metadata.annotations.as_ref().and_then(|a| a.get(REVISION)) {
                None => 0,
                Some(v) => v.parse().ok()?,
            };
            Some((rev, rs))
        })
        .collect();
    out.sort_by_key(|(rev, _)| *rev);
    out
}

fn without_hash(template: &PodTemplateSpec) -> PodTemplateSpec {
    let mut t = template.clone();
    if let Some(labels) = t.metadata.as_mut().and_then(|m| m.labels.as_mut()) {
        labels.remove(POD_TEMPLATE_HASH);
    }
    t
}

/// Plans the undo of `d` to `to_revision` (0: the previous revision).
pub fn plan_undo(d: &Deployment, sets: &[ReplicaSet], to_revision: i64) -> Result<UndoPlan, String> {
    let name = d.metadata.name.as_deref().unwrap_or_default();
    if to_revision < 0 {
        return Err(format!("unable to find specified revision {to_revision} in history"));
    }
    let history = owned_revisions(d, sets);
    let target = if to_revision == 0 {
        if history.len() < 2 {
            return Err(format!("no rollout history found for deployment {name:?}"));
        }
        history[history.len() - 2].1
    } else {
        history
            .iter()
            .find(|(rev, _)| *rev == to_revision)
            .map(|(_, rs)| *rs)
            .ok_or_else(|| format!("unable to find specified revision {to_revision} in history"))?
    };
    let revision =
        target.metadata.annotations.as_ref().and_then(|a| a.get(REVISION)).and_then(|v| v.parse().ok()).unwrap_or(0);
    if d.spec.as_ref().and_then(|s| s.paused) == Some(true) {
        return Err(format!(
            "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/{name}' and try again"
        ));
    }
    let rs_template =
        target.spec.as_ref().and_then(|s| s.template.clone()).ok_or("the ReplicaSet has no pod template")?;
    let current = d.spec.as_ref().map(|s| s.template.clone()).unwrap_or_default();
    let wanted = without_hash(&rs_template);
    if without_hash(&current) == wanted {
        return Ok(UndoPlan::Skipped {
            to_revision: revision,
            message: format!("skipped rollback (current template already matches revision {revision})"),
        });
    }
    let mut annotations: BTreeMap<String, String> = BTreeMap::new();
    let own = d.metadata.annotations.clone().unwrap_or_default();
    for k in KEEP {
        if let Some(v) = own.get(k) {
            annotations.insert(k.to_string(), v.clone());
        }
    }
    // The ReplicaSet copied the Deployment's annotations while it was stopped for a roll; that
    // marker belongs to that moment, never to the template brought back.
    for (k, v) in target.metadata.annotations.clone().unwrap_or_default() {
        if !KEEP.contains(&k.as_str()) && k != super::strategy::STOPPED_FOR_ROLL {
            annotations.insert(k, v);
        }
    }
    let patch = json!([
        {"op": "replace", "path": "/spec/template", "value": serde_json::to_value(&wanted).map_err(|e| e.to_string())?},
        {"op": "replace", "path": "/metadata/annotations", "value": annotations},
    ]);
    Ok(UndoPlan::Patch { to_revision: revision, patch })
}

/// The image an undo patch gives a container, when the patch replaces the template.
pub fn image_in_patch(patch: &Value, container: &str) -> Option<String> {
    let ops = patch.as_array()?;
    let template = ops.iter().find(|op| op["path"] == "/spec/template")?;
    template["value"]["spec"]["containers"].as_array()?.iter().find(|c| c["name"] == container)?["image"]
        .as_str()
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deployment(paused: bool, env: &str, annotations: Value) -> Deployment {
        serde_json::from_value(json!({
            "metadata": {"name": "kafka-2", "uid": "d-uid", "annotations": annotations},
            "spec": {"paused": paused, "selector": {"matchLabels": {"app": "kafka"}}, "template": {
                "metadata": {"labels": {"app": "kafka", "instance": "kafka-2"}},
                "spec": {"containers": [{"name": "kafka", "image": "apache/kafka:3.7.1", "env": [{"name": "X", "value": env}]}]}
            }}
        }))
        .unwrap()
    }

    fn rs(name: &str, revision: &str, env: &str, owner: &str, extra: Value) -> ReplicaSet {
        let mut annotations = json!({"deployment.kubernetes.io/revision": revision});
        for (k, v) in extra.as_object().unwrap() {
            annotations[k] = v.clone();
        }
        serde_json::from_value(json!({
            "metadata": {"name": name, "annotations": annotations,
                "ownerReferences": [{"apiVersion": "apps/v1", "kind": "Deployment", "name": "kafka-2", "uid": owner, "controller": true}]},
            "spec": {"selector": {}, "template": {
                "metadata": {"labels": {"app": "kafka", "instance": "kafka-2", "pod-template-hash": format!("h{revision}")}},
                "spec": {"containers": [{"name": "kafka", "image": "apache/kafka:3.7.1", "env": [{"name": "X", "value": env}]}]}
            }}
        }))
        .unwrap()
    }

    fn sets() -> Vec<ReplicaSet> {
        vec![
            // Revision 1's ReplicaSet copied the marker while its Deployment was stopped for a roll.
            rs(
                "kafka-2-a",
                "1",
                "one",
                "d-uid",
                json!({"kubernetes.io/change-cause": "first", "kubectl-kafka.io/stopped-for-roll": "1"}),
            ),
            rs("kafka-2-b", "2", "two", "d-uid", json!({})),
            rs("other", "9", "nine", "someone-else", json!({})),
        ]
    }

    #[test]
    fn previous_revision_by_default() {
        let d = deployment(false, "two", json!({"deployment.kubernetes.io/revision": "2", "team": "streaming"}));
        let UndoPlan::Patch { to_revision, patch } = plan_undo(&d, &sets(), 0).unwrap() else {
            panic!("patch expected")
        };
        assert_eq!(to_revision, 1);
        assert_eq!(patch[0]["op"], "replace");
        assert_eq!(patch[0]["path"], "/spec/template");
        assert_eq!(image_in_patch(&patch, "kafka").as_deref(), Some("apache/kafka:3.7.1"));
        assert_eq!(image_in_patch(&patch, "sidecar"), None);
        assert_eq!(patch[0]["value"]["spec"]["containers"][0]["env"][0]["value"], "one");
        assert!(patch[0]["value"]["metadata"]["labels"].get("pod-template-hash").is_none(), "hash label dropped");
        // Bookkeeping kept from the Deployment, the rest copied from the ReplicaSet, except the
        // stop marker (a rollback that brought it back left the broker looking stopped).
        assert_eq!(patch[1]["path"], "/metadata/annotations");
        assert_eq!(
            patch[1]["value"],
            json!({"deployment.kubernetes.io/revision": "2", "kubernetes.io/change-cause": "first"})
        );
    }

    #[test]
    fn explicit_and_missing_revisions() {
        let d = deployment(false, "one", json!({}));
        assert!(matches!(plan_undo(&d, &sets(), 2).unwrap(), UndoPlan::Patch { to_revision: 2, .. }));
        assert_eq!(
            plan_undo(&d, &sets(), 9).unwrap_err(),
            "unable to find specified revision 9 in history",
            "not ours"
        );
        assert_eq!(plan_undo(&d, &sets(), -1).unwrap_err(), "unable to find specified revision -1 in history");
        assert_eq!(plan_undo(&d, &sets()[..1], 0).unwrap_err(), "no rollout history found for deployment \"kafka-2\"");
    }

    #[test]
    fn already_there_is_skipped() {
        let d = deployment(false, "one", json!({}));
        assert_eq!(
            plan_undo(&d, &sets(), 1).unwrap(),
            UndoPlan::Skipped {
                to_revision: 1,
                message: "skipped rollback (current template already matches revision 1)".into()
            }
        );
    }

    #[test]
    fn paused_is_refused() {
        let d = deployment(true, "two", json!({}));
        assert!(plan_undo(&d, &sets(), 0).unwrap_err().starts_with("you cannot rollback a paused deployment"));
    }
}
