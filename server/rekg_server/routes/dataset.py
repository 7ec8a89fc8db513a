"""The dataset described for linked-data clients (VoID and DCAT, at ``/dataset`` and
``/.well-known/void``) and its downloads (``/dumps/{file}``), from a release of the store that
is written on the first request after each change of the store."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response
from rdflib.namespace import DCTERMS

from kg.publish.dataset import DATA_LICENSE, DATASET, DESCRIPTION, TITLE
from kg.publish.release import Release, write_release
from kg.store.base import Store
from kg.vocab import BASE, VERSION
from rekg_server.deps import ServicesDep, templates_of
from rekg_server.errors import NotFound
from rekg_server.negotiation import HTML
from rekg_server.responses import PAGE_OR_RDF, ok
from rekg_server.routes.entities import page_or_rdf
from rekg_server.routes.sparql import graph_response

__all__ = ["router"]

router = APIRouter(tags=["Linked data"])


class ReleaseCache:
    """The release the server offers for download, in a folder of its own, rewritten when the
    store or the address it is reached at has changed since the last one."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.lock = anyio.Lock()
        self.key: tuple[str, str] | None = None
        self.release: Release | None = None

    async def current(self, store: Store, site: str) -> Release:
        """The release of ``store`` as it is now, described as served at ``site``."""
        async with self.lock:
            key = (await anyio.to_thread.run_sync(store.version), site)
            if self.release is None or self.key != key:
                self.release = await anyio.to_thread.run_sync(
                    lambda: write_release(store, self.folder / "current", version=VERSION, site=site, downloads=f"{site}dumps/")
                )
                self.key = key
            return self.release


async def current_release(request: Request, services: ServicesDep) -> Release:
    """The release of the store the request is served from."""
    return cast(Release, await request.app.state.releases.current(services.reader(), str(request.base_url)))


async def _description(request: Request, services: ServicesDep) -> Response:
    media = page_or_rdf(request)
    release = await current_release(request, services)
    if media != HTML:
        return graph_response(release.description, media)
    modified = release.description.value(DATASET, DCTERMS.modified)
    return templates_of(request).TemplateResponse(
        request,
        "dataset.html",
        {
            "title": TITLE,
            "description": DESCRIPTION,
            "version": VERSION,
            "modified": modified,
            "license": DATA_LICENSE,
            "site": str(request.base_url),
            "ontology": BASE + "ontology",
            "stats": release.statistics,
            "distributions": release.distributions,
        },
        headers={"Vary": "Accept"},
    )


@router.get("/dataset", summary="The dataset described (VoID, DCAT), as HTML or RDF", response_model=None, responses=ok(*PAGE_OR_RDF))
async def dataset(request: Request, services: ServicesDep) -> Response:
    """Title, license, version, statistics, partitions, endpoint and downloads of the dataset."""
    return await _description(request, services)


@router.get(
    "/.well-known/void", summary="The VoID description (RFC 8615 well-known location)", response_model=None, responses=ok(*PAGE_OR_RDF)
)
async def well_known_void(request: Request, services: ServicesDep) -> Response:
    """The dataset's description where VoID clients look for it."""
    return await _description(request, services)


# What a download is served as: the dumps gzipped, the ontology and shapes as they are.
DOWNLOAD_TYPES = ("application/gzip", "text/turtle", "application/rdf+xml", "text/html")


@router.get("/dumps/shapes/{name}", summary="A file of the SHACL shapes", response_model=None, responses=ok(*DOWNLOAD_TYPES))
async def shapes_dump(name: str, request: Request, services: ServicesDep) -> FileResponse:
    """One file of the shapes in the current release."""
    return await dump(f"shapes/{name}", request, services)


@router.get("/dumps/{name}", summary="A dump of the dataset, or the ontology", response_model=None, responses=ok(*DOWNLOAD_TYPES))
async def dump(name: str, request: Request, services: ServicesDep) -> FileResponse:
    """One file of the current release, as listed in the dataset's distributions."""
    release = await current_release(request, services)
    path = release.folder / name
    if path not in release.files:
        raise NotFound(f"no download {name!r}: see /dataset for the files")
    media = next(d.media_type for d in release.distributions if d.download_url.endswith("/" + name))
    compressed = name.endswith(".gz")
    return FileResponse(path, media_type="application/gzip" if compressed else media, filename=path.name)
