"""A synthetic supply-chain graph in the rekg vocabulary, for benchmarks (N-Quads bytes).

Shaped like the real graph so the named questions do real work on it: countries (Japan and
China among them), companies with head offices, refineries they operate, magnet makers,
supply relations of NdPr with shares, sources and evidence quotes; it conforms to the shapes.
"""

from __future__ import annotations

import random

R = "https://w3id.org/rekg/ontology#"
ID = "https://w3id.org/rekg/id/"
T = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
L = "http://www.w3.org/2000/01/rdf-schema#label"
SUB = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
PROV = "http://www.w3.org/ns/prov#wasDerivedFrom"
OA = "http://www.w3.org/ns/oa#"
G = "https://w3id.org/rekg/graph/synthetic"
TITLE = "http://purl.org/dc/terms/title"
SOURCES = 500
NAMES = {"JP": "Japan", "CN": "China"}  # as in the registry, so the graph loads beside the real one
# the materials' labels as in the ontology: a second label would be a second name, and a second row
# for every answer that names the material
MATERIALS = {
    "ndpr": "NdPr",
    "rare-earth-oxides": "rare earth oxides",
    "lithium": "lithium",
    "gallium": "gallium",
    "rare-earth-ore": "rare earth ore",
    "ndfeb-magnet": "NdFeB magnet",
}
REFINED = ["ndpr", "rare-earth-oxides", "lithium", "gallium"]
DOWNSTREAM = {"mining": "refining", "refining": "magnets"}  # who a company of each stage sells to


def synthetic_nquads(triples: int, *, seed: int = 7, company_customers: float = 2 / 3) -> bytes:
    """About ``triples`` quads of companies, their facilities and supply relations.

    Like the real graph, the chain is layered: miners (3 in 10 companies) sell ore to refiners
    (6 in 10), refiners sell NdPr, oxides, lithium or gallium to magnet makers (1 in 10), magnet
    makers sell magnets; each sells to a company of the next stage with the probability
    ``company_customers``, else to a country. (An earlier version let any company sell any
    material to anyone: past 150k triples its supply chains closed into cycles through the
    countries, and the transitive closure of ``upstreamOf`` grew with the square of the graph.)
    """
    rng = random.Random(seed)
    countries = [f"{ID}country/JP", f"{ID}country/CN"] + [f"{ID}country/C{n}" for n in range(198)]
    lines: list[str] = []
    companies: dict[str, list[str]] = {"mining": [], "refining": [], "magnets": []}
    add = lambda s, p, o: lines.append(f"<{s}> <{p}> {o} <{G}> .")  # noqa: E731
    add(f"{R}SeparationPlant", SUB, f"<{R}Refinery>")
    add(f"{ID}material/ndfeb-magnet", f"{R}madeFrom", f"<{ID}material/ndpr>")
    for m, label in MATERIALS.items():
        add(f"{ID}material/{m}", T, f"<{R}Material>")
        add(f"{ID}material/{m}", L, f'"{label}"@en')
    for n, c in enumerate(countries):
        code = c.rsplit("/", 1)[-1] if n < 2 else chr(65 + n // 26) + chr(65 + n % 26)
        add(c, T, f"<{R}Country>")
        add(c, L, f'"{NAMES.get(code, "Country " + code)}"@en')
        add(c, f"{R}isoCode", f'"{code}"')
    for n in range(SOURCES):
        add(f"{ID}source/s{n}", T, f"<{R}Source>")
        add(f"{ID}source/s{n}", L, f'"Source {n}"@en')
        add(f"{ID}source/s{n}", TITLE, f'"Source {n}"')
    n = 0
    while len(lines) < triples:
        company, facility, supply = f"{ID}company/c{n}", f"{ID}facility/f{n}", f"{ID}supply/s{n}"
        source, evidence = f"{ID}source/s{n % SOURCES}", f"{ID}evidence/e{n}"
        stage = "magnets" if n % 10 == 0 else "mining" if n % 10 < 4 else "refining"
        add(company, T, f"<{R}Company>")
        add(company, L, f'"Company {n}"@en')
        add(company, f"{R}headquarteredIn", f"<{rng.choice(countries)}>")
        if stage == "magnets":
            add(company, f"{R}produces", f"<{ID}material/ndfeb-magnet>")
        add(company, f"{R}operates", f"<{facility}>")
        kind = {"mining": "Mine", "refining": rng.choice(["Refinery", "SeparationPlant"]), "magnets": "Facility"}[stage]
        add(facility, T, f"<{R}{kind}>")
        add(facility, L, f'"Facility {n}"@en')
        add(facility, f"{R}locatedIn", f"<{rng.choice(countries)}>")
        add(supply, T, f"<{R}SupplyRelation>")
        add(supply, f"{R}supplier", f"<{company}>")
        buyers = companies[DOWNSTREAM[stage]] if stage in DOWNSTREAM else []
        customer = rng.choice(buyers) if buyers and rng.random() < company_customers else rng.choice(countries)
        add(supply, f"{R}customer", f"<{customer}>")
        material = {"mining": "rare-earth-ore", "refining": rng.choice(REFINED), "magnets": "ndfeb-magnet"}[stage]
        add(supply, f"{R}material", f"<{ID}material/{material}>")
        companies[stage].append(company)
        add(supply, f"{R}share", f'"{rng.randrange(1, 100)}"^^<http://www.w3.org/2001/XMLSchema#decimal>')
        add(supply, PROV, f"<{source}>")
        add(supply, f"{R}evidence", f"<{evidence}>")
        add(evidence, T, f"<{R}Evidence>")
        add(evidence, f"{OA}hasSource", f"<{source}>")
        add(evidence, f"{OA}hasSelector", f"<{evidence}#q>")
        add(f"{evidence}#q", f"{OA}exact", f'"Company {n} supplies its customer."')
        n += 1
    return ("\n".join(lines) + "\n").encode()
