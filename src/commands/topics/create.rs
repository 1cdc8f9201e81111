//! `kubectl kafka topics create TOPIC`: checked here (name, counts), by the brokers with
//! --dry-run, then created and waited for until every broker shows it.

use crate::cli::TopicsCreateArgs;
use crate::commands::Context;
use crate::exit::{ExitCode, Failure};
use crate::kafka::admin::TopicSpec;
use crate::output::Outcome;
use crate::route::Created;
use serde_json::json;

use super::{checked_name, topic_failure};

pub async fn run(ctx: &Context, args: &TopicsCreateArgs) -> anyhow::Result<()> {
    checked_name(ctx, &args.topic)?;
    if args.partitions < 1 {
        return Err(Failure::new(
            ExitCode::Usage,
            format!("--partitions {}: a topic needs at least 1", args.partitions),
        )
        .into());
    }
    if args.replication_factor < 1 {
        return Err(Failure::new(
            ExitCode::Usage,
            format!("--replication-factor {}: must be at least 1", args.replication_factor),
        )
        .into());
    }
    let spec = TopicSpec {
        name: args.topic.clone(),
        partitions: args.partitions,
        replication_factor: args.replication_factor,
        configs: args.configs.clone(),
    };
    let session = ctx.session(args.timeout).await?;
    let ns = session.cluster.namespace.clone();
    let done = session.backend.create_topic(&spec, args.if_not_exists, args.dry_run, args.timeout).await;
    session.close().await;
    let object = format!("topic/{}", args.topic);
    let outcome = match done.map_err(|e| topic_failure(e, &args.topic, &ns))? {
        Created::AlreadyThere => {
            ctx.printer.note(&format!("topic {} already exists", args.topic));
            Outcome::new(object, "alreadyExists", "")
        }
        Created::Created => {
            let verb = if args.dry_run {
                "would be created (dry run: validated by the brokers, nothing changed)"
            } else {
                "created"
            };
            let line = format!("{object} {verb}");
            Outcome::new(object, "created", line).detail(json!({
                "partitions": spec.partitions,
                "replicationFactor": spec.replication_factor,
                "configs": spec.configs.iter().cloned().collect::<std::collections::BTreeMap<_, _>>(),
            }))
        }
    };
    // Already there: people got the note; scripts get the document.
    let outcome = outcome.dry_run(args.dry_run);
    if outcome.line.is_empty() && !ctx.printer.format.is_machine() {
        return Ok(());
    }
    ctx.printer.outcomes(&[outcome])
}
