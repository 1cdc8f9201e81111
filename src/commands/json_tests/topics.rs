use serde_json::{Value, json};
use std::collections::BTreeMap;

use super::*;

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
async fn topics_list_over_the_client_route_is_the_same_document() {
    let ran = run_json(&["topics", "list"], FakeRunner::default()).await;
    ran.outcome.unwrap();
    assert_eq!(
        ran.doc,
        json!({"topics": [{"name": "orders", "partitions": 2, "replicationFactor": 3, "underReplicated": 1, "offline": 0, "internal": false}]})
    );
}

use crate::exit::ExitCode;

/// The tools answering `topics describe orders` for the fake Kafka's state.
fn describe_runner(topic: &str) -> FakeRunner {
    let configs = format!(
        "All configs for topic {topic} are:\n  cleanup.policy=delete sensitive=false synonyms={{DEFAULT_CONFIG:log.cleanup.policy=delete}}\n  \
         min.insync.replicas=2 sensitive=false synonyms={{DYNAMIC_TOPIC_CONFIG:min.insync.replicas=2, DEFAULT_CONFIG:min.insync.replicas=1}}\n  \
         retention.ms=604800000 sensitive=false synonyms={{}}\n"
    );
    FakeRunner::default()
        .answer("kafka-topics.sh", &["--describe", "--topic", topic], TOPICS, "", 0)
        .answer(
            "kafka-configs.sh",
            &["--describe", "--entity-type", "topics", "--entity-name", topic, "--all"],
            &configs,
            "",
            0,
        )
        .answer("kafka-get-offsets.sh", &["--topic", topic, "--time", "-2"], "orders:0:0\norders:1:3\n", "", 0)
        .answer("kafka-get-offsets.sh", &["--topic", topic, "--time", "-1"], "orders:0:10\norders:1:12\n", "", 0)
}

#[tokio::test]
async fn topics_describe_is_one_document_on_both_routes() {
    let (client, tools) = both_routes(&["topics", "describe", "orders"], describe_runner("orders")).await;
    let doc = client.ok();
    assert_eq!(doc, tools.ok(), "the same topic, the same document");
    let parts = doc["partitions"].as_array().unwrap();
    assert_eq!((parts[1]["logStartOffset"].as_i64(), parts[1]["logEndOffset"].as_i64()), (Some(3), Some(12)));
    assert_eq!(parts[1]["underReplicated"], true);
    // Without --all-configs: what was set on the topic, not Kafka's defaults.
    assert_eq!(doc["configs"].as_array().map(Vec::len), Some(1), "{doc}");
    assert_eq!(
        (doc["configs"][0]["name"].as_str(), doc["configs"][0]["source"].as_str()),
        (Some("min.insync.replicas"), Some("DYNAMIC_TOPIC_CONFIG"))
    );
}

#[tokio::test]
async fn topics_describe_of_a_missing_topic_is_not_found_on_both_routes() {
    let missing = "Error while executing topic command : Topic 'nope' does not exist as expected\n\
                   [2026-12-02 23:40:00,000] ERROR java.lang.IllegalArgumentException: Topic 'nope' does not exist as expected\n";
    let runner = FakeRunner::default()
        .answer("kafka-topics.sh", &["--describe", "--topic", "nope"], "", missing, 1)
        .answer(
            "kafka-configs.sh",
            &["--describe", "--entity-type", "topics", "--entity-name", "nope", "--all"],
            "",
            "",
            1,
        )
        .answer("kafka-get-offsets.sh", &["--topic", "nope", "--time", "-2"], "", "", 1)
        .answer("kafka-get-offsets.sh", &["--topic", "nope", "--time", "-1"], "", "", 1);
    let (client, tools) = both_routes(&["topics", "describe", "nope"], runner).await;
    for ran in [&client, &tools] {
        assert_eq!(ran.code(), Some(ExitCode::NotFound), "{}", ran.message());
        assert!(ran.message().contains("topic nope does not exist"), "{}", ran.message());
        assert_eq!(ran.doc, Value::Null);
    }
}

#[tokio::test]
async fn topics_create_creates_on_both_routes_and_says_so_in_one_document() {
    let args = ["topics", "create", "payments", "-p", "3", "-r", "3", "--config", "retention.ms=3600000"];
    let runner = FakeRunner::default().answer(
        "kafka-topics.sh",
        &[
            "--create",
            "--topic",
            "payments",
            "--partitions",
            "3",
            "--replication-factor",
            "3",
            "--config",
            "retention.ms=3600000",
        ],
        "Created topic payments.\n",
        "",
        0,
    );
    let (client, tools) = both_routes(&args, runner).await;
    let doc = client.ok();
    assert_eq!(
        doc,
        &json!({"changes": [{"object": "topic/payments", "result": "created", "dryRun": false,
                             "detail": {"partitions": 3, "replicationFactor": 3, "configs": {"retention.ms": "3600000"}}}]})
    );
    assert_eq!(tools.ok(), doc);
    assert_eq!(tools.tools.len(), 1, "one tool run: {:?}", tools.tools);
    let state = client.kafka.state();
    let made = &state.topics["payments"];
    assert_eq!(made.partitions.len(), 3);
    assert!(made.partitions.iter().all(|p| p.replicas.len() == 3));
    assert_eq!(made.configs.get("retention.ms").map(String::as_str), Some("3600000"));
}

#[tokio::test]
async fn topics_create_dry_run_is_validated_by_the_brokers_and_changes_nothing() {
    let ran = run_json(&["topics", "create", "payments", "-p", "3", "--dry-run"], FakeRunner::default()).await;
    assert_eq!(ran.ok()["changes"][0]["dryRun"], true);
    assert_eq!(ran.ok()["changes"][0]["result"], "created");
    assert!(!ran.kafka.state().topics.contains_key("payments"), "nothing created");
    assert_eq!(ran.kafka.state().changes, ["CreateTopics payments partitions=3 rf=3 (validate only)"]);
    // The tool cannot validate without creating: refused before it runs.
    let tools = run_json(&["--via", "exec", "topics", "create", "payments", "--dry-run"], FakeRunner::default()).await;
    assert_eq!(tools.code(), Some(ExitCode::Usage), "{}", tools.message());
    assert!(tools.tools.is_empty() && tools.doc == Value::Null);
}

#[tokio::test]
async fn topics_create_of_an_existing_topic_fails_or_is_kept_alike_on_both_routes() {
    let exists = "Error while executing topic command : Topic 'orders' already exists.\n\
                  [2026-12-02 23:40:00,000] ERROR org.apache.kafka.common.errors.TopicExistsException: Topic 'orders' already exists.\n";
    let create = ["--create", "--topic", "orders", "--partitions", "1", "--replication-factor", "3"];
    let runner = || FakeRunner::default().answer("kafka-topics.sh", &create, "", exists, 1);
    let (client, tools) = both_routes(&["topics", "create", "orders"], runner()).await;
    for ran in [&client, &tools] {
        assert_eq!(ran.code(), Some(ExitCode::Failure), "{}", ran.message());
        assert!(ran.message().contains("pass --if-not-exists"), "{}", ran.message());
    }
    let (client, tools) = both_routes(&["topics", "create", "orders", "--if-not-exists"], runner()).await;
    let kept = json!({"changes": [{"object": "topic/orders", "result": "alreadyExists", "dryRun": false}]});
    assert_eq!((client.ok(), tools.ok()), (&kept, &kept));
    assert!(client.kafka.state().changes.is_empty());
}

#[tokio::test]
async fn topics_create_refuses_more_replicas_than_brokers_before_asking_kafka_to_create() {
    let ran = run_json(&["topics", "create", "payments", "-r", "4"], FakeRunner::default()).await;
    assert_eq!(ran.code(), Some(ExitCode::Usage), "{}", ran.message());
    assert!(ran.message().contains("replication factor 4 is larger than the 3 brokers"), "{}", ran.message());
    assert!(ran.kafka.state().changes.is_empty());
}

#[tokio::test]
async fn topics_delete_deletes_after_yes_and_dry_run_changes_nothing() {
    let dry = run_json(&["topics", "delete", "orders", "--dry-run"], FakeRunner::default()).await;
    assert_eq!(dry.ok(), &json!({"changes": [{"object": "topic/orders", "result": "deleted", "dryRun": true}]}));
    assert!(dry.kafka.state().topics.contains_key("orders"));
    // No terminal to ask on, no --yes: not deleted, exit 2.
    let unasked = run_json(&["topics", "delete", "orders"], FakeRunner::default()).await;
    assert_eq!(unasked.code(), Some(ExitCode::Usage), "{}", unasked.message());
    assert!(unasked.kafka.state().topics.contains_key("orders"));
    let ran = run_json(&["topics", "delete", "orders", "--yes"], FakeRunner::default()).await;
    assert_eq!(ran.ok(), &json!({"changes": [{"object": "topic/orders", "result": "deleted", "dryRun": false}]}));
    assert!(ran.kafka.state().topics.is_empty());
    let missing = run_json(&["topics", "delete", "nope", "--yes", "--if-exists"], FakeRunner::default()).await;
    assert_eq!(missing.ok(), &json!({"changes": []}));
    refused_over_the_tools_route(
        &run_json(&["--via", "exec", "topics", "delete", "orders", "--yes"], FakeRunner::default()).await,
        "topics delete",
    );
}

#[tokio::test]
async fn topics_add_partitions_grows_and_only_grows() {
    let dry = run_json(&["topics", "add-partitions", "orders", "--to", "4", "--dry-run"], FakeRunner::default()).await;
    assert_eq!(
        dry.ok(),
        &json!({"changes": [{"object": "topic/orders", "result": "grown", "dryRun": true, "detail": {"from": 2, "to": 4}}]})
    );
    assert_eq!(dry.kafka.state().topics["orders"].partitions.len(), 2);
    assert_eq!(dry.kafka.state().changes, ["CreatePartitions orders count=4 (validate only)"]);
    let ran = run_json(&["topics", "add-partitions", "orders", "--to", "4"], FakeRunner::default()).await;
    assert_eq!(ran.ok()["changes"][0]["dryRun"], false);
    assert_eq!(ran.kafka.state().topics["orders"].partitions.len(), 4);
    let shrink = run_json(&["topics", "add-partitions", "orders", "--to", "2"], FakeRunner::default()).await;
    assert_eq!(shrink.code(), Some(ExitCode::Usage));
    assert!(shrink.message().contains("pass --to 3 or more"), "{}", shrink.message());
    refused_over_the_tools_route(
        &run_json(&["--via", "exec", "topics", "add-partitions", "orders", "--to", "4"], FakeRunner::default()).await,
        "topics add-partitions",
    );
}

#[tokio::test]
async fn topics_alter_config_sets_and_deletes_alike_on_both_routes() {
    let args = ["topics", "alter-config", "orders", "--set", "retention.ms=3600000", "--delete", "min.insync.replicas"];
    let runner = FakeRunner::default().answer(
        "kafka-configs.sh",
        &[
            "--alter",
            "--entity-type",
            "topics",
            "--entity-name",
            "orders",
            "--add-config",
            "retention.ms=3600000",
            "--delete-config",
            "min.insync.replicas",
        ],
        "Completed updating config for topic orders.\n",
        "",
        0,
    );
    let (client, tools) = both_routes(&args, runner).await;
    let doc = client.ok();
    assert_eq!(
        doc,
        &json!({"changes": [{"object": "topic/orders", "result": "changed", "dryRun": false,
                             "detail": {"set": {"retention.ms": "3600000"}, "deleted": ["min.insync.replicas"]}}]})
    );
    assert_eq!(tools.ok(), doc);
    let configs = client.kafka.state().topics["orders"].configs.clone();
    assert_eq!(configs, BTreeMap::from([("retention.ms".to_string(), "3600000".to_string())]));

    let dry =
        run_json(&["topics", "alter-config", "orders", "--set", "retention.ms=1", "--dry-run"], FakeRunner::default())
            .await;
    assert_eq!(dry.ok()["changes"][0]["dryRun"], true);
    assert_eq!(dry.kafka.state().changes, ["IncrementalAlterConfigs orders set retention.ms=1 (validate only)"]);
    let bad = run_json(&["topics", "alter-config", "orders", "--set", "retention.mss=1"], FakeRunner::default()).await;
    assert_eq!(bad.code(), Some(ExitCode::Usage), "{}", bad.message());
    assert!(bad.message().contains("retention.mss"), "{}", bad.message());
    assert!(bad.kafka.state().changes.is_empty());
    refused_over_the_tools_route(
        &run_json(
            &["--via", "exec", "topics", "alter-config", "orders", "--set", "retention.ms=1", "--dry-run"],
            FakeRunner::default(),
        )
        .await,
        "--dry-run of topics alter-config",
    );
}
