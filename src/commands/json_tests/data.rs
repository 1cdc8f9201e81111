use serde_json::{Value, json};

use super::*;

#[tokio::test]
async fn a_command_the_tools_route_cannot_answer_says_so_before_anything_runs() {
    // No canned answer: any tool run would panic the fake runner.
    let ran = run_json(&["--via", "exec", "produce", "orders", "--partition", "1"], FakeRunner::default()).await;
    assert_eq!(ran.code(), Some(crate::exit::ExitCode::Usage));
    let message = format!("{:#}", ran.outcome.unwrap_err());
    assert!(message.contains("--partition over --via exec is not supported"), "{message}");
    assert_eq!(ran.doc, Value::Null, "nothing printed");
}
