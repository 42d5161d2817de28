# The benchmark: seekd side by side with in-process Xapian, SQLite FTS5 and
# Sphinx 2.2, in one run (bench/run.sh; docs/performance.md). Included by the
# main Makefile, whose BIN, CC, CXX, PROGRAMS and deps it uses.
#
#   make bench         the full run: whole corpus, 300 queries, REPEAT=3, SCALE=10
#                      (SCALE=100 also measures 10x and 100x: hours, not for CI)
#   make bench-smoke   seconds: 200 files, 30 queries, REPEAT=1, SCALE=2, a 5 MB
#                      big document (BIGDOC_MB=50 for the full size)
#   make bench-deps    installs sphinxsearch, sqlite3 and gnuplot-nox if missing
#
# Settings: REPEAT, SCALE (or BENCH_REPEAT, BENCH_SCALE), BENCH_DURATION,
# BENCH_CONNECTIONS, BENCH_ENGINES, BIGDOC_MB (see bench/run.sh). Results go to
# bench/results.md and bench/latency.png; work files to build/bench/.

ifndef BENCH_MK_LOADED
BENCH_MK_LOADED := 1
# The sub-make names both files, so it works whether the main Makefile
# includes this one or both were given with -f; the guard above keeps a
# second reading from defining everything twice.
BENCH_MK := $(lastword $(MAKEFILE_LIST))
# Wherever this file is included, the main Makefile's default goal stays.
BENCH_SAVED_GOAL := $(.DEFAULT_GOAL)
BENCH_SUBMAKE = $(MAKE) --no-print-directory -f $(firstword $(MAKEFILE_LIST)) -f $(BENCH_MK) SANITIZE=
BENCH_BUILD := build/bench
BENCH_REPEAT ?= $(or $(REPEAT),3)
BENCH_SCALE ?= $(or $(SCALE),10)
BENCH_DURATION ?= 3
BENCH_CONNECTIONS ?= 1 2 4 8 16
BENCH_ENGINES ?= seekd xapian sqlite sphinx
BENCH_BIGDOC_MB = $(or $(BIGDOC_MB),50)
BENCH_SMOKE_BIGDOC_MB = $(or $(BIGDOC_MB),5)
BENCH_CFLAGS := -std=c17 -O2 -g -Wall -Wextra -Werror
BENCH_CXXFLAGS := -std=c++17 -O2 -g -Wall -Wextra -Werror
BENCH_TOOLS := $(BENCH_BUILD)/loadgen $(BENCH_BUILD)/bare_xapian $(BENCH_BUILD)/handler_loop

.PHONY: bench bench-smoke bench-deps bench-tools

bench-deps:
	@sh tests/deps.sh
	@sh tests/deps.sh sphinxsearch sqlite3 gnuplot-nox

bench-tools: $(BENCH_TOOLS)

$(BENCH_BUILD)/loadgen: bench/loadgen.c
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) $< -o $@ -lpthread

$(BENCH_BUILD)/bare_xapian: bench/bare_xapian.cc
	@mkdir -p $(@D)
	$(CXX) $(BENCH_CXXFLAGS) $(shell pkg-config --cflags xapian-core) $< -o $@ \
		$(shell pkg-config --libs xapian-core) -lpthread

# The daemon's handler without its socket, for profiling (docs/performance.md).
$(BENCH_BUILD)/handler_loop.o: bench/handler_loop.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BENCH_BUILD)/handler_loop: $(BENCH_BUILD)/handler_loop.o $(filter-out %/main.o,$(DAEMON_OBJ)) $(LIBSEEKD)
	$(CXX) $(LDFLAGS) $^ $(PKG_LIBS) -lpthread -o $@

bench: bench-deps
	@$(BENCH_SUBMAKE) all bench-tools
	REPEAT=$(BENCH_REPEAT) SCALE=$(BENCH_SCALE) BENCH_DURATION=$(BENCH_DURATION) \
		BENCH_CONNECTIONS="$(BENCH_CONNECTIONS)" BENCH_ENGINES="$(BENCH_ENGINES)" \
		BIGDOC_MB=$(BENCH_BIGDOC_MB) BENCH_BIN=bin bash bench/run.sh

# No install step: engines that are not installed are skipped with a note.
# Its results stay under build/bench/, away from bench/results.md.
bench-smoke:
	@$(BENCH_SUBMAKE) all bench-tools
	REPEAT=1 SCALE=2 BENCH_FILES=200 BENCH_QUERIES=30 BENCH_DURATION=0.5 \
		BENCH_CONNECTIONS="1 2 8" BENCH_ENGINES="$(BENCH_ENGINES)" BENCH_BIN=bin \
		BIGDOC_MB=$(BENCH_SMOKE_BIGDOC_MB) BIGDOC_EVERY=3 \
		BENCH_WORK=$(CURDIR)/$(BENCH_BUILD)/smoke \
		BENCH_OUT=$(CURDIR)/$(BENCH_BUILD)/smoke-results.md \
		BENCH_PLOT=$(CURDIR)/$(BENCH_BUILD)/smoke-latency.png bash bench/run.sh

# The remote-shard hop (bench/remote.sh, docs/scaling.md): one database, two
# local shards and the same shards behind xapian-tcpsrv, measured in one run;
# results in bench/remote-results.md. Not part of `bench`. A quick run on a
# subset, `make bench-remote REPEAT=1 BENCH_FILES=300`, reports to
# build/bench/remote/results.md instead.
.PHONY: bench-remote
bench-remote:
	@sh tests/deps.sh
	@$(BENCH_SUBMAKE) all bench-tools
	REPEAT=$(BENCH_REPEAT) BENCH_DURATION=$(BENCH_DURATION) BENCH_BIN=bin bash bench/remote.sh
# Ranking quality (bench/relevance.py, docs/relevance.md): seekd beside
# in-process Xapian and SQLite FTS5 on a relevance collection in CISI's
# layout (corpus/, queries.tsv, qrels.tsv, score.py, peers.py), read where it
# lies: RELEVANCE=DIR, by default shared/relevance beside the project's
# folder. Prints the table; not a test gate.
RELEVANCE ?= $(dir $(CURDIR))shared/relevance
.PHONY: bench-relevance
bench-relevance:
	@sh tests/deps.sh
	@sh tests/deps.sh python3-xapian
	@$(BENCH_SUBMAKE) all
	python3 bench/relevance.py --collection $(RELEVANCE) --bin $(BIN) --work $(BENCH_BUILD)/relevance \
		--runs $(BENCH_BUILD)/relevance/runs
.DEFAULT_GOAL := $(BENCH_SAVED_GOAL)
endif
