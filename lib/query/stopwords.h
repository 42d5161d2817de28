/* Stop words: the function words of English and Russian ("the", "what",
 * "и", "что"). A question typed as a sentence is mostly made of them, and a
 * document that answers it need not hold them, so outside phrases they are
 * never required: they only add to the score of the documents that have them
 * (query/compile.c). The lists are in stopwords.c. */
#ifndef SEEKD_QUERY_STOPWORDS_H
#define SEEKD_QUERY_STOPWORDS_H

#include <stddef.h>

/* Nonzero when the normalized token `word` (len bytes, as the tokenizer
 * gives it) is a stop word. Thread-safe. */
int qp_stopword(const char *word, size_t len);

#endif
