//! Partition reassignments in progress (ListPartitionReassignments, which librdkafka does not
//! offer): which replicas each moving partition is adding and removing.

use std::collections::BTreeMap;

use kafka_protocol::ResponseError;
use kafka_protocol::messages::{ApiKey, ListPartitionReassignmentsRequest, ListPartitionReassignmentsResponse};
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

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_protocol::messages::BrokerId;
    use kafka_protocol::messages::list_partition_reassignments_response::{
        OngoingPartitionReassignment, OngoingTopicReassignment,
    };
    use kafka_protocol::protocol::StrBytes;

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
