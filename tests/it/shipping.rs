//! Shipping as a kubectl plugin (issue 8): completion scripts kept fresh, the completer kubectl
//! runs, the man page. `krew/check` (run by `make test`) covers the krew install.

use std::process::Command;

#[test]
fn completion_scripts_in_the_repo_are_fresh() {
    for shell in ["bash", "zsh", "fish"] {
        let out = Command::new(env!("CARGO_BIN_EXE_kubectl-kafka")).args(["completion", shell]).output().unwrap();
        assert!(out.status.success());
        let kept =
            std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/completions/kubectl-kafka.").to_string() + shell)
                .unwrap();
        assert!(
            out.stdout == kept,
            "completions/kubectl-kafka.{shell} is stale: regenerate with `kubectl-kafka completion {shell} > completions/kubectl-kafka.{shell}`"
        );
    }
}

#[test]
fn answers_as_kubectls_completer_under_that_name() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("kubectl_complete-kafka");
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_kubectl-kafka"), &link).unwrap();
    let out = Command::new(&link).args(["topics", "al"]).env("KUBECONFIG", "/nonexistent").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text, "alter-config\tChange topic configs incrementally: only the keys named change\n:4\n");
    let out = Command::new(&link).args(["restart", "--dr"]).output().unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().lines().next(),
        Some("--dry-run\tPrint the plan, each check's outcome and the patch; change nothing")
    );
}

#[test]
fn man_pages_come_from_the_cli_definition() {
    let out = Command::new(env!("CARGO_BIN_EXE_kubectl-kafka")).arg("man").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(".ie") || text.contains(".TH kubectl-kafka"), "{}", &text[..200.min(text.len())]);
    let dir = tempfile::tempdir().unwrap();
    let out =
        Command::new(env!("CARGO_BIN_EXE_kubectl-kafka")).args(["man", "--dir"]).arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    assert!(dir.path().join("kubectl-kafka-restart.1").exists());
    assert!(std::fs::read_to_string(dir.path().join("kubectl-kafka-restart.1")).unwrap().contains("dry"));
}

#[test]
fn the_completer_offers_live_topic_names_from_the_bed() {
    let _bed = crate::bed::shared();
    crate::bed::wait_bed_ready();
    let topic = format!("complete-me-{}", std::process::id());
    crate::bed::plugin(&["-n", "kafka", "topics", "create", &topic, "-r", "3"]).ok();
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("kubectl_complete-kafka");
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_kubectl-kafka"), &link).unwrap();
    let top = Command::new(&link).arg("top").output().unwrap();
    assert!(String::from_utf8(top.stdout).unwrap().starts_with("topics\t"));
    // No -n: the context's namespace (default) has no brokers, so the completer looks for
    // the one namespace that does.
    let out = Command::new(&link)
        .args(["topics", "describe", ""])
        .env("KUBECONFIG", crate::bed::kubeconfig())
        .env("HOME", crate::bed::scratch_home())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().any(|l| l == topic), "{text}");
    assert!(text.ends_with(":4\n"));
    let brokers = Command::new(&link)
        .args(["-n", "kafka", "restart", "kafka-"])
        .env("KUBECONFIG", crate::bed::kubeconfig())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(brokers.stdout).unwrap(), "kafka-1\nkafka-2\nkafka-3\n:4\n");
    let _ = crate::bed::plugin(&["-n", "kafka", "topics", "delete", &topic, "--yes"]);
}
