"""The rules reasoning applies: OWL 2 RL rules in the forms the ontology uses (they explain
the closure) and the project's own rules (what OWL 2 RL cannot say). Rules are data: a name,
a description, a SPARQL pattern, the triple concluded and the premises it rests on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import OWL, RDF, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.query import ResultRow

from kg.vocab import NAMESPACES, entity_iri

__all__ = ["OWL_RULES", "PROJECT_RULES", "RULES", "Rule", "Triple", "defined_class_matches"]

Triple = tuple[URIRef, URIRef, URIRef | Literal]

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
        for row in graph.query(f"SELECT * WHERE {{ {self.where} }}", initNs=NAMESPACES):
            assert isinstance(row, ResultRow)
            binding = row.asdict()
            term = lambda text: binding[text[1:]] if text.startswith("?") else _expand(text)  # noqa: E731
            yield tuple(map(term, self.conclusion)), [tuple(map(term, p)) for p in self.premises]  # type: ignore[misc]


def _expand(name: str) -> URIRef:
    prefix, local = name.split(":", 1)
    return URIRef(NAMESPACES[prefix] + local)


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
         f"?o rekg:operates ?f . ?f a rekg:Refinery ; rekg:locatedIn ?c . ?c a rekg:Country . FILTER (?c != <{entity_iri('country/CN')}>)",
         ("?o", "rdf:type", "rekg:RefinerOutsideChina"),
         (("?o", "rekg:operates", "?f"), ("?f", "rdf:type", "rekg:Refinery"), ("?f", "rekg:locatedIn", "?c"), ("?c", "rdf:type", "rekg:Country"))),
    Rule("single-supplier-dependence", "a country that gets at least 50 % of its needs for a material from one supplier",
         "?r a rekg:SupplyRelation ; rekg:customer ?c ; rekg:supplier ?s ; rekg:share ?share . ?c a rekg:Country . FILTER (?share >= 50)",
         ("?c", "rdf:type", "rekg:SingleSupplierDependentCountry"),
         (("?r", "rekg:customer", "?c"), ("?r", "rekg:supplier", "?s"), ("?r", "rekg:share", "?share"))),
]

RULES = OWL_RULES + PROJECT_RULES


def defined_class_matches(graph: Graph) -> Iterable[tuple[Triple, list[Triple], str]]:
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


