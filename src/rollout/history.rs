//! Revision history of a broker's Deployment, and what changed between revisions.

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::{Deployment, ReplicaSet};
use k8s_openapi::api::core::v1::PodTemplateSpec;
use serde::Serialize;

use super::undo::owned_revisions;
use super::{CHANGE_CAUSE, RESTARTED_AT};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Revision {
    pub revision: i64,
    pub replica_set: String,
    pub change_cause: Option<String>,
    pub images: Vec<String>,
    /// What changed against the previous revision.
    pub changes: Vec<String>,
    pub current: bool,
}

fn env_of(t: &PodTemplateSpec) -> BTreeMap<(String, String), String> {
    t.spec
        .iter()
        .flat_map(|s| s.containers.iter())
        .flat_map(|c| {
            c.env.iter().flatten().map(move |e| {
                let v = e
                    .value
                    .clone()
                    .unwrap_or_else(|| if e.value_from.is_some() { "<from>".into() } else { String::new() });
                ((c.name.clone(), e.name.clone()), v)
            })
        })
        .collect()
}

fn resources_of(t: &PodTemplateSpec) -> BTreeMap<String, String> {
    t.spec
        .iter()
        .flat_map(|s| s.containers.iter())
        .map(|c| {
            (
                c.name.clone(),
                c.resources.as_ref().map(|r| serde_json::to_string(r).unwrap_or_default()).unwrap_or_default(),
            )
        })
        .collect()
}

fn images_of(t: &PodTemplateSpec) -> Vec<String> {
    t.spec.iter().flat_map(|s| s.containers.iter()).filter_map(|c| c.image.clone()).collect()
}

/// Differences in image, env, resources and the restart annotation, as short lines.
pub fn diff(before: &PodTemplateSpec, after: &PodTemplateSpec) -> Vec<String> {
    let mut out = Vec::new();
    let (bi, ai) = (images_of(before), images_of(after));
    if bi != ai {
        out.push(format!("image {} -> {}", bi.join(","), ai.join(",")));
    }
    let (be, ae) = (env_of(before), env_of(after));
    for ((c, k), v) in &ae {
        match be.get(&(c.clone(), k.clone())) {
            None => out.push(format!("env {k}={v} added ({c})")),
            Some(old) if old != v => out.push(format!("env {k}: {old} -> {v} ({c})")),
            _ => {}
        }
    }
    for (c, k) in be.keys().filter(|key| !ae.contains_key(*key)) {
        out.push(format!("env {k} removed ({c})"));
    }
    if resources_of(before) != resources_of(after) {
        out.push("resources changed".into());
    }
    let restarted = |t: &PodTemplateSpec| {
        t.metadata.as_ref().and_then(|m| m.annotations.as_ref()).and_then(|a| a.get(RESTARTED_AT)).cloned()
    };
    if restarted(before) != restarted(after)
        && let Some(at) = restarted(after)
    {
        out.push(format!("restarted at {at}"));
    }
    out
}

pub fn revisions(d: &Deployment, sets: &[ReplicaSet]) -> Vec<Revision> {
    let owned = owned_revisions(d, sets);
    let current =
        d.metadata.annotations.as_ref().and_then(|a| a.get(super::REVISION)).and_then(|v| v.parse::<i64>().ok());
    let mut out = Vec::new();
    let mut previous: Option<PodTemplateSpec> = None;
    for (rev, rs) in owned {
        let template = rs.spec.as_ref().and_then(|s| s.template.clone()).unwrap_or_default();
        out.push(Revision {
            revision: rev,
            replica_set: rs.metadata.name.clone().unwrap_or_default(),
            change_cause: rs.metadata.annotations.as_ref().and_then(|a| a.get(CHANGE_CAUSE)).cloned(),
            images: images_of(&template),
            changes: previous.as_ref().map(|p| diff(p, &template)).unwrap_or_default(),
            current: Some(rev) == current,
        });
        previous = Some(template);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(image: &str, env: &[(&str, &str)], restarted: Option<&str>) -> PodTemplateSpec {
        let env: Vec<serde_json::Value> = env.iter().map(|(k, v)| serde_json::json!({"name": k, "value": v})).collect();
        let mut t = serde_json::json!({"metadata": {}, "spec": {"containers": [{"name": "kafka", "image": image, "env": env}]}});
        if let Some(at) = restarted {
            t["metadata"]["annotations"] = serde_json::json!({RESTARTED_AT: at});
        }
        serde_json::from_value(t).unwrap()
    }

    #[test]
    fn diffs_name_what_changed() {
        let a = template("apache/kafka:3.7.1", &[("A", "1"), ("B", "2")], None);
        let b = template("apache/kafka:3.7.2", &[("A", "1"), ("B", "3"), ("C", "4")], Some("2026-11-25T08:00:00Z"));
        let d = diff(&a, &b);
        assert!(d.contains(&"image apache/kafka:3.7.1 -> apache/kafka:3.7.2".to_string()), "{d:?}");
        assert!(d.contains(&"env B: 2 -> 3 (kafka)".to_string()), "{d:?}");
        assert!(d.contains(&"env C=4 added (kafka)".to_string()), "{d:?}");
        assert!(d.contains(&"restarted at 2026-11-25T08:00:00Z".to_string()), "{d:?}");
        assert!(diff(&b, &a).contains(&"env C removed (kafka)".to_string()));
        assert!(diff(&a, &a).is_empty());
    }
}
