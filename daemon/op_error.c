/* How every op answers a failed status: the code from the protocol's one
 * table (proto_status_code), the sentence from here. The switch has no
 * default so that a new status gets a sentence as well as a code. */
#include "indexstate.h"
#include "ops.h"

int op_error(const reader *rd, seek_status st, proto_error *err)
{
    const char *code = proto_status_code(st), *path = rd ? rd->ctx->index_path : "";
    switch (st) {
    case SEEK_BAD_QUERY:
        return proto_fail(err, code, -1, "%s", xap_errmsg());
    case SEEK_NOT_FOUND:
        return proto_fail(err, code, -1, "no index at %s yet: build it with seekd-index", path);
    case SEEK_STALE:
        return proto_fail(err, code, -1, "the index at %s was written by another version of "
                          "seekd-index: run seekd-index to update it", path);
    case SEEK_UNBUILT:
        istate_unbuilt_message(path, err->message, sizeof err->message);
        err->code = code;
        err->offset = -1;
        return -1;
    case SEEK_IO:
        return proto_fail(err, code, -1, "cannot read the index at %s: %s; repair it with "
                          "seekd-index --rebuild --index %s", path, xap_errmsg(), path);
    case SEEK_LOCKED:
    case SEEK_MODIFIED:
        return proto_fail(err, code, -1, "cannot read the index at %s: %s", path, xap_errmsg());
    case SEEK_NETWORK:
        return proto_fail(err, code, -1, "a shard of the index at %s is unreachable: %s", path,
                          xap_errmsg());
    case SEEK_NOMEM:
        return proto_fail(err, code, -1, "out of memory");
    case SEEK_OK:
    case SEEK_INVALID:
    case SEEK_XAPIAN:
    case SEEK_INTERNAL:
        return proto_fail(err, code, -1, "a bug in seekd (%s): %s", status_code(st), xap_errmsg());
    }
    return proto_fail(err, code, -1, "a bug in seekd (status %d)", (int)st);
}
