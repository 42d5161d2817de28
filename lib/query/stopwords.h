/* Stop words: the function words of English and Russian ("the", "what",
 * "и", "что"). A question typed as a sentence is mostly made of them, and a
 * document that answers it need not hold them, so outside phrases they are
 * never required: they only add to the score of the documents that have them
 * (query/compile.c). The lists are in stopwords.c. */
#ifndef SEEKD_QUERY_STOPWORDS_H
#define SEEKD_QUERY_STOPWORDS_H

#include <stddef.h>
#include "morph/morph.h"
#include "xap/xap.h"

/* Nonzero when the normalized token `word` (len bytes, as the tokenizer
 * gives it) is a stop word. Thread-safe. */
int qp_stopword(const char *word, size_t len);

/* The index terms of the stop words' stems (compile.h's qp_stem_term), as a
 * malloc'd array of malloc'd strings (free with xap_strv_free): what query
 * expansion leaves out. Statuses: OK, NOMEM. */
seek_status qp_stopword_terms(morph *words, char ***out, size_t *n);

#endif
