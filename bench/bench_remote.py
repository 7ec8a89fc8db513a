"""The embedded store and a real Virtuoso side by side: `rekg build`, `rekg load` of the
synthetic graph, then three queries through `rekg query` on each.

Run: python bench/bench_remote.py TRIPLES [--runs N]
Prints Markdown rows: the load (seconds, peak RSS of rekg), then per query the median
wall time of N `rekg query` runs (each a new process: imports and connection included), the
median of N runs of the same query in one process through the store interface (what a
server pays), and the row count. Queries: Q1 with its defaults, a point lookup (every statement about one
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


def in_process_seconds(query: str, env: dict[str, str], runs: int) -> float:
    """Median seconds of the query through ``Store.query`` in this process."""
    from kg.store import open_store
    from kg.store.queries import resolve_query_text

    saved = dict(os.environ)
    os.environ.update(env)
    try:
        store = open_store()
        text, named = resolve_query_text(query)
        bindings = named.bindings({}) if named else None
        times = []
        for _ in range(runs + 1):  # the first run warms caches and connections
            started = time.perf_counter()
            store.query(text, bindings=bindings)
            times.append(time.perf_counter() - started)
        return statistics.median(times[1:])
    finally:
        os.environ.clear()
        os.environ.update(saved)


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
            print(
                f"| {name} | `rekg build` {build:.1f} s | `rekg load` of {args.triples:,} triples {load:.1f} s, peak RSS {peak:,.0f} MB |",
                flush=True,
            )
            for label, query in QUERIES.items():
                seconds, rows = query_seconds(query, env, args.runs)
                inside = in_process_seconds(query, env, args.runs)
                print(
                    f"| {name} | {label} | `rekg query` {seconds * 1000:.0f} ms; in process {inside * 1000:.1f} ms ({rows:,} rows) |",
                    flush=True,
                )
    finally:
        virtuoso.stop()


if __name__ == "__main__":
    main()
