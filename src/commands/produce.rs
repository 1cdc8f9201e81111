//! `kubectl kafka produce TOPIC`: records from stdin or a file, a line each or JSON lines,
//! checked before sending (header syntax, JSON, size against the topic's max.message.bytes),
//! sent by one idempotent producer; a summary on stderr.

use std::io::BufRead;

use tokio::sync::mpsc;

use crate::cli::{InputFormat, ProduceArgs};
use crate::commands::Context;
use crate::exit::{ExitCode, Failure};
use crate::kafka::names::check_topic_name;
use crate::kafka::produce::ProduceSummary;
use crate::kafka::record::{Record, from_json, parse_header};
use crate::route::stream::ProduceRequest;

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
    let namespace = session.cluster.namespace.clone();
    let result = async {
        let backend = &session.backend;
        let request = ProduceRequest {
            topic: args.topic.clone(),
            acks: args.acks,
            compression: args.compression,
            timeout: args.timeout,
            keys: args.key.is_some() || args.key_separator.is_some(),
            headers: !headers.is_empty(),
            // Fixed keys and headers are the same on every record: checked once, up front.
            fixed: args.key_separator.is_none().then(|| Record {
                key: args.key.as_ref().map(|k| k.as_bytes().to_vec()),
                headers: headers.clone(),
                ..Default::default()
            }),
            partition: args.partition,
            json: args.format == InputFormat::Json,
            dry_run: args.dry_run,
        };
        backend.check_produce(&request)?;
        let target = backend.produce_target(&args.topic, &namespace).await?;
        if let (Some(p), Some(partitions)) = (args.partition, &target.partitions)
            && !partitions.contains(&p)
        {
            return Err(Failure::new(
                ExitCode::Usage,
                format!("topic {} has no partition {p} (it has {})", args.topic, partitions.len()),
            )
            .into());
        }
        let rules = LineRules::of(args, headers.clone(), target.max_message_bytes);
        let (tx, rx) = mpsc::channel(10_000);
        let reader_task = tokio::task::spawn_blocking(move || read_input(reader, rules, tx));
        let sent = backend.produce(&request, &target, rx).await?;
        let input = reader_task.await?;
        let whereto = sent.via.clone().unwrap_or_else(|| {
            let parts: Vec<String> = sent.summary.partitions.iter().map(i32::to_string).collect();
            if parts.is_empty() { String::new() } else { format!(", partitions {}", parts.join(",")) }
        });
        // The first bad line: one the reader refused, or one the route could not carry.
        let bad = [input.error, sent.refused].into_iter().flatten().min_by_key(|(line, _)| *line);
        let first_error = sent.summary.first_error.clone().unwrap_or_default();
        report(ctx, args, &sent.summary, &whereto, bad, (input.lines, &first_error))
    }
    .await;
    session.close().await;
    result
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
