//! Log-dir usage per broker (DescribeLogDirs, which each broker answers for itself).

use std::collections::BTreeMap;

use kafka_protocol::messages::{ApiKey, DescribeLogDirsRequest, DescribeLogDirsResponse};
use serde::Serialize;

use super::KafkaOptions;
use super::wire::WireClient;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LogDirUsage {
    pub node_id: i32,
    pub log_dir: String,
    /// Bytes of partition data, by topic.
    pub by_topic: BTreeMap<String, i64>,
    pub total: i64,
    /// The volume's size and free space, as the broker reports them (DescribeLogDirs v4+);
    /// None where it does not (older brokers, and kafka-log-dirs.sh, which does not print them).
    pub volume_total: Option<i64>,
    pub volume_usable: Option<i64>,
}

pub fn usage_from(node_id: i32, resp: &DescribeLogDirsResponse) -> Vec<LogDirUsage> {
    resp.results
        .iter()
        .filter(|r| r.error_code == 0)
        .map(|r| {
            let mut by_topic = BTreeMap::new();
            for t in &r.topics {
                let bytes: i64 = t.partitions.iter().filter(|p| !p.is_future_key).map(|p| p.partition_size).sum();
                *by_topic.entry(t.name.to_string()).or_insert(0) += bytes;
            }
            LogDirUsage {
                node_id,
                log_dir: r.log_dir.to_string(),
                total: by_topic.values().sum(),
                by_topic,
                volume_total: Some(r.total_bytes).filter(|b| *b >= 0),
                volume_usable: Some(r.usable_bytes).filter(|b| *b >= 0),
            }
        })
        .collect()
}

/// Log-dir usage from `kafka-log-dirs.sh --describe` (its JSON line: brokers, each with
/// logDirs of partitions `topic-N` and their size), for the exec transport; that tool does not
/// report the volume's size (None here). Keyed by node id.
pub fn usage_from_tool(output: &str) -> anyhow::Result<BTreeMap<i32, Vec<LogDirUsage>>> {
    let line = output
        .lines()
        .find(|l| l.trim_start().starts_with('{'))
        .ok_or_else(|| anyhow::anyhow!("kafka-log-dirs.sh printed no JSON"))?;
    let doc: serde_json::Value = serde_json::from_str(line)?;
    let mut out = BTreeMap::new();
    for b in doc["brokers"].as_array().into_iter().flatten() {
        let node_id = b["broker"].as_i64().ok_or_else(|| anyhow::anyhow!("a broker without an id"))? as i32;
        let mut dirs = Vec::new();
        for d in b["logDirs"].as_array().into_iter().flatten().filter(|d| d["error"].is_null()) {
            let mut by_topic = BTreeMap::new();
            for p in d["partitions"].as_array().into_iter().flatten().filter(|p| p["isFuture"] != true) {
                let name = p["partition"].as_str().unwrap_or_default();
                // "topic-N": the topic is everything before the last '-'.
                let topic = name.rsplit_once('-').map_or(name, |(t, _)| t);
                *by_topic.entry(topic.to_string()).or_insert(0) += p["size"].as_i64().unwrap_or(0);
            }
            dirs.push(LogDirUsage {
                node_id,
                log_dir: d["logDir"].as_str().unwrap_or_default().to_string(),
                total: by_topic.values().sum(),
                by_topic,
                volume_total: None,
                volume_usable: None,
            });
        }
        out.insert(node_id, dirs);
    }
    Ok(out)
}

/// Asks one broker (at `address`) about its own log dirs.
pub async fn describe_log_dirs(opts: &KafkaOptions, node_id: i32, address: &str) -> anyhow::Result<Vec<LogDirUsage>> {
    let mut client = WireClient::connect(address, opts.timeout).await?;
    let resp: DescribeLogDirsResponse =
        client.send(ApiKey::DescribeLogDirs, &DescribeLogDirsRequest::default().with_topics(None)).await?;
    if resp.error_code != 0 {
        anyhow::bail!("DescribeLogDirs to broker {node_id}: error code {}", resp.error_code);
    }
    Ok(usage_from(node_id, &resp))
}

/// Each partition's size on one broker (at `address`), as it answers for itself; future
/// replicas (an intra-broker move) left out.
pub async fn partition_sizes(opts: &KafkaOptions, address: &str) -> anyhow::Result<BTreeMap<(String, i32), i64>> {
    let mut client = WireClient::connect(address, opts.timeout).await?;
    let resp: DescribeLogDirsResponse =
        client.send(ApiKey::DescribeLogDirs, &DescribeLogDirsRequest::default().with_topics(None)).await?;
    let mut sizes = BTreeMap::new();
    for r in resp.results.iter().filter(|r| r.error_code == 0) {
        for t in &r.topics {
            for p in t.partitions.iter().filter(|p| !p.is_future_key) {
                sizes.insert((t.name.to_string(), p.partition_index), p.partition_size);
            }
        }
    }
    Ok(sizes)
}

/// Bytes in a Kubernetes quantity (`10Gi`, `500M`, `1e9`).
pub fn parse_quantity(q: &str) -> Option<i64> {
    let q = q.trim();
    let split = q.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(q.len());
    let (number, suffix) = q.split_at(split);
    let value: f64 = number.parse().ok()?;
    let scale: f64 = match suffix {
        "" => 1.0,
        "Ki" => 1024.0,
        "Mi" => 1024f64.powi(2),
        "Gi" => 1024f64.powi(3),
        "Ti" => 1024f64.powi(4),
        "Pi" => 1024f64.powi(5),
        "k" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "P" => 1e15,
        "m" => 1e-3,
        _ if suffix.starts_with('e') => 10f64.powi(suffix[1..].parse().ok()?),
        _ => return None,
    };
    Some((value * scale) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_protocol::messages::describe_log_dirs_response::{
        DescribeLogDirsPartition, DescribeLogDirsResult, DescribeLogDirsTopic,
    };
    use kafka_protocol::protocol::StrBytes;

    #[test]
    fn quantities() {
        assert_eq!(parse_quantity("10Gi"), Some(10 * 1024 * 1024 * 1024));
        assert_eq!(parse_quantity("500M"), Some(500_000_000));
        assert_eq!(parse_quantity("1024"), Some(1024));
        assert_eq!(parse_quantity("1e3"), Some(1000));
        assert_eq!(parse_quantity("lots"), None);
    }

    #[test]
    fn bytes_by_topic_without_future_replicas() {
        let part = |i, size, future| {
            DescribeLogDirsPartition::default()
                .with_partition_index(i)
                .with_partition_size(size)
                .with_is_future_key(future)
        };
        let resp = DescribeLogDirsResponse::default().with_results(vec![
            DescribeLogDirsResult::default()
                .with_log_dir(StrBytes::from("/var/lib/kafka/data"))
                .with_total_bytes(1000)
                .with_usable_bytes(400)
                .with_topics(vec![
                    DescribeLogDirsTopic::default()
                        .with_name(StrBytes::from("a").into())
                        .with_partitions(vec![part(0, 10, false), part(1, 5, false)]),
                    DescribeLogDirsTopic::default()
                        .with_name(StrBytes::from("b").into())
                        .with_partitions(vec![part(0, 7, false), part(0, 99, true)]),
                ]),
        ]);
        let u = usage_from(2, &resp);
        assert_eq!(u[0].by_topic, [("a".to_string(), 15), ("b".to_string(), 7)].into());
        assert_eq!((u[0].total, u[0].volume_total, u[0].volume_usable), (22, Some(1000), Some(400)));
    }

    #[test]
    fn the_log_dirs_tool_is_read() {
        let out = "Querying brokers for log directories information\nReceived log directory information from brokers 1,2\n\
            {\"brokers\":[{\"broker\":1,\"logDirs\":[{\"partitions\":[\
            {\"partition\":\"orders-0\",\"size\":100,\"offsetLag\":0,\"isFuture\":false},\
            {\"partition\":\"orders-1\",\"size\":50,\"offsetLag\":0,\"isFuture\":false},\
            {\"partition\":\"my-topic-2\",\"size\":7,\"offsetLag\":0,\"isFuture\":false},\
            {\"partition\":\"orders-2\",\"size\":999,\"offsetLag\":0,\"isFuture\":true}],\
            \"error\":null,\"logDir\":\"/var/lib/kafka/data\"}]},{\"broker\":2,\"logDirs\":[]}],\"version\":1}\n";
        let usage = usage_from_tool(out).unwrap();
        let one = &usage[&1][0];
        assert_eq!(one.log_dir, "/var/lib/kafka/data");
        assert_eq!(one.by_topic["orders"], 150, "future replicas do not count");
        assert_eq!(one.by_topic["my-topic"], 7, "dashes inside the topic name");
        assert_eq!((one.total, one.volume_total), (157, None));
        assert!(usage[&2].is_empty());
        assert!(usage_from_tool("no json").is_err());
    }
}
