"""rekg's query path against its peers, side by side on the same export, in one run.

Run: python bench/peers.py [--synthetic TRIPLES] [-n 200] [--peer-venv DIR]
Builds the real graph (and, with --synthetic, loads that many synthetic triples into it),
exports it as N-Quads, and serves the same data from:
- rekg (`rekg serve`, this checkout),
- the Oxigraph server (`oxigraph serve-read-only --union-default-graph`, the `oxigraph` wheel),
- rdflib-endpoint with its default store and with Oxigraph,
the peers from their own virtualenv (created with pip when --peer-venv does not exist yet).
Every server listens on loopback only and is stopped with SIGKILL at the end (uvicorn would
wait for in-flight queries). Prints, per query, the median latency of n sequential GETs (rekg
and the Oxigraph server taking turns, one GET each per round, then rekg and rdflib-endpoint's
two servers likewise) and the ratio to the Oxigraph server and to rdflib-endpoint, and the
throughput of 8 client threads sending point lookups.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import synthetic_nquads  # noqa: E402

from tests.conftest import free_port  # noqa: E402

LYNAS = "https://w3id.org/rekg/id/company/lynas-rare-earths"
ACCEPT = {"Accept": "application/sparql-results+json"}


def queries() -> dict[str, str]:
    """The queries of the comparison; Q1 with its default parameters written in."""
    q1 = next((ROOT / "queries").glob("q01-*.rq")).read_text()
    q1 = q1.replace("?country", "<https://w3id.org/rekg/id/country/JP>").replace("?excluded", "<https://w3id.org/rekg/id/country/CN>")
    q1 = re.sub(r"SELECT DISTINCT(\s+<[^>]*>)+", "SELECT DISTINCT", q1)  # the constants out of every projection
    return {
        "point lookup": f"SELECT ?p ?o WHERE {{ <{LYNAS}> ?p ?o }}",
        "label search": "SELECT ?s ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(CONTAINS(LCASE(STR(?l)), 'lyn')) }",
        "two-hop, LIMIT 200": f"SELECT ?x ?y WHERE {{ <{LYNAS}> ?p ?x . ?x ?q ?y }} LIMIT 200",
        "COUNT(*)": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        "Q1, defaults bound": q1,
    }


def rekg(*args: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-m", "kg.cli", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def start(command: list[str], env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def wait_until_up(url: str, process: subprocess.Popen, timeout: float = 900) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(url, params={"query": "ASK { ?s ?p ?o }"}, headers=ACCEPT, timeout=10).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    return False


def latencies(urls: dict[str, str], query: str, n: int, budget: float = 120.0) -> dict[str, float | None]:
    """Per server, the median seconds of up to n sequential GETs, the servers taking turns (one
    GET each per round), so a slower minute of the shared machine weighs on every server alike,
    and each round starting one server further on, so no server always follows the same one (a
    server right after rdflib-endpoint finds the CPU's caches filled with its work); a server
    stops once it has spent ``budget`` seconds, and is None after an error."""
    times: dict[str, list[float]] = {server: [] for server in urls}
    spent = dict.fromkeys(urls, 0.0)
    failed: set[str] = set()
    clients = {server: httpx.Client(timeout=budget, headers=ACCEPT) for server in urls}
    try:
        order = list(urls.items())
        for round_ in range(n):
            for server, url in order[round_ % len(order) :] + order[: round_ % len(order)]:
                if server in failed or spent[server] > budget:
                    continue
                begin = time.perf_counter()
                try:
                    ok = clients[server].get(url, params={"query": query}).status_code == 200
                except httpx.HTTPError:
                    ok = False
                elapsed = time.perf_counter() - begin
                spent[server] += elapsed
                if ok:
                    times[server].append(elapsed)
                else:
                    failed.add(server)
    finally:
        for client in clients.values():
            client.close()
    return {server: None if server in failed else statistics.median(times[server]) for server in urls}


def throughput(url: str, query: str, clients: int = 8, seconds: float = 10.0) -> float:
    """Successful answers per second with ``clients`` threads for ``seconds``."""
    deadline = time.perf_counter() + seconds

    def client_loop(_: int) -> int:
        done = 0
        with httpx.Client(timeout=60, headers=ACCEPT) as client:
            while time.perf_counter() < deadline:
                try:
                    done += client.get(url, params={"query": query}).status_code == 200
                except httpx.HTTPError:
                    pass
        return done

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        total = sum(pool.map(client_loop, range(clients)))
    return total / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--synthetic", type=int, default=0)
    parser.add_argument("-n", type=int, default=200)
    parser.add_argument("--peer-venv", type=Path, default=Path(tempfile.gettempdir()) / "rekg-peers-venv")
    args = parser.parse_args()
    if not (args.peer_venv / "bin" / "pip").exists():
        subprocess.run([sys.executable, "-m", "venv", str(args.peer_venv)], check=True)
    peers_ready = (args.peer_venv / "bin" / "oxigraph").exists() and not subprocess.run(
        [str(args.peer_venv / "bin" / "python"), "-c", "import rdflib_endpoint.__main__"], stderr=subprocess.DEVNULL
    ).returncode
    if not peers_ready:
        subprocess.run([str(args.peer_venv / "bin" / "pip"), "install", "-q", "oxigraph", "rdflib-endpoint[cli,oxigraph]"], check=True)
    work = Path(tempfile.mkdtemp(prefix="rekg-peers-"))
    env = {**os.environ, "REKG_STORE": str(work / "store"), "REKG_QUERY_TIMEOUT": "300"}
    rekg("build", env=env)
    if args.synthetic:
        (work / "synthetic.nq").write_bytes(synthetic_nquads(args.synthetic, company_customers=0.1))
        rekg("load", str(work / "synthetic.nq"), env=env)
    export = work / "export.nq"
    rekg("export", "--format", "nq", "-o", str(export), env=env)
    subprocess.run(
        [str(args.peer_venv / "bin" / "oxigraph"), "load", "--location", str(work / "ox"), "--file", str(export)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    servers: dict[str, tuple[str, subprocess.Popen]] = {}
    port = free_port()
    servers["rekg"] = (f"http://127.0.0.1:{port}/sparql", start([sys.executable, "-m", "kg.cli", "serve", "--port", str(port)], env))
    port = free_port()
    servers["Oxigraph server"] = (
        f"http://127.0.0.1:{port}/query",
        start(
            [
                str(args.peer_venv / "bin" / "oxigraph"),
                "serve-read-only",
                "--location",
                str(work / "ox"),
                "--bind",
                f"127.0.0.1:{port}",
                "--union-default-graph",
            ]
        ),
    )
    for store in ("default", "Oxigraph"):
        port = free_port()
        servers[f"rdflib-endpoint ({store})"] = (
            f"http://127.0.0.1:{port}/",
            start(
                [
                    str(args.peer_venv / "bin" / "rdflib-endpoint"),
                    "serve",
                    str(export),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    "--store",
                    store,
                ]
            ),
        )
    try:
        up = {name: url for name, (url, process) in servers.items() if wait_until_up(url, process)}
        names = list(up)
        label = f"real graph + {args.synthetic:,} synthetic" if args.synthetic else "real graph"
        print(
            f"{label}: median of up to {args.n} sequential GETs, rekg in turn with the Oxigraph server, then with "
            f"rdflib-endpoint; ratio = rekg / peer (< 1: rekg faster)\n"
        )
        # throughput first: a peer still busy with a query past the client's budget (rdflib-endpoint
        # on Q1) would answer nothing afterwards
        rates = {server: throughput(url, queries()["point lookup"]) for server, url in up.items()}
        print("| query | " + " | ".join(names) + " | rekg / Oxigraph | rekg / rdflib-endpoint (best) |")
        print("|---|" + "---|" * (len(names) + 2))
        for name, query in queries().items():
            # rekg and the Oxigraph server take turns on their own, then rekg and rdflib-endpoint:
            # a slow Python peer's work between two turns empties the CPU's caches, which costs
            # the next server (rekg most, a Python process) more than the query itself
            found = latencies({s: up[s] for s in up if not s.startswith("rdflib-endpoint")}, query, args.n)
            beside_endpoints = latencies({s: up[s] for s in up if s != "Oxigraph server"}, query, args.n)
            found.update((s, v) for s, v in beside_endpoints.items() if s != "rekg")
            cells = [f"{found[s] * 1000:.2f} ms" if found[s] is not None else "error or > 120 s" for s in names]
            mine, oxigraph = found.get("rekg"), found.get("Oxigraph server")
            endpoints = [v for s, v in found.items() if s.startswith("rdflib-endpoint") and v is not None]
            mine_beside = beside_endpoints.get("rekg")
            ratio_ox = f"{mine / oxigraph:.2f}×" if mine and oxigraph else "—"
            ratio_re = f"{mine_beside / min(endpoints):.2f}×" if mine_beside and endpoints else "—"
            print(f"| {name} | " + " | ".join(cells) + f" | {ratio_ox} | {ratio_re} |", flush=True)
        mine, oxigraph = rates.get("rekg"), rates.get("Oxigraph server")
        share = f"{mine / oxigraph:.2f}× its throughput" if mine and oxigraph else "—"
        print("| 8 client threads, point lookups | " + " | ".join(f"{rates[s]:.0f} req/s" for s in names) + f" | {share} | — |")
        missing = set(servers) - set(up)
        if missing:
            print(f"\ndid not start: {', '.join(sorted(missing))}")
    finally:
        for _, process in servers.values():
            with contextlib.suppress(ProcessLookupError):  # it had already exited (a peer that did not start)
                os.killpg(process.pid, signal.SIGKILL)


if __name__ == "__main__":
    main()
