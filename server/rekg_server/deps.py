"""What the handlers share (settings, the query pool or the remote store, metrics), and running
a query through it."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any, cast

import anyio
import orjson
from fastapi import Depends, Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates

from kg.analysis.as_of import AsOfViews
from kg.ingest.change import WarmEngines
from kg.settings import Settings
from kg.store import EmbeddedStore, RemoteStore, Store
from kg.store.base import QueryResult
from rekg_server.metrics import Metrics
from rekg_server.pool import QueryPool, QueryRequest

__all__ = ["templates_of", "Services", "ServicesDep", "respond", "services_of"]

log = logging.getLogger("rekg.server")


@dataclass
class Services:
    """What the handlers share: settings, the worker pool over the embedded store (or the
    remote store, queried on threads, when the server serves one) and the metrics."""

    settings: Settings
    pool: QueryPool | None
    metrics: Metrics
    remote: RemoteStore | None = None
    write_lock: asyncio.Lock = field(default_factory=asyncio.Lock)  # one write at a time: updates and applied sheets
    engines: WarmEngines = field(default_factory=WarmEngines)  # the writer's closure, kept between updates
    as_of_views: AsOfViews = field(default_factory=AsOfViews)  # a remote store's views by day (a worker keeps its own)
    _checked: float = 0.0
    _writer: EmbeddedStore | None = None
    _reader: EmbeddedStore | None = None

    def reader(self) -> Store:
        """A read-only handle in this process, for work made of many small queries (an embedded
        one reopens itself after each commit)."""
        if self.remote is not None:
            return self.remote
        if self._reader is None or self._reader.database() != EmbeddedStore.current_database(self.settings.store_dir):
            self._reader = EmbeddedStore(self.settings.store_dir)
        return self._reader

    def writer(self) -> Store:
        """The one writable handle on the store (an embedded one is opened at the first update,
        then kept: the database allows one writer)."""
        if self.remote is not None:
            return self.remote
        if self._writer is None:
            self._writer = EmbeddedStore(self.settings.store_dir, read_only=False)
        return self._writer

    def version(self) -> str | None:
        """The version of the graph the pool serves, or None for a remote store (whose version
        costs a query)."""
        return None if self.pool is None else self.pool.version()

    async def after_write(self) -> None:
        """Point the workers at the embedded store's database if a write swapped in a new one."""
        if self.pool is not None and self._writer is not None and self._writer.database() != self.pool.store_path:
            await self.pool.restart(self._writer.database())

    async def fresh_pool(self) -> QueryPool:
        """The pool, repointed first if ``rekg build`` swapped in a new database meanwhile."""
        assert self.pool is not None, "a remote store has no pool"
        now = time.monotonic()
        if now - self._checked > 1.0:
            self._checked = now
            database = EmbeddedStore.current_database(self.settings.store_dir)  # a path lookup: opening a store blocks the loop
            if database != self.pool.store_path:
                log.info("store changed to %s: restarting workers", database.name)
                await self.pool.restart(database)
        return self.pool

    async def run(self, endpoint: str, sparql: str, *, as_of: dt.date | None = None, **options: Any) -> QueryResult:
        """Run a query on the pool (options as ``Store.query`` takes them; on the graph as it stood
        on the day ``as_of`` if given), counted, timed, and logged when it took at least
        ``settings.slow_query_seconds``."""
        options.setdefault("max_rows", self.settings.max_rows)
        started = time.perf_counter()
        try:
            with self.metrics.in_flight.track_inprogress():
                if self.remote is not None:
                    remote = self.remote
                    views = self.as_of_views
                    result = await anyio.to_thread.run_sync(
                        lambda: (remote if as_of is None else views.view(remote, as_of)).query(sparql, **options)
                    )
                else:
                    result = await (await self.fresh_pool()).run(QueryRequest(sparql, options, as_of))
        except Exception:
            self.metrics.errors.labels(endpoint).inc()
            raise
        elapsed = time.perf_counter() - started
        self.metrics.queries.labels(endpoint).inc()
        self.metrics.latency.labels(endpoint).observe(elapsed)
        if elapsed >= self.settings.slow_query_seconds:  # a log line is a tenth of a point lookup: the slow ones only, by default
            log.info("%s %s rows=%d truncated=%s %.1f ms", endpoint, result.kind, result.rows, result.truncated, elapsed * 1000)
        return result

    async def call(self, endpoint: str, function: Callable[..., Any], *args: Any) -> Any:
        """``function(store, *args)`` under the query time and memory limits: on a worker of the
        pool (a page that runs many queries is bounded as one query is), or, for a remote store,
        on a thread (the remote store bounds its own queries)."""
        started = time.perf_counter()
        try:
            with self.metrics.in_flight.track_inprogress():
                if self.remote is not None:
                    remote = self.remote
                    result = await anyio.to_thread.run_sync(lambda: function(remote, *args))
                else:
                    result = await (await self.fresh_pool()).call(function, *args)
        except Exception:
            self.metrics.errors.labels(endpoint).inc()
            raise
        self.metrics.latency.labels(endpoint).observe(time.perf_counter() - started)
        return result

    async def select(self, endpoint: str, sparql: str, **bindings: Any) -> list[dict[str, str]]:
        """The rows of a SELECT as ``{variable: value}`` strings."""
        result = await self.run(endpoint, sparql, bindings=bindings)
        return [{k: v["value"] for k, v in b.items()} for b in orjson.loads(result.body)["results"]["bindings"]]


def services_of(request: Request) -> Services:
    """The services of the app answering ``request``."""
    return cast(Services, request.app.state.services)


def templates_of(request: Request) -> Jinja2Templates:
    """The page templates of the app answering ``request``."""
    return cast(Jinja2Templates, request.app.state.templates)


async def _services(request: Request) -> Services:  # async: FastAPI would run a plain function on a thread
    return services_of(request)


ServicesDep = Annotated[Services, Depends(_services)]


def respond(result: QueryResult, *, headers: dict[str, str] | None = None) -> Response:
    """The HTTP response for a serialised query result."""
    extra = {"X-Rekg-Rows": str(result.rows), "Vary": "Accept"}
    if result.truncated:
        extra["X-Rekg-Truncated"] = "true"
    media = result.media_type + ("; charset=utf-8" if result.media_type.startswith("text/") else "")
    return Response(result.body, media_type=media, headers={**extra, **(headers or {})})
