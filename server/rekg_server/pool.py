"""Queries run in worker processes, so a query past its time limit is really stopped; a query
known to be short runs in the server process.

Neither rdflib nor pyoxigraph can cancel a running query, and a running query holds its
thread: only a process can be killed. Each worker opens the store read-only and answers one
request at a time; the pool hands requests to idle workers, kills and replaces a worker
whose query overruns its time or grows past its memory limit (its resident memory looked at
every 50 ms while it works), and refuses work when every worker stays busy past a short wait.
The server's memory is so bounded by its own, plus, a worker, its memory when idle and the
limit of a query.

A worker's round trip costs more than a short query itself (pickling, two process wake-ups,
the event loop's callback), and for a large answer its copy through the pipe. A worker reports the CPU time each query took; a request
(the same text and options) that took at most :data:`SHORT` on a version of the graph runs in
the server process the next time that version is served: on the event loop itself when it
took at most :data:`INSTANT` (a thread hop costs more than such a query), or at most
:data:`ALONE` when no other query is running (nobody waits for the loop; a thread costs a
millisecond or two more for a query like the real graph's Q1), else on a thread (pyoxigraph
releases the GIL while it evaluates, so concurrent queries use every core). Evaluating the same
query on the same data does the same work, so it cannot overrun there; any write (a new
version) sends every request back through a worker first.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import multiprocessing
import os
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, cast

import anyio

from kg.analysis.as_of import AsOfViews
from kg.errors import KgError, QueryError, QueryOutOfMemory, QueryTimedOut, StoreError
from kg.store import EmbeddedStore
from kg.store.base import QueryResult
from rekg_server.errors import PoolBusy

__all__ = ["ALONE", "INSTANT", "SHORT", "CallRequest", "QueryPool", "QueryRequest"]

SHORT = 0.25  # seconds of CPU a query may have taken in a worker to run in the server process next time
INSTANT = 0.002  # seconds of CPU a query may have taken to run on the event loop next time
ALONE = 0.05  # seconds of CPU a query may have taken to run on the event loop next time, when no other query runs
_REMEMBERED = 10_000  # short requests remembered (least recently used forgotten first)
MEMORY_EVERY = 0.05  # seconds between looks at a busy worker's memory
_PAGE = os.sysconf("SC_PAGE_SIZE")


def _size(count: int) -> str:
    """Bytes for people: ``1 GiB``, ``200 MiB``."""
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if count >= size:
            return f"{count / size:g} {unit}"
    return f"{count} bytes"


@dataclass(frozen=True)
class QueryRequest:
    """What a worker needs to run one query and serialise its result (see ``Store.query``), on
    the graph as it stood on the day ``as_of`` if given (:func:`kg.analysis.as_of.view_as_of`)."""

    sparql: str
    options: dict[str, Any] = field(default_factory=dict)
    as_of: dt.date | None = None

    def key(self) -> bytes:
        """A digest of what makes two requests do the same work: the text, every option and the day."""
        digest = hashlib.blake2b(self.sparql.encode(), digest_size=16)
        digest.update(repr((sorted(self.options.items()), self.as_of)).encode())
        return digest.digest()


@dataclass(frozen=True)
class CallRequest:
    """A function to run on a worker's store, ``function(store, *args)``, under the same time
    and memory limits as a query: pages that run many queries (an explanation, a timeline, an
    entity's pictures, a question as of a date). ``function`` is importable, its result picklable."""

    function: Callable[..., Any]
    args: tuple[Any, ...] = ()


def _answer(store: EmbeddedStore, request: QueryRequest | CallRequest, views: AsOfViews | None = None) -> tuple[str, Any]:
    """``("ok", (result, seconds of CPU taken, version of the graph))`` or ``("error", KgError)``;
    a question as of a day is answered on its view in ``views`` (made afresh without)."""
    try:
        started = time.thread_time()  # the work, not the wall time: a loaded machine does not make a query longer
        if isinstance(request, CallRequest):
            result = request.function(store, *request.args)
        else:
            on = store if request.as_of is None else (views or AsOfViews()).view(store, request.as_of)
            result = on.query(request.sparql, **request.options)
        return "ok", (result, time.thread_time() - started, store.served_version())
    except KgError as exc:
        return "error", exc
    except Exception as exc:  # report, never die silently: the pool would wait forever
        return "error", QueryError(f"query failed: {type(exc).__name__}: {exc}")


def _worker_main(conn: Connection, store_path: str) -> None:
    """A worker: open the store read-only, then answer requests until told to stop, keeping
    the views of the days it was last asked about."""
    store, views = EmbeddedStore.pinned(Path(store_path)), AsOfViews()
    conn.send(("ready", None))  # startup is not counted against the first query's time limit
    while True:
        request = conn.recv()
        if request is None:
            return
        conn.send(_answer(store, request, views))


class _Worker:
    def __init__(self, context: Any, store_path: Path):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, str(store_path)), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self._waiter: asyncio.Future[bool] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def wait_ready(self, timeout: float = 60.0) -> None:
        """Block until the worker has opened the store (it says so once)."""
        if not self.ready:
            if not self.conn.poll(timeout):
                raise RuntimeError("a query worker did not start")
            self.conn.recv()
            self.ready = True

    def resident_bytes(self) -> int:
        """The worker's resident memory now (0 once it is gone)."""
        try:
            with open(f"/proc/{self.process.pid}/statm", "rb") as statm:
                return int(statm.read().split()[1]) * _PAGE
        except (OSError, IndexError, ValueError):
            return 0

    async def answered(self, timeout: float, memory: int) -> str:
        """Wait, on the event loop rather than a thread, until the worker has answered (or died,
        which also makes its pipe readable): ``"answered"``; ``"timeout"`` after ``timeout``
        seconds; ``"memory"`` as soon as it holds ``memory`` bytes more than when it started the
        query (looked at every :data:`MEMORY_EVERY` seconds). The pipe stays watched from one
        request to the next, and blocking: uvloop (libuv) makes a watched descriptor
        non-blocking, and ``recv`` of an answer not yet whole then raised BlockingIOError,
        which looked like a dead worker (replaced: seconds of 503s)."""
        loop = asyncio.get_running_loop()
        if self._loop is None:
            loop.add_reader(self.conn.fileno(), self._readable)
            os.set_blocking(self.conn.fileno(), True)
            self._loop = loop
        waiter = self._waiter = loop.create_future()
        limit, deadline = self.resident_bytes() + memory, loop.time() + timeout
        try:
            while not waiter.done():
                left = deadline - loop.time()
                if left <= 0:
                    return "timeout"
                await asyncio.wait([waiter], timeout=min(MEMORY_EVERY, left))
                if not waiter.done() and self.resident_bytes() > limit:
                    return "memory"
            return "answered"
        finally:
            self._waiter = None

    def _readable(self) -> None:
        if self._waiter is None:  # readable with no request waiting: the worker died idle; watch again at the next request
            self.unwatch()
        elif not self._waiter.done():
            self._waiter.set_result(True)

    def unwatch(self) -> None:
        """Stop watching the pipe (before it is closed)."""
        if self._loop is not None:
            self._loop.remove_reader(self.conn.fileno())
            self._loop = None

    def kill(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.kill()


class QueryPool:
    """A fixed number of worker processes over one store database folder."""

    def __init__(self, store_path: Path, *, size: int, timeout: float, queue_wait: float, memory: int = 1 << 30):
        self._context = multiprocessing.get_context("spawn")
        self.store_path = store_path
        self.timeout, self.queue_wait, self.memory = timeout, queue_wait, memory
        self._workers = [_Worker(self._context, store_path) for _ in range(size)]
        self._idle: asyncio.Queue[_Worker] | None = None
        self._local: EmbeddedStore | None = None  # opened at the first short request
        self._short: OrderedDict[tuple[str, bytes], float] = OrderedDict()  # (version, request key): seconds taken
        self._local_version = ""  # the version the local handle last answered on
        self._running = 0  # requests in run() now

    def _queue(self) -> asyncio.Queue[_Worker]:
        if self._idle is None:
            self._idle = asyncio.Queue()
            for worker in self._workers:
                self._idle.put_nowait(worker)
        return self._idle

    def version(self) -> str:
        """The version of the graph the workers serve (see :meth:`EmbeddedStore.version_of`)."""
        return EmbeddedStore.version_of(self.store_path)

    async def run(self, request: QueryRequest) -> QueryResult:
        """Run ``request`` in the server process when it is known to be short on the version of
        the graph served, else on an idle worker (a worker found dead is replaced and the
        request sent to its replacement).

        Raises:
            PoolBusy: no worker became free within the queue wait.
            QueryTimedOut: the query overran; its worker was replaced.
            KgError: the store refused or failed the query (as ``Store.query`` raises).
        """
        if self._local is None:  # opening a store blocks: not on the event loop
            self._local = await asyncio.to_thread(EmbeddedStore.pinned, self.store_path)
        local, key, version = self._local, request.key(), self._local.version()
        known = None if request.as_of is not None else self._short.get((version, key))  # a day's view is made on a worker
        self._running += 1
        try:
            if known is None:
                status, payload = await self._on_worker(request)
            elif (known <= INSTANT or (known <= ALONE and self._running == 1)) and version == self._local_version:
                status, payload = _answer(local, request)
            else:  # on a thread: other queries run meanwhile, or the local handle first reopens on a new version
                status, payload = await asyncio.to_thread(_answer, local, request)
                self._local_version = version
        finally:
            self._running -= 1
        if status != "ok":
            raise payload
        result, seconds, version = payload
        if seconds <= SHORT:
            self._short[version, key] = seconds
            self._short.move_to_end((version, key))
            if len(self._short) > _REMEMBERED:
                self._short.popitem(last=False)
        else:  # more work than it was: through a worker again
            self._short.pop((version, key), None)
        return cast(QueryResult, result)

    async def call(self, function: Callable[..., Any], *args: Any) -> Any:
        """``function(store, *args)`` on an idle worker, under the query time and memory limits.

        Raises:
            PoolBusy, QueryTimedOut, QueryOutOfMemory: as :meth:`run`.
            KgError: what ``function`` raised.
        """
        status, payload = await self._on_worker(CallRequest(function, args))
        if status != "ok":
            raise payload
        return payload[0]

    async def _on_worker(self, request: QueryRequest | CallRequest) -> tuple[str, Any]:
        idle = self._queue()
        try:
            worker = await asyncio.wait_for(idle.get(), self.queue_wait)
        except TimeoutError:
            raise PoolBusy() from None
        try:
            for attempt in (1, 2):
                if not worker.process.is_alive():
                    worker = await self._replace(worker)
                try:
                    if not worker.ready:
                        await anyio.to_thread.run_sync(worker.wait_ready)
                    worker.conn.send(request)
                    outcome = await worker.answered(self.timeout, self.memory)
                    if outcome == "timeout":
                        worker = await self._replace(worker)
                        raise QueryTimedOut(f"query cancelled after the {self.timeout:g} s time limit: add a LIMIT or narrow the patterns")
                    if outcome == "memory":
                        worker = await self._replace(worker)
                        raise QueryOutOfMemory(
                            f"query stopped: it needed more than the {_size(self.memory)} memory limit of a query "
                            "(REKG_QUERY_MEMORY): add a LIMIT, narrow the patterns or drop an ORDER BY"
                        )
                    status, payload = worker.conn.recv()
                    break
                except (EOFError, OSError, RuntimeError):  # the worker died (killed, crashed) under this request
                    worker = await self._replace(worker)
                    if attempt == 2:
                        raise StoreError("the query worker died twice running this query") from None
        finally:
            idle.put_nowait(worker)
        return status, payload

    async def _replace(self, worker: _Worker) -> _Worker:
        """A new worker in ``worker``'s place; the old one is killed."""
        replacement = _Worker(self._context, self.store_path)
        self._workers[self._workers.index(worker)] = replacement
        worker.unwatch()
        await anyio.to_thread.run_sync(worker.kill)
        return replacement

    async def restart(self, store_path: Path) -> None:
        """Point every worker at a new database folder (after an update swapped it in)."""
        idle = self._queue()
        self._local, self._short, self._local_version = None, OrderedDict(), ""
        old = []
        for _ in range(len(self._workers)):
            old.append(await idle.get())
        self.store_path = store_path
        self._workers = [_Worker(self._context, store_path) for _ in old]
        for worker in old:
            worker.unwatch()
            await anyio.to_thread.run_sync(worker.stop)
        for worker in self._workers:
            idle.put_nowait(worker)

    def close(self) -> None:
        """Stop every worker."""
        for worker in self._workers:
            worker.unwatch()
            worker.stop()
