"""The build pipeline: sheets → RDF → SHACL gate → store, with a summary of what was built."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Store
from rdflib import RDF, Graph, URIRef

from kg.build import BuiltDataset, build_dataset, load_ontology
from kg.consistency import hermit_available
from kg.errors import ValidationFailed
from kg.namespaces import DERIVED_GRAPHS, EXPLANATIONS_GRAPH, ID, INFERRED_GRAPH, REKG
from kg.reason import Materialised, materialise
from kg.store import asserted_union, open_store, put_graph, replace_store
from kg.validate import ValidationReport, validate_graph

__all__ = ["DEFAULT_FACTS_DIR", "BuildSummary", "build_store", "check_sheets", "reason_store", "violation_messages"]

DEFAULT_FACTS_DIR = Path(__file__).resolve().parent / "facts"


@dataclass
class BuildSummary:
    """What a build produced and how long it took."""

    triples_per_graph: dict[str, int] = field(default_factory=dict)
    entities_per_class: dict[str, int] = field(default_factory=dict)
    quotes_checked: int = 0
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    database: Path | None = None
    inferred: int = 0
    reasoning_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total_triples(self) -> int:
        """Triples in all graphs together."""
        return sum(self.triples_per_graph.values())


def violation_messages(report: ValidationReport, built: BuiltDataset) -> list[str]:
    """Each violation as ``file:line: field: message (value)`` pointing at the sheet it came from."""
    messages = []
    for result in report.violations:
        origin = built.origins.get(URIRef(result.focus))
        if origin:
            sheet, loc = origin
            where = f"{sheet.path}:{sheet.line_of(*loc, result.path)}"
        else:
            where = result.focus
        value = f" (got {result.value!r})" if result.value is not None else ""
        messages.append(f"{where}: {result.message}{value} [{result.focus}]")
    return messages


def check_sheets(
    facts_dir: Path, *, corpus_dir: Path | None, on_sheet: Callable[[Path], None] | None = None
) -> tuple[BuiltDataset, ValidationReport]:
    """Build the RDF of the sheets and validate it, writing nothing."""
    built = build_dataset(facts_dir, corpus_dir=corpus_dir, on_sheet=on_sheet)
    return built, validate_graph(built.union(), built.ontology)


def _entities_per_class(built: BuiltDataset) -> dict[str, int]:
    counts: Counter[str] = Counter()
    union = built.union()
    for subject, rdf_type in union.subject_objects(RDF.type):
        if str(rdf_type).startswith(str(REKG)) and str(subject).startswith(str(ID)):
            counts[str(rdf_type)[len(str(REKG)):]] += 1
    return dict(sorted(counts.items()))


def build_store(
    facts_dir: Path,
    store_dir: Path,
    *,
    corpus_dir: Path | None,
    on_stage: Callable[[str], None] | None = None,
    on_sheet: Callable[[Path], None] | None = None,
) -> BuildSummary:
    """Build every sheet, validate, and only then replace the store at ``store_dir``.

    Raises:
        SheetError: a sheet is malformed (nothing is written).
        ValidationFailed: the graph violates the shapes (nothing is written).
    """
    started = time.perf_counter()
    stage = on_stage or (lambda name: None)
    stage("reading fact sheets")
    built, report = check_sheets(facts_dir, corpus_dir=corpus_dir, on_sheet=on_sheet)
    stage("SHACL gate")
    if not report.conforms and report.violations:
        raise ValidationFailed(violation_messages(report, built))
    derived = _derive(built.union(), built.ontology, stage)
    for iri, graph in ((INFERRED_GRAPH, derived.inferred), (EXPLANATIONS_GRAPH, derived.explanations)):
        target = built.dataset.graph(iri)
        for triple in graph:
            target.add(triple)
    stage("writing the store")
    nquads = built.dataset.serialize(format="nquads").encode()
    database = replace_store(store_dir, nquads)
    return BuildSummary(
        triples_per_graph={str(g.identifier): len(g) for g in built.dataset.graphs() if len(g)},
        entities_per_class=_entities_per_class(built),
        quotes_checked=built.quotes_checked,
        warnings=built.warnings + [f"{r.severity}: {r.message} [{r.focus}]" for r in report.results if not r.is_violation],
        seconds=time.perf_counter() - started,
        database=database,
        inferred=len(derived.inferred),
        reasoning_seconds=_timings(derived),
    )


def _derive(asserted: Graph, ontology: Graph, stage: Callable[[str], None]) -> Materialised:
    """Reasoning, with HermiT when Java is there (a build without it says so)."""
    return materialise(asserted, ontology, hermit=hermit_available(), on_stage=stage)


def _timings(derived: Materialised) -> dict[str, float]:
    timings = {"closure": derived.reasoning.closure_seconds, "explanations": derived.reasoning.explain_seconds}
    if derived.hermit_seconds is not None:
        timings["HermiT"] = derived.hermit_seconds
    return timings


def reason_store(store_dir: Path, *, on_stage: Callable[[str], None] | None = None) -> BuildSummary:
    """Recompute the inferred and explanation graphs of the store, replacing the previous ones.

    Asserted graphs are copied unchanged; the store is swapped only when reasoning succeeds.
    """
    started = time.perf_counter()
    stage = on_stage or (lambda name: None)
    store = open_store(store_dir)
    derived = _derive(asserted_union(store), load_ontology(), stage)
    stage("writing the store")
    copy = Store()
    copy.bulk_load(store.dump(format=RdfFormat.N_QUADS), format=RdfFormat.N_QUADS)
    put_graph(copy, str(INFERRED_GRAPH), derived.inferred)
    put_graph(copy, str(EXPLANATIONS_GRAPH), derived.explanations)
    database = replace_store(store_dir, copy.dump(format=RdfFormat.N_QUADS))
    return BuildSummary(
        triples_per_graph={str(g): len(list(copy.quads_for_pattern(None, None, None, NamedNode(str(g))))) for g in DERIVED_GRAPHS},
        seconds=time.perf_counter() - started, database=database,
        inferred=len(derived.inferred), reasoning_seconds=_timings(derived),
    )
