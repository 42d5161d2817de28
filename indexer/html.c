/* HTML to text. libxml2 decodes the page's charset and entities; we walk
 * the tree, skip what a reader never sees, and put line breaks where blocks
 * end so that titles and paragraphs stay apart. */
#include "html.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>

#include "grow.h"
#include "htmldate.h"
#include "text/charset.h"

typedef struct buf {
    char *s;
    size_t len, cap;
    int oom;
    size_t article;      /* where the first <article>, <main> or <h1> begins, or SIZE_MAX */
} buf;

static void put(buf *b, const char *s, size_t n)
{
    char *p = grow_to(b->s, &b->cap, b->len + n + 1, 1, 4096);
    if (!p) {
        b->oom = 1;
        return;
    }
    b->s = p;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static int named(const xmlNode *n, const char *const *names)
{
    for (; *names; names++)
        if (!strcasecmp((const char *)n->name, *names))
            return 1;
    return 0;
}

static const char *const hidden[] = { "script", "style", "noscript", "template", "head", NULL };
static const char *const blocks[] = {
    "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "title",
    "section", "article", "header", "footer", "blockquote", "pre", "table", "ul", "ol", "dd", "dt",
    NULL,
};

static void walk(const xmlNode *n, buf *b)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                put(b, (const char *)n->content, strlen((const char *)n->content));
        } else if (n->type == XML_ELEMENT_NODE && !named(n, hidden)) {
            static const char *const starts[] = { "article", "main", "h1", NULL };
            if (b->article == SIZE_MAX && named(n, starts))
                b->article = b->len;
            walk(n->children, b);
            if (named(n, blocks))
                put(b, "\n", 1);
        }
    }
}

static const xmlNode *find(const xmlNode *n, const char *name)
{
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && !strcasecmp((const char *)n->name, name))
            return n;
        const xmlNode *in = find(n->children, name);
        if (in)
            return in;
    }
    return NULL;
}

static char *trimmed_text(const xmlNode *n)
{
    buf b = { .article = SIZE_MAX };
    put(&b, "", 0);
    if (n)
        walk(n->children, &b);
    if (b.oom) {
        free(b.s);
        return NULL;
    }
    charset_clean(b.s, &b.len);
    /* Fold white space: titles are one line. */
    size_t o = 0;
    for (size_t i = 0; i < b.len; i++) {
        int ws = b.s[i] == ' ' || b.s[i] == '\n' || b.s[i] == '\t' || b.s[i] == '\r';
        if (ws && (o == 0 || b.s[o - 1] == ' '))
            continue;
        b.s[o++] = ws ? ' ' : b.s[i];
    }
    while (o && b.s[o - 1] == ' ')
        o--;
    b.s[o] = '\0';
    return b.s;
}

int html_extract(const char *html, size_t len, const char *encoding, char **text, size_t *tlen,
                 char **title, int *day, char **declared, size_t *article)
{
    *text = *title = NULL;
    *day = 0;
    if (declared)
        *declared = NULL;
    if (article)
        *article = 0;
    if (len > (size_t)INT32_MAX)
        return -1;
    htmlDocPtr doc = htmlReadMemory(html, (int)len, NULL, encoding,
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                                    | HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
    if (!doc)
        return -1;
    const xmlNode *root = xmlDocGetRootElement(doc);
    *day = htmldate_find(root);
    buf b = { .article = SIZE_MAX };
    put(&b, "", 0);
    *title = trimmed_text(find(root, "title"));
    if (*title && **title) {
        /* The title leads the text, as the first line of a .txt would. */
        put(&b, *title, strlen(*title));
        put(&b, "\n", 1);
    }
    walk(root, &b);
    /* libxml2 names the charset a page declares, and only then. */
    if (declared && !encoding && doc->encoding && !(*declared = strdup((const char *)doc->encoding)))
        b.oom = 1;
    xmlFreeDoc(doc);
    if (!b.oom)
        charset_clean(b.s, &b.len);
    if (b.oom || !*title) {
        if (declared) {
            free(*declared);
            *declared = NULL;
        }
        free(b.s);
        free(*title);
        *title = NULL;
        return -1;
    }
    *text = b.s;
    *tlen = b.len;
    /* Cleaning may have shortened the text: the mark is a line to start
     * from, so near is good enough, past the end is not. */
    if (article)
        *article = b.article == SIZE_MAX || b.article > b.len ? 0 : b.article;
    return 0;
}
