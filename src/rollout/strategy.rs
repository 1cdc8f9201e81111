//! Whether a template change would make two pods of one broker meet one volume, and how the
//! plugin rolls a broker instead.
//!
//! A Deployment with the RollingUpdate strategy and a surge (the default: maxSurge 25%, which
//! rounds up to one pod for one replica) starts the new pod before the old one stops. For a
//! broker whose log dir is a ReadWriteOnce volume that means two Kafka processes with one node
//! id on one log dir (one node) or a new pod hanging on Multi-Attach (two nodes). Such a
//! broker is rolled **stop-first**: scale the Deployment to 0 (recording the replicas in an
//! annotation), wait until its pods are gone, then apply the change and the replicas back in
//! one patch. The strategy itself is left as the user wrote it.

use k8s_openapi::api::apps::v1::Deployment;
use serde_json::{Value, json};

/// Written on a Deployment the plugin has stopped in order to roll it, with the replicas to
/// restore: a run that was killed half-way finds it there and finishes the roll.
pub const STOPPED_FOR_ROLL: &str = "kubectl-kafka.io/stopped-for-roll";

/// How a template change is rolled out for one broker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RollMode {
    /// The Deployment's own strategy never runs two pods at once (Recreate, or no surge).
    InPlace,
    /// RollingUpdate with a surge over a ReadWriteOnce volume: stop first.
    StopFirst,
}

/// The surge the Deployment controller would allow for `replicas` (a percentage rounds up).
pub fn max_surge(d: &Deployment, replicas: i32) -> i32 {
    crate::cluster::model::surge_pods(d.spec.as_ref().and_then(|s| s.strategy.as_ref()), replicas)
}

/// Stop-first when a surge pod would share a ReadWriteOnce volume with the running one.
pub fn roll_mode(d: &Deployment, has_rwo_volume: bool) -> RollMode {
    let replicas = d.spec.as_ref().and_then(|s| s.replicas).unwrap_or(1).max(1);
    if has_rwo_volume && max_surge(d, replicas) > 0 { RollMode::StopFirst } else { RollMode::InPlace }
}

/// The replicas a stopped-for-roll Deployment had, if the plugin stopped it. A marker on a
/// Deployment that asks for replicas again is stale (another tool scaled it up), not a stop.
pub fn stopped_for_roll(d: &Deployment) -> Option<i32> {
    if d.spec.as_ref().and_then(|s| s.replicas).unwrap_or(1) > 0 {
        return None;
    }
    d.metadata.annotations.as_ref()?.get(STOPPED_FOR_ROLL)?.parse().ok()
}

/// The merge patch that stops a Deployment for a roll, remembering its replicas.
pub fn stop_patch(replicas: i32) -> Value {
    json!({"metadata": {"annotations": {STOPPED_FOR_ROLL: replicas.to_string()}}, "spec": {"replicas": 0}})
}

/// The strategic-merge patch that applies a template change to a stopped Deployment and
/// brings it back, in one step (so no interruption leaves one without the other).
pub fn resume_with(template_patch: &Value, replicas: i32) -> Value {
    let mut out = template_patch.clone();
    out["metadata"]["annotations"][STOPPED_FOR_ROLL] = Value::Null;
    out["spec"]["replicas"] = json!(replicas);
    out
}

/// The JSON-patch form of the same for rollback (whose change is a JSON patch). When the
/// change already replaces every annotation (kubectl's undo does), the marker goes with them;
/// removing it again would fail the whole patch.
pub fn resume_ops(mut ops: Vec<Value>, replicas: i32) -> Vec<Value> {
    let replaces_annotations = ops.iter().any(|op| op["path"] == "/metadata/annotations" && op["op"] == "replace");
    ops.push(json!({"op": "replace", "path": "/spec/replicas", "value": replicas}));
    if !replaces_annotations {
        ops.push(
            json!({"op": "remove", "path": format!("/metadata/annotations/{}", STOPPED_FOR_ROLL.replace('/', "~1"))}),
        );
    }
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deployment(yaml: &str) -> Deployment {
        serde_yaml_ng::from_str(yaml).unwrap()
    }

    #[test]
    fn the_guides_default_strategy_surges_one_pod() {
        let d = deployment("metadata: {name: kafka-1}\nspec: {replicas: 1, selector: {}, template: {}}");
        assert_eq!(max_surge(&d, 1), 1, "default maxSurge 25% rounds up to one pod");
        assert_eq!(roll_mode(&d, true), RollMode::StopFirst);
        assert_eq!(roll_mode(&d, false), RollMode::InPlace, "no ReadWriteOnce volume to share");
    }

    #[test]
    fn recreate_and_no_surge_roll_in_place() {
        let recreate =
            deployment("metadata: {name: k}\nspec: {selector: {}, template: {}, strategy: {type: Recreate}}");
        assert_eq!(roll_mode(&recreate, true), RollMode::InPlace);
        let no_surge = deployment(
            "metadata: {name: k}\nspec: {selector: {}, template: {}, strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 0, maxUnavailable: 1}}}",
        );
        assert_eq!(roll_mode(&no_surge, true), RollMode::InPlace);
        let zero_pct = deployment(
            "metadata: {name: k}\nspec: {selector: {}, template: {}, strategy: {rollingUpdate: {maxSurge: '0%', maxUnavailable: 1}}}",
        );
        assert_eq!(max_surge(&zero_pct, 1), 0);
        let surge_int = deployment(
            "metadata: {name: k}\nspec: {selector: {}, template: {}, strategy: {rollingUpdate: {maxSurge: 2}}}",
        );
        assert_eq!(roll_mode(&surge_int, true), RollMode::StopFirst);
    }

    #[test]
    fn stop_and_resume_patches_carry_the_replicas() {
        assert_eq!(
            stop_patch(1),
            json!({"metadata": {"annotations": {STOPPED_FOR_ROLL: "1"}}, "spec": {"replicas": 0}})
        );
        let restart =
            json!({"spec": {"template": {"metadata": {"annotations": {"kubectl.kubernetes.io/restartedAt": "t"}}}}});
        let resumed = resume_with(&restart, 1);
        assert_eq!(resumed["spec"]["replicas"], 1);
        assert_eq!(resumed["spec"]["template"]["metadata"]["annotations"]["kubectl.kubernetes.io/restartedAt"], "t");
        assert!(resumed["metadata"]["annotations"][STOPPED_FOR_ROLL].is_null());
        let ops = resume_ops(vec![json!({"op": "replace", "path": "/spec/template", "value": {}})], 1);
        assert_eq!(ops[2]["path"], "/metadata/annotations/kubectl-kafka.io~1stopped-for-roll");
        // kubectl's undo replaces every annotation: the marker goes with them, no second removal.
        let undo = vec![
            json!({"op": "replace", "path": "/spec/template", "value": {}}),
            json!({"op": "replace", "path": "/metadata/annotations", "value": {"deployment.kubernetes.io/revision": "3"}}),
        ];
        let ops = resume_ops(undo, 1);
        assert_eq!(ops.len(), 3, "{ops:?}");
        assert_eq!(ops[2]["path"], "/spec/replicas");
        let stopped = deployment(
            "metadata: {name: k, annotations: {kubectl-kafka.io/stopped-for-roll: '1'}}\nspec: {replicas: 0, selector: {}, template: {}}",
        );
        assert_eq!(stopped_for_roll(&stopped), Some(1));
        // Scaled up again with the marker left behind: running, not stopped for a roll.
        let stale = deployment(
            "metadata: {name: k, annotations: {kubectl-kafka.io/stopped-for-roll: '1'}}\nspec: {replicas: 1, selector: {}, template: {}}",
        );
        assert_eq!(stopped_for_roll(&stale), None);
    }
}
