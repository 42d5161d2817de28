/* The corpus folders an index holds, for stats: each folder with its
 * document count (from the PREFIX_SOURCE terms, so right across shards) and
 * the last run that indexed it (from META_SOURCES, as the indexer left it). */
#ifndef SEEKD_DAEMON_SOURCES_H
#define SEEKD_DAEMON_SOURCES_H

#include <jansson.h>
#include "xap/xap.h"

typedef struct src_stats {
    char *registry;         /* META_SOURCES, "" when none */
    xap_count *counts;      /* documents per source term */
    size_t ncounts;
} src_stats;

/* Reads what src_stats_json needs; frees what an earlier call read (so it
 * can run again after MODIFIED). Statuses: as xap_db_metadata, xap_db_terms. */
seek_status src_stats_read(xap_db *db, src_stats *s);

/* [{"folder":..,"docs":N,"last_run":{..}|null,"last_indexed":"ISO"|absent},..]
 * in the order the folders were first indexed; NULL when memory runs out. */
json_t *src_stats_json(const src_stats *s);

void src_stats_fini(src_stats *s);

#endif
