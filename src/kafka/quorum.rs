//! The KRaft metadata quorum (DescribeQuorum on `__cluster_metadata`): leader, epoch, high
//! watermark, and each voter's and observer's progress. librdkafka has no such request.

use kafka_protocol::ResponseError;
use kafka_protocol::messages::describe_quorum_request::{PartitionData, TopicData};
use kafka_protocol::messages::describe_quorum_response::ReplicaState;
use kafka_protocol::messages::{ApiKey, DescribeQuorumRequest, DescribeQuorumResponse};
use kafka_protocol::protocol::StrBytes;
use serde::Serialize;

use super::KafkaOptions;
use super::wire::WireClient;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Replica {
    pub node_id: i32,
    pub log_end_offset: i64,
    /// How far behind the leader's log end offset.
    pub lag: i64,
    /// Milliseconds since the epoch; None when the leader has not heard from it.
    pub last_fetch: Option<i64>,
    pub last_caught_up: Option<i64>,
    pub voter: bool,
    pub leader: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Quorum {
    pub leader_id: i32,
    pub leader_epoch: i32,
    pub high_watermark: i64,
    pub voters: Vec<Replica>,
    pub observers: Vec<Replica>,
}

impl Quorum {
    /// Voters caught up with the leader: the leader itself, and those whose last caught-up
    /// time is within `window_ms` of the leader's (Strimzi's KafkaQuorumCheck rule;
    /// controller.quorum.fetch.timeout.ms defaults to 2000).
    pub fn caught_up_voters(&self, window_ms: i64) -> Vec<i32> {
        let leader_time = self.voters.iter().find(|v| v.leader).and_then(|v| v.last_caught_up);
        self.voters
            .iter()
            .filter(|v| v.leader || matches!((leader_time, v.last_caught_up), (Some(l), Some(c)) if l - c <= window_ms))
            .map(|v| v.node_id)
            .collect()
    }
}

fn replicas(states: &[ReplicaState], leader: i32, voter: bool) -> Vec<Replica> {
    let leader_end = states.iter().find(|s| s.replica_id.0 == leader).map(|s| s.log_end_offset);
    let ts = |t: i64| (t >= 0).then_some(t);
    let mut out: Vec<Replica> = states
        .iter()
        .map(|s| Replica {
            node_id: s.replica_id.0,
            log_end_offset: s.log_end_offset,
            lag: leader_end.map_or(0, |e| (e - s.log_end_offset).max(0)),
            last_fetch: ts(s.last_fetch_timestamp),
            last_caught_up: ts(s.last_caught_up_timestamp),
            voter,
            leader: s.replica_id.0 == leader,
        })
        .collect();
    out.sort_by_key(|r| r.node_id);
    out
}

/// Reads the quorum from the response, with lags against the leader's log end offset.
pub fn quorum_from(resp: &DescribeQuorumResponse) -> anyhow::Result<Quorum> {
    if resp.error_code != 0 {
        anyhow::bail!("DescribeQuorum: {}", error_name(resp.error_code));
    }
    let p = resp
        .topics
        .first()
        .and_then(|t| t.partitions.first())
        .ok_or_else(|| anyhow::anyhow!("DescribeQuorum: no partition in the answer"))?;
    if p.error_code != 0 {
        anyhow::bail!("DescribeQuorum: {}", error_name(p.error_code));
    }
    let leader = p.leader_id.0;
    let mut voters = replicas(&p.current_voters, leader, true);
    let leader_end = voters.iter().find(|v| v.leader).map(|v| v.log_end_offset);
    let mut observers = replicas(&p.observers, leader, false);
    if let Some(end) = leader_end {
        for r in voters.iter_mut().chain(observers.iter_mut()) {
            r.lag = (end - r.log_end_offset).max(0);
        }
    }
    Ok(Quorum { leader_id: leader, leader_epoch: p.leader_epoch, high_watermark: p.high_watermark, voters, observers })
}

fn error_name(code: i16) -> String {
    ResponseError::try_from_code(code).map_or_else(|| format!("error code {code}"), |e| format!("{e:?}"))
}

/// The quorum's fetch timeout: how recently a voter must have fetched to count as caught up.
pub const QUORUM_FETCH_TIMEOUT: &str = "controller.quorum.fetch.timeout.ms";

/// controller.quorum.fetch.timeout.ms, read from the quorum leader, else from `fallback` (it
/// is one value for the cluster).
pub async fn quorum_fetch_timeout(opts: &KafkaOptions, leader: i32, fallback: Option<i32>) -> anyhow::Result<i64> {
    let read = super::admin::broker_int_config(opts, leader, QUORUM_FETCH_TIMEOUT).await;
    match (read, fallback) {
        (Err(_), Some(other)) if other != leader => {
            super::admin::broker_int_config(opts, other, QUORUM_FETCH_TIMEOUT).await
        }
        (read, _) => read,
    }
}

pub async fn describe_quorum(opts: &KafkaOptions) -> anyhow::Result<Quorum> {
    let mut client = WireClient::connect(&opts.bootstrap, opts.timeout).await?;
    let req = DescribeQuorumRequest::default().with_topics(vec![
        TopicData::default()
            .with_topic_name(StrBytes::from("__cluster_metadata").into())
            .with_partitions(vec![PartitionData::default().with_partition_index(0)]),
    ]);
    let resp: DescribeQuorumResponse = client.send(ApiKey::DescribeQuorum, &req).await?;
    quorum_from(&resp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_protocol::messages::BrokerId;
    use kafka_protocol::messages::describe_quorum_response::{PartitionData as RespPartition, TopicData as RespTopic};

    fn state(id: i32, end: i64, caught_up: i64) -> ReplicaState {
        ReplicaState::default()
            .with_replica_id(BrokerId(id))
            .with_log_end_offset(end)
            .with_last_fetch_timestamp(caught_up)
            .with_last_caught_up_timestamp(caught_up)
    }

    #[test]
    fn lags_and_caught_up_voters() {
        let resp = DescribeQuorumResponse::default().with_topics(vec![RespTopic::default().with_partitions(vec![
            RespPartition::default()
                .with_leader_id(BrokerId(1))
                .with_leader_epoch(7)
                .with_high_watermark(500)
                .with_current_voters(vec![state(1, 500, 10_000), state(2, 499, 9_500), state(3, 120, 1_000)]),
        ])]);
        let q = quorum_from(&resp).unwrap();
        assert_eq!((q.leader_id, q.leader_epoch, q.high_watermark), (1, 7, 500));
        assert_eq!(q.voters.iter().map(|v| v.lag).collect::<Vec<_>>(), [0, 1, 380]);
        assert_eq!(q.caught_up_voters(2000), [1, 2]);
        assert!(q.voters[0].leader);
    }

    #[test]
    fn errors_are_named() {
        let resp = DescribeQuorumResponse::default().with_error_code(41);
        assert!(quorum_from(&resp).unwrap_err().to_string().contains("NotController"));
    }
}
