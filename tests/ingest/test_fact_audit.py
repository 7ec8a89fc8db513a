"""The audit's findings (issue 15), each read back from the built graph: every fixed claim says
what its sentence says, nothing is concluded from talks or proposals, no entity is related to
itself, and no name names two entities."""

from __future__ import annotations

from conftest import rows
from rdflib import URIRef

from kg.store import Store
from kg.vocab import ID

S000, S002, S003, S004 = (
    f"https://w3id.org/rekg/id/source/{s}"
    for s in ("s000-new-asian-alliance", "s002-us-japan-golden-age", "s003-us-agreements-tokyo-visit", "s004-lessons-from-japan")
)


def ask(store: Store, pattern: str) -> bool:
    return bool(rows(store, f"SELECT * WHERE {{ {pattern} }} LIMIT 1"))


def claims(store: Store, subject: str, predicate: str) -> set[tuple[str, str, str]]:
    """(object, source, hedge) of every claim that ``subject`` has ``predicate``."""
    found = rows(
        store,
        f"""SELECT ?s ?o ?source ?hedge WHERE {{
        ?c rdf:subject ?s ; rdf:predicate rekg:{predicate} ; rdf:object ?o ; prov:wasDerivedFrom ?source .
        OPTIONAL {{ ?c rekg:hedge ?hedge }} }}""",
        s=URIRef(ID[subject]),
    )
    return {(r["o"].rsplit("/id/", 1)[-1], r["source"], r.get("hedge", "")) for r in found}


def test_reserves_are_not_production(store: Store) -> None:  # 000:185
    assert ("material/monazite", S000, "") in claims(store, "country/IN", "hasReserves")
    assert not any(o == "material/monazite" for o, _, _ in claims(store, "country/IN", "produces"))


def test_japanese_firms_depend_on_rare_earth_magnets_as_said(store: Store) -> None:  # 000:88
    for company in ("toyota", "hitachi", "panasonic"):
        said = {o for o, source, _ in claims(store, f"company/{company}", "dependsOnMaterial") if source == S000}
        assert said == {"material/rare-earth-magnet"}, company


def test_trading_houses_are_not_co_parties_of_one_venture(store: Store) -> None:  # 000:109
    houses = ["mitsubishi", "sojitz", "sumitomo"]
    for a in houses:
        ventures = {r["a"] for r in rows(store, "SELECT ?a ?x WHERE { ?a rekg:party ?x }", x=URIRef(ID[f"company/{a}"]))}
        assert ventures == {f"https://w3id.org/rekg/id/agreement/{a}-joint-ventures"}
        for b in houses:
            assert not ask(store, f"<{ID[f'company/{a}']}> rekg:coPartyOf|rekg:partnerOf <{ID[f'company/{b}']}>"), (a, b)


def test_namibia_talks_are_talks_and_the_refinery_has_no_place(store: Store) -> None:  # 000:244
    talks = "<https://w3id.org/rekg/id/event/namibia-south-korea-refinery-talks>"
    assert ask(
        store, f"{talks} a rekg:Negotiation ; rekg:actor <https://w3id.org/rekg/id/country/NA> , <https://w3id.org/rekg/id/country/KR>"
    )
    assert not ask(store, f"{talks} a rekg:Agreement")
    assert not ask(store, "<https://w3id.org/rekg/id/facility/namibia-regional-refinery> rekg:locatedIn ?place")
    assert not ask(store, "<https://w3id.org/rekg/id/country/NA> rekg:coPartyOf|rekg:partnerOf <https://w3id.org/rekg/id/country/KR>")


def test_investing_in_mining_is_not_mining(store: Store) -> None:  # 002:91
    for company in ("mp-materials", "lynas-rare-earths"):
        assert not any(source == S002 for _, source, _ in claims(store, f"company/{company}", "performsStage"))


def test_us_japan_agreement_covers_permanent_magnets(store: Store) -> None:  # 003:59
    covered = {o for o, source, _ in claims(store, "agreement/us-japan-critical-minerals", "covers") if source == S003}
    assert "material/permanent-magnet" in covered and "material/ndfeb-magnet" not in covered


def test_time_since_japan_began_is_time_elapsed(store: Store) -> None:  # 004:99
    metrics = {
        r["m"]
        for r in rows(
            store,
            "SELECT ?m WHERE { ?f rekg:figureSubject <https://w3id.org/rekg/id/programme/japan-post-2010-strategy> ; rekg:metric ?m }",
        )
    }
    assert metrics == {"https://w3id.org/rekg/id/metric/time-elapsed"}


def test_lynas_supplies_neodymium_and_praseodymium_not_an_oxide(store: Store) -> None:  # 004:122
    found = rows(
        store,
        """SELECT ?label WHERE { ?r a rekg:SupplyRelation ; rekg:supplier <https://w3id.org/rekg/id/company/lynas-rare-earths> ;
        rekg:customer <https://w3id.org/rekg/id/country/JP> ; rekg:material/rdfs:label ?label }""",
    )
    assert [r["label"] for r in found] == ["NdPr"]


def test_linking_with_is_not_signing(store: Store) -> None:  # 004:148
    assert not ask(store, "<https://w3id.org/rekg/id/agreement/us-saudi-arabia-rare-earths> rekg:signatory ?who")


def test_no_co_party_from_talks_or_proposals_and_no_self_relation(store: Store) -> None:
    for prop in ("coPartyOf", "coMemberOf", "partnerOf"):
        assert not ask(store, f"?x rekg:{prop} ?x"), prop
    # every pair of co-parties shares an agreement that is agreed, not merely proposed, planned or in talks
    unfounded = rows(
        store,
        """SELECT ?x ?y WHERE { ?x rekg:coPartyOf ?y
        FILTER NOT EXISTS { ?a rekg:party ?x , ?y } }""",
    )
    assert unfounded == []
    assert not ask(
        store, "<https://w3id.org/rekg/id/country/AU> rekg:coPartyOf <https://w3id.org/rekg/id/org/asean>"
    )  # the ASEAN pact is only proposed
    assert ask(
        store, "<https://w3id.org/rekg/id/country/US> rekg:coPartyOf <https://w3id.org/rekg/id/country/JP>"
    )  # signed agreements still make co-parties


def test_no_name_names_two_entities(store: Store) -> None:
    shared = rows(
        store,
        """SELECT ?name ?a ?b WHERE {
        ?a skos:prefLabel ?pa ; rdfs:label|skos:altLabel ?name . ?b skos:prefLabel ?pb ; rdfs:label|skos:altLabel ?other .
        FILTER (STRSTARTS(STR(?a), "https://w3id.org/rekg/id/") && STRSTARTS(STR(?b), "https://w3id.org/rekg/id/")
                && STR(?a) < STR(?b) && LCASE(STR(?name)) = LCASE(STR(?other))) }""",
    )
    assert shared == []
    assert not ask(store, '<https://w3id.org/rekg/id/country/JP> skos:altLabel "Tokyo"@en')  # a metonym stays a surface form
    assert ask(store, '<https://w3id.org/rekg/id/country/JP> rekg:surfaceForm "Tokyo"@en')
