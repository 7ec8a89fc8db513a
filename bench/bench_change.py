"""Change at scale: `rekg load` of the synthetic graph, then `/update` and Q1 over HTTP on it.

Run: python bench/bench_change.py TRIPLES [--rounds N]
1. builds the real graph into a temporary store (`rekg build`);
2. writes the synthetic graph (bench/synthetic.py, 10 % company customers) as N-Quads and
   times `rekg load` of it (parse, SHACL gate, incremental reasoning, store), with peak RSS;
3. starts `rekg serve` on loopback with an update token, and times N rounds of an
   `INSERT DATA` of 100 triples (10 new supply relations of NdPr from refiners to magnet
   makers, with sources and quotes) and the `DELETE DATA` of the same, checking after each insert that a
   consequence (an inferred `upstreamOf`) is visible to the next query;
4. times Q1 (its defaults bound) over HTTP.
The server runs without its answer cache (REKG_ANSWER_CACHE_BYTES=0), so every Q1 is evaluated.
Prints Markdown rows; the server is stopped with SIGKILL at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import synthetic_nquads  # noqa: E402

REKG = [sys.executable, "-m", "kg.cli"]
ID, R = "https://w3id.org/rekg/id/", "https://w3id.org/rekg/ontology#"
SOURCE = f"{ID}source/s0"


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of a command, which must succeed."""
    started = time.perf_counter()
    process = subprocess.run(["/usr/bin/time", "-f", "%M", *command], cwd=ROOT, env=env, capture_output=True, text=True)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stdout}\n{process.stderr}")
    return time.perf_counter() - started, int(process.stderr.strip().splitlines()[-1]) / 1024


def supply_batch(round_: int, refiners: list[int], makers: list[int]) -> str:
    """100 triples: 10 supply relations, each with type, supplier, customer, material, source and
    an evidence quote (4 triples)."""
    rng = random.Random(round_)
    lines = []
    for i in range(10):
        supply, evidence = f"{ID}supply/bench-{round_}-{i}", f"{ID}evidence/s0/bench-{round_}-{i}"
        lines += [
            f"<{supply}> a <{R}SupplyRelation> ; <{R}supplier> <{ID}company/c{rng.choice(refiners)}> ;",
            f"  <{R}customer> <{ID}company/c{rng.choice(makers)}> ; <{R}material> <{ID}material/ndpr> ;",
            f"  <http://www.w3.org/ns/prov#wasDerivedFrom> <{SOURCE}> ; <{R}evidence> <{evidence}> .",
            f"<{evidence}> a <{R}Evidence> ; <http://www.w3.org/ns/oa#hasSource> <{SOURCE}> ;",
            f"  <http://www.w3.org/ns/oa#hasSelector> <{evidence}#q> .",
            f'<{evidence}#q> <http://www.w3.org/ns/oa#exact> "Refiner supplies NdPr to a magnet maker." .',
        ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("triples", type=int)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rekg-bench-change-"))
    store, data = work / "store", work / "synthetic.nq"
    env = {**os.environ, "REKG_STORE": str(store), "REKG_QUERY_TIMEOUT": "300", "REKG_UPDATE_TOKEN": "bench"}
    timed([*REKG, "build"], env)
    data.write_bytes(synthetic_nquads(args.triples, company_customers=0.1))
    seconds, peak = timed([*REKG, "load", str(data)], env)
    print(f"| `rekg load` of {args.triples:,} synthetic triples | {seconds:.1f} s | peak RSS {peak:,.0f} MB |", flush=True)

    port = 8900 + os.getpid() % 90
    server = subprocess.Popen(
        [*REKG, "serve", "--port", str(port)],
        cwd=ROOT,
        env={**env, "REKG_ANSWER_CACHE_BYTES": "0"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        client = httpx.Client(base_url=url, timeout=600)
        for _ in range(600):
            try:
                if client.get("/health").status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        companies = args.triples // 20  # about 19 triples per company (bench/synthetic.py)
        refiners = [n for n in range(companies) if n % 10 >= 4]
        makers = [n for n in range(companies) if n % 10 == 0]
        headers = {"Authorization": "Bearer bench", "Content-Type": "application/sparql-update"}
        inserts, deletes = [], []
        for round_ in range(args.rounds + 1):  # the first round warms the engine, and is reported apart
            batch = supply_batch(round_, refiners, makers)
            graph = f"GRAPH <https://w3id.org/rekg/graph/bench> {{ {batch} }}"
            started = time.perf_counter()
            answer = client.post("/update", content=f"INSERT DATA {{ {graph} }}", headers=headers)
            inserts.append(time.perf_counter() - started)
            assert answer.status_code == 204, answer.text
            supplier = batch.split(f"<{R}supplier> <", 1)[1].split(">", 1)[0]
            customer = batch.split(f"<{R}customer> <", 1)[1].split(">", 1)[0]
            ask = f"ASK {{ GRAPH <https://w3id.org/rekg/graph/inferred> {{ <{supplier}> <{R}upstreamOf> <{customer}> }} }}"
            seen = client.get("/sparql", params={"query": ask}, headers={"Accept": "application/sparql-results+json"}).json()
            assert seen["boolean"] is True, f"not visible after the insert: {ask}"
            started = time.perf_counter()
            answer = client.post("/update", content=f"DELETE DATA {{ {graph} }}", headers=headers)
            deletes.append(time.perf_counter() - started)
            assert answer.status_code == 204, answer.text
        print(f"| first `/update` (warms the engine) | {inserts[0]:.2f} s | |")
        print(
            f"| `/update` INSERT DATA of 100 triples, p50 of {args.rounds} | {statistics.median(inserts[1:]) * 1000:.0f} ms | "
            f"max {max(inserts[1:]) * 1000:.0f} ms |"
        )
        print(
            f"| `/update` DELETE DATA of 100 triples, p50 of {args.rounds} | {statistics.median(deletes[1:]) * 1000:.0f} ms | "
            f"max {max(deletes[1:]) * 1000:.0f} ms |",
            flush=True,
        )
        q1 = []
        for _ in range(11):
            started = time.perf_counter()
            answer = client.get(
                "/queries/q01-refiners-outside-china-serving-japanese-magnet-makers", headers={"Accept": "application/sparql-results+json"}
            )
            q1.append(time.perf_counter() - started)
            assert answer.status_code == 200, answer.text
        rows = len(answer.json()["results"]["bindings"])
        print(f"| Q1 over HTTP, p50 of 10 after one warm-up ({rows} rows) | {statistics.median(q1[1:]) * 1000:.0f} ms | |")
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait()


if __name__ == "__main__":
    main()
