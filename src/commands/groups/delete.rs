//! `kubectl kafka groups delete GROUP...`: only Empty groups; asks first (or --yes), and says
//! deleted only when Kafka did.

use crate::cli::GroupsDeleteArgs;
use crate::commands::Context;
use crate::exit::{ExitCode, Failure};

pub async fn run(ctx: &Context, args: &GroupsDeleteArgs) -> anyhow::Result<()> {
    let session = ctx.session(args.timeout).await?;
    let ns = session.cluster.namespace.clone();
    let result = async {
        for g in &args.groups {
            let (state, members) = session.backend.group_state(g).await?.ok_or_else(|| super::missing_group(g, &ns))?;
            super::refuse_active_delete(g, &state, members)?;
        }
        if !super::confirm_delete(ctx, args)? {
            return Ok(());
        }
        for g in &args.groups {
            session
                .backend
                .delete_group(g)
                .await
                .map_err(|err| Failure::new(ExitCode::Failure, format!("delete group {g}: {err:#}")))?;
            ctx.printer.lines(&[format!("group/{g} deleted")])?;
        }
        Ok(())
    }
    .await;
    session.close().await;
    result
}
