//! One file per subcommand. A command resolves its arguments into a plan, asks the subsystems,
//! and hands rows to the output layer.

use crate::cli::{Cli, Command, GlobalArgs};
use crate::cluster::{Cluster, ClusterOptions};
use crate::output::Printer;
use crate::route::{Backend, RouteOptions, Session};

pub mod completion;
pub mod consume;
pub mod disk;
pub mod doctor;
pub mod groups;
pub mod health;
pub mod man;
pub mod produce;
pub mod proxy;
pub mod quorum;
pub mod rebalance;
pub mod rollout;
pub mod status;
pub mod topics;
pub mod upgrade;
pub mod version;

#[cfg(test)]
mod json_tests;

/// What every command gets: the printer and how to reach the cluster.
#[derive(Clone)]
pub struct Context {
    pub printer: Printer,
    pub cluster: ClusterOptions,
    pub selector: String,
    pub via: crate::connect::via::Via,
    pub verbose: u8,
    /// A cluster client and tool runner given from outside (command tests); None: from the
    /// kubeconfig, and exec into the brokers' pods.
    pub injected: Option<Injected>,
}

/// What command tests put in place of the kubeconfig's cluster and the pods' tools.
#[derive(Clone)]
pub struct Injected {
    pub cluster: Cluster,
    pub runner: Option<std::sync::Arc<dyn crate::route::tools::ToolRunner>>,
    /// The client route's bootstrap (a fake broker's address).
    pub bootstrap: Option<String>,
}

impl Context {
    fn from_global(global: &GlobalArgs) -> Context {
        Context {
            printer: Printer::new(global.output, global.quiet),
            cluster: ClusterOptions {
                kubeconfig: global.kubeconfig.clone(),
                context: global.context.clone(),
                namespace: global.namespace.clone(),
                request_timeout: Some(global.request_timeout).filter(|t| !t.is_zero()),
            },
            selector: global.selector.clone(),
            via: global.via,
            verbose: global.verbose,
            injected: None,
        }
    }

    pub async fn connect(&self) -> anyhow::Result<Cluster> {
        match &self.injected {
            Some(i) => Ok(i.cluster.clone()),
            None => Cluster::connect(&self.cluster).await,
        }
    }

    /// How this command's route opens: `--via`, Kafka requests bounded by `timeout`.
    pub fn route_options(&self, timeout: std::time::Duration) -> RouteOptions {
        RouteOptions {
            via: self.via,
            timeout,
            debug: (self.verbose >= 3).then(|| "broker,protocol".to_string()),
            runner: self.injected.as_ref().and_then(|i| i.runner.clone()),
            bootstrap: self.injected.as_ref().and_then(|i| i.bootstrap.clone()),
        }
    }

    /// The route over already discovered brokers.
    pub async fn open_route(
        &self,
        cluster: &Cluster,
        brokers: &[crate::cluster::Broker],
        timeout: std::time::Duration,
    ) -> anyhow::Result<Backend> {
        crate::route::open(cluster, brokers, &self.route_options(timeout), &self.printer).await
    }

    /// Discovers the brokers and opens the route `--via` asks for; close the session after.
    pub async fn session(&self, timeout: std::time::Duration) -> anyhow::Result<Session> {
        let cluster = self.connect().await?;
        let brokers = crate::cluster::discovery::discover_brokers(&cluster, &self.selector).await?;
        let backend = self.open_route(&cluster, &brokers, timeout).await?;
        Ok(Session { cluster, brokers, backend })
    }
}

pub async fn dispatch(cli: Cli) -> anyhow::Result<()> {
    let ctx = Context::from_global(&cli.global);
    run_command(&ctx, &cli.command).await
}

/// Runs one command in a context (the kubeconfig's, or a test's).
pub async fn run_command(ctx: &Context, command: &Command) -> anyhow::Result<()> {
    match command {
        Command::Status(args) => status::run(ctx, args).await,
        Command::Version(args) => version::run(ctx, args).await,
        Command::Proxy(args) => proxy::run(ctx, args).await,
        Command::Topics(command) => topics::run(ctx, command).await,
        Command::Produce(args) => produce::run(ctx, args).await,
        Command::Consume(args) => consume::run(ctx, args).await,
        Command::Groups(command) => groups::run(ctx, command).await,
        Command::Health(args) => health::run(ctx, args).await,
        Command::Quorum(args) => quorum::run(ctx, args).await,
        Command::Doctor(args) => doctor::run(ctx, args).await,
        Command::Disk(args) => disk::run(ctx, args).await,
        Command::Rebalance(args) => rebalance::run(ctx, args).await,
        Command::ElectLeaders(args) => rebalance::elect::run(ctx, args).await,
        Command::Restart(args) => rollout::restart::run(ctx, args).await,
        Command::Move(args) => rollout::relocate::run(ctx, args).await,
        Command::Rollback(args) => rollout::rollback::run(ctx, args).await,
        Command::Upgrade(args) => upgrade::run(ctx, args).await,
        Command::History(args) => rollout::history::run(ctx, args).await,
        Command::RolloutStatus(args) => rollout::status::run(ctx, args).await,
        Command::Scale(args) => rollout::scale::run(ctx, args).await,
        Command::Completion(args) => completion::run(ctx, args).await,
        Command::Man(args) => man::run(ctx, args).await,
    }
}
