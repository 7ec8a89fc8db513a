"""A sheet under review (kg.curation.review): checked field by field against a real store,
saved as a person writes it with their comments kept, applied with the reviewer's provenance."""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path

import pytest

from kg.curation.review import Review, ReviewRefused
from kg.curation.sheet_yaml import write_sheet
from kg.ingest.corpus import resolve_corpus_dir
from kg.ingest.pipeline import build_store
from kg.ingest.sheets import load_sheet
from kg.store import EmbeddedStore
from kg.vocab import GRAPH
from tests.conftest import rows

TEXT = "Acme Rare Metals plans to build a separation plant in Malaysia.\nLynas Rare Earths holds about 20% of the market outside China.\n"
SHEET = {
    "source": {"id": "s-acme-review", "title": "Acme review test"},
    "entities": [{"id": "company/acme-rare-metals", "type": "Company", "label": "Acme Rare Metals"}],
    "mentions": {"company/acme-rare-metals": ["Acme Rare Metals"]},
    "facts": [
        {
            "quote": "Acme Rare Metals plans to build a separation plant in Malaysia.",
            "modality": "planned",
            "triples": [["company/acme-rare-metals", "performsStage", "stage/separation"]],
        },
        {
            "quote": "Lynas Rare Earths holds about 20% of the market outside China.",
            "figure": {
                "subject": "company/lynas-rare-earths",
                "metric": "production-share",
                "value": 20,
                "unit": "percent",
                "hedge": "about",
            },
        },
    ],
}


def _tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def _review(facts: Path, sheet: dict | None = None) -> Review:
    return Review(facts, TEXT, copy.deepcopy(sheet or SHEET), "Ada Curator")


def test_each_problem_is_named_by_its_field(store: EmbeddedStore, facts_copy: Path) -> None:
    sheet = copy.deepcopy(SHEET)
    del sheet["facts"][0]["modality"]  # the quote says "plans"
    sheet["facts"][1]["figure"]["metric"] = "todo-metric"
    sheet["facts"].append(
        {
            "quote": "Lynas Rare Earths holds about 20% of the market outside China.",
            "figure": {"subject": "company/lynas-rare-earths", "metric": "production-share", "value": 120, "unit": "percent"},
        }
    )
    sheet["facts"].append({"quote": "not in the text at all", "triples": [["company/acme-rare-metals", "performsStage", "stage/mining"]]})
    yaml, problems = _review(facts_copy, sheet).check(store, resolve_corpus_dir(None))
    by_field = {p.field: p.message for p in problems}
    assert "marks planned" in by_field["facts[0].quote"]
    assert "the draft left the metric to decide" in by_field["facts[1].figure.metric"]
    assert "between 0 and 100" in by_field["facts[2].figure"]  # the shapes, at the node the fact makes
    assert "quote not found" in by_field["facts[3].quote"]
    assert len(problems) == 4
    assert 'quote: "Acme Rare Metals plans' in yaml  # what would be saved, shown beside the cards


def test_a_malformed_card_is_refused_by_the_schema_with_every_field(store: EmbeddedStore, facts_copy: Path) -> None:
    sheet = copy.deepcopy(SHEET)
    sheet["facts"][0]["colour"] = "red"
    sheet["facts"][1]["figure"]["unit"] = "furlong"
    _, problems = _review(facts_copy, sheet).check(store, resolve_corpus_dir(None))
    assert {p.field for p in problems} == {"facts[0].colour", "facts[1].figure.unit"}


def test_a_refused_save_writes_nothing(store: EmbeddedStore, facts_copy: Path) -> None:
    sheet = copy.deepcopy(SHEET)
    sheet["facts"][1]["figure"]["value"] = 120
    before = _tree(facts_copy)
    with pytest.raises(ReviewRefused) as refused:
        _review(facts_copy, sheet).save(store, resolve_corpus_dir(None))
    assert [p.field for p in refused.value.problems] == ["facts[1].figure"]
    assert _tree(facts_copy) == before


def test_saved_sheet_keeps_a_curators_comments_on_later_saves(store: EmbeddedStore, facts_copy: Path) -> None:
    corpus = resolve_corpus_dir(None)
    path = _review(facts_copy).save(store, corpus)
    assert (facts_copy / "texts" / "s-acme-review.txt").read_text(encoding="utf-8") == TEXT
    first = path.read_text(encoding="utf-8")
    assert '  - quote: "Acme Rare Metals plans to build a separation plant in Malaysia."\n    modality: planned\n' in first
    assert "figure: {subject: company/lynas-rare-earths, metric: production-share, value: 20, unit: percent, hedge: about}" in first
    assert load_sheet(path).model.source.reviewed_by == "Ada Curator"
    # the curator annotates the sheet by hand, then reviews it again and changes one fact
    annotated = first.replace("source:\n", "# Checked against the print edition.\nsource:\n", 1).replace(
        "    modality: planned\n", "    modality: planned  # the article's own word\n", 1
    )
    path.write_text(annotated, encoding="utf-8")
    sheet = copy.deepcopy(SHEET)
    sheet["facts"][1]["figure"]["hedge"] = "about (the article's estimate)"
    second = _review(facts_copy, sheet).save(store, corpus).read_text(encoding="utf-8")
    assert "# Checked against the print edition." in second and "modality: planned  # the article's own word" in second
    assert "hedge: about (the article's estimate)" in second
    assert second.count("quote:") == 2


def test_apply_loads_the_sheet_with_its_reviewer_and_equals_a_rebuild(store_copy: Path, facts_copy: Path, tmp_path: Path) -> None:
    corpus = resolve_corpus_dir(None)
    served = EmbeddedStore(store_copy, read_only=False)
    summary = _review(facts_copy).apply(served, corpus)
    graph = str(GRAPH["s-acme-review"])
    assert summary.changed_graphs == [graph]
    review = rows(
        served,
        f"SELECT ?who ?when WHERE {{ GRAPH <{graph}> {{ <{graph}> prov:wasAttributedTo/rdfs:label ?who ; prov:generatedAtTime ?when }} }}",
    )
    assert [r["who"] for r in review] == ["Ada Curator"] and review[0]["when"].startswith("20")
    # a plan is a claim with its modality, never a plain triple, and no rule builds on it
    acme = "<https://w3id.org/rekg/id/company/acme-rare-metals>"
    assert not rows(served, f"SELECT ?stage WHERE {{ {acme} rekg:performsStage ?stage }}")
    planned = rows(
        served, f"SELECT ?m WHERE {{ GRAPH <{graph}> {{ ?c rdf:subject {acme} ; rekg:modality ?modality }} ?modality skos:notation ?m }}"
    )
    assert [r["m"] for r in planned] == ["planned"]
    # the files are in the facts folder, and build the same graph from scratch
    rebuilt = EmbeddedStore(tmp_path / "rebuilt", read_only=False)
    build_store(facts_copy, rebuilt, corpus_dir=corpus, full=True)
    quads = lambda s: {q[:3] for q in s.quads(graph=graph)}  # noqa: E731
    assert quads(served) and quads(served) == quads(rebuilt)


def test_write_sheet_keeps_the_text_of_what_did_not_change() -> None:
    text = write_sheet(SHEET | {"source": {**SHEET["source"], "url": "https://example.org/a"}})
    again = write_sheet(
        SHEET | {"source": {**SHEET["source"], "url": "https://example.org/a"}},
        previous=text.replace('"Acme review test"', "'Acme review test'"),
    )
    assert "title: 'Acme review test'" in again  # the quoting a person chose stays
