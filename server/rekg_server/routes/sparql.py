"""The SPARQL 1.1 query endpoint and its service description."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from kg.errors import NotAcceptable
from kg.store.formats import GRAPH_TYPES
from kg.store.sparql import query_algebra
from rekg_server.deps import respond, services_of
from rekg_server.errors import ProtocolError
from rekg_server.negotiation import answer_types, choose, requested_format, result_types
from rekg_server.responses import QUERY_RESULTS, ok
from rekg_server.routes._protocol import protocol_params, single

__all__ = ["PlainRoute", "graph_response", "router", "service_description"]


class PlainRoute(APIRoute):
    """A route whose endpoint takes the :class:`Request` alone and returns its :class:`Response`:
    FastAPI's per-request dependency solving and response handling are skipped (a fifth to a
    third of the server's time for a point lookup); the operation stays
    in the OpenAPI description, its parameters declared with ``openapi_extra``."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        return self.endpoint


router = APIRouter(tags=["SPARQL"], route_class=PlainRoute)
_PROTOCOL_PARAMETERS = [
    {
        "name": "query",
        "in": "query",
        "required": False,
        "schema": {"type": "string"},
        "description": "The SPARQL query; without one (and no body) the service description is answered.",
    },
    {
        "name": "default-graph-uri",
        "in": "query",
        "required": False,
        "schema": {"type": "array", "items": {"type": "string"}},
        "description": "IRIs of the graphs whose merge is the default graph (else the union of every graph).",
    },
    {
        "name": "named-graph-uri",
        "in": "query",
        "required": False,
        "schema": {"type": "array", "items": {"type": "string"}},
        "description": "IRIs of the graphs GRAPH patterns may name (else every graph).",
    },
    {
        "name": "format",
        "in": "query",
        "required": False,
        "schema": {"type": "string"},
        "description": "A format name or media type that wins over the Accept header (`json`, `xml`, `csv`, `tsv`, `turtle`, …).",
    },
]
_QUERY_BODY = {
    "required": False,
    "content": {
        "application/sparql-query": {"schema": {"type": "string"}},
        "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {"query": {"type": "string"}}}},
    },
}
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
_RDFLIB_FORMATS = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld", "application/rdf+xml": "xml"}


def service_description(endpoint: str, void: str) -> Graph:
    """The SPARQL 1.1 Service Description of the endpoint, linked to the dataset's VoID at ``void``."""
    graph = Graph()
    graph.bind("sd", SD)
    service = BNode()
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, URIRef(endpoint)))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for fmt in (
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "JSON-LD",
        "RDF_XML",
    ):
        graph.add((service, SD.resultFormat, FORMATS[fmt]))
    dataset = BNode()
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    default = BNode()
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    graph.add((service, RDFS.seeAlso, URIRef(void)))
    graph.add((dataset, RDFS.seeAlso, URIRef(void)))
    graph.add(
        (default, DCTERMS.description, Literal("The union of every named graph: each source's graph, the ontology and the inferred graph."))
    )
    return graph


def graph_response(graph: Graph, accept: str | None) -> Response:
    """An rdflib graph serialised in the RDF format the client prefers."""
    media = choose(accept, GRAPH_TYPES)
    if media is None:
        raise NotAcceptable(f"this resource is available as {', '.join(GRAPH_TYPES)}")
    return Response(graph.serialize(format=_RDFLIB_FORMATS[media]), media_type=media, headers={"Vary": "Accept"})


@router.get(
    "/sparql",
    summary="SPARQL 1.1 query endpoint (GET)",
    operation_id="sparql_get",
    responses=ok(*QUERY_RESULTS),
    openapi_extra={"parameters": _PROTOCOL_PARAMETERS},
)
@router.post(
    "/sparql",
    summary="SPARQL 1.1 query endpoint (POST form or application/sparql-query)",
    operation_id="sparql_post",
    responses=ok(*QUERY_RESULTS),
    openapi_extra={"parameters": _PROTOCOL_PARAMETERS, "requestBody": _QUERY_BODY},
)
async def sparql(request: Request) -> Response:
    """Answer a SPARQL query (GET, POST form, POST application/sparql-query); with no query,
    describe the service."""
    params, body = await protocol_params(request, "application/sparql-query")
    if "update" in params:
        raise ProtocolError("this is the query endpoint: send updates to /update")
    query = body if body is not None else single(params, "query")
    endpoint = str(request.url.replace(query=""))  # url_for would cost a tenth of a point lookup
    if query is None:
        return graph_response(service_description(endpoint, str(request.url_for("well_known_void"))), request.headers.get("accept"))
    types = answer_types(result_types(request.headers.get("accept"), requested_format(params)), query)
    return respond(
        await services_of(request).run(
            "sparql",
            query,
            **types,
            default_graphs=params.get("default-graph-uri") or None,
            named_graphs=params.get("named-graph-uri") or None,
            base_iri=endpoint,
        )
    )


@router.get(
    "/sparql/plan",
    summary="How a query is evaluated: its SPARQL algebra",
    openapi_extra={"parameters": [{"name": "query", "in": "query", "required": True, "schema": {"type": "string"}}]},
)
async def plan(request: Request) -> Response:
    """The query's algebra, operator by operator (``{"op", "detail", "children"}`` nested), as
    rdflib translates it; the embedded store does not report its own plan or row counts."""
    query = request.query_params.get("query")
    if not query:
        raise ProtocolError("no query: give it as the `query` parameter")
    return JSONResponse(query_algebra(query))
