//! The client route: a Kafka client through port-forward tunnels (with the relay) or direct
//! to the advertised addresses.

use crate::connect::tunnel::Tunnels;
use crate::exit::{ExitCode, Failure};
use crate::kafka::KafkaOptions;
use crate::kafka::admin;
use crate::kafka::groups::{
    GroupInfo, ResetRow, ResetTo, apply_reset, committed_offsets, group_offsets, list_groups, plan_reset,
};
use crate::kafka::metadata::{TopicSummary, fetch_metadata, fetch_metadata_for, quick_metadata, summarise};
use crate::kafka::offsets::{offsets_at_time, partition_offsets};
use crate::kafka::quorum::{Quorum, describe_quorum};

use std::collections::BTreeMap;
use std::time::Duration;

use crate::kafka::logdirs::{LogDirUsage, describe_log_dirs};

use crate::kafka::admin::TopicSpec;
use crate::kafka::configs::alter_topic_config;
use crate::kafka::metadata::brokers_without_topic;

use super::rows::{GroupDescription, GroupRow, TopicDescription, partition_rows};
use super::{Created, ResetRequest, already_exists};

/// Questions answered by a Kafka client.
pub struct ClientRoute {
    pub opts: KafkaOptions,
    /// The port-forward tunnels, when the route goes through them (None: direct).
    pub tunnels: Option<Tunnels>,
}

/// A Kafka client that got no answer: say which transport it used and what else to try.
pub fn unreachable_kafka(err: anyhow::Error, tunnelled: bool) -> anyhow::Error {
    let hint = if tunnelled {
        "the port-forward reached no broker: check `kubectl kafka status` and that pods/portforward is allowed; or try --via exec"
    } else {
        "the advertised addresses answer only inside the cluster; outside it use --via port-forward (or the default --via auto)"
    };
    Failure::new(ExitCode::Unreachable, format!("{err:#}")).hint(hint).into()
}

impl ClientRoute {
    /// A request that got no answer, with what to try.
    pub fn unreachable(&self, err: anyhow::Error) -> anyhow::Error {
        unreachable_kafka(err, self.tunnels.is_some())
    }

    /// Every topic with its partitions, from one Metadata request to one broker (as
    /// kafka-topics.sh asks one).
    pub async fn topics(&self, all: bool) -> anyhow::Result<Vec<TopicSummary>> {
        let meta = quick_metadata(&self.opts).await.map_err(|e| self.unreachable(e))?;
        Ok(summarise(&meta, all))
    }

    /// One topic: partitions, log start and end offsets, every config with its source. None
    /// when the topic does not exist.
    pub async fn describe_topic(&self, topic: &str) -> anyhow::Result<Option<TopicDescription>> {
        let meta = fetch_metadata_for(&self.opts, topic).await.map_err(|e| self.unreachable(e))?;
        let Some(found) = meta.topics.iter().find(|t| t.name == topic && t.error.is_none()) else { return Ok(None) };
        let ids: Vec<i32> = found.partitions.iter().map(|p| p.id).collect();
        let (offsets, configs) =
            tokio::join!(partition_offsets(&self.opts, topic, &ids), admin::topic_configs(&self.opts, topic));
        let offsets = offsets?;
        let partitions = partition_rows(found, |p| offsets.iter().find(|o| o.partition == p).map(|o| (o.low, o.high)));
        Ok(Some(TopicDescription { name: topic.to_string(), partitions, configs: configs? }))
    }

    /// Every consumer group with its members, topics and lag.
    pub async fn groups(&self) -> anyhow::Result<Vec<GroupRow>> {
        let groups = list_groups(&self.opts, None).await?;
        let mut rows = Vec::new();
        for g in groups.iter().filter(|g| g.protocol_type == "consumer" || g.protocol_type.is_empty()) {
            let offsets = group_offsets(&self.opts, g).await.unwrap_or_default();
            let mut topics: Vec<String> = offsets.iter().map(|o| o.topic.clone()).collect();
            topics.dedup();
            let lag = offsets.iter().filter_map(|o| o.lag).reduce(|a, b| a + b);
            rows.push(GroupRow {
                group: g.group.clone(),
                state: g.state.clone(),
                members: g.members.len(),
                topics,
                lag,
            });
        }
        Ok(rows)
    }

    async fn find_group(&self, group: &str) -> anyhow::Result<Option<GroupInfo>> {
        let found = list_groups(&self.opts, Some(group)).await?;
        Ok(found.into_iter().find(|g| g.group == group && g.state != "Dead"))
    }

    /// State and member count of one group; None when it does not exist.
    pub async fn group_state(&self, group: &str) -> anyhow::Result<Option<(String, usize)>> {
        Ok(self.find_group(group).await?.map(|g| (g.state, g.members.len())))
    }

    /// One group's members and offsets; None when it does not exist.
    pub async fn describe_group(&self, group: &str) -> anyhow::Result<Option<GroupDescription>> {
        let Some(info) = self.find_group(group).await? else { return Ok(None) };
        let offsets = group_offsets(&self.opts, &info).await?;
        Ok(Some(GroupDescription { group: info.group, state: info.state, members: info.members, offsets }))
    }

    pub async fn delete_group(&self, group: &str) -> anyhow::Result<()> {
        admin::delete_group(&self.opts, group).await
    }

    /// Creates a topic (`validate_only`: the brokers check it, nothing changes) and waits
    /// until every broker shows it with a leader for each partition, so that the next command
    /// finds it whichever broker it asks. Refuses a replication factor above the brokers.
    pub async fn create_topic(
        &self,
        spec: &TopicSpec,
        if_not_exists: bool,
        validate_only: bool,
        limit: Duration,
    ) -> anyhow::Result<Created> {
        let meta = fetch_metadata(&self.opts).await.map_err(|e| self.unreachable(e))?;
        if spec.replication_factor as usize > meta.brokers.len() {
            return Err(Failure::new(
                ExitCode::Usage,
                format!(
                    "replication factor {} is larger than the {} brokers registered",
                    spec.replication_factor,
                    meta.brokers.len()
                ),
            )
            .hint(format!("use --replication-factor {} or less", meta.brokers.len()))
            .into());
        }
        if meta.topics.iter().any(|t| t.name == spec.name && t.error.is_none()) {
            return if if_not_exists { Ok(Created::AlreadyThere) } else { Err(already_exists(&spec.name)) };
        }
        admin::create_topic(&self.opts, spec, validate_only).await?;
        if !validate_only {
            wait_until_ready(&self.opts, &spec.name, spec.partitions as usize, limit).await?;
        }
        Ok(Created::Created)
    }

    /// Sets and deletes topic configs (IncrementalAlterConfigs); `validate_only` changes
    /// nothing. None when the topic does not exist.
    pub async fn alter_topic_config(
        &self,
        topic: &str,
        set: &[(String, String)],
        delete: &[String],
        validate_only: bool,
    ) -> anyhow::Result<Option<()>> {
        let meta = fetch_metadata_for(&self.opts, topic).await.map_err(|e| self.unreachable(e))?;
        if !meta.topics.iter().any(|t| t.name == topic && t.error.is_none()) {
            return Ok(None);
        }
        alter_topic_config(&self.opts, topic, set, delete, validate_only).await.map_err(|err| {
            Failure::new(ExitCode::Usage, format!("alter configs of topic {topic}: {err:#}"))
                .hint("check the keys and values; `topics describe --all-configs` lists the current ones")
        })?;
        Ok(Some(()))
    }

    /// Where a reset would move each partition, kept within the log as Kafka's tool does;
    /// None when the topic does not exist.
    pub async fn reset_plan(&self, request: &ResetRequest) -> anyhow::Result<Option<Vec<ResetRow>>> {
        let opts = &self.opts;
        let meta = fetch_metadata_for(opts, &request.topic).await.map_err(|e| self.unreachable(e))?;
        let Some(topic) = meta.topics.iter().find(|t| t.name == request.topic && t.error.is_none()) else {
            return Ok(None);
        };
        let partitions: Vec<i32> = match request.partition {
            Some(p) if topic.partitions.iter().any(|q| q.id == p) => vec![p],
            Some(p) => {
                return Err(
                    Failure::new(ExitCode::Usage, format!("topic {} has no partition {p}", request.topic)).into()
                );
            }
            None => topic.partitions.iter().map(|p| p.id).collect(),
        };
        let committed = match self.find_group(&request.group).await? {
            Some(g) => committed_offsets(opts, &g.group).await?,
            None => Default::default(),
        };
        let by_time = match request.to {
            ResetTo::Time(ms) => Some(offsets_at_time(opts, &request.topic, &partitions, ms).await?),
            _ => None,
        };
        let mut plan = Vec::new();
        for o in partition_offsets(opts, &request.topic, &partitions).await? {
            let current = committed.get(&(request.topic.clone(), o.partition)).copied();
            let t = by_time.as_ref().and_then(|m| m.get(&o.partition).copied());
            plan.push(ResetRow {
                topic: request.topic.clone(),
                partition: o.partition,
                current,
                target: plan_reset(request.to, current, o.low, o.high, t),
            });
        }
        Ok(Some(plan))
    }

    pub async fn apply_reset(&self, group: &str, plan: &[ResetRow]) -> anyhow::Result<()> {
        apply_reset(&self.opts, group, plan).await
    }

    /// DescribeLogDirs of each broker, at the address clients reach it at (its tunnel when
    /// tunnelled).
    pub async fn log_dirs(&self, brokers: &[i32]) -> anyhow::Result<BTreeMap<i32, Vec<LogDirUsage>>> {
        let meta = fetch_metadata(&self.opts).await.map_err(|e| self.unreachable(e))?;
        let mut usage = BTreeMap::new();
        for id in brokers {
            let Some(addr) = meta.brokers.iter().find(|m| m.id == *id).map(|m| format!("{}:{}", m.host, m.port)) else {
                continue;
            };
            usage.insert(*id, describe_log_dirs(&self.opts, *id, &addr).await?);
        }
        Ok(usage)
    }

    pub async fn quorum(&self) -> anyhow::Result<Quorum> {
        describe_quorum(&self.opts).await.map_err(|e| self.unreachable(e))
    }
}

/// Waits until every broker's metadata shows the new topic with a leader for each partition
/// (creation reaches the brokers asynchronously).
async fn wait_until_ready(opts: &KafkaOptions, topic: &str, partitions: usize, limit: Duration) -> anyhow::Result<()> {
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        let missing = match fetch_metadata(opts).await {
            Ok(meta) => Some(brokers_without_topic(opts, &meta, topic, partitions).await),
            Err(_) => None,
        };
        if missing.as_ref().is_some_and(Vec::is_empty) {
            return Ok(());
        }
        if tokio::time::Instant::now() >= deadline {
            let who = match missing {
                Some(ids) => format!(
                    "broker(s) {} do not show it with a leader for every partition",
                    ids.iter().map(i32::to_string).collect::<Vec<_>>().join(", ")
                ),
                None => "the cluster's metadata could not be read".to_string(),
            };
            return Err(Failure::new(
                ExitCode::Failure,
                format!("topic {topic} was created but {who} after {limit:?}"),
            )
            .hint("check `kubectl kafka status` and `kubectl kafka health`")
            .into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
