"""What the graph holds from each source, and which of its sentences no fact cites yet."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.ingest.corpus import find_quote
from kg.ingest.sheets import LoadedSheet, NoiseSpan
from kg.store.base import Store
from kg.vocab import ID, ONTOLOGY_GRAPH, REGISTRY_GRAPH, SPARQL_PREFIXES, graph_iri

__all__ = ["SourceCoverage", "measure_coverage", "split_sentences"]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(A-Z0-9])")
_MIN_WORDS = 5  # shorter pieces are headings, captions or list fragments

_COUNTS = (
    SPARQL_PREFIXES
    + """SELECT ?g
  (COUNT(DISTINCT ?claim) AS ?relations) (COUNT(DISTINCT ?figure) AS ?figures)
  (COUNT(DISTINCT ?supply) AS ?supplies) (COUNT(DISTINCT ?stake) AS ?stakes)
WHERE { GRAPH ?g {
  # each n-ary statement counted by its kind, whatever its modality (rekg:statementKind when not stated as fact)
  { ?claim a rekg:Claim FILTER NOT EXISTS { ?claim rekg:statementKind ?kind } }
  UNION { ?figure a|rekg:statementKind rekg:Figure } UNION { ?supply a|rekg:statementKind rekg:SupplyRelation }
  UNION { ?stake a|rekg:statementKind rekg:Stake }
} }
GROUP BY ?g
"""
)

# Entities: registry entities or ontology individuals that the source's graph mentions.
_ENTITIES = (
    SPARQL_PREFIXES
    + f"""SELECT DISTINCT ?g ?entity WHERE {{
  GRAPH ?g {{ {{ ?entity ?p ?o }} UNION {{ ?s ?p ?entity }} }}
  {{ GRAPH <{REGISTRY_GRAPH}> {{ ?entity rdfs:label ?l }} }}
  UNION {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?entity rdfs:label ?l }} FILTER STRSTARTS(STR(?entity), "{ID}") }}
}}"""
)

_SPANS = (
    SPARQL_PREFIXES
    + """SELECT ?g ?start ?end WHERE { GRAPH ?g { ?selector a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end } }
"""
)


@dataclass
class SourceCoverage:
    """Counts of what one source contributes, and its sentences that no fact cites."""

    source_id: str
    entities: int
    relations: int
    figures: int
    supplies: int
    stakes: int
    sentences: int = 0
    cited: int = 0
    uncited: list[str] = field(default_factory=list)

    @property
    def claims(self) -> int:
        """Every claim of the source: relations, figures, supply relations and stakes."""
        return self.relations + self.figures + self.supplies + self.stakes

    @property
    def cited_share(self) -> float | None:
        """The share of substantive sentences that some fact cites (None without the text)."""
        return self.cited / self.sentences if self.sentences else None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (lines first, then sentence ends).

    >>> text = "One two three. Four five six.\\nSeven"
    >>> [text[a:b] for a, b in split_sentences(text)]
    ['One two three.', 'Four five six.', 'Seven']
    """
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for piece in _SENTENCE_END.split(line.group()):
            offset = text.index(piece, start)
            if piece.strip():
                spans.append((offset, offset + len(piece.rstrip())))
            start = offset + len(piece)
    return spans


def _noise_spans(text: str, noise: list[NoiseSpan]) -> list[tuple[int, int]]:
    spans = []
    for span in noise:
        first = find_quote(text, span.start)
        if first is None:
            continue
        if span.end is None:
            line_end = text.find("\n", first[1])
            spans.append((first[0], len(text) if line_end < 0 else line_end))
            continue
        last = find_quote(text[first[0] :], span.end)
        spans.append((first[0], first[0] + last[1] if last else first[1]))
    return spans


def _overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in others)


def measure_coverage(store: Store, sheets: list[LoadedSheet], corpus_dir: Path | None) -> list[SourceCoverage]:
    """Coverage of every source sheet, from the built ``store`` and the corpus texts."""
    report = []
    for loaded in sheets:
        info = loaded.model.source
        graph = {"g": graph_iri(info.id)}
        counts = next(iter(store.select(_COUNTS, bindings=graph)), None)
        entities = len(store.select(_ENTITIES, bindings=graph))
        numbers = [int(counts[name]) if counts else 0 for name in ("relations", "figures", "supplies", "stakes")]
        coverage = SourceCoverage(info.id, entities, *numbers)
        text_path = corpus_dir / info.file if corpus_dir and info.file else None
        if text_path and text_path.is_file():
            text = text_path.read_text(encoding="utf-8")
            cited = [(int(r["start"]), int(r["end"])) for r in store.select(_SPANS, bindings=graph)]
            noise = _noise_spans(text, loaded.model.noise)
            for span in split_sentences(text):
                sentence = text[span[0] : span[1]]
                is_heading = not sentence.rstrip().endswith((".", "!", "?", '"', "”", ")"))
                if len(sentence.split()) < _MIN_WORDS or is_heading or _overlaps(span, noise):
                    continue
                coverage.sentences += 1
                if _overlaps(span, cited):
                    coverage.cited += 1
                else:
                    coverage.uncited.append(" ".join(sentence.split()))
        report.append(coverage)
    return report
