/* Words for status codes. The switch has no default so that -Wswitch flags
 * a status added to the enum without a word here. */
#include "status.h"

const char *status_code(seek_status st)
{
    switch (st) {
    case SEEK_OK: return "ok";
    case SEEK_NOMEM: return "no_memory";
    case SEEK_INVALID: return "invalid";
    case SEEK_BAD_QUERY: return "bad_query";
    case SEEK_NOT_FOUND: return "not_found";
    case SEEK_IO: return "io_error";
    case SEEK_LOCKED: return "index_locked";
    case SEEK_MODIFIED: return "index_modified";
    case SEEK_NETWORK: return "shard_unavailable";
    case SEEK_STALE: return "index_stale";
    case SEEK_UNBUILT: return "index_unbuilt";
    case SEEK_XAPIAN: return "xapian_error";
    case SEEK_INTERNAL: return "internal";
    }
    return "internal";
}
