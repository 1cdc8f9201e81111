//! The text of Kafka's command-line tools, for the exec transport. Pure.
//! - Lines as the console producer reads them (its LineMessageReader):
//!   `[headers TAB] [key TAB] value`, headers as `k:v,k:v`; which `--property` settings to
//!   pass, and each record as one such line, or why it cannot be one.
//! - What kafka-configs.sh and kafka-consumer-groups.sh print, read back into our data.

use crate::kafka::record::Record;

/// The separators we choose; each must be absent from what it separates.
const FIELD: &str = "\t";
const HEADER_SEPARATOR: &str = ",";
const HEADER_KEY_SEPARATOR: &str = ":";

/// What the lines carry besides the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsoleLines {
    pub keys: bool,
    pub headers: bool,
}

impl ConsoleLines {
    /// The console producer's `--property` arguments for this shape.
    pub fn properties(&self) -> Vec<String> {
        let mut props = Vec::new();
        if self.keys {
            props.extend(["parse.key=true".to_string(), format!("key.separator={FIELD}")]);
        }
        if self.headers {
            props.extend([
                "parse.headers=true".to_string(),
                format!("headers.delimiter={FIELD}"),
                format!("headers.separator={HEADER_SEPARATOR}"),
                format!("headers.key.separator={HEADER_KEY_SEPARATOR}"),
            ]);
        }
        props.into_iter().flat_map(|p| ["--property".to_string(), p]).collect()
    }

    /// One record as one line (with its newline).
    pub fn encode(&self, record: &Record) -> Result<Vec<u8>, String> {
        let mut line = Vec::new();
        if self.headers {
            let mut first = true;
            for (k, v) in &record.headers {
                let v = v.as_deref().ok_or_else(|| format!("header {k} has no value"))?;
                if k.is_empty() || [FIELD, HEADER_SEPARATOR, HEADER_KEY_SEPARATOR, "\n"].iter().any(|s| k.contains(s)) {
                    return Err(format!("header key {k:?} contains a tab, ',', ':' or a newline"));
                }
                if [FIELD.as_bytes(), HEADER_SEPARATOR.as_bytes(), b"\n"].iter().any(|s| contains(v, s)) {
                    return Err(format!("header {k}'s value contains a tab, ',' or a newline"));
                }
                if !first {
                    line.extend_from_slice(HEADER_SEPARATOR.as_bytes());
                }
                first = false;
                line.extend_from_slice(k.as_bytes());
                line.extend_from_slice(HEADER_KEY_SEPARATOR.as_bytes());
                line.extend_from_slice(v);
            }
            line.extend_from_slice(FIELD.as_bytes());
        } else if !record.headers.is_empty() {
            return Err("the record has headers, the lines do not".into());
        }
        if self.keys {
            let key = record.key.as_deref().ok_or("the record has no key")?;
            if contains(key, FIELD.as_bytes()) || contains(key, b"\n") {
                return Err("the key contains a tab or a newline".into());
            }
            line.extend_from_slice(key);
            line.extend_from_slice(FIELD.as_bytes());
        } else if record.key.is_some() {
            return Err("the record has a key, the lines do not".into());
        }
        let value = record.value.as_deref().ok_or("a null value cannot be a console line")?;
        if contains(value, b"\n") {
            return Err("the value contains a newline".into());
        }
        line.extend_from_slice(value);
        line.push(b'\n');
        Ok(line)
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// `max.message.bytes` from `kafka-configs.sh --describe --all` output
/// (`  max.message.bytes=10485760 sensitive=false synonyms={...}`).
pub fn max_message_bytes_in(configs_output: &str) -> Option<usize> {
    configs_output.lines().find_map(|l| l.trim().strip_prefix("max.message.bytes=")?.split(' ').next()?.parse().ok())
}

/// How many sends the console producer reported failed (it logs each and still exits 0),
/// and the exception of the first (`org.apache.kafka.common.errors.X: why`).
pub fn send_failures_in(stderr: &str) -> (u64, Option<String>) {
    let count = stderr.lines().filter(|l| l.contains("Error when sending message")).count() as u64;
    let first = stderr
        .lines()
        .skip_while(|l| !l.contains("Error when sending message"))
        .find(|l| l.trim_start().starts_with("org.apache.kafka."))
        .map(|l| l.trim().to_string());
    (count, first)
}

/// The rows of the tables kafka-consumer-groups.sh prints (each after a header line that
/// starts with `GROUP`), split on whitespace; with `join_after: Some(n)`, n columns and then
/// the rest joined as one (the last column, e.g. CLIENT-ID, may hold spaces).
fn group_tables(text: &str, join_after: Option<usize>) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut in_table = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            in_table = false;
            continue;
        }
        if trimmed.starts_with("GROUP ") {
            in_table = true;
            continue;
        }
        if !in_table {
            continue;
        }
        let mut cols: Vec<String> = trimmed.split_whitespace().map(str::to_string).collect();
        if let Some(n) = join_after
            && cols.len() > n + 1
        {
            let rest = cols.split_off(n).join(" ");
            cols.push(rest);
        }
        rows.push(cols);
    }
    rows
}

fn dash_none(s: &str) -> Option<String> {
    (s != "-").then(|| s.to_string())
}

/// One row of `kafka-consumer-groups.sh --describe` (offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolOffset {
    pub group: String,
    pub topic: String,
    pub partition: i32,
    pub committed: Option<i64>,
    pub end: Option<i64>,
    pub lag: Option<i64>,
    pub member: Option<String>,
    pub host: Option<String>,
}

/// `--describe [--all-groups]`: GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG
/// CONSUMER-ID HOST CLIENT-ID.
pub fn group_offsets_in(text: &str) -> Vec<ToolOffset> {
    group_tables(text, Some(8))
        .into_iter()
        .filter(|c| c.len() >= 6)
        .filter_map(|c| {
            Some(ToolOffset {
                group: c[0].clone(),
                topic: c[1].clone(),
                partition: c[2].parse().ok()?,
                committed: c[3].parse().ok(),
                end: c[4].parse().ok(),
                lag: c[5].parse().ok(),
                member: c.get(6).and_then(|s| dash_none(s)),
                host: c.get(7).and_then(|s| dash_none(s)),
            })
        })
        .collect()
}

/// `--describe --state [--all-groups]`: GROUP COORDINATOR (ID) ASSIGNMENT-STRATEGY STATE
/// #MEMBERS, read from both ends (the coordinator holds a space, the strategy may be empty):
/// (group, state, members).
pub fn group_states_in(text: &str) -> Vec<(String, String, usize)> {
    group_tables(text, None)
        .into_iter()
        .filter(|c| c.len() >= 3)
        .filter_map(|c| {
            let members = c[c.len() - 1].parse().ok()?;
            Some((c[0].clone(), c[c.len() - 2].clone(), members))
        })
        .collect()
}

/// One row of `--describe --members --verbose`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolMember {
    pub group: String,
    pub id: String,
    pub host: String,
    pub client_id: String,
    pub assignment: Vec<(String, Vec<i32>)>,
}

/// `--describe --members --verbose`: GROUP CONSUMER-ID HOST CLIENT-ID #PARTITIONS ASSIGNMENT,
/// the assignment as `topic(0,1),other(2)` or `-`.
pub fn group_members_in(text: &str) -> Vec<ToolMember> {
    group_tables(text, None)
        .into_iter()
        .filter(|c| c.len() >= 5)
        .map(|c| ToolMember {
            group: c[0].clone(),
            id: c[1].clone(),
            host: c[2].clone(),
            client_id: c[3].clone(),
            assignment: c.get(5).map(|a| assignment_in(a)).unwrap_or_default(),
        })
        .collect()
}

fn assignment_in(text: &str) -> Vec<(String, Vec<i32>)> {
    text.split("),")
        .filter_map(|part| {
            let (topic, parts) = part.trim_end_matches(')').split_once('(')?;
            Some((topic.to_string(), parts.split(',').filter_map(|p| p.trim().parse().ok()).collect()))
        })
        .collect()
}

/// `--reset-offsets`: GROUP TOPIC PARTITION NEW-OFFSET, as (topic, partition, new offset).
pub fn reset_plan_in(text: &str) -> Vec<(String, i32, i64)> {
    group_tables(text, None)
        .into_iter()
        .filter(|c| c.len() == 4)
        .filter_map(|c| Some((c[1].clone(), c[2].parse().ok()?, c[3].parse().ok()?)))
        .collect()
}

/// The tool says a group does not exist (`Error: Consumer group 'g' does not exist.`).
pub fn group_missing_in(text: &str, group: &str) -> bool {
    text.contains(&format!("Consumer group '{group}' does not exist"))
}

/// The quorum from `kafka-metadata-quorum.sh describe --status` (`LeaderId:  1` lines) and
/// `describe --replication` (a tab-separated table: NodeId [DirectoryId] LogEndOffset Lag
/// LastFetchTimestamp LastCaughtUpTimestamp Status; -1 for a time never seen).
pub fn quorum_in(status: &str, replication: &str) -> Option<crate::kafka::quorum::Quorum> {
    let field = |name: &str| {
        status.lines().find_map(|l| l.trim().strip_prefix(name)?.strip_prefix(':').map(|v| v.trim().to_string()))
    };
    let mut quorum = crate::kafka::quorum::Quorum {
        leader_id: field("LeaderId")?.parse().ok()?,
        leader_epoch: field("LeaderEpoch")?.parse().ok()?,
        high_watermark: field("HighWatermark")?.parse().ok()?,
        voters: Vec::new(),
        observers: Vec::new(),
    };
    let time = |v: &str| v.parse::<i64>().ok().filter(|t| *t >= 0);
    // Columns by their header: 3.9 and 4.x added DirectoryId after NodeId.
    let mut lines = replication.lines().skip_while(|l| !l.trim_start().starts_with("NodeId"));
    let header: Vec<&str> = lines.next()?.split_whitespace().collect();
    let at = |name: &str| header.iter().position(|h| *h == name);
    let (id, end, lag, fetch, caught, status) = (
        at("NodeId")?,
        at("LogEndOffset")?,
        at("Lag")?,
        at("LastFetchTimestamp")?,
        at("LastCaughtUpTimestamp")?,
        at("Status")?,
    );
    for line in lines {
        let c: Vec<&str> = line.split_whitespace().collect();
        if c.len() < header.len() {
            continue;
        }
        let replica = crate::kafka::quorum::Replica {
            node_id: c[id].parse().ok()?,
            log_end_offset: c[end].parse().ok()?,
            lag: c[lag].parse().ok()?,
            last_fetch: time(c[fetch]),
            last_caught_up: time(c[caught]),
            voter: c[status] != "Observer",
            leader: c[status] == "Leader",
        };
        if replica.voter { quorum.voters.push(replica) } else { quorum.observers.push(replica) }
    }
    // By node id, as the client route orders them.
    quorum.voters.sort_by_key(|r| r.node_id);
    quorum.observers.sort_by_key(|r| r.node_id);
    (!quorum.voters.is_empty()).then_some(quorum)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(key: Option<&str>, value: &str, headers: &[(&str, &str)]) -> Record {
        Record {
            key: key.map(|k| k.as_bytes().to_vec()),
            value: Some(value.as_bytes().to_vec()),
            headers: headers.iter().map(|(k, v)| (k.to_string(), Some(v.as_bytes().to_vec()))).collect(),
            partition: None,
        }
    }

    #[test]
    fn lines_carry_headers_then_key_then_value() {
        let both = ConsoleLines { keys: true, headers: true };
        let line = both.encode(&record(Some("k1"), "a\tvalue", &[("trace", "t-1"), ("env", "prod")])).unwrap();
        assert_eq!(line, b"trace:t-1,env:prod\tk1\ta\tvalue\n", "tabs in the value stay: the key ends at the first");
        let plain = ConsoleLines { keys: false, headers: false };
        assert_eq!(plain.encode(&record(None, "just text", &[])).unwrap(), b"just text\n");
        assert_eq!(
            both.properties(),
            [
                "--property",
                "parse.key=true",
                "--property",
                "key.separator=\t",
                "--property",
                "parse.headers=true",
                "--property",
                "headers.delimiter=\t",
                "--property",
                "headers.separator=,",
                "--property",
                "headers.key.separator=:"
            ]
        );
        assert!(plain.properties().is_empty());
    }

    #[test]
    fn what_a_line_cannot_carry_is_refused() {
        let keys = ConsoleLines { keys: true, headers: false };
        assert!(keys.encode(&record(Some("a\tb"), "v", &[])).unwrap_err().contains("key contains a tab"));
        assert!(keys.encode(&record(None, "v", &[])).unwrap_err().contains("no key"));
        let headers = ConsoleLines { keys: false, headers: true };
        assert!(headers.encode(&record(None, "v", &[("a:b", "x")])).unwrap_err().contains("header key"));
        assert!(headers.encode(&record(None, "v", &[("a", "x,y")])).unwrap_err().contains("value contains"));
        let plain = ConsoleLines { keys: false, headers: false };
        assert!(plain.encode(&record(Some("k"), "v", &[])).is_err(), "a key the lines would drop");
        let null = Record { value: None, ..Default::default() };
        assert!(plain.encode(&null).unwrap_err().contains("null value"));
    }

    // As kafka-consumer-groups.sh 3.7.1 printed them on the bed.
    const STATES: &str = "\nConsumer group 'grp1' has no active members.\n\n\
        GROUP                     COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE           #MEMBERS\n\
        grp1                      kafka-3:9092 (3)                               Empty           0\n\n\
        GROUP                     COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE           #MEMBERS\n\
        live                      kafka-1:9092 (1)          range                Stable          2\n";
    const OFFSETS: &str = "\nConsumer group 'grp1' has no active members.\n\n\
        GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID\n\
        grp1            g1              0          1               1               0               -               -               -\n\
        grp1            g1              1          -               2               -               -               -               -\n\n\
        GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID\n\
        live            g1              0          5               7               2               rdkafka-1a2b    /10.231.0.1     my client\n";

    #[test]
    fn consumer_group_tables_are_read() {
        assert_eq!(group_states_in(STATES), [("grp1".into(), "Empty".into(), 0), ("live".into(), "Stable".into(), 2)]);
        let offsets = group_offsets_in(OFFSETS);
        assert_eq!(offsets.len(), 3);
        assert_eq!(
            offsets[0],
            ToolOffset {
                group: "grp1".into(),
                topic: "g1".into(),
                partition: 0,
                committed: Some(1),
                end: Some(1),
                lag: Some(0),
                member: None,
                host: None
            }
        );
        assert_eq!((offsets[1].committed, offsets[1].lag), (None, None), "'-' is no committed offset");
        assert_eq!(offsets[2].member.as_deref(), Some("rdkafka-1a2b"));
        assert_eq!(offsets[2].host.as_deref(), Some("/10.231.0.1"));
        let members = group_members_in(
            "GROUP CONSUMER-ID HOST CLIENT-ID #PARTITIONS ASSIGNMENT\nlive rdkafka-1a2b /10.231.0.1 rdkafka 3 g1(0,1),other(2)\n\
             live rdkafka-3c4d /10.231.0.1 rdkafka 0 -\n",
        );
        assert_eq!(members[0].assignment, [("g1".to_string(), vec![0, 1]), ("other".to_string(), vec![2])]);
        assert!(members[1].assignment.is_empty());
        let plan = "\nGROUP                          TOPIC                          PARTITION  NEW-OFFSET     \n\
                    grp1                           g1                             0          0              \n\
                    grp1                           g1                             1          0              \n";
        assert_eq!(reset_plan_in(plan), [("g1".into(), 0, 0), ("g1".into(), 1, 0)]);
        assert!(reset_plan_in("\nError: Executing consumer group command failed due to ...\n").is_empty());
        assert!(group_missing_in("\nError: Consumer group 'nope' does not exist.\n", "nope"));
        assert!(!group_missing_in(STATES, "nope"));
    }

    #[test]
    fn the_quorum_tool_is_read() {
        let status = "ClusterId:              5L6g3nShT-eMCtK--X86AZA\nLeaderId:               1\nLeaderEpoch:            6\n\
                      HighWatermark:          1715\nMaxFollowerLag:         0\nCurrentVoters:          [1,2,3]\n";
        let replication = "NodeId\tLogEndOffset\tLag\tLastFetchTimestamp\tLastCaughtUpTimestamp\tStatus  \t\n\
                           1     \t1716        \t0  \t1795604417848     \t1795604417848        \tLeader  \t\n\
                           3     \t1700        \t16 \t-1                \t-1                   \tFollower\t\n\
                           4     \t1716        \t0  \t1795604417629     \t1795604417629        \tObserver\t\n";
        let q = quorum_in(status, replication).unwrap();
        assert_eq!((q.leader_id, q.leader_epoch, q.high_watermark), (1, 6, 1715));
        assert_eq!(q.voters.len(), 2);
        assert!(q.voters[0].leader && q.voters[0].voter);
        assert_eq!((q.voters[1].lag, q.voters[1].last_fetch, q.voters[1].last_caught_up), (16, None, None));
        assert_eq!(q.observers.len(), 1);
        assert!(!q.observers[0].voter);
        assert!(quorum_in("", replication).is_none(), "no status, no quorum");
        // Kafka 3.9 and 4.x print each voter's DirectoryId after its NodeId (as 4.4.0 on the bed).
        let with_directory = "NodeId\tDirectoryId           \tLogEndOffset\tLag\tLastFetchTimestamp\tLastCaughtUpTimestamp\tStatus  \t\n\
                              1     \tAAAAAAAAAAAAAAAAAAAAAA\t45          \t0  \t1796232407286     \t1796232407286        \tLeader  \t\n\
                              2     \tAAAAAAAAAAAAAAAAAAAAAA\t40          \t5  \t1796232407088     \t1796232407088        \tFollower\t\n";
        let q = quorum_in(status, with_directory).unwrap();
        assert_eq!(
            q.voters.iter().map(|v| (v.node_id, v.log_end_offset, v.lag)).collect::<Vec<_>>(),
            [(1, 45, 0), (2, 40, 5)]
        );
        assert_eq!(q.voters[1].last_caught_up, Some(1_796_232_407_088));
    }

    #[test]
    fn tool_output_is_read() {
        let configs = "All configs for topic orders are:\n  compression.type=producer sensitive=false synonyms={}\n  \
                       max.message.bytes=10485760 sensitive=false synonyms={STATIC_BROKER_CONFIG:message.max.bytes=10485760}\n";
        assert_eq!(max_message_bytes_in(configs), Some(10_485_760));
        assert_eq!(max_message_bytes_in("nothing here"), None);
        let stderr = "[2026-11-25 10:00:00,000] ERROR Error when sending message to topic t with key: null, value: 5 \
                      bytes with error: (org.apache.kafka.clients.producer.internals.ErrorLoggingCallback)\n\
                      org.apache.kafka.common.errors.RecordTooLargeException: The message is 20 bytes\nother\n";
        assert_eq!(
            send_failures_in(stderr),
            (1, Some("org.apache.kafka.common.errors.RecordTooLargeException: The message is 20 bytes".into()))
        );
        assert_eq!(send_failures_in("[..] WARN something else\n"), (0, None));
    }
}
