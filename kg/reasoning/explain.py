"""Walk an inferred triple back through its rules and premises to the source quotes."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import RDF, URIRef

from kg.errors import QueryError
from kg.store.base import Store
from kg.vocab import EXPLANATIONS_GRAPH, ID, REKG, SPARQL_PREFIXES

__all__ = ["Step", "explain", "label", "parse_term"]

_PREFIXES = SPARQL_PREFIXES
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


def _premises(store: Store, node: URIRef, seen: set[str]) -> list[Step]:
    steps = []
    for row in store.select(_PREMISES, bindings={"n": node}):
        triple = (str(row["ps"]), str(row["pp"]), str(row["po"]))
        premise = row["premise"]
        if row["kind"] == REKG.Inference:
            if str(premise) in seen:
                continue
            seen.add(str(premise))
            steps.append(Step(triple, str(row["rule"]), _premises(store, premise, seen)))
        else:
            evidence = [(str(r["sourceLabel"]), str(r["quote"])) for r in store.select(_EVIDENCE, bindings={"premise": premise})]
            steps.append(Step(triple, None, evidence=sorted(set(evidence))))
    return steps


def explain(store: Store, subject: URIRef, predicate: URIRef, obj: URIRef) -> Step | None:
    """The explanation tree of an inferred triple, or None when it was not inferred."""
    for row in store.select(_INFERENCE, bindings={"s": subject, "p": predicate, "o": obj}):
        node = row["n"]
        return Step((str(subject), str(predicate), str(obj)), str(row["rule"]), _premises(store, node, {str(node)}))
    return None
