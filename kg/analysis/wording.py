"""How a share and its time are worded for people, the same in every answer and picture."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

__all__ = ["share_text", "when_of"]


def share_text(value: Any, hedge: Any) -> str:
    """A share as its source words it; empty when the source gives none.

    >>> share_text(Decimal(90), "more than"), share_text(70, "~"), share_text(None, "about"), share_text(5, "planned")
    ('more than 90%', '~70%', '', '5%')
    """
    if value is None:
        return ""
    number = f"{Decimal(str(value)).normalize():f}%"
    hedge = str(hedge) if hedge is not None else ""
    if hedge == "~":
        return "~" + number
    return f"{hedge} {number}" if hedge and hedge != "planned" else number


def when_of(row: dict[str, Any]) -> str:
    """A row's year, else its period ("now", "planned", …), else "undated".

    >>> when_of({"year": 2010}), when_of({"period": "now"}), when_of({})
    ('2010', 'now', 'undated')
    """
    if row.get("year") is not None:
        return str(row["year"])
    return str(row["period"]) if row.get("period") is not None else "undated"
