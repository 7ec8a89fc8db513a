"""Parameters are written into the query as constants where SPARQL takes a term, and the answer
is the one the same values bound as variables give."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from kg.errors import QueryError
from kg.store import EmbeddedStore
from kg.store.queries import NamedQuery, list_named_queries
from kg.store.sparql import with_constants
from kg.store.terms import to_ox

JP = "<https://w3id.org/rekg/id/country/JP>"


def test_written_outside_select_clauses_strings_iris_and_comments() -> None:
    text = """PREFIX ex: <http://e/?c#>
    SELECT DISTINCT ?c ?n WHERE {   # ?c stays in this comment
      { SELECT ?c (COUNT(*) AS ?n) WHERE { ?s ex:in ?c ; ex:name "?c" . FILTER (?c != <http://e/?c>) } GROUP BY ?s }
      ?x ex:near $c . BIND (CONCAT(STR(?c), "?c") AS ?label)
    }"""
    written, listed = with_constants(text, {"c": JP})
    assert listed == {"c"}
    assert "PREFIX ex: <http://e/?c#>" in written and "# ?c stays in this comment" in written
    assert "SELECT DISTINCT ?c ?n WHERE" in written and "SELECT ?c (COUNT(*) AS ?n) WHERE" in written
    assert f'?s ex:in {JP} ; ex:name "?c" . FILTER ({JP} != <http://e/?c>)' in written
    assert f'?x ex:near {JP} . BIND (CONCAT(STR({JP}), "?c") AS ?label)' in written


def test_a_variable_no_clause_lists_is_only_written() -> None:
    written, listed = with_constants("ASK { ?s ?p ?c }", {"c": '"x"@en', "other": "<http://e/o>"})
    assert (written, listed) == ('ASK { ?s ?p "x"@en }', set())


def test_a_parameter_where_sparql_takes_no_term_is_bound_as_a_value() -> None:
    store = EmbeddedStore()
    store.update('INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/p> "1", "2" . <http://e/b> <http://e/p> "3" } }')
    grouped = "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s <http://e/p> ?o } GROUP BY ?s"  # `GROUP BY <iri>` is no SPARQL
    assert store.select(grouped, bindings={"s": URIRef("http://e/a")}) == [{"s": URIRef("http://e/a"), "n": Literal(2)}]
    asked = store.query("ASK { ?s <http://e/p> ?o }", bindings={"s": URIRef("http://e/b"), "o": Literal("3")}).body
    assert b"true" in asked


def test_a_value_cannot_change_the_query() -> None:
    store = EmbeddedStore()
    store.update('INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/p> "1" } }')
    sneaky = Literal('1" } UNION { ?s ?p ?o } #')
    assert store.select("SELECT ?s WHERE { ?s <http://e/p> ?o }", bindings={"o": sneaky}) == []
    with pytest.raises(QueryError):
        store.select("SELECT ?s WHERE { ?s <http://e/p> ?o }", bindings={"s": URIRef("http://e/a> ?p ?o } UNION { ?s")})


@pytest.mark.parametrize("query", [q for q in list_named_queries() if q.params], ids=lambda q: q.name[:3])
def test_named_questions_answer_as_with_their_values_bound(store: EmbeddedStore, query: NamedQuery) -> None:
    """Differential: every named question with parameters, its defaults written in, against
    pyoxigraph with the same values bound as variables (what the store did before)."""
    bindings = query.bindings({})
    engine = ox.Store.read_only(str(store.database()))
    substitutions = {ox.Variable(name): to_ox(term) for name, term in bindings.items()}
    expected = engine.query(query.text, use_default_graph_as_union=True, substitutions=substitutions)
    names = [v.value for v in expected.variables]
    as_bound = sorted(tuple(str(row[n]) for n in names) for row in expected)
    written = sorted(
        tuple(str(to_ox(row[n])) if n in row else "None" for n in names) for row in store.select(query.text, bindings=bindings)
    )
    assert written == as_bound


def test_a_query_that_fails_for_its_own_reason_is_not_run_again(monkeypatch) -> None:
    from kg.errors import QueryError
    from kg.store import EmbeddedStore

    store = EmbeddedStore()
    store.update('INSERT DATA { <http://e/a> <http://e/p> "x" }')
    calls: list[str] = []
    real = store._store

    class Counting:
        def __getattr__(self, name: str):
            return getattr(real, name)

        def query(self, sparql: str, **options):
            calls.append(sparql)
            return real.query(sparql, **options)

    monkeypatch.setattr(store, "_store", Counting())
    with pytest.raises(QueryError):
        store.select("SELECT ?o WHERE { ?s <http://e/p> ?o FILTER (", bindings={"x": URIRef("http://e/a")})  # no ?x: nothing written in
    assert len(calls) == 1
