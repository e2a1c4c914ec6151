#!/usr/bin/python3
"""The faiss peer of `Store.Bench ann`: the index faiss offers for Store's --index, over the same .fvecs files.

hnsw: IndexHNSWFlat (M, efConstruction; sweeps efSearch). ivf: IndexIVFFlat (sweeps nprobe).
ivf_sq8 and ivf_pq: IndexIVFScalarQuantizer (8-bit) and IndexIVFPQ (pq_m bytes a code), each
inside IndexRefineFlat with k_factor = rerank / k, as Store re-ranks `rerank` candidates
exactly. flat: IndexFlat, the exact scan. ip and cosine use the inner-product metric, cosine on
L2-normalised copies. Builds (training and adding) run on one thread, as Store's CREATE INDEX.

Debian's python3-faiss is a generic x86-64 build without AVX2, and qps_1t and latency time one
query per search() call through Python, so the single-query figures are a lower bound for faiss.
qps_all is one batched search() on all threads, faiss's own way of using the cores.
Prints one JSON line per setting with the fields of the bench's AnnResult.
"""
import argparse, json, math, sys, time

import faiss
import numpy as np

WARMUP_QUERIES = 100  # untimed, as in Store's timer and the hnswlib peer


def read_vecs(path, dtype):
    """TEXMEX .fvecs / .ivecs: each row an int32 count, then that many 4-byte values."""
    raw = np.fromfile(path, dtype=np.int32)
    return raw.reshape(-1, int(raw[0]) + 1)[:, 1:].copy().view(dtype)


def build(args, d):
    """The index and a function that applies one setting of the sweep to it."""
    metric = faiss.METRIC_L2 if args.metric == "l2" else faiss.METRIC_INNER_PRODUCT
    if args.index == "flat":
        return faiss.IndexFlat(d, metric), lambda _: None, "IndexFlat"
    if args.index == "hnsw":
        index = faiss.IndexHNSWFlat(d, args.m, metric)
        index.hnsw.efConstruction = args.ef_construction
        return index, lambda ef: setattr(index.hnsw, "efSearch", ef), "IndexHNSWFlat"
    # faiss's Python constructors keep the quantizer (and IndexRefineFlat its base) alive.
    quantizer = faiss.IndexFlat(d, metric)
    if args.index == "ivf":
        ivf = faiss.IndexIVFFlat(quantizer, d, args.lists, metric)
        name = "IndexIVFFlat"
    elif args.index == "ivf_sq8":
        ivf = faiss.IndexIVFScalarQuantizer(quantizer, d, args.lists, faiss.ScalarQuantizer.QT_8bit, metric)
        name = "IndexIVFScalarQuantizer(8 bit) + IndexRefineFlat"
    else:
        ivf = faiss.IndexIVFPQ(quantizer, d, args.lists, args.pq_m, 8, metric)
        name = "IndexIVFPQ + IndexRefineFlat"
    index = ivf
    if args.index != "ivf":
        index = faiss.IndexRefineFlat(ivf)
        index.k_factor = max(1.0, args.rerank / args.k)
    return index, lambda probes: setattr(ivf, "nprobe", probes), name


def params(args, setting):
    """The same params object Store's results carry (AnnOptions.ParamsAt)."""
    if args.index == "hnsw":
        return {"m": args.m, "ef_construction": args.ef_construction, "ef_search": setting}
    if args.index == "flat":
        return {}
    values = {"lists": args.lists}
    if args.index == "ivf_pq":
        values["pq_m"] = args.pq_m
    if args.index != "ivf":
        values["rerank"] = args.rerank
    values["probes"] = setting
    return values


def peak_rss_bytes():
    """VmHWM, as the hnswlib peer reads it; getrusage's ru_maxrss would count the parent it was forked from."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


def recall(found, truth, k):
    return float(np.mean([len(set(f[:k]) & set(t[:k])) / k for f, t in zip(found, truth)]))


def main():
    parser = argparse.ArgumentParser()
    for name in ("--base", "--queries", "--gt", "--metric", "--index", "--sweep"):
        parser.add_argument(name, required=True)
    for name in ("--k", "--m", "--ef-construction", "--lists", "--pq-m", "--rerank", "--threads"):
        parser.add_argument(name, type=int, required=True)
    parser.add_argument("--passes", type=int, default=1)  # single-thread passes; the median gives qps_1t
    args = parser.parse_args()
    base = read_vecs(args.base, np.float32)
    queries = read_vecs(args.queries, np.float32)
    truth = read_vecs(args.gt, np.int32)
    if args.metric == "cosine":
        faiss.normalize_L2(base)
        faiss.normalize_L2(queries)

    faiss.omp_set_num_threads(1)
    index, apply, name = build(args, base.shape[1])
    start = time.perf_counter()
    if not index.is_trained:
        index.train(base)
    index.add(base)
    build_s = time.perf_counter() - start
    index_bytes = int(faiss.serialize_index(index).size)
    note = (f"faiss {faiss.__version__} {name}, generic build without AVX2 and one query per call through Python: "
            f"single-query figures are a lower bound; qps_all is one batched search on {args.threads} threads; built on one thread")
    print(f"built {name} over {base.shape[0]} x {base.shape[1]} in {build_s:.1f} s; {note}", file=sys.stderr)

    settings = [None] if args.index == "flat" else [int(v) for v in args.sweep.split(",")]
    for setting in settings:
        apply(setting)
        faiss.omp_set_num_threads(1)
        for q in queries[:WARMUP_QUERIES]:
            index.search(q.reshape(1, -1), args.k)
        found, latencies_us, pass_s = [], [], []
        for _ in range(args.passes):
            total = time.perf_counter()
            for i in range(queries.shape[0]):
                start = time.perf_counter()
                ids = index.search(queries[i:i + 1], args.k)[1][0]
                latencies_us.append((time.perf_counter() - start) * 1e6)
                if len(found) < queries.shape[0]:
                    found.append(ids)
            pass_s.append(time.perf_counter() - total)
        one_s = sorted(pass_s)[len(pass_s) // 2]
        latencies_us.sort()

        faiss.omp_set_num_threads(args.threads)
        start = time.perf_counter()
        index.search(queries, args.k)
        all_s = time.perf_counter() - start

        print(json.dumps({
            "system": "faiss", "index": args.index, "params": params(args, setting),
            "recall_at_k": recall(found, truth, args.k),
            "qps_1t": len(queries) / one_s, "qps_all": len(queries) / all_s,
            "mean_us": sum(latencies_us) / len(latencies_us),
            "p99_us": latencies_us[max(1, math.ceil(len(latencies_us) * 0.99)) - 1],
            "build_s": build_s, "index_bytes": index_bytes,
            "peak_rss_bytes": peak_rss_bytes(),
            "note": note,
        }), flush=True)


main()
