//! Records as the user writes and reads them: one JSON object per line, the same shape for
//! `consume --format json` and `produce --format json`, so the two round-trip. Bytes that are
//! not UTF-8 are base64 with an explicit `keyEncoding` / `valueEncoding` / header `encoding`.

use base64::Engine as _;
use serde_json::{Map, Value, json};

/// A record to produce or one consumed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Record {
    pub key: Option<Vec<u8>>,
    pub value: Option<Vec<u8>>,
    pub headers: Vec<(String, Option<Vec<u8>>)>,
    pub partition: Option<i32>,
}

/// Where a consumed record came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Position {
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
    pub timestamp: Option<i64>,
}

impl Record {
    /// The bytes this record puts on the wire, near enough for the size check.
    pub fn size(&self) -> usize {
        self.key.as_ref().map_or(0, Vec::len)
            + self.value.as_ref().map_or(0, Vec::len)
            + self.headers.iter().map(|(k, v)| k.len() + v.as_ref().map_or(0, Vec::len)).sum::<usize>()
    }
}

fn encode_bytes(map: &mut Map<String, Value>, field: &str, encoding_field: &str, bytes: Option<&[u8]>) {
    match bytes {
        None => {
            map.insert(field.into(), Value::Null);
        }
        Some(b) => match std::str::from_utf8(b) {
            Ok(text) => {
                map.insert(field.into(), Value::String(text.into()));
            }
            Err(_) => {
                map.insert(field.into(), Value::String(base64::engine::general_purpose::STANDARD.encode(b)));
                map.insert(encoding_field.into(), Value::String("base64".into()));
            }
        },
    }
}

/// The JSON line of a consumed record.
pub fn to_json(record: &Record, at: &Position) -> Value {
    let mut map = Map::new();
    map.insert("topic".into(), json!(at.topic));
    map.insert("partition".into(), json!(at.partition));
    map.insert("offset".into(), json!(at.offset));
    map.insert("timestamp".into(), at.timestamp.map_or(Value::Null, |t| json!(t)));
    encode_bytes(&mut map, "key", "keyEncoding", record.key.as_deref());
    encode_bytes(&mut map, "value", "valueEncoding", record.value.as_deref());
    let headers: Vec<Value> = record
        .headers
        .iter()
        .map(|(k, v)| {
            let mut h = Map::new();
            h.insert("key".into(), json!(k));
            encode_bytes(&mut h, "value", "encoding", v.as_deref());
            Value::Object(h)
        })
        .collect();
    map.insert("headers".into(), Value::Array(headers));
    Value::Object(map)
}

fn decode_bytes(obj: &Map<String, Value>, field: &str, encoding_field: &str) -> Result<Option<Vec<u8>>, String> {
    let encoding = match obj.get(encoding_field) {
        None | Some(Value::Null) => "utf8",
        Some(Value::String(e)) => e.as_str(),
        Some(other) => return Err(format!("{encoding_field} must be \"utf8\" or \"base64\", not {other}")),
    };
    match obj.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => match encoding {
            "utf8" => Ok(Some(s.as_bytes().to_vec())),
            "base64" => base64::engine::general_purpose::STANDARD
                .decode(s)
                .map(Some)
                .map_err(|e| format!("{field} is not valid base64: {e}")),
            other => Err(format!("{encoding_field} {other:?} is not \"utf8\" or \"base64\"")),
        },
        // A JSON value that is not a string is produced as its JSON text.
        Some(other) if encoding == "utf8" => Ok(Some(other.to_string().into_bytes())),
        Some(_) => Err(format!("{field} must be a string when {encoding_field} is base64")),
    }
}

/// Parses one JSON line into a record to produce.
pub fn from_json(line: &str) -> Result<Record, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("malformed JSON: {e}"))?;
    let Value::Object(obj) = value else { return Err("expected a JSON object like {\"key\":..,\"value\":..}".into()) };
    let partition = match obj.get("partition") {
        None | Some(Value::Null) => None,
        Some(v) => Some(v.as_i64().and_then(|p| i32::try_from(p).ok()).ok_or("partition must be a number")?),
    };
    let headers = match obj.get("headers") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|h| {
                let h = h.as_object().ok_or("each header must be an object {\"key\",\"value\"}")?;
                let key = h.get("key").and_then(Value::as_str).ok_or("each header needs a string \"key\"")?.to_string();
                Ok((key, decode_bytes(h, "value", "encoding")?))
            })
            .collect::<Result<_, String>>()?,
        Some(Value::Object(map)) => map
            .iter()
            .map(|(k, v)| match v {
                Value::Null => (k.clone(), None),
                Value::String(s) => (k.clone(), Some(s.as_bytes().to_vec())),
                other => (k.clone(), Some(other.to_string().into_bytes())),
            })
            .collect(),
        Some(_) => return Err("headers must be a list of {\"key\",\"value\"} objects".into()),
    };
    Ok(Record {
        key: decode_bytes(&obj, "key", "keyEncoding")?,
        value: decode_bytes(&obj, "value", "valueEncoding")?,
        headers,
        partition,
    })
}

/// Parses `-H key=value`.
pub fn parse_header(text: &str) -> Result<(String, Option<Vec<u8>>), String> {
    match text.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), Some(v.as_bytes().to_vec()))),
        _ => Err(format!("header {text:?} is not KEY=VALUE")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consume_then_produce_round_trips_binary_and_text() {
        let record = Record {
            key: Some(b"user-1".to_vec()),
            value: Some(vec![0, 159, 146, 150, 255]),
            headers: vec![
                ("trace".into(), Some(b"abc".to_vec())),
                ("bin".into(), Some(vec![0xff])),
                ("none".into(), None),
            ],
            partition: None,
        };
        let at = Position { topic: "t".into(), partition: 2, offset: 7, timestamp: Some(1700000000000) };
        let line = to_json(&record, &at).to_string();
        let v: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["key"], "user-1");
        assert!(v.get("keyEncoding").is_none());
        assert_eq!(v["valueEncoding"], "base64");
        assert_eq!(v["headers"][1]["encoding"], "base64");
        assert_eq!(v["partition"], 2);
        let back = from_json(&line).unwrap();
        assert_eq!(back.key, record.key);
        assert_eq!(back.value, record.value);
        assert_eq!(back.headers, record.headers);
        assert_eq!(back.partition, Some(2), "the partition comes back too");
    }

    #[test]
    fn json_input_errors_say_what_is_wrong() {
        assert!(from_json("{not json").unwrap_err().contains("malformed JSON"));
        assert!(from_json("[1,2]").unwrap_err().contains("JSON object"));
        assert!(from_json(r#"{"value":"x","valueEncoding":"base64"}"#).unwrap_err().contains("not valid base64"));
        assert!(from_json(r#"{"value":"x","partition":"a"}"#).unwrap_err().contains("partition"));
        let r = from_json(r#"{"value":{"n":1},"headers":{"a":"b"}}"#).unwrap();
        assert_eq!(r.value.unwrap(), br#"{"n":1}"#);
        assert_eq!(r.headers, vec![("a".to_string(), Some(b"b".to_vec()))]);
        assert_eq!(from_json(r#"{"key":null,"value":null}"#).unwrap(), Record::default());
    }

    #[test]
    fn headers_need_an_equals_sign() {
        assert_eq!(parse_header("a=b=c").unwrap(), ("a".to_string(), Some(b"b=c".to_vec())));
        assert!(parse_header("novalue").is_err());
        assert!(parse_header("=x").is_err());
    }
}
