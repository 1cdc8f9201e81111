//! `kubectl kafka topics alter-config TOPIC --set K=V --delete K`: incremental, validated by
//! the brokers first with --dry-run.

use crate::cli::TopicsAlterConfigArgs;
use crate::commands::Context;
use crate::exit::{ExitCode, Failure};
use crate::output::Outcome;
use crate::route::missing_topic;

use super::checked_name;

pub async fn run(ctx: &Context, args: &TopicsAlterConfigArgs) -> anyhow::Result<()> {
    checked_name(ctx, &args.topic)?;
    if args.set.is_empty() && args.delete.is_empty() {
        return Err(Failure::new(ExitCode::Usage, "nothing to change")
            .hint("pass --set KEY=VALUE and/or --delete KEY")
            .into());
    }
    if let Some((k, _)) = args.set.iter().find(|(k, _)| args.delete.contains(k)) {
        return Err(Failure::new(ExitCode::Usage, format!("{k} is both set and deleted")).into());
    }
    let session = ctx.session(args.timeout).await?;
    let ns = session.cluster.namespace.clone();
    let done = session.backend.alter_topic_config(&args.topic, &args.set, &args.delete, args.dry_run).await;
    session.close().await;
    done?.ok_or_else(|| missing_topic(&args.topic, &ns))?;
    let mut lines: Vec<String> = args.set.iter().map(|(k, v)| format!("{k}={v}")).collect();
    lines.extend(args.delete.iter().map(|k| format!("{k} (deleted: broker default)")));
    let verb = if args.dry_run { "would change (dry run: validated by the brokers)" } else { "changed" };
    let line = format!("topic/{} configs {verb}: {}", args.topic, lines.join(", "));
    let set: std::collections::BTreeMap<&str, &str> = args.set.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    ctx.printer.outcomes(&[Outcome::new(format!("topic/{}", args.topic), "changed", line)
        .dry_run(args.dry_run)
        .detail(serde_json::json!({ "set": set, "deleted": args.delete }))])
}
