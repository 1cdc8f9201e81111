//! `kubectl kafka upgrade`: a new Kafka version in two steps, the image one broker at a time
//! (`roll`), then `--finalize` (`finalize`); and what both read: the software each broker runs
//! and the cluster's finalized features, from every broker's own answer.

pub mod finalize;
pub mod roll;

use std::collections::BTreeMap;

use crate::cli::UpgradeArgs;
use crate::commands::Context;
use crate::kafka::KafkaOptions;
use crate::kafka::features::{BrokerFeatures, features_of_each};
use crate::kafka::metadata::ClusterMeta;
use crate::release::METADATA_VERSION;

pub async fn run(ctx: &Context, args: &UpgradeArgs) -> anyhow::Result<()> {
    if args.finalize { finalize::run(ctx, args).await } else { roll::run(ctx, args).await }
}

/// Every registered broker's own ApiVersions answer, by node id, with the metadata they were
/// found in.
pub struct Software {
    pub meta: ClusterMeta,
    pub answers: BTreeMap<i32, anyhow::Result<BrokerFeatures>>,
}

impl Software {
    /// The highest metadata.version level a broker's software supports.
    pub fn max_level(&self, id: i32) -> Option<i16> {
        self.answers.get(&id)?.as_ref().ok()?.supported.get(METADATA_VERSION).map(|r| r.max)
    }

    /// The cluster's finalized features: the answer with the newest epoch (a broker that has
    /// not caught up reports an older one). Unknown when no broker answered.
    pub fn finalized(&self) -> Option<&BrokerFeatures> {
        self.answers.values().filter_map(|a| a.as_ref().ok()).max_by_key(|f| f.finalized_epoch)
    }

    /// The finalized metadata.version level, if any broker said.
    pub fn finalized_level(&self) -> Option<i16> {
        self.finalized()?.finalized.get(METADATA_VERSION).copied()
    }

    /// The first broker that did not answer, with why.
    pub fn unanswered(&self) -> Option<(i32, &anyhow::Error)> {
        self.answers.iter().find_map(|(id, a)| a.as_ref().err().map(|e| (*id, e)))
    }
}

/// Asks every registered broker on its own.
pub async fn read_software(opts: &KafkaOptions) -> anyhow::Result<Software> {
    let meta = crate::kafka::metadata::fetch_metadata(opts).await?;
    let answers = features_of_each(opts, &meta.brokers).await.into_iter().collect();
    Ok(Software { meta, answers })
}

/// The finalized metadata.version, read from the brokers; an error naming what could not be
/// read (callers refuse unless --force).
pub async fn finalized_level(opts: &KafkaOptions) -> anyhow::Result<i16> {
    let software = read_software(opts).await?;
    software.finalized_level().ok_or_else(|| anyhow::anyhow!("no broker reported a finalized {METADATA_VERSION}"))
}
