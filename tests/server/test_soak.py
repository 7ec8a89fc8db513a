"""A short, bounded soak over real HTTP: 50 concurrent connections of mixed requests (Q1,
entity pages, point lookups) on loopback; almost no errors, and memory that stays put.
(`bench/soak.py` runs the same for minutes and records the figures.)"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import LiveServer


def test_fifty_connections_of_mixed_requests(built_store: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from soak import soak

    # admission control (503 after REKG_QUEUE_WAIT) is tested on its own; here a slow shared
    # machine must not turn queueing into errors
    live = LiveServer(built_store, queue_wait="10")
    try:
        result = soak(live.url, live.process.pid, connections=50, seconds=12, warmup=3)
    finally:
        live.stop()
    assert result.requests > 200  # about 70 a second here: the soak did run
    assert result.errors <= result.requests // 1000, result.statuses
    assert result.rss_end <= result.rss_warm * 1.10, (result.rss_warm, result.rss_end)
