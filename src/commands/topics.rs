//! `kubectl kafka topics ...`: list, describe, create, delete, alter-config, add-partitions,
//! over any transport. Names are checked as Kafka checks them before anything is sent;
//! mutations take --dry-run (the brokers validate, nothing changes); delete asks first.

use serde::Serialize;

use crate::cli::{
    TopicsAddPartitionsArgs, TopicsAlterConfigArgs, TopicsCommand, TopicsCreateArgs, TopicsDeleteArgs,
    TopicsDescribeArgs, TopicsListArgs,
};
use crate::commands::Context;
use crate::commands::reach::{Reach, Session, exec_tool, open_route, require_topic};
use crate::exit::{ExitCode, Failure};
use crate::kafka::KafkaOptions;
use crate::kafka::admin::{self, ConfigRow, KafkaObjectError, TopicSpec};
use crate::kafka::configs::alter_topic_config;
use crate::kafka::metadata::{
    ClusterMeta, TopicSummary, brokers_without_topic, fetch_metadata, fetch_metadata_for, is_internal, summarise,
};
use crate::kafka::names::check_topic_name;
use crate::kafka::offsets::{PartitionOffsets, partition_offsets};
use rdkafka::types::RDKafkaErrorCode;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct TopicList<'a> {
    topics: &'a [TopicSummary],
}

pub async fn run(ctx: &Context, command: &TopicsCommand) -> anyhow::Result<()> {
    match command {
        TopicsCommand::List(args) => list(ctx, args).await,
        TopicsCommand::Describe(args) => describe(ctx, args).await,
        TopicsCommand::Create(args) => create(ctx, args).await,
        TopicsCommand::Delete(args) => delete(ctx, args).await,
        TopicsCommand::AlterConfig(args) => alter_config(ctx, args).await,
        TopicsCommand::AddPartitions(args) => add_partitions(ctx, args).await,
    }
}

/// A Kafka client that got no answer: say which transport it used and what else to try.
pub fn unreachable_kafka(err: anyhow::Error, tunnelled: bool) -> anyhow::Error {
    let hint = if tunnelled {
        "the port-forward reached no broker: check `kubectl kafka status` and that pods/portforward is allowed; or try --via exec"
    } else {
        "the advertised addresses answer only inside the cluster; outside it use --via port-forward (or the default --via auto)"
    };
    Failure::new(ExitCode::Unreachable, format!("{err:#}")).hint(hint).into()
}

/// Maps Kafka's answer about one topic to a failure that says what to do.
fn topic_failure(err: anyhow::Error, topic: &str, namespace: &str) -> anyhow::Error {
    let Some(e) = err.downcast_ref::<KafkaObjectError>() else { return err };
    let (code, hint) = match e.code {
        RDKafkaErrorCode::TopicAlreadyExists => {
            (ExitCode::Failure, "pass --if-not-exists to accept an existing topic".to_string())
        }
        RDKafkaErrorCode::UnknownTopicOrPartition => {
            (ExitCode::NotFound, format!("`kubectl kafka -n {namespace} topics list` shows the topics"))
        }
        RDKafkaErrorCode::InvalidReplicationFactor => (
            ExitCode::Usage,
            format!("the replication factor cannot exceed the brokers: `kubectl kafka -n {namespace} status`"),
        ),
        RDKafkaErrorCode::InvalidPartitions => (ExitCode::Usage, "the partition count can only grow".to_string()),
        RDKafkaErrorCode::InvalidConfig | RDKafkaErrorCode::PolicyViolation => (
            ExitCode::Usage,
            "check the config keys and values (kafka.apache.org/documentation/#topicconfigs)".to_string(),
        ),
        RDKafkaErrorCode::TopicDeletionDisabled => {
            (ExitCode::Failure, "the brokers have delete.topic.enable=false".to_string())
        }
        _ => (ExitCode::Failure, "see the broker logs: kubectl logs <broker pod>".to_string()),
    };
    Failure::new(code, format!("topic {topic}: {}", e.code)).hint(hint).into()
}

fn checked_name(ctx: &Context, topic: &str) -> anyhow::Result<()> {
    match check_topic_name(topic) {
        Ok(None) => Ok(()),
        Ok(Some(warning)) => {
            ctx.printer.warn(&warning);
            Ok(())
        }
        Err(msg) => Err(Failure::new(ExitCode::Usage, format!("invalid topic name: {msg}"))
            .hint("use ASCII letters, digits, '.', '_' and '-', at most 249 characters")
            .into()),
    }
}

/// Discovery, then the route; tunnels live as long as the returned `Reach`.
async fn connect(ctx: &Context, timeout: std::time::Duration) -> anyhow::Result<(crate::cluster::Cluster, Reach)> {
    let (cluster, _, route) = open_route(ctx, timeout).await?;
    Ok((cluster, route))
}

async fn metadata_or_explain(opts: &KafkaOptions, tunnelled: bool) -> anyhow::Result<ClusterMeta> {
    fetch_metadata(opts).await.map_err(|err| unreachable_kafka(err, tunnelled))
}

async fn list(ctx: &Context, args: &TopicsListArgs) -> anyhow::Result<()> {
    let (_cluster, route) = connect(ctx, args.timeout).await?;
    let rows = match &route {
        Reach::Client { opts, tunnels } => summarise(&metadata_or_explain(opts, tunnels.is_some()).await?, args.all),
        Reach::Exec { .. } => {
            // kafka-topics.sh --list gives names only: the other columns stay empty.
            let mut extra = vec!["--list".to_string()];
            if !args.all {
                extra.push("--exclude-internal".into());
            }
            let out = exec_tool(&route, "kafka-topics.sh", &extra).await?;
            let mut names: Vec<String> =
                out.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect();
            names.sort();
            names
                .into_iter()
                .map(|name| TopicSummary {
                    internal: is_internal(&name),
                    name,
                    partitions: 0,
                    replication_factor: 0,
                    under_replicated: 0,
                    offline: 0,
                })
                .collect()
        }
    };
    let exec = matches!(route, Reach::Exec { .. });
    route.close().await;
    if ctx.printer.format.is_machine() {
        return ctx.printer.document(&TopicList { topics: &rows });
    }
    if exec {
        let names: Vec<Vec<String>> = rows.iter().map(|r| vec![r.name.clone()]).collect();
        return ctx.printer.table(&["NAME"], &names);
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.name.clone(),
                r.partitions.to_string(),
                r.replication_factor.to_string(),
                r.under_replicated.to_string(),
                r.offline.to_string(),
            ]
        })
        .collect();
    ctx.printer.table(&["NAME", "PARTITIONS", "REPLICAS", "UNDER-REPLICATED", "OFFLINE"], &cells)
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PartitionRow {
    partition: i32,
    leader: i32,
    replicas: Vec<i32>,
    isr: Vec<i32>,
    offline: bool,
    under_replicated: bool,
    log_start_offset: Option<i64>,
    log_end_offset: Option<i64>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct TopicDescription {
    name: String,
    partitions: Vec<PartitionRow>,
    configs: Vec<ConfigRow>,
}

async fn describe(ctx: &Context, args: &TopicsDescribeArgs) -> anyhow::Result<()> {
    checked_name(ctx, &args.topic)?;
    let (cluster, route) = connect(ctx, args.timeout).await?;
    let result = match &route {
        Reach::Exec { .. } => {
            let out =
                exec_tool(&route, "kafka-topics.sh", &["--describe".into(), "--topic".into(), args.topic.clone()])
                    .await?;
            if out.trim().is_empty() {
                Err(missing_topic(&args.topic, &cluster.namespace))
            } else {
                ctx.printer.lines(&out.lines().map(String::from).collect::<Vec<_>>())
            }
        }
        Reach::Client { opts, tunnels } => {
            let meta =
                fetch_metadata_for(opts, &args.topic).await.map_err(|e| unreachable_kafka(e, tunnels.is_some()))?;
            match meta.topics.iter().find(|t| t.name == args.topic && t.error.is_none()) {
                None => Err(missing_topic(&args.topic, &cluster.namespace)),
                Some(topic) => {
                    let ids: Vec<i32> = topic.partitions.iter().map(|p| p.id).collect();
                    let offsets = partition_offsets(opts, &args.topic, &ids).await?;
                    let configs = admin::topic_configs(opts, &args.topic)
                        .await
                        .map_err(|e| topic_failure(e, &args.topic, &cluster.namespace))?;
                    let shown: Vec<ConfigRow> = configs
                        .into_iter()
                        .filter(|c| args.all_configs || c.source == "DYNAMIC_TOPIC_CONFIG")
                        .collect();
                    let desc = TopicDescription {
                        name: topic.name.clone(),
                        partitions: partition_rows(topic, &offsets),
                        configs: shown,
                    };
                    print_description(ctx, &desc, args.all_configs)
                }
            }
        }
    };
    route.close().await;
    result
}

fn partition_rows(topic: &crate::kafka::metadata::TopicMeta, offsets: &[PartitionOffsets]) -> Vec<PartitionRow> {
    let mut rows: Vec<PartitionRow> = topic
        .partitions
        .iter()
        .map(|p| {
            let o = offsets.iter().find(|o| o.partition == p.id);
            PartitionRow {
                partition: p.id,
                leader: p.leader,
                replicas: p.replicas.clone(),
                isr: p.isr.clone(),
                offline: p.leader < 0,
                under_replicated: p.isr.len() < p.replicas.len(),
                log_start_offset: o.map(|o| o.low),
                log_end_offset: o.map(|o| o.high),
            }
        })
        .collect();
    rows.sort_by_key(|r| r.partition);
    rows
}

fn print_description(ctx: &Context, desc: &TopicDescription, all_configs: bool) -> anyhow::Result<()> {
    if ctx.printer.format.is_machine() {
        return ctx.printer.document(desc);
    }
    let join = |v: &[i32]| v.iter().map(i32::to_string).collect::<Vec<_>>().join(",");
    let rows: Vec<Vec<String>> = desc
        .partitions
        .iter()
        .map(|p| {
            let mut marks = Vec::new();
            if p.offline {
                marks.push("offline");
            }
            if p.under_replicated {
                marks.push("under-replicated");
            }
            vec![
                p.partition.to_string(),
                if p.leader < 0 { "none".into() } else { p.leader.to_string() },
                join(&p.replicas),
                join(&p.isr),
                p.log_start_offset.map_or("?".into(), |o| o.to_string()),
                p.log_end_offset.map_or("?".into(), |o| o.to_string()),
                if marks.is_empty() { "ok".into() } else { marks.join(",") },
            ]
        })
        .collect();
    ctx.printer.lines(&[format!("Topic: {}   Partitions: {}", desc.name, desc.partitions.len())])?;
    ctx.printer.table(&["PARTITION", "LEADER", "REPLICAS", "ISR", "LOG-START", "LOG-END", "STATE"], &rows)?;
    let configs: Vec<Vec<String>> = desc
        .configs
        .iter()
        .map(|c| {
            let mut row = vec![c.name.clone(), c.value.clone().unwrap_or_else(|| "<sensitive>".into())];
            if all_configs {
                row.push(c.source.clone());
            }
            row
        })
        .collect();
    ctx.printer.lines(&[String::new()])?;
    if configs.is_empty() {
        return ctx.printer.lines(&["Configs: none set on the topic (--all-configs shows the effective ones)".into()]);
    }
    if all_configs {
        ctx.printer.table(&["CONFIG", "VALUE", "SOURCE"], &configs)
    } else {
        ctx.printer.table(&["CONFIG", "VALUE"], &configs)
    }
}

fn missing_topic(topic: &str, namespace: &str) -> anyhow::Error {
    Failure::new(ExitCode::NotFound, format!("topic {topic} does not exist"))
        .hint(format!("`kubectl kafka -n {namespace} topics list` shows the topics; `topics create {topic}` makes it"))
        .into()
}

async fn create(ctx: &Context, args: &TopicsCreateArgs) -> anyhow::Result<()> {
    checked_name(ctx, &args.topic)?;
    if args.partitions < 1 {
        return Err(Failure::new(
            ExitCode::Usage,
            format!("--partitions {}: a topic needs at least 1", args.partitions),
        )
        .into());
    }
    if args.replication_factor < 1 {
        return Err(Failure::new(
            ExitCode::Usage,
            format!("--replication-factor {}: must be at least 1", args.replication_factor),
        )
        .into());
    }
    let (cluster, route) = connect(ctx, args.timeout).await?;
    let ns = cluster.namespace.clone();
    let result = async {
        match &route {
            Reach::Client { opts, tunnels } => {
                let meta = metadata_or_explain(opts, tunnels.is_some()).await?;
                if args.replication_factor as usize > meta.brokers.len() {
                    return Err(Failure::new(
                        ExitCode::Usage,
                        format!(
                            "replication factor {} is larger than the {} brokers registered",
                            args.replication_factor,
                            meta.brokers.len()
                        ),
                    )
                    .hint(format!("use --replication-factor {} or less", meta.brokers.len()))
                    .into());
                }
                if meta.topics.iter().any(|t| t.name == args.topic && t.error.is_none()) {
                    if args.if_not_exists {
                        ctx.printer.note(&format!("topic {} already exists", args.topic));
                        return Ok(());
                    }
                    return Err(Failure::new(ExitCode::Failure, format!("topic {} already exists", args.topic))
                        .hint("pass --if-not-exists to accept an existing topic")
                        .into());
                }
                let spec = TopicSpec {
                    name: args.topic.clone(),
                    partitions: args.partitions,
                    replication_factor: args.replication_factor,
                    configs: args.configs.clone(),
                };
                admin::create_topic(opts, &spec, args.dry_run).await.map_err(|e| topic_failure(e, &args.topic, &ns))?;
                if !args.dry_run {
                    wait_until_ready(opts, &args.topic, args.partitions as usize, args.timeout).await?;
                }
            }
            Reach::Exec { .. } => {
                if args.dry_run {
                    return Err(
                        Failure::new(ExitCode::Usage, "--dry-run needs a Kafka client route, not --via exec").into()
                    );
                }
                let mut a = vec![
                    "--create".to_string(),
                    "--topic".into(),
                    args.topic.clone(),
                    "--partitions".into(),
                    args.partitions.to_string(),
                    "--replication-factor".into(),
                    args.replication_factor.to_string(),
                ];
                if args.if_not_exists {
                    a.push("--if-not-exists".into());
                }
                for (k, v) in &args.configs {
                    a.extend(["--config".into(), format!("{k}={v}")]);
                }
                exec_tool(&route, "kafka-topics.sh", &a).await?;
            }
        }
        let verb = if args.dry_run {
            "would be created (dry run: validated by the brokers, nothing changed)"
        } else {
            "created"
        };
        ctx.printer.lines(&[format!("topic/{} {verb}", args.topic)])
    }
    .await;
    route.close().await;
    result
}

/// Waits until every broker's metadata shows the new topic with a leader for each partition,
/// so that a `produce`, `describe` or `alter-config` right after `create` finds it whichever
/// broker it asks (creation reaches the brokers asynchronously).
async fn wait_until_ready(
    opts: &KafkaOptions,
    topic: &str,
    partitions: usize,
    limit: std::time::Duration,
) -> anyhow::Result<()> {
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        let missing = match fetch_metadata(opts).await {
            Ok(meta) => Some(brokers_without_topic(opts, &meta, topic, partitions).await),
            Err(_) => None,
        };
        if missing.as_ref().is_some_and(Vec::is_empty) {
            return Ok(());
        }
        if tokio::time::Instant::now() >= deadline {
            let who = match missing {
                Some(ids) => format!("broker(s) {} do not show it with a leader for every partition", join_ids(&ids)),
                None => "the cluster's metadata could not be read".to_string(),
            };
            return Err(Failure::new(
                ExitCode::Failure,
                format!("topic {topic} was created but {who} after {limit:?}"),
            )
            .hint("check `kubectl kafka status` and `kubectl kafka health`")
            .into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

fn join_ids(ids: &[i32]) -> String {
    ids.iter().map(i32::to_string).collect::<Vec<_>>().join(", ")
}

async fn delete(ctx: &Context, args: &TopicsDeleteArgs) -> anyhow::Result<()> {
    for t in &args.topics {
        checked_name(ctx, t)?;
    }
    let session = Session::open(ctx, args.timeout, "topics delete").await?;
    let (ns, opts) = (session.cluster.namespace.clone(), &session.opts);
    let result = async {
        let meta = fetch_metadata(opts).await.map_err(|e| session.unreachable(e))?;
        let mut present = Vec::new();
        for t in &args.topics {
            if meta.topics.iter().any(|m| &m.name == t && m.error.is_none()) {
                present.push(t.clone());
            } else if !args.if_exists {
                return Err(missing_topic(t, &ns));
            }
        }
        if present.is_empty() {
            ctx.printer.note("no such topics; nothing to delete");
            return Ok(());
        }
        if args.dry_run {
            return ctx
                .printer
                .lines(&present.iter().map(|t| format!("topic/{t} would be deleted (dry run)")).collect::<Vec<_>>());
        }
        if !args.yes
            && !ctx
                .printer
                .confirm(&format!("delete {} in namespace {ns}? This cannot be undone.", present.join(", ")))?
        {
            return Err(Failure::new(ExitCode::Usage, "not deleted: not confirmed")
                .hint("pass --yes to delete without asking")
                .into());
        }
        let mut failed = None;
        for result in admin::delete_topics(opts, &present).await? {
            match result {
                Ok(t) => ctx.printer.lines(&[format!("topic/{t} deleted")])?,
                Err(e) => {
                    let topic = e.object.clone();
                    failed = Some(topic_failure(e.into(), &topic, &ns));
                }
            }
        }
        failed.map_or(Ok(()), Err)
    }
    .await;
    session.close().await;
    result
}

async fn alter_config(ctx: &Context, args: &TopicsAlterConfigArgs) -> anyhow::Result<()> {
    checked_name(ctx, &args.topic)?;
    if args.set.is_empty() && args.delete.is_empty() {
        return Err(Failure::new(ExitCode::Usage, "nothing to change")
            .hint("pass --set KEY=VALUE and/or --delete KEY")
            .into());
    }
    if let Some((k, _)) = args.set.iter().find(|(k, _)| args.delete.contains(k)) {
        return Err(Failure::new(ExitCode::Usage, format!("{k} is both set and deleted")).into());
    }
    let (cluster, route) = connect(ctx, args.timeout).await?;
    let ns = cluster.namespace.clone();
    let result = async {
        match &route {
            Reach::Client { opts, tunnels } => {
                let meta =
                    fetch_metadata_for(opts, &args.topic).await.map_err(|e| unreachable_kafka(e, tunnels.is_some()))?;
                if !meta.topics.iter().any(|t| t.name == args.topic && t.error.is_none()) {
                    return Err(missing_topic(&args.topic, &ns));
                }
                alter_topic_config(opts, &args.topic, &args.set, &args.delete, args.dry_run).await.map_err(|err| {
                    Failure::new(ExitCode::Usage, format!("alter configs of topic {}: {err:#}", args.topic))
                        .hint("check the keys and values; `topics describe --all-configs` lists the current ones")
                })?;
            }
            Reach::Exec { .. } => {
                if args.dry_run {
                    return Err(
                        Failure::new(ExitCode::Usage, "--dry-run needs a Kafka client route, not --via exec").into()
                    );
                }
                let mut a = vec![
                    "--alter".to_string(),
                    "--entity-type".into(),
                    "topics".into(),
                    "--entity-name".into(),
                    args.topic.clone(),
                ];
                if !args.set.is_empty() {
                    a.extend([
                        "--add-config".into(),
                        args.set.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(","),
                    ]);
                }
                if !args.delete.is_empty() {
                    a.extend(["--delete-config".into(), args.delete.join(",")]);
                }
                exec_tool(&route, "kafka-configs.sh", &a).await?;
            }
        }
        let mut lines: Vec<String> = args.set.iter().map(|(k, v)| format!("{k}={v}")).collect();
        lines.extend(args.delete.iter().map(|k| format!("{k} (deleted: broker default)")));
        let verb = if args.dry_run { "would change (dry run: validated by the brokers)" } else { "changed" };
        ctx.printer.lines(&[format!("topic/{} configs {verb}: {}", args.topic, lines.join(", "))])
    }
    .await;
    route.close().await;
    result
}

async fn add_partitions(ctx: &Context, args: &TopicsAddPartitionsArgs) -> anyhow::Result<()> {
    checked_name(ctx, &args.topic)?;
    let session = Session::open(ctx, args.timeout, "topics add-partitions").await?;
    let (ns, opts) = (session.cluster.namespace.clone(), &session.opts);
    let result = async {
        let meta = fetch_metadata(opts).await.map_err(|e| session.unreachable(e))?;
        let topic = require_topic(&meta, &args.topic, &ns)?;
        let current = topic.partitions.len();
        if args.to <= current {
            return Err(Failure::new(
                ExitCode::Usage,
                format!("topic {} has {current} partitions; --to {} would not add any", args.topic, args.to),
            )
            .hint(format!("pass --to {} or more (partitions can only be added, never removed)", current + 1))
            .into());
        }
        admin::add_partitions(opts, &args.topic, args.to, args.dry_run)
            .await
            .map_err(|e| topic_failure(e, &args.topic, &ns))?;
        let verb = if args.dry_run { "would grow (dry run)" } else { "grew" };
        ctx.printer.lines(&[format!("topic/{} {verb} from {current} to {} partitions", args.topic, args.to)])
    }
    .await;
    session.close().await;
    result
}
