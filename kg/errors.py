"""Errors raised by the rekg pipeline.

Every error the pipeline raises on purpose derives from :class:`KgError`; the CLI
prints these as ``ErrorName: message`` and exits 1, the server maps them to 4xx::

    KgError
    ├── SheetError            a fact sheet is malformed (carries file, line, field)
    ├── ShapesLoadError       the SHACL shapes or ontology cannot be read
    ├── ValidationFailed      the built graph violates the shapes (carries the report)
    ├── InconsistentGraph     the graph contradicts the ontology (HermiT), entity and axioms named
    ├── StoreError            the store is missing, locked or unreadable
    ├── UnknownQueryError     no named query has that name
    ├── QueryParameterError   a named-query parameter is unknown or malformed
    └── QueryError            a SPARQL query is malformed or refused
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "InconsistentGraph",
    "KgError",
    "QueryError",
    "QueryParameterError",
    "SheetError",
    "ShapesLoadError",
    "StoreError",
    "UnknownQueryError",
    "ValidationFailed",
]


class KgError(Exception):
    """Base class of every error rekg raises on purpose."""


class SheetError(KgError):
    """A fact sheet cannot be turned into RDF: the message names file, line and field."""

    def __init__(self, path: Path | str, line: int | None, problem: str, *, field: str | None = None):
        self.path = Path(path)
        self.line = line
        self.field = field
        self.problem = problem
        where = f"{self.path}:{line}" if line else str(self.path)
        what = f"{field}: {problem}" if field else problem
        super().__init__(f"{where}: {what}")


class ShapesLoadError(KgError):
    """The SHACL shapes or the ontology could not be parsed."""


class ValidationFailed(KgError):
    """The built graph violates the SHACL shapes; ``messages`` lists each violation."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__(
            f"{len(messages)} SHACL violation(s); nothing was written:\n" + "\n".join(messages)
        )


class StoreError(KgError):
    """The store cannot be opened or written."""


class UnknownQueryError(KgError):
    """No named query has the requested name."""


class QueryParameterError(KgError):
    """A parameter of a named query is unknown or has a malformed value."""


class QueryError(KgError):
    """A SPARQL query is malformed, or uses a clause rekg refuses to run."""


class InconsistentGraph(KgError):
    """The asserted graph contradicts the ontology; the message names entity and axioms."""
