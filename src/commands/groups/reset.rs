//! `kubectl kafka groups reset-offsets GROUP --topic T --to-...`: a plan first (always
//! printed), applied only with --execute, and only to a group without members.

use crate::cli::GroupsResetArgs;
use crate::commands::Context;
use crate::exit::{ExitCode, Failure};
use crate::kafka::groups::ResetTo;
use crate::route::{ResetRequest, missing_topic};

/// Where the arguments move the offsets (clap requires exactly one target).
pub fn reset_to(args: &GroupsResetArgs) -> ResetTo {
    if args.to_earliest {
        ResetTo::Earliest
    } else if args.to_latest {
        ResetTo::Latest
    } else if let Some(n) = args.to_offset {
        ResetTo::Offset(n)
    } else if let Some(ms) = args.to_datetime {
        ResetTo::Time(ms)
    } else {
        ResetTo::ShiftBy(args.shift_by.unwrap_or(0))
    }
}

pub async fn run(ctx: &Context, args: &GroupsResetArgs) -> anyhow::Result<()> {
    let to = reset_to(args);
    let request = ResetRequest { group: args.group.clone(), topic: args.topic.clone(), partition: args.partition, to };
    let session = ctx.session(args.timeout).await?;
    let ns = session.cluster.namespace.clone();
    let result = async {
        // The group may not exist yet: resetting a new group's offsets is how one starts it
        // somewhere other than the default. One with members would overwrite the reset.
        if let Some((state, members)) = session.backend.group_state(&args.group).await? {
            super::refuse_active_reset(&args.group, &state, members)?;
        }
        let plan = session.backend.reset_plan(&request).await?.ok_or_else(|| missing_topic(&args.topic, &ns))?;
        super::print_plan(ctx, args, &plan)?;
        if !args.execute {
            ctx.printer.note("dry run: nothing changed; pass --execute to apply");
            return Ok(());
        }
        session.backend.apply_reset(&request, &plan).await.map_err(|err| {
            Failure::new(ExitCode::Failure, format!("commit the new offsets of group {}: {err:#}", args.group))
                .hint("if consumers joined meanwhile, stop them and run again")
        })?;
        ctx.printer.note(&format!("group {} offsets reset on {} partitions", args.group, plan.len()));
        Ok(())
    }
    .await;
    session.close().await;
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reset_args(extra: &[&str]) -> GroupsResetArgs {
        use clap::Parser;
        #[derive(Parser)]
        struct Wrap {
            #[command(flatten)]
            args: GroupsResetArgs,
        }
        let mut argv = vec!["reset-offsets", "billing", "--topic", "orders"];
        argv.extend(extra);
        Wrap::parse_from(argv).args
    }

    #[test]
    fn arguments_become_one_target() {
        assert_eq!(reset_to(&reset_args(&["--to-earliest"])), ResetTo::Earliest);
        assert_eq!(reset_to(&reset_args(&["--shift-by", "-5"])), ResetTo::ShiftBy(-5));
        let at: jiff::Timestamp = "2026-11-25T08:30:00Z".parse().unwrap();
        assert_eq!(
            reset_to(&reset_args(&["--to-datetime", "2026-11-25T08:30:00Z"])),
            ResetTo::Time(at.as_millisecond())
        );
        // A time clap cannot read is a usage error naming the flag, before anything runs.
        let bad = {
            use clap::Parser;
            #[derive(Parser, Debug)]
            struct Wrap {
                #[command(flatten)]
                args: GroupsResetArgs,
            }
            Wrap::try_parse_from(["reset-offsets", "billing", "--topic", "orders", "--to-datetime", "yesterday"])
                .unwrap_err()
                .to_string()
        };
        assert!(bad.contains("--to-datetime") && bad.contains("neither a time"), "{bad}");
    }
}
