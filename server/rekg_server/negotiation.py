"""Content negotiation: which serialisation a client gets for results, graphs and pages.

The Accept header is parsed by Werkzeug (quality values, ``q=0`` exclusions, wildcards and
specificity); the ``format``/``output``/``results`` parameters that clients such as
SPARQLWrapper send, several at once, are read by :func:`requested_format`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TypedDict

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from kg.errors import NotAcceptable
from kg.store.formats import GRAPH_TYPES, JSON_LD, RDF_XML, RESULT_TYPES, SPARQL_JSON, SPARQL_XML, TURTLE, UnknownFormat, media_type_of
from kg.store.sparql import query_form
from rekg_server.errors import ProtocolError

__all__ = ["FORMAT_PARAMETERS", "HTML", "answer_types", "choose", "requested_format", "result_types"]

HTML = "text/html"
FORMAT_PARAMETERS = ("format", "output", "results")
"""Query parameters that name a format (SPARQLWrapper sends all three)."""

# Other names clients give the types above: in Accept headers, and as format parameters.
_ALIASES = {"application/json": SPARQL_JSON, "application/xml": SPARQL_XML, "text/plain": GRAPH_TYPES[1]}
_FORMAT_NAMES = {"n3": TURTLE, "text/n3": TURTLE, "text/rdf+n3": TURTLE, "json-ld": JSON_LD, "rdf+xml": RDF_XML, "rdf": RDF_XML}
# What a results format name means when the query gives a graph.
_AS_GRAPH = {SPARQL_XML: RDF_XML, SPARQL_JSON: JSON_LD}


@lru_cache(maxsize=512)  # clients send few distinct Accept headers, each on every request
def choose(accept: str | None, offers: tuple[str, ...]) -> str | None:
    """The offered media type the client prefers (``offers`` in server preference order).

    >>> choose("*/*", ("text/turtle", "application/rdf+xml"))
    'text/turtle'
    >>> choose("application/rdf+xml, text/*;q=0.5", ("text/turtle", "application/rdf+xml"))
    'application/rdf+xml'
    >>> choose("text/turtle;q=0, */*", ("text/turtle", "application/rdf+xml"))
    'application/rdf+xml'
    >>> choose("image/png", ("text/turtle",)) is None
    True
    """
    if not accept or not accept.strip():
        return offers[0]
    aliases = [alias for alias, target in _ALIASES.items() if target in offers]
    best = parse_accept_header(accept, MIMEAccept).best_match([*offers, *aliases])
    return _ALIASES.get(best, best) if best is not None else None


def requested_format(params: dict[str, list[str]]) -> str | None:
    """The one format named by the ``format``, ``output`` and ``results`` parameters, as a short
    name or media type. A value may list media types with commas (SPARQLWrapper sends its Accept
    list); values that can name the same format agree (``tsv`` and ``text/tab-separated-values``),
    others are a protocol error. Empty values are ignored.

    >>> requested_format({"format": ["tsv", "text/tab-separated-values"], "output": ["tsv"]})
    'tsv'
    >>> requested_format({"format": ["json-ld", "application/ld+json,application/x-json+ld"]})
    'json-ld'
    >>> requested_format({"format": ["json"], "results": ["xml"]})
    Traceback (most recent call last):
    ...
    rekg_server.errors.ProtocolError: the format parameters disagree: json, xml
    """
    values = [v.strip() for name in FORMAT_PARAMETERS for v in params.get(name, []) if v.strip()]
    if not values:
        return None
    readings = [{_format_key(item) for item in value.split(",") if item.strip()} for value in values]
    common = set.intersection(*readings)
    if not common:
        raise ProtocolError(f"the format parameters disagree: {', '.join(dict.fromkeys(values))}")
    single = [v for v in values if "," not in v]
    return single[0] if single else next(iter(sorted(common)))


def _canonical(name: str) -> str:
    """A format name with the other names clients give it resolved (``n3`` → Turtle)."""
    name = name.strip().lower()
    return _FORMAT_NAMES.get(name, _ALIASES.get(name, name))


def _format_key(name: str) -> str:
    """The media type a format name stands for (the name itself when rekg does not know it)."""
    try:
        return media_type_of(_canonical(name))
    except UnknownFormat:
        return _canonical(name)


def result_types(accept: str | None, fmt: str | None) -> dict[str, str | None]:
    """The ``results_type`` and ``graph_type`` a query answers with, from the Accept header or
    a format name (which wins; ``xml`` means SPARQL XML results, or RDF/XML for a graph).

    Raises:
        NotAcceptable: the client accepts neither results nor graphs in any format rekg writes.
        UnknownFormat: the format name is not one rekg writes.
    """
    if fmt:
        media = media_type_of(_canonical(fmt), (*RESULT_TYPES, *GRAPH_TYPES))
        return {
            "results_type": media if media in RESULT_TYPES else None,
            "graph_type": media if media in GRAPH_TYPES else _AS_GRAPH.get(media),
        }
    chosen = {"results_type": choose(accept, RESULT_TYPES), "graph_type": choose(accept, GRAPH_TYPES)}
    if not any(chosen.values()):
        raise NotAcceptable(f"this resource is available as {', '.join((*RESULT_TYPES, *GRAPH_TYPES))}")
    return chosen


class AnswerTypes(TypedDict):
    """The media types a query is run with (``Store.query``'s ``results_type`` and ``graph_type``)."""

    results_type: str
    graph_type: str


def answer_types(types: dict[str, str | None], sparql: str) -> AnswerTypes:
    """The ``results_type`` and ``graph_type`` to run ``sparql`` with, when the client accepts
    the kind of result it gives (decided from its form, before it runs).

    Raises:
        NotAcceptable: the query gives a graph and no RDF format is accepted, or solutions and no
            results format is.
    """
    if types["graph_type"] is None or types["results_type"] is None:
        graph = query_form(sparql) == "graph"
        if graph and types["graph_type"] is None:
            raise NotAcceptable("the query gives a graph, and the request accepts no RDF format")
        if not graph and types["results_type"] is None:
            raise NotAcceptable("the query gives solutions, and the request accepts no results format")
    return {"results_type": types["results_type"] or SPARQL_JSON, "graph_type": types["graph_type"] or TURTLE}
