//! `kubectl kafka proxy`: the port-forward tunnels in the foreground, for the user's own tools
//! (kcat, an application, a UI). Each broker gets a local listener; the relay rewrites the
//! addresses brokers advertise to those listeners, so any Kafka client works unchanged.

use serde::Serialize;

use crate::cli::ProxyArgs;
use crate::cluster::access::require_upgrade;
use crate::cluster::discovery::discover_brokers;
use crate::commands::Context;
use crate::connect::tunnel::{ListenPlan, open_tunnels};
use crate::exit::{ExitCode, Failure};
use crate::route::{require_ready, targets_of};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ProxyDocument {
    bootstrap: String,
    brokers: Vec<ProxyBroker>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ProxyBroker {
    name: String,
    node_id: i32,
    listen: String,
    advertised: Option<String>,
}

pub async fn run(ctx: &Context, args: &ProxyArgs) -> anyhow::Result<()> {
    let cluster = ctx.connect().await?;
    let brokers = discover_brokers(&cluster, &ctx.selector).await?;
    // Not-ready brokers get a listener too: the pod is looked up per connection, so a broker
    // that comes back is reachable without restarting the proxy.
    require_ready(&brokers, &cluster.namespace, &ctx.printer)?;
    let targets = targets_of(&brokers);
    for (node, _) in &args.ports {
        if !targets.iter().any(|t| t.node_id == *node) {
            return Err(Failure::new(ExitCode::Usage, format!("--port {node}=...: no broker has node id {node}"))
                .hint(format!(
                    "node ids here: {}",
                    targets.iter().map(|t| t.node_id.to_string()).collect::<Vec<_>>().join(", ")
                ))
                .into());
        }
    }
    let plan = ListenPlan { host: args.address.clone(), fixed: args.ports.iter().copied().collect() };
    require_upgrade(&cluster, "portforward").await?;
    let tunnels = open_tunnels(cluster.client.clone(), &cluster.namespace, &targets, &plan).await.map_err(|err| {
        Failure::new(ExitCode::Failure, format!("{err:#}"))
            .hint("choose another port with --port NODE-ID=PORT, or leave it out for an ephemeral one")
    })?;

    let doc = ProxyDocument {
        bootstrap: tunnels.bootstrap(),
        brokers: tunnels
            .listeners
            .iter()
            .map(|l| ProxyBroker {
                name: l.name.clone(),
                node_id: l.node_id,
                listen: l.local.to_string(),
                advertised: targets
                    .iter()
                    .find(|t| t.node_id == l.node_id)
                    .and_then(|t| t.advertised.as_ref())
                    .map(|(h, p)| format!("{h}:{p}")),
            })
            .collect(),
    };
    if ctx.printer.format.is_machine() {
        ctx.printer.document(&doc)?;
    } else {
        ctx.printer.lines(&[format!("bootstrap: {}", doc.bootstrap)])?;
        let rows: Vec<Vec<String>> = doc
            .brokers
            .iter()
            .map(|b| {
                vec![
                    b.name.clone(),
                    b.node_id.to_string(),
                    b.listen.clone(),
                    b.advertised.clone().unwrap_or_else(|| "<none>".into()),
                ]
            })
            .collect();
        ctx.printer.table(&["NAME", "NODE-ID", "LISTEN", "ADVERTISED"], &rows)?;
    }
    ctx.printer.note(&format!(
        "forwarding {} brokers of namespace {}; Ctrl-C stops",
        doc.brokers.len(),
        cluster.namespace
    ));
    wait_for_stop().await;
    tunnels.shutdown().await;
    ctx.printer.note("stopped");
    Ok(())
}

/// Ctrl-C or SIGTERM.
async fn wait_for_stop() {
    #[cfg(unix)]
    {
        let mut term =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).expect("SIGTERM handler");
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}
