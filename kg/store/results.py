"""Query results written by pyoxigraph, capped at a number of rows, and their rows counted
without parsing them."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Any

import orjson
import pyoxigraph as ox

from kg.errors import StoreError
from kg.store.formats import SPARQL_JSON
from kg.store.terms import XSD_STRING

__all__ = ["results_bytes", "take", "term_json", "write_solutions"]


def take(items: Any, limit: int | None) -> Iterator[Any]:
    """The items, at most ``limit + 1`` of them (one more shows that the limit cut them)."""
    for count, item in enumerate(items):
        if limit is not None and count > limit:
            return
        yield item


def term_json(term: Any) -> dict[str, str]:
    """A term in the SPARQL 1.1 JSON results format."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


# A generous size of one solution in any results format: what a result of max_rows solutions may
# take before the native writer is stopped and the rows counted out one by one instead.
_SOLUTION_BYTES = 2048


class _Capped:
    """A byte buffer that refuses to grow past ``limit`` (None: no limit)."""

    def __init__(self, limit: int | None):
        self.data, self.limit = bytearray(), limit

    def write(self, chunk: bytes) -> int:
        self.data += chunk
        if self.limit is not None and len(self.data) > self.limit:
            raise _OverCap()
        return len(chunk)

    def flush(self) -> None:
        """Nothing to flush: the data stays in memory."""


class _OverCap(Exception):
    """The serialised result outgrew its cap."""


def write_solutions(solutions: ox.QuerySolutions, media_type: str, max_rows: int | None) -> tuple[bytes, int] | None:
    """``solutions`` written by pyoxigraph's own writer as (body, rows), or None when
    there are more than ``max_rows`` (the caller then keeps the first ones itself).

    >>> from kg.store.embedded import EmbeddedStore
    >>> store = EmbeddedStore(); store.update('INSERT DATA { <http://e/a> <http://e/p> "x", "y" }')
    >>> write_solutions(store._store.query("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o"), "text/csv", 5)
    (b'o\\r\\nx\\r\\ny\\r\\n', 2)
    >>> write_solutions(store._store.query("SELECT ?o WHERE { ?s ?p ?o }"), "text/csv", 1) is None
    True
    """
    results_format = ox.QueryResultsFormat.from_media_type(media_type)
    if results_format is None:
        raise StoreError(f"no query results format has the media type {media_type!r}")
    out = _Capped(max_rows * _SOLUTION_BYTES + 4096 if max_rows is not None else None)
    try:
        solutions.serialize(out, format=results_format)  # type: ignore[arg-type]  # a writable file object, capped
    except _OverCap:
        return None
    body = bytes(out.data)
    rows = _count_solutions(body, results_format)
    if max_rows is not None and rows > max_rows:
        return None
    return body, rows


def _count_solutions(body: bytes, results_format: ox.QueryResultsFormat) -> int:
    """How many solutions a serialised result holds."""
    if results_format == ox.QueryResultsFormat.JSON:
        return _count_json_solutions(body)
    if results_format == ox.QueryResultsFormat.XML:
        return body.count(b"<result>")
    if results_format == ox.QueryResultsFormat.TSV:  # values never hold a raw line break in TSV
        return body.count(b"\n") - 1
    return sum(1 for _ in csv.reader(io.StringIO(body.decode()))) - 1


# A solution after the first in pyoxigraph's JSON results: ',{' then its first key's quote, or '}'
# when it is empty. A string may hold ',{', but its closing quote is then followed by '}' or ','.
_LATER_SOLUTION = re.compile(rb',\{(?:"(?![},])|\})')


def _count_json_solutions(body: bytes) -> int:
    """How many solutions pyoxigraph's compact JSON results hold, counted rather than parsed: it
    escapes every quote inside a string, so a solution's start can be told from a string's text
    (an order of magnitude faster than parsing a large answer). An empty solution,
    or a string that looks like one, is left to a parser."""
    opening = b'"bindings":['
    start = body.index(opening) + len(opening)
    if body[start : start + 1] != b"{":
        return 0
    later = _LATER_SOLUTION.findall(body, start)
    if body[start : start + 2] == b"{}" or b",{}" in later:
        return len(orjson.loads(body)["results"]["bindings"])
    return 1 + len(later)


def results_bytes(document: dict[str, Any], media_type: str) -> bytes:
    """SPARQL JSON results as ``media_type``: other formats through pyoxigraph's own writer."""
    data = json.dumps(document).encode()
    if media_type == SPARQL_JSON:
        return data
    results_format = ox.QueryResultsFormat.from_media_type(media_type)
    if results_format is None:
        raise StoreError(f"no query results format has the media type {media_type!r}")
    written = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON).serialize(format=results_format)
    return written or b""
