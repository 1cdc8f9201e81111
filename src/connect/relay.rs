//! The Kafka-protocol relay between a local client and a broker reached through a tunnel.
//!
//! A Kafka client bootstraps, then connects to the addresses brokers advertise (here
//! `kafka-N:9092`, which resolve only inside the cluster). The relay frames the byte stream
//! (4-byte length + message), remembers which API and version each request used, and in the
//! responses that carry broker addresses replaces each broker's host and port by the local
//! listener that tunnels to that broker. Every other frame passes through byte for byte.
//!
//! Rewritten responses: Metadata, FindCoordinator and DescribeCluster (all versions), Produce
//! v10+ and Fetch v16+ (KIP-951 node endpoints), ShareFetch and ShareAcknowledge. Decoding and
//! encoding use the kafka-protocol crate; a response whose addresses need no change is
//! forwarded as received, never re-encoded. DescribeQuorum's node listeners are controller
//! endpoints, which the relay does not front, so they are left alone.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use bytes::{Bytes, BytesMut};
use kafka_protocol::messages::{
    ApiKey, DescribeClusterResponse, FetchResponse, FindCoordinatorResponse, MetadataResponse, ProduceResponse,
    ResponseHeader, ShareAcknowledgeResponse, ShareFetchResponse,
};
use kafka_protocol::protocol::{Decodable, Encodable, StrBytes};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader, BufWriter};

/// Frames larger than this are refused (Kafka's own default socket.request.max.bytes is
/// 100 MiB; fetch responses stay under fetch.max.bytes).
pub const MAX_FRAME: usize = 512 * 1024 * 1024;
const BUFFER: usize = 64 * 1024;

/// Where clients must connect for each broker node id: the local listener's host and port.
#[derive(Debug, Clone, Default)]
pub struct AddressMap {
    by_node: HashMap<i32, (StrBytes, u16)>,
}

impl AddressMap {
    pub fn new(entries: impl IntoIterator<Item = (i32, String, u16)>) -> AddressMap {
        AddressMap { by_node: entries.into_iter().map(|(id, host, port)| (id, (StrBytes::from(host), port))).collect() }
    }

    /// Rewrites one advertised address in place; true when it changed.
    fn apply(&self, node_id: i32, host: &mut StrBytes, port: &mut i32) -> bool {
        match self.by_node.get(&node_id) {
            Some((new_host, new_port)) if (*host != *new_host || *port != i32::from(*new_port)) => {
                *host = new_host.clone();
                *port = i32::from(*new_port);
                true
            }
            _ => false,
        }
    }
}

/// Whether a response of this API and version may carry broker addresses.
pub fn carries_addresses(api_key: i16, version: i16) -> bool {
    match ApiKey::try_from(api_key) {
        Ok(ApiKey::Metadata | ApiKey::FindCoordinator | ApiKey::DescribeCluster) => true,
        Ok(ApiKey::Produce) => version >= 10,
        Ok(ApiKey::Fetch) => version >= 16,
        Ok(ApiKey::ShareFetch | ApiKey::ShareAcknowledge) => true,
        _ => false,
    }
}

/// Rewrites the broker addresses in one response message (header + body, without the length
/// prefix). Returns `None` when nothing needed to change, so the original bytes can go on.
pub fn rewrite_response(api_key: i16, version: i16, message: Bytes, map: &AddressMap) -> anyhow::Result<Option<Bytes>> {
    if !carries_addresses(api_key, version) {
        return Ok(None);
    }
    let key = ApiKey::try_from(api_key).map_err(|()| anyhow::anyhow!("unknown API key {api_key}"))?;
    let header_version = key.response_header_version(version);
    let mut buf = message;
    let header = ResponseHeader::decode(&mut buf, header_version)?;

    macro_rules! rewrite_with {
        ($ty:ty, $fix:expr) => {{
            let mut body = <$ty>::decode(&mut buf, version)?;
            let fix: fn(&mut $ty, &AddressMap) -> bool = $fix;
            if !fix(&mut body, map) {
                return Ok(None);
            }
            let size = header.compute_size(header_version)? + body.compute_size(version)?;
            let mut out = BytesMut::with_capacity(size);
            header.encode(&mut out, header_version)?;
            body.encode(&mut out, version)?;
            Ok(Some(out.freeze()))
        }};
    }

    match key {
        ApiKey::Metadata => rewrite_with!(MetadataResponse, |r, m| {
            r.brokers.iter_mut().fold(false, |changed, b| m.apply(b.node_id.0, &mut b.host, &mut b.port) | changed)
        }),
        ApiKey::FindCoordinator => rewrite_with!(FindCoordinatorResponse, |r, m| {
            // v0-3 carry one coordinator at the top level; v4+ a list (batched lookups).
            let mut changed = r.node_id.0 >= 0 && m.apply(r.node_id.0, &mut r.host, &mut r.port);
            for c in &mut r.coordinators {
                changed |= c.node_id.0 >= 0 && m.apply(c.node_id.0, &mut c.host, &mut c.port);
            }
            changed
        }),
        ApiKey::DescribeCluster => rewrite_with!(DescribeClusterResponse, |r, m| {
            r.brokers.iter_mut().fold(false, |changed, b| m.apply(b.broker_id.0, &mut b.host, &mut b.port) | changed)
        }),
        ApiKey::Produce => rewrite_with!(ProduceResponse, |r, m| {
            r.node_endpoints
                .iter_mut()
                .fold(false, |changed, e| m.apply(e.node_id.0, &mut e.host, &mut e.port) | changed)
        }),
        ApiKey::Fetch => rewrite_with!(FetchResponse, |r, m| {
            r.node_endpoints
                .iter_mut()
                .fold(false, |changed, e| m.apply(e.node_id.0, &mut e.host, &mut e.port) | changed)
        }),
        ApiKey::ShareFetch => rewrite_with!(ShareFetchResponse, |r, m| {
            r.node_endpoints
                .iter_mut()
                .fold(false, |changed, e| m.apply(e.node_id.0, &mut e.host, &mut e.port) | changed)
        }),
        ApiKey::ShareAcknowledge => rewrite_with!(ShareAcknowledgeResponse, |r, m| {
            r.node_endpoints
                .iter_mut()
                .fold(false, |changed, e| m.apply(e.node_id.0, &mut e.host, &mut e.port) | changed)
        }),
        _ => Ok(None),
    }
}

/// The requests sent and not yet answered, in order: (correlation id, api key, version).
/// Kafka answers in request order on a connection; a request that gets no answer (Produce
/// with acks=0) is skipped over when a later one is answered.
#[derive(Debug, Default)]
struct InFlight {
    queue: VecDeque<(i32, i16, i16)>,
}

impl InFlight {
    fn answer(&mut self, correlation_id: i32) -> Option<(i16, i16)> {
        let at = self.queue.iter().position(|(id, _, _)| *id == correlation_id)?;
        let (_, key, version) = self.queue.drain(..=at).next_back()?;
        Some((key, version))
    }
}

/// What a relayed connection carried.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RelayStats {
    pub requests: u64,
    pub responses: u64,
    pub rewritten: u64,
    pub bytes_up: u64,
    pub bytes_down: u64,
}

/// Relays one client connection to one broker stream until either side closes.
pub async fn relay<C, B>(client: C, broker: B, map: Arc<AddressMap>) -> std::io::Result<RelayStats>
where
    C: AsyncRead + AsyncWrite + Unpin,
    B: AsyncRead + AsyncWrite + Unpin,
{
    let (client_rd, client_wr) = tokio::io::split(client);
    let (broker_rd, broker_wr) = tokio::io::split(broker);
    let inflight = Arc::new(Mutex::new(InFlight::default()));
    let up = pump_requests(client_rd, broker_wr, inflight.clone());
    let down = pump_responses(broker_rd, client_wr, inflight, map);
    // Either side closing ends the connection, as a plain TCP proxy would.
    let (up, down) = tokio::select! {
        up = up => (up?, None),
        down = down => (Default::default(), Some(down?)),
    };
    let down = down.unwrap_or_default();
    Ok(RelayStats { requests: up.0, bytes_up: up.1, responses: down.0, rewritten: down.1, bytes_down: down.2 })
}

/// Reads one frame's 4-byte length; `None` at a clean end of stream.
async fn read_length<R: AsyncRead + Unpin>(rd: &mut R) -> std::io::Result<Option<usize>> {
    let mut len = [0u8; 4];
    match rd.read_exact(&mut len).await {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let size = i32::from_be_bytes(len);
    if size < 0 || size as usize > MAX_FRAME {
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, format!("Kafka frame of {size} bytes")));
    }
    Ok(Some(size as usize))
}

/// Copies `len` bytes from `rd` to `wr` through a small buffer, without holding the frame.
async fn copy_exact<R, W>(rd: &mut R, wr: &mut W, mut len: usize, scratch: &mut [u8]) -> std::io::Result<()>
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    while len > 0 {
        let want = len.min(scratch.len());
        let n = rd.read(&mut scratch[..want]).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        wr.write_all(&scratch[..n]).await?;
        len -= n;
    }
    Ok(())
}

async fn pump_requests<R, W>(rd: R, wr: W, inflight: Arc<Mutex<InFlight>>) -> std::io::Result<(u64, u64)>
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut rd = BufReader::with_capacity(BUFFER, rd);
    let mut wr = BufWriter::with_capacity(BUFFER, wr);
    let mut scratch = vec![0u8; BUFFER];
    let (mut frames, mut bytes) = (0u64, 0u64);
    while let Some(size) = read_length(&mut rd).await? {
        // Request header: api key (i16), api version (i16), correlation id (i32).
        let mut head = [0u8; 8];
        let head_len = size.min(8);
        rd.read_exact(&mut head[..head_len]).await?;
        if head_len == 8 {
            let key = i16::from_be_bytes([head[0], head[1]]);
            let version = i16::from_be_bytes([head[2], head[3]]);
            let correlation = i32::from_be_bytes([head[4], head[5], head[6], head[7]]);
            inflight.lock().expect("inflight lock").queue.push_back((correlation, key, version));
        }
        wr.write_all(&(size as i32).to_be_bytes()).await?;
        wr.write_all(&head[..head_len]).await?;
        copy_exact(&mut rd, &mut wr, size - head_len, &mut scratch).await?;
        frames += 1;
        bytes += 4 + size as u64;
        if rd.buffer().is_empty() {
            wr.flush().await?;
        }
    }
    wr.flush().await?;
    wr.shutdown().await.ok();
    Ok((frames, bytes))
}

async fn pump_responses<R, W>(
    rd: R,
    wr: W,
    inflight: Arc<Mutex<InFlight>>,
    map: Arc<AddressMap>,
) -> std::io::Result<(u64, u64, u64)>
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut rd = BufReader::with_capacity(BUFFER, rd);
    let mut wr = BufWriter::with_capacity(BUFFER, wr);
    let mut scratch = vec![0u8; BUFFER];
    let (mut frames, mut rewritten, mut bytes) = (0u64, 0u64, 0u64);
    while let Some(size) = read_length(&mut rd).await? {
        let mut corr = [0u8; 4];
        let head_len = size.min(4);
        rd.read_exact(&mut corr[..head_len]).await?;
        let api =
            if head_len == 4 { inflight.lock().expect("inflight lock").answer(i32::from_be_bytes(corr)) } else { None };
        match api.filter(|(key, version)| carries_addresses(*key, *version)) {
            Some((key, version)) => {
                let mut message = BytesMut::with_capacity(size);
                message.extend_from_slice(&corr);
                message.resize(size, 0);
                rd.read_exact(&mut message[4..]).await?;
                let message = message.freeze();
                let out = match rewrite_response(key, version, message.clone(), &map) {
                    Ok(Some(new)) => {
                        rewritten += 1;
                        new
                    }
                    Ok(None) => message,
                    Err(err) => {
                        tracing::warn!(
                            "relay: cannot decode a response (api key {key} v{version}): {err:#}; passing it on"
                        );
                        message
                    }
                };
                wr.write_all(&(out.len() as i32).to_be_bytes()).await?;
                wr.write_all(&out).await?;
                bytes += 4 + out.len() as u64;
            }
            None => {
                wr.write_all(&(size as i32).to_be_bytes()).await?;
                wr.write_all(&corr[..head_len]).await?;
                copy_exact(&mut rd, &mut wr, size - head_len, &mut scratch).await?;
                bytes += 4 + size as u64;
            }
        }
        frames += 1;
        if rd.buffer().is_empty() {
            wr.flush().await?;
        }
    }
    wr.flush().await?;
    wr.shutdown().await.ok();
    Ok((frames, rewritten, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_protocol::messages::{
        BrokerId, describe_cluster_response::DescribeClusterBroker, fetch_response,
        find_coordinator_response::Coordinator, metadata_response::MetadataResponseBroker, produce_response,
    };
    use kafka_protocol::protocol::Message;

    fn map() -> AddressMap {
        AddressMap::new([(1, "127.0.0.1".to_string(), 40001), (2, "127.0.0.1".to_string(), 40002)])
    }

    fn message<T: Encodable>(key: ApiKey, version: i16, body: &T) -> Bytes {
        let hv = key.response_header_version(version);
        let mut out = BytesMut::new();
        ResponseHeader::default().with_correlation_id(42).encode(&mut out, hv).unwrap();
        body.encode(&mut out, version).unwrap();
        out.freeze()
    }

    fn decode<T: Decodable>(key: ApiKey, version: i16, mut bytes: Bytes) -> T {
        let header = ResponseHeader::decode(&mut bytes, key.response_header_version(version)).unwrap();
        assert_eq!(header.correlation_id, 42);
        let body = T::decode(&mut bytes, version).unwrap();
        assert!(bytes.is_empty(), "trailing bytes after decode");
        body
    }

    fn versions<T: Message>() -> std::ops::RangeInclusive<i16> {
        T::VERSIONS.min..=T::VERSIONS.max
    }

    #[test]
    fn metadata_every_version() {
        for v in versions::<MetadataResponse>() {
            let brokers = (1..=3)
                .map(|n| {
                    MetadataResponseBroker::default()
                        .with_node_id(BrokerId(n))
                        .with_host(StrBytes::from(format!("kafka-{n}")))
                        .with_port(9092)
                })
                .collect();
            let resp = MetadataResponse::default().with_brokers(brokers);
            let mut expected = resp.clone();
            let out = rewrite_response(3, v, message(ApiKey::Metadata, v, &resp), &map()).unwrap().expect("rewritten");
            let got: MetadataResponse = decode(ApiKey::Metadata, v, out);
            expected.brokers[0].host = StrBytes::from("127.0.0.1");
            expected.brokers[0].port = 40001;
            expected.brokers[1].host = StrBytes::from("127.0.0.1");
            expected.brokers[1].port = 40002;
            // Node 3 has no local listener: left as advertised.
            assert_eq!(got, expected, "Metadata v{v}");
        }
    }

    #[test]
    fn find_coordinator_every_version() {
        for v in versions::<FindCoordinatorResponse>() {
            let resp = if v < 4 {
                FindCoordinatorResponse::default().with_node_id(BrokerId(2)).with_host("kafka-2".into()).with_port(9092)
            } else {
                FindCoordinatorResponse::default().with_coordinators(vec![
                    Coordinator::default().with_node_id(BrokerId(1)).with_host("kafka-1".into()).with_port(9092),
                ])
            };
            let out = rewrite_response(10, v, message(ApiKey::FindCoordinator, v, &resp), &map()).unwrap().unwrap();
            let got: FindCoordinatorResponse = decode(ApiKey::FindCoordinator, v, out);
            if v < 4 {
                assert_eq!((got.host.as_str(), got.port), ("127.0.0.1", 40002), "v{v}");
            } else {
                assert_eq!((got.coordinators[0].host.as_str(), got.coordinators[0].port), ("127.0.0.1", 40001), "v{v}");
            }
        }
    }

    #[test]
    fn coordinator_not_available_is_left_alone() {
        let resp = FindCoordinatorResponse::default().with_error_code(15).with_node_id(BrokerId(-1)).with_port(-1);
        assert!(rewrite_response(10, 3, message(ApiKey::FindCoordinator, 3, &resp), &map()).unwrap().is_none());
    }

    #[test]
    fn describe_cluster_every_version() {
        for v in versions::<DescribeClusterResponse>() {
            let resp = DescribeClusterResponse::default().with_brokers(vec![
                DescribeClusterBroker::default()
                    .with_broker_id(BrokerId(2))
                    .with_host("kafka-2".into())
                    .with_port(9092),
            ]);
            let out = rewrite_response(60, v, message(ApiKey::DescribeCluster, v, &resp), &map()).unwrap().unwrap();
            let got: DescribeClusterResponse = decode(ApiKey::DescribeCluster, v, out);
            assert_eq!((got.brokers[0].host.as_str(), got.brokers[0].port), ("127.0.0.1", 40002), "v{v}");
        }
    }

    #[test]
    fn produce_and_fetch_node_endpoints() {
        for v in 10..=ProduceResponse::VERSIONS.max {
            let resp = ProduceResponse::default().with_node_endpoints(vec![
                produce_response::NodeEndpoint::default()
                    .with_node_id(BrokerId(1))
                    .with_host("kafka-1".into())
                    .with_port(9092),
            ]);
            let out = rewrite_response(0, v, message(ApiKey::Produce, v, &resp), &map()).unwrap().unwrap();
            let got: ProduceResponse = decode(ApiKey::Produce, v, out);
            assert_eq!(got.node_endpoints[0].port, 40001, "Produce v{v}");
        }
        for v in 16..=FetchResponse::VERSIONS.max {
            let resp = FetchResponse::default().with_node_endpoints(vec![
                fetch_response::NodeEndpoint::default()
                    .with_node_id(BrokerId(2))
                    .with_host("kafka-2".into())
                    .with_port(9092),
            ]);
            let out = rewrite_response(1, v, message(ApiKey::Fetch, v, &resp), &map()).unwrap().unwrap();
            let got: FetchResponse = decode(ApiKey::Fetch, v, out);
            assert_eq!(got.node_endpoints[0].port, 40002, "Fetch v{v}");
        }
        // Without node endpoints (the usual case) nothing is re-encoded.
        let plain = FetchResponse::default();
        assert!(rewrite_response(1, 16, message(ApiKey::Fetch, 16, &plain), &map()).unwrap().is_none());
        assert!(!carries_addresses(1, 15));
        assert!(!carries_addresses(0, 9));
    }

    #[test]
    fn share_fetch_and_acknowledge_node_endpoints() {
        use kafka_protocol::messages::{share_acknowledge_response, share_fetch_response};
        for v in versions::<ShareFetchResponse>() {
            let resp = ShareFetchResponse::default().with_node_endpoints(vec![
                share_fetch_response::NodeEndpoint::default()
                    .with_node_id(BrokerId(1))
                    .with_host("kafka-1".into())
                    .with_port(9092),
            ]);
            let out = rewrite_response(78, v, message(ApiKey::ShareFetch, v, &resp), &map()).unwrap().unwrap();
            let got: ShareFetchResponse = decode(ApiKey::ShareFetch, v, out);
            assert_eq!((got.node_endpoints[0].host.as_str(), got.node_endpoints[0].port), ("127.0.0.1", 40001), "v{v}");
        }
        for v in versions::<ShareAcknowledgeResponse>() {
            let resp = ShareAcknowledgeResponse::default().with_node_endpoints(vec![
                share_acknowledge_response::NodeEndpoint::default()
                    .with_node_id(BrokerId(2))
                    .with_host("kafka-2".into())
                    .with_port(9092),
            ]);
            let out = rewrite_response(79, v, message(ApiKey::ShareAcknowledge, v, &resp), &map()).unwrap().unwrap();
            let got: ShareAcknowledgeResponse = decode(ApiKey::ShareAcknowledge, v, out);
            assert_eq!(got.node_endpoints[0].port, 40002, "v{v}");
        }
    }

    #[test]
    fn unknown_and_other_api_keys_are_not_touched() {
        assert!(!carries_addresses(18, 3)); // ApiVersions
        assert!(!carries_addresses(9999, 0));
        let junk = Bytes::from_static(b"\x00\x00\x00\x2a not a response");
        assert!(rewrite_response(9999, 0, junk.clone(), &map()).unwrap().is_none());
        assert!(rewrite_response(18, 3, junk, &map()).unwrap().is_none());
    }

    #[test]
    fn inflight_skips_unanswered_requests() {
        let mut f = InFlight::default();
        f.queue.extend([(1, 0, 9), (2, 3, 12), (3, 1, 16)]);
        // Request 1 (acks=0 produce) never gets an answer; 2 is answered next.
        assert_eq!(f.answer(2), Some((3, 12)));
        assert_eq!(f.answer(3), Some((1, 16)));
        assert_eq!(f.answer(4), None);
    }

    fn frame(payload: &[u8]) -> Vec<u8> {
        let mut out = (payload.len() as i32).to_be_bytes().to_vec();
        out.extend_from_slice(payload);
        out
    }

    fn request(key: i16, version: i16, correlation: i32, rest: &[u8]) -> Vec<u8> {
        let mut p = Vec::new();
        p.extend_from_slice(&key.to_be_bytes());
        p.extend_from_slice(&version.to_be_bytes());
        p.extend_from_slice(&correlation.to_be_bytes());
        p.extend_from_slice(rest);
        frame(&p)
    }

    /// Runs the relay between in-memory pipes; `script` writes requests in the given chunks
    /// and answers each with the given responses, returning what the client received.
    async fn through_relay(client_chunks: Vec<Vec<u8>>, broker_reply: Vec<u8>, expect_up: usize) -> (Vec<u8>, Vec<u8>) {
        let (client_side, relay_client) = tokio::io::duplex(1 << 20);
        let (relay_broker, broker_side) = tokio::io::duplex(1 << 20);
        let relay = tokio::spawn(relay(relay_client, relay_broker, Arc::new(map())));
        let (mut broker_rd, mut broker_wr) = tokio::io::split(broker_side);
        let (mut client_rd, mut client_wr) = tokio::io::split(client_side);
        for chunk in client_chunks {
            client_wr.write_all(&chunk).await.unwrap();
            client_wr.flush().await.unwrap();
            tokio::task::yield_now().await;
        }
        let mut up = vec![0u8; expect_up];
        broker_rd.read_exact(&mut up).await.unwrap();
        broker_wr.write_all(&broker_reply).await.unwrap();
        drop(broker_wr);
        drop(broker_rd);
        let mut down = Vec::new();
        client_rd.read_to_end(&mut down).await.unwrap();
        drop(client_wr);
        relay.await.unwrap().ok();
        (up, down)
    }

    #[tokio::test]
    async fn frames_survive_split_and_coalesced_reads() {
        let r1 = request(18, 3, 1, b"apiversions body");
        let r2 = request(3, 12, 2, b"metadata body");
        let r3 = request(9999, 0, 3, b"unknown api");
        let all: Vec<u8> = [r1.clone(), r2.clone(), r3.clone()].concat();
        // Split at every awkward place: inside the length, inside the header, inside a body.
        let chunks = vec![all[..2].to_vec(), all[2..7].to_vec(), all[7..30].to_vec(), all[30..].to_vec()];
        let meta = MetadataResponse::default().with_brokers(vec![
            MetadataResponseBroker::default().with_node_id(BrokerId(1)).with_host("kafka-1".into()).with_port(9092),
        ]);
        let mut meta_msg = BytesMut::new();
        ResponseHeader::default().with_correlation_id(2).encode(&mut meta_msg, 1).unwrap();
        meta.encode(&mut meta_msg, 12).unwrap();
        let a1 = frame(b"\x00\x00\x00\x01apiversions reply");
        let a2 = frame(&meta_msg);
        let a3 = frame(b"\x00\x00\x00\x03unknown reply");
        let reply = [a1.clone(), a2, a3.clone()].concat(); // coalesced in one write
        let (up, down) = through_relay(chunks, reply, all.len()).await;
        assert_eq!(up, all, "requests pass through byte for byte");
        assert_eq!(&down[..a1.len()], &a1[..], "ApiVersions untouched");
        assert_eq!(&down[down.len() - a3.len()..], &a3[..], "unknown API untouched");
        let middle = &down[a1.len()..down.len() - a3.len()];
        let got: MetadataResponse = {
            let mut b = Bytes::copy_from_slice(&middle[4..]);
            let h = ResponseHeader::decode(&mut b, 1).unwrap();
            assert_eq!(h.correlation_id, 2);
            MetadataResponse::decode(&mut b, 12).unwrap()
        };
        assert_eq!((got.brokers[0].host.as_str(), got.brokers[0].port), ("127.0.0.1", 40001));
    }
}
