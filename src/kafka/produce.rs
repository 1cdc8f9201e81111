//! Producing a stream of records with one idempotent producer, many in flight, and a
//! summary of what was delivered where.

use std::collections::BTreeSet;

use futures::stream::{FuturesUnordered, StreamExt};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{DeliveryFuture, FutureProducer, FutureRecord, Producer};
use serde::Serialize;
use tokio::sync::mpsc;

use super::KafkaOptions;
use super::record::Record;

/// How many replicas must have a record before it counts as sent (`--acks`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Acks {
    /// Every in-sync replica (and an idempotent producer: no duplicates on retry)
    #[value(name = "all")]
    All,
    /// The leader alone
    #[value(name = "1")]
    Leader,
    /// None: fire and forget
    #[value(name = "0")]
    None,
}

impl Acks {
    /// The value Kafka's clients take (`acks=`).
    pub fn as_str(self) -> &'static str {
        match self {
            Acks::All => "all",
            Acks::Leader => "1",
            Acks::None => "0",
        }
    }

    /// Only acks=all allows the idempotent producer.
    pub fn idempotent(self) -> bool {
        self == Acks::All
    }
}

/// Batch compression (`--compression`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Compression {
    None,
    Gzip,
    Snappy,
    Lz4,
    Zstd,
}

impl Compression {
    /// The value Kafka's clients take (`compression.type=`).
    pub fn as_str(self) -> &'static str {
        match self {
            Compression::None => "none",
            Compression::Gzip => "gzip",
            Compression::Snappy => "snappy",
            Compression::Lz4 => "lz4",
            Compression::Zstd => "zstd",
        }
    }
}

/// How the producer behaves (`--acks`, `--compression`), and the largest message allowed.
#[derive(Debug, Clone)]
pub struct ProduceSettings {
    pub acks: Acks,
    pub compression: Compression,
    pub max_message_bytes: usize,
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProduceSummary {
    pub topic: String,
    pub messages: u64,
    pub bytes: u64,
    pub partitions: BTreeSet<i32>,
    pub failed: u64,
    pub first_error: Option<String>,
}

const MAX_IN_FLIGHT: usize = 50_000;

/// A record's size and where it landed (partition, offset), or why it did not.
type Outcome = (usize, Result<(i32, i64), String>);

fn producer(opts: &KafkaOptions, settings: &ProduceSettings) -> anyhow::Result<FutureProducer> {
    let mut cfg = opts.client_config();
    cfg.set("acks", settings.acks.as_str())
        .set("enable.idempotence", if settings.acks.idempotent() { "true" } else { "false" })
        .set("compression.type", settings.compression.as_str())
        .set("linger.ms", "5")
        .set("message.timeout.ms", (opts.timeout.as_millis().max(5000) * 3).to_string())
        // Room for the largest record the topic takes, plus batch framing.
        .set("message.max.bytes", (settings.max_message_bytes.max(1_000_000) + 64 * 1024).to_string());
    Ok(cfg.create()?)
}

/// Sends every record from `records` to `topic`; returns when the channel closes and every
/// message has its delivery report.
pub async fn produce_stream(
    opts: &KafkaOptions,
    topic: &str,
    settings: &ProduceSettings,
    mut records: mpsc::Receiver<Record>,
) -> anyhow::Result<ProduceSummary> {
    let producer = producer(opts, settings)?;
    let mut summary = ProduceSummary { topic: topic.to_string(), ..Default::default() };
    let mut in_flight: FuturesUnordered<tokio::task::JoinHandle<Outcome>> = FuturesUnordered::new();
    let settle = |done: Outcome, summary: &mut ProduceSummary| match done.1 {
        Ok((partition, _offset)) => {
            summary.messages += 1;
            summary.bytes += done.0 as u64;
            summary.partitions.insert(partition);
        }
        Err(err) => {
            summary.failed += 1;
            summary.first_error.get_or_insert(err);
        }
    };
    while let Some(record) = records.recv().await {
        let size = record.size();
        let future = loop {
            match send(&producer, topic, &record) {
                Ok(f) => break Some(f),
                Err(KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull)) => {
                    // Wait for one delivery to make room, then try again.
                    match in_flight.next().await {
                        Some(done) => settle(done?, &mut summary),
                        None => tokio::time::sleep(std::time::Duration::from_millis(5)).await,
                    }
                }
                Err(err) => {
                    settle((size, Err(err.to_string())), &mut summary);
                    break None;
                }
            }
        };
        if let Some(f) = future {
            in_flight.push(tokio::spawn(async move {
                let result = match f.await {
                    Ok(Ok(delivery)) => Ok((delivery.partition, delivery.offset)),
                    Ok(Err((err, _))) => Err(err.to_string()),
                    Err(_) => Err("the producer was closed before delivery".to_string()),
                };
                (size, result)
            }));
        }
        while in_flight.len() >= MAX_IN_FLIGHT {
            if let Some(done) = in_flight.next().await {
                settle(done?, &mut summary);
            }
        }
    }
    while let Some(done) = in_flight.next().await {
        settle(done?, &mut summary);
    }
    let p = producer.clone();
    let timeout = opts.timeout;
    tokio::task::spawn_blocking(move || p.flush(timeout)).await??;
    Ok(summary)
}

fn send(producer: &FutureProducer, topic: &str, record: &Record) -> Result<DeliveryFuture, KafkaError> {
    let mut fr: FutureRecord<'_, [u8], [u8]> = FutureRecord::to(topic);
    if let Some(k) = &record.key {
        fr = fr.key(k.as_slice());
    }
    if let Some(v) = &record.value {
        fr = fr.payload(v.as_slice());
    }
    if let Some(p) = record.partition {
        fr = fr.partition(p);
    }
    if !record.headers.is_empty() {
        let mut headers = OwnedHeaders::new_with_capacity(record.headers.len());
        for (key, value) in &record.headers {
            headers = headers.insert(Header { key, value: value.as_deref() });
        }
        fr = fr.headers(headers);
    }
    producer.send_result(fr).map_err(|(err, _)| err)
}
