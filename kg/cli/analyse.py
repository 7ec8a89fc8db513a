"""``rekg whatif``, ``exposure`` and ``concentration``: the analyst's questions, answered with
the source of every figure."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from kg.analysis.concentration import concentration as stage_concentration
from kg.analysis.concentration import exposure as customer_exposure
from kg.analysis.whatif import as_iri, what_if
from kg.cli._common import StoreOption, StoreUrlOption, console, open_ready

__all__ = ["register"]


class Output(StrEnum):
    """How the analysis commands print."""

    table = "table"
    json = "json"


FormatOption = Annotated[Output, typer.Option("--format", help="Tables for people, JSON (full IRIs) for programs.")]


def _json(value: object) -> None:
    sys.stdout.write(json.dumps(value, indent=2, default=str, ensure_ascii=False) + "\n")


def whatif(
    without: Annotated[str, typer.Option("--without", help="The country whose exports stop (country/CN or an IRI).")],
    customer: Annotated[str, typer.Option(help="The importing country.")] = "country/JP",
    stage: Annotated[str | None, typer.Option(help="Only facilities of this stage count (refining, mining, …).")] = None,
    material: Annotated[str | None, typer.Option(help="Only this material or a narrower one (material/ndpr).")] = None,
    fmt: FormatOption = Output.table,
    store: StoreOption = None,
    store_url: StoreUrlOption = None,
) -> None:
    """Which supply relations into a customer remain if a country stops exporting (Q13), and what share is lost."""
    result = what_if(
        open_ready(store, store_url),
        without=as_iri(without),
        customer=as_iri(customer),
        stage=as_iri(stage, "stage"),
        material=as_iri(material),
    )
    if fmt is Output.json:
        _json(
            {
                "without": result.without,
                "customer": result.customer,
                "remaining": [asdict(x) for x in result.remaining],
                "cut": [asdict(x) for x in result.cut],
            }
        )
        return
    table = Table(
        "supplier",
        "facility",
        "country",
        "material",
        "share",
        "when",
        "source",
        title=f"Remaining supply into {customer} without {without}",
    )
    for link in result.remaining:
        table.add_row(
            link.supplier_label,
            link.facility_label or "",
            link.country_label or "",
            link.material_label,
            link.share_text,
            link.when,
            link.source_label,
        )
    console.print(table if result.remaining else f"Nothing flows into {customer} once {without} is cut.")
    compare = Table("when", "share lost (source)", "what remains (share)", title="2010 against the latest the sources give")
    for moment in result.compare():
        lost = "; ".join(f"{x.supplier_label} {x.share_text} ({x.source_label})" for x in moment.lost) or "no share given"
        kept = (
            "; ".join(sorted({f"{x.supplier_label} {x.share_text or '(no share)'} of {x.material_label}" for x in moment.remaining}))
            or "none stated"
        )
        compare.add_row(moment.when, lost, kept)
    console.print(compare)
    console.print(
        f"{len(result.remaining)} relations remain (suppliers: {', '.join(result.suppliers()) or 'none'}); {len(result.cut)} are cut.",
        highlight=False,
    )


def exposure(
    customer: Annotated[str, typer.Option(help="The importing country.")] = "country/JP",
    material: Annotated[str | None, typer.Option(help="Only this material or a narrower one.")] = None,
    fmt: FormatOption = Output.table,
    store: StoreOption = None,
    store_url: StoreUrlOption = None,
) -> None:
    """A customer's suppliers and their shares by source and year: its dependence over time."""
    series = customer_exposure(open_ready(store, store_url), customer=as_iri(customer), material=as_iri(material))
    if fmt is Output.json:
        _json({supplier: [asdict(s) for s in shares] for supplier, shares in series.items()})
        return
    table = Table("supplier", "when", "share", "material", "source", title=f"Who supplies {customer}")
    for supplier, shares in series.items():
        for share in shares:
            table.add_row(supplier, share.when, share.text or "(no share)", share.material_label, share.source_label)
    console.print(table)


def concentration(
    stage: Annotated[str, typer.Option(help="mining, refining, processing, separation or magnet-making.")] = "refining",
    fmt: FormatOption = Output.table,
    store: StoreOption = None,
    store_url: StoreUrlOption = None,
) -> None:
    """Each country's share of a stage by source and year, the top-1 and top-3 shares and the HHI where the shares allow them."""
    groups = stage_concentration(open_ready(store, store_url), stage=as_iri(stage, "stage"))
    if fmt is Output.json:
        _json([{**asdict(g), "covered": g.covered, "top1": g.top1, "top3": g.top3, "hhi": g.hhi, "note": g.note()} for g in groups])
        return
    if not groups:
        console.print(f"The sources give no country's share of {stage}.")
        return
    table = Table("source", "year", "stage", "shares", "top-1", "top-3", "HHI", title=f"Concentration of {stage}")
    for group in groups:
        table.add_row(
            group.source_label,
            group.when,
            group.stage_label,
            ", ".join(f"{s.holder_label} {s.text}" for s in group.shares),
            f"{group.top1:f}%" if group.top1 is not None else "?",
            f"{group.top3:f}%" if group.top3 is not None else "?",
            f"{group.hhi:.0f}" if group.complete else f"≥ {group.hhi:.0f}",
        )
    console.print(table)
    for group in groups:
        console.print(f"{group.source_label} ({group.when}): {group.note()}.", highlight=False)


def register(app: typer.Typer) -> None:
    """Add these commands to ``app``."""
    for command in (whatif, exposure, concentration):
        app.command()(command)
