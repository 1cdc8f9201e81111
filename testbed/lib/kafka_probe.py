#!/usr/bin/env python3
"""Prints the brokers registered in a Kafka cluster, one `node_id host:port` a line.

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


def brokers(address):
    host, port = address.rsplit(":", 1)
    client = b"testbed-probe"
    # header: api_key 3 (Metadata), api_version 1, correlation id, client id; body: no topics
    body = struct.pack(">hhih", 3, 1, 7, len(client)) + client + struct.pack(">i", 0)
    with socket.create_connection((host, int(port)), timeout=3) as sock:
        sock.sendall(struct.pack(">i", len(body)) + body)
        size = struct.unpack(">i", read_exact(sock, 4))[0]
        resp = read_exact(sock, size)
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
    return sorted(found)


if __name__ == "__main__":
    for node_id, addr in brokers(sys.argv[1]):
        print(node_id, addr)
