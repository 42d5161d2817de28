/* Every Xapian term prefix and value slot seekd writes, in one table, so the
 * indexer and the query side cannot drift apart. Changing any of these means
 * a full reindex (seekd-index --full). */
#ifndef SEEKD_XAP_PREFIX_H
#define SEEKD_XAP_PREFIX_H

/* Terms */
#define PREFIX_WORD  ""   /* normalized token, unstemmed, with positions: phrases */
#define PREFIX_STEM  "Z"  /* word-form key of a token (morph.h), wdf only: ranked words */
#define PREFIX_PAIR  "B"  /* two adjacent frequent words, "of the" (query/pairs.h): wdf only */
#define PREFIX_TITLE "S"  /* a title token, with its position in the title; also the
                             title's stems as "S" + the stem term ("SZ..."): title: */
#define PREFIX_ID    "Q"  /* document id (path below the corpus root): unique, boolean */
#define PREFIX_DAY   "D"  /* a day mentioned in the text: D20150914 (wdf: mentions) */
#define PREFIX_MONTH "M"  /* a month mentioned, or holding a mentioned day: M201509 */
#define PREFIX_YEAR  "Y"  /* a year mentioned, or holding a mentioned month or day: Y2015 */
#define PREFIX_MONTHDAY "MD" /* a day mentioned without a year in an undated document: MD1130,
                                which no date filter (they all name years) matches */
#define PREFIX_ENCODING "E" /* what the file's bytes were read as (text/charset.h):
                               Ewindows-1251, boolean; stats counts documents by it */
#define PREFIX_SOURCE "K"   /* the corpus folder the document came from: K + the folder's
                               key (indexer/sources.h), boolean; stats counts documents by
                               it, a run lists its folders' documents by it */

/* Parts of a big document (indexer/parts.h): a text of more than
 * PART_SPLIT_TOKENS words keeps its word positions in parts, separate Xapian
 * documents holding a slice of it each, so that comparing positions for a
 * phrase costs what a slice's do, never the whole text's. The document
 * itself keeps everything else (its words without positions). */
#define PREFIX_PART_WORD "P"  /* in a part: a word at its position in the whole text,
                                 wdf 0 (a part adds nothing to lengths) */
#define PREFIX_PART_OF "U"    /* in a part: U + its key (below), boolean */
#define TERM_PART "V"         /* in every part, boolean: what tells parts from documents */
/* The key of a version's parts: the document's id, PART_KEY_SEP and a
 * generation (hex digits) that no earlier version of it used; a part's
 * SLOT_ID holds it. The document holds W + the key, which is how a phrase
 * matched in parts reaches it: parts written before their document (a big
 * text's are committed in batches, xap.h: xap_wdb_replace) reach nothing
 * until it is. Parts written before keys existed have the bare id as key,
 * and reach the document by its Q term. */
#define PREFIX_PART_KEY "W"
#define PART_KEY_SEP '\x01'
/* A part also holds, as boolean terms, P + the pair term (query/pairs.h) of
 * every two adjacent words and of every three: a phrase of two or three
 * words is matched in parts by that term alone, a longer one has its
 * positions compared only in the parts holding all its threes. At most
 * PART_TERM_MAX bytes, prefix included: a longer one is not written, nor
 * looked for. */
#define PART_TERM_MAX 240

/* Entities: prefix + name in match form (gazetteer.h), wdf = mentions. */
#define PREFIX_PERSON "XP"
#define PREFIX_ORG    "XO"
#define PREFIX_PLACE  "XL"
#define PREFIX_NAME   "XN"  /* a capitalized name of no known type */
#define PREFIX_ENTITY "X"   /* what all four share */
/* How a document spells an entity the gazetteer does not know, which the
 * daemon shows for it (entity/spelling.h): N + the entity term + a tab +
 * the spelling, boolean. Its document count is how many documents spell
 * it so. */
#define PREFIX_SPELLING "N"

/* Value slots: per-document strings kept beside the terms. */
enum {
    SLOT_ID = 0,     /* document id */
    SLOT_MTIME = 2,  /* file mtime, decimal seconds since the epoch */
    SLOT_SIZE = 3,   /* file size in bytes, decimal */
    SLOT_HASH = 4,   /* content hash, 16 hex digits */
    SLOT_DATE = 5,   /* the document's own date, yyyymmdd (entity/docdate.h); none when
                        undated. Newest first sorts by it, descending */
    SLOT_DATE_OLDEST = 7,  /* the same, or DATE_OLDEST_UNDATED: oldest first sorts by it,
                              ascending, undated documents last */
    SLOT_HIT = 8,    /* the hit record (hitrec.h): id, title (the first non-empty line,
                        or the page's or article's own), date, entities mentioned
                        ("type\tkey\tname\tcount\n" each), url (a feed article's),
                        where the date came from (date_source_name) */
    SLOT_TEXT = 9,   /* the decoded text, which snippets are cut from: a value, not the
                        document data, which Xapian compresses (inflating it cost more
                        than making the snippet); its first TEXT_SNIPPET_MAX bytes */
    SLOT_SOURCE = 11,  /* the source key, a tab, then the file's path below its folder
                          (a feed article's: its feed's): who holds an id */
    SLOT_PARTS = 12, /* a document kept in parts: how many, decimal, a space and the
                        generation of its parts' key (PREFIX_PART_KEY; none before
                        keys); none otherwise. A part holds SLOT_ID (its key),
                        SLOT_TEXT (its slice's text, which a snippet is cut from) and
                        SLOT_PART_MARKS, and no other */
    SLOT_PART_MARKS = 13, /* in a part: where in its SLOT_TEXT every PART_MARK_EVERY-th
                             of its words starts, so that a snippet reads only the
                             words around its match: 32-bit little-endian numbers,
                             the position of its first word, then the byte offsets
                             of words 0, PART_MARK_EVERY, 2 PART_MARK_EVERY... of
                             the part within SLOT_TEXT (none past its end) */
};
#define PART_MARK_EVERY 64

/* Snippets are cut from a document's first 64 KiB of text, and only those
 * are stored in SLOT_TEXT, as Solr's hl.maxAnalyzedChars and Elasticsearch's
 * highlight.max_analyzed_offset bound highlighting: a 50 MB document's
 * snippet then costs what a long article's does, and its value, read from
 * a chunk of the value stream it may share with other documents, no longer
 * makes their snippets read 50 MB. Nearly every news text fits whole. */
#define TEXT_SNIPPET_MAX (64 * 1024)

/* A hit shows at most this many of the entities its document names (in
 * SLOT_HIT), the most mentioned, in the order the text first names them:
 * a news story names a few dozen at most, while a 50 MB text names tens of
 * thousands, which made its hit record a megabyte or more, written into
 * every answer that lists it and read with the value chunk it shares with
 * its neighbours. Its entity terms, and so filters and facets, keep them all. */
#define HIT_ENTITIES_MAX 64

/* Facet slots: a document's most-mentioned entities of each kind, one per
 * slot (the key, without prefix), so that Xapian's ValueCountMatchSpy counts
 * them over all matches, on remote shards too. A document's entities of a
 * kind beyond the first FACET_SLOTS are left out of facet counts. */
#define FACET_SLOTS 32
enum {
    SLOT_FACET_PERSON = 32,
    SLOT_FACET_ORG = SLOT_FACET_PERSON + FACET_SLOTS,
    SLOT_FACET_PLACE = SLOT_FACET_ORG + FACET_SLOTS,
    SLOT_FACET_NAME = SLOT_FACET_PLACE + FACET_SLOTS,
    SLOT_FACET_YEAR = SLOT_FACET_NAME + FACET_SLOTS,  /* years mentioned, as terms under PREFIX_YEAR */
    SLOT_FACET_MONTH = SLOT_FACET_YEAR + FACET_SLOTS, /* months mentioned, yyyymm */
};

#define DATE_OLDEST_UNDATED "~"   /* sorts after every yyyymmdd */

/* Index metadata keys */
#define META_LAST_RUN "seekd.last_run"  /* JSON summary of the last indexer run */
#define META_FEEDS "seekd.feeds"        /* "size mtime_ns id-prefix\n" per JSONL feed indexed */
#define META_FORMAT "seekd.format"      /* INDEX_FORMAT of the indexer that wrote the documents */
#define META_SHARD "seekd.shard"        /* "K/N" in a database holding only shard K of N */
#define META_SOURCES "seekd.sources"    /* JSON: {"KEY":{"folder":..,"last_run":{..}},..}, the
                                           corpus folders indexed (indexer/sources.h) */
#define META_DATE_FALLBACK "seekd.date_fallback"  /* "mtime" or "none": what dates a
                                                     document that says nothing of its date */

/* Bumped whenever the terms or slots above change meaning; the indexer then
 * rewrites every document. */
#define INDEX_FORMAT "9"

#endif
