"""Reading SPARQL 1.1 Protocol requests: parameters from the URL and a form or direct body."""

from __future__ import annotations

from fastapi import Request
from yarl import URL

from rekg_server.errors import ProtocolError, UnsupportedMediaType

__all__ = ["protocol_params", "single"]


async def protocol_params(request: Request, body_type: str) -> tuple[dict[str, list[str]], str | None]:
    """Parameters from the URL and a form body, and the raw body when it is ``body_type``."""
    params: dict[str, list[str]] = {}
    _add_pairs(params, request.scope["query_string"].decode("utf-8", "replace"))
    if request.method != "POST":
        return params, None
    content_type = request.headers.get("content-type", "")
    media = content_type.split(";")[0].strip().lower()
    charset = next(
        (p.split("=", 1)[1].strip().strip('"').lower() for p in content_type.split(";")[1:] if p.strip().lower().startswith("charset=")),
        "utf-8",
    )
    if charset not in ("utf-8", "utf8"):
        raise UnsupportedMediaType(f"charset {charset!r} is not supported: send UTF-8")
    try:
        raw = (await request.body()).decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError("the request body is not valid UTF-8") from None
    if media == "application/x-www-form-urlencoded":
        _add_pairs(params, raw)
        return params, None
    if media == body_type:
        return params, raw
    raise UnsupportedMediaType(f"POST with Content-Type {media or 'none'!r}: send application/x-www-form-urlencoded or {body_type}")


def _add_pairs(params: dict[str, list[str]], encoded: str) -> None:
    """Add the ``name=value`` pairs of a query string or form body to ``params``, percent-decoded
    (by yarl, in C: Python's decoding took a tenth of a long query's request)."""
    for key, value in URL.build(query_string=encoded, encoded=True).query.items():
        params.setdefault(key, []).append(value)


def single(params: dict[str, list[str]], name: str) -> str | None:
    """The one value of ``name``, None when absent; two values are a protocol error."""
    values = params.get(name, [])
    if len(values) > 1:
        raise ProtocolError(f"more than one {name!r} parameter")
    return values[0] if values else None
