//! `kubectl kafka restart`: a rolling restart one broker at a time, each only when Kafka can
//! spare it, each waited for until it has rejoined and caught up. One function per step:
//! read the checks' inputs, pick the brokers, plan the order, then print the plan (dry run)
//! or roll them.

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::Deployment;
use kube::Api;
use serde::Serialize;

use crate::cli::RestartArgs;
use crate::cluster::discovery::discover_brokers;
use crate::cluster::model::select_brokers;
use crate::cluster::{Broker, Cluster};
use crate::commands::Context;
use crate::commands::rollout::{
    Change, Cleared, Interrupt, KafkaState, check_inputs, kafka_request_timeout, require_deployment, roll_broker,
    stopped_brokers, stuck_note, wait_until_safe,
};
use crate::commands::status::unknown_broker;
use crate::exit::{ExitCode, Failure};
use crate::kafka::KafkaOptions;
use crate::rollout::apply::restart_patch;
use crate::rollout::safety::{Candidate, blockers, restart_order, skip_restarted};
use crate::rollout::strategy::stopped_for_roll;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PlanRow {
    order: usize,
    broker: String,
    node_id: i32,
    ready: bool,
    check: String,
    patch: serde_json::Value,
}

/// What the run decided before touching anything.
struct Plan<'a> {
    /// The brokers to restart, in order.
    order: Vec<Candidate>,
    /// Skipped: their pods started after --since.
    done: Vec<Candidate>,
    chosen: Vec<&'a Broker>,
    leader: Option<i32>,
    /// The restart annotation's stamp, RFC 3339 to the second as `kubectl rollout restart`.
    stamp: String,
    patch: serde_json::Value,
}

pub async fn run(ctx: &Context, args: &RestartArgs) -> anyhow::Result<()> {
    let started = jiff::Timestamp::now();
    let since = args.since;
    let cluster = ctx.connect().await?;
    let brokers = discover_brokers(&cluster, &ctx.selector).await?;
    let chosen =
        select_brokers(&brokers, &args.brokers).map_err(|n| unknown_broker(&n, &brokers, &cluster.namespace))?;
    for b in &chosen {
        require_deployment(b)?;
    }
    let route = ctx.open_route(&cluster, &brokers, kafka_request_timeout(ctx, args.timeout)).await?;
    let result = async {
        let opts = &route.client("restart (its safety checks)")?.opts;
        let (mut min_isr, state) = check_inputs(&ctx.printer, args.force, opts).await?;
        let chosen = rollable(ctx, &cluster, chosen).await?;
        let stamp = started.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        let plan = plan(chosen, state.as_ref(), since, stamp);
        if args.dry_run {
            return print_plan(ctx, &plan, state.as_ref());
        }
        if args.force {
            ctx.printer
                .warn("--force: the safety checks are skipped; partitions may go offline or below min.insync.replicas");
        }
        roll_all(ctx, args, &cluster, opts, &brokers, &plan, &mut min_isr).await?;
        print_done(ctx, &plan)
    }
    .await;
    route.close().await;
    result
}

/// The chosen brokers that can be restarted: a paused Deployment refuses (as kubectl does);
/// one the user scaled to 0 is skipped with a note; one a killed run left stopped is finished.
async fn rollable<'a>(ctx: &Context, cluster: &Cluster, chosen: Vec<&'a Broker>) -> anyhow::Result<Vec<&'a Broker>> {
    let api: Api<Deployment> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let mut out = Vec::new();
    for b in chosen {
        if b.paused {
            return Err(Failure::new(
                ExitCode::Refused,
                format!("can't restart paused deployment {} (run rollout resume first)", b.workload),
            )
            .hint(format!("kubectl -n {} rollout resume deployment/{}", cluster.namespace, b.workload))
            .into());
        }
        if b.desired_replicas == 0 {
            let d = api.get(&b.workload).await.map_err(|e| cluster.api_error(e, "get", "deployments.apps"))?;
            if stopped_for_roll(&d).is_none() {
                ctx.printer.note(&format!("{}: skipped, deployment {} is scaled to 0", b.name, b.workload));
                continue;
            }
            ctx.printer.note(&format!("{}: finishing the roll an earlier run left stopped", b.name));
        }
        out.push(b);
    }
    Ok(out)
}

/// The order (not ready first, quorum leader last) and the brokers --since skips. A newer pod
/// counts as restarted only when it is ready and its broker is registered and in sync now.
fn plan<'a>(chosen: Vec<&'a Broker>, state: Option<&KafkaState>, since: Option<i64>, stamp: String) -> Plan<'a> {
    let candidates: Vec<Candidate> = chosen
        .iter()
        .filter_map(|b| {
            let in_sync = state.is_some_and(|s| {
                b.node_id.is_some_and(|id| {
                    s.registered.contains(&id)
                        && s.partitions.iter().all(|p| !p.replicas.contains(&id) || p.isr.contains(&id))
                })
            });
            Some(Candidate {
                name: b.name.clone(),
                node_id: b.node_id?,
                ready: b.is_ready(),
                pod_started: b
                    .current_pod()
                    .filter(|p| p.ready && in_sync)
                    .and_then(|p| p.created)
                    .map(|t| t.as_millisecond()),
            })
        })
        .collect();
    let (todo, done) = skip_restarted(candidates, since);
    let leader = state.map(|s| s.quorum.leader);
    let patch = restart_patch(&stamp);
    Plan { order: restart_order(todo, leader), done, chosen, leader, stamp, patch }
}

/// --dry-run: the order, what each check says now, and the patch.
fn print_plan(ctx: &Context, plan: &Plan, state: Option<&KafkaState>) -> anyhow::Result<()> {
    for c in &plan.done {
        ctx.printer.note(&format!("{}: skipped, its pod started after --since", c.name));
    }
    let rows: Vec<PlanRow> = plan
        .order
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let found = state.map(|s| blockers(c.node_id, &s.partitions, &s.quorum)).unwrap_or_default();
            let check = if found.is_empty() {
                "ok".to_string()
            } else {
                format!("would refuse: {}", found.iter().map(|b| b.detail.clone()).collect::<Vec<_>>().join("; "))
            };
            PlanRow {
                order: i + 1,
                broker: c.name.clone(),
                node_id: c.node_id,
                ready: c.ready,
                check,
                patch: plan.patch.clone(),
            }
        })
        .collect();
    if ctx.printer.format.is_machine() {
        return ctx.printer.document(&serde_json::json!({"dryRun": true, "plan": rows}));
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let leader_mark = if Some(r.node_id) == plan.leader { " (quorum leader)" } else { "" };
            vec![
                r.order.to_string(),
                format!("{}{leader_mark}", r.broker),
                r.node_id.to_string(),
                r.ready.to_string(),
                r.check.clone(),
            ]
        })
        .collect();
    ctx.printer.table(&["ORDER", "BROKER", "NODE-ID", "READY", "CHECK NOW"], &cells)?;
    ctx.printer.lines(&[String::new(), format!("patch (strategic merge) for each deployment: {}", plan.patch)])?;
    ctx.printer.note("dry run: nothing changed (later checks run against the state after each restart)");
    Ok(())
}

/// Rolls the brokers in order, each after its check passes (waiting), each waited for until
/// rejoined and in sync. Ctrl-C finishes the broker in progress and stops (exit 130).
async fn roll_all(
    ctx: &Context,
    args: &RestartArgs,
    cluster: &Cluster,
    opts: &KafkaOptions,
    brokers: &[Broker],
    plan: &Plan<'_>,
    min_isr: &mut BTreeMap<String, i32>,
) -> anyhow::Result<()> {
    for c in &plan.done {
        ctx.printer.note(&format!("{}: skipped, its pod started after --since", c.name));
    }
    let (ns, stamp) = (&cluster.namespace, &plan.stamp);
    let interrupted = Interrupt::watch(&ctx.printer);
    let stopped = stopped_brokers(brokers);
    let mut restarted = 0;
    for c in &plan.order {
        if interrupted.asked() {
            break;
        }
        let broker = plan.chosen.iter().find(|b| b.name == c.name).expect("chosen broker");
        if !args.force {
            let bar = ctx.printer.progress(&format!("{}: checking", c.name));
            let name = c.name.clone();
            let cleared = wait_until_safe(cluster, opts, min_isr, broker, "restart", args.timeout, &stopped, |m| {
                bar.set_message(format!("{name}: {m}"))
            })
            .await?;
            bar.finish_and_clear();
            if let Cleared::Stuck(reason) = cleared {
                ctx.printer.note(&stuck_note(&c.name, "restarting it", &reason));
            }
        }
        let t0 = std::time::Instant::now();
        roll_broker(cluster, opts, broker, Change::Template(&plan.patch), args.timeout, &ctx.printer).await.map_err(
            |err| {
                Failure::new(ExitCode::Failure, format!("restart of {} did not complete: {err:#}", c.name)).hint(format!(
                    "see `kubectl kafka -n {ns} health`; resume with `kubectl kafka -n {ns} restart --since {stamp}`"
                ))
            },
        )?;
        restarted += 1;
        ctx.printer.note(&format!(
            "{}: restarted, rejoined and in sync as every broker sees it ({:.0}s)",
            c.name,
            t0.elapsed().as_secs_f64()
        ));
    }
    if interrupted.asked() && restarted < plan.order.len() {
        return Err(Failure::new(
            ExitCode::Interrupted,
            format!("interrupted after {restarted} of {} brokers; nothing is half-done", plan.order.len()),
        )
        .hint(format!("resume with `kubectl kafka -n {ns} restart --since {stamp}`"))
        .into());
    }
    Ok(())
}

fn print_done(ctx: &Context, plan: &Plan) -> anyhow::Result<()> {
    if ctx.printer.format.is_machine() {
        return ctx.printer.document(&serde_json::json!({
            "restarted": plan.order.iter().map(|c| &c.name).collect::<Vec<_>>(),
            "skipped": plan.done.iter().map(|c| &c.name).collect::<Vec<_>>(),
        }));
    }
    ctx.printer.lines(&plan.order.iter().map(|c| format!("deployment.apps/{} restarted", c.name)).collect::<Vec<_>>())
}
