use serde_json::{Value, json};
use std::collections::BTreeMap;

use super::*;

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

use crate::exit::ExitCode;

// kafka-consumer-groups.sh 3.7.1 describing the fake Kafka's two groups.
const TOOL: &str = "kafka-consumer-groups.sh";
const HEADER_STATE: &str =
    "GROUP                     COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE           #MEMBERS\n";
const HEADER_OFFSETS: &str = "GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID\n";
const NO_MEMBERS: &str = "\nConsumer group 'grp1' has no active members.\n\n";

fn grp1_state() -> String {
    format!(
        "{NO_MEMBERS}{HEADER_STATE}grp1                      kafka-1:9092 (1)                               Empty           0\n"
    )
}
fn live_state() -> String {
    format!(
        "\n{HEADER_STATE}live                      kafka-1:9092 (1)          range                Stable          2\n"
    )
}
fn grp1_offsets() -> String {
    format!(
        "{NO_MEMBERS}{HEADER_OFFSETS}grp1            orders          0          10              10              0               -               -               -\n"
    )
}
fn live_offsets() -> String {
    format!(
        "\n{HEADER_OFFSETS}live            orders          0          5               10              5               rdkafka-1a2b    /10.231.0.1     billing-1\n\
         live            orders          1          10              12              2               rdkafka-3c4d    /10.231.0.2     billing-2\n"
    )
}
const LIVE_MEMBERS: &str = "\nGROUP           CONSUMER-ID     HOST            CLIENT-ID       #PARTITIONS     ASSIGNMENT\n\
    live            rdkafka-1a2b    /10.231.0.1     billing-1       1               orders(0)\n\
    live            rdkafka-3c4d    /10.231.0.2     billing-2       1               orders(1)\n";

#[tokio::test]
async fn groups_list_is_one_document_on_both_routes() {
    let runner = FakeRunner::default()
        .answer(TOOL, &["--describe", "--all-groups", "--state"], &(grp1_state() + &live_state()), "", 0)
        .answer(TOOL, &["--describe", "--all-groups"], &(grp1_offsets() + &live_offsets()), "", 0);
    let (client, tools) = both_routes(&["groups", "list"], runner).await;
    let doc = client.ok();
    assert_eq!(
        doc,
        &json!({"groups": [
            {"group": "grp1", "state": "Empty", "members": 0, "topics": ["orders"], "lag": 0},
            {"group": "live", "state": "Stable", "members": 2, "topics": ["orders"], "lag": 7},
        ]}),
        "each group once, though librdkafka asks every broker"
    );
    assert_eq!(tools.ok(), doc);
}

#[tokio::test]
async fn groups_describe_is_one_document_on_both_routes() {
    let runner = FakeRunner::default()
        .answer(TOOL, &["--describe", "--group", "live", "--state"], &live_state(), "", 0)
        .answer(TOOL, &["--describe", "--group", "live"], &live_offsets(), "", 0)
        .answer(TOOL, &["--describe", "--group", "live", "--members", "--verbose"], LIVE_MEMBERS, "", 0);
    let (client, tools) = both_routes(&["groups", "describe", "live"], runner).await;
    let doc = client.ok();
    assert_eq!(doc["state"], "Stable");
    assert_eq!(
        doc["members"][1],
        json!({"id": "rdkafka-3c4d", "clientId": "billing-2", "host": "/10.231.0.2", "assignment": [["orders", [1]]]})
    );
    assert_eq!(
        doc["offsets"][0],
        json!({"topic": "orders", "partition": 0, "committed": 5, "end": 10, "lag": 5, "member": "rdkafka-1a2b", "host": "/10.231.0.1"})
    );
    assert_eq!(tools.ok(), doc);

    let missing = FakeRunner::default()
        .answer(
            TOOL,
            &["--describe", "--group", "nope", "--state"],
            "\nError: Consumer group 'nope' does not exist.\n",
            "",
            0,
        )
        .answer(TOOL, &["--describe", "--group", "nope"], "\nError: Consumer group 'nope' does not exist.\n", "", 0)
        .answer(
            TOOL,
            &["--describe", "--group", "nope", "--members", "--verbose"],
            "\nError: Consumer group 'nope' does not exist.\n",
            "",
            0,
        );
    let (client, tools) = both_routes(&["groups", "describe", "nope"], missing).await;
    for ran in [&client, &tools] {
        assert_eq!(ran.code(), Some(ExitCode::NotFound), "{}", ran.message());
        assert_eq!(ran.doc, Value::Null);
    }
}

#[tokio::test]
async fn groups_reset_offsets_plans_then_executes_alike_on_both_routes() {
    let reset = ["--reset-offsets", "--group", "grp1", "--topic", "orders", "--to-earliest"];
    let plan = "\nGROUP                          TOPIC                          PARTITION  NEW-OFFSET     \n\
                grp1                           orders                         0          0              \n\
                grp1                           orders                         1          3              \n";
    let with = |last: &'static str| reset.iter().copied().chain([last]).collect::<Vec<&str>>();
    let runner = || {
        FakeRunner::default()
            .answer(TOOL, &["--describe", "--group", "grp1", "--state"], &grp1_state(), "", 0)
            .answer(TOOL, &["--describe", "--group", "grp1"], &grp1_offsets(), "", 0)
            .answer(TOOL, &with("--dry-run"), plan, "", 0)
            .answer(TOOL, &with("--execute"), plan, "", 0)
    };
    let args = ["groups", "reset-offsets", "grp1", "--topic", "orders", "--to-earliest"];
    let (client, tools) = both_routes(&args, runner()).await;
    let expected = json!({"group": "grp1", "executed": false, "plan": [
        {"topic": "orders", "partition": 0, "current": 10, "target": 0},
        {"topic": "orders", "partition": 1, "current": null, "target": 3},
    ]});
    assert_eq!((client.ok(), tools.ok()), (&expected, &expected));
    assert!(client.kafka.state().changes.is_empty(), "a plan changes nothing");
    assert!(!tools.tools.iter().any(|(_, a)| a.contains(&"--execute".to_string())));

    let mut execute = args.to_vec();
    execute.push("--execute");
    let (client, tools) = both_routes(&execute, runner()).await;
    assert_eq!(client.ok()["executed"], true);
    assert_eq!(tools.ok(), client.ok());
    assert_eq!(
        client.kafka.state().groups["grp1"].committed,
        BTreeMap::from([(("orders".to_string(), 0), 0), (("orders".to_string(), 1), 3)])
    );
    assert!(tools.tools.iter().any(|(_, a)| a.ends_with(&["--execute".to_string()])));
}

#[tokio::test]
async fn a_group_with_members_is_neither_reset_nor_deleted_on_either_route() {
    let runner =
        || FakeRunner::default().answer(TOOL, &["--describe", "--group", "live", "--state"], &live_state(), "", 0);
    for args in [
        &["groups", "reset-offsets", "live", "--topic", "orders", "--to-latest", "--execute"][..],
        &["groups", "delete", "live", "--yes"][..],
    ] {
        let (client, tools) = both_routes(args, runner()).await;
        for ran in [&client, &tools] {
            assert_eq!(ran.code(), Some(ExitCode::Failure), "{}", ran.message());
            assert!(ran.message().contains("group live is Stable with 2 members"), "{}", ran.message());
            assert_eq!(ran.doc, Value::Null);
        }
        assert!(client.kafka.state().changes.is_empty());
        assert_eq!(tools.tools.len(), 1, "only the state was asked: {:?}", tools.tools);
    }
}

#[tokio::test]
async fn groups_delete_deletes_an_empty_group_alike_on_both_routes() {
    let runner = || {
        FakeRunner::default().answer(TOOL, &["--describe", "--group", "grp1", "--state"], &grp1_state(), "", 0).answer(
            TOOL,
            &["--delete", "--group", "grp1"],
            "Deletion of requested consumer groups ('grp1') was successful.\n",
            "",
            0,
        )
    };
    let (client, tools) = both_routes(&["groups", "delete", "grp1", "--dry-run"], runner()).await;
    let would = json!({"changes": [{"object": "group/grp1", "result": "deleted", "dryRun": true}]});
    assert_eq!((client.ok(), tools.ok()), (&would, &would));
    assert!(client.kafka.state().groups.contains_key("grp1"));
    assert!(!tools.tools.iter().any(|(_, a)| a.contains(&"--delete".to_string())));

    let (client, tools) = both_routes(&["groups", "delete", "grp1", "--yes"], runner()).await;
    let done = json!({"changes": [{"object": "group/grp1", "result": "deleted", "dryRun": false}]});
    assert_eq!((client.ok(), tools.ok()), (&done, &done));
    assert!(!client.kafka.state().groups.contains_key("grp1"));
}
