// The hnswlib peer of `Store.Bench ann`: builds hnswlib's HierarchicalNSW over the same
// .fvecs files Store indexes, with the same M and ef_construction, then for each ef in the
// sweep measures what Store is measured on. Prints one JSON line per ef (the fields of the
// bench's AnnResult); progress goes to stderr.
//
// The build is single-threaded, as Store's CREATE INDEX is, so build times compare. Searches
// are one query per call: on one thread for qps_1t and latency, then on --threads threads.
// Built by the bench with: g++ -O3 -march=native -std=c++17 -pthread (see PeerRunner.cs).
#include <hnswlib/hnswlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// Untimed queries first, as Store's timer does, so caches are warm for every system.
constexpr size_t kWarmupQueries = 100;

template <typename T>
struct Matrix {
    std::vector<T> values;
    size_t rows = 0;
    size_t columns = 0;
    const T* row(size_t i) const { return values.data() + i * columns; }
};

// TEXMEX layout: each row is an int32 count, then that many 4-byte values.
template <typename T>
Matrix<T> read_vecs(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    Matrix<T> matrix;
    int32_t count = 0;
    while (in.read(reinterpret_cast<char*>(&count), sizeof count)) {
        if (matrix.rows == 0) matrix.columns = static_cast<size_t>(count);
        if (static_cast<size_t>(count) != matrix.columns) throw std::runtime_error(path + ": rows of different lengths");
        matrix.values.resize((matrix.rows + 1) * matrix.columns);
        in.read(reinterpret_cast<char*>(matrix.values.data() + matrix.rows * matrix.columns), count * sizeof(T));
        ++matrix.rows;
    }
    return matrix;
}

// Cosine ranks as the inner product of unit vectors, which is how hnswlib serves it.
void normalise(Matrix<float>& matrix) {
    for (size_t i = 0; i < matrix.rows; ++i) {
        float* row = matrix.values.data() + i * matrix.columns;
        double norm = 0;
        for (size_t d = 0; d < matrix.columns; ++d) norm += double(row[d]) * row[d];
        if (norm > 0) {
            const float scale = float(1 / std::sqrt(norm));
            for (size_t d = 0; d < matrix.columns; ++d) row[d] *= scale;
        }
    }
}

std::vector<size_t> parse_list(const std::string& text) {
    std::vector<size_t> values;
    std::stringstream stream(text);
    for (std::string item; std::getline(stream, item, ',');) values.push_back(std::stoul(item));
    return values;
}

long peak_rss_bytes() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6)) * 1024;
    }
    return 0;
}

// hnswlib keeps the index in memory only; its saved form is the size it occupies.
long index_bytes(hnswlib::HierarchicalNSW<float>& index) {
    char path[] = "/tmp/hnswlib-bench-XXXXXX";
    const int descriptor = mkstemp(path);
    if (descriptor < 0) return 0;
    close(descriptor);
    index.saveIndex(path);
    std::ifstream saved(path, std::ios::binary | std::ios::ate);
    const long bytes = static_cast<long>(saved.tellg());
    std::remove(path);
    return bytes;
}

std::vector<size_t> search(const hnswlib::HierarchicalNSW<float>& index, const float* query, size_t k) {
    auto heap = index.searchKnn(query, k);
    std::vector<size_t> ids(heap.size());
    for (size_t i = heap.size(); i > 0; --i) {
        ids[i - 1] = heap.top().second;
        heap.pop();
    }
    return ids;
}

double recall(const std::vector<std::vector<size_t>>& found, const Matrix<int32_t>& truth, size_t k) {
    double total = 0;
    for (size_t q = 0; q < found.size(); ++q) {
        const std::set<size_t> exact(truth.row(q), truth.row(q) + std::min(k, truth.columns));
        total += double(std::count_if(found[q].begin(), found[q].end(), [&](size_t id) { return exact.count(id) > 0; })) / double(k);
    }
    return total / double(found.size());
}

}  // namespace

int main(int argc, char** argv) {
    std::map<std::string, std::string> args;
    for (int i = 1; i + 1 < argc; i += 2) args[std::string(argv[i]).substr(2)] = argv[i + 1];
    const std::string metric = args["metric"];
    const size_t k = std::stoul(args["k"]);
    const size_t m = std::stoul(args["m"]);
    const size_t ef_construction = std::stoul(args["ef-construction"]);
    const size_t threads = std::stoul(args["threads"]);
    // Single-thread passes over the queries; the median pass gives qps_1t.
    const size_t passes = args.count("passes") ? std::stoul(args["passes"]) : 1;

    auto base = read_vecs<float>(args["base"]);
    auto queries = read_vecs<float>(args["queries"]);
    const auto truth = read_vecs<int32_t>(args["gt"]);
    if (metric == "cosine") {
        normalise(base);
        normalise(queries);
    }
    std::unique_ptr<hnswlib::SpaceInterface<float>> space;
    if (metric == "l2") {
        space = std::make_unique<hnswlib::L2Space>(base.columns);
    } else {
        space = std::make_unique<hnswlib::InnerProductSpace>(base.columns);
    }

    const auto build_start = Clock::now();
    hnswlib::HierarchicalNSW<float> index(space.get(), base.rows, m, ef_construction);
    for (size_t i = 0; i < base.rows; ++i) index.addPoint(base.row(i), i);
    const double build_s = std::chrono::duration<double>(Clock::now() - build_start).count();
    std::fprintf(stderr, "built HNSW (M=%zu, ef_construction=%zu) over %zu x %zu in %.1f s, one thread\n", m, ef_construction, base.rows, base.columns, build_s);
    const long bytes = index_bytes(index);

    for (const size_t ef : parse_list(args["sweep"])) {
        index.setEf(ef);
        for (size_t q = 0; q < std::min(kWarmupQueries, queries.rows); ++q) search(index, queries.row(q), k);

        std::vector<std::vector<size_t>> found(queries.rows);
        std::vector<double> latencies_us;
        std::vector<double> pass_s;
        for (size_t pass = 0; pass < passes; ++pass) {
            const auto pass_start = Clock::now();
            for (size_t q = 0; q < queries.rows; ++q) {
                const auto start = Clock::now();
                auto ids = search(index, queries.row(q), k);
                latencies_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
                if (pass == 0) found[q] = std::move(ids);
            }
            pass_s.push_back(std::chrono::duration<double>(Clock::now() - pass_start).count());
        }
        std::sort(pass_s.begin(), pass_s.end());
        const double one_s = pass_s[pass_s.size() / 2];
        std::sort(latencies_us.begin(), latencies_us.end());
        const size_t p99_rank = std::max<size_t>(1, size_t(std::ceil(latencies_us.size() * 0.99))) - 1;
        const double mean_us = std::accumulate(latencies_us.begin(), latencies_us.end(), 0.0) / double(latencies_us.size());

        std::atomic<size_t> next{0};
        std::vector<std::thread> workers;
        const auto all_start = Clock::now();
        for (size_t t = 0; t < threads; ++t) {
            workers.emplace_back([&] {
                for (size_t q; (q = next.fetch_add(1)) < queries.rows;) search(index, queries.row(q), k);
            });
        }
        for (auto& worker : workers) worker.join();
        const double all_s = std::chrono::duration<double>(Clock::now() - all_start).count();

        std::printf(
            "{\"system\":\"hnswlib\",\"index\":\"hnsw\",\"params\":{\"m\":%zu,\"ef_construction\":%zu,\"ef_search\":%zu},"
            "\"recall_at_k\":%.6f,\"qps_1t\":%.1f,\"qps_all\":%.1f,\"mean_us\":%.2f,\"p99_us\":%.2f,\"build_s\":%.3f,"
            "\"index_bytes\":%ld,\"peak_rss_bytes\":%ld,\"note\":\"hnswlib from libhnswlib-dev, -O3 -march=native; built on one thread\"}\n",
            m, ef_construction, ef, recall(found, truth, k), double(queries.rows) / one_s, double(queries.rows) / all_s, mean_us,
            latencies_us[p99_rank], build_s, bytes, peak_rss_bytes());
        std::fflush(stdout);
    }
    return 0;
}
