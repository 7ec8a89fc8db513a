"""The server's errors, and the one table that turns every error into an HTTP answer."""

from __future__ import annotations

import logging
from collections.abc import Callable

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import PlainTextResponse, Response

from kg.errors import (
    KgError,
    NotAcceptable,
    QueryError,
    QueryTimedOut,
    StoreError,
    UnknownQueryError,
    UpdateRefused,
)

__all__ = ["NotFound", "PoolBusy", "ProtocolError", "UnsupportedMediaType", "UpdateForbidden", "install_error_handlers"]

log = logging.getLogger("rekg.server")


class ProtocolError(QueryError):
    """A request that breaks the SPARQL 1.1 Protocol."""


class UnsupportedMediaType(KgError):
    """A POST body of a media type the endpoint does not take."""


class NotFound(KgError):
    """No such entity or graph."""


class PoolBusy(KgError):
    """Every query worker stayed busy for longer than the queue wait."""

    def __init__(self) -> None:
        super().__init__("too many concurrent queries: try again shortly")


class UpdateForbidden(KgError):
    """Updates are disabled (no token configured: 403) or the token is wrong (401)."""

    def __init__(self, status: int, message: str):
        self.status = status
        super().__init__(message)


# error class -> (status, extra headers); the first class that matches wins, KgError last.
STATUSES: list[tuple[type[Exception], int, dict[str, str]]] = [
    (UpdateRefused, 422, {}),
    (NotFound, 404, {}),
    (UnknownQueryError, 404, {}),
    (NotAcceptable, 406, {}),
    (UnsupportedMediaType, 415, {}),
    (QueryTimedOut, 503, {}),
    (PoolBusy, 503, {"Retry-After": "1"}),
    (StoreError, 503, {}),
    (KgError, 400, {}),
]


def _answer(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return PlainTextResponse(message.rstrip() + "\n", status_code=status, headers=headers)


def install_error_handlers(app: FastAPI, on_error: Callable[[Exception], None]) -> None:
    """Map errors to statuses in one place; ``on_error`` sees each (for metrics); never a traceback."""

    @app.exception_handler(KgError)
    async def kg_error(request: Request, exc: KgError) -> Response:
        on_error(exc)
        if isinstance(exc, UpdateForbidden):
            headers = {"WWW-Authenticate": 'Bearer realm="rekg"'} if exc.status == 401 else None
            return _answer(exc.status, str(exc), headers)
        status, headers = next((code, extra) for cls, code, extra in STATUSES if isinstance(exc, cls))
        return _answer(status, f"{type(exc).__name__}: {exc}", headers or None)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _answer(exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return _answer(500, "internal error: the server logged the details")
