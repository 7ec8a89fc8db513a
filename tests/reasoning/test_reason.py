"""Reasoning: each rule fires on a small hand-made graph and not without its premise; on the
real graph, the expected partnerships hold, every inference is explained down to quotes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph
from typer.testing import CliRunner

from kg.errors import InconsistentGraph
from kg.ontology import load_ontology
from kg.reasoning import reason
from kg.reasoning.explain import Explainer, Step, explain, parse_term
from kg.store import Store
from kg.store.queries import find_named_query
from kg.vocab import ID, INFERRED_GRAPH, REKG
from tests.conftest import require, rows

HEAD = """@prefix rekg: <https://w3id.org/rekg/ontology#> . @prefix id: <https://w3id.org/rekg/id/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


def parse(turtle: str) -> Graph:
    """Turtle with ``id:kind/slug`` names (not valid prefixed names) written out as IRIs."""
    expanded = re.sub(r"\bid:([\w-]+/[\w-]+)", r"<https://w3id.org/rekg/id/\1>", turtle)
    return Graph().parse(data=HEAD + expanded, format="turtle")


def infer(ontology: Graph, turtle: str) -> set:
    return reason(parse(turtle), ontology).inferred


CASES = {
    # name: (graph, expected triple (s, p, o) as short names, the premise line to drop)
    "partner-via-agreement": (
        "id:agreement/a rekg:party id:country/JP .\nid:agreement/a rekg:party id:country/AU .",
        ("country/JP", "partnerOf", "country/AU"),
        1,
    ),
    "partner-via-alliance": (
        "id:country/JP rekg:memberOf id:alliance/x .\nid:country/IN rekg:memberOf id:alliance/x .",
        ("country/IN", "partnerOf", "country/JP"),
        0,
    ),
    "co-party": (
        "id:agreement/a rekg:party id:country/JP .\nid:agreement/a rekg:party id:country/AU .",
        ("country/AU", "coPartyOf", "country/JP"),
        0,
    ),
    "co-member": (
        "id:country/JP rekg:memberOf id:alliance/x .\nid:alliance/x rekg:hasMember id:country/IN .",
        ("country/JP", "coMemberOf", "country/IN"),
        1,
    ),
    "supplies-to": (
        "id:supply/1 a rekg:SupplyRelation .\nid:supply/1 rekg:supplier id:company/l ; rekg:customer id:country/JP .",
        ("company/l", "suppliesTo", "country/JP"),
        1,
    ),
    "active-in (chain)": (
        "id:company/l rekg:operates id:facility/m .\nid:facility/m rekg:locatedIn id:country/AU .",
        ("company/l", "activeIn", "country/AU"),
        1,
    ),
    "upstream is transitive": (
        "id:facility/m rekg:operatedBy id:company/l .\nid:company/l rekg:suppliesTo id:country/JP .",
        ("facility/m", "upstreamOf", "country/JP"),
        1,
    ),
    "supply-reaches-producers": (
        "id:supply/1 rekg:supplier id:company/l ; rekg:customer id:country/JP ; rekg:material id:material/ndpr .\n"
        "id:supply/1 a rekg:SupplyRelation .\nid:country/JP a rekg:Country .\nid:company/m rekg:headquarteredIn id:country/JP ; rekg:produces id:material/ndfeb-magnet .\n"
        "id:material/ndfeb-magnet rekg:madeFrom id:material/ndpr .",
        ("company/l", "upstreamOf", "company/m"),
        4,
    ),
    "refiner-outside-china": (
        "id:company/l rekg:operates id:facility/p .\nid:facility/p a rekg:SeparationPlant ; rekg:locatedIn id:country/MY .\nid:country/MY a rekg:Country .",
        ("company/l", "a", "RefinerOutsideChina"),
        0,
    ),
    "japanese-magnet-producer (defined class)": (
        "id:company/t a rekg:Company .\nid:company/t rekg:headquarteredIn id:country/JP ; rekg:produces id:material/ndfeb-magnet .",
        ("company/t", "a", "JapaneseMagnetProducer"),
        1,
    ),
    "single-supplier-dependence": (
        "id:country/JP a rekg:Country .\nid:supply/1 a rekg:SupplyRelation ; rekg:supplier id:country/CN ; rekg:customer id:country/JP ; rekg:share 90.0 .",
        ("country/JP", "a", "SingleSupplierDependentCountry"),
        0,
    ),
}


def triple(short: tuple[str, str, str]) -> tuple:
    s, p, o = short
    return (ID[s], RDF.type if p == "a" else REKG[p], REKG[o] if p == "a" else ID[o])


@pytest.mark.parametrize("name", sorted(CASES))
def test_rule_fires_and_not_without_its_premise(ontology: Graph, name: str) -> None:
    turtle, expected, drop = CASES[name]
    assert triple(expected) in infer(ontology, turtle)
    lines = turtle.split("\n")
    without = "\n".join(line for i, line in enumerate(lines) if i != drop)
    assert triple(expected) not in infer(ontology, without)


@pytest.mark.parametrize("modality", ["proposal", "talks", "planned", "possibility"])
def test_no_co_parties_or_partners_through_claims_not_stated_as_fact(ontology: Graph, modality: str) -> None:
    turtle = "\n".join(
        f"""id:claim/{i} a rekg:Claim ; rdf:subject id:agreement/p ; rdf:predicate rekg:party ; rdf:object id:country/{c} ;
        rekg:modality id:modality/{modality} ."""
        for i, c in enumerate(["AU", "JP"])
    )
    assert not [t for t in infer(ontology, turtle) if t[1] in (REKG.partnerOf, REKG.coPartyOf, REKG.partyTo)]


def test_a_party_is_not_its_own_co_party(ontology: Graph) -> None:
    inferred = infer(ontology, "id:agreement/a rekg:party id:country/JP , id:country/AU .\nid:country/JP rekg:memberOf id:alliance/x .")
    assert (ID["country/JP"], REKG.coPartyOf, ID["country/AU"]) in inferred
    assert not [t for t in inferred if t[0] == t[2] and t[1] in (REKG.partnerOf, REKG.coPartyOf, REKG.coMemberOf)]


def test_no_refiner_outside_china_for_a_refinery_in_china(ontology: Graph) -> None:
    turtle = "id:company/c rekg:operates id:facility/p .\nid:facility/p a rekg:Refinery ; rekg:locatedIn id:country/CN .\nid:country/CN a rekg:Country ."
    assert (ID["company/c"], RDF.type, REKG.RefinerOutsideChina) not in infer(ontology, turtle)


def test_inconsistent_graph_names_entity_and_axioms(ontology: Graph) -> None:
    data = parse("id:company/x a rekg:Country , rekg:Company .")
    with pytest.raises(InconsistentGraph) as error:
        reason(data, ontology, hermit=False)
    assert "company/x (asserted: rekg:Company, rekg:Country) breaks cax-adc" in str(error.value)
    assert "rekg:Country and rekg:Organization are disjoint (owl:AllDisjointClasses)" in str(error.value)


def test_ontology_checked_by_hermit(ontology: Graph) -> None:
    require(shutil.which("java") is not None, "Java is not installed (HermiT needs it)")
    from kg.reasoning.consistency import check_ontology

    check_ontology(ontology)
    broken = Graph()
    for triple in ontology:
        broken.add(triple)
    broken.add((REKG.Mine, REKG.unused, REKG.Mine))  # a different ontology: not answered from the cache
    broken.add((REKG.Mine, RDFS.subClassOf, REKG.Country))  # a mine is a facility and a country: no mine can exist
    with pytest.raises(InconsistentGraph, match="can have no member"):
        check_ontology(broken)


def test_build_refuses_an_inconsistent_graph(facts_copy: Path, tmp_path: Path, corpus_dir: Path) -> None:
    from kg.cli import app

    registry = facts_copy / "entities.yaml"
    # Mount Weld made a Country: operating it makes it a Facility too, and those are disjoint
    registry.write_text(
        registry.read_text().replace("{id: facility/mount-weld, type: Mine", "{id: facility/mount-weld, type: Country, iso: MX")
    )
    result = CliRunner().invoke(app, ["build", "--store", str(tmp_path / "s"), "--facts", str(facts_copy), "--corpus", str(corpus_dir)])
    assert result.exit_code == 1, result.output
    output = " ".join(result.output.split())
    assert "InconsistentGraph" in output and "facility/mount-weld (asserted: rekg:Country) breaks cax-adc" in output
    assert not (tmp_path / "s" / "current").exists()


# --- the real graph -------------------------------------------------------------------------


def test_q09_japans_partners_with_their_links(store: Store) -> None:
    query = find_named_query("q09")
    found = {(str(s["partnerLabel"]), str(s["linkLabel"])) for s in store.select(query.text, bindings=query.bindings({}))}
    partners = {p for p, _ in found}
    assert {"Australia", "United States", "India", "South Korea"} <= partners
    assert ("India", "Supply Chain Resilience Initiative") in found
    assert ("United States", "US–Japan critical minerals and rare earths agreement") in found
    assert ("Australia", "Australia–Japan critical minerals supply-chain agreement") in found


def test_no_actor_is_its_own_partner(store: Store) -> None:
    assert rows(store, "PREFIX rekg: <https://w3id.org/rekg/ontology#> SELECT ?x WHERE { ?x rekg:partnerOf ?x }") == []


def test_inferred_graph_holds_only_our_conclusions_and_none_that_are_asserted(store: Store) -> None:
    inferred = "https://w3id.org/rekg/graph/inferred"
    noise = rows(
        store,
        f"""SELECT ?s ?p ?o WHERE {{ GRAPH <{inferred}> {{ ?s ?p ?o }}
        FILTER (!STRSTARTS(STR(?s), "https://w3id.org/rekg/id/") ||
                !(STRSTARTS(STR(?p), "https://w3id.org/rekg/ontology#") || ?p = <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>)) }}""",
    )
    assert noise == []
    overlap = rows(
        store,
        f"""SELECT ?s WHERE {{ GRAPH <{inferred}> {{ ?s ?p ?o }} GRAPH ?g {{ ?s ?p ?o }}
        FILTER (?g != <{inferred}>) }} LIMIT 5""",
    )
    assert overlap == []
    total = rows(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{inferred}> {{ ?s ?p ?o }} }}")[0]["n"]
    assert int(total) > 300


def _reaches_asserted(step: Step) -> bool:
    """A derivation is well founded: every leaf is an asserted triple, every rule has premises."""
    if step.rule is None:
        return not step.premises
    return bool(step.premises) and all(_reaches_asserted(p) for p in step.premises)


def test_every_inferred_triple_has_an_explanation_down_to_asserted_premises(store: Store) -> None:
    explainer = Explainer(store)
    inferred = [q[:3] for q in store.quads(graph=str(INFERRED_GRAPH))]
    assert len(inferred) > 300
    unexplained = [t for t in inferred if not ((step := explainer.step(t)) and step.rule and _reaches_asserted(step))]
    assert unexplained == []


def _leaves(step: Step) -> list[tuple[str, str, str]]:
    return [step.triple] if step.rule is None else [leaf for p in step.premises for leaf in _leaves(p)]


def test_no_inferred_triple_rests_on_a_claim_not_stated_as_fact(store: Store) -> None:
    not_stated = {r["c"] for r in rows(store, "SELECT ?c WHERE { ?c rekg:modality/rekg:isFactual false }")}
    assert len(not_stated) >= 20
    explainer = Explainer(store)
    for triple in (q[:3] for q in store.quads(graph=str(INFERRED_GRAPH))):
        step = explainer.step(triple)
        assert step is not None
        assert [leaf for leaf in _leaves(step) if leaf[0] in not_stated] == [], triple


def test_explanation_of_an_inferred_partnership_reaches_quotes(store: Store) -> None:
    step = explain(store, parse_term("country/JP"), parse_term("partnerOf"), parse_term("country/IN"))
    assert step is not None and step.rule.startswith("partner-via")
    quotes = step.quotes()
    assert quotes and all(source and quote for source, quote in quotes)
    assert any("India" in quote for _, quote in quotes)


def test_japanese_magnet_maker_depends_on_mount_weld(store: Store) -> None:
    step = explain(store, parse_term("company/tdk"), parse_term("dependsOn"), parse_term("facility/mount-weld"))
    assert step is not None
    assert any("Mount Weld mine operated by Lynas" in quote for _, quote in step.quotes())


def test_rekg_explain_command(built_store: Path) -> None:
    from kg.cli import app

    result = CliRunner().invoke(
        app, ["explain", "country/JP", "partnerOf", "country/KR", "--store", str(built_store)], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    assert "partner-via-alliance" in result.output and "New Asian Alliance" in result.output
    missing = CliRunner().invoke(app, ["explain", "country/JP", "partnerOf", "country/JP", "--store", str(built_store)])
    assert missing.exit_code == 1


def test_rekg_reason_recomputes_the_derived_graphs_and_nothing_else(store_copy: Path) -> None:
    """Drop the inferred graph, run ``rekg reason``: it comes back the same,
    and the asserted graphs are untouched."""
    from kg.cli import app
    from kg.store import EmbeddedStore

    def graph(store: EmbeddedStore, name: str) -> set[tuple[str, ...]]:
        return {tuple(r.values()) for r in rows(store, f"SELECT ?s ?p ?o WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")}

    def counts(store: EmbeddedStore) -> dict[str, int]:
        return {r["g"]: int(r["n"]) for r in rows(store, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}

    writable = EmbeddedStore(store_copy, read_only=False)
    before, inferred = counts(writable), graph(writable, str(INFERRED_GRAPH))
    writable.update(f"DROP GRAPH <{INFERRED_GRAPH}>")
    assert str(INFERRED_GRAPH) not in counts(writable)
    del writable
    result = CliRunner().invoke(app, ["reason", "--store", str(store_copy)])
    assert result.exit_code == 0, result.output
    after = EmbeddedStore(store_copy)
    assert counts(after) == before
    assert graph(after, str(INFERRED_GRAPH)) == inferred
