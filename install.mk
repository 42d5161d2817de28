# Installation and man page checks, included by the main Makefile.
#
#   make install [PREFIX=/usr/local] [DESTDIR=]   programs, gazetteer, man pages, examples
#   make uninstall [PREFIX=...] [DESTDIR=...]     removes exactly what install put there
#   make man-check                                fails if man(1) warns about a page
#
# The programs look for the gazetteer in SEEKD_DATADIR, fixed when they are
# compiled (lib/paths.c; default /usr/local/share/seekd). With a different
# PREFIX, build them with the matching folder before installing, for instance
#   make clean && make PREFIX=/usr SEEKD_DATADIR=/usr/share/seekd all && sudo make PREFIX=/usr install
# (SEEKD_GAZETTEER or --gazetteer also overrides it at run time). install
# warns when the built daemon does not name $(PREFIX)/share/seekd.
# DESTDIR only stages the files (for packaging); it is not compiled in.

# Included anywhere in the main Makefile, this file leaves its default goal alone.
INSTALL_SAVED_GOAL := $(.DEFAULT_GOAL)

PREFIX ?= /usr/local
DESTDIR ?=

INSTALL_PROGRAM ?= install
INSTALL_BINDIR = $(DESTDIR)$(PREFIX)/bin
INSTALL_DATADIR = $(PREFIX)/share/seekd
INSTALL_MANDIR = $(DESTDIR)$(PREFIX)/share/man
INSTALL_DOCDIR = $(DESTDIR)$(PREFIX)/share/doc/seekd

INSTALL_BINS := bin/seekd-index bin/seekd bin/seek
INSTALL_GAZETTEER := data/gazetteer.tsv
INSTALL_DOCS := contrib/README.md contrib/seekd.service contrib/seekd.socket \
	contrib/seekd.conf.example contrib/seekd-index.cron docs/gazetteer.md
MAN_PAGES := man/seek.1 man/seekd-protocol.7 man/seekd.8 man/seekd-index.8 man/seek_client.3

# libseekclient: the header, the static and shared libraries, pkg-config.
INSTALL_LIBDIR = $(DESTDIR)$(PREFIX)/lib
INSTALL_INCDIR = $(DESTDIR)$(PREFIX)/include
CLIENTLIB_VERSION := 1.0
CLIENTLIB_SO_NAME := libseekclient.so.$(CLIENTLIB_SOVERSION)

.PHONY: install uninstall man-check

install: $(INSTALL_BINS) $(LIBSEEKCLIENT) $(LIBSEEKCLIENT_SO)
	@grep -aqzxF '$(INSTALL_DATADIR)' bin/seekd || \
	    echo "warning: bin/seekd and bin/seekd-index were built for another data folder and will not find $(INSTALL_DATADIR)/gazetteer.tsv; rebuild them with SEEKD_DATADIR=$(INSTALL_DATADIR)" >&2
	@set -e; for f in $(INSTALL_BINS); do \
	    echo "$(INSTALL_PROGRAM) -D -m 0755 $$f $(INSTALL_BINDIR)/$${f##*/}"; \
	    $(INSTALL_PROGRAM) -D -m 0755 $$f $(INSTALL_BINDIR)/$${f##*/}; \
	done
	$(INSTALL_PROGRAM) -D -m 0644 $(INSTALL_GAZETTEER) $(DESTDIR)$(INSTALL_DATADIR)/gazetteer.tsv
	@set -e; for p in $(MAN_PAGES); do \
	    name=$${p##*/}; sect=$${name##*.}; \
	    echo "$(INSTALL_PROGRAM) -D -m 0644 $$p $(INSTALL_MANDIR)/man$$sect/$$name"; \
	    $(INSTALL_PROGRAM) -D -m 0644 $$p $(INSTALL_MANDIR)/man$$sect/$$name; \
	done
	@set -e; for f in $(INSTALL_DOCS); do \
	    echo "$(INSTALL_PROGRAM) -D -m 0644 $$f $(INSTALL_DOCDIR)/$${f##*/}"; \
	    $(INSTALL_PROGRAM) -D -m 0644 $$f $(INSTALL_DOCDIR)/$${f##*/}; \
	done
	$(INSTALL_PROGRAM) -D -m 0644 lib/client/seek_client.h $(INSTALL_INCDIR)/seek_client.h
	$(INSTALL_PROGRAM) -D -m 0644 $(LIBSEEKCLIENT) $(INSTALL_LIBDIR)/libseekclient.a
	$(INSTALL_PROGRAM) -D -m 0755 $(LIBSEEKCLIENT_SO) $(INSTALL_LIBDIR)/$(CLIENTLIB_SO_NAME)
	ln -sf $(CLIENTLIB_SO_NAME) $(INSTALL_LIBDIR)/libseekclient.so
	@mkdir -p $(INSTALL_LIBDIR)/pkgconfig
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(CLIENTLIB_VERSION)|' \
	    lib/client/seekclient.pc.in > $(INSTALL_LIBDIR)/pkgconfig/seekclient.pc

uninstall:
	@for f in $(INSTALL_BINS); do \
	    echo "rm -f $(INSTALL_BINDIR)/$${f##*/}"; rm -f $(INSTALL_BINDIR)/$${f##*/}; \
	done
	rm -f $(DESTDIR)$(INSTALL_DATADIR)/gazetteer.tsv
	-@rmdir $(DESTDIR)$(INSTALL_DATADIR) 2>/dev/null || true
	@for p in $(MAN_PAGES); do \
	    name=$${p##*/}; sect=$${name##*.}; \
	    echo "rm -f $(INSTALL_MANDIR)/man$$sect/$$name"; rm -f $(INSTALL_MANDIR)/man$$sect/$$name; \
	done
	@for f in $(INSTALL_DOCS); do \
	    echo "rm -f $(INSTALL_DOCDIR)/$${f##*/}"; rm -f $(INSTALL_DOCDIR)/$${f##*/}; \
	done
	-@rmdir $(INSTALL_DOCDIR) 2>/dev/null || true
	rm -f $(INSTALL_INCDIR)/seek_client.h $(INSTALL_LIBDIR)/libseekclient.a \
	    $(INSTALL_LIBDIR)/$(CLIENTLIB_SO_NAME) $(INSTALL_LIBDIR)/libseekclient.so \
	    $(INSTALL_LIBDIR)/pkgconfig/seekclient.pc

# man(1) prints formatting warnings on stderr; any output fails the check.
# mandoc's lint (warnings and errors, not style notes) runs too when installed.
man-check:
	@command -v man >/dev/null || { echo "man-check: man(1) is not installed" >&2; exit 1; }
	@fail=0; for p in $(MAN_PAGES); do \
	    out=$$(MANWIDTH=80 man --warnings -l $$p 2>&1 >/dev/null); \
	    if [ -n "$$out" ]; then echo "$$p:"; echo "$$out"; fail=1; fi; \
	    if command -v mandoc >/dev/null; then \
	        out=$$(mandoc -Tlint -W warning $$p 2>&1); \
	        if [ -n "$$out" ]; then echo "$$out"; fail=1; fi; \
	    fi; \
	done; \
	if [ $$fail = 0 ]; then echo "man-check: $(words $(MAN_PAGES)) pages clean"; fi; \
	exit $$fail

.DEFAULT_GOAL := $(INSTALL_SAVED_GOAL)
