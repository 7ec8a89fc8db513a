"""SPARQL Update against a store, through the SHACL gate and incremental reasoning.

``INSERT DATA`` and ``DELETE DATA`` become quads directly. Any other update (with a WHERE
clause, CLEAR, DROP, ...) is first run on a scratch copy of the asserted graphs and the
difference taken; either way the change goes through :func:`kg.ingest.change.apply_change`,
so a refused update leaves the store exactly as it was.

Every update has provenance (:class:`Provenance`): what it inserts into the default graph goes
into a graph of its own, ``graph/update/<time>-<n>``, which records who made the update (the
name of the token used), when, and the source and quote that state what it adds, if given.
Triples put into a named graph stay in that graph; the update's record is written all the same.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass, replace

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import PROV
from rdflib.plugins.sparql.algebra import translateUpdate
from rdflib.plugins.sparql.parser import parseUpdate

from kg.errors import QueryError
from kg.ingest.change import ChangeSummary, WarmEngines, apply_change
from kg.store.base import Quad, Store
from kg.store.embedded import EmbeddedStore
from kg.store.sparql import refuse_remote_clauses, with_using_clauses
from kg.vocab import DERIVED_GRAPHS, GRAPH, ID, REKG

__all__ = ["Provenance", "apply_update"]

_DERIVED = {str(g) for g in DERIVED_GRAPHS}
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]+$")


@dataclass(frozen=True)
class Provenance:
    """Who makes an update, and the source and quote that state what it adds, if any."""

    author: str
    source: str | None = None
    quote: str | None = None

    def __post_init__(self) -> None:
        if self.source is not None and not _ABSOLUTE_IRI.match(self.source):
            raise QueryError(f"source must be an absolute IRI, not {self.source!r}")

    def record(self, graph: str, when: dt.datetime) -> list[Quad]:
        """The quads that describe the update graph ``graph``, written into it.

        >>> quads = Provenance("alice", "https://example.org/a").record("https://w3id.org/rekg/graph/update/x", dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
        >>> sorted(str(p).rsplit("#", 1)[-1] for _, p, _, _ in quads)
        ['generatedAtTime', 'label', 'type', 'type', 'wasAttributedTo', 'wasDerivedFrom']
        """
        node, agent = URIRef(graph), ID[f"agent/{re.sub(r'[^a-z0-9]+', '-', self.author.lower()).strip('-') or 'anonymous'}"]
        quads: list[Quad] = [
            (node, RDF.type, PROV.Entity, graph),
            (node, PROV.wasAttributedTo, agent, graph),
            (node, PROV.generatedAtTime, Literal(when.isoformat(), datatype=XSD.dateTime), graph),
            (agent, RDF.type, PROV.Agent, graph),
            (agent, RDFS.label, Literal(self.author), graph),
        ]
        if self.source:
            quads.append((node, PROV.wasDerivedFrom, URIRef(self.source), graph))
        if self.quote:
            quads.append((node, REKG.quote, Literal(self.quote), graph))
        return quads


def update_graph(when: dt.datetime) -> str:
    """A fresh name for the graph of an update made at ``when``."""
    return str(GRAPH[f"update/{when:%Y%m%dT%H%M%S%fZ}-{secrets.token_hex(3)}"])


def _data_quads(block: object) -> list[Quad]:
    """The quads of an INSERT DATA / DELETE DATA block (default-graph triples have graph None)."""
    quads: list[Quad] = [(*t, None) for t in getattr(block, "triples", None) or []]
    for graph, triples in (getattr(block, "quads", None) or {}).items():
        quads += [(*t, str(graph)) for t in triples]
    return quads


def _data_change(update: str, base_iri: str | None) -> tuple[list[Quad], list[Quad]] | None:
    """(deleted, inserted) when the update is only INSERT DATA / DELETE DATA, else None."""
    try:
        parsed = translateUpdate(parseUpdate(update), base=base_iri)
    except Exception as exc:  # pyparsing and rdflib raise several types
        raise QueryError(f"malformed update: {exc}") from exc
    deleted: list[Quad] = []
    inserted: list[Quad] = []
    for operation in parsed.algebra:
        if operation.name == "InsertData":
            inserted += _data_quads(operation)
        elif operation.name == "DeleteData":
            deleted += _data_quads(operation)
        else:
            return None
    return deleted, inserted


def _scratch_change(store: Store, update: str, base_iri: str | None) -> tuple[list[Quad], list[Quad]]:
    """(deleted, inserted) that ``update`` makes to the asserted graphs, found on a scratch copy."""
    before = {q for q in store.quads() if q[3] not in _DERIVED}
    scratch = EmbeddedStore(read_only=False)
    scratch.apply([], before)
    scratch.update(update, base_iri=base_iri)
    after = {q for q in scratch.quads() if q[3] not in _DERIVED}
    return sorted(before - after, key=str), sorted(after - before, key=str)


def apply_update(
    store: Store,
    update: str,
    *,
    provenance: Provenance,
    using: list[str] | None = None,
    using_named: list[str] | None = None,
    base_iri: str | None = None,
    engines: WarmEngines | None = None,
) -> ChangeSummary:
    """Apply ``update`` to ``store`` if the result still conforms to the shapes and the
    ontology; its consequences are derived incrementally (on the engine ``engines`` keeps for
    the store, if given) and written with it, and what it inserts into the default graph goes
    into a graph of its own that records ``provenance``.

    Raises:
        QueryError: the update is malformed or would fetch remote data (LOAD, SERVICE).
        UpdateRefused: the result would violate the shapes; the store is unchanged.
        InconsistentGraph: the result contradicts the ontology; the store is unchanged.
    """
    refuse_remote_clauses(update)
    text = with_using_clauses(update, using or [], using_named or [])
    deleted, inserted = _data_change(text, base_iri) or _scratch_change(store, text, base_iri)
    when = dt.datetime.now(dt.UTC)
    graph = update_graph(when)
    record = provenance.record(graph, when)
    summary = apply_change(store, deleted, [(s, p, o, graph if g is None else g) for s, p, o, g in inserted] + record, engines=engines)
    return replace(summary, inserted=summary.inserted - len(record))  # the update's own triples
