"""Fact sheets on disk → typed records, with the line of every field.

Two kinds of YAML file live in ``kg/facts/``:

* the **entity registry** (``entities.yaml``, top-level key ``entities``): one entry per
  real-world entity, with its type, label, alternative labels and ISO code;
* a **source sheet** (every other file, top-level keys ``source``, ``mentions``, ``facts``):
  what one source says, each fact with its evidence quote.

Every malformed field raises :class:`~kg.errors.SheetError` naming the file and line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from kg.errors import SheetError
from kg.vocab import UNITS

__all__ = [
    "REGISTRY_FILE",
    "EntityEntry",
    "Fact",
    "FigureFact",
    "LoadedSheet",
    "LocationFact",
    "NoiseSpan",
    "Registry",
    "SourceInfo",
    "SourceSheet",
    "StakeFact",
    "SupplyFact",
    "ValidTime",
    "dotted_field",
    "load_registry",
    "load_sheet",
    "load_sheets",
]

REGISTRY_FILE = "entities.yaml"

Ref = Annotated[str, Field(pattern=r"^[a-z]+/[A-Za-z0-9][A-Za-z0-9-]*$")]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Unit = Literal[tuple(UNITS)]  # type: ignore[valid-type]
Scalar = bool | int | float | str | dt.date
When = Annotated[str, Field(pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")]
"""A day (YYYY-MM-DD), month (YYYY-MM) or year (YYYY)."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EntityEntry(_Model):
    """One real-world entity of the registry."""

    id: Ref
    type: str
    label: str = Field(min_length=1)
    alt: list[str] = []
    iso: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = None


class Registry(_Model):
    """The entity registry: every actor, place, facility, agreement, event and programme."""

    entities: list[EntityEntry]


class SourceInfo(_Model):
    """Where a sheet's facts come from: a corpus file (with checksum) or a public URL."""

    id: Slug
    title: str = Field(min_length=1)
    publisher: Ref | None = None
    author: str | None = None
    date: dt.date | None = None
    file: str | None = None
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")] | None = None
    date_not_before: dt.date | None = None
    date_not_after: dt.date | None = None
    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    see_also: list[Annotated[str, Field(pattern=r"^https?://\S+$")]] = []
    reviewed_by: str | None = Field(default=None, min_length=1)
    reviewed_at: dt.datetime | None = None

    @model_validator(mode="after")
    def _file_or_url(self) -> SourceInfo:
        if not self.file and not self.url:
            raise ValueError("a source needs a corpus `file` (with `sha256`) or a public `url`")
        if self.file and not self.sha256:
            raise ValueError("a source with a corpus `file` needs the `sha256` of its text")
        if (self.reviewed_by is None) != (self.reviewed_at is None):
            raise ValueError("a review names both who (`reviewed_by`) and when (`reviewed_at`)")
        return self


class ValidTime(_Model):
    """When a fact holds, as its sentence gives it: a point (``at``), a start and/or an end
    (``from``, ``until``), or ``now`` (at the source's date). ``when: now`` and ``when: 2021``
    are short for ``{now: true}`` and ``{at: 2021}``."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    at: When | None = None
    start: When | None = Field(default=None, alias="from")
    until: When | None = None
    now: bool = False

    @model_validator(mode="before")
    @classmethod
    def _short_forms(cls, data: Any) -> Any:
        if data == "now":
            return {"now": True}
        if isinstance(data, (int, str, dt.date)) and not isinstance(data, bool):
            return {"at": data}
        return data

    @model_validator(mode="after")
    def _one_shape(self) -> ValidTime:
        if self.at is not None and (self.start or self.until):
            raise ValueError("give either `at` or `from`/`until`, not both")
        if self.now and (self.at or self.until):
            raise ValueError("`now` (at the source's date) cannot have `at` or `until`")
        if not (self.at or self.start or self.until or self.now):
            raise ValueError("`when` needs `at`, `from`, `until` or `now`")
        if self.start and self.until and self.start > self.until:
            raise ValueError(f"`from` {self.start} is after `until` {self.until}")
        return self


def _as_when(value: Any) -> Any:
    """Dates and years as YAML reads them (a date, an int) turned into the text of :data:`When`."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        return {k: _as_when(v) for k, v in value.items()}
    return value


class FigureFact(_Model):
    """A figure: subject, metric, value, unit, and when it holds."""

    subject: Ref
    metric: Slug
    value: Decimal
    unit: Unit
    hedge: str | None = None
    year: int | None = None
    period: str | None = None
    scope: str | None = None
    material: Ref | None = None
    stage: Ref | None = None


class SupplyFact(_Model):
    """A supply relation: who supplies what to whom, with the share where known."""

    supplier: Ref
    customer: Ref
    material: Ref
    via: Ref | None = None
    share: Decimal | None = None
    hedge: str | None = None
    year: int | None = None
    period: str | None = None


class StakeFact(_Model):
    """An ownership stake or investment of a holder in an investee."""

    holder: Ref
    investee: Ref
    share: Decimal | None = None
    hedge: str | None = None
    year: int | None = None


class LinkFact(_Model):
    """An entity's Wikidata item, as the cited page gives it."""

    entity: Ref
    wikidata: Annotated[str, Field(pattern=r"^Q[1-9][0-9]*$")]


class LocationFact(_Model):
    """Where an entity is, as a point the cited page gives (WGS 84 degrees)."""

    entity: Ref
    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]


class Fact(_Model):
    """One fact of a source sheet: an evidence quote and exactly one kind of content."""

    quote: str = Field(min_length=3)
    span: tuple[int, int] | None = None
    attributed_to: Ref | None = None
    hedge: str | None = None
    modality: Slug | None = None
    why: str | None = Field(default=None, min_length=3)
    when: ValidTime | None = None
    triples: list[tuple[Ref, str, Scalar]] | None = None
    figure: FigureFact | None = None
    supply: SupplyFact | None = None
    stake: StakeFact | None = None
    link: LinkFact | None = None
    location: LocationFact | None = None

    @model_validator(mode="before")
    @classmethod
    def _when_as_text(cls, data: Any) -> Any:
        if isinstance(data, dict) and "when" in data:
            data = {**data, "when": _as_when(data["when"])}
        return data

    @model_validator(mode="after")
    def _one_kind(self) -> Fact:
        kinds = [k for k in ("triples", "figure", "supply", "stake", "link", "location") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError(
                f"a fact needs exactly one of `triples`, `figure`, `supply`, `stake`, `link`, `location` (found {', '.join(kinds) or 'none'})"
            )
        if self.modality == "reported" and self.attributed_to is None:
            raise ValueError("a `reported` fact names whom the source reports it from (`attributed_to`)")
        return self

    @property
    def how(self) -> str:
        """The fact's modality: as given, else ``reported`` for a fact attributed to someone,
        else ``stated``."""
        return self.modality or ("reported" if self.attributed_to else "stated")


class NoiseSpan(_Model):
    """A passage of the source that is not about the subject (navigation, ads, teasers)."""

    start: str = Field(alias="from", min_length=3)
    end: str | None = Field(default=None, alias="to")


class SourceSheet(_Model):
    """A source sheet: the source, entities first met in it (same form as the registry's),
    the surface forms it uses, its noise, and its facts."""

    source: SourceInfo
    entities: list[EntityEntry] = []
    mentions: dict[Ref, list[str]] = {}
    noise: list[NoiseSpan] = []
    facts: list[Fact]


@dataclass(frozen=True)
class LoadedSheet:
    """A parsed file with the line of every field, so later stages can point at it."""

    path: Path
    model: Any
    lines: dict[tuple[Any, ...], int] = field(repr=False)

    def line_of(self, *loc: Any) -> int | None:
        """The line of the field at ``loc``, or of its nearest enclosing field."""
        key = tuple(loc)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.lines.get((), None)

    def error(self, problem: str, *loc: Any) -> SheetError:
        """A :class:`SheetError` pointing at the field ``loc`` of this file."""
        return SheetError(self.path, self.line_of(*loc), problem, field=dotted_field(loc) or None)


def dotted_field(loc: Sequence[Any]) -> str:
    """A field's place in a sheet as one name.

    >>> dotted_field(("facts", 2, "figure", "metric"))
    'facts[2].figure.metric'
    """
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _collect_lines(node: yaml.Node, loc: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> None:
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            _collect_lines(value_node, loc + (key,), lines)
            lines[loc + (key,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, loc + (index,), lines)


def _parse_yaml(path: Path) -> tuple[Any, dict[tuple[Any, ...], int]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SheetError(path, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise SheetError(path, None, f"cannot read the file ({exc.strerror})") from None
    loader = yaml.SafeLoader(text)
    try:  # one parse: the node tree gives the lines, the same tree gives the data
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise SheetError(path, line, f"broken YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise SheetError(path, None, f"broken YAML: {exc}") from None
    finally:
        loader.dispose()
    lines: dict[tuple[Any, ...], int] = {}
    if node is not None:
        _collect_lines(node, (), lines)
    return data, lines


def _validate(path: Path, model: type[_Model], data: Any, lines: dict[tuple[Any, ...], int]) -> LoadedSheet:
    loaded = LoadedSheet(path, None, lines)
    if not isinstance(data, dict):
        raise SheetError(path, 1, f"expected a mapping with the keys of a {model.__name__}")
    try:
        parsed = model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = [part for part in first["loc"] if not (isinstance(part, str) and "[" in part)]
        if first["type"] == "extra_forbidden":
            problem = f"unknown field {loc[-1]!r}"
        elif first["type"] == "missing":
            problem = f"required field {loc[-1]!r} is missing"
        else:
            problem = f"{first['msg']} (got {first.get('input')!r})"
        raise loaded.error(problem, *loc) from None
    return LoadedSheet(path, parsed, lines)


def load_registry(path: Path) -> LoadedSheet:
    """Read the entity registry; the model is a :class:`Registry`."""
    data, lines = _parse_yaml(path)
    return _validate(path, Registry, data, lines)


def load_sheet(path: Path) -> LoadedSheet:
    """Read one source sheet; the model is a :class:`SourceSheet`."""
    data, lines = _parse_yaml(path)
    return _validate(path, SourceSheet, data, lines)


def load_sheets(facts_dir: Path, extra: Sequence[Path] = ()) -> tuple[LoadedSheet, list[LoadedSheet]]:
    """Read the registry and every source sheet of ``facts_dir`` (sorted by file name), and the
    sheets ``extra`` (each in place of the folder's sheet of the same source, if any)."""
    registry_path = facts_dir / REGISTRY_FILE
    if not registry_path.is_file():
        raise SheetError(registry_path, None, "the entity registry is missing")
    registry = load_registry(registry_path)
    added = [load_sheet(p) for p in extra]
    replaced = {sheet.model.source.id for sheet in added}
    sheets = [
        s for s in (load_sheet(p) for p in sorted(facts_dir.glob("*.yaml")) if p.name != REGISTRY_FILE) if s.model.source.id not in replaced
    ] + added
    seen: dict[str, Path] = {}
    for sheet in sheets:
        source_id = sheet.model.source.id
        if source_id in seen:
            raise sheet.error(f"source id {source_id!r} is already used by {seen[source_id].name}", "source", "id")
        seen[source_id] = sheet.path
    return registry, sheets
