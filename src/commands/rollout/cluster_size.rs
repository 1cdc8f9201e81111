//! `kubectl kafka scale --brokers N`: grow the cluster (new brokers copied from the highest
//! one, registered, then partitions moved onto them) or shrink it (drain, stop, unregister,
//! remove). Running the same command again after an interruption picks up where it stopped:
//! objects that exist are kept, a drained broker drains at once.

use std::collections::BTreeSet;
use std::time::Duration;

use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::core::v1::{PersistentVolumeClaim, Service};
use kube::Api;
use kube::api::{DeleteParams, PostParams};

use crate::cli::ScaleArgs;
use crate::cluster::access::require_verbs;
use crate::cluster::discovery::discover_brokers;
use crate::cluster::grow::{NewBroker, new_broker};
use crate::cluster::model::{Role, WorkloadKind};
use crate::cluster::nodes::read_nodes;
use crate::cluster::placement::pinned_to;
use crate::cluster::{Broker, Cluster};
use crate::commands::Context;
use crate::commands::rebalance::{balance_onto, refuse_if_moving};
use crate::commands::rollout::check_target;
use crate::commands::rollout::{agreed_metadata, kafka_request_timeout, wait_in_sync, wait_out_of_kafka};
use crate::exit::{ExitCode, Failure};
use crate::kafka::KafkaOptions;
use crate::kafka::metadata::cluster_id;
use crate::kafka::quorum::describe_quorum;
use crate::kafka::reassign::unregister_broker;
use crate::output::Outcome;
use crate::rollout::apply::{send_scale, wait_pods_gone, wait_rollout};

pub async fn run(ctx: &Context, args: &ScaleArgs) -> anyhow::Result<()> {
    let want = args.brokers.expect("clap: --brokers") as usize;
    crate::route::require_client_route(&ctx.route_options(args.timeout), "scale --brokers")?;
    let cluster = ctx.connect().await?;
    let brokers = discover_brokers(&cluster, &ctx.selector).await?;
    let mut ours: Vec<&Broker> =
        brokers.iter().filter(|b| b.kind == WorkloadKind::Deployment && b.node_id.is_some()).collect();
    ours.sort_by_key(|b| b.node_id);
    if ours.len() != brokers.len() {
        return Err(Failure::new(
            ExitCode::Refused,
            "scale --brokers handles one Deployment per broker (the guide's layout) only",
        )
        .hint("StatefulSets scale with `kubectl scale statefulset`")
        .into());
    }
    if want == ours.len() {
        let line = format!("the cluster already has {want} brokers");
        return ctx
            .printer
            .outcomes(&[resized("unchanged", line, serde_json::json!({ "brokers": want })).dry_run(args.dry_run)]);
    }
    if want > ours.len() {
        grow(ctx, args, &cluster, &brokers, &ours, want).await
    } else {
        shrink(ctx, args, &cluster, &brokers, &ours, want).await
    }
}

/// The new brokers' objects, copied from the broker with the highest node id.
async fn new_objects(
    cluster: &Cluster,
    template: &Broker,
    count: usize,
    cluster_id: &str,
) -> anyhow::Result<Vec<(i32, NewBroker)>> {
    let ns = &cluster.namespace;
    let old = template.node_id.expect("a node id");
    let deployment = Api::<Deployment>::namespaced(cluster.client.clone(), ns)
        .get(&template.workload)
        .await
        .map_err(|e| cluster.api_error(e, "get", "deployments.apps"))?;
    let svc_name = template.services.first().ok_or_else(|| {
        Failure::new(ExitCode::Refused, format!("{} has no Service to copy", template.name))
            .hint("the guide gives each broker a Service named after it")
    })?;
    let service = Api::<Service>::namespaced(cluster.client.clone(), ns)
        .get(svc_name)
        .await
        .map_err(|e| cluster.api_error(e, "get", "services"))?;
    let claim_name = template.volumes.first().map(|v| v.claim.clone()).ok_or_else(|| {
        Failure::new(ExitCode::Refused, format!("{} has no PVC to copy", template.name))
            .hint("the guide gives each broker a PVC")
    })?;
    let claim = Api::<PersistentVolumeClaim>::namespaced(cluster.client.clone(), ns)
        .get(&claim_name)
        .await
        .map_err(|e| cluster.api_error(e, "get", "persistentvolumeclaims"))?;
    let container = template.container.clone().unwrap_or_else(|| "kafka".into());
    (1..=count as i32)
        .map(|k| {
            new_broker(&deployment, &service, &claim, &container, old, old + k, cluster_id)
                .map(|n| (old + k, n))
                .map_err(|m| Failure::new(ExitCode::Refused, m).into())
        })
        .collect()
}

/// Creates an object, or keeps it when it exists (a resumed run); true when created.
async fn create_or_keep<K>(api: &Api<K>, obj: &K, what: &str, cluster: &Cluster) -> anyhow::Result<bool>
where
    K: kube::Resource + Clone + serde::de::DeserializeOwned + serde::Serialize + std::fmt::Debug,
{
    match api.create(&PostParams::default(), obj).await {
        Ok(_) => Ok(true),
        Err(kube::Error::Api(e)) if e.code == 409 => Ok(false),
        Err(e) => Err(cluster.api_error(e, "create", what)),
    }
}

async fn grow(
    ctx: &Context,
    args: &ScaleArgs,
    cluster: &Cluster,
    brokers: &[Broker],
    ours: &[&Broker],
    want: usize,
) -> anyhow::Result<()> {
    let template = *ours.last().expect("at least one broker");
    let limit = kafka_request_timeout(ctx, args.timeout);
    if !args.dry_run {
        // Each new broker is a claim, a Service and a Deployment: a user who may not create
        // one of them is told so before the first is made.
        let needs =
            [("create", "", "persistentvolumeclaims"), ("create", "", "services"), ("create", "apps", "deployments")];
        require_verbs(cluster, "scale --brokers", &needs).await?;
    }
    let route = ctx.open_route(cluster, brokers, limit).await?;
    let prepared = async {
        let opts = &route.client("scale --brokers")?.opts;
        refuse_if_moving(opts).await?;
        let id = cluster_id(opts).await.map_err(|e| e.context("read the cluster id"))?;
        let mut added = new_objects(cluster, template, want - ours.len(), &id).await?;
        if let Some(node) = &args.node {
            // The node checked as move checks it (exists, schedulable, Ready), then each new
            // Deployment pinned there in place of the template's hostname terms.
            check_target(&read_nodes(cluster).await?, node)?;
            for (_, n) in &mut added {
                if let Some(pod) = n.deployment.spec.as_mut().and_then(|s| s.template.spec.as_mut()) {
                    let (affinity, selector) = pinned_to(pod, node);
                    pod.affinity = Some(affinity);
                    pod.node_selector = selector;
                }
            }
        }
        anyhow::Ok(added)
    }
    .await;
    route.close().await;
    let added = prepared?;
    let ids: Vec<i32> = added.iter().map(|(id, _)| *id).collect();
    if args.dry_run && ctx.printer.format.is_machine() {
        let objects: Vec<serde_json::Value> = added
            .iter()
            .flat_map(|(_, n)| {
                [
                    with_kind("PersistentVolumeClaim", &n.claim),
                    with_kind("Service", &n.service),
                    with_kind("Deployment", &n.deployment),
                ]
            })
            .collect();
        let detail = serde_json::json!({ "brokers": want, "added": ids, "objects": objects });
        return ctx.printer.outcomes(&[resized("scaled", String::new(), detail).dry_run(true)]);
    }
    if args.dry_run {
        for (_, n) in &added {
            for doc in [
                serde_yaml_ng::to_string(&with_kind("PersistentVolumeClaim", &n.claim))?,
                serde_yaml_ng::to_string(&with_kind("Service", &n.service))?,
                serde_yaml_ng::to_string(&with_kind("Deployment", &n.deployment))?,
            ] {
                ctx.printer.lines(&["---".to_string(), doc.trim_end().to_string()])?;
            }
        }
        let ids: Vec<String> = ids.iter().map(i32::to_string).collect();
        ctx.printer.note(&format!(
            "dry run: nothing created; then partitions would move onto broker(s) {} (see `kubectl kafka rebalance` once they run)",
            ids.join(", ")
        ));
        return Ok(());
    }
    let ns = &cluster.namespace;
    let (deployments, services, claims) = (
        Api::<Deployment>::namespaced(cluster.client.clone(), ns),
        Api::<Service>::namespaced(cluster.client.clone(), ns),
        Api::<PersistentVolumeClaim>::namespaced(cluster.client.clone(), ns),
    );
    for (id, n) in &added {
        let name = n.deployment.metadata.name.clone().unwrap_or_default();
        let made = [
            create_or_keep(&claims, &n.claim, "persistentvolumeclaims", cluster).await?,
            create_or_keep(&services, &n.service, "services", cluster).await?,
            create_or_keep(&deployments, &n.deployment, "deployments.apps", cluster).await?,
        ];
        let verb = if made.iter().all(|m| *m) { "created" } else { "kept (it existed)" };
        ctx.printer.note(&format!("{name} (node id {id}): deployment, service and PVC {verb}"));
    }
    // Reopen the route over every broker, the new ones included, and wait for them to join.
    let brokers = discover_brokers(cluster, &ctx.selector).await?;
    for (id, n) in &added {
        let name = n.deployment.metadata.name.clone().unwrap_or_default();
        let bar = ctx.printer.progress(&format!("{name}: starting"));
        wait_rollout(&deployments, &name, args.timeout, |m| bar.set_message(format!("{name}: {m}"))).await?;
        let route = ctx.open_route(cluster, &brokers, limit).await?;
        let joined = match route.client("scale --brokers") {
            Ok(c) => wait_in_sync(&c.opts, *id, args.timeout, |m| bar.set_message(format!("{name}: {m}"))).await,
            Err(e) => Err(e),
        };
        route.close().await;
        joined?;
        bar.finish_and_clear();
        ctx.printer.note(&format!("{name}: broker {id} registered, as every broker sees it"));
    }
    let all: Vec<i32> = brokers.iter().filter_map(|b| b.node_id).collect();
    let moved = if args.no_rebalance {
        ctx.printer.note("--no-rebalance: no partition moved; `kubectl kafka rebalance` moves them when you want");
        0
    } else {
        let route = ctx.open_route(cluster, &brokers, limit).await?;
        let done = match route.client("scale --brokers") {
            Ok(c) => balance_onto(ctx, &c.opts, &all, args.throttle, args.timeout).await,
            Err(e) => Err(e),
        };
        route.close().await;
        done?
    };
    let line = format!("the cluster has {want} brokers; {moved} partitions moved onto the new ones");
    let detail = serde_json::json!({ "brokers": want, "added": ids, "partitionsMoved": moved });
    ctx.printer.outcomes(&[resized("scaled", line, detail)])
}

/// The cluster's size changed (or would, or did not need to).
fn resized(result: &'static str, line: String, detail: serde_json::Value) -> Outcome {
    Outcome::new("cluster", result, line).detail(detail)
}

fn with_kind<T: serde::Serialize>(kind: &str, obj: &T) -> serde_json::Value {
    let mut v = serde_json::to_value(obj).unwrap_or_default();
    if let Some(m) = v.as_object_mut() {
        let api = if kind == "Deployment" { "apps/v1" } else { "v1" };
        let mut out = serde_json::Map::new();
        out.insert("apiVersion".into(), api.into());
        out.insert("kind".into(), kind.into());
        out.extend(std::mem::take(m));
        return serde_json::Value::Object(out);
    }
    v
}

/// The brokers a shrink removes: the highest node ids; each must be a broker only (never a
/// quorum voter), and every topic must fit on the rest.
fn victims<'a>(ours: &[&'a Broker], want: usize, voters: &BTreeSet<i32>) -> anyhow::Result<Vec<&'a Broker>> {
    let gone: Vec<&Broker> = ours[want..].to_vec();
    for b in &gone {
        let id = b.node_id.expect("a node id");
        if voters.contains(&id) || b.roles.contains(&Role::Controller) {
            return Err(Failure::new(
                ExitCode::Refused,
                format!("{} (node id {id}) is a controller quorum voter: it cannot be removed", b.name),
            )
            .hint("only brokers added as brokers (scale --brokers grows with broker-only nodes) can be removed; a static quorum keeps its voters")
            .into());
        }
    }
    Ok(gone)
}

async fn shrink(
    ctx: &Context,
    args: &ScaleArgs,
    cluster: &Cluster,
    brokers: &[Broker],
    ours: &[&Broker],
    want: usize,
) -> anyhow::Result<()> {
    let limit = kafka_request_timeout(ctx, args.timeout);
    if !args.dry_run {
        // Removing deletes the brokers' Deployments and Services (and claims with
        // --delete-volume): checked before the first partition moves.
        let mut needs = vec![("delete", "apps", "deployments"), ("delete", "", "services")];
        if args.delete_volume {
            needs.push(("delete", "", "persistentvolumeclaims"));
        }
        require_verbs(cluster, "scale --brokers", &needs).await?;
    }
    let route = ctx.open_route(cluster, brokers, limit).await?;
    let result = async {
        let opts = &route.client("scale --brokers")?.opts;
        let quorum = describe_quorum(opts).await.map_err(|e| e.context("read the controller quorum"))?;
        let voters: BTreeSet<i32> = quorum.voters.iter().map(|v| v.node_id).collect();
        let gone = victims(ours, want, &voters)?;
        let gone_ids: Vec<i32> = gone.iter().filter_map(|b| b.node_id).collect();
        let keep: Vec<i32> = ours.iter().filter_map(|b| b.node_id).filter(|id| !gone_ids.contains(id)).collect();
        let names: Vec<String> = gone.iter().map(|b| b.name.clone()).collect();
        let volume = if args.delete_volume { "and its PVC" } else { "(its PVC is kept)" };
        if args.dry_run {
            let plan = crate::balance::plan(
                &crate::balance::apply(&assignments_of(opts).await?, &[]),
                &keep.iter().map(|id| crate::balance::Target { id: *id, rack: None }).collect::<Vec<_>>(),
            )
            .map_err(|m| Failure::new(ExitCode::Refused, m))?;
            let line = format!(
                "would drain {} ({} partitions change), stop, unregister and delete the deployment and service {volume} (dry run)",
                names.join(", "),
                plan.len()
            );
            let detail = serde_json::json!({
                "brokers": want, "removed": names, "partitionsChange": plan.len(), "deleteVolume": args.delete_volume,
            });
            ctx.printer.outcomes(&[resized("scaled", line, detail).dry_run(true)])?;
            return Ok(None);
        }
        if !args.yes
            && !ctx.printer.confirm(&format!("remove broker(s) {} from the cluster?", names.join(", ")))?
        {
            return Err(Failure::new(ExitCode::Usage, "not removed: not confirmed")
                .hint("pass --yes to remove without asking")
                .into());
        }
        balance_onto(ctx, opts, &keep, args.throttle, args.timeout).await?;
        drained(opts, &gone_ids).await?;
        remove(ctx, args, cluster, opts, &gone).await?;
        anyhow::Ok(Some(names))
    }
    .await;
    route.close().await;
    // A dry run printed its plan.
    let Some(removed) = result? else { return Ok(()) };
    let detail = serde_json::json!({ "brokers": want, "removed": removed });
    ctx.printer.outcomes(&[resized("scaled", format!("the cluster has {want} brokers"), detail)])
}

async fn assignments_of(opts: &KafkaOptions) -> anyhow::Result<Vec<crate::balance::Assignment>> {
    let meta = agreed_metadata(opts, None).await?;
    Ok(meta
        .topics
        .iter()
        .flat_map(|t| {
            t.partitions.iter().map(|p| crate::balance::Assignment {
                topic: t.name.clone(),
                partition: p.id,
                replicas: p.replicas.clone(),
            })
        })
        .collect())
}

/// Every broker, asked on its own, shows no replica on the removed brokers.
async fn drained(opts: &KafkaOptions, gone: &[i32]) -> anyhow::Result<()> {
    let left: Vec<String> = assignments_of(opts)
        .await?
        .iter()
        .filter(|a| a.replicas.iter().any(|r| gone.contains(r)))
        .map(|a| format!("{}/{}", a.topic, a.partition))
        .collect();
    if left.is_empty() {
        return Ok(());
    }
    Err(Failure::new(ExitCode::Failure, format!("not drained: {} still have replicas there", left.join(", ")))
        .hint("run the same command again")
        .into())
}

/// Stops each drained broker, waits until Kafka no longer counts it, unregisters it and
/// deletes its Deployment and Service (and PVC with --delete-volume).
async fn remove(
    ctx: &Context,
    args: &ScaleArgs,
    cluster: &Cluster,
    opts: &KafkaOptions,
    gone: &[&Broker],
) -> anyhow::Result<()> {
    let ns = &cluster.namespace;
    let deployments = Api::<Deployment>::namespaced(cluster.client.clone(), ns);
    for b in gone {
        let id = b.node_id.expect("a node id");
        let bar = ctx.printer.progress(&format!("{}: stopping", b.name));
        send_scale(&deployments, &b.workload, 0)
            .await
            .map_err(|e| cluster.api_error(e, "patch", "deployments.apps/scale"))?;
        let d = deployments.get(&b.workload).await.map_err(|e| cluster.api_error(e, "get", "deployments.apps"))?;
        wait_pods_gone(cluster.client.clone(), ns, &d, args.timeout, |m| bar.set_message(format!("{}: {m}", b.name)))
            .await?;
        wait_out_of_kafka(opts, id, Duration::from_secs(60).min(args.timeout), |m| {
            bar.set_message(format!("{}: {m}", b.name))
        })
        .await?;
        bar.finish_and_clear();
        unregister_broker(opts, id).await?;
        let dp = DeleteParams::default();
        deployments.delete(&b.workload, &dp).await.map_err(|e| cluster.api_error(e, "delete", "deployments.apps"))?;
        for s in &b.services {
            Api::<Service>::namespaced(cluster.client.clone(), ns)
                .delete(s, &dp)
                .await
                .map_err(|e| cluster.api_error(e, "delete", "services"))?;
        }
        if args.delete_volume {
            for v in &b.volumes {
                Api::<PersistentVolumeClaim>::namespaced(cluster.client.clone(), ns)
                    .delete(&v.claim, &dp)
                    .await
                    .map_err(|e| cluster.api_error(e, "delete", "persistentvolumeclaims"))?;
            }
        }
        ctx.printer.note(&format!("{}: broker {id} drained, stopped, unregistered and removed", b.name));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::discovery::build_brokers;

    #[test]
    fn only_broker_only_nodes_are_removed() {
        let mut inv = crate::cluster::discovery::Inventory::default();
        for doc in serde_yaml_ng::Deserializer::from_str(include_str!("../../cluster/testdata/guide-layout.yaml")) {
            let value = <serde_json::Value as serde::Deserialize>::deserialize(doc).unwrap();
            if value["kind"] == "Deployment" {
                inv.deployments.push(serde_json::from_value(value).unwrap());
            }
        }
        let brokers = build_brokers(&inv, &crate::cluster::selector::Selector::parse("app=kafka").unwrap());
        let ours: Vec<&Broker> = brokers.iter().collect();
        let voters = BTreeSet::from([1, 2, 3]);
        let err = victims(&ours, 2, &voters).unwrap_err().to_string();
        assert!(err.contains("kafka-3 (node id 3) is a controller quorum voter"), "{err}");
        let mut fourth = brokers[2].clone();
        fourth.name = "kafka-4".into();
        fourth.node_id = Some(4);
        fourth.roles = vec![Role::Broker];
        let ours: Vec<&Broker> = brokers.iter().chain(std::iter::once(&fourth)).collect();
        let gone = victims(&ours, 3, &voters).unwrap();
        assert_eq!(gone.iter().map(|b| b.name.as_str()).collect::<Vec<_>>(), ["kafka-4"]);
    }
}
