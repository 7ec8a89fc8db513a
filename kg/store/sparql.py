"""Checks and rewrites of SPARQL text that every store needs before it runs a request."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from pyparsing import ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from kg.errors import QueryError

__all__ = ["query_algebra", "query_form", "refuse_remote_clauses", "with_constants", "with_using_clauses", "with_values"]

_REMOTE_WORD = re.compile(r"(?<![\w?$:])(?:SERVICE|LOAD)(?![\w:-])", re.IGNORECASE)
_REMOTE_FORMS = {"ServiceGraphPattern", "Load"}
# strings, IRIs and comments: where keywords are only text
_LITERAL_TEXT = (
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)
_TOKEN = re.compile(_LITERAL_TEXT + r"|[{}]|;|\b(?:WHERE|USING|WITH)\b", re.IGNORECASE)
# a SELECT clause (up to its WHERE, FROM or opening brace), where a variable must stay one
_SELECT_CLAUSE = r"(?<![\w?$:])SELECT\b(?:" + _LITERAL_TEXT + r"|[^{#\"'<])*?(?=(?<![\w?$:])(?:WHERE|FROM)\b|\{)"
_VARIABLE_OR_CLAUSE = re.compile(f"({_SELECT_CLAUSE})|{_LITERAL_TEXT}|[?$](\\w+)", re.IGNORECASE)
_VARIABLE_NAME = re.compile(r"[?$](\w+)")
# where a group pattern opens that VALUES may lead: a WHERE clause, or an ASK's pattern
_GROUP_OPENING = re.compile(_LITERAL_TEXT + r"|(?<![\w?$:])(?:WHERE|ASK)\s*\{", re.IGNORECASE)


_QUERY_FORM = re.compile(_LITERAL_TEXT + r"|(?<![\w?$:])(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


def query_form(sparql: str) -> str:
    """What a query gives: "graph" (CONSTRUCT, DESCRIBE) or "solutions" (SELECT, ASK), read
    from its first form keyword outside strings, IRIs and comments; no parse.

    >>> query_form('PREFIX e: <http://e/#CONSTRUCT> # DESCRIBE\\nSELECT ?s { ?s ?p "CONSTRUCT" }')
    'solutions'
    >>> query_form("describe <http://e/a>")
    'graph'

    Raises:
        QueryError: the text has none of the four forms.
    """
    for match in _QUERY_FORM.finditer(sparql):
        if match.group(1):
            return "graph" if match.group(1).upper() in ("CONSTRUCT", "DESCRIBE") else "solutions"
    raise QueryError("not a query: no SELECT, ASK, CONSTRUCT or DESCRIBE")


def _forms(node: object) -> Iterator[str]:
    """The names of the grammar rules in an rdflib parse tree."""
    if isinstance(node, CompValue):
        yield node.name
        for value in node.values():
            yield from _forms(value)
    elif isinstance(node, (list, tuple, ParseResults)):
        for value in node:
            yield from _forms(value)


def refuse_remote_clauses(sparql: str) -> None:
    """Raise QueryError when ``sparql`` (a query or an update) has a clause that makes the store
    fetch a URL: a ``SERVICE`` pattern anywhere, or ``LOAD``.

    Both rdflib and pyoxigraph follow them over the network. The request is parsed (by rdflib's
    SPARQL grammar) when the word appears at all, and refused only for a real clause: a
    variable ``?service``, a prefixed name ``ex:load`` or the word in a string or comment pass.

    >>> refuse_remote_clauses('SELECT ?service { ?s <http://x/load> "SERVICE" } # LOAD')
    >>> refuse_remote_clauses("SELECT * { { SELECT * { SERVICE <http://x/> { ?s ?p ?o } } } }")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: SERVICE and LOAD are refused: rekg never fetches remote data
    """
    lowered = sparql.lower()
    if ("service" not in lowered and "load" not in lowered) or not _REMOTE_WORD.search(sparql):  # the common case, decided without parsing
        return
    tree = _parsed(sparql)
    if tree is not None:
        remote = bool(_REMOTE_FORMS & set(_forms(tree)))
    else:  # rdflib's grammar is narrower than the stores': look outside strings, IRIs and comments
        remote = bool(_REMOTE_WORD.search(re.sub(_LITERAL_TEXT, " ", sparql)))
    if remote:
        raise QueryError("SERVICE and LOAD are refused: rekg never fetches remote data")


def _parsed(sparql: str) -> object | None:
    """rdflib's parse tree of a query, else of an update, else None."""
    for parse in (parseQuery, parseUpdate):
        try:
            return parse(sparql)
        except Exception:  # pyparsing and rdflib raise several types
            continue
    return None


def with_constants(sparql: str, constants: Mapping[str, str]) -> tuple[str, set[str]]:
    """``sparql`` with each variable named in ``constants`` written as its term (in SPARQL
    syntax) wherever it stands outside a SELECT clause, a string, an IRI or a comment; and the
    names of those variables that a SELECT clause still lists (the caller binds them as values).

    Bound only as values (pyoxigraph's substitutions), parameters leave the query planner
    thinking them unknown, and it may start from the wrong pattern (an entity page's incoming
    statements are three to four times faster with the entity written in). A variable where SPARQL takes no term (``GROUP BY``,
    ``BIND … AS``) makes the text invalid: the caller then binds it as a value only.

    >>> with_constants('SELECT ?c { ?s <http://e/p> ?c . FILTER (?c != "?c") } # ?c', {"c": "<http://e/JP>"})
    ('SELECT ?c { ?s <http://e/p> <http://e/JP> . FILTER (<http://e/JP> != "?c") } # ?c', {'c'})
    """
    listed: set[str] = set()

    def write(match: re.Match[str]) -> str:
        if match.group(1):
            listed.update(name for name in _VARIABLE_NAME.findall(match.group(1)) if name in constants)
            return match.group()
        name = match.group(2)
        return constants.get(name, match.group()) if name else match.group()

    return _VARIABLE_OR_CLAUSE.sub(write, sparql), listed


def with_values(sparql: str, bindings: Mapping[str, str]) -> str:
    """``sparql`` with ``bindings`` (variable name → term in SPARQL syntax) as a VALUES block
    opening every WHERE clause, the subqueries' too: a bound variable means its value everywhere,
    as in a store's substitutions, and a subquery does not see the bindings of the query around
    it. Strings, IRIs and comments are read as what they are, so a ``#``, ``{`` or ``WHERE``
    inside them is left alone.

    >>> with_values("PREFIX e: <http://e/#> SELECT ?o WHERE { ?s e:p ?o }", {"s": "<http://e/#a>"})
    'PREFIX e: <http://e/#> SELECT ?o WHERE { VALUES (?s) { (<http://e/#a>) } ?s e:p ?o }'
    >>> with_values("SELECT ?o WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }", {"s": "<http://e/a>"})
    'SELECT ?o WHERE { VALUES (?s) { (<http://e/a>) } { SELECT ?s WHERE { VALUES (?s) { (<http://e/a>) } ?s ?p ?o } } }'

    Raises:
        QueryError: ``bindings`` are given and the query has no WHERE clause to bind them in.
    """
    if not bindings:
        return sparql
    block = f" VALUES ({' '.join(f'?{name}' for name in bindings)}) {{ ({' '.join(bindings.values())}) }}"
    out, last = [], 0
    for match in _GROUP_OPENING.finditer(sparql):
        if match.group().endswith("{") and match.group()[:1] not in "\"'<#":
            out.append(sparql[last : match.end()] + block)
            last = match.end()
    if not out:
        raise QueryError("bindings need a query with a WHERE clause")
    return "".join(out) + sparql[last:]


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
            out.append(update[last : match.start()] + clauses)
            last = match.start()
    out.append(update[last:])
    return "".join(out)


_PLAN_DETAIL = {
    "PV": "variables",
    "var": "as",
    "expr": "expression",
    "triples": "triples",
    "term": "graph",
    "A": "aggregates",
    "start": "offset",
    "length": "limit",
    "order": "order",
}


def _shown(value: object) -> str:
    """A term, variable or expression of the algebra, as short text."""
    if isinstance(value, CompValue):
        if value.name == "TrueFilter":
            return "true"
        name = value.name.split("_")[1] if value.name.startswith("Aggregate_") else value.name
        args = [_shown(v) for k, v in value.items() if not k.startswith("_") and k not in ("distinct", "res") and v is not None]
        return f"{name}({', '.join(args)})"
    if isinstance(value, (set, frozenset)):
        return " ".join(sorted(_shown(v) for v in value))
    if isinstance(value, list):
        return " ".join(_shown(v) for v in value)
    if isinstance(value, tuple):
        return "(" + " ".join(_shown(v) for v in value) + ")"
    n3 = getattr(value, "n3", None)
    if callable(n3):
        return str(n3())
    return " ".join(str(value).split())[:200]


def query_algebra(sparql: str) -> dict[str, object]:
    """The SPARQL algebra of a query as rdflib translates it (``{"op", "detail", "children"}``
    nested): how the query is evaluated, operator by operator. (The embedded store, pyoxigraph,
    does not report its own plan or the rows each step produced.)

    >>> tree = query_algebra("SELECT ?s WHERE { ?s ?p ?o FILTER (?o > 1) }")
    >>> [tree["op"], tree["children"][0]["op"], tree["children"][0]["children"][0]["op"]]
    ['SelectQuery', 'Project', 'Filter']

    Raises:
        QueryError: the text is no SPARQL query.
    """
    from rdflib.plugins.sparql.algebra import translateQuery

    try:
        algebra = translateQuery(parseQuery(sparql)).algebra
    except Exception as exc:  # pyparsing and rdflib raise several types
        raise QueryError(f"malformed query: {exc}") from None

    def node(value: CompValue) -> dict[str, object]:
        children, detail = [], []
        for key, item in value.items():
            if isinstance(item, CompValue) and key not in ("expr",):
                children.append(node(item))
            elif isinstance(item, list) and item and all(isinstance(i, CompValue) for i in item) and key != "A":
                children.extend(node(i) for i in item)
            elif key in _PLAN_DETAIL and item is not None:
                detail.append(f"{_PLAN_DETAIL[key]}: {_shown(item)}")
        return {"op": value.name, "detail": "; ".join(detail), "children": children}

    return node(algebra)
