//! Commands driven end to end without a cluster: the Kubernetes API is kube's mock service
//! answering with the guide's objects (`cluster/testdata/guide-layout.yaml`, kafka-3's pod in
//! CrashLoopBackOff), the client route reaches a fake Kafka (`kafka::fake_broker`), the tools
//! route a fake runner with Kafka 3.7.1's output, and `-o json` is read back from the
//! printer. Every command's document is pinned here on both routes (or its one "not over this
//! route" refusal); the bed tests pin behaviour against real brokers.

mod cluster;
mod data;
mod groups;
mod rollout;
mod topics;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use http::{Request, Response};
use kube::client::Body;
use serde_json::{Value, json};

use crate::cli::Cli;
use crate::cluster::Cluster;
use crate::commands::{Context, Injected};
use crate::kafka::fake_broker::{FakeKafka, State};
use crate::output::{OutputFormat, Printer};
use crate::route::tools::fake::FakeRunner;

/// The guide's objects by kind, as the test bed serves them, with what the fixture leaves
/// out: each Deployment's ReplicaSets (kafka-2 at revision 2 after an upgrade from 3.7.0),
/// the two nodes and the three hostPath volumes pinned to worker1.
fn guide_objects() -> BTreeMap<String, Vec<Value>> {
    let text = include_str!("../../cluster/testdata/guide-layout.yaml");
    let mut by_kind: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for doc in serde_yaml_ng::Deserializer::from_str(text) {
        let value: Value = serde::Deserialize::deserialize(doc).expect("fixture YAML");
        if let Some(kind) = value["kind"].as_str() {
            by_kind.entry(kind.to_string()).or_default().push(value.clone());
        }
    }
    for d in by_kind.get_mut("Deployment").into_iter().flatten() {
        let uid = format!("uid-{}", d["metadata"]["name"].as_str().unwrap_or_default());
        d["metadata"]["uid"] = json!(uid);
    }
    let mut sets = Vec::new();
    for d in by_kind.get("Deployment").cloned().unwrap_or_default() {
        let name = d["metadata"]["name"].as_str().unwrap_or_default().to_string();
        let revision: i64 = d["metadata"]["annotations"]["deployment.kubernetes.io/revision"]
            .as_str()
            .and_then(|r| r.parse().ok())
            .unwrap_or(1);
        for r in 1..=revision {
            let mut template = d["spec"]["template"].clone();
            let hash = format!("{name}{r}").bytes().map(|b| format!("{:x}", b % 16)).collect::<String>();
            template["metadata"]["labels"]["pod-template-hash"] = json!(hash);
            if r < revision {
                template["spec"]["containers"][0]["image"] = json!("apache/kafka:3.7.0");
            }
            sets.push(json!({
                "apiVersion": "apps/v1", "kind": "ReplicaSet",
                "metadata": {"name": format!("{name}-{hash}"), "namespace": "kafka",
                             "labels": template["metadata"]["labels"].clone(),
                             "annotations": {"deployment.kubernetes.io/revision": r.to_string()},
                             "creationTimestamp": format!("2026-11-2{r}T07:49:26Z"),
                             "ownerReferences": [{"apiVersion": "apps/v1", "kind": "Deployment", "name": name,
                                                   "uid": format!("uid-{name}"), "controller": true}]},
                "spec": {"replicas": if r == revision { 1 } else { 0 },
                         "selector": d["spec"]["selector"].clone(), "template": template},
            }));
        }
    }
    by_kind.insert("ReplicaSet".into(), sets);
    let node = |name: &str| {
        json!({"apiVersion": "v1", "kind": "Node",
               "metadata": {"name": name, "labels": {"kubernetes.io/hostname": name}},
               "spec": {},
               "status": {"conditions": [{"type": "Ready", "status": "True"}]}})
    };
    by_kind.insert("Node".into(), vec![node("worker1"), node("worker2")]);
    let volume = |i: i32| {
        json!({"apiVersion": "v1", "kind": "PersistentVolume",
               "metadata": {"name": format!("kafka-pv-{i}")},
               "spec": {"capacity": {"storage": "10Gi"}, "accessModes": ["ReadWriteOnce"],
                        "hostPath": {"path": format!("/data/kafka-{i}")},
                        "claimRef": {"namespace": "kafka", "name": format!("kafka-pvc-{i}")},
                        "nodeAffinity": {"required": {"nodeSelectorTerms": [{"matchExpressions": [
                            {"key": "kubernetes.io/hostname", "operator": "In", "values": ["worker1"]}]}]}}},
               "status": {"phase": "Bound"}})
    };
    by_kind.insert("PersistentVolume".into(), (1..=3).map(volume).collect());
    by_kind
}

/// What the mock API lets the user do beyond the namespace (the shipped Role alone reads
/// nothing cluster-scoped).
#[derive(Clone, Copy, Default)]
struct Access {
    /// Nodes and PersistentVolumes readable (the placement ClusterRole bound too).
    cluster_scoped: bool,
}

/// `labelSelector=a%3Db%2Cc%3Dd` from a query, as (key, value) pairs.
fn label_selector(query: &str) -> Vec<(String, String)> {
    let Some(raw) = query.split('&').find_map(|p| p.strip_prefix("labelSelector=")) else { return Vec::new() };
    let decoded = raw.replace("%3D", "=").replace("%3d", "=").replace("%2C", ",").replace("%2c", ",");
    decoded.split(',').filter_map(|p| p.split_once('=')).map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// What the mock API answers for a request.
fn answer(
    objects: &BTreeMap<String, Vec<Value>>,
    access: Access,
    method: &str,
    path: &str,
    query: &str,
) -> (u16, Value) {
    let forbidden = || {
        (
            403,
            json!({"apiVersion": "v1", "kind": "Status", "status": "Failure", "reason": "Forbidden", "code": 403,
                   "message": format!("{path} is forbidden")}),
        )
    };
    let selector = label_selector(query);
    let list = |kind: &str| {
        let items: Vec<Value> = objects
            .get(kind)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|o| selector.iter().all(|(k, v)| o["metadata"]["labels"][k.as_str()] == json!(v)))
            .collect();
        (
            200,
            json!({"apiVersion": "v1", "kind": format!("{kind}List"), "metadata": {"resourceVersion": "1"}, "items": items}),
        )
    };
    let one = |kind: &str, name: &str| match objects
        .get(kind)
        .into_iter()
        .flatten()
        .find(|o| o["metadata"]["name"] == name)
    {
        Some(o) => (200, o.clone()),
        None => (
            404,
            json!({"apiVersion": "v1", "kind": "Status", "status": "Failure", "reason": "NotFound", "code": 404,
                   "message": format!("{kind} {name} not found")}),
        ),
    };
    let kind_of = |collection: &str| match collection {
        "deployments" => Some("Deployment"),
        "statefulsets" => Some("StatefulSet"),
        "replicasets" => Some("ReplicaSet"),
        "pods" => Some("Pod"),
        "services" => Some("Service"),
        "persistentvolumeclaims" => Some("PersistentVolumeClaim"),
        _ => None,
    };
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match (method, parts.as_slice()) {
        ("GET", ["version"]) => (
            200,
            json!({"major": "1", "minor": "35", "gitVersion": "v1.35.0", "gitCommit": "0", "gitTreeState": "clean",
                   "buildDate": "2026-01-01T00:00:00Z", "goVersion": "go1.25", "compiler": "gc", "platform": "linux/amd64"}),
        ),
        ("POST", ["apis", "authorization.k8s.io", "v1", "selfsubjectaccessreviews"]) => (
            201,
            json!({"apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectAccessReview",
                   "spec": {}, "status": {"allowed": true}}),
        ),
        ("GET", ["api", "v1", "nodes"]) if access.cluster_scoped => list("Node"),
        ("GET", ["api", "v1", "persistentvolumes", name]) if access.cluster_scoped => one("PersistentVolume", name),
        ("GET", ["api", "v1", "persistentvolumes"]) if access.cluster_scoped => list("PersistentVolume"),
        ("GET", ["api" | "apis", .., "namespaces", "kafka", collection]) => match kind_of(collection) {
            Some(kind) => list(kind),
            None => forbidden(),
        },
        ("GET", ["api" | "apis", .., "namespaces", "kafka", collection, name]) => match kind_of(collection) {
            Some(kind) => one(kind, name),
            None => forbidden(),
        },
        // Nodes and volumes are cluster-scoped: a namespaced user may not read them. Nothing
        // here may change anything: a command that tries fails the test on its 403.
        _ => forbidden(),
    }
}

/// A cluster whose API server is the mock, in namespace kafka; the requests it was asked.
fn mock_cluster(access: Access) -> (Cluster, Arc<Mutex<Vec<String>>>) {
    let (service, mut handle) = tower_test::mock::pair::<Request<Body>, Response<Body>>();
    let asked = Arc::new(Mutex::new(Vec::new()));
    let seen = asked.clone();
    let objects = guide_objects();
    tokio::spawn(async move {
        while let Some((request, send)) = handle.next_request().await {
            let (method, path) = (request.method().to_string(), request.uri().path().to_string());
            let query = request.uri().query().unwrap_or_default().to_string();
            seen.lock().unwrap().push(format!("{method} {path}"));
            let (status, body) = answer(&objects, access, &method, &path, &query);
            send.send_response(
                Response::builder()
                    .status(status)
                    .header("content-type", "application/json")
                    .body(Body::from(serde_json::to_vec(&body).unwrap()))
                    .unwrap(),
            );
        }
    });
    let client = kube::Client::new(service, "kafka");
    (Cluster { client, namespace: "kafka".into(), server: "https://mock".into() }, asked)
}

/// What a command run here did: its outcome, its stdout as JSON, the API requests it made.
struct Ran {
    outcome: anyhow::Result<()>,
    doc: Value,
    asked: Vec<String>,
    /// The fake Kafka the client route reached, with its state after the command.
    kafka: FakeKafka,
    /// Each tool run over the tools route: script and argv.
    tools: Vec<(String, Vec<String>)>,
    /// What the tools were given on stdin.
    stdin: Vec<(String, Vec<u8>)>,
    /// stdout as printed.
    text: String,
}

impl Ran {
    fn code(&self) -> Option<crate::exit::ExitCode> {
        self.outcome.as_ref().err().and_then(|e| e.downcast_ref::<crate::exit::Failure>()).map(|f| f.code)
    }

    /// The error's message and hint, for refusals.
    fn message(&self) -> String {
        match &self.outcome {
            Ok(()) => String::new(),
            Err(e) => match e.downcast_ref::<crate::exit::Failure>() {
                Some(f) => format!("{e:#} (hint: {})", f.hint.clone().unwrap_or_default()),
                None => format!("{e:#}"),
            },
        }
    }

    /// Only reads went to the API server.
    fn changed_nothing_in_kubernetes(&self) -> bool {
        self.asked.iter().all(|r| r.starts_with("GET ") || r.contains("selfsubjectaccessreviews"))
    }

    #[track_caller]
    fn ok(&self) -> &Value {
        if let Err(e) = &self.outcome {
            panic!("{e:#}");
        }
        &self.doc
    }
}

/// Runs `kubectl kafka -o json ARGS` against the mock API (namespaced access), the fake
/// Kafka and `runner`.
async fn run_json(args: &[&str], runner: FakeRunner) -> Ran {
    run_as(args, runner, Access::default()).await
}

async fn run_as(args: &[&str], runner: FakeRunner, access: Access) -> Ran {
    run_full(args, runner, access, OutputFormat::Json, |_| {}).await
}

/// Runs `kubectl kafka -o json ARGS` with the fake Kafka's state changed first.
async fn run_after(args: &[&str], access: Access, setup: impl FnOnce(&mut State)) -> Ran {
    run_full(args, FakeRunner::default(), access, OutputFormat::Json, setup).await
}

/// Runs `kubectl kafka ARGS` (records and lines on stdout: `Ran::text`, no document).
async fn run_text(args: &[&str], runner: FakeRunner) -> Ran {
    run_full(args, runner, Access::default(), OutputFormat::Table, |_| {}).await
}

async fn run_full(
    args: &[&str],
    runner: FakeRunner,
    access: Access,
    format: OutputFormat,
    setup: impl FnOnce(&mut State),
) -> Ran {
    use clap::Parser;
    let mut argv = vec!["kubectl-kafka"];
    if format == OutputFormat::Json {
        argv.extend(["-o", "json"]);
    }
    argv.extend_from_slice(args);
    let cli = Cli::try_parse_from(argv).expect("valid arguments");
    let (cluster, asked) = mock_cluster(access);
    let kafka = crate::kafka::fake_broker::start().await;
    setup(&mut kafka.state());
    let runner = Arc::new(runner);
    let (printer, out) = Printer::capturing(format);
    // As the command line makes it (timeouts, selector, route), with the mock API, the fake
    // Kafka and the fake tools in place of the kubeconfig's cluster.
    let ctx = Context {
        printer,
        injected: Some(Injected { cluster, runner: Some(runner.clone()), bootstrap: Some(kafka.bootstrap.clone()) }),
        ..Context::from_global(&cli.global)
    };
    let outcome = super::run_command(&ctx, &cli.command).await;
    let text = String::from_utf8(out.lock().unwrap().clone()).unwrap();
    let doc = if text.is_empty() || format != OutputFormat::Json {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}): {text}"))
    };
    let asked = asked.lock().unwrap().clone();
    let tools = runner.calls.lock().unwrap().clone();
    let stdin = runner.stdin.lock().unwrap().clone();
    Ran { outcome, doc, text, asked, kafka, tools, stdin }
}

/// Runs ARGS over the client route and over `--via exec`, for documents that must agree.
async fn both_routes(args: &[&str], runner: FakeRunner) -> (Ran, Ran) {
    let client = run_json(args, FakeRunner::default()).await;
    let mut exec = vec!["--via", "exec"];
    exec.extend_from_slice(args);
    (client, run_json(&exec, runner).await)
}

/// The command refuses the tools route in one place, before anything runs or changes.
#[track_caller]
fn refused_over_the_tools_route(ran: &Ran, what: &str) {
    assert_eq!(ran.code(), Some(crate::exit::ExitCode::Usage), "{}", ran.message());
    let message = ran.message();
    assert!(message.contains(&format!("{what} needs a Kafka client route")), "{message}");
    assert!(message.contains("--via port-forward"), "{message}");
    assert_eq!(ran.doc, Value::Null, "nothing printed");
    assert!(ran.tools.is_empty(), "no tool ran: {:?}", ran.tools);
    assert!(ran.changed_nothing_in_kubernetes(), "{:?}", ran.asked);
}

// Kafka 3.7.1's tools describing the fake Kafka's starting state.

/// `kafka-topics.sh --describe [--exclude-internal | --topic orders]`.
const TOPICS: &str = "Topic: orders\tTopicId: x\tPartitionCount: 2\tReplicationFactor: 3\tConfigs: min.insync.replicas=2\n\
    \tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3\n\
    \tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,1\n";
