"""``rekg serve``: the HTTP server over the store."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from kg.cli._common import CorpusOption, StoreOption, StoreUrlOption, err, open_ready
from kg.ingest.corpus import resolve_corpus_dir
from kg.store import default_store_dir, describe_store

__all__ = ["register"]

# Seconds an idle connection stays open. Longer than clients keep theirs (httpx: 5 s, uvicorn's
# default too): when both are 5 s, a client can reuse a connection in the moment the server
# closes it, and its request is reset (httpx ReadError) — more often while the event loop is
# busy answering a query, since expired timers run before the waiting request is read.
KEEP_ALIVE = 15


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    store: StoreOption = None,
    store_url: StoreUrlOption = None,
    facts: Annotated[
        Path | None, typer.Option("--facts", help="Folder of fact sheets that /curate saves to (default: $REKG_FACTS or kg/facts).")
    ] = None,
    corpus: CorpusOption = None,
    access_log: Annotated[bool, typer.Option(help="Also log every HTTP request.")] = False,
    log_queries: Annotated[
        bool,
        typer.Option(
            help="Log every query with its rows and time (else only those taking at least $REKG_SLOW_QUERY_SECONDS, 0.1 s by default)."
        ),
    ] = False,
) -> None:
    """Serve the SPARQL endpoint, named questions, entity pages and the web page."""
    import uvicorn
    from rekg_server.app import create_app

    from kg.settings import Settings

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    store_dir = default_store_dir(store)
    settings = Settings.from_env(
        store_dir, store_url, facts_dir=facts, corpus_dir=resolve_corpus_dir(corpus)
    )  # a bad REKG_* value stops here, before anything is built
    open_ready(store_dir, store_url)
    err.print(f"rekg serving {describe_store(store_dir, url=store_url)} on http://{host}:{port}/ (SPARQL at /sparql)")
    if log_queries:
        settings = replace(settings, slow_query_seconds=0.0)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", access_log=access_log, timeout_keep_alive=KEEP_ALIVE)


def register(app: typer.Typer) -> None:
    """Add this command to ``app``."""
    app.command()(serve)
