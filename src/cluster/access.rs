//! Whether the user may open a port-forward or an exec, asked before trying: both are opened
//! over WebSockets, which the API server authorizes as `get` on the subresource (and, since
//! v1.35, `create` too). A refusal there reaches a Kafka client only as a closed connection,
//! so without this check a missing permission would look like a transport failure.

use k8s_openapi::api::authorization::v1::{ResourceAttributes, SelfSubjectAccessReview, SelfSubjectAccessReviewSpec};
use kube::Api;
use kube::api::PostParams;

use super::Cluster;
use crate::exit::{ExitCode, Failure};

/// The verbs a WebSocket upgrade to `pods/<subresource>` needs.
pub const UPGRADE_VERBS: [&str; 2] = ["get", "create"];

fn review(namespace: &str, verb: &str, subresource: &str) -> SelfSubjectAccessReview {
    SelfSubjectAccessReview {
        spec: SelfSubjectAccessReviewSpec {
            resource_attributes: Some(ResourceAttributes {
                namespace: Some(namespace.to_string()),
                verb: Some(verb.to_string()),
                resource: Some("pods".to_string()),
                subresource: Some(subresource.to_string()),
                ..Default::default()
            }),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// A review of `verb` on `resource` (in API group `group`) in the namespace.
fn review_of(namespace: &str, verb: &str, group: &str, resource: &str) -> SelfSubjectAccessReview {
    SelfSubjectAccessReview {
        spec: SelfSubjectAccessReviewSpec {
            resource_attributes: Some(ResourceAttributes {
                namespace: Some(namespace.to_string()),
                verb: Some(verb.to_string()),
                group: Some(group.to_string()),
                resource: Some(resource.to_string()),
                ..Default::default()
            }),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// Refuses (exit 5) before anything changes when the user may not do each `(verb, group,
/// resource)` a command is about to do in the namespace, naming the first that is missing;
/// `what` is the command. A review that cannot be made leaves the command to try.
pub async fn require_verbs(cluster: &Cluster, what: &str, needs: &[(&str, &str, &str)]) -> anyhow::Result<()> {
    let api: Api<SelfSubjectAccessReview> = Api::all(cluster.client.clone());
    let asks = needs.iter().map(|(verb, group, resource)| {
        let api = api.clone();
        let r = review_of(&cluster.namespace, verb, group, resource);
        async move { (*verb, *group, *resource, api.create(&PostParams::default(), &r).await) }
    });
    for (verb, group, resource, answer) in futures::future::join_all(asks).await {
        match answer {
            Ok(r) if r.status.as_ref().is_some_and(|s| !s.allowed) => {
                let named = if group.is_empty() { resource.to_string() } else { format!("{resource}.{group}") };
                return Err(Failure::new(
                    ExitCode::Forbidden,
                    format!("forbidden: {what} needs to {verb} {named} in namespace {}; nothing was changed", cluster.namespace),
                )
                .hint(format!(
                    "your user needs RBAC permission to {verb} {named} in namespace {}; the least-privilege Role is in the project's deploy/rbac.yaml",
                    cluster.namespace
                ))
                .into());
            }
            Ok(_) => {}
            Err(err) => tracing::debug!("access review of {verb} {resource}: {err}"),
        }
    }
    Ok(())
}

/// The failure for a denied verb on `pods/<subresource>`.
pub fn denied(namespace: &str, verb: &str, subresource: &str) -> Failure {
    Failure::new(ExitCode::Forbidden, format!("forbidden: cannot {verb} pods/{subresource} in namespace {namespace}"))
        .hint(format!(
            "your user needs RBAC permission to get and create pods/{subresource} in namespace {namespace} (deploy/rbac.yaml grants both){}",
            if subresource == "portforward" { "; or try --via exec" } else { "" }
        ))
}

/// Refuses (exit 5, naming the verb and the subresource) when the user may not `get` and
/// `create` `pods/<subresource>` in the namespace. When the review itself cannot be made, the
/// upgrade is left to try (and fail on its own).
pub async fn require_upgrade(cluster: &Cluster, subresource: &str) -> anyhow::Result<()> {
    let api: Api<SelfSubjectAccessReview> = Api::all(cluster.client.clone());
    let asks = UPGRADE_VERBS.map(|verb| {
        let api = api.clone();
        let r = review(&cluster.namespace, verb, subresource);
        async move { (verb, api.create(&PostParams::default(), &r).await) }
    });
    for (verb, answer) in futures::future::join_all(asks).await {
        match answer {
            Ok(r) if r.status.as_ref().is_some_and(|s| !s.allowed) => {
                return Err(denied(&cluster.namespace, verb, subresource).into());
            }
            Ok(_) => {}
            Err(err) => tracing::debug!("access review of {verb} pods/{subresource}: {err}"),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_names_the_subresource_and_the_namespace() {
        let r = review("kafka", "get", "portforward");
        let a = r.spec.resource_attributes.unwrap();
        assert_eq!(
            (a.namespace.as_deref(), a.verb.as_deref(), a.resource.as_deref(), a.subresource.as_deref()),
            (Some("kafka"), Some("get"), Some("pods"), Some("portforward"))
        );
        let f = denied("kafka", "get", "portforward");
        assert_eq!(f.code, ExitCode::Forbidden);
        assert!(f.message.contains("cannot get pods/portforward in namespace kafka"), "{}", f.message);
    }
}
