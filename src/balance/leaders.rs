//! Preferred leader election, planned: which partitions are led by another replica than their
//! preferred (first) one, which of those can be moved back now (the preferred replica is in
//! sync), and the leaders per broker before and after. Pure.

use std::collections::BTreeMap;

use serde::Serialize;

/// A partition as the brokers agree on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Led {
    pub topic: String,
    pub partition: i32,
    pub replicas: Vec<i32>,
    pub isr: Vec<i32>,
    /// -1 when it has none.
    pub leader: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    pub topic: String,
    pub partition: i32,
    pub leader: i32,
    pub preferred: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Leaders {
    pub broker: i32,
    pub before: usize,
    pub after: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Election {
    /// Led by another replica, preferred replica in sync: elected.
    pub elect: Vec<Change>,
    /// Led by another replica, preferred replica not in sync: left as they are.
    pub not_in_sync: Vec<Change>,
    pub brokers: Vec<Leaders>,
    /// Most minus fewest leaders over the brokers holding replicas, before and after.
    pub skew_before: usize,
    pub skew_after: usize,
}

fn skew(counts: &BTreeMap<i32, usize>) -> usize {
    let max = counts.values().max().copied().unwrap_or(0);
    let min = counts.values().min().copied().unwrap_or(0);
    max - min
}

pub fn plan_election(partitions: &[Led]) -> Election {
    let mut before: BTreeMap<i32, usize> = BTreeMap::new();
    for p in partitions {
        for r in &p.replicas {
            before.entry(*r).or_insert(0);
        }
        if p.leader >= 0 {
            *before.entry(p.leader).or_insert(0) += 1;
        }
    }
    let mut after = before.clone();
    let mut out = Election::default();
    let mut sorted: Vec<&Led> = partitions.iter().collect();
    sorted.sort_by(|a, b| (&a.topic, a.partition).cmp(&(&b.topic, b.partition)));
    for p in sorted {
        let Some(&preferred) = p.replicas.first() else { continue };
        if p.leader == preferred {
            continue;
        }
        let change = Change { topic: p.topic.clone(), partition: p.partition, leader: p.leader, preferred };
        if p.isr.contains(&preferred) {
            if p.leader >= 0 {
                *after.get_mut(&p.leader).expect("counted") -= 1;
            }
            *after.entry(preferred).or_insert(0) += 1;
            out.elect.push(change);
        } else {
            out.not_in_sync.push(change);
        }
    }
    out.skew_before = skew(&before);
    out.skew_after = skew(&after);
    out.brokers = before.iter().map(|(b, n)| Leaders { broker: *b, before: *n, after: after[b] }).collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn led(partition: i32, replicas: &[i32], isr: &[i32], leader: i32) -> Led {
        Led { topic: "t".into(), partition, replicas: replicas.to_vec(), isr: isr.to_vec(), leader }
    }

    #[test]
    fn partitions_go_back_to_their_preferred_replica_when_it_is_in_sync() {
        let parts =
            [led(0, &[1, 2, 3], &[1, 2, 3], 1), led(1, &[2, 3, 1], &[1, 2, 3], 1), led(2, &[3, 1, 2], &[1, 2], 1)];
        let e = plan_election(&parts);
        assert_eq!(e.elect.iter().map(|c| (c.partition, c.preferred)).collect::<Vec<_>>(), [(1, 2)]);
        assert_eq!(e.not_in_sync.iter().map(|c| (c.partition, c.preferred)).collect::<Vec<_>>(), [(2, 3)]);
        assert_eq!((e.skew_before, e.skew_after), (3, 2));
        assert_eq!(
            e.brokers.iter().map(|b| (b.broker, b.before, b.after)).collect::<Vec<_>>(),
            [(1, 3, 2), (2, 0, 1), (3, 0, 0)]
        );
    }

    #[test]
    fn a_balanced_cluster_elects_nothing_and_a_leaderless_partition_gains_one() {
        let parts = [led(0, &[1, 2], &[1, 2], 1), led(1, &[2, 1], &[1, 2], 2)];
        let e = plan_election(&parts);
        assert!(e.elect.is_empty() && e.not_in_sync.is_empty());
        assert_eq!((e.skew_before, e.skew_after), (0, 0));
        let none = plan_election(&[led(0, &[1, 2], &[1], -1)]);
        assert_eq!(none.elect.len(), 1);
        assert_eq!(none.brokers.iter().map(|b| (b.broker, b.after)).collect::<Vec<_>>(), [(1, 1), (2, 0)]);
    }
}
