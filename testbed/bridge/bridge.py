#!/usr/bin/env python3
"""The bed's kubelet for Kafka: makes each pod of the broker Deployments run a real broker.

kwok plays the node (worker1) and marks pods Running; it runs no containers. This bridge
watches the pods in the namespace and, for each node id (the pod's KAFKA_NODE_ID), runs the
real Kafka broker in that node's network namespace for the newest live pod, as the kubelet
would run the container:

- a new pod for node N (rollout restart, rollback, pod delete) takes the broker over: the
  broker of the old pod is stopped with SIGTERM (controlled shutdown) and started again for
  the new pod, on the same log dir (the PV behind the pod's PVC);
- no live pod for node N (Deployment scaled to 0) means broker N stays stopped;
- the broker's configuration comes from the pod's env, as in the apache/kafka image
  (KAFKA_FOO_BAR -> foo.bar), so a Deployment change really changes the broker;
- a pod is Ready only while its broker answers on 9092; a broker that dies is restarted with
  a back-off and the pod's restartCount goes up, like a container's;
- stdout of the broker becomes the pod's log (CRI format, served by kwok's Logs resource);
  port-forward and exec reach the broker through kwok's PortForward and Exec resources.

Standard library only: it talks to the API server with the client certificate of the bed's
kubeconfig. Run by testbed/up; stopped by testbed/down (SIGTERM stops every broker cleanly).
"""

import argparse
import datetime
import json
import os
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

CLUSTER_ID = "5L6g3nShT-eMCtK--X86AZA"  # the apache/kafka image's default CLUSTER_ID
POLL_SECONDS = 0.5
STOP_GRACE_SECONDS = 60
ALL_STOP_GRACE_SECONDS = 30
MAX_BACKOFF_SECONDS = 40


def log(msg):
    now = datetime.datetime.now().strftime("%H:%M:%S")
    print(f"{now} bridge: {msg}", file=sys.stderr, flush=True)


def now_rfc3339():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Api:
    """A minimal Kubernetes REST client: JSON in, JSON out, client-certificate TLS."""

    def __init__(self, kubeconfig):
        raw = subprocess.run(
            ["kubectl", "--kubeconfig", kubeconfig, "config", "view", "--raw", "--minify", "-o", "json"],
            check=True, capture_output=True, text=True,
        ).stdout
        cfg = json.loads(raw)
        cluster = cfg["clusters"][0]["cluster"]
        user = cfg["users"][0]["user"]
        self.server = cluster["server"].rstrip("/")
        self.ctx = ssl.create_default_context(cafile=cluster.get("certificate-authority"))
        if cluster.get("insecure-skip-tls-verify"):
            self.ctx.check_hostname = False
            self.ctx.verify_mode = ssl.CERT_NONE
        if user.get("client-certificate"):
            self.ctx.load_cert_chain(user["client-certificate"], user["client-key"])

    def call(self, method, path, body=None, ctype="application/json"):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.server + path, data=data, method=method)
        req.add_header("Accept", "application/json")
        if data is not None:
            req.add_header("Content-Type", ctype)
        try:
            with urllib.request.urlopen(req, context=self.ctx, timeout=10) as resp:
                return json.loads(resp.read() or b"null")
        except urllib.error.HTTPError as err:
            if err.code == 404 and method in ("GET", "DELETE"):
                return None
            if err.code == 409 and method == "POST":
                return None
            raise RuntimeError(f"{method} {path}: {err.code} {err.read()[:300]!r}") from err


class CriLog:
    """Copies a process's output into a file in the CRI log format kwok's Logs resource serves."""

    def __init__(self, path, stream):
        self.path = path
        self.thread = threading.Thread(target=self._copy, args=(stream,), daemon=True)
        self.thread.start()

    def _copy(self, stream):
        with open(self.path, "a", encoding="utf-8", errors="replace") as out:
            for raw in iter(stream.readline, b""):
                line = raw.decode("utf-8", errors="replace").rstrip("\n")
                stamp = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="microseconds")
                out.write(f"{stamp.replace('+00:00', 'Z')} stdout F {line}\n")
                out.flush()


class Broker:
    """Broker N: its network namespace, its process, and the pod it currently serves."""

    def __init__(self, node_id, netns, address, state):
        self.node_id = node_id
        self.netns = netns
        self.address = address
        self.state = state
        self.proc = None
        self.pod = None  # (name, uid) of the pod this broker runs for
        self.restarts = {}  # pod uid -> restart count
        self.next_start = 0.0
        self.backoff = 0.0

    def running(self):
        return self.proc is not None and self.proc.poll() is None

    def serves(self, pod):
        return self.pod is not None and self.pod[1] == pod["metadata"]["uid"]

    def answers(self):
        try:
            with socket.create_connection((self.address, 9092), timeout=0.5):
                return True
        except OSError:
            return False

    def start(self, pod, log_dirs):
        name, uid = pod["metadata"]["name"], pod["metadata"]["uid"]
        props = broker_properties(pod, log_dirs)
        conf = os.path.join(self.state, "brokers", f"kafka-{self.node_id}.properties")
        os.makedirs(os.path.dirname(conf), exist_ok=True)
        with open(conf, "w", encoding="utf-8") as f:
            f.write("# written by testbed/bridge from the env of pod %s\n" % name)
            for key in sorted(props):
                f.write(f"{key}={props[key]}\n")
        for d in props["log.dirs"].split(","):
            os.makedirs(d, exist_ok=True)
            if not os.path.exists(os.path.join(d, "meta.properties")):
                log(f"formatting {d} for node {self.node_id}")
                subprocess.run(
                    ["/opt/kafka/bin/kafka-storage.sh", "format", "-t", CLUSTER_ID, "-c", conf, "--ignore-formatted"],
                    check=True, capture_output=True,
                )
        env = dict(os.environ)
        env["KAFKA_LOG4J_OPTS"] = "-Dlog4j.configuration=file:/opt/kafka/config/log4j.properties"
        env.setdefault("KAFKA_HEAP_OPTS", "-Xmx512m -Xms512m")
        env.pop("KAFKA_TESTBED_NETNS", None)
        cmd = ["ip", "netns", "exec", self.netns, "/opt/kafka/bin/kafka-server-start.sh", conf]
        self.proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            env=env, start_new_session=True,
        )
        pidfile = os.path.join(self.state, "pids", f"broker-{self.node_id}.pid")
        os.makedirs(os.path.dirname(pidfile), exist_ok=True)
        with open(pidfile, "w", encoding="utf-8") as f:
            f.write(str(self.proc.pid))
        CriLog(os.path.join(self.state, "logs", f"{name}.log"), self.proc.stdout)
        self.pod = (name, uid)
        log(f"broker {self.node_id} started (pid {self.proc.pid}) for pod {name}")

    def stop(self, why):
        if self.proc is None:
            return
        if self.proc.poll() is None:
            log(f"stopping broker {self.node_id} (pid {self.proc.pid}): {why}")
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(STOP_GRACE_SECONDS)
            except subprocess.TimeoutExpired:
                log(f"broker {self.node_id} ignored SIGTERM for {STOP_GRACE_SECONDS}s; killing it")
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
            log(f"broker {self.node_id} stopped (exit {self.proc.returncode})")
        self.proc = None
        self.pod = None
        self.backoff = 0.0
        self.next_start = 0.0


def broker_properties(pod, log_dirs):
    """The apache/kafka image's env-to-config rule: KAFKA_FOO_BAR=v -> foo.bar=v."""
    props = {}
    for container in pod["spec"]["containers"]:
        for var in container.get("env") or []:
            key = var["name"]
            if not key.startswith("KAFKA_") or "value" not in var:
                continue
            if key in ("KAFKA_HEAP_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_OPTS"):
                continue
            name = key[len("KAFKA_"):].lower().replace("__", "-").replace("_", ".")
            props[name] = var["value"]
    props["log.dirs"] = log_dirs
    return props


def node_id_of(pod):
    for container in pod["spec"]["containers"]:
        for var in container.get("env") or []:
            if var["name"] == "KAFKA_NODE_ID" and var.get("value", "").isdigit():
                return int(var["value"])
    return None


class Bridge:
    def __init__(self, api, namespace, selector, state, brokers):
        self.api = api
        self.ns = namespace
        self.selector = selector
        self.state = state
        self.brokers = brokers
        self.stopping = False
        self.crs = set()  # pod names whose kwok resources exist

    def pod_path(self, name=""):
        return f"/api/v1/namespaces/{self.ns}/pods" + (f"/{name}" if name else "")

    def log_dirs_for(self, pod):
        """Maps the pod's log.dirs onto the PV bound to the PVC mounted there (the 'PVC')."""
        env = {v["name"]: v.get("value", "") for c in pod["spec"]["containers"] for v in c.get("env") or []}
        dirs = env.get("KAFKA_LOG_DIRS", "/var/lib/kafka/data")
        claims = {
            v["name"]: v["persistentVolumeClaim"]["claimName"]
            for v in pod["spec"].get("volumes") or [] if v.get("persistentVolumeClaim")
        }
        mounts = [m for c in pod["spec"]["containers"] for m in c.get("volumeMounts") or []]
        mapped = []
        for d in dirs.split(","):
            host = None
            for m in mounts:
                if m["name"] in claims and (d == m["mountPath"] or d.startswith(m["mountPath"].rstrip("/") + "/")):
                    pvc = self.api.call("GET", f"/api/v1/namespaces/{self.ns}/persistentvolumeclaims/{claims[m['name']]}")
                    if not pvc or not pvc["spec"].get("volumeName"):
                        raise RuntimeError(f"PVC {claims[m['name']]} of pod {pod['metadata']['name']} is not bound")
                    pv = self.api.call("GET", f"/api/v1/persistentvolumes/{pvc['spec']['volumeName']}")
                    root = (pv["spec"].get("hostPath") or pv["spec"].get("local") or {}).get("path")
                    host = root + d[len(m["mountPath"].rstrip("/")):]
            if host is None:  # no volume: like an emptyDir, the data lives and dies with the pod
                host = os.path.join(self.state, "ephemeral", pod["metadata"]["uid"]) + d
            mapped.append(host)
        return ",".join(mapped)

    def ensure_kwok_resources(self, pod, broker):
        name = pod["metadata"]["name"]
        if name in self.crs:
            return
        base = f"/apis/kwok.x-k8s.io/v1alpha1/namespaces/{self.ns}"
        meta = {"name": name, "namespace": self.ns, "labels": {"testbed.kubectl-kafka/bridge": "true"}}
        containers = [c["name"] for c in pod["spec"]["containers"]]
        self.api.call("POST", f"{base}/portforwards", {
            "apiVersion": "kwok.x-k8s.io/v1alpha1", "kind": "PortForward", "metadata": meta,
            "spec": {"forwards": [
                {"ports": [9092], "target": {"address": broker.address, "port": 9092}},
                {"ports": [9093], "target": {"address": broker.address, "port": 9093}},
            ]},
        })
        self.api.call("POST", f"{base}/execs", {
            "apiVersion": "kwok.x-k8s.io/v1alpha1", "kind": "Exec", "metadata": meta,
            "spec": {"execs": [{"containers": containers, "local": {
                "workDir": "/opt/kafka/bin",
                "envs": [{"name": "KAFKA_TESTBED_NETNS", "value": broker.netns}],
            }}]},
        })
        logfile = os.path.join(self.state, "logs", f"{name}.log")
        os.makedirs(os.path.dirname(logfile), exist_ok=True)
        open(logfile, "a", encoding="utf-8").close()
        self.api.call("POST", f"{base}/logs", {
            "apiVersion": "kwok.x-k8s.io/v1alpha1", "kind": "Logs", "metadata": meta,
            "spec": {"logs": [{"containers": containers, "logsFile": logfile, "follow": True}]},
        })
        self.crs.add(name)

    def drop_kwok_resources(self, live_names):
        for name in sorted(self.crs - live_names):
            base = f"/apis/kwok.x-k8s.io/v1alpha1/namespaces/{self.ns}"
            for kind in ("portforwards", "execs", "logs"):
                self.api.call("DELETE", f"{base}/{kind}/{name}")
            self.crs.discard(name)

    def set_ready(self, pod, ready, broker):
        """Patches the pod's Ready condition (and container status) when it changes."""
        want = "True" if ready else "False"
        conds = {c["type"]: c for c in pod.get("status", {}).get("conditions") or []}
        uid = pod["metadata"]["uid"]
        restarts = broker.restarts.get(uid, 0) if broker else 0
        statuses = pod.get("status", {}).get("containerStatuses") or []
        current_restarts = max([s.get("restartCount", 0) for s in statuses] or [0])
        if conds.get("Ready", {}).get("status") == want and current_restarts == restarts:
            return
        stamp = now_rfc3339()
        container_statuses = []
        for c in pod["spec"]["containers"]:
            state = {"running": {"startedAt": stamp}} if ready else {"waiting": {"reason": "BrokerNotAnswering"}}
            container_statuses.append({
                "name": c["name"], "image": c["image"], "imageID": "", "ready": ready,
                "restartCount": restarts, "started": ready, "state": state,
            })
        body = {"status": {
            "conditions": [
                {"type": "Ready", "status": want, "lastTransitionTime": stamp},
                {"type": "ContainersReady", "status": want, "lastTransitionTime": stamp},
            ],
            "containerStatuses": container_statuses,
        }}
        self.api.call("PATCH", self.pod_path(pod["metadata"]["name"]) + "/status", body,
                      "application/strategic-merge-patch+json")
        log(f"pod {pod['metadata']['name']} Ready={want} restarts={restarts}")

    def step(self):
        items = self.api.call("GET", self.pod_path() + "?labelSelector=" + urllib.request.quote(self.selector))["items"]
        by_node = {}
        for pod in items:
            nid = node_id_of(pod)
            if nid in self.brokers and pod["spec"].get("nodeName"):
                by_node.setdefault(nid, []).append(pod)
        for nid, broker in self.brokers.items():
            pods = by_node.get(nid, [])
            live = [p for p in pods if not p["metadata"].get("deletionTimestamp")]
            owner = max(live, key=lambda p: (p["metadata"]["creationTimestamp"], p["metadata"]["name"]), default=None)
            if broker.proc is not None and (owner is None or not broker.serves(owner)):
                broker.stop("its pod is gone or replaced" if owner is None else f"pod {owner['metadata']['name']} replaces it")
            if owner is not None:
                self.ensure_kwok_resources(owner, broker)
                if broker.proc is not None and broker.proc.poll() is not None:
                    uid = owner["metadata"]["uid"]
                    broker.restarts[uid] = broker.restarts.get(uid, 0) + 1
                    broker.backoff = min(max(broker.backoff * 2, 5.0), MAX_BACKOFF_SECONDS)
                    broker.next_start = time.monotonic() + broker.backoff
                    log(f"broker {nid} exited with {broker.proc.returncode}; restarting in {broker.backoff:.0f}s")
                    broker.proc = None
                if broker.proc is None and time.monotonic() >= broker.next_start:
                    try:
                        broker.start(owner, self.log_dirs_for(owner))
                    except Exception as err:  # keep bridging the other brokers
                        log(f"cannot start broker {nid}: {err}")
                        broker.next_start = time.monotonic() + 5
            for pod in pods:
                if pod["metadata"].get("deletionTimestamp"):
                    continue
                ready = broker.serves(pod) and broker.running() and broker.answers()
                self.set_ready(pod, ready, broker)
        self.drop_kwok_resources({p["metadata"]["name"] for p in items if not p["metadata"].get("deletionTimestamp")})

    def run(self):
        while not self.stopping:
            try:
                self.step()
            except Exception as err:  # the API server may restart; keep going
                log(f"step failed: {err}")
                time.sleep(2)
            time.sleep(POLL_SECONDS)
        # All at once: one by one, the last broker would wait for a controller quorum that is
        # already gone (its controlled shutdown never completes).
        stopping = [b for b in self.brokers.values() if b.running()]
        for broker in stopping:
            log(f"stopping broker {broker.node_id} (pid {broker.proc.pid}): the bridge is stopping")
            broker.proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + ALL_STOP_GRACE_SECONDS
        for broker in stopping:
            try:
                broker.proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log(f"broker {broker.node_id} still running after {ALL_STOP_GRACE_SECONDS}s; killing it")
                os.killpg(broker.proc.pid, signal.SIGKILL)
                broker.proc.wait()
            log(f"broker {broker.node_id} stopped (exit {broker.proc.returncode})")
            broker.proc = None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kubeconfig", required=True)
    ap.add_argument("--namespace", default="kafka")
    ap.add_argument("--selector", default="app=kafka")
    ap.add_argument("--state", required=True)
    ap.add_argument("--broker", action="append", default=[], metavar="ID=NETNS=ADDRESS",
                    help="a broker node id, its network namespace and address (repeatable)")
    args = ap.parse_args()
    brokers = {}
    for spec in args.broker:
        nid, netns, address = spec.split("=")
        brokers[int(nid)] = Broker(int(nid), netns, address, args.state)
    bridge = Bridge(Api(args.kubeconfig), args.namespace, args.selector, args.state, brokers)

    def on_signal(signum, _frame):
        log(f"signal {signum}: stopping the brokers")
        bridge.stopping = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    log(f"bridging pods {args.selector} in {args.namespace} to brokers {sorted(brokers)}")
    bridge.run()
    log("stopped")


if __name__ == "__main__":
    main()
