"""Every ``REKG_*`` setting, read in this one place with its default stated once: the store
and corpus the CLI uses, the remote store's endpoints and login, and the server's limits.
:class:`Settings` is the one object the CLI's ``serve`` and the server share; the library reads a
variable only through :func:`env`, and a value a variable cannot take raises
:class:`~kg.errors.ConfigError` naming the variable and what it takes."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import ConfigError
from kg.vocab import FACTS_DIR

__all__ = ["VARIABLES", "Settings", "env"]

VARIABLES: dict[str, tuple[str | None, str]] = {
    "STORE": (None, "the store directory (default: a per-user data folder)"),
    "CORPUS": (None, "the folder of source texts quotes are checked against (default: ../shared/corpus)"),
    "FACTS": (str(FACTS_DIR), "the folder of fact sheets /curate saves to"),
    "STORE_URL": (None, "a remote SPARQL 1.1 store's query endpoint, instead of the embedded store"),
    "UPDATE_URL": (None, "the remote store's update endpoint (default: its query endpoint)"),
    "GRAPH_STORE_URL": (None, "the remote store's Graph Store Protocol endpoint (default: INSERT DATA in chunks)"),
    "STORE_USER": (None, "the remote store's user"),
    "STORE_PASSWORD": (None, "the remote store's password"),
    "STORE_AUTH": ("basic", "how to log in to the remote store: basic or digest"),
    "QUERY_TIMEOUT": ("10", "seconds a query may run"),
    "MAX_ROWS": ("100000", "rows of a result, beyond which it is cut"),
    "MAX_BODY_BYTES": (str(1 << 20), "bytes of a request body"),
    "QUERY_MEMORY": ("1G", "bytes a query may grow its worker by (or with K, M, G)"),
    "WORKERS": ("2", "query worker processes"),
    "QUEUE_WAIT": ("2", "seconds a request waits for a free worker"),
    "UPDATE_TOKEN": (None, "the bearer token of /update and /curate (none: both are off)"),
    "UPDATE_TOKEN_NAME": ("editor", "whom updates made with the token are attributed to"),
    "ANSWER_CACHE_BYTES": (str(64 << 20), "bytes of pages kept per graph version (0: none)"),
    "SLOW_QUERY_SECONDS": ("0.1", "queries taking at least this long are logged (0: every query)"),
}
"""Each variable (without its ``REKG_`` prefix): its default and what it sets."""


def env(name: str) -> str | None:
    """``REKG_{name}`` as set (an empty value counts as unset), else its default."""
    default, _ = VARIABLES[name]
    return os.environ.get(f"REKG_{name}") or default


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


def _number(name: str, kind: type[int] | type[float]) -> Any:
    """``REKG_{name}`` as a non-negative number, or an error naming the variable."""
    raw = env(name) or ""
    try:
        value = kind(raw)
    except ValueError:
        value = -1
    if value < 0:
        expected = "a whole number" if kind is int else "a number"
        raise ConfigError(f"REKG_{name} is {raw!r}: expected {expected}, 0 or more (default {VARIABLES[name][0]})")
    return value


def _bytes(name: str) -> int:
    """``REKG_{name}`` as a size in bytes: a whole number, optionally with K, M or G (KiB, MiB, GiB)."""
    raw = env(name) or ""
    match = re.fullmatch(r"\s*(\d+)\s*([a-zA-Z]*)\s*", raw)
    if match is None or match.group(2).lower() not in _UNITS:
        raise ConfigError(f"REKG_{name} is {raw!r}: expected a size in bytes such as 1073741824, 512M or 1G (default {VARIABLES[name][0]})")
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


@dataclass(frozen=True)
class Settings:
    """Limits and locations of one server; the defaults are those of a public endpoint (and
    those of :data:`VARIABLES`)."""

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
        """Settings from the ``REKG_*`` variables of :data:`VARIABLES`, the arguments (the CLI's
        options) winning over them.

        Raises:
            ConfigError: a variable's value is not what it takes (the message names both)."""
        return cls(
            store_dir=store_dir,
            query_timeout=_number("QUERY_TIMEOUT", float),
            max_rows=_number("MAX_ROWS", int),
            max_body_bytes=_bytes("MAX_BODY_BYTES"),
            query_memory=_bytes("QUERY_MEMORY"),
            workers=max(1, _number("WORKERS", int)),
            queue_wait=_number("QUEUE_WAIT", float),
            update_token=env("UPDATE_TOKEN"),
            update_token_name=env("UPDATE_TOKEN_NAME") or "editor",
            answer_cache_bytes=_bytes("ANSWER_CACHE_BYTES"),
            slow_query_seconds=_number("SLOW_QUERY_SECONDS", float),
            store_url=store_url or env("STORE_URL"),
            facts_dir=facts_dir or Path(env("FACTS") or FACTS_DIR),
            corpus_dir=corpus_dir,
        )
