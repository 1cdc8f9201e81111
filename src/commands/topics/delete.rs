//! `kubectl kafka topics delete TOPIC...`: asks first (or --yes); --dry-run says what would go.

use crate::cli::TopicsDeleteArgs;
use crate::commands::Context;
use crate::exit::{ExitCode, Failure};
use crate::kafka::KafkaOptions;
use crate::kafka::admin;
use crate::kafka::metadata::{fetch_metadata, metadata_of_each};
use crate::output::Outcome;
use crate::route::missing_topic;

use super::{checked_name, topic_failure};

/// Waits until no broker, asked on its own, lists any of `topics`.
async fn wait_gone(opts: &KafkaOptions, topics: &[String], limit: std::time::Duration) -> anyhow::Result<()> {
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        let brokers = fetch_metadata(opts).await?.brokers;
        let views = metadata_of_each(opts, &brokers).await;
        let left: Vec<String> = topics
            .iter()
            .filter(|t| views.iter().any(|(_, v)| v.as_ref().map_or(true, |m| m.topics.iter().any(|x| &x.name == *t))))
            .cloned()
            .collect();
        if left.is_empty() {
            return Ok(());
        }
        if tokio::time::Instant::now() >= deadline {
            return Err(Failure::new(
                ExitCode::Failure,
                format!(
                    "deletion of {} accepted, but not every broker has dropped it after {limit:?}",
                    left.join(", ")
                ),
            )
            .hint("`kubectl kafka topics list` shows whether it is gone")
            .into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

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
            return ctx.printer.outcomes(&[]);
        }
        if args.dry_run {
            let would: Vec<Outcome> = present
                .iter()
                .map(|t| Outcome::new(format!("topic/{t}"), "deleted", format!("topic/{t} would be deleted (dry run)")))
                .map(|o| o.dry_run(true))
                .collect();
            return ctx.printer.outcomes(&would);
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
        let mut deleted = Vec::new();
        for result in admin::delete_topics(opts, &present).await? {
            match result {
                Ok(t) => deleted.push(t),
                Err(e) => {
                    let topic = e.object.clone();
                    failed = Some(topic_failure(e.into(), &topic, &ns));
                }
            }
        }
        // Deleted means gone from every broker's metadata, so that the next command (a
        // create of the same name, a rebalance) does not meet it, whichever broker it asks.
        wait_gone(opts, &deleted, args.timeout).await?;
        ctx.printer.outcomes(
            &deleted
                .iter()
                .map(|t| Outcome::new(format!("topic/{t}"), "deleted", format!("topic/{t} deleted")))
                .collect::<Vec<_>>(),
        )?;
        failed.map_or(Ok(()), Err)
    }
    .await;
    session.close().await;
    result
}
