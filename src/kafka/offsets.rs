//! Partition offsets: log start and end (watermarks), and offsets by time.

use std::collections::BTreeMap;

use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::{Offset, TopicPartitionList};
use serde::Serialize;

use super::KafkaOptions;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartitionOffsets {
    pub partition: i32,
    /// The log start offset (older records were deleted by retention).
    pub low: i64,
    /// The log end offset (the next offset to be written).
    pub high: i64,
}

/// Log start and end offsets of the given partitions.
pub async fn partition_offsets(
    opts: &KafkaOptions,
    topic: &str,
    partitions: &[i32],
) -> anyhow::Result<Vec<PartitionOffsets>> {
    let (opts, topic, partitions) = (opts.clone(), topic.to_string(), partitions.to_vec());
    tokio::task::spawn_blocking(move || {
        let consumer: BaseConsumer = opts.client_config().create()?;
        partitions
            .iter()
            .map(|&p| {
                let (low, high) = consumer
                    .fetch_watermarks(&topic, p, opts.timeout)
                    .map_err(|err| anyhow::anyhow!("offsets of {topic}/{p}: {err}"))?;
                Ok(PartitionOffsets { partition: p, low, high })
            })
            .collect()
    })
    .await?
}

/// Offsets of the first records at or after `ms`, per partition (-1: none).
pub async fn offsets_at_time(
    opts: &KafkaOptions,
    topic: &str,
    partitions: &[i32],
    ms: i64,
) -> anyhow::Result<BTreeMap<i32, i64>> {
    let (opts, topic, partitions) = (opts.clone(), topic.to_string(), partitions.to_vec());
    tokio::task::spawn_blocking(move || {
        let consumer: BaseConsumer = opts.client_config().create()?;
        let mut tpl = TopicPartitionList::new();
        for p in &partitions {
            tpl.add_partition_offset(&topic, *p, Offset::Offset(ms))?;
        }
        let found = consumer.offsets_for_times(tpl, opts.timeout)?;
        Ok(found
            .elements()
            .iter()
            .map(|e| (e.partition(), if let Offset::Offset(o) = e.offset() { o } else { -1 }))
            .collect())
    })
    .await?
}
