"""Shared fixtures: a clean environment per test, and one real store built from the real sheets."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kg.corpus import resolve_corpus_dir
from kg.pipeline import DEFAULT_FACTS_DIR, build_store
from kg.store import open_store

REPO = Path(__file__).resolve().parent.parent
KEEP = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "JAVA_HOME", "REKG_REQUIRE_ALL", "REKG_CORPUS",
        "VIRTUAL_ENV", "PYTHONPATH", "CHROME_BIN", "SYSTEMROOT")


def require(condition: bool, reason: str) -> None:
    """Skip when ``condition`` is false, or fail under ``REKG_REQUIRE_ALL=1`` (as in CI)."""
    if condition:
        return
    if os.environ.get("REKG_REQUIRE_ALL") == "1":
        pytest.fail(f"REKG_REQUIRE_ALL=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts without REKG_* settings (but for the corpus and CI's REQUIRE_ALL)."""
    for name in list(os.environ):
        if name.startswith("REKG_") and name not in KEEP:
            monkeypatch.delenv(name)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared corpus; the fact base is checked against it."""
    found = resolve_corpus_dir(None)
    require(found is not None and found.is_dir(), "the corpus (../shared/corpus) is not beside the checkout")
    assert found is not None
    return found


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Path:
    """A store built once from the real fact sheets, with every quote verified."""
    root = tmp_path_factory.mktemp("store")
    build_store(DEFAULT_FACTS_DIR, root, corpus_dir=corpus_dir)
    return root


@pytest.fixture(scope="session")
def store(built_store: Path):
    """The built store, opened read-only."""
    return open_store(built_store)


@pytest.fixture()
def facts_copy(tmp_path: Path) -> Path:
    """A writable copy of the real fact sheets."""
    target = tmp_path / "facts"
    shutil.copytree(DEFAULT_FACTS_DIR, target)
    return target
