//! A minimal Kafka protocol client for the requests librdkafka does not offer
//! (IncrementalAlterConfigs, DescribeQuorum, DescribeLogDirs): one connection, ApiVersions to
//! agree on a version, then request/response with kafka-protocol's codecs.

use std::collections::HashMap;
use std::time::Duration;

use bytes::{Buf, BytesMut};
use kafka_protocol::messages::{ApiKey, ApiVersionsRequest, ApiVersionsResponse, RequestHeader, ResponseHeader};
use kafka_protocol::protocol::{Decodable, Encodable, Message, StrBytes};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub struct WireClient {
    stream: TcpStream,
    address: String,
    versions: HashMap<i16, (i16, i16)>,
    /// The broker's ApiVersions answer (its features among it).
    api_versions: ApiVersionsResponse,
    correlation: i32,
    timeout: Duration,
}

impl WireClient {
    /// Connects to the first address of a bootstrap list that answers ApiVersions, and learns
    /// its versions. An address that refuses, times out, closes at once or answers with an
    /// error is passed over for the next one (as Kafka clients do), and the last failure is
    /// reported when none answers.
    pub async fn connect(bootstrap: &str, timeout: Duration) -> anyhow::Result<WireClient> {
        let mut last = None;
        for address in bootstrap.split(',').map(str::trim).filter(|a| !a.is_empty()) {
            match tokio::time::timeout(timeout, TcpStream::connect(address)).await {
                Ok(Ok(stream)) => match WireClient::handshake(stream, address, timeout).await {
                    Ok(client) => return Ok(client),
                    Err(err) => last = Some(err),
                },
                Ok(Err(err)) => last = Some(anyhow::anyhow!("connect to {address}: {err}")),
                Err(_) => last = Some(anyhow::anyhow!("connect to {address}: no answer within {timeout:?}")),
            }
        }
        match last {
            // Every address named: the user sees the list they gave, not only the last one.
            Some(err) => Err(err.context(format!("no bootstrap address answered ({bootstrap})"))),
            None => Err(anyhow::anyhow!("no bootstrap address given")),
        }
    }

    async fn handshake(stream: TcpStream, address: &str, timeout: Duration) -> anyhow::Result<WireClient> {
        stream.set_nodelay(true).ok();
        let mut client = WireClient {
            stream,
            address: address.to_string(),
            versions: HashMap::new(),
            api_versions: Default::default(),
            correlation: 0,
            timeout,
        };
        let resp: ApiVersionsResponse = client
            .send_version(
                ApiKey::ApiVersions,
                3,
                &ApiVersionsRequest::default()
                    .with_client_software_name(StrBytes::from("kubectl-kafka"))
                    .with_client_software_version(StrBytes::from(env!("CARGO_PKG_VERSION"))),
            )
            .await
            .map_err(|err| anyhow::anyhow!("ApiVersions to {address}: {err:#}"))?;
        if resp.error_code != 0 {
            anyhow::bail!("ApiVersions to {address}: error code {}", resp.error_code);
        }
        client.versions = resp.api_keys.iter().map(|k| (k.api_key, (k.min_version, k.max_version))).collect();
        client.api_versions = resp;
        Ok(client)
    }

    /// The broker's ApiVersions answer (the feature versions it supports and the cluster's
    /// finalized ones are in it).
    pub fn api_versions(&self) -> &ApiVersionsResponse {
        &self.api_versions
    }

    /// The highest version both sides speak.
    pub fn version<M: Message>(&self, key: ApiKey) -> anyhow::Result<i16> {
        let (min, max) = self
            .versions
            .get(&(key as i16))
            .copied()
            .ok_or_else(|| anyhow::anyhow!("broker {} does not support {key:?}", self.address))?;
        let ours = M::VERSIONS;
        let v = max.min(ours.max);
        if v < min.max(ours.min) {
            anyhow::bail!(
                "broker {} speaks {key:?} v{min}-{max}, this client v{}-{}",
                self.address,
                ours.min,
                ours.max
            );
        }
        Ok(v)
    }

    /// Sends a request at the best common version.
    pub async fn send<Req, Resp>(&mut self, key: ApiKey, req: &Req) -> anyhow::Result<Resp>
    where
        Req: Encodable + Message,
        Resp: Decodable,
    {
        let version = self.version::<Req>(key)?;
        self.send_version(key, version, req).await
    }

    pub async fn send_version<Req: Encodable, Resp: Decodable>(
        &mut self,
        key: ApiKey,
        version: i16,
        req: &Req,
    ) -> anyhow::Result<Resp> {
        self.correlation += 1;
        let header = RequestHeader::default()
            .with_request_api_key(key as i16)
            .with_request_api_version(version)
            .with_correlation_id(self.correlation)
            .with_client_id(Some(StrBytes::from("kubectl-kafka")));
        let mut buf = BytesMut::new();
        buf.extend_from_slice(&[0; 4]);
        header.encode(&mut buf, key.request_header_version(version))?;
        req.encode(&mut buf, version)?;
        let len = (buf.len() - 4) as i32;
        buf[..4].copy_from_slice(&len.to_be_bytes());
        let address = self.address.clone();
        let exchange = async {
            self.stream.write_all(&buf).await?;
            let size = self.stream.read_i32().await?;
            let mut body = vec![0u8; size.max(0) as usize];
            self.stream.read_exact(&mut body).await?;
            Ok::<_, std::io::Error>(body)
        };
        let body = tokio::time::timeout(self.timeout, exchange)
            .await
            .map_err(|_| anyhow::anyhow!("{key:?} to {address}: no answer within {:?}", self.timeout))?
            .map_err(|err| anyhow::anyhow!("{key:?} to {address}: {err}"))?;
        let mut bytes = bytes::Bytes::from(body);
        let header = ResponseHeader::decode(&mut bytes, key.response_header_version(version))?;
        if header.correlation_id != self.correlation {
            anyhow::bail!(
                "{key:?} to {address}: answer to request {} instead of {}",
                header.correlation_id,
                self.correlation
            );
        }
        let resp = Resp::decode(&mut bytes, version)?;
        if bytes.has_remaining() {
            tracing::debug!("{key:?} v{version}: {} bytes left after decoding", bytes.remaining());
        }
        Ok(resp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_protocol::messages::api_versions_response::ApiVersion;
    use tokio::net::TcpListener;

    /// A broker that answers one ApiVersions request (Metadata v0-12 supported).
    async fn answering_broker() -> String {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap().to_string();
        tokio::spawn(async move {
            let (mut stream, _) = listener.accept().await.unwrap();
            let size = stream.read_i32().await.unwrap();
            let mut body = vec![0u8; size as usize];
            stream.read_exact(&mut body).await.unwrap();
            let mut bytes = bytes::Bytes::from(body);
            let header = RequestHeader::decode(&mut bytes, ApiKey::ApiVersions.request_header_version(3)).unwrap();
            let mut out = BytesMut::new();
            out.extend_from_slice(&[0; 4]);
            ResponseHeader::default().with_correlation_id(header.correlation_id).encode(&mut out, 0).unwrap();
            ApiVersionsResponse::default()
                .with_api_keys(vec![ApiVersion::default().with_api_key(3).with_min_version(0).with_max_version(12)])
                .encode(&mut out, 3)
                .unwrap();
            let len = (out.len() - 4) as i32;
            out[..4].copy_from_slice(&len.to_be_bytes());
            stream.write_all(&out).await.unwrap();
            let _ = stream.read_u8().await;
        });
        address
    }

    /// An address that accepts the connection and closes it at once.
    async fn closing_address() -> String {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap().to_string();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                drop(stream);
            }
        });
        address
    }

    #[tokio::test]
    async fn a_bootstrap_address_that_closes_at_once_is_passed_over() {
        let closing = closing_address().await;
        let good = answering_broker().await;
        let client = WireClient::connect(&format!("{closing},{good}"), Duration::from_secs(5)).await.unwrap();
        assert_eq!(client.address, good);
        assert_eq!(client.versions.get(&3), Some(&(0, 12)));
    }

    #[tokio::test]
    async fn when_no_address_answers_the_last_failure_is_named() {
        let closing = closing_address().await;
        let err = WireClient::connect(&closing, Duration::from_secs(5)).await.err().unwrap();
        assert!(format!("{err:#}").contains(&format!("ApiVersions to {closing}")), "{err:#}");
    }
}
