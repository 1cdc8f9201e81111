//! A Kafka cluster for command tests: three brokers, each on its own local port, speaking the
//! wire protocol (kafka-protocol's codecs) well enough for librdkafka and our own requests.
//! It keeps its state (topics with records, consumer groups, configs) so that a changing
//! command's effect can be read back, and logs every change it made.
//!
//! What it starts with:
//! - topic `orders`: two partitions, partition 1 missing broker 3 from its ISR; partition 0
//!   holds offsets 0..10, partition 1 offsets 3..12; `min.insync.replicas=2` set on it;
//! - group `live`: Stable, two members, one partition each, committed 5 and 10 (lag 7);
//! - group `grp1`: Empty, committed 10 on partition 0 (lag 0);
//! - the KRaft quorum: leader 1, voters 1..3, voter 3 16 records behind and not caught up
//!   for a minute;
//! - metadata.version 19 (3.7-IV4) finalized.
//!
//! It advertises the request versions it serves (below Kafka 3.7's where a newer version
//! would need topic ids or batched groups), answers at once (no fetch waits beyond 100 ms),
//! has no leader checks and completes reassignments as soon as they are asked for.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use bytes::{Buf, Bytes, BytesMut};
use kafka_protocol::messages::api_versions_response::{ApiVersion, FinalizedFeatureKey, SupportedFeatureKey};
use kafka_protocol::messages::describe_quorum_response::{PartitionData, ReplicaState, TopicData};
use kafka_protocol::messages::metadata_response::{
    MetadataResponseBroker, MetadataResponsePartition, MetadataResponseTopic,
};
use kafka_protocol::messages::*;
use kafka_protocol::protocol::{Decodable, Encodable, StrBytes};
use kafka_protocol::records::{
    Compression, Record, RecordBatchDecoder, RecordBatchEncoder, RecordEncodeOptions, TimestampType,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use uuid::Uuid;

const UNKNOWN_TOPIC_OR_PARTITION: i16 = 3;
const OFFSET_OUT_OF_RANGE: i16 = 1;
const UNKNOWN_MEMBER_ID: i16 = 25;
const TOPIC_ALREADY_EXISTS: i16 = 36;
const INVALID_PARTITIONS: i16 = 37;
const INVALID_REPLICATION_FACTOR: i16 = 38;
const INVALID_CONFIG: i16 = 40;
const NON_EMPTY_GROUP: i16 = 68;
const GROUP_ID_NOT_FOUND: i16 = 69;
const ELECTION_NOT_NEEDED: i16 = 84;

/// The first record's timestamp (ms) in the starting topic; each next record is 1 s later.
pub const FIRST_TIMESTAMP: i64 = 1_795_600_000_000;

#[derive(Debug, Clone)]
pub struct Partition {
    pub leader: i32,
    pub replicas: Vec<i32>,
    pub isr: Vec<i32>,
    pub log_start: i64,
    pub records: Vec<Record>,
}

impl Partition {
    pub fn end(&self) -> i64 {
        self.log_start + self.records.len() as i64
    }
}

#[derive(Debug, Clone)]
pub struct Topic {
    pub id: Uuid,
    pub partitions: Vec<Partition>,
    /// Configs set on the topic (its dynamic configs).
    pub configs: BTreeMap<String, String>,
}

#[derive(Debug, Clone)]
pub struct Member {
    pub id: String,
    pub client_id: String,
    pub host: String,
    pub assignment: Vec<(String, Vec<i32>)>,
}

#[derive(Debug, Clone)]
pub struct Group {
    pub state: String,
    pub protocol_type: String,
    pub members: Vec<Member>,
    pub committed: BTreeMap<(String, i32), i64>,
}

#[derive(Debug)]
pub struct State {
    pub topics: BTreeMap<String, Topic>,
    pub groups: BTreeMap<String, Group>,
    /// Each broker's id and port.
    pub ports: Vec<(i32, u16)>,
    /// What changed the cluster, in order (`"CreateTopics payments"`); requests that only
    /// validate are logged with `(validate only)`.
    pub changes: Vec<String>,
}

impl State {
    /// Partition `index` of `topic`, if both exist.
    pub fn partition(&self, topic: &str, index: i32) -> Option<&Partition> {
        self.topics.get(topic)?.partitions.get(usize::try_from(index).ok()?)
    }

    pub fn partition_mut(&mut self, topic: &str, index: i32) -> Option<&mut Partition> {
        self.topics.get_mut(topic)?.partitions.get_mut(usize::try_from(index).ok()?)
    }
}

/// A running fake cluster: where clients bootstrap, and its state.
pub struct FakeKafka {
    pub bootstrap: String,
    state: Arc<Mutex<State>>,
}

impl FakeKafka {
    pub fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap()
    }
}

fn record(offset: i64, key: &str, value: &str) -> Record {
    Record {
        transactional: false,
        control: false,
        delete_horizon: false,
        partition_leader_epoch: 0,
        producer_id: -1,
        producer_epoch: -1,
        timestamp_type: TimestampType::Creation,
        offset,
        sequence: -1,
        timestamp: FIRST_TIMESTAMP + offset * 1000,
        key: Some(Bytes::from(key.to_string())),
        value: Some(Bytes::from(value.to_string())),
        headers: Default::default(),
    }
}

fn starting_state() -> State {
    let partition = |leader: i32, replicas: &[i32], isr: &[i32], range: std::ops::Range<i64>| Partition {
        leader,
        replicas: replicas.to_vec(),
        isr: isr.to_vec(),
        log_start: range.start,
        records: range.map(|o| record(o, &format!("k{o}"), &format!("order-{o}"))).collect(),
    };
    let orders = Topic {
        id: Uuid::from_u128(0x000b_de15),
        partitions: vec![partition(1, &[1, 2, 3], &[1, 2, 3], 0..10), partition(2, &[2, 3, 1], &[2, 1], 3..12)],
        configs: BTreeMap::from([("min.insync.replicas".to_string(), "2".to_string())]),
    };
    let member = |id: &str, client: &str, host: &str, partition: i32| Member {
        id: id.into(),
        client_id: client.into(),
        host: host.into(),
        assignment: vec![("orders".into(), vec![partition])],
    };
    let live = Group {
        state: "Stable".into(),
        protocol_type: "consumer".into(),
        members: vec![
            member("rdkafka-1a2b", "billing-1", "/10.231.0.1", 0),
            member("rdkafka-3c4d", "billing-2", "/10.231.0.2", 1),
        ],
        committed: BTreeMap::from([(("orders".into(), 0), 5), (("orders".into(), 1), 10)]),
    };
    let grp1 = Group {
        state: "Empty".into(),
        protocol_type: "consumer".into(),
        members: Vec::new(),
        committed: BTreeMap::from([(("orders".into(), 0), 10)]),
    };
    State {
        topics: BTreeMap::from([("orders".to_string(), orders)]),
        groups: BTreeMap::from([("live".to_string(), live), ("grp1".to_string(), grp1)]),
        ports: Vec::new(),
        changes: Vec::new(),
    }
}

/// Starts the three brokers; clients bootstrap from broker 1.
pub async fn start() -> FakeKafka {
    let state = Arc::new(Mutex::new(starting_state()));
    let mut listeners = Vec::new();
    for id in 1..=3 {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("address").port();
        state.lock().unwrap().ports.push((id, port));
        listeners.push((id, listener));
    }
    let bootstrap = format!("127.0.0.1:{}", state.lock().unwrap().ports[0].1);
    for (id, listener) in listeners {
        let state = state.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve(stream, id, state.clone()));
            }
        });
    }
    FakeKafka { bootstrap, state }
}

async fn serve(mut stream: TcpStream, node: i32, state: Arc<Mutex<State>>) {
    loop {
        let Ok(size) = stream.read_i32().await else { return };
        let mut body = vec![0u8; size.max(0) as usize];
        if stream.read_exact(&mut body).await.is_err() {
            return;
        }
        let mut bytes = Bytes::from(body);
        let (key, version) = {
            let mut b = bytes.clone();
            (b.get_i16(), b.get_i16())
        };
        let Ok(api) = ApiKey::try_from(key) else { return };
        let Ok(header) = RequestHeader::decode(&mut bytes, api.request_header_version(version)) else { return };
        let mut out = BytesMut::new();
        out.extend_from_slice(&[0; 4]);
        if ResponseHeader::default()
            .with_correlation_id(header.correlation_id)
            .encode(&mut out, api.response_header_version(version))
            .is_err()
        {
            return;
        }
        match answer(api, version, &mut bytes, node, &state, &mut out).await {
            Ok(true) => {}
            // acks=0: the producer expects no answer.
            Ok(false) => continue,
            // A request it cannot answer closes the connection, as a broker would.
            Err(_) => return,
        }
        let len = (out.len() - 4) as i32;
        out[..4].copy_from_slice(&len.to_be_bytes());
        if stream.write_all(&out).await.is_err() {
            return;
        }
    }
}

fn name(s: &str) -> TopicName {
    TopicName(StrBytes::from(s.to_string()))
}

fn text(s: &str) -> StrBytes {
    StrBytes::from(s.to_string())
}

/// Answers one request into `out`; false when no answer is due.
async fn answer(
    api: ApiKey,
    version: i16,
    body: &mut Bytes,
    node: i32,
    state: &Mutex<State>,
    out: &mut BytesMut,
) -> anyhow::Result<bool> {
    if api == ApiKey::Fetch {
        let request = FetchRequest::decode(body, version)?;
        let waiting = {
            let s = state.lock().unwrap();
            !request.topics.iter().any(|t| {
                t.partitions
                    .iter()
                    .any(|p| s.partition(t.topic.as_str(), p.partition).is_some_and(|part| p.fetch_offset < part.end()))
            })
        };
        if waiting {
            tokio::time::sleep(Duration::from_millis(request.max_wait_ms.clamp(0, 100) as u64)).await;
        }
        fetch(&request, &state.lock().unwrap()).encode(out, version)?;
        return Ok(true);
    }
    let mut s = state.lock().unwrap();
    match api {
        ApiKey::ApiVersions => api_versions().encode(out, version)?,
        ApiKey::Metadata => metadata(&MetadataRequest::decode(body, version)?, &s).encode(out, version)?,
        ApiKey::DescribeQuorum => quorum().encode(out, version)?,
        ApiKey::ListOffsets => list_offsets(&ListOffsetsRequest::decode(body, version)?, &s).encode(out, version)?,
        ApiKey::DescribeConfigs => {
            describe_configs(&DescribeConfigsRequest::decode(body, version)?, &s).encode(out, version)?
        }
        ApiKey::CreateTopics => {
            create_topics(&CreateTopicsRequest::decode(body, version)?, &mut s).encode(out, version)?
        }
        ApiKey::DeleteTopics => {
            delete_topics(&DeleteTopicsRequest::decode(body, version)?, &mut s).encode(out, version)?
        }
        ApiKey::CreatePartitions => {
            create_partitions(&CreatePartitionsRequest::decode(body, version)?, &mut s).encode(out, version)?
        }
        ApiKey::IncrementalAlterConfigs => {
            alter_configs(&IncrementalAlterConfigsRequest::decode(body, version)?, &mut s).encode(out, version)?
        }
        // Every group's coordinator is broker 1; the others list none, as brokers list only
        // the groups they coordinate.
        ApiKey::ListGroups => list_groups(&s, node == 1).encode(out, version)?,
        ApiKey::DescribeGroups => {
            describe_groups(&DescribeGroupsRequest::decode(body, version)?, &s).encode(out, version)?
        }
        ApiKey::FindCoordinator => {
            let port = s.ports[0].1;
            FindCoordinatorResponse::default()
                .with_node_id(BrokerId(1))
                .with_host(text("127.0.0.1"))
                .with_port(port as i32)
                .encode(out, version)?
        }
        ApiKey::OffsetFetch => offset_fetch(&OffsetFetchRequest::decode(body, version)?, &s).encode(out, version)?,
        ApiKey::OffsetCommit => {
            offset_commit(&OffsetCommitRequest::decode(body, version)?, &mut s).encode(out, version)?
        }
        ApiKey::DeleteGroups => {
            delete_groups(&DeleteGroupsRequest::decode(body, version)?, &mut s).encode(out, version)?
        }
        ApiKey::DescribeLogDirs => log_dirs(node, &s).encode(out, version)?,
        ApiKey::ListPartitionReassignments => ListPartitionReassignmentsResponse::default().encode(out, version)?,
        ApiKey::AlterPartitionReassignments => {
            reassign(&AlterPartitionReassignmentsRequest::decode(body, version)?, &mut s).encode(out, version)?
        }
        ApiKey::ElectLeaders => elect(&ElectLeadersRequest::decode(body, version)?, &mut s).encode(out, version)?,
        ApiKey::InitProducerId => InitProducerIdResponse::default()
            .with_producer_id(ProducerId(4000))
            .with_producer_epoch(0)
            .encode(out, version)?,
        ApiKey::Produce => {
            let request = ProduceRequest::decode(body, version)?;
            let response = produce(&request, &mut s)?;
            if request.acks == 0 {
                return Ok(false);
            }
            response.encode(out, version)?
        }
        _ => anyhow::bail!("not served: {api:?}"),
    }
    Ok(true)
}

fn api_versions() -> ApiVersionsResponse {
    // (key, highest version served): Kafka 3.7's, or lower where a newer version would need
    // topic ids (Fetch 13+) or batched groups (FindCoordinator 4+, OffsetFetch 8+).
    let served = [
        (ApiKey::Produce, 9),
        (ApiKey::Fetch, 12),
        (ApiKey::ListOffsets, 8),
        (ApiKey::Metadata, 12),
        (ApiKey::OffsetCommit, 8),
        (ApiKey::OffsetFetch, 7),
        (ApiKey::FindCoordinator, 3),
        (ApiKey::DescribeGroups, 5),
        (ApiKey::ListGroups, 4),
        (ApiKey::ApiVersions, 3),
        (ApiKey::CreateTopics, 7),
        (ApiKey::DeleteTopics, 6),
        (ApiKey::DeleteGroups, 2),
        (ApiKey::InitProducerId, 4),
        (ApiKey::DescribeConfigs, 4),
        (ApiKey::DescribeLogDirs, 4),
        (ApiKey::CreatePartitions, 3),
        (ApiKey::ElectLeaders, 2),
        (ApiKey::IncrementalAlterConfigs, 1),
        (ApiKey::AlterPartitionReassignments, 0),
        (ApiKey::ListPartitionReassignments, 0),
        (ApiKey::DescribeQuorum, 1),
    ];
    let keys = served
        .iter()
        .map(|(k, max)| {
            ApiVersion::default()
                .with_api_key(*k as i16)
                .with_min_version(k.valid_versions().min)
                .with_max_version(*max)
        })
        .collect();
    ApiVersionsResponse::default()
        .with_api_keys(keys)
        .with_supported_features(vec![
            SupportedFeatureKey::default()
                .with_name(StrBytes::from_static_str("metadata.version"))
                .with_min_version(1)
                .with_max_version(19),
        ])
        .with_finalized_features(vec![
            FinalizedFeatureKey::default()
                .with_name(StrBytes::from_static_str("metadata.version"))
                .with_min_version_level(19)
                .with_max_version_level(19),
        ])
        .with_finalized_features_epoch(5)
}

fn metadata(request: &MetadataRequest, s: &State) -> MetadataResponse {
    let brokers = s
        .ports
        .iter()
        .map(|(id, port)| {
            MetadataResponseBroker::default()
                .with_node_id(BrokerId(*id))
                .with_host(text("127.0.0.1"))
                .with_port(*port as i32)
        })
        .collect();
    let names: Vec<String> = match &request.topics {
        None => s.topics.keys().cloned().collect(),
        Some(asked) => asked.iter().filter_map(|t| t.name.as_ref().map(|n| n.to_string())).collect(),
    };
    let topics = names
        .iter()
        .map(|n| match s.topics.get(n) {
            None => {
                MetadataResponseTopic::default().with_name(Some(name(n))).with_error_code(UNKNOWN_TOPIC_OR_PARTITION)
            }
            Some(topic) => {
                MetadataResponseTopic::default().with_name(Some(name(n))).with_topic_id(topic.id).with_partitions(
                    topic
                        .partitions
                        .iter()
                        .enumerate()
                        .map(|(i, p)| {
                            MetadataResponsePartition::default()
                                .with_partition_index(i as i32)
                                .with_leader_id(BrokerId(p.leader))
                                .with_replica_nodes(p.replicas.iter().map(|r| BrokerId(*r)).collect())
                                .with_isr_nodes(p.isr.iter().map(|r| BrokerId(*r)).collect())
                        })
                        .collect(),
                )
            }
        })
        .collect();
    MetadataResponse::default()
        .with_brokers(brokers)
        .with_cluster_id(Some(StrBytes::from_static_str("5L6g3nShT-eMCtK--X86AZA")))
        .with_controller_id(BrokerId(1))
        .with_topics(topics)
}

fn quorum() -> DescribeQuorumResponse {
    // Voters 1 and 2 fetched and caught up just now; voter 3 fetched 1 s ago but has not
    // caught up for 60 s.
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64);
    let replica = |id: i32, end: i64| {
        let (fetched, caught_up) = if id == 3 { (now - 1000, now - 60_000) } else { (now, now) };
        ReplicaState::default()
            .with_replica_id(BrokerId(id))
            .with_log_end_offset(end)
            .with_last_fetch_timestamp(fetched)
            .with_last_caught_up_timestamp(caught_up)
    };
    DescribeQuorumResponse::default().with_topics(vec![
        TopicData::default()
            .with_topic_name(TopicName(StrBytes::from_static_str("__cluster_metadata")))
            .with_partitions(vec![
                PartitionData::default()
                    .with_leader_id(BrokerId(1))
                    .with_leader_epoch(6)
                    .with_high_watermark(1715)
                    .with_current_voters(vec![replica(1, 1716), replica(2, 1716), replica(3, 1700)]),
            ]),
    ])
}

fn list_offsets(request: &ListOffsetsRequest, s: &State) -> ListOffsetsResponse {
    use kafka_protocol::messages::list_offsets_response::{ListOffsetsPartitionResponse, ListOffsetsTopicResponse};
    let topics = request
        .topics
        .iter()
        .map(|t| {
            let partitions = t
                .partitions
                .iter()
                .map(|p| {
                    let answer = ListOffsetsPartitionResponse::default().with_partition_index(p.partition_index);
                    let Some(part) = s.partition(t.name.as_str(), p.partition_index) else {
                        return answer.with_error_code(UNKNOWN_TOPIC_OR_PARTITION);
                    };
                    let (offset, timestamp) = match p.timestamp {
                        -2 => (part.log_start, -1),
                        -1 => (part.end(), -1),
                        at => part
                            .records
                            .iter()
                            .find(|r| r.timestamp >= at)
                            .map_or((-1, -1), |r| (r.offset, r.timestamp)),
                    };
                    answer.with_offset(offset).with_timestamp(timestamp).with_leader_epoch(0)
                })
                .collect();
            ListOffsetsTopicResponse::default().with_name(t.name.clone()).with_partitions(partitions)
        })
        .collect();
    ListOffsetsResponse::default().with_topics(topics)
}

/// Topic configs Kafka 3.7 defaults to (a few), and a few broker configs.
const TOPIC_DEFAULTS: &[(&str, &str)] = &[
    ("cleanup.policy", "delete"),
    ("max.message.bytes", "1048588"),
    ("min.insync.replicas", "1"),
    ("retention.ms", "604800000"),
    ("segment.bytes", "1073741824"),
];
const BROKER_CONFIGS: &[(&str, &str)] = &[
    ("controller.quorum.fetch.timeout.ms", "2000"),
    ("default.replication.factor", "1"),
    ("min.insync.replicas", "1"),
    ("num.partitions", "1"),
];

fn describe_configs(request: &DescribeConfigsRequest, s: &State) -> DescribeConfigsResponse {
    use kafka_protocol::messages::describe_configs_response::{
        DescribeConfigsResourceResult, DescribeConfigsResult, DescribeConfigsSynonym,
    };
    let synonym = |key: &str, value: &str, source: i8| {
        DescribeConfigsSynonym::default().with_name(text(key)).with_value(Some(text(value))).with_source(source)
    };
    let results = request
        .resources
        .iter()
        .map(|r| {
            let result = DescribeConfigsResult::default()
                .with_resource_type(r.resource_type)
                .with_resource_name(r.resource_name.clone());
            // (key, value, source, synonyms)
            let entries: Vec<(String, String, i8, Vec<DescribeConfigsSynonym>)> = match r.resource_type {
                2 => {
                    let Some(topic) = s.topics.get(r.resource_name.as_str()) else {
                        return result.with_error_code(UNKNOWN_TOPIC_OR_PARTITION);
                    };
                    TOPIC_DEFAULTS
                        .iter()
                        .map(|(k, default)| match topic.configs.get(*k) {
                            Some(v) => (k.to_string(), v.clone(), 1, vec![synonym(k, v, 1), synonym(k, default, 5)]),
                            None => (k.to_string(), default.to_string(), 5, vec![synonym(k, default, 5)]),
                        })
                        .collect()
                }
                4 => BROKER_CONFIGS
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string(), 5, vec![synonym(k, v, 5)]))
                    .collect(),
                _ => return result.with_error_code(INVALID_CONFIG),
            };
            let wanted =
                |k: &str| r.configuration_keys.as_ref().is_none_or(|keys| keys.iter().any(|x| x.as_str() == k));
            result.with_configs(
                entries
                    .into_iter()
                    .filter(|(k, ..)| wanted(k))
                    .map(|(k, v, source, synonyms)| {
                        DescribeConfigsResourceResult::default()
                            .with_name(text(&k))
                            .with_value(Some(text(&v)))
                            .with_config_source(source)
                            .with_synonyms(if request.include_synonyms { synonyms } else { Vec::new() })
                    })
                    .collect(),
            )
        })
        .collect();
    DescribeConfigsResponse::default().with_results(results)
}

fn log(s: &mut State, validate_only: bool, what: String) {
    s.changes.push(if validate_only { format!("{what} (validate only)") } else { what });
}

fn create_topics(request: &CreateTopicsRequest, s: &mut State) -> CreateTopicsResponse {
    use kafka_protocol::messages::create_topics_response::CreatableTopicResult;
    let brokers = s.ports.len() as i32;
    let topics = request
        .topics
        .iter()
        .map(|t| {
            let result = CreatableTopicResult::default().with_name(t.name.clone());
            let count = if t.num_partitions < 0 { 1 } else { t.num_partitions };
            let rf = if t.replication_factor < 0 { 1 } else { t.replication_factor as i32 };
            if s.topics.contains_key(t.name.as_str()) {
                return result.with_error_code(TOPIC_ALREADY_EXISTS);
            }
            if rf > brokers || rf < 1 {
                return result.with_error_code(INVALID_REPLICATION_FACTOR);
            }
            log(s, request.validate_only, format!("CreateTopics {} partitions={count} rf={rf}", t.name.as_str()));
            let id = Uuid::from_u128(0x7091c + s.topics.len() as u128);
            if !request.validate_only {
                let partitions = (0..count)
                    .map(|i| {
                        let replicas: Vec<i32> = (0..rf).map(|r| (i + r) % brokers + 1).collect();
                        Partition {
                            leader: replicas[0],
                            isr: replicas.clone(),
                            replicas,
                            log_start: 0,
                            records: Vec::new(),
                        }
                    })
                    .collect();
                let configs = t
                    .configs
                    .iter()
                    .filter_map(|c| c.value.as_ref().map(|v| (c.name.to_string(), v.to_string())))
                    .collect();
                s.topics.insert(t.name.to_string(), Topic { id, partitions, configs });
            }
            result.with_topic_id(id).with_num_partitions(count).with_replication_factor(rf as i16)
        })
        .collect();
    CreateTopicsResponse::default().with_topics(topics)
}

fn delete_topics(request: &DeleteTopicsRequest, s: &mut State) -> DeleteTopicsResponse {
    use kafka_protocol::messages::delete_topics_response::DeletableTopicResult;
    let names: Vec<TopicName> =
        request.topic_names.iter().cloned().chain(request.topics.iter().filter_map(|t| t.name.clone())).collect();
    let responses = names
        .into_iter()
        .map(|n| {
            let found = s.topics.remove(n.as_str()).is_some();
            if found {
                log(s, false, format!("DeleteTopics {}", n.as_str()));
            }
            DeletableTopicResult::default().with_name(Some(n)).with_error_code(if found {
                0
            } else {
                UNKNOWN_TOPIC_OR_PARTITION
            })
        })
        .collect();
    DeleteTopicsResponse::default().with_responses(responses)
}

fn create_partitions(request: &CreatePartitionsRequest, s: &mut State) -> CreatePartitionsResponse {
    use kafka_protocol::messages::create_partitions_response::CreatePartitionsTopicResult;
    let brokers = s.ports.len() as i32;
    let results = request
        .topics
        .iter()
        .map(|t| {
            let result = CreatePartitionsTopicResult::default().with_name(t.name.clone());
            let Some(have) = s.topics.get(t.name.as_str()).map(|x| x.partitions.len() as i32) else {
                return result.with_error_code(UNKNOWN_TOPIC_OR_PARTITION);
            };
            if t.count <= have {
                return result.with_error_code(INVALID_PARTITIONS).with_error_message(Some(text(&format!(
                    "Topic currently has {have} partitions, which is higher than the requested {}.",
                    t.count
                ))));
            }
            log(s, request.validate_only, format!("CreatePartitions {} count={}", t.name.as_str(), t.count));
            if !request.validate_only {
                let topic = s.topics.get_mut(t.name.as_str()).expect("checked above");
                let rf = topic.partitions[0].replicas.len() as i32;
                for i in have..t.count {
                    let replicas: Vec<i32> = (0..rf).map(|r| (i + r) % brokers + 1).collect();
                    topic.partitions.push(Partition {
                        leader: replicas[0],
                        isr: replicas.clone(),
                        replicas,
                        log_start: 0,
                        records: Vec::new(),
                    });
                }
            }
            result
        })
        .collect();
    CreatePartitionsResponse::default().with_results(results)
}

fn alter_configs(request: &IncrementalAlterConfigsRequest, s: &mut State) -> IncrementalAlterConfigsResponse {
    use kafka_protocol::messages::incremental_alter_configs_response::AlterConfigsResourceResponse;
    let responses = request
        .resources
        .iter()
        .map(|r| {
            let response = AlterConfigsResourceResponse::default()
                .with_resource_type(r.resource_type)
                .with_resource_name(r.resource_name.clone());
            let known = |k: &str| TOPIC_DEFAULTS.iter().any(|(d, _)| *d == k);
            if r.resource_type != 2 {
                return response.with_error_code(INVALID_CONFIG);
            }
            if !s.topics.contains_key(r.resource_name.as_str()) {
                return response.with_error_code(UNKNOWN_TOPIC_OR_PARTITION);
            }
            if let Some(bad) = r.configs.iter().find(|c| !known(c.name.as_str())) {
                return response
                    .with_error_code(INVALID_CONFIG)
                    .with_error_message(Some(text(&format!("Unknown topic config name: {}", bad.name.as_str()))));
            }
            for c in &r.configs {
                let what = match (c.config_operation, &c.value) {
                    (0, Some(v)) => format!("set {}={}", c.name.as_str(), v.as_str()),
                    _ => format!("delete {}", c.name.as_str()),
                };
                log(s, request.validate_only, format!("IncrementalAlterConfigs {} {what}", r.resource_name.as_str()));
                if !request.validate_only {
                    let configs = &mut s.topics.get_mut(r.resource_name.as_str()).expect("checked above").configs;
                    match (c.config_operation, &c.value) {
                        (0, Some(v)) => configs.insert(c.name.to_string(), v.to_string()),
                        _ => configs.remove(c.name.as_str()),
                    };
                }
            }
            response
        })
        .collect();
    IncrementalAlterConfigsResponse::default().with_responses(responses)
}

fn list_groups(s: &State, coordinator: bool) -> ListGroupsResponse {
    use kafka_protocol::messages::list_groups_response::ListedGroup;
    ListGroupsResponse::default().with_groups(
        s.groups
            .iter()
            .filter(|_| coordinator)
            .map(|(id, g)| {
                ListedGroup::default()
                    .with_group_id(GroupId(text(id)))
                    .with_protocol_type(text(&g.protocol_type))
                    .with_group_state(text(&g.state))
            })
            .collect(),
    )
}

fn assignment_bytes(assignment: &[(String, Vec<i32>)]) -> Bytes {
    use kafka_protocol::messages::consumer_protocol_assignment::TopicPartition;
    let message = ConsumerProtocolAssignment::default().with_assigned_partitions(
        assignment
            .iter()
            .map(|(t, ps)| TopicPartition::default().with_topic(name(t)).with_partitions(ps.clone()))
            .collect(),
    );
    let mut buf = BytesMut::new();
    buf.extend_from_slice(&1i16.to_be_bytes());
    message.encode(&mut buf, 1).expect("assignment encodes");
    buf.freeze()
}

fn describe_groups(request: &DescribeGroupsRequest, s: &State) -> DescribeGroupsResponse {
    use kafka_protocol::messages::describe_groups_response::{DescribedGroup, DescribedGroupMember};
    DescribeGroupsResponse::default().with_groups(
        request
            .groups
            .iter()
            .map(|id| match s.groups.get(id.as_str()) {
                // Kafka describes a group it does not know as Dead, without an error.
                None => DescribedGroup::default().with_group_id(id.clone()).with_group_state(text("Dead")),
                Some(g) => DescribedGroup::default()
                    .with_group_id(id.clone())
                    .with_group_state(text(&g.state))
                    .with_protocol_type(text(&g.protocol_type))
                    .with_protocol_data(text(if g.members.is_empty() { "" } else { "range" }))
                    .with_members(
                        g.members
                            .iter()
                            .map(|m| {
                                DescribedGroupMember::default()
                                    .with_member_id(text(&m.id))
                                    .with_client_id(text(&m.client_id))
                                    .with_client_host(text(&m.host))
                                    .with_member_assignment(assignment_bytes(&m.assignment))
                            })
                            .collect(),
                    ),
            })
            .collect(),
    )
}

fn offset_fetch(request: &OffsetFetchRequest, s: &State) -> OffsetFetchResponse {
    use kafka_protocol::messages::offset_fetch_response::{OffsetFetchResponsePartition, OffsetFetchResponseTopic};
    let committed = s.groups.get(request.group_id.as_str()).map(|g| g.committed.clone()).unwrap_or_default();
    let mut by_topic: BTreeMap<String, Vec<OffsetFetchResponsePartition>> = BTreeMap::new();
    let wanted = |t: &str, p: i32| match &request.topics {
        None => true,
        Some(topics) => topics.iter().any(|x| x.name.as_str() == t && x.partition_indexes.contains(&p)),
    };
    for ((t, p), offset) in &committed {
        if wanted(t, *p) {
            by_topic.entry(t.clone()).or_default().push(
                OffsetFetchResponsePartition::default()
                    .with_partition_index(*p)
                    .with_committed_offset(*offset)
                    .with_committed_leader_epoch(-1),
            );
        }
    }
    OffsetFetchResponse::default().with_topics(
        by_topic
            .into_iter()
            .map(|(t, partitions)| OffsetFetchResponseTopic::default().with_name(name(&t)).with_partitions(partitions))
            .collect(),
    )
}

fn offset_commit(request: &OffsetCommitRequest, s: &mut State) -> OffsetCommitResponse {
    use kafka_protocol::messages::offset_commit_response::{OffsetCommitResponsePartition, OffsetCommitResponseTopic};
    let group = request.group_id.to_string();
    // A commit from outside the group (generation -1) is refused while it has members.
    let refused = s.groups.get(&group).is_some_and(|g| !g.members.is_empty());
    let mut topics = Vec::new();
    for t in &request.topics {
        let mut partitions = Vec::new();
        for p in &t.partitions {
            if !refused {
                let changes =
                    format!("OffsetCommit {group} {}:{}={}", t.name.as_str(), p.partition_index, p.committed_offset);
                log(s, false, changes);
                let g = s.groups.entry(group.clone()).or_insert_with(|| Group {
                    state: "Empty".into(),
                    protocol_type: String::new(),
                    members: Vec::new(),
                    committed: BTreeMap::new(),
                });
                g.committed.insert((t.name.to_string(), p.partition_index), p.committed_offset);
            }
            partitions.push(
                OffsetCommitResponsePartition::default()
                    .with_partition_index(p.partition_index)
                    .with_error_code(if refused { UNKNOWN_MEMBER_ID } else { 0 }),
            );
        }
        topics.push(OffsetCommitResponseTopic::default().with_name(t.name.clone()).with_partitions(partitions));
    }
    OffsetCommitResponse::default().with_topics(topics)
}

fn delete_groups(request: &DeleteGroupsRequest, s: &mut State) -> DeleteGroupsResponse {
    use kafka_protocol::messages::delete_groups_response::DeletableGroupResult;
    let results = request
        .groups_names
        .iter()
        .map(|id| {
            let code = match s.groups.get(id.as_str()) {
                None => GROUP_ID_NOT_FOUND,
                Some(g) if !g.members.is_empty() => NON_EMPTY_GROUP,
                Some(_) => {
                    s.groups.remove(id.as_str());
                    log(s, false, format!("DeleteGroups {}", id.as_str()));
                    0
                }
            };
            DeletableGroupResult::default().with_group_id(id.clone()).with_error_code(code)
        })
        .collect();
    DeleteGroupsResponse::default().with_results(results)
}

/// Each partition's size on a broker: its records' values and keys plus 70 bytes each.
pub fn partition_bytes(p: &Partition) -> i64 {
    p.records
        .iter()
        .map(|r| 70 + r.value.as_ref().map_or(0, |v| v.len()) as i64 + r.key.as_ref().map_or(0, |k| k.len()) as i64)
        .sum()
}

fn log_dirs(node: i32, s: &State) -> DescribeLogDirsResponse {
    use kafka_protocol::messages::describe_log_dirs_response::{
        DescribeLogDirsPartition, DescribeLogDirsResult, DescribeLogDirsTopic,
    };
    let topics = s
        .topics
        .iter()
        .map(|(n, t)| {
            DescribeLogDirsTopic::default().with_name(name(n)).with_partitions(
                t.partitions
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.replicas.contains(&node))
                    .map(|(i, p)| {
                        DescribeLogDirsPartition::default()
                            .with_partition_index(i as i32)
                            .with_partition_size(partition_bytes(p))
                    })
                    .collect(),
            )
        })
        .filter(|t| !t.partitions.is_empty())
        .collect();
    DescribeLogDirsResponse::default().with_results(vec![
        DescribeLogDirsResult::default()
            .with_log_dir(text("/var/lib/kafka/data"))
            .with_topics(topics)
            .with_total_bytes(10 << 30)
            .with_usable_bytes(8 << 30),
    ])
}

fn reassign(request: &AlterPartitionReassignmentsRequest, s: &mut State) -> AlterPartitionReassignmentsResponse {
    use kafka_protocol::messages::alter_partition_reassignments_response::{
        ReassignablePartitionResponse, ReassignableTopicResponse,
    };
    let mut responses = Vec::new();
    for t in &request.topics {
        let mut partitions = Vec::new();
        for p in &t.partitions {
            let found =
                s.topics.get(t.name.as_str()).is_some_and(|x| (p.partition_index as usize) < x.partitions.len());
            if found && let Some(target) = &p.replicas {
                let target: Vec<i32> = target.iter().map(|b| b.0).collect();
                log(
                    s,
                    false,
                    format!("AlterPartitionReassignments {}:{} {target:?}", t.name.as_str(), p.partition_index),
                );
                let part =
                    &mut s.topics.get_mut(t.name.as_str()).expect("found").partitions[p.partition_index as usize];
                if !target.contains(&part.leader) {
                    part.leader = target[0];
                }
                part.isr = target.clone();
                part.replicas = target;
            }
            partitions.push(
                ReassignablePartitionResponse::default()
                    .with_partition_index(p.partition_index)
                    .with_error_code(if found { 0 } else { UNKNOWN_TOPIC_OR_PARTITION }),
            );
        }
        responses.push(ReassignableTopicResponse::default().with_name(t.name.clone()).with_partitions(partitions));
    }
    AlterPartitionReassignmentsResponse::default().with_responses(responses)
}

fn elect(request: &ElectLeadersRequest, s: &mut State) -> ElectLeadersResponse {
    use kafka_protocol::messages::elect_leaders_response::{PartitionResult, ReplicaElectionResult};
    let asked: Vec<(String, Vec<i32>)> = match &request.topic_partitions {
        Some(tps) => tps.iter().map(|t| (t.topic.to_string(), t.partitions.clone())).collect(),
        None => s.topics.iter().map(|(n, t)| (n.clone(), (0..t.partitions.len() as i32).collect())).collect(),
    };
    let mut results = Vec::new();
    for (topic, partitions) in asked {
        let mut out = Vec::new();
        for p in partitions {
            let code = match s.partition_mut(&topic, p) {
                None => UNKNOWN_TOPIC_OR_PARTITION,
                Some(part) if part.leader == part.replicas[0] => ELECTION_NOT_NEEDED,
                Some(part) if part.isr.contains(&part.replicas[0]) => {
                    part.leader = part.replicas[0];
                    0
                }
                // The preferred replica is out of sync: Kafka says the election failed.
                Some(_) => 85,
            };
            if code == 0 {
                log(s, false, format!("ElectLeaders {topic}:{p}"));
            }
            out.push(PartitionResult::default().with_partition_id(p).with_error_code(code));
        }
        results.push(ReplicaElectionResult::default().with_topic(name(&topic)).with_partition_result(out));
    }
    ElectLeadersResponse::default().with_replica_election_results(results)
}

fn produce(request: &ProduceRequest, s: &mut State) -> anyhow::Result<ProduceResponse> {
    use kafka_protocol::messages::produce_response::{PartitionProduceResponse, TopicProduceResponse};
    let mut responses = Vec::new();
    for t in &request.topic_data {
        let mut partitions = Vec::new();
        for p in &t.partition_data {
            let answer = PartitionProduceResponse::default().with_index(p.index);
            let Some(part) = s.partition_mut(t.name.as_str(), p.index) else {
                partitions.push(answer.with_error_code(UNKNOWN_TOPIC_OR_PARTITION));
                continue;
            };
            let base = part.end();
            let mut records = Vec::new();
            if let Some(bytes) = &p.records {
                let mut buf = bytes.clone();
                for set in RecordBatchDecoder::decode_all(&mut buf)? {
                    records.extend(set.records);
                }
            }
            let count = records.len();
            for (i, mut r) in records.into_iter().enumerate() {
                r.offset = base + i as i64;
                part.records.push(r);
            }
            s.changes.push(format!("Produce {}:{} {count} records", t.name.as_str(), p.index));
            partitions.push(answer.with_base_offset(base).with_log_append_time_ms(-1).with_log_start_offset(0));
        }
        responses.push(TopicProduceResponse::default().with_name(t.name.clone()).with_partition_responses(partitions));
    }
    Ok(ProduceResponse::default().with_responses(responses))
}

fn fetch(request: &FetchRequest, s: &State) -> FetchResponse {
    use kafka_protocol::messages::fetch_response::{FetchableTopicResponse, PartitionData};
    let responses = request
        .topics
        .iter()
        .map(|t| {
            let partitions = t
                .partitions
                .iter()
                .map(|p| {
                    let answer = PartitionData::default().with_partition_index(p.partition);
                    let Some(part) = s.partition(t.topic.as_str(), p.partition) else {
                        return answer.with_error_code(UNKNOWN_TOPIC_OR_PARTITION);
                    };
                    let answer = answer
                        .with_high_watermark(part.end())
                        .with_last_stable_offset(part.end())
                        .with_log_start_offset(part.log_start);
                    if p.fetch_offset < part.log_start || p.fetch_offset > part.end() {
                        return answer.with_error_code(OFFSET_OUT_OF_RANGE);
                    }
                    let from = (p.fetch_offset - part.log_start) as usize;
                    let batch: Vec<&Record> = part.records[from..].iter().take(500).collect();
                    if batch.is_empty() {
                        return answer.with_records(Some(Bytes::new()));
                    }
                    let mut buf = BytesMut::new();
                    let options = RecordEncodeOptions { version: 2, compression: Compression::None };
                    match RecordBatchEncoder::encode(&mut buf, batch.iter().copied(), &options) {
                        Ok(()) => answer.with_records(Some(buf.freeze())),
                        Err(_) => answer.with_error_code(-1),
                    }
                })
                .collect();
            FetchableTopicResponse::default().with_topic(t.topic.clone()).with_partitions(partitions)
        })
        .collect();
    FetchResponse::default().with_responses(responses)
}
