#!/usr/bin/env python3
"""The Sphinx 2.2 baseline: config, data source and SphinxQL client.

  sphinx.py config WORKDIR CORPUS PORT > sphinx.conf
      A config with one plain index `idx` fed by `sphinx.py source CORPUS`
      (tsvpipe), files under WORKDIR, searchd on 127.0.0.1:PORT (mysql41).

  sphinx.py source CORPUS
      The tsvpipe stream: "number<TAB>text" per document (see corpus.py),
      tabs and line breaks in the text turned into spaces.

  sphinx.py query PORT QUERIES.tsv REPEAT [COUNTS]
      Over ONE connection, each phrase as
        SELECT id FROM idx WHERE MATCH('"phrase"') LIMIT 0,10000 OPTION max_matches=10000
      reading every row: one untimed warm-up pass, then REPEAT timed passes.
      Prints one line per pass and a last line with the medians:
      queries=N mean_us=M qps=Q. COUNTS, if given, gets "index<TAB>ids<TAB>phrase".

  sphinx.py free-port     a free TCP port on 127.0.0.1
  sphinx.py wait PORT     waits (10 s at most) until searchd answers on PORT

The client is a minimal MySQL protocol 4.1 client: searchd asks for no
password, so the handshake answer is fixed; each query is one COM_QUERY and
its result set is read packet by packet up to the closing EOF packet.
"""
import os
import socket
import struct
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def cmd_config(workdir, corpus_dir, port):
    workdir = os.path.abspath(workdir)
    source = '%s %s source %s' % (sys.executable, os.path.join(HERE, 'sphinx.py'),
                                   os.path.abspath(corpus_dir))
    print("""source src
{
    type = tsvpipe
    tsvpipe_command = %(source)s
    tsvpipe_field = body
}

index idx
{
    source = src
    path = %(w)s/idx
    docinfo = none
    morphology = none
    min_word_len = 1
    html_strip = 0
}

indexer
{
    mem_limit = 256M
}

searchd
{
    listen = 127.0.0.1:%(port)d:mysql41
    log = %(w)s/searchd.log
    query_log = %(w)s/query.log
    pid_file = %(w)s/searchd.pid
    binlog_path =
    workers = threads
    watchdog = 0
    read_timeout = 30
}""" % {'source': source, 'w': workdir, 'port': port})


def cmd_source(corpus_dir):
    out = sys.stdout
    table = str.maketrans({'\t': ' ', '\n': ' ', '\r': ' ', '\x0b': ' ', '\x0c': ' ',
                           '\x1c': ' ', '\x1d': ' ', '\x1e': ' ', '\x85': ' ',
                           '\u2028': ' ', '\u2029': ' '})
    for num, _, path in corpus.documents(corpus_dir):
        with open(path, 'rb') as f:
            text = corpus.decode(f.read()).translate(table)
        out.write('%d\t%s\n' % (num, text))


def cmd_free_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(('127.0.0.1', 0))
    print(s.getsockname()[1])
    s.close()


class MySQL:
    def __init__(self, port):
        self.sock = socket.create_connection(('127.0.0.1', port), timeout=30)
        self.buf = b''
        self.pos = 0
        self.packet()                                   # server handshake
        caps = 0x0001 | 0x0200 | 0x8000                 # long password, 4.1, secure conn
        body = struct.pack('<IIB23x', caps, 1 << 24, 33) + b'bench\0' + b'\0'
        self.send(body, 1)
        ok = self.packet()
        if ok[:1] == b'\xff':
            raise RuntimeError('handshake refused: %r' % ok[9:])

    def send(self, body, seq):
        self.sock.sendall(struct.pack('<I', len(body))[:3] + bytes([seq]) + body)

    def fill(self, need):
        while len(self.buf) - self.pos < need:
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                raise RuntimeError('searchd closed the connection')
            self.buf = self.buf[self.pos:] + chunk
            self.pos = 0

    def packet(self):
        self.fill(4)
        b, p = self.buf, self.pos
        n = b[p] | b[p + 1] << 8 | b[p + 2] << 16
        self.fill(4 + n)
        b, p = self.buf, self.pos
        self.pos = p + 4 + n
        return b[p + 4:p + 4 + n]

    def query_rows(self, sql):
        """Runs sql and returns the first column of every row, as bytes."""
        self.send(b'\x03' + sql.encode('utf-8'), 0)
        first = self.packet()
        if first[:1] == b'\xff':
            raise RuntimeError('query failed: %s: %r' % (sql, first[9:]))
        if first[:1] == b'\x00':
            return []
        ncols = first[0]
        for _ in range(ncols):
            self.packet()
        self.packet()                                   # EOF after the columns
        rows = []
        while True:
            row = self.packet()
            if row[:1] == b'\xfe' and len(row) < 9:     # EOF: end of rows
                return rows
            if row[:1] == b'\xff':
                raise RuntimeError('query failed: %s: %r' % (sql, row[9:]))
            n = row[0]                                  # ids are short: 1-byte length
            rows.append(row[1:1 + n])


def sphinxql_phrase(phrase):
    # Inside MATCH(): backslash-escape the query syntax; then escape for the
    # SQL string literal.
    q = ''.join('\\' + c if c in '\\()|-!@~"&/^$=<' else c for c in phrase)
    q = '"' + q + '"'
    return q.replace('\\', '\\\\').replace("'", "\\'")


def cmd_query(port, tsv, repeat, counts_path=None):
    phrases = [p for p, _, _ in corpus.load_queries(tsv)]
    sqls = ["SELECT id FROM idx WHERE MATCH('%s') LIMIT 0,10000 OPTION max_matches=10000"
            % sphinxql_phrase(p) for p in phrases]
    conn = MySQL(port)
    corpus.time_queries(conn.query_rows, sqls, phrases, repeat, counts_path)


def cmd_wait(port):
    deadline = time.time() + 10
    while True:
        try:
            MySQL(port).sock.close()
            return 0
        except (OSError, RuntimeError):
            if time.time() > deadline:
                sys.stderr.write('searchd does not answer on port %d\n' % port)
                return 1
            time.sleep(0.05)


def main(argv):
    if len(argv) == 5 and argv[1] == 'config':
        cmd_config(argv[2], argv[3], int(argv[4]))
    elif len(argv) == 3 and argv[1] == 'source':
        cmd_source(argv[2])
    elif len(argv) in (5, 6) and argv[1] == 'query':
        cmd_query(int(argv[2]), argv[3], int(argv[4]), argv[5] if len(argv) == 6 else None)
    elif len(argv) == 2 and argv[1] == 'free-port':
        cmd_free_port()
    elif len(argv) == 3 and argv[1] == 'wait':
        return cmd_wait(int(argv[2]))
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
