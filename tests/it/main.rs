//! Behaviour tests against the real test bed (testbed/up): a real Kubernetes control plane and
//! real Kafka brokers. One binary, organised by theme. `make test` brings the bed up first.
//!
//! Tests that change the bed (restart, scale) hold the bed's write lock; the others hold the
//! read lock, so they never see a broker vanish under them.

mod balance;
mod bed;
mod data;
mod errors;
mod health;
mod load;
mod own_cluster;
mod placement;
mod rollouts;
mod shipping;
mod status;
mod testbed;
mod transports;
mod upgrade;
