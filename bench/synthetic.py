"""A synthetic supply-chain graph in the rekg vocabulary, for benchmarks (N-Quads bytes)."""

from __future__ import annotations

import random

R = "https://w3id.org/rekg/ontology#"
I = "https://w3id.org/rekg/id/"
T = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
L = "http://www.w3.org/2000/01/rdf-schema#label"
G = "https://w3id.org/rekg/graph/synthetic"


def synthetic_nquads(triples: int, *, seed: int = 7) -> bytes:
    """About ``triples`` quads: companies, facilities, countries and supply relations with shares."""
    rng = random.Random(seed)
    countries = [f"{I}country/C{n}" for n in range(200)]
    lines: list[str] = []
    add = lambda s, p, o: lines.append(f"<{s}> <{p}> {o} <{G}> .")  # noqa: E731
    for c in countries:
        add(c, T, f"<{R}Country>")
        add(c, L, f'"Country {c[-3:]}"@en')
    n = 0
    while len(lines) < triples:
        company, facility, supply = f"{I}company/c{n}", f"{I}facility/f{n}", f"{I}supply/s{n}"
        add(company, T, f"<{R}Company>")
        add(company, L, f'"Company {n}"@en')
        add(company, f"{R}headquarteredIn", f"<{rng.choice(countries)}>")
        add(company, f"{R}operates", f"<{facility}>")
        add(facility, T, f"<{R}Refinery>")
        add(facility, f"{R}locatedIn", f"<{rng.choice(countries)}>")
        add(supply, T, f"<{R}SupplyRelation>")
        add(supply, f"{R}supplier", f"<{company}>")
        add(supply, f"{R}customer", f"<{I}company/c{rng.randrange(max(n, 1))}>")
        add(supply, f"{R}share", f'"{rng.randrange(1, 100)}"^^<http://www.w3.org/2001/XMLSchema#decimal>')
        n += 1
    return ("\n".join(lines) + "\n").encode()
