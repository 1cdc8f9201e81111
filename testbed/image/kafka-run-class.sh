#!/usr/bin/env bash
# /opt/kafka/bin/kafka-run-class.sh of the bed's apache/kafka image: runs a Kafka main class with
# the jars resolved from Maven Central and the JVM options of Kafka's own script.
set -euo pipefail
base_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
main="$1"
shift
log4j="${KAFKA_LOG4J_OPTS:--Dlog4j.configuration=file:$base_dir/config/tools-log4j.properties}"
heap="${KAFKA_HEAP_OPTS:--Xmx256M}"
jvm="${KAFKA_JVM_PERFORMANCE_OPTS:--server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true}"
# shellcheck disable=SC2086 # the *_OPTS variables are word lists, as in Kafka's own script
exec java $heap $jvm $log4j ${KAFKA_OPTS:-} -cp "$base_dir/libs/*" "$main" "$@"
