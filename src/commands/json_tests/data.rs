use serde_json::Value;

use super::*;
use crate::kafka::fake_broker::FIRST_TIMESTAMP;

#[tokio::test]
async fn a_command_the_tools_route_cannot_answer_says_so_before_anything_runs() {
    // No canned answer: any tool run would panic the fake runner.
    let ran = run_json(&["--via", "exec", "produce", "orders", "--partition", "1"], FakeRunner::default()).await;
    assert_eq!(ran.code(), Some(crate::exit::ExitCode::Usage));
    let message = format!("{:#}", ran.outcome.unwrap_err());
    assert!(message.contains("--partition over --via exec is not supported"), "{message}");
    assert_eq!(ran.doc, Value::Null, "nothing printed");
}

/// A file of `key:value` lines for produce.
fn input(lines: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("records.txt");
    std::fs::write(&file, lines).unwrap();
    let path = file.to_str().unwrap().to_string();
    (dir, path)
}

const ORDERS_CONFIGS: &str = "All configs for topic orders are:\n  \
    max.message.bytes=1048588 sensitive=false synonyms={DEFAULT_CONFIG:message.max.bytes=1048588}\n  \
    min.insync.replicas=2 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:min.insync.replicas=2}\n";

#[tokio::test]
async fn produce_sends_keyed_lines_on_both_routes_and_says_the_same() {
    let (_dir, file) = input("k1:v1\nk2:v2\n");
    let args = ["produce", "orders", "--file", file.as_str(), "--key-separator", ":"];
    let producer = [
        "--topic",
        "orders",
        "--producer-property",
        "acks=all",
        "--producer-property",
        "enable.idempotence=true",
        "--producer-property",
        "delivery.timeout.ms=60000",
        "--producer-property",
        "request.timeout.ms=30000",
        "--producer-property",
        "max.block.ms=30000",
        "--property",
        "parse.key=true",
        "--property",
        "key.separator=\t",
    ];
    let runner = FakeRunner::default()
        .answer(
            "kafka-configs.sh",
            &["--describe", "--all", "--entity-type", "topics", "--entity-name", "orders"],
            ORDERS_CONFIGS,
            "",
            0,
        )
        .answer("kafka-console-producer.sh", &producer, "", "", 0);
    let (client, tools) = both_routes(&args, runner).await;
    let doc = client.ok();
    assert_eq!((doc["messages"].as_u64(), doc["bytes"].as_u64(), doc["failed"].as_u64()), (Some(2), Some(8), Some(0)));
    let state = client.kafka.state();
    let sent: Vec<(String, String)> = state.topics["orders"]
        .partitions
        .iter()
        .flat_map(|p| p.records.iter().filter(|r| r.timestamp > FIRST_TIMESTAMP + 60_000))
        .map(|r| {
            let text =
                |b: &Option<bytes::Bytes>| String::from_utf8_lossy(b.as_deref().unwrap_or_default()).into_owned();
            (text(&r.key), text(&r.value))
        })
        .collect();
    assert_eq!(sent, [("k1".to_string(), "v1".to_string()), ("k2".to_string(), "v2".to_string())]);
    drop(state);
    // The console producer got the same records, a key and a tab before each value.
    assert_eq!(tools.stdin, [("kafka-console-producer.sh".to_string(), b"k1\tv1\nk2\tv2\n".to_vec())]);
    let tools_doc = tools.ok();
    for key in ["topic", "messages", "bytes", "failed", "firstError"] {
        assert_eq!(tools_doc[key], doc[key], "{key}");
    }
    assert!(tools_doc["partitions"].as_array().is_none_or(Vec::is_empty), "the tool does not say where: {tools_doc}");
}

#[tokio::test]
async fn produce_to_a_missing_topic_creates_nothing_on_either_route() {
    let (_dir, file) = input("v\n");
    let missing = "Error while executing config command with args ...\n\
                   org.apache.kafka.common.errors.UnknownTopicOrPartitionException: The topic 'nope' does not exist.\n";
    let runner = FakeRunner::default().answer(
        "kafka-configs.sh",
        &["--describe", "--all", "--entity-type", "topics", "--entity-name", "nope"],
        "",
        missing,
        1,
    );
    let (client, tools) = both_routes(&["produce", "nope", "--file", file.as_str()], runner).await;
    for ran in [&client, &tools] {
        assert_eq!(ran.code(), Some(crate::exit::ExitCode::NotFound), "{}", ran.message());
        assert!(ran.message().contains("does not create topics on first use"), "{}", ran.message());
        assert_eq!(ran.doc, Value::Null);
    }
    assert!(client.kafka.state().topics.len() == 1 && client.kafka.state().changes.is_empty());
    assert!(tools.stdin.is_empty(), "the producer never ran");
}

#[tokio::test]
async fn consume_prints_the_same_records_on_both_routes() {
    let args = ["consume", "orders", "--partition", "1", "--offset", "3", "-m", "2", "--print-key"];
    let consumer = [
        "--topic",
        "orders",
        "--partition",
        "1",
        "--offset",
        "3",
        "--max-messages",
        "2",
        "--property",
        "print.key=true",
        "--property",
        "key.separator=\t",
        "--timeout-ms",
        "5000",
    ];
    let client = run_text(&args, FakeRunner::default()).await;
    client.outcome.as_ref().unwrap();
    assert_eq!(client.text, "k3\torder-3\nk4\torder-4\n");
    let mut exec = vec!["--via", "exec"];
    exec.extend(args);
    let runner = FakeRunner::default().answer(
        "kafka-console-consumer.sh",
        &consumer,
        "k3\torder-3\nk4\torder-4\n",
        "Processed a total of 2 messages\n",
        0,
    );
    let tools = run_text(&exec, runner).await;
    tools.outcome.as_ref().unwrap();
    assert_eq!(tools.text, client.text);
    // From the beginning of both partitions, without a group: every record once, nothing
    // committed anywhere.
    let all = run_text(&["consume", "orders", "--from-beginning"], FakeRunner::default()).await;
    all.outcome.as_ref().unwrap();
    let mut values: Vec<&str> = all.text.lines().collect();
    values.sort_by_key(|v| v.trim_start_matches("order-").parse::<i64>().unwrap_or(-1));
    let mut expected: Vec<String> = (0..10).chain(3..12).map(|o| format!("order-{o}")).collect();
    expected.sort_by_key(|v| v.trim_start_matches("order-").parse::<i64>().unwrap_or(-1));
    assert_eq!(values, expected);
    assert!(all.kafka.state().changes.is_empty());
}

#[tokio::test]
async fn consume_refuses_over_the_tools_route_what_the_console_consumer_cannot_do() {
    for (args, why) in [
        (&["consume", "orders", "--follow"][..], "--follow over --via exec is not supported"),
        (&["consume", "orders", "--format", "json"][..], "--format json over --via exec is not supported"),
        (&["consume", "orders", "--offset", "5"][..], "--offset N over --via exec needs --partition"),
    ] {
        let mut exec = vec!["--via", "exec"];
        exec.extend(args);
        let ran = run_text(&exec, FakeRunner::default()).await;
        assert_eq!(ran.code(), Some(crate::exit::ExitCode::Usage), "{args:?}: {}", ran.message());
        assert!(ran.message().contains(why), "{}", ran.message());
        assert!(ran.tools.is_empty() && ran.text.is_empty());
    }
}
