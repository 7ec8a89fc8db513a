"""Named questions as of a date: the graph by valid time, reasoned afresh (issue 33, part 2)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import rows
from typer.testing import CliRunner

from kg.analysis.as_of import AsOfViews, parse_day, view_as_of
from kg.cli import app
from kg.errors import QueryParameterError
from kg.store import Store
from kg.store.queries import list_named_queries, select_named

# a day that changes each question's answer, and the rows it has then
CHANGES = {
    "q01": ("2025-03-31", 0),  # Lynas's ~90 % of Japan's NdPr is "now" in 004, written not before 2025-04-01
    "q02": ("2020-12-31", 0),  # SCRI launched in 2021
    "q03": ("2015-01-01", 2),  # the 2010 figure (and Terazawa's undated 90 %), not "about 60 % now"
    "q05": ("2025-09-30", 0),  # no October 2025 agreement signed yet
    "q06": ("2022-01-01", 1),  # only 000's 2020 share; 002's are of 2023
    "q07": ("2022-01-01", 1),  # 003's "over 70 %" is of its date, 2025
    "q08": ("2009-12-31", 0),  # the embargo of 2010 had not happened
    "q09": ("2020-01-01", 8),  # no SCRI, no October 2025 agreements
    "q12": ("2025-10-27", 0),  # 003's date of the US–Japan agreement is the 28th; the USGS 2024 tonnes supersede its 2023 ones
    "q13": ("2015-01-01", 3),
    "q14": ("2015-01-01", 3),
    "q15": ("2022-01-01", 1),
}
UNDATED = {"q04", "q10", "q11"}  # nothing their answers rest on has a valid time


def test_every_named_question_is_covered() -> None:
    assert {q.name[:3] for q in list_named_queries()} == set(CHANGES) | UNDATED


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_a_date_changes_the_answer(store: Store, name: str) -> None:
    day, expected = CHANGES[name]
    today = select_named(store, name, {})
    then = select_named(view_as_of(store, parse_day(day)), name, {})
    assert len(then) == expected and len(then) != len(today), (name, len(then), len(today))


@pytest.mark.parametrize("name", sorted(UNDATED))
def test_an_undated_answer_stands_at_any_date(store: Store, name: str) -> None:
    def key(rows: list) -> list:
        return sorted(sorted((k, str(v)) for k, v in r.items() if not k.endswith(("reasons", "typeLabel"))) for r in rows)

    assert key(select_named(view_as_of(store, dt.date(2000, 1, 1)), name, {})) == key(select_named(store, name, {}))


def test_q03_as_of_2015_shows_the_2010_figure_not_now(store: Store) -> None:
    rows = select_named(view_as_of(store, dt.date(2015, 1, 1)), "q03", {})
    assert {(str(r["share"]), str(r.get("year"))) for r in rows} == {("90", "2010"), ("90", "None")}
    assert all(str(r.get("period")) != "now" for r in rows)


def test_a_past_state_holds_in_its_time_and_reasoning_follows_the_date(store: Store) -> None:
    produces = "SELECT * WHERE { <https://w3id.org/rekg/id/country/US> rekg:produces ?m }"
    assert rows(view_as_of(store, dt.date(1990, 6, 1)), produces)  # "once a leading producer", until the 1990s
    # partners as of a day come only from what was agreed by then
    partners = "SELECT * WHERE { <https://w3id.org/rekg/id/country/US> rekg:partnerOf <https://w3id.org/rekg/id/country/MY> }"
    assert rows(store, partners) and not rows(view_as_of(store, dt.date(2020, 1, 1)), partners)


def test_cli_as_of(built_store) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["query", "q05", "--as-of", "2025-09-30", "--format", "csv", "--store", str(built_store)])
    assert result.exit_code == 0 and len(result.stdout.strip().splitlines()) == 1, result.output  # the header only
    bad = runner.invoke(app, ["query", "q05", "--as-of", "30/09/2025", "--store", str(built_store)])
    assert bad.exit_code == 1 and "YYYY-MM-DD" in bad.output


def test_a_malformed_day_is_refused() -> None:
    with pytest.raises(QueryParameterError, match="YYYY-MM-DD"):
        parse_day("2025-13-01")


def test_of_one_sources_figures_of_one_thing_the_latest_by_the_day(store: Store) -> None:
    query = """SELECT ?v ?year WHERE { ?f a rekg:Figure ; rekg:figureSubject <https://w3id.org/rekg/id/country/CN> ;
        rekg:metric <https://w3id.org/rekg/id/metric/mine-production> ; rekg:value ?v ; rekg:year ?year }"""
    assert {r["year"] for r in rows(store, query)} == {"2023", "2024"}  # today: the table's two years
    assert [r["year"] for r in rows(view_as_of(store, dt.date(2023, 12, 31)), query)] == ["2023"]  # a year not after the day
    assert [r["year"] for r in rows(view_as_of(store, dt.date(2025, 6, 1)), query)] == ["2024"]


def test_views_are_kept_per_store_version_and_day_the_last_four(store: Store) -> None:
    views = AsOfViews()
    first = views.view(store, dt.date(2015, 1, 1))
    assert views.view(store, dt.date(2015, 1, 1)) is first
    assert rows(first, "SELECT * WHERE { ?s ?p ?o } LIMIT 1")  # a whole view, not an empty store
    for day in range(2, 6):
        views.view(store, dt.date(2015, 1, day))
    assert views.view(store, dt.date(2015, 1, 1)) is not first  # four newer days pushed it out
