//! Feature versions (KIP-584): what each broker's software supports and what the cluster has
//! finalized (`metadata.version` above all), read from the ApiVersions answer every broker
//! gives on connect, and raised with UpdateFeatures. librdkafka offers neither.

use std::collections::BTreeMap;

use kafka_protocol::ResponseError;
use kafka_protocol::messages::update_features_request::FeatureUpdateKey;
use kafka_protocol::messages::{ApiKey, ApiVersionsResponse, UpdateFeaturesRequest, UpdateFeaturesResponse};
use kafka_protocol::protocol::StrBytes;
use serde::Serialize;

use super::KafkaOptions;
use super::metadata::BrokerMeta;
use super::wire::WireClient;

/// One broker's answer: the range of each feature its software supports, and the levels the
/// cluster has finalized as this broker last heard them (with the epoch they were written in).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BrokerFeatures {
    pub supported: BTreeMap<String, Range>,
    pub finalized: BTreeMap<String, i16>,
    pub finalized_epoch: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Range {
    pub min: i16,
    pub max: i16,
}

pub fn features_from(resp: &ApiVersionsResponse) -> BrokerFeatures {
    BrokerFeatures {
        supported: resp
            .supported_features
            .iter()
            .map(|f| (f.name.to_string(), Range { min: f.min_version, max: f.max_version }))
            .collect(),
        finalized: resp.finalized_features.iter().map(|f| (f.name.to_string(), f.max_version_level)).collect(),
        finalized_epoch: resp.finalized_features_epoch,
    }
}

/// Every broker's own ApiVersions answer, each asked on its own connection (in parallel): the
/// software a broker runs is only known from that broker.
pub async fn features_of_each(
    opts: &KafkaOptions,
    brokers: &[BrokerMeta],
) -> Vec<(i32, anyhow::Result<BrokerFeatures>)> {
    let asks = brokers.iter().map(|b| async move {
        let address = format!("{}:{}", b.host, b.port);
        let features = WireClient::connect(&address, opts.timeout)
            .await
            .map(|c| features_from(c.api_versions()))
            .map_err(|err| err.context(format!("ask broker {} for its features", b.id)));
        (b.id, features)
    });
    futures::future::join_all(asks).await
}

/// Raises finalized features (UpdateFeatures, upgrade only: never a downgrade). With
/// `validate_only` the controller checks the change and applies nothing.
pub async fn update_features(opts: &KafkaOptions, levels: &[(String, i16)], validate_only: bool) -> anyhow::Result<()> {
    let mut client = WireClient::connect(&opts.bootstrap, opts.timeout).await?;
    let updates = levels
        .iter()
        .map(|(name, level)| {
            FeatureUpdateKey::default()
                .with_feature(StrBytes::from(name.clone()))
                .with_max_version_level(*level)
                .with_allow_downgrade(false)
                .with_upgrade_type(1)
        })
        .collect();
    let request = UpdateFeaturesRequest::default()
        .with_timeout_ms(opts.timeout.as_millis().min(i32::MAX as u128) as i32)
        .with_feature_updates(updates)
        .with_validate_only(validate_only);
    let resp: UpdateFeaturesResponse = client.send(ApiKey::UpdateFeatures, &request).await?;
    check_update(&resp)
}

fn error_text(code: i16, message: Option<&StrBytes>) -> String {
    let name = ResponseError::try_from_code(code).map_or_else(|| format!("error code {code}"), |e| format!("{e:?}"));
    let msg = message.map(|m| format!(": {}", m.as_str())).filter(|m| m.len() > 2).unwrap_or_default();
    format!("{name}{msg}")
}

/// The answer's top-level error, else the first feature's.
pub fn check_update(resp: &UpdateFeaturesResponse) -> anyhow::Result<()> {
    if resp.error_code != 0 {
        anyhow::bail!("UpdateFeatures: {}", error_text(resp.error_code, resp.error_message.as_ref()));
    }
    if let Some(r) = resp.results.iter().find(|r| r.error_code != 0) {
        anyhow::bail!("UpdateFeatures {}: {}", r.feature.as_str(), error_text(r.error_code, r.error_message.as_ref()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_protocol::messages::api_versions_response::{FinalizedFeatureKey, SupportedFeatureKey};
    use kafka_protocol::messages::update_features_response::UpdatableFeatureResult;

    #[test]
    fn reads_supported_and_finalized_features() {
        let resp = ApiVersionsResponse::default()
            .with_supported_features(vec![
                SupportedFeatureKey::default()
                    .with_name(StrBytes::from("metadata.version"))
                    .with_min_version(1)
                    .with_max_version(21),
            ])
            .with_finalized_features_epoch(42)
            .with_finalized_features(vec![
                FinalizedFeatureKey::default()
                    .with_name(StrBytes::from("metadata.version"))
                    .with_max_version_level(19)
                    .with_min_version_level(19),
            ]);
        let f = features_from(&resp);
        assert_eq!(f.supported["metadata.version"], Range { min: 1, max: 21 });
        assert_eq!(f.finalized["metadata.version"], 19);
        assert_eq!(f.finalized_epoch, 42);
    }

    #[test]
    fn a_refused_feature_is_named() {
        let resp = UpdateFeaturesResponse::default().with_results(vec![
            UpdatableFeatureResult::default()
                .with_feature(StrBytes::from("metadata.version"))
                .with_error_code(42)
                .with_error_message(Some(StrBytes::from("not supported by broker 2"))),
        ]);
        let err = check_update(&resp).unwrap_err().to_string();
        assert!(
            err.contains("metadata.version") && err.contains("broker 2") && err.contains("InvalidRequest"),
            "{err}"
        );
        assert!(check_update(&UpdateFeaturesResponse::default()).is_ok());
    }
}
