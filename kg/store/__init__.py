"""Storage: the store interface, the embedded store, named queries and dumps."""

from __future__ import annotations

from pathlib import Path

from kg.store.base import QueryResult, Row, Store
from kg.store.embedded import EmbeddedStore, default_store_dir

__all__ = ["EmbeddedStore", "QueryResult", "Row", "Store", "default_store_dir", "open_store", "store_exists"]


def open_store(location: Path | None = None, *, read_only: bool = True) -> Store:
    """The store at ``location`` (default: ``$REKG_STORE`` or the per-user data folder).

    Raises:
        StoreError: read-only and nothing was built there, or it cannot be opened.
    """
    return EmbeddedStore(default_store_dir(location), read_only=read_only)


def store_exists(location: Path | None = None) -> bool:
    """Whether a store was built at ``location`` (default as for :func:`open_store`)."""
    return EmbeddedStore.exists(default_store_dir(location))
