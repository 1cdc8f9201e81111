//! Readers of what Kafka's topic, config and offset tools print (Kafka 3.7 to 4.x), into the
//! types the client route uses.

use std::collections::BTreeMap;

use crate::kafka::admin::ConfigRow;
use crate::kafka::metadata::{ClusterMeta, PartitionMeta, TopicMeta};

/// `kafka-topics.sh --describe`: a topic line (`Topic: t<TAB>TopicId: ..<TAB>PartitionCount:
/// 3 ...`) then one tab-indented line per partition (`Topic: t<TAB>Partition: 0<TAB>Leader:
/// 1<TAB>Replicas: 1,2,3<TAB>Isr: 1,2,3`, later versions add Elr columns). Read by field
/// name, so added columns do not matter; `Leader: none` is -1.
pub fn topics_in(text: &str) -> ClusterMeta {
    let mut topics: Vec<TopicMeta> = Vec::new();
    for line in text.lines() {
        let fields: BTreeMap<&str, &str> =
            line.split('\t').filter_map(|f| f.trim().split_once(':')).map(|(k, v)| (k.trim(), v.trim())).collect();
        let Some(name) = fields.get("Topic") else { continue };
        let ids = |key: &str| -> Vec<i32> {
            fields.get(key).map_or_else(Vec::new, |v| v.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        };
        match fields.get("Partition").and_then(|p| p.parse::<i32>().ok()) {
            None if fields.contains_key("PartitionCount") => {
                topics.push(TopicMeta { name: name.to_string(), partitions: Vec::new(), error: None });
            }
            None => {}
            Some(id) => {
                let partition = PartitionMeta {
                    id,
                    leader: fields.get("Leader").and_then(|l| l.parse().ok()).unwrap_or(-1),
                    replicas: ids("Replicas"),
                    isr: ids("Isr"),
                    error: None,
                };
                match topics.iter_mut().rev().find(|t| t.name == *name) {
                    Some(t) => t.partitions.push(partition),
                    None => topics.push(TopicMeta { name: name.to_string(), partitions: vec![partition], error: None }),
                }
            }
        }
    }
    ClusterMeta { controller_id: None, brokers: Vec::new(), topics }
}

/// `kafka-configs.sh --describe --entity-type topics --entity-name T --all`: lines
/// `  name=value sensitive=false synonyms={SOURCE:key=value, ...}`; the source is the first
/// synonym's (none: Kafka's default), sorted by name as the client route sorts them.
pub fn configs_in(text: &str) -> Vec<ConfigRow> {
    let mut rows: Vec<ConfigRow> = text
        .lines()
        .filter(|l| l.starts_with(' '))
        .filter_map(|l| {
            let (entry, rest) = l.trim().rsplit_once(" sensitive=")?;
            let (name, value) = entry.split_once('=')?;
            let (sensitive, synonyms) = rest.split_once(" synonyms={")?;
            let sensitive = sensitive == "true";
            let source = synonyms.split_once(':').map_or("DEFAULT_CONFIG", |(s, _)| s).trim().to_string();
            Some(ConfigRow {
                name: name.to_string(),
                value: (!sensitive && value != "null").then(|| value.to_string()),
                is_default: source == "DEFAULT_CONFIG",
                source,
                read_only: false,
                sensitive,
            })
        })
        .collect();
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    rows
}

/// `kafka-configs.sh --describe --all --entity-type topics` without a name (every topic): a
/// section `All configs for topic T are:` per topic, each with `configs_in` lines.
pub fn configs_by_topic_in(text: &str) -> BTreeMap<String, Vec<ConfigRow>> {
    let mut out = BTreeMap::new();
    let mut current: Option<(String, String)> = None;
    let flush = |c: Option<(String, String)>, out: &mut BTreeMap<String, Vec<ConfigRow>>| {
        if let Some((topic, body)) = c {
            out.insert(topic, configs_in(&body));
        }
    };
    for line in text.lines() {
        if let Some(topic) = line.strip_prefix("All configs for topic ").and_then(|r| r.strip_suffix(" are:")) {
            flush(current.take(), &mut out);
            current = Some((topic.to_string(), String::new()));
        } else if let Some((_, body)) = current.as_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    flush(current, &mut out);
    out
}

/// `kafka-get-offsets.sh`: `topic:partition:offset` lines (the topic may itself hold ':').
pub fn offsets_in(text: &str) -> BTreeMap<(String, i32), i64> {
    text.lines()
        .filter_map(|l| {
            let (rest, offset) = l.trim().rsplit_once(':')?;
            let (topic, partition) = rest.rsplit_once(':')?;
            Some(((topic.to_string(), partition.parse().ok()?), offset.parse().ok()?))
        })
        .collect()
}

/// What `kafka-consumer-groups.sh --delete` said of one group.
#[derive(Debug, PartialEq, Eq)]
pub enum GroupDeletion {
    Deleted,
    /// Its line `* Group 'g' could not be deleted due to: why`, the why.
    Failed(String),
    /// The group is not named either way.
    Unsaid,
}

/// Reads the tool's words (stdout and stderr together). It exits 0 either way, and names the
/// group in its failure line as in its success line: `Deletion of requested consumer groups
/// ('g') was successful.`, or `Error: Deletion of some consumer groups failed:` then
/// `* Group 'g' could not be deleted due to: ...` and maybe `These consumer groups were
/// deleted successfully: 'h'`.
pub fn group_deletion_in(text: &str, group: &str) -> GroupDeletion {
    let quoted = format!("'{group}'");
    for line in text.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix(&format!("* Group {quoted} could not be deleted due to:")) {
            return GroupDeletion::Failed(rest.trim().to_string());
        }
    }
    let named_ok = |l: &str| {
        let listed = |s: &str| s.split(", ").any(|g| g.trim().trim_end_matches(['.', ')']) == quoted);
        (l.starts_with("Deletion of requested consumer groups (") && l.ends_with(") was successful."))
            && listed(
                l.trim_start_matches("Deletion of requested consumer groups (").trim_end_matches(") was successful."),
            )
            || l.strip_prefix("These consumer groups were deleted successfully:").is_some_and(listed)
    };
    if text.lines().map(str::trim).any(named_ok) { GroupDeletion::Deleted } else { GroupDeletion::Unsaid }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Kafka 3.7.1's `kafka-topics.sh --describe`, as the bed's brokers print it.
    const DESCRIBE: &str = "Topic: sample\tTopicId: Q-rjcaWvQTOsDXUaxVZD2w\tPartitionCount: 2\tReplicationFactor: 3\tConfigs: min.insync.replicas=2,retention.ms=604800000\n\
        \tTopic: sample\tPartition: 0\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3\n\
        \tTopic: sample\tPartition: 1\tLeader: none\tReplicas: 3,1,2\tIsr: \tElr: \tLastKnownElr: \n\
        Topic: __consumer_offsets\tTopicId: rnRp\tPartitionCount: 1\tReplicationFactor: 3\tConfigs: cleanup.policy=compact\n\
        \tTopic: __consumer_offsets\tPartition: 0\tLeader: 3\tReplicas: 3,1,2\tIsr: 2,3,1\n";

    #[test]
    fn topics_are_read_with_partitions_replicas_and_isr() {
        let meta = topics_in(DESCRIBE);
        assert_eq!(meta.topics.len(), 2);
        let sample = &meta.topics[0];
        assert_eq!(sample.name, "sample");
        assert_eq!(
            sample.partitions[0],
            PartitionMeta { id: 0, leader: 2, replicas: vec![2, 3, 1], isr: vec![2, 3], error: None }
        );
        assert_eq!((sample.partitions[1].leader, sample.partitions[1].isr.len()), (-1, 0));
        let rows = crate::kafka::metadata::summarise(&meta, false);
        assert_eq!(rows.len(), 1, "internal topics left out");
        assert_eq!(
            (rows[0].partitions, rows[0].replication_factor, rows[0].under_replicated, rows[0].offline),
            (2, 3, 2, 1)
        );
    }

    #[test]
    fn configs_carry_their_source() {
        let text = "All configs for topic sample are:\n  \
            cleanup.policy=delete sensitive=false synonyms={DEFAULT_CONFIG:log.cleanup.policy=delete}\n  \
            min.insync.replicas=2 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:min.insync.replicas=2, STATIC_BROKER_CONFIG:min.insync.replicas=1}\n  \
            flush.ms=9223372036854775807 sensitive=false synonyms={}\n  \
            follower.replication.throttled.replicas= sensitive=false synonyms={}\n  \
            secret.thing=null sensitive=true synonyms={DYNAMIC_TOPIC_CONFIG:secret.thing=null}\n";
        let rows = configs_in(text);
        let by = |n: &str| rows.iter().find(|r| r.name == n).unwrap();
        assert_eq!(by("min.insync.replicas").source, "DYNAMIC_TOPIC_CONFIG");
        assert_eq!(by("min.insync.replicas").value.as_deref(), Some("2"));
        assert!(!by("min.insync.replicas").is_default);
        assert_eq!(by("flush.ms").source, "DEFAULT_CONFIG");
        assert_eq!(by("follower.replication.throttled.replicas").value.as_deref(), Some(""));
        assert_eq!((by("secret.thing").value.clone(), by("secret.thing").sensitive), (None, true));
        assert_eq!(rows.first().unwrap().name, "cleanup.policy", "sorted by name");
    }

    #[test]
    fn offsets_by_topic_and_partition() {
        let o = offsets_in("sample:0:17\nsample:1:0\nodd:name:2:5\n");
        assert_eq!(o[&("sample".to_string(), 0)], 17);
        assert_eq!(o[&("odd:name".to_string(), 2)], 5);
    }

    #[test]
    fn a_failed_group_delete_is_not_taken_for_done() {
        // Kafka's words (ConsumerGroupCommand.deleteGroups), failure first: the group is named
        // in quotes there too, which the old check took for success.
        let failed = "\nError: Deletion of some consumer groups failed:\n\
            * Group 'orders' could not be deleted due to: java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.GroupNotEmptyException: The group is not empty.\n";
        match group_deletion_in(failed, "orders") {
            GroupDeletion::Failed(why) => assert!(why.contains("GroupNotEmptyException"), "{why}"),
            other => panic!("{other:?}"),
        }
        let partial = format!("{failed}\nThese consumer groups were deleted successfully: 'audit', 'billing'\n");
        assert_eq!(group_deletion_in(&partial, "audit"), GroupDeletion::Deleted);
        assert!(matches!(group_deletion_in(&partial, "orders"), GroupDeletion::Failed(_)));
        let ok = "Deletion of requested consumer groups ('orders', 'audit') was successful.\n";
        assert_eq!(group_deletion_in(ok, "orders"), GroupDeletion::Deleted);
        assert_eq!(group_deletion_in(ok, "order"), GroupDeletion::Unsaid, "a prefix is not the group");
        assert_eq!(group_deletion_in("", "orders"), GroupDeletion::Unsaid);
    }
}
