//! Kafka-aware rollouts against the bed (issue 7).

use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use crate::bed::*;

fn kk(args: &[&str]) -> Run {
    let mut v = vec!["-n", "kafka"];
    v.extend_from_slice(args);
    plugin(&v)
}

fn deployment_json(name: &str) -> serde_json::Value {
    serde_json::from_str(&kubectl(&["-n", "kafka", "get", "deployment", name, "-o", "json"]).ok().stdout).unwrap()
}

/// A healthy bed and a fresh topic of 3 partitions, RF 3, min.insync.replicas 2 (the caller
/// holds the exclusive lock).
fn healthy_bed_with_topic(prefix: &str) -> String {
    wait_bed_ready();
    wait_until("a healthy cluster", Duration::from_secs(150), || kk(&["health"]).code == 0);
    let topic = format!("{prefix}-{}", std::process::id());
    kk(&["topics", "create", &topic, "--partitions", "3", "-r", "3", "--config", "min.insync.replicas=2"]).ok();
    topic
}

#[test]
fn rolling_restart_under_load_loses_and_duplicates_nothing() {
    let _bed = exclusive();
    let topic = healthy_bed_with_topic("restart-load");
    let pods_before: Vec<String> = (1..=3).map(pod_of).collect();
    let pids_before: Vec<Option<u32>> = (1..=3).map(broker_pid).collect();
    let leader: i64 =
        serde_json::from_str::<serde_json::Value>(&kk(&["quorum", "-o", "json"]).ok().stdout).unwrap()["leaderId"]
            .as_i64()
            .unwrap();

    let load = crate::load::Load::start(&topic, &format!("restart-load-group-{}", std::process::id()));
    // Back-to-back full restarts: one in CI, five in `make soak`.
    let rounds: usize = std::env::var("KUBECTL_KAFKA_SOAK_RESTARTS").ok().and_then(|v| v.parse().ok()).unwrap_or(1);
    let mut restart = kk(&["restart", "--timeout", "5m"]);
    for round in 1..rounds {
        assert_eq!(restart.code, 0, "round {round}: {restart:?}");
        restart = kk(&["restart", "--timeout", "5m"]);
    }
    let outcome = load.finish();
    let expected = outcome.sent as usize;
    assert_eq!(restart.code, 0, "{restart:?}");

    assert_eq!(outcome.group_read.len(), expected, "the live consumer group read every message");

    // All three restarted: new pods and new processes; the quorum leader last.
    for n in 1..=3u32 {
        assert_ne!(pod_of(n), pods_before[n as usize - 1], "broker {n} has a new pod");
        assert_ne!(broker_pid(n), pids_before[n as usize - 1], "broker {n} runs as a new process");
    }
    let order: Vec<&str> = restart.stderr.lines().filter(|l| l.contains("restarted, rejoined and in sync")).collect();
    assert_eq!(order.len(), 3, "{}", restart.stderr);
    if rounds == 1 {
        assert!(order[2].starts_with(&format!("kafka-{leader}:")), "leader kafka-{leader} last: {order:?}");
    }

    // Nothing lost, nothing duplicated, no failure surfaced to the producer.
    assert!(outcome.sent > 100, "the producer kept sending ({})", outcome.sent);
    assert_eq!(outcome.failed, 0, "send failures");
    crate::load::assert_exactly_once(&topic, outcome.sent, kk);
    let _ = kk(&["topics", "delete", &topic, "--yes"]);
}

#[test]
fn restart_refuses_while_a_broker_is_down_and_force_proceeds() {
    let _bed = exclusive();
    let topic = healthy_bed_with_topic("refuse");
    let _restore = ScaleBack("kafka-3");
    // On a healthy cluster the plugin's scale to 0 passes its checks and stops broker 3.
    let stopped = kk(&["scale", "kafka-3", "--replicas", "0"]).ok();
    assert!(
        stopped.stdout.contains("scaled to 0: broker 3 stopped, fenced and out of every ISR"),
        "{}",
        stopped.stdout
    );
    // scale returned only once Kafka shrank the ISRs: no wait of our own.
    let described = kk(&["topics", "describe", &topic]).ok();
    assert!(described.stdout.contains("under-replicated"), "{}", described.stdout);
    // A restart of every broker skips the stopped one and refuses at once for the next: waiting
    // cannot bring broker 3 back.
    let all = kk(&["restart", "--timeout", "2m"]);
    assert_eq!(all.code, 9, "{all:?}");
    assert!(all.stderr.contains("kafka-3: skipped, deployment kafka-3 is scaled to 0"), "{}", all.stderr);
    assert!(all.stderr.contains("waiting cannot help"), "{}", all.stderr);
    let pod1 = pod_of(1);
    let refused = kk(&["restart", "kafka-1"]);
    assert_eq!(refused.code, 9, "{refused:?}");
    assert!(refused.stderr.contains("refusing to restart kafka-1"), "{}", refused.stderr);
    assert!(
        refused.stderr.contains(&format!("{topic}/"))
            && refused.stderr.contains("would fall below min.insync.replicas 2"),
        "{}",
        refused.stderr
    );
    assert_eq!(pod_of(1), pod1, "nothing changed");
    let dry = kk(&["restart", "kafka-1", "--dry-run"]).ok();
    assert!(dry.stdout.contains("would refuse"), "{}", dry.stdout);
    // kafka kafka scale refuses to stop a second broker too.
    let scale = kk(&["scale", "kafka-2", "--replicas", "0"]);
    assert_eq!(scale.code, 9, "{scale:?}");
    assert!(
        scale.stderr.contains("refusing to stop kafka-2") && scale.stderr.contains(&format!("{topic}/")),
        "the refusal names the partitions: {}",
        scale.stderr
    );
    let forced = kk(&["restart", "kafka-1", "--force", "--timeout", "3m"]);
    assert_eq!(forced.code, 0, "{forced:?}");
    assert!(forced.stderr.contains("--force"), "{}", forced.stderr);
    assert_ne!(pod_of(1), pod1);
    // Start broker 3 again with the plugin: it waits until broker 3 is back in sync.
    let started = kk(&["scale", "kafka-3", "--replicas", "1", "--timeout", "3m"]).ok();
    assert!(started.stdout.contains("started and in sync"), "{}", started.stdout);
    let _ = kk(&["topics", "delete", &topic, "--yes"]);
    wait_bed_ready();
}

#[test]
fn rollback_matches_kubectl_rollout_undo() {
    let _bed = exclusive();
    wait_bed_ready();
    wait_until("a healthy cluster", Duration::from_secs(150), || kk(&["health"]).code == 0);
    let strip = |mut d: serde_json::Value| {
        let mut annotations = d["metadata"]["annotations"].take();
        if let Some(a) = annotations.as_object_mut() {
            a.remove("deployment.kubernetes.io/revision");
            a.remove("deployment.kubernetes.io/revision-history");
        }
        (d["spec"]["template"].take(), annotations)
    };
    // Starting state S: an env change on kafka-2 (a new revision; a value of this run's own,
    // so that a template left by an earlier run cannot already hold it).
    let env = format!("KAFKA_LOG_RETENTION_CHECK_INTERVAL_MS={}", 300_000 + std::process::id());
    kubectl(&["-n", "kafka", "set", "env", "deployment/kafka-2", &env]).ok();
    kubectl(&["-n", "kafka", "rollout", "status", "deployment/kafka-2", "--timeout", "180s"]).ok();
    let dry = kk(&["rollback", "kafka-2", "--dry-run"]).ok();
    assert!(dry.stdout.contains("\"op\": \"replace\"") && dry.stdout.contains("/spec/template"), "{}", dry.stdout);
    let ours = kk(&["rollback", "kafka-2", "--timeout", "3m"]).ok();
    assert!(ours.stdout.contains("rolled back to revision"), "{}", ours.stdout);
    let after_ours = strip(deployment_json("kafka-2"));
    // Same starting state again, then kubectl's own undo.
    kubectl(&["-n", "kafka", "set", "env", "deployment/kafka-2", &env]).ok();
    kubectl(&["-n", "kafka", "rollout", "status", "deployment/kafka-2", "--timeout", "180s"]).ok();
    kubectl(&["-n", "kafka", "rollout", "undo", "deployment/kafka-2"]).ok();
    kubectl(&["-n", "kafka", "rollout", "status", "deployment/kafka-2", "--timeout", "180s"]).ok();
    let after_kubectl = strip(deployment_json("kafka-2"));
    assert_eq!(after_ours.0, after_kubectl.0, "pod template");
    assert_eq!(after_ours.1, after_kubectl.1, "annotations");
    assert!(!after_ours.0.to_string().contains(&format!("{}", 300_000 + std::process::id())));
    // And broker 2 is back in sync.
    kk(&["rollout-status", "kafka-2", "--timeout", "3m"]).ok();
    // Already there: skipped, as kubectl says.
    let again = kk(&["rollback", "kafka-2", "--to-revision", &current_revision("kafka-2")]).ok();
    assert!(again.stdout.contains("skipped rollback (current template already matches revision"), "{}", again.stdout);
    let missing = kk(&["rollback", "kafka-2", "--to-revision", "999"]);
    assert_eq!(missing.code, 6);
    assert!(missing.stderr.contains("unable to find specified revision 999 in history"), "{}", missing.stderr);
}

fn current_revision(name: &str) -> String {
    deployment_json(name)["metadata"]["annotations"]["deployment.kubernetes.io/revision"].as_str().unwrap().to_string()
}

#[test]
fn history_lists_revisions_with_changes() {
    let _bed = shared();
    wait_bed_ready();
    let out = kk(&["history", "kafka-1", "-o", "json"]).ok();
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let revs = doc["brokers"][0]["revisions"].as_array().unwrap();
    assert!(!revs.is_empty());
    assert_eq!(revs.iter().filter(|r| r["current"] == true).count(), 1);
    let kubectl_revs = kubectl(&["-n", "kafka", "rollout", "history", "deployment/kafka-1"]).ok();
    for r in revs {
        let n = r["revision"].as_i64().unwrap().to_string();
        assert!(
            kubectl_revs.stdout.lines().any(|l| l.split_whitespace().next() == Some(n.as_str())),
            "revision {n} in kubectl's history"
        );
    }
}

#[test]
fn scale_dry_run_prints_the_patch_and_changes_nothing() {
    let _bed = shared();
    wait_bed_ready();
    let out = kk(&["scale", "kafka-3", "--replicas", "0", "--dry-run"]).ok();
    assert!(out.stdout.contains("{\"spec\":{\"replicas\":0}}"), "{}", out.stdout);
    assert_eq!(deployment_json("kafka-3")["spec"]["replicas"], 1);
    let bad = kk(&["scale", "kafka-3", "--replicas", "2"]);
    assert_eq!(bad.code, 2, "{bad:?}");
}

/// Pods of broker `n` whose Kafka container is running now.
fn running_containers(n: u32) -> usize {
    kubectl(&[
        "-n",
        "kafka",
        "get",
        "pods",
        "-l",
        &format!("instance=kafka-{n}"),
        "-o",
        "jsonpath={range .items[*]}{.status.containerStatuses[0].state.running.startedAt}{\"\\n\"}{end}",
    ])
    .stdout
    .lines()
    .filter(|l| !l.trim().is_empty())
    .count()
}

#[test]
fn restart_on_the_guides_layout_never_runs_two_brokers_of_one_id() {
    // The guide's RollingUpdate would start the new pod before the old one stops, on the same
    // ReadWriteOnce volume (see the bed's overlap test). The plugin rolls such a broker
    // stop-first and leaves the strategy as it was.
    let _bed = exclusive();
    wait_bed_ready();
    let before = deployment_json("kafka-2");
    assert_eq!(before["spec"]["strategy"]["type"], "RollingUpdate");
    let done = Arc::new(AtomicBool::new(false));
    let most = Arc::new(AtomicU64::new(0));
    let watcher = {
        let (done, most) = (done.clone(), most.clone());
        std::thread::spawn(move || {
            while !done.load(Ordering::SeqCst) {
                most.fetch_max(running_containers(2) as u64, Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(100));
            }
        })
    };
    let pod_before = pod_of(2);
    let run = kk(&["restart", "kafka-2", "--timeout", "4m"]);
    done.store(true, Ordering::SeqCst);
    watcher.join().unwrap();
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("kafka-2: restarted, rejoined and in sync as every broker sees it"), "{}", run.stderr);
    assert_ne!(pod_of(2), pod_before);
    assert_eq!(most.load(Ordering::SeqCst), 1, "two kafka-2 containers ran at once");
    let after = deployment_json("kafka-2");
    assert_eq!(after["spec"]["strategy"], before["spec"]["strategy"], "the strategy is left as the user wrote it");
    assert_eq!(after["spec"]["replicas"], 1);
    assert!(after["metadata"]["annotations"].get("kubectl-kafka.io/stopped-for-roll").is_none(), "{after}");
    assert!(after["spec"]["template"]["metadata"]["annotations"]["kubectl.kubernetes.io/restartedAt"].is_string());
    // The new pod's broker did not crash on the log dir lock: it started once.
    let restarts = restart_count(&pod_of(2));
    assert_eq!(restarts, 0);
    wait_bed_ready();
}

#[test]
fn a_paused_deployment_is_refused_like_kubectl_does() {
    let _bed = exclusive();
    wait_bed_ready();
    struct Resume;
    impl Drop for Resume {
        fn drop(&mut self) {
            let _ = kubectl(&["-n", "kafka", "rollout", "resume", "deployment/kafka-1"]);
        }
    }
    kubectl(&["-n", "kafka", "rollout", "pause", "deployment/kafka-1"]).ok();
    let _resume = Resume;
    let template = deployment_json("kafka-1")["spec"]["template"].clone();
    let run = kk(&["restart", "kafka-1"]);
    assert_eq!(run.code, 9, "{run:?}");
    assert!(
        run.stderr.contains("can't restart paused deployment kafka-1 (run rollout resume first)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("kubectl -n kafka rollout resume deployment/kafka-1"), "{}", run.stderr);
    let back = kk(&["rollback", "kafka-1"]);
    assert_eq!(back.code, 9, "{back:?}");
    assert_eq!(deployment_json("kafka-1")["spec"]["template"], template, "nothing changed");
}

#[test]
fn an_unclean_kill_during_the_restart_is_not_reported_in_sync() {
    // Broker 2's new process is SIGKILLed as soon as it runs: the kubelet restarts the
    // container after its back-off, and the old registration lingers until Kafka fences it.
    // The plugin may report broker 2 in sync only when every broker, asked on its own, has it
    // back in the ISR of every partition it hosts.
    let _bed = exclusive();
    let topic = healthy_bed_with_topic("unclean");
    let pid_before = broker_pid(2).expect("broker 2's JVM");
    let run = {
        let args: Vec<String> = ["-n", "kafka", "restart", "kafka-2", "--timeout", "4m"].map(String::from).to_vec();
        std::thread::spawn(move || plugin(&args.iter().map(String::as_str).collect::<Vec<_>>()))
    };
    let mut killed = None;
    wait_until("broker 2's new JVM to run", Duration::from_secs(120), || match broker_pid(2) {
        Some(pid) if pid != pid_before => {
            killed = Some(pid);
            true
        }
        _ => false,
    });
    let killed = killed.unwrap();
    assert!(std::process::Command::new("kill").args(["-KILL", &killed.to_string()]).status().unwrap().success());
    let run = run.join().unwrap();
    let finished = jiff::Timestamp::now();
    // It waited for the process the kubelet started after the kill (10 s back-off), not the
    // lingering registration of the killed one.
    let started = kubectl(&[
        "-n",
        "kafka",
        "get",
        "pod",
        &pod_of(2),
        "-o",
        "jsonpath={.status.containerStatuses[0].state.running.startedAt}",
    ])
    .ok();
    let started: jiff::Timestamp = started.stdout.trim().parse().expect("the restarted container's start");
    assert!(
        started <= finished,
        "in sync claimed at {finished} before the restarted broker started at {started}: {run:?}"
    );
    // And every broker agrees.
    for n in 1..=3 {
        let isrs = isrs_at(&format!("{}:9092", pod_ip(n).expect("a running pod")), &topic);
        assert_eq!(isrs.len(), 3, "broker {n}: {isrs:?}");
        assert!(isrs.iter().all(|isr| isr.split(',').any(|id| id == "2")), "broker {n} sees {isrs:?}; run: {run:?}");
    }
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("kafka-2: restarted, rejoined and in sync"), "{}", run.stderr);
    let restarts = restart_count(&pod_of(2));
    assert!(restarts >= 1, "the kill happened inside the restart: {restarts}");
    assert_ne!(broker_pid(2), Some(killed));
    let _ = kk(&["topics", "delete", &topic, "--yes"]);
    wait_bed_ready();
}

#[test]
fn ctrl_c_mid_roll_finishes_the_broker_in_progress_and_leaves_nothing_half_done() {
    let _bed = exclusive();
    wait_bed_ready();
    wait_until("a healthy cluster", Duration::from_secs(150), || kk(&["health"]).code == 0);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kubectl-kafka"))
        .args(["-n", "kafka", "restart", "--timeout", "4m"])
        .env_clear()
        .env("HOME", scratch_home())
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("KUBECONFIG", kubeconfig())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Interrupt while the first broker is stopped for its roll (its Deployment at 0).
    wait_until("the first broker to be stopped for its roll", Duration::from_secs(120), || {
        (1..=3).any(|n| deployment_json(&format!("kafka-{n}"))["spec"]["replicas"] == 0)
    });
    assert!(std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap().success());
    let deadline = std::time::Instant::now() + Duration::from_secs(240);
    while child.try_wait().unwrap().is_none() {
        assert!(std::time::Instant::now() < deadline, "restart did not end after Ctrl-C");
        std::thread::sleep(Duration::from_millis(200));
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted: finishing the broker in progress"), "{stderr}");
    assert!(stderr.contains("restarted, rejoined and in sync"), "the broker in progress was finished: {stderr}");
    assert!(stderr.contains("interrupted after 1 of 3 brokers; nothing is half-done"), "{stderr}");
    for n in 1..=3 {
        let d = deployment_json(&format!("kafka-{n}"));
        assert_eq!(d["spec"]["replicas"], 1, "kafka-{n} left at {}", d["spec"]["replicas"]);
        assert!(d["metadata"]["annotations"].get("kubectl-kafka.io/stopped-for-roll").is_none(), "kafka-{n}");
    }
    wait_bed_ready();
}

#[test]
fn a_stuck_broker_is_rolled_back_without_the_check_that_would_refuse_it() {
    // A bad image under Recreate: broker 3's old pod is gone and its new one waits in
    // ImagePullBackOff. A topic with RF 3 and min.insync.replicas 3 is then below its minimum
    // with broker 3 among the replicas, so the availability check refuses to touch broker 3,
    // although rolling it back is the only fix. A stuck pod serves nothing: it is rolled
    // without the check (Strimzi's rule).
    let _bed = exclusive();
    wait_bed_ready();
    wait_until("a healthy cluster", Duration::from_secs(150), || kk(&["health"]).code == 0);
    let topic = format!("stuck-{}", std::process::id());
    kk(&["topics", "create", &topic, "--partitions", "2", "-r", "3", "--config", "min.insync.replicas=3"]).ok();
    let strategy = deployment_json("kafka-3")["spec"]["strategy"].clone();
    struct Restore(serde_json::Value, String);
    impl Drop for Restore {
        fn drop(&mut self) {
            let patch = serde_json::json!({"spec": {"strategy": self.0}}).to_string();
            let _ = kubectl(&["-n", "kafka", "patch", "deployment/kafka-3", "--type", "merge", "-p", &patch]);
            let _ = kubectl(&["-n", "kafka", "set", "image", "deployment/kafka-3", "kafka=apache/kafka:3.7.1"]);
            let _ = kk(&["topics", "delete", &self.1, "--yes"]);
        }
    }
    let _restore = Restore(strategy, topic.clone());
    let recreate = r#"{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}"#;
    kubectl(&["-n", "kafka", "patch", "deployment/kafka-3", "--type", "merge", "-p", recreate]).ok();
    kubectl(&["-n", "kafka", "set", "image", "deployment/kafka-3", "kafka=apache/kafka:0.0.0-missing"]).ok();
    wait_until("kafka-3's new pod stuck pulling its image", Duration::from_secs(120), || {
        let out = kubectl(&["-n", "kafka", "get", "pods", "-l", "instance=kafka-3", "-o", "json"]).ok().stdout;
        let pods: serde_json::Value = serde_json::from_str(&out).unwrap();
        pods["items"].as_array().unwrap().iter().any(|p| {
            p["status"]["containerStatuses"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|c| matches!(c["state"]["waiting"]["reason"].as_str(), Some("ImagePullBackOff" | "ErrImagePull")))
        }) && pods["items"].as_array().unwrap().len() == 1
    });
    // The ordinary check would refuse broker 3 now: its topic is below min.insync.replicas.
    let health = kk(&["health"]);
    assert_eq!(health.code, 8, "{health:?}");
    assert!(health.stdout.contains(&format!("{topic}/")), "{}", health.stdout);
    let back = kk(&["rollback", "kafka-3", "--timeout", "3m"]);
    assert_eq!(back.code, 0, "{back:?}");
    assert!(
        back.stderr.contains("kafka-3: its pod is") && back.stderr.contains("without the availability check"),
        "{}",
        back.stderr
    );
    assert_eq!(deployment_json("kafka-3")["spec"]["template"]["spec"]["containers"][0]["image"], "apache/kafka:3.7.1");
    // Rolled back means back in sync, as every broker sees it.
    for b in 1..=3 {
        let isrs = isrs_at(&format!("{}:9092", pod_ip(b).expect("a running pod")), &topic);
        let full = |isr: &String| isr.split(',').collect::<BTreeSet<_>>() == BTreeSet::from(["1", "2", "3"]);
        assert!(isrs.len() == 2 && isrs.iter().all(full), "broker {b} sees {isrs:?}");
    }
}
