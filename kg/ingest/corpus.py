"""Source texts: locating the corpus, checking checksums and finding evidence quotes."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from kg.errors import CorpusError
from kg.settings import env

__all__ = ["find_quote", "normalise", "resolve_corpus_dir", "sha256_of"]

_TYPOGRAPHIC = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)


def _normalise_with_map(text: str) -> tuple[str, list[int]]:
    """Fold whitespace runs to one space and typographic quotes to ASCII, keeping offsets."""
    out: list[str] = []
    offsets: list[int] = []
    previous_space = False
    for index, char in enumerate(text.translate(_TYPOGRAPHIC)):
        if char.isspace():
            if previous_space:
                continue
            char, previous_space = " ", True
        else:
            previous_space = False
        out.append(char)
        offsets.append(index)
    return "".join(out), offsets


@lru_cache(maxsize=16)
def _normalised_text(text: str) -> tuple[str, list[int]]:
    """A source text normalised once for all the quotes and mentions looked up in it."""
    return _normalise_with_map(text)


def normalise(text: str) -> str:
    """Text with whitespace folded and typographic quotes and dashes made plain.

    >>> normalise("Lynas\u2019  rare\\n earths")
    "Lynas' rare earths"
    """
    return _normalise_with_map(text)[0].strip()


def find_quote(text: str, quote: str, *, ignore_case: bool = False, whole: bool = False) -> tuple[int, int] | None:
    """Character offsets ``(start, end)`` of ``quote`` in ``text``, or None when absent.

    Whitespace and typographic quotes are normalised on both sides; the offsets point into
    the original text. With ``whole``, only an occurrence that is not part of a longer word
    counts (no letter or digit just before or after it).

    >>> find_quote("It said \u201chold our hands\u201d.", '"hold our hands"')
    (8, 24)
    >>> find_quote("the LG plant", "LG", whole=True), find_quote("ALGERIA", "LG", whole=True)
    ((4, 6), None)
    """
    haystack, offsets = _normalised_text(text)
    needle = normalise(quote)
    if not needle:
        return None
    if ignore_case:
        haystack, needle = haystack.lower(), needle.lower()
    position = haystack.find(needle)
    while whole and position >= 0 and not _stands_alone(haystack, position, position + len(needle)):
        position = haystack.find(needle, position + 1)
    if position < 0:
        return None
    return offsets[position], offsets[position + len(needle) - 1] + 1


def _stands_alone(text: str, start: int, end: int) -> bool:
    """No letter or digit touches ``text[start:end]`` on either side."""
    return not (start > 0 and text[start - 1].isalnum()) and not (end < len(text) and text[end].isalnum())


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def resolve_corpus_dir(explicit: Path | None) -> Path | None:
    """The corpus directory: ``explicit``, else ``$REKG_CORPUS``, else ``../shared/corpus``.

    The last default is looked for beside the working directory and beside the checkout.
    Returns None when no default candidate exists, in which case quotes cannot be verified.

    Raises:
        CorpusError: the folder given explicitly or by ``$REKG_CORPUS`` does not exist.
    """
    from_env = env("CORPUS")
    given = explicit or (Path(from_env) if from_env else None)
    if given is not None:
        if not given.is_dir():
            raise CorpusError(f"the corpus folder {given} does not exist: give --corpus DIR or set REKG_CORPUS")
        return given
    checkout = Path(__file__).resolve().parents[2]
    for candidate in (Path.cwd().parent / "shared" / "corpus", checkout.parent / "shared" / "corpus"):
        if candidate.is_dir():
            return candidate
    return None
