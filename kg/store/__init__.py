"""Storage: the store interface, the embedded store, named queries and dumps."""

from __future__ import annotations

from pathlib import Path

from kg.store.base import QueryResult, Row, Store
from kg.store.embedded import EmbeddedStore, default_store_dir
from kg.store.remote import RemoteConfig, RemoteStore

__all__ = [
    "EmbeddedStore",
    "QueryResult",
    "RemoteConfig",
    "RemoteStore",
    "Row",
    "Store",
    "default_store_dir",
    "describe_store",
    "open_store",
    "store_exists",
]


def open_store(location: Path | None = None, *, url: str | None = None, read_only: bool = True) -> Store:
    """The remote store at ``url`` (default: ``$REKG_STORE_URL``) if one is given, else the
    embedded store at ``location`` (default: ``$REKG_STORE`` or the per-user data folder).

    Raises:
        StoreError: read-only and nothing was built there, or it cannot be opened.
    """
    config = RemoteConfig.from_env(url)
    if config is not None:
        return RemoteStore(config)
    return EmbeddedStore(default_store_dir(location), read_only=read_only)


def store_exists(location: Path | None = None, *, url: str | None = None) -> bool:
    """Whether a store was built at ``location`` or ``url`` (defaults as for :func:`open_store`)."""
    config = RemoteConfig.from_env(url)
    if config is not None:
        return RemoteStore(config).is_built()
    return EmbeddedStore.exists(default_store_dir(location))


def describe_store(location: Path | None = None, *, url: str | None = None) -> str:
    """Where the store of ``location`` or ``url`` is, for messages."""
    config = RemoteConfig.from_env(url)
    return config.query_url if config is not None else str(default_store_dir(location))
