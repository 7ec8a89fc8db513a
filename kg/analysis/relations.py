"""A country's partners and the links behind them (Q9), and milestones in time: agreements,
alliances and events with the date a source gives."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from kg.store.base import Store
from kg.store.queries import select_named
from kg.vocab import SPARQL_PREFIXES

__all__ = ["Milestone", "Partner", "milestones", "partners"]

PARTNERS_QUERY = "q09-partners-and-their-links"

# Agreements, alliances and events with a date or year, and the source of that date; with ?e
# bound, only those the entity takes part in (in either direction of any statement).
MILESTONES = (
    SPARQL_PREFIXES
    + """SELECT DISTINCT ?e ?item ?label ?kind ?when ?source ?sourceLabel WHERE {
  VALUES (?class ?kind) { (rekg:Agreement "agreement") (rekg:Alliance "alliance") (rekg:Event "event") (rekg:ExportRestriction "export control") }
  VALUES ?dated { rekg:date rekg:year }
  ?item a ?class ; ?dated ?value .
  FILTER NOT EXISTS { ?item a rekg:ExportRestriction FILTER (?class != rekg:ExportRestriction) }
  FILTER (COALESCE(?e, <urn:rekg:any>) = <urn:rekg:any> || EXISTS { ?item ?p ?e } || EXISTS { ?e ?p ?item })
  ?claim rdf:subject ?item ; rdf:predicate ?dated ; rdf:object ?value ; prov:wasDerivedFrom ?source .
  BIND (STR(?value) AS ?when)
  ?item rdfs:label ?label . ?source rdfs:label ?sourceLabel .
} ORDER BY ?when ?label"""
)


@dataclass(frozen=True)
class Partner:
    """A partner of a country and one agreement, alliance or source that links them."""

    iri: str
    label: str
    link: str
    link_label: str
    kind: str


@dataclass(frozen=True)
class Milestone:
    """An agreement, alliance or event with the date a source gives."""

    iri: str
    label: str
    kind: str
    when: str  # 2010, 2025-10 or 2025-10-26
    sources: tuple[tuple[str, str], ...]  # (IRI, label) of each source that gives this date

    @property
    def position(self) -> float:
        """The date as a fractional year.

        >>> Milestone("x", "x", "event", "2025-10", ()).position
        2025.75
        """
        parts = [int(p) for p in self.when.split("-")]
        return parts[0] + ((parts[1] - 1) / 12 if len(parts) > 1 else 0) + ((parts[2] - 1) / 365 if len(parts) > 2 else 0)


def partners(store: Store, country: str) -> list[Partner]:
    """The partners of ``country`` with the link behind each (the named question Q9)."""
    return [
        Partner(str(r["partner"]), str(r["partnerLabel"]), str(r["link"]), str(r["linkLabel"]), str(r["linkKind"]))
        for r in select_named(store, PARTNERS_QUERY, {"country": country})
    ]


def milestones(store: Store, entity: str | None = None) -> list[Milestone]:
    """Dated agreements, alliances and events (of ``entity`` when given), once for each date a
    source gives, with every source that gives it."""
    sources: dict[tuple[str, str, str, str], list[tuple[str, str]]] = {}
    for r in store.select(MILESTONES, bindings={"e": URIRef(entity)} if entity else None):
        sources.setdefault((str(r["item"]), str(r["label"]), str(r["kind"]), str(r["when"])), []).append(
            (str(r["source"]), str(r["sourceLabel"]))
        )
    return [Milestone(*key, tuple(found)) for key, found in sources.items()]
