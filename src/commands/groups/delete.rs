//! `kubectl kafka groups delete GROUP...`: only Empty groups; asks first (or --yes), and says
//! deleted only when Kafka did.

use crate::cli::GroupsDeleteArgs;
use crate::commands::Context;
use crate::exit::{ExitCode, Failure};
use crate::output::Outcome;

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
        let mut deleted = Vec::new();
        for g in &args.groups {
            if let Err(err) = session.backend.delete_group(g).await {
                // Say what was deleted before this one failed.
                ctx.printer.outcomes(&deleted)?;
                return Err(Failure::new(ExitCode::Failure, format!("delete group {g}: {err:#}")).into());
            }
            deleted.push(Outcome::new(format!("group/{g}"), "deleted", format!("group/{g} deleted")));
        }
        ctx.printer.outcomes(&deleted)
    }
    .await;
    session.close().await;
    result
}
