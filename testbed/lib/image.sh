# Builds the images the node runs, without a container engine (sourced by testbed/up):
#  - apache/kafka:V for each of $KAFKA_VERSIONS: a Debian JRE rootfs (debootstrap from the machine's own apt
#    source) plus Kafka's jars from Maven Central, /opt/kafka/bin scripts and the official
#    image's entry point behaviour (testbed/image/run); user appuser (uid 1000) as upstream;
#  - the pod sandbox image: one static binary (testbed/image/pause.c).
# Each is written as a docker-archive (manifest.json, config JSON, layer tars), which
# `ctr images import` accepts, and cached in $CACHE/image keyed by what went into it.

IMAGE_DIR="$CACHE/image"
PAUSE_IMAGE="kubectl-kafka.local/pause:1"
ROOTFS_SUITE=bookworm
ROOTFS_PACKAGES=openjdk-17-jre-headless

# The first Debian source the machine's apt uses: the bed takes packages from where the
# machine does, so no mirror is named here.
apt_mirror() {
  local uri
  uri=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -1)
  [[ -n "$uri" ]] || uri=$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' | grep -v security | head -1)
  [[ -n "$uri" ]] || die "no Debian source found in /etc/apt (needed to build the JRE image)" \
    "configure apt with a Debian $ROOTFS_SUITE source"
  echo "$uri"
}

# A layer tar of a directory: numeric owners, no timestamps that vary between builds.
layer_tar() { # dir, out
  tar --numeric-owner --sort=name --mtime='2024-01-01 00:00:00' -C "$1" -cf "$2" .
}

# docker-archive: name, entrypoint JSON, user, env JSON, out, layer tars...
docker_archive() {
  local name=$1 entrypoint=$2 user=$3 env=$4 out=$5
  shift 5
  local work diffs="" layers="" l i=0
  work=$(mktemp -d "$IMAGE_DIR/.archive.XXXXXX")
  for l in "$@"; do
    i=$((i + 1))
    cp --reflink=auto "$l" "$work/layer$i.tar"
    diffs+="${diffs:+,}\"sha256:$(sha256sum "$l" | cut -d' ' -f1)\""
    layers+="${layers:+,}\"layer$i.tar\""
  done
  printf '{"architecture":"amd64","os":"linux","config":{"Entrypoint":%s,"Env":%s,"User":"%s","WorkingDir":"/"},"rootfs":{"type":"layers","diff_ids":[%s]}}' \
    "$entrypoint" "$env" "$user" "$diffs" >"$work/config.json"
  printf '[{"Config":"config.json","RepoTags":["%s"],"Layers":[%s]}]' "$name" "$layers" >"$work/manifest.json"
  tar -C "$work" -cf "$out.tmp" manifest.json config.json $(cd "$work" && ls layer*.tar)
  mv "$out.tmp" "$out"
  rm -rf "$work"
}

build_jre_layer() {
  local key="$ROOTFS_SUITE:$ROOTFS_PACKAGES" out="$IMAGE_DIR/jre.tar" root="$IMAGE_DIR/rootfs"
  [[ -f "$out" && "$(cat "$out.key" 2>/dev/null)" == "$key" ]] && return
  command -v debootstrap >/dev/null || die "debootstrap is missing (it builds the image's JRE rootfs)" "run testbed/deps"
  say "building the JRE rootfs: debootstrap $ROOTFS_SUITE + $ROOTFS_PACKAGES (cold: about a minute)"
  rm -rf "$root"
  mkdir -p "$IMAGE_DIR"
  if ! debootstrap --variant=minbase --include="$ROOTFS_PACKAGES" "$ROOTFS_SUITE" "$root" "$(apt_mirror)" \
    >"$STATE/logs/build-rootfs.log" 2>&1; then
    tail -20 "$STATE/logs/build-rootfs.log" >&2
    die "debootstrap failed; full log: $STATE/logs/build-rootfs.log" "rerun testbed/up to retry"
  fi
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc \
    "$root"/usr/share/man "$root"/dev/* "$root"/proc/* "$root"/sys/* "$root"/run/*
  # appuser, as in the official image.
  grep -q '^appuser:' "$root/etc/passwd" || {
    echo 'appuser:x:1000:1000::/home/appuser:/bin/bash' >>"$root/etc/passwd"
    echo 'appuser:x:1000:' >>"$root/etc/group"
    echo 'appuser:!:19000::::::' >>"$root/etc/shadow"
    mkdir -p "$root/home/appuser"
    chown 1000:1000 "$root/home/appuser"
  }
  layer_tar "$root" "$out.tmp"
  mv "$out.tmp" "$out"
  echo "$key" >"$out.key"
  rm -rf "$root"
}

# /opt/kafka as in the official image: bin/, config/, libs/; /etc/kafka/docker/run.
build_kafka_layer() { # version
  local version=$1 libs="$CACHE/kafka-$1/libs" out="$IMAGE_DIR/kafka-$1.tar" key
  key=$(cat "$TESTBED_DIR"/image/run "$TESTBED_DIR"/image/kafka-run-class.sh "$TESTBED_DIR"/kafka/tools.tsv \
    "$TESTBED_DIR"/kafka/config/*.properties "$TESTBED_DIR"/lib/build.sh <(ls "$libs") | sha256sum | cut -c1-16)
  [[ -f "$out" && "$(cat "$out.key" 2>/dev/null)" == "$key" ]] && return
  say "building the Kafka $version layer"
  local root="$IMAGE_DIR/kafka-root"
  rm -rf "$root"
  mkdir -p "$root/opt/kafka/bin" "$root/opt/kafka/config" "$root/opt/kafka/libs" "$root/etc/kafka/docker" \
    "$root/var/lib/kafka/data"
  cp -L "$libs"/*.jar "$root/opt/kafka/libs/"
  install -m 0755 "$TESTBED_DIR/image/kafka-run-class.sh" "$root/opt/kafka/bin/kafka-run-class.sh"
  install -m 0755 "$TESTBED_DIR/image/run" "$root/etc/kafka/docker/run"
  cp "$TESTBED_DIR/kafka/config/"*.properties "$root/opt/kafka/config/"
  write_tool_scripts "$version" "$libs" "$root/opt/kafka/bin"
  chown -R 1000:1000 "$root/opt/kafka/config" "$root/var/lib/kafka"
  layer_tar "$root" "$out.tmp"
  mv "$out.tmp" "$out"
  echo "$key" >"$out.key"
  rm -rf "$root"
}

build_images() {
  mkdir -p "$IMAGE_DIR"
  build_jre_layer
  local v kafka key
  for v in "${KAFKA_VERSIONS[@]}"; do
    build_kafka_layer "$v"
    kafka="$IMAGE_DIR/apache-kafka-$v.image.tar"
    key=$(cat "$IMAGE_DIR/jre.tar.key" "$IMAGE_DIR/kafka-$v.tar.key" | sha256sum | cut -c1-16)
    if [[ ! -f "$kafka" || "$(cat "$kafka.key" 2>/dev/null)" != "$key" ]]; then
      say "writing image apache/kafka:$v"
      docker_archive "apache/kafka:$v" '["/etc/kafka/docker/run"]' 1000 \
        '["PATH=/opt/kafka/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64"]' \
        "$kafka" "$IMAGE_DIR/jre.tar" "$IMAGE_DIR/kafka-$v.tar"
      echo "$key" >"$kafka.key"
    fi
  done
  local pause="$IMAGE_DIR/pause.image.tar"
  key=$(sha256sum "$TESTBED_DIR/image/pause.c" | cut -c1-16)
  if [[ ! -f "$pause" || "$(cat "$pause.key" 2>/dev/null)" != "$key" ]]; then
    say "building the pod sandbox image $PAUSE_IMAGE"
    local root="$IMAGE_DIR/pause-root"
    rm -rf "$root"
    mkdir -p "$root"
    gcc -static -O2 -o "$root/pause" "$TESTBED_DIR/image/pause.c" ||
      die "compiling testbed/image/pause.c failed" "a static libc is needed: apt-get install -y libc6-dev"
    layer_tar "$root" "$IMAGE_DIR/pause-layer.tar"
    docker_archive "$PAUSE_IMAGE" '["/pause"]' 0 '[]' "$pause" "$IMAGE_DIR/pause-layer.tar"
    echo "$key" >"$pause.key"
    rm -rf "$root" "$IMAGE_DIR/pause-layer.tar"
  fi
}

# Imports every image into containerd's k8s.io namespace unless it already has them.
import_images() {
  local img file v images=("$PAUSE_IMAGE=$IMAGE_DIR/pause.image.tar")
  for v in "${KAFKA_VERSIONS[@]}"; do images+=("apache/kafka:$v=$IMAGE_DIR/apache-kafka-$v.image.tar"); done
  for img in "${images[@]}"; do
    file=${img#*=}
    img=${img%%=*}
    local ref="docker.io/$img"
    [[ "$img" == */*.*/* || "$img" == *.*/* ]] && ref="$img"
    local want
    want=$(cat "$file.key")
    if ctr_ images ls -q | grep -x "$ref" >/dev/null && [[ "$(cat "$NODE_DIR/containerd/imported-$(echo "$ref" | tr '/:' '__')" 2>/dev/null)" == "$want" ]]; then
      continue
    fi
    say "importing $ref into the containerd of $NODE_NAME"
    ctr_ images import "$file" >>"$STATE/logs/ctr-import.log" 2>&1 ||
      die "ctr could not import $file" "see $STATE/logs/ctr-import.log"
    echo "$want" >"$NODE_DIR/containerd/imported-$(echo "$ref" | tr '/:' '__')"
  done
}
