"""The answers of the read-only pages, kept per version of the graph, with ETags.

A page, a named question's result or an explanation depends only on the request and on the
data, so the same GET on the same version of the graph gets the same bytes: they are answered
from memory until a write makes a new version (the version is the database served and its
write generation, :meth:`kg.store.embedded.EmbeddedStore.version_of`). Each answer carries a
strong ``ETag`` (a digest of its bytes) and ``Cache-Control: no-cache``, so clients and proxies
revalidate with ``If-None-Match`` and get ``304 Not Modified`` while the bytes are unchanged,
across versions too. ``/sparql`` is not cached: a query is always evaluated.

Only complete ``200`` answers of at most :data:`LARGEST` bytes are kept, in least-recently-used
order up to ``max_bytes`` in all; a version read before and after the answer must agree, so an
answer computed across a write is not kept. A remote store has no cheap version: nothing is
cached.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable

from prometheus_client import Counter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["AnswerCache"]

PAGES = ("/id/", "/queries/", "/ontology", "/browse", "/explain", "/search", "/timeline", "/map")
LARGEST = 4 << 20  # bytes; larger answers (big query results) are streamed and not kept
VARIES = (b"accept",)  # the request headers an answer depends on besides its URL


class _Answer:
    __slots__ = ("status", "headers", "body", "etag")

    def __init__(self, status: int, headers: list[tuple[bytes, bytes]], body: bytes):
        self.status, self.body = status, body
        self.etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'
        self.headers = [*headers, (b"etag", self.etag), (b"cache-control", b"no-cache")]

    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers)


class AnswerCache:
    """ASGI middleware answering repeated GETs of the read-only pages from memory.

    ``version`` gives the version of the graph the app serves now, or None when answers must not
    be kept (a remote store, or the app not started yet); ``outcomes`` counts hits and misses."""

    def __init__(self, app: ASGIApp, *, version: Callable[[], str | None], max_bytes: int, outcomes: Counter):
        self.app, self.version, self.max_bytes, self.outcomes = app, version, max_bytes, outcomes
        self._answers: OrderedDict[tuple[str, bytes], _Answer] = OrderedDict()
        self._bytes = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or scope["method"] != "GET" or self.max_bytes <= 0 or not (path == "/" or path.startswith(PAGES)):
            await self.app(scope, receive, send)
            return
        version = self.version()
        if version is None:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        key = (version, b"\0".join([path.encode(), scope.get("query_string", b""), *(headers.get(h, b"") for h in VARIES)]))
        answer = self._answers.get(key)
        if answer is not None:
            self.outcomes.labels("hit").inc()
            self._answers.move_to_end(key)
            await _send(answer, headers.get(b"if-none-match"), send)
            return
        self.outcomes.labels("miss").inc()
        answer = await self._answer(scope, receive, send, headers.get(b"if-none-match"))
        if answer is not None and self.version() == version:
            self._keep(key, answer)

    async def _answer(self, scope: Scope, receive: Receive, send: Send, if_none_match: bytes | None) -> _Answer | None:
        """Run the app, holding its answer back until it is complete (then sent with its ETag),
        or passing it on unchanged when it is not a 200 or grows past :data:`LARGEST`."""
        start: Message | None = None
        chunks: list[bytes] = []
        size, passing, done = 0, False, False

        async def hold(message: Message) -> None:
            nonlocal start, size, passing, done
            if passing or message["type"] not in ("http.response.start", "http.response.body"):
                await send(message)
                return
            if message["type"] == "http.response.start":
                start = message
                passing = message["status"] != 200
                if passing:
                    await send(message)
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if not message.get("more_body", False):
                done = True
            elif size > LARGEST:
                passing = True
                assert start is not None  # a body follows its start
                await send(start)
                for chunk in chunks[:-1]:
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
                await send(message)

        await self.app(scope, receive, hold)
        if passing or not done or start is None:
            return None
        answer = _Answer(start["status"], [(k, v) for k, v in start["headers"] if k not in (b"etag", b"cache-control")], b"".join(chunks))
        await _send(answer, if_none_match, send)
        return answer

    def _keep(self, key: tuple[str, bytes], answer: _Answer) -> None:
        size = answer.size()
        if size > self.max_bytes:
            return
        if (old := self._answers.pop(key, None)) is not None:
            self._bytes -= old.size()
        self._answers[key] = answer
        self._bytes += size
        while self._bytes > self.max_bytes:
            _, dropped = self._answers.popitem(last=False)
            self._bytes -= dropped.size()


async def _send(answer: _Answer, if_none_match: bytes | None, send: Send) -> None:
    """The answer, or 304 with its ETag when the client holds these bytes already."""
    if if_none_match is not None and (
        if_none_match.strip() == b"*" or answer.etag in (t.strip().removeprefix(b"W/") for t in if_none_match.split(b","))
    ):
        await send(
            {
                "type": "http.response.start",
                "status": 304,
                "headers": [(k, v) for k, v in answer.headers if k in (b"etag", b"cache-control", b"vary", b"content-location", b"link")],
            }
        )
        await send({"type": "http.response.body", "body": b""})
        return
    await send({"type": "http.response.start", "status": answer.status, "headers": answer.headers})
    await send({"type": "http.response.body", "body": answer.body})
