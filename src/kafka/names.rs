//! Topic names, validated as Kafka validates them (org.apache.kafka.common.internals.Topic).

/// Kafka's limit on a topic name's length.
pub const MAX_TOPIC_NAME: usize = 249;

/// Why a topic name is refused, or Ok with an optional warning (names mixing `.` and `_`
/// collide in metric names).
pub fn check_topic_name(name: &str) -> Result<Option<String>, String> {
    if name.is_empty() {
        return Err("a topic name cannot be empty".into());
    }
    if name == "." || name == ".." {
        return Err(format!("topic name {name:?} is not allowed"));
    }
    if name.len() > MAX_TOPIC_NAME {
        return Err(format!("topic name is {} characters long; Kafka allows at most {MAX_TOPIC_NAME}", name.len()));
    }
    if let Some(bad) = name.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))) {
        return Err(format!(
            "topic name {name:?} contains {bad:?}; only ASCII letters, digits, '.', '_' and '-' are allowed"
        ));
    }
    if name.contains('.') && name.contains('_') {
        return Ok(Some(format!(
            "topic name {name:?} mixes '.' and '_': metric names replace '.' by '_', so it may collide with another topic"
        )));
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kafka_rules() {
        assert_eq!(check_topic_name("my-topic"), Ok(None));
        assert_eq!(check_topic_name("orders.v2"), Ok(None));
        assert!(check_topic_name("").is_err());
        assert!(check_topic_name(".").is_err());
        assert!(check_topic_name("..").is_err());
        assert!(check_topic_name("a b").unwrap_err().contains("' '"));
        assert!(check_topic_name("topic/1").is_err());
        assert!(check_topic_name("tópico").is_err());
        assert_eq!(check_topic_name(&"x".repeat(249)), Ok(None));
        assert!(check_topic_name(&"x".repeat(250)).unwrap_err().contains("at most 249"));
        assert!(check_topic_name("a.b_c").unwrap().unwrap().contains("mixes"));
    }
}
