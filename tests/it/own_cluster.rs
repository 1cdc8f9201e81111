//! A cluster of the guide's three brokers in a namespace of its own, next to the shared bed:
//! the guide's manifests with the namespace and volume names changed (and optionally the image
//! or more), for tests that leave a cluster in a state the bed must never be in (finalized on
//! a newer Kafka, brokers with racks).

use crate::bed::*;

pub fn json(run: Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {run:?}"))
}

/// The guide's cluster in its own namespace, on volumes of its own; removed again on drop
/// (also after a failed assertion).
pub struct Cluster {
    namespace: String,
    prefix: String,
}

impl Cluster {
    pub fn create(namespace: &str, version: &str) -> Cluster {
        Cluster::create_with(namespace, version, |m| m)
    }

    /// The same, with `edit` applied to the manifests last (e.g. an env var more).
    pub fn create_with(namespace: &str, version: &str, edit: impl Fn(String) -> String) -> Cluster {
        let prefix = namespace.to_string();
        let cluster = Cluster { namespace: namespace.to_string(), prefix };
        cluster.remove();
        let manifests = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/testbed/manifests/kafka.yaml"))
            .unwrap()
            .replace("namespace: kafka\n", &format!("namespace: {namespace}\n"))
            .replace(
                "kind: Namespace\nmetadata:\n  name: kafka\n",
                &format!("kind: Namespace\nmetadata:\n  name: {namespace}\n"),
            )
            .replace("name: kafka-pv-", &format!("name: {}-pv-", cluster.prefix))
            .replace("volumeName: kafka-pv-", &format!("volumeName: {}-pv-", cluster.prefix))
            .replace("@STATE@/pv/kafka-", &format!("{}/pv/{}-", state_dir().display(), cluster.prefix))
            .replace("image: apache/kafka:3.7.1", &format!("image: apache/kafka:{version}"));
        let manifests = edit(manifests);
        assert!(manifests.contains(&format!("name: {namespace}\n")), "namespace replaced");
        assert!(!manifests.contains("kafka-pv-") && !manifests.contains("namespace: kafka\n"), "every name replaced");
        for n in 1..=3 {
            let dir = cluster.volume(n);
            std::fs::create_dir_all(&dir).unwrap();
            std::os::unix::fs::chown(&dir, Some(1000), Some(1000)).unwrap();
        }
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), manifests).unwrap();
        kubectl(&["apply", "-f", file.path().to_str().unwrap()]).ok();
        let ready = cluster.kk(&["health", "--wait", "--timeout", "5m"]);
        assert_eq!(ready.code, 0, "the {version} cluster in {namespace} became healthy: {ready:?}");
        cluster
    }

    pub fn volume(&self, n: u32) -> std::path::PathBuf {
        state_dir().join(format!("pv/{}-{n}", self.prefix))
    }

    pub fn kk(&self, args: &[&str]) -> Run {
        let mut all = vec!["-n", self.namespace.as_str()];
        all.extend_from_slice(args);
        plugin(&all)
    }

    /// Creates `topic` with Kafka's own tool in broker 1's pod, its replicas placed as
    /// `assignment` says (`1:2,1:3`: partition by partition; the plugin places none itself).
    pub fn create_placed_topic(&self, topic: &str, assignment: &str) {
        kubectl(&[
            "-n",
            &self.namespace,
            "exec",
            "deploy/kafka-1",
            "-c",
            "kafka",
            "--",
            "/opt/kafka/bin/kafka-topics.sh",
            "--bootstrap-server",
            "localhost:9092",
            "--create",
            "--topic",
            topic,
            "--replica-assignment",
            assignment,
        ])
        .ok();
    }

    pub fn kk_stdin(&self, args: &[&str], input: &str) -> Run {
        let mut all = vec!["-n", self.namespace.as_str()];
        all.extend_from_slice(args);
        plugin_stdin(&all, input.as_bytes())
    }

    pub fn image_of(&self, n: u32) -> String {
        kubectl(&[
            "-n",
            &self.namespace,
            "get",
            "deployment",
            &format!("kafka-{n}"),
            "-o",
            "jsonpath={.spec.template.spec.containers[0].image}",
        ])
        .ok()
        .stdout
    }

    /// What `version -o json` says: each broker's release and the finalized metadata.version.
    pub fn versions(&self) -> (Vec<String>, String) {
        let doc = json(self.kk(&["version", "-o", "json"]).ok());
        let runs = doc["kafka"]["brokers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["runs"].as_str().unwrap_or("?").to_string())
            .collect();
        (runs, doc["kafka"]["metadataVersion"].as_str().unwrap_or("?").to_string())
    }

    /// Offers a volume for claim `claim` of this cluster (as the bed's spare volumes do), at
    /// `<state>/pv/<namespace>-<suffix>`, pinned to `node` or (None) mountable on any node.
    pub fn offer_volume(&self, suffix: &str, claim: &str, node: Option<&str>) {
        let dir = state_dir().join(format!("pv/{}-{suffix}", self.prefix));
        std::fs::create_dir_all(&dir).unwrap();
        std::os::unix::fs::chown(&dir, Some(1000), Some(1000)).unwrap();
        let affinity = node.map_or(String::new(), |n| {
            format!(
                "  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n      - matchExpressions:\n        - key: kubernetes.io/hostname\n          operator: In\n          values: [{n}]\n"
            )
        });
        let pv = format!(
            "apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: {}-pv-{suffix}\n  labels: {{app: kafka-testbed}}\nspec:\n  capacity: {{storage: 10Gi}}\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Retain\n  storageClassName: \"\"\n  claimRef: {{namespace: {}, name: {claim}}}\n  hostPath: {{path: {}, type: Directory}}\n{affinity}",
            self.prefix,
            self.namespace,
            dir.display()
        );
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), pv).unwrap();
        kubectl(&["apply", "-f", file.path().to_str().unwrap()]).ok();
    }

    fn remove(&self) {
        let _ =
            kubectl(&["delete", "namespace", &self.namespace, "--ignore-not-found", "--wait=true", "--timeout=180s"]);
        let pvs = kubectl(&["get", "pv", "-o", "name"]);
        for pv in pvs.stdout.lines().filter(|l| l.starts_with(&format!("persistentvolume/{}-pv-", self.prefix))) {
            let _ = kubectl(&["delete", pv, "--ignore-not-found"]);
        }
        if let Ok(dirs) = std::fs::read_dir(state_dir().join("pv")) {
            for d in dirs.flatten() {
                if d.file_name().to_string_lossy().starts_with(&format!("{}-", self.prefix)) {
                    let _ = std::fs::remove_dir_all(d.path());
                }
            }
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        self.remove();
    }
}
