"""Consistency and classification with HermiT (through owlready2; needs Java).

Only the project's own ontology and the entities' types and object-property links are
given to HermiT: no ``owl:imports`` are followed and no literals of datatypes outside the
OWL 2 datatype map are passed. An inconsistent graph raises :class:`InconsistentGraph`
naming the entity and the axioms it breaks.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection

from kg.errors import InconsistentGraph
from kg.vocab import ID, REKG, short_name

__all__ = ["classify", "diagnose", "hermit_available"]


def hermit_available() -> bool:
    """Whether HermiT can run here (it needs a Java runtime on the PATH)."""
    return shutil.which("java") is not None


def _hermit_input(data: Graph, ontology: Graph) -> Graph:
    graph = Graph()
    for triple in ontology:
        graph.add(triple)
    object_properties = set(ontology.subjects(RDF.type, OWL.ObjectProperty))
    for s, p, o in data:
        if not (isinstance(s, URIRef) and str(s).startswith(str(ID))) or isinstance(o, Literal):
            continue
        if (p == RDF.type and str(o).startswith(str(REKG))) or p in object_properties:
            graph.add((s, p, o))
    for entity in set(graph.subjects(RDF.type, None)) - set(ontology.subjects()):
        graph.add((entity, RDF.type, OWL.NamedIndividual))
    return graph


def _superclasses(ontology: Graph, cls: URIRef) -> set[URIRef]:
    seen, frontier = {cls}, [cls]
    while frontier:
        for parent in ontology.objects(frontier.pop(), RDFS.subClassOf):
            if isinstance(parent, URIRef) and parent not in seen:
                seen.add(parent)
                frontier.append(parent)
    return seen


def _disjoint_pairs(ontology: Graph) -> list[tuple[URIRef, URIRef, str]]:
    pairs = [(a, b, "owl:disjointWith") for a, b in ontology.subject_objects(OWL.disjointWith)]
    for group in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(ontology, ontology.value(group, OWL.members)))
        pairs += [(a, b, "owl:AllDisjointClasses") for i, a in enumerate(members) for b in members[i + 1:]]
    return pairs


def diagnose(data: Graph, ontology: Graph) -> list[str]:
    """The disjointness axioms the data breaks, one line per entity and pair of classes."""
    pairs = _disjoint_pairs(ontology)
    problems = []
    for entity in {s for s in data.subjects(RDF.type, None) if isinstance(s, URIRef)}:
        types = [t for t in data.objects(entity, RDF.type) if isinstance(t, URIRef)]
        closure = {t: _superclasses(ontology, t) for t in types}
        for a, b, axiom in pairs:
            holders_a = [t for t, ups in closure.items() if a in ups]
            holders_b = [t for t, ups in closure.items() if b in ups]
            if holders_a and holders_b:
                problems.append(
                    f"{short_name(entity)} is a {short_name(holders_a[0])} and a {short_name(holders_b[0])}, "
                    f"but {short_name(a)} and {short_name(b)} are disjoint ({axiom})"
                )
    return sorted(set(problems))


def classify(data: Graph, ontology: Graph, *, known: Graph | None = None) -> set[tuple[URIRef, URIRef, URIRef]]:
    """Run HermiT on the ontology and the entities; return the class memberships it infers.

    ``known`` (the data with what the RL closure already concluded) is what a diagnosis of an
    inconsistency looks at; it defaults to ``data``.

    Raises:
        InconsistentGraph: HermiT finds the graph inconsistent (with a diagnosis).
        FileNotFoundError: Java is not installed.
    """
    if not hermit_available():
        raise FileNotFoundError("HermiT needs Java: install a JRE (Debian: default-jre-headless)")
    import owlready2

    graph = _hermit_input(data, ontology)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rekg-hermit.owl"
        graph.serialize(path, format="xml")
        world = owlready2.World()
        onto = world.get_ontology(path.as_uri()).load(only_local=True)
        try:
            with onto:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            reasons = diagnose(known if known is not None else data, ontology) or ["HermiT found no model; no disjointness axiom explains it"]
            raise InconsistentGraph("the graph is inconsistent with the ontology:\n" + "\n".join(reasons)) from None
        inferred = set()
        for individual in onto.individuals():
            iri = URIRef(individual.iri)
            for cls in individual.is_a:
                cls_iri = getattr(cls, "iri", None)
                if cls_iri and cls_iri.startswith(str(REKG)) and (iri, RDF.type, URIRef(cls_iri)) not in graph:
                    inferred.add((iri, RDF.type, URIRef(cls_iri)))
        world.close()
    return inferred
