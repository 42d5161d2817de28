# Fuzzing with libFuzzer (clang, ASan + UBSan), included by the main Makefile.
#   make fuzz          build every target, run each FUZZ_SECONDS (default 60)
#   make fuzz-smoke    the same, FUZZ_SMOKE_SECONDS (default 5) each
#   make fuzz-regress  run every target once over tests/fuzz/regressions/
#   make fuzz-build    only build build/fuzz/fuzz_*
#   make fuzz-deps     install clang, libFuzzer and the libraries if missing
# Each target fuzzes build/fuzz/corpus/<target>/, a copy of the seeds in
# tests/fuzz/seeds/<target>/; crashing inputs land in build/fuzz/artifacts/.

# Keep the including Makefile's default goal (`all`) whatever the order.
FUZZ_SAVED_GOAL := $(.DEFAULT_GOAL)

FUZZ_CC ?= clang
FUZZ_DIR := build/fuzz
FUZZ_SRC_DIR := tests/fuzz
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 5
FUZZ_TIMEOUT ?= 10
FUZZ_TARGETS := fuzz_proto fuzz_query fuzz_text fuzz_dates fuzz_entities fuzz_charset fuzz_frame
# -max_len per target: the inputs each target reads at most.
FUZZ_MAXLEN_DEFAULT := 65536
FUZZ_MAXLEN_fuzz_query := 8192

FUZZ_PKGS := libutf8proc jansson uchardet
FUZZ_PKG_CFLAGS = $(shell pkg-config --cflags $(FUZZ_PKGS))
FUZZ_PKG_LIBS = $(shell pkg-config --libs $(FUZZ_PKGS))
FUZZ_SAN := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS = -std=c17 -D_GNU_SOURCE -Wall -Wextra -g -O1 $(FUZZ_SAN) -Ilib $(FUZZ_PKG_CFLAGS) -MMD -MP
FUZZ_WERROR ?= -Werror

# Only the C modules the targets reach: no Xapian, no libuv. Every entity
# module, so that a new one extract.c calls is linked without a change here.
FUZZ_LIB_SRC := lib/status.c lib/strpool.c lib/strindex.c lib/text/decode.c lib/text/token.c lib/text/tokarray.c \
    lib/text/charset.c lib/text/plausible.c lib/text/script.c \
    lib/proto/proto.c lib/proto/jw.c lib/proto/status_error.c lib/proto/frame.c lib/proto/request.c lib/query/query.c \
    $(wildcard lib/entity/*.c)
FUZZ_LIB_OBJ := $(FUZZ_LIB_SRC:%.c=$(FUZZ_DIR)/obj/%.o)
FUZZ_LIB := $(FUZZ_DIR)/libseekd-fuzz.a
FUZZ_OBJ := $(FUZZ_TARGETS:%=$(FUZZ_DIR)/obj/$(FUZZ_SRC_DIR)/%.o)
FUZZ_BINS := $(FUZZ_TARGETS:%=$(FUZZ_DIR)/%)

.PHONY: fuzz fuzz-smoke fuzz-build fuzz-regress fuzz-deps

fuzz-build: $(FUZZ_BINS)

$(FUZZ_LIB_OBJ): $(FUZZ_DIR)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

$(FUZZ_OBJ): $(FUZZ_DIR)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_WERROR) -c $< -o $@

$(FUZZ_LIB): $(FUZZ_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(FUZZ_BINS): $(FUZZ_DIR)/%: $(FUZZ_DIR)/obj/$(FUZZ_SRC_DIR)/%.o $(FUZZ_LIB)
	$(FUZZ_CC) $(FUZZ_SAN) $^ $(FUZZ_PKG_LIBS) -o $@

# $(call FUZZ_RUN,seconds): runs every target from its corpus copy, prints
# executions and crashes per target, fails if any target crashed.
define FUZZ_RUN
@fail=0; \
printf '%-14s %12s %8s\n' target executions crashes; \
for t in $(FUZZ_TARGETS); do \
    corpus=$(FUZZ_DIR)/corpus/$$t; art=$(FUZZ_DIR)/artifacts/$$t; log=$(FUZZ_DIR)/$$t.log; \
    mkdir -p $$corpus $$art; \
    cp -R $(FUZZ_SRC_DIR)/seeds/$$t/. $$corpus/; \
    case $$t in fuzz_query) maxlen=$(FUZZ_MAXLEN_fuzz_query) ;; *) maxlen=$(FUZZ_MAXLEN_DEFAULT) ;; esac; \
    before=$$(ls $$art | wc -l); \
    rc=0; \
    UBSAN_OPTIONS=print_stacktrace=1 $(FUZZ_DIR)/$$t -max_total_time=$(1) -max_len=$$maxlen \
        -timeout=$(FUZZ_TIMEOUT) -print_final_stats=1 -artifact_prefix=$$art/ \
        $$corpus >$$log 2>&1 || rc=$$?; \
    execs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $$log | tail -n 1); \
    crashes=$$(( $$(ls $$art | wc -l) - before )); \
    if [ $$rc -ne 0 ] && [ $$crashes -eq 0 ]; then crashes=1; fi; \
    printf '%-14s %12s %8s\n' $$t "$${execs:-?}" $$crashes; \
    if [ $$rc -ne 0 ]; then \
        fail=1; \
        echo "---- $$t failed (exit $$rc); log $$log; inputs in $$art/:"; \
        ls -t $$art | head -n $$crashes | sed "s|^|  $$art/|"; \
        grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|.*Assertion)|^ +#[0-9]+ ' $$log \
            | grep -v -e ' in fuzzer::' -e __sanitizer_print_stack_trace -e libc_start -e ' in _start ' -e 'libc.so' -e nptl/ -e stdlib/abort -e assert/assert.c \
            | head -n 40 | awk 1; \
    fi; \
done; \
exit $$fail
endef

fuzz: fuzz-deps fuzz-build
	$(call FUZZ_RUN,$(FUZZ_SECONDS))

fuzz-smoke: fuzz-deps fuzz-build
	$(call FUZZ_RUN,$(FUZZ_SMOKE_SECONDS))

fuzz-regress: fuzz-build
	@FUZZ_BIN=$(FUZZ_DIR) sh $(FUZZ_SRC_DIR)/replay.sh

# Installs what the fuzz targets need, like tests/deps.sh does for the rest;
# libclang-rt-dev carries libFuzzer for Debian's default clang.
fuzz-deps:
	@missing=; \
	for p in pkg-config libutf8proc-dev libjansson-dev; do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if ! command -v $(FUZZ_CC) >/dev/null 2>&1; then \
	    missing="$$missing clang libclang-rt-dev"; \
	elif ! echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; return (int)n * 0; }' \
	        | $(FUZZ_CC) -fsanitize=fuzzer,address,undefined -x c - -o /dev/null >/dev/null 2>&1; then \
	    missing="$$missing libclang-rt-dev"; \
	fi; \
	[ -z "$$missing" ] && exit 0; \
	echo "installing:$$missing"; \
	SUDO=; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing

-include $(FUZZ_LIB_OBJ:.o=.d) $(FUZZ_OBJ:.o=.d)

.DEFAULT_GOAL := $(FUZZ_SAVED_GOAL)
