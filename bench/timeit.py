#!/usr/bin/env python3
"""timeit.py CMD [ARG...]: runs CMD with its output sent to stderr, then
prints on stdout "wall=S cpu=S user=S sys=S maxrss_kb=K": its wall time, the
CPU time of CMD and every process it waited for (a pipe's source too), and
the largest peak RSS among them. Exits with CMD's status if that is not 0.
CPU time is the steadier figure on a shared machine: time spent waiting for
a CPU counts in the wall time only."""
import os
import subprocess
import sys
import time

if len(sys.argv) < 2:
    sys.stderr.write(__doc__ + '\n')
    sys.exit(2)
t0 = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=sys.stderr)
# wait4 gives this child's own usage (with the processes it waited for),
# not that of whatever else this interpreter may have run.
_, status, ru = os.wait4(child.pid, 0)
wall = time.perf_counter() - t0
child.returncode = os.waitstatus_to_exitcode(status)
if child.returncode:
    sys.exit(child.returncode if child.returncode > 0 else 1)
print('wall=%.3f cpu=%.3f user=%.3f sys=%.3f maxrss_kb=%d' % (
    wall, ru.ru_utime + ru.ru_stime, ru.ru_utime, ru.ru_stime, ru.ru_maxrss))
