// bare_xapian: the floor seekd is built on. Plain in-process Xapian, with
// none of seekd's work (no decoding, normalization, entities, stored text,
// JSON or socket), on the same files and phrase queries.
//
//   bare_xapian index DBDIR CORPUS_DIR
//       One document per .txt file below CORPUS_DIR, indexed by
//       Xapian::TermGenerator (positions, English stemming with STEM_SOME),
//       with the id term Q<id> and the id in value slot 0 (the id is the path
//       below CORPUS_DIR without .txt, as seekd-index names documents); one
//       commit at the end. Prints: docs=N seconds=S (wall, reading included).
//
//   bare_xapian query DBDIR QUERIES.tsv MODE REPEAT [THREADS]
//       The first column of QUERIES.tsv, each as OP_PHRASE over its words,
//       lowercased and unprefixed (TermGenerator lowercases and indexes
//       unstemmed words with positions). MODE all: get_mset(0, 10000) and read
//       every hit's id value; MODE top10: get_mset(0, 10); MODE top10-exact:
//       get_mset(0, 10, doccount), which counts every match exactly as seekd
//       does for its "total" (for reference: it is not part of the floor). One untimed warm-up
//       pass, then REPEAT timed passes over every query. With THREADS > 1,
//       each thread has its own Database and runs every query in each pass
//       (thread t starting at query t * n / THREADS), for throughput.
//       Prints one line per pass and a last line with the medians:
//       queries=N threads=T mean_us=M qps=Q
//       With BARE_XAPIAN_COUNTS=FILE set, writes each phrase's number of hits
//       ("index<TAB>hits<TAB>phrase") from the warm-up pass of thread 0.
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <dirent.h>
#include <sys/stat.h>

using Clock = std::chrono::steady_clock;

static double seconds_since(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

static void walk(const std::string &root, const std::string &rel, std::vector<std::string> &out)
{
    std::string dir = rel.empty() ? root : root + "/" + rel;
    DIR *d = opendir(dir.c_str());
    if (!d) {
        std::cerr << "bare_xapian: cannot read " << dir << ": " << std::strerror(errno) << "\n";
        std::exit(2);
    }
    std::vector<std::string> names;
    while (struct dirent *e = readdir(d)) {
        if (e->d_name[0] == '.')
            continue;
        names.emplace_back(e->d_name);
    }
    closedir(d);
    std::sort(names.begin(), names.end());
    for (const auto &n : names) {
        std::string r = rel.empty() ? n : rel + "/" + n;
        struct stat st;
        if (stat((root + "/" + r).c_str(), &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            walk(root, r, out);
        else if (S_ISREG(st.st_mode) && n.size() > 4 && n.compare(n.size() - 4, 4, ".txt") == 0)
            out.push_back(r);
    }
}

static int cmd_index(const char *dbdir, const char *corpus)
{
    auto t0 = Clock::now();
    std::vector<std::string> files;
    walk(corpus, "", files);
    Xapian::WritableDatabase db(dbdir, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    for (const auto &rel : files) {
        std::ifstream in(std::string(corpus) + "/" + rel, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        std::string id = rel.substr(0, rel.size() - 4);
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(ss.str());
        doc.add_boolean_term("Q" + id);
        doc.add_value(0, id);
        db.replace_document("Q" + id, doc);
    }
    db.commit();
    db.close();
    std::printf("docs=%zu seconds=%.3f\n", files.size(), seconds_since(t0));
    return 0;
}

static std::vector<std::string> load_phrases(const char *path)
{
    std::ifstream in(path);
    if (!in) {
        std::cerr << "bare_xapian: cannot open " << path << "\n";
        std::exit(2);
    }
    std::vector<std::string> out;
    std::string line;
    while (std::getline(in, line)) {
        std::string phrase = line.substr(0, line.find('\t'));
        if (!phrase.empty() && phrase.back() == '\r')
            phrase.pop_back();
        if (!phrase.empty())
            out.push_back(phrase);
    }
    return out;
}

static Xapian::Query phrase_query(const std::string &phrase)
{
    std::vector<Xapian::Query> terms;
    std::istringstream words(phrase);
    std::string w;
    while (words >> w)
        terms.emplace_back(Xapian::Unicode::tolower(w));
    if (terms.size() == 1)
        return terms[0];
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end());
}

// A reusable barrier (std::barrier is C++20).
class Barrier {
  public:
    explicit Barrier(unsigned n) : n(n) {}
    void wait()
    {
        std::unique_lock<std::mutex> lk(m);
        unsigned gen = generation;
        if (++count == n) {
            count = 0;
            generation++;
            cv.notify_all();
        } else {
            cv.wait(lk, [&] { return gen != generation; });
        }
    }

  private:
    std::mutex m;
    std::condition_variable cv;
    unsigned n, count = 0, generation = 0;
};

struct PassResult {
    double sum_us = 0;
    size_t n = 0;
};

static double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static int cmd_query(const char *dbdir, const char *qfile, const std::string &mode, int repeat,
                     int threads)
{
    bool all = mode == "all", exact = mode == "top10-exact";
    if (!all && !exact && mode != "top10") {
        std::cerr << "bare_xapian: MODE is all, top10 or top10-exact\n";
        return 2;
    }
    std::vector<std::string> phrases = load_phrases(qfile);
    size_t nq = phrases.size();
    if (!nq) {
        std::cerr << "bare_xapian: no queries\n";
        return 2;
    }
    const char *counts_path = std::getenv("BARE_XAPIAN_COUNTS");
    std::vector<size_t> counts(nq, 0);

    // passes[p][t]
    std::vector<std::vector<PassResult>> passes(repeat, std::vector<PassResult>(threads));
    Barrier start(threads + 1), done(threads + 1);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; t++) {
        pool.emplace_back([&, t] {
            Xapian::Database db(dbdir);
            // Each thread its own queries: a Query's reference count is not
            // atomic, so threads sharing one corrupt it (a crash, now and then).
            std::vector<Xapian::Query> queries;
            for (const auto &phrase : phrases)
                queries.push_back(phrase_query(phrase));
            size_t first = (size_t)t * nq / (size_t)threads;
            std::string sink;
            for (int p = -1; p < repeat; p++) {   // pass -1: warm-up
                start.wait();
                PassResult r;
                for (size_t k = 0; k < nq; k++) {
                    size_t i = (first + k) % nq;
                    auto q0 = Clock::now();
                    Xapian::Enquire enquire(db);
                    enquire.set_query(queries[i]);
                    Xapian::MSet mset = all ? enquire.get_mset(0, 10000)
                                        : exact ? enquire.get_mset(0, 10, db.get_doccount())
                                                : enquire.get_mset(0, 10);
                    if (all)
                        for (auto it = mset.begin(); it != mset.end(); ++it)
                            sink = it.get_document().get_value(0);
                    r.sum_us += seconds_since(q0) * 1e6;
                    r.n++;
                    if (p < 0 && t == 0)
                        counts[i] = mset.size();
                }
                if (p >= 0)
                    passes[p][t] = r;
                done.wait();
            }
        });
    }
    std::vector<double> means, qpss;
    for (int p = -1; p < repeat; p++) {
        start.wait();
        auto t0 = Clock::now();
        done.wait();
        double wall = seconds_since(t0);
        if (p < 0)
            continue;
        double sum = 0;
        size_t n = 0;
        for (const auto &r : passes[p]) {
            sum += r.sum_us;
            n += r.n;
        }
        double mean = sum / (double)n, qps = (double)n / wall;
        means.push_back(mean);
        qpss.push_back(qps);
        std::printf("pass=%d queries=%zu threads=%d mean_us=%.1f qps=%.1f\n", p + 1, n, threads,
                    mean, qps);
    }
    for (auto &th : pool)
        th.join();
    std::printf("queries=%zu threads=%d mean_us=%.1f qps=%.1f\n", nq * (size_t)threads, threads,
                median(means), median(qpss));
    if (counts_path) {
        FILE *f = std::fopen(counts_path, "w");
        if (!f) {
            std::cerr << "bare_xapian: cannot write " << counts_path << "\n";
            return 2;
        }
        for (size_t i = 0; i < nq; i++)
            std::fprintf(f, "%zu\t%zu\t%s\n", i, counts[i], phrases[i].c_str());
        std::fclose(f);
    }
    return 0;
}

static int usage()
{
    std::cerr << "usage: bare_xapian index DBDIR CORPUS_DIR\n"
                 "       bare_xapian query DBDIR QUERIES.tsv all|top10|top10-exact REPEAT [THREADS]\n";
    return 2;
}

int main(int argc, char **argv)
{
    try {
        if (argc == 4 && !std::strcmp(argv[1], "index"))
            return cmd_index(argv[2], argv[3]);
        if ((argc == 6 || argc == 7) && !std::strcmp(argv[1], "query")) {
            int repeat = std::atoi(argv[5]);
            int threads = argc == 7 ? std::atoi(argv[6]) : 1;
            if (repeat < 1 || threads < 1 || threads > 256)
                return usage();
            return cmd_query(argv[2], argv[3], argv[4], repeat, threads);
        }
        return usage();
    } catch (const Xapian::Error &e) {
        std::cerr << "bare_xapian: " << e.get_description() << "\n";
        return 2;
    }
}
