//! Reaching every broker from the host, where kafka-N does not resolve (issue 4).

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use rdkafka::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::producer::{FutureProducer, FutureRecord};

use crate::bed::*;

/// `kubectl kafka proxy -o json` running in the background; stopped with SIGINT on drop.
pub struct Proxy {
    child: Child,
    pub bootstrap: String,
    pub doc: serde_json::Value,
}

impl Proxy {
    pub fn start(extra: &[&str]) -> Proxy {
        Proxy::start_in("kafka", extra)
    }

    /// The proxy of the brokers in `namespace`.
    pub fn start_in(namespace: &str, extra: &[&str]) -> Proxy {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_kubectl-kafka"));
        cmd.args(["-n", namespace, "proxy", "-o", "json"])
            .args(extra)
            .env_clear()
            .env("HOME", scratch_home())
            .env("KUBECONFIG", kubeconfig())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("start proxy");
        // The JSON document is pretty-printed; it ends with a line "}".
        let mut text = String::new();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        loop {
            let mut line = String::new();
            if out.read_line(&mut line).unwrap() == 0 {
                let mut err = String::new();
                let _ = std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err);
                panic!("proxy exited early: {text}\n{err}");
            }
            text.push_str(&line);
            if line == "}\n" {
                break;
            }
        }
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        Proxy { bootstrap: doc["bootstrap"].as_str().unwrap().to_string(), doc, child }
    }

    /// Stops the proxy with Ctrl-C and returns its exit code and stderr.
    pub fn stop(mut self) -> (i32, String) {
        let _ = Command::new("kill").args(["-INT", &self.child.id().to_string()]).status();
        let mut err = String::new();
        let _ = std::io::Read::read_to_string(self.child.stderr.as_mut().unwrap(), &mut err);
        let code = self.child.wait().unwrap().code().unwrap_or(-1);
        std::mem::forget(self);
        (code, err)
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A topic whose partition p is led by broker p+1 (explicit replica assignment).
fn ensure_topic_led_by_each_broker(topic: &str) {
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
        "--replica-assignment",
        "1:2:3,2:3:1,3:1:2",
    ])
    .ok();
}

#[test]
fn rdkafka_through_port_forward_reaches_every_broker() {
    let _bed = shared();
    wait_bed_ready();
    let topic = "transport-leaders";
    ensure_topic_led_by_each_broker(topic);
    let proxy = Proxy::start(&[]);
    let ports: Vec<String> =
        proxy.doc["brokers"].as_array().unwrap().iter().map(|b| b["listen"].as_str().unwrap().to_string()).collect();

    // Earlier restarts may have moved leadership: elect the preferred leaders (1, 2, 3) again.
    kubectl(&[
        "-n",
        "kafka",
        "exec",
        &pod_of(1),
        "--",
        "/opt/kafka/bin/kafka-leader-election.sh",
        "--bootstrap-server",
        "localhost:9092",
        "--election-type",
        "PREFERRED",
        "--all-topic-partitions",
    ]);
    let consumer: BaseConsumer = ClientConfig::new().set("bootstrap.servers", &proxy.bootstrap).create().unwrap();
    let leaders_of = |md: &rdkafka::metadata::Metadata| -> Vec<i32> {
        let mut l: Vec<i32> = md.topics()[0].partitions().iter().map(|p| p.leader()).collect();
        l.sort();
        l
    };
    // Every broker must know the new leaders, not just the one that answers first: a broker
    // whose metadata lags still says the old ones (seen in CI as [1, 1, 2] right after [1, 2, 3]).
    wait_until("every broker sees partitions led by 1, 2 and 3", Duration::from_secs(60), || {
        (1..=3).all(|n| {
            let mut leaders: Vec<i32> = topic_as_broker_knows(n, topic).1.iter().map(|p| p.2).collect();
            leaders.sort();
            leaders == [1, 2, 3]
        })
    });
    let md = consumer.fetch_metadata(Some(topic), Duration::from_secs(10)).unwrap();
    let mut brokers: Vec<(i32, String)> =
        md.brokers().iter().map(|b| (b.id(), format!("{}:{}", b.host(), b.port()))).collect();
    brokers.sort();
    assert_eq!(brokers.len(), 3);
    for (id, addr) in &brokers {
        assert!(ports.contains(addr), "broker {id} advertised {addr}, not one of the proxy's listeners {ports:?}");
    }
    assert_eq!(leaders_of(&md), [1, 2, 3]);

    let producer: FutureProducer = ClientConfig::new()
        .set("bootstrap.servers", &proxy.bootstrap)
        .set("acks", "all")
        .set("enable.idempotence", "true")
        .set("message.timeout.ms", "20000")
        .create()
        .unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    for partition in 0..3 {
        let payload = format!("to partition {partition}");
        let delivered =
            runtime
                .block_on(producer.send(
                    FutureRecord::<(), _>::to(topic).partition(partition).payload(&payload),
                    Duration::from_secs(20),
                ))
                .unwrap_or_else(|(err, _)| panic!("produce to partition {partition}: {err}"));
        assert_eq!(delivered.partition, partition);
        assert!(delivered.offset >= 0);
    }
    let (code, stderr) = proxy.stop();
    assert_eq!(code, 0, "proxy exits 0 on Ctrl-C: {stderr}");
    assert!(stderr.contains("stopped"), "{stderr}");
}

#[test]
fn kcat_produces_and_consumes_through_the_proxy() {
    let _bed = shared();
    wait_bed_ready();
    let topic = "transport-kcat";
    ensure_topic_led_by_each_broker(topic);
    let proxy = Proxy::start(&[]);
    let stamp = format!("{:?}", std::time::SystemTime::now());
    let lines: Vec<String> = (0..30).map(|i| format!("{stamp} line {i}")).collect();
    let mut produce = Command::new("kcat")
        .args(["-b", &proxy.bootstrap, "-P", "-t", topic, "-X", "acks=all"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    produce.stdin.as_mut().unwrap().write_all((lines.join("\n") + "\n").as_bytes()).unwrap();
    drop(produce.stdin.take());
    assert!(produce.wait().unwrap().success());
    let consumed = Command::new("kcat")
        .args(["-b", &proxy.bootstrap, "-C", "-t", topic, "-o", "beginning", "-e", "-q"])
        .output()
        .unwrap();
    assert!(consumed.status.success(), "{}", String::from_utf8_lossy(&consumed.stderr));
    let got = String::from_utf8_lossy(&consumed.stdout);
    for line in &lines {
        assert!(got.lines().any(|l| l == line), "{line} not consumed");
    }
}

#[test]
fn the_same_topic_list_comes_back_over_every_transport() {
    let _bed = shared();
    wait_bed_ready();
    ensure_topic_led_by_each_broker("transport-leaders");
    let names = |via: &str| -> Vec<String> {
        let out = plugin(&["-n", "kafka", "--via", via, "topics", "list", "-o", "json"]).ok();
        let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        doc["topics"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap().to_string()).collect()
    };
    let forwarded = names("port-forward");
    assert!(forwarded.contains(&"transport-leaders".to_string()), "{forwarded:?}");
    assert_eq!(names("exec"), forwarded);
    assert_eq!(names("auto"), forwarded);
}

#[test]
fn auto_says_why_it_chose_port_forward() {
    let _bed = shared();
    wait_bed_ready();
    let out = plugin(&["-n", "kafka", "topics", "list", "-v"]).ok();
    assert!(out.stderr.contains("transport: port-forward (kafka-1:9092 does not resolve here"), "{}", out.stderr);
}

#[test]
fn direct_from_the_host_fails_with_a_hint() {
    let _bed = shared();
    wait_bed_ready();
    let out = plugin(&["-n", "kafka", "--via", "direct", "topics", "list", "--timeout", "3s"]);
    assert_eq!(out.code, 4, "{out:?}");
    assert!(out.stderr.contains("kafka-1:9092"), "{}", out.stderr);
    assert!(out.stderr.contains("hint: the advertised addresses answer only inside the cluster"), "{}", out.stderr);
}

#[test]
fn direct_works_inside_the_cluster_network() {
    let _bed = shared();
    wait_bed_ready();
    // In broker 1's pod network namespace, with the pod's resolver (the cluster DNS and its
    // search path, bind-mounted over /etc/resolv.conf in a private mount namespace), the
    // advertised names resolve, as in a pod; the API server is reached at the node's address,
    // which its certificate names.
    let pid = broker_pid(1).expect("broker 1's JVM");
    let dir = tempfile::tempdir().unwrap();
    let resolv = dir.path().join("resolv.conf");
    let pod_resolv = kubectl(&["-n", "kafka", "exec", &pod_of(1), "--", "cat", "/etc/resolv.conf"]).ok();
    std::fs::write(&resolv, &pod_resolv.stdout).unwrap();
    let cfg = dir.path().join("in-cluster");
    let text = std::fs::read_to_string(kubeconfig()).unwrap();
    std::fs::write(&cfg, text.replace("https://127.0.0.1:", "https://10.231.255.1:")).unwrap();
    let out = Command::new("unshare")
        .args(["--mount", "--propagation", "private", "--", "sh", "-c"])
        .arg(r#"r=$1; p=$2; shift 2; mount --bind "$r" /etc/resolv.conf && exec nsenter -t "$p" -n -- "$@""#)
        .arg("sh")
        .arg(&resolv)
        .arg(pid.to_string())
        .args([env!("CARGO_BIN_EXE_kubectl-kafka"), "-n", "kafka", "topics", "list", "-v", "-o", "json"])
        .env("KUBECONFIG", &cfg)
        .env("HOME", scratch_home())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("transport: direct to kafka-1:9092,kafka-2:9092,kafka-3:9092"), "{stderr}");
}

#[test]
fn new_connections_follow_a_replaced_pod() {
    let _bed = exclusive();
    wait_bed_ready();
    let topic = "transport-leaders";
    ensure_topic_led_by_each_broker(topic);
    let proxy = Proxy::start(&[]);
    let before = pod_of(3);
    kubectl(&["-n", "kafka", "delete", "pod", &before, "--wait=false"]).ok();
    wait_until("a new Ready pod for kafka-3", Duration::from_secs(120), || {
        let now = pod_of(3);
        now != before
            && kubectl(&[
                "-n",
                "kafka",
                "get",
                "pod",
                &now,
                "-o",
                "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}",
            ])
            .stdout
                == "True"
    });
    wait_bed_ready();
    // The proxy started before the pod was replaced still reaches broker 3.
    let producer: FutureProducer = ClientConfig::new()
        .set("bootstrap.servers", &proxy.bootstrap)
        .set("acks", "all")
        .set("message.timeout.ms", "30000")
        .create()
        .unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let delivered = runtime
        .block_on(producer.send(
            FutureRecord::<(), _>::to(topic).partition(2).payload("after the pod was replaced"),
            Duration::from_secs(30),
        ))
        .unwrap_or_else(|(err, _)| panic!("produce to broker 3's partition after pod replacement: {err}"));
    assert_eq!(delivered.partition, 2);
    let (code, _) = proxy.stop();
    assert_eq!(code, 0);
}

#[test]
fn proxy_takes_fixed_ports_and_refuses_taken_ones() {
    let _bed = shared();
    wait_bed_ready();
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = busy.local_addr().unwrap().port();
    let out = plugin(&["-n", "kafka", "proxy", "--port", &format!("1={port}")]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.stderr.contains(&format!("listen on 127.0.0.1:{port} for broker kafka-1 (node 1)")), "{}", out.stderr);
    assert!(out.stderr.contains("hint: choose another port"), "{}", out.stderr);
    drop(busy);
    let out = plugin(&["-n", "kafka", "proxy", "--port", "9=19999"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("no broker has node id 9"), "{}", out.stderr);
}

/// Open file descriptors of a process (sockets included).
fn open_fds(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd")).map(|d| d.count()).unwrap_or(0)
}

#[test]
fn the_proxy_closes_every_tunnel_its_clients_close() {
    // Each client connection holds a local socket and a port-forward stream to the API server;
    // when the client goes, both must go: after 20 kcat sessions the proxy holds what it held
    // before them, and on Ctrl-C it exits 0 with nothing left running.
    let _bed = shared();
    wait_bed_ready();
    ensure_topic_led_by_each_broker("transport-leaders");
    let proxy = Proxy::start(&[]);
    let pid = proxy.child.id();
    // One session first, so that lazily made clients (the kube client's pool) exist.
    let session = || {
        let out = Command::new("kcat")
            .args(["-b", &proxy.bootstrap, "-L", "-t", "transport-leaders", "-m", "10"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };
    session();
    std::thread::sleep(Duration::from_secs(2));
    let baseline = open_fds(pid);
    for _ in 0..20 {
        session();
    }
    let mut now = 0;
    wait_until("the proxy back to its baseline of open descriptors", Duration::from_secs(30), || {
        now = open_fds(pid);
        now <= baseline
    });
    assert!(baseline > 0 && now > 0, "read /proc/{pid}/fd");
    let (code, stderr) = proxy.stop();
    assert_eq!(code, 0, "{stderr}");
    assert!(!std::path::Path::new(&format!("/proc/{pid}")).exists(), "the proxy process is gone");
}

#[test]
fn a_broken_stream_is_retried_by_the_client() {
    // A producer through the proxy keeps sending while every TCP connection between the bed's
    // port-forwards and the brokers is killed (ss -K): librdkafka reconnects through the proxy
    // (a new port-forward each time) and every message is delivered once.
    let _bed = exclusive();
    wait_bed_ready();
    let topic = "transport-broken";
    ensure_topic_led_by_each_broker(topic);
    let proxy = Proxy::start(&[]);
    let producer: FutureProducer = ClientConfig::new()
        .set("bootstrap.servers", &proxy.bootstrap)
        .set("acks", "all")
        .set("enable.idempotence", "true")
        .set("message.timeout.ms", "60000")
        .create()
        .unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let stamp = format!("{}", std::process::id());
    let send = |i: usize| {
        let payload = format!("{stamp}-{i}");
        runtime
            .block_on(producer.send(FutureRecord::<(), _>::to(topic).payload(&payload), Duration::from_secs(60)))
            .map(|_| ())
            .map_err(|(e, _)| e.to_string())
    };
    for i in 0..50 {
        send(i).unwrap();
    }
    // Every port-forwarded connection to a broker, killed where it ends: the CRI streaming
    // server dials each broker at localhost:9092 inside its pod (inter-broker traffic uses the
    // pod addresses and is left alone).
    let mut listed = 0;
    for n in 1..=3 {
        let killed = in_pod_netns(n, "ss", &["-K", "-t", "dst", "127.0.0.1", "dport", "=", "9092"]);
        assert!(killed.status.success(), "ss -K in broker {n}'s pod: {}", String::from_utf8_lossy(&killed.stderr));
        listed += String::from_utf8_lossy(&killed.stdout).lines().filter(|l| l.contains(":9092")).count();
    }
    assert!(listed > 0, "ss -K found no port-forwarded broker connection to kill");
    for i in 50..100 {
        send(i).unwrap_or_else(|e| panic!("message {i} after the break: {e}"));
    }
    let consumed = Command::new("kcat")
        .args(["-b", &proxy.bootstrap, "-C", "-t", topic, "-o", "beginning", "-e", "-q"])
        .output()
        .unwrap();
    let got: Vec<String> = String::from_utf8_lossy(&consumed.stdout)
        .lines()
        .filter(|l| l.starts_with(&format!("{stamp}-")))
        .map(str::to_string)
        .collect();
    assert_eq!(got.len(), 100, "each message exactly once");
    let mut unique = got.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 100);
    drop(proxy);
}
