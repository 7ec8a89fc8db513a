"""Named questions: list the queries of ``queries/`` and run one with parameters."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kg.errors import QueryParameterError
from kg.queries import find_named_query, list_named_queries
from server.deps import NotAcceptable, ServicesDep, negotiated_request, not_acceptable, respond, run_logged
from server.negotiation import GRAPH_TYPES, RESULT_TYPES

__all__ = ["router"]

router = APIRouter(tags=["Named queries"])


@router.get("/queries", summary="List the named questions")
def list_queries() -> list[dict[str, Any]]:
    """Every named query with its title, description and parameters."""
    return [
        {
            "name": q.name,
            "title": q.title,
            "summary": q.summary,
            "description": q.description,
            "tags": q.tags,
            "params": [{"name": p.name, "type": p.type, "default": p.default, "description": p.description}
                       for p in q.params.values()],
            "path": f"/queries/{q.name}",
        }
        for q in list_named_queries()
    ]


@router.get("/queries/{name}", summary="Run a named question")
async def run_named(name: str, request: Request, services: ServicesDep) -> Response:
    """Run the named query ``name``; its parameters come from the query string."""
    query = find_named_query(name)
    values = {k: v for k, v in request.query_params.items() if k != "format"}
    if len(request.query_params.getlist("format")) > 1:
        raise QueryParameterError("more than one `format` parameter")
    try:
        query_request = negotiated_request(
            request.headers.get("accept"), request.query_params.get("format"), query.text,
            substitutions={v.value: term for v, term in query.substitutions(values).items()},
            max_rows=services.settings.max_rows,
        )
    except NotAcceptable:
        return not_acceptable([*RESULT_TYPES, *GRAPH_TYPES])
    return respond(await run_logged(services, f"queries/{query.name}", query_request))
