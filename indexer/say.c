/* Messages about files (say.h). One fprintf per line, as stderr is
 * unbuffered and builder threads may speak too. */
#include "say.h"

#include <stdarg.h>
#include <stdio.h>

#include "text/visible.h"

static void say(const char *path, size_t line, const char *fmt, va_list ap)
{
    char shown[SAY_PATH_MAX], what[1024], at[32] = "";
    vsnprintf(what, sizeof what, fmt, ap);
    if (line)
        snprintf(at, sizeof at, ":%zu", line);
    fprintf(stderr, "seekd-index: %s%s: %s\n", text_shown(path, shown, sizeof shown), at, what);
}

void say_file(const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say(path, 0, fmt, ap);
    va_end(ap);
}

void say_line(const char *path, size_t line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say(path, line, fmt, ap);
    va_end(ap);
}
