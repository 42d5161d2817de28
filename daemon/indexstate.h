/* Whether the index can be read, as the serving threads last found it:
 * one state shared by all threads, so a damaged index is logged once when
 * it becomes unreadable and once when it is readable again, not once per
 * query; and what the daemon can tell of an index with no documents yet
 * (a first build running, or one that was interrupted). */
#ifndef SEEKD_DAEMON_INDEXSTATE_H
#define SEEKD_DAEMON_INDEXSTATE_H

#include <stddef.h>
#include <stdint.h>
#include "status.h"

/* Notes what opening or reading the index at `index_path` gave: OK, or a
 * status saying it cannot be read (NOT_FOUND, STALE, UNBUILT, IO, NETWORK,
 * XAPIAN); others (a bad query, no memory) say nothing of the index and are
 * ignored. UNBUILT counts as two states, a build under way and one that
 * was interrupted; after IO, OK counts only once the index on disk changed
 * (istate_damaged). Logs the change when the state differs from the last one noted;
 * `message` (may be NULL for OK) is called only then, to describe it.
 * While the index counts as damaged, or has no documents, the disk is
 * looked at again at most once per ISTATE_RECHECK_MS (of all threads), so
 * a repair is told up to that much later. */
typedef const char *(*istate_message_fn)(void *ctx);
void istate_note(seek_status st, const char *index_path, istate_message_fn message, void *ctx);

#define ISTATE_RECHECK_MS 50

/* istate_note at `now_ms`, a monotonic clock in milliseconds (the same for
 * every call): istate_note uses CLOCK_MONOTONIC_COARSE. */
void istate_note_at(seek_status st, const char *index_path, uint64_t now_ms,
                    istate_message_fn message, void *ctx);

/* Nonzero while the index counts as damaged: a read failed (IO) and the
 * index on disk is still the one it failed on, even if it opens again.
 * Copies the reason into why. */
int istate_damaged(char *why, size_t cap);

/* Nonzero when a seekd-index holds the lock of the database at `index_path`. */
int istate_writer_active(const char *index_path);

/* The sentence for an index with no documents and no format mark: a first
 * build under way, or one that was stopped before it finished. */
void istate_unbuilt_message(const char *index_path, char *out, size_t cap);

#endif
