"""Exposure of a customer to its suppliers over time, and concentration of a supply-chain stage:
each country's share by source and year, top-1 and top-3 shares and the Herfindahl-Hirschman
index where the shares the sources give allow them, and how much of the market they cover."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kg.analysis.wording import share_text, when_of
from kg.store.base import Store
from kg.store.queries import select_named

__all__ = ["EXPOSURE_QUERY", "SHARES_QUERY", "Concentration", "Share", "concentration", "exposure", "time_order"]

EXPOSURE_QUERY = "q14-exposure-of-a-customer"
SHARES_QUERY = "q15-country-shares-of-a-stage"


@dataclass(frozen=True)
class Share:
    """One share a source gives: of whom (a supplier or a country), how much, when, and where said."""

    holder: str
    holder_label: str
    value: Decimal | None
    hedge: str | None
    when: str
    source_label: str
    quote: str
    material_label: str = ""
    source: str = ""
    year: int | None = None
    """The year it holds at (its own, or its source's date for "now"); None when undated."""

    @property
    def text(self) -> str:
        """The share as worded, e.g. "over 60%"; empty when none is given."""
        return share_text(self.value, self.hedge)


def time_order(when: str) -> tuple[int, str]:
    """Years in order, then undated periods ("now", "planned") after them."""
    return (int(when), "") if when.isdigit() else (10_000 if when == "now" else 10_001 if when == "planned" else 9_999, when)


def exposure(store: Store, *, customer: str, material: str | None = None) -> dict[str, list[Share]]:
    """Each supplier of ``customer`` (of ``material`` or narrower, when given) with the shares
    the sources give, oldest first: the customer's dependence over time."""
    series: dict[str, list[Share]] = defaultdict(list)
    for row in select_named(store, EXPOSURE_QUERY, {"customer": customer, "onlyMaterial": material}):
        series[str(row["supplierLabel"])].append(
            Share(
                str(row["supplier"]),
                str(row["supplierLabel"]),
                Decimal(str(row["share"])) if row.get("share") is not None else None,
                str(row["hedge"]) if row.get("hedge") is not None else None,
                when_of(row),
                str(row["sourceLabel"]),
                str(row["quote"]),
                str(row["materialLabel"]),
                str(row["source"]),
                int(row["timeYear"]) if row.get("timeYear") is not None else None,
            )
        )
    return {supplier: sorted(shares, key=lambda s: time_order(s.when)) for supplier, shares in sorted(series.items())}


@dataclass(frozen=True)
class Concentration:
    """The shares one source gives for one year (or undated), and what they allow to say."""

    source_label: str
    when: str
    stage_label: str
    shares: list[Share]
    basis: str = "as the source gives it"
    """How the shares were had: as the source gives them, or computed from its tonnes (and of which total)."""

    @property
    def from_tonnes(self) -> bool:
        """Whether the shares were computed from tonnes (exact, not rounded by the source)."""
        return self.basis.startswith("computed")

    @property
    def covered(self) -> Decimal:
        """The part of the market the given shares add up to, in percent."""
        return sum((s.value for s in self.shares if s.value is not None), Decimal(0))

    @property
    def complete(self) -> bool:
        """Whether the shares cover the whole market (within the source's rounding; shares
        computed from tonnes are exact, so any rest, such as an "Other" row, is not covered)."""
        return self.covered >= (Decimal("99.99") if self.from_tonnes else Decimal("99.5"))

    def _values(self) -> list[Decimal]:
        return sorted((s.value for s in self.shares if s.value is not None), reverse=True)

    @property
    def top1(self) -> Decimal | None:
        """The largest share, when no unlisted country could hold more."""
        values = self._values()
        return values[0] if values and values[0] >= 100 - self.covered else None

    @property
    def top3(self) -> Decimal | None:
        """The three largest shares together, when three are given and the rest could not change them."""
        values = self._values()
        return sum(values[:3], Decimal(0)) if len(values) >= 3 and values[2] >= 100 - self.covered else None

    @property
    def hhi(self) -> Decimal:
        """The Herfindahl-Hirschman index of the given shares (0-10,000): exact when they cover
        the market, else a lower bound (the rest split among many small holders)."""
        return sum((s.value * s.value for s in self.shares if s.value is not None), Decimal(0))

    def note(self) -> str:
        """What the figures allow, said plainly."""
        if self.from_tonnes:
            words = "computed from the tonnes the source gives, divided by the sum of its rows for the year (not its rounded world total)"
        else:
            words = "approximate (the source hedges its shares)" if any(s.hedge for s in self.shares) else "as given"
        if self.complete:
            return f"the shares cover the whole market; figures {words}"
        rest = 100 - self.covered
        return (
            f"the source gives {len(self.shares)} {'country' if len(self.shares) == 1 else 'countries'} only, "
            f"covering {self.covered.normalize():f}% of the market; {rest.normalize():f}% is not broken down by country, so the HHI is a lower "
            f"bound{'' if self.top3 is not None else ' and the top-3 share is unknown'}; figures {words}"
        )


def concentration(store: Store, *, stage: str) -> list[Concentration]:
    """Country shares of ``stage`` (a broader or narrower stage's figures count), grouped by
    source and year, most recent first."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in select_named(store, SHARES_QUERY, {"stage": stage}):
        groups[(str(row["sourceLabel"]), when_of(row))].append(row)
    result = []
    for (source, when), rows in groups.items():
        # a share computed from tonnes carries the table's qualifiers (estimated, quota), not a hedge of the share
        shares = [
            Share(
                str(r["country"]),
                str(r["countryLabel"]),
                Decimal(str(r["value"])),
                str(r["hedge"]) if r.get("hedge") is not None and not str(r["basis"]).startswith("computed") else None,
                when,
                source,
                str(r["quote"]),
                source=str(r["source"]),
            )
            for r in rows
        ]
        stages = sorted({str(r["figureStageLabel"]) for r in rows})
        basis = "computed from tonnes" if any(str(r["basis"]).startswith("computed") for r in rows) else "as the source gives it"
        result.append(Concentration(source, when, ", ".join(stages), sorted(shares, key=lambda s: -(s.value or 0)), basis))
    return sorted(result, key=lambda c: (time_order(c.when), c.source_label), reverse=True)
