#!/bin/sh
# Installs the Debian packages seekd needs to build and test, if any are
# missing. Used by `make deps` (and so by `make run` and `make test`).
set -eu
PKGS="build-essential pkg-config libxapian-dev libuv1-dev libutf8proc-dev libjansson-dev
libcmocka-dev python3 npm"
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
