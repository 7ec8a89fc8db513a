"""What each operation answers, for the OpenAPI description: media types of success, and the
plain-text error answers every route may give (see :mod:`rekg_server.errors`)."""

from __future__ import annotations

from typing import Any

from kg.store.formats import GRAPH_TYPES, RESULT_TYPES
from rekg_server.negotiation import HTML

__all__ = ["ERRORS", "ok"]

_REASONS = {
    400: "Malformed request",
    401: "Wrong token",
    403: "Updates disabled",
    404: "Not found",
    406: "No acceptable format",
    413: "Body too large",
    415: "Unsupported media type",
    422: "Refused by the SHACL shapes",
    503: "Time limit, all workers busy, or the store unavailable",
}
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"description": reason, "content": {"text/plain": {"schema": {"type": "string"}}}} for status, reason in _REASONS.items()
}
"""The error answers, as the ``responses`` of every router."""


def ok(*media_types: str, status: int = 200, description: str = "Success") -> dict[int | str, dict[str, Any]]:
    """A ``responses`` entry for a success answered in any of ``media_types``."""
    return {status: {"description": description, "content": {m: {"schema": {}} for m in media_types}}}


QUERY_RESULTS = (*RESULT_TYPES, *GRAPH_TYPES)
"""What a SPARQL query may answer with."""
PAGE_OR_RDF = (HTML, *GRAPH_TYPES)
"""What an entity, the ontology or an explanation may answer with."""
