/* The one table from a status to the protocol's error code. The switch has
 * no default so that -Wswitch flags a status added to the enum and not
 * given a code here. */
#include "proto/proto.h"

const char *proto_status_code(seek_status st)
{
    switch (st) {
    case SEEK_BAD_QUERY: return PROTO_E_BAD_QUERY;
    case SEEK_NOT_FOUND:   /* no index yet */
    case SEEK_IO:
    case SEEK_LOCKED:
    case SEEK_MODIFIED:    /* still changing after every retry */
    case SEEK_STALE:
    case SEEK_UNBUILT: return PROTO_E_NO_INDEX;
    case SEEK_NETWORK: return PROTO_E_SHARD;
    /* A failure reported as success, a malformed argument, a Xapian error
     * nobody expected, memory: none is the client's or the index's doing. */
    case SEEK_OK:
    case SEEK_NOMEM:
    case SEEK_INVALID:
    case SEEK_XAPIAN:
    case SEEK_INTERNAL: return PROTO_E_INTERNAL;
    }
    return PROTO_E_INTERNAL;
}
