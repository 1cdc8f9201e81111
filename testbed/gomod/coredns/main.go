// The bed's cluster DNS server: CoreDNS with only the plugins the bed's Corefile uses, so that
// names such as kafka-1 resolve inside the brokers' pods as they do on any cluster. It runs on
// the host, bound to the node's address, and is never the host's resolver.
package main

import (
	"github.com/coredns/coredns/coremain"

	_ "github.com/coredns/coredns/plugin/bind"
	_ "github.com/coredns/coredns/plugin/errors"
	_ "github.com/coredns/coredns/plugin/kubernetes"
	_ "github.com/coredns/coredns/plugin/ready"
	_ "github.com/coredns/coredns/plugin/template"
)

func main() { coremain.Run() }
