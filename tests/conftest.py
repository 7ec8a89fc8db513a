"""Shared fixtures: a clean environment per test, one real store built once from the real
sheets (shared by every read-only test), and the live server where real HTTP is the point."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from kg.ingest.corpus import resolve_corpus_dir
from kg.ingest.pipeline import build_store
from kg.store import EmbeddedStore, Store
from kg.vocab import FACTS_DIR, SPARQL_PREFIXES

REPO = Path(__file__).resolve().parent.parent
KEEP = (
    "PATH",
    "HOME",
    "LANG",
    "LC_ALL",
    "TMPDIR",
    "JAVA_HOME",
    "REKG_REQUIRE_ALL",
    "REKG_CORPUS",
    "REKG_UPDATE_GOLDEN",
    "VIRTUAL_ENV",
    "PYTHONPATH",
    "CHROME_BIN",
    "SYSTEMROOT",
)


@contextmanager
def chromium(profile: Path, *, logs: bool = False) -> Iterator[Any]:
    """A headless Chromium driven by Selenium, its profile in ``profile``; with ``logs``, its
    console and its DevTools network log are kept. Skips (fails under ``REKG_REQUIRE_ALL=1``)
    without Debian's chromium and chromium-driver."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    require(binary is not None and driver_path is not None, "Debian's chromium and chromium-driver are not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1300,1000",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    if logs:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()


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
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once from the real fact sheets: with every quote verified when the corpus
    is beside the checkout, else without (only the tests about quotes need the corpus)."""
    root = tmp_path_factory.mktemp("store")
    found = resolve_corpus_dir(None)
    build_store(FACTS_DIR, EmbeddedStore(root, read_only=False), corpus_dir=found if found is not None and found.is_dir() else None)
    return root


@pytest.fixture(scope="session")
def store(built_store: Path) -> Store:
    """The built store, opened read-only."""
    return EmbeddedStore(built_store)


def rows(store: Store, query: str, **bindings: object) -> list[dict[str, str]]:
    """The rows of a SELECT (with the project's prefixes) as ``{variable: text}``."""
    return [{k: str(v) for k, v in row.items()} for row in store.select(SPARQL_PREFIXES + query, bindings=bindings)]


@pytest.fixture()
def facts_copy(tmp_path: Path) -> Path:
    """A writable copy of the real fact sheets."""
    target = tmp_path / "facts"
    shutil.copytree(FACTS_DIR, target)
    return target


def free_port() -> int:
    """A TCP port on loopback that nothing listens on now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """``rekg serve`` in a subprocess: real uvicorn on loopback, stopped on exit."""

    def __init__(self, store: Path, **env: str):
        import subprocess
        import sys
        import time

        import httpx

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        environment = {k: v for k, v in os.environ.items() if not k.startswith("REKG_")}
        environment.update({f"REKG_{k.upper()}": v for k, v in env.items()})
        self.log = (store.parent / f"server-{self.port}.log").open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "serve", "--port", str(self.port), "--store", str(store)],
            env=environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            cwd=REPO,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"rekg serve did not come up: {(store.parent / f'server-{self.port}.log').read_text()}")

    def logs(self) -> str:
        """What the server printed so far."""
        self.log.flush()
        return Path(self.log.name).read_text()

    def stop(self) -> None:
        """Stop the server and its workers."""
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except Exception:
            self.process.kill()
        self.log.close()


@pytest.fixture(scope="session")
def server(built_store: Path):
    """One live server on the real store, with default limits and no update token."""
    live = LiveServer(built_store)
    yield live
    live.stop()


@pytest.fixture(scope="session")
def client(built_store: Path):
    """The app over the real store, called in process (its lifespan and worker pool run)."""
    from fastapi.testclient import TestClient
    from rekg_server.app import create_app

    from kg.settings import Settings

    with TestClient(create_app(Settings(store_dir=built_store))) as test_client:
        yield test_client


@pytest.fixture()
def store_copy(built_store: Path, tmp_path: Path) -> Path:
    """A writable copy of the built store (for updates)."""
    target = tmp_path / "store"
    target.mkdir()
    database = (built_store / "current").resolve()
    shutil.copytree(database, target / database.name)
    (target / "current").symlink_to(database.name)
    return target
