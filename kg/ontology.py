"""The project's OWL ontology: reading it, and the terms the build checks fact sheets against."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from kg.vocab import ID, ONTOLOGY_FILE, REKG, UNITS

__all__ = ["OntologyTerms", "describe_term", "load_ontology", "vocabulary"]


@lru_cache(maxsize=4)
def _parse(path: Path, mtime: float) -> Graph:
    return Graph().parse(path, format="turtle")


def load_ontology(path: Path = ONTOLOGY_FILE) -> Graph:
    """The ontology graph (parsed once per file version; callers must not change it)."""
    return _parse(path, path.stat().st_mtime)


@dataclass(frozen=True)
class OntologyTerms:
    """What the build needs to know of the ontology: classes, properties, named individuals."""

    classes: frozenset[URIRef]
    object_properties: frozenset[URIRef]
    datatype_ranges: dict[URIRef, URIRef | None]
    individuals: frozenset[URIRef]

    @classmethod
    def of(cls, ontology: Graph) -> OntologyTerms:
        """Collect the terms declared in ``ontology``.

        >>> terms = OntologyTerms.of(load_ontology())
        >>> REKG.Country in terms.classes, REKG.partnerOf in terms.object_properties
        (True, True)
        """

        def ours(term: object) -> bool:
            return isinstance(term, URIRef) and term.startswith(REKG)

        return cls(
            classes=frozenset(t for t in ontology.subjects(RDF.type, OWL.Class) if ours(t)),
            object_properties=frozenset(t for t in ontology.subjects(RDF.type, OWL.ObjectProperty) if ours(t)),
            datatype_ranges={t: ontology.value(t, RDFS.range) for t in ontology.subjects(RDF.type, OWL.DatatypeProperty) if ours(t)},
            individuals=frozenset(t for t in ontology.subjects(RDF.type, OWL.NamedIndividual) if t.startswith(ID)),
        )


def describe_term(ontology: Graph, term: URIRef) -> dict[str, str]:
    """A term as a person picks it from a list: its local name, label and definition (or comment).

    >>> describe_term(load_ontology(), REKG.operates)["name"]
    'operates'
    """
    text = ontology.value(term, SKOS.definition) or ontology.value(term, RDFS.comment) or ""
    name = str(term).rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return {"name": name, "label": str(ontology.value(term, RDFS.label) or ""), "comment": str(text)}


def vocabulary(ontology: Graph) -> dict[str, list[dict[str, Any]]]:
    """What the pages offer to choose from, each with what it means: the project's classes and
    properties (the SPARQL editor completes them; the review page's triples and new entities
    use them), the modalities, the metrics of figures and their units.

    >>> {kind: len(terms) > 0 for kind, terms in vocabulary(load_ontology()).items()}
    {'classes': True, 'properties': True, 'modalities': True, 'metrics': True, 'units': True}
    """
    terms = OntologyTerms.of(ontology)
    individuals = {
        kind: sorted((t for t in ontology.subjects(RDF.type, REKG[kind]) if str(t).startswith(ID)), key=str)
        for kind in ("Modality", "Metric")
    }
    return {
        "classes": sorted((describe_term(ontology, c) for c in terms.classes), key=lambda d: d["name"]),
        "properties": sorted(
            (describe_term(ontology, p) for p in terms.object_properties | set(terms.datatype_ranges)), key=lambda d: d["name"]
        ),
        "modalities": [describe_term(ontology, m) | {"factual": bool(ontology.value(m, REKG.isFactual))} for m in individuals["Modality"]],
        "metrics": [describe_term(ontology, m) for m in individuals["Metric"]],
        "units": [{"name": unit} for unit in sorted(UNITS)],
    }
