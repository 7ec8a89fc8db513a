"""Fact sheets written as a person writes them, and rewritten without losing their comments.

A sheet is given as plain data (what :class:`~kg.ingest.sheets.SourceSheet` reads); it is
written in the layout of the hand-made sheets of ``kg/facts/``: block mappings for the
sections and facts, one flow sequence per triple, flow mappings for a figure, supply relation,
stake, link, valid time or entity entry, double-quoted quotes and titles. A key ``"#"`` in any
mapping gives end-of-line comments (``{"#": {"figure": "check the metric"}}``).

Rewriting a sheet that exists goes through ruamel.yaml's round trip: what did not change keeps
its text, comments and quoting, and a fact that changed is updated in place, so a comment a
curator put on it stays with it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

__all__ = ["write_sheet"]

_FLOW_MAPPINGS = {"figure", "supply", "stake", "link", "when"}
_QUOTED = {"quote", "title", "label"}
_NUMBERS = {"value", "share"}
_TIMES = {"at", "from", "until"}
_SECTIONS = ("source", "entities", "mentions", "noise", "facts")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _yaml() -> YAML:
    yaml = YAML()
    yaml.width = 4096  # a quote stays on its line
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _read_otherwise(value: str) -> bool:
    """Whether the sheets' YAML reader (YAML 1.1) takes ``value`` written plain as no string
    ("NO", "yes", "on", "null")."""
    return value.lower() in _YAML11_WORDS


_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}


def _scalar(key: str | None, value: Any) -> Any:
    """A value as the hand-made sheets write it: whole numbers without a point, days as dates,
    quotes and titles in double quotes."""
    if isinstance(value, Decimal) or (isinstance(value, float) and value.is_integer()):
        return int(value) if value == int(value) else float(value)
    if isinstance(value, str) and key in _NUMBERS:
        try:
            return _scalar(None, Decimal(value))
        except ArithmeticError:
            return value
    if isinstance(value, str) and key in _TIMES and re.fullmatch(r"\d{4}", value):
        return int(value)
    if isinstance(value, str) and (key in _QUOTED or _read_otherwise(value)):
        return DoubleQuotedScalarString(value)  # "NO" (Norway's code) is no false
    if isinstance(value, str) and _DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _flow(items: CommentedSeq | CommentedMap) -> CommentedSeq | CommentedMap:
    items.fa.set_flow_style()
    return items


def _styled(value: Any, key: str | None = None, inside: str | None = None) -> Any:
    """Plain data → ruamel nodes in the layout of a hand-made sheet."""
    if isinstance(value, Mapping):
        node = CommentedMap()
        for k, v in value.items():
            if k != "#":
                node[k] = _styled(v, k, key)
        flow = key in _FLOW_MAPPINGS or inside == "entities"
        for k, comment in (value.get("#") or {}).items():
            if k in node and not flow:  # a flow mapping's notes go on its line (see below)
                node.yaml_add_eol_comment(comment, k)
        return _flow(node) if flow else node
    if isinstance(value, (list, tuple)):
        seq = CommentedSeq(_styled(v, None, key) for v in value)
        for index, item in enumerate(value):
            if key == "entities" and isinstance(item, Mapping) and item.get("#"):
                seq.yaml_add_eol_comment("; ".join(item["#"].values()), index)
        flat = all(not isinstance(v, (Mapping, list, tuple)) for v in value)
        return _flow(seq) if flat and (inside != "noise" and key != "noise") else seq
    return _scalar(key, value)


def _same(old: Any, new: Any) -> bool:
    """Whether a node read from a sheet holds the plain value ``new`` (comments and style aside)."""
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        keys = [k for k in new if k != "#"]
        return list(old) == keys and all(_same(old[k], new[k]) for k in keys)
    if isinstance(old, list) and isinstance(new, (list, tuple)):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    a, b = _scalar(None, old), _scalar(None, new)
    return bool(a == b) and isinstance(a, bool) == isinstance(b, bool)


def _merged(old: Any, new: Any, key: str | None = None, inside: str | None = None) -> Any:
    """``new`` written over ``old`` (read from the sheet on disk), keeping what did not change."""
    if _same(old, new):
        return old
    if isinstance(old, CommentedMap) and isinstance(new, Mapping):
        for k in [k for k in old if k not in new]:
            del old[k]
        for k, v in new.items():
            if k != "#":
                old[k] = _merged(old[k], v, k, key) if k in old else _styled(v, k, key)
        return old
    if key == "facts" and isinstance(old, CommentedSeq) and isinstance(new, (list, tuple)):
        return _merged_facts(old, list(new))
    return _styled(new, key, inside)


def _fact_key(fact: Mapping[str, Any]) -> tuple[str, str]:
    kind = next((k for k in ("triples", "figure", "supply", "stake", "link") if k in fact), "")
    return str(fact.get("quote", "")), kind


def _merged_facts(old: CommentedSeq, new: list[Any]) -> CommentedSeq:
    """The facts ``new``, each written over the fact on disk with the same quote and kind (the
    first unused one), so that a fact's comments stay with it; the others are new."""
    unused = list(range(len(old)))
    items = []
    for fact in new:
        match = next((i for i in unused if _fact_key(old[i]) == _fact_key(fact)), None)
        if match is None:
            items.append(_styled(fact, None, "facts"))
        else:
            unused.remove(match)
            items.append(_merged(old[match], fact, None, "facts"))
    old[:] = items
    return old


def write_sheet(sheet: Mapping[str, Any], *, previous: str | None = None, header: str | None = None) -> str:
    """The YAML text of ``sheet`` (plain data in the sections of a source sheet). With
    ``previous``, the text of the sheet on disk, the result keeps its comments and the text of
    every part that did not change; ``header`` is the comment at the top of a new sheet.

    >>> print(write_sheet({"source": {"id": "s-x", "title": "T", "url": "https://example.org"},
    ...                    "facts": [{"quote": "Acme mines", "triples": [["company/acme", "performsStage", "stage/mining"]]}]}), end="")
    source:
      id: s-x
      title: "T"
      url: https://example.org
    <BLANKLINE>
    facts:
      - quote: "Acme mines"
        triples:
          - [company/acme, performsStage, stage/mining]
    """
    yaml = _yaml()
    if previous is not None:
        doc = yaml.load(previous)
        for key in [k for k in doc if k not in sheet]:
            del doc[key]
        for key in _SECTIONS:
            if key in sheet:
                doc[key] = _merged(doc[key], sheet[key], key) if key in doc else _styled(sheet[key], key)
    else:
        doc = CommentedMap()
        comments = sheet.get("#") or {}
        for key in _SECTIONS:
            if key in sheet and (sheet[key] or key in ("source", "facts")):
                doc[key] = _styled(sheet[key], key)
                lines = ([""] if len(doc) > 1 else []) + ([comments[key]] if key in comments else [])
                if lines:
                    doc.yaml_set_comment_before_after_key(key, before="\n".join(lines))
        if header:
            doc.yaml_set_start_comment(header)
    out = io.StringIO()
    yaml.dump(doc, out)
    return out.getvalue()
