//! How do Deployments change safely? Restart order and safety checks, the rollback
//! (`kubectl rollout undo`) algorithm, revision history, rollout progress, scale. The
//! planners are pure; the kube calls around them are thin. Never imports rdkafka: Kafka's
//! state comes in as the plain types below.

pub mod apply;
pub mod history;
pub mod progress;
pub mod relocate;
pub mod safety;
pub mod strategy;
pub mod undo;
pub mod wait;

/// The annotation `kubectl rollout restart` writes on the pod template (kube-rs's own
/// restart helper writes a different one, which `kubectl rollout history` would not show).
pub const RESTARTED_AT: &str = "kubectl.kubernetes.io/restartedAt";
pub const REVISION: &str = "deployment.kubernetes.io/revision";
pub const CHANGE_CAUSE: &str = "kubernetes.io/change-cause";
