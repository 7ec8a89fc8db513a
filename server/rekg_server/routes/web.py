"""The web page: write or pick a query, run it, see and download results, browse entities."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from rdflib import URIRef

from kg.ontology import load_ontology, vocabulary
from kg.store.queries import list_named_queries
from kg.vocab import ID, NAMESPACES, REGISTRY_GRAPH, SPARQL_PREFIXES
from rekg_server.deps import ServicesDep, templates_of
from rekg_server.links import local_path
from rekg_server.pictures import timeline_picture

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

CLASSES = (
    SPARQL_PREFIXES
    + f"""SELECT ?class ?label (COUNT(DISTINCT ?e) AS ?n) WHERE {{
  GRAPH <{REGISTRY_GRAPH}> {{ ?e a ?class }}
  ?class rdfs:label ?label
}} GROUP BY ?class ?label ORDER BY DESC(?n) ?label"""
)

MEMBERS = (
    SPARQL_PREFIXES
    + f"""SELECT ?class ?e ?label WHERE {{
  ?e a ?class ; rdfs:label ?label . FILTER STRSTARTS(STR(?e), "{ID}")
}} ORDER BY ?label LIMIT 1000"""
)

EXAMPLE = (
    SPARQL_PREFIXES
    + """
# Who operates which facility, and where?
SELECT ?operator ?operatorLabel ?facility ?facilityLabel ?placeLabel WHERE {
  ?operator rekg:operates ?facility ; rdfs:label ?operatorLabel .
  ?facility rdfs:label ?facilityLabel ; rekg:locatedIn/rdfs:label ?placeLabel .
}
ORDER BY ?operatorLabel
"""
)


@lru_cache(maxsize=1)
def editor_vocabulary() -> dict[str, Any]:
    """What the SPARQL editor completes: the prefixes, and the ontology's classes and
    properties as prefixed names with their labels and definitions."""
    chosen = vocabulary(load_ontology())
    described = [
        term | {"kind": kind, "name": f"rekg:{term['name']}"}
        for kind, group in (("class", "classes"), ("property", "properties"))
        for term in chosen[group]
    ]
    return {"prefixes": NAMESPACES, "terms": described}


@router.get("/", response_class=HTMLResponse)
async def index(request: Request, services: ServicesDep) -> HTMLResponse:
    """The query page, with the named questions and the entity classes to browse."""
    classes = await services.select("web", CLASSES)
    return templates_of(request).TemplateResponse(
        request,
        "index.html",
        {
            "queries": list_named_queries(),
            "classes": classes,
            "example": EXAMPLE,
            "vocabulary": editor_vocabulary(),
            "local_path": local_path,
        },
    )


@router.get("/timeline", response_class=HTMLResponse)
async def timeline(request: Request, services: ServicesDep) -> HTMLResponse:
    """Every dated agreement, alliance, export control and event, on one time axis."""
    drawn = await services.call("timeline", timeline_picture)
    return templates_of(request).TemplateResponse(request, "timeline.html", {"svg": drawn})


@router.get("/browse", response_class=HTMLResponse)
async def browse(request: Request, services: ServicesDep, cls: str) -> HTMLResponse:
    """Every entity of one class (``?cls=`` its IRI), with links to their pages."""
    rows = await services.select("web", MEMBERS, **{"class": URIRef(cls)})
    return templates_of(request).TemplateResponse(
        request,
        "browse.html",
        {
            "cls": cls,
            "rows": rows,
            "local_path": local_path,
        },
    )
