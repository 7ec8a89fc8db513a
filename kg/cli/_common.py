"""What every ``rekg`` command shares: consoles, options, progress, errors and the store.

Errors are handled once, by :class:`CommandGroup`: a :class:`~kg.errors.KgError` from any
command prints ``ErrorName: message`` on standard error and exits 1; wrong usage (an unknown
``--format`` among them) is Typer's exit 2; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from typer.core import TyperGroup

from kg.errors import KgError
from kg.ingest.corpus import resolve_corpus_dir
from kg.ingest.pipeline import BuildSummary, build_store
from kg.store import Store, describe_store, open_store, store_exists
from kg.vocab import FACTS_DIR

__all__ = [
    "FROZEN_FROM",
    "collector_paused",
    "CommandGroup",
    "CorpusOption",
    "FactsOption",
    "StoreOption",
    "StoreUrlOption",
    "console",
    "err",
    "open_ready",
    "progress",
    "run_build",
    "writable_store",
]

console = Console()
err = Console(stderr=True)

StoreOption = Annotated[Path | None, typer.Option("--store", help="Store directory (default: $REKG_STORE or a per-user data folder).")]
StoreUrlOption = Annotated[
    str | None,
    typer.Option(
        "--store-url",
        help="Query endpoint of a SPARQL 1.1 store to use instead of the embedded one (default: $REKG_STORE_URL; "
        "REKG_UPDATE_URL, REKG_GRAPH_STORE_URL, REKG_STORE_USER, REKG_STORE_PASSWORD, REKG_STORE_AUTH set the rest).",
    ),
]
CorpusOption = Annotated[
    Path | None,
    typer.Option("--corpus", help="Folder of source texts to check quotes against (default: $REKG_CORPUS or ../shared/corpus)."),
]
FactsOption = Annotated[Path, typer.Option("--facts", help="Folder of fact sheets.")]


class CommandGroup(TyperGroup):
    """The ``rekg`` group: turns every :class:`KgError` into one message and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; a KgError becomes ``ErrorName: message`` on stderr and exit 1."""
        try:
            return super().invoke(ctx)
        except KgError as exc:
            err.print(f"[bold red]{type(exc).__name__}[/]: {escape(str(exc))}", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None


def progress(*, bar: bool = True, unit: str = "") -> Progress:
    """The CLI's progress display on standard error: spinner, stage, optional bar, elapsed time."""
    columns = [SpinnerColumn(), TextColumn("{task.description}")]
    if bar:
        columns += [BarColumn(), TextColumn("{task.completed}/{task.total}" + (f" {unit}" if unit else ""))]
    return Progress(*columns, TimeElapsedColumn(), console=err, transient=True)


def writable_store(store: Path | None, store_url: str | None) -> Store:
    """The store of ``--store-url`` or ``--store`` (or their defaults), opened for writing."""
    return open_store(store, url=store_url, read_only=False)


def run_build(facts: Path, store: Path | None, store_url: str | None, corpus: Path | None, *, full: bool = False) -> BuildSummary:
    """Build the sheets of ``facts`` into the store of ``--store``/``--store-url``, with a progress bar:
    only the graphs of changed sheets, unless ``full`` or everything they depend on changed."""
    sheets = list(facts.glob("*.yaml"))
    corpus_dir = resolve_corpus_dir(corpus)
    with progress(unit="sheets") as shown, collector_paused():
        task = shown.add_task("building", total=len(sheets))
        with writable_store(store, store_url) as opened:  # closed, and its lock gone, whatever happens
            return build_store(
                facts,
                opened,
                corpus_dir=corpus_dir,
                full=full,
                on_stage=lambda name: shown.update(task, description=name),
                on_sheet=lambda path: shown.update(task, description=f"built {path.name}", advance=1),
            )


def open_ready(store: Path | None, store_url: str | None = None) -> Store:
    """The store of ``--store-url`` or ``--store`` (or their defaults), built first when
    missing, opened read-only (a remote store is opened as it is)."""
    if not store_exists(store, url=store_url):
        err.print(f"No store at {describe_store(store, url=store_url)}: building it first.")
        run_build(FACTS_DIR, store, store_url, None)
    return open_store(store, url=store_url)


FROZEN_FROM = 1_000_000  # objects left alive by a paused block from which they are frozen (collector_paused)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused for a command that builds millions of objects and no
    cycles worth collecting (process-wide state: only the CLI's commands pause it, never the
    library or the server): each full collection walks every object alive, and a large load triggers
    dozens of them. Reference counting still frees everything else. Afterwards the
    collector resumes, unless it was paused already; when the block left more than
    :data:`FROZEN_FROM` new objects alive (the warm engine, a large change's sets until they are
    freed), they go to the permanent generation first, else the next collection would walk them
    all at once (seconds, at a million triples)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_count()[0] > FROZEN_FROM:
                gc.freeze()
            gc.enable()
