"""Linked-data pages: every entity and the ontology, as HTML for people and RDF for programs,
and the label search behind the page's search box."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from rdflib import Literal, URIRef

from kg.errors import NotAcceptable, QueryError
from kg.publish.ontology_doc import ontology_html
from kg.store.formats import GRAPH_TYPES, JSON_LD, N_TRIPLES, RDF_XML, TURTLE, media_type_of
from kg.store.provenance import update_evidence
from kg.vocab import ID, ONTOLOGY_GRAPH, SPARQL_PREFIXES
from rekg_server.deps import ServicesDep, respond, templates_of
from rekg_server.errors import NotFound
from rekg_server.links import local_path
from rekg_server.negotiation import HTML, choose
from rekg_server.pictures import entity_pictures
from rekg_server.responses import PAGE_OR_RDF, ok

__all__ = ["local_path", "page_or_rdf", "router"]

router = APIRouter(tags=["Entities"])
PAGE_LIMIT = 500  # an entity page walks a bounded neighbourhood

PREFIXES = SPARQL_PREFIXES

# Statements out of the entity, with the source and quote of the claim behind each.
OUTGOING = (
    PREFIXES
    + f"""SELECT DISTINCT ?e ?p ?pLabel ?o ?oLabel ?sourceLabel ?quote WHERE {{
  ?e ?p ?o .
  OPTIONAL {{ ?p rdfs:label ?pLabel FILTER (LANG(?pLabel) IN ("en", "")) }}
  OPTIONAL {{ ?o rdfs:label ?oLabel }}
  OPTIONAL {{ {{ ?c rdf:subject ?e ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom/rdfs:label ?sourceLabel ;
                 rekg:evidence/oa:hasSelector/oa:exact ?quote }} UNION {{ {update_evidence("?e", "?p", "?o")} }} }}
}} ORDER BY ?pLabel ?oLabel LIMIT {PAGE_LIMIT}"""
)

# Statements into the entity, leaving out the claim and figure nodes that only point at it.
INCOMING = (
    PREFIXES
    + f"""SELECT DISTINCT ?e ?s ?sLabel ?p ?pLabel ?sourceLabel ?quote WHERE {{
  ?s ?p ?e .
  FILTER (?p NOT IN (rdf:subject, rdf:object, rekg:figureSubject))
  OPTIONAL {{ ?p rdfs:label ?pLabel FILTER (LANG(?pLabel) IN ("en", "")) }}
  OPTIONAL {{ ?s rdfs:label ?sLabel }}
  OPTIONAL {{ {{ ?c rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?e ; prov:wasDerivedFrom/rdfs:label ?sourceLabel ;
                 rekg:evidence/oa:hasSelector/oa:exact ?quote }} UNION {{ {update_evidence("?s", "?p", "?e")} }} }}
}} ORDER BY ?pLabel ?sLabel LIMIT {PAGE_LIMIT}"""
)

FIGURES = (
    PREFIXES
    + f"""SELECT DISTINCT ?e ?metricLabel ?value ?unit ?hedge ?year ?period ?scope ?sourceLabel ?quote WHERE {{
  ?f rekg:figureSubject ?e ; rekg:metric/rdfs:label ?metricLabel ; rekg:value ?value ; rekg:unit ?unit ;
     prov:wasDerivedFrom/rdfs:label ?sourceLabel ; rekg:evidence/oa:hasSelector/oa:exact ?quote .
  OPTIONAL {{ ?f rekg:hedge ?hedge }} OPTIONAL {{ ?f rekg:year ?year }}
  OPTIONAL {{ ?f rekg:period ?period }} OPTIONAL {{ ?f rekg:scope ?scope }}
}} ORDER BY ?metricLabel ?year LIMIT {PAGE_LIMIT}"""
)

# Claims about the entity that are no plain statement, or hold only for a time: under their
# modality (planned, possibility, ...) and valid time, each with its source and quote.
CLAIMS = (
    PREFIXES
    + f"""SELECT DISTINCT ?c ?modality ?sLabel ?pLabel ?o ?oLabel ?cLabel ?at ?from ?until ?sourceLabel ?quote WHERE {{
  {{ ?c rdf:subject ?e }} UNION {{ ?c rdf:object ?e }} UNION {{ ?c rekg:statementKind ?kind ; ?any ?e }}
  ?c rekg:modality ?m . ?m rdfs:label ?modality .
  OPTIONAL {{ ?c rekg:validAt ?at }} OPTIONAL {{ ?c rekg:validFrom ?from }} OPTIONAL {{ ?c rekg:validUntil ?until }}
  FILTER (?m != <{ID}modality/stated> || BOUND(?from) || BOUND(?until) || (BOUND(?at) && !BOUND(?kind)))
  OPTIONAL {{ ?c rdf:subject/rdfs:label ?sLabel }} OPTIONAL {{ ?c rdf:predicate/rdfs:label ?pLabel FILTER (LANG(?pLabel) IN ("en", "")) }}
  OPTIONAL {{ ?c rdf:object ?o OPTIONAL {{ ?o rdfs:label ?oLabel }} }} OPTIONAL {{ ?c rdfs:label ?cLabel }}
  ?c prov:wasDerivedFrom/rdfs:label ?sourceLabel ; rekg:evidence/oa:hasSelector/oa:exact ?quote .
}} ORDER BY ?modality ?pLabel LIMIT {PAGE_LIMIT}"""
)

# The entity's statements both ways, and the claims that state them with their sources and quotes.
DESCRIBE = (
    PREFIXES
    + """CONSTRUCT { ?e ?p ?o . ?s ?q ?e . ?c ?cp ?co . ?c rekg:evidence ?ev . ?ev oa:hasSelector ?sel . ?sel oa:exact ?quote . ?src rdfs:label ?srcLabel } WHERE {
  { ?e ?p ?o } UNION { ?s ?q ?e FILTER (?q NOT IN (rdf:subject, rdf:object)) }
  UNION { ?c rdf:subject|rdf:object ?e ; ?cp ?co . OPTIONAL { ?c rekg:evidence ?ev . ?ev oa:hasSelector ?sel . ?sel oa:exact ?quote }
          OPTIONAL { ?c prov:wasDerivedFrom ?src . ?src rdfs:label ?srcLabel } }
}"""
)

SEARCH = (
    PREFIXES
    + f"""SELECT DISTINCT ?q ?e ?label ?typeLabel WHERE {{
  ?e rdfs:label|skos:altLabel|rekg:surfaceForm ?match .
  FILTER (STRSTARTS(STR(?e), "{ID}") && CONTAINS(LCASE(STR(?match)), LCASE(?q)))
  ?e rdfs:label ?label .
  OPTIONAL {{ ?e a ?type . ?type rdfs:label ?typeLabel FILTER (STRSTARTS(STR(?type), STR(rekg:))) }}
}} ORDER BY STRLEN(?label) ?label LIMIT 20"""
)


def _group(rows: list[dict[str, Any]], key: tuple[str, ...]) -> list[dict[str, Any]]:
    """Merge rows that differ only in source/quote into one statement with its evidence."""
    grouped: dict[tuple[Any, ...], dict[str, Any]] = {}
    evidence: dict[tuple[Any, ...], list[tuple[str, str]]] = defaultdict(list)
    for row in rows:
        ident = tuple(row.get(k) for k in key)
        grouped.setdefault(ident, row)
        if "sourceLabel" in row and (row["sourceLabel"], row.get("quote", "")) not in evidence[ident]:
            evidence[ident].append((row["sourceLabel"], row.get("quote", "")))
    return [{**row, "evidence": evidence[ident]} for ident, row in grouped.items()]


# The suffix URLs of an entity: /id/{kind}/{slug}.ttl and so on, one a format.
SUFFIXES = {"html": HTML, "ttl": TURTLE, "nt": N_TRIPLES, "jsonld": JSON_LD, "rdf": RDF_XML}
# The schema.org type an entity page declares for search engines, by the entity's kind.
SCHEMA_TYPES = {
    "company": "Organization",
    "agency": "GovernmentOrganization",
    "org": "Organization",
    "alliance": "Organization",
    "publisher": "Organization",
    "country": "Country",
    "region": "Place",
    "city": "City",
    "facility": "Place",
    "person": "Person",
    "event": "Event",
    "material": "Product",
    "source": "CreativeWork",
}


def _alternates(kind: str, slug: str) -> list[dict[str, str]]:
    """The URL and media type of each representation of an entity."""
    return [{"href": f"/id/{kind}/{slug}.{suffix}", "type": media} for suffix, media in SUFFIXES.items()]


def _representation_headers(kind: str, slug: str, media: str) -> dict[str, str]:
    """Content-Location of the representation served, and Link headers to every other one and
    to the data that describes the entity (W3C "Cool URIs for the Semantic Web")."""
    suffix = next(s for s, m in SUFFIXES.items() if m == media)
    links = [f'<{a["href"]}>; rel="alternate"; type="{a["type"]}"' for a in _alternates(kind, slug)]
    links.append(f'</id/{kind}/{slug}.ttl>; rel="describedby"; type="{TURTLE}"')
    return {"Content-Location": f"/id/{kind}/{slug}.{suffix}", "Link": ", ".join(links), "Vary": "Accept"}


MAP_KINDS = frozenset({"country", "company", "facility"})
"""The kinds of entity whose page shows the world map focused on them."""


@router.get("/id/{kind}/{slug}", summary="An entity, as HTML or RDF", response_model=None, responses=ok(*PAGE_OR_RDF))
async def entity(kind: str, slug: str, request: Request, services: ServicesDep) -> Response:
    """The entity's page (HTML) or its description (RDF), by content negotiation, or by the
    suffix of ``slug`` (``.html``, ``.ttl``, ``.nt``, ``.jsonld``, ``.rdf``)."""
    stem, dot, suffix = slug.rpartition(".")
    if dot and suffix in SUFFIXES:
        slug, media = stem, SUFFIXES[suffix]
    else:
        media = page_or_rdf(request)
    iri = f"{ID}{kind}/{slug}"
    subject = URIRef(iri)
    headers = _representation_headers(kind, slug, media)
    try:
        outgoing = await services.select("entity", OUTGOING, e=subject)
        incoming = await services.select("entity", INCOMING, e=subject)
    except QueryError:  # the path makes no valid IRI: there is no such entity
        raise NotFound(f"no entity {iri}") from None
    if not outgoing and not incoming:
        raise NotFound(f"no entity {iri}")
    if media != HTML:
        return respond(await services.run("entity", DESCRIBE, graph_type=media, bindings={"e": subject}), headers=headers)
    figures = await services.select("entity", FIGURES, e=subject)
    claims = await services.select("entity", CLAIMS, e=subject)
    label = next((r["o"] for r in outgoing if r["p"] == "http://www.w3.org/2000/01/rdf-schema#label"), slug)
    version = services.version() or await anyio.to_thread.run_sync(lambda: services.reader().version())
    drawn = await request.app.state.pictures.pictures(
        version, kind, iri, label, lambda: services.call("pictures", entity_pictures, kind, iri, label)
    )
    types = sorted({r.get("oLabel", r["o"]) for r in outgoing if r["p"].endswith("22-rdf-syntax-ns#type")})
    templates = templates_of(request)
    return templates.TemplateResponse(
        request,
        "entity.html",
        {
            "iri": iri,
            "label": label,
            "types": types,
            "outgoing": _group([r for r in outgoing if not r["p"].endswith("22-rdf-syntax-ns#type")], ("p", "o")),
            "incoming": _group(incoming, ("s", "p")),
            "figures": figures,
            "claims": claims,
            "local_path": local_path,
            "alternates": _alternates(kind, slug),
            "pictures": drawn,
            "map_focus": iri if kind in MAP_KINDS else None,
            "jsonld": json.dumps(
                {
                    "@context": "https://schema.org",
                    "@type": SCHEMA_TYPES.get(kind, "Thing"),
                    "@id": iri,
                    "name": label,
                    "url": iri,
                    "subjectOf": {"@id": f"{iri}.ttl", "encodingFormat": TURTLE},
                }
            ).replace("</", "<\\/"),
        },
        headers=headers,
    )


def page_or_rdf(request: Request) -> str:
    """HTML or an RDF media type, by ``?format=`` or the Accept header."""
    fmt = request.query_params.get("format")
    accept = media_type_of(fmt, GRAPH_TYPES) if fmt else request.headers.get("accept")
    media = choose(accept, (HTML, *GRAPH_TYPES))
    if media is None:
        raise NotAcceptable(f"this resource is available as {', '.join((HTML, *GRAPH_TYPES))}")
    return media


@router.get("/ontology", summary="The ontology, as HTML or RDF", response_model=None, responses=ok(*PAGE_OR_RDF))
async def ontology(request: Request, services: ServicesDep) -> Response:
    """The ontology at its namespace IRI: its pyLODE documentation for people, the OWL graph for programs."""
    media = page_or_rdf(request)
    if media != HTML:
        return respond(
            await services.run("ontology", "CONSTRUCT WHERE { ?s ?p ?o }", graph_type=media, default_graphs=[str(ONTOLOGY_GRAPH)])
        )
    return HTMLResponse(await anyio.to_thread.run_sync(ontology_html), headers={"Vary": "Accept"})


@router.get("/search", summary="Search entities by label")
async def search(q: str, services: ServicesDep) -> list[dict[str, str]]:
    """Entities whose label or alternative label contains ``q`` (case-insensitive)."""
    if not q.strip():
        return []
    rows = await services.select("search", SEARCH, q=Literal(q.strip()[:100]))
    return [{"iri": r["e"], "label": r["label"], "type": r.get("typeLabel", ""), "path": local_path(r["e"])} for r in rows]
