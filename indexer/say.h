/* The indexer's messages about one file: "seekd-index: PATH: what\n" on
 * stderr, the path shown as text_shown makes it (control characters
 * escaped, a deep path cut in its middle), so a file name can neither act
 * on the terminal nor make a line thousands of characters long. */
#ifndef SEEKD_INDEXER_SAY_H
#define SEEKD_INDEXER_SAY_H

#include <stddef.h>

#define SAY_PATH_MAX 161   /* bytes of a shown path, with its NUL */

/* "seekd-index: PATH: MESSAGE" */
void say_file(const char *path, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "seekd-index: PATH:LINE: MESSAGE", for a line of a feed */
void say_line(const char *path, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
