"""The ``rekg`` command line: it only connects the pipeline stages and prints their results."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, Store, serialize
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.tree import Tree

from kg.articles import ArticleError, read_article
from kg.corpus import resolve_corpus_dir
from kg.coverage import measure_coverage
from kg.draft import draft_sheet
from kg.errors import KgError
from kg.evaluate import evaluate as evaluate_extraction
from kg.evaluate import gazetteer
from kg.explain import explain as explain_triple
from kg.explain import label as explain_label
from kg.explain import parse_term
from kg.export import EXPORT_FORMATS, export_store
from kg.extract import Extraction, Extractor, slugify
from kg.pipeline import DEFAULT_FACTS_DIR, BuildSummary, build_store, check_sheets, reason_store, violation_messages
from kg.queries import list_named_queries, resolve_query_text, run_query
from kg.sheets import load_sheets
from kg.store import current_database, default_store_dir, open_store, store_exists

app = typer.Typer(help="rekg: a knowledge graph of the rare-earth supply chain.", no_args_is_help=True)
console = Console()
err = Console(stderr=True)

StoreOption = Annotated[Path | None, typer.Option("--store", help="Store directory (default: $REKG_STORE or a per-user data folder).")]
CorpusOption = Annotated[Path | None, typer.Option("--corpus", help="Folder of source texts to check quotes against (default: $REKG_CORPUS or ../shared/corpus).")]
FactsOption = Annotated[Path, typer.Option("--facts", help="Folder of fact sheets.")]


def _fail(exc: KgError) -> typer.Exit:
    err.print(f"[bold red]{type(exc).__name__}[/]: {escape(str(exc))}", highlight=False, soft_wrap=True)
    return typer.Exit(1)


def _run_build(facts: Path, store: Path, corpus: Path | None) -> BuildSummary:
    sheets = list(facts.glob("*.yaml"))
    with _progress(unit="sheets") as progress:
        task = progress.add_task("building", total=len(sheets))
        return build_store(
            facts, store, corpus_dir=resolve_corpus_dir(corpus),
            on_stage=lambda name: progress.update(task, description=name),
            on_sheet=lambda path: progress.update(task, description=f"built {path.name}", advance=1),
        )


def _print_summary(summary: BuildSummary, store: Path) -> None:
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
    timings = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in summary.reasoning_seconds.items())
    console.print(f"Inferred {summary.inferred} triples ({timings}).", highlight=False)
    console.print(f"Built {summary.total_triples} triples, {summary.quotes_checked} quotes verified, "
                  f"in {summary.seconds:.2f} s → {store}", highlight=False)


def _progress(*, bar: bool = True, unit: str = "") -> Progress:
    """The CLI's progress display on standard error: spinner, stage, optional bar, elapsed time."""
    columns = [SpinnerColumn(), TextColumn("{task.description}")]
    if bar:
        columns += [BarColumn(), TextColumn("{task.completed}/{task.total}" + (f" {unit}" if unit else ""))]
    return Progress(*columns, TimeElapsedColumn(), console=err, transient=True)


def _ensure_store(store: Path) -> None:
    if not store_exists(store):
        err.print(f"No store at {store}: building it first.")
        _run_build(DEFAULT_FACTS_DIR, store, None)


def _open_ready(store: Path | None) -> Store:
    """The store of ``--store`` (or its default), built first when missing, opened read-only."""
    store_dir = default_store_dir(store)
    _ensure_store(store_dir)
    return open_store(store_dir)


@app.command()
def build(store: StoreOption = None, corpus: CorpusOption = None, facts: FactsOption = DEFAULT_FACTS_DIR) -> None:
    """Build the store from the fact sheets, refusing anything that fails the SHACL shapes."""
    store_dir = default_store_dir(store)
    try:
        summary = _run_build(facts, store_dir, corpus)
    except KgError as exc:
        raise _fail(exc) from None
    _print_summary(summary, store_dir)


@app.command()
def validate(
    corpus: CorpusOption = None,
    facts: FactsOption = DEFAULT_FACTS_DIR,
    fmt: Annotated[str, typer.Option("--format", help="text or turtle")] = "text",
) -> None:
    """Validate the fact sheets against the SHACL shapes without writing the store."""
    try:
        built, report = check_sheets(facts, corpus_dir=resolve_corpus_dir(corpus))
    except KgError as exc:
        raise _fail(exc) from None
    if fmt == "turtle":
        sys.stdout.write(report.graph.serialize(format="turtle"))
    else:
        for line in violation_messages(report, built):
            console.print(escape(line), highlight=False, soft_wrap=True)
        warnings = [r for r in report.results if not r.is_violation]
        for result in warnings:
            console.print(escape(f"{result.severity}: {result.message} [{result.focus}]"), highlight=False)
        console.print(f"{len(report.violations)} violation(s), {len(warnings)} other result(s)")
    if report.violations:
        raise typer.Exit(1)


def _print_solutions(result: QuerySolutions, fmt: str) -> None:
    if fmt in ("json", "csv", "tsv", "xml"):
        sys.stdout.buffer.write(result.serialize(format=getattr(QueryResultsFormat, fmt.upper())))
        return
    names = [v.value for v in result.variables]
    table = Table(*names, show_lines=False)
    rows = 0
    for solution in result:
        cells = []
        for name in names:
            term = solution[name]
            cells.append("" if term is None else term.value)
        table.add_row(*cells)
        rows += 1
    console.print(table)
    err.print(f"{rows} row(s)")


@app.command()
def query(
    query: Annotated[str | None, typer.Argument(help="SPARQL text, a .rq file, or a named query (e.g. q01).")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="name=value for a named query's parameter.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, json, csv, tsv or xml (CONSTRUCT: turtle)")] = "table",
    list_queries: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
    store: StoreOption = None,
) -> None:
    """Run a SPARQL query, a .rq file or a named query against the store."""
    if list_queries or query is None:
        table = Table("name", "title", "parameters")
        for named in list_named_queries():
            table.add_row(named.name, named.title, ", ".join(f"{p.name} ({p.type})" for p in named.params.values()))
        console.print(table)
        return
    try:
        text, named = resolve_query_text(query)
        values = {}
        for item in param or []:
            name, sep, value = item.partition("=")
            if not sep:
                raise typer.BadParameter(f"--param takes name=value, not {item!r}")
            values[name] = value
        if values and named is None:
            raise typer.BadParameter("--param only applies to a named query or a .rq file")
        substitutions = named.substitutions(values) if named else None
        result = run_query(_open_ready(store), text, substitutions=substitutions)
    except KgError as exc:
        raise _fail(exc) from None
    if isinstance(result, QuerySolutions):
        _print_solutions(result, fmt)
    elif isinstance(result, QueryBoolean):
        if fmt in ("json", "xml", "csv", "tsv"):
            sys.stdout.buffer.write(result.serialize(format=getattr(QueryResultsFormat, fmt.upper())))
        else:
            console.print(str(bool(result)).lower())
    else:
        sys.stdout.buffer.write(serialize(result, format=RdfFormat.TURTLE))


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help=", ".join(EXPORT_FORMATS))] = "ttl",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default: standard output).")] = None,
    store: StoreOption = None,
) -> None:
    """Write the store as a linked-data dump."""
    if fmt not in EXPORT_FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(EXPORT_FORMATS)}, not {fmt!r}")
    try:
        db = _open_ready(store)
    except KgError as exc:
        raise _fail(exc) from None
    if output is None:
        export_store(db, fmt, sys.stdout.buffer)
        return
    partial = output.with_name(output.name + ".partial")
    with partial.open("wb") as handle:
        export_store(db, fmt, handle)
    partial.replace(output)
    err.print(f"wrote {output} ({output.stat().st_size} bytes)")


@app.command()
def coverage(
    store: StoreOption = None,
    corpus: CorpusOption = None,
    facts: FactsOption = DEFAULT_FACTS_DIR,
    uncited: Annotated[bool, typer.Option("--uncited/--no-uncited", help="List the sentences no fact cites.")] = True,
) -> None:
    """Per source: entities, relations, figures and claims in the graph, and the sentences no fact cites."""
    try:
        _, sheets = load_sheets(facts)
        report = measure_coverage(_open_ready(store), sheets, resolve_corpus_dir(corpus))
    except KgError as exc:
        raise _fail(exc) from None
    table = Table("source", "entities", "relations", "figures", "supply", "stakes", "claims", "sentences cited")
    for row in report:
        share = f"{row.cited}/{row.sentences} ({row.cited_share:.0%})" if row.cited_share is not None else "—"
        table.add_row(row.source_id, *(str(n) for n in (row.entities, row.relations, row.figures, row.supplies,
                                                         row.stakes, row.claims)), share)
    console.print(table)
    if uncited:
        for row in report:
            for sentence in row.uncited:
                console.print(f"[dim]{row.source_id}[/] uncited: {escape(sentence)}", highlight=False)


def _extract_one(extractor, path: Path, source_id: str | None) -> tuple[str, Extraction]:
    text = read_article(path)
    extraction = extractor.extract(text)
    return draft_sheet(extraction, path, source_id=source_id or "s-" + slugify(path.stem), text=text), extraction


@app.command()
def extract(
    path: Annotated[Path | None, typer.Argument(help="An article (.txt) or a folder of them.")] = None,
    source_id: Annotated[str | None, typer.Option("--source-id", help="The new source's id (default: from the file name).")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Draft file (a folder for a batch; default: standard output, or ./drafts).")] = None,
    evaluate_: Annotated[bool, typer.Option("--evaluate", help="Score the extractor against the curated sheets of the corpus.")] = False,
    store: StoreOption = None,
    corpus: CorpusOption = None,
) -> None:
    """Draft a fact sheet from article text: entity mentions, figures and relations, each with its sentence."""
    try:
        db = _open_ready(store)
        if evaluate_:
            corpus_dir = resolve_corpus_dir(corpus)
            if corpus_dir is None:
                raise ArticleError("no corpus to evaluate on: give --corpus or set REKG_CORPUS")
            registry, sheets = load_sheets(DEFAULT_FACTS_DIR)
            types = {e.id: e.type for e in registry.model.entities}
            scores = evaluate_extraction(db, sheets, types, corpus_dir)
            table = Table("kind", "precision", "recall", "found", "proposed", "curated")
            for kind, score in scores.items():
                table.add_row(kind, f"{score.precision:.2f}", f"{score.recall:.2f}", str(score.tp), str(score.predicted), str(score.gold))
            console.print(table)
            return
        if path is None:
            raise typer.BadParameter("give an article, a folder of articles, or --evaluate")
        extractor = Extractor(gazetteer(db))
        if path.is_dir():
            _extract_batch(extractor, path, output or Path("drafts"))
            return
        draft, _ = _extract_one(extractor, path, source_id)
    except KgError as exc:
        raise _fail(exc) from None
    if output is None:
        sys.stdout.write(draft)
    else:
        output.write_text(draft, encoding="utf-8")
        err.print(f"wrote {output}")


def _extract_batch(extractor, folder: Path, out_dir: Path) -> None:
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".txt", ".md", ""))
    out_dir.mkdir(parents=True, exist_ok=True)
    table = Table("article", "sentences", "known", "new", "figures", "relations", "draft")
    with _progress(unit="articles") as progress:
        task = progress.add_task("extracting", total=len(files))
        for path in files:
            progress.update(task, description=path.name)
            try:
                draft, result = _extract_one(extractor, path, None)
            except KgError as exc:
                table.add_row(path.name, "", "", "", "", "", f"[red]{escape(str(exc).split(': ', 1)[-1])}[/]")
            else:
                target = out_dir / f"{path.stem}.draft.yaml"
                target.write_text(draft, encoding="utf-8")
                known = sum(1 for m in result.mentions if m.iri)
                table.add_row(path.name, str(len(result.sentences)), str(known), str(len(result.mentions) - known),
                              str(len(result.figures)), str(len(result.relations)), str(target))
            progress.advance(task)
    console.print(table)


@app.command()
def reason(store: StoreOption = None) -> None:
    """Recompute the inferred graph (OWL 2 RL closure, project rules, HermiT) and its explanations."""
    store_dir = default_store_dir(store)
    try:
        _ensure_store(store_dir)
        with _progress(bar=False) as progress:
            task = progress.add_task("reasoning")
            summary = reason_store(store_dir, on_stage=lambda name: progress.update(task, description=name))
    except KgError as exc:
        raise _fail(exc) from None
    timings = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in summary.reasoning_seconds.items())
    console.print(f"Inferred {summary.inferred} triples ({timings}) in {summary.seconds:.2f} s → {summary.database}", highlight=False)


@app.command()
def explain(
    subject: Annotated[str, typer.Argument(help="kind/slug, rekg:term or IRI")],
    predicate: Annotated[str, typer.Argument(help="rekg:term, a bare term (partnerOf), 'a' or IRI")],
    obj: Annotated[str, typer.Argument(metavar="OBJECT", help="kind/slug, rekg:term or IRI")],
    store: StoreOption = None,
) -> None:
    """Show why an inferred triple holds: rules and premises down to the source quotes."""
    try:
        db = _open_ready(store)
        step = explain_triple(db, parse_term(subject), parse_term(predicate), parse_term(obj))
    except KgError as exc:
        raise _fail(exc) from None
    if step is None:
        err.print(f"not inferred: {subject} {predicate} {obj} (it may be asserted, or not hold)")
        raise typer.Exit(1)
    names: dict[str, str] = {}

    def show(triple: tuple[str, str, str]) -> str:
        parts = [names.setdefault(t, explain_label(db, t) if t.startswith("http") else t) for t in triple]
        return escape(" ".join(parts))

    def grow(tree: Tree, node) -> None:
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


@app.command()
def info(store: StoreOption = None) -> None:
    """Show where the store is and what its graphs hold."""
    store_dir = default_store_dir(store)
    console.print(f"store: {store_dir}")
    if not store_exists(store_dir):
        console.print("not built yet: run `rekg build`")
        return
    try:
        db = open_store(store_dir)
    except KgError as exc:
        raise _fail(exc) from None
    console.print(f"database: {current_database(store_dir)}")
    table = Table("graph", "triples")
    counts = db.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
    for row in counts:
        table.add_row(row["g"].value, row["n"].value)
    console.print(table)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    store: StoreOption = None,
) -> None:
    """Serve the SPARQL endpoint, named questions, entity pages and the web page."""
    import uvicorn

    from server.app import create_app
    from server.settings import Settings

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    store_dir = default_store_dir(store)
    _ensure_store(store_dir)
    err.print(f"rekg serving {store_dir} on http://{host}:{port}/ (SPARQL at /sparql)")
    uvicorn.run(create_app(Settings.from_env(store_dir)), host=host, port=port, log_level="info")


def main() -> None:
    """Entry point of the ``rekg`` console script."""
    app()


if __name__ == "__main__":
    main()
