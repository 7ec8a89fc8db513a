"""Terms between rdflib and pyoxigraph, and quads as SPARQL text: what every store needs to
speak to pyoxigraph and to SPARQL endpoints."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.store.base import Quad

__all__ = ["XSD_STRING", "Terms", "data_block", "from_ox", "to_ox"]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_ox(term: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """An rdflib term as a pyoxigraph one."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    raise TypeError(f"not an RDF term: {term!r}")


def from_ox(term: Any) -> Node:
    """A pyoxigraph term as an rdflib one."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == XSD_STRING else URIRef(datatype))


class Terms:
    """Converts terms between rdflib and pyoxigraph for one bulk read or write, each distinct IRI
    once: a batch meets the same predicates, classes, graphs and entities again and again, and
    the rdflib terms it hands out are then one object per IRI, which sets and dicts compare by
    identity rather than through rdflib's ``__eq__``."""

    def __init__(self) -> None:
        self._rdflib: dict[str, URIRef] = {}
        self._ox: dict[URIRef, ox.NamedNode] = {}
        self._graphs: dict[str | None, ox.NamedNode | ox.DefaultGraph] = {None: ox.DefaultGraph()}

    def rdflib(self, term: Any) -> Node:
        """A pyoxigraph term as an rdflib one."""
        if isinstance(term, ox.NamedNode):
            value = term.value
            found = self._rdflib.get(value)
            if found is None:
                found = self._rdflib[value] = URIRef(value)
            return found
        return from_ox(term)

    def oxigraph(self, term: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
        """An rdflib term as a pyoxigraph one."""
        if isinstance(term, URIRef):
            found = self._ox.get(term)
            if found is None:
                found = self._ox[term] = ox.NamedNode(term)
            return found
        return to_ox(term)

    def quad(self, quad: Quad) -> ox.Quad:
        """A rekg quad as a pyoxigraph one."""
        s, p, o, g = quad
        graph = self._graphs.get(g)
        if graph is None and g is not None:
            graph = self._graphs[g] = ox.NamedNode(g)
        subject, predicate = self.oxigraph(s), self.oxigraph(p)
        # a literal subject or predicate is refused by pyoxigraph itself, with its own message
        return ox.Quad(subject, predicate, self.oxigraph(o), graph)  # type: ignore[arg-type]


def data_block(quads: list[Quad]) -> str:
    """Quads as the body of INSERT DATA / DELETE DATA."""
    lines = []
    for s, p, o, g in quads:
        triple = f"{s.n3()} {p.n3()} {o.n3()} ."
        lines.append(f"GRAPH <{g}> {{ {triple} }}" if g else triple)
    return "\n".join(lines)
