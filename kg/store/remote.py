"""A :class:`~kg.store.base.Store` over any SPARQL 1.1 store (Virtuoso, Fuseki, GraphDB,
Neptune, ...): SPARQLWrapper sends the queries and updates, the Graph Store Protocol carries
whole graphs when its endpoint is configured (chunked ``INSERT DATA`` otherwise).

The store's default graph must be the union of its named graphs (Virtuoso's is; Fuseki needs
``unionDefaultGraph``). rekg owns the graphs under :data:`kg.vocab.GRAPH`; the store's own graphs
(Virtuoso's system graphs, say) are left alone and out of dumps. A graph is replaced by writing
a staging graph and moving it over the old one (``MOVE``), so a failure part-way leaves the old
graph whole and a stray staging graph that the next write of that graph removes.

The module is the one class, with every method of the store protocol spoken as SPARQL and
the Graph Store Protocol, which is why it runs past 400 lines.
"""

from __future__ import annotations

import io
import json
import re
import secrets
import urllib.error
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import IO, Any, Literal, cast

import pyoxigraph as ox
from rdflib import OWL
from rdflib.term import Node
from SPARQLWrapper import DIGEST, JSON, POST, URLENCODED, SPARQLWrapper
from SPARQLWrapper import TURTLE as WRAPPER_TURTLE
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, EndPointNotFound, QueryBadFormed, Unauthorized

from kg.errors import QueryError, QueryTimedOut, StoreError
from kg.settings import env
from kg.store.base import Quad, QueryResult, Row
from kg.store.formats import N_TRIPLES, SPARQL_JSON, TURTLE
from kg.store.rdf_files import from_ox_quads, rdf_format
from kg.store.results import results_bytes
from kg.store.sparql import refuse_remote_clauses, with_values
from kg.store.terms import Terms, from_ox
from kg.vocab import GRAPH

__all__ = ["RemoteConfig", "RemoteStore"]

_STATUS_GRAPH = str(GRAPH["status"])  # holds the version marker, changed by every write
_CHUNK = 1_000  # quads per INSERT DATA request (Virtuoso's SPARQL compiler runs out of memory past a few thousand)
_POST_CHUNK = 200_000  # triples per Graph Store Protocol POST


@dataclass(frozen=True)
class RemoteConfig:
    """Where a remote store answers and how to log in to it."""

    query_url: str
    update_url: str | None = None  # default: the query URL
    graph_store_url: str | None = None  # Graph Store Protocol endpoint; None: INSERT DATA in chunks
    user: str | None = None
    password: str | None = None
    auth: Literal["basic", "digest"] = "basic"
    timeout: float = 60.0

    @classmethod
    def from_env(cls, query_url: str | None = None) -> RemoteConfig | None:
        """The configuration of ``query_url`` or ``$REKG_STORE_URL`` (None when neither is
        set), with ``REKG_UPDATE_URL``, ``REKG_GRAPH_STORE_URL``, ``REKG_STORE_USER``,
        ``REKG_STORE_PASSWORD`` and ``REKG_STORE_AUTH`` (basic or digest)."""
        url = query_url or env("STORE_URL")
        if not url:
            return None
        auth = (env("STORE_AUTH") or "basic").lower()
        if auth not in ("basic", "digest"):
            raise StoreError(f"REKG_STORE_AUTH is basic or digest, not {auth!r}")
        return cls(
            url, env("UPDATE_URL"), env("GRAPH_STORE_URL"), env("STORE_USER"), env("STORE_PASSWORD"), cast(Literal["basic", "digest"], auth)
        )


class RemoteStore:
    """A store at the end of SPARQL 1.1 protocol endpoints; see the module docstring."""

    def __init__(self, config: RemoteConfig):
        self.config = config

    def snapshot(self) -> Callable[[], RemoteStore] | None:
        """See :meth:`kg.store.base.Store.snapshot`: the same endpoints, opened again (what it
        holds is what is committed: a change is written only after its checks)."""
        return partial(RemoteStore, self.config)

    def close(self) -> None:
        """Nothing to let go of: every request is a connection of its own."""

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"RemoteStore({self.config.query_url!r})"

    # --- the protocol -------------------------------------------------------------------

    def _wrapper(self, url: str) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(url)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
        wrapper.setTimeout(int(self.config.timeout))
        if self.config.user:
            if self.config.auth == "digest":
                wrapper.setHTTPAuth(DIGEST)
            wrapper.setCredentials(self.config.user, self.config.password or "")
        return wrapper

    def _send(self, wrapper: SPARQLWrapper, what: str) -> bytes:
        """Run the wrapper's request; the store's failures as rekg errors."""
        try:
            return wrapper.query().response.read()
        except QueryBadFormed as exc:
            raise QueryError(f"the store refused the {what}: {_short(exc)}") from None
        except TimeoutError as exc:
            raise QueryTimedOut(f"the store at {self.config.query_url} did not answer the {what} within {self.config.timeout:g} s") from exc
        except Unauthorized:
            raise StoreError(f"the store at {wrapper.endpoint} refused the credentials for the {what}") from None
        except EndPointInternalError as exc:
            raise StoreError(f"the store at {wrapper.endpoint} failed the {what}: {_store_message(exc)}") from None
        except (EndPointNotFound, urllib.error.URLError, ConnectionError, OSError) as exc:
            raise StoreError(f"the store at {wrapper.endpoint} is unavailable: {_short(exc)}") from None

    def _request(
        self,
        sparql: str,
        *,
        default_graphs: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
        return_format: str = JSON,
    ) -> bytes:
        wrapper = self._wrapper(self.config.query_url)
        wrapper.setQuery(sparql)
        wrapper.setReturnFormat(return_format)
        for graph in default_graphs or []:
            wrapper.addDefaultGraph(graph)
        for graph in named_graphs or []:
            wrapper.addNamedGraph(graph)
        return self._send(wrapper, "query")

    def _update(self, sparql: str) -> None:
        wrapper = self._wrapper(self.config.update_url or self.config.query_url)
        wrapper.setQuery(sparql)
        wrapper.isSparqlUpdateRequest = lambda: True  # type: ignore[method-assign]  # SPARQLWrapper's guess trips over PREFIX lines
        self._send(wrapper, "update")

    # --- reading ------------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        results_type: str = SPARQL_JSON,
        graph_type: str = TURTLE,
        bindings: Mapping[str, Node] | None = None,
        default_graphs: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
        base_iri: str | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        """See :meth:`kg.store.base.Store.query`. Bindings become a ``VALUES`` block at the
        start of the WHERE clause; ``base_iri`` becomes a ``BASE`` declaration."""
        refuse_remote_clauses(sparql)
        text = _with_values(sparql, bindings or {})
        if base_iri:
            text = f"BASE <{base_iri}>\n{text}"
        kind = _query_kind(text)
        if kind == "graph":
            body = self._request(text, default_graphs=default_graphs, named_graphs=named_graphs, return_format=WRAPPER_TURTLE)
            triples = _parse(body, ox.RdfFormat.TURTLE)
            first = triples[:max_rows] if max_rows is not None else triples
            return QueryResult(
                "graph", graph_type, ox.serialize(first, format=rdf_format(graph_type)) or b"", len(first), len(first) < len(triples)
            )
        document = json.loads(self._request(text, default_graphs=default_graphs, named_graphs=named_graphs))
        if "boolean" in document:
            return QueryResult("boolean", results_type, results_bytes({"head": {}, "boolean": bool(document["boolean"])}, results_type), 1)
        solutions = [{name: _standard_term(term) for name, term in row.items()} for row in document["results"]["bindings"]]
        kept = solutions[:max_rows] if max_rows is not None else solutions
        standard = {"head": {"vars": document["head"].get("vars", [])}, "results": {"bindings": kept}}
        return QueryResult("solutions", results_type, results_bytes(standard, results_type), len(kept), len(kept) < len(solutions))

    def select(self, sparql: str, *, bindings: Mapping[str, Node] | None = None) -> list[Row]:
        """See :meth:`kg.store.base.Store.select`."""
        refuse_remote_clauses(sparql)
        document = json.loads(self._request(_with_values(sparql, bindings or {})))
        if "results" not in document:
            raise QueryError("select() takes a SELECT query")
        return [{name: _node(term) for name, term in row.items()} for row in document["results"]["bindings"]]

    def quads(
        self, subject: Node | None = None, predicate: Node | None = None, obj: Node | None = None, graph: str | None = None
    ) -> Iterator[Quad]:
        """See :meth:`kg.store.base.Store.quads`: rekg's own graphs only."""
        terms = {"s": subject, "p": predicate, "o": obj}
        pattern = " ".join(t.n3() if t is not None else f"?{n}" for n, t in terms.items())
        where = (
            f"GRAPH <{graph}> {{ {pattern} }}"
            if graph
            else f'GRAPH ?g {{ {pattern} }} FILTER (STRSTARTS(STR(?g), "{GRAPH}") && STR(?g) != "{_STATUS_GRAPH}")'
        )
        for row in self.select(f"SELECT * WHERE {{ {where} }}"):
            yield (row.get("s", subject), row.get("p", predicate), row.get("o", obj), graph or str(row["g"]))  # type: ignore[misc]

    def graph_names(self) -> list[str]:
        """See :meth:`kg.store.base.Store.graph_names`: rekg's own graphs."""
        rows = self.select(
            f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (STRSTARTS(STR(?g), "{GRAPH}") && STR(?g) != "{_STATUS_GRAPH}") }}'
        )
        return sorted(str(r["g"]) for r in rows)

    def _version_marker(self) -> str | None:
        rows = self.select(f"SELECT ?v WHERE {{ GRAPH <{_STATUS_GRAPH}> {{ <{_STATUS_GRAPH}> <{OWL.versionInfo}> ?v }} }}")
        return str(rows[0]["v"]) if rows else None

    def is_built(self) -> bool:
        """Whether rekg has written to this store (its version marker is there): one lookup, not
        a scan of every graph."""
        return self._version_marker() is not None

    def version(self) -> str:
        """See :meth:`kg.store.base.Store.version`: the marker every write of rekg's changes."""
        return self._version_marker() or "unversioned"

    def dump(self, output: IO[bytes], *, media_type: str, graph: str | None = None) -> None:
        """See :meth:`kg.store.base.Store.dump`."""
        fmt = rdf_format(media_type)
        terms = Terms()
        quads = [terms.quad((s, p, o, g if fmt.supports_datasets else None)) for s, p, o, g in self.quads(graph=graph)]
        if not fmt.supports_datasets:
            quads = [ox.Triple(q.subject, q.predicate, q.object) for q in dict.fromkeys(quads)]  # type: ignore[misc]
        ox.serialize(quads, output, format=fmt)

    # --- writing ------------------------------------------------------------------------

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        """See :meth:`kg.store.base.Store.update`: one request, and the version marker moved."""
        refuse_remote_clauses(sparql)
        self._update((f"BASE <{base_iri}>\n" if base_iri else "") + sparql)
        self._bump_version()

    def apply(self, deletions: Iterable[Quad], insertions: Iterable[Quad], *, before_commit: Callable[[], None] | None = None) -> None:
        """See :meth:`kg.store.base.Store.apply`: one update request (a transaction where the
        store makes one of a request) when the change is at most :data:`_CHUNK` quads; a larger
        one goes in several requests, deletions first (insertions POSTed a graph at a time when
        the Graph Store Protocol is configured), and is not atomic. ``before_commit`` is called
        before the first request."""
        if before_commit is not None:
            before_commit()
        deleted, inserted = list(deletions), list(insertions)
        deletes = [f"DELETE DATA {{ {_graph_blocks(deleted[i : i + _CHUNK])} }}" for i in range(0, len(deleted), _CHUNK)]
        if len(deleted) + len(inserted) <= _CHUNK:  # the data and the version marker in one request
            self._update(
                " ;\n".join([*deletes, *([f"INSERT DATA {{ {_graph_blocks(inserted)} }}"] if inserted else []), self._version_operation()])
            )
            return
        for operation in deletes:
            self._update(operation)
        for graph, quads in _by_graph(inserted).items():
            if self.config.graph_store_url is not None and graph is not None:
                for i in range(0, len(quads), _POST_CHUNK):
                    _graph_store_send(self.config, "POST", graph, quads[i : i + _POST_CHUNK])
            else:
                for i in range(0, len(quads), _CHUNK):
                    self._update(f"INSERT DATA {{ {_graph_blocks(quads[i : i + _CHUNK])} }}")
        self._bump_version()

    def load(self, data: bytes, *, media_type: str, graph: str | None = None) -> None:
        """See :meth:`kg.store.base.Store.load`."""
        self.apply([], _parse_quads(data, media_type, graph))

    def replace_graph(self, graph: str, data: bytes, *, media_type: str) -> None:
        """See :meth:`kg.store.base.Store.replace_graph`: staged, then moved over the old one."""
        self._replace({graph: _parse_quads(data, media_type, graph)}, drop_others=False)

    def replace_all(self, data: bytes, *, media_type: str) -> None:
        """See :meth:`kg.store.base.Store.replace_all`: each graph staged and moved in turn, then
        rekg's graphs that the new data lacks dropped. Readers may see some graphs new and
        others old while the moves run (a SPARQL store offers no swap of many graphs)."""
        by_graph = _by_graph(_parse_quads(data, media_type, None))
        if None in by_graph:
            raise StoreError("a remote store keeps every triple in a named graph: the data has triples in the default graph")
        self._replace(by_graph, drop_others=True)  # type: ignore[arg-type]

    def _replace(self, by_graph: dict[str, list[Quad]], *, drop_others: bool) -> None:
        staged = {graph: f"{graph}.staging-{secrets.token_hex(4)}" for graph in by_graph}
        for graph, quads in by_graph.items():
            self._update(f"DROP SILENT GRAPH <{staged[graph]}>")
            self._write_graph(staged[graph], quads)
        moves = [f"MOVE SILENT GRAPH <{staged[g]}> TO GRAPH <{g}>" for g in by_graph]
        if drop_others:
            moves += [f"DROP SILENT GRAPH <{g}>" for g in self.graph_names() if g not in by_graph and ".staging-" not in g]
        self._update(" ;\n".join(moves + [self._version_operation()]))
        for stray in self.graph_names():  # staging graphs of writes that failed part-way
            if ".staging-" in stray:
                self._update(f"DROP SILENT GRAPH <{stray}>")

    def _write_graph(self, graph: str, quads: list[Quad]) -> None:
        """Write the triples of ``quads`` into the (empty) graph ``graph``: one Graph Store
        Protocol PUT when configured, else chunks of INSERT DATA."""
        if self.config.graph_store_url is None:
            for start in range(0, len(quads), _CHUNK):
                self._update(f"INSERT DATA {{ {_graph_blocks([(s, p, o, graph) for s, p, o, _ in quads[start : start + _CHUNK]])} }}")
            return
        _graph_store_send(self.config, "PUT", graph, quads)

    def _version_operation(self) -> str:
        marker = f"<{_STATUS_GRAPH}> <{OWL.versionInfo}>"
        return (
            f"DELETE WHERE {{ GRAPH <{_STATUS_GRAPH}> {{ {marker} ?v }} }} ;\n"
            f'INSERT DATA {{ GRAPH <{_STATUS_GRAPH}> {{ {marker} "{secrets.token_hex(8)}" }} }}'
        )

    def _bump_version(self) -> None:
        self._update(self._version_operation())


def _graph_store_send(config: RemoteConfig, method: str, graph: str, quads: list[Quad]) -> None:
    """PUT (replace) or POST (add) the triples of ``quads`` into ``graph`` through the Graph
    Store Protocol (``?graph=IRI``, N-Triples)."""
    import httpx

    terms = Terms()
    body = ox.serialize([terms.quad((s, p, o, None)).triple for s, p, o, _ in quads], format=ox.RdfFormat.N_TRIPLES) or b""
    auth: Any = None
    if config.user:
        auth = (httpx.DigestAuth if config.auth == "digest" else httpx.BasicAuth)(config.user, config.password or "")
    try:
        response = httpx.request(
            method,
            config.graph_store_url or "",
            params={"graph": graph},
            content=body,
            auth=auth,
            headers={"Content-Type": N_TRIPLES},
            timeout=config.timeout,
        )
    except httpx.HTTPError as exc:
        raise StoreError(f"the graph store at {config.graph_store_url} is unavailable: {exc}") from None
    if response.status_code >= 300:
        raise StoreError(
            f"the graph store at {config.graph_store_url} answered {response.status_code} to {method} {graph}: {response.text[:200]}"
        )


def _by_graph(quads: list[Quad]) -> dict[str | None, list[Quad]]:
    """The quads, by graph."""
    grouped: dict[str | None, list[Quad]] = {}
    for quad in quads:
        grouped.setdefault(quad[3], []).append(quad)
    return grouped


def _graph_blocks(quads: list[Quad]) -> str:
    """Quads as the body of INSERT DATA / DELETE DATA, one GRAPH block a graph (Virtuoso
    compiles a block a quad into SQL too long to run).

    >>> from rdflib import URIRef, Literal
    >>> _graph_blocks([(URIRef("http://e/a"), URIRef("http://e/p"), Literal("x"), "http://e/g")])
    'GRAPH <http://e/g> { <http://e/a> <http://e/p> "x" . }'
    """
    blocks = {g: " ".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o, _ in group) for g, group in _by_graph(quads).items()}
    return "\n".join(f"GRAPH <{g}> {{ {triples} }}" if g else triples for g, triples in blocks.items())


def _with_values(sparql: str, bindings: Mapping[str, Node]) -> str:
    """``sparql`` with ``bindings`` as VALUES blocks (:func:`~kg.store.sparql.with_values`)."""
    return with_values(sparql, {name: term.n3() for name, term in bindings.items()})


def _query_kind(sparql: str) -> str:
    """ "graph" for CONSTRUCT and DESCRIBE, else "solutions" (SELECT, ASK)."""
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parsed = parseQuery(sparql)
    except Exception as exc:  # pyparsing raises several types
        raise QueryError(f"SPARQL syntax error: {_short(exc)}") from None
    return "graph" if parsed[1].name in ("ConstructQuery", "DescribeQuery") else "solutions"


def _standard_term(term: dict[str, str]) -> dict[str, str]:
    """A SPARQL JSON term as the standard writes it: no pre-standard "typed-literal" type, no
    xsd:string datatype, booleans as true and false (Virtuoso sends 1 and 0), blank node labels
    that are valid in every syntax.

    >>> _standard_term({"type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#boolean", "value": "0"})
    {'type': 'literal', 'datatype': 'http://www.w3.org/2001/XMLSchema#boolean', 'value': 'false'}
    """
    if term.get("type") == "typed-literal":
        term = {**term, "type": "literal"}
    if term.get("type") == "bnode":  # Virtuoso labels blank nodes nodeID://b10002
        term = {**term, "value": re.sub(r"[^A-Za-z0-9_]", "_", term["value"])}
    if term.get("datatype") == "http://www.w3.org/2001/XMLSchema#boolean" and term.get("value") in ("0", "1"):
        term = {**term, "value": "true" if term["value"] == "1" else "false"}
    if term.get("datatype") == "http://www.w3.org/2001/XMLSchema#string":
        term = {k: v for k, v in term.items() if k != "datatype"}
    return term


def _node(term: dict[str, str]) -> Node:
    """A SPARQL JSON term as an rdflib term."""
    standard = _standard_term(term)
    document = {"head": {"vars": ["x"]}, "results": {"bindings": [{"x": standard}]}}
    parsed = ox.parse_query_results(json.dumps(document).encode(), format=ox.QueryResultsFormat.JSON)
    assert isinstance(parsed, ox.QuerySolutions)
    return from_ox(next(iter(parsed))["x"])


def _parse(body: bytes, fmt: ox.RdfFormat) -> list[ox.Triple]:
    try:
        return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(body, format=fmt)]
    except SyntaxError as exc:
        raise StoreError(f"the store sent RDF that does not parse: {exc}") from None


def _parse_quads(data: bytes, media_type: str, graph: str | None) -> list[Quad]:
    """The quads of ``data``; a triple format's triples go into ``graph``."""
    try:
        return from_ox_quads(ox.parse(io.BytesIO(data), format=rdf_format(media_type)), graph)
    except SyntaxError as exc:
        raise QueryError(f"the data does not parse: {exc}") from None


def _store_message(exc: BaseException) -> str:
    """What the store said, from the response SPARQLWrapper keeps in the error's text."""
    said = str(exc).split("Response:", 1)[-1].strip().removeprefix("b'").removeprefix('b"')
    return said.replace("\\n", " ").strip()[:300] or _short(exc)


def _short(exc: BaseException) -> str:
    """The first line of an error's message."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:300]
