"""HTTP latency and throughput of `rekg serve`, beside the same queries run in process.

Run: python bench/bench_server.py [--synthetic TRIPLES]
Measures Q1 and a point lookup: p50/p99 with one client, requests/s with 8 concurrent
clients, on the real graph (built from kg/facts) and on a synthetic graph.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import synthetic_nquads  # noqa: E402

from kg.ingest.corpus import resolve_corpus_dir  # noqa: E402
from kg.ingest.pipeline import build_store  # noqa: E402
from kg.store import EmbeddedStore  # noqa: E402
from kg.store.formats import N_QUADS  # noqa: E402
from kg.store.queries import find_named_query  # noqa: E402
from kg.vocab import FACTS_DIR  # noqa: E402

POINT = "SELECT ?p ?o WHERE { <https://w3id.org/rekg/id/company/lynas-rare-earths> ?p ?o }"
POINT_SYNTHETIC = "SELECT ?p ?o WHERE { <https://w3id.org/rekg/id/company/c123> ?p ?o }"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def start_server(store: Path) -> tuple[subprocess.Popen, str]:
    port = 8700 + os.getpid() % 200
    env = {k: v for k, v in os.environ.items() if not k.startswith("REKG_")}
    env["REKG_QUERY_TIMEOUT"] = "300"  # measure slow queries rather than cut them
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--port", str(port), "--store", str(store)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("server did not start")


def http_latency(url: str, path: str, params: dict[str, str], n: int) -> list[float]:
    times = []
    with httpx.Client(headers={"Accept": "application/sparql-results+json"}, timeout=120) as client:
        for _ in range(n):
            start = time.perf_counter()
            response = client.get(url + path, params=params)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, response.text
    return times


def http_throughput(url: str, path: str, params: dict[str, str], clients: int, seconds: float) -> float:
    done = [0] * clients
    stop = time.monotonic() + seconds

    def worker(index: int) -> None:
        with httpx.Client(headers={"Accept": "application/sparql-results+json"}, timeout=120) as client:
            while time.monotonic() < stop:
                if client.get(url + path, params=params).status_code == 200:
                    done[index] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done) / (time.monotonic() - started)  # requests still in flight at the deadline count too


def in_process(store_dir: Path, sparql: str, bindings: dict | None, n: int) -> list[float]:
    store = EmbeddedStore(store_dir)
    times = []
    for _ in range(n):
        start = time.perf_counter()
        store.query(sparql, bindings=bindings)
        times.append((time.perf_counter() - start) * 1000)
    return times


def measure(label: str, store_dir: Path, point: str, n: int) -> None:
    q1 = find_named_query("q01")
    process, url = start_server(store_dir)
    try:
        cases = [("Q1", "/queries/" + q1.name, {}, q1.text, q1.bindings({})), ("point lookup", "/sparql", {"query": point}, point, None)]
        for name, path, params, sparql, subs in cases:
            http_ms = http_latency(url, path, params, n)
            local_ms = in_process(store_dir, sparql, subs, n)
            rps = http_throughput(url, path, params, 8, 5.0)
            print(
                f"| {label} | {name} | {statistics.median(http_ms):.2f} | {percentile(http_ms, 0.99):.2f} | "
                f"{statistics.median(local_ms):.3f} | {percentile(local_ms, 0.99):.3f} | "
                f"{statistics.median(http_ms) / statistics.median(local_ms):.0f}× | {rps:.1f} |",
                flush=True,
            )
    finally:
        process.terminate()
        process.wait(timeout=120)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--synthetic", type=int, default=1_000_000)
    parser.add_argument("-n", type=int, default=300)
    args = parser.parse_args()
    print("| graph | query | HTTP p50 ms | HTTP p99 ms | in-process p50 ms | in-process p99 ms | HTTP/in-process | req/s, 8 clients |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        real = Path(tmp) / "real"
        build_store(FACTS_DIR, EmbeddedStore(real, read_only=False), corpus_dir=resolve_corpus_dir(None))
        measure("real (kg/facts)", real, POINT, args.n)
        synthetic = Path(tmp) / "synthetic"
        started = time.perf_counter()
        EmbeddedStore(synthetic, read_only=False).replace_all(synthetic_nquads(args.synthetic, company_customers=0.1), media_type=N_QUADS)
        print(f"<!-- synthetic store of {args.synthetic} triples loaded in {time.perf_counter() - started:.1f} s -->")
        measure(f"synthetic {args.synthetic // 1000}k", synthetic, POINT_SYNTHETIC, max(10, args.n // 30))


if __name__ == "__main__":
    main()
