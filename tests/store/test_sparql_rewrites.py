"""The VALUES rewrite that carries parameters to a remote store, against the store's own
substitutions: for generated queries with IRIs holding ``#``, strings holding ``{``, ``WHERE``
and ``#``, comments and nested subqueries, the rewritten query means what the bound one means."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import QueryError
from kg.store.sparql import with_values

DATA = """
<http://e/#a> <http://e/#p> "x { WHERE # y" .
<http://e/#a> <http://e/#p> "plain" .
<http://e/#b> <http://e/#p> "other" .
<http://e/#b> <http://e/#q> <http://e/#a> .
"""
STORE = ox.Store()
STORE.load(DATA.encode(), format=ox.RdfFormat.N_TRIPLES)

PREFIX = st.sampled_from(
    ["", "PREFIX e: <http://e/#>\n", "PREFIX e: <http://e/#> ", "# a comment with WHERE { and # in it\nPREFIX e: <http://e/#> "]
)
FILTER = st.sampled_from(["", ' FILTER (?o != "a { WHERE # b")', " FILTER (?o != 'WHERE {')", ' FILTER (STR(?o) != "}")'])
COMMENT = st.sampled_from(["", " # WHERE { ?s ?p ?o }\n", "\n# } {\n"])
NESTED = st.booleans()
KEYWORD = st.sampled_from(["WHERE", "where", "Where"])


def query(prefix: str, filter_: str, comment: str, nested: bool, keyword: str) -> str:
    pattern = f"?s <http://e/#p> ?o .{comment}{filter_}"
    if nested:
        pattern = f"{{ SELECT ?s ?o {keyword} {{ {pattern} }} }}"
    return f"{prefix}SELECT ?s ?o {keyword} {{ {pattern} }}"


def solutions(sparql: str, **options: object) -> set[tuple[str, ...]]:
    return {tuple(str(v) for v in row) for row in STORE.query(sparql, **options)}  # type: ignore[union-attr]


@settings(max_examples=200, deadline=None)
@given(prefix=PREFIX, filter_=FILTER, comment=COMMENT, nested=NESTED, keyword=KEYWORD)
def test_the_rewritten_query_means_the_bound_one(prefix: str, filter_: str, comment: str, nested: bool, keyword: str) -> None:
    text = query(prefix, filter_, comment, nested, keyword)
    bound = solutions(text, substitutions={ox.Variable("s"): ox.NamedNode("http://e/#a")})
    assert solutions(with_values(text, {"s": "<http://e/#a>"})) == bound
    assert bound  # the binding selects rows: the test can tell a dropped binding from a kept one


def test_a_one_line_query_with_a_hash_in_its_prefix_takes_parameters() -> None:
    text = "PREFIX rekg: <https://w3id.org/rekg/ontology#> SELECT ?o WHERE { ?s rekg:p ?o }"
    assert "VALUES (?s)" in with_values(text, {"s": "<https://w3id.org/rekg/id/country/JP>"})


def test_no_where_clause_no_bindings() -> None:
    with pytest.raises(QueryError, match="WHERE"):
        with_values("DESCRIBE <http://e/#a>", {"s": "<http://e/#a>"})
