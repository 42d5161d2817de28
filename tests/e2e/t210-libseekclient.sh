#!/bin/sh
# libseekclient (seek_client.h) against the real daemon: searches, hits read
# as C strings, pipelined requests answered in order, error answers, the
# default socket; its hits are seek's.
. "$(dirname "$0")/lib.sh"

check "index corpus" index -q "$CORPUS"
start_daemon || exit 1

# run.sh counts the helper's own ok / not ok lines; a crash fails here.
rc=0
"$HELPERS/client_check" check "$SOCK" > "$TMP/out" 2>&1 || rc=$?
cat "$TMP/out"
expect_eq "client_check exits 0" 0 "$rc"

for q in rahmon csto '"collective security"' 'person:rahmon OR place:moscow'; do
    want=$(seek --ids --limit 10000 "$q" | paste -sd, -)
    got=$("$HELPERS/client_check" ids "$SOCK" "$q" | paste -sd, -)
    expect_eq "the library's hits for $q are seek's, in order" "$want" "$got"
done

stop_daemon
finish
