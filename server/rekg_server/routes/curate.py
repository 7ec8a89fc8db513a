"""The review page: an article in, its drafted facts reviewed card by card, the sheet saved
into the facts folder and applied to the store — behind the update token, as ``/update`` is.

``GET /curate`` signs a person in with the token (a session cookie that holds a keyed hash
of it, never the token) and serves the page. The page posts JSON to ``/curate/draft`` (the
extractor's draft of a pasted or uploaded article), ``/curate/check`` (every problem of the
sheet, field by field, as the cards are edited), ``/curate/save`` and ``/curate/apply`` (see
:class:`kg.curation.review.Review`). Each of these takes the cookie or an
``Authorization: Bearer`` header.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import asdict
from typing import Any
from urllib.parse import parse_qs

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from kg.curation.articles import MAX_ARTICLE_BYTES
from kg.curation.draft import draft_document, draft_facts
from kg.curation.proposals import slugify
from kg.curation.review import Review, ReviewRefused
from kg.errors import KgError
from kg.ontology import load_ontology, vocabulary
from kg.vocab import entity_ref
from rekg_server.deps import Services, ServicesDep, templates_of
from rekg_server.errors import UpdateForbidden

__all__ = ["router"]

router = APIRouter(tags=["Curation"])
COOKIE = "rekg_curate"


class Article(BaseModel):
    """An article to draft a sheet from."""

    text: str = Field(min_length=1, max_length=MAX_ARTICLE_BYTES)
    name: str = Field(default="article", max_length=200, description="The file name or a short name; the source id is made from it.")


class ReviewedSheet(BaseModel):
    """An article and the sheet reviewed from it (plain data, in the sections of a source sheet)."""

    text: str = Field(min_length=1, max_length=MAX_ARTICLE_BYTES)
    sheet: dict[str, Any]


def _session(token: str) -> str:
    """The cookie's value for ``token``: a keyed hash, so the cookie never holds the token."""
    return hmac.new(token.encode(), b"rekg curate session", hashlib.sha256).hexdigest()


def _signed_in(request: Request, services: Services) -> bool:
    token = services.settings.update_token
    if not token:
        raise UpdateForbidden(403, "curation is disabled on this server (no REKG_UPDATE_TOKEN is set)")
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and secrets.compare_digest(value.strip(), token):
        return True
    return secrets.compare_digest(request.cookies.get(COOKIE, ""), _session(token))


def _require(request: Request, services: Services) -> None:
    if not _signed_in(request, services):
        raise UpdateForbidden(401, "sign in at /curate with the update token, or send `Authorization: Bearer <token>`")


@router.get("/curate", response_class=HTMLResponse, include_in_schema=False)
async def curate_page(request: Request, services: ServicesDep) -> Response:
    """The review page, or the sign-in form (401) for a person not signed in."""
    signed_in = _signed_in(request, services)
    context = {"signed_in": signed_in, "reviewer": services.settings.update_token_name, "facts_dir": services.settings.facts_dir}
    if signed_in:
        context["vocabulary"] = vocabulary(load_ontology())
    return templates_of(request).TemplateResponse(request, "curate.html", context, status_code=200 if signed_in else 401)


@router.post("/curate/session", include_in_schema=False)
async def sign_in(request: Request, services: ServicesDep) -> Response:
    """Sign in with the update token (the form field ``token``): a session cookie for the review page."""
    token = (parse_qs((await request.body()).decode("utf-8", "replace")).get("token") or [""])[0]
    expected = services.settings.update_token
    if not expected:
        raise UpdateForbidden(403, "curation is disabled on this server (no REKG_UPDATE_TOKEN is set)")
    if not secrets.compare_digest(token.strip(), expected):
        raise UpdateForbidden(401, "wrong token")
    response = RedirectResponse("/curate", status_code=303)
    response.set_cookie(COOKIE, _session(expected), httponly=True, samesite="strict", path="/curate")
    return response


@router.post("/curate/draft", summary="Draft a fact sheet from an article")
async def draft(article: Article, request: Request, services: ServicesDep) -> dict[str, Any]:
    """The extractor's draft of ``article``: its sentences and mentions (character offsets),
    the draft sheet, and each drafted fact as a card with the index of its sentence."""
    _require(request, services)
    extractor = await _extractor(request, services)
    extraction = await anyio.to_thread.run_sync(extractor.extract, article.text)
    source_id = "s-" + (slugify(article.name.rsplit(".", 1)[0]) or "article")
    sheet = draft_document(extraction, f"{source_id}.txt", source_id=source_id, text=article.text)
    return {
        "sentences": [{"start": s.start, "end": s.end} for s in extraction.sentences],
        "mentions": [
            {"start": m.start, "end": m.end, "ref": entity_ref(m.ref_iri), "known": m.iri is not None, "sentence": m.sentence}
            for m in extraction.mentions
        ],
        "sheet": {key: value for key, value in sheet.items() if key != "facts"},
        "cards": [{"sentence": d.sentence, "fact": d.fact} for d in draft_facts(extraction)],
    }


async def _extractor(request: Request, services: Services) -> Any:
    """The extractor over the graph's names, made once per version of the graph."""
    from kg.curation.extract import Extractor
    from kg.curation.gazetteer import gazetteer

    version = await anyio.to_thread.run_sync(lambda: services.reader().version())
    cached = getattr(request.app.state, "extractor", None)
    if cached is None or cached[0] != version:
        made = Extractor(await anyio.to_thread.run_sync(gazetteer, services.reader()))
        request.app.state.extractor = cached = (version, made)
    return cached[1]


def _review(reviewed: ReviewedSheet, services: Services) -> Review:
    return Review(services.settings.facts_dir, reviewed.text, reviewed.sheet, services.settings.update_token_name)


def _refused(error: ReviewRefused) -> JSONResponse:
    return JSONResponse({"problems": [asdict(p) for p in error.problems]}, status_code=422)


@router.post("/curate/check", summary="Check a reviewed sheet, field by field")
async def check(reviewed: ReviewedSheet, request: Request, services: ServicesDep) -> dict[str, Any]:
    """Every problem of the sheet (schema, quotes, modality lint, the shapes of the nodes it
    touches), each with its field, and the YAML it would be saved as; nothing is written."""
    _require(request, services)
    review = _review(reviewed, services)
    yaml, problems = await anyio.to_thread.run_sync(lambda: review.check(services.reader(), services.settings.corpus_dir))
    return {"yaml": yaml, "problems": [asdict(p) for p in problems]}


@router.post("/curate/save", summary="Save a reviewed sheet into the facts folder", responses={422: {"description": "A check failed"}})
async def save(reviewed: ReviewedSheet, request: Request, services: ServicesDep) -> Response:
    """Write the sheet (as a person writes one, keeping the comments of the sheet on disk) and
    the article's text into the facts folder, if every check passes; else nothing."""
    _require(request, services)
    review = _review(reviewed, services)
    try:
        path = await anyio.to_thread.run_sync(lambda: review.save(services.reader(), services.settings.corpus_dir))
    except ReviewRefused as error:
        return _refused(error)
    return JSONResponse({"saved": path.name, "yaml": path.read_text(encoding="utf-8")})


@router.post(
    "/curate/apply", summary="Apply a reviewed sheet to the store, then save it", responses={422: {"description": "A check failed"}}
)
async def apply(reviewed: ReviewedSheet, request: Request, services: ServicesDep) -> Response:
    """Load the sheet into the store incrementally, all or nothing, with the reviewer (the
    token's name) and the time as its provenance; then save it as ``/curate/save`` does."""
    _require(request, services)
    review = _review(reviewed, services)
    async with services.write_lock:
        store = services.writer()
        try:
            summary = await anyio.to_thread.run_sync(lambda: review.apply(store, services.settings.corpus_dir, services.engines))
        except ReviewRefused as error:
            return _refused(error)
        except KgError as error:  # the ontology refused it (an inconsistency): nothing was written
            return JSONResponse({"problems": [{"field": "", "message": str(error)}]}, status_code=422)
        await services.after_write()
    return JSONResponse(
        {
            "saved": review.sheet_path.name,
            "graph": (summary.changed_graphs or [""])[0],
            "seconds": round(summary.seconds, 3),
            "applied_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
    )
