//! `kubectl kafka version`: the plugin's version, and the server's when it answers.

use serde::Serialize;

use crate::cli::VersionArgs;
use crate::commands::Context;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VersionDocument {
    pub plugin: PluginVersion,
    /// None when the server was not asked (--client) or did not answer.
    pub server: Option<ServerVersion>,
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
    let doc = VersionDocument { plugin, server };
    if ctx.printer.format.is_machine() {
        return ctx.printer.document(&doc);
    }
    let mut lines = vec![format!("kubectl-kafka: v{}", doc.plugin.version)];
    if let Some(server) = &doc.server {
        lines.push(format!("Kubernetes server: {} ({}, {})", server.git_version, server.platform, server.url));
    }
    ctx.printer.lines(&lines)
}

async fn server_version(ctx: &Context) -> anyhow::Result<ServerVersion> {
    let cluster = ctx.connect().await?;
    let info = cluster.client.apiserver_version().await.map_err(|e| cluster.api_error(e, "get", "/version"))?;
    Ok(ServerVersion { git_version: info.git_version, platform: info.platform, url: cluster.server.clone() })
}
