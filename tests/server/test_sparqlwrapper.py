"""The server used through SPARQLWrapper, as a real client program would."""

from __future__ import annotations

import csv
import io

import pytest
from rdflib import Graph, URIRef
from SPARQLWrapper import CSV, GET, JSON, JSONLD, N3, POST, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from tests.conftest import LiveServer

PREFIXES = "PREFIX rekg: <https://w3id.org/rekg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "


def client(server: LiveServer) -> SPARQLWrapper:
    return SPARQLWrapper(f"{server.url}/sparql")


def test_select_json(server: LiveServer) -> None:
    sparql = client(server)
    sparql.setQuery(
        PREFIXES + "SELECT ?label WHERE { ?m rekg:operates <https://w3id.org/rekg/id/facility/mount-weld> ; rdfs:label ?label }"
    )
    sparql.setReturnFormat(JSON)
    rows = sparql.query().convert()["results"]["bindings"]
    assert [r["label"]["value"] for r in rows] == ["Lynas Rare Earths"]


def test_select_csv_by_post(server: LiveServer) -> None:
    sparql = client(server)
    sparql.setMethod(POST)
    sparql.setQuery(PREFIXES + "SELECT ?c WHERE { ?c a rekg:Country } ORDER BY ?c")
    sparql.setReturnFormat(CSV)
    rows = list(csv.DictReader(io.StringIO(sparql.query().convert().decode())))
    assert len(rows) == 27


def test_ask_xml(server: LiveServer) -> None:
    sparql = client(server)
    sparql.setQuery(
        PREFIXES
        + "ASK { <https://w3id.org/rekg/id/country/JP> rekg:memberOf <https://w3id.org/rekg/id/alliance/supply-chain-resilience-initiative> }"
    )
    sparql.setReturnFormat(XML)
    document = sparql.query().convert()
    assert document.getElementsByTagName("boolean")[0].firstChild.data == "true"


def test_construct_turtle(server: LiveServer) -> None:
    sparql = client(server)
    sparql.setQuery(PREFIXES + "CONSTRUCT { ?f rekg:operatedBy ?o } WHERE { ?o rekg:operates ?f }")
    sparql.setReturnFormat(TURTLE)
    graph = Graph().parse(data=sparql.query().convert(), format="turtle")
    assert len(graph) == 3  # Mount Weld, and Lynas's plants in Australia and Malaysia (Alcoa's refinery is only planned)


# --- every return format SPARQLWrapper offers, by GET and by POST ----------------------------

SELECT = PREFIXES + "SELECT ?c ?label WHERE { ?c a rekg:Country ; rdfs:label ?label } ORDER BY ?c"
ASK = PREFIXES + "ASK { <https://w3id.org/rekg/id/country/JP> a rekg:Country }"
CONSTRUCT = PREFIXES + "CONSTRUCT { ?f rekg:operatedBy ?o } WHERE { ?o rekg:operates ?f }"
DESCRIBE = "DESCRIBE <https://w3id.org/rekg/id/company/lynas-rare-earths>"


def _solutions(result: object, fmt: str) -> int:
    """How many solutions (or the ASK answer as 1/0) a converted result holds."""
    if fmt == JSON:
        document = result  # type: ignore[assignment]
        return int(document["boolean"]) if "boolean" in document else len(document["results"]["bindings"])  # type: ignore[index]
    if fmt == XML:
        booleans = result.getElementsByTagName("boolean")  # type: ignore[attr-defined]
        return int(booleans[0].firstChild.data == "true") if booleans else len(result.getElementsByTagName("result"))  # type: ignore[attr-defined]
    lines = [line.strip() for line in result.decode().strip().splitlines()]  # type: ignore[attr-defined]
    if lines[-1] in ("true", "false") and len(lines) <= 2:  # an ASK answer, with or without a header line
        return int(lines[-1] == "true")
    return len(lines) - 1


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_select_and_ask_in_every_results_format(server: LiveServer, method: str, fmt: str) -> None:
    import warnings

    for query, expected in ((SELECT, 27), (ASK, 1)):
        sparql = client(server)
        sparql.setMethod(method)
        sparql.setQuery(query)
        sparql.setReturnFormat(fmt)
        with warnings.catch_warnings():
            warnings.simplefilter("error", RuntimeWarning)  # SPARQLWrapper warns when the answer's type is not the one asked for
            result = sparql.query().convert()
        assert _solutions(result, fmt) == expected


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("fmt", [TURTLE, N3, JSONLD, RDFXML, XML])
@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE], ids=["construct", "describe"])
def test_construct_and_describe_in_every_graph_format(server: LiveServer, method: str, fmt: str, query: str) -> None:
    import warnings

    sparql = client(server)
    sparql.setMethod(method)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        result = sparql.query().convert()
    graph = result if isinstance(result, Graph) else Graph().parse(data=result, format="turtle")
    assert len(graph) >= 3  # the CONSTRUCT: the three facilities Lynas operates (Alcoa's refinery is only planned)
    if query == DESCRIBE:
        assert (URIRef("https://w3id.org/rekg/id/company/lynas-rare-earths"), None, None) in graph
