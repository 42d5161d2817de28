/* Unit tests for reading bytes as text (text/charset.h): a table of texts
 * written in each encoding (encoded here with iconv, with and without byte
 * order marks) that must come back as the same UTF-8 under the right name,
 * short Cyrillic words a byte-level detector misjudges, and the bytes that
 * are not text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <iconv.h>

#include "text/charset.h"

/* ---- helpers ---- */

/* `utf8` in `encoding` (malloc'd), after the `prefix` bytes; NULL when the
 * encoding cannot hold the text. */
static char *encode(const char *utf8, const char *encoding, const char *prefix, size_t plen,
                    size_t *len)
{
    iconv_t cd = iconv_open(encoding, "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t in_left = strlen(utf8), cap = plen + in_left * 4 + 16, out_left = cap - plen;
    char *out = malloc(cap), *in = (char *)utf8, *o = out + plen;
    assert_non_null(out);
    memcpy(out, prefix, plen);
    size_t r = iconv(cd, &in, &in_left, &o, &out_left);
    iconv_close(cd);
    if (r == (size_t)-1) {
        free(out);
        return NULL;
    }
    *len = (size_t)(o - out);
    return out;
}

static void expect_read(const char *bytes, size_t len, const char *forced, const char *name,
                        const char *text)
{
    charset_text t;
    assert_int_equal(charset_read(bytes, len, forced, &t), SEEK_OK);
    assert_null(t.not_text);
    assert_string_equal(t.name, name);
    assert_string_equal(t.text, text);
    assert_int_equal(t.len, strlen(text));
    charset_text_fini(&t);
}

static void expect_not_text(const char *bytes, size_t len, const char *why)
{
    charset_text t;
    assert_int_equal(charset_read(bytes, len, NULL, &t), SEEK_OK);
    assert_non_null(t.not_text);
    assert_string_equal(t.not_text, why);
    assert_null(t.text);
    charset_text_fini(&t);
}

/* ---- texts ---- */

static const char ru_news[] =
    "Эмомали Рахмон принял участие в сессии Совета коллективной безопасности\n"
    "Душанбе, 15 сентября. Президент Таджикистана принял участие в очередной "
    "сессии Совета, которая прошла в столице республики. Главы государств обсудили "
    "обстановку в Афганистане и меры по противодействию терроризму.\n";
static const char ru_title[] = "Лукашенко встретился с министрами обороны\n";
static const char kk_tj[] =
    "Қазақстан Президенті Қасым-Жомарт Тоқаев ұжымдық қауіпсіздік кеңесінде сөз сөйледі.\n"
    "Президенти Тоҷикистон Эмомалӣ Раҳмон дар Душанбе суханронӣ кард.\n";
static const char fr_news[] = "Réunion à Douchanbé : le président a évoqué la sécurité régionale.\n";
static const char de_news[] = "Präsident Rahmon begrüßt die Delegationen in Duschanbe.\n";
static const char eu_news[] = "Le sommet coûtera 5 € par délégué, a dit le ministre.\n";
static const char quoted[] = "“Quoted” – the café’s owner said.\n";
static const char gr_news[] =
    "Η σύνοδος κορυφής των ηγετών της περιοχής ολοκληρώθηκε χθες στην πρωτεύουσα. Οι "
    "αρχηγοί κρατών συζήτησαν την ασφάλεια, την οικονομική συνεργασία και την "
    "καταπολέμηση της τρομοκρατίας.\n";

/* A text, an encoding to write it in, the bytes to put before it, and the
 * name it must be read as. */
typedef struct row {
    const char *text, *encoding, *prefix;
    size_t plen;
    const char *name;
} row;

static const row table[] = {
    { ru_news, "UTF-8", "", 0, "UTF-8" },
    { ru_news, "UTF-8", "\xEF\xBB\xBF", 3, "UTF-8" },
    { ru_news, "CP1251", "", 0, "windows-1251" },
    { ru_news, "KOI8-R", "", 0, "KOI8-R" },
    { ru_news, "CP866", "", 0, "CP866" },
    { ru_news, "ISO-8859-5", "", 0, "ISO-8859-5" },
    { ru_news, "UTF-16LE", "\xFF\xFE", 2, "UTF-16LE" },
    { ru_news, "UTF-16BE", "\xFE\xFF", 2, "UTF-16BE" },
    { ru_news, "UTF-16LE", "", 0, "UTF-16LE" },
    { ru_news, "UTF-16BE", "", 0, "UTF-16BE" },
    { ru_news, "UTF-32LE", "\xFF\xFE\0\0", 4, "UTF-32LE" },
    /* One line: too short for uchardet alone, which calls KOI8-R Greek. */
    { ru_title, "CP1251", "", 0, "windows-1251" },
    { ru_title, "KOI8-R", "", 0, "KOI8-R" },
    { ru_title, "CP866", "", 0, "CP866" },
    { ru_title, "ISO-8859-5", "", 0, "ISO-8859-5" },
    { "сессия\n", "KOI8-R", "", 0, "KOI8-R" },
    { "Путин\n", "KOI8-R", "", 0, "KOI8-R" },
    { "Рахмон", "CP1251", "", 0, "windows-1251" },
    { "Рахмон", "UTF-16LE", "", 0, "UTF-16LE" },   /* no BOM, no ASCII at all */
    { "ВСТРЕЧА МИНИСТРОВ ОБОРОНЫ\n", "KOI8-R", "", 0, "KOI8-R" },
    { "ВСТРЕЧА МИНИСТРОВ ОБОРОНЫ\n", "CP1251", "", 0, "windows-1251" },
    { "The summit in Moscow (Москва) ended.\n", "CP1251", "", 0, "windows-1251" },
    { "The summit in Moscow (Москва) ended.\n", "KOI8-R", "", 0, "KOI8-R" },
    { kk_tj, "UTF-16LE", "\xFF\xFE", 2, "UTF-16LE" },
    { kk_tj, "UTF-16BE", "", 0, "UTF-16BE" },
    { kk_tj, "UTF-8", "\xEF\xBB\xBF", 3, "UTF-8" },
    { fr_news, "CP1252", "", 0, "windows-1252" },
    { fr_news, "UTF-16LE", "", 0, "UTF-16LE" },
    { de_news, "CP1252", "", 0, "windows-1252" },
    { eu_news, "ISO-8859-15", "", 0, "ISO-8859-15" },
    { eu_news, "CP1252", "", 0, "windows-1252" },
    { quoted, "CP1252", "", 0, "windows-1252" },
    /* Scripts the scores do not judge stay uchardet's on a long text. */
    { gr_news, "ISO-8859-7", "", 0, "ISO-8859-7" },
};

/* ---- tests ---- */

static void test_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
        const row *r = &table[i];
        size_t len;
        char *bytes = encode(r->text, r->encoding, r->prefix, r->plen, &len);
        assert_non_null(bytes);
        charset_text t;
        assert_int_equal(charset_read(bytes, len, NULL, &t), SEEK_OK);
        if (t.not_text || strcmp(t.name, r->name) || strcmp(t.text, r->text))
            fail_msg("row %zu (%s): read as %s%s%s: %s", i, r->encoding, t.name,
                     t.not_text ? ", not text: " : "", t.not_text ? t.not_text : "",
                     t.text ? t.text : "");
        charset_text_fini(&t);
        free(bytes);
    }
}

static void test_utf8_and_mixed(void **state)
{
    (void)state;
    expect_read("", 0, NULL, "UTF-8", "");
    expect_read("plain ASCII\n", 12, NULL, "UTF-8", "plain ASCII\n");
    /* UTF-8 with a few Windows-1252 bytes: those are read one by one. */
    const char mixed[] = "Душанбе, Минск и Москва \x93quoted\x94\n";
    expect_read(mixed, sizeof mixed - 1, NULL, "UTF-8+windows-1252",
                "Душанбе, Минск и Москва “quoted”\n");
    /* A UTF-8 byte order mark decides, however many stray bytes follow. */
    const char marked[] = "\xEF\xBB\xBF" "\xD0\xE0\xF5\xEC\xEE\xED \xC3\xA9\n";
    expect_read(marked, sizeof marked - 1, NULL, "UTF-8+windows-1252", "Ðàõìîí é\n");
    /* ASCII with one stray byte: Windows-1252, the last resort. */
    const char stray[] = "Plain English with one caf\xE9.\n";
    expect_read(stray, sizeof stray - 1, NULL, "windows-1252", "Plain English with one café.\n");
}

static void test_clean_titles(void **state)
{
    (void)state;
    /* A BOM, a bell, a C1 control and an inner U+FEFF never reach titles. */
    const char s[] = "\xEF\xBB\xBF" "Title\x07 one\xC2\x85two\xEF\xBB\xBF\tend\r\n"
                     "and a body of text long enough for two control characters\n";
    expect_read(s, sizeof s - 1, NULL, "UTF-8",
                "Title  one two\tend\r\nand a body of text long enough for two control characters\n");
    char t[] = "a\x01" "b\x7F" "c";
    size_t n = 5;
    charset_clean(t, &n);
    assert_string_equal(t, "a b c");
    assert_int_equal(n, 5);
}

static void test_not_text(void **state)
{
    (void)state;
    expect_not_text("abc\0def", 7, "NUL bytes");
    /* A NUL byte at one odd offset is no UTF-16: ASCII read so would be CJK. */
    expect_not_text("An English line with a NUL\0 in it.\n", 36, "NUL bytes");
    expect_not_text("\xEF\xBB\xBF" "a\0b", 6, "NUL bytes");
    const char ctl[] = "abc\x01\x02\x03\x04\x05\x06\x07\x08\x0E\x0F\x10\x11";
    expect_not_text(ctl, sizeof ctl - 1, "control characters");
    /* Bytes of a generator without NUL: controls at every tenth byte or so. */
    char junk[4096];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof junk; i++) {
        do
            x = x * 1103515245u + 12345u;
        while (!(x >> 24));
        junk[i] = (char)(x >> 24);
    }
    expect_not_text(junk, sizeof junk, "control characters");
    /* Page breaks, tabs and escapes are text. */
    expect_read("a\fb\tc\x1B[0m\n", 10, NULL, "UTF-8", "a b\tc [0m\n");
}

static void test_forced(void **state)
{
    (void)state;
    size_t len;
    char *koi = encode("Рахмон", "KOI8-R", "", 0, &len);
    expect_read(koi, len, "koi8-r", "KOI8-R", "Рахмон");
    /* Forced, it is read as told, however it reads. */
    expect_read(koi, len, "cp1251", "windows-1251", "тБИНПО");
    free(koi);
    char *u16 = encode("Рахмон", "UTF-16LE", "\xFF\xFE", 2, &len);
    expect_read(u16, len, "UTF-16LE", "UTF-16LE", "Рахмон");
    free(u16);
    /* glibc's iconv passes UTF-8's old six-byte form: each byte is U+FFFD. */
    expect_read("a\xFC\xBF\xBF\xBF\xBF\xBFz", 8, "UTF-8", "UTF-8",
                "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz");
    /* A byte the encoding lacks becomes U+FFFD. */
    expect_read("a\x98z", 3, "windows-1251", "windows-1251", "a\xEF\xBF\xBDz");
    charset_text t;
    assert_int_equal(charset_read("x", 1, "no-such-encoding", &t), SEEK_INVALID);
    charset_text_fini(&t);
}

static void test_names(void **state)
{
    (void)state;
    char name[CHARSET_NAME_MAX];
    assert_true(charset_known("cp1251", name, sizeof name));
    assert_string_equal(name, "windows-1251");
    assert_true(charset_known("IBM866", name, sizeof name));
    assert_string_equal(name, "CP866");
    assert_true(charset_known("koi8r", name, sizeof name));
    assert_string_equal(name, "KOI8-R");
    assert_true(charset_known("latin9", name, sizeof name));
    assert_string_equal(name, "ISO-8859-15");
    assert_true(charset_known("RK1048", name, sizeof name));  /* Kazakh: iconv's own name */
    assert_string_equal(name, "RK1048");
    assert_false(charset_known("bogus-42", name, sizeof name));
    assert_false(charset_known("", name, sizeof name));
}

static void test_unicode_announced(void **state)
{
    (void)state;
    assert_string_equal(charset_unicode("\xEF\xBB\xBF{}", 5), "UTF-8");
    assert_string_equal(charset_unicode("\xFF\xFE{\0", 4), "UTF-16LE");
    assert_string_equal(charset_unicode("{\0\"\0a\0\"\0}\0\n\0", 12), "UTF-16LE");
    assert_string_equal(charset_unicode("\0{\0\"\0a\0\"\0}\0\n", 12), "UTF-16BE");
    assert_null(charset_unicode("{\"a\":1}\n", 8));
    assert_null(charset_unicode("\xD0\xE0\xF5\xEC\xEE\xED", 6));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_utf8_and_mixed),
        cmocka_unit_test(test_clean_titles),
        cmocka_unit_test(test_not_text),
        cmocka_unit_test(test_forced),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_unicode_announced),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
