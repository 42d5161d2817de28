/* Searching an index that keeps big documents in parts (xap/prefix.h:
 * PREFIX_PART_WORD): their phrases are matched in the parts, and their
 * snippets cut from the part that best matches the query. An index with no
 * parts is searched as it is, at no cost. */
#ifndef SEEKD_DAEMON_PARTS_H
#define SEEKD_DAEMON_PARTS_H

#include "morph/morph.h"
#include "query/query.h"
#include "xap/xap.h"

/* The query for `tree` (compile.h: level 0 strict, 1 and 2 relaxed) with
 * the documents whose parts match its phrases, in *out; NULL when the
 * index holds no parts (the query compiled without them stands).
 * Statuses: OK, NOMEM, BAD_QUERY, and the shim's. */
seek_status parts_compile(xap_db *db, const qp_node *tree, morph *words, const gazetteer *gaz,
                          int level, xap_query **out);

/* Gives each hit that carries text and is a document kept in parts (the
 * value `parts_slot` of its values says so; -1: not known, as on a remote
 * shard, so every such hit is looked up) the text of its part that best
 * matches `tree`, around the first of its exact phrases the part holds,
 * else the first of its words (xap.h: xap_db_part_text). Statuses: OK, NOMEM, and the shim's. */
seek_status parts_texts(xap_db *db, const qp_node *tree, xap_hits *hits, int parts_slot);

#endif
