"""rekg extract on short articles of our own (not corpus text), bad input, batch, and the
evaluation on the corpus against the curated sheets."""

from __future__ import annotations

import hashlib
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.curation.draft import draft_document
from kg.curation.evaluate import Score, evaluate, missed_targets
from kg.curation.extract import Extractor
from kg.curation.gazetteer import gazetteer
from kg.curation.lexicon import CURRENCIES
from kg.curation.proposals import Extraction
from kg.ingest.sheets import load_sheet, load_sheets
from kg.store import EmbeddedStore, Store
from kg.vocab import CURRENCY_UNITS, FACTS_DIR, UNITS
from tests.conftest import rows

ID = "https://w3id.org/rekg/id/"
ARTICLE = """Home | News | Markets

Acme Metals Ltd. signed an agreement with Japan on Monday to secure rare earth supplies.
Acme Metals operates the Bluehill mine in Australia, which produces rare earth ore.
The company supplies about 40% of Japan's NdPr oxide, according to the firm.
Japan invested in Acme Metals in 2021 through a $3 billion rare earth fund and a 100 billion yen mining package.
Vietnam says it will impose export controls on gallium to Japan; the rules could cut its exports by over 70%.
Kazakhstan discovered 7 rare earth deposits, and global demand for magnets may triple by 2040.
Building the refinery could take up to 10 years, and Australia has two operating rare earth mines.

You may also like
Crypto prices jump 55% in a week
Leave a Comment
"""

runner = CliRunner()


@pytest.fixture(scope="module")
def extractor(store: Store) -> Extractor:
    return Extractor(gazetteer(store))


def test_known_entities_are_found_with_possessives(extractor: Extractor) -> None:
    result = extractor.extract(ARTICLE)
    known = {m.iri for m in result.mentions if m.iri}
    assert {ID + "country/JP", ID + "country/AU", ID + "country/VN", ID + "country/KZ", ID + "material/ndpr"} <= known
    assert any(m.text == "Japan" and ARTICLE[m.end : m.end + 2] == "'s" for m in result.mentions)


def test_new_entities_are_proposed_with_a_kind(extractor: Extractor) -> None:
    new = {(m.kind, m.text) for m in extractor.extract(ARTICLE).mentions if m.iri is None}
    assert ("company", "Acme Metals Ltd.") in new
    assert ("facility", "Bluehill mine") in new


def test_figures_with_units_scales_and_hedges(extractor: Extractor) -> None:
    extraction = extractor.extract(ARTICLE)
    figures = {(f.value, f.unit, f.hedge) for f in extraction.figures}
    assert [(r.share, r.hedge) for r in extraction.relations if r.share is not None] == [
        (Decimal(40), "about")
    ]  # of Japan's NdPr: the supply's
    assert (Decimal(3_000_000_000), "USD", None) in figures
    assert (Decimal(100_000_000_000), "JPY", None) in figures
    assert (Decimal(70), "percent", "over") in figures
    assert (Decimal(3), "times", "may") in figures
    assert (Decimal(7), "count", None) in figures
    assert (Decimal(2), "count", None) in figures
    assert (Decimal(10), "year", "up to") in figures


def test_boilerplate_is_skipped(extractor: Extractor) -> None:
    result = extractor.extract(ARTICLE)
    assert all(f.value != 55 for f in result.figures)
    assert not any("Leave a Comment" in s.text or "Home |" in s.text for s in result.sentences)
    assert result.skipped_lines >= 3


def test_relations_from_common_patterns(extractor: Extractor) -> None:
    relations = {(r.kind, r.subject.rsplit("/", 1)[-1], (r.object or "").rsplit("/", 1)[-1]) for r in extractor.extract(ARTICLE).relations}
    assert ("agreement", "acme-metals-ltd", "JP") in relations
    assert ("operates", "acme-metals-ltd", "bluehill-mine") in relations  # "Acme Metals" is "Acme Metals Ltd." again
    assert ("supplies", "acme-metals-ltd", "JP") in relations  # "The company" resolved to the latest company
    assert ("invested", "JP", "acme-metals-ltd") in relations
    assert ("restricts", "VN", "JP") in relations
    assert ("discovered", "KZ", "") in relations


def test_a_fixed_draft_is_accepted_by_build(built_store: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    article = corpus / "acme.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    result = runner.invoke(app, ["extract", str(article), "--source-id", "s-acme", "-o", str(draft), "--store", str(built_store)])
    assert result.exit_code == 0, result.output
    text = draft.read_text()
    assert "span: [" in text and "quote: " in text and "new, in:" in text
    # the curator's fixes: decide every todo, declare the events and agreements the draft names
    text = text.replace("todo/material", "material/ndpr").replace("todo-metric", "production-share").replace("todo/subject", "country/JP")
    todo_ids = sorted(set(re.findall(r"((?:agreement|event)/todo-[a-z0-9-]+)", text)))
    kinds = {"agreement": "BilateralAgreement", "event": "ExportRestriction"}
    extra = "".join(f"  - {{id: {ref}, type: {kinds[ref.split('/')[0]]}, label: {ref.split('/')[1]}}}\n" for ref in todo_ids)
    text = text.replace("entities:\n", "entities:\n" + extra, 1)
    assert "todo/" not in text.replace("/todo-", "/x-")
    facts = tmp_path / "facts"
    facts.mkdir()
    shutil.copy(FACTS_DIR / "entities.yaml", facts / "entities.yaml")
    (facts / "s-acme.yaml").write_text(text)
    built = runner.invoke(app, ["build", "--store", str(tmp_path / "store"), "--facts", str(facts), "--corpus", str(corpus)])
    assert built.exit_code == 0, built.output
    graph = "GRAPH <https://w3id.org/rekg/graph/s-acme>"
    built_store = EmbeddedStore(tmp_path / "store")
    supplies = rows(
        built_store,
        f"SELECT ?customer ?material WHERE {{ {graph} {{ ?r a rekg:SupplyRelation ; rekg:customer ?customer ; rekg:material ?material }} }}",
    )
    assert {"customer": ID + "country/JP", "material": ID + "material/ndpr"} in supplies  # with its share: "40% of Japan's NdPr"
    assert rows(built_store, f"SELECT ?r WHERE {{ {graph} {{ ?r a rekg:SupplyRelation ; rekg:share ?s FILTER (?s = 40) }} }}")
    # figures of every modality (the draft gives a sentence with a marker its modality)
    values = {
        float(r["v"]) for r in rows(built_store, f"SELECT ?v WHERE {{ {graph} {{ ?f a|rekg:statementKind rekg:Figure ; rekg:value ?v }} }}")
    }
    assert {3e9, 1e11, 7.0} <= values


def test_every_currency_the_extractor_drafts_is_a_unit_sheets_accept() -> None:
    assert set(CURRENCIES.values()) <= CURRENCY_UNITS <= set(UNITS)


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\n ", "the file is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("latin1.txt", "Caf\u00e9 export controls on rare earths".encode("latin-1"), "not UTF-8"),
    ],
)
def test_bad_input_gets_a_clear_message(built_store: Path, tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = runner.invoke(app, ["extract", str(path), "--store", str(built_store)])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_a_20_mb_file_is_refused_before_it_is_read(built_store: Path, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    result = runner.invoke(app, ["extract", str(path), "--store", str(built_store)])
    assert result.exit_code == 1 and "20.0 MiB is more than an article" in result.output


def test_batch_writes_drafts_and_a_summary(built_store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "b.txt").write_text("Japan signed a rare earth agreement with Australia. Japan supplies 5% of Australia's lithium.\n")
    (folder / "c.txt").write_bytes(b"")
    result = runner.invoke(app, ["extract", str(folder), "-o", str(tmp_path / "out"), "--store", str(built_store)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "a.draft.yaml").is_file()
    draft = (tmp_path / "out" / "b.draft.yaml").read_text()
    assert "[agreement/todo-country-jp-country-au, party, country/JP]" in draft
    assert "[agreement/todo-country-jp-country-au, party, country/AU]" in draft
    assert "supply: {supplier: country/JP, customer: country/AU, material: material/lithium, share: 5}" in draft
    assert 'quote: "Japan supplies 5% of Australia\'s lithium."' in draft
    assert "the file is empty" in result.output
    assert not (tmp_path / "out" / "c.draft.yaml").exists()


def test_evaluation_on_the_corpus_meets_the_targets(store: Store, corpus_dir: Path) -> None:
    registry, sheets = load_sheets(FACTS_DIR)
    types = {e.id: e.type for e in registry.model.entities}
    scores = evaluate(store, sheets, types, corpus_dir)
    assert scores["entity mentions"].recall >= 0.95
    assert scores["figures"].recall >= 0.85 and scores["figures"].precision >= 0.80
    assert scores["relations"].recall >= 0.5


def test_evaluate_command_prints_the_table(built_store: Path) -> None:
    result = runner.invoke(app, ["extract", "--evaluate", "--store", str(built_store)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if "entity mentions" in line)
    precision, recall = (float(cell) for cell in line.split("│")[2:4])
    assert precision >= 0.85 and recall >= 0.95  # a draft's new names count too: some true ones the sheets leave out (Apple)


def test_evaluation_scores_figures_by_metric_and_subject_and_the_drafts_modality(tmp_path: Path) -> None:
    from kg.curation.evaluate import modality_agreement
    from kg.ingest.sheets import load_sheet

    sheet = tmp_path / "s.yaml"
    sheet.write_text(
        """\
source: {id: s-eval, title: T, url: "https://example.org/t"}
facts:
  - quote: "India aims to become a hub"
    modality: aim
    triples: [[country/IN, performsStage, stage/processing]]
  - quote: "Alcoa's planned refinery faced a backlash"
    modality: stated
    why: the backlash is stated
    triples: [[company/alcoa, headquarteredIn, country/US]]
  - quote: "The US was once a producer"
    when: {until: 1999}
    triples: [[country/US, produces, material/rare-earth-elements]]
  - quote: "China produces 70% of the world's rare earths"
    triples: [[country/CN, produces, material/rare-earth-elements]]
""",
        encoding="utf-8",
    )
    # three quotes with a marker: the aim and the past state drafted right, the stated backlash not
    assert modality_agreement(load_sheet(sheet)) == (2, 3)


def test_evaluate_prints_figures_by_metric_and_subject_and_modality(built_store: Path) -> None:
    result = runner.invoke(app, ["extract", "--evaluate", "--store", str(built_store)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    rows = {line.split("│")[1].strip(): line for line in result.output.splitlines() if line.count("│") >= 6}
    assert {"figures (metric, subject)", "modality", "relations"} <= set(rows)


HELDOUT = Path(__file__).parent / "heldout"


@pytest.mark.parametrize(
    "folder",
    [HELDOUT, *sorted(HELDOUT.parent.glob("heldout-fresh*"))],
    ids=lambda folder: folder.name,
)
def test_the_held_out_articles_gold_sheets_build(tmp_path: Path, folder: Path) -> None:
    facts = tmp_path / "facts"
    facts.mkdir()
    shutil.copy(FACTS_DIR / "entities.yaml", facts / "entities.yaml")
    for sheet in folder.glob("*.yaml"):
        shutil.copy(sheet, facts / sheet.name)
    result = runner.invoke(app, ["validate", "--facts", str(facts), "--corpus", str(folder)])
    assert result.exit_code == 0 and "0 violation(s)" in result.output, result.output


def test_evaluate_on_the_held_out_articles(built_store: Path) -> None:
    result = runner.invoke(app, ["extract", "--evaluate", "--gold", str(HELDOUT), "--store", str(built_store)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    rows = {
        line.split("│")[1].strip(): [cell.strip() for cell in line.split("│")[2:7]]
        for line in result.output.splitlines()
        if line.count("│") >= 6
    }
    assert set(rows) == {"entity mentions", "figures", "figures (metric, subject)", "figures stated (no todo)", "relations", "modality"}
    assert rows["modality"][4] == "7" and rows["relations"][4] == "9"  # the gold sheets' counts: 7 marked facts, 9 relations
    # the issue's targets where the drafts reach them (README: both tables); figures are short of 0.8
    assert float(rows["relations"][0]) >= 0.7 and float(rows["relations"][1]) >= 0.7
    assert float(rows["modality"][0]) >= 0.8


def test_a_described_facility_is_a_new_candidate_the_evaluation_aligns_with_the_gold(store: Store) -> None:
    from kg.curation.evaluate import aligned_new_entities, predicted_facts

    sheet = load_sheet(HELDOUT / "h3-neo.yaml")
    extraction = Extractor(gazetteer(store)).extract((HELDOUT / "h3-neo.txt").read_text(encoding="utf-8"))
    described = {m.text for m in extraction.mentions if m.kind == "facility" and m.iri is None}
    assert {"rare earth separation plant in Sillamae", "magnet plant in Narva"} <= described
    aligned = aligned_new_entities(extraction, sheet)
    operates = {r for r in predicted_facts(extraction, aligned)["relations"] if r[0] == "operates"}
    neo = "https://w3id.org/rekg/id/company/neo-performance-materials"
    assert {
        ("operates", neo, "https://w3id.org/rekg/id/facility/neo-sillamae"),
        ("operates", neo, "https://w3id.org/rekg/id/facility/neo-narva-magnet-plant"),
    } <= operates


def test_tonnes_are_a_mass_with_its_metric_not_a_count(built_store: Path, tmp_path: Path) -> None:
    article = tmp_path / "mass.txt"
    article.write_text(
        "The Mountain Pass mine produced 45,000 tonnes of rare earth oxide in 2024.\n"
        "A new refinery in Malaysia could produce 5,500 tonnes of separated oxides a year.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(article), "--store", str(built_store)])
    assert result.exit_code == 0, result.output
    assert "metric: mine-production, value: 45000, unit: tonne" in result.output
    assert "metric: production-capacity, value: 5500, unit: tonne" in result.output
    assert "unit: count" not in result.output


def test_figures_name_their_producer_material_and_year_or_say_todo(extractor: Extractor) -> None:
    from kg.curation.draft import draft_facts

    text = (
        "Lynas Rare Earths operates the Mount Weld mine.\n"
        "The mine produced about 12,000 tonnes of rare earth oxides in 2024.\n"
        "The Refinery could produce 5,500 tonnes of rare earth oxides a year.\n"
        "Iluka Resources signed an agreement with Japan in 2025.\n"
    )
    extraction = extractor.extract(text)
    assert not any(m.text.lower().startswith("the ") for m in extraction.mentions)  # "The Refinery" is no name
    figures = {d.fact["figure"]["value"]: d.fact["figure"] for d in draft_facts(extraction) if "figure" in d.fact}
    mined = figures[Decimal(12000)]
    assert (mined["subject"], mined["metric"], mined["year"], mined["material"]) == (
        "facility/mount-weld",  # "the mine": the facility named before
        "mine-production",
        2024,
        "material/rare-earth-oxides",
    )
    assert figures[Decimal(5500)]["subject"] == "todo/subject"  # no facility named before: not the material it weighs
    agreements = [d for d in draft_facts(extraction) if "signed an agreement" in d.fact["quote"]]
    assert len(agreements) == 1  # two triggers of one sentence, one fact


def test_a_draft_builds_to_its_todos_each_by_line(built_store: Path, tmp_path: Path) -> None:
    corpus, facts = tmp_path / "corpus", tmp_path / "facts"
    corpus.mkdir(), facts.mkdir()
    article = corpus / "mass.txt"
    article.write_text(
        "For years MP Materials shipped most of its concentrate to China.\nThe mine produced 45,000 tonnes of something in 2024.\n"
        "Former US President Joe Biden said rare earth supply would matter.\n"  # markers that qualify other facts: a reason given
        "Japan signed a rare earth agreement with Australia in 2023.\n",  # an agreement the draft makes up: the curator names it
        encoding="utf-8",
    )
    shutil.copy(FACTS_DIR / "entities.yaml", facts / "entities.yaml")
    drafted = runner.invoke(app, ["extract", str(article), "-o", str(facts / "mass.yaml"), "--store", str(built_store)])
    assert drafted.exit_code == 0, drafted.output
    built = runner.invoke(app, ["build", "--facts", str(facts), "--corpus", str(corpus), "--store", str(tmp_path / "store")])
    assert built.exit_code == 1
    reported = [line for line in " ".join(built.output.split()).split(str(facts / "mass.yaml"))[1:]]
    assert all(": todo: the draft " in line for line in reported), built.output  # nothing else
    fields = {line.split(": ")[1].split("].", 1)[-1] for line in reported}
    assert {"supply.material", "figure.subject", "modality"} <= fields  # the former President's position: a past state to date
    assert sum("the draft made up 'agreement/todo-country-jp-country-au'" in line for line in reported) == 1


@pytest.mark.parametrize(
    "sentence,modality",
    [
        ("Former US President Joe Biden visited Vietnam in 2023.", None),  # names him
        ("Proterial (formerly Hitachi Metals) makes magnets in Japan.", None),
        ("Mountain Pass, once the world's leading source, filed for bankruptcy.", None),  # an aside
        ("The two countries signed an agreement aimed at securing supply.", None),  # the agreement's purpose
        ("They built reserves to mitigate potential disruptions.", None),  # a risk
        ("The agreement is aimed at securing supply.", "aim"),
        ("The former producer now imports everything.", "todo-past-state"),
        ("Japan could refine rare earths.", "possibility"),
    ],
)
def test_a_marker_qualifies_the_sentence_only_where_it_does(sentence: str, modality: str | None) -> None:
    from kg.curation.modal import drafted_modality

    assert drafted_modality(sentence) == modality


def _drafted(extractor: Extractor, text: str) -> list[dict]:
    from kg.curation.draft import draft_facts

    return [d.fact for d in draft_facts(extractor.extract(text))]


def _drafted_figures(extractor: Extractor, text: str) -> list[dict]:
    """The figures of a text's drafted facts."""
    return [f["figure"] for f in _drafted(extractor, text) if "figure" in f]


def _relations(result: Extraction) -> set[tuple[str, str, str]]:
    """An extraction's relations as (kind, subject ref, object ref or "")."""
    return {(r.kind, r.subject.removeprefix(ID), (r.object or "").removeprefix(ID)) for r in result.relations}


def test_a_share_of_a_customers_needs_is_the_supplys_share_with_its_material(extractor: Extractor) -> None:
    facts = _drafted(extractor, "Tokyo has reduced its dependence on China for rare earths from 90% to 60%.")
    supplies = [f["supply"] for f in facts if "supply" in f]
    assert {(s["supplier"], s["customer"], s["material"], s["share"]) for s in supplies} == {
        ("country/CN", "country/JP", "material/rare-earth-elements", Decimal("90")),
        ("country/CN", "country/JP", "material/rare-earth-elements", Decimal("60")),
    }  # Tokyo acts for Japan; the percentages are shares of its needs, not figures of their own
    assert not [f for f in facts if "figure" in f]


def test_a_capital_as_a_place_is_no_party(extractor: Extractor) -> None:
    facts = _drafted(extractor, "Australia and the United States signed a rare earths agreement in Tokyo.")
    parties = {t[2] for f in facts for t in f.get("triples", []) if t[1] == "party"}
    assert parties == {"country/AU", "country/US"}


def test_a_stake_with_its_share_and_a_possessive_facility(extractor: Extractor) -> None:
    stake = _drafted(extractor, "Lynas Rare Earths holds a stake of about 8% in MP Materials.")
    assert [f["stake"] for f in stake if "stake" in f] == [
        {"holder": "company/lynas-rare-earths", "investee": "company/mp-materials", "share": Decimal("8"), "hedge": "about"}
    ]
    owned = _drafted(extractor, "MP Materials's planned magnet factory in Fort Worth will open in 2026.")
    operates = [t for f in owned for t in f.get("triples", []) if t[1] == "operates"]
    assert [t[0] for t in operates] == ["company/mp-materials"] and operates[0][2].startswith("facility/")
    assert next(f for f in owned if "triples" in f)["modality"] == "planned"


def test_talks_are_no_agreement_and_demonyms_of_firms_are_no_countries(extractor: Extractor) -> None:
    talks = [f for f in _drafted(extractor, "Namibia is in talks with South Korea on a rare earth refinery.") if "triples" in f]
    # talks, as the corpus records them: an event whose actors are in talks (stated: the talks happen), no agreement's parties
    assert [sorted((t[1], t[2]) for t in f["triples"]) for f in talks] == [[("actor", "country/KR"), ("actor", "country/NA")]]
    assert talks[0]["triples"][0][0].startswith("event/todo-talks-") and talks[0]["modality"] == "stated"
    facts = _drafted(extractor, "Malawi signed rare earth exploration agreements with Japanese and Australian firms.")
    parties = {t[2] for f in facts for t in f.get("triples", []) if t[1] == "party"}
    assert "country/JP" not in parties and "country/AU" not in parties and "country/MW" in parties


def test_evaluate_with_targets_fails_below_them_naming_the_scores(built_store: Path) -> None:
    reached = runner.invoke(app, ["extract", "--evaluate", "--targets", "--gold", str(HELDOUT), "--store", str(built_store)])
    assert reached.exit_code == 0, reached.output
    below = HELDOUT.with_name("heldout-fresh13")  # figures 0.83 / 0.71 there
    missed = runner.invoke(app, ["extract", "--evaluate", "--targets", "--gold", str(below), "--store", str(built_store)])
    assert missed.exit_code == 1 and "figures (metric, subject) recall 0.71 < 0.8" in " ".join(missed.output.split())


def test_positions_held_with_what_they_are_in_and_a_former_one_as_a_past_state(extractor: Extractor) -> None:
    facts = _drafted(
        extractor,
        "Former US President Joe Biden visited a rare earth mine in Vietnam in 2023.\n"
        "Amanda Lacaze, the CEO of Lynas Rare Earths, spoke about rare earths.\n",
    )
    holdings = {f["triples"][0][0]: f for f in facts if f.get("triples", [[None, None]])[0][1] == "holdsPosition"}
    assert holdings["person/joe-biden"]["modality"] == "todo-past-state" and "modality" not in holdings["person/amanda-lacaze"]
    described = {tuple(t[1:]) for f in facts for t in f.get("triples", []) if t[1] in ("positionTitle", "positionIn")}
    assert {
        ("positionTitle", "President"),
        ("positionIn", "country/US"),
        ("positionTitle", "CEO"),
        ("positionIn", "company/lynas-rare-earths"),
    } <= described
    others = [f for f in facts if "visited" in f["quote"] and "holdsPosition" not in str(f)]
    assert others and all(f["modality"] == "stated" and f["why"] for f in others)  # "former" is about the holding: a reason given


def test_a_restriction_with_its_material_and_date_and_a_deals_value_on_its_agreement(extractor: Extractor) -> None:
    facts = _drafted(
        extractor,
        "China restricted exports of gallium to Japan in December 2023.\n"
        "Japan and Australia signed a $2 billion rare earths agreement in 2024.\n",
    )
    restriction = next(f["triples"] for f in facts if "triples" in f and f["triples"][0][1] == "imposedBy")
    assert [t[1:] for t in restriction] == [
        ["imposedBy", "country/CN"],
        ["target", "country/JP"],
        ["material", "material/gallium"],
        ["date", "2023-12"],
    ]
    agreement = next(f["triples"] for f in facts if "triples" in f and f["triples"][0][1] == "party")
    value = next(f["figure"] for f in facts if "figure" in f)
    assert (value["metric"], value["subject"]) == ("agreement-value", agreement[0][0]) and ["date", "2024"] == agreement[-1][1:]


def test_an_investment_its_money_and_where_an_operated_facility_is(extractor: Extractor) -> None:
    facts = _drafted(
        extractor,
        "Japan's Sojitz invested $200 million in Lynas Rare Earths in 2011.\n"
        "Lynas Rare Earths operates the Mount Weld mine in Western Australia, and sells oxides to Japan.\n",
    )
    triples = [t for f in facts for t in f.get("triples", [])]
    assert ["company/sojitz", "investedIn", "company/lynas-rare-earths"] in triples  # a new company, and the money between
    assert next(f["figure"] for f in facts if "figure" in f)["subject"] == "company/lynas-rare-earths"  # the money goes to Lynas
    assert ["facility/mount-weld", "locatedIn", "region/western-australia"] in triples
    assert {"supplier": "company/lynas-rare-earths", "customer": "country/JP", "material": "material/rare-earth-oxides"} in [
        f["supply"] for f in facts if "supply" in f
    ]


def test_a_longer_name_a_described_reference_and_a_chief_executive_in_context(extractor: Extractor) -> None:
    facts = _drafted(
        extractor,
        "IREL (India) Limited operates a rare earth separation plant in Odisha.\n"
        "The state-owned company supplies neodymium to Toyota Tsusho, which ships it to Japan.\n"
        "Chief Executive Tony Sage said rare earth output would rise.\n",
    )
    supplies = {(f["supply"]["supplier"], f["supply"]["customer"]) for f in facts if "supply" in f}
    assert supplies == {("company/indian-rare-earths", "company/toyota-tsusho"), ("company/toyota-tsusho", "country/JP")}  # not Toyota
    triples = [t for f in facts for t in f.get("triples", [])]
    assert ["company/indian-rare-earths", "operates", "facility/rare-earth-separation-plant-in-odisha"] in triples  # not "(India)"
    held = next(t[2] for t in triples if t[0] == "person/tony-sage" and t[1] == "holdsPosition")
    assert [held, "positionIn", "company/indian-rare-earths"] in triples  # the company the text is about


def test_listed_customers_passive_supplies_acquisitions_and_named_possessions(extractor: Extractor) -> None:
    from kg.curation.draft import date_of

    facts = _drafted(
        extractor,
        "Lynas Rare Earths supplies rare earths to Japan, South Korea and India.\n"
        "Japan is supplied by Lynas Rare Earths with NdPr.\n"
        "MP Materials acquired the Mountain Pass mine in 2017.\n"
        "Lynas Rare Earths's Mount Weld mine produced 12,000 tonnes of rare earth oxides in 2024.\n",
    )
    supplies = [(f["supply"]["supplier"], f["supply"]["customer"]) for f in facts if "supply" in f]
    assert sorted(supplies) == sorted([("company/lynas-rare-earths", c) for c in ("country/JP", "country/KR", "country/IN", "country/JP")])
    triples = [t for f in facts for t in f.get("triples", [])]
    assert ["company/mp-materials", "investedIn", "facility/mountain-pass"] in triples
    assert ["company/lynas-rare-earths", "operates", "facility/mount-weld"] in triples
    assert date_of("The deal was signed on 9 October 2025 in Tokyo.") == "2025-10-09"


def test_a_short_article_is_read_whole_and_its_loans_shares_employers_and_possessions_drafted(extractor: Extractor) -> None:
    facts = _drafted(
        extractor,
        "Ionic Rare Earths runs a magnet recycling plant in Belfast.\n"
        "The US International Development Finance Corporation said it may lend US$15 million to Ionic.\n"  # no word of the trade
        "Lynas Rare Earths supplies about 90% of Japan's NdPr.\n"
        "Apple chief executive Tim Cook met Lynas Rare Earths, which will expand its Kalgoorlie facility.\n",
    )
    loan = next(f for f in facts if "figure" in f and f["figure"]["unit"] == "USD")
    assert (loan["figure"]["subject"], loan["modality"]) == ("company/ionic-rare-earths", "possibility")  # the borrower
    assert {
        "supplier": "company/lynas-rare-earths",
        "customer": "country/JP",
        "material": "material/ndpr",
        "share": Decimal(90),
        "hedge": "about",
    } in [f["supply"] for f in facts if "supply" in f]
    triples = [t for f in facts for t in f.get("triples", [])]
    assert any(t[1:] == ["positionIn", "company/apple"] for t in triples)  # Apple, a new company the title names
    assert any(t[0] == "company/lynas-rare-earths" and t[1] == "operates" and "kalgoorlie" in t[2] for t in triples)


def test_stakes_before_the_word_joint_holders_past_shares_loans_and_names_by_apposition(extractor: Extractor) -> None:
    facts = _drafted(
        extractor,
        "Hochschild Mining owns a 20% stake in Lynas Rare Earths.\n"
        "Sojitz and JOGMEC jointly hold a stake in Lynas Rare Earths.\n"
        "Japan imports about 60% of its rare earths from China, down from 90% in 2010.\n"
        "The agency lent Lynas $200 million in 2011, a year after China restricted exports to Japan.\n"
        "Vulcan Elements, a North Carolina magnet maker, signed a $620 million loan agreement with the Office of Strategic Capital.\n"
        "Prime Minister Sanae Takaichi said Tokyo would seek new rare earth partners.\n",
    )
    stakes = [f["stake"] for f in facts if "stake" in f]
    assert {"holder": "company/hochschild-mining", "investee": "company/lynas-rare-earths", "share": Decimal(20)} in stakes
    holders = {t[0] for f in facts for t in f.get("triples", []) if t[1] == "investedIn"}
    assert {"company/sojitz", "agency/jogmec"} <= holders
    assert sorted(f["supply"]["share"] for f in facts if "supply" in f and f["supply"]["customer"] == "country/JP") == [60, 90]
    money = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert money[Decimal(200_000_000)]["subject"] == "company/lynas-rare-earths"  # lent to Lynas
    assert (money[Decimal(620_000_000)]["metric"], money[Decimal(620_000_000)]["subject"]) == ("funding-amount", "company/vulcan-elements")
    parties = {t[2] for f in facts for t in f.get("triples", []) if t[1] == "party"}
    assert parties == {"company/vulcan-elements", "agency/office-of-strategic-capital"}
    triples = [t for f in facts for t in f.get("triples", [])]
    held = next(t[2] for t in triples if t[0] == "person/sanae-takaichi")
    assert [held, "positionIn", "country/JP"] in triples  # Tokyo speaks for Japan


def test_currency_codes_stakes_bought_joint_developers_and_facility_names_holding_a_country(extractor: Extractor) -> None:
    facts = _drafted(
        extractor,
        "MP Materials and Maaden signed an agreement to develop a rare earth refinery in Saudi Arabia.\n"
        "The US Department of Defense bought a 15% stake in MP Materials in 2025.\n"
        "The European Union gave Lynas Rare Earths EUR 18.7 million for a magnet plant.\n"
        "The Zhana Kazakhstan deposit may hold about 20 million tonnes of rare earth ore.\n",
    )
    assert not [f for f in facts if "supply" in f]  # a stake bought is no supply
    assert [f["stake"] for f in facts if "stake" in f] == [
        {"holder": "agency/us-department-of-defense", "investee": "company/mp-materials", "share": Decimal(15)}
    ]
    operators = {t[0] for f in facts for t in f.get("triples", []) if t[1] == "operates"}
    assert operators == {"company/mp-materials", "company/maaden"}
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert (figures[Decimal(18_700_000)]["unit"], figures[Decimal(18_700_000)]["subject"]) == ("EUR", "company/lynas-rare-earths")
    assert figures[Decimal(20_000_000)]["subject"] == "facility/zhana-kazakhstan-deposit"


def test_world_places_aliases_short_forms_clauses_made_for_and_an_opening_pronoun(extractor: Extractor) -> None:
    text = (
        "Halvorsen Metals Group, which runs the Tor Hill mine in Goias state, sold oxides to Laos.\n"
        "Korrin Magnetwerke, the German magnet maker known as KMW, opened a magnet plant in Sumter, South Carolina.\n"
        "The plant will make permanent magnets for Dalton Motors, which signed a supply agreement with KMW in 2023.\n"
        "It is expected to produce about 1,500 tonnes of magnets a year.\n"
        "KMW received a $111.9 million tax credit from the US government.\n"
        "The company buys most of its rare earths from China but plans to source oxides from Halvorsen Metals.\n"
        "Tor Hill produced about 5,000 tonnes of rare earth oxide in 2024.\n"
    )
    result = extractor.extract(text)
    new = {(m.kind, m.text, m.ref_iri.removeprefix(ID)) for m in result.mentions if m.iri is None}
    # places of the world's list the graph lacks are new entities with the IRI a curator gives them
    assert {
        ("region", "Goias", "region/goias"),
        ("country", "Laos", "country/LA"),
        ("region", "South Carolina", "region/south-carolina"),
    } <= new
    assert ("company", "KMW", "company/korrin-magnetwerke") in new  # the alias the text gives it
    assert ("facility", "Tor Hill", "facility/tor-hill-mine") in new  # its name without "mine"
    assert ("company", "Halvorsen Metals", "company/halvorsen-metals-group") in new  # without "Group"
    assert ("company", "Dalton Motors", "company/dalton-motors") in new  # the name a "which" clause is about
    assert "material/rare-earth-oxides" in {m.ref_iri.removeprefix(ID) for m in result.mentions if m.text == "rare earth oxide"}
    facts = _drafted(extractor, text)
    supplies = {(f["supply"]["supplier"], f["supply"]["customer"]) for f in facts if "supply" in f}
    assert {
        ("company/korrin-magnetwerke", "company/dalton-motors"),  # the plant's operator supplies what the plant makes for it
        ("country/CN", "company/korrin-magnetwerke"),
        ("company/halvorsen-metals-group", "company/korrin-magnetwerke"),  # not China, named after "from"
    } <= supplies
    parties = {tuple(sorted(t[2] for t in f["triples"] if t[1] == "party")) for f in facts if "triples" in f}
    assert ("company/dalton-motors", "company/korrin-magnetwerke") in parties
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert figures[Decimal(1500)]["subject"].startswith("facility/")  # "It": the plant the sentence before opened with
    assert (figures[Decimal(111_900_000)]["metric"], figures[Decimal(111_900_000)]["subject"]) == (
        "funding-amount",
        "company/korrin-magnetwerke",
    )
    assert (figures[Decimal(5000)]["metric"], figures[Decimal(5000)]["subject"]) == ("mine-production", "facility/tor-hill-mine")
    entities = {e["id"]: e for e in draft_document(result, "t.txt", source_id="t", text=text)["entities"]}
    assert (entities["country/LA"]["type"], entities["country/LA"]["iso"]) == ("Country", "LA")
    assert entities["region/goias"]["type"] == "Region"


def test_repeated_names_described_bodies_owned_facilities_costs_and_reported_plans(extractor: Extractor) -> None:
    text = (
        "Varnok said on Tuesday it would build its rare earth refinery at the Oskel mine in Angola.\n"
        "The Oskel project is owned by Varnok through an Angolan subsidiary.\n"
        "Angola's sovereign wealth fund holds a 17% stake in Varnok.\n"
        "The refinery is expected to cost $268 million and to produce about 4,400 tonnes of NdPr oxide a year.\n"
        "The DFC agreed to invest $50 million in Tellin Metals, which is developing the Brask project in Namibia.\n"
        "The project could produce about 1,900 tonnes of rare earth oxides a year.\n"
        "Its output would be sold to customers in the US, the company added.\n"
        "South Korea and Japan signed a memorandum on 14 May 2026; the two countries will share data.\n"
        "South Korea imported about 80% of its rare earth magnets from China.\n"
        "Korea Zinc once bought magnets from a Chinese supplier but now sources them from Vietnam.\n"
        "The Pentagon guaranteed Varnok a price floor of $110/kg for NdPr oxide for ten years.\n"
    )
    facts = _drafted(extractor, text)
    triples = {tuple(t) for f in facts for t in f.get("triples", [])}
    assert ("company/varnok", "operates", "facility/oskel-mine") in triples  # a name the text repeats, alone
    owned = [f for f in facts if any(t[1] == "operates" and t[2] == "facility/rare-earth-refinery" for t in f.get("triples", []))]
    assert [(f["triples"][0][0], f["modality"]) for f in owned] == [("company/varnok", "planned")]  # "said it would build"
    stakes = [f["stake"] for f in facts if "stake" in f]
    assert stakes[0]["holder"] == "agency/angola-s-sovereign-wealth-fund"  # the fund, not Angola
    figures = {f["figure"]["value"]: f for f in facts if "figure" in f}
    assert Decimal(268_000_000) not in figures  # a cost: no metric a sheet records
    assert Decimal(2) not in figures  # "the two countries" are the ones named
    assert figures[Decimal(4400)]["figure"]["subject"] == "facility/rare-earth-refinery"
    assert figures[Decimal(1900)]["figure"]["subject"] == "facility/brask-project"
    assert (figures[Decimal(50_000_000)]["figure"]["subject"], figures[Decimal(50_000_000)]["modality"]) == (
        "company/tellin-metals",
        "commitment",
    )
    assert figures[Decimal(110)]["figure"]["metric"] == "price" and Decimal(10) not in figures
    assert ("company/tellin-metals", "operates", "facility/brask-project") in triples  # the party the "which" clause is about
    supplies = {(f["supply"]["supplier"], f["supply"]["customer"]): f for f in facts if "supply" in f}
    assert supplies[("company/tellin-metals", "country/US")]["modality"] == "expected"  # "Its output": the project's operator
    assert supplies[("country/CN", "country/KR")]["supply"]["share"] == Decimal(80)
    assert supplies[("country/VN", "company/korea-zinc")]["modality"] == "stated"  # "once … but now": the present
    assert ("country/CN", "company/korea-zinc") not in supplies  # "a Chinese supplier" is not China
    memorandum = next(f for f in facts if any(t[1] == "party" and t[2] == "country/JP" for t in f.get("triples", [])))
    assert memorandum["modality"] == "stated"  # "14 May 2026" is a date, not a possibility; "will share" is another clause


def test_government_titles_ties_bare_possessives_purchases_and_figures_no_metric_fits(extractor: Extractor) -> None:
    text = (
        "Treasurer Jim Chalmers ordered five China-linked investors to sell their shares in Corvane Minerals in June 2024.\n"
        "The company runs the Pike Ridge project in Western Australia.\n"
        "Corvane Minerals has an offtake agreement with Halden Resources, which will buy carbonate from Pike Ridge.\n"
        "Malaysia hosts Lynas Rare Earths' processing plant in Kuantan and holds 16.1 million tonnes of rare earth deposits.\n"
        "Fordel signed a deal in March 2026 to buy magnets from Niron Magnetics.\n"
        "Stellantis has invested $40 million in Niron Magnetics.\n"
        "Neo Performance Materials opened a magnet plant in Narva.\n"
        "The European Union gave Neo EUR 18.7 million, and Neo will double capacity.\n"
        "The miner is seeking damages of $11.5 billion over its rare earth mine, Prime Minister Anwar Ibrahim said it will appeal.\n"
    )
    result = extractor.extract(text)
    facts = _drafted(extractor, text)
    triples = {tuple(t) for f in facts for t in f.get("triples", [])}
    positions = {(r.subject.removeprefix(ID), (r.object or "").removeprefix(ID)) for r in result.relations if r.kind == "position"}
    assert ("person/jim-chalmers", "country/AU") not in positions  # no country in the text: none made up
    assert "country/CN" not in {m.ref_iri.removeprefix(ID) for m in result.mentions}  # "China-linked" names no party
    assert any(t[1] == "positionTitle" and t[2] == "Treasurer" for t in triples)
    supplies = {(f["supply"]["supplier"], f["supply"]["customer"]) for f in facts if "supply" in f}
    assert ("company/corvane-minerals", "company/halden-resources") in supplies  # bought from the project Corvane runs
    assert ("company/niron-magnetics", "company/fordel") in supplies
    parties = {tuple(sorted(t[2] for t in f["triples"] if t[1] == "party")) for f in facts if "triples" in f}
    assert ("company/fordel", "company/niron-magnetics") in parties  # a deal to buy from Niron is Niron's deal too
    assert any(t[0] == "company/lynas-rare-earths" and t[1] == "operates" for t in triples)  # "Lynas Rare Earths' plant"
    figures = {f["figure"]["value"]: f for f in facts if "figure" in f}
    assert figures[Decimal(16_100_000)]["figure"]["metric"] == "reserves"
    assert figures[Decimal(40_000_000)]["figure"]["subject"] == "company/niron-magnetics"  # invested in Niron
    assert (figures[Decimal(18_700_000)]["figure"]["metric"], figures[Decimal(18_700_000)]["figure"]["subject"]) == (
        "funding-amount",
        "company/neo-performance-materials",
    )  # "gave Neo": to Neo Performance Materials
    assert Decimal(11_500_000_000) not in figures and Decimal(200) not in figures  # no metric fits: left out, named in a comment
    assert (
        'figure left out, no metric records it: "$11.5 billion"' in draft_document(result, "t.txt", source_id="t", text=text)["#"]["facts"]
    )
    title = next(f for f in facts if any(t[1] == "positionTitle" and t[2] == "Prime Minister" for t in f.get("triples", [])))
    assert title["modality"] == "stated"  # "will appeal" says nothing of what the position is


def test_stakes_owned_appositions_sale_prices_possessed_facilities_and_partners_supplied(extractor: Extractor) -> None:
    text = (
        "Tarnow Rare Earths agreed to sell its Vesk project in Tanzania to Orlan Resources for A$158 million in 2025.\n"
        "Orlan, one of China's largest rare earth groups, already owned about 19.9% of Tarnow.\n"
        "The government of Tanzania holds a 16% free-carried interest in the project.\n"
        "Lynas chief executive Amanda Lacaze said the company would also expand its Kalgoorlie facility.\n"
        "Tarnow has also signed a memorandum with Schaeffler to supply NdPr oxide to the German automotive supplier.\n"
    )
    facts = _drafted(extractor, text)
    stakes = {(f["stake"]["holder"], f["stake"]["investee"]): f["stake"] for f in facts if "stake" in f}
    assert stakes[("company/orlan-resources", "company/tarnow-rare-earths")]["share"] == Decimal("19.9")  # not China's, in the aside
    assert stakes[("country/TZ", "facility/vesk-project")]["share"] == Decimal(16)
    price = next(f for f in facts if "figure" in f and f["figure"]["value"] == Decimal(158_000_000))
    assert price["figure"]["metric"] == "agreement-value" and price["modality"] == "stated"  # the price of the sale agreed
    kalgoorlie = next(f for f in facts if any(t[1] == "operates" and "kalgoorlie" in t[2] for t in f.get("triples", [])))
    assert kalgoorlie["modality"] == "stated"  # "would expand its facility": it is Lynas's all the same
    supplies = {(f["supply"]["supplier"], f["supply"]["customer"]) for f in facts if "supply" in f}
    assert ("company/tarnow-rare-earths", "company/schaeffler") in supplies


def test_modality_is_scored_on_the_drafted_fact_that_states_the_curated_one(extractor: Extractor, tmp_path: Path) -> None:
    from kg.curation.evaluate import aligned_new_entities, modality_agreement

    text = "Korrin Metals is building a plant in Sartell that will make 1,500 tonnes of magnets a year.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    sheet = tmp_path / "a.yaml"
    quote = text.strip()
    sheet.write_text(
        f"source: {{id: a, title: A, file: a.txt, sha256: {hashlib.sha256(text.encode()).hexdigest()}}}\n"
        "entities:\n  - {id: facility/korrin-plant, type: MagnetPlant, label: Korrin plant}\n"
        "facts:\n"
        f'  - quote: "{quote}"\n    modality: expected\n'
        "    figure: {subject: facility/korrin-plant, metric: production-capacity, value: 1500, unit: tonne}\n",
        encoding="utf-8",
    )
    loaded = load_sheet(sheet)
    extraction = extractor.extract(text)
    # the sentence's longest marker ("is building") is not the figure's: the draft reads "will" before the figure
    assert modality_agreement(loaded) == (0, 1)
    assert modality_agreement(loaded, extraction, aligned_new_entities(extraction, loaded)) == (1, 1)


def test_subsidiaries_shareholders_programmes_described_holders_and_lines(extractor: Extractor) -> None:
    text = (
        "Carester's subsidiary Caremag is building a rare earth recycling and separation plant in Lacq, in southwestern France.\n"
        "Japan's JOGMEC and trading house Iwatani invested a combined EUR 110 million in Caremag.\n"
        "Carester chief executive Frederic Carencotte said the plant should open in 2026.\n"
        "The European Commission selected 47 strategic projects under the Critical Raw Materials Act in March 2025.\n"
        "The Department of Defense is MP Materials' largest shareholder, with a 15% stake.\n"
        "The magnets will come from MP's factory in Fort Worth, Texas.\n"
        "MP Materials will also build a recycling line at Mountain Pass.\n"
    )
    facts = _drafted(extractor, text)
    stakes = {(f["stake"]["holder"], f["stake"]["investee"]): f["stake"] for f in facts if "stake" in f}
    invested = {(t[0], t[2]) for f in facts for t in f.get("triples", []) if t[1] == "investedIn"}
    assert {
        ("company/carester", "company/caremag"),
        ("agency/jogmec", "company/caremag"),
        ("company/iwatani", "company/caremag"),
    } <= invested
    assert stakes[("agency/department-of-defense", "company/mp-materials")]["share"] == Decimal(15)  # "X is MP's largest shareholder"
    triples = {tuple(t) for f in facts for t in f.get("triples", [])}
    operated = {(s, o) for s, p, o in triples if p == "operates"}
    assert ("company/caremag", "facility/rare-earth-recycling-and-separation-plant-in-lacq") in operated
    assert ("company/mp-materials", "facility/factory-in-fort-worth") in operated  # "from MP's factory": MP's all the same
    assert ("company/mp-materials", "facility/recycling-line-at-mountain-pass") in operated
    counts = [f["figure"] for f in facts if "figure" in f and f["figure"]["metric"] == "count"]
    assert [(c["value"], c["subject"]) for c in counts] == [(Decimal(47), "programme/critical-raw-materials-act")]


def test_described_partners_and_a_single_named_mine_met_again(extractor: Extractor) -> None:
    text = (
        "Lindor Resources will start mining at Kavunde in Malawi in 2026, the Australian company said.\n"
        "Lindor signed an offtake agreement with Chinese refiner Gansu Rare Earth in October 2025.\n"
        "The company expects Kavunde to produce about 15,000 tonnes of concentrate a year.\n"
        "Malawi's government will take a 10% free-carried stake in the project.\n"
    )
    result = extractor.extract(text)
    new = {(m.kind, m.text) for m in result.mentions if m.iri is None}
    assert ("facility", "Kavunde") in new and ("company", "Chinese") not in new  # "Chinese refiner" says what Gansu is
    facts = _drafted(extractor, text)
    parties = {tuple(sorted(t[2] for t in f["triples"] if t[1] == "party")) for f in facts if "triples" in f} - {()}
    assert parties == {("company/gansu-rare-earth", "company/lindor-resources")}
    assert ("operates", "company/lindor-resources", "facility/kavunde") in _relations(result)  # "will start mining at Kavunde"
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert figures[Decimal(15_000)]["subject"] == "facility/kavunde"
    stakes = [f["stake"] for f in facts if "stake" in f]
    assert stakes == [{"holder": "country/MW", "investee": "facility/kavunde", "share": Decimal(10)}]  # "the project": Kavunde


def test_names_holding_a_material_and_a_place_holdings_by_and_raised_from(extractor: Extractor) -> None:
    text = (
        "Rare Earths Sweden plans to open a mine at Fen in southern Norway by 2030.\n"
        "Rare Earths Sweden is owned by Scatec Innovation.\n"
        "Steenkamp Holdings will restart its monazite mine in the Western Cape province of South Africa in 2026.\n"
        "The company has raised $30 million from Canadian investor Blue Lake Capital.\n"
        "JOGMEC will invest up to A$200 million in Australian rare earth projects.\n"
        "The partnership would make both countries less dependent on China.\n"
    )
    facts = _drafted(extractor, text)
    triples = [tuple(t) for f in facts for t in f.get("triples", [])]
    assert ("company/rare-earths-sweden", "operates", "facility/mine-at-fen") in triples  # not Sweden's, nor a material's
    assert ("company/scatec-innovation", "investedIn", "company/rare-earths-sweden") in triples  # "is owned by"
    assert ("company/blue-lake-capital", "investedIn", "company/steenkamp-holdings") in triples  # "raised $30 million from"
    restart = [f for f in facts if any(t[1] == "operates" and t[0] == "company/steenkamp-holdings" for t in f.get("triples", []))]
    assert [f["modality"] for f in restart] == ["stated"]  # once, and "its mine" is its own whatever "will" says
    assert not [f for f in facts if "supply" in f]  # "less dependent on China" is no supply
    assert not [t for t in triples if "country/AU" in t]  # "Australian rare earth projects" are not Australia


def test_camel_case_names_joint_ventures_possessive_exports_and_changes(extractor: Extractor) -> None:
    text = (
        "HyProMag USA, a joint venture of HyProMag and CoTec Holdings, plans to build a magnet recycling plant in Dallas, Texas.\n"
        "CoTec Holdings owns 50% of HyProMag USA.\n"
        "HyProMag has already opened a recycling plant in Tyseley, near Birmingham in England.\n"
        "China's exports of rare earth magnets to the United States fell by 93% in May.\n"
    )
    facts = _drafted(extractor, text)
    holdings = {(t[0], t[2]) for f in facts for t in f.get("triples", []) if t[1] == "investedIn"}
    holdings |= {(f["stake"]["holder"], f["stake"]["investee"]) for f in facts if "stake" in f}
    assert {("company/hypromag", "company/hypromag-usa"), ("company/cotec-holdings", "company/hypromag-usa")} <= holdings
    assert not [f for f in facts if any(t[1] == "party" for t in f.get("triples", []))]  # a joint venture's holders: no agreement
    operated = {(t[0], t[2]) for f in facts for t in f.get("triples", []) if t[1] == "operates"}
    assert ("company/hypromag-usa", "facility/magnet-recycling-plant-in-dallas") in operated
    assert ("company/hypromag-usa", "facility/recycling-plant-in-tyseley") not in operated  # "HyProMag" is not HyProMag USA
    supplies = {(f["supply"]["supplier"], f["supply"]["customer"]) for f in facts if "supply" in f}
    assert ("country/CN", "country/US") in supplies  # "China's exports … to the United States"
    assert not [f for f in facts if "figure" in f and f["figure"]["value"] == Decimal(93)]  # a fall: no metric records it


def test_lenders_names_joint_buyers_acquisitions_licences_and_ministers(extractor: Extractor) -> None:
    text = (
        "Arvon Rare Earths has won a A$840 million loan from Export Finance Australia for its Nolans project in the Northern Territory.\n"
        "Hyundai Motor and Kia agreed to buy NdPr oxide from Nolans for seven years.\n"
        "USA Rare Earth agreed to buy Less Common Metals, a British maker of rare earth metals and alloys, for $100 million in 2025.\n"
        "Japan's trade ministry said on Friday that China had delayed export licences for rare earth magnets to Japanese car makers.\n"
        "Japan buys about 70% of its rare earth imports from China.\n"
        "Trade minister Yoji Muto said Tokyo was in talks with Beijing on the licences.\n"
        "USA Rare Earth is building a magnet factory in Stillwater, Oklahoma.\n"
        "The company's chief executive, Barbara Humpton, said the factory would open in 2026.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("operates", "company/arvon-rare-earths", "facility/nolans-project") in relations  # not the lender's Australia
    assert {
        ("supplies", "company/arvon-rare-earths", "company/hyundai-motor"),
        ("supplies", "company/arvon-rare-earths", "company/kia"),
    } <= relations
    assert not [r for r in relations if r[0] == "agreement" and "company/kia" in r]  # two buyers make no agreement
    assert ("agreement", "company/usa-rare-earth", "company/less-common-metals") in relations  # the company bought is a party
    assert not [r for r in relations if r[0] == "supplies" and r[1] == "company/less-common-metals"]  # a company bought is no supply
    assert ("restricts", "country/CN", "") in relations
    assert ("position", "person/yoji-muto", "country/JP") in relations
    assert ("position", "person/barbara-humpton", "company/usa-rare-earth") in relations  # "the company's chief executive, X,"


def test_datelines_object_clauses_purchases_state_owners_initials_and_share_prices(extractor: Extractor) -> None:
    text = (
        "Orvik Fuels Makes First Terbium Oxide\n\n"
        "DENVER, Oct 14 (Newswire) - Orvik Fuels said on Tuesday it had produced its first terbium oxide at the Pine Mesa Mill "
        "near Blanding, Utah.\n"
        "Orvik Fuels owns 49% of the Tallis mineral sands project in Victoria, Australia, which Brenton Corp is developing.\n"
        "Brenton will ship monazite concentrate from Tallis to Pine Mesa under an offtake agreement signed in 2024.\n"
        "Orvik Fuels bought Kesh Resources, the developer of the Toliara project in Madagascar, in 2024 for about $240 million.\n"
        "India holds about 6% of the world's rare earth reserves.\n"
        "KIRUNA, Sweden (Newswire) - Swedish state-owned miner VKAB said its Lapp Hill deposit near Kiruna is large.\n"
        "VKAB also holds a 19% stake in Norway's REEtec, which began operating a separation plant at Herøya last year.\n"
        "REEtec has agreed to sell its neodymium-praseodymium oxide to Schaeffler under a seven-year contract.\n"
        "Northern Strategic Metals makes alloy at its Ochang plant. NSM is considering a plant in Texas, managing director "
        "Rowena Hale said.\n"
        "Canada Lend agreed to lend up to C$200 million to NSM. NSM shares closed 4% higher.\n"
    )
    result = extractor.extract(text)
    relations = {(r.kind, r.subject.removeprefix(ID), (r.object or "").removeprefix(ID), r.share) for r in result.relations}
    assert ("operates", "company/orvik-fuels", "facility/pine-mesa-mill", None) in relations  # after the dateline; "produced … at"
    assert (
        "invested",
        "company/orvik-fuels",
        "facility/tallis-mineral-sands-project",
        Decimal(49),
    ) in relations  # a share, not the project
    assert ("operates", "company/brenton-corp", "facility/tallis-mineral-sands-project", None) in relations  # "which Brenton is developing"
    assert ("operates", "company/orvik-fuels", "facility/tallis-mineral-sands-project", None) not in relations
    assert {  # shipped to a mill: to its operator, under an agreement between the two
        ("supplies", "company/brenton-corp", "company/orvik-fuels", None),
        ("agreement", "company/brenton-corp", "company/orvik-fuels", None),
        ("agreement", "company/orvik-fuels", "company/kesh-resources", None),  # the company bought
        ("operates", "company/kesh-resources", "facility/toliara-project", None),  # "the developer of", named after its town
        ("invested", "country/SE", "company/vkab", None),  # "Swedish state-owned miner VKAB"
        ("invested", "company/vkab", "company/reetec", Decimal(19)),  # "REEtec", "VKAB": names a text repeats
        ("operates", "company/reetec", "facility/separation-plant-at-heroya", None),  # "began operating"; a slug without accents
        ("supplies", "company/reetec", "company/schaeffler", None),  # "agreed to sell"
        ("operates", "company/northern-strategic-metals", "facility/plant-in-texas", None),  # "NSM": its initials
    } <= relations
    assert not [r for r in relations if r[0] == "invested" and r[1] == "country/IN"]  # a share of the world's reserves is no stake
    assert "Managing Director" in {r.title for r in result.relations if r.kind == "position" and r.subject.endswith("/rowena-hale")}
    figures = {f.value: f for f in result.figures}
    assert figures[Decimal(200_000_000)].unit == "CAD"  # C$: any ISO 4217 currency
    assert Decimal(4) not in figures  # a day's share price is no figure of the graph
    facts = _drafted(extractor, text)
    by_value = {f["figure"]["value"]: f for f in facts if "figure" in f}
    assert by_value[Decimal(240_000_000)]["figure"]["metric"] == "agreement-value"  # "bought … for about $240 million"
    modality = {(f["supply"]["supplier"], f["supply"]["customer"]): f.get("modality") for f in facts if "supply" in f}
    assert modality[("company/brenton-corp", "company/orvik-fuels")] == "commitment"  # "will ship … under an offtake agreement"


def test_a_minister_without_a_country_takes_the_one_not_taken(extractor: Extractor) -> None:
    text = (
        "Ukraine and the United States signed an agreement on 30 April 2025 on minerals.\n"
        "Ukraine's economy minister Yulia Svyrydenko signed the deal in Washington with Treasury Secretary Scott Bessent.\n"
    )
    positions = {
        (r.subject.removeprefix(ID), (r.object or "").removeprefix(ID)) for r in extractor.extract(text).relations if r.kind == "position"
    }
    assert positions == {("person/yulia-svyrydenko", "country/UA"), ("person/scott-bessent", "country/US")}


def test_a_plan_carries_its_would_and_the_gazetteer_holds_no_descriptions(store: Store) -> None:
    from kg.curation.modal import drafted_modality

    sentence = "Torngat plans to build a processing plant in Sept-Îles that would produce about 5,000 tonnes of oxides a year."
    assert drafted_modality(sentence, at=sentence.index("5,000")) == "planned"
    descriptions = [form for form in gazetteer(store) if re.match(r"(?i:the|a|an|its|their)\s+[a-z]", form)]
    assert not descriptions  # "the miner" was Lynas in one article: a reference, no name


def test_councils_the_government_of_the_text_and_a_name_that_opens_its_lines(extractor: Extractor) -> None:
    text = (
        "Brazil holds about 21 million tonnes of rare earth reserves, second after China, according to the U.S. Geological Survey.\n"
        "Australia's Meteoric Resources is developing the Caldeira project in Minas Gerais state.\n"
        "The government is in talks with the United States on a critical minerals agreement.\n"
        "The Saskatchewan Research Council produced Canada's first NdPr metal at its rare earth processing facility in Saskatoon.\n"
        "The council agreed in 2023 to buy rare earth carbonate from Vital Metals' Nechalacho mine.\n"
        "Noveon makes about 2,000 tonnes of magnets a year at its plant in San Marcos.\n"
        "Noveon raised $75 million from investors led by Carbon Direct Capital in 2024.\n"
        "The federal government provided C$18 million in 2024 for an expansion of the facility.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("talks", "country/BR", "country/US") in relations  # not Australia's company, nor the Survey's U.S.
    council = "org/saskatchewan-research-council"  # a council is an organisation
    assert {
        ("operates", council, "facility/rare-earth-processing-facility-in-saskatoon"),  # "its": not Canada's
        ("supplies", "company/vital-metals", council),  # "the council"
        ("invested", "company/carbon-direct-capital", "company/noveon"),  # a line with no word of the domain, opened by a name
    } <= relations
    facts = _drafted(extractor, text)
    assert {f["figure"]["value"]: f["figure"]["metric"] for f in facts if "figure" in f}[Decimal(18_000_000)] == "funding-amount"


def test_talks_with_customers_the_demonym_miner_founders_offers_and_gapped_loans(extractor: Extractor) -> None:
    text = (
        "Lynas Rare Earths said it had produced its first dysprosium oxide at its plant in Kuantan.\n"
        "The Australian miner expects to produce about 1,500 tonnes of heavy rare earth oxides a year from 2026.\n"
        "Lynas chief executive Amanda Lacaze said the company was in talks with customers in Japan and the United States.\n"
        "Mongolia sells most of its minerals to China, which buys about 85% of its exports.\n"
        "Founder Ahmad Ghahreman said the Arizona plant of Cyclic Materials would open in 2026.\n"
        "Export Finance Australia has offered Kestrel Metals a conditional loan of up to A$200 million.\n"
        "Export Development Canada agreed to lend up to C$200 million to Torvik Metals, and the Canada Infrastructure Bank C$100 million.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert not [r for r in relations if r[0] == "talks"]  # with unnamed customers, not with Japan or the US
    assert "Founder" in {r.title for r in result.relations if r.kind == "position"}
    assert not [r for r in result.relations if r.kind == "supplies" and r.share is not None]  # 85% of Mongolia's exports
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    lynas = figures[Decimal(1500)]
    assert (lynas["metric"], lynas["subject"]) == ("production-capacity", "company/lynas-rare-earths")  # "the Australian miner"
    assert figures[Decimal(200_000_000)]["subject"] in ("company/kestrel-metals", "company/torvik-metals")
    assert {f["figure"]["subject"] for f in facts if "figure" in f and f["figure"]["unit"] == "AUD"} == {"company/kestrel-metals"}
    assert figures[Decimal(100_000_000)]["subject"] == "company/torvik-metals"  # "…, and the Bank C$100 million": to Torvik too


def test_prices_shares_of_output_deals_to_invest_initials_organisations_and_partners(extractor: Extractor) -> None:
    text = (
        "UK Critical Metals signed a memorandum of understanding with Chile's Andes Works Organisation to invest up to "
        "$300 million in Chile's mining sector.\n"
        "The partners plan to build a rare earth separation plant in the United States.\n"
        "Prices of terbium oxide in China rose to about 9,000 yuan a kilogram in May, the highest in three years.\n"
        "The Defense Department guaranteed Kestrel Metals a floor price of $120 per kilogram for NdPr.\n"
        "India mined 2,900 tonnes of rare earths in 2024, about 1% of world output.\n"
        "Kestrel Metals will take a 20% stake in Torvik Metals for about $40 million.\n"
        "The government values the country's mineral wealth at about $2 trillion.\n"
        "Kazakhstan sends about 60% of its exports to China.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    uk, andes = "company/uk-critical-metals", "org/andes-works-organisation"  # the initials open the name; an organisation
    assert ("agreement", uk, andes) in relations or ("agreement", andes, uk) in relations
    assert not [r for r in relations if "country/GB" in r or r[0] == "invested" and r[2] == "country/CL"]  # Chile's sector is no investee
    plant = "facility/rare-earth-separation-plant-in-the-united-states"
    assert {("operates", uk, plant), ("operates", andes, plant)} <= relations  # "the partners": both parties of the deal
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: (f["figure"]["metric"], f["figure"]["subject"]) for f in facts if "figure" in f}
    metric, deal = figures[Decimal(300_000_000)]
    assert metric == "agreement-value" and deal.startswith("agreement/") and "andes-works-organisation" in deal  # the memorandum's
    assert figures[Decimal(9000)] == ("price", "material/terbium")  # the material priced, not China
    assert figures[Decimal(120)] == ("price", "material/ndpr")  # "… per kilogram for NdPr", not the company guaranteed it
    assert figures[Decimal(1)] == ("production-share", "country/IN")  # India's share, not the material's
    assert figures[Decimal(40_000_000)] == ("funding-amount", "company/torvik-metals")  # money for a stake goes to the investee
    assert not {Decimal(3), Decimal(2 * 10**12), Decimal(60)} & set(figures)  # "the highest in three years", a worth, a share of exports


def test_reporters_backers_listed_units_of_topics_of_talks_import_reliance_and_targets(extractor: Extractor) -> None:
    text = (
        "Kestrel Metals has agreed to invest a further $5 million in the Ondo heavy rare earth project in Nigeria, "
        "raising its stake to 40%, Torvik Metals said on Monday.\n"
        "Hanau Metals has raised about $60 million from investors including BMW i Ventures and Yamaha Motor.\n"
        "Hanau Metals, a unit of Germany's Heraeus group, recycles rare earth magnets at its plant in Hanau.\n"
        "Economy Minister Anna Berg said Sweden was in talks with Canada on rare earth supplies.\n"
        "Canada imports about 70% of its rare earth metals, mostly from China.\n"
        "The European Union wants recycling to meet 15% of its demand for rare earth magnets by 2030.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("invested", "company/kestrel-metals", "facility/ondo-heavy-rare-earth-project") in relations  # "heavy": a facility's word
    assert not [r for r in relations if "company/torvik-metals" in r]  # who reports the news is no party to it
    assert {
        ("invested", "company/bmw-i-ventures", "company/hanau-metals"),  # each backer listed
        ("invested", "company/yamaha-motor", "company/hanau-metals"),
        ("invested", "company/heraeus", "company/hanau-metals"),  # ", a unit of Heraeus"
        ("talks", "country/SE", "country/CA"),
    } <= relations
    assert not [r for r in relations if r[0] == "supplies" and "country/SE" in r]  # talks "on supplies" are about them
    assert "Economy Minister" in {r.title for r in result.relations if r.kind == "position"}
    assert not [r for r in result.relations if r.kind == "supplies" and r.share is not None]  # "mostly from China": of all its sources
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: (f["figure"]["metric"], f["figure"]["subject"]) for f in facts if "figure" in f}
    assert figures[Decimal(70)] == ("net-import-reliance", "country/CA")
    assert figures[Decimal(15)] == ("supply-potential", "org/european-union")


def test_new_minerals_armed_services_shares_of_a_country_demand_quarters_world_shares_and_units_of(extractor: Extractor) -> None:
    text = (
        "Kestrel Metals has won approval for its Ridgeback copper and tungsten project in Hwasun province.\n"
        "The U.S. Export-Import Bank said it could lend up to $900 million for the project.\n"
        "Ridgeback would supply about 40% of U.S. tungsten demand, Kestrel said.\n"
        "Kestrel has agreed to supply cobalt to the U.S. Navy.\n"
        "The mine produced about 8,000 tonnes in the March quarter.\n"
        "China supplies more than 85% of the world's battery anodes, according to the U.S. Geological Survey.\n"
        "The Toronto-listed company agreed to sell all of the mine's output to Atlas Alloys & Powders, a U.S. unit of Austria's "
        "Voestalpine group.\n"
        "Kestrel also ships graphite from its plant in Calvert, Alabama, to Tesla.\n"
        "The Calvert plant can produce 5,000 tonnes of anode material a year.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    kestrel, ridgeback, atlas = "company/kestrel-metals", "facility/ridgeback-copper-and-tungsten-project", "company/atlas-alloys-powders"
    assert {
        ("operates", kestrel, ridgeback),  # "copper and tungsten": words of the trade the lexicon does not list
        ("supplies", kestrel, "country/US"),  # the mine's operator
        ("supplies", kestrel, "agency/u-s-navy"),
        ("supplies", kestrel, atlas),  # "the Toronto-listed company", "the mine's output" is no sale of the mine
        ("invested", "company/voestalpine", atlas),
        ("supplies", kestrel, "company/tesla"),
    } <= relations
    assert not [r for r in relations if r[2] == "region/world"]
    shares = {r.share for r in result.relations if r.kind == "supplies" and r.object.endswith("country/US")}
    assert shares == {Decimal(40)}  # "of U.S. tungsten demand"
    kinds = {m.text: m.kind for m in result.mentions}
    assert kinds["cobalt"] == "material" and kinds["Hwasun province"] == "region" and kinds["U.S. Geological Survey"] == "agency"
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: (f["figure"]["metric"], f["figure"]["subject"]) for f in facts if "figure" in f}
    assert figures[Decimal(900_000_000)] == ("funding-amount", ridgeback)  # "for the project", not the lender
    assert figures[Decimal(85)] == ("production-share", "country/CN")
    assert figures[Decimal(5000)][1] == "facility/plant-in-calvert"  # "the Calvert plant" is the plant in Calvert
    assert Decimal(8000) not in figures  # a quarter's output: no metric records it
    entities = {e["id"]: e["type"] for e in draft_document(result, "a.txt", source_id="a", text=text)["entities"]}
    assert entities["material/cobalt"] == "CriticalMineral"


def test_one_deal_of_three_deals_named_before_loans_to_it_traded_masses_grades_and_counts(extractor: Extractor) -> None:
    text = (
        "Tokyo Metals and state agency JOGMEC signed a deal with Borealis Minerals on Monday to invest a further A$80 million "
        "in the Canadian miner.\n"
        "Under the deal, Borealis will supply heavy rare earths to Japan.\n"
        "Tokyo Metals first backed Borealis in 2019, when they lent it $50 million.\n"
        "Borealis plans to build a rare earth separation plant at its Kettle project in Ontario.\n"
        "Kettle holds reserves of about 90 million tonnes of ore grading 1.2% total rare earth oxides.\n"
        "China's exports of gallium rose 25% in March from February to 1,200 tonnes.\n"
        "Beijing added five heavy rare earths to its export control list in April 2025.\n"
        "It also controls neodymium and praseodymium — two rare earths used in magnets.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    tokyo, borealis = "company/tokyo-metals", "company/borealis-minerals"
    assert {
        ("invested", tokyo, borealis),  # not Borealis in itself: it is the other party of the deal
        ("invested", "agency/jogmec", borealis),
        ("agreement", tokyo, "agency/jogmec"),  # the two on one side are parties of the deal too
        ("operates", borealis, "facility/rare-earth-separation-plant"),  # "a … plant at its Kettle project"
    } <= relations
    assert not [r for r in relations if r[0] == "agreement" and "country/JP" in r]  # "Under the deal": the one named before
    assert not [m for m in result.mentions if m.text in ("March", "February")]
    facts = _drafted(extractor, text)
    deals = {t[0] for f in facts for t in f.get("triples", []) if t[1] == "party"}
    assert len(deals) == 1  # one deal of three parties
    parties = {t[2] for f in facts for t in f.get("triples", []) if t[1] == "party"}
    assert parties == {tokyo, "agency/jogmec", borealis}
    figures = {f["figure"]["value"]: (f["figure"]["metric"], f["figure"]["subject"]) for f in facts if "figure" in f}
    assert figures[Decimal(80_000_000)] == ("agreement-value", deals.pop())
    assert figures[Decimal(50_000_000)] == ("funding-amount", borealis)  # "lent it": the one backed, not the lender
    assert figures[Decimal(5)][0] == "count" and "-export-restriction" in figures[Decimal(5)][1]
    assert not {Decimal("1.2"), Decimal(1200), Decimal(25), Decimal(2)} & set(
        figures
    )  # a grade, a month's exports, a change, a restatement


def test_converted_money_clauses_spans_of_time_partners_who_build_stakes_agreed_and_facilities_known_as(extractor: Extractor) -> None:
    text = (
        "South Korea approved a 500 billion won ($360 million) scheme on Monday to support rare earth magnet makers.\n"
        "Brazil holds about 21 million tonnes of rare earth reserves, but mined only 20 tonnes in 2024.\n"
        "The scheme will run over five years.\n"
        "Kestrel Metals has raised A$12 million from institutional investors to develop its Ridge project in Brazil's Bahia state.\n"
        "Kestrel signed a memorandum of understanding with Torvik Metals to build a rare earth refinery in Brazil.\n"
        "The U.S. Department of Defense has agreed to invest $150 million in Kestrel.\n"
        "Kestrel plans to build a second magnet plant, known as K2, near the mine.\n"
        "Two banks have committed $500 million in financing for K2, the company said.\n"
        "The agency set aside $2 billion for critical minerals projects.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    kestrel = "company/kestrel-metals"
    assert not [r for r in relations if r[0] == "invested" and r[1] == "country/BR"]  # Brazil's state is where, not who invests
    refinery = "facility/rare-earth-refinery-in-brazil"
    assert {("operates", kestrel, refinery), ("operates", "company/torvik-metals", refinery)} <= relations  # both who signed to build it
    assert ("invested", "agency/us-department-of-defense", kestrel) in relations
    assert not [r for r in relations if r[0] == "agreement" and "agency/us-department-of-defense" in r]  # agreed to invest: a stake
    assert ("operates", kestrel, "facility/k2") in relations  # "a second magnet plant, known as K2"
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: (f["figure"]["metric"], f["figure"]["subject"]) for f in facts if "figure" in f}
    assert figures[Decimal(500_000_000_000)][0] == "funding-amount" and Decimal(360_000_000) not in figures  # one money, as written
    assert figures[Decimal(21_000_000)] == ("reserves", "country/BR") and figures[Decimal(20)] == ("mine-production", "country/BR")
    assert figures[Decimal(500_000_000)] == ("funding-amount", "facility/k2")  # "in financing for K2"
    assert not {Decimal(5), Decimal(2_000_000_000)} & set(figures)  # how long the scheme runs; money for no one named


def test_bullets_clauses_changes_over_time_contracts_purchases_of_it_and_described_openings(extractor: Extractor) -> None:
    text = (
        "• The United States: MP Materials mined about 45,000 tonnes of rare earth oxide at Mountain Pass in California in 2024, "
        "roughly 12% of world output.\n"
        "• Brazil: Serra Azul began commercial production at its Tamar mine in 2024.\n"
        "Kestrel Magnetic Technologies produced 10,900 tonnes of magnets in 2024 and is expanding its Ridge plant.\n"
        '"We can double our output within two years," Tom Reed, chief executive of Kestrel Magnetic Technologies, told reporters.\n'
        "Kestrel signed a $40 million contract with the U.S. Department of Defense in 2024 to expand the plant.\n"
        "It buys samarium from Lynas Rare Earths under a long-term agreement.\n"
        "Kestrel is owned by Compass Diversified, which bought it in 2012 for $128 million.\n"
        "State miner MIND ID plans to build a rare earth pilot plant in Bangka Belitung province.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    kestrel, compass = "company/kestrel-magnetic-technologies", "company/compass-diversified"
    assert {
        ("operates", "company/mp-materials", "facility/mountain-pass"),  # "mined … at Mountain Pass"
        ("operates", "company/serra-azul", "facility/tamar-mine"),  # the name after a bullet's label
        ("agreement", "company/lynas-rare-earths", kestrel),  # "under a long-term agreement"
        ("agreement", compass, kestrel),  # "which bought it"
        ("operates", "company/mind-id", "facility/rare-earth-pilot-plant-in-bangka-belitung"),  # past "State miner"
        ("position", "person/tom-reed", kestrel),
    } <= relations
    assert not [r for r in relations if "country/BR" in r]
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: (f["figure"]["metric"], f["figure"]["subject"]) for f in facts if "figure" in f}
    assert figures[Decimal(12)] == ("production-share", "facility/mountain-pass")  # not California, where it is
    assert figures[Decimal(10_900)][1] == kestrel  # its clause's producer, not the plant it is expanding
    deals = {t[0] for f in facts for t in f.get("triples", []) if t[1] == "party" and t[2] == "agency/us-department-of-defense"}
    assert figures[Decimal(40_000_000)] == ("agreement-value", deals.pop())  # "a $40 million contract"
    assert figures[Decimal(128_000_000)][0] == "agreement-value"
    assert Decimal(2) not in figures  # the time of a change ("double … within two years")


def test_changes_a_sentence_opening_its_owned_through_licences_held_until_and_names_ending_in_a_country(extractor: Extractor) -> None:
    text = (
        "Kestrel Metals said its NdPr production rose 30% from a year earlier to 2,000 tonnes in the September quarter.\n"
        "The company expects to lift NdPr output to 9,000 tonnes a year by 2030.\n"
        "Its processing plant in Kalgoorlie can treat 10,000 tonnes of concentrate a year.\n"
        "Rare earth mining in Myanmar's Kachin state rose to about 31,000 tonnes in 2024.\n"
        "Kenya plans to develop the Tana Hill rare earth deposit through the state-owned National Mining Corporation.\n"
        "Borden Mining Kenya held the licence for Tana Hill until the government revoked it in 2019, the Ministry of Mining said.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    deposit, corporation = "facility/tana-hill-rare-earth-deposit", "company/national-mining-corporation"
    assert {
        ("operates", "company/kestrel-metals", "facility/processing-plant-in-kalgoorlie"),  # "Its …" opening the sentence
        ("operates", corporation, deposit),  # "through" the corporation, not Kenya
        ("invested", "country/KE", corporation),  # "the state-owned X" in a sentence on Kenya
        ("operates", "company/borden-mining-kenya", deposit),  # the country ends the name; "Tana Hill" is the deposit
    } <= relations
    assert ("operates", "country/KE", deposit) not in relations
    assert not [r for r in result.references if r.text.startswith("the Ministry")]  # a name, no reference
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: (f["figure"]["metric"], f["figure"]["subject"]) for f in facts if "figure" in f}
    assert not {Decimal(30), Decimal(2000)} & set(figures)  # a change, a quarter's output
    assert figures[Decimal(31_000)] == ("mine-production", "region/kachin")  # Myanmar's state, not Myanmar
    held = next(f for f in facts if ["company/borden-mining-kenya", "operates", deposit] in f.get("triples", []))
    assert held["when"] == {"until": 2019}  # a past state, with its end
    owned = next(f for f in facts if ["country/KE", "investedIn", corporation] in f.get("triples", []))
    assert owned.get("modality", "stated") == "stated"  # "plans" is the development's, not the ownership's


def test_a_programme_named_by_its_money_its_aims_and_years_of_their_clause(extractor: Extractor) -> None:
    text = (
        "Japan put together a 100 billion yen package to secure rare earths.\n"
        "South Korea approved a 500 billion won ($360 million) scheme on Monday to build capacity to make 3,000 tonnes of "
        "rare earth magnets a year.\n"
        "The scheme will support up to four manufacturers.\n"
        "Brazil holds about 21 million tonnes of rare earth reserves, but mined only 20 tonnes in 2024.\n"
    )
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f for f in facts if "figure" in f}
    package = figures[Decimal(100_000_000_000)]["figure"]["subject"]
    assert package.startswith("programme/") and "package" in package  # the package the money is, not Japan
    scheme = figures[Decimal(500_000_000_000)]["figure"]["subject"]
    assert scheme.startswith("programme/") and figures[Decimal(3000)]["figure"]["subject"] == scheme  # what the scheme is to build
    assert figures[Decimal(3000)]["modality"] == "aim"
    assert figures[Decimal(4)]["figure"] == {"subject": scheme, "metric": "count", "value": Decimal(4), "unit": "count", "hedge": "up to"}
    assert "year" not in figures[Decimal(21_000_000)]["figure"] and figures[Decimal(20)]["figure"]["year"] == 2024  # each its clause's


def test_aims_of_own_use_recycling_rates_locations_no_customers_first_nations_and_licences(extractor: Extractor) -> None:
    text = (
        "The European Union imports most of its rare earth magnets from China.\n"
        "Under its new law, the bloc aims to process 35% of the minerals it uses by 2030 and to recycle 20% of them.\n"
        "Washington cut its tariffs on Chinese magnets to 15%.\n"
        "The Canadian government has provided C$3 million to fund engineering work on the Ridge rare earth project.\n"
        "Solvay plans to supply oxides from its plant in La Rochelle, France, to European magnet makers.\n"
        "The Kitselas First Nation signed a cooperation agreement with Kestrel Metals in 2024.\n"
        "China still requires licences for exports of five rare earths it restricted in April.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("agreement", "org/kitselas-first-nation", "company/kestrel-metals") in relations  # a First Nation, not a demonym's country
    assert ("operates", "company/solvay", "facility/plant-in-la-rochelle") in relations  # "Solvay plans to": the subject
    assert not [r for r in relations if r[0] == "supplies" and r[1] == "company/solvay"]  # France is where; the makers are not named
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: (f["figure"]["metric"], f["figure"]["subject"]) for f in facts if "figure" in f}
    assert figures[Decimal(20)] == ("supply-potential", "org/european-union")  # "the bloc … to recycle 20%"
    assert not {Decimal(35), Decimal(15)} & set(figures)  # a share of its own use, a tariff
    assert figures[Decimal(3_000_000)] == ("funding-amount", "facility/ridge-rare-earth-project")  # "to fund work on the project"
    assert figures[Decimal(5)][0] == "count" and "-export-restriction" in figures[Decimal(5)][1]


def test_elided_prices_demand_and_old_estimates_grades_cash_names_with_particles_and_objects_given(extractor: Extractor) -> None:
    text = (
        "Terbium oxide traded at about $3,500 per kilogram in Rotterdam, against roughly $1,000 in China.\n"
        "Analysts expect global demand for NdPr oxide to reach 120,000 tonnes by 2030.\n"
        "Vietnam holds about 3.5 million tonnes of rare earth reserves, after the survey cut its estimate from 22 million tonnes.\n"
        "Australian Rare Earths said drilling at its Ponte da Serra project had found grades of up to 40% total rare earth oxides.\n"
        "Chief executive Joana da Silva said the company had A$87 million in cash.\n"
        "The state bank Finora has agreed to lend the company 500 million reais for the project.\n"
        "Vietnam's parliament passed a law in 2025 banning exports of unprocessed rare earths.\n"
        "South Korea's POSCO International signed a memorandum with Vietnam's state miner Vinacomin in 2024 to develop deposits.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    are = "company/australian-rare-earths"  # a demonym's "Rare Earths" is a company's name
    assert {
        ("operates", are, "facility/ponte-da-serra-project"),
        ("position", "person/joana-da-silva", are),
        ("restricts", "country/VN", ""),  # "banning exports"
        ("agreement", "company/posco-international", "company/vinacomin"),  # not Vietnam, whose miner it is
        ("invested", "country/VN", "company/vinacomin"),
    } <= relations
    assert not [r for r in relations if r[0] == "agreement" and "country/VN" in r]
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: (f["figure"]["metric"], f["figure"]["subject"]) for f in facts if "figure" in f}
    assert figures[Decimal(1000)] == ("price", "material/terbium")  # "against roughly $1,000": a price too
    assert figures[Decimal(500_000_000)] == ("funding-amount", are)  # "lend the company": the borrower, not the bank
    assert not {Decimal(120_000), Decimal(22_000_000), Decimal(40), Decimal(87_000_000), Decimal(2024)} & set(figures)


def test_money_or_a_mass_tied_to_no_metric_is_left_to_a_comment(extractor: Extractor) -> None:
    text = (
        "China shipped 50,000 tonnes of rare earths abroad last year.\n"
        "Kestrel Metals had A$87 million at the end of June.\n"
        "Kestrel Metals holds about 45% of the market for magnets.\n"
    )
    result = extractor.extract(text)
    figures = {f["value"]: f["metric"] for f in _drafted_figures(extractor, text)}
    assert figures == {Decimal(45): "todo-metric"}  # a share the curator is to name; no mass or money with a made-up metric
    left_out = draft_document(result, "t.txt", source_id="t", text=text)["#"]["facts"]
    assert '"50,000 tonnes"' in left_out and '"A$87 million"' in left_out


def test_a_name_opening_its_lines_a_town_things_are_near_and_no_figure_of_a_person(extractor: Extractor) -> None:
    text = (
        "REEcycle, a Houston start-up, plans to build a magnet recycling plant near Houston.\n"
        "REEcycle will sell the recovered rare earth oxides to Solvay under a supply agreement.\n"
        "Chief executive Bob Boyle said recycling could meet 20% of U.S. magnet demand by 2035.\n"
    )
    result = extractor.extract(text)
    kinds = {m.text: m.kind for m in result.mentions}
    assert kinds["REEcycle"] == "company" and kinds.get("Houston") == "city"  # named twice opening a line; "near Houston"
    relations = _relations(result)
    assert ("supplies", "company/reecycle", "company/solvay") in relations
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f["figure"]["subject"] for f in facts if "figure" in f}
    assert figures[Decimal(20)] == "country/US"  # not Bob Boyle, who said it


def test_superseded_estimates_plants_funded_in_a_clause_and_the_company_a_text_is_about(extractor: Extractor) -> None:
    text = (
        "Kestrel Metals said its Ridge project in Wyoming holds about 2.6 billion tonnes of ore, up from 1.4 billion tonnes in "
        "its previous estimate.\n"
        "Kestrel Metals has started its rare earth demonstration plant in Upton, Wyoming, which was funded by a $22 million "
        "grant from the U.S. Department of Energy.\n"
        "Torvik Holdings, which owns about 53% of Kestrel, built and operates the plant under contract.\n"
        "The plant will process ore from the company's Bear Lodge deposit.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("operates", "company/kestrel-metals", "facility/bear-lodge-deposit") in relations  # the company named most, not Torvik
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: (f["figure"]["metric"], f["figure"]["subject"]) for f in facts if "figure" in f}
    assert Decimal(1_400_000_000) not in figures  # a superseded estimate
    assert figures[Decimal(22_000_000)] == (
        "funding-amount",
        "facility/rare-earth-demonstration-plant-in-upton",
    )  # "…, which was funded by"


def test_two_mines_named_by_one_noun_its_of_the_signer_customers_after_supply_and_spans_extended_by(extractor: Extractor) -> None:
    text = (
        "China's CMOC Group operates the Tenke Fungurume and Kisanfu mines in Congo.\n"
        "Kestrel Metals signed a non-binding offtake agreement with Japan's Sumitomo for oxides from its Ridge project.\n"
        "Energy Fuels agreed on Tuesday to supply Vulcan Elements with separated rare earth oxides from its White Mesa Mill.\n"
        "Export Finance Australia has issued a letter of support for up to A$190 million in debt for the project.\n"
        "Congo extended its ban on cobalt exports by three months in June 2025.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("operates", "company/cmoc-group", "facility/tenke-fungurume"),  # each of the two mines
        ("operates", "company/cmoc-group", "facility/kisanfu"),
        ("operates", "company/kestrel-metals", "facility/ridge-project"),  # the signer's, not Sumitomo's
        ("operates", "company/energy-fuels", "facility/white-mesa-mill"),  # not Vulcan's, the object supplied
        ("supplies", "company/energy-fuels", "company/vulcan-elements"),  # "supply Vulcan Elements with"
        ("agreement", "company/energy-fuels", "company/vulcan-elements"),
    } <= relations
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: (f["figure"]["metric"], f["figure"]["subject"]) for f in facts if "figure" in f}
    assert figures[Decimal(190_000_000)][1] == "facility/ridge-project"  # "in debt for the project"
    assert Decimal(3) not in figures  # "extended … by three months"


def test_news_names_of_countries_initials_after_a_possessive_backing_spending_and_unnamed_buyers(extractor: Extractor) -> None:
    text = (
        "Turkey's state-owned Eti Maden plans to build a rare earth processing facility at Beylikova.\n"
        "Japan's JAMSTEC will test-mine rare earth mud at its Minamitorishima seabed project in January 2026.\n"
        "The government has spent about 40 billion yen on the project since 2018.\n"
        "Korea Zinc said it would build a smelter in Tennessee with backing from the U.S. government, which will take a "
        "10% stake in the project.\n"
        "Korea Zinc already supplies indium to U.S. chipmakers.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    smelter = "facility/smelter-in-tennessee"
    assert {
        ("invested", "country/TR", "company/eti-maden"),  # "Turkey" is Türkiye's name in the news
        ("operates", "company/jamstec", "facility/minamitorishima-seabed-project"),  # the initials after "Japan's"
        ("invested", "country/US", smelter),  # "a 10% stake in the project": the smelter
    } <= relations
    assert ("operates", "country/US", smelter) not in relations  # "with backing from" is no partner
    assert not [r for r in relations if r[0] == "supplies" and r[2] == "country/US"]  # "U.S. chipmakers" are not named
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: (f["figure"]["metric"], f["figure"]["subject"]) for f in facts if "figure" in f}
    assert figures[Decimal(40_000_000_000)] == ("funding-amount", "facility/minamitorishima-seabed-project")  # "spent … on the project"


def test_names_opening_with_a_material_two_stakes_backers_put_in_compass_regions_and_ground_broken(extractor: Extractor) -> None:
    text = (
        "JOGMEC will take a 7% stake in Cobalt Blue and a 12% stake in its Broken Hill cobalt project in "
        "New South Wales, the company said.\n"
        "Kestrel Metals, a unit of commodities trader Mercuria, will receive A$40 million from the Western Australian "
        "government to keep its Ridge smelter open.\n"
        "The first phase is expected to produce 9,000 tonnes of cobalt sulphate a year.\n"
        "Antimony is used in solar glass.\n"
        "Kestrel Metals broke ground on a refinery in Kwinana.\n"
        "Investors including Rio Ventures and Orica Ventures have put $90 million into the company, which opened a "
        "pilot plant in Perth in 2023.\n"
        "China halted gallium exports to Japan in March 2025.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    names = {m.text for m in result.mentions}
    assert {"Cobalt Blue", "Mercuria"} <= names  # a name opening with a material's word; the name a role noun calls a company
    assert "Antimony" not in {m.text for m in result.mentions if m.kind == "company"}  # a line opening with a material: no name
    assert "region/western-australia" in {(m.ref_iri or "").removeprefix(ID) for m in result.mentions}  # "Western Australian"
    assert {
        ("invested", "company/mercuria", "company/kestrel-metals"),
        ("operates", "company/kestrel-metals", "facility/ridge-smelter"),  # "its": not the government's it receives money from
        ("invested", "company/rio-ventures", "company/kestrel-metals"),  # "put … into the company": the backers listed
        ("invested", "company/orica-ventures", "company/kestrel-metals"),
        ("operates", "company/kestrel-metals", "facility/refinery-in-kwinana"),  # "broke ground on"
    } <= relations
    assert not [r for r in relations if r[0] == "invested" and r[1] == "company/cobalt-blue"]  # "a stake in X and a … stake in its Y"
    assert not [r for r in relations if r[0] == "supplies"]  # halted exports are no supply
    assert not [r for r in relations if r[0] == "invested" and r[1] == "country/AU"]  # money received is no stake
    facts = _drafted(extractor, text)
    stakes = {(f["stake"]["investee"], f["stake"].get("share")) for f in facts if "stake" in f}
    assert {("company/cobalt-blue", Decimal(7)), ("facility/broken-hill-cobalt-project", Decimal(12))} <= stakes  # each its share
    figures = {f["figure"]["value"]: f for f in facts if "figure" in f}
    assert figures[Decimal(40_000_000)]["figure"]["metric"] == "funding-amount"  # "will receive … from the government"
    assert figures[Decimal(9_000)]["figure"]["subject"] == "facility/ridge-smelter"  # "The first phase": the smelter's
    assert "year" not in figures[Decimal(90_000_000)]["figure"]  # 2023 is the year of the clause on the plant
    built = next(f for f in facts if ["company/kestrel-metals", "operates", "facility/refinery-in-kwinana"] in f.get("triples", []))
    assert built["modality"] == "under-construction"


def test_licences_granted_companies_owned_by_share_pairs_of_deposits_state_owned_and_a_joint_venture(extractor: Extractor) -> None:
    text = (
        "Malawi has granted a mining licence for the Kangala graphite project to Lilongwe Minerals, a company 75% owned "
        "by Canada's Northfield Metals, the miner said.\n"
        "Denver-based Ridgeline Capital will develop the Upper Dolno and Lower Dolno antimony deposits in Bulgaria under a "
        "joint venture with state-owned Bul-Min Holding, the two companies said.\n"
        "Bul-Min Holding will hold 40% of the venture.\n"
        "The Treasury will lend Harbor Magnetics $90 million to expand its factory.\n"
        "Separately, Keystone Oxides will receive a $30 million loan to supply Harbor with neodymium oxide.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    venture = "company/ridgeline-capital-bul-min-holding-joint-venture"
    assert {
        ("operates", "company/lilongwe-minerals", "facility/kangala-graphite-project"),  # the licensee works it
        ("invested", "company/northfield-metals", "company/lilongwe-minerals"),  # "a company 75% owned by"
        ("operates", "company/ridgeline-capital", "facility/upper-dolno"),  # two deposits named by one noun
        ("operates", "company/ridgeline-capital", "facility/lower-dolno"),
        ("agreement", "company/ridgeline-capital", "company/bul-min-holding"),
        ("invested", "company/bul-min-holding", venture),  # "the venture": the joint venture of the two
        ("supplies", "company/keystone-oxides", "company/harbor-magnetics"),  # "Harbor": the name met first, "Harbor Magnetics"
    } <= relations
    assert ("invested", "country/BG", "company/bul-min-holding") in relations  # "state-owned": Bulgaria's, not Denver's
    assert ("operates", "company/bul-min-holding", "facility/upper-dolno") not in relations  # the venture's partner builds nothing
    assert ("operates", "company/northfield-metals", "facility/kangala-graphite-project") not in relations
    facts = _drafted(extractor, text)
    stakes = {(f["stake"]["holder"], f["stake"]["investee"]): f["stake"].get("share") for f in facts if "stake" in f}
    assert stakes[("company/northfield-metals", "company/lilongwe-minerals")] == Decimal(75)
    assert stakes[("company/bul-min-holding", venture)] == Decimal(40)
    figures = {f["figure"]["value"]: f["figure"]["subject"] for f in facts if "figure" in f}
    assert figures[Decimal(90_000_000)] == "company/harbor-magnetics"  # "lend Harbor Magnetics $90 million": the borrower's
    supply = next(f for f in facts if "supply" in f)
    assert supply["modality"] == "planned"  # what the loan is for


def test_state_miners_of_a_demonym_joint_ventures_formed_all_imported_listed_suppliers_and_counts_of_a_deal(
    extractor: Extractor,
) -> None:
    text = (
        "Peru's state-owned Minera Andina and cobalt producer Kestrel Metals have formed a joint venture to mine cobalt "
        "in the north, the companies said.\n"
        "Minera Andina will hold 51% plus one share of the venture.\n"
        "Japan's state-owned JOGMEC has signed an agreement with Chilean state miner ENAMI to explore four copper "
        "blocks in the Atacama region.\n"
        "Japan imports all of the cobalt it uses, mainly from Peru, Chile and Canada.\n"
        "Kestrel Metals said it would double production capacity at its Lima refinery to 4,000 tonnes a year.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    venture = "company/minera-andina-kestrel-metals-joint-venture"
    assert {
        ("invested", "country/PE", "company/minera-andina"),  # "Peru's state-owned": not a party to the venture
        ("agreement", "company/minera-andina", "company/kestrel-metals"),
        ("invested", "company/minera-andina", venture),
        ("invested", "country/CL", "company/enami"),  # "Chilean state miner ENAMI": the state's
        ("agreement", "agency/jogmec", "company/enami"),
        ("supplies", "country/PE", "country/JP"),  # each listed supplier
        ("supplies", "country/CL", "country/JP"),
        ("supplies", "country/CA", "country/JP"),
    } <= relations
    assert ("agreement", "agency/jogmec", "country/CL") not in relations  # "Chilean" says whose the miner is
    assert "Chilean" not in {m.text for m in result.mentions if m.kind == "company"}
    facts = _drafted(extractor, text)
    stakes = {(f["stake"]["holder"], f["stake"]["investee"]): f["stake"].get("share") for f in facts if "stake" in f}
    assert stakes[("company/minera-andina", venture)] == Decimal(51)  # "51% plus one share of the venture"
    figures = {f["figure"]["value"]: f for f in facts if "figure" in f}
    assert (figures[Decimal(100)]["figure"]["metric"], figures[Decimal(100)]["figure"]["subject"]) == ("net-import-reliance", "country/JP")
    assert figures[Decimal(4)]["figure"]["metric"] == "count"
    assert figures[Decimal(4)]["figure"]["subject"].startswith("agreement/")  # the blocks the agreement is to explore
    assert figures[Decimal(4_000)]["modality"] == "planned"  # "said it would double … to": the company's plan


def test_remaining_shares_units_taken_over_mines_bought_sales_of_plants_and_a_venture_entry(extractor: Extractor) -> None:
    text = (
        "Halvorsen Metals owns 65% of the Kestrel Ridge project in Lander County, Nevada, and Orion Minerals owns the "
        "remaining 35%.\n"
        "Halvorsen Metals expects to begin mining at Kestrel Ridge in 2029.\n"
        "Halvorsen Metals's Norwegian unit, Fjordmet, was later taken over by Orion Minerals.\n"
        "Orion Minerals bought Mountain Pass in 2017 for $20 million.\n"
        "Orion Minerals has agreed to sell its two Chinese separation plants to Shenghe for $50 million.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("invested", "company/halvorsen-metals", "facility/kestrel-ridge-project"),
        ("invested", "company/orion-minerals", "facility/kestrel-ridge-project"),  # "the remaining 35%": of the same project
        ("operates", "company/halvorsen-metals", "facility/kestrel-ridge-project"),  # "begin mining at"
        ("invested", "company/orion-minerals", "company/fjordmet"),  # "taken over by": the new holder only
        ("operates", "company/orion-minerals", "facility/mountain-pass"),  # "bought Mountain Pass": the buyer's
    } <= relations
    assert ("invested", "company/halvorsen-metals", "company/fjordmet") not in relations  # an ended holding, undated
    assert not [r for r in relations if r[0] == "supplies"]  # a mine or plants bought or sold are no supply
    assert "region/lander-county" in {(m.ref_iri or "").removeprefix(ID) for m in result.mentions}  # "in Lander County"
    facts = _drafted(extractor, text)
    stakes = {(f["stake"]["holder"], f["stake"]["investee"]): f["stake"].get("share") for f in facts if "stake" in f}
    assert stakes[("company/orion-minerals", "facility/kestrel-ridge-project")] == Decimal(35)
    assert not [f for f in facts if "figure" in f and f["figure"]["metric"] == "count"]  # "its two plants": named, not counted


def test_a_joint_venture_a_reference_names_is_an_entry_of_the_draft(extractor: Extractor, tmp_path: Path) -> None:
    from kg.curation.draft import draft_document

    text = (
        "Minera Andina and Kestrel Metals have formed a joint venture to mine cobalt in Peru.\n"
        "Minera Andina will hold 51% of the venture.\n"
    )
    document = draft_document(extractor.extract(text), "venture.txt", source_id="venture", text=text)
    entries = {e["id"]: e["label"] for e in document["entities"]}
    assert entries["company/minera-andina-kestrel-metals-joint-venture"] == "Minera Andina–Kestrel Metals joint venture"
    assert "the venture" not in [form for forms in document["mentions"].values() for form in forms]  # a reference, no name


def test_scrapped_plans_work_kept_up_stakes_where_it_holds_and_a_planned_plants_would(extractor: Extractor) -> None:
    text = (
        "Norsk Metals and Kestrel Metals have scrapped plans to build a cobalt refinery at Halden in Norway.\n"
        "Norsk Metals will keep mining cobalt ore at Tana Ridge, where it holds a 42.5% stake.\n"
        "Kestrel Metals plans to build a cobalt plant in Oslo.\n"
        "The plant would produce 4,000 tonnes of cobalt a year.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert not [r for r in relations if r[0] == "operates" and "halden" in r[2]]  # a scrapped plan drafts nothing
    assert {
        ("operates", "company/norsk-metals", "facility/tana-ridge"),  # "mining … at Tana Ridge": a facility named after "at"
        ("invested", "company/norsk-metals", "facility/tana-ridge"),  # ", where it holds a 42.5% stake": of the place before
    } <= relations
    facts = _drafted(extractor, text)
    kept = next(f for f in facts if ["company/norsk-metals", "operates", "facility/tana-ridge"] in f.get("triples", []))
    assert kept["modality"] == "stated"  # "will keep mining": what goes on now
    stake = next(f["stake"] for f in facts if "stake" in f)
    assert stake["share"] == Decimal("42.5")
    figure = next(f for f in facts if "figure" in f and f["figure"]["value"] == Decimal(4_000))
    assert figure["modality"] == "planned"  # "The plant would produce": the planned plant's design


def test_a_one_word_subject_the_sentence_calls_a_company_compound_plants_prices_fallen_and_families(extractor: Extractor) -> None:
    text = (
        "Corvanta will idle one of two kilns at its Bunbury lithium carbonate plant in Western Australia, the U.S. "
        "company said on Tuesday.\n"
        "Cobalt prices have fallen about 60% from their 2022 peak.\n"
        "Corvanta is controlled by the Lindqvist family.\n"
    )
    result = extractor.extract(text)
    assert ("operates", "company/corvanta", "facility/bunbury-lithium-carbonate-plant") in _relations(result)
    assert ("invested", "org/lindqvist-family", "company/corvanta") in _relations(result)  # "controlled by the … family"
    facts = _drafted(extractor, text)
    assert not [f for f in facts if "figure" in f and f["figure"]["value"] == Decimal(60)]  # a fall in prices: no figure
    kept = next(f for f in facts if "triples" in f)
    assert kept["modality"] == "stated"  # "will idle": the plant is Corvanta's all the same


def test_the_state_a_joint_ventures_named_holders_and_a_place_no_customer(extractor: Extractor) -> None:
    text = (
        "Tajikistan has signed an agreement with Canada's Pamir Metals to develop the Zarnisor tin deposit in the "
        "Sughd region.\n"
        "The state will hold a 25% stake in the project.\n"
        "The deposit once supplied a Soviet smelter in Uzbekistan.\n"
        "Pamir Metals is a joint venture of Corvantis and the Northern Star Fund.\n"
        "The state of Wyoming has granted Pamir Metals $5 million.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("invested", "country/TJ", "facility/zarnisor-tin-deposit") in relations  # "The state": the country acting
    assert ("invested", "company/corvantis", "company/pamir-metals") in relations  # a single word after "joint venture of"
    assert not [r for r in relations if r[0] == "supplies" and r[2] == "country/UZ"]  # "a smelter in Uzbekistan": where
    assert not [r for r in result.references if r.text.lower().startswith("the state of")]  # "the state of Wyoming": a name's
    facts = _drafted(extractor, text)
    stake = next(f["stake"] for f in facts if "stake" in f and f["stake"]["holder"] == "country/TJ")
    assert stake["share"] == Decimal(25)


def test_hyphenated_names_towns_land_and_the_rest_of_a_holding(extractor: Extractor) -> None:
    text = (
        "Korvo-Lindgren has started production at its Vaara nickel sulphate plant in Harjavalta, western Finland.\n"
        "The South African miner owns about 70% of the plant, and state-owned Finnish Metals Group holds most of the rest.\n"
        "Andina Salts, which is led by battery maker Voltura, plans to build two plants at the Coipasa salt flat.\n"
        "Voltura will invest $400 million in a plant at Coipasa that is designed to produce 9,000 tonnes of lithium "
        "carbonate a year.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("operates", "company/korvo-lindgren", "facility/vaara-nickel-sulphate-plant"),  # a hyphenated name, no suffix
        ("invested", "company/korvo-lindgren", "facility/vaara-nickel-sulphate-plant"),  # "The South African miner": Korvo-Lindgren
        ("invested", "country/FI", "company/finnish-metals-group"),  # "state-owned Finnish …": Finland's, its name whole
        ("invested", "company/finnish-metals-group", "facility/vaara-nickel-sulphate-plant"),  # "holds most of the rest": of the plant
        ("invested", "company/voltura", "company/andina-salts"),  # "led by": a member's holding
        ("invested", "company/voltura", "facility/plant-at-coipasa"),  # a plant the text describes
    } <= relations
    assert ("Harjavalta", "city") in {(m.text, m.kind) for m in result.mentions}  # "in Harjavalta, western Finland": a town
    assert ("Coipasa", "region") in {(m.text, m.kind) for m in result.mentions}  # "the Coipasa salt flat": a place, not a company
    facts = _drafted(extractor, text)
    stakes = [f["stake"] for f in facts if "stake" in f]
    assert [s["holder"] for s in stakes] == ["company/korvo-lindgren"] and stakes[0]["share"] == Decimal(70)  # the share its own
    located = {tuple(t) for f in facts for t in f.get("triples", []) if t[1] == "locatedIn"}
    assert {
        ("facility/vaara-nickel-sulphate-plant", "locatedIn", "city/harjavalta"),  # the town, before the region after it
        ("facility/plant-at-coipasa", "locatedIn", "region/coipasa"),  # the place its description names
    } <= located
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert Decimal(2) not in figures  # "plans to build two plants": the plants, not their number
    assert figures[Decimal(9_000)]["subject"] == "facility/plant-at-coipasa"
    assert figures[Decimal(400_000_000)]["subject"] == "facility/plant-at-coipasa"


def test_lenders_group_spenders_resources_and_two_bans_dated_apart(extractor: Extractor) -> None:
    text = (
        "Kestral Minerals runs the Ruvu graphite mine and the Ruvu anode plant in Tanzania.\n"
        "The project cost $300 million, including a loan of $90 million from the African Development Bank.\n"
        "Tanzania has about 18 million tonnes of graphite resources.\n"
        "Indian companies have spent more than $2 billion on graphite mines in Tanzania.\n"
        "Tanzania banned exports of raw graphite in March 2023.\n"
        "The country will ban exports of graphite concentrates from July 2026.\n"
    )
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert figures[Decimal(90_000_000)]["subject"] != "company/african-development-bank"  # the lender gives, it does not get
    assert figures[Decimal(18_000_000)]["metric"] == "reserves"  # "tonnes of graphite resources"
    assert figures[Decimal(2_000_000_000)]["subject"] == "todo/subject"  # "Indian companies": no one named
    bans = {t[0] for f in facts for t in f.get("triples", []) if t[1] == "imposedBy"}
    assert len(bans) == 2  # two bans, dated apart, are two events


def test_a_countrys_company_units_sites_owned_shares_purchases_and_a_capitalised_metal(extractor: Extractor) -> None:
    text = (
        "Congolese state miner Sodimako will ship cobalt hydroxide from its Kamoto slag site in Kolwezi to Finland's Nordkem.\n"
        "Sodimako's unit KMT expects to recover about 40 tonnes of cobalt a year at a new plant at the site.\n"
        "The Ruzizi tin mine is 70% owned by Kivu Metals.\n"
        "The Congolese government holds the remaining 30%.\n"
        "Kivu Metals bought the mine from Lemba Holdings for $12 million in 2023.\n"
        "Tin prices rose 5% to $31,000 a tonne in London.\n"
        "Reducing China's Dominance: a goal of Belgium's plan, unlike China's Belt and Road model.\n"
    )
    result = extractor.extract(text)
    named = {m.ref_iri.removeprefix(ID) for m in result.mentions}
    assert not named & {"company/dominance", "company/belt"}  # a quality, and a name of several words, are no firm
    relations = _relations(result)
    assert {
        ("invested", "country/CD", "company/sodimako"),  # "Congolese state miner": the Congo's (not a company "Kolwezi")
        ("operates", "company/sodimako", "facility/kamoto-slag-site"),  # a site is a facility
        ("supplies", "company/sodimako", "company/nordkem"),  # "Finland's Nordkem": a company, not Finland
        ("invested", "company/sodimako", "company/kmt"),  # "Sodimako's unit KMT"
        ("invested", "company/kivu-metals", "facility/ruzizi-tin-mine"),  # "is 70% owned by"
        ("invested", "country/CD", "facility/ruzizi-tin-mine"),  # "The Congolese government holds the remaining 30%"
        ("agreement", "company/kivu-metals", "company/lemba-holdings"),  # "bought the mine from": buyer and seller
    } <= relations
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert figures[Decimal(40)]["subject"] == "company/kmt"  # the unit's, not its owner's nor the site's
    assert figures[Decimal(31_000)]["subject"] == "material/tin"  # "Tin prices": the metal's
    assert figures[Decimal(12_000_000)]["metric"] == "agreement-value"
    assert figures[Decimal(12_000_000)]["subject"].startswith("agreement/")
    shares = {f["stake"]["holder"]: f["stake"]["share"] for f in facts if "stake" in f}
    assert shares == {"company/kivu-metals": Decimal(70), "country/CD": Decimal(30)}


def test_grants_to_build_subsidiaries_named_after_backers_listed_partners_and_prices_before(extractor: Extractor) -> None:
    text = (
        "The U.S. Department of Energy has awarded a $30 million grant to Ferrox Labs to help build a plant in Mobile, "
        "Alabama, that will recycle 2,000 tonnes of battery scrap a year.\n"
        "Ferrox Labs has signed supply agreements with Ford and Vestas Wind.\n"
        "Ferrox Labs is backed by Lowercarbon Capital.\n"
        "Tamang Nickel has started a new line at its Weda island complex in North Maluku, raising its capacity to 80,000 "
        "tonnes of nickel a year.\n"
        "The plant is run by Sula Persada Lygend.\n"
        "Tamang said its U.S. subsidiary, Tamang Power Systems, would sell batteries.\n"
        "Cobalt prices have fallen to about $15 a pound, from more than $30 in 2022.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("operates", "company/ferrox-labs", "facility/plant-in-mobile"),  # the grantee builds, not the department
        ("agreement", "company/ferrox-labs", "company/ford"),
        ("agreement", "company/ferrox-labs", "company/vestas-wind"),  # the second name after "with … and"
        ("invested", "company/lowercarbon-capital", "company/ferrox-labs"),  # "is backed by"
        ("operates", "company/sula-persada-lygend", "facility/weda-island-complex"),  # "The plant": the complex
        ("invested", "company/tamang-nickel", "company/tamang-power-systems"),  # "its U.S. subsidiary, …": the whole name
    } <= relations
    assert ("North Maluku", "region") in {(m.text, m.kind) for m in result.mentions}  # a compass word and a region: a region
    assert "facility/line" not in {m.ref_iri.removeprefix(ID) for m in result.mentions}  # "a new line at its …": no name
    facts = _drafted(extractor, text)
    built = next(f for f in facts if ["company/ferrox-labs", "operates", "facility/plant-in-mobile"] in f.get("triples", []))
    assert built["modality"] == "planned"  # "a grant … to help build": what the grant is for
    figures = {f["figure"]["value"]: f for f in facts if "figure" in f}
    assert figures[Decimal(2_000)]["modality"] == "planned"  # "to help build a plant … that will recycle"
    assert figures[Decimal(80_000)]["figure"]["subject"] == "company/tamang-nickel"  # "raising its capacity": the company's
    assert figures[Decimal(30)]["figure"]["metric"] == "price"  # "from more than $30": a price too
    assert "year" not in figures[Decimal(15)]["figure"] and figures[Decimal(30)]["figure"]["year"] == 2022


def test_bodies_acted_through_names_opening_with_a_region_appositions_purchases_and_investments(extractor: Extractor) -> None:
    text = (
        "Anglo Copper expects its Tavan mine in Mongolia's Dornogovi province to produce about 200,000 tonnes of copper "
        "a year by 2030.\n"
        "Anglo Copper owns 70% of Tavan, and the Mongolian government, through Erdenes Tavan, holds the remaining 30%.\n"
        "Kibo Steelworks has agreed to buy 20,000 tonnes of graphite a year from Lindi Nyati, a London-listed miner "
        "developing the Ruangwa graphite mine in Tanzania.\n"
        "Anglo Copper approved a $1.2 billion investment to expand its Kharaa lithium project in Mongolia.\n"
        "Anglo Copper bought the Kharaa project from Gobi Mining for $300 million in 2021.\n"
        "A new law lets the state take up to 34% of strategic deposits.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("invested", "company/erdenes-tavan", "facility/tavan-mine"),  # "through Erdenes Tavan, holds the remaining 30%"
        ("invested", "country/MN", "company/erdenes-tavan"),  # the state holds the body it acts through
        ("supplies", "company/lindi-nyati", "company/kibo-steelworks"),  # "Lindi", a region, opens a name here
        ("operates", "company/lindi-nyati", "facility/ruangwa-graphite-mine"),  # "X, a … miner developing": X develops it
        ("agreement", "company/anglo-copper", "company/gobi-mining"),  # "bought … from Gobi Mining" (not "Gobi" of another)
    } <= relations
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert figures[Decimal(200_000)]["metric"] == "production-capacity"  # "its Tavan mine … to produce": the noun, no mining
    assert Decimal(20_000) not in figures  # a volume bought: no one's output
    assert figures[Decimal(1_200_000_000)]["subject"] == "facility/kharaa-lithium-project"  # "an investment to expand its …"
    assert Decimal(34) not in figures  # "take up to 34% of strategic deposits": a holding of no one named
    shares = {(f["stake"]["holder"], f["stake"]["share"]) for f in facts if "stake" in f}
    assert shares == {("company/anglo-copper", Decimal(70)), ("company/erdenes-tavan", Decimal(30))}


def test_deals_with_two_names_bills_senators_producers_compared_and_a_bans_deadline(extractor: Extractor) -> None:
    text = (
        "Lac Graphite has signed offtake agreements with Panasonic Energy and Stellar Cells for anode material.\n"
        "The Indonesian parliament approved a bill that would ban exports of raw bauxite within three years, Senator "
        "Adi Wibowo said on Monday.\n"
        "Indonesia is the world's second-largest producer of bauxite after Australia, and ships most of its ore to China.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("agreement", "company/lac-graphite", "company/panasonic-energy"),
        ("agreement", "company/lac-graphite", "company/stellar-cells"),  # the second name, after a known one
        ("supplies", "country/ID", "country/CN"),  # the producer, not the one it is compared with ("after Australia")
    } <= relations
    assert not [r for r in relations if r[0] == "supplies" and r[1] == "country/AU"]
    facts = _drafted(extractor, text)
    ban = next(f for f in facts if any(t[1] == "imposedBy" for t in f.get("triples", [])))
    assert ban["modality"] == "proposal"  # "a bill that would ban": not yet law
    senator = next(f for f in facts if any(t[1] == "positionTitle" for t in f.get("triples", [])))
    assert [t[2] for t in senator["triples"] if t[1] == "positionIn"] == ["country/ID"]  # a senator of the country named
    assert not [f for f in facts if "figure" in f and f["figure"]["unit"] == "year"]  # "within three years": a deadline


def test_contracts_worth_feeds_from_listed_buyers_of_its_output_and_sources_past_a_country(extractor: Extractor) -> None:
    text = (
        "Cobre Metals has won a contract worth up to $90 million to supply tungsten to the U.S. Defense Logistics Agency.\n"
        "The company processes tungsten at its plant in Bishop, California, using ore from Peru.\n"
        "Rhenova Lithium has secured 80 million euros from Germany's KfW raw materials fund for its Lionel lithium project.\n"
        "Rhenova has signed supply deals with Stellantis, Umicore and Northvolt Systems.\n"
        "Stellantis is Rhenova's second-largest shareholder.\n"
    )
    result = extractor.extract(text)
    buyers = (
        "Kestrel Lithium began mining at its Harrow lithium mine.\n"
        "The mine will reach 2 million tonnes of ore a year.\n"
        "Ford, Tesla and LG Energy Solution have agreed to buy its spodumene concentrate.\n"
    )
    relations = _relations(result) | _relations(extractor.extract(buyers))
    assert {
        ("agreement", "company/cobre-metals", "agency/u-s-defense-logistics-agency"),  # "to supply … to the …": the other party
        ("supplies", "country/PE", "company/cobre-metals"),  # "using ore from Peru"
        ("operates", "company/rhenova-lithium", "facility/lionel-lithium-project"),  # not the fund's ("from Germany's KfW …")
        ("agreement", "company/rhenova-lithium", "company/umicore"),  # a name listed with known ones
        ("invested", "company/stellantis", "company/rhenova-lithium"),  # "second-largest shareholder"
        ("supplies", "company/kestrel-lithium", "company/tesla"),  # "buy its concentrate": the company the text is about
        ("agreement", "company/ford", "company/kestrel-lithium"),
    } <= relations
    facts = _drafted(extractor, text)
    worth = next(f["figure"] for f in facts if "figure" in f and f["figure"]["value"] == Decimal(90_000_000))
    assert worth["metric"] == "agreement-value" and worth["subject"].startswith("agreement/")


def test_a_country_ending_a_name_the_venture_named_before_plants_that_ship_and_continents(extractor: Extractor) -> None:
    text = (
        "Sumi Rare Earths Vietnam, a joint venture of Japan's Sumi Metals and state-owned Vinarem, will double "
        "capacity at its plant in Lao Cai.\n"
        "Sumi Metals holds 60% of the venture.\n"
        "The plant processes rare earth carbonate supplied by Vinarem and ships its output to Japan.\n"
        "Europe imports nearly all of its tungsten from China.\n"
        "China exported 4,000 tonnes of tungsten in May, up 7% from April.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    venture = "company/sumi-rare-earths-vietnam"  # the country ends the name
    assert {
        ("invested", "company/sumi-metals", venture),
        ("invested", "company/vinarem", venture),  # "and state-owned Vinarem": listed too
        ("supplies", "company/vinarem", venture),  # "The plant … supplied by Vinarem": to the plant's operator
        ("supplies", venture, "country/JP"),  # "… and ships its output": the plant's, not Vinarem's
    } <= relations
    assert not [r for r in relations if r[0] == "invested" and r[2] == "company/vinarem" and r[1] == "country/JP"]  # Japan's: another's
    facts = _drafted(extractor, text)
    stake = next(f["stake"] for f in facts if "stake" in f)
    assert (stake["holder"], stake["investee"], stake["share"]) == ("company/sumi-metals", venture, Decimal(60))  # "the venture"
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    reliance = figures[Decimal(100)]
    assert (reliance["subject"], reliance["metric"], reliance["hedge"]) == ("region/europe", "net-import-reliance", "nearly")
    assert Decimal(7) not in figures  # "up 7% from April": a change


def test_shares_each_held_the_states_part_of_a_venture_named_places_hyphens_and_role_led_names(extractor: Extractor) -> None:
    text = (
        "Lubi Mines has started its new cobalt refinery at the Kisanga-Luena complex in Congo's Lualaba province.\n"
        "Kisanga-Luena is a joint venture between Lubi Mines and China's Hanxin Mining, which each hold 40%, while the "
        "Congolese government holds 20%.\n"
        "The complex produced about 30,000 tonnes of cobalt in 2024.\n"
        "Lubi Mines recovers 5,000 tonnes of cobalt a year at its campus in McKinney, Texas, chief executive AB Kalala said.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    complex_ = "facility/kisanga-luena-complex"  # a hyphenated facility name
    assert {
        ("invested", "company/lubi-mines", complex_),
        ("invested", "company/hanxin-mining", complex_),
        ("invested", "country/CD", complex_),  # "while the Congolese government holds 20%": of the venture
        ("operates", "company/lubi-mines", "facility/campus-in-mckinney"),  # a campus, in a town spelled "McKinney"
    } <= relations
    assert ("AB Kalala", "person") in {(m.text, m.kind) for m in result.mentions}  # initials open a name
    facts = _drafted(extractor, text)
    shares = {(f["stake"]["holder"], f["stake"]["share"]) for f in facts if "stake" in f}
    assert shares == {("company/lubi-mines", Decimal(40)), ("company/hanxin-mining", Decimal(40)), ("country/CD", Decimal(20))}
    output = next(f["figure"] for f in facts if "figure" in f and f["figure"]["value"] == Decimal(30_000))
    assert output["subject"] == complex_  # "The complex": not the refinery described "at the … complex"


def test_a_state_receiving_an_interest_units_of_based_parents_and_memoranda_from_a_place(extractor: Extractor) -> None:
    text = (
        "Madagascar's government has signed a mining convention with Vohemar Metals for its Sahamalaza project.\n"
        "Under the convention, the state will receive a 12% free-carried interest in the project.\n"
        "Vohemar Metals is a unit of Mauritius-based Indian Ocean Holding.\n"
        "Terra Verde has signed a memorandum of understanding with France's Solvane to supply mixed rare earth carbonate "
        "from its Serrinha project near Araxa in Brazil's Minas Gerais state.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("invested", "country/MG", "facility/sahamalaza-project"),  # "the state will receive a 12% … interest"
        ("invested", "company/indian-ocean-holding", "company/vohemar-metals"),  # "is a unit of X-based Y": Y, not Mauritius
        ("supplies", "company/terra-verde", "company/solvane"),  # the memorandum's partner, not Brazil
    } <= relations
    assert not [r for r in relations if r[0] == "supplies" and r[2] == "country/BR"]  # "in Brazil's Minas Gerais": where
    facts = _drafted(extractor, text)
    stake = next(f for f in facts if "stake" in f and f["stake"]["holder"] == "country/MG")
    assert stake["stake"]["share"] == Decimal(12) and stake["modality"] == "expected"


def test_money_received_deposits_with_ore_lenders_own_no_plant_and_a_buyer_after_the_source(extractor: Extractor) -> None:
    text = (
        "Caribou Metals has received C$12.5 million from the U.S. Department of Defense to advance its Caribou Creek project.\n"
        "Caribou Creek is one of the largest tin deposits in the world, with about 20 million tonnes of ore.\n"
        "Larkspur Graphite said the Export-Import Bank of the United States has issued a letter of interest for a possible "
        "$90 million loan for its Dunmore graphite plant in Lee County, Alabama.\n"
        "Larkspur Graphite has agreed to supply anode material from Dunmore to SK On.\n"
        "Construction of the plant is about 70% complete.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("operates", "company/larkspur-graphite", "facility/dunmore-graphite-plant"),  # the borrower's, not the bank's nor the US's
        ("supplies", "company/larkspur-graphite", "company/sk-on"),  # "from Dunmore to SK On": the buyer after the source
    } <= relations
    assert ("Export-Import Bank of the United States", "company") in {(m.text, m.kind) for m in result.mentions}
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f for f in facts if "figure" in f}
    assert figures[Decimal(12_500_000)]["figure"]["subject"] == "company/caribou-metals"  # "received C$12.5 million from"
    assert figures[Decimal(20_000_000)]["figure"]["metric"] == "reserves"  # "deposits …, with about 20 million tonnes of ore"
    assert figures[Decimal(90_000_000)]["modality"] == "possibility"  # "a possible … loan"
    assert Decimal(70) not in figures  # "about 70% complete": progress, no metric


def test_the_developers_project_what_is_produced_there_and_a_states_holding_by_demonym(extractor: Extractor) -> None:
    text = (
        "Japan's Marubeni has agreed to buy a 10% stake in Coppice Metals for A$30 million.\n"
        "Marubeni will also buy half of the cobalt produced at the developer's Wiluna project in Western Australia.\n"
        "The Zambian state holds about 20% of Coppice Metals.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("operates", "company/coppice-metals", "facility/wiluna-project"),  # "the developer's": not the buyer named before
        ("invested", "country/ZM", "company/coppice-metals"),  # "The Zambian state"
    } <= relations
    assert ("operates", "company/marubeni", "facility/wiluna-project") not in relations  # "cobalt produced at": made there


def test_names_with_digits_awards_by_a_giver_minerals_naming_mines_and_buyers_listed_after_to(extractor: Extractor) -> None:
    text = (
        "Metals32 has been awarded $15 million by the U.S. Department of Energy to study a plant at its Cuprum project.\n"
        "Metals32 bought Cuprum in 2019.\n"
        "Ganyu Lithium has suspended its Baiyun lepidolite mine in Yichun.\n"
        "Ganyu Lithium supplies lithium to Tesla, BMW and Volkswagen.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("operates", "company/metals32", "facility/cuprum-project"),  # the one awarded, not the giver ("by the …")
        ("operates", "company/ganyu-lithium", "facility/baiyun-lepidolite-mine"),  # a mineral's word in a mine's name
        ("supplies", "company/ganyu-lithium", "company/bmw"),  # names listed after "to"
        ("supplies", "company/ganyu-lithium", "company/volkswagen"),
    } <= relations
    facts = _drafted(extractor, text)
    award = next(f["figure"] for f in facts if "figure" in f and f["figure"]["value"] == Decimal(15_000_000))
    assert award["subject"] == "company/metals32"  # "has been awarded $15 million by": the grantee's


def test_a_stake_bought_from_its_holder_shipments_from_a_mine_a_deposits_tonnes_and_a_plant_at_the_mine(extractor: Extractor) -> None:
    text = (
        "Tessera Lithium has agreed to buy RTZ Mining's 60% stake in the Kamina lithium project in Congo.\n"
        "Gecamines holds the remaining 40% of Kamina.\n"
        "Tessera expects to spend about $800 million to develop the mine.\n"
        "Orrin Minerals has shipped its first cargo of spodumene concentrate from the Bougouni mine in southern Mali.\n"
        "Orrin owns 70% of Bougouni and the Malian government holds the remaining 30%.\n"
        "The Halden Creek deposit holds an estimated 2.1 million tonnes of rare earth oxides.\n"
        "Halden Resources plans to build a pilot separation plant at the deposit with the Argonne National Laboratory.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("operates", "company/orrin-minerals", "facility/bougouni-mine"),  # "has shipped … from the Bougouni mine": its own
        ("invested", "country/ML", "facility/bougouni-mine"),  # "the Malian government holds the remaining 30%"
        ("operates", "company/halden-resources", "facility/pilot-separation-plant"),  # a plant "at the deposit", not the deposit
    } <= relations
    assert ("invested", "company/orrin-minerals", "country/ML") not in relations  # "… and the Malian government holds": a new clause
    assert ("Argonne National Laboratory", "org") in {(m.text, m.kind) for m in result.mentions}
    lab = "org/argonne-national-laboratory"
    assert ("operates", lab, "facility/pilot-separation-plant") not in relations  # a research partner, no operator
    assert ("Congo", "https://w3id.org/rekg/id/country/CD") in {(m.text, m.ref_iri) for m in result.mentions}  # the news's Congo
    facts = _drafted(extractor, text)
    stakes = {(f["stake"]["holder"], f["stake"]["investee"]): f for f in facts if "stake" in f}
    bought = stakes["company/tessera-lithium", "facility/kamina-lithium-project"]
    held = stakes["company/rtz-mining", "facility/kamina-lithium-project"]
    assert (bought["stake"]["share"], bought.get("modality")) == (Decimal(60), "commitment")  # the buyer's, agreed to
    assert (held["stake"]["share"], held.get("modality", "stated")) == (Decimal(60), "stated")  # the seller's, as it stands
    assert stakes["company/gecamines", "facility/kamina-lithium-project"]["stake"]["share"] == Decimal(40)  # "… 40% of Kamina"
    located = [t for f in facts for t in f.get("triples", []) if t[0] == "facility/bougouni-mine" and t[1] == "locatedIn"]
    assert located == [["facility/bougouni-mine", "locatedIn", "country/ML"]]  # "in southern Mali": Mali
    figures = {f["figure"]["value"]: f for f in facts if "figure" in f}
    spend = figures[Decimal(800_000_000)]
    assert (spend["figure"]["subject"], spend["modality"]) == ("facility/kamina-lithium-project", "expected")  # the mine's
    held_ore = figures[Decimal(2_100_000)]["figure"]
    assert (held_ore["metric"], held_ore["subject"]) == ("reserves", "facility/halden-creek-deposit")  # "holds an estimated"


def test_concentrators_operations_named_over_a_demonym_and_a_volume_a_deal_covers(extractor: Extractor) -> None:
    text = (
        "Kestrel Nickel will idle its Leinster nickel concentrator in Western Australia.\n"
        "Marlow Mining owns 60% of the South American Lithium operation in Salta.\n"
        "South American Lithium produced about 80,000 tonnes of spodumene concentrate last year.\n"
        "Marlow Mining will supply concentrate to Tianqi Lithium under a three-year agreement.\n"
        "The deal covers about 20,000 tonnes of concentrate a year.\n"
        "Marlow said its normal business operation would continue.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("operates", "company/kestrel-nickel", "facility/leinster-nickel-concentrator"),  # a concentrator is a facility
        ("invested", "company/marlow-mining", "facility/south-american-lithium-operation"),  # a named operation
    } <= relations
    assert not {f for f in relations if "normal-business" in str(f[2])}  # "its normal business operation": no facility
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    output = figures[Decimal(80_000)]  # the operation met again by its name over "American" and "Lithium"
    assert (output["metric"], output["subject"]) == ("mine-production", "facility/south-american-lithium-operation")
    assert Decimal(20_000) not in figures  # "The deal covers about 20,000 tonnes": a volume bought, no one's output


def test_a_stake_bought_from_a_holder_a_plant_to_be_built_a_deals_supply_and_money_for_no_one(extractor: Extractor) -> None:
    text = (
        "Orano Lithium has started output at its Salinas plant in Jujuy province.\n"
        "Orano Lithium became the sole owner of the project when it bought the 40% stake held by China's Zijin for $300 million.\n"
        "Hanil Metals has signed an agreement with Baotou Resources to secure oxides for an alloy plant it plans to build in Malaysia.\n"
        "Under the deal, Baotou Resources will supply oxides from its mines.\n"
        "Hanil Metals, a Seoul-based unit of Korea's Hanil Group, aims to sell alloys to magnet makers in Japan and the United States.\n"
        "Tessla Recycling has received a 2 million pound grant for its recycling plant in Leeds, which can process 20 tonnes a year.\n"
        "Tessla Recycling plans to raise that to 500 tonnes a year.\n"
        "Britain imports nearly all of the magnets its carmakers use, mostly from China.\n"
        "The government will provide 40 million pounds to support recycling projects.\n"
        "Lithium prices have fallen by more than 70% since 2022.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("invested", "company/orano-lithium", "facility/salinas-plant"),  # "the sole owner of the project"
        ("agreement", "company/orano-lithium", "company/zijin"),  # "bought the 40% stake held by China's Zijin"
        ("operates", "company/hanil-metals", "facility/alloy-plant-in-malaysia"),  # "an alloy plant it plans to build in Malaysia"
        ("supplies", "company/baotou-resources", "company/hanil-metals"),  # "Under the deal": to the deal's other party
        ("invested", "company/hanil-group", "company/hanil-metals"),  # "a Seoul-based unit of"
        ("supplies", "country/CN", "country/GB"),  # "Britain imports … the magnets … from China"
    } <= relations
    assert ("invested", "company/orano-lithium", "company/zijin") not in relations
    assert not {r for r in relations if r[0] == "supplies" and r[2] == "country/US"}  # "to magnet makers in Japan and the US"
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f for f in facts if "figure" in f}
    assert figures[Decimal(300_000_000)]["figure"]["metric"] == "agreement-value"  # the price paid to the holder
    assert Decimal(40) not in figures and Decimal(70) not in figures  # the seller's share; a price's fall
    assert figures[Decimal(2_000_000)]["figure"]["unit"] == "GBP"  # "a 2 million pound grant"
    assert figures[Decimal(500)]["figure"]["subject"] == figures[Decimal(20)]["figure"]["subject"]  # "raise that to": the same
    supplied = next(f["supply"] for f in facts if "supply" in f and f["supply"]["customer"] == "country/GB")
    assert supplied["material"] == "material/rare-earth-magnet"  # "the magnets": this domain's
    assert Decimal(40_000_000) not in figures  # "will provide 40 million pounds to support recycling projects": to no one named
    stakes = {(f["stake"]["holder"], f["stake"]["investee"]) for f in facts if "stake" in f}
    assert ("company/orano-lithium", "facility/salinas-plant") not in stakes  # no share of the seller's given to the buyer
    plan = next(f for f in facts if ["company/hanil-metals", "operates", "facility/alloy-plant-in-malaysia"] in f.get("triples", []))
    assert ["facility/alloy-plant-in-malaysia", "locatedIn", "country/MY"] in plan["triples"] and plan["modality"] == "planned"


def test_a_mine_called_one_stakes_in_which_held_jointly_a_years_change_and_deals_to_supply_each(extractor: Extractor) -> None:
    text = (
        "The owners of Pilgangoora, the largest lithium mine in the region, will cut spending by about A$90 million.\n"
        "Pilgangoora is run by Pilbara Lithium, in which Ganfeng Lithium and Posco Holdings jointly hold 60% and Sinomine owns 40%.\n"
        "The mine produced 20,000 tonnes of lithium in 2024, down from 25,000 tonnes a year earlier.\n"
        "Kumba Holdings is in talks to sell its 30% stake in Pilgangoora.\n"
        "Nordgraf has won a 10 million euro grant from the European Union to help build its anode plant in Boden.\n"
        "Nordgraf has agreed to supply anode to battery maker Freyr and to Germany's Volkswagen, it said.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("operates", "company/pilbara-lithium", "facility/pilgangoora"),  # a single name the text calls a mine
        ("invested", "company/ganfeng-lithium", "company/pilbara-lithium"),  # "…, in which A and B jointly hold 60%"
        ("invested", "company/posco-holdings", "company/pilbara-lithium"),
        ("invested", "company/sinomine", "company/pilbara-lithium"),  # "and Sinomine owns 40%": of the same
        ("agreement", "company/nordgraf", "company/freyr"),  # "has agreed to supply … to A and to B": a deal with each
        ("agreement", "company/nordgraf", "company/volkswagen"),
    } <= relations
    assert not {r for r in relations if r[0] == "operates" and r[1] == "org/european-union"}  # the grant's giver builds nothing
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert Decimal(90_000_000) not in figures and Decimal(60) not in figures  # a cut; a share held together
    assert {figures[Decimal(v)]["metric"] for v in (20_000, 25_000)} == {"mine-production"}  # "a year earlier": no capacity
    stakes = {(f["stake"]["holder"], f["stake"]["share"]): f for f in facts if "stake" in f}
    assert stakes["company/sinomine", Decimal(40)]
    assert stakes["company/kumba-holdings", Decimal(30)].get("modality", "stated") == "stated"  # "in talks to sell its 30% stake"


def test_keeping_a_share_a_spanish_name_the_company_that_runs_a_described_partner_and_a_plan_in_doubt(extractor: Extractor) -> None:
    text = (
        "Anglo Metals has signed a deal with Peruvian state miner Activos Mineros to develop the Rio Blanco copper project.\n"
        "Under the agreement, Anglo Metals will take a 40% stake in the project and Activos Mineros will keep 60%.\n"
        "Boreal Copper owns 80% of Minera Andina, the company that runs the Rio Blanco copper project.\n"
        "Boreal Copper had planned to supply Glencore from the project.\n"
    )
    relations = _relations(extractor.extract(text))
    assert {
        ("operates", "company/anglo-metals", "facility/rio-blanco-copper-project"),  # "signed a deal with … miner X to develop"
        ("operates", "company/activos-mineros", "facility/rio-blanco-copper-project"),
        ("invested", "company/boreal-copper", "company/minera-andina"),  # "Minera Andina": a Spanish company's name
        ("operates", "company/minera-andina", "facility/rio-blanco-copper-project"),  # "the company that runs"
    } <= relations
    assert not {r for r in relations if r[0] == "supplies"}  # "had planned to supply": a plan now in doubt
    facts = _drafted(extractor, text)
    stakes = {f["stake"]["holder"]: f["stake"] for f in facts if "stake" in f}
    assert stakes["company/activos-mineros"]["share"] == Decimal(60)  # "will keep 60%": of the project
    assert stakes["company/activos-mineros"]["investee"] == "facility/rio-blanco-copper-project"


def test_deals_in_place_a_deal_walked_away_from_a_licence_holder_a_local_unit_and_a_producer_before_its_aside(
    extractor: Extractor,
) -> None:
    text = (
        "Kestrel Lithium has offtake contracts in place with Hyundai Glovis and Marubeni.\n"
        "Norway's government has restored Kestrel Lithium's licence for the Svartdal nickel mine near Hamnvik, the ministry said.\n"
        "Fjord Metals walked away from a deal to buy the Svartdal nickel mine from Kestrel Lithium.\n"
        "The ministry approved Silver Crest's expansion plan in March.\n"
        "Silver Crest plans to build the Vardo lithium plant through its local unit Nordkapp Prosessering.\n"
        "South Africa's Impala-Bafokeng signed a lithium deal with Silver Crest.\n"
        "Kestrel Lithium, which owns the Svartdal and Lomfjord mines, produced 12,000 tonnes of nickel last year.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("agreement", "company/kestrel-lithium", "company/hyundai-glovis"),  # "contracts in place with A and B": one each
        ("agreement", "company/kestrel-lithium", "company/marubeni"),
        ("operates", "company/kestrel-lithium", "facility/svartdal-nickel-mine"),  # "X's licence for the mine"
        ("invested", "company/silver-crest", "company/nordkapp-prosessering"),  # "through its local unit X."
        ("operates", "company/nordkapp-prosessering", "facility/vardo-lithium-plant"),
        ("agreement", "company/impala-bafokeng", "company/silver-crest"),  # "South Africa's Impala-Bafokeng", hyphen and all
    } <= relations
    assert not {r for r in relations if "company/fjord-metals" in r}  # "walked away from a deal to buy": no deal standing
    names = {(m.text, m.kind) for m in result.mentions}
    assert ("Hamnvik", "city") in names  # "the … mine near Hamnvik": a town
    assert [m for m in result.mentions if m.text == "Silver Crest" and m.sentence == 3]  # a name of two words, met twice
    facts = _drafted(extractor, text)
    produced = next(f["figure"] for f in facts if "figure" in f and f["figure"]["value"] == Decimal(12_000))
    assert produced["subject"] == "company/kestrel-lithium"  # not a mine of the aside ", which owns …,"


def test_a_split_joint_venture_and_its_mine_resources_of_a_deposit_a_minerals_project_and_a_chief_executive_speaking_last(
    extractor: Extractor,
) -> None:
    text = (
        "Brightwater Lithium, a 60-40 joint venture between Orion Metals and Kaito Trading, has started work at its Tamar lithium refinery.\n"
        "The refinery will take spodumene from the joint venture's Lake Gairdner mine.\n"
        "Lake Gairdner is Australia's largest lithium deposit, with resources of about 12 million tonnes of ore.\n"
        "Orion Metals said a state lender is considering a loan of up to $300 million for its Pilliga critical minerals project.\n"
        "Orion raised about $15 million in a share sale last month.\n"
        "Chief Executive Jane Doherty said work could begin next year.\n"
    )
    relations = _relations(extractor.extract(text))
    assert {
        ("operates", "company/brightwater-lithium", "facility/lake-gairdner-mine"),  # "the joint venture's … mine"
        ("operates", "company/orion-metals", "facility/pilliga-critical-minerals-project"),  # "its X critical minerals project"
        ("position", "person/jane-doherty", "company/orion-metals"),  # the last line, a chief executive speaking, is read
    } <= relations
    facts = _drafted(extractor, text)
    stakes = {f["stake"]["holder"]: f["stake"] for f in facts if "stake" in f}
    assert stakes["company/orion-metals"]["share"] == Decimal(60)  # "a 60-40 joint venture between A and B": in order
    assert stakes["company/kaito-trading"]["share"] == Decimal(40)
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert Decimal(40) not in figures  # the split's second half is no count
    assert figures[Decimal(12_000_000)]["metric"] == "reserves"  # "with resources of about 12 million tonnes"


def test_a_combined_name_a_listed_buyer_a_state_owned_parent_a_nationalised_mine_a_past_operator_and_a_stake_paid_for(
    extractor: Extractor,
) -> None:
    text = (
        "Anglo Chilean has agreed to sell its zinc business to Toronto-listed Quarry Holdings for up to $90 million.\n"
        "Quarry Holdings is controlled by China Tinplate, a state-owned Chinese metals group.\n"
        "Guinea's military government has nationalised the Sangaredi bauxite mine.\n"
        "French group Alcyon ran the mine from 1998 until March 2024.\n"
        "Tamarind Metals will pay $40 million for Rhea Mining's 25% stake in Solva Nickel under a deal announced on Friday.\n"
        "Solva Nickel owns 70% of Nkomo Mining, which holds the licence for the Solva deposit.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("agreement", "company/anglo-chilean", "company/quarry-holdings"),  # "Anglo Chilean": a name, not Chile; "Toronto-listed X"
        ("invested", "company/china-tinplate", "company/quarry-holdings"),  # "China Tinplate": a country's name opening a firm's
        ("invested", "country/CN", "company/china-tinplate"),  # "…, a state-owned Chinese metals group"
        ("invested", "country/GN", "facility/sangaredi-bauxite-mine"),  # "has nationalised"
        ("operates", "company/alcyon", "facility/sangaredi-bauxite-mine"),  # "ran the mine"
        ("agreement", "company/tamarind-metals", "company/rhea-mining"),
        ("operates", "company/nkomo-mining", "facility/solva-deposit"),  # "the Solva deposit": no short form of Solva Nickel
    } <= relations
    assert not {r for r in relations if "country/CL" in r}
    facts = _drafted(extractor, text)
    ran = next(f for f in facts if ["company/alcyon", "operates", "facility/sangaredi-bauxite-mine"] in f.get("triples", []))
    assert ran["when"] == {"until": 2024}  # a past state, with its end
    stakes = {f["stake"]["holder"]: f for f in facts if "stake" in f and f["stake"]["investee"] == "company/solva-nickel"}
    assert stakes["company/tamarind-metals"]["stake"]["share"] == Decimal(25)  # the payer's, as a buyer's
    assert stakes["company/tamarind-metals"]["modality"] == "commitment"  # bound by the deal
    assert stakes["company/rhea-mining"].get("modality", "stated") == "stated"  # the seller's, as it stands
    price = next(f["figure"] for f in facts if "figure" in f and f["figure"]["value"] == Decimal(40_000_000))
    assert price["metric"] == "agreement-value"  # a price paid to a holder


def test_owned_equally_construction_of_its_plant_a_mine_to_reopen_a_consortium_and_a_clause_after_a_state_miner(
    extractor: Extractor,
) -> None:
    text = (
        "Kestrel Nickel, owned equally by Orion Metals and Investissement Tasmania, has started construction of its nickel sulphate plant in Bell Bay, Tasmania.\n"
        "The plant will take ore from the Savage River mine, which Kestrel plans to reopen in 2027.\n"
        "The Derwent Atlantic Railway is run by a consortium of Glencore, Mota-Engil and Rangi Rail.\n"
        "Orion Metals owns 60% of the Savage River mine, and Tanzanian state miner Stamico holds the rest.\n"
        "Once complete, the Bell Bay plant is expected to make 20,000 tonnes of nickel sulphate a year.\n"
    )
    relations = _relations(extractor.extract(text))
    assert {
        ("operates", "company/kestrel-nickel", "facility/nickel-sulphate-plant-in-bell-bay"),  # its, not an owner's in the aside
        ("invested", "company/investissement-tasmania", "company/kestrel-nickel"),  # a name ending in a place's
        ("operates", "company/kestrel-nickel", "facility/savage-river-mine"),  # "which Kestrel plans to reopen"
        ("operates", "company/rangi-rail", "facility/derwent-atlantic-railway"),  # "run by a consortium of A, B and C": each
        ("operates", "company/mota-engil", "facility/derwent-atlantic-railway"),
        ("invested", "company/stamico", "facility/savage-river-mine"),
    } <= relations
    assert ("invested", "company/orion-metals", "country/TZ") not in relations  # "…, and Tanzanian state miner Stamico holds": a clause
    facts = _drafted(extractor, text)
    stakes = {f["stake"]["holder"]: f["stake"] for f in facts if "stake" in f and f["stake"]["investee"] == "company/kestrel-nickel"}
    assert {holder: stake["share"] for holder, stake in stakes.items()} == {
        "company/orion-metals": Decimal(50),  # "owned equally by A and B": a half each
        "company/investissement-tasmania": Decimal(50),
    }
    built = next(
        f for f in facts if ["company/kestrel-nickel", "operates", "facility/nickel-sulphate-plant-in-bell-bay"] in f.get("triples", [])
    )
    assert built["modality"] == "under-construction"  # "has started construction of its plant"
    capacity = next(f["figure"] for f in facts if "figure" in f and f["figure"]["value"] == Decimal(20_000))
    assert capacity["subject"] == "facility/nickel-sulphate-plant-in-bell-bay"  # "the Bell Bay plant": the plant in Bell Bay


def test_three_builders_a_state_holding_a_superseded_forecast_shares_with_a_gapped_verb_and_a_raisers_restart(
    extractor: Extractor,
) -> None:
    text = (
        "Harbin Metals, China's Yunnan Copper Smelting and Glencore have broken ground on a high-pressure acid leach plant at Tanjung Buli in North Maluku.\n"
        "Indonesian state mining holding Inalum owns 20% of Harbin Metals.\n"
        "Aurum Energy expects the Ranger East uranium mine to produce about 3,100 tonnes of uranium this year, down from an earlier forecast of 3,500 tonnes.\n"
        "Aurum Energy owns 60% of Ranger East and operates it, while France's Orano holds 30% and Japan's Itochu Minerals the remaining 10%.\n"
        "The ore is processed at Aurum's McArthur River mill.\n"
        "Cornish Tungsten has raised 12 million pounds from investors led by Baillie Gifford to restart the Redmoor tin mine near Callington.\n"
    )
    relations = _relations(extractor.extract(text))
    plant = "facility/high-pressure-acid-leach-plant-at-tanjung-buli"  # a described plant, hyphenated words and all
    assert {
        *(("operates", f"company/{c}", plant) for c in ("harbin-metals", "yunnan-copper-smelting", "glencore")),  # "A, China's B and C"
        ("invested", "country/ID", "company/inalum"),  # "state mining holding Inalum"
        ("operates", "company/aurum-energy", "facility/ranger-east-uranium-mine"),  # "and operates it"
        ("operates", "company/aurum-energy", "facility/mcarthur-river-mill"),  # "Aurum's McArthur River mill"
        ("operates", "company/cornish-tungsten", "facility/redmoor-tin-mine"),  # the raiser restarts it, not an investor
    } <= relations
    assert not {r for r in relations if r[0] == "operates" and r[1] in ("country/CN", "company/baillie-gifford")}
    facts = _drafted(extractor, text)
    shares = {
        f["stake"]["holder"]: f["stake"]["share"]
        for f in facts
        if "stake" in f and f["stake"]["investee"] == "facility/ranger-east-uranium-mine"
    }
    assert shares == {"company/aurum-energy": Decimal(60), "company/orano": Decimal(30), "company/itochu-minerals": Decimal(10)}
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert figures[Decimal(3_100)]["metric"] == "mine-production"
    assert figures.get(Decimal(3_500), {}).get("metric", "todo-metric") == "todo-metric"  # "an earlier forecast of": superseded


def test_holders_past_a_base_a_nearby_mine_their_venture_a_prepayment_a_second_plant_a_licence_held_and_a_local_company(
    extractor: Extractor,
) -> None:
    text = (
        "Orion Metals and Canada-based Teck each own 50% of the nearby Tamar mine through their Tamlith joint venture.\n"
        "Kestrel Lithium has signed an offtake and prepayment agreement with Japan's Itochu for concentrate from its Kestrel lithium project.\n"
        "Itochu will prepay $20 million for future deliveries.\n"
        "The Kestrel processing plant is designed to produce 30,000 tonnes of concentrate a year.\n"
        "Zambia's mining ministry in May 2025 revoked the licence held by Arc Minerals for the Mwinilunga copper project.\n"
        "The Zambian government owns 10% of the project's local company, Arc Zambia.\n"
    )
    relations = _relations(extractor.extract(text))
    assert {
        ("invested", "company/orion-metals", "facility/tamar-mine"),  # "A and Canada-based B each own 50% of the nearby X"
        ("invested", "company/teck", "facility/tamar-mine"),
        ("operates", "company/arc-minerals", "facility/mwinilunga-copper-project"),  # "the licence held by X for Y"
        ("invested", "country/ZM", "company/arc-zambia"),  # "of the project's local company, X"
    } <= relations
    assert not {r for r in relations if r[0] == "agreement" and "company/orion-metals" in r}  # "their … joint venture": no new deal
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert figures[Decimal(20_000_000)]["metric"] == "agreement-value"  # "will prepay": the deal's money
    assert figures[Decimal(20_000_000)]["subject"].startswith("agreement/")  # the deal of the sentence before
    assert figures[Decimal(30_000)]["subject"] == "facility/kestrel-processing-plant"  # no short form of the project


def test_all_of_an_operation_a_mine_named_by_its_appositive_part_owned_a_venture_in_which_and_an_indonesian_company(
    extractor: Extractor,
) -> None:
    text = (
        "Ardent Nickel runs its Wanbi Wanbi nickel and cobalt operation in Queensland.\n"
        "The operation produced 12,400 tonnes of nickel last year.\n"
        "Ardent Nickel has owned all of Wanbi Wanbi since 2019.\n"
        "Lobo Bay, the Philippine nickel mine part-owned by Japan's Sumitomo Metal Mining, produced 9 million wet tonnes of ore last year.\n"
        "The mine is run by PT Lobo Bay Mining, which is 80% owned by Kestrel Holdings, a joint venture in which Ardent Nickel holds"
        " 40% and China's Jinchuan Group holds 60%.\n"
        "State miner Aneka Tambang owns the remaining 20% of PT Lobo Bay Mining.\n"
        "Most of the ore is sold to Jinchuan, which runs nickel smelters at the nearby Lobo Bay Industrial Estate.\n"
    )
    relations = _relations(extractor.extract(text))
    operation = "facility/wanbi-wanbi-nickel-and-cobalt-operation"
    assert {
        ("operates", "company/ardent-nickel", operation),
        ("invested", "company/sumitomo-metal-mining", "facility/lobo-bay"),  # "part-owned by": a holding, no operator
        ("operates", "company/pt-lobo-bay-mining", "facility/lobo-bay"),  # "The mine": the name its appositive called a mine
        ("invested", "company/kestrel-holdings", "company/pt-lobo-bay-mining"),
        ("invested", "company/ardent-nickel", "company/kestrel-holdings"),  # "a joint venture in which A holds 40%": of the venture
        ("invested", "company/jinchuan-group", "company/kestrel-holdings"),
        ("invested", "company/aneka-tambang", "company/pt-lobo-bay-mining"),  # "the remaining 20% of X"
    } <= relations
    assert not {r for r in relations if r[0] == "agreement"}  # "a joint venture in which": who holds it, no deal of its own
    assert not {r for r in relations if r[0] == "operates" and r[1] in ("company/sumitomo-metal-mining", "company/jinchuan-group")}
    facts = _drafted(extractor, text)
    shares = {(f["stake"]["holder"], f["stake"]["investee"]): f["stake"].get("share") for f in facts if "stake" in f}
    assert shares[("company/ardent-nickel", operation)] == Decimal(100)  # "has owned all of Wanbi Wanbi": the whole
    assert shares[("company/ardent-nickel", "company/kestrel-holdings")] == Decimal(40)
    assert shares[("company/aneka-tambang", "company/pt-lobo-bay-mining")] == Decimal(20)
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert figures[Decimal(12_400)]["subject"] == operation  # "The operation produced": the operation named before
    assert (figures[Decimal(9_000_000)]["metric"], figures[Decimal(9_000_000)]["subject"]) == ("mine-production", "facility/lobo-bay")


def test_a_permit_withdrawn_a_project_company_an_acquisition_a_merger_a_listed_pair_alongside_and_a_stake_raised_under_a_deal(
    extractor: Extractor,
) -> None:
    text = (
        "Niger's government in March 2023 withdrew the mining permit of French group Orano for the Azelik uranium deposit.\n"
        "Orano owns 37% of the project company Azelik SA, and Sopamin holds the rest.\n"
        "Tellus Mining has completed its $2.1 billion acquisition of Brightwater Lithium.\n"
        "Brightwater, formed in 2021 by the merger of Corvan and Halden, operates the Salar Blanco lithium brine facility in"
        " Argentina's Salta province and the Mount Edith spodumene mine in Western Australia.\n"
        "Brightwater also owns 40% of Kerr Lithium in Ontario, alongside the provincial government's Invest Ontario.\n"
        "Rio Tinto has raised its stake in Arrow Minerals to 15.5% under an investment agreement.\n"
    )
    relations = _relations(extractor.extract(text))
    assert {
        ("operates", "company/orano", "facility/azelik-uranium-deposit"),  # "the permit of X for Y": X held it
        ("invested", "company/orano", "company/azelik-sa"),  # "of the project company Azelik SA"
        ("invested", "company/sopamin", "company/azelik-sa"),
        ("agreement", "company/tellus-mining", "company/brightwater-lithium"),  # "its acquisition of X"
        ("invested", "company/tellus-mining", "company/brightwater-lithium"),
        ("agreement", "company/corvan", "company/halden"),  # "the merger of A and B"
        ("operates", "company/brightwater-lithium", "facility/salar-blanco-lithium-brine-facility"),
        ("operates", "company/brightwater-lithium", "facility/mount-edith-spodumene-mine"),  # listed past where the first is
        ("invested", "company/brightwater-lithium", "company/kerr-lithium"),
        ("invested", "company/invest-ontario", "company/kerr-lithium"),  # "alongside the provincial government's X"
        ("agreement", "company/rio-tinto", "company/arrow-minerals"),  # "under an investment agreement": the two of the stake
    } <= relations
    assert not {r for r in relations if r[1] in ("company/corvan", "company/halden") and r[0] == "operates"}  # the aside's
    assert not {r for r in relations if r[2] == "region/ontario"}
    facts = _drafted(extractor, text)
    shares = {(f["stake"]["holder"], f["stake"]["investee"]): f["stake"].get("share") for f in facts if "stake" in f}
    assert shares[("company/rio-tinto", "company/arrow-minerals")] == Decimal("15.5")  # "raised its stake in X to 15.5%"
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert figures[Decimal(2_100_000_000)]["metric"] == "agreement-value"  # "its $2.1 billion acquisition"


def test_a_mine_bought_from_its_seller_output_taken_from_it_a_plan_given_up_for_an_aim_letters_of_support_and_a_camel_name(
    extractor: Extractor,
) -> None:
    text = (
        "Gemini Mining runs the Tarn nickel mine in Western Australia.\n"
        "Gemini Mining bought Tarn from Vale in 2015 for $90 million.\n"
        "Korea's LG Chem agreed in 2023 to buy a 20% stake in the mine and to take 5,000 tonnes of nickel a year from it.\n"
        "Kelso Lithium had planned to produce 40,000 tonnes of lithium carbonate a year at its Kelso project but now targets a first"
        " phase of 20,000 tonnes a year.\n"
        "Export credit agencies have issued letters of support for up to $900 million of project debt.\n"
        "Kelso Lithium also owns 30% of the Sierra uranium project in Texas, which is operated by enCore Energy.\n"
    )
    relations = _relations(extractor.extract(text))
    assert {
        ("agreement", "company/gemini-mining", "company/vale"),  # "bought Tarn from Vale": buyer and seller
        ("invested", "company/lg-chem", "facility/tarn-nickel-mine"),
        ("supplies", "company/gemini-mining", "company/lg-chem"),  # "to take … from it": the mine's operator supplies
        ("operates", "company/encore-energy", "facility/sierra-uranium-project"),  # a name that opens in lower case
    } <= relations
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f for f in facts if "figure" in f}
    assert Decimal(40_000) not in figures  # "had planned to produce": a plan given up
    assert (figures[Decimal(20_000)]["figure"]["subject"], figures[Decimal(20_000)]["modality"]) == ("facility/kelso-project", "aim")
    debt = figures[Decimal(900_000_000)]
    assert (debt["figure"]["metric"], debt["figure"]["subject"], debt["modality"]) == (
        "funding-amount",
        "facility/kelso-project",
        "possibility",
    )  # "letters of support for … project debt": a loan the project may get
    assert Decimal(5_000) not in figures  # "to take 5,000 tonnes": a volume bought, no one's capacity


def test_a_venture_named_for_its_country_holding_the_rest_a_built_design_customers_output_raised_and_a_plant_studied(
    extractor: Extractor,
) -> None:
    text = (
        "Yibin Lithium Energy Canada, a joint venture between China's Yibin Lithium and Canada's Frontier Metals, has written down"
        " its Sorel lithium hydroxide plant by C$400 million.\n"
        "The venture also owns a 40% stake in the Tamar mine, with Albemarle holding the rest.\n"
        "Sorel's first train, designed to make 10,000 tonnes of lithium hydroxide a year, has never run at more than 30% of capacity.\n"
        "Kivu Minerals has raised output at the Kitwe copper mine in Zambia.\n"
        "Its largest customers include China's Jinchuan Group and Tongling Nonferrous, Kivu Minerals said.\n"
        "Kivu Minerals is studying a copper smelter at Kitwe, the company said.\n"
    )
    relations = _relations(extractor.extract(text))
    venture = "company/yibin-lithium-energy-canada"  # four words ending in a country's name, opening the sentence
    assert {
        ("invested", "company/yibin-lithium", venture),
        ("invested", "company/frontier-metals", venture),
        ("operates", venture, "facility/sorel-lithium-hydroxide-plant"),
        ("invested", venture, "facility/tamar-mine"),
        ("invested", "company/albemarle", "facility/tamar-mine"),  # "with Albemarle holding the rest"
        ("operates", "company/kivu-minerals", "facility/kitwe-copper-mine"),  # "has raised output at"
        ("supplies", "company/kivu-minerals", "company/jinchuan-group"),  # "Its largest customers include A and B"
        ("supplies", "company/kivu-minerals", "company/tongling-nonferrous"),
        ("operates", "company/kivu-minerals", "facility/copper-smelter-at-kitwe"),
    } <= relations
    assert not {r for r in relations if "country/CA" in r[1:] and r[0] in ("invested", "operates")}
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f for f in facts if "figure" in f}
    assert figures[Decimal(10_000)].get("modality") in (None, "stated")  # "designed to make …, has never run": a built train's design
    assert Decimal(30) not in figures  # "30% of capacity": a utilisation, no metric
    studied = [f for f in facts if ["company/kivu-minerals", "operates", "facility/copper-smelter-at-kitwe"] in f.get("triples", [])]
    assert studied[0]["modality"] == "possibility"  # "is studying a … smelter"


def test_sold_to_unnamed_companies_under_a_deal_a_trade_chief_a_grant_with_decimals_and_a_plant_to_process_ore(
    extractor: Extractor,
) -> None:
    text = (
        "The European Union and Peru have signed a partnership agreement on raw materials such as copper.\n"
        "Under the agreement, Peru may set a lower price for copper sold to companies that refine it in Peru.\n"
        "EU trade chief Maros Sefcovic said the deal would help Europe.\n"
        "Kestrel Nickel has been awarded a $12.5 million grant by the U.S. Department of Energy to speed up drilling at its Birch Lake"
        " nickel project in Minnesota.\n"
        "Kestrel Nickel plans to process the ore at a plant in Wisconsin.\n"
    )
    relations = _relations(extractor.extract(text))
    assert {
        ("agreement", "org/european-union", "country/PE"),
        ("position", "person/maros-sefcovic", "org/european-union"),  # "EU trade chief X"
        ("operates", "company/kestrel-nickel", "facility/birch-lake-nickel-project"),  # the one awarded, not the giver
        ("operates", "company/kestrel-nickel", "facility/plant-in-wisconsin"),  # "plans to process the ore at a plant in X"
    } <= relations
    assert not {r for r in relations if r[0] == "supplies"}  # "sold to companies that refine it": buyers it does not name
    assert not {r for r in relations if r[1] == "agency/us-department-of-energy" and r[0] == "operates"}


def test_a_planned_plants_feed_a_bank_of_two_remits_a_business_sold_a_stake_in_anothers_project_and_money_towards_it(
    extractor: Extractor,
) -> None:
    text = (
        "Tarn Metals' Czech subsidiary, Tarn CZ, plans to build a lithium refinery at Kolin in the Czech Republic.\n"
        "The refinery would process concentrate from Tarn Metals' Cinder Hill mine in Portugal.\n"
        "The European Bank for Reconstruction and Development is considering a loan of up to 30 million euros for the project.\n"
        "Ferro Group sold its W.H. Harlan tungsten business to Japan's Sumitomo Metal Mining for $90 million in 2023.\n"
        "Alcor Mining will take a 60% stake in Codesa's Pampa Verde lithium project in Chile.\n"
        "Alcor Mining will fund $200 million of studies and pay a further $300 million if it decides to build the project.\n"
        "Codesa, which will keep the remaining 40%, picked Alcor Mining from among five bidders.\n"
    )
    relations = _relations(extractor.extract(text))
    refinery = "facility/lithium-refinery-at-kolin"
    project = "facility/pampa-verde-lithium-project"
    assert {
        ("operates", "company/tarn-cz", refinery),
        ("supplies", "company/tarn-metals", "company/tarn-cz"),  # "would process concentrate from X's mine": mine's operator to plant's
        ("agreement", "company/ferro-group", "company/sumitomo-metal-mining"),  # "sold its X business to Y"
        ("invested", "company/sumitomo-metal-mining", "company/w-h-harlan"),
        ("invested", "company/alcor-mining", project),  # "a 60% stake in Codesa's Pampa Verde project": the project
        ("invested", "company/codesa", project),  # "which will keep the remaining 40%"
    } <= relations
    assert not {r for r in relations if r[0] == "operates" and (r[1] == "company/alcor-mining" or "bank" in r[1])}
    assert not {r for r in relations if r[0] == "supplies" and r[1] == "company/ferro-group"}  # a business sold, no material
    own_feed = "Halden Rare Earths has started its separation plant in Casper.\nThe plant will process ore from the company's Bear Creek deposit.\n"
    assert not {r for r in _relations(extractor.extract(own_feed)) if r[0] == "supplies"}  # no one supplies itself
    assert ("invested", "company/alcor-mining", "company/codesa") not in relations
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f for f in facts if "figure" in f}
    assert figures[Decimal(30_000_000)]["figure"]["subject"] == refinery  # "for the project": the refinery the text is about
    assert figures[Decimal(90_000_000)]["figure"]["metric"] == "agreement-value"
    assert {figures[Decimal(v)]["figure"]["subject"] for v in (200_000_000, 300_000_000)} == {project}
    kept = [f for f in facts if f.get("stake", {}).get("holder") == "company/codesa"]
    assert (kept[0]["stake"]["share"], kept[0]["modality"]) == (Decimal(40), "expected")  # a share to come, not one kept now


def test_a_supplier_past_its_aside_output_bought_back_a_hub_of_its_own_and_a_province_holding_a_share(extractor: Extractor) -> None:
    text = (
        "Trafigura has agreed to buy Redcycle, a Canadian battery recycler, for about $25 million.\n"
        "Trafigura, already Redcycle's largest creditor, had supplied the recycler with battery scrap and bought the black mass it"
        " produced under commercial agreements.\n"
        "Redcycle halted construction of its Buffalo hub in New York state in 2023.\n"
        "Vale Base Metals owns 60% of the Sudbury West nickel project, while the province of Ontario holds 40%.\n"
    )
    relations = _relations(extractor.extract(text))
    assert {
        ("supplies", "company/trafigura", "company/redcycle"),  # the subject past ", already …'s largest creditor,"
        ("supplies", "company/redcycle", "company/trafigura"),  # "bought the black mass it produced": the recycler's
        ("operates", "company/redcycle", "facility/buffalo-hub"),  # "its Buffalo hub"
        ("invested", "agency/province-of-ontario", "facility/sudbury-west-nickel-project"),  # "the province of X holds 40%"
    } <= relations
    assert ("supplies", "company/redcycle", "company/redcycle") not in relations


def test_a_planned_plant_described_unplaced_a_cfo_customers_in_a_country_an_option_to_earn_and_a_further_stake(
    extractor: Extractor,
) -> None:
    text = (
        "Kiruna Graphite has signed a memorandum of understanding with Epsilon Carbon to develop a battery anode plant.\n"
        "Chief financial officer Anna Berg said the company planned to invest about $200 million.\n"
        "Kiruna Graphite sells its concentrate to customers in Japan.\n"
        "Sweden will receive a 10% free-carried interest in the Vittangi project, and the state's Swedish Mineral Fund has agreed"
        " to invest $12 million for a further 5% stake.\n"
        "Epsilon Carbon can earn up to 40% of Vittangi by funding its development.\n"
    )
    relations = _relations(extractor.extract(text))
    assert {
        ("operates", "company/kiruna-graphite", "facility/battery-anode-plant"),  # a plant its words describe, unplaced
        ("operates", "company/epsilon-carbon", "facility/battery-anode-plant"),
        ("position", "person/anna-berg", "company/kiruna-graphite"),  # "Chief financial officer X"
        ("supplies", "company/kiruna-graphite", "country/JP"),  # "to customers in Japan"
        ("invested", "org/swedish-mineral-fund", "facility/vittangi-project"),  # "a further 5% stake": of the stake before's
        ("invested", "company/epsilon-carbon", "facility/vittangi-project"),  # "can earn up to 40% of"
    } <= relations
    facts = _drafted(extractor, text)
    earned = [f for f in facts if f.get("stake", {}).get("holder") == "company/epsilon-carbon"]
    assert (earned[0]["stake"]["share"], earned[0]["modality"]) == (Decimal(40), "possibility")
    assert not {r for r in _relations(extractor.extract("The state granted the company $7 million to build a pilot plant.\n"))}


def test_a_mine_acquired_from_a_seller_a_share_in_a_placed_mine_owners_listed_and_a_state_company_apposed(
    extractor: Extractor,
) -> None:
    text = (
        "Harbour Metals, the Toronto-listed miner controlled by Kestrel Holdings, has completed its $800 million acquisition of the"
        " Tamboril copper mine in Chile from Andes Copper Partners.\n"
        "Harbour Metals also runs the Cerro Azul zinc mine in Mexico, in which it holds a 70% stake.\n"
        "Kestrel Holdings is owned by Qatar's Al Bayan and the Development Corporation of Doha.\n"
        "Chile's government has handed the company's lithium assets to Salar Mining, a new state-owned company.\n"
        "Chile's development bank CORFO has approved a loan of $90 million to Harbour Metals for the expansion.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    tamboril, cerro_azul = "facility/tamboril-copper-mine", "facility/cerro-azul-zinc-mine"
    assert {
        ("operates", "company/harbour-metals", tamboril),  # "its acquisition of the X mine": the buyer's now
        ("agreement", "company/harbour-metals", "company/andes-copper-partners"),  # "… from Y": the sale
        ("invested", "company/harbour-metals", cerro_azul),  # "the X mine in Mexico, in which it holds": the mine
        ("invested", "company/al-bayan", "company/kestrel-holdings"),
        ("invested", "company/development-corporation-of-doha", "company/kestrel-holdings"),  # "and the …": each owner
        ("invested", "country/CL", "company/salar-mining"),  # "X, a new state-owned company": the state acting
    } <= relations
    assert not {r for r in relations if r[0] == "invested" and r[2] in (tamboril, "country/MX")}
    assert ("agency", "CORFO") in {(m.kind, m.text) for m in result.mentions}  # "Chile's development bank CORFO": the bank's name
    figures = {f["value"]: f for f in _drafted_figures(extractor, text)}
    assert figures[Decimal(800_000_000)]["metric"] == "agreement-value"
    assert figures[Decimal(800_000_000)]["subject"].startswith("agreement/")  # the sale's price


def test_a_grantee_by_name_an_island_an_expansion_of_the_capacity_before_and_an_owner_described_after_and(
    extractor: Extractor,
) -> None:
    text = (
        "Kuala Metals has shipped its first nickel ore from the Tanjung mine on Halmahera island to a customer in Japan.\n"
        "The Tanjung mine can produce about 20,000 tonnes of ore a year, and Kuala Metals is studying an expansion to 60,000 tonnes.\n"
        "The mines ministry has granted Pasifik Tambang Internasional a one-year permit to export ore from its Lembah mine.\n"
        "Pasifik Tambang is controlled by Harum Capital and the shipping group Samudra Line.\n"
    )
    relations = _relations(extractor.extract(text))
    pasifik = "company/pasifik-tambang-internasional"
    assert {
        ("operates", "company/kuala-metals", "facility/tanjung-mine"),
        ("operates", pasifik, "facility/lembah-mine"),  # "granted X a permit … from its Y mine": X's
        ("invested", "company/harum-capital", pasifik),  # "Pasifik Tambang": the grantee met again
        ("invested", "company/samudra-line", pasifik),  # "and the shipping group Samudra Line": a second owner, described
    } <= relations
    facts = _drafted(extractor, text)
    located = {tuple(t) for f in facts for t in f.get("triples", []) if t[1] == "locatedIn"}
    assert ("facility/tanjung-mine", "locatedIn", "region/halmahera-island") in located  # "on Halmahera island"
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert figures[Decimal(60_000)]["subject"] == "facility/tanjung-mine"  # "an expansion to 60,000 tonnes": of the mine's capacity


def test_talks_of_two_partners_running_a_gapped_share_a_past_part_money_approved_a_parent_paid_and_chinese_regions(
    extractor: Extractor,
) -> None:
    text = (
        "Tamarind Metals and Cobalt Congo are in talks to merge their operations.\n"
        "The partners run the Kolwezi North copper operation, in which Tamarind holds 60%, Cobalt Congo 30% and Kolwezi Holdings"
        " the remaining 10%.\n"
        "Kolwezi North produced about 40,000 tonnes of copper in 2024, below its capacity of 60,000 tonnes a year.\n"
        "Cobalt Congo was part of Sodimico until 2022.\n"
        "Orion Minerals has approved about $500 million to expand its Lumbo copper mine.\n"
        "Zambian state investment company ZCCM-XR holds 15% of Lumbo.\n"
        "Nyanza Rare Earth has agreed to pay its parent Orion Minerals about 20,000 yuan a tonne for rare earth concentrate.\n"
        "Orion Minerals also runs the Bayan Hua mine in Inner Mongolia.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    tamarind, cobalt_congo, kolwezi = "company/tamarind-metals", "company/cobalt-congo", "facility/kolwezi-north-copper-operation"
    orion, nyanza = "company/orion-minerals", "company/nyanza-rare-earth"
    assert {("talks", tamarind, cobalt_congo), ("talks", cobalt_congo, tamarind)} & relations  # "A and B are in talks"
    assert {
        ("operates", tamarind, kolwezi),  # "The partners run": the two talking
        ("operates", cobalt_congo, kolwezi),
        ("invested", cobalt_congo, kolwezi),  # "…, Cobalt Congo 30%": its verb gapped
        ("invested", "company/sodimico", cobalt_congo),  # "was part of Sodimico until 2022"
        ("invested", "country/ZM", "company/zccm-xr"),  # "ZCCM-XR": one name
        ("invested", orion, nyanza),  # "its parent Orion Minerals"
        ("supplies", orion, nyanza),  # "agreed to pay … for rare earth concentrate": the payee supplies it
    } <= relations
    assert {r for r in relations if r[0] == "agreement" and {r[1], r[2]} == {orion, nyanza}}  # "has agreed to": the deal is made
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert figures[Decimal(40_000)]["metric"] == "mine-production"  # "produced … in 2024", not the capacity after it
    assert (figures[Decimal(500_000_000)]["metric"], figures[Decimal(500_000_000)]["subject"]) == (
        "funding-amount",
        "facility/lumbo-copper-mine",
    )  # "has approved about $500 million to expand its Lumbo copper mine"
    shares = {(f["stake"]["holder"], f["stake"].get("share")) for f in facts if "stake" in f}
    assert (cobalt_congo, Decimal(30)) in shares
    supplied = [f["supply"] for f in facts if f.get("supply", {}).get("supplier") == orion]
    assert supplied[0]["material"] == "material/rare-earth-ore"  # the ontology's "rare earth concentrate"
    located = {tuple(t) for f in facts for t in f.get("triples", []) if t[1] == "locatedIn"}
    assert ("facility/bayan-hua-mine", "locatedIn", "region/inner-mongolia") in located  # not Mongolia


def test_a_planned_mine_of_its_own_and_two_export_controls_of_one_sentence_each_with_its_date(extractor: Extractor) -> None:
    text = (
        "Copperhead Mining, a joint venture of Alba Metals and Norvik, is seeking permits for its planned Redstone copper mine"
        " near Globe.\n"
        "Kazakhstan has required licences for exports of tungsten since March 2024, and it banned tungsten shipments to Japan"
        " in May 2025.\n"
    )
    facts = _drafted(extractor, text)
    operated = [f for f in facts if ["company/copperhead-mining", "operates", "facility/redstone-copper-mine"] in f.get("triples", [])]
    assert operated and operated[0]["modality"] == "planned"  # "its planned Redstone copper mine"
    events = {}
    for f in facts:
        for node, predicate, value in f.get("triples", []):
            if node.startswith("event/"):
                events.setdefault(node, {}).setdefault(predicate, set()).add(value)
    assert sorted((e["date"], e.get("target", set())) for e in events.values()) == [
        ({"2024-03"}, set()),  # the licences: no target, their own date
        ({"2025-05"}, {"country/JP"}),  # "banned tungsten shipments to Japan in May 2025"
    ]


def test_a_lease_holders_project_near_a_town_a_buyer_of_the_company_places_in_a_list_and_a_shareholder_named_after_whose(
    extractor: Extractor,
) -> None:
    text = (
        "The U.S. Interior Department has renewed three mineral leases held by Pine Metals Wisconsin for its zinc and lead"
        " project near Crandon.\n"
        "Pine Metals is a subsidiary of Peruvian miner Volcan, which bought the company in 2019.\n"
        "Cobalt Asia sells most of its ore to buyers in China and Korea, and holds a 20% stake in Iron Bay Cobalt, whose other"
        " shareholder is Hanwa Metals.\n"
        "Iron Bay Cobalt ships cobalt to Hanwa Metals' Osaka refinery in Japan.\n"
        "Vietnam imported a record 2 million tonnes of cobalt ore from Laos last year as domestic mining slowed.\n"
        "Kowloon Graphite has secured a $90 million debt package from the Export-Import Bank of Korea for its Ruvu graphite project.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    pine, project = "company/pine-metals-wisconsin", "facility/zinc-and-lead-project-near-crandon"
    assert {
        ("operates", pine, project),  # "leases held by X for its … project"
        ("invested", "company/volcan", pine),  # "Pine Metals": the name without the place closing it
        ("agreement", "company/volcan", pine),  # "which bought the company": the one the sentence is about
        ("invested", "company/cobalt-asia", "company/iron-bay-cobalt"),  # not Korea, where its buyers are
        ("invested", "company/hanwa-metals", "company/iron-bay-cobalt"),  # "whose other shareholder is"
        ("supplies", "company/iron-bay-cobalt", "company/hanwa-metals"),  # "to Hanwa Metals' Osaka refinery"
    } <= relations
    assert not {r for r in relations if r[0] == "invested" and r[1] == "country/KR"}
    assert ("agency", "U.S. Interior Department") in {(m.kind, m.text) for m in result.mentions}
    facts = _drafted(extractor, text)
    located = {tuple(t) for f in facts for t in f.get("triples", []) if t[1] == "locatedIn"}
    assert (project, "locatedIn", "city/crandon") in located  # a town the graph lacks, named in the description
    known_plant = extractor.extract("Lynas also has a refining plant in Malaysia.\n")  # a facility the graph names so: no town
    assert not {m for m in known_plant.mentions if m.kind == "city"}
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert Decimal(2_000_000) not in figures  # an import volume is no one's output
    assert figures[Decimal(90_000_000)]["subject"] == "company/kowloon-graphite"  # a loan package is no programme
    assert not {m for m in result.mentions if m.kind == "programme"}


def test_a_possessive_in_a_mines_name_a_parent_by_the_first_word_processing_at_its_plant_and_a_commissioner(
    extractor: Extractor,
) -> None:
    text = (
        "Hudson Base Metals has started production at the Kettle Creek underground deposit at its Bear's Bay nickel mine in"
        " Labrador.\n"
        "Hudson Base Metals is 15% owned by Qatar's Al Rayan Mining, and Hudson holds the rest.\n"
        "Nickel concentrate from Bear's Bay is processed at Hudson's Goose Harbour plant in Newfoundland.\n"
        "Trade Commissioner Maros Sefcovic said the European Commission would respond.\n"
    )
    relations = _relations(extractor.extract(text))
    unit, parent, mine = "company/hudson-base-metals", "company/hudson", "facility/bear-s-bay-nickel-mine"
    assert {
        ("operates", unit, mine),  # "its Bear's Bay nickel mine": one name
        ("operates", unit, "facility/kettle-creek-underground-deposit"),  # "has started production at"
        ("invested", parent, unit),  # "and Hudson holds the rest": another company than the one named in full before
        ("operates", parent, "facility/goose-harbour-plant"),
        ("supplies", unit, parent),  # "concentrate from Bear's Bay is processed at Hudson's … plant"
        ("position", "person/maros-sefcovic", "agency/european-commission"),
    } <= relations
    located = {tuple(t) for f in _drafted(extractor, text) for t in f.get("triples", []) if t[1] == "locatedIn"}
    assert (mine, "locatedIn", "region/labrador") in located


def test_an_expansion_approved_partners_of_a_memorandum_by_alias_planned_shares_and_a_price_of_the_articles_material(
    extractor: Extractor,
) -> None:
    text = (
        "Ridgeway Mining has approved a $900 million expansion of its Kafue nickel mine.\n"
        "Ridgeway Metals and Gulf Mining Company, known as Gulfmin, have signed a memorandum of understanding to build a"
        " smelter in Oman.\n"
        "Gulfmin would own 60% of the smelter and Ridgeway Metals 40%, the companies said.\n"
        "Ridgeway Mining also mines molybdenum at Kafue, and its molybdenum output rose.\n"
        "Prices of ammonium molybdate in Europe rose to $45 per metric tonne unit this week.\n"
    )
    relations = _relations(extractor.extract(text))
    smelter, gulf, ridgeway = "facility/smelter-in-oman", "company/gulf-mining-company", "company/ridgeway-metals"
    assert {("operates", gulf, smelter), ("operates", ridgeway, smelter)} <= relations  # the alias is the same party
    facts = _drafted(extractor, text)
    stakes = {(f["stake"]["holder"], f["stake"].get("share"), f.get("modality")) for f in facts if "stake" in f}
    assert {(gulf, Decimal(60), "planned"), (ridgeway, Decimal(40), "planned")} <= stakes  # "would own 51% of the refinery and B 49%"
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert (figures[Decimal(900_000_000)]["metric"], figures[Decimal(900_000_000)]["subject"]) == (
        "funding-amount",
        "facility/kafue-nickel-mine",
    )  # "has approved a $900 million expansion of its Kafue nickel mine"
    assert (figures[Decimal(45)]["metric"], figures[Decimal(45)]["subject"]) == ("price", "material/molybdenum")


def test_their_named_venture_a_sized_reserve_and_a_countrys_output_past_the_mine_it_comes_from(extractor: Extractor) -> None:
    text = (
        "Kestrel Minerals and Volkswagen's battery unit PowerCell have expanded their cathode materials joint venture, NEOCAT.\n"
        "Canada will set up a C$2 billion Critical Minerals Reserve to buy graphite from local producers.\n"
        "Chile produced about 5.3 million tonnes of copper last year, almost all of it from Codelco's El Teniente mine.\n"
    )
    relations = _relations(extractor.extract(text))
    assert not {r for r in relations if r[0] == "agreement"}  # "their … joint venture": a holding they share, no new deal
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert (figures[Decimal(2_000_000_000)]["metric"], figures[Decimal(2_000_000_000)]["subject"]) == (
        "funding-amount",
        "programme/critical-minerals-reserve",
    )  # "a C$2 billion Critical Minerals Reserve": the reserve's size
    assert figures[Decimal(5_300_000)]["subject"] == "country/CL"  # the country's output, not the mine's


def test_a_shareholder_by_apposition_a_plant_referred_to_since_a_refinery_and_a_first_in_decades(extractor: Extractor) -> None:
    text = (
        "Boreal Metals has opened the Pine Ridge mine near Timmins, the first new nickel mine in Canada in more than 40 years.\n"
        "Boreal will build a pilot plant at its Kirkland alumina refinery in Ontario.\n"
        "Boreal has signed an agreement with Norwood Chemicals to build and run the plant.\n"
        "The Canadian and Ontario governments will each contribute C$5 million to the project.\n"
        "Trafigura, Boreal's largest shareholder, owns about 25% of the company.\n"
    )
    relations = _relations(extractor.extract(text))
    boreal = "company/boreal-metals"
    assert {
        ("operates", boreal, "facility/kirkland-alumina-refinery"),  # "its Kirkland alumina refinery": a name with its product
        ("invested", "company/trafigura", boreal),  # "Trafigura, Boreal's largest shareholder,": a company the apposition names
    } <= relations
    assert not {r for r in relations if r[0] == "invested" and r[1] == boreal}  # "owns … of the company": Boreal, not the holder
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert (figures[Decimal(5_000_000)]["metric"], figures[Decimal(5_000_000)]["subject"]) == (
        "funding-amount",
        "facility/pilot-plant",
    )  # "contribute C$5 million to the project": the plant "the plant" referred to, not the refinery named after it
    assert Decimal(40) not in figures  # "the first … in more than 40 years": no time anything took
    shares = {(f["stake"]["holder"], f["stake"].get("share")) for f in facts if "stake" in f}
    assert ("company/trafigura", Decimal(25)) in shares


def test_his_government_a_three_word_name_a_restart_let_a_source_named_and_what_a_plant_which_could_make(
    extractor: Extractor,
) -> None:
    text = (
        "Chile's government is considering allowing Andes Copper to restart the Cerro Azul copper mine, one of the few"
        " sources of molybdenum outside China.\n"
        "Concentrate from the mine will be processed at Andes Copper's planned smelter in Antofagasta, which could make"
        " about 200,000 tonnes of copper a year.\n"
        "President Maria Elena Soto said her government would hold talks with Andes Copper this year.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    andes, chile = "company/andes-copper", "country/CL"
    assert ("operates", andes, "facility/cerro-azul-copper-mine") in relations
    assert not {r for r in relations if r[0] == "operates" and r[1] == chile}  # "considering allowing X to restart": X would run it
    assert not {r for r in relations if r[0] == "supplies"}  # "one of the few sources of …": no purchase
    assert ("talks", andes, chile) in relations or ("talks", chile, andes) in relations  # "her government": the President's country
    assert ("position", "person/maria-elena-soto", chile) in relations  # a name of three words
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert figures[Decimal(200_000)]["subject"] == "facility/smelter-in-antofagasta"  # ", which could make": the smelter's


def test_a_project_named_after_its_region_and_a_clause_of_its_own_after_a_commitment(extractor: Extractor) -> None:
    text = (
        "Canada has awarded a C$80 million grant to Prairie Brine, a joint venture of Grand Lithium and Norway's Nordvik,"
        " for its North Saskatchewan project.\n"
        "The project is expected to produce 10,000 tonnes of lithium carbonate a year.\n"
        "Grand Lithium will supply lithium carbonate to the U.S. Navy under a contract signed in 2025, and it buys brine"
        " from Cenovus.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    project = "facility/north-saskatchewan-project"
    assert ("operates", "company/prairie-brine", project) in relations  # "its North Saskatchewan project": a name
    assert ("supplies", "company/cenovus", "company/grand-lithium") in relations  # "… to the U.S. Navy, and it buys": not the Navy
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert figures[Decimal(10_000)]["subject"] == project  # "The project": the one named
    bought = next(f for f in facts if f.get("supply", {}).get("supplier") == "company/cenovus")
    assert bought.get("modality", "stated") == "stated"  # "will … under a contract" is the other clause's


def test_a_buyer_by_relative_clause_an_owner_by_wealth_a_described_gapped_holder_and_a_clause_apart(extractor: Extractor) -> None:
    text = (
        "Nordic Graphite has signed a supply agreement with carmaker Volvo Cars, which could buy up to 5,000 tonnes of"
        " anode material a year.\n"
        "Kivu Metals, a mining company backed by investor group Orion, plans to spend $1.2 billion to develop the Kasenga"
        " copper deposit in Congo.\n"
        "Kivu owns 80% of the project and Congo's state mining company Congo Mining Holdings 20%.\n"
        "The mine could produce about 150,000 tonnes of copper a year.\n"
        "Kivu Metals is owned by billionaire Robert Friedland's Ivanhoe Mines.\n"
        "China supplies about 90% of the world's gallium, and the United States has charged duties on Chinese gallium.\n"
    )
    relations = _relations(extractor.extract(text))
    deposit = "facility/kasenga-copper-deposit"
    assert {
        ("supplies", "company/nordic-graphite", "company/volvo-cars"),  # "with Volvo Cars, which could buy": Volvo buys
        ("invested", "company/congo-mining-holdings", deposit),  # "and Congo's state mining company X 20%": its verb gapped
        ("invested", "person/robert-friedland", "company/ivanhoe-mines"),  # "billionaire Robert Friedland's Ivanhoe Mines"
    } <= relations
    assert not {r for r in relations if r[0] == "supplies" and r[2] == "country/US"}  # the next clause names no customer
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert figures[Decimal(1_200_000_000)]["subject"] == deposit  # "to spend … to develop the X deposit": not the backer's
    assert figures[Decimal(150_000)]["subject"] == deposit  # "The mine": the deposit being developed
    assert (figures[Decimal(90)]["metric"], figures[Decimal(90)]["subject"]) == ("production-share", "country/CN")
    shares = {(f["stake"]["holder"], f["stake"].get("share")) for f in facts if "stake" in f}
    assert ("company/congo-mining-holdings", Decimal(20)) in shares


def test_money_of_the_investee_a_company_bought_past_its_country_a_mine_named_after_a_country_and_money_spent_building(
    extractor: Extractor,
) -> None:
    text = (
        "Toyota's battery unit PrimeCell has agreed to invest C$40 million in Nordic Lithium Metals for a 9.5% stake.\n"
        "Boreal Uranium also bought Australia's Deep Yellow Energy in 2023 for about A$900 million.\n"
        "Highland Copper has started production at its Ridgeline copper project in Nevada.\n"
        "Highland spent about $180 million building the commercial facility.\n"
        "Highland also runs the Panama copper mine in British Columbia.\n"
    )
    relations = _relations(extractor.extract(text))
    assert ("agreement", "company/boreal-uranium", "company/deep-yellow-energy") in relations  # bought past "Australia's"
    assert not {r for r in relations if r[0] == "supplies"}  # a company bought, no material
    assert ("operates", "company/highland-copper", "facility/panama-copper-mine") in relations  # a mine named after a country
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert figures[Decimal(40_000_000)]["subject"] == "company/nordic-lithium-metals"  # the investee, not the parent's unit
    assert figures[Decimal(180_000_000)]["subject"] == "facility/ridgeline-copper-project"  # "spent … building the … facility"


def test_a_stake_sold_to_a_buyer_holders_past_a_relative_clause_a_unit_by_initials_and_a_gapped_passive_share(
    extractor: Extractor,
) -> None:
    text = (
        "Cascade Copper has agreed to sell a 25% stake in its Red Ridge project in Nevada to Sumitomo Corporation for"
        " $400 million, the Canadian miner said.\n"
        "The Kiwi uranium mine in Namibia, which is majority owned by China Nuclear Fuel Group, produced 2,000 tonnes of"
        " uranium oxide last year.\n"
        "Kiwi Uranium, which runs the mine, is 85% owned by Orion Minerals, a CNF unit, and 15% by Namibia's state mining"
        " company Epangelo Resources.\n"
        "Atlas Graphite has secured a loan from Brazil's development bank BNDES to build its Lagoa graphite project.\n"
        "Japan's Itochu and Chinese battery maker Putailai each own about 8% of Atlas Graphite.\n"
    )
    relations = _relations(extractor.extract(text))
    project, mine = "facility/red-ridge-project", "facility/kiwi-uranium-mine"
    assert {
        ("invested", "company/sumitomo", project),  # "sell a 25% stake in X to Y": the buyer's to be
        ("invested", "company/china-nuclear-fuel-group", mine),  # "majority owned by": a holding, no operator
        ("invested", "company/orion-minerals", "company/kiwi-uranium"),  # past ", which runs the mine,"
        ("invested", "company/epangelo-resources", "company/kiwi-uranium"),  # "…, and 15% by Namibia's state … company X"
        ("operates", "company/atlas-graphite", "facility/lagoa-graphite-project"),  # not the bank's it borrows from
        ("invested", "company/itochu", "company/atlas-graphite"),  # "Japan's Itochu and Chinese battery maker Putailai"
    } <= relations
    assert ("invested", "company/cascade-copper", project) not in relations  # the seller's stake is not the one sold
    assert not {r for r in relations if r[0] == "operates" and r[1] == "company/china-nuclear-fuel-group"}
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert figures[Decimal(400_000_000)]["metric"] == "agreement-value"  # the price of the stake sold
    shares = {(f["stake"]["holder"], f["stake"]["investee"], f["stake"].get("share")) for f in facts if "stake" in f}
    assert {
        ("company/sumitomo", project, Decimal(25)),
        ("company/epangelo-resources", "company/kiwi-uranium", Decimal(15)),
        ("company/itochu", "company/atlas-graphite", Decimal(8)),
    } <= shares


def test_a_passive_sale_under_offtakes_mines_bought_from_a_seller_a_former_owner_and_the_rest_gapped(extractor: Extractor) -> None:
    text = (
        "Kalahari Copper runs the Tau mine in Botswana.\n"
        "Tau's copper concentrate is sold to traders including Gunvor and Mercuria under offtake agreements.\n"
        "Kalahari Copper also owns the NEVADA copper mines in Spain, which it bought from Gunvor in 2021 for $1.2 billion.\n"
        "Zambezi Energy has restarted its Chilembwe uranium mine, which was shut in 2015 by its former owner Kestrel Energy.\n"
        "The Malawi government holds a 15% stake in the mine, and Zambezi Energy the rest.\n"
        "Zambezi Energy has signed supply contracts with two U.S. utilities.\n"
        "Ridge Lithium has signed a memorandum with Hydro-Ontario to supply power to the site.\n"
    )
    relations = _relations(extractor.extract(text))
    kalahari, zambezi, mine = "company/kalahari-copper", "company/zambezi-energy", "facility/chilembwe-uranium-mine"
    assert {
        ("supplies", kalahari, "company/gunvor"),  # "Tau's … concentrate is sold to traders including A and B": the operator's
        ("supplies", kalahari, "company/mercuria"),
        ("agreement", kalahari, "company/mercuria"),  # "under offtake agreements": one with each buyer, not between them
        ("operates", kalahari, "facility/nevada-copper-mines"),  # a name in capitals, "mines"
        ("agreement", kalahari, "company/gunvor"),  # "which it bought from Gunvor": the buyer and the seller
        ("operates", "company/kestrel-energy", mine),  # "its former owner Kestrel Energy"
        ("invested", zambezi, mine),  # "…, and Zambezi Energy the rest"
    } <= relations
    assert ("agreement", "company/gunvor", "company/mercuria") not in relations
    assert not {r for r in relations if r[0] == "supplies" and r[2] == kalahari}  # the mines bought are no material
    assert not {r for r in relations if r[0] == "agreement" and "country/US" in r}  # "with two U.S. utilities": unnamed
    assert not {r for r in relations if r[0] == "supplies" and "company/ridge-lithium" in r}  # power is no material


def test_a_unit_named_with_particles_an_operator_said_the_other_share_and_an_investor_who_owns(extractor: Extractor) -> None:
    text = (
        "Baobab Lithium runs the Kita mine in Mali.\n"
        "China's Yahua Mining owns 60% of Baobab Lithium's Mali unit, Societe des Mines de Kita, and the Malian state"
        " holds 10%.\n"
        "The Cuajone copper mine in southern Peru produced about 150,000 tonnes of copper last year, its operator Andes"
        " Copper Mining said.\n"
        "Andes Copper Mining owns 70% of the mine and Japan's Sumitomo Corporation the other 30%.\n"
        "Its largest shareholder is Australian investor Mark Chalmers, who owns about 12% of the company.\n"
    )
    relations = _relations(extractor.extract(text))
    unit, mine, andes = "company/societe-des-mines-de-kita", "facility/cuajone-copper-mine", "company/andes-copper-mining"
    assert {
        ("invested", "company/baobab-lithium", unit),  # "Baobab Lithium's Mali unit, Societe des Mines de Kita": its unit
        ("invested", "company/yahua-mining", unit),  # "owns 60% of X's Mali unit, Y": of the unit
        ("operates", andes, mine),  # "its operator Andes Copper Mining said"
        ("invested", "company/sumitomo", mine),  # "and Japan's Sumitomo Corporation the other 30%"
        ("invested", "person/mark-chalmers", andes),  # "investor Mark Chalmers, who owns …"
    } <= relations
    assert ("invested", "company/yahua-mining", "company/baobab-lithium") not in relations
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert figures[Decimal(150_000)]["subject"] == mine  # the mine's, not "southern Peru"'s


def test_a_state_company_by_role_an_expansions_cost_a_change_by_tonnes_and_a_mine_bought_past_its_article(
    extractor: Extractor,
) -> None:
    text = (
        "Peru's state mining company Activos Mineros is the country's largest copper miner.\n"
        "Cordillera Copper has finished a desalination plant for its Cerro Alto copper mine in Chile.\n"
        "The $1.5 billion expansion will lift the mine's output by about 40,000 tonnes of copper a year.\n"
        "Cordillera Copper bought the nearby Mina Norte diamond mine from Stornoway in 2023 and plans to process ore at"
        " Mina Norte's plant.\n"
    )
    relations = _relations(extractor.extract(text))
    cordillera = "company/cordillera-copper"
    assert {
        ("invested", "country/PE", "company/activos-mineros"),  # "state mining company X": a name its role calls a company
        ("operates", cordillera, "facility/mina-norte-diamond-mine"),  # "bought the nearby X mine": the buyer's
        ("agreement", cordillera, "company/stornoway"),
    } <= relations
    assert not {r for r in relations if r[0] == "supplies"}  # a mine bought is no material bought
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f["figure"] for f in facts if "figure" in f}
    assert (figures[Decimal(1_500_000_000)]["metric"], figures[Decimal(1_500_000_000)]["subject"]) == (
        "funding-amount",
        "facility/cerro-alto-copper-mine",
    )  # "The $1.5 billion expansion will lift the mine's output"
    assert Decimal(40_000) not in figures  # "lift … output by about 40,000 tonnes": a change, no capacity


def test_a_sale_from_a_project_a_largest_shareholder_a_company_named_like_a_town_and_a_refinery_under_study(
    extractor: Extractor,
) -> None:
    text = (
        "Macon Resources has agreed to sell lithium hydroxide from its Keller project in Bavaria to Audi under a"
        " five-year contract.\n"
        "Macon is also the largest shareholder in Nordic Metals.\n"
        "Macon's largest shareholder, German energy company Uniper, owns about 12% of the company.\n"
        "Macon expects the mine to produce about 20,000 tonnes of lithium hydroxide a year once it starts in 2028.\n"
        "Macon has signed an agreement with Eramet to study building a lithium refinery in Germany together.\n"
    )
    relations = _relations(extractor.extract(text))
    macon = "company/macon-resources"
    assert {
        ("supplies", macon, "company/audi"),  # "sell lithium hydroxide from its Keller project … to Audi": a material, not the project
        ("invested", macon, "company/nordic-metals"),  # "the largest shareholder in X"
        ("invested", "company/uniper", macon),  # "Macon's largest shareholder, … Uniper, owns … of the company": Macon
    } <= relations
    facts = _drafted(extractor, text)
    capacity = next(f for f in facts if f.get("figure", {}).get("value") == Decimal(20_000))
    assert capacity.get("modality") == "expected"  # "expects the mine to produce … once it starts": no past state
    studied = [f for f in facts if any(t[1] == "operates" and "refinery" in t[2] for t in f.get("triples", []))]
    assert studied and all(f.get("modality") == "possibility" for f in studied)  # "to study building a refinery"


def test_halves_held_a_ban_on_imports_and_a_plant_of_the_partner_named_for_the_work(extractor: Extractor) -> None:
    text = (
        "Tundra Metals and Australia's Coolgardie Mining each own half of Kobuk Metals, the company developing the Bornite"
        " copper project.\n"
        "Russia's Atomex supplied Orano with enriched uranium until the United States banned Russian uranium imports in"
        " 2024.\n"
        "The U.S. Department of Energy has extended its contract with Centrus Energy to produce uranium at its plant in"
        " Piketon.\n"
    )
    relations = _relations(extractor.extract(text))
    assert {
        ("invested", "company/tundra-metals", "company/kobuk-metals"),  # "each own half of X": a holding each
        ("invested", "company/coolgardie-mining", "company/kobuk-metals"),
        ("operates", "company/kobuk-metals", "facility/bornite-copper-project"),  # not the holders'
        ("restricts", "country/US", "country/RU"),  # "banned Russian uranium imports": the US's ban, of Russia's
        ("operates", "company/centrus-energy", "facility/plant-in-piketon"),  # "with Centrus to produce … at its plant"
    } <= relations
    assert not {r for r in relations if r[0] == "supplies" and r[1] == "country/US"}  # a ban on imports is no supply
    assert ("operates", "agency/us-department-of-energy", "facility/plant-in-piketon") not in relations


def test_a_share_of_output_bought_and_a_non_binding_sale(extractor: Extractor) -> None:
    text = (
        "Borealis Nickel is developing the Kettle nickel project near Kapuskasing, Ontario.\n"
        "Under the deal, Hanwha Solutions will buy 15% of the mine's nickel output for eight years.\n"
        "Borealis has signed a non-binding agreement to sell nickel concentrate to Gunvor.\n"
    )
    extraction = extractor.extract(text)
    relations = _relations(extraction)
    assert ("supplies", "company/borealis-nickel", "company/hanwha-solutions") in relations  # the mine's operator sells
    assert ("agreement", "company/borealis-nickel", "company/gunvor") in relations
    assert ("supplies", "company/borealis-nickel", "company/gunvor") not in relations  # non-binding: the agreement, no supply
    facts = _drafted(extractor, text)
    assert not [f for f in facts if f.get("figure", {}).get("value") == Decimal(15)]  # a share bought, no one's production share


def test_an_approved_plant_a_town_by_its_bearing_a_fund_named_facility_and_owners_listed_in_a_clause(
    extractor: Extractor,
) -> None:
    text = (
        "Corella Graphite has received environmental approval for an anode material plant at Kelby, north of Marrowdale,"
        " the company said.\n"
        "Export Finance Australia has approved a loan of A$90 million to Corella under the government's Critical Minerals"
        " Facility.\n"
        "Fjordgraf, which is owned by Statkraft, Orkla and investment firm Herkules, will supply the material from a plant"
        " it plans to build in Manitoba.\n"
        "Elbtal Lithium has won a grant for its lithium project near Geising in Saxony.\n"
    )
    extraction = extractor.extract(text)
    kinds = {m.text: m.kind for m in extraction.mentions}
    assert kinds.get("Marrowdale") == "city"  # "north of Marrowdale": a town, not a company
    assert "Critical Minerals Facility" not in kinds  # a fund a loan is made under, no plant
    assert kinds.get("Saxony") == "region"  # a German state by its English name
    relations = _relations(extraction)
    assert ("operates", "company/corella-graphite", "facility/anode-material-plant-at-kelby") in relations  # approved: its plant
    assert {
        ("invested", "company/statkraft", "company/fjordgraf"),  # each owner the clause lists
        ("invested", "company/orkla", "company/fjordgraf"),
        ("invested", "company/herkules", "company/fjordgraf"),
        ("operates", "company/fjordgraf", "facility/plant-in-manitoba"),  # "a plant it plans to build": the subject's, not Herkules's
        ("operates", "company/elbtal-lithium", "facility/lithium-project-near-geising"),  # "its lithium project near Geising"
    } <= relations
    assert not {r for r in relations if r[0] == "supplies" and r[1] == "company/herkules"}


def test_the_concentrate_bought_a_costed_plant_a_stake_purchase_output_raised_and_a_scrapped_plan(extractor: Extractor) -> None:
    text = (
        "Australia's Kestrel Lithium has started producing lithium concentrate at its Salar Blanco project in Argentina.\n"
        "China's Sichuan Yahong Chemical has agreed to buy the concentrate under a five-year offtake agreement.\n"
        "Borvik Anodes will build a $650 million synthetic graphite anode plant in Tifton, the company said.\n"
        "Gulf Metals Holding has completed its purchase of a 40% stake in Chambishi Copper for $300 million.\n"
        "Gulf Metals has said it will invest about $2 billion to raise Chambishi's copper output to 150,000 tonnes a year.\n"
        "Norrland Metals and Rhein Chemie have scrapped plans to build a $1.2 billion cobalt refinery in Finland.\n"
    )
    relations = _relations(extractor.extract(text))
    assert {
        ("supplies", "company/kestrel-lithium", "company/sichuan-yahong-chemical"),  # "buy the concentrate": the text's company's
        ("agreement", "company/sichuan-yahong-chemical", "company/kestrel-lithium"),
        ("operates", "company/borvik-anodes", "facility/synthetic-graphite-anode-plant-in-tifton"),
    } <= relations
    assert not {r for r in relations if r[0] == "supplies" and "chambishi" in r[1]}  # a stake bought is no material bought
    figures = {f["value"]: f for f in _drafted_figures(extractor, text)}
    assert (figures[Decimal(650_000_000)]["metric"], figures[Decimal(650_000_000)]["subject"]) == (
        "funding-amount",
        "facility/synthetic-graphite-anode-plant-in-tifton",
    )  # what the plant costs
    assert figures[Decimal(2_000_000_000)]["subject"] == "company/chambishi-copper"  # "to raise Chambishi's copper output"
    assert (figures[Decimal(150_000)]["metric"], figures[Decimal(150_000)]["subject"]) == (
        "production-capacity",
        "company/chambishi-copper",
    )
    assert Decimal(1_200_000_000) not in figures  # the cost of a plan given up


def test_a_holder_in_an_aside_the_rest_of_a_possessed_holder_mines_named_as_a_pair_and_a_plant_of_the_seller(
    extractor: Extractor,
) -> None:
    text = (
        "Konkola Copper Mines is Zambia's second-largest copper producer.\n"
        "Sterlite Metals, controlled by Indian billionaire Ravi Mehta, owns 79.4% of KCM, and Zambia's ZCCM Investments"
        " Holdings the rest.\n"
        "Sterlite plans to invest about $1 billion in KCM over five years to lift copper output to 300,000 tonnes a year.\n"
        "KCM runs the Chingola and Konkola mines in the Copperbelt province.\n"
        "Kainuu Nickel has agreed to supply nickel sulphate to French carmaker Renault from its chemicals plant in Sotkamo.\n"
    )
    relations = _relations(extractor.extract(text))
    kcm = "company/konkola-copper-mines"
    assert {
        ("invested", "person/ravi-mehta", "company/sterlite-metals"),  # "X, controlled by … Ravi Mehta, owns": his holding
        ("invested", "company/sterlite-metals", kcm),
        ("invested", "company/zccm-investments-holdings", kcm),  # "and Zambia's ZCCM … the rest": of KCM, not Sterlite
        ("operates", kcm, "facility/chingola"),  # "the Chingola and Konkola mines": two mines, not the company again
        ("operates", kcm, "facility/konkola"),
        ("operates", "company/kainuu-nickel", "facility/chemicals-plant-in-sotkamo"),  # the seller's plant, not the buyer's
    } <= relations
    assert ("invested", "company/zccm-investments-holdings", "company/sterlite-metals") not in relations
    figures = {f["value"]: f for f in _drafted_figures(extractor, text)}
    assert figures[Decimal(300_000)]["subject"] == kcm  # "invest … in KCM … to lift copper output to 300,000 tonnes"


def test_money_in_crowns_and_forints_spent_at_a_smelter_and_a_plant_described_again(extractor: Extractor) -> None:
    text = (
        "Norrbotten Metals will spend about 2 billion crowns to expand copper recycling at its Kallax smelter near Lulea.\n"
        "Fjord Batteries will invest 1.2 billion Norwegian crowns in its Mo i Rana cathode plant.\n"
        "Korea's Daejin Cathode has opened a cathode materials plant in Nyiregyhaza, eastern Hungary, its first factory in"
        " Europe.\n"
        "The Hungarian government gave the project a grant of about 40 billion forints.\n"
    )
    extraction = extractor.extract(text)
    assert "first factory in Europe" not in {m.text for m in extraction.mentions}  # the plant before, described again
    assert "Norwegian" not in {m.text for m in extraction.mentions}  # whose crowns, no country of the text's
    figures = {f["value"]: f for f in _drafted_figures(extractor, text)}
    assert (figures[Decimal(2_000_000_000)]["unit"], figures[Decimal(2_000_000_000)]["subject"]) == (
        "SEK",
        "facility/kallax-smelter",
    )  # "to expand copper recycling at its Kallax smelter": money put into the smelter
    assert figures[Decimal(1_200_000_000)]["unit"] == "NOK"
    assert (figures[Decimal(40_000_000_000)]["unit"], figures[Decimal(40_000_000_000)]["subject"]) == (
        "HUF",
        "facility/cathode-materials-plant-in-nyiregyhaza",
    )


def test_a_stake_sold_to_a_possessed_buyer_a_stage_spent_on_and_its_chairman(extractor: Extractor) -> None:
    text = (
        "Australia's Kalbar Minerals has agreed to sell a 60% stake in its Lurio graphite project in Mozambique to China's"
        " Hunan Jintai Carbon for $9.5 million.\n"
        "Andes Lithium has produced the first lithium carbonate at its Laguna Blanca project in Salta province.\n"
        "The first stage is designed to make about 12,000 tonnes of lithium carbonate a year.\n"
        "Andes Lithium expects to spend about $800 million on a second stage.\n"
        "Kanak Nickel, which runs the Tiebaghi mine in New Caledonia's Northern Province, is seeking a partner, its chairman"
        " Paul Lemaire said.\n"
    )
    relations = _relations(extractor.extract(text))
    assert {
        ("agreement", "company/kalbar-minerals", "company/hunan-jintai-carbon"),  # "to China's Hunan Jintai Carbon": the buyer
        ("invested", "company/hunan-jintai-carbon", "facility/lurio-graphite-project"),
        ("position", "person/paul-lemaire", "company/kanak-nickel"),  # "its chairman": the company's, not New Caledonia's
    } <= relations
    assert ("invested", "company/kalbar-minerals", "facility/lurio-graphite-project") not in relations  # the stake sold
    figures = {f["value"]: f for f in _drafted_figures(extractor, text)}
    assert figures[Decimal(12_000)]["subject"] == "facility/laguna-blanca-project"  # "The first stage": the project's
    assert figures[Decimal(800_000_000)]["subject"] == "facility/laguna-blanca-project"  # "spend … on a second stage"


def test_a_deals_worth_to_a_buyer_plants_in_a_city_and_control_of_works(extractor: Extractor) -> None:
    text = (
        "South Korea's Daehan Cathode has signed a deal to supply cathode materials worth about $1.4 billion to Rivian over"
        " three years.\n"
        "Daehan makes the cathodes at its plants in Gumi.\n"
        "Uralchem took control of the Berezniki Titanium Works in 2022.\n"
    )
    extraction = extractor.extract(text)
    relations = _relations(extraction)
    assert {
        ("agreement", "company/daehan-cathode", "company/rivian"),
        ("operates", "company/daehan-cathode", "facility/plants-in-gumi"),  # "its plants in Gumi": its works there
        ("operates", "company/uralchem", "facility/berezniki-titanium-works"),  # "took control of … Works": runs them
    } <= relations
    figures = {f["value"]: f for f in _drafted_figures(extractor, text)}
    assert figures[Decimal(1_400_000_000)]["metric"] == "agreement-value"
    assert figures[Decimal(1_400_000_000)]["subject"].startswith("agreement/")  # the deal's value, not Rivian's money


def test_an_article_on_battery_materials_and_the_time_to_build_a_project(extractor: Extractor) -> None:
    text = (
        "Chinese Battery Maker to Build Complex in Egypt\n\n"
        "CAIRO (Newswire) - China's Huaxin Battery Materials will build a cathode materials complex at Ain Sokhna in Egypt"
        " with Elsewedy Electric, the companies said.\n"
        "The complex would make about 80,000 tonnes of cathode precursor a year.\n"
        "Borealis Uranium has received final approval for its Bear Creek uranium project in Wyoming.\n"
        "The project's Pine deposit holds uranium oxide.\n"
        "Borealis expects construction to take three years.\n"
    )
    extraction = extractor.extract(text)
    relations = _relations(extraction)
    complex_ = "facility/cathode-materials-complex-at-ain-sokhna"
    assert {  # a text on battery materials is read, not skipped as off-topic
        ("operates", "company/huaxin-battery-materials", complex_),
        ("operates", "company/elsewedy-electric", complex_),  # "… with Elsewedy Electric": both run it
    } <= relations
    figures = {f["value"]: f for f in _drafted_figures(extractor, text)}
    assert figures[Decimal(80_000)]["subject"] == complex_
    assert (figures[Decimal(3)]["metric"], figures[Decimal(3)]["subject"]) == (
        "development-time",
        "facility/bear-creek-uranium-project",
    )  # the project being built, not the deposit named last


def test_a_contract_extended_to_a_described_buyer_a_fund_described_by_its_country_and_money_for_roads(
    extractor: Extractor,
) -> None:
    text = (
        "Atlas Cobalt Extends Deal with Volvo\n\n"
        "CASABLANCA (Newswire) - Moroccan miner Atlas Cobalt has extended a contract to supply cobalt from its Tiznit mine"
        " to Swedish carmaker Volvo for five more years.\n"
        "Atlas Cobalt is majority-owned by Sahara Capital, a Moroccan investment fund.\n"
        "Under the new terms, the partners will invest up to $3 billion in roads and railways by 2035.\n"
    )
    relations = _relations(extractor.extract(text))
    assert {
        ("agreement", "company/atlas-cobalt", "company/volvo"),  # "to Swedish carmaker Volvo": the other party
        ("supplies", "company/atlas-cobalt", "company/volvo"),
        ("invested", "company/sahara-capital", "company/atlas-cobalt"),
    } <= relations
    assert ("invested", "country/MA", "company/atlas-cobalt") not in relations  # "a Moroccan investment fund" says whose fund
    figures = {f["value"] for f in _drafted_figures(extractor, text)}
    assert Decimal(3_000_000_000) not in figures  # money for roads: no one's the graph records


def test_three_parties_of_their_one_deal(extractor: Extractor) -> None:
    text = (
        "Zambia and a group of Chinese companies led by Sinosteel and China Nonferrous Group have agreed to revise their 2010"
        " copper-for-roads deal.\n"
        "Korea Zinc, Hanwha and Posco signed agreements with three U.S. smelters.\n"
    )
    relations = _relations(extractor.extract(text))
    assert {  # "their … deal": one deal of the three
        ("agreement", "country/ZM", "company/sinosteel"),
        ("agreement", "country/ZM", "company/china-nonferrous-group"),
        ("agreement", "company/sinosteel", "company/china-nonferrous-group"),
    } <= relations
    assert not {r for r in relations if r[0] == "agreement" and "korea-zinc" in r[1] and "posco" in r[2]}  # who with whom unsaid


def test_a_purchase_from_a_possessed_seller_loans_from_banks_led_by_one_and_a_name_in_capitals(extractor: Extractor) -> None:
    text = (
        "Alpha HPA Wins Loan for Plant\n\n"
        "BRISBANE (Newswire) - Export Finance Australia has agreed to lend Beta HPA A$300 million to build its alumina plant in"
        " Bundaberg.\n"
        "Beta HPA has signed an offtake agreement with Mitsui Chemicals.\n"
        "Jiangxi Copper has completed its purchase of the Kombat copper smelter in Namibia from Canada's Arctic Precious Metals"
        " for $52 million.\n"
        "Kazakhstan's state-owned Balkhash Mining and Metallurgical Complex has raised about $900 million in loans from a group"
        " of banks led by Citi to expand its Konyrat copper mine.\n"
        "Kazakhstan is also in talks with the United States on supplying critical minerals.\n"
    )
    relations = _relations(extractor.extract(text))
    balkhash = "company/balkhash-mining-and-metallurgical-complex"
    assert {
        ("operates", "company/beta-hpa", "facility/alumina-plant-in-bundaberg"),  # "lend Beta HPA … to build its plant"
        ("agreement", "company/jiangxi-copper", "company/arctic-precious-metals"),  # "from Canada's Arctic Precious Metals"
        ("operates", "company/jiangxi-copper", "facility/kombat-copper-smelter"),
        ("operates", balkhash, "facility/konyrat-copper-mine"),  # one name of two trades, not Citi's mine
    } <= relations
    assert not {r for r in relations if r[0] == "supplies"}  # a smelter bought, talks on supplying: no supply
    assert not {r for r in relations if "citi" in r[1]}  # the lenders' leader holds and runs nothing
    figures = {f["value"]: f for f in _drafted_figures(extractor, text)}
    assert figures[Decimal(300_000_000)]["subject"] == "company/beta-hpa"
    assert figures[Decimal(52_000_000)]["metric"] == "agreement-value"  # "its purchase of X from Y for $52 million"


def test_a_venture_with_a_corporation_a_reporting_chief_a_smelter_near_its_mine_and_a_share_of_profits(
    extractor: Extractor,
) -> None:
    text = (
        "Cobalt Blue Picks Site\n\n"
        "PERTH (Newswire) - Nickel Blue Holdings will build a nickel refinery in Kemerton in a joint venture with Japan's"
        " Kurata Corporation, chief executive Anna Holt said.\n"
        "The refinery would produce about 5,000 tonnes of nickel sulphate a year.\n"
        "Kurata will hold a 40% stake in the venture.\n"
        "Ulaan Copper plans to build a copper smelter near its mine by 2030.\n"
        "The province will receive 25% of the mine's profits.\n"
    )
    extraction = extractor.extract(text)
    relations = _relations(extraction)
    assert {
        ("agreement", "company/nickel-blue-holdings", "company/kurata-corporation"),  # "Kurata Corporation, chief …": a company
        ("position", "person/anna-holt", "company/nickel-blue-holdings"),  # the subject's chief, not the partner's
        ("operates", "company/ulaan-copper", "facility/copper-smelter"),  # "a copper smelter near its mine"
    } <= relations
    assert {r for r in relations if r[0] == "invested" and r[1] == "company/kurata-corporation" and "joint-venture" in r[2]}
    facts = _drafted(extractor, text)
    capacity = next(f for f in facts if f.get("figure", {}).get("value") == Decimal(5_000))
    assert capacity.get("modality") == "planned"  # "The refinery would produce": the planned plant's design
    assert Decimal(25) not in {f["figure"]["value"] for f in facts if "figure" in f}  # a share of profits: no metric


def test_the_company_inside_a_holders_clause_money_provided_a_conglomerate_and_ore_imported_for_a_refinery(
    extractor: Extractor,
) -> None:
    text = (
        "Coral Sea Metals plans to build a nickel refinery in Mackay.\n"
        "Ford, which holds about 12% of the company, had agreed to buy nickel from the refinery.\n"
        "The refinery would process ore imported from Indonesia.\n"
        "Chief executive Mark Dunn said the company was seeking partners.\n"
        "Russia will provide 15 billion roubles in state loans to Arctic Rare Metals.\n"
        "Arctic Rare Metals, a joint venture of state conglomerate Rostec and Polar Group, plans to start mining in 2029.\n"
    )
    relations = _relations(extractor.extract(text))
    coral = "company/coral-sea-metals"
    assert {
        ("invested", "company/ford", coral),  # "Ford, which holds about 12% of the company": the company the text is about
        ("position", "person/mark-dunn", coral),
        ("supplies", "country/ID", coral),  # "would process ore imported from Indonesia": to the refinery's operator
        ("invested", "company/rostec", "company/arctic-rare-metals"),  # "state conglomerate Rostec": a name after what it is
        ("invested", "company/polar-group", "company/arctic-rare-metals"),
    } <= relations
    assert not {r for r in relations if r[0] == "supplies" and r[1] == "country/RU"}  # money provided, no material


def test_a_name_with_a_number_and_a_purchase_under_the_deal_from_its_other_party(extractor: Extractor) -> None:
    text = (
        "Vector 7 has signed a deal with Hanwha Solutions to build a nickel sulphate plant in Ohio.\n"
        "Under the deal, Hanwha Solutions will buy nickel sulphate from the plant for ten years.\n"
        "Vector 7 mines nickel at its Tern Lake mine in Manitoba.\n"
        "Phase 2 will start in 2028, and Phase 2 will double output.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("agreement", "company/vector-7", "company/hanwha-solutions"),  # "Vector 7 has signed": a name of a word and a number
        ("operates", "company/vector-7", "facility/tern-lake-mine"),
        ("supplies", "company/vector-7", "company/hanwha-solutions"),  # "Under the deal, X will buy": from the deal's other party
    } <= relations
    assert ("supplies", "company/hanwha-solutions", "company/vector-7") not in relations
    assert not [m for m in result.mentions if m.text.startswith("Phase")]  # a project's phase, no company


def test_a_holding_company_a_surname_a_lower_case_president_an_unnamed_partner_and_a_sale_past_a_clause(
    extractor: Extractor,
) -> None:
    text = (
        "Norway's Fjordmet plans to build a nickel smelter in Vietnam with a Vietnamese partner, "
        "president Ola Berg said on Monday.\n"
        "Berg owns about 30% of Fjordmet through his holding company Bergkapital, while steelmaker Nordstal holds about 20%.\n"
        "Fjordmet is the world's largest producer of cobalt sulphate, with about 15% of global output.\n"
        "Chile's Andesur has agreed to sell Minera Lagos, which runs the Salar Azul mine, to Kanto Metals for $90 million.\n"
        "Andesur, controlled by Chile's Ferrada family, also runs the Cerro Blanco mine.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("position", "person/ola-berg", "company/fjordmet"),  # ", president Ola Berg said": the company's, not Norway's
        ("invested", "person/ola-berg", "company/fjordmet"),  # "Berg owns": the person named before
        ("invested", "person/ola-berg", "company/bergkapital"),  # "through his holding company Bergkapital": his too
        ("invested", "company/nordstal", "company/fjordmet"),
        ("agreement", "company/andesur", "company/kanto-metals"),  # the buyer past the clause, not the company sold
        ("invested", "org/ferrada-family", "company/andesur"),  # "Chile's Ferrada family"
    } <= relations
    assert not [r for r in relations if r[0] == "operates" and r[1] == "country/VN"]  # "with a Vietnamese partner": unnamed
    assert ("agreement", "company/andesur", "company/minera-lagos") not in relations
    shares = [f["figure"] for f in _drafted(extractor, text) if f.get("figure", {}).get("metric") == "production-share"]
    assert [s["subject"] for s in shares] == ["company/fjordmet"]  # the producer's share, not the world's


def test_a_company_agreed_to_sell_is_the_sellers_until_then_and_an_owners_mines_in_one_place_are_one_facility(
    extractor: Extractor,
) -> None:
    text = (
        "Poland's Karpaty Metals has agreed to sell Minera Tatra, which runs the Orava copper mine, to Baltic Zinc Corp for $80 million.\n"
        "The smelter would process concentrate shipped from Karpaty Metals' mines in Lubin, in southern Poland.\n"
        "Congo's mines in Katanga produce most of its cobalt.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("agreement", "company/karpaty-metals", "company/baltic-zinc-corp"),
        ("invested", "company/karpaty-metals", "company/minera-tatra"),  # the company sold is the seller's until the sale closes
        ("operates", "company/karpaty-metals", "facility/mines-in-lubin"),  # an owner's mines in one place: one facility
    } <= relations
    assert not [r for r in relations if r[0] == "operates" and r[1] == "country/CD"]  # a country's mines are not a company's
    drafted = _drafted(extractor, text)
    held = [f for f in drafted if ["company/karpaty-metals", "investedIn", "company/minera-tatra"] in f.get("triples", [])]
    assert [f["modality"] for f in held] == ["stated"]  # "has agreed to sell": the holding is stated, not a commitment
    runs = [f for f in drafted if ["company/minera-tatra", "operates", "facility/orava-copper-mine"] in f.get("triples", [])]
    assert [f.get("modality", "stated") for f in runs] == ["stated"]  # ", which runs the Orava mine": the aside states it


def test_an_owners_plants_in_several_places_are_a_plant_in_each_and_their_capacity_the_owners(extractor: Extractor) -> None:
    text = (
        "Kobo Magnetics, Japan's largest maker of magnets, said on Monday its sales rose.\n"
        "The company has capacity of about 8,000 tonnes a year at its plants in Kofu, Iwaki and Sendai.\n"
        "Kobo Magnetics supplies magnets to Toyota.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("operates", "company/kobo-magnetics", "facility/plants-in-kofu"),
        ("operates", "company/kobo-magnetics", "facility/plants-in-iwaki"),  # each place listed: a plant of its own
        ("operates", "company/kobo-magnetics", "facility/plants-in-sendai"),
    } <= relations
    drafted = _drafted(extractor, text)
    located = {tuple(t) for f in drafted for t in f.get("triples", []) if t[1] == "locatedIn"}
    assert ("facility/plants-in-iwaki", "locatedIn", "city/iwaki") in located
    capacity = [f["figure"] for f in drafted if f.get("figure", {}).get("metric") == "production-capacity"]
    assert [c["subject"] for c in capacity] == ["company/kobo-magnetics"]  # over all its plants: the owner's


def test_a_name_a_countrys_possessive_calls_a_maker_and_its_short_form_without_rare_earth(extractor: Extractor) -> None:
    text = (
        "XR Tech Rare-Earth, China's second-largest maker of magnets, plans to build a plant in Hungary.\n"
        "XR Tech supplies magnets to Volvo, chairman Li Wen said.\n"
    )
    relations = _relations(extractor.extract(text))
    assert {
        ("operates", "company/xr-tech-rare-earth", "facility/plant-in-hungary"),
        ("supplies", "company/xr-tech-rare-earth", "company/volvo"),  # "XR Tech": the same company, met again
        ("position", "person/li-wen", "company/xr-tech-rare-earth"),
    } <= relations


def test_required_export_licences_are_a_restriction_and_producing_at_a_refinery_runs_it(extractor: Extractor) -> None:
    text = (
        "Ostara Metals has started producing cobalt at a pilot refinery in Kemi, Finland.\n"
        "The company plans to expand the site into a refinery that would produce about 5,000 tonnes of cobalt a year.\n"
        "Beijing has required export licences for gallium and germanium since August 2023.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("operates", "company/ostara-metals", "facility/pilot-refinery-in-kemi") in relations  # "started producing … at"
    drafted = _drafted(extractor, text)
    capacity = [f["figure"] for f in drafted if f.get("figure", {}).get("metric") == "production-capacity"]
    assert [c["subject"] for c in capacity] == ["facility/pilot-refinery-in-kemi"]  # "expand the site": the one refinery named
    restricted = [f["triples"] for f in drafted if any(t[1] == "imposedBy" for t in f.get("triples", []))]
    assert len(restricted) == 1 and {tuple(t[1:]) for t in restricted[0]} >= {
        ("imposedBy", "country/CN"),
        ("material", "material/gallium"),
        ("date", "2023-08"),
    }


def test_the_evaluation_aligns_a_plant_met_at_its_places_name_with_the_gold_plant(store: Store, tmp_path: Path) -> None:
    from kg.curation.evaluate import aligned_new_entities

    text = "Kobo Magnetics makes magnets at its plants in Kofu and Iwaki.\n"
    (tmp_path / "kobo.txt").write_text(text, encoding="utf-8")
    sheet = tmp_path / "kobo.yaml"
    sheet.write_text(
        f"""\
source: {{id: kobo, title: T, file: kobo.txt, sha256: {hashlib.sha256(text.encode()).hexdigest()}}}
entities:
  - {{id: company/kobo-magnetics, type: Company, label: Kobo Magnetics}}
  - {{id: facility/kobo-kofu-plant, type: MagnetPlant, label: Kobo magnet plant in Kofu}}
  - {{id: facility/kobo-iwaki-plant, type: MagnetPlant, label: Kobo magnet plant in Iwaki}}
  - {{id: city/kofu, type: City, label: Kofu}}
  - {{id: city/iwaki, type: City, label: Iwaki}}
mentions:
  city/kofu: [Kofu]
  city/iwaki: [Iwaki]
facts:
  - quote: "its plants in Kofu and Iwaki"
    triples:
      - [company/kobo-magnetics, operates, facility/kobo-kofu-plant]
      - [company/kobo-magnetics, operates, facility/kobo-iwaki-plant]
""",
        encoding="utf-8",
    )
    extraction = Extractor(gazetteer(store)).extract(text)
    aligned = aligned_new_entities(extraction, load_sheet(sheet))
    assert aligned["https://w3id.org/rekg/id/facility/plants-in-iwaki"] == "https://w3id.org/rekg/id/facility/kobo-iwaki-plant"
    assert aligned["https://w3id.org/rekg/id/facility/plants-in-kofu"] == "https://w3id.org/rekg/id/facility/kobo-kofu-plant"


def test_a_state_miner_in_apposition_a_clay_project_a_town_so_called_and_a_price_with_no_seller(extractor: Extractor) -> None:
    text = (
        "Terra Rara has received a A$3 million grant for its Mundalla clay rare earth project near the town of Keith, "
        "the company said.\n"
        "NMKO, the Norwegian state miner, is building a nickel refinery in Harstad.\n"
        "Terra Rara bought the project in 2021 for $40 million.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("operates", "company/terra-rara", "facility/mundalla-clay-rare-earth-project"),  # "clay": a word of the project's name
        ("invested", "country/NO", "company/nmko"),  # "NMKO, the Norwegian state miner": Norway's
        ("operates", "company/nmko", "facility/nickel-refinery-in-harstad"),
    } <= relations
    assert ("Keith", "city") in {(m.text, m.kind) for m in result.mentions}  # "the town of Keith"
    prices = [f["figure"] for f in _drafted(extractor, text) if f.get("figure", {}).get("metric") == "agreement-value"]
    assert prices == []  # "bought the project … for $40 million": no seller named, no agreement to price


def test_a_name_with_a_particle_before_its_apposition_a_ferronickel_smelter_and_the_company_referred_to_again(
    extractor: Extractor,
) -> None:
    text = (
        "The mine is run by Minera San Rafael de Oro, a unit of Andes Nickel.\n"
        "Andes Nickel also owns the nearby Tambo ferronickel smelter.\n"
        "The European Investment Bank lent the company 20 million euros in 2023.\n"
        "The company sells its nickel to Germany's Hanse Stahl Corp.\n"
    )
    relations = _relations(extractor.extract(text))
    assert {
        ("invested", "company/andes-nickel", "company/minera-san-rafael-de-oro"),  # "de": within the name
        ("operates", "company/andes-nickel", "facility/tambo-ferronickel-smelter"),
        ("supplies", "company/andes-nickel", "company/hanse-stahl-corp"),  # "The company" again: the one lent to, not the bank
    } <= relations
    assert not [r for r in relations if r[0] == "supplies" and "investment-bank" in r[1]]


def test_an_appointment_by_a_title_after_as_and_a_venture_member_past_an_aside_named_for_its_state(extractor: Extractor) -> None:
    text = (
        "Marula Lithium Company, which runs the Marula mine in Masvingo province, has appointed Tendai Moyo as chief executive.\n"
        "The company is a joint venture of China's Hanxin Mining, which owns 55%, "
        "and the state-owned Zimbabwe Minerals Holding Corporation.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("Tendai Moyo", "person") in {(m.text, m.kind) for m in result.mentions}  # not "appointed Tendai"
    assert {
        ("position", "person/tendai-moyo", "company/marula-lithium-company"),  # the appointer's, not the mine's nor the province's
        ("invested", "company/hanxin-mining", "company/marula-lithium-company"),
        ("invested", "company/zimbabwe-minerals-holding-corporation", "company/marula-lithium-company"),  # past ", which owns 55%,"
        ("invested", "country/ZW", "company/zimbabwe-minerals-holding-corporation"),  # "state-owned Zimbabwe …": the state it is named for
    } <= relations
    assert not [r for r in relations if r[0] == "invested" and r[1] == "country/CN"]  # "China's Hanxin Mining": only whose it is


def test_a_town_a_site_met_again_is_near_and_a_mine_that_is_a_joint_venture(extractor: Extractor) -> None:
    text = (
        "Tundra Metals has applied for a lease for its Vattholma rare earth project in Sweden.\n"
        "The deposit, near Tierp, holds an estimated 40 million tonnes of ore.\n"
        "The company also sells tin from the Mt Garnet tin mine.\n"
        "Mt Garnet, near Herberton in Queensland, is a 60-40 joint venture of Tundra Metals and Kestrel Mining.\n"
    )
    result = extractor.extract(text)
    places = {(m.text, m.kind) for m in result.mentions}
    assert {("Tierp", "city"), ("Herberton", "city")} <= places  # a town after a site's name or noun and its comma
    assert {
        ("invested", "company/tundra-metals", "facility/mt-garnet-tin-mine"),  # a mine the sentence opens with is the venture
        ("invested", "company/kestrel-mining", "facility/mt-garnet-tin-mine"),
    } <= _relations(result)
    located = {tuple(t) for f in _drafted(extractor, text) for t in f.get("triples", []) if t[1] == "locatedIn"}
    assert {
        ("facility/vattholma-rare-earth-project", "locatedIn", "city/tierp"),  # "The deposit": the project met again
        ("facility/mt-garnet-tin-mine", "locatedIn", "city/herberton"),
        ("facility/mt-garnet-tin-mine", "locatedIn", "region/queensland"),
    } <= located


def test_a_title_after_the_companys_a_name_ending_in_a_material_a_plan_for_a_mine_and_a_project_agreed_to_be_bought(
    extractor: Extractor,
) -> None:
    text = (
        "Spain's mining authority has approved Iberia Metals' plan for the Valdeflores tin mine in Extremadura.\n"
        "Iberia Metals has agreed to supply concentrate to KMG Tin's smelter in Arnhem.\n"
        "Boreal Mining has agreed to buy the Kettle Lake lithium project in Ontario from Tamarack Minerals for C$9 million.\n"
        "The company is in talks with several carmakers, said Ana Ruiz, the company's chief executive.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("operates", "company/iberia-metals", "facility/valdeflores-tin-mine"),  # whose plan the mine is
        ("supplies", "company/iberia-metals", "company/kmg-tin"),  # "KMG Tin's smelter": a name a material's word ends
        ("operates", "company/kmg-tin", "facility/smelter-in-arnhem"),
        ("operates", "company/tamarack-minerals", "facility/kettle-lake-lithium-project"),  # the seller's until the sale closes
        ("position", "person/ana-ruiz", "company/boreal-mining"),  # "the company's": the company the sentence refers to
    } <= relations
    assert ("operates", "company/boreal-mining", "facility/kettle-lake-lithium-project") not in relations  # not bought yet
    assert not [r for r in relations if "material/" in r[2]]
    modalities = {
        tuple(t): f.get("modality", "stated") for f in _drafted(extractor, text) for t in f.get("triples", []) if t[1] == "operates"
    }
    assert modalities[("company/iberia-metals", "operates", "facility/valdeflores-tin-mine")] == "planned"
    assert modalities[("company/tamarack-minerals", "operates", "facility/kettle-lake-lithium-project")] == "stated"


def test_a_licensee_named_after_granted_an_appointment_with_no_as_a_change_of_output_and_an_aluminium_smelter(
    extractor: Extractor,
) -> None:
    text = (
        "Kenya's government has granted GraphCo a special mining licence for the Kitui graphite project.\n"
        "GraphCo has named Amina Otieno interim chief executive.\n"
        "Nordic Aluminium will restart a potline at its Husnes aluminium smelter, raising output by about 40,000 tonnes a year.\n"
        "Husnes was sold to Nordic Aluminium by a unit of Kessel Global Aluminium, which is owned by Hansa Capital.\n"
        "Kessel Global Aluminium also runs a smelter in Latvia.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("operates", "company/graphco", "facility/kitui-graphite-project"),  # the licensee named after "granted"
        ("position", "person/amina-otieno", "company/graphco"),  # "named … interim chief executive", no "as"
        ("operates", "company/nordic-aluminium", "facility/husnes-aluminium-smelter"),  # "aluminium": a word of the smelter's name
    } <= relations
    names = {m.text for m in result.mentions}
    assert "Kessel Global Aluminium" in names  # a name a material's word ends, met twice
    figures = _drafted_figures(extractor, text)
    assert [f for f in figures if f["value"] == 40000] == []  # "raising output by about 40,000 tonnes": a change, no capacity
    modalities = {tuple(t): f.get("modality", "stated") for f in _drafted(extractor, text) for t in f.get("triples", [])}
    assert modalities[("company/nordic-aluminium", "operates", "facility/husnes-aluminium-smelter")] == "stated"  # "its": whose already


def test_amounts_written_short_bn_ktpa_mtpa_kt_and_mt(extractor: Extractor) -> None:
    text = (
        "Kestrel Lithium will spend $1.2bn to expand its Yarra mine to 1Mtpa of spodumene concentrate.\n"
        "Its Kwinana refinery has a capacity of 24ktpa of lithium hydroxide.\n"
        "The Yarra mine produced 120kt of concentrate in 2024.\n"
        "The deposit holds 1.5 Mt of ore.\n"
    )
    figures = {(f["value"], f["metric"]) for f in _drafted_figures(extractor, text)}
    assert {
        (1_200_000_000, "funding-amount"),
        (1_000_000, "production-capacity"),  # "1Mtpa": a million tonnes a year
        (24_000, "production-capacity"),
        (120_000, "mine-production"),
        (1_500_000, "reserves"),  # "1.5 Mt", in capitals
    } <= figures


def test_a_farm_in_a_deal_the_companies_announced_a_site_invested_in_the_state_named_before_and_a_minister_of_a_remit(
    extractor: Extractor,
) -> None:
    text = (
        "Kestrel Mining can earn up to 70% of Dunmore Metals' Emu Flat nickel project in Western Australia by spending"
        " A$30m on drilling, the companies said on Monday.\n"
        "Under the deal, Kestrel Mining will first spend A$6m to earn a 40% interest.\n"
        "Orinoco Mining will develop the Lupa Hill deposit under an agreement signed with Zambia's government.\n"
        "The state-owned Zambia Mining Holdings will hold 10% of the project.\n"
        "Orinoco expects to invest about $90m in a mine and a processing plant at the site.\n"
        "Minister of Mines Paul Kabuswe said Zambia wanted more processing at home.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    emu, lupa = "facility/emu-flat-nickel-project", "facility/lupa-hill-deposit"
    assert {
        ("invested", "company/kestrel-mining", emu),  # "Dunmore Metals' Emu Flat …": the project, not Dunmore
        ("operates", "company/dunmore-metals", emu),
        ("invested", "company/orinoco-mining", lupa),  # "a mine and a processing plant at the site": the site
        ("invested", "country/ZM", "company/zambia-mining-holdings"),  # "The state-owned": the state named last
        ("position", "person/paul-kabuswe", "country/ZM"),
    } <= relations
    assert ("invested", "company/kestrel-mining", "company/dunmore-metals") not in relations
    deals = {frozenset(r[1:]) for r in relations if r[0] == "agreement"}
    assert frozenset({"company/dunmore-metals", "company/kestrel-mining"}) in deals  # "Under the deal", announced by the two
    assert ("operates", "country/ZM", lupa) not in relations  # "an agreement signed with Zambia's government": no co-operator
    facts = _drafted(extractor, text)
    stakes = {(f["stake"]["investee"], f["stake"]["share"]) for f in facts if "stake" in f}
    assert {(emu, 70), (emu, 40)} <= stakes  # "to earn a 40% interest": of the stake before's
    funded = {f["figure"]["value"]: f["figure"]["subject"] for f in facts if f.get("figure", {}).get("metric") == "funding-amount"}
    assert funded[30_000_000] == funded[6_000_000] == emu  # money spent to earn a stake goes into the project
    titles = {t[2] for f in facts for t in f.get("triples", []) if t[1] == "positionTitle"}
    assert "Minister of Mines" in titles


def test_a_stake_sold_is_the_buyers_money_spent_at_a_site_and_a_smelting_complex(extractor: Extractor) -> None:
    text = (
        "Tasman Metals has sold its 35% stake in the Okar rare earth project in Ontario to Huron Minerals for C$4 million.\n"
        "Deccan Zinc plans to spend 500 crore rupees to recover indium at its Dariba smelting complex in Rajasthan.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("operates", "company/deccan-zinc", "facility/dariba-smelting-complex") in relations  # "smelting": a word of its name
    assert ("invested", "company/tasman-metals", "facility/okar-rare-earth-project") not in relations  # sold: no longer the seller's
    deals = {frozenset(r[1:]) for r in relations if r[0] == "agreement"}
    assert frozenset({"company/tasman-metals", "company/huron-minerals"}) in deals
    facts = _drafted(extractor, text)
    stakes = {(s["holder"], s["investee"], s["share"]) for f in facts if (s := f.get("stake"))}
    assert ("company/huron-minerals", "facility/okar-rare-earth-project", 35) in stakes  # the buyer's now, with its share
    funded = [f["figure"] for f in facts if f.get("figure", {}).get("metric") == "funding-amount"]
    assert [f["subject"] for f in funded] == ["facility/dariba-smelting-complex"]  # money spent at the complex, not the company's


def test_a_plant_bought_from_a_seller_a_nearby_project_a_coltan_mine_and_a_known_names_longer_form(extractor: Extractor) -> None:
    text = (
        "Coltan Output Rises at Bibatama\n"
        "Output at the Bibatama coltan mine in Congo's North Kivu province rose to about 900 tonnes in 2024.\n"
        "Vanadis Resources has bought the idle Koolyanobbing vanadium plant from Yilgarn Metals for A$9 million.\n"
        "Vanadis Resources will use the plant to process ore from its nearby Mount Jackson project.\n"
        "Vanadis will supply vanadium to Japan's Toyota Tsusho, the company said.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    kinds = {(m.text, m.kind) for m in result.mentions}
    assert {("Bibatama coltan mine", "facility"), ("North Kivu", "region"), ("Toyota Tsusho", "company")} <= kinds
    assert not {m.text for m in result.mentions} & {"Output", "Tsusho"}  # "Output at …" is no name; nor the tail of a longer one
    assert {
        ("operates", "company/vanadis-resources", "facility/koolyanobbing-vanadium-plant"),
        ("operates", "company/vanadis-resources", "facility/mount-jackson-project"),  # "its nearby Mount Jackson project"
        ("supplies", "company/vanadis-resources", "company/toyota-tsusho"),
    } <= relations
    deals = {frozenset(r[1:]) for r in relations if r[0] == "agreement"}
    assert frozenset({"company/vanadis-resources", "company/yilgarn-metals"}) in deals  # "bought the idle X … from Y"
    prices = [f["figure"]["value"] for f in _drafted(extractor, text) if f.get("figure", {}).get("metric") == "agreement-value"]
    assert prices == [9_000_000]


def test_a_quota_a_park_run_by_a_group_a_fluorite_project_and_a_stake_under_proposed_terms(extractor: Extractor) -> None:
    text = (
        "Indonesia has cut nickel ore mining quotas for 2026 to about 240 million wet tonnes from 360 million tonnes.\n"
        "Smelters at the Weda Bay Industrial Park in North Maluku are run by China's Jinsha Holding Group.\n"
        "Kora Minerals has signed a memorandum of understanding with Sojitz to jointly develop the Cadoux fluorite project.\n"
        "Sojitz would take a 25% interest in the project under the proposed terms.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    kinds = {(m.text, m.kind) for m in result.mentions}
    assert {("Weda Bay Industrial Park", "facility"), ("North Maluku", "region"), ("Cadoux fluorite project", "facility")} <= kinds
    assert "Smelters" not in {m.text for m in result.mentions}  # a plural noun opening the sentence, no name
    assert ("operates", "company/jinsha-holding-group", "facility/weda-bay-industrial-park") in relations
    facts = _drafted(extractor, text)
    assert not [f for f in facts if f.get("figure", {}).get("unit") == "tonne"]  # a quota caps mining: no one's output
    stakes = [f for f in facts if "stake" in f]
    assert [(f["stake"]["share"], f["modality"]) for f in stakes] == [(25, "proposal")]  # "under the proposed terms"


def test_a_contractor_hired_to_build_a_merger_partner_a_town_at_a_concentrator_and_a_regions_possessor(extractor: Extractor) -> None:
    text = (
        "Tamar Metals has hired Bechtel Engineering to build its Gunnedah polymetallic project in New South Wales.\n"
        "The Gunnedah deposit holds 40 million tonnes of ore, enough for a mine life of more than 30 years.\n"
        "Lakefield Mining will truck ore from its Corvette deposit in Quebec's Eeyou region to the Laval Lithium concentrator at Val Brillant, the company said.\n"
        "Lakefield completed its merger with Cobalt Ridge Resources in May 2025 and now runs Laval Lithium on its own.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    kinds = {(m.text, m.kind) for m in result.mentions}
    assert {
        ("Gunnedah polymetallic project", "facility"),  # "polymetallic": a word of its name
        ("Eeyou region", "region"),  # past "Quebec's"
        ("Laval Lithium concentrator", "facility"),  # a material's word in a site's name, not a company "Laval Lithium"
        ("Val Brillant", "city"),  # "the … concentrator at Val Brillant,"
    } <= kinds
    assert ("operates", "company/tamar-metals", "facility/gunnedah-polymetallic-project") in relations  # "its": the hirer's
    assert not [r for r in relations if r[1] == "company/bechtel-engineering"]  # the contractor builds what is not its own
    assert ("operates", "company/lakefield-mining", "facility/laval-lithium-concentrator") in relations  # "… and now runs"
    assert ("operates", "company/cobalt-ridge-resources", "facility/laval-lithium-concentrator") not in relations
    deals = {frozenset(r[1:]) for r in relations if r[0] == "agreement"}
    assert frozenset({"company/lakefield-mining", "company/cobalt-ridge-resources"}) in deals  # "its merger with"
    facts = _drafted(extractor, text)
    assert not [f for f in facts if f.get("figure", {}).get("unit") == "year"]  # a mine life is no work's time
    placed = {tuple(t) for f in facts for t in f.get("triples", []) if t[1] == "locatedIn"}
    assert ("facility/corvette-deposit", "locatedIn", "region/eeyou-region") in placed  # the region, not its possessor


def test_a_state_investor_a_stage_of_a_project_and_a_plant_an_aim_would_make(extractor: Extractor) -> None:
    text = (
        "Danish state investor Vaekstfonden holds about 12% of Fjord Minerals.\n"
        "Kivu Graphite Ltd has won a licence for its Mahenge North graphite project in Tanzania.\n"
        "Stage one is designed to produce about 30,000 tonnes of graphite concentrate a year.\n"
        "Kivu aims to build an anode plant in Dar es Salaam that would make about 10,000 tonnes of anode material a year.\n"
    )
    relations = _relations(extractor.extract(text))
    assert ("invested", "country/DK", "company/vaekstfonden") in relations  # "state investor": the state's
    facts = _drafted(extractor, text)
    capacities = {f["figure"]["value"]: (f["figure"]["subject"], f.get("modality")) for f in facts if "figure" in f}
    assert capacities[30_000] == ("facility/mahenge-north-graphite-project", "planned")  # "Stage one": the project's
    assert capacities[10_000][1] == "aim"  # the plant that "would make" it is an aim, as the plant is


def test_a_fund_no_company_a_town_in_central_x_and_a_ban_since(extractor: Extractor) -> None:
    text = (
        "The Nordic Innovation Fund has granted Vimmerby Mining AB 2 million euros for its Tuna graphite mine near Hultsfred in southern Sweden.\n"
        "The company plans to build an anode material plant next to the mine.\n"
        "Ghana has barred the export of unprocessed lithium ore since 2023.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    kinds = {(m.text, m.kind) for m in result.mentions}
    assert {("Nordic Innovation Fund", "org"), ("Hultsfred", "city")} <= kinds
    assert ("operates", "company/vimmerby-mining-ab", "facility/anode-material-plant") in relations  # "The company": not the fund
    bans = [f["triples"] for f in _drafted(extractor, text) if any(t[1] == "imposedBy" for t in f.get("triples", []))]
    assert [[t[2] for t in b if t[1] in ("imposedBy", "date")] for b in bans] == [["country/GH", "2023"]]  # "barred … since 2023"


def test_a_site_named_with_a_list_of_metals_an_owner_before_owned_the_mines_output_sold_and_resources_put_at(
    extractor: Extractor,
) -> None:
    text = (
        "Westmet Ltd is considering selling its Kurrajong silver, lead and zinc mine in Queensland.\n"
        "Vale-owned Salobo Metals is among the possible buyers.\n"
        "Westmet sells the mine's zinc concentrate to customers in Japan.\n"
        "A 2023 study put Kurrajong's resources at about 30 million tonnes of ore.\n"
        "The regulator expects to rule on the licence within six months.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("operates", "company/westmet-ltd", "facility/kurrajong-silver-lead-and-zinc-mine"),  # "silver, lead and zinc": its name
        ("invested", "company/vale", "company/salobo-metals"),  # "Vale-owned": Vale holds it
        ("supplies", "company/westmet-ltd", "country/JP"),  # "the mine's concentrate": what it makes, no sale of the mine
    } <= relations
    figures = _drafted_figures(extractor, text)
    assert [(f["metric"], f["value"]) for f in figures] == [("reserves", 30_000_000)]  # six months: no work's time


def test_a_licence_for_a_term_an_investment_to_help_build_a_demonstration_plant_a_town_in_the_territory_a_share_bought(
    extractor: Extractor,
) -> None:
    text = (
        "Greenland's government has granted Arctic Minerals Inc. a 25-year exploitation licence for the Nalunaq tungsten project.\n"
        "The company has signed an offtake agreement with Sandvik Materials for up to 40% of the mine's output.\n"
        "The Scottish Growth Fund has agreed to invest 20 million pounds in Moray Lithium Ltd to help build its Elgin lithium demonstration plant.\n"
        "Kakadu Uranium ran the Jabiluka uranium mine near Mudginberri in the Northern Territory until 2020.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("operates", "company/arctic-minerals-inc", "facility/nalunaq-tungsten-project"),  # "a 25-year exploitation licence for"
        ("operates", "company/moray-lithium-ltd", "facility/elgin-lithium-demonstration-plant"),  # the investee builds it
    } <= relations
    assert not [r for r in relations if r[0] == "operates" and "scottish-growth-fund" in r[1]]  # the investor builds nothing
    kinds = {(m.text, m.kind) for m in result.mentions}
    assert ("Mudginberri", "city") in kinds  # "near Mudginberri in the Northern Territory"
    assert not [f for f in _drafted(extractor, text) if f.get("figure", {}).get("unit") == "percent"]  # a share bought, no output's


def test_a_deal_of_three_to_build_shares_listed_after_of_the_x_a_country_whose_plant_is_where_and_its_owner_named_after(
    extractor: Extractor,
) -> None:
    text = (
        "PT Halmahera Nickel has signed an investment agreement with China's Jinchuan and Ningbo Lygend to build a smelter at Obi.\n"
        "Halmahera Nickel will hold 51% of the smelter, Jinchuan 29% and Lygend 20%.\n"
        "Japan's Onahama gallium plant, which stopped output in 2019, could restart, its owner Dowa Metals said.\n"
        "Dowa now expects to produce about 40 tonnes of gallium in 2026, down from an earlier 60 tonnes.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    builders = {r[1] for r in relations if r[0] == "operates" and r[2] == "facility/smelter-at-obi"}
    assert builders == {"company/pt-halmahera-nickel", "company/jinchuan", "company/ningbo-lygend"}  # "with China's Jinchuan": all three
    assert ("invested", "company/jinchuan", "facility/smelter-at-obi") in relations  # ", Jinchuan 29%": of the stake before's
    assert ("operates", "company/dowa-metals", "facility/onahama-gallium-plant") in relations  # "its owner Dowa Metals"
    assert not [r for r in relations if r[1] == "country/JP" and r[0] == "operates"]  # "Japan's … plant": where, not whose
    facts = _drafted(extractor, text)
    deals = [f["triples"] for f in facts if any(t[1] == "party" for t in f.get("triples", []))]
    assert len(deals) == 1 and len({t[2] for t in deals[0] if t[1] == "party"}) == 3  # one agreement of the three
    assert [f["figure"]["value"] for f in facts if f.get("figure", {}).get("unit") == "tonne"] == [40]  # the earlier 60 superseded


def test_buyers_agreeing_without_a_deal_named_make_a_deal_each_and_a_state_signing_with_a_developer_builds_nothing(
    extractor: Extractor,
) -> None:
    text = (
        "Mongolia has signed an agreement with Japan's Sojitz Minerals to develop the Khalzan Buregtei rare earth deposit.\n"
        "Kathleen Lithium Ltd runs the Yalgoo lithium mine in Western Australia.\n"
        "Toyota and Sumitomo have agreed to buy its lithium concentrate.\n"
    )
    relations = _relations(extractor.extract(text))
    developers = {r[1] for r in relations if r[0] == "operates" and r[2] == "facility/khalzan-buregtei-rare-earth-deposit"}
    assert developers == {"company/sojitz-minerals"}  # the developer, not the state that signed with it
    deals = [f["triples"] for f in _drafted(extractor, text) if any(t[1] == "party" for t in f.get("triples", []))]
    assert sorted(len({t[2] for t in d if t[1] == "party"}) for d in deals) == [2, 2, 2]  # Mongolia's, and a deal each buyer


def test_a_lake_no_customer_a_county_no_company_a_name_joined_by_und_and_a_planned_rise_by_a_percentage(
    extractor: Extractor,
) -> None:
    text = (
        "Brine Power Inc has signed a binding agreement to supply lithium hydroxide from its Mesquite project near the Salton Sea in California to Toyota.\n"
        "Riverside County expects the industry to add 500 jobs.\n"
        "Metallwerk Plansee und Söhne, a unit of Austria's Plansee Group, plans to raise output at its Tux tungsten mine in Austria by 15% next year.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("supplies", "company/brine-power-inc", "company/toyota") in relations  # not to "the Salton Sea"
    kinds = {(m.text, m.kind) for m in result.mentions}
    assert {("Riverside County", "region"), ("Metallwerk Plansee und Söhne", "company")} <= kinds
    assert not [m for m in result.mentions if m.text == "Salton Sea" and m.kind == "company"]
    assert not [f for f in _drafted(extractor, text) if f.get("figure", {}).get("unit") == "percent"]  # "raise output … by 15%"


def test_a_site_named_with_a_number_a_possessive_before_a_hyphenated_site_and_a_company_spun_out_of_another(
    extractor: Extractor,
) -> None:
    text = (
        "Tamboro Minerals Ltd has restarted dredging at its Sector 4 mine in Guinea.\n"
        "Tamboro Minerals is owned by Kolente Holdings, which was spun out of Tiwi Resources in 2021.\n"
        "Nippon Nickel can earn up to 40% of Kalgoorlie Metals' Siberia nickel-cobalt project by spending A$30 million.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("operates", "company/tamboro-minerals-ltd", "facility/sector-4-mine"),  # "its Sector 4 mine": a name and its number
        ("invested", "company/tiwi-resources", "company/kolente-holdings"),  # "spun out of": its parent's (until then)
        ("operates", "company/kalgoorlie-metals", "facility/siberia-nickel-cobalt-project"),  # "Kalgoorlie Metals' Siberia …"
    } <= relations
    held = [
        f for f in _drafted(extractor, text) if ["company/tiwi-resources", "investedIn", "company/kolente-holdings"] in f.get("triples", [])
    ]
    assert [f["modality"] for f in held] == ["todo-past-state"]  # a past holding, never a plain triple


def test_money_to_double_output_at_a_site_the_expansion_the_sites_a_share_of_the_concentrate_and_it_in_a_relative_clause(
    extractor: Extractor,
) -> None:
    text = (
        "Rockwood Lithium will invest about $70 million to double lithium carbonate output at its Clayton brine operation.\n"
        "The expansion would lift capacity to 8,000 tonnes a year by 2028.\n"
        "Rockwood Lithium has signed an offtake memorandum with Toyota for 40% of the concentrate.\n"
        "Toyota Industries is considering developing the Kemi graphite deposit in northern Finland, which it bought from the Finnish state in 2019.\n"
        "Demand for graphite is driven by the expansion of electric vehicle sales.\n"
    )
    result = extractor.extract(text)
    assert "the expansion" not in [r.text for r in result.references]  # "the expansion of …" names what grows, no site
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: (f["figure"]["subject"], f.get("modality")) for f in facts if "figure" in f}
    assert figures[70_000_000][0] == "facility/clayton-brine-operation"  # money spent at the site
    assert figures[8_000] == ("facility/clayton-brine-operation", "possibility")  # "The expansion": the site's, possible
    assert 40 not in figures  # a share bought under a memorandum, no output
    deals = {frozenset(r[1:]) for r in _relations(result) if r[0] == "agreement"}
    assert frozenset({"company/toyota-industries", "country/FI"}) in deals  # "which it bought from the Finnish state": it, not Finland


def test_a_hyphenated_site_name_a_synthetic_rutile_plant_a_closure_moved_earlier_and_the_rest_held_by_others(
    extractor: Extractor,
) -> None:
    text = (
        "Yilgarn Sands will extend mining at its Wonnerup-Tutunup zircon mine in Western Australia until 2029.\n"
        "Yilgarn Sands will close its Keysbrook mine in 2026, two years earlier than planned.\n"
        "Keysbrook supplied about 30% of the ilmenite used at Yilgarn Sands' Bunbury synthetic rutile plant.\n"
        "Yilgarn Sands owns 70% of the Keysbrook mine. The remaining 30% is held by a group of local investors.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("operates", "company/yilgarn-sands", "facility/wonnerup-tutunup-zircon-mine"),  # "its Wonnerup-Tutunup …"
        ("operates", "company/yilgarn-sands", "facility/bunbury-synthetic-rutile-plant"),
    } <= relations
    facts = _drafted(extractor, text)
    operates = [f for f in facts if ["company/yilgarn-sands", "operates", "facility/wonnerup-tutunup-zircon-mine"] in f.get("triples", [])]
    assert [f.get("modality") for f in operates] == ["stated"]  # "will" qualifies the extension, not whose the mine is
    figures = [(f["figure"]["value"], f["figure"]["metric"]) for f in facts if "figure" in f]
    assert figures == []  # two years earlier, a share of a plant's use, the rest held by others: none a metric's


def test_a_company_met_by_its_initials_a_capitals_name_opening_a_sentence_unnamed_holders_and_operations(
    extractor: Extractor,
) -> None:
    text = (
        "Compagnie Miniere Kanak, which is 51% owned by France's Eramet, runs the Koumac nickel mine.\n"
        "The French state has lent CMK about 200 million euros since 2018.\n"
        "SOFINOR, owned by New Caledonia's northern province, holds 30% of CMK and Japan's Nippon Yakin 19%.\n"
        "Vale Base Metals is reviewing options for its Voisey nickel operations in Labrador.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert {
        ("invested", "company/sofinor", "company/compagnie-miniere-kanak"),  # "CMK": the company its initials name
        ("invested", "company/nippon-yakin", "company/compagnie-miniere-kanak"),  # "and Japan's Nippon Yakin 19%"
        ("operates", "company/vale-base-metals", "facility/voisey-nickel-operations"),  # "its … operations"
    } <= relations
    assert not [r for r in relations if r[2] == "company/sofinor"]  # "owned by New Caledonia's northern province": unnamed


def test_a_stake_sold_out_of_a_project_named_in_capitals(extractor: Extractor) -> None:
    text = "Nipigon Lithium Inc. has sold a 10% stake in its GLK lithium project in Ontario to Toyota for C$30 million.\n"
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("operates", "company/nipigon-lithium-inc", "facility/glk-lithium-project-in-ontario") in relations  # the seller's
    deals = {frozenset(r[1:]) for r in relations if r[0] == "agreement"}
    assert frozenset({"company/nipigon-lithium-inc", "company/toyota"}) in deals  # "has sold a 10% stake in … to": the sale
    stakes = {(s["holder"], s["share"]) for f in _drafted(extractor, text) if (s := f.get("stake"))}
    assert ("company/toyota", 10) in stakes  # the buyer's, with its share


def test_a_holder_gapped_after_and_the_output_a_company_expects_of_its_one_mine_and_money_to_fund_a_new_plant(
    extractor: Extractor,
) -> None:
    text = (
        "PT Nusa Nickel will sell nickel ore from its Lasusua mine in Southeast Sulawesi to Tsingshan Holding, the companies said.\n"
        "The mine produced about 40,000 tonnes of nickel last year.\n"
        "Under the agreement, Tsingshan has agreed to provide $200 million to fund a new smelter at Lasusua.\n"
        "Nusa Nickel is 30% owned by Antam.\n"
        "Tellus Minerals' Dakar Sands mine in Senegal produced 60,000 tonnes of zircon in 2024.\n"
        "The mine, 80% owned by Tellus Minerals and 20% by the Senegalese state, also ships ilmenite.\n"
        "Tellus Minerals expects output to rise to 90,000 tonnes of zircon in 2027.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    deals = {frozenset(r[1:]) for r in relations if r[0] == "agreement"}
    assert frozenset({"company/pt-nusa-nickel", "company/tsingshan-holding"}) in deals  # "Under the agreement": said two lines up
    assert ("invested", "company/antam", "company/pt-nusa-nickel") in relations  # "Nusa Nickel" after "PT Nusa Nickel": the same
    facts = _drafted(extractor, text)
    stakes = {(s["holder"], s["investee"], s["share"]) for f in facts if (s := f.get("stake"))}
    assert ("country/SN", "facility/dakar-sands-mine", 20) in stakes  # "and 20% by the Senegalese state"
    figures = {f["figure"]["value"]: (f["figure"]["subject"], f.get("modality")) for f in facts if "figure" in f}
    assert figures[200_000_000][0] == "facility/smelter-at-lasusua"  # the plant the money is to fund
    assert figures[90_000] == ("facility/dakar-sands-mine", "expected")  # the one mine it runs, expected


def test_holders_listed_with_their_shares_a_sale_in_the_passive_and_a_title_held_in_the_company_the_text_is_about(
    extractor: Extractor,
) -> None:
    text = (
        "Harlow Sands began mining at its Tarwin mineral sands project near Geraldton in January.\n"
        "The concentrate will be shipped to China's Lomon Billions under an existing offtake agreement.\n"
        "Managing director Ian Cole said the company had enough cash.\n"
        "Harlow Sands owns 60% of Tarwin, Kestrel Metals 25% and South Korea's KZC consortium the remaining 15%.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("supplies", "company/harlow-sands", "company/lomon-billions") in relations  # its concentrate, no seller named
    assert frozenset({"company/harlow-sands", "company/lomon-billions"}) in {frozenset(r[1:]) for r in relations if r[0] == "agreement"}
    assert ("position", "person/ian-cole", "company/harlow-sands") in relations  # not the buyer named last
    facts = _drafted(extractor, text)
    stakes = {(s["holder"], s["share"]) for f in facts if (s := f.get("stake"))}
    assert {("company/kestrel-metals", 25), ("company/kzc", 15)} <= stakes  # named with their shares, the verb gapped
    supply = next(f for f in facts if "supply" in f)
    assert supply["modality"] == "commitment"  # to come, under an agreement made


def test_a_name_before_its_possessive_description_an_unnamed_expansion_and_a_possessive_company_holding_another(
    extractor: Extractor,
) -> None:
    text = (
        "Andes-Pacific Mining said output at Cerro Azul, its copper mine near Cusco, fell to 200,000 tonnes in 2024.\n"
        "Andes-Pacific owns 60% of Cerro Azul.\n"
        "The company is weighing a $3 billion expansion.\n"
        "Ridge Copper, a 50-50 joint venture of Teck Resources and Glencore's PolyMet Mining, owns the Birch Lake deposit.\n"
        "Teck and Glencore have spent about $500 million on the deposit.\n"
        "Abu Dhabi's Mubadala owns 20% of Andes-Pacific.\n"
    )
    result = extractor.extract(text)
    owned = extractor.extract("Emirates Alloys, which runs the Taweelah smelter, is owned by Abu Dhabi's Mubadala.\n")
    assert "Abu Dhabi" not in {m.text for m in owned.mentions if m.kind == "company"}  # a name met only as whose: no company
    relations = _relations(result)
    assert ("operates", "company/andes-pacific-mining", "facility/cerro-azul") in relations  # the mine so named, not a second
    assert ("invested", "company/andes-pacific-mining", "facility/cerro-azul") in relations  # "Andes-Pacific": the same company
    assert ("invested", "company/glencore", "company/polymet-mining") in relations  # "Glencore's PolyMet Mining"
    assert not [r for r in relations if r[1].endswith("/abu-dhabi")]  # a name met only as whose may be a place's
    figures = {f["value"]: f["subject"] for f in _drafted_figures(extractor, text)}
    assert figures[3_000_000_000] == "facility/cerro-azul"  # an expansion of the one mine the company runs


def test_money_spent_on_a_project_a_stake_in_a_company_sold_on_a_familys_company_and_a_fund_named_with_a_number(
    extractor: Extractor,
) -> None:
    text = (
        "Tundra Copper has spent more than $900 million on the Kobuk copper project in Alaska since 2005.\n"
        "Mindanao Copper Inc, controlled by the Reyes family's Isla Group, plans to build the Davao mine.\n"
        "Glencore sold its 40% stake in Mindanao Copper to Isla Group in 2016.\n"
        "Swedish pension fund AP7 holds about 3% of Tundra Copper.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("invested", "org/reyes-family", "company/isla-group") in relations  # the family's company
    assert ("invested", "company/isla-group", "company/mindanao-copper-inc") in relations  # controlled by the company, not the family
    assert ("invested", "org/reyes-family", "company/mindanao-copper-inc") not in relations
    facts = _drafted(extractor, text)
    stakes = {(s["holder"], s["investee"], s.get("share")) for f in facts if (s := f.get("stake"))}
    assert ("company/isla-group", "company/mindanao-copper-inc", 40) in stakes  # the buyer's now, with its share
    assert not [s for s in stakes if s[0] == "company/glencore"]  # the seller's stake is past
    assert ("company/ap7", "company/tundra-copper", 3) in stakes  # "AP7": a name with a number
    figures = {f["figure"]["value"]: f["figure"]["subject"] for f in facts if "figure" in f}
    assert figures[900_000_000] == "facility/kobuk-copper-project"  # money spent on the project


def test_a_company_named_with_a_number_and_the_company_a_holder_clause_holds(extractor: Extractor) -> None:
    text = (
        "Area 9 Metals Ltd has halted its Otway tungsten mine in Tasmania.\n"
        "Area 9 owes about A$40 million to lenders led by Kestrel Capital, which also holds 20% of the company.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("operates", "company/area-9-metals-ltd", "facility/otway-tungsten-mine") in relations  # "Area 9 Metals Ltd": one name
    assert ("invested", "company/kestrel-capital", "company/area-9-metals-ltd") in relations  # the company it holds, not itself
    counts = [f for f in _drafted(extractor, text) if f.get("figure", {}).get("metric") == "count"]
    assert counts == []  # the number in the name counts nothing


def test_a_quarter_far_in_its_clause_holders_that_each_own_the_output_a_runner_expects_and_a_plan_money_is_for(
    extractor: Extractor,
) -> None:
    text = (
        "Cobar Tungsten Ltd produced 250 tonnes of tungsten concentrate at its Ardlethan mine in central New South Wales in the March quarter.\n"
        "Minera Cerro Alto, which runs the Cerro Alto copper mine in Peru, expects copper output to fall to about 200,000 tonnes in 2026 "
        "from 240,000 tonnes in 2025.\n"
        "KGHM and Glencore each own 40% of Cerro Alto.\n"
        "The government approved a $1 billion plan to extend the mine's life.\n"
        "Anglo Pacific has applied for a permit for its Lokka nickel deposit in Finland.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("invested", "company/kghm", "facility/cerro-alto-copper-mine") in relations  # "KGHM and Glencore each own": both
    assert ("operates", "company/anglo-pacific", "facility/lokka-nickel-deposit") in relations  # a demonym closing a name
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: (f["figure"]["metric"], f["figure"]["subject"], f.get("modality")) for f in facts if "figure" in f}
    assert 250 not in figures  # a quarter's output, however far in its clause: no figure of the graph's
    assert figures[200_000] == ("mine-production", "facility/cerro-alto-copper-mine", "expected")  # the mine it runs
    assert figures[240_000] == ("mine-production", "facility/cerro-alto-copper-mine", None)  # the year before's, stated
    assert figures[1_000_000_000][2] == "planned"  # money for a plan


def test_a_seller_past_its_country_a_unit_of_a_company_met_once_output_in_a_relative_clause_and_debt_for_a_project(
    extractor: Extractor,
) -> None:
    text = (
        "Tianhua Resources bought the Rincon Sur project from Canada's Atacama Lithium Corp in 2022.\n"
        "Norsk Metall's Vardo unit will double output at its smelter near Tromso.\n"
        "The smelter treats ore from the Kallak mine, which produced about 90,000 tonnes of iron ore in 2024.\n"
        "Rift Graphite Ltd has received an offer of up to $40 million in debt from the Africa Finance Corporation "
        "for its Mahenge graphite project in Tanzania.\n"
        "The company has signed an offtake agreement with Japan's Marubeni.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    deals = {frozenset(r[1:]) for r in relations if r[0] == "agreement"}
    assert frozenset({"company/tianhua-resources", "company/atacama-lithium-corp"}) in deals  # "from Canada's Atacama Lithium Corp"
    assert frozenset({"company/rift-graphite-ltd", "company/marubeni"}) in deals  # "The company": the one running a site
    assert ("invested", "company/norsk-metall", "company/vardo") in relations  # "Norsk Metall's Vardo unit", met once
    figures = {f["value"]: f["subject"] for f in _drafted_figures(extractor, text)}
    assert figures[90_000] == "facility/kallak-mine"  # "the Kallak mine, which produced": the mine's
    assert figures[40_000_000] == "company/rift-graphite-ltd"  # debt for its project: the borrower's (fresh12's convention)


def test_money_on_an_expansion_a_limited_partnership_a_fund_manager_based_somewhere_and_its_named_project_to_be_built(
    extractor: Extractor,
) -> None:
    text = (
        "Cobrecorp, the company that runs the Pampa Roja copper mine in Chile, plans to spend about $300 million on an "
        "underground expansion.\n"
        "Quebec Capital will lend C$80 million to Boreal Nickel Investments LP to help build its Lac Noir nickel project in Quebec.\n"
        "Boreal Nickel, controlled by Toronto-based fund manager Ridgeback Global Resource Management, bought Lac Noir in 2021.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("invested", "company/ridgeback-global-resource-management", "company/boreal-nickel-investments-lp") in relations
    assert not [r for r in relations if "toronto" in r[1]]  # a place a holder is based in, no holder
    facts = _drafted(extractor, text)
    figures = {f["figure"]["value"]: f["figure"]["subject"] for f in facts if "figure" in f}
    assert figures[300_000_000] == "facility/pampa-roja-copper-mine"  # spent on an expansion of the site it runs
    assert figures[80_000_000] == "company/boreal-nickel-investments-lp"  # lent to the borrower
    runs = [
        f for f in facts if ["company/boreal-nickel-investments-lp", "operates", "facility/lac-noir-nickel-project"] in f.get("triples", [])
    ]
    assert [f.get("modality") for f in runs] == ["stated"]  # its named project: whose is stated, the building is to come


def test_money_for_an_unnamed_plant_a_sole_owner_and_a_stake_bought_from_its_holder(extractor: Extractor) -> None:
    text = (
        "Andina Copper runs the Loma Alta copper mine in Chile.\n"
        "Andina Copper plans to spend about $150 million on a desalination plant to supply the mine with water.\n"
        "Karoo Metals is considering selling its Tshwane nickel mine in South Africa.\n"
        "Karoo Metals became the mine's sole owner in 2020 when it bought Ural Nickel's 50% stake for a nominal sum.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    deals = {frozenset(r[1:]) for r in relations if r[0] == "agreement"}
    assert frozenset({"company/karoo-metals", "company/ural-nickel"}) in deals  # "bought Ural Nickel's 50% stake": from its holder
    facts = _drafted(extractor, text)
    stakes = {(s["holder"], s["investee"], s.get("share")) for f in facts if (s := f.get("stake"))}
    assert stakes == {("company/karoo-metals", "facility/tshwane-nickel-mine", 100)}  # the sole owner; the stake bought is no share of its
    figures = {f["figure"]["value"]: f["figure"]["subject"] for f in facts if "figure" in f}
    assert figures == {150_000_000: "facility/desalination-plant"}  # the plant the money is for


def test_a_company_in_capitals_acquired_and_a_mine_on_an_island_shipped_from(extractor: Extractor) -> None:
    text = (
        "Tasman Metals has resumed shipping zinc concentrate from its Kauri mine on Stewart Island in New Zealand.\n"
        "Tasman Metals bought the mine when it acquired NZM Resources for NZ$300 million in 2022.\n"
    )
    relations = _relations(extractor.extract(text))
    assert not [r for r in relations if r[0] == "supplies"]  # where the mine is, not who buys
    deals = {frozenset(r[1:]) for r in relations if r[0] == "agreement"}
    assert frozenset({"company/tasman-metals", "company/nzm-resources"}) in deals  # "acquired NZM Resources": a purchase
    assert ("invested", "company/tasman-metals", "company/nzm-resources") not in relations  # no stake read from it


def test_a_name_holding_e_a_sale_exported_to_buyers_in_a_country_a_seller_past_its_country_and_a_shareholder_named_after(
    extractor: Extractor,
) -> None:
    text = (
        "Mina e Serra Manganese Mining, which runs the Serra Azul manganese mine in Brazil, produced 2 million tonnes of ore.\n"
        "Orion owns 40% of Mina e Serra and Delta Holdings the remaining 60%.\n"
        "Most of the ore is exported through Santos to buyers in China.\n"
        "Orion holds the other 45% of the Vale Verde copper mine, which it bought from Japan's Mitsui in 2021 for $300 million.\n"
        "Orion's largest shareholder is the Norwegian state, which holds about 30%.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    venture = "company/mina-e-serra-manganese-mining"
    assert {("invested", "company/orion", venture), ("invested", "company/delta-holdings", venture)} <= relations  # "Mina e Serra"
    assert ("supplies", venture, "country/CN") in relations  # the operator's ore, to buyers in China
    assert frozenset({"company/orion", "company/mitsui"}) in {frozenset(r[1:]) for r in relations if r[0] == "agreement"}
    stakes = {(s["holder"], s["investee"], s.get("share")) for f in _drafted(extractor, text) if (s := f.get("stake"))}
    assert ("country/NO", "company/orion", 30) in stakes  # the shareholder named after "is", with its own share
    assert ("company/orion", "facility/vale-verde-copper-mine", 45) in stakes


def test_an_operator_named_after_the_mines_a_state_run_holder_a_consortium_led_by_a_firm_and_a_plant_at_its_mine(
    extractor: Extractor,
) -> None:
    text = (
        "Chile's state-run Enami is seeking a buyer for its stake in the Punta Negra copper mine near Taltal.\n"
        "Enami owns about 60% of the mine's operator, Minera y Metalurgica del Norte.\n"
        "Anglo American and Glencore each own 40% of the Punta Negra mine, and a consortium led by Mitsui & Co holds the remaining 20%.\n"
        "Karoo Manganese has secured a loan to complete a sinter plant at its mine near Kuruman, the company said.\n"
        "The plant would turn about 1 million tonnes of ore a year into sinter.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    operator = "company/minera-y-metalurgica-del-norte"
    assert ("operates", operator, "facility/punta-negra-copper-mine") in relations  # "the mine's operator, X"
    assert ("invested", "company/enami", operator) in relations  # of the operator named after
    assert not [r for r in relations if r[0] == "operates" and r[1] == "country/CL"]  # "state-run": no site run
    assert not [r for r in relations if r[1] in ("company/co", "company/mitsui")]  # the consortium holds, unnamed
    assert ("operates", "company/karoo-manganese", "facility/sinter-plant") in relations  # the plant to complete
    assert ("operates", "company/karoo-manganese", "facility/mine-near-kuruman") in relations  # and its mine, read on its own
    figures = {f["figure"]["value"]: f.get("modality") for f in _drafted(extractor, text) if "figure" in f}
    assert figures[1_000_000] == "planned"  # "The plant would turn": its design


def test_a_venture_named_by_its_own_word_each_owning_half_of_it(extractor: Extractor) -> None:
    text = "Lundin Mining and BHP each own half of the Condor joint venture, which is developing the Filo copper project in Argentina.\n"
    relations = _relations(extractor.extract(text))
    venture = "company/condor-joint-venture"
    assert {("invested", "company/lundin-mining", venture), ("invested", "company/bhp", venture)} <= relations  # "the X joint venture"
    assert ("operates", venture, "facility/filo-copper-project") in relations


def test_a_plant_approved_with_its_cost_mines_of_two_minerals_a_river_and_buyers_in_two_countries(extractor: Extractor) -> None:
    text = (
        "Andes Copper plc has approved a $2.1 billion second concentrator at its Toro Blanco copper mine in Chile.\n"
        "The concentrator would produce about 90,000 tonnes of copper a year.\n"
        "Pantanal Mining, a unit of Brazil's J&F Investimentos, runs its Morro Alto iron ore and manganese mines in Brazil.\n"
        "Pantanal Mining bought the mines from Vale in 2021.\n"
        "The company ships its ore along the Paraguay River to buyers in Argentina and Uruguay.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("operates", "company/pantanal-mining", "facility/morro-alto-iron-ore-and-manganese-mines") in relations
    assert ("invested", "company/j-f-investimentos", "company/pantanal-mining") in relations  # "J&F Investimentos"
    assert frozenset({"company/pantanal-mining", "company/vale"}) in {frozenset(r[1:]) for r in relations if r[0] == "agreement"}
    supplied = {r[2] for r in relations if r[0] == "supplies"}
    assert supplied == {"country/AR", "country/UY"}  # not Paraguay: a river's name
    facts = _drafted(extractor, text)
    built = [f for f in facts if ["company/andes-copper-plc", "operates", "facility/second-concentrator"] in f.get("triples", [])]
    assert [f.get("modality") for f in built] == ["planned"]  # approved, to be built
    figures = {f["figure"]["value"]: (f["figure"]["subject"], f.get("modality")) for f in facts if "figure" in f}
    assert figures[2_100_000_000] == ("facility/second-concentrator", None)  # its cost, stated
    assert figures[90_000] == ("facility/second-concentrator", "planned")  # "The concentrator would produce": its design


def test_a_name_holding_its_country_in_brackets_and_a_parent_based_in_a_place_named_in_one_word(extractor: Extractor) -> None:
    text = (
        "Denison Mines owns 95% of the Wheeler River uranium project and JCU (Canada) Exploration the remaining 5%.\n"
        "Heathgate Resources, a unit of U.S.-based General Atomics, plans to expand its Four Mile uranium mine.\n"
    )
    relations = _relations(extractor.extract(text))
    assert ("invested", "company/jcu-canada-exploration", "facility/wheeler-river-uranium-project") in relations
    assert ("invested", "company/general-atomics", "company/heathgate-resources") in relations  # past "U.S.-based"
    stakes = {(s["holder"], s["share"]) for f in _drafted(extractor, text) if (s := f.get("stake")) and "share" in s}
    assert ("company/jcu-canada-exploration", 5) in stakes


def test_a_units_country_in_its_name_a_merger_partner_no_operator_and_contracts_with_unnamed_utilities(extractor: Extractor) -> None:
    text = (
        "Cameco owns 83% of the Key Lake mill and Orano Canada the remaining 17%.\n"
        "Deep Yellow also owns the Mulga Rock uranium project, which it acquired when it merged with Vimy Resources in 2022.\n"
        "Ur-Energy has signed contracts to supply uranium to several U.S. utilities.\n"
    )
    relations = _relations(extractor.extract(text))
    assert ("invested", "company/orano-canada", "facility/key-lake-mill") in relations  # the unit, not Canada
    assert not [r for r in relations if r[1] == "country/CA"]
    assert ("operates", "company/vimy-resources", "facility/mulga-rock-uranium-project") not in relations  # merged with: no operator
    assert not [r for r in relations if "country/US" in r]  # unnamed buyers: no deal with the country


def test_a_stake_bought_from_its_holder_a_project_its_reporter_owns_and_a_passive_sale_to_a_described_buyer(
    extractor: Extractor,
) -> None:
    text = (
        "Mesa Uranium Inc said the U.S. government has added its Cibola uranium project near Grants, New Mexico, to a fast-track list.\n"
        "Mesa Uranium bought Japan's Marubeni Corp's 40% stake in the Cibola project in 2016 and now owns all of it.\n"
        "JV Akdala, a joint venture of Kazatomprom and Uranium One, produced about 1,000 tonnes of uranium in 2024.\n"
        "All of its uranium is sold to Russia's state nuclear company Rosatom.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("operates", "company/mesa-uranium-inc", "facility/cibola-uranium-project") in relations  # the reporter's, not the US's
    assert not [r for r in relations if r[0] == "operates" and r[1] == "country/US"]
    assert ("supplies", "company/jv-akdala", "company/rosatom") in relations  # sold, the seller the text opens with
    stakes = {(s["holder"], s.get("share")) for f in _drafted(extractor, text) if (s := f.get("stake"))}
    assert ("company/mesa-uranium-inc", 100) in stakes  # "now owns all of it"
    assert not [s for s in stakes if s[0] == "company/marubeni-corp"]  # the stake it sold is no more its


def test_a_passive_sale_to_makers_named_by_their_origin_is_no_supply(extractor: Extractor) -> None:
    text = (
        "Gobi Copper produced about 500,000 tonnes of copper concentrate in 2024.\nMost of the concentrate is sold to Chinese smelters.\n"
    )
    assert not [r for r in _relations(extractor.extract(text)) if r[0] == "supplies"]  # unnamed buyers, not China


def test_a_projects_owner_named_after_a_comma_runs_it_and_its_purchase_is_a_deal(extractor: Extractor) -> None:
    text = (
        "Xiangtan Mining has started production at its Kasompe copper mine in Zambia.\n"
        "Xiangtan bought the mine's owner, Canada's Borealis Copper, in 2018 for C$55 million.\n"
    )
    relations = _relations(extractor.extract(text))
    assert ("operates", "company/borealis-copper", "facility/kasompe-copper-mine") in relations  # the owner, after the comma
    assert ("agreement", "company/xiangtan-mining", "company/borealis-copper") in relations  # the buyer and the one bought
    assert not [r for r in relations if "country/CA" in r]  # where the owner is from, no party


def test_output_of_a_company_running_a_mine_and_money_for_a_plant_named_by_its_purpose(extractor: Extractor) -> None:
    text = (
        "Kestrel Tin, which runs the Daly River tin mine in Tasmania, produced about 4,100 tonnes of tin in concentrate in 2024.\n"
        "It plans to spend about A$40 million on a plant to recover tin from old slags at the mine.\n"
    )
    figures = {(f["subject"], f["value"]) for f in _drafted_figures(extractor, text)}
    assert ("company/kestrel-tin", 4100) in figures  # the company's, as the sentence says (its mine named in an aside)
    assert ("facility/plant-to-recover-tin-from-old-slags", 40000000) in figures  # the new plant the money is for


def test_a_state_banks_loan_is_the_borrowers_and_the_state_holds_the_bank(extractor: Extractor) -> None:
    text = (
        "Harrow Nickel, which is owned by investment firm Gale Capital, plans to expand its Serra Alta nickel operation in Brazil.\n"
        "Brazil's state development bank BNDES has agreed to lend the company 300 million reais for the project.\n"
    )
    figures = {(f["subject"], f["value"]) for f in _drafted_figures(extractor, text)}
    assert ("company/harrow-nickel", 300000000) in figures  # the borrower, not the state's bank
    held = {r[2] for r in _relations(extractor.extract(text)) if r[:2] == ("invested", "country/BR")}
    assert {ref.split("/")[1] for ref in held} == {"bndes"}  # the state holds its bank (an agency or a company: its holding either way)


def test_a_project_its_subject_runs_with_a_partner(extractor: Extractor) -> None:
    text = "Corvus Uranium has restarted drilling at the Kane Lake uranium project in northern Saskatchewan, which it runs with Delta Uranium Corp.\n"
    relations = _relations(extractor.extract(text))
    assert ("operates", "company/corvus-uranium", "facility/kane-lake-uranium-project") in relations
    assert ("operates", "company/delta-uranium-corp", "facility/kane-lake-uranium-project") in relations


def test_a_parent_named_after_spun_off_from_and_a_mines_output_not_its_province(extractor: Extractor) -> None:
    text = (
        "Korlan Platinum, which was spun off from Harlan Mercer in 2024, plans to spend about 2 billion rand at its Tarka mine.\n"
        "Glenmore's Selati vanadium mine near Tzaneen in South Africa's Highveld province produced about 3,200 tonnes of vanadium in 2024.\n"
    )
    held = [
        f for f in _drafted(extractor, text) if ["company/harlan-mercer", "investedIn", "company/korlan-platinum"] in f.get("triples", [])
    ]
    assert [f["modality"] for f in held] == ["todo-past-state"]  # the parent's, a past state (until the spin-off)
    figures = {(f["subject"], f["value"]) for f in _drafted_figures(extractor, text)}
    assert ("facility/selati-vanadium-mine", 3200) in figures  # the mine's, not the province's where it is


def test_duties_on_imports_are_no_supply_nor_a_count_and_a_second_mine_is_the_subjects_not_its_country(
    extractor: Extractor,
) -> None:
    text = (
        "Calder Silicon will restart its silicon metal plant in Mobile, Alabama, after the United States imposed duties "
        "on imports from four countries, the company said.\n"
        "Redwater Minerals has started production at its Kafue nickel mine in Zambia, next to its Lusenga copper mine.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert not [r for r in relations if r[0] == "supplies"]  # a levy on imports, no one's supply
    assert not [f for f in result.figures if f.unit == "count"]  # "four countries": no count of the graph's
    assert ("operates", "company/redwater-minerals", "facility/lusenga-copper-mine") in relations  # its, not Zambia's
    assert not [r for r in relations if r[1] == "country/ZM"]


def test_a_share_of_demand_a_project_could_meet_ways_developed_with_a_lab_and_a_hoped_for_plant(extractor: Extractor) -> None:
    text = (
        "Bitterroot Metals has signed an agreement with Argonne National Laboratory to develop ways to process ore "
        "from its Lost Horse rare earth project in Montana.\n"
        "The company says Lost Horse could supply about 4% of U.S. demand for neodymium.\n"
        "Chief executive Jan Orr said the company hoped to build a processing plant in Idaho.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("operates", "company/bitterroot-metals", "facility/lost-horse-rare-earth-project") in relations
    assert not [r for r in relations if r[0] == "operates" and r[1].startswith("org/")]  # the lab runs no site
    supplies = [r for r in relations if r[0] == "supplies"]  # ore studied with the lab: no supply to it
    assert supplies == [("supplies", "company/bitterroot-metals", "country/US")]  # a possible share of U.S. demand
    drafted = _drafted(extractor, text)
    planned = [f for f in drafted if any(t[1] == "operates" and "processing-plant" in t[2] for t in f.get("triples", []))]
    assert [f["modality"] for f in planned] == ["aim"]  # "hoped to build": an aim, not a plant


def test_a_memorandum_to_buy_for_a_plant_is_the_partners_supply_to_the_buyer(extractor: Extractor) -> None:
    text = (
        "Hanbit Magnetics plans to build a magnet plant in Ohio that would make about 2,000 tonnes of magnets a year.\n"
        "Hanbit has signed a memorandum of understanding with Canada's Torngat Metals to buy separated rare earth oxides "
        "for the plant.\n"
    )
    supplies = [r for r in _relations(extractor.extract(text)) if r[0] == "supplies"]
    assert supplies == [("supplies", "company/torngat-metals", "company/hanbit-magnetics")]  # the plant is what they are for


def test_a_site_named_mines_after_its_and_a_letter_of_interest_for_a_new_plant(extractor: Extractor) -> None:
    text = (
        "Adirondack Minerals Corp has started producing graphite concentrate at its Balmat Hill Mines in New York state.\n"
        "The U.S. Export-Import Bank has issued a letter of interest for up to $90 million for a commercial graphite plant at the site.\n"
    )
    relations = _relations(extractor.extract(text))
    assert ("operates", "company/adirondack-minerals-corp", "facility/balmat-hill-mines") in relations  # a site, not a company
    figures = _drafted_figures(extractor, text)
    assert [(f["subject"], f["metric"]) for f in figures] == [("facility/commercial-graphite-plant", "funding-amount")]


def test_a_units_supply_a_plant_it_has_a_share_of_refined_output_and_a_reporter_no_target(extractor: Extractor) -> None:
    text = (
        "Kanto Steel Co's unit Kanto Magnetics makes neodymium magnets at its plant in Ota, Gunma prefecture, "
        "and supplies them to Mazda Motor.\n"
        "Kanto Magnetics also has a magnet plant in Vietnam.\n"
        "Indium prices in Europe have doubled since China restricted exports of the metal in February 2025, according to Argus.\n"
        "China produces about 70% of the world's refined indium.\n"
    )
    relations = _relations(extractor.extract(text))
    assert ("supplies", "company/kanto-magnetics", "company/mazda-motor") in relations  # the unit, not its parent
    assert ("operates", "company/kanto-magnetics", "facility/magnet-plant-in-vietnam") in relations
    restrictions = [r for r in relations if r[0] == "restricts"]
    assert restrictions == [("restricts", "country/CN", "")]  # "according to Argus" reports it, no target
    figures = [f for f in _drafted_figures(extractor, text) if f["unit"] == "percent"]
    assert [(f["subject"], f["metric"]) for f in figures] == [("country/CN", "production-share")]  # it produces the refined metal


def test_a_set_with_nothing_of_a_kind_to_score_meets_its_target() -> None:
    nothing, missed = Score(), Score(tp=0, predicted=0, gold=2)
    assert (nothing.precision, nothing.recall) == (1.0, 1.0)  # no modal fact in the set: nothing wrong, nothing missed
    assert missed_targets({"relations": Score(3, 3, 3), "figures (metric, subject)": Score(2, 2, 2), "modality": nothing}) == []
    assert missed_targets({"relations": missed, "figures (metric, subject)": nothing, "modality": nothing}) == [
        "relations recall 0.00 < 0.7"
    ]


def test_a_mines_output_bought_a_plant_started_and_a_sovereign_fund_with_the_states_stake(extractor: Extractor) -> None:
    text = (
        "Pindan Sands has shipped its first cargo of zircon concentrate from its Kulgera mine near Broome in Western Australia.\n"
        "Hebei Huaxin has agreed to buy all of the mine's zircon concentrate for five years.\n"
        "Sulawesi Nickel Materials has started a high-pressure acid leach plant at the Weda Bay Industrial Park.\n"
        "Mekar, Malaysia's new sovereign wealth fund, plans to invest about $800 million in a battery plant in Johor.\n"
        "Mekar manages about $300 billion of assets, including the state's stake in miner Tanjung Mining.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("supplies", "company/pindan-sands", "company/hebei-huaxin") in relations  # from the mine's operator
    assert not [r for r in relations if r[0] == "agreement"]  # "agreed to buy the mine's output" names the buyer only
    assert [r for r in relations if r[0] == "operates" and r[1] == "company/sulawesi-nickel-materials"]
    assert ("invested", "country/MY", "company/mekar") in relations  # the state's fund
    assert ("invested", "country/MY", "company/tanjung-mining") in relations  # "the state's stake": not the fund's
    assert not [m for m in result.mentions if m.kind == "agency"]  # "Malaysia's new sovereign wealth fund" is Mekar, no body of its own
    figures = [f["value"] for f in _drafted_figures(extractor, text)]
    assert 300000000000 not in figures  # assets a fund manages: no one's funding


def test_a_project_named_by_an_initial_and_a_buyer_named_far_after_the_verb(extractor: Extractor) -> None:
    text = (
        "Kalahari Manganese Corp has signed a non-binding agreement to supply high-purity manganese sulphate from its "
        "J.Berg project in southern Botswana to South Korea's EcoPro Materials.\n"
        "The company says J.Berg could produce about 40,000 tonnes of manganese sulphate a year.\n"
    )
    relations = _relations(extractor.extract(text))
    assert ("operates", "company/kalahari-manganese-corp", "facility/j-berg-project") in relations  # "J.Berg": an initial
    assert ("agreement", "company/kalahari-manganese-corp", "company/ecopro-materials") in relations  # the buyer, however far
    assert not [r for r in relations if r[0] == "supplies" or "country/KR" in r]  # non-binding: no supply; Korea is where from


def test_a_named_joint_ventures_output_halves_and_buyers_and_a_crown_expansion_of_a_smelter(extractor: Extractor) -> None:
    text = (
        "Caribe Metals Corp said the Nicaro Joint Venture produced about 20,000 tonnes of nickel and cobalt in 2024.\n"
        "Caribe owns half of the venture, and Cuba's state-owned Cubaniquel holds the other half.\n"
        "Caribe sells most of the venture's cobalt to buyers in China.\n"
        "Nordzink ASA has finished a 3 billion Norwegian crown expansion of its Eitrheim zinc smelter in Norway.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    venture = "company/nicaro-joint-venture"
    assert ("invested", "company/caribe-metals-corp", venture) in relations  # "the venture": the one its name calls so
    assert ("invested", "company/cubaniquel", venture) in relations  # "holds the other half"
    assert ("supplies", "company/caribe-metals-corp", "country/CN") in relations  # buyers in China, not the venture
    assert ("operates", "company/nordzink-asa", "facility/eitrheim-zinc-smelter") in relations  # its, not Norway's
    figures = {(f["subject"], f["unit"]) for f in _drafted_figures(extractor, text)}
    assert (venture, "tonne") in figures  # what the venture produced, not the reporter's
    assert ("facility/eitrheim-zinc-smelter", "NOK") in figures  # an expansion of the smelter, in Norwegian crowns


def test_a_restart_planned_with_money_of_a_site_named_with_its_two_works(extractor: Extractor) -> None:
    text = (
        "Karoo Zinc Holdings plans to spend about $600 million to restart the Aus zinc mine and refinery near Luderitz "
        "in southern Namibia, which have been shut since 2019.\n"
        "The refinery could produce about 90,000 tonnes of zinc a year once restarted.\n"
    )
    drafted = _drafted(extractor, text)
    site = "facility/aus-zinc-mine-and-refinery"  # one site of its two works
    runs = [f for f in drafted if ["company/karoo-zinc-holdings", "operates", site] in f.get("triples", [])]
    assert [f.get("modality") for f in runs] == ["planned"]  # running it again is the plan (as "plans to restart the X mine")
    figures = {(f["figure"]["subject"], f["figure"]["metric"], f.get("modality")) for f in drafted if "figure" in f}
    assert (site, "funding-amount", "planned") in figures
    assert (site, "production-capacity", "possibility") in figures  # "The refinery": the site named with it


def test_a_name_opening_with_a_digit_a_named_us_buyer_a_saint_town_a_grant_that_helps_and_a_stake_held_together(
    extractor: Extractor,
) -> None:
    text = (
        "3D Metals Inc, a Quebec-based maker of specialty alloys, supplies gallium arsenide to U.S. chip maker Qorvo "
        "under a long-term contract.\n"
        "The company will expand output at its plant in St. Louis, Missouri, with help from a $9.5 million U.S. Department of Energy grant.\n"
        "Hanil Metals and private equity firm Daol Partners together own about 30% of Sunrise Zinc.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("supplies", "company/3d-metals-inc", "company/qorvo") in relations  # the maker named after "U.S."
    assert ("agreement", "company/3d-metals-inc", "company/qorvo") in relations  # under a contract between them
    assert not [r for r in relations if "country/US" in r]
    assert ("operates", "company/3d-metals-inc", "facility/plant-in-st-louis") in relations
    assert ("invested", "company/hanil-metals", "company/sunrise-zinc") in relations  # held together: each, no share
    assert ("invested", "company/daol-partners", "company/sunrise-zinc") in relations
    grants = [f for f in _drafted(extractor, text) if f.get("figure", {}).get("unit") == "USD"]
    assert [(f["figure"]["subject"], f.get("modality")) for f in grants] == [("company/3d-metals-inc", "stated")]  # given, not expected


def test_a_span_of_years_is_a_works_time_only_when_the_work_takes_it(extractor: Extractor) -> None:
    text = (
        "Building the Kestrel Ridge rare earth mine will take about three years.\n"
        "Norvale began its search for a domestic supply of rare earths 12 years ago.\n"
        "Set beside the decades of its rival's rare earth industry, 12 years is not that long.\n"
    )
    figures = {(f["value"], f["metric"]) for f in _drafted_figures(extractor, text)}
    assert (Decimal(3), "development-time") in figures  # "will take about three years"
    assert (Decimal(12), "time-elapsed") in figures  # "12 years ago"
    assert (Decimal(12), "development-time") not in figures  # "12 years is not that long": no work takes it


def test_a_share_of_a_places_demand_is_a_supply_to_that_place(extractor: Extractor) -> None:
    text = (
        "Corvane Metals operates a rare earth separation plant in Brindisi, Italy.\n"
        "Corvane Metals aims to supply 25% of Japanese demand for rare earths by 2031.\n"
        "The company could also supply 10% of European demand for rare earths.\n"
        "European buyers have signed no deals with Corvane Metals.\n"
    )
    supplies = {(s["customer"], s.get("share")) for f in _drafted(extractor, text) if (s := f.get("supply"))}
    assert ("country/JP", Decimal(25)) in supplies  # "of Japanese demand": Japan's needs
    assert ("region/europe", Decimal(10)) in supplies  # "of European demand": Europe's
    assert len(supplies) == 2  # "European buyers": where buyers are from, no customer


def test_talks_after_a_purchase_an_exploration_project_and_a_halved_use(extractor: Extractor) -> None:
    text = (
        "Norvale Magnetics buys most of its rare earths from China and is in talks with Kestrel Metals about supplies.\n"
        "Norvale Magnetics holds a 40% stake in the Tarn exploration project.\n"
        "The company aims to halve its use of terbium by 2029.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("supplies", "country/CN", "company/norvale-magnetics") in relations
    assert not [r for r in relations if r[0] == "supplies" and r[1] == "company/kestrel-metals"]  # in talks only: no supply
    assert ("invested", "company/norvale-magnetics", "facility/tarn-exploration-project") in relations
    facts = _drafted(extractor, text)
    halved = next(f for f in facts if "figure" in f and f["figure"]["value"] == Decimal(50))
    assert (halved["figure"]["metric"], halved["figure"]["subject"], halved["modality"]) == (
        "consumption-change",
        "company/norvale-magnetics",
        "aim",
    )


def test_a_line_opening_with_a_name_that_starts_with_a_navigation_word_is_read(extractor: Extractor) -> None:
    text = (
        "Search\n"
        "Advertisement\n"
        "Search Metals Ltd runs the Kell rare earth mine in Finland.\n"
        "Home Minerals plans to ship rare earth concentrate from the Kell rare earth mine to Norvale Magnetics.\n"
    )
    relations = _relations(extractor.extract(text))
    assert ("operates", "company/search-metals-ltd", "facility/kell-rare-earth-mine") in relations  # a name, not the site's search box
    assert ("supplies", "company/home-minerals", "company/norvale-magnetics") in relations


def test_a_family_name_with_a_capital_inside_is_a_persons_name(extractor: Extractor) -> None:
    text = (
        "Kestrel Metals runs the Tarn copper mine in Chile.\n"
        "Kestrel's chief executive, Ewan MacKenzie, said the copper mine would grow.\n"
        "Chief executive Mary O'Brien of Norvale Magnetics said the copper supply was tight.\n"
        '"We will grow," chief executive Jan Lindström said of the copper mine.\n'
    )
    people = {m.text for m in extractor.extract(text).mentions if m.kind == "person"}
    assert {"Ewan MacKenzie", "Mary O'Brien", "Jan Lindström"} <= people  # not "Ewan", nor no one


def test_a_find_of_mineralisation_a_state_utility_and_a_continents_demonym_named(extractor: Extractor) -> None:
    text = (
        "Tarnwick Resources has found rare earth mineralisation at its Kell project in Finland.\n"
        "Tarnwick Resources signed an agreement with Finland's state power utility Kolvo to buy electricity.\n"
        "Tarnwick Resources aims to supply 5% of European demand for rare earths.\n"
    )
    result = extractor.extract(text)
    relations = _relations(result)
    assert ("discovered", "company/tarnwick-resources", "") in relations  # "has found … mineralisation": a find
    assert ("invested", "country/FI", "company/kolvo") in relations  # "state power utility": the state's
    draft = draft_document(result, "t.txt", source_id="t", text=text)
    assert {"id": "region/europe", "label": "Europe"}.items() <= next(e for e in draft["entities"] if e["id"] == "region/europe").items()


def test_a_stated_supply_to_a_place_leaves_the_buyer_to_the_curator(extractor: Extractor) -> None:
    text = (
        "Corvane Metals supplies 10% of European demand for rare earths.\n"
        "Corvane Metals aims to supply 20% of European demand for rare earths by 2031.\n"
    )
    supplies = {f["supply"]["share"]: f for f in _drafted(extractor, text) if "supply" in f}
    assert supplies[Decimal(10)]["supply"]["customer"] == "todo/customer"  # a stated supply's buyer is an actor: Europe is none
    assert "region/europe is a place" in supplies[Decimal(10)]["#"]["supply"]
    assert (supplies[Decimal(20)]["supply"]["customer"], supplies[Decimal(20)]["modality"]) == ("region/europe", "aim")


def test_a_venture_of_several_is_held_by_each(extractor: Extractor) -> None:
    text = "Norvale Cells, a venture of Kestrel Metals, Tarnwick Resources and Corvane Metals, makes battery cells from nickel.\n"
    relations = _relations(extractor.extract(text))
    assert {
        ("invested", holder, "company/norvale-cells")
        for holder in ("company/kestrel-metals", "company/tarnwick-resources", "company/corvane-metals")
    } <= relations


def test_a_plant_that_would_supply_a_buyer_is_expected_to_unless_if(extractor: Extractor) -> None:
    text = (
        "Kestrel Metals runs the Tarn nickel plant in Finland.\n"
        "The plant would supply nickel sulphate to Norvale Cells.\n"
        "The plant would supply nickel sulphate to Corvane Metals if it were expanded.\n"
    )
    modality = {f["supply"]["customer"]: f["modality"] for f in _drafted(extractor, text) if "supply" in f}
    assert modality == {"company/norvale-cells": "expected", "company/corvane-metals": "possibility"}
