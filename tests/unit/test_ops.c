/* Unit tests for the daemon's ops, called as handlers.c calls them but
 * without a daemon: a serve context and a reader over a small index that
 * the indexer's own code builds here (walk, update, builder), with a small
 * gazetteer. Each answer is the line the client would get, read back with
 * jansson. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "../../daemon/ops.h"
#include "../../indexer/update.h"
#include "entity/spelling.h"
#include "xap/prefix.h"

static const char gaz_text[] =
    "person\tEmomali Rahmon\tRakhmon|Эмомали Рахмон\n"
    "person\tAlexander Lukashenko\tLukashenko|Лукашенко\n"
    "place\tMinsk\tМинск\n"
    "place\tDushanbe\tДушанбе\n"
    "org\tCollective Security Treaty Organization\tCSTO|ОДКБ\n";

static char root[64], corpus[96], index_dir[96];
static gazetteer *gaz;
static serve_ctx ctx;

static void put(const char *rel, const char *text)
{
    char path[192];
    snprintf(path, sizeof path, "%s/%s", corpus, rel);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* One indexer run over the corpus, as seekd-index's first build does it
 * document by document, with the format mark the daemon checks. */
static void build_index(void)
{
    walk_list files = { 0 };
    size_t errors = 0;
    assert_int_equal(walk_corpus(corpus, &files, &errors), 0);
    sources reg = { 0 };
    size_t root_src[1] = { 0 };
    counts root_counts[1] = { { 0 } };
    assert_int_equal(sources_add(&reg, corpus), 0);
    update u = { .shard = -1, .files = &files, .reg = &reg, .root_src = root_src, .nroots = 1,
                 .root_counts = root_counts, .refused = calloc(files.n + 1, 1),
                 .skipped = calloc(files.n + 1, 1) };
    assert_non_null(u.refused);
    assert_non_null(u.skipped);
    assert_int_equal(xap_wdb_open(index_dir, XAP_CREATE, &u.w), SEEK_OK);
    assert_int_equal(xap_wdb_begin(u.w), SEEK_OK);
    u.b = builder_new(1, gaz, update_write, &u);
    assert_non_null(u.b);
    for (size_t i = 0; i < files.n; i++)
        assert_int_equal(update_file(&u, &files.files[i]), SEEK_OK);
    assert_int_equal(builder_finish(u.b), SEEK_OK);
    assert_int_equal(xap_wdb_set_metadata(u.w, META_FORMAT, INDEX_FORMAT), SEEK_OK);
    assert_int_equal(xap_wdb_commit(u.w), SEEK_OK);
    builder_free(u.b);
    xap_wdb_close(u.w);
    assert_int_equal(u.c.added, 3);
    update_fini(&u);
    sources_fini(&reg);
    walk_list_fini(&files);
}

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/seekd-ops-XXXXXX");
    if (!mkdtemp(root))
        return -1;
    snprintf(corpus, sizeof corpus, "%s/corpus", root);
    snprintf(index_dir, sizeof index_dir, "%s/index", root);
    char path[128], err[256];
    snprintf(path, sizeof path, "%s/gazetteer.tsv", root);
    FILE *f = fopen(path, "w");
    if (!f || fputs(gaz_text, f) < 0 || fclose(f) != 0)
        return -1;
    if (gaz_load(path, &gaz, err, sizeof err) != SEEK_OK || mkdir(corpus, 0700) < 0)
        return -1;
    put("minsk.txt", "Summit in Minsk\n"
                     "Emomali Rahmon met Alexander Lukashenko in Minsk on Thursday. "
                     "Rahmon and Lukashenko spoke of the CSTO.\n");
    put("dushanbe.txt", "Talks in Dushanbe\n"
                        "Emomali Rahmon received the CSTO secretary general in Dushanbe.\n");
    put("weather.txt", "Weather\nRain is expected over the mountains at the weekend.\n");
    build_index();
    return serve_ctx_init(&ctx, index_dir, gaz, 0) == SEEK_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    serve_ctx_fini(&ctx);
    gaz_free(gaz);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

/* Runs one request line through proto_parse and its op with this thread's
 * reader, as handlers.c does; returns the answer line parsed. */
static json_t *ask_with(serve_ctx *sc, const char *line)
{
    proto_request req;
    proto_error err = { 0 };
    assert_int_equal(proto_parse(line, strlen(line), &req, &err), 0);
    reader *rd = reader_self(sc);
    assert_non_null(rd);
    reader_request_begin(rd);
    jw out;
    proto_answer_open(&out);
    int rc;
    switch (req.op) {
    case PROTO_SEARCH: rc = op_search(rd, &req, &out, &err); break;
    case PROTO_ENTITY: rc = op_entity(rd, &req, &out, &err); break;
    case PROTO_ENTITIES: rc = op_entities(rd, &req, &out, &err); break;
    case PROTO_STATS: rc = op_stats(rd, &out, &err); break;
    case PROTO_HEALTH: rc = op_health(rd, &req, &out, &err); break;
    default: fail_msg("op not tested here: %s", line); return NULL;
    }
    size_t len;
    char *text;
    if (rc == 0) {
        text = proto_answer_close(&out, req.id, &len);
    } else {
        jw_fini(&out);
        text = proto_error_line(&err, req.id, &len);
    }
    proto_request_fini(&req);
    assert_non_null(text);
    assert_int_equal(text[len - 1], '\n');
    json_error_t je;
    json_t *answer = json_loadb(text, len, 0, &je);
    free(text);
    assert_non_null(answer);
    return answer;
}

static json_t *ask(const char *line)
{
    return ask_with(&ctx, line);
}

static const char *str_at(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    assert_non_null(s);
    return s;
}

/* The ids of a search answer's hits, comma-joined in rank order. */
static void hit_ids(json_t *answer, char *out, size_t cap)
{
    json_t *hits = json_object_get(answer, "hits");
    assert_true(json_is_array(hits));
    out[0] = '\0';
    size_t i;
    json_t *h;
    json_array_foreach(hits, i, h) {
        if (i)
            strncat(out, ",", cap - strlen(out) - 1);
        strncat(out, str_at(h, "id"), cap - strlen(out) - 1);
    }
}

static void test_search_hits(void **state)
{
    (void)state;
    json_t *a = ask("{\"op\":\"search\",\"q\":\"rahmon\",\"id\":7}");
    assert_true(json_is_true(json_object_get(a, "ok")));
    assert_int_equal(json_integer_value(json_object_get(a, "id")), 7);
    assert_int_equal(json_integer_value(json_object_get(a, "total")), 2);
    char ids[128];
    hit_ids(a, ids, sizeof ids);
    /* Both documents naming him, the one naming him twice first. */
    assert_string_equal(ids, "minsk,dushanbe");
    json_t *first = json_array_get(json_object_get(a, "hits"), 0);
    assert_string_equal(str_at(first, "title"), "Summit in Minsk");
    assert_non_null(strstr(str_at(first, "snippet"), "Rahmon"));
    /* The hit's entities come from the hit record the indexer wrote. */
    json_t *ents = json_object_get(first, "entities");
    int found = 0;
    size_t i;
    json_t *e;
    json_array_foreach(ents, i, e)
        if (!strcmp(str_at(e, "name"), "Alexander Lukashenko")) {
            assert_string_equal(str_at(e, "type"), "person");
            assert_int_equal(json_integer_value(json_object_get(e, "mentions")), 2);
            found = 1;
        }
    assert_true(found);
    json_decref(a);
}

static void test_search_filter_and_phrase(void **state)
{
    (void)state;
    json_t *a = ask("{\"op\":\"search\",\"q\":\"person:lukashenko\",\"snippets\":false}");
    char ids[128];
    hit_ids(a, ids, sizeof ids);
    assert_string_equal(ids, "minsk");
    json_decref(a);
    a = ask("{\"op\":\"search\",\"q\":\"\\\"expected over the mountains\\\"\",\"ids\":true}");
    assert_int_equal(json_integer_value(json_object_get(a, "total")), 1);
    assert_string_equal(json_string_value(json_array_get(json_object_get(a, "ids"), 0)), "weather");
    json_decref(a);
    a = ask("{\"op\":\"search\",\"q\":\"nowhere-to-be-found\"}");
    assert_true(json_is_true(json_object_get(a, "ok")));
    assert_int_equal(json_integer_value(json_object_get(a, "total")), 0);
    assert_int_equal(json_array_size(json_object_get(a, "hits")), 0);
    json_decref(a);
}

static void test_entity(void **state)
{
    (void)state;
    /* An alias of the gazetteer finds the entity under its canonical name. */
    json_t *a = ask("{\"op\":\"entity\",\"name\":\"Rakhmon\"}");
    assert_true(json_is_true(json_object_get(a, "found")));
    assert_string_equal(str_at(a, "type"), "person");
    assert_string_equal(str_at(a, "name"), "Emomali Rahmon");
    assert_int_equal(json_integer_value(json_object_get(a, "docs")), 2);
    json_t *docs = json_object_get(a, "documents");
    assert_int_equal(json_array_size(docs), 2);
    /* Lukashenko shares a document with him. */
    int with = 0;
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(a, "cooccurring"), i, c)
        with |= !strcmp(str_at(c, "name"), "Alexander Lukashenko")
                && json_integer_value(json_object_get(c, "count")) == 1;
    assert_true(with);
    json_decref(a);
    a = ask("{\"op\":\"entity\",\"name\":\"Nobody Known\"}");
    assert_true(json_is_true(json_object_get(a, "ok")));
    assert_true(json_is_false(json_object_get(a, "found")));
    assert_string_equal(str_at(a, "query"), "Nobody Known");
    json_decref(a);
}

static void test_entities(void **state)
{
    (void)state;
    json_t *a = ask("{\"op\":\"entities\",\"type\":\"place\"}");
    assert_int_equal(json_integer_value(json_object_get(a, "total")), 2);
    json_t *list = json_object_get(a, "entities");
    assert_int_equal(json_array_size(list), 2);
    /* Each place is in one document: ties go by name. */
    assert_string_equal(str_at(json_array_get(list, 0), "name"), "Dushanbe");
    assert_string_equal(str_at(json_array_get(list, 1), "name"), "Minsk");
    json_decref(a);
    /* A prefix matches the start of any word of a name. */
    a = ask("{\"op\":\"entities\",\"prefix\":\"luk\"}");
    list = json_object_get(a, "entities");
    assert_int_equal(json_array_size(list), 1);
    assert_string_equal(str_at(json_array_get(list, 0), "name"), "Alexander Lukashenko");
    assert_int_equal(json_integer_value(json_object_get(json_array_get(list, 0), "count")), 1);
    json_decref(a);
}

static void test_stats(void **state)
{
    (void)state;
    json_t *a = ask("{\"op\":\"stats\"}");
    assert_true(json_is_true(json_object_get(a, "ok")));
    assert_int_equal(json_integer_value(json_object_get(a, "docs")), 3);
    assert_string_equal(str_at(a, "index"), index_dir);
    assert_int_equal(json_integer_value(json_object_get(a, "gazetteer_entries")), 5);
    assert_true(json_is_object(json_object_get(a, "encodings")));
    json_decref(a);
}

static void test_errors(void **state)
{
    (void)state;
    /* A query error: its code from the one table, and where it is (the
     * range's end, before its start). */
    json_t *a = ask("{\"op\":\"search\",\"q\":\"rahmon date:2015..2010\",\"id\":\"q1\"}");
    assert_true(json_is_false(json_object_get(a, "ok")));
    assert_string_equal(str_at(a, "id"), "q1");
    json_t *e = json_object_get(a, "error");
    assert_string_equal(str_at(e, "code"), "bad_query");
    assert_int_equal(json_integer_value(json_object_get(e, "offset")), 18);
    json_decref(a);
    /* A context whose index is not there: every index op fails with
     * index_unavailable naming the path; health answers "unreadable". */
    char missing[128];
    snprintf(missing, sizeof missing, "%s/no-index", root);
    serve_ctx none;
    assert_int_equal(serve_ctx_init(&none, missing, gaz, 0), SEEK_OK);
    a = ask_with(&none, "{\"op\":\"search\",\"q\":\"rahmon\"}");
    e = json_object_get(a, "error");
    assert_string_equal(str_at(e, "code"), "index_unavailable");
    assert_non_null(strstr(str_at(e, "message"), missing));
    json_decref(a);
    a = ask_with(&none, "{\"op\":\"stats\"}");
    assert_string_equal(str_at(json_object_get(a, "error"), "code"), "index_unavailable");
    json_decref(a);
    a = ask_with(&none, "{\"op\":\"health\"}");
    assert_true(json_is_true(json_object_get(a, "ok")));
    assert_string_equal(str_at(a, "status"), "unreadable");
    json_decref(a);
    serve_ctx_fini(&none);
    /* The first context still answers after the other is gone. */
    a = ask("{\"op\":\"search\",\"q\":\"dushanbe\",\"ids\":true}");
    assert_int_equal(json_integer_value(json_object_get(a, "total")), 1);
    json_decref(a);
}

/* Adds document `id` holding the organization
 * under `key` (its term and facet slot) and, unless NULL, the spelling
 * term of `spelling`, as the indexer writes them. */
static void add_org(xap_wdb *w, const char *id, const char *key, const char *spelling)
{
    xap_doc *d;
    assert_int_equal(xap_doc_new(&d), SEEK_OK);
    char idterm[64], term[128], sp[SPELLING_TERM_MAX + 1];
    snprintf(idterm, sizeof idterm, "%s%s", PREFIX_ID, id);
    snprintf(term, sizeof term, "%s%s", PREFIX_ORG, key);
    assert_int_equal(xap_doc_add_boolean(d, idterm), SEEK_OK);
    assert_int_equal(xap_doc_add_term(d, term, 1), SEEK_OK);
    if (spelling) {
        assert_true(spelling_term(term, spelling, sp, sizeof sp) > 0);
        assert_int_equal(xap_doc_add_boolean(d, sp), SEEK_OK);
    }
    assert_int_equal(xap_doc_set_value(d, SLOT_ID, id, strlen(id)), SEEK_OK);
    assert_int_equal(xap_doc_set_value(d, SLOT_FACET_ORG, key, strlen(key)), SEEK_OK);
    assert_int_equal(xap_wdb_replace(w, idterm, d), SEEK_OK);
    xap_doc_free(d);
}

/* The name the entities op, an org facet and the entity card give the
 * organization under `key`. */
static void expect_shown(const char *key, const char *want)
{
    char line[256];
    snprintf(line, sizeof line, "{\"op\":\"entities\",\"type\":\"org\",\"prefix\":\"%s\"}", key);
    json_t *a = ask(line);
    json_t *list = json_object_get(a, "entities");
    assert_int_equal(json_array_size(list), 1);
    assert_string_equal(str_at(json_array_get(list, 0), "name"), want);
    json_decref(a);
    snprintf(line, sizeof line, "{\"op\":\"entity\",\"name\":\"%s\",\"type\":\"org\"}", key);
    a = ask(line);
    assert_string_equal(str_at(a, "name"), want);
    json_decref(a);
    /* "-word" alone: every document. */
    a = ask("{\"op\":\"search\",\"q\":\"-qqxjzz\",\"facets\":[\"org\"]}");
    int found = 0;
    size_t i;
    json_t *f;
    json_array_foreach(json_object_get(json_object_get(a, "facets"), "org"), i, f)
        found |= !strcmp(str_at(f, "name"), want);
    if (!found) {
        char *dump = json_dumps(a, 0);
        fail_msg("no org facet named %s: %s", want, dump);
    }
    json_decref(a);
}

static void test_shown_names(void **state)
{
    (void)state;
    xap_wdb *w;
    assert_int_equal(xap_wdb_open(index_dir, XAP_CREATE, &w), SEEK_OK);
    assert_int_equal(xap_wdb_begin(w), SEEK_OK);
    add_org(w, "s1", "acme widgets", "Acme Widgets");
    add_org(w, "s2", "acme widgets", "ACME  Widgets");
    add_org(w, "s3", "acme widgets", "ACME Widgets");
    add_org(w, "s4", "north bureau", NULL);
    add_org(w, "s5", "collective security treaty organization", "Организация Договора");
    assert_int_equal(xap_wdb_commit(w), SEEK_OK);
    /* The spelling most documents use; the key capitalized when none is
     * kept (an index written before they were); the gazetteer's name
     * whatever the documents spell. */
    expect_shown("acme widgets", "ACME Widgets");
    expect_shown("north bureau", "North Bureau");
    expect_shown("collective security treaty organization",
                 "Collective Security Treaty Organization");
    /* The documents' spellings go with them. */
    assert_int_equal(xap_wdb_begin(w), SEEK_OK);
    assert_int_equal(xap_wdb_delete(w, PREFIX_ID "s2"), SEEK_OK);
    assert_int_equal(xap_wdb_delete(w, PREFIX_ID "s3"), SEEK_OK);
    assert_int_equal(xap_wdb_commit(w), SEEK_OK);
    expect_shown("acme widgets", "Acme Widgets");
    assert_int_equal(xap_wdb_begin(w), SEEK_OK);
    for (const char *const *id = (const char *const[]){ "s1", "s4", "s5", NULL }; *id; id++) {
        char idterm[16];
        snprintf(idterm, sizeof idterm, "%s%s", PREFIX_ID, *id);
        assert_int_equal(xap_wdb_delete(w, idterm), SEEK_OK);
    }
    assert_int_equal(xap_wdb_commit(w), SEEK_OK);
    xap_wdb_close(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_search_hits),
        cmocka_unit_test(test_search_filter_and_phrase),
        cmocka_unit_test(test_entity),
        cmocka_unit_test(test_entities),
        cmocka_unit_test(test_stats),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_shown_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
