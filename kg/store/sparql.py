"""Checks and rewrites of SPARQL text that every store needs before it runs a request."""

from __future__ import annotations

import re

from kg.errors import QueryError

__all__ = ["refuse_remote_clauses", "with_using_clauses"]

_REMOTE = re.compile(r"\b(SERVICE|LOAD)\b", re.IGNORECASE)
_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*|[{}]|;|\b(?:WHERE|USING|WITH)\b',
    re.IGNORECASE,
)


def refuse_remote_clauses(sparql: str) -> None:
    """Raise QueryError when ``sparql`` has a clause that makes the store fetch a URL.

    Both rdflib and pyoxigraph follow ``SERVICE`` and ``LOAD`` over the network; comments,
    strings and IRIs are ignored when looking for them.

    >>> refuse_remote_clauses('SELECT * { ?s ?p "SERVICE" }')
    >>> refuse_remote_clauses("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: SERVICE and LOAD are refused: rekg never fetches remote data
    """
    stripped = re.sub(r"#[^\n]*|\"[^\"]*\"|'[^']*'|<[^>\s]*>", " ", sparql)
    if _REMOTE.search(stripped):
        raise QueryError("SERVICE and LOAD are refused: rekg never fetches remote data")


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
