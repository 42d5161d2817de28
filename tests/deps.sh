#!/bin/sh
# Installs the Debian packages seekd needs to build and test, if any are
# missing. Used by `make deps` (and so by `make run` and `make test`).
# Tools that may come from elsewhere (npm with a non-Debian Node.js, a
# python3 of its own) are checked by command, not by package.
set -eu
LIBS="build-essential pkg-config libxapian-dev libuv1-dev libutf8proc-dev libjansson-dev libxml2-dev
libcmocka-dev"
missing=
for p in $LIBS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -z "$missing" ] && exit 0
echo "installing:$missing"
SUDO=
[ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
