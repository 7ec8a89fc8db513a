"""``rekg extract`` and ``coverage``: drafting sheets from articles, and what the sheets cover."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from kg.cli._common import CorpusOption, FactsOption, StoreOption, StoreUrlOption, console, err, open_ready, progress
from kg.curation.articles import read_article
from kg.curation.coverage import measure_coverage
from kg.errors import ArticleError, KgError
from kg.ingest.corpus import resolve_corpus_dir
from kg.ingest.sheets import load_sheet, load_sheets
from kg.vocab import FACTS_DIR

if TYPE_CHECKING:
    from kg.curation.extract import Extractor
    from kg.curation.proposals import Extraction

__all__ = ["register"]


def coverage(
    store: StoreOption = None,
    corpus: CorpusOption = None,
    facts: FactsOption = FACTS_DIR,
    uncited: Annotated[bool, typer.Option("--uncited/--no-uncited", help="List the sentences no fact cites.")] = True,
    store_url: StoreUrlOption = None,
) -> None:
    """Per source: entities, relations, figures and claims in the graph, and the sentences no fact cites."""
    _, sheets = load_sheets(facts)
    report = measure_coverage(open_ready(store, store_url), sheets, resolve_corpus_dir(corpus))
    table = Table("source", "entities", "relations", "figures", "supply", "stakes", "claims", "sentences cited")
    for row in report:
        share = f"{row.cited}/{row.sentences} ({row.cited_share:.0%})" if row.cited_share is not None else "—"
        table.add_row(
            row.source_id, *(str(n) for n in (row.entities, row.relations, row.figures, row.supplies, row.stakes, row.claims)), share
        )
    console.print(table)
    if uncited:
        for row in report:
            for sentence in row.uncited:
                console.print(f"[dim]{row.source_id}[/] uncited: {escape(sentence)}", highlight=False)


def _extract_one(extractor: Extractor, path: Path, source_id: str | None) -> tuple[str, Extraction]:
    from kg.curation.draft import draft_sheet
    from kg.curation.proposals import slugify

    text = read_article(path)
    extraction = extractor.extract(text)
    return draft_sheet(extraction, path, source_id=source_id or "s-" + slugify(path.stem), text=text), extraction


def _extract_batch(extractor: Extractor, folder: Path, out_dir: Path) -> None:
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".txt", ".md", ""))
    out_dir.mkdir(parents=True, exist_ok=True)
    table = Table("article", "sentences", "known", "new", "figures", "relations", "draft")
    with progress(unit="articles") as shown:
        task = shown.add_task("extracting", total=len(files))
        for path in files:
            shown.update(task, description=path.name)
            try:
                draft, result = _extract_one(extractor, path, None)
            except KgError as exc:
                table.add_row(path.name, "", "", "", "", "", f"[red]{escape(str(exc).split(': ', 1)[-1])}[/]")
            else:
                target = out_dir / f"{path.stem}.draft.yaml"
                target.write_text(draft, encoding="utf-8")
                known = sum(1 for m in result.mentions if m.iri)
                table.add_row(
                    path.name,
                    str(len(result.sentences)),
                    str(known),
                    str(len(result.mentions) - known),
                    str(len(result.figures)),
                    str(len(result.relations)),
                    str(target),
                )
            shown.advance(task)
    console.print(table)


def _evaluate(store: StoreOption, store_url: str | None, corpus: Path | None, gold: Path | None, targets: bool) -> None:
    from kg.curation.evaluate import evaluate, missed_targets

    registry, sheets = load_sheets(FACTS_DIR)
    if gold is not None:  # articles of our own beside their gold sheets, none of them in the graph
        corpus_dir: Path | None = gold
        sheets = [load_sheet(p) for p in sorted(gold.glob("*.yaml"))]
    else:
        corpus_dir = resolve_corpus_dir(corpus)
    if corpus_dir is None:
        raise ArticleError("no corpus to evaluate on: give --corpus or set REKG_CORPUS")
    types = {e.id: e.type for sheet in (registry, *sheets) for e in sheet.model.entities}
    scores = evaluate(open_ready(store, store_url), sheets, types, corpus_dir)
    table = Table("kind", "precision", "recall", "found", "proposed", "curated")
    for kind, score in scores.items():
        table.add_row(kind, f"{score.precision:.2f}", f"{score.recall:.2f}", str(score.tp), str(score.predicted), str(score.gold))
    console.print(table)
    if targets and (missed := missed_targets(scores)):
        err.print("below the targets: " + "; ".join(missed))
        raise typer.Exit(1)


def extract(
    path: Annotated[Path | None, typer.Argument(help="An article (.txt) or a folder of them.")] = None,
    source_id: Annotated[str | None, typer.Option("--source-id", help="The new source's id (default: from the file name).")] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Draft file (a folder for a batch; default: standard output, or ./drafts).")
    ] = None,
    evaluate_: Annotated[bool, typer.Option("--evaluate", help="Score the extractor against the curated sheets of the corpus.")] = False,
    gold: Annotated[
        Path | None,
        typer.Option("--gold", help="With --evaluate: a folder of articles (.txt) and their gold sheets (.yaml) instead of the corpus."),
    ] = None,
    targets: Annotated[
        bool,
        typer.Option(
            "--targets", help="With --evaluate: exit 1 when a score is below its target (relations 0.7, figures and modality 0.8)."
        ),
    ] = False,
    store: StoreOption = None,
    corpus: CorpusOption = None,
    store_url: StoreUrlOption = None,
) -> None:
    """Draft a fact sheet from article text: entity mentions, figures and relations, each with its sentence.

    Needs the ``extract`` extra (spaCy): ``pip install 'rare-earth-kg[extract]'``.
    """
    from kg.curation.extract import Extractor
    from kg.curation.gazetteer import gazetteer

    if evaluate_:
        _evaluate(store, store_url, corpus, gold, targets)
        return
    if path is None:
        raise typer.BadParameter("give an article, a folder of articles, or --evaluate")
    if source_id is not None and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", source_id):
        raise typer.BadParameter(f"{source_id!r}: lowercase letters, digits and hyphens, as a sheet's source.id", param_hint="--source-id")
    extractor = Extractor(gazetteer(open_ready(store, store_url)))
    if path.is_dir():
        _extract_batch(extractor, path, output or Path("drafts"))
        return
    draft, _ = _extract_one(extractor, path, source_id)
    if output is None:
        sys.stdout.write(draft)
    else:
        output.write_text(draft, encoding="utf-8")
        err.print(f"wrote {output}")


def register(app: typer.Typer) -> None:
    """Add these commands to ``app``."""
    app.command()(coverage)
    app.command()(extract)
