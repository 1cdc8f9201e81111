//! `kubectl-kafka`: parse, run, map the outcome to an exit code. Everything else is in the library.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = kubectl_kafka::cli::Cli::parse();
    kubectl_kafka::output::init_logging(cli.global.verbose, cli.global.quiet);
    let code = match kubectl_kafka::run(cli) {
        Ok(()) => kubectl_kafka::exit::ExitCode::Success,
        Err(err) => kubectl_kafka::output::report_error(&err),
    };
    code.into()
}
