//! `rebalance` against the bed (issue 14): a plan that moves as little as it must, applied
//! with Kafka's throttle, verified from every broker; status and cancel of a move in progress.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::bed::*;

fn kk(args: &[&str]) -> Run {
    let mut v = vec!["-n", "kafka"];
    v.extend_from_slice(args);
    plugin(&v)
}

fn json(run: Run) -> serde_json::Value {
    serde_json::from_str(&run.ok().stdout).unwrap()
}

/// No broker carries a replication throttle rate, and `topic` no throttled replica list.
fn no_throttle_left(topic: &str) {
    let brokers = kafka_tool(
        "kafka-configs.sh",
        &["--bootstrap-server", "localhost:9092", "--describe", "--entity-type", "brokers"],
        None,
    )
    .ok();
    assert!(!brokers.stdout.contains("throttled.rate"), "{}", brokers.stdout);
    let topic = kafka_tool(
        "kafka-configs.sh",
        &["--bootstrap-server", "localhost:9092", "--describe", "--entity-type", "topics", "--entity-name", topic],
        None,
    )
    .ok();
    assert!(!topic.stdout.contains("throttled.replicas"), "{}", topic.stdout);
}

/// Replicas per broker of `topic` as broker `n` itself reports them.
fn replicas_per_broker(n: u32, topic: &str) -> BTreeMap<i32, usize> {
    let address = format!("{}:9092", pod_ip(n).expect("a running pod"));
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/testbed/lib/kafka_probe.py");
    let out = std::process::Command::new("python3").args([script, &address, "--topic", topic]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut count = BTreeMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines().skip(1) {
        let replicas = line.split(' ').nth(4).unwrap_or_default();
        for r in replicas.split(',').filter_map(|r| r.parse().ok()) {
            *count.entry(r).or_insert(0) += 1;
        }
    }
    count
}

#[test]
fn rebalance_spreads_a_lopsided_topic_over_every_broker() {
    let _bed = exclusive();
    wait_bed_ready();
    wait_until("a healthy cluster", Duration::from_secs(150), || kk(&["health"]).code == 0);
    let topic = format!("lopsided-{}", std::process::id());
    // Six partitions of RF 2, all on brokers 1 and 2: broker 3 holds nothing.
    let _topic = PlacedTopic::create(&topic, "1:2,2:1,1:2,2:1,1:2,2:1");
    wait_until("the topic on every broker", Duration::from_secs(30), || {
        (1..=3).all(|b| replicas_per_broker(b, &topic).values().sum::<usize>() == 12)
    });
    let lines: String = (0..600).map(|i| format!("m{i}\n")).collect();
    let produced = kafka_tool(
        "kafka-console-producer.sh",
        &["--bootstrap-server", "localhost:9092", "--topic", &topic, "--producer-property", "acks=all"],
        Some(&lines),
    );
    assert_eq!(produced.code, 0, "{produced:?}");

    // The plan: 12 replicas over 3 brokers is 4 each, so exactly 4 replicas copy, all to 3.
    let plan = json(kk(&["rebalance", "--topic", &topic, "-o", "json"]));
    assert_eq!(plan["executed"], false);
    assert_eq!(plan["replicasToCopy"], 4, "{plan}");
    for b in plan["brokers"].as_array().unwrap() {
        assert_eq!(b["replicasAfter"], 4, "{plan}");
    }
    assert_eq!(replicas_per_broker(1, &topic).get(&3), None, "a dry run changes nothing");

    let file = std::env::temp_dir().join(format!("{topic}.json"));
    let done = kk(&[
        "rebalance",
        "--topic",
        &topic,
        "--execute",
        "--throttle",
        "10MB",
        "--to-file",
        file.to_str().unwrap(),
        "--timeout",
        "3m",
    ]);
    assert_eq!(done.code, 0, "{done:?}");
    assert!(done.stdout.contains("rebalanced: "), "{}", done.stdout);
    // kafka-reassign-partitions.sh's own format: Kafka's tool verifies the plan as complete.
    let plan_text = std::fs::read_to_string(&file).unwrap();
    let in_pod = format!("/tmp/{topic}.json");
    put_in_pod(&in_pod, &plan_text);
    let verify = kafka_tool(
        "kafka-reassign-partitions.sh",
        &[
            "--bootstrap-server",
            "localhost:9092",
            "--reassignment-json-file",
            &in_pod,
            "--verify",
            "--preserve-throttles",
        ],
        None,
    )
    .ok();
    assert!(!verify.stdout.contains("in progress"), "{}", verify.stdout);
    assert!(verify.stdout.contains("is completed"), "{}", verify.stdout);

    // Every broker, asked on its own, sees 4 replicas on each broker.
    for n in 1..=3 {
        let per = replicas_per_broker(n, &topic);
        assert_eq!(per.values().copied().collect::<Vec<_>>(), vec![4, 4, 4], "broker {n} sees {per:?}");
    }
    no_throttle_left(&topic);
    assert!(kk(&["rebalance", "status"]).ok().stdout.contains("no partition reassignment in progress"));
    // Nothing lost: all 600 records read back.
    let consumed = kk(&["consume", &topic, "--from-beginning", "--max-messages", "600", "--timeout", "60s"]).ok();
    assert_eq!(consumed.stdout.lines().count(), 600);
    // Balanced now: a second run moves nothing.
    let again = kk(&["rebalance", "--topic", &topic]).ok();
    assert!(again.stderr.contains("balanced already"), "{}", again.stderr);
    // Refusals: a broker that is not registered, a topic that does not exist; nothing changes.
    let bad = kk(&["rebalance", "--exclude-broker", "9"]);
    assert_eq!(bad.code, 2, "{bad:?}");
    assert!(bad.stderr.contains("broker 9 is not registered"), "{}", bad.stderr);
    let missing = kk(&["rebalance", "--topic", "no-such-topic-here"]);
    assert_eq!(missing.code, 6, "{missing:?}");
}

#[test]
fn status_and_cancel_of_a_throttled_move_in_progress() {
    let _bed = exclusive();
    wait_bed_ready();
    let topic = format!("slow-move-{}", std::process::id());
    let bootstrap = "localhost:9092";
    let _topic = PlacedTopic::create(&topic, "1");
    // Dropped before the topic: no move left behind.
    struct CancelMoves;
    impl Drop for CancelMoves {
        fn drop(&mut self) {
            let _ = plugin(&["-n", "kafka", "rebalance", "cancel", "--yes"]);
        }
    }
    let _cancel = CancelMoves;
    fill_topic(&topic, 16384, "1");
    // The plugin moves it to broker 2 at 10 kB/s and gives up waiting after 5 s: the move goes
    // on in Kafka, and the throttle is removed as the command ends... which would let the move
    // finish at once. So the slow move is started with Kafka's own tool, throttled, instead.
    let plan = format!(r#"{{"version":1,"partitions":[{{"topic":"{topic}","partition":0,"replicas":[2]}}]}}"#);
    let file = format!("/tmp/{topic}.json");
    put_in_pod(&file, &plan);
    kafka_tool(
        "kafka-reassign-partitions.sh",
        &["--bootstrap-server", bootstrap, "--reassignment-json-file", &file, "--execute", "--throttle", "10000"],
        None,
    )
    .ok();
    let status = json(kk(&["rebalance", "status", "-o", "json"]));
    let row = status["inProgress"].as_array().unwrap().iter().find(|r| r["topic"] == topic.as_str()).cloned().unwrap();
    assert_eq!(row["adding"], serde_json::json!([2]), "{status}");
    assert_eq!(row["removing"], serde_json::json!([1]), "{status}");
    // A new rebalance refuses while a move is in progress.
    let refused = kk(&["rebalance"]);
    assert_eq!(refused.code, 9, "{refused:?}");
    assert!(refused.stderr.contains("already in progress"), "{}", refused.stderr);
    let dry = kk(&["rebalance", "cancel", "--dry-run"]).ok();
    assert!(dry.stdout.contains("would cancel"), "{}", dry.stdout);
    let unasked = kk(&["rebalance", "cancel"]);
    assert_eq!(unasked.code, 2, "no terminal, no --yes: not cancelled: {unasked:?}");
    let cancelled = kk(&["rebalance", "cancel", "--yes"]).ok();
    assert!(cancelled.stdout.contains(&format!("{topic}/0")), "{}", cancelled.stdout);
    wait_until("the partition back on broker 1 alone", Duration::from_secs(30), || {
        replicas_per_broker(1, &topic) == BTreeMap::from([(1, 1)])
    });
    no_throttle_left(&topic);
    assert!(kk(&["rebalance", "status"]).ok().stdout.contains("no partition reassignment in progress"));
}

#[test]
fn scale_out_to_five_and_back_to_three_under_load() {
    // A producer and a consumer group run through the proxy the whole time. CI fills 8 MiB;
    // `make soak` sets KUBECTL_KAFKA_SOAK_SCALE_MIB=200 for the issue's full size.
    let _bed = exclusive();
    wait_bed_ready();
    wait_until("a healthy cluster", Duration::from_secs(150), || kk(&["health"]).code == 0);
    let pid = std::process::id();
    let (topic, fill) = (format!("scale-load-{pid}"), format!("scale-fill-{pid}"));
    for t in [&topic, &fill] {
        kk(&["topics", "create", t, "--partitions", "6", "-r", "3", "--config", "min.insync.replicas=2"]).ok();
    }
    struct Back(Vec<String>);
    impl Drop for Back {
        fn drop(&mut self) {
            let _ = plugin(&["-n", "kafka", "rebalance", "cancel", "--yes"]);
            let _ = plugin(&["-n", "kafka", "scale", "--brokers", "3", "--yes", "--timeout", "10m"]);
            for t in &self.0 {
                let _ = plugin(&["-n", "kafka", "topics", "delete", t, "--yes"]);
            }
        }
    }
    let _back = Back(vec![topic.clone(), fill.clone()]);
    let mib: u64 = std::env::var("KUBECTL_KAFKA_SOAK_SCALE_MIB").ok().and_then(|v| v.parse().ok()).unwrap_or(8);
    fill_topic(&fill, mib * 1024, "all");
    let disk = json(kk(&["disk", "-o", "json"]));
    let bytes: i64 = disk["brokers"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| b["logDirs"].as_array().unwrap().iter())
        .filter_map(|d| d["byTopic"][&fill].as_i64())
        .sum();
    assert!(bytes >= (mib as i64) * 3 * 1_000_000, "{bytes} bytes in {fill} (RF 3)");
    let load = crate::load::Load::start(&topic, &format!("scale-load-group-{pid}"));

    let t0 = std::time::Instant::now();
    let grown = kk(&["scale", "--brokers", "5", "--throttle", "100MB", "--timeout", "10m"]);
    let grow_took = t0.elapsed();
    assert_eq!(grown.code, 0, "{grown:?}");
    let status = json(kk(&["status", "-o", "json"]));
    let rows = status["brokers"].as_array().cloned().unwrap_or_default();
    for name in ["kafka-4", "kafka-5"] {
        let row = rows.iter().find(|r| r["name"] == name).unwrap_or_else(|| panic!("{name} in {status}"));
        assert!(row["partitionsLed"].as_u64().unwrap_or(0) > 0, "{name} leads partitions: {row}");
    }
    // Balanced as the planner sees it now (every broker asked on its own): nothing to move.
    let again = kk(&["rebalance"]).ok();
    assert!(again.stderr.contains("balanced already"), "{}", again.stderr);
    for n in 1..=3 {
        let per = replicas_per_broker(n, &fill);
        assert_eq!(per.keys().copied().collect::<Vec<_>>(), vec![1, 2, 3, 4, 5], "broker {n} sees {per:?}");
    }

    // Shrinking below a topic's replication factor is refused, naming the topic.
    let wide = format!("scale-wide-{pid}");
    kk(&["topics", "create", &wide, "--partitions", "1", "-r", "4"]).ok();
    let below = kk(&["scale", "--brokers", "3", "--yes"]);
    assert_eq!(below.code, 9, "{below:?}");
    assert!(below.stderr.contains(&format!("{wide}/0 has 4 replicas")), "{}", below.stderr);
    assert!(kubectl(&["-n", "kafka", "get", "deployment", "kafka-5"]).code == 0, "nothing removed");
    kk(&["topics", "delete", &wide, "--yes"]).ok();
    // Removing a voter is refused, naming it; nothing changes.
    let voter = kk(&["scale", "--brokers", "2", "--yes"]);
    assert_eq!(voter.code, 9, "{voter:?}");
    assert!(voter.stderr.contains("kafka-3 (node id 3) is a controller quorum voter"), "{}", voter.stderr);

    let t0 = std::time::Instant::now();
    let shrunk = kk(&["scale", "--brokers", "3", "--yes", "--timeout", "10m"]);
    let shrink_took = t0.elapsed();
    assert_eq!(shrunk.code, 0, "{shrunk:?}");
    let outcome = load.finish();
    report(&format!(
        "scale with {:.0} MiB on disk (all replicas): 3 -> 5 in {:.1} s, 5 -> 3 in {:.1} s; {} messages sent under load",
        bytes as f64 / 1_048_576.0,
        grow_took.as_secs_f64(),
        shrink_took.as_secs_f64(),
        outcome.sent
    ));
    assert!(outcome.sent > 100, "the producer kept sending ({})", outcome.sent);
    assert_eq!(outcome.failed, 0, "send failures");
    assert_eq!(outcome.group_read.len() as u64, outcome.sent, "the live consumer group read every message");
    crate::load::assert_exactly_once(&topic, outcome.sent, kk);

    // Gone: no workload, no registration (unregistering again says so), no replica, no throttle.
    let objects = kubectl(&["-n", "kafka", "get", "deployments,services", "-o", "name"]).ok().stdout;
    assert!(!objects.contains("kafka-4") && !objects.contains("kafka-5"), "{objects}");
    for id in ["4", "5"] {
        let again =
            kafka_tool("kafka-cluster.sh", &["unregister", "--bootstrap-server", "localhost:9092", "--id", id], None);
        assert!(
            again.code != 0 && format!("{}{}", again.stdout, again.stderr).contains("BrokerIdNotRegistered"),
            "broker {id} is still registered: {again:?}"
        );
    }
    for n in 1..=3 {
        let per = replicas_per_broker(n, &fill);
        assert_eq!(per.keys().copied().collect::<Vec<_>>(), vec![1, 2, 3], "broker {n} sees {per:?}");
    }
    no_throttle_left(&fill);
    no_throttle_left(&topic);
    let pvcs = kubectl(&["-n", "kafka", "get", "pvc", "-o", "name"]).ok().stdout;
    assert!(pvcs.contains("kafka-pvc-4"), "the PVC is kept without --delete-volume: {pvcs}");
}

#[test]
fn plans_pass_between_this_tool_and_kafkas_own() {
    let _bed = exclusive();
    wait_bed_ready();
    let topic = format!("interop-{}", std::process::id());
    let bootstrap = "localhost:9092";
    let _topic = PlacedTopic::create(&topic, "1:2,2:1,1:2,2:1");
    wait_until("the topic on every broker", Duration::from_secs(30), || {
        (1..=3).all(|b| replicas_per_broker(b, &topic).values().sum::<usize>() == 8)
    });
    // Ours, applied by Kafka's tool.
    let ours = std::env::temp_dir().join(format!("{topic}-ours.json"));
    kk(&["rebalance", "--topic", &topic, "--to-file", ours.to_str().unwrap()]).ok();
    let in_pod = format!("/tmp/{topic}-ours.json");
    put_in_pod(&in_pod, &std::fs::read_to_string(&ours).unwrap());
    let run = |action: &str| {
        kafka_tool(
            "kafka-reassign-partitions.sh",
            &["--bootstrap-server", bootstrap, "--reassignment-json-file", &in_pod, action],
            None,
        )
    };
    let executed = run("--execute").ok();
    assert!(executed.stdout.contains("Successfully started partition reassignment"), "{}", executed.stdout);
    wait_until("Kafka's tool to report our plan complete", Duration::from_secs(60), || {
        run("--verify").stdout.lines().filter(|l| l.contains("is completed")).count() > 0
            && !run("--verify").stdout.contains("in progress")
    });
    assert!(replicas_per_broker(1, &topic).contains_key(&3), "broker 3 holds replicas now");

    // Kafka's, applied by ours.
    put_in_pod(&format!("/tmp/{topic}-topics.json"), &format!(r#"{{"version":1,"topics":[{{"topic":"{topic}"}}]}}"#));
    let generated = kafka_tool(
        "kafka-reassign-partitions.sh",
        &[
            "--bootstrap-server",
            bootstrap,
            "--topics-to-move-json-file",
            &format!("/tmp/{topic}-topics.json"),
            "--broker-list",
            "1,2",
            "--generate",
        ],
        None,
    )
    .ok();
    let proposed = generated
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("Proposed partition reassignment configuration"))
        .nth(1)
        .unwrap_or_else(|| panic!("{}", generated.stdout))
        .to_string();
    let theirs = std::env::temp_dir().join(format!("{topic}-theirs.json"));
    std::fs::write(&theirs, &proposed).unwrap();
    let applied = kk(&["rebalance", "--from-file", theirs.to_str().unwrap(), "--execute", "--timeout", "2m"]);
    assert_eq!(applied.code, 0, "{applied:?}");
    for n in 1..=3 {
        let per = replicas_per_broker(n, &topic);
        assert_eq!(per.keys().copied().collect::<Vec<_>>(), vec![1, 2], "broker {n} sees {per:?}");
    }
    // A plan naming a partition that does not exist is refused before anything moves.
    std::fs::write(&theirs, r#"{"version":1,"partitions":[{"topic":"no-such-topic","partition":0,"replicas":[1]}]}"#)
        .unwrap();
    let bad = kk(&["rebalance", "--from-file", theirs.to_str().unwrap(), "--execute"]);
    assert_eq!(bad.code, 2, "{bad:?}");
    assert!(bad.stderr.contains("no-such-topic/0 does not exist"), "{}", bad.stderr);
}

/// A figure for BENCHMARKS.md, on the test's stderr (shown with --nocapture).
#[allow(clippy::print_stderr, reason = "the soak's figures, for BENCHMARKS.md")]
fn report(line: &str) {
    eprintln!("{line}");
}

/// Bytes of `topic` on each broker, from `disk --topics` (DescribeLogDirs of every broker).
fn topic_bytes_per_broker(topic: &str) -> BTreeMap<i64, i64> {
    let disk = json(kk(&["disk", "--topics", "-o", "json"]));
    disk["brokers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            let bytes = b["logDirs"].as_array().unwrap().iter().filter_map(|d| d["byTopic"][topic].as_i64()).sum();
            (b["nodeId"].as_i64().unwrap(), bytes)
        })
        .collect()
}

#[test]
fn rebalance_by_bytes_evens_the_disk_without_changing_counts() {
    let _bed = exclusive();
    wait_bed_ready();
    let topic = format!("heavy-{}", std::process::id());
    // Two partitions per broker (balanced by count); only partitions 0 and 1, both on broker 1,
    // hold data.
    let _topic = PlacedTopic::create(&topic, "1,1,2,2,3,3");
    wait_until("the topic on every broker", Duration::from_secs(30), || {
        (1..=3).all(|b| replicas_per_broker(b, &topic).values().sum::<usize>() == 6)
    });
    let line = "x".repeat(500);
    let lines: String = (0..2000).map(|_| format!("{line}\n")).collect();
    for p in ["0", "1"] {
        let produced = plugin_stdin(&["-n", "kafka", "produce", &topic, "--partition", p], lines.as_bytes());
        assert_eq!(produced.code, 0, "{produced:?}");
    }
    wait_until("the data on broker 1's disk", Duration::from_secs(60), || {
        topic_bytes_per_broker(&topic).get(&1).copied().unwrap_or(0) > 1_500_000
    });
    let before = topic_bytes_per_broker(&topic);
    // By count it is balanced already; by bytes broker 1 holds everything.
    let counted = kk(&["rebalance", "--topic", &topic]).ok();
    assert!(counted.stderr.contains("balanced already"), "{}", counted.stderr);
    let plan = json(kk(&["rebalance", "--topic", &topic, "--by-bytes", "-o", "json"]));
    assert!(plan["replicasToCopy"].as_u64().unwrap_or(0) > 0, "{plan}");
    for b in plan["brokers"].as_array().unwrap() {
        assert_eq!(b["replicasAfter"], 2, "counts unchanged: {plan}");
    }
    let done = kk(&["rebalance", "--topic", &topic, "--by-bytes", "--execute", "--timeout", "3m"]);
    assert_eq!(done.code, 0, "{done:?}");
    assert!(done.stderr.contains("bytes per broker (before -> after)"), "{}", done.stderr);
    wait_until("the moved replicas' old copies gone", Duration::from_secs(60), || {
        let after = topic_bytes_per_broker(&topic);
        after.values().max().unwrap() - after.values().min().unwrap()
            < before.values().max().unwrap() - before.values().min().unwrap()
    });
    let after = topic_bytes_per_broker(&topic);
    assert!(after[&1] < before[&1], "broker 1 gave data away: {before:?} -> {after:?}");
    for n in 1..=3 {
        let per = replicas_per_broker(n, &topic);
        assert_eq!(per.values().copied().collect::<Vec<_>>(), vec![2, 2, 2], "broker {n} sees {per:?}");
    }
    no_throttle_left(&topic);
}

#[test]
fn ctrl_c_during_an_executed_rebalance_removes_the_throttle() {
    let _bed = exclusive();
    wait_bed_ready();
    let topic = format!("interrupted-move-{}", std::process::id());
    let _topic = PlacedTopic::create(&topic, "1");
    struct CancelMoves;
    impl Drop for CancelMoves {
        fn drop(&mut self) {
            let _ = plugin(&["-n", "kafka", "rebalance", "cancel", "--yes"]);
        }
    }
    let _cancel = CancelMoves;
    // More than one fetch can carry (the guide sets replica.fetch.max.bytes to 10 MiB, and the
    // first fetch is not held back by the quota): 32 MiB.
    fill_topic(&topic, 32768, "1");
    // A move another test left would make the rebalance refuse.
    wait_until("no reassignment in progress", Duration::from_secs(120), || {
        kk(&["rebalance", "status"]).ok().stdout.contains("no partition reassignment in progress")
    });
    // Off broker 1 at 10 kB/s: over half an hour after the first fetch, so it is surely
    // moving when Ctrl-C comes.
    let mut child = plugin_spawn(&[
        "-n",
        "kafka",
        "rebalance",
        "--topic",
        &topic,
        "--exclude-broker",
        "1",
        "--execute",
        "--throttle",
        "10000",
    ]);
    wait_until("the move in progress, throttled", Duration::from_secs(60), || {
        if let Ok(Some(code)) = child.try_wait() {
            let mut err = String::new();
            let _ = std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err);
            panic!("rebalance ended before Ctrl-C ({code}): {err}");
        }
        let status = json(kk(&["rebalance", "status", "-o", "json"]));
        let moving = status["inProgress"].as_array().is_some_and(|r| r.iter().any(|m| m["topic"] == topic.as_str()));
        let rates = kafka_tool(
            "kafka-configs.sh",
            &["--bootstrap-server", "localhost:9092", "--describe", "--entity-type", "brokers"],
            None,
        );
        moving && rates.stdout.contains("throttled.rate")
    });
    let _ = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted"), "{stderr}");
    // The throttle went with the command, on the brokers and on the topic.
    no_throttle_left(&topic);
}

#[test]
fn rebalance_reads_racks_from_the_brokers_and_keeps_replicas_on_two_racks() {
    let _bed = exclusive();
    wait_bed_ready();
    // Broker 1 on rack a, brokers 2 and 3 on rack b, set as KAFKA_BROKER_RACK in the guide's
    // manifests.
    let racks = |m: String| {
        let mut out = m;
        for (n, rack) in [(1, "a"), (2, "b"), (3, "b")] {
            out = out.replace(
                &format!("- name: KAFKA_NODE_ID\n          value: \"{n}\"\n"),
                &format!("- name: KAFKA_NODE_ID\n          value: \"{n}\"\n        - name: KAFKA_BROKER_RACK\n          value: {rack}\n"),
            );
        }
        assert_eq!(out.matches("KAFKA_BROKER_RACK").count(), 3);
        out
    };
    let c = crate::own_cluster::Cluster::create_with("kafka-racks", "3.7.1", racks);
    // Every partition on both racks; broker 1 holds four replicas, 2 and 3 two each.
    let topic = "racked";
    c.create_placed_topic(topic, "1:2,1:3,1:2,1:3");
    let racked = crate::own_cluster::json(c.kk(&["rebalance", "--topic", topic, "-o", "json"]).ok());
    // Evening the counts would put both replicas of a partition on rack b: the plan keeps the racks.
    assert_eq!(racked["replicasToCopy"], 0, "{racked}");
    // The same topic on the bed, whose brokers have no rack: one replica moves off broker 1.
    let plain = format!("unracked-{}", std::process::id());
    let _plain = PlacedTopic::create(&plain, "1:2,1:3,1:2,1:3");
    let unracked = json(kk(&["rebalance", "--topic", &plain, "-o", "json"]));
    assert_eq!(unracked["replicasToCopy"], 1, "{unracked}");
}

/// Leaders of `topic`'s partitions as broker `n` itself reports them.
fn leaders_at(n: u32, topic: &str) -> Vec<i32> {
    let address = format!("{}:9092", pod_ip(n).expect("a running pod"));
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/testbed/lib/kafka_probe.py");
    let out = std::process::Command::new("python3").args([script, &address, "--topic", topic]).output().unwrap();
    let mut by_partition: Vec<(i32, i32)> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(1)
        .filter_map(|l| {
            let c: Vec<&str> = l.split(' ').collect();
            Some((c.first()?.parse().ok()?, c.get(2)?.parse().ok()?))
        })
        .collect();
    by_partition.sort();
    by_partition.into_iter().map(|(_, leader)| leader).collect()
}

#[test]
fn elect_leaders_moves_leadership_back_to_the_preferred_replicas() {
    let _bed = exclusive();
    wait_bed_ready();
    let topic = format!("unpreferred-{}", std::process::id());
    // Three partitions all led by broker 1; then their replica order changes (no data moves,
    // the leader stays): the preferred leaders become 2, 3 and 1.
    let _topic = PlacedTopic::create(&topic, "1:2:3,1:2:3,1:2:3");
    wait_until("broker 1 leads every partition, as every broker sees it", Duration::from_secs(30), || {
        (1..=3).all(|n| leaders_at(n, &topic) == [1, 1, 1])
    });
    let plan = format!(
        r#"{{"version":1,"partitions":[{{"topic":"{topic}","partition":0,"replicas":[2,1,3]}},{{"topic":"{topic}","partition":1,"replicas":[3,1,2]}}]}}"#
    );
    let file = format!("/tmp/{topic}.json");
    put_in_pod(&file, &plan);
    kafka_tool(
        "kafka-reassign-partitions.sh",
        &["--bootstrap-server", "localhost:9092", "--reassignment-json-file", &file, "--execute"],
        None,
    )
    .ok();
    wait_until("the new order everywhere, leaders unchanged", Duration::from_secs(30), || {
        kk(&["rebalance", "status"]).ok().stdout.contains("no partition reassignment in progress")
            && (1..=3).all(|n| leaders_at(n, &topic) == [1, 1, 1])
    });
    let health = kk(&["health"]);
    assert!(health.stdout.contains("kubectl kafka elect-leaders"), "health points at the command: {}", health.stdout);

    let dry = json(kk(&["elect-leaders", "--topic", &topic, "--dry-run", "-o", "json"]));
    let would: Vec<(i64, i64)> = dry["wouldElect"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["partition"].as_i64().unwrap(), c["preferred"].as_i64().unwrap()))
        .collect();
    assert_eq!(would, [(0, 2), (1, 3)], "{dry}");
    assert_eq!((dry["skewBefore"].as_u64(), dry["skewAfter"].as_u64()), (Some(3), Some(0)), "{dry}");
    assert_eq!(leaders_at(1, &topic), [1, 1, 1], "a dry run changes nothing");

    let done = kk(&["elect-leaders", "--topic", &topic]).ok();
    assert!(done.stdout.contains("elected 2 partitions; leader skew (most minus fewest) 3 -> 0"), "{}", done.stdout);
    for n in 1..=3 {
        assert_eq!(leaders_at(n, &topic), [2, 3, 1], "broker {n}");
    }
    let again = kk(&["elect-leaders", "--topic", &topic]).ok();
    assert!(again.stderr.contains("led by it already"), "{}", again.stderr);
    let missing = kk(&["elect-leaders", "--topic", "no-such-topic-here"]);
    assert_eq!(missing.code, 6, "{missing:?}");
}
