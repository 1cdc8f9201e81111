//! The streaming questions, produce and consume, on either route: the topic a producer needs
//! to know first, a sink for records, a source of records. The client route uses one
//! idempotent producer and a consumer; the tools route feeds kafka-console-producer.sh
//! through the exec's stdin and reads kafka-console-consumer.sh's output back into records.
//! What a route cannot do is refused here, before anything is read or sent.

use std::time::Duration;

use tokio::io::AsyncWriteExt;
use tokio::sync::mpsc;

use crate::exit::{ExitCode, Failure};
use crate::kafka::admin::topic_configs;
use crate::kafka::consume::{ConsumePlan, ConsumeSummary, StartAt, consume};
use crate::kafka::metadata::fetch_metadata_for;
use crate::kafka::produce::{Acks, Compression, ProduceSettings, ProduceSummary, produce_stream};
use crate::kafka::record::{Position, Record};

use super::client::ClientRoute;
use super::tools::console::{ConsoleLines, max_message_bytes_in, send_failures_in};
use super::tools::{ToolsRoute, tool_failed};
use super::{Backend, require_topic};

/// How `produce` sends, on either route.
#[derive(Debug, Clone)]
pub struct ProduceRequest {
    pub topic: String,
    pub acks: Acks,
    pub compression: Compression,
    pub timeout: Duration,
    /// Records carry keys (--key or --key-separator).
    pub keys: bool,
    /// Records carry headers (-H).
    pub headers: bool,
    /// The parts every record shares (a fixed --key and the -H headers), when records are not
    /// split into key and value line by line: checked once, before any input is read.
    pub fixed: Option<Record>,
    pub partition: Option<i32>,
    pub json: bool,
    pub dry_run: bool,
}

/// What a producer needs to know of its topic: its largest message, and its partitions (None
/// where the route cannot tell).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProduceTarget {
    pub max_message_bytes: usize,
    pub partitions: Option<Vec<i32>>,
}

/// What a producer sent, the first record the route could not carry (its 1-based number and
/// why), and where it went in words.
#[derive(Debug, Clone, Default)]
pub struct Sent {
    pub summary: ProduceSummary,
    pub refused: Option<(u64, String)>,
    pub via: Option<String>,
}

/// How `consume` reads, on either route.
#[derive(Debug, Clone)]
pub struct ConsumeRequest {
    pub plan: ConsumePlan,
    /// The records' keys are printed (--format kv or --print-key).
    pub keys: bool,
    /// JSON lines (with partition, offset and timestamp).
    pub json: bool,
}

/// What a consumer read, and where from in words.
#[derive(Debug, Clone, Default)]
pub struct Consumed {
    pub summary: ConsumeSummary,
    pub via: Option<String>,
}

fn over_exec(message: String) -> anyhow::Error {
    Failure::new(ExitCode::Usage, message)
        .hint("use --via port-forward (the default outside the cluster) for this")
        .into()
}

impl Backend {
    /// Refuses what this route cannot send, before any input is read.
    pub fn check_produce(&self, request: &ProduceRequest) -> anyhow::Result<()> {
        match self {
            Backend::Client(_) => Ok(()),
            Backend::Tools(_) => {
                console_producer_args(request).map_err(over_exec)?;
                if let Some(fixed) = &request.fixed {
                    lines_of(request)
                        .encode(&Record { value: Some(Vec::new()), ..fixed.clone() })
                        .map_err(|m| over_exec(format!("over --via exec: {m}")))?;
                }
                Ok(())
            }
        }
    }

    /// The topic's max.message.bytes and partitions; NotFound when it does not exist.
    pub async fn produce_target(&self, topic: &str, namespace: &str) -> anyhow::Result<ProduceTarget> {
        match self {
            Backend::Client(c) => client_target(c, topic, namespace).await,
            Backend::Tools(t) => tools_target(t, topic, namespace).await,
        }
    }

    /// Sends every record from `records` (or, with `dry_run`, only counts them).
    pub async fn produce(
        &self,
        request: &ProduceRequest,
        target: &ProduceTarget,
        records: mpsc::Receiver<Record>,
    ) -> anyhow::Result<Sent> {
        match self {
            Backend::Client(c) => client_produce(c, request, target, records).await,
            Backend::Tools(t) => tools_produce(t, request, records).await,
        }
    }

    /// Refuses what this route cannot read, before anything runs.
    pub fn check_consume(&self, request: &ConsumeRequest) -> anyhow::Result<()> {
        match self {
            Backend::Client(_) => Ok(()),
            Backend::Tools(_) => console_consumer_args(request).map(|_| ()).map_err(over_exec),
        }
    }

    /// Reads records into `sink` until caught up, `stop`, or the plan's limit.
    pub async fn consume<S, F>(
        &self,
        request: &ConsumeRequest,
        namespace: &str,
        sink: S,
        stop: F,
    ) -> anyhow::Result<Consumed>
    where
        S: FnMut(&Record, &Position) -> std::io::Result<()>,
        F: Future<Output = ()>,
    {
        match self {
            Backend::Client(c) => client_consume(c, request, namespace, sink, stop).await,
            Backend::Tools(t) => tools_consume(t, request, sink).await,
        }
    }
}

async fn client_target(c: &ClientRoute, topic: &str, namespace: &str) -> anyhow::Result<ProduceTarget> {
    let meta = fetch_metadata_for(&c.opts, topic).await.map_err(|e| c.unreachable(e))?;
    let partitions = meta
        .topics
        .iter()
        .find(|t| t.name == topic && t.error.is_none())
        .ok_or_else(|| no_topic_to_produce_to(topic, namespace))?
        .partitions
        .iter()
        .map(|p| p.id)
        .collect();
    let max_message_bytes = topic_configs(&c.opts, topic)
        .await?
        .iter()
        .find(|c| c.name == "max.message.bytes")
        .and_then(|c| c.value.as_deref()?.parse().ok())
        .ok_or_else(|| no_limit(topic, namespace))?;
    Ok(ProduceTarget { max_message_bytes, partitions: Some(partitions) })
}

/// Producing never creates a topic: a missing one is an error, never made on first use.
fn no_topic_to_produce_to(topic: &str, namespace: &str) -> anyhow::Error {
    Failure::new(
        ExitCode::NotFound,
        format!("topic {topic} does not exist, and this cluster does not create topics on first use"),
    )
    .hint(format!(
        "create it first: kubectl kafka -n {namespace} topics create {topic} --partitions 1 --replication-factor 3"
    ))
    .into()
}

fn no_limit(topic: &str, namespace: &str) -> anyhow::Error {
    Failure::new(ExitCode::Failure, format!("topic {topic} has no readable max.message.bytes"))
        .hint(format!(
            "`kubectl kafka -n {namespace} topics describe {topic} --all-configs` shows what the broker says"
        ))
        .into()
}

async fn client_produce(
    c: &ClientRoute,
    request: &ProduceRequest,
    target: &ProduceTarget,
    mut records: mpsc::Receiver<Record>,
) -> anyhow::Result<Sent> {
    let summary = if request.dry_run {
        let mut summary = ProduceSummary { topic: request.topic.clone(), ..Default::default() };
        while let Some(record) = records.recv().await {
            summary.messages += 1;
            summary.bytes += record.size() as u64;
            summary.partitions.extend(record.partition);
        }
        summary
    } else {
        let settings = ProduceSettings {
            acks: request.acks,
            compression: request.compression,
            max_message_bytes: target.max_message_bytes,
        };
        produce_stream(&c.opts, &request.topic, &settings, records).await?
    };
    Ok(Sent { summary, refused: None, via: None })
}

async fn client_consume<S, F>(
    c: &ClientRoute,
    request: &ConsumeRequest,
    namespace: &str,
    sink: S,
    stop: F,
) -> anyhow::Result<Consumed>
where
    S: FnMut(&Record, &Position) -> std::io::Result<()>,
    F: Future<Output = ()>,
{
    let plan = &request.plan;
    let meta = fetch_metadata_for(&c.opts, &plan.topic).await.map_err(|e| c.unreachable(e))?;
    let topic = require_topic(&meta, &plan.topic, namespace)?;
    for p in plan.partitions.iter().flatten() {
        if !topic.partitions.iter().any(|q| q.id == *p) {
            return Err(Failure::new(
                ExitCode::Usage,
                format!("topic {} has no partition {p} (it has {})", plan.topic, topic.partitions.len()),
            )
            .into());
        }
    }
    let summary = consume(&c.opts, plan, sink, stop).await?;
    Ok(Consumed { summary, via: None })
}

fn lines_of(request: &ProduceRequest) -> ConsoleLines {
    ConsoleLines { keys: request.keys, headers: request.headers }
}

/// kafka-console-producer's arguments for what it can do; the rest is refused, naming it.
pub fn console_producer_args(request: &ProduceRequest) -> Result<Vec<String>, String> {
    if request.partition.is_some() {
        return Err("--partition over --via exec is not supported (the console producer picks partitions)".into());
    }
    if request.json {
        return Err("--format json over --via exec is not supported (the console producer reads text lines)".into());
    }
    let mut a = vec!["--topic".to_string(), request.topic.clone()];
    a.extend(["--producer-property".into(), format!("acks={}", request.acks.as_str())]);
    a.extend(["--producer-property".into(), format!("enable.idempotence={}", request.acks.idempotent())]);
    if request.compression != Compression::None {
        a.extend(["--compression-codec".into(), request.compression.as_str().to_string()]);
    }
    // A send that cannot be delivered fails within the command's timeout, not after minutes.
    let ms = request.timeout.as_millis().max(1000);
    a.extend(["--producer-property".into(), format!("delivery.timeout.ms={}", ms * 2)]);
    a.extend(["--producer-property".into(), format!("request.timeout.ms={ms}")]);
    a.extend(["--producer-property".into(), format!("max.block.ms={ms}")]);
    a.extend(lines_of(request).properties());
    Ok(a)
}

/// The topic and its max.message.bytes from kafka-configs.sh in the broker's pod.
async fn tools_target(t: &ToolsRoute, topic: &str, namespace: &str) -> anyhow::Result<ProduceTarget> {
    let describe = ["--describe", "--all", "--entity-type", "topics", "--entity-name", topic].map(String::from);
    let configs = t.run("kafka-configs.sh", &describe, None).await?;
    if configs.code != 0 && String::from_utf8_lossy(&configs.stderr).contains("UnknownTopicOrPartition") {
        return Err(no_topic_to_produce_to(topic, namespace));
    }
    if configs.code != 0 {
        return Err(tool_failed("kafka-configs.sh", &configs));
    }
    let max_message_bytes = max_message_bytes_in(&String::from_utf8_lossy(&configs.stdout)).ok_or_else(|| {
        Failure::new(
            ExitCode::Failure,
            format!("kafka-configs.sh in pod {} gave no max.message.bytes for topic {topic}", configs.pod),
        )
    })?;
    Ok(ProduceTarget { max_message_bytes, partitions: None })
}

/// Records become console lines on one side of a pipe; the exec feeds the other to
/// kafka-console-producer.sh, and closing it ends the tool.
async fn tools_produce(
    t: &ToolsRoute,
    request: &ProduceRequest,
    mut records: mpsc::Receiver<Record>,
) -> anyhow::Result<Sent> {
    let lines = lines_of(request);
    let tool_args = console_producer_args(request).map_err(over_exec)?;
    let mut summary = ProduceSummary { topic: request.topic.clone(), ..Default::default() };
    let (mut pipe_in, pipe_out) = tokio::io::duplex(256 * 1024);
    let encoder = async {
        let mut refused = None;
        while let Some(record) = records.recv().await {
            match lines.encode(&record) {
                Ok(line) => {
                    summary.messages += 1;
                    summary.bytes += record.size() as u64;
                    if !request.dry_run && pipe_in.write_all(&line).await.is_err() {
                        break;
                    }
                }
                Err(m) => {
                    refused = Some((summary.messages + 1, format!("over --via exec: {m}")));
                    break;
                }
            }
        }
        drop(records);
        drop(pipe_in);
        refused
    };
    let (refused, sent) = if request.dry_run {
        drop(pipe_out);
        (encoder.await, None)
    } else {
        let producer = t.run("kafka-console-producer.sh", &tool_args, Some(Box::new(pipe_out)));
        let (refused, out) = tokio::join!(encoder, producer);
        (refused, Some(out?))
    };
    let mut via = None;
    if let Some(out) = &sent {
        if out.code != 0 {
            return Err(tool_failed("kafka-console-producer.sh", out));
        }
        (summary.failed, summary.first_error) = send_failures_in(&String::from_utf8_lossy(&out.stderr));
        summary.messages = summary.messages.saturating_sub(summary.failed);
        via = Some(format!(" (kafka-console-producer.sh in pod {})", out.pod));
    }
    Ok(Sent { summary, refused, via })
}

/// Without --follow the console consumer stops once nothing new arrives for this long (it has
/// no "until caught up").
const EXEC_IDLE_MS: u64 = 5000;

/// kafka-console-consumer's arguments for what it can do; the rest is refused, naming it.
pub fn console_consumer_args(request: &ConsumeRequest) -> Result<Vec<String>, String> {
    let plan = &request.plan;
    let mut a = vec!["--topic".to_string(), plan.topic.clone()];
    if plan.follow {
        return Err("--follow over --via exec is not supported (the output comes back when the tool ends)".into());
    }
    if request.json {
        return Err("--format json over --via exec is not supported".into());
    }
    let partition = match plan.partitions.as_deref() {
        None => None,
        Some([p]) => Some(*p),
        Some(_) => return Err("more than one --partition over --via exec is not supported".into()),
    };
    match (plan.start, partition) {
        (StartAt::Beginning, None) => a.push("--from-beginning".into()),
        (StartAt::Beginning, Some(p)) => {
            a.extend(["--partition".into(), p.to_string(), "--offset".into(), "earliest".into()])
        }
        (StartAt::End, Some(p)) => a.extend(["--partition".into(), p.to_string(), "--offset".into(), "latest".into()]),
        (StartAt::End, None) => {}
        (StartAt::Offset(n), Some(p)) => {
            a.extend(["--partition".into(), p.to_string(), "--offset".into(), n.to_string()])
        }
        (StartAt::Offset(_), None) => return Err("--offset N over --via exec needs --partition".into()),
        (StartAt::FromEnd(_) | StartAt::Time(_), _) => {
            return Err("--offset -N and --since over --via exec are not supported".into());
        }
    }
    if let Some(g) = &plan.group {
        a.extend(["--group".into(), g.clone()]);
    }
    if let Some(m) = plan.max_messages {
        a.extend(["--max-messages".into(), m.to_string()]);
    }
    if request.keys {
        a.extend(["--property".into(), "print.key=true".into(), "--property".into(), "key.separator=\t".into()]);
    }
    a.extend(["--timeout-ms".into(), EXEC_IDLE_MS.to_string()]);
    Ok(a)
}

/// One line of the console consumer's output back into a record: `key TAB value` when keys
/// are printed (the tool prints a missing key as `null`), else the value.
pub fn record_of_line(line: &[u8], keys: bool) -> Record {
    if keys && let Some(at) = line.iter().position(|b| *b == b'\t') {
        let key = &line[..at];
        return Record {
            key: (key != b"null").then(|| key.to_vec()),
            value: Some(line[at + 1..].to_vec()),
            ..Default::default()
        };
    }
    Record { value: Some(line.to_vec()), ..Default::default() }
}

async fn tools_consume<S>(t: &ToolsRoute, request: &ConsumeRequest, mut sink: S) -> anyhow::Result<Consumed>
where
    S: FnMut(&Record, &Position) -> std::io::Result<()>,
{
    let tool_args = console_consumer_args(request).map_err(over_exec)?;
    let out = t.run("kafka-console-consumer.sh", &tool_args, None).await?;
    if out.code != 0 {
        return Err(tool_failed("kafka-console-consumer.sh", &out));
    }
    // The tool prints neither partitions nor offsets: the position is unknown (-1).
    let at = Position { topic: request.plan.topic.clone(), partition: -1, offset: -1, timestamp: None };
    let mut summary = ConsumeSummary::default();
    for line in out.stdout.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
        let record = record_of_line(line, request.keys);
        summary.messages += 1;
        summary.bytes += record.size() as u64;
        sink(&record, &at)?;
    }
    summary.committed = request.plan.group.is_some();
    Ok(Consumed { summary, via: Some(format!(" (kafka-console-consumer.sh in pod {})", out.pod)) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn produce(partition: Option<i32>, json: bool, acks: Acks, compression: Compression, keys: bool) -> ProduceRequest {
        ProduceRequest {
            topic: "orders".into(),
            acks,
            compression,
            timeout: Duration::from_secs(30),
            keys,
            headers: false,
            fixed: None,
            partition,
            json,
            dry_run: false,
        }
    }

    #[test]
    fn the_console_producer_gets_what_it_can_do() {
        let a = console_producer_args(&produce(None, false, Acks::Leader, Compression::Zstd, false)).unwrap();
        assert!(a.windows(2).any(|w| w == ["--producer-property", "acks=1"]), "{a:?}");
        assert!(a.windows(2).any(|w| w == ["--producer-property", "enable.idempotence=false"]), "{a:?}");
        assert!(a.windows(2).any(|w| w == ["--compression-codec", "zstd"]), "{a:?}");
        assert_eq!(a[..2], ["--topic", "orders"]);
        assert!(a.windows(2).any(|w| w == ["--producer-property", "max.block.ms=30000"]), "the command's timeout");
        let keyed = console_producer_args(&produce(None, false, Acks::All, Compression::None, true)).unwrap();
        assert!(keyed.iter().any(|x| x == "parse.key=true"), "{keyed:?}");
        assert!(!keyed.iter().any(|x| x == "--compression-codec"));
        assert!(
            console_producer_args(&produce(Some(2), false, Acks::All, Compression::None, false))
                .unwrap_err()
                .contains("--partition")
        );
        assert!(
            console_producer_args(&produce(None, true, Acks::All, Compression::None, false))
                .unwrap_err()
                .contains("--format json")
        );
    }

    fn consume_request(start: StartAt, partitions: Option<Vec<i32>>, keys: bool) -> ConsumeRequest {
        ConsumeRequest {
            plan: ConsumePlan {
                topic: "orders".into(),
                partitions,
                start,
                max_messages: Some(10),
                follow: false,
                group: None,
            },
            keys,
            json: false,
        }
    }

    #[test]
    fn the_console_consumer_gets_what_it_can_do() {
        let a = console_consumer_args(&consume_request(StartAt::Beginning, None, true)).unwrap();
        assert!(a.contains(&"--from-beginning".to_string()) && a.contains(&"print.key=true".to_string()), "{a:?}");
        assert!(a.windows(2).any(|w| w == ["--max-messages", "10"]));
        let at = console_consumer_args(&consume_request(StartAt::Offset(5), Some(vec![2]), false)).unwrap();
        assert!(at.windows(4).any(|w| w == ["--partition", "2", "--offset", "5"]), "{at:?}");
        assert!(console_consumer_args(&consume_request(StartAt::Offset(5), None, false)).is_err());
        assert!(console_consumer_args(&consume_request(StartAt::Time(1), None, false)).is_err());
        let mut follow = consume_request(StartAt::End, None, false);
        follow.plan.follow = true;
        assert!(console_consumer_args(&follow).unwrap_err().contains("--follow"));
    }

    #[tokio::test]
    async fn over_the_tools_the_topic_is_checked_and_records_come_back() {
        use crate::route::tools::fake::FakeRunner;
        let describe = |t: &'static str| ["--describe", "--all", "--entity-type", "topics", "--entity-name", t];
        let runner = FakeRunner::default()
            .answer(
                "kafka-configs.sh",
                &describe("orders"),
                "All configs for topic orders are:\n  max.message.bytes=1048588 sensitive=false synonyms={DEFAULT_CONFIG:message.max.bytes=1048588}\n",
                "",
                0,
            )
            .answer("kafka-configs.sh", &describe("gone"), "", "Error: org.apache.kafka.common.errors.UnknownTopicOrPartitionException", 1)
            .answer(
                "kafka-console-consumer.sh",
                &[
                    "--topic", "orders", "--from-beginning", "--max-messages", "10", "--property", "print.key=true",
                    "--property", "key.separator=\t", "--timeout-ms", "5000",
                ],
                "k1\tv1\nnull\tv2\n",
                "Processed a total of 2 messages\n",
                0,
            );
        let backend = Backend::Tools(ToolsRoute::new(std::sync::Arc::new(runner)));
        let target = backend.produce_target("orders", "kafka").await.unwrap();
        assert_eq!(target, ProduceTarget { max_message_bytes: 1048588, partitions: None });
        let missing = backend.produce_target("gone", "kafka").await.unwrap_err();
        assert_eq!(missing.downcast_ref::<Failure>().map(|f| f.code), Some(ExitCode::NotFound));

        let mut json = consume_request(StartAt::Beginning, None, true);
        json.json = true;
        assert!(backend.check_consume(&json).is_err(), "JSON needs positions the console tool does not print");
        let mut seen = Vec::new();
        let consumed = backend
            .consume(
                &consume_request(StartAt::Beginning, None, true),
                "kafka",
                |r, at| {
                    seen.push((r.key.clone(), r.value.clone(), at.partition));
                    Ok(())
                },
                std::future::pending(),
            )
            .await
            .unwrap();
        assert_eq!(consumed.summary.messages, 2);
        assert_eq!(seen[0], (Some(b"k1".to_vec()), Some(b"v1".to_vec()), -1));
        assert_eq!(seen[1].0, None, "`null` is no key");
        assert!(consumed.via.unwrap().contains("kafka-1-fake"));

        let mut with_partition = produce(Some(1), false, Acks::All, Compression::None, false);
        assert!(backend.check_produce(&with_partition).is_err());
        with_partition.partition = None;
        with_partition.headers = true;
        with_partition.fixed =
            Some(Record { headers: vec![("bad:key".into(), Some(b"v".to_vec()))], ..Default::default() });
        let refused = backend.check_produce(&with_partition).unwrap_err();
        assert!(format!("{refused:#}").contains("header key"), "{refused:#}");
    }

    #[test]
    fn console_lines_come_back_as_records() {
        let r = record_of_line(b"k1\tv\t1", true);
        assert_eq!((r.key.as_deref(), r.value.as_deref()), (Some(&b"k1"[..]), Some(&b"v\t1"[..])));
        let r = record_of_line(b"null\tv", true);
        assert_eq!((r.key, r.value.as_deref()), (None, Some(&b"v"[..])));
        let r = record_of_line(b"a\tb", false);
        assert_eq!((r.key, r.value.as_deref()), (None, Some(&b"a\tb"[..])));
    }
}
