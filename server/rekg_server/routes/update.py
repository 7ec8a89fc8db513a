"""The SPARQL 1.1 update endpoint, behind a bearer token and the SHACL gate."""

from __future__ import annotations

import secrets

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import Response

from kg.ingest.update import Provenance, apply_update
from rekg_server.deps import ServicesDep
from rekg_server.errors import ProtocolError, UpdateForbidden
from rekg_server.routes._protocol import protocol_params, single

__all__ = ["router"]

router = APIRouter(tags=["SPARQL"])


def _check_token(request: Request, token: str | None) -> None:
    if not token:
        raise UpdateForbidden(403, "updates are disabled on this server (no REKG_UPDATE_TOKEN is set)")
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(value.strip(), token):
        raise UpdateForbidden(401, "a valid `Authorization: Bearer <token>` header is required")


@router.post(
    "/update",
    summary="SPARQL 1.1 update endpoint (bearer token)",
    status_code=204,
    responses={204: {"description": "Applied, with its consequences"}},
)
async def update(request: Request, services: ServicesDep) -> Response:
    """Apply a SPARQL Update if the token matches and the result still conforms to the shapes.

    What it inserts into the default graph goes into a graph of its own that records who (the
    token's configured name), when, and the optional ``source`` IRI and ``quote`` parameters
    (query string or form) that state it."""
    _check_token(request, services.settings.update_token)
    params, body = await protocol_params(request, "application/sparql-update")
    text = body if body is not None else single(params, "update")
    if text is None:
        raise ProtocolError("no update: send it as the `update` form field or an application/sparql-update body")
    source, quote = single(params, "source"), single(params, "quote")
    provenance = Provenance(services.settings.update_token_name, source, quote)
    async with services.write_lock:
        store = services.writer()
        await anyio.to_thread.run_sync(
            lambda: apply_update(
                store,
                text,
                provenance=provenance,
                using=params.get("using-graph-uri", []),
                using_named=params.get("using-named-graph-uri", []),
                base_iri=str(request.url_for("update")),
                engines=services.engines,
            )
        )
        await services.after_write()
    return Response(status_code=204)
