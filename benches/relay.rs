//! The relay's own cost, in process: the same produce and fetch traffic pushed through
//! `connect::relay::relay` and through a plain byte copy (`tokio::io::copy_bidirectional`),
//! over in-memory pipes. No network, no Kafka: only what the relay adds.
//!
//! Traffic, recorded (`RELAY_TRAFFIC=DIR`): what real Kafka clients and brokers exchanged,
//! captured by this program's record mode (`RELAY_RECORD=DIR RELAY_UPSTREAM=1=host:port,...`:
//! a listener per broker on 127.0.0.1, each connection relayed to its broker by the same relay,
//! with the broker side of every connection written to DIR as it went: requests as sent,
//! responses as the broker sent them). `benches/record-relay-traffic` drives Kafka's perf tools
//! through it against the bed. On replay every connection's exchanges are paired in order and
//! their correlation ids renumbered, so they can share one stream.
//!
//! Traffic, synthesised (no RELAY_TRAFFIC): built with kafka-protocol's encoders at the
//! versions librdkafka 2.12 speaks to a 3.7 broker: PRODUCE produce requests (v9, 100 records
//! of 100 bytes each, ~12 KiB) each answered by a ProduceResponse, and FETCH fetch requests
//! (v16) each answered by a 1 MiB FetchResponse v16, plus a Metadata v12 exchange every 1,000
//! requests.
//! Run: `cargo bench --bench relay` (figures go to BENCHMARKS.md).

#![allow(clippy::print_stdout, reason = "a benchmark reports its figures on stdout")]

use std::io::Write;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
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
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

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

/// A stream whose bytes read and written are also appended to two files.
struct Tee<S> {
    inner: S,
    read_log: std::io::BufWriter<std::fs::File>,
    write_log: std::io::BufWriter<std::fs::File>,
}

impl<S: AsyncRead + Unpin> AsyncRead for Tee<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = &polled {
            let fresh = buf.filled()[before..].to_vec();
            self.read_log.write_all(&fresh)?;
        }
        polled
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Tee<S> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, data: &[u8]) -> Poll<std::io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write(cx, data);
        if let Poll::Ready(Ok(n)) = &polled {
            self.write_log.write_all(&data[..*n])?;
        }
        polled
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        self.read_log.flush()?;
        self.write_log.flush()?;
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        self.read_log.flush()?;
        self.write_log.flush()?;
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// Record mode: listeners for the brokers in RELAY_UPSTREAM (`id=host:port,...`), relaying
/// and recording each connection under `dir` (conn-N.req, conn-N.resp) until stdin closes.
/// Prints the bootstrap list on stdout.
fn record(dir: &str) {
    let upstream: Vec<(i32, String)> = std::env::var("RELAY_UPSTREAM")
        .expect("RELAY_UPSTREAM=1=host:port,2=host:port,...")
        .split(',')
        .map(|e| {
            let (id, addr) = e.split_once('=').expect("id=host:port");
            (id.parse().expect("a node id"), addr.to_string())
        })
        .collect();
    std::fs::create_dir_all(dir).unwrap();
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    runtime.block_on(async {
        let mut listeners = Vec::new();
        for (id, addr) in &upstream {
            let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            listeners.push((*id, addr.clone(), l));
        }
        let map = Arc::new(AddressMap::new(
            listeners.iter().map(|(id, _, l)| (*id, "127.0.0.1".to_string(), l.local_addr().unwrap().port())),
        ));
        let bootstrap: Vec<String> = listeners.iter().map(|(_, _, l)| l.local_addr().unwrap().to_string()).collect();
        println!("{}", bootstrap.join(","));
        let counter = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        for (_, addr, listener) in listeners {
            let (map, counter, dir) = (map.clone(), counter.clone(), dir.to_string());
            tokio::spawn(async move {
                loop {
                    let (client, _) = listener.accept().await.unwrap();
                    let broker = tokio::net::TcpStream::connect(&addr).await.unwrap();
                    let n = counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    let file = |ext: &str| {
                        std::io::BufWriter::new(std::fs::File::create(format!("{dir}/conn-{n}.{ext}")).unwrap())
                    };
                    let tee = Tee { inner: broker, read_log: file("resp"), write_log: file("req") };
                    let map = map.clone();
                    tokio::spawn(async move {
                        let mut tee = tee;
                        let _ = relay(client, &mut tee, map).await;
                        let _ = tee.flush().await;
                    });
                }
            });
        }
        // Until the driver closes our stdin.
        let _ = tokio::io::copy(&mut tokio::io::stdin(), &mut tokio::io::sink()).await;
    });
}

/// Splits a recorded byte stream into its size-prefixed frames (a cut-off tail is dropped).
fn frames(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at + 4 <= bytes.len() {
        let size = i32::from_be_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        if at + 4 + size > bytes.len() {
            break;
        }
        out.push(bytes[at..at + 4 + size].to_vec());
        at += 4 + size;
    }
    out
}

/// The recorded exchanges of every connection under `dir`, paired in order, correlation ids
/// renumbered across connections (requests: bytes 8..12 of the frame; responses: 4..8).
fn recorded(dir: &str) -> Vec<(Vec<u8>, Vec<u8>)> {
    let mut conns: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "req"))
        .collect();
    conns.sort();
    let mut once = Vec::new();
    for req_path in conns {
        let reqs = frames(&std::fs::read(&req_path).unwrap());
        let resps = frames(&std::fs::read(req_path.with_extension("resp")).unwrap());
        for (q, r) in reqs.into_iter().zip(resps) {
            if q.len() < 12 || r.len() < 8 || q[8..12] != r[4..8] {
                // acks=0 produce requests have no response: pairing would go astray.
                panic!("{}: a request without its response; record with acks=all", req_path.display());
            }
            once.push((q, r));
        }
    }
    assert!(!once.is_empty(), "no recorded exchanges under {dir}");
    // A round must last long enough to measure: the recording, played REPEAT times (default:
    // as often as it takes to pass 1 GiB).
    let size: usize = once.iter().map(|(q, r)| q.len() + r.len()).sum();
    let repeat =
        std::env::var("RELAY_REPEAT").ok().and_then(|r| r.parse().ok()).unwrap_or((1usize << 30).div_ceil(size));
    let mut exchanges = Vec::with_capacity(once.len() * repeat);
    let mut corr = 0i32;
    for _ in 0..repeat {
        for (q, r) in &once {
            let (mut q, mut r) = (q.clone(), r.clone());
            corr = corr.wrapping_add(1);
            q[8..12].copy_from_slice(&corr.to_be_bytes());
            r[4..8].copy_from_slice(&corr.to_be_bytes());
            exchanges.push((q, r));
        }
    }
    exchanges
}

/// What the traffic holds, by API: (name, exchanges, bytes).
fn census(exchanges: &[(Vec<u8>, Vec<u8>)]) -> Vec<(String, usize, usize)> {
    let mut by_key: std::collections::BTreeMap<i16, (usize, usize)> = Default::default();
    for (q, r) in exchanges {
        let key = i16::from_be_bytes([q[4], q[5]]);
        let e = by_key.entry(key).or_default();
        e.0 += 1;
        e.1 += q.len() + r.len();
    }
    by_key
        .into_iter()
        .map(|(k, (n, b))| {
            let name = ApiKey::try_from(k).map(|k| format!("{k:?}")).unwrap_or_else(|_| format!("key {k}"));
            (name, n, b)
        })
        .collect()
}

fn main() {
    if let Ok(dir) = std::env::var("RELAY_RECORD") {
        return record(&dir);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let source = std::env::var("RELAY_TRAFFIC").ok();
    let exchanges = Arc::new(match &source {
        Some(dir) => recorded(dir),
        None => traffic(),
    });
    match &source {
        Some(dir) => println!("traffic: recorded in {dir}, played until past 1 GiB"),
        None => println!("traffic: synthesised"),
    }
    for (name, n, b) in census(&exchanges) {
        println!("  {name}: {n} exchanges, {:.1} MiB", b as f64 / (1024.0 * 1024.0));
    }
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
