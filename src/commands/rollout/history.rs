//! `kubectl kafka history`: revisions per broker, the change cause, and what changed.

use k8s_openapi::api::apps::v1::Deployment;
use kube::Api;

use crate::cli::HistoryArgs;
use crate::cluster::discovery::discover_brokers;
use crate::cluster::model::select_brokers;
use crate::commands::Context;
use crate::commands::rollout::require_deployment;
use crate::commands::status::unknown_broker;
use crate::rollout::apply::replica_sets;
use crate::rollout::history::revisions;

pub async fn run(ctx: &Context, args: &HistoryArgs) -> anyhow::Result<()> {
    let cluster = ctx.connect().await?;
    let brokers = discover_brokers(&cluster, &ctx.selector).await?;
    let names: Vec<String> = args.broker.iter().cloned().collect();
    let chosen = select_brokers(&brokers, &names).map_err(|n| unknown_broker(&n, &brokers, &cluster.namespace))?;
    let api: Api<Deployment> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let mut doc = Vec::new();
    let mut rows = Vec::new();
    for b in chosen {
        require_deployment(b)?;
        let d = api.get(&b.workload).await.map_err(|e| cluster.api_error(e, "get", "deployments.apps"))?;
        let sets = replica_sets(cluster.client.clone(), &cluster.namespace, &d)
            .await
            .map_err(|e| cluster.api_error(e, "list", "replicasets.apps"))?;
        let revs = revisions(&d, &sets);
        for r in &revs {
            rows.push(vec![
                b.name.clone(),
                format!("{}{}", r.revision, if r.current { " (current)" } else { "" }),
                r.change_cause.clone().unwrap_or_else(|| "<none>".into()),
                r.images.join(","),
                if r.changes.is_empty() { "-".into() } else { r.changes.join("; ") },
            ]);
        }
        doc.push(serde_json::json!({"broker": b.name, "revisions": revs}));
    }
    if ctx.printer.format.is_machine() {
        return ctx.printer.document(&serde_json::json!({ "brokers": doc }));
    }
    ctx.printer.table(&["BROKER", "REVISION", "CHANGE-CAUSE", "IMAGE", "CHANGES"], &rows)
}
