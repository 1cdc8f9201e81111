//! `kubectl kafka scale BROKER --replicas 0|1`: stop a broker (after the restart safety
//! checks) or start it (and wait until it is back in sync).

use k8s_openapi::api::apps::v1::Deployment;
use kube::Api;

use crate::cli::ScaleArgs;
use crate::cluster::discovery::discover_brokers;
use crate::cluster::model::select_brokers;
use crate::commands::Context;
use crate::commands::rollout::{
    Cleared, check_now, kafka_request_timeout, min_isr_by_topic, require_deployment, stuck_note, wait_broker,
    wait_out_of_kafka,
};
use crate::commands::status::unknown_broker;
use crate::exit::{ExitCode, Failure};
use crate::output::Outcome;
use crate::rollout::apply::{scale_patch, send_scale, wait_pods_gone};

pub async fn run(ctx: &Context, args: &ScaleArgs) -> anyhow::Result<()> {
    let (Some(name), Some(replicas)) = (&args.broker, args.replicas) else {
        return super::cluster_size::run(ctx, args).await;
    };
    scale_one(ctx, args, name, replicas).await
}

async fn scale_one(ctx: &Context, args: &ScaleArgs, name: &str, replicas: i32) -> anyhow::Result<()> {
    let cluster = ctx.connect().await?;
    let brokers = discover_brokers(&cluster, &ctx.selector).await?;
    let chosen =
        select_brokers(&brokers, &[name.to_string()]).map_err(|n| unknown_broker(&n, &brokers, &cluster.namespace))?;
    let broker = chosen[0];
    require_deployment(broker)?;
    let object = format!("deployment.apps/{}", broker.workload);
    let detail = serde_json::json!({ "replicas": replicas, "nodeId": broker.node_id });
    let scaled = |line: String| Outcome::new(&object, "scaled", line).detail(detail.clone());
    if broker.desired_replicas == replicas {
        let line = format!("{object} already has {replicas} replicas");
        return ctx.printer.outcomes(&[Outcome::new(&object, "unchanged", line).dry_run(args.dry_run)]);
    }
    if args.dry_run {
        let patch = scale_patch(replicas);
        let line = format!(
            "{object} would be scaled to {replicas} (dry run) with this merge patch on deployments/scale: {patch}"
        );
        let detail = serde_json::json!({ "replicas": replicas, "nodeId": broker.node_id, "patch": patch });
        return ctx.printer.outcomes(&[Outcome::new(&object, "scaled", line).dry_run(true).detail(detail)]);
    }
    // Stopped and started are claims about Kafka (fenced, in sync): only a client can see them.
    crate::route::require_client_route(&ctx.route_options(args.timeout), "scale (its safety checks and in-sync wait)")?;
    let api: Api<Deployment> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    if replicas == 0 {
        if args.force {
            ctx.printer.warn("--force: the safety checks are skipped");
        }
        let route = ctx.open_route(&cluster, &brokers, kafka_request_timeout(ctx, args.timeout)).await?;
        let result = async {
            let opts = &route.client("scale (its safety checks)")?.opts;
            if !args.force {
                let mut min_isr = min_isr_by_topic(opts).await?;
                if let Cleared::Stuck(reason) = check_now(&cluster, opts, &mut min_isr, broker, "stop").await? {
                    ctx.printer.note(&stuck_note(&broker.name, "stopping it", &reason));
                }
            }
            send_scale(&api, &broker.workload, 0)
                .await
                .map_err(|e| cluster.api_error(e, "patch", "deployments.apps/scale"))?;
            // Stopped means stopped for Kafka: the pod gone, and the broker fenced and out of
            // every ISR, so that the next check (another scale, a restart) sees it missing.
            let d = api.get(&broker.workload).await.map_err(|e| cluster.api_error(e, "get", "deployments.apps"))?;
            let bar = ctx.printer.progress(&format!("{}: stopping", broker.name));
            let name = broker.name.clone();
            wait_pods_gone(cluster.client.clone(), &cluster.namespace, &d, args.timeout, |m| {
                bar.set_message(format!("{name}: {m}"))
            })
            .await?;
            if let Some(id) = broker.node_id {
                wait_out_of_kafka(opts, id, args.timeout, |m| bar.set_message(format!("{name}: {m}"))).await?;
            }
            bar.finish_and_clear();
            anyhow::Ok(())
        }
        .await;
        route.close().await;
        result?;
        return ctx.printer.outcomes(&[scaled(format!(
            "{object} scaled to 0: broker {} stopped, fenced and out of every ISR",
            broker.node_id.unwrap_or(-1)
        ))]);
    }
    send_scale(&api, &broker.workload, 1).await.map_err(|e| cluster.api_error(e, "patch", "deployments.apps/scale"))?;
    let route = ctx.open_route(&cluster, &brokers, kafka_request_timeout(ctx, args.timeout)).await?;
    let result = match route.client("scale (its in-sync wait)") {
        Ok(client) => wait_broker(&cluster, &client.opts, broker, args.timeout, &ctx.printer).await,
        Err(err) => Err(err),
    };
    route.close().await;
    result.map_err(|err| {
        Failure::new(ExitCode::NotReady, format!("{} started but is not in sync: {err:#}", broker.name))
    })?;
    ctx.printer.outcomes(&[scaled(format!(
        "{object} scaled to 1: broker {} started and in sync",
        broker.node_id.unwrap_or(-1)
    ))])
}
