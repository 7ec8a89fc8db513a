"""Modality: how a source puts a fact, and the lint that asks a sheet to say it.

The modalities are the ``rekg:Modality`` individuals of the ontology; the words that mark a
quote as modal or forward-looking are a data file curators can read
(``ontology/modality-markers.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml
from rdflib import RDF, Graph, URIRef

from kg.vocab import MODALITY_MARKERS_FILE, REKG

__all__ = ["Marker", "factual_modalities", "find_marker", "load_markers", "modalities", "undated"]


@dataclass(frozen=True)
class Marker:
    """Words that mark a quote as modal, and the modality they usually mark."""

    marker: str
    suggests: str

    @property
    def pattern(self) -> re.Pattern[str]:
        """The words as a whole-word, any-case pattern (spaces match any run of spacing)."""
        words = r"\s+".join(re.escape(w) for w in self.marker.split())
        return re.compile(rf"(?<![\w'’-]){words}(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def load_markers() -> tuple[Marker, ...]:
    """The markers of ``ontology/modality-markers.yaml``, longest first."""
    data = yaml.safe_load(MODALITY_MARKERS_FILE.read_text(encoding="utf-8"))
    markers = [Marker(str(m["marker"]), str(m["suggests"])) for m in data["markers"]]
    return tuple(sorted(markers, key=lambda m: -len(m.marker)))


def find_marker(quote: str) -> Marker | None:
    """The first (longest) marker that occurs whole in ``quote``, or None.

    >>> find_marker("India aims to become a hub").suggests
    'aim'
    >>> find_marker("The mine is operated by Lynas") is None
    True
    >>> find_marker("Japan, for instance, leads") is None
    True
    >>> find_marker("They signed a memorandum on 14 May 2026") is None
    True
    """
    quote = undated(quote)
    for marker in load_markers():
        if marker.pattern.search(quote):
            return marker
    return None


def undated(quote: str) -> str:
    """``quote`` without the dates whose month reads as a marker: "on 14 May 2026" is no possibility."""
    return _MONTH_OF_MAY.sub(lambda date: " " * len(date.group()), quote)  # offsets kept


_MONTH_OF_MAY = re.compile(r"\b\d{1,2}\s+May\b|\bMay\s+(?=\d)|\b(?:in|of|since|until|early|late|mid-)\s*May\b")


def modalities(ontology: Graph) -> dict[URIRef, bool]:
    """Every modality of ``ontology`` and whether it is factual (its claims are plain triples)."""
    return {m: bool(ontology.value(m, REKG.isFactual)) for m in ontology.subjects(RDF.type, REKG.Modality) if isinstance(m, URIRef)}


def factual_modalities(ontology: Graph) -> frozenset[URIRef]:
    """The modalities whose claims are plain triples (stated, reported)."""
    return frozenset(m for m, factual in modalities(ontology).items() if factual)
