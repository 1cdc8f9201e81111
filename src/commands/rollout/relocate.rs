//! `kubectl kafka move BROKER --to-node NODE`: run a broker on another node. The node is
//! checked first (exists, schedulable, Ready), then what the broker's volumes allow there
//! (their PersistentVolumes' node affinity): with a volume that can follow, the broker moves
//! with its data; with one pinned elsewhere, a broker-only node starts on a new claim and
//! copies its replicas again, and a KRaft controller is refused. The roll itself is restart's:
//! the same check before, stop-first over a ReadWriteOnce volume, and the wait until the
//! broker is registered and in sync as every broker sees it.

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::core::v1::PersistentVolumeClaim;
use kube::Api;
use kube::api::{DeleteParams, ObjectMeta, PostParams};
use serde::Serialize;
use serde_json::{Value, json};

use crate::balance::{Assignment, ThrottlePlan, recopy, throttle_plan};
use crate::cli::MoveArgs;
use crate::cluster::access::require_verbs;
use crate::cluster::discovery::discover_brokers;
use crate::cluster::model::select_brokers;
use crate::cluster::nodes::{read_nodes, read_volumes};
use crate::cluster::placement::{NodeInfo, VolumeInfo, pinned_to};
use crate::cluster::{Broker, Cluster};
use crate::commands::Context;
use crate::commands::rebalance::{clear_throttle, set_throttle};
use crate::commands::rollout::{
    Change, Cleared, Interrupt, KafkaState, check_inputs, check_target, kafka_request_timeout, require_deployment,
    roll_broker, stopped_brokers, stuck_note, wait_until_safe,
};
use crate::commands::status::unknown_broker;
use crate::exit::{ExitCode, Failure};
use crate::kafka::metadata::{ClusterMeta, fetch_metadata};
use crate::rollout::relocate::{DataPlan, data_plan, directory_id, log_dirs, short_without, voter_on_empty_volume};
use crate::rollout::strategy::stopped_for_roll;

/// Marks a claim this command created for a broker (value: the Deployment), so that a move
/// interrupted after creating it can take it up again.
const CLAIM_FOR: &str = "kubectl-kafka.io/moved-broker";

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PlanDoc<'a> {
    broker: &'a str,
    node_id: Option<i32>,
    from_node: Option<&'a str>,
    to_node: &'a str,
    data: &'static str,
    volumes: Vec<VolumeRow>,
    check: String,
    patch: &'a Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    throttle: Option<ThrottleDoc>,
}

/// The replication throttle a move onto a new volume sets (--throttle).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ThrottleDoc {
    rate: u64,
    brokers: Vec<i32>,
    /// By topic: the follower replicas throttled (`partition:broker`, the moving broker).
    replicas: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct VolumeRow {
    claim: String,
    volume: Option<String>,
    source: Option<String>,
    locality: String,
    new_claim: Option<String>,
}

/// What the move will do, decided before Kafka is asked anything.
struct Plan {
    cluster: Cluster,
    brokers: Vec<Broker>,
    broker: Broker,
    nodes: Vec<NodeInfo>,
    volumes: Vec<VolumeInfo>,
    data: DataPlan,
    patch: Value,
    /// A killed run left the broker stopped for this move.
    resuming: bool,
}

pub async fn run(ctx: &Context, args: &MoveArgs) -> anyhow::Result<()> {
    let plan = plan(ctx, args).await?;
    let route = ctx.open_route(&plan.cluster, &plan.brokers, kafka_request_timeout(ctx, args.timeout)).await?;
    let result = async {
        let opts = &route.client("move (its safety checks)")?.opts;
        let (mut min_isr, state) = check_inputs(&ctx.printer, args.force, opts).await?;
        if already_there(&plan.broker, &args.to_node, state.as_ref()) {
            return print_already(ctx, &plan.broker, &args.to_node);
        }
        let check = preflight(ctx, &plan.cluster.namespace, args, &plan.broker, &plan.data, state.as_ref())?;
        warn_unpinned_host_paths(ctx, args, &plan);
        let throttle = throttle_plan_for(ctx, args, &plan, opts).await?;
        if args.dry_run {
            return print_plan(ctx, args, &plan, check, throttle.as_ref().map(|(_, t)| t));
        }
        require_verbs(&plan.cluster, "move", &needed_verbs(args, &plan.data)).await?;
        confirm(ctx, args, &plan)?;
        let interrupted = Interrupt::watch(&ctx.printer);
        check_before(ctx, args, &plan, opts, &mut min_isr, &interrupted).await?;
        // From here the move is applied whole: a first Ctrl-C lets it finish, and a throttle
        // set here is removed whatever happens.
        if let (Some((meta, t)), Some(rate)) = (&throttle, args.throttle) {
            if let Err(err) = set_throttle(opts, meta, t, rate).await {
                // What was set before the failure goes again; the broker was not touched.
                let _ = clear_throttle(opts, meta, t).await;
                return Err(err.context("set the replication throttle; nothing was moved"));
            }
            ctx.printer.note(&format!(
                "{}: copying throttled to {rate} bytes/s on broker(s) {}",
                plan.broker.name,
                t.brokers.iter().map(i32::to_string).collect::<Vec<_>>().join(", ")
            ));
        }
        let applied = apply(ctx, args, &plan, opts).await;
        if let Some((meta, t)) = &throttle {
            match clear_throttle(opts, meta, t).await {
                Ok(()) => ctx.printer.note(&format!("{}: replication throttle removed", plan.broker.name)),
                Err(why) => ctx.printer.warn(&format!(
                    "could not remove every replication throttle ({why}); `kubectl kafka move` with the same --throttle again, or `kubectl kafka rebalance cancel`, removes it"
                )),
            }
        }
        applied
    }
    .await;
    route.close().await;
    result
}

/// With --throttle and a new volume: the cluster's metadata and what to throttle (the broker
/// and the replicas it copies from, every partition it hosts). None otherwise.
async fn throttle_plan_for(
    ctx: &Context,
    args: &MoveArgs,
    plan: &Plan,
    opts: &crate::kafka::KafkaOptions,
) -> anyhow::Result<Option<(ClusterMeta, ThrottlePlan)>> {
    let (Some(_), Some(id)) = (args.throttle, plan.broker.node_id) else { return Ok(None) };
    if matches!(plan.data, DataPlan::Follows) {
        ctx.printer.note("its data follows it: nothing is copied, --throttle is not used");
        return Ok(None);
    }
    let meta = fetch_metadata(opts).await.map_err(|e| e.context("read the partitions to throttle"))?;
    let assignments: Vec<Assignment> = meta
        .topics
        .iter()
        .flat_map(|t| {
            t.partitions.iter().map(|p| Assignment {
                topic: t.name.clone(),
                partition: p.id,
                replicas: p.replicas.clone(),
            })
        })
        .collect();
    let throttle = throttle_plan(&recopy(&assignments, id));
    Ok((!throttle.topics.is_empty()).then_some((meta, throttle)))
}

/// What the move will do in Kubernetes, checked before any of it: the patch, and claims
/// created (a new volume) and deleted (--delete-volume).
fn needed_verbs(args: &MoveArgs, data: &DataPlan) -> Vec<(&'static str, &'static str, &'static str)> {
    let mut needs = vec![("patch", "apps", "deployments")];
    if matches!(data, DataPlan::NewVolumes(_)) {
        needs.push(("create", "", "persistentvolumeclaims"));
        if args.delete_volume {
            needs.push(("delete", "", "persistentvolumeclaims"));
        }
    }
    needs
}

/// The broker, the node, what its volumes allow there, and the patch; refusals that need no
/// Kafka come here, before anything is opened.
async fn plan(ctx: &Context, args: &MoveArgs) -> anyhow::Result<Plan> {
    let cluster = ctx.connect().await?;
    let brokers = discover_brokers(&cluster, &ctx.selector).await?;
    let broker = select_brokers(&brokers, std::slice::from_ref(&args.broker))
        .map_err(|n| unknown_broker(&n, &brokers, &cluster.namespace))?
        .into_iter()
        .next()
        .expect("one broker named")
        .clone();
    require_deployment(&broker)?;
    let nodes = read_nodes(&cluster).await?;
    let target = check_target(&nodes, &args.to_node)?;
    let volumes = read_volumes(&cluster, &broker).await?;
    let data = data_plan(&volumes, target, &nodes)
        .map_err(|why| Failure::new(ExitCode::Refused, format!("cannot move {}: {why}", broker.name)))?;
    let api: Api<Deployment> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let deployment = api.get(&broker.workload).await.map_err(|e| cluster.api_error(e, "get", "deployments.apps"))?;
    let patch = move_patch(&deployment, &broker, &args.to_node, &data, args.claim.as_deref())?;
    // A run killed after stopping the broker left the marker: finish that move (the broker is
    // down already, so there is nothing left to check before starting it). A Deployment
    // someone scaled to 0 is theirs to start.
    let resuming = stopped_for_roll(&deployment).is_some();
    if broker.desired_replicas == 0 && !resuming {
        return Err(Failure::new(
            ExitCode::Refused,
            format!("{} is scaled to 0: move starts it on the new node only when it was running", broker.name),
        )
        .hint(format!("start it first: kubectl kafka -n {} scale {} --replicas 1", cluster.namespace, broker.name))
        .into());
    }
    Ok(Plan { cluster, brokers, broker, nodes, volumes, data, patch, resuming })
}

fn warn_unpinned_host_paths(ctx: &Context, args: &MoveArgs, plan: &Plan) {
    for v in plan.volumes.iter().filter(|v| v.unpinned_host_path() && plan.data == DataPlan::Follows) {
        ctx.printer.warn(&format!(
            "claim {} is a hostPath volume without node affinity: Kubernetes mounts it on any node, but its data \
             follows only if that path is shared storage on {} too",
            v.claim, args.to_node
        ));
    }
}

fn confirm(ctx: &Context, args: &MoveArgs, plan: &Plan) -> anyhow::Result<()> {
    let name = &plan.broker.name;
    let question = match &plan.data {
        DataPlan::Follows => format!("move {name} to {} with its data?", args.to_node),
        DataPlan::NewVolumes(_) => {
            format!("move {name} to {} on a new, empty volume (it copies every replica from its peers)?", args.to_node)
        }
    };
    if args.yes || ctx.printer.confirm(&question)? {
        return Ok(());
    }
    Err(Failure::new(ExitCode::Usage, format!("{name} not moved: not confirmed"))
        .hint("pass --yes to move without asking")
        .into())
}

fn untouched(broker: &Broker) -> anyhow::Error {
    Failure::new(ExitCode::Interrupted, format!("interrupted before {} was touched: nothing changed", broker.name))
        .into()
}

/// Restart's availability check, waited for; Ctrl-C while it waits stops with nothing
/// changed. A resumed move has nothing left to check (the broker is down already).
async fn check_before(
    ctx: &Context,
    args: &MoveArgs,
    plan: &Plan,
    opts: &crate::kafka::KafkaOptions,
    min_isr: &mut BTreeMap<String, i32>,
    interrupted: &Interrupt,
) -> anyhow::Result<()> {
    let broker = &plan.broker;
    if plan.resuming {
        ctx.printer.note(&format!("{}: finishing the move an earlier run left stopped", broker.name));
    } else if args.force {
        ctx.printer
            .warn("--force: the safety checks are skipped; partitions may go offline or below min.insync.replicas");
    } else {
        let bar = ctx.printer.progress(&format!("{}: checking", broker.name));
        let name = broker.name.clone();
        let stopped = stopped_brokers(&plan.brokers);
        let cleared = tokio::select! {
            cleared = wait_until_safe(&plan.cluster, opts, min_isr, broker, "move", args.timeout, &stopped, |m| {
                bar.set_message(format!("{name}: {m}"))
            }) => cleared?,
            () = interrupted.pressed() => return Err(untouched(broker)),
        };
        bar.finish_and_clear();
        if let Cleared::Stuck(reason) = cleared {
            ctx.printer.note(&stuck_note(&broker.name, "moving it", &reason));
        }
    }
    if interrupted.asked() {
        return Err(untouched(broker));
    }
    Ok(())
}

/// New claims (if any), the roll, the node and the log dir checked after, old claims deleted
/// when asked.
async fn apply(ctx: &Context, args: &MoveArgs, plan: &Plan, opts: &crate::kafka::KafkaOptions) -> anyhow::Result<()> {
    let (cluster, broker, data) = (&plan.cluster, &plan.broker, &plan.data);
    if let DataPlan::NewVolumes(claims) = data {
        create_claims(cluster, broker, claims, args.claim.as_deref()).await?;
    }
    let identity_before = log_dir_identity(cluster, broker).await;
    if let Err(err) = &identity_before {
        ctx.printer.warn(&format!("{}: cannot read its log dir's identity before the move ({err:#})", broker.name));
    }
    let t0 = std::time::Instant::now();
    let ns = &cluster.namespace;
    roll_broker(cluster, opts, broker, Change::Template(&plan.patch), args.timeout, &ctx.printer).await.map_err(
        |err| {
            Failure::new(ExitCode::Failure, format!("move of {} did not complete: {err:#}", broker.name)).hint(format!(
            "see `kubectl kafka -n {ns} health`; running `kubectl kafka -n {ns} move {} --to-node {}` again resumes",
            broker.name, args.to_node
        ))
        },
    )?;
    let on = node_now(cluster, ctx, broker).await?;
    if on.as_deref() != Some(args.to_node.as_str()) {
        return Err(Failure::new(
            ExitCode::Failure,
            format!(
                "{} is in sync but runs on {}, not {}",
                broker.name,
                on.as_deref().unwrap_or("no node"),
                args.to_node
            ),
        )
        .hint(format!("kubectl -n {ns} describe deployment {}", broker.workload))
        .into());
    }
    let identity = compare_identity(broker, data, identity_before.ok(), log_dir_identity(cluster, broker).await)?;
    if identity.is_none() {
        ctx.printer.warn(&format!(
            "{}: could not compare its log dir's identity before and after (exec in its pod)",
            broker.name
        ));
    }
    let deleted = if args.delete_volume { delete_old_claims(cluster, data).await? } else { vec![] };
    print_done(ctx, broker, args, data, &deleted, identity.as_deref(), t0.elapsed().as_secs_f64())
}

/// Whether an earlier run already finished: pinned to the node only, its pod there, and in
/// sync as every broker sees it.
fn already_there(broker: &Broker, node: &str, state: Option<&KafkaState>) -> bool {
    let on_node = broker.current_pod().is_some_and(|p| p.ready && p.node.as_deref() == Some(node));
    let in_sync = state.is_some_and(|s| {
        broker.node_id.is_some_and(|id| {
            s.registered.contains(&id) && s.partitions.iter().all(|p| !p.replicas.contains(&id) || p.isr.contains(&id))
        })
    });
    broker.pinned_nodes == [node] && broker.desired_replicas > 0 && on_node && in_sync
}

/// Kafka's side of the decision: a controller never starts on an empty volume, and a broker
/// starts on one only when every partition it hosts keeps enough in-sync replicas without it.
/// Returns what the availability check says now (for the dry run).
fn preflight(
    ctx: &Context,
    ns: &str,
    args: &MoveArgs,
    broker: &Broker,
    data: &DataPlan,
    state: Option<&KafkaState>,
) -> anyhow::Result<String> {
    let Some(id) = broker.node_id else {
        return Err(
            Failure::new(ExitCode::Refused, format!("{} has no KAFKA_NODE_ID: cannot check it", broker.name)).into()
        );
    };
    let mut found = Vec::new();
    if let DataPlan::NewVolumes(claims) = data {
        let voters: Vec<i32> = match state {
            Some(s) => s.quorum.voters.clone(),
            None => broker.voters.iter().map(|v| v.id).collect(),
        };
        let controller = broker.roles.contains(&crate::cluster::model::Role::Controller);
        if let Some(why) = voter_on_empty_volume(&broker.name, id, controller, &voters) {
            let pinned = claims.iter().map(|(old, _)| old.as_str()).collect::<Vec<_>>().join(", ");
            let message = format!(
                "refusing to move {} to {}: claim {pinned} cannot follow it there. {why}",
                broker.name, args.to_node
            );
            if !args.force {
                return Err(Failure::new(ExitCode::Refused, message)
                    .hint(format!(
                        "safe instead: give it a volume that can attach on {node} and move it with its data; or add a \
                         broker-only broker there (`kubectl kafka -n {ns} scale --brokers N`, then `kubectl kafka -n {ns} move` \
                         it) and drain this one (`kubectl kafka -n {ns} rebalance --exclude-broker {id} --execute`); or, on \
                         Kafka 3.9+ with a dynamic quorum, remove the voter, move it, and add it back",
                        node = args.to_node
                    ))
                    .into());
            }
            ctx.printer.warn(&format!("--force: {message}"));
        }
        if let Some(s) = state {
            found = short_without(id, &s.partitions);
        }
        if !found.is_empty() && !args.force {
            let shown: Vec<&str> = found.iter().take(20).map(String::as_str).collect();
            return Err(Failure::new(
                ExitCode::Refused,
                format!(
                    "refusing to move {} onto a new volume: while it copies its data again {}",
                    broker.name,
                    shown.join("; ")
                ),
            )
            .hint("wait until those partitions are back in sync (`kubectl kafka health`), or add replicas first")
            .into());
        }
    }
    let now = state.map(|s| crate::rollout::safety::blockers(id, &s.partitions, &s.quorum)).unwrap_or_default();
    Ok(if now.is_empty() && found.is_empty() {
        "ok".into()
    } else {
        let mut all: Vec<String> = now.iter().map(|b| b.detail.clone()).collect();
        all.extend(found);
        format!("would wait: {}", all.join("; "))
    })
}

/// The strategic-merge patch: the pod template pinned to `node` (its other scheduling terms
/// kept), new claims when the data cannot follow, and the change cause `history` shows.
fn move_patch(
    deployment: &Deployment,
    broker: &Broker,
    node: &str,
    data: &DataPlan,
    claim: Option<&str>,
) -> anyhow::Result<Value> {
    let spec = deployment.spec.as_ref().and_then(|s| s.template.spec.as_ref()).ok_or_else(|| {
        Failure::new(ExitCode::Failure, format!("deployment {} has no pod template", broker.workload))
    })?;
    let (affinity, selector) = pinned_to(spec, node);
    let mut pod = json!({"affinity": affinity});
    if let Some(selector) = selector {
        pod["nodeSelector"] = json!(selector);
    }
    if let DataPlan::NewVolumes(claims) = data {
        let mut volumes = Vec::new();
        for (old, new) in claims {
            let pod_volume =
                broker.volumes.iter().find(|v| &v.claim == old).and_then(|v| v.pod_volume.clone()).ok_or_else(
                    || Failure::new(ExitCode::Failure, format!("claim {old} is not a volume of the pod template")),
                )?;
            volumes.push(
                json!({"name": pod_volume, "persistentVolumeClaim": {"claimName": claim_name(claims, claim, new)}}),
            );
        }
        pod["volumes"] = Value::Array(volumes);
    }
    Ok(json!({
        "metadata": {"annotations": {"kubernetes.io/change-cause": format!("kubectl kafka move {} to {node}", broker.name)}},
        "spec": {"template": {"spec": pod}}
    }))
}

/// --claim names the new claim when there is only one to make.
fn claim_name<'a>(claims: &[(String, String)], given: Option<&'a str>, planned: &'a str) -> &'a str {
    match given {
        Some(name) if claims.len() == 1 => name,
        _ => planned,
    }
}

/// New claims on the target: the old claim's spec (storage class, size, access modes) without
/// its volume, so the storage class (or a PersistentVolume offered for that name) provides one
/// the scheduler can place on the target. One this command made for the broker is reused.
async fn create_claims(
    cluster: &Cluster,
    broker: &Broker,
    claims: &[(String, String)],
    given: Option<&str>,
) -> anyhow::Result<()> {
    let api: Api<PersistentVolumeClaim> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    for (old, planned) in claims {
        let name = claim_name(claims, given, planned);
        if let Some(existing) =
            api.get_opt(name).await.map_err(|e| cluster.api_error(e, "get", "persistentvolumeclaims"))?
        {
            let ours = existing.metadata.annotations.as_ref().and_then(|a| a.get(CLAIM_FOR)) == Some(&broker.workload);
            if ours {
                continue;
            }
            return Err(Failure::new(
                ExitCode::Refused,
                format!("claim {name} already exists and was not made by a move of {}", broker.name),
            )
            .hint("name another claim with --claim NAME, or delete that one")
            .into());
        }
        let template = api.get(old).await.map_err(|e| cluster.api_error(e, "get", "persistentvolumeclaims"))?;
        let mut spec = template.spec.clone().unwrap_or_default();
        spec.volume_name = None;
        let claim = PersistentVolumeClaim {
            metadata: ObjectMeta {
                name: Some(name.to_string()),
                namespace: Some(cluster.namespace.clone()),
                labels: template.metadata.labels.clone(),
                annotations: Some(BTreeMap::from([(CLAIM_FOR.to_string(), broker.workload.clone())])),
                ..Default::default()
            },
            spec: Some(spec),
            status: None,
        };
        api.create(&PostParams::default(), &claim)
            .await
            .map_err(|e| cluster.api_error(e, "create", "persistentvolumeclaims"))?;
    }
    Ok(())
}

async fn delete_old_claims(cluster: &Cluster, data: &DataPlan) -> anyhow::Result<Vec<String>> {
    let DataPlan::NewVolumes(claims) = data else { return Ok(vec![]) };
    let api: Api<PersistentVolumeClaim> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let mut deleted = Vec::new();
    for (old, _) in claims {
        api.delete(old, &DeleteParams::default())
            .await
            .map_err(|e| cluster.api_error(e, "delete", "persistentvolumeclaims"))?;
        deleted.push(old.clone());
    }
    Ok(deleted)
}

/// The identity (meta.properties' directory.id) of each of the broker's log dirs, read in its
/// running pod (argv, no shell).
async fn log_dir_identity(cluster: &Cluster, broker: &Broker) -> anyhow::Result<String> {
    let dirs = log_dirs(&broker.env);
    if dirs.is_empty() {
        anyhow::bail!("no KAFKA_LOG_DIRS in its environment");
    }
    let target = crate::connect::Target {
        name: broker.name.clone(),
        node_id: broker.node_id.unwrap_or(-1),
        pod_selector: broker.pod_selector(),
        port: broker.client_port().unwrap_or(9092),
        advertised: None,
        container: broker.container.clone(),
    };
    let pods: Api<k8s_openapi::api::core::v1::Pod> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let mut ids = Vec::new();
    for dir in dirs {
        let argv = vec!["cat".to_string(), format!("{}/meta.properties", dir.trim_end_matches('/'))];
        let out = crate::connect::exec::run_in_pod(&pods, &target, &argv, None).await?;
        if out.code != 0 {
            anyhow::bail!("cat {dir}/meta.properties: {}", out.complaint());
        }
        let text = String::from_utf8_lossy(&out.stdout);
        ids.push(directory_id(&text).ok_or_else(|| anyhow::anyhow!("{dir}/meta.properties has no directory.id"))?);
    }
    Ok(ids.join(","))
}

/// The evidence for what happened to the data: with a volume that follows, the same log dir
/// must come back (else the data did not follow: fail loudly); on a new volume, a new one.
fn compare_identity(
    broker: &Broker,
    data: &DataPlan,
    before: Option<String>,
    after: anyhow::Result<String>,
) -> anyhow::Result<Option<String>> {
    let (Some(before), Ok(after)) = (before, after) else { return Ok(None) };
    match data {
        DataPlan::Follows if before != after => Err(Failure::new(
            ExitCode::Failure,
            format!(
                "{} runs again but on a different log dir (directory.id {before} before, {after} now): its data did                  not follow, so the volume is not shared storage on the new node; the broker is copying its replicas                  from its peers",
                broker.name
            ),
        )
        .hint("check `kubectl kafka health` and `kubectl kafka quorum`; pin the PersistentVolume to its node (spec.nodeAffinity) so that move can tell")
        .into()),
        _ => Ok(Some(after)),
    }
}

/// The node the broker's serving pod runs on now, read afresh.
async fn node_now(cluster: &Cluster, ctx: &Context, broker: &Broker) -> anyhow::Result<Option<String>> {
    let brokers = discover_brokers(cluster, &ctx.selector).await?;
    Ok(brokers
        .iter()
        .find(|b| b.workload == broker.workload)
        .and_then(|b| b.current_pod())
        .and_then(|p| p.node.clone()))
}

fn print_plan(
    ctx: &Context,
    args: &MoveArgs,
    plan: &Plan,
    check: String,
    throttle: Option<&ThrottlePlan>,
) -> anyhow::Result<()> {
    let (broker, nodes, volumes, data, patch) = (&plan.broker, &plan.nodes, &plan.volumes, &plan.data, &plan.patch);
    let new_of = |claim: &str| match data {
        DataPlan::NewVolumes(c) => {
            c.iter().find(|(old, _)| old == claim).map(|(_, new)| claim_name(c, args.claim.as_deref(), new).to_string())
        }
        DataPlan::Follows => None,
    };
    let rows: Vec<VolumeRow> = volumes
        .iter()
        .map(|v| VolumeRow {
            claim: v.claim.clone(),
            volume: v.volume.clone(),
            source: v.source.clone(),
            locality: v.locality(nodes),
            new_claim: new_of(&v.claim),
        })
        .collect();
    let doc = PlanDoc {
        broker: &broker.name,
        node_id: broker.node_id,
        from_node: broker.current_pod().and_then(|p| p.node.as_deref()),
        to_node: &args.to_node,
        data: match data {
            DataPlan::Follows => "follows",
            DataPlan::NewVolumes(_) => "new-volume",
        },
        volumes: rows,
        check,
        patch,
        throttle: throttle.zip(args.throttle).map(|(t, rate)| ThrottleDoc {
            rate,
            brokers: t.brokers.iter().copied().collect(),
            replicas: t.topics.iter().map(|(topic, (_, followers))| (topic.clone(), followers.clone())).collect(),
        }),
    };
    if ctx.printer.format.is_machine() {
        return ctx.printer.document(&json!({"dryRun": true, "plan": doc}));
    }
    ctx.printer.lines(&[
        format!(
            "{} (node id {}) from {} to {}",
            doc.broker,
            doc.node_id.map_or("?".into(), |i| i.to_string()),
            doc.from_node.unwrap_or("no node"),
            doc.to_node
        ),
        match data {
            DataPlan::Follows => "data: its volumes can attach there; it moves with its data".into(),
            DataPlan::NewVolumes(_) => {
                "data: a volume is pinned elsewhere; it starts on a new claim and copies its replicas from its peers"
                    .into()
            }
        },
        String::new(),
    ])?;
    let cells: Vec<Vec<String>> = doc
        .volumes
        .iter()
        .map(|v| {
            vec![
                v.claim.clone(),
                v.volume.clone().unwrap_or_else(|| "-".into()),
                v.source.clone().unwrap_or_else(|| "-".into()),
                v.locality.clone(),
                v.new_claim.clone().unwrap_or_else(|| "-".into()),
            ]
        })
        .collect();
    ctx.printer.table(&["CLAIM", "VOLUME", "SOURCE", "ATTACHES ON", "NEW CLAIM"], &cells)?;
    ctx.printer.lines(&[
        String::new(),
        format!("check now: {}", doc.check),
        format!("patch (strategic merge) for deployment {}: {}", broker.workload, patch),
    ])?;
    if let Some(t) = &doc.throttle {
        ctx.printer.lines(&[format!(
            "throttle: {} bytes/s on broker(s) {} while it copies {} partition(s)",
            t.rate,
            t.brokers.iter().map(i32::to_string).collect::<Vec<_>>().join(", "),
            t.replicas.values().map(|r| r.split(',').count()).sum::<usize>()
        )])?;
    }
    ctx.printer.note("dry run: nothing changed");
    Ok(())
}

fn print_already(ctx: &Context, broker: &Broker, node: &str) -> anyhow::Result<()> {
    if ctx.printer.format.is_machine() {
        return ctx
            .printer
            .document(&json!({"broker": broker.name, "node": node, "moved": false, "alreadyThere": true}));
    }
    ctx.printer.lines(&[format!("{} already runs on {node}, registered and in sync: nothing to do", broker.name)])
}

fn print_done(
    ctx: &Context,
    broker: &Broker,
    args: &MoveArgs,
    data: &DataPlan,
    deleted: &[String],
    identity: Option<&str>,
    seconds: f64,
) -> anyhow::Result<()> {
    let new_claims: Vec<String> = match data {
        DataPlan::NewVolumes(c) => {
            c.iter().map(|(_, new)| claim_name(c, args.claim.as_deref(), new).to_string()).collect()
        }
        DataPlan::Follows => vec![],
    };
    if ctx.printer.format.is_machine() {
        return ctx.printer.document(&json!({
            "broker": broker.name,
            "node": args.to_node,
            "moved": true,
            "data": if new_claims.is_empty() { "follows" } else { "new-volume" },
            "newClaims": new_claims,
            "deletedClaims": deleted,
            "logDirId": identity,
            "seconds": (seconds * 10.0).round() / 10.0,
        }));
    }
    let how = if new_claims.is_empty() {
        match identity {
            Some(id) => format!("with its data (the same log dir, directory.id {id})"),
            None => "with its data".to_string(),
        }
    } else {
        format!("on new claim {}, its replicas copied again", new_claims.join(", "))
    };
    let mut lines = vec![format!(
        "{} runs on {} {how}: registered and in sync as every broker sees it ({seconds:.0}s)",
        broker.name, args.to_node
    )];
    if let DataPlan::NewVolumes(c) = data
        && deleted.is_empty()
    {
        let kept: Vec<&str> = c.iter().map(|(old, _)| old.as_str()).collect();
        lines.push(format!(
            "old claim {} kept (delete it when you no longer need it, or pass --delete-volume)",
            kept.join(", ")
        ));
    }
    ctx.printer.lines(&lines)
}
