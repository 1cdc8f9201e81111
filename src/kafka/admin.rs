//! Topic administration with rdkafka's AdminClient: create, delete, add partitions, read
//! configs, delete groups. Every error names the topic (or group) and Kafka's error code.

use std::time::Duration;

use rdkafka::admin::{
    AdminClient, AdminOptions, ConfigEntry, ConfigSource, NewPartitions, NewTopic, OwnedResourceSpecifier,
    ResourceSpecifier, TopicReplication,
};
use rdkafka::client::DefaultClientContext;
use rdkafka::types::RDKafkaErrorCode;
use serde::Serialize;

use super::KafkaOptions;

/// A Kafka error on one object, with Kafka's code so callers can map it to an exit code.
#[derive(Debug, thiserror::Error)]
#[error("{object}: {code}")]
pub struct KafkaObjectError {
    pub object: String,
    pub code: RDKafkaErrorCode,
}

fn admin(opts: &KafkaOptions) -> anyhow::Result<AdminClient<DefaultClientContext>> {
    Ok(opts.client_config().create()?)
}

fn options(timeout: Duration, validate_only: bool) -> AdminOptions {
    AdminOptions::new().request_timeout(Some(timeout)).operation_timeout(Some(timeout)).validate_only(validate_only)
}

/// What `topics create` asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TopicSpec {
    pub name: String,
    pub partitions: i32,
    pub replication_factor: i32,
    pub configs: Vec<(String, String)>,
}

/// Creates the topic; with `validate_only` the brokers check the request and change nothing.
pub async fn create_topic(opts: &KafkaOptions, spec: &TopicSpec, validate_only: bool) -> anyhow::Result<()> {
    let client = admin(opts)?;
    let mut topic = NewTopic::new(&spec.name, spec.partitions, TopicReplication::Fixed(spec.replication_factor));
    for (k, v) in &spec.configs {
        topic = topic.set(k, v);
    }
    let results = client.create_topics([&topic], &options(opts.timeout, validate_only)).await?;
    first_result(results, &spec.name)
}

pub async fn delete_topics(
    opts: &KafkaOptions,
    names: &[String],
) -> anyhow::Result<Vec<Result<String, KafkaObjectError>>> {
    let client = admin(opts)?;
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let results = client.delete_topics(&refs, &options(opts.timeout, false)).await?;
    Ok(results.into_iter().map(|r| r.map_err(|(object, code)| KafkaObjectError { object, code })).collect())
}

pub async fn add_partitions(opts: &KafkaOptions, topic: &str, total: usize, validate_only: bool) -> anyhow::Result<()> {
    let client = admin(opts)?;
    let results =
        client.create_partitions([&NewPartitions::new(topic, total)], &options(opts.timeout, validate_only)).await?;
    first_result(results, topic)
}

pub async fn delete_group(opts: &KafkaOptions, group: &str) -> anyhow::Result<()> {
    let client = admin(opts)?;
    let results = client.delete_groups(&[group], &options(opts.timeout, false)).await?;
    first_result(results, group)
}

fn first_result(results: Vec<Result<String, (String, RDKafkaErrorCode)>>, object: &str) -> anyhow::Result<()> {
    match results.into_iter().next() {
        Some(Ok(_)) => Ok(()),
        Some(Err((object, code))) => Err(KafkaObjectError { object, code }.into()),
        None => Err(anyhow::anyhow!("{object}: the brokers sent no result")),
    }
}

/// One configuration entry of a topic, with where its value comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfigRow {
    pub name: String,
    pub value: Option<String>,
    pub source: String,
    pub is_default: bool,
    pub read_only: bool,
    pub sensitive: bool,
}

/// librdkafka reports no per-resource error for DescribeConfigs (rust-rdkafka returns every
/// resource as Ok): a broker that does not know the topic, e.g. one created a moment ago that
/// has not reached it yet, answers with no entries at all, where a known topic has dozens.
/// An empty answer is therefore "unknown topic", never "all defaults".
fn described(resource: rdkafka::admin::ConfigResource, topic: &str) -> Result<Vec<ConfigEntry>, KafkaObjectError> {
    if !matches!(&resource.specifier, OwnedResourceSpecifier::Topic(name) if name == topic)
        || resource.entries.is_empty()
    {
        return Err(KafkaObjectError { object: topic.to_string(), code: RDKafkaErrorCode::UnknownTopicOrPartition });
    }
    Ok(resource.entries)
}

/// Every config of a topic, as the broker answering describes it. A topic that broker does
/// not know yet is asked again for up to two seconds (creation reaches brokers one by one).
pub async fn topic_configs(opts: &KafkaOptions, topic: &str) -> anyhow::Result<Vec<ConfigRow>> {
    let client = admin(opts)?;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(2);
    let entries = loop {
        let results =
            client.describe_configs([&ResourceSpecifier::Topic(topic)], &options(opts.timeout, false)).await?;
        let resource = results
            .into_iter()
            .next()
            .ok_or_else(|| anyhow::anyhow!("{topic}: the brokers sent no configs"))?
            .map_err(|code| KafkaObjectError { object: topic.to_string(), code })?;
        match described(resource, topic) {
            Ok(entries) => break entries,
            Err(err) if tokio::time::Instant::now() >= deadline => return Err(err.into()),
            Err(_) => tokio::time::sleep(Duration::from_millis(250)).await,
        }
    };
    let mut rows: Vec<ConfigRow> = entries
        .into_iter()
        .map(|e| ConfigRow {
            source: source_name(&e.source).to_string(),
            name: e.name,
            value: if e.is_sensitive { None } else { e.value },
            is_default: e.is_default,
            read_only: e.is_read_only,
            sensitive: e.is_sensitive,
        })
        .collect();
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(rows)
}

/// One integer config of one broker (e.g. controller.quorum.fetch.timeout.ms), as that broker
/// describes itself. An absent or unreadable value is an error, never a default.
pub async fn broker_int_config(opts: &KafkaOptions, broker: i32, key: &str) -> anyhow::Result<i64> {
    let client = admin(opts)?;
    let results = client.describe_configs([&ResourceSpecifier::Broker(broker)], &options(opts.timeout, false)).await?;
    let resource = results
        .into_iter()
        .next()
        .ok_or_else(|| anyhow::anyhow!("broker {broker} sent no configs"))?
        .map_err(|code| anyhow::anyhow!("describe the configs of broker {broker}: {code:?}"))?;
    let value = resource
        .entries
        .iter()
        .find(|e| e.name == key)
        .and_then(|e| e.value.clone())
        .ok_or_else(|| anyhow::anyhow!("broker {broker} does not describe {key}"))?;
    value.parse().map_err(|_| anyhow::anyhow!("{key} of broker {broker} is not a number: {value}"))
}

/// One integer config (e.g. min.insync.replicas) of many topics: one admin client, one
/// DescribeConfigs per topic, eight at a time. A topic whose value cannot be read (deleted
/// meanwhile, not yet known to the broker asked, the key absent) gets `failed` with why,
/// instead of failing the others or being given a default.
pub async fn topic_int_config(opts: &KafkaOptions, topics: &[String], key: &str) -> anyhow::Result<IntConfigs> {
    use futures::stream::StreamExt;
    if topics.is_empty() {
        return Ok(IntConfigs::default());
    }
    let client = admin(opts)?;
    let client = &client;
    let options = &options(opts.timeout, false);
    let found: Vec<(String, Result<i32, String>)> = futures::stream::iter(topics.iter().cloned())
        .map(|topic| async move {
            let value = match client.describe_configs([&ResourceSpecifier::Topic(&topic)], options).await {
                Ok(results) => match results.into_iter().next() {
                    Some(Ok(resource)) => {
                        described(resource, &topic).map_err(|e| e.code.to_string()).and_then(|entries| {
                            entries
                                .into_iter()
                                .find(|e| e.name == key)
                                .and_then(|e| e.value?.parse().ok())
                                .ok_or_else(|| format!("{key} not in the broker's answer"))
                        })
                    }
                    Some(Err(code)) => Err(code.to_string()),
                    None => Err("no answer".to_string()),
                },
                Err(err) => Err(err.to_string()),
            };
            (topic, value)
        })
        .buffer_unordered(8)
        .collect()
        .await;
    let mut out = IntConfigs::default();
    for (topic, value) in found {
        match value {
            Ok(v) => {
                out.values.insert(topic, v);
            }
            Err(e) => {
                out.failed.insert(topic, e);
            }
        }
    }
    Ok(out)
}

/// Per-topic values, and the topics whose value could not be read (with why).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IntConfigs {
    pub values: std::collections::BTreeMap<String, i32>,
    pub failed: std::collections::BTreeMap<String, String>,
}

/// The names kafka-configs.sh uses for config sources.
pub fn source_name(source: &ConfigSource) -> &'static str {
    match source {
        ConfigSource::DynamicTopic => "DYNAMIC_TOPIC_CONFIG",
        ConfigSource::DynamicBroker => "DYNAMIC_BROKER_CONFIG",
        ConfigSource::DynamicDefaultBroker => "DYNAMIC_DEFAULT_BROKER_CONFIG",
        ConfigSource::StaticBroker => "STATIC_BROKER_CONFIG",
        ConfigSource::Default => "DEFAULT_CONFIG",
        ConfigSource::Unknown => "UNKNOWN",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rdkafka::admin::ConfigResource;

    fn entry(name: &str, value: &str) -> ConfigEntry {
        ConfigEntry {
            name: name.into(),
            value: Some(value.into()),
            source: ConfigSource::StaticBroker,
            is_read_only: false,
            is_default: false,
            is_sensitive: false,
        }
    }

    #[test]
    fn an_empty_answer_is_an_unknown_topic_not_all_defaults() {
        let empty = ConfigResource { specifier: OwnedResourceSpecifier::Topic("orders".into()), entries: vec![] };
        let err = described(empty, "orders").unwrap_err();
        assert_eq!(err.code, RDKafkaErrorCode::UnknownTopicOrPartition);
        assert_eq!(err.object, "orders");
        let other = ConfigResource {
            specifier: OwnedResourceSpecifier::Topic("payments".into()),
            entries: vec![entry("max.message.bytes", "10485760")],
        };
        assert!(described(other, "orders").is_err(), "an answer about another topic");
        let known = ConfigResource {
            specifier: OwnedResourceSpecifier::Topic("orders".into()),
            entries: vec![entry("max.message.bytes", "10485760")],
        };
        assert_eq!(described(known, "orders").unwrap()[0].value.as_deref(), Some("10485760"));
    }
}
