/* The members of every answer, named once: the daemon writes them (its
 * ops, lib/proto/proto.c) and the clients read them (client/,
 * lib/client/) by these names, so that a member's spelling lives here
 * alone. The wire format they spell is fixed: man/seekd-protocol.7 and the
 * README's Protocol section describe each. A member's meaning depends on
 * the object that holds it; the comments say where each appears. */
#ifndef SEEKD_PROTO_ANSWER_H
#define SEEKD_PROTO_ANSWER_H

/* Every answer. */
#define PROTO_A_OK "ok"                /* true, or false with "error" */
#define PROTO_A_ID "id"                /* the request's "id", echoed; also a document's id */
#define PROTO_A_ERROR "error"          /* {"code", "message", "offset"?} */
#define PROTO_A_CODE "code"            /* an error code (proto.h: PROTO_E_*) */
#define PROTO_A_MESSAGE "message"      /* a sentence for people */
#define PROTO_A_OFFSET "offset"        /* a query error's byte; a search's first hit */
#define PROTO_A_TOOK_MS "took_ms"      /* the time the op took, every op but ping */

/* search, similar */
#define PROTO_A_TOTAL "total"          /* matches (search, similar), entities (entities) */
#define PROTO_A_TOTAL_EXACT "total_exact"
#define PROTO_A_LIMIT "limit"
#define PROTO_A_RELAXED "relaxed"      /* some words were left out (also explain) */
#define PROTO_A_WARNINGS "warnings"    /* the parser's warnings (also explain) */
#define PROTO_A_HITS "hits"
#define PROTO_A_IDS "ids"              /* the hits' ids alone, when "ids" was asked */
#define PROTO_A_SUGGESTION "suggestion"  /* did you mean */
#define PROTO_A_FACETS "facets"
#define PROTO_A_DEBUG "debug"          /* {"text_bytes"} when "debug" was asked */
#define PROTO_A_TEXT_BYTES "text_bytes"

/* A hit. */
#define PROTO_A_RANK "rank"
#define PROTO_A_SCORE "score"          /* also explain's document */
#define PROTO_A_TITLE "title"          /* also entity's documents */
#define PROTO_A_DATE "date"            /* the document's own date; a facet of years */
#define PROTO_A_DATE_SOURCE "date_source"
#define PROTO_A_URL "url"
#define PROTO_A_SNIPPET "snippet"
#define PROTO_A_HIGHLIGHTS "highlights"
#define PROTO_A_ENTITIES "entities"    /* a hit's names; the entities op's list */

/* An entity object: in a hit, a facet, entity, entities. */
#define PROTO_A_TYPE "type"            /* person, org, place or name */
#define PROTO_A_NAME "name"
#define PROTO_A_MENTIONS "mentions"    /* in one document */
#define PROTO_A_COUNT "count"          /* documents: facets, entities, co-occurring */
#define PROTO_A_DOCS "docs"            /* documents: entity, stats, health, a source,
                                          an explained term */

/* Facets: one list per kind asked, and the timeline's. */
#define PROTO_A_PERSON "person"
#define PROTO_A_ORG "org"
#define PROTO_A_PLACE "place"
#define PROTO_A_YEAR "year"            /* a year's list, and an entry's year */
#define PROTO_A_MONTH "month"          /* a month's list, and an entry's month */
#define PROTO_A_DATED "dated"          /* documents per period by their own date */
#define PROTO_A_UNDATED "undated"
#define PROTO_A_MENTIONED "mentioned"  /* documents per period they mention */

/* entity */
#define PROTO_A_FOUND "found"          /* also similar and explain's document */
#define PROTO_A_QUERY "query"          /* the name asked (not found); explain's reading */
#define PROTO_A_ALIASES "aliases"
#define PROTO_A_COOCCURRING "cooccurring"
#define PROTO_A_DOCUMENTS "documents"

/* stats and health */
#define PROTO_A_REVISION "revision"
#define PROTO_A_LAST_COMMIT "last_commit"
#define PROTO_A_AVG_LENGTH "avg_length"
#define PROTO_A_PARTS "parts"       /* stats: parts of big documents (prefix.h) */
#define PROTO_A_INDEX "index"
#define PROTO_A_GAZETTEER_ENTRIES "gazetteer_entries"
#define PROTO_A_ENCODINGS "encodings"
#define PROTO_A_LAST_RUN "last_run"    /* seekd-index's run summary, as it wrote it */
#define PROTO_A_SOURCES "sources"      /* per corpus folder: */
#define PROTO_A_FOLDER "folder"
#define PROTO_A_LAST_INDEXED "last_indexed"
#define PROTO_A_STATUS "status"        /* health: healthy, degraded or unreadable */
#define PROTO_A_READABLE "readable"
#define PROTO_A_PROBLEMS "problems"
#define PROTO_A_AGE_SECONDS "age_seconds"

/* explain */
#define PROTO_A_XAPIAN "xapian"        /* the query as Xapian reads it */
#define PROTO_A_TERMS "terms"
#define PROTO_A_TERM "term"
#define PROTO_A_WDF "wdf"
#define PROTO_A_WEIGHT "weight"
#define PROTO_A_FEEDBACK "feedback"    /* the term came from feedback */
#define PROTO_A_DOC "doc"              /* the document explained */
#define PROTO_A_MATCHES "matches"

#endif
