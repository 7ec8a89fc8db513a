"""The extractor's gazetteer from the graph, and its evaluation against the curated sheets."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from kg.curation.draft import (
    agreement_parties,
    draft_facts,
    drafted_figures,
    drafted_node,
    figure_metric,
    figure_subject,
    placed_party,
)
from kg.curation.extract import Extractor
from kg.curation.gazetteer import gazetteer
from kg.curation.lexicon import NAMED_KINDS
from kg.curation.modal import drafted_modality, parties_of
from kg.curation.proposals import Extraction
from kg.ingest.modality import find_marker
from kg.ingest.sheets import LoadedSheet
from kg.store.base import Store
from kg.vocab import ID, entity_ref, graph_iri

__all__ = ["TARGETS", "Score", "aligned_new_entities", "evaluate", "gold_facts", "missed_targets", "modality_agreement", "predicted_facts"]

Fact = tuple
_SHARE_KINDS = {"supplies": "supply-share", "invested": "stake-share"}  # a share drafted on a relation, as the gold's shares are scored


def _kind(ref: str) -> str:
    return ref.split("/", 1)[0]


def gold_facts(sheet: LoadedSheet, types: dict[str, str]) -> dict[str, set[Fact]]:
    """What a curated sheet says, in the extractor's terms: named-entity mentions, figure
    values, and relations of the kinds the extractor looks for (a position held: the holder and
    the actor the position is in)."""
    model = sheet.model
    iri = lambda ref: str(ID[ref])  # noqa: E731
    entities = {iri(ref) for ref in [*model.mentions, *(entry.id for entry in model.entities)] if _kind(ref) in NAMED_KINDS}
    figures: set[Fact] = set()
    relations: set[Fact] = set()
    parties: dict[str, list[str]] = defaultdict(list)
    talks: set[str] = set()  # agreements in talks, and talks (Negotiation): whose parties are in talks
    imposers: dict[str, list[str]] = defaultdict(list)
    targets: dict[str, list[str]] = defaultdict(list)
    held: dict[str, list[str]] = defaultdict(list)  # position -> its holders
    where: dict[str, str] = {}  # position -> the actor it is in
    for fact in model.facts:
        if fact.figure:
            figures.add((Decimal(fact.figure.value).normalize(),))
        if fact.supply:
            if fact.supply.share is not None:
                figures.add((Decimal(fact.supply.share).normalize(),))
            relations.add(("supplies", iri(fact.supply.supplier), iri(fact.supply.customer)))
        if fact.stake:
            if fact.stake.share is not None:
                figures.add((Decimal(fact.stake.share).normalize(),))
            relations.add(("invested", iri(fact.stake.holder), iri(fact.stake.investee)))
        for s, p, o in fact.triples or []:
            if p == "party" or (p == "actor" and types.get(s) == "Negotiation"):
                parties[s].append(iri(o))
                if fact.how == "talks" or p == "actor":
                    talks.add(s)
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
            elif p == "holdsPosition":
                held[o].append(iri(s))
            elif p == "positionIn":
                where[s] = iri(o)
    for node, members in parties.items():
        unique = sorted(set(members))
        kind = "talks" if node in talks else "agreement"
        relations |= _pairs(kind, unique)
    relations |= {("position", holder, where.get(position)) for position, holders in held.items() for holder in holders}
    for event, who in imposers.items():
        relations |= {("restricts", imposer, target) for imposer in who for target in (targets.get(event) or [None])}
    described = (
        {(Decimal(f.figure.value).normalize(), f.figure.metric, iri(f.figure.subject)) for f in model.facts if f.figure}
        | {
            (Decimal(f.supply.share).normalize(), "supply-share", iri(f.supply.supplier), iri(f.supply.customer))
            for f in model.facts
            if f.supply and f.supply.share is not None
        }
        | {
            (Decimal(f.stake.share).normalize(), "stake-share", iri(f.stake.holder), iri(f.stake.investee))
            for f in model.facts
            if f.stake and f.stake.share is not None
        }
    )
    return {
        "entity mentions": {(e,) for e in entities},
        "figures": figures,
        "figures (metric, subject)": described,
        "figures stated (no todo)": described,
        "relations": relations,
    }


def aligned_new_entities(extraction: Extraction, sheet: LoadedSheet) -> dict[str, str]:
    """Which entity of the gold sheet each new candidate of the draft is: the names a draft
    makes up for entities the graph does not know are not the curator's, so a candidate stands
    for the gold sheet's entity of its kind (new, or one whose forms were held out with the
    sheet) that the gold gives the same surface form, or that a gold fact quoting the
    candidate's sentence names; an agreement or event the draft makes up for a relation stands
    for the gold's of its kind that a fact quoting the relation's sentence names (``{draft IRI:
    gold IRI}``)."""
    model = sheet.model
    quoted: dict[str, list[str]] = defaultdict(list)  # gold entity -> the quotes of the facts naming it
    for fact in model.facts:
        named = {str(v) for v in fact.model_dump(exclude_none=True).values() if isinstance(v, str)}
        content = fact.figure or fact.supply or fact.stake or fact.link
        named |= {str(v) for v in (content.model_dump().values() if content else ())} | {
            str(t) for triple in fact.triples or [] for t in triple
        }
        for ref in named:
            quoted[ref].append(fact.quote)
    # the sheet's forms are held out: the known entities it names are new to the draft too
    new = {entry.id for entry in model.entities} | set(model.mentions) | set(quoted)
    labels = {entry.id: entry.label for entry in model.entities}
    aligned: dict[str, str] = {}
    unnamed = sorted((m for m in extraction.mentions if m.iri is None), key=lambda m: m.name is not None)  # its name before its short forms
    for mention in unnamed:  # by form first: a name the gold gives, or one it holds ("Microsoft's Climate Innovation Fund")
        if mention.ref_iri in aligned:
            continue
        texts = [t for t in (mention.name, mention.text) if t]  # "plants in Baotou" (met at "Baotou", in a list of places) first
        by_form = [ref for text in texts for ref in sorted(new) if _kind(ref) == mention.kind and text in model.mentions.get(ref, [])]
        within = [  # a longer name of any kind that holds it, or the very name under another kind ("JAMSTEC" an agency)
            ref
            for text in texts
            for ref in sorted(new)
            if any(text == form or (" " in text and text in form) for form in model.mentions.get(ref, []))
            and not (text != texts[0] and _kind(ref) in ("city", "region", "country"))  # "plants in Baotou": not the city
        ]
        if chosen := (by_form or within)[:1]:
            aligned[mention.ref_iri] = str(ID[chosen[0]])
    taken = set(aligned.values())
    for mention in (m for m in unnamed if m.ref_iri not in aligned):  # then by quote, an entity not taken by a form
        sentence = extraction.sentences[mention.sentence].text
        candidates = [ref for ref in sorted(new) if _kind(ref) == mention.kind and str(ID[ref]) not in taken]
        words = set(re.findall(r"\b[A-Z][\w'’-]+", mention.name or mention.text))
        candidates.sort(key=lambda ref: not words & set(re.findall(r"\b[A-Z][\w'’-]+", labels.get(ref, ""))))  # "plants in Baotou":
        if chosen := [ref for ref in candidates if any(q in sentence or sentence in q for q in quoted[ref])][:1]:  # the Baotou plant
            aligned[mention.ref_iri] = str(ID[chosen[0]])
    for relation in extraction.relations:  # the agreements and events a draft makes up, by the sentence that states them
        node = drafted_node(relation, extraction)
        if node is None:
            continue
        sentence = extraction.sentences[relation.sentence].text
        quoting = [ref for ref in sorted(new) if _kind(ref) == _kind(node) and any(q in sentence or sentence in q for q in quoted[ref])]
        if quoting:
            aligned[str(ID[node])] = str(ID[quoting[0]])
    return aligned


def _pairs(kind: str, parties: list[str]) -> set[Fact]:
    """Each pair of an agreement's (or talks') parties, as one relation fact of ``kind``."""
    return {(kind, frozenset((a, b))) for n, a in enumerate(parties) for b in parties[n + 1 :]}


def predicted_facts(extraction: Extraction, aligned: dict[str, str] | None = None) -> dict[str, set[Fact]]:
    """An extraction in the same terms as :func:`gold_facts`, its new candidates named as
    ``aligned`` says (see :func:`aligned_new_entities`)."""
    name = lambda iri: (aligned or {}).get(iri, iri) if iri else iri  # noqa: E731
    relations: set[Fact] = set()
    for r in extraction.relations:
        subject, obj = name(r.subject), name(r.object)
        sentence = extraction.sentences[r.sentence]
        at = r.at - sentence.start if r.at is not None else None
        talks = r.kind == "talks" or (r.kind == "agreement" and drafted_modality(sentence.text, at=at) == "talks")
        if r.kind == "agreement" and not talks:  # the drafted agreement's parties, each pair ("signed with A and B": one of three)
            relations |= _pairs("agreement", sorted({str(name(p)) for p in agreement_parties(r, extraction) if p}))
            continue
        placed = placed_party(r, extraction)  # drafted as a todo: no actor named
        subject, obj = (None if placed == "supplier" else subject), (None if placed == "customer" else obj)
        relations.add(("talks", frozenset((subject, obj))) if r.kind in ("agreement", "talks") else (r.kind, subject, obj))
    sentences = extraction.sentences
    shares = [r for r in extraction.relations if r.share is not None]
    described = {
        (Decimal(f.value).normalize(), figure_metric(f, sentences[f.sentence].text), name(str(ID[figure_subject(f, extraction)])))
        for f in drafted_figures(extraction)
    } | {(Decimal(r.share).normalize(), _SHARE_KINDS[r.kind], name(r.subject), name(r.object)) for r in shares}
    return {
        "entity mentions": {(name(m.ref_iri),) for m in extraction.mentions if m.kind in NAMED_KINDS},
        "figures": {(Decimal(f.value).normalize(),) for f in extraction.figures} | {(Decimal(r.share).normalize(),) for r in shares},
        "figures (metric, subject)": described,
        "figures stated (no todo)": {f for f in described if not any("todo" in str(part) for part in f)},  # what a draft says it knows
        "relations": relations,
    }


def _fact_keys(fact: dict[str, Any], name: Callable[[str], str] = str) -> set[tuple[str, ...]]:
    """What a fact (a sheet's, as plain data) states, as keys to match a drafted fact with a
    curated one: its figure's value, its supply's or stake's two ends, its triples of the kinds a
    draft makes (a position held by its holder alone: the draft names no position)."""
    keys: set[tuple[str, ...]] = set()
    if figure := fact.get("figure"):
        keys.add(("figure", str(Decimal(str(figure["value"])).normalize())))
    if supply := fact.get("supply"):
        keys.add(("supply", name(supply["supplier"]), name(supply["customer"])))
    if stake := fact.get("stake"):
        keys.add(("stake", name(stake["holder"]), name(stake["investee"])))
        keys.add((name(stake["holder"]), "investedIn", name(stake["investee"])))  # a stake without a share is drafted so
    for s, p, o in fact.get("triples") or []:
        if p == "holdsPosition":
            keys.add((p, name(str(s))))
        elif p in ("operates", "investedIn", "party", "actor", "imposedBy", "locatedIn"):
            keys.add((name(str(s)), p, name(str(o))))
    return keys


def modality_agreement(sheet: LoadedSheet, extraction: Extraction | None = None, aligned: dict[str, str] | None = None) -> tuple[int, int]:
    """(right, all) over the curated facts whose quote holds a modal marker: how often the
    modality a draft gives such a fact is the one the curator gave (``stated`` when the
    marker does not qualify what the sentence states, as in "former President X"; a past
    state counts as right when the curator gave an end, ``when: {until: …}``). The modality is
    that of the drafted fact stating the same (of ``extraction``, its new names ``aligned``; the
    one drafted from the curated quote's sentence when two sentences state it), or,
    where the draft has none, the one a draft would give a fact of the curated quote."""
    name = lambda ref: entity_ref((aligned or {}).get(str(ID[ref]), str(ID[ref]))) or ref  # noqa: E731
    drafted = [(f.fact, _fact_keys(f.fact, name)) for f in draft_facts(extraction)] if extraction else []
    right = total = 0
    for fact in sheet.model.facts:
        if find_marker(fact.quote) is None:
            continue
        curated = "todo-past-state" if fact.when is not None and fact.when.until is not None else fact.how
        total += 1
        keys = _fact_keys(fact.model_dump(mode="json", exclude_none=True))
        matching = [f for f, drafted_keys in drafted if drafted_keys & keys]  # that of the curated quote's sentence first
        same = next((f for f in matching if fact.quote in f["quote"] or f["quote"] in fact.quote), matching[0] if matching else None)
        if same is not None:
            right += same.get("modality", "stated") == curated
            continue
        about_position = any(p == "holdsPosition" for _, p, _ in fact.triples or [])
        whose = parties_of(fact.model_dump(mode="json"))
        modality = drafted_modality(fact.quote, about_position=about_position, parties_of=whose)
        right += (modality or "stated") == curated
    return right, total


@dataclass
class Score:
    """True positives, predictions and gold items of one kind, summed over articles."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        """Share of predictions that are in the curated sheet (1.0 when nothing is predicted: no
        prediction is wrong, and what is missed counts against recall)."""
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of the curated items the extractor found."""
        return self.tp / self.gold if self.gold else 1.0


def evaluate(store: Store, sheets: list[LoadedSheet], types: dict[str, str], corpus_dir: Path) -> dict[str, Score]:
    """Run the extractor over every corpus article with a curated sheet and score it: entity
    mentions, figures (by value, and by value, metric and subject: of all drafted, and of those
    the draft states without a ``todo``), relations, and modality (the
    share of the curated facts with a modal marker whose drafted modality is the curated one).

    Each article is read with a gazetteer that leaves out its own sheet's surface forms, so
    the score is that of an article the extractor has not seen.
    """
    kinds = ("entity mentions", "figures", "figures (metric, subject)", "figures stated (no todo)", "relations", "modality")
    scores = {kind: Score() for kind in kinds}
    for sheet in sheets:
        info = sheet.model.source
        if not info.file or not (corpus_dir / info.file).is_file():
            continue
        forms = gazetteer(store, exclude_graph=str(graph_iri(info.id)))
        extraction = Extractor(forms).extract((corpus_dir / info.file).read_text(encoding="utf-8"))
        aligned = aligned_new_entities(extraction, sheet)
        gold, predicted = gold_facts(sheet, types), predicted_facts(extraction, aligned)
        for kind, score in scores.items():
            if kind == "modality":
                right, total = modality_agreement(sheet, extraction, aligned)
                score.tp, score.predicted, score.gold = score.tp + right, score.predicted + total, score.gold + total
                continue
            score.tp += len(gold[kind] & predicted[kind])
            score.predicted += len(predicted[kind])
            score.gold += len(gold[kind])
    return scores


TARGETS = {"relations": 0.7, "figures (metric, subject)": 0.8, "modality": 0.8}
"""The least precision and recall a draft should reach, by kind of item."""


def missed_targets(scores: dict[str, Score]) -> list[str]:
    """Each score below :data:`TARGETS`, as "kind precision 0.64 < 0.8"."""
    return [
        f"{kind} {measure} {value:.2f} < {target}"
        for kind, target in TARGETS.items()
        for measure, value in (("precision", scores[kind].precision), ("recall", scores[kind].recall))
        if value < target
    ]
