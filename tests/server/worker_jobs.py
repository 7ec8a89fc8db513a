"""Functions the pool's tests run on a worker (importable there, so at module level)."""

from __future__ import annotations

import time

from kg.store.base import Store


def count_labels(store: Store) -> int:
    """A page's work in small: some queries on the worker's store."""
    return len(store.select("SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } LIMIT 5"))


def take_time(store: Store, seconds: float) -> str:
    """Work that outlasts a time limit."""
    time.sleep(seconds)
    return "done"


def take_memory(store: Store, megabytes: int) -> int:
    """Work that outgrows a memory limit (the bytes written, so they are resident)."""
    held = b"x" * (megabytes << 20)
    time.sleep(5)
    return len(held)
