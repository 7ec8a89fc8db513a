"""The world's countries and first-level divisions (ISO 3166, from pycountry) as names the
extractor knows before the graph does: "Laos", "South Carolina", "Goiás" (or "Goias"), "Kachin
State". A place the graph lacks is proposed as a new entity with the IRI a curator would give it
(``country/LA``, ``region/south-carolina``)."""

from __future__ import annotations

import unicodedata
from functools import cache

import pycountry

from kg.curation.proposals import slugify
from kg.vocab import ID

__all__ = ["world_places"]

_DIVISION_TYPES = {"State", "Province", "Region", "Territory", "Autonomous region", "Union territory", "Prefecture", "Autonomous province"}
_COMMON_WORDS = {  # divisions named by a word that is more often just that word
    "Capital",
    "Central",
    "Centre",
    "Coast",
    "East",
    "Eastern",
    "Federal",
    "Islands",
    "Lakes",
    "Littoral",
    "Lower",
    "North",
    "Northern",
    "Plateau",
    "South",
    "Southern",
    "Upper",
    "West",
    "Western",
}


def _ascii(name: str) -> str:
    """``name`` without its accents: "Goiás" → "Goias"."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


_NEWS_NAMES = {  # names the news uses that ISO 3166 has changed or puts after a comma
    "Turkey": "TR",
    "Ivory Coast": "CI",
    "Burma": "MM",
    "Swaziland": "SZ",
    "Cape Verde": "CV",
    "East Timor": "TL",
    "Macedonia": "MK",
    "Democratic Republic of Congo": "CD",
    "Democratic Republic of the Congo": "CD",
    "DR Congo": "CD",
    "Congo": "CD",  # the news's Congo is Kinshasa's; Brazzaville's is named so
    "Congo-Brazzaville": "CG",
    "Republic of the Congo": "CG",
    "South Korea": "KR",
    "Britain": "GB",
    "Great Britain": "GB",
    "UK": "GB",
    "U.K.": "GB",
    "North Korea": "KP",
}
_NEWS_REGIONS = (  # regions the news names that ISO 3166 names otherwise or not at all
    *("Inner Mongolia", "Xinjiang", "Tibet", "Guangxi", "Ningxia"),  # China's autonomous regions
    *("Labrador", "Newfoundland"),  # the two parts of Newfoundland and Labrador
    *("Bavaria", "Saxony", "Lower Saxony", "Saxony-Anhalt", "Thuringia", "Hesse", "North Rhine-Westphalia"),  # ISO: Bayern, …
    *("Rhineland-Palatinate", "Carinthia", "Styria", "Lower Austria", "Upper Austria", "Tyrol", "Lapland"),
    *("Andalusia", "Catalonia", "Castile and Leon", "Lower Silesia", "Silesia", "Flanders", "Wallonia", "Brittany", "Normandy"),
    *("Lombardy", "Tuscany", "Sardinia", "Sicily"),  # Europe's divisions by their English names, which ISO 3166 gives in theirs
    *("North Kivu", "South Kivu", "Upper Katanga"),  # Congo's provinces as the news names them (ISO: Nord-Kivu, …)
    *("Central Sulawesi", "South Sulawesi", "Southeast Sulawesi", "North Maluku"),  # Indonesia's (ISO: Sulawesi Tengah, …)
)
_CONTINENTS = ("Africa", "Asia", "Europe", "North America", "South America", "Latin America", "Oceania")  # regions of the world


@cache
def world_places() -> dict[str, tuple[str, str]]:
    """``{form: (IRI, kind)}`` for every country (its short, common and official names without a
    comma, and the names the news gives some: "Turkey", "Democratic Republic of Congo"), the continents ("Europe", region), and every state, province, region or territory (its name, with and without accents,
    and with its type: "Kachin State"), kind ``country`` or ``region``; a division named by a
    common word ("Central") or by a country's name ("Georgia") is left out."""
    places: dict[str, tuple[str, str]] = {name: (f"{ID}country/{code}", "country") for name, code in _NEWS_NAMES.items()}
    places |= {name: (f"{ID}region/{slugify(name)}", "region") for name in _CONTINENTS}  # "Europe imports nearly all of its gallium"
    places |= {name: (f"{ID}region/{slugify(name)}", "region") for name in _NEWS_REGIONS}  # "the Bayan Obo deposit in Inner Mongolia"
    for country in pycountry.countries:
        iri = f"{ID}country/{country.alpha_2}"
        for name in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
            if name and "," not in name:
                places.setdefault(name, (iri, "country"))
                places.setdefault(_ascii(name), (iri, "country"))
    for division in pycountry.subdivisions:
        name = division.name.split(" [")[0].split(" (")[0]  # "Tibet (Xizang) Autonomous Region": its name
        name = name.removesuffix(" Sheng")  # "Jiangxi Sheng": Jiangxi province
        if division.type not in _DIVISION_TYPES or name in places or name in _COMMON_WORDS or len(name) < 4 or "," in name:
            continue
        iri = f"{ID}region/{slugify(_ascii(name))}"
        for form in (name, _ascii(name), f"{name} {division.type}", f"{_ascii(name)} {division.type}"):
            places.setdefault(form, (iri, "region"))
    return places
