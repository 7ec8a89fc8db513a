"""Measure the embedded-store candidates on the same synthetic graph: load and four query shapes.

Run: python bench/bench_stores.py [TRIPLES]   (default 200000)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import rdflib
from pyoxigraph import RdfFormat, Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import synthetic_nquads  # noqa: E402

QUERIES = {
    "point lookup": "SELECT ?p ?o WHERE { <https://w3id.org/rekg/id/company/c123> ?p ?o }",
    "3-way join + FILTER": """PREFIX r: <https://w3id.org/rekg/ontology#>
        SELECT ?c ?f ?s WHERE { ?s r:supplier ?c ; r:share ?share . ?c r:operates ?f . ?f r:locatedIn <https://w3id.org/rekg/id/country/C7> FILTER(?share > 50) }""",
    "GROUP BY": """PREFIX r: <https://w3id.org/rekg/ontology#>
        SELECT ?country (COUNT(*) AS ?n) WHERE { ?c r:headquarteredIn ?country } GROUP BY ?country""",
    "MINUS": """PREFIX r: <https://w3id.org/rekg/ontology#>
        SELECT (COUNT(*) AS ?n) WHERE { ?c a r:Company MINUS { ?s r:supplier ?c ; r:share ?x FILTER(?x > 90) } }""",
}


def timed(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(size: int) -> None:
    data = synthetic_nquads(size)
    print(f"synthetic graph: {size} quads, {len(data) / 1e6:.1f} MB of N-Quads")
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        ox = Store(str(Path(tmp) / "db"))
        ox.bulk_load(data, format=RdfFormat.N_QUADS)
        ox_load = time.perf_counter() - start
        start = time.perf_counter()
        rl = rdflib.Dataset()
        rl.parse(data=data.decode(), format="nquads")
        rl_load = time.perf_counter() - start
        union = rdflib.Graph()
        for triple in rl.graph(rdflib.URIRef("https://w3id.org/rekg/graph/synthetic")):
            union.add(triple)
        print("| operation | pyoxigraph (on disk) | rdflib (in memory) | ratio |")
        print("|---|---|---|---|")
        print(f"| load | {ox_load * 1000:.0f} ms | {rl_load * 1000:.0f} ms | {rl_load / ox_load:.0f}× |")
        for name, query in QUERIES.items():
            ox_ms = timed(lambda: list(ox.query(query, use_default_graph_as_union=True)))
            rl_ms = timed(lambda: list(union.query(query)), repeat=1 if size > 100_000 else 3)
            print(f"| {name} | {ox_ms:.2f} ms | {rl_ms:.1f} ms | {rl_ms / ox_ms:.0f}× |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
