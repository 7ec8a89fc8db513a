"""A bounded soak of `rekg serve`: N concurrent connections of mixed requests on loopback.

Run: python bench/soak.py [--connections 50] [--seconds 120] [--store DIR] [--client httpx|wrk] [--no-answer-cache]
Starts the server on the store (built from kg/facts into a temporary folder when none is
given), warms it up, then keeps N connections busy with Q1, entity pages and point SPARQL
lookups for the given time (``--no-answer-cache`` renders every page afresh). Prints
requests/s, p50/p99 latency, errors (any status but 200) and the resident memory of the server
and its workers after warm-up and at the end.

The client is httpx on one asyncio loop (as the tests run it) or wrk (Debian's ``wrk``). At a
few hundred requests a second the httpx client fills a core of its own, and its latencies then
measure its own queue; wrk, in C, costs the server's machine a small part of that.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = [
    ("/queries/q01-refiners-outside-china-serving-japanese-magnet-makers", {}),
    ("/id/company/lynas-rare-earths", {}),
    ("/id/country/JP", {}),
    ("/sparql", {"query": "SELECT ?p ?o WHERE { <https://w3id.org/rekg/id/company/lynas-rare-earths> ?p ?o }"}),
]


@dataclass
class SoakResult:
    """What a soak measured."""

    requests: int = 0
    errors: int = 0
    statuses: Counter = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    seconds: float = 0.0
    rss_warm: int = 0
    rss_end: int = 0
    p50: float = 0.0  # seconds
    p99: float = 0.0


def resident_kb(pid: int) -> int:
    """Resident memory of ``pid`` and its children, in KB (from /proc)."""
    pids = [pid] + [int(p.parent.name) for p in Path("/proc").glob("[0-9]*/stat") if _parent(p) == pid]
    total = 0
    for each in pids:
        try:
            status = Path(f"/proc/{each}/status").read_text()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return total


def _parent(stat: Path) -> int | None:
    try:
        return int(stat.read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


async def _run(url: str, connections: int, seconds: float, result: SoakResult | None) -> None:
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as client:

        async def worker(n: int) -> None:
            i = n
            while time.monotonic() < deadline:
                path, params = REQUESTS[i % len(REQUESTS)]
                i += 1
                started = time.perf_counter()
                try:
                    status = (await client.get(path, params=params)).status_code
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                if result is not None:
                    result.latencies.append(time.perf_counter() - started)
                    result.statuses[status] += 1

        await asyncio.gather(*(worker(n) for n in range(connections)))


def soak(url: str, pid: int, *, connections: int, seconds: float, warmup: float) -> SoakResult:
    """Warm the server up, then keep ``connections`` connections busy for ``seconds``."""
    asyncio.run(_run(url, connections, warmup, None))
    result = SoakResult(rss_warm=resident_kb(pid))
    started = time.perf_counter()
    asyncio.run(_run(url, connections, seconds, result))
    result.seconds = time.perf_counter() - started
    result.rss_end = resident_kb(pid)
    result.requests = sum(result.statuses.values())
    result.errors = result.requests - result.statuses[200]
    ordered = sorted(result.latencies)
    result.p50, result.p99 = statistics.median(ordered), ordered[int(len(ordered) * 0.99)]
    return result


WRK_SCRIPT = """local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""
_UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}


def soak_wrk(url: str, pid: int, *, connections: int, seconds: float, warmup: float) -> SoakResult:
    """The same soak driven by wrk (two threads), its latencies as wrk reports them."""
    paths = [path + (f"?{httpx.QueryParams(params)}" if params else "") for path, params in REQUESTS]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_SCRIPT % ", ".join(f'"{p}"' for p in paths))
        script.flush()

        def wrk(duration: float) -> str:
            return subprocess.run(
                ["wrk", "-t2", f"-c{connections}", f"-d{duration:.0f}s", "--latency", "-s", script.name, url],
                check=True,
                capture_output=True,
                text=True,
            ).stdout

        wrk(warmup)
        result = SoakResult(rss_warm=resident_kb(pid))
        report = wrk(seconds)
    result.rss_end = resident_kb(pid)
    result.seconds = seconds
    result.requests = int(re.search(r"(\d+) requests in", report).group(1))
    # "Non-2xx or 3xx responses: N" and "Socket errors: connect N, read N, write N, timeout N", when any
    bad = sum(int(a or b) for a, b in re.findall(r"Non-2xx or 3xx responses: (\d+)|(?:connect|read|write|timeout) (\d+)", report))
    result.errors = bad
    result.statuses[200] = result.requests - bad
    if bad:
        result.statuses["non-200 or socket error"] = bad
    for name, value, unit in re.findall(r"\s(50|99)%\s+([\d.]+)(us|ms|s|m)\b", report):
        setattr(result, f"p{name}", float(value) * _UNITS[unit])
    return result


def _kinds(result: SoakResult) -> str:
    """The errors by status or exception, as " (503: 4, ReadTimeout: 1)", or nothing."""
    kinds = ", ".join(f"{k}: {n}" for k, n in result.statuses.most_common() if k != 200)
    return f" ({kinds})" if kinds else ""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--store", type=Path)
    parser.add_argument("--client", choices=("httpx", "wrk"), default="httpx")
    parser.add_argument("--no-answer-cache", action="store_true", help="render every page afresh (REKG_ANSWER_CACHE_BYTES=0)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from kg.ingest.corpus import resolve_corpus_dir
    from kg.ingest.pipeline import build_store
    from kg.store import EmbeddedStore
    from kg.vocab import FACTS_DIR
    from tests.conftest import LiveServer

    store = args.store
    if store is None:
        store = Path(tempfile.mkdtemp(prefix="rekg-soak-")) / "store"
        build_store(FACTS_DIR, EmbeddedStore(store, read_only=False), corpus_dir=resolve_corpus_dir(None))
    live = LiveServer(store, **({"answer_cache_bytes": "0"} if args.no_answer_cache else {}))
    try:
        run = soak_wrk if args.client == "wrk" else soak
        result = run(live.url, live.process.pid, connections=args.connections, seconds=args.seconds, warmup=10)
    finally:
        live.stop()
    print(
        f"| {args.connections} connections, {result.seconds:.0f} s, {args.client} | {result.requests / result.seconds:.0f} req/s | "
        f"p50 {result.p50 * 1000:.0f} ms | p99 {result.p99 * 1000:.0f} ms | "
        f"errors {result.errors} of {result.requests}{_kinds(result)} | RSS {result.rss_warm / 1024:.0f} → {result.rss_end / 1024:.0f} MB |"
    )


if __name__ == "__main__":
    main()
