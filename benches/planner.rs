//! The rebalance planner on a synthetic cluster: 100,000 partitions of RF 3 (1,000 topics of
//! 100) on 27 brokers, then 3 brokers join (30 targets); and a drain of one broker. Prints the
//! planner's time, the replicas it copies, and the lower bound for an even spread (the replicas
//! the under-loaded brokers lack). `cargo bench --bench planner`.

#![allow(clippy::print_stdout, reason = "a benchmark reports its figures on stdout")]

use std::time::Instant;

use kubectl_kafka::balance::{Assignment, Target, apply, plan};

fn cluster(topics: usize, per_topic: usize, brokers: i32) -> Vec<Assignment> {
    let mut out = Vec::with_capacity(topics * per_topic);
    let mut k = 0i32;
    for t in 0..topics {
        for p in 0..per_topic {
            let first = k % brokers;
            out.push(Assignment {
                topic: format!("topic-{t:04}"),
                partition: p as i32,
                replicas: (0..3).map(|r| 1 + (first + r) % brokers).collect(),
            });
            k += 1;
        }
    }
    out
}

fn counts(a: &[Assignment], targets: &[Target]) -> Vec<usize> {
    let mut per = std::collections::HashMap::<i32, usize>::new();
    for x in a {
        for r in &x.replicas {
            *per.entry(*r).or_default() += 1;
        }
    }
    targets.iter().map(|t| per.get(&t.id).copied().unwrap_or(0)).collect()
}

fn run(name: &str, current: &[Assignment], targets: &[Target]) {
    let t0 = Instant::now();
    let moves = plan(current, targets).expect("a plan");
    let took = t0.elapsed();
    let copies: usize = moves.iter().map(|m| m.adding().len()).sum();
    let before = counts(current, targets);
    let total: usize = current.iter().map(|a| a.replicas.len()).sum();
    let share = total / targets.len();
    let lower: usize = before.iter().map(|n| share.saturating_sub(*n)).sum();
    // Each topic spread evenly too (what the planner also does): per topic, the replicas its
    // under-loaded targets lack.
    let mut per_topic = std::collections::BTreeMap::<&str, Vec<&Assignment>>::new();
    for a in current {
        per_topic.entry(a.topic.as_str()).or_default().push(a);
    }
    let topic_lower: usize = per_topic
        .values()
        .map(|parts| {
            let owned: Vec<Assignment> = parts.iter().map(|a| (*a).clone()).collect();
            let share = owned.len() * 3 / targets.len();
            counts(&owned, targets).iter().map(|n| share.saturating_sub(*n)).sum::<usize>()
        })
        .sum();
    let after = counts(&apply(current, &moves), targets);
    let spread = after.iter().max().unwrap() - after.iter().min().unwrap();
    println!(
        "| {name} | {} partitions, {} targets | {:.0} ms | {} partitions change, {copies} replicas copy | {lower} (totals even), {topic_lower} (every topic even too) | {spread} |",
        current.len(),
        targets.len(),
        took.as_secs_f64() * 1000.0,
        moves.len()
    );
}

fn main() {
    println!("| case | cluster | planner time | moves | lower bound of copies | max-min replicas after |");
    println!("|---|---|---|---|---|---|");
    let current = cluster(1000, 100, 27);
    let grow: Vec<Target> = (1..=30).map(|id| Target { id, rack: None }).collect();
    run("3 brokers join", &current, &grow);
    let drain: Vec<Target> = (1..=26).map(|id| Target { id, rack: None }).collect();
    run("drain broker 27", &current, &drain);
}
