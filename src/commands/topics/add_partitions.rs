//! `kubectl kafka topics add-partitions TOPIC --to N`: partitions only grow.

use crate::cli::TopicsAddPartitionsArgs;
use crate::commands::Context;
use crate::exit::{ExitCode, Failure};
use crate::kafka::admin;
use crate::kafka::metadata::fetch_metadata;
use crate::output::Outcome;
use crate::route::require_topic;

use super::{checked_name, topic_failure};

pub async fn run(ctx: &Context, args: &TopicsAddPartitionsArgs) -> anyhow::Result<()> {
    checked_name(ctx, &args.topic)?;
    let session = ctx.session(args.timeout).await?;
    let ns = session.cluster.namespace.clone();
    let result = async {
        let client = session.backend.client("topics add-partitions")?;
        let opts = &client.opts;
        let meta = fetch_metadata(opts).await.map_err(|e| client.unreachable(e))?;
        let topic = require_topic(&meta, &args.topic, &ns)?;
        let current = topic.partitions.len();
        if args.to <= current {
            return Err(Failure::new(
                ExitCode::Usage,
                format!("topic {} has {current} partitions; --to {} would not add any", args.topic, args.to),
            )
            .hint(format!("pass --to {} or more (partitions can only be added, never removed)", current + 1))
            .into());
        }
        admin::add_partitions(opts, &args.topic, args.to, args.dry_run)
            .await
            .map_err(|e| topic_failure(e, &args.topic, &ns))?;
        let verb = if args.dry_run { "would grow (dry run)" } else { "grew" };
        let line = format!("topic/{} {verb} from {current} to {} partitions", args.topic, args.to);
        ctx.printer.outcomes(&[Outcome::new(format!("topic/{}", args.topic), "grown", line)
            .dry_run(args.dry_run)
            .detail(serde_json::json!({ "from": current, "to": args.to }))])
    }
    .await;
    session.close().await;
    result
}
