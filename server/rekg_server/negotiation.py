"""Content negotiation: which serialisation a client gets for results, graphs and pages."""

from __future__ import annotations

from kg.errors import NotAcceptable
from kg.store.formats import GRAPH_TYPES, RESULT_TYPES, media_type_of

__all__ = ["HTML", "choose", "parse_accept", "result_types"]

HTML = "text/html"
# Aliases clients send for the types above.
_ALIASES = {"application/json": RESULT_TYPES[0], "application/xml": RESULT_TYPES[1], "text/plain": GRAPH_TYPES[1]}


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


def choose(accept: str | None, offers: tuple[str, ...] | list[str]) -> str | None:
    """The offered media type the client prefers (``offers`` in server preference order).

    >>> choose("*/*", ["text/turtle", "application/rdf+xml"])
    'text/turtle'
    >>> choose("application/rdf+xml, text/*;q=0.5", ["text/turtle", "application/rdf+xml"])
    'application/rdf+xml'
    >>> choose("image/png", ["text/turtle"]) is None
    True
    """
    for media, _ in parse_accept(accept):
        media = _ALIASES.get(media, media) if _ALIASES.get(media) in offers else media
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


def result_types(accept: str | None, fmt: str | None) -> dict[str, str | None]:
    """The ``results_type`` and ``graph_type`` a query answers with, from the Accept header or
    a ``format`` short name (which wins).

    Raises:
        NotAcceptable: the client accepts neither results nor graphs in any format rekg writes.
    """
    if fmt:
        accept = media_type_of(fmt, (*RESULT_TYPES, *GRAPH_TYPES))
    chosen = {"results_type": choose(accept, RESULT_TYPES), "graph_type": choose(accept, GRAPH_TYPES)}
    if not any(chosen.values()):
        raise NotAcceptable(f"this resource is available as {', '.join((*RESULT_TYPES, *GRAPH_TYPES))}")
    return chosen
