//! kubectl's label selector syntax (`app=kafka,tier!=web,env in (a,b),!legacy`), parsed and
//! matched locally. The guide puts `app=kafka` on the pod template, not on the Deployment, so
//! workloads are matched by their template labels on our side rather than by the API server.

use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Requirement {
    Equals(String, String),
    NotEquals(String, String),
    In(String, Vec<String>),
    NotIn(String, Vec<String>),
    Exists(String),
    NotExists(String),
}

/// A parsed label selector; empty selects everything.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selector {
    requirements: Vec<Requirement>,
}

impl Selector {
    pub fn parse(text: &str) -> Result<Selector, String> {
        let mut requirements = Vec::new();
        for part in split_top_level(text) {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            requirements.push(parse_requirement(part).ok_or_else(|| {
                format!("invalid label selector {text:?} at {part:?}: use key=value, key!=value, key in (a,b), key notin (a,b), key or !key")
            })?);
        }
        Ok(Selector { requirements })
    }

    pub fn matches(&self, labels: &BTreeMap<String, String>) -> bool {
        self.requirements.iter().all(|r| match r {
            Requirement::Equals(k, v) => labels.get(k) == Some(v),
            Requirement::NotEquals(k, v) => labels.get(k) != Some(v),
            Requirement::In(k, vs) => labels.get(k).is_some_and(|v| vs.contains(v)),
            Requirement::NotIn(k, vs) => labels.get(k).is_none_or(|v| !vs.contains(v)),
            Requirement::Exists(k) => labels.contains_key(k),
            Requirement::NotExists(k) => !labels.contains_key(k),
        })
    }
}

/// Splits on commas that are not inside `( )`.
fn split_top_level(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

fn valid_key(key: &str) -> bool {
    !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
}

fn parse_requirement(part: &str) -> Option<Requirement> {
    if let Some(key) = part.strip_prefix('!') {
        let key = key.trim();
        return valid_key(key).then(|| Requirement::NotExists(key.to_string()));
    }
    for (op, notin) in [(" notin ", true), (" in ", false)] {
        if let Some((key, values)) = part.split_once(op) {
            let values = values.trim().strip_prefix('(')?.strip_suffix(')')?;
            let values: Vec<String> = values.split(',').map(|v| v.trim().to_string()).collect();
            let key = key.trim().to_string();
            if !valid_key(&key) {
                return None;
            }
            return Some(if notin { Requirement::NotIn(key, values) } else { Requirement::In(key, values) });
        }
    }
    for (op, negate) in [("!=", true), ("==", false), ("=", false)] {
        if let Some((key, value)) = part.split_once(op) {
            let (key, value) = (key.trim().to_string(), value.trim().to_string());
            if !valid_key(&key) {
                return None;
            }
            return Some(if negate { Requirement::NotEquals(key, value) } else { Requirement::Equals(key, value) });
        }
    }
    valid_key(part).then(|| Requirement::Exists(part.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn equality_and_sets() {
        let pod = labels(&[("app", "kafka"), ("instance", "kafka-2")]);
        assert!(Selector::parse("app=kafka").unwrap().matches(&pod));
        assert!(Selector::parse("app==kafka,instance=kafka-2").unwrap().matches(&pod));
        assert!(!Selector::parse("app=kafka,instance!=kafka-2").unwrap().matches(&pod));
        assert!(Selector::parse("instance in (kafka-1, kafka-2)").unwrap().matches(&pod));
        assert!(!Selector::parse("instance notin (kafka-1,kafka-2)").unwrap().matches(&pod));
        assert!(Selector::parse("app,!legacy").unwrap().matches(&pod));
        assert!(!Selector::parse("!app").unwrap().matches(&pod));
        assert!(Selector::parse("").unwrap().matches(&pod));
    }

    #[test]
    fn rejects_nonsense() {
        assert!(Selector::parse("app=kafka,in (a)").is_err());
        assert!(Selector::parse("x in a,b").is_err());
        assert!(Selector::parse("a b").is_err());
    }
}
