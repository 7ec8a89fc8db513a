"""Shared request helpers: the app's services, and running a query with metrics and logs."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import Response
from prometheus_client import CollectorRegistry, Counter, Histogram

from kg.errors import QueryError
from kg.queries import refuse_remote_clauses
from kg.store import current_database
from server.negotiation import FORMAT_ALIASES, GRAPH_TYPES, RESULT_TYPES, choose
from server.pool import QueryPool, QueryRequest, QueryResponse
from server.settings import Settings

__all__ = ["Metrics", "NotAcceptable", "Services", "ServicesDep", "negotiated_request", "not_acceptable", "requested_accept", "respond", "run_logged"]

log = logging.getLogger("rekg.server")

_CONTENT_TYPES = {
    "JSON": "application/sparql-results+json", "XML": "application/sparql-results+xml", "CSV": "text/csv; charset=utf-8",
    "TSV": "text/tab-separated-values; charset=utf-8", "TURTLE": "text/turtle; charset=utf-8",
    "N_TRIPLES": "application/n-triples", "JSON_LD": "application/ld+json", "RDF_XML": "application/rdf+xml",
}


class NotAcceptable(Exception):
    """No serialisation the client accepts exists for this result."""


class Metrics:
    """Prometheus counters and the latency histogram, in a registry of this app's own."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.queries = Counter("rekg_queries", "Queries answered", ["endpoint"], registry=self.registry)
        self.errors = Counter("rekg_query_errors", "Queries refused or failed", ["endpoint"], registry=self.registry)
        self.timeouts = Counter("rekg_query_timeouts", "Queries stopped at the time limit", registry=self.registry)
        self.busy = Counter("rekg_queries_rejected_busy", "Queries refused because all workers were busy", registry=self.registry)
        self.latency = Histogram("rekg_query_seconds", "Query latency", ["endpoint"], registry=self.registry,
                                 buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))


@dataclass
class Services:
    """What the handlers share: settings, the worker pool and the metrics."""

    settings: Settings
    pool: QueryPool
    metrics: Metrics
    _checked: float = 0.0

    async def fresh_pool(self) -> QueryPool:
        """The pool, repointed first if ``rekg build`` swapped in a new database meanwhile."""
        now = time.monotonic()
        if now - self._checked > 1.0:
            self._checked = now
            database = current_database(self.settings.store_dir)
            if database != self.pool.store_path:
                log.info("store changed to %s: restarting workers", database)
                await self.pool.restart(database)
        return self.pool


def _services(request: Request) -> Services:
    return request.app.state.services


ServicesDep = Annotated[Services, Depends(_services)]


def format_media(fmt: str) -> str:
    """The media type a ``format`` short name (json, csv, ttl…) stands for."""
    if fmt not in FORMAT_ALIASES:
        raise QueryError(f"unknown format {fmt!r}: use one of {', '.join(FORMAT_ALIASES)}")
    return FORMAT_ALIASES[fmt]


def requested_accept(request: Request) -> str | None:
    """The Accept header, or the media type a ``?format=`` short name stands for."""
    fmt = request.query_params.get("format")
    return format_media(fmt) if fmt else request.headers.get("accept")


def negotiated_request(accept: str | None, fmt: str | None, sparql: str, **options: Any) -> QueryRequest:
    """A QueryRequest whose result formats follow ``Accept`` (or a ``format`` short name)."""
    if fmt:
        accept = format_media(fmt)
    results = choose(accept, list(RESULT_TYPES))
    graphs = choose(accept, list(GRAPH_TYPES))
    if results is None and graphs is None:
        raise NotAcceptable()
    return QueryRequest(sparql, solutions_format=RESULT_TYPES.get(results or ""), graph_format=GRAPH_TYPES.get(graphs or ""), **options)


async def run_logged(services: Services, endpoint: str, request: QueryRequest) -> QueryResponse:
    """Run a query on the pool, counting it, timing it and logging its duration."""
    refuse_remote_clauses(request.sparql)
    pool = await services.fresh_pool()
    started = time.perf_counter()
    try:
        response = await pool.run(request)
    except Exception:
        services.metrics.errors.labels(endpoint).inc()
        raise
    elapsed = time.perf_counter() - started
    services.metrics.queries.labels(endpoint).inc()
    services.metrics.latency.labels(endpoint).observe(elapsed)
    log.info("%s %s rows=%d truncated=%s %.1f ms", endpoint, response.kind, response.rows, response.truncated, elapsed * 1000)
    return response


def respond(response: QueryResponse, *, headers: dict[str, str] | None = None) -> Response:
    """The HTTP response for a serialised query result."""
    extra = {"X-Rekg-Rows": str(response.rows), "Vary": "Accept"}
    if response.truncated:
        extra["X-Rekg-Truncated"] = "true"
    return Response(response.body, media_type=_CONTENT_TYPES[response.format], headers={**extra, **(headers or {})})


def not_acceptable(offers: list[str]) -> Response:
    """406 with the list of media types the resource is available as."""
    return Response(f"Not Acceptable: this resource is available as {', '.join(offers)}\n",
                    status_code=406, media_type="text/plain")
