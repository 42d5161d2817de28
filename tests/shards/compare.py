#!/usr/bin/env python3
"""Asks two seekd daemons the same questions through the real client and
requires the same answers: totals, ids in order, scores, snippets, facets and
entity cards and listings. Usage: compare.py SEEK SOCKET_A SOCKET_B PHRASES_TSV"""
import json
import subprocess
import sys

seek, sock_a, sock_b, phrases_tsv = sys.argv[1:5]


def ask(sock, args):
    # Searches count every match: a sharded index may stop counting at
    # another lower bound than one database.
    if not any(a.startswith("--entit") for a in args):
        args = ["--exact-total"] + args
    p = subprocess.run([seek, "--socket", sock, "--json"] + args,
                       capture_output=True, text=True, timeout=120)
    if p.returncode not in (0, 1):
        raise RuntimeError(f"seek {' '.join(args)} on {sock}: {p.stderr.strip() or p.stdout.strip()}")
    answer = json.loads(p.stdout)
    answer.pop("took_ms", None)
    return answer


def same(args):
    """None when both daemons agree, else what differs."""
    a, b = ask(sock_a, args), ask(sock_b, args)
    if "hits" not in a:
        return None if a == b else f"{json.dumps(a)[:300]} vs {json.dumps(b)[:300]}"
    for key in ("total", "total_exact", "facets"):
        if a.get(key) != b.get(key):
            return f"{key}: {json.dumps(a.get(key))[:200]} vs {json.dumps(b.get(key))[:200]}"
    ha, hb = a["hits"], b.get("hits", [])
    if [h["id"] for h in ha] != [h["id"] for h in hb]:
        return "ids or their order differ"
    for x, y in zip(ha, hb):
        # Scores are sums of floating-point weights, and remote shards'
        # statistics are summed in the order their answers arrive, which
        # load changes: allow the last bits of a float's precision.
        if abs(x["score"] - y["score"]) > 1e-6 * max(1.0, abs(x["score"])):
            return f"score of {x['id']}: {x['score']} vs {y['score']}"
        x, y = dict(x, score=0), dict(y, score=0)
        if x != y:
            return f"hit {x['id']} differs"
    return None


def main():
    questions = []
    with open(phrases_tsv, encoding="utf-8") as f:
        for line in f:
            phrase = line.split("\t")[0]
            questions.append(["--limit", "10000", "--no-snippets", f'"{phrase}"'])
            # The phrase's words, ranked, with snippets: ranking across shards.
            questions.append(["--limit", "20", phrase])
            # Later pages, which fetch documents from within the ranking.
            questions.append(["--offset", "7", "--limit", "5", "--no-snippets", phrase])
    names = {}
    for t in ("person", "org", "place"):
        listing = ask(sock_a, ["--entities", "--type", t, "--limit", "15"])
        names[t] = [e["name"] for e in listing["entities"]]
        questions.append(["--entities", "--type", t, "--limit", "50"])
    questions.append(["--entities", "--prefix", "ra", "--limit", "50"])
    for t, ns in names.items():
        for n in ns:
            questions.append(["--limit", "10000", "--no-snippets", "--facets", f'{t}:"{n}"'])
            questions.append(["--entity", n, "--limit", "20"])
    questions.append(["--facets", "--limit", "50", "war OR peace"])
    # Past the hits that get snippets (the first 100 of an answer).
    questions.append(["--limit", "150", "government"])
    questions.append(["--facets", "--limit", "10", "date:1960..1969"])
    failed = 0
    for q in questions:
        why = same(q)
        if why:
            failed += 1
            print(f"not ok - seek {' '.join(q)}: {why}")
    print(f"shards: {len(questions) - failed} of {len(questions)} questions answered alike")
    return 1 if failed else 0


sys.exit(main())
