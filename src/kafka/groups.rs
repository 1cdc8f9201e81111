//! Consumer groups: list and describe (members, assignments, committed offsets, lag), plan
//! and apply offset resets. Committed offsets come from the group coordinator with an
//! OffsetFetch request (librdkafka needs the partitions named in advance).

use std::collections::{BTreeMap, BTreeSet};

use bytes::Buf;
use kafka_protocol::messages::{
    ApiKey, ConsumerProtocolAssignment, FindCoordinatorRequest, FindCoordinatorResponse, GroupId, OffsetFetchRequest,
    OffsetFetchResponse,
};
use kafka_protocol::protocol::{Decodable, StrBytes};
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::{Offset, TopicPartitionList};
use serde::Serialize;

use super::KafkaOptions;
use super::offsets::partition_offsets;
use super::wire::WireClient;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    pub id: String,
    pub client_id: String,
    pub host: String,
    pub assignment: Vec<(String, Vec<i32>)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupInfo {
    pub group: String,
    pub state: String,
    pub protocol_type: String,
    pub members: Vec<Member>,
}

/// One partition of a group: committed offset, end offset, lag, and who owns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupOffset {
    pub topic: String,
    pub partition: i32,
    pub committed: Option<i64>,
    pub end: i64,
    pub lag: Option<i64>,
    pub member: Option<String>,
    pub host: Option<String>,
}

/// Whether a group has members that would fight an offset reset.
pub fn is_active(state: &str) -> bool {
    !matches!(state, "Empty" | "Dead" | "")
}

/// Decodes the consumer protocol's assignment bytes (version, then the body).
pub fn decode_assignment(bytes: &[u8]) -> Vec<(String, Vec<i32>)> {
    if bytes.len() < 2 {
        return Vec::new();
    }
    let mut buf = bytes::Bytes::copy_from_slice(bytes);
    let version = buf.get_i16().clamp(0, 3);
    ConsumerProtocolAssignment::decode(&mut buf, version)
        .map(|a| a.assigned_partitions.into_iter().map(|tp| (tp.topic.to_string(), tp.partitions)).collect())
        .unwrap_or_default()
}

pub async fn list_groups(opts: &KafkaOptions, group: Option<&str>) -> anyhow::Result<Vec<GroupInfo>> {
    let (opts, group) = (opts.clone(), group.map(String::from));
    tokio::task::spawn_blocking(move || {
        let consumer: BaseConsumer = opts.client_config().create()?;
        let list = consumer.fetch_group_list(group.as_deref(), opts.timeout)?;
        let mut groups: Vec<GroupInfo> = list
            .groups()
            .iter()
            .map(|g| GroupInfo {
                group: g.name().to_string(),
                state: g.state().to_string(),
                protocol_type: g.protocol_type().to_string(),
                members: g
                    .members()
                    .iter()
                    .map(|m| Member {
                        id: m.id().to_string(),
                        client_id: m.client_id().to_string(),
                        host: m.client_host().to_string(),
                        assignment: m.assignment().map(decode_assignment).unwrap_or_default(),
                    })
                    .collect(),
            })
            .collect();
        groups.sort_by(|a, b| a.group.cmp(&b.group));
        // librdkafka asks every broker; a group whose coordinator moved between two answers
        // is listed by both. Once each.
        groups.dedup_by(|a, b| a.group == b.group);
        Ok(groups)
    })
    .await?
}

/// The group's committed offsets, from its coordinator.
pub async fn committed_offsets(opts: &KafkaOptions, group: &str) -> anyhow::Result<BTreeMap<(String, i32), i64>> {
    let mut any = WireClient::connect(&opts.bootstrap, opts.timeout).await?;
    let found: FindCoordinatorResponse = any
        .send_version(
            ApiKey::FindCoordinator,
            3,
            &FindCoordinatorRequest::default().with_key(StrBytes::from(group.to_string())),
        )
        .await?;
    if found.error_code != 0 {
        anyhow::bail!("find the coordinator of group {group}: error code {}", found.error_code);
    }
    let mut coordinator = WireClient::connect(&format!("{}:{}", found.host.as_str(), found.port), opts.timeout).await?;
    let req = OffsetFetchRequest::default().with_group_id(GroupId(StrBytes::from(group.to_string()))).with_topics(None);
    let resp: OffsetFetchResponse = coordinator.send_version(ApiKey::OffsetFetch, 7, &req).await?;
    if resp.error_code != 0 {
        anyhow::bail!("fetch the offsets of group {group}: error code {}", resp.error_code);
    }
    Ok(resp
        .topics
        .iter()
        .flat_map(|t| {
            t.partitions
                .iter()
                .filter(|p| p.committed_offset >= 0)
                .map(move |p| ((t.name.to_string(), p.partition_index), p.committed_offset))
        })
        .collect())
}

/// Committed and end offsets per partition, with the owner from the assignment.
pub async fn group_offsets(opts: &KafkaOptions, info: &GroupInfo) -> anyhow::Result<Vec<GroupOffset>> {
    let committed = committed_offsets(opts, &info.group).await?;
    let mut partitions: BTreeMap<String, BTreeSet<i32>> = BTreeMap::new();
    for (t, p) in committed.keys() {
        partitions.entry(t.clone()).or_default().insert(*p);
    }
    let mut owner = BTreeMap::new();
    for m in &info.members {
        for (t, ps) in &m.assignment {
            for p in ps {
                partitions.entry(t.clone()).or_default().insert(*p);
                owner.insert((t.clone(), *p), m);
            }
        }
    }
    let mut rows = Vec::new();
    for (topic, ps) in &partitions {
        let ids: Vec<i32> = ps.iter().copied().collect();
        for o in partition_offsets(opts, topic, &ids).await? {
            let c = committed.get(&(topic.clone(), o.partition)).copied();
            let m = owner.get(&(topic.clone(), o.partition));
            rows.push(GroupOffset {
                topic: topic.clone(),
                partition: o.partition,
                committed: c,
                end: o.high,
                lag: c.map(|c| (o.high - c).max(0)),
                member: m.map(|m| m.id.clone()),
                host: m.map(|m| m.host.clone()),
            });
        }
    }
    Ok(rows)
}

/// Where `reset-offsets` moves each partition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResetTo {
    Earliest,
    Latest,
    Offset(i64),
    /// First offset at or after this time (ms); needs the offsets by time.
    Time(i64),
    ShiftBy(i64),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResetRow {
    pub topic: String,
    pub partition: i32,
    pub current: Option<i64>,
    pub target: i64,
}

/// Plans a reset for one partition, kept within [low, high] as Kafka's own tool does.
pub fn plan_reset(to: ResetTo, current: Option<i64>, low: i64, high: i64, by_time: Option<i64>) -> i64 {
    let target = match to {
        ResetTo::Earliest => low,
        ResetTo::Latest => high,
        ResetTo::Offset(n) => n,
        ResetTo::Time(_) => by_time.filter(|o| *o >= 0).unwrap_or(high),
        ResetTo::ShiftBy(n) => current.unwrap_or(low).saturating_add(n),
    };
    target.clamp(low, high)
}

/// Commits the planned offsets for the group (which must have no active members).
pub async fn apply_reset(opts: &KafkaOptions, group: &str, rows: &[ResetRow]) -> anyhow::Result<()> {
    let (opts, group, rows) = (opts.clone(), group.to_string(), rows.to_vec());
    tokio::task::spawn_blocking(move || {
        let mut cfg = opts.client_config();
        cfg.set("group.id", &group).set("enable.auto.commit", "false");
        let consumer: BaseConsumer = cfg.create()?;
        let mut tpl = TopicPartitionList::new();
        for r in &rows {
            tpl.add_partition_offset(&r.topic, r.partition, Offset::Offset(r.target))?;
        }
        consumer.commit(&tpl, CommitMode::Sync)?;
        Ok(())
    })
    .await?
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_protocol::messages::consumer_protocol_assignment::TopicPartition;
    use kafka_protocol::protocol::Encodable;

    #[test]
    fn resets_stay_within_the_log() {
        assert_eq!(plan_reset(ResetTo::Earliest, Some(50), 10, 100, None), 10);
        assert_eq!(plan_reset(ResetTo::Latest, Some(50), 10, 100, None), 100);
        assert_eq!(plan_reset(ResetTo::Offset(5), Some(50), 10, 100, None), 10);
        assert_eq!(plan_reset(ResetTo::ShiftBy(-20), Some(50), 10, 100, None), 30);
        assert_eq!(plan_reset(ResetTo::ShiftBy(-80), Some(50), 10, 100, None), 10);
        assert_eq!(plan_reset(ResetTo::ShiftBy(5), None, 10, 100, None), 15, "no commit: shift from the log start");
        assert_eq!(plan_reset(ResetTo::Time(0), Some(50), 10, 100, Some(42)), 42);
        assert_eq!(plan_reset(ResetTo::Time(0), Some(50), 10, 100, Some(-1)), 100);
    }

    #[test]
    fn assignments_decode() {
        let a = ConsumerProtocolAssignment::default().with_assigned_partitions(vec![
            TopicPartition::default().with_topic(StrBytes::from("orders").into()).with_partitions(vec![0, 2]),
        ]);
        let mut buf = bytes::BytesMut::new();
        buf.extend_from_slice(&1i16.to_be_bytes());
        a.encode(&mut buf, 1).unwrap();
        assert_eq!(decode_assignment(&buf), vec![("orders".to_string(), vec![0, 2])]);
        assert!(decode_assignment(&[]).is_empty());
    }

    #[test]
    fn active_states() {
        assert!(is_active("Stable"));
        assert!(is_active("PreparingRebalance"));
        assert!(!is_active("Empty"));
        assert!(!is_active("Dead"));
    }
}
