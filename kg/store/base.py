"""The store interface: what the pipeline, the CLI and the server ask of a triple store.

Terms cross it as rdflib terms, formats as media types (:mod:`kg.store.formats`), data as
bytes; no engine's own types leak through, so an implementation over a remote SPARQL 1.1
store fits as well as the embedded Oxigraph one (:mod:`kg.store.embedded`).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Literal, Protocol, runtime_checkable

from rdflib.term import Node

from kg.store.formats import SPARQL_JSON, TURTLE

__all__ = ["Quad", "QueryResult", "Row", "Store", "dump_bytes"]

Row = dict[str, Node]
Quad = tuple[Node, Node, Node, str | None]
"""A triple and the IRI of its named graph (None: the default graph)."""


@dataclass(frozen=True)
class QueryResult:
    """A serialised query result: its kind, media type, bytes, row count and whether it was cut."""

    kind: Literal["solutions", "boolean", "graph"]
    media_type: str
    body: bytes
    rows: int
    truncated: bool = False


@runtime_checkable
class Store(Protocol):
    """A triple store holding named graphs; the default graph of a query is their union."""

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
        """Run a query and serialise its result: solutions and booleans as ``results_type``,
        graphs as ``graph_type``. (Whether a client accepts the kind of result is the server's
        question, asked before the query runs.)

        Raises:
            QueryError: the query is malformed or fails.
        """
        ...

    def select(self, sparql: str, *, bindings: Mapping[str, Node] | None = None) -> list[Row]:
        """The rows of a SELECT over the union of all graphs, unbound variables left out."""
        ...

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        """Apply a SPARQL Update as one transaction."""
        ...

    def load(self, data: bytes, *, media_type: str, graph: str | None = None) -> None:
        """Add RDF: a dataset format keeps its graphs, a triple format goes into ``graph``."""
        ...

    def apply(self, deletions: Iterable[Quad], insertions: Iterable[Quad], *, before_commit: Callable[[], None] | None = None) -> None:
        """Delete then insert quads ``(s, p, o, graph IRI)`` in one transaction: readers see
        the store before or after, never between, and see it at once. ``before_commit`` is
        called before any of the change becomes visible (a store may prepare the change
        meanwhile); when it raises, nothing is written."""
        ...

    def quads(
        self, subject: Node | None = None, predicate: Node | None = None, obj: Node | None = None, graph: str | None = None
    ) -> Iterator[Quad]:
        """The quads matching a pattern (None matches anything)."""
        ...

    def replace_graph(self, graph: str, data: bytes, *, media_type: str) -> None:
        """Replace one named graph with the triples of ``data``."""
        ...

    def replace_all(self, data: bytes, *, media_type: str) -> None:
        """Replace every graph with the dataset ``data``; readers see the old or the new whole."""
        ...

    def dump(self, output: IO[bytes], *, media_type: str, graph: str | None = None) -> None:
        """Write one graph, or every graph (a dataset format) or their union (a triple format)."""
        ...

    def graph_names(self) -> list[str]:
        """The IRIs of the named graphs."""
        ...

    def version(self) -> str:
        """An identifier of the data served now; it changes with every write."""
        ...

    def close(self) -> None:
        """Let go of the store (a writable embedded store's lock goes at once); it is not used after."""
        ...

    def snapshot(self) -> Callable[[], Store] | None:
        """A picklable way to open, in another process, the store's data as committed now
        (read-only), or None when no other process can (an in-memory store). A large change
        checks its shapes there while this process reasons."""
        ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...


def dump_bytes(store: Store, *, media_type: str, graph: str | None = None) -> bytes:
    """:meth:`Store.dump` into bytes."""
    buffer = io.BytesIO()
    store.dump(buffer, media_type=media_type, graph=graph)
    return buffer.getvalue()
