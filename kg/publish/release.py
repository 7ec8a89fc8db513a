"""Versioned releases: the dumps, the ontology and its documentation, the shapes, the dataset
description and their checksums, written so that the same data gives byte-identical files.

Blank nodes are labelled by RDF Dataset Canonicalization (RDFC-1.0) and statements sorted, so a
dump depends on the data only; gzip members carry no name and no time.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import KgError
from kg.publish.dataset import PREFIXES, Distribution, Statistics, dataset_statistics, describe_dataset
from kg.publish.ontology_doc import ontology_html
from kg.store.base import Store, dump_bytes
from kg.store.formats import JSON_LD, N_QUADS, RDF_XML, TRIG, TURTLE
from kg.store.terms import to_ox
from kg.vocab import BASE, NAMESPACES, ONTOLOGY_FILE, SHAPES_DIR

__all__ = ["CHECKSUMS", "Release", "canonical_quads", "dataset_files", "serialize", "write_release"]

CHECKSUMS = "SHA256SUMS"
_FORMATS = {
    N_QUADS: ox.RdfFormat.N_QUADS,
    TRIG: ox.RdfFormat.TRIG,
    TURTLE: ox.RdfFormat.TURTLE,
    JSON_LD: ox.RdfFormat.JSON_LD,
    RDF_XML: ox.RdfFormat.RDF_XML,
}


class ReleaseError(KgError):
    """A release that cannot be written where asked."""


@dataclass(frozen=True)
class Release:
    """What ``write_release`` wrote: the folder, its files, and the dataset's description."""

    folder: Path
    files: list[Path]
    statistics: Statistics
    distributions: list[Distribution]
    description: Graph


def canonical_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """``quads`` with canonical blank-node labels (RDFC-1.0), sorted.

    >>> a = ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.BlankNode("x1"))
    >>> [str(q) for q in canonical_quads([a])]
    ['<http://e/a> <http://e/p> _:c14n0']
    """
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return sorted(dataset, key=str)


def serialize(quads: list[ox.Quad], media_type: str, prefixes: dict[str, str] = NAMESPACES) -> bytes:
    """Write canonical ``quads`` as ``media_type``: dataset formats keep the graphs, triple
    formats get the distinct triples of their union, in order."""
    fmt = _FORMATS[media_type]
    prefixes = prefixes if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML) else None
    if fmt.supports_datasets and media_type != JSON_LD:
        return ox.serialize(quads, format=fmt, prefixes=prefixes)
    triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=str)
    return ox.serialize(triples, format=fmt, prefixes=prefixes)


def _gzip(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as out:
        out.write(data)
    return buffer.getvalue()


def _rdflib_quads(graph: Graph) -> list[ox.Quad]:
    return [ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph]


def dataset_files(version: str) -> list[tuple[str, str, str]]:
    """The gzip-compressed dumps of a release: file name, title, media type."""
    return [
        (f"rekg-{version}.nq.gz", "dataset with its named graphs, N-Quads", N_QUADS),
        (f"rekg-{version}.trig.gz", "dataset with its named graphs, TriG", TRIG),
        (f"rekg-{version}.ttl.gz", "union of the graphs, Turtle", TURTLE),
        (f"rekg-{version}.jsonld.gz", "union of the graphs, JSON-LD", JSON_LD),
    ]


def write_release(
    store: Store,
    folder: Path,
    *,
    version: str,
    site: str = BASE,
    downloads: str | None = None,
    issued: dt.date | None = None,
    on_step: Callable[[str], None] = lambda name: None,
) -> Release:
    """Write release ``version`` of ``store`` into ``folder`` (made anew; an existing release
    there is replaced, any other content refused), described as served at ``site`` (its SPARQL
    endpoint and landing page) with its files under ``downloads`` (default ``site/release/version/``).
    """
    if folder.exists() and any(folder.iterdir()) and not (folder / CHECKSUMS).exists():
        raise ReleaseError(f"{folder} is not empty and holds no release: choose another folder")
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        files: dict[str, bytes] = {}
        described: list[tuple[str, str, str]] = []  # file name, title, media type
        on_step("reading the store")
        quads = canonical_quads(ox.parse(dump_bytes(store, media_type=N_QUADS), format=ox.RdfFormat.N_QUADS))
        for name, title, media_type in dataset_files(version):
            on_step(f"writing {name}")
            files[name] = _gzip(serialize(quads, media_type))
            described.append((name, title, media_type))
        on_step("writing the ontology and its documentation")
        ontology_quads = canonical_quads(ox.parse(path=str(ONTOLOGY_FILE), format=ox.RdfFormat.TURTLE))
        files["ontology.ttl"] = ONTOLOGY_FILE.read_bytes()
        files["ontology.rdf"] = serialize(ontology_quads, RDF_XML)
        files["ontology.html"] = ontology_html().encode()
        described += [
            ("ontology.ttl", "ontology, Turtle", TURTLE),
            ("ontology.rdf", "ontology, RDF/XML", RDF_XML),
            ("ontology.html", "ontology documentation (pyLODE)", "text/html"),
        ]
        for shapes in sorted(SHAPES_DIR.glob("*.ttl")):
            files[f"shapes/{shapes.name}"] = shapes.read_bytes()
            described.append((f"shapes/{shapes.name}", "SHACL shapes, Turtle", TURTLE))
        base_url = downloads or f"{site}release/{version}/"
        distributions = [
            Distribution(
                title=title,
                download_url=base_url + name,
                media_type=media_type,
                byte_size=len(files[name]),
                sha256=hashlib.sha256(files[name]).hexdigest(),
                compressed=name.endswith(".gz"),
                data_dump=name.startswith("rekg-"),
            )
            for name, title, media_type in described
        ]
        on_step("describing the dataset")
        stats = dataset_statistics(store)
        void = describe_dataset(store, version=version, site=site, distributions=distributions, issued=issued, statistics=stats)
        files["void.ttl"] = serialize(canonical_quads(_rdflib_quads(void)), TURTLE, PREFIXES)
        files[CHECKSUMS] = "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(files.items())).encode()
        for name, data in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        staging.chmod(0o755)
        if folder.exists():
            shutil.rmtree(folder)
        staging.rename(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Release(folder, sorted(folder / name for name in files), stats, distributions, void)
