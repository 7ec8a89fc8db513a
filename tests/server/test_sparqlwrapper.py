"""The server used through SPARQLWrapper, as a real client program would."""

from __future__ import annotations

import csv
import io

from rdflib import Graph
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper

from tests.conftest import LiveServer

PREFIXES = "PREFIX rekg: <https://w3id.org/rekg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "


def client(server: LiveServer) -> SPARQLWrapper:
    return SPARQLWrapper(f"{server.url}/sparql")


def test_select_json(server: LiveServer) -> None:
    sparql = client(server)
    sparql.setQuery(PREFIXES + "SELECT ?label WHERE { ?m rekg:operates <https://w3id.org/rekg/id/facility/mount-weld> ; rdfs:label ?label }")
    sparql.setReturnFormat(JSON)
    rows = sparql.query().convert()["results"]["bindings"]
    assert [r["label"]["value"] for r in rows] == ["Lynas Rare Earths"]


def test_select_csv_by_post(server: LiveServer) -> None:
    sparql = client(server)
    sparql.setMethod(POST)
    sparql.setQuery(PREFIXES + "SELECT ?c WHERE { ?c a rekg:Country } ORDER BY ?c")
    sparql.setReturnFormat(CSV)
    rows = list(csv.DictReader(io.StringIO(sparql.query().convert().decode())))
    assert len(rows) == 20


def test_ask_xml(server: LiveServer) -> None:
    sparql = client(server)
    sparql.setQuery(PREFIXES + "ASK { <https://w3id.org/rekg/id/country/JP> rekg:memberOf <https://w3id.org/rekg/id/alliance/supply-chain-resilience-initiative> }")
    sparql.setReturnFormat(XML)
    document = sparql.query().convert()
    assert document.getElementsByTagName("boolean")[0].firstChild.data == "true"


def test_construct_turtle(server: LiveServer) -> None:
    sparql = client(server)
    sparql.setQuery(PREFIXES + "CONSTRUCT { ?f rekg:operatedBy ?o } WHERE { ?o rekg:operates ?f }")
    sparql.setReturnFormat(TURTLE)
    graph = Graph().parse(data=sparql.query().convert(), format="turtle")
    assert len(graph) >= 4
