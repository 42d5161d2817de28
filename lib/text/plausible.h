/* How plausible a single-byte encoding's reading of some bytes is, as text
 * in Cyrillic or Latin script: the check that settles what a byte-level
 * detector cannot (short Cyrillic texts, capitals, one accented word). Only
 * the characters of bytes 0x80..0xFF are judged, since every candidate reads
 * ASCII alike. It knows Russian letter frequencies and Latin accents, not
 * whole languages; scripts other than these two are left to the detector. */
#ifndef SEEKD_TEXT_PLAUSIBLE_H
#define SEEKD_TEXT_PLAUSIBLE_H

#include <stddef.h>
#include <stdint.h>

/* The cost (lower is likelier) of reading the `n` bytes at `s` through
 * `high`, the code points of bytes 0x80..0xFF (0: the byte is undefined):
 * about -ln P of those characters given their neighbours. */
double plausible_cost(const uint32_t high[128], const unsigned char *s, size_t n);

#endif
