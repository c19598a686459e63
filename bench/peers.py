#!/usr/bin/env python3
"""hnswlib and FAISS (C++, both HNSW) on the same data, parameters and query protocol as
AnnBenchmark: M=16, ef_construction=100, one query at a time, recall@10 against exact ground truth,
QPS from one thread and from --query-threads threads, single-thread p50/p99 in microseconds.

    apt-get install -y dataset-fashion-mnist python3-hnswlib python3-faiss python3-numpy
    /usr/bin/python3 bench/peers.py [--base-limit N] [--queries 1000] [--ef 10,20,40,80,160]
    /usr/bin/python3 bench/peers.py --base base.fvecs --query-file queries.fvecs [--gt gt.ivecs]
        [--metric euclidean|cosine]

--metric cosine (default euclidean): base and queries are L2-normalised here unless they already
are (|norm - 1| <= 1e-4 for all), then hnswlib runs space "ip" and FAISS METRIC_INNER_PRODUCT on
them (inner product = cosine on unit vectors); the exact truth is the highest cosine first. A given
--gt is checked against the exact truth of its first 10 queries.

Builds run on one thread (hnswlib set_num_threads(1), FAISS omp_set_num_threads(1)). The
multi-thread QPS runs Python threads that each send one query at a time: both libraries release the
GIL inside a search, but the Python around each call is serialised.
"""
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # before FAISS loads its OpenMP runtime

import argparse  # noqa: E402
import gzip  # noqa: E402
import importlib.metadata  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

K = 10
WARMUP = 200
UNIT_TOLERANCE = 1e-4  # |norm - 1| up to which a vector counts as unit-length, as in AnnBenchmark
TRUTH_CHECK_QUERIES = 10


def idx_images(path, limit=None):
    with gzip.open(path, "rb") as f:
        data = f.read()
    n, rows, cols = (int.from_bytes(data[o:o + 4], "big") for o in (4, 8, 12))
    n = min(n, limit) if limit else n
    return np.frombuffer(data, dtype=np.uint8, offset=16, count=n * rows * cols).reshape(n, rows * cols).astype(np.float32)


def vecs(path, dtype, limit=None):
    """.fvecs/.ivecs: little-endian records of an int32 dimension, then that many values. Reads only
    the first `limit` records, through a memory map: the one array returned is the only copy."""
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        head = f.read(4)
    if not head:
        raise SystemExit("%s is empty" % path)
    dim = int(np.frombuffer(head, dtype="<i4")[0])
    record = 4 * (dim + 1)
    if dim <= 0 or size % record:
        raise SystemExit("%s: not a .fvecs/.ivecs file (first dimension %d, %d bytes)" % (path, dim, size))
    n = size // record if not limit else min(limit, size // record)
    raw = np.memmap(path, dtype="<i4", mode="r", shape=(n, dim + 1))
    if (raw[:, 0] != dim).any():
        raise SystemExit("%s mixes dimensions" % path)
    rows = np.array(raw[:, 1:])  # a contiguous copy on the heap
    del raw
    return rows.view(np.float32) if dtype == np.float32 else rows


def norm_deviation(x):
    """The largest |norm - 1| over the rows."""
    return float(np.abs(np.linalg.norm(x, axis=1) - 1).max()) if len(x) else 0.0


def normalised(x):
    n = np.linalg.norm(x, axis=1, keepdims=True)
    n[n == 0] = 1
    return np.ascontiguousarray(x / n, dtype=np.float32)


def exact_truth(base, queries, metric, k=K):
    """The exact top k of each query, closest first; for cosine, highest cosine first."""
    if metric == "cosine":
        inv = 1 / np.maximum(np.linalg.norm(base, axis=1), 1e-30)
    else:
        norms = (base * base).sum(axis=1)
    truth = []
    for q in queries:
        if metric == "cosine":
            d = -(base.dot(q) * inv)  # the query's own norm does not change the order
        else:
            d = norms - 2 * base.dot(q)  # squared L2 without |q|^2, which does not change the order
        top = np.argpartition(d, k)[:k]
        truth.append(top[np.argsort(d[top], kind="stable")])
    return np.array(truth)


def check_truth(base, queries, truth, metric):
    """Compares a given truth with the exact one on its first queries; warns when they disagree."""
    if len(truth) < len(queries):
        raise SystemExit("the ground truth has %d rows for %d queries" % (len(truth), len(queries)))
    if truth.min() < 0 or truth[: len(queries)].max() >= len(base):
        raise SystemExit("the ground truth holds ids outside the base of %d" % len(base))
    n = min(TRUTH_CHECK_QUERIES, len(queries))
    exact = exact_truth(base, queries[:n], metric)
    agree = [len(set(exact[i].tolist()) & set(truth[i][:K].tolist())) for i in range(n)]
    check = "checked on the first %d queries: %d of %d top-%d ids agree with the exact %s top %d" % (
        n, sum(agree), n * K, K, metric, K)
    print("given ground truth " + check)
    if min(agree) < K - 1:
        print("warning: the given ground truth disagrees with the exact %s truth: per query %s of %d"
              " (wrong --metric, or ids that do not match the base?)" % (metric, agree, K))
        check += " (WARNING: disagrees)"
    return check


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def version(dist):
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


class Hnswlib:
    def __init__(self, dim, n, m, efc, metric):
        import hnswlib
        self.name = "hnswlib-" + version("hnswlib")
        # cosine: the vectors are unit-length by now, and "ip" is what "cosine" runs after normalising
        self.index = hnswlib.Index(space="ip" if metric == "cosine" else "l2", dim=dim)
        self.index.init_index(max_elements=n, M=m, ef_construction=efc, random_seed=100)
        self.index.set_num_threads(1)

    def build(self, base):
        self.index.add_items(base, np.arange(len(base)))

    def set_ef(self, ef):
        self.index.set_ef(max(ef, K))

    def search(self, q):
        labels, _ = self.index.knn_query(q, k=K, num_threads=1)
        return labels[0]

    def save(self, path):
        self.index.save_index(path)


class Faiss:
    def __init__(self, dim, n, m, efc, metric):
        import faiss
        self.faiss = faiss
        faiss.omp_set_num_threads(1)
        self.name = "faiss-" + faiss.__version__ + " IndexHNSWFlat"
        # like hnswlib: 2*M links on layer 0, M above; cosine: inner product on the unit vectors
        self.index = faiss.IndexHNSWFlat(
            dim, m, faiss.METRIC_INNER_PRODUCT if metric == "cosine" else faiss.METRIC_L2)
        self.index.hnsw.efConstruction = efc

    def build(self, base):
        self.index.add(base)

    def set_ef(self, ef):
        self.index.hnsw.efSearch = max(ef, K)

    def search(self, q):
        _, ids = self.index.search(q.reshape(1, -1), K)
        return ids[0]

    def save(self, path):
        self.faiss.write_index(self.index, path)


def measure(engine, queries, truth, threads):
    for q in queries[:WARMUP]:
        engine.search(q)
    truth_sets = [set(t[:K].tolist()) for t in truth]
    lat = []
    found = 0
    start = time.perf_counter()
    for q, tr in zip(queries, truth_sets):
        t0 = time.perf_counter()
        ids = engine.search(q)
        lat.append(time.perf_counter() - t0)
        found += len(tr.intersection(ids.tolist()))
    total = time.perf_counter() - start
    lat.sort()

    # every thread sends every query once, starting at a different offset
    n = len(queries)
    barrier = threading.Barrier(threads + 1)
    hits = [0] * threads

    def work(t):
        if engine.__class__ is Faiss:
            engine.faiss.omp_set_num_threads(1)  # OpenMP settings are per thread
        barrier.wait()
        h = 0
        for i in range(n):
            j = (t * n // threads + i) % n
            h += len(truth_sets[j].intersection(engine.search(queries[j]).tolist()))
        hits[t] = h

    workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    barrier.wait()
    t0 = time.perf_counter()
    for w in workers:
        w.join()
    parallel = time.perf_counter() - t0
    if sum(hits) != found * threads:
        print("warning: %s found %d true neighbours from %d threads, %d from one" % (
            engine.name, sum(hits), threads, found * threads))
    return (found / (K * float(n)), n / total, n * threads / parallel,
            lat[n // 2] * 1e6, lat[min(n - 1, int(n * 0.99))] * 1e6)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", default="/usr/share/datasets/fashion-mnist", help="Fashion-MNIST IDX files")
    p.add_argument("--base", help=".fvecs base vectors (instead of --dir)")
    p.add_argument("--query-file", help=".fvecs queries (with --base)")
    p.add_argument("--gt", help=".ivecs ground truth (with --base; ignored with --base-limit)")
    p.add_argument("--base-limit", type=int, default=None)
    p.add_argument("--queries", type=int, default=1000, help="how many queries")
    p.add_argument("--ef", default="10,20,40,80,160")
    p.add_argument("--m", type=int, default=16)
    p.add_argument("--ef-construction", type=int, default=100)
    p.add_argument("--query-threads", type=int, default=2)
    p.add_argument("--engines", default="hnswlib,faiss")
    p.add_argument("--metric", choices=["euclidean", "cosine"], default="euclidean",
                   help="cosine: hnswlib space ip and FAISS METRIC_INNER_PRODUCT on unit vectors")
    a = p.parse_args()
    truth = None
    truth_note = None
    if a.base:
        if not a.query_file:
            p.error("--base needs --query-file")
        base = vecs(a.base, np.float32, a.base_limit)
        queries = vecs(a.query_file, np.float32, a.queries)
        if a.gt and a.base_limit:
            print("--gt ignored with --base-limit: the exact truth is computed here")
        elif a.gt:
            truth = vecs(a.gt, np.int32, a.queries)
            truth_note = "given (%s), %s" % (os.path.basename(a.gt), check_truth(base, queries, truth, a.metric))
        parent = os.path.basename(os.path.dirname(os.path.abspath(a.base)))
        name = (parent + "/" if parent else "") + os.path.basename(a.base)
    else:
        base = idx_images(a.dir + "/train-images-idx3-ubyte.gz", a.base_limit)
        queries = idx_images(a.dir + "/t10k-images-idx3-ubyte.gz", a.queries)
        name = "fashion-mnist-784"
    if truth is None:
        t = time.perf_counter()
        truth = exact_truth(base, queries, a.metric)
        print("exact %s ground truth: %.1f s" % (a.metric, time.perf_counter() - t))
        truth_note = "exact %s top %d, computed" % (a.metric, K)
    if a.metric == "cosine":
        deviation = max(norm_deviation(base), norm_deviation(queries))
        if deviation <= UNIT_TOLERANCE:
            metric_note = ("metric cosine (hnswlib space ip, faiss METRIC_INNER_PRODUCT: base and queries"
                           " unit-length, max |norm - 1| %.1e)" % deviation)
        else:
            base, queries = normalised(base), normalised(queries)
            metric_note = ("metric cosine (hnswlib space ip, faiss METRIC_INNER_PRODUCT: base and queries"
                           " L2-normalised here, max |norm - 1| was %.1e)" % deviation)
    else:
        metric_note = "metric euclidean (hnswlib space l2, faiss METRIC_L2)"
    efs = [int(x) for x in a.ef.split(",")]
    rows = [
        "dataset %s: %d base x %d dims, %d queries, %s, truth %s, M=%d ef_construction=%d,"
        " build threads 1, query threads 1 and %d, %d CPUs, numpy %s" % (
            name, len(base), base.shape[1], len(queries), metric_note, truth_note, a.m,
            a.ef_construction, a.query_threads, os.cpu_count(), np.__version__),
        "| engine | ef | recall@10 | QPS 1 thread | QPS %d threads | p50 us | p99 us | build s"
        " | build threads | vectors/s | mem B/vector | disk B/vector |" % a.query_threads,
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    print(rows[0])
    for engine_name in a.engines.split(","):
        cls = {"hnswlib": Hnswlib, "faiss": Faiss}[engine_name.strip()]
        engine = cls(base.shape[1], len(base), a.m, a.ef_construction, a.metric)
        rss0 = rss_bytes()  # after the library loaded: its code and static data do not count
        t = time.perf_counter()
        engine.build(base)
        build = time.perf_counter() - t
        memory = (rss_bytes() - rss0) / len(base)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "index")
            engine.save(path)
            disk = os.path.getsize(path) / len(base)
        for ef in efs:
            engine.set_ef(ef)
            recall, qps1, qpsn, p50, p99 = measure(engine, queries, truth, a.query_threads)
            rows.append("| %s | %d | %.4f | %.0f | %.0f | %.0f | %.0f | %.1f | 1 | %.0f | %.0f | %.0f |" % (
                engine.name, ef, recall, qps1, qpsn, p50, p99, build, len(base) / build, memory, disk))
            print(rows[-1], flush=True)
        del engine
    print()
    print("\n".join(rows))


if __name__ == "__main__":
    main()
