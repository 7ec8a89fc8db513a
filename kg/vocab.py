"""The one place that names things: namespaces and the SPARQL PREFIX block, graph IRIs,
units of measure, resource paths and the package version. Every other module imports them.

The base of instance and graph IRIs is :data:`BASE`; every IRI below is derived from it.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pycountry
from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

__all__ = [
    "BASE",
    "CURRENCY_UNITS",
    "DERIVED_GRAPHS",
    "FACTS_DIR",
    "GEO",
    "GRAPH",
    "ID",
    "INFERRED_GRAPH",
    "NAMESPACES",
    "OA",
    "ONTOLOGY_FILE",
    "ONTOLOGY_GRAPH",
    "MODALITY_MARKERS_FILE",
    "QUERIES_DIR",
    "REGISTRY_GRAPH",
    "REKG",
    "SHAPES_DIR",
    "SPARQL_PREFIXES",
    "UNITS",
    "VERSION",
    "WIKIDATA",
    "entity_iri",
    "entity_kind",
    "entity_ref",
    "graph_iri",
    "short_name",
]

BASE = "https://w3id.org/rekg/"
REKG = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
OA = Namespace("http://www.w3.org/ns/oa#")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
_QUDT_UNIT = Namespace("http://qudt.org/vocab/unit/")
_QUDT_CURRENCY = Namespace("http://qudt.org/vocab/currency/")

# prefix -> namespace, for SPARQL text, rdflib's initNs and the prefixes of dumps
NAMESPACES: dict[str, str] = {
    "rekg": str(REKG),
    "id": str(ID),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "oa": str(OA),
    "dct": str(DCTERMS),
    "schema": str(SDO),
    "wd": str(WIKIDATA),
    "geo": str(GEO),
}
SPARQL_PREFIXES = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in NAMESPACES.items())

ONTOLOGY_GRAPH = GRAPH["ontology"]
REGISTRY_GRAPH = GRAPH["entities"]
INFERRED_GRAPH = GRAPH["inferred"]
DERIVED_GRAPHS = frozenset({ONTOLOGY_GRAPH, INFERRED_GRAPH})

# A figure's ``unit`` in a fact sheet -> its QUDT IRI. The sheet schema, the build and the
# extractor's drafts all take their units from here.
UNITS: dict[str, URIRef] = {
    "percent": _QUDT_UNIT.PERCENT,
    "count": _QUDT_UNIT.NUM,
    "year": _QUDT_UNIT.YR,
    "times": _QUDT_UNIT.UNITLESS,
    "tonne": _QUDT_UNIT.TONNE,
    "USD": _QUDT_CURRENCY.USD,
    "JPY": _QUDT_CURRENCY.JPY,
    "AUD": _QUDT_CURRENCY.AUD,
    "EUR": _QUDT_CURRENCY.EUR,
    "CNY": _QUDT_CURRENCY.CNY,
}
# Every other currency of ISO 4217 (QUDT names currencies by their ISO code), so "C$200 million"
# and "£50 million" are recorded as written; the X-codes (gold, SDRs, test codes) are no money.
UNITS |= {
    c.alpha_3: _QUDT_CURRENCY[c.alpha_3] for c in sorted(pycountry.currencies, key=lambda c: c.alpha_3) if not c.alpha_3.startswith("X")
}
CURRENCY_UNITS = frozenset(name for name, iri in UNITS.items() if iri.startswith(str(_QUDT_CURRENCY)))

try:
    VERSION = version("rare-earth-kg")
except PackageNotFoundError:  # running from a checkout that was never installed
    VERSION = "0+unknown"


def _resource_root() -> Path:
    """Where ``ontology/``, ``shapes/`` and ``queries/`` live: the checkout, or the wheel's copy."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent, here / "_data"):
        if (candidate / "ontology" / "rekg.ttl").is_file():
            return candidate
    raise FileNotFoundError(f"rekg resources (ontology/rekg.ttl) not found next to {here}")


_RESOURCES = _resource_root()
ONTOLOGY_FILE = _RESOURCES / "ontology" / "rekg.ttl"
SHAPES_DIR = _RESOURCES / "shapes"
QUERIES_DIR = _RESOURCES / "queries"
MODALITY_MARKERS_FILE = _RESOURCES / "ontology" / "modality-markers.yaml"
FACTS_DIR = Path(__file__).resolve().parent / "facts"


def entity_iri(ref: str) -> URIRef:
    """The IRI of an entity reference ``kind/slug``.

    >>> str(entity_iri("country/JP"))
    'https://w3id.org/rekg/id/country/JP'
    """
    return ID[ref]


def entity_ref(iri: str) -> str | None:
    """The ``kind/slug`` of an entity IRI, or None for any other IRI.

    >>> entity_ref("https://w3id.org/rekg/id/country/JP"), entity_ref("http://example.org/x")
    ('country/JP', None)
    """
    return iri[len(ID) :] if iri.startswith(ID) else None


def entity_kind(iri: str) -> str:
    """The kind of an entity IRI (``company``, ``region``, …), or "" for any other IRI.

    >>> entity_kind("https://w3id.org/rekg/id/country/JP"), entity_kind("http://example.org/x")
    ('country', '')
    """
    return (entity_ref(iri) or "/").split("/")[0]


def graph_iri(source_id: str) -> URIRef:
    """The named graph holding what one source says.

    >>> str(graph_iri("new-asian-alliance"))
    'https://w3id.org/rekg/graph/new-asian-alliance'
    """
    return GRAPH[source_id]


def short_name(iri: str) -> str:
    """A compact name for people: ``kind/slug`` for entities, ``prefix:local`` for the
    vocabularies above, the IRI itself otherwise.

    >>> short_name("https://w3id.org/rekg/id/country/JP"), short_name("https://w3id.org/rekg/ontology#partnerOf")
    ('country/JP', 'rekg:partnerOf')
    """
    ref = entity_ref(iri)
    if ref is not None:
        return ref
    for prefix, namespace in NAMESPACES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri
