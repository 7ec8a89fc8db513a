"""SERVICE and LOAD are found in the parsed request, wherever they stand, and only there."""

from __future__ import annotations

import pytest

from kg.errors import QueryError
from kg.store.sparql import refuse_remote_clauses

ALLOWED = [
    "SELECT ?service ?load WHERE { ?service ?p ?load }",
    "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:load ?o . ?s ex:service ?x }",
    "PREFIX service: <http://example.org/> SELECT * WHERE { ?s service:x ?o }",
    'SELECT * WHERE { ?s ?p "SERVICE <http://example.org/> { ?s ?p ?o }" } # then LOAD <http://example.org/>',
    "SELECT * WHERE { ?s <http://example.org/service> ?o }",
    'INSERT DATA { <http://example.org/s> <http://example.org/p> """LOAD""" }',
]
REFUSED = [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "select * where { { select * where { optional { service silent <http://example.org/> { ?s ?p ?o } } } } }",
    "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }",
    "ASK { ?s ?p ?o MINUS { SERVICE <http://example.org/> { ?s ?p ?o } } }",
    "LOAD <http://example.org/data.ttl>",
    "CLEAR ALL ; LOAD SILENT <http://example.org/data.ttl> INTO GRAPH <http://example.org/g>",
    "INSERT { ?s ?p ?o } WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }",
]


@pytest.mark.parametrize("request_text", ALLOWED)
def test_the_words_alone_are_allowed(request_text: str) -> None:
    refuse_remote_clauses(request_text)


@pytest.mark.parametrize("request_text", REFUSED)
def test_a_real_clause_is_refused_wherever_it_stands(request_text: str) -> None:
    with pytest.raises(QueryError, match="refused"):
        refuse_remote_clauses(request_text)
