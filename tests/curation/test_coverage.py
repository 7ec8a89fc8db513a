"""Per article, the entities and figures the fact base must keep; and rekg coverage itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.curation.coverage import measure_coverage
from kg.ingest.sheets import load_sheets
from kg.store import Store
from kg.vocab import FACTS_DIR
from tests.conftest import rows

ID = "https://w3id.org/rekg/id/"

# What each article states and the graph must hold from it: entities, and figures as
# (subject, metric, value). A sheet that loses one fails here.
EXPECTED = {
    "s000-new-asian-alliance": {
        "entities": [
            "company/lynas-rare-earths",
            "facility/mount-weld",
            "agency/jogmec",
            "alliance/supply-chain-resilience-initiative",
            "alliance/new-asian-alliance",
            "company/toyota",
            "company/hitachi",
            "company/panasonic",
            "company/indian-rare-earths",
            "country/TZ",
            "country/MW",
            "country/ZA",
            "country/NA",
            "agency/dfc",
            "event/china-2010-embargo",
        ],
        "figures": [
            ("country/CN", "production-share", 60),
            ("country/CN", "processing-share", 90),
            ("region/africa", "reserves-share", 30),
            ("stage/recycling", "supply-potential", 20),
            ("material/ndfeb-magnet", "demand-growth", 3),
        ],
    },
    "s001-australia-japan-supply-chain": {
        "entities": [
            "agreement/australia-japan-critical-minerals",
            "person/australian-minister-for-resources",
            "programme/australia-strategic-reserve",
            "event/china-export-restrictions",
        ],
        "figures": [],
    },
    "s002-us-japan-golden-age": {
        "entities": [
            "agency/usgs",
            "agency/meti",
            "agency/us-department-of-defense",
            "company/mp-materials",
            "facility/mountain-pass",
            "agreement/us-japan-critical-minerals",
        ],
        "figures": [
            ("country/CN", "production-share", 70),
            ("country/US", "production-share", 14),
            ("country/MM", "production-share", 11),
            ("country/AU", "production-share", 5),
            ("material/rare-earth-elements", "count", 17),
        ],
    },
    "s003-us-agreements-tokyo-visit": {
        "entities": [
            "agreement/us-japan-critical-minerals",
            "agreement/us-australia-critical-minerals",
            "person/anthony-albanese",
            "facility/alcoa-gallium-refinery",
            "agreement/asean-critical-minerals-pact",
            "country/KH",
        ],
        "figures": [
            ("country/CN", "processing-share", 70),
            ("agreement/us-australia-critical-minerals", "agreement-value", 3_000_000_000),
            ("country/AU", "count", 2),
            ("stage/mining", "development-time", 10),
        ],
    },
    "s004-lessons-from-japan": {
        "entities": [
            "person/tatsuya-terazawa",
            "person/amanda-lacaze",
            "company/lynas-rare-earths",
            "facility/lynas-malaysia",
            "event/kazakhstan-rare-earth-discovery",
            "programme/japan-100-billion-yen-package",
            "country/SA",
        ],
        "figures": [
            ("programme/japan-100-billion-yen-package", "funding-amount", 100_000_000_000),
            ("event/kazakhstan-rare-earth-discovery", "count", 11),
            ("country/JP", "consumption-change", 50),
        ],
    },
}


@pytest.mark.parametrize("source", sorted(EXPECTED))
def test_article_keeps_its_entities_and_figures(store: Store, source: str) -> None:
    graph = f"<https://w3id.org/rekg/graph/{source}>"
    present = {r["e"] for r in rows(store, f"SELECT DISTINCT ?e WHERE {{ GRAPH {graph} {{ {{ ?e ?p ?o }} UNION {{ ?x ?p ?e }} }} }}")}
    missing = [e for e in EXPECTED[source]["entities"] if ID + e not in present]
    assert missing == [], f"{source} lost entities {missing}"
    figures = {
        (r["s"], r["m"], float(r["v"]))
        for r in rows(
            store,
            f"SELECT ?s ?m ?v WHERE {{ GRAPH {graph} {{ ?f a|rekg:statementKind rekg:Figure ; rekg:figureSubject ?s ; rekg:metric ?m ; rekg:value ?v }} }}",
        )
    }
    for subject, metric, value in EXPECTED[source]["figures"]:
        assert (ID + subject, f"{ID}metric/{metric}", float(value)) in figures, (source, subject, metric, value)


def test_coverage_counts_and_uncited_sentences(store: Store, corpus_dir: Path) -> None:
    _, sheets = load_sheets(FACTS_DIR)
    report = {row.source_id: row for row in measure_coverage(store, sheets, corpus_dir)}
    assert set(EXPECTED) <= set(report)
    for source in EXPECTED:
        row = report[source]
        assert row.entities >= len(EXPECTED[source]["entities"]) and row.claims > 10
        assert 0 < row.cited <= row.sentences
        assert row.cited + len(row.uncited) == row.sentences
    # noise is not counted as a sentence to cite
    assert not any("Coinhub" in s for s in report["s000-new-asian-alliance"].uncited)
    assert not any("carbon dioxide" in s for s in report["s004-lessons-from-japan"].uncited)


def test_rekg_coverage_command(built_store: Path) -> None:
    result = CliRunner().invoke(app, ["coverage", "--store", str(built_store), "--no-uncited"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    table = {line.split("│")[1].strip(): line for line in result.output.splitlines() if line.count("│") > 8}
    assert set(EXPECTED) <= set(table), table.keys()
    assert "r01-japanese-magnet-makers" in table
