//! Choosing the transport: `--via auto` goes direct when every advertised address resolves and
//! accepts a connection (inside the cluster), else through port-forward tunnels.

use std::time::Duration;

use super::Target;

/// `--via`: how to reach the brokers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Via {
    /// Direct when the advertised addresses answer, else port-forward
    Auto,
    /// Kube port-forward to each broker's pod, with the Kafka address-rewriting relay
    PortForward,
    /// Kafka's own tools inside a broker pod (needs pods/exec, not pods/portforward)
    Exec,
    /// The advertised addresses as they are (inside the cluster)
    Direct,
}

/// The route taken, and why (shown with -v).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chosen {
    Direct { bootstrap: String, why: String },
    PortForward { why: String },
    Exec,
}

/// The bootstrap list of the advertised client addresses.
pub fn advertised_bootstrap(targets: &[Target]) -> Option<String> {
    let addrs: Vec<String> =
        targets.iter().filter_map(|t| t.advertised.as_ref()).map(|(h, p)| format!("{h}:{p}")).collect();
    (!addrs.is_empty()).then(|| addrs.join(","))
}

/// Whether every advertised address resolves and accepts a TCP connection within `limit`.
pub async fn probe_direct(targets: &[Target], limit: Duration) -> Result<(), String> {
    for target in targets {
        let Some((host, port)) = &target.advertised else {
            return Err(format!("broker {} advertises no client listener", target.name));
        };
        let addr = format!("{host}:{port}");
        let resolved = tokio::time::timeout(limit, tokio::net::lookup_host(addr.clone()))
            .await
            .map_err(|_| format!("{addr} did not resolve within {limit:?}"))?
            .map_err(|err| format!("{addr} does not resolve here ({err})"))?
            .next()
            .ok_or_else(|| format!("{addr} resolves to no address"))?;
        tokio::time::timeout(limit, tokio::net::TcpStream::connect(resolved))
            .await
            .map_err(|_| format!("{addr} ({resolved}) did not accept a connection within {limit:?}"))?
            .map_err(|err| format!("{addr} ({resolved}) refused: {err}"))?;
    }
    Ok(())
}

/// Decides the route for `via`; `auto` probes the advertised addresses first.
pub async fn choose(via: Via, targets: &[Target]) -> Chosen {
    match via {
        Via::Exec => Chosen::Exec,
        Via::PortForward => Chosen::PortForward { why: "--via port-forward".into() },
        Via::Direct => {
            Chosen::Direct { bootstrap: advertised_bootstrap(targets).unwrap_or_default(), why: "--via direct".into() }
        }
        Via::Auto => match probe_direct(targets, Duration::from_millis(1500)).await {
            Ok(()) => Chosen::Direct {
                bootstrap: advertised_bootstrap(targets).unwrap_or_default(),
                why: "every advertised address resolves and connects".into(),
            },
            Err(why) => Chosen::PortForward { why },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(n: i32, advertised: Option<(&str, u16)>) -> Target {
        Target {
            name: format!("kafka-{n}"),
            node_id: n,
            pod_selector: format!("app=kafka,instance=kafka-{n}"),
            port: 9092,
            advertised: advertised.map(|(h, p)| (h.to_string(), p)),
            container: Some("kafka".into()),
        }
    }

    #[test]
    fn bootstrap_lists_advertised_addresses() {
        let t = [target(1, Some(("kafka-1", 9092))), target(2, Some(("kafka-2", 9092))), target(3, None)];
        assert_eq!(advertised_bootstrap(&t).unwrap(), "kafka-1:9092,kafka-2:9092");
        assert_eq!(advertised_bootstrap(&[target(3, None)]), None);
    }

    #[tokio::test]
    async fn auto_falls_back_to_port_forward_when_names_do_not_resolve() {
        let t = [target(1, Some(("kafka-1.invalid", 9092)))];
        match choose(Via::Auto, &t).await {
            Chosen::PortForward { why } => assert!(why.contains("kafka-1.invalid:9092"), "{why}"),
            other => panic!("expected port-forward, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn auto_goes_direct_when_everything_answers() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let t = [target(1, Some(("127.0.0.1", port)))];
        assert!(matches!(choose(Via::Auto, &t).await, Chosen::Direct { .. }));
    }
}
