"""The extractor's gazetteer: every name, alternative name and surface form the graph knows for an entity."""

from __future__ import annotations

import re

from rdflib import URIRef

from kg.store.base import Store
from kg.vocab import ID, SPARQL_PREFIXES, entity_ref

__all__ = ["gazetteer"]

_SKIP_KINDS = {
    "claim",
    "evidence",
    "figure",
    "supply",
    "stake",
    "source",
    "metric",
    "stage",
    "position",
    "inference",
    "premise",
    "modality",
}
_DESCRIPTION = re.compile(r"(?i:the|a|an|its|their|this|that)\s+[a-z]")
_LABELS = (
    SPARQL_PREFIXES
    + f"""SELECT ?exclude ?e ?form ?preferred WHERE {{
  GRAPH ?g {{ {{ ?e rdfs:label ?form BIND (true AS ?preferred) }} UNION {{ ?e skos:altLabel|rekg:surfaceForm ?form BIND (false AS ?preferred) }} }}
  FILTER (STRSTARTS(STR(?e), "{ID}") && ?g != ?exclude)
}}"""
)


def gazetteer(store: Store, *, exclude_graph: str | None = None) -> dict[str, tuple[str, str]]:
    """Every label, alternative label and surface form of an entity: ``{form: (IRI, kind)}``; a
    label wins over another entity's other forms. ``exclude_graph`` leaves one source's forms out."""
    exclude = URIRef(exclude_graph or "urn:rekg:none")
    found: dict[str, tuple[str, str, bool]] = {}
    for row in store.select(_LABELS, bindings={"exclude": exclude}):
        iri, form = str(row["e"]), str(row["form"])
        kind = (entity_ref(iri) or "").split("/", 1)[0]
        preferred = bool(row["preferred"].toPython())
        if kind in _SKIP_KINDS or _DESCRIPTION.match(form):  # "the miner" is Lynas in one article only: a reference, no name
            continue
        if form not in found or (preferred and not found[form][2]):
            found[form] = (iri, kind, preferred)
    return {form: (iri, kind) for form, (iri, kind, _) in found.items()}
