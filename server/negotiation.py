"""Content negotiation: which serialisation a client gets for results and for graphs."""

from __future__ import annotations

__all__ = [
    "GRAPH_TYPES",
    "HTML",
    "RESULT_TYPES",
    "choose",
    "parse_accept",
]

HTML = "text/html"

# media type -> pyoxigraph QueryResultsFormat name (SELECT, ASK)
RESULT_TYPES: dict[str, str] = {
    "application/sparql-results+json": "JSON",
    "application/sparql-results+xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
    "application/json": "JSON",
    "application/xml": "XML",
}

# media type -> pyoxigraph RdfFormat name (CONSTRUCT, DESCRIBE, graphs)
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "application/ld+json": "JSON_LD",
    "application/rdf+xml": "RDF_XML",
    "text/plain": "N_TRIPLES",
}

# short names accepted in a ?format= parameter, for download links
FORMAT_ALIASES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "ttl": "text/turtle",
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges of an Accept header, best first.

    >>> parse_accept("text/csv;q=0.5, application/sparql-results+json")
    [('application/sparql-results+json', 1.0), ('text/csv', 0.5)]
    """
    if not header or not header.strip():
        return [("*/*", 1.0)]
    ranges = []
    for position, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        quality = 1.0
        for param in fields[1:]:
            if param.lower().startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if fields[0]:
            ranges.append((fields[0].lower(), quality, position))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(media, q) for media, q, _ in ranges if q > 0]


def choose(accept: str | None, offers: list[str]) -> str | None:
    """The offered media type the client prefers (``offers`` in server preference order).

    >>> choose("*/*", ["text/turtle", "application/rdf+xml"])
    'text/turtle'
    >>> choose("application/rdf+xml, text/*;q=0.5", ["text/turtle", "application/rdf+xml"])
    'application/rdf+xml'
    >>> choose("image/png", ["text/turtle"]) is None
    True
    """
    for media, _ in parse_accept(accept):
        if media in ("*/*", "*"):
            return offers[0]
        if media.endswith("/*"):
            prefix = media[:-1]
            for offer in offers:
                if offer.startswith(prefix):
                    return offer
        elif media in offers:
            return media
    return None
