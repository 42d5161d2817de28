"""Talk to seekd from Python: the standard library only.

    import seekd
    with seekd.Client() as c:                       # the default socket, as seek finds it
        for hit in c.search('"collective security"', limit=5)["hits"]:
            print(hit["id"], hit["title"])

Every call sends one request line and reads its answer (a dict, as in
seekd-protocol(7)); an error answer raises SeekdError with its code.
pipeline() sends many requests before reading their answers, in order.
"""

import json
import os
import socket

__all__ = ["Client", "SeekdError", "default_socket"]

# The daemon stops reading a connection with 64 unanswered requests, so a
# pipeline sends at most this many before it reads.
_WINDOW = 32


def default_socket():
    """$SEEKD_SOCKET, else $XDG_RUNTIME_DIR/seekd.sock, else /tmp/seekd-UID/seekd.sock."""
    if os.environ.get("SEEKD_SOCKET"):
        return os.environ["SEEKD_SOCKET"]
    if os.environ.get("XDG_RUNTIME_DIR"):
        return os.path.join(os.environ["XDG_RUNTIME_DIR"], "seekd.sock")
    return "/tmp/seekd-%d/seekd.sock" % os.getuid()


class SeekdError(Exception):
    """An error answer: code (bad_query, index_unavailable, ...), message, offset."""

    def __init__(self, code, message, offset=None):
        super().__init__("%s (%s)" % (message, code))
        self.code = code
        self.message = message
        self.offset = offset


class Client:
    """One connection to seekd. Not for use by several threads at once."""

    def __init__(self, socket_path=None, timeout=30.0):
        self.path = socket_path or default_socket()
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._sock.settimeout(timeout)
        try:
            self._sock.connect(self.path)
        except OSError as e:
            self._sock.close()
            raise ConnectionError("cannot connect to seekd at %s: %s (is seekd running?)"
                                  % (self.path, e.strerror or e)) from e
        self._file = self._sock.makefile("rb")

    def close(self):
        self._file.close()
        self._sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- the wire: one JSON object per line each way

    def send(self, request):
        """Sends one request (a dict with "op") without reading its answer."""
        line = json.dumps(request, ensure_ascii=False, separators=(",", ":"))
        self._sock.sendall(line.encode("utf-8") + b"\n")

    def read(self):
        """The answer to the oldest request not yet read, as a dict, errors included."""
        line = self._file.readline()
        if not line.endswith(b"\n"):
            raise ConnectionError("seekd closed the connection without answering")
        return json.loads(line)

    def request(self, request):
        """Sends one request, returns its answer; an error answer raises SeekdError."""
        self.send(request)
        return _checked(self.read())

    def pipeline(self, requests):
        """Answers to many requests, in order, sent ahead of their answers.
        Error answers are returned as they are (look at answer["ok"])."""
        requests = list(requests)
        answers = []
        for at in range(0, len(requests), _WINDOW):
            window = requests[at:at + _WINDOW]
            for r in window:
                self.send(r)
            answers.extend(self.read() for _ in window)
        return answers

    # -- the common requests

    def search(self, q, limit=10, offset=0, **more):
        """A search: more takes the protocol's other fields (snippets, facets, sort, ids...)."""
        return self.request(dict(more, op="search", q=q, limit=limit, offset=offset))

    def entity(self, name, type=None):
        req = {"op": "entity", "name": name}
        if type:
            req["type"] = type
        return self.request(req)

    def stats(self):
        return self.request({"op": "stats"})

    def ping(self):
        return self.request({"op": "ping"})


def _checked(answer):
    if answer.get("ok") is True:
        return answer
    err = answer.get("error") or {}
    raise SeekdError(err.get("code", "?"), err.get("message", "error"), err.get("offset"))
