#compdef kubectl-kafka

autoload -U is-at-least

_kubectl-kafka() {
    typeset -A opt_args
    typeset -a _arguments_options
    local ret=1

    if is-at-least 5.2; then
        _arguments_options=(-s -S -C)
    else
        _arguments_options=(-s -C)
    fi

    local context curcontext="$curcontext" state line
    _arguments "${_arguments_options[@]}" : \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_kubectl-kafka_commands" \
"*::: :->kubectl kafka" \
&& ret=0
    case $state in
    (kubectl kafka)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-kafka-command-$line[1]:"
        case $line[1] in
            (status)
_arguments "${_arguments_options[@]}" : \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--no-kafka[Only the Kubernetes side\: do not ask Kafka (controller, partitions led, under-replicated)]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::brokers -- Only these brokers\: Deployment name (kafka-2), instance label or node id (2):_default' \
&& ret=0
;;
(version)
_arguments "${_arguments_options[@]}" : \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--client[Only the plugin'\''s version\: do not contact the API server or Kafka]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(proxy)
_arguments "${_arguments_options[@]}" : \
'*--port=[A fixed local port for a broker\: NODE-ID=PORT (repeatable); others get ephemeral ports]:NODE-ID=PORT:_default' \
'--address=[The local address to listen on]:ADDRESS:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(topics)
_arguments "${_arguments_options[@]}" : \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_kubectl-kafka__subcmd__topics_commands" \
"*::: :->topics" \
&& ret=0

    case $state in
    (topics)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-kafka-topics-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
'--timeout=[How long to wait for the brokers'\'' answer]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--all[Include internal topics (__consumer_offsets, ...)]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(ls)
_arguments "${_arguments_options[@]}" : \
'--timeout=[How long to wait for the brokers'\'' answer]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--all[Include internal topics (__consumer_offsets, ...)]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(describe)
_arguments "${_arguments_options[@]}" : \
'--timeout=[]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--all-configs[Show every config with its source, not only the ones set on the topic]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':topic:_default' \
&& ret=0
;;
(create)
_arguments "${_arguments_options[@]}" : \
'-p+[]:PARTITIONS:_default' \
'--partitions=[]:PARTITIONS:_default' \
'-r+[]:REPLICATION_FACTOR:_default' \
'--replication-factor=[]:REPLICATION_FACTOR:_default' \
'*-c+[A topic config, KEY=VALUE (repeatable)]:KEY=VALUE:_default' \
'*--config=[A topic config, KEY=VALUE (repeatable)]:KEY=VALUE:_default' \
'--timeout=[]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--if-not-exists[Succeed without change when the topic already exists]' \
'--dry-run[Let the brokers validate the request, change nothing]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':topic:_default' \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
'--timeout=[]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'-y[Do not ask]' \
'--yes[Do not ask]' \
'--dry-run[Show what would be deleted, delete nothing]' \
'--if-exists[Succeed when a topic does not exist]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::topics:_default' \
&& ret=0
;;
(alter-config)
_arguments "${_arguments_options[@]}" : \
'*--set=[Set KEY=VALUE (repeatable)]:KEY=VALUE:_default' \
'*--delete=[Remove a key'\''s topic override, back to the broker default (repeatable)]:KEY:_default' \
'--timeout=[]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--dry-run[Let the brokers validate the change, change nothing]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':topic:_default' \
&& ret=0
;;
(add-partitions)
_arguments "${_arguments_options[@]}" : \
'--to=[The new total number of partitions]:TO:_default' \
'--timeout=[]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--dry-run[Let the brokers validate the change, change nothing]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':topic:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-kafka__subcmd__topics__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-kafka-topics-help-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(describe)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(alter-config)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(add-partitions)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(produce)
_arguments "${_arguments_options[@]}" : \
'--file=[Read from this file instead of stdin]:FILE:_files' \
'--format=[]:FORMAT:((lines\:"Each line is a value (with --key-separator\: key SEP value)"
json\:"Each line is {"key","value","headers","partition"} as \`consume --format json\` prints"))' \
'(--key-separator)-k+[The key of every record]:KEY:_default' \
'(--key-separator)--key=[The key of every record]:KEY:_default' \
'--key-separator=[Split each line at the first SEP into key and value]:SEP:_default' \
'*-H+[A header KEY=VALUE on every record (repeatable)]:KEY=VALUE:_default' \
'*--header=[A header KEY=VALUE on every record (repeatable)]:KEY=VALUE:_default' \
'--partition=[Send every record to this partition]:PARTITION:_default' \
'--acks=[]:ACKS:((all\:"Every in-sync replica (and an idempotent producer\: no duplicates on retry)"
1\:"The leader alone"
0\:"None\: fire and forget"))' \
'--compression=[]:COMPRESSION:(none gzip snappy lz4 zstd)' \
'--timeout=[]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--dry-run[Check the input and the sizes, send nothing]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':topic:_default' \
&& ret=0
;;
(consume)
_arguments "${_arguments_options[@]}" : \
'--offset=[start, end, an offset N, or -N for N before the end]:OFFSET:_default' \
'(--offset)--since=[Start at a time\: RFC 3339 (2026-11-25T08\:00\:00Z) or a duration ago (15m, 2h)]:TIME:_default' \
'--partition=[Only this partition]:PARTITION:_default' \
'-m+[Stop after N records]:MAX_MESSAGES:_default' \
'--max-messages=[Stop after N records]:MAX_MESSAGES:_default' \
'-g+[Consume as this consumer group and commit its offsets]:GROUP:_default' \
'--group=[Consume as this consumer group and commit its offsets]:GROUP:_default' \
'--format=[]:FORMAT:((value\:"The value only (with --print-key\: key TAB value)"
kv\:"key TAB value"
json\:"One JSON object per record\: topic, partition, offset, timestamp, key, value, headers"))' \
'--timeout=[]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'(--offset --since)--from-beginning[Start at the log start (same as --offset start; the default)]' \
'-f[Keep waiting for new records (Ctrl-C stops)]' \
'--follow[Keep waiting for new records (Ctrl-C stops)]' \
'--print-key[With --format value\: print the key too (key TAB value)]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':topic:_default' \
&& ret=0
;;
(groups)
_arguments "${_arguments_options[@]}" : \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_kubectl-kafka__subcmd__groups_commands" \
"*::: :->groups" \
&& ret=0

    case $state in
    (groups)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-kafka-groups-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
'--timeout=[]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(ls)
_arguments "${_arguments_options[@]}" : \
'--timeout=[]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(describe)
_arguments "${_arguments_options[@]}" : \
'--timeout=[]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':group:_default' \
&& ret=0
;;
(reset-offsets)
_arguments "${_arguments_options[@]}" : \
'--topic=[The topic whose offsets move]:TOPIC:_default' \
'--partition=[Only this partition]:PARTITION:_default' \
'--to-offset=[]:N:_default' \
'--to-datetime=[RFC 3339 time, or a duration ago (15m, 2h)]:TIME:_default' \
'--shift-by=[]:N:_default' \
'--timeout=[]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--to-earliest[]' \
'--to-latest[]' \
'--execute[Apply the plan (without it, nothing changes)]' \
'(--execute)--dry-run[Only print the plan (the default without --execute)]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':group:_default' \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
'--timeout=[]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'-y[]' \
'--yes[]' \
'--dry-run[]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::groups:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-kafka__subcmd__groups__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-kafka-groups-help-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(describe)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(reset-offsets)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(health)
_arguments "${_arguments_options[@]}" : \
'--timeout=[How long --wait waits; also the limit of each Kafka request]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--wait[Wait until healthy, showing progress]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(quorum)
_arguments "${_arguments_options[@]}" : \
'--timeout=[]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(doctor)
_arguments "${_arguments_options[@]}" : \
'--timeout=[]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--offline[Skip the checks that need Kafka (topics), e.g. when the brokers are down]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(disk)
_arguments "${_arguments_options[@]}" : \
'--timeout=[]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--topics[Also list bytes by topic]' \
'--all[Include internal topics]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(restart)
_arguments "${_arguments_options[@]}" : \
'--since=[Skip brokers whose pods started after this time (RFC 3339 or a duration ago)]:TIME:_default' \
'--timeout=[Limit for each broker to roll out, rejoin and catch up]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--dry-run[Print the plan, each check'\''s outcome and the patch; change nothing]' \
'--force[Skip the safety checks (partitions may go offline or below min.insync.replicas)]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::brokers -- Brokers to restart (Deployment name, instance label or node id) \[default\: all\]:_default' \
&& ret=0
;;
(rebalance)
_arguments "${_arguments_options[@]}" : \
'*--brokers=[Place replicas only on these brokers (node ids) \[default\: every registered broker\]]:BROKERS:_default' \
'*--exclude-broker=[Move every replica off these brokers (node ids)]:EXCLUDE:_default' \
'*--topic=[Only these topics \[default\: every topic\]]:TOPICS:_default' \
'--throttle=[Limit replication while moving, bytes per second per broker (e.g. 50MB, 10MiB, 500000)]:THROTTLE:_default' \
'--max-moves-per-broker=[Moves running at once on any one broker (0\: all at once)]:MAX_MOVES_PER_BROKER:_default' \
'--to-file=[Write the plan in kafka-reassign-partitions.sh'\''s JSON format]:TO_FILE:_files' \
'(--brokers --exclude-broker --topic --by-bytes)--from-file=[Take the plan from a file in kafka-reassign-partitions.sh'\''s JSON format]:FROM_FILE:_files' \
'--timeout=[Limit for the whole move to complete]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--execute[Apply the plan (without it\: print the plan, change nothing)]' \
'--by-bytes[Also even out bytes on disk (DescribeLogDirs of every broker), by swapping replicas of the same topic once counts are even; costs more copies]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_kubectl-kafka__subcmd__rebalance_commands" \
"*::: :->rebalance" \
&& ret=0

    case $state in
    (rebalance)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-kafka-rebalance-command-$line[1]:"
        case $line[1] in
            (status)
_arguments "${_arguments_options[@]}" : \
'--timeout=[]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(cancel)
_arguments "${_arguments_options[@]}" : \
'--timeout=[]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--yes[Cancel without asking]' \
'--dry-run[]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-kafka__subcmd__rebalance__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-kafka-rebalance-help-command-$line[1]:"
        case $line[1] in
            (status)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(cancel)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(elect-leaders)
_arguments "${_arguments_options[@]}" : \
'*--topic=[Only these topics \[default\: every topic\]]:TOPICS:_default' \
'--timeout=[Limit for every broker to report the new leaders]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--dry-run[Print what would change and the skew before and after; change nothing]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(rollback)
_arguments "${_arguments_options[@]}" : \
'--to-revision=[The revision to go back to \[default\: the previous one\]]:TO_REVISION:_default' \
'--timeout=[]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--all[Every broker, one at a time]' \
'--dry-run[]' \
'--force[]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'::broker -- The broker to roll back (or --all):_default' \
&& ret=0
;;
(upgrade)
_arguments "${_arguments_options[@]}" : \
'(--finalize)--version=[The Kafka version to run\: the image apache/kafka\:VERSION unless --image names another]:VERSION:_default' \
'(--finalize)--image=[The image to run; its tag must name the Kafka version, else give --version too]:IMAGE:_default' \
'*--feature=[With --finalize\: also raise this finalized feature (e.g. group.version=1)]:NAME=LEVEL:_default' \
'--timeout=[Limit for each broker to roll out, rejoin and catch up]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--finalize[Raise metadata.version to what every broker now runs (cannot be undone)]' \
'--dry-run[Print the plan (and, with --finalize, have the controller validate it); change nothing]' \
'--yes[--finalize without asking]' \
'--force[Skip the safety checks]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'*::brokers -- Brokers to upgrade (Deployment name, instance label or node id) \[default\: all\]:_default' \
&& ret=0
;;
(move)
_arguments "${_arguments_options[@]}" : \
'--to-node=[The node to run it on]:NODE:_default' \
'--claim=[When the broker gets a new volume\: the new claim'\''s name \[default\: <old claim>-<node>\]]:NAME:_default' \
'--throttle=[When the broker gets a new volume\: limit the copy of its replicas, bytes per second (e.g. 50MB, 10MiB), on it and on the leaders it copies from; removed once it is in sync, and when the move fails]:THROTTLE:_default' \
'--timeout=[Limit for the broker to stop, start on the new node, rejoin and catch up]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--dry-run[Print the plan (node checks, what the volume allows, the patch); change nothing]' \
'-y[Do not ask for confirmation]' \
'--yes[Do not ask for confirmation]' \
'--force[Skip Kafka'\''s safety checks, and allow a controller onto an empty volume (dangerous)]' \
'--delete-volume[When the broker gets a new volume\: delete its old claim once it is in sync again]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':broker -- The broker to move (Deployment name, instance label or node id):_default' \
&& ret=0
;;
(history)
_arguments "${_arguments_options[@]}" : \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'::broker -- Only this broker:_default' \
&& ret=0
;;
(rollout-status)
_arguments "${_arguments_options[@]}" : \
'--timeout=[]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'::broker -- Only this broker:_default' \
&& ret=0
;;
(scale)
_arguments "${_arguments_options[@]}" : \
'(--brokers)--replicas=[0 stops the broker, 1 starts it]:REPLICAS:_default' \
'--brokers=[Grow or shrink the cluster to this many brokers]:BROKERS:_default' \
'--node=[With --brokers (growing)\: run the new brokers on this node \[default\: the node the broker they are copied from is pinned to\]]:NODE:_default' \
'--throttle=[With --brokers\: limit replication while moving partitions, bytes per second (e.g. 50MB)]:THROTTLE:_default' \
'--timeout=[]:TIMEOUT:_default' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--no-rebalance[With --brokers\: add the brokers but move no partitions onto them]' \
'--yes[With --brokers (shrinking)\: remove without asking]' \
'--delete-volume[With --brokers (shrinking)\: delete the removed brokers'\'' PVCs too]' \
'--dry-run[]' \
'--force[]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'::broker -- The broker to stop or start (with --replicas):_default' \
&& ret=0
;;
(completion)
_arguments "${_arguments_options[@]}" : \
'--dir=[With install\: the directory for the link \[default\: next to this binary\]]:DIR:_files' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'--dry-run[With install\: say what would be linked, link nothing]' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':shell -- bash, zsh, fish, or install (link kubectl_complete-kafka for completion inside kubectl):(bash zsh fish elvish powershell install)' \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
'--dir=[Write kubectl-kafka.1 and one page per subcommand into this directory]:DIR:_files' \
'-n+[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--namespace=[Namespace of the Kafka brokers \[default\: the current context'\''s namespace\]]:NAMESPACE:_default' \
'--context=[The kubeconfig context to use \[default\: the current context\]]:CONTEXT:_default' \
'--kubeconfig=[Path to the kubeconfig file \[default\: \$KUBECONFIG, then ~/.kube/config\]]:KUBECONFIG:_files' \
'-l+[Label selector that finds the broker workloads]:SELECTOR:_default' \
'--selector=[Label selector that finds the broker workloads]:SELECTOR:_default' \
'-o+[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--output=[Output format]:OUTPUT:((table\:"Columns, as \`kubectl get\` prints them"
wide\:"More columns"
json\:"JSON, with stable field names, for scripts"
yaml\:"YAML, the same fields as JSON"))' \
'--via=[How to reach the brokers\: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct]:VIA:((auto\:"Direct when the advertised addresses answer, else port-forward"
port-forward\:"Kube port-forward to each broker'\''s pod, with the Kafka address-rewriting relay"
exec\:"Kafka'\''s own tools inside a broker pod (needs pods/exec, not pods/portforward)"
direct\:"The advertised addresses as they are (inside the cluster)"))' \
'--request-timeout=[Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit]:REQUEST_TIMEOUT:_default' \
'(-v --verbose)-q[Print only data and errors\: no progress, warnings or hints]' \
'(-v --verbose)--quiet[Print only data and errors\: no progress, warnings or hints]' \
'*-v[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'*--verbose[Log what is done and why to stderr (-v info, -vv debug, -vvv trace)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-kafka__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-kafka-help-command-$line[1]:"
        case $line[1] in
            (status)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(version)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(proxy)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(topics)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-kafka__subcmd__help__subcmd__topics_commands" \
"*::: :->topics" \
&& ret=0

    case $state in
    (topics)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-kafka-help-topics-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(describe)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(create)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(alter-config)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(add-partitions)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(produce)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(consume)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(groups)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-kafka__subcmd__help__subcmd__groups_commands" \
"*::: :->groups" \
&& ret=0

    case $state in
    (groups)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-kafka-help-groups-command-$line[1]:"
        case $line[1] in
            (list)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(describe)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(reset-offsets)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(delete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(health)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(quorum)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(doctor)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(disk)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(restart)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(rebalance)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-kafka__subcmd__help__subcmd__rebalance_commands" \
"*::: :->rebalance" \
&& ret=0

    case $state in
    (rebalance)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-kafka-help-rebalance-command-$line[1]:"
        case $line[1] in
            (status)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(cancel)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(elect-leaders)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(rollback)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(upgrade)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(move)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(history)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(rollout-status)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(scale)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(completion)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
}

(( $+functions[_kubectl-kafka_commands] )) ||
_kubectl-kafka_commands() {
    local commands; commands=(
'status:Show the brokers\: one row per broker, from their Deployments and pods' \
'version:Show the plugin'\''s, the Kubernetes server'\''s and each broker'\''s Kafka version' \
'proxy:Forward every broker to a local port, rewriting advertised addresses, for your own tools' \
'topics:Work with topics' \
'produce:Produce records from stdin (a line each, or JSON lines) or a file' \
'consume:Consume records and print them' \
'groups:Consumer groups\: list, describe, reset offsets, delete' \
'health:One verdict on the cluster, then the reasons (pods, brokers, quorum, partitions)' \
'quorum:The KRaft controller quorum\: leader, epoch, and each voter'\''s progress' \
'doctor:Check the deployment for the mistakes that break it (exit 8 on an error)' \
'disk:Log-dir use per broker (DescribeLogDirs) against the PVC'\''s capacity' \
'restart:Restart brokers one at a time, only when it is safe (like \`kubectl rollout restart\`)' \
'rebalance:Spread partition replicas and leaders evenly over the brokers (plan by default)' \
'elect-leaders:Move leadership back to each partition'\''s preferred replica (ElectLeaders), with a skew report' \
'rollback:Roll brokers back to a previous revision (\`kubectl rollout undo\`, with Kafka'\''s checks)' \
'upgrade:Run a new Kafka version\: roll the image one broker at a time, then --finalize' \
'move:Move a broker to another node, safely, with whatever its volume allows' \
'history:Revisions of the broker Deployments, with change causes and what changed' \
'rollout-status:Wait for broker rollouts to finish, and for the brokers to be registered and in sync' \
'scale:Stop (--replicas 0) or start (--replicas 1) one broker, or grow or shrink the cluster (--brokers N)' \
'completion:Shell completion\: print a script, or install the completer kubectl runs' \
'man:Print the man page (or write one per subcommand with --dir)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-kafka commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__completion_commands] )) ||
_kubectl-kafka__subcmd__completion_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka completion commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__consume_commands] )) ||
_kubectl-kafka__subcmd__consume_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka consume commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__disk_commands] )) ||
_kubectl-kafka__subcmd__disk_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka disk commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__doctor_commands] )) ||
_kubectl-kafka__subcmd__doctor_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka doctor commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__elect-leaders_commands] )) ||
_kubectl-kafka__subcmd__elect-leaders_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka elect-leaders commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__groups_commands] )) ||
_kubectl-kafka__subcmd__groups_commands() {
    local commands; commands=(
'list:List groups\: state, members, topics, total lag' \
'ls:List groups\: state, members, topics, total lag' \
'describe:Per partition\: committed offset, end offset, lag, member and host' \
'reset-offsets:Move a group'\''s committed offsets (prints the plan; applies only with --execute)' \
'delete:Delete groups (asks first unless --yes)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-kafka groups commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__groups__subcmd__delete_commands] )) ||
_kubectl-kafka__subcmd__groups__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka groups delete commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__groups__subcmd__describe_commands] )) ||
_kubectl-kafka__subcmd__groups__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka groups describe commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__groups__subcmd__help_commands] )) ||
_kubectl-kafka__subcmd__groups__subcmd__help_commands() {
    local commands; commands=(
'list:List groups\: state, members, topics, total lag' \
'describe:Per partition\: committed offset, end offset, lag, member and host' \
'reset-offsets:Move a group'\''s committed offsets (prints the plan; applies only with --execute)' \
'delete:Delete groups (asks first unless --yes)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-kafka groups help commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__groups__subcmd__help__subcmd__delete_commands] )) ||
_kubectl-kafka__subcmd__groups__subcmd__help__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka groups help delete commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__groups__subcmd__help__subcmd__describe_commands] )) ||
_kubectl-kafka__subcmd__groups__subcmd__help__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka groups help describe commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__groups__subcmd__help__subcmd__help_commands] )) ||
_kubectl-kafka__subcmd__groups__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka groups help help commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__groups__subcmd__help__subcmd__list_commands] )) ||
_kubectl-kafka__subcmd__groups__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka groups help list commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__groups__subcmd__help__subcmd__reset-offsets_commands] )) ||
_kubectl-kafka__subcmd__groups__subcmd__help__subcmd__reset-offsets_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka groups help reset-offsets commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__groups__subcmd__list_commands] )) ||
_kubectl-kafka__subcmd__groups__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka groups list commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__groups__subcmd__reset-offsets_commands] )) ||
_kubectl-kafka__subcmd__groups__subcmd__reset-offsets_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka groups reset-offsets commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__health_commands] )) ||
_kubectl-kafka__subcmd__health_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka health commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help_commands] )) ||
_kubectl-kafka__subcmd__help_commands() {
    local commands; commands=(
'status:Show the brokers\: one row per broker, from their Deployments and pods' \
'version:Show the plugin'\''s, the Kubernetes server'\''s and each broker'\''s Kafka version' \
'proxy:Forward every broker to a local port, rewriting advertised addresses, for your own tools' \
'topics:Work with topics' \
'produce:Produce records from stdin (a line each, or JSON lines) or a file' \
'consume:Consume records and print them' \
'groups:Consumer groups\: list, describe, reset offsets, delete' \
'health:One verdict on the cluster, then the reasons (pods, brokers, quorum, partitions)' \
'quorum:The KRaft controller quorum\: leader, epoch, and each voter'\''s progress' \
'doctor:Check the deployment for the mistakes that break it (exit 8 on an error)' \
'disk:Log-dir use per broker (DescribeLogDirs) against the PVC'\''s capacity' \
'restart:Restart brokers one at a time, only when it is safe (like \`kubectl rollout restart\`)' \
'rebalance:Spread partition replicas and leaders evenly over the brokers (plan by default)' \
'elect-leaders:Move leadership back to each partition'\''s preferred replica (ElectLeaders), with a skew report' \
'rollback:Roll brokers back to a previous revision (\`kubectl rollout undo\`, with Kafka'\''s checks)' \
'upgrade:Run a new Kafka version\: roll the image one broker at a time, then --finalize' \
'move:Move a broker to another node, safely, with whatever its volume allows' \
'history:Revisions of the broker Deployments, with change causes and what changed' \
'rollout-status:Wait for broker rollouts to finish, and for the brokers to be registered and in sync' \
'scale:Stop (--replicas 0) or start (--replicas 1) one broker, or grow or shrink the cluster (--brokers N)' \
'completion:Shell completion\: print a script, or install the completer kubectl runs' \
'man:Print the man page (or write one per subcommand with --dir)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-kafka help commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__completion_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__completion_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help completion commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__consume_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__consume_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help consume commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__disk_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__disk_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help disk commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__doctor_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__doctor_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help doctor commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__elect-leaders_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__elect-leaders_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help elect-leaders commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__groups_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__groups_commands() {
    local commands; commands=(
'list:List groups\: state, members, topics, total lag' \
'describe:Per partition\: committed offset, end offset, lag, member and host' \
'reset-offsets:Move a group'\''s committed offsets (prints the plan; applies only with --execute)' \
'delete:Delete groups (asks first unless --yes)' \
    )
    _describe -t commands 'kubectl-kafka help groups commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__groups__subcmd__delete_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__groups__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help groups delete commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__groups__subcmd__describe_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__groups__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help groups describe commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__groups__subcmd__list_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__groups__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help groups list commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__groups__subcmd__reset-offsets_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__groups__subcmd__reset-offsets_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help groups reset-offsets commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__health_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__health_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help health commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__help_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help help commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__history_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__history_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help history commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__man_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help man commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__move_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__move_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help move commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__produce_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__produce_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help produce commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__proxy_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__proxy_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help proxy commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__quorum_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__quorum_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help quorum commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__rebalance_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__rebalance_commands() {
    local commands; commands=(
'status:The reassignments in progress, with the replicas each is adding and removing' \
'cancel:Cancel every reassignment in progress and remove the replication throttles' \
    )
    _describe -t commands 'kubectl-kafka help rebalance commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__rebalance__subcmd__cancel_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__rebalance__subcmd__cancel_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help rebalance cancel commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__rebalance__subcmd__status_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__rebalance__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help rebalance status commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__restart_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__restart_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help restart commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__rollback_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__rollback_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help rollback commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__rollout-status_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__rollout-status_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help rollout-status commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__scale_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__scale_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help scale commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__status_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help status commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__topics_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__topics_commands() {
    local commands; commands=(
'list:List topics\: partitions, replication factor, under-replicated and offline partitions' \
'describe:Show a topic'\''s partitions (leader, replicas, ISR, offsets) and its configs' \
'create:Create a topic' \
'delete:Delete topics (asks first unless --yes)' \
'alter-config:Change topic configs incrementally\: only the keys named change' \
'add-partitions:Raise a topic'\''s partition count' \
    )
    _describe -t commands 'kubectl-kafka help topics commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__topics__subcmd__add-partitions_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__topics__subcmd__add-partitions_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help topics add-partitions commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__topics__subcmd__alter-config_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__topics__subcmd__alter-config_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help topics alter-config commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__topics__subcmd__create_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__topics__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help topics create commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__topics__subcmd__delete_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__topics__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help topics delete commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__topics__subcmd__describe_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__topics__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help topics describe commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__topics__subcmd__list_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__topics__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help topics list commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__upgrade_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__upgrade_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help upgrade commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__help__subcmd__version_commands] )) ||
_kubectl-kafka__subcmd__help__subcmd__version_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka help version commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__history_commands] )) ||
_kubectl-kafka__subcmd__history_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka history commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__man_commands] )) ||
_kubectl-kafka__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka man commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__move_commands] )) ||
_kubectl-kafka__subcmd__move_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka move commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__produce_commands] )) ||
_kubectl-kafka__subcmd__produce_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka produce commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__proxy_commands] )) ||
_kubectl-kafka__subcmd__proxy_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka proxy commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__quorum_commands] )) ||
_kubectl-kafka__subcmd__quorum_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka quorum commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__rebalance_commands] )) ||
_kubectl-kafka__subcmd__rebalance_commands() {
    local commands; commands=(
'status:The reassignments in progress, with the replicas each is adding and removing' \
'cancel:Cancel every reassignment in progress and remove the replication throttles' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-kafka rebalance commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__rebalance__subcmd__cancel_commands] )) ||
_kubectl-kafka__subcmd__rebalance__subcmd__cancel_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka rebalance cancel commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__rebalance__subcmd__help_commands] )) ||
_kubectl-kafka__subcmd__rebalance__subcmd__help_commands() {
    local commands; commands=(
'status:The reassignments in progress, with the replicas each is adding and removing' \
'cancel:Cancel every reassignment in progress and remove the replication throttles' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-kafka rebalance help commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__rebalance__subcmd__help__subcmd__cancel_commands] )) ||
_kubectl-kafka__subcmd__rebalance__subcmd__help__subcmd__cancel_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka rebalance help cancel commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__rebalance__subcmd__help__subcmd__help_commands] )) ||
_kubectl-kafka__subcmd__rebalance__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka rebalance help help commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__rebalance__subcmd__help__subcmd__status_commands] )) ||
_kubectl-kafka__subcmd__rebalance__subcmd__help__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka rebalance help status commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__rebalance__subcmd__status_commands] )) ||
_kubectl-kafka__subcmd__rebalance__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka rebalance status commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__restart_commands] )) ||
_kubectl-kafka__subcmd__restart_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka restart commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__rollback_commands] )) ||
_kubectl-kafka__subcmd__rollback_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka rollback commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__rollout-status_commands] )) ||
_kubectl-kafka__subcmd__rollout-status_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka rollout-status commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__scale_commands] )) ||
_kubectl-kafka__subcmd__scale_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka scale commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__status_commands] )) ||
_kubectl-kafka__subcmd__status_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka status commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__topics_commands] )) ||
_kubectl-kafka__subcmd__topics_commands() {
    local commands; commands=(
'list:List topics\: partitions, replication factor, under-replicated and offline partitions' \
'ls:List topics\: partitions, replication factor, under-replicated and offline partitions' \
'describe:Show a topic'\''s partitions (leader, replicas, ISR, offsets) and its configs' \
'create:Create a topic' \
'delete:Delete topics (asks first unless --yes)' \
'alter-config:Change topic configs incrementally\: only the keys named change' \
'add-partitions:Raise a topic'\''s partition count' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-kafka topics commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__topics__subcmd__add-partitions_commands] )) ||
_kubectl-kafka__subcmd__topics__subcmd__add-partitions_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka topics add-partitions commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__topics__subcmd__alter-config_commands] )) ||
_kubectl-kafka__subcmd__topics__subcmd__alter-config_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka topics alter-config commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__topics__subcmd__create_commands] )) ||
_kubectl-kafka__subcmd__topics__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka topics create commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__topics__subcmd__delete_commands] )) ||
_kubectl-kafka__subcmd__topics__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka topics delete commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__topics__subcmd__describe_commands] )) ||
_kubectl-kafka__subcmd__topics__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka topics describe commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__topics__subcmd__help_commands] )) ||
_kubectl-kafka__subcmd__topics__subcmd__help_commands() {
    local commands; commands=(
'list:List topics\: partitions, replication factor, under-replicated and offline partitions' \
'describe:Show a topic'\''s partitions (leader, replicas, ISR, offsets) and its configs' \
'create:Create a topic' \
'delete:Delete topics (asks first unless --yes)' \
'alter-config:Change topic configs incrementally\: only the keys named change' \
'add-partitions:Raise a topic'\''s partition count' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-kafka topics help commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__topics__subcmd__help__subcmd__add-partitions_commands] )) ||
_kubectl-kafka__subcmd__topics__subcmd__help__subcmd__add-partitions_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka topics help add-partitions commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__topics__subcmd__help__subcmd__alter-config_commands] )) ||
_kubectl-kafka__subcmd__topics__subcmd__help__subcmd__alter-config_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka topics help alter-config commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__topics__subcmd__help__subcmd__create_commands] )) ||
_kubectl-kafka__subcmd__topics__subcmd__help__subcmd__create_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka topics help create commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__topics__subcmd__help__subcmd__delete_commands] )) ||
_kubectl-kafka__subcmd__topics__subcmd__help__subcmd__delete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka topics help delete commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__topics__subcmd__help__subcmd__describe_commands] )) ||
_kubectl-kafka__subcmd__topics__subcmd__help__subcmd__describe_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka topics help describe commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__topics__subcmd__help__subcmd__help_commands] )) ||
_kubectl-kafka__subcmd__topics__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka topics help help commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__topics__subcmd__help__subcmd__list_commands] )) ||
_kubectl-kafka__subcmd__topics__subcmd__help__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka topics help list commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__topics__subcmd__list_commands] )) ||
_kubectl-kafka__subcmd__topics__subcmd__list_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka topics list commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__upgrade_commands] )) ||
_kubectl-kafka__subcmd__upgrade_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka upgrade commands' commands "$@"
}
(( $+functions[_kubectl-kafka__subcmd__version_commands] )) ||
_kubectl-kafka__subcmd__version_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-kafka version commands' commands "$@"
}

if [ "$funcstack[1]" = "_kubectl-kafka" ]; then
    _kubectl-kafka "$@"
else
    compdef _kubectl-kafka kubectl-kafka
fi
