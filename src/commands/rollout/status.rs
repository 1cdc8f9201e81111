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
        for b in &chosen {
            require_deployment(b)?;
        }
        let mut rows = Vec::new();
        for b in chosen {
            if b.desired_replicas == 0 {
                rows.push(BrokerRollout { broker: b.name.clone(), state: RolloutState::Stopped, reason: None });
                ctx.printer.note(&format!("{}: scaled to 0 (stopped)", b.name));
                continue;
            }
            if let Err(err) = wait_broker(&cluster, opts, b, args.timeout, &ctx.printer).await {
                let reason = format!("{err:#}");
                rows.push(BrokerRollout {
                    broker: b.name.clone(),
                    state: RolloutState::NotReady,
                    reason: Some(reason.clone()),
                });
                // Scripts get the document with the broker that did not make it; people the error.
                if ctx.printer.format.is_machine() {
                    ctx.printer.document(&serde_json::json!({ "brokers": rows }))?;
                }
                return Err(Failure::new(ExitCode::NotReady, format!("{}: {reason}", b.name)).into());
            }
            if !ctx.printer.format.is_machine() {
                ctx.printer.lines(&[format!("{}: successfully rolled out, registered and in sync", b.name)])?;
            }
            rows.push(BrokerRollout { broker: b.name.clone(), state: RolloutState::InSync, reason: None });
        }
        if ctx.printer.format.is_machine() {
            ctx.printer.document(&serde_json::json!({ "brokers": rows }))?;
        }
        Ok(())
    }
    .await;
    route.close().await;
    result
}

/// Where one broker's rollout stands, for `-o json|yaml`.
#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct BrokerRollout {
    broker: String,
    state: RolloutState,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
enum RolloutState {
    /// Rolled out, registered with the controller and in every ISR it belongs to.
    InSync,
    /// Scaled to 0 on purpose.
    Stopped,
    /// Not there within the timeout.
    NotReady,
}
