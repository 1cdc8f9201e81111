//! The command line, as clap structs. They stay raw here; each command turns its args into a
//! typed plan before acting (parse, then resolve).

use crate::kafka::consume::StartAt;
use crate::kafka::produce::{Acks, Compression};
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

pub use crate::connect::via::Via;
pub use crate::output::OutputFormat;

/// Day-2 operations for Apache Kafka (KRaft) running on Kubernetes.
///
/// Finds the brokers by label (default app=kafka) in the current namespace and works with them
/// through the Kubernetes API.
#[derive(Debug, Parser)]
#[command(
    name = "kubectl kafka",
    bin_name = "kubectl kafka",
    version,
    propagate_version = true,
    after_help = "Examples:\n  kubectl kafka -n kafka status\n  kubectl kafka -n kafka status -o wide\n  kubectl kafka version"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes, named as kubectl names them.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Namespace of the Kafka brokers [default: the current context's namespace]
    #[arg(short = 'n', long, global = true, env = "KUBECTL_KAFKA_NAMESPACE")]
    pub namespace: Option<String>,

    /// The kubeconfig context to use [default: the current context]
    #[arg(long, global = true)]
    pub context: Option<String>,

    /// Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]
    #[arg(long, global = true)]
    pub kubeconfig: Option<PathBuf>,

    /// Label selector that finds the broker workloads
    #[arg(short = 'l', long, global = true, default_value = "app=kafka", env = "KUBECTL_KAFKA_SELECTOR")]
    pub selector: String,

    /// Output format
    #[arg(short = 'o', long, global = true, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,

    /// Print only data and errors: no progress, warnings or hints
    #[arg(short = 'q', long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Log what is done and why to stderr (-v info, -vv debug, -vvv trace)
    #[arg(short = 'v', long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// How to reach the brokers: auto (direct if the advertised names answer, else
    /// port-forward), port-forward, exec or direct
    #[arg(long, global = true, value_enum, default_value_t = Via::Auto, env = "KUBECTL_KAFKA_VIA")]
    pub via: Via,

    /// Time limit of each request to the API server (and of each Kafka request of the rollout
    /// commands), e.g. 30s, 1m; 0 means no limit
    #[arg(long, global = true, value_parser = parse_duration, default_value = "30s")]
    pub request_timeout: Duration,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the brokers: one row per broker, from their Deployments and pods
    #[command(
        after_help = "Examples:\n  kubectl kafka -n kafka status\n  kubectl kafka -n kafka status -o wide\n  kubectl kafka -n kafka status kafka-2 -o json"
    )]
    Status(StatusArgs),
    /// Show the plugin's, the Kubernetes server's and each broker's Kafka version
    #[command(
        after_help = "Each broker's Kafka version is read from the broker itself (the metadata.version levels its\nsoftware supports), next to the image its pod runs; then the cluster's finalized features.\nExamples:\n  kubectl kafka -n kafka version\n  kubectl kafka version --client"
    )]
    Version(VersionArgs),
    /// Forward every broker to a local port, rewriting advertised addresses, for your own tools
    #[command(
        after_help = "Examples:\n  kubectl kafka -n kafka proxy\n  kcat -b $(kubectl kafka -n kafka proxy -o json | jq -r .bootstrap) -L   # (in another shell)\n  kubectl kafka -n kafka proxy --port 1=19092 --port 2=19093 --port 3=19094"
    )]
    Proxy(ProxyArgs),
    /// Work with topics
    #[command(subcommand)]
    Topics(TopicsCommand),
    /// Produce records from stdin (a line each, or JSON lines) or a file
    #[command(
        after_help = "Examples:\n  kubectl kafka -n kafka produce my-topic                 # type lines, Ctrl-D ends\n  seq 100 | kubectl kafka -n kafka produce my-topic --key-separator :\n  kubectl kafka -n kafka consume src --format json | kubectl kafka -n kafka produce dst --format json"
    )]
    Produce(ProduceArgs),
    /// Consume records and print them
    #[command(
        after_help = "Examples:\n  kubectl kafka -n kafka consume my-topic --from-beginning\n  kubectl kafka -n kafka consume my-topic --offset -10 --format json\n  kubectl kafka -n kafka consume my-topic --since 15m -f\n  kubectl kafka -n kafka consume my-topic --group billing --max-messages 100"
    )]
    Consume(ConsumeArgs),
    /// Consumer groups: list, describe, reset offsets, delete
    #[command(subcommand)]
    Groups(GroupsCommand),
    /// One verdict on the cluster, then the reasons (pods, brokers, quorum, partitions)
    #[command(
        after_help = "Exit codes: 0 healthy, 8 degraded, 4 unreachable.\nExamples:\n  kubectl kafka -n kafka health\n  kubectl kafka -n kafka health --wait --timeout 5m"
    )]
    Health(HealthArgs),
    /// The KRaft controller quorum: leader, epoch, and each voter's progress
    Quorum(QuorumArgs),
    /// Check the deployment for the mistakes that break it (exit 8 on an error)
    Doctor(DoctorArgs),
    /// Log-dir use per broker (DescribeLogDirs) against the PVC's capacity
    Disk(DiskArgs),
    /// Restart brokers one at a time, only when it is safe (like `kubectl rollout restart`)
    #[command(
        after_help = "Order: brokers not ready first, the active controller last. Before each broker the\nmin.insync.replicas and quorum checks must pass (--force skips them).\nExamples:\n  kubectl kafka -n kafka restart --dry-run\n  kubectl kafka -n kafka restart\n  kubectl kafka -n kafka restart kafka-2\n  kubectl kafka -n kafka restart --since 2026-11-25T08:00:00Z   # resume an interrupted restart"
    )]
    Restart(RestartArgs),
    /// Spread partition replicas and leaders evenly over the brokers (plan by default)
    #[command(
        after_help = "Without --execute it prints the plan and changes nothing. The plan moves as few replicas as\nit can; moving leaders only reorders replicas. --throttle limits the copy rate on the brokers\ninvolved (as kafka-reassign-partitions.sh does) and is always removed at the end, on cancel\nand on Ctrl-C.\nExamples:\n  kubectl kafka -n kafka rebalance\n  kubectl kafka -n kafka rebalance --execute --throttle 50MB\n  kubectl kafka -n kafka rebalance --exclude-broker 3 --execute   # drain broker 3\n  kubectl kafka -n kafka rebalance --to-file plan.json            # kafka-reassign-partitions.sh format\n  kubectl kafka -n kafka rebalance status\n  kubectl kafka -n kafka rebalance cancel --yes"
    )]
    Rebalance(RebalanceArgs),
    /// Move leadership back to each partition's preferred replica (ElectLeaders), with a skew report
    #[command(
        after_help = "Only partitions whose preferred (first) replica is in sync are elected; the others are listed.\nExamples:\n  kubectl kafka -n kafka elect-leaders --dry-run\n  kubectl kafka -n kafka elect-leaders\n  kubectl kafka -n kafka elect-leaders --topic orders"
    )]
    ElectLeaders(ElectLeadersArgs),
    /// Roll brokers back to a previous revision (`kubectl rollout undo`, with Kafka's checks)
    #[command(
        after_help = "Before `upgrade --finalize` a rollback to the previous Kafka version is safe. After it, a rollback\nto an image whose Kafka cannot run the finalized metadata.version is refused (exit 9) unless\n--force: its brokers would not start.\nExamples:\n  kubectl kafka -n kafka rollback kafka-2 --dry-run\n  kubectl kafka -n kafka rollback --all"
    )]
    Rollback(RollbackArgs),
    /// Run a new Kafka version: roll the image one broker at a time, then --finalize
    #[command(
        after_help = "Two steps, as Kafka upgrades are. First the image, one broker at a time with restart's checks\n(the quorum leader last), each broker verified to run the new version (from its own answer)\nbefore the next; metadata.version stays, so `rollback --all` can still go back. Running the\nsame command again resumes. Then, once every broker runs it and the cluster is healthy,\n`--finalize` raises metadata.version, which cannot be undone: older versions can no longer run.\nExamples:\n  kubectl kafka -n kafka upgrade --version 3.9.1 --dry-run\n  kubectl kafka -n kafka upgrade --version 3.9.1\n  kubectl kafka -n kafka upgrade --image registry.local/kafka:3.9.1-custom --version 3.9.1\n  kubectl kafka -n kafka version\n  kubectl kafka -n kafka upgrade --finalize --dry-run\n  kubectl kafka -n kafka upgrade --finalize --yes",
        disable_version_flag = true
    )]
    Upgrade(UpgradeArgs),
    /// Move a broker to another node, safely, with whatever its volume allows
    #[command(
        after_help = "The node must exist, be schedulable and Ready. What the broker's PersistentVolume allows decides\nthe rest (its node affinity, read from the PV, never assumed):\n  - a volume that can attach on the target node: the broker moves with its data (stop, re-pin,\n    start; restart's checks and waits);\n  - a volume pinned to another node (local or hostPath): the broker starts on a new claim on\n    the target and copies its replicas from its peers. Only for brokers that are not KRaft\n    controllers, and only when every partition it hosts keeps min.insync.replicas without it.\n    A controller (voter) is refused (exit 9): an empty metadata log is a static quorum's\n    disk-loss case. The old claim is kept unless --delete-volume.\nRunning the same command again resumes an interrupted move.\nExamples:\n  kubectl kafka -n kafka move kafka-3 --to-node worker2 --dry-run\n  kubectl kafka -n kafka move kafka-3 --to-node worker2 --yes\n  kubectl kafka -n kafka move kafka-4 --to-node worker2 --yes --delete-volume"
    )]
    Move(MoveArgs),
    /// Revisions of the broker Deployments, with change causes and what changed
    History(HistoryArgs),
    /// Wait for broker rollouts to finish, and for the brokers to be registered and in sync
    RolloutStatus(RolloutStatusArgs),
    /// Stop (--replicas 0) or start (--replicas 1) one broker, or grow or shrink the cluster (--brokers N)
    #[command(
        after_help = "Examples:\n  kubectl kafka -n kafka scale kafka-3 --replicas 0      # stop one broker, safely\n  kubectl kafka -n kafka scale --brokers 4 --dry-run     # the objects and the plan\n  kubectl kafka -n kafka scale --brokers 4               # add kafka-4 and move partitions onto it\n  kubectl kafka -n kafka scale --brokers 3 --yes         # drain, stop, unregister and remove kafka-4\nNew brokers copy the highest broker's Deployment, Service and PVC; with a static controller\nquorum they are brokers only and the voters stay as they are. Only brokers that are not\nvoters can be removed; their PVCs are kept unless --delete-volume."
    )]
    Scale(ScaleArgs),
    /// Shell completion: print a script, or install the completer kubectl runs
    #[command(
        after_help = "Inside kubectl (1.26+): `kubectl kafka completion install` links kubectl_complete-kafka next to\nthe plugin; then `kubectl kafka <TAB>` completes subcommands, flags, brokers, topics and groups.\nStandalone: source <(kubectl-kafka completion bash)"
    )]
    Completion(CompletionArgs),
    /// Print the man page (or write one per subcommand with --dir)
    Man(ManArgs),
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct RebalanceArgs {
    #[command(subcommand)]
    pub action: Option<RebalanceAction>,
    #[command(flatten)]
    pub plan: RebalancePlanArgs,
}

#[derive(Debug, Subcommand)]
pub enum RebalanceAction {
    /// The reassignments in progress, with the replicas each is adding and removing
    Status(RebalanceStatusArgs),
    /// Cancel every reassignment in progress and remove the replication throttles
    Cancel(RebalanceCancelArgs),
}

#[derive(Debug, Args)]
pub struct RebalanceStatusArgs {
    #[arg(long, value_parser = parse_duration, default_value = "30s")]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
pub struct RebalanceCancelArgs {
    /// Cancel without asking
    #[arg(long)]
    pub yes: bool,
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, value_parser = parse_duration, default_value = "30s")]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
pub struct RebalancePlanArgs {
    /// Apply the plan (without it: print the plan, change nothing)
    #[arg(long)]
    pub execute: bool,
    /// Place replicas only on these brokers (node ids) [default: every registered broker]
    #[arg(long, value_delimiter = ',')]
    pub brokers: Vec<i32>,
    /// Move every replica off these brokers (node ids)
    #[arg(long = "exclude-broker", value_delimiter = ',')]
    pub exclude: Vec<i32>,
    /// Only these topics [default: every topic]
    #[arg(long = "topic")]
    pub topics: Vec<String>,
    /// Limit replication while moving, bytes per second per broker (e.g. 50MB, 10MiB, 500000)
    #[arg(long, value_parser = parse_rate)]
    pub throttle: Option<u64>,
    /// Moves running at once on any one broker (0: all at once)
    #[arg(long, default_value_t = 5)]
    pub max_moves_per_broker: usize,
    /// Write the plan in kafka-reassign-partitions.sh's JSON format
    #[arg(long)]
    pub to_file: Option<std::path::PathBuf>,
    /// Take the plan from a file in kafka-reassign-partitions.sh's JSON format
    #[arg(long, conflicts_with_all = ["brokers", "exclude", "topics", "by_bytes"])]
    pub from_file: Option<std::path::PathBuf>,
    /// Also even out bytes on disk (DescribeLogDirs of every broker), by swapping replicas of
    /// the same topic once counts are even; costs more copies
    #[arg(long)]
    pub by_bytes: bool,
    /// Limit for the whole move to complete
    #[arg(long, value_parser = parse_duration, default_value = "30m")]
    pub timeout: Duration,
}

/// A byte rate: a number with an optional unit (B, KB, MB, GB powers of 1000; KiB, MiB, GiB
/// powers of 1024).
pub fn parse_rate(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (n, unit) = t.split_at(split);
    let n: u64 = n.parse().map_err(|_| format!("{text}: a rate is a number of bytes per second, e.g. 50MB"))?;
    let scale: u64 = match unit.trim() {
        "" | "B" => 1,
        "KB" | "kB" => 1_000,
        "MB" => 1_000_000,
        "GB" => 1_000_000_000,
        "KiB" => 1 << 10,
        "MiB" => 1 << 20,
        "GiB" => 1 << 30,
        other => return Err(format!("{text}: unknown unit {other} (B, KB, MB, GB, KiB, MiB, GiB)")),
    };
    match n.checked_mul(scale) {
        Some(0) | None => Err(format!("{text}: the rate must be above 0 and fit 64 bits")),
        Some(r) => Ok(r),
    }
}

#[derive(Debug, Args)]
pub struct RestartArgs {
    /// Brokers to restart (Deployment name, instance label or node id) [default: all]
    pub brokers: Vec<String>,
    /// Print the plan, each check's outcome and the patch; change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Skip the safety checks (partitions may go offline or below min.insync.replicas)
    #[arg(long)]
    pub force: bool,
    /// Skip brokers whose pods started after this time (RFC 3339 or a duration ago)
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub since: Option<i64>,
    /// Limit for each broker to roll out, rejoin and catch up
    #[arg(long, value_parser = parse_duration, default_value = "10m")]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
pub struct MoveArgs {
    /// The broker to move (Deployment name, instance label or node id)
    pub broker: String,
    /// The node to run it on
    #[arg(long, value_name = "NODE")]
    pub to_node: String,
    /// Print the plan (node checks, what the volume allows, the patch); change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Skip Kafka's safety checks, and allow a controller onto an empty volume (dangerous)
    #[arg(long)]
    pub force: bool,
    /// When the broker gets a new volume: delete its old claim once it is in sync again
    #[arg(long)]
    pub delete_volume: bool,
    /// When the broker gets a new volume: the new claim's name [default: <old claim>-<node>]
    #[arg(long, value_name = "NAME")]
    pub claim: Option<String>,
    /// When the broker gets a new volume: limit the copy of its replicas, bytes per second
    /// (e.g. 50MB, 10MiB), on it and on the leaders it copies from; removed once it is in
    /// sync, and when the move fails
    #[arg(long, value_parser = parse_rate)]
    pub throttle: Option<u64>,
    /// Limit for the broker to stop, start on the new node, rejoin and catch up
    #[arg(long, value_parser = parse_duration, default_value = "30m")]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
pub struct RollbackArgs {
    /// The broker to roll back (or --all)
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub broker: Option<String>,
    /// Every broker, one at a time
    #[arg(long)]
    pub all: bool,
    /// The revision to go back to [default: the previous one]
    #[arg(long, default_value_t = 0)]
    pub to_revision: i64,
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub force: bool,
    #[arg(long, value_parser = parse_duration, default_value = "10m")]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
pub struct ElectLeadersArgs {
    /// Only these topics [default: every topic]
    #[arg(long = "topic")]
    pub topics: Vec<String>,
    /// Print what would change and the skew before and after; change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Limit for every broker to report the new leaders
    #[arg(long, value_parser = parse_duration, default_value = "2m")]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
pub struct UpgradeArgs {
    /// Brokers to upgrade (Deployment name, instance label or node id) [default: all]
    #[arg(conflicts_with = "finalize")]
    pub brokers: Vec<String>,
    /// The Kafka version to run: the image apache/kafka:VERSION unless --image names another
    #[arg(long, required_unless_present_any = ["image", "finalize"], conflicts_with = "finalize")]
    pub version: Option<String>,
    /// The image to run; its tag must name the Kafka version, else give --version too
    #[arg(long, conflicts_with = "finalize")]
    pub image: Option<String>,
    /// Raise metadata.version to what every broker now runs (cannot be undone)
    #[arg(long)]
    pub finalize: bool,
    /// With --finalize: also raise this finalized feature (e.g. group.version=1)
    #[arg(long, value_name = "NAME=LEVEL", requires = "finalize")]
    pub feature: Vec<String>,
    /// Print the plan (and, with --finalize, have the controller validate it); change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// --finalize without asking
    #[arg(long)]
    pub yes: bool,
    /// Skip the safety checks
    #[arg(long)]
    pub force: bool,
    /// Limit for each broker to roll out, rejoin and catch up
    #[arg(long, value_parser = parse_duration, default_value = "10m")]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Only this broker
    pub broker: Option<String>,
}

#[derive(Debug, Args)]
pub struct RolloutStatusArgs {
    /// Only this broker
    pub broker: Option<String>,
    #[arg(long, value_parser = parse_duration, default_value = "10m")]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
pub struct ScaleArgs {
    /// The broker to stop or start (with --replicas)
    #[arg(required_unless_present = "brokers", requires = "replicas")]
    pub broker: Option<String>,
    /// 0 stops the broker, 1 starts it
    #[arg(long, value_parser = clap::value_parser!(i32).range(0..=1), conflicts_with = "brokers")]
    pub replicas: Option<i32>,
    /// Grow or shrink the cluster to this many brokers
    #[arg(long, value_parser = clap::value_parser!(i32).range(1..))]
    pub brokers: Option<i32>,
    /// With --brokers (growing): run the new brokers on this node [default: the node the
    /// broker they are copied from is pinned to]
    #[arg(long, value_name = "NODE", requires = "brokers")]
    pub node: Option<String>,
    /// With --brokers: add the brokers but move no partitions onto them
    #[arg(long, requires = "brokers")]
    pub no_rebalance: bool,
    /// With --brokers: limit replication while moving partitions, bytes per second (e.g. 50MB)
    #[arg(long, value_parser = parse_rate, requires = "brokers")]
    pub throttle: Option<u64>,
    /// With --brokers (shrinking): remove without asking
    #[arg(long)]
    pub yes: bool,
    /// With --brokers (shrinking): delete the removed brokers' PVCs too
    #[arg(long, requires = "brokers")]
    pub delete_volume: bool,
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub force: bool,
    #[arg(long, value_parser = parse_duration, default_value = "10m")]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
pub struct CompletionArgs {
    /// bash, zsh, fish, or install (link kubectl_complete-kafka for completion inside kubectl)
    #[arg(value_parser = ["bash", "zsh", "fish", "elvish", "powershell", "install"])]
    pub shell: String,
    /// With install: the directory for the link [default: next to this binary]
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// With install: say what would be linked, link nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write kubectl-kafka.1 and one page per subcommand into this directory
    #[arg(long)]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct HealthArgs {
    /// Wait until healthy, showing progress
    #[arg(long)]
    pub wait: bool,
    /// How long --wait waits; also the limit of each Kafka request
    #[arg(long, value_parser = parse_duration, default_value = "5m")]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
pub struct QuorumArgs {
    #[arg(long, value_parser = parse_duration, default_value = "10s")]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
pub struct DiskArgs {
    /// Also list bytes by topic
    #[arg(long)]
    pub topics: bool,
    /// Include internal topics
    #[arg(long)]
    pub all: bool,
    #[arg(long, value_parser = parse_duration, default_value = "10s")]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Skip the checks that need Kafka (topics), e.g. when the brokers are down
    #[arg(long)]
    pub offline: bool,
    #[arg(long, value_parser = parse_duration, default_value = "10s")]
    pub timeout: Duration,
}

#[derive(Debug, Subcommand)]
pub enum GroupsCommand {
    /// List groups: state, members, topics, total lag
    #[command(visible_alias = "ls")]
    List(GroupsListArgs),
    /// Per partition: committed offset, end offset, lag, member and host
    Describe(GroupsDescribeArgs),
    /// Move a group's committed offsets (prints the plan; applies only with --execute)
    #[command(
        after_help = "Examples:\n  kubectl kafka -n kafka groups reset-offsets billing --topic orders --to-earliest\n  kubectl kafka -n kafka groups reset-offsets billing --topic orders --shift-by -100 --execute"
    )]
    ResetOffsets(GroupsResetArgs),
    /// Delete groups (asks first unless --yes)
    Delete(GroupsDeleteArgs),
}

#[derive(Debug, Args)]
pub struct GroupsListArgs {
    #[arg(long, value_parser = parse_duration, default_value = "10s")]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
pub struct GroupsDescribeArgs {
    pub group: String,
    #[arg(long, value_parser = parse_duration, default_value = "10s")]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("target").required(true).args(["to_earliest", "to_latest", "to_offset", "to_datetime", "shift_by"])))]
pub struct GroupsResetArgs {
    pub group: String,
    /// The topic whose offsets move
    #[arg(long, required = true)]
    pub topic: String,
    /// Only this partition
    #[arg(long)]
    pub partition: Option<i32>,
    #[arg(long)]
    pub to_earliest: bool,
    #[arg(long)]
    pub to_latest: bool,
    #[arg(long, value_name = "N")]
    pub to_offset: Option<i64>,
    /// RFC 3339 time, or a duration ago (15m, 2h)
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub to_datetime: Option<i64>,
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub shift_by: Option<i64>,
    /// Apply the plan (without it, nothing changes)
    #[arg(long)]
    pub execute: bool,
    /// Only print the plan (the default without --execute)
    #[arg(long, conflicts_with = "execute")]
    pub dry_run: bool,
    #[arg(long, value_parser = parse_duration, default_value = "30s")]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
pub struct GroupsDeleteArgs {
    #[arg(required = true)]
    pub groups: Vec<String>,
    #[arg(short = 'y', long)]
    pub yes: bool,
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, value_parser = parse_duration, default_value = "30s")]
    pub timeout: Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Each line is a value (with --key-separator: key SEP value)
    Lines,
    /// Each line is {"key","value","headers","partition"} as `consume --format json` prints
    Json,
}

#[derive(Debug, Args)]
pub struct ProduceArgs {
    pub topic: String,
    /// Read from this file instead of stdin
    #[arg(long)]
    pub file: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = InputFormat::Lines)]
    pub format: InputFormat,
    /// The key of every record
    #[arg(short = 'k', long, conflicts_with = "key_separator")]
    pub key: Option<String>,
    /// Split each line at the first SEP into key and value
    #[arg(long, value_name = "SEP")]
    pub key_separator: Option<String>,
    /// A header KEY=VALUE on every record (repeatable)
    #[arg(short = 'H', long = "header", value_name = "KEY=VALUE")]
    pub headers: Vec<String>,
    /// Send every record to this partition
    #[arg(long)]
    pub partition: Option<i32>,
    #[arg(long, value_enum, default_value_t = Acks::All)]
    pub acks: Acks,
    #[arg(long, value_enum, default_value_t = Compression::None)]
    pub compression: Compression,
    /// Check the input and the sizes, send nothing
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, value_parser = parse_duration, default_value = "30s")]
    pub timeout: Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputRecordFormat {
    /// The value only (with --print-key: key TAB value)
    Value,
    /// key TAB value
    Kv,
    /// One JSON object per record: topic, partition, offset, timestamp, key, value, headers
    Json,
}

#[derive(Debug, Args)]
pub struct ConsumeArgs {
    pub topic: String,
    /// Start at the log start (same as --offset start; the default)
    #[arg(long, conflicts_with_all = ["offset", "since"])]
    pub from_beginning: bool,
    /// start, end, an offset N, or -N for N before the end
    #[arg(long, allow_hyphen_values = true, value_parser = parse_offset)]
    pub offset: Option<StartAt>,
    /// Start at a time: RFC 3339 (2026-11-25T08:00:00Z) or a duration ago (15m, 2h)
    #[arg(long, conflicts_with = "offset", value_name = "TIME", value_parser = parse_time)]
    pub since: Option<i64>,
    /// Only this partition
    #[arg(long)]
    pub partition: Option<i32>,
    /// Stop after N records
    #[arg(short = 'm', long)]
    pub max_messages: Option<u64>,
    /// Keep waiting for new records (Ctrl-C stops)
    #[arg(short = 'f', long)]
    pub follow: bool,
    /// Consume as this consumer group and commit its offsets
    #[arg(short = 'g', long)]
    pub group: Option<String>,
    #[arg(long, value_enum, default_value_t = OutputRecordFormat::Value)]
    pub format: OutputRecordFormat,
    /// With --format value: print the key too (key TAB value)
    #[arg(long)]
    pub print_key: bool,
    #[arg(long, value_parser = parse_duration, default_value = "30s")]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
pub struct ProxyArgs {
    /// A fixed local port for a broker: NODE-ID=PORT (repeatable); others get ephemeral ports
    #[arg(long = "port", value_name = "NODE-ID=PORT", value_parser = parse_port_pair)]
    pub ports: Vec<(i32, u16)>,
    /// The local address to listen on
    #[arg(long, default_value = "127.0.0.1")]
    pub address: String,
}

#[derive(Debug, Subcommand)]
pub enum TopicsCommand {
    /// List topics: partitions, replication factor, under-replicated and offline partitions
    #[command(visible_alias = "ls")]
    List(TopicsListArgs),
    /// Show a topic's partitions (leader, replicas, ISR, offsets) and its configs
    Describe(TopicsDescribeArgs),
    /// Create a topic
    #[command(
        after_help = "Examples:\n  kubectl kafka -n kafka topics create my-topic --partitions 1 --replication-factor 3\n  kubectl kafka -n kafka topics create events -p 6 -r 3 --config retention.ms=86400000 --if-not-exists"
    )]
    Create(TopicsCreateArgs),
    /// Delete topics (asks first unless --yes)
    Delete(TopicsDeleteArgs),
    /// Change topic configs incrementally: only the keys named change
    #[command(
        after_help = "Examples:\n  kubectl kafka -n kafka topics alter-config my-topic --set retention.ms=3600000\n  kubectl kafka -n kafka topics alter-config my-topic --delete retention.ms"
    )]
    AlterConfig(TopicsAlterConfigArgs),
    /// Raise a topic's partition count
    AddPartitions(TopicsAddPartitionsArgs),
}

#[derive(Debug, Args)]
pub struct TopicsDescribeArgs {
    pub topic: String,
    /// Show every config with its source, not only the ones set on the topic
    #[arg(long)]
    pub all_configs: bool,
    #[arg(long, value_parser = parse_duration, default_value = "10s")]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
pub struct TopicsCreateArgs {
    pub topic: String,
    #[arg(short = 'p', long, default_value_t = 1)]
    pub partitions: i32,
    #[arg(short = 'r', long, default_value_t = 3)]
    pub replication_factor: i32,
    /// A topic config, KEY=VALUE (repeatable)
    #[arg(short = 'c', long = "config", value_name = "KEY=VALUE", value_parser = parse_key_value)]
    pub configs: Vec<(String, String)>,
    /// Succeed without change when the topic already exists
    #[arg(long)]
    pub if_not_exists: bool,
    /// Let the brokers validate the request, change nothing
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, value_parser = parse_duration, default_value = "30s")]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
pub struct TopicsDeleteArgs {
    #[arg(required = true)]
    pub topics: Vec<String>,
    /// Do not ask
    #[arg(short = 'y', long)]
    pub yes: bool,
    /// Show what would be deleted, delete nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Succeed when a topic does not exist
    #[arg(long)]
    pub if_exists: bool,
    #[arg(long, value_parser = parse_duration, default_value = "30s")]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
pub struct TopicsAlterConfigArgs {
    pub topic: String,
    /// Set KEY=VALUE (repeatable)
    #[arg(long = "set", value_name = "KEY=VALUE", value_parser = parse_key_value)]
    pub set: Vec<(String, String)>,
    /// Remove a key's topic override, back to the broker default (repeatable)
    #[arg(long = "delete", value_name = "KEY")]
    pub delete: Vec<String>,
    /// Let the brokers validate the change, change nothing
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, value_parser = parse_duration, default_value = "30s")]
    pub timeout: Duration,
}

#[derive(Debug, Args)]
pub struct TopicsAddPartitionsArgs {
    pub topic: String,
    /// The new total number of partitions
    #[arg(long)]
    pub to: usize,
    /// Let the brokers validate the change, change nothing
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, value_parser = parse_duration, default_value = "30s")]
    pub timeout: Duration,
}

fn parse_key_value(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.to_string())),
        _ => Err(format!("{text:?} is not KEY=VALUE")),
    }
}

#[derive(Debug, Args)]
pub struct TopicsListArgs {
    /// Include internal topics (__consumer_offsets, ...)
    #[arg(long)]
    pub all: bool,
    /// How long to wait for the brokers' answer
    #[arg(long, value_parser = parse_duration, default_value = "10s")]
    pub timeout: Duration,
}

fn parse_port_pair(text: &str) -> Result<(i32, u16), String> {
    let (id, port) = text.split_once('=').ok_or_else(|| format!("{text:?} is not NODE-ID=PORT, e.g. 1=19092"))?;
    let id = id.trim().parse().map_err(|_| format!("{text:?}: node id {id:?} is not a number"))?;
    let port = port.trim().parse().map_err(|_| format!("{text:?}: port {port:?} is not a number from 1 to 65535"))?;
    Ok((id, port))
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Only these brokers: Deployment name (kafka-2), instance label or node id (2)
    pub brokers: Vec<String>,
    /// Only the Kubernetes side: do not ask Kafka (controller, partitions led, under-replicated)
    #[arg(long)]
    pub no_kafka: bool,
}

#[derive(Debug, Args)]
pub struct VersionArgs {
    /// Only the plugin's version: do not contact the API server or Kafka
    #[arg(long)]
    pub client: bool,
}

/// Parses `--offset`: start|beginning|earliest, end|latest, N, or -N (N before the end).
pub fn parse_offset(text: &str) -> Result<StartAt, String> {
    match text {
        "start" | "beginning" | "earliest" | "oldest" => Ok(StartAt::Beginning),
        "end" | "latest" | "newest" => Ok(StartAt::End),
        _ => match text.strip_prefix('-') {
            Some(n) => n.parse::<i64>().map(StartAt::FromEnd).map_err(|_| "-N needs a number".to_string()),
            None => {
                text.parse::<i64>().map(StartAt::Offset).map_err(|_| "not start, end, an offset N or -N".to_string())
            }
        },
    }
}

/// Parses a time (`--since`, `--to-datetime`) as ms since the epoch: an RFC 3339 time, or a
/// duration ago (15m, 2h, 1h30m) counted from now.
pub fn parse_time(text: &str) -> Result<i64, String> {
    parse_time_at(text, jiff::Timestamp::now())
}

/// `parse_time` with the clock given.
pub fn parse_time_at(text: &str, now: jiff::Timestamp) -> Result<i64, String> {
    if let Ok(ts) = text.parse::<jiff::Timestamp>() {
        return Ok(ts.as_millisecond());
    }
    let ago = parse_duration(text)
        .map_err(|_| "neither a time (2026-11-25T08:00:00Z) nor a duration ago (15m, 2h)".to_string())?;
    Ok(now.as_millisecond() - ago.as_millis() as i64)
}

/// Parses a kubectl-style duration: `500ms`, `30s`, `5m`, `1h`, `1m30s`, or a bare number of
/// seconds.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    if let Ok(secs) = text.parse::<u64>() {
        return Ok(Duration::from_secs(secs));
    }
    let mut total = Duration::ZERO;
    let mut rest = text;
    if rest.is_empty() {
        return Err("empty duration".into());
    }
    while !rest.is_empty() {
        let digits = rest.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(rest.len());
        let (number, tail) = rest.split_at(digits);
        let unit_len = tail.find(|c: char| c.is_ascii_digit()).unwrap_or(tail.len());
        let (unit, tail) = tail.split_at(unit_len);
        let value: f64 = number.parse().map_err(|_| format!("invalid duration {text:?}: use e.g. 30s, 5m, 1h"))?;
        let scale = match unit {
            "ms" => 0.001,
            "s" => 1.0,
            "m" => 60.0,
            "h" => 3600.0,
            _ => return Err(format!("invalid duration {text:?}: unit {unit:?} is not one of ms, s, m, h")),
        };
        total += Duration::from_secs_f64(value * scale);
        rest = tail;
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_parse() {
        assert_eq!(parse_offset("start"), Ok(StartAt::Beginning));
        assert_eq!(parse_offset("end"), Ok(StartAt::End));
        assert_eq!(parse_offset("42"), Ok(StartAt::Offset(42)));
        assert_eq!(parse_offset("-10"), Ok(StartAt::FromEnd(10)));
        assert!(parse_offset("-x").is_err());
        assert!(parse_offset("middle").is_err());
    }

    #[test]
    fn since_takes_times_and_durations() {
        let now: jiff::Timestamp = "2026-11-25T10:00:00Z".parse().unwrap();
        assert_eq!(parse_time_at("2026-11-25T09:00:00Z", now).unwrap(), now.as_millisecond() - 3_600_000);
        assert_eq!(parse_time_at("15m", now).unwrap(), now.as_millisecond() - 900_000);
        assert!(parse_time_at("yesterday", now).unwrap_err().contains("neither a time"));
    }
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn rates_take_decimal_and_binary_units() {
        assert_eq!(parse_rate("500000"), Ok(500_000));
        assert_eq!(parse_rate("50MB"), Ok(50_000_000));
        assert_eq!(parse_rate("10MiB"), Ok(10 << 20));
        assert!(parse_rate("0").is_err());
        assert!(parse_rate("5 furlongs").unwrap_err().contains("unknown unit"));
        assert!(parse_rate("fast").is_err());
    }

    #[test]
    fn durations_parse_like_kubectl() {
        assert_eq!(parse_duration("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("0"), Ok(Duration::ZERO));
        assert_eq!(parse_duration("1m30s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("2h"), Ok(Duration::from_secs(7200)));
        assert!(parse_duration("5x").is_err());
        assert!(parse_duration("").is_err());
        assert!(parse_duration("s").is_err());
    }

    #[test]
    fn global_flags_go_anywhere() {
        let cli = Cli::try_parse_from(["kubectl-kafka", "status", "-n", "kafka", "-o", "wide", "kafka-1"]).unwrap();
        assert_eq!(cli.global.namespace.as_deref(), Some("kafka"));
        assert_eq!(cli.global.output, OutputFormat::Wide);
        assert_eq!(cli.global.selector, "app=kafka");
        let Command::Status(args) = cli.command else { panic!("status expected") };
        assert_eq!(args.brokers, vec!["kafka-1"]);
    }
}
