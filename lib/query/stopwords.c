/* The stop word lists. English: the function words of the Snowball English
 * list (pronouns, articles, auxiliaries, prepositions, conjunctions) plus
 * the question words people type ("how", "why", "whether"); Russian: the
 * Snowball Russian list. Content words that merely happen to be frequent
 * ("people", "year") are not stop words: they carry meaning in a question.
 * Entries are written as people write them and normalized by the tokenizer
 * once, so "ещё" matches however normalization folds it. */
#include "query/stopwords.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "query/compile.h"
#include "text/token.h"
#include "xap/prefix.h"

static const char *const english[] = {
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between",
    "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during",
    "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
    "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into",
    "is", "it", "it's", "its", "itself", "me", "might", "more", "most", "must", "my",
    "myself", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "ought",
    "our", "ours", "ourselves", "out", "over", "own", "same", "shall", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under", "until",
    "up", "upon", "very", "was", "we", "were", "what", "whatever", "when", "where",
    "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "would",
    "you", "your", "yours", "yourself", "yourselves",
};

static const char *const russian[] = {
    "и", "в", "во", "не", "что", "он", "на", "я", "с", "со", "как", "а", "то", "все",
    "она", "так", "его", "но", "да", "ты", "к", "у", "же", "вы", "за", "бы", "по", "только",
    "ее", "мне", "было", "вот", "от", "меня", "еще", "нет", "о", "из", "ему", "теперь",
    "когда", "даже", "ну", "вдруг", "ли", "если", "уже", "или", "ни", "быть", "был", "него",
    "до", "вас", "нибудь", "опять", "уж", "вам", "ведь", "там", "потом", "себя", "ничего",
    "ей", "может", "они", "тут", "где", "есть", "надо", "ней", "для", "мы", "тебя", "их",
    "чем", "была", "сам", "чтоб", "без", "будто", "чего", "раз", "тоже", "себе", "под",
    "будет", "ж", "тогда", "кто", "этот", "того", "потому", "этого", "какой", "совсем",
    "ним", "здесь", "этом", "один", "почти", "мой", "тем", "чтобы", "нее", "сейчас",
    "были", "куда", "зачем", "всех", "никогда", "можно", "при", "наконец", "два", "об",
    "другой", "хоть", "после", "над", "больше", "тот", "через", "эти", "нас", "про",
    "всего", "них", "какая", "много", "разве", "три", "эту", "моя", "впрочем", "хорошо",
    "свою", "этой", "перед", "иногда", "лучше", "чуть", "том", "нельзя", "такой", "им",
    "более", "всегда", "конечно", "всю", "между", "почему", "ещё", "её", "это", "эта",
};

#define NENGLISH (sizeof english / sizeof *english)
#define NRUSSIAN (sizeof russian / sizeof *russian)

static char *words[NENGLISH + NRUSSIAN];
static size_t nwords;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add(const char *w)
{
    /* One token each; tok_join gives its normalized form. A word that fails
     * to normalize (no memory) is left out: it is then merely required. */
    char *n = tok_join(w, strlen(w));
    if (n && *n && !strchr(n, ' '))
        words[nwords++] = n;
    else
        free(n);
}

static void build(void)
{
    for (size_t i = 0; i < NENGLISH; i++)
        add(english[i]);
    for (size_t i = 0; i < NRUSSIAN; i++)
        add(russian[i]);
    qsort(words, nwords, sizeof *words, cmp_str);
}

int qp_stopword(const char *word, size_t len)
{
    char key[64];
    if (len == 0 || len >= sizeof key)
        return 0;
    pthread_once(&once, build);
    memcpy(key, word, len);
    key[len] = '\0';
    const char *k = key;
    return bsearch(&k, words, nwords, sizeof *words, cmp_str) != NULL;
}

typedef struct strv {
    char **v;
    size_t len, cap;
} strv;

static int push_term(const char *term, void *ctx)
{
    strv *t = ctx;
    return strv_push(&t->v, &t->len, &t->cap, term) < 0;
}

seek_status qp_stopword_terms(morph *words_forms, char ***out, size_t *n)
{
    strv t = { NULL, 0, 0 };
    pthread_once(&once, build);
    for (size_t i = 0; i < nwords; i++)
        if (qp_word_terms(words_forms, PREFIX_STEM, words[i], strlen(words[i]), push_term, &t)
            != 0) {
            xap_strv_free(t.v, t.len);
            return SEEK_NOMEM;
        }
    *out = t.v;
    *n = t.len;
    return SEEK_OK;
}
