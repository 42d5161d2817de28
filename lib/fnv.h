/* FNV-1a, 64 bits: a fast, stable hash for change detection and shard
 * assignment (both are stored, so the function must never change). */
#ifndef SEEKD_FNV_H
#define SEEKD_FNV_H

#include <stddef.h>
#include <stdint.h>

static inline uint64_t fnv1a64(const void *bytes, size_t len)
{
    const unsigned char *p = (const unsigned char *)bytes;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

#endif
