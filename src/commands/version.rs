//! `kubectl kafka version`: the plugin's version, the Kubernetes server's, and the Kafka each
//! broker runs (asked of each broker: the metadata.version levels its software supports name
//! its release) with the cluster's finalized features.

use serde::Serialize;

use crate::cli::VersionArgs;
use crate::commands::Context;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VersionDocument {
    pub plugin: PluginVersion,
    /// None when the server was not asked (--client) or did not answer.
    pub server: Option<ServerVersion>,
    /// None when Kafka was not asked (--client) or not reached.
    pub kafka: Option<KafkaVersions>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KafkaVersions {
    pub brokers: Vec<BrokerVersion>,
    /// Finalized feature levels (metadata.version and the others), as the newest answer says.
    pub finalized: std::collections::BTreeMap<String, i16>,
    /// metadata.version's name (3.9-IV0).
    pub metadata_version: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BrokerVersion {
    pub broker: String,
    pub node_id: i32,
    /// The image its pod template names.
    pub image: Option<String>,
    /// The release the broker says it runs; None when it did not answer.
    pub runs: Option<String>,
    /// The highest metadata.version its software supports.
    pub max_metadata_version: Option<String>,
    pub error: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PluginVersion {
    pub version: String,
    pub librdkafka: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServerVersion {
    pub git_version: String,
    pub platform: String,
    pub url: String,
}

pub async fn run(ctx: &Context, args: &VersionArgs) -> anyhow::Result<()> {
    let plugin = PluginVersion {
        version: env!("CARGO_PKG_VERSION").to_string(),
        librdkafka: rdkafka::util::get_rdkafka_version().1,
    };
    let mut server = None;
    if !args.client {
        match server_version(ctx).await {
            Ok(found) => server = Some(found),
            Err(err) => ctx.printer.warn(&format!("Kubernetes server version unknown: {err:#}")),
        }
    }
    let mut kafka = None;
    if !args.client && server.is_some() {
        match kafka_versions(ctx).await {
            Ok(found) => kafka = Some(found),
            Err(err) => ctx.printer.warn(&format!("Kafka versions unknown: {err:#}")),
        }
    }
    let doc = VersionDocument { plugin, server, kafka };
    if ctx.printer.format.is_machine() {
        return ctx.printer.document(&doc);
    }
    let mut lines = vec![format!("kubectl-kafka: v{}", doc.plugin.version)];
    if let Some(server) = &doc.server {
        lines.push(format!("Kubernetes server: {} ({}, {})", server.git_version, server.platform, server.url));
    }
    ctx.printer.lines(&lines)?;
    if let Some(kafka) = &doc.kafka {
        let dash = || "-".to_string();
        let cells: Vec<Vec<String>> = kafka
            .brokers
            .iter()
            .map(|b| {
                vec![
                    b.broker.clone(),
                    b.node_id.to_string(),
                    b.image.clone().unwrap_or_else(dash),
                    b.runs.clone().or_else(|| b.error.clone().map(|e| format!("unknown: {e}"))).unwrap_or_else(dash),
                    b.max_metadata_version.clone().unwrap_or_else(dash),
                ]
            })
            .collect();
        ctx.printer.lines(&[String::new()])?;
        ctx.printer.table(&["BROKER", "NODE-ID", "IMAGE", "RUNS", "SUPPORTS UP TO"], &cells)?;
        let finalized: Vec<String> = kafka
            .finalized
            .iter()
            .map(|(name, level)| match (name.as_str(), &kafka.metadata_version) {
                (crate::release::METADATA_VERSION, Some(n)) => format!("{name}={n} ({level})"),
                _ => format!("{name}={level}"),
            })
            .collect();
        ctx.printer.lines(&[String::new(), format!("finalized: {}", finalized.join(", "))])?;
    }
    Ok(())
}

/// Each broker's own answer, next to the image its pod template names.
async fn kafka_versions(ctx: &Context) -> anyhow::Result<KafkaVersions> {
    let session = ctx.session(ctx.cluster.request_timeout.unwrap_or(std::time::Duration::from_secs(30))).await?;
    let result = async {
        let opts = &session.backend.client("version (each broker's ApiVersions answer)")?.opts;
        let software = crate::commands::upgrade::read_software(opts).await?;
        let finalized = software.finalized().map(|f| f.finalized.clone()).unwrap_or_default();
        let metadata_version = software.finalized_level().map(crate::release::level_name);
        let brokers = session
            .brokers
            .iter()
            .filter_map(|b| {
                let id = b.node_id?;
                let answer = software.answers.get(&id);
                let max = software.max_level(id);
                Some(BrokerVersion {
                    broker: b.name.clone(),
                    node_id: id,
                    image: b.image.clone(),
                    runs: max.map(crate::release::describe_max_level),
                    max_metadata_version: max.map(crate::release::level_name),
                    error: match answer {
                        None => Some("not registered".into()),
                        Some(Err(e)) => Some(format!("{e:#}")),
                        Some(Ok(_)) => None,
                    },
                })
            })
            .collect();
        anyhow::Ok(KafkaVersions { brokers, finalized, metadata_version })
    }
    .await;
    session.backend.close().await;
    result
}

async fn server_version(ctx: &Context) -> anyhow::Result<ServerVersion> {
    let cluster = ctx.connect().await?;
    let info = cluster.client.apiserver_version().await.map_err(|e| cluster.api_error(e, "get", "/version"))?;
    Ok(ServerVersion { git_version: info.git_version, platform: info.platform, url: cluster.server.clone() })
}
