"""Pictures drawn on the server as SVG (no script, no external request): the supply chain around
an entity, a country's partners, a timeline of agreements and events, shares over time.

Every drawn element that states something links to where it is stated: an edge to its source,
a node to its entity page.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from collections.abc import Awaitable, Callable
from html import escape

from kg.analysis.chain import COLUMNS, Chain, supply_chain
from kg.analysis.concentration import Share, exposure
from kg.analysis.relations import Milestone, Partner, milestones, partners
from kg.store.base import Store
from rekg_server.links import local_path

__all__ = ["PictureCache", "chain_svg", "entity_pictures", "partners_svg", "shares_svg", "timeline_picture", "timeline_svg"]

# The kinds of entity whose page draws its supply chain.
CHAIN_KINDS = frozenset({"company", "facility", "country", "material"})

_NODE_W, _NODE_H, _COL_W, _ROW_H = 170, 40, 300, 64


def _short(text: str, length: int = 30) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _node(iri: str, label: str, x: float, y: float, css: str = "node") -> str:
    return (
        f'<g class="{css}" data-iri="{escape(iri)}"><a href="{escape(local_path(iri))}"><title>{escape(label)}</title>'
        f'<rect x="{x:.0f}" y="{y:.0f}" width="{_NODE_W}" height="{_NODE_H}" rx="6"/>'
        f'<text x="{x + _NODE_W / 2:.0f}" y="{y + _NODE_H / 2 + 5:.0f}" text-anchor="middle">{escape(_short(label, 26))}</text></a></g>'
    )


_LINE_H, _CHAR_W = 15, 7.0  # an edge label's line height (its glyphs take 14 px) and (generous) width of a character, at 11 px


class _LabelSpace:
    """Where labels may go: each block of label lines is put at the free place nearest the one
    it asks for (moving up or down), so that no two labels and no label and node overlap."""

    def __init__(self, obstacles: list[tuple[float, float, float, float]] | None = None):
        self.taken: list[tuple[float, float, float, float]] = list(obstacles or [])  # (left, top, right, bottom)

    def place(self, x: float, y: float, lines: list[str]) -> float:
        """The top of the block of ``lines`` centred on ``x``, as near ``y`` (its middle) as is free."""
        width = max(len(line) for line in lines) * _CHAR_W + 6
        height = len(lines) * _LINE_H + 2
        for step in range(0, 60):
            dy = (step + 1) // 2 * 7 * (1 if step % 2 else -1)
            box = (x - width / 2, y - height / 2 + dy, x + width / 2, y + height / 2 + dy)
            if not any(box[0] < t[2] and t[0] < box[2] and box[1] < t[3] and t[1] < box[3] for t in self.taken):
                break
        self.taken.append(box)
        return box[1]


def _labels(space: _LabelSpace, x: float, y: float, items: list[tuple[str, str, str]]) -> str:
    """Stacked edge labels near (x, y), placed clear of the others, each a link to its source:
    (text, source IRI, source label); a shortened text has its whole on hover."""
    texts = [_short(text, 34) for text, _, _ in items]
    top = space.place(x, y, texts)
    out = []
    for i, ((text, source, source_label), shown) in enumerate(zip(items, texts, strict=True)):
        out.append(
            f'<a class="edge-source" href="{escape(local_path(source))}"><title>{escape(text)} — {escape(source_label)}</title>'
            f'<text x="{x:.0f}" y="{top + 12 + i * _LINE_H:.0f}" text-anchor="middle">{escape(shown)}</text></a>'
        )
    return "".join(out)


def chain_svg(chain: Chain) -> str:
    """The chain left to right by stage; edges between the same two nodes are drawn once, with
    one label (linked to its source) for each source that states them."""
    if not chain.edges:
        return ""
    rows: dict[int, list[str]] = defaultdict(list)
    for node in chain.nodes.values():
        rows[node.column].append(node.iri)
    columns = sorted(rows)
    place = {iri: (20 + columns.index(col) * _COL_W, 40 + i * _ROW_H) for col in columns for i, iri in enumerate(rows[col])}
    height = 40 + max(len(v) for v in rows.values()) * _ROW_H
    width = 20 + len(columns) * _COL_W
    grouped: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for edge in chain.edges:
        grouped[(edge.start, edge.end)].append((edge.label, edge.source, edge.source_label))
    parts = [""]  # the opening tag, once the labels' places say how tall the picture is
    for col in columns:
        parts.append(
            f'<text class="stage" x="{20 + columns.index(col) * _COL_W + _NODE_W / 2:.0f}" y="20" text-anchor="middle">{COLUMNS[col]}</text>'
        )
    space = _LabelSpace([(x, y, x + _NODE_W, y + _NODE_H) for x, y in place.values()])
    for (start, end), labels in grouped.items():
        (x1, y1), (x2, y2) = place[start], place[end]
        forward = x2 >= x1
        sx, ex = (x1 + _NODE_W, x2) if forward else (x1, x2 + _NODE_W)
        sy, ey = y1 + _NODE_H / 2, y2 + _NODE_H / 2
        bend = max(40.0, abs(ex - sx) / 2) * (1 if forward else -1)
        parts.append(
            f'<g class="edge" data-from="{escape(start)}" data-to="{escape(end)}">'
            f'<path d="M{sx:.0f},{sy:.0f} C{sx + bend:.0f},{sy:.0f} {ex - bend:.0f},{ey:.0f} {ex:.0f},{ey:.0f}" marker-end="url(#arrow)"/>'
            f"{_labels(space, (sx + ex) / 2, (sy + ey) / 2, labels)}</g>"
        )
    for iri, (x, y) in place.items():
        parts.append(_node(iri, chain.nodes[iri].label, x, y, "node focus" if iri == chain.focus else "node"))
    parts.append(
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto">'
        '<path d="M0,0 L10,5 L0,10 z"/></marker></defs></svg>'
    )
    parts[0] = _opening("picture supply-chain", "supply chain", width, height, space)
    return "".join(parts)


def _opening(css: str, label: str, width: float, height: float, space: _LabelSpace) -> str:
    """The ``<svg>`` tag of a picture ``width`` × ``height``, grown to hold every placed label."""
    top = min(0.0, *(box[1] - 4 for box in space.taken))
    bottom = max(height, *(box[3] + 4 for box in space.taken))
    left = min(0.0, *(box[0] - 4 for box in space.taken))
    right = max(width, *(box[2] + 4 for box in space.taken))
    w, h = right - left, bottom - top
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css}" viewBox="{left:.0f} {top:.0f} {w:.0f} {h:.0f}" '
        f'width="{w:.0f}" height="{h:.0f}" role="img" aria-label="{label}">'
    )


def partners_svg(center: str, center_label: str, partners: list[Partner]) -> str:
    """The country in the middle, its partners around it, each spoke labelled with the
    agreements or alliances behind the partnership (linked to their pages)."""
    if not partners:
        return ""
    import math

    by_partner: dict[str, list[Partner]] = defaultdict(list)
    for item in partners:
        by_partner[item.iri].append(item)
    width, height, rx, ry = 1000, 720, 380, 280
    cx, cy = width / 2, height / 2
    parts = [""]  # the opening tag, once the labels are placed
    spots = {}
    for i, iri in enumerate(by_partner):
        angle = 2 * math.pi * i / len(by_partner) - math.pi / 2
        spots[iri] = (cx + rx * math.cos(angle) - _NODE_W / 2, cy + ry * math.sin(angle) - _NODE_H / 2)
    space = _LabelSpace([(x, y, x + _NODE_W, y + _NODE_H) for x, y in [*spots.values(), (cx - _NODE_W / 2, cy - _NODE_H / 2)]])
    for iri, links in by_partner.items():
        x, y = spots[iri]
        px, py = x + _NODE_W / 2, y + _NODE_H / 2
        lx, ly = cx + (px - cx) * 0.55, cy + (py - cy) * 0.55
        texts = [_short(p.link_label, 28) for p in links]
        top = space.place(lx, ly, texts)
        parts.append(
            f'<g class="edge" data-from="{escape(center)}" data-to="{escape(iri)}"><path d="M{cx:.0f},{cy:.0f} L{px:.0f},{py:.0f}"/>'
            + "".join(
                f'<a class="edge-source" href="{escape(local_path(p.link))}"><title>{escape(p.kind)}: {escape(p.link_label)}</title>'
                f'<text x="{lx:.0f}" y="{top + 11 + j * _LINE_H:.0f}" text-anchor="middle">{escape(shown)}</text></a>'
                for j, (p, shown) in enumerate(zip(links, texts, strict=True))
            )
            + "</g>"
        )
    parts.append(_node(center, center_label, cx - _NODE_W / 2, cy - _NODE_H / 2, "node focus"))
    for iri, links in by_partner.items():
        parts.append(_node(iri, links[0].label, *spots[iri]))
    parts.append("</svg>")
    parts[0] = _opening("picture partners", "partners", width, height, space)
    return "".join(parts)


def timeline_svg(milestones: list[Milestone]) -> str:
    """Milestones on a time axis, oldest left; each marker links to its page, its date to its source."""
    if not milestones:
        return ""
    items = sorted(milestones, key=lambda m: (m.position, m.label))
    first, last = int(items[0].position), int(items[-1].position) + 1
    width, left, right = 980, 40, 40
    height = 90 + len(items) * 26

    def x_of(position: float) -> float:
        return left + (position - first) / max(1, last - first) * (width - left - right)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="picture timeline" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="timeline"><line class="axis" x1="{left}" y1="50" x2="{width - right}" y2="50"/>'
    ]
    for year in range(first, last + 1):
        parts.append(
            f'<text class="tick" x="{x_of(year):.0f}" y="40" text-anchor="middle">{year}</text>'
            f'<line class="tick" x1="{x_of(year):.0f}" y1="46" x2="{x_of(year):.0f}" y2="54"/>'
        )
    for i, item in enumerate(items):
        x, y = x_of(item.position), 78 + i * 26
        anchor = "end" if x > width * 0.6 else "start"
        dx = -8 if anchor == "end" else 8
        parts.append(
            f'<g class="milestone {escape(item.kind)}" data-iri="{escape(item.iri)}"><line x1="{x:.0f}" y1="50" x2="{x:.0f}" y2="{y:.0f}"/>'
            f'<circle cx="{x:.0f}" cy="{y - 4:.0f}" r="5"/>'
            f'<a href="{escape(local_path(item.iri))}"><text x="{x + dx:.0f}" y="{y:.0f}" text-anchor="{anchor}">{escape(item.when)} · {escape(_short(item.label, 60))}</text></a>'
            + "".join(
                f'<a class="edge-source" href="{escape(local_path(iri))}"><title>{escape(label)}</title>'
                f'<text class="source" x="{x + dx + (-1 if anchor == "end" else 1) * 52 * j:.0f}" y="{y + 11:.0f}" '
                f'text-anchor="{anchor}">source {j + 1}</text></a>'
                for j, (iri, label) in enumerate(item.sources)
            )
            + "</g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def shares_svg(series: dict[str, list[Share]]) -> str:
    """Shares over time, one line a supplier, each point at its year on a scale of years (a share
    said to hold "now" at its source's date); each point links to the source that gives it, and
    shares with no year are listed under the chart rather than placed on the axis."""
    points = {name: [s for s in shares if s.value is not None and s.year is not None] for name, shares in series.items()}
    points = {name: values for name, values in points.items() if values}
    undated = [(name, s) for name, shares in series.items() for s in shares if s.value is not None and s.year is None]
    if not points:
        return ""
    years = sorted({s.year for values in points.values() for s in values if s.year is not None})
    first, last = years[0] - 1, years[-1] + 1
    width, height, left, bottom, top = 760, 320, 50, 40, 20
    rows = len(points) + len(undated)

    def x_of(year: int) -> float:
        return left + (year - first) / (last - first) * (width - left - 20)

    def xy(share: Share) -> tuple[float, float]:
        return x_of(share.year or first), top + (100 - float(share.value or 0)) / 100 * (height - top - bottom)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="picture shares" viewBox="0 0 {width} {height + 20 * rows}" '
        f'width="{width}" height="{height + 20 * rows}" role="img" aria-label="shares over time">'
    ]
    for pct in (0, 25, 50, 75, 100):
        y = top + (100 - pct) / 100 * (height - top - bottom)
        parts.append(
            f'<line class="grid" x1="{left}" y1="{y:.0f}" x2="{width - 20}" y2="{y:.0f}"/><text class="tick" x="{left - 6}" y="{y + 4:.0f}" text-anchor="end">{pct}%</text>'
        )
    for year in years:
        parts.append(f'<text class="tick" x="{x_of(year):.0f}" y="{height - bottom + 18}" text-anchor="middle">{year}</text>')
    for n, (name, values) in enumerate(points.items()):
        values = sorted(values, key=lambda s: s.year or 0)
        coords = [xy(s) for s in values]
        parts.append(f'<g class="series series-{n}" data-name="{escape(name)}">')
        if len(coords) > 1:
            parts.append('<polyline points="' + " ".join(f"{x:.0f},{y:.0f}" for x, y in coords) + '"/>')
        for share, (x, y) in zip(values, coords, strict=True):
            parts.append(
                f'<a class="point" href="{escape(local_path(share.source))}"><title>{escape(name)}: {escape(share.text)} '
                f"({escape(share.when)}, {escape(share.material_label)}) — {escape(share.source_label)}</title>"
                f'<circle cx="{x:.0f}" cy="{y:.0f}" r="5"/></a>'
            )
        parts.append(f'<text class="legend" x="{left}" y="{height + 14 + n * 20}">● {escape(name)}</text></g>')
    for n, (name, share) in enumerate(undated, start=len(points)):
        parts.append(
            f'<text class="legend undated" x="{left}" y="{height + 14 + n * 20}">undated: {escape(name)} {escape(share.text)} '
            f"({escape(share.when)}) — {escape(_short(share.source_label, 60))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def timeline_picture(store: Store) -> str:
    """Every dated agreement, alliance, export control and event of ``store`` on one axis."""
    return timeline_svg(milestones(store))


def entity_pictures(store: Store, kind: str, iri: str, label: str) -> dict[str, str]:
    """The pictures of an entity's page, by title: its supply chain (companies, facilities,
    countries, materials); for a country also its partners, its suppliers' shares over time
    and a timeline of its agreements and events. Pictures with nothing to draw are left out."""
    drawn = {}
    if kind in CHAIN_KINDS:
        drawn["Supply chain"] = chain_svg(supply_chain(store, iri))
    if kind == "country":
        drawn["Partners and the links behind them"] = partners_svg(iri, label, partners(store, iri))
        drawn["Suppliers' shares over time"] = shares_svg(exposure(store, customer=iri))
        drawn["Timeline"] = timeline_svg(milestones(store, iri))
    return {title: svg for title, svg in drawn.items() if svg}


class PictureCache:
    """Entity pictures kept by store version: a country's take a dozen queries and their rows
    turned into terms, and they change only when the store does. The least recently shown
    entries go first past ``size``. Used on the event loop only."""

    def __init__(self, size: int = 512):
        self.size = size
        self._drawn: OrderedDict[tuple[str, str, str, str], dict[str, str]] = OrderedDict()

    async def pictures(
        self, version: str, kind: str, iri: str, label: str, draw: Callable[[], Awaitable[dict[str, str]]]
    ) -> dict[str, str]:
        """The entity's pictures on ``version`` of the graph: kept, or drawn by ``draw`` once."""
        key = (version, kind, iri, label)
        if key in self._drawn:
            self._drawn.move_to_end(key)
            return self._drawn[key]
        drawn: dict[str, str] = await draw()
        self._drawn[key] = drawn
        while len(self._drawn) > self.size:
            self._drawn.popitem(last=False)
        return drawn
