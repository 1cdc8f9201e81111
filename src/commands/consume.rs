//! `kubectl kafka consume TOPIC`: records printed as values, key/value pairs or JSON lines.

use crate::cli::{ConsumeArgs, OutputRecordFormat};
use crate::commands::Context;
use crate::exit::{ExitCode, Failure};
use crate::kafka::consume::{ConsumePlan, StartAt};
use crate::kafka::names::check_topic_name;
use crate::kafka::record::{Position, Record, to_json};
use crate::route::stream::ConsumeRequest;

/// Parses `--offset`: start|beginning|earliest, end|latest, N, -N.
pub fn parse_offset(text: &str) -> Result<StartAt, String> {
    match text {
        "start" | "beginning" | "earliest" | "oldest" => Ok(StartAt::Beginning),
        "end" | "latest" | "newest" => Ok(StartAt::End),
        _ => match text.strip_prefix('-') {
            Some(n) => {
                n.parse::<i64>().map(StartAt::FromEnd).map_err(|_| format!("--offset {text:?}: -N needs a number"))
            }
            None => text
                .parse::<i64>()
                .map(StartAt::Offset)
                .map_err(|_| format!("--offset {text:?} is not start, end, an offset N or -N")),
        },
    }
}

/// Parses `--since`: an RFC 3339 time, or a duration ago (15m, 2h, 1h30m).
pub fn parse_since(text: &str, now: jiff::Timestamp) -> Result<i64, String> {
    if let Ok(ts) = text.parse::<jiff::Timestamp>() {
        return Ok(ts.as_millisecond());
    }
    let ago = crate::cli::parse_duration(text)
        .map_err(|_| format!("--since {text:?} is neither a time (2026-11-25T08:00:00Z) nor a duration (15m, 2h)"))?;
    Ok(now.as_millisecond() - ago.as_millis() as i64)
}

/// The bytes printed for one record.
pub fn render(record: &Record, at: &Position, format: OutputRecordFormat, print_key: bool) -> Vec<u8> {
    let null = b"null".to_vec();
    match format {
        OutputRecordFormat::Json => to_json(record, at).to_string().into_bytes(),
        OutputRecordFormat::Kv => {
            [record.key.clone().unwrap_or(null.clone()), b"\t".to_vec(), record.value.clone().unwrap_or(null)].concat()
        }
        OutputRecordFormat::Value if print_key => {
            [record.key.clone().unwrap_or(null.clone()), b"\t".to_vec(), record.value.clone().unwrap_or(null)].concat()
        }
        OutputRecordFormat::Value => record.value.clone().unwrap_or(null),
    }
}

pub async fn run(ctx: &Context, args: &ConsumeArgs) -> anyhow::Result<()> {
    check_topic_name(&args.topic).map_err(|m| Failure::new(ExitCode::Usage, format!("invalid topic name: {m}")))?;
    let usage = |m: String| Failure::new(ExitCode::Usage, m);
    let start = match (&args.offset, &args.since) {
        (Some(o), _) => parse_offset(o).map_err(usage)?,
        (None, Some(s)) => StartAt::Time(parse_since(s, jiff::Timestamp::now()).map_err(usage)?),
        (None, None) => StartAt::Beginning,
    };
    if args.group.is_some()
        && (args.partition.is_some() || matches!(start, StartAt::Offset(_) | StartAt::FromEnd(_) | StartAt::Time(_)))
    {
        return Err(Failure::new(
            ExitCode::Usage,
            "--group consumes from the group's committed offsets: --partition, --offset N|-N and --since do not apply",
        )
        .hint("move a group's offsets with `kubectl kafka groups reset-offsets`")
        .into());
    }
    let request = ConsumeRequest {
        plan: ConsumePlan {
            topic: args.topic.clone(),
            partitions: args.partition.map(|p| vec![p]),
            start,
            max_messages: args.max_messages,
            follow: args.follow,
            group: args.group.clone(),
        },
        keys: args.format == OutputRecordFormat::Kv || args.print_key,
        json: args.format == OutputRecordFormat::Json,
    };
    let session = ctx.session(args.timeout).await?;
    let result = async {
        session.backend.check_consume(&request)?;
        let mut out = ctx.printer.raw();
        let (format, print_key) = (args.format, args.print_key);
        let stop = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        let consumed = session
            .backend
            .consume(
                &request,
                &session.cluster.namespace,
                |record, at| out.line(&render(record, at, format, print_key)),
                stop,
            )
            .await?;
        out.finish()?;
        let mut note = format!(
            "consumed {} messages from topic {}{}",
            consumed.summary.messages,
            args.topic,
            consumed.via.as_deref().unwrap_or_default()
        );
        if consumed.summary.committed {
            note.push_str(&format!("; committed offsets of group {}", args.group.as_deref().unwrap_or_default()));
        }
        ctx.printer.note(&note);
        Ok(())
    }
    .await;
    session.close().await;
    result
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
        assert_eq!(parse_since("2026-11-25T09:00:00Z", now).unwrap(), now.as_millisecond() - 3_600_000);
        assert_eq!(parse_since("15m", now).unwrap(), now.as_millisecond() - 900_000);
        assert!(parse_since("yesterday", now).unwrap_err().contains("neither a time"));
    }

    #[test]
    fn records_render_in_each_format() {
        let rec = Record { key: Some(b"k".to_vec()), value: Some(b"v".to_vec()), ..Default::default() };
        let at = Position { topic: "t".into(), partition: 0, offset: 1, timestamp: None };
        assert_eq!(render(&rec, &at, OutputRecordFormat::Value, false), b"v");
        assert_eq!(render(&rec, &at, OutputRecordFormat::Value, true), b"k\tv");
        assert_eq!(render(&rec, &at, OutputRecordFormat::Kv, false), b"k\tv");
        let nokey = Record { value: Some(b"v".to_vec()), ..Default::default() };
        assert_eq!(render(&nokey, &at, OutputRecordFormat::Kv, false), b"null\tv");
        assert!(
            String::from_utf8(render(&rec, &at, OutputRecordFormat::Json, false)).unwrap().contains("\"offset\":1")
        );
    }
}
