"""The read side of the SPARQL 1.1 Graph Store HTTP Protocol."""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kg.errors import NotAcceptable
from kg.store.formats import GRAPH_TYPES
from rekg_server.deps import ServicesDep, respond
from rekg_server.errors import NotFound, ProtocolError
from rekg_server.negotiation import choose
from rekg_server.responses import ok
from rekg_server.routes._protocol import single

__all__ = ["router"]

router = APIRouter(tags=["SPARQL"])


@router.get("/rdf-graph-store", summary="Graph Store Protocol: read one graph", responses=ok(*GRAPH_TYPES))
async def graph_store(request: Request, services: ServicesDep) -> Response:
    """Return one named graph (``?graph=IRI``) or the default graph (``?default``) as RDF."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    graph = single(params, "graph")
    if (graph is None) == ("default" not in params):
        raise ProtocolError("give exactly one of ?graph=IRI or ?default")
    media = choose(request.headers.get("accept"), GRAPH_TYPES)
    if media is None:
        raise NotAcceptable(f"this resource is available as {', '.join(GRAPH_TYPES)}")
    if graph is not None:
        exists = await services.run("graph-store", "ASK { GRAPH ?g { ?s ?p ?o } }", named_graphs=[graph])
        if b"true" not in exists.body:
            raise NotFound(f"no graph {graph}")
    return respond(
        await services.run(
            "graph-store", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", graph_type=media, default_graphs=[graph] if graph else None
        )
    )
