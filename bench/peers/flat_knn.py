#!/usr/bin/python3
"""Exact k-nearest-neighbour scans over the same .npy files Store scans, one thread, one query at a time.

numpy: squared L2 by ||b||^2 - 2 b.q (one matrix-vector product per query) and argpartition.
faiss: IndexFlatL2 from Debian's python3-faiss (a generic x86-64 build, so a floor for faiss).
Prints one JSON object: per system the median milliseconds per query and the ids found.
"""
import argparse, json, os, time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402

def median_ms(run, queries):
    times, ids = [], []
    for q in queries:
        start = time.perf_counter()
        ids.append(run(q))
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return times[len(times) // 2], ids

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--k", type=int, default=10)
    args = parser.parse_args()
    base = np.load(args.base)
    queries = np.load(args.queries)
    k = args.k
    norms = (base * base).sum(axis=1)

    def numpy_search(q):
        distances = norms - 2.0 * (base @ q)
        top = np.argpartition(distances, k)[:k]
        return [int(i) for i in top[np.argsort(distances[top], kind="stable")]]

    result = {"vectors": int(base.shape[0]), "dimensions": int(base.shape[1])}
    numpy_search(queries[0])
    ms, ids = median_ms(numpy_search, queries)
    result["numpy"] = {"ms_per_query": ms, "ids": ids}
    try:
        import faiss
        faiss.omp_set_num_threads(1)
        index = faiss.IndexFlatL2(base.shape[1])
        index.add(base)
        index.search(queries[:1], k)
        ms, ids = median_ms(lambda q: [int(i) for i in index.search(q.reshape(1, -1), k)[1][0]], queries)
        result["faiss"] = {"ms_per_query": ms, "ids": ids, "version": faiss.__version__}
    except ImportError:
        result["faiss"] = None
    print(json.dumps(result))

main()
