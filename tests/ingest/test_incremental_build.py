"""A build replaces only the graphs of the sheets that changed, and always agrees with a
build from scratch: a property test over random edits of random sheets."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.errors import KgError
from kg.ingest.pipeline import build_store
from kg.store import EmbeddedStore
from kg.vocab import FACTS_DIR

SHEETS = sorted(p.name for p in FACTS_DIR.glob("*.yaml") if p.name != "entities.yaml")


def graphs(store_dir: Path) -> dict[str | None, Graph]:
    """Every graph of a store (blank nodes, as in the ontology's lists, compared by isomorphism)."""
    found: dict[str | None, Graph] = {}
    for s, p, o, g in EmbeddedStore(store_dir).quads():
        found.setdefault(g, Graph()).add((s, p, o))
    return found


def same(a: dict[str | None, Graph], b: dict[str | None, Graph]) -> bool:
    return a.keys() == b.keys() and all(len(a[g]) == len(b[g]) and isomorphic(a[g], b[g]) for g in a)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Path:
    root = tmp_path_factory.mktemp("incremental")
    build_store(FACTS_DIR, EmbeddedStore(root / "store", read_only=False), corpus_dir=corpus_dir)
    return root / "store"


def edit(facts: Path, sheet: str, action: str, index: int) -> None:
    """One edit of a sheet as a curator makes them (comments are not kept: the graph is what counts)."""
    path = facts / sheet
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    fact = data["facts"][index % len(data["facts"])]
    if action == "drop":
        data["facts"].remove(fact)
    elif action == "possibility":
        fact["modality"] = "possibility"
    elif action == "past":
        fact["when"] = {"until": 2001}
    elif action == "value":
        content = fact.get("figure") or fact.get("supply") or fact.get("stake")
        if content is not None:
            key = "value" if "value" in content else "share"
            content[key] = min(100, int(content.get(key) or 0) + 1) if key == "share" else int(content[key]) + 1
    elif action == "delete-sheet":
        path.unlink()
        return
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


EDITS = st.lists(
    st.tuples(st.sampled_from(SHEETS), st.sampled_from(["drop", "possibility", "past", "value", "delete-sheet"]), st.integers(0, 200)),
    min_size=1,
    max_size=3,
)


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)  # each case is two builds: no shrinking
@given(edits=EDITS)
def test_an_incremental_build_equals_a_build_from_scratch(base: Path, corpus_dir: Path, tmp_path_factory, edits) -> None:
    root = tmp_path_factory.mktemp("case")
    facts = root / "facts"
    shutil.copytree(FACTS_DIR, facts)
    for sheet, action, index in edits:
        if (facts / sheet).exists():
            edit(facts, sheet, action, index)
    shutil.copytree(base, root / "incremental", symlinks=True)
    outcomes = []
    for name, full in (("incremental", False), ("scratch", True)):
        try:
            summary = build_store(facts, EmbeddedStore(root / name, read_only=False), corpus_dir=corpus_dir, full=full)
            outcomes.append(("built", summary.changed_graphs is not None if name == "incremental" else True))
        except KgError as exc:
            outcomes.append(("refused", type(exc).__name__))
    assert outcomes[0][0] == outcomes[1][0], outcomes
    if outcomes[0][0] == "built":
        assert outcomes[0][1], "the incremental build rebuilt everything"
        assert same(graphs(root / "incremental"), graphs(root / "scratch")), edits


def test_an_unchanged_build_writes_nothing_and_a_changed_registry_rebuilds_everything(base: Path, corpus_dir: Path, tmp_path: Path) -> None:
    shutil.copytree(base, tmp_path / "store", symlinks=True)
    facts = tmp_path / "facts"
    shutil.copytree(FACTS_DIR, facts)
    store = EmbeddedStore(tmp_path / "store", read_only=False)
    version = store.version()
    assert build_store(facts, store, corpus_dir=corpus_dir).changed_graphs == []
    assert store.version() == version
    registry = facts / "entities.yaml"
    registry.write_text(registry.read_text().replace("label: Lynas Rare Earths,", "label: Lynas Rare Earths Ltd,"), encoding="utf-8")
    assert build_store(facts, store, corpus_dir=corpus_dir).changed_graphs is None  # a build from scratch
