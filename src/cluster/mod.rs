//! Where is Kafka in Kubernetes? The kube client, broker discovery by labels, and the plain
//! broker model every other part works from. Knows nothing of Kafka clients or rollouts.

pub mod access;
pub mod client;
pub mod discovery;
pub mod grow;
pub mod model;
pub mod nodes;
pub mod placement;
pub mod selector;

pub use client::{Cluster, ClusterOptions};
pub use model::Broker;
