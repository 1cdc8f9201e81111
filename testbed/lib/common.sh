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
KWOK_VERSION=v0.8.0
KAFKA_VERSION=3.7.1
COREDNS_VERSION=v1.14.7
KAFKA_HOME=/opt/kafka

# Which node runs the brokers: `kubelet` (a real kubelet with containerd and runc, the default)
# or `bridge` (the earlier simulated node: kwok plus testbed/bridge running host processes).
TESTBED_NODE="${KUBECTL_KAFKA_TESTBED_NODE:-kubelet}"
[[ "$TESTBED_NODE" == kubelet || "$TESTBED_NODE" == bridge ]] ||
  { echo "testbed: KUBECTL_KAFKA_TESTBED_NODE must be kubelet or bridge, not $TESTBED_NODE" >&2; exit 1; }

# The real node: its name (the guide pins every broker to worker1), its address (on lo),
# the pods' subnet on the CNI bridge, and CoreDNS's readiness port.
NODE_NAME=worker1
NODE_IP=10.231.255.1
CNI_BRIDGE=kkcni0
POD_CIDR=10.231.1.0/24
COREDNS_READY_PORT=18181

# The bridge node's private network: a bridge on the host and one namespace per broker. The names
# kafka-N resolve only inside those namespaces (/etc/netns/kafka-N/hosts), never on the host.
NET_BRIDGE=kkbr0
NET_PREFIX=10.231.0
BROKERS=(1 2 3)
broker_ip() { echo "$NET_PREFIX.1$1"; }

export GOMODCACHE="$CACHE/gomod" GOCACHE="$CACHE/gocache" GOFLAGS=-mod=mod GOTOOLCHAIN=local

say() { printf '%s testbed: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
  printf 'testbed: error: %s\n' "$1" >&2
  [[ $# -gt 1 ]] && printf 'hint: %s\n' "$2" >&2
  exit 1
}
