"""The SHACL gate at scale: the shapes compiled into SPARQL queries over a store.

pySHACL walks an rdflib graph in Python, which takes minutes for a change of a million
triples. Here each property shape becomes one SPARQL query (its targets and their values,
``OPTIONAL`` so that a missing value shows), run by the store's engine; the constraint
components the shapes use are checked on the rows. Only the components below are compiled; a
shape using any other fails loudly (:class:`~kg.errors.ShapesLoadError`) rather than being
skipped. pySHACL stays the reference: ``tests/ingest/test_shape_queries.py`` shows both give
the same results on the real graph, the shape test cases and random damage to the real graph.

Supported: ``sh:targetClass`` (with subclasses), predicate and sequence paths, ``sh:minCount``,
``sh:maxCount``, ``sh:class``, ``sh:datatype``, ``sh:nodeKind sh:IRI``, ``sh:pattern``,
``sh:minLength``, ``sh:languageIn``, ``sh:uniqueLang``, ``sh:minInclusive``,
``sh:maxInclusive``, ``sh:or`` of datatype alternatives and SPARQL-based constraints.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from kg.errors import ShapesLoadError
from kg.ingest.validate import ShapeResult, load_shapes, local_name, path_name, shown_value
from kg.store.base import Store

__all__ = ["CompiledShapes", "compiled_shapes"]

_SHAPE_KEYS = {SH.path, SH.name, SH.description, SH.message, SH.severity, URIRef("http://www.w3.org/2000/01/rdf-schema#seeAlso")}
_TYPE_PATH = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>/<http://www.w3.org/2000/01/rdf-schema#subClassOf>*"
_LANG_STRING = RDF.langString

ValueCheck = Callable[[Node], bool]
"""A per-value constraint: True when the value passes."""


def _datatype_of(value: Node) -> URIRef | None:
    if not isinstance(value, Literal):
        return None
    if value.language:
        return _LANG_STRING
    return value.datatype or XSD.string


def _has_datatype(datatype: URIRef) -> ValueCheck:
    return lambda v: _datatype_of(v) == datatype and not getattr(v, "ill_typed", False)


def _number(value: Node) -> Decimal | None:
    if not isinstance(value, Literal) or value.language:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _language_in(tags: list[str]) -> ValueCheck:
    def check(value: Node) -> bool:
        language = (value.language or "").lower() if isinstance(value, Literal) else ""
        return bool(language) and any(language == t or language.startswith(t + "-") for t in tags)

    return check


@dataclass
class _PropertyShape:
    """One property shape, compiled: its query and the checks run on its rows."""

    target: URIRef
    path: str
    path_name: str | None
    message: str
    severity: str
    min_count: int = 0
    max_count: int | None = None
    unique_lang: bool = False
    checks: list[ValueCheck] = field(default_factory=list)
    classes: list[URIRef] = field(default_factory=list)

    def query(self) -> str:
        return f"SELECT DISTINCT ?this ?value WHERE {{ ?this {_TYPE_PATH} <{self.target}> . OPTIONAL {{ ?this {self.path} ?value }} }}"


@dataclass
class _SparqlConstraint:
    target: URIRef
    select: str
    message: str
    severity: str


class CompiledShapes:
    """The shapes graph compiled once; :meth:`check` runs it over a store."""

    def __init__(self, shapes: Graph):
        self.properties: list[_PropertyShape] = []
        self.sparql: list[_SparqlConstraint] = []
        for node_shape in sorted(shapes.subjects(RDF.type, SH.NodeShape)):
            targets = list(shapes.objects(node_shape, SH.targetClass))
            unknown = {p for p, _ in shapes.predicate_objects(node_shape)} - {
                RDF.type,
                SH.targetClass,
                SH.property,
                SH.sparql,
                URIRef("http://www.w3.org/2000/01/rdf-schema#comment"),
            }
            if unknown:
                raise ShapesLoadError(f"shape {node_shape}: not supported by the SPARQL gate: {sorted(map(str, unknown))}")
            for target in targets:
                for prop in shapes.objects(node_shape, SH.property):
                    self.properties.append(self._property(shapes, target, prop))
                for constraint in shapes.objects(node_shape, SH.sparql):
                    self.sparql.append(
                        _SparqlConstraint(
                            target,
                            str(shapes.value(constraint, SH.select)),
                            str(shapes.value(constraint, SH.message)),
                            local_name(shapes.value(constraint, SH.severity)) or "Violation",
                        )
                    )

    @staticmethod
    def _property(shapes: Graph, target: URIRef, node: Node) -> _PropertyShape:
        path_node = shapes.value(node, SH.path)
        steps = [path_node] if isinstance(path_node, URIRef) else list(Collection(shapes, path_node))
        if not steps or not all(isinstance(s, URIRef) for s in steps):
            raise ShapesLoadError(f"property shape on {target}: only predicate and sequence paths are supported")
        shape = _PropertyShape(
            target,
            "/".join(f"<{s}>" for s in steps),
            path_name(shapes, path_node),
            str(shapes.value(node, SH.message) or "violates a shape"),
            local_name(shapes.value(node, SH.severity)) or "Violation",
        )
        for key, value in shapes.predicate_objects(node):
            if key in _SHAPE_KEYS or key == SH.flags:  # flags are read with the pattern
                continue
            if key == SH.minCount:
                shape.min_count = int(value)
            elif key == SH.maxCount:
                shape.max_count = int(value)
            elif key == SH.uniqueLang:
                shape.unique_lang = bool(value.toPython())
            elif key == SH["class"]:
                shape.classes.append(value)  # type: ignore[arg-type]
            elif key == SH.datatype:
                shape.checks.append(_has_datatype(value))  # type: ignore[arg-type]
            elif key == SH.nodeKind and value == SH.IRI:
                shape.checks.append(lambda v: isinstance(v, URIRef))
            elif key == SH.pattern:
                flags = re.IGNORECASE if "i" in str(shapes.value(node, SH.flags) or "") else 0
                shape.checks.append(
                    lambda v, r=re.compile(str(value), flags): isinstance(v, (Literal, URIRef)) and r.search(str(v)) is not None
                )
            elif key == SH.minLength:
                shape.checks.append(lambda v, n=int(value): isinstance(v, (Literal, URIRef)) and len(str(v)) >= n)
            elif key == SH.languageIn:
                shape.checks.append(_language_in([str(t).lower() for t in Collection(shapes, value)]))
            elif key == SH.minInclusive:
                shape.checks.append(lambda v, low=Decimal(str(value)): (n := _number(v)) is not None and n >= low)
            elif key == SH.maxInclusive:
                shape.checks.append(lambda v, high=Decimal(str(value)): (n := _number(v)) is not None and n <= high)
            elif key == SH["or"]:
                alternatives = [shapes.value(member, SH.datatype) for member in Collection(shapes, value)]
                if not all(isinstance(a, URIRef) for a in alternatives):
                    raise ShapesLoadError(f"property shape on {target}: sh:or is supported with datatype alternatives only")
                shape.checks.append(
                    lambda v, options=frozenset(alternatives): _datatype_of(v) in options and not getattr(v, "ill_typed", False)
                )
            else:
                raise ShapesLoadError(f"property shape on {target}: {key} is not supported by the SPARQL gate")
        return shape

    def check(self, store: Store, focus: Iterable[Node] | None = None) -> list[ShapeResult]:
        """Every result of the shapes over ``store`` (which must hold the class hierarchy),
        for all targets or only the nodes in ``focus``."""
        wanted = None if focus is None else set(focus)
        instances = cache(lambda cls: {r["x"] for r in store.select(f"SELECT DISTINCT ?x WHERE {{ ?x {_TYPE_PATH} <{cls}> }}")})
        results: set[ShapeResult] = set()
        for shape in self.properties:
            values: defaultdict[Node, list[Node]] = defaultdict(list)
            for row in store.select(shape.query()):
                if wanted is None or row["this"] in wanted:
                    found = values[row["this"]]
                    if "value" in row:
                        found.append(row["value"])
            for this, found in values.items():
                report = lambda value=None: results.add(  # noqa: E731
                    ShapeResult(str(this), shape.path_name, shown_value(value), shape.message, shape.severity)
                )
                if len(found) < shape.min_count or (shape.max_count is not None and len(found) > shape.max_count):
                    report()
                for value in found:
                    if not all(check(value) for check in shape.checks) or any(value not in instances(c) for c in shape.classes):
                        report(value)
                if shape.unique_lang:
                    tags = Counter(v.language for v in found if isinstance(v, Literal) and v.language)
                    for _ in (t for t, n in tags.items() if n > 1):
                        report()
        for constraint in self.sparql:
            targets = instances(constraint.target)
            for row in store.select(constraint.select):
                this = row.get("this")
                if this in targets and (wanted is None or this in wanted):
                    results.add(ShapeResult(str(this), None, shown_value(row.get("value")), constraint.message, constraint.severity))
        return sorted(results, key=lambda r: (r.focus, r.path or "", r.message, r.value or ""))


@cache
def compiled_shapes() -> CompiledShapes:
    """The project's shapes (``shapes/``), compiled once per process."""
    return CompiledShapes(load_shapes())
