/* Test helper: holds the write lock of an index until its standard input
 * closes, so tests can watch a second indexer meet a busy index. */
#include <stdio.h>

#include "xap/xap.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: hold_lock INDEX\n");
        return 2;
    }
    xap_wdb *w;
    if (xap_wdb_open(argv[1], XAP_CREATE, &w) != SEEK_OK) {
        fprintf(stderr, "hold_lock: %s\n", xap_errmsg());
        return 1;
    }
    puts("locked");
    fflush(stdout);
    while (getchar() != EOF)
        ;
    xap_wdb_close(w);
    return 0;
}
