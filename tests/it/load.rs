//! A live workload through `kubectl kafka proxy`: an idempotent acks=all producer sending
//! numbered messages without pause, and a consumer group reading them, for tests that change
//! the cluster underneath (restart, scale) and then count what arrived.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::stream::{FuturesUnordered, StreamExt};
use rdkafka::ClientConfig;
use rdkafka::producer::{FutureProducer, FutureRecord};

use crate::bed::wait_until;

pub struct Load {
    proxy: crate::transports::Proxy,
    stop: Arc<AtomicBool>,
    consuming: Arc<AtomicBool>,
    pub sent: Arc<AtomicU64>,
    pub failed: Arc<AtomicU64>,
    seen: Arc<Mutex<Vec<String>>>,
    producer: Option<std::thread::JoinHandle<()>>,
    reader: Option<std::thread::JoinHandle<()>>,
}

/// What the workload saw once stopped.
pub struct Outcome {
    /// Messages the producer sent (`seq-0` .. `seq-{sent-1}`).
    pub sent: u64,
    /// Sends that failed.
    pub failed: u64,
    /// Distinct messages the group read.
    pub group_read: BTreeSet<String>,
}

impl Load {
    /// Starts the proxy, the producer and the group (`group`) on `topic`.
    pub fn start(topic: &str, group: &str) -> Load {
        Load::start_in("kafka", topic, group)
    }

    /// The same against the brokers in `namespace`.
    pub fn start_in(namespace: &str, topic: &str, group: &str) -> Load {
        let proxy = crate::transports::Proxy::start_in(namespace, &[]);
        let producer: FutureProducer = ClientConfig::new()
            .set("bootstrap.servers", &proxy.bootstrap)
            .set("acks", "all")
            .set("enable.idempotence", "true")
            .set("message.timeout.ms", "300000")
            .set("linger.ms", "5")
            .create()
            .unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let (sent, failed) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
        let producing = {
            let (stop, sent, failed, topic) = (stop.clone(), sent.clone(), failed.clone(), topic.to_string());
            std::thread::spawn(move || {
                let rt = tokio::runtime::Runtime::new().unwrap();
                rt.block_on(async {
                    let mut inflight = FuturesUnordered::new();
                    let mut seq = 0u64;
                    let count = |ok: bool| {
                        if !ok {
                            failed.fetch_add(1, Ordering::SeqCst);
                        }
                    };
                    while !stop.load(Ordering::SeqCst) {
                        let (value, key) = (format!("seq-{seq}"), format!("k{}", seq % 17));
                        let (p, t) = (producer.clone(), topic.clone());
                        inflight.push(async move {
                            p.send(FutureRecord::to(&t).key(&key).payload(&value), Duration::from_secs(300))
                                .await
                                .is_ok()
                        });
                        seq += 1;
                        if inflight.len() >= 50
                            && let Some(ok) = inflight.next().await
                        {
                            count(ok);
                        }
                        if seq % 50 == 0 {
                            tokio::time::sleep(Duration::from_millis(10)).await;
                        }
                    }
                    while let Some(ok) = inflight.next().await {
                        count(ok);
                    }
                    sent.store(seq, Ordering::SeqCst);
                });
            })
        };
        let seen = Arc::new(Mutex::new(Vec::<String>::new()));
        let consuming = Arc::new(AtomicBool::new(true));
        let reader = {
            let (seen, consuming, topic, bootstrap, group) =
                (seen.clone(), consuming.clone(), topic.to_string(), proxy.bootstrap.clone(), group.to_string());
            std::thread::spawn(move || {
                use rdkafka::Message;
                use rdkafka::consumer::{BaseConsumer, Consumer};
                let consumer: BaseConsumer = ClientConfig::new()
                    .set("bootstrap.servers", &bootstrap)
                    .set("group.id", &group)
                    .set("auto.offset.reset", "earliest")
                    .set("enable.auto.commit", "true")
                    .create()
                    .unwrap();
                consumer.subscribe(&[&topic]).unwrap();
                while consuming.load(Ordering::SeqCst) {
                    if let Some(Ok(m)) = consumer.poll(Duration::from_millis(200)) {
                        seen.lock()
                            .unwrap()
                            .push(String::from_utf8_lossy(m.payload().unwrap_or_default()).into_owned());
                    }
                }
            })
        };
        std::thread::sleep(Duration::from_secs(2));
        Load { proxy, stop, consuming, sent, failed, seen, producer: Some(producing), reader: Some(reader) }
    }

    /// Stops the producer, waits until the group has read every message sent (up to two
    /// minutes), stops the group and the proxy.
    pub fn finish(mut self) -> Outcome {
        std::thread::sleep(Duration::from_secs(2));
        self.stop.store(true, Ordering::SeqCst);
        self.producer.take().unwrap().join().unwrap();
        let expected = self.sent.load(Ordering::SeqCst) as usize;
        let seen = self.seen.clone();
        wait_until("the consumer group to read every message", Duration::from_secs(120), || {
            seen.lock().unwrap().iter().collect::<BTreeSet<_>>().len() >= expected
        });
        self.consuming.store(false, Ordering::SeqCst);
        self.reader.take().unwrap().join().unwrap();
        let group_read = self.seen.lock().unwrap().iter().cloned().collect();
        let _ = &self.proxy;
        Outcome { sent: self.sent.load(Ordering::SeqCst), failed: self.failed.load(Ordering::SeqCst), group_read }
    }
}

/// Reads `topic` whole with the plugin and checks every message `seq-0..sent` is there exactly
/// once.
pub fn assert_exactly_once(topic: &str, sent: u64, kk: impl Fn(&[&str]) -> crate::bed::Run) {
    let consumed = kk(&["consume", topic, "--format", "value", "--timeout", "60s"]).ok();
    let values: Vec<&str> = consumed.stdout.lines().collect();
    let unique: BTreeSet<&str> = values.iter().copied().collect();
    assert_eq!(values.len() as u64, sent, "every message exactly once (duplicates: {})", values.len() - unique.len());
    assert_eq!(unique.len() as u64, sent);
    for s in 0..sent {
        assert!(unique.contains(format!("seq-{s}").as_str()), "seq-{s} lost");
    }
}
