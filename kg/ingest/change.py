"""Incremental change: quads in and out of the asserted graphs, checked and reasoned about
only where they touch, written with their consequences in one transaction.

1. The quads become a triple-level change (a triple stays asserted while any graph holds it).
2. SHACL validates only the focus nodes the change touches, plus the nodes that link to a node
   whose types changed, over their neighbourhood copied into an in-memory store, with the
   shapes compiled into SPARQL (:mod:`~kg.ingest.shape_queries`). A change of at least
   :data:`GATE_APART` triples to an on-disk store is validated in a process of its own, on the
   database as committed, while this one reasons: the two take about as long at a million
   triples, and the machine has a core for each.
3. The engine, kept warm per store by a :class:`WarmEngines` its caller owns, derives additions semi-naively and withdraws removals by
   delete-and-rederive; the OWL 2 RL inconsistency rules look only near the change.
4. Asserted and inferred changes reach the store through one :meth:`Store.apply`, which
   makes them visible only once the shapes have passed (a large change is staged meanwhile).

A refused change leaves the store and the warm engine as they were; a change that breaks the
shapes is refused for that even when it also contradicts the ontology.
"""

from __future__ import annotations

import gc
import multiprocessing
import weakref
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from itertools import chain

from rdflib import RDF, URIRef
from rdflib.term import Node

from kg.errors import UpdateRefused
from kg.ingest.shape_queries import compiled_shapes
from kg.ingest.validate import ShapeResult
from kg.ontology import load_ontology
from kg.reasoning.closure import engine_for, ours_among, raise_if_inconsistent
from kg.reasoning.engine import Engine
from kg.reasoning.rules import Triple
from kg.store.base import Quad, Store
from kg.store.embedded import EmbeddedStore
from kg.store.formats import N_TRIPLES
from kg.vocab import DERIVED_GRAPHS, INFERRED_GRAPH

__all__ = ["ChangeSummary", "WarmEngines", "apply_change", "shape_violations"]

_DERIVED = {str(g) for g in DERIVED_GRAPHS}
GATE_APART = 50_000  # changed triples from which the SHACL gate runs in a process of its own, beside the reasoner


@dataclass(frozen=True)
class ChangeSummary:
    """What a change did: quads written and removed, inferred triples added and withdrawn."""

    inserted: int
    deleted: int
    inferred_added: int
    inferred_removed: int


def _asserted_triples(store: Store) -> Iterable[Triple]:
    for s, p, o, g in store.quads():
        if g not in _DERIVED:
            yield s, p, o


class WarmEngines:
    """The reasoning engine of each store, holding its closure, kept while the store's version is
    the one it was computed for: owned by whoever applies changes one after another (the server's
    services), so that each change reasons only about itself. A store that is gone is forgotten."""

    def __init__(self) -> None:
        self._engines: weakref.WeakKeyDictionary[Store, tuple[str, Engine]] = weakref.WeakKeyDictionary()

    def engine(self, store: Store, on_stage: Callable[[str], None] | None = None) -> Engine:
        """The engine holding ``store``'s closure, computed when none is kept for its version."""
        version = store.version()
        cached = self._engines.get(store)
        if cached is not None and cached[0] == version:
            return cached[1]
        (on_stage or (lambda name: None))("reading the asserted graphs into the reasoner")
        engine = engine_for(load_ontology())
        engine.add(_asserted_triples(store))
        self._engines[store] = (version, engine)
        return engine

    def keep(self, store: Store, engine: Engine) -> None:
        """Keep ``engine`` as the closure of ``store`` as it now stands."""
        self._engines[store] = (store.version(), engine)

    def forget(self, store: Store) -> None:
        """Drop the engine of ``store`` (it saw a change that was not written)."""
        self._engines.pop(store, None)


class _Asserted:
    """The store's asserted quads by subject, read once per subject for the whole change."""

    def __init__(self, store: Store):
        self.store = store
        self._by_subject: dict[Node, list[Quad]] = {}
        self._graphs: dict[Triple, set[str | None]] = {}

    def _keep(self, quad: Quad) -> None:
        self._by_subject[quad[0]].append(quad)
        self._graphs.setdefault(quad[:3], set()).add(quad[3])

    def about(self, subject: Node) -> list[Quad]:
        """The asserted quads whose subject is ``subject``."""
        found = self._by_subject.get(subject)
        if found is None:
            found = self._by_subject[subject] = []
            for quad in self.store.quads(subject):
                if quad[3] not in _DERIVED:
                    self._keep(quad)
        return found

    def prefetch(self, subjects: Iterable[Node], batch: int = 500) -> None:
        """Read the asserted quads of many subjects in a few queries rather than one each (a
        remote store answers each query over the network)."""
        wanted = sorted({s for s in subjects if isinstance(s, URIRef) and s not in self._by_subject}, key=str)
        for start in range(0, len(wanted), batch):
            chunk = wanted[start : start + batch]
            for node in chunk:
                self._by_subject[node] = []
            values = " ".join(node.n3() for node in chunk)
            derived = ", ".join(f"<{g}>" for g in sorted(_DERIVED))
            for row in self.store.select(
                f"SELECT ?s ?p ?o ?g WHERE {{ VALUES ?s {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} FILTER (?g NOT IN ({derived})) }}"
            ):
                self._keep((row["s"], row["p"], row["o"], str(row["g"])))

    def linking(self, nodes: Iterable[Node], batch: int = 500) -> set[Node]:
        """The subjects of statements whose object is one of ``nodes``, a few queries for all."""
        wanted, found = sorted({n for n in nodes if isinstance(n, URIRef)}, key=str), set()
        for start in range(0, len(wanted), batch):
            values = " ".join(node.n3() for node in wanted[start : start + batch])
            found |= {row["s"] for row in self.store.select(f"SELECT DISTINCT ?s WHERE {{ VALUES ?o {{ {values} }} ?s ?p ?o }}")}
        return found

    def graphs(self, triple: Triple) -> set[str | None]:
        """The asserted graphs that hold ``triple``."""
        self.about(triple[0])
        return self._graphs.get(triple, set())


def _neighbourhood(asserted: _Asserted, focus: set[Node], added: set[Triple], removed: set[Triple]) -> Store:
    """An in-memory store of what SHACL reads about ``focus`` after the change: the asserted
    statements of the focus nodes and of the nodes they point at (their types, the second step
    of a sequence path), and the ontology (the class hierarchy, the ontology's individuals)."""
    statements: set[Triple] = {t for t in added if t[0] in focus}
    asserted.prefetch(focus)
    for node in focus:
        statements |= {q[:3] for q in asserted.about(node) if q[:3] not in removed}
    pointed = {o for _, _, o in statements if isinstance(o, URIRef)} - focus
    asserted.prefetch(pointed)
    for node in pointed:
        statements |= {q[:3] for q in asserted.about(node) if q[:3] not in removed}
    statements |= {t for t in added if t[0] in pointed}
    scratch = EmbeddedStore()
    scratch.apply([], [(*t, None) for t in statements])
    scratch.load(_ontology_ntriples(), media_type=N_TRIPLES)
    return scratch


@cache
def _ontology_ntriples() -> bytes:
    """The ontology as N-Triples, written once per process (every change's neighbourhood loads it)."""
    return load_ontology().serialize(format="nt", encoding="utf-8")


def _violations(asserted: _Asserted, added: set[Triple], removed: set[Triple]) -> list[ShapeResult]:
    """The violations of the shapes after the change, looked for near it only."""
    focus: set[Node] = {t[0] for t in added | removed} | {t[2] for t in added | removed if isinstance(t[2], URIRef)}
    retyped = {t[0] for t in added | removed if t[1] == RDF.type}
    focus |= asserted.linking(retyped)  # a node whose types changed may break the shapes of those linking to it
    focus = {n for n in focus if isinstance(n, URIRef)}
    if not focus:
        return []
    return [r for r in compiled_shapes().check(_neighbourhood(asserted, focus, added, removed), focus) if r.is_violation]


def _violations_in_snapshot(open_snapshot: Callable[[], Store], added: set[Triple], removed: set[Triple]) -> list[ShapeResult]:
    """:func:`_violations` in a process of its own, over the store's data as committed."""
    return _violations(_Asserted(open_snapshot()), added, removed)


def _shape_gate(
    store: Store, asserted: _Asserted, added: set[Triple], removed: set[Triple], stage: Callable[[str], None]
) -> Callable[[], None]:
    """Check the shapes now, or for a large change to a store another process can open (its
    snapshot) start checking them in a process of its own; either way return what waits for the
    verdict and raises :class:`UpdateRefused` when the change breaks them."""
    snapshot = store.snapshot() if len(added) + len(removed) >= GATE_APART else None
    if snapshot is None:
        if violations := _violations(asserted, added, removed):
            raise UpdateRefused(violations)
        return lambda: None
    apart = ProcessPoolExecutor(
        1,
        mp_context=multiprocessing.get_context("spawn"),  # fork is unsafe beside RocksDB's threads
        initializer=gc.disable,
    )  # a one-off process: the collector only slows what it builds
    verdict = apart.submit(_violations_in_snapshot, snapshot, added, removed)

    def wait() -> None:
        stage("waiting for the SHACL gate")
        try:
            violations = verdict.result()
        finally:
            apart.shutdown(cancel_futures=True)
        if violations:
            raise UpdateRefused(violations)

    return wait


def apply_change(
    store: Store,
    deleted: Iterable[Quad],
    inserted: Iterable[Quad],
    *,
    on_stage: Callable[[str], None] | None = None,
    engines: WarmEngines | None = None,
) -> ChangeSummary:
    """Delete then insert asserted quads, with the SHACL gate and incremental reasoning (on the
    store's engine kept in ``engines``, or one read afresh from the store).

    Raises:
        UpdateRefused: the result would violate the shapes; nothing is written.
        InconsistentGraph: the result contradicts the ontology; nothing is written.
    """
    return _apply_change(store, list(deleted), list(inserted), on_stage, engines or WarmEngines())


@dataclass(frozen=True)
class _TripleChange:
    """A change of quads, and what it changes of the asserted triples."""

    deleted_quads: set[Quad]
    inserted_quads: set[Quad]
    added: set[Triple]
    removed: set[Triple]


def _triple_change(asserted: _Asserted, deleted: list[Quad], inserted: list[Quad]) -> _TripleChange:
    asserted.prefetch(q[0] for q in deleted + inserted)
    deleted_quads = {q for q in deleted if q[3] not in _DERIVED}
    # a quad already there is no change, unless this change also deletes it
    inserted_quads = {q for q in inserted if q[3] not in _DERIVED and (q in deleted_quads or q[3] not in asserted.graphs(q[:3]))}
    inserted_triples = {q[:3] for q in inserted_quads}
    # a triple stays asserted while some graph holds it
    removed = {
        q[:3]
        for q in deleted_quads
        if q[:3] not in inserted_triples and not any((*q[:3], g) not in deleted_quads for g in asserted.graphs(q[:3]))
    }
    added = {t for t in inserted_triples if not asserted.graphs(t)}
    return _TripleChange(deleted_quads, inserted_quads, added, removed)


def shape_violations(store: Store, deleted: Iterable[Quad], inserted: Iterable[Quad]) -> list[ShapeResult]:
    """The violations of the shapes that deleting then inserting these quads would cause, looked
    for at the nodes the change touches, as :func:`apply_change` does; nothing is written."""
    asserted = _Asserted(store)
    change = _triple_change(asserted, list(deleted), list(inserted))
    return _violations(asserted, change.added, change.removed)


def _apply_change(
    store: Store, deleted: list[Quad], inserted: list[Quad], on_stage: Callable[[str], None] | None, engines: WarmEngines
) -> ChangeSummary:
    asserted = _Asserted(store)
    change = _triple_change(asserted, deleted, inserted)
    deleted_quads, inserted_quads, added, removed = change.deleted_quads, change.inserted_quads, change.added, change.removed
    stage = on_stage or (lambda name: None)
    stage(f"SHACL gate: {len(added) + len(removed)} changed triples")
    shapes_passed = _shape_gate(store, asserted, added, removed, stage)

    engine = engines.engine(store, on_stage)
    stage("incremental reasoning and consistency")
    # the bookkeeping stays in the engine's integers: a large load touches millions of triples
    try:
        first, second = engine.remove(removed), engine.add(added)
        raise_if_inconsistent(engine, load_ontology(), near=chain(second.asserted, second.added))
    except BaseException:
        engines.forget(store)  # the warm engine saw a change that is not written: recompute next time
        shapes_passed()  # a change that breaks the shapes is refused for that first
        raise
    touched = first.added | first.removed | second.added | second.removed  # an asserted triple inferred before: second.removed
    inferred = engine.inferred_among(touched)
    now_inferred, was_inferred = ours_among(engine, inferred), ours_among(engine, touched - inferred)
    graph = str(INFERRED_GRAPH)
    stage("writing the change in one transaction")
    try:
        store.apply(
            [*deleted_quads, *((*t, graph) for t in was_inferred)],
            [*inserted_quads, *((*t, graph) for t in now_inferred)],
            before_commit=shapes_passed,
        )
    except BaseException:
        engines.forget(store)
        raise
    engines.keep(store, engine)
    return ChangeSummary(len(inserted_quads), len(deleted_quads), len(now_inferred), len(was_inferred))
