"""SPARQL Update against the store, guarded by the SHACL shapes.

An update is applied to an in-memory copy of the current database, the result is validated,
and only a conforming result replaces the store (build beside, swap), so a refused update
leaves the store exactly as it was.
"""

from __future__ import annotations

import re
from pathlib import Path

from pyoxigraph import RdfFormat, Store

from kg.build import load_ontology
from kg.consistency import hermit_available
from kg.errors import KgError, QueryError
from kg.namespaces import EXPLANATIONS_GRAPH, INFERRED_GRAPH
from kg.queries import refuse_remote_clauses
from kg.reason import materialise
from kg.store import asserted_union, open_store, put_graph, replace_store
from kg.validate import ValidationReport, validate_graph

__all__ = ["UpdateRefused", "apply_update", "with_using_clauses"]

_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*|[{}]|;|\b(?:WHERE|USING|WITH)\b',
    re.IGNORECASE,
)


class UpdateRefused(KgError):
    """The update would break the SHACL shapes; ``report`` says how. Nothing was written."""

    def __init__(self, report: ValidationReport):
        self.report = report
        lines = [f"{r.focus} {r.path or ''}: {r.message}" for r in report.violations]
        super().__init__(f"update refused, {len(lines)} SHACL violation(s):\n" + "\n".join(lines))


def with_using_clauses(update: str, using: list[str], using_named: list[str]) -> str:
    """Insert protocol ``using-graph-uri`` / ``using-named-graph-uri`` as USING clauses.

    Each operation's top-level WHERE gets them; an update that already says USING or WITH
    is refused, as the SPARQL 1.1 Protocol requires.

    >>> with_using_clauses("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", ["http://g"], [])
    'DELETE { ?s ?p ?o } USING <http://g> WHERE { ?s ?p ?o }'
    """
    if not using and not using_named:
        return update
    clauses = "".join(f"USING <{g}> " for g in using) + "".join(f"USING NAMED <{g}> " for g in using_named)
    depth, out, last = 0, [], 0
    for match in _TOKEN.finditer(update):
        token = match.group().upper()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0 and token in ("USING", "WITH"):
            raise QueryError("the update names its own USING or WITH and the request gives using-graph-uri")
        elif depth == 0 and token == "WHERE":
            out.append(update[last:match.start()] + clauses)
            last = match.start()
    out.append(update[last:])
    return "".join(out)


def apply_update(
    root: Path,
    update: str,
    *,
    using: list[str] | None = None,
    using_named: list[str] | None = None,
    base_iri: str | None = None,
) -> Path:
    """Apply ``update`` to the store at ``root`` if the result still conforms to the shapes.

    Returns the new database folder.

    The inferred graph is recomputed from the updated asserted graphs.

    Raises:
        QueryError: the update is malformed or would fetch remote data (LOAD, SERVICE).
        UpdateRefused: the result would violate the shapes; the store is unchanged.
        InconsistentGraph: the result contradicts the ontology; the store is unchanged.
    """
    refuse_remote_clauses(update)
    text = with_using_clauses(update, using or [], using_named or [])
    copy = Store()
    copy.bulk_load(open_store(root).dump(format=RdfFormat.N_QUADS), format=RdfFormat.N_QUADS)
    try:
        copy.update(text, base_iri=base_iri)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL Update syntax error: {exc}") from None
    except (RuntimeError, OSError, ValueError) as exc:
        raise QueryError(f"update failed: {exc}") from None
    asserted, ontology = asserted_union(copy), load_ontology()
    report = validate_graph(asserted, ontology)
    if report.violations:
        raise UpdateRefused(report)
    derived = materialise(asserted, ontology, hermit=hermit_available())
    put_graph(copy, str(INFERRED_GRAPH), derived.inferred)
    put_graph(copy, str(EXPLANATIONS_GRAPH), derived.explanations)
    return replace_store(root, copy.dump(format=RdfFormat.N_QUADS))
