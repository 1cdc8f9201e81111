//! `kubectl kafka groups ...`: list, describe, reset-offsets, delete.

use serde::Serialize;

use crate::cli::{GroupsCommand, GroupsDeleteArgs, GroupsDescribeArgs, GroupsListArgs, GroupsResetArgs};
use crate::commands::Context;
use crate::commands::consume::parse_since;
use crate::commands::reach::Session;
use crate::exit::{ExitCode, Failure};
use crate::kafka::groups::{
    GroupInfo, GroupOffset, ResetRow, ResetTo, apply_reset, group_offsets, is_active, list_groups, plan_reset,
};
use crate::kafka::metadata::fetch_metadata_for;
use crate::kafka::offsets::{offsets_at_time, partition_offsets};
use crate::kafka::{KafkaOptions, admin};

pub async fn run(ctx: &Context, command: &GroupsCommand) -> anyhow::Result<()> {
    let timeout = match command {
        GroupsCommand::List(a) => a.timeout,
        GroupsCommand::Describe(a) => a.timeout,
        GroupsCommand::ResetOffsets(a) => a.timeout,
        GroupsCommand::Delete(a) => a.timeout,
    };
    if ctx.via == crate::connect::via::Via::Exec {
        return super::groups_exec::run(ctx, command, timeout).await;
    }
    let session = Session::open(ctx, timeout, "groups").await?;
    let (opts, ns) = (&session.opts, session.cluster.namespace.as_str());
    let result = match command {
        GroupsCommand::List(a) => list(ctx, opts, a).await,
        GroupsCommand::Describe(a) => describe(ctx, opts, a, ns).await,
        GroupsCommand::ResetOffsets(a) => reset(ctx, opts, a, ns).await,
        GroupsCommand::Delete(a) => delete(ctx, opts, a, ns).await,
    };
    session.close().await;
    result
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupRow {
    pub group: String,
    pub state: String,
    pub members: usize,
    pub topics: Vec<String>,
    pub lag: Option<i64>,
}

async fn list(ctx: &Context, opts: &KafkaOptions, _args: &GroupsListArgs) -> anyhow::Result<()> {
    let groups = list_groups(opts, None).await?;
    let mut rows = Vec::new();
    for g in groups.iter().filter(|g| g.protocol_type == "consumer" || g.protocol_type.is_empty()) {
        let offsets = group_offsets(opts, g).await.unwrap_or_default();
        let mut topics: Vec<String> = offsets.iter().map(|o| o.topic.clone()).collect();
        topics.dedup();
        let lag = offsets.iter().filter_map(|o| o.lag).reduce(|a, b| a + b);
        rows.push(GroupRow { group: g.group.clone(), state: g.state.clone(), members: g.members.len(), topics, lag });
    }
    print_groups(ctx, &rows)
}

/// `groups list` output, whichever route read the groups.
pub fn print_groups(ctx: &Context, rows: &[GroupRow]) -> anyhow::Result<()> {
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

async fn find_group(opts: &KafkaOptions, group: &str, namespace: &str) -> anyhow::Result<GroupInfo> {
    let found = list_groups(opts, Some(group)).await?;
    match found.into_iter().find(|g| g.group == group && g.state != "Dead") {
        Some(g) => Ok(g),
        None => Err(Failure::new(ExitCode::NotFound, format!("consumer group {group} does not exist"))
            .hint(format!("`kubectl kafka -n {namespace} groups list` shows the groups"))
            .into()),
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupDescription {
    pub group: String,
    pub state: String,
    pub members: Vec<crate::kafka::groups::Member>,
    pub offsets: Vec<GroupOffset>,
}

async fn describe(ctx: &Context, opts: &KafkaOptions, args: &GroupsDescribeArgs, ns: &str) -> anyhow::Result<()> {
    let info = find_group(opts, &args.group, ns).await?;
    let offsets = group_offsets(opts, &info).await?;
    print_description(ctx, &GroupDescription { group: info.group, state: info.state, members: info.members, offsets })
}

/// `groups describe` output, whichever route read the group.
pub fn print_description(ctx: &Context, desc: &GroupDescription) -> anyhow::Result<()> {
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

async fn reset(ctx: &Context, opts: &KafkaOptions, args: &GroupsResetArgs, ns: &str) -> anyhow::Result<()> {
    let to = if args.to_earliest {
        ResetTo::Earliest
    } else if args.to_latest {
        ResetTo::Latest
    } else if let Some(n) = args.to_offset {
        ResetTo::Offset(n)
    } else if let Some(t) = &args.to_datetime {
        ResetTo::Time(
            parse_since(t, jiff::Timestamp::now())
                .map_err(|m| Failure::new(ExitCode::Usage, m.replace("--since", "--to-datetime")))?,
        )
    } else {
        ResetTo::ShiftBy(args.shift_by.unwrap_or(0))
    };
    // The group may not exist yet: resetting a new group's offsets is how one starts it
    // somewhere other than the default.
    let info = list_groups(opts, Some(&args.group)).await?.into_iter().find(|g| g.group == args.group);
    if let Some(g) = &info {
        refuse_active_reset(&g.group, &g.state, g.members.len())?;
    }
    let meta = fetch_metadata_for(opts, &args.topic).await?;
    let Some(topic) = meta.topics.iter().find(|t| t.name == args.topic && t.error.is_none()) else {
        return Err(Failure::new(ExitCode::NotFound, format!("topic {} does not exist", args.topic))
            .hint(format!("`kubectl kafka -n {ns} topics list` shows the topics"))
            .into());
    };
    let partitions: Vec<i32> = match args.partition {
        Some(p) if topic.partitions.iter().any(|q| q.id == p) => vec![p],
        Some(p) => {
            return Err(Failure::new(ExitCode::Usage, format!("topic {} has no partition {p}", args.topic)).into());
        }
        None => topic.partitions.iter().map(|p| p.id).collect(),
    };
    let committed = match &info {
        Some(g) => crate::kafka::groups::committed_offsets(opts, &g.group).await?,
        None => Default::default(),
    };
    let by_time = match to {
        ResetTo::Time(ms) => Some(offsets_at_time(opts, &args.topic, &partitions, ms).await?),
        _ => None,
    };
    let mut plan = Vec::new();
    for o in partition_offsets(opts, &args.topic, &partitions).await? {
        let current = committed.get(&(args.topic.clone(), o.partition)).copied();
        let t = by_time.as_ref().and_then(|m| m.get(&o.partition).copied());
        plan.push(ResetRow {
            topic: args.topic.clone(),
            partition: o.partition,
            current,
            target: plan_reset(to, current, o.low, o.high, t),
        });
    }
    print_plan(ctx, args, &plan)?;
    if !args.execute {
        ctx.printer.note("dry run: nothing changed; pass --execute to apply");
        return Ok(());
    }
    apply_reset(opts, &args.group, &plan).await.map_err(|err| {
        Failure::new(ExitCode::Failure, format!("commit the new offsets of group {}: {err:#}", args.group))
            .hint("if consumers joined meanwhile, stop them and run again")
    })?;
    ctx.printer.note(&format!("group {} offsets reset on {} partitions", args.group, plan.len()));
    Ok(())
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

async fn delete(ctx: &Context, opts: &KafkaOptions, args: &GroupsDeleteArgs, ns: &str) -> anyhow::Result<()> {
    for g in &args.groups {
        let info = find_group(opts, g, ns).await?;
        refuse_active_delete(g, &info.state, info.members.len())?;
    }
    if !confirm_delete(ctx, args)? {
        return Ok(());
    }
    for g in &args.groups {
        admin::delete_group(opts, g)
            .await
            .map_err(|err| Failure::new(ExitCode::Failure, format!("delete group {g}: {err:#}")))?;
        ctx.printer.lines(&[format!("group/{g} deleted")])?;
    }
    Ok(())
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
        ctx.printer
            .lines(&args.groups.iter().map(|g| format!("group/{g} would be deleted (dry run)")).collect::<Vec<_>>())?;
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
