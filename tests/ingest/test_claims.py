"""Statements as their sources make them (issue 33): every finding of the audit read back from
the built graph as its sentence says it — modality, valid time, and no plain triple where the
text states none — and the reasoner concluding nothing from what is not stated as fact."""

from __future__ import annotations

import pytest
from conftest import rows
from rdflib import URIRef

from kg.store import Store
from kg.vocab import ID

S = {
    n: f"https://w3id.org/rekg/id/source/{s}"
    for n, s in {
        "000": "s000-new-asian-alliance",
        "001": "s001-australia-japan-supply-chain",
        "002": "s002-us-japan-golden-age",
        "003": "s003-us-agreements-tokyo-visit",
        "004": "s004-lessons-from-japan",
        "usgs": "r06-usgs-mcs-2025-rare-earths",
    }.items()
}


def iri(ref: str) -> str:
    return f"<{ID[ref]}>"


def plain(store: Store, s: str, p: str, o: str) -> bool:
    """Whether the plain triple is in an asserted graph (not only in the inferred one)."""
    return bool(
        rows(
            store,
            f"SELECT * WHERE {{ GRAPH ?g {{ {iri(s)} rekg:{p} {iri(o) if '/' in o else o} }} "
            "FILTER (?g != <https://w3id.org/rekg/graph/inferred>) } LIMIT 1",
        )
    )


def claim(store: Store, s: str, p: str, o: str) -> dict[str, str]:
    """The one claim that ``s p o``: its modality's notation, source, valid time, attribution."""
    found = rows(
        store,
        f"""SELECT ?modality ?source ?at ?from ?until ?notBefore ?by WHERE {{
        ?c rdf:subject {iri(s)} ; rdf:predicate rekg:{p} ; rdf:object {iri(o) if "/" in o else o} ;
           rekg:modality/skos:notation ?modality ; prov:wasDerivedFrom ?source .
        OPTIONAL {{ ?c rekg:validAt ?at }} OPTIONAL {{ ?c rekg:validFrom ?from }} OPTIONAL {{ ?c rekg:validUntil ?until }}
        OPTIONAL {{ ?c rekg:notBefore ?notBefore }} OPTIONAL {{ ?c rekg:attributedTo ?by }} }}""",
    )
    assert len(found) == 1, (s, p, o, found)
    return found[0]


@pytest.mark.parametrize(
    ("s", "p", "o", "modality", "source"),
    [
        ("country/ET", "performsStage", "stage/magnet-making", "possibility", "000"),  # 000:258
        ("country/KE", "performsStage", "stage/recycling", "possibility", "000"),
        ("country/IN", "performsStage", "stage/processing", "aim", "000"),  # India aims to become a hub
        ("country/KR", "performsStage", "stage/refining", "aim", "000"),  # investing in
        ("alliance/new-asian-alliance", "performsStage", "stage/refining", "under-construction", "000"),  # Establishing
        ("alliance/new-asian-alliance", "performsStage", "stage/recycling", "under-construction", "000"),  # Creating
        ("country/US", "performsStage", "stage/refining", "aim", "002"),  # investments in expanding
        ("country/JP", "performsStage", "stage/refining", "aim", "002"),
        ("country/ID", "performsStage", "stage/refining", "under-construction", "003"),  # 003:137 rapidly building
        ("country/TH", "performsStage", "stage/refining", "under-construction", "003"),
        ("programme/us-japan-rapid-response-group", "adoptedBy", "country/US", "commitment", "003"),  # 003:62
        ("company/alcoa", "operates", "facility/alcoa-gallium-refinery", "planned", "003"),  # 003:118
        ("facility/alcoa-gallium-refinery", "locatedIn", "region/western-australia", "planned", "003"),
        ("agreement/asean-critical-minerals-pact", "party", "country/AU", "proposal", "003"),
        ("agreement/us-malaysia-critical-minerals", "binding", "false", "possibility", "003"),  # 003:83 "many", not all
        ("facility/namibia-regional-refinery", "performsStage", "stage/refining", "talks", "000"),
    ],
)
def test_what_is_not_stated_as_fact_is_a_claim_of_its_modality_and_no_plain_triple(
    store: Store, s: str, p: str, o: str, modality: str, source: str
) -> None:
    found = claim(store, s, p, o)
    assert (found["modality"], found["source"]) == (modality, S[source])
    assert not plain(store, s, p, o)


def test_a_past_state_is_a_claim_with_its_end_and_no_plain_triple(store: Store) -> None:  # 002:101
    found = claim(store, "country/US", "produces", "material/rare-earth-elements")
    assert (found["modality"], found["until"]) == ("stated", "1999")
    assert not plain(store, "country/US", "produces", "material/rare-earth-elements")


def test_a_former_position_is_held_until_the_source_and_titled_as_the_position(store: Store) -> None:  # 004:169
    found = claim(store, "person/joe-biden", "holdsPosition", "position/biden-president")
    assert found["until"] == "2025" and not plain(store, "person/joe-biden", "holdsPosition", "position/biden-president")
    assert [r["t"] for r in rows(store, f"SELECT ?t WHERE {{ {iri('position/biden-president')} rekg:positionTitle ?t }}")] == ["President"]


def test_a_first_time_is_a_point_in_time_reported_by_who_said_it(store: Store) -> None:  # 004:118
    found = claim(store, "facility/lynas-malaysia", "produces", "material/heavy-rare-earths")
    assert (found["modality"], found["at"], found["by"]) == ("reported", "2025", str(ID["company/lynas-rare-earths"]))
    assert not plain(store, "facility/lynas-malaysia", "produces", "material/heavy-rare-earths")


def test_an_attribution_covers_only_what_it_attributes(store: Store) -> None:  # 002:47
    assert claim(store, "country/CN", "produces", "material/rare-earth-elements")["modality"] in {"stated", "reported"}
    usgs = rows(
        store,
        f"""SELECT ?modality ?by WHERE {{ ?c rdf:subject {iri("agency/usgs")} ; rdf:predicate rekg:headquarteredIn ;
        rekg:modality/skos:notation ?modality . OPTIONAL {{ ?c rekg:attributedTo ?by }} }}""",
    )
    assert usgs == [{"modality": "stated"}]


def test_the_mous_are_with_the_group_of_firms_the_text_names_and_make_no_co_parties_among_firms(store: Store) -> None:  # 000:232
    for country in ("TZ", "MW", "ZA"):
        parties = {
            r["x"]
            for r in rows(
                store,
                "SELECT ?x WHERE { ?a a rekg:MemorandumOfUnderstanding ; rekg:party ?c , ?x FILTER (?x != ?c) }",
                c=URIRef(ID[f"country/{country}"]),
            )
        }
        assert parties == {str(ID["company/japanese-and-australian-firms"])}, country
    assert not rows(
        store,
        "SELECT * WHERE { ?x a rekg:Company ; rekg:coPartyOf ?y . ?y a rekg:Company . ?x rekg:partyTo ?m . ?m a rekg:MemorandumOfUnderstanding }",
    )


def test_the_2025_export_controls_are_the_rounds_the_sources_describe_with_no_invented_year(store: Store) -> None:
    rounds = {
        r["e"]: r.get("d")
        for r in rows(
            store,
            "SELECT ?e ?d WHERE { ?e a rekg:ExportRestriction ; rekg:imposedBy ?cn OPTIONAL { ?e rekg:date|rekg:year ?d } }",
            cn=URIRef(ID["country/CN"]),
        )
    }
    for ref in ("event/china-export-restrictions", "event/china-export-control-tightening", "event/china-rare-earth-crackdown"):
        assert str(ID[ref]) in rounds and rounds[str(ID[ref])] is None, ref


def test_the_scientists_warning_is_no_reason_of_the_backlash(store: Store) -> None:  # 003:128
    reasons = {
        r["r"] for r in rows(store, "SELECT ?r WHERE { ?e rekg:reason ?r }", e=URIRef(ID["event/alcoa-gallium-refinery-opposition"]))
    }
    assert reasons == {"threats to forests", "threats to farmland", "threats to endangered ecosystems"}


def test_the_processing_share_of_003_is_of_critical_minerals_and_rare_earths(store: Store) -> None:  # 003:57
    found = rows(
        store,
        """SELECT ?material ?scope WHERE { ?f rekg:figureSubject ?cn ; rekg:metric <https://w3id.org/rekg/id/metric/processing-share> ;
        rekg:value ?v ; rekg:material ?material ; rekg:scope ?scope ; prov:wasDerivedFrom ?s FILTER (?v = 70) }""",
        cn=URIRef(ID["country/CN"]),
        s=URIRef(S["003"]),
    )
    assert [r["material"] for r in found] == [str(ID["material/critical-minerals"])] and "rare earths" in found[0]["scope"]


def test_a_planned_supply_is_a_claim_of_its_kind_not_a_supply_relation(store: Store) -> None:  # 001:43
    found = rows(
        store,
        """SELECT ?c ?modality WHERE { ?c rekg:statementKind rekg:SupplyRelation ; rekg:supplier ?au ; rekg:customer ?jp ;
        rekg:modality/skos:notation ?modality }""",
        au=URIRef(ID["country/AU"]),
        jp=URIRef(ID["country/JP"]),
    )
    assert [r["modality"] for r in found] == ["aim"]
    assert not rows(
        store,
        "SELECT * WHERE { ?c a rekg:SupplyRelation ; rekg:supplier ?au ; rekg:customer ?jp }",
        au=URIRef(ID["country/AU"]),
        jp=URIRef(ID["country/JP"]),
    )


@pytest.mark.parametrize(
    ("s", "p", "o"),
    [
        ("company/alcoa", "a", "rekg:RefinerOutsideChina"),
        ("country/AU", "rekg:suppliesTo", iri("country/JP")),
        ("country/ET", "rekg:performsStage", iri("stage/magnet-making")),
        ("country/AU", "rekg:partyTo", iri("agreement/asean-critical-minerals-pact")),
    ],
)
def test_nothing_is_concluded_from_what_is_not_stated(store: Store, s: str, p: str, o: str) -> None:
    assert not rows(store, f"SELECT * WHERE {{ {iri(s)} {p} {o} }} LIMIT 1")


def test_every_claim_has_one_modality_of_the_closed_list(store: Store) -> None:
    counts = {
        r["m"]: int(r["n"])
        for r in rows(
            store,
            """SELECT ?m (COUNT(DISTINCT ?c) AS ?n) WHERE {
        { ?c a rekg:Claim } UNION { ?c a/rdfs:subClassOf* rekg:Claim } ?c rekg:modality/skos:notation ?m } GROUP BY ?m""",
        )
    }
    closed = {
        r["m"]
        for r in rows(store, "SELECT ?m WHERE { GRAPH <https://w3id.org/rekg/graph/ontology> { ?x a rekg:Modality ; skos:notation ?m } }")
    }
    assert set(counts) <= closed and {"stated", "possibility", "planned"} <= set(counts)
    twice = "SELECT ?c WHERE { ?c rekg:modality ?a , ?b FILTER (?a != ?b) } LIMIT 1"
    assert not rows(store, twice)
    assert not rows(store, "SELECT ?c WHERE { ?c a rekg:Claim FILTER NOT EXISTS { ?c rekg:modality ?m } } LIMIT 1")
