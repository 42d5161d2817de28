/* The protocol's operations. Each runs on the thread running its
 * connection's loop, reads the index through that thread's reader, and writes the answer's members (all but "ok") into the open answer object
 * `out`, returning 0; on failure -1, with *err filled (what it wrote is
 * then dropped). */
#ifndef SEEKD_DAEMON_OPS_H
#define SEEKD_DAEMON_OPS_H

#include <jansson.h>
#include "proto/answer.h"
#include "proto/proto.h"
#include "query/query.h"
#include "reader.h"

int op_search(reader *rd, const proto_request *req, jw *out, proto_error *err);
/* explain: how a query reads and ranks, and one document's score by term. */
int op_explain(reader *rd, const proto_request *req, jw *out, proto_error *err);
/* similar: the documents most like a given one, optionally filtered by "q". */
int op_similar(reader *rd, const proto_request *req, jw *out, proto_error *err);
int op_entity(reader *rd, const proto_request *req, jw *out, proto_error *err);
int op_entities(reader *rd, const proto_request *req, jw *out, proto_error *err);
int op_stats(reader *rd, jw *out, proto_error *err);
/* health: whether the index can be read, its revision and age, the last
 * indexer run; an unreadable index is an answer, not an error (health.c). */
int op_health(reader *rd, const proto_request *req, jw *out, proto_error *err);

/* Fills *err for a failed status, whatever the op (op_error.c): the code
 * from proto_status_code(), a sentence naming the cause (and rd's index;
 * rd may be NULL for NOMEM alone). Returns -1. */
int op_error(const reader *rd, seek_status st, proto_error *err);

/* What search, explain and similar share (search.c). */

/* Parses, widens and compiles the request's query text into *tree and *q
 * (free both), the parser's warnings into *diag (and that the text was cut,
 * when it was); 0, or -1 with *err filled. */
int search_prepare(reader *rd, const proto_request *req, qp_node **tree, xap_query **q,
                   qp_error *diag, proto_error *err);
/* Fills *err for a failed qp_compile or qp_compile_relaxed; returns -1. */
int search_compile_error(const reader *rd, seek_status st, proto_error *err);
/* Whether the query ranks by free words, so that feedback applies. */
int search_ranks_words(const qp_node *tree);
/* Pasted text (compile.h: qp_long_text) is searched in its relaxed reading
 * from the start: replaces *q with it, with a warning, when `tree` is such
 * a text. 0, or -1 with *err filled. */
int search_long_text(reader *rd, const qp_node *tree, qp_error *diag, xap_query **q,
                     proto_error *err);

/* A reader_run step running q with opt into hits. */
typedef struct run_ctx {
    const xap_query *q;
    xap_search *opt;
    int ids;            /* the ids alone: the id is the sort key */
    xap_hits *hits;
    /* The tree q was compiled from at `level` (compile.h), compiled again
     * when the index keeps documents in parts (parts.h); NULL: q stands. */
    const qp_node *tree;
    int level;
    reader *rd;
} run_ctx;
seek_status search_run(xap_db *db, void *ctx);

/* Writes total, offset, limit, relaxed, the warnings in *diag, the hits (or
 * ids) and facets of an answer; `tree` gives the snippets' terms (may be
 * NULL when req->snippets is 0), `names` the names of the entity facets'
 * values, in order (NULL when there are none). */
int search_write_answer(jw *out, reader *rd, const proto_request *req, const qp_node *tree,
                        const qp_error *diag, int relaxed, const xap_hits *hits,
                        const unsigned *kinds, size_t nkinds, size_t nspecs,
                        char *const *names);

/* Adds "suggestion" to an answer when a word of the query is not in the
 * index, or the query found little, and a correction exists
 * (didyoumean.c). 0, or -1 when memory ran out. */
int dym_write(jw *out, reader *rd, const char *q, size_t len, const qp_node *tree,
              unsigned long total);

/* The name shown for the indexed entity of `type` under `key`, in *out
 * (malloc'd): the gazetteer's canonical one; else the spelling its
 * documents use (entity/spelling.h: the one reading most as a nominative,
 * then the one most of them use), read from the index's spelling terms, so
 * that only documents the index holds name it; else, when none is kept,
 * its key with each word capitalized. Costs the gazetteer look-up, or one
 * term list of the entity's spellings (a round trip per remote shard).
 * Statuses: OK, MODIFIED, NETWORK, IO, NOMEM, XAPIAN. */
seek_status entity_shown(xap_db *db, const gazetteer *g, ent_type type, const char *key,
                         char **out);

/* {"type":..,"name":..,<count_key>:count} for an indexed entity, written as
 * the next value of `out`, `name` being the one entity_shown gave. The one
 * encoder of an entity object. */
void entity_write(jw *out, ent_type type, const char *name, const char *count_key,
                  long long count);

#endif
