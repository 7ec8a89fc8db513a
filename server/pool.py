"""Queries run in worker processes, so a query past its time limit is really stopped.

Neither rdflib nor pyoxigraph can cancel a running query, and a running query holds its
thread: only a process can be killed. Each worker opens the store read-only and answers one
request at a time; the pool hands requests to idle workers, kills and replaces a worker
whose query overruns, and refuses work when every worker stays busy past a short wait.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import anyio

__all__ = ["PoolBusy", "QueryFailed", "QueryPool", "QueryRequest", "QueryResponse", "QueryTimedOut"]


class PoolBusy(Exception):
    """Every worker stayed busy for longer than the queue wait."""


class QueryTimedOut(Exception):
    """The query ran past its time limit; its worker was killed."""


class QueryFailed(Exception):
    """The query was refused or failed in the store (syntax, evaluation)."""


@dataclass(frozen=True)
class QueryRequest:
    """What a worker needs to run one query and serialise its result."""

    sparql: str
    solutions_format: str | None = "JSON"
    graph_format: str | None = "TURTLE"
    default_graphs: list[str] | None = None
    named_graphs: list[str] | None = None
    substitutions: dict[str, Any] = field(default_factory=dict)
    max_rows: int = 100_000
    base_iri: str | None = None


@dataclass(frozen=True)
class QueryResponse:
    """A serialised result: its kind (solutions, boolean, graph), format, bytes and rows."""

    kind: str
    format: str
    body: bytes
    rows: int
    truncated: bool


def _term_json(term: Any) -> dict[str, str]:
    from pyoxigraph import BlankNode, Literal, NamedNode

    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def _serialize_results(document: dict[str, Any], fmt: str) -> bytes:
    from pyoxigraph import QueryResultsFormat, parse_query_results

    data = json.dumps(document).encode()
    if fmt == "JSON":
        return data
    return parse_query_results(data, format=QueryResultsFormat.JSON).serialize(format=getattr(QueryResultsFormat, fmt))


def execute(store: Any, request: QueryRequest) -> QueryResponse:
    """Run ``request`` on an open pyoxigraph store and serialise at most ``max_rows`` rows."""
    from pyoxigraph import NamedNode, QueryBoolean, QuerySolutions, RdfFormat, Variable, serialize

    options: dict[str, Any] = {"base_iri": request.base_iri}
    if request.default_graphs is not None:
        options["default_graph"] = [NamedNode(g) for g in request.default_graphs]
    else:
        options["use_default_graph_as_union"] = True
    if request.named_graphs is not None:
        options["named_graphs"] = [NamedNode(g) for g in request.named_graphs]
    if request.substitutions:
        options["substitutions"] = {Variable(k): v for k, v in request.substitutions.items()}
    try:
        result = store.query(request.sparql, **options)
    except SyntaxError as exc:
        raise QueryFailed(f"SPARQL syntax error: {exc}") from None
    except (RuntimeError, OSError, ValueError) as exc:
        raise QueryFailed(f"query failed: {exc}") from None
    try:
        if isinstance(result, QueryBoolean):
            if request.solutions_format is None:
                raise QueryFailed("406")
            body = _serialize_results({"head": {}, "boolean": bool(result)}, request.solutions_format)
            return QueryResponse("boolean", request.solutions_format, body, 1, False)
        if isinstance(result, QuerySolutions):
            if request.solutions_format is None:
                raise QueryFailed("406")
            names = [v.value for v in result.variables]
            bindings, truncated = [], False
            for solution in result:
                if len(bindings) == request.max_rows:
                    truncated = True
                    break
                bindings.append({n: _term_json(solution[n]) for n in names if solution[n] is not None})
            document = {"head": {"vars": names}, "results": {"bindings": bindings}}
            body = _serialize_results(document, request.solutions_format)
            return QueryResponse("solutions", request.solutions_format, body, len(bindings), truncated)
        if request.graph_format is None:
            raise QueryFailed("406")
        triples, truncated = [], False
        for triple in result:
            if len(triples) == request.max_rows:
                truncated = True
                break
            triples.append(triple)
        body = serialize(triples, format=getattr(RdfFormat, request.graph_format)) or b""
        return QueryResponse("graph", request.graph_format, body, len(triples), truncated)
    except (RuntimeError, OSError, ValueError) as exc:
        raise QueryFailed(f"query failed: {exc}") from None


def _worker_main(conn: Connection, store_path: str) -> None:
    """A worker: open the store read-only, then answer requests until told to stop."""
    from pyoxigraph import Store

    store = Store.read_only(store_path)
    conn.send(("ready", None))  # startup is not counted against the first query's time limit
    while True:
        request = conn.recv()
        if request is None:
            return
        try:
            conn.send(("ok", execute(store, request)))
        except QueryFailed as exc:
            conn.send(("failed", str(exc)))
        except Exception as exc:  # report, never die silently: the pool would wait forever
            conn.send(("failed", f"query failed: {type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, context: Any, store_path: Path):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, str(store_path)), daemon=True)
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float = 60.0) -> None:
        """Block until the worker has opened the store (it says so once)."""
        if not self.ready:
            if not self.conn.poll(timeout):
                raise RuntimeError("a query worker did not start")
            self.conn.recv()
            self.ready = True

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

    def __init__(self, store_path: Path, *, size: int, timeout: float, queue_wait: float):
        self._context = multiprocessing.get_context("spawn")
        self.store_path = store_path
        self.timeout, self.queue_wait = timeout, queue_wait
        self._workers = [_Worker(self._context, store_path) for _ in range(size)]
        self._idle: asyncio.Queue[_Worker] | None = None

    def _queue(self) -> asyncio.Queue[_Worker]:
        if self._idle is None:
            self._idle = asyncio.Queue()
            for worker in self._workers:
                self._idle.put_nowait(worker)
        return self._idle

    async def run(self, request: QueryRequest) -> QueryResponse:
        """Run ``request`` on an idle worker.

        Raises:
            PoolBusy: no worker became free within the queue wait.
            QueryTimedOut: the query overran; its worker was replaced.
            QueryFailed: the store refused or failed the query.
        """
        idle = self._queue()
        try:
            worker = await asyncio.wait_for(idle.get(), self.queue_wait)
        except TimeoutError:
            raise PoolBusy() from None
        try:
            await anyio.to_thread.run_sync(worker.wait_ready)
            worker.conn.send(request)
            ready = await anyio.to_thread.run_sync(worker.conn.poll, self.timeout)
            if not ready:
                replacement = _Worker(self._context, self.store_path)
                self._workers[self._workers.index(worker)] = replacement
                await anyio.to_thread.run_sync(worker.kill)
                worker = replacement
                raise QueryTimedOut()
            status, payload = worker.conn.recv()
        finally:
            idle.put_nowait(worker)
        if status != "ok":
            raise QueryFailed(payload)
        return payload

    async def restart(self, store_path: Path) -> None:
        """Point every worker at a new database folder (after an update swapped it in)."""
        idle = self._queue()
        old = []
        for _ in range(len(self._workers)):
            old.append(await idle.get())
        self.store_path = store_path
        self._workers = [_Worker(self._context, store_path) for _ in old]
        for worker in old:
            await anyio.to_thread.run_sync(worker.stop)
        for worker in self._workers:
            idle.put_nowait(worker)

    def close(self) -> None:
        """Stop every worker."""
        for worker in self._workers:
            worker.stop()
