"""Where things are, for the map: each facility with the point a source gives for it (else the
country it is in), its stage and operators; each country with its ISO codes; and the country
shares of a stage, by source and year, to shade countries by."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

import pycountry

from kg.analysis.concentration import concentration
from kg.store.base import Store
from kg.vocab import ID, SPARQL_PREFIXES

__all__ = ["MAP_STAGES", "CountryPlace", "FacilityPlace", "Measure", "map_data"]

MAP_STAGES = ("mining", "processing", "refining", "separation")
"""The stages whose country shares the map can shade by."""

_FACILITIES = (
    SPARQL_PREFIXES
    + """SELECT ?f ?label ?kind ?wkt ?source ?sourceLabel ?stage ?stageLabel ?country ?operator WHERE {
  ?f a rekg:Facility ; rdfs:label ?label .
  OPTIONAL { ?f a ?kind . ?kind rdfs:subClassOf rekg:Facility FILTER (?kind != rekg:Facility) }
  OPTIONAL { ?f geo:hasGeometry ?g . ?g geo:asWKT ?wkt OPTIONAL { ?g prov:wasDerivedFrom ?source . ?source rdfs:label ?sourceLabel } }
  OPTIONAL { ?f rekg:performsStage ?stage . ?stage rdfs:label ?stageLabel }
  OPTIONAL { ?f rekg:locatedIn+ ?country . ?country a rekg:Country }
  OPTIONAL { ?operator rekg:operates ?f }
}"""
)

_COUNTRIES = SPARQL_PREFIXES + """SELECT ?c ?label ?iso WHERE { ?c a rekg:Country ; rdfs:label ?label ; rekg:isoCode ?iso }"""

# a facility's stage when the graph gives none: what its kind does
_KIND_STAGES = {"Mine": "mining", "SeparationPlant": "separation", "Refinery": "refining", "MagnetPlant": "magnet-making"}
_POINT = re.compile(r"^\s*POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)\s*$", re.IGNORECASE)


@dataclass
class FacilityPlace:
    """A facility on the map: its own point when a source gives one (``lat``/``lon`` and the
    source), else only the country it is in (drawn there, marked as not placed exactly)."""

    iri: str
    label: str
    path: str
    stage: str
    stage_label: str
    lat: float | None = None
    lon: float | None = None
    source_label: str | None = None
    country: str | None = None
    operators: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CountryPlace:
    """A country with its ISO 3166-1 codes (the outlines are keyed by the numeric one)."""

    iri: str
    label: str
    path: str
    iso2: str
    numeric: str


@dataclass(frozen=True)
class Measure:
    """One way to shade countries: the shares of a stage one source gives for one year."""

    id: str
    stage: str
    label: str
    values: dict[str, float]
    texts: dict[str, str]


def _path(iri: str) -> str:
    return "/id/" + iri[len(ID) :] if iri.startswith(ID) else iri


def _facilities(store: Store) -> list[FacilityPlace]:
    found: dict[str, FacilityPlace] = {}
    for row in store.select(_FACILITIES):
        iri = str(row["f"])
        kind = str(row["kind"]).rsplit("#", 1)[-1] if row.get("kind") is not None else ""
        stage = str(row["stage"]).rsplit("/", 1)[-1] if row.get("stage") is not None else _KIND_STAGES.get(kind, "other")
        place = found.setdefault(
            iri, FacilityPlace(iri, str(row["label"]), _path(iri), stage, str(row.get("stageLabel") or stage.replace("-", " ")))
        )
        point = _POINT.match(str(row["wkt"])) if row.get("wkt") is not None else None
        if point:
            place.lon, place.lat = float(point.group(1)), float(point.group(2))
            place.source_label = str(row.get("sourceLabel") or row.get("source") or "")
        if row.get("country") is not None:
            place.country = str(row["country"])
        if row.get("operator") is not None and str(row["operator"]) not in place.operators:
            place.operators.append(str(row["operator"]))
    return sorted(found.values(), key=lambda p: p.label)


def _countries(store: Store) -> list[CountryPlace]:
    places = []
    for row in store.select(_COUNTRIES):
        country = pycountry.countries.get(alpha_2=str(row["iso"]))
        if country is not None:
            iri = str(row["c"])
            places.append(CountryPlace(iri, str(row["label"]), _path(iri), str(row["iso"]), country.numeric))
    return sorted(places, key=lambda c: c.label)


def _measures(store: Store) -> list[Measure]:
    measures = []
    for stage in MAP_STAGES:
        for n, group in enumerate(concentration(store, stage=str(ID[f"stage/{stage}"]))):
            values = {s.holder: float(s.value) for s in group.shares if s.value is not None}
            if values:
                label = f"{stage} share — {group.source_label}, {group.when}"
                texts = {s.holder: f"{s.text} of {stage} ({group.when}, {group.source_label})" for s in group.shares}
                measures.append(Measure(f"{stage}-{n}", stage, label, values, texts))
    return measures


def map_data(store: Store) -> dict[str, Any]:
    """Everything the map draws, as JSON-ready data: facilities, countries and measures."""
    facilities = _facilities(store)
    countries = _countries(store)
    in_country = defaultdict(list)
    for place in facilities:
        if place.country:
            in_country[place.country].append(place.iri)
    return {
        "facilities": [asdict(f) for f in facilities],
        "countries": [asdict(c) | {"facilities": in_country.get(c.iri, [])} for c in countries],
        "measures": [asdict(m) for m in _measures(store)],
    }
