"""rekg: a knowledge graph of the rare-earth and critical-minerals supply chain."""

from __future__ import annotations

from kg.build import build_dataset
from kg.errors import KgError
from kg.pipeline import build_store
from kg.queries import run_query
from kg.store import open_store
from kg.validate import validate_graph

__all__ = ["KgError", "build_dataset", "build_store", "open_store", "run_query", "validate_graph"]
