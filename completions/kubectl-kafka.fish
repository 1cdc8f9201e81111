# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_kubectl_kafka_global_optspecs
    string join \n n/namespace= context= kubeconfig= l/selector= o/output= q/quiet v/verbose via= request-timeout= h/help V/version
end

function __fish_kubectl_kafka_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_kubectl_kafka_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_kubectl_kafka_using_subcommand
    set -l cmd (__fish_kubectl_kafka_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "status" -d 'Show the brokers: one row per broker, from their Deployments and pods'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "version" -d 'Show the plugin\'s, the Kubernetes server\'s and each broker\'s Kafka version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "proxy" -d 'Forward every broker to a local port, rewriting advertised addresses, for your own tools'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "topics" -d 'Work with topics'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "produce" -d 'Produce records from stdin (a line each, or JSON lines) or a file'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "consume" -d 'Consume records and print them'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "groups" -d 'Consumer groups: list, describe, reset offsets, delete'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "health" -d 'One verdict on the cluster, then the reasons (pods, brokers, quorum, partitions)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "quorum" -d 'The KRaft controller quorum: leader, epoch, and each voter\'s progress'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "doctor" -d 'Check the deployment for the mistakes that break it (exit 8 on an error)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "disk" -d 'Log-dir use per broker (DescribeLogDirs) against the PVC\'s capacity'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "restart" -d 'Restart brokers one at a time, only when it is safe (like `kubectl rollout restart`)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "rebalance" -d 'Spread partition replicas and leaders evenly over the brokers (plan by default)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "elect-leaders" -d 'Move leadership back to each partition\'s preferred replica (ElectLeaders), with a skew report'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "rollback" -d 'Roll brokers back to a previous revision (`kubectl rollout undo`, with Kafka\'s checks)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "upgrade" -d 'Run a new Kafka version: roll the image one broker at a time, then --finalize'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "move" -d 'Move a broker to another node, safely, with whatever its volume allows'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "history" -d 'Revisions of the broker Deployments, with change causes and what changed'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "rollout-status" -d 'Wait for broker rollouts to finish, and for the brokers to be registered and in sync'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "scale" -d 'Stop (--replicas 0) or start (--replicas 1) one broker, or grow or shrink the cluster (--brokers N)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "completion" -d 'Shell completion: print a script, or install the completer kubectl runs'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "man" -d 'Print the man page (or write one per subcommand with --dir)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand status" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand status" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand status" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand status" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand status" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand status" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand status" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand status" -l no-kafka -d 'Only the Kubernetes side: do not ask Kafka (controller, partitions led, under-replicated)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand status" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand status" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand status" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand version" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand version" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand version" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand version" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand version" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand version" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand version" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand version" -l client -d 'Only the plugin\'s version: do not contact the API server or Kafka'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand version" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand version" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand version" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand proxy" -l port -d 'A fixed local port for a broker: NODE-ID=PORT (repeatable); others get ephemeral ports' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand proxy" -l address -d 'The local address to listen on' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand proxy" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand proxy" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand proxy" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand proxy" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand proxy" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand proxy" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand proxy" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand proxy" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand proxy" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand proxy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand proxy" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and not __fish_seen_subcommand_from list ls describe create delete alter-config add-partitions help" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and not __fish_seen_subcommand_from list ls describe create delete alter-config add-partitions help" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and not __fish_seen_subcommand_from list ls describe create delete alter-config add-partitions help" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and not __fish_seen_subcommand_from list ls describe create delete alter-config add-partitions help" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and not __fish_seen_subcommand_from list ls describe create delete alter-config add-partitions help" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and not __fish_seen_subcommand_from list ls describe create delete alter-config add-partitions help" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and not __fish_seen_subcommand_from list ls describe create delete alter-config add-partitions help" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and not __fish_seen_subcommand_from list ls describe create delete alter-config add-partitions help" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and not __fish_seen_subcommand_from list ls describe create delete alter-config add-partitions help" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and not __fish_seen_subcommand_from list ls describe create delete alter-config add-partitions help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and not __fish_seen_subcommand_from list ls describe create delete alter-config add-partitions help" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and not __fish_seen_subcommand_from list ls describe create delete alter-config add-partitions help" -f -a "list" -d 'List topics: partitions, replication factor, under-replicated and offline partitions'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and not __fish_seen_subcommand_from list ls describe create delete alter-config add-partitions help" -f -a "ls" -d 'List topics: partitions, replication factor, under-replicated and offline partitions'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and not __fish_seen_subcommand_from list ls describe create delete alter-config add-partitions help" -f -a "describe" -d 'Show a topic\'s partitions (leader, replicas, ISR, offsets) and its configs'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and not __fish_seen_subcommand_from list ls describe create delete alter-config add-partitions help" -f -a "create" -d 'Create a topic'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and not __fish_seen_subcommand_from list ls describe create delete alter-config add-partitions help" -f -a "delete" -d 'Delete topics (asks first unless --yes)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and not __fish_seen_subcommand_from list ls describe create delete alter-config add-partitions help" -f -a "alter-config" -d 'Change topic configs incrementally: only the keys named change'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and not __fish_seen_subcommand_from list ls describe create delete alter-config add-partitions help" -f -a "add-partitions" -d 'Raise a topic\'s partition count'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and not __fish_seen_subcommand_from list ls describe create delete alter-config add-partitions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from list" -l timeout -d 'How long to wait for the brokers\' answer' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from list" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from list" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from list" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from list" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from list" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from list" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from list" -l all -d 'Include internal topics (__consumer_offsets, ...)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from ls" -l timeout -d 'How long to wait for the brokers\' answer' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from ls" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from ls" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from ls" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from ls" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from ls" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from ls" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from ls" -l all -d 'Include internal topics (__consumer_offsets, ...)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from describe" -l timeout -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from describe" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from describe" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from describe" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from describe" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from describe" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from describe" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from describe" -l all-configs -d 'Show every config with its source, not only the ones set on the topic'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from describe" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from describe" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from create" -s p -l partitions -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from create" -s r -l replication-factor -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from create" -s c -l config -d 'A topic config, KEY=VALUE (repeatable)' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from create" -l timeout -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from create" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from create" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from create" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from create" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from create" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from create" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from create" -l if-not-exists -d 'Succeed without change when the topic already exists'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from create" -l dry-run -d 'Let the brokers validate the request, change nothing'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from delete" -l timeout -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from delete" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from delete" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from delete" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from delete" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from delete" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from delete" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from delete" -l dry-run -d 'Show what would be deleted, delete nothing'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from delete" -l if-exists -d 'Succeed when a topic does not exist'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l set -d 'Set KEY=VALUE (repeatable)' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l delete -d 'Remove a key\'s topic override, back to the broker default (repeatable)' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l timeout -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -l dry-run -d 'Let the brokers validate the change, change nothing'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from alter-config" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -l to -d 'The new total number of partitions' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -l timeout -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -l dry-run -d 'Let the brokers validate the change, change nothing'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from add-partitions" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "list" -d 'List topics: partitions, replication factor, under-replicated and offline partitions'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a topic\'s partitions (leader, replicas, ISR, offsets) and its configs'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a topic'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete topics (asks first unless --yes)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "alter-config" -d 'Change topic configs incrementally: only the keys named change'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "add-partitions" -d 'Raise a topic\'s partition count'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand produce" -l file -d 'Read from this file instead of stdin' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand produce" -l format -r -f -a "lines\t'Each line is a value (with --key-separator: key SEP value)'
json\t'Each line is {"key","value","headers","partition"} as `consume --format json` prints'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand produce" -s k -l key -d 'The key of every record' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand produce" -l key-separator -d 'Split each line at the first SEP into key and value' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand produce" -s H -l header -d 'A header KEY=VALUE on every record (repeatable)' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand produce" -l partition -d 'Send every record to this partition' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand produce" -l acks -r -f -a "all\t'Every in-sync replica (and an idempotent producer: no duplicates on retry)'
1\t'The leader alone'
0\t'None: fire and forget'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand produce" -l compression -r -f -a "none\t''
gzip\t''
snappy\t''
lz4\t''
zstd\t''"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand produce" -l timeout -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand produce" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand produce" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand produce" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand produce" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand produce" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand produce" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand produce" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand produce" -l dry-run -d 'Check the input and the sizes, send nothing'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand produce" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand produce" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand produce" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand produce" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand consume" -l offset -d 'start, end, an offset N, or -N for N before the end' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand consume" -l since -d 'Start at a time: RFC 3339 (2026-11-25T08:00:00Z) or a duration ago (15m, 2h)' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand consume" -l partition -d 'Only this partition' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand consume" -s m -l max-messages -d 'Stop after N records' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand consume" -s g -l group -d 'Consume as this consumer group and commit its offsets' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand consume" -l format -r -f -a "value\t'The value only (with --print-key: key TAB value)'
kv\t'key TAB value'
json\t'One JSON object per record: topic, partition, offset, timestamp, key, value, headers'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand consume" -l timeout -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand consume" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand consume" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand consume" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand consume" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand consume" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand consume" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand consume" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand consume" -l from-beginning -d 'Start at the log start (same as --offset start; the default)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand consume" -s f -l follow -d 'Keep waiting for new records (Ctrl-C stops)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand consume" -l print-key -d 'With --format value: print the key too (key TAB value)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand consume" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand consume" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand consume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand consume" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete help" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete help" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete help" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete help" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete help" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete help" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete help" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete help" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete help" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete help" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete help" -f -a "list" -d 'List groups: state, members, topics, total lag'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete help" -f -a "ls" -d 'List groups: state, members, topics, total lag'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete help" -f -a "describe" -d 'Per partition: committed offset, end offset, lag, member and host'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete help" -f -a "reset-offsets" -d 'Move a group\'s committed offsets (prints the plan; applies only with --execute)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete help" -f -a "delete" -d 'Delete groups (asks first unless --yes)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and not __fish_seen_subcommand_from list ls describe reset-offsets delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from list" -l timeout -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from list" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from list" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from list" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from list" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from list" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from list" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from ls" -l timeout -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from ls" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from ls" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from ls" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from ls" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from ls" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from ls" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from describe" -l timeout -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from describe" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from describe" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from describe" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from describe" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from describe" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from describe" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from describe" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from describe" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l topic -d 'The topic whose offsets move' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l partition -d 'Only this partition' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l to-offset -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l to-datetime -d 'RFC 3339 time, or a duration ago (15m, 2h)' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l shift-by -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l timeout -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l to-earliest
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l to-latest
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l execute -d 'Apply the plan (without it, nothing changes)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -l dry-run -d 'Only print the plan (the default without --execute)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from reset-offsets" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from delete" -l timeout -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from delete" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from delete" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from delete" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from delete" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from delete" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from delete" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from delete" -s y -l yes
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from delete" -l dry-run
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "list" -d 'List groups: state, members, topics, total lag'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Per partition: committed offset, end offset, lag, member and host'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "reset-offsets" -d 'Move a group\'s committed offsets (prints the plan; applies only with --execute)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete groups (asks first unless --yes)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand health" -l timeout -d 'How long --wait waits; also the limit of each Kafka request' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand health" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand health" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand health" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand health" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand health" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand health" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand health" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand health" -l wait -d 'Wait until healthy, showing progress'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand health" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand health" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand health" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand health" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand quorum" -l timeout -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand quorum" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand quorum" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand quorum" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand quorum" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand quorum" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand quorum" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand quorum" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand quorum" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand quorum" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand quorum" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand quorum" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand doctor" -l timeout -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand doctor" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand doctor" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand doctor" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand doctor" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand doctor" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand doctor" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand doctor" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand doctor" -l offline -d 'Skip the checks that need Kafka (topics), e.g. when the brokers are down'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand doctor" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand doctor" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand disk" -l timeout -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand disk" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand disk" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand disk" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand disk" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand disk" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand disk" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand disk" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand disk" -l topics -d 'Also list bytes by topic'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand disk" -l all -d 'Include internal topics'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand disk" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand disk" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand disk" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand disk" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand restart" -l since -d 'Skip brokers whose pods started after this time (RFC 3339 or a duration ago)' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand restart" -l timeout -d 'Limit for each broker to roll out, rejoin and catch up' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand restart" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand restart" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand restart" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand restart" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand restart" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand restart" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand restart" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand restart" -l dry-run -d 'Print the plan, each check\'s outcome and the patch; change nothing'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand restart" -l force -d 'Skip the safety checks (partitions may go offline or below min.insync.replicas)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand restart" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand restart" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand restart" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand restart" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -l brokers -d 'Place replicas only on these brokers (node ids) [default: every registered broker]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -l exclude-broker -d 'Move every replica off these brokers (node ids)' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -l topic -d 'Only these topics [default: every topic]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -l throttle -d 'Limit replication while moving, bytes per second per broker (e.g. 50MB, 10MiB, 500000)' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -l max-moves-per-broker -d 'Moves running at once on any one broker (0: all at once)' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -l to-file -d 'Write the plan in kafka-reassign-partitions.sh\'s JSON format' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -l from-file -d 'Take the plan from a file in kafka-reassign-partitions.sh\'s JSON format' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -l timeout -d 'Limit for the whole move to complete' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -l execute -d 'Apply the plan (without it: print the plan, change nothing)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -l by-bytes -d 'Also even out bytes on disk (DescribeLogDirs of every broker), by swapping replicas of the same topic once counts are even; costs more copies'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -f -a "status" -d 'The reassignments in progress, with the replicas each is adding and removing'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -f -a "cancel" -d 'Cancel every reassignment in progress and remove the replication throttles'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and not __fish_seen_subcommand_from status cancel help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from status" -l timeout -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from status" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from status" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from status" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from status" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from status" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from status" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from cancel" -l timeout -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from cancel" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from cancel" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from cancel" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from cancel" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from cancel" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from cancel" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from cancel" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from cancel" -l yes -d 'Cancel without asking'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from cancel" -l dry-run
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from cancel" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from cancel" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from help" -f -a "status" -d 'The reassignments in progress, with the replicas each is adding and removing'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Cancel every reassignment in progress and remove the replication throttles'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rebalance; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand elect-leaders" -l topic -d 'Only these topics [default: every topic]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand elect-leaders" -l timeout -d 'Limit for every broker to report the new leaders' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand elect-leaders" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand elect-leaders" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand elect-leaders" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand elect-leaders" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand elect-leaders" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand elect-leaders" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand elect-leaders" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand elect-leaders" -l dry-run -d 'Print what would change and the skew before and after; change nothing'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand elect-leaders" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand elect-leaders" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand elect-leaders" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand elect-leaders" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollback" -l to-revision -d 'The revision to go back to [default: the previous one]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollback" -l timeout -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollback" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollback" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollback" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollback" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollback" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollback" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollback" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollback" -l all -d 'Every broker, one at a time'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollback" -l dry-run
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollback" -l force
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollback" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollback" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollback" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollback" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand upgrade" -l version -d 'The Kafka version to run: the image apache/kafka:VERSION unless --image names another' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand upgrade" -l image -d 'The image to run; its tag must name the Kafka version, else give --version too' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand upgrade" -l feature -d 'With --finalize: also raise this finalized feature (e.g. group.version=1)' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand upgrade" -l timeout -d 'Limit for each broker to roll out, rejoin and catch up' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand upgrade" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand upgrade" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand upgrade" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand upgrade" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand upgrade" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand upgrade" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand upgrade" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand upgrade" -l finalize -d 'Raise metadata.version to what every broker now runs (cannot be undone)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand upgrade" -l dry-run -d 'Print the plan (and, with --finalize, have the controller validate it); change nothing'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand upgrade" -l yes -d '--finalize without asking'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand upgrade" -l force -d 'Skip the safety checks'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand upgrade" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand upgrade" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand upgrade" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand move" -l to-node -d 'The node to run it on' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand move" -l claim -d 'When the broker gets a new volume: the new claim\'s name [default: <old claim>-<node>]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand move" -l throttle -d 'When the broker gets a new volume: limit the copy of its replicas, bytes per second (e.g. 50MB, 10MiB), on it and on the leaders it copies from; removed once it is in sync, and when the move fails' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand move" -l timeout -d 'Limit for the broker to stop, start on the new node, rejoin and catch up' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand move" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand move" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand move" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand move" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand move" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand move" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand move" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand move" -l dry-run -d 'Print the plan (node checks, what the volume allows, the patch); change nothing'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand move" -s y -l yes -d 'Do not ask for confirmation'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand move" -l force -d 'Skip Kafka\'s safety checks, and allow a controller onto an empty volume (dangerous)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand move" -l delete-volume -d 'When the broker gets a new volume: delete its old claim once it is in sync again'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand move" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand move" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand move" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand move" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand history" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand history" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand history" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand history" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand history" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand history" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand history" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand history" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand history" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand history" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollout-status" -l timeout -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollout-status" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollout-status" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollout-status" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollout-status" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollout-status" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollout-status" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollout-status" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollout-status" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollout-status" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollout-status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand rollout-status" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand scale" -l replicas -d '0 stops the broker, 1 starts it' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand scale" -l brokers -d 'Grow or shrink the cluster to this many brokers' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand scale" -l node -d 'With --brokers (growing): run the new brokers on this node [default: the node the broker they are copied from is pinned to]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand scale" -l throttle -d 'With --brokers: limit replication while moving partitions, bytes per second (e.g. 50MB)' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand scale" -l timeout -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand scale" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand scale" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand scale" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand scale" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand scale" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand scale" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand scale" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand scale" -l no-rebalance -d 'With --brokers: add the brokers but move no partitions onto them'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand scale" -l yes -d 'With --brokers (shrinking): remove without asking'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand scale" -l delete-volume -d 'With --brokers (shrinking): delete the removed brokers\' PVCs too'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand scale" -l dry-run
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand scale" -l force
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand scale" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand scale" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand scale" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand scale" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand completion" -l dir -d 'With install: the directory for the link [default: next to this binary]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand completion" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand completion" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand completion" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand completion" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand completion" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand completion" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand completion" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand completion" -l dry-run -d 'With install: say what would be linked, link nothing'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand completion" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand completion" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand completion" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand completion" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand man" -l dir -d 'Write kubectl-kafka.1 and one page per subcommand into this directory' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand man" -s n -l namespace -d 'Namespace of the Kafka brokers [default: the current context\'s namespace]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand man" -l context -d 'The kubeconfig context to use [default: the current context]' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand man" -l kubeconfig -d 'Path to the kubeconfig file [default: $KUBECONFIG, then ~/.kube/config]' -r -F
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand man" -s l -l selector -d 'Label selector that finds the broker workloads' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand man" -s o -l output -d 'Output format' -r -f -a "table\t'Columns, as `kubectl get` prints them'
wide\t'More columns'
json\t'JSON, with stable field names, for scripts'
yaml\t'YAML, the same fields as JSON'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand man" -l via -d 'How to reach the brokers: auto (direct if the advertised names answer, else port-forward), port-forward, exec or direct' -r -f -a "auto\t'Direct when the advertised addresses answer, else port-forward'
port-forward\t'Kube port-forward to each broker\'s pod, with the Kafka address-rewriting relay'
exec\t'Kafka\'s own tools inside a broker pod (needs pods/exec, not pods/portforward)'
direct\t'The advertised addresses as they are (inside the cluster)'"
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand man" -l request-timeout -d 'Time limit of each request to the API server (and of each Kafka request of the rollout commands), e.g. 30s, 1m; 0 means no limit' -r
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand man" -s q -l quiet -d 'Print only data and errors: no progress, warnings or hints'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand man" -s v -l verbose -d 'Log what is done and why to stderr (-v info, -vv debug, -vvv trace)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand man" -s V -l version -d 'Print version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "status" -d 'Show the brokers: one row per broker, from their Deployments and pods'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "version" -d 'Show the plugin\'s, the Kubernetes server\'s and each broker\'s Kafka version'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "proxy" -d 'Forward every broker to a local port, rewriting advertised addresses, for your own tools'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "topics" -d 'Work with topics'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "produce" -d 'Produce records from stdin (a line each, or JSON lines) or a file'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "consume" -d 'Consume records and print them'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "groups" -d 'Consumer groups: list, describe, reset offsets, delete'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "health" -d 'One verdict on the cluster, then the reasons (pods, brokers, quorum, partitions)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "quorum" -d 'The KRaft controller quorum: leader, epoch, and each voter\'s progress'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "doctor" -d 'Check the deployment for the mistakes that break it (exit 8 on an error)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "disk" -d 'Log-dir use per broker (DescribeLogDirs) against the PVC\'s capacity'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "restart" -d 'Restart brokers one at a time, only when it is safe (like `kubectl rollout restart`)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "rebalance" -d 'Spread partition replicas and leaders evenly over the brokers (plan by default)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "elect-leaders" -d 'Move leadership back to each partition\'s preferred replica (ElectLeaders), with a skew report'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "rollback" -d 'Roll brokers back to a previous revision (`kubectl rollout undo`, with Kafka\'s checks)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "upgrade" -d 'Run a new Kafka version: roll the image one broker at a time, then --finalize'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "move" -d 'Move a broker to another node, safely, with whatever its volume allows'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "history" -d 'Revisions of the broker Deployments, with change causes and what changed'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "rollout-status" -d 'Wait for broker rollouts to finish, and for the brokers to be registered and in sync'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "scale" -d 'Stop (--replicas 0) or start (--replicas 1) one broker, or grow or shrink the cluster (--brokers N)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "completion" -d 'Shell completion: print a script, or install the completer kubectl runs'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "man" -d 'Print the man page (or write one per subcommand with --dir)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and not __fish_seen_subcommand_from status version proxy topics produce consume groups health quorum doctor disk restart rebalance elect-leaders rollback upgrade move history rollout-status scale completion man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "list" -d 'List topics: partitions, replication factor, under-replicated and offline partitions'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "describe" -d 'Show a topic\'s partitions (leader, replicas, ISR, offsets) and its configs'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "create" -d 'Create a topic'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "delete" -d 'Delete topics (asks first unless --yes)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "alter-config" -d 'Change topic configs incrementally: only the keys named change'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "add-partitions" -d 'Raise a topic\'s partition count'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "list" -d 'List groups: state, members, topics, total lag'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "describe" -d 'Per partition: committed offset, end offset, lag, member and host'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "reset-offsets" -d 'Move a group\'s committed offsets (prints the plan; applies only with --execute)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "delete" -d 'Delete groups (asks first unless --yes)'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and __fish_seen_subcommand_from rebalance" -f -a "status" -d 'The reassignments in progress, with the replicas each is adding and removing'
complete -c kubectl-kafka -n "__fish_kubectl_kafka_using_subcommand help; and __fish_seen_subcommand_from rebalance" -f -a "cancel" -d 'Cancel every reassignment in progress and remove the replication throttles'
