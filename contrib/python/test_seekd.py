"""Tests of seekd.py against a running daemon at $SEEKD_SOCKET serving the
corpus/ texts (tests/e2e/t220-python.sh starts one)."""

import os
import subprocess
import sys
import unittest

sys.dont_write_bytecode = True   # leave the source tree as it was
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import seekd  # noqa: E402


class SeekdTest(unittest.TestCase):
    def setUp(self):
        self.c = seekd.Client()

    def tearDown(self):
        self.c.close()

    def test_default_socket(self):
        self.assertEqual(seekd.default_socket(), os.environ["SEEKD_SOCKET"])
        env = dict(os.environ, SEEKD_SOCKET="", XDG_RUNTIME_DIR="/run/user/7")
        out = subprocess.run([sys.executable, "-c", "import seekd; print(seekd.default_socket())"],
                             env=env, cwd=os.path.dirname(os.path.abspath(__file__)),
                             capture_output=True, text=True, check=True).stdout
        self.assertEqual(out.strip(), "/run/user/7/seekd.sock")

    def test_search(self):
        a = self.c.search("rahmon", limit=3)
        self.assertTrue(a["ok"])
        self.assertTrue(0 < len(a["hits"]) <= 3)
        self.assertGreaterEqual(a["total"], len(a["hits"]))
        scores = [h["score"] for h in a["hits"]]
        self.assertEqual(scores, sorted(scores, reverse=True))
        for h in a["hits"]:
            self.assertTrue(h["id"] and h["title"])

    def test_paging_and_more_fields(self):
        every = self.c.search("csto", limit=100, ids=True)["ids"]
        page = self.c.search("csto", limit=2, offset=1, ids=True)["ids"]
        self.assertEqual(page, every[1:3])
        facets = self.c.search("csto", limit=0, facets=["place"])["facets"]
        self.assertIn("place", facets)

    def test_same_hits_as_seek(self):
        seek = os.path.join(os.environ["BIN"], "seek")
        for q in ["rahmon", '"collective security"', "person:rahmon OR place:moscow"]:
            want = subprocess.run([seek, "--socket", os.environ["SEEKD_SOCKET"], "--ids",
                                   "--limit", "10000", q], capture_output=True, text=True).stdout.split()
            got = self.c.search(q, limit=10000, ids=True)["ids"]
            self.assertEqual(got, want, q)

    def test_entity_and_stats(self):
        e = self.c.entity("CSTO")
        self.assertTrue(e["found"])
        self.assertGreater(e["docs"], 0)
        self.assertFalse(self.c.entity("nosuchnameanywhere")["found"])
        s = self.c.stats()
        self.assertGreater(s["docs"], 0)
        self.assertIn("revision", s)
        self.assertTrue(self.c.ping()["ok"])

    def test_error_answer_raises(self):
        with self.assertRaises(seekd.SeekdError) as cm:
            self.c.search("rahmon date:2015..2010")
        self.assertEqual(cm.exception.code, "bad_query")
        self.assertIsNotNone(cm.exception.offset)
        # The connection stays usable after an error answer.
        self.assertTrue(self.c.ping()["ok"])

    def test_pipeline_in_order(self):
        reqs = [{"op": "search", "q": q, "ids": True, "limit": 100, "id": i}
                for i, q in enumerate(["rahmon", "csto", "moscow", "(", "rahmon date:2015..2010"] * 20)]
        answers = self.c.pipeline(reqs)
        self.assertEqual([a["id"] for a in answers], list(range(len(reqs))))
        self.assertEqual(answers[0]["ids"], self.c.search("rahmon", limit=100, ids=True)["ids"])
        self.assertFalse(answers[4]["ok"])
        self.assertEqual(answers[4]["error"]["code"], "bad_query")
        self.assertEqual(answers[0], {**answers[95], "id": 0, "took_ms": answers[0]["took_ms"]})

    def test_unicode_query(self):
        a = self.c.search("Рахмон", limit=5)
        self.assertTrue(a["ok"])

    def test_no_daemon(self):
        with self.assertRaises(ConnectionError) as cm:
            seekd.Client(os.environ["SEEKD_SOCKET"] + ".none")
        self.assertIn("is seekd running", str(cm.exception))


if __name__ == "__main__":
    unittest.main(verbosity=2)
