//! `kubectl-kafka`: parse, run, map the outcome to an exit code. Everything else is in the library.
//! Invoked as `kubectl_complete-kafka` (kubectl's plugin completion), it answers as the completer.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let mut args = std::env::args();
    let argv0 = args.next().unwrap_or_default();
    if argv0.rsplit('/').next() == Some(kubectl_kafka::commands::completion::COMPLETER) {
        return kubectl_kafka::output::print_completion(&kubectl_kafka::commands::completion::run_completer(
            args.collect(),
        ));
    }
    let cli = kubectl_kafka::cli::Cli::parse();
    kubectl_kafka::output::init_logging(cli.global.verbose, cli.global.quiet);
    let code = match kubectl_kafka::run(cli) {
        Ok(()) => kubectl_kafka::exit::ExitCode::Success,
        Err(err) => kubectl_kafka::output::report_error(&err),
    };
    code.into()
}
