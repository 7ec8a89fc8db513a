"""The memory probe of issue 34: four greedy queries at once against `rekg serve`, the server's
peak resident memory (the process and its workers) and whether a small ASK still answers.

Usage: python bench/probe_memory.py STORE_DIR [--workers 4] [--timeout 20] [--memory 1G] [--python PYTHON]
(``--python`` runs another checkout's ``kg.cli``, e.g. the code before the limit).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

GREEDY = "SELECT ?a ?b ?c WHERE { ?a ?p1 ?x . ?b ?p2 ?y . ?c ?p3 ?z } ORDER BY ?a ?b ?c LIMIT 1"
ASK = "ASK { ?s ?p ?o }"


def _tree(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children.get(current, [])
    return found


def _resident(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError):
            pass
    return total


def main() -> None:
    """Run the probe and print what it saw."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("store", type=Path)
    parser.add_argument("--workers", default="4")
    parser.add_argument("--timeout", default="20")
    parser.add_argument("--memory", default="1G")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--cwd", default=None)
    args = parser.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {
        **os.environ,
        "REKG_WORKERS": args.workers,
        "REKG_QUERY_TIMEOUT": args.timeout,
        "REKG_QUERY_MEMORY": args.memory,
        "REKG_QUEUE_WAIT": "30",
    }
    server = subprocess.Popen(
        [args.python, "-m", "kg.cli", "serve", "--port", str(port), "--store", str(args.store)],
        env=env,
        cwd=args.cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        peak, done, statuses, asks = [0], threading.Event(), [], []

        def watch() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], _resident(_tree(server.pid)))
                time.sleep(0.05)

        def greedy() -> None:
            started = time.monotonic()
            response = httpx.get(f"{url}/sparql", params={"query": GREEDY}, timeout=120)
            statuses.append((response.status_code, round(time.monotonic() - started, 1), response.text.strip()[:80]))

        watcher = threading.Thread(target=watch)
        watcher.start()
        started = time.monotonic()
        threads = [threading.Thread(target=greedy) for _ in range(4)]
        for thread in threads:
            thread.start()
        while any(t.is_alive() for t in threads) and time.monotonic() - started < 120:
            time.sleep(0.5)
            try:
                t0 = time.monotonic()
                asks.append((httpx.get(f"{url}/sparql", params={"query": ASK}, timeout=30).status_code, round(time.monotonic() - t0, 2)))
            except httpx.HTTPError as exc:
                asks.append((type(exc).__name__, None))
        for thread in threads:
            thread.join()
        done.set()
        watcher.join()
        print(f"peak resident memory of the server and its workers: {peak[0] / (1 << 30):.2f} GiB")
        print("greedy queries (status, seconds, answer):", *statuses, sep="\n  ")
        print(
            f"ASK during them: {len(asks)} sent, statuses {sorted({a[0] for a in asks}, key=str)}, "
            f"slowest {max((a[1] or 0) for a in asks) if asks else None} s"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
