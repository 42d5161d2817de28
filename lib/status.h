/* seekd status codes: one value per cause of failure, shared by every layer.
 * Numbers are internal. status_code() names a status in logs and messages;
 * the protocol's error codes are another vocabulary, chosen for clients, and
 * proto_status_code() (lib/proto/proto.h) is the one table between the two. */
#ifndef SEEKD_STATUS_H
#define SEEKD_STATUS_H

typedef enum seek_status {
    SEEK_OK = 0,
    SEEK_NOMEM,       /* an allocation failed */
    SEEK_INVALID,     /* the caller passed something malformed */
    SEEK_BAD_QUERY,   /* the query text does not parse */
    SEEK_NOT_FOUND,   /* no such document, file or database */
    SEEK_IO,          /* reading or writing the index or a file failed */
    SEEK_LOCKED,      /* another writer holds the index lock */
    SEEK_MODIFIED,    /* the index changed under a reader: reopen and retry */
    SEEK_NETWORK,     /* a remote shard is unreachable or broke the connection */
    SEEK_STALE,       /* the index was written by another version of the indexer */
    SEEK_UNBUILT,     /* the index has no documents yet: its first build is running or
                         was interrupted */
    SEEK_XAPIAN,      /* any other Xapian error */
    SEEK_INTERNAL     /* a bug: an exception nobody expected */
} seek_status;

/* A stable lower-case word for the status, for logs and messages. */
const char *status_code(seek_status st);

#endif
