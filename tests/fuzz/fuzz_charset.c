/* libFuzzer target for reading bytes as text (text/charset.h): detected,
 * and forced to an encoding the first byte picks. Whatever the bytes, the
 * result is text or a reason why not, and text is valid UTF-8 with no NUL,
 * no control character but tab, LF and CR, and no U+FEFF. */
#undef NDEBUG
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "text/charset.h"
#include "text/decode.h"

#define FUZZ_MAX_INPUT (64 * 1024)

static void check(const charset_text *t)
{
    if (t->not_text) {
        assert(!t->text);
        return;
    }
    assert(t->text && t->text[t->len] == '\0');
    assert(text_utf8_prefix(t->text, t->len) == t->len);
    const unsigned char *p = (const unsigned char *)t->text;
    for (size_t i = 0; i < t->len; i++) {
        assert(p[i] >= 0x20 || p[i] == '\t' || p[i] == '\n' || p[i] == '\r');
        assert(p[i] != 0x7F);
        assert(!(p[i] == 0xC2 && i + 1 < t->len && p[i + 1] >= 0x80 && p[i + 1] < 0xA0));
        assert(!(p[i] == 0xEF && i + 2 < t->len && p[i + 1] == 0xBB && p[i + 2] == 0xBF));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT)
        return 0;
    static const char *const forced[] = { "windows-1251", "KOI8-R", "CP866", "UTF-16LE", "UTF-8" };
    charset_text t;
    assert(charset_read((const char *)data, size, NULL, &t) == SEEK_OK);
    check(&t);
    charset_text_fini(&t);
    if (size) {
        const char *name = forced[data[0] % (sizeof forced / sizeof *forced)];
        assert(charset_read((const char *)data + 1, size - 1, name, &t) == SEEK_OK);
        check(&t);
        charset_text_fini(&t);
    }
    return 0;
}
