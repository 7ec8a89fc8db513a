"""Serialisation formats by media type, and the short names that the CLI's ``--format`` and
the server's ``?format=`` accept. Media types are how formats cross the store interface.
"""

from __future__ import annotations

from kg.errors import KgError

__all__ = [
    "DATASET_TYPES",
    "GRAPH_TYPES",
    "N_QUADS",
    "N_TRIPLES",
    "RESULT_TYPES",
    "SHORT_NAMES",
    "SPARQL_JSON",
    "TURTLE",
    "UnknownFormat",
    "media_type_of",
]

SPARQL_JSON = "application/sparql-results+json"
SPARQL_XML = "application/sparql-results+xml"
TURTLE = "text/turtle"
N_TRIPLES = "application/n-triples"
N_QUADS = "application/n-quads"
TRIG = "application/trig"
JSON_LD = "application/ld+json"
RDF_XML = "application/rdf+xml"

# Results of SELECT and ASK, in the server's order of preference.
RESULT_TYPES = (SPARQL_JSON, SPARQL_XML, "text/csv", "text/tab-separated-values")
# Graphs (CONSTRUCT, DESCRIBE, entity descriptions), in the server's order of preference.
GRAPH_TYPES = (TURTLE, N_TRIPLES, JSON_LD, RDF_XML)
# Formats that keep named graphs.
DATASET_TYPES = (N_QUADS, TRIG, JSON_LD)

SHORT_NAMES: dict[str, str] = {
    "json": SPARQL_JSON,
    "xml": SPARQL_XML,
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "ttl": TURTLE,
    "turtle": TURTLE,
    "nt": N_TRIPLES,
    "nq": N_QUADS,
    "trig": TRIG,
    "jsonld": JSON_LD,
    "rdfxml": RDF_XML,
}


class UnknownFormat(KgError):
    """A format short name or media type that rekg does not write."""


def media_type_of(name: str, allowed: tuple[str, ...] | None = None) -> str:
    """The media type of a short name (``ttl``) or media type (``text/turtle``), checked
    against ``allowed`` when given.

    >>> media_type_of("ttl"), media_type_of("xml"), media_type_of("xml", GRAPH_TYPES)
    ('text/turtle', 'application/sparql-results+xml', 'application/rdf+xml')
    >>> media_type_of("png")
    Traceback (most recent call last):
    ...
    kg.store.formats.UnknownFormat: unknown format 'png': use one of json, xml, csv, tsv, ttl, turtle, nt, nq, trig, jsonld, rdfxml
    """
    choices = allowed if allowed is not None else tuple(SHORT_NAMES.values())
    media = SHORT_NAMES.get(name.lower(), name.lower())
    if name.lower() == "xml" and media not in choices:  # "xml" is RDF/XML where results are not allowed
        media = RDF_XML
    if media not in choices:
        names = [short for short, full in SHORT_NAMES.items() if full in choices]
        raise UnknownFormat(f"unknown format {name!r}: use one of {', '.join(names)}")
    return media
