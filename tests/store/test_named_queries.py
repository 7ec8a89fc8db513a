"""Each named query answers its question in QUESTIONS.md against the built graph."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from kg.errors import QueryParameterError, UnknownQueryError
from kg.store import Store
from kg.store.queries import find_named_query, list_named_queries

GOLDEN = Path(__file__).parent / "golden"

ID = "https://w3id.org/rekg/id/"
USGS = "https://w3id.org/rekg/id/source/r06-usgs-mcs-2025-rare-earths"
S000, S002, S003, S004 = (
    f"{ID}source/{s}"
    for s in ("s000-new-asian-alliance", "s002-us-japan-golden-age", "s003-us-agreements-tokyo-visit", "s004-lessons-from-japan")
)


def ask(store: Store, name: str, **params: str) -> list[dict[str, str]]:
    query = find_named_query(name)
    return [{k: str(v) for k, v in row.items()} for row in store.select(query.text, bindings=query.bindings(params))]


def answer_csv(store: Store, name: str) -> str:
    """A named query's answer with its defaults, as CSV with the rows sorted (a stable diff)."""
    query = find_named_query(name)
    body = store.query(query.text, results_type="text/csv", bindings=query.bindings({})).body.decode()
    header, *lines = list(csv.reader(io.StringIO(body)))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *sorted(lines)])
    return out.getvalue()


@pytest.mark.parametrize("name", [q.name for q in list_named_queries()])
def test_answer_matches_its_golden_file(store: Store, name: str) -> None:
    """Every named query has a golden answer (rows as CSV): a change of answer is a visible diff.
    ``REKG_UPDATE_GOLDEN=1`` rewrites the files from the current answers."""
    path = GOLDEN / f"{name}.csv"
    actual = answer_csv(store, name)
    if os.environ.get("REKG_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"no golden answer {path}: run with REKG_UPDATE_GOLDEN=1 and review the diff"
    assert actual == path.read_text(encoding="utf-8")


def test_every_query_has_a_title_summary_and_typed_parameters() -> None:
    queries = list_named_queries()
    assert {q.name[:3] for q in queries} >= {"q01", "q02", "q03", "q04", "q05", "q06", "q07", "q08", "q10", "q11", "q12"}
    for query in queries:
        assert query.title.endswith("?") and query.summary, query.name
        for param in query.params.values():  # a parameter without a default is optional and says what leaving it out means
            assert param.default is not None or param.description, (query.name, param.name)


def test_q01_lynas_serves_japanese_magnet_makers_from_outside_china(store: Store) -> None:
    rows = ask(store, "q01")
    assert {r["refinerLabel"] for r in rows} == {"Lynas Rare Earths"}
    assert "Malaysia" in {r["facilityCountryLabel"] for r in rows}
    assert "China" not in {r["facilityCountryLabel"] for r in rows}
    assert {(r["materialLabel"], r["buyerLabel"], r["share"], r["hedge"], r["source"]) for r in rows} == {
        ("NdPr", "Japan", "90", "about", S004)
    }
    assert {"Shin-Etsu Chemical", "TDK", "Proterial"} <= {r["producerLabel"] for r in rows}
    assert all("-> NdPr (about 90%) -> Japan ->" in r["path"] for r in rows)


def test_q02_scri_members_since_2021(store: Store) -> None:
    rows = ask(store, "q02")
    assert {r["memberLabel"] for r in rows} == {"India", "Japan", "Australia"}
    assert {r["since"] for r in rows} == {"2021"} and {r["source"] for r in rows} == {S000}


def test_q02_takes_another_alliance(store: Store) -> None:
    rows = ask(store, "q02", alliance=f"{ID}alliance/new-asian-alliance")
    assert {r["memberLabel"] for r in rows} == {"Japan", "Australia", "South Korea", "India"}


def test_q03_dependence_moved_from_over_90_to_about_60(store: Store) -> None:
    rows = ask(store, "q03")
    claims = {(r["share"], r.get("hedge"), r.get("year"), r.get("period"), r.get("saidByLabel"), r["source"]) for r in rows}
    assert ("90", "more than", "2010", None, None, S004) in claims
    assert ("60", "approximately", None, "now", None, S002) in claims
    assert ("60", None, None, "now", "Tatsuya Terazawa", S004) in claims
    assert rows[0]["year"] == "2010"


def test_q04_lynas_operates_mount_weld_in_australia(store: Store) -> None:
    rows = ask(store, "q04")
    assert {(r["operatorLabel"], r["placeLabel"], r["source"]) for r in rows} == {("Lynas Rare Earths", "Australia", S000)}


def test_q05_us_agreements_of_october_2025(store: Store) -> None:
    rows = ask(store, "q05")
    by_party = {r["counterpartLabel"]: r for r in rows}
    assert set(by_party) == {"Japan", "Australia", "Malaysia", "Thailand", "Vietnam", "Cambodia"}
    assert by_party["Japan"]["placeLabel"] == "Tokyo"
    assert by_party["Australia"]["placeLabel"] == "Washington, D.C."
    assert float(by_party["Australia"]["value"]) == 3e9
    # "many of these agreements are non-binding": for each, a possibility, not a fact
    assert {(by_party[c]["binding"], by_party[c]["bindingModality"]) for c in ("Malaysia", "Thailand", "Vietnam", "Cambodia")} == {
        ("false", "possibility")
    }
    assert all("Tokyo visit" in r["sources"] for r in rows)


def test_q05_nothing_in_another_month(store: Store) -> None:
    assert ask(store, "q05", month="2025-11") == []


def test_q06_production_shares_per_source_and_year(store: Store) -> None:
    rows = ask(store, "q06")
    stated = [r for r in rows if r["basis"] == "as the source gives it"]
    assert {(r["subjectLabel"], r["value"], r.get("hedge"), r["year"], r["source"]) for r in stated} == {
        ("China", "70", "~", "2023", S002),
        ("United States", "14", "~", "2023", S002),
        ("Myanmar", "11", "~", "2023", S002),
        ("Australia", "5", "~", "2023", S002),
        ("China", "60", "over", "2020", S000),
    }
    # beside them, the USGS shares of the same year, computed from its tonnes (of the sum of its rows)
    usgs = {r["subjectLabel"]: float(r["value"]) for r in rows if r["year"] == "2023" and r["source"] == USGS}
    assert usgs["China"] == 67.8 and usgs["United States"] == 11.06 and usgs["Myanmar"] == 11.43 and usgs["Australia"] == 4.25
    assert all(r["basis"].startswith("computed from tonnes: ") for r in rows if r["source"] == USGS)


def test_q07_china_processing_share_per_source(store: Store) -> None:
    rows = ask(store, "q07")
    assert {(r["value"], r["hedge"], r["stageLabel"], r["source"]) for r in rows} == {
        ("90", "nearly", "refining", S000),
        ("70", "over", "processing", S003),
    }


def test_q08_embargo_hit_toyota_hitachi_panasonic(store: Store) -> None:
    rows = ask(store, "q08")
    assert {r["companyLabel"] for r in rows} == {"Toyota", "Hitachi", "Panasonic"}
    assert {(r["imposerLabel"], r["targetLabel"]) for r in rows} == {("China", "Japan")}
    assert all("maritime" in r["reasons"] for r in rows)
    assert all("New Asian Alliance" in r["sources"] and "Lessons From Japan" in r["sources"] for r in rows)


def test_q10_african_exploration_mous(store: Store) -> None:
    rows = ask(store, "q10")
    assert {r["countryLabel"] for r in rows} == {"Tanzania", "Malawi", "South Africa"}
    assert {r["firmCountryLabel"] for r in rows} == {"Japan", "Australia"}
    assert {r["source"] for r in rows} == {S000}


def test_q11_alcoa_gallium_refinery_faces_opposition(store: Store) -> None:
    rows = ask(store, "q11")
    assert [(r["facilityLabel"], r["operatorLabel"], r["modality"]) for r in rows] == [("Alcoa gallium refinery", "Alcoa", "planned")]
    for reason in ("forests", "farmland", "endangered ecosystems"):
        assert reason in rows[0]["reasons"]
    assert "Western Australia" in rows[0]["places"].split(" | ")


def test_q12_sources_disagree_on_the_us_japan_date_and_china_processing_share(store: Store) -> None:
    rows = ask(store, "q12")
    dates = [r for r in rows if r["kind"] == "date" and r["subject"] == f"{ID}agreement/us-japan-critical-minerals"]
    assert dates and {dates[0]["value1"], dates[0]["value2"]} == {"2024-01-08", "2025-10-28"}
    shares = [r for r in rows if r["kind"] == "figure" and r["subjectLabel"] == "China" and r["what"] == "processing share"]
    assert len(shares) == 1 and "nearly 90" in shares[0]["value1"] + shares[0]["value2"]
    # 002's shares against the USGS tonnes of 2023: apart by more than 002's rounding for China, the US and
    # Australia; Myanmar's ~11 % is within it of 11.43 %
    against = {r["subjectLabel"] for r in rows if r["kind"] == "share against tonnes"}
    assert against == {"China", "United States", "Australia"}
    # a change between years is not a disagreement
    assert not [r for r in rows if r["what"] == "production share" and r["kind"] == "figure"]


def test_unknown_query_and_bad_parameter_are_clear_errors() -> None:
    with pytest.raises(UnknownQueryError):
        find_named_query("q99")
    with pytest.raises(QueryParameterError, match="has no parameter 'colour'"):
        find_named_query("q01").bindings({"colour": "red"})
    with pytest.raises(QueryParameterError, match="absolute http"):
        find_named_query("q01").bindings({"country": "Japan"})
