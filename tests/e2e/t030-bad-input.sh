#!/bin/sh
# Malformed requests get precise errors; the connection and the daemon live on.
. "$(dirname "$0")/lib.sh"

check "index corpus" index -q "$CORPUS"
start_daemon || exit 1

code_of() { python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(a["error"]["code"] if not a["ok"] else "ok")
' | paste -sd, -; }

got=$(printf '%s\n' 'not json' '{"op":"nope"}' '{"op":"search","q":7}' \
      '{"op":"search","q":"a","limit":-3}' '{"op":"search","q":"x date:2x"}' '[1]' \
      '{"op":"ping"}' | raw | code_of)
expect_eq "each bad request gets its code, then the connection still answers" \
    "bad_json,unknown_op,bad_request,bad_request,bad_query,bad_request,ok" "$got"

got=$(printf '{"op":"search","q":"a date:2015-13"}\n' | raw)
echo "$got" | grep -q '"code":"bad_query".*"offset":12' && ok "a query error carries the byte offset" || not_ok "a query error carries the byte offset" "$got"
got=$(printf '{"op":"search","q":"a \\"b"}\n' | raw)
echo "$got" | grep -q '"ok":true.*"warnings":\["closed the quote opened at byte 2 at the end of the query"\]' && ok "an unclosed quote is closed, with a warning" || not_ok "an unclosed quote is closed, with a warning" "$got"

got=$(printf 'garbage\001\002\377\376\n{"op":"ping","id":1}\n' | raw | code_of)
expect_eq "binary garbage, then a good request" "bad_json,ok" "$got"

got=$(printf '{"op":"search","q":"\377"}\n' | raw | code_of)
expect_eq "invalid UTF-8 in a string" "bad_json" "$got"

got=$(printf '\n  \n{"op":"ping"}\r\n' | raw | code_of)
expect_eq "blank lines ignored, CRLF accepted" "ok" "$got"

got=$(printf '{"op":"ping"}' | raw | code_of)
expect_eq "a last request without newline is answered" "ok" "$got"

got=$(python3 -c '
import sys
for i in range(50):
    sys.stdout.write("{\"op\":\"search\",\"q\":\"csto\",\"limit\":1,\"id\":%d}\n" % i)
' | raw | python3 -c '
import json, sys
print(",".join(str(json.loads(l)["id"]) for l in sys.stdin))')
expect_eq "pipelined requests answered in order with their ids" \
    "$(seq -s, 0 49)" "$got"

got=$(python3 -c 'import sys; sys.stdout.write("{\"op\":\"search\",\"q\":\"" + "a" * 2000000 + "\"}\n{\"op\":\"ping\"}\n")' | raw | code_of)
expect_eq "an oversized line gets line_too_long and the connection closes" "line_too_long" "$got"

got=$(printf '{"op":"ping","id":"x"}\n' | raw --lines 1 --no-shutdown)
expect_eq "id echoed" '{"ok":true,"id":"x"}' "$got"

# Clients that vanish mid-request must not hurt the daemon.
for i in 1 2 3 4 5; do
    python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])
s.sendall(b"{\"op\":\"search\",\"q\":\"csto\",\"limit\":10000}\n{\"op\":\"sea")
s.close()' "$SOCK"
done
check "daemon alive after abrupt disconnects" seek --ping

# Hundreds of clients at once, each pipelining requests.
got=$(python3 - "$SOCK" <<'PY'
import json, socket, sys
conns = []
for i in range(300):
    s = socket.socket(socket.AF_UNIX)
    s.connect(sys.argv[1])
    s.settimeout(60)
    s.sendall(b"".join(b'{"op":"search","q":"csto","limit":2,"snippets":false,"id":%d}\n' % j
                       for j in range(5)))
    conns.append(s)
ok = 0
for s in conns:
    buf = b""
    while buf.count(b"\n") < 5:
        chunk = s.recv(65536)
        if not chunk:
            break
        buf += chunk
    ids = [json.loads(l)["id"] for l in buf.splitlines() if json.loads(l)["ok"]]
    ok += ids == list(range(5))
    s.close()
print(ok)
PY
)
expect_eq "300 concurrent clients, 5 pipelined requests each, all answered in order" 300 "$got"
expect_rc "a query made only of punctuation is an error" 2 seek '!!!'
stop_daemon
finish
