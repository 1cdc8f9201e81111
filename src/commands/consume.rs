//! `kubectl kafka consume TOPIC`: records printed as values, key/value pairs or JSON lines.

use crate::cli::{ConsumeArgs, OutputRecordFormat};
use crate::commands::Context;
use crate::exit::{ExitCode, Failure};
use crate::kafka::consume::{ConsumePlan, StartAt};
use crate::kafka::names::check_topic_name;
use crate::kafka::record::{Position, Record, to_json};
use crate::route::stream::ConsumeRequest;

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
    let start = match (args.offset, args.since) {
        (Some(at), _) => at,
        (None, Some(ms)) => StartAt::Time(ms),
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
