//! The one route to Kafka a command takes, chosen once from `--via`: a Kafka client
//! (port-forward tunnels with the relay, or direct) or Kafka's own tools in a broker pod. Each
//! question is one method of [`Backend`], answered with the same typed rows on both routes,
//! or with the one "not supported over this route" error made here. Commands hold no
//! route-specific branches: this is the only place `--via` is matched.

pub mod client;
pub mod rows;
pub mod stream;
pub mod tools;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use kube::Api;

use crate::cluster::access::require_upgrade;
use crate::cluster::{Broker, Cluster};
use crate::connect::Target;
use crate::connect::tunnel::{ListenPlan, open_tunnels};
use crate::connect::via::{Chosen, Via, choose};
use crate::exit::{ExitCode, Failure};
use crate::kafka::KafkaOptions;
use crate::kafka::admin::TopicSpec;
use crate::kafka::groups::{ResetRow, ResetTo};
use crate::kafka::logdirs::LogDirUsage;
use crate::kafka::metadata::TopicSummary;
use crate::kafka::quorum::Quorum;
use crate::output::Printer;

pub use client::{ClientRoute, unreachable_kafka};
use rows::{GroupDescription, GroupRow, TopicDescription};
pub use tools::ToolsRoute;

/// What `create_topic` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Created {
    Created,
    /// It existed and --if-not-exists accepted that.
    AlreadyThere,
}

/// A topic that exists where a new one was asked for.
pub fn already_exists(topic: &str) -> anyhow::Error {
    Failure::new(ExitCode::Failure, format!("topic {topic} already exists"))
        .hint("pass --if-not-exists to accept an existing topic")
        .into()
}

/// An offset reset: the group, the topic (one partition or all), and where to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResetRequest {
    pub group: String,
    pub topic: String,
    pub partition: Option<i32>,
    pub to: ResetTo,
}

/// How a command reaches Kafka, resolved once.
pub enum Backend {
    Client(ClientRoute),
    Tools(ToolsRoute),
}

/// What a command asked that its route cannot answer: the one error for it, exit 2.
pub fn unsupported(what: &str) -> anyhow::Error {
    Failure::new(
        ExitCode::Usage,
        format!(
            "{what} needs a Kafka client route: use --via port-forward (the default outside the cluster) or direct"
        ),
    )
    .hint("--via exec serves topics, produce, consume, groups, quorum and disk")
    .into()
}

/// Refuses, before anything is opened or changed, a command that needs a client when `--via`
/// names the tools route (for commands that must not change anything they cannot verify).
pub fn require_client_route(options: &RouteOptions, what: &str) -> anyhow::Result<()> {
    match options.via {
        Via::Exec => Err(unsupported(what)),
        Via::Auto | Via::PortForward | Via::Direct => Ok(()),
    }
}

impl Backend {
    /// The Kafka client's settings, for questions only a client can answer (`what` names the
    /// command in the refusal).
    pub fn client(&self, what: &str) -> anyhow::Result<&ClientRoute> {
        match self {
            Backend::Client(c) => Ok(c),
            Backend::Tools(_) => Err(unsupported(what)),
        }
    }

    pub async fn topics(&self, all: bool) -> anyhow::Result<Vec<TopicSummary>> {
        match self {
            Backend::Client(c) => c.topics(all).await,
            Backend::Tools(t) => t.topics(all).await,
        }
    }

    pub async fn describe_topic(&self, topic: &str) -> anyhow::Result<Option<TopicDescription>> {
        match self {
            Backend::Client(c) => c.describe_topic(topic).await,
            Backend::Tools(t) => t.describe_topic(topic).await,
        }
    }

    pub async fn groups(&self) -> anyhow::Result<Vec<GroupRow>> {
        match self {
            Backend::Client(c) => c.groups().await,
            Backend::Tools(t) => t.groups().await,
        }
    }

    pub async fn group_state(&self, group: &str) -> anyhow::Result<Option<(String, usize)>> {
        match self {
            Backend::Client(c) => c.group_state(group).await,
            Backend::Tools(t) => t.group_state(group).await,
        }
    }

    pub async fn describe_group(&self, group: &str) -> anyhow::Result<Option<GroupDescription>> {
        match self {
            Backend::Client(c) => c.describe_group(group).await,
            Backend::Tools(t) => t.describe_group(group).await,
        }
    }

    pub async fn delete_group(&self, group: &str) -> anyhow::Result<()> {
        match self {
            Backend::Client(c) => c.delete_group(group).await,
            Backend::Tools(t) => t.delete_group(group).await,
        }
    }

    /// Creates a topic; `validate_only` (the brokers check it, nothing changes) needs a client.
    pub async fn create_topic(
        &self,
        spec: &TopicSpec,
        if_not_exists: bool,
        validate_only: bool,
        limit: Duration,
    ) -> anyhow::Result<Created> {
        match self {
            Backend::Client(c) => c.create_topic(spec, if_not_exists, validate_only, limit).await,
            Backend::Tools(_) if validate_only => Err(unsupported("--dry-run of topics create")),
            Backend::Tools(t) => t.create_topic(spec, if_not_exists).await,
        }
    }

    /// Sets and deletes topic configs; None when the topic does not exist. `validate_only`
    /// needs a client.
    pub async fn alter_topic_config(
        &self,
        topic: &str,
        set: &[(String, String)],
        delete: &[String],
        validate_only: bool,
    ) -> anyhow::Result<Option<()>> {
        match self {
            Backend::Client(c) => c.alter_topic_config(topic, set, delete, validate_only).await,
            Backend::Tools(_) if validate_only => Err(unsupported("--dry-run of topics alter-config")),
            Backend::Tools(t) => t.alter_topic_config(topic, set, delete).await,
        }
    }

    /// Where a reset would move each partition (current and new offset); None when the
    /// topic does not exist.
    pub async fn reset_plan(&self, request: &ResetRequest) -> anyhow::Result<Option<Vec<ResetRow>>> {
        match self {
            Backend::Client(c) => c.reset_plan(request).await,
            Backend::Tools(t) => t.reset_plan(request).await,
        }
    }

    /// Commits the planned offsets (the group must have no members).
    pub async fn apply_reset(&self, request: &ResetRequest, plan: &[ResetRow]) -> anyhow::Result<()> {
        match self {
            Backend::Client(c) => c.apply_reset(&request.group, plan).await,
            Backend::Tools(t) => t.apply_reset(request).await,
        }
    }

    /// Log-dir usage of each broker asked (by node id); a broker that does not answer is
    /// left out.
    pub async fn log_dirs(&self, brokers: &[i32]) -> anyhow::Result<BTreeMap<i32, Vec<LogDirUsage>>> {
        match self {
            Backend::Client(c) => c.log_dirs(brokers).await,
            Backend::Tools(t) => t.log_dirs(brokers).await,
        }
    }

    pub async fn quorum(&self) -> anyhow::Result<Quorum> {
        match self {
            Backend::Client(c) => c.quorum().await,
            Backend::Tools(t) => t.quorum().await,
        }
    }

    /// How long a quick question may take on this route before a command gives up on it (a
    /// round trip for a client; a JVM start per script on the tools route).
    pub fn quick_limit(&self) -> Duration {
        match self {
            Backend::Client(_) => Duration::from_secs(3),
            Backend::Tools(_) => Duration::from_secs(10),
        }
    }

    /// Every topic's partitions with their leaders and ISRs, as one broker answers (internal
    /// topics too); the brokers too where the route can tell (the client route).
    pub async fn partitions(&self) -> anyhow::Result<crate::kafka::metadata::ClusterMeta> {
        match self {
            Backend::Client(c) => crate::kafka::metadata::quick_metadata(&c.opts).await.map_err(|e| c.unreachable(e)),
            Backend::Tools(t) => t.partitions().await,
        }
    }

    /// Each broker's own ApiVersions answer (the release it runs): only a client can ask each
    /// broker; the tools route answers with none.
    pub async fn features_of_each(
        &self,
        brokers: &[crate::kafka::metadata::BrokerMeta],
    ) -> Vec<(i32, anyhow::Result<crate::kafka::features::BrokerFeatures>)> {
        match self {
            Backend::Client(c) => crate::kafka::features::features_of_each(&c.opts, brokers).await,
            Backend::Tools(_) => Vec::new(),
        }
    }

    /// An integer config of each topic named (e.g. min.insync.replicas); topics whose value
    /// could not be read are listed as failed, never guessed.
    pub async fn topic_int_configs(
        &self,
        topics: &[String],
        name: &str,
    ) -> anyhow::Result<crate::kafka::admin::IntConfigs> {
        match self {
            Backend::Client(c) => crate::kafka::admin::topic_int_config(&c.opts, topics, name).await,
            Backend::Tools(t) => t.topic_int_configs(topics, name).await,
        }
    }

    /// An integer config of broker `id` as that broker reports it (e.g. the quorum's fetch
    /// timeout), else of `fallback`.
    pub async fn broker_int_config(&self, id: i32, fallback: Option<i32>, name: &str) -> anyhow::Result<i64> {
        let read = match self {
            Backend::Client(c) => crate::kafka::admin::broker_int_config(&c.opts, id, name).await,
            Backend::Tools(t) => t.broker_int_config(id, name).await,
        };
        match (read, fallback) {
            (Err(_), Some(other)) if other != id => Box::pin(self.broker_int_config(other, None, name)).await,
            (read, _) => read,
        }
    }

    /// Closes the tunnels, if any.
    pub async fn close(self) {
        if let Backend::Client(ClientRoute { tunnels: Some(t), .. }) = self {
            t.shutdown().await;
        }
    }
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
pub fn require_ready<'a>(brokers: &'a [Broker], namespace: &str, printer: &Printer) -> anyhow::Result<Vec<&'a Broker>> {
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

/// How to open a route: `--via`, the Kafka request timeout, librdkafka debug contexts.
#[derive(Clone)]
pub struct RouteOptions {
    pub via: Via,
    pub timeout: Duration,
    pub debug: Option<String>,
    /// What runs Kafka's tools on the tools route (None: exec in the broker's pod). Command
    /// tests pass a fake.
    pub runner: Option<Arc<dyn tools::ToolRunner>>,
    /// A bootstrap list the client route uses directly, whatever `--via` says of Kafka clients
    /// (command tests point it at a fake broker). None: chosen as `--via` says.
    pub bootstrap: Option<String>,
}

/// Resolves `--via` into the backend: the only place the route is chosen.
pub async fn open(
    cluster: &Cluster,
    brokers: &[Broker],
    options: &RouteOptions,
    printer: &Printer,
) -> anyhow::Result<Backend> {
    let ready = require_ready(brokers, &cluster.namespace, printer)?;
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
    let opts = |bootstrap| KafkaOptions { bootstrap, timeout: options.timeout, debug: options.debug.clone() };
    let chosen = match (&options.bootstrap, options.via) {
        (Some(bootstrap), Via::Auto | Via::PortForward | Via::Direct) => {
            Chosen::Direct { bootstrap: bootstrap.clone(), why: "the bootstrap given".into() }
        }
        _ => choose(options.via, &targets).await,
    };
    match chosen {
        Chosen::Direct { bootstrap, why } => {
            tracing::info!("transport: direct to {bootstrap} ({why})");
            Ok(Backend::Client(ClientRoute { opts: opts(bootstrap), tunnels: None }))
        }
        Chosen::PortForward { why } => {
            tracing::info!("transport: port-forward ({why})");
            // Every broker gets a listener, ready or not: a client that learns of a broker
            // that is down then fails fast on its local port instead of on a name that does
            // not resolve here, and picks another. Only ready ones bootstrap. A listener opens
            // its port-forward only when a client connects to it.
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
            Ok(Backend::Client(ClientRoute { opts: opts(bootstrap), tunnels: Some(tunnels) }))
        }
        Chosen::Exec => {
            require_upgrade(cluster, "exec").await?;
            let target = targets.into_iter().next().expect("checked non-empty");
            tracing::info!("transport: exec in a pod of broker {}", target.name);
            let runner: Arc<dyn tools::ToolRunner> = match &options.runner {
                Some(runner) => runner.clone(),
                None => Arc::new(tools::PodRunner {
                    pods: Api::namespaced(cluster.client.clone(), &cluster.namespace),
                    target,
                }),
            };
            Ok(Backend::Tools(ToolsRoute::new(runner)))
        }
    }
}

/// A command's cluster, brokers and route, open until `close`.
pub struct Session {
    pub cluster: Cluster,
    pub brokers: Vec<Broker>,
    pub backend: Backend,
}

impl Session {
    pub async fn close(self) {
        self.backend.close().await;
    }
}

/// The topic, or a failure saying it does not exist and where to look.
pub fn missing_topic(topic: &str, namespace: &str) -> anyhow::Error {
    Failure::new(ExitCode::NotFound, format!("topic {topic} does not exist"))
        .hint(format!("`kubectl kafka -n {namespace} topics list` shows the topics; `topics create {topic}` makes it"))
        .into()
}

/// The topic's metadata, or `missing_topic`.
pub fn require_topic<'a>(
    meta: &'a crate::kafka::metadata::ClusterMeta,
    topic: &str,
    namespace: &str,
) -> anyhow::Result<&'a crate::kafka::metadata::TopicMeta> {
    meta.topics.iter().find(|t| t.name == topic && t.error.is_none()).ok_or_else(|| missing_topic(topic, namespace))
}
