"""The SPARQL 1.1 Protocol (query and update), its service description, and the read side
of the Graph Store Protocol."""

from __future__ import annotations

import asyncio
import secrets
from urllib.parse import parse_qs

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import Response
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef

from kg.errors import QueryError
from kg.update import apply_update
from server.deps import NotAcceptable, ServicesDep, negotiated_request, not_acceptable, respond, run_logged
from server.negotiation import GRAPH_TYPES, RESULT_TYPES, choose

__all__ = ["router"]

router = APIRouter(tags=["SPARQL"])
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
_RDFLIB_FORMATS = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld",
                   "application/rdf+xml": "xml", "text/plain": "nt"}
_update_lock = asyncio.Lock()


class ProtocolError(QueryError):
    """A request that breaks the SPARQL 1.1 Protocol (400)."""


class UnsupportedMediaType(QueryError):
    """A POST body of a media type the endpoint does not take (415)."""


class UpdateForbidden(Exception):
    """Updates are disabled (no token configured) or the token is wrong."""

    def __init__(self, status: int, message: str):
        self.status, self.message = status, message


async def _protocol_params(request: Request, body_type: str) -> tuple[dict[str, list[str]], str | None]:
    """Parameters from the URL and a form body, and the raw body when it is ``body_type``."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    if request.method != "POST":
        return params, None
    content_type = request.headers.get("content-type", "")
    media = content_type.split(";")[0].strip().lower()
    charset = next((p.split("=", 1)[1].strip().strip('"').lower() for p in content_type.split(";")[1:]
                    if p.strip().lower().startswith("charset=")), "utf-8")
    if charset not in ("utf-8", "utf8"):
        raise UnsupportedMediaType(f"charset {charset!r} is not supported: send UTF-8")
    try:
        raw = (await request.body()).decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError("the request body is not valid UTF-8") from None
    if media == "application/x-www-form-urlencoded":
        for key, values in parse_qs(raw, keep_blank_values=True).items():
            params.setdefault(key, []).extend(values)
        return params, None
    if media == body_type:
        return params, raw
    raise UnsupportedMediaType(
        f"POST with Content-Type {media or 'none'!r}: send application/x-www-form-urlencoded or {body_type}"
    )


def _single(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise ProtocolError(f"more than one {name!r} parameter")
    return values[0] if values else None


def service_description(endpoint: str) -> Graph:
    """The SPARQL 1.1 Service Description of the endpoint."""
    graph = Graph()
    graph.bind("sd", SD)
    service = BNode()
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, URIRef(endpoint)))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for fmt in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "N-Triples", "JSON-LD", "RDF_XML"):
        graph.add((service, SD.resultFormat, FORMATS[fmt]))
    dataset = BNode()
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    default = BNode()
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    graph.add((default, URIRef("http://purl.org/dc/terms/description"),
               Literal("The union of every named graph: each source's graph, the ontology and the inferred graph.")))
    return graph


def _graph_response(graph: Graph, accept: str | None) -> Response:
    media = choose(accept, list(GRAPH_TYPES))
    if media is None:
        return not_acceptable(list(GRAPH_TYPES))
    return Response(graph.serialize(format=_RDFLIB_FORMATS[media]), media_type=media, headers={"Vary": "Accept"})


@router.api_route("/sparql", methods=["GET", "POST"], summary="SPARQL 1.1 query endpoint")
async def sparql(request: Request, services: ServicesDep) -> Response:
    """Answer a SPARQL query (GET, POST form, POST application/sparql-query); with no query,
    describe the service."""
    params, body = await _protocol_params(request, "application/sparql-query")
    if "update" in params:
        raise ProtocolError("this is the query endpoint: send updates to /update")
    query = body if body is not None else _single(params, "query")
    if query is None:
        return _graph_response(service_description(str(request.url_for("sparql"))), request.headers.get("accept"))
    default_graphs = params.get("default-graph-uri") or None
    named_graphs = params.get("named-graph-uri") or None
    try:
        query_request = negotiated_request(
            request.headers.get("accept"), _single(params, "format"), query,
            default_graphs=default_graphs, named_graphs=named_graphs,
            max_rows=services.settings.max_rows, base_iri=str(request.url_for("sparql")),
        )
    except NotAcceptable:
        return not_acceptable([*RESULT_TYPES, *GRAPH_TYPES])
    return respond(await run_logged(services, "sparql", query_request))


def _check_token(request: Request, token: str | None) -> None:
    if not token:
        raise UpdateForbidden(403, "updates are disabled on this server (no REKG_UPDATE_TOKEN is set)")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(value.strip(), token):
        raise UpdateForbidden(401, "a valid `Authorization: Bearer <token>` header is required")


@router.post("/update", summary="SPARQL 1.1 update endpoint (bearer token)")
async def update(request: Request, services: ServicesDep) -> Response:
    """Apply a SPARQL Update if the token matches and the result still conforms to the shapes."""
    _check_token(request, services.settings.update_token)
    params, body = await _protocol_params(request, "application/sparql-update")
    text = body if body is not None else _single(params, "update")
    if text is None:
        raise ProtocolError("no update: send it as the `update` form field or an application/sparql-update body")
    async with _update_lock:
        database = await anyio.to_thread.run_sync(lambda: apply_update(
            services.settings.store_dir, text,
            using=params.get("using-graph-uri", []), using_named=params.get("using-named-graph-uri", []),
            base_iri=str(request.url_for("update")),
        ))
        await services.pool.restart(database)
    return Response(status_code=204)


@router.get("/rdf-graph-store", summary="Graph Store Protocol: read one graph")
async def graph_store(request: Request, services: ServicesDep) -> Response:
    """Return one named graph (``?graph=IRI``) or the default graph (``?default``) as RDF."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    graph = _single(params, "graph")
    if (graph is None) == ("default" not in params):
        raise ProtocolError("give exactly one of ?graph=IRI or ?default")
    media = choose(request.headers.get("accept"), list(GRAPH_TYPES))
    if media is None:
        return not_acceptable(list(GRAPH_TYPES))
    if graph is not None:
        exists = await run_logged(services, "graph-store", negotiated_request(
            "application/sparql-results+json", None, "ASK { GRAPH ?g { ?s ?p ?o } }", named_graphs=[graph]))
        if b"true" not in exists.body:
            return Response(f"no graph {graph}\n", status_code=404, media_type="text/plain")
    query_request = negotiated_request(
        media, None, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
        default_graphs=[graph] if graph else None, max_rows=services.settings.max_rows,
    )
    return respond(await run_logged(services, "graph-store", query_request))
