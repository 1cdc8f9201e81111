//! Is Kafka healthy, and is the deployment sound? Pure judgements over facts gathered by the
//! commands: the broker model (from `cluster`) and what Kafka said (from `kafka`). Nothing
//! here talks to a network; every rule has a unit test.

pub mod doctor;
pub mod verdict;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}
