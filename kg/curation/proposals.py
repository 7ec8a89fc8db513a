"""What the extractor proposes for one article: mentions, figures, relations, sentences.

Plain data, free of spaCy, so that drafting and evaluation read it without the extra installed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from kg.vocab import ID

__all__ = ["Extraction", "Figure", "Mention", "Relation", "Sentence", "slugify"]


@dataclass(frozen=True)
class Mention:
    """A known entity (``iri`` set) or a new candidate (``iri`` None, ``kind`` a guess) in the text."""

    text: str
    start: int
    end: int
    iri: str | None
    kind: str
    sentence: int
    name: str | None = None  # for a new candidate met by a short form ("Iluka"), the name it was first met by
    proposed: str | None = None  # for a new place of the world's list ("Laos"), the IRI a curator gives it ("country/LA")

    @property
    def ref_iri(self) -> str:
        """The entity's IRI, or for a new candidate the IRI its draft entry proposes."""
        return self.iri or self.proposed or f"{ID}{self.kind}/{slugify(self.name or self.text)}"


@dataclass(frozen=True)
class Figure:
    """A number the text states, with unit, hedge and what it is likely about."""

    value: Decimal
    unit: str
    hedge: str | None
    text: str
    start: int
    end: int
    sentence: int
    year: int | None = None


@dataclass(frozen=True)
class Relation:
    """A relation proposed from a trigger pattern: kind, subject, object (entity IRIs or None)."""

    kind: str
    subject: str
    object: str | None
    sentence: int
    share: Decimal | None = None  # of a supply: the customer's share of its needs the supplier meets
    hedge: str | None = None  # of the share ("about")
    material: str | None = None  # of a supply: the first material its sentence names
    title: str | None = None  # of a position ("President"): its title
    at: int | None = None  # the offset in the text where the words it is read from end (its verb or noun)
    since: int | None = None  # where they begin, for a possessive whose own words alone qualify it ("its planned refinery")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article that is not boilerplate, with its character offsets."""

    text: str
    start: int
    end: int


@dataclass
class Extraction:
    """Everything proposed for one article."""

    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    references: list[Mention] = field(default_factory=list)
    resolved: dict[int, str] = field(default_factory=dict)  # a reference's start offset -> the IRI it is taken to refer to
    skipped_lines: int = 0


_UNDECOMPOSED = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "–": "-", "—": "-"}
)


def slugify(text: str) -> str:
    """A stable slug for a new entity's id.

    >>> slugify("Acme Metals Ltd.")
    'acme-metals-ltd'
    >>> slugify("Jan Moström"), slugify("Herøya")  # letters with accents as their base letters
    ('jan-mostrom', 'heroya')
    """
    plain = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
