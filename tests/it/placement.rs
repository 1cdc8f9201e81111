//! Node selection (issue 16): `move BROKER --to-node NODE` on the bed's two real nodes, with a
//! volume either node can mount (the broker takes its data along) and with volumes pinned to a
//! node (a broker-only broker starts over on a new one; a controller is refused), and the
//! node checks that refuse before any change.

use std::time::Instant;

use crate::bed::*;
use crate::own_cluster::{Cluster, json};

#[allow(clippy::print_stderr, reason = "the figures a test measures go to its log for BENCHMARKS.md")]
fn report(line: &str) {
    eprintln!("figure: {line}");
}

fn node_of(namespace: &str, n: u32) -> String {
    kubectl(&[
        "-n",
        namespace,
        "get",
        "pods",
        "-l",
        &format!("app=kafka,instance=kafka-{n}"),
        "--field-selector=status.phase=Running",
        "-o",
        "jsonpath={.items[*].spec.nodeName}",
    ])
    .ok()
    .stdout
}

/// The log dir's identity as the running broker sees it (a new, formatted volume gets a new one).
fn directory_id(namespace: &str, n: u32) -> String {
    let out = kubectl(&[
        "-n",
        namespace,
        "exec",
        &format!("deploy/kafka-{n}"),
        "--",
        "cat",
        "/var/lib/kafka/data/meta.properties",
    ])
    .ok();
    out.stdout
        .lines()
        .find_map(|l| l.strip_prefix("directory.id="))
        .unwrap_or_else(|| panic!("{}", out.stdout))
        .to_string()
}

/// Bytes of `topic` in broker `id`'s log dir, as that broker reports them.
fn bytes_on(c: &Cluster, id: i64, topic: &str) -> u64 {
    let doc = json(c.kk(&["disk", "-o", "json"]).ok());
    doc["brokers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["nodeId"] == id)
        .flat_map(|b| b["logDirs"].as_array().unwrap().iter())
        .map(|d| d["byTopic"][topic].as_u64().unwrap_or(0))
        .sum()
}

/// Deployment generation and claim, to show a refused move changed nothing.
fn deployment_state(namespace: &str, n: u32) -> String {
    kubectl(&[
        "-n",
        namespace,
        "get",
        "deployment",
        &format!("kafka-{n}"),
        "-o",
        "jsonpath={.metadata.generation}|{.spec.replicas}|{.spec.template.spec.affinity}|{.spec.template.spec.volumes}",
    ])
    .ok()
    .stdout
}

#[test]
fn move_with_the_data_and_onto_a_new_volume_under_a_live_producer_and_group() {
    let _bed = exclusive();
    wait_bed_ready();
    // The guide's cluster with volumes either node can mount (no node affinity on the PVs),
    // and two volumes for a fourth, broker-only broker: one on worker1, one on worker2.
    let c = Cluster::create_with("kafka-move", "3.7.1", |m| {
        m.replace(
            "  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n      - matchExpressions:\n        - key: kubernetes.io/hostname\n          operator: In\n          values: [worker1]\n---",
            "---",
        )
    });
    c.offer_volume("4", "kafka-pvc-4", Some("worker1"));
    c.offer_volume("4-worker2", "kafka-pvc-4-worker2", Some("worker2"));
    let scaled = c.kk(&["scale", "--brokers", "4", "--yes"]);
    assert_eq!(scaled.code, 0, "{scaled:?}");
    assert_eq!(node_of("kafka-move", 4), "worker1");
    // A fifth broker would be placed where asked, checked against the real nodes.
    let fifth = json(c.kk(&["scale", "--brokers", "5", "--node", "worker2", "--dry-run", "-o", "json"]).ok());
    let pod = &fifth["changes"][0]["detail"]["objects"][2]["spec"]["template"]["spec"];
    let terms = &pod["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]["nodeSelectorTerms"];
    assert_eq!(terms[0]["matchExpressions"][0]["values"], serde_json::json!(["worker2"]), "{fifth}");
    assert_eq!(c.kk(&["scale", "--brokers", "5", "--node", "worker9", "--dry-run"]).code, 6);

    let topic = "move-load";
    c.kk(&["topics", "create", topic, "--partitions", "4", "-r", "3", "--config", "min.insync.replicas=2"]).ok();
    // An idle topic whose data the moves must keep: a replica on every broker.
    c.create_placed_topic("move-still", "3:4:1,4:3:2");
    let lines: String = (0..3000).map(|i| format!("still-{i}\n")).collect();
    c.kk_stdin(&["produce", "move-still"], &lines).ok();
    let load = crate::load::Load::start_in("kafka-move", topic, "move-load-group");

    // A broker-only broker on a volume pinned to worker1: a new volume on worker2, its
    // replicas copied from its peers.
    let dry =
        json(c.kk(&["move", "kafka-4", "--to-node", "worker2", "--dry-run", "--throttle", "50MB", "-o", "json"]).ok());
    assert_eq!(dry["plan"]["data"], "new-volume", "{dry}");
    // The throttle it would set: broker 4 and the replicas it copies from, on each partition
    // it hosts ("move-still" has two, one led by broker 3 and one by broker 4).
    assert_eq!(dry["plan"]["throttle"]["rate"], 50_000_000, "{dry}");
    assert_eq!(dry["plan"]["throttle"]["replicas"]["move-still"], "0:4,1:4", "{dry}");
    assert!(dry["plan"]["throttle"]["brokers"].as_array().unwrap().contains(&serde_json::json!(4)));
    assert_eq!(dry["plan"]["volumes"][0]["locality"], "local:worker1");
    assert_eq!(dry["plan"]["volumes"][0]["newClaim"], "kafka-pvc-4-worker2");
    assert_eq!(node_of("kafka-move", 4), "worker1", "the dry run changed nothing");
    let still_before = bytes_on(&c, 4, "move-still");
    assert!(still_before > 0);
    let old_dir = directory_id("kafka-move", 4);
    let t0 = Instant::now();
    let moved = c.kk(&["move", "kafka-4", "--to-node", "worker2", "--yes", "--throttle", "50MB", "-o", "json"]);
    let new_volume_took = t0.elapsed();
    assert_eq!(moved.code, 0, "{moved:?}");
    assert!(moved.stderr.contains("replication throttle removed"), "{}", moved.stderr);
    // Removed from the broker and the topic once broker 4 is in sync.
    for entity in
        [["--entity-type", "brokers", "--entity-name", "4"], ["--entity-type", "topics", "--entity-name", "move-still"]]
    {
        let mut args = vec!["-n", "kafka-move", "exec", "deploy/kafka-1", "--", "/opt/kafka/bin/kafka-configs.sh"];
        args.extend(["--bootstrap-server", "localhost:9092", "--describe"]);
        args.extend(entity);
        let configs = kubectl(&args).ok().stdout;
        assert!(!configs.contains("throttled"), "no throttle left on {entity:?}: {configs}");
    }
    let doc = json(moved);
    assert_eq!((doc["data"].as_str(), doc["newClaims"][0].as_str()), (Some("new-volume"), Some("kafka-pvc-4-worker2")));
    assert_eq!(node_of("kafka-move", 4), "worker2");
    assert_ne!(directory_id("kafka-move", 4), old_dir, "a new log dir");
    assert_eq!(bytes_on(&c, 4, "move-still"), still_before, "every replica copied again");
    let claims = kubectl(&["-n", "kafka-move", "get", "pvc", "-o", "name"]).ok();
    assert!(claims.stdout.contains("persistentvolumeclaim/kafka-pvc-4\n"), "the old claim is kept: {}", claims.stdout);
    // Again: nothing to do.
    let again = json(c.kk(&["move", "kafka-4", "--to-node", "worker2", "-o", "json"]).ok());
    assert_eq!(again["alreadyThere"], true);

    // Back to worker1 with --delete-volume, the first run killed (SIGKILL, no chance to clean
    // up) once it has stopped the broker: the next run finishes that move.
    c.offer_volume("4-worker1", "kafka-pvc-4-worker1", Some("worker1"));
    let back = ["move", "kafka-4", "--to-node", "worker1", "--yes", "--delete-volume"];
    let mut child = plugin_spawn(&[&["-n", "kafka-move"][..], &back].concat());
    let replicas = || {
        kubectl(&["-n", "kafka-move", "get", "deployment", "kafka-4", "-o", "jsonpath={.spec.replicas}"]).ok().stdout
    };
    wait_until("the first run to stop kafka-4", std::time::Duration::from_secs(180), || {
        if let Ok(Some(code)) = child.try_wait() {
            panic!("the move ended before it was killed: {code}");
        }
        replicas() == "0"
    });
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(replicas(), "0", "left stopped by the killed run");
    let resumed = c.kk(&back);
    assert_eq!(resumed.code, 0, "{resumed:?}");
    assert!(resumed.stderr.contains("finishing the move an earlier run left stopped"), "{}", resumed.stderr);
    assert_eq!(node_of("kafka-move", 4), "worker1");
    assert_eq!(bytes_on(&c, 4, "move-still"), still_before, "copied again");
    let claims = kubectl(&["-n", "kafka-move", "get", "pvc", "-o", "name"]).ok().stdout;
    assert!(!claims.contains("kafka-pvc-4-worker2\n"), "--delete-volume removed the claim it left: {claims}");
    assert!(claims.contains("kafka-pvc-4-worker1\n"), "{claims}");

    // A combined broker+controller with a volume either node mounts: it moves with its data.
    let dry = json(c.kk(&["move", "kafka-3", "--to-node", "worker2", "--dry-run", "-o", "json"]).ok());
    assert_eq!(dry["plan"]["data"], "follows", "{dry}");
    assert_eq!(dry["plan"]["volumes"][0]["locality"], "any node");
    let still_on_3 = bytes_on(&c, 3, "move-still");
    let dir_3 = directory_id("kafka-move", 3);
    let t0 = Instant::now();
    let moved = c.kk(&["move", "kafka-3", "--to-node", "worker2", "--yes"]);
    let with_data_took = t0.elapsed();
    assert_eq!(moved.code, 0, "{moved:?}");
    assert!(
        moved
            .stdout
            .contains(&format!("kafka-3 runs on worker2 with its data (the same log dir, directory.id {dir_3})")),
        "{}",
        moved.stdout
    );
    assert_eq!(node_of("kafka-move", 3), "worker2");
    assert_eq!(directory_id("kafka-move", 3), dir_3, "the same log dir");
    assert_eq!(bytes_on(&c, 3, "move-still"), still_on_3);
    let quorum = json(c.kk(&["quorum", "-o", "json"]).ok());
    assert_eq!(quorum["voters"].as_array().map(Vec::len), Some(3), "{quorum}");
    let history = kubectl(&["-n", "kafka-move", "rollout", "history", "deployment/kafka-3"]).ok();
    assert!(history.stdout.contains("kubectl kafka move kafka-3 to worker2"), "{}", history.stdout);

    let outcome = load.finish();
    assert_eq!(outcome.failed, 0, "no send failed");
    assert_eq!(outcome.group_read.len() as u64, outcome.sent, "the group read every message");
    crate::load::assert_exactly_once(topic, outcome.sent, |args| c.kk(args));
    let still = c.kk(&["consume", "move-still", "--format", "value", "--timeout", "60s"]).ok();
    assert_eq!(still.stdout.lines().count(), 3000, "the idle topic intact");
    // The least a move with the data could take, by hand and for the figures only (after the
    // load: what is asserted above is the plugin's moves alone): the same stop-first roll
    // (scale to 0, wait until the pod is gone, re-pin and start), then `rollout-status` until
    // the broker is registered and in sync. It checks nothing first.
    let t0 = Instant::now();
    kubectl(&["-n", "kafka-move", "scale", "deployment/kafka-3", "--replicas", "0"]).ok();
    kubectl(&["-n", "kafka-move", "wait", "--for=delete", "pod", "-l", "instance=kafka-3", "--timeout=120s"]).ok();
    let pin = r#"{"spec":{"replicas":1,"template":{"spec":{"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"kubernetes.io/hostname","operator":"In","values":["worker1"]}]}]}}}}}}}"#;
    kubectl(&["-n", "kafka-move", "patch", "deployment", "kafka-3", "-p", pin]).ok();
    c.kk(&["rollout-status", "kafka-3", "--timeout", "5m"]).ok();
    let by_hand_took = t0.elapsed();
    assert_eq!(node_of("kafka-move", 3), "worker1");

    let health = c.kk(&["health"]);
    assert_eq!(health.code, 0, "{health:?}");
    report(&format!(
        "move of a broker-only broker onto a new volume on worker2 (re-replicated): {:.1} s; move of a \
         broker+controller with its data to worker2: {:.1} s; the same by hand (stop-first, re-pin, \
         rollout-status): {:.1} s ({:+.0}%); {} messages exactly once",
        new_volume_took.as_secs_f64(),
        with_data_took.as_secs_f64(),
        by_hand_took.as_secs_f64(),
        (with_data_took.as_secs_f64() / by_hand_took.as_secs_f64() - 1.0) * 100.0,
        outcome.sent
    ));
}

#[test]
fn a_controller_on_a_node_local_volume_and_bad_nodes_are_refused_before_any_change() {
    let _bed = exclusive();
    wait_bed_ready();
    let before = deployment_state("kafka", 3);
    let claims_before = kubectl(&["-n", "kafka", "get", "pvc", "-o", "name"]).ok().stdout;

    // The guide's volumes are pinned to worker1; broker 3 is a voter.
    let refused = plugin(&["-n", "kafka", "move", "kafka-3", "--to-node", "worker2", "--yes"]);
    assert_eq!(refused.code, 9, "{refused:?}");
    assert!(refused.stderr.contains("KRaft controller (voter 3"), "{}", refused.stderr);
    assert!(refused.stderr.contains("KIP-853") && refused.stderr.contains("hint: safe instead"), "{}", refused.stderr);
    let dry = plugin(&["-n", "kafka", "move", "kafka-3", "--to-node", "worker2", "--dry-run"]);
    assert_eq!(dry.code, 9, "the dry run says the same: {dry:?}");

    let missing = plugin(&["-n", "kafka", "move", "kafka-3", "--to-node", "worker9", "--yes"]);
    assert_eq!(missing.code, 6, "{missing:?}");
    assert!(missing.stderr.contains("node worker9 does not exist") && missing.stderr.contains("worker1, worker2"));

    // A node whose kubelet never reported (a Node object alone).
    let ghost = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        ghost.path(),
        "apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-ghost\n  labels: {kubernetes.io/hostname: worker-ghost}\n",
    )
    .unwrap();
    kubectl(&["apply", "-f", ghost.path().to_str().unwrap()]).ok();
    let not_ready = plugin(&["-n", "kafka", "move", "kafka-3", "--to-node", "worker-ghost", "--yes"]);
    kubectl(&["delete", "node", "worker-ghost", "--ignore-not-found"]).ok();
    assert_eq!(not_ready.code, 9, "{not_ready:?}");
    assert!(not_ready.stderr.contains("node worker-ghost is not Ready"), "{}", not_ready.stderr);

    kubectl(&["cordon", "worker2"]).ok();
    let cordoned = plugin(&["-n", "kafka", "move", "kafka-3", "--to-node", "worker2", "--yes"]);
    kubectl(&["uncordon", "worker2"]).ok();
    assert_eq!(cordoned.code, 9, "{cordoned:?}");
    assert!(cordoned.stderr.contains("node worker2 is cordoned"), "{}", cordoned.stderr);

    assert_eq!(deployment_state("kafka", 3), before, "nothing changed");
    assert_eq!(kubectl(&["-n", "kafka", "get", "pvc", "-o", "name"]).ok().stdout, claims_before, "no claim made");
    assert_eq!(node_of("kafka", 3), "worker1");
}
