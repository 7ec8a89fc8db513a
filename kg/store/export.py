"""Linked-data dumps of a store: the whole dataset or the union of its graphs."""

from __future__ import annotations

from typing import IO

from kg.store.base import Store
from kg.store.formats import GRAPH_TYPES, N_QUADS, TRIG, media_type_of

__all__ = ["EXPORT_TYPES", "export_store"]

EXPORT_TYPES = (*GRAPH_TYPES, N_QUADS, TRIG)


def export_store(store: Store, fmt: str, output: IO[bytes]) -> str:
    """Write ``store`` to ``output`` as ``fmt`` (a short name such as ``ttl`` or a media type);
    return the media type written.

    Dataset formats (N-Quads, TriG, JSON-LD) keep every named graph; triple formats get the
    union of all graphs.

    >>> import io
    >>> from kg.store.embedded import EmbeddedStore
    >>> s = EmbeddedStore(); s.update("INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/p> <http://e/b> } }")
    >>> out = io.BytesIO(); export_store(s, "nt", out); out.getvalue()
    'application/n-triples'
    b'<http://e/a> <http://e/p> <http://e/b> .\\n'
    """
    media_type = media_type_of(fmt, EXPORT_TYPES)
    store.dump(output, media_type=media_type)
    return media_type
