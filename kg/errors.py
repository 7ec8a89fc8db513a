"""Errors raised by the rekg pipeline.

Every error the pipeline raises on purpose derives from :class:`KgError`; the CLI
prints these as ``ErrorName: message`` and exits 1, the server maps them to 4xx::

    KgError
    ├── SheetError            a fact sheet is malformed (carries file, line, field)
    ├── CorpusError           the folder of source texts given does not exist
    ├── ShapesLoadError       the SHACL shapes or ontology cannot be read
    ├── ValidationFailed      the built graph violates the shapes (carries the report)
    ├── InconsistentGraph     the graph contradicts the ontology (HermiT), entity and axioms named
    ├── UpdateRefused         an update would break the shapes (carries the report)
    ├── StoreError            the store is missing, locked or unreadable
    ├── ArticleError          a file given to the extractor is not an article's text
    ├── MissingExtra          an optional part (spaCy for extraction) is not installed
    ├── UnknownQueryError     no named query has that name
    ├── QueryParameterError   a named-query parameter is unknown or malformed
    ├── NotAcceptable         no serialisation the client accepts exists for the result
    └── QueryError            a SPARQL query is malformed or refused
        └── QueryTimedOut     the query ran past its time limit and was stopped
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "ArticleError",
    "ConfigError",
    "CorpusError",
    "InconsistentGraph",
    "KgError",
    "MissingExtra",
    "NotAcceptable",
    "QueryError",
    "QueryOutOfMemory",
    "QueryParameterError",
    "QueryTimedOut",
    "SheetError",
    "ShapesLoadError",
    "StoreError",
    "UnknownQueryError",
    "UpdateRefused",
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


class SheetProblems(KgError):
    """Several facts or mentions of the sheets cannot be turned into RDF; ``problems`` holds
    each one's :class:`SheetError` (file, line, field), listed in the message one per line."""

    def __init__(self, problems: Sequence[SheetError]):
        self.problems = list(problems)
        super().__init__(f"{len(self.problems)} problems in the fact sheets:\n" + "\n".join(str(p) for p in self.problems))


class CorpusError(KgError):
    """The corpus folder given (``--corpus``, ``$REKG_CORPUS``) does not exist."""


class ShapesLoadError(KgError):
    """The SHACL shapes or the ontology could not be parsed."""


class ValidationFailed(KgError):
    """The built graph violates the SHACL shapes; ``messages`` lists each violation."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__(f"{len(messages)} SHACL violation(s); nothing was written:\n" + "\n".join(messages))


class ConfigError(KgError):
    """A ``REKG_*`` setting has a value it cannot take; the message names the variable."""


class StoreError(KgError):
    """The store cannot be opened or written."""


class UnknownQueryError(KgError):
    """No named query has the requested name."""


class QueryParameterError(KgError):
    """A parameter of a named query is unknown or has a malformed value."""


class QueryError(KgError):
    """A SPARQL query is malformed, or uses a clause rekg refuses to run."""


class RdfSyntaxError(KgError):
    """An RDF file does not parse: the message names the file, line and column."""


class InconsistentGraph(KgError):
    """The asserted graph contradicts the ontology; the message names entity and axioms."""


class UpdateRefused(KgError):
    """The update would break the SHACL shapes; ``violations`` say how. Nothing was written."""

    def __init__(self, violations: Sequence[Any]):
        self.violations = list(violations)
        lines = [f"{r.focus} {r.path or ''}: {r.message}" for r in self.violations]
        super().__init__(f"update refused, {len(lines)} SHACL violation(s):\n" + "\n".join(lines))


class ArticleError(KgError):
    """The file is not a readable article: empty, binary, not UTF-8 or too large."""


class NotAcceptable(KgError):
    """No serialisation that the client accepts exists for this kind of result."""


class QueryTimedOut(QueryError):
    """The query ran past its time limit and was stopped."""


class QueryOutOfMemory(QueryError):
    """The query grew past its memory limit and was stopped."""


class MissingExtra(KgError):
    """A command needs an optional dependency that is not installed; the message names the extra."""
