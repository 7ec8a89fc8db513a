"""The public API, pinned as httpx pins its exports: what ``kg`` exports and what every store
implements. A change here is a change for users and the remote-store implementers."""

from __future__ import annotations

import inspect

import kg
from kg.store import EmbeddedStore, RemoteStore, Store

STORE_METHODS = {
    "query",
    "select",
    "update",
    "load",
    "apply",
    "quads",
    "replace_graph",
    "replace_all",
    "dump",
    "graph_names",
    "version",
    "close",
    "snapshot",
    "__enter__",
    "__exit__",
}


def test_kg_exports() -> None:
    assert sorted(kg.__all__) == ["KgError", "Store", "VERSION", "build_store", "open_store"]
    assert all(hasattr(kg, name) for name in kg.__all__)


def test_the_store_protocol() -> None:
    declared = {name for name, member in vars(Store).items() if callable(member) and (not name.startswith("_") or name in STORE_METHODS)}
    assert declared == STORE_METHODS


def test_both_stores_keep_the_protocol_with_the_same_signatures() -> None:
    for implementation in (EmbeddedStore, RemoteStore):
        for name in STORE_METHODS - {"__enter__", "__exit__"}:
            ours, theirs = inspect.signature(getattr(Store, name)), inspect.signature(getattr(implementation, name))
            assert list(ours.parameters) == list(theirs.parameters), (implementation.__name__, name)


def test_every_rekg_variable_is_read_through_the_settings_module() -> None:
    """The library reads ``REKG_*`` only through :func:`kg.settings.env`: the defaults are stated once."""
    import re
    from pathlib import Path

    import kg
    from kg.settings import VARIABLES

    root = Path(kg.__file__).parent
    server = root.parent / "server" / "rekg_server"
    readers = [p for folder in (root, server) for p in folder.rglob("*.py") if "os.environ" in p.read_text() and p.name != "settings.py"]
    assert readers == []
    code = "".join(p.read_text() for folder in (root, server) for p in folder.rglob("*.py"))
    assert set(re.findall(r'(?:env|_number|_bytes)\("([A-Z_]+)"', code)) == set(VARIABLES)  # each declared one is read, and no other


def test_no_module_keeps_mutable_state_of_its_own() -> None:
    """Locks, caches of engines or views and other registries belong to an object the app or the
    CLI owns: no module of the library or the server starts one at import."""
    import ast
    from pathlib import Path

    root = Path(kg.__file__).parent
    makers = {"dict", "list", "set", "OrderedDict", "defaultdict", "deque", "WeakKeyDictionary", "WeakValueDictionary", "Lock", "Queue"}
    found = []
    for path in [*root.rglob("*.py"), *(root.parent / "server" / "rekg_server").rglob("*.py")]:
        for node in ast.parse(path.read_text()).body:
            value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
            empty = isinstance(value, ast.Dict) and not value.keys or isinstance(value, ast.List | ast.Set) and not value.elts
            made = isinstance(value, ast.Call) and ast.unparse(value.func).split(".")[-1] in makers
            if empty or made:
                found.append(f"{path.name}:{node.lineno}")
    assert found == []
