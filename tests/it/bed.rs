//! Reaching the test bed from tests: its kubeconfig, its kubectl, the plugin binary run
//! hermetically (own HOME, own KUBECONFIG), and the lock that orders mutating tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{LazyLock, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, Instant};

static LOCK: LazyLock<RwLock<()>> = LazyLock::new(|| RwLock::new(()));

/// Held by tests that only look at the bed.
pub fn shared() -> RwLockReadGuard<'static, ()> {
    LOCK.read().unwrap_or_else(|e| e.into_inner())
}

/// Held by tests that change the bed; they must leave it as they found it.
pub fn exclusive() -> RwLockWriteGuard<'static, ()> {
    LOCK.write().unwrap_or_else(|e| e.into_inner())
}

pub fn cache_dir() -> PathBuf {
    std::env::var_os("KUBECTL_KAFKA_TESTBED_CACHE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var("HOME").expect("HOME")).join(".cache/kubectl-kafka-testbed"))
}

pub fn state_dir() -> PathBuf {
    std::env::var_os("KUBECTL_KAFKA_TESTBED_STATE").map(PathBuf::from).unwrap_or_else(|| cache_dir().join("state"))
}

/// The bed's kubeconfig; the tests fail (not skip) when the bed is not up.
pub fn kubeconfig() -> PathBuf {
    let path = state_dir().join("kwok/clusters/kafka-testbed/kubeconfig.yaml");
    assert!(path.exists(), "the test bed is not up ({} missing): run testbed/up, or `make test`", path.display());
    path
}

pub fn kubectl_bin() -> PathBuf {
    cache_dir().join("bin/kubectl")
}

/// A scratch HOME so no test reads the developer's ~/.kube.
pub fn scratch_home() -> &'static Path {
    static HOME: LazyLock<tempfile::TempDir> = LazyLock::new(|| tempfile::tempdir().expect("tempdir"));
    HOME.path()
}

#[derive(Debug, Clone)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    pub fn clone_for_check(&self) -> Run {
        self.clone()
    }

    #[track_caller]
    pub fn ok(self) -> Run {
        assert_eq!(self.code, 0, "exit {}\nstdout:\n{}\nstderr:\n{}", self.code, self.stdout, self.stderr);
        self
    }
}

/// Runs `kubectl-kafka ARGS` against the bed, hermetically.
pub fn plugin(args: &[&str]) -> Run {
    plugin_with(args, &[("KUBECONFIG", kubeconfig().to_str().unwrap())])
}

/// Runs `kubectl-kafka ARGS` with exactly these extra environment variables.
pub fn plugin_with(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kubectl-kafka"));
    cmd.args(args).env_clear().env("HOME", scratch_home()).env("PATH", std::env::var("PATH").unwrap_or_default());
    for (k, v) in env {
        cmd.env(k, v);
    }
    Run::from(cmd.stdin(Stdio::null()).output().expect("run kubectl-kafka"))
}

/// Starts `kubectl-kafka ARGS` (bed's KUBECONFIG) in the background, stdout and stderr piped,
/// for tests that interrupt or kill it.
pub fn plugin_spawn(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_kubectl-kafka"))
        .args(args)
        .env_clear()
        .env("HOME", scratch_home())
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("KUBECONFIG", kubeconfig())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start kubectl-kafka")
}

/// Runs `kubectl-kafka ARGS` (bed's KUBECONFIG) with `input` on stdin.
pub fn plugin_stdin(args: &[&str], input: &[u8]) -> Run {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_kubectl-kafka"))
        .args(args)
        .env_clear()
        .env("HOME", scratch_home())
        .env("KUBECONFIG", kubeconfig())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kubectl-kafka");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    Run::from(out)
}

/// Runs the bed's kubectl.
pub fn kubectl(args: &[&str]) -> Run {
    let out = Command::new(kubectl_bin())
        .arg("--kubeconfig")
        .arg(kubeconfig())
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run kubectl");
    Run::from(out)
}

/// Polls `check` until it returns true, failing after `limit` with `what`.
#[track_caller]
pub fn wait_until(what: &str, limit: Duration, mut check: impl FnMut() -> bool) {
    let start = Instant::now();
    while start.elapsed() < limit {
        if check() {
            return;
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    panic!("timed out after {limit:?} waiting for {what}");
}

/// The name of the current (non-terminating, newest) pod of broker `n`.
pub fn pod_of(n: u32) -> String {
    current_pod_of(n).expect("a pod")
}

/// The same, or None while broker `n` has no pod (scaled to 0, or stopped for a roll).
pub fn current_pod_of(n: u32) -> Option<String> {
    let out = kubectl(&[
        "-n",
        "kafka",
        "get",
        "pods",
        "-l",
        &format!("instance=kafka-{n}"),
        "--sort-by=.metadata.creationTimestamp",
        "-o",
        "jsonpath={range .items[?(@.metadata.deletionTimestamp)]}{end}{range .items[*]}{.metadata.name}{\"\\n\"}{end}",
    ])
    .ok();
    out.stdout.lines().last().map(str::to_string)
}

/// Every broker's pod Ready and every broker registered: the bed's resting state.
pub fn wait_bed_ready() {
    wait_until("3 Ready pods and 3 registered brokers", Duration::from_secs(180), || {
        let ready = kubectl(&[
            "-n",
            "kafka",
            "get",
            "pods",
            "-l",
            "app=kafka",
            "-o",
            "jsonpath={.items[*].status.conditions[?(@.type==\"Ready\")].status}",
        ]);
        ready.stdout.split_whitespace().filter(|s| *s == "True").count() == 3
            && ready.stdout.split_whitespace().count() == 3
            && registered_brokers().len() == 3
    });
}

/// The IP of broker `n`'s current pod when it is running: the host routes to the pods' bridge,
/// so the bed's probes ask a broker directly, bypassing the plugin (names never resolve here).
pub fn pod_ip(n: u32) -> Option<String> {
    let out = kubectl(&[
        "-n",
        "kafka",
        "get",
        "pods",
        "-l",
        &format!("instance=kafka-{n}"),
        "--sort-by=.metadata.creationTimestamp",
        "-o",
        "jsonpath={range .items[*]}{.metadata.deletionTimestamp}{\"|\"}{.status.phase}{\"|\"}{.status.podIP}{\"\\n\"}{end}",
    ]);
    out.stdout.lines().rev().find_map(|l| match l.split('|').collect::<Vec<_>>()[..] {
        ["", "Running", ip] if !ip.is_empty() => Some(ip.to_string()),
        _ => None,
    })
}

fn probe(n: u32, extra: &[&str]) -> Option<std::process::Output> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/testbed/lib/kafka_probe.py");
    let ip = pod_ip(n)?;
    Command::new("python3").arg(script).arg(format!("{ip}:9092")).args(extra).output().ok()
}

/// Node ids registered in the cluster, as the first broker that answers knows them.
pub fn registered_brokers() -> Vec<u32> {
    for n in 1..=3 {
        if let Some(out) = probe(n, &[]).filter(|o| o.status.success()) {
            return String::from_utf8_lossy(&out.stdout)
                .lines()
                .filter_map(|l| l.split(' ').next()?.parse().ok())
                .collect();
        }
    }
    Vec::new()
}

/// How broker `n` itself knows `topic` (asked at its pod's address, bypassing the plugin):
/// Kafka's error code for the topic, then (partition, error code, leader) each.
pub fn topic_as_broker_knows(n: u32, topic: &str) -> (i32, Vec<(i32, i32, i32)>) {
    let out = probe(n, &["--topic", topic]).unwrap_or_else(|| panic!("broker {n} has no running pod"));
    assert!(out.status.success(), "probe of broker {n}: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let mut lines = text.lines();
    let error = lines.next().and_then(|l| l.split(' ').nth(1)?.parse().ok()).expect("the topic line");
    let partitions = lines
        .map(|l| {
            let f: Vec<i32> = l.split(' ').filter_map(|x| x.parse().ok()).collect();
            (f[0], f[1], f[2])
        })
        .collect();
    (error, partitions)
}

/// The ISR of every partition of `topic` ("1,2,3" each) as the broker at `address` itself knows
/// it, with the bed's one-request probe; empty when it does not answer.
pub fn isrs_at(address: &str, topic: &str) -> Vec<String> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/testbed/lib/kafka_probe.py");
    let out = Command::new("python3").args([script, address, "--topic", topic]).output().expect("python3");
    if !out.status.success() {
        return Vec::new(); // not answering (yet): callers wait or assert on the count
    }
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(1)
        .filter_map(|l| l.split(' ').nth(3).map(str::to_string))
        .collect()
}

/// How often the kubelet has restarted the Kafka container of `pod`.
pub fn restart_count(pod: &str) -> u32 {
    let out =
        kubectl(&["-n", "kafka", "get", "pod", pod, "-o", "jsonpath={.status.containerStatuses[0].restartCount}"]).ok();
    out.stdout.trim().parse().unwrap_or_else(|_| panic!("restart count of pod {pod}: {:?}", out.stdout))
}

/// The containerd id of the running Kafka container of `pod`.
pub fn container_id(pod: &str) -> Option<String> {
    let out = kubectl(&[
        "-n",
        "kafka",
        "get",
        "pod",
        pod,
        "-o",
        "jsonpath={.status.containerStatuses[0].state.running.startedAt}|{.status.containerStatuses[0].containerID}",
    ]);
    let (started, id) = out.stdout.trim().split_once('|')?;
    if started.is_empty() {
        return None;
    }
    Some(id.strip_prefix("containerd://")?.to_string())
}

/// The host pid of the Kafka JVM in `pod`'s running container: the process in that
/// container's cgroup whose command line runs kafka.Kafka.
pub fn jvm_pid_of_pod(pod: &str) -> Option<u32> {
    let id = container_id(pod)?;
    std::fs::read_dir("/proc").ok()?.filter_map(Result::ok).find_map(|e| {
        let pid: u32 = e.file_name().to_str()?.parse().ok()?;
        let cgroup = std::fs::read_to_string(format!("/proc/{pid}/cgroup")).ok()?;
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
        (cgroup.contains(&id) && String::from_utf8_lossy(&cmdline).contains("kafka.Kafka")).then_some(pid)
    })
}

/// The pid of broker `n`'s JVM in its current pod, seen from the host.
pub fn broker_pid(n: u32) -> Option<u32> {
    jvm_pid_of_pod(&current_pod_of(n)?)
}

/// Runs `program ARGS` in broker `n`'s pod network namespace (entered from the host).
pub fn in_pod_netns(n: u32, program: &str, args: &[&str]) -> Output {
    let pid = broker_pid(n).unwrap_or_else(|| panic!("broker {n} has no running JVM"));
    Command::new("nsenter").args(["-t", &pid.to_string(), "-n", "--", program]).args(args).output().expect("nsenter")
}

pub fn process_alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| s.contains(") Z "))
}

/// Scales a broker's Deployment back to 1 when dropped, even if the test panicked, so one
/// failure does not take the bed down for every test after it.
pub struct ScaleBack(pub &'static str);

impl Drop for ScaleBack {
    fn drop(&mut self) {
        let _ = kubectl(&["-n", "kafka", "scale", &format!("deployment/{}", self.0), "--replicas", "1"]);
    }
}

/// Runs one of Kafka's own scripts in broker 1's pod (argv, optional stdin).
pub fn kafka_tool(script: &str, args: &[&str], stdin: Option<&str>) -> Run {
    use std::io::Write;
    let pod = pod_of(1);
    let path = format!("/opt/kafka/bin/{script}");
    let mut argv = vec!["-n", "kafka", "exec", "-i", pod.as_str(), "-c", "kafka", "--", path.as_str()];
    argv.extend_from_slice(args);
    let mut child = std::process::Command::new(kubectl_bin())
        .arg("--kubeconfig")
        .arg(kubeconfig())
        .args(&argv)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("kubectl exec");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Writes `text` to `path` in broker 1's pod (for Kafka's tools that read plan files).
pub fn put_in_pod(path: &str, text: &str) {
    use std::io::Write;
    let status = Command::new(kubectl_bin())
        .arg("--kubeconfig")
        .arg(kubeconfig())
        .args(["-n", "kafka", "exec", "-i", &pod_of(1), "-c", "kafka", "--", "tee", path])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .and_then(|mut c| {
            c.stdin.take().unwrap().write_all(text.as_bytes())?;
            c.wait()
        })
        .unwrap();
    assert!(status.success(), "write {path} in the pod");
}

/// A topic made with Kafka's own tool on the replicas given (`1:2,2:1`: one partition each,
/// comma-separated), deleted with the plugin when dropped.
pub struct PlacedTopic(pub String);

impl PlacedTopic {
    pub fn create(name: &str, assignment: &str) -> PlacedTopic {
        kafka_tool(
            "kafka-topics.sh",
            &["--bootstrap-server", "localhost:9092", "--create", "--topic", name, "--replica-assignment", assignment],
            None,
        )
        .ok();
        PlacedTopic(name.to_string())
    }
}

impl Drop for PlacedTopic {
    fn drop(&mut self) {
        let _ = plugin(&["-n", "kafka", "topics", "delete", &self.0, "--yes"]);
    }
}

/// Writes `records` records of 1 KiB to `topic` with Kafka's perf tool in broker 1's pod.
pub fn fill_topic(topic: &str, records: u64, acks: &str) {
    let (records, acks) = (records.to_string(), format!("acks={acks}"));
    kafka_tool(
        "kafka-producer-perf-test.sh",
        &[
            "--topic",
            topic,
            "--num-records",
            &records,
            "--record-size",
            "1024",
            "--throughput",
            "-1",
            "--producer-props",
            "bootstrap.servers=localhost:9092",
            &acks,
        ],
        None,
    )
    .ok();
}
