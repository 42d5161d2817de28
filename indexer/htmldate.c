/* Metadata dates, read from the parsed page in one walk: each kind of
 * source keeps the first value it can read, and the surest kind wins. */
#include "htmldate.h"

#include <string.h>
#include <strings.h>
#include <jansson.h>

#include "entity/docdate.h"

/* <meta> names and properties of a published date, surest first. */
static const char *const meta_keys[] = {
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date",
    "published_time", "published-date", "published_date", "publication_date",
    "publication-date", "date_published", "date.published", "pub_date", "dc.date.issued",
    "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created",
    "citation_publication_date", "citation_date", "citation_online_date", "sailthru.date",
    "parsely-pub-date", "article.published", "article_date_original",
    "originalpublicationdate", "cxenseparse:recs:publishtime", "bt:pubdate", "displaydate",
    "dc.created", "created", NULL,
};
#define NKEYS (sizeof meta_keys / sizeof *meta_keys - 1)

typedef struct found {
    int meta[NKEYS];     /* the first readable value of each key */
    int jsonld;
    int time_marked;     /* <time pubdate> or itemprop="datePublished" */
    int time_article;    /* the first <time datetime> inside <article> */
    int time_any;
} found;

static const char *attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (!strcasecmp((const char *)a->name, name) && a->children && a->children->content)
            return (const char *)a->children->content;
    return NULL;
}

static int has_attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (!strcasecmp((const char *)a->name, name))
            return 1;
    return 0;
}

static int value_day(const char *s)
{
    return s ? docdate_value(s, strlen(s)) : 0;
}

static void take_meta(const xmlNode *n, found *f)
{
    static const char *const kinds[] = { "property", "name", "itemprop", "http-equiv" };
    const char *content = attr(n, "content");
    if (!content)
        return;
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        const char *key = attr(n, kinds[k]);
        for (size_t i = 0; key && i < NKEYS; i++)
            if (!f->meta[i] && !strcasecmp(key, meta_keys[i]))
                f->meta[i] = value_day(content);
    }
}

/* Whether a JSON-LD @type (a string or a list) names an article:
 * "NewsArticle", "ReportageNewsArticle", "BlogPosting", … */
static int article_type(const json_t *t)
{
    if (json_is_array(t)) {
        size_t i;
        const json_t *m;
        json_array_foreach(t, i, m)
            if (article_type(m))
                return 1;
        return 0;
    }
    const char *s = json_string_value(t);
    size_t n = s ? strlen(s) : 0;
    return (n >= 7 && !strcasecmp(s + n - 7, "Article")) || (s && !strcasecmp(s, "BlogPosting"));
}

/* The first "datePublished" string anywhere in a JSON-LD value (a graph,
 * a list, nested objects); with articles_only, only an article's, so that
 * the WebPage or WebSite of a @graph does not date the news in it. */
static int jsonld_day(const json_t *v, int articles_only, int depth)
{
    if (depth > 16)
        return 0;
    if (json_is_object(v)) {
        const json_t *d = json_object_get(v, "datePublished");
        int day = json_is_string(d) && (!articles_only || article_type(json_object_get(v, "@type")))
                      ? value_day(json_string_value(d)) : 0;
        const char *key;
        const json_t *m;
        json_object_foreach((json_t *)v, key, m) {
            if (day)
                break;
            day = jsonld_day(m, articles_only, depth + 1);
        }
        return day;
    }
    if (json_is_array(v)) {
        size_t i;
        const json_t *m;
        json_array_foreach(v, i, m) {
            int day = jsonld_day(m, articles_only, depth + 1);
            if (day)
                return day;
        }
    }
    return 0;
}

/* Pages often ship JSON-LD that is not quite JSON (a trailing comma, a
 * comment): then the first "datePublished": "…" in the text will do. */
static int jsonld_text_day(const char *s)
{
    const char *k = strstr(s, "\"datePublished\"");
    if (!k)
        return 0;
    k += strlen("\"datePublished\"");
    k += strspn(k, " \t\r\n");
    if (*k++ != ':')
        return 0;
    k += strspn(k, " \t\r\n");
    if (*k++ != '"')
        return 0;
    const char *e = strchr(k, '"');
    return e ? docdate_value(k, (size_t)(e - k)) : 0;
}

static void take_jsonld(const xmlNode *n, found *f)
{
    const char *type = attr(n, "type");
    if (f->jsonld || !type || strcasecmp(type, "application/ld+json"))
        return;
    for (const xmlNode *c = n->children; c && !f->jsonld; c = c->next) {
        const char *s = (const char *)c->content;
        if (!s)
            continue;
        json_t *j = json_loads(s, 0, NULL);
        f->jsonld = j ? jsonld_day(j, 1, 0) : jsonld_text_day(s);
        if (j && !f->jsonld)
            f->jsonld = jsonld_day(j, 0, 0);
        json_decref(j);
    }
}

static void take_time(const xmlNode *n, found *f, int in_article)
{
    const char *dt = attr(n, "datetime");
    int day = value_day(dt);
    const char *prop = attr(n, "itemprop");
    if (!day)
        return;
    if (!f->time_marked && (has_attr(n, "pubdate") || (prop && !strcasecmp(prop, "datePublished"))))
        f->time_marked = day;
    if (in_article && !f->time_article)
        f->time_article = day;
    if (!f->time_any)
        f->time_any = day;
}

static void walk(const xmlNode *n, found *f, int in_article, int depth)
{
    /* libxml2 nests unclosed tags; a page deeper than this is no article. */
    if (depth > 256)
        return;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)n->name;
        if (!strcasecmp(name, "meta"))
            take_meta(n, f);
        else if (!strcasecmp(name, "script"))
            take_jsonld(n, f);
        else if (!strcasecmp(name, "time"))
            take_time(n, f, in_article);
        else if (!f->time_marked && attr(n, "itemprop") &&
                 !strcasecmp(attr(n, "itemprop"), "datePublished"))
            f->time_marked = value_day(attr(n, "content"));
        walk(n->children, f, in_article || !strcasecmp(name, "article"), depth + 1);
    }
}

int htmldate_find(const xmlNode *root)
{
    found f = { 0 };
    walk(root, &f, 0, 0);
    for (size_t i = 0; i < NKEYS; i++)
        if (f.meta[i])
            return f.meta[i];
    if (f.jsonld)
        return f.jsonld;
    if (f.time_marked)
        return f.time_marked;
    return f.time_article ? f.time_article : f.time_any;
}
