//! `kubectl kafka rollback`: `kubectl rollout undo` for broker Deployments, with the restart
//! safety checks before and the Kafka waits after; `--all` goes one broker at a time.

use k8s_openapi::api::apps::v1::Deployment;
use kube::Api;

use crate::cli::RollbackArgs;
use crate::cluster::discovery::discover_brokers;
use crate::cluster::model::select_brokers;
use crate::cluster::{Broker, Cluster};
use crate::commands::Context;
use crate::commands::rollout::{
    Change, Cleared, Interrupt, kafka_request_timeout, min_isr_by_topic, require_deployment, roll_broker,
    stopped_brokers, stuck_note, wait_until_safe,
};
use crate::commands::status::unknown_broker;
use crate::exit::{ExitCode, Failure};
use crate::kafka::KafkaOptions;
use crate::output::Outcome;
use crate::release::rollback_allowed;
use crate::rollout::apply::{replica_sets, send_undo};
use crate::rollout::strategy::stopped_for_roll;
use crate::rollout::undo::{UndoPlan, image_in_patch, plan_undo};

pub async fn run(ctx: &Context, args: &RollbackArgs) -> anyhow::Result<()> {
    let cluster = ctx.connect().await?;
    let brokers = discover_brokers(&cluster, &ctx.selector).await?;
    let names: Vec<String> = args.broker.iter().cloned().collect();
    let chosen = select_brokers(&brokers, &names).map_err(|n| unknown_broker(&n, &brokers, &cluster.namespace))?;
    for b in &chosen {
        require_deployment(b)?;
    }
    let plans = plan(&cluster, &chosen, args.to_revision).await?;
    let route = ctx.open_route(&cluster, &brokers, kafka_request_timeout(ctx, args.timeout)).await?;
    let result = async {
        let opts = &route.client("rollback (its safety checks)")?.opts;
        version_guard(ctx, args, opts, &plans).await?;
        if args.dry_run {
            return ctx.printer.outcomes(&dry_run_outcomes(&plans)?);
        }
        apply(ctx, args, &cluster, opts, &brokers, &plans).await
    }
    .await;
    route.close().await;
    result
}

/// Plans every broker first: a paused Deployment or a bad revision fails before anything
/// changes.
async fn plan<'a>(
    cluster: &Cluster,
    chosen: &[&'a Broker],
    to_revision: i64,
) -> anyhow::Result<Vec<(&'a Broker, UndoPlan)>> {
    let api: Api<Deployment> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let mut plans = Vec::new();
    for b in chosen {
        if b.paused {
            return Err(Failure::new(
                ExitCode::Refused,
                format!("you cannot roll back paused deployment {}; resume it first", b.workload),
            )
            .hint(format!("kubectl -n {} rollout resume deployment/{}", cluster.namespace, b.workload))
            .into());
        }
        let d = api.get(&b.workload).await.map_err(|e| cluster.api_error(e, "get", "deployments.apps"))?;
        let sets = replica_sets(cluster.client.clone(), &cluster.namespace, &d)
            .await
            .map_err(|e| cluster.api_error(e, "list", "replicasets.apps"))?;
        let plan = plan_undo(&d, &sets, to_revision).map_err(|m| {
            Failure::new(ExitCode::NotFound, format!("rollback of deployment {}: {m}", b.workload))
                .hint(format!("`kubectl kafka -n {} history {}` lists the revisions", cluster.namespace, b.name))
        })?;
        plans.push((*b, plan));
    }
    Ok(plans)
}

/// What `--dry-run` says for each broker: unchanged, or the revision and the JSON patch.
fn dry_run_outcomes(plans: &[(&Broker, UndoPlan)]) -> anyhow::Result<Vec<Outcome>> {
    let mut would = Vec::new();
    for (b, plan) in plans {
        let object = format!("deployment.apps/{}", b.workload);
        would.push(match plan {
            UndoPlan::Skipped { message, .. } => {
                Outcome::new(&object, "unchanged", format!("{object} {message}")).dry_run(true)
            }
            UndoPlan::Patch { to_revision, patch } => Outcome::new(
                &object,
                "rolledBack",
                format!(
                    "{object} would roll back to revision {to_revision} (dry run) with this JSON patch:\n{}",
                    serde_json::to_string_pretty(patch)?
                ),
            )
            .dry_run(true)
            .detail(serde_json::json!({ "toRevision": to_revision, "patch": patch })),
        });
    }
    Ok(would)
}

/// Rolls the planned brokers back one at a time, each after restart's check and with its
/// waits; says what was done so far when one fails or Ctrl-C stops it between brokers.
async fn apply(
    ctx: &Context,
    args: &RollbackArgs,
    cluster: &Cluster,
    opts: &KafkaOptions,
    brokers: &[Broker],
    plans: &[(&Broker, UndoPlan)],
) -> anyhow::Result<()> {
    let api: Api<Deployment> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    if args.force {
        ctx.printer.warn("--force: the safety checks are skipped");
    }
    let mut min_isr = if args.force { Default::default() } else { min_isr_by_topic(opts).await? };
    let stopped = stopped_brokers(brokers);
    let interrupted = Interrupt::watch(&ctx.printer);
    let mut done = Vec::new();
    for (b, plan) in plans {
        let object = format!("deployment.apps/{}", b.workload);
        if interrupted.asked() {
            ctx.printer.outcomes(&done)?;
            return Err(Failure::new(
                ExitCode::Interrupted,
                "interrupted: the brokers rolled back so far are done; nothing is half-done",
            )
            .hint("run the same rollback again for the rest")
            .into());
        }
        let (to_revision, patch) = match plan {
            UndoPlan::Skipped { message, .. } => {
                done.push(Outcome::new(&object, "unchanged", format!("{object} {message}")));
                continue;
            }
            UndoPlan::Patch { to_revision, patch } => (to_revision, patch),
        };
        let d = api.get(&b.workload).await.map_err(|e| cluster.api_error(e, "get", "deployments.apps"))?;
        if b.desired_replicas == 0 && stopped_for_roll(&d).is_none() {
            // No broker runs: the template changes, and it starts as it when scaled up.
            send_undo(&api, &b.workload, patch).await?;
            ctx.printer
                .note(&format!("{}: scaled to 0; the rolled-back template applies when it is scaled up", b.name));
            done.push(rolled_back(&object, *to_revision));
            continue;
        }
        if !args.force {
            let bar = ctx.printer.progress(&format!("{}: checking", b.name));
            let name = b.name.clone();
            let cleared = wait_until_safe(cluster, opts, &mut min_isr, b, "roll back", args.timeout, &stopped, |m| {
                bar.set_message(format!("{name}: {m}"))
            })
            .await?;
            bar.finish_and_clear();
            if let Cleared::Stuck(reason) = cleared {
                ctx.printer.note(&stuck_note(&b.name, "rolling it back", &reason));
            }
        }
        if let Err(err) = roll_broker(cluster, opts, b, Change::Undo(patch), args.timeout, &ctx.printer).await {
            ctx.printer.outcomes(&done)?;
            return Err(Failure::new(ExitCode::Failure, format!("rollback of {} did not complete: {err:#}", b.name))
                .hint(format!("see `kubectl kafka -n {} health` and `history {}`", cluster.namespace, b.name))
                .into());
        }
        done.push(rolled_back(&object, *to_revision));
    }
    ctx.printer.outcomes(&done)
}

/// A rollback that changes a broker's image must land on a Kafka version that can run the
/// cluster's finalized metadata.version: after `upgrade --finalize` the old version cannot
/// (its brokers would not start). Refused (exit 9) unless --force; an unreadable level refuses
/// too.
async fn version_guard(
    ctx: &Context,
    args: &RollbackArgs,
    opts: &KafkaOptions,
    plans: &[(&Broker, UndoPlan)],
) -> anyhow::Result<()> {
    let changing: Vec<(&Broker, String)> = plans
        .iter()
        .filter_map(|(b, plan)| match plan {
            UndoPlan::Patch { patch, .. } => {
                let image = image_in_patch(patch, b.container.as_deref()?)?;
                (Some(&image) != b.image.as_ref()).then_some((*b, image))
            }
            UndoPlan::Skipped { .. } => None,
        })
        .collect();
    if changing.is_empty() {
        return Ok(());
    }
    let refuse = |message: String| -> anyhow::Result<()> {
        if args.force {
            ctx.printer.warn(&format!("--force: {message}"));
            return Ok(());
        }
        Err(Failure::new(ExitCode::Refused, message)
            .hint("`kubectl kafka version` shows what is finalized; roll forward with `kubectl kafka upgrade` instead (or --force)")
            .into())
    };
    let level = match crate::commands::upgrade::finalized_level(opts).await {
        Ok(level) => level,
        Err(err) => {
            return refuse(format!(
                "not rolling back: the rollback changes the Kafka image, and the cluster's finalized metadata.version \
                 could not be read to tell whether that version can run it: {err:#}"
            ));
        }
    };
    for (b, image) in changing {
        if let Err(why) = rollback_allowed(&image, level) {
            refuse(format!("not rolling back {}: {why}", b.name))?;
        }
    }
    Ok(())
}

fn rolled_back(object: &str, to_revision: i64) -> Outcome {
    Outcome::new(object, "rolledBack", format!("{object} rolled back to revision {to_revision}"))
        .detail(serde_json::json!({ "toRevision": to_revision }))
}
