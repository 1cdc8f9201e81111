//! Exit codes and the failures that carry them.
//!
//! Every way `kubectl kafka` can fail maps to one documented code (README, "Exit codes"), so
//! scripts can tell "nothing to talk to" from "not allowed" from "not healthy". A [`Failure`]
//! carries the code and a hint for the user; code deeper down wraps it in `anyhow` context.

use std::fmt;

/// The process exit codes. Numbers are part of the interface: never reuse or renumber.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum ExitCode {
    /// Done, and everything asked about is fine.
    Success = 0,
    /// An unexpected failure (a bug, or an error we have no better code for).
    Failure = 1,
    /// Bad command-line usage or bad input (clap also exits with 2).
    Usage = 2,
    /// The kubeconfig is missing, unreadable, or names an unknown context.
    Config = 3,
    /// The Kubernetes API server, or the Kafka brokers, cannot be reached.
    Unreachable = 4,
    /// RBAC forbids a request we need.
    Forbidden = 5,
    /// The object named does not exist (no brokers match, unknown broker, unknown topic).
    NotFound = 6,
    /// The brokers exist but are not ready (or not all of them are).
    NotReady = 7,
    /// Kafka answers but is degraded (`health`), or `doctor` found an error.
    Degraded = 8,
    /// A Kafka safety check refused the change (restart, rollback, scale); --force overrides.
    Refused = 9,
    /// Stopped by the user (Ctrl-C).
    Interrupted = 130,
}

impl From<ExitCode> for std::process::ExitCode {
    fn from(code: ExitCode) -> Self {
        std::process::ExitCode::from(code as u8)
    }
}

/// A failure the user can act on: its message, the exit code, and what to do about it.
#[derive(Debug)]
pub struct Failure {
    pub code: ExitCode,
    pub message: String,
    pub hint: Option<String>,
}

impl Failure {
    pub fn new(code: ExitCode, message: impl Into<String>) -> Self {
        Failure { code, message: message.into(), hint: None }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

/// The first [`Failure`] in an error's chain, if any: it decides the exit code and the hint.
pub fn failure_of(err: &anyhow::Error) -> Option<&Failure> {
    err.chain().find_map(|cause| cause.downcast_ref::<Failure>())
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn failure_is_found_under_context() {
        let err: anyhow::Result<()> = Err(Failure::new(ExitCode::Forbidden, "no").hint("ask").into());
        let err = err.context("list pods").unwrap_err();
        let failure = failure_of(&err).expect("failure in chain");
        assert_eq!(failure.code, ExitCode::Forbidden);
        assert_eq!(failure.hint.as_deref(), Some("ask"));
        assert_eq!(format!("{err:#}"), "list pods: no");
    }

    #[test]
    fn codes_are_stable() {
        assert_eq!(ExitCode::Config as u8, 3);
        assert_eq!(ExitCode::Unreachable as u8, 4);
        assert_eq!(ExitCode::Forbidden as u8, 5);
        assert_eq!(ExitCode::NotFound as u8, 6);
        assert_eq!(ExitCode::NotReady as u8, 7);
        assert_eq!(ExitCode::Degraded as u8, 8);
    }
}
