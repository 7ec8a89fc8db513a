"""What-if (Q13), exposure and concentration against the figures the corpus gives."""

from __future__ import annotations

import json
from decimal import Decimal

from typer.testing import CliRunner

from kg.analysis.concentration import concentration, exposure
from kg.analysis.whatif import as_iri, what_if
from kg.cli import app
from kg.store import Store

runner = CliRunner()
CN, JP = as_iri("country/CN"), as_iri("country/JP")


def test_q13_without_china_japan_keeps_lynas_ndpr_from_australia_and_malaysia(store: Store) -> None:
    result = what_if(store, without=CN, customer=JP)
    lynas = [link for link in result.remaining if link.supplier_label == "Lynas Rare Earths"]
    assert {(link.material_label, link.share, link.hedge, link.when) for link in lynas} == {("NdPr", Decimal(90), "about", "now")}
    assert {link.country_label for link in lynas} == {"Malaysia", "Australia"}
    assert "s004-lessons-from-japan" in lynas[0].source and "90%" in lynas[0].quote
    # Australia's supply is only an aim (a claim, no supply relation); China's relations are all cut
    assert result.suppliers() == ["Lynas Rare Earths"]
    assert {link.supplier_label for link in result.cut} == {"China"}
    first, latest = result.compare()
    assert (first.when, [(x.share, x.hedge) for x in first.lost]) == ("2010", [(Decimal(90), "more than")])
    assert latest.when == "now" and {(x.share, x.source.rsplit("/", 1)[1]) for x in latest.lost} == {
        (Decimal(60), "s002-us-japan-golden-age"),
        (Decimal(60), "s004-lessons-from-japan"),
    }
    assert {x.supplier_label for x in latest.remaining} == {"Lynas Rare Earths"}


def test_q13_stage_and_material_narrow_the_relevant_facility(store: Store) -> None:
    refining = what_if(store, without=CN, customer=JP, stage=as_iri("refining", "stage"), material=as_iri("material/ndpr"))
    assert [(x.supplier_label, x.facility_label, x.country_label) for x in refining.remaining] == [
        ("Lynas Rare Earths", "Lynas refining plant in Malaysia", "Malaysia")
    ]
    # cutting Malaysia cuts Lynas's refining there, but not its Australian mine
    assert {x.facility_label for x in what_if(store, without=as_iri("country/MY"), customer=JP, stage=as_iri("refining", "stage")).cut} == {
        "Lynas refining plant in Malaysia"
    }
    assert "Lynas Rare Earths" in what_if(store, without=as_iri("country/MY"), customer=JP, stage=as_iri("mining", "stage")).suppliers()


def test_mining_concentration_2023_and_the_partial_2020_figure(store: Store) -> None:
    groups = {(g.when, g.from_tonnes): g for g in concentration(store, stage=as_iri("mining", "stage"))}
    full = groups[("2023", False)]
    assert [(s.holder_label, s.value) for s in full.shares] == [("China", 70), ("United States", 14), ("Myanmar", 11), ("Australia", 5)]
    assert (full.complete, full.top1, full.top3, full.hhi) == (True, 70, 95, 5242)
    partial = groups[("2020", False)]
    assert (partial.complete, partial.top1, partial.top3, partial.hhi) == (False, 60, None, 3600)
    assert "covering 60% of the market" in partial.note() and "lower bound" in partial.note()


def test_mining_concentration_from_the_usgs_tonnes(store: Store) -> None:
    groups = {(g.when, g.from_tonnes): g for g in concentration(store, stage=as_iri("mining", "stage"))}
    usgs = groups[("2023", True)]
    assert [s.holder_label for s in usgs.shares[:4]] == ["China", "Myanmar", "United States", "Australia"]
    assert usgs.shares[0].value == Decimal("67.8") and usgs.top1 == Decimal("67.8")
    # "Other" (1,440 t) is not broken down: the HHI is a lower bound, and the note says which total it divides by
    assert not usgs.complete and usgs.covered == Decimal("99.6")
    assert "lower bound" in usgs.note() and "sum of its rows" in usgs.note()
    assert int(usgs.hhi) == 4873  # 67.80² + 11.43² + 11.06² + 4.25² + … over the 12 countries


def test_refining_concentration_per_source(store: Store) -> None:
    groups = {(g.source_label[:8], g.when): g for g in concentration(store, stage=as_iri("refining", "stage"))}
    assert {key: (g.stage_label, g.top1, g.hhi, g.complete) for key, g in groups.items()} == {
        ("Japan, A", "2020"): ("refining", 90, 8100, False),
        ("Agreemen", "undated"): ("processing", 70, 4900, False),
    }
    assert concentration(store, stage=as_iri("magnet-making", "stage")) == []


def test_japan_dependence_on_china_over_time(store: Store) -> None:
    china = exposure(store, customer=JP, material=as_iri("material/rare-earth-elements"))["China"]
    assert [(s.when, s.value) for s in china if s.value is not None] == [
        ("2010", 90),
        ("before the reduction", 90),
        ("now", 60),
        ("now", 60),
    ]


def test_cli_whatif_exposure_concentration(built_store) -> None:
    out = runner.invoke(app, ["whatif", "--store", str(built_store), "--without", "country/CN"], env={"COLUMNS": "120"})
    assert out.exit_code == 0, out.output
    assert "Lynas Rare Earths" in out.output and "more than 90%" in out.output and "2010" in out.output
    data = json.loads(runner.invoke(app, ["whatif", "--store", str(built_store), "--without", "country/CN", "--format", "json"]).output)
    assert {x["supplier"] for x in data["remaining"]} == {"https://w3id.org/rekg/id/company/lynas-rare-earths"}
    out = runner.invoke(app, ["concentration", "--store", str(built_store), "--stage", "mining"], env={"COLUMNS": "120"})
    assert out.exit_code == 0 and "5242" in out.output and "≥ 3600" in out.output
    out = runner.invoke(app, ["exposure", "--store", str(built_store), "--format", "json"])
    assert out.exit_code == 0 and "Lynas Rare Earths" in json.loads(out.output)


def test_the_map_places_facilities_only_where_a_source_does(store: Store) -> None:
    from kg.analysis.places import map_data

    data = map_data(store)
    facilities = {f["iri"].rsplit("/id/", 1)[-1]: f for f in data["facilities"]}
    weld = facilities["facility/mount-weld"]
    assert (weld["lat"], weld["lon"], weld["stage"]) == (-28.86, 122.54778, "mining")
    assert weld["source_label"] == "Mount Weld (English Wikipedia)" and weld["operators"] == [
        "https://w3id.org/rekg/id/company/lynas-rare-earths"
    ]
    placed = [f for f in data["facilities"] if f["lat"] is not None]
    assert all(f["source_label"] for f in placed)  # every point has the source that gives it
    assert facilities["facility/mountain-pass"]["lat"] is None and facilities["facility/mountain-pass"]["country"].endswith("country/US")
    countries = {c["iso2"]: c for c in data["countries"]}
    assert countries["AU"]["numeric"] == "036" and "https://w3id.org/rekg/id/facility/mount-weld" in countries["AU"]["facilities"]
    usgs = next(
        m
        for m in data["measures"]
        if m["stage"] == "mining" and "Mineral Commodity Summaries" in m["label"] and m["label"].endswith("2024")
    )
    china = usgs["values"]["https://w3id.org/rekg/id/country/CN"]
    assert 65 < china < 75  # 270,000 of the 2024 rows' sum
