use serde_json::{Value, json};

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
