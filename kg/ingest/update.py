"""SPARQL Update against a store, guarded by the SHACL shapes and followed by reasoning.

The update is applied to a scratch copy of the store's data; only a result that conforms
to the shapes (and to the ontology) replaces what the store holds, in one step, so a refused
update leaves the store exactly as it was.
"""

from __future__ import annotations

from kg.errors import UpdateRefused
from kg.ingest.pipeline import asserted_graph, write_derived
from kg.ingest.validate import validate_graph
from kg.ontology import load_ontology
from kg.reasoning import reason
from kg.store.base import Store, dump_bytes
from kg.store.embedded import EmbeddedStore
from kg.store.formats import N_QUADS
from kg.store.sparql import refuse_remote_clauses, with_using_clauses

__all__ = ["apply_update"]


def apply_update(store: Store, update: str, *, using: list[str] | None = None,
                 using_named: list[str] | None = None, base_iri: str | None = None) -> None:
    """Apply ``update`` to ``store`` if the result still conforms to the shapes; the inferred
    graph is then recomputed from the updated asserted graphs.

    Raises:
        QueryError: the update is malformed or would fetch remote data (LOAD, SERVICE).
        UpdateRefused: the result would violate the shapes; the store is unchanged.
        InconsistentGraph: the result contradicts the ontology; the store is unchanged.
    """
    refuse_remote_clauses(update)
    text = with_using_clauses(update, using or [], using_named or [])
    scratch = EmbeddedStore(read_only=False)
    scratch.load(dump_bytes(store, media_type=N_QUADS), media_type=N_QUADS)
    scratch.update(text, base_iri=base_iri)
    asserted, ontology = asserted_graph(scratch), load_ontology()
    report = validate_graph(asserted, ontology=ontology)
    if report.violations:
        raise UpdateRefused(report)
    write_derived(scratch, reason(asserted, ontology))
    store.replace_all(dump_bytes(scratch, media_type=N_QUADS), media_type=N_QUADS)
