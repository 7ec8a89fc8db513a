"""The real fact base builds into the store: graphs, provenance, and every quote verified."""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import Store

from kg.corpus import normalise
from kg.pipeline import DEFAULT_FACTS_DIR, check_sheets
from kg.sheets import load_sheets

PREFIXES = """PREFIX rekg: <https://w3id.org/rekg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""


def rows(store: Store, query: str) -> list[dict[str, str]]:
    result = store.query(PREFIXES + query, use_default_graph_as_union=True)
    return [{v.value: s[v.value].value for v in result.variables if s[v.value] is not None} for s in result]


def test_one_named_graph_per_source_plus_ontology_and_registry(store: Store) -> None:
    _, sheets = load_sheets(DEFAULT_FACTS_DIR)
    graphs = {g.value for g in store.named_graphs()}
    expected = {f"https://w3id.org/rekg/graph/{s.model.source.id}" for s in sheets}
    expected |= {"https://w3id.org/rekg/graph/ontology", "https://w3id.org/rekg/graph/entities"}
    assert expected <= graphs


def test_every_claim_has_a_source_and_a_verified_quote_with_offsets(store: Store, corpus_dir: Path) -> None:
    claims = rows(store, """SELECT ?claim ?file ?quote ?start ?end WHERE {
        ?claim a ?t ; prov:wasDerivedFrom ?src ; rekg:evidence ?ev .
        VALUES ?t { rekg:Claim rekg:Figure rekg:SupplyRelation rekg:Stake }
        ?src rekg:fileName ?file .
        ?ev oa:hasSelector ?q , ?p . ?q oa:exact ?quote . ?p oa:start ?start ; oa:end ?end }""")
    assert len(claims) > 30
    for claim in claims:
        text = (corpus_dir / claim["file"]).read_text(encoding="utf-8")
        span = text[int(claim["start"]):int(claim["end"])]
        assert normalise(span) == normalise(claim["quote"]), claim


def test_quotes_are_checked_only_when_the_corpus_is_at_hand() -> None:
    built, report = check_sheets(DEFAULT_FACTS_DIR, corpus_dir=None)
    assert built.quotes_checked == 0
    assert any("quotes were not checked" in w for w in built.warnings)
    assert report.violations == []
