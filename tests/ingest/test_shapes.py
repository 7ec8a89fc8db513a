"""The SHACL shapes: valid SHACL themselves, and each case file gives its expected results."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph

from kg.ingest.validate import load_shapes, validate_graph
from kg.ontology import load_ontology

CASES = sorted((Path(__file__).parent / "shapes").glob("*.test.ttl"))


def test_shapes_conform_to_shacl_shacl() -> None:
    shapes = load_shapes()
    conforms, _, text = validate(Graph(), shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


def test_every_property_shape_speaks_to_the_sheet_author() -> None:
    shapes = load_shapes()
    result = shapes.query(
        """PREFIX sh: <http://www.w3.org/ns/shacl#>
        SELECT ?shape WHERE { ?node sh:property ?shape .
          FILTER NOT EXISTS { ?shape sh:message ?m ; sh:name ?n ; sh:description ?d ; sh:severity ?s } }"""
    )
    assert list(result) == []


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_shape_case(case: Path) -> None:
    expected_line = case.read_text().splitlines()[0]
    expected = [part.strip() for part in expected_line.split(":", 1)[1].split(",")]
    report = validate_graph(Graph().parse(case, format="turtle"), ontology=load_ontology())
    if expected == ["conforms"]:
        assert report.violations == [], report.text
        return
    found = sorted({r.path or "sparql" for r in report.violations})
    assert found == sorted(expected), report.text
