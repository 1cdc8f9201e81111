# Fetches or builds what the bed runs, into $CACHE (sourced by testbed/up).
# Each piece is rebuilt only when its pinned version changes (a stamp file records it).

stamp_ok() { [[ -f "$BIN/.$1.stamp" && "$(cat "$BIN/.$1.stamp")" == "$2" && -x "$BIN/$1" ]]; }
stamp_set() { echo "$2" >"$BIN/.$1.stamp"; }

go_build() { # name, module dir, version, log, go build args...
  local name=$1 dir=$2 version=$3 log="$STATE/logs/build-$1.log"
  shift 3
  stamp_ok "$name" "$version" && return
  say "building $name $version from the Go module proxy (cold: minutes; cached afterwards)"
  mkdir -p "$BIN"
  if ! (cd "$TESTBED_DIR/gomod/$dir" && CGO_ENABLED=0 go build -trimpath "$@") >"$log" 2>&1; then
    tail -20 "$log" >&2
    die "building $name failed; full log: $log" \
      "a module the proxy refused is named above; rerun testbed/up to retry (downloads are cached)"
  fi
  stamp_set "$name" "$version"
}

build_all() {
  local minor=${K8S_VERSION#v1.}
  minor=${minor%%.*}
  # The stamp names the set of binaries, so a cache from before the real node is rebuilt.
  local kube_build="$K8S_VERSION+kubelet+kube-proxy"
  go_build kube-apiserver kubernetes "$kube_build" \
    -ldflags "-s -w -X k8s.io/component-base/version.gitVersion=$K8S_VERSION -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor -X k8s.io/component-base/version.gitTreeState=clean" \
    -o "$BIN/" k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubectl \
    k8s.io/kubernetes/cmd/kubelet k8s.io/kubernetes/cmd/kube-proxy
  # One `go build` made all six; record them together.
  local c
  for c in kube-controller-manager kube-scheduler kubectl kubelet kube-proxy; do stamp_set "$c" "$kube_build"; done
  go_build coredns coredns "$COREDNS_VERSION" -ldflags "-s -w" -o "$BIN/coredns" .
  go_build etcd etcd "$ETCD_VERSION" -ldflags "-s -w" -o "$BIN/etcd" go.etcd.io/etcd/server/v3
  go_build kwokctl kwok "$KWOK_VERSION" -ldflags "-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=$KWOK_VERSION" \
    -o "$BIN/kwokctl" sigs.k8s.io/kwok/cmd/kwokctl
  fetch_kafka
}

fetch_kafka() {
  local libs="$CACHE/kafka-$KAFKA_VERSION/libs"
  [[ -f "$libs/kafka_2.13-$KAFKA_VERSION.jar" && -f "$libs/.complete" ]] && return
  say "resolving Apache Kafka $KAFKA_VERSION from Maven Central"
  mkdir -p "$libs"
  if ! mvn -q -B -f "$TESTBED_DIR/kafka/pom.xml" -Dmaven.repo.local="$CACHE/m2" \
    -Dkafka.version="$KAFKA_VERSION" dependency:copy-dependencies \
    -DoutputDirectory="$libs" -DincludeScope=runtime >"$STATE/logs/build-kafka.log" 2>&1; then
    tail -20 "$STATE/logs/build-kafka.log" >&2
    die "resolving Kafka $KAFKA_VERSION failed; full log: $STATE/logs/build-kafka.log" \
      "rerun testbed/up to retry (downloads are cached in $CACHE/m2)"
  fi
  touch "$libs/.complete"
}

# /opt/kafka on the host, as in the image: Kafka's tools for the benchmarks that run them from
# outside the cluster (through `kubectl kafka proxy`).
install_kafka() {
  mkdir -p "$KAFKA_HOME/bin" "$KAFKA_HOME/config"
  ln -sfn "$CACHE/kafka-$KAFKA_VERSION/libs" "$KAFKA_HOME/libs"
  install -m 0755 "$TESTBED_DIR/image/kafka-run-class.sh" "$KAFKA_HOME/bin/kafka-run-class.sh"
  cp "$TESTBED_DIR/kafka/config/"*.properties "$KAFKA_HOME/config/"
  local script class
  while IFS=$'\t' read -r script class; do
    [[ -z "$script" || "$script" == \#* ]] && continue
    printf '#!/usr/bin/env bash\n# %s of Kafka %s, as in the apache/kafka image (installed by testbed/up).\nexec "$(dirname "$0")/kafka-run-class.sh" %s "$@"\n' \
      "$script" "$KAFKA_VERSION" "$class" >"$KAFKA_HOME/bin/$script"
    chmod 0755 "$KAFKA_HOME/bin/$script"
  done <"$TESTBED_DIR/kafka/tools.tsv"
}
