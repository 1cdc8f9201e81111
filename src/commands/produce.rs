//! `kubectl kafka produce TOPIC`: records from stdin or a file, a line each or JSON lines,
//! checked before sending (header syntax, JSON, size against the topic's max.message.bytes),
//! sent by one idempotent producer; a summary on stderr.

use std::io::BufRead;

use tokio::io::AsyncWriteExt;
use tokio::sync::mpsc;

use crate::cli::{InputFormat, ProduceArgs};
use crate::commands::Context;
use crate::exit::{ExitCode, Failure};
use crate::kafka::admin::topic_configs;
use crate::kafka::metadata::fetch_metadata_for;
use crate::kafka::names::check_topic_name;
use crate::kafka::produce::{ProduceSettings, ProduceSummary, produce_stream};
use crate::kafka::record::{Record, from_json, parse_header};
use crate::route::ToolsRoute;
use crate::route::tools::console::{ConsoleLines, max_message_bytes_in, send_failures_in};
use crate::route::tools::tool_failed;

/// How each input line becomes a record.
#[derive(Debug, Clone)]
pub struct LineRules {
    pub format: InputFormat,
    pub key: Option<Vec<u8>>,
    pub key_separator: Option<Vec<u8>>,
    pub headers: Vec<(String, Option<Vec<u8>>)>,
    pub partition: Option<i32>,
    pub max_bytes: usize,
    pub topic: String,
}

impl LineRules {
    /// The command's rules, with the topic's limit.
    fn of(args: &ProduceArgs, headers: Vec<(String, Option<Vec<u8>>)>, max_bytes: usize) -> LineRules {
        LineRules {
            format: args.format,
            key: args.key.as_ref().map(|k| k.as_bytes().to_vec()),
            key_separator: args.key_separator.as_ref().map(|s| s.as_bytes().to_vec()),
            headers,
            partition: args.partition,
            max_bytes,
            topic: args.topic.clone(),
        }
    }
}

/// Turns one input line (without its newline) into a record, or says why not.
pub fn parse_line(line: &[u8], rules: &LineRules) -> Result<Record, String> {
    let mut record = match rules.format {
        InputFormat::Json => {
            from_json(std::str::from_utf8(line).map_err(|_| "a JSON line must be UTF-8".to_string())?)?
        }
        InputFormat::Lines => match &rules.key_separator {
            Some(sep) => {
                let at = line
                    .windows(sep.len())
                    .position(|w| w == sep.as_slice())
                    .ok_or_else(|| format!("no key separator {:?} in the line", String::from_utf8_lossy(sep)))?;
                Record {
                    key: Some(line[..at].to_vec()),
                    value: Some(line[at + sep.len()..].to_vec()),
                    ..Default::default()
                }
            }
            None => Record { key: rules.key.clone(), value: Some(line.to_vec()), ..Default::default() },
        },
    };
    record.headers.extend(rules.headers.iter().cloned());
    if rules.partition.is_some() {
        record.partition = rules.partition;
    }
    if record.size() > rules.max_bytes {
        return Err(format!(
            "record of {} bytes is over topic {}'s max.message.bytes ({} bytes)",
            record.size(),
            rules.topic,
            rules.max_bytes
        ));
    }
    Ok(record)
}

/// What the reader thread saw: lines read, and the first bad line.
struct InputOutcome {
    lines: u64,
    error: Option<(u64, String)>,
}

fn read_input(reader: Box<dyn BufRead + Send>, rules: LineRules, tx: mpsc::Sender<Record>) -> InputOutcome {
    let mut outcome = InputOutcome { lines: 0, error: None };
    let mut reader = reader;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(err) => {
                outcome.error = Some((outcome.lines + 1, format!("read error: {err}")));
                break;
            }
        }
        outcome.lines += 1;
        let mut line = buf.as_slice();
        if line.last() == Some(&b'\n') {
            line = &line[..line.len() - 1];
        }
        if line.last() == Some(&b'\r') {
            line = &line[..line.len() - 1];
        }
        if rules.format == InputFormat::Json && line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse_line(line, &rules) {
            Ok(record) => {
                if tx.blocking_send(record).is_err() {
                    break;
                }
            }
            Err(msg) => {
                outcome.error = Some((outcome.lines, msg));
                break;
            }
        }
    }
    outcome
}

pub async fn run(ctx: &Context, args: &ProduceArgs) -> anyhow::Result<()> {
    check_topic_name(&args.topic).map_err(|m| Failure::new(ExitCode::Usage, format!("invalid topic name: {m}")))?;
    let headers = args
        .headers
        .iter()
        .map(|h| parse_header(h))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|m| Failure::new(ExitCode::Usage, format!("-H {m}")).hint("write headers as -H KEY=VALUE"))?;
    let reader: Box<dyn BufRead + Send> = match &args.file {
        Some(path) => Box::new(std::io::BufReader::new(
            std::fs::File::open(path)
                .map_err(|e| Failure::new(ExitCode::Usage, format!("open {}: {e}", path.display())))?,
        )),
        None => Box::new(std::io::BufReader::new(std::io::stdin())),
    };

    let session = ctx.session(args.timeout).await?;
    if let Some(tools) = session.backend.tools() {
        let result = produce_via_exec(ctx, args, headers, reader, tools, &session.cluster.namespace).await;
        session.close().await;
        return result;
    }
    let cluster = &session.cluster;
    let result = async {
        let client = session.backend.client("produce")?;
        let opts = &client.opts;
        let meta = fetch_metadata_for(opts, &args.topic).await.map_err(|e| client.unreachable(e))?;
        let Some(topic) = meta.topics.iter().find(|t| t.name == args.topic && t.error.is_none()) else {
            return Err(missing_topic(&args.topic, &cluster.namespace));
        };
        if let Some(p) = args.partition
            && !topic.partitions.iter().any(|q| q.id == p)
        {
            return Err(Failure::new(
                ExitCode::Usage,
                format!("topic {} has no partition {p} (it has {})", args.topic, topic.partitions.len()),
            )
            .into());
        }
        let max_bytes = topic_configs(opts, &args.topic)
            .await?
            .iter()
            .find(|c| c.name == "max.message.bytes")
            .and_then(|c| c.value.as_deref()?.parse().ok())
            .ok_or_else(|| {
                Failure::new(ExitCode::Failure, format!("topic {} has no readable max.message.bytes", args.topic)).hint(
                    format!(
                        "`kubectl kafka -n {} topics describe {} --all-configs` shows what the broker says",
                        cluster.namespace, args.topic
                    ),
                )
            })?;
        let rules = LineRules::of(args, headers.clone(), max_bytes);
        let (tx, rx) = mpsc::channel(10_000);
        let reader_task = tokio::task::spawn_blocking(move || read_input(reader, rules, tx));
        let summary = if args.dry_run {
            let mut rx = rx;
            let mut summary = ProduceSummary { topic: args.topic.clone(), ..Default::default() };
            while let Some(record) = rx.recv().await {
                summary.messages += 1;
                summary.bytes += record.size() as u64;
                summary.partitions.extend(record.partition);
            }
            summary
        } else {
            let settings = ProduceSettings {
                acks: args.acks.clone(),
                compression: args.compression.clone(),
                max_message_bytes: max_bytes,
            };
            produce_stream(opts, &args.topic, &settings, rx).await?
        };
        let input = reader_task.await?;
        let parts: Vec<String> = summary.partitions.iter().map(i32::to_string).collect();
        let whereto = if parts.is_empty() { String::new() } else { format!(", partitions {}", parts.join(",")) };
        let first_error = summary.first_error.clone().unwrap_or_default();
        report(ctx, args, &summary, &whereto, input.error, (input.lines, &first_error))
    }
    .await;
    session.close().await;
    result
}

/// kafka-console-producer's arguments for what it can do; the rest is refused, naming it.
pub fn console_producer_args(args: &ProduceArgs, lines: ConsoleLines) -> Result<Vec<String>, String> {
    if args.partition.is_some() {
        return Err("--partition over --via exec is not supported (the console producer picks partitions)".into());
    }
    if args.format == InputFormat::Json {
        return Err("--format json over --via exec is not supported (the console producer reads text lines)".into());
    }
    let mut a = vec!["--topic".to_string(), args.topic.clone()];
    a.extend(["--producer-property".into(), format!("acks={}", args.acks)]);
    a.extend(["--producer-property".into(), format!("enable.idempotence={}", args.acks == "all")]);
    if args.compression != "none" {
        a.extend(["--compression-codec".into(), args.compression.clone()]);
    }
    // A send that cannot be delivered fails within the command's timeout, not after minutes.
    let ms = args.timeout.as_millis().max(1000);
    a.extend(["--producer-property".into(), format!("delivery.timeout.ms={}", ms * 2)]);
    a.extend(["--producer-property".into(), format!("request.timeout.ms={ms}")]);
    a.extend(["--producer-property".into(), format!("max.block.ms={ms}")]);
    a.extend(lines.properties());
    Ok(a)
}

/// produce --via exec: the lines are checked here exactly as on the client route, then fed
/// to kafka-console-producer.sh in a broker pod through the exec's stdin; closing stdin ends
/// it. The topic and its max.message.bytes come from kafka-configs.sh in the same pod.
async fn produce_via_exec(
    ctx: &Context,
    args: &ProduceArgs,
    headers: Vec<(String, Option<Vec<u8>>)>,
    reader: Box<dyn BufRead + Send>,
    route: &ToolsRoute,
    namespace: &str,
) -> anyhow::Result<()> {
    let lines = ConsoleLines { keys: args.key.is_some() || args.key_separator.is_some(), headers: !headers.is_empty() };
    let usage = |m: String| {
        Failure::new(ExitCode::Usage, m).hint("use --via port-forward (the default outside the cluster) for this")
    };
    let tool_args = console_producer_args(args, lines).map_err(usage)?;
    // Fixed keys and headers are checked once, before anything runs.
    let probe = Record {
        key: args.key.as_ref().map(|k| k.as_bytes().to_vec()),
        headers: headers.clone(),
        ..Default::default()
    };
    if args.key_separator.is_none() {
        lines
            .encode(&Record { value: Some(Vec::new()), ..probe })
            .map_err(|m| usage(format!("over --via exec: {m}")))?;
    }
    async {
        let describe =
            ["--describe", "--all", "--entity-type", "topics", "--entity-name", &args.topic].map(String::from);
        let configs = route.run("kafka-configs.sh", &describe, None).await?;
        if configs.code != 0 && String::from_utf8_lossy(&configs.stderr).contains("UnknownTopicOrPartition") {
            return Err(missing_topic(&args.topic, namespace));
        }
        if configs.code != 0 {
            return Err(tool_failed("kafka-configs.sh", &configs));
        }
        let max_bytes = max_message_bytes_in(&String::from_utf8_lossy(&configs.stdout)).ok_or_else(|| {
            Failure::new(
                ExitCode::Failure,
                format!("kafka-configs.sh in pod {} gave no max.message.bytes for topic {}", configs.pod, args.topic),
            )
        })?;
        let rules = LineRules::of(args, headers, max_bytes);
        let (tx, mut rx) = mpsc::channel::<Record>(10_000);
        let reader_task = tokio::task::spawn_blocking(move || read_input(reader, rules, tx));
        let mut summary = ProduceSummary { topic: args.topic.clone(), ..Default::default() };
        // Records become console lines on one side of a pipe; the exec reads the other.
        let (mut pipe_in, pipe_out) = tokio::io::duplex(256 * 1024);
        let encoder = async {
            let mut refused = None;
            while let Some(record) = rx.recv().await {
                match lines.encode(&record) {
                    Ok(line) => {
                        summary.messages += 1;
                        summary.bytes += record.size() as u64;
                        if !args.dry_run && pipe_in.write_all(&line).await.is_err() {
                            break;
                        }
                    }
                    Err(m) => {
                        refused = Some((summary.messages, m));
                        break;
                    }
                }
            }
            drop(rx);
            drop(pipe_in);
            refused
        };
        let (refused, sent) = if args.dry_run {
            drop(pipe_out);
            (encoder.await, None)
        } else {
            let producer = route.run("kafka-console-producer.sh", &tool_args, Some(Box::new(pipe_out)));
            let (refused, out) = tokio::join!(encoder, producer);
            (refused, Some(out?))
        };
        let input = reader_task.await?;
        let mut pod = String::new();
        if let Some(out) = &sent {
            if out.code != 0 {
                return Err(tool_failed("kafka-console-producer.sh", out));
            }
            (summary.failed, summary.first_error) = send_failures_in(&String::from_utf8_lossy(&out.stderr));
            summary.messages = summary.messages.saturating_sub(summary.failed);
            pod = format!(" (kafka-console-producer.sh in pod {})", out.pod);
        }
        // The first bad line: one the reader refused, or one no console line can carry.
        let refused = refused.map(|(n, m)| (n + 1, format!("over --via exec: {m}")));
        let bad = [input.error, refused].into_iter().flatten().min_by_key(|(line, _)| *line);
        let first_error = summary.first_error.clone().unwrap_or_default();
        report(ctx, args, &summary, &pod, bad, (input.lines, &first_error))
    }
    .await
}

/// The summary line (and document), then the outcome: the first bad input line (usage), or
/// how many of the lines read failed to send.
fn report(
    ctx: &Context,
    args: &ProduceArgs,
    summary: &ProduceSummary,
    whereto: &str,
    bad_line: Option<(u64, String)>,
    (lines, why_failed): (u64, &str),
) -> anyhow::Result<()> {
    if ctx.printer.format.is_machine() {
        ctx.printer.document(summary)?;
    }
    let verb = if args.dry_run { "would produce (dry run, nothing sent)" } else { "produced" };
    ctx.printer.note(&format!(
        "{verb} {} message{} ({} bytes) to topic {}{whereto}",
        summary.messages,
        if summary.messages == 1 { "" } else { "s" },
        summary.bytes,
        args.topic,
    ));
    if let Some((line, msg)) = bad_line {
        return Err(Failure::new(ExitCode::Usage, format!("input line {line}: {msg}"))
            .hint(format!("the {} lines before it were {}", line - 1, if args.dry_run { "checked" } else { "sent" }))
            .into());
    }
    if summary.failed > 0 {
        return Err(Failure::new(
            ExitCode::Failure,
            format!("{} of {lines} messages failed: {why_failed}", summary.failed),
        )
        .into());
    }
    Ok(())
}

fn missing_topic(topic: &str, namespace: &str) -> anyhow::Error {
    Failure::new(
        ExitCode::NotFound,
        format!("topic {topic} does not exist, and this cluster does not create topics on first use"),
    )
    .hint(format!(
        "create it first: kubectl kafka -n {namespace} topics create {topic} --partitions 1 --replication-factor 3"
    ))
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(format: InputFormat) -> LineRules {
        LineRules {
            format,
            key: None,
            key_separator: None,
            headers: vec![],
            partition: None,
            max_bytes: 100,
            topic: "t".into(),
        }
    }

    fn produce_args(extra: &[&str]) -> ProduceArgs {
        use clap::Parser;
        #[derive(Parser)]
        struct Wrap {
            #[command(flatten)]
            args: ProduceArgs,
        }
        let mut argv = vec!["produce", "orders"];
        argv.extend(extra);
        Wrap::parse_from(argv).args
    }

    #[test]
    fn the_console_producer_gets_what_it_can_do() {
        let plain = ConsoleLines { keys: false, headers: false };
        let a = console_producer_args(&produce_args(&["--acks", "1", "--compression", "zstd"]), plain).unwrap();
        assert_eq!(a[..2], ["--topic", "orders"]);
        assert!(a.windows(2).any(|w| w == ["--producer-property", "acks=1"]));
        assert!(a.windows(2).any(|w| w == ["--producer-property", "enable.idempotence=false"]));
        assert!(a.windows(2).any(|w| w == ["--compression-codec", "zstd"]));
        assert!(a.windows(2).any(|w| w == ["--producer-property", "max.block.ms=30000"]), "the command's timeout");
        let all = console_producer_args(&produce_args(&[]), ConsoleLines { keys: true, headers: false }).unwrap();
        assert!(all.windows(2).any(|w| w == ["--producer-property", "enable.idempotence=true"]));
        assert!(all.windows(2).any(|w| w == ["--property", "parse.key=true"]));
        assert!(!all.contains(&"--compression-codec".to_string()));
        let partition = console_producer_args(&produce_args(&["--partition", "2"]), plain).unwrap_err();
        assert!(partition.contains("--partition over --via exec"));
        let json = console_producer_args(&produce_args(&["--format", "json"]), plain).unwrap_err();
        assert!(json.contains("--format json over --via exec"));
    }

    #[test]
    fn lines_split_at_the_first_separator() {
        let mut r = rules(InputFormat::Lines);
        r.key_separator = Some(b":".to_vec());
        let rec = parse_line(b"user-1:a:b", &r).unwrap();
        assert_eq!((rec.key.unwrap(), rec.value.unwrap()), (b"user-1".to_vec(), b"a:b".to_vec()));
        assert!(parse_line(b"no separator", &r).unwrap_err().contains("no key separator"));
    }

    #[test]
    fn constant_key_headers_and_partition_apply_to_every_line() {
        let mut r = rules(InputFormat::Lines);
        r.key = Some(b"k".to_vec());
        r.headers = vec![("h".into(), Some(b"v".to_vec()))];
        r.partition = Some(2);
        let rec = parse_line(b"hello", &r).unwrap();
        assert_eq!(rec.key.as_deref(), Some(&b"k"[..]));
        assert_eq!(rec.headers.len(), 1);
        assert_eq!(rec.partition, Some(2));
    }

    #[test]
    fn oversized_records_are_refused_before_sending() {
        let r = rules(InputFormat::Lines);
        assert!(parse_line(&[b'x'; 100], &r).is_ok());
        assert!(parse_line(&[b'x'; 101], &r).unwrap_err().contains("over topic t's max.message.bytes (100 bytes)"));
    }

    #[test]
    fn json_lines_keep_their_fields() {
        let rec = parse_line(br#"{"key":"a","value":"b","partition":1}"#, &rules(InputFormat::Json)).unwrap();
        assert_eq!(rec.partition, Some(1));
        assert!(parse_line(b"{oops", &rules(InputFormat::Json)).unwrap_err().contains("malformed JSON"));
    }
}
