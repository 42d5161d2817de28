/* The one C API over Xapian. Only xap.cc includes <xapian.h>; everything here
 * is plain C with opaque handles. Every call returns a seek_status; on failure
 * xap_errmsg() describes the cause. Handles belong to one thread at a time. */
#ifndef SEEKD_XAP_H
#define SEEKD_XAP_H

#include <stddef.h>
#include "status.h"

#ifdef __cplusplus
#define XAP_NOEXCEPT noexcept
extern "C" {
#else
#define XAP_NOEXCEPT
#endif

typedef struct xap_db xap_db;       /* a reader */
typedef struct xap_wdb xap_wdb;     /* the writer: one per index at a time */
typedef struct xap_doc xap_doc;     /* a document being built */
typedef struct xap_query xap_query; /* an immutable query tree */
typedef struct xap_stem xap_stem;   /* a Snowball stemmer */

/* The message for the last failed call on this thread ("" if none). */
const char *xap_errmsg(void) XAP_NOEXCEPT;

/* ---- Readers ---- */

/* Opens the index at `path` for reading: one database, or a stub database
 * (a file, or a folder holding a file named XAPIANDB) listing shards, local
 * or remote (`remote HOST:PORT`), searched as one. Statuses: OK, NOT_FOUND
 * (no index there), IO (damaged or unreadable), NETWORK (a remote shard is
 * unreachable), NOMEM, XAPIAN. Any call on a reader may fail with NETWORK;
 * the reader is then unusable: close it and open afresh. */
seek_status xap_db_open(const char *path, xap_db **out) XAP_NOEXCEPT;
void xap_db_close(xap_db *db) XAP_NOEXCEPT;  /* accepts NULL */

/* Nonzero when the stub opened names a remote shard: its documents cost a
 * network round trip each, while sort keys come with the results. */
int xap_db_remote(const xap_db *db) XAP_NOEXCEPT;

/* Moves the reader to the latest committed revision, if there is a newer one;
 * *moved says whether it may have. Statuses: OK, IO, NETWORK, XAPIAN. */
seek_status xap_db_reopen(xap_db *db, int *moved) XAP_NOEXCEPT;

typedef struct xap_info {
    unsigned long docs;       /* documents in the index (parts of big documents aside) */
    unsigned long parts;      /* parts of big documents (prefix.h: TERM_PART) */
    unsigned long revision;   /* committed revision the reader sees (0 when sharded) */
    double avg_length;        /* mean document length in tokens */
} xap_info;

/* Fills *info. Statuses: OK, MODIFIED, IO, XAPIAN. */
seek_status xap_db_info(xap_db *db, xap_info *info) XAP_NOEXCEPT;

/* Reads user metadata `key` into a malloc'd string (caller frees; "" when
 * unset). Statuses: OK, MODIFIED, IO, NOMEM, XAPIAN. */
seek_status xap_db_metadata(xap_db *db, const char *key, char **out) XAP_NOEXCEPT;

/* ---- Searching ---- */

typedef struct xap_hit {
    unsigned docid;
    double score;
    char *key;          /* the value in xap_search.key_slot (malloc'd, NUL-terminated) */
    size_t key_len;     /* its length: a value may hold NULs */
    char **values;      /* one malloc'd string per requested slot (NUL-terminated) */
    size_t *value_lens; /* their lengths: a value may hold NULs */
    char *data;         /* the value in data_slot when requested, else NULL */
    size_t data_len;
} xap_hit;

typedef struct xap_count {
    char *term;             /* a term, or a facet value */
    unsigned long count;    /* matching documents holding it */
} xap_count;

typedef struct xap_facet {
    xap_count *top;         /* most frequent first, ties by value */
    size_t n;
} xap_facet;

typedef struct xap_hits {
    unsigned long total;   /* number of matching documents */
    int exact;             /* total is exact; when not (count_bound reached, or the time
                              limit cut the count), total is a lower bound */
    size_t n;
    xap_hit *hits;
    size_t nslots;
    xap_facet *facets;     /* one per requested facet */
    size_t nfacets;
} xap_hits;

/* A facet counts the values a document holds in `nslots` consecutive value
 * slots from `first_slot` (one value per slot: a multi-valued field spread
 * over slots). Xapian's own ValueCountMatchSpy does the counting, so it works
 * on remote shards too. */
typedef struct xap_facet_spec {
    int first_slot;
    unsigned nslots;
} xap_facet_spec;

typedef enum xap_rank {
    XAP_RANK_RELEVANCE = 0,  /* In_expB2 (xap.cc, docs/relevance.md) */
    XAP_RANK_WDF,            /* score = occurrences of the query's terms (for one-term queries) */
} xap_rank;

typedef enum xap_order {
    XAP_ORDER_RELEVANCE = 0,  /* by score, then key_slot */
    XAP_ORDER_DESC,           /* by the value in order_slot, highest first (empty last),
                                 then score, then key_slot */
    XAP_ORDER_ASC,            /* the same, lowest first (empty first) */
} xap_order;

typedef struct xap_search {
    unsigned offset, limit;
    xap_rank rank;
    xap_order order;
    int order_slot;
    int feedback;           /* relevance: rerank with terms of the top documents (pseudo-
                               relevance feedback); the matches stay the same */
    int key_slot;           /* equal scores are ordered by this value, ascending,
                               and each hit carries it: an order that does not
                               depend on docids, which sharding changes */
    const int *slots;       /* value slots to copy into each hit */
    size_t nslots;
    unsigned data_hits;     /* the first data_hits hits carry the value in data_slot */
    int data_slot;          /* as data: the stored text, which snippets are made from */
    const xap_facet_spec *facets;  /* counted over all matches */
    size_t nfacets;
    size_t facet_top;       /* how many values to keep per facet */
    size_t facet_keep_all;  /* the last facet_keep_all facets keep every value */
    double time_limit;      /* seconds after which counting stops being exhaustive; 0: none */
    unsigned long count_bound;  /* count matches exactly up to this many, then stop
                                   counting (a lower bound, exact 0) so that a page of
                                   frequent words ends early; 0: count every match.
                                   Facets always count every match. */
} xap_search;

/* Runs `q` and copies the requested window into *out (free with
 * xap_hits_free). Values come from value streams (remote shards: with the
 * documents, one round trip each); documents are fetched only for their
 * data. Statuses: OK, MODIFIED (reopen and retry), NETWORK, INVALID,
 * BAD_QUERY, IO, NOMEM, XAPIAN. */
seek_status xap_db_search(xap_db *db, const xap_query *q, const xap_search *opt,
                          xap_hits **out) XAP_NOEXCEPT;
void xap_hits_free(xap_hits *h) XAP_NOEXCEPT;  /* accepts NULL */

/* How many documents hold `term`. Statuses: OK, MODIFIED, NETWORK, IO, XAPIAN. */
seek_status xap_db_termfreq(xap_db *db, const char *term, unsigned long *out) XAP_NOEXCEPT;

/* How many terms start with `prefix`, counted up to `max` + 1 (so a count
 * over `max` means "more than max"). Statuses: OK, MODIFIED, NETWORK, IO, XAPIAN. */
seek_status xap_db_prefix_count(xap_db *db, const char *prefix, unsigned long max,
                                unsigned long *out) XAP_NOEXCEPT;

/* Every term starting with `prefix` with the number of documents holding it,
 * in term order; *out malloc'd (free with xap_counts_free). Terms keep the
 * prefix. Statuses: OK, MODIFIED, IO, NOMEM, XAPIAN. */
seek_status xap_db_terms(xap_db *db, const char *prefix, xap_count **out, size_t *n) XAP_NOEXCEPT;
void xap_counts_free(xap_count *c, size_t n) XAP_NOEXCEPT;

/* Terms never used to expand a query (feedback, similar): the stems of stop
 * words. Copied; call once, before any search. Statuses: OK, NOMEM. */
seek_status xap_expand_skip(const char *const *terms, size_t n) XAP_NOEXCEPT;

/* Calls fn(word, len, docs, ctx) for every unprefixed term starting with
 * `start` ("" for all), the words as documents spell them (prefix.h:
 * PREFIX_WORD), in term order, until fn returns nonzero. A remote shard
 * sends only those. Statuses: OK, MODIFIED, NETWORK, IO, XAPIAN. */
typedef int (*xap_term_fn)(const char *word, size_t len, unsigned long docs, void *ctx);
seek_status xap_db_each_word(xap_db *db, const char *start, xap_term_fn fn,
                             void *ctx) XAP_NOEXCEPT;

/* ---- Parts of big documents (prefix.h: PREFIX_PART_WORD) ---- */

/* Whether the index holds parts: looked up once per revision the reader
 * sees, so an index without any costs its searches nothing. Statuses: OK,
 * MODIFIED, NETWORK, IO, XAPIAN. */
seek_status xap_db_has_parts(xap_db *db, int *out) XAP_NOEXCEPT;

/* The documents one of whose parts holds `words` (unstemmed, as positional
 * terms without prefix) in order within `window` positions when `ordered`
 * (window == n: adjacent), in any order otherwise: as a query matching
 * those documents with the weight of `words` (all of them, ANDed, as a
 * phrase weighs), in *out, or NULL when none does. Parts only are searched,
 * and only the parts holding every word and every one of the `nfilter`
 * terms `filter` (without PREFIX_PART_WORD: pair terms) have their
 * positions compared, none when `exact` says that holding the filter terms
 * is holding the match. Statuses: OK, MODIFIED, NETWORK, IO, NOMEM, XAPIAN. */
seek_status xap_db_parts_match(xap_db *db, int ordered, const char *const *words, size_t n,
                               unsigned window, const char *const *filter, size_t nfilter,
                               int exact, xap_query **out) XAP_NOEXCEPT;

/* The text (SLOT_TEXT) of the part of document `id` that best matches
 * `q` (a query of part terms: each part scores one per query term it
 * holds, ties to the first part), malloc'd in *text; NULL when no part
 * matches. Only the words around the first anchor that the part holds are
 * given, from XAP_PART_BEFORE words before its start to XAP_PART_AFTER
 * after (rounded out to the part's marks, prefix.h: SLOT_PART_MARKS), so
 * that a snippet reads about what a short text's does: the anchors are
 * `nanchors` runs of part terms, `terms` one after the other, run i of
 * `lens[i]` terms held at adjacent positions, tried in order; the whole
 * text when the part holds none, or has no marks. Statuses: OK, MODIFIED,
 * NETWORK, IO, NOMEM, XAPIAN. */
#define XAP_PART_BEFORE 64
#define XAP_PART_AFTER 128
seek_status xap_db_part_text(xap_db *db, const xap_query *q, const char *id,
                             const char *const *terms, const size_t *lens, size_t nanchors,
                             char **text, size_t *len) XAP_NOEXCEPT;

/* ---- Explaining and expanding ---- */

typedef struct xap_term_weight {
    char *term;              /* an index term of the query run */
    unsigned long docs;      /* documents holding it */
    double weight;           /* the most it can add to a score */
    int feedback;            /* added by feedback from the top documents */
    unsigned long wdf;       /* occurrences in the explained document */
    double doc_weight;       /* what it adds to that document's score */
} xap_term_weight;

typedef struct xap_explain {
    char *query;             /* Xapian's description of the query run */
    xap_term_weight *terms;  /* the query's terms, in term order */
    size_t n;
    int found;               /* a document was named and exists */
    int matches;             /* it matches the query */
    double score;            /* its score when it matches */
} xap_explain;

/* How `q` ranks, as xap_db_search ranks it (by relevance, with feedback when
 * `feedback`): its terms with their document counts and weights, and when
 * `idterm` is not NULL, that document's score term by term (the weights of
 * its terms add up to its score). Statuses: OK, MODIFIED, NETWORK, IO, NOMEM,
 * BAD_QUERY, XAPIAN. */
seek_status xap_db_explain(xap_db *db, const xap_query *q, int feedback, const char *idterm,
                           xap_explain **out) XAP_NOEXCEPT;
void xap_explain_free(xap_explain *e) XAP_NOEXCEPT;  /* accepts NULL */

/* The query for documents like the one under `idterm`: its `nterms` stems
 * that best tell it from the rest of the index (relevance-set expansion
 * with that one document as the set, as feedback does; stop words and stems
 * no other document holds left out), any of them, the document itself
 * excluded. Statuses: OK, NOT_FOUND (no such document), MODIFIED, NETWORK,
 * IO, NOMEM, XAPIAN. */
seek_status xap_db_similar(xap_db *db, const char *idterm, unsigned nterms,
                           xap_query **out) XAP_NOEXCEPT;

/* ---- Writer ---- */

enum {
    XAP_CREATE = 0,        /* open, creating the index if missing */
    XAP_OVERWRITE = 1,     /* start from an empty index */
    XAP_SCRATCH = 2,       /* start from an empty database that is never synced to
                              disk: a temporary one, which a crash may leave damaged */
};

/* Opens `path` for writing. Statuses: OK, LOCKED (another writer holds it),
 * IO, NOMEM, XAPIAN. */
seek_status xap_wdb_open(const char *path, int mode, xap_wdb **out) XAP_NOEXCEPT;
/* Opens `n` local shards as one writer (all or none). Calls naming an id term
 * go to the shard shard_of() picks; metadata is written to every shard and
 * read from the first; commits go shard by shard. Statuses: as xap_wdb_open. */
seek_status xap_wdb_open_shards(const char *const *paths, size_t n, int mode,
                                xap_wdb **out) XAP_NOEXCEPT;
/* Closes the writer; uncommitted changes are discarded. Accepts NULL. */
void xap_wdb_close(xap_wdb *w) XAP_NOEXCEPT;

/* Everything between begin and commit becomes visible to readers at once, or
 * not at all. Statuses: OK, IO, XAPIAN. */
seek_status xap_wdb_begin(xap_wdb *w) XAP_NOEXCEPT;
seek_status xap_wdb_commit(xap_wdb *w) XAP_NOEXCEPT;

/* Adds `doc`, or replaces the document indexed under the unique term `idterm`,
 * with its parts (xap_doc_set_parts), in the same shard; parts of an earlier
 * version are deleted. The parts are made one at a time and each is freed
 * once written; every XAP_PART_BATCH of them (xap_wdb_set_part_batch) the
 * shard commits, so that what Xapian holds of them until a commit stays
 * bounded. A reader of such a commit sees the parts written so far under a
 * key no document holds yet (prefix.h: PREFIX_PART_KEY), which no query
 * reaches: the earlier version of the document, with its own parts, or none,
 * until the commit holding the document itself. The earlier version's parts
 * are deleted after the document is replaced, as many at a time (deleting
 * a part holds as much as adding it), when no document reaches them any
 * more. Those commits also make the writer's changes before them visible
 * (a transaction ends and a new one begins); they are written as the run
 * wrote them. `doc` gains its parts' key. Statuses: OK, INVALID, IO, NOMEM,
 * XAPIAN, and the parts' maker's. */
seek_status xap_wdb_replace(xap_wdb *w, const char *idterm, xap_doc *doc) XAP_NOEXCEPT;
/* Parts written between two commits of one document's parts; 0 writes them
 * all before one commit (what memory they take then grows with the text). */
#define XAP_PART_BATCH 16
void xap_wdb_set_part_batch(xap_wdb *w, unsigned parts) XAP_NOEXCEPT;
/* Deletes the documents indexed under `idterm`, and then their parts, with
 * commits between batches of them as xap_wdb_replace. Statuses: OK, IO,
 * XAPIAN. */
seek_status xap_wdb_delete(xap_wdb *w, const char *idterm) XAP_NOEXCEPT;
/* Deletes every document holding `term`, and then their parts (in batches,
 * as xap_wdb_delete), in every shard;
 * *deleted says how many documents there were (0: none, nothing done).
 * Statuses: OK, IO, XAPIAN. */
seek_status xap_wdb_delete_counted(xap_wdb *w, const char *term, size_t *deleted) XAP_NOEXCEPT;

/* Copies value `slot` of the document under `idterm` into a malloc'd string.
 * Statuses: OK, NOT_FOUND (no such document), IO, NOMEM, XAPIAN. */
seek_status xap_wdb_value(xap_wdb *w, const char *idterm, int slot, char **out) XAP_NOEXCEPT;

/* The number of documents the writer sees, parts aside. Statuses: OK, IO, XAPIAN. */
seek_status xap_wdb_doccount(xap_wdb *w, unsigned long *out) XAP_NOEXCEPT;

/* Lists every term starting with `prefix`, prefix included, in term order
 * across shards, as a malloc'd array of malloc'd strings (free with
 * xap_strv_free). Statuses: OK, IO, NOMEM,
 * XAPIAN. */
seek_status xap_wdb_terms(xap_wdb *w, const char *prefix, char ***out, size_t *n) XAP_NOEXCEPT;
void xap_strv_free(char **v, size_t n) XAP_NOEXCEPT;

/* The values in `slot` of every document holding `term` ("" for one that has
 * none), across shards, as a malloc'd array of malloc'd strings (free with
 * xap_strv_free). Statuses: OK, IO, NOMEM, XAPIAN. */
seek_status xap_wdb_term_values(xap_wdb *w, const char *term, int slot, char ***out,
                                size_t *n) XAP_NOEXCEPT;

seek_status xap_wdb_set_metadata(xap_wdb *w, const char *key, const char *value) XAP_NOEXCEPT;
/* Reads user metadata `key` as the writer sees it, into a malloc'd string
 * ("" when unset). Statuses: OK, IO, NOMEM, XAPIAN. */
seek_status xap_wdb_metadata(xap_wdb *w, const char *key, char **out) XAP_NOEXCEPT;

/* Merges the databases `sources` (none open for writing) into a new,
 * fully compacted database at `dest`, which must not exist. Documents are
 * renumbered, one source after the other; user metadata comes from the first
 * source holding each key. Statuses: OK, INVALID, IO, NOMEM, XAPIAN. */
seek_status xap_compact(const char *const *sources, size_t n, const char *dest) XAP_NOEXCEPT;

/* ---- Documents ---- */

seek_status xap_doc_new(xap_doc **out) XAP_NOEXCEPT;  /* OK or NOMEM */
void xap_doc_free(xap_doc *d) XAP_NOEXCEPT;           /* accepts NULL */
/* A term at token position `pos` (adds 1 to its wdf). */
seek_status xap_doc_add_posting(xap_doc *d, const char *term, unsigned pos) XAP_NOEXCEPT;
/* A term at position `pos` adding nothing to its wdf (nor to the length). */
seek_status xap_doc_add_position(xap_doc *d, const char *term, unsigned pos) XAP_NOEXCEPT;
/* Part i of a document, made when the writer gets to it (a new document in
 * *out; the writer adds what ties it to its document and frees it once
 * written). Returns a status; not OK stops the write. */
typedef seek_status (*xap_part_fn)(void *ctx, size_t i, xap_doc **out);
/* Gives `d` `n` parts (prefix.h: PREFIX_PART_WORD), documents written,
 * replaced and deleted with it, made by `fn` only when written (so that at
 * most one is in memory at a time); `ctx` is freed with `d` by `ctx_free`
 * (may be NULL). Returns OK. */
seek_status xap_doc_set_parts(xap_doc *d, size_t n, xap_part_fn fn, void *ctx,
                              void (*ctx_free)(void *)) XAP_NOEXCEPT;
/* A term without position, adding `wdf` to its within-document frequency. */
seek_status xap_doc_add_term(xap_doc *d, const char *term, unsigned wdf) XAP_NOEXCEPT;
/* A term for filtering only (wdf 0: no effect on ranking). */
seek_status xap_doc_add_boolean(xap_doc *d, const char *term) XAP_NOEXCEPT;
seek_status xap_doc_set_value(xap_doc *d, int slot, const char *val, size_t len) XAP_NOEXCEPT;

/* ---- Queries ---- */

/* XAP_SYNONYM ranks its two sides as one term (spellings and word forms of
 * one word: Xapian's OP_SYNONYM). */
typedef enum xap_op { XAP_AND, XAP_OR, XAP_AND_NOT, XAP_FILTER, XAP_AND_MAYBE, XAP_SYNONYM } xap_op;

/* Each builder returns a new query in *out (free with xap_query_free) XAP_NOEXCEPT;
 * builders never take ownership of their inputs. Statuses: OK, INVALID, NOMEM. */
seek_status xap_query_term(const char *term, xap_query **out) XAP_NOEXCEPT;
/* Documents holding `terms` in this order within `window` positions;
 * window == n means exactly adjacent. */
seek_status xap_query_phrase(const char *const *terms, size_t n, unsigned window,
                             xap_query **out) XAP_NOEXCEPT;
/* Documents holding all `terms` within `window` positions, in any order. */
seek_status xap_query_near(const char *const *terms, size_t n, unsigned window,
                           xap_query **out) XAP_NOEXCEPT;
seek_status xap_query_combine(xap_op op, const xap_query *a, const xap_query *b,
                              xap_query **out) XAP_NOEXCEPT;
/* `q` with its weight multiplied by `factor` (>= 0): the same documents,
 * a smaller or larger part in their scores. */
seek_status xap_query_scale(const xap_query *q, double factor, xap_query **out) XAP_NOEXCEPT;
/* Documents holding any of `terms`, as one flat OR. */
seek_status xap_query_any(const char *const *terms, size_t n, xap_query **out) XAP_NOEXCEPT;
/* Every term starting with `prefix`; of more than `max_terms`, the
 * `max_terms` held by the most documents. */
seek_status xap_query_wildcard(const char *prefix, unsigned max_terms, xap_query **out) XAP_NOEXCEPT;
/* Documents whose value in `slot` lies in [lo, hi] (byte-wise comparison). */
seek_status xap_query_value_range(int slot, const char *lo, const char *hi,
                                  xap_query **out) XAP_NOEXCEPT;
seek_status xap_query_all(xap_query **out) XAP_NOEXCEPT;      /* every document, no part */
seek_status xap_query_nothing(xap_query **out) XAP_NOEXCEPT;  /* no document */
/* A readable form of the query, for logs and tests; malloc'd, caller frees. */
char *xap_query_describe(const xap_query *q) XAP_NOEXCEPT;
void xap_query_free(xap_query *q) XAP_NOEXCEPT;  /* accepts NULL */

/* ---- Stemming ---- */

/* A stemmer for `language` ("english"). Statuses: OK, INVALID, NOMEM. */
seek_status xap_stem_new(const char *language, xap_stem **out) XAP_NOEXCEPT;
void xap_stem_free(xap_stem *s) XAP_NOEXCEPT;  /* accepts NULL */
/* Writes the stem of `word` to `out` (NUL-terminated, cut to `cap`-1 bytes)
 * and returns its full length, or 0 on failure. */
size_t xap_stem_word(xap_stem *s, const char *word, size_t len, char *out, size_t cap) XAP_NOEXCEPT;

#ifdef __cplusplus
}
#endif
#endif
