//! Whether a broker may go down now, and in which order to restart them (the rules of
//! Strimzi's KafkaRoller / KafkaAvailability / KafkaQuorumCheck).

use serde::Serialize;

/// One partition as the safety rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartitionState {
    pub topic: String,
    pub partition: i32,
    pub replicas: Vec<i32>,
    pub isr: Vec<i32>,
    /// The topic's min.insync.replicas.
    pub min_isr: i32,
}

/// The controller quorum as the safety rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuorumState {
    pub leader: i32,
    pub voters: Vec<i32>,
    /// Voters caught up with the leader (the leader included).
    pub caught_up: Vec<i32>,
}

/// A broker the plan may restart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub name: String,
    pub node_id: i32,
    pub ready: bool,
    /// When its current pod started (ms since the epoch), if it has one.
    pub pod_started: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Blocker {
    pub rule: String,
    pub detail: String,
}

/// Partitions that restarting `broker` would take below min.insync.replicas: for every
/// partition with a replica on it, skip when RF <= minISR; refuse when ISR < minISR, or ISR ==
/// minISR with the broker in the ISR.
pub fn partition_blockers(broker: i32, partitions: &[PartitionState]) -> Vec<Blocker> {
    partitions
        .iter()
        .filter(|p| p.replicas.contains(&broker))
        .filter(|p| (p.replicas.len() as i32) > p.min_isr)
        .filter_map(|p| {
            let isr = p.isr.len() as i32;
            let name = format!("{}/{}", p.topic, p.partition);
            if isr < p.min_isr {
                Some(Blocker {
                    rule: "min-isr".into(),
                    detail: format!(
                        "{name} is already below min.insync.replicas ({isr} in sync of {} needed)",
                        p.min_isr
                    ),
                })
            } else if isr == p.min_isr && p.isr.contains(&broker) {
                Some(Blocker {
                    rule: "min-isr".into(),
                    detail: format!("{name} would fall below min.insync.replicas {} (ISR {:?})", p.min_isr, p.isr),
                })
            } else {
                None
            }
        })
        .collect()
}

/// Whether the quorum keeps a majority of caught-up voters without `broker` (Strimzi's
/// KafkaQuorumCheck): a leader must exist; a single voter may always be rolled (there is no
/// one to keep a majority with); two voters need the other one caught up; from three on, the
/// caught-up voters other than the broker must number at least N / 2 + 1.
pub fn quorum_blocker(broker: i32, quorum: &QuorumState) -> Option<Blocker> {
    if quorum.leader < 0 {
        return Some(Blocker { rule: "quorum".into(), detail: "the controller quorum has no leader".into() });
    }
    if !quorum.voters.contains(&broker) {
        return None;
    }
    let others = quorum.caught_up.iter().filter(|v| **v != broker && quorum.voters.contains(v)).count();
    let needed = match quorum.voters.len() {
        1 => 0,
        2 => 1,
        n => n / 2 + 1,
    };
    (others < needed).then(|| Blocker {
        rule: "quorum".into(),
        detail: format!(
            "without voter {broker} only {others} of {} voters are caught up; the quorum needs {needed}",
            quorum.voters.len()
        ),
    })
}

/// What the broker's pod says before the availability check, as Strimzi's roller reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PodLook {
    /// No broker process runs and none will until the pod changes: rolling it takes nothing
    /// away from Kafka, so it is rolled without the availability check.
    Stuck(String),
    /// Its process runs but Kafka does not count it yet: it is recovering its logs or catching
    /// up. Restarting it now would start that over: wait.
    Starting,
    /// Anything else: the availability check decides.
    Check,
}

/// Reads the pod: `stuck` its stuck reason, `running` whether its process runs, `registered`
/// whether Kafka counts the broker (registered and unfenced).
pub fn pod_look(stuck: Option<&str>, running: bool, registered: bool) -> PodLook {
    match stuck {
        Some(reason) => PodLook::Stuck(reason.to_string()),
        None if running && !registered => PodLook::Starting,
        None => PodLook::Check,
    }
}

/// The blocker for a broker whose process runs but has not joined yet.
pub fn starting_blocker(broker: i32) -> Blocker {
    Blocker {
        rule: "starting".into(),
        detail: format!(
            "broker {broker} runs but has not joined yet (recovering its logs or catching up): restarting it now would start that over"
        ),
    }
}

/// Every reason not to take `broker` down now. The quorum must be known: a check that could
/// not read it refuses before it gets here (fail closed).
pub fn blockers(broker: i32, partitions: &[PartitionState], quorum: &QuorumState) -> Vec<Blocker> {
    let mut out = partition_blockers(broker, partitions);
    out.extend(quorum_blocker(broker, quorum));
    out
}

/// Restart order: brokers not ready first, then the ready ones, the active quorum leader
/// last; by node id within each group.
pub fn restart_order(mut candidates: Vec<Candidate>, leader: Option<i32>) -> Vec<Candidate> {
    candidates.sort_by_key(|c| (c.ready, Some(c.node_id) == leader, c.node_id));
    candidates
}

/// Brokers whose pods started after `since` are done already (an interrupted restart).
pub fn skip_restarted(candidates: Vec<Candidate>, since: Option<i64>) -> (Vec<Candidate>, Vec<Candidate>) {
    match since {
        None => (candidates, Vec::new()),
        Some(t) => candidates.into_iter().partition(|c| c.pod_started.is_none_or(|s| s <= t)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(topic: &str, replicas: &[i32], isr: &[i32], min: i32) -> PartitionState {
        PartitionState {
            topic: topic.into(),
            partition: 0,
            replicas: replicas.to_vec(),
            isr: isr.to_vec(),
            min_isr: min,
        }
    }

    #[test]
    fn partition_rules() {
        // All in sync: any broker may go.
        assert!(partition_blockers(1, &[p("a", &[1, 2, 3], &[1, 2, 3], 2)]).is_empty());
        // ISR == minISR and the broker is in it: refuse.
        let b = partition_blockers(1, &[p("a", &[1, 2, 3], &[1, 2], 2)]);
        assert_eq!(b.len(), 1);
        assert!(b[0].detail.contains("a/0 would fall below min.insync.replicas 2"));
        // ISR == minISR but the broker is out of it already: fine.
        assert!(partition_blockers(3, &[p("a", &[1, 2, 3], &[1, 2], 2)]).is_empty());
        // ISR < minISR: refuse.
        assert!(partition_blockers(3, &[p("a", &[1, 2, 3], &[1], 2)])[0].detail.contains("already below"));
        // RF <= minISR: skipped (such a topic cannot survive any restart anyway).
        assert!(partition_blockers(1, &[p("a", &[1, 2], &[1], 2)]).is_empty());
        // Not a replica: not its business.
        assert!(partition_blockers(4, &[p("a", &[1, 2, 3], &[1], 2)]).is_empty());
    }

    #[test]
    fn quorum_rules() {
        let q = QuorumState { leader: 1, voters: vec![1, 2, 3], caught_up: vec![1, 2, 3] };
        assert!(quorum_blocker(1, &q).is_none());
        let q3down = QuorumState { leader: 1, voters: vec![1, 2, 3], caught_up: vec![1, 2] };
        assert!(quorum_blocker(3, &q3down).is_none(), "3 is already behind: restarting it costs nothing");
        assert!(quorum_blocker(1, &q3down).unwrap().detail.contains("only 1 of 3"));
        assert!(quorum_blocker(2, &q3down).is_some());
        let no_leader = QuorumState { leader: -1, voters: vec![1, 2, 3], caught_up: vec![] };
        assert!(quorum_blocker(2, &no_leader).unwrap().detail.contains("no leader"));
        assert!(quorum_blocker(9, &q).is_none(), "not a voter");
        let single = QuorumState { leader: 1, voters: vec![1], caught_up: vec![1] };
        assert!(quorum_blocker(1, &single).is_none(), "a single voter may be rolled");
        let two = QuorumState { leader: 1, voters: vec![1, 2], caught_up: vec![1, 2] };
        assert!(quorum_blocker(1, &two).is_none(), "two voters: the other is caught up");
        let two_behind = QuorumState { leader: 1, voters: vec![1, 2], caught_up: vec![1] };
        assert!(quorum_blocker(1, &two_behind).is_some(), "two voters: the other is behind");
        let five = QuorumState { leader: 1, voters: vec![1, 2, 3, 4, 5], caught_up: vec![1, 2, 3, 4] };
        assert!(quorum_blocker(1, &five).is_none(), "3 of the other 4 caught up");
        let five_short = QuorumState { leader: 1, voters: vec![1, 2, 3, 4, 5], caught_up: vec![1, 2, 3] };
        assert!(quorum_blocker(1, &five_short).is_some(), "only 2 others caught up of the 3 needed");
    }

    #[test]
    fn stuck_pods_roll_unchecked_and_starting_brokers_wait() {
        assert_eq!(pod_look(Some("ImagePullBackOff"), false, false), PodLook::Stuck("ImagePullBackOff".into()));
        // Stuck wins even if a stale registration lingers.
        assert_eq!(pod_look(Some("CrashLoopBackOff"), false, true), PodLook::Stuck("CrashLoopBackOff".into()));
        assert_eq!(pod_look(None, true, false), PodLook::Starting);
        assert_eq!(pod_look(None, true, true), PodLook::Check);
        // No process and not stuck (scaled to 0, just scheduled): the ordinary check.
        assert_eq!(pod_look(None, false, false), PodLook::Check);
        assert_eq!(starting_blocker(2).rule, "starting");
    }

    fn c(n: i32, ready: bool, started: Option<i64>) -> Candidate {
        Candidate { name: format!("kafka-{n}"), node_id: n, ready, pod_started: started }
    }

    #[test]
    fn order_unready_first_leader_last() {
        let order =
            restart_order(vec![c(1, true, None), c(2, true, None), c(3, false, None), c(4, true, None)], Some(2));
        assert_eq!(order.iter().map(|c| c.node_id).collect::<Vec<_>>(), [3, 1, 4, 2]);
    }

    #[test]
    fn since_skips_brokers_already_restarted() {
        let (todo, done) =
            skip_restarted(vec![c(1, true, Some(100)), c(2, true, Some(300)), c(3, true, None)], Some(200));
        assert_eq!(todo.iter().map(|c| c.node_id).collect::<Vec<_>>(), [1, 3]);
        assert_eq!(done.iter().map(|c| c.node_id).collect::<Vec<_>>(), [2]);
    }
}
