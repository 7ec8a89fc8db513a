"""The build pipeline: sheets → RDF → SHACL gate → reasoning → store, with a summary.

The RDF of a build is made once, as one rdflib dataset; SHACL validates it in place,
reasoning reads it through a read-only view, and it reaches the store as one N-Quads
serialisation: one copy per build.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Graph, URIRef
from rdflib.graph import ReadOnlyGraphAggregate

from kg.errors import UpdateRefused, ValidationFailed
from kg.ingest.build import BuiltDataset, build_dataset
from kg.ingest.change import WarmEngines, apply_change
from kg.ingest.sheets import load_sheet
from kg.ingest.validate import ShapeResult, ValidationReport, validate_graph
from kg.ontology import load_ontology
from kg.reasoning import Reasoning, reason
from kg.store.base import Store, dump_bytes
from kg.store.formats import N_QUADS, N_TRIPLES
from kg.vocab import DERIVED_GRAPHS, ID, INFERRED_GRAPH, REGISTRY_GRAPH, REKG, graph_iri, short_name

__all__ = [
    "BuildSummary",
    "apply_sheet",
    "asserted_graph",
    "build_and_validate",
    "build_store",
    "changed_graphs",
    "rederive_store",
    "violation_messages",
    "write_derived",
]

Stage = Callable[[str], None]


@dataclass
class BuildSummary:
    """What a build produced and how long it took."""

    triples_per_graph: dict[str, int] = field(default_factory=dict)
    entities_per_class: dict[str, int] = field(default_factory=dict)
    quotes_checked: int = 0
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    inferred: int = 0
    reasoning_seconds: dict[str, float] = field(default_factory=dict)
    changed_graphs: list[str] | None = None
    """The graphs an incremental build replaced; None for a build from scratch."""

    @property
    def total_triples(self) -> int:
        """Triples in all graphs together."""
        return sum(self.triples_per_graph.values())


def violation_messages(violations: list[ShapeResult], built: BuiltDataset) -> list[str]:
    """Each violation as ``file:line: field: message (value)`` pointing at the sheet it came from."""
    messages = []
    for result in violations:
        origin = built.origins.get(URIRef(result.focus))
        if origin:
            sheet, loc = origin
            where = f"{sheet.path}:{sheet.line_of(*loc, result.path)}"
        else:
            where = result.focus
        value = f" (got {result.value!r})" if result.value is not None else ""
        messages.append(f"{where}: {result.message}{value} [{result.focus}]")
    return messages


def build_and_validate(
    facts_dir: Path, *, corpus_dir: Path | None, on_sheet: Callable[[Path], None] | None = None
) -> tuple[BuiltDataset, ValidationReport]:
    """Build the RDF of the sheets and validate it against the shapes, writing nothing."""
    built = build_dataset(facts_dir, corpus_dir=corpus_dir, on_sheet=on_sheet)
    return built, validate_graph(built.dataset)


def _entities_per_class(built: BuiltDataset) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for graph in built.asserted_graphs():
        for subject, rdf_type in graph.subject_objects(RDF.type):
            if rdf_type.startswith(REKG) and subject.startswith(ID):
                counts[short_name(rdf_type).removeprefix("rekg:")] += 1
    return dict(sorted(counts.items()))


def _summary(
    built: BuiltDataset,
    started: float,
    inferred: int,
    warnings: list[str],
    reasoning_seconds: dict[str, float],
    changed: list[str] | None = None,
) -> BuildSummary:
    return BuildSummary(
        triples_per_graph={str(g.identifier): len(g) for g in built.dataset.graphs() if len(g) and g.identifier != INFERRED_GRAPH}
        | {str(INFERRED_GRAPH): inferred},
        entities_per_class=_entities_per_class(built),
        quotes_checked=built.quotes_checked,
        warnings=warnings,
        seconds=time.perf_counter() - started,
        inferred=inferred,
        reasoning_seconds=reasoning_seconds,
        changed_graphs=changed,
    )


_STORED_DIGESTS = f"""SELECT ?g ?d WHERE {{ GRAPH ?g {{ {{ ?s <{REKG.sheetDigest}> ?d }} UNION {{ ?s <{REKG.buildDigest}> ?d }} }} }}"""


def changed_graphs(built: BuiltDataset, store: Store) -> list[str] | None:
    """The graphs of ``built`` whose sheet changed since ``store`` was built (new, changed or
    gone), or None when every graph must be rebuilt: the store holds no build, or what every
    graph depends on (registry, ontology, shapes, markers, the building code) changed."""
    new = {str(g.identifier): str(d) for g in built.dataset.graphs() for d in g.objects(None, REKG.sheetDigest)}
    new[str(REGISTRY_GRAPH)] = str(built.dataset.graph(REGISTRY_GRAPH).value(REGISTRY_GRAPH, REKG.buildDigest))
    old = {str(row["g"]): str(row["d"]) for row in store.select(_STORED_DIGESTS)}
    if old.get(str(REGISTRY_GRAPH)) != new[str(REGISTRY_GRAPH)]:
        return None
    return sorted(g for g in set(new) | set(old) if new.get(g) != old.get(g))


def _build_changed(
    built: BuiltDataset, store: Store, changed: list[str], started: float, stage: Stage, engines: WarmEngines | None = None
) -> BuildSummary:
    """Replace the graphs of changed sheets through the incremental path (focus-node SHACL,
    incremental reasoning, one transaction), as an update would."""
    if changed:
        deleted = [q for g in changed for q in store.quads(graph=g)]
        inserted = [(s, p, o, g) for g in changed for s, p, o in built.dataset.graph(URIRef(g))]
        try:
            apply_change(store, deleted, inserted, on_stage=stage, engines=engines)
        except UpdateRefused as refused:
            raise ValidationFailed(violation_messages(refused.violations, built)) from None
    inferred = int(store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{INFERRED_GRAPH}> {{ ?s ?p ?o }} }}")[0]["n"])
    return _summary(built, started, inferred, list(built.warnings), {}, changed)


def apply_sheet(
    sheet: Path,
    facts_dir: Path,
    store: Store,
    *,
    corpus_dir: Path | None,
    on_stage: Stage | None = None,
    engines: WarmEngines | None = None,
) -> BuildSummary:
    """Apply one sheet to ``store`` incrementally: its graph (new, or in place of the graph of its
    source) goes in through the same gate and incremental reasoning as an update (on the engine
    ``engines`` keeps for the store, if given), all or nothing. The registry is ``facts_dir``'s;
    the sheet need not be in it.

    Raises:
        SheetError: the sheet is malformed (nothing is written).
        ValidationFailed: its graph would break the shapes (nothing is written).
        InconsistentGraph: it contradicts the ontology (nothing is written).
    """
    started = time.perf_counter()
    stage = on_stage or (lambda name: None)
    stage(f"reading {sheet.name}")
    built = build_dataset(facts_dir, corpus_dir=corpus_dir, extra=[sheet])
    return _build_changed(built, store, [str(graph_iri(load_sheet(sheet).model.source.id))], started, stage, engines)


def build_store(
    facts_dir: Path,
    store: Store,
    *,
    corpus_dir: Path | None,
    full: bool = False,
    on_stage: Stage | None = None,
    on_sheet: Callable[[Path], None] | None = None,
) -> BuildSummary:
    """Build every sheet; then, when only some sheets changed since the store was built,
    replace just their graphs through the incremental path; else (or with ``full``) validate
    everything, reason from scratch and replace everything ``store`` holds. The two agree.

    Raises:
        SheetError: a sheet is malformed (nothing is written).
        ValidationFailed: the graph violates the shapes (nothing is written).
        InconsistentGraph: the graph contradicts the ontology (nothing is written).
    """
    started = time.perf_counter()
    stage = on_stage or (lambda name: None)
    stage("reading fact sheets")
    built = build_dataset(facts_dir, corpus_dir=corpus_dir, on_sheet=on_sheet)
    changed = None if full or not store.graph_names() else changed_graphs(built, store)
    if changed is not None:
        stage(f"replacing the graphs of {len(changed)} changed sheet(s)")
        return _build_changed(built, store, changed, started, stage)
    report = validate_graph(built.dataset)
    stage("SHACL gate")
    if report.violations:
        raise ValidationFailed(violation_messages(report.violations, built))
    asserted = built.asserted_graphs()
    reasoning = reason(ReadOnlyGraphAggregate(asserted), built.ontology, on_stage=stage)
    inferred = built.dataset.graph(INFERRED_GRAPH)
    inferred += reasoning.inferred
    stage("writing the store")
    store.replace_all(built.dataset.serialize(format="nquads", encoding="utf-8"), media_type=N_QUADS)
    warnings = built.warnings + [f"{r.severity}: {r.message} [{r.focus}]" for r in report.results if not r.is_violation]
    return _summary(built, started, len(reasoning.inferred), warnings, reasoning.seconds)


def asserted_graph(store: Store) -> Graph:
    """Every asserted triple of ``store`` (all graphs but the ontology and the derived ones),
    read once into one rdflib graph: what reasoning and SHACL take."""
    graph = Graph()
    skip = {str(g) for g in DERIVED_GRAPHS}
    for name in store.graph_names():
        if name not in skip:
            graph.parse(data=dump_bytes(store, media_type=N_TRIPLES, graph=name), format="nt")
    return graph


def write_derived(store: Store, reasoning: Reasoning) -> None:
    """Replace the inferred graph of ``store`` with ``reasoning``'s."""
    store.replace_graph(str(INFERRED_GRAPH), reasoning.inferred.serialize(format="nt", encoding="utf-8"), media_type=N_TRIPLES)


def rederive_store(store: Store, *, on_stage: Stage | None = None) -> BuildSummary:
    """Recompute the inferred graph of ``store`` from its asserted graphs."""
    started = time.perf_counter()
    reasoning = reason(asserted_graph(store), load_ontology(), on_stage=on_stage)
    (on_stage or (lambda name: None))("writing the store")
    write_derived(store, reasoning)
    return BuildSummary(
        triples_per_graph={str(INFERRED_GRAPH): len(reasoning.inferred)},
        seconds=time.perf_counter() - started,
        inferred=len(reasoning.inferred),
        reasoning_seconds=reasoning.seconds,
    )
