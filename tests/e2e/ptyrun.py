#!/usr/bin/env python3
"""Test helper: runs a command on a pseudo-terminal (as a person's shell
would), copies everything it writes there to stdout and exits with its
status, so a test can see what reaches a terminal."""
import os, pty, sys

pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
out = b''
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(out)
sys.exit(os.waitstatus_to_exitcode(status))
