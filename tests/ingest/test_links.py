"""Links out: each external identifier well formed, held by one entity, and traced to the public
page it was taken from; the ontology published with what linked-data tools look for."""

from __future__ import annotations

import re

from rdflib import OWL, RDF, RDFS, Literal, Namespace, URIRef

from kg.ontology import load_ontology
from kg.store import Store
from kg.vocab import ONTOLOGY_FILE, REKG
from tests.conftest import rows

SDO = Namespace("https://schema.org/")
VANN = Namespace("http://purl.org/vocab/vann/")


def test_every_wikidata_link_is_well_formed_unique_and_sourced(store: Store) -> None:
    links = rows(
        store,
        """SELECT ?e ?item ?url WHERE {
      ?e skos:exactMatch ?item .
      ?claim a rekg:Claim ; rdf:subject ?e ; rdf:predicate skos:exactMatch ; rdf:object ?item ; prov:wasDerivedFrom ?source .
      ?source schema:url ?url }""",
    )
    every = rows(store, "SELECT DISTINCT ?e ?item WHERE { ?e skos:exactMatch ?item }")
    assert {(r["e"], r["item"]) for r in links} == {(r["e"], r["item"]) for r in every} and every  # each link claimed, with its source
    for link in links:
        assert re.fullmatch(r"http://www\.wikidata\.org/entity/Q[1-9][0-9]*", link["item"]), link
        assert link["url"].startswith("https://github.com/"), link
    items = [link["item"] for link in links]
    assert len(items) == len(set(items)), "two entities claim the same Wikidata item"
    entities = [link["e"] for link in links]
    assert len(entities) == len(set(entities)), "an entity has two Wikidata items"


def test_every_country_has_its_iso_code_and_wikidata_item(store: Store) -> None:
    countries = rows(
        store, "SELECT ?c ?iso ?item WHERE { GRAPH ?g { ?c a rekg:Country } ?c rekg:isoCode ?iso OPTIONAL { ?c skos:exactMatch ?item } }"
    )
    assert len(countries) == 27
    assert all(row["c"].endswith("/" + row["iso"]) and row.get("item", "None") != "None" for row in countries), countries
    japan = rows(store, "SELECT ?item WHERE { <https://w3id.org/rekg/id/country/JP> skos:exactMatch ?item }")
    assert japan == [{"item": "http://www.wikidata.org/entity/Q17"}]
    neodymium = rows(store, "SELECT ?item WHERE { <https://w3id.org/rekg/id/material/neodymium> skos:exactMatch ?item }")
    assert neodymium == [{"item": "http://www.wikidata.org/entity/Q1388"}]


def test_the_ontology_says_what_every_property_connects_and_how_to_cite_it() -> None:
    ontology = load_ontology()
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        if not str(prop).startswith(str(REKG)):
            continue
        assert ontology.value(prop, RDFS.domain) or ontology.value(prop, SDO.domainIncludes), f"{prop} says nothing of its subjects"
        assert ontology.value(prop, RDFS.range) or ontology.value(prop, SDO.rangeIncludes), f"{prop} says nothing of its objects"
    head = URIRef("https://w3id.org/rekg/ontology")
    version = str(ontology.value(head, OWL.versionInfo))
    assert ontology.value(head, OWL.versionIRI) == URIRef(f"{head}/{version}")
    assert ontology.value(head, VANN.preferredNamespacePrefix) == Literal("rekg")
    changelog = (ONTOLOGY_FILE.parent / "CHANGELOG.md").read_text()
    assert f"## {version} — {ontology.value(head, URIRef('http://purl.org/dc/terms/modified'))}" in changelog
