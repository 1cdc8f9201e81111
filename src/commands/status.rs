//! `kubectl kafka status`: one row per broker, from its workload and current pod.

use serde::Serialize;

use crate::cli::StatusArgs;
use crate::cluster::discovery::discover_brokers;
use crate::cluster::model::{Broker, Role, select_brokers};
use crate::commands::Context;
use crate::exit::{ExitCode, Failure};
use crate::output::{OutputFormat, format_age};

/// A broker as `status` reports it; the JSON/YAML field names are a stable interface.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusRow {
    pub name: String,
    pub kind: String,
    pub node_id: Option<i32>,
    pub roles: Vec<Role>,
    pub ready: bool,
    pub ready_pods: i32,
    pub desired_pods: i32,
    pub status: String,
    pub restarts: i32,
    pub created: Option<String>,
    pub age_seconds: Option<i64>,
    pub node: Option<String>,
    pub image: Option<String>,
    pub advertised: Vec<String>,
    pub pvcs: Vec<String>,
    /// Where the broker's volumes can be mounted: `any node`, or `local:<nodes>` when their
    /// PersistentVolumes are pinned (read with -o wide, json or yaml; None when unreadable).
    pub volume_locality: Option<String>,
    pub pod: Option<String>,
    pub pod_ip: Option<String>,
    pub services: Vec<String>,
    pub not_ready_reason: Option<String>,
    /// The Kafka side (None when Kafka was not asked or did not answer).
    pub active_controller: Option<bool>,
    pub partitions_led: Option<usize>,
    pub under_replicated: Option<usize>,
    /// The Kafka release the broker says it runs (from the metadata.version levels its software
    /// supports); asked with -o wide, json or yaml.
    pub kafka_version: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusDocument<'a> {
    pub namespace: &'a str,
    pub selector: &'a str,
    pub brokers: &'a [StatusRow],
}

impl StatusRow {
    pub fn new(broker: &Broker, now: jiff::Timestamp) -> StatusRow {
        let pod = broker.current_pod();
        let status = match pod {
            Some(p) => p.status.clone(),
            None if broker.desired_replicas == 0 => "ScaledDown".to_string(),
            None => "NoPod".to_string(),
        };
        let started = pod.and_then(|p| p.created).or(broker.created);
        StatusRow {
            name: broker.name.clone(),
            kind: format!("{:?}", broker.kind),
            node_id: broker.node_id,
            roles: broker.roles.clone(),
            ready: broker.is_ready(),
            ready_pods: broker.pods.iter().filter(|p| p.ready && !p.terminating).count() as i32,
            desired_pods: broker.desired_replicas,
            status,
            restarts: pod.map_or(0, |p| p.restarts),
            created: started.map(|t| t.to_string()),
            age_seconds: started.map(|t| now.duration_since(t).as_secs()),
            node: pod.and_then(|p| p.node.clone()),
            image: broker.image.clone(),
            advertised: broker.advertised.iter().map(|l| format!("{}:{}", l.host, l.port)).collect(),
            pvcs: broker.volumes.iter().map(|v| v.claim.clone()).collect(),
            volume_locality: None,
            pod: pod.map(|p| p.name.clone()),
            pod_ip: pod.and_then(|p| p.ip.clone()),
            services: broker.services.clone(),
            not_ready_reason: broker.not_ready_reason(),
            active_controller: None,
            partitions_led: None,
            under_replicated: None,
            kafka_version: None,
        }
    }

    fn cells(&self, wide: bool) -> Vec<String> {
        let dash = || "<none>".to_string();
        let roles: Vec<String> = self.roles.iter().map(|r| format!("{r:?}").to_lowercase()).collect();
        let mut cells = vec![
            self.name.clone(),
            self.node_id.map_or_else(dash, |id| id.to_string()),
            if roles.is_empty() { dash() } else { roles.join(",") },
            format!("{}/{}", self.ready_pods, self.desired_pods),
            self.status.clone(),
            self.restarts.to_string(),
            self.age_seconds.map_or_else(dash, format_age),
            self.node.clone().unwrap_or_else(dash),
        ];
        let kafka = |v: Option<String>| v.unwrap_or_else(|| "?".into());
        cells.extend([
            kafka(self.active_controller.map(|c| if c { "yes".into() } else { "-".into() })),
            kafka(self.partitions_led.map(|n| n.to_string())),
            kafka(self.under_replicated.map(|n| n.to_string())),
        ]);
        if wide {
            let list = |v: &[String]| if v.is_empty() { dash() } else { v.join(",") };
            cells.extend([
                self.image.clone().unwrap_or_else(dash),
                kafka(self.kafka_version.clone()),
                list(&self.advertised),
                list(&self.pvcs),
                kafka(self.volume_locality.clone()),
                self.pod.clone().unwrap_or_else(dash),
            ]);
        }
        cells
    }
}

pub async fn run(ctx: &Context, args: &StatusArgs) -> anyhow::Result<()> {
    let cluster = ctx.connect().await?;
    let brokers = discover_brokers(&cluster, &ctx.selector).await?;
    let chosen =
        select_brokers(&brokers, &args.brokers).map_err(|name| unknown_broker(&name, &brokers, &cluster.namespace))?;
    let now = jiff::Timestamp::now();
    let mut rows: Vec<StatusRow> = chosen.iter().map(|b| StatusRow::new(b, now)).collect();
    if !args.no_kafka {
        add_kafka_side(ctx, &cluster, &brokers, &mut rows).await;
    }
    if ctx.printer.format != OutputFormat::Table {
        add_volume_locality(&cluster, &chosen, &mut rows).await;
    }

    let printer = &ctx.printer;
    match printer.format {
        OutputFormat::Table | OutputFormat::Wide => {
            let wide = printer.format == OutputFormat::Wide;
            let mut headers = vec![
                "NAME",
                "NODE-ID",
                "ROLES",
                "READY",
                "STATUS",
                "RESTARTS",
                "AGE",
                "NODE",
                "CONTROLLER",
                "LEADS",
                "URP",
            ];
            if wide {
                headers.extend(["IMAGE", "KAFKA", "ADVERTISED", "PVC", "VOLUME", "POD"]);
            }
            let cells: Vec<Vec<String>> = rows.iter().map(|r| r.cells(wide)).collect();
            printer.table(&headers, &cells)?;
        }
        OutputFormat::Json | OutputFormat::Yaml => {
            printer.document(&StatusDocument {
                namespace: &cluster.namespace,
                selector: &ctx.selector,
                brokers: &rows,
            })?;
        }
    }

    let not_ready: Vec<&StatusRow> = rows.iter().filter(|r| !r.ready).collect();
    if not_ready.is_empty() {
        return Ok(());
    }
    let reasons: Vec<String> = not_ready
        .iter()
        .map(|r| format!("{} ({})", r.name, r.not_ready_reason.as_deref().unwrap_or("not ready")))
        .collect();
    let first = not_ready[0];
    let hint = if first.desired_pods == 0 {
        format!("scale it back with `kubectl -n {} scale deployment/{} --replicas 1`", cluster.namespace, first.name)
    } else {
        match &first.pod {
            Some(pod) => format!(
                "see why with `kubectl -n {} describe pod {pod}` and `kubectl -n {} logs {pod}`",
                cluster.namespace, cluster.namespace
            ),
            None => format!("see why with `kubectl -n {} describe deployment {}`", cluster.namespace, first.name),
        }
    };
    Err(Failure::new(
        ExitCode::NotReady,
        format!("{} of {} brokers not ready: {}", not_ready.len(), rows.len(), reasons.join(", ")),
    )
    .hint(hint)
    .into())
}

/// Where each broker's volumes can be mounted, from their PersistentVolumes and the nodes
/// (cluster-scoped: a namespaced Role may not read them, and the column then stays unknown).
async fn add_volume_locality(cluster: &crate::cluster::Cluster, chosen: &[&Broker], rows: &mut [StatusRow]) {
    let (nodes, volumes) = tokio::join!(
        crate::cluster::nodes::read_nodes(cluster),
        crate::cluster::nodes::volumes_of_each(cluster, chosen)
    );
    let (Ok(nodes), Some(volumes)) = (nodes, volumes) else {
        tracing::info!("status: nodes or persistent volumes not readable; the VOLUME column stays unknown");
        return;
    };
    for (row, vols) in rows.iter_mut().zip(volumes) {
        let mut kinds: Vec<String> = vols.iter().map(|v| v.locality(&nodes)).collect();
        kinds.dedup();
        row.volume_locality = (!kinds.is_empty()).then(|| kinds.join(";"));
    }
}

/// Fills in the Kafka side when Kafka answers quickly (on either route: the tools route's
/// scripts take a JVM start each, the client route one round trip); otherwise leaves it
/// unknown.
async fn add_kafka_side(ctx: &Context, cluster: &crate::cluster::Cluster, brokers: &[Broker], rows: &mut [StatusRow]) {
    let quiet = crate::output::Printer::new(ctx.printer.format, true);
    let limit = std::time::Duration::from_secs(3);
    let Ok(Ok(route)) =
        tokio::time::timeout(limit, crate::route::open(cluster, brokers, &ctx.route_options(limit), &quiet)).await
    else {
        tracing::info!("status: Kafka not reached; its columns stay unknown");
        return;
    };
    let facts = tokio::time::timeout(route.quick_limit(), async {
        // One plain Metadata request and DescribeQuorum side by side: the first answer fast.
        let (meta, quorum) = tokio::join!(route.partitions(), route.quorum());
        let meta = meta.ok()?;
        // The version each broker runs, from each broker itself (not for the plain table).
        let versions = if ctx.printer.format == OutputFormat::Table {
            Vec::new()
        } else {
            route.features_of_each(&meta.brokers).await
        };
        Some((meta, quorum.ok().map(|q| q.leader_id), versions))
    })
    .await;
    if let Ok(Some((meta, leader, versions))) = facts {
        for row in rows.iter_mut() {
            let Some(id) = row.node_id else { continue };
            let parts = meta.topics.iter().flat_map(|t| t.partitions.iter());
            row.partitions_led = Some(parts.clone().filter(|p| p.leader == id).count());
            row.under_replicated =
                Some(parts.filter(|p| p.replicas.contains(&id) && p.isr.len() < p.replicas.len()).count());
            row.active_controller = leader.map(|l| l == id);
            row.kafka_version = versions
                .iter()
                .find(|(b, _)| *b == id)
                .and_then(|(_, f)| f.as_ref().ok()?.supported.get(crate::release::METADATA_VERSION).map(|r| r.max))
                .map(crate::release::describe_max_level);
        }
    }
    route.close().await;
}

/// The error for a broker name that matches nothing, listing the names that would.
pub fn unknown_broker(name: &str, brokers: &[Broker], namespace: &str) -> Failure {
    let known: Vec<String> = brokers
        .iter()
        .map(|b| match b.node_id {
            Some(id) => format!("{} (node {id})", b.name),
            None => b.name.clone(),
        })
        .collect();
    Failure::new(ExitCode::NotFound, format!("no broker named {name:?} in namespace {namespace}"))
        .hint(format!("name a broker by Deployment name, instance label or node id: {}", known.join(", ")))
}
