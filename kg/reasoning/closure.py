"""Reasoning: the OWL 2 RL closure (owlrl) plus the project's own rules, with explanations.

The closure is computed over the asserted entity graph and the ontology, then the project's
rules (SPARQL patterns) are applied, and the two alternate until nothing new follows. Only
conclusions about the project's own entities in the project's own terms are kept; the rest of
what an RL closure adds (``owl:sameAs`` of everything with itself, ``owl:Thing``, the
vocabularies' own classes) is dropped.

Each kept triple is then explained: rule by rule, in rounds, a triple is explained once all
its premises are asserted or explained in an earlier round, so every explanation bottoms out
in asserted triples (and, through their claims, in source quotes).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import owlrl
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.reasoning.consistency import classify, hermit_available
from kg.reasoning.rules import PROJECT_RULES, RULES, Triple, defined_class_matches
from kg.vocab import ID, OA, REKG

__all__ = ["Explanation", "Reasoning", "reason"]


@dataclass(frozen=True)
class Explanation:
    """Why an inferred triple holds: the rule and the premises (asserted or inferred earlier)."""

    rule: str
    premises: tuple[Triple, ...]


@dataclass
class Reasoning:
    """The outcome: the inferred graph, its explanations graph, and what each stage cost."""

    inferred: Graph
    explanations: Graph
    seconds: dict[str, float] = field(default_factory=dict)


def _is_ours(triple: tuple) -> bool:
    s, p, o = triple
    if not (isinstance(s, URIRef) and s.startswith(ID)):
        return False
    if p == RDF.type:
        return isinstance(o, URIRef) and o.startswith(REKG)
    return p.startswith(REKG) and not isinstance(o, BNode)


_SKIP_TYPES = {REKG.Claim, REKG.Evidence, REKG.Source, OA.TextQuoteSelector, OA.TextPositionSelector}


def _needed(triple: tuple) -> bool:
    """Literals matter to reasoning only as values of the project's own properties."""
    return not isinstance(triple[2], Literal) or triple[1].startswith(REKG)


def reasoning_input(asserted: Graph) -> Graph:
    """The asserted triples reasoning needs: entities and n-ary relations, without the
    provenance plumbing (simple claims, evidence, selectors, sources) and without labels."""
    skip = {s for t in _SKIP_TYPES for s in asserted.subjects(RDF.type, t)}
    data = Graph()
    for triple in asserted:
        if triple[0] not in skip and triple[1] not in (PROV.wasDerivedFrom, REKG.evidence) and _needed(triple):
            data.add(triple)
    return data


def axioms(ontology: Graph) -> Graph:
    """The ontology without its annotations (labels, definitions): what the rules read."""
    graph = Graph()
    for triple in ontology:
        if _needed(triple):
            graph.add(triple)
    return graph


def _closure(data: Graph, ontology: Graph, max_rounds: int = 6) -> Graph:
    graph = Graph()
    for triple in data:
        graph.add(triple)
    for triple in ontology:
        graph.add(triple)
    for _ in range(max_rounds):
        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(graph)
        new = {c for rule in PROJECT_RULES for c, _ in rule.matches(graph)} - set(graph)
        if not new:
            break
        for triple in new:
            graph.add(triple)
    return graph


def _explain(closure: Graph, known: set[Triple], inferred: set[Triple]) -> dict[Triple, Explanation]:
    """Explain each kept triple, in rounds: a triple is explained once all its premises are
    asserted or explained in an earlier round."""
    explanations: dict[Triple, Explanation] = {}
    known_graph = Graph()
    for triple in known:
        known_graph.add(triple)
    remaining = set(closure) - known
    while remaining:
        found: dict[Triple, Explanation] = {}
        candidates = [(c, p, rule.name) for rule in RULES for c, p in sorted(rule.matches(known_graph))]
        candidates += sorted(defined_class_matches(known_graph))
        # the first rule (in RULES order) that explains a triple wins: builds are reproducible
        for conclusion, premises, name in candidates:
            if conclusion in remaining and conclusion not in found:
                found[conclusion] = Explanation(name, tuple(premises))
        if not found:
            break
        for triple, explanation in found.items():
            known_graph.add(triple)
            remaining.discard(triple)
            if triple in inferred:
                explanations[triple] = explanation
    return explanations


def reason(asserted: Graph, ontology: Graph, *, hermit: bool | None = None,
           on_stage: Callable[[str], None] | None = None) -> Reasoning:
    """Infer what follows from ``asserted`` (a graph, or a read-only view of several) under
    ``ontology`` and explain every kept triple: the one entry point of reasoning.

    With ``hermit`` (default: when Java is there) HermiT first checks consistency and
    classifies; its class memberships join the inferred graph.

    Raises:
        InconsistentGraph: the asserted triples contradict the ontology.

    >>> from rdflib import Graph
    >>> from kg.ontology import load_ontology
    >>> g = Graph().parse(data='''@prefix rekg: <https://w3id.org/rekg/ontology#> .
    ...   <https://w3id.org/rekg/id/agreement/a> rekg:party <https://w3id.org/rekg/id/country/JP> ,
    ...       <https://w3id.org/rekg/id/country/AU> .''', format="turtle")
    >>> result = reason(g, load_ontology(), hermit=False)
    >>> (ID["country/JP"], REKG.partnerOf, ID["country/AU"]) in result.inferred
    True
    >>> Literal("partner-via-agreement") in set(result.explanations.objects(None, REKG.rule))
    True
    """
    stage = on_stage or (lambda name: None)
    seconds: dict[str, float] = {}
    stage("OWL 2 RL closure and project rules")
    started = time.perf_counter()
    data, tbox = reasoning_input(asserted), axioms(ontology)
    closure = _closure(data, tbox)
    known = set(data) | set(tbox)
    inferred = {t for t in closure if t not in known and _is_ours(t)}
    seconds["closure"] = time.perf_counter() - started

    stage("explaining inferences")
    started = time.perf_counter()
    explanations = _explain(closure, known, inferred)
    seconds["explanations"] = time.perf_counter() - started

    if hermit if hermit is not None else hermit_available():
        stage("HermiT consistency and classification")
        started = time.perf_counter()
        known_graph = Graph()
        for triple in (*data, *inferred):
            known_graph.add(triple)
        for triple in classify(data, ontology, known=known_graph) - inferred:
            inferred.add(triple)
            explanations[triple] = Explanation("HermiT classification", ())
        seconds["HermiT"] = time.perf_counter() - started
    inferred_graph = Graph()
    for triple in inferred:
        inferred_graph.add(triple)
    return Reasoning(inferred_graph, explanation_graph(explanations, asserted), seconds)


def _node(kind: str, *parts: object) -> URIRef:
    return ID[f"{kind}/{hashlib.sha1(chr(31).join(map(str, parts)).encode()).hexdigest()[:16]}"]


def explanation_graph(explanations: dict[Triple, Explanation], asserted: Iterable[Triple]) -> Graph:
    """Explanations as RDF: one ``rekg:Inference`` per inferred triple, with its rule and
    premises; a premise is the inference that concluded it, or the claim that asserts it."""
    graph = Graph()
    parts: dict[URIRef, dict[URIRef, object]] = {}
    for s, p, o in asserted:
        if p in (RDF.subject, RDF.predicate, RDF.object) and isinstance(s, URIRef) and s.startswith(ID["claim/"]):
            parts.setdefault(s, {})[p] = o
    claims: dict[Triple, list[URIRef]] = {}
    for claim, part in parts.items():
        claims.setdefault((part.get(RDF.subject), part.get(RDF.predicate), part.get(RDF.object)), []).append(claim)  # type: ignore[arg-type]
    for triple, explanation in explanations.items():
        node = _node("inference", *triple)
        graph.add((node, RDF.type, REKG.Inference))
        graph.add((node, RDF.subject, triple[0]))
        graph.add((node, RDF.predicate, triple[1]))
        graph.add((node, RDF.object, triple[2]))
        graph.add((node, REKG.rule, Literal(explanation.rule)))
        for premise in explanation.premises:
            if premise in explanations:
                graph.add((node, REKG.premise, _node("inference", *premise)))
                continue
            statement = _node("premise", *premise)
            graph.add((node, REKG.premise, statement))
            graph.add((statement, RDF.type, REKG.AssertedPremise))
            graph.add((statement, RDF.subject, premise[0]))
            graph.add((statement, RDF.predicate, premise[1]))
            graph.add((statement, RDF.object, premise[2]))
            for claim in claims.get(premise, []):
                graph.add((statement, REKG.assertedBy, claim))
    return graph
