//! `kubectl kafka groups ...`: list, describe, reset-offsets, delete, the same on every
//! route; what the subcommands share (the tables, the refusals, the confirmation).

mod delete;
mod describe;
mod list;
mod reset;

use crate::cli::{GroupsCommand, GroupsDeleteArgs, GroupsResetArgs};
use crate::commands::Context;
use crate::exit::{ExitCode, Failure};
use crate::kafka::groups::{ResetRow, is_active};
use crate::route::rows::{GroupDescription, GroupRow};

pub async fn run(ctx: &Context, command: &GroupsCommand) -> anyhow::Result<()> {
    match command {
        GroupsCommand::List(a) => list::run(ctx, a).await,
        GroupsCommand::Describe(a) => describe::run(ctx, a).await,
        GroupsCommand::ResetOffsets(a) => reset::run(ctx, a).await,
        GroupsCommand::Delete(a) => delete::run(ctx, a).await,
    }
}

/// A group that does not exist, and where to look.
pub fn missing_group(group: &str, namespace: &str) -> anyhow::Error {
    Failure::new(ExitCode::NotFound, format!("consumer group {group} does not exist"))
        .hint(format!("`kubectl kafka -n {namespace} groups list` shows the groups"))
        .into()
}

/// `groups list` output, whichever route read the groups.
fn print_groups(ctx: &Context, rows: &[GroupRow]) -> anyhow::Result<()> {
    if ctx.printer.format.is_machine() {
        return ctx.printer.document(&serde_json::json!({ "groups": rows }));
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.group.clone(),
                r.state.clone(),
                r.members.to_string(),
                if r.topics.is_empty() { "<none>".into() } else { r.topics.join(",") },
                r.lag.map_or("<none>".into(), |l| l.to_string()),
            ]
        })
        .collect();
    ctx.printer.table(&["GROUP", "STATE", "MEMBERS", "TOPICS", "LAG"], &cells)
}

/// `groups describe` output, whichever route read the group.
fn print_description(ctx: &Context, desc: &GroupDescription) -> anyhow::Result<()> {
    if ctx.printer.format.is_machine() {
        return ctx.printer.document(desc);
    }
    ctx.printer.lines(&[format!("Group: {}   State: {}   Members: {}", desc.group, desc.state, desc.members.len())])?;
    let none = || "-".to_string();
    let cells: Vec<Vec<String>> = desc
        .offsets
        .iter()
        .map(|o| {
            vec![
                o.topic.clone(),
                o.partition.to_string(),
                o.committed.map_or_else(none, |c| c.to_string()),
                o.end.to_string(),
                o.lag.map_or_else(none, |l| l.to_string()),
                o.member.clone().unwrap_or_else(none),
                o.host.clone().unwrap_or_else(none),
            ]
        })
        .collect();
    ctx.printer.table(&["TOPIC", "PARTITION", "COMMITTED", "END", "LAG", "MEMBER", "HOST"], &cells)
}

/// An offset reset of a group with members is refused: they would overwrite it.
pub fn refuse_active_reset(group: &str, state: &str, members: usize) -> anyhow::Result<()> {
    if !is_active(state) {
        return Ok(());
    }
    Err(Failure::new(
        ExitCode::Failure,
        format!("group {group} is {state} with {members} members: its consumers would overwrite the reset"),
    )
    .hint("stop the group's consumers first; the group must be Empty")
    .into())
}

/// The reset plan (table, or JSON with whether it is applied).
pub fn print_plan(ctx: &Context, args: &GroupsResetArgs, plan: &[ResetRow]) -> anyhow::Result<()> {
    if ctx.printer.format.is_machine() {
        ctx.printer.document(&serde_json::json!({ "group": args.group, "executed": args.execute, "plan": plan }))
    } else {
        let cells: Vec<Vec<String>> = plan
            .iter()
            .map(|r| {
                vec![
                    r.topic.clone(),
                    r.partition.to_string(),
                    r.current.map_or("-".into(), |c| c.to_string()),
                    r.target.to_string(),
                ]
            })
            .collect();
        ctx.printer.table(&["TOPIC", "PARTITION", "CURRENT", "NEW"], &cells)
    }
}

/// Only an Empty group can be deleted.
pub fn refuse_active_delete(group: &str, state: &str, members: usize) -> anyhow::Result<()> {
    if !is_active(state) {
        return Ok(());
    }
    Err(Failure::new(ExitCode::Failure, format!("group {group} is {state} with {members} members"))
        .hint("only an Empty group can be deleted: stop its consumers first")
        .into())
}

/// A dry run says what would go (false: stop here); otherwise asks unless --yes, and a "no"
/// is an error that changes nothing.
pub fn confirm_delete(ctx: &Context, args: &GroupsDeleteArgs) -> anyhow::Result<bool> {
    if args.dry_run {
        let would: Vec<crate::output::Outcome> = args
            .groups
            .iter()
            .map(|g| {
                crate::output::Outcome::new(
                    format!("group/{g}"),
                    "deleted",
                    format!("group/{g} would be deleted (dry run)"),
                )
            })
            .map(|o| o.dry_run(true))
            .collect();
        ctx.printer.outcomes(&would)?;
        return Ok(false);
    }
    if !args.yes
        && !ctx
            .printer
            .confirm(&format!("delete consumer groups {} and their committed offsets?", args.groups.join(", ")))?
    {
        return Err(Failure::new(ExitCode::Usage, "not deleted: not confirmed")
            .hint("pass --yes to delete without asking")
            .into());
    }
    Ok(true)
}
