"""``rekg query``, ``export`` and ``explain``: asking the store."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from kg.analysis.as_of import parse_day, view_as_of
from kg.cli._common import StoreOption, StoreUrlOption, console, err, open_ready, progress
from kg.publish.release import write_release
from kg.reasoning.explain import Step, label, parse_term
from kg.reasoning.explain import explain as explain_triple
from kg.store.export import export_store
from kg.store.formats import SHORT_NAMES, TURTLE
from kg.store.provenance import SOURCED_GRAPHS
from kg.store.queries import list_named_queries, resolve_query_text
from kg.vocab import BASE, VERSION, short_name

__all__ = ["register"]


class QueryFormat(StrEnum):
    """How ``rekg query`` prints results (a graph result is always Turtle)."""

    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    xml = "xml"


class ExportFormat(StrEnum):
    """The formats of ``rekg export``: triple formats give the union, quad formats keep the graphs."""

    ttl = "ttl"
    nt = "nt"
    nq = "nq"
    trig = "trig"
    jsonld = "jsonld"
    xml = "xml"


_LONGEST_TEXT = 120  # characters of a literal shown in a table cell; --format csv/json give all
_NARROWEST_COLUMN = 14  # below this a column wraps every word: print rows as blocks instead


def _cell(term: dict[str, str] | None) -> str:
    """A value for people: compact names for IRIs (``country/JP``, ``rekg:partnerOf``), long text cut."""
    if term is None:
        return ""
    if term["type"] == "uri":
        return short_name(term["value"])
    text = term["value"]
    return text if len(text) <= _LONGEST_TEXT else text[: _LONGEST_TEXT - 1] + "…"


def shown_columns(names: list[str], hidden: set[str], all_columns: bool) -> list[str]:
    """The columns of a table for people: an IRI column goes when its label column (``xLabel``)
    is shown, and so do the query's parameters (the same in every row), unless ``all_columns``.

    >>> shown_columns(["country", "countryLabel", "share", "customer"], {"customer"}, False)
    ['countryLabel', 'share']
    """
    if all_columns:
        return names
    return [n for n in names if f"{n}Label" not in names and n not in hidden]


def _print_table(document: dict, hidden: set[str], all_columns: bool) -> None:
    """SPARQL JSON results as a table that fits the terminal (a boolean as ``true``/``false``)."""
    if "boolean" in document:
        console.print(str(document["boolean"]).lower())
        return
    names = shown_columns(document["head"]["vars"], hidden, all_columns)
    bindings = document["results"]["bindings"]
    if len(names) * _NARROWEST_COLUMN <= console.width:
        table = Table(*names)
        for row in bindings:
            table.add_row(*(_cell(row.get(n)) for n in names))
        console.print(table)
    else:  # too many columns for the terminal: one block of "name  value" lines a row
        for number, row in enumerate(bindings, 1):
            block = Table.grid(padding=(0, 2))
            block.add_column(style="bold", no_wrap=True)
            block.add_column(overflow="fold")
            for name in names:
                if name in row:
                    block.add_row(name, _cell(row[name]))
            console.print(f"[dim]── row {number} ──[/]")
            console.print(block)
    err.print(f"{len(bindings)} row(s)")


def query(
    query: Annotated[str | None, typer.Argument(help="SPARQL text, a .rq file, or a named query (e.g. q01).")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="name=value for a named query's parameter.")] = None,
    fmt: Annotated[QueryFormat, typer.Option("--format", help="How to print solutions (CONSTRUCT gives Turtle).")] = QueryFormat.table,
    list_queries: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
    sourced_only: Annotated[bool, typer.Option("--sourced-only", help="Leave out facts added by updates that gave no source.")] = False,
    all_columns: Annotated[
        bool, typer.Option("--all-columns", help="Table: show IRI columns beside their labels, and the parameters.")
    ] = False,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Answer as the graph stood on this day (YYYY-MM-DD), by valid time.")] = None,
    store: StoreOption = None,
    store_url: StoreUrlOption = None,
) -> None:
    """Run a SPARQL query, a .rq file or a named query against the store.

    Tables show compact names (country/JP, rekg:partnerOf) and fit the terminal; --format json,
    csv, tsv and xml keep full IRIs and every column. Without --as-of a question answers as of
    today."""
    if list_queries or query is None:
        table = Table("name", "title", "parameters")
        for named in list_named_queries():
            table.add_row(named.name, named.title, ", ".join(f"{p.name} ({p.type})" for p in named.params.values()))
        console.print(table)
        return
    text, named = resolve_query_text(query)
    values = {}
    for item in param or []:
        name, sep, value = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"--param takes name=value, not {item!r}")
        values[name] = value
    if values and named is None:
        raise typer.BadParameter("--param only applies to a named query or a .rq file")
    results_type = SHORT_NAMES["json" if fmt is QueryFormat.table else fmt.value]
    opened = open_ready(store, store_url)
    graphs = [str(row["g"]) for row in opened.select(SOURCED_GRAPHS)] if sourced_only else None
    if as_of is not None:
        opened = view_as_of(opened, parse_day(as_of))
    result = opened.query(
        text, results_type=results_type, graph_type=TURTLE, bindings=named.bindings(values) if named else None, default_graphs=graphs
    )
    if result.kind != "graph" and fmt is QueryFormat.table:
        _print_table(json.loads(result.body), set(named.params) if named else set(), all_columns)
    else:
        sys.stdout.buffer.write(result.body)


def export(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", help="Triple formats give the union of the graphs; nq, trig, jsonld keep them.")
    ] = ExportFormat.ttl,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default: standard output).")] = None,
    store: StoreOption = None,
    store_url: StoreUrlOption = None,
) -> None:
    """Write the store as a linked-data dump."""
    db = open_ready(store, store_url)
    if output is None:
        export_store(db, fmt.value, sys.stdout.buffer)
        return
    partial = output.with_name(output.name + ".partial")
    with partial.open("wb") as handle:
        export_store(db, fmt.value, handle)
    partial.replace(output)
    err.print(f"wrote {output} ({output.stat().st_size} bytes)")


def release(
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write the release into (replaced if it holds one).")],
    version: Annotated[str, typer.Option(help="Version of the release.")] = VERSION,
    site: Annotated[str, typer.Option(help="Where the dataset is served: its SPARQL endpoint and landing page.")] = BASE,
    store: StoreOption = None,
    store_url: StoreUrlOption = None,
) -> None:
    """Write a versioned release: gzipped dumps, ontology and its pyLODE page, shapes, VoID/DCAT, SHA256SUMS."""
    db = open_ready(store, store_url)
    with progress(bar=False) as shown:
        task = shown.add_task("release")
        written = write_release(db, output, version=version, site=site, on_step=lambda step: shown.update(task, description=step))
    table = Table("file", "bytes", "sha256", title=f"Release {version} → {output}")
    for item in written.distributions:
        table.add_row(item.download_url.rsplit(f"{version}/", 1)[-1], str(item.byte_size), item.sha256[:16] + "…")
    console.print(table)
    console.print(
        f"{written.statistics.quads} triples in {len(db.graph_names())} graphs "
        f"({written.statistics.triples} distinct in their union), {written.statistics.entities} entities.",
        highlight=False,
    )


def explain(
    subject: Annotated[str, typer.Argument(help="kind/slug, rekg:term or IRI")],
    predicate: Annotated[str, typer.Argument(help="rekg:term, a bare term (partnerOf), 'a' or IRI")],
    obj: Annotated[str, typer.Argument(metavar="OBJECT", help="kind/slug, rekg:term or IRI")],
    store: StoreOption = None,
    store_url: StoreUrlOption = None,
) -> None:
    """Show why an inferred triple holds: rules and premises down to the source quotes."""
    db = open_ready(store, store_url)
    step = explain_triple(db, parse_term(subject), parse_term(predicate), parse_term(obj))
    if step is None:
        err.print(f"not inferred: {subject} {predicate} {obj} (it may be asserted, or not hold)")
        raise typer.Exit(1)
    names: dict[str, str] = {}

    def show(triple: tuple[str, str, str]) -> str:
        parts = [names.setdefault(t, label(db, t) if t.startswith("http") else t) for t in triple]
        return escape(" ".join(parts))

    def grow(tree: Tree, node: Step) -> None:
        if node.rule is None:
            branch = tree.add(f"[green]asserted[/] {show(node.triple)}")
            for source, quote in node.evidence:
                branch.add(f"[dim]{escape(source)}[/]: “{escape(quote)}”")
            return
        branch = tree.add(f"{show(node.triple)} [cyan]⇐ {escape(node.rule)}[/]")
        for premise in node.premises:
            grow(branch, premise)

    root = Tree(f"[bold]{show(step.triple)}[/] [cyan]⇐ {escape(step.rule or '')}[/]")
    for premise in step.premises:
        grow(root, premise)
    console.print(root)


def register(app: typer.Typer) -> None:
    """Add these commands to ``app``."""
    for command in (query, export, release, explain):
        app.command()(command)
