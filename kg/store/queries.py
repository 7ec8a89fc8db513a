"""Named queries (``queries/*.rq``) and running SPARQL against the store.

A named query starts with ``# Title`` and a ``#+`` YAML header::

    # Who operates a facility?
    #+ summary: The operator and country of a facility.
    #+ params:
    #+   facility: {type: iri, default: "https://w3id.org/rekg/id/facility/mount-weld"}

Parameters are typed and checked, and reach the store as RDF terms: the embedded store writes
them into the text in SPARQL syntax (pyoxigraph checks the IRI and escapes the literal), the
remote store as ``VALUES``; a value is never pasted into the text as it came.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError, QueryParameterError, UnknownQueryError
from kg.store.base import Store
from kg.vocab import QUERIES_DIR

__all__ = [
    "NamedQuery",
    "QueryParam",
    "find_named_query",
    "list_named_queries",
    "load_named_query",
    "resolve_query_text",
    "select_named",
]

_PARAM_TYPES = {"iri", "string", "integer", "decimal", "year", "date"}


@dataclass(frozen=True)
class QueryParam:
    """A parameter of a named query: its variable name, type, default and description."""

    name: str
    type: str
    default: str | None = None
    description: str = ""

    def bind(self, raw: str) -> URIRef | Literal:
        """The RDF term for ``raw``, checked against the parameter's type."""
        try:
            if self.type == "iri":
                if not re.match(r"^https?://\S+$", raw):
                    raise ValueError("expected an absolute http(s) IRI")
                return URIRef(raw)
            if self.type in ("integer", "year"):
                return Literal(str(int(raw)), datatype=XSD.integer)
            if self.type == "decimal":
                float(raw)
                return Literal(raw, datatype=XSD.decimal)
            if self.type == "date":
                return Literal(dt.date.fromisoformat(raw).isoformat(), datatype=XSD.date)
            return Literal(raw)
        except ValueError as exc:
            raise QueryParameterError(f"parameter {self.name!r} has value {raw!r}: {exc}") from None


@dataclass(frozen=True)
class NamedQuery:
    """A query file of ``queries/`` with its header."""

    name: str
    path: Path
    title: str
    summary: str
    description: str
    tags: list[str]
    params: dict[str, QueryParam] = field(default_factory=dict)
    text: str = ""

    def bindings(self, values: dict[str, str]) -> dict[str, Node]:
        """Bind ``values`` (and the defaults) to the query's variables.

        Raises:
            QueryParameterError: a name is not a parameter of the query, or a value is malformed.
        """
        unknown = sorted(set(values) - set(self.params))
        if unknown:
            known = ", ".join(self.params) or "none"
            raise QueryParameterError(f"query {self.name!r} has no parameter {unknown[0]!r} (its parameters: {known})")
        bound: dict[str, Node] = {}
        for name, param in self.params.items():
            raw = values.get(name, param.default)
            if raw is not None:
                bound[name] = param.bind(str(raw))
        return bound


def load_named_query(path: Path) -> NamedQuery:
    """Parse a ``.rq`` file and its comment header, once until the file changes (the server
    looks a question up on every request, and its YAML header takes milliseconds to parse)."""
    stat = path.stat()
    return _parse_named_query(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)
def _parse_named_query(path: Path, mtime_ns: int, size: int) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    title = lines[0].lstrip("#").strip() if lines and lines[0].startswith("#") else path.stem
    header = "\n".join(line[3:] for line in lines if line.startswith("#+ ") or line == "#+")
    try:
        meta = yaml.safe_load(header) or {} if header else {}
    except yaml.YAMLError as exc:
        raise QueryError(f"{path}: the #+ header is not YAML: {exc}") from None
    params = {}
    for name, spec in (meta.get("params") or {}).items():
        spec = spec or {}
        kind = spec.get("type", "string")
        if kind not in _PARAM_TYPES:
            raise QueryError(f"{path}: parameter {name!r} has unknown type {kind!r}")
        default = spec.get("default")
        params[name] = QueryParam(name, kind, None if default is None else str(default), spec.get("description", ""))
    return NamedQuery(
        name=path.stem,
        path=path,
        title=title,
        summary=meta.get("summary", ""),
        description=meta.get("description", ""),
        tags=list(meta.get("tags") or []),
        params=params,
        text=text,
    )


def list_named_queries(queries_dir: Path = QUERIES_DIR) -> list[NamedQuery]:
    """Every named query, sorted by name."""
    return [load_named_query(p) for p in sorted(queries_dir.glob("*.rq"))]


def find_named_query(name: str, queries_dir: Path = QUERIES_DIR) -> NamedQuery:
    """The named query called ``name`` (the file stem, or a unique prefix such as ``q01``)."""
    exact = queries_dir / f"{name}.rq"
    if re.fullmatch(r"[A-Za-z0-9_-]+", name) and exact.is_file():
        return load_named_query(exact)
    matches = [p for p in sorted(queries_dir.glob("*.rq")) if p.stem.startswith(name + "-")]
    if len(matches) == 1 and re.fullmatch(r"[A-Za-z0-9_-]+", name):
        return load_named_query(matches[0])
    raise UnknownQueryError(f"no named query {name!r}: `rekg query --list` shows them")


def resolve_query_text(query: str, queries_dir: Path = QUERIES_DIR) -> tuple[str, NamedQuery | None]:
    """The SPARQL of ``query``: a SPARQL string, a ``.rq`` path, or a named query's name."""
    if query.endswith(".rq") and Path(query).is_file():
        named = load_named_query(Path(query))
        return named.text, named
    if re.fullmatch(r"[A-Za-z0-9_-]+", query):
        named = find_named_query(query, queries_dir)
        return named.text, named
    return query, None


def select_named(store: Store, name: str, values: dict[str, str | None]) -> list[dict[str, Node]]:
    """The rows of the named query ``name`` on ``store``, with
    ``values`` bound to its parameters (None: left out, so the default or nothing applies)."""
    named = find_named_query(name)
    return store.select(named.text, bindings=named.bindings({k: v for k, v in values.items() if v is not None}))
