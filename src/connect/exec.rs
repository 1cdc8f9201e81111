//! The exec transport: Kafka's own tools run inside a broker pod, argv passed as an array
//! (never a shell string), stdin streamed, stdout/stderr and the exit status brought back.
//! It serves where RBAC allows pods/exec but not pods/portforward.

use k8s_openapi::api::core::v1::Pod;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::Status;
use kube::Api;
use kube::api::AttachParams;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};

use super::Target;
use super::tunnel::current_pod;

/// Where Kafka's scripts live in the apache/kafka image.
pub const KAFKA_BIN: &str = "/opt/kafka/bin";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecOutput {
    pub pod: String,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// 0 on success; the command's exit code; or -1 when the server gave no code.
    pub code: i32,
    /// The server's message when the command failed.
    pub message: Option<String>,
}

impl ExecOutput {
    /// What a failed command said, in one line: Kafka's tools print the problem first, then
    /// their usage or a stack trace, so the first line naming an error or exception, else the
    /// first non-empty line of stderr, else the server's message.
    pub fn complaint(&self) -> String {
        let stderr = String::from_utf8_lossy(&self.stderr);
        let lines = || stderr.lines().map(str::trim).filter(|l| !l.is_empty());
        lines()
            .find(|l| l.starts_with("Error") || l.contains("Exception:"))
            .or_else(|| lines().next())
            .map(str::to_string)
            .or_else(|| self.message.clone())
            .unwrap_or_default()
    }
}

/// The argv of a Kafka tool in the pod, bootstrapping at the pod's own broker.
pub fn kafka_tool(script: &str, port: u16, args: &[String]) -> Vec<String> {
    let mut argv = vec![format!("{KAFKA_BIN}/{script}"), "--bootstrap-server".to_string(), format!("localhost:{port}")];
    argv.extend(args.iter().cloned());
    argv
}

/// Runs `argv` in the target's current pod; feeds `stdin` when given.
pub async fn run_in_pod(
    pods: &Api<Pod>,
    target: &Target,
    argv: &[String],
    stdin: Option<Box<dyn AsyncRead + Send + Unpin>>,
) -> anyhow::Result<ExecOutput> {
    let pod = current_pod(pods, target).await?;
    let mut params = AttachParams::default().stdout(true).stderr(true).stdin(stdin.is_some());
    if let Some(container) = &target.container {
        params = params.container(container.clone());
    }
    tracing::debug!("exec in pod {pod}: {argv:?}");
    let mut process = pods
        .exec(&pod, argv.iter().map(String::as_str), &params)
        .await
        .map_err(|err| anyhow::anyhow!("exec in pod {pod}: {err}"))?;
    let feeder = match (stdin, process.stdin()) {
        (Some(mut input), Some(mut writer)) => Some(tokio::spawn(async move {
            let _ = tokio::io::copy(&mut input, &mut writer).await;
            let _ = writer.shutdown().await;
        })),
        _ => None,
    };
    let mut stdout = process.stdout().ok_or_else(|| anyhow::anyhow!("exec in pod {pod}: no stdout"))?;
    let mut stderr = process.stderr().ok_or_else(|| anyhow::anyhow!("exec in pod {pod}: no stderr"))?;
    let status = process.take_status();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let (r1, r2) = tokio::join!(stdout.read_to_end(&mut out), stderr.read_to_end(&mut err));
    r1?;
    r2?;
    let status = match status {
        Some(status) => status.await,
        None => None,
    };
    if let Some(feeder) = feeder {
        feeder.abort();
    }
    let _ = process.join().await;
    let (code, message) = exit_of(status.as_ref());
    Ok(ExecOutput { pod, stdout: out, stderr: err, code, message })
}

/// The exit code from the exec status: Success -> 0; NonZeroExitCode -> its ExitCode cause;
/// otherwise an "exit status N" in the message (what kwok's kubelet sends), else -1.
pub fn exit_of(status: Option<&Status>) -> (i32, Option<String>) {
    let Some(status) = status else { return (-1, Some("the server sent no exit status".into())) };
    if status.status.as_deref() == Some("Success") {
        return (0, None);
    }
    let from_causes = status
        .details
        .as_ref()
        .and_then(|d| d.causes.as_ref())
        .and_then(|c| c.iter().find(|c| c.reason.as_deref() == Some("ExitCode")))
        .and_then(|c| c.message.as_deref())
        .and_then(|m| m.trim().parse().ok());
    let message = status.message.clone().unwrap_or_default();
    let from_message = message
        .rsplit_once("exit status ")
        .and_then(|(_, tail)| tail.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok());
    (from_causes.or(from_message).unwrap_or(-1), Some(message))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(json: serde_json::Value) -> Status {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn exit_codes_from_a_kubelet_and_from_kwok() {
        let ok = status(serde_json::json!({"status": "Success", "metadata": {}}));
        assert_eq!(exit_of(Some(&ok)).0, 0);
        let kubelet = status(serde_json::json!({
            "status": "Failure", "reason": "NonZeroExitCode", "message": "command terminated with non-zero exit code",
            "details": {"causes": [{"reason": "ExitCode", "message": "3"}]}, "metadata": {}
        }));
        assert_eq!(exit_of(Some(&kubelet)).0, 3);
        let kwok = status(serde_json::json!({
            "status": "Failure", "reason": "InternalError",
            "message": "Internal error occurred: cmd wait: /opt/kafka/bin/kafka-topics.sh: exit status 1", "metadata": {}
        }));
        assert_eq!(exit_of(Some(&kwok)).0, 1);
        assert_eq!(exit_of(None).0, -1);
    }

    #[test]
    fn a_failed_tool_is_quoted_by_its_first_words_not_its_usage() {
        let out = |stderr: &str| ExecOutput {
            pod: "kafka-1-x".into(),
            stdout: vec![],
            stderr: stderr.as_bytes().to_vec(),
            code: 1,
            message: Some("cmd wait: exit status 1".into()),
        };
        let usage = "Cannot shift offset for partition t-0 since there is no current committed offset\n\
                     Option   Description\n------   -----------\n--all-groups   Apply to all consumer groups.\n";
        assert_eq!(
            out(usage).complaint(),
            "Cannot shift offset for partition t-0 since there is no current committed offset"
        );
        let trace = "[2026-11-25] WARN something\nError while executing topic command : Topic 'x' already exists.\n\
                     org.apache.kafka.common.errors.TopicExistsException: Topic 'x' already exists.\n\tat kafka.Foo(Foo.scala:1)\n";
        assert_eq!(out(trace).complaint(), "Error while executing topic command : Topic 'x' already exists.");
        assert_eq!(out("").complaint(), "cmd wait: exit status 1", "nothing on stderr: the server's message");
    }

    #[test]
    fn tools_get_argv_never_a_shell_line() {
        let argv = kafka_tool("kafka-topics.sh", 9092, &["--list".into(), "--topic".into(), "a b; rm -rf /".into()]);
        assert_eq!(argv[0], "/opt/kafka/bin/kafka-topics.sh");
        assert_eq!(argv[1..3], ["--bootstrap-server", "localhost:9092"]);
        assert_eq!(argv[5], "a b; rm -rf /", "arguments stay single argv entries");
    }
}
