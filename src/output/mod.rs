//! How it looks: kubectl-style tables, JSON and YAML on stdout; warnings, hints, progress and
//! errors on stderr. The only module that prints (clippy's print lints are allowed here alone).
#![allow(clippy::print_stdout, clippy::print_stderr, reason = "output is the one layer that prints")]

use std::io::{IsTerminal, Write};

use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Table, presets};
use serde::Serialize;

use crate::exit::{ExitCode, failure_of};

/// `-o`: how data is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Columns, as `kubectl get` prints them
    Table,
    /// More columns
    Wide,
    /// JSON, with stable field names, for scripts
    Json,
    /// YAML, the same fields as JSON
    Yaml,
}

impl OutputFormat {
    pub fn is_machine(self) -> bool {
        matches!(self, OutputFormat::Json | OutputFormat::Yaml)
    }
}

/// What a changing command did to one object, or would do with `--dry-run`: a line for
/// people; under `-o json|yaml` the command prints `{"changes": [...]}` of these, so that a
/// script reads the same document from every changing command.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    /// kind/name as kubectl names objects: `topic/orders`, `group/grp1`,
    /// `deployment.apps/kafka-1`.
    pub object: String,
    /// What happened (with `dryRun`: what would): created, alreadyExists, deleted, changed,
    /// grown, scaled, rolledBack, rolledOut, cancelled, unchanged.
    pub result: &'static str,
    pub dry_run: bool,
    /// The change itself: counts, configs, the patch sent (or that would be).
    #[serde(skip_serializing_if = "serde_json::Value::is_null")]
    pub detail: serde_json::Value,
    /// The line a person reads.
    #[serde(skip)]
    pub line: String,
}

impl Outcome {
    pub fn new(object: impl Into<String>, result: &'static str, line: impl Into<String>) -> Outcome {
        Outcome { object: object.into(), result, dry_run: false, detail: serde_json::Value::Null, line: line.into() }
    }

    pub fn dry_run(mut self, dry_run: bool) -> Outcome {
        self.dry_run = dry_run;
        self
    }

    pub fn detail(mut self, detail: serde_json::Value) -> Outcome {
        self.detail = detail;
        self
    }
}

/// Prints data to stdout and talk to stderr, as the user asked (`-o`, `-q`).
#[derive(Debug, Clone)]
pub struct Printer {
    pub format: OutputFormat,
    pub quiet: bool,
    /// Where stdout's data goes instead, for command tests (None: stdout).
    capture: Option<std::sync::Arc<std::sync::Mutex<Vec<u8>>>>,
}

impl Printer {
    pub fn new(format: OutputFormat, quiet: bool) -> Printer {
        Printer { format, quiet, capture: None }
    }

    /// A quiet printer whose data lands in the returned buffer, for command tests.
    pub fn capturing(format: OutputFormat) -> (Printer, std::sync::Arc<std::sync::Mutex<Vec<u8>>>) {
        let buffer = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        (Printer { format, quiet: true, capture: Some(buffer.clone()) }, buffer)
    }

    fn out(&self, text: &str) -> anyhow::Result<()> {
        match &self.capture {
            Some(buffer) => {
                buffer
                    .lock()
                    .map_err(|_| anyhow::anyhow!("output buffer poisoned"))?
                    .extend_from_slice(text.as_bytes());
                Ok(())
            }
            None => write_stdout(text),
        }
    }

    /// A table like `kubectl get`: upper-case headers, no borders, columns three spaces apart.
    pub fn table(&self, headers: &[&str], rows: &[Vec<String>]) -> anyhow::Result<()> {
        let text = render_table(headers, rows);
        self.out(&text)
    }

    /// A document (the rows' data) as JSON or YAML.
    pub fn document<T: Serialize>(&self, value: &T) -> anyhow::Result<()> {
        let text = match self.format {
            OutputFormat::Yaml => serde_yaml_ng::to_string(value)?,
            _ => serde_json::to_string_pretty(value)? + "\n",
        };
        self.out(&text)
    }

    /// A writer for records on stdout (or into the capture of a test's printer).
    pub fn raw(&self) -> RawWriter {
        match &self.capture {
            Some(buffer) => RawWriter::over(Box::new(Captured(buffer.clone()))),
            None => RawWriter::stdout(),
        }
    }

    /// What a changing command did: `{"changes": [...]}` under -o json|yaml, else a line
    /// each (none when nothing changed).
    pub fn outcomes(&self, outcomes: &[Outcome]) -> anyhow::Result<()> {
        if self.format.is_machine() {
            return self.document(&serde_json::json!({ "changes": outcomes }));
        }
        if outcomes.is_empty() {
            return Ok(());
        }
        self.lines(&outcomes.iter().map(|o| o.line.clone()).collect::<Vec<_>>())
    }

    /// Plain lines of data on stdout (version, names).
    pub fn lines(&self, lines: &[String]) -> anyhow::Result<()> {
        let mut text = lines.join("\n");
        text.push('\n');
        self.out(&text)
    }

    pub fn warn(&self, message: &str) {
        if !self.quiet {
            eprintln!("warning: {message}");
        }
    }

    /// A line for the human on stderr (progress, what is going on); not with -q.
    pub fn note(&self, message: &str) {
        if !self.quiet {
            eprintln!("{message}");
        }
    }

    pub fn hint(&self, message: &str) {
        if !self.quiet {
            eprintln!("hint: {message}");
        }
    }

    /// Asks a yes/no question on the terminal. Without a terminal it answers no, so a script
    /// never deletes by accident: it must say --yes.
    pub fn confirm(&self, question: &str) -> anyhow::Result<bool> {
        if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
            eprintln!("{question} [y/N] (no terminal to ask on: not confirmed)");
            return Ok(false);
        }
        eprint!("{question} [y/N] ");
        std::io::stderr().flush()?;
        let mut answer = String::new();
        std::io::stdin().read_line(&mut answer)?;
        Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "YES" | "Yes"))
    }

    /// A live spinner line on stderr; hidden without a terminal, with -q or -o json|yaml.
    pub fn progress(&self, message: &str) -> indicatif::ProgressBar {
        if !self.shows_progress() {
            return indicatif::ProgressBar::hidden();
        }
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} [{elapsed}] {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        bar.set_message(message.to_string());
        bar
    }

    /// Whether live progress may be drawn: a terminal on stderr, not -q, not -o json|yaml.
    pub fn shows_progress(&self) -> bool {
        !self.quiet && !self.format.is_machine() && std::io::stderr().is_terminal()
    }
}

/// Bytes for people, as kubectl writes quantities: 512B, 1.5Ki, 20.0Mi, 1.25Gi.
pub fn human_bytes(bytes: i64) -> String {
    let b = bytes as f64;
    match bytes {
        i64::MIN..1024 => format!("{bytes}B"),
        1024..1_048_576 => format!("{:.1}Ki", b / 1024.0),
        1_048_576..1_073_741_824 => format!("{:.1}Mi", b / 1_048_576.0),
        _ => format!("{:.2}Gi", b / 1_073_741_824.0),
    }
}

/// Record output: raw bytes a line each, buffered; a closed pipe ends it quietly.
pub struct RawWriter {
    out: std::io::BufWriter<Box<dyn Write + Send>>,
    closed: bool,
}

/// A capturing printer's buffer as a writer.
struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().map_err(|_| std::io::Error::other("output buffer poisoned"))?.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl RawWriter {
    pub fn stdout() -> RawWriter {
        RawWriter::over(Box::new(std::io::stdout()))
    }

    fn over(out: Box<dyn Write + Send>) -> RawWriter {
        RawWriter { out: std::io::BufWriter::with_capacity(64 * 1024, out), closed: false }
    }

    pub fn line(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        if self.closed {
            return Err(std::io::ErrorKind::BrokenPipe.into());
        }
        let result = self.out.write_all(bytes).and_then(|()| self.out.write_all(b"\n"));
        if let Err(err) = &result
            && err.kind() == std::io::ErrorKind::BrokenPipe
        {
            self.closed = true;
        }
        result
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        match self.out.flush() {
            Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other,
        }
    }
}

pub fn render_table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut table = Table::new();
    table
        .load_style(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(headers.iter().map(|h| h.to_uppercase()));
    for row in rows {
        table.add_row(row.clone());
    }
    for column in table.column_iter_mut() {
        column.set_padding((0, 3));
        column.set_cell_alignment(CellAlignment::Left);
        column.set_constraint(ColumnConstraint::ContentWidth);
    }
    let mut text: String = table.trim_fmt().lines().map(str::trim_end).collect::<Vec<_>>().join("\n");
    text.push('\n');
    text
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn write_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Prints the completer's answer to kubectl.
pub fn print_completion(text: &str) -> std::process::ExitCode {
    let _ = write_stdout(text);
    std::process::ExitCode::SUCCESS
}

/// Prints an error as `error: what failed: why` and its hint, and picks the exit code.
pub fn report_error(err: &anyhow::Error) -> ExitCode {
    if err
        .chain()
        .any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe))
    {
        return ExitCode::Success;
    }
    eprintln!("error: {err:#}");
    match failure_of(err) {
        Some(failure) => {
            if let Some(hint) = &failure.hint {
                eprintln!("hint: {hint}");
            }
            failure.code
        }
        None => ExitCode::Failure,
    }
}

/// Logs (tracing) to stderr: warnings by default, more with each -v, none with -q.
/// RUST_LOG overrides.
pub fn init_logging(verbose: u8, quiet: bool) {
    let level = match (quiet, verbose) {
        // The libraries' own errors reach the user through our messages; their logs only with -v.
        (true, _) => "off",
        (false, 0) => "kubectl_kafka=warn,off",
        (false, 1) => "kubectl_kafka=info,warn",
        (false, 2) => "kubectl_kafka=debug,info",
        _ => "trace",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| level.into());
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(verbose >= 2)
        .with_ansi(std::io::stderr().is_terminal())
        .without_time()
        .init();
}

/// A duration the way kubectl's AGE column shows it: 45s, 12m, 5h, 3d, 2y (two units
/// below a day: 2m30s, 5h12m).
pub fn format_age(secs: i64) -> String {
    let s = secs.max(0);
    match s {
        0..120 => format!("{s}s"),
        120..600 => {
            if s % 60 == 0 {
                format!("{}m", s / 60)
            } else {
                format!("{}m{}s", s / 60, s % 60)
            }
        }
        600..10_800 => format!("{}m", s / 60),
        10_800..28_800 => {
            let (h, m) = (s / 3600, (s % 3600) / 60);
            if m == 0 { format!("{h}h") } else { format!("{h}h{m}m") }
        }
        28_800..172_800 => format!("{}h", s / 3600),
        172_800..691_200 => {
            let (d, h) = (s / 86_400, (s % 86_400) / 3600);
            if h == 0 { format!("{d}d") } else { format!("{d}d{h}h") }
        }
        691_200..63_072_000 => format!("{}d", s / 86_400),
        _ => format!("{}y", s / 31_536_000),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_look_like_kubectl_get() {
        let text = render_table(
            &["name", "node-id", "ready"],
            &[vec!["kafka-1".into(), "1".into(), "1/1".into()], vec!["kafka-10".into(), "10".into(), "0/1".into()]],
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "NAME       NODE-ID   READY");
        assert_eq!(lines[1], "kafka-1    1         1/1");
        assert_eq!(lines[2], "kafka-10   10        0/1");
    }

    #[test]
    fn ages_follow_kubectl() {
        assert_eq!(format_age(5), "5s");
        assert_eq!(format_age(150), "2m30s");
        assert_eq!(format_age(900), "15m");
        assert_eq!(format_age(4 * 3600 + 120), "4h2m");
        assert_eq!(format_age(20 * 3600), "20h");
        assert_eq!(format_age(3 * 86_400 + 3600), "3d1h");
        assert_eq!(format_age(30 * 86_400), "30d");
        assert_eq!(format_age(3 * 31_536_000), "3y");
        assert_eq!(format_age(-4), "0s");
    }
}
