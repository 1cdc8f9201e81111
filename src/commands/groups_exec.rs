//! `kubectl kafka groups ...` over `--via exec`: kafka-consumer-groups.sh in a broker pod
//! (independent runs side by side), its tables read back into the same rows, tables and JSON
//! as the client route, with the same refusals before anything changes.

use crate::cli::{GroupsCommand, GroupsDeleteArgs, GroupsDescribeArgs, GroupsResetArgs};
use crate::commands::Context;
use crate::commands::consume::parse_since;
use crate::commands::groups::{
    GroupDescription, GroupRow, confirm_delete, print_description, print_groups, print_plan, refuse_active_delete,
    refuse_active_reset,
};
use crate::commands::reach::{Reach, open_route, run_tool, tool_failed};
use crate::connect::exec::ExecOutput;
use crate::exit::{ExitCode, Failure};
use crate::kafka::console::{
    ToolOffset, group_members_in, group_missing_in, group_offsets_in, group_states_in, reset_plan_in,
};
use crate::kafka::groups::{GroupOffset, Member, ResetRow};

const TOOL: &str = "kafka-consumer-groups.sh";

/// One kafka-consumer-groups.sh run in the route's pod: its stdout, and the whole outcome.
async fn tool(route: &Reach, args: Vec<String>) -> anyhow::Result<(String, ExecOutput)> {
    let out = run_tool(route, TOOL, &args, None).await?;
    Ok((String::from_utf8_lossy(&out.stdout).into_owned(), out))
}

fn failed(out: &ExecOutput) -> anyhow::Error {
    tool_failed(TOOL, out)
}

fn argv(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| s.to_string()).collect()
}

pub async fn run(ctx: &Context, command: &GroupsCommand, timeout: std::time::Duration) -> anyhow::Result<()> {
    let (cluster, _, route) = open_route(ctx, timeout).await?;
    let ns = cluster.namespace.as_str();
    let result = match command {
        GroupsCommand::List(_) => list(ctx, &route).await,
        GroupsCommand::Describe(a) => describe(ctx, &route, a, ns).await,
        GroupsCommand::ResetOffsets(a) => reset(ctx, &route, a, ns).await,
        GroupsCommand::Delete(a) => delete(ctx, &route, a, ns).await,
    };
    route.close().await;
    result
}

async fn list(ctx: &Context, route: &Reach) -> anyhow::Result<()> {
    let (states, offsets) = tokio::join!(
        tool(route, argv(&["--describe", "--all-groups", "--state"])),
        tool(route, argv(&["--describe", "--all-groups"]))
    );
    let ((states, s_out), (offsets, o_out)) = (states?, offsets?);
    for out in [&s_out, &o_out] {
        if out.code != 0 {
            return Err(failed(out));
        }
    }
    let offsets = group_offsets_in(&offsets);
    let rows: Vec<GroupRow> = group_states_in(&states)
        .into_iter()
        .map(|(group, state, members)| {
            let mine: Vec<&ToolOffset> = offsets.iter().filter(|o| o.group == group).collect();
            let mut topics: Vec<String> = mine.iter().map(|o| o.topic.clone()).collect();
            topics.sort();
            topics.dedup();
            let lag = mine.iter().filter_map(|o| o.lag).reduce(|a, b| a + b);
            GroupRow { group, state, members, topics, lag }
        })
        .collect();
    print_groups(ctx, &rows)
}

/// State and member count of one group; None when the tool says it does not exist.
async fn group_state(route: &Reach, group: &str) -> anyhow::Result<Option<(String, usize)>> {
    let (text, out) = tool(route, argv(&["--describe", "--group", group, "--state"])).await?;
    if group_missing_in(&text, group) || group_missing_in(&String::from_utf8_lossy(&out.stderr), group) {
        return Ok(None);
    }
    if out.code != 0 {
        return Err(failed(&out));
    }
    Ok(group_states_in(&text).into_iter().find(|(g, _, _)| g == group).map(|(_, state, members)| (state, members)))
}

fn missing_group(group: &str, namespace: &str) -> anyhow::Error {
    Failure::new(ExitCode::NotFound, format!("consumer group {group} does not exist"))
        .hint(format!("`kubectl kafka -n {namespace} groups list` shows the groups"))
        .into()
}

async fn describe(ctx: &Context, route: &Reach, args: &GroupsDescribeArgs, ns: &str) -> anyhow::Result<()> {
    let group = args.group.as_str();
    let (state, offsets, members) = tokio::join!(
        group_state(route, group),
        tool(route, argv(&["--describe", "--group", group])),
        tool(route, argv(&["--describe", "--group", group, "--members", "--verbose"]))
    );
    let Some((state, _)) = state? else { return Err(missing_group(group, ns)) };
    let ((offsets, o_out), (members, m_out)) = (offsets?, members?);
    for out in [&o_out, &m_out] {
        if out.code != 0 {
            return Err(failed(out));
        }
    }
    let mut offsets: Vec<ToolOffset> = group_offsets_in(&offsets);
    // The client route's order: by topic, then partition.
    offsets.sort_by(|a, b| (&a.topic, a.partition).cmp(&(&b.topic, b.partition)));
    let offsets = offsets
        .into_iter()
        .filter(|o| o.group == group)
        .filter_map(|o| {
            Some(GroupOffset {
                topic: o.topic,
                partition: o.partition,
                committed: o.committed,
                end: o.end?,
                lag: o.lag,
                member: o.member,
                host: o.host,
            })
        })
        .collect();
    let members = group_members_in(&members)
        .into_iter()
        .filter(|m| m.group == group)
        .map(|m| Member { id: m.id, client_id: m.client_id, host: m.host, assignment: m.assignment })
        .collect();
    print_description(ctx, &GroupDescription { group: group.to_string(), state, members, offsets })
}

/// kafka-consumer-groups.sh's reset arguments (without --dry-run/--execute).
pub fn reset_tool_args(args: &GroupsResetArgs, now: jiff::Timestamp) -> Result<Vec<String>, String> {
    let topic = match args.partition {
        Some(p) => format!("{}:{p}", args.topic),
        None => args.topic.clone(),
    };
    let mut a = argv(&["--reset-offsets", "--group", &args.group, "--topic", &topic]);
    if args.to_earliest {
        a.push("--to-earliest".into());
    } else if args.to_latest {
        a.push("--to-latest".into());
    } else if let Some(n) = args.to_offset {
        a.extend(["--to-offset".into(), n.to_string()]);
    } else if let Some(t) = &args.to_datetime {
        let ms = parse_since(t, now).map_err(|m| m.replace("--since", "--to-datetime"))?;
        let at = jiff::Timestamp::from_millisecond(ms).map_err(|e| format!("--to-datetime {t}: {e}"))?;
        // The tool's format: yyyy-MM-ddTHH:mm:ss.SSS with a zone.
        a.extend(["--to-datetime".into(), at.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()]);
    } else {
        // One argv entry: the tool's option parser takes a separate "-5" for an option.
        a.push(format!("--shift-by={}", args.shift_by.unwrap_or(0)));
    }
    Ok(a)
}

async fn reset(ctx: &Context, route: &Reach, args: &GroupsResetArgs, ns: &str) -> anyhow::Result<()> {
    let tool_args = reset_tool_args(args, jiff::Timestamp::now()).map_err(|m| Failure::new(ExitCode::Usage, m))?;
    let group = args.group.as_str();
    // The group may not exist yet (a reset is how one starts it elsewhere); members refuse.
    let (state, current) =
        tokio::join!(group_state(route, group), tool(route, argv(&["--describe", "--group", group])));
    if let Some((state, members)) = state? {
        refuse_active_reset(group, &state, members)?;
    }
    let committed = current.map(|(text, _)| group_offsets_in(&text)).unwrap_or_default();
    // Always plan first (the tool's --dry-run), then apply the same if asked.
    let mut plan_args = tool_args.clone();
    plan_args.push("--dry-run".into());
    let (planned, out) = tool(route, plan_args).await?;
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let rows = reset_plan_in(&planned);
    // The tool prints its errors ("Error: ...") and still exits 0: no plan rows is a failure.
    if out.code != 0 || rows.is_empty() {
        if [&stderr, &planned].iter().any(|t| t.contains("UnknownTopicOrPartition")) {
            return Err(Failure::new(ExitCode::NotFound, format!("topic {} does not exist", args.topic))
                .hint(format!("`kubectl kafka -n {ns} topics list` shows the topics"))
                .into());
        }
        if let Some(line) = planned.lines().find(|l| l.starts_with("Error:")) {
            return Err(Failure::new(
                ExitCode::Failure,
                format!("kafka-consumer-groups.sh in pod {}: {line}", out.pod),
            )
            .into());
        }
        return Err(failed(&out));
    }
    let plan: Vec<ResetRow> = rows
        .into_iter()
        .map(|(topic, partition, target)| {
            let current =
                committed.iter().find(|o| o.topic == topic && o.partition == partition).and_then(|o| o.committed);
            ResetRow { topic, partition, current, target }
        })
        .collect();
    print_plan(ctx, args, &plan)?;
    if !args.execute {
        ctx.printer.note("dry run: nothing changed; pass --execute to apply");
        return Ok(());
    }
    let mut run_args = tool_args;
    run_args.push("--execute".into());
    let (_, out) = tool(route, run_args).await?;
    if out.code != 0 {
        return Err(failed(&out));
    }
    ctx.printer.note(&format!("group {group} offsets reset on {} partitions", plan.len()));
    Ok(())
}

async fn delete(ctx: &Context, route: &Reach, args: &GroupsDeleteArgs, ns: &str) -> anyhow::Result<()> {
    for g in &args.groups {
        let Some((state, members)) = group_state(route, g).await? else { return Err(missing_group(g, ns)) };
        refuse_active_delete(g, &state, members)?;
    }
    if !confirm_delete(ctx, args)? {
        return Ok(());
    }
    let mut a = argv(&["--delete"]);
    for g in &args.groups {
        a.extend(["--group".into(), g.clone()]);
    }
    let (text, out) = tool(route, a).await?;
    if out.code != 0 {
        return Err(failed(&out));
    }
    for g in &args.groups {
        if !text.contains(&format!("'{g}'")) && !text.contains("successful") {
            return Err(
                Failure::new(ExitCode::Failure, format!("delete group {g}: the tool said: {}", text.trim())).into()
            );
        }
        ctx.printer.lines(&[format!("group/{g} deleted")])?;
    }
    Ok(())
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
    fn resets_become_the_tools_arguments() {
        let now: jiff::Timestamp = "2026-11-25T10:00:00Z".parse().unwrap();
        let a = reset_tool_args(&reset_args(&["--to-earliest"]), now).unwrap();
        assert_eq!(a, ["--reset-offsets", "--group", "billing", "--topic", "orders", "--to-earliest"]);
        let one = reset_tool_args(&reset_args(&["--partition", "2", "--shift-by", "-5"]), now).unwrap();
        assert_eq!(one[4..], ["orders:2", "--shift-by=-5"]);
        let at = reset_tool_args(&reset_args(&["--to-datetime", "90m"]), now).unwrap();
        assert_eq!(at[5..], ["--to-datetime", "2026-11-25T08:30:00.000Z"]);
        let bad = reset_tool_args(&reset_args(&["--to-datetime", "yesterday"]), now).unwrap_err();
        assert!(bad.contains("--to-datetime"), "{bad}");
    }
}
