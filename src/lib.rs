//! # kubectl-kafka
//!
//! A kubectl plugin for day-2 operations of Apache Kafka (KRaft) on Kubernetes.
//!
//! # Layout
//!
//! - [`cli`]: the command line as clap structs, raw.
//! - [`commands`]: one file per subcommand; the only layer that combines subsystems.
//! - [`cluster`]: where is Kafka in Kubernetes? The kube client and broker discovery.
//! - [`connect`]: how do bytes reach a broker? Port-forward tunnels with the Kafka
//!   address-rewriting relay, exec into a broker pod, or direct.
//! - [`kafka`]: what do we ask Kafka? rdkafka clients, given only a bootstrap address.
//! - [`route`]: the one route a command takes to Kafka, chosen once from `--via`: a Kafka
//!   client or Kafka's own tools in a broker pod, behind one method per question that answers
//!   with the same rows either way (the tool output parsers live here).
//! - [`rollout`]: how do Deployments change safely? Restart order and safety rules, the
//!   `kubectl rollout undo` algorithm, history, progress, scale. Never imports rdkafka.
//! - [`balance`]: what moves where: the pure replica and leader planner behind `rebalance`.
//! - [`health`]: is Kafka healthy, is the deployment sound? Pure judgements over the broker
//!   model and what Kafka said (health verdict, doctor checks).
//! - [`output`]: how it looks: tables, JSON/YAML, warnings, errors. The only layer that prints.
//! - [`completion`]: what `kubectl kafka <TAB>` offers (pure; live values come from commands).
//! - [`exit`]: exit codes and the failures that carry them.
//!
//! Subsystems do not know each other: `cluster` never speaks Kafka, `kafka` never imports kube,
//! `output` never calls either. Decisions (which brokers, what a row says) are pure functions with unit tests;
//! the network calls around them are thin.

pub mod balance;
pub mod cli;
pub mod cluster;
pub mod commands;
pub mod completion;
pub mod connect;
pub mod exit;
pub mod health;
pub mod kafka;
pub mod output;
pub mod release;
pub mod rollout;
pub mod route;

/// Runs a parsed command line to completion.
pub fn run(cli: cli::Cli) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    runtime.block_on(commands::dispatch(cli))
}
