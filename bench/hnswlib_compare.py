#!/usr/bin/env python3
"""hnswlib on the vectors `gaia bench kb --hnswlib` wrote: build time, single-thread query
latency (p50/p99) and recall@10 against the exact neighbours Java computed.

Input folder (all little-endian, row-major):
  base.f32     N x dim float32 unit vectors (the indexed chunks)
  queries.f32  Q x dim float32 unit vectors
  truth.i32    Q x 10 int32 ordinals of the exact top 10 per query, best first

Prints one JSON object on stdout:
  {"hnswlib": "0.6.1", "n": N, "build_s": ..., "runs": [{"ef": 64, "p50_us": ..., "p99_us": ...,
   "recall_at_10": ...}, ...]}

Each query is one knn_query call with one thread, timed with perf_counter_ns around the call, so
the figures include the Python call overhead (a few microseconds). Every ef gets one untimed
pass over the queries first, as the Java side does.
"""
import argparse
import json
import math
import sys
import time

import hnswlib
import numpy as np

K = 10


def percentile(values_ns, p):
    """Nearest-rank percentile in microseconds, as IndexBenchmark computes it."""
    ordered = sorted(values_ns)
    rank = max(0, math.ceil(p * len(ordered)) - 1)
    return ordered[rank] / 1000.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--dim", type=int, required=True)
    ap.add_argument("--m", type=int, default=16)
    ap.add_argument("--ef-construction", type=int, default=100)
    ap.add_argument("--ef", default="64,100", help="comma-separated ef values to measure")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--build-threads", type=int, default=1)
    args = ap.parse_args()

    base = np.fromfile(f"{args.dir}/base.f32", dtype="<f4").reshape(-1, args.dim)
    queries = np.fromfile(f"{args.dir}/queries.f32", dtype="<f4").reshape(-1, args.dim)
    truth = np.fromfile(f"{args.dir}/truth.i32", dtype="<i4").reshape(-1, K)
    if len(truth) != len(queries):
        sys.exit(f"truth has {len(truth)} rows for {len(queries)} queries")

    # Inner product on unit vectors ranks exactly as cosine.
    index = hnswlib.Index(space="ip", dim=args.dim)
    start = time.perf_counter()
    index.init_index(max_elements=len(base), ef_construction=args.ef_construction, M=args.m,
                     random_seed=args.seed)
    index.add_items(base, np.arange(len(base)), num_threads=args.build_threads)
    build_s = time.perf_counter() - start
    index.set_num_threads(1)

    runs = []
    for ef in (int(e) for e in args.ef.split(",")):
        index.set_ef(max(ef, K))
        rows = [q.reshape(1, -1) for q in queries]
        for q in rows:
            index.knn_query(q, k=K, num_threads=1)
        nanos = []
        found = 0
        for i, q in enumerate(rows):
            t0 = time.perf_counter_ns()
            labels, _ = index.knn_query(q, k=K, num_threads=1)
            nanos.append(time.perf_counter_ns() - t0)
            found += len(set(labels[0].tolist()) & set(truth[i].tolist()))
        runs.append({"ef": ef, "p50_us": percentile(nanos, 0.50), "p99_us": percentile(nanos, 0.99),
                     "recall_at_10": found / (len(rows) * K)})

    try:
        from importlib.metadata import version as package_version
        version = package_version("hnswlib")
    except Exception:  # metadata missing: report what we can
        version = getattr(hnswlib, "__version__", "unknown")
    print(json.dumps({"hnswlib": version, "n": len(base), "build_s": build_s, "runs": runs}))


if __name__ == "__main__":
    main()
