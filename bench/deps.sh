#!/bin/sh
# Installs the Debian packages the benchmark's baselines need, if missing:
# Sphinx 2.2 (indexer, searchd), the sqlite3 shell and gnuplot for the plot.
# Used by `make bench-deps`; seekd's own dependencies come from tests/deps.sh.
set -eu
PKGS="sphinxsearch sqlite3 gnuplot-nox"
missing=
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
SUDO=
[ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
