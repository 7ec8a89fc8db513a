"""Incremental updates on the real graph: the inferred graph after each change equals a rebuild
from scratch, a refused change writes nothing, and a process killed mid-update leaves the
store consistent (before or after an update, never between)."""

from __future__ import annotations

import gc
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.cli._common import FROZEN_FROM, collector_paused
from kg.errors import UpdateRefused
from kg.ingest.change import WarmEngines
from kg.ingest.pipeline import asserted_graph
from kg.ingest.update import Provenance, apply_update
from kg.ontology import load_ontology
from kg.reasoning import reason
from kg.store import EmbeddedStore
from kg.vocab import ID, INFERRED_GRAPH, REKG
from tests.conftest import REPO

JOIN = (
    "INSERT DATA { GRAPH <https://w3id.org/rekg/graph/curation> { <https://w3id.org/rekg/id/company/lynas-rare-earths> "
    "<https://w3id.org/rekg/ontology#memberOf> <https://w3id.org/rekg/id/alliance/new-asian-alliance> } }"
)
LEAVE = JOIN.replace("INSERT DATA", "DELETE DATA")
BY_TEST = Provenance("test")
LYNAS = ID["company/lynas-rare-earths"]
LYNAS_PARTNERS = (
    "SELECT ?p WHERE { GRAPH <https://w3id.org/rekg/graph/inferred> { "
    "<https://w3id.org/rekg/id/company/lynas-rare-earths> <https://w3id.org/rekg/ontology#partnerOf> ?p } }"
)


def inferred(store: EmbeddedStore) -> set:
    return {q[:3] for q in store.quads(graph=str(INFERRED_GRAPH))}


def rebuilt(store: EmbeddedStore) -> set:
    return set(reason(asserted_graph(store), load_ontology(), hermit=False).inferred)


def test_insert_then_delete_matches_a_rebuild_each_time(store_copy: Path) -> None:
    store = EmbeddedStore(store_copy, read_only=False)
    original = inferred(store)
    before = len(store.select(LYNAS_PARTNERS))
    summary = apply_update(store, JOIN, provenance=BY_TEST)
    assert summary.inserted == 1 and summary.inferred_added > 0
    assert len(store.select(LYNAS_PARTNERS)) > before
    assert inferred(store) == rebuilt(store)
    apply_update(store, LEAVE, provenance=BY_TEST)
    assert inferred(store) == rebuilt(store) == original


@pytest.mark.parametrize("large", [False, True], ids=["transaction", "staged"])
def test_asserting_an_inferred_triple_moves_it_out_of_the_inferred_graph(
    store_copy: Path, monkeypatch: pytest.MonkeyPatch, large: bool
) -> None:
    if large:
        monkeypatch.setattr("kg.ingest.change.GATE_APART", 1)
        monkeypatch.setattr("kg.store.embedded.BULK_CHANGE", 1)
    store = EmbeddedStore(store_copy, read_only=False)
    s, p, o = next(t for t in sorted(inferred(store)) if t[1] == REKG.partnerOf)
    graph = "https://w3id.org/rekg/graph/curation"
    apply_update(store, f"INSERT DATA {{ GRAPH <{graph}> {{ {s.n3()} {p.n3()} {o.n3()} }} }}", provenance=BY_TEST)
    assert (s, p, o) not in inferred(store) and next(store.quads(s, p, o, graph=graph), None) is not None
    assert inferred(store) == rebuilt(store)
    apply_update(store, f"DELETE DATA {{ GRAPH <{graph}> {{ {s.n3()} {p.n3()} {o.n3()} }} }}", provenance=BY_TEST)
    assert (s, p, o) in inferred(store) and inferred(store) == rebuilt(store)


def test_a_refused_update_changes_nothing(store_copy: Path) -> None:
    store = EmbeddedStore(store_copy, read_only=False)
    version, before = store.version(), inferred(store)
    bad = (
        "INSERT DATA { GRAPH <https://w3id.org/rekg/graph/curation> { <https://w3id.org/rekg/id/country/XX> a "
        "<https://w3id.org/rekg/ontology#Country> } }"
    )
    engines = WarmEngines()
    with pytest.raises(UpdateRefused, match="isoCode"):
        apply_update(store, bad, provenance=BY_TEST, engines=engines)
    assert store.version() == version and inferred(store) == before
    apply_update(store, JOIN, provenance=BY_TEST, engines=engines)
    assert inferred(store) == rebuilt(store)


@pytest.mark.parametrize("staged", [False, True])
def test_a_large_change_is_checked_against_the_shapes_beside_the_reasoner(
    store_copy: Path, monkeypatch: pytest.MonkeyPatch, staged: bool
) -> None:
    monkeypatch.setattr("kg.ingest.change.GATE_APART", 1)  # every change takes the path of large ones: a process of its own
    if staged:  # and is written into a copy of the database while the shapes are checked
        monkeypatch.setattr("kg.store.embedded.BULK_CHANGE", 1)
    store = EmbeddedStore(store_copy, read_only=False)
    version, before, databases = store.version(), inferred(store), set(store_copy.glob("db-*/"))
    bad = (
        "INSERT DATA { GRAPH <https://w3id.org/rekg/graph/curation> { <https://w3id.org/rekg/id/country/XX> a "
        "<https://w3id.org/rekg/ontology#Country> } }"
    )
    engines = WarmEngines()
    kept = engines.engine(store)
    with pytest.raises(UpdateRefused, match="country/XX.*isoCode"):  # refused after the reasoner has seen it
        apply_update(store, bad, provenance=BY_TEST, engines=engines)
    assert store.version() == version and inferred(store) == before
    assert engines.engine(store) is not kept  # the engine that saw the refused change was dropped
    assert set(store_copy.glob("db-*/")) == databases  # a staged copy is gone
    apply_update(store, JOIN, provenance=BY_TEST, engines=engines)  # passes: the engine kept did not hold the refused change
    assert inferred(store) == rebuilt(store) != before


def test_the_engine_kept_between_changes_is_the_one_each_change_reasoned_on(store_copy: Path) -> None:
    store = EmbeddedStore(store_copy, read_only=False)
    engines = WarmEngines()
    apply_update(store, JOIN, provenance=BY_TEST, engines=engines)
    engine = engines.engine(store)
    apply_update(store, LEAVE, provenance=BY_TEST, engines=engines)
    assert engines.engine(store) is engine  # not read again from the store: kept for the version written
    assert inferred(store) == rebuilt(store)
    other = EmbeddedStore(store_copy)
    assert engines.engine(other) is not engine  # per store


def test_readers_see_a_committed_update_at_once(store_copy: Path) -> None:
    reader = EmbeddedStore(store_copy)
    before = len(reader.select(LYNAS_PARTNERS))
    apply_update(EmbeddedStore(store_copy, read_only=False), JOIN, provenance=BY_TEST)
    assert len(reader.select(LYNAS_PARTNERS)) > before


def test_a_change_staged_in_a_copy_of_the_database_is_seen_whole(store_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kg.store.embedded.BULK_CHANGE", 1)  # every change takes the path of large ones
    reader, writer = EmbeddedStore(store_copy), EmbeddedStore(store_copy, read_only=False)
    database, before = writer.database(), len(reader.select(LYNAS_PARTNERS))
    apply_update(writer, JOIN, provenance=BY_TEST)
    assert writer.database() != database  # a new database was swapped in
    assert len(reader.select(LYNAS_PARTNERS)) > before
    assert inferred(writer) == rebuilt(writer)
    apply_update(writer, LEAVE, provenance=BY_TEST)
    assert len(reader.select(LYNAS_PARTNERS)) == before and inferred(writer) == rebuilt(writer)
    assert len(list(store_copy.glob("db-*/"))) <= 2  # the current database and the one before


WRITER = """
import sys
from pathlib import Path
import kg.store.embedded
from kg.ingest.update import Provenance, apply_update
from kg.store import EmbeddedStore
kg.store.embedded.BULK_CHANGE = int(sys.argv[4])
store = EmbeddedStore(Path(sys.argv[1]), read_only=False)
join, leave = sys.argv[2], sys.argv[3]
print("ready", flush=True)
while True:
    apply_update(store, join, provenance=Provenance("test"))
    apply_update(store, leave, provenance=Provenance("test"))
    print("committed", flush=True)
"""


@pytest.mark.parametrize("bulk", [50_000, 1], ids=["transaction", "staged copy"])
def test_sigkill_mid_update_leaves_the_store_before_or_after(store_copy: Path, bulk: int) -> None:
    original = inferred(EmbeddedStore(store_copy))
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(store_copy), JOIN, LEAVE, str(bulk)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert process.stdout is not None and process.stdout.readline().strip() == b"ready"
    for _ in range(random.randint(1, 4)):  # some commits first
        assert process.stdout.readline().strip() == b"committed", "the writer stopped"
    time.sleep(random.uniform(0, 0.2))  # then a moment somewhere inside the loop
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    process.stdout.close()
    store = EmbeddedStore(store_copy)
    joined = next(store.quads(LYNAS, REKG.memberOf, ID["alliance/new-asian-alliance"]), None) is not None
    assert inferred(store) == rebuilt(store)
    assert joined or inferred(store) == original


# --- rekg load -------------------------------------------------------------------------------


def test_rekg_load_adds_gzipped_turtle_with_its_consequences(store_copy: Path, tmp_path: Path) -> None:
    import gzip

    from typer.testing import CliRunner

    from kg.cli import app

    source = tmp_path / "extra.ttl.gz"
    source.write_bytes(
        gzip.compress(
            b"<https://w3id.org/rekg/id/company/lynas-rare-earths> "
            b"<https://w3id.org/rekg/ontology#memberOf> <https://w3id.org/rekg/id/alliance/new-asian-alliance> ."
        )
    )
    result = CliRunner().invoke(app, ["load", str(source), "--store", str(store_copy)])
    assert result.exit_code == 0, result.output
    store = EmbeddedStore(store_copy)
    assert next(store.quads(LYNAS, REKG.memberOf, None, "https://w3id.org/rekg/graph/load/extra"), None) is not None
    assert store.select(LYNAS_PARTNERS) and inferred(store) == rebuilt(store)


@pytest.mark.parametrize(
    "name,text,message",
    [
        ("bad.nt", '<http://a> <http://b> "x .\n', "bad.nt:1:23"),
        (
            "bad.ttl",
            "@prefix rekg: <https://w3id.org/rekg/ontology#> .\n<https://w3id.org/rekg/id/country/XX> a rekg:Country .\n",
            "isoCode",
        ),
        ("bad.csv", "a,b\n", "unknown RDF format"),
    ],
)
def test_rekg_load_refuses_bad_rdf_and_changes_nothing(store_copy: Path, tmp_path: Path, name: str, text: str, message: str) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    (tmp_path / name).write_text(text)
    version = EmbeddedStore(store_copy).version()
    result = CliRunner().invoke(app, ["load", str(tmp_path / name), "--store", str(store_copy)], env={"COLUMNS": "300"})
    assert result.exit_code == 1 and message in " ".join(result.output.split())
    assert EmbeddedStore(store_copy).version() == version


def test_the_collector_resumes_after_a_paused_change_and_what_it_left_is_frozen() -> None:
    frozen_before = gc.get_freeze_count()
    try:
        with collector_paused():
            assert not gc.isenabled()
            small = [[i] for i in range(1000)]
        assert gc.isenabled() and gc.get_freeze_count() == frozen_before  # a few objects: collected as usual
        with collector_paused():
            large = [[i] for i in range(FROZEN_FROM + 1000)]
        assert gc.isenabled() and gc.get_freeze_count() >= frozen_before + FROZEN_FROM  # not walked by the next collection
        gc.disable()
        with collector_paused():  # already paused by the caller: stays paused
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
    assert len(small) + len(large) > FROZEN_FROM
