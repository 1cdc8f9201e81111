//! Reading nodes and the PersistentVolumes behind the brokers' claims (cluster-scoped objects,
//! which a namespaced Role cannot grant: callers that can go on without them treat an error as
//! "unknown").

use k8s_openapi::api::core::v1::{Node, PersistentVolume};
use kube::Api;
use kube::api::ListParams;

use super::placement::{NodeInfo, VolumeInfo, node_info, volume_info};
use super::{Broker, Cluster};

pub async fn read_nodes(cluster: &Cluster) -> anyhow::Result<Vec<NodeInfo>> {
    let api: Api<Node> = Api::all(cluster.client.clone());
    let list = api.list(&ListParams::default()).await.map_err(|e| cluster.api_error(e, "list", "nodes"))?;
    Ok(list.items.iter().map(node_info).collect())
}

/// Each claim the broker mounts, with its PersistentVolume's node affinity.
pub async fn read_volumes(cluster: &Cluster, broker: &Broker) -> anyhow::Result<Vec<VolumeInfo>> {
    let api: Api<PersistentVolume> = Api::all(cluster.client.clone());
    let mut out = Vec::new();
    for v in &broker.volumes {
        let pv = match &v.volume {
            Some(name) => Some(api.get(name).await.map_err(|e| cluster.api_error(e, "get", "persistentvolumes"))?),
            None => None,
        };
        out.push(volume_info(&v.claim, pv.as_ref()));
    }
    Ok(out)
}

/// Every broker's volumes, read side by side; None when they cannot be read.
pub async fn volumes_of_each(cluster: &Cluster, brokers: &[&Broker]) -> Option<Vec<Vec<VolumeInfo>>> {
    let reads = futures::future::join_all(brokers.iter().map(|b| read_volumes(cluster, b))).await;
    reads.into_iter().collect::<anyhow::Result<Vec<_>>>().ok()
}
