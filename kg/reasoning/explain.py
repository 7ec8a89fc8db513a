"""Why a triple holds, found on demand: rules and premises down to the source quotes."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError
from kg.ontology import load_ontology
from kg.reasoning.rules import Rule, Triple, compile_rules, substitute, unify
from kg.store.base import Store
from kg.store.provenance import update_evidence
from kg.vocab import ID, INFERRED_GRAPH, NAMESPACES, OA, REKG, SPARQL_PREFIXES

__all__ = ["Explainer", "Step", "explain", "explanation_graph", "label", "parse_term"]

# Asserted as a premise: in an asserted graph, and not said of a claim that is not stated as
# fact (a planned supply relation's supplier is no premise of anything)
_ASSERTED = (
    SPARQL_PREFIXES
    + f"""ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != <{INFERRED_GRAPH}>)
  FILTER NOT EXISTS {{ ?s rekg:modality/rekg:isFactual false }} }}"""
)
# The evidence of an asserted triple: the claims that assert it, or, for a triple about an
# n-ary claim node (a supply relation, figure, stake), that node's own evidence, or the
# provenance of the update that asserted it (sourced or not).
_EVIDENCE = (
    SPARQL_PREFIXES
    + f"""SELECT DISTINCT ?s ?p ?o ?sourceLabel ?quote WHERE {{
  {{ {{ ?claim rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }} UNION {{ ?s prov:wasDerivedFrom ?any BIND (?s AS ?claim) }}
    ?claim prov:wasDerivedFrom/rdfs:label ?sourceLabel ; rekg:evidence/oa:hasSelector/oa:exact ?quote . }}
  UNION {{ {update_evidence()} }}
}}"""
)
_LABEL = SPARQL_PREFIXES + "SELECT ?t ?label WHERE { ?t rdfs:label ?label } LIMIT 1"


@dataclass
class Step:
    """One node of an explanation: a triple, the rule that concluded it (None if asserted),
    its premises, and for asserted triples the (source, quote) pairs that state them."""

    triple: tuple[str, str, str]
    rule: str | None
    premises: list[Step] = field(default_factory=list)
    evidence: list[tuple[str, str]] = field(default_factory=list)
    description: str = ""

    def quotes(self) -> list[tuple[str, str]]:
        """Every (source, quote) reached anywhere below this step."""
        found = list(self.evidence)
        for premise in self.premises:
            found += premise.quotes()
        return found


def parse_term(text: str) -> URIRef:
    """An IRI from ``kind/slug``, ``rekg:term``, a bare ontology term, ``a``, or a full IRI.

    >>> str(parse_term("country/JP"))
    'https://w3id.org/rekg/id/country/JP'
    >>> str(parse_term("partnerOf"))
    'https://w3id.org/rekg/ontology#partnerOf'
    """
    if text in ("a", "rdf:type"):
        return RDF.type
    if text.startswith(("http://", "https://")):
        return URIRef(text)
    if text.startswith("rekg:"):
        return REKG[text[5:]]
    if "/" in text:
        return ID[text]
    if text and text.replace("_", "").isalnum():
        return REKG[text]
    raise QueryError(f"cannot read {text!r} as a term: use kind/slug, rekg:term or a full IRI")


def label(store: Store, iri: str) -> str:
    """The rdfs:label of ``iri``, or its last segment."""
    for row in store.select(_LABEL, bindings={"t": URIRef(iri)}):
        return str(row["label"])
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


class Explainer:
    """Finds derivations on demand: for a triple, a rule whose head matches it and whose body
    matches the store (by the rule's own SPARQL), each premise explained in turn, never through
    a triple already on the path, down to asserted triples and their quotes. Successes are
    remembered, so explaining many triples shares the work."""

    def __init__(self, store: Store, rules: list[Rule] | None = None):
        self.store = store
        rules = rules if rules is not None else compile_rules(load_ontology())
        # the project's rules first: they say in one step what symmetry or inverses say in two
        self.rules = sorted(rules, key=lambda rule: rule.name.startswith(("prp-", "cax-", "cls-")))
        self._found: dict[Triple, Step] = {}

    def _asserted(self, triple: Triple) -> Step | None:
        s, p, o = triple
        if not self.store.query(_ASSERTED, bindings={"s": s, "p": p, "o": o}).body.endswith(b"true}"):
            return None
        rows = self.store.select(_EVIDENCE, bindings={"s": s, "p": p, "o": o})
        return Step(_text(triple), None, evidence=sorted({(str(r["sourceLabel"]), str(r["quote"])) for r in rows}))

    def step(self, triple: Triple, path: frozenset[Triple] = frozenset()) -> Step | None:
        """The explanation of ``triple``, or None when it neither is asserted nor follows."""
        if triple in self._found:
            return self._found[triple]
        found = self._asserted(triple) or self._derived(triple, path | {triple})
        if found is not None:
            self._found[triple] = found
        return found

    def _derived(self, triple: Triple, path: frozenset[Triple]) -> Step | None:
        for rule in self.rules:
            binding = unify(rule.head, triple)
            if binding is None:
                continue
            for row in self.store.select(rule.sparql(binding)):
                full = {**binding, **row}
                premises = [substitute(p, full) for p in rule.body]
                if any(p in path for p in premises):
                    continue
                steps = [self.step(p, path) for p in premises]  # type: ignore[arg-type]
                if all(steps):
                    return Step(_text(triple), rule.name, steps, description=rule.description)  # type: ignore[arg-type]
        return None


def _text(triple: Triple) -> tuple[str, str, str]:
    return (str(triple[0]), str(triple[1]), str(triple[2]))


def explanation_graph(step: Step) -> Graph:
    """An explanation as RDF: a ``rekg:Inference`` per derived triple (its statement, rule and
    premises), a ``rekg:AssertedPremise`` per asserted one, with the quotes that state it."""
    graph = Graph()
    for prefix in ("rekg", "rdf", "oa"):
        graph.bind(prefix, NAMESPACES[prefix])

    def node(current: Step) -> BNode:
        here = BNode()
        graph.add((here, RDF.type, REKG.Inference if current.rule else REKG.AssertedPremise))
        for part, value in zip((RDF.subject, RDF.predicate, RDF.object), current.triple):
            graph.add((here, part, URIRef(value) if value.startswith(("http://", "https://")) else Literal(value)))
        if current.rule:
            graph.add((here, REKG.rule, Literal(current.rule)))
        for premise in current.premises:
            graph.add((here, REKG.premise, node(premise)))
        for _, quote in current.evidence:
            graph.add((here, OA.exact, Literal(quote)))
        return here

    node(step)
    return graph


def explain(store: Store, subject: URIRef, predicate: URIRef, obj: Node) -> Step | None:
    """The explanation tree of a triple: asserted (with its quotes) or derived (with the rule
    and the premises it rests on); None when it does not hold."""
    return Explainer(store).step((subject, predicate, obj))
