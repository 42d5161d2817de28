/* How a search's hits get their hit record (hitrec.h) without fetching a
 * document per hit. Locally the record is read from a value stream and ties
 * are broken by the short id. A remote shard would send documents (and feed
 * value streams) one by one, but it ships each hit's sort key inside its
 * answer: there the record itself is the sort key, which orders as the id
 * does since the id comes first. */
#ifndef SEEKD_DAEMON_HITS_H
#define SEEKD_DAEMON_HITS_H

#include "hitrec.h"
#include "xap/xap.h"

/* Sets opt's key and value slots so that each hit carries its record. */
void hits_want_records(xap_db *db, xap_search *opt);

/* Points r at the record a hit of such a search carries. */
void hits_record(const xap_hit *h, hitrec *r);

#endif
