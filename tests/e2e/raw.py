#!/usr/bin/env python3
"""Test helper: sends stdin to a Unix socket unchanged, then half-closes and
prints what comes back. --no-shutdown keeps the write side open and stops
after N answer lines (--lines N), to prove a connection stays usable."""
import socket, sys

path = sys.argv[1]
want = None
if '--lines' in sys.argv:
    want = int(sys.argv[sys.argv.index('--lines') + 1])
data = sys.stdin.buffer.read()
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.settimeout(20)
s.connect(path)
try:
    s.sendall(data)
    if want is None:
        s.shutdown(socket.SHUT_WR)
except (BrokenPipeError, ConnectionResetError):
    pass  # the daemon hung up early (oversized line): read what it said
buf = b''
while want is None or buf.count(b'\n') < want:
    try:
        chunk = s.recv(65536)
    except ConnectionResetError:
        break
    if not chunk:
        break
    buf += chunk
sys.stdout.buffer.write(buf)
