"""Reasoning and change costs of the engine, on the synthetic graph shaped like the real one.

Run: python bench/bench_reason.py TRIPLES [SHARE] [--oracle]
SHARE is the share of supply relations whose customer is a company (default 0.1, the figure
the owlrl baseline was measured with); it sets how long supply chains, and so the transitive
closure of ``upstreamOf``, get.
Prints one Markdown row: asserted, inferred, closure seconds, consistency seconds, peak RSS,
then the p50 of adding and removing 100 asserted triples incrementally (with consequences).
``--oracle`` also times owlrl on the same input (slow: minutes at 100k).
"""

from __future__ import annotations

import random
import resource
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import synthetic_nquads  # noqa: E402

from kg.ontology import load_ontology  # noqa: E402
from kg.reasoning.closure import engine_for, raise_if_inconsistent  # noqa: E402
from kg.store.terms import from_ox  # noqa: E402
from kg.vocab import ID, REKG  # noqa: E402


def main(size: int, share: float, oracle: bool) -> None:
    triples = [
        (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
        for q in ox.parse(synthetic_nquads(size, company_customers=share), format=ox.RdfFormat.N_QUADS)
    ]
    ontology = load_ontology()
    started = time.perf_counter()
    engine = engine_for(ontology)
    engine.add(triples)
    closure = time.perf_counter() - started
    started = time.perf_counter()
    raise_if_inconsistent(engine, ontology)
    consistency = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rng = random.Random(3)
    companies = sorted({s for s, p, o in triples if p == REKG.headquarteredIn})
    adds, removes = [], []
    for round_ in range(5):
        batch = [(ID[f"supply/bench-{round_}-{i}"], REKG.supplier, rng.choice(companies)) for i in range(50)]
        batch += [(s, REKG.customer, rng.choice(companies)) for s, _, _ in batch]
        started = time.perf_counter()
        engine.add(batch)
        adds.append(time.perf_counter() - started)
        started = time.perf_counter()
        engine.remove(batch)
        removes.append(time.perf_counter() - started)
    print(
        f"| {size:,} | {engine.asserted_count():,} | {len(engine.inferred()):,} | {closure:.2f} | {consistency:.2f} | {peak:.0f} | "
        f"{statistics.median(adds) * 1000:.0f} | {statistics.median(removes) * 1000:.0f} |",
        flush=True,
    )
    if oracle:
        import owlrl
        from rdflib import Graph

        graph = Graph()
        for triple in (*triples, *ontology):
            graph.add(triple)
        started = time.perf_counter()
        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(graph)
        print(f"owlrl closure alone: {time.perf_counter() - started:.1f} s", flush=True)


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--oracle"]
    main(int(arguments[0]), float(arguments[1]) if len(arguments) > 1 else 0.1, "--oracle" in sys.argv)
