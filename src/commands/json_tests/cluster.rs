use serde_json::{Value, json};

use crate::exit::ExitCode;

use super::*;

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

/// `kafka-log-dirs.sh --describe --broker-list 1,2,3` for the fake Kafka's state.
fn log_dirs_runner() -> FakeRunner {
    let dir = |broker: i32| {
        json!({"broker": broker, "logDirs": [{"error": null, "logDir": "/var/lib/kafka/data", "partitions": [
            {"partition": "orders-0", "size": 790, "offsetLag": 0, "isFuture": false},
            {"partition": "orders-1", "size": 715, "offsetLag": 0, "isFuture": false},
        ]}]})
    };
    let doc = json!({"version": 1, "brokers": [dir(1), dir(2), dir(3)]});
    let out = format!(
        "Querying brokers for log directories information\nReceived log directory information from brokers 1,2,3\n{doc}\n"
    );
    FakeRunner::default().answer("kafka-log-dirs.sh", &["--describe", "--broker-list", "1,2,3"], &out, "", 0)
}

#[tokio::test]
async fn disk_is_one_document_on_both_routes_but_the_volume_size_only_a_client_reads() {
    let (client, tools) = both_routes(&["disk"], log_dirs_runner()).await;
    let (mut doc, mut tools_doc) = (client.ok().clone(), tools.ok().clone());
    let dir = &doc["brokers"][0]["logDirs"][0];
    assert_eq!((dir["byTopic"]["orders"].as_i64(), dir["total"].as_i64()), (Some(1505), Some(1505)));
    assert_eq!((dir["volumeTotal"].as_i64(), dir["volumeUsable"].as_i64()), (Some(10 << 30), Some(8 << 30)));
    assert_eq!(doc["brokers"][0]["usedBytes"], 1505);
    for b in 0..3 {
        let (theirs, ours) = (&mut tools_doc["brokers"][b]["logDirs"][0], &mut doc["brokers"][b]["logDirs"][0]);
        assert!(theirs["volumeTotal"].is_null() && theirs["volumeUsable"].is_null(), "unknown, not -1: {theirs}");
        ours["volumeTotal"] = Value::Null;
        ours["volumeUsable"] = Value::Null;
    }
    assert_eq!(doc, tools_doc);
}

#[tokio::test]
async fn version_reads_each_brokers_release_over_a_client_and_says_unknown_over_the_tools() {
    let (client, tools) = both_routes(&["version"], FakeRunner::default()).await;
    let doc = client.ok();
    assert_eq!(doc["server"]["gitVersion"], "v1.35.0");
    assert_eq!(doc["kafka"]["metadataVersion"], "3.7-IV4");
    assert_eq!(doc["kafka"]["finalized"], json!({"metadata.version": 19}));
    let brokers = doc["kafka"]["brokers"].as_array().unwrap();
    assert_eq!(brokers.len(), 3);
    assert_eq!((brokers[0]["broker"].as_str(), brokers[0]["runs"].as_str()), (Some("kafka-1"), Some("3.7")));
    assert_eq!(brokers[0]["image"], "apache/kafka:3.7.1");
    let tools_doc = tools.ok();
    assert_eq!((&tools_doc["plugin"], &tools_doc["server"]), (&doc["plugin"], &doc["server"]));
    assert!(tools_doc["kafka"].is_null(), "no guess without each broker's answer: {tools_doc}");
    assert!(tools.tools.is_empty());
}

#[tokio::test]
async fn health_judges_kafka_over_a_client_and_refuses_the_tools_route() {
    let ran = run_json(&["health"], FakeRunner::default()).await;
    assert_eq!(ran.code(), Some(ExitCode::Degraded), "{}", ran.message());
    let doc = &ran.doc;
    assert_eq!(doc["verdict"], "degraded");
    let reasons: Vec<String> =
        doc["reasons"].as_array().unwrap().iter().map(|r| format!("{}: {}", r["area"], r["message"])).collect();
    let has = |needle: &str| reasons.iter().any(|r| r.contains(needle));
    assert!(has("kafka-3-766bfddbd5-jlncx is CrashLoopBackOff"), "{reasons:?}");
    assert!(has("1 under-replicated: orders/1"), "{reasons:?}");
    assert!(has("voter 3 is 16 records behind"), "{reasons:?}");
    assert!(!has("voter 2"), "voter 2 fetched just now: {reasons:?}");
    refused_over_the_tools_route(&run_json(&["--via", "exec", "health"], FakeRunner::default()).await, "health");
}

#[tokio::test]
async fn rebalance_status_lists_nothing_moving_and_refuses_the_tools_route() {
    let ran = run_json(&["rebalance", "status"], FakeRunner::default()).await;
    assert_eq!(ran.ok(), &json!({"inProgress": []}));
    refused_over_the_tools_route(
        &run_json(&["--via", "exec", "rebalance", "status"], FakeRunner::default()).await,
        "rebalance status",
    );
}

#[tokio::test]
async fn doctor_over_the_client_route_finds_what_the_tools_route_finds() {
    let configs = "All configs for topic orders are:\n  min.insync.replicas=2 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:min.insync.replicas=2}\n";
    let runner = FakeRunner::default()
        .answer("kafka-topics.sh", &["--describe", "--exclude-internal"], TOPICS, "", 0)
        .answer("kafka-configs.sh", &["--describe", "--all", "--entity-type", "topics"], configs, "", 0);
    let (client, tools) = both_routes(&["doctor"], runner).await;
    assert_eq!(client.doc, tools.doc, "the same findings from the same cluster");
    let checks: Vec<&str> =
        client.doc["findings"].as_array().unwrap().iter().map(|f| f["check"].as_str().unwrap()).collect();
    assert!(checks.contains(&"rollout-hang") && checks.contains(&"node-spread"), "{checks:?}");
    assert_eq!(client.code(), tools.code());
}
