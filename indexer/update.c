/* Per-file updates. Change detection: size and mtime first (no read), then
 * a content hash, so a touched but identical file costs a read, not a
 * rewrite of its terms. Feeds are compared as a whole by size and mtime (kept
 * in the index's metadata), then article by article by hash. */
#include "update.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "document.h"
#include "feed.h"
#include "fnv.h"
#include "grow.h"
#include "html.h"
#include "idmap.h"
#include "say.h"
#include "shard.h"
#include "text/charset.h"
#include "text/decode.h"
#include "text/visible.h"
#include "xap/prefix.h"

#define MAX_ID_TERM 240   /* Xapian terms hold 245 bytes at most */

/* The largest file read: --max-file-size, or its default when unset (0). */
static long long max_bytes(const update *u)
{
    return u->max_bytes > 0 ? u->max_bytes : UPDATE_MAX_FILE_DEFAULT;
}

/* The bytes of the file at `path`, at most `max` of them (EFBIG beyond). */
static char *read_file(const char *path, long long max, size_t *len)
{
    /* O_NONBLOCK: a file swapped for a FIFO since the walk must not hang us. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return NULL;
    struct stat st;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size > max) {
        int e = errno;
        close(fd);
        errno = e;
        if (S_ISREG(st.st_mode) && st.st_size > max)
            errno = EFBIG;
        else if (!S_ISREG(st.st_mode))
            errno = EINVAL;
        return NULL;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            /* The file grew while we read it: take what is there now. */
            char *grown = cap < (size_t)max ? grow_to(buf, &cap, cap + 1, 1, 1) : NULL;
            if (!grown) {
                free(buf);
                buf = NULL;
                errno = EFBIG;
                break;
            }
            buf = grown;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            free(buf);
            buf = NULL;
            errno = e;
            break;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    *len = n;
    return buf;
}

static long long stored_number(xap_wdb *w, const char *idterm, int slot, int *found)
{
    char *v = NULL;
    seek_status st = xap_wdb_value(w, idterm, slot, &v);
    *found = st == SEEK_OK;
    long long n = v ? strtoll(v, NULL, 10) : -1;
    free(v);
    return n;
}

/* Why `id` cannot be a document's id, or NULL when it can. Ids travel in
 * JSON, which holds only UTF-8, and are printed: a control character in one
 * could act on a terminal or split `seek --ids` output. */
static const char *id_problem(const char *id)
{
    size_t n = strlen(id);
    if (text_utf8_prefix(id, n) != n)
        return "the id is not valid UTF-8";
    if (!text_is_visible(id, n))
        return "the id holds a control character";
    return NULL;
}

/* The id term of `id`, or 0 after counting the file as failed. `path` and
 * `line` (0 for a file) name where the id came from. */
static int id_term(update *u, const char *id, const char *path, size_t line, char *term,
                   size_t cap)
{
    size_t n = strlen(id);
    const char *why = snprintf(term, cap, "%s%s", PREFIX_ID, id) >= MAX_ID_TERM
                    ? "the id is too long" : id_problem(id);
    if (!why)
        return 1;
    char shown[SAY_PATH_MAX];
    if (line)
        say_line(path, line, "%s (%s); give the article another id; line skipped", why,
                 text_shown(id, shown, sizeof shown));
    else
        say_file(path, "%s%s; rename the file", why,
                 n + strlen(PREFIX_ID) >= MAX_ID_TERM ? " (at most 239 bytes)" : "");
    u->c.failed++;
    return 0;
}

/* Whether the document under `idterm` belongs in the database being written. */
static int ours(const update *u, const char *idterm)
{
    return u->shard < 0 || shard_of(idterm, u->nshards) == (unsigned)u->shard;
}

/* ---- Sources: an id belongs to the folder that gave it first ---- */

static void refuse(update *u, const char *where, const char *id, const char *other)
{
    fprintf(stderr, "seekd-index: %s: id '%s' is taken by %s, from another corpus folder; "
                    "skipped (rename one of them, or index each folder into an index "
                    "of its own)\n", where, id, other);
    u->c.failed++;
}

/* Whether file f (or its article `where`) may write the document under
 * `idterm`: no file of another folder gave that id earlier in this run, and
 * the index holds no document of another folder under it. A document of
 * no known folder (an older index's) is taken over. Names both files when
 * it may not. Returns 1, 0, or -1 when memory runs out. */
static int claim(update *u, const walk_file *f, const char *where, const char *idterm)
{
    char *v = NULL;
    const source *mine = &u->reg->v[u->root_src[f->source]];
    long other = -1;
    if (xap_wdb_value(u->w, idterm, SLOT_SOURCE, &v) == SEEK_OK && strlen(v) > SOURCES_KEY_LEN
        && v[SOURCES_KEY_LEN] == '\t' && strncmp(v, mine->key, SOURCES_KEY_LEN) != 0) {
        v[SOURCES_KEY_LEN] = '\0';
        other = sources_find(u->reg, NULL, v);
    }
    if (other >= 0) {
        char *file = NULL;
        int n = asprintf(&file, "%s/%s", u->reg->v[other].folder, v + SOURCES_KEY_LEN + 1);
        free(v);
        if (n < 0)
            return -1;
        refuse(u, where, idterm + strlen(PREFIX_ID), file);
        free(file);
        return 0;
    }
    free(v);
    const walk_file *files = u->files->files;
    unsigned me = (unsigned)(f - files), old;
    int had = idmap_put(&u->claimed, idterm, me, &old);
    if (had < 0)
        return -1;
    if (had && files[old].source != f->source) {
        /* The first file keeps the id. */
        if (idmap_put(&u->claimed, idterm, old, &me) < 0)
            return -1;
        refuse(u, where, idterm + strlen(PREFIX_ID), files[old].path);
        return 0;
    }
    return 1;
}

/* The source fields of a document of file f. */
static void source_of(const update *u, const walk_file *f, doc_meta *meta)
{
    meta->source = u->reg->v[u->root_src[f->source]].key;
    meta->file = f->path + f->rel;
}

typedef enum outcome { ADDED, UPDATED, SAME } outcome;

/* Has the document built and written unless the index holds the same
 * content already. */
static seek_status put_doc(update *u, const char *idterm, const doc_input *in,
                           const doc_meta *meta, outcome *out)
{
    char *h = NULL, hex[17];
    snprintf(hex, sizeof hex, "%016" PRIx64, meta->hash);
    int found = xap_wdb_value(u->w, idterm, SLOT_HASH, &h) == SEEK_OK;
    int same = found && !strcmp(h, hex);
    free(h);
    *out = !found ? ADDED : same ? SAME : UPDATED;
    if (same && !u->full && meta->mtime_ns < 0)
        return SEEK_OK;  /* a feed article: nothing of it changed */
    return builder_submit(u->b, idterm, in, meta);
}

seek_status update_write(const char *idterm, xap_doc *doc, void *ctx)
{
    update *u = ctx;
    if (u->bulk)
        return bulk_add(u->bulk, idterm, doc);
    seek_status st = xap_wdb_replace(u->w, idterm, doc);
    xap_doc_free(doc);
    return st;
}

static void count(update *u, outcome o)
{
    if (o == ADDED)
        u->c.added++;
    else if (o == UPDATED || u->full)
        u->c.updated++;
    else
        u->c.unchanged++;
}

/* ---- reading bytes as text ---- */

/* Counts a file that is not text and names it; what the index had of it
 * goes, as it would had the file been deleted. */
static seek_status skip_not_text(update *u, const walk_file *f, const char *why)
{
    say_file(f->path, "not text (%s); skipped", why);
    u->c.skipped++;
    u->skipped[f - u->files->files] = 1;
    return SEEK_OK;
}

/* "64 MiB", "1.5 GiB", "900 KiB", "12 bytes". */
static void size_words(long long n, char *out, size_t cap)
{
    static const char *const units[] = { "bytes", "KiB", "MiB", "GiB", "TiB" };
    double v = (double)n;
    size_t u = 0;
    while (v >= 1024 && u + 1 < sizeof units / sizeof *units) {
        v /= 1024;
        u++;
    }
    if (u == 0)
        snprintf(out, cap, "%lld bytes", n);
    else
        snprintf(out, cap, v == (double)(long long)v ? "%.0f %s" : "%.1f %s", v, units[u]);
}

static void say_encoding(const update *u, const char *path, size_t line, const char *name)
{
    if (!u->verbose)
        return;
    if (line)
        printf("%s:%zu: %s\n", path, line, name);
    else
        printf("%s: %s\n", path, name);
}

/* An HTML page's text: the charset it declares, unless a byte order mark,
 * UTF-16 or --encoding decides; a page declaring none is read by the rules
 * of charset.h. `c` holds the bytes as those rules read them; `name` gets
 * the encoding used. Returns 0, or -1 when the page cannot be parsed. */
static int html_text(const update *u, const char *bytes, size_t len, const charset_text *c,
                     char **text, size_t *tlen, char **title, int *day, size_t *article,
                     char *name, size_t cap)
{
    if (!u->encoding && !charset_unicode(bytes, len)) {
        char *declared = NULL;
        if (html_extract(bytes, len, NULL, text, tlen, title, day, &declared, article) == 0) {
            int has = declared != NULL;
            if (has && !charset_known(declared, name, cap))
                snprintf(name, cap, "%s", declared);
            free(declared);
            if (has || !strcmp(c->name, "UTF-8"))
                return 0;
            free(*text);
            free(*title);
        }
    }
    snprintf(name, cap, "%s", c->name);
    return html_extract(c->text, c->len, "UTF-8", text, tlen, title, day, NULL, article);
}

/* ---- .txt and .html: one document per file ---- */

static seek_status update_page(update *u, const walk_file *f)
{
    char idterm[512];
    if (!id_term(u, f->id, f->path, 0, idterm, sizeof idterm) || !ours(u, idterm))
        return SEEK_OK;
    int mine = claim(u, f, f->path, idterm);
    if (mine <= 0) {
        u->refused[f - u->files->files] = 1;
        return mine < 0 ? SEEK_NOMEM : SEEK_OK;
    }
    if (!u->full) {
        int found;
        long long size = stored_number(u->w, idterm, SLOT_SIZE, &found);
        long long mtime = found ? stored_number(u->w, idterm, SLOT_MTIME, &found) : -1;
        if (found && size == (long long)f->size && mtime == f->mtime_ns) {
            u->c.unchanged++;
            return SEEK_OK;
        }
    }
    size_t len;
    char *bytes = read_file(f->path, max_bytes(u), &len);
    if (!bytes) {
        say_file(f->path, "%s", strerror(errno));
        u->c.failed++;
        return SEEK_OK;
    }
    doc_meta meta = { f->id, (long long)len, f->mtime_ns, fnv1a64(bytes, len), u->date_from_mtime,
                      NULL, NULL };
    source_of(u, f, &meta);
    doc_input in = { 0 };
    char *text = NULL, *title = NULL, name[CHARSET_NAME_MAX];
    size_t tlen = 0;
    charset_text c;
    seek_status st = charset_read(bytes, len, u->encoding, &c);
    if (st != SEEK_OK || c.not_text) {
        free(bytes);
        return st != SEEK_OK ? st : skip_not_text(u, f, c.not_text);
    }
    if (f->kind == WALK_HTML) {
        int rc = html_text(u, bytes, len, &c, &text, &tlen, &title, &in.meta_day, &in.top, name,
                           sizeof name);
        charset_text_fini(&c);
        if (rc < 0) {
            say_file(f->path, "cannot read it as HTML");
            u->c.failed++;
            free(bytes);
            return SEEK_OK;
        }
        in.title = *title ? title : NULL;
    } else {
        text = c.text;
        tlen = c.len;
        snprintf(name, sizeof name, "%s", c.name);
    }
    free(bytes);
    say_encoding(u, f->path, 0, name);
    in.text = text;
    in.len = tlen;
    in.encoding = name;
    /* A touched but identical file is rewritten all the same, to store its
     * new mtime so the next run can skip it unread. */
    outcome o;
    st = put_doc(u, idterm, &in, &meta, &o);
    free(text);
    free(title);
    if (st == SEEK_OK)
        count(u, o);
    return st;
}

/* ---- .jsonl: one document per article ---- */

typedef struct feed_ctx {
    update *u;
    const walk_file *f;
    const char *encoding;    /* the feed's: lines read on their own say theirs */
    seek_status st;
    idmap ids;               /* the feed's article ids so far, with their lines */
} feed_ctx;

static void bad_line(size_t line, const char *why, void *ctx)
{
    feed_ctx *fc = ctx;
    say_line(fc->f->path, line, "%s; line skipped", why);
    fc->u->c.failed++;
}

static int one_article(const feed_article *a, void *ctx)
{
    feed_ctx *fc = ctx;
    update *u = fc->u;
    /* Articles live under their feed: feed id / article id. */
    char *id = NULL, idterm[512];
    if (asprintf(&id, "%s/%s", fc->f->id, a->id) < 0) {
        fc->st = SEEK_NOMEM;
        return 1;
    }
    if (!id_term(u, id, fc->f->path, a->line, idterm, sizeof idterm)) {
        free(id);
        return 0;
    }
    /* A repeated id: the later article replaces the earlier one, which
     * the counts already hold once. */
    unsigned earlier;
    int again = idmap_put(&fc->ids, idterm, (unsigned)a->line, &earlier);
    if (again < 0) {
        free(id);
        fc->st = SEEK_NOMEM;
        return 1;
    }
    if (again) {
        say_line(fc->f->path, a->line, "repeats the article id of line %u; the later one is "
                 "indexed", earlier);
        u->c.failed++;
    }
    if (!ours(u, idterm)) {
        free(id);
        return 0;
    }
    char place[4200];
    snprintf(place, sizeof place, "%s:%zu", fc->f->path, a->line);
    int mine = claim(u, fc->f, place, idterm);
    if (mine <= 0) {
        free(id);
        fc->st = mine < 0 ? SEEK_NOMEM : SEEK_OK;
        return mine < 0;
    }
    /* JSON strings may hold NUL and other control characters (\u0000): as
     * spaces, like a text file's. */
    char *text = strndup(a->text, a->text_len);
    char *title = a->title ? strdup(a->title) : NULL;
    if (!text || (a->title && !title)
        || (!again && strv_push(&u->articles, &u->narticles, &u->articles_cap, id) < 0)) {
        free(text);
        free(title);
        free(id);
        fc->st = SEEK_NOMEM;
        return 1;
    }
    for (size_t i = 0; i < a->text_len; i++)
        if (!text[i])
            text[i] = ' ';
    size_t tlen = a->text_len, title_len = title ? strlen(title) : 0;
    charset_clean(text, &tlen);
    if (title)
        charset_clean(title, &title_len);
    if (a->encoding)
        say_encoding(u, fc->f->path, a->line, a->encoding);
    /* mtime -1: an article has no mtime of its own; its feed's is kept in the
     * metadata, and the hash alone tells a changed article. */
    doc_meta meta = { id, (long long)a->text_len, -1, fnv1a64(a->text, a->text_len), 0, NULL, NULL };
    source_of(u, fc->f, &meta);
    doc_input in = { .text = text, .len = tlen, .title = title, .url = a->url,
                     .feed_day = a->day, .encoding = a->encoding ? a->encoding : fc->encoding };
    outcome o;
    fc->st = put_doc(u, idterm, &in, &meta, &o);
    free(text);
    free(title);
    free(id);
    if (fc->st != SEEK_OK)
        return 1;
    if (!again)
        count(u, o);
    return 0;
}

static int add_feed_record(update *u, const char *line, size_t len)
{
    char *p = grow_to(u->new_feeds, &u->new_cap, u->new_len + len + 1, 1, 1024);
    if (!p)
        return -1;
    u->new_feeds = p;
    memcpy(p + u->new_len, line, len + 1);
    u->new_len += len;
    return 0;
}

/* Counts an unchanged feed's articles as unchanged documents, as a changed
 * feed's are counted, rather than the feed as one file. */
static seek_status count_articles(update *u, const walk_file *f)
{
    char *prefix = NULL, **terms = NULL;
    size_t n = 0;
    if (asprintf(&prefix, "%s%s/", PREFIX_ID, f->id) < 0)
        return SEEK_NOMEM;
    seek_status st = xap_wdb_terms(u->w, prefix, &terms, &n);
    free(prefix);
    if (st == SEEK_OK)
        u->c.unchanged += n;
    xap_strv_free(terms, n);
    return st;
}

static seek_status update_feed(update *u, const walk_file *f)
{
    const char *why = id_problem(f->id);
    if (why) {
        /* Failed, so its articles stay (update_file), as a page's do. */
        say_file(f->path, "%s; rename the file", why);
        u->c.failed++;
        return walk_keep(u->files, f->source, f->id) < 0 ? SEEK_NOMEM : SEEK_OK;
    }
    char record[600];
    int n = snprintf(record, sizeof record, "%lld %lld %s %s\n", (long long)f->size, f->mtime_ns,
                     u->reg->v[u->root_src[f->source]].key, f->id);
    if (n < 0 || (size_t)n >= sizeof record) {
        say_file(f->path, "the id is too long; rename the file");
        u->c.failed++;
        return walk_keep(u->files, f->source, f->id) < 0 ? SEEK_NOMEM : SEEK_OK;
    }
    /* The same size and mtime as last time: keep its articles unread. */
    if (!u->full && u->old_feeds) {
        for (const char *l = u->old_feeds; *l;) {
            const char *e = strchr(l, '\n');
            size_t ll = e ? (size_t)(e - l) + 1 : strlen(l);
            if (ll == (size_t)n && !memcmp(l, record, ll)) {
                seek_status st = count_articles(u, f);
                if (st != SEEK_OK)
                    return st;
                if (add_feed_record(u, record, (size_t)n) < 0 || walk_keep(u->files, f->source, f->id) < 0)
                    return SEEK_NOMEM;
                return SEEK_OK;
            }
            l += ll;
        }
    }
    size_t len;
    char *bytes = read_file(f->path, max_bytes(u), &len);
    if (!bytes) {
        /* No record for it: the next run tries again. */
        say_file(f->path, "%s", strerror(errno));
        u->c.failed++;
        return walk_keep(u->files, f->source, f->id) < 0 ? SEEK_NOMEM : SEEK_OK;
    }
    /* A feed in UTF-16 or UTF-32, or read as --encoding says, is decoded
     * whole; otherwise line by line (feed.h). */
    charset_text c = { .name = "UTF-8" };
    seek_status st = SEEK_OK;
    const char *unicode = charset_unicode(bytes, len);
    size_t bom = 0;
    /* A UTF-8 byte order mark is dropped; the lines still go one by one. */
    if (!u->encoding && unicode && !strcmp(unicode, "UTF-8"))
        bom = 3;
    else if (u->encoding || unicode)
        st = charset_read(bytes, len, u->encoding, &c);
    else if (memchr(bytes, '\0', len))
        c.not_text = "NUL bytes";
    if (st != SEEK_OK || c.not_text) {
        free(bytes);
        return st != SEEK_OK ? st : skip_not_text(u, f, c.not_text);
    }
    if (c.text) {
        free(bytes);
        bytes = c.text;
        len = c.len;
    }
    say_encoding(u, f->path, 0, c.name);
    if (add_feed_record(u, record, (size_t)n) < 0) {
        free(bytes);
        return SEEK_NOMEM;
    }
    feed_ctx fc = { u, f, c.name, SEEK_OK, { 0 } };
    feed_each(bytes + bom, len - bom, one_article, bad_line, &fc);
    idmap_fini(&fc.ids);
    free(bytes);
    return fc.st;
}

seek_status update_file(update *u, const walk_file *f)
{
    if (f->size > max_bytes(u)) {
        char size[32], max[32];
        size_words((long long)f->size, size, sizeof size);
        size_words(max_bytes(u), max, sizeof max);
        say_file(f->path, "%s, more than --max-file-size (%s); skipped", size, max);
        u->c.skipped++;
        u->skipped[f - u->files->files] = 1;
        return walk_keep(u->files, f->source, f->id) < 0 ? SEEK_NOMEM : SEEK_OK;
    }
    return f->kind == WALK_FEED ? update_feed(u, f) : update_page(u, f);
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char **update_seen_ids(const update *u, size_t *n)
{
    const walk_list *files = u->files;
    char **seen = malloc((files->n + u->narticles + 1) * sizeof *seen);
    if (!seen)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < files->n; i++)
        if (files->files[i].kind != WALK_FEED && !u->refused[i] && !u->skipped[i])
            seen[k++] = files->files[i].id;
    for (size_t i = 0; i < u->narticles; i++)
        seen[k++] = u->articles[i];
    qsort(seen, k, sizeof *seen, by_string);
    *n = k;
    return seen;
}

static int unseen(char **seen, size_t nseen, const char *id)
{
    return !bsearch(&id, seen, nseen, sizeof *seen, by_string);
}

/* Deletes the document(s) under idterm, counting what was there: a
 * document is counted as removed only if it was. */
static seek_status remove_one(update *u, const char *idterm, size_t r)
{
    size_t n = 0;
    seek_status st = xap_wdb_delete_counted(u->w, idterm, &n);
    u->c.removed += n;
    if (r < u->nroots)
        u->root_counts[r].removed += n;
    return st;
}

seek_status update_remove_missing(update *u, char **seen, size_t nseen)
{
    seek_status st = SEEK_OK;
    size_t plen = strlen(PREFIX_ID);
    if (u->legacy) {
        char **terms;
        size_t n;
        if ((st = xap_wdb_terms(u->w, PREFIX_ID, &terms, &n)) != SEEK_OK)
            return st;
        for (size_t i = 0; i < n && st == SEEK_OK; i++) {
            const char *id = terms[i] + plen;
            /* Whose it was is unknown; with one folder, surely its. */
            if (unseen(seen, nseen, id) && !walk_kept(u->files, WALK_ANY_SOURCE, id))
                st = remove_one(u, terms[i], u->nroots == 1 ? 0 : u->nroots);
        }
        xap_strv_free(terms, n);
        return st;
    }
    for (size_t r = 0; r < u->nroots && st == SEEK_OK; r++) {
        char term[64], **ids;
        size_t n;
        snprintf(term, sizeof term, "%s%s", PREFIX_SOURCE, u->reg->v[u->root_src[r]].key);
        if ((st = xap_wdb_term_values(u->w, term, SLOT_ID, &ids, &n)) != SEEK_OK)
            return st;
        for (size_t i = 0; i < n && st == SEEK_OK; i++) {
            /* A document without an id names no file, so none can have
             * vanished; nor can it be reached by an id term. */
            if (!*ids[i] || !unseen(seen, nseen, ids[i]) || walk_kept(u->files, (unsigned)r, ids[i]))
                continue;
            char *idterm = NULL;
            if (asprintf(&idterm, "%s%s", PREFIX_ID, ids[i]) < 0) {
                st = SEEK_NOMEM;
                break;
            }
            st = remove_one(u, idterm, r);
            free(idterm);
        }
        xap_strv_free(ids, n);
    }
    return st;
}

void update_fini(update *u)
{
    free(u->skipped);
    for (size_t i = 0; i < u->narticles; i++)
        free(u->articles[i]);
    free(u->articles);
    free(u->old_feeds);
    free(u->new_feeds);
    idmap_fini(&u->claimed);
    free(u->refused);
}
