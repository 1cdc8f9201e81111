//! The typed rows the route questions answer with, the same on every route; `None` where a
//! route cannot know a value.

use serde::Serialize;

use crate::kafka::admin::ConfigRow;
use crate::kafka::groups::{GroupOffset, Member};
use crate::kafka::metadata::{PartitionMeta, TopicMeta};

/// One partition of `topics describe`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartitionRow {
    pub partition: i32,
    pub leader: i32,
    pub replicas: Vec<i32>,
    pub isr: Vec<i32>,
    pub offline: bool,
    pub under_replicated: bool,
    pub log_start_offset: Option<i64>,
    pub log_end_offset: Option<i64>,
}

/// `topics describe`: partitions and every config with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TopicDescription {
    pub name: String,
    pub partitions: Vec<PartitionRow>,
    pub configs: Vec<ConfigRow>,
}

/// A topic's partitions as rows, with their log start and end offsets where known (by
/// partition id), sorted by partition.
pub fn partition_rows(topic: &TopicMeta, offsets: impl Fn(i32) -> Option<(i64, i64)>) -> Vec<PartitionRow> {
    let mut rows: Vec<PartitionRow> = topic
        .partitions
        .iter()
        .map(|p: &PartitionMeta| {
            let o = offsets(p.id);
            PartitionRow {
                partition: p.id,
                leader: p.leader,
                replicas: p.replicas.clone(),
                isr: p.isr.clone(),
                offline: p.leader < 0,
                under_replicated: p.isr.len() < p.replicas.len(),
                log_start_offset: o.map(|o| o.0),
                log_end_offset: o.map(|o| o.1),
            }
        })
        .collect();
    rows.sort_by_key(|r| r.partition);
    rows
}

/// One line of `groups list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupRow {
    pub group: String,
    pub state: String,
    pub members: usize,
    pub topics: Vec<String>,
    pub lag: Option<i64>,
}

/// `groups describe`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupDescription {
    pub group: String,
    pub state: String,
    pub members: Vec<Member>,
    pub offsets: Vec<GroupOffset>,
}
