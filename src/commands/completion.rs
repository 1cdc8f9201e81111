//! `kubectl kafka completion` (scripts, and the kubectl completer link) and the completer
//! itself: what kubectl runs as `kubectl_complete-kafka`.

use std::time::Duration;

use clap::CommandFactory;
use k8s_openapi::api::core::v1::Namespace;
use kube::Api;
use kube::api::ListParams;

use crate::cli::{Cli, CompletionArgs, OutputFormat};
use crate::cluster::ClusterOptions;
use crate::cluster::discovery::discover_brokers;
use crate::commands::Context;
use crate::completion::{Globals, Live, complete, render};
use crate::connect::via::Via;
use crate::exit::{ExitCode, Failure};
use crate::output::Printer;

/// The name kubectl looks for on PATH to complete `kubectl kafka ...`.
pub const COMPLETER: &str = "kubectl_complete-kafka";

pub async fn run(ctx: &Context, args: &CompletionArgs) -> anyhow::Result<()> {
    if args.shell != "install" {
        let shell: clap_complete::Shell = args.shell.parse().map_err(|e: String| Failure::new(ExitCode::Usage, e))?;
        let mut out = Vec::new();
        clap_complete::generate(shell, &mut Cli::command(), "kubectl-kafka", &mut out);
        return ctx.printer.lines(&[String::from_utf8_lossy(&out).trim_end().to_string()]);
    }
    let exe = std::env::current_exe()?;
    // Next to the plugin as kubectl finds it on PATH (krew's bin/ holds a symlink whose
    // target lives in krew's store, which is not on PATH).
    let on_path =
        std::env::var_os("PATH").and_then(|p| std::env::split_paths(&p).find(|d| d.join("kubectl-kafka").exists()));
    let dir = match (&args.dir, on_path) {
        (Some(d), _) => d.clone(),
        (None, Some(d)) => d,
        (None, None) => exe
            .parent()
            .map(std::path::Path::to_path_buf)
            .ok_or_else(|| anyhow::anyhow!("no directory for {}", exe.display()))?,
    };
    let link = dir.join(COMPLETER);
    if args.dry_run {
        return ctx.printer.lines(&[format!("would link {} -> {} (dry run)", link.display(), exe.display())]);
    }
    if link.symlink_metadata().is_ok() {
        std::fs::remove_file(&link)
            .map_err(|e| Failure::new(ExitCode::Failure, format!("replace {}: {e}", link.display())))?;
    }
    #[cfg(unix)]
    std::os::unix::fs::symlink(&exe, &link).map_err(|e| {
        Failure::new(ExitCode::Failure, format!("link {}: {e}", link.display()))
            .hint("pass --dir to a writable directory on your PATH")
    })?;
    ctx.printer.lines(&[format!("{} -> {}", link.display(), exe.display())])?;
    ctx.printer.note("kubectl 1.26+ now completes `kubectl kafka <TAB>` (the directory must be on PATH)");
    Ok(())
}

/// Runs as `kubectl_complete-kafka WORDS...`: prints the candidates and the directive.
pub fn run_completer(words: Vec<String>) -> String {
    let (completion, globals) = complete(&Cli::command(), &words);
    let live = match completion.live {
        None => Vec::new(),
        Some(kind) => {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build();
            match runtime {
                Ok(rt) => rt
                    .block_on(async {
                        tokio::time::timeout(Duration::from_secs(3), live_values(kind, &globals))
                            .await
                            .ok()
                            .and_then(Result::ok)
                    })
                    .unwrap_or_default(),
                Err(_) => Vec::new(),
            }
        }
    };
    render(&completion, &live)
}

async fn live_values(kind: Live, g: &Globals) -> anyhow::Result<Vec<String>> {
    let ctx = Context {
        printer: Printer::new(OutputFormat::Table, true),
        cluster: ClusterOptions {
            kubeconfig: g.kubeconfig.clone().map(Into::into),
            context: g.context.clone(),
            namespace: g.namespace.clone(),
            request_timeout: Some(Duration::from_secs(2)),
        },
        selector: g.selector.clone().unwrap_or_else(|| "app=kafka".into()),
        via: Via::Auto,
        verbose: 0,
        injected: None,
    };
    if kind == Live::Contexts {
        let cfg = kube::config::Kubeconfig::read()?;
        return Ok(cfg.contexts.into_iter().map(|c| c.name).collect());
    }
    let mut cluster = ctx.connect().await?;
    if kind == Live::Namespaces {
        let list = Api::<Namespace>::all(cluster.client.clone()).list(&ListParams::default()).await?;
        return Ok(list.items.into_iter().filter_map(|n| n.metadata.name).collect());
    }
    if kind == Live::Nodes {
        let nodes = crate::cluster::nodes::read_nodes(&cluster).await?;
        return Ok(nodes.into_iter().filter(|n| n.ready == Some(true) && !n.unschedulable).map(|n| n.name).collect());
    }
    // While typing, -n is often not given yet: when the context's namespace has no brokers,
    // complete from the one namespace that does.
    if g.namespace.is_none()
        && discover_brokers(&cluster, &ctx.selector).await.is_err()
        && let Some(ns) = only_namespace_with_brokers(&cluster, &ctx.selector).await
    {
        cluster.namespace = ns;
    }
    let brokers = discover_brokers(&cluster, &ctx.selector).await?;
    if kind == Live::Brokers {
        return Ok(brokers.iter().map(|b| b.name.clone()).collect());
    }
    let route = ctx.open_route(&cluster, &brokers, Duration::from_secs(2)).await?;
    let values = match kind {
        Live::Topics => route.topics(false).await.map(|t| t.into_iter().map(|t| t.name).collect()),
        _ => route.groups().await.map(|g| g.into_iter().map(|g| g.group).collect()),
    };
    route.close().await;
    values
}

/// The namespace holding broker workloads, when exactly one does.
async fn only_namespace_with_brokers(cluster: &crate::cluster::Cluster, selector: &str) -> Option<String> {
    let selector = crate::cluster::selector::Selector::parse(selector).ok()?;
    let list = Api::<k8s_openapi::api::apps::v1::Deployment>::all(cluster.client.clone())
        .list(&ListParams::default())
        .await
        .ok()?;
    let mut found: Vec<String> = list
        .items
        .iter()
        .filter(|d| {
            let labels = d
                .spec
                .as_ref()
                .and_then(|s| s.template.metadata.as_ref())
                .and_then(|m| m.labels.clone())
                .unwrap_or_default();
            selector.matches(&labels.into_iter().collect())
        })
        .filter_map(|d| d.metadata.namespace.clone())
        .collect();
    found.sort();
    found.dedup();
    (found.len() == 1).then(|| found.remove(0))
}
