//! `kubectl kafka man`: man pages generated from the CLI definition (clap_mangen).

use clap::CommandFactory;

use crate::cli::{Cli, ManArgs};
use crate::commands::Context;
use crate::exit::{ExitCode, Failure};

fn page(cmd: clap::Command) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut out)?;
    Ok(out)
}

pub async fn run(ctx: &Context, args: &ManArgs) -> anyhow::Result<()> {
    let root = Cli::command().name("kubectl-kafka");
    let Some(dir) = &args.dir else {
        return ctx.printer.lines(&[String::from_utf8_lossy(&page(root)?).trim_end().to_string()]);
    };
    std::fs::create_dir_all(dir)
        .map_err(|e| Failure::new(ExitCode::Usage, format!("create {}: {e}", dir.display())))?;
    let mut written = vec![dir.join("kubectl-kafka.1")];
    std::fs::write(&written[0], page(root.clone())?)?;
    for sub in root.get_subcommands() {
        let name = format!("kubectl-kafka-{}", sub.get_name());
        let path = dir.join(format!("{name}.1"));
        std::fs::write(&path, page(sub.clone().name(name))?)?;
        written.push(path);
    }
    ctx.printer.lines(&written.iter().map(|p| p.display().to_string()).collect::<Vec<_>>())
}
