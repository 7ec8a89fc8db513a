"""IRIs and resource paths shared by every stage of the pipeline."""

from __future__ import annotations

from pathlib import Path

from rdflib import Namespace, URIRef

__all__ = [
    "BASE",
    "DERIVED_GRAPHS",
    "EXPLANATIONS_GRAPH",
    "GRAPH",
    "ID",
    "INFERRED_GRAPH",
    "OA",
    "ONTOLOGY_FILE",
    "ONTOLOGY_GRAPH",
    "ORG",
    "QUDT_CURRENCY",
    "QUDT_UNIT",
    "QUERIES_DIR",
    "REKG",
    "RESOURCE_ROOT",
    "SHAPES_DIR",
    "entity_iri",
    "graph_iri",
]

BASE = "https://w3id.org/rekg/"
REKG = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
QUDT_UNIT = Namespace("http://qudt.org/vocab/unit/")
QUDT_CURRENCY = Namespace("http://qudt.org/vocab/currency/")

ONTOLOGY_GRAPH = URIRef(BASE + "graph/ontology")
INFERRED_GRAPH = URIRef(BASE + "graph/inferred")
EXPLANATIONS_GRAPH = URIRef(BASE + "graph/explanations")
DERIVED_GRAPHS = frozenset({ONTOLOGY_GRAPH, INFERRED_GRAPH, EXPLANATIONS_GRAPH})
ONTOLOGY_IRI = URIRef(BASE + "ontology")


def _resource_root() -> Path:
    """Where ``ontology/``, ``shapes/`` and ``queries/`` live: the checkout, or the wheel's copy."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent, here / "_data"):
        if (candidate / "ontology" / "rekg.ttl").is_file():
            return candidate
    raise FileNotFoundError(f"rekg resources (ontology/rekg.ttl) not found next to {here}")


RESOURCE_ROOT = _resource_root()
ONTOLOGY_FILE = RESOURCE_ROOT / "ontology" / "rekg.ttl"
SHAPES_DIR = RESOURCE_ROOT / "shapes"
QUERIES_DIR = RESOURCE_ROOT / "queries"


def entity_iri(ref: str) -> URIRef:
    """The IRI of an entity reference ``kind/slug``.

    >>> str(entity_iri("country/JP"))
    'https://w3id.org/rekg/id/country/JP'
    """
    return ID[ref]


def graph_iri(source_id: str) -> URIRef:
    """The named graph holding what one source says.

    >>> str(graph_iri("new-asian-alliance"))
    'https://w3id.org/rekg/graph/new-asian-alliance'
    """
    return GRAPH[source_id]
