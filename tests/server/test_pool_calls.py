"""Pages that run many queries go through the pool as one query does: on a worker, under the
same time and memory limits, the worker replaced when it overruns."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from rekg_server.pool import QueryPool

from kg.errors import QueryOutOfMemory, QueryTimedOut
from kg.store import EmbeddedStore
from tests.server.worker_jobs import count_labels, take_memory, take_time


def test_a_call_runs_on_a_worker_and_obeys_the_limits(built_store: Path) -> None:
    async def scenario() -> None:
        pool = QueryPool(EmbeddedStore(built_store).database(), size=1, timeout=2, queue_wait=10, memory=100 << 20)
        try:
            assert await pool.call(count_labels) == 5
            started = time.monotonic()
            with pytest.raises(QueryTimedOut, match="2 s time limit"):
                await pool.call(take_time, 30)
            assert time.monotonic() - started < 10
            with pytest.raises(QueryOutOfMemory, match="100 MiB memory limit"):
                await pool.call(take_memory, 400)
            assert await pool.call(count_labels) == 5  # the worker was replaced
        finally:
            pool.close()

    asyncio.run(scenario())


def test_pages_that_run_many_queries_answer_through_the_pool(client) -> None:
    explained = client.get("/explain", params={"s": "country/JP", "p": "partnerOf", "o": "country/IN"})
    assert explained.status_code == 200 and "Why this holds" in explained.text and 'href="/id/country/IN"' in explained.text
    assert "2010 rare earth export embargo on Japan" in client.get("/timeline").text
    page = client.get("/id/country/JP", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "shares over time" in page.text and "Partners and the links behind them" in page.text
    assert client.get("/queries/q05", params={"asOf": "2025-09-30"}, headers={"Accept": "text/csv"}).text.count("\n") == 1
