/* Unit tests for indexer/htmldate.c through html_extract: each kind of
 * metadata date, their order, and pages whose metadata names none. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../indexer/html.h"
#include "entity/docdate.h"

static int page_day(const char *html)
{
    char *text, *title;
    size_t tlen;
    int day = -1;
    size_t article;
    assert_int_equal(html_extract(html, strlen(html), NULL, &text, &tlen, &title, &day, NULL,
                                  &article), 0);
    assert_true(article <= tlen);
    free(text);
    free(title);
    return day;
}

static void expect(const char *html, int day)
{
    int got = page_day(html);
    if (got != day)
        print_error("%s\n-> %d, not %d\n", html, got, day);
    assert_int_equal(got, day);
}

static void test_meta_forms(void **state)
{
    (void)state;
    expect("<html><head><meta property=\"article:published_time\" "
           "content=\"2019-06-11T09:42:00+03:00\"><title>t</title></head><body>x</body></html>",
           20190611);
    /* The date as written there, whatever its zone. */
    expect("<meta property=\"article:published_time\" content=\"2019-06-11T23:30:00-05:00\">",
           20190611);
    expect("<meta name=\"date\" content=\"2017-11-30\"><p>x", 20171130);
    expect("<meta name=\"DATE\" content=\"30.11.2017\"><p>x", 20171130);
    expect("<meta name=\"pubdate\" content=\"20171130\"><p>x", 20171130);
    expect("<meta name=\"publish-date\" content=\"Thu, 30 Nov 2017 10:00:00 GMT\">", 20171130);
    expect("<meta name=\"DC.date.issued\" content=\"2017-11-30\">", 20171130);
    expect("<meta name=\"citation_publication_date\" content=\"2017/11/30\">", 20171130);
    expect("<meta itemprop=\"datePublished\" content=\"2017-11-30\">", 20171130);
    expect("<meta name=\"sailthru.date\" content=\"2017-11-30 10:00:00\">", 20171130);
    expect("<meta name=\"parsely-pub-date\" content=\"2017-11-30T10:00:00Z\">", 20171130);
}

static void test_jsonld(void **state)
{
    (void)state;
    expect("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
           "\"datePublished\":\"2016-03-04T10:00:00Z\"}</script><p>x", 20160304);
    expect("<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\"},"
           "{\"@type\":\"NewsArticle\",\"datePublished\":\"2016-03-04\"}]}</script>", 20160304);
    expect("<script type=\"application/ld+json\">[{\"datePublished\":\"2016-03-04\"}]</script>",
           20160304);
    /* The article's date, not its page's or site's that come first. */
    expect("<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\","
           "\"datePublished\":\"2015-01-01\"},{\"@type\":[\"ReportageNewsArticle\"],"
           "\"datePublished\":\"2021-12-03\"}]}</script>", 20211203);
    expect("<script type=\"application/ld+json\">[{\"@type\":\"WebSite\",\"datePublished\":"
           "\"2010-05-01\"},{\"@type\":\"BlogPosting\",\"datePublished\":\"2021-12-03\"}]"
           "</script>", 20211203);
    /* Without an article, any datePublished still dates the page. */
    expect("<script type=\"application/ld+json\">{\"@type\":\"WebPage\","
           "\"datePublished\":\"2015-01-01\"}</script>", 20150101);
    /* Not quite JSON: a trailing comma. */
    expect("<script type=\"application/ld+json\">{\"datePublished\": \"2016-03-04\",}</script>",
           20160304);
    /* Other scripts are no metadata. */
    expect("<script>var x = {\"datePublished\":\"2016-03-04\"};</script><p>x", 0);
}

static void test_time_elements(void **state)
{
    (void)state;
    expect("<body><article><h1>t</h1><time datetime=\"2015-09-14\">14 Sep</time></article>",
           20150914);
    expect("<body><aside><time datetime=\"2020-01-01\">x</time></aside>"
           "<article><time datetime=\"2015-09-14\">14 Sep</time></article>", 20150914);
    expect("<body><time datetime=\"2020-01-01\">x</time>"
           "<time pubdate datetime=\"2015-09-14\">y</time>", 20150914);
    expect("<body><span itemprop=\"datePublished\" content=\"2015-09-14\">14 Sep</span>",
           20150914);
    expect("<body><time datetime=\"10:00\">ten</time><p>x", 0);
}

static void test_order(void **state)
{
    (void)state;
    /* article:published_time over meta name=date over JSON-LD over <time>;
     * a modified time never. */
    expect("<meta name=\"date\" content=\"2001-01-01\">"
           "<meta property=\"article:published_time\" content=\"2002-02-02\">"
           "<script type=\"application/ld+json\">{\"datePublished\":\"2003-03-03\"}</script>"
           "<article><time datetime=\"2004-04-04\">x</time></article>", 20020202);
    expect("<script type=\"application/ld+json\">{\"datePublished\":\"2003-03-03\"}</script>"
           "<meta name=\"date\" content=\"2001-01-01\">", 20010101);
    expect("<article><time datetime=\"2004-04-04\">x</time></article>"
           "<script type=\"application/ld+json\">{\"datePublished\":\"2003-03-03\"}</script>",
           20030303);
    expect("<meta property=\"article:modified_time\" content=\"2019-06-12\">"
           "<script type=\"application/ld+json\">{\"dateModified\":\"2019-06-12\"}</script><p>x",
           0);
    /* An unreadable value is passed over for the next source. */
    expect("<meta name=\"date\" content=\"soon\"><meta name=\"pubdate\" content=\"2017-11-30\">",
           20171130);
}

/* A dateline under a long menu is found from where the article begins. */
static void test_article_start(void **state)
{
    (void)state;
    char html[4096] = "<html><head><title>Story</title></head><body><nav><ul>";
    for (int i = 0; i < 20; i++)
        strcat(html, "<li>Menu item</li>");
    strcat(html, "</ul></nav><article><h1>Summit</h1><p>Posted: June 11, 2019</p>"
                 "<p>MINSK, Nov 30 (Reuters) - Text.</p></article></body></html>");
    char *text, *title;
    size_t tlen, article;
    int day;
    assert_int_equal(html_extract(html, strlen(html), NULL, &text, &tlen, &title, &day, NULL,
                                  &article), 0);
    assert_int_equal(day, 0);
    assert_true(article > 0 && article < tlen);
    assert_memory_equal(text + article, "Summit", 6);
    assert_int_equal(docdate_text(text, tlen, 0), 0);
    assert_int_equal(docdate_text(text, tlen, article), 20190611);
    free(text);
    free(title);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_meta_forms),
        cmocka_unit_test(test_jsonld),
        cmocka_unit_test(test_time_elements),
        cmocka_unit_test(test_order),
        cmocka_unit_test(test_article_start),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
