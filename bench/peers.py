#!/usr/bin/env python3
"""hnswlib (C++) on the same Fashion-MNIST split, parameters and query protocol as AnnBenchmark:
M=16, ef_construction=100, one thread, one query at a time, recall@10 against exact ground truth.

    apt-get install -y dataset-fashion-mnist python3-hnswlib python3-numpy
    /usr/bin/python3 bench/peers.py [--queries 1000] [--ef 10,20,40,80,160]
"""
import argparse
import gzip
import time

import hnswlib
import numpy as np


def idx_images(path, limit=None):
    with gzip.open(path, "rb") as f:
        data = f.read()
    n, rows, cols = (int.from_bytes(data[o:o + 4], "big") for o in (4, 8, 12))
    n = min(n, limit) if limit else n
    return np.frombuffer(data, dtype=np.uint8, offset=16, count=n * rows * cols).reshape(n, rows * cols).astype(np.float32)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--queries", type=int, default=1000)
    p.add_argument("--ef", default="10,20,40,80,160")
    a = p.parse_args()
    base = idx_images(a.dir + "/train-images-idx3-ubyte.gz")
    queries = idx_images(a.dir + "/t10k-images-idx3-ubyte.gz", a.queries)
    # exact ground truth: squared L2 via |b|^2 - 2 q.b (the |q|^2 term does not change the order)
    norms = (base * base).sum(axis=1)
    truth = []
    for q in queries:
        d = norms - 2 * base.dot(q)
        truth.append(set(np.argpartition(d, 10)[:10].tolist()))
    index = hnswlib.Index(space="l2", dim=base.shape[1])
    index.init_index(max_elements=len(base), M=16, ef_construction=100, random_seed=100)
    index.set_num_threads(1)
    t = time.perf_counter()
    index.add_items(base, np.arange(len(base)))
    build = time.perf_counter() - t
    print("| engine | ef | recall@10 | QPS (1 thread) | p50 ms | p99 ms | build s | vectors/s |")
    print("|---|---|---|---|---|---|---|---|")
    for ef in (int(x) for x in a.ef.split(",")):
        index.set_ef(max(ef, 10))
        for q in queries[:200]:
            index.knn_query(q, k=10)  # warm-up
        lat = []
        found = 0
        start = time.perf_counter()
        for q, tr in zip(queries, truth):
            t0 = time.perf_counter()
            labels, _ = index.knn_query(q, k=10)
            lat.append(time.perf_counter() - t0)
            found += len(tr.intersection(labels[0].tolist()))
        total = time.perf_counter() - start
        lat.sort()
        print("| hnswlib %s | %d | %.4f | %.0f | %.3f | %.3f | %.1f | %.0f |" % (
            hnswlib.__version__ if hasattr(hnswlib, "__version__") else "", ef,
            found / (10.0 * len(queries)), len(queries) / total,
            lat[len(lat) // 2] * 1e3, lat[int(len(lat) * 0.99)] * 1e3, build, len(base) / build))


if __name__ == "__main__":
    main()
