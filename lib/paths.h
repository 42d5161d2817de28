/* Default locations shared by seekd-index, seekd and seek, so the three find
 * each other with no flags. Flags override these; so do SEEKD_INDEX and
 * SEEKD_SOCKET. */
#ifndef SEEKD_PATHS_H
#define SEEKD_PATHS_H

#include <stddef.h>

/* The index folder: $SEEKD_INDEX, else $XDG_DATA_HOME/seekd/index, else
 * ~/.local/share/seekd/index. Writes it to buf; returns 0, or -1 if it does
 * not fit. */
int paths_index(char *buf, size_t cap);

/* The socket: $SEEKD_SOCKET, else $XDG_RUNTIME_DIR/seekd.sock, else
 * /tmp/seekd-UID/seekd.sock. Writes it to buf; returns 0, or -1 if it does
 * not fit. */
int paths_socket(char *buf, size_t cap);

/* The gazetteer: $SEEKD_GAZETTEER, else data/gazetteer.tsv beside the
 * program's folder (a build tree: bin/../data), else the installed copy under
 * SEEKD_DATADIR. Writes it to buf; returns 0, or -1 if it does not fit. */
int paths_gazetteer(char *buf, size_t cap);

/* Creates every missing folder above `path` (not `path` itself) with `mode`.
 * Returns 0, or -1 with errno set. */
int paths_make_parents(const char *path, unsigned mode);

#endif
