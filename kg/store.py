"""The embedded store: a pyoxigraph database on disk, replaced atomically by each build.

Layout of a store directory::

    STORE/
    ├── current -> db-20261123T190102-4711   symlink swapped in one rename
    └── db-20261123T190102-4711/             a complete pyoxigraph (RocksDB) database

A build writes a new ``db-*`` folder beside the current one and only then repoints
``current``, so a failed build leaves the previous store exactly as it was. The previous
folder is kept until the next swap, for readers that still have it open.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import platformdirs
from pyoxigraph import DefaultGraph, NamedNode, RdfFormat, Store
from rdflib import Graph

from kg.errors import StoreError
from kg.namespaces import DERIVED_GRAPHS

__all__ = [
    "asserted_union",
    "current_database",
    "default_store_dir",
    "open_store",
    "put_graph",
    "replace_store",
    "store_exists",
]

_CURRENT = "current"


def default_store_dir(explicit: Path | None = None) -> Path:
    """The store directory: ``explicit``, else ``$REKG_STORE``, else a per-user data folder."""
    if explicit is not None:
        return explicit
    if os.environ.get("REKG_STORE"):
        return Path(os.environ["REKG_STORE"])
    return Path(platformdirs.user_data_dir("rekg")) / "store"


def current_database(root: Path) -> Path:
    """The database folder ``root/current`` points at."""
    return (root / _CURRENT).resolve()


def store_exists(root: Path) -> bool:
    """True when ``root`` holds a built store."""
    return (root / _CURRENT).is_symlink() and current_database(root).is_dir()


def open_store(root: Path, *, read_only: bool = True) -> Store:
    """Open the current database of ``root``.

    Raises:
        StoreError: no store was built there, or it cannot be opened.
    """
    if not store_exists(root):
        raise StoreError(f"no store at {root}: run `rekg build` first")
    path = str(current_database(root))
    try:
        return Store.read_only(path) if read_only else Store(path)
    except OSError as exc:
        raise StoreError(f"cannot open the store at {path}: {exc}") from exc


def replace_store(root: Path, nquads: bytes) -> Path:
    """Load ``nquads`` into a new database beside the current one, then swap it in.

    Returns the new database folder. Older databases are removed after the swap.
    """
    root.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    database = root / f"db-{stamp}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    try:
        store = Store(str(database))
        store.bulk_load(nquads, format=RdfFormat.N_QUADS)
        store.flush()
        del store
    except Exception:
        shutil.rmtree(database, ignore_errors=True)
        raise
    previous = current_database(root) if store_exists(root) else None
    link = root / f".{_CURRENT}-{database.name}"
    link.symlink_to(database.name)
    os.replace(link, root / _CURRENT)
    # keep the previous database for readers (a running server) that still have it open
    for old in root.glob("db-*"):
        if old not in (database, previous):
            shutil.rmtree(old, ignore_errors=True)
    return database


def asserted_union(store: Store) -> Graph:
    """Every asserted triple (all graphs but the ontology, inferred and explanation graphs)."""
    skip = {str(g) for g in DERIVED_GRAPHS}
    data = b"".join(
        store.dump(format=RdfFormat.N_TRIPLES, from_graph=graph)
        for graph in [DefaultGraph(), *store.named_graphs()]
        if getattr(graph, "value", None) not in skip
    )
    return Graph().parse(data=data.decode(), format="nt")


def put_graph(store: Store, graph_iri: str, graph: Graph) -> None:
    """Replace the named graph ``graph_iri`` of ``store`` with ``graph``."""
    target = NamedNode(graph_iri)
    store.clear_graph(target)
    store.load(graph.serialize(format="nt").encode(), format=RdfFormat.N_TRIPLES, to_graph=target)
