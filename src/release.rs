//! Which Kafka runs where, and which versions can meet: Kafka releases, the `metadata.version`
//! levels each supports (KIP-778), and the decisions `upgrade`, `upgrade --finalize` and
//! `rollback` take from them. Pure: the levels come from Kafka's own MetadataVersion table.

use std::cmp::Ordering;
use std::fmt;

/// `metadata.version` feature levels and their names (Kafka's MetadataVersion, 3.0-IV1 to
/// 4.4-IV2).
const LEVELS: &[(i16, &str)] = &[
    (1, "3.0-IV1"),
    (2, "3.1-IV0"),
    (3, "3.2-IV0"),
    (4, "3.3-IV0"),
    (5, "3.3-IV1"),
    (6, "3.3-IV2"),
    (7, "3.3-IV3"),
    (8, "3.4-IV0"),
    (9, "3.5-IV0"),
    (10, "3.5-IV1"),
    (11, "3.5-IV2"),
    (12, "3.6-IV0"),
    (13, "3.6-IV1"),
    (14, "3.6-IV2"),
    (15, "3.7-IV0"),
    (16, "3.7-IV1"),
    (17, "3.7-IV2"),
    (18, "3.7-IV3"),
    (19, "3.7-IV4"),
    (20, "3.8-IV0"),
    (21, "3.9-IV0"),
    (22, "4.0-IV0"),
    (23, "4.0-IV1"),
    (24, "4.0-IV2"),
    (25, "4.0-IV3"),
    (26, "4.1-IV0"),
    (27, "4.1-IV1"),
    (28, "4.2-IV0"),
    (29, "4.2-IV1"),
    (30, "4.3-IV0"),
    (31, "4.4-IV0"),
    (32, "4.4-IV1"),
    (33, "4.4-IV2"),
];

/// The newest production `metadata.version` of each release line: what its brokers advertise
/// as their highest supported level, and the highest a cluster running it can finalize.
const LATEST_PRODUCTION: &[((u32, u32), i16)] = &[
    ((3, 0), 1),
    ((3, 1), 2),
    ((3, 2), 3),
    ((3, 3), 7),
    ((3, 4), 8),
    ((3, 5), 11),
    ((3, 6), 14),
    ((3, 7), 19),
    ((3, 8), 20),
    ((3, 9), 21),
    ((4, 0), 25),
    ((4, 1), 27),
    ((4, 2), 29),
    ((4, 3), 30),
    ((4, 4), 33),
];

/// Kafka 4 dropped every metadata.version below 3.3-IV3 (KIP-1012).
const LOWEST_ON_4: i16 = 7;

pub const METADATA_VERSION: &str = "metadata.version";
pub const KRAFT_VERSION: &str = "kraft.version";

/// The name of a `metadata.version` level (`3.7-IV4`), or `level N` for one newer than the
/// table.
pub fn level_name(level: i16) -> String {
    LEVELS.iter().find(|(l, _)| *l == level).map_or_else(|| format!("level {level}"), |(_, n)| n.to_string())
}

/// A Kafka version as an image tag or `--version` names it: `3.9.1`, `4.0` (patch unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Release {
    pub major: u32,
    pub minor: u32,
    pub patch: Option<u32>,
}

impl fmt::Display for Release {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.patch {
            Some(p) => write!(f, "{}.{}.{p}", self.major, self.minor),
            None => write!(f, "{}.{}", self.major, self.minor),
        }
    }
}

impl Release {
    /// `3.9.1`, `3.9`, or a tag that starts with one (`3.9.1-scala2.13`).
    pub fn parse(text: &str) -> Option<Release> {
        fn leading(part: &str) -> Option<u32> {
            let end = part.find(|c: char| !c.is_ascii_digit()).unwrap_or(part.len());
            part[..end].parse().ok()
        }
        let text = text.trim().trim_start_matches('v');
        let mut parts = text.splitn(3, '.');
        let major = parts.next()?.parse().ok()?;
        let minor_part = parts.next()?;
        let minor = leading(minor_part)?;
        // `4.0-rc1` has no patch; `4.0.1-rc1` has 1.
        let patch = if minor_part.len() == minor.to_string().len() { parts.next().and_then(leading) } else { None };
        Some(Release { major, minor, patch })
    }

    /// The Kafka version an image's tag names (`apache/kafka:3.9.1`), if it names one.
    pub fn of_image(image: &str) -> Option<Release> {
        let name = image.split('@').next()?;
        let last = name.rsplit('/').next()?;
        let tag = last.split_once(':')?.1;
        Release::parse(tag)
    }

    pub fn line(&self) -> (u32, u32) {
        (self.major, self.minor)
    }

    /// The highest metadata.version this release supports, when the table knows its line.
    pub fn max_level(&self) -> Option<i16> {
        LATEST_PRODUCTION.iter().find(|(line, _)| *line == self.line()).map(|(_, l)| *l)
    }

    /// The lowest metadata.version this release can run a cluster at.
    pub fn min_level(&self) -> i16 {
        if self.major >= 4 { LOWEST_ON_4 } else { 1 }
    }

    fn newer_than_table(&self) -> bool {
        LATEST_PRODUCTION.last().is_some_and(|(line, _)| self.line().cmp(line) == Ordering::Greater)
    }

    /// Whether `self` and `other` are the same release line (`3.9.1` is on `3.9`).
    pub fn same_line(&self, other: &Release) -> bool {
        self.line() == other.line()
    }
}

/// The release line a broker runs, read from the highest metadata.version it says it
/// supports (brokers advertise their line's newest production level). None for a level the
/// table does not know (a release newer than 4.4).
pub fn line_of_max_level(max: i16) -> Option<Release> {
    LATEST_PRODUCTION.iter().find(|(_, l)| *l == max).map(|((major, minor), _)| Release {
        major: *major,
        minor: *minor,
        patch: None,
    })
}

/// How a broker's software is described: its line from its own answer (`3.9`), else the
/// highest level it supports.
pub fn describe_max_level(max: i16) -> String {
    line_of_max_level(max).map_or_else(|| format!("newer than 4.4 (supports {})", level_name(max)), |r| r.to_string())
}

/// Whether a broker whose software supports metadata.version up to `max` runs `target`'s
/// release line (for a release newer than the table: a level newer than the table too).
pub fn runs(max: i16, target: &Release) -> bool {
    match line_of_max_level(max) {
        Some(line) => line.same_line(target),
        None => {
            target.max_level().is_none()
                && target.newer_than_table()
                && max > LATEST_PRODUCTION[LATEST_PRODUCTION.len() - 1].1
        }
    }
}

/// Whether brokers of `target` can run a cluster whose metadata.version is finalized at
/// `finalized`: the reason when not. A release newer than the table is taken to support every
/// level from 3.3-IV3 up, as every 4.x does.
pub fn can_run(target: &Release, finalized: i16) -> Result<(), String> {
    if finalized < target.min_level() {
        return Err(format!(
            "Kafka {target} needs metadata.version {} or later, and the cluster is at {}: upgrade to \
             the last 3.x first and finalize there",
            level_name(target.min_level()),
            level_name(finalized)
        ));
    }
    match target.max_level() {
        Some(max) if finalized > max => Err(format!(
            "metadata.version is finalized at {} and Kafka {target} supports at most {}: its brokers \
             would refuse to start (a finalized metadata.version cannot be lowered)",
            level_name(finalized),
            level_name(max)
        )),
        Some(_) => Ok(()),
        None if target.newer_than_table() && target.major >= 4 => Ok(()),
        None => Err(format!("Kafka {target} is not a KRaft release this tool knows (3.0 to 4.4 and later 4.x)")),
    }
}

/// One broker as `upgrade --finalize` sees it: its name and the metadata.version range its
/// software supports (None when it did not answer or did not say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokerSupport {
    pub name: String,
    pub range: Option<(i16, i16)>,
}

/// What `upgrade --finalize` would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finalize {
    /// Raise metadata.version from `from` to `to`.
    Raise { from: i16, to: i16 },
    /// Already at the highest level every broker supports.
    AlreadyFinal { level: i16 },
}

/// The level to finalize: the highest every broker supports, which must be the same on every
/// broker (a broker on an older release means the roll is not finished). Refuses with the
/// reason when a broker did not say, or when the brokers run different release lines.
pub fn finalize_target(brokers: &[BrokerSupport], finalized: i16) -> Result<Finalize, String> {
    if brokers.is_empty() {
        return Err("no broker answered".into());
    }
    if let Some(b) = brokers.iter().find(|b| b.range.is_none()) {
        return Err(format!("{} did not say which metadata.version levels it supports", b.name));
    }
    let top = brokers.iter().filter_map(|b| b.range.map(|r| r.1)).max().unwrap_or(finalized);
    let behind: Vec<String> = brokers
        .iter()
        .filter(|b| b.range.is_some_and(|r| r.1 < top))
        .map(|b| format!("{} runs {}", b.name, describe_max_level(b.range.map_or(0, |r| r.1))))
        .collect();
    if !behind.is_empty() {
        return Err(format!(
            "not every broker runs the newest version ({}; the newest is {}): finish the upgrade first",
            behind.join(", "),
            describe_max_level(top)
        ));
    }
    match top.cmp(&finalized) {
        Ordering::Greater => Ok(Finalize::Raise { from: finalized, to: top }),
        Ordering::Equal => Ok(Finalize::AlreadyFinal { level: finalized }),
        Ordering::Less => Err(format!(
            "metadata.version is finalized at {} but the brokers support at most {}",
            level_name(finalized),
            level_name(top)
        )),
    }
}

/// Whether a rollback to `image` can run at the finalized level: the reason when not (also
/// when the image's tag names no version, so that nothing unknown is assumed safe).
pub fn rollback_allowed(image: &str, finalized: i16) -> Result<(), String> {
    let Some(release) = Release::of_image(image) else {
        return Err(format!(
            "the image {image} names no Kafka version in its tag, so whether it can run metadata.version {} \
             cannot be told",
            level_name(finalized)
        ));
    };
    can_run(&release, finalized).map_err(|why| format!("rolling back to {image}: {why}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> Release {
        Release::parse(s).unwrap()
    }

    #[test]
    fn versions_parse_from_versions_and_image_tags() {
        assert_eq!(r("3.9.1"), Release { major: 3, minor: 9, patch: Some(1) });
        assert_eq!(r("4.0"), Release { major: 4, minor: 0, patch: None });
        assert_eq!(Release::of_image("apache/kafka:3.7.1"), Some(r("3.7.1")));
        assert_eq!(Release::of_image("registry:5000/team/kafka:4.4.0-rc1"), Some(r("4.4.0")));
        assert_eq!(Release::of_image("registry:5000/kafka"), None);
        assert_eq!(Release::of_image("apache/kafka:latest"), None);
        assert_eq!(Release::parse("3"), None);
        assert_eq!(r("3.9.1").to_string(), "3.9.1");
    }

    #[test]
    fn a_brokers_line_is_read_from_its_highest_level() {
        assert_eq!(line_of_max_level(19).map(|r| r.line()), Some((3, 7)));
        assert_eq!(line_of_max_level(21).map(|r| r.line()), Some((3, 9)));
        assert_eq!(line_of_max_level(33).map(|r| r.line()), Some((4, 4)));
        assert_eq!(line_of_max_level(34), None);
        assert_eq!(describe_max_level(21), "3.9");
        assert_eq!(level_name(19), "3.7-IV4");
        assert_eq!(level_name(40), "level 40");
    }

    #[test]
    fn a_broker_runs_the_line_its_highest_level_names() {
        assert!(runs(21, &r("3.9.1")));
        assert!(!runs(19, &r("3.9.1")));
        assert!(runs(33, &r("4.4.0")));
        assert!(runs(36, &r("4.6.0")), "beyond the table on both sides");
        assert!(!runs(33, &r("4.6.0")));
    }

    #[test]
    fn a_release_runs_only_levels_it_knows() {
        assert!(can_run(&r("3.9.1"), 19).is_ok());
        assert!(can_run(&r("4.4.0"), 21).is_ok());
        let down = can_run(&r("3.7.1"), 21).unwrap_err();
        assert!(down.contains("3.9-IV0") && down.contains("3.7-IV4"), "{down}");
        let old = can_run(&r("4.0.0"), 5).unwrap_err();
        assert!(old.contains("3.3-IV3"), "{old}");
        assert!(can_run(&r("4.9.0"), 33).is_ok(), "a newer 4.x runs what 4.4 runs");
        assert!(can_run(&r("2.8.0"), 1).is_err());
    }

    fn b(name: &str, max: i16) -> BrokerSupport {
        BrokerSupport { name: name.into(), range: Some((1, max)) }
    }

    #[test]
    fn finalize_raises_to_what_every_broker_supports() {
        let all = [b("kafka-1", 21), b("kafka-2", 21), b("kafka-3", 21)];
        assert_eq!(finalize_target(&all, 19), Ok(Finalize::Raise { from: 19, to: 21 }));
        assert_eq!(finalize_target(&all, 21), Ok(Finalize::AlreadyFinal { level: 21 }));
    }

    #[test]
    fn finalize_refuses_a_broker_on_an_older_line_or_silent() {
        let mixed = [b("kafka-1", 21), b("kafka-2", 19), b("kafka-3", 21)];
        let why = finalize_target(&mixed, 19).unwrap_err();
        assert!(why.contains("kafka-2 runs 3.7") && why.contains("newest is 3.9"), "{why}");
        let silent = [b("kafka-1", 21), BrokerSupport { name: "kafka-2".into(), range: None }];
        assert!(finalize_target(&silent, 19).unwrap_err().contains("kafka-2"));
        assert!(finalize_target(&[], 19).is_err());
    }

    #[test]
    fn rollback_is_refused_below_the_finalized_level_or_for_an_unknown_image() {
        assert!(rollback_allowed("apache/kafka:3.7.1", 19).is_ok());
        let why = rollback_allowed("apache/kafka:3.7.1", 21).unwrap_err();
        assert!(why.contains("apache/kafka:3.7.1") && why.contains("3.9-IV0"), "{why}");
        assert!(rollback_allowed("my/kafka:prod", 19).unwrap_err().contains("names no Kafka version"));
    }
}
