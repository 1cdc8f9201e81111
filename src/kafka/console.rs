//! Lines as Kafka's console producer reads them (its LineMessageReader), for the exec
//! transport: `[headers TAB] [key TAB] value`, headers as `k:v,k:v`. Pure: which
//! `--property` settings to pass, and each record as one such line, or why it cannot be one.

use super::record::Record;

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
