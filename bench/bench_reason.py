"""Reasoning cost: closure time, explanation time, HermiT time and inferred-triple counts.

Run: python bench/bench_reason.py real | TRIPLES [COMPANY_CUSTOMER_SHARE]
"real" reasons over the graph built from kg/facts (with HermiT); a number reasons over a
synthetic supply-chain graph of that many triples (owlrl closure and project rules, then
explanations; HermiT is left out: it classifies the ontology's individuals, not bulk data).
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from rdflib import Dataset, Graph

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from kg.build import build_dataset, load_ontology  # noqa: E402
from kg.pipeline import DEFAULT_FACTS_DIR  # noqa: E402
from kg.reason import materialise  # noqa: E402
from synthetic import synthetic_nquads  # noqa: E402


def main(which: str, company_customers: float) -> None:
    if which == "real":
        built = build_dataset(DEFAULT_FACTS_DIR, corpus_dir=None)
        asserted, ontology, hermit = built.union(), built.ontology, True
    else:
        dataset = Dataset().parse(data=synthetic_nquads(int(which), company_customers=company_customers).decode(), format="nquads")
        asserted = Graph()
        for s, p, o, _ in dataset.quads():
            asserted.add((s, p, o))
        ontology, hermit = load_ontology(), False
    started = time.perf_counter()
    stage = lambda name: print(f"[{time.perf_counter() - started:8.1f} s] {name}", file=sys.stderr, flush=True)  # noqa: E731
    stage(f"{len(asserted)} asserted triples parsed")
    result = materialise(asserted, ontology, hermit=hermit, on_stage=stage)
    total = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    r = result.reasoning
    hermit_s = f"{result.hermit_seconds:.2f}" if result.hermit_seconds is not None else "—"
    label = which if which == "real" else f"{which} ({company_customers:.0%} company customers)"
    print(f"| {label} | {len(asserted)} | {len(result.inferred)} | {r.closure_seconds:.2f} | {r.explain_seconds:.2f} | "
          f"{hermit_s} | {total:.2f} | {peak:.0f} |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "real", float(sys.argv[2]) if len(sys.argv) > 2 else 2 / 3)
