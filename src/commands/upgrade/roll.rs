//! `kubectl kafka upgrade --version V | --image I`: the new image one broker at a time, with
//! restart's checks before each and its waits after, the quorum leader last; each broker
//! verified to run the new version from its own answer before the next. metadata.version does
//! not change, so the old image can still come back (`rollback`). Running the command again
//! resumes: a broker already on the image, running the version and in sync is skipped.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Serialize;
use serde_json::{Value, json};

use crate::cli::UpgradeArgs;
use crate::cluster::discovery::discover_brokers;
use crate::cluster::model::select_brokers;
use crate::cluster::{Broker, Cluster};
use crate::commands::Context;
use crate::commands::rollout::{
    Change, Cleared, Interrupt, KafkaState, check_inputs, kafka_request_timeout, require_deployment, roll_broker,
    stopped_brokers, stuck_note, wait_until_safe,
};
use crate::commands::status::unknown_broker;
use crate::commands::upgrade::{Software, read_software};
use crate::exit::{ExitCode, Failure};
use crate::kafka::KafkaOptions;
use crate::kafka::features::features_of_each;
use crate::release::{Release, can_run, describe_max_level, level_name, runs};
use crate::rollout::safety::{Candidate, blockers, restart_order};

/// The image and the Kafka version it runs.
#[derive(Debug, Clone)]
pub struct Target {
    pub image: String,
    pub release: Release,
}

/// `--version V` is apache/kafka:V; `--image I` must name its version in the tag unless
/// `--version` says it.
pub fn target(version: Option<&str>, image: Option<&str>) -> Result<Target, String> {
    let release = match version {
        Some(v) => Some(Release::parse(v).ok_or_else(|| format!("--version {v}: not a Kafka version (e.g. 3.9.1)"))?),
        None => None,
    };
    match (image, release) {
        (Some(image), Some(release)) => Ok(Target { image: image.to_string(), release }),
        (Some(image), None) => Release::of_image(image)
            .map(|release| Target { image: image.to_string(), release })
            .ok_or_else(|| format!("--image {image}: its tag names no Kafka version; say which with --version")),
        (None, Some(release)) => Ok(Target { image: format!("apache/kafka:{release}"), release }),
        (None, None) => Err("say which Kafka to run: --version or --image".into()),
    }
}

/// The patch of one broker's Deployment: its Kafka container's image, and the change cause
/// `history` shows.
pub fn image_patch(container: &str, target: &Target) -> Value {
    json!({
        "metadata": {"annotations": {"kubernetes.io/change-cause": format!("kubectl kafka upgrade to {} ({})", target.release, target.image)}},
        "spec": {"template": {"spec": {"containers": [{"name": container, "image": target.image}]}}}
    })
}

/// Whether a broker is done: its Deployment names the image, the broker says it runs the
/// version, and it is registered and in sync (a killed run may have left it half-way).
pub fn already_upgraded(image: Option<&str>, max_level: Option<i16>, in_sync: bool, target: &Target) -> bool {
    image == Some(target.image.as_str()) && max_level.is_some_and(|m| runs(m, &target.release)) && in_sync
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Row {
    broker: String,
    node_id: i32,
    image: Option<String>,
    /// The release line the broker says it runs (from the metadata.version levels it supports).
    runs: Option<String>,
    to_image: String,
    to_version: String,
    action: &'static str,
    check: String,
}

pub async fn run(ctx: &Context, args: &UpgradeArgs) -> anyhow::Result<()> {
    let target = target(args.version.as_deref(), args.image.as_deref())
        .map_err(|m| Failure::new(ExitCode::Usage, m).hint("e.g. kubectl kafka upgrade --version 3.9.1"))?;
    let cluster = ctx.connect().await?;
    let brokers = discover_brokers(&cluster, &ctx.selector).await?;
    let chosen =
        select_brokers(&brokers, &args.brokers).map_err(|n| unknown_broker(&n, &brokers, &cluster.namespace))?;
    for b in &chosen {
        require_deployment(b)?;
        if b.paused {
            return Err(Failure::new(ExitCode::Refused, format!("can't upgrade paused deployment {}", b.workload))
                .hint(format!("kubectl -n {} rollout resume deployment/{}", cluster.namespace, b.workload))
                .into());
        }
        if b.container.is_none() {
            return Err(Failure::new(
                ExitCode::NotFound,
                format!("{}: no Kafka container found in its pod template", b.name),
            )
            .into());
        }
    }
    let route = ctx.open_route(&cluster, &brokers, kafka_request_timeout(ctx, args.timeout)).await?;
    let result = async {
        let opts = &route.client("upgrade (its checks and each broker's version)")?.opts;
        let software = read_software(opts).await;
        preflight(ctx, args, &target, software.as_ref().ok())?;
        let software = software.ok();
        let (mut min_isr, state) = check_inputs(&ctx.printer, args.force, opts).await?;
        let rows = rows(&chosen, software.as_ref(), state.as_ref(), &target);
        let order = order(&chosen, &rows, state.as_ref());
        if args.dry_run {
            return print_plan(ctx, &rows, &order, &chosen, &target);
        }
        for r in rows.iter().filter(|r| r.action == "skip") {
            ctx.printer
                .note(&format!("{}: already runs {} ({}) and is in sync", r.broker, target.release, target.image));
        }
        if args.force {
            ctx.printer
                .warn("--force: the safety checks are skipped; partitions may go offline or below min.insync.replicas");
        }
        let done = roll_all(ctx, args, &cluster, opts, &brokers, &chosen, &order, &target, &mut min_isr).await?;
        print_done(ctx, &done, &rows, &target)
    }
    .await;
    route.close().await;
    result
}

/// The cluster's finalized metadata.version must be one the target runs. Unreadable refuses
/// unless --force.
fn preflight(ctx: &Context, args: &UpgradeArgs, target: &Target, software: Option<&Software>) -> anyhow::Result<()> {
    let level = software.and_then(|s| s.finalized_level());
    let Some(level) = level else {
        let why = "the cluster's finalized metadata.version could not be read from any broker";
        if args.force {
            ctx.printer
                .warn(&format!("--force: {why}; going on without knowing whether Kafka {} can run it", target.release));
            return Ok(());
        }
        return Err(Failure::new(ExitCode::Refused, format!("not upgrading: {why}"))
            .hint("check `kubectl kafka health`; --force goes on without this check")
            .into());
    };
    if let Err(why) = can_run(&target.release, level) {
        if args.force {
            ctx.printer.warn(&format!("--force: {why}"));
            return Ok(());
        }
        return Err(Failure::new(ExitCode::Refused, format!("not upgrading to {}: {why}", target.image))
            .hint("`kubectl kafka version` shows what each broker runs and what is finalized")
            .into());
    }
    Ok(())
}

fn in_sync(state: Option<&KafkaState>, id: i32) -> bool {
    state.is_some_and(|s| {
        s.registered.contains(&id) && s.partitions.iter().all(|p| !p.replicas.contains(&id) || p.isr.contains(&id))
    })
}

fn rows(chosen: &[&Broker], software: Option<&Software>, state: Option<&KafkaState>, target: &Target) -> Vec<Row> {
    chosen
        .iter()
        .filter_map(|b| {
            let id = b.node_id?;
            let max = software.and_then(|s| s.max_level(id));
            let done = already_upgraded(b.image.as_deref(), max, in_sync(state, id), target);
            let check = match state {
                Some(s) if !done => {
                    let found = blockers(id, &s.partitions, &s.quorum);
                    if found.is_empty() {
                        "ok".to_string()
                    } else {
                        format!("would wait: {}", found.iter().map(|f| f.detail.clone()).collect::<Vec<_>>().join("; "))
                    }
                }
                Some(_) => "-".to_string(),
                None => "unknown (--force)".to_string(),
            };
            Some(Row {
                broker: b.name.clone(),
                node_id: id,
                image: b.image.clone(),
                runs: max.map(describe_max_level),
                to_image: target.image.clone(),
                to_version: target.release.to_string(),
                action: if done { "skip" } else { "upgrade" },
                check,
            })
        })
        .collect()
}

/// Restart's order over the brokers still to do: not ready first, the quorum leader last.
fn order(chosen: &[&Broker], rows: &[Row], state: Option<&KafkaState>) -> Vec<Candidate> {
    let todo = rows
        .iter()
        .filter(|r| r.action == "upgrade")
        .map(|r| Candidate {
            name: r.broker.clone(),
            node_id: r.node_id,
            ready: chosen.iter().any(|b| b.name == r.broker && b.is_ready()),
            pod_started: None,
        })
        .collect();
    restart_order(todo, state.map(|s| s.quorum.leader))
}

fn print_plan(
    ctx: &Context,
    rows: &[Row],
    order: &[Candidate],
    chosen: &[&Broker],
    target: &Target,
) -> anyhow::Result<()> {
    let patches: Vec<Value> = order
        .iter()
        .filter_map(|c| chosen.iter().find(|b| b.name == c.name))
        .map(|b| json!({"deployment": b.workload, "patch": image_patch(b.container.as_deref().unwrap_or("kafka"), target)}))
        .collect();
    if ctx.printer.format.is_machine() {
        return ctx.printer.document(&json!({
            "dryRun": true,
            "target": {"image": target.image, "version": target.release.to_string()},
            "order": order.iter().map(|c| &c.name).collect::<Vec<_>>(),
            "brokers": rows,
            "patches": patches,
        }));
    }
    let position = |name: &str| order.iter().position(|c| c.name == name);
    // In the order the brokers would roll; those already done last.
    let mut sorted: Vec<&Row> = rows.iter().collect();
    sorted.sort_by_key(|r| (position(&r.broker).unwrap_or(usize::MAX), r.node_id));
    let cells: Vec<Vec<String>> = sorted
        .iter()
        .map(|r| {
            vec![
                position(&r.broker).map_or("-".to_string(), |i| (i + 1).to_string()),
                r.broker.clone(),
                r.image.clone().unwrap_or_else(|| "-".into()),
                r.runs.clone().unwrap_or_else(|| "unknown".into()),
                if r.action == "skip" { "already done".into() } else { format!("{} ({})", r.to_version, r.to_image) },
                r.check.clone(),
            ]
        })
        .collect();
    ctx.printer.table(&["ORDER", "BROKER", "IMAGE", "RUNS", "TO", "CHECK NOW"], &cells)?;
    let mut lines = vec![String::new()];
    for p in &patches {
        lines.push(format!(
            "deployment.apps/{} patch (strategic merge): {}",
            p["deployment"].as_str().unwrap_or(""),
            p["patch"]
        ));
    }
    ctx.printer.lines(&lines)?;
    ctx.printer.note("dry run: nothing changed; metadata.version stays until `upgrade --finalize`");
    Ok(())
}

#[allow(clippy::too_many_arguments, reason = "the steps' shared inputs, passed as they are")]
async fn roll_all(
    ctx: &Context,
    args: &UpgradeArgs,
    cluster: &Cluster,
    opts: &KafkaOptions,
    brokers: &[Broker],
    chosen: &[&Broker],
    order: &[Candidate],
    target: &Target,
    min_isr: &mut BTreeMap<String, i32>,
) -> anyhow::Result<Vec<String>> {
    let ns = &cluster.namespace;
    let again = format!(
        "kubectl kafka -n {ns} upgrade {}",
        args.version.as_ref().map_or_else(|| format!("--image {}", target.image), |v| format!("--version {v}"))
    );
    let interrupted = Interrupt::watch(&ctx.printer);
    let stopped = stopped_brokers(brokers);
    let mut done = Vec::new();
    for c in order {
        if interrupted.asked() {
            return Err(Failure::new(
                ExitCode::Interrupted,
                format!("interrupted after {} of {} brokers; nothing is half-done", done.len(), order.len()),
            )
            .hint(format!("resume with `{again}`"))
            .into());
        }
        let broker = chosen.iter().find(|b| b.name == c.name).expect("chosen broker");
        if !args.force {
            let bar = ctx.printer.progress(&format!("{}: checking", c.name));
            let name = c.name.clone();
            let cleared = wait_until_safe(cluster, opts, min_isr, broker, "upgrade", args.timeout, &stopped, |m| {
                bar.set_message(format!("{name}: {m}"))
            })
            .await?;
            bar.finish_and_clear();
            if let Cleared::Stuck(reason) = cleared {
                ctx.printer.note(&stuck_note(&c.name, "upgrading it", &reason));
            }
        }
        let t0 = std::time::Instant::now();
        let patch = image_patch(broker.container.as_deref().unwrap_or("kafka"), target);
        let failed = |err: anyhow::Error| {
            Failure::new(ExitCode::Failure, format!("upgrade of {} did not complete: {err:#}", c.name))
                .hint(format!("see `kubectl kafka -n {ns} health` and `version`; resume with `{again}`, or go back with `kubectl kafka -n {ns} rollback {}`", c.name))
        };
        roll_broker(cluster, opts, broker, Change::Template(&patch), args.timeout, &ctx.printer)
            .await
            .map_err(failed)?;
        let runs =
            verify_version(opts, c.node_id, target, args.timeout.min(Duration::from_secs(60))).await.map_err(failed)?;
        ctx.printer.note(&format!(
            "{}: runs {} (the broker says {runs}), rejoined and in sync as every broker sees it ({:.0}s)",
            c.name,
            target.release,
            t0.elapsed().as_secs_f64()
        ));
        done.push(c.name.clone());
    }
    Ok(done)
}

/// Asks the broker itself which release it runs until it says the target's (a broker that
/// answered the in-sync wait already runs the new pod; this guards against an image that is
/// not the version its tag says).
async fn verify_version(opts: &KafkaOptions, id: i32, target: &Target, limit: Duration) -> anyhow::Result<String> {
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        let meta = crate::kafka::metadata::fetch_metadata(opts).await?;
        let said = match meta.brokers.iter().find(|b| b.id == id) {
            Some(b) => match features_of_each(opts, std::slice::from_ref(b)).await.pop() {
                Some((_, Ok(f))) => f.supported.get(crate::release::METADATA_VERSION).map(|r| r.max),
                _ => None,
            },
            None => None,
        };
        if let Some(max) = said
            && runs(max, &target.release)
        {
            return Ok(describe_max_level(max));
        }
        if tokio::time::Instant::now() >= deadline {
            let found = said.map_or_else(
                || "did not say which version it runs".to_string(),
                |m| format!("says it runs {} (metadata.version up to {})", describe_max_level(m), level_name(m)),
            );
            anyhow::bail!("broker {id} {found}, not {} as image {} names", target.release, target.image);
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

fn print_done(ctx: &Context, done: &[String], rows: &[Row], target: &Target) -> anyhow::Result<()> {
    let skipped: Vec<&String> = rows.iter().filter(|r| r.action == "skip").map(|r| &r.broker).collect();
    if ctx.printer.format.is_machine() {
        return ctx.printer.document(&json!({
            "target": {"image": target.image, "version": target.release.to_string()},
            "upgraded": done,
            "skipped": skipped,
        }));
    }
    let mut lines: Vec<String> =
        done.iter().map(|b| format!("deployment.apps/{b} upgraded to {}", target.image)).collect();
    lines.push(format!(
        "every chosen broker runs {}; metadata.version is unchanged, so `kubectl kafka rollback` can still go back. \
         When the cluster has run well for a while: `kubectl kafka upgrade --finalize`",
        target.release
    ));
    ctx.printer.lines(&lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_target_comes_from_the_version_or_the_images_tag() {
        let t = target(Some("3.9.1"), None).unwrap();
        assert_eq!((t.image.as_str(), t.release.to_string()), ("apache/kafka:3.9.1", "3.9.1".to_string()));
        let t = target(None, Some("reg.local/kafka:4.4.0")).unwrap();
        assert_eq!(t.release.to_string(), "4.4.0");
        let t = target(Some("3.9.1"), Some("reg.local/kafka:custom")).unwrap();
        assert_eq!((t.image.as_str(), t.release.to_string()), ("reg.local/kafka:custom", "3.9.1".to_string()));
        assert!(target(None, Some("reg.local/kafka:custom")).unwrap_err().contains("--version"));
        assert!(target(Some("latest"), None).unwrap_err().contains("not a Kafka version"));
    }

    #[test]
    fn the_patch_sets_the_kafka_containers_image_and_the_cause() {
        let p = image_patch("kafka", &target(Some("3.9.1"), None).unwrap());
        assert_eq!(
            p["spec"]["template"]["spec"]["containers"][0],
            json!({"name": "kafka", "image": "apache/kafka:3.9.1"})
        );
        assert!(p["metadata"]["annotations"]["kubernetes.io/change-cause"].as_str().unwrap().contains("3.9.1"));
    }

    #[test]
    fn a_broker_is_done_only_on_the_image_running_the_version_and_in_sync() {
        let t = target(Some("3.9.1"), None).unwrap();
        assert!(already_upgraded(Some("apache/kafka:3.9.1"), Some(21), true, &t));
        assert!(!already_upgraded(Some("apache/kafka:3.9.1"), Some(21), false, &t), "not in sync yet");
        assert!(!already_upgraded(Some("apache/kafka:3.9.1"), Some(19), true, &t), "old pod still running");
        assert!(!already_upgraded(Some("apache/kafka:3.7.1"), Some(21), true, &t));
        assert!(!already_upgraded(Some("apache/kafka:3.9.1"), None, true, &t), "the broker did not say");
    }
}
