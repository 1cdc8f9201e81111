# The real nodes worker1 and worker2 (sourced by testbed/up and testbed/down): each is its own
# containerd + runc, CNI bridge, kubelet and cgroup root; kube-proxy (iptables) and CoreDNS run
# once for both (the nodes share this machine's network namespace, so one set of Service rules
# serves both). All are host processes started by pid like the control plane. Everything they
# write lives under $STATE/node except the few fixed paths the kubelet and containerd insist
# on, which node_down removes (see testbed/README.md).

NODES_DIR="$STATE/node"
PKI_DIR="$KWOK_WORKDIR/clusters/$CLUSTER/pki"
# Sysctls the nodes need or that the kubelet sets on start; their values before `up` are kept
# in $NODES_DIR/sysctl.orig and restored by `down`.
NODE_SYSCTLS=(net.ipv4.ip_forward net.bridge.bridge-nf-call-iptables kernel.panic kernel.panic_on_oops vm.overcommit_memory)

# Selects the node the functions below act on: its address, pod subnet, bridge, kubelet healthz
# port, cgroup root and directory.
use_node() { # name
  NODE_NAME=$1
  case $1 in
  worker1) NODE_IP=10.231.255.1 POD_CIDR=10.231.1.0/24 CNI_BRIDGE=kkcni1 KUBELET_HEALTHZ_PORT=10248 ;;
  worker2) NODE_IP=10.231.255.2 POD_CIDR=10.231.2.0/24 CNI_BRIDGE=kkcni2 KUBELET_HEALTHZ_PORT=10258 ;;
  *) die "unknown bed node $1" "NODES in testbed/lib/common.sh names the bed's nodes" ;;
  esac
  NODE_DIR="$NODES_DIR/$1"
  CONTAINERD_SOCK="$NODE_DIR/containerd/containerd.sock"
  # Each kubelet keeps its pods under its own cgroup root: a kubelet removes every pod cgroup
  # under its root that it does not know, so two kubelets must never share one.
  CGROUP_ROOT="kafka-bed-$1"
}
use_node worker1

ctr_() { ctr --address "$CONTAINERD_SOCK" --namespace k8s.io "$@"; }

node_preflight() {
  local missing=() c
  for c in containerd runc ctr iptables iptables-save conntrack debootstrap gcc; do
    command -v "$c" >/dev/null || missing+=("$c")
  done
  [[ -x /usr/lib/cni/bridge && -x /usr/lib/cni/host-local && -x /usr/lib/cni/loopback ]] || missing+=(cni-plugins)
  ((${#missing[@]} == 0)) || die "the real node needs ${missing[*]}" "run testbed/deps (installs containerd, runc, containernetworking-plugins, iptables, conntrack, debootstrap)"
  [[ -d /proc/sys/net/bridge ]] || modprobe br_netfilter 2>/dev/null || true
  [[ -d /proc/sys/net/bridge ]] || die "bridge netfilter (br_netfilter) is not available" \
    "kube-proxy's Service rules must see bridged pod traffic; load the br_netfilter module"
}

# Renders a template; the file is replaced only when its content changes: kube-proxy exits when
# its config file is written, even with the same content (so `up` on a bed that is up must not
# touch it).
render() { # template, out
  render_to "$1" "$2.new"
  if cmp -s "$2.new" "$2"; then rm -f "$2.new"; else mv "$2.new" "$2"; fi
}

render_to() { # template, out
  sed -e "s|@STATE@|$STATE|g" -e "s|@NODE_DIR@|$NODE_DIR|g" -e "s|@NODE_IP@|$NODE_IP|g" \
    -e "s|@POD_CIDR@|$POD_CIDR|g" -e "s|@PKI@|$PKI_DIR|g" -e "s|@KUBECONFIG@|$NODES_DIR/admin.kubeconfig|g" \
    -e "s|@PAUSE_IMAGE@|$PAUSE_IMAGE|g" -e "s|@NODE_NAME@|$NODE_NAME|g" -e "s|@CNI_BRIDGE@|$CNI_BRIDGE|g" \
    -e "s|@COREDNS_READY_PORT@|$COREDNS_READY_PORT|g" -e "s|@DNS_IP@|$DNS_IP|g" -e "s|@CLUSTER_CIDR@|$CLUSTER_CIDR|g" \
    -e "s|@CGROUP_ROOT@|$CGROUP_ROOT|g" -e "s|@KUBELET_HEALTHZ_PORT@|$KUBELET_HEALTHZ_PORT|g" -e "s|@NODES_DIR@|$NODES_DIR|g" \
    "$1" >"$2"
}

running() { [[ -f "$STATE/pids/$1.pid" ]] && kill -0 "$(cat "$STATE/pids/$1.pid")" 2>/dev/null; }

start_daemon() { # name, command...
  local name=$1
  shift
  running "$name" && return
  say "starting $name"
  setsid "$@" </dev/null >>"$STATE/logs/$name.log" 2>&1 &
  echo $! >"$STATE/pids/$name.pid"
}

wait_for() { # what, seconds, command...
  local what=$1 limit=$2 deadline
  shift 2
  deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || die "$what did not come up within ${limit}s" "see $STATE/logs/"
    sleep 0.5
  done
}

# The machine's side, once for every node: forwarding, bridged traffic through iptables, and
# /run/netns as a shared mount.
host_network_up() {
  local s
  mkdir -p "$NODES_DIR"
  if [[ ! -f "$NODES_DIR/sysctl.orig" ]]; then
    for s in "${NODE_SYSCTLS[@]}"; do echo "$s=$(sysctl -n "$s")"; done >"$NODES_DIR/sysctl.orig"
  fi
  sysctl -qw net.ipv4.ip_forward=1 net.bridge.bridge-nf-call-iptables=1
  # containerd keeps the pods' network namespaces under /run/netns. Make that directory the
  # shared bind mount `ip netns` would make of it, before any pod exists: if `ip netns` did it
  # later (an operator debugging, a test), every existing pod namespace would be mounted twice
  # and the kubelet could never remove one (pods stuck Terminating on "device or resource busy").
  mkdir -p /run/netns
  if ! mountpoint -q /run/netns; then
    mount --bind /run/netns /run/netns
    touch "$NODES_DIR/netns-mounted"
  fi
  mount --make-shared /run/netns
}

# Every node's own address, on the loopback link (this kernel has no dummy links): its kubelet
# serves on it, CoreDNS answers on worker1's, and pods reach them through their default route.
# Host names never point at them. Made before the control plane so its certificate names them.
node_addresses_up() {
  local n
  for n in "${NODES[@]}"; do
    use_node "$n"
    ip addr show dev lo | grep " $NODE_IP/" >/dev/null || ip addr add "$NODE_IP/32" dev lo label "lo:kk${n#worker}"
  done
  use_node worker1
}

# The node's cgroup root in every hierarchy; cpuset needs its parent's cpus and mems before any
# child can hold a process.
cgroup_root_up() {
  local h
  for h in /sys/fs/cgroup/*/; do
    [[ -d "$h" ]] || continue
    mkdir -p "$h$CGROUP_ROOT"
    if [[ -f "$h/cpuset.cpus" && -z "$(tr -d '\n' <"$h$CGROUP_ROOT/cpuset.cpus")" ]]; then
      cat "$h/cpuset.cpus" >"$h$CGROUP_ROOT/cpuset.cpus"
      cat "$h/cpuset.mems" >"$h$CGROUP_ROOT/cpuset.mems"
    fi
  done
}

containerd_up() {
  mkdir -p "$NODE_DIR/containerd" "$NODE_DIR/cni/net.d"
  render "$TESTBED_DIR/node/containerd.toml" "$NODE_DIR/containerd/config.toml"
  render "$TESTBED_DIR/node/cni.conflist" "$NODE_DIR/cni/net.d/10-kafka-bed.conflist"
  start_daemon "containerd-$NODE_NAME" containerd --config "$NODE_DIR/containerd/config.toml"
  wait_for "containerd of $NODE_NAME" 60 ctr --address "$CONTAINERD_SOCK" version
}

# The bed's admin kubeconfig for kube-proxy and CoreDNS.
shared_credentials() {
  local server
  server=$(kube config view --raw -o jsonpath='{.clusters[0].cluster.server}')
  kubeconfig_for "$NODES_DIR/admin.kubeconfig" "$server" "$PKI_DIR/admin.crt" "$PKI_DIR/admin.key" admin
}

# The kubelet as system:node:<name> (Node authorizer). The API server talks to the kubelet with
# the admin client certificate, which the kubelet checks against the bed's CA.
node_credentials() {
  local cert="$NODE_DIR/kubelet/kubelet-client.crt" key="$NODE_DIR/kubelet/kubelet-client.key"
  mkdir -p "$NODE_DIR/kubelet"
  local server
  server=$(kube config view --raw -o jsonpath='{.clusters[0].cluster.server}')
  if [[ ! -f "$cert" ]]; then
    openssl req -new -newkey rsa:2048 -nodes -keyout "$key" -subj "/O=system:nodes/CN=system:node:$NODE_NAME" \
      -out "$NODE_DIR/kubelet/kubelet-client.csr" 2>/dev/null
    openssl x509 -req -in "$NODE_DIR/kubelet/kubelet-client.csr" -CA "$PKI_DIR/ca.crt" -CAkey "$PKI_DIR/ca.key" \
      -CAcreateserial -days 365 -out "$cert" 2>/dev/null || die "could not sign the kubelet's certificate" "is $PKI_DIR/ca.key there?"
  fi
  kubeconfig_for "$NODE_DIR/kubelet/kubeconfig" "$server" "$cert" "$key" "system:node:$NODE_NAME"
}

kubeconfig_for() { # file, server, cert, key, user
  cat >"$1" <<EOF2
apiVersion: v1
kind: Config
clusters:
- name: bed
  cluster:
    server: $2
    certificate-authority: $PKI_DIR/ca.crt
users:
- name: $5
  user:
    client-certificate: $3
    client-key: $4
contexts:
- name: bed
  context: {cluster: bed, user: "$5"}
current-context: bed
EOF2
}

kubelet_up() {
  mkdir -p "$NODE_DIR/kubelet/root" "$NODE_DIR/kubelet/pki" "$NODE_DIR/kubelet/pod-logs"
  : >"$NODE_DIR/kubelet/resolv.conf"
  render "$TESTBED_DIR/node/kubelet.yaml" "$NODE_DIR/kubelet/config.yaml"
  start_daemon "kubelet-$NODE_NAME" "$BIN/kubelet" --config "$NODE_DIR/kubelet/config.yaml" \
    --kubeconfig "$NODE_DIR/kubelet/kubeconfig" --root-dir "$NODE_DIR/kubelet/root" \
    --cert-dir "$NODE_DIR/kubelet/pki" --hostname-override "$NODE_NAME" --node-ip "$NODE_IP" --v=1
}

node_ready() { # name
  [[ "$(kube get node "$1" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}')" == True ]]
}

kube_proxy_up() {
  use_node worker1
  render "$TESTBED_DIR/node/kube-proxy.yaml" "$NODES_DIR/kube-proxy.yaml"
  start_daemon kube-proxy "$BIN/kube-proxy" --config "$NODES_DIR/kube-proxy.yaml" --v=1
}

coredns_up() {
  use_node worker1
  render "$TESTBED_DIR/node/Corefile" "$NODES_DIR/Corefile"
  start_daemon coredns "$BIN/coredns" -conf "$NODES_DIR/Corefile"
  wait_for "CoreDNS" 60 curl -fsS "http://127.0.0.1:$COREDNS_READY_PORT/ready"
}

nodes_up() {
  local n
  node_preflight
  host_network_up
  node_addresses_up
  for n in "${NODES[@]}"; do
    use_node "$n"
    cgroup_root_up
    containerd_up
  done
  # Both containerds import at once (each its own store); the machine has 2 cores.
  local pids=()
  for n in "${NODES[@]}"; do
    use_node "$n"
    import_images &
    pids+=($!)
  done
  for n in "${pids[@]}"; do wait "$n" || die "importing the images failed" "see $STATE/logs/ctr-import.log"; done
  shared_credentials
  coredns_up
  kube_proxy_up
  for n in "${NODES[@]}"; do
    use_node "$n"
    node_credentials
    kubelet_up
  done
  for n in "${NODES[@]}"; do wait_for "the kubelet (node $n Ready)" 120 node_ready "$n"; done
  use_node worker1
}

# --- teardown -------------------------------------------------------------------------------

stop_daemon() { # name, grace seconds
  local pidfile="$STATE/pids/$1.pid" pid
  [[ -f "$pidfile" ]] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    say "stopping $1 (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq $((${2:-10} * 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

# Every process in the pods' cgroups (containers and their sandboxes), under each node's cgroup
# root (and under kubepods at the top, where beds before worker2 kept them).
pod_cgroup_dirs() {
  local d
  for d in /sys/fs/cgroup/*/kafka-bed-*/kubepods /sys/fs/cgroup/*/kubepods; do
    [[ -d "$d" ]] && echo "$d"
  done
}

kill_pod_processes() {
  local f pids dirs
  dirs=$(pod_cgroup_dirs)
  for _ in 1 2 3; do
    # shellcheck disable=SC2086
    pids=$([[ -n "$dirs" ]] && find $dirs -name cgroup.procs -exec cat {} + 2>/dev/null | sort -u || true)
    [[ -z "$pids" ]] && break
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null || true
    sleep 0.5
  done
  # containerd's shims for this bed (their command line names the bed's socket).
  for f in /proc/[0-9]*/cmdline; do
    if tr '\0' ' ' <"$f" 2>/dev/null | grep "containerd-shim.*$NODES_DIR" >/dev/null; then
      f=${f#/proc/}
      kill -KILL "${f%/cmdline}" 2>/dev/null || true
    fi
  done
}

unmount_under() { # prefix...
  local p m
  for p in "$@"; do
    awk '{print $2}' /proc/mounts | grep "^$p" | sort -r | while read -r m; do
      umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
    done
  done
}

remove_cgroups() {
  local d
  for d in $(pod_cgroup_dirs) /sys/fs/cgroup/*/kafka-bed-*; do
    [[ -d "$d" ]] || continue
    find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null || true
  done
}

# Rules the kubelet, kube-proxy and the CNI plugins added: every KUBE-* and CNI-* chain, and
# every rule that jumps to one, in each table, for IPv4 and IPv6.
remove_iptables_rules() {
  local save restore
  for save in iptables-save ip6tables-save; do
    command -v "$save" >/dev/null || continue
    restore=${save/save/restore}
    if "$save" 2>/dev/null | grep -e 'KUBE-' -e 'CNI-' >/dev/null; then
      "$save" | grep -v -e 'KUBE-' -e 'CNI-' | "$restore" 2>/dev/null || true
    fi
  done
}

nodes_down() {
  # Teardown goes on past any step that finds nothing to do (or fails): it must always finish.
  set +e +o pipefail
  local n
  for n in "${NODES[@]}"; do stop_daemon "kubelet-$n" 10; done
  stop_daemon kubelet 10
  stop_daemon kube-proxy 5
  stop_daemon coredns 5
  kill_pod_processes
  for n in "${NODES[@]}"; do stop_daemon "containerd-$n" 10; done
  stop_daemon containerd 10
  unmount_under "$NODES_DIR/" /run/containerd/ /var/lib/kubelet/
  # Pod network namespaces: lazily, and again under our /run/netns mount once it is gone (a
  # namespace mounted before it would otherwise stay hidden below it).
  local f
  for f in /run/netns/cni-*; do umount -l "$f" 2>/dev/null; done
  [[ -f "$NODES_DIR/netns-mounted" ]] && umount -l /run/netns 2>/dev/null
  for f in /run/netns/cni-*; do umount -l "$f" 2>/dev/null; done
  rm -f /run/netns/cni-* 2>/dev/null
  remove_cgroups
  for n in "${NODES[@]}"; do
    use_node "$n"
    ip link delete "$CNI_BRIDGE" 2>/dev/null || true
    ip addr delete "$NODE_IP/32" dev lo 2>/dev/null || true
  done
  ip link delete kkcni0 2>/dev/null || true
  remove_iptables_rules
  # Fixed paths outside the state folder.
  rm -rf /var/lib/kubelet/device-plugins /var/lib/kubelet/plugins_registry /var/lib/kubelet/plugins /var/lib/kubelet/pod-resources
  rmdir /var/lib/kubelet 2>/dev/null || true
  find /var/log/containers /var/log/pods -maxdepth 1 -lname "$NODES_DIR/*" -delete 2>/dev/null || true
  rmdir /var/log/containers /var/log/pods 2>/dev/null || true
  rm -rf /run/containerd/s /run/containerd/runc 2>/dev/null || true
  rmdir /run/containerd 2>/dev/null || true
  if [[ -f "$NODES_DIR/sysctl.orig" ]]; then
    local line
    while read -r line; do sysctl -qw "$line" 2>/dev/null || true; done <"$NODES_DIR/sysctl.orig"
  fi
  use_node worker1
  set -e -o pipefail
}
