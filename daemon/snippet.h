/* Snippets: the best short passage of a document for a query, with the
 * matched words marked. Our own generator rather than Xapian's MSet::snippet,
 * which re-parses with its own tokenizer and costs far more per hit. */
#ifndef SEEKD_DAEMON_SNIPPET_H
#define SEEKD_DAEMON_SNIPPET_H

#include <stddef.h>
#include "entity/gazetteer.h"
#include "morph/morph.h"
#include "query/query.h"
#include "xap/xap.h"

typedef struct snip_terms snip_terms;

/* What to look for: the words (by word-form keys, read by `words`), phrases and entity names (every
 * alias of the entities a filter resolves to through `gaz`, which may be
 * NULL) of `tree`, leaving out whatever sits under a NOT. Returns NULL when
 * memory runs out. */
snip_terms *snip_terms_new(const qp_node *tree, morph *words, const gazetteer *gaz);
void snip_terms_free(snip_terms *t);  /* accepts NULL */

typedef struct snippet {
    char *text;               /* malloc'd, white space folded, "…" where cut */
    size_t len;
    size_t (*marks)[2];       /* malloc'd (byte offset, byte length) in text */
    size_t nmarks;
} snippet;

/* Builds the snippet of `text` for `terms`, about `width` tokens long.
 * Returns 0, or -1 when memory runs out. Release with snippet_fini. */
int snippet_make(const snip_terms *terms, morph *words, const char *text, size_t len,
                 unsigned width, snippet *out);
void snippet_fini(snippet *s);

#endif
