"""The world map: facilities where their sources put them, countries shaded by a stage's shares."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from kg.analysis.places import map_data
from rekg_server.deps import ServicesDep, templates_of

__all__ = ["router"]

router = APIRouter(tags=["Pages"])


@router.get("/map", response_class=HTMLResponse, include_in_schema=False)
async def world_map(request: Request) -> HTMLResponse:
    """Every facility as a marker coloured by stage and linked to its page; countries shaded by
    the measure chosen (a stage's shares, by source and year)."""
    return templates_of(request).TemplateResponse(request, "map.html", {})


@router.get("/map.json", summary="What the map draws")
async def world_map_data(services: ServicesDep) -> dict[str, Any]:
    """Facilities (with the point a source gives, else their country), countries (ISO 3166-1
    alpha-2 and numeric codes) and measures (country shares of a stage by source and year)."""
    data: dict[str, Any] = await services.call("map", map_data)
    return data
