"""Build cost: time and peak memory of the data flow sheets/RDF → SHACL → store.

Run: python bench/bench_build.py real | TRIPLES
"real" runs the whole ``rekg build`` pipeline on kg/facts (reasoning included); a number
sends a synthetic graph of that many quads through the same data flow without reasoning
(parse into one dataset → SHACL in place → one N-Quads serialisation → store), since the
owlrl closure alone takes over 20 minutes at 100k.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Dataset

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_nquads  # noqa: E402

from kg.ingest.corpus import resolve_corpus_dir  # noqa: E402
from kg.ingest.pipeline import build_store  # noqa: E402
from kg.ingest.validate import validate_graph  # noqa: E402
from kg.ontology import load_ontology  # noqa: E402
from kg.store import EmbeddedStore  # noqa: E402
from kg.store.formats import N_QUADS  # noqa: E402
from kg.vocab import FACTS_DIR, ONTOLOGY_GRAPH  # noqa: E402


def main(which: str) -> None:
    store = EmbeddedStore(Path(tempfile.mkdtemp()) / "store", read_only=False)
    started = time.perf_counter()
    if which == "real":
        build_store(FACTS_DIR, store, corpus_dir=resolve_corpus_dir(None))
    else:
        dataset = Dataset().parse(data=synthetic_nquads(int(which), company_customers=0.1).decode(), format="nquads")
        ontology_graph = dataset.graph(ONTOLOGY_GRAPH)
        ontology_graph += load_ontology()
        validate_graph(dataset)
        store.replace_all(dataset.serialize(format="nquads", encoding="utf-8"), media_type=N_QUADS)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"| {which} | {seconds:.2f} s | {peak:.0f} MB |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "real")
