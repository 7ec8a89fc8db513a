"""Named questions: list the queries of ``queries/`` and run one with parameters."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kg.analysis.as_of import AS_OF_PARAMETER, parse_day
from kg.store.provenance import SOURCED_GRAPHS
from kg.store.queries import find_named_query, list_named_queries
from rekg_server.deps import ServicesDep, respond
from rekg_server.errors import ProtocolError
from rekg_server.negotiation import FORMAT_PARAMETERS, answer_types, requested_format, result_types
from rekg_server.responses import QUERY_RESULTS, ok

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
            "params": [
                {"name": p.name, "type": p.type, "default": p.default, "description": p.description}
                for p in [*q.params.values(), AS_OF_PARAMETER]
            ],
            "path": f"/queries/{q.name}",
        }
        for q in list_named_queries()
    ]


@router.get("/queries/{name}", summary="Run a named question", responses=ok(*QUERY_RESULTS))
async def run_named(name: str, request: Request, services: ServicesDep) -> Response:
    """Run the named query ``name``; its parameters come from the query string,
    ``sourced=true`` leaves out the facts that updates added without a source, and
    ``asOf=YYYY-MM-DD`` answers as the graph stood on that day (by valid time; default today)."""
    query = find_named_query(name)
    values = {k: v for k, v in request.query_params.items() if k not in FORMAT_PARAMETERS and k not in ("sourced", "asOf")}
    fmt = requested_format({k: request.query_params.getlist(k) for k in FORMAT_PARAMETERS})
    types = answer_types(result_types(request.headers.get("accept"), fmt), query.text)
    sourced = request.query_params.get("sourced", "false").lower()
    if sourced not in ("true", "false"):
        raise ProtocolError(f"sourced is true or false, not {sourced!r}")
    graphs = [row["g"] for row in await services.select("queries", SOURCED_GRAPHS)] if sourced == "true" else None
    bindings = query.bindings(values)
    as_of = request.query_params.get("asOf")
    day = None if as_of is None else parse_day(as_of)
    return respond(await services.run(f"queries/{query.name}", query.text, as_of=day, **types, bindings=bindings, default_graphs=graphs))
