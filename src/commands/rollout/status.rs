//! `kubectl kafka rollout-status`: `kubectl rollout status`, then Kafka readiness: each broker
//! registered and back in the ISR of every partition it hosts.

use crate::cli::RolloutStatusArgs;
use crate::cluster::discovery::discover_brokers;
use crate::cluster::model::select_brokers;
use crate::commands::Context;
use crate::commands::rollout::{kafka_request_timeout, require_deployment, wait_broker};
use crate::commands::status::unknown_broker;
use crate::exit::{ExitCode, Failure};

pub async fn run(ctx: &Context, args: &RolloutStatusArgs) -> anyhow::Result<()> {
    let cluster = ctx.connect().await?;
    let brokers = discover_brokers(&cluster, &ctx.selector).await?;
    let names: Vec<String> = args.broker.iter().cloned().collect();
    let chosen = select_brokers(&brokers, &names).map_err(|n| unknown_broker(&n, &brokers, &cluster.namespace))?;
    let route = ctx.open_route(&cluster, &brokers, kafka_request_timeout(ctx, args.timeout)).await?;
    let result = async {
        let opts = &route.client("rollout-status")?.opts;
        for b in chosen {
            require_deployment(b)?;
            if b.desired_replicas == 0 {
                ctx.printer.lines(&[format!("{}: scaled to 0 (stopped)", b.name)])?;
                continue;
            }
            wait_broker(&cluster, opts, b, args.timeout, &ctx.printer)
                .await
                .map_err(|err| Failure::new(ExitCode::NotReady, format!("{}: {err:#}", b.name)))?;
            ctx.printer.lines(&[format!("{}: successfully rolled out, registered and in sync", b.name)])?;
        }
        Ok(())
    }
    .await;
    route.close().await;
    result
}
