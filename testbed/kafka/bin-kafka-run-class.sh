#!/usr/bin/env bash
# /opt/kafka/bin/kafka-run-class.sh of the test bed: runs a Kafka main class on the system JDK
# with the jars that testbed/up resolved from Maven Central.
#
# `kubectl exec` into a broker pod runs its argv on the host (kwok's Exec resource); the bed
# sets KAFKA_TESTBED_NETNS there, and this script re-enters that broker's network namespace so
# that `--bootstrap-server localhost:9092` reaches the pod's own broker, as in the image.
set -euo pipefail
if [[ -n "${KAFKA_TESTBED_NETNS:-}" && "$(ip netns identify $$ 2>/dev/null)" != "$KAFKA_TESTBED_NETNS" ]]; then
  exec ip netns exec "$KAFKA_TESTBED_NETNS" "$0" "$@"
fi
base_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
main="$1"; shift
log4j="${KAFKA_LOG4J_OPTS:--Dlog4j.configuration=file:$base_dir/config/tools-log4j.properties}"
heap="${KAFKA_HEAP_OPTS:--Xmx256m}"

jvm="${KAFKA_JVM_PERFORMANCE_OPTS:-}"
# shellcheck disable=SC2086 # the *_OPTS variables are word lists, as in Kafka's own script
exec "${JAVA:-java}" $heap $jvm $log4j -cp "$base_dir/libs/*" "$main" "$@"
