/* Every Xapian term prefix and value slot seekd writes, in one table, so the
 * indexer and the query side cannot drift apart. Changing any of these means
 * a full reindex (seekd-index --full). */
#ifndef SEEKD_XAP_PREFIX_H
#define SEEKD_XAP_PREFIX_H

/* Terms */
#define PREFIX_WORD  ""   /* normalized token, unstemmed, with positions: phrases */
#define PREFIX_STEM  "Z"  /* English stem of a token, wdf only: ranked words */
#define PREFIX_ID    "Q"  /* document id (path below the corpus root): unique, boolean */
#define PREFIX_DAY   "D"  /* a day mentioned in the text: D20150914 (wdf: mentions) */
#define PREFIX_MONTH "M"  /* a month mentioned, or holding a mentioned day: M201509 */
#define PREFIX_YEAR  "Y"  /* a year mentioned, or holding a mentioned month or day: Y2015 */

/* Entities: prefix + name in match form (gazetteer.h), wdf = mentions. */
#define PREFIX_PERSON "XP"
#define PREFIX_ORG    "XO"
#define PREFIX_PLACE  "XL"
#define PREFIX_NAME   "XN"  /* a capitalized name of no known type */
#define PREFIX_ENTITY "X"   /* what all four share */

/* Value slots: per-document strings kept beside the terms. */
enum {
    SLOT_ID = 0,     /* document id */
    SLOT_TITLE = 1,  /* first non-empty line, trimmed */
    SLOT_MTIME = 2,  /* file mtime, decimal seconds since the epoch */
    SLOT_SIZE = 3,   /* file size in bytes, decimal */
    SLOT_HASH = 4,   /* content hash, 16 hex digits */
    SLOT_DATE = 5,   /* the document's date, yyyymmdd: a date line, else the mtime */
    SLOT_ENTITIES = 6, /* the entities mentioned: "type\tkey\tname\tcount\n" per entity */
    SLOT_URL = 7,    /* the article's address, from a feed */
};

/* Index metadata keys */
#define META_LAST_RUN "seekd.last_run"  /* JSON summary of the last indexer run */
#define META_FEEDS "seekd.feeds"        /* "size mtime_ns id-prefix\n" per JSONL feed indexed */

#endif
