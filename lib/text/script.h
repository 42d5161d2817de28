/* Which script a letter or a normalized word is written in, the letters that
 * look alike across Latin and Cyrillic (homoglyphs), and whether a Cyrillic
 * word is spelled with the Russian alphabet alone. The tokenizer reads mixed
 * words in their dominant script with it; word forms pick a stemmer by it.
 * Leaves out every script seekd does not treat apart (Greek, Arabic, CJK...):
 * they are SCRIPT_OTHER. */
#ifndef SEEKD_TEXT_SCRIPT_H
#define SEEKD_TEXT_SCRIPT_H

#include <stddef.h>
#include <stdint.h>

typedef enum text_script {
    SCRIPT_NONE,      /* digits only, or no letter at all */
    SCRIPT_LATIN,
    SCRIPT_CYRILLIC,
    SCRIPT_ARMENIAN,
    SCRIPT_OTHER,
} text_script;

/* The script of code point `cp` (digits and marks: SCRIPT_NONE). */
text_script script_of(int32_t cp);

/* The letter of script `to` that lower-case letter `cp` of the other script
 * looks like ('а' U+0430 <-> 'a'), or 0 when it has none. Only Latin and
 * Cyrillic are paired. */
int32_t script_homoglyph(int32_t cp, text_script to);

/* The script of a normalized word (UTF-8, `len` bytes): the script of most of
 * its letters (a tie goes to the first letter's). When `russian` is not NULL
 * it is set to whether every Cyrillic letter belongs to the Russian alphabet
 * (Kazakh "қала" or Ukrainian "їжа" are Cyrillic but not Russian). */
text_script script_word(const char *s, size_t len, int *russian);

#endif
