#!/usr/bin/env python3
"""Side by side: `linkchart layout` against python-igraph's grid Fruchterman–Reingold on the
same edge list. Prints per-iteration seconds for both and the same quality figures for both
layouts (mean edge length / mean distance of random pairs: lower is better; piled pairs).

usage: compare_igraph.py EDGES [ITERATIONS=100] [LINKCHART=target/release/linkchart] [THREADS]
needs: python-igraph (pip install python-igraph, in a venv)
"""
import math
import random
import re
import resource
import subprocess
import sys
import tempfile
import time

import igraph


def read_edges(path):
    names, edges = {}, []
    for line in open(path):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        a, b = line.split()
        ia = names.setdefault(a, len(names))
        ib = names.setdefault(b, len(names))
        edges.append((ia, ib))
    return names, edges


def quality(coords, edges, seed=2):
    def dist(a, b):
        return math.dist(coords[a], coords[b])

    lengths = sorted(dist(a, b) for a, b in edges if a != b)
    median = lengths[len(lengths) // 2]
    rng = random.Random(seed)
    n = len(coords)
    pairs = [(rng.randrange(n), rng.randrange(n)) for _ in range(20000)]
    pairs = [(a, b) for a, b in pairs if a != b]
    pair_mean = sum(dist(a, b) for a, b in pairs) / len(pairs)
    piles = sum(dist(a, b) < 0.05 * median for a, b in pairs) / len(pairs)
    return sum(lengths) / len(lengths) / pair_mean, piles


def main():
    path = sys.argv[1]
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    linkchart = sys.argv[3] if len(sys.argv) > 3 else "target/release/linkchart"
    threads = sys.argv[4] if len(sys.argv) > 4 else None
    names, edges = read_edges(path)
    g = igraph.Graph(n=len(names), edges=edges)

    t, cpu = time.perf_counter(), time.process_time()
    layout = g.layout_fruchterman_reingold(niter=iterations, grid=True)
    ig_total, ig_cpu = time.perf_counter() - t, time.process_time() - cpu
    ig_q = quality(layout.coords, edges)
    print(f"igraph FR grid: {len(names)} nodes, {iterations} iterations in {ig_total:.3f} s "
          f"(CPU {ig_cpu:.3f} s), {ig_total / iterations:.4f} s per iteration; "
          f"edge/pair {ig_q[0]:.3f}, piles {ig_q[1]:.5f}")

    with tempfile.NamedTemporaryFile(suffix=".tsv") as out:
        cmd = [linkchart, "layout", "--edges", path, "--iterations", str(iterations), "--out", out.name]
        if threads:
            cmd += ["--threads", threads]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        run = subprocess.run(cmd, capture_output=True, text=True, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        lc_cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        m = re.search(r"(\d+) iterations.* in ([0-9.]+) s; median ([0-9.]+) s per iteration", run.stderr)
        coords = [None] * len(names)
        for line in open(out.name):
            name, x, y = line.split("\t")
            coords[names[name]] = (float(x), float(y))
    lc_q = quality(coords, edges)
    its, total, median = int(m.group(1)), float(m.group(2)), float(m.group(3))
    print(f"linkchart layout: {its} iterations in {total:.3f} s (CPU of the whole run, reading and "
          f"writing included: {lc_cpu:.3f} s), median {median:.4f} s per iteration; "
          f"edge/pair {lc_q[0]:.3f}, piles {lc_q[1]:.5f}")
    print(f"ratio igraph/linkchart per iteration (wall): {ig_total / iterations / median:.2f}; "
          f"CPU per iteration igraph {ig_cpu / iterations:.4f} s, linkchart at most {lc_cpu / its:.4f} s")


if __name__ == "__main__":
    main()
