"""The rules reasoning applies, as data: a head, body patterns and filters.

The OWL 2 RL rules (their W3C names) are instantiated from the ontology's axioms, so each
compiled rule has constant predicates (``prp-symp`` over ``rekg:coMemberOf`` reads only
``coMemberOf`` triples); the project's own rules say what OWL 2 RL cannot (differences,
thresholds, n-ary relations). The same rules drive the engine
(:mod:`~kg.reasoning.engine`), the consistency check and, as SPARQL, the explanations
(:mod:`~kg.reasoning.explain`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeGuard, cast

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg.vocab import REKG, entity_iri, short_name

__all__ = [
    "PROJECT_RULES",
    "AtLeast",
    "Contradiction",
    "Distinct",
    "Filter",
    "Pattern",
    "Rule",
    "Triple",
    "compile_contradictions",
    "compile_rules",
    "is_var",
    "substitute",
    "unify",
]

Triple = tuple[Node, Node, Node]
Pattern = tuple[Node | str, Node | str, Node | str]
"""A triple pattern: ``"?name"`` strings are variables, anything else a constant term."""
Binding = Mapping[str, Node]
Objects = Callable[[Node, Node], Iterable[Node]]
"""Looks up the objects of (subject, predicate) in the graph a filter is checked against."""


def is_var(term: object) -> TypeGuard[str]:
    """Whether a pattern term is a variable (a plain ``"?name"`` string, not an RDF term)."""
    return type(term) is str and term.startswith("?")


def substitute(pattern: Pattern, binding: Binding) -> Pattern:
    """``pattern`` with its bound variables replaced by their values."""
    return tuple(binding.get(t[1:], t) if is_var(t) else t for t in pattern)  # type: ignore[return-value]  # a 3-tuple in, a 3-tuple out


def unify(pattern: Pattern, triple: Triple, binding: Binding | None = None) -> dict[str, Node] | None:
    """``binding`` extended so that ``pattern`` matches ``triple``, or None when it cannot."""
    extended = dict(binding or {})
    for term, value in zip(pattern, triple):
        if is_var(term):
            if extended.setdefault(term[1:], value) != value:
                return None
        elif term != value:
            return None
    return extended


def _sparql_term(term: Node | str, binding: Binding) -> str:
    """A term as SPARQL: a bound variable as its value, an unbound one as itself."""
    if is_var(term):
        value = binding.get(term[1:])
        return term if value is None else value.n3()
    return cast(Node, term).n3()  # not a variable: a term (a URIRef is a str too, so no isinstance)


@dataclass(frozen=True)
class Distinct:
    """The two terms differ (``FILTER (?x != ?y)``)."""

    left: str
    right: Node | str

    def holds(self, binding: Binding, objects: Objects) -> bool:
        """Whether the filter passes for ``binding``."""
        return binding[self.left[1:]] != (binding[self.right[1:]] if is_var(self.right) else self.right)

    def sparql(self, binding: Binding) -> str:
        """The filter as SPARQL, ``binding`` substituted."""
        return f"FILTER ({_sparql_term(self.left, binding)} != {_sparql_term(self.right, binding)})"


@dataclass(frozen=True)
class AtLeast:
    """A numeric value is at least ``bound``."""

    variable: str
    bound: float

    def holds(self, binding: Binding, objects: Objects) -> bool:
        """Whether the filter passes for ``binding``."""
        value = binding[self.variable[1:]]
        try:
            return isinstance(value, Literal) and float(value) >= self.bound
        except ValueError:
            return False

    def sparql(self, binding: Binding) -> str:
        """The filter as SPARQL, ``binding`` substituted."""
        return f"FILTER ({_sparql_term(self.variable, binding)} >= {self.bound})"


Filter = Distinct | AtLeast


@dataclass(frozen=True)
class Rule:
    """If every body pattern matches and every filter holds, the head holds."""

    name: str
    description: str
    head: Pattern
    body: tuple[Pattern, ...]
    filters: tuple[Filter, ...] = ()

    def sparql(self, binding: Binding | None = None) -> str:
        """The body as a SPARQL SELECT (over the union of all graphs), ``binding`` substituted."""
        bound = binding or {}
        patterns = " . ".join(" ".join(_sparql_term(t, bound) for t in p) for p in self.body)
        filters = " ".join(f.sparql(bound) for f in self.filters)
        free = sorted({t for p in self.body for t in p if is_var(t) and t[1:] not in bound})
        return f"SELECT DISTINCT {' '.join(free) or '*'} WHERE {{ {patterns} . {filters} }}"


@dataclass(frozen=True)
class Contradiction:
    """A pattern that must never match: the data breaks ``axiom``."""

    name: str
    axiom: str
    body: tuple[Pattern, ...]
    subject: str = "?x"


# The project's own rules: what OWL 2 RL cannot say (differences, thresholds, n-ary relations).
# They read plain triples only: a claim that is not stated as fact (planned, proposed, talks, …)
# is no plain triple and no node of the n-ary classes, so no rule can fire on it.

PROJECT_RULES = (
    Rule(
        "co-party",
        "two different parties to the same agreement",
        ("?x", REKG.coPartyOf, "?y"),
        (("?x", REKG.partyTo, "?a"), ("?a", REKG.party, "?y")),
        (Distinct("?x", "?y"),),
    ),
    Rule(
        "co-member",
        "two different members of the same alliance or organisation",
        ("?x", REKG.coMemberOf, "?y"),
        (("?x", REKG.memberOf, "?a"), ("?a", REKG.hasMember, "?y")),
        (Distinct("?x", "?y"),),
    ),
    Rule("partner-via-agreement", "co-parties to an agreement are partners", ("?x", REKG.partnerOf, "?y"), (("?x", REKG.coPartyOf, "?y"),)),
    Rule(
        "partner-via-alliance",
        "co-members of an alliance or organisation are partners",
        ("?x", REKG.partnerOf, "?y"),
        (("?x", REKG.coMemberOf, "?y"),),
    ),
    Rule(
        "supplies-to",
        "the supplier of a supply relation supplies its customer",
        ("?x", REKG.suppliesTo, "?y"),
        (("?r", RDF.type, REKG.SupplyRelation), ("?r", REKG.supplier, "?x"), ("?r", REKG.customer, "?y")),
        (Distinct("?x", "?y"),),
    ),
    Rule(
        "flows-into-country",
        "a supply relation to a country flows into that country",
        ("?r", REKG.destinationCountry, "?c"),
        (("?r", RDF.type, REKG.SupplyRelation), ("?r", REKG.customer, "?c"), ("?c", RDF.type, REKG.Country)),
    ),
    Rule(
        "flows-into-head-office-country",
        "a supply relation to a company flows into the country of its head office",
        ("?r", REKG.destinationCountry, "?c"),
        (("?r", RDF.type, REKG.SupplyRelation), ("?r", REKG.customer, "?b"), ("?b", REKG.headquarteredIn, "?c")),
    ),
    Rule(
        "supply-reaches-producers",
        "a supplier of a material to a country is upstream of that country's producers of goods made from it",
        ("?s", REKG.upstreamOf, "?maker"),
        (
            ("?r", RDF.type, REKG.SupplyRelation),
            ("?r", REKG.supplier, "?s"),
            ("?r", REKG.customer, "?c"),
            ("?r", REKG.material, "?m"),
            ("?product", REKG.madeFrom, "?m"),
            ("?c", RDF.type, REKG.Country),
            ("?maker", REKG.headquarteredIn, "?c"),
            ("?maker", REKG.produces, "?product"),
        ),
        (Distinct("?s", "?maker"),),
    ),
    Rule(
        "refiner-outside-china",
        "an organisation operating a refinery in a country other than China",
        ("?o", RDF.type, REKG.RefinerOutsideChina),
        (("?o", REKG.operates, "?f"), ("?f", RDF.type, REKG.Refinery), ("?f", REKG.locatedIn, "?c"), ("?c", RDF.type, REKG.Country)),
        (Distinct("?c", URIRef(entity_iri("country/CN"))),),
    ),
    Rule(
        "single-supplier-dependence",
        "a country that gets at least 50 % of its needs for a material from one supplier",
        ("?c", RDF.type, REKG.SingleSupplierDependentCountry),
        (
            ("?r", RDF.type, REKG.SupplyRelation),
            ("?r", REKG.customer, "?c"),
            ("?r", REKG.supplier, "?s"),
            ("?r", REKG.share, "?share"),
            ("?c", RDF.type, REKG.Country),
        ),
        (AtLeast("?share", 50),),
    ),
)


def _iris(graph: Graph, predicate: URIRef) -> Iterable[tuple[URIRef, URIRef]]:
    for s, o in graph.subject_objects(predicate):
        if isinstance(s, URIRef) and isinstance(o, URIRef):
            yield s, o


def _iris_and_nodes(graph: Graph, predicate: URIRef) -> Iterable[tuple[URIRef, Node]]:
    for s, o in graph.subject_objects(predicate):
        if isinstance(s, URIRef):
            yield s, o


def _typed(graph: Graph, kind: URIRef) -> list[URIRef]:
    return sorted(s for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef))


def _owl_rules(tbox: Graph) -> Iterable[Rule]:
    for p in _typed(tbox, OWL.SymmetricProperty):
        yield Rule("prp-symp", f"{short_name(p)} is symmetric", ("?y", p, "?x"), (("?x", p, "?y"),))
    transitive = _typed(tbox, OWL.TransitiveProperty)
    inverses = {(p, q) for p, q in _iris(tbox, OWL.inverseOf)} | {(q, p) for p, q in _iris(tbox, OWL.inverseOf)}
    for p in transitive:
        if any((p, q) in inverses and q < p for q in transitive):
            continue  # the inverse of a transitive property is transitive: prp-inv1/2 carry its closure over
        yield Rule("prp-trp", f"{short_name(p)} is transitive", ("?x", p, "?z"), (("?x", p, "?y"), ("?y", p, "?z")))
    for p, q in _iris(tbox, OWL.inverseOf):
        yield Rule("prp-inv1", f"{short_name(q)} is the inverse of {short_name(p)}", ("?y", q, "?x"), (("?x", p, "?y"),))
        yield Rule("prp-inv2", f"{short_name(p)} is the inverse of {short_name(q)}", ("?y", p, "?x"), (("?x", q, "?y"),))
    for p, q in _iris(tbox, RDFS.subPropertyOf):
        yield Rule("prp-spo1", f"{short_name(p)} is a sub-property of {short_name(q)}", ("?x", q, "?y"), (("?x", p, "?y"),))
    for p, q in _iris(tbox, OWL.equivalentProperty):
        yield Rule("prp-eqp1", f"{short_name(p)} is equivalent to {short_name(q)}", ("?x", q, "?y"), (("?x", p, "?y"),))
        yield Rule("prp-eqp2", f"{short_name(q)} is equivalent to {short_name(p)}", ("?x", p, "?y"), (("?x", q, "?y"),))
    for p, chain in _iris_and_nodes(tbox, OWL.propertyChainAxiom):
        steps = [s for s in Collection(tbox, chain) if isinstance(s, URIRef)]
        body = tuple((f"?u{i}", step, f"?u{i + 1}") for i, step in enumerate(steps))
        yield Rule(
            "prp-spo2", f"{short_name(p)} is the chain {' / '.join(short_name(s) for s in steps)}", ("?u0", p, f"?u{len(steps)}"), body
        )
    for p, c in _iris(tbox, RDFS.domain):
        yield Rule("prp-dom", f"the domain of {short_name(p)} is {short_name(c)}", ("?x", RDF.type, c), (("?x", p, "?y"),))
    for p, c in _iris(tbox, RDFS.range):
        if (p, RDF.type, OWL.DatatypeProperty) not in tbox:
            yield Rule("prp-rng", f"the range of {short_name(p)} is {short_name(c)}", ("?y", RDF.type, c), (("?x", p, "?y"),))
    for c, d in _iris(tbox, RDFS.subClassOf):
        yield Rule("cax-sco", f"{short_name(c)} is a subclass of {short_name(d)}", ("?x", RDF.type, d), (("?x", RDF.type, c),))
    for c, expression in _iris_and_nodes(tbox, OWL.equivalentClass):
        if isinstance(expression, URIRef):
            yield Rule(
                "cax-eqc1",
                f"{short_name(c)} is equivalent to {short_name(expression)}",
                ("?x", RDF.type, expression),
                (("?x", RDF.type, c),),
            )
            yield Rule(
                "cax-eqc2",
                f"{short_name(expression)} is equivalent to {short_name(c)}",
                ("?x", RDF.type, c),
                (("?x", RDF.type, expression),),
            )
        elif (members := tbox.value(expression, OWL.intersectionOf)) is not None and isinstance(c, URIRef):
            yield from _intersection_rules(tbox, c, list(Collection(tbox, members)))


def _intersection_rules(tbox: Graph, defined: URIRef, parts: list[Node]) -> Iterable[Rule]:
    """cls-int1 (all parts make a member), cls-int2 and cls-hv2 (a member has every part)."""
    conditions: list[Pattern] = []
    for part in parts:
        if isinstance(part, URIRef):
            conditions.append(("?x", RDF.type, part))
        elif (value := tbox.value(part, OWL.hasValue)) is not None:
            conditions.append(("?x", tbox.value(part, OWL.onProperty), value))  # type: ignore[arg-type]
        else:
            return  # a part OWL 2 RL cannot use in this position: no rule
    name = short_name(defined)
    yield Rule("cls-int1", f"{name} is the intersection of its parts", ("?x", RDF.type, defined), tuple(conditions))
    for condition in conditions:
        kind = "cls-int2" if condition[1] == RDF.type else "cls-hv2"
        yield Rule(kind, f"every {name} meets each part of its definition", condition, (("?x", RDF.type, defined),))


def compile_rules(ontology: Graph) -> list[Rule]:
    """Every rule over ``ontology``: the OWL 2 RL rules its axioms call for, then the project's."""
    return [*_owl_rules(ontology), *PROJECT_RULES]


def compile_contradictions(ontology: Graph) -> list[Contradiction]:
    """The OWL 2 RL inconsistency rules its axioms call for (cax-dw, cax-adc, prp-asyp, prp-irp,
    prp-pdw, cls-nothing2)."""
    found = [Contradiction("cls-nothing2", "nothing is a member of owl:Nothing", (("?x", RDF.type, OWL.Nothing),))]
    pairs = [(a, b, "owl:disjointWith") for a, b in _iris(ontology, OWL.disjointWith)]
    for group in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
        listed = ontology.value(group, OWL.members)
        members = [m for m in Collection(ontology, listed) if isinstance(m, URIRef)] if listed is not None else []
        pairs += [(a, b, "owl:AllDisjointClasses") for i, a in enumerate(members) for b in members[i + 1 :]]
    for a, b, axiom in pairs:
        found.append(
            Contradiction(
                "cax-dw" if axiom == "owl:disjointWith" else "cax-adc",
                f"{short_name(a)} and {short_name(b)} are disjoint ({axiom})",
                (("?x", RDF.type, a), ("?x", RDF.type, b)),
            )
        )
    for p in _typed(ontology, OWL.AsymmetricProperty):
        found.append(Contradiction("prp-asyp", f"{short_name(p)} is asymmetric", (("?x", p, "?y"), ("?y", p, "?x"))))
    for p in _typed(ontology, OWL.IrreflexiveProperty):
        found.append(Contradiction("prp-irp", f"{short_name(p)} is irreflexive", (("?x", p, "?x"),)))
    for p, q in _iris(ontology, OWL.propertyDisjointWith):
        found.append(
            Contradiction("prp-pdw", f"{short_name(p)} and {short_name(q)} are disjoint properties", (("?x", p, "?y"), ("?x", q, "?y")))
        )
    return found
