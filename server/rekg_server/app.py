"""The FastAPI application: routers, limits, error mapping, health and metrics."""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import anyio
from fastapi import FastAPI, HTTPException, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.types import ASGIApp, Receive, Scope, Send

from kg.errors import KgError, QueryTimedOut
from kg.settings import Settings
from kg.store import EmbeddedStore, RemoteConfig, RemoteStore
from kg.vocab import VERSION
from rekg_server.answer_cache import AnswerCache
from rekg_server.deps import Services, ServicesDep
from rekg_server.errors import PoolBusy, error_answerer
from rekg_server.metrics import Metrics
from rekg_server.pictures import PictureCache
from rekg_server.pool import QueryPool
from rekg_server.responses import ERRORS, ok
from rekg_server.routes import curate, dataset, entities, explain, graph_store, maps, queries, sparql, update, web
from rekg_server.routes.dataset import ReleaseCache

__all__ = ["QueryByGet", "RekgApp", "create_app"]

HERE = Path(__file__).resolve().parent
CORS: dict[str, Any] = {
    "allow_origins": ["*"],
    "allow_methods": ["GET", "POST"],
    "allow_headers": ["Accept", "Content-Type", "Authorization"],
    "expose_headers": ["X-Rekg-Rows", "X-Rekg-Truncated"],
}


class QueryByGet:
    """The ASGI app of the one shortcut past the middleware stack: a SPARQL query by GET (the
    request that matters most for speed; the stack and the router cost a fifth of a point
    lookup in process). It keeps what the stack would do for such a request: the body limit
    (413 for a declared body over ``max_body_bytes``), every error answered by ``answer_error``
    (and counted in the metrics, as the query endpoint counts its queries), and CORS, by which
    :class:`RekgApp` wraps it. Nothing else in the stack acts on it: it is never a cached page.
    uvicorn's access log is written below the app, so it covers this request as any other."""

    def __init__(self, answer_error: Callable[[Request, Exception], Awaitable[Response]], max_body_bytes: int):
        self.answer_error = answer_error
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        try:
            if int(request.headers.get("content-length") or 0) > self.max_body_bytes:
                raise HTTPException(413, f"the request body is over {self.max_body_bytes} bytes")
            response = await sparql.sparql(request)
        except Exception as exc:
            response = await self.answer_error(request, exc)
        await response(scope, receive, send)


class RekgApp(FastAPI):
    """FastAPI, with every error answered by ``answer_error`` (see :func:`error_answerer`), and
    a SPARQL query by GET sent to :class:`QueryByGet` through CORS; the route stays registered,
    for the OpenAPI description and any other request to ``/sparql``."""

    def __init__(self, *, answer_error: Callable[[Request, Exception], Awaitable[Response]], max_body_size: int, **options: Any):
        super().__init__(max_body_size=max_body_size, **options)
        for error in (KgError, HTTPException, Exception):
            self.add_exception_handler(error, answer_error)
        self._queries_by_get: ASGIApp = CORSMiddleware(QueryByGet(answer_error, max_body_size), **CORS)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == "/sparql" and scope["method"] == "GET" and scope["query_string"]:
            scope["app"] = self
            await self._queries_by_get(scope, receive, send)
        else:
            await super().__call__(scope, receive, send)


def create_app(settings: Settings) -> RekgApp:
    """The rekg application over the store at ``settings.store_dir`` (which must be built), or
    over the remote store at ``settings.store_url``."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        with tempfile.TemporaryDirectory(prefix="rekg-release-") as releases:  # the downloads of /dataset
            app.state.releases = ReleaseCache(Path(releases))
            app.state.pictures = PictureCache()
            remote_config = RemoteConfig.from_env(settings.store_url)
            if remote_config is not None:  # queries go to the remote store, which runs and times them out itself
                app.state.services = Services(settings, None, counters, RemoteStore(replace(remote_config, timeout=settings.query_timeout)))
                yield
                return
            store = EmbeddedStore(settings.store_dir)  # fails early, with a clear message, on a missing store
            pool = QueryPool(
                store.database(),
                size=settings.workers,
                timeout=settings.query_timeout,
                queue_wait=settings.queue_wait,
                memory=settings.query_memory,
            )
            app.state.services = Services(settings, pool, counters)
            try:
                yield
            finally:
                pool.close()

    counters = Metrics()

    def count(exc: Exception) -> None:
        if isinstance(exc, PoolBusy):
            counters.busy.inc()
        elif isinstance(exc, QueryTimedOut):
            counters.timeouts.inc()

    app = RekgApp(
        answer_error=error_answerer(count),
        title="rekg",
        summary="SPARQL endpoint and linked-data pages of the rare-earth supply-chain knowledge graph",
        version=VERSION,
        lifespan=lifespan,
        max_body_size=settings.max_body_bytes,  # larger request bodies get 413 before any handler reads them
    )
    app.state.templates = Jinja2Templates(directory=HERE / "templates")
    # the page's scripts and data, compressed for browsers that take it (the editor's bundle: 583 → ~190 KiB)
    app.mount("/static", GZipMiddleware(StaticFiles(directory=HERE / "static"), minimum_size=1024), name="static")
    for module in (sparql, update, curate, graph_store, queries, entities, dataset, explain, maps, web):
        app.include_router(module.router, responses=ERRORS)

    def version() -> str | None:
        services: Services | None = getattr(app.state, "services", None)
        return None if services is None else services.version()

    app.add_middleware(
        AnswerCache, version=version, max_bytes=settings.answer_cache_bytes, outcomes=counters.answer_cache
    )  # inside CORS, which adds its headers to every answer
    app.add_middleware(CORSMiddleware, **CORS)

    @app.get("/health", tags=["Operations"], responses={503: {"description": "The store does not answer"}})
    async def health(services: ServicesDep) -> JSONResponse:
        """Whether the store answers a query, and which version of the graph it serves (the
        database's name and write generation; never a path of the machine)."""
        try:
            await services.run("health", "ASK { ?s ?p ?o }")
            version = await anyio.to_thread.run_sync(lambda: services.reader().version())
        except Exception as exc:  # any failure means not healthy; say which
            return JSONResponse({"status": "unavailable", "detail": type(exc).__name__}, status_code=503)
        return JSONResponse({"status": "ok", "store": "answers", "graph_version": version, "rekg": VERSION})

    @app.get("/metrics", tags=["Operations"], responses=ok(CONTENT_TYPE_LATEST.split(";")[0]))
    async def metrics(services: ServicesDep) -> Response:
        """Prometheus counters and the query latency histogram."""
        return Response(generate_latest(services.metrics.registry), media_type=CONTENT_TYPE_LATEST)

    return app
