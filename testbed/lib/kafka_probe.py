#!/usr/bin/env python3
"""Prints the brokers registered in a Kafka cluster, one `node_id host:port` a line, or how
one broker itself knows a topic (`--topic NAME`).

A Metadata (v1) request over a plain socket, standard library only: testbed/up and the bed's
own checks use it where starting a JVM tool would cost seconds.
"""
import socket
import struct
import sys


def read_exact(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError("connection closed mid-response")
        data += chunk
    return data


def metadata(address, topics):
    """Metadata v1 for `topics` (an empty list: brokers only), as the raw response body."""
    host, port = address.rsplit(":", 1)
    client = b"testbed-probe"
    # header: api_key 3 (Metadata), api_version 1, correlation id, client id; body: topic names
    body = struct.pack(">hhih", 3, 1, 7, len(client)) + client + struct.pack(">i", len(topics))
    for name in topics:
        raw = name.encode()
        body += struct.pack(">h", len(raw)) + raw
    with socket.create_connection((host, int(port)), timeout=3) as sock:
        sock.sendall(struct.pack(">i", len(body)) + body)
        size = struct.unpack(">i", read_exact(sock, 4))[0]
        return read_exact(sock, size)


def parse(resp):
    """(brokers as [(node_id, "host:port")], topics as [(name, error, [(partition, error, leader, isr)])])."""
    pos = 4  # correlation id
    (count,) = struct.unpack_from(">i", resp, pos)
    pos += 4
    found = []
    for _ in range(count):
        node_id, hlen = struct.unpack_from(">ih", resp, pos)
        pos += 6
        bhost = resp[pos:pos + hlen].decode()
        pos += hlen
        (bport, rlen) = struct.unpack_from(">ih", resp, pos)
        pos += 6 + max(rlen, 0)
        found.append((node_id, f"{bhost}:{bport}"))
    pos += 4  # controller id
    (count,) = struct.unpack_from(">i", resp, pos)
    pos += 4
    topics = []
    for _ in range(count):
        error, nlen = struct.unpack_from(">hh", resp, pos)
        pos += 4
        name = resp[pos:pos + nlen].decode()
        pos += nlen + 1  # is_internal
        (pcount,) = struct.unpack_from(">i", resp, pos)
        pos += 4
        partitions = []
        for _ in range(pcount):
            perr, index, leader = struct.unpack_from(">hii", resp, pos)
            pos += 10
            nodes = []
            for _ in range(2):  # replicas, isr
                (n,) = struct.unpack_from(">i", resp, pos)
                nodes.append(list(struct.unpack_from(f">{n}i", resp, pos + 4)))
                pos += 4 + 4 * n
            partitions.append((index, perr, leader, nodes[1], nodes[0]))
        topics.append((name, error, sorted(partitions)))
    return sorted(found), topics


def brokers(address):
    return parse(metadata(address, []))[0]


if __name__ == "__main__":
    # kafka_probe.py ADDRESS             -> `node_id host:port` per registered broker
    # kafka_probe.py ADDRESS --topic T   -> `T error` then `partition error leader isr replicas` per partition,
    #                                       as the broker at ADDRESS itself knows the topic
    if len(sys.argv) == 4 and sys.argv[2] == "--topic":
        for name, error, partitions in parse(metadata(sys.argv[1], [sys.argv[3]]))[1]:
            print(name, error)
            for index, perr, leader, isr, replicas in partitions:
                print(index, perr, leader, ",".join(map(str, isr)), ",".join(map(str, replicas)))
    else:
        for node_id, addr in brokers(sys.argv[1]):
            print(node_id, addr)
