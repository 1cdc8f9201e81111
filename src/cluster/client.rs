//! Building the kube client the way kubectl would (kubeconfig, context, namespace, timeout),
//! and turning the client's errors into failures that name the object and the way out.

use std::path::PathBuf;
use std::time::Duration;

use kube::config::{KubeConfigOptions, Kubeconfig, KubeconfigError};

use crate::exit::{ExitCode, Failure};

/// What the user chose on the command line; `None` means "as kubectl would default it".
#[derive(Debug, Clone, Default)]
pub struct ClusterOptions {
    pub kubeconfig: Option<PathBuf>,
    pub context: Option<String>,
    pub namespace: Option<String>,
    pub request_timeout: Option<Duration>,
}

/// A connected cluster: the client, the namespace in effect, and where it points.
#[derive(Clone)]
pub struct Cluster {
    pub client: kube::Client,
    pub namespace: String,
    pub server: String,
}

impl Cluster {
    /// Loads the kubeconfig (or the in-cluster service account) and builds the client. Does
    /// not contact the server.
    pub async fn connect(opts: &ClusterOptions) -> anyhow::Result<Cluster> {
        let mut config = load_config(opts).await?;
        if let Some(timeout) = opts.request_timeout {
            config.connect_timeout = Some(timeout);
            config.read_timeout = Some(timeout);
            config.write_timeout = Some(timeout);
        }
        let namespace = opts.namespace.clone().unwrap_or_else(|| config.default_namespace.clone());
        let server = config.cluster_url.to_string().trim_end_matches('/').to_string();
        let client = kube::Client::try_from(config).map_err(|err| {
            Failure::new(ExitCode::Config, format!("build a client for {server}: {err}"))
                .hint("check the cluster's certificate-authority and the user's credentials in the kubeconfig")
        })?;
        Ok(Cluster { client, namespace, server })
    }

    /// Turns an API error into a failure naming the verb, the resource and the namespace.
    pub fn api_error(&self, err: kube::Error, verb: &str, resource: &str) -> anyhow::Error {
        classify(err, verb, resource, &self.namespace, &self.server).into()
    }
}

async fn load_config(opts: &ClusterOptions) -> anyhow::Result<kube::Config> {
    let options = KubeConfigOptions { context: opts.context.clone(), ..Default::default() };
    let (kubeconfig, source) = match &opts.kubeconfig {
        Some(path) => (Kubeconfig::read_from(path), path.display().to_string()),
        None if std::env::var_os("KUBECONFIG").is_some() => {
            (Kubeconfig::read(), format!("$KUBECONFIG ({})", std::env::var("KUBECONFIG").unwrap_or_default()))
        }
        None => {
            let default = home_kubeconfig();
            let in_cluster = std::env::var_os("KUBERNETES_SERVICE_HOST").is_some();
            if in_cluster && opts.context.is_none() && !default.as_ref().is_some_and(|p| p.exists()) {
                return kube::Config::incluster().map_err(|err| {
                    Failure::new(ExitCode::Config, format!("load the in-cluster service account: {err}"))
                        .hint("mount a service account token, or pass --kubeconfig")
                        .into()
                });
            }
            let shown = default.as_ref().map_or("~/.kube/config".to_string(), |p| p.display().to_string());
            (Kubeconfig::read(), shown)
        }
    };
    let kubeconfig = kubeconfig.map_err(|err| config_failure(err, &source, opts))?;
    kube::Config::from_custom_kubeconfig(kubeconfig, &options)
        .await
        .map_err(|err| config_failure(err, &source, opts).into())
}

fn home_kubeconfig() -> Option<PathBuf> {
    std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".kube").join("config"))
}

fn config_failure(err: KubeconfigError, source: &str, opts: &ClusterOptions) -> Failure {
    match err {
        KubeconfigError::ReadConfig(io, path) => {
            Failure::new(ExitCode::Config, format!("read kubeconfig {}: {io}", path.display()))
                .hint("pass --kubeconfig PATH or set KUBECONFIG to a readable kubeconfig file")
        }
        KubeconfigError::FindPath => {
            Failure::new(ExitCode::Config, "find a kubeconfig: neither KUBECONFIG nor HOME is set")
                .hint("pass --kubeconfig PATH or set KUBECONFIG")
        }
        KubeconfigError::Parse(parse) => Failure::new(ExitCode::Config, format!("parse kubeconfig {source}: {parse}"))
            .hint("the file is not a valid kubeconfig; check it with `kubectl config view`"),
        KubeconfigError::LoadContext(name) => {
            Failure::new(ExitCode::Config, format!("context {name:?} not found in kubeconfig {source}"))
                .hint("list the contexts with `kubectl config get-contexts` and pass one with --context")
        }
        KubeconfigError::CurrentContextNotSet => {
            Failure::new(ExitCode::Config, format!("kubeconfig {source} has no current context"))
                .hint("pass --context NAME, or set one with `kubectl config use-context NAME`")
        }
        KubeconfigError::LoadClusterOfContext(name) => Failure::new(
            ExitCode::Config,
            format!(
                "cluster {name:?} of context {:?} not found in kubeconfig {source}",
                opts.context.as_deref().unwrap_or("(current)")
            ),
        )
        .hint("fix the context's cluster entry; `kubectl config view` shows them"),
        other => Failure::new(ExitCode::Config, format!("load kubeconfig {source}: {other}"))
            .hint("check the file with `kubectl config view`"),
    }
}

/// Classifies a kube error by what the user can do about it.
pub fn classify(err: kube::Error, verb: &str, resource: &str, namespace: &str, server: &str) -> Failure {
    match err {
        kube::Error::Api(status) if status.code == 403 => Failure::new(
            ExitCode::Forbidden,
            format!("forbidden: cannot {verb} {resource} in namespace {namespace}: {}", status.message),
        )
        .hint(format!(
            "your user needs RBAC permission to {verb} {resource} in namespace {namespace}; \
             the least-privilege Role is in the project's deploy/rbac.yaml (README, \"Permissions\")"
        )),
        kube::Error::Api(status) if status.code == 401 => Failure::new(
            ExitCode::Config,
            format!("unauthorized: the API server at {server} rejected the credentials: {}", status.message),
        )
        .hint("refresh the credentials of this context (they may have expired)"),
        kube::Error::Api(status) if status.code == 404 => Failure::new(
            ExitCode::NotFound,
            format!("{verb} {resource} in namespace {namespace}: not found: {}", status.message),
        ),
        kube::Error::Api(status) => Failure::new(
            ExitCode::Failure,
            format!("{verb} {resource} in namespace {namespace}: {} ({})", status.message, status.code),
        ),
        other => {
            // The innermost cause says it best ("tcp connect error: Connection refused").
            let mut text = other.to_string();
            let mut source = std::error::Error::source(&other);
            while let Some(cause) = source {
                text = cause.to_string();
                source = cause.source();
            }
            Failure::new(ExitCode::Unreachable, format!("cannot reach the Kubernetes API server at {server}: {text}"))
                .hint(
                    "check that the cluster is up and that --context/--kubeconfig point at it (`kubectl cluster-info`)",
                )
        }
    }
}
