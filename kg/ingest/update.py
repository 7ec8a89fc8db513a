"""SPARQL Update against a store, through the SHACL gate and incremental reasoning.

``INSERT DATA`` and ``DELETE DATA`` become quads directly. Any other update (with a WHERE
clause, CLEAR, DROP, ...) is first run on a scratch copy of the asserted graphs and the
difference taken; either way the change goes through :func:`kg.ingest.change.apply_change`,
so a refused update leaves the store exactly as it was.
"""

from __future__ import annotations

from rdflib.plugins.sparql.algebra import translateUpdate
from rdflib.plugins.sparql.parser import parseUpdate

from kg.errors import QueryError
from kg.ingest.change import ChangeSummary, apply_change
from kg.store.base import Quad, Store
from kg.store.embedded import EmbeddedStore
from kg.store.sparql import refuse_remote_clauses, with_using_clauses
from kg.vocab import DERIVED_GRAPHS

__all__ = ["apply_update"]

_DERIVED = {str(g) for g in DERIVED_GRAPHS}


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


def apply_update(store: Store, update: str, *, using: list[str] | None = None,
                 using_named: list[str] | None = None, base_iri: str | None = None) -> ChangeSummary:
    """Apply ``update`` to ``store`` if the result still conforms to the shapes and the
    ontology; its consequences are derived incrementally and written with it.

    Raises:
        QueryError: the update is malformed or would fetch remote data (LOAD, SERVICE).
        UpdateRefused: the result would violate the shapes; the store is unchanged.
        InconsistentGraph: the result contradicts the ontology; the store is unchanged.
    """
    refuse_remote_clauses(update)
    text = with_using_clauses(update, using or [], using_named or [])
    change = _data_change(text, base_iri) or _scratch_change(store, text, base_iri)
    return apply_change(store, *change)


