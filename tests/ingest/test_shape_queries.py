"""The shapes compiled into SPARQL give what pySHACL gives: on the shape test cases, on the real
graph, and on the real graph damaged at random."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import SH

from kg.errors import ShapesLoadError
from kg.ingest.shape_queries import CompiledShapes, compiled_shapes
from kg.ingest.validate import ShapeResult, load_shapes, validate_graph
from kg.ontology import load_ontology
from kg.store.embedded import EmbeddedStore
from kg.store.formats import N_TRIPLES
from kg.vocab import DERIVED_GRAPHS, REKG

CASES = sorted((Path(__file__).parent / "shapes").glob("*.test.ttl"))


def _key(result: ShapeResult) -> tuple:
    """A result with its value compared as a value (the stores write ``140.0`` and ``140``)."""
    try:
        value: object = Decimal(result.value) if result.value is not None else None
    except ArithmeticError:
        value = result.value
    return result.focus, result.path, value, result.message, result.severity


def _both(data: Graph) -> tuple[set, set]:
    ontology = load_ontology()
    expected = {_key(r) for r in validate_graph(data, ontology=ontology).results}
    store = EmbeddedStore()
    store.load((data + ontology).serialize(format="nt", encoding="utf-8"), media_type=N_TRIPLES)
    return expected, {_key(r) for r in compiled_shapes().check(store)}


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_same_results_as_pyshacl_on_each_case(case: Path) -> None:
    expected, found = _both(Graph().parse(case, format="turtle"))
    assert found == expected


@pytest.fixture(scope="module")
def real_graph(store) -> Graph:
    graph = Graph()
    skip = {str(g) for g in DERIVED_GRAPHS}
    for s, p, o, g in store.quads():
        if g not in skip:
            graph.add((s, p, o))
    return graph


def test_same_results_as_pyshacl_on_the_real_graph(real_graph: Graph) -> None:
    expected, found = _both(real_graph)
    assert found == expected == set()


@pytest.mark.parametrize("seed", range(6))
def test_same_results_as_pyshacl_on_random_damage(real_graph: Graph, seed: int) -> None:
    rng = random.Random(seed)
    damaged = Graph()
    for triple in real_graph:
        damaged.add(triple)
    triples = sorted(real_graph, key=str)
    for s, p, o in rng.sample(triples, 40):  # drop statements: labels, sources, types, ...
        damaged.remove((s, p, o))
    for s, p, o in rng.sample(triples, 20):  # wrong values: literals for links, links for literals, bad numbers
        damaged.remove((s, p, o))
        damaged.add(
            (
                s,
                p,
                rng.choice(
                    [
                        Literal("x"),
                        Literal("140", datatype=XSD.decimal),
                        Literal("1850", datatype=XSD.integer),
                        Literal("Japon", lang="fr"),
                        REKG.Country,
                        URIRef(s),
                    ]
                ),
            )
        )
    expected, found = _both(damaged)
    assert expected, "the damage should break some shape"
    assert found == expected


def test_an_unsupported_constraint_is_refused_not_skipped() -> None:
    shapes = load_shapes()
    node = next(shapes.objects(None, SH.property))
    shapes.add((node, SH.hasValue, Literal("x")))
    with pytest.raises(ShapesLoadError, match="hasValue"):
        CompiledShapes(shapes)


def test_focus_restricts_the_results() -> None:
    data = Graph()
    for n in ("a", "b"):
        data.add((URIRef(f"https://w3id.org/rekg/id/country/{n}"), RDF.type, REKG.Country))
    store = EmbeddedStore()
    store.load((data + load_ontology()).serialize(format="nt", encoding="utf-8"), media_type=N_TRIPLES)
    every = {r.focus for r in compiled_shapes().check(store)}
    only = {r.focus for r in compiled_shapes().check(store, [URIRef("https://w3id.org/rekg/id/country/a")])}
    assert every == {"https://w3id.org/rekg/id/country/a", "https://w3id.org/rekg/id/country/b"}
    assert only == {"https://w3id.org/rekg/id/country/a"}
