"""``rekg build``, ``validate``, ``reason`` and ``info``: making the store and looking at it."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from kg.cli._common import (
    CorpusOption,
    FactsOption,
    StoreOption,
    StoreUrlOption,
    collector_paused,
    console,
    err,
    open_ready,
    progress,
    run_build,
    writable_store,
)
from kg.ingest.change import apply_change
from kg.ingest.corpus import resolve_corpus_dir
from kg.ingest.pipeline import BuildSummary, apply_sheet, build_and_validate, rederive_store, violation_messages
from kg.store import describe_store, open_store, store_exists
from kg.store.rdf_files import read_quads
from kg.vocab import FACTS_DIR, GRAPH

__all__ = ["register"]


class ReportFormat(StrEnum):
    """How ``rekg validate`` prints its report."""

    text = "text"
    turtle = "turtle"


def _timings(summary: BuildSummary) -> str:
    return ", ".join(f"{name} {seconds:.2f} s" for name, seconds in summary.reasoning_seconds.items())


def _print_summary(summary: BuildSummary, store: str) -> None:
    table = Table(title="Triples per graph")
    table.add_column("graph")
    table.add_column("triples", justify="right")
    for graph, count in sorted(summary.triples_per_graph.items()):
        table.add_row(graph, str(count))
    table.add_row("[bold]total[/]", f"[bold]{summary.total_triples}[/]")
    console.print(table)
    classes = Table(title="Entities per class")
    classes.add_column("class")
    classes.add_column("entities", justify="right")
    for name, count in summary.entities_per_class.items():
        classes.add_row(name, str(count))
    console.print(classes)
    for warning in summary.warnings:
        err.print(f"[yellow]warning[/]: {escape(warning)}", highlight=False)
    if summary.changed_graphs == []:
        console.print("No sheet changed since the last build: nothing written (--full rebuilds everything).", highlight=False)
    elif summary.changed_graphs is not None:
        changed = ", ".join(g.rsplit("/", 1)[-1] for g in summary.changed_graphs)
        console.print(
            f"Sheets changed since the last build: {changed}; only their graphs were replaced, "
            "validated and reasoned incrementally (--full rebuilds everything).",
            highlight=False,
        )
    else:
        console.print(f"Inferred {summary.inferred} triples ({_timings(summary)}).", highlight=False)
    console.print(
        f"Built {summary.total_triples} triples, {summary.quotes_checked} quotes verified, in {summary.seconds:.2f} s → {store}",
        highlight=False,
    )


def build(
    store: StoreOption = None,
    corpus: CorpusOption = None,
    facts: FactsOption = FACTS_DIR,
    store_url: StoreUrlOption = None,
    full: Annotated[bool, typer.Option("--full", help="Rebuild every graph from scratch, not only those of changed sheets.")] = False,
) -> None:
    """Build the store from the fact sheets, refusing anything that fails the SHACL shapes: only
    the graphs of sheets that changed since the last build (by digest), through incremental
    validation and reasoning, unless --full or what every graph depends on changed."""
    _print_summary(run_build(facts, store, store_url, corpus, full=full), describe_store(store, url=store_url))


def apply(
    sheet: Annotated[Path, typer.Argument(help="The fact sheet to apply (YAML), in the facts folder or not.", exists=True, dir_okay=False)],
    store: StoreOption = None,
    corpus: CorpusOption = None,
    facts: FactsOption = FACTS_DIR,
    store_url: StoreUrlOption = None,
) -> None:
    """Apply one fact sheet incrementally: its graph, new or in place of its source's, goes in
    through the SHACL gate and incremental reasoning, all or nothing."""
    with progress(unit="stages") as shown, collector_paused():
        task = shown.add_task("applying", total=None)
        with writable_store(store, store_url) as opened:
            summary = apply_sheet(
                sheet, facts, opened, corpus_dir=resolve_corpus_dir(corpus), on_stage=lambda name: shown.update(task, description=name)
            )
    console.print(
        f"Applied {sheet.name} ({summary.quotes_checked} quotes verified) in {summary.seconds:.2f} s; "
        f"the store now infers {summary.inferred} triples → {describe_store(store, url=store_url)}",
        highlight=False,
    )


def validate(
    corpus: CorpusOption = None,
    facts: FactsOption = FACTS_DIR,
    fmt: Annotated[ReportFormat, typer.Option("--format", help="How to print the report.")] = ReportFormat.text,
) -> None:
    """Validate the fact sheets against the SHACL shapes without writing the store."""
    built, report = build_and_validate(facts, corpus_dir=resolve_corpus_dir(corpus))
    if fmt is ReportFormat.turtle:
        sys.stdout.write(report.graph.serialize(format="turtle"))
    else:
        for line in violation_messages(report.violations, built):
            console.print(escape(line), highlight=False, soft_wrap=True)
        warnings = [r for r in report.results if not r.is_violation]
        for result in warnings:
            console.print(escape(f"{result.severity}: {result.message} [{result.focus}]"), highlight=False)
        console.print(f"{len(report.violations)} violation(s), {len(warnings)} other result(s)")
    if report.violations:
        raise typer.Exit(1)


def reason(store: StoreOption = None, store_url: StoreUrlOption = None) -> None:
    """Recompute the inferred graph (OWL 2 RL closure, project rules, consistency)."""
    open_ready(store, store_url)
    with progress(bar=False) as shown, collector_paused():
        task = shown.add_task("reasoning")
        with writable_store(store, store_url) as opened:
            summary = rederive_store(opened, on_stage=lambda name: shown.update(task, description=name))
    console.print(
        f"Inferred {summary.inferred} triples ({_timings(summary)}) in {summary.seconds:.2f} s → {describe_store(store, url=store_url)}",
        highlight=False,
    )


def info(store: StoreOption = None, store_url: StoreUrlOption = None) -> None:
    """Show where the store is and what its graphs hold."""
    console.print(f"store: {describe_store(store, url=store_url)}")
    if not store_exists(store, url=store_url):
        console.print("not built yet: run `rekg build`")
        return
    db = open_store(store, url=store_url)
    console.print(f"version: {db.version()}")
    table = Table("graph", "triples")
    for graph in db.graph_names():
        count = db.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")[0]["n"]
        table.add_row(graph, str(count))
    console.print(table)


def load(
    file: Annotated[Path, typer.Argument(help="RDF file: .nq, .trig, .ttl, .nt or .rdf, optionally .gz", exists=True, dir_okay=False)],
    graph: Annotated[str | None, typer.Option(help="Named graph for the triples (default: graph/load/<file name>).")] = None,
    store: StoreOption = None,
    store_url: StoreUrlOption = None,
) -> None:
    """Add RDF to the store through the SHACL gate and incremental reasoning."""
    target = graph or str(GRAPH[f"load/{file.name.split('.')[0]}"])
    open_ready(store, store_url)
    with progress(bar=False) as shown, collector_paused():
        task = shown.add_task(f"parsing {file.name}")
        quads = read_quads(file, graph=target)
        with writable_store(store, store_url) as opened:
            summary = apply_change(opened, [], quads, on_stage=lambda name: shown.update(task, description=name))
    console.print(
        f"Loaded {summary.inserted} new quads from {file} ({len(quads) - summary.inserted} already there); "
        f"{summary.inferred_added} inferred triples added, {summary.inferred_removed} withdrawn."
    )


def register(app: typer.Typer) -> None:
    """Add these commands to ``app``."""
    for command in (build, apply, validate, reason, load, info):
        app.command()(command)
