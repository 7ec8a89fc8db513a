"""The modality lint: a quote with a modal or forward-looking marker and no modality fails the
build, naming file, line and marker, and writes nothing; with a modality it passes."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest.modality import load_markers
from kg.store import EmbeddedStore
from kg.vocab import FACTS_DIR

MARKERS = [m.marker for m in load_markers()]
TEXT = "Acme Metals is based in Australia.\n" + "".join(f"Sentence {i}: Japan {m} refine rare earths.\n" for i, m in enumerate(MARKERS))
SHEET = """\
source:
  id: s-lint
  title: A test article
  file: lint.txt
  sha256: {sha}
facts:
  - quote: "Acme Metals is based in Australia."
    triples:
      - [company/lynas-rare-earths, headquarteredIn, country/AU]
"""
runner = CliRunner()


def fact(marker: str, extra: str = "") -> str:
    sentence = f"Sentence {MARKERS.index(marker)}: Japan {marker} refine rare earths."
    return f'  - quote: "{sentence}"\n{extra}    triples:\n      - [country/JP, performsStage, stage/refining]\n'


@pytest.fixture(scope="module")
def lint_store(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("lint")
    (root / "corpus").mkdir()
    (root / "corpus" / "lint.txt").write_text(TEXT, encoding="utf-8")
    (root / "facts").mkdir()
    shutil.copy(FACTS_DIR / "entities.yaml", root / "facts" / "entities.yaml")
    (root / "facts" / "lint.yaml").write_text(SHEET.format(sha=hashlib.sha256(TEXT.encode()).hexdigest()), encoding="utf-8")
    result = runner.invoke(app, ["build", "--store", str(root / "store"), "--corpus", str(root / "corpus"), "--facts", str(root / "facts")])
    assert result.exit_code == 0, result.output
    return {"root": root, "store": root / "store", "sheet": root / "facts" / "lint.yaml"}


def build(ws: dict[str, Path], command: str = "build") -> object:
    root = ws["root"]
    args = [command, "--corpus", str(root / "corpus"), "--facts", str(root / "facts")]
    return runner.invoke(app, args + (["--store", str(ws["store"])] if command == "build" else []))


def with_fact(ws: dict[str, Path], extra: str, command: str = "build") -> object:
    """``command`` run with ``extra`` appended to the sheet, which is then put back."""
    sheet = ws["sheet"]
    original = sheet.read_text()
    try:
        sheet.write_text(original + extra, encoding="utf-8")
        return build(ws, command)
    finally:
        sheet.write_text(original, encoding="utf-8")


@pytest.mark.parametrize("marker", MARKERS)
def test_a_marker_without_modality_fails_the_build_naming_file_line_and_marker(lint_store: dict[str, Path], marker: str) -> None:
    before = EmbeddedStore(lint_store["store"]).database()
    result = with_fact(lint_store, fact(marker))
    output = " ".join(result.output.split())
    assert result.exit_code == 1, output
    assert f"{lint_store['sheet']}:10" in output and f"the quote says '{marker}'" in output, output
    assert EmbeddedStore(lint_store["store"]).database() == before


@pytest.mark.parametrize("marker", MARKERS)
def test_a_marker_with_a_modality_passes(lint_store: dict[str, Path], marker: str) -> None:
    result = with_fact(lint_store, fact(marker, "    modality: possibility\n"), "validate")
    output = " ".join(result.output.split())
    assert result.exit_code == 0 and "0 violation(s)" in output and "the quote says" not in output, output


def test_stated_over_a_marker_needs_a_why(lint_store: dict[str, Path]) -> None:
    result = with_fact(lint_store, fact("could", "    modality: stated\n"), "validate")
    assert result.exit_code == 1 and "needs a `why:`" in " ".join(result.output.split())
    why = "    modality: stated\n    why: the marker qualifies another clause\n"
    assert with_fact(lint_store, fact("could", why), "validate").exit_code == 0


def test_an_unknown_modality_is_named(lint_store: dict[str, Path]) -> None:
    result = with_fact(lint_store, fact("could", "    modality: rumour\n"), "validate")
    assert result.exit_code == 1 and "unknown modality 'rumour'" in " ".join(result.output.split())
