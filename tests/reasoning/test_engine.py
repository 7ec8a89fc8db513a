"""The engine against oracles: owlrl (plus the project rules run by rdflib's own SPARQL engine)
on the real fact base, and a from-scratch closure after every step of random changes."""

from __future__ import annotations

import owlrl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, Graph, Literal
from rdflib.graph import ReadOnlyGraphAggregate

from kg.ingest.build import build_dataset
from kg.ontology import load_ontology
from kg.reasoning.closure import engine_for, is_ours, reason
from kg.reasoning.rules import PROJECT_RULES, substitute
from kg.vocab import FACTS_DIR, ID, NAMESPACES, REKG


def owlrl_closure(asserted: Graph, ontology: Graph) -> set:
    """The old way: owlrl's OWL 2 RL closure and the project rules (as SPARQL, evaluated by
    rdflib) alternated to a fixpoint, then the project's own conclusions kept."""
    graph = Graph()
    for triple in (*asserted, *ontology):
        if not isinstance(triple[2], Literal) or triple[1].startswith(REKG):
            graph.add(triple)
    known = set(graph)
    while True:
        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(graph)
        new = set()
        for rule in PROJECT_RULES:
            for row in graph.query(rule.sparql(), initNs=NAMESPACES):
                new.add(substitute(rule.head, {str(k): v for k, v in row.asdict().items()}))
        new -= set(graph)
        if not new:
            break
        for triple in new:
            graph.add(triple)
    return {t for t in graph if t not in known and is_ours(t)}


def test_engine_equals_owlrl_on_the_real_fact_base(corpus_dir) -> None:
    built = build_dataset(FACTS_DIR, corpus_dir=corpus_dir)
    asserted = ReadOnlyGraphAggregate(built.asserted_graphs())
    ontology = load_ontology()
    expected = owlrl_closure(asserted, ontology)
    found = set(reason(asserted, ontology, hermit=False).inferred)
    assert len(found) > 300
    assert found - expected == set() and expected - found == set()


# --- incremental change against a rebuild, on random small graphs ---------------------------

NODES = [ID[f"x/{i}"] for i in range(5)]
CN = ID["country/CN"]
FACTS = st.one_of(
    st.tuples(
        st.sampled_from(NODES),
        st.sampled_from(
            [
                REKG.party,
                REKG.memberOf,
                REKG.operates,
                REKG.locatedIn,
                REKG.supplier,
                REKG.customer,
                REKG.material,
                REKG.headquarteredIn,
                REKG.produces,
                REKG.madeFrom,
                REKG.dependsOn,
                REKG.operatedBy,
                REKG.suppliesTo,
            ]
        ),
        st.sampled_from([*NODES, CN]),
    ),
    st.tuples(
        st.sampled_from([*NODES, CN]), st.just(RDF.type), st.sampled_from([REKG.Country, REKG.Refinery, REKG.SupplyRelation, REKG.Company])
    ),
    st.tuples(st.sampled_from(NODES), st.just(REKG.share), st.sampled_from([Literal(40.0), Literal(90.0)])),
)
STEPS = st.lists(st.tuples(st.booleans(), st.lists(FACTS, min_size=1, max_size=4)), min_size=1, max_size=12)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


@settings(max_examples=150, deadline=None)
@given(steps=STEPS)
def test_incremental_closure_equals_a_rebuild_after_every_step(ontology: Graph, steps) -> None:
    engine = engine_for(ontology)
    asserted: set = set()
    for insert, facts in steps:
        if insert:
            engine.add(facts)
            asserted |= set(facts)
        else:
            engine.remove(facts)
            asserted -= set(facts)
        rebuilt = engine_for(ontology)
        rebuilt.add(asserted)
        assert engine.asserted_count() == rebuilt.asserted_count()
        assert engine.inferred() == rebuilt.inferred()
