//! The test bed itself (issue 2): the facts every other test relies on.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::bed::*;

#[test]
fn three_ready_pods_on_worker1() {
    let _bed = shared();
    let out = kubectl(&["-n", "kafka", "get", "pods", "-l", "app=kafka", "-o", "jsonpath={range .items[*]}{.metadata.labels.instance} {.status.phase} {.spec.nodeName} {.status.conditions[?(@.type==\"Ready\")].status}{\"\\n\"}{end}"]).ok();
    let mut lines: Vec<&str> = out.stdout.lines().collect();
    lines.sort();
    assert_eq!(lines, ["kafka-1 Running worker1 True", "kafka-2 Running worker1 True", "kafka-3 Running worker1 True"]);
}

#[test]
fn rollout_history_works() {
    let _bed = shared();
    let out = kubectl(&["-n", "kafka", "rollout", "history", "deployment/kafka-1"]).ok();
    assert!(out.stdout.contains("REVISION"), "{}", out.stdout);
}

#[test]
fn broker_names_do_not_resolve_on_the_host() {
    let out = Command::new("getent").args(["hosts", "kafka-1"]).output().unwrap();
    assert!(!out.status.success(), "kafka-1 resolves on the host: {}", String::from_utf8_lossy(&out.stdout));
}

/// A `kubectl port-forward` to broker 1's pod, on an ephemeral local port, killed on drop.
struct PortForward {
    child: std::process::Child,
    port: u16,
    // kubectl prints a line per connection: its stdout must stay open, or it dies of SIGPIPE.
    _stdout: BufReader<std::process::ChildStdout>,
}

impl PortForward {
    fn to_pod_of(n: u32) -> PortForward {
        let mut child = Command::new(kubectl_bin())
            .arg("--kubeconfig")
            .arg(kubeconfig())
            .args(["-n", "kafka", "port-forward", &pod_of(n), ":9092"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut first = String::new();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        stdout.read_line(&mut first).unwrap();
        // "Forwarding from 127.0.0.1:40123 -> 9092"
        let port = first.split("127.0.0.1:").nth(1).and_then(|s| s.split(' ').next()).and_then(|p| p.parse().ok());
        PortForward {
            port: port.unwrap_or_else(|| panic!("unexpected port-forward output {first:?}")),
            child,
            _stdout: stdout,
        }
    }
}

impl Drop for PortForward {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `kcat -L` through a fresh `kubectl port-forward` to broker `n`'s pod. Through a plain
/// port-forward only the bootstrap connection works (the advertised names do not resolve
/// here), and kubectl's forwarder sometimes stalls a connection (seen under CI load: kcat
/// timed out three times on one forwarder): each of up to four tries gets its own forwarder.
fn kcat_metadata_via_port_forward(n: u32) -> String {
    let mut failures = Vec::new();
    for _ in 0..4 {
        let pf = PortForward::to_pod_of(n);
        let out = Command::new("kcat")
            .args(["-b", &format!("127.0.0.1:{}", pf.port), "-L", "-m", "10"])
            .output()
            .expect("kcat (apt-get install kcat)");
        if out.status.success() {
            return String::from_utf8_lossy(&out.stdout).into_owned();
        }
        failures.push(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    panic!("kcat -L through kubectl port-forward failed four times: {failures:#?}");
}

#[test]
fn port_forward_reaches_the_broker_which_advertises_service_names() {
    let _bed = shared();
    let meta = kcat_metadata_via_port_forward(1);
    for n in 1..=3 {
        assert!(meta.contains(&format!("broker {n} at kafka-{n}:9092")), "{meta}");
    }
}

#[test]
fn exec_runs_kafka_tools_against_the_pods_own_broker() {
    let _bed = shared();
    let pod = pod_of(2);
    kubectl(&[
        "-n",
        "kafka",
        "exec",
        &pod,
        "--",
        "/opt/kafka/bin/kafka-topics.sh",
        "--bootstrap-server",
        "localhost:9092",
        "--list",
    ])
    .ok();
    // localhost:9092 inside the pod is that pod's broker: node 2 answers as itself.
    let out = kubectl(&[
        "-n",
        "kafka",
        "exec",
        &pod,
        "--",
        "/opt/kafka/bin/kafka-broker-api-versions.sh",
        "--bootstrap-server",
        "localhost:9092",
    ])
    .ok();
    assert!(out.stdout.contains("kafka-2:9092 (id: 2"), "{}", out.stdout);
}

#[test]
fn logs_show_the_brokers_log() {
    let _bed = shared();
    let out = kubectl(&["-n", "kafka", "logs", &pod_of(3)]).ok();
    assert!(out.stdout.contains("Kafka version: 3.7.1"), "{}", &out.stdout[..out.stdout.len().min(2000)]);
}

fn isr_of_every_partition(topic: &str) -> Vec<String> {
    let pf = PortForward::to_pod_of(1);
    let out = Command::new("kcat")
        .args(["-b", &format!("127.0.0.1:{}", pf.port), "-L", "-t", topic, "-m", "10"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).lines().filter_map(|l| l.split("isrs: ").nth(1).map(str::to_string)).collect()
}

#[test]
fn rollout_restart_runs_a_new_broker_on_the_same_data_back_in_isr() {
    let _bed = exclusive();
    wait_bed_ready();
    let topic = "bed-restart-check";
    kubectl(&[
        "-n",
        "kafka",
        "exec",
        &pod_of(1),
        "--",
        "/opt/kafka/bin/kafka-topics.sh",
        "--bootstrap-server",
        "localhost:9092",
        "--create",
        "--if-not-exists",
        "--topic",
        topic,
        "--partitions",
        "3",
        "--replication-factor",
        "3",
    ])
    .ok();
    let meta_file = state_dir().join("pv/kafka-2/meta.properties");
    let meta_before = std::fs::read_to_string(&meta_file).expect("broker 2's meta.properties on its PV");
    let pid_before = broker_pid(2).expect("broker 2 pid");
    let pod_before = pod_of(2);

    kubectl(&["-n", "kafka", "rollout", "restart", "deployment/kafka-2"]).ok();
    kubectl(&["-n", "kafka", "rollout", "status", "deployment/kafka-2", "--timeout", "180s"]).ok();

    assert_ne!(pod_of(2), pod_before, "a new pod serves broker 2");
    let pid_after = broker_pid(2).expect("broker 2 pid after");
    assert_ne!(pid_after, pid_before, "broker 2 runs as a new process");
    assert!(!process_alive(pid_before), "the old broker process is gone");
    assert!(process_alive(pid_after));
    assert_eq!(std::fs::read_to_string(&meta_file).unwrap(), meta_before, "same log dir, not reformatted");
    assert!(state_dir().join(format!("pv/kafka-2/{topic}-0")).is_dir(), "partition data kept");
    wait_until("broker 2 back in every ISR", Duration::from_secs(120), || {
        let isrs = isr_of_every_partition(topic);
        isrs.len() == 3 && isrs.iter().all(|isr| isr.split(',').any(|id| id.trim() == "2"))
    });
    wait_bed_ready();
}

#[test]
fn scale_to_zero_stops_the_broker_until_scaled_back() {
    let _bed = exclusive();
    wait_bed_ready();
    let pid = broker_pid(3).expect("broker 3 pid");
    let _restore = ScaleBack("kafka-3");
    kubectl(&["-n", "kafka", "scale", "deployment/kafka-3", "--replicas", "0"]).ok();
    wait_until("broker 3's process to stop", Duration::from_secs(90), || !process_alive(pid));
    wait_until("broker 3 to leave the registered brokers", Duration::from_secs(60), || {
        let ids = registered_brokers();
        !ids.is_empty() && !ids.contains(&3)
    });
    std::thread::sleep(Duration::from_secs(3));
    assert!(!registered_brokers().contains(&3), "broker 3 stays stopped while scaled to 0");

    // While it is down, status says so and exits with the not-ready code.
    let run = plugin(&["-n", "kafka", "status"]);
    assert_eq!(run.code, 7, "{run:?}");
    assert!(run.stdout.contains("kafka-3") && run.stdout.contains("ScaledDown"), "{}", run.stdout);
    assert!(run.stderr.contains("kafka-3 (deployment kafka-3 is scaled to 0)"), "{}", run.stderr);
    assert!(
        run.stderr.contains("hint: scale it back with `kubectl -n kafka scale deployment/kafka-3 --replicas 1`"),
        "{}",
        run.stderr
    );

    kubectl(&["-n", "kafka", "scale", "deployment/kafka-3", "--replicas", "1"]).ok();
    wait_bed_ready();
    assert_ne!(broker_pid(3), Some(pid));
}
