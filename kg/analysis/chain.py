"""The supply chain around an entity, upstream and downstream, as nodes in stages (operator →
facility → material → buyer → product maker) and edges that each carry their source."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from kg.analysis.wording import share_text, when_of
from kg.store.base import Store
from kg.vocab import SPARQL_PREFIXES

__all__ = ["COLUMNS", "Chain", "Edge", "Node", "supply_chain"]

# The stages of a chain, left to right.
COLUMNS = ("operator or supplier", "facility", "material", "buyer", "product maker")

# Supply relations the entity takes part in: as supplier, customer, material or named facility,
# as the operator of the supplier's facility, or as the country a supplier or customer is based in.
RELATIONS = (
    SPARQL_PREFIXES
    + """SELECT DISTINCT ?e ?supply ?supplier ?supplierLabel ?material ?materialLabel ?customer ?customerLabel
       ?via ?viaLabel ?share ?hedge ?year ?period ?source ?sourceLabel WHERE {
  ?supply a rekg:SupplyRelation ; rekg:supplier ?supplier ; rekg:material ?material ; rekg:customer ?customer ;
          prov:wasDerivedFrom ?source .
  OPTIONAL { ?supply rekg:via ?via . ?via rdfs:label ?viaLabel }
  FILTER (?e IN (?supplier, ?material, ?customer) || ?e = ?via || EXISTS { ?supplier rekg:operates ?e }
          || EXISTS { ?supplier rekg:headquarteredIn ?e } || EXISTS { ?customer rekg:headquarteredIn ?e })
  OPTIONAL { ?supply rekg:share ?share }
  OPTIONAL { ?supply rekg:hedge ?hedge }
  OPTIONAL { ?supply rekg:year ?year }
  OPTIONAL { ?supply rekg:period ?period }
  ?supplier rdfs:label ?supplierLabel . ?material rdfs:label ?materialLabel . ?customer rdfs:label ?customerLabel .
  ?source rdfs:label ?sourceLabel .
}"""
)

# What the sources state of operators, facilities and what they produce, around the actors given.
STATED = (
    SPARQL_PREFIXES
    + """SELECT DISTINCT ?e ?p ?s ?sLabel ?o ?oLabel ?source ?sourceLabel WHERE {
  VALUES ?p { rekg:operates rekg:produces }
  ?claim a rekg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?source .
  FILTER (?s = ?e || ?o = ?e || EXISTS { ?e rekg:operates ?s })
  ?s rdfs:label ?sLabel . ?o rdfs:label ?oLabel . ?source rdfs:label ?sourceLabel .
} ORDER BY ?p ?sLabel ?oLabel"""
)

# Product makers downstream of a buyer: companies based in the buyer's country that make a product
# from the material.
MAKERS = (
    SPARQL_PREFIXES
    + """SELECT DISTINCT ?buyer ?material ?maker ?makerLabel ?productLabel ?source ?sourceLabel WHERE {
  ?maker rekg:headquarteredIn ?buyer ; rekg:produces ?product .
  ?product rekg:madeFrom ?material .
  ?claim a rekg:Claim ; rdf:subject ?maker ; rdf:predicate rekg:produces ; rdf:object ?product ; prov:wasDerivedFrom ?source .
  ?maker rdfs:label ?makerLabel . ?product rdfs:label ?productLabel . ?source rdfs:label ?sourceLabel .
}"""
)


@dataclass
class Node:
    """An entity of the chain, placed in the first stage it takes part in."""

    iri: str
    label: str
    column: int


@dataclass(frozen=True)
class Edge:
    """A step of the chain and the source that states it."""

    start: str
    end: str
    label: str
    source: str
    source_label: str


@dataclass
class Chain:
    """The nodes and edges of the chain around one entity."""

    focus: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    def add(self, start: tuple[str, str, int], end: tuple[str, str, int], label: str, source: str, source_label: str) -> None:
        """An edge between two nodes given as (IRI, label, stage); a node in two stages is drawn
        in the earlier one."""
        for iri, name, column in (start, end):
            node = self.nodes.setdefault(iri, Node(iri, name, column))
            node.column = min(node.column, column)
        edge = Edge(start[0], end[0], label, source, source_label)
        if edge not in self.edges:
            self.edges.append(edge)


def supply_chain(store: Store, iri: str) -> Chain:
    """The chain around ``iri``: its supply relations with their suppliers' facilities, what
    those produce, the buyers, and the buyers' companies that make products from the material."""
    chain = Chain(iri)
    focus = {"e": URIRef(iri)}
    relations = store.select(RELATIONS, bindings=focus)
    for row in relations:
        source, source_label = str(row["source"]), str(row["sourceLabel"])
        supplier = (str(row["supplier"]), str(row["supplierLabel"]), 0)
        material = (str(row["material"]), str(row["materialLabel"]), 2)
        if row.get("via") is not None:
            facility = (str(row["via"]), str(row["viaLabel"]), 1)
            chain.add(supplier, facility, "via", source, source_label)
            supplier = facility
        chain.add(supplier, material, "supplies", source, source_label)
        share = share_text(row.get("share"), row.get("hedge")) or "to"
        chain.add(material, (str(row["customer"]), str(row["customerLabel"]), 3), f"{share} ({when_of(row)})", source, source_label)
    actors = {iri} | {str(row["supplier"]) for row in relations}
    for actor in sorted(actors):
        for row in store.select(STATED, bindings={"e": URIRef(actor)}):
            start, end = (str(row["s"]), str(row["sLabel"])), (str(row["o"]), str(row["oLabel"]))
            if str(row["p"]).endswith("operates"):
                chain.add((*start, 0), (*end, 1), "operates", str(row["source"]), str(row["sourceLabel"]))
            else:  # operates sorts first, so a facility is already in its stage
                known = chain.nodes.get(start[0])
                chain.add((*start, known.column if known else 0), (*end, 2), "produces", str(row["source"]), str(row["sourceLabel"]))
    for row in relations:
        for maker in store.select(MAKERS, bindings={"buyer": row["customer"], "material": row["material"]}):
            chain.add(
                (str(row["customer"]), str(row["customerLabel"]), 3),
                (str(maker["maker"]), str(maker["makerLabel"]), 4),
                f"makes {maker['productLabel']}",
                str(maker["source"]),
                str(maker["sourceLabel"]),
            )
    return chain
