"""An extraction → a draft fact sheet in the project's YAML format, for a curator to fix."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

from kg.curation.proposals import Extraction, Figure, Mention, slugify
from kg.ingest.modality import find_marker
from kg.vocab import CURRENCY_UNITS, entity_ref

__all__ = ["draft_sheet", "drafted_modality", "figure_metric", "figure_subject"]

_KIND_TYPES = {"company": "Company", "facility": "Facility", "person": "Person", "org": "Organization"}
_RELATION_PROPERTY = {"operates": "operates", "invested": "investedIn"}


def _ref(iri: str | None) -> str:
    return (entity_ref(iri) if iri else None) or "todo/unknown"


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def figure_metric(figure: Figure, sentence: str) -> str:
    """The metric a figure's sentence suggests, or ``todo-metric``."""
    lower = sentence.lower()
    if figure.unit == "count":
        return "count"
    if figure.unit == "year":
        return "development-time"
    if figure.unit == "times":
        return "demand-growth"
    if figure.unit == "tonne":
        yearly = any(w in lower for w in ("a year", "per year", "annual", "capacity"))
        if "reserve" in lower:
            return "reserves"
        if yearly and (find_marker(sentence) is not None or "capacity" in lower or "can " in lower):
            return "production-capacity"
        return "mine-production" if any(w in lower for w in ("produc", "mine", "output")) else "todo-metric"
    if figure.unit in CURRENCY_UNITS:
        return "agreement-value" if any(w in lower for w in ("agreement", "deal", "pact")) else "funding-amount"
    for words, metric in (
        (("refin", "process"), "processing-share"),
        (("reserve",), "reserves-share"),
        (("production", "produc", "output"), "production-share"),
        (("consum",), "consumption-change"),
    ):
        if any(w in lower for w in words):
            return metric
    return "todo-metric"


def figure_subject(figure: Figure, mentions: list[Mention]) -> str:
    """The entity a figure is most likely about: the last one named before it in its sentence."""
    here = [m for m in mentions if m.sentence == figure.sentence and m.iri]
    before = [m for m in here if m.start < figure.start]
    chosen = before or here
    return _ref(chosen[-1].iri) if chosen else "todo/subject"


def drafted_modality(sentence: str) -> str | None:
    """The modality a draft gives a fact of ``sentence``: the one its marker usually marks, or
    ``todo-past-state`` for a past state (the curator gives ``when: {until: …}``); None when the
    sentence has no marker (stated)."""
    marker = find_marker(sentence)
    if marker is None:
        return None
    return marker.suggests if " " not in marker.suggests else "todo-past-state"


def draft_sheet(extraction: Extraction, path: Path, *, source_id: str, text: str) -> str:
    """The draft YAML for the article at ``path``: source, new entities, mentions, facts.

    Every fact has its evidence sentence as ``quote`` and the sentence's ``span`` in the text;
    values the extractor could not decide are ``todo…`` so that ``rekg build`` points at them.
    """
    sentences = extraction.sentences
    lines = [
        f"# Draft fact sheet written by `rekg extract` from {path.name} on {date.today().isoformat()}.",
        "# Check every entry against the text; replace each todo; drop what is wrong; then move it to kg/facts/.",
        "source:",
        f"  id: {source_id}",
        f"  title: {_q(next((s.text for s in sentences if len(s.text.split()) >= 4), path.stem)[:200])}",
        f"  file: {path.name}",
        f"  sha256: {hashlib.sha256(text.encode('utf-8')).hexdigest()}",
        "",
    ]
    new = {}
    for mention in extraction.mentions:
        if mention.iri is None:
            new.setdefault((mention.kind, slugify(mention.text)), mention)
    if new:
        lines.append("# New candidate entities (not in the graph yet): check the type, or move them to entities.yaml.")
        lines.append("entities:")
        for (kind, slug), mention in sorted(new.items()):
            lines.append(
                f"  - {{id: {kind}/{slug}, type: {_KIND_TYPES.get(kind, 'Organization')}, label: {_q(mention.text)}}}"
                f"  # new, in: {_q(sentences[mention.sentence].text[:90])}"
            )
        lines.append("")
    forms: dict[str, list[str]] = {}
    for mention in extraction.mentions:
        ref = _ref(mention.iri) if mention.iri else f"{mention.kind}/{slugify(mention.text)}"
        if mention.text not in forms.setdefault(ref, []):
            forms[ref].append(mention.text)
    lines.append("mentions:")
    for ref, texts in sorted(forms.items()):
        lines.append(f"  {ref}: [{', '.join(_q(t) for t in texts)}]")
    for reference in extraction.references:
        lines.append(f"  # reference to resolve: {_q(reference.text)} in {_q(sentences[reference.sentence].text[:90])}")
    lines += ["", "facts:"]

    def fact(sentence_index: int, body: list[str]) -> None:
        sentence = sentences[sentence_index]
        lines.append(f"  - quote: {_q(sentence.text)}")
        lines.append(f"    span: [{sentence.start}, {sentence.end}]")
        if (suggested := drafted_modality(sentence.text)) is not None:
            marker = find_marker(sentence.text)
            assert marker is not None
            lines.append(f"    modality: {suggested}  # the sentence says {_q(marker.marker)}: check")
        lines.extend(f"    {line}" for line in body)

    for figure in extraction.figures:
        sentence = sentences[figure.sentence].text
        parts = [
            f"subject: {figure_subject(figure, extraction.mentions)}",
            f"metric: {figure_metric(figure, sentence)}",
            f"value: {figure.value}",
            f"unit: {figure.unit}",
        ]
        if figure.hedge:
            parts.append(f"hedge: {_q(figure.hedge)}")
        fact(figure.sentence, [f"figure: {{{', '.join(parts)}}}  # {_q(figure.text)}"])
    for relation in extraction.relations:
        subject, obj = _ref(relation.subject), _ref(relation.object)
        if relation.kind == "supplies":
            fact(relation.sentence, [f"supply: {{supplier: {subject}, customer: {obj}, material: todo/material}}"])
        elif relation.kind == "agreement":
            agreement = f"agreement/todo-{slugify(subject)}-{slugify(obj)}"
            fact(relation.sentence, ["triples:", f"  - [{agreement}, party, {subject}]", f"  - [{agreement}, party, {obj}]"])
        elif relation.kind in _RELATION_PROPERTY:
            fact(relation.sentence, ["triples:", f"  - [{subject}, {_RELATION_PROPERTY[relation.kind]}, {obj}]"])
        elif relation.kind == "restricts":
            event = f"event/todo-{slugify(subject)}-export-restriction"
            body = ["triples:", f"  - [{event}, imposedBy, {subject}]"]
            if relation.object:
                body.append(f"  - [{event}, target, {obj}]")
            fact(relation.sentence, body)
        elif relation.kind == "discovered":
            fact(relation.sentence, ["triples:", f"  - [event/todo-{slugify(subject)}-discovery, actor, {subject}]"])
    return "\n".join(lines) + "\n"
