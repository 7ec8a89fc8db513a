"""The store contract (``kg.store.base.Store``), written once and run against both stores:
the embedded one on disk and a remote one on a real Virtuoso. Every write changes the version;
a graph is replaced whole or not at all; bad data and bad queries are refused with rekg's
errors; a closed store lets go of its database."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.errors import KgError, QueryError, StoreError
from kg.store import EmbeddedStore, RemoteStore, Store
from kg.store.formats import N_QUADS, N_TRIPLES, SPARQL_JSON, TURTLE
from tests.conftest import require
from tests.virtuoso import VIRTUOSO, Virtuoso

BASE = "https://w3id.org/rekg/graph/contract-"
P = URIRef("https://w3id.org/rekg/ontology#label-test")


def triples(graph: str, *values: str) -> bytes:
    return "".join(f'<{graph}#s> <{P}> "{v}" .\n' for v in values).encode()


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    require(VIRTUOSO is not None, "virtuoso-t is not installed (apt-get install virtuoso-opensource)")
    server = Virtuoso(tmp_path_factory.mktemp("contract-virtuoso"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["embedded", "remote"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "embedded":
        opened: Store = EmbeddedStore(tmp_path / "store", read_only=False)
        opened.replace_all(f'<{BASE}seed#s> <{P}> "seed" <{BASE}seed> .\n'.encode(), media_type=N_QUADS)
    else:
        opened = RemoteStore(request.getfixturevalue("virtuoso").config())
        opened.replace_all(f'<{BASE}seed#s> <{P}> "seed" <{BASE}seed> .\n'.encode(), media_type=N_QUADS)
    with opened:
        yield opened


def values(store: Store, graph: str) -> set[str]:
    return {str(q[2]) for q in store.quads(graph=graph)}


@pytest.mark.parametrize("write", ["update", "load", "apply", "replace_graph", "replace_all"])
def test_every_write_changes_the_version(store: Store, write: str) -> None:
    graph = f"{BASE}{write}"
    before = store.version()
    if write == "update":
        store.update(f'INSERT DATA {{ GRAPH <{graph}> {{ <{graph}#s> <{P}> "x" }} }}')
    elif write == "load":
        store.load(triples(graph, "x"), media_type=N_TRIPLES, graph=graph)
    elif write == "apply":
        store.apply([], [(URIRef(f"{graph}#s"), P, Literal("x"), graph)])
    elif write == "replace_graph":
        store.replace_graph(graph, triples(graph, "x"), media_type=N_TRIPLES)
    else:
        store.replace_all(f'<{graph}#s> <{P}> "x" <{graph}> .\n'.encode(), media_type=N_QUADS)
    assert store.version() != before
    assert values(store, graph) == {"x"}


def test_replace_graph_replaces_that_graph_only_and_whole(store: Store) -> None:
    graph = f"{BASE}replace"
    store.replace_graph(graph, triples(graph, "a", "b"), media_type=N_TRIPLES)
    store.replace_graph(graph, triples(graph, "c"), media_type=N_TRIPLES)
    assert values(store, graph) == {"c"} and values(store, f"{BASE}seed") == {"seed"}
    version = store.version()
    with pytest.raises(KgError):  # bad data: nothing changes
        store.replace_graph(graph, b"<not a triple", media_type=N_TRIPLES)
    assert values(store, graph) == {"c"} and store.version() == version


def test_apply_writes_nothing_when_its_gate_refuses(store: Store) -> None:
    graph = f"{BASE}gate"
    version = store.version()

    def refuse() -> None:
        raise StoreError("refused")

    with pytest.raises(StoreError, match="refused"):
        store.apply([], [(URIRef(f"{graph}#s"), P, Literal("x"), graph)], before_commit=refuse)
    assert values(store, graph) == set() and store.version() == version


def test_reading_graph_names_quads_and_dumps(store: Store) -> None:
    graph = f"{BASE}read"
    store.replace_graph(graph, triples(graph, "r"), media_type=N_TRIPLES)
    assert {graph, f"{BASE}seed"} <= set(store.graph_names())
    buffer = io.BytesIO()
    store.dump(buffer, media_type=N_QUADS)
    assert f"<{graph}>".encode() in buffer.getvalue()
    rows = store.select(f"SELECT ?v WHERE {{ GRAPH <{graph}> {{ ?s <{P}> ?v }} }}")
    assert [str(r["v"]) for r in rows] == ["r"]
    construct = store.query(f"CONSTRUCT {{ ?s <{P}> ?v }} WHERE {{ GRAPH <{graph}> {{ ?s <{P}> ?v }} }}", graph_type=TURTLE)
    assert construct.kind == "graph" and b'"r"' in construct.body


def test_bad_queries_are_refused_with_rekgs_errors(store: Store) -> None:
    with pytest.raises(QueryError):
        store.query("SELECT WHERE {", results_type=SPARQL_JSON)
    with pytest.raises(QueryError):
        store.query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    with pytest.raises(QueryError):
        store.update("INSERT DATA {")


def test_a_closed_store_lets_go(store: Store, tmp_path: Path) -> None:
    store.close()
    if isinstance(store, EmbeddedStore):
        with pytest.raises(StoreError, match="closed"):
            store.graph_names()
        with EmbeddedStore(tmp_path / "store", read_only=False) as again:  # the lock is gone
            assert f"{BASE}seed" in again.graph_names()


def _values_in(open_snapshot, graph: str) -> set[str]:  # run in another process
    with open_snapshot() as opened:
        return values(opened, graph)


def test_a_snapshot_opens_the_committed_data_in_another_process(store: Store) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    snapshot = store.snapshot()
    assert snapshot is not None
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as other:
        assert other.submit(_values_in, snapshot, f"{BASE}seed").result(timeout=60) == {"seed"}
    assert EmbeddedStore().snapshot() is None  # in memory: no other process can open it
