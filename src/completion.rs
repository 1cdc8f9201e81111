//! Completion inside kubectl. kubectl 1.26+ runs `kubectl_complete-kafka` from PATH with the
//! words after `kafka` (the last one partial) and expects one candidate per line, an optional
//! TAB and description, and a last line `:<directive>` (cobra's ShellCompDirective). The
//! binary answers as that completer when invoked under that name.
//!
//! Static candidates (subcommands, flags, enum values) come from the clap definition; live
//! ones (brokers, topics, groups) from the cluster, with a short time limit.

use clap::Command;

/// cobra's ShellCompDirectiveNoFileComp: do not fall back to file names.
pub const NO_FILE_COMP: u32 = 4;
/// cobra's ShellCompDirectiveDefault: the shell may complete file names.
pub const DEFAULT: u32 = 0;

/// Live values a position wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Live {
    Brokers,
    Topics,
    Groups,
    Namespaces,
    Contexts,
    Nodes,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub candidates: Vec<(String, Option<String>)>,
    pub directive: u32,
    /// Live values to add (filtered by the partial word).
    pub live: Option<Live>,
    pub partial: String,
}

/// The global flags given so far, for the live lookups.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Globals {
    pub namespace: Option<String>,
    pub context: Option<String>,
    pub kubeconfig: Option<String>,
    pub selector: Option<String>,
}

fn takes_value(arg: &clap::Arg) -> bool {
    arg.get_num_args().is_some_and(|n| n.takes_values())
        && !matches!(
            arg.get_action(),
            clap::ArgAction::SetTrue | clap::ArgAction::Count | clap::ArgAction::Help | clap::ArgAction::Version
        )
}

fn find_flag<'a>(cmds: &[&'a Command], word: &str) -> Option<&'a clap::Arg> {
    let name = word.split('=').next().unwrap_or(word);
    cmds.iter().rev().flat_map(|c| c.get_arguments()).find(|a| {
        name.strip_prefix("--")
            .is_some_and(|l| a.get_long() == Some(l) || a.get_all_aliases().is_some_and(|al| al.contains(&l)))
            || (name.len() == 2 && name.starts_with('-') && a.get_short() == name.chars().nth(1))
    })
}

fn live_for_flag(arg: &clap::Arg) -> Option<Live> {
    match arg.get_long()? {
        "topic" => Some(Live::Topics),
        "group" => Some(Live::Groups),
        "namespace" => Some(Live::Namespaces),
        "context" => Some(Live::Contexts),
        "to-node" => Some(Live::Nodes),
        _ => None,
    }
}

fn live_for_positional(path: &[String]) -> Option<Live> {
    let p: Vec<&str> = path.iter().map(String::as_str).collect();
    match p.as_slice() {
        ["status" | "restart" | "rollback" | "history" | "rollout-status" | "scale" | "move"] => Some(Live::Brokers),
        ["produce" | "consume"] => Some(Live::Topics),
        ["topics", "describe" | "delete" | "alter-config" | "add-partitions"] => Some(Live::Topics),
        ["groups", "describe" | "delete" | "reset-offsets"] => Some(Live::Groups),
        _ => None,
    }
}

/// Completes `words` (after `kafka`; the last is the word being typed) against `root`.
pub fn complete(root: &Command, words: &[String]) -> (Completion, Globals) {
    // clap settles how many values each flag takes when the command is built.
    let mut built = root.clone();
    built.build();
    let root = &built;
    let (done, partial) = match words.split_last() {
        Some((last, rest)) => (rest, last.clone()),
        None => (&[][..], String::new()),
    };
    let mut cmds: Vec<&Command> = vec![root];
    let mut path: Vec<String> = Vec::new();
    let mut globals = Globals::default();
    let mut i = 0;
    while i < done.len() {
        let w = &done[i];
        if w.starts_with('-') && w.len() > 1 {
            if let Some(arg) = find_flag(&cmds, w)
                && takes_value(arg)
                && !w.contains('=')
            {
                let value = done.get(i + 1).cloned();
                match arg.get_long() {
                    Some("namespace") => globals.namespace = value,
                    Some("context") => globals.context = value,
                    Some("kubeconfig") => globals.kubeconfig = value,
                    Some("selector") => globals.selector = value,
                    _ => {}
                }
                i += 1;
            }
        } else if let Some(sub) = cmds.last().and_then(|c| c.find_subcommand(w)) {
            path.push(sub.get_name().to_string());
            cmds.push(sub);
        }
        i += 1;
    }
    let current = *cmds.last().expect("root");
    // The value of a flag?
    if let Some(prev) = done.last()
        && prev.starts_with('-')
        && !prev.contains('=')
        && let Some(arg) = find_flag(&cmds, prev)
        && takes_value(arg)
    {
        let values: Vec<(String, Option<String>)> = arg
            .get_possible_values()
            .iter()
            .filter(|v| v.get_name().starts_with(&partial))
            .map(|v| (v.get_name().to_string(), v.get_help().map(|h| h.to_string())))
            .collect();
        let file = matches!(arg.get_long(), Some("file" | "kubeconfig"));
        return (
            Completion {
                candidates: values,
                directive: if file { DEFAULT } else { NO_FILE_COMP },
                live: live_for_flag(arg),
                partial,
            },
            globals,
        );
    }
    let mut candidates = Vec::new();
    if partial.starts_with('-') {
        for c in &cmds {
            for a in c.get_arguments().filter(|a| !a.is_hide_set()) {
                let global = a.is_global_set();
                if !std::ptr::eq(*c, current) && !global {
                    continue;
                }
                if let Some(long) = a.get_long() {
                    let flag = format!("--{long}");
                    if flag.starts_with(&partial) && !candidates.iter().any(|(f, _)| f == &flag) {
                        candidates
                            .push((flag, a.get_help().map(|h| h.to_string().lines().next().unwrap_or("").to_string())));
                    }
                }
            }
        }
        return (Completion { candidates, directive: NO_FILE_COMP, live: None, partial }, globals);
    }
    for sub in current.get_subcommands().filter(|s| !s.is_hide_set()) {
        if sub.get_name().starts_with(&partial) {
            candidates.push((sub.get_name().to_string(), sub.get_about().map(|a| a.to_string())));
        }
    }
    (Completion { candidates, directive: NO_FILE_COMP, live: live_for_positional(&path), partial }, globals)
}

/// The lines kubectl reads: candidates (TAB description), then `:directive`.
pub fn render(c: &Completion, live: &[String]) -> String {
    let mut out = String::new();
    for (value, help) in &c.candidates {
        match help {
            Some(h) if !h.is_empty() => out.push_str(&format!("{value}\t{h}\n")),
            _ => out.push_str(&format!("{value}\n")),
        }
    }
    for v in live.iter().filter(|v| v.starts_with(&c.partial)) {
        out.push_str(v);
        out.push('\n');
    }
    out.push_str(&format!(":{}\n", c.directive));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn words(w: &[&str]) -> Vec<String> {
        w.iter().map(|s| s.to_string()).collect()
    }

    fn names(c: &Completion) -> Vec<&str> {
        c.candidates.iter().map(|(v, _)| v.as_str()).collect()
    }

    #[test]
    fn subcommands_and_nested_subcommands() {
        let root = crate::cli::Cli::command();
        let (c, _) = complete(&root, &words(&["st"]));
        assert_eq!(names(&c), ["status"]);
        assert_eq!(c.directive, NO_FILE_COMP);
        let (c, _) = complete(&root, &words(&["topics", ""]));
        assert!(names(&c).contains(&"create") && names(&c).contains(&"alter-config"), "{:?}", names(&c));
        let out = render(&c, &[]);
        assert!(out.ends_with(":4\n"));
        assert!(out.contains("create\tCreate a topic\n"), "{out}");
    }

    #[test]
    fn flags_of_the_command_and_global_flags() {
        let root = crate::cli::Cli::command();
        let (c, _) = complete(&root, &words(&["consume", "t", "--f"]));
        assert!(names(&c).contains(&"--follow") && names(&c).contains(&"--from-beginning"), "{:?}", names(&c));
        let (c, _) = complete(&root, &words(&["status", "--nam"]));
        assert_eq!(names(&c), ["--namespace"]);
    }

    #[test]
    fn enum_values_and_live_values() {
        let root = crate::cli::Cli::command();
        let (c, _) = complete(&root, &words(&["status", "-o", "j"]));
        assert_eq!(names(&c), ["json"]);
        let (c, g) = complete(&root, &words(&["-n", "kafka", "topics", "describe", "my"]));
        assert_eq!(c.live, Some(Live::Topics));
        assert_eq!(g.namespace.as_deref(), Some("kafka"));
        assert_eq!(render(&c, &["my-topic".into(), "other".into()]), "my-topic\n:4\n");
        let (c, _) = complete(&root, &words(&["restart", ""]));
        assert_eq!(c.live, Some(Live::Brokers));
        let (c, _) = complete(&root, &words(&["groups", "reset-offsets", "g", "--topic", ""]));
        assert_eq!(c.live, Some(Live::Topics));
        let (c, _) = complete(&root, &words(&["move", ""]));
        assert_eq!(c.live, Some(Live::Brokers));
        let (c, _) = complete(&root, &words(&["move", "kafka-3", "--to-node", "w"]));
        assert_eq!(c.live, Some(Live::Nodes));
        let (c, _) = complete(&root, &words(&["produce", "t", "--file", ""]));
        assert_eq!(c.directive, DEFAULT, "files for --file");
    }
}
