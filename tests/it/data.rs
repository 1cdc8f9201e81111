//! Topics, produce, consume and groups against the bed (issue 5), cross-checked with
//! independent clients (kcat, Kafka's console tools).

use std::io::Write;
use std::process::{Command, Stdio};

use crate::bed::*;

fn ns(args: &[&str]) -> Vec<String> {
    let mut v = vec!["-n".to_string(), "kafka".to_string()];
    v.extend(args.iter().map(|s| s.to_string()));
    v
}

fn kk(args: &[&str]) -> Run {
    let owned = ns(args);
    let refs: Vec<&str> = owned.iter().map(String::as_str).collect();
    plugin(&refs)
}

/// Runs the plugin with `input` on stdin.
fn kk_stdin(args: &[&str], input: &[u8]) -> Run {
    let owned = ns(args);
    let refs: Vec<&str> = owned.iter().map(String::as_str).collect();
    plugin_stdin(&refs, input)
}

fn fresh_topic(name: &str, partitions: &str) -> String {
    let topic = format!("{name}-{}", std::process::id());
    kk(&["topics", "create", &topic, "--partitions", partitions, "--replication-factor", "3"]).ok();
    topic
}

/// Bootstrap of a `kubectl kafka proxy` for kcat.
fn with_proxy<T>(f: impl FnOnce(&str) -> T) -> T {
    let proxy = crate::transports::Proxy::start(&[]);
    let result = f(&proxy.bootstrap);
    drop(proxy);
    result
}

#[test]
fn the_guides_walkthrough() {
    let _bed = shared();
    wait_bed_ready();
    let topic = format!("my-topic-{}", std::process::id());
    let created = kk(&["topics", "create", &topic, "--partitions", "1", "--replication-factor", "3"]).ok();
    assert_eq!(created.stdout.trim(), format!("topic/{topic} created"));
    let produced = kk_stdin(&["produce", &topic], b"first message\nsecond message\nthird message\n").ok();
    assert!(produced.stderr.contains("produced 3 messages"), "{}", produced.stderr);
    let consumed = kk(&["consume", &topic, "--from-beginning"]).ok();
    assert_eq!(consumed.stdout, "first message\nsecond message\nthird message\n");
    let listed = kk(&["topics", "list"]).ok();
    let row = listed.stdout.lines().find(|l| l.starts_with(&format!("{topic} "))).expect("topic listed");
    assert_eq!(row.split_whitespace().collect::<Vec<_>>(), [topic.as_str(), "1", "3", "0", "0"]);
}

#[test]
fn describe_shows_partitions_offsets_and_configs() {
    let _bed = shared();
    wait_bed_ready();
    let topic = fresh_topic("describe", "2");
    kk(&["topics", "alter-config", &topic, "--set", "retention.ms=3600000"]).ok();
    kk_stdin(&["produce", &topic, "--partition", "1"], b"a\nb\n").ok();
    wait_until("the config to show", std::time::Duration::from_secs(20), || {
        kk(&["topics", "describe", &topic]).stdout.contains("retention.ms")
    });
    let doc: serde_json::Value =
        serde_json::from_str(&kk(&["topics", "describe", &topic, "-o", "json"]).ok().stdout).unwrap();
    let parts = doc["partitions"].as_array().unwrap();
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[1]["logEndOffset"], 2);
    assert_eq!(parts[1]["logStartOffset"], 0);
    assert_eq!(parts[0]["replicas"].as_array().unwrap().len(), 3);
    assert_eq!(parts[0]["underReplicated"], false);
    let configs = doc["configs"].as_array().unwrap();
    assert_eq!(configs.len(), 1, "only the topic's own settings: {configs:?}");
    assert_eq!(configs[0]["name"], "retention.ms");
    assert_eq!(configs[0]["value"], "3600000");
    let all = kk(&["topics", "describe", &topic, "--all-configs"]).ok();
    assert!(all.stdout.contains("max.message.bytes") && all.stdout.contains("STATIC_BROKER_CONFIG"), "{}", all.stdout);
}

#[test]
fn create_returns_once_every_broker_knows_the_topic() {
    let _bed = shared();
    wait_bed_ready();
    // CI once saw `alter-config` and `produce` right after `create` reach a broker that did not
    // know the topic yet. Each broker is asked on its own, the moment create returns.
    for i in 0..4 {
        let topic = format!("everywhere-{}-{i}", std::process::id());
        kk(&["topics", "create", &topic, "--partitions", "3", "--replication-factor", "3"]).ok();
        for n in 1..=3 {
            let (error, partitions) = topic_as_broker_knows(n, &topic);
            assert_eq!(error, 0, "broker {n} does not know {topic} yet");
            assert_eq!(partitions.len(), 3, "broker {n}: {partitions:?}");
            assert!(partitions.iter().all(|&(_, e, leader)| e == 0 && leader > 0), "broker {n}: {partitions:?}");
        }
        kk(&["topics", "delete", &topic, "--yes"]).ok();
    }
    // Unknown to every broker stays unknown (the probe can tell): error 3, UNKNOWN_TOPIC_OR_PARTITION.
    assert_eq!(topic_as_broker_knows(1, "never-created-topic").0, 3);
}

#[test]
fn create_waits_for_a_broker_whose_metadata_lags() {
    // A broker that lags behind the metadata log, made real: broker 3's JVM is frozen (SIGSTOP)
    // while the topic is created and thawed three seconds later. `create` must not return
    // before broker 3 itself knows the topic (asking any one broker is not enough).
    let _bed = exclusive();
    wait_bed_ready();
    let pid = broker_pid(3).expect("broker 3's pid").to_string();
    let topic = format!("lagging-{}", std::process::id());
    assert!(Command::new("kill").args(["-STOP", &pid]).status().unwrap().success());
    let thaw = {
        let pid = pid.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(3));
            Command::new("kill").args(["-CONT", &pid]).status().unwrap();
        })
    };
    let created = kk(&["topics", "create", &topic, "--partitions", "3", "--replication-factor", "3"]);
    let (error, partitions) = topic_as_broker_knows(3, &topic);
    thaw.join().unwrap();
    created.ok();
    assert_eq!(error, 0, "broker 3 did not know {topic} when create returned");
    assert_eq!(partitions.len(), 3, "broker 3: {partitions:?}");
    kk(&["topics", "delete", &topic, "--yes"]).ok();
    wait_bed_ready();
}

#[test]
fn alter_config_is_incremental() {
    let _bed = shared();
    wait_bed_ready();
    let topic = fresh_topic("alter", "1");
    kk(&["topics", "alter-config", &topic, "--set", "retention.ms=3600000", "--set", "cleanup.policy=compact"]).ok();
    kk(&["topics", "alter-config", &topic, "--delete", "cleanup.policy"]).ok();
    wait_until("retention.ms kept, cleanup.policy removed", std::time::Duration::from_secs(20), || {
        let out = kk(&["topics", "describe", &topic, "-o", "json"]).stdout;
        out.contains("\"retention.ms\"") && !out.contains("\"cleanup.policy\"")
    });
    let dry = kk(&["topics", "alter-config", &topic, "--set", "retention.ms=1", "--dry-run"]).ok();
    assert!(dry.stdout.contains("would change"));
    std::thread::sleep(std::time::Duration::from_secs(1));
    assert!(kk(&["topics", "describe", &topic]).stdout.contains("3600000"), "dry run changed nothing");
}

#[test]
fn plugin_records_read_back_identical_by_kcat() {
    let _bed = shared();
    wait_bed_ready();
    let topic = fresh_topic("xcheck", "1");
    // Keys, headers, a binary value (base64 in JSON) and one of 9 MiB.
    let big = "z".repeat(9 * 1024 * 1024);
    let binary: Vec<u8> = (0u8..=255).collect();
    let b64 = base64_encode(&binary);
    let input = format!(
        "{{\"key\":\"k1\",\"value\":\"plain text\",\"headers\":[{{\"key\":\"trace\",\"value\":\"t-1\"}}]}}\n\
         {{\"key\":\"k2\",\"value\":\"{b64}\",\"valueEncoding\":\"base64\"}}\n\
         {{\"key\":\"k3\",\"value\":\"{big}\"}}\n"
    );
    let out = kk_stdin(&["produce", &topic, "--format", "json"], input.as_bytes()).ok();
    assert!(out.stderr.contains("produced 3 messages"), "{}", out.stderr);
    let dir = tempfile::tempdir().unwrap();
    with_proxy(|bootstrap| {
        // Each value into its own file, byte for byte (kcat's %s with no delimiter).
        for (i, expected) in [b"plain text".to_vec(), binary.clone(), big.as_bytes().to_vec()].iter().enumerate() {
            let file = dir.path().join(format!("v{i}"));
            let got = Command::new("kcat")
                .args([
                    "-b",
                    bootstrap,
                    "-C",
                    "-t",
                    &topic,
                    "-o",
                    &i.to_string(),
                    "-c",
                    "1",
                    "-e",
                    "-q",
                    "-D",
                    "",
                    "-f",
                    "%s",
                ])
                .args(["-X", "fetch.message.max.bytes=10485760"])
                .output()
                .unwrap();
            assert!(got.status.success(), "{}", String::from_utf8_lossy(&got.stderr));
            std::fs::write(&file, &got.stdout).unwrap();
            assert_eq!(got.stdout.len(), expected.len(), "value {i} length");
            assert!(got.stdout == *expected, "value {i} differs");
        }
        let meta = Command::new("kcat")
            .args(["-b", bootstrap, "-C", "-t", &topic, "-o", "0", "-c", "1", "-e", "-q", "-f", "%k|%h"])
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&meta.stdout).trim(), "k1|trace=t-1");
    });
}

fn base64_encode(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n =
            (chunk[0] as u32) << 16 | (*chunk.get(1).unwrap_or(&0) as u32) << 8 | *chunk.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn console_producer_records_read_back_identical_by_the_plugin() {
    let _bed = shared();
    wait_bed_ready();
    let topic = fresh_topic("console", "1");
    // Kafka's own console producer in broker 1's pod, fed through `kubectl exec -i`.
    let mut child = Command::new(kubectl_bin())
        .arg("--kubeconfig")
        .arg(kubeconfig())
        .args(["-n", "kafka", "exec", "-i", &pod_of(1), "--"])
        .args(["/opt/kafka/bin/kafka-console-producer.sh", "--bootstrap-server", "localhost:9092"])
        .args(["--topic", &topic, "--property", "parse.key=true", "--property", "key.separator=:"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.as_mut().unwrap().write_all("a:first\nb:second, with ünïcode\nc:third\n".as_bytes()).unwrap();
    drop(child.stdin.take());
    assert!(child.wait().unwrap().success());
    let out = kk(&["consume", &topic, "--format", "kv"]).ok();
    assert_eq!(out.stdout, "a\tfirst\nb\tsecond, with ünïcode\nc\tthird\n");
    let json = kk(&["consume", &topic, "--offset", "-1", "--format", "json"]).ok();
    let v: serde_json::Value = serde_json::from_str(json.stdout.trim()).unwrap();
    assert_eq!((v["key"].as_str(), v["value"].as_str(), v["offset"].as_i64()), (Some("c"), Some("third"), Some(2)));
}

#[test]
fn consume_then_produce_round_trips() {
    let _bed = shared();
    wait_bed_ready();
    let src = fresh_topic("roundtrip-src", "1");
    let dst = fresh_topic("roundtrip-dst", "1");
    let input = "{\"key\":\"k\",\"value\":\"AAEC/w==\",\"valueEncoding\":\"base64\",\"headers\":[{\"key\":\"h\",\"value\":\"v\"}]}\n";
    kk_stdin(&["produce", &src, "--format", "json"], input.as_bytes()).ok();
    let first = kk(&["consume", &src, "--format", "json"]).ok();
    kk_stdin(&["produce", &dst, "--format", "json"], first.stdout.as_bytes()).ok();
    let second = kk(&["consume", &dst, "--format", "json"]).ok();
    let strip = |s: &str| {
        let mut v: serde_json::Value = serde_json::from_str(s.trim()).unwrap();
        for k in ["topic", "timestamp", "offset"] {
            v.as_object_mut().unwrap().remove(k);
        }
        v
    };
    assert_eq!(strip(&first.stdout), strip(&second.stdout));
    assert_eq!(strip(&second.stdout)["valueEncoding"], "base64");
}

#[test]
fn consume_offsets_partitions_and_limits() {
    let _bed = shared();
    wait_bed_ready();
    let topic = fresh_topic("offsets", "2");
    let lines: String = (0..10).map(|i| format!("m{i}\n")).collect();
    kk_stdin(&["produce", &topic, "--partition", "0"], lines.as_bytes()).ok();
    kk_stdin(&["produce", &topic, "--partition", "1"], b"other\n").ok();
    assert_eq!(kk(&["consume", &topic, "--partition", "0", "--offset", "-3"]).ok().stdout, "m7\nm8\nm9\n");
    assert_eq!(kk(&["consume", &topic, "--partition", "0", "--offset", "8"]).ok().stdout, "m8\nm9\n");
    assert_eq!(
        kk(&["consume", &topic, "--partition", "0", "--offset", "-100"]).ok().stdout.lines().count(),
        10,
        "-N stops at the log start"
    );
    assert_eq!(kk(&["consume", &topic, "--partition", "0", "--max-messages", "2"]).ok().stdout, "m0\nm1\n");
    assert_eq!(kk(&["consume", &topic, "--offset", "end"]).ok().stdout, "");
    assert_eq!(kk(&["consume", &topic]).ok().stdout.lines().count(), 11);
    assert_eq!(kk(&["consume", &topic, "--since", "1h"]).ok().stdout.lines().count(), 11);
    assert_eq!(kk(&["consume", &topic, "--since", "2099-01-01T00:00:00Z"]).ok().stdout, "");
}

#[test]
fn without_a_group_nothing_is_left_behind() {
    let _bed = shared();
    wait_bed_ready();
    let topic = fresh_topic("nogroup", "1");
    kk_stdin(&["produce", &topic], b"x\n").ok();
    // Other tests' groups come and go meanwhile: compare the names only.
    let names = || -> std::collections::BTreeSet<String> {
        let doc: serde_json::Value = serde_json::from_str(&kk(&["groups", "list", "-o", "json"]).ok().stdout).unwrap();
        doc["groups"].as_array().unwrap().iter().map(|g| g["group"].as_str().unwrap().to_string()).collect()
    };
    let before = names();
    kk(&["consume", &topic]).ok();
    let after = names();
    // Groups of this run's other tests (their names carry the pid) and the throwaway groups
    // Kafka's own console consumer joins (the exec test) are not ours.
    let new: Vec<&String> = after
        .difference(&before)
        .filter(|g| !g.contains(&std::process::id().to_string()) && !g.starts_with("console-consumer-"))
        .collect();
    assert!(new.is_empty(), "groups appeared: {new:?}");
    assert!(!after.contains("kubectl-kafka-no-group"));
}

#[test]
fn group_lag_and_reset_to_earliest() {
    let _bed = shared();
    wait_bed_ready();
    let topic = fresh_topic("lag", "1");
    let group = format!("lag-group-{}", std::process::id());
    let lines: String = (0..10).map(|i| format!("r{i}\n")).collect();
    kk_stdin(&["produce", &topic], lines.as_bytes()).ok();
    // A partial consume: 4 of 10, committed.
    let part = kk(&["consume", &topic, "--group", &group, "--max-messages", "4"]).ok();
    assert_eq!(part.stdout.lines().count(), 4);
    assert!(part.stderr.contains(&format!("committed offsets of group {group}")), "{}", part.stderr);
    let doc: serde_json::Value =
        serde_json::from_str(&kk(&["groups", "describe", &group, "-o", "json"]).ok().stdout).unwrap();
    let row = &doc["offsets"][0];
    assert_eq!((row["committed"].as_i64(), row["end"].as_i64(), row["lag"].as_i64()), (Some(4), Some(10), Some(6)));
    let listed = kk(&["groups", "list"]).ok();
    let line = listed.stdout.lines().find(|l| l.starts_with(&group)).unwrap();
    assert!(line.ends_with(" 6"), "LAG column: {line}");
    // The rest, then reset to earliest: everything again.
    assert_eq!(kk(&["consume", &topic, "--group", &group]).ok().stdout.lines().count(), 6);
    let plan = kk(&["groups", "reset-offsets", &group, "--topic", &topic, "--to-earliest"]).ok();
    assert!(plan.stderr.contains("dry run: nothing changed"));
    let doc: serde_json::Value =
        serde_json::from_str(&kk(&["groups", "describe", &group, "-o", "json"]).ok().stdout).unwrap();
    assert_eq!(doc["offsets"][0]["committed"], 10, "the plan alone changes nothing");
    kk(&["groups", "reset-offsets", &group, "--topic", &topic, "--to-earliest", "--execute"]).ok();
    assert_eq!(kk(&["consume", &topic, "--group", &group]).ok().stdout, lines);
    kk(&["groups", "delete", &group, "--yes"]).ok();
    assert_eq!(kk(&["groups", "describe", &group]).code, 6);
}

#[test]
fn bad_input_is_refused_with_nothing_changed() {
    let _bed = shared();
    wait_bed_ready();
    let topic = fresh_topic("bad", "2");
    let check = |run: Run, code: i32, text: &str| {
        assert_eq!(run.code, code, "{run:?}");
        assert!(run.stderr.contains(text), "{text:?} not in {}", run.stderr);
        assert!(run.stderr.contains("error: "), "{}", run.stderr);
    };
    check(kk(&["topics", "create", "bad name"]), 2, "invalid topic name");
    check(
        kk(&["topics", "create", "x-rf", "--replication-factor", "4"]),
        2,
        "replication factor 4 is larger than the 3 brokers",
    );
    check(kk(&["topics", "add-partitions", &topic, "--to", "2"]), 2, "has 2 partitions; --to 2 would not add any");
    check(kk(&["topics", "create", &topic]), 1, "already exists");
    check(kk(&["topics", "describe", "no-such-topic"]), 6, "topic no-such-topic does not exist");
    check(kk(&["groups", "describe", "no-such-group"]), 6, "consumer group no-such-group does not exist");
    check(kk(&["consume", &topic, "--since", "last tuesday"]), 2, "invalid value 'last tuesday' for '--since <TIME>'");
    check(kk_stdin(&["produce", &topic, "-H", "nonsense"], b"x\n"), 2, "header \"nonsense\" is not KEY=VALUE");
    check(kk_stdin(&["produce", "no-such-topic"], b"x\n"), 6, "does not create topics on first use");
    // Over the 10 MiB limit: refused before sending.
    let huge = vec![b'q'; 10 * 1024 * 1024 + 1];
    check(kk_stdin(&["produce", &topic], &huge), 2, "over topic");
    // Malformed JSON on line 3: lines 1-2 are sent and counted.
    let run = kk_stdin(
        &["produce", &topic, "--format", "json"],
        b"{\"value\":\"a\"}\n{\"value\":\"b\"}\n{oops\n{\"value\":\"d\"}\n",
    );
    check(run.clone_for_check(), 2, "input line 3: malformed JSON");
    assert!(run.stderr.contains("produced 2 messages"), "{}", run.stderr);
    assert!(run.stderr.contains("the 2 lines before it were sent"), "{}", run.stderr);
    // Nothing else arrived: only those two records.
    let mut got: Vec<String> = kk(&["consume", &topic]).ok().stdout.lines().map(String::from).collect();
    got.sort();
    assert_eq!(got, ["a", "b"]);
    // Reset on an active group: refused.
    let group = format!("active-{}", std::process::id());
    let mut follower = Command::new(env!("CARGO_BIN_EXE_kubectl-kafka"))
        .args(ns(&["consume", &topic, "--group", &group, "--follow"]))
        .env_clear()
        .env("HOME", scratch_home())
        .env("KUBECONFIG", kubeconfig())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_until("the group to become active", std::time::Duration::from_secs(60), || {
        kk(&["groups", "describe", &group]).stdout.contains("State: Stable")
    });
    check(
        kk(&["groups", "reset-offsets", &group, "--topic", &topic, "--to-earliest", "--execute"]),
        1,
        "its consumers would overwrite the reset",
    );
    let _ = Command::new("kill").args(["-INT", &follower.id().to_string()]).status();
    let _ = follower.wait();
}

#[test]
fn delete_asks_unless_yes() {
    let _bed = shared();
    wait_bed_ready();
    let topic = fresh_topic("delete", "1");
    let refused = kk(&["topics", "delete", &topic]);
    assert_eq!(refused.code, 2);
    assert!(refused.stderr.contains("pass --yes"), "{}", refused.stderr);
    assert!(kk(&["topics", "list"]).ok().stdout.contains(&topic), "not deleted");
    let dry = kk(&["topics", "delete", &topic, "--dry-run"]).ok();
    assert!(dry.stdout.contains("would be deleted"));
    kk(&["topics", "delete", &topic, "--yes"]).ok();
    wait_until("the topic to go", std::time::Duration::from_secs(20), || {
        !kk(&["topics", "list"]).stdout.contains(&topic)
    });
}

#[test]
fn consume_over_exec_runs_the_console_consumer_in_a_broker_pod() {
    let _bed = shared();
    wait_bed_ready();
    let topic = fresh_topic("exec-consume", "1");
    kk_stdin(&["produce", &topic, "--key-separator", ":"], b"k1:first\nk2:second\nk3:third\n").ok();
    let forwarded = kk(&["consume", &topic, "--format", "kv"]).ok();
    let exec = kk(&["--via", "exec", "consume", &topic, "--format", "kv"]).ok();
    assert_eq!(exec.stdout, forwarded.stdout);
    assert!(exec.stderr.contains("kafka-console-consumer.sh in pod"), "{}", exec.stderr);
    let two =
        kk(&["--via", "exec", "consume", &topic, "--partition", "0", "--offset", "1", "--max-messages", "2"]).ok();
    assert_eq!(two.stdout, "second\nthird\n");
    let refused = kk(&["--via", "exec", "consume", &topic, "--format", "json"]);
    assert_eq!(refused.code, 2);
    assert!(refused.stderr.contains("--format json over --via exec is not supported"), "{}", refused.stderr);
}

#[test]
fn produce_over_exec_streams_stdin_to_the_console_producer() {
    let _bed = shared();
    wait_bed_ready();
    let topic = fresh_topic("exec-produce", "3");
    // Keys split at ':', a tab inside a value, two headers on every record.
    let input = b"k1:first\nk2:second\twith a tab\nk3:third\n";
    let sent = kk_stdin(
        &["--via", "exec", "produce", &topic, "--key-separator", ":", "-H", "trace=t-1", "-H", "env=prod"],
        input,
    )
    .ok();
    assert!(sent.stderr.contains("produced 3 messages"), "{}", sent.stderr);
    assert!(sent.stderr.contains("kafka-console-producer.sh in pod kafka-"), "{}", sent.stderr);
    // Read back through the port-forward route, independent of the exec path.
    let got = kk(&["consume", &topic, "--format", "json"]).ok();
    let mut records: Vec<serde_json::Value> =
        got.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect::<Vec<_>>();
    records.sort_by_key(|r| r["key"].as_str().unwrap().to_string());
    let pairs: Vec<(&str, &str)> =
        records.iter().map(|r| (r["key"].as_str().unwrap(), r["value"].as_str().unwrap())).collect();
    assert_eq!(pairs, [("k1", "first"), ("k2", "second\twith a tab"), ("k3", "third")]);
    for r in &records {
        assert_eq!(
            r["headers"],
            serde_json::json!([{"key": "trace", "value": "t-1"}, {"key": "env", "value": "prod"}]),
            "{r}"
        );
    }

    // A record over max.message.bytes (10 MiB here) is refused by line, the lines before it sent.
    let mut big = b"before\n".to_vec();
    big.extend(std::iter::repeat_n(b'x', 11 * 1024 * 1024));
    big.extend_from_slice(b"\nafter\n");
    let over = kk_stdin(&["--via", "exec", "produce", &topic], &big);
    assert_eq!(over.code, 2, "{}", over.stderr);
    assert!(over.stderr.contains("input line 2: record of 11534336 bytes is over"), "{}", over.stderr);
    assert!(over.stderr.contains("produced 1 message "), "{}", over.stderr);
    let values = kk(&["consume", &topic]).ok().stdout;
    assert!(values.lines().any(|v| v == "before") && !values.contains("after"), "{values}");

    // A dry run checks and sends nothing.
    let dry = kk_stdin(&["--via", "exec", "produce", &topic, "--dry-run"], b"a\nb\n").ok();
    assert!(dry.stderr.contains("would produce (dry run, nothing sent) 2 messages"), "{}", dry.stderr);
    assert_eq!(kk(&["consume", &topic]).ok().stdout.lines().count(), 4, "three from the first run and 'before'");

    // What the console producer cannot do is refused before anything runs.
    let partition = kk_stdin(&["--via", "exec", "produce", &topic, "--partition", "1"], b"x\n");
    assert_eq!(partition.code, 2);
    assert!(partition.stderr.contains("--partition over --via exec is not supported"), "{}", partition.stderr);
    let tabbed_key = kk_stdin(&["--via", "exec", "produce", &topic, "--key", "a\tb"], b"x\n");
    assert_eq!(tabbed_key.code, 2);
    assert!(tabbed_key.stderr.contains("the key contains a tab"), "{}", tabbed_key.stderr);
    let missing = kk_stdin(&["--via", "exec", "produce", "exec-no-such-topic"], b"x\n");
    assert_eq!(missing.code, 6, "{}", missing.stderr);
    assert!(missing.stderr.contains("topic exec-no-such-topic does not exist"), "{}", missing.stderr);
    assert!(!kk(&["topics", "list"]).ok().stdout.contains("exec-no-such-topic"), "nothing created");
}

#[test]
fn groups_over_exec_match_the_client_route() {
    let _bed = shared();
    wait_bed_ready();
    let topic = fresh_topic("exec-groups", "2");
    let group = format!("exec-group-{}", std::process::id());
    let lines: String = (0..10).map(|i| format!("r{i}\n")).collect();
    kk_stdin(&["produce", &topic], lines.as_bytes()).ok();
    kk(&["consume", &topic, "--group", &group, "--max-messages", "4"]).ok();
    let json = |run: Run| -> serde_json::Value { serde_json::from_str(&run.ok().stdout).unwrap() };

    // describe: the same document from kafka-consumer-groups.sh in a pod as from the protocol.
    let forwarded = json(kk(&["groups", "describe", &group, "-o", "json"]));
    let exec = json(kk(&["--via", "exec", "groups", "describe", &group, "-o", "json"]));
    assert_eq!(exec, forwarded);
    assert_eq!(exec["state"], "Empty");
    // list: this group's row alike (other tests' groups come and go meanwhile).
    let row_of = |doc: serde_json::Value| {
        doc["groups"].as_array().unwrap().iter().find(|g| g["group"] == group.as_str()).cloned().unwrap()
    };
    let listed = row_of(json(kk(&["--via", "exec", "groups", "list", "-o", "json"])));
    assert_eq!(listed, row_of(json(kk(&["groups", "list", "-o", "json"]))));
    // Only partitions with a committed offset have a lag; how the 4 records spread over the
    // 2 partitions decides whether it is 0 or more.
    assert!(listed["lag"].as_i64().is_some_and(|l| l >= 0), "{listed}");
    assert_eq!(listed["topics"], serde_json::json!([topic]));

    // reset: the same plan; --execute applies it; then delete (asks, --dry-run, --yes).
    let plan = |via: &[&str]| {
        let mut args = via.to_vec();
        args.extend(["groups", "reset-offsets", &group, "--topic", &topic, "--to-offset", "1", "-o", "json"]);
        json(kk(&args))["plan"].clone()
    };
    assert_eq!(plan(&["--via", "exec"]), plan(&[]));
    // Kafka's tool shifts only from committed offsets, and says so in its own words.
    let shift = kk(&["--via", "exec", "groups", "reset-offsets", &group, "--topic", &topic, "--shift-by", "-1"]);
    if shift.code != 0 {
        assert!(shift.stderr.contains("no current committed offset"), "{}", shift.stderr);
    }
    kk(&["--via", "exec", "groups", "reset-offsets", &group, "--topic", &topic, "--to-earliest", "--execute"]).ok();
    assert_eq!(kk(&["consume", &topic, "--group", &group]).ok().stdout.lines().count(), 10, "everything again");
    let missing_topic =
        kk(&["--via", "exec", "groups", "reset-offsets", &group, "--topic", "exec-no-topic", "--to-latest"]);
    assert_eq!(missing_topic.code, 6, "{}", missing_topic.stderr);
    assert!(kk(&["--via", "exec", "groups", "delete", &group]).code == 2, "not confirmed without --yes");
    kk(&["--via", "exec", "groups", "delete", &group, "--dry-run"]).ok();
    assert_eq!(kk(&["groups", "describe", &group]).code, 0, "dry run and refusal changed nothing");
    kk(&["--via", "exec", "groups", "delete", &group, "--yes"]).ok();
    assert_eq!(kk(&["groups", "describe", &group]).code, 6);
    let gone = kk(&["--via", "exec", "groups", "describe", &group]);
    assert_eq!(gone.code, 6, "{}", gone.stderr);
    assert!(gone.stderr.contains(&format!("consumer group {group} does not exist")), "{}", gone.stderr);
}

#[test]
fn every_read_command_answers_the_same_over_both_routes() {
    // The route parity the one-route design promises: the same JSON document from a Kafka
    // client through port-forward and from Kafka's own tools in a broker pod. Exclusive: a
    // topic list is only comparable while no other test creates topics.
    let _bed = exclusive();
    wait_bed_ready();
    wait_until("a healthy cluster", std::time::Duration::from_secs(150), || kk(&["health"]).code == 0);
    let topic = format!("parity-{}", std::process::id());
    kk(&["topics", "create", &topic, "--partitions", "2", "-r", "3", "--config", "min.insync.replicas=2"]).ok();
    let group = format!("parity-group-{}", std::process::id());
    let lines: String = (0..6).map(|i| format!("p{i}\n")).collect();
    kk_stdin(&["produce", &topic], lines.as_bytes()).ok();
    kk(&["consume", &topic, "--group", &group, "--max-messages", "6"]).ok();
    let json = |via: &str, args: &[&str]| -> serde_json::Value {
        let mut argv = vec!["--via", via];
        argv.extend_from_slice(args);
        argv.extend(["-o", "json"]);
        serde_json::from_str(&kk(&argv).ok().stdout).unwrap()
    };
    let reads: [&[&str]; 5] = [
        &["topics", "list"],
        &["topics", "list", "--all"],
        &["topics", "describe", &topic],
        &["topics", "describe", &topic, "--all-configs"],
        &["groups", "describe", &group],
    ];
    for args in reads {
        let (client, tools) = (json("port-forward", args), json("exec", args));
        assert_eq!(client, tools, "{args:?}");
    }
    // What the exec route used to get wrong: describe is JSON, and list has the counts.
    let described = json("exec", &["topics", "describe", &topic]);
    assert_eq!(described["partitions"].as_array().unwrap().len(), 2);
    assert_eq!(described["configs"][0]["name"], "min.insync.replicas");
    let listed = json("exec", &["topics", "list"]);
    let row = listed["topics"].as_array().unwrap().iter().find(|t| t["name"] == topic.as_str()).cloned().unwrap();
    assert_eq!((row["partitions"].as_u64(), row["replicationFactor"].as_u64()), (Some(2), Some(3)));
    // groups list: this group's row (the console consumer's own groups come and go).
    let row_of = |doc: serde_json::Value| {
        doc["groups"].as_array().unwrap().iter().find(|g| g["group"] == group.as_str()).cloned().unwrap()
    };
    assert_eq!(row_of(json("exec", &["groups", "list"])), row_of(json("port-forward", &["groups", "list"])));
    // quorum: the same leader, epoch and voters (fetch times move between the two reads).
    let shape = |q: serde_json::Value| {
        let ids: Vec<i64> = q["voters"].as_array().unwrap().iter().map(|v| v["nodeId"].as_i64().unwrap()).collect();
        (q["leaderId"].clone(), q["leaderEpoch"].clone(), ids)
    };
    assert_eq!(shape(json("exec", &["quorum"])), shape(json("port-forward", &["quorum"])));
    // disk: the same brokers, claims and bytes of this topic per broker (the tools route has
    // no volume sizes: kafka-log-dirs.sh does not print them).
    let bytes = |doc: serde_json::Value| -> Vec<(i64, String, i64)> {
        doc["brokers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| {
                let on_disk: i64 =
                    b["logDirs"].as_array().unwrap().iter().filter_map(|d| d["byTopic"][&topic].as_i64()).sum();
                (b["nodeId"].as_i64().unwrap(), b["pvc"].as_str().unwrap_or_default().to_string(), on_disk)
            })
            .collect()
    };
    let (disk_client, disk_tools) = (bytes(json("port-forward", &["disk"])), bytes(json("exec", &["disk"])));
    assert_eq!(disk_client, disk_tools);
    // The volume's size: read by a client (DescribeLogDirs v4), unknown (null, not -1) over exec.
    let volume = |doc: serde_json::Value| doc["brokers"][0]["logDirs"][0]["volumeTotal"].clone();
    assert!(volume(json("port-forward", &["disk"])).as_i64().is_some_and(|b| b > 0));
    assert!(volume(json("exec", &["disk"])).is_null());
    assert!(disk_client.iter().all(|(_, _, b)| *b > 0), "every broker holds some of {topic}: {disk_client:?}");
    // status: Kafka's side on both routes, the same active controller; partitions led are
    // counted on both (other tests' topics come and go between the reads, so not compared);
    // the release each broker runs only where a client asks each broker (null over exec).
    let side = |doc: serde_json::Value| -> Vec<(serde_json::Value, bool, serde_json::Value)> {
        doc["brokers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| (b["activeController"].clone(), b["partitionsLed"].is_u64(), b["kafkaVersion"].clone()))
            .collect()
    };
    let (status_client, status_tools) = (side(json("port-forward", &["status"])), side(json("exec", &["status"])));
    let controllers =
        |s: &[(serde_json::Value, bool, serde_json::Value)]| s.iter().map(|r| r.0.clone()).collect::<Vec<_>>();
    assert_eq!(controllers(&status_client), controllers(&status_tools));
    assert!(status_client.iter().chain(&status_tools).all(|r| r.1), "{status_client:?} {status_tools:?}");
    assert!(status_client.iter().all(|r| r.2 == "3.7") && status_tools.iter().all(|r| r.2.is_null()));
    // doctor: the same findings from the same cluster (exit 8 when one is an error).
    let doctor = |via: &str| -> serde_json::Value {
        let run = kk(&["--via", via, "doctor", "-o", "json"]);
        assert!(run.code == 0 || run.code == 8, "{run:?}");
        serde_json::from_str(&run.stdout).unwrap()
    };
    assert_eq!(doctor("port-forward"), doctor("exec"));
    // version: the plugin and the server alike; each broker's release only over a client.
    let (version_client, version_tools) = (json("port-forward", &["version"]), json("exec", &["version"]));
    assert_eq!(version_client["server"], version_tools["server"]);
    assert!(version_client["kafka"]["brokers"].is_array() && version_tools["kafka"].is_null());
    // health is a claim about Kafka that the tools cannot back: refused (exit 2), not
    // "unreachable".
    let health = kk(&["--via", "exec", "health"]);
    assert_eq!(health.code, 2, "{health:?}");
    assert!(health.stderr.contains("health needs a Kafka client route"), "{}", health.stderr);
    kk(&["groups", "delete", &group, "--yes"]).ok();
    kk(&["topics", "delete", &topic, "--yes"]).ok();
}
