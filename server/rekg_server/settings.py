"""Server settings, from keyword arguments or ``REKG_*`` environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Settings"]


def _env(name: str, default: str) -> str:
    return os.environ.get(f"REKG_{name}", default)


@dataclass(frozen=True)
class Settings:
    """Limits and locations of one server; the defaults are those of a public endpoint."""

    store_dir: Path
    query_timeout: float = 10.0
    max_rows: int = 100_000
    max_body_bytes: int = 1 << 20
    workers: int = 2
    queue_wait: float = 2.0
    update_token: str | None = None
    update_token_name: str = "editor"  # who an update made with the token is attributed to
    store_url: str | None = None  # a remote SPARQL 1.1 store instead of the embedded one at store_dir
    answer_cache_bytes: int = 64 << 20  # the pages' answers kept per graph version (0: none)
    slow_query_seconds: float = 0.1  # queries taking at least this long are logged (0: every query)

    @classmethod
    def from_env(cls, store_dir: Path, store_url: str | None = None) -> Settings:
        """Settings with each limit overridable by ``REKG_QUERY_TIMEOUT``, ``REKG_MAX_ROWS``,
        ``REKG_MAX_BODY_BYTES``, ``REKG_WORKERS``, ``REKG_QUEUE_WAIT``, ``REKG_ANSWER_CACHE_BYTES``,
        ``REKG_SLOW_QUERY_SECONDS``, ``REKG_UPDATE_TOKEN`` and
        ``REKG_UPDATE_TOKEN_NAME`` (the name updates made with the token are recorded under);
        ``store_url`` or ``REKG_STORE_URL`` serves a remote store (see :mod:`kg.store.remote`)."""
        return cls(
            store_dir=store_dir,
            query_timeout=float(_env("QUERY_TIMEOUT", "10")),
            max_rows=int(_env("MAX_ROWS", "100000")),
            max_body_bytes=int(_env("MAX_BODY_BYTES", str(1 << 20))),
            workers=int(_env("WORKERS", "2")),
            queue_wait=float(_env("QUEUE_WAIT", "2")),
            update_token=os.environ.get("REKG_UPDATE_TOKEN") or None,
            update_token_name=_env("UPDATE_TOKEN_NAME", "editor"),
            answer_cache_bytes=int(_env("ANSWER_CACHE_BYTES", str(64 << 20))),
            slow_query_seconds=float(_env("SLOW_QUERY_SECONDS", "0.1")),
            store_url=store_url or os.environ.get("REKG_STORE_URL") or None,
        )
