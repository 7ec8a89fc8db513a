"""The real fact base builds into the store: graphs, provenance, and every quote verified."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.corpus import normalise
from kg.ingest.pipeline import build_and_validate
from kg.ingest.sheets import load_sheets
from kg.store import Store
from kg.vocab import FACTS_DIR
from tests.conftest import rows


def test_one_named_graph_per_source_plus_ontology_and_registry(store: Store) -> None:
    _, sheets = load_sheets(FACTS_DIR)
    graphs = set(store.graph_names())
    expected = {f"https://w3id.org/rekg/graph/{s.model.source.id}" for s in sheets}
    expected |= {"https://w3id.org/rekg/graph/ontology", "https://w3id.org/rekg/graph/entities"}
    assert expected <= graphs


def test_every_claim_has_a_source_and_a_verified_quote_with_offsets(store: Store, corpus_dir: Path) -> None:
    claims = rows(
        store,
        """SELECT ?claim ?file ?quote ?start ?end WHERE {
        ?claim a ?t ; prov:wasDerivedFrom ?src ; rekg:evidence ?ev .
        VALUES ?t { rekg:Claim rekg:Figure rekg:SupplyRelation rekg:Stake }
        ?src rekg:fileName ?file .
        ?ev oa:hasSelector ?q , ?p . ?q oa:exact ?quote . ?p oa:start ?start ; oa:end ?end }""",
    )
    kinds = "?claim a ?t VALUES ?t { rekg:Claim rekg:Figure rekg:SupplyRelation rekg:Stake }"
    assert not rows(store, f"SELECT ?claim WHERE {{ {kinds} FILTER NOT EXISTS {{ ?claim prov:wasDerivedFrom ?s ; rekg:evidence ?e }} }}")
    of_files = rows(store, f"SELECT DISTINCT ?claim WHERE {{ {kinds} ?claim prov:wasDerivedFrom/rekg:fileName ?f }}")
    assert {c["claim"] for c in claims} == {c["claim"] for c in of_files}  # each claim of an article: its quote at its offsets
    for claim in claims:
        text = (corpus_dir / claim["file"]).read_text(encoding="utf-8")
        span = text[int(claim["start"]) : int(claim["end"])]
        assert normalise(span) == normalise(claim["quote"]), claim


def test_quotes_are_checked_only_when_the_corpus_is_at_hand() -> None:
    built, report = build_and_validate(FACTS_DIR, corpus_dir=None)
    assert built.quotes_checked == 0
    assert any("quotes were not checked" in w for w in built.warnings)
    assert report.violations == []
