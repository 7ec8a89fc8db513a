"""Why a triple holds, found on demand: HTML for people, RDF for programs."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kg.reasoning.explain import explain, explanation_graph, parse_term
from rekg_server.deps import ServicesDep, templates_of
from rekg_server.errors import NotFound
from rekg_server.links import local_path
from rekg_server.negotiation import HTML
from rekg_server.responses import PAGE_OR_RDF, ok
from rekg_server.routes.entities import page_or_rdf

__all__ = ["router"]

router = APIRouter(tags=["Entities"])


@router.get("/explain", summary="Why a triple holds", response_model=None, responses=ok(*PAGE_OR_RDF))
async def explain_triple(s: str, p: str, o: str, request: Request, services: ServicesDep) -> Response:
    """The derivation of a triple (subject, predicate, object as ``kind/slug``, ``rekg:term`` or
    IRI): the rule, the premises, down to asserted triples and the quotes that state them."""
    media = page_or_rdf(request)
    triple = (parse_term(s), parse_term(p), parse_term(o))
    step = await services.call("explain", explain, *triple)
    if step is None:
        raise NotFound(f"{s} {p} {o} is neither asserted nor inferred")
    if media != HTML:
        body = explanation_graph(step).serialize(format=media)  # rdflib names its serialisers by media type too
        return Response(body, media_type=media, headers={"Vary": "Accept"})
    return templates_of(request).TemplateResponse(
        request, "explain.html", {"step": step, "local_path": local_path}, headers={"Vary": "Accept"}
    )
