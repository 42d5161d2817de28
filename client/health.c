/* Plain lines, no colour: these are read by scripts and mail as often as
 * by people. Folder names and the daemon's messages may hold any byte a
 * file name can, so they are written escaped (text/visible.h). */
#include "health.h"

#include <string.h>

#include "proto/answer.h"
#include "text/visible.h"

static long long num(const json_t *o, const char *key)
{
    return (long long)json_integer_value(json_object_get(o, key));
}

static void run_counts(FILE *f, const json_t *run)
{
    fprintf(f, "%lld added, %lld updated, %lld removed, %lld unchanged, %lld failed",
            num(run, "added"), num(run, "updated"), num(run, "removed"), num(run, "unchanged"),
            num(run, "failed"));
}

int health_verdict(const json_t *answer)
{
    const char *status = json_string_value(json_object_get(answer, PROTO_A_STATUS));
    if (status && !strcmp(status, "healthy"))
        return HEALTH_OK;
    return status && !strcmp(status, "degraded") ? HEALTH_DEGRADED : HEALTH_UNREADABLE;
}

void render_health(FILE *f, const json_t *answer)
{
    const char *status = json_string_value(json_object_get(answer, PROTO_A_STATUS));
    if (!status || !strcmp(status, "unreadable")) {
        const char *why = json_string_value(json_object_get(json_object_get(answer, PROTO_A_ERROR),
                                                            PROTO_A_MESSAGE));
        fputs("unreadable: ", f);
        text_fputs_visible(f, why ? why : "the daemon gave no status");
        fputc('\n', f);
        return;
    }
    text_fputs_visible(f, status);
    fprintf(f, ": %lld documents, revision %lld", num(answer, "docs"), num(answer, "revision"));
    const char *when = json_string_value(json_object_get(answer, PROTO_A_LAST_COMMIT));
    const json_t *age = json_object_get(answer, PROTO_A_AGE_SECONDS);
    if (when && *when) {
        fputs(", last commit ", f);
        text_fputs_visible(f, when);
    }
    if (json_is_number(age))
        fprintf(f, " (%.0f s ago)", json_number_value(age));
    const json_t *run = json_object_get(answer, PROTO_A_LAST_RUN);
    if (json_is_object(run)) {
        fputs("; last run: ", f);
        run_counts(f, run);
    }
    fputc('\n', f);
    size_t i;
    const json_t *p;
    json_array_foreach(json_object_get(answer, PROTO_A_PROBLEMS), i, p) {
        fputs("  ", f);
        text_fputs_visible(f, json_string_value(p));
        fputc('\n', f);
    }
}

void render_sources(FILE *f, const json_t *answer)
{
    const json_t *list = json_object_get(answer, PROTO_A_SOURCES);
    if (!json_array_size(list))
        return;
    fputs("sources\n", f);
    size_t i;
    const json_t *s;
    json_array_foreach(list, i, s) {
        const char *when = json_string_value(json_object_get(s, PROTO_A_LAST_INDEXED));
        fputs("  ", f);
        text_fputs_visible(f, json_string_value(json_object_get(s, PROTO_A_FOLDER)));
        fprintf(f, ": %lld document%s", num(s, "docs"), num(s, "docs") == 1 ? "" : "s");
        const json_t *run = json_object_get(s, PROTO_A_LAST_RUN);
        if (when && json_is_object(run)) {
            fputs(", last run ", f);
            text_fputs_visible(f, when);
            fputs(" (", f);
            run_counts(f, run);
            fputc(')', f);
        }
        fputc('\n', f);
    }
}
