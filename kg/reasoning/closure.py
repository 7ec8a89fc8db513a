"""Reasoning: the OWL 2 RL closure and the project's rules, by the engine, then consistency.

The ontology's axioms are compiled into rules (:mod:`~kg.reasoning.rules`) and the asserted
triples run through them to a fixpoint (:mod:`~kg.reasoning.engine`). The OWL 2 RL
inconsistency rules then check the data; HermiT checks the ontology itself. Only conclusions
about the project's own entities in the project's own terms are kept. Explanations are found
on demand (:mod:`~kg.reasoning.explain`), not stored.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rdflib import RDF, BNode, Graph, URIRef
from rdflib.term import Node

from kg.errors import InconsistentGraph
from kg.reasoning.consistency import check_ontology, hermit_available
from kg.reasoning.engine import Engine, Ids
from kg.reasoning.rules import Triple, compile_contradictions, compile_rules
from kg.vocab import ID, REKG, short_name

__all__ = ["Reasoning", "engine_for", "is_ours", "ours_among", "raise_if_inconsistent", "reason"]


@dataclass
class Reasoning:
    """The outcome: the inferred graph, the engine that holds the closure, and what each stage cost."""

    inferred: Graph
    engine: Engine
    seconds: dict[str, float] = field(default_factory=dict)


# What is_ours asks of each term (str.startswith, not rdflib's slower override: this runs for
# every term a change touches)
def _is_entity(term: Node) -> bool:
    return isinstance(term, URIRef) and str.startswith(term, ID)


def _property_kind(term: Node) -> str:
    return "ours" if isinstance(term, URIRef) and str.startswith(term, REKG) else "type" if term == RDF.type else "other"


def _object_kind(term: Node) -> str:
    return "blank" if isinstance(term, BNode) else "ours" if isinstance(term, URIRef) and str.startswith(term, REKG) else "other"


def _keeps(property_kind: str, object_kind: str) -> bool:
    return (property_kind == "ours" and object_kind != "blank") or (property_kind == "type" and object_kind == "ours")


def is_ours(triple: Triple) -> bool:
    """Whether an inferred triple is about the project's entities in the project's terms (the
    rest of a closure, such as the types of sources or of blank nodes, is not published)."""
    s, p, o = triple
    return _is_entity(s) and _keeps(_property_kind(p), _object_kind(o))


def ours_among(engine: Engine, triples: Iterable[Ids]) -> list[Triple]:
    """The encoded ``triples`` that :func:`is_ours` keeps, decoded; each distinct term is looked
    at once, since a large change touches millions of triples over far fewer terms."""
    entity: dict[int, bool] = {}
    properties: dict[int, str] = {}
    objects: dict[int, str] = {}
    kept = []
    for triple in triples:
        s, p, o = triple
        if (is_entity := entity.get(s)) is None:
            is_entity = entity[s] = _is_entity(engine.term(s))
        if not is_entity:
            continue
        if (property_kind := properties.get(p)) is None:
            property_kind = properties[p] = _property_kind(engine.term(p))
        if (object_kind := objects.get(o)) is None:
            object_kind = objects[o] = _object_kind(engine.term(o))
        if _keeps(property_kind, object_kind):
            kept.append(engine.decode(triple))
    return kept


def engine_for(ontology: Graph) -> Engine:
    """An engine with the rules ``ontology`` calls for, holding the ontology's own statements
    about individuals (supply-chain stages, metrics, materials) as asserted."""
    engine = Engine(compile_rules(ontology))
    engine.add(ontology)
    return engine


def raise_if_inconsistent(engine: Engine, ontology: Graph, near: Iterable[Ids] | None = None) -> None:
    """Check the OWL 2 RL inconsistency rules (everywhere, or only through the encoded triples
    ``near``: see :meth:`Engine.ids`).

    Raises:
        InconsistentGraph: naming each entity and the axiom it breaks.
    """
    found = engine.violations(compile_contradictions(ontology), near)
    if found:
        reasons = []
        for rule, entity in found:
            stated = sorted(short_name(str(t)) for t in engine.objects(entity, RDF.type) if engine.is_asserted((entity, RDF.type, t)))
            reasons.append(f"{short_name(str(entity))} (asserted: {', '.join(stated) or 'no type'}) breaks {rule.name}: {rule.axiom}")
        raise InconsistentGraph("the graph is inconsistent with the ontology:\n" + "\n".join(reasons))


def reason(
    asserted: Iterable[Triple], ontology: Graph, *, hermit: bool | None = None, on_stage: Callable[[str], None] | None = None
) -> Reasoning:
    """Infer what follows from ``asserted`` (a graph, or a read-only view of several) under
    ``ontology``: the one entry point of reasoning from scratch.

    With ``hermit`` (default: when Java is there) HermiT first checks the ontology itself.

    Raises:
        InconsistentGraph: the ontology, or the asserted triples under it, are inconsistent.

    >>> from rdflib import Graph
    >>> from kg.ontology import load_ontology
    >>> g = Graph().parse(data='''@prefix rekg: <https://w3id.org/rekg/ontology#> .
    ...   <https://w3id.org/rekg/id/agreement/a> rekg:party <https://w3id.org/rekg/id/country/JP> ,
    ...       <https://w3id.org/rekg/id/country/AU> .''', format="turtle")
    >>> (ID["country/JP"], REKG.partnerOf, ID["country/AU"]) in reason(g, load_ontology(), hermit=False).inferred
    True
    """
    stage = on_stage or (lambda name: None)
    seconds: dict[str, float] = {}
    if hermit if hermit is not None else hermit_available():
        stage("HermiT: the ontology")
        started = time.perf_counter()
        check_ontology(ontology)
        seconds["HermiT"] = time.perf_counter() - started
    stage("OWL 2 RL closure and project rules")
    started = time.perf_counter()
    engine = engine_for(ontology)
    engine.add(asserted)
    seconds["closure"] = time.perf_counter() - started
    stage("consistency")
    started = time.perf_counter()
    raise_if_inconsistent(engine, ontology)
    seconds["consistency"] = time.perf_counter() - started
    inferred = Graph()
    for triple in engine.inferred():
        if is_ours(triple):
            inferred.add(triple)
    return Reasoning(inferred, engine, seconds)
