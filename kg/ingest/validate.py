"""The SHACL gate: validate a graph against ``shapes/`` and report each result."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pyshacl import validate
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from kg.errors import ShapesLoadError
from kg.vocab import SHAPES_DIR

__all__ = ["ShapeResult", "ValidationReport", "load_shapes", "local_name", "path_name", "shown_value", "validate_graph"]


@dataclass(frozen=True)
class ShapeResult:
    """One SHACL result: the node, the property path, the offending value and the message."""

    focus: str
    path: str | None
    value: str | None
    message: str
    severity: str

    @property
    def is_violation(self) -> bool:
        """True when the result fails the build (severity Violation)."""
        return self.severity == "Violation"


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of a SHACL run: data that fails validation is a result, not an exception."""

    conforms: bool
    results: list[ShapeResult]
    graph: Graph
    text: str

    @property
    def violations(self) -> list[ShapeResult]:
        """Only the results that fail the build."""
        return [r for r in self.results if r.is_violation]


def load_shapes(shapes_dir: Path = SHAPES_DIR) -> Graph:
    """Parse every ``*.ttl`` file of ``shapes_dir`` into one graph."""
    shapes = Graph()
    for path in sorted(shapes_dir.glob("*.ttl")):
        try:
            shapes.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises several parser-specific types
            raise ShapesLoadError(f"cannot parse SHACL shapes {path}: {exc}") from exc
    if not len(shapes):
        raise ShapesLoadError(f"no SHACL shapes found in {shapes_dir}")
    return shapes


def local_name(term: object) -> str | None:
    """The part of an IRI after ``#`` (``isoCode``, ``Violation``); other terms as text."""
    if term is None:
        return None
    text = str(term)
    return text.rsplit("#", 1)[-1] if isinstance(term, URIRef) and "#" in text else text


def shown_value(value: object) -> str | None:
    """A result's value as the report shows it: a literal or IRI as text, a blank node not at all."""
    return str(value) if isinstance(value, (Literal, URIRef)) else None


def path_name(graph: Graph, path: object) -> str | None:
    """A SHACL path as the report shows it: a predicate's local name, a sequence's joined by ``/``."""
    if isinstance(path, BNode):
        return "/".join(local_name(step) or "" for step in Collection(graph, path))
    return local_name(path)


def validate_graph(
    data: Graph, *, ontology: Graph | None = None, shapes: Graph | None = None, focus_nodes: list[URIRef] | None = None
) -> ValidationReport:
    """Validate ``data`` against the shapes. The class hierarchy comes from ``ontology`` when
    given (mixed into a copy of the data); without it, ``data`` must hold the ontology itself
    (a build's dataset does) and is validated in place, uncopied. With ``focus_nodes``, only
    those nodes are validated (against every shape that targets them).

    >>> from kg.ontology import load_ontology
    >>> from kg.vocab import ID, REKG
    >>> g = Graph(); _ = g.add((ID["country/JP"], RDF.type, REKG.Country))
    >>> report = validate_graph(g, ontology=load_ontology())
    >>> report.conforms, sorted(r.path for r in report.violations)
    (False, ['isoCode', 'label'])
    """
    conforms, report_graph, text = validate(
        data,
        shacl_graph=shapes if shapes is not None else load_shapes(),
        ont_graph=ontology,
        inference="none",
        allow_warnings=True,
        inplace=ontology is None,
        focus_nodes=focus_nodes or None,
    )
    results = []
    for node in report_graph.subjects(RDF.type, SH.ValidationResult):
        message = report_graph.value(node, SH.resultMessage)
        severity = report_graph.value(node, SH.resultSeverity)
        value = report_graph.value(node, SH.value)
        results.append(
            ShapeResult(
                focus=str(report_graph.value(node, SH.focusNode)),
                path=path_name(report_graph, report_graph.value(node, SH.resultPath)),
                value=shown_value(value),
                message=str(message) if message else "violates a shape",
                severity=local_name(severity) or "Violation",
            )
        )
    results.sort(key=lambda r: (r.focus, r.path or "", r.message))
    return ValidationReport(bool(conforms), results, report_graph, str(text))
