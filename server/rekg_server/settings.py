"""Server settings, from keyword arguments or ``REKG_*`` environment variables."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import ConfigError
from kg.vocab import FACTS_DIR

__all__ = ["Settings"]


def _env(name: str, default: str) -> str:
    return os.environ.get(f"REKG_{name}", default)


_UNITS = {
    "": 1,
    "k": 1 << 10,
    "kb": 1 << 10,
    "kib": 1 << 10,
    "m": 1 << 20,
    "mb": 1 << 20,
    "mib": 1 << 20,
    "g": 1 << 30,
    "gb": 1 << 30,
    "gib": 1 << 30,
}


def _number(name: str, default: str, kind: type[int] | type[float]) -> Any:
    """``REKG_{name}`` as a non-negative number, or an error naming the variable."""
    raw = _env(name, default)
    try:
        value = kind(raw)
    except ValueError:
        value = -1
    if value < 0:
        expected = "a whole number" if kind is int else "a number"
        raise ConfigError(f"REKG_{name} is {raw!r}: expected {expected}, 0 or more (default {default})")
    return value


def _bytes(name: str, default: str) -> int:
    """``REKG_{name}`` as a size in bytes: a whole number, optionally with K, M or G (KiB, MiB, GiB)."""
    raw = _env(name, default)
    match = re.fullmatch(r"\s*(\d+)\s*([a-zA-Z]*)\s*", raw)
    if match is None or match.group(2).lower() not in _UNITS:
        raise ConfigError(f"REKG_{name} is {raw!r}: expected a size in bytes such as 1073741824, 512M or 1G (default {default})")
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


@dataclass(frozen=True)
class Settings:
    """Limits and locations of one server; the defaults are those of a public endpoint."""

    store_dir: Path
    query_timeout: float = 10.0
    max_rows: int = 100_000
    max_body_bytes: int = 1 << 20
    query_memory: int = 1 << 30  # bytes a query may grow its worker by before it is stopped
    workers: int = 2
    queue_wait: float = 2.0
    update_token: str | None = None
    update_token_name: str = "editor"  # who an update made with the token is attributed to
    store_url: str | None = None  # a remote SPARQL 1.1 store instead of the embedded one at store_dir
    answer_cache_bytes: int = 64 << 20  # the pages' answers kept per graph version (0: none)
    slow_query_seconds: float = 0.1  # queries taking at least this long are logged (0: every query)
    facts_dir: Path = FACTS_DIR  # where /curate saves sheets (and the texts of their articles)
    corpus_dir: Path | None = None  # the source texts of the sheets already there, to check their quotes

    @classmethod
    def from_env(
        cls, store_dir: Path, store_url: str | None = None, *, facts_dir: Path | None = None, corpus_dir: Path | None = None
    ) -> Settings:
        """Settings with each limit overridable by ``REKG_QUERY_TIMEOUT``, ``REKG_MAX_ROWS``,
        ``REKG_MAX_BODY_BYTES``, ``REKG_QUERY_MEMORY`` (bytes, or with K, M, G), ``REKG_WORKERS``, ``REKG_QUEUE_WAIT``, ``REKG_ANSWER_CACHE_BYTES``,
        ``REKG_SLOW_QUERY_SECONDS``, ``REKG_UPDATE_TOKEN`` and
        ``REKG_UPDATE_TOKEN_NAME`` (the name updates made with the token are recorded under);
        ``store_url`` or ``REKG_STORE_URL`` serves a remote store (see :mod:`kg.store.remote`);
        ``facts_dir`` or ``REKG_FACTS`` is the facts folder ``/curate`` writes to.

        Raises:
            ConfigError: a variable's value is not what it takes (the message names both)."""
        return cls(
            store_dir=store_dir,
            query_timeout=_number("QUERY_TIMEOUT", "10", float),
            max_rows=_number("MAX_ROWS", "100000", int),
            max_body_bytes=_bytes("MAX_BODY_BYTES", str(1 << 20)),
            query_memory=_bytes("QUERY_MEMORY", "1G"),
            workers=max(1, _number("WORKERS", "2", int)),
            queue_wait=_number("QUEUE_WAIT", "2", float),
            update_token=os.environ.get("REKG_UPDATE_TOKEN") or None,
            update_token_name=_env("UPDATE_TOKEN_NAME", "editor"),
            answer_cache_bytes=_bytes("ANSWER_CACHE_BYTES", str(64 << 20)),
            slow_query_seconds=_number("SLOW_QUERY_SECONDS", "0.1", float),
            store_url=store_url or os.environ.get("REKG_STORE_URL") or None,
            facts_dir=facts_dir or Path(_env("FACTS", str(FACTS_DIR))),
            corpus_dir=corpus_dir,
        )
