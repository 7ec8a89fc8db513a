"""What-if (Q13): which supply relations into a customer remain when a country stops exporting,
and what share is lost, compared between 2010 and the latest time the sources give."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rdflib import URIRef

from kg.analysis.wording import share_text, when_of
from kg.store.base import Store
from kg.store.queries import select_named
from kg.vocab import ID

__all__ = ["QUERY", "Moment", "SupplyLink", "WhatIf", "as_iri", "what_if"]

QUERY = "q13-what-if-a-country-stops-exporting"


@dataclass(frozen=True)
class SupplyLink:
    """One supply relation into the customer, as one source states it."""

    supplier: str
    supplier_label: str
    facility: str | None
    facility_label: str | None
    country: str | None
    country_label: str | None
    material: str
    material_label: str
    share: Decimal | None
    hedge: str | None
    year: int | None
    period: str | None
    source: str
    source_label: str
    quote: str

    @property
    def when(self) -> str:
        """The year, else the period the source gives ("now", "planned", …)."""
        return when_of({"year": self.year, "period": self.period})

    @property
    def share_text(self) -> str:
        """The share as the source words it, e.g. "more than 90%"; empty when none is given."""
        return share_text(self.share, self.hedge)

    @classmethod
    def of(cls, row: dict[str, Any]) -> SupplyLink:
        """A link from a row of the named query."""

        def text(key: str) -> str | None:
            return str(row[key]) if row.get(key) is not None else None

        return cls(
            supplier=str(row["supplier"]),
            supplier_label=str(row["supplierLabel"]),
            facility=text("facility"),
            facility_label=text("facilityLabel"),
            country=text("country"),
            country_label=text("countryLabel"),
            material=str(row["material"]),
            material_label=str(row["materialLabel"]),
            share=Decimal(str(row["share"])) if row.get("share") is not None else None,
            hedge=text("hedge"),
            year=int(row["year"]) if row.get("year") is not None else None,
            period=text("period"),
            source=str(row["source"]),
            source_label=str(row["sourceLabel"]),
            quote=str(row["quote"]),
        )


@dataclass(frozen=True)
class Moment:
    """What one time (2010, "now") looks like: the shares lost and the relations that remain."""

    when: str
    lost: list[SupplyLink]
    remaining: list[SupplyLink]


@dataclass(frozen=True)
class WhatIf:
    """The answer: relations that remain and relations cut, each as its source states it."""

    without: str
    customer: str
    remaining: list[SupplyLink]
    cut: list[SupplyLink]

    def suppliers(self) -> list[str]:
        """The remaining suppliers, by label, once each."""
        return sorted({link.supplier_label for link in self.remaining})

    def compare(self, first: str = "2010") -> list[Moment]:
        """``first`` and the latest time the sources give: a year after it, else "now"."""
        years = sorted({link.year for link in self.remaining + self.cut if link.year is not None})
        later = [str(year) for year in years if str(year) > first]
        latest = later[-1] if later else "now"
        return [
            Moment(
                when,
                [link for link in self.cut if link.when == when and link.share is not None],
                [link for link in self.remaining if link.when == when],
            )
            for when in (first, latest)
        ]


def what_if(store: Store, *, without: str, customer: str, stage: str | None = None, material: str | None = None) -> WhatIf:
    """Cut every supplier based in ``without`` or running its relevant facility there (for
    ``stage`` when given) and see what still flows into ``customer`` (of ``material`` or a
    narrower one when given). Arguments are IRIs.
    """
    rows = select_named(store, QUERY, {"without": without, "customer": customer, "stage": stage, "onlyMaterial": material})
    links = [(bool(row["remains"].toPython()), SupplyLink.of(row)) for row in rows]
    return WhatIf(without, customer, [link for remains, link in links if remains], [link for remains, link in links if not remains])


def as_iri(value: str | None, kind: str | None = None) -> str | None:
    """``country/CN``, a bare slug of ``kind`` (``refining``) or an IRI, as an IRI.

    >>> as_iri("country/CN"), as_iri("refining", "stage"), as_iri(None)
    ('https://w3id.org/rekg/id/country/CN', 'https://w3id.org/rekg/id/stage/refining', None)
    """
    if value is None or value.startswith(("http://", "https://")):
        return value
    return str(URIRef(ID + (value if "/" in value or kind is None else f"{kind}/{value}")))
