"""The FastAPI application: routers, limits, error mapping, health and metrics."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kg.errors import KgError, StoreError, UnknownQueryError
from kg.store import current_database, open_store
from kg.update import UpdateRefused
from server import entities, named, sparql, web
from server.deps import Metrics, Services, ServicesDep
from server.pool import PoolBusy, QueryFailed, QueryPool, QueryRequest, QueryTimedOut
from server.settings import Settings

__all__ = ["create_app"]

log = logging.getLogger("rekg.server")
HERE = Path(__file__).resolve().parent


class BodyLimit:
    """Refuse request bodies larger than ``limit`` bytes with 413, before any handler runs."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send)
            return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                await self._refuse(scope, receive, send)
                return
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = PlainTextResponse(f"request body larger than {self.limit} bytes\n", status_code=413)
        await response(scope, receive, send)


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return PlainTextResponse(message.rstrip() + "\n", status_code=status, headers=headers)


def _install_error_handlers(app: FastAPI) -> None:
    """Map domain errors to statuses in one place; never show a traceback."""

    statuses = [(UpdateRefused, 422), (UnknownQueryError, 404), (StoreError, 503), (sparql.UnsupportedMediaType, 415)]

    @app.exception_handler(KgError)
    async def kg_error(request: Request, exc: KgError) -> Response:
        status = next((code for cls, code in statuses if isinstance(exc, cls)), 400)
        return _error(status, f"{type(exc).__name__}: {exc}")

    @app.exception_handler(PoolBusy)
    async def busy(request: Request, exc: PoolBusy) -> Response:
        request.app.state.services.metrics.busy.inc()
        return _error(503, "too many concurrent queries: try again shortly", {"Retry-After": "1"})

    @app.exception_handler(QueryTimedOut)
    async def timed_out(request: Request, exc: QueryTimedOut) -> Response:
        services = request.app.state.services
        services.metrics.timeouts.inc()
        limit = services.settings.query_timeout
        return _error(503, f"query cancelled after the {limit:g} s time limit: add a LIMIT or narrow the patterns")

    @app.exception_handler(QueryFailed)
    async def failed(request: Request, exc: QueryFailed) -> Response:
        if str(exc) == "406":
            return _error(406, "no serialisation that the Accept header allows exists for this kind of result")
        return _error(400, str(exc))

    @app.exception_handler(sparql.UpdateForbidden)
    async def forbidden(request: Request, exc: sparql.UpdateForbidden) -> Response:
        headers = {"WWW-Authenticate": 'Bearer realm="rekg"'} if exc.status == 401 else None
        return _error(exc.status, exc.message, headers)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return _error(500, "internal error: the server logged the details")


def create_app(settings: Settings) -> FastAPI:
    """The rekg application over the store at ``settings.store_dir`` (which must be built)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        open_store(settings.store_dir)  # fail early, with a clear message, on a missing store
        pool = QueryPool(current_database(settings.store_dir), size=settings.workers,
                         timeout=settings.query_timeout, queue_wait=settings.queue_wait)
        app.state.services = Services(settings, pool, Metrics())
        try:
            yield
        finally:
            pool.close()

    app = FastAPI(
        title="rekg",
        summary="SPARQL endpoint and linked-data pages of the rare-earth supply-chain knowledge graph",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.templates = Jinja2Templates(directory=HERE / "templates")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for router in (sparql.router, named.router, entities.router, web.router):
        app.include_router(router)
    _install_error_handlers(app)
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                       allow_headers=["Accept", "Content-Type", "Authorization"], expose_headers=["X-Rekg-Rows", "X-Rekg-Truncated"])
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)

    @app.get("/health", tags=["Operations"])
    async def health(services: ServicesDep) -> JSONResponse:
        """Whether the store answers a query."""
        try:
            await services.pool.run(QueryRequest("ASK { ?s ?p ?o }"))
        except Exception as exc:  # any failure means not healthy; say which
            return JSONResponse({"status": "unavailable", "detail": type(exc).__name__}, status_code=503)
        return JSONResponse({"status": "ok", "store": str(services.pool.store_path)})

    @app.get("/metrics", tags=["Operations"])
    async def metrics(services: ServicesDep) -> Response:
        """Prometheus counters and the query latency histogram."""
        return Response(generate_latest(services.metrics.registry), media_type=CONTENT_TYPE_LATEST)

    return app
