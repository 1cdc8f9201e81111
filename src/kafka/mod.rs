//! What do we ask Kafka? rdkafka clients and their answers, turned into plain data. Never
//! imports kube: it is given a bootstrap address and nothing else.

pub mod admin;
pub mod configs;
pub mod consume;
#[cfg(test)]
pub mod fake_broker;
pub mod features;
pub mod groups;
pub mod logdirs;
pub mod metadata;
pub mod names;
pub mod offsets;
pub mod produce;
pub mod quorum;
pub mod reassign;
pub mod record;
pub mod wire;

use std::time::Duration;

use rdkafka::ClientConfig;

/// Settings every client of ours shares.
#[derive(Debug, Clone)]
pub struct KafkaOptions {
    pub bootstrap: String,
    pub timeout: Duration,
    /// librdkafka `debug` contexts when -vv (e.g. "broker,protocol").
    pub debug: Option<String>,
}

impl KafkaOptions {
    pub fn client_config(&self) -> ClientConfig {
        let mut cfg = ClientConfig::new();
        cfg.set("bootstrap.servers", &self.bootstrap)
            .set("client.id", concat!("kubectl-kafka/", env!("CARGO_PKG_VERSION")))
            // librdkafka refuses more than 300 s (a rollout's 10 m limit under --request-timeout 0).
            .set("socket.timeout.ms", self.timeout.as_millis().clamp(1000, 300_000).to_string())
            .set("log_level", "3");
        if let Some(debug) = &self.debug {
            cfg.set("debug", debug).set("log_level", "7");
        }
        cfg
    }
}
