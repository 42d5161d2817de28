/* JSONL parsing with jansson, line by line, so one broken line costs only
 * itself. Dates take the forms feeds use: ISO 8601 (2017-11-30, with or
 * without a time and zone), RFC 2822 as in RSS, or a written date. */
#include "feed.h"

#include <stdio.h>
#include <string.h>
#include <jansson.h>

#include "entity/docdate.h"
#include "text/charset.h"
#include "text/decode.h"

/* "2017-11-30", "2017-11-30T10:00:00Z", "Thu, 30 Nov 2017 10:00:00 +0000"
 * -> 20171130; 0 if absent or empty, -1 if not a date. */
static int parse_day(const json_t *v)
{
    if (!v || json_is_null(v))
        return 0;
    const char *s = json_string_value(v);
    if (s && !*s)
        return 0;
    int day = s ? docdate_value(s, json_string_length(v)) : 0;
    return day ? day : -1;
}

static const char *optional_string(const json_t *o, const char *key, int *bad)
{
    const json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_string(v))
        *bad = 1;
    return json_string_value(v);
}

int feed_each(const char *bytes, size_t len, feed_fn fn, feed_bad_fn bad, void *ctx)
{
    size_t lineno = 0;
    for (size_t at = 0; at < len;) {
        const char *nl = memchr(bytes + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - bytes) : len;
        lineno++;
        size_t a = at;
        at = nl ? end + 1 : len;
        while (a < end && (bytes[a] == ' ' || bytes[a] == '\t' || bytes[a] == '\r'))
            a++;
        if (a == end)
            continue;  /* blank lines separate nothing */
        /* JSON is UTF-8: a line in another encoding is decoded first. */
        charset_text dec = { 0 };
        const char *line = bytes + a;
        size_t n = end - a;
        if (text_utf8_prefix(line, n) != n) {
            if (charset_read(line, n, NULL, &dec) != SEEK_OK) {
                bad(lineno, "out of memory", ctx);
                continue;
            }
            if (dec.not_text) {
                bad(lineno, "not text", ctx);
                continue;
            }
            line = dec.text;
            n = dec.len;
        }
        json_error_t jerr;
        json_t *o = json_loadb(line, n, JSON_REJECT_DUPLICATES, &jerr);
        charset_text_fini(&dec);
        char why[200];
        if (!o) {
            snprintf(why, sizeof why, "not valid JSON: %s", jerr.text);
            bad(lineno, why, ctx);
            continue;
        }
        int wrong = 0;
        feed_article art = { .line = lineno, .encoding = *dec.name ? dec.name : NULL };
        art.id = optional_string(o, "id", &wrong);
        art.title = optional_string(o, "title", &wrong);
        art.url = optional_string(o, "url", &wrong);
        const json_t *text = json_object_get(o, "text");
        art.day = parse_day(json_object_get(o, "date"));
        if (!json_is_object(o))
            bad(lineno, "not a JSON object", ctx);
        else if (wrong)
            bad(lineno, "id, title and url must be strings", ctx);
        else if (!art.id || !*art.id)
            bad(lineno, "no \"id\"", ctx);
        else if (!json_is_string(text))
            bad(lineno, "no \"text\" string", ctx);
        else if (art.day < 0)
            bad(lineno, "\"date\" must be a date such as 2017-11-30 (a time may follow)", ctx);
        else {
            art.text = json_string_value(text);
            art.text_len = json_string_length(text);
            int rc = fn(&art, ctx);
            if (rc) {
                json_decref(o);
                return rc;
            }
        }
        json_decref(o);
    }
    return 0;
}
