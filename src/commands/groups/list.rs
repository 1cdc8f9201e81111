//! `kubectl kafka groups list`: every consumer group with state, members, topics and lag.

use crate::cli::GroupsListArgs;
use crate::commands::Context;

pub async fn run(ctx: &Context, args: &GroupsListArgs) -> anyhow::Result<()> {
    let session = ctx.session(args.timeout).await?;
    let rows = session.backend.groups().await;
    session.close().await;
    super::print_groups(ctx, &rows?)
}
