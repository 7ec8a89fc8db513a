"""RDF files and payloads parsed by Oxigraph into rekg's quads, with errors that name the line."""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path
from typing import IO, cast

import pyoxigraph as ox

from kg.errors import RdfSyntaxError, StoreError
from kg.store.base import Quad
from kg.store.terms import Terms

__all__ = ["from_ox_quads", "rdf_format", "read_quads"]


def rdf_format(media_type: str) -> ox.RdfFormat:
    """The pyoxigraph RDF format of a media type."""
    found = ox.RdfFormat.from_media_type(media_type)
    if found is None:
        raise StoreError(f"no RDF format has the media type {media_type!r}")
    return found


def from_ox_quads(parsed: Iterable[ox.Quad], graph: str | None) -> list[Quad]:
    """pyoxigraph quads as rekg's; those of the default graph go into ``graph``."""
    terms = Terms()
    return [
        (
            terms.rdflib(q.subject),
            terms.rdflib(q.predicate),
            terms.rdflib(q.object),
            graph if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value,
        )
        for q in parsed
    ]


def read_quads(path: Path, *, graph: str) -> list[Quad]:
    """The quads of an RDF file (N-Quads, TriG, Turtle, N-Triples, RDF/XML; ``.gz`` too), parsed
    by Oxigraph; triples of a triple format, and a dataset's default graph, go into ``graph``.

    Raises:
        RdfSyntaxError: the file does not parse (with its line and column) or its format is unknown.
    """
    name = path.name.removesuffix(".gz")
    fmt = ox.RdfFormat.from_extension(name.rsplit(".", 1)[-1]) if "." in name else None
    if fmt is None:
        raise RdfSyntaxError(f"{path}: unknown RDF format (use .nq, .trig, .ttl, .nt or .rdf, optionally .gz)")
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rb") as handle:
            return from_ox_quads(ox.parse(cast(IO[bytes], handle), format=fmt, base_iri=path.resolve().as_uri()), graph)
    except SyntaxError as exc:
        raise RdfSyntaxError(f"{path}:{exc.lineno}:{exc.offset}: {exc.msg}") from None
    except (OSError, EOFError) as exc:
        raise RdfSyntaxError(f"{path}: cannot read: {exc}") from None
