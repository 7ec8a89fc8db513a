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
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import PROV
from rdflib.query import ResultRow

from kg.namespaces import ID, OA, REKG

__all__ = [
    "Explanation",
    "Materialised",
    "Reasoning",
    "Rule",
    "RULES",
    "materialise",
    "reason",
]

Triple = tuple[URIRef, URIRef, URIRef | Literal]

_PREFIXES = {"rekg": REKG, "owl": OWL, "rdf": RDF, "rdfs": RDFS, "id": ID}


@dataclass(frozen=True)
class Rule:
    """A rule: a SPARQL pattern, the triple it concludes and the premises it rests on.

    Terms are ``?variables`` or prefixed names (``rekg:``, ``owl:``, ``rdf:``, ``rdfs:``, ``id:``).
    """

    name: str
    description: str
    where: str
    conclusion: tuple[str, str, str]
    premises: tuple[tuple[str, str, str], ...]
    owl: bool = False

    def matches(self, graph: Graph) -> Iterable[tuple[Triple, list[Triple]]]:
        """Every (conclusion, premises) this rule yields on ``graph``."""
        for row in graph.query(f"SELECT * WHERE {{ {self.where} }}", initNs=_PREFIXES):
            assert isinstance(row, ResultRow)
            binding = row.asdict()
            term = lambda text: binding[text[1:]] if text.startswith("?") else _expand(text)  # noqa: E731
            yield tuple(map(term, self.conclusion)), [tuple(map(term, p)) for p in self.premises]  # type: ignore[misc]


def _expand(name: str) -> URIRef:
    prefix, local = name.split(":", 1)
    return URIRef(str(_PREFIXES[prefix]) + local)


# OWL 2 RL rules (their W3C names) in the forms the ontology uses: they explain owlrl's closure.
OWL_RULES = [
    Rule("prp-symp", "a symmetric property holds both ways", "?p a owl:SymmetricProperty . ?x ?p ?y .",
         ("?y", "?p", "?x"), (("?x", "?p", "?y"),), owl=True),
    Rule("prp-inv1", "a property implies its inverse", "?p owl:inverseOf ?q . ?x ?p ?y .",
         ("?y", "?q", "?x"), (("?x", "?p", "?y"),), owl=True),
    Rule("prp-inv2", "an inverse implies the property", "?p owl:inverseOf ?q . ?x ?q ?y .",
         ("?y", "?p", "?x"), (("?x", "?q", "?y"),), owl=True),
    Rule("prp-trp", "a transitive property chains", "?p a owl:TransitiveProperty . ?x ?p ?y . ?y ?p ?z .",
         ("?x", "?p", "?z"), (("?x", "?p", "?y"), ("?y", "?p", "?z")), owl=True),
    Rule("prp-spo1", "a sub-property implies its super-property", "?p rdfs:subPropertyOf ?q . ?x ?p ?y .",
         ("?x", "?q", "?y"), (("?x", "?p", "?y"),), owl=True),
    Rule("prp-spo2", "a property chain implies its property",
         "?p owl:propertyChainAxiom ?l . ?l rdf:first ?p1 ; rdf:rest/rdf:first ?p2 . ?x ?p1 ?y . ?y ?p2 ?z .",
         ("?x", "?p", "?z"), (("?x", "?p1", "?y"), ("?y", "?p2", "?z")), owl=True),
    Rule("prp-dom", "a property's domain types its subject", "?p rdfs:domain ?c . FILTER isIRI(?c) ?x ?p ?y .",
         ("?x", "rdf:type", "?c"), (("?x", "?p", "?y"),), owl=True),
    Rule("prp-rng", "a property's range types its object", "?p rdfs:range ?c . FILTER isIRI(?c) ?x ?p ?y . FILTER (!isLiteral(?y))",
         ("?y", "rdf:type", "?c"), (("?x", "?p", "?y"),), owl=True),
    Rule("cax-sco", "a member of a class is a member of its superclasses",
         "?c rdfs:subClassOf ?d . FILTER isIRI(?d) ?x a ?c .", ("?x", "rdf:type", "?d"), (("?x", "rdf:type", "?c"),), owl=True),
]

# The project's own rules: what OWL 2 RL cannot say (differences, thresholds, n-ary relations).
PROJECT_RULES = [
    Rule("partner-via-agreement", "parties to the same agreement (not merely proposed or in talks) are partners",
         """?x rekg:coPartyOf ?y . FILTER (?x != ?y)
            FILTER EXISTS { ?x rekg:partyTo ?a . ?a rekg:party ?y .
                            FILTER NOT EXISTS { ?a rekg:status ?st FILTER (STR(?st) IN ("proposed", "in talks")) } }""",
         ("?x", "rekg:partnerOf", "?y"), (("?x", "rekg:coPartyOf", "?y"),)),
    Rule("partner-via-alliance", "members of the same alliance are partners",
         "?x rekg:coMemberOf ?y . FILTER (?x != ?y)", ("?x", "rekg:partnerOf", "?y"), (("?x", "rekg:coMemberOf", "?y"),)),
    Rule("supplies-to", "the supplier of a supply relation supplies its customer",
         "?r a rekg:SupplyRelation ; rekg:supplier ?x ; rekg:customer ?y . FILTER (?x != ?y)",
         ("?x", "rekg:suppliesTo", "?y"), (("?r", "rekg:supplier", "?x"), ("?r", "rekg:customer", "?y"))),
    Rule("supply-reaches-producers",
         "a supplier of a material to a country is upstream of that country's producers of goods made from it",
         """?r rekg:supplier ?s ; rekg:customer ?c ; rekg:material ?m . ?c a rekg:Country .
            ?maker rekg:headquarteredIn ?c ; rekg:produces ?product . ?product rekg:madeFrom ?m . FILTER (?s != ?maker)""",
         ("?s", "rekg:upstreamOf", "?maker"),
         (("?r", "rekg:supplier", "?s"), ("?r", "rekg:customer", "?c"), ("?r", "rekg:material", "?m"),
          ("?maker", "rekg:headquarteredIn", "?c"), ("?maker", "rekg:produces", "?product"), ("?product", "rekg:madeFrom", "?m"))),
    Rule("refiner-outside-china", "an organisation operating a refinery in a country other than China",
         "?o rekg:operates ?f . ?f a rekg:Refinery ; rekg:locatedIn ?c . ?c a rekg:Country . FILTER (?c != <https://w3id.org/rekg/id/country/CN>)",
         ("?o", "rdf:type", "rekg:RefinerOutsideChina"),
         (("?o", "rekg:operates", "?f"), ("?f", "rdf:type", "rekg:Refinery"), ("?f", "rekg:locatedIn", "?c"), ("?c", "rdf:type", "rekg:Country"))),
    Rule("single-supplier-dependence", "a country that gets at least 50 % of its needs for a material from one supplier",
         "?r a rekg:SupplyRelation ; rekg:customer ?c ; rekg:supplier ?s ; rekg:share ?share . ?c a rekg:Country . FILTER (?share >= 50)",
         ("?c", "rdf:type", "rekg:SingleSupplierDependentCountry"),
         (("?r", "rekg:customer", "?c"), ("?r", "rekg:supplier", "?s"), ("?r", "rekg:share", "?share"))),
]

RULES = OWL_RULES + PROJECT_RULES


def _defined_class_matches(graph: Graph) -> Iterable[tuple[Triple, list[Triple], str]]:
    """cls-int1 with cls-hv1: membership of a class defined as an intersection of classes and
    hasValue restrictions, with the triples that satisfy each part."""
    for defined, expression in graph.subject_objects(OWL.equivalentClass):
        members = graph.value(expression, OWL.intersectionOf)
        if not isinstance(defined, URIRef) or members is None:
            continue
        parts = list(Collection(graph, members))
        classes = [p for p in parts if isinstance(p, URIRef)]
        restrictions = [(graph.value(p, OWL.onProperty), graph.value(p, OWL.hasValue)) for p in parts if isinstance(p, BNode)]
        if not classes or any(v is None for _, v in restrictions):
            continue
        for candidate in set(graph.subjects(RDF.type, classes[0])):
            premises = [(candidate, RDF.type, c) for c in classes] + [(candidate, p, v) for p, v in restrictions]
            if all(t in graph for t in premises):
                yield (candidate, RDF.type, defined), premises, f"cls-int1 ({defined.n3(graph.namespace_manager)})"


@dataclass(frozen=True)
class Explanation:
    """Why an inferred triple holds: the rule and the premises (asserted or inferred earlier)."""

    rule: str
    premises: tuple[Triple, ...]


@dataclass
class Reasoning:
    """The outcome: kept inferred triples, their explanations, and what it cost."""

    inferred: set[Triple] = field(default_factory=set)
    explanations: dict[Triple, Explanation] = field(default_factory=dict)
    closure_seconds: float = 0.0
    explain_seconds: float = 0.0
    rounds: int = 0

    def unexplained(self) -> set[Triple]:
        """Kept triples that no rule explains (should be none)."""
        return self.inferred - set(self.explanations)


def _is_ours(triple: tuple) -> bool:
    s, p, o = triple
    if not (isinstance(s, URIRef) and str(s).startswith(str(ID))):
        return False
    if p == RDF.type:
        return isinstance(o, URIRef) and str(o).startswith(str(REKG))
    return str(p).startswith(str(REKG)) and not isinstance(o, BNode)


_SKIP_TYPES = {REKG.Claim, REKG.Evidence, REKG.Source, OA.TextQuoteSelector, OA.TextPositionSelector}


def _needed(triple: tuple) -> bool:
    """Literals matter to reasoning only as values of the project's own properties."""
    return not isinstance(triple[2], Literal) or str(triple[1]).startswith(str(REKG))


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


def reason(asserted: Graph, ontology: Graph, *, on_stage: Callable[[str], None] | None = None) -> Reasoning:
    """Infer what follows from ``asserted`` under ``ontology`` and explain every kept triple.

    >>> from rdflib import Graph
    >>> from kg.build import load_ontology
    >>> g = Graph().parse(data='''@prefix rekg: <https://w3id.org/rekg/ontology#> .
    ...   <https://w3id.org/rekg/id/agreement/a> rekg:party <https://w3id.org/rekg/id/country/JP> ,
    ...       <https://w3id.org/rekg/id/country/AU> .''', format="turtle")
    >>> result = reason(g, load_ontology())
    >>> from kg.namespaces import ID, REKG
    >>> (ID["country/JP"], REKG.partnerOf, ID["country/AU"]) in result.inferred
    True
    >>> result.explanations[(ID["country/JP"], REKG.partnerOf, ID["country/AU"])].rule
    'partner-via-agreement'
    """
    stage = on_stage or (lambda name: None)
    stage("OWL 2 RL closure and project rules")
    started = time.perf_counter()
    data, tbox = reasoning_input(asserted), axioms(ontology)
    closure = _closure(data, tbox)
    known = set(data) | set(tbox)
    result = Reasoning(inferred={t for t in closure if t not in known and _is_ours(t)})
    result.closure_seconds = time.perf_counter() - started

    stage("explaining inferences")
    started = time.perf_counter()
    known_graph = Graph()
    for triple in known:
        known_graph.add(triple)
    remaining = set(closure) - known
    while remaining:
        result.rounds += 1
        found: dict[Triple, Explanation] = {}
        candidates = [(c, p, rule.name) for rule in RULES for c, p in sorted(rule.matches(known_graph))]
        candidates += sorted(_defined_class_matches(known_graph))
        # the first rule (in RULES order) that explains a triple wins: builds are reproducible
        for conclusion, premises, name in candidates:
            if conclusion in remaining and conclusion not in found:
                found[conclusion] = Explanation(name, tuple(premises))
        if not found:
            break
        for triple, explanation in found.items():
            known_graph.add(triple)
            remaining.discard(triple)
            if triple in result.inferred:
                result.explanations[triple] = explanation
    result.explain_seconds = time.perf_counter() - started
    return result


def _node(kind: str, *parts: object) -> URIRef:
    return ID[f"{kind}/{hashlib.sha1(chr(31).join(map(str, parts)).encode()).hexdigest()[:16]}"]


def explanation_graph(result: Reasoning, asserted: Graph) -> Graph:
    """Explanations as RDF: one ``rekg:Inference`` per inferred triple, with its rule and
    premises; a premise is the inference that concluded it, or the claim that asserts it."""
    graph = Graph()
    claims: dict[Triple, list[URIRef]] = {}
    for claim in asserted.subjects(RDF.type, REKG.Claim):
        key = (asserted.value(claim, RDF.subject), asserted.value(claim, RDF.predicate), asserted.value(claim, RDF.object))
        claims.setdefault(key, []).append(claim)  # type: ignore[arg-type]
    for triple, explanation in result.explanations.items():
        node = _node("inference", *triple)
        graph.add((node, RDF.type, REKG.Inference))
        graph.add((node, RDF.subject, triple[0]))
        graph.add((node, RDF.predicate, triple[1]))
        graph.add((node, RDF.object, triple[2]))
        graph.add((node, REKG.rule, Literal(explanation.rule)))
        for premise in explanation.premises:
            if premise in result.explanations:
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


@dataclass
class Materialised:
    """What reasoning adds to the store: the inferred graph, its explanations, and figures."""

    inferred: Graph
    explanations: Graph
    reasoning: Reasoning
    hermit_types: int = 0
    hermit_seconds: float | None = None


def materialise(asserted: Graph, ontology: Graph, *, hermit: bool = True,
                on_stage: Callable[[str], None] | None = None) -> Materialised:
    """Reason over ``asserted``; with ``hermit``, first check consistency and classify with
    HermiT, whose class memberships join the inferred graph.

    Raises:
        InconsistentGraph: HermiT finds the graph inconsistent.
    """
    from kg.consistency import classify

    stage = on_stage or (lambda name: None)
    result = reason(asserted, ontology, on_stage=stage)
    hermit_types: set[Triple] = set()
    hermit_seconds = None
    if hermit:
        stage("HermiT consistency and classification")
        started = time.perf_counter()
        data = reasoning_input(asserted)
        known = Graph()
        for triple in (*data, *result.inferred):
            known.add(triple)
        hermit_types = classify(data, ontology, known=known) - result.inferred
        hermit_seconds = time.perf_counter() - started
        for triple in hermit_types:
            result.inferred.add(triple)
            result.explanations[triple] = Explanation("HermiT classification", ())
    inferred = Graph()
    for triple in result.inferred:
        inferred.add(triple)
    return Materialised(inferred, explanation_graph(result, asserted), result, len(hermit_types), hermit_seconds)
