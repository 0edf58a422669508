#!/usr/bin/env python3
"""Write a seeded Barabási–Albert edge list (`a b` per line) for `linkchart layout` and peers.

usage: ba_edges.py NODES [EDGES_PER_NODE=5] [SEED=1] > graph.txt
"""
import random
import sys


def barabasi_albert(n, m, seed):
    rng = random.Random(seed)
    edges, ends = [], []
    core = min(m + 1, n)
    for a in range(core):
        for b in range(a):
            edges.append((b, a))
            ends += [b, a]
    for v in range(core, n):
        chosen = set()
        while len(chosen) < m:
            chosen.add(ends[rng.randrange(len(ends))])
        for t in sorted(chosen):
            edges.append((t, v))
            ends += [t, v]
    return edges


def main():
    n = int(sys.argv[1])
    m = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    out = sys.stdout
    out.write(f"# Barabasi-Albert n={n} m={m} seed={seed}\n")
    out.write("".join(f"{a} {b}\n" for a, b in barabasi_albert(n, m, seed)))


if __name__ == "__main__":
    main()
