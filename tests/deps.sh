#!/bin/sh
# Installs the Debian packages seekd needs to build and test, if any are
# missing; with arguments, those packages instead (the benchmark's
# baselines). Used by `make deps` (and so `make run` and `make test`) and
# `make bench-deps`. Tools that may come from elsewhere (npm with a
# non-Debian Node.js, a python3 of its own) are checked by command.
set -eu
LIBS="build-essential pkg-config libxapian-dev libuv1-dev libutf8proc-dev libjansson-dev libxml2-dev
libcmocka-dev xapian-tools libuchardet-dev gettext libhunspell-dev hunspell-ru iso-codes"
[ $# -gt 0 ] && LIBS="$*"
missing=
for p in $LIBS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ $# -eq 0 ]; then
    command -v python3 >/dev/null 2>&1 || missing="$missing python3"
    command -v npm >/dev/null 2>&1 || missing="$missing npm"
fi
[ -z "$missing" ] && exit 0
echo "installing:$missing"
SUDO=
[ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
