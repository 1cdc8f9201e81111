//! `kubectl kafka status` and `version` against the bed (issue 3).

use crate::bed::*;

#[test]
fn status_lists_the_three_brokers() {
    let _bed = shared();
    wait_bed_ready();
    let out = plugin(&["-n", "kafka", "status"]).ok();
    let lines: Vec<Vec<&str>> = out.stdout.lines().map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(
        lines[0],
        ["NAME", "NODE-ID", "ROLES", "READY", "STATUS", "RESTARTS", "AGE", "NODE", "CONTROLLER", "LEADS", "URP"]
    );
    assert_eq!(lines.len(), 4, "{}", out.stdout);
    for (i, row) in lines[1..].iter().enumerate() {
        let n = i + 1;
        assert_eq!(row[0], format!("kafka-{n}"));
        assert_eq!(row[1], n.to_string());
        assert_eq!(row[2], "broker,controller");
        assert_eq!(row[3], "1/1");
        assert_eq!(row[4], "Running");
        assert_eq!(row[7], "worker1");
        assert!(row[8] == "yes" || row[8] == "-", "controller column: {row:?}");
        assert!(row[9].parse::<usize>().is_ok(), "partitions led: {row:?}");
    }
    assert_eq!(lines[1..].iter().filter(|r| r[8] == "yes").count(), 1, "one active controller");
    assert!(out.stderr.is_empty(), "stderr: {}", out.stderr);
}

#[test]
fn status_wide_shows_advertised_listener_and_pvc() {
    let _bed = shared();
    wait_bed_ready();
    let out = plugin(&["-n", "kafka", "status", "-o", "wide"]).ok();
    let header: Vec<&str> = out.stdout.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(&header[11..], ["IMAGE", "KAFKA", "ADVERTISED", "PVC", "VOLUME", "POD"]);
    for n in 1..=3 {
        let row = out.stdout.lines().find(|l| l.starts_with(&format!("kafka-{n} "))).unwrap();
        let cells: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(cells[11], "apache/kafka:3.7.1");
        // The release the broker itself says it runs (its highest metadata.version: 3.7-IV4).
        assert_eq!(cells[12], "3.7");
        assert_eq!(cells[13], format!("kafka-{n}:9092"));
        assert_eq!(cells[14], format!("kafka-pvc-{n}"));
        // The guide's volumes are pinned to worker1 by their PVs' node affinity.
        assert_eq!(cells[15], "local:worker1");
        assert_eq!(cells[16], pod_of(n as u32));
    }
}

#[test]
fn status_json_carries_the_same_facts() {
    let _bed = shared();
    wait_bed_ready();
    let out = plugin(&["-n", "kafka", "status", "-o", "json"]).ok();
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("valid JSON");
    assert_eq!(doc["namespace"], "kafka");
    assert_eq!(doc["selector"], "app=kafka");
    let brokers = doc["brokers"].as_array().unwrap();
    assert_eq!(brokers.len(), 3);
    for (i, b) in brokers.iter().enumerate() {
        let n = i as i64 + 1;
        assert_eq!(b["name"], format!("kafka-{n}"));
        assert_eq!(b["nodeId"], n);
        assert_eq!(b["roles"], serde_json::json!(["broker", "controller"]));
        assert_eq!(b["ready"], true);
        assert_eq!(b["node"], "worker1");
        assert_eq!(b["advertised"], serde_json::json!([format!("kafka-{n}:9092")]));
        assert_eq!(b["pvcs"], serde_json::json!([format!("kafka-pvc-{n}")]));
        assert_eq!(b["volumeLocality"], "local:worker1");
    }
    let yaml = plugin(&["-n", "kafka", "status", "-o", "yaml"]).ok();
    assert!(yaml.stdout.contains("nodeId: 2"), "{}", yaml.stdout);
}

#[test]
fn a_broker_is_named_by_deployment_instance_or_node_id() {
    let _bed = shared();
    wait_bed_ready();
    for name in ["kafka-2", "2"] {
        let out = plugin(&["-n", "kafka", "status", name, "-o", "json"]).ok();
        let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(doc["brokers"].as_array().unwrap().len(), 1);
        assert_eq!(doc["brokers"][0]["nodeId"], 2);
    }
    let out = plugin(&["-n", "kafka", "status", "7"]);
    assert_eq!(out.code, 6);
    assert!(out.stderr.contains("no broker named \"7\" in namespace kafka"), "{}", out.stderr);
    assert!(out.stderr.contains("kafka-1 (node 1)"), "{}", out.stderr);
}

#[test]
fn namespace_comes_from_the_context_when_not_given() {
    let _bed = shared();
    wait_bed_ready();
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config");
    std::fs::copy(kubeconfig(), &cfg).unwrap();
    let set = std::process::Command::new(kubectl_bin())
        .args(["--kubeconfig", cfg.to_str().unwrap(), "config", "set-context", "--current", "--namespace", "kafka"])
        .output()
        .unwrap();
    assert!(set.status.success());
    let out = plugin_with(&["status", "-o", "json"], &[("KUBECONFIG", cfg.to_str().unwrap())]).ok();
    assert!(out.stdout.contains("\"namespace\": \"kafka\""));
}

#[test]
fn version_reports_plugin_and_server() {
    let _bed = shared();
    let out = plugin(&["version"]).ok();
    assert!(out.stdout.starts_with(&format!("kubectl-kafka: v{}", env!("CARGO_PKG_VERSION"))), "{}", out.stdout);
    assert!(out.stdout.contains("Kubernetes server: v1.36.3"), "{}", out.stdout);
    let json = plugin(&["version", "-o", "json"]).ok();
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(doc["server"]["gitVersion"], "v1.36.3");
    // Unreachable server: the plugin's version still prints, with a warning, exit 0.
    let out = plugin_with(&["version", "--request-timeout", "2s"], &[("KUBECONFIG", "/nonexistent/kubeconfig")]).ok();
    assert!(out.stdout.starts_with("kubectl-kafka: v"));
    assert!(out.stderr.contains("warning: Kubernetes server version unknown"), "{}", out.stderr);
}
