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
  local v
  for v in "${KAFKA_VERSIONS[@]}"; do fetch_kafka "$v"; done
}

fetch_kafka() { # version
  local version=$1 libs="$CACHE/kafka-$1/libs" log="$STATE/logs/build-kafka-$1.log"
  [[ -f "$libs/kafka_2.13-$version.jar" && -f "$libs/.complete" ]] && return
  say "resolving Apache Kafka $version from Maven Central"
  mkdir -p "$libs"
  if ! mvn -q -B -f "$TESTBED_DIR/kafka/pom.xml" -Dmaven.repo.local="$CACHE/m2" \
    -Dkafka.version="$version" dependency:copy-dependencies \
    -DoutputDirectory="$libs" -DincludeScope=runtime >"$log" 2>&1; then
    tail -20 "$log" >&2
    die "resolving Kafka $version failed; full log: $log" \
      "rerun testbed/up to retry (downloads are cached in $CACHE/m2)"
  fi
  touch "$libs/.complete"
}

# The main class of a tool in one Kafka version: tools.tsv names the candidates (classes moved
# between packages across 3.x and 4.x); the first one the version's jars hold wins.
tool_class() { # libs dir, candidates...
  local libs=$1 c
  shift
  for c in "$@"; do
    if [[ -f "$libs/.classes" ]] && grep -qx "${c//.//}.class" "$libs/.classes"; then
      echo "$c"
      return
    fi
  done
  echo "$1"
}

# Every class name in a version's jars, listed once per version (tool_class reads it).
list_classes() { # libs dir
  local libs=$1 j
  [[ -f "$libs/.classes" ]] && return
  for j in "$libs"/*.jar; do unzip -Z1 "$j" 2>/dev/null | grep '\.class$' || true; done >"$libs/.classes.tmp"
  mv "$libs/.classes.tmp" "$libs/.classes"
}

# Writes /opt/kafka/bin's scripts of one version into a directory (the image's and the host's).
write_tool_scripts() { # version, libs dir, bin dir
  local version=$1 libs=$2 bin=$3 script classes class
  list_classes "$libs"
  while IFS=$'\t' read -r script classes; do
    [[ -z "$script" || "$script" == \#* ]] && continue
    # shellcheck disable=SC2086 # the candidates are space-separated on purpose
    class=$(tool_class "$libs" $classes)
    {
      printf '#!/usr/bin/env bash\n# %s of Kafka %s, as in the apache/kafka image.\n' "$script" "$version"
      if [[ "$script" == kafka-server-start.sh ]]; then
        # Kafka's own start script: the broker's log4j config and a 1 GiB heap unless set.
        printf 'export KAFKA_LOG4J_OPTS="${KAFKA_LOG4J_OPTS:--Dlog4j.configuration=file:/opt/kafka/config/log4j.properties}"\n'
        printf 'export KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx1G -Xms1G}"\n'
      fi
      printf 'exec "$(dirname "$0")/kafka-run-class.sh" %s "$@"\n' "$class"
    } >"$bin/$script"
    chmod 0755 "$bin/$script"
  done <"$TESTBED_DIR/kafka/tools.tsv"
}

# /opt/kafka on the host, as in the image: Kafka's tools for the benchmarks that run them from
# outside the cluster (through `kubectl kafka proxy`).
install_kafka() {
  mkdir -p "$KAFKA_HOME/bin" "$KAFKA_HOME/config"
  ln -sfn "$CACHE/kafka-$GUIDE_KAFKA_VERSION/libs" "$KAFKA_HOME/libs"
  install -m 0755 "$TESTBED_DIR/image/kafka-run-class.sh" "$KAFKA_HOME/bin/kafka-run-class.sh"
  cp "$TESTBED_DIR/kafka/config/"*.properties "$KAFKA_HOME/config/"
  write_tool_scripts "$GUIDE_KAFKA_VERSION" "$CACHE/kafka-$GUIDE_KAFKA_VERSION/libs" "$KAFKA_HOME/bin"
}
