"""Swapping a new database in keeps the one readers may still have open."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.store import EmbeddedStore
from kg.store.formats import N_QUADS


def _data(value: int) -> bytes:
    return f'<http://e/a> <http://e/p> "{value}" <http://e/g> .\n'.encode()


def test_a_store_given_as_a_relative_path_keeps_the_previous_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The link is read as `_swap_in` writes it (beside the store folder), so the previous
    database is recognised among the folders however the store's path was given."""
    monkeypatch.chdir(tmp_path)
    writer = EmbeddedStore(Path("store"), read_only=False)
    writer.replace_all(_data(1), media_type=N_QUADS)
    reader = EmbeddedStore(Path("store"))
    first = reader.database()

    writer.replace_all(_data(2), media_type=N_QUADS)
    assert first.is_dir()  # the previous database: a reader may still have it open
    assert [str(row["o"]) for row in reader.select("SELECT ?o WHERE { ?s ?p ?o }")] == ["2"]  # the reader follows the link

    writer.replace_all(_data(3), media_type=N_QUADS)
    assert not first.exists()  # older than the previous one: removed
    assert len([p for p in Path("store").glob("db-*") if p.is_dir()]) == 2  # the current one and the previous
