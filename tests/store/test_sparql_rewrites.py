"""The rewrites of SPARQL text, against what the store itself does: the VALUES block that carries
parameters to a remote store and the constants written into a query, against the store's own
substitutions; the USING clauses of the protocol's ``using-graph-uri``, against the store's own
default graph of an update. For generated requests with IRIs holding ``#``, strings holding
``{``, ``WHERE``, ``?s`` and ``#``, comments and nested subqueries, the rewritten request means
what it should."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import QueryError
from kg.store.sparql import with_constants, with_using_clauses, with_values

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


@settings(max_examples=200, deadline=None)
@given(prefix=PREFIX, filter_=FILTER, comment=COMMENT, nested=NESTED, keyword=KEYWORD)
def test_constants_written_in_mean_the_bound_query(prefix: str, filter_: str, comment: str, nested: bool, keyword: str) -> None:
    text = query(prefix, filter_, comment, nested, keyword).replace('"a { WHERE # b"', '"?s { WHERE # b"')
    bound = solutions(text, substitutions={ox.Variable("s"): ox.NamedNode("http://e/#a")})
    written, listed = with_constants(text, {"s": "<http://e/#a>"})
    assert listed == {"s"}  # the SELECT clause still names ?s: the caller binds it as a value too
    assert solutions(written, substitutions={ox.Variable("s"): ox.NamedNode("http://e/#a")}) == bound
    assert bound
    assert written.count('"?s { WHERE # b"') == text.count('"?s { WHERE # b"')  # the string is left as it was


UPDATE_PREFIX = st.sampled_from(["", "PREFIX e: <http://e/#>\n", "# USING WITH { WHERE\nPREFIX e: <http://e/#> "])
UPDATE_FILTER = st.sampled_from(["", ' FILTER (?o != "USING { WHERE # x")', " FILTER (STR(?o) != '}')"])


@settings(max_examples=100, deadline=None)
@given(prefix=UPDATE_PREFIX, filter_=UPDATE_FILTER, comment=COMMENT, keyword=KEYWORD)
def test_using_clauses_mean_the_graph_as_the_default_one(prefix: str, filter_: str, comment: str, keyword: str) -> None:
    """``using-graph-uri=G`` gives the same change as an update whose WHERE reads graph G."""

    def changed(update: str) -> set[tuple[str, ...]]:
        store = ox.Store()
        store.load(DATA.encode(), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode("http://e/#g"))
        store.update(update)
        return {tuple(str(t) for t in q) for q in store.quads_for_pattern(None, None, None, ox.NamedNode("http://e/#out"))}

    template = "{prefix}INSERT {{ GRAPH <http://e/#out> {{ ?s <http://e/#seen> ?o }} }} {using}{keyword} {{ {pattern}{comment}{filter_} }}"
    args = {"prefix": prefix, "keyword": keyword, "comment": comment, "filter_": filter_}
    plain = template.format(using="", pattern="?s <http://e/#p> ?o .", **args)
    expected = changed(template.format(using="", pattern="GRAPH <http://e/#g> { ?s <http://e/#p> ?o . }", **args))
    assert expected  # the data is in graph g only: an update that ignored USING would find nothing
    assert changed(with_using_clauses(plain, ["http://e/#g"], [])) == expected


def test_an_update_that_names_its_own_using_is_refused_with_the_parameter() -> None:
    with pytest.raises(QueryError, match="USING or WITH"):
        with_using_clauses("WITH <http://e/#g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", ["http://e/#h"], [])
