/* The Xapian shim: the only file that sees C++. Each extern "C" function is one
 * try block whose catch hands the exception to translate(), so no exception,
 * Xapian's or the standard library's, ever crosses into C. Results are copied
 * into malloc'd C memory inside the try. */
#include "xap/xap.h"
#include "shard.h"
#include "xap/prefix.h"

#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sys/stat.h>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <memory>
#include <new>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <vector>

struct xap_db {
    Xapian::Database db;
    bool remote;    /* some shard is remote: values come with documents, not streams */
    /* What feedback has learnt of the revision the reader sees, until it
     * moves (xap_db_reopen): documents' stems (a remote shard sends a
     * document's terms with a lookup of each on its side: the dearest part
     * of feedback there) and stems' document counts. Bounded by
     * XAP_CACHE_DOCS and XAP_CACHE_TERMS: a full cache starts afresh. */
    std::unordered_map<Xapian::docid, std::vector<std::string>> stems;
    std::unordered_map<std::string, double> counts;
    long parts = -1;   /* parts in the revision seen (TERM_PART); -1: not looked up yet */
};
#define XAP_CACHE_DOCS 256
#define XAP_CACHE_TERMS 200000
struct xap_wdb {
    std::vector<Xapian::WritableDatabase> shards;
    bool in_txn = false;
    unsigned part_batch = XAP_PART_BATCH;
    Xapian::WritableDatabase &shard(const char *idterm)
    {
        return shards[shard_of(idterm, static_cast<unsigned>(shards.size()))];
    }
};
struct xap_doc {
    Xapian::Document doc;
    /* Its parts (xap_doc_set_parts), written, replaced and deleted with it. */
    size_t nparts = 0;
    xap_part_fn part_fn = nullptr;
    void *part_ctx = nullptr;
    void (*part_ctx_free)(void *) = nullptr;
    xap_doc() = default;
    xap_doc(const xap_doc &) = delete;
    xap_doc &operator=(const xap_doc &) = delete;
    ~xap_doc()
    {
        if (part_ctx_free)
            part_ctx_free(part_ctx);
    }
};
struct xap_query { Xapian::Query q; };
struct xap_stem { Xapian::Stem stem; };

static thread_local char errbuf[512];

static void set_error(const std::string &msg)
{
    std::snprintf(errbuf, sizeof errbuf, "%s", msg.c_str());
}

/* Maps the exception being handled to a status and keeps its message. The
 * order matters: subclasses before the classes they derive from. */
static seek_status translate() noexcept
{
    try {
        throw;
    } catch (const Xapian::DatabaseModifiedError &e) {
        set_error(e.get_description());
        return SEEK_MODIFIED;
    } catch (const Xapian::DatabaseLockError &e) {
        set_error(e.get_description());
        return SEEK_LOCKED;
    } catch (const Xapian::DatabaseNotFoundError &e) {
        set_error(e.get_description());
        return SEEK_NOT_FOUND;
    } catch (const Xapian::DatabaseError &e) {
        set_error(e.get_description());
        return SEEK_IO;
    } catch (const Xapian::QueryParserError &e) {
        set_error(e.get_description());
        return SEEK_BAD_QUERY;
    } catch (const Xapian::WildcardError &e) {
        set_error(e.get_description());
        return SEEK_BAD_QUERY;
    } catch (const Xapian::NetworkError &e) {
        set_error(e.get_description());
        return SEEK_NETWORK;
    } catch (const Xapian::InvalidArgumentError &e) {
        set_error(e.get_description());
        return SEEK_INVALID;
    } catch (const Xapian::Error &e) {
        set_error(e.get_description());
        return SEEK_XAPIAN;
    } catch (const std::bad_alloc &) {
        set_error("out of memory");
        return SEEK_NOMEM;
    } catch (const std::exception &e) {
        set_error(std::string("unexpected exception: ") + e.what());
        return SEEK_INTERNAL;
    } catch (...) {
        set_error("unexpected exception");
        return SEEK_INTERNAL;
    }
}

static seek_status fail(seek_status st, const char *msg) noexcept
{
    std::snprintf(errbuf, sizeof errbuf, "%s", msg);
    return st;
}

static char *dup_string(const std::string &s)
{
    char *p = static_cast<char *>(std::malloc(s.size() + 1));
    if (!p)
        throw std::bad_alloc();
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return p;
}

extern "C" {

const char *xap_errmsg(void) noexcept
{
    return errbuf;
}

/* ---- Readers ---- */

/* Whether `path` is a stub database naming a remote shard. Xapian does not
 * tell, and remote and local shards want different ways of reading values. */
static bool lists_remote(const char *path)
{
    struct stat st;
    std::string stub = path;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        stub += "/XAPIANDB";
    std::ifstream in(stub);
    std::string line;
    while (std::getline(in, line)) {
        size_t at = line.find_first_not_of(" \t");
        if (at != std::string::npos && line.compare(at, 6, "remote") == 0)
            return true;
    }
    return false;
}

seek_status xap_db_open(const char *path, xap_db **out) noexcept
{
    *out = nullptr;
    try {
        *out = new xap_db{Xapian::Database(path), lists_remote(path), {}, {}};
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

int xap_db_remote(const xap_db *db) noexcept
{
    return db->remote;
}

void xap_db_close(xap_db *db) noexcept
{
    delete db;
}

seek_status xap_db_reopen(xap_db *db, int *moved) noexcept
{
    *moved = 0;
    try {
        *moved = db->db.reopen();
        if (*moved) {
            db->stems.clear();
            db->counts.clear();
            db->parts = -1;
        }
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

seek_status xap_db_info(xap_db *db, xap_info *info) noexcept
{
    try {
        info->parts = db->db.get_termfreq(TERM_PART);
        info->docs = db->db.get_doccount() - info->parts;
        /* Shards each have their own revision: no single number to give. */
        info->revision = db->db.size() == 1 ? db->db.get_revision() : 0;
        /* Parts add nothing to lengths (wdf 0): the mean is over documents. */
        info->avg_length = info->docs ? db->db.get_avlength() * static_cast<double>(info->docs + info->parts)
                                            / static_cast<double>(info->docs)
                                      : 0.0;
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

seek_status xap_db_metadata(xap_db *db, const char *key, char **out) noexcept
{
    *out = nullptr;
    try {
        *out = dup_string(db->db.get_metadata(key));
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

/* ---- Searching ---- */

void xap_counts_free(xap_count *c, size_t n) noexcept
{
    if (!c)
        return;
    for (size_t i = 0; i < n; i++)
        std::free(c[i].term);
    std::free(c);
}

/* Sums a facet's per-slot counts and keeps the `top` most frequent values. */
static void fill_facet(xap_facet *f, const std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> &spies,
                       size_t top)
{
    std::map<std::string, unsigned long> m;
    for (const auto &spy : spies)
        for (auto v = spy->values_begin(); v != spy->values_end(); ++v)
            m[*v] += v.get_termfreq();
    std::vector<std::pair<std::string, unsigned long>> v(m.begin(), m.end());
    std::stable_sort(v.begin(), v.end(), [](const auto &a, const auto &b) {
        return a.second > b.second;
    });
    if (v.size() > top)
        v.resize(top);
    if (v.empty())
        return;
    f->top = static_cast<xap_count *>(std::calloc(v.size(), sizeof(xap_count)));
    if (!f->top)
        throw std::bad_alloc();
    for (auto &e : v) {
        f->top[f->n].term = dup_string(e.first);
        f->top[f->n].count = e.second;
        f->n++;
    }
}

static void hits_clear(xap_hits *h)
{
    for (size_t i = 0; i < h->n; i++) {
        if (h->hits[i].values)
            for (size_t s = 0; s < h->nslots; s++)
                std::free(h->hits[i].values[s]);
        std::free(h->hits[i].values);
        std::free(h->hits[i].value_lens);
        std::free(h->hits[i].key);
        std::free(h->hits[i].data);
    }
    std::free(h->hits);
    h->hits = nullptr;
    h->n = 0;
    for (size_t i = 0; h->facets && i < h->nfacets; i++)
        xap_counts_free(h->facets[i].top, h->facets[i].n);
    std::free(h->facets);
    h->facets = nullptr;
}

void xap_hits_free(xap_hits *h) noexcept
{
    if (!h)
        return;
    hits_clear(h);
    std::free(h);
}

/* An exact count, or else (the time limit or count_bound stopped the
 * counting) the matches Xapian is sure of: an estimate could be fewer than
 * the documents there are, and a lower bound is what "at least" promises.
 * Shards' lower bounds add up to one. */
static void set_total(xap_hits *h, const Xapian::MSet &m)
{
    h->total = m.get_matches_lower_bound();
    h->exact = h->total == m.get_matches_upper_bound();
}

/* How many matches the ranked match checks: all when the count must be
 * exact or facets counted them already, else count_bound, past which
 * Xapian may skip documents that cannot reach the page. */
static Xapian::doccount to_check(const xap_search *opt, Xapian::doccount all)
{
    if (opt->nfacets)
        return 0;
    return opt->count_bound && opt->count_bound < all ? static_cast<Xapian::doccount>(opt->count_bound)
                                                      : all;
}

/* Facets get a match of their own, unweighted and in docid order: Xapian
 * 1.4 runs match spies a second time on some of a remote shard's hits when
 * the results are sorted by value, which would inflate the counts. */
static void count_facets(Xapian::Database &db, const Xapian::Query &q, const xap_search *opt,
                         Xapian::doccount all, xap_hits *h)
{
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    std::vector<std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>>> spies(opt->nfacets);
    for (size_t f = 0; f < opt->nfacets; f++)
        for (unsigned s = 0; s < opt->facets[f].nslots; s++) {
            Xapian::valueno slot = static_cast<Xapian::valueno>(opt->facets[f].first_slot) + s;
            spies[f].emplace_back(new Xapian::ValueCountMatchSpy(slot));
            enquire.add_matchspy(spies[f].back().get());
        }
    if (opt->time_limit > 0)
        enquire.set_time_limit(opt->time_limit);
    Xapian::MSet mset = enquire.get_mset(0, 0, all);
    set_total(h, mset);
    h->facets = static_cast<xap_facet *>(std::calloc(opt->nfacets, sizeof(xap_facet)));
    if (!h->facets)
        throw std::bad_alloc();
    h->nfacets = opt->nfacets;
    for (size_t f = 0; f < opt->nfacets; f++)
        fill_facet(&h->facets[f], spies[f], f + opt->facet_keep_all >= opt->nfacets ? SIZE_MAX : opt->facet_top);
}

static void set_value(xap_hit *hit, size_t s, const std::string &v)
{
    hit->values[s] = dup_string(v);
    hit->value_lens[s] = v.size();
}

static void set_data(xap_hit *hit, const std::string &v)
{
    hit->data = dup_string(v);
    hit->data_len = v.size();
}

/* Reads the hits' values in docid order, one value stream per slot: far
 * cheaper than a document lookup per hit on local shards, but a remote shard
 * would send documents one by one to feed a stream. */
static void stream_values(Xapian::Database &db, xap_hits *h, const xap_search *opt)
{
    std::vector<size_t> order(h->n);
    for (size_t i = 0; i < h->n; i++)
        order[i] = i;
    std::sort(order.begin(), order.end(), [h](size_t a, size_t b) {
        return h->hits[a].docid < h->hits[b].docid;
    });
    /* The requested slots for every hit, then the data slot for the first
     * data_hits. */
    for (size_t s = 0; s <= opt->nslots; s++) {
        bool data = s == opt->nslots;
        if (data && !opt->data_hits)
            break;
        Xapian::valueno slot = static_cast<Xapian::valueno>(data ? opt->data_slot : opt->slots[s]);
        Xapian::ValueIterator v = db.valuestream_begin(slot), end = db.valuestream_end(slot);
        for (size_t i : order) {
            if (data && i >= opt->data_hits)
                continue;
            xap_hit *hit = &h->hits[i];
            if (v != end)
                v.skip_to(hit->docid);
            std::string value = v != end && v.get_docid() == hit->docid ? *v : std::string();
            if (data)
                set_data(hit, value);
            else
                set_value(hit, s, value);
        }
    }
}

/* Copies a hit's score, key and (unless streamed) values and data. `key`
 * is the hit's key_slot value when the sort key is something else. */
static void copy_hit(xap_hit *hit, const Xapian::MSetIterator &it, const xap_search *opt,
                     bool docs_for_values, bool want_data, const std::string *key_value)
{
    hit->docid = *it;
    hit->score = it.get_weight();
    if (opt->key_slot >= 0) {
        std::string key = key_value ? *key_value : it.get_sort_key();
        hit->key = dup_string(key);
        hit->key_len = key.size();
    }
    if (opt->nslots) {
        hit->values = static_cast<char **>(std::calloc(opt->nslots, sizeof(char *)));
        hit->value_lens = static_cast<size_t *>(std::calloc(opt->nslots, sizeof(size_t)));
        if (!hit->values || !hit->value_lens)
            throw std::bad_alloc();
    }
    if (!docs_for_values || (!want_data && !opt->nslots))
        return;
    Xapian::Document doc = it.get_document();
    for (size_t s = 0; s < opt->nslots; s++)
        set_value(hit, s, doc.get_value(opt->slots[s]));
    if (want_data)
        set_data(hit, doc.get_value(opt->data_slot));
}

/* The key_slot values of the hits at positions [from, to] of `ms`: from
 * value streams locally, from the documents on a remote shard. */
static std::vector<std::string> hit_keys(Xapian::Database &db, bool remote, const Xapian::MSet &ms,
                                         size_t from, size_t to, Xapian::valueno slot)
{
    std::vector<std::string> keys(to - from + 1);
    std::vector<size_t> order;
    for (size_t i = from; i <= to; i++) {
        if (remote)
            keys[i - from] = ms[static_cast<Xapian::doccount>(i)].get_document().get_value(slot);
        else
            order.push_back(i);
    }
    std::sort(order.begin(), order.end(), [&ms](size_t a, size_t b) {
        return *ms[static_cast<Xapian::doccount>(a)] < *ms[static_cast<Xapian::doccount>(b)];
    });
    Xapian::ValueIterator v = db.valuestream_begin(slot), end = db.valuestream_end(slot);
    for (size_t i : order) {
        Xapian::docid id = *ms[static_cast<Xapian::doccount>(i)];
        if (v != end)
            v.skip_to(id);
        keys[i - from] = v != end && v.get_docid() == id ? *v : std::string();
    }
    return keys;
}

/* Sorting by a value leaves hits of equal value and score in docid order,
 * which sharding changes; here they go in key_slot order, as with relevance.
 * The window fetched is widened until the runs of equal value and score at
 * its edges lie wholly inside it, so that paging stays exact. Fills `pick`
 * with the MSet positions of the hits asked for, `keys` with their keys. */
static Xapian::MSet value_ordered(Xapian::Enquire &enquire, Xapian::Database &db, bool remote,
                                  const xap_search *opt, Xapian::doccount all,
                                  std::vector<Xapian::doccount> &pick,
                                  std::vector<std::string> &keys)
{
    for (Xapian::doccount margin = 16;; margin *= 4) {
        Xapian::doccount first = opt->offset > margin ? opt->offset - margin : 0;
        Xapian::doccount want = opt->offset - first + opt->limit + margin;
        Xapian::MSet ms = enquire.get_mset(first, want, all);
        size_t n = ms.size(), lo = opt->offset - first, hi = std::min<size_t>(lo + opt->limit, n);
        if (lo >= n || hi == lo)
            return ms;
        auto same = [&ms](size_t a, size_t b) {
            auto x = ms[static_cast<Xapian::doccount>(a)], y = ms[static_cast<Xapian::doccount>(b)];
            return x.get_sort_key() == y.get_sort_key() && x.get_weight() == y.get_weight();
        };
        if ((first > 0 && same(0, lo)) || (n == want && same(n - 1, hi - 1)))
            continue;
        size_t from = lo, to = hi - 1;
        while (from > 0 && same(from - 1, lo))
            from--;
        while (to + 1 < n && same(to + 1, hi - 1))
            to++;
        std::vector<std::string> k = hit_keys(db, remote, ms, from, to, static_cast<Xapian::valueno>(opt->key_slot));
        std::vector<size_t> run(to - from + 1), order(to - from + 1);
        for (size_t i = from; i <= to; i++) {
            run[i - from] = i > from && same(i - 1, i) ? run[i - from - 1] : i;
            order[i - from] = i;
        }
        std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            if (run[a - from] != run[b - from])
                return run[a - from] < run[b - from];
            return k[a - from] != k[b - from] ? k[a - from] < k[b - from] : a < b;
        });
        for (size_t i = lo; i < hi; i++) {
            pick.push_back(static_cast<Xapian::doccount>(order[i - from]));
            keys.push_back(k[order[i - from] - from]);
        }
        return ms;
    }
}

/* Ranking (docs/relevance.md has the measurements): In_expB2 of the
 * divergence-from-randomness family (Amati and van Rijsbergen; Xapian's
 * IneB2Weight) with its standard c = 1, and pseudo-relevance feedback: the
 * stems that best tell the top FEEDBACK_DOCS documents from the rest
 * (expand()) are added, at up to FEEDBACK_WEIGHT of their own weight, as
 * optional terms, so they reorder the matches without adding any. 3
 * documents and 10 terms are Terrier's defaults. The weighting scheme and
 * the query operators are Xapian's own, which xapian-tcpsrv knows, so
 * remote shards rank as local ones. */
#define DFR_C 1.0
#define FEEDBACK_DOCS 3
#define FEEDBACK_TERMS 10
#define FEEDBACK_WEIGHT 0.5
#define FEEDBACK_MAX_DOCLEN 50000   /* words: a long report, not a dump */

static Xapian::IneB2Weight ranking()
{
    return Xapian::IneB2Weight(DFR_C);
}

/* Set once before serving (xap_expand_skip), read-only afterwards. */
static std::unordered_set<std::string> expand_skip;

struct expansion {
    std::string term;
    double weight;
};

/* How many documents hold each of `terms`, in the whole index: looked up
 * one by one in local databases; a remote shard would answer each lookup
 * with a network round trip, so there they come at once, as the
 * statistics of one query over them. Either way the counts are exact, so a
 * sharded index expands exactly as one database. */
static std::vector<double> doc_counts(xap_db *x, const std::vector<std::string> &terms)
{
    std::vector<Xapian::Query> missing;
    for (const std::string &t : terms)
        if (!x->counts.count(t))
            missing.emplace_back(t);
    if (x->counts.size() + missing.size() > XAP_CACHE_TERMS)
        x->counts.clear();
    if (!x->remote) {
        for (const std::string &t : terms)
            if (!x->counts.count(t))
                x->counts[t] = x->db.get_termfreq(t);
    } else if (!missing.empty()) {
        Xapian::Enquire stats(x->db);
        stats.set_query(Xapian::Query(Xapian::Query::OP_OR, missing.begin(), missing.end()));
        Xapian::MSet m = stats.get_mset(0, 0);
        for (const std::string &t : terms)
            if (!x->counts.count(t))
                x->counts[t] = m.get_termfreq(t);
    }
    std::vector<double> n;
    n.reserve(terms.size());
    for (const std::string &t : terms)
        n.push_back(x->counts[t]);
    return n;
}

/* The stems of document `d`, in term order. */
static const std::vector<std::string> &doc_stems(xap_db *x, Xapian::docid d)
{
    auto found = x->stems.find(d);
    if (found != x->stems.end())
        return found->second;
    if (x->stems.size() >= XAP_CACHE_DOCS)
        x->stems.clear();
    std::vector<std::string> &v = x->stems[d];
    Xapian::TermIterator t = x->db.termlist_begin(d), end = x->db.termlist_end(d);
    for (t.skip_to(PREFIX_STEM); t != end; ++t) {
        std::string term = *t;
        if (term.compare(0, std::strlen(PREFIX_STEM), PREFIX_STEM) != 0)
            break;
        if (term.size() > std::strlen(PREFIX_STEM))
            v.push_back(std::move(term));
    }
    return v;
}

/* Robertson's offer weight r * RSJ(r, R, n, N) of a stem that r of the R
 * documents and n of all N hold. */
static double offer_weight(double r, double R, double n, double N)
{
    return r * std::log((r + 0.5) * (N - n - R + r + 0.5) / ((n - r + 0.5) * (R - r + 0.5)));
}

/* The `nterms` stems that best set the documents `rel` apart from the rest
 * of the index, by their offer weight, best first, ties by term. Left out:
 * stop words (expand_skip), the stems in `skip`, and stems no other
 * document holds (n == r), which can only lift those documents.
 *
 * Most candidates are held by one of the documents, and their counts cost
 * the most: they are looked at only when they may make the cut. The offer
 * weight falls as n grows, so a stem of one document weighs at most what it
 * would with n = 2; when the stems held by several documents already fill
 * the cut above that bound, the answer is the same without them.
 *
 * Xapian's ESet would do, but it looks up every candidate's count, and with
 * a sharded index it estimates the counts from the shards unless asked for
 * exact ones, which a remote shard answers one term per round trip. */
static std::vector<expansion> expand(xap_db *x, const std::vector<Xapian::docid> &rel,
                                     const std::set<std::string> &skip, unsigned nterms)
{
    std::unordered_map<std::string, unsigned> held;   /* stem -> r */
    for (Xapian::docid d : rel)
        for (const std::string &term : doc_stems(x, d))
            held[term]++;
    /* In term order, so that remote shards are asked alike every time. */
    std::vector<std::string> shared, single;
    for (const auto &h : held)
        if (!skip.count(h.first) && !expand_skip.count(h.first))
            (h.second > 1 ? shared : single).push_back(h.first);
    std::sort(shared.begin(), shared.end());
    std::sort(single.begin(), single.end());
    std::vector<expansion> out;
    double N = x->db.get_doccount(), R = static_cast<double>(rel.size());
    auto best = [&out, nterms]() {
        std::sort(out.begin(), out.end(), [](const expansion &a, const expansion &b) {
            return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
        });
        if (out.size() > nterms)
            out.resize(nterms);
    };
    for (const std::vector<std::string> *group : { &shared, &single }) {
        if (group == &single && out.size() >= nterms && out.back().weight > offer_weight(1, R, 2, N))
            break;
        if (group->empty())
            continue;
        std::vector<double> n = doc_counts(x, *group);
        for (size_t i = 0; i < group->size(); i++) {
            double r = held[(*group)[i]];
            if (n[i] <= r)
                continue;
            double w = offer_weight(r, R, n[i], N);
            if (w > 0)
                out.push_back({ (*group)[i], w });
        }
        best();
    }
    return out;
}

/* The query reweighted by feedback from its own top documents (in the
 * order `enquire` sets, so ties at the cut fall alike on every layout);
 * `q` itself when there is nothing to reorder (one match or none) or
 * nothing worth adding. */
static Xapian::Query with_feedback(xap_db *x, Xapian::Enquire &enquire, const Xapian::Query &q)
{
    Xapian::MSet top = enquire.get_mset(0, FEEDBACK_DOCS);
    /* A document of more than FEEDBACK_MAX_DOCLEN words gives none: reading
     * its stems and their counts would cost a query that ranks it in its top
     * documents time in proportion to its size (a 50 MB text holds tens of
     * thousands of stems), and holding nearly every stem, it tells little
     * about the others. Its length is a lookup in a local database, but a
     * round trip to a remote shard, so there every top document counts. */
    std::vector<Xapian::docid> rel;
    for (Xapian::MSetIterator it = top.begin(); it != top.end(); ++it)
        if (x->remote || x->db.get_doclength(*it) <= FEEDBACK_MAX_DOCLEN)
            rel.push_back(*it);
    std::set<std::string> asked(q.get_unique_terms_begin(), q.get_unique_terms_end());
    std::vector<expansion> terms = rel.size() < 2 ? std::vector<expansion>()
                                                  : expand(x, rel, asked, FEEDBACK_TERMS);
    if (terms.empty())
        return q;
    /* Each in proportion to its offer weight, the best at FEEDBACK_WEIGHT. */
    std::vector<Xapian::Query> subs;
    for (const expansion &e : terms)
        subs.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(e.term),
                          FEEDBACK_WEIGHT * e.weight / terms[0].weight);
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, q,
                         Xapian::Query(Xapian::Query::OP_OR, subs.begin(), subs.end()));
}

/* Scores that differ only in their last bits count as a tie, which the
 * sort key breaks: a sharded index adds up a document's term weights in
 * another order than a single database does, and exact ties (two documents
 * of the same length with the same counts) come out a rounding error apart,
 * in either order. Each run of such near-ties in the page is put in key
 * order. */
static bool near_tie(double a, double b)
{
    return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

static void order_near_ties(xap_hits *h)
{
    auto by_key = [](const xap_hit &a, const xap_hit &b) {
        int c = std::memcmp(a.key, b.key, std::min(a.key_len, b.key_len));
        return c ? c < 0 : a.key_len < b.key_len;
    };
    for (size_t i = 0; i < h->n;) {
        size_t j = i + 1;
        while (j < h->n && near_tie(h->hits[j - 1].score, h->hits[j].score))
            j++;
        if (j - i > 1)
            std::sort(h->hits + i, h->hits + j, by_key);
        i = j;
    }
}

seek_status xap_db_search(xap_db *db, const xap_query *q, const xap_search *opt,
                          xap_hits **out) noexcept
{
    *out = nullptr;
    xap_hits *h = static_cast<xap_hits *>(std::calloc(1, sizeof *h));
    if (!h)
        return fail(SEEK_NOMEM, "out of memory");
    h->nslots = opt->nslots;
    try {
        /* Asking to check every document makes counts exact, not estimated. */
        Xapian::doccount all = db->db.get_doccount();
        if (opt->nfacets)
            count_facets(db->db, q->q, opt, all, h);
        if (opt->nfacets && opt->limit == 0) {
            *out = h;
            return SEEK_OK;
        }
        Xapian::Enquire enquire(db->db);
        enquire.set_query(q->q);
        if (opt->rank == XAP_RANK_WDF)
            enquire.set_weighting_scheme(Xapian::TfIdfWeight("nnn"));
        else
            enquire.set_weighting_scheme(ranking());
        bool by_value = opt->order != XAP_ORDER_RELEVANCE && opt->key_slot >= 0;
        if (by_value)
            enquire.set_sort_by_value_then_relevance(static_cast<Xapian::valueno>(opt->order_slot),
                                                     opt->order == XAP_ORDER_DESC);
        else if (opt->key_slot >= 0)
            enquire.set_sort_by_relevance_then_value(static_cast<Xapian::valueno>(opt->key_slot), false);
        else
            enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        /* After the order is set: ties at the feedback documents' cut are
         * broken by the key, as sharding needs. An order by date leaves
         * nothing for feedback to reorder. */
        if (opt->rank == XAP_RANK_RELEVANCE && opt->feedback && !by_value && opt->limit > 0)
            enquire.set_query(with_feedback(db, enquire, q->q));
        if (opt->time_limit > 0)
            enquire.set_time_limit(opt->time_limit);
        std::vector<Xapian::doccount> pick;
        std::vector<std::string> keys;
        Xapian::doccount check = to_check(opt, all);
        Xapian::MSet mset = by_value ? value_ordered(enquire, db->db, db->remote, opt, check, pick, keys)
                                     : enquire.get_mset(opt->offset, opt->limit, check);
        if (!opt->nfacets)
            set_total(h, mset);
        size_t nhits = by_value ? pick.size() : mset.size();
        if (nhits) {
            h->hits = static_cast<xap_hit *>(std::calloc(nhits, sizeof(xap_hit)));
            if (!h->hits)
                throw std::bad_alloc();
        }
        /* Xapian 1.4 fetches a remote shard's documents one request at a
         * time (MSet::fetch does not batch them), so callers avoid asking
         * remote shards for values or data per hit. */
        bool docs_for_values = db->remote;
        if (by_value)
            for (; h->n < nhits; h->n++)
                copy_hit(&h->hits[h->n], mset[pick[h->n]], opt, docs_for_values,
                         h->n < opt->data_hits, &keys[h->n]);
        else
            for (auto it = mset.begin(); it != mset.end(); ++it, h->n++)
                copy_hit(&h->hits[h->n], it, opt, docs_for_values, h->n < opt->data_hits, nullptr);
        /* Before the values are read: the first data_hits get the data. */
        if (opt->key_slot >= 0 && !by_value)
            order_near_ties(h);
        if ((opt->nslots || opt->data_hits) && !docs_for_values)
            stream_values(db->db, h, opt);
        *out = h;
        return SEEK_OK;
    } catch (...) {
        seek_status st = translate();
        xap_hits_free(h);
        return st;
    }
}

seek_status xap_db_termfreq(xap_db *db, const char *term, unsigned long *out) noexcept
{
    *out = 0;
    try {
        *out = db->db.get_termfreq(term);
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

seek_status xap_db_prefix_count(xap_db *db, const char *prefix, unsigned long max,
                                unsigned long *out) noexcept
{
    *out = 0;
    try {
        for (auto t = db->db.allterms_begin(prefix); t != db->db.allterms_end(prefix) && *out <= max; ++t)
            ++*out;
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

seek_status xap_db_terms(xap_db *db, const char *prefix, xap_count **out, size_t *n) noexcept
{
    *out = nullptr;
    *n = 0;
    xap_count *v = nullptr;
    size_t len = 0, cap = 0;
    try {
        for (auto t = db->db.allterms_begin(prefix); t != db->db.allterms_end(prefix); ++t) {
            if (len == cap) {
                cap = cap ? cap * 2 : 64;
                xap_count *grown = static_cast<xap_count *>(std::realloc(v, cap * sizeof *v));
                if (!grown)
                    throw std::bad_alloc();
                v = grown;
            }
            v[len].term = dup_string(*t);
            v[len].count = t.get_termfreq();
            len++;
        }
        *out = v;
        *n = len;
        return SEEK_OK;
    } catch (...) {
        seek_status st = translate();
        xap_counts_free(v, len);
        return st;
    }
}

seek_status xap_expand_skip(const char *const *terms, size_t n) noexcept
{
    try {
        expand_skip.insert(terms, terms + n);
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

seek_status xap_db_each_word(xap_db *db, const char *start, xap_term_fn fn, void *ctx) noexcept
{
    try {
        /* Prefixes are capital letters and words never hold one (they are
         * case-folded), so words are the terms outside ["A", "["). */
        Xapian::TermIterator t = db->db.allterms_begin(start), end = db->db.allterms_end(start);
        while (t != end) {
            std::string w = *t;
            if (w[0] >= 'A' && w[0] <= 'Z') {
                t.skip_to("[");
                continue;
            }
            if (fn(w.data(), w.size(), t.get_termfreq(), ctx))
                break;
            ++t;
        }
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

/* ---- Parts of big documents ---- */

seek_status xap_db_has_parts(xap_db *db, int *out) noexcept
{
    *out = 0;
    try {
        if (db->parts < 0)
            db->parts = static_cast<long>(db->db.get_termfreq(TERM_PART));
        *out = db->parts > 0;
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

seek_status xap_db_parts_match(xap_db *db, int ordered, const char *const *words, size_t n,
                               unsigned window, const char *const *filter, size_t nfilter,
                               int exact, xap_query **out) noexcept
{
    *out = nullptr;
    try {
        std::vector<std::string> w, f;
        for (size_t i = 0; i < n; i++)
            w.emplace_back(std::string(PREFIX_PART_WORD) + words[i]);
        for (size_t i = 0; i < nfilter; i++)
            f.emplace_back(std::string(PREFIX_PART_WORD) + filter[i]);
        /* A part holding the match holds each of these terms: when one is
         * in no part, no part holds it, which a lookup per term tells at a
         * fraction of what a query over the parts costs (most phrases of
         * two or three words a big text does not hold end here). Not on a
         * remote shard, where each lookup is a round trip. */
        if (!db->remote) {
            for (const std::string &t : f)
                if (!db->db.term_exists(t))
                    return SEEK_OK;
            for (const std::string &t : w)
                if (!db->db.term_exists(t))
                    return SEEK_OK;
        }
        std::vector<Xapian::Query> in_parts(w.begin(), w.end()), whole(words, words + n);
        Xapian::Query match(ordered ? Xapian::Query::OP_PHRASE : Xapian::Query::OP_NEAR,
                            in_parts.begin(), in_parts.end(), window);
        if (nfilter) {
            Xapian::Query all(Xapian::Query::OP_AND, f.begin(), f.end());
            match = exact ? all : Xapian::Query(Xapian::Query::OP_FILTER, match, all);
        }
        Xapian::Enquire enquire(db->db);
        enquire.set_query(match);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        /* One answer per document, its id the collapse key: no document
         * is fetched, on a remote shard either. */
        enquire.set_collapse_key(SLOT_ID);
        /* At most one answer per parted document, so no more than there
         * are parts (Xapian reserves room for as many as asked). */
        if (db->parts < 0)
            db->parts = static_cast<long>(db->db.get_termfreq(TERM_PART));
        Xapian::MSet ms = enquire.get_mset(0, static_cast<Xapian::doccount>(db->parts));
        if (ms.empty())
            return SEEK_OK;
        /* A part's key reaches its document by the document's W term; a
         * bare id (parts written before keys) by its Q term. */
        std::vector<Xapian::Query> ids;
        for (auto it = ms.begin(); it != ms.end(); ++it) {
            const std::string &key = it.get_collapse_key();
            ids.emplace_back((key.find(PART_KEY_SEP) == std::string::npos ? PREFIX_ID : PREFIX_PART_KEY)
                             + key);
        }
        /* Their words without positions weigh as the phrase would. */
        Xapian::Query q(Xapian::Query::OP_FILTER,
                        Xapian::Query(Xapian::Query::OP_AND, whole.begin(), whole.end()),
                        Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end()));
        *out = new xap_query{std::move(q)};
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

/* The first position at which document `did` holds terms[0..n) at
 * adjacent positions, or 0. */
static Xapian::termpos first_run(const Xapian::Database &db, Xapian::docid did,
                                 const char *const *terms, size_t n)
{
    std::vector<Xapian::PositionIterator> it;
    for (size_t k = 0; k < n; k++) {
        it.push_back(db.positionlist_begin(did, terms[k]));
        if (it.back() == db.positionlist_end(did, terms[k]))
            return 0;
    }
    Xapian::termpos p = *it[0];
    for (size_t k = 1; k < n;) {
        it[k].skip_to(p + static_cast<Xapian::termpos>(k));
        if (it[k] == db.positionlist_end(did, terms[k]))
            return 0;
        if (*it[k] == p + k) {
            k++;
            continue;
        }
        it[0].skip_to(*it[k] - static_cast<Xapian::termpos>(k));
        if (it[0] == db.positionlist_end(did, terms[0]))
            return 0;
        p = *it[0];
        k = 1;
    }
    return p;
}

static size_t get_u32(const std::string &s, size_t i)
{
    size_t v = 0;
    for (int k = 3; k >= 0; k--)
        v = v << 8 | static_cast<unsigned char>(s[4 * i + static_cast<size_t>(k)]);
    return v;
}

/* The bytes of `text` around the first of the anchors that part `did`
 * holds (xap_db_part_text), as [*from, *to). */
static void around_anchor(const Xapian::Database &db, Xapian::docid did, const std::string &marks,
                          size_t size, const char *const *terms, const size_t *lens,
                          size_t nanchors, size_t *from, size_t *to)
{
    *from = 0;
    *to = size;
    size_t nmarks = marks.size() / 4;
    if (nmarks < 2)
        return;
    Xapian::termpos p = 0;
    for (size_t a = 0, at = 0; a < nanchors && !p; at += lens[a++])
        p = first_run(db, did, terms + at, lens[a]);
    size_t first = get_u32(marks, 0);
    if (!p || p < first)
        return;
    size_t word = p - first;
    size_t lo = (word > XAP_PART_BEFORE ? word - XAP_PART_BEFORE : 0) / PART_MARK_EVERY + 1;
    size_t hi = (word + XAP_PART_AFTER) / PART_MARK_EVERY + 2;
    *from = get_u32(marks, lo < nmarks ? lo : nmarks - 1);
    if (hi < nmarks)
        *to = get_u32(marks, hi);
    if (*from > size || *to > size || *to <= *from) {
        *from = 0;
        *to = size;
    }
}

seek_status xap_db_part_text(xap_db *db, const xap_query *q, const char *id,
                             const char *const *terms, const size_t *lens, size_t nanchors,
                             char **text, size_t *len) noexcept
{
    *text = nullptr;
    *len = 0;
    try {
        /* The parts of the version the reader sees: their key's generation
         * follows the count in SLOT_PARTS (the bare id before keys). */
        std::string of = std::string(PREFIX_PART_OF) + id, idterm = std::string(PREFIX_ID) + id;
        Xapian::PostingIterator p = db->db.postlist_begin(idterm);
        if (p == db->db.postlist_end(idterm))
            return SEEK_OK;
        std::string parts = db->db.get_document(*p, Xapian::DOC_ASSUME_VALID).get_value(SLOT_PARTS);
        size_t sp = parts.find(' ');
        if (sp != std::string::npos)
            of += PART_KEY_SEP + parts.substr(sp + 1);
        Xapian::Enquire enquire(db->db);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, q->q, Xapian::Query(of)));
        enquire.set_weighting_scheme(Xapian::CoordWeight());
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        Xapian::MSet ms = enquire.get_mset(0, 1);
        if (ms.empty())
            return SEEK_OK;
        Xapian::Document part = ms.begin().get_document();
        std::string v = part.get_value(SLOT_TEXT);
        size_t from, to;
        around_anchor(db->db, *ms.begin(), part.get_value(SLOT_PART_MARKS), v.size(), terms, lens,
                      nanchors, &from, &to);
        char *t = static_cast<char *>(std::malloc(to - from + 1));
        if (!t)
            throw std::bad_alloc();
        std::memcpy(t, v.data() + from, to - from);
        t[to - from] = '\0';
        *text = t;
        *len = to - from;
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

/* ---- Explaining and expanding ---- */

static seek_status wrap(Xapian::Query q, xap_query **out);

void xap_explain_free(xap_explain *e) noexcept
{
    if (!e)
        return;
    for (size_t i = 0; i < e->n; i++)
        std::free(e->terms[i].term);
    std::free(e->terms);
    std::free(e->query);
    std::free(e);
}

/* The document under `idterm`, or 0. */
static Xapian::docid find_doc(Xapian::Database &db, const char *idterm)
{
    Xapian::PostingIterator p = db.postlist_begin(idterm);
    return p == db.postlist_end(idterm) ? 0 : *p;
}

/* A term's weight in one document and the most it can weigh, for `q`
 * restricted to that document. */
static Xapian::MSet weigh_in(Xapian::Database &db, const Xapian::Query &q, const char *idterm)
{
    Xapian::Enquire e(db);
    e.set_weighting_scheme(ranking());
    e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(idterm)));
    return e.get_mset(0, 1);
}

seek_status xap_db_explain(xap_db *db, const xap_query *q, int feedback, const char *idterm,
                           xap_explain **out) noexcept
{
    *out = nullptr;
    xap_explain *x = static_cast<xap_explain *>(std::calloc(1, sizeof *x));
    if (!x)
        return fail(SEEK_NOMEM, "out of memory");
    try {
        Xapian::Enquire enquire(db->db);
        enquire.set_weighting_scheme(ranking());
        enquire.set_sort_by_relevance_then_value(SLOT_ID, false);   /* as searches order */
        enquire.set_query(q->q);
        Xapian::Query run = feedback ? with_feedback(db, enquire, q->q) : q->q;
        enquire.set_query(run);
        Xapian::MSet all = enquire.get_mset(0, 1);
        x->query = dup_string(run.get_description());
        std::set<std::string> asked(q->q.get_unique_terms_begin(), q->q.get_unique_terms_end());
        std::vector<std::string> terms(run.get_unique_terms_begin(), run.get_unique_terms_end());
        x->terms = static_cast<xap_term_weight *>(std::calloc(terms.size() + 1, sizeof *x->terms));
        if (!x->terms)
            throw std::bad_alloc();
        Xapian::docid doc = idterm ? find_doc(db->db, idterm) : 0;
        x->found = doc != 0;
        if (doc) {
            Xapian::MSet m = weigh_in(db->db, run, idterm);
            x->matches = !m.empty();
            x->score = m.empty() ? 0 : m.begin().get_weight();
        }
        for (const std::string &t : terms) {
            xap_term_weight *tw = &x->terms[x->n];
            tw->term = dup_string(t);
            x->n++;
            tw->docs = db->db.get_termfreq(t);
            tw->weight = all.get_termweight(t);
            tw->feedback = !asked.count(t);
            if (!x->matches)
                continue;
            Xapian::TermIterator it = db->db.termlist_begin(doc);
            it.skip_to(t);
            if (it == db->db.termlist_end(doc) || *it != t)
                continue;
            tw->wdf = it.get_wdf();
            /* The term alone weighs the same in the document, but for the
             * factor the query puts on it (a stop word's tenth, feedback's
             * share, none under a filter), which the ratio of the most each
             * can weigh gives. */
            Xapian::MSet alone = weigh_in(db->db, Xapian::Query(t), idterm);
            double most = alone.get_termweight(t);
            if (!alone.empty() && most > 0)
                tw->doc_weight = alone.begin().get_weight() * tw->weight / most;
        }
        *out = x;
        return SEEK_OK;
    } catch (...) {
        seek_status st = translate();
        xap_explain_free(x);
        return st;
    }
}

seek_status xap_db_similar(xap_db *db, const char *idterm, unsigned nterms,
                           xap_query **out) noexcept
{
    *out = nullptr;
    try {
        Xapian::docid doc = find_doc(db->db, idterm);
        if (!doc)
            return fail(SEEK_NOT_FOUND, "no such document");
        std::vector<expansion> terms = expand(db, { doc }, std::set<std::string>(), nterms);
        std::vector<Xapian::Query> subs;
        for (const expansion &e : terms)
            subs.emplace_back(e.term);
        Xapian::Query like(Xapian::Query::OP_OR, subs.begin(), subs.end());
        return wrap(Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(idterm)), out);
    } catch (...) {
        return translate();
    }
}

/* ---- Writer ---- */

seek_status xap_wdb_open_shards(const char *const *paths, size_t n, int mode,
                                xap_wdb **out) noexcept
{
    *out = nullptr;
    if (n == 0 || n > SHARD_MAX)
        return fail(SEEK_INVALID, "bad shard count");
    try {
        int flags = mode == XAP_OVERWRITE ? Xapian::DB_CREATE_OR_OVERWRITE
                  : mode == XAP_SCRATCH   ? Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC
                                          : Xapian::DB_CREATE_OR_OPEN;
        std::unique_ptr<xap_wdb> w(new xap_wdb);
        for (size_t i = 0; i < n; i++)
            w->shards.emplace_back(paths[i], flags);
        *out = w.release();
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

seek_status xap_wdb_open(const char *path, int mode, xap_wdb **out) noexcept
{
    return xap_wdb_open_shards(&path, 1, mode, out);
}

void xap_wdb_close(xap_wdb *w) noexcept
{
    if (!w)
        return;
    for (auto &db : w->shards) {
        try {
            if (w->in_txn)
                db.cancel_transaction();
            db.close();
        } catch (...) {
            /* Closing without committing: whatever fails here loses only the
             * uncommitted changes, which is what the caller asked for. */
            (void)translate();
        }
    }
    delete w;
}

seek_status xap_wdb_begin(xap_wdb *w) noexcept
{
    try {
        for (auto &db : w->shards)
            db.begin_transaction(true);
        w->in_txn = true;
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

/* Shard by shard: a reader of a sharded index may briefly see some shards at
 * the new revision and others at the old one. */
seek_status xap_wdb_commit(xap_wdb *w) noexcept
{
    try {
        bool txn = w->in_txn;
        w->in_txn = false;
        for (auto &db : w->shards) {
            if (txn)
                db.commit_transaction();
            else
                db.commit();
        }
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

void xap_wdb_set_part_batch(xap_wdb *w, unsigned parts) noexcept
{
    w->part_batch = parts;
}

/* Makes what a transaction or the writer holds of changes durable: ends
 * the transaction and begins another. */
static void commit_shard(xap_wdb *w, Xapian::WritableDatabase &db)
{
    if (!w->in_txn) {
        db.commit();
        return;
    }
    db.commit_transaction();
    db.begin_transaction(true);
}

/* Deletes every document holding `term`, committing before each
 * part_batch of them but the first: Xapian holds what a deletion changes
 * (every term of the part) until a commit, as it holds what a part adds. */
static void delete_in_batches(xap_wdb *w, Xapian::WritableDatabase &db, const std::string &term)
{
    std::vector<Xapian::docid> ids;
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p)
        ids.push_back(*p);
    for (size_t i = 0; i < ids.size(); i++) {
        if (w->part_batch && i && i % w->part_batch == 0)
            commit_shard(w, db);
        db.delete_document(ids[i]);
    }
}

/* Deletes the parts of document `id` but those under the key `keep`: the
 * parts of earlier versions, with keys or (written before keys) without,
 * and those of a version whose writing stopped before its document was.
 * Called once no document reaches them (its version replaced or deleted):
 * the commits between their batches show nothing of them. An index
 * without parts pays one lookup. */
static void delete_parts(xap_wdb *w, Xapian::WritableDatabase &db, const std::string &id,
                         const std::string &keep)
{
    if (!db.term_exists(TERM_PART))
        return;
    std::string bare = PREFIX_PART_OF + id;
    std::vector<std::string> old;
    if (db.term_exists(bare))
        old.push_back(bare);
    /* Ids hold no control character (indexer/walk.c): the prefix is this
     * id's keys' alone. */
    std::string prefix = bare + PART_KEY_SEP, kept = PREFIX_PART_OF + keep;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
        if (*t != kept)
            old.push_back(*t);
    for (const std::string &t : old)
        delete_in_batches(w, db, t);
}

/* Writes the parts of `doc` under `key`, one made at a time, each freed
 * once written, committing every part_batch of them. */
static seek_status write_parts(xap_wdb *w, Xapian::WritableDatabase &db, const std::string &key,
                               xap_doc *doc)
{
    for (size_t i = 0; i < doc->nparts; i++) {
        xap_doc *made = nullptr;
        seek_status st = doc->part_fn(doc->part_ctx, i, &made);
        std::unique_ptr<xap_doc> p(made);
        if (st != SEEK_OK)
            return st;
        p->doc.add_boolean_term(TERM_PART);
        p->doc.add_boolean_term(PREFIX_PART_OF + key);
        p->doc.add_value(SLOT_ID, key);
        db.add_document(p->doc);
        p.reset();
        if (w->part_batch && (i + 1) % w->part_batch == 0 && i + 1 < doc->nparts)
            commit_shard(w, db);
    }
    return SEEK_OK;
}

/* A generation for the next version's parts of `id` that no parts of it
 * hold: the clock's nanoseconds, in hex. */
static std::string new_generation(Xapian::WritableDatabase &db, const std::string &id)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    unsigned long long g = static_cast<unsigned long long>(ts.tv_sec) * 1000000000ULL
                         + static_cast<unsigned long long>(ts.tv_nsec);
    for (;; g++) {
        char hex[24];
        std::snprintf(hex, sizeof hex, "%llx", g);
        if (!db.term_exists(PREFIX_PART_OF + id + PART_KEY_SEP + hex))
            return hex;
    }
}

seek_status xap_wdb_replace(xap_wdb *w, const char *idterm, xap_doc *doc) noexcept
{
    try {
        Xapian::WritableDatabase &db = w->shard(idterm);
        std::string id = idterm + std::strlen(PREFIX_ID), key;
        /* The new parts first, under a key the document does not hold
         * yet; then the document; then the earlier version's parts, which
         * nothing reaches any more. */
        if (doc->nparts) {
            std::string gen = new_generation(db, id);
            key = id + PART_KEY_SEP + gen;
            seek_status st = write_parts(w, db, key, doc);
            if (st != SEEK_OK)
                return st;
            doc->doc.add_boolean_term(PREFIX_PART_KEY + key);
            doc->doc.add_value(SLOT_PARTS, std::to_string(doc->nparts) + " " + gen);
        }
        db.replace_document(idterm, doc->doc);
        delete_parts(w, db, id, key);
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

seek_status xap_wdb_delete(xap_wdb *w, const char *idterm) noexcept
{
    try {
        Xapian::WritableDatabase &db = w->shard(idterm);
        db.delete_document(idterm);
        delete_parts(w, db, idterm + std::strlen(PREFIX_ID), "");
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

/* The ids of the documents kept in parts among those holding `term`. */
static std::vector<std::string> parted_ids(Xapian::WritableDatabase &db, const std::string &term)
{
    std::vector<std::string> ids;
    if (!db.term_exists(TERM_PART))
        return ids;
    Xapian::ValueIterator parts = db.valuestream_begin(SLOT_PARTS);
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
        parts.skip_to(*p);
        if (parts == db.valuestream_end(SLOT_PARTS))
            break;
        if (parts.get_docid() == *p)
            ids.push_back(db.get_document(*p).get_value(SLOT_ID));
    }
    return ids;
}

seek_status xap_wdb_delete_counted(xap_wdb *w, const char *term, size_t *deleted) noexcept
{
    *deleted = 0;
    try {
        /* The term frequency of a writable database counts the changes of
         * the open transaction. */
        for (auto &db : w->shards) {
            Xapian::doccount n = db.get_termfreq(term);
            if (n) {
                std::vector<std::string> parted = parted_ids(db, term);
                db.delete_document(term);
                for (const std::string &id : parted)
                    delete_parts(w, db, id, "");
                *deleted += n;
            }
        }
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

seek_status xap_wdb_value(xap_wdb *w, const char *idterm, int slot, char **out) noexcept
{
    *out = nullptr;
    try {
        Xapian::WritableDatabase &db = w->shard(idterm);
        Xapian::PostingIterator p = db.postlist_begin(idterm);
        if (p == db.postlist_end(idterm))
            return fail(SEEK_NOT_FOUND, "no such document");
        *out = dup_string(db.get_document(*p).get_value(slot));
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

seek_status xap_wdb_doccount(xap_wdb *w, unsigned long *out) noexcept
{
    *out = 0;
    try {
        for (auto &db : w->shards)
            *out += db.get_doccount() - db.get_termfreq(TERM_PART);
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

void xap_strv_free(char **v, size_t n) noexcept
{
    if (!v)
        return;
    for (size_t i = 0; i < n; i++)
        std::free(v[i]);
    std::free(v);
}

/* Appends a copy of `s` to the string vector *v of *len strings and room
 * for *cap, doubling the room as needed; throws std::bad_alloc, which the
 * caller's catch turns into a status after freeing what was built. */
static void strv_push(char ***v, size_t *len, size_t *cap, const std::string &s)
{
    if (*len == *cap) {
        size_t room = *cap ? *cap * 2 : 256;
        char **grown = static_cast<char **>(std::realloc(*v, room * sizeof **v));
        if (!grown)
            throw std::bad_alloc();
        *v = grown;
        *cap = room;
    }
    (*v)[*len] = dup_string(s);
    ++*len;
}

seek_status xap_wdb_terms(xap_wdb *w, const char *prefix, char ***out, size_t *n) noexcept
{
    *out = nullptr;
    *n = 0;
    char **v = nullptr;
    size_t len = 0, cap = 0;
    try {
        /* Shards hold disjoint documents but may share terms: merge them. */
        std::vector<std::string> all;
        for (auto &db : w->shards)
            for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
                all.push_back(*t);
        std::sort(all.begin(), all.end());
        all.erase(std::unique(all.begin(), all.end()), all.end());
        for (const std::string &term : all) {
            strv_push(&v, &len, &cap, term);
        }
        *out = v;
        *n = len;
        return SEEK_OK;
    } catch (...) {
        seek_status st = translate();
        xap_strv_free(v, len);
        return st;
    }
}

seek_status xap_wdb_term_values(xap_wdb *w, const char *term, int slot, char ***out,
                                size_t *n) noexcept
{
    *out = nullptr;
    *n = 0;
    char **v = nullptr;
    size_t len = 0, cap = 0;
    try {
        /* A value stream per shard: no document is read. */
        for (auto &db : w->shards) {
            Xapian::ValueIterator val = db.valuestream_begin(static_cast<Xapian::valueno>(slot));
            for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
                std::string value;
                if (val != db.valuestream_end(static_cast<Xapian::valueno>(slot))
                    && val.check(*p))
                    value = *val;
                strv_push(&v, &len, &cap, value);
            }
        }
        *out = v;
        *n = len;
        return SEEK_OK;
    } catch (...) {
        seek_status st = translate();
        xap_strv_free(v, len);
        return st;
    }
}

seek_status xap_wdb_set_metadata(xap_wdb *w, const char *key, const char *value) noexcept
{
    try {
        for (auto &db : w->shards)
            db.set_metadata(key, value);
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

seek_status xap_wdb_metadata(xap_wdb *w, const char *key, char **out) noexcept
{
    *out = nullptr;
    try {
        *out = dup_string(w->shards[0].get_metadata(key));
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

seek_status xap_compact(const char *const *sources, size_t n, const char *dest) noexcept
{
    if (n == 0)
        return fail(SEEK_INVALID, "nothing to compact");
    try {
        Xapian::Database all;
        for (size_t i = 0; i < n; i++)
            all.add_database(Xapian::Database(sources[i]));
        /* One pass: measured on 36 sources, DBCOMPACT_MULTIPASS took 1.5 times
         * as long and made the same size. */
        all.compact(dest, Xapian::Compactor::FULL);
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

/* ---- Documents ---- */

seek_status xap_doc_new(xap_doc **out) noexcept
{
    *out = nullptr;
    try {
        *out = new xap_doc{};
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

void xap_doc_free(xap_doc *d) noexcept
{
    delete d;
}

seek_status xap_doc_add_posting(xap_doc *d, const char *term, unsigned pos) noexcept
{
    try {
        d->doc.add_posting(term, pos);
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

seek_status xap_doc_add_position(xap_doc *d, const char *term, unsigned pos) noexcept
{
    try {
        d->doc.add_posting(term, pos, 0);
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

seek_status xap_doc_set_parts(xap_doc *d, size_t n, xap_part_fn fn, void *ctx,
                              void (*ctx_free)(void *)) noexcept
{
    if (d->part_ctx_free)
        d->part_ctx_free(d->part_ctx);
    d->nparts = n;
    d->part_fn = fn;
    d->part_ctx = ctx;
    d->part_ctx_free = ctx_free;
    return SEEK_OK;
}

seek_status xap_doc_add_term(xap_doc *d, const char *term, unsigned wdf) noexcept
{
    try {
        d->doc.add_term(term, wdf);
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

seek_status xap_doc_add_boolean(xap_doc *d, const char *term) noexcept
{
    try {
        d->doc.add_boolean_term(term);
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

seek_status xap_doc_set_value(xap_doc *d, int slot, const char *val, size_t len) noexcept
{
    try {
        d->doc.add_value(static_cast<Xapian::valueno>(slot), std::string(val, len));
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

/* ---- Queries ---- */

static seek_status wrap(Xapian::Query q, xap_query **out)
{
    *out = new xap_query{std::move(q)};
    return SEEK_OK;
}

seek_status xap_query_term(const char *term, xap_query **out) noexcept
{
    *out = nullptr;
    try {
        if (!*term)
            return fail(SEEK_INVALID, "empty term");
        return wrap(Xapian::Query(term), out);
    } catch (...) {
        return translate();
    }
}

static seek_status positional(Xapian::Query::op op, const char *const *terms, size_t n,
                              unsigned window, xap_query **out)
{
    *out = nullptr;
    try {
        if (n == 0)
            return fail(SEEK_INVALID, "no terms");
        if (n == 1)
            return wrap(Xapian::Query(terms[0]), out);
        std::vector<Xapian::Query> subs;
        subs.reserve(n);
        for (size_t i = 0; i < n; i++)
            subs.emplace_back(terms[i]);
        return wrap(Xapian::Query(op, subs.begin(), subs.end(), window), out);
    } catch (...) {
        return translate();
    }
}

seek_status xap_query_phrase(const char *const *terms, size_t n, unsigned window,
                             xap_query **out) noexcept
{
    return positional(Xapian::Query::OP_PHRASE, terms, n, window, out);
}

seek_status xap_query_near(const char *const *terms, size_t n, unsigned window,
                           xap_query **out) noexcept
{
    return positional(Xapian::Query::OP_NEAR, terms, n, window, out);
}

seek_status xap_query_combine(xap_op op, const xap_query *a, const xap_query *b,
                              xap_query **out) noexcept
{
    *out = nullptr;
    Xapian::Query::op xop = Xapian::Query::OP_AND;
    switch (op) {
    case XAP_AND: xop = Xapian::Query::OP_AND; break;
    case XAP_OR: xop = Xapian::Query::OP_OR; break;
    case XAP_AND_NOT: xop = Xapian::Query::OP_AND_NOT; break;
    case XAP_FILTER: xop = Xapian::Query::OP_FILTER; break;
    case XAP_AND_MAYBE: xop = Xapian::Query::OP_AND_MAYBE; break;
    case XAP_SYNONYM: xop = Xapian::Query::OP_SYNONYM; break;
    }
    try {
        return wrap(Xapian::Query(xop, a->q, b->q), out);
    } catch (...) {
        return translate();
    }
}

seek_status xap_query_scale(const xap_query *q, double factor, xap_query **out) noexcept
{
    *out = nullptr;
    try {
        return wrap(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q->q, factor), out);
    } catch (...) {
        return translate();
    }
}

seek_status xap_query_any(const char *const *terms, size_t n, xap_query **out) noexcept
{
    *out = nullptr;
    try {
        std::vector<Xapian::Query> subs;
        subs.reserve(n);
        for (size_t i = 0; i < n; i++)
            subs.emplace_back(terms[i]);
        return wrap(Xapian::Query(Xapian::Query::OP_OR, subs.begin(), subs.end()), out);
    } catch (...) {
        return translate();
    }
}

seek_status xap_query_wildcard(const char *prefix, unsigned max_terms, xap_query **out) noexcept
{
    *out = nullptr;
    try {
        return wrap(Xapian::Query(Xapian::Query::OP_WILDCARD, prefix, max_terms,
                                  Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT), out);
    } catch (...) {
        return translate();
    }
}

seek_status xap_query_value_range(int slot, const char *lo, const char *hi,
                                  xap_query **out) noexcept
{
    *out = nullptr;
    try {
        return wrap(Xapian::Query(Xapian::Query::OP_VALUE_RANGE,
                                  static_cast<Xapian::valueno>(slot), lo, hi), out);
    } catch (...) {
        return translate();
    }
}

seek_status xap_query_all(xap_query **out) noexcept
{
    *out = nullptr;
    try {
        /* Parts are no documents of their own. */
        return wrap(Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                                  Xapian::Query(TERM_PART)), out);
    } catch (...) {
        return translate();
    }
}

seek_status xap_query_nothing(xap_query **out) noexcept
{
    *out = nullptr;
    try {
        return wrap(Xapian::Query::MatchNothing, out);
    } catch (...) {
        return translate();
    }
}

char *xap_query_describe(const xap_query *q) noexcept
{
    try {
        return dup_string(q->q.get_description());
    } catch (...) {
        (void)translate();
        return nullptr;
    }
}

void xap_query_free(xap_query *q) noexcept
{
    delete q;
}

/* ---- Stemming ---- */

seek_status xap_stem_new(const char *language, xap_stem **out) noexcept
{
    *out = nullptr;
    try {
        *out = new xap_stem{Xapian::Stem(language)};
        return SEEK_OK;
    } catch (...) {
        return translate();
    }
}

void xap_stem_free(xap_stem *s) noexcept
{
    delete s;
}

size_t xap_stem_word(xap_stem *s, const char *word, size_t len, char *out, size_t cap) noexcept
{
    try {
        std::string stem = s->stem(std::string(word, len));
        if (cap) {
            size_t n = stem.size() < cap - 1 ? stem.size() : cap - 1;
            std::memcpy(out, stem.data(), n);
            out[n] = '\0';
        }
        return stem.size();
    } catch (...) {
        (void)translate();
        return 0;
    }
}

} /* extern "C" */
