"""``rekg release``: every file read back by an independent parser (raptor's rapper) and by
rdflib, counts against the store, checksums against the files, and byte-identical output for
the same data."""

from __future__ import annotations

import gzip
import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, VOID, XSD

from kg.errors import KgError
from kg.ingest.pipeline import build_store
from kg.publish.release import CHECKSUMS, write_release
from kg.store import EmbeddedStore, Store
from kg.vocab import FACTS_DIR
from tests.conftest import require

SPDX = Namespace("http://spdx.org/rdf/terms#")
VERSION = "9.9.9"


def _count(store: Store, where: str) -> int:
    return int(store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[0]["n"])


@pytest.fixture(scope="module")
def release(store: Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("release") / VERSION
    write_release(store, folder, version=VERSION)
    return folder


def _rapper(path: Path, syntax: str) -> int:
    """How many triples (or quads) rapper reads from ``path``, decompressed first if gzipped."""
    require(shutil.which("rapper") is not None, "rapper (raptor2-utils) is not installed")
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    done = subprocess.run(["rapper", "-i", syntax, "-c", "-", "https://w3id.org/rekg/"], input=data, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    return int(done.stderr.decode().split("returned")[1].split()[0])


def test_rapper_and_rdflib_read_every_dump_with_the_store_counts(release: Path, store: Store) -> None:
    quads = _count(store, "GRAPH ?g { ?s ?p ?o }")
    union = _count(store, "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert _rapper(release / f"rekg-{VERSION}.nq.gz", "nquads") == quads
    assert _rapper(release / f"rekg-{VERSION}.trig.gz", "trig") == quads
    assert _rapper(release / f"rekg-{VERSION}.ttl.gz", "turtle") == union
    for name, fmt, expected in ((f"rekg-{VERSION}.nq.gz", "nquads", quads), (f"rekg-{VERSION}.trig.gz", "trig", quads)):
        dataset = Dataset()
        dataset.parse(data=gzip.decompress((release / name).read_bytes()), format=fmt)
        assert sum(len(g) for g in dataset.graphs() if g.identifier != dataset.default_graph.identifier) == expected
        assert len(list(dataset.graphs())) - 1 == len(store.graph_names())
    for name, fmt in ((f"rekg-{VERSION}.ttl.gz", "turtle"), (f"rekg-{VERSION}.jsonld.gz", "json-ld")):
        assert len(Graph().parse(data=gzip.decompress((release / name).read_bytes()), format=fmt)) == union
    ontology = len(Graph().parse(release / "ontology.ttl"))
    assert _rapper(release / "ontology.ttl", "turtle") == ontology
    assert _rapper(release / "ontology.rdf", "rdfxml") == ontology == len(Graph().parse(release / "ontology.rdf", format="xml"))
    assert _rapper(release / "shapes" / "rekg-shapes.ttl", "turtle") > 0
    assert _rapper(release / "void.ttl", "turtle") == len(Graph().parse(release / "void.ttl"))
    assert 'id="Agreement"' in (release / "ontology.html").read_text()  # the pyLODE page


def test_checksums_and_sizes_match_the_files(release: Path, store: Store) -> None:
    listed = dict(line.split("  ")[::-1] for line in (release / CHECKSUMS).read_text().splitlines())
    files = {str(p.relative_to(release)) for p in release.rglob("*") if p.is_file()} - {CHECKSUMS}
    assert set(listed) == files
    for name, digest in listed.items():
        assert hashlib.sha256((release / name).read_bytes()).hexdigest() == digest, name
    void = Graph().parse(release / "void.ttl")
    distributions = list(void.subjects(DCAT.downloadURL, None))
    assert len(distributions) == 8  # four dumps, the ontology in two syntaxes and its page, the shapes
    for item in distributions:
        name = str(item).split(f"/{VERSION}/", 1)[1]
        data = (release / name).read_bytes()
        assert void.value(item, DCAT.byteSize) == Literal(len(data), datatype=XSD.nonNegativeInteger)
        checksum = void.value(item, SPDX.checksum)
        assert void.value(checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
        assert str(void.value(checksum, SPDX.checksumValue)) == hashlib.sha256(data).hexdigest()
    dataset = URIRef("https://w3id.org/rekg/dataset")
    assert int(void.value(dataset, VOID.triples)) == _count(store, "GRAPH ?g { ?s ?p ?o }")
    assert len(list(void.objects(dataset, VOID.dataDump))) == 4
    assert (dataset, VOID.sparqlEndpoint, URIRef("https://w3id.org/rekg/sparql")) in void
    partitions = {void.value(p, VOID["class"]): int(void.value(p, VOID.entities)) for p in void.objects(dataset, VOID.classPartition)}
    countries = _count(store, "SELECT DISTINCT ?c WHERE { GRAPH ?g { ?c a <https://w3id.org/rekg/ontology#Country> } }")
    assert partitions[URIRef("https://w3id.org/rekg/ontology#Country")] == countries == 27


def test_the_same_data_gives_byte_identical_files(release: Path, corpus_dir: Path, tmp_path: Path) -> None:
    rebuilt = EmbeddedStore(tmp_path / "store", read_only=False)
    build_store(FACTS_DIR, rebuilt, corpus_dir=corpus_dir)
    again = tmp_path / VERSION
    write_release(rebuilt, again, version=VERSION)
    names = sorted(str(p.relative_to(release)) for p in release.rglob("*") if p.is_file())
    assert names == sorted(str(p.relative_to(again)) for p in again.rglob("*") if p.is_file())
    for name in names:
        assert (release / name).read_bytes() == (again / name).read_bytes(), name


def test_a_release_never_overwrites_a_folder_that_holds_something_else(store: Store, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(KgError, match="not empty and holds no release"):
        write_release(store, tmp_path, version=VERSION)
    assert (tmp_path / "notes.txt").read_text() == "mine"
