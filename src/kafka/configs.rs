//! Incremental config changes (IncrementalAlterConfigs): only the keys named change. rdkafka's
//! alter_configs is not incremental (it resets every key not given), so this goes through the
//! protocol.

use kafka_protocol::ResponseError;
use kafka_protocol::messages::incremental_alter_configs_request::{AlterConfigsResource, AlterableConfig};
use kafka_protocol::messages::{ApiKey, IncrementalAlterConfigsRequest, IncrementalAlterConfigsResponse};
use kafka_protocol::protocol::StrBytes;

use super::KafkaOptions;
use super::wire::WireClient;

const TOPIC: i8 = 2;
const BROKER: i8 = 4;
const SET: i8 = 0;
const DELETE: i8 = 1;

/// The request for setting and deleting keys of one topic.
pub fn alter_request(
    topic: &str,
    set: &[(String, String)],
    delete: &[String],
    validate_only: bool,
) -> IncrementalAlterConfigsRequest {
    let mut configs: Vec<AlterableConfig> = set
        .iter()
        .map(|(k, v)| {
            AlterableConfig::default()
                .with_name(StrBytes::from(k.clone()))
                .with_config_operation(SET)
                .with_value(Some(StrBytes::from(v.clone())))
        })
        .collect();
    configs.extend(delete.iter().map(|k| {
        AlterableConfig::default().with_name(StrBytes::from(k.clone())).with_config_operation(DELETE).with_value(None)
    }));
    IncrementalAlterConfigsRequest::default()
        .with_resources(vec![
            AlterConfigsResource::default()
                .with_resource_type(TOPIC)
                .with_resource_name(StrBytes::from(topic.to_string()))
                .with_configs(configs),
        ])
        .with_validate_only(validate_only)
}

/// Applies the change (or only validates it); the error carries Kafka's message.
pub async fn alter_topic_config(
    opts: &KafkaOptions,
    topic: &str,
    set: &[(String, String)],
    delete: &[String],
    validate_only: bool,
) -> anyhow::Result<()> {
    let mut client = WireClient::connect(&opts.bootstrap, opts.timeout).await?;
    let resp: IncrementalAlterConfigsResponse =
        client.send(ApiKey::IncrementalAlterConfigs, &alter_request(topic, set, delete, validate_only)).await?;
    for r in resp.responses {
        if r.error_code != 0 {
            let kind = ResponseError::try_from_code(r.error_code)
                .map_or_else(|| format!("error {}", r.error_code), |e| format!("{e:?}"));
            let message = r.error_message.map(|m| m.to_string()).unwrap_or_default();
            anyhow::bail!("{topic}: {kind}: {message}");
        }
    }
    Ok(())
}

/// What an incremental change applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigTarget {
    Topic(String),
    Broker(i32),
}

/// One resource's change: keys to set (with values) and keys to delete.
pub type ConfigChange = (ConfigTarget, Vec<(String, String)>, Vec<String>);

/// Sets and deletes keys of several topics and brokers in one request. A broker's own
/// (per-broker) dynamic config must be sent to that broker: pass it alone, with `bootstrap`
/// the broker's address.
pub async fn alter_configs(bootstrap: &str, opts: &KafkaOptions, changes: &[ConfigChange]) -> anyhow::Result<()> {
    let resources = changes
        .iter()
        .map(|(target, set, delete)| {
            let (kind, name) = match target {
                ConfigTarget::Topic(t) => (TOPIC, t.clone()),
                ConfigTarget::Broker(b) => (BROKER, b.to_string()),
            };
            let mut res = alter_request(&name, set, delete, false).resources.remove(0);
            res.resource_type = kind;
            res
        })
        .collect();
    let req = IncrementalAlterConfigsRequest::default().with_resources(resources);
    let mut client = WireClient::connect(bootstrap, opts.timeout).await?;
    let resp: IncrementalAlterConfigsResponse = client.send(ApiKey::IncrementalAlterConfigs, &req).await?;
    let failed: Vec<String> = resp
        .responses
        .iter()
        .filter(|r| r.error_code != 0)
        .map(|r| {
            let kind = ResponseError::try_from_code(r.error_code)
                .map_or_else(|| format!("error {}", r.error_code), |e| format!("{e:?}"));
            format!(
                "{}: {kind}: {}",
                r.resource_name.as_str(),
                r.error_message.as_ref().map(|m| m.as_str()).unwrap_or_default()
            )
        })
        .collect();
    if !failed.is_empty() {
        anyhow::bail!("{}", failed.join("; "));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_named_keys_are_in_the_request() {
        let req =
            alter_request("orders", &[("retention.ms".into(), "3600000".into())], &["cleanup.policy".into()], true);
        assert!(req.validate_only);
        let res = &req.resources[0];
        assert_eq!((res.resource_type, res.resource_name.as_str()), (2, "orders"));
        assert_eq!(res.configs.len(), 2);
        assert_eq!((res.configs[0].name.as_str(), res.configs[0].config_operation), ("retention.ms", 0));
        assert_eq!(res.configs[0].value.as_deref(), Some("3600000"));
        assert_eq!((res.configs[1].name.as_str(), res.configs[1].config_operation), ("cleanup.policy", 1));
        assert_eq!(res.configs[1].value, None);
    }
}
