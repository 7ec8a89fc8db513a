"""The graph as it stood on a date, by valid time: what a question asked ``asOf`` a day reads.

A claim holds on a day when its valid time allows it:

* ``rekg:validFrom`` / ``rekg:validUntil``: from the start of the one to the end of the other
  (for an observation, from the start on);
* ``rekg:validAt`` of a simple statement: during that day, month or year only (a point in time);
  of a figure, supply relation or stake: from then on (an observation stays the latest known
  until a later one);
* ``rekg:atSourceDate`` (said to hold now): from the source's date, or from its ``notBefore``;
* a statement of a date (``rekg:date``, ``rekg:year``): from that date;
* of the figures one source gives of one thing (subject, metric, scope, material, stage), the
  latest that holds on the day.

An entity with a date (an agreement's signing, an event's day, an alliance's launch) exists from
its earliest date that holds; before it, nothing is said of it. The view keeps the asserted
graphs with the plain triples of the claims that hold on the day (past states included) and
without those of claims that do not, marks figures, supply relations and stakes that do not hold
as claims of their kind, and reasons over the result afresh: partnerships as of the day follow
from agreements in force that day. Non-factual claims (planned, possibility, ...) stay claims.
"""

from __future__ import annotations

import calendar
import datetime as dt
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import PROV, RDF, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryParameterError
from kg.ingest.modality import factual_modalities
from kg.ontology import load_ontology
from kg.reasoning.closure import reason
from kg.store.base import Quad, Store
from kg.store.embedded import EmbeddedStore
from kg.store.queries import QueryParam
from kg.vocab import DERIVED_GRAPHS, INFERRED_GRAPH, ONTOLOGY_GRAPH, REKG

__all__ = ["AS_OF_PARAMETER", "AsOfViews", "ClaimTime", "parse_day", "period_of", "view_as_of"]

AS_OF_PARAMETER = QueryParam("asOf", "date", None, "answer as the graph stood on this day (YYYY-MM-DD), by valid time; default: today")
"""The parameter every named question takes besides its own."""

_N_ARY = (REKG.Figure, REKG.SupplyRelation, REKG.Stake)
_DATES = (REKG.date, REKG.year)


def parse_day(text: str) -> dt.date:
    """An ``asOf`` value: a day written YYYY-MM-DD.

    >>> parse_day("2025-09-30")
    datetime.date(2025, 9, 30)
    """
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise QueryParameterError(f"asOf is a day written YYYY-MM-DD, not {text!r}") from None


def period_of(value: Node) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a date, month or year literal (or an integer year), else None.

    >>> from rdflib import XSD
    >>> period_of(Literal("2021", datatype=XSD.gYear))
    (datetime.date(2021, 1, 1), datetime.date(2021, 12, 31))
    >>> period_of(Literal("2025-10", datatype=XSD.gYearMonth))
    (datetime.date(2025, 10, 1), datetime.date(2025, 10, 31))
    """
    if not isinstance(value, Literal):
        return None
    text = str(value)
    try:
        if len(text) == 4 and text.isdigit():
            return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
        if len(text) == 7 and text[4] == "-":
            year, month = int(text[:4]), int(text[5:])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        day = dt.date.fromisoformat(text[:10])
        return day, day
    except ValueError:
        return None


@dataclass
class ClaimTime:
    """What decides whether one claim holds on a day."""

    factual: bool = True
    n_ary: bool = False
    at: tuple[dt.date, dt.date] | None = None
    start: dt.date | None = None
    until: dt.date | None = None
    not_before: dt.date | None = None
    statement: tuple[Node, Node, Node] | None = None
    graph: str | None = None
    figure: tuple[Node, ...] | None = None
    """For a figure: what it is a figure of (subject, metric, source, scope, material, stage)."""

    @property
    def since(self) -> dt.date:
        """The earliest day it holds (the start of time when it says none)."""
        return (self.at[0] if self.at else None) or self.start or self.not_before or dt.date.min

    def holds_on(self, day: dt.date) -> bool:
        """Whether the claim's valid time includes ``day`` (its modality aside); an observation
        (figure, supply relation, stake) holds from its time on, until a later one."""
        if self.start and day < self.start or self.until and day > self.until and not self.n_ary:
            return False
        if self.not_before and day < self.not_before:
            return False
        if self.at:
            return self.at[0] <= day and (self.n_ary or day <= self.at[1])
        return True


def _times(quads: Iterable[Quad], factual: frozenset[URIRef]) -> dict[Node, ClaimTime]:
    """The valid time of every claim (a node with a modality) among ``quads``."""
    claims: defaultdict[Node, ClaimTime] = defaultdict(ClaimTime)
    parts: defaultdict[Node, dict[Node, Node]] = defaultdict(dict)
    for s, p, o, g in quads:
        if p == REKG.modality:
            claims[s].factual = o in factual
            claims[s].graph = g
        parts[s][p] = o
    for node, claim in claims.items():
        values = parts[node]
        claim.n_ary = values.get(RDF.type) in _N_ARY or REKG.statementKind in values
        claim.at = period_of(values.get(REKG.validAt))  # type: ignore[arg-type]
        claim.start = (period_of(values.get(REKG.validFrom)) or (None, None))[0]  # type: ignore[arg-type]
        claim.until = (period_of(values.get(REKG.validUntil)) or (None, None))[1]  # type: ignore[arg-type]
        claim.not_before = (period_of(values.get(REKG.notBefore)) or (None, None))[0]  # type: ignore[arg-type]
        if values.get(RDF.type) == REKG.Figure or values.get(REKG.statementKind) == REKG.Figure:
            claim.figure = tuple(
                values.get(p) for p in (REKG.figureSubject, REKG.metric, PROV.wasDerivedFrom, REKG.scope, REKG.material, REKG.stage)
            )
        if RDF.subject in values:
            claim.statement = (values[RDF.subject], values[RDF.predicate], values[RDF.object])
            if claim.statement[1] in _DATES and (dated := period_of(claim.statement[2])):
                claim.start = max(claim.start or dated[0], dated[0])
    return claims


def _asserted_quads(store: Store) -> list[Quad]:
    derived = {str(g) for g in DERIVED_GRAPHS}
    return [q for q in store.quads() if q[3] not in derived]


def _view(quads: list[Quad], day: dt.date) -> list[Quad]:
    """The asserted quads as they stood on ``day``."""
    claims = _times(quads, factual_modalities(load_ontology()))
    holding = {node for node, claim in claims.items() if claim.holds_on(day)}
    # of the figures of one thing by one source, the latest that holds on the day
    latest: dict[tuple[Node, ...], dt.date] = {}
    for node in holding:
        if (key := claims[node].figure) is not None:
            latest[key] = max(latest.get(key, dt.date.min), claims[node].since)
    holding -= {node for node in holding if (key := claims[node].figure) is not None and claims[node].since < latest[key]}
    said = {c.statement for c in claims.values() if c.statement is not None}
    kept_statements = {(c.statement, c.graph) for node, c in claims.items() if c.statement is not None and c.factual and node in holding}
    # an entity with dates (signed, launched, happened) exists once one of them holds
    dated: defaultdict[Node, bool] = defaultdict(bool)
    for node, claim in claims.items():
        if claim.statement is not None and claim.statement[1] in _DATES and period_of(claim.statement[2]):
            dated[claim.statement[0]] |= claim.factual and node in holding
    not_yet = {entity for entity, exists in dated.items() if not exists}
    mentions_not_yet = {
        c for c, claim in claims.items() if claim.statement is not None and (claim.statement[0] in not_yet or claim.statement[2] in not_yet)
    }
    out: list[Quad] = []
    for s, p, o, g in quads:
        if s in not_yet or o in not_yet or s in mentions_not_yet:
            continue
        if (s, p, o) in said:
            continue  # put back below, from the claims that hold
        if p == RDF.type and o in _N_ARY and s in claims and s not in holding:
            out += [(s, RDF.type, REKG.Claim, g), (s, REKG.statementKind, o, g)]
            continue
        out.append((s, p, o, g))
    out += [(*statement, graph) for statement, graph in kept_statements if statement[0] not in not_yet and statement[2] not in not_yet]
    return out


def view_as_of(store: Store, day: dt.date) -> EmbeddedStore:
    """An in-memory store of ``store`` as it stood on ``day``: the asserted graphs by valid
    time, the ontology, and the inferred graph reasoned afresh over them."""
    asserted = _view(_asserted_quads(store), day)
    ontology = load_ontology()
    inferred = reason(((s, p, o) for s, p, o, _ in asserted), ontology, hermit=False).inferred
    view = EmbeddedStore()
    view.apply(
        [],
        [*asserted, *((s, p, o, str(ONTOLOGY_GRAPH)) for s, p, o in ontology), *((s, p, o, str(INFERRED_GRAPH)) for s, p, o in inferred)],
    )
    return view


class AsOfViews:
    """The last few :func:`view_as_of` views, by store, store version and day: owned by what
    answers questions as of a day one after another (a server's worker, or its threads), since
    a view reasons afresh."""

    def __init__(self, keep: int = 4) -> None:
        self.keep = keep
        self._views: dict[tuple[int, str, dt.date], EmbeddedStore] = {}  # by id: in-memory stores share version names
        self._lock = threading.Lock()

    def view(self, store: Store, day: dt.date) -> EmbeddedStore:
        """``store`` as it stood on ``day``, made once per version of the store."""
        key = (id(store), store.version(), day)
        with self._lock:
            if key not in self._views:
                while len(self._views) >= self.keep:
                    self._views.pop(next(iter(self._views)))
                self._views[key] = view_as_of(store, day)
            return self._views[key]
