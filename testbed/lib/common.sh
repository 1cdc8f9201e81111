# Shared settings of the test bed scripts (sourced, not run).
# Everything fetched or built lives in $CACHE and is reused across runs; everything a running
# bed writes lives in $STATE, which testbed/down removes.
set -euo pipefail

TESTBED_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${KUBECTL_KAFKA_TESTBED_CACHE:-$HOME/.cache/kubectl-kafka-testbed}"
STATE="${KUBECTL_KAFKA_TESTBED_STATE:-$CACHE/state}"
BIN="$CACHE/bin"
CLUSTER=kafka-testbed
NAMESPACE=kafka
KWOK_WORKDIR="$STATE/kwok"
KUBECONFIG_FILE="$KWOK_WORKDIR/clusters/$CLUSTER/kubeconfig.yaml"

K8S_VERSION=v1.36.3
ETCD_VERSION=v3.6.16
KWOK_VERSION=v0.8.0 # kwokctl only: it starts and stops the control plane
# The Kafka the guide's manifests name; the version the bed's brokers start on (the guide's
# unless KUBECTL_KAFKA_TESTBED_KAFKA names another image the bed builds); and the images the
# node holds: the guide's, the last 3.x line and the newest 4.x Maven Central serves.
GUIDE_KAFKA_VERSION=3.7.1
KAFKA_VERSION=${KUBECTL_KAFKA_TESTBED_KAFKA:-$GUIDE_KAFKA_VERSION}
KAFKA_VERSIONS=(3.7.1 3.9.1 4.4.0)
COREDNS_VERSION=v1.14.7
KAFKA_HOME=/opt/kafka

# The real nodes: worker1 (the guide pins every broker to it) and worker2 (where `move` sends
# one). Each has its own address (on lo), kubelet, containerd, pod subnet on its own CNI bridge
# and cgroup root (use_node in lib/node.sh sets these per node). CoreDNS and kube-proxy run
# once, on worker1's address, for both: the two nodes share this machine's network namespace.
NODES=(worker1 worker2)
DNS_IP=10.231.255.1
CLUSTER_CIDR=10.231.0.0/16
COREDNS_READY_PORT=18181

BROKERS=(1 2 3)

export GOMODCACHE="$CACHE/gomod" GOCACHE="$CACHE/gocache" GOFLAGS=-mod=mod GOTOOLCHAIN=local

say() { printf '%s testbed: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
  printf 'testbed: error: %s\n' "$1" >&2
  [[ $# -gt 1 ]] && printf 'hint: %s\n' "$2" >&2
  exit 1
}
