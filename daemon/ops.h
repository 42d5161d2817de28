/* The protocol's operations. Each runs on a worker thread and returns the
 * answer's members (all but "ok"): op_search writes them into the open
 * answer object `out` and returns 0, the others return them as an object;
 * on failure -1 or NULL, with *err filled. */
#ifndef SEEKD_DAEMON_OPS_H
#define SEEKD_DAEMON_OPS_H

#include <jansson.h>
#include "proto/proto.h"
#include "worker.h"

int op_search(worker *w, const proto_request *req, jw *out, proto_error *err);
json_t *op_entity(worker *w, const proto_request *req, proto_error *err);
json_t *op_entities(worker *w, const proto_request *req, proto_error *err);
json_t *op_stats(worker *w, proto_error *err);

/* Nonzero when the entity term (2-byte type prefix, then the name in match
 * form) has `word` as one of its words. */
int entity_has_word(const char *term, const char *word);

/* {"type":..,"name":..,<count_key>:count} for an indexed entity: the
 * gazetteer's canonical name, else its key with each word capitalized. */
json_t *entity_json(ent_type type, const char *key, const char *count_key, json_int_t count);
/* The same object, written as the next value of `out`. */
void entity_write(jw *out, ent_type type, const char *key, const char *count_key, long long count);

#endif
