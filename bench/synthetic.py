"""A synthetic supply-chain graph in the rekg vocabulary, for benchmarks (N-Quads bytes).

Shaped like the real graph so the named questions do real work on it: countries (Japan and
China among them), companies with head offices, refineries they operate, magnet makers,
supply relations of NdPr with shares, sources and evidence quotes.
"""

from __future__ import annotations

import random

R = "https://w3id.org/rekg/ontology#"
I = "https://w3id.org/rekg/id/"
T = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
L = "http://www.w3.org/2000/01/rdf-schema#label"
SUB = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
PROV = "http://www.w3.org/ns/prov#wasDerivedFrom"
OA = "http://www.w3.org/ns/oa#"
G = "https://w3id.org/rekg/graph/synthetic"
MATERIALS = ["ndpr", "rare-earth-oxides", "lithium", "gallium", "rare-earth-ore"]


def synthetic_nquads(triples: int, *, seed: int = 7, company_customers: float = 2 / 3) -> bytes:
    """About ``triples`` quads of companies, refineries, magnet makers and supply relations.

    ``company_customers`` is the share of supply relations whose customer is another company
    (the rest go to countries): it sets how long supply chains get, and so how large the
    transitive closure of ``upstreamOf`` is.
    """
    rng = random.Random(seed)
    countries = [f"{I}country/JP", f"{I}country/CN"] + [f"{I}country/C{n}" for n in range(198)]
    lines: list[str] = []
    add = lambda s, p, o: lines.append(f"<{s}> <{p}> {o} <{G}> .")  # noqa: E731
    add(f"{R}SeparationPlant", SUB, f"<{R}Refinery>")
    add(f"{I}material/ndfeb-magnet", f"{R}madeFrom", f"<{I}material/ndpr>")
    for m in MATERIALS + ["ndfeb-magnet"]:
        add(f"{I}material/{m}", L, f'"{m}"@en')
    for c in countries:
        add(c, T, f"<{R}Country>")
        add(c, L, f'"Country {c.rsplit("/", 1)[-1]}"@en')
    n = 0
    while len(lines) < triples:
        company, facility, supply = f"{I}company/c{n}", f"{I}facility/f{n}", f"{I}supply/s{n}"
        source, evidence = f"{I}source/s{n % 500}", f"{I}evidence/e{n}"
        add(company, T, f"<{R}Company>")
        add(company, L, f'"Company {n}"@en')
        add(company, f"{R}headquarteredIn", f"<{rng.choice(countries)}>")
        if n % 10 == 0:
            add(company, f"{R}produces", f"<{I}material/ndfeb-magnet>")
        add(company, f"{R}operates", f"<{facility}>")
        add(facility, T, f"<{R}{rng.choice(['Refinery', 'SeparationPlant', 'Mine'])}>")
        add(facility, L, f'"Facility {n}"@en')
        add(facility, f"{R}locatedIn", f"<{rng.choice(countries)}>")
        add(supply, T, f"<{R}SupplyRelation>")
        add(supply, f"{R}supplier", f"<{company}>")
        to_company = n > 0 and rng.random() < company_customers
        customer = f"{I}company/c{rng.randrange(n)}" if to_company else rng.choice(countries)
        add(supply, f"{R}customer", f"<{customer}>")
        add(supply, f"{R}material", f"<{I}material/{rng.choice(MATERIALS)}>")
        add(supply, f"{R}share", f'"{rng.randrange(1, 100)}"^^<http://www.w3.org/2001/XMLSchema#decimal>')
        add(supply, PROV, f"<{source}>")
        add(supply, f"{R}evidence", f"<{evidence}>")
        add(evidence, f"{OA}hasSelector", f"<{evidence}#q>")
        add(f"{evidence}#q", f"{OA}exact", f'"Company {n} supplies its customer."')
        add(source, L, f'"Source {n % 500}"@en')
        n += 1
    return ("\n".join(lines) + "\n").encode()
