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
