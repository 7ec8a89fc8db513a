"""A sheet under review: checked field by field, saved as a person writes it, and applied.

A :class:`Review` is an article's text and the sheet a curator made of it (plain data, as
:class:`~kg.ingest.sheets.SourceSheet` reads it). It is staged in a hidden folder inside the
facts folder — the sheet, merged over the one on disk if any (:mod:`kg.curation.sheet_yaml`),
and its text under ``texts/`` — and checked there by the same code as ``rekg build``: the sheet
schema, the quotes against the text, the modality lint, then the SHACL shapes of the nodes the
sheet touches, against the store. Saving moves the staged files into the facts folder; applying
first loads the staged sheet into the store incrementally (all or nothing), then saves. Nothing
is written when a check fails.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from rdflib import URIRef

from kg.curation.sheet_yaml import write_sheet
from kg.errors import KgError, SheetError, ValidationFailed
from kg.ingest.build import TEXTS_DIR, build_dataset
from kg.ingest.change import WarmEngines, shape_violations
from kg.ingest.pipeline import BuildSummary, apply_sheet
from kg.ingest.sheets import REGISTRY_FILE, SourceSheet, dotted_field
from kg.ingest.validate import ShapeResult
from kg.store.base import Store
from kg.vocab import graph_iri, short_name

__all__ = ["Problem", "Review", "ReviewRefused"]


@dataclass(frozen=True)
class Problem:
    """What is wrong with one field of a sheet (``facts[2].figure``, ``source.id``), and where
    the field is not known, ``""``."""

    field: str
    message: str


class ReviewRefused(KgError):
    """The reviewed sheet does not pass its checks; ``problems`` say where. Nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s); nothing was written: " + "; ".join(f"{p.field}: {p.message}" for p in problems))


def _schema_problems(data: dict[str, Any]) -> list[Problem]:
    """Every field of ``data`` the sheet schema refuses, each with its dotted name."""
    try:
        SourceSheet.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = [part for part in error["loc"] if not (isinstance(part, str) and "[" in part)]
            message = {"extra_forbidden": "unknown field", "missing": "required field is missing"}.get(error["type"], error["msg"])
            problems.append(Problem(dotted_field(loc), message))
        return problems
    return []


def _shape_problem(result: ShapeResult, origins: dict[URIRef, Any], facts: list[dict[str, Any]]) -> Problem:
    """A violation of the shapes as a problem of the fact that made its node, or that names it."""
    path = f" ({short_name(URIRef(result.path))})" if result.path else ""
    value = f": got {result.value}" if result.value is not None else ""
    origin = origins.get(URIRef(result.focus))
    if origin is not None:
        return Problem(dotted_field(origin[1]), f"{result.message}{path}{value}")
    ref = result.focus.rsplit("/id/", 1)[-1]
    naming = next((i for i, f in enumerate(facts) if any(ref in map(str, t) for t in f.get("triples") or [])), None)
    where = f"facts[{naming}]" if naming is not None else ""
    return Problem(where, f"{ref}: {result.message}{path}{value}")


def _without_notes(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_notes(v) for k, v in value.items() if k != "#"}
    if isinstance(value, list):
        return [_without_notes(v) for v in value]
    return value


@dataclass(frozen=True)
class Review:
    """An article's text and the sheet reviewed from it, for the facts folder ``facts_dir``."""

    facts_dir: Path
    text: str
    sheet: dict[str, Any]
    reviewer: str

    @property
    def source_id(self) -> str:
        """The id of the sheet's source (checked by the schema)."""
        return str(self.sheet.get("source", {}).get("id", ""))

    @property
    def sheet_path(self) -> Path:
        """Where the sheet is saved: ``<source id>.yaml`` in the facts folder."""
        return self.facts_dir / f"{self.source_id}.yaml"

    @property
    def text_path(self) -> Path:
        """Where the article's text is saved, beside the sheets."""
        return self.facts_dir / TEXTS_DIR / f"{self.source_id}.txt"

    def completed(self, when: dt.datetime) -> dict[str, Any]:
        """The sheet with its source's file, the text's checksum and the review (who, when),
        without a draft's notes (``"#"`` keys: what to check, which the review did)."""
        sheet = _without_notes(self.sheet)
        source = {
            **sheet.get("source", {}),
            "file": self.text_path.name,
            "sha256": hashlib.sha256(self.text.encode("utf-8")).hexdigest(),
            "reviewed_by": self.reviewer,
            "reviewed_at": when.replace(microsecond=0),
        }
        return {**sheet, "source": source}

    def yaml(self, when: dt.datetime) -> str:
        """The sheet's YAML as it would be saved: written over the sheet on disk, if any, so its
        comments stay."""
        previous = self.sheet_path.read_text(encoding="utf-8") if self.sheet_path.is_file() else None
        return write_sheet(self.completed(when), previous=previous, header=f"Source sheet reviewed with /curate by {self.reviewer}.")

    @contextmanager
    def staged(self, when: dt.datetime) -> Iterator[Path]:
        """The sheet and its text written into a hidden folder of the facts folder (the build
        does not read it); yields the staged sheet's path and removes the folder after."""
        folder = Path(tempfile.mkdtemp(prefix=".review-", dir=self.facts_dir))
        try:
            (folder / TEXTS_DIR).mkdir()
            (folder / TEXTS_DIR / self.text_path.name).write_text(self.text, encoding="utf-8")
            sheet = folder / self.sheet_path.name
            sheet.write_text(self.yaml(when), encoding="utf-8")
            yield sheet
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _early_problems(self, when: dt.datetime) -> list[Problem]:
        problems = _schema_problems(self.completed(when))
        if not problems and self.source_id + ".yaml" == REGISTRY_FILE:
            problems.append(Problem("source.id", f"{self.source_id!r} is the registry's file name"))
        if self.text_path.is_file() and self.text_path.read_text(encoding="utf-8") != self.text:
            problems.append(Problem("source.id", f"another text is already stored as {TEXTS_DIR}/{self.text_path.name}"))
        return problems

    def _problems_of(self, sheet: Path, store: Store, corpus_dir: Path | None) -> list[Problem]:
        try:
            built = build_dataset(self.facts_dir, corpus_dir=corpus_dir, extra=[sheet], collect_problems=True)
        except SheetError as error:
            return [Problem(error.field or "", error.problem)]
        problems = [Problem(e.field or "", e.problem) for e in built.problems]
        graph = graph_iri(self.source_id)
        inserted = [(s, p, o, str(graph)) for s, p, o in built.dataset.graph(graph)]
        violations = shape_violations(store, store.quads(graph=str(graph)), inserted)
        return problems + [_shape_problem(v, built.origins, list(self.sheet.get("facts") or [])) for v in violations]

    def check(self, store: Store, corpus_dir: Path | None, when: dt.datetime | None = None) -> tuple[str, list[Problem]]:
        """The YAML the sheet would be saved as, and every problem of its fields; nothing is
        written but a staging folder, removed after."""
        when = when or dt.datetime.now(dt.UTC)
        if problems := self._early_problems(when):
            return "", problems
        with self.staged(when) as sheet:
            return sheet.read_text(encoding="utf-8"), self._problems_of(sheet, store, corpus_dir)

    @contextmanager
    def _checked(self, store: Store, corpus_dir: Path | None) -> Iterator[Path]:
        """The staged sheet, once every check has passed.

        Raises:
            ReviewRefused: a check failed."""
        when = dt.datetime.now(dt.UTC)
        if problems := self._early_problems(when):
            raise ReviewRefused(problems)
        with self.staged(when) as sheet:
            if problems := self._problems_of(sheet, store, corpus_dir):
                raise ReviewRefused(problems)
            yield sheet

    def save(self, store: Store, corpus_dir: Path | None) -> Path:
        """Check the sheet and write it and its text into the facts folder.

        Raises:
            ReviewRefused: a check failed; nothing is written."""
        with self._checked(store, corpus_dir) as sheet:
            self._move_in(sheet)
        return self.sheet_path

    def apply(self, store: Store, corpus_dir: Path | None, engines: WarmEngines | None = None) -> BuildSummary:
        """Check the sheet, load it into ``store`` incrementally (its graph, with the review's
        provenance; on the engine ``engines`` keeps for the store, if given), then write it and
        its text into the facts folder.

        Raises:
            ReviewRefused: a check failed, or the store refused the sheet; nothing is written."""
        with self._checked(store, corpus_dir) as sheet:
            try:
                summary = apply_sheet(sheet, self.facts_dir, store, corpus_dir=corpus_dir, engines=engines)
            except ValidationFailed as refused:
                raise ReviewRefused([Problem("", message) for message in refused.messages]) from None
            self._move_in(sheet)
        return summary

    def _move_in(self, staged: Path) -> None:
        """The staged text, then the staged sheet, renamed into the facts folder (each rename is atomic)."""
        self.text_path.parent.mkdir(exist_ok=True)
        os.replace(staged.parent / TEXTS_DIR / self.text_path.name, self.text_path)
        os.replace(staged, self.sheet_path)
