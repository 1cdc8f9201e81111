//! Each failure has its own message, a hint, and a documented exit code (issue 3). Broken
//! kubeconfigs are made on purpose; RBAC is the bed's real authorizer.

use crate::bed::*;

#[track_caller]
fn assert_failure(run: &Run, code: i32, message: &str, hint: &str) {
    assert_eq!(run.code, code, "{run:?}");
    assert!(run.stdout.is_empty(), "stdout carries data only: {}", run.stdout);
    assert!(run.stderr.contains(message), "message {message:?} not in:\n{}", run.stderr);
    let hint_line =
        run.stderr.lines().find(|l| l.starts_with("hint: ")).unwrap_or_else(|| panic!("no hint in:\n{}", run.stderr));
    assert!(hint_line.contains(hint), "hint {hint:?} not in {hint_line:?}");
}

#[test]
fn no_brokers_match_names_namespace_and_selector() {
    let _bed = shared();
    let run = plugin(&["-n", "default", "status"]);
    assert_failure(&run, 6, "no Kafka brokers match selector app=kafka in namespace default", "pass -n NAMESPACE");
    let run = plugin(&["-n", "kafka", "-l", "app=redpanda", "status"]);
    assert_failure(&run, 6, "no Kafka brokers match selector app=redpanda in namespace kafka", "-l SELECTOR");
}

#[test]
fn a_bad_selector_is_a_usage_error() {
    let _bed = shared();
    let run = plugin(&["-n", "kafka", "-l", "app in kafka", "status"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("invalid label selector"), "{}", run.stderr);
}

#[test]
fn missing_kubeconfig() {
    let run = plugin(&["--kubeconfig", "/nonexistent/kubeconfig", "status"]);
    assert_failure(&run, 3, "read kubeconfig /nonexistent/kubeconfig", "pass --kubeconfig PATH or set KUBECONFIG");
    let run = plugin_with(&["status"], &[("KUBECONFIG", "/nonexistent/kc")]);
    assert_failure(&run, 3, "read kubeconfig /nonexistent/kc", "set KUBECONFIG");
}

#[test]
fn unreadable_kubeconfig() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = dir.path().join("garbage");
    std::fs::write(&garbage, "clusters: [this is: not: a kubeconfig\n").unwrap();
    let run = plugin(&["--kubeconfig", garbage.to_str().unwrap(), "status"]);
    assert_failure(&run, 3, &format!("kubeconfig {}", garbage.display()), "kubectl config view");
}

#[test]
fn unknown_context() {
    let _bed = shared();
    let run = plugin(&["--context", "no-such-context", "status"]);
    assert_failure(&run, 3, "context \"no-such-context\" not found in kubeconfig", "kubectl config get-contexts");
}

#[test]
fn api_server_unreachable() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config");
    let text = std::fs::read_to_string(kubeconfig()).unwrap();
    let server_line = text.lines().find(|l| l.trim_start().starts_with("server:")).unwrap();
    std::fs::write(&cfg, text.replace(server_line, "    server: https://127.0.0.1:1")).unwrap();
    let run = plugin(&["--kubeconfig", cfg.to_str().unwrap(), "-n", "kafka", "status"]);
    assert_failure(&run, 4, "cannot reach the Kubernetes API server at https://127.0.0.1:1", "kubectl cluster-info");
}

/// A kubeconfig for a service account of the bed that may list pods and nothing else.
fn pods_only_kubeconfig(dir: &std::path::Path) -> std::path::PathBuf {
    let _ = kubectl(&["-n", "kafka", "create", "role", "pods-only", "--verb=get,list", "--resource=pods"]);
    service_account_kubeconfig(dir, "pods-only", "pods-only")
}

/// A kubeconfig for service account `account` of namespace kafka, bound to Role `role`.
fn service_account_kubeconfig(dir: &std::path::Path, account: &str, role: &str) -> std::path::PathBuf {
    service_account_kubeconfig_in(dir, "kafka", account, role)
}

/// A kubeconfig for a new service account in `namespace`, bound to `role` there.
fn service_account_kubeconfig_in(
    dir: &std::path::Path,
    namespace: &str,
    account: &str,
    role: &str,
) -> std::path::PathBuf {
    let ns = ["-n", namespace];
    let _ = kubectl(&[ns[0], ns[1], "create", "serviceaccount", account]);
    let _ = kubectl(&[
        ns[0],
        ns[1],
        "create",
        "rolebinding",
        account,
        &format!("--role={role}"),
        &format!("--serviceaccount={namespace}:{account}"),
    ]);
    let token = kubectl(&[ns[0], ns[1], "create", "token", account]).ok().stdout.trim().to_string();
    let cfg = dir.join(account);
    std::fs::copy(kubeconfig(), &cfg).unwrap();
    let path = cfg.to_str().unwrap();
    let set = |args: &[&str]| {
        let out = std::process::Command::new(kubectl_bin()).arg("--kubeconfig").arg(path).args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };
    set(&["config", "set-credentials", account, &format!("--token={token}")]);
    let cluster = kubectl(&["config", "view", "--minify", "-o", "jsonpath={.clusters[0].name}"]).ok().stdout;
    set(&[
        "config",
        "set-context",
        account,
        &format!("--cluster={cluster}"),
        &format!("--user={account}"),
        &format!("--namespace={namespace}"),
    ]);
    set(&["config", "use-context", account]);
    cfg
}

#[test]
fn forbidden_names_verb_and_resource() {
    let _bed = shared();
    let dir = tempfile::tempdir().unwrap();
    let cfg = pods_only_kubeconfig(dir.path());
    let run = plugin(&["--kubeconfig", cfg.to_str().unwrap(), "status"]);
    assert_failure(
        &run,
        5,
        "forbidden: cannot list deployments.apps in namespace kafka",
        "your user needs RBAC permission to list deployments.apps in namespace kafka",
    );
}

#[test]
fn the_shipped_role_runs_the_kafka_side_and_a_missing_portforward_is_named() {
    let _bed = shared();
    wait_bed_ready();
    // deploy/rbac.yaml's Role, bound to a service account (its RoleBinding names a group).
    let role = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/deploy/rbac.yaml")).unwrap();
    let role_only = role.split("\n---\n").next().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("role.yaml");
    std::fs::write(&file, role_only).unwrap();
    kubectl(&["apply", "-f", file.to_str().unwrap()]).ok();
    let cfg = service_account_kubeconfig(dir.path(), "kafka-operator", "kubectl-kafka");
    let cfg = cfg.to_str().unwrap();
    // Every read command, and the dry runs of the changing ones, on both routes. `health` and
    // `doctor` may find what other tests leave for a moment (exit 8): the Role let them look.
    let commands: [&[&str]; 20] = [
        &["topics", "list"],
        &["status"],
        &["status", "-o", "wide"],
        &["version"],
        &["health"],
        &["quorum"],
        &["disk"],
        &["doctor"],
        &["groups", "list"],
        &["history"],
        &["rollout-status", "--timeout", "30s"],
        &["rebalance"],
        &["restart", "--dry-run"],
        &["scale", "--brokers", "4", "--dry-run"],
        &["elect-leaders", "--dry-run"],
        &["upgrade", "--version", "3.9.1", "--dry-run"],
        &["--via", "exec", "topics", "list"],
        &["--via", "exec", "status"],
        &["--via", "exec", "quorum"],
        &["--via", "exec", "groups", "list"],
    ];
    for args in commands {
        let mut all = vec!["--kubeconfig", cfg];
        all.extend_from_slice(args);
        let run = plugin(&all);
        let may_find = matches!(args.first(), Some(&"health" | &"doctor")) && run.code == 8;
        assert!(run.code == 0 || may_find, "{args:?} with the shipped Role: {run:?}");
    }
    // The changing commands for real, on both routes: the Role lets them change topics,
    // records and groups. (Restarts, scaling and moves patch Deployments: their own bed tests
    // run them on clusters of their own.)
    let pid = std::process::id();
    for (route, topic) in [(&[][..], format!("role-{pid}")), (&["--via", "exec"][..], format!("role-exec-{pid}"))] {
        let group = format!("{topic}-group");
        let run = |args: &[&str], input: Option<&[u8]>| {
            let mut all = vec!["--kubeconfig", cfg];
            all.extend_from_slice(route);
            all.extend_from_slice(args);
            let run = match input {
                Some(bytes) => plugin_stdin(&all, bytes),
                None => plugin(&all),
            };
            assert_eq!(run.code, 0, "{all:?} with the shipped Role: {run:?}");
            run
        };
        run(&["topics", "create", &topic, "-p", "1", "-r", "3"], None);
        run(&["produce", &topic], Some(b"one\ntwo\n"));
        let read = run(&["consume", &topic, "--from-beginning", "-m", "2"], None);
        assert_eq!(read.stdout.lines().collect::<Vec<_>>(), ["one", "two"], "{read:?}");
        run(&["topics", "alter-config", &topic, "--set", "retention.ms=3600000"], None);
        run(&["groups", "reset-offsets", &group, "--topic", &topic, "--to-latest", "--execute"], None);
        let described = run(&["groups", "describe", &group, "-o", "json"], None);
        let doc: serde_json::Value = serde_json::from_str(&described.stdout).unwrap();
        assert_eq!(doc["offsets"][0]["committed"], 2, "{doc}");
        run(&["groups", "delete", &group, "--yes"], None);
        // Over a client: add partitions and delete; the tools route refuses both (exit 2),
        // so the topic made over exec is deleted over the client route.
        let client = |args: &[&str]| {
            let mut all = vec!["--kubeconfig", cfg];
            all.extend_from_slice(args);
            let run = plugin(&all);
            assert_eq!(run.code, 0, "{all:?} with the shipped Role: {run:?}");
        };
        client(&["topics", "add-partitions", &topic, "--to", "2"]);
        client(&["topics", "delete", &topic, "--yes"]);
    }
    // The Role alone cannot read nodes or volumes: status leaves where volumes attach unknown,
    // and move names what it lacks.
    let status = plugin(&["--kubeconfig", cfg, "status", "-o", "json"]).ok();
    let doc: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    assert!(doc["brokers"][0]["volumeLocality"].is_null(), "{doc}");
    let mv = plugin(&["--kubeconfig", cfg, "move", "kafka-3", "--to-node", "worker2", "--dry-run"]);
    assert_eq!(mv.code, 5, "{mv:?}");
    assert!(mv.stderr.contains("cannot list nodes"), "{}", mv.stderr);
    // With the shipped ClusterRole bound as well, move reads everything it needs (and refuses
    // this broker for its node-local volume, exit 9), and status shows where volumes attach.
    let cluster_role = role.split("\n---\n").find(|d| d.contains("kind: ClusterRole\n")).unwrap();
    let file = dir.path().join("cluster-role.yaml");
    std::fs::write(&file, cluster_role).unwrap();
    kubectl(&["apply", "-f", file.to_str().unwrap()]).ok();
    let _ = kubectl(&[
        "create",
        "clusterrolebinding",
        "kafka-operator-placement",
        "--clusterrole=kubectl-kafka-placement",
        "--serviceaccount=kafka:kafka-operator",
    ]);
    let mv = plugin(&["--kubeconfig", cfg, "move", "kafka-3", "--to-node", "worker2", "--dry-run"]);
    let status = plugin(&["--kubeconfig", cfg, "status", "-o", "json"]);
    let _ = kubectl(&["delete", "clusterrolebinding", "kafka-operator-placement"]);
    assert_eq!(mv.code, 9, "{mv:?}");
    assert!(mv.stderr.contains("KRaft controller"), "{}", mv.stderr);
    let doc: serde_json::Value = serde_json::from_str(&status.ok().stdout).unwrap();
    assert_eq!(doc["brokers"][0]["volumeLocality"], "local:worker1");
    // Without pods/portforward: exit 5 naming it, not a transport failure.
    let _ = kubectl(&[
        "-n",
        "kafka",
        "create",
        "role",
        "no-portforward",
        "--verb=get,list,watch",
        "--resource=pods,deployments.apps,replicasets.apps,statefulsets.apps,services,persistentvolumeclaims",
    ]);
    let cfg = service_account_kubeconfig(dir.path(), "no-portforward", "no-portforward");
    let run = plugin(&["--kubeconfig", cfg.to_str().unwrap(), "topics", "list"]);
    assert_failure(
        &run,
        5,
        "forbidden: cannot get pods/portforward in namespace kafka",
        "your user needs RBAC permission to get and create pods/portforward in namespace kafka",
    );
}

#[test]
fn the_shipped_role_restarts_scales_and_rolls_back_for_real() {
    // Its own cluster: these commands stop brokers, which the shared bed's other tests must
    // not see. The shipped Role, bound in that namespace, is all the service account has.
    let _bed = shared();
    wait_bed_ready();
    let namespace = "kafka-role";
    let cluster = crate::own_cluster::Cluster::create(namespace, "3.7.1");
    let role = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/deploy/rbac.yaml")).unwrap();
    let role_only =
        role.split("\n---\n").next().unwrap().replace("namespace: kafka\n", &format!("namespace: {namespace}\n"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("role.yaml");
    std::fs::write(&file, role_only).unwrap();
    kubectl(&["apply", "-f", file.to_str().unwrap()]).ok();
    let cfg = service_account_kubeconfig_in(dir.path(), namespace, "kafka-operator", "kubectl-kafka");
    let cfg = cfg.to_str().unwrap();
    let run = |args: &[&str]| {
        let mut all = vec!["--kubeconfig", cfg];
        all.extend_from_slice(args);
        let run = plugin(&all);
        assert_eq!(run.code, 0, "{args:?} with the shipped Role: {run:?}");
        run
    };
    run(&["restart", "kafka-2", "--timeout", "5m"]);
    let history = crate::own_cluster::json(run(&["history", "kafka-2", "-o", "json"]));
    assert_eq!(history["brokers"][0]["revisions"].as_array().map(Vec::len), Some(2), "{history}");
    let rolled = crate::own_cluster::json(run(&["rollback", "kafka-2", "--timeout", "5m", "-o", "json"]));
    assert_eq!(rolled["changes"][0]["result"], "rolledBack", "{rolled}");
    let stopped =
        crate::own_cluster::json(run(&["scale", "kafka-3", "--replicas", "0", "--timeout", "5m", "-o", "json"]));
    assert_eq!(stopped["changes"][0]["detail"]["replicas"], 0, "{stopped}");
    run(&["scale", "kafka-3", "--replicas", "1", "--timeout", "5m"]);
    let rolled_out = crate::own_cluster::json(run(&["rollout-status", "--timeout", "5m", "-o", "json"]));
    let states: Vec<&str> =
        rolled_out["brokers"].as_array().unwrap().iter().map(|b| b["state"].as_str().unwrap()).collect();
    assert_eq!(states, ["inSync", "inSync", "inSync"], "{rolled_out}");
    // Growing creates a Deployment, Service and claim; shrinking drains, unregisters and
    // deletes them: the Role allows each. Without `create services` (the Role before this
    // change) it is refused before the first object is made.
    cluster.offer_volume("4", "kafka-pvc-4", None);
    let narrower = std::fs::read_to_string(&file)
        .unwrap()
        .replace("resources: [\"persistentvolumeclaims\", \"services\"]", "resources: [\"persistentvolumeclaims\"]");
    assert!(!narrower.contains("\"services\"]\n  verbs: [\"create\""), "the narrower Role drops create services");
    let narrow_file = dir.path().join("narrow.yaml");
    std::fs::write(&narrow_file, narrower).unwrap();
    kubectl(&["apply", "-f", narrow_file.to_str().unwrap()]).ok();
    let denied = plugin(&["--kubeconfig", cfg, "scale", "--brokers", "4", "--yes"]);
    assert_failure(
        &denied,
        5,
        "scale --brokers needs to create services in namespace kafka-role; nothing was changed",
        "deploy/rbac.yaml",
    );
    let claims = kubectl(&["-n", namespace, "get", "pvc", "-o", "name"]).ok().stdout;
    assert!(!claims.contains("kafka-pvc-4"), "no claim made before the refusal: {claims}");
    kubectl(&["apply", "-f", file.to_str().unwrap()]).ok();
    let grown = crate::own_cluster::json(run(&["scale", "--brokers", "4", "--yes", "--timeout", "5m", "-o", "json"]));
    assert_eq!(grown["changes"][0]["detail"]["added"], serde_json::json!([4]), "{grown}");
    let shrunk = crate::own_cluster::json(run(&[
        "scale",
        "--brokers",
        "3",
        "--yes",
        "--delete-volume",
        "--timeout",
        "5m",
        "-o",
        "json",
    ]));
    assert_eq!(shrunk["changes"][0]["detail"]["removed"], serde_json::json!(["kafka-4"]), "{shrunk}");
    assert_eq!(cluster.kk(&["health"]).code, 0, "healthy after it all");
}
