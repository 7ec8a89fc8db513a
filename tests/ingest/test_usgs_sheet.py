"""The USGS Mineral Commodity Summaries 2025 table of rare earths, as a reference sheet: each
figure stands whole in its row (no footnote number run into it) with its year and qualifiers."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from kg.ingest.sheets import load_sheet
from kg.vocab import FACTS_DIR

SHEET = load_sheet(FACTS_DIR / "r06-usgs-mcs-2025-rare-earths.yaml").model
FIGURES = [(f.quote, f.figure) for f in SHEET.facts if f.figure is not None and f.figure.unit == "tonne"]


@pytest.mark.parametrize(("quote", "figure"), FIGURES, ids=[f"{f.subject}-{f.metric}-{f.year or f.period}" for _, f in FIGURES])
def test_every_figure_stands_whole_in_its_row(quote: str, figure) -> None:
    """ "1216,000" is 16,000 with footnote 12: a figure must not carry a footnote's digits."""
    written = f"{int(figure.value):,}"
    assert re.search(rf"(?<![\d,]){re.escape(written)}(?![\d,])", quote), (written, quote)


def test_the_table_as_published() -> None:
    production = {(f.subject, f.year): f.value for _, f in FIGURES if f.metric == "mine-production"}
    reserves = {f.subject: f.value for _, f in FIGURES if f.metric == "reserves"}
    assert production[("country/CN", 2023)] == 255_000 and production[("country/CN", 2024)] == 270_000
    assert production[("country/AU", 2023)] == 16_000 and production[("country/MM", 2024)] == 31_000
    assert production[("region/world", 2023)] == 376_000 and production[("region/other-countries-usgs", 2024)] == 1_100
    assert reserves["country/BR"] == 21_000_000 and reserves["country/GL"] == 1_500_000 and reserves["region/world"] == 90_000_000
    assert all(v < Decimal(1_000_000) for (s, _), v in production.items())  # no footnote digits in front of a production figure


def test_the_qualifiers_go_with_the_figures() -> None:
    hedges = {(f.subject, f.year, f.metric): f.hedge or "" for _, f in FIGURES}
    assert all("estimated" in h for (s, y, m), h in hedges.items() if m == "mine-production")
    assert "quota" in hedges[("country/CN", 2023, "mine-production")]
    for country in ("AU", "MM", "MG", "MY", "NG", "TH", "VN"):
        assert "China's import data" in hedges[(f"country/{country}", 2024, "mine-production")], country
    assert "not broken down" in hedges[("region/other-countries-usgs", 2023, "mine-production")]
    assert hedges[("region/world", None, "reserves")] == "more than"
