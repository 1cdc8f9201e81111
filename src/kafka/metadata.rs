//! Cluster metadata (brokers, topics, partitions) from a Metadata request, and the summaries
//! commands print.

use rdkafka::consumer::{BaseConsumer, Consumer};
use serde::Serialize;

use super::KafkaOptions;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BrokerMeta {
    pub id: i32,
    pub host: String,
    pub port: i32,
    /// `broker.rack`, where the answer carries it (the wire client's Metadata does;
    /// librdkafka's does not).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rack: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartitionMeta {
    pub id: i32,
    pub leader: i32,
    pub replicas: Vec<i32>,
    pub isr: Vec<i32>,
    /// The partition's error (e.g. LeaderNotAvailable), if any.
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TopicMeta {
    pub name: String,
    pub partitions: Vec<PartitionMeta>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterMeta {
    pub controller_id: Option<i32>,
    pub brokers: Vec<BrokerMeta>,
    pub topics: Vec<TopicMeta>,
}

/// One line of `topics list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TopicSummary {
    pub name: String,
    pub partitions: usize,
    pub replication_factor: usize,
    pub under_replicated: usize,
    pub offline: usize,
    pub internal: bool,
}

/// Internal topics as Kafka names them (`__consumer_offsets`, `__transaction_state`) and the
/// dunder convention for other system topics.
pub fn is_internal(topic: &str) -> bool {
    topic.starts_with("__")
}

pub fn summarise(meta: &ClusterMeta, include_internal: bool) -> Vec<TopicSummary> {
    let mut rows: Vec<TopicSummary> = meta
        .topics
        .iter()
        .filter(|t| include_internal || !is_internal(&t.name))
        .map(|t| TopicSummary {
            name: t.name.clone(),
            partitions: t.partitions.len(),
            replication_factor: t.partitions.iter().map(|p| p.replicas.len()).max().unwrap_or(0),
            under_replicated: t.partitions.iter().filter(|p| p.isr.len() < p.replicas.len()).count(),
            offline: t.partitions.iter().filter(|p| p.leader < 0).count(),
            internal: is_internal(&t.name),
        })
        .collect();
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    rows
}

/// Reads the whole cluster's metadata (blocking librdkafka call, run off the async threads).
pub async fn fetch_metadata(opts: &KafkaOptions) -> anyhow::Result<ClusterMeta> {
    let opts = opts.clone();
    tokio::task::spawn_blocking(move || {
        let consumer: BaseConsumer = opts.client_config().create()?;
        let md = consumer
            .fetch_metadata(None, opts.timeout)
            .map_err(|err| anyhow::anyhow!("read metadata from {} within {:?}: {err}", opts.bootstrap, opts.timeout))?;
        Ok(ClusterMeta {
            controller_id: None,
            brokers: md
                .brokers()
                .iter()
                .map(|b| BrokerMeta { id: b.id(), host: b.host().to_string(), port: b.port(), rack: None })
                .collect(),
            topics: md
                .topics()
                .iter()
                .map(|t| TopicMeta {
                    name: t.name().to_string(),
                    error: t.error().map(|e| format!("{e:?}")),
                    partitions: t
                        .partitions()
                        .iter()
                        .map(|p| PartitionMeta {
                            id: p.id(),
                            leader: p.leader(),
                            replicas: p.replicas().to_vec(),
                            isr: p.isr().to_vec(),
                            error: p.error().map(|e| format!("{e:?}")),
                        })
                        .collect(),
                })
                .collect(),
        })
    })
    .await?
}

/// Metadata that includes `topic` if it exists: a topic created a moment ago may not have
/// reached the broker answering yet, so a miss is retried for up to two seconds.
pub async fn fetch_metadata_for(opts: &KafkaOptions, topic: &str) -> anyhow::Result<ClusterMeta> {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(2);
    loop {
        let meta = fetch_metadata(opts).await?;
        let found = meta.topics.iter().any(|t| t.name == topic && t.error.is_none());
        if found || tokio::time::Instant::now() >= deadline {
            return Ok(meta);
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
}

/// True when one broker's Metadata answer shows `topic` without error, with `partitions`
/// partitions, each with a leader.
pub fn topic_ready_in(resp: &kafka_protocol::messages::MetadataResponse, topic: &str, partitions: usize) -> bool {
    resp.topics.iter().any(|t| {
        t.name.as_ref().is_some_and(|n| n.0.as_str() == topic)
            && t.error_code == 0
            && t.partitions.len() == partitions
            && t.partitions.iter().all(|p| p.error_code == 0 && p.leader_id.0 >= 0)
    })
}

/// The node ids of the brokers (of those in `meta`) that do not yet show `topic` ready, each
/// asked on its own connection: one Metadata answer speaks for one broker only, and a new
/// topic reaches the brokers' metadata caches one after the other. A broker that cannot be
/// asked counts as not ready.
pub async fn brokers_without_topic(
    opts: &KafkaOptions,
    meta: &ClusterMeta,
    topic: &str,
    partitions: usize,
) -> Vec<i32> {
    use kafka_protocol::messages::{ApiKey, MetadataRequest, MetadataResponse, TopicName, metadata_request};
    use kafka_protocol::protocol::StrBytes;
    let asks = meta.brokers.iter().map(|b| async move {
        let address = format!("{}:{}", b.host, b.port);
        let ready = async {
            let mut client = super::wire::WireClient::connect(&address, opts.timeout).await?;
            let request = MetadataRequest::default().with_allow_auto_topic_creation(false).with_topics(Some(vec![
                metadata_request::MetadataRequestTopic::default()
                    .with_name(Some(TopicName(StrBytes::from(topic.to_string())))),
            ]));
            let resp: MetadataResponse = client.send(ApiKey::Metadata, &request).await?;
            anyhow::Ok(topic_ready_in(&resp, topic, partitions))
        }
        .await;
        (b.id, ready.unwrap_or(false))
    });
    let mut missing: Vec<i32> =
        futures::future::join_all(asks).await.into_iter().filter(|(_, ready)| !ready).map(|(id, _)| id).collect();
    missing.sort_unstable();
    missing
}

/// One broker's own Metadata answer, in this module's terms.
pub fn meta_from_response(resp: &kafka_protocol::messages::MetadataResponse) -> ClusterMeta {
    let code = |c: i16| (c != 0).then(|| format!("error code {c}"));
    ClusterMeta {
        controller_id: (resp.controller_id.0 >= 0).then_some(resp.controller_id.0),
        brokers: resp
            .brokers
            .iter()
            .map(|b| BrokerMeta {
                id: b.node_id.0,
                host: b.host.to_string(),
                port: b.port,
                rack: b.rack.as_ref().map(|r| r.to_string()),
            })
            .collect(),
        topics: resp
            .topics
            .iter()
            .map(|t| TopicMeta {
                name: t.name.as_ref().map(|n| n.0.to_string()).unwrap_or_default(),
                error: code(t.error_code),
                partitions: t
                    .partitions
                    .iter()
                    .map(|p| PartitionMeta {
                        id: p.partition_index,
                        leader: p.leader_id.0,
                        replicas: p.replica_nodes.iter().map(|r| r.0).collect(),
                        isr: p.isr_nodes.iter().map(|r| r.0).collect(),
                        error: code(p.error_code),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// One broker's answer to a Metadata request for every topic, over one plain connection to
/// the first bootstrap address that answers (no librdkafka client to start, no connection to
/// every broker): the fastest first answer, for listings that claim nothing beyond what that
/// broker knows.
pub async fn quick_metadata(opts: &KafkaOptions) -> anyhow::Result<ClusterMeta> {
    use kafka_protocol::messages::{ApiKey, MetadataRequest, MetadataResponse};
    let mut client = super::wire::WireClient::connect(&opts.bootstrap, opts.timeout).await?;
    let request = MetadataRequest::default().with_allow_auto_topic_creation(false).with_topics(None);
    let resp: MetadataResponse = client.send(ApiKey::Metadata, &request).await?;
    Ok(meta_from_response(&resp))
}

/// The cluster id, as a broker reports it in its Metadata answer.
pub async fn cluster_id(opts: &KafkaOptions) -> anyhow::Result<String> {
    use kafka_protocol::messages::{ApiKey, MetadataRequest, MetadataResponse};
    let mut client = super::wire::WireClient::connect(&opts.bootstrap, opts.timeout).await?;
    let request = MetadataRequest::default().with_allow_auto_topic_creation(false).with_topics(Some(vec![]));
    let resp: MetadataResponse = client.send(ApiKey::Metadata, &request).await?;
    resp.cluster_id.map(|c| c.to_string()).ok_or_else(|| anyhow::anyhow!("the broker reported no cluster id"))
}

/// Every broker's own answer to a Metadata request for all topics, each asked on its own
/// connection (in parallel): one answer speaks for one broker's metadata cache only, and a
/// cache can lag the controller by seconds after a restart.
pub async fn metadata_of_each(opts: &KafkaOptions, brokers: &[BrokerMeta]) -> Vec<(i32, anyhow::Result<ClusterMeta>)> {
    use kafka_protocol::messages::{ApiKey, MetadataRequest, MetadataResponse};
    let asks = brokers.iter().map(|b| async move {
        let address = format!("{}:{}", b.host, b.port);
        let view = async {
            let mut client = super::wire::WireClient::connect(&address, opts.timeout).await?;
            let request = MetadataRequest::default().with_allow_auto_topic_creation(false).with_topics(None);
            let resp: MetadataResponse = client.send(ApiKey::Metadata, &request).await?;
            anyhow::Ok(meta_from_response(&resp))
        }
        .await
        .map_err(|err| err.context(format!("ask broker {} for metadata", b.id)));
        (b.id, view)
    });
    futures::future::join_all(asks).await
}

/// What all the given answers agree on: the brokers every answer lists; per partition, the
/// ISR members every answer that knows the partition lists (one answer without a member is
/// enough to leave it out), and the leader when they all name the same one (else -1). A claim
/// made from this view holds whichever broker a client asks next.
pub fn agreed_view(views: &[ClusterMeta]) -> ClusterMeta {
    let Some(first) = views.first() else {
        return ClusterMeta { controller_id: None, brokers: vec![], topics: vec![] };
    };
    let brokers = first
        .brokers
        .iter()
        .filter(|b| views.iter().all(|v| v.brokers.iter().any(|o| o.id == b.id)))
        .cloned()
        .collect();
    let mut topics: Vec<TopicMeta> = Vec::new();
    for view in views {
        for t in view.topics.iter().filter(|t| t.error.is_none()) {
            match topics.iter_mut().find(|o| o.name == t.name) {
                None => topics.push(t.clone()),
                Some(seen) => {
                    for p in &t.partitions {
                        match seen.partitions.iter_mut().find(|o| o.id == p.id) {
                            None => seen.partitions.push(p.clone()),
                            Some(q) => {
                                q.isr.retain(|r| p.isr.contains(r));
                                if q.leader != p.leader {
                                    q.leader = -1;
                                }
                                if q.error.is_none() {
                                    q.error.clone_from(&p.error);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    topics.sort_by(|a, b| a.name.cmp(&b.name));
    ClusterMeta { controller_id: first.controller_id, brokers, topics }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_is_ready_only_with_every_partition_led() {
        use kafka_protocol::messages::{BrokerId, MetadataResponse, TopicName, metadata_response};
        use kafka_protocol::protocol::StrBytes;
        let part = |id: i32, leader: i32| {
            metadata_response::MetadataResponsePartition::default()
                .with_partition_index(id)
                .with_leader_id(BrokerId(leader))
        };
        let topic = |error: i16, parts: Vec<metadata_response::MetadataResponsePartition>| {
            MetadataResponse::default().with_topics(vec![
                metadata_response::MetadataResponseTopic::default()
                    .with_name(Some(TopicName(StrBytes::from_static_str("orders"))))
                    .with_error_code(error)
                    .with_partitions(parts),
            ])
        };
        assert!(topic_ready_in(&topic(0, vec![part(0, 1), part(1, 2)]), "orders", 2));
        assert!(!topic_ready_in(&topic(0, vec![part(0, 1), part(1, -1)]), "orders", 2), "a partition without leader");
        assert!(!topic_ready_in(&topic(0, vec![part(0, 1)]), "orders", 2), "partitions not all known yet");
        assert!(!topic_ready_in(&topic(3, vec![]), "orders", 2), "UNKNOWN_TOPIC_OR_PARTITION");
        assert!(!topic_ready_in(&topic(0, vec![part(0, 1), part(1, 2)]), "other", 2), "another topic");
    }

    fn partition(id: i32, leader: i32, replicas: &[i32], isr: &[i32]) -> PartitionMeta {
        PartitionMeta { id, leader, replicas: replicas.to_vec(), isr: isr.to_vec(), error: None }
    }

    fn view(brokers: &[i32], parts: Vec<PartitionMeta>) -> ClusterMeta {
        ClusterMeta {
            controller_id: Some(1),
            brokers: brokers
                .iter()
                .map(|&id| BrokerMeta { id, host: format!("kafka-{id}"), port: 9092, rack: None })
                .collect(),
            topics: vec![TopicMeta { name: "orders".into(), error: None, partitions: parts }],
        }
    }

    #[test]
    fn the_agreed_view_trusts_no_single_lagging_answer() {
        // Broker 3's cache still shows broker 2 in the ISR of partition 0 (its old process);
        // the leader (1) has already dropped it. The agreed view does not count broker 2.
        let leader =
            view(&[1, 2, 3], vec![partition(0, 1, &[1, 2, 3], &[1, 3]), partition(1, 2, &[2, 3, 1], &[2, 3, 1])]);
        let lagging =
            view(&[1, 2, 3], vec![partition(0, 1, &[1, 2, 3], &[1, 2, 3]), partition(1, 2, &[2, 3, 1], &[2, 3, 1])]);
        let agreed = agreed_view(&[lagging.clone(), leader]);
        let p0 = &agreed.topics[0].partitions[0];
        assert_eq!(p0.isr, [1, 3]);
        assert_eq!(agreed.topics[0].partitions[1].isr, [2, 3, 1]);
        // A broker one answer does not list is not registered in the agreed view.
        let without_2 = view(&[1, 3], vec![partition(0, 1, &[1, 2, 3], &[1, 3])]);
        assert_eq!(agreed_view(&[lagging.clone(), without_2]).brokers.iter().map(|b| b.id).collect::<Vec<_>>(), [1, 3]);
        // Leaders that disagree mean no agreed leader.
        let moved = view(&[1, 2, 3], vec![partition(0, 3, &[1, 2, 3], &[1, 2, 3])]);
        assert_eq!(agreed_view(&[lagging.clone(), moved]).topics[0].partitions[0].leader, -1);
        assert_eq!(agreed_view(std::slice::from_ref(&lagging)), lagging, "one answer agrees with itself");
    }

    #[test]
    fn a_protocol_answer_becomes_cluster_metadata() {
        use kafka_protocol::messages::{BrokerId, MetadataResponse, TopicName, metadata_response};
        use kafka_protocol::protocol::StrBytes;
        let resp = MetadataResponse::default()
            .with_controller_id(BrokerId(2))
            .with_brokers(vec![
                metadata_response::MetadataResponseBroker::default()
                    .with_node_id(BrokerId(1))
                    .with_host(StrBytes::from_static_str("kafka-1"))
                    .with_port(9092),
            ])
            .with_topics(vec![
                metadata_response::MetadataResponseTopic::default()
                    .with_name(Some(TopicName(StrBytes::from_static_str("orders"))))
                    .with_partitions(vec![
                        metadata_response::MetadataResponsePartition::default()
                            .with_partition_index(0)
                            .with_leader_id(BrokerId(1))
                            .with_replica_nodes(vec![BrokerId(1), BrokerId(2)])
                            .with_isr_nodes(vec![BrokerId(1)])
                            .with_error_code(9),
                    ]),
            ]);
        let meta = meta_from_response(&resp);
        assert_eq!(meta.controller_id, Some(2));
        assert_eq!(meta.brokers, [BrokerMeta { id: 1, host: "kafka-1".into(), port: 9092, rack: None }]);
        assert_eq!(
            meta.topics[0].partitions[0],
            PartitionMeta { id: 0, leader: 1, replicas: vec![1, 2], isr: vec![1], error: Some("error code 9".into()) }
        );
    }

    #[test]
    fn summaries_count_under_replicated_and_offline() {
        let meta = ClusterMeta {
            controller_id: Some(1),
            brokers: vec![],
            topics: vec![
                TopicMeta {
                    name: "orders".into(),
                    error: None,
                    partitions: vec![
                        partition(0, 1, &[1, 2, 3], &[1, 2, 3]),
                        partition(1, 2, &[2, 3, 1], &[2, 1]),
                        partition(2, -1, &[3, 1, 2], &[]),
                    ],
                },
                TopicMeta {
                    name: "__consumer_offsets".into(),
                    error: None,
                    partitions: vec![partition(0, 1, &[1], &[1])],
                },
                TopicMeta { name: "audit".into(), error: None, partitions: vec![partition(0, 3, &[3], &[3])] },
            ],
        };
        let rows = summarise(&meta, false);
        assert_eq!(rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["audit", "orders"]);
        let orders = &rows[1];
        assert_eq!((orders.partitions, orders.replication_factor), (3, 3));
        assert_eq!((orders.under_replicated, orders.offline), (2, 1));
        let all = summarise(&meta, true);
        assert!(all.iter().any(|r| r.name == "__consumer_offsets" && r.internal));
    }
}
