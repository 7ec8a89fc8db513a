"""rekg: a knowledge graph of the rare-earth and critical-minerals supply chain.

The packages follow the data flow: :mod:`kg.ingest` (fact sheets → RDF → SHACL gate → store),
:mod:`kg.reasoning` (closure, rules, consistency, explanations), :mod:`kg.store` (the store
interface, the embedded store, named queries, dumps), :mod:`kg.curation` (extraction from
articles, coverage) and :mod:`kg.cli` (the ``rekg`` command, which only connects them).
"""

from __future__ import annotations

from kg.errors import KgError
from kg.ingest.pipeline import build_store
from kg.store import Store, open_store
from kg.vocab import VERSION

__all__ = ["VERSION", "KgError", "Store", "build_store", "open_store"]
