//! A Kafka broker for command tests: it speaks the wire protocol (kafka-protocol's codecs)
//! for ApiVersions, Metadata and DescribeQuorum, about a fixed cluster of three brokers (all
//! at its own address) and one topic `orders` of two partitions, partition 1 missing broker 3
//! from its ISR. Any other request closes the connection, as a broker that cannot answer.

use bytes::{Buf, BytesMut};
use kafka_protocol::messages::api_versions_response::{ApiVersion, FinalizedFeatureKey, SupportedFeatureKey};
use kafka_protocol::messages::describe_quorum_response::{PartitionData, ReplicaState, TopicData};
use kafka_protocol::messages::metadata_response::{
    MetadataResponseBroker, MetadataResponsePartition, MetadataResponseTopic,
};
use kafka_protocol::messages::{
    ApiKey, ApiVersionsResponse, BrokerId, DescribeQuorumResponse, MetadataResponse, RequestHeader, ResponseHeader,
    TopicName,
};
use kafka_protocol::protocol::{Decodable, Encodable, StrBytes};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Starts the broker; its address (`127.0.0.1:PORT`).
pub async fn start() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(serve(stream, address.port()));
        }
    });
    address.to_string()
}

async fn serve(mut stream: TcpStream, port: u16) {
    loop {
        let Ok(size) = stream.read_i32().await else { return };
        let mut body = vec![0u8; size.max(0) as usize];
        if stream.read_exact(&mut body).await.is_err() {
            return;
        }
        let mut bytes = bytes::Bytes::from(body);
        let (key, version) = (bytes.clone().get_i16(), {
            let mut b = bytes.clone();
            b.advance(2);
            b.get_i16()
        });
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
        let encoded = match api {
            ApiKey::ApiVersions => api_versions().encode(&mut out, version),
            ApiKey::Metadata => metadata(port).encode(&mut out, version),
            ApiKey::DescribeQuorum => quorum().encode(&mut out, version),
            _ => return,
        };
        if encoded.is_err() {
            return;
        }
        let len = (out.len() - 4) as i32;
        out[..4].copy_from_slice(&len.to_be_bytes());
        if stream.write_all(&out).await.is_err() {
            return;
        }
    }
}

fn api_versions() -> ApiVersionsResponse {
    let key =
        |k: ApiKey, max: i16| ApiVersion::default().with_api_key(k as i16).with_min_version(0).with_max_version(max);
    ApiVersionsResponse::default()
        .with_api_keys(vec![key(ApiKey::ApiVersions, 3), key(ApiKey::Metadata, 12), key(ApiKey::DescribeQuorum, 1)])
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

fn metadata(port: u16) -> MetadataResponse {
    let broker = |id: i32| {
        MetadataResponseBroker::default()
            .with_node_id(BrokerId(id))
            .with_host(StrBytes::from_static_str("127.0.0.1"))
            .with_port(port as i32)
    };
    let partition = |index: i32, leader: i32, replicas: &[i32], isr: &[i32]| {
        MetadataResponsePartition::default()
            .with_partition_index(index)
            .with_leader_id(BrokerId(leader))
            .with_replica_nodes(replicas.iter().map(|r| BrokerId(*r)).collect())
            .with_isr_nodes(isr.iter().map(|r| BrokerId(*r)).collect())
    };
    MetadataResponse::default()
        .with_brokers(vec![broker(1), broker(2), broker(3)])
        .with_cluster_id(Some(StrBytes::from_static_str("5L6g3nShT-eMCtK--X86AZA")))
        .with_controller_id(BrokerId(1))
        .with_topics(vec![
            MetadataResponseTopic::default()
                .with_name(Some(TopicName(StrBytes::from_static_str("orders"))))
                .with_partitions(vec![partition(0, 1, &[1, 2, 3], &[1, 2, 3]), partition(1, 2, &[2, 3, 1], &[2, 1])]),
        ])
}

fn quorum() -> DescribeQuorumResponse {
    let replica = |id: i32, end: i64| {
        ReplicaState::default()
            .with_replica_id(BrokerId(id))
            .with_log_end_offset(end)
            .with_last_fetch_timestamp(-1)
            .with_last_caught_up_timestamp(-1)
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
