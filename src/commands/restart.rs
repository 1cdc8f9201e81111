//! `kubectl kafka restart`: a rolling restart one broker at a time, each only when Kafka can
//! spare it, each waited for until it has rejoined and caught up.

use k8s_openapi::api::apps::v1::Deployment;
use kube::Api;
use serde::Serialize;

use crate::cli::RestartArgs;
use crate::cluster::discovery::discover_brokers;
use crate::cluster::model::select_brokers;
use crate::commands::Context;
use crate::commands::consume::parse_since;
use crate::commands::rolling::{
    Change, Cleared, Interrupt, kafka_request_timeout, kafka_state, min_isr_by_topic, require_deployment, roll_broker,
    stopped_brokers, stuck_note, wait_until_safe,
};
use crate::commands::status::unknown_broker;
use crate::exit::{ExitCode, Failure};
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

pub async fn run(ctx: &Context, args: &RestartArgs) -> anyhow::Result<()> {
    let started = jiff::Timestamp::now();
    let since = match &args.since {
        Some(s) => Some(parse_since(s, started).map_err(|m| Failure::new(ExitCode::Usage, m))?),
        None => None,
    };
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
        // The checks' inputs; with --force an unreadable one is only a warning.
        let mut min_isr = match min_isr_by_topic(opts).await {
            Ok(m) => m,
            Err(err) if args.force => {
                ctx.printer.warn(&format!("--force: {err:#}"));
                Default::default()
            }
            Err(err) => return Err(err),
        };
        let state = match kafka_state(opts, &mut min_isr).await {
            Ok(s) => Some(s),
            Err(err) if args.force => {
                ctx.printer.warn(&format!("--force: {err:#}"));
                None
            }
            Err(err) => return Err(err),
        };
        let leader = state.as_ref().map(|s| s.quorum.leader);
        let api: Api<Deployment> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
        let mut chosen_now = Vec::new();
        for b in &chosen {
            if b.paused {
                return Err(Failure::new(ExitCode::Refused, format!("can't restart paused deployment {} (run rollout resume first)", b.workload))
                    .hint(format!("kubectl -n {} rollout resume deployment/{}", cluster.namespace, b.workload))
                    .into());
            }
            if b.desired_replicas == 0 {
                // Stopped by a roll that was killed half-way: finish it. Otherwise the user
                // stopped it: there is no broker to restart.
                let d = api.get(&b.workload).await.map_err(|e| cluster.api_error(e, "get", "deployments.apps"))?;
                if stopped_for_roll(&d).is_none() {
                    ctx.printer.note(&format!("{}: skipped, deployment {} is scaled to 0", b.name, b.workload));
                    continue;
                }
                ctx.printer.note(&format!("{}: finishing the roll an earlier run left stopped", b.name));
            }
            chosen_now.push(*b);
        }
        let chosen = chosen_now;
        let candidates: Vec<Candidate> = chosen
            .iter()
            .filter_map(|b| {
                let in_sync = state.as_ref().is_some_and(|s| {
                    b.node_id.is_some_and(|id| {
                        s.registered.contains(&id)
                            && s.partitions.iter().all(|p| !p.replicas.contains(&id) || p.isr.contains(&id))
                    })
                });
                Some(Candidate {
                    name: b.name.clone(),
                    node_id: b.node_id?,
                    ready: b.is_ready(),
                    // For --since a newer pod counts as restarted only when it is ready and its
                    // broker is registered and in sync now.
                    pod_started: b
                        .current_pod()
                        .filter(|p| p.ready && in_sync)
                        .and_then(|p| p.created)
                        .map(|t| t.as_millisecond()),
                })
            })
            .collect();
        let (todo, done) = skip_restarted(candidates, since);
        for c in &done {
            ctx.printer.note(&format!("{}: skipped, its pod started after --since", c.name));
        }
        let order = restart_order(todo, leader);
        // RFC 3339 to the second, as `kubectl rollout restart` writes it.
        let stamp = started.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        let patch = restart_patch(&stamp);

        if args.dry_run {
            let rows: Vec<PlanRow> = order
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let found = state.as_ref().map(|s| blockers(c.node_id, &s.partitions, &s.quorum)).unwrap_or_default();
                    let check = if found.is_empty() {
                        "ok".to_string()
                    } else {
                        format!("would refuse: {}", found.iter().map(|b| b.detail.clone()).collect::<Vec<_>>().join("; "))
                    };
                    PlanRow { order: i + 1, broker: c.name.clone(), node_id: c.node_id, ready: c.ready, check, patch: patch.clone() }
                })
                .collect();
            if ctx.printer.format.is_machine() {
                return ctx.printer.document(&serde_json::json!({"dryRun": true, "plan": rows}));
            }
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let leader_mark = if Some(r.node_id) == leader { " (quorum leader)" } else { "" };
                    vec![r.order.to_string(), format!("{}{leader_mark}", r.broker), r.node_id.to_string(), r.ready.to_string(), r.check.clone()]
                })
                .collect();
            ctx.printer.table(&["ORDER", "BROKER", "NODE-ID", "READY", "CHECK NOW"], &cells)?;
            ctx.printer.lines(&[String::new(), format!("patch (strategic merge) for each deployment: {patch}")])?;
            ctx.printer.note("dry run: nothing changed (later checks run against the state after each restart)");
            return Ok(());
        }
        if args.force {
            ctx.printer.warn("--force: the safety checks are skipped; partitions may go offline or below min.insync.replicas");
        }

        let interrupted = Interrupt::watch(&ctx.printer);
        let stopped = stopped_brokers(&brokers);
        let mut restarted = 0;
        for c in &order {
            if interrupted.asked() {
                break;
            }
            let broker = chosen.iter().find(|b| b.name == c.name).expect("chosen broker");
            if !args.force {
                let bar = ctx.printer.progress(&format!("{}: checking", c.name));
                let name = c.name.clone();
                let cleared = wait_until_safe(&cluster, opts, &mut min_isr, broker, "restart", args.timeout, &stopped, |m| bar.set_message(format!("{name}: {m}"))).await?;
                bar.finish_and_clear();
                if let Cleared::Stuck(reason) = cleared {
                    ctx.printer.note(&stuck_note(&c.name, "restarting it", &reason));
                }
            }
            let t0 = std::time::Instant::now();
            roll_broker(&cluster, opts, broker, Change::Template(&patch), args.timeout, &ctx.printer).await.map_err(|err| {
                Failure::new(ExitCode::Failure, format!("restart of {} did not complete: {err:#}", c.name))
                    .hint(format!("see `kubectl kafka -n {} health`; resume with `kubectl kafka -n {} restart --since {stamp}`", cluster.namespace, cluster.namespace))
            })?;
            restarted += 1;
            ctx.printer.note(&format!("{}: restarted, rejoined and in sync as every broker sees it ({:.0}s)", c.name, t0.elapsed().as_secs_f64()));
        }
        if interrupted.asked() && restarted < order.len() {
            return Err(Failure::new(ExitCode::Interrupted, format!("interrupted after {restarted} of {} brokers; nothing is half-done", order.len()))
                .hint(format!("resume with `kubectl kafka -n {} restart --since {stamp}`", cluster.namespace))
                .into());
        }
        if ctx.printer.format.is_machine() {
            ctx.printer.document(&serde_json::json!({"restarted": order.iter().map(|c| &c.name).collect::<Vec<_>>(), "skipped": done.iter().map(|c| &c.name).collect::<Vec<_>>()}))?;
        } else {
            ctx.printer.lines(&order.iter().map(|c| format!("deployment.apps/{} restarted", c.name)).collect::<Vec<_>>())?;
        }
        Ok(())
    }
    .await;
    route.close().await;
    result
}
