"""A large change, staged in a copy of the database and bulk loaded there, ends with the same
quads as the same change made in one transaction, and a refused one leaves no copy behind."""

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
BEFORE = f"""<{E}a> <{E}p> "kept" <{E}g> .
<{E}a> <{E}p> "deleted" <{E}g> .
<{E}b> <{E}p> <{E}c> .
""".encode()
DELETIONS: list[Quad] = [(URIRef(f"{E}a"), URIRef(f"{E}p"), Literal("deleted"), f"{E}g")]
INSERTIONS: list[Quad] = [
    (URIRef(f"{E}a"), URIRef(f"{E}p"), Literal('a "quoted"\nline', lang="en"), f"{E}g"),
    (URIRef(f"{E}a"), URIRef(f"{E}p"), Literal("7", datatype=XSD.integer), f"{E}g"),
    (URIRef(f"{E}a"), URIRef(f"{E}q"), BNode("shared"), f"{E}g"),  # one blank node in two quads: one node once written
    (BNode("shared"), URIRef(f"{E}p"), Literal("of the blank node"), f"{E}g"),
    (URIRef(f"{E}d"), URIRef(f"{E}p"), URIRef(f"{E}e"), None),  # the default graph
    *((URIRef(f"{E}n{i}"), URIRef(f"{E}p"), Literal(i), f"{E}h") for i in range(7)),
]


def _quads(store: EmbeddedStore) -> set[Quad]:
    """The store's quads, each blank node replaced by what it is the subject of (labels differ
    from store to store; what a node says does not)."""
    quads = set(store.quads())

    def named(term: object) -> object:
        return frozenset((p, o) for s, p, o, _ in quads if s == term) if isinstance(term, BNode) else term

    return {(named(s), p, named(o), g) for s, p, o, g in quads}


@pytest.fixture
def staged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> EmbeddedStore:
    """A store on disk holding BEFORE, where every change is staged."""
    monkeypatch.setattr("kg.store.embedded.BULK_CHANGE", 1)
    store = EmbeddedStore(tmp_path / "store", read_only=False)
    store.replace_all(BEFORE, media_type=N_QUADS)
    return store


def test_a_staged_change_ends_as_one_transaction_would(staged: EmbeddedStore) -> None:
    oracle = EmbeddedStore(read_only=False)  # in memory: one transaction
    oracle.load(BEFORE, media_type=N_QUADS)
    before, reader, database = _quads(oracle), EmbeddedStore(staged.root), staged.database()

    def unseen() -> None:
        assert _quads(reader) == before  # nothing is visible before the commit

    staged.apply(DELETIONS, INSERTIONS, before_commit=unseen)
    oracle.apply(DELETIONS, INSERTIONS)

    assert staged.database() != database
    assert _quads(staged) == _quads(oracle) == _quads(reader)  # the reader follows the swap
    assert len({s for s, *_ in staged.quads() if isinstance(s, BNode)}) == 1


def test_a_staged_change_refused_before_its_commit_leaves_the_store_as_it_was(staged: EmbeddedStore) -> None:
    assert staged.root is not None
    before, version, databases = _quads(staged), staged.version(), set(staged.root.glob("db-*"))

    def refuse() -> None:
        raise QueryError("refused")

    with pytest.raises(QueryError, match="refused"):
        staged.apply(DELETIONS, INSERTIONS, before_commit=refuse)
    assert _quads(staged) == before and staged.version() == version
    assert set(staged.root.glob("db-*")) == databases  # the copy is gone
