//! Reaching the brokers for a command: discovered brokers become transport targets, and the
//! route (`--via`) becomes either a bootstrap address for a Kafka client (direct, or local
//! port-forward tunnels kept open for the command's lifetime) or exec into a broker pod.

use std::time::Duration;

use k8s_openapi::api::core::v1::Pod;
use kube::Api;

use crate::cluster::access::require_upgrade;
use crate::cluster::{Broker, Cluster};
use crate::connect::Target;
use crate::connect::tunnel::{ListenPlan, Tunnels, open_tunnels};
use crate::connect::via::{Chosen, Via, choose};
use crate::exit::{ExitCode, Failure};
use crate::kafka::KafkaOptions;

/// How the command talks to Kafka. Tunnels close when this is dropped.
pub enum Reach {
    Client { opts: KafkaOptions, tunnels: Option<Tunnels> },
    Exec { pods: Api<Pod>, target: Box<Target> },
}

/// The brokers that can be targets: those with a node id and a client listener.
pub fn targets_of(brokers: &[Broker]) -> Vec<Target> {
    brokers
        .iter()
        .filter_map(|b| {
            let node_id = b.node_id?;
            let advertised = b.client_listener().map(|l| (l.host.clone(), l.port));
            Some(Target {
                name: b.name.clone(),
                node_id,
                pod_selector: b.pod_selector(),
                port: b.client_port().unwrap_or(9092),
                advertised,
                container: b.container.clone(),
            })
        })
        .collect()
}

/// Fails, naming them, when no broker is ready; warns about the ones that are not.
pub fn require_ready<'a>(
    brokers: &'a [Broker],
    namespace: &str,
    printer: &crate::output::Printer,
) -> anyhow::Result<Vec<&'a Broker>> {
    let ready: Vec<&Broker> = brokers.iter().filter(|b| b.is_ready()).collect();
    let not_ready: Vec<String> = brokers
        .iter()
        .filter(|b| !b.is_ready())
        .map(|b| format!("{} ({})", b.name, b.not_ready_reason().unwrap_or_default()))
        .collect();
    if ready.is_empty() {
        return Err(Failure::new(
            ExitCode::NotReady,
            format!("no broker in namespace {namespace} is ready: {}", not_ready.join(", ")),
        )
        .hint(format!(
            "`kubectl kafka -n {namespace} status` shows them; `kubectl -n {namespace} get pods` and `describe` say why"
        ))
        .into());
    }
    if !not_ready.is_empty() {
        printer.warn(&format!("not ready, skipped: {}", not_ready.join(", ")));
    }
    Ok(ready)
}

pub async fn reach(
    via: Via,
    cluster: &Cluster,
    brokers: &[Broker],
    ctx: &super::Context,
    timeout: Duration,
) -> anyhow::Result<Reach> {
    let ready = require_ready(brokers, &cluster.namespace, &ctx.printer)?;
    let ready: Vec<Broker> = ready.into_iter().cloned().collect();
    let targets = targets_of(&ready);
    if targets.is_empty() {
        return Err(Failure::new(
            ExitCode::NotFound,
            "no ready broker has a KAFKA_NODE_ID and an advertised client listener",
        )
        .hint("check KAFKA_NODE_ID and KAFKA_ADVERTISED_LISTENERS in the broker workloads' env")
        .into());
    }
    let debug = (ctx.verbose >= 3).then(|| "broker,protocol".to_string());
    match choose(via, &targets).await {
        Chosen::Direct { bootstrap, why } => {
            tracing::info!("transport: direct to {bootstrap} ({why})");
            Ok(Reach::Client { opts: KafkaOptions { bootstrap, timeout, debug }, tunnels: None })
        }
        Chosen::PortForward { why } => {
            tracing::info!("transport: port-forward ({why})");
            // Every broker gets a listener, ready or not: a client that learns of a broker
            // that is down then fails fast on its local port instead of on a name that does
            // not resolve here, and picks another. Only ready ones bootstrap.
            let all = targets_of(brokers);
            let plan = ListenPlan::default();
            let (access, tunnels) = tokio::join!(
                require_upgrade(cluster, "portforward"),
                open_tunnels(cluster.client.clone(), &cluster.namespace, &all, &plan)
            );
            access?;
            let tunnels = tunnels?;
            for l in &tunnels.listeners {
                tracing::info!("broker {} (node {}) on {}", l.name, l.node_id, l.local);
            }
            let bootstrap = tunnels
                .listeners
                .iter()
                .filter(|l| targets.iter().any(|t| t.node_id == l.node_id))
                .map(|l| l.local.to_string())
                .collect::<Vec<_>>()
                .join(",");
            Ok(Reach::Client { opts: KafkaOptions { bootstrap, timeout, debug }, tunnels: Some(tunnels) })
        }
        Chosen::Exec => {
            require_upgrade(cluster, "exec").await?;
            let target = targets.into_iter().next().expect("checked non-empty");
            tracing::info!("transport: exec in a pod of broker {}", target.name);
            Ok(Reach::Exec {
                pods: Api::namespaced(cluster.client.clone(), &cluster.namespace),
                target: Box::new(target),
            })
        }
    }
}

impl Reach {
    /// Closes the tunnels, if any.
    pub async fn close(self) {
        if let Reach::Client { tunnels: Some(t), .. } = self {
            t.shutdown().await;
        }
    }
}

/// A Kafka client route for the commands that need one (everything but exec): the cluster,
/// its brokers, and a bootstrap address valid until `close`.
pub struct Session {
    pub cluster: Cluster,
    pub brokers: Vec<Broker>,
    pub opts: KafkaOptions,
    route: Reach,
}

impl Session {
    /// Discovers the brokers and opens the route; `--via exec` is refused, naming `command`.
    pub async fn open(ctx: &super::Context, timeout: Duration, command: &str) -> anyhow::Result<Session> {
        let (cluster, brokers, route) = open_route(ctx, timeout).await?;
        let opts = match &route {
            Reach::Client { opts, .. } => opts.clone(),
            Reach::Exec { .. } => {
                return Err(Failure::new(
                    ExitCode::Usage,
                    format!("{command} needs a Kafka client route: use --via port-forward (the default outside the cluster) or direct"),
                )
                .hint("--via exec serves topics list/describe/create/alter-config, produce, consume, groups, quorum and disk")
                .into());
            }
        };
        Ok(Session { cluster, brokers, opts, route })
    }

    pub fn tunnelled(&self) -> bool {
        matches!(self.route, Reach::Client { tunnels: Some(_), .. })
    }

    /// A Kafka request that got no answer, with what to try.
    pub fn unreachable(&self, err: anyhow::Error) -> anyhow::Error {
        super::topics::unreachable_kafka(err, self.tunnelled())
    }

    pub async fn close(self) {
        self.route.close().await;
    }
}

/// The topic, or a failure saying it does not exist and where to look.
pub fn require_topic<'a>(
    meta: &'a crate::kafka::metadata::ClusterMeta,
    topic: &str,
    namespace: &str,
) -> anyhow::Result<&'a crate::kafka::metadata::TopicMeta> {
    meta.topics.iter().find(|t| t.name == topic && t.error.is_none()).ok_or_else(|| {
        Failure::new(ExitCode::NotFound, format!("topic {topic} does not exist"))
            .hint(format!(
                "`kubectl kafka -n {namespace} topics list` shows the topics; `topics create {topic}` makes it"
            ))
            .into()
    })
}

/// Discovers the brokers and opens the route `--via` asks for (for `--via exec`: a broker
/// pod to run Kafka's scripts in); close the route after.
pub async fn open_route(ctx: &super::Context, timeout: Duration) -> anyhow::Result<(Cluster, Vec<Broker>, Reach)> {
    let cluster = ctx.connect().await?;
    let brokers = crate::cluster::discovery::discover_brokers(&cluster, &ctx.selector).await?;
    let route = reach(ctx.via, &cluster, &brokers, ctx, timeout).await?;
    Ok((cluster, brokers, route))
}

/// Runs one of Kafka's scripts (`kafka-topics.sh`) in the exec route's broker pod, against
/// that pod's broker; `stdin` is streamed to it and closed at its end.
pub async fn run_tool(
    route: &Reach,
    script: &str,
    args: &[String],
    stdin: Option<Box<dyn tokio::io::AsyncRead + Send + Unpin>>,
) -> anyhow::Result<crate::connect::exec::ExecOutput> {
    let Reach::Exec { pods, target } = route else { unreachable!("{script} runs over the exec route") };
    crate::connect::exec::run_in_pod(pods, target, &crate::connect::exec::kafka_tool(script, target.port, args), stdin)
        .await
}

/// A script that exited non-zero, in its own words, and how to run it by hand.
pub fn tool_failed(script: &str, out: &crate::connect::exec::ExecOutput) -> anyhow::Error {
    Failure::new(ExitCode::Failure, format!("{script} in pod {} exited {}: {}", out.pod, out.code, out.complaint()))
        .hint(format!(
            "run it by hand: kubectl exec -it {} -- {}/{script} ...",
            out.pod,
            crate::connect::exec::KAFKA_BIN
        ))
        .into()
}

/// Runs a script without stdin and returns its stdout, or `tool_failed`.
pub async fn exec_tool(route: &Reach, script: &str, args: &[String]) -> anyhow::Result<String> {
    let out = run_tool(route, script, args, None).await?;
    if out.code != 0 {
        return Err(tool_failed(script, &out));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
