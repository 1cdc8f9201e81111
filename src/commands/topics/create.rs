//! `kubectl kafka topics create TOPIC`: checked here (name, counts), by the brokers with
//! --dry-run, then created and waited for until every broker shows it.

use crate::cli::TopicsCreateArgs;
use crate::commands::Context;
use crate::exit::{ExitCode, Failure};
use crate::kafka::admin::TopicSpec;
use crate::route::Created;

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
    match done.map_err(|e| topic_failure(e, &args.topic, &ns))? {
        Created::AlreadyThere => {
            ctx.printer.note(&format!("topic {} already exists", args.topic));
            Ok(())
        }
        Created::Created => {
            let verb = if args.dry_run {
                "would be created (dry run: validated by the brokers, nothing changed)"
            } else {
                "created"
            };
            ctx.printer.lines(&[format!("topic/{} {verb}", args.topic)])
        }
    }
}
