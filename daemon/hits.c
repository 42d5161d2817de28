#include "hits.h"

#include "xap/prefix.h"

void hits_want_records(xap_db *db, xap_search *opt)
{
    static const int record[] = { SLOT_HIT };
    if (xap_db_remote(db)) {
        opt->key_slot = SLOT_HIT;
        opt->slots = NULL;
        opt->nslots = 0;
    } else {
        opt->key_slot = SLOT_ID;
        opt->slots = record;
        opt->nslots = 1;
    }
}

void hits_record(const xap_hit *h, hitrec *r)
{
    if (h->values)
        hitrec_parse(h->values[0], h->value_lens[0], r);
    else
        hitrec_parse(h->key, h->key_len, r);
}
