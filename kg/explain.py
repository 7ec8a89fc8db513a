"""Walk an inferred triple back through its rules and premises to the source quotes."""

from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import NamedNode, Store, Variable

from kg.errors import QueryError
from kg.namespaces import EXPLANATIONS_GRAPH, ID, REKG

__all__ = ["Step", "explain", "parse_term"]

_PREFIXES = """PREFIX rekg: <https://w3id.org/rekg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""
_INFERENCE = _PREFIXES + f"""SELECT ?s ?p ?o ?n ?rule WHERE {{ GRAPH <{EXPLANATIONS_GRAPH}> {{
  ?n a rekg:Inference ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; rekg:rule ?rule }} }}"""
_PREMISES = _PREFIXES + f"""SELECT ?n ?premise ?kind ?ps ?pp ?po ?rule WHERE {{ GRAPH <{EXPLANATIONS_GRAPH}> {{
  ?n rekg:premise ?premise . ?premise a ?kind ; rdf:subject ?ps ; rdf:predicate ?pp ; rdf:object ?po .
  OPTIONAL {{ ?premise rekg:rule ?rule }} }} }}"""
# The evidence of an asserted premise: the claims that assert it, or, for a premise about an
# n-ary claim node (a supply relation, figure, stake), that node's own evidence.
_EVIDENCE = _PREFIXES + f"""SELECT DISTINCT ?premise ?sourceLabel ?quote WHERE {{
  {{ GRAPH <{EXPLANATIONS_GRAPH}> {{ ?premise rekg:assertedBy ?claim }} }}
  UNION {{ GRAPH <{EXPLANATIONS_GRAPH}> {{ ?premise rdf:subject ?claim }} ?claim prov:wasDerivedFrom ?any }}
  ?claim prov:wasDerivedFrom/rdfs:label ?sourceLabel ; rekg:evidence/oa:hasSelector/oa:exact ?quote .
}}"""
_LABEL = _PREFIXES + "SELECT ?t ?label WHERE { ?t rdfs:label ?label } LIMIT 1"


@dataclass
class Step:
    """One node of an explanation: a triple, the rule that concluded it (None if asserted),
    its premises, and for asserted triples the (source, quote) pairs that state them."""

    triple: tuple[str, str, str]
    rule: str | None
    premises: list[Step] = field(default_factory=list)
    evidence: list[tuple[str, str]] = field(default_factory=list)

    def quotes(self) -> list[tuple[str, str]]:
        """Every (source, quote) reached anywhere below this step."""
        found = list(self.evidence)
        for premise in self.premises:
            found += premise.quotes()
        return found


def parse_term(text: str) -> NamedNode:
    """An IRI from ``kind/slug``, ``rekg:term``, a bare ontology term, ``a``, or a full IRI.

    >>> parse_term("country/JP").value
    'https://w3id.org/rekg/id/country/JP'
    >>> parse_term("partnerOf").value
    'https://w3id.org/rekg/ontology#partnerOf'
    """
    if text in ("a", "rdf:type"):
        return NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    if text.startswith(("http://", "https://")):
        return NamedNode(text)
    if text.startswith("rekg:"):
        return NamedNode(str(REKG) + text[5:])
    if "/" in text:
        return NamedNode(str(ID) + text)
    if text and text.replace("_", "").isalnum():
        return NamedNode(str(REKG) + text)
    raise QueryError(f"cannot read {text!r} as a term: use kind/slug, rekg:term or a full IRI")


def label(store: Store, iri: str) -> str:
    """The rdfs:label of ``iri``, or its last segment."""
    for row in store.query(_LABEL, use_default_graph_as_union=True, substitutions={Variable("t"): NamedNode(iri)}):
        return row["label"].value
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _premises(store: Store, node: NamedNode, seen: set[str]) -> list[Step]:
    steps = []
    rows = list(store.query(_PREMISES, substitutions={Variable("n"): node}))
    for row in rows:
        triple = (row["ps"].value, row["pp"].value, row["po"].value)
        premise = row["premise"]
        if row["kind"].value == str(REKG.Inference):
            if premise.value in seen:
                continue
            seen.add(premise.value)
            steps.append(Step(triple, row["rule"].value, _premises(store, premise, seen)))
        else:
            evidence = [(r["sourceLabel"].value, r["quote"].value) for r in store.query(
                _EVIDENCE, use_default_graph_as_union=True, substitutions={Variable("premise"): premise})]
            steps.append(Step(triple, None, evidence=sorted(set(evidence))))
    return steps


def explain(store: Store, subject: NamedNode, predicate: NamedNode, obj: NamedNode) -> Step | None:
    """The explanation tree of an inferred triple, or None when it was not inferred."""
    substitutions = {Variable("s"): subject, Variable("p"): predicate, Variable("o"): obj}
    for row in store.query(_INFERENCE, substitutions=substitutions):
        node = row["n"]
        return Step((subject.value, predicate.value, obj.value), row["rule"].value, _premises(store, node, {node.value}))
    return None
