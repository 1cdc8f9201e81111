//! `kubectl kafka rebalance`: plan (default) or apply an even spread of replicas and leaders,
//! with Kafka's replication throttle, and the `status` and `cancel` of reassignments in
//! progress.

mod cancel;
pub mod elect;
mod status;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use serde::Serialize;

use crate::balance::{
    Assignment, FOLLOWER_RATE, FOLLOWER_REPLICAS, LEADER_RATE, LEADER_REPLICAS, Load, Move, Sizes, Target,
    ThrottlePlan, apply, bytes_per_broker, copied, from_reassignment_json, loads, plan, plan_by, take_startable,
    throttle_plan, to_reassignment_json,
};
use crate::cli::{RebalanceAction, RebalanceArgs, RebalancePlanArgs};
use crate::commands::Context;
use crate::commands::rollout::agreed_metadata;
use crate::exit::{ExitCode, Failure};
use crate::kafka::KafkaOptions;
use crate::kafka::configs::{ConfigTarget, alter_configs};
use crate::kafka::logdirs::partition_sizes;
use crate::kafka::metadata::ClusterMeta;
use crate::kafka::reassign::{alter_reassignments, elect_preferred, list_reassignments};
use crate::output::human_bytes;

/// Moves running at once on any one broker when the command does not say (Cruise Control's
/// default for partition movements per broker).
pub const DEFAULT_MOVES_PER_BROKER: usize = 5;

pub async fn run(ctx: &Context, args: &RebalanceArgs) -> anyhow::Result<()> {
    match &args.action {
        Some(RebalanceAction::Status(a)) => status::run(ctx, a).await,
        Some(RebalanceAction::Cancel(a)) => cancel::run(ctx, a).await,
        None => rebalance(ctx, &args.plan).await,
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PlanDoc<'a> {
    executed: bool,
    moves: &'a [Move],
    /// Replicas that copy data, summed over the moves.
    replicas_to_copy: usize,
    brokers: &'a [Load],
}

/// The assignment of every partition (of `topics`, or all), as the brokers agree on it.
fn assignments(meta: &ClusterMeta, topics: &[String]) -> Vec<Assignment> {
    meta.topics
        .iter()
        .filter(|t| t.error.is_none() && (topics.is_empty() || topics.contains(&t.name)))
        .flat_map(|t| {
            t.partitions.iter().map(|p| Assignment {
                topic: t.name.clone(),
                partition: p.id,
                replicas: p.replicas.clone(),
            })
        })
        .collect()
}

/// A broker's `broker.rack`, as the brokers report it.
fn rack_of(meta: &ClusterMeta, id: i32) -> Option<String> {
    meta.brokers.iter().find(|b| b.id == id).and_then(|b| b.rack.clone())
}

/// The brokers replicas may go to: --brokers, else every registered broker, less --exclude.
/// Every one named must be registered.
fn targets(meta: &ClusterMeta, args: &RebalancePlanArgs) -> anyhow::Result<Vec<Target>> {
    let registered: BTreeSet<i32> = meta.brokers.iter().map(|b| b.id).collect();
    for id in args.brokers.iter().chain(args.exclude.iter()) {
        if !registered.contains(id) {
            return Err(Failure::new(ExitCode::Usage, format!("broker {id} is not registered"))
                .hint(format!(
                    "registered brokers: {}",
                    registered.iter().map(i32::to_string).collect::<Vec<_>>().join(", ")
                ))
                .into());
        }
    }
    let chosen: BTreeSet<i32> =
        if args.brokers.is_empty() { registered } else { args.brokers.iter().copied().collect() };
    Ok(chosen
        .into_iter()
        .filter(|b| !args.exclude.contains(b))
        .map(|id| Target { id, rack: rack_of(meta, id) })
        .collect())
}

async fn rebalance(ctx: &Context, args: &RebalancePlanArgs) -> anyhow::Result<()> {
    if let Some(t) = args.topics.iter().find(|t| t.is_empty()) {
        return Err(Failure::new(ExitCode::Usage, format!("--topic {t:?}: empty topic name")).into());
    }
    let from_file = match &args.from_file {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .map_err(|e| Failure::new(ExitCode::Usage, format!("read {}: {e}", path.display())))?,
        ),
        None => None,
    };
    let session = ctx.session(Duration::from_secs(30).min(args.timeout)).await?;
    let result = async {
        let opts = &session.backend.client("rebalance")?.opts;
        refuse_if_moving(opts).await?;
        let meta = agreed_metadata(opts, None).await?;
        let current = assignments(&meta, &args.topics);
        if let Some(t) = args.topics.iter().find(|t| !current.iter().any(|a| &a.topic == *t)) {
            return Err(crate::route::missing_topic(t, &session.cluster.namespace));
        }
        let targets = targets(&meta, args)?;
        let sizes = if args.by_bytes { Some(sizes_of_every_partition(opts, &meta).await?) } else { None };
        let moves = match &from_file {
            Some(text) => from_reassignment_json(text, &current)
                .map_err(|m| Failure::new(ExitCode::Usage, format!("--from-file: {m}")))?,
            None => plan_by(&current, &targets, sizes.as_ref()).map_err(|m| {
                Failure::new(ExitCode::Refused, m)
                    .hint("target more brokers (--brokers), add one first, or lower that topic's replication factor")
            })?,
        };
        let brokers = loads(&current, &moves, &targets);
        if let Some(path) = &args.to_file {
            let text = serde_json::to_string_pretty(&to_reassignment_json(&moves))? + "\n";
            std::fs::write(path, text)
                .map_err(|e| Failure::new(ExitCode::Failure, format!("write {}: {e}", path.display())))?;
            ctx.printer.note(&format!("plan written to {} (kafka-reassign-partitions.sh format)", path.display()));
        }
        // With -o json an executed plan is printed once, when done.
        if !(ctx.printer.format.is_machine() && args.execute) {
            print_plan(ctx, false, &moves, &brokers)?;
        }
        if let Some(sizes) = &sizes
            && !ctx.printer.format.is_machine()
        {
            let (before, after) =
                (bytes_per_broker(&current, sizes), bytes_per_broker(&apply(&current, &moves), sizes));
            let line = targets
                .iter()
                .map(|t| {
                    let b = |m: &BTreeMap<i32, i64>| human_bytes(m.get(&t.id).copied().unwrap_or(0));
                    format!("{}: {} -> {}", t.id, b(&before), b(&after))
                })
                .collect::<Vec<_>>()
                .join(", ");
            ctx.printer.note(&format!("bytes per broker (before -> after): {line}"));
        }
        if moves.is_empty() {
            ctx.printer.note("balanced already: nothing to move");
            return Ok(());
        }
        if !args.execute {
            ctx.printer.note("dry run: nothing changed; pass --execute to apply");
            return Ok(());
        }
        execute(ctx, args.throttle, args.max_moves_per_broker, args.timeout, opts, &meta, &moves).await?;
        if ctx.printer.format.is_machine() {
            return print_plan(ctx, true, &moves, &brokers);
        }
        ctx.printer.lines(&[format!(
            "rebalanced: {} partitions moved, every broker shows their new replicas in sync",
            moves.len()
        )])
    }
    .await;
    session.close().await;
    result
}

/// Plans an even spread of every topic over `targets` (node ids) and applies it, throttled
/// when asked, printing the plan first (not with -o json). Refuses while other moves are in
/// progress. The number of partitions moved.
pub async fn balance_onto(
    ctx: &Context,
    opts: &KafkaOptions,
    targets: &[i32],
    rate: Option<u64>,
    limit: Duration,
) -> anyhow::Result<usize> {
    let per_broker = DEFAULT_MOVES_PER_BROKER;
    refuse_if_moving(opts).await?;
    let meta = agreed_metadata(opts, None).await?;
    let current = assignments(&meta, &[]);
    let targets: Vec<Target> = targets.iter().map(|id| Target { id: *id, rack: rack_of(&meta, *id) }).collect();
    let moves = plan(&current, &targets).map_err(|m| Failure::new(ExitCode::Refused, m))?;
    if !ctx.printer.format.is_machine() && !moves.is_empty() {
        print_plan(ctx, false, &moves, &loads(&current, &moves, &targets))?;
    }
    if !moves.is_empty() {
        execute(ctx, rate, per_broker, limit, opts, &meta, &moves).await?;
    }
    Ok(moves.len())
}

/// The size of every partition, the largest of its replicas, each broker asked on its own
/// (one that cannot be asked is an error: a plan by bytes must not guess).
async fn sizes_of_every_partition(opts: &KafkaOptions, meta: &ClusterMeta) -> anyhow::Result<Sizes> {
    let mut sizes = Sizes::new();
    for b in &meta.brokers {
        let found = partition_sizes(opts, &format!("{}:{}", b.host, b.port)).await.map_err(|e| {
            Failure::new(ExitCode::Refused, format!("--by-bytes: broker {}'s log dirs could not be read: {e:#}", b.id))
        })?;
        for (key, size) in found {
            let entry = sizes.entry(key).or_insert(0);
            *entry = (*entry).max(size);
        }
    }
    Ok(sizes)
}

/// Refuses while partition reassignments are in progress.
pub async fn refuse_if_moving(opts: &KafkaOptions) -> anyhow::Result<()> {
    let in_progress = list_reassignments(opts).await?;
    if in_progress.is_empty() {
        return Ok(());
    }
    Err(Failure::new(
        ExitCode::Refused,
        format!("{} partition reassignments are already in progress", in_progress.len()),
    )
    .hint("follow them with `kubectl kafka rebalance status`, or stop them with `rebalance cancel`")
    .into())
}

fn print_plan(ctx: &Context, executed: bool, moves: &[Move], brokers: &[Load]) -> anyhow::Result<()> {
    let replicas_to_copy = moves.iter().map(|m| m.adding().len()).sum();
    if ctx.printer.format.is_machine() {
        return ctx.printer.document(&PlanDoc { executed, moves, replicas_to_copy, brokers });
    }
    let join = |v: &[i32]| v.iter().map(i32::to_string).collect::<Vec<_>>().join(",");
    let rows: Vec<Vec<String>> = moves
        .iter()
        .map(|m| {
            let what = if m.adding().is_empty() {
                "leader order".to_string()
            } else {
                format!("copy to {}", join(&m.adding()))
            };
            vec![format!("{}/{}", m.topic, m.partition), join(&m.from), join(&m.to), what]
        })
        .collect();
    if !rows.is_empty() {
        ctx.printer.table(&["PARTITION", "FROM", "TO", "MOVES"], &rows)?;
        ctx.printer.lines(&[String::new()])?;
    }
    let loads: Vec<Vec<String>> = brokers
        .iter()
        .map(|l| {
            vec![
                l.broker.to_string(),
                format!("{} -> {}", l.replicas_before, l.replicas_after),
                format!("{} -> {}", l.leaders_before, l.leaders_after),
            ]
        })
        .collect();
    ctx.printer.table(&["BROKER", "REPLICAS", "PREFERRED-LEADERS"], &loads)?;
    ctx.printer.note(&format!("{} partitions change; {replicas_to_copy} replicas copy data", moves.len()));
    Ok(())
}

/// The address each broker answers at for this route (its tunnel when tunnelled).
fn addresses(meta: &ClusterMeta) -> BTreeMap<i32, String> {
    meta.brokers.iter().map(|b| (b.id, format!("{}:{}", b.host, b.port))).collect()
}

/// Sets the throttle (rates on each broker, sent to that broker; replica lists on topics).
pub async fn set_throttle(
    opts: &KafkaOptions,
    meta: &ClusterMeta,
    plan: &ThrottlePlan,
    rate: u64,
) -> anyhow::Result<()> {
    let topics: Vec<_> = plan
        .topics
        .iter()
        .map(|(t, (leaders, followers))| {
            (
                ConfigTarget::Topic(t.clone()),
                vec![
                    (LEADER_REPLICAS.to_string(), leaders.clone()),
                    (FOLLOWER_REPLICAS.to_string(), followers.clone()),
                ],
                vec![],
            )
        })
        .collect();
    alter_configs(&opts.bootstrap, opts, &topics).await?;
    let at = addresses(meta);
    for b in &plan.brokers {
        let rates = vec![(LEADER_RATE.to_string(), rate.to_string()), (FOLLOWER_RATE.to_string(), rate.to_string())];
        let address = at.get(b).cloned().unwrap_or_else(|| opts.bootstrap.clone());
        alter_configs(&address, opts, &[(ConfigTarget::Broker(*b), rates, vec![])]).await?;
    }
    Ok(())
}

/// Removes what `set_throttle` set; every part is tried, and the failures are reported.
pub async fn clear_throttle(opts: &KafkaOptions, meta: &ClusterMeta, plan: &ThrottlePlan) -> Result<(), String> {
    let mut failed = Vec::new();
    let topics: Vec<_> = plan
        .topics
        .keys()
        .map(|t| {
            (ConfigTarget::Topic(t.clone()), vec![], vec![LEADER_REPLICAS.to_string(), FOLLOWER_REPLICAS.to_string()])
        })
        .collect();
    if !topics.is_empty()
        && let Err(e) = alter_configs(&opts.bootstrap, opts, &topics).await
    {
        failed.push(format!("{e:#}"));
    }
    let at = addresses(meta);
    for b in &plan.brokers {
        let keys = vec![LEADER_RATE.to_string(), FOLLOWER_RATE.to_string()];
        let address = at.get(b).cloned().unwrap_or_else(|| opts.bootstrap.clone());
        if let Err(e) = alter_configs(&address, opts, &[(ConfigTarget::Broker(*b), vec![], keys)]).await {
            failed.push(format!("broker {b}: {e:#}"));
        }
    }
    if failed.is_empty() { Ok(()) } else { Err(failed.join("; ")) }
}

/// Throttle (if asked), start the moves, wait for Kafka to finish them, always remove the
/// throttle, then verify from every broker and elect the preferred leaders.
async fn execute(
    ctx: &Context,
    rate: Option<u64>,
    per_broker: usize,
    limit: Duration,
    opts: &KafkaOptions,
    meta: &ClusterMeta,
    moves: &[Move],
) -> anyhow::Result<()> {
    let throttle = throttle_plan(moves);
    if let Some(rate) = rate {
        if let Err(err) = set_throttle(opts, meta, &throttle, rate).await {
            let _ = clear_throttle(opts, meta, &throttle).await;
            return Err(err.context("set the replication throttle"));
        }
    }
    let waited = run_moves(ctx, opts, meta, moves, per_broker, limit).await;
    // The throttle goes whatever happened: finished, failed, timed out or interrupted.
    let cleared = if rate.is_some() { clear_throttle(opts, meta, &throttle).await } else { Ok(()) };
    if let Err(why) = &cleared {
        ctx.printer.warn(&format!("could not remove every replication throttle: {why}"));
    }
    match waited? {
        Waited::Interrupted { running, pending } => {
            return Err(Failure::new(
                ExitCode::Interrupted,
                format!(
                    "interrupted: {running} partitions still moving (Kafka goes on moving them, unthrottled), {pending} not started"
                ),
            )
            .hint("`kubectl kafka rebalance status` follows them; `rebalance cancel` stops them")
            .into());
        }
        Waited::Done => {}
    }
    verify(ctx, opts, moves).await
}

enum Waited {
    Done,
    /// Ctrl-C: moves Kafka still runs, and moves never started.
    Interrupted {
        running: usize,
        pending: usize,
    },
}

/// Starts the moves, at most `per_broker` at a time on any broker (0: all at once), and waits
/// until Kafka has finished them all, as the controller lists them. Shows partitions moved,
/// bytes copied, the rate and the time left (on a terminal; as JSON lines on stderr with -o
/// json).
async fn run_moves(
    ctx: &Context,
    opts: &KafkaOptions,
    meta: &ClusterMeta,
    moves: &[Move],
    per_broker: usize,
    limit: Duration,
) -> anyhow::Result<Waited> {
    let bar = ctx.printer.progress("moving");
    let started = tokio::time::Instant::now();
    let deadline = started + limit;
    let at = addresses(meta);
    let involved: BTreeSet<i32> = moves.iter().flat_map(|m| m.from.iter().chain(m.to.iter())).copied().collect();
    let (mut pending, mut running): (Vec<Move>, Vec<Move>) = (moves.to_vec(), Vec::new());
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    loop {
        let listed = list_reassignments(opts).await?;
        running.retain(|m| listed.contains_key(&(m.topic.clone(), m.partition)));
        let batch = take_startable(&mut pending, &running, per_broker);
        if !batch.is_empty() {
            let changes: Vec<_> = batch.iter().map(|m| (m.topic.clone(), m.partition, Some(m.to.clone()))).collect();
            alter_reassignments(opts, &changes).await.map_err(|e| e.context("start the reassignment"))?;
            running.extend(batch);
        }
        let left = running.len() + pending.len();
        let mut sizes = BTreeMap::new();
        for b in &involved {
            if let Some(address) = at.get(b)
                && let Ok(s) = partition_sizes(opts, address).await
            {
                sizes.insert(*b, s);
            }
        }
        let (done, total) = copied(moves, &sizes);
        let rate = done as f64 / started.elapsed().as_secs_f64().max(0.001);
        let eta = if rate > 0.0 && left > 0 {
            format!(", about {:.0}s left", (total - done).max(0) as f64 / rate)
        } else {
            String::new()
        };
        bar.set_message(format!(
            "{} of {} partitions moved ({} moving); {} of {} copied, {}/s{eta}",
            moves.len() - left,
            moves.len(),
            running.len(),
            human_bytes(done),
            human_bytes(total),
            human_bytes(rate as i64)
        ));
        if ctx.printer.format.is_machine() {
            ctx.printer.note(
                &serde_json::json!({"event": "progress", "partitionsMoved": moves.len() - left, "partitionsMoving": running.len(), "partitions": moves.len(), "bytesCopied": done, "bytesToCopy": total, "bytesPerSecond": rate as i64})
                    .to_string(),
            );
        }
        if left == 0 {
            bar.finish_and_clear();
            return Ok(Waited::Done);
        }
        if tokio::time::Instant::now() >= deadline {
            bar.finish_and_clear();
            return Err(Failure::new(
                ExitCode::Failure,
                format!(
                    "{} partitions still moving and {} not started after {limit:?}; Kafka goes on moving the first",
                    running.len(),
                    pending.len()
                ),
            )
            .hint("`kubectl kafka rebalance status` follows them; `rebalance cancel` stops them")
            .into());
        }
        tokio::select! {
            _ = &mut ctrl_c => {
                bar.finish_and_clear();
                return Ok(Waited::Interrupted { running: running.len(), pending: pending.len() });
            }
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
        }
    }
}

/// Every broker, asked on its own, shows each moved partition with its new replicas, all in
/// sync; then the preferred leaders are elected.
async fn verify(ctx: &Context, opts: &KafkaOptions, moves: &[Move]) -> anyhow::Result<()> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    loop {
        let agreed = agreed_metadata(opts, None).await?;
        let behind: Vec<String> = moves
            .iter()
            .filter(|m| {
                let p = agreed
                    .topics
                    .iter()
                    .find(|t| t.name == m.topic)
                    .and_then(|t| t.partitions.iter().find(|p| p.id == m.partition));
                !p.is_some_and(|p| p.replicas == m.to && m.to.iter().all(|r| p.isr.contains(r)))
            })
            .map(|m| format!("{}/{}", m.topic, m.partition))
            .collect();
        if behind.is_empty() {
            break;
        }
        if tokio::time::Instant::now() >= deadline {
            return Err(Failure::new(
                ExitCode::Failure,
                format!("moved, but not every broker shows {} with its new replicas in sync", behind.join(", ")),
            )
            .hint("`kubectl kafka health` shows the cluster")
            .into());
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let reordered: Vec<(String, i32)> =
        moves.iter().filter(|m| m.from.first() != m.to.first()).map(|m| (m.topic.clone(), m.partition)).collect();
    if !reordered.is_empty() {
        for (partition, why) in elect_preferred(opts, &reordered).await? {
            ctx.printer.warn(&format!("{partition}: preferred leader not elected ({why})"));
        }
    }
    Ok(())
}
