#!/usr/bin/env python3
"""What a TLS client offers: listens on 127.0.0.1:PORT, reads one ClientHello per connection (COUNT of them), and
prints its size, the supported groups, the key shares sent (with their sizes) and the ALPN list; then closes, so the
client fails its handshake. For the key-share record of BENCHMARKS.md:

    python3 bench/client-hello.py 18555 1 & authlete service list --server-url https://127.0.0.1:18555 --retry 0
"""
import socket
import struct
import sys

GROUPS = {0x17: 'P-256', 0x18: 'P-384', 0x19: 'P-521', 0x1d: 'x25519', 0x1e: 'x448', 0x11ec: 'X25519MLKEM768',
          0x100: 'ffdhe2048', 0x101: 'ffdhe3072', 0x102: 'ffdhe4096', 0x103: 'ffdhe6144', 0x104: 'ffdhe8192'}


def name(group):
    return GROUPS.get(group, hex(group))


def describe(record):
    hello = record[5:]
    at = 4 + 2 + 32
    at += 1 + hello[at]                                      # session id
    at += 2 + struct.unpack('>H', hello[at:at + 2])[0]       # cipher suites
    at += 1 + hello[at]                                      # compression methods
    end = at + 2 + struct.unpack('>H', hello[at:at + 2])[0]
    at += 2
    parts = ['ClientHello %d bytes' % len(hello)]
    while at < end:
        kind, length = struct.unpack('>HH', hello[at:at + 4])
        body = hello[at + 4:at + 4 + length]
        at += 4 + length
        if kind == 10:
            count = struct.unpack('>H', body[:2])[0]
            parts.append('groups=' + ','.join(name(struct.unpack('>H', body[2 + i:4 + i])[0]) for i in range(0, count, 2)))
        elif kind == 51:
            shares, i = [], 2
            while i < len(body):
                group, size = struct.unpack('>HH', body[i:i + 4])
                shares.append('%s(%d bytes)' % (name(group), size))
                i += 4 + size
            parts.append('key_shares=' + ','.join(shares))
        elif kind == 16:
            protocols, i = [], 2
            while i < len(body):
                protocols.append(body[i + 1:i + 1 + body[i]].decode())
                i += 1 + body[i]
            parts.append('alpn=' + ','.join(protocols))
    return ' '.join(parts)


def main():
    port, count = int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(('127.0.0.1', port))
    server.listen(5)
    for _ in range(count):
        connection, _ = server.accept()
        data = b''
        while len(data) < 5 or len(data) < 5 + struct.unpack('>H', data[3:5])[0]:
            chunk = connection.recv(65536)
            if not chunk:
                break
            data += chunk
        connection.close()
        print(describe(data), flush=True)


if __name__ == '__main__':
    main()
