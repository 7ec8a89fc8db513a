"""The embedded store and a real Virtuoso side by side: `rekg build`, `rekg load` of the
synthetic graph, then three queries through `rekg query` on each.

Run: python bench/bench_remote.py TRIPLES [--runs N]
Prints Markdown rows: the load (seconds, peak RSS of rekg), then per query the median
wall time of N `rekg query` runs (each a new process: imports and connection included) and
its row count. Queries: Q1 with its defaults, a point lookup (every statement about one
company), and an upstream chain (everything `upstreamOf` a magnet maker, from the inferred
graph).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_change import REKG, timed  # noqa: E402
from synthetic import synthetic_nquads  # noqa: E402

from tests.virtuoso import Virtuoso  # noqa: E402

QUERIES = {
    "Q1 (named question, defaults)": "q01",
    "point lookup": "SELECT ?p ?o WHERE { <https://w3id.org/rekg/id/company/c5> ?p ?o }",
    "upstream chain of a magnet maker": "SELECT ?s WHERE { ?s <https://w3id.org/rekg/ontology#upstreamOf> <https://w3id.org/rekg/id/company/c10> }",
}


def query_seconds(query: str, env: dict[str, str], runs: int) -> tuple[float, int]:
    """Median wall seconds of ``rekg query`` and the rows it gave."""
    times, rows = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run([*REKG, "query", query, "--format", "json"], cwd=ROOT, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise SystemExit(f"rekg query failed: {done.stderr}")
        rows = len(json.loads(done.stdout)["results"]["bindings"])
    return statistics.median(times), rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("triples", type=int)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rekg-bench-remote-"))
    data = work / "synthetic.nq"
    data.write_bytes(synthetic_nquads(args.triples, company_customers=0.1))
    virtuoso = Virtuoso(work / "virtuoso", memory_gb=4)
    try:
        stores = {
            "embedded": {**os.environ, "REKG_STORE": str(work / "store")},
            "Virtuoso 7.2": {**os.environ, **{f"REKG_{k.upper()}": v for k, v in virtuoso.env().items()}},
        }
        for name, env in stores.items():
            build, _ = timed([*REKG, "build"], env)
            load, peak = timed([*REKG, "load", str(data)], env)
            print(f"| {name} | `rekg build` {build:.1f} s | `rekg load` of {args.triples:,} triples {load:.1f} s, peak RSS {peak:,.0f} MB |", flush=True)
            for label, query in QUERIES.items():
                seconds, rows = query_seconds(query, env, args.runs)
                print(f"| {name} | {label} | {seconds * 1000:.0f} ms ({rows:,} rows) |", flush=True)
    finally:
        virtuoso.stop()


if __name__ == "__main__":
    main()
