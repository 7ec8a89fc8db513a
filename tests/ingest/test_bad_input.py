"""Bad fact sheets: one clear message naming file and line, exit 1, and the store left as it was.

One small store (the registry and one sheet of our own) is built once for the module; each
case mutates a copy of the sheet and rebuilds into that same store, which must not change.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.store import EmbeddedStore
from kg.vocab import FACTS_DIR

TEXT = "Acme Metals said on Monday that it supplies about 40% of Japan's NdPr oxide.\nThe company signed the deal in 2024.\n"

SHEET = """\
source:
  id: s-test
  title: A test article
  file: test.txt
  sha256: {sha}
mentions:
  country/JP: [Japan]
facts:
  - quote: "it supplies about 40% of Japan's NdPr oxide"
    supply: {{supplier: company/lynas-rare-earths, customer: country/JP, material: material/ndpr, share: 40, hedge: about, year: 2024}}
  - quote: "The company signed the deal in 2024."
    triples:
      - [company/lynas-rare-earths, headquarteredIn, country/AU]
"""

LINKS = """\
  - quote: "The company signed the deal in 2024."
    link: {{entity: country/JP, wikidata: {first}}}
  - quote: "The company signed the deal in 2024."
    link: {{entity: country/AU, wikidata: {second}}}
"""

runner = CliRunner()


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A corpus of one text of our own, the registry and one sheet, and a store built once from them."""
    tmp_path = tmp_path_factory.mktemp("small")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "test.txt").write_text(TEXT, encoding="utf-8")
    facts = tmp_path / "facts"
    facts.mkdir()
    shutil.copy(FACTS_DIR / "entities.yaml", facts / "entities.yaml")
    sheet = facts / "test.yaml"
    sheet.write_text(SHEET.format(sha=hashlib.sha256(TEXT.encode()).hexdigest()), encoding="utf-8")
    store = tmp_path / "store"
    result = runner.invoke(app, ["build", "--store", str(store), "--corpus", str(corpus), "--facts", str(facts)])
    assert result.exit_code == 0, result.output
    return {"corpus": corpus, "facts": facts, "sheet": sheet, "store": store}


@pytest.fixture()
def workspace(small_store: dict[str, Path], tmp_path: Path) -> dict[str, Path]:
    """The small store with a fresh copy of its sheets, to mutate."""
    facts = tmp_path / "facts"
    shutil.copytree(small_store["facts"], facts)
    return {**small_store, "facts": facts, "sheet": facts / "test.yaml"}


def database(store: Path) -> Path:
    return EmbeddedStore(store).database()


def count_triples(store: Path) -> int:
    return int(EmbeddedStore(store).select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"])


def rebuild(ws: dict[str, Path]):
    return runner.invoke(app, ["build", "--store", str(ws["store"]), "--corpus", str(ws["corpus"]), "--facts", str(ws["facts"])])


CASES = {
    "broken-yaml": (lambda s: s.replace('  - quote: "The company', '  - quote: ["The company'), 12, "broken YAML"),
    "unknown-field": (lambda s: s.replace("    triples:\n", "    colour: red\n    triples:\n"), 12, "unknown field 'colour'"),
    "unknown-entity": (
        lambda s: s.replace("[company/lynas-rare-earths, headquarteredIn", "[company/nope, headquarteredIn"),
        13,
        "unknown entity 'company/nope'",
    ),
    "share-140": (lambda s: s.replace("share: 40,", "share: 140,"), 10, "supply.share must be a percentage between 0 and 100"),
    "year-20255": (lambda s: s.replace("year: 2024}", "year: 20255}"), 10, "year must be an integer year between 1900 and 2100"),
    "quote-not-in-source": (
        lambda s: s.replace("The company signed the deal in 2024.", "The company signed nothing."),
        11,
        "quote not found in test.txt",
    ),
    "missing-source-section": (
        lambda s: s.split("mentions:")[0].replace("source:", "origin:") + "mentions:" + s.split("mentions:")[1],
        1,
        "required field 'source' is missing",
    ),
    "missing-source-file": (lambda s: s.replace("file: test.txt", "file: gone.txt"), 4, "'gone.txt' is not in the corpus"),
    "unknown-property": (lambda s: s.replace("headquarteredIn", "basedIn"), 13, "unknown property 'basedIn'"),
    # a mention must occur whole in the text ("Jap" is only part of "Japan's")
    "mention-not-whole": (
        lambda s: s.replace("country/JP: [Japan]", "country/JP: [Japan, Jap]"),
        7,
        "surface form 'Jap' does not occur whole in the source text",
    ),
    # a label or alternative label names one entity
    "name-of-two-entities": (
        lambda s: s.replace(
            "mentions:\n", "entities:\n  - {id: company/acme, type: Company, label: Acme Metals, alt: [lynas]}\nmentions:\n"
        ),
        7,
        "'lynas' already names company/lynas-rare-earths",
    ),
    # one Wikidata item names one entity
    "wikidata-item-of-two-entities": (
        lambda s: s + LINKS.format(first="Q17", second="Q17"),
        17,
        "Q17 is already the Wikidata item of https://w3id.org/rekg/id/country/JP",
    ),
    "wikidata-id-malformed": (lambda s: s + LINKS.format(first="Q17", second="P31"), 17, "String should match pattern '^Q[1-9][0-9]*$'"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_sheet_is_refused_with_file_and_line_and_store_untouched(workspace: dict[str, Path], name: str) -> None:
    mutate, line, message = CASES[name]
    before_db, before_count = database(workspace["store"]), count_triples(workspace["store"])
    sheet = workspace["sheet"]
    sheet.write_text(mutate(sheet.read_text()), encoding="utf-8")

    result = rebuild(workspace)

    assert result.exit_code == 1, result.output
    output = " ".join(result.output.split())
    assert f"{sheet}:{line}" in output, output
    assert message in output, output
    assert "Traceback" not in output
    assert database(workspace["store"]) == before_db
    assert count_triples(workspace["store"]) == before_count


def test_good_sheet_rebuild_replaces_the_store(workspace: dict[str, Path]) -> None:
    before_db, before_version = database(workspace["store"]), EmbeddedStore(workspace["store"]).version()
    sheet = workspace["sheet"]
    sheet.write_text(sheet.read_text().replace("share: 40,", "share: 41,"), encoding="utf-8")
    result = rebuild(workspace)
    assert result.exit_code == 0, result.output
    # one sheet changed: its graph replaced in the same database, in one transaction
    assert "Sheets changed since the last build: s-test" in " ".join(result.output.split())
    assert database(workspace["store"]) == before_db and EmbeddedStore(workspace["store"]).version() != before_version
    full = runner.invoke(
        app,
        ["build", "--full", "--store", str(workspace["store"]), "--corpus", str(workspace["corpus"]), "--facts", str(workspace["facts"])],
    )
    assert full.exit_code == 0, full.output
    assert database(workspace["store"]) != before_db
    assert before_db.exists()  # kept for readers that still have it open
    shares = EmbeddedStore(workspace["store"]).select("SELECT ?v WHERE { ?r <https://w3id.org/rekg/ontology#share> ?v }")
    assert [str(r["v"]) for r in shares] == ["41"]


APPLIED_TEXT = "Acme Metals plans to build a refinery in Malaysia. Lynas operates a plant in Malaysia.\n"
APPLIED = """\
source:
  id: s-apply
  title: An applied article
  file: apply.txt
  sha256: {sha}
facts:
  - quote: "Acme Metals plans to build a refinery in Malaysia."
    modality: planned
    triples:
      - [company/lynas-rare-earths, operates, facility/mount-weld]
  - quote: "Lynas operates a plant in Malaysia."
    triples:
      - [company/lynas-rare-earths, headquarteredIn, {place}]
"""


def test_rekg_apply_adds_one_sheet_as_a_build_would_and_refuses_a_bad_one(workspace: dict[str, Path], tmp_path: Path) -> None:
    from rdflib import Graph
    from rdflib.compare import isomorphic

    (workspace["corpus"] / "apply.txt").write_text(APPLIED_TEXT, encoding="utf-8")
    sha = hashlib.sha256(APPLIED_TEXT.encode()).hexdigest()
    sheet = tmp_path / "applied.yaml"  # outside the facts folder
    shutil.copytree(workspace["store"], tmp_path / "store", symlinks=True)  # a store of this test's own, built from its sheets
    args = ["--store", str(tmp_path / "store"), "--corpus", str(workspace["corpus"]), "--facts", str(workspace["facts"])]
    assert runner.invoke(app, ["build", *args]).exit_code == 0

    sheet.write_text(APPLIED.format(sha=sha, place="material/ndpr"), encoding="utf-8")  # a material is no country
    version = EmbeddedStore(tmp_path / "store").version()
    refused = runner.invoke(app, ["apply", str(sheet), *args])
    output = " ".join(refused.output.split())
    assert refused.exit_code == 1 and "SHACL violation" in output and "must name an entity of class Country" in output, output
    assert EmbeddedStore(tmp_path / "store").version() == version

    sheet.write_text(APPLIED.format(sha=sha, place="country/MY"), encoding="utf-8")
    applied = runner.invoke(app, ["apply", str(sheet), *args])
    assert applied.exit_code == 0, applied.output
    store = EmbeddedStore(tmp_path / "store")
    graph = "https://w3id.org/rekg/graph/s-apply"
    assert store.select(
        f"SELECT * WHERE {{ GRAPH <{graph}> {{ ?c <https://w3id.org/rekg/ontology#modality> "
        "<https://w3id.org/rekg/id/modality/planned> } }"
    )
    # the same sheet in the facts folder, built from scratch, gives the same graphs
    shutil.copy(sheet, workspace["facts"] / "applied.yaml")
    scratch = tmp_path / "scratch"
    built = runner.invoke(
        app, ["build", "--full", "--store", str(scratch), "--corpus", str(workspace["corpus"]), "--facts", str(workspace["facts"])]
    )
    assert built.exit_code == 0, built.output
    for name in (graph, "https://w3id.org/rekg/graph/inferred", "https://w3id.org/rekg/graph/s-test"):
        here, there = Graph(), Graph()
        for target, source in ((here, store), (there, EmbeddedStore(scratch))):
            for s, p, o, _ in source.quads(graph=name):
                target.add((s, p, o))
        assert len(here) and isomorphic(here, there), (name, sorted(set(here) ^ set(there))[:6])
