"""The ontology: consistent under HermiT, and the checks ROBOT's report would make."""

from __future__ import annotations

import shutil
from collections import Counter

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SDO, SKOS

from kg.ontology import load_ontology
from kg.vocab import ID, REKG
from tests.conftest import require

DECLARED_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


def own_terms(ontology: Graph) -> set[URIRef]:
    return {t for t in ontology.subjects(RDFS.isDefinedBy, URIRef("https://w3id.org/rekg/ontology"))}


def test_hermit_finds_the_ontology_consistent_with_no_unsatisfiable_class(ontology: Graph, tmp_path) -> None:
    require(shutil.which("java") is not None, "Java is not installed (HermiT needs it)")
    import owlready2

    path = tmp_path / "rekg.owl"
    ontology.serialize(path, format="xml")
    world = owlready2.World()
    onto = world.get_ontology(path.as_uri()).load(only_local=True)
    with onto:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    assert list(world.inconsistent_classes()) == []
    assert len(list(onto.classes())) > 40


def test_every_term_has_exactly_one_english_label_and_a_definition(ontology: Graph) -> None:
    terms = own_terms(ontology)
    assert len(terms) > 100
    for term in terms:
        labels = [label for label in ontology.objects(term, RDFS.label) if getattr(label, "language", None) == "en"]
        assert len(labels) == 1, f"{term} has {len(labels)} English labels"
        assert ontology.value(term, SKOS.definition) is not None, f"{term} has no definition"


def test_no_two_terms_share_a_label(ontology: Graph) -> None:
    labels = Counter(str(ontology.value(t, RDFS.label)).lower() for t in own_terms(ontology))
    # a class and its property may share a word only when they differ in kind; none do today
    assert [label for label, n in labels.items() if n > 1] == []


def test_no_terms_are_minted_in_other_namespaces(ontology: Graph) -> None:
    for term in own_terms(ontology):
        assert str(term).startswith((str(REKG), str(ID))), term
    for rdf_type in DECLARED_TYPES:
        for term in ontology.subjects(RDF.type, rdf_type):
            if isinstance(term, URIRef) and not str(term).startswith((str(REKG), str(ID))):
                assert ontology.value(term, RDFS.label) is None, f"{term} is labelled here but not ours"


def test_every_iri_in_our_namespace_is_declared_and_labelled(ontology: Graph) -> None:
    used = {t for triple in ontology for t in triple if isinstance(t, URIRef) and str(t).startswith(str(REKG))}
    used.discard(URIRef(str(REKG)))
    for term in used:
        assert (term, RDF.type, None) in ontology, f"{term} is used but not declared"
        assert ontology.value(term, RDFS.label) is not None, f"{term} is used but not labelled"


def test_no_subclass_cycles(ontology: Graph) -> None:
    parents = {}
    for child, parent in ontology.subject_objects(RDFS.subClassOf):
        parents.setdefault(child, set()).add(parent)
    for start in parents:
        seen, frontier = set(), set(parents[start])
        while frontier:
            node = frontier.pop()
            assert node != start, f"subclass cycle through {start}"
            if node not in seen:
                seen.add(node)
                frontier |= parents.get(node, set())


def test_properties_have_domain_or_range_and_classes_a_parent(ontology: Graph) -> None:
    for term in own_terms(ontology):
        types = set(ontology.objects(term, RDF.type))
        if OWL.Class in types:
            assert ontology.value(term, RDFS.subClassOf) is not None, f"{term} has no superclass"
        if types & {OWL.ObjectProperty, OWL.DatatypeProperty}:
            # the properties of n-ary statements say theirs without entailment (schema:domainIncludes),
            # so a claim that is not stated as fact is not made a supply relation by its supplier
            has = [ontology.value(term, p) for p in (RDFS.domain, RDFS.range, SDO.domainIncludes, SDO.rangeIncludes)]
            assert any(v is not None for v in has), f"{term} has neither domain nor range"


def test_header_has_title_description_licence_and_version_iri(ontology: Graph) -> None:
    header = URIRef("https://w3id.org/rekg/ontology")
    from rdflib.namespace import DCTERMS

    for predicate in (DCTERMS.title, DCTERMS.description, DCTERMS.license, OWL.versionIRI, OWL.versionInfo):
        assert ontology.value(header, predicate) is not None, predicate
