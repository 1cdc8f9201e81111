//! `kubectl kafka upgrade --finalize`: raises metadata.version to the level every broker's
//! software supports, once every broker runs the same version and the cluster is healthy.
//! It cannot be undone (brokers of an older version can no longer run), so it asks or needs
//! --yes. Other features are raised only when named (`--feature group.version=1`), and
//! kraft.version never implicitly: raising it on a static quorum is not a step to take by
//! accident (KAFKA-21426).

use std::collections::BTreeSet;
use std::time::Duration;

use serde::Serialize;
use serde_json::json;

use crate::cli::UpgradeArgs;
use crate::cluster::discovery::discover_brokers;
use crate::commands::Context;
use crate::commands::rollout::{KafkaState, kafka_request_timeout, kafka_state};
use crate::commands::upgrade::{Software, read_software};
use crate::exit::{ExitCode, Failure};
use crate::kafka::KafkaOptions;
use crate::kafka::features::update_features;
use crate::release::{BrokerSupport, Finalize, KRAFT_VERSION, METADATA_VERSION, finalize_target, level_name};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    pub feature: String,
    pub from: i16,
    pub to: i16,
}

/// `NAME=LEVEL`.
pub fn parse_feature(text: &str) -> Result<(String, i16), String> {
    let (name, level) = text.split_once('=').ok_or_else(|| format!("--feature {text}: expected NAME=LEVEL"))?;
    let level = level.trim().parse::<i16>().map_err(|_| format!("--feature {text}: LEVEL must be a number"))?;
    if name.trim().is_empty() {
        return Err(format!("--feature {text}: the feature name is empty"));
    }
    Ok((name.trim().to_string(), level))
}

/// Why the cluster is not ready to finalize: a broker not registered, a partition not fully
/// in sync, a voter not caught up. Empty when it is.
pub fn not_ready(state: &KafkaState, expected: &BTreeSet<i32>) -> Vec<String> {
    let mut out = Vec::new();
    for id in expected.difference(&state.registered) {
        out.push(format!("broker {id} is not registered"));
    }
    let behind = state.partitions.iter().filter(|p| p.isr.len() < p.replicas.len()).count();
    if behind > 0 {
        out.push(format!("{behind} partitions are under-replicated"));
    }
    let lagging: Vec<String> =
        state.quorum.voters.iter().filter(|v| !state.quorum.caught_up.contains(v)).map(|v| v.to_string()).collect();
    if !lagging.is_empty() {
        out.push(format!("quorum voters {} are not caught up", lagging.join(", ")));
    }
    out
}

/// The explicit features, each checked against what every broker supports.
pub fn explicit_changes(wanted: &[(String, i16)], software: &Software) -> Result<Vec<Change>, String> {
    let answers: Vec<_> = software.answers.values().filter_map(|a| a.as_ref().ok()).collect();
    let current = software.finalized();
    wanted
        .iter()
        .map(|(name, level)| {
            if name == METADATA_VERSION {
                return Err("metadata.version is raised by --finalize itself; do not name it in --feature".into());
            }
            let top = answers.iter().map(|a| a.supported.get(name).map_or(0, |r| r.max)).min().unwrap_or(0);
            if *level > top {
                return Err(format!("{name}={level}: not every broker supports it (the highest all support is {top})"));
            }
            let from = current.and_then(|f| f.finalized.get(name).copied()).unwrap_or(0);
            if *level <= from {
                return Err(format!("{name} is already at {from}; finalize only raises"));
            }
            Ok(Change { feature: name.clone(), from, to: *level })
        })
        .collect()
}

pub async fn run(ctx: &Context, args: &UpgradeArgs) -> anyhow::Result<()> {
    let wanted: Vec<(String, i16)> = args
        .feature
        .iter()
        .map(|f| parse_feature(f))
        .collect::<Result<_, _>>()
        .map_err(|m| Failure::new(ExitCode::Usage, m))?;
    if wanted.iter().any(|(n, _)| n == KRAFT_VERSION) && !args.force {
        return Err(Failure::new(
            ExitCode::Refused,
            "not raising kraft.version: on a static quorum (controller.quorum.voters) it turns the quorum \
             dynamic, which cannot be undone (KAFKA-21426)",
        )
        .hint("add --force if that is what you mean")
        .into());
    }
    let cluster = ctx.connect().await?;
    let brokers = discover_brokers(&cluster, &ctx.selector).await?;
    let expected: BTreeSet<i32> = brokers.iter().filter(|b| b.desired_replicas > 0).filter_map(|b| b.node_id).collect();
    let route = ctx.open_route(&cluster, &brokers, kafka_request_timeout(ctx, args.timeout)).await?;
    let result = async {
        let opts = &route.client("upgrade --finalize")?.opts;
        let software = read_software(opts)
            .await
            .map_err(|e| refused(format!("the brokers' versions could not be read: {e:#}")))?;
        if let Some((id, err)) = software.unanswered() {
            return Err(refused(format!("broker {id} did not say which version it runs: {err:#}")));
        }
        let finalized = software
            .finalized_level()
            .ok_or_else(|| refused("no broker reported a finalized metadata.version".into()))?;
        let mut min_isr = Default::default();
        let state = kafka_state(opts, &mut min_isr).await?;
        let problems = not_ready(&state, &expected);
        if !problems.is_empty() {
            if !args.force {
                return Err(Failure::new(
                    ExitCode::Refused,
                    format!("not finalizing: the cluster is not healthy: {}", problems.join("; ")),
                )
                .hint("wait until `kubectl kafka health` is healthy (health --wait), then run this again")
                .into());
            }
            ctx.printer.warn(&format!("--force: finalizing although {}", problems.join("; ")));
        }
        let support: Vec<BrokerSupport> = software
            .meta
            .brokers
            .iter()
            .map(|b| BrokerSupport {
                name: brokers
                    .iter()
                    .find(|k| k.node_id == Some(b.id))
                    .map_or_else(|| format!("broker {}", b.id), |k| k.name.clone()),
                range: software
                    .answers
                    .get(&b.id)
                    .and_then(|a| a.as_ref().ok())
                    .and_then(|f| f.supported.get(METADATA_VERSION))
                    .map(|r| (r.min, r.max)),
            })
            .collect();
        for id in &expected {
            if !software.answers.contains_key(id) {
                return Err(refused(format!("broker {id} is not registered, so which version it runs is unknown")));
            }
        }
        let mut changes = Vec::new();
        match finalize_target(&support, finalized).map_err(|why| refused(format!("not finalizing: {why}")))? {
            Finalize::Raise { from, to } => changes.push(Change { feature: METADATA_VERSION.into(), from, to }),
            Finalize::AlreadyFinal { .. } => {}
        }
        changes.extend(explicit_changes(&wanted, &software).map_err(|m| Failure::new(ExitCode::Usage, m))?);
        print_changes(ctx, &software, &changes, args.dry_run)?;
        if changes.is_empty() {
            return Ok(());
        }
        let levels: Vec<(String, i16)> = changes.iter().map(|c| (c.feature.clone(), c.to)).collect();
        if args.dry_run {
            update_features(opts, &levels, true)
                .await
                .map_err(|e| refused(format!("the controller would refuse: {e:#}")))?;
            ctx.printer.note("dry run: the controller validated the change; nothing changed");
            return Ok(());
        }
        if !args.yes
            && !ctx.printer.confirm("finalize? older Kafka versions can no longer run this cluster afterwards")?
        {
            return Err(Failure::new(ExitCode::Usage, "not finalized: not confirmed")
                .hint("pass --yes to finalize without asking")
                .into());
        }
        update_features(opts, &levels, false)
            .await
            .map_err(|e| Failure::new(ExitCode::Failure, format!("finalize failed: {e:#}")))?;
        wait_everyone_sees(opts, &levels, args.timeout.min(Duration::from_secs(120))).await?;
        print_done(ctx, &changes)
    }
    .await;
    route.close().await;
    result
}

fn refused(message: String) -> anyhow::Error {
    Failure::new(ExitCode::Refused, message).hint("`kubectl kafka version` shows what each broker runs").into()
}

fn print_changes(ctx: &Context, software: &Software, changes: &[Change], dry_run: bool) -> anyhow::Result<()> {
    let finalized = software.finalized().map(|f| f.finalized.clone()).unwrap_or_default();
    if ctx.printer.format.is_machine() {
        if changes.is_empty() || dry_run {
            return ctx.printer.document(&json!({"dryRun": dry_run, "finalized": finalized, "changes": changes}));
        }
        return Ok(());
    }
    let show = |name: &str, level: i16| {
        if name == METADATA_VERSION { format!("{} ({level})", level_name(level)) } else { level.to_string() }
    };
    let cells: Vec<Vec<String>> = finalized
        .iter()
        .map(|(name, level)| {
            let to = changes.iter().find(|c| &c.feature == name).map_or("unchanged".to_string(), |c| show(name, c.to));
            vec![name.clone(), show(name, *level), to]
        })
        .chain(
            changes
                .iter()
                .filter(|c| !finalized.contains_key(&c.feature))
                .map(|c| vec![c.feature.clone(), "0".into(), show(&c.feature, c.to)]),
        )
        .collect();
    ctx.printer.table(&["FEATURE", "FINALIZED", "TARGET"], &cells)?;
    if changes.is_empty() {
        ctx.printer.note("nothing to finalize: metadata.version is already the highest every broker supports");
    }
    Ok(())
}

/// Until every broker reports the new levels (each asked on its own).
async fn wait_everyone_sees(opts: &KafkaOptions, levels: &[(String, i16)], limit: Duration) -> anyhow::Result<()> {
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        let software = read_software(opts).await?;
        let lagging: Vec<i32> = software
            .answers
            .iter()
            .filter(|(_, a)| match a {
                Ok(f) => levels.iter().any(|(n, l)| f.finalized.get(n).copied().unwrap_or(0) < *l),
                Err(_) => true,
            })
            .map(|(id, _)| *id)
            .collect();
        if lagging.is_empty() {
            return Ok(());
        }
        if tokio::time::Instant::now() >= deadline {
            return Err(Failure::new(
                ExitCode::Failure,
                format!("finalized, but brokers {lagging:?} do not report the new levels yet"),
            )
            .hint("`kubectl kafka version` shows each broker's view")
            .into());
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

fn print_done(ctx: &Context, changes: &[Change]) -> anyhow::Result<()> {
    if ctx.printer.format.is_machine() {
        return ctx.printer.document(&json!({"finalized": changes}));
    }
    let mut lines: Vec<String> = changes
        .iter()
        .map(|c| {
            if c.feature == METADATA_VERSION {
                format!(
                    "metadata.version raised from {} to {} (every broker reports it)",
                    level_name(c.from),
                    level_name(c.to)
                )
            } else {
                format!("{} raised from {} to {} (every broker reports it)", c.feature, c.from, c.to)
            }
        })
        .collect();
    lines.push(
        "this cannot be undone: a rollback to a Kafka version that does not support these levels is refused".into(),
    );
    ctx.printer.lines(&lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kafka::features::{BrokerFeatures, Range};
    use crate::kafka::metadata::ClusterMeta;
    use crate::rollout::safety::{PartitionState, QuorumState};

    #[test]
    fn features_parse_as_name_equals_level() {
        assert_eq!(parse_feature("group.version=1"), Ok(("group.version".into(), 1)));
        assert!(parse_feature("group.version").is_err());
        assert!(parse_feature("group.version=x").is_err());
        assert!(parse_feature("=1").is_err());
    }

    fn state(registered: &[i32], isr: &[i32], caught_up: &[i32]) -> KafkaState {
        KafkaState {
            partitions: vec![PartitionState {
                topic: "t".into(),
                partition: 0,
                replicas: vec![1, 2, 3],
                isr: isr.to_vec(),
                min_isr: 2,
            }],
            quorum: QuorumState { leader: 1, voters: vec![1, 2, 3], caught_up: caught_up.to_vec() },
            registered: registered.iter().copied().collect(),
        }
    }

    #[test]
    fn finalize_needs_every_broker_registered_in_sync_and_caught_up() {
        let all: BTreeSet<i32> = [1, 2, 3].into();
        assert!(not_ready(&state(&[1, 2, 3], &[1, 2, 3], &[1, 2, 3]), &all).is_empty());
        let found = not_ready(&state(&[1, 2], &[1, 2], &[1, 2]), &all);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].contains("broker 3") && found[1].contains("under-replicated") && found[2].contains("3"));
    }

    fn software(group_max: &[i16], group_now: i16) -> Software {
        let answers = group_max
            .iter()
            .enumerate()
            .map(|(i, max)| {
                let f = BrokerFeatures {
                    supported: [("group.version".to_string(), Range { min: 0, max: *max })].into(),
                    finalized: [("group.version".to_string(), group_now)].into(),
                    finalized_epoch: 7,
                };
                (i as i32 + 1, Ok(f))
            })
            .collect();
        Software { meta: ClusterMeta::default(), answers }
    }

    #[test]
    fn a_named_feature_must_be_supported_everywhere_and_be_a_raise() {
        let s = software(&[1, 1, 1], 0);
        assert_eq!(
            explicit_changes(&[("group.version".into(), 1)], &s),
            Ok(vec![Change { feature: "group.version".into(), from: 0, to: 1 }])
        );
        assert!(
            explicit_changes(&[("group.version".into(), 1)], &software(&[1, 0, 1], 0))
                .unwrap_err()
                .contains("not every broker")
        );
        assert!(
            explicit_changes(&[("group.version".into(), 1)], &software(&[1, 1, 1], 1)).unwrap_err().contains("already")
        );
        assert!(explicit_changes(&[("metadata.version".into(), 21)], &s).is_err());
    }
}
