//! Kafka versions (issue 15) on clusters of their own: the guide's three brokers, its
//! manifests with only the namespace (and, for the 4.x cluster, the image) changed, next to the
//! shared bed. A finalized cluster cannot go back to 3.7.1, so these never touch namespace
//! kafka. Each holds the bed's write lock: six brokers on two cores are enough.

use std::time::Instant;

use crate::bed::*;
use crate::own_cluster::Cluster;

#[allow(clippy::print_stderr, reason = "the figures a test measures go to its log for BENCHMARKS.md")]
fn report(line: &str) {
    eprintln!("figure: {line}");
}

use crate::own_cluster::json;

/// Each broker's note, in the order the command rolled them: "kafka-N: runs V (the broker says L)".
fn verified(stderr: &str, version: &str, line: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| l.contains(&format!(": runs {version} (the broker says {line})")))
        .map(|l| l.split(':').next().unwrap_or("").trim().to_string())
        .collect()
}

#[test]
fn upgrade_rollback_finalize_and_on_to_4x_under_a_live_producer_and_group() {
    let _bed = exclusive();
    wait_bed_ready();
    let c = Cluster::create("kafka-upgrade", "3.7.1");
    let topic = "upgrade-load";
    c.kk(&["topics", "create", topic, "--partitions", "3", "-r", "3", "--config", "min.insync.replicas=2"]).ok();
    let load = crate::load::Load::start_in("kafka-upgrade", topic, "upgrade-load-group");

    // The image, one broker at a time, each verified from the broker itself.
    let t0 = Instant::now();
    let up = c.kk(&["upgrade", "--version", "3.9.1"]);
    let first_took = t0.elapsed();
    assert_eq!(up.code, 0, "{up:?}");
    let order = verified(&up.stderr, "3.9.1", "3.9");
    assert_eq!(order.len(), 3, "each broker verified on 3.9.1: {}", up.stderr);
    assert_eq!(c.versions(), (vec!["3.9".to_string(); 3], "3.7-IV4".to_string()), "metadata.version unchanged");
    // Run again, nothing to do: every broker is skipped as done.
    let again = c.kk(&["upgrade", "--version", "3.9.1", "-o", "json"]).ok();
    assert_eq!(json(again)["skipped"].as_array().map(Vec::len), Some(3));

    // Before finalize the old version can come back.
    let back = c.kk(&["rollback", "--all"]);
    assert_eq!(back.code, 0, "{back:?}");
    assert_eq!(c.versions().0, vec!["3.7".to_string(); 3]);
    for n in 1..=3 {
        assert_eq!(c.image_of(n), "apache/kafka:3.7.1");
    }
    c.kk(&["upgrade", "--version", "3.9.1"]).ok();

    // Finalize: validated on --dry-run, refused without --yes (no terminal), then done.
    let dry = c.kk(&["upgrade", "--finalize", "--dry-run"]).ok();
    assert!(dry.stdout.contains("3.7-IV4 (19)") && dry.stdout.contains("3.9-IV0 (21)"), "{}", dry.stdout);
    assert!(dry.stderr.contains("validated"), "{}", dry.stderr);
    let unasked = c.kk(&["upgrade", "--finalize"]);
    assert_eq!(unasked.code, 2, "{unasked:?}");
    assert_eq!(c.versions().1, "3.7-IV4", "nothing finalized without --yes");
    let finalized = c.kk(&["upgrade", "--finalize", "--yes"]).ok();
    assert!(finalized.stdout.contains("raised from 3.7-IV4 to 3.9-IV0"), "{}", finalized.stdout);
    assert_eq!(c.versions().1, "3.9-IV0");

    // After it, the old version cannot come back: refused, nothing changed.
    let refused = c.kk(&["rollback", "kafka-1"]);
    assert_eq!(refused.code, 9, "{refused:?}");
    assert!(refused.stderr.contains("finalized at 3.9-IV0") && refused.stderr.contains("3.7.1"), "{}", refused.stderr);
    assert_eq!(c.image_of(1), "apache/kafka:3.9.1");
    let down = c.kk(&["upgrade", "--version", "3.7.1"]);
    assert_eq!(down.code, 9, "{down:?}");

    // On to the newest 4.x, from the finalized 3.9.
    let t0 = Instant::now();
    let four = c.kk(&["upgrade", "--version", "4.4.0"]);
    let four_took = t0.elapsed();
    assert_eq!(four.code, 0, "{four:?}");
    assert_eq!(verified(&four.stderr, "4.4.0", "4.4").len(), 3, "{}", four.stderr);
    c.kk(&["upgrade", "--finalize", "--yes"]).ok();
    assert_eq!(c.versions(), (vec!["4.4".to_string(); 3], "4.4-IV2".to_string()));

    let outcome = load.finish();
    assert_eq!(outcome.failed, 0, "no send failed");
    assert_eq!(outcome.group_read.len() as u64, outcome.sent, "the group read every message");
    crate::load::assert_exactly_once(topic, outcome.sent, |args| c.kk(args));
    report(&format!(
        "upgrade 3.7.1 -> 3.9.1 of 3 brokers under load: {:.1} s; 3.9.1 -> 4.4.0: {:.1} s; {} messages exactly once",
        first_took.as_secs_f64(),
        four_took.as_secs_f64(),
        outcome.sent
    ));
}

#[test]
fn the_reduced_suite_on_a_cluster_started_at_4x() {
    let _bed = exclusive();
    wait_bed_ready();
    let c = Cluster::create("kafka-4x", "4.4.0");
    assert_eq!(c.versions().0, vec!["4.4".to_string(); 3]);
    let status = json(c.kk(&["status", "-o", "json"]).ok());
    let rows = status["brokers"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r["kafkaVersion"] == "4.4" && r["ready"] == true), "{status}");

    let topic = "four-x";
    c.kk(&["topics", "create", topic, "--partitions", "3", "-r", "3"]).ok();
    let produced = c.kk_stdin(&["produce", topic, "--key-separator", ":"], "a:1\nb:2\nc:3\n").ok();
    assert!(produced.stderr.contains("produced 3 messages"), "{}", produced.stderr);
    for via in ["port-forward", "exec"] {
        let listed = json(c.kk(&["--via", via, "topics", "list", "-o", "json"]).ok());
        let row = listed["topics"].as_array().unwrap().iter().find(|t| t["name"] == topic).cloned().unwrap_or_default();
        assert_eq!(
            (row["partitions"].as_u64(), row["replicationFactor"].as_u64()),
            (Some(3), Some(3)),
            "{via}: {listed}"
        );
        let described = json(c.kk(&["--via", via, "topics", "describe", topic, "-o", "json"]).ok());
        assert_eq!(described["partitions"].as_array().map(Vec::len), Some(3), "{via}: {described}");
        let mut values: Vec<String> = c
            .kk(&[
                "--via",
                via,
                "consume",
                topic,
                "--from-beginning",
                "--group",
                &format!("g-{via}"),
                "--max-messages",
                "3",
            ])
            .ok()
            .stdout
            .lines()
            .map(str::to_string)
            .collect();
        values.sort();
        assert_eq!(values, ["1", "2", "3"], "{via}");
        let groups = c.kk(&["--via", via, "groups", "list", "-o", "json"]).ok();
        assert!(groups.stdout.contains(&format!("g-{via}")), "{via}: {}", groups.stdout);
        let group = json(c.kk(&["--via", via, "groups", "describe", &format!("g-{via}"), "-o", "json"]).ok());
        let offsets = group["offsets"].as_array().cloned().unwrap_or_default();
        let committed: i64 = offsets.iter().filter_map(|o| o["committed"].as_i64()).sum();
        assert_eq!(committed, 3, "{via}: the group committed past every message: {group}");
        assert!(offsets.iter().all(|o| o["lag"] == 0), "{via}: {group}");
        let quorum = json(c.kk(&["--via", via, "quorum", "-o", "json"]).ok());
        assert_eq!(quorum["voters"].as_array().map(Vec::len), Some(3), "{via}: {quorum}");
    }
    let health = c.kk(&["health"]);
    assert_eq!(health.code, 0, "{health:?}");
    let restarted = c.kk(&["restart", "kafka-2"]);
    assert_eq!(restarted.code, 0, "{restarted:?}");
    assert_eq!(c.kk(&["health"]).code, 0);
}
