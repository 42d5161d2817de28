/* seekd-index --rebuild: a fresh index written beside a damaged one
 * (INDEX.rebuild) and swapped into its place, while the damaged one is held
 * locked so no other indexer writes it meanwhile. Also the note that makes
 * a rebuild possible when the index cannot be read: its folders, kept in a
 * small file beside the databases (REBUILD_NOTE), since the index's own
 * list (META_SOURCES) lives in the tables a damage may take. */
#ifndef SEEKD_INDEXER_REBUILD_H
#define SEEKD_INDEXER_REBUILD_H

#include <stddef.h>
#include "sources.h"

#define REBUILD_NOTE "seekd-sources.json"

/* Writes INDEX/REBUILD_NOTE (atomically) naming the folders of `reg` and the
 * date fallback. Returns 0, or -1 with errno. */
int rebuild_note_write(const char *index, const sources *reg, const char *date_fallback);

/* Reads the note: the folders (malloc'd array of malloc'd strings, *n of
 * them) and the date fallback ("mtime" or "none", into fallback). Returns
 * OK, or with the reason in err: NOT_FOUND (no note), INVALID (a note that
 * names no folders, or not as strings) or NOMEM. */
seek_status rebuild_note_read(const char *index, char ***folders, size_t *n, char *fallback,
                              size_t fallback_cap, char *err, size_t cap);

/* Takes the write lock of each database in `paths` the way Xapian's writer
 * does (a fcntl lock on its flintlock file), waiting up to `wait_seconds`
 * for another indexer. The locks go with the process, or rebuild_unlock.
 * Returns 0; 1 when another indexer holds one; -1 with errno. */
int rebuild_lock(char *const *paths, size_t n, double wait_seconds, int *fds);
void rebuild_unlock(int *fds, size_t n);

/* Puts the index at `fresh` in place of the one at `index` (exchanging the
 * two names in one step where the file system can) and removes the old one.
 * Returns OK (err then holds a warning when the old one could not be
 * removed, else is left alone), or IO with the reason in err. */
seek_status rebuild_swap(const char *index, const char *fresh, char *err, size_t cap);

/* Removes `path` and everything below it; a missing one is fine. Returns 0
 * or -1 with errno. */
int rebuild_remove(const char *path);

#endif
