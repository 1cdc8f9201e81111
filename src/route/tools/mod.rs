//! The tools route: Kafka's own scripts run in a broker pod (argv, never a shell line), their
//! output read back into the same typed rows as the client route. The runner is injected:
//! a pod on the cluster, or canned outputs in tests.

pub mod console;
pub mod parse;

use std::collections::BTreeMap;
use std::sync::Arc;

use futures::future::BoxFuture;
use k8s_openapi::api::core::v1::Pod;
use kube::Api;
use tokio::io::AsyncRead;

use crate::connect::Target;
use crate::connect::exec::{ExecOutput, KAFKA_BIN, kafka_tool, run_in_pod};
use crate::exit::{ExitCode, Failure};
use crate::kafka::admin::IntConfigs;
use crate::kafka::admin::TopicSpec;
use crate::kafka::groups::{GroupOffset, Member, ResetRow, ResetTo};
use crate::kafka::logdirs::{LogDirUsage, usage_from_tool};
use crate::kafka::metadata::{TopicSummary, summarise};
use crate::kafka::quorum::Quorum;

use super::rows::{GroupDescription, GroupRow, TopicDescription, partition_rows};
use super::{Created, ResetRequest, already_exists};
use console::{
    ToolOffset, group_members_in, group_missing_in, group_offsets_in, group_states_in, quorum_in, reset_plan_in,
};
use parse::{GroupDeletion, configs_by_topic_in, configs_in, group_deletion_in, offsets_in, topics_in};

/// What a tool reads on its stdin.
pub type Stdin = Box<dyn AsyncRead + Send + Unpin>;

/// Runs one of Kafka's scripts against a broker and brings back what it printed.
pub trait ToolRunner: Send + Sync {
    fn run<'a>(
        &'a self,
        script: &'a str,
        args: &'a [String],
        stdin: Option<Stdin>,
    ) -> BoxFuture<'a, anyhow::Result<ExecOutput>>;
}

/// The runner of the cluster: exec into the target broker's current pod.
pub struct PodRunner {
    pub pods: Api<Pod>,
    pub target: Target,
}

impl ToolRunner for PodRunner {
    fn run<'a>(
        &'a self,
        script: &'a str,
        args: &'a [String],
        stdin: Option<Stdin>,
    ) -> BoxFuture<'a, anyhow::Result<ExecOutput>> {
        Box::pin(async move {
            run_in_pod(&self.pods, &self.target, &kafka_tool(script, self.target.port, args), stdin).await
        })
    }
}

/// Questions answered by Kafka's scripts.
#[derive(Clone)]
pub struct ToolsRoute {
    runner: Arc<dyn ToolRunner>,
}

fn argv(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| s.to_string()).collect()
}

/// A script that exited non-zero, in its own words, and how to run it by hand.
pub fn tool_failed(script: &str, out: &ExecOutput) -> anyhow::Error {
    Failure::new(ExitCode::Failure, format!("{script} in pod {} exited {}: {}", out.pod, out.code, out.complaint()))
        .hint(format!("run it by hand: kubectl exec -it {} -- {KAFKA_BIN}/{script} ...", out.pod))
        .into()
}

const GROUPS_TOOL: &str = "kafka-consumer-groups.sh";

impl ToolsRoute {
    pub fn new(runner: Arc<dyn ToolRunner>) -> ToolsRoute {
        ToolsRoute { runner }
    }

    /// Runs a script; the whole outcome, whatever its exit code.
    pub async fn run(&self, script: &str, args: &[String], stdin: Option<Stdin>) -> anyhow::Result<ExecOutput> {
        self.runner.run(script, args, stdin).await
    }

    /// An integer config of every topic named, from one kafka-configs.sh run over all topics.
    pub async fn topic_int_configs(&self, topics: &[String], name: &str) -> anyhow::Result<IntConfigs> {
        let args = ["--describe", "--all", "--entity-type", "topics"].map(String::from);
        let by_topic = configs_by_topic_in(&self.output("kafka-configs.sh", &args).await?);
        let mut read = IntConfigs::default();
        for t in topics {
            match by_topic.get(t).and_then(|rows| rows.iter().find(|c| c.name == name)).and_then(|c| c.value.clone()) {
                Some(v) => match v.parse() {
                    Ok(n) => {
                        read.values.insert(t.clone(), n);
                    }
                    Err(_) => {
                        read.failed.insert(t.clone(), format!("{name}={v} is not a number"));
                    }
                },
                None => {
                    read.failed.insert(t.clone(), format!("kafka-configs.sh listed no {name}"));
                }
            }
        }
        Ok(read)
    }

    /// An integer config of broker `id` (kafka-configs.sh --describe --all on that broker).
    pub async fn broker_int_config(&self, id: i32, name: &str) -> anyhow::Result<i64> {
        let args =
            ["--describe", "--all", "--entity-type", "brokers", "--entity-name", &id.to_string()].map(String::from);
        let text = self.output("kafka-configs.sh", &args).await?;
        configs_in(&text)
            .into_iter()
            .find(|c| c.name == name)
            .and_then(|c| c.value?.parse().ok())
            .ok_or_else(|| anyhow::anyhow!("broker {id} reports no {name}"))
    }

    /// Runs a script without stdin and returns its stdout, or `tool_failed`.
    pub async fn output(&self, script: &str, args: &[String]) -> anyhow::Result<String> {
        let out = self.run(script, args, None).await?;
        if out.code != 0 {
            return Err(tool_failed(script, &out));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// Every topic with its partitions, from `kafka-topics.sh --describe` (one run, as the
    /// client route's one Metadata request).
    pub async fn topics(&self, all: bool) -> anyhow::Result<Vec<TopicSummary>> {
        let mut args = argv(&["--describe"]);
        if !all {
            args.push("--exclude-internal".into());
        }
        let text = self.output("kafka-topics.sh", &args).await?;
        Ok(summarise(&topics_in(&text), all))
    }

    /// Every topic's partitions, internal ones too (`kafka-topics.sh --describe`).
    pub async fn partitions(&self) -> anyhow::Result<crate::kafka::metadata::ClusterMeta> {
        Ok(topics_in(&self.output("kafka-topics.sh", &argv(&["--describe"])).await?))
    }

    /// One topic: partitions (`kafka-topics.sh --describe`), every config with its source
    /// (`kafka-configs.sh --describe --all`) and the log start and end offsets
    /// (`kafka-get-offsets.sh`), run side by side. None when the topic does not exist.
    pub async fn describe_topic(&self, topic: &str) -> anyhow::Result<Option<TopicDescription>> {
        let describe = argv(&["--describe", "--topic", topic]);
        let configs = argv(&["--describe", "--entity-type", "topics", "--entity-name", topic, "--all"]);
        let (earliest, latest) = (argv(&["--topic", topic, "--time", "-2"]), argv(&["--topic", topic, "--time", "-1"]));
        let (described, configs, earliest, latest) = tokio::join!(
            self.run("kafka-topics.sh", &describe, None),
            self.output("kafka-configs.sh", &configs),
            self.output("kafka-get-offsets.sh", &earliest),
            self.output("kafka-get-offsets.sh", &latest),
        );
        let described = described?;
        let text = String::from_utf8_lossy(&described.stdout);
        let stderr = String::from_utf8_lossy(&described.stderr);
        if text.trim().is_empty() || text.contains("does not exist") || stderr.contains("does not exist") {
            return Ok(None);
        }
        if described.code != 0 {
            return Err(tool_failed("kafka-topics.sh", &described));
        }
        let meta = topics_in(&text);
        let Some(found) = meta.topics.iter().find(|t| t.name == topic) else { return Ok(None) };
        let (earliest, latest) = (offsets_in(&earliest?), offsets_in(&latest?));
        let partitions = partition_rows(found, |p| {
            Some((*earliest.get(&(topic.to_string(), p))?, *latest.get(&(topic.to_string(), p))?))
        });
        Ok(Some(TopicDescription { name: topic.to_string(), partitions, configs: configs_in(&configs?) }))
    }

    async fn groups_tool(&self, args: &[&str]) -> anyhow::Result<(String, ExecOutput)> {
        let out = self.run(GROUPS_TOOL, &argv(args), None).await?;
        Ok((String::from_utf8_lossy(&out.stdout).into_owned(), out))
    }

    /// Every consumer group with its members, topics and lag.
    pub async fn groups(&self) -> anyhow::Result<Vec<GroupRow>> {
        let (states, offsets) = tokio::join!(
            self.groups_tool(&["--describe", "--all-groups", "--state"]),
            self.groups_tool(&["--describe", "--all-groups"])
        );
        let ((states, s_out), (offsets, o_out)) = (states?, offsets?);
        for out in [&s_out, &o_out] {
            if out.code != 0 {
                return Err(tool_failed(GROUPS_TOOL, out));
            }
        }
        let offsets = group_offsets_in(&offsets);
        Ok(group_states_in(&states)
            .into_iter()
            .map(|(group, state, members)| {
                let mine: Vec<&ToolOffset> = offsets.iter().filter(|o| o.group == group).collect();
                let mut topics: Vec<String> = mine.iter().map(|o| o.topic.clone()).collect();
                topics.sort();
                topics.dedup();
                let lag = mine.iter().filter_map(|o| o.lag).reduce(|a, b| a + b);
                GroupRow { group, state, members, topics, lag }
            })
            .collect())
    }

    /// State and member count of one group; None when it does not exist.
    pub async fn group_state(&self, group: &str) -> anyhow::Result<Option<(String, usize)>> {
        let (text, out) = self.groups_tool(&["--describe", "--group", group, "--state"]).await?;
        if group_missing_in(&text, group) || group_missing_in(&String::from_utf8_lossy(&out.stderr), group) {
            return Ok(None);
        }
        if out.code != 0 {
            return Err(tool_failed(GROUPS_TOOL, &out));
        }
        Ok(group_states_in(&text).into_iter().find(|(g, _, _)| g == group).map(|(_, state, members)| (state, members)))
    }

    /// One group's members and offsets; None when it does not exist.
    pub async fn describe_group(&self, group: &str) -> anyhow::Result<Option<GroupDescription>> {
        let (offsets_args, members_args) =
            (["--describe", "--group", group], ["--describe", "--group", group, "--members", "--verbose"]);
        let (state, offsets, members) =
            tokio::join!(self.group_state(group), self.groups_tool(&offsets_args), self.groups_tool(&members_args));
        let Some((state, _)) = state? else { return Ok(None) };
        let ((offsets, o_out), (members, m_out)) = (offsets?, members?);
        for out in [&o_out, &m_out] {
            if out.code != 0 {
                return Err(tool_failed(GROUPS_TOOL, out));
            }
        }
        let mut offsets: Vec<ToolOffset> = group_offsets_in(&offsets);
        // The client route's order: by topic, then partition.
        offsets.sort_by(|a, b| (&a.topic, a.partition).cmp(&(&b.topic, b.partition)));
        let offsets = offsets
            .into_iter()
            .filter(|o| o.group == group)
            .filter_map(|o| {
                Some(GroupOffset {
                    topic: o.topic,
                    partition: o.partition,
                    committed: o.committed,
                    end: o.end?,
                    lag: o.lag,
                    member: o.member,
                    host: o.host,
                })
            })
            .collect();
        let members = group_members_in(&members)
            .into_iter()
            .filter(|m| m.group == group)
            .map(|m| Member { id: m.id, client_id: m.client_id, host: m.host, assignment: m.assignment })
            .collect();
        Ok(Some(GroupDescription { group: group.to_string(), state, members, offsets }))
    }

    /// Deletes one group. The tool exits 0 and names the group whether it deleted it or not:
    /// only its own success line counts, and its failure line is the error.
    pub async fn delete_group(&self, group: &str) -> anyhow::Result<()> {
        let (text, out) = self.groups_tool(&["--delete", "--group", group]).await?;
        let said = format!("{text}\n{}", String::from_utf8_lossy(&out.stderr));
        match group_deletion_in(&said, group) {
            GroupDeletion::Deleted if out.code == 0 => Ok(()),
            GroupDeletion::Failed(why) => anyhow::bail!("{why}"),
            _ if out.code != 0 => Err(tool_failed(GROUPS_TOOL, &out)),
            _ => anyhow::bail!("{GROUPS_TOOL} did not say it deleted the group: {}", said.trim()),
        }
    }

    /// Creates a topic with `kafka-topics.sh --create` (the tool cannot validate only: the
    /// caller refuses --dry-run before this).
    pub async fn create_topic(&self, spec: &TopicSpec, if_not_exists: bool) -> anyhow::Result<Created> {
        let mut a = argv(&["--create", "--topic", &spec.name]);
        a.extend(["--partitions".into(), spec.partitions.to_string()]);
        a.extend(["--replication-factor".into(), spec.replication_factor.to_string()]);
        for (k, v) in &spec.configs {
            a.extend(["--config".into(), format!("{k}={v}")]);
        }
        let out = self.run("kafka-topics.sh", &a, None).await?;
        let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        if said.contains("TopicExistsException") || said.contains("already exists") {
            return if if_not_exists { Ok(Created::AlreadyThere) } else { Err(already_exists(&spec.name)) };
        }
        if out.code != 0 {
            return Err(tool_failed("kafka-topics.sh", &out));
        }
        Ok(Created::Created)
    }

    /// Sets and deletes topic configs with `kafka-configs.sh --alter`. None when the topic
    /// does not exist.
    pub async fn alter_topic_config(
        &self,
        topic: &str,
        set: &[(String, String)],
        delete: &[String],
    ) -> anyhow::Result<Option<()>> {
        let mut a = argv(&["--alter", "--entity-type", "topics", "--entity-name", topic]);
        if !set.is_empty() {
            a.extend([
                "--add-config".into(),
                set.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(","),
            ]);
        }
        if !delete.is_empty() {
            a.extend(["--delete-config".into(), delete.join(",")]);
        }
        let out = self.run("kafka-configs.sh", &a, None).await?;
        let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        if said.contains("UnknownTopicOrPartitionException") || said.contains("doesn't exist") {
            return Ok(None);
        }
        if out.code != 0 {
            return Err(tool_failed("kafka-configs.sh", &out));
        }
        Ok(Some(()))
    }

    /// Where a reset would move each partition: the tool's own plan (`--dry-run`), with the
    /// committed offsets it starts from; None when the topic does not exist. The tool
    /// prints its errors ("Error: ...") and still exits 0: no plan rows is a failure.
    pub async fn reset_plan(&self, request: &ResetRequest) -> anyhow::Result<Option<Vec<ResetRow>>> {
        let mut plan_args = reset_tool_args(request)?;
        plan_args.push("--dry-run".into());
        let current_args = ["--describe", "--group", request.group.as_str()];
        let (current, planned) = tokio::join!(self.groups_tool(&current_args), self.run(GROUPS_TOOL, &plan_args, None));
        let committed = current.map(|(text, _)| group_offsets_in(&text)).unwrap_or_default();
        let out = planned?;
        let (text, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        let rows = reset_plan_in(&text);
        if out.code != 0 || rows.is_empty() {
            if [&stderr, &text].iter().any(|t| t.contains("UnknownTopicOrPartition")) {
                return Ok(None);
            }
            if let Some(line) = text.lines().find(|l| l.starts_with("Error:")) {
                return Err(Failure::new(ExitCode::Failure, format!("{GROUPS_TOOL} in pod {}: {line}", out.pod)).into());
            }
            return Err(tool_failed(GROUPS_TOOL, &out));
        }
        Ok(Some(
            rows.into_iter()
                .map(|(topic, partition, target)| {
                    let current = committed
                        .iter()
                        .find(|o| o.group == request.group && o.topic == topic && o.partition == partition)
                        .and_then(|o| o.committed);
                    ResetRow { topic, partition, current, target }
                })
                .collect(),
        ))
    }

    /// Applies the reset with the tool's `--execute`.
    pub async fn apply_reset(&self, request: &ResetRequest) -> anyhow::Result<()> {
        let mut run_args = reset_tool_args(request)?;
        run_args.push("--execute".into());
        let out = self.run(GROUPS_TOOL, &run_args, None).await?;
        if out.code != 0 {
            return Err(tool_failed(GROUPS_TOOL, &out));
        }
        Ok(())
    }

    /// `kafka-log-dirs.sh --describe` answers for every broker at once (without the volume
    /// sizes, which that tool does not print).
    pub async fn log_dirs(&self, brokers: &[i32]) -> anyhow::Result<BTreeMap<i32, Vec<LogDirUsage>>> {
        let ids: Vec<String> = brokers.iter().map(i32::to_string).collect();
        let out = self.output("kafka-log-dirs.sh", &argv(&["--describe", "--broker-list", &ids.join(",")])).await?;
        usage_from_tool(&out)
    }

    /// The controller quorum from `kafka-metadata-quorum.sh describe --status` and
    /// `--replication`, run side by side.
    pub async fn quorum(&self) -> anyhow::Result<Quorum> {
        let tool = "kafka-metadata-quorum.sh";
        let (status_args, replication_args) = (argv(&["describe", "--status"]), argv(&["describe", "--replication"]));
        let (status, replication) = tokio::join!(self.output(tool, &status_args), self.output(tool, &replication_args));
        quorum_in(&status?, &replication?).ok_or_else(|| {
            Failure::new(ExitCode::Failure, format!("{tool} printed no quorum this version of the plugin can read"))
                .hint(format!("run it by hand: kubectl exec <pod> -- {KAFKA_BIN}/{tool} describe --status"))
                .into()
        })
    }
}

/// kafka-consumer-groups.sh's reset arguments (without --dry-run/--execute).
pub fn reset_tool_args(request: &ResetRequest) -> anyhow::Result<Vec<String>> {
    let topic = match request.partition {
        Some(p) => format!("{}:{p}", request.topic),
        None => request.topic.clone(),
    };
    let mut a = argv(&["--reset-offsets", "--group", &request.group, "--topic", &topic]);
    match request.to {
        ResetTo::Earliest => a.push("--to-earliest".into()),
        ResetTo::Latest => a.push("--to-latest".into()),
        ResetTo::Offset(n) => a.extend(["--to-offset".into(), n.to_string()]),
        ResetTo::Time(ms) => {
            let at = jiff::Timestamp::from_millisecond(ms)?;
            // The tool's format: yyyy-MM-ddTHH:mm:ss.SSS with a zone.
            a.extend(["--to-datetime".into(), at.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()]);
        }
        // One argv entry: the tool's option parser takes a separate "-5" for an option.
        ResetTo::ShiftBy(n) => a.push(format!("--shift-by={n}")),
    }
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(partition: Option<i32>, to: ResetTo) -> ResetRequest {
        ResetRequest { group: "billing".into(), topic: "orders".into(), partition, to }
    }

    use super::fake::FakeRunner;

    fn route(runner: FakeRunner) -> ToolsRoute {
        ToolsRoute::new(Arc::new(runner))
    }

    const DESCRIBE: &str = "Topic: orders\tTopicId: x\tPartitionCount: 2\tReplicationFactor: 3\tConfigs: min.insync.replicas=2\n\
        \tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3\n\
        \tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3\n";

    #[tokio::test]
    async fn topic_and_broker_configs_over_the_tools() {
        let every_topic = "All configs for topic orders are:\n  min.insync.replicas=2 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:min.insync.replicas=2, DEFAULT_CONFIG:min.insync.replicas=1}\n  retention.ms=604800000 sensitive=false synonyms={}\nAll configs for topic audit are:\n  min.insync.replicas=1 sensitive=false synonyms={DEFAULT_CONFIG:min.insync.replicas=1}\n";
        let broker = "All configs for broker 2 are:\n  controller.quorum.fetch.timeout.ms=2000 sensitive=false synonyms={DEFAULT_CONFIG:controller.quorum.fetch.timeout.ms=2000}\n";
        let r = route(
            FakeRunner::default()
                .answer("kafka-configs.sh", &["--describe", "--all", "--entity-type", "topics"], every_topic, "", 0)
                .answer(
                    "kafka-configs.sh",
                    &["--describe", "--all", "--entity-type", "brokers", "--entity-name", "2"],
                    broker,
                    "",
                    0,
                ),
        );
        let names = ["orders", "audit", "gone"].map(String::from);
        let read = r.topic_int_configs(&names, "min.insync.replicas").await.unwrap();
        assert_eq!(read.values, [("audit".to_string(), 1), ("orders".to_string(), 2)].into());
        assert_eq!(
            read.failed.keys().collect::<Vec<_>>(),
            ["gone"],
            "a topic without the value is failed, not guessed"
        );
        assert_eq!(r.broker_int_config(2, "controller.quorum.fetch.timeout.ms").await.unwrap(), 2000);
        assert!(r.broker_int_config(2, "no.such.config").await.is_err());
    }

    #[tokio::test]
    async fn topics_list_over_the_tools_has_partitions_and_replication() {
        // The old exec route listed names only (`--list`) and reported 0 and 0.
        let r = route(FakeRunner::default().answer(
            "kafka-topics.sh",
            &["--describe", "--exclude-internal"],
            DESCRIBE,
            "",
            0,
        ));
        let rows = r.topics(false).await.unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!((rows[0].partitions, rows[0].replication_factor, rows[0].under_replicated), (2, 3, 1));
    }

    #[tokio::test]
    async fn topics_describe_over_the_tools_is_the_typed_description() {
        // The old exec route printed kafka-topics.sh's text, even with -o json.
        let configs = "All configs for topic orders are:\n  min.insync.replicas=2 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:min.insync.replicas=2}\n";
        let r = route(
            FakeRunner::default()
                .answer("kafka-topics.sh", &["--describe", "--topic", "orders"], DESCRIBE, "", 0)
                .answer(
                    "kafka-configs.sh",
                    &["--describe", "--entity-type", "topics", "--entity-name", "orders", "--all"],
                    configs,
                    "",
                    0,
                )
                .answer(
                    "kafka-get-offsets.sh",
                    &["--topic", "orders", "--time", "-2"],
                    "orders:0:0\norders:1:3\n",
                    "",
                    0,
                )
                .answer(
                    "kafka-get-offsets.sh",
                    &["--topic", "orders", "--time", "-1"],
                    "orders:0:10\norders:1:12\n",
                    "",
                    0,
                ),
        );
        let d = r.describe_topic("orders").await.unwrap().unwrap();
        let json = serde_json::to_value(&d).unwrap();
        assert_eq!(json["partitions"][1]["logStartOffset"], 3);
        assert_eq!(json["partitions"][1]["logEndOffset"], 12);
        assert_eq!(json["partitions"][1]["underReplicated"], true);
        assert_eq!(json["configs"][0]["source"], "DYNAMIC_TOPIC_CONFIG");
        let missing = route(
            FakeRunner::default()
                .answer(
                    "kafka-topics.sh",
                    &["--describe", "--topic", "nope"],
                    "Error while executing topic command : Topic 'nope' does not exist as expected\n",
                    "",
                    1,
                )
                .answer(
                    "kafka-configs.sh",
                    &["--describe", "--entity-type", "topics", "--entity-name", "nope", "--all"],
                    "",
                    "",
                    1,
                )
                .answer("kafka-get-offsets.sh", &["--topic", "nope", "--time", "-2"], "", "", 1)
                .answer("kafka-get-offsets.sh", &["--topic", "nope", "--time", "-1"], "", "", 1),
        );
        assert_eq!(missing.describe_topic("nope").await.unwrap(), None);
    }

    #[tokio::test]
    async fn a_group_delete_the_tool_failed_is_an_error() {
        let failed = "\nError: Deletion of some consumer groups failed:\n* Group 'billing' could not be deleted due to: java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.GroupNotEmptyException: The group is not empty.\n";
        let r = route(FakeRunner::default().answer(GROUPS_TOOL, &["--delete", "--group", "billing"], failed, "", 0));
        let err = r.delete_group("billing").await.unwrap_err().to_string();
        assert!(err.contains("GroupNotEmptyException"), "{err}");
        let ok = "Deletion of requested consumer groups ('billing') was successful.\n";
        let r = route(FakeRunner::default().answer(GROUPS_TOOL, &["--delete", "--group", "billing"], ok, "", 0));
        r.delete_group("billing").await.unwrap();
    }

    #[test]
    fn resets_become_the_tools_arguments() {
        let a = reset_tool_args(&request(None, ResetTo::Earliest)).unwrap();
        assert_eq!(a, ["--reset-offsets", "--group", "billing", "--topic", "orders", "--to-earliest"]);
        let one = reset_tool_args(&request(Some(2), ResetTo::ShiftBy(-5))).unwrap();
        assert_eq!(one[4..], ["orders:2", "--shift-by=-5"]);
        let at: jiff::Timestamp = "2026-11-25T08:30:00Z".parse().unwrap();
        let by_time = reset_tool_args(&request(None, ResetTo::Time(at.as_millisecond()))).unwrap();
        assert_eq!(by_time[5..], ["--to-datetime", "2026-11-25T08:30:00.000Z"]);
    }
}

#[cfg(test)]
pub mod fake {
    //! A tool runner with canned outputs, for command tests without a cluster.

    use std::sync::Mutex;

    use super::*;

    /// Answers each script + argv with its canned output (stdout, stderr, exit code); an
    /// unexpected call fails the test, and every call is recorded.
    #[derive(Default)]
    pub struct FakeRunner {
        pub answers: Vec<(String, Vec<String>, String, String, i32)>,
        pub calls: Mutex<Vec<(String, Vec<String>)>>,
        /// An unexpected call exits 1 instead of failing the test (to see what a command
        /// would run).
        pub lenient: bool,
        /// What each run was given on stdin (read to its end), by script.
        pub stdin: Mutex<Vec<(String, Vec<u8>)>>,
    }

    impl FakeRunner {
        pub fn answer(mut self, script: &str, args: &[&str], stdout: &str, stderr: &str, code: i32) -> FakeRunner {
            self.answers.push((script.into(), argv(args), stdout.into(), stderr.into(), code));
            self
        }
    }

    impl ToolRunner for FakeRunner {
        fn run<'a>(
            &'a self,
            script: &'a str,
            args: &'a [String],
            stdin: Option<Stdin>,
        ) -> BoxFuture<'a, anyhow::Result<ExecOutput>> {
            Box::pin(async move {
                if let Some(mut input) = stdin {
                    let mut bytes = Vec::new();
                    tokio::io::AsyncReadExt::read_to_end(&mut input, &mut bytes).await?;
                    self.stdin.lock().unwrap().push((script.to_string(), bytes));
                }
                self.calls.lock().unwrap().push((script.to_string(), args.to_vec()));
                let found = self.answers.iter().find(|(s, a, ..)| s == script && a == args);
                let (_, _, stdout, stderr, code) = match found {
                    Some(answer) => answer,
                    None if self.lenient => &(String::new(), Vec::new(), String::new(), "no canned answer".into(), 1),
                    None => panic!("unexpected tool call: {script} {args:?}"),
                };
                Ok(ExecOutput {
                    pod: "kafka-1-fake".into(),
                    stdout: stdout.as_bytes().to_vec(),
                    stderr: stderr.as_bytes().to_vec(),
                    code: *code,
                    message: None,
                })
            })
        }
    }
}
