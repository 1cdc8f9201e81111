//! Topic administration with rdkafka's AdminClient: create, delete, add partitions, read
//! configs, delete groups. Every error names the topic (or group) and Kafka's error code.

use std::time::Duration;

use rdkafka::admin::{
    AdminClient, AdminOptions, ConfigSource, NewPartitions, NewTopic, OwnedResourceSpecifier, ResourceSpecifier,
    TopicReplication,
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

pub async fn topic_configs(opts: &KafkaOptions, topic: &str) -> anyhow::Result<Vec<ConfigRow>> {
    let client = admin(opts)?;
    let results = client.describe_configs([&ResourceSpecifier::Topic(topic)], &options(opts.timeout, false)).await?;
    let resource = results
        .into_iter()
        .next()
        .ok_or_else(|| anyhow::anyhow!("{topic}: the brokers sent no configs"))?
        .map_err(|code| KafkaObjectError { object: topic.to_string(), code })?;
    if !matches!(&resource.specifier, OwnedResourceSpecifier::Topic(name) if name == topic) {
        return Err(anyhow::anyhow!("{topic}: the brokers answered about another resource"));
    }
    let mut rows: Vec<ConfigRow> = resource
        .entries
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

/// One integer config (e.g. min.insync.replicas) of many topics, in a single
/// DescribeConfigs request; topics whose answer lacks it get `default`.
pub async fn topic_int_config(
    opts: &KafkaOptions,
    topics: &[String],
    key: &str,
    default: i32,
) -> anyhow::Result<std::collections::BTreeMap<String, i32>> {
    let mut out = std::collections::BTreeMap::new();
    if topics.is_empty() {
        return Ok(out);
    }
    let client = admin(opts)?;
    let specs: Vec<ResourceSpecifier<'_>> = topics.iter().map(|t| ResourceSpecifier::Topic(t)).collect();
    let results = client.describe_configs(specs.iter(), &options(opts.timeout, false)).await?;
    for resource in results.into_iter().flatten() {
        if let OwnedResourceSpecifier::Topic(name) = &resource.specifier {
            let value = resource.entries.iter().find(|e| e.name == key).and_then(|e| e.value.as_deref()?.parse().ok());
            out.insert(name.clone(), value.unwrap_or(default));
        }
    }
    for t in topics {
        out.entry(t.clone()).or_insert(default);
    }
    Ok(out)
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
