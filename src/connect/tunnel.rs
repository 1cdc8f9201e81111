//! Port-forward tunnels: a local listener per broker; each accepted connection opens a kube
//! port-forward to that broker's current pod and runs the relay over it. The pod is looked up
//! per connection, so after a pod is replaced the next connection reaches the new one.

use std::net::SocketAddr;
use std::sync::Arc;

use k8s_openapi::api::core::v1::Pod;
use kube::Api;
use kube::api::ListParams;
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;

use super::Target;
use super::relay::{AddressMap, relay};

/// Where to listen: 127.0.0.1 with an ephemeral port, or fixed ports by node id.
#[derive(Debug, Clone, Default)]
pub struct ListenPlan {
    pub host: String,
    /// node id -> port; brokers not listed get an ephemeral port.
    pub fixed: std::collections::HashMap<i32, u16>,
}

/// A live listener of one broker.
#[derive(Debug, Clone)]
pub struct Listener {
    pub name: String,
    pub node_id: i32,
    pub local: SocketAddr,
}

/// The running tunnels. Dropping them closes every listener and connection.
pub struct Tunnels {
    pub listeners: Vec<Listener>,
    tasks: JoinSet<()>,
}

impl Tunnels {
    /// `host:port,host:port,...` for a client's bootstrap.servers.
    pub fn bootstrap(&self) -> String {
        self.listeners.iter().map(|l| l.local.to_string()).collect::<Vec<_>>().join(",")
    }

    /// Stops accepting and closes every open connection.
    pub async fn shutdown(mut self) {
        self.tasks.shutdown().await;
    }
}

/// Binds a listener per target and starts serving. Fails if a fixed port is taken.
pub async fn open_tunnels(
    client: kube::Client,
    namespace: &str,
    targets: &[Target],
    plan: &ListenPlan,
) -> anyhow::Result<Tunnels> {
    let host = if plan.host.is_empty() { "127.0.0.1" } else { plan.host.as_str() };
    let mut bound = Vec::new();
    for target in targets {
        let port = plan.fixed.get(&target.node_id).copied().unwrap_or(0);
        let listener = TcpListener::bind((host, port)).await.map_err(|err| {
            anyhow::anyhow!("listen on {host}:{port} for broker {} (node {}): {err}", target.name, target.node_id)
        })?;
        bound.push((target.clone(), listener));
    }
    let map = Arc::new(AddressMap::new(
        bound.iter().map(|(t, l)| (t.node_id, host.to_string(), l.local_addr().map(|a| a.port()).unwrap_or(0))),
    ));
    let pods: Api<Pod> = Api::namespaced(client, namespace);
    let mut tasks = JoinSet::new();
    let mut listeners = Vec::new();
    for (target, listener) in bound {
        listeners.push(Listener { name: target.name.clone(), node_id: target.node_id, local: listener.local_addr()? });
        tasks.spawn(serve(listener, target, pods.clone(), map.clone()));
    }
    Ok(Tunnels { listeners, tasks })
}

/// Accepts connections until aborted; each runs in its own task, aborted with this one.
async fn serve(listener: TcpListener, target: Target, pods: Api<Pod>, map: Arc<AddressMap>) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((socket, peer)) => {
                    let (target, pods, map) = (target.clone(), pods.clone(), map.clone());
                    connections.spawn(async move {
                        match carry(socket, &target, &pods, map).await {
                            // No ready pod, or the port-forward refused: the client sees the
                            // connection close and tries another broker; -v tells why.
                            Err(Carry::Open(err)) => tracing::info!("broker {}: {err:#}", target.name),
                            // A peer closing mid-stream is how connections end; not news.
                            Err(Carry::Stream(err)) => tracing::debug!("connection from {peer} to broker {}: {err}", target.name),
                            Ok(()) => {}
                        }
                    });
                }
                Err(err) => tracing::warn!("accept on {:?}: {err}", listener.local_addr()),
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

/// How a relayed connection failed: opening the tunnel, or while carrying bytes.
enum Carry {
    Open(anyhow::Error),
    Stream(std::io::Error),
}

impl From<anyhow::Error> for Carry {
    fn from(err: anyhow::Error) -> Carry {
        Carry::Open(err)
    }
}

async fn carry(socket: TcpStream, target: &Target, pods: &Api<Pod>, map: Arc<AddressMap>) -> Result<(), Carry> {
    socket.set_nodelay(true).ok();
    let pod = current_pod(pods, target).await.map_err(Carry::Open)?;
    tracing::debug!("broker {} (node {}): port-forward to pod {pod}:{}", target.name, target.node_id, target.port);
    let mut forwarder = pods
        .portforward(&pod, &[target.port])
        .await
        .map_err(|err| anyhow::anyhow!("port-forward to pod {pod} port {}: {err}", target.port))?;
    let stream = forwarder
        .take_stream(target.port)
        .ok_or_else(|| anyhow::anyhow!("port-forward to pod {pod} gave no stream"))?;
    let stats = relay(socket, stream, map).await;
    forwarder.abort();
    let _ = forwarder.join().await;
    let stats = stats.map_err(Carry::Stream)?;
    tracing::debug!("broker {}: connection closed: {stats:?}", target.name);
    Ok(())
}

/// The broker's pod to reach now: the newest ready pod that is not terminating.
pub async fn current_pod(pods: &Api<Pod>, target: &Target) -> anyhow::Result<String> {
    let list = pods.list(&ListParams::default().labels(&target.pod_selector)).await?;
    pick_pod(&list.items).ok_or_else(|| {
        anyhow::anyhow!(
            "broker {} (node {}) has no ready pod matching {}",
            target.name,
            target.node_id,
            target.pod_selector
        )
    })
}

/// Newest ready, non-terminating pod.
pub fn pick_pod(pods: &[Pod]) -> Option<String> {
    pods.iter()
        .filter(|p| p.metadata.deletion_timestamp.is_none())
        .filter(|p| {
            p.status
                .as_ref()
                .and_then(|s| s.conditions.as_ref())
                .is_some_and(|c| c.iter().any(|c| c.type_ == "Ready" && c.status == "True"))
        })
        .max_by_key(|p| p.metadata.creation_timestamp.as_ref().map(|t| t.0))
        .and_then(|p| p.metadata.name.clone())
}
