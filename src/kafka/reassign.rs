//! Partition reassignments in progress (ListPartitionReassignments, which librdkafka does not
//! offer): which replicas each moving partition is adding and removing.

use std::collections::BTreeMap;

use kafka_protocol::ResponseError;
use kafka_protocol::messages::alter_partition_reassignments_request::{ReassignablePartition, ReassignableTopic};
use kafka_protocol::messages::{
    AlterPartitionReassignmentsRequest, AlterPartitionReassignmentsResponse, ApiKey, BrokerId,
    ListPartitionReassignmentsRequest, ListPartitionReassignmentsResponse,
};
use kafka_protocol::protocol::StrBytes;
use serde::Serialize;

use super::KafkaOptions;
use super::wire::WireClient;

/// One partition being moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Moving {
    /// The replica set while moving: the target plus the replicas still being removed.
    pub replicas: Vec<i32>,
    pub adding: Vec<i32>,
    pub removing: Vec<i32>,
}

impl Moving {
    /// The replication factor Kafka's own tools count for a moving partition: its replicas
    /// without the ones being added (TopicCommand's rule), so that a replica still copying
    /// data does not make the partition under-replicated.
    pub fn replication_factor(&self) -> usize {
        self.replicas.len().saturating_sub(self.adding.len())
    }
}

/// Moving partitions by (topic, partition).
pub type Reassignments = BTreeMap<(String, i32), Moving>;

pub fn reassignments_from(resp: &ListPartitionReassignmentsResponse) -> anyhow::Result<Reassignments> {
    if resp.error_code != 0 {
        let name = ResponseError::try_from_code(resp.error_code)
            .map_or_else(|| format!("error code {}", resp.error_code), |e| format!("{e:?}"));
        let message = resp.error_message.as_ref().map(|m| format!(": {}", m.as_str())).unwrap_or_default();
        anyhow::bail!("ListPartitionReassignments: {name}{message}");
    }
    let ids = |v: &[kafka_protocol::messages::BrokerId]| v.iter().map(|b| b.0).collect::<Vec<i32>>();
    Ok(resp
        .topics
        .iter()
        .flat_map(|t| {
            t.partitions.iter().map(move |p| {
                (
                    (t.name.as_str().to_string(), p.partition_index),
                    Moving {
                        replicas: ids(&p.replicas),
                        adding: ids(&p.adding_replicas),
                        removing: ids(&p.removing_replicas),
                    },
                )
            })
        })
        .collect())
}

/// Every reassignment in progress, as the controller knows it (any broker forwards the
/// request to it).
pub async fn list_reassignments(opts: &KafkaOptions) -> anyhow::Result<Reassignments> {
    let mut client = WireClient::connect(&opts.bootstrap, opts.timeout).await?;
    let req = ListPartitionReassignmentsRequest::default()
        .with_timeout_ms(opts.timeout.as_millis().min(i32::MAX as u128) as i32)
        .with_topics(None);
    let resp: ListPartitionReassignmentsResponse = client.send(ApiKey::ListPartitionReassignments, &req).await?;
    reassignments_from(&resp)
}

/// Asks the controller to move partitions (`Some(replicas)`) or to cancel their move
/// (`None`). Errors per partition are collected: all of them, or Ok.
pub async fn alter_reassignments(
    opts: &KafkaOptions,
    changes: &[(String, i32, Option<Vec<i32>>)],
) -> anyhow::Result<()> {
    let mut by_topic: BTreeMap<&str, Vec<ReassignablePartition>> = BTreeMap::new();
    for (topic, partition, replicas) in changes {
        by_topic.entry(topic.as_str()).or_default().push(
            ReassignablePartition::default()
                .with_partition_index(*partition)
                .with_replicas(replicas.as_ref().map(|r| r.iter().map(|b| BrokerId(*b)).collect())),
        );
    }
    let req = AlterPartitionReassignmentsRequest::default()
        .with_timeout_ms(opts.timeout.as_millis().min(i32::MAX as u128) as i32)
        .with_topics(
            by_topic
                .into_iter()
                .map(|(t, parts)| {
                    ReassignableTopic::default().with_name(StrBytes::from(t.to_string()).into()).with_partitions(parts)
                })
                .collect(),
        );
    let mut client = WireClient::connect(&opts.bootstrap, opts.timeout).await?;
    let resp: AlterPartitionReassignmentsResponse = client.send(ApiKey::AlterPartitionReassignments, &req).await?;
    let name = |code: i16| {
        ResponseError::try_from_code(code).map_or_else(|| format!("error code {code}"), |e| format!("{e:?}"))
    };
    if resp.error_code != 0 {
        let msg = resp.error_message.as_ref().map(|m| format!(": {}", m.as_str())).unwrap_or_default();
        anyhow::bail!("AlterPartitionReassignments: {}{msg}", name(resp.error_code));
    }
    let failed: Vec<String> = resp
        .responses
        .iter()
        .flat_map(|t| {
            t.partitions.iter().filter(|p| p.error_code != 0).map(move |p| {
                let msg = p.error_message.as_ref().map(|m| format!(" ({})", m.as_str())).unwrap_or_default();
                format!("{}/{}: {}{msg}", t.name.as_str(), p.partition_index, name(p.error_code))
            })
        })
        .collect();
    if !failed.is_empty() {
        anyhow::bail!("{}", failed.join("; "));
    }
    Ok(())
}

/// Elects each partition's preferred (first) replica as leader, where it is in sync.
/// `ElectionNotNeeded` (already the leader) is not an error; other per-partition errors are
/// returned as (partition, why) for the caller to report.
pub async fn elect_preferred(
    opts: &KafkaOptions,
    partitions: &[(String, i32)],
) -> anyhow::Result<Vec<(String, String)>> {
    use kafka_protocol::messages::elect_leaders_request::TopicPartitions;
    use kafka_protocol::messages::{ElectLeadersRequest, ElectLeadersResponse};
    let mut by_topic: BTreeMap<&str, Vec<i32>> = BTreeMap::new();
    for (t, p) in partitions {
        by_topic.entry(t.as_str()).or_default().push(*p);
    }
    let req = ElectLeadersRequest::default()
        .with_election_type(0)
        .with_timeout_ms(opts.timeout.as_millis().min(i32::MAX as u128) as i32)
        .with_topic_partitions(Some(
            by_topic
                .into_iter()
                .map(|(t, ps)| {
                    TopicPartitions::default().with_topic(StrBytes::from(t.to_string()).into()).with_partitions(ps)
                })
                .collect(),
        ));
    let mut client = WireClient::connect(&opts.bootstrap, opts.timeout).await?;
    let resp: ElectLeadersResponse = client.send(ApiKey::ElectLeaders, &req).await?;
    let not_needed = ResponseError::ElectionNotNeeded.code();
    Ok(resp
        .replica_election_results
        .iter()
        .flat_map(|t| {
            t.partition_result.iter().filter(|p| p.error_code != 0 && p.error_code != not_needed).map(move |p| {
                let why = ResponseError::try_from_code(p.error_code)
                    .map_or_else(|| format!("error code {}", p.error_code), |e| format!("{e:?}"));
                (format!("{}/{}", t.topic.as_str(), p.partition_id), why)
            })
        })
        .collect())
}

/// Removes a stopped broker's registration from the cluster (KIP-631's UnregisterBroker, what
/// `kafka-cluster.sh unregister` sends).
pub async fn unregister_broker(opts: &KafkaOptions, id: i32) -> anyhow::Result<()> {
    use kafka_protocol::messages::{UnregisterBrokerRequest, UnregisterBrokerResponse};
    let mut client = WireClient::connect(&opts.bootstrap, opts.timeout).await?;
    let resp: UnregisterBrokerResponse =
        client.send(ApiKey::UnregisterBroker, &UnregisterBrokerRequest::default().with_broker_id(BrokerId(id))).await?;
    if resp.error_code != 0 {
        let name = ResponseError::try_from_code(resp.error_code)
            .map_or_else(|| format!("error code {}", resp.error_code), |e| format!("{e:?}"));
        let msg = resp.error_message.as_ref().map(|m| format!(": {}", m.as_str())).unwrap_or_default();
        anyhow::bail!("UnregisterBroker {id}: {name}{msg}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_protocol::messages::list_partition_reassignments_response::{
        OngoingPartitionReassignment, OngoingTopicReassignment,
    };

    #[test]
    fn reads_adding_and_removing_replicas() {
        let resp = ListPartitionReassignmentsResponse::default().with_topics(vec![
            OngoingTopicReassignment::default().with_name(StrBytes::from("orders").into()).with_partitions(vec![
                OngoingPartitionReassignment::default()
                    .with_partition_index(2)
                    .with_replicas(vec![BrokerId(1), BrokerId(2), BrokerId(4)])
                    .with_adding_replicas(vec![BrokerId(4)])
                    .with_removing_replicas(vec![BrokerId(2)]),
            ]),
        ]);
        let r = reassignments_from(&resp).unwrap();
        let m = &r[&("orders".to_string(), 2)];
        assert_eq!((m.adding.clone(), m.removing.clone()), (vec![4], vec![2]));
        assert_eq!(m.replication_factor(), 2);
    }

    #[test]
    fn errors_are_named() {
        let resp = ListPartitionReassignmentsResponse::default()
            .with_error_code(31)
            .with_error_message(Some(StrBytes::from("denied")));
        let err = reassignments_from(&resp).unwrap_err().to_string();
        assert!(err.contains("ClusterAuthorizationFailed") && err.contains("denied"), "{err}");
    }
}
