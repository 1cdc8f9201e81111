//! How do bytes reach a broker? Port-forward tunnels with the Kafka address-rewriting relay,
//! exec into a broker pod, or the advertised addresses directly. Knows pods by label selector
//! and broker node ids, nothing of how they were discovered.

pub mod exec;
pub mod relay;
pub mod tunnel;
pub mod via;

/// One broker as the transports need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The broker's name as the user knows it (the Deployment, kafka-2).
    pub name: String,
    pub node_id: i32,
    /// Label selector of the broker's pods (from the workload's pod template).
    pub pod_selector: String,
    /// The client listener's port inside the pod.
    pub port: u16,
    /// The advertised client address (kafka-2:9092).
    pub advertised: Option<(String, u16)>,
    /// The container that runs Kafka, for exec.
    pub container: Option<String>,
}
