/* One fprintf per line: stderr is unbuffered, so lines from the serving
 * threads do not interleave. */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

void log_event(const char *event, const char *fmt, ...)
{
    char rest[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rest, sizeof rest, fmt, ap);
    va_end(ap);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    gmtime_r(&ts.tv_sec, &tm);
    char when[32];
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm);
    fprintf(stderr, "%s.%03ldZ seekd %s %s\n", when, ts.tv_nsec / 1000000, event, rest);
}
