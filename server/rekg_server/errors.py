"""The server's errors, and the one table that turns every error into an HTTP answer."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from fastapi import HTTPException, Request
from fastapi.responses import PlainTextResponse, Response

from kg.errors import (
    KgError,
    NotAcceptable,
    QueryError,
    QueryOutOfMemory,
    QueryTimedOut,
    StoreError,
    UnknownQueryError,
    UpdateRefused,
)

__all__ = ["NotFound", "PoolBusy", "ProtocolError", "UnsupportedMediaType", "UpdateForbidden", "error_answerer"]

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
    (QueryOutOfMemory, 503, {}),
    (PoolBusy, 503, {"Retry-After": "1"}),
    (StoreError, 503, {}),
    (KgError, 400, {}),
]


def _answer(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return PlainTextResponse(message.rstrip() + "\n", status_code=status, headers=headers)


def error_answerer(on_error: Callable[[Exception], None]) -> Callable[[Request, Exception], Awaitable[Response]]:
    """The one handler of every error the app answers: ``on_error`` sees each (for metrics);
    a :class:`KgError` gets its status from :data:`STATUSES`; never a traceback."""

    async def answer(request: Request, exc: Exception) -> Response:
        if isinstance(exc, HTTPException):
            return _answer(exc.status_code, str(exc.detail), getattr(exc, "headers", None))
        if not isinstance(exc, KgError):
            log.exception("unexpected error on %s %s", request.method, request.url.path)
            return _answer(500, "internal error: the server logged the details")
        on_error(exc)
        if isinstance(exc, UpdateForbidden):
            headers = {"WWW-Authenticate": 'Bearer realm="rekg"'} if exc.status == 401 else None
            return _answer(exc.status, str(exc), headers)
        status, headers = next((code, extra) for cls, code, extra in STATUSES if isinstance(exc, cls))
        return _answer(status, f"{type(exc).__name__}: {exc}", headers or None)

    return answer
