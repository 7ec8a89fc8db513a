"""The extractor's gazetteer from the graph, and its evaluation against the curated sheets."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from kg.curation.extract import Extractor
from kg.curation.gazetteer import gazetteer
from kg.curation.lexicon import NAMED_KINDS
from kg.curation.proposals import Extraction
from kg.ingest.sheets import LoadedSheet
from kg.store.base import Store
from kg.vocab import ID, graph_iri

__all__ = ["Score", "evaluate", "gold_facts", "predicted_facts"]

Fact = tuple


def _kind(ref: str) -> str:
    return ref.split("/", 1)[0]


def gold_facts(sheet: LoadedSheet, types: dict[str, str]) -> dict[str, set[Fact]]:
    """What a curated sheet says, in the extractor's terms: named-entity mentions, figure
    values, and relations of the kinds the extractor looks for."""
    model = sheet.model
    iri = lambda ref: str(ID[ref])  # noqa: E731
    entities = {iri(ref) for ref in model.mentions if _kind(ref) in NAMED_KINDS}
    figures: set[Fact] = set()
    relations: set[Fact] = set()
    parties: dict[str, list[str]] = defaultdict(list)
    imposers: dict[str, list[str]] = defaultdict(list)
    targets: dict[str, list[str]] = defaultdict(list)
    for fact in model.facts:
        if fact.figure:
            figures.add((Decimal(fact.figure.value).normalize(),))
        if fact.supply:
            if fact.supply.share is not None:
                figures.add((Decimal(fact.supply.share).normalize(),))
            relations.add(("supplies", iri(fact.supply.supplier), iri(fact.supply.customer)))
        if fact.stake:
            relations.add(("invested", iri(fact.stake.holder), iri(fact.stake.investee)))
        for s, p, o in fact.triples or []:
            if p == "party":
                parties[s].append(iri(o))
            elif p == "operates":
                relations.add(("operates", iri(s), iri(o)))
            elif p == "investedIn":
                relations.add(("invested", iri(s), iri(o)))
            elif p == "imposedBy":
                imposers[s].append(iri(o))
            elif p == "target" and types.get(s) in ("ExportRestriction", "Embargo"):
                targets[s].append(iri(o))
            elif p == "actor" and types.get(s) == "Discovery":
                relations.add(("discovered", iri(o), None))
    for members in parties.values():
        unique = sorted(set(members))
        relations |= {("agreement", frozenset((a, b))) for n, a in enumerate(unique) for b in unique[n + 1:]}
    for event, who in imposers.items():
        relations |= {("restricts", imposer, target) for imposer in who for target in (targets.get(event) or [None])}
    return {"entity mentions": {(e,) for e in entities}, "figures": figures, "relations": relations}


def predicted_facts(extraction: Extraction) -> dict[str, set[Fact]]:
    """An extraction in the same terms as :func:`gold_facts`."""
    relations: set[Fact] = set()
    for r in extraction.relations:
        relations.add(("agreement", frozenset((r.subject, r.object))) if r.kind == "agreement" else (r.kind, r.subject, r.object))
    return {
        "entity mentions": {(m.iri,) for m in extraction.mentions if m.iri and m.kind in NAMED_KINDS},
        "figures": {(Decimal(f.value).normalize(),) for f in extraction.figures},
        "relations": relations,
    }


@dataclass
class Score:
    """True positives, predictions and gold items of one kind, summed over articles."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        """Share of predictions that are in the curated sheet."""
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Share of the curated items the extractor found."""
        return self.tp / self.gold if self.gold else 1.0


def evaluate(store: Store, sheets: list[LoadedSheet], types: dict[str, str], corpus_dir: Path) -> dict[str, Score]:
    """Run the extractor over every corpus article with a curated sheet and score it.

    Each article is read with a gazetteer that leaves out its own sheet's surface forms, so
    the score is that of an article the extractor has not seen.
    """
    scores = {kind: Score() for kind in ("entity mentions", "figures", "relations")}
    for sheet in sheets:
        info = sheet.model.source
        if not info.file or not (corpus_dir / info.file).is_file():
            continue
        forms = gazetteer(store, exclude_graph=str(graph_iri(info.id)))
        extraction = Extractor(forms).extract((corpus_dir / info.file).read_text(encoding="utf-8"))
        gold, predicted = gold_facts(sheet, types), predicted_facts(extraction)
        for kind, score in scores.items():
            score.tp += len(gold[kind] & predicted[kind])
            score.predicted += len(predicted[kind])
            score.gold += len(gold[kind])
    return scores
