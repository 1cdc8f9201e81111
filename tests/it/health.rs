//! health, quorum and doctor against the bed (issue 6).

use std::time::Duration;

use crate::bed::*;

#[test]
fn a_healthy_bed() {
    let _bed = shared();
    wait_bed_ready();
    // After another test restarted a broker, replicas may still be catching up: healthy
    // must come within a couple of minutes on its own.
    wait_until("health to exit 0", Duration::from_secs(150), || plugin(&["-n", "kafka", "health"]).code == 0);
    let doc = plugin(&["-n", "kafka", "health", "-o", "json"]);
    assert_eq!(doc.code, 0, "{doc:?}");
    let v: serde_json::Value = serde_json::from_str(&doc.stdout).unwrap();
    assert_eq!(v["verdict"], "healthy");
    let q: serde_json::Value =
        serde_json::from_str(&plugin(&["-n", "kafka", "quorum", "-o", "json"]).ok().stdout).unwrap();
    assert!(q["leaderId"].as_i64().unwrap() >= 1);
    let voters = q["voters"].as_array().unwrap();
    assert_eq!(voters.len(), 3);
    let table = plugin(&["-n", "kafka", "quorum"]).ok();
    assert!(table.stdout.contains("Voters caught up: 3/3"), "{}", table.stdout);
}

#[test]
fn doctor_on_the_guides_manifests_finds_the_rollout_hang_and_one_node() {
    let _bed = shared();
    wait_bed_ready();
    let out = plugin(&["-n", "kafka", "doctor", "-o", "json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    let checks: Vec<&str> = findings.iter().map(|f| f["check"].as_str().unwrap()).collect();
    // Topics made by other tests with RF 3 and min ISR 1 pass; the bed's manifests trip the
    // rollout hang (item 3) and put every broker, and so the whole quorum, on worker1, each
    // on a volume pinned there.
    let of = |check: &str| findings.iter().filter(|f| f["check"] == check).collect::<Vec<_>>();
    assert_eq!(of("rollout-hang").len(), 3, "{findings:#?}");
    assert!(of("rollout-hang").iter().all(|f| f["severity"] == "warning"));
    let spread = of("node-spread");
    assert_eq!(spread.len(), 1, "{findings:#?}");
    assert_eq!(spread[0]["severity"], "warning");
    assert_eq!(spread[0]["object"], "node/worker1");
    assert!(
        spread[0]["message"].as_str().unwrap().contains("stops the controller quorum (3 of 3 voters)"),
        "{spread:?}"
    );
    let local = of("volume-locality");
    assert_eq!(local.len(), 3, "{findings:#?}");
    assert!(local.iter().all(|f| f["severity"] == "info"
        && f["message"].as_str().unwrap().contains("(hostPath), which attaches only on worker1")));
    // A fragile topic another test makes at the same time (doctor_trips_on_a_fragile_topic)
    // may show up; nothing else may.
    let others: Vec<&&str> = checks.iter().filter(|c| **c != "topic-durability").collect();
    assert_eq!(others.len(), 7, "nothing else: {checks:?}");
}

#[test]
fn doctor_trips_on_a_fragile_topic() {
    // Exclusive: while the fragile topic exists, doctor on the guide's manifests would see it.
    let _bed = exclusive();
    wait_bed_ready();
    let topic = format!("fragile-{}", std::process::id());
    plugin(&["-n", "kafka", "topics", "create", &topic, "-r", "3", "--config", "min.insync.replicas=3"]).ok();
    let out = plugin(&["-n", "kafka", "doctor"]);
    let _ = plugin(&["-n", "kafka", "topics", "delete", &topic, "--yes"]);
    assert_eq!(out.code, 8, "an error finding exits 8: {out:?}");
    assert!(
        out.stdout.contains(&format!("topic/{topic}")) && out.stdout.contains("min.insync.replicas 3 is not below"),
        "{}",
        out.stdout
    );
}

#[test]
fn broker_three_down_is_degraded_then_health_wait_recovers() {
    let _bed = exclusive();
    wait_bed_ready();
    let topic = format!("health-{}", std::process::id());
    plugin(&["-n", "kafka", "topics", "create", &topic, "--partitions", "3", "-r", "3"]).ok();
    let _restore = ScaleBack("kafka-3");
    kubectl(&["-n", "kafka", "scale", "deployment/kafka-3", "--replicas", "0"]).ok();
    wait_until("broker 3 to leave", Duration::from_secs(90), || {
        let ids = registered_brokers();
        !ids.is_empty() && !ids.contains(&3)
    });
    // Every broker's metadata must catch up with the shutdown: wait for the full picture.
    let mut last = None;
    wait_until("health to report broker 3 down", Duration::from_secs(60), || {
        let out = plugin(&["-n", "kafka", "health"]);
        let complete = out.code == 8
            && out.stdout.starts_with("DEGRADED")
            && out.stdout.contains("broker kafka-3: deployment kafka-3 is scaled to 0")
            && out.stdout.contains("broker 3 (kafka-3) is not registered")
            && out.stdout.contains("under-replicated");
        last = Some(out);
        complete
    });
    let doc: serde_json::Value =
        serde_json::from_str(&plugin(&["-n", "kafka", "health", "-o", "json"]).stdout).unwrap();
    assert_eq!(doc["verdict"], "degraded", "{last:?}");
    wait_until("voter 3 to fall behind", Duration::from_secs(30), || {
        let q: serde_json::Value =
            serde_json::from_str(&plugin(&["-n", "kafka", "quorum", "-o", "json"]).stdout).unwrap_or_default();
        let v3 = q["voters"].as_array().and_then(|v| v.iter().find(|v| v["nodeId"] == 3).cloned());
        v3.is_some_and(|v| v["leader"] == false) && plugin(&["-n", "kafka", "quorum"]).stdout.contains(" no\n")
    });
    // Kafka commands go on with the ready brokers and name the one skipped.
    let listed = plugin(&["-n", "kafka", "topics", "list"]).ok();
    assert!(listed.stdout.contains(&topic), "{}", listed.stdout);
    assert!(
        listed.stderr.contains("not ready, skipped: kafka-3 (deployment kafka-3 is scaled to 0)"),
        "{}",
        listed.stderr
    );
    kubectl(&["-n", "kafka", "scale", "deployment/kafka-3", "--replicas", "1"]).ok();
    let waited = plugin(&["-n", "kafka", "health", "--wait", "--timeout", "3m"]);
    assert_eq!(waited.code, 0, "{waited:?}");
    assert!(waited.stdout.starts_with("HEALTHY"));
    let _ = plugin(&["-n", "kafka", "topics", "delete", &topic, "--yes"]);
    wait_bed_ready();
}

#[test]
fn disk_shows_log_dir_bytes_against_the_pvc() {
    let _bed = shared();
    wait_bed_ready();
    let topic = format!("disk-{}", std::process::id());
    plugin(&["-n", "kafka", "topics", "create", &topic, "-r", "3"]).ok();
    let payload = "d".repeat(50_000);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kubectl-kafka"))
        .args(["-n", "kafka", "produce", &topic])
        .env("KUBECONFIG", kubeconfig())
        .env("HOME", scratch_home())
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), format!("{payload}\n{payload}\n").as_bytes()).unwrap();
    drop(child.stdin.take());
    assert!(child.wait().unwrap().success());
    let mut doc = serde_json::Value::Null;
    wait_until("the topic's bytes on every replica", Duration::from_secs(30), || {
        doc = serde_json::from_str(&plugin(&["-n", "kafka", "disk", "-o", "json"]).stdout).unwrap_or_default();
        doc["brokers"].as_array().is_some_and(|b| {
            b.len() == 3 && b.iter().all(|b| b["logDirs"][0]["byTopic"][&topic].as_i64().unwrap_or(0) >= 100_000)
        })
    });
    for b in doc["brokers"].as_array().unwrap() {
        assert_eq!(b["requestedBytes"], 10_i64 * 1024 * 1024 * 1024);
        assert!(b["usedBytes"].as_i64().unwrap() >= 100_000);
        assert!(b["percent"].as_f64().is_some());
        assert!(b["pvc"].as_str().unwrap().starts_with("kafka-pvc-"));
    }
    let table = plugin(&["-n", "kafka", "disk", "--topics"]).ok();
    assert!(table.stdout.contains("USE%") && table.stdout.contains(&topic), "{}", table.stdout);
    // Over exec (kafka-log-dirs.sh): the same topic bytes on every broker and the same PVCs.
    let exec: serde_json::Value =
        serde_json::from_str(&plugin(&["-n", "kafka", "--via", "exec", "disk", "-o", "json"]).ok().stdout).unwrap();
    let view = |d: &serde_json::Value| -> Vec<(String, String, i64)> {
        d["brokers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| {
                let bytes = b["logDirs"][0]["byTopic"][&topic].as_i64().unwrap_or(-1);
                (b["broker"].as_str().unwrap().to_string(), b["pvc"].as_str().unwrap().to_string(), bytes)
            })
            .collect()
    };
    assert_eq!(view(&exec), view(&doc));
    let _ = plugin(&["-n", "kafka", "topics", "delete", &topic, "--yes"]);
}

#[test]
fn quorum_over_exec_reads_the_same_quorum_as_describe_quorum() {
    let _bed = shared();
    wait_bed_ready();
    let doc = |via: &str| -> serde_json::Value {
        let out = plugin(&["-n", "kafka", "--via", via, "quorum", "-o", "json"]).ok();
        serde_json::from_str(&out.stdout).unwrap()
    };
    // Offsets and times move between two looks; who leads, in which epoch, and who votes do not.
    let shape = |d: &serde_json::Value| {
        // Order is not meaning: the tool lists the leader first, DescribeQuorum by its own order.
        let mut roles: Vec<(i64, bool, bool)> = d["voters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| (v["nodeId"].as_i64().unwrap(), v["voter"].as_bool().unwrap(), v["leader"].as_bool().unwrap()))
            .collect();
        roles.sort();
        (d["leaderId"].clone(), d["leaderEpoch"].clone(), roles, d["observers"].as_array().unwrap().len())
    };
    let exec = doc("exec");
    assert_eq!(shape(&exec), shape(&doc("port-forward")));
    assert_eq!(exec["voters"].as_array().unwrap().len(), 3);
    assert!(exec["highWatermark"].as_i64().unwrap() > 0, "{exec}");
    assert!(exec["voters"][0]["lastCaughtUp"].as_i64().unwrap() > 0, "times are read: {exec}");
}

#[test]
fn a_topic_in_sync_but_below_min_isr_is_degraded() {
    // RF 2 with min.insync.replicas 3: every replica in sync, yet every acks=all write is
    // rejected. Kafka's rule (no leader, or ISR < min.insync.replicas) makes it degraded.
    let _bed = exclusive();
    wait_bed_ready();
    let topic = format!("never-enough-{}", std::process::id());
    struct Delete(String);
    impl Drop for Delete {
        fn drop(&mut self) {
            let _ = plugin(&["-n", "kafka", "topics", "delete", &self.0, "--yes"]);
        }
    }
    plugin(&[
        "-n",
        "kafka",
        "topics",
        "create",
        &topic,
        "--partitions",
        "1",
        "-r",
        "2",
        "--config",
        "min.insync.replicas=3",
    ])
    .ok();
    let _delete = Delete(topic.clone());
    let run = plugin(&["-n", "kafka", "health"]);
    assert_eq!(run.code, 8, "{run:?}");
    assert!(
        run.stdout.contains("under min.insync.replicas") && run.stdout.contains(&format!("{topic}/0")),
        "{}",
        run.stdout
    );
    let doctor = plugin(&["-n", "kafka", "doctor"]);
    assert_eq!(doctor.code, 8, "{doctor:?}");
    assert!(doctor.stdout.contains(&format!("topic/{topic}")), "{}", doctor.stdout);
}

#[test]
fn a_partition_being_reassigned_is_not_counted_under_replicated() {
    // A move from [1] to [1,2] held back by a 10 kB/s throttle: while broker 2 copies, the
    // partition's replicas are [1,2] with 2 being added and ISR [1]. Kafka's own tools call it
    // fully replicated (RF without the replicas being added); so must health.
    let _bed = exclusive();
    wait_bed_ready();
    wait_until("health to exit 0", Duration::from_secs(150), || plugin(&["-n", "kafka", "health"]).code == 0);
    let topic = format!("moving-{}", std::process::id());
    let bootstrap = "localhost:9092";
    let _topic = PlacedTopic::create(&topic, "1");
    let plan = format!(r#"{{"version":1,"partitions":[{{"topic":"{topic}","partition":0,"replicas":[1,2]}}]}}"#);
    let file = format!("/tmp/{topic}.json");
    // Dropped before the topic. --cancel also removes the throttles it set.
    struct Cancel(String);
    impl Drop for Cancel {
        fn drop(&mut self) {
            let _ = kafka_tool(
                "kafka-reassign-partitions.sh",
                &["--bootstrap-server", "localhost:9092", "--reassignment-json-file", &self.0, "--cancel"],
                None,
            );
        }
    }
    // Data enough (16 MiB) that the throttled copy outlasts the test by far.
    fill_topic(&topic, 16384, "1");
    put_in_pod(&file, &plan);
    let _cancel = Cancel(file.clone());
    kafka_tool(
        "kafka-reassign-partitions.sh",
        &["--bootstrap-server", bootstrap, "--reassignment-json-file", &file, "--execute", "--throttle", "10000"],
        None,
    )
    .ok();
    let name = format!("{topic}/0");
    let report = plugin(&["-n", "kafka", "health", "-o", "json"]);
    let v: serde_json::Value = serde_json::from_str(&report.stdout).unwrap();
    let reasons: Vec<String> =
        v["reasons"].as_array().unwrap().iter().map(|r| r["message"].as_str().unwrap().to_string()).collect();
    assert!(reasons.iter().any(|m| m.contains("being reassigned") && m.contains(&name)), "{reasons:?}");
    assert!(!reasons.iter().any(|m| m.contains("under-replicated") && m.contains(&name)), "{reasons:?}");
    assert_eq!(v["verdict"], "healthy", "{reasons:?}");
    // Kafka's own tool, asked at the same time, agrees: not under-replicated, still moving.
    let urp = kafka_tool(
        "kafka-topics.sh",
        &["--bootstrap-server", bootstrap, "--describe", "--topic", &topic, "--under-replicated-partitions"],
        None,
    )
    .ok();
    assert!(!urp.stdout.contains(&topic), "{}", urp.stdout);
    let verify = kafka_tool(
        "kafka-reassign-partitions.sh",
        &["--bootstrap-server", bootstrap, "--reassignment-json-file", &file, "--verify", "--preserve-throttles"],
        None,
    );
    assert!(verify.stdout.contains("is still in progress"), "{verify:?}");
}
