//! `kubectl kafka topics delete TOPIC...`: asks first (or --yes); --dry-run says what would go.

use crate::cli::TopicsDeleteArgs;
use crate::commands::Context;
use crate::exit::{ExitCode, Failure};
use crate::kafka::admin;
use crate::kafka::metadata::fetch_metadata;
use crate::route::missing_topic;

use super::{checked_name, topic_failure};

pub async fn run(ctx: &Context, args: &TopicsDeleteArgs) -> anyhow::Result<()> {
    for t in &args.topics {
        checked_name(ctx, t)?;
    }
    let session = ctx.session(args.timeout).await?;
    let ns = session.cluster.namespace.clone();
    let result = async {
        let client = session.backend.client("topics delete")?;
        let opts = &client.opts;
        let meta = fetch_metadata(opts).await.map_err(|e| client.unreachable(e))?;
        let mut present = Vec::new();
        for t in &args.topics {
            if meta.topics.iter().any(|m| &m.name == t && m.error.is_none()) {
                present.push(t.clone());
            } else if !args.if_exists {
                return Err(missing_topic(t, &ns));
            }
        }
        if present.is_empty() {
            ctx.printer.note("no such topics; nothing to delete");
            return Ok(());
        }
        if args.dry_run {
            return ctx
                .printer
                .lines(&present.iter().map(|t| format!("topic/{t} would be deleted (dry run)")).collect::<Vec<_>>());
        }
        if !args.yes
            && !ctx
                .printer
                .confirm(&format!("delete {} in namespace {ns}? This cannot be undone.", present.join(", ")))?
        {
            return Err(Failure::new(ExitCode::Usage, "not deleted: not confirmed")
                .hint("pass --yes to delete without asking")
                .into());
        }
        let mut failed = None;
        for result in admin::delete_topics(opts, &present).await? {
            match result {
                Ok(t) => ctx.printer.lines(&[format!("topic/{t} deleted")])?,
                Err(e) => {
                    let topic = e.object.clone();
                    failed = Some(topic_failure(e.into(), &topic, &ns));
                }
            }
        }
        failed.map_or(Ok(()), Err)
    }
    .await;
    session.close().await;
    result
}
