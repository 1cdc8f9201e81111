# Per-broker network namespaces (sourced by testbed/up and testbed/down).

network_up() {
  command -v ip >/dev/null || die "the ip command (iproute2) is missing" "apt-get install -y iproute2"
  [[ $EUID -eq 0 ]] || die "network namespaces need root" "run testbed/up as root (CI and the dev machines are root)"
  if ! ip link show "$NET_BRIDGE" >/dev/null 2>&1; then
    ip link add "$NET_BRIDGE" type bridge
    ip addr add "$NET_PREFIX.1/24" dev "$NET_BRIDGE"
  fi
  ip link set "$NET_BRIDGE" up
  local n ns hostname_
  hostname_="$(hostname)"
  for n in "${BROKERS[@]}"; do
    ns="kafka-$n"
    ip netns list | grep -qw "^$ns" || ip netns add "$ns"
    if ! ip link show "kkv$n" >/dev/null 2>&1; then
      ip link add "kkv$n" type veth peer name eth0 netns "$ns"
      ip link set "kkv$n" master "$NET_BRIDGE" up
      ip -n "$ns" addr add "$(broker_ip "$n")/24" dev eth0
    fi
    ip -n "$ns" link set lo up
    ip -n "$ns" link set eth0 up
    ip -n "$ns" route replace default via "$NET_PREFIX.1"
    mkdir -p "/etc/netns/$ns"
    {
      echo "127.0.0.1 localhost"
      echo "$(broker_ip "$n") $hostname_"
      local m
      for m in "${BROKERS[@]}"; do echo "$(broker_ip "$m") kafka-$m"; done
    } >"/etc/netns/$ns/hosts"
  done
}

network_down() {
  local n
  for n in "${BROKERS[@]}"; do
    ip netns delete "kafka-$n" 2>/dev/null || true
    ip link delete "kkv$n" 2>/dev/null || true
    rm -rf "/etc/netns/kafka-$n"
  done
  ip link delete "$NET_BRIDGE" 2>/dev/null || true
}
