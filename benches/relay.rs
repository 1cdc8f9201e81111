//! The relay's own cost, in process: the same produce and fetch traffic pushed through
//! `connect::relay::relay` and through a plain byte copy (`tokio::io::copy_bidirectional`),
//! over in-memory pipes. No network, no Kafka: only what the relay adds.
//!
//! Traffic, built with kafka-protocol's encoders at the versions librdkafka 2.12 speaks to a
//! 3.7 broker: PRODUCE produce requests (v9, 100 records of 100 bytes each, ~12 KiB) each
//! answered by a ProduceResponse, and FETCH fetch requests (v16) each answered by a 1 MiB
//! FetchResponse v16 (decoded by the relay, which looks for node endpoints, then forwarded as
//! received), plus a Metadata v12 exchange every 1,000 requests (decoded and rewritten).
//! Run: `cargo bench --bench relay` (figures go to BENCHMARKS.md).

#![allow(clippy::print_stdout, reason = "a benchmark reports its figures on stdout")]

use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use kafka_protocol::messages::fetch_response::{FetchableTopicResponse, PartitionData};
use kafka_protocol::messages::metadata_response::MetadataResponseBroker;
use kafka_protocol::messages::produce_request::{PartitionProduceData, TopicProduceData};
use kafka_protocol::messages::produce_response::{PartitionProduceResponse, TopicProduceResponse};
use kafka_protocol::messages::{
    ApiKey, BrokerId, FetchRequest, FetchResponse, MetadataRequest, MetadataResponse, ProduceRequest, ProduceResponse,
    RequestHeader, ResponseHeader,
};
use kafka_protocol::protocol::{Encodable, StrBytes};
use kubectl_kafka::connect::relay::{AddressMap, relay};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const PRODUCE: usize = 20_000;
const FETCH: usize = 200;
const ROUNDS: usize = 9;

fn frame(key: ApiKey, version: i16, correlation: i32, body: &impl Encodable, request: bool) -> Vec<u8> {
    let mut buf = BytesMut::new();
    if request {
        RequestHeader::default()
            .with_request_api_key(key as i16)
            .with_request_api_version(version)
            .with_correlation_id(correlation)
            .with_client_id(Some(StrBytes::from("bench")))
            .encode(&mut buf, key.request_header_version(version))
            .unwrap();
    } else {
        ResponseHeader::default()
            .with_correlation_id(correlation)
            .encode(&mut buf, key.response_header_version(version))
            .unwrap();
    }
    body.encode(&mut buf, version).unwrap();
    let mut out = (buf.len() as i32).to_be_bytes().to_vec();
    out.extend_from_slice(&buf);
    out
}

/// The exchanges: (request frame, response frame), in order.
fn traffic() -> Vec<(Vec<u8>, Vec<u8>)> {
    let payload = Bytes::from(vec![b'x'; 100 * 120]);
    let fetched = Bytes::from(vec![b'y'; 1 << 20]);
    let mut exchanges = Vec::new();
    let mut corr = 0;
    let mut next = || {
        corr += 1;
        corr
    };
    for i in 0..PRODUCE + FETCH {
        let c = next();
        if i % 1000 == 0 {
            let brokers = (1..=3)
                .map(|n| {
                    MetadataResponseBroker::default()
                        .with_node_id(BrokerId(n))
                        .with_host(StrBytes::from(format!("kafka-{n}")))
                        .with_port(9092)
                })
                .collect();
            exchanges.push((
                frame(ApiKey::Metadata, 12, c, &MetadataRequest::default(), true),
                frame(ApiKey::Metadata, 12, c, &MetadataResponse::default().with_brokers(brokers), false),
            ));
            continue;
        }
        if i % ((PRODUCE + FETCH) / FETCH) == 1 {
            let resp =
                FetchResponse::default().with_responses(vec![FetchableTopicResponse::default().with_partitions(vec![
                    PartitionData::default().with_high_watermark(1 << 30).with_records(Some(fetched.clone())),
                ])]);
            exchanges.push((
                frame(ApiKey::Fetch, 16, c, &FetchRequest::default(), true),
                frame(ApiKey::Fetch, 16, c, &resp, false),
            ));
        } else {
            let req = ProduceRequest::default().with_acks(-1).with_timeout_ms(30_000).with_topic_data(vec![
                TopicProduceData::default()
                    .with_name(StrBytes::from("bench").into())
                    .with_partition_data(vec![PartitionProduceData::default().with_records(Some(payload.clone()))]),
            ]);
            let resp = ProduceResponse::default().with_responses(vec![
                TopicProduceResponse::default()
                    .with_name(StrBytes::from("bench").into())
                    .with_partition_responses(vec![PartitionProduceResponse::default().with_base_offset(i as i64)]),
            ]);
            exchanges.push((frame(ApiKey::Produce, 9, c, &req, true), frame(ApiKey::Produce, 9, c, &resp, false)));
        }
    }
    exchanges
}

/// Pushes the traffic through a middle (relay or copy) and returns the time taken.
#[derive(Clone, Copy)]
enum Middle {
    /// `copy_bidirectional`: tokio's default 8 KiB buffers, what a naive TCP proxy does.
    Copy,
    /// The same copy with the relay's 64 KiB buffers.
    Copy64k,
    Relay,
}

async fn run(exchanges: Arc<Vec<(Vec<u8>, Vec<u8>)>>, how: Middle) -> Duration {
    let (client, middle_client) = tokio::io::duplex(256 * 1024);
    let (middle_broker, broker) = tokio::io::duplex(256 * 1024);
    let middle = tokio::spawn(async move {
        let (mut a, mut b) = (middle_client, middle_broker);
        match how {
            Middle::Relay => {
                let map = Arc::new(AddressMap::new((1..=3).map(|n| (n, "127.0.0.1".to_string(), 40000 + n as u16))));
                relay(a, b, map).await.map(|_| ())
            }
            Middle::Copy => tokio::io::copy_bidirectional(&mut a, &mut b).await.map(|_| ()),
            Middle::Copy64k => tokio::io::copy_bidirectional_with_sizes(&mut a, &mut b, 65536, 65536).await.map(|_| ()),
        }
    });
    let start = Instant::now();
    let (mut client_rd, mut client_wr) = tokio::io::split(client);
    let (mut broker_rd, mut broker_wr) = tokio::io::split(broker);
    let ex = exchanges.clone();
    let writer = tokio::spawn(async move {
        for (req, _) in ex.iter() {
            client_wr.write_all(req).await.unwrap();
        }
        client_wr.flush().await.unwrap();
        client_wr
    });
    let ex = exchanges.clone();
    let server = tokio::spawn(async move {
        let mut buf = Vec::new();
        for (req, resp) in ex.iter() {
            buf.resize(req.len(), 0);
            broker_rd.read_exact(&mut buf).await.unwrap();
            broker_wr.write_all(resp).await.unwrap();
        }
        broker_wr.flush().await.unwrap();
        (broker_rd, broker_wr)
    });
    let expected: usize = exchanges.iter().map(|(_, r)| r.len()).sum();
    let mut got = 0usize;
    let mut buf = vec![0u8; 256 * 1024];
    while got < expected {
        let n = client_rd.read(&mut buf).await.unwrap();
        assert!(n > 0, "stream ended early");
        got += n;
    }
    let elapsed = start.elapsed();
    drop(writer.await.unwrap());
    drop(server.await.unwrap());
    drop(client_rd);
    middle.abort();
    elapsed
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let exchanges = Arc::new(traffic());
    let bytes: usize = exchanges.iter().map(|(q, r)| q.len() + r.len()).sum();
    let (mut copy, mut copy64, mut relayed) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        copy.push(runtime.block_on(run(exchanges.clone(), Middle::Copy)));
        copy64.push(runtime.block_on(run(exchanges.clone(), Middle::Copy64k)));
        relayed.push(runtime.block_on(run(exchanges.clone(), Middle::Relay)));
    }
    for v in [&mut copy, &mut copy64, &mut relayed] {
        v.sort();
    }
    let (c, c64, r) = (copy[ROUNDS / 2], copy64[ROUNDS / 2], relayed[ROUNDS / 2]);
    let mib = bytes as f64 / (1024.0 * 1024.0);
    println!("traffic: {} exchanges, {:.0} MiB; median of {ROUNDS} rounds each", exchanges.len(), mib);
    println!("| path | median time | throughput | exchanges/s |");
    println!("|---|---|---|---|");
    for (name, t) in
        [("plain byte copy (8 KiB buffers)", c), ("plain byte copy (64 KiB buffers)", c64), ("Kafka relay", r)]
    {
        println!(
            "| {name} | {:.0} ms | {:.0} MiB/s | {:.0} |",
            t.as_secs_f64() * 1000.0,
            mib / t.as_secs_f64(),
            exchanges.len() as f64 / t.as_secs_f64()
        );
    }
    println!("relay time vs 8 KiB copy: {:+.1}%", (r.as_secs_f64() / c.as_secs_f64() - 1.0) * 100.0);
    println!("relay time vs 64 KiB copy: {:+.1}%", (r.as_secs_f64() / c64.as_secs_f64() - 1.0) * 100.0);
}
