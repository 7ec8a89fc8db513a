"""A large change written in parts into a copy of the database, by a thread of the store's, ends
with the same quads as the same change made in one transaction."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import QueryError
from kg.store import EmbeddedStore
from kg.store.base import Quad
from kg.store.formats import N_QUADS

E = "http://e/"
BEFORE = f'''<{E}a> <{E}p> "kept" <{E}g> .
<{E}a> <{E}p> "deleted" <{E}g> .
<{E}b> <{E}p> <{E}c> .
'''.encode()


def _quads(store: EmbeddedStore) -> set[Quad]:
    """The store's quads, each blank node replaced by the set of statements it is the subject of
    (labels differ from store to store; what a node says does not)."""
    quads = set(store.quads())

    def named(term: object) -> object:
        return frozenset((p, o) for s, p, o, _ in quads if s == term) if isinstance(term, BNode) else term
    return {(named(s), p, named(o), g) for s, p, o, g in quads}


def _change() -> tuple[list[Quad], list[Quad]]:
    blank = BNode("shared")  # one blank node across parts: the same node once written
    deletions: list[Quad] = [(URIRef(f"{E}a"), URIRef(f"{E}p"), Literal("deleted"), f"{E}g")]
    insertions: list[Quad] = [
        (URIRef(f"{E}a"), URIRef(f"{E}p"), Literal('a "quoted"\nline', lang="en"), f"{E}g"),
        (URIRef(f"{E}a"), URIRef(f"{E}p"), Literal("7", datatype=XSD.integer), f"{E}g"),
        (URIRef(f"{E}a"), URIRef(f"{E}q"), blank, f"{E}g"),
        (blank, URIRef(f"{E}p"), Literal("of the blank node"), f"{E}g"),
        (URIRef(f"{E}d"), URIRef(f"{E}p"), URIRef(f"{E}e"), None),  # the default graph
        *((URIRef(f"{E}n{i}"), URIRef(f"{E}p"), Literal(i), f"{E}h") for i in range(7)),
    ]
    return deletions, insertions


def test_parts_written_on_a_thread_end_as_one_transaction_would(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kg.store.embedded.STAGED_PART", 2)  # several parts of N-Quads text per write
    staged, oracle = EmbeddedStore(tmp_path / "store", read_only=False), EmbeddedStore(read_only=False)
    staged.replace_all(BEFORE, media_type=N_QUADS)
    oracle.load(BEFORE, media_type=N_QUADS)
    deletions, insertions = _change()
    reader, database = EmbeddedStore(tmp_path / "store"), staged.database()

    with staged.staged() as change:
        change.write(deletions, insertions[:3])
        assert _quads(reader) == _quads(oracle)  # nothing visible before the commit
        change.write([], insertions[3:])
        change.commit()
    oracle.apply(deletions, insertions)

    assert staged.database() != database
    assert _quads(staged) == _quads(oracle) == _quads(reader)  # the reader follows the swap
    assert len({s for s, *_ in staged.quads() if isinstance(s, BNode)}) == 1  # one blank node, not one per part


def test_a_change_refused_before_its_commit_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "store", read_only=False)
    store.replace_all(BEFORE, media_type=N_QUADS)
    before, version, databases = _quads(store), store.version(), set((tmp_path / "store").glob("db-*"))

    def refuse() -> None:
        raise QueryError("refused")

    with pytest.raises(QueryError, match="refused"), store.staged() as change:
        change.write(*_change())
        change.commit(refuse)
    assert _quads(store) == before and store.version() == version
    assert set((tmp_path / "store").glob("db-*")) == databases  # the copy is gone


def test_only_a_store_on_disk_stages_a_change() -> None:
    with pytest.raises(Exception, match="on disk"), EmbeddedStore(read_only=False).staged():
        pass
