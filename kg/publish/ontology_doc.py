"""The ontology's documentation page, generated with pyLODE."""

from __future__ import annotations

import json
import logging
import re
import warnings
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.vocab import ONTOLOGY_FILE

__all__ = ["ontology_html"]


@lru_cache(maxsize=2)
def _render(path: Path, mtime: float) -> str:
    # imported on first use (it loads its background ontologies); importing pyLODE 3.3 calls
    # logging.basicConfig(level=DEBUG), which would log everything: the root logger is put back
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    import pylode.utils
    from pylode import OntPub

    root.handlers[:] = handlers
    root.setLevel(level)

    # pyLODE 3.3 collects the members of owl:unionOf / owl:intersectionOf in a set of HTML
    # elements, hashed by identity, so their order changes from run to run; ordering them by
    # their markup makes the page depend on the ontology only (a release is reproducible).
    interspersed = pylode.utils.intersperse

    def in_order(items: Iterable[Any], separator: Any) -> list[Any]:
        return interspersed(sorted(items, key=str) if isinstance(items, set) else list(items), separator)

    pylode.utils.intersperse = in_order
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)  # pyLODE reads its CSS without closing the file
            page = OntPub(ontology=str(path)).make_html()
    finally:
        pylode.utils.intersperse = interspersed
    return _SCHEMA_ORG.sub(lambda m: m[1] + json.dumps(_ordered(json.loads(m[2])), indent=2, ensure_ascii=False) + m[3], page)


# The page's schema.org JSON-LD, which rdflib writes in no fixed order.
_SCHEMA_ORG = re.compile(r'(<script id="schema.org" type="application/ld\+json">\s*)(.*?)(\s*</script>)', re.S)


def _ordered(value: Any) -> Any:
    """JSON with every list sorted, so that equal graphs give equal text."""
    if isinstance(value, dict):
        return {key: _ordered(item) for key, item in sorted(value.items())}
    if isinstance(value, list):
        return sorted((_ordered(item) for item in value), key=lambda item: json.dumps(item, sort_keys=True))
    return value


def ontology_html(path: Path = ONTOLOGY_FILE) -> str:
    """The pyLODE HTML of the ontology at ``path`` (rendered once per file version).

    It is rendered on a thread of its own: pyLODE's HTML library asks for the thread's event
    loop, which on the main thread makes one that is never closed."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(_render, path, path.stat().st_mtime).result()
