//! Consuming: from chosen offsets without a group (nothing is created or left behind), or as
//! a group that commits. Without `follow` it stops once caught up with the end offsets taken
//! at the start.

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;

use rdkafka::consumer::{CommitMode, Consumer, StreamConsumer};
use rdkafka::error::KafkaError;
use rdkafka::message::{Headers, Message};
use rdkafka::{Offset, TopicPartitionList};
use serde::Serialize;

use super::KafkaOptions;
use super::offsets::{offsets_at_time, partition_offsets};
use super::record::{Position, Record};

/// Where to start reading each partition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartAt {
    Beginning,
    End,
    /// An absolute offset.
    Offset(i64),
    /// N before the end (`--offset -N`).
    FromEnd(i64),
    /// The first offset at or after this time (ms since the epoch).
    Time(i64),
}

#[derive(Debug, Clone)]
pub struct ConsumePlan {
    pub topic: String,
    /// None: every partition.
    pub partitions: Option<Vec<i32>>,
    pub start: StartAt,
    pub max_messages: Option<u64>,
    pub follow: bool,
    pub group: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsumeSummary {
    pub messages: u64,
    pub bytes: u64,
    pub partitions: BTreeSet<i32>,
    pub committed: bool,
}

/// The offset to start a partition at, kept within [low, high]: `-N` never goes below the
/// log start (retention may have deleted the head), an offset past the end waits at the end.
pub fn start_offset(start: StartAt, low: i64, high: i64, by_time: Option<i64>) -> i64 {
    let at = match start {
        StartAt::Beginning => low,
        StartAt::End => high,
        StartAt::Offset(n) => n,
        StartAt::FromEnd(n) => high.saturating_sub(n),
        StartAt::Time(_) => by_time.filter(|o| *o >= 0).unwrap_or(high),
    };
    at.clamp(low, high)
}

fn to_record(msg: &rdkafka::message::BorrowedMessage<'_>) -> (Record, Position) {
    let headers = msg
        .headers()
        .map(|h| h.iter().map(|h| (h.key.to_string(), h.value.map(<[u8]>::to_vec))).collect())
        .unwrap_or_default();
    (
        Record {
            key: msg.key().map(<[u8]>::to_vec),
            value: msg.payload().map(<[u8]>::to_vec),
            headers,
            partition: None,
        },
        Position {
            topic: msg.topic().to_string(),
            partition: msg.partition(),
            offset: msg.offset(),
            timestamp: msg.timestamp().to_millis(),
        },
    )
}

/// Reads records into `sink` until caught up (or `stop` resolves, or max messages).
pub async fn consume<S, F>(
    opts: &KafkaOptions,
    plan: &ConsumePlan,
    mut sink: S,
    stop: F,
) -> anyhow::Result<ConsumeSummary>
where
    S: FnMut(&Record, &Position) -> std::io::Result<()>,
    F: Future<Output = ()>,
{
    let mut cfg = opts.client_config();
    cfg.set("enable.partition.eof", "true")
        .set("fetch.message.max.bytes", "10485760")
        .set("max.partition.fetch.bytes", "10485760")
        .set("receive.message.max.bytes", "104857600");
    match &plan.group {
        Some(group) => {
            cfg.set("group.id", group)
                .set("enable.auto.commit", "true")
                .set("auto.commit.interval.ms", "1000")
                .set("enable.auto.offset.store", "false")
                .set("auto.offset.reset", if plan.start == StartAt::End { "latest" } else { "earliest" });
        }
        None => {
            // No group: nothing is joined, committed or left behind. librdkafka wants an id
            // for its consumer anyway; it is never used with the coordinator.
            cfg.set("group.id", "kubectl-kafka-no-group").set("enable.auto.commit", "false");
        }
    }
    let consumer: StreamConsumer = cfg.create()?;
    let mut high = BTreeMap::new();
    let mut done = BTreeSet::new();
    if plan.group.is_some() {
        consumer.subscribe(&[plan.topic.as_str()])?;
    } else {
        let partitions = match &plan.partitions {
            Some(p) => p.clone(),
            None => {
                let meta = super::metadata::fetch_metadata(opts).await?;
                let t = meta
                    .topics
                    .iter()
                    .find(|t| t.name == plan.topic)
                    .ok_or_else(|| anyhow::anyhow!("topic {} not found", plan.topic))?;
                t.partitions.iter().map(|p| p.id).collect()
            }
        };
        let offsets = partition_offsets(opts, &plan.topic, &partitions).await?;
        let by_time = match plan.start {
            StartAt::Time(ms) => Some(offsets_at_time(opts, &plan.topic, &partitions, ms).await?),
            _ => None,
        };
        let mut tpl = TopicPartitionList::new();
        for o in &offsets {
            let t = by_time.as_ref().and_then(|m| m.get(&o.partition).copied());
            let at = start_offset(plan.start, o.low, o.high, t);
            tpl.add_partition_offset(&plan.topic, o.partition, Offset::Offset(at))?;
            high.insert(o.partition, o.high);
            if at >= o.high && !plan.follow {
                done.insert(o.partition);
            }
        }
        consumer.assign(&tpl)?;
    }
    let mut summary = ConsumeSummary::default();
    let mut eof_seen = BTreeSet::new();
    tokio::pin!(stop);
    let caught_up = |done: &BTreeSet<i32>, high: &BTreeMap<i32, i64>| !high.is_empty() && done.len() == high.len();
    if plan.group.is_none() && !plan.follow && caught_up(&done, &high) {
        return Ok(summary);
    }
    loop {
        if plan.max_messages.is_some_and(|m| summary.messages >= m) {
            break;
        }
        tokio::select! {
            () = &mut stop => break,
            received = consumer.recv() => match received {
                Ok(msg) => {
                    let (record, at) = to_record(&msg);
                    sink(&record, &at)?;
                    summary.messages += 1;
                    summary.bytes += record.size() as u64;
                    summary.partitions.insert(at.partition);
                    if plan.group.is_some() {
                        consumer.store_offset_from_message(&msg)?;
                    } else if !plan.follow && high.get(&at.partition).is_some_and(|h| at.offset + 1 >= *h) {
                        done.insert(at.partition);
                        if caught_up(&done, &high) {
                            break;
                        }
                    }
                }
                Err(KafkaError::PartitionEOF(p)) => {
                    if plan.follow {
                        continue;
                    }
                    if plan.group.is_some() {
                        eof_seen.insert(p);
                        let assigned: BTreeSet<i32> =
                            consumer.assignment()?.elements().iter().map(|e| e.partition()).collect();
                        if !assigned.is_empty() && assigned.is_subset(&eof_seen) {
                            break;
                        }
                    } else {
                        done.insert(p);
                        if caught_up(&done, &high) {
                            break;
                        }
                    }
                }
                Err(err) => return Err(anyhow::anyhow!("consume {}: {err}", plan.topic)),
            },
        }
    }
    if plan.group.is_some() && summary.messages > 0 {
        consumer.commit_consumer_state(CommitMode::Sync)?;
        summary.committed = true;
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_offsets_stay_inside_the_log() {
        // low 100 (retention deleted 0..99), high 150
        assert_eq!(start_offset(StartAt::Beginning, 100, 150, None), 100);
        assert_eq!(start_offset(StartAt::End, 100, 150, None), 150);
        assert_eq!(start_offset(StartAt::Offset(120), 100, 150, None), 120);
        assert_eq!(start_offset(StartAt::Offset(5), 100, 150, None), 100, "below the log start");
        assert_eq!(start_offset(StartAt::Offset(999), 100, 150, None), 150, "past the end");
        assert_eq!(start_offset(StartAt::FromEnd(10), 100, 150, None), 140);
        assert_eq!(start_offset(StartAt::FromEnd(500), 100, 150, None), 100, "-N never below the log start");
        assert_eq!(start_offset(StartAt::Time(0), 100, 150, Some(130)), 130);
        assert_eq!(start_offset(StartAt::Time(0), 100, 150, Some(-1)), 150, "no record after the time");
        assert_eq!(start_offset(StartAt::Time(0), 100, 150, None), 150);
    }
}
