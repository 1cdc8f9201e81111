//! `kubectl kafka groups describe GROUP`: members, committed offsets and lag per partition.

use crate::cli::GroupsDescribeArgs;
use crate::commands::Context;

pub async fn run(ctx: &Context, args: &GroupsDescribeArgs) -> anyhow::Result<()> {
    let session = ctx.session(args.timeout).await?;
    let ns = session.cluster.namespace.clone();
    let found = session.backend.describe_group(&args.group).await;
    session.close().await;
    let desc = found?.ok_or_else(|| super::missing_group(&args.group, &ns))?;
    super::print_description(ctx, &desc)
}
