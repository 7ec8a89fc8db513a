"""The dataset described for the linked-data world: VoID statistics and a DCAT 3 catalogue
entry, generated from the store, with one distribution per dump (media type, size, SHA-256).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, RDFS, VOID

from kg.store.base import Store
from kg.vocab import BASE, ID, NAMESPACES, SPARQL_PREFIXES

__all__ = ["DATASET", "DATA_LICENSE", "PREFIXES", "Distribution", "dataset_statistics", "describe_dataset", "last_modified"]

SPDX = Namespace("http://spdx.org/rdf/terms#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
IANA = "https://www.iana.org/assignments/media-types/"

DATASET = URIRef(BASE + "dataset")
# The data: facts drawn from news articles and public reference pages, each with a short quote.
DATA_LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
TITLE = "rekg: the rare-earth and critical-minerals supply-chain knowledge graph"
DESCRIPTION = (
    "Actors, facilities, agreements, materials, supply relations and export controls of the rare-earth and "
    "critical-minerals supply chain, each fact traced to the sentence of the source that states it, with the "
    "conclusions of an OWL 2 RL reasoner and project rules in a graph of their own."
)
# Prefixes of the description, for its Turtle.
PREFIXES = {**NAMESPACES, "void": str(VOID), "dcat": str(DCAT), "spdx": str(SPDX), "sd": str(SD), "foaf": str(FOAF)}
KEYWORDS = ("rare earths", "critical minerals", "supply chain", "export controls", "knowledge graph")


@dataclass(frozen=True)
class Distribution:
    """One downloadable file of the dataset."""

    title: str
    download_url: str
    media_type: str
    byte_size: int
    sha256: str
    compressed: bool = False
    data_dump: bool = False


@dataclass(frozen=True)
class Statistics:
    """What VoID counts of a store."""

    quads: int
    triples: int
    entities: int
    distinct_subjects: int
    distinct_objects: int
    classes: dict[str, int]
    properties: dict[str, int]
    graphs: int


def _count(store: Store, where: str) -> int:
    return int(store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[0]["n"])


def _grouped(store: Store, query: str) -> dict[str, int]:
    return {str(row["k"]): int(row["n"]) for row in store.select(query)}


def dataset_statistics(store: Store) -> Statistics:
    """Count the store: quads over all graphs, distinct triples of their union, entities (subjects
    under ``/id/``), distinct subjects and objects, and the class and property partitions.

    >>> from kg.store.embedded import EmbeddedStore
    >>> s = EmbeddedStore(); s.update('INSERT DATA { GRAPH <http://e/g> { <https://w3id.org/rekg/id/a> a <http://e/C> } }')
    >>> st = dataset_statistics(s); (st.quads, st.entities, st.classes)
    (1, 1, {'http://e/C': 1})
    """
    return Statistics(
        quads=_count(store, "GRAPH ?g { ?s ?p ?o }"),
        triples=_count(store, "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"),
        entities=_count(store, f'SELECT DISTINCT ?s WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER STRSTARTS(STR(?s), "{ID}") }}'),
        distinct_subjects=_count(store, "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } }"),
        distinct_objects=_count(store, "SELECT DISTINCT ?o WHERE { GRAPH ?g { ?s ?p ?o } }"),
        classes=_grouped(store, "SELECT ?k (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?k } } GROUP BY ?k"),
        properties=_grouped(store, "SELECT ?k (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?k ?o } } GROUP BY ?k"),
        graphs=_count(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"),
    )


def last_modified(store: Store) -> dt.date:
    """The latest date the data holds of itself: the ontology's ``dct:modified`` or a source's
    date, so that the same data gives the same description (today when it holds none)."""
    rows = store.select(
        SPARQL_PREFIXES
        + f"""SELECT (MAX(?d) AS ?last) WHERE {{
      {{ <{BASE}ontology> dct:modified ?d }} UNION {{ ?source a rekg:Source ; dct:date ?d FILTER(DATATYPE(?d) = xsd:date) }}
    }}"""
    )
    last = rows[0].get("last") if rows else None
    return dt.date.fromisoformat(str(last)) if last else dt.date.today()


def _namespace(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


def describe_dataset(
    store: Store,
    *,
    version: str,
    site: str,
    distributions: list[Distribution],
    issued: dt.date | None = None,
    statistics: Statistics | None = None,
) -> Graph:
    """VoID and DCAT 3 of the dataset in ``store``: what it is, who publishes it under which
    license, its statistics and partitions, its SPARQL endpoint at ``site``, and ``distributions``.
    """
    stats = statistics or dataset_statistics(store)
    modified = last_modified(store)
    graph = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    ds = DATASET
    add = graph.add
    add((ds, RDF.type, VOID.Dataset))
    add((ds, RDF.type, DCAT.Dataset))
    add((ds, DCTERMS.title, Literal(TITLE, lang="en")))
    add((ds, DCTERMS.description, Literal(DESCRIPTION, lang="en")))
    publisher = URIRef(BASE + "id/publisher/rekg")
    add((ds, DCTERMS.publisher, publisher))
    add((publisher, RDF.type, FOAF.Organization))
    add((publisher, FOAF.name, Literal("rekg developers")))
    add((ds, DCTERMS.license, DATA_LICENSE))
    add((ds, URIRef(f"{DCAT}version"), Literal(version)))  # DCAT 3; rdflib knows DCAT 2
    add((ds, OWL.versionInfo, Literal(version)))
    add((ds, DCTERMS.issued, Literal((issued or modified).isoformat(), datatype=XSD.date)))
    add((ds, DCTERMS.modified, Literal(modified.isoformat(), datatype=XSD.date)))
    add((ds, DCTERMS.conformsTo, URIRef(BASE + "ontology")))
    for keyword in KEYWORDS:
        add((ds, DCAT.keyword, Literal(keyword, lang="en")))
    add((ds, DCAT.landingPage, URIRef(site + "dataset")))
    add((ds, VOID.sparqlEndpoint, URIRef(site + "sparql")))
    add((ds, VOID.uriSpace, Literal(str(ID))))
    add((ds, VOID.exampleResource, ID["country/JP"]))
    add((ds, VOID.triples, Literal(stats.quads)))
    add((ds, VOID.entities, Literal(stats.entities)))
    add((ds, VOID.distinctSubjects, Literal(stats.distinct_subjects)))
    add((ds, VOID.distinctObjects, Literal(stats.distinct_objects)))
    add((ds, VOID.classes, Literal(len(stats.classes))))
    add((ds, VOID.properties, Literal(len(stats.properties))))
    add(
        (
            ds,
            RDFS.comment,
            Literal(
                f"void:triples counts the triples of all {stats.graphs} named graphs; their union holds {stats.triples} distinct triples.",
                lang="en",
            ),
        )
    )
    vocabularies = {_namespace(iri) for iri in (*stats.classes, *stats.properties)}
    for vocabulary in sorted(vocabularies):
        add((ds, VOID.vocabulary, URIRef(vocabulary)))
    for cls, count in sorted(stats.classes.items()):
        part = BNode()
        add((ds, VOID.classPartition, part))
        add((part, VOID["class"], URIRef(cls)))
        add((part, VOID.entities, Literal(count)))
    for prop, count in sorted(stats.properties.items()):
        part = BNode()
        add((ds, VOID.propertyPartition, part))
        add((part, VOID.property, URIRef(prop)))
        add((part, VOID.triples, Literal(count)))
    service = URIRef(site + "sparql")
    add((service, RDF.type, DCAT.DataService))
    add((service, DCAT.endpointURL, service))
    add((service, DCAT.servesDataset, ds))
    add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
    add((ds, DCAT.distribution, _distribution_of_service(graph, service)))
    for item in distributions:
        add((ds, DCAT.distribution, _distribution(graph, item)))
        if item.data_dump:
            add((ds, VOID.dataDump, URIRef(item.download_url)))
    return graph


def _distribution_of_service(graph: Graph, service: URIRef) -> URIRef:
    node = URIRef(f"{service}#distribution")
    graph.add((node, RDF.type, DCAT.Distribution))
    graph.add((node, DCTERMS.title, Literal("SPARQL 1.1 endpoint", lang="en")))
    graph.add((node, DCAT.accessURL, service))
    graph.add((node, DCAT.accessService, service))
    return node


def _distribution(graph: Graph, item: Distribution) -> URIRef:
    node = URIRef(item.download_url)
    graph.add((node, RDF.type, DCAT.Distribution))
    graph.add((node, DCTERMS.title, Literal(item.title, lang="en")))
    graph.add((node, DCAT.downloadURL, node))
    graph.add((node, DCAT.mediaType, URIRef(IANA + item.media_type)))
    if item.compressed:
        graph.add((node, DCAT.compressFormat, URIRef(IANA + "application/gzip")))
    graph.add((node, DCAT.byteSize, Literal(item.byte_size, datatype=XSD.nonNegativeInteger)))
    graph.add((node, DCTERMS.license, DATA_LICENSE))
    checksum = BNode()
    graph.add((node, SPDX.checksum, checksum))
    graph.add((checksum, RDF.type, SPDX.Checksum))
    graph.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
    graph.add((checksum, SPDX.checksumValue, Literal(item.sha256, datatype=XSD.hexBinary)))
    return node
