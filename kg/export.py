"""Linked-data dumps of the store: the whole dataset or the union of its graphs."""

from __future__ import annotations

from typing import IO

from pyoxigraph import RdfFormat, Store, serialize

__all__ = ["EXPORT_FORMATS", "export_store"]

EXPORT_FORMATS: dict[str, RdfFormat] = {
    "ttl": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "nq": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
    "jsonld": RdfFormat.JSON_LD,
    "xml": RdfFormat.RDF_XML,
}

_PREFIXES = {
    "rekg": "https://w3id.org/rekg/ontology#",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "dct": "http://purl.org/dc/terms/",
}


def export_store(store: Store, fmt: str, output: IO[bytes]) -> None:
    """Write the store to ``output`` as ``fmt`` (a key of :data:`EXPORT_FORMATS`).

    Quad formats (``nq``, ``trig``) keep every named graph; triple formats get the union
    of all graphs.

    >>> import io
    >>> from pyoxigraph import NamedNode, Quad
    >>> s = Store(); s.add(Quad(NamedNode("http://e/a"), NamedNode("http://e/p"), NamedNode("http://e/b"), NamedNode("http://e/g")))
    >>> out = io.BytesIO(); export_store(s, "nt", out); out.getvalue()
    b'<http://e/a> <http://e/p> <http://e/b> .\\n'
    """
    rdf_format = EXPORT_FORMATS[fmt]
    if rdf_format.supports_datasets:
        store.dump(output, format=rdf_format, prefixes=_PREFIXES if fmt == "trig" else None)
        return
    triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    prefixes = _PREFIXES if fmt in ("ttl", "xml") else None
    serialize(triples, output, format=rdf_format, prefixes=prefixes)
