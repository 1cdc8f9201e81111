//! The rollout family and the Kafka-side operations around it: history, rollout-status,
//! restart, scale, rollback, upgrade, move, elect-leaders, rebalance. Dry runs read the mock
//! API (any write would be a 403 and fail the test); their safety checks read the fake Kafka.

use serde_json::{Value, json};

use super::*;
use crate::exit::ExitCode;

const NODES: Access = Access { cluster_scoped: true };

#[tokio::test]
async fn history_is_the_same_on_both_routes_and_names_each_revisions_change() {
    let (client, tools) = both_routes(&["history", "kafka-2"], FakeRunner::default()).await;
    let doc = client.ok();
    assert_eq!(tools.ok(), doc, "history reads Kubernetes alone");
    let revisions = doc["brokers"][0]["revisions"].as_array().unwrap();
    assert_eq!(revisions.len(), 2);
    assert_eq!((revisions[0]["revision"].as_i64(), revisions[0]["current"].as_bool()), (Some(1), Some(false)));
    assert_eq!(revisions[0]["images"], json!(["apache/kafka:3.7.0"]));
    assert_eq!(revisions[1]["changes"], json!(["image apache/kafka:3.7.0 -> apache/kafka:3.7.1"]));
    assert_eq!(revisions[1]["current"], true);
}

#[tokio::test]
async fn rollout_status_claims_in_sync_from_kafka_and_names_the_broker_that_is_not() {
    let ran = run_json(&["rollout-status", "kafka-1", "--timeout", "5s"], FakeRunner::default()).await;
    assert_eq!(ran.ok(), &json!({"brokers": [{"broker": "kafka-1", "state": "inSync"}]}));
    // kafka-3's pod is in CrashLoopBackOff: the document says so, then exit 7.
    let ran = run_json(&["rollout-status", "kafka-3", "--timeout", "1s"], FakeRunner::default()).await;
    assert_eq!(ran.code(), Some(ExitCode::NotReady), "{}", ran.message());
    assert_eq!(ran.doc["brokers"][0]["broker"], "kafka-3");
    assert_eq!(ran.doc["brokers"][0]["state"], "notReady");
    assert!(ran.doc["brokers"][0]["reason"].is_string(), "{}", ran.doc);
    refused_over_the_tools_route(
        &run_json(&["--via", "exec", "rollout-status", "kafka-1"], FakeRunner::default()).await,
        "rollout-status",
    );
}

#[tokio::test]
async fn restart_dry_run_orders_the_brokers_and_says_what_each_check_would_do() {
    let ran = run_json(&["restart", "--dry-run"], FakeRunner::default()).await;
    let doc = ran.ok();
    assert_eq!(doc["dryRun"], true);
    let plan = doc["plan"].as_array().unwrap();
    let order: Vec<&str> = plan.iter().map(|p| p["broker"].as_str().unwrap()).collect();
    assert_eq!(order, ["kafka-3", "kafka-2", "kafka-1"], "the broken broker first, the active controller last");
    assert_eq!(plan[0]["check"], "ok");
    // orders/1 has ISR [2, 1] with min.insync.replicas 2; voter 3 is not caught up.
    let check = plan[2]["check"].as_str().unwrap();
    assert!(check.starts_with("would refuse: orders/1 would fall below min.insync.replicas 2"), "{check}");
    assert!(check.contains("the quorum needs 2"), "{check}");
    assert!(
        plan[2]["patch"]["spec"]["template"]["metadata"]["annotations"]["kubectl.kubernetes.io/restartedAt"]
            .is_string()
    );
    assert!(ran.changed_nothing_in_kubernetes(), "{:?}", ran.asked);
    assert!(ran.kafka.state().changes.is_empty());
    refused_over_the_tools_route(
        &run_json(&["--via", "exec", "restart", "--dry-run"], FakeRunner::default()).await,
        "restart (its safety checks)",
    );
}

#[tokio::test]
async fn scale_one_broker_dry_run_is_the_same_on_both_routes() {
    let (client, tools) =
        both_routes(&["scale", "kafka-1", "--replicas", "0", "--dry-run"], FakeRunner::default()).await;
    let expected = json!({"changes": [{"object": "deployment.apps/kafka-1", "result": "scaled", "dryRun": true,
        "detail": {"replicas": 0, "nodeId": 1, "patch": {"spec": {"replicas": 0}}}}]});
    assert_eq!((client.ok(), tools.ok()), (&expected, &expected));
    let same = run_json(&["scale", "kafka-1", "--replicas", "1", "--dry-run"], FakeRunner::default()).await;
    assert_eq!(same.ok()["changes"][0]["result"], "unchanged");
    assert!(client.changed_nothing_in_kubernetes() && same.changed_nothing_in_kubernetes());
}

#[tokio::test]
async fn scale_the_cluster_dry_run_shows_the_new_brokers_objects_and_refuses_to_drop_a_voter() {
    let ran = run_json(&["scale", "--brokers", "4", "--dry-run"], FakeRunner::default()).await;
    let change = &ran.ok()["changes"][0];
    assert_eq!((change["object"].as_str(), change["dryRun"].as_bool()), (Some("cluster"), Some(true)));
    assert_eq!(change["detail"]["added"], json!([4]));
    let objects = change["detail"]["objects"].as_array().unwrap();
    let kinds: Vec<(&str, &str)> =
        objects.iter().map(|o| (o["kind"].as_str().unwrap(), o["metadata"]["name"].as_str().unwrap())).collect();
    assert_eq!(kinds, [("PersistentVolumeClaim", "kafka-pvc-4"), ("Service", "kafka-4"), ("Deployment", "kafka-4")]);
    let env = &objects[2]["spec"]["template"]["spec"]["containers"][0]["env"];
    let var = |name: &str| env.as_array().unwrap().iter().find(|e| e["name"] == name).map(|e| e["value"].clone());
    assert_eq!(var("KAFKA_NODE_ID"), Some(json!("4")));
    assert_eq!(var("KAFKA_PROCESS_ROLES"), Some(json!("broker")), "a broker-only node: it can be removed again");
    assert!(ran.changed_nothing_in_kubernetes(), "{:?}", ran.asked);

    let shrink = run_json(&["scale", "--brokers", "2", "--dry-run"], FakeRunner::default()).await;
    assert_eq!(shrink.code(), Some(ExitCode::Refused), "{}", shrink.message());
    assert!(shrink.message().contains("kafka-3 (node id 3) is a controller quorum voter"), "{}", shrink.message());
    refused_over_the_tools_route(
        &run_json(&["--via", "exec", "scale", "--brokers", "4", "--dry-run"], FakeRunner::default()).await,
        "scale --brokers",
    );
}

#[tokio::test]
async fn scale_the_cluster_onto_a_chosen_node_pins_the_new_brokers_there() {
    let args = ["scale", "--brokers", "4", "--node", "worker2", "--dry-run"];
    let ran = run_as(&args, FakeRunner::default(), NODES).await;
    let deployment = &ran.ok()["changes"][0]["detail"]["objects"][2];
    let terms = &deployment["spec"]["template"]["spec"]["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]
        ["nodeSelectorTerms"];
    assert_eq!(
        terms[0]["matchExpressions"],
        json!([{"key": "kubernetes.io/hostname", "operator": "In", "values": ["worker2"]}]),
        "worker2 in place of the template's worker1: {terms}"
    );
    assert!(ran.changed_nothing_in_kubernetes());
    let missing =
        run_as(&["scale", "--brokers", "4", "--node", "worker9", "--dry-run"], FakeRunner::default(), NODES).await;
    assert_eq!(missing.code(), Some(ExitCode::NotFound), "{}", missing.message());
    assert!(missing.message().contains("node worker9 does not exist"), "{}", missing.message());
    let unreadable = run_json(&args, FakeRunner::default()).await;
    assert_eq!(unreadable.code(), Some(ExitCode::Forbidden), "{}", unreadable.message());
}

#[tokio::test]
async fn rollback_dry_run_shows_the_revision_and_the_patch() {
    let ran = run_json(&["rollback", "kafka-2", "--dry-run"], FakeRunner::default()).await;
    let change = &ran.ok()["changes"][0];
    assert_eq!(
        (change["object"].as_str(), change["result"].as_str()),
        (Some("deployment.apps/kafka-2"), Some("rolledBack"))
    );
    assert_eq!((change["dryRun"].as_bool(), change["detail"]["toRevision"].as_i64()), (Some(true), Some(1)));
    let patch = &change["detail"]["patch"][0];
    assert_eq!((patch["op"].as_str(), patch["path"].as_str()), (Some("replace"), Some("/spec/template")));
    assert_eq!(patch["value"]["spec"]["containers"][0]["image"], "apache/kafka:3.7.0");
    assert!(ran.changed_nothing_in_kubernetes(), "{:?}", ran.asked);
    // kafka-1 has one revision: nothing to go back to, exit 6.
    let none = run_json(&["rollback", "kafka-1", "--dry-run"], FakeRunner::default()).await;
    assert_eq!(none.code(), Some(ExitCode::NotFound), "{}", none.message());
    refused_over_the_tools_route(
        &run_json(&["--via", "exec", "rollback", "kafka-2", "--dry-run"], FakeRunner::default()).await,
        "rollback (its safety checks)",
    );
}

#[tokio::test]
async fn upgrade_dry_run_plans_from_what_each_broker_runs_and_finalize_waits_for_health() {
    let ran = run_json(&["upgrade", "--version", "3.8.1", "--dry-run"], FakeRunner::default()).await;
    let doc = ran.ok();
    assert_eq!(doc["target"], json!({"image": "apache/kafka:3.8.1", "version": "3.8.1"}));
    assert_eq!(doc["order"], json!(["kafka-3", "kafka-2", "kafka-1"]));
    let first = &doc["brokers"][0];
    assert_eq!((first["runs"].as_str(), first["action"].as_str()), (Some("3.7"), Some("upgrade")));
    assert!(first["check"].as_str().unwrap().starts_with("would wait"), "{first}");
    assert!(ran.changed_nothing_in_kubernetes());
    // Finalizing claims the cluster healthy: one partition under-replicated and voter 3
    // behind, so it is refused (exit 9) and nothing is sent.
    let finalize = run_json(&["upgrade", "--finalize", "--dry-run"], FakeRunner::default()).await;
    assert_eq!(finalize.code(), Some(ExitCode::Refused), "{}", finalize.message());
    assert!(finalize.message().contains("1 partitions are under-replicated"), "{}", finalize.message());
    refused_over_the_tools_route(
        &run_json(&["--via", "exec", "upgrade", "--version", "3.8.1", "--dry-run"], FakeRunner::default()).await,
        "upgrade (its checks and each broker's version)",
    );
}

#[tokio::test]
async fn move_reads_nodes_and_volumes_and_refuses_a_controller_on_a_node_local_volume() {
    let ran = run_as(&["move", "kafka-1", "--to-node", "worker2", "--dry-run"], FakeRunner::default(), NODES).await;
    assert_eq!(ran.code(), Some(ExitCode::Refused), "{}", ran.message());
    assert!(ran.message().contains("claim kafka-pvc-1 cannot follow it there"), "{}", ran.message());
    assert!(ran.message().contains("KIP-853"), "{}", ran.message());
    assert!(ran.changed_nothing_in_kubernetes(), "{:?}", ran.asked);
    let unknown = run_as(&["move", "kafka-1", "--to-node", "worker9", "--dry-run"], FakeRunner::default(), NODES).await;
    assert_eq!(unknown.code(), Some(ExitCode::NotFound), "{}", unknown.message());
    // Without the placement ClusterRole: exit 5, naming what it may not read.
    let namespaced = run_json(&["move", "kafka-1", "--to-node", "worker2", "--dry-run"], FakeRunner::default()).await;
    assert_eq!(namespaced.code(), Some(ExitCode::Forbidden), "{}", namespaced.message());
    assert!(namespaced.message().contains("cannot list nodes"), "{}", namespaced.message());
}

/// orders/1's leader moved to broker 1, off its preferred replica 2.
fn leader_off_preferred(state: &mut State) {
    state.topics.get_mut("orders").unwrap().partitions[1].leader = 1;
}

#[tokio::test]
async fn elect_leaders_moves_leadership_back_to_the_preferred_replica() {
    let dry = run_after(&["elect-leaders", "--dry-run"], Access::default(), leader_off_preferred).await;
    let doc = dry.ok();
    assert_eq!(doc["dryRun"], true);
    assert_eq!(doc["wouldElect"].as_array().map(Vec::len), Some(1), "{doc}");
    assert_eq!(dry.kafka.state().topics["orders"].partitions[1].leader, 1, "a dry run elects nothing");
    let ran = run_after(&["elect-leaders"], Access::default(), leader_off_preferred).await;
    assert_eq!(ran.ok()["elected"].as_array().map(Vec::len), Some(1), "{}", ran.doc);
    assert_eq!(ran.kafka.state().topics["orders"].partitions[1].leader, 2);
    assert_eq!(ran.kafka.state().changes, ["ElectLeaders orders:1"]);
    refused_over_the_tools_route(
        &run_json(&["--via", "exec", "elect-leaders", "--dry-run"], FakeRunner::default()).await,
        "elect-leaders",
    );
}

/// A topic whose replicas all sit on brokers 1 and 2.
fn lopsided(state: &mut State) {
    let mut topic = state.topics["orders"].clone();
    for p in &mut topic.partitions {
        p.replicas = vec![1, 2];
        p.isr = vec![1, 2];
        p.leader = 1;
    }
    topic.partitions.extend(topic.partitions.clone());
    topic.id = uuid::Uuid::from_u128(0xa0d17);
    state.topics.insert("audit".into(), topic);
}

#[tokio::test]
async fn rebalance_plans_moves_onto_the_idle_broker_and_changes_nothing_without_execute() {
    let ran = run_after(&["rebalance", "--topic", "audit"], Access::default(), lopsided).await;
    let doc = ran.ok();
    assert_eq!(doc["executed"], false);
    let moves = doc["moves"].as_array().unwrap();
    assert!(!moves.is_empty(), "{doc}");
    let broker3 = doc["brokers"].as_array().unwrap().iter().find(|b| b["broker"] == 3).unwrap();
    assert!(broker3["replicasAfter"].as_i64() > broker3["replicasBefore"].as_i64(), "{broker3}");
    assert!(ran.kafka.state().changes.is_empty());
    let cancel = run_json(&["rebalance", "cancel", "--dry-run"], FakeRunner::default()).await;
    assert_eq!(cancel.ok(), &json!({"changes": []}), "nothing in progress");
    refused_over_the_tools_route(&run_json(&["--via", "exec", "rebalance"], FakeRunner::default()).await, "rebalance");
}

#[tokio::test]
async fn the_completion_and_man_commands_need_no_cluster() {
    let ran = run_text(&["completion", "bash"], FakeRunner::default()).await;
    ran.outcome.as_ref().unwrap();
    assert!(ran.text.contains("kubectl-kafka"), "a bash completion script");
    assert!(ran.asked.is_empty(), "{:?}", ran.asked);
    let man = run_text(&["man"], FakeRunner::default()).await;
    man.outcome.as_ref().unwrap();
    assert!(man.text.contains(".TH"), "a man page");
    let _ = Value::Null;
}
