//! What moves where: a pure planner that spreads partition replicas and preferred leaders
//! evenly over a set of brokers, moving as few replicas as it can, rack-aware when racks are
//! known. Nothing here talks to the network; Kafka's state comes in as plain data.

pub mod leaders;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

/// One partition's replica list as Kafka has it (the first replica is the preferred leader).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Assignment {
    pub topic: String,
    pub partition: i32,
    pub replicas: Vec<i32>,
}

/// A broker the plan may place replicas on, with its `broker.rack` if set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub id: i32,
    pub rack: Option<String>,
}

/// One partition whose replica list changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Move {
    pub topic: String,
    pub partition: i32,
    pub from: Vec<i32>,
    pub to: Vec<i32>,
}

impl Move {
    /// Replicas that must copy data (in `to`, not in `from`).
    pub fn adding(&self) -> Vec<i32> {
        self.to.iter().filter(|r| !self.from.contains(r)).copied().collect()
    }

    /// Replicas that go away.
    pub fn removing(&self) -> Vec<i32> {
        self.from.iter().filter(|r| !self.to.contains(r)).copied().collect()
    }
}

/// Per broker: replicas and preferred leaderships, before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Load {
    pub broker: i32,
    pub replicas_before: usize,
    pub replicas_after: usize,
    pub leaders_before: usize,
    pub leaders_after: usize,
}

fn counts(assignments: &[Assignment]) -> (BTreeMap<i32, usize>, BTreeMap<i32, usize>) {
    let (mut replicas, mut leaders) = (BTreeMap::new(), BTreeMap::new());
    for a in assignments {
        for r in &a.replicas {
            *replicas.entry(*r).or_insert(0) += 1;
        }
        if let Some(l) = a.replicas.first() {
            *leaders.entry(*l).or_insert(0) += 1;
        }
    }
    (replicas, leaders)
}

/// Replica and leader counts per broker, before and after `moves`, for every broker named in
/// either (targets first).
pub fn loads(current: &[Assignment], moves: &[Move], targets: &[Target]) -> Vec<Load> {
    let after = apply(current, moves);
    let (rb, lb) = counts(current);
    let (ra, la) = counts(&after);
    let mut ids: BTreeSet<i32> = targets.iter().map(|t| t.id).collect();
    ids.extend(rb.keys());
    ids.into_iter()
        .map(|b| Load {
            broker: b,
            replicas_before: rb.get(&b).copied().unwrap_or(0),
            replicas_after: ra.get(&b).copied().unwrap_or(0),
            leaders_before: lb.get(&b).copied().unwrap_or(0),
            leaders_after: la.get(&b).copied().unwrap_or(0),
        })
        .collect()
}

/// The assignment after `moves`.
pub fn apply(current: &[Assignment], moves: &[Move]) -> Vec<Assignment> {
    current
        .iter()
        .map(|a| match moves.iter().find(|m| m.topic == a.topic && m.partition == a.partition) {
            Some(m) => Assignment { replicas: m.to.clone(), ..a.clone() },
            None => a.clone(),
        })
        .collect()
}

/// The plan: every replica on a broker outside `targets` moves onto one inside; then each
/// topic's replicas are spread so no two targets differ by more than one; then the totals
/// are evened the same way without spoiling any topic's spread; then preferred leaders (first
/// replicas) are reordered alike, which moves no data. A replica is only placed on a broker the partition does not have, and, when racks
/// are known, preferably on a rack the partition does not use yet. Deterministic: the same
/// input gives the same plan.
pub fn plan(current: &[Assignment], targets: &[Target]) -> Result<Vec<Move>, String> {
    plan_by(current, targets, None)
}

/// Bytes of one replica of each partition (DescribeLogDirs: the largest replica's size).
pub type Sizes = BTreeMap<(String, i32), i64>;

/// Brokers whose bytes differ from the mean by less than this share are balanced by bytes.
pub const BYTES_TOLERANCE: f64 = 0.10;

/// `plan`, and with `sizes` also by bytes: once counts are even, replicas of the same topic
/// are swapped between the target with the most bytes and the one with the fewest (which
/// keeps every count as it is), each swap the one that brings the two closest, until every
/// target is within `BYTES_TOLERANCE` of the mean or no swap helps.
pub fn plan_by(current: &[Assignment], targets: &[Target], sizes: Option<&Sizes>) -> Result<Vec<Move>, String> {
    if targets.is_empty() {
        return Err("no broker to place replicas on".into());
    }
    let allowed: BTreeSet<i32> = targets.iter().map(|t| t.id).collect();
    let rack: BTreeMap<i32, Option<&str>> = targets.iter().map(|t| (t.id, t.rack.as_deref())).collect();
    if let Some(a) = current.iter().find(|a| a.replicas.len() > allowed.len()) {
        return Err(format!(
            "{}/{} has {} replicas but only {} brokers are targets: it cannot keep its replication factor",
            a.topic,
            a.partition,
            a.replicas.len(),
            allowed.len()
        ));
    }
    let mut next: Vec<Assignment> = current.to_vec();
    next.sort_by(|a, b| (&a.topic, a.partition).cmp(&(&b.topic, b.partition)));
    let mut load: BTreeMap<i32, usize> = allowed.iter().map(|b| (*b, 0)).collect();
    for a in &next {
        for r in a.replicas.iter().filter(|r| allowed.contains(r)) {
            *load.entry(*r).or_default() += 1;
        }
    }
    // Replicas per topic per target, kept up to date with every move.
    let mut per_topic: BTreeMap<String, BTreeMap<i32, usize>> = BTreeMap::new();
    for a in &next {
        let counts = per_topic.entry(a.topic.clone()).or_insert_with(|| allowed.iter().map(|b| (*b, 0)).collect());
        for r in a.replicas.iter().filter(|r| allowed.contains(r)) {
            *counts.entry(*r).or_default() += 1;
        }
    }
    // A new home for a replica of `a`: the target it lacks with a new rack first, then the
    // fewest replicas of the topic, then the fewest replicas overall.
    let pick = |a: &Assignment, load: &BTreeMap<i32, usize>, topic: &BTreeMap<i32, usize>, skip: i32| -> Option<i32> {
        let used_racks: BTreeSet<&str> =
            a.replicas.iter().filter(|r| **r != skip).filter_map(|r| rack.get(r).copied().flatten()).collect();
        load.iter()
            .filter(|(b, _)| !a.replicas.contains(b))
            .min_by_key(|(b, n)| {
                (
                    rack.get(b).copied().flatten().is_some_and(|r| used_racks.contains(r)),
                    topic.get(b).copied().unwrap_or(0),
                    **n,
                    **b,
                )
            })
            .map(|(b, _)| *b)
    };
    // 1. Drain: replicas on brokers that are not targets, in place (the position, and so the
    //    preferred leadership, goes to the new broker).
    for a in next.iter_mut() {
        for i in 0..a.replicas.len() {
            let r = a.replicas[i];
            if allowed.contains(&r) {
                continue;
            }
            let counts = per_topic.get_mut(&a.topic).expect("topic");
            let to = pick(a, &load, counts, r)
                .ok_or_else(|| format!("{}/{}: no target broker left", a.topic, a.partition))?;
            a.replicas[i] = to;
            *load.entry(to).or_default() += 1;
            *counts.entry(to).or_default() += 1;
        }
    }
    let rack_ok = |a: &Assignment, from: i32, to: i32| {
        let to_rack = rack.get(&to).copied().flatten();
        to_rack.is_none()
            || to_rack == rack.get(&from).copied().flatten()
            || !a.replicas.iter().filter(|r| **r != from).any(|r| rack.get(r).copied().flatten() == to_rack)
    };
    // Partition positions by topic, so each search looks at one topic's partitions.
    let mut by_topic: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, a) in next.iter().enumerate() {
        by_topic.entry(a.topic.clone()).or_default().push(i);
    }
    // 2. Each topic spread evenly (its load follows its partitions): one replica at a time
    //    from the target holding most of the topic to the one holding least (ties: the
    //    globally least loaded).
    for (topic, positions) in &by_topic {
        loop {
            let counts = &per_topic[topic];
            let (&max_b, &max_n) =
                counts.iter().max_by_key(|(b, n)| (**n, load[*b], std::cmp::Reverse(**b))).expect("targets");
            let (&min_b, &min_n) = counts.iter().min_by_key(|(b, n)| (**n, load[*b], **b)).expect("targets");
            if max_n <= min_n + 1 {
                break;
            }
            let Some(&i) = positions.iter().find(|&&i| {
                let a = &next[i];
                a.replicas.contains(&max_b) && !a.replicas.contains(&min_b) && rack_ok(a, max_b, min_b)
            }) else {
                break;
            };
            let a = &mut next[i];
            let k = a.replicas.iter().position(|r| *r == max_b).expect("contains");
            a.replicas[k] = min_b;
            *load.get_mut(&max_b).expect("target") -= 1;
            *load.get_mut(&min_b).expect("target") += 1;
            let counts = per_topic.get_mut(topic).expect("topic");
            *counts.get_mut(&max_b).expect("target") -= 1;
            *counts.get_mut(&min_b).expect("target") += 1;
        }
    }
    // 3. Even out the totals: from the most to the least loaded target, only moves that keep
    //    the topic no worse spread (the topic has more replicas on the source than the target).
    loop {
        let (&max_b, &max_n) = load.iter().max_by_key(|(b, n)| (**n, std::cmp::Reverse(**b))).expect("targets");
        let (&min_b, &min_n) = load.iter().min_by_key(|(b, n)| (**n, **b)).expect("targets");
        if max_n <= min_n + 1 {
            break;
        }
        let candidate = next.iter().position(|a| {
            let counts = &per_topic[&a.topic];
            a.replicas.contains(&max_b)
                && !a.replicas.contains(&min_b)
                && counts[&min_b] < counts[&max_b]
                && rack_ok(a, max_b, min_b)
        });
        let Some(i) = candidate else { break };
        let a = &mut next[i];
        let k = a.replicas.iter().position(|r| *r == max_b).expect("contains");
        a.replicas[k] = min_b;
        *load.get_mut(&max_b).expect("target") -= 1;
        *load.get_mut(&min_b).expect("target") += 1;
        let counts = per_topic.get_mut(&a.topic).expect("topic");
        *counts.get_mut(&max_b).expect("target") -= 1;
        *counts.get_mut(&min_b).expect("target") += 1;
    }
    if let Some(sizes) = sizes {
        even_bytes(&mut next, &allowed, &rack, sizes);
    }
    // 4. Even out preferred leaders by reordering replicas (no data moves).
    let mut leaders: BTreeMap<i32, usize> = allowed.iter().map(|b| (*b, 0)).collect();
    for a in &next {
        if let Some(l) = a.replicas.first() {
            *leaders.entry(*l).or_default() += 1;
        }
    }
    loop {
        let (&max_b, &max_n) = leaders.iter().max_by_key(|(b, n)| (**n, std::cmp::Reverse(**b))).expect("targets");
        let (&min_b, &min_n) = leaders.iter().min_by_key(|(b, n)| (**n, **b)).expect("targets");
        if max_n <= min_n + 1 {
            break;
        }
        let Some(a) = next.iter_mut().find(|a| a.replicas.first() == Some(&max_b) && a.replicas.contains(&min_b))
        else {
            break;
        };
        let i = a.replicas.iter().position(|r| *r == min_b).expect("contains");
        a.replicas.swap(0, i);
        *leaders.get_mut(&max_b).expect("target") -= 1;
        *leaders.get_mut(&min_b).expect("target") += 1;
    }
    let before: BTreeMap<(&str, i32), &Vec<i32>> =
        current.iter().map(|a| ((a.topic.as_str(), a.partition), &a.replicas)).collect();
    Ok(next
        .iter()
        .filter_map(|a| {
            let from = before.get(&(a.topic.as_str(), a.partition))?;
            (**from != a.replicas).then(|| Move {
                topic: a.topic.clone(),
                partition: a.partition,
                from: (*from).clone(),
                to: a.replicas.clone(),
            })
        })
        .collect())
}

/// Bytes per target broker.
pub fn bytes_per_broker(assignments: &[Assignment], sizes: &Sizes) -> BTreeMap<i32, i64> {
    let mut out = BTreeMap::new();
    for a in assignments {
        let size = sizes.get(&(a.topic.clone(), a.partition)).copied().unwrap_or(0);
        for r in &a.replicas {
            *out.entry(*r).or_insert(0) += size;
        }
    }
    out
}

/// Stage 3b of `plan_by`: same-topic swaps between the heaviest and the lightest target by
/// bytes. A swap exchanges one replica of partition P on the heavy broker with one of
/// partition Q of the same topic on the light one (P lacks the light broker, Q the heavy);
/// every count stays, the gap shrinks by twice the size difference.
fn even_bytes(next: &mut [Assignment], allowed: &BTreeSet<i32>, rack: &BTreeMap<i32, Option<&str>>, sizes: &Sizes) {
    let size = |a: &Assignment| sizes.get(&(a.topic.clone(), a.partition)).copied().unwrap_or(0);
    let mut bytes: BTreeMap<i32, i64> = allowed.iter().map(|b| (*b, 0)).collect();
    for a in next.iter() {
        for r in a.replicas.iter().filter(|r| allowed.contains(r)) {
            *bytes.entry(*r).or_default() += size(a);
        }
    }
    let total: i64 = bytes.values().sum();
    let slack = (total as f64 / allowed.len() as f64 * BYTES_TOLERANCE) as i64;
    // A replica may go from `from` to `to` in `a` without a second replica on one rack.
    let rack_ok = |a: &Assignment, from: i32, to: i32| {
        let to_rack = rack.get(&to).copied().flatten();
        to_rack.is_none()
            || to_rack == rack.get(&from).copied().flatten()
            || !a.replicas.iter().filter(|r| **r != from).any(|r| rack.get(r).copied().flatten() == to_rack)
    };
    // Each swap shrinks the heavy-light gap; the bound keeps a pathological input finite.
    for _ in 0..next.len() {
        let (&heavy, &hb) = bytes.iter().max_by_key(|(b, n)| (**n, std::cmp::Reverse(**b))).expect("targets");
        let (&light, &lb) = bytes.iter().min_by_key(|(b, n)| (**n, **b)).expect("targets");
        let gap = hb - lb;
        let mean = total / allowed.len() as i64;
        if gap <= 0 || (hb - mean <= slack && mean - lb <= slack) {
            return;
        }
        // The best pair: the size difference d with 0 < d < gap closest to gap / 2.
        let mut best: Option<(i64, usize, usize)> = None;
        let on = |b: i32, other: i32| -> Vec<usize> {
            (0..next.len()).filter(|&i| next[i].replicas.contains(&b) && !next[i].replicas.contains(&other)).collect()
        };
        let (from_heavy, from_light) = (on(heavy, light), on(light, heavy));
        let mut light_by_topic: BTreeMap<&str, Vec<(i64, usize)>> = BTreeMap::new();
        for &j in &from_light {
            if rack_ok(&next[j], light, heavy) {
                light_by_topic.entry(next[j].topic.as_str()).or_default().push((size(&next[j]), j));
            }
        }
        for list in light_by_topic.values_mut() {
            list.sort();
        }
        for &i in &from_heavy {
            if !rack_ok(&next[i], heavy, light) {
                continue;
            }
            let Some(list) = light_by_topic.get(next[i].topic.as_str()) else { continue };
            let want = size(&next[i]) - gap / 2;
            // The light replica whose size is nearest `want` (sorted: look around the split).
            let at = list.partition_point(|(s, _)| *s < want);
            for &(s, j) in list.iter().skip(at.saturating_sub(1)).take(2) {
                let d = size(&next[i]) - s;
                if d <= 0 || d >= gap {
                    continue;
                }
                let after = (gap - 2 * d).abs();
                if best.is_none_or(|(b, _, _)| after < b) {
                    best = Some((after, i, j));
                }
            }
        }
        let Some((after, i, j)) = best else { return };
        if after >= gap {
            return;
        }
        let (si, sj) = (size(&next[i]), size(&next[j]));
        let k = next[i].replicas.iter().position(|r| *r == heavy).expect("on heavy");
        next[i].replicas[k] = light;
        let k = next[j].replicas.iter().position(|r| *r == light).expect("on light");
        next[j].replicas[k] = heavy;
        *bytes.get_mut(&heavy).expect("target") += sj - si;
        *bytes.get_mut(&light).expect("target") += si - sj;
    }
}

/// A plan in `kafka-reassign-partitions.sh`'s JSON format (`{"version":1,"partitions":[...]}`).
pub fn to_reassignment_json(moves: &[Move]) -> serde_json::Value {
    serde_json::json!({
        "version": 1,
        "partitions": moves.iter().map(|m| serde_json::json!({
            "topic": m.topic, "partition": m.partition, "replicas": m.to, "log_dirs": m.to.iter().map(|_| "any").collect::<Vec<_>>()
        })).collect::<Vec<_>>()
    })
}

/// Reads a plan in `kafka-reassign-partitions.sh`'s JSON format against the current
/// assignment (partitions it names that do not exist are an error; unchanged ones are left
/// out).
pub fn from_reassignment_json(text: &str, current: &[Assignment]) -> Result<Vec<Move>, String> {
    let doc: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let parts = doc["partitions"].as_array().ok_or("no \"partitions\" array")?;
    let mut moves = Vec::new();
    for p in parts {
        let topic = p["topic"].as_str().ok_or("a partition without \"topic\"")?;
        let partition = p["partition"].as_i64().ok_or("a partition without \"partition\"")? as i32;
        let to: Vec<i32> = p["replicas"]
            .as_array()
            .ok_or_else(|| format!("{topic}/{partition} has no \"replicas\""))?
            .iter()
            .map(|r| {
                r.as_i64().map(|r| r as i32).ok_or_else(|| format!("{topic}/{partition}: replicas must be numbers"))
            })
            .collect::<Result<_, _>>()?;
        let unique: BTreeSet<i32> = to.iter().copied().collect();
        if to.is_empty() || unique.len() != to.len() {
            return Err(format!("{topic}/{partition}: replicas must be distinct broker ids, at least one"));
        }
        let from = current
            .iter()
            .find(|a| a.topic == topic && a.partition == partition)
            .ok_or_else(|| format!("{topic}/{partition} does not exist"))?;
        if from.replicas != to {
            moves.push(Move { topic: topic.to_string(), partition, from: from.replicas.clone(), to });
        }
    }
    Ok(moves)
}

/// Which pending moves may start now, by index in plan order: every broker a move copies to
/// or drops from has fewer than `per_broker` such moves running (0: no bound). Moves that only
/// reorder replicas copy nothing and start at once.
pub fn startable(pending: &[Move], running: &[Move], per_broker: usize) -> Vec<usize> {
    let mut busy: BTreeMap<i32, usize> = BTreeMap::new();
    let touched = |m: &Move| -> Vec<i32> { m.adding().into_iter().chain(m.removing()).collect() };
    for m in running {
        for b in touched(m) {
            *busy.entry(b).or_default() += 1;
        }
    }
    let mut start = Vec::new();
    for (i, m) in pending.iter().enumerate() {
        let brokers = touched(m);
        if per_broker == 0 || brokers.iter().all(|b| busy.get(b).copied().unwrap_or(0) < per_broker) {
            for b in brokers {
                *busy.entry(b).or_default() += 1;
            }
            start.push(i);
        }
    }
    start
}

/// Takes the moves that may start now (see `startable`) out of `pending`, in plan order.
pub fn take_startable(pending: &mut Vec<Move>, running: &[Move], per_broker: usize) -> Vec<Move> {
    let start = startable(pending, running, per_broker);
    // Removed from the back so the indices stay valid; then back in plan order.
    let mut batch: Vec<Move> = start.iter().rev().map(|i| pending.remove(*i)).collect();
    batch.reverse();
    batch
}

/// How far a move has got, from each partition's size on its source and on the brokers
/// copying it: bytes copied so far and bytes to copy in all (a copy counts up to its
/// source's size).
pub fn copied(moves: &[Move], sizes: &BTreeMap<i32, BTreeMap<(String, i32), i64>>) -> (i64, i64) {
    let size = |b: &i32, m: &Move| sizes.get(b).and_then(|s| s.get(&(m.topic.clone(), m.partition))).copied();
    let (mut done, mut total) = (0i64, 0i64);
    for m in moves {
        let source = m.from.iter().filter_map(|b| size(b, m)).max().unwrap_or(0);
        for b in m.adding() {
            total += source;
            done += size(&b, m).unwrap_or(0).min(source);
        }
    }
    (done, total)
}

/// Kafka's replication throttle configs, as `kafka-reassign-partitions.sh --throttle` sets them.
pub const LEADER_RATE: &str = "leader.replication.throttled.rate";
pub const FOLLOWER_RATE: &str = "follower.replication.throttled.rate";
pub const LEADER_REPLICAS: &str = "leader.replication.throttled.replicas";
pub const FOLLOWER_REPLICAS: &str = "follower.replication.throttled.replicas";

/// Where the throttle goes for `moves`: the rate on every broker a moving partition has
/// before or after; per topic, its moving partitions' current replicas as throttled leaders
/// and the replicas being added as throttled followers (`partition:broker,...`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ThrottlePlan {
    pub brokers: BTreeSet<i32>,
    /// topic -> (leader replicas, follower replicas)
    pub topics: BTreeMap<String, (String, String)>,
}

/// The copies a broker makes when it comes back on an empty volume: it keeps its place in
/// every replica set it is in, and fetches each of those partitions anew from the others.
pub fn recopy(assignments: &[Assignment], broker: i32) -> Vec<Move> {
    assignments
        .iter()
        .filter(|a| a.replicas.contains(&broker))
        .map(|a| Move {
            topic: a.topic.clone(),
            partition: a.partition,
            from: a.replicas.iter().copied().filter(|r| *r != broker).collect(),
            to: a.replicas.clone(),
        })
        .collect()
}

pub fn throttle_plan(moves: &[Move]) -> ThrottlePlan {
    let mut plan = ThrottlePlan::default();
    let mut lists: BTreeMap<&str, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for m in moves {
        plan.brokers.extend(m.from.iter().chain(m.to.iter()));
        let entry = lists.entry(m.topic.as_str()).or_default();
        entry.0.extend(m.from.iter().map(|b| format!("{}:{b}", m.partition)));
        entry.1.extend(m.adding().iter().map(|b| format!("{}:{b}", m.partition)));
    }
    plan.topics = lists.into_iter().map(|(t, (l, f))| (t.to_string(), (l.join(","), f.join(",")))).collect();
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(topic: &str, partition: i32, replicas: &[i32]) -> Assignment {
        Assignment { topic: topic.into(), partition, replicas: replicas.to_vec() }
    }

    fn targets(ids: &[i32]) -> Vec<Target> {
        ids.iter().map(|id| Target { id: *id, rack: None }).collect()
    }

    #[test]
    fn a_broker_on_an_empty_volume_recopies_what_it_hosts_and_the_throttle_names_it() {
        let now = [a("orders", 0, &[4, 1, 2]), a("orders", 1, &[2, 3, 1]), a("audit", 0, &[1, 4])];
        let moves = recopy(&now, 4);
        assert_eq!(moves.len(), 2, "orders/1 is not on broker 4");
        assert!(moves.iter().all(|m| m.adding() == [4] && m.removing().is_empty()));
        let plan = throttle_plan(&moves);
        assert_eq!(plan.brokers, BTreeSet::from([1, 2, 4]));
        assert_eq!(plan.topics["orders"], ("0:1,0:2".to_string(), "0:4".to_string()));
        assert_eq!(plan.topics["audit"], ("0:1".to_string(), "0:4".to_string()));
    }

    fn spread(assignments: &[Assignment]) -> (BTreeMap<i32, usize>, BTreeMap<i32, usize>) {
        counts(assignments)
    }

    #[test]
    fn moves_stay_near_the_lower_bound() {
        // 50 topics of 30 partitions (RF 3) on 9 brokers; 1 joins, then 1 is drained. The
        // replicas copied stay within 10% of what an even spread needs at least.
        let current: Vec<Assignment> = (0..1500)
            .map(|k| a(&format!("t{}", k / 30), k % 30, &[1 + k % 9, 1 + (k + 1) % 9, 1 + (k + 2) % 9]))
            .collect();
        for ids in [(1..=10).collect::<Vec<i32>>(), (1..=8).collect()] {
            let t = targets(&ids);
            let moves = plan(&current, &t).unwrap();
            let copies: usize = moves.iter().map(|m| m.adding().len()).sum();
            let (before, _) = spread(&current);
            let share = 4500 / ids.len();
            let lower: usize = ids.iter().map(|b| share.saturating_sub(before.get(b).copied().unwrap_or(0))).sum();
            assert!(copies * 10 <= lower * 11, "{ids:?}: {copies} copies, lower bound {lower}");
        }
    }

    #[test]
    fn a_balanced_cluster_moves_nothing() {
        let current = [a("t", 0, &[1, 2]), a("t", 1, &[2, 3]), a("t", 2, &[3, 1])];
        assert_eq!(plan(&current, &targets(&[1, 2, 3])).unwrap(), vec![]);
    }

    #[test]
    fn a_new_broker_gets_its_share_with_the_fewest_moves() {
        // Six partitions of RF 2 on brokers 1-3 (4 replicas each); broker 4 joins: 12 replicas
        // over 4 brokers is 3 each, so exactly 3 replicas move, all onto broker 4.
        let current: Vec<Assignment> = (0..6).map(|p| a("t", p, &[1 + p % 3, 1 + (p + 1) % 3])).collect();
        let moves = plan(&current, &targets(&[1, 2, 3, 4])).unwrap();
        let copied: usize = moves.iter().map(|m| m.adding().len()).sum();
        assert_eq!(copied, 3, "{moves:?}");
        assert!(moves.iter().all(|m| m.adding() == [4] || m.adding().is_empty()), "{moves:?}");
        let (replicas, leaders) = spread(&apply(&current, &moves));
        assert!(replicas.values().all(|n| *n == 3), "{replicas:?}");
        assert!(leaders.values().max().unwrap() - leaders.values().min().unwrap() <= 1, "{leaders:?}");
        for m in &moves {
            let distinct: BTreeSet<_> = m.to.iter().collect();
            assert_eq!(distinct.len(), m.to.len(), "no broker twice in {m:?}");
        }
        // The same input, the same plan.
        assert_eq!(plan(&current, &targets(&[1, 2, 3, 4])).unwrap(), moves);
    }

    #[test]
    fn a_drained_broker_keeps_nothing() {
        let current: Vec<Assignment> = (0..8).map(|p| a("t", p, &[1 + p % 4, 1 + (p + 1) % 4])).collect();
        let moves = plan(&current, &targets(&[1, 2, 3])).unwrap();
        let after = apply(&current, &moves);
        assert!(after.iter().all(|x| !x.replicas.contains(&4)), "{after:?}");
        assert!(after.iter().all(|x| x.replicas.len() == 2));
        let (replicas, _) = spread(&after);
        assert!(replicas.values().max().unwrap() - replicas.values().min().unwrap() <= 1, "{replicas:?}");
        // More replicas than targets cannot be kept.
        let err = plan(&[a("t", 0, &[1, 2, 3])], &targets(&[1, 2])).unwrap_err();
        assert!(err.contains("t/0 has 3 replicas"), "{err}");
    }

    #[test]
    fn every_topic_is_spread_not_only_the_totals() {
        // Two topics on brokers 1-3; brokers 4 and 5 join. Evening the totals alone could put
        // all the new replicas from one topic; each topic must reach every broker.
        let mut current: Vec<Assignment> =
            (0..50).map(|p| a("big", p, &[1 + p % 3, 1 + (p + 1) % 3, 1 + (p + 2) % 3])).collect();
        current.extend((0..6).map(|p| a("small", p, &[1 + p % 3, 1 + (p + 1) % 3, 1 + (p + 2) % 3])));
        let moves = plan(&current, &targets(&[1, 2, 3, 4, 5])).unwrap();
        let after = apply(&current, &moves);
        for topic in ["big", "small"] {
            let (replicas, _) = spread(&after.iter().filter(|x| x.topic == topic).cloned().collect::<Vec<_>>());
            assert_eq!(replicas.len(), 5, "{topic} on every broker: {replicas:?}");
            assert!(replicas.values().max().unwrap() - replicas.values().min().unwrap() <= 1, "{topic}: {replicas:?}");
        }
        let (replicas, leaders) = spread(&after);
        assert!(replicas.values().max().unwrap() - replicas.values().min().unwrap() <= 1, "{replicas:?}");
        assert!(leaders.values().max().unwrap() - leaders.values().min().unwrap() <= 1, "{leaders:?}");
    }

    #[test]
    fn racks_are_spread_when_known() {
        // Brokers 1,2 in rack a, 3,4 in rack b; partition [1,3] loses broker 3: its new home
        // is 4 (rack b), not 2 (rack a, which the partition already uses).
        let t = vec![
            Target { id: 1, rack: Some("a".into()) },
            Target { id: 2, rack: Some("a".into()) },
            Target { id: 4, rack: Some("b".into()) },
        ];
        let moves = plan(&[a("t", 0, &[1, 3])], &t).unwrap();
        assert_eq!(moves[0].to, vec![1, 4]);
    }

    #[test]
    fn bytes_are_evened_by_same_topic_swaps_that_keep_every_count() {
        // Two brokers, one topic of four partitions with skewed sizes: counts are even (two
        // each) but broker 1 holds 100 + 90 bytes and broker 2 holds 10 + 0.
        let current = vec![a("t", 0, &[1]), a("t", 1, &[1]), a("t", 2, &[2]), a("t", 3, &[2])];
        let sizes: Sizes =
            [100, 90, 10, 0].iter().enumerate().map(|(p, s)| (("t".to_string(), p as i32), *s)).collect();
        assert!(plan(&current, &targets(&[1, 2])).unwrap().is_empty(), "balanced by count");
        let moves = plan_by(&current, &targets(&[1, 2]), Some(&sizes)).unwrap();
        let after = apply(&current, &moves);
        let bytes = bytes_per_broker(&after, &sizes);
        assert_eq!((bytes[&1], bytes[&2]), (100, 100), "one swap: 90 for 0 -> {moves:?}");
        assert_eq!(moves.len(), 2, "a swap is two moves");
        let (replicas, _) = spread(&after);
        assert_eq!((replicas[&1], replicas[&2]), (2, 2), "counts unchanged");
        // Already within the tolerance: nothing moves.
        let close: Sizes =
            [50, 50, 48, 52].iter().enumerate().map(|(p, s)| (("t".to_string(), p as i32), *s)).collect();
        assert!(plan_by(&current, &targets(&[1, 2]), Some(&close)).unwrap().is_empty());
    }

    #[test]
    fn leaders_are_evened_by_order_alone() {
        let current = [a("t", 0, &[1, 2]), a("t", 1, &[1, 2]), a("t", 2, &[2, 1]), a("t", 3, &[1, 2])];
        let moves = plan(&current, &targets(&[1, 2])).unwrap();
        assert!(moves.iter().all(|m| m.adding().is_empty()), "no data moves: {moves:?}");
        let (_, leaders) = spread(&apply(&current, &moves));
        assert_eq!(leaders.values().copied().collect::<Vec<_>>(), vec![2, 2]);
    }

    #[test]
    fn copy_progress_counts_each_new_replica_up_to_its_source() {
        let m = Move { topic: "t".into(), partition: 0, from: vec![1, 2], to: vec![3, 4] };
        let mut sizes: BTreeMap<i32, BTreeMap<(String, i32), i64>> = BTreeMap::new();
        sizes.entry(1).or_default().insert(("t".into(), 0), 1000);
        sizes.entry(2).or_default().insert(("t".into(), 0), 990);
        sizes.entry(3).or_default().insert(("t".into(), 0), 400);
        assert_eq!(copied(std::slice::from_ref(&m), &sizes), (400, 2000), "broker 4 has nothing yet");
        sizes.entry(4).or_default().insert(("t".into(), 0), 1200);
        assert_eq!(copied(&[m], &sizes), (1400, 2000), "a copy counts up to its source's size");
    }

    #[test]
    fn moves_start_within_the_bound_per_broker() {
        let mv = |p: i32, from: &[i32], to: &[i32]| Move {
            topic: "t".into(),
            partition: p,
            from: from.to_vec(),
            to: to.to_vec(),
        };
        let pending = vec![
            mv(0, &[1, 2], &[1, 4]),
            mv(1, &[2, 3], &[3, 4]),
            mv(2, &[1, 3], &[3, 1]), // order only: always starts
            mv(3, &[1, 3], &[5, 3]),
        ];
        // One move per broker: 0 takes 2 and 4; 1 needs 2 and 4 too; 3 takes 1 and 5.
        assert_eq!(startable(&pending, &[], 1), vec![0, 2, 3]);
        // With move 0 running (brokers 2 and 4 busy), move 1 waits; the reorder and move 3
        // (brokers 1 and 5) start.
        assert_eq!(startable(&pending[1..], &pending[..1], 1), vec![1, 2]);
        assert_eq!(startable(&pending, &[], 0), vec![0, 1, 2, 3], "no bound");
        // Taking them out leaves the rest, in order.
        let mut left = pending.clone();
        let taken = take_startable(&mut left, &[], 1);
        assert_eq!(taken.iter().map(|m| m.partition).collect::<Vec<_>>(), vec![0, 2, 3]);
        assert_eq!(left.iter().map(|m| m.partition).collect::<Vec<_>>(), vec![1]);
        assert_eq!(startable(&pending, &[], 2), vec![0, 1, 2, 3]);
    }

    #[test]
    fn throttles_name_the_current_leaders_and_the_new_followers() {
        let moves = vec![
            Move { topic: "t".into(), partition: 0, from: vec![1, 2], to: vec![3, 2] },
            Move { topic: "t".into(), partition: 4, from: vec![2, 1], to: vec![1, 2] },
        ];
        let p = throttle_plan(&moves);
        assert_eq!(p.brokers, BTreeSet::from([1, 2, 3]));
        assert_eq!(p.topics["t"], ("0:1,0:2,4:2,4:1".to_string(), "0:3".to_string()));
    }

    #[test]
    fn kafkas_reassignment_json_round_trips() {
        let current = [a("t", 0, &[1, 2]), a("t", 1, &[2, 3])];
        let moves = vec![Move { topic: "t".into(), partition: 0, from: vec![1, 2], to: vec![3, 2] }];
        let text = to_reassignment_json(&moves).to_string();
        assert_eq!(from_reassignment_json(&text, &current).unwrap(), moves);
        assert!(
            from_reassignment_json(
                r#"{"version":1,"partitions":[{"topic":"x","partition":0,"replicas":[1]}]}"#,
                &current
            )
            .unwrap_err()
            .contains("x/0 does not exist")
        );
        assert!(
            from_reassignment_json(r#"{"partitions":[{"topic":"t","partition":0,"replicas":[1,1]}]}"#, &current)
                .unwrap_err()
                .contains("distinct")
        );
    }
}
