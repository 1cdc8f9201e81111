//! Commands driven end to end without a cluster: the Kubernetes API is kube's mock service
//! answering with the guide's objects (`cluster/testdata/guide-layout.yaml`, kafka-3's pod in
//! CrashLoopBackOff), Kafka's tools are a fake runner with canned output, and `-o json` is
//! read back from the printer. These pin each command's document; the bed tests pin
//! behaviour against real brokers.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use http::{Request, Response};
use kube::client::Body;
use serde_json::{Value, json};

use crate::cli::{Cli, Command};
use crate::cluster::Cluster;
use crate::commands::{Context, Injected};
use crate::output::{OutputFormat, Printer};
use crate::route::tools::fake::FakeRunner;

/// The guide's objects by kind, as the test bed serves them.
fn guide_objects() -> BTreeMap<String, Vec<Value>> {
    let text = include_str!("../cluster/testdata/guide-layout.yaml");
    let mut by_kind: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for doc in serde_yaml_ng::Deserializer::from_str(text) {
        let value: Value = serde::Deserialize::deserialize(doc).expect("fixture YAML");
        if let Some(kind) = value["kind"].as_str() {
            by_kind.entry(kind.to_string()).or_default().push(value.clone());
        }
    }
    by_kind
}

/// What the mock API answers for a request path (without the query).
fn answer(objects: &BTreeMap<String, Vec<Value>>, method: &str, path: &str) -> (u16, Value) {
    let list = |kind: &str| {
        json!({"apiVersion": "v1", "kind": format!("{kind}List"), "metadata": {"resourceVersion": "1"},
               "items": objects.get(kind).cloned().unwrap_or_default()})
    };
    match (method, path) {
        ("GET", "/apis/apps/v1/namespaces/kafka/deployments") => (200, list("Deployment")),
        ("GET", "/apis/apps/v1/namespaces/kafka/statefulsets") => (200, list("StatefulSet")),
        ("GET", "/api/v1/namespaces/kafka/pods") => (200, list("Pod")),
        ("GET", "/api/v1/namespaces/kafka/services") => (200, list("Service")),
        ("GET", "/api/v1/namespaces/kafka/persistentvolumeclaims") => (200, list("PersistentVolumeClaim")),
        ("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews") => (
            201,
            json!({"apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectAccessReview",
                   "spec": {}, "status": {"allowed": true}}),
        ),
        // Nodes and volumes are cluster-scoped: a namespaced user may not read them.
        _ => (
            403,
            json!({"apiVersion": "v1", "kind": "Status", "status": "Failure", "reason": "Forbidden", "code": 403,
                   "message": format!("{path} is forbidden")}),
        ),
    }
}

/// A cluster whose API server is the mock, in namespace kafka; the paths it was asked.
fn mock_cluster() -> (Cluster, Arc<Mutex<Vec<String>>>) {
    let (service, mut handle) = tower_test::mock::pair::<Request<Body>, Response<Body>>();
    let asked = Arc::new(Mutex::new(Vec::new()));
    let seen = asked.clone();
    let objects = guide_objects();
    tokio::spawn(async move {
        while let Some((request, send)) = handle.next_request().await {
            let (method, path) = (request.method().to_string(), request.uri().path().to_string());
            seen.lock().unwrap().push(format!("{method} {path}"));
            let (status, body) = answer(&objects, &method, &path);
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

/// What a command run here did: its outcome, its stdout as JSON, the API paths it asked.
struct Ran {
    outcome: anyhow::Result<()>,
    doc: Value,
    asked: Vec<String>,
}

impl Ran {
    fn code(&self) -> Option<crate::exit::ExitCode> {
        self.outcome.as_ref().err().and_then(|e| e.downcast_ref::<crate::exit::Failure>()).map(|f| f.code)
    }
}

/// Runs `kubectl kafka -o json ARGS` against the mock API and `runner`.
async fn run_json(args: &[&str], runner: FakeRunner) -> Ran {
    use clap::Parser;
    let mut argv = vec!["kubectl-kafka", "-o", "json"];
    argv.extend_from_slice(args);
    let cli = Cli::try_parse_from(argv).expect("valid arguments");
    let (cluster, asked) = mock_cluster();
    let broker = crate::kafka::fake_broker::start().await;
    let (printer, out) = Printer::capturing(OutputFormat::Json);
    let ctx = Context {
        printer,
        cluster: Default::default(),
        selector: "app=kafka".into(),
        via: cli.global.via,
        verbose: 0,
        injected: Some(Injected { cluster, runner: Some(Arc::new(runner)), bootstrap: Some(broker.clone()) }),
    };
    let outcome = dispatch_command(&ctx, &cli.command).await;
    let text = String::from_utf8(out.lock().unwrap().clone()).unwrap();
    let doc = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
    };
    let asked = asked.lock().unwrap().clone();
    Ran { outcome, doc, asked }
}

async fn dispatch_command(ctx: &Context, command: &Command) -> anyhow::Result<()> {
    match command {
        Command::Status(args) => super::status::run(ctx, args).await,
        Command::Topics(c) => super::topics::run(ctx, c).await,
        Command::Groups(c) => super::groups::run(ctx, c).await,
        Command::Quorum(args) => super::quorum::run(ctx, args).await,
        Command::Doctor(args) => super::doctor::run(ctx, args).await,
        Command::Disk(args) => super::disk::run(ctx, args).await,
        Command::Produce(args) => super::produce::run(ctx, args).await,
        other => anyhow::bail!("not covered here: {other:?}"),
    }
}

const TOPICS: &str = "Topic: orders\tTopicId: x\tPartitionCount: 2\tReplicationFactor: 3\tConfigs: min.insync.replicas=2\n\
    \tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3\n\
    \tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,1\n";

#[tokio::test]
async fn status_json_from_the_api_alone() {
    let ran = run_json(&["status", "--no-kafka"], FakeRunner::default()).await;
    // kafka-3 is in CrashLoopBackOff in the fixture: the document first, then exit 7.
    assert_eq!(ran.code(), Some(crate::exit::ExitCode::NotReady));
    let doc = &ran.doc;
    assert_eq!(doc["namespace"], "kafka");
    let brokers = doc["brokers"].as_array().unwrap();
    assert_eq!(brokers.len(), 3);
    assert_eq!((brokers[0]["name"].as_str(), brokers[0]["nodeId"].as_i64()), (Some("kafka-1"), Some(1)));
    assert_eq!(brokers[0]["roles"], json!(["broker", "controller"]));
    assert_eq!(brokers[0]["pvcs"], json!(["kafka-pvc-1"]));
    assert_eq!(brokers[0]["node"], "worker1");
    assert_eq!((brokers[2]["status"].as_str(), brokers[2]["ready"].as_bool()), (Some("CrashLoopBackOff"), Some(false)));
    assert!(brokers[0]["volumeLocality"].is_null(), "nodes and volumes forbidden here: unknown, not guessed");
    assert!(brokers[0]["kafkaVersion"].is_null() && brokers[0]["partitionsLed"].is_null(), "Kafka not asked");
    assert!(ran.asked.iter().any(|p| p == "GET /api/v1/nodes"), "{:?}", ran.asked);
}

#[tokio::test]
async fn topics_list_and_describe_over_the_tools_route() {
    let runner = FakeRunner::default().answer("kafka-topics.sh", &["--describe", "--exclude-internal"], TOPICS, "", 0);
    let ran = run_json(&["--via", "exec", "topics", "list"], runner).await;
    ran.outcome.unwrap();
    let doc = ran.doc;
    assert_eq!(
        doc,
        json!({"topics": [{"name": "orders", "partitions": 2, "replicationFactor": 3, "underReplicated": 1, "offline": 0, "internal": false}]})
    );

    let configs = "All configs for topic orders are:\n  min.insync.replicas=2 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:min.insync.replicas=2}\n";
    let runner = FakeRunner::default()
        .answer("kafka-topics.sh", &["--describe", "--topic", "orders"], TOPICS, "", 0)
        .answer(
            "kafka-configs.sh",
            &["--describe", "--entity-type", "topics", "--entity-name", "orders", "--all"],
            configs,
            "",
            0,
        )
        .answer("kafka-get-offsets.sh", &["--topic", "orders", "--time", "-2"], "orders:0:0\norders:1:3\n", "", 0)
        .answer("kafka-get-offsets.sh", &["--topic", "orders", "--time", "-1"], "orders:0:10\norders:1:12\n", "", 0);
    let ran = run_json(&["--via", "exec", "topics", "describe", "orders"], runner).await;
    ran.outcome.unwrap();
    let doc = ran.doc;
    assert_eq!(doc["name"], "orders");
    let parts = doc["partitions"].as_array().unwrap();
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[1]["isr"], json!([2, 1]));
    assert_eq!((parts[1]["logStartOffset"].as_i64(), parts[1]["logEndOffset"].as_i64()), (Some(3), Some(12)));
    assert_eq!(doc["configs"][0]["name"], "min.insync.replicas");
    assert_eq!(doc["configs"][0]["source"], "DYNAMIC_TOPIC_CONFIG");
}

#[tokio::test]
async fn quorum_over_the_tools_route_reads_the_fetch_timeout_too() {
    let status = "ClusterId:              5L6g3nShT-eMCtK--X86AZA\nLeaderId:               1\nLeaderEpoch:            6\n\
                  HighWatermark:          1715\nMaxFollowerLag:         0\nCurrentVoters:          [1,2,3]\n";
    let replication = "NodeId\tLogEndOffset\tLag\tLastFetchTimestamp\tLastCaughtUpTimestamp\tStatus  \t\n\
                       1     \t1716        \t0  \t1795604417848     \t1795604417848        \tLeader  \t\n\
                       2     \t1716        \t0  \t1795604417800     \t1795604417800        \tFollower\t\n";
    let broker = "All configs for broker 1 are:\n  controller.quorum.fetch.timeout.ms=2000 sensitive=false synonyms={DEFAULT_CONFIG:controller.quorum.fetch.timeout.ms=2000}\n";
    let runner = FakeRunner::default()
        .answer("kafka-metadata-quorum.sh", &["describe", "--status"], status, "", 0)
        .answer("kafka-metadata-quorum.sh", &["describe", "--replication"], replication, "", 0)
        .answer(
            "kafka-configs.sh",
            &["--describe", "--all", "--entity-type", "brokers", "--entity-name", "1"],
            broker,
            "",
            0,
        );
    let ran = run_json(&["--via", "exec", "quorum"], runner).await;
    ran.outcome.unwrap();
    let doc = ran.doc;
    assert_eq!(
        (doc["leaderId"].as_i64(), doc["leaderEpoch"].as_i64(), doc["highWatermark"].as_i64()),
        (Some(1), Some(6), Some(1715))
    );
    assert_eq!(doc["voters"].as_array().map(Vec::len), Some(2));
    assert_eq!(doc["voters"][1]["logEndOffset"], 1716);
}

#[tokio::test]
async fn doctor_json_over_the_tools_route() {
    let configs = "All configs for topic orders are:\n  min.insync.replicas=3 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:min.insync.replicas=3}\n";
    let runner = FakeRunner::default()
        .answer("kafka-topics.sh", &["--describe", "--exclude-internal"], TOPICS, "", 0)
        .answer("kafka-configs.sh", &["--describe", "--all", "--entity-type", "topics"], configs, "", 0);
    let ran = run_json(&["--via", "exec", "doctor"], runner).await;
    // min.insync.replicas 3 on RF 3 is an error finding: exit 8, after the document.
    assert_eq!(ran.code(), Some(crate::exit::ExitCode::Degraded));
    let doc = ran.doc;
    assert_eq!(doc["namespace"], "kafka");
    let checks: Vec<&str> = doc["findings"].as_array().unwrap().iter().map(|f| f["check"].as_str().unwrap()).collect();
    // The guide's RollingUpdate over ReadWriteOnce, all three on worker1, and the topic's
    // replication factor and min.insync.replicas read over the tools route.
    assert!(checks.contains(&"rollout-hang"), "{checks:?}");
    assert!(checks.contains(&"node-spread"), "{checks:?}");
    let durability = doc["findings"].as_array().unwrap().iter().find(|f| f["check"] == "topic-durability");
    assert!(durability.is_some_and(|f| f["object"] == "topic/orders"), "{doc}");
}

#[tokio::test]
async fn groups_list_over_the_tools_route() {
    let states = "\nConsumer group 'grp1' has no active members.\n\n\
        GROUP                     COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE           #MEMBERS\n\
        grp1                      kafka-3:9092 (3)                               Empty           0\n\n\
        GROUP                     COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE           #MEMBERS\n\
        live                      kafka-1:9092 (1)          range                Stable          2\n";
    let offsets = "\nConsumer group 'grp1' has no active members.\n\n\
        GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID\n\
        grp1            g1              0          1               1               0               -               -               -\n\n\
        GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID\n\
        live            g1              0          5               7               2               rdkafka-1a2b    /10.231.0.1     my client\n";
    let runner = FakeRunner::default()
        .answer("kafka-consumer-groups.sh", &["--describe", "--all-groups", "--state"], states, "", 0)
        .answer("kafka-consumer-groups.sh", &["--describe", "--all-groups"], offsets, "", 0);
    let ran = run_json(&["--via", "exec", "groups", "list"], runner).await;
    ran.outcome.unwrap();
    let groups = ran.doc["groups"].as_array().cloned().unwrap_or_default();
    assert_eq!(groups.len(), 2, "{}", ran.doc);
    let live = groups.iter().find(|g| g["group"] == "live").unwrap();
    assert_eq!(
        (live["state"].as_str(), live["members"].as_u64(), live["lag"].as_i64()),
        (Some("Stable"), Some(2), Some(2))
    );
    assert_eq!(live["topics"], json!(["g1"]));
}

#[tokio::test]
async fn a_command_the_tools_route_cannot_answer_says_so_before_anything_runs() {
    // No canned answer: any tool run would panic the fake runner.
    let ran = run_json(&["--via", "exec", "produce", "orders", "--partition", "1"], FakeRunner::default()).await;
    assert_eq!(ran.code(), Some(crate::exit::ExitCode::Usage));
    let message = format!("{:#}", ran.outcome.unwrap_err());
    assert!(message.contains("--partition over --via exec is not supported"), "{message}");
    assert_eq!(ran.doc, Value::Null, "nothing printed");
}

// The same commands over the client route, against the fake broker (three brokers, topic
// `orders` with partition 1 missing broker 3 from its ISR; metadata.version 19 = 3.7-IV4).

#[tokio::test]
async fn topics_list_over_the_client_route_is_the_same_document() {
    let ran = run_json(&["topics", "list"], FakeRunner::default()).await;
    ran.outcome.unwrap();
    assert_eq!(
        ran.doc,
        json!({"topics": [{"name": "orders", "partitions": 2, "replicationFactor": 3, "underReplicated": 1, "offline": 0, "internal": false}]})
    );
}

#[tokio::test]
async fn status_over_the_client_route_adds_kafkas_side() {
    let ran = run_json(&["status"], FakeRunner::default()).await;
    assert_eq!(ran.code(), Some(crate::exit::ExitCode::NotReady), "kafka-3's pod is in CrashLoopBackOff");
    let brokers = ran.doc["brokers"].as_array().unwrap();
    let of = |i: usize, key: &str| brokers[i][key].clone();
    assert_eq!((of(0, "activeController"), of(1, "activeController")), (json!(true), json!(false)));
    assert_eq!(
        (of(0, "partitionsLed"), of(1, "partitionsLed"), of(2, "partitionsLed")),
        (json!(1), json!(1), json!(0))
    );
    assert_eq!((of(0, "underReplicated"), of(2, "underReplicated")), (json!(1), json!(1)));
    // Each broker asked for its own ApiVersions: metadata.version 19 is the 3.7 line.
    assert_eq!(of(0, "kafkaVersion"), json!("3.7"));
}

#[tokio::test]
async fn quorum_over_the_client_route_matches_the_tools_route() {
    let ran = run_json(&["--request-timeout", "2s", "quorum"], FakeRunner::default()).await;
    ran.outcome.unwrap();
    let doc = ran.doc;
    assert_eq!(
        (doc["leaderId"].as_i64(), doc["leaderEpoch"].as_i64(), doc["highWatermark"].as_i64()),
        (Some(1), Some(6), Some(1715))
    );
    assert_eq!(doc["voters"].as_array().map(Vec::len), Some(3));
    assert_eq!((doc["voters"][2]["logEndOffset"].as_i64(), doc["voters"][2]["lag"].as_i64()), (Some(1700), Some(16)));
}

#[tokio::test]
async fn status_over_the_tools_route_adds_kafkas_side_but_no_versions() {
    let status = "ClusterId:              5L6g3nShT-eMCtK--X86AZA\nLeaderId:               2\nLeaderEpoch:            6\n\
                  HighWatermark:          1715\nMaxFollowerLag:         0\nCurrentVoters:          [1,2,3]\n";
    let replication = "NodeId\tLogEndOffset\tLag\tLastFetchTimestamp\tLastCaughtUpTimestamp\tStatus  \t\n\
                       2     \t1716        \t0  \t1795604417848     \t1795604417848        \tLeader  \t\n";
    let runner = FakeRunner::default()
        .answer("kafka-topics.sh", &["--describe"], TOPICS, "", 0)
        .answer("kafka-metadata-quorum.sh", &["describe", "--status"], status, "", 0)
        .answer("kafka-metadata-quorum.sh", &["describe", "--replication"], replication, "", 0);
    let ran = run_json(&["--via", "exec", "status"], runner).await;
    assert_eq!(ran.code(), Some(crate::exit::ExitCode::NotReady));
    let brokers = ran.doc["brokers"].as_array().unwrap();
    let of = |i: usize, key: &str| brokers[i][key].clone();
    assert_eq!((of(0, "activeController"), of(1, "activeController")), (json!(false), json!(true)));
    assert_eq!(
        (of(0, "partitionsLed"), of(1, "partitionsLed"), of(2, "partitionsLed")),
        (json!(1), json!(1), json!(0))
    );
    assert_eq!((of(0, "underReplicated"), of(2, "underReplicated")), (json!(1), json!(1)));
    assert!(of(0, "kafkaVersion").is_null(), "only a client asks each broker which release it runs");
}
