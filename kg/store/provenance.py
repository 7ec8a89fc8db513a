"""How the provenance an update records is read back (see :class:`kg.ingest.update.Provenance`):
the SPARQL of the graphs that have a source, and of the evidence of a triple an update asserted.
Read by the reasoner's explanations, the entity pages and the questions, below the ingest layer
that writes it."""

from __future__ import annotations

__all__ = ["SOURCED_GRAPHS", "update_evidence"]

# Every named graph but those of updates made without a source: the dataset of a question asked
# with unsourced facts left out. (What the reasoner concluded from them stays in the inferred graph.)
SOURCED_GRAPHS = """PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?g WHERE { GRAPH ?g { } FILTER NOT EXISTS { GRAPH ?g { ?g prov:generatedAtTime ?when }
                                                           FILTER NOT EXISTS { GRAPH ?g { ?g prov:wasDerivedFrom ?source } } } }"""


def update_evidence(subject: str = "?s", predicate: str = "?p", obj: str = "?o") -> str:
    """A SPARQL group pattern: the evidence of a triple that an update asserted, in the terms
    a claim's evidence is shown in. ``?sourceLabel`` says where it is from (or that it is
    unsourced), who added it and when; ``?quote`` is the update's quote, or empty."""
    return f"""GRAPH ?update {{ {subject} {predicate} {obj} }}
    ?update prov:wasAttributedTo/rdfs:label ?author ; prov:generatedAtTime ?when .
    OPTIONAL {{ ?update prov:wasDerivedFrom ?from OPTIONAL {{ ?from rdfs:label ?fromLabel }} }}
    OPTIONAL {{ ?update rekg:quote ?said }}
    BIND (CONCAT(IF(BOUND(?from), COALESCE(?fromLabel, STR(?from)), "unsourced"), " (added by ", STR(?author), ", ", STR(?when), ")") AS ?sourceLabel)
    BIND (COALESCE(?said, "") AS ?quote)"""
