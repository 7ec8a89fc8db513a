"""Typed fact sheets → RDF: one named graph per source, plus the registry and the ontology.

Every node a fact creates (claim, figure, supply relation, stake, evidence) is remembered
with the file and line it came from, so a SHACL violation can point back at the sheet. One
builder class holds every kind of fact, with its claims' modality and valid time, which is
why the module runs past 400 lines.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SDO, SKOS

from kg.errors import SheetError, SheetProblems
from kg.ingest import modality as modality_module
from kg.ingest import sheets as sheets_module
from kg.ingest.corpus import find_quote, normalise, sha256_of
from kg.ingest.modality import find_marker, modalities
from kg.ingest.sheets import (
    REGISTRY_FILE,
    Fact,
    FigureFact,
    LinkFact,
    LoadedSheet,
    LocationFact,
    SourceSheet,
    StakeFact,
    SupplyFact,
    load_sheets,
)
from kg.ingest.update import Provenance
from kg.ontology import OntologyTerms, load_ontology
from kg.vocab import (
    GEO,
    ID,
    MODALITY_MARKERS_FILE,
    OA,
    ONTOLOGY_FILE,
    ONTOLOGY_GRAPH,
    REGISTRY_GRAPH,
    REKG,
    SHAPES_DIR,
    UNITS,
    WIKIDATA,
    entity_iri,
    entity_ref,
    graph_iri,
)

__all__ = ["TEXTS_DIR", "BuiltDataset", "build_dataset", "build_digest"]

Origin = tuple[LoadedSheet, tuple[Any, ...]]

FOLDED_STATUSES = frozenset({"planned", "proposed", "talks", "in talks"})
"""Statuses that are modalities of the claims about a thing, not states of it."""


@dataclass
class BuiltDataset:
    """The RDF of a build, before validation, with the origin of each generated node."""

    dataset: Dataset
    ontology: Graph
    origins: dict[URIRef, Origin] = field(default_factory=dict)
    external_ids: dict[URIRef, URIRef] = field(default_factory=dict)
    quotes_checked: int = 0
    warnings: list[str] = field(default_factory=list)
    problems: list[SheetError] = field(default_factory=list)  # each fact or mention that could not be built, skipped

    def asserted_graphs(self) -> list[Graph]:
        """Every graph but the ontology: what the sheets say."""
        return [g for g in self.dataset.graphs() if g.identifier != ONTOLOGY_GRAPH and len(g)]


def _digest(*parts: Any) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:12]


def _date_literal(value: Any) -> Literal | None:
    if isinstance(value, dt.date):
        return Literal(value.isoformat(), datatype=XSD.date)
    text = str(value)
    if len(text) == 10:
        try:
            return Literal(dt.date.fromisoformat(text).isoformat(), datatype=XSD.date)
        except ValueError:
            return None
    if len(text) == 4 and text.isdigit():
        return Literal(text, datatype=XSD.gYear)
    if len(text) == 7 and text[:4].isdigit() and text[4] == "-" and text[5:].isdigit():
        return Literal(text, datatype=XSD.gYearMonth)
    return None


class _SheetBuilder:
    """Turns one source sheet into the triples of its named graph."""

    def __init__(
        self,
        built: BuiltDataset,
        terms: OntologyTerms,
        known: dict[URIRef, str],
        loaded: LoadedSheet,
        text: str | None,
        modalities: dict[URIRef, bool],
    ):
        self.built, self.terms, self.known, self.loaded, self.text = built, terms, known, loaded, text
        self.modalities = modalities  # every modality, and whether it is factual
        sheet: SourceSheet = loaded.model
        self.sheet = sheet
        self.source_id = sheet.source.id
        self.source = ID[f"source/{self.source_id}"]
        self.graph = built.dataset.graph(graph_iri(self.source_id))

    def ref(self, ref: str | None, *loc: Any) -> URIRef | None:
        if ref is None:
            return None
        iri = entity_iri(ref)
        if iri not in self.known:
            if ref.startswith("todo/"):
                raise self.loaded.error(f"todo: the draft left {ref!r} to decide: give the entity the text means", *loc)
            if "/todo-" in ref:  # an agreement, event or position a draft made up for a fact
                raise self.loaded.error(
                    f"todo: the draft made up {ref!r}: declare it under `entities:` (id, type, label) or use a known one", *loc
                )
            raise self.loaded.error(f"unknown entity {ref!r}: add it to the entity registry (kg/facts/entities.yaml)", *loc)
        return iri

    def add(self, s: URIRef | BNode, p: URIRef, o: Any) -> None:
        if o is not None:
            self.graph.add((s, p, o if isinstance(o, (URIRef, BNode, Literal)) else Literal(o)))

    def build(self) -> None:
        self.add_source()
        for ref, forms in self.sheet.mentions.items():
            self.kept(self.add_mentions, ref, forms)
        for index, fact in enumerate(self.sheet.facts):
            self.kept(self.add_fact, index, fact)

    def kept(self, step: Callable[..., None], *args: Any) -> None:
        """Run one step of the build; if it fails, keep its error and go on with the next."""
        try:
            step(*args)
        except SheetError as problem:
            self.built.problems.append(problem)

    def add_mentions(self, ref: str, forms: list[str]) -> None:
        iri = self.ref(ref, "mentions", ref)
        for form in forms:
            if self.text is not None and find_quote(self.text, form, ignore_case=True, whole=True) is None:
                raise self.loaded.error(f"surface form {form!r} does not occur whole in the source text", "mentions", ref)
            self.add(iri, REKG.surfaceForm, Literal(form, lang="en"))

    def add_fact(self, index: int, fact: Fact) -> None:
        self.check_modality(fact, index)
        evidence = self.add_evidence(fact.quote, index, fact.span)
        if fact.triples is not None:
            for position, triple in enumerate(fact.triples):
                self.add_statement(triple, evidence, fact, ("facts", index, "triples", position))
        elif fact.link is not None:
            self.add_link(fact.link, evidence, fact, ("facts", index, "link"))
        elif fact.location is not None:
            self.add_location(fact.location, evidence, fact, ("facts", index, "location"))
        else:
            kind = "figure" if fact.figure else "supply" if fact.supply else "stake"
            node = getattr(self, f"add_{kind}")(getattr(fact, kind), fact, ("facts", index, kind))
            self.attach_provenance(node, evidence, fact, ("facts", index, kind))

    def check_modality(self, fact: Fact, index: int) -> None:
        """The modality is one of the ontology's, and a quote with a modal or forward-looking
        marker says how its fact is put (an explicit ``modality``, or ``when.until`` for a
        past state)."""
        if ID[f"modality/{fact.how}"] not in self.modalities:
            known = ", ".join(sorted(str(m).rsplit("/", 1)[-1] for m in self.modalities))
            if fact.how.startswith("todo"):
                raise self.loaded.error(
                    f"todo: the draft left the modality to decide (one of: {known}; a past state: `when: {{until: …}}`)",
                    "facts",
                    index,
                    "modality",
                )
            raise self.loaded.error(f"unknown modality {fact.modality!r} (one of: {known})", "facts", index, "modality")
        said = fact.modality is not None or (fact.when is not None and fact.when.until is not None)
        marker = find_marker(fact.quote)
        if marker is not None and not said:
            raise self.loaded.error(
                f"the quote says {marker.marker!r}, which marks {marker.suggests}, but the fact states no modality: "
                "give `modality:` (and `when:` for a past state), or `modality: stated` with `why:` if the marker "
                "does not qualify this fact",
                "facts",
                index,
                "quote",
            )
        if fact.modality == "stated" and marker is not None and not fact.why:
            raise self.loaded.error(f"`modality: stated` over the marker {marker.marker!r} needs a `why:`", "facts", index, "modality")

    def is_plain(self, fact: Fact, n_ary: bool) -> bool:
        """Whether the fact is also stated as plain triples: its modality is factual and, for a
        simple statement, its valid time has not ended and is no past point in time (a figure,
        supply relation or stake is an observation of its year or period: it stays true of it)."""
        when = fact.when
        ended = not n_ary and when is not None and (when.until is not None or when.at is not None)
        return self.modalities[ID[f"modality/{fact.how}"]] and not ended

    def add_source(self) -> None:
        info = self.sheet.source
        self.add(self.source, RDF.type, REKG.Source)
        self.add(self.source, RDFS.label, Literal(info.title, lang="en"))
        self.add(self.source, DCTERMS.title, Literal(info.title, lang="en"))
        self.add(self.source, REKG.publishedBy, self.ref(info.publisher, "source", "publisher"))
        self.add(self.source, DCTERMS.creator, info.author)
        self.add(self.source, DCTERMS.date, _date_literal(info.date) if info.date else None)
        self.add(self.source, REKG.notBefore, _date_literal(info.date_not_before) if info.date_not_before else None)
        self.add(self.source, REKG.notAfter, _date_literal(info.date_not_after) if info.date_not_after else None)
        self.add(self.source, REKG.fileName, info.file)
        self.add(self.source, REKG.sha256, info.sha256)
        self.add(self.source, SDO.url, URIRef(info.url) if info.url else None)
        self.add(self.source, REKG.sheetDigest, sha256_of(self.loaded.path))
        for url in info.see_also:
            self.add(self.source, RDFS.seeAlso, URIRef(url))
        if info.reviewed_by and info.reviewed_at:  # who reviewed the sheet and when, as an update records its author
            review = Provenance(info.reviewed_by, str(self.source)).record(str(self.graph.identifier), info.reviewed_at)
            for s, p, o, _ in review:
                self.add(s, p, o)
        self.built.origins[self.source] = (self.loaded, ("source",))

    def add_evidence(self, quote: str, index: int, span: tuple[int, int] | None) -> URIRef:
        loc = ("facts", index, "quote")
        evidence = ID[f"evidence/{self.source_id}/{_digest(quote)}"]
        self.add(evidence, RDF.type, REKG.Evidence)
        self.add(evidence, OA.hasSource, self.source)
        selector = URIRef(f"{evidence}#quote")
        self.add(evidence, OA.hasSelector, selector)
        self.add(selector, RDF.type, OA.TextQuoteSelector)
        self.add(selector, OA.exact, Literal(quote))
        if self.text is not None:
            if span is not None and normalise(self.text[span[0] : span[1]]) != normalise(quote):
                raise self.loaded.error(f"span {list(span)} of {self.sheet.source.file} does not hold the quote", "facts", index, "span")
            span = span or find_quote(self.text, quote)
            if span is None:
                raise self.loaded.error(f"quote not found in {self.sheet.source.file}: {quote!r}", *loc)
            position = URIRef(f"{evidence}#position")
            self.add(evidence, OA.hasSelector, position)
            self.add(position, RDF.type, OA.TextPositionSelector)
            self.add(position, OA.start, Literal(span[0]))
            self.add(position, OA.end, Literal(span[1]))
            self.built.quotes_checked += 1
        self.built.origins.setdefault(evidence, (self.loaded, loc))
        return evidence

    def attach_provenance(self, node: URIRef, evidence: URIRef, fact: Any, loc: tuple[Any, ...]) -> None:
        self.add(node, PROV.wasDerivedFrom, self.source)
        self.add(node, REKG.evidence, evidence)
        self.add(node, REKG.attributedTo, self.ref(fact.attributed_to, *loc[:2], "attributed_to"))
        self.add(node, REKG.modality, ID[f"modality/{fact.how}"])
        if fact.why:
            self.add(node, SKOS.editorialNote, Literal(fact.why, lang="en"))
        self.add_valid_time(node, fact, loc)
        if fact.hedge:
            self.add(node, REKG.hedge, fact.hedge)
        self.built.origins[node] = (self.loaded, loc)

    def add_valid_time(self, node: URIRef, fact: Any, loc: tuple[Any, ...]) -> None:
        """The claim's valid time: the fact's ``when``, else a figure's or relation's year (or
        ``period: now``, at the source's date)."""
        when = fact.when
        content = fact.figure or fact.supply or fact.stake
        year = getattr(content, "year", None)
        now = (when is not None and when.now) or (when is None and getattr(content, "period", None) == "now")
        if when is not None:
            self.add(node, REKG.validAt, _date_literal(when.at) if when.at else None)
            self.add(node, REKG.validFrom, _date_literal(when.start) if when.start else None)
            self.add(node, REKG.validUntil, _date_literal(when.until) if when.until else None)
        elif year is not None:
            self.add(node, REKG.validAt, _date_literal(str(year)))
        if now:
            info = self.sheet.source
            if not (info.date or info.date_not_before or info.date_not_after):
                raise self.loaded.error(
                    "the fact holds at the source's date, but the source gives none: add "
                    "`date` (or `date_not_before`/`date_not_after`) to the source",
                    *loc[:2],
                    "when",
                )
            self.add(node, REKG.atSourceDate, Literal(True))
            self.add(node, REKG.validAt, _date_literal(info.date) if info.date else None)
            self.add(node, REKG.notBefore, _date_literal(info.date_not_before) if info.date_not_before else None)
            self.add(node, REKG.notAfter, _date_literal(info.date_not_after) if info.date_not_after else None)

    def literal_for(self, predicate: URIRef, value: Any, loc: tuple[Any, ...]) -> Literal:
        datatype = self.terms.datatype_ranges[predicate]
        if datatype is None:
            literal = _date_literal(value)
            if literal is None:
                raise self.loaded.error(f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", *loc)
            return literal
        checks = {
            XSD.integer: lambda v: isinstance(v, int) and not isinstance(v, bool),
            XSD.decimal: lambda v: isinstance(v, (int, float, Decimal)) and not isinstance(v, bool),
            XSD.boolean: lambda v: isinstance(v, bool),
            XSD.string: lambda v: isinstance(v, str),
        }
        if not checks.get(datatype, lambda v: True)(value):
            raise self.loaded.error(f"{value!r} is not a valid {datatype.split('#')[-1]}", *loc)
        if datatype == XSD.decimal:
            return Literal(Decimal(str(value)), datatype=XSD.decimal)
        if datatype == XSD.string:
            return Literal(value)
        return Literal(value, datatype=datatype)

    def add_statement(self, triple: tuple[str, str, Any], evidence: URIRef, fact: Any, loc: tuple[Any, ...]) -> None:
        subject_ref, predicate_name, value = triple
        subject = self.ref(subject_ref, *loc)
        predicate = REKG[predicate_name]
        if predicate in self.terms.object_properties:
            if not isinstance(value, str):
                raise self.loaded.error(f"{predicate_name} links to an entity, not to {value!r}", *loc)
            obj: URIRef | Literal = self.ref(value, *loc)  # type: ignore[assignment]
        elif predicate in self.terms.datatype_ranges:
            obj = self.literal_for(predicate, value, loc)
        else:
            raise self.loaded.error(f"unknown property {predicate_name!r}: not in the ontology", *loc)
        if predicate == REKG.status and str(value).casefold() in FOLDED_STATUSES:
            raise self.loaded.error(f"status {value!r} is a modality: give the fact `modality:` (planned, proposal, talks) instead", *loc)
        assert subject is not None
        self.add_claim(subject, predicate, obj, evidence, fact, loc)

    def add_link(self, link: LinkFact, evidence: URIRef, fact: Any, loc: tuple[Any, ...]) -> None:
        """An entity's Wikidata item: one item names one entity."""
        subject = self.ref(link.entity, *loc, "entity")
        item = WIKIDATA[link.wikidata]
        claimed_by = self.built.external_ids.setdefault(item, subject)
        if claimed_by != subject:
            raise self.loaded.error(f"{link.wikidata} is already the Wikidata item of {claimed_by}", *loc, "wikidata")
        assert subject is not None
        self.add_claim(subject, SKOS.exactMatch, item, evidence, fact, loc)

    def add_location(self, location: LocationFact, evidence: URIRef, fact: Any, loc: tuple[Any, ...]) -> None:
        """Where an entity is: a GeoSPARQL point (WKT, longitude first) with the source that gives it."""
        subject = self.ref(location.entity, *loc, "entity")
        assert subject is not None
        geometry = ID[f"geometry/{location.entity.replace('/', '-')}"]
        self.add_claim(subject, GEO.hasGeometry, geometry, evidence, fact, loc)
        self.add(geometry, RDF.type, GEO.Geometry)
        self.add(geometry, GEO.asWKT, Literal(f"POINT({location.lon} {location.lat})", datatype=GEO.wktLiteral))
        self.attach_provenance(geometry, evidence, fact, loc)

    def add_claim(
        self, subject: URIRef, predicate: URIRef, obj: URIRef | Literal, evidence: URIRef, fact: Any, loc: tuple[Any, ...]
    ) -> None:
        """A claim and its evidence, modality and valid time; the plain triple too when the fact
        states it as so."""
        if self.is_plain(fact, n_ary=False):
            self.add(subject, predicate, obj)
        claim = ID[f"claim/{self.source_id}/{_digest(subject, predicate, obj, fact.quote)}"]
        self.add(claim, RDF.type, REKG.Claim)
        self.add(claim, RDF.subject, subject)
        self.add(claim, RDF.predicate, predicate)
        self.add(claim, RDF.object, obj)
        self.attach_provenance(claim, evidence, fact, loc)

    def add_common(self, node: URIRef, rdf_type: URIRef, fact: Fact, values: dict[URIRef, Any]) -> None:
        """An n-ary node: of ``rdf_type`` when the fact states it as so, else a claim of that kind."""
        if self.is_plain(fact, n_ary=True):
            self.add(node, RDF.type, rdf_type)
        else:
            self.add(node, RDF.type, REKG.Claim)
            self.add(node, REKG.statementKind, rdf_type)
        for predicate, value in values.items():
            if value is None:
                continue
            if isinstance(value, Decimal):
                value = Literal(value, datatype=XSD.decimal)
            elif isinstance(value, int) and predicate == REKG.year:
                value = Literal(value, datatype=XSD.integer)
            self.add(node, predicate, value)

    def label(self, node: URIRef, *parts: str | None) -> None:
        """A readable label for an n-ary node, from its parts' labels."""
        self.add(node, RDFS.label, Literal(" ".join(p for p in parts if p), lang="en"))

    def name(self, ref: str | None) -> str | None:
        return self.known.get(entity_iri(ref)) if ref else None

    def add_figure(self, figure: FigureFact, fact: Fact, loc: tuple[Any, ...]) -> URIRef:
        node = ID[f"figure/{self.source_id}/{_digest(figure.model_dump_json())}"]
        metric = ID[f"metric/{figure.metric}"]
        if metric not in self.known and figure.metric.startswith("todo"):
            raise self.loaded.error("todo: the draft left the metric to decide: see the rekg:Metric individuals", *loc, "metric")
        if metric not in self.known:
            raise self.loaded.error(f"unknown metric {figure.metric!r}: see the rekg:Metric individuals", *loc, "metric")
        self.add_common(
            node,
            REKG.Figure,
            fact,
            {
                REKG.figureSubject: self.ref(figure.subject, *loc, "subject"),
                REKG.metric: metric,
                REKG.value: figure.value,
                REKG.unit: UNITS[figure.unit],
                REKG.hedge: figure.hedge,
                REKG.year: figure.year,
                REKG.period: figure.period,
                REKG.scope: figure.scope,
                REKG.material: self.ref(figure.material, *loc, "material"),
                REKG.stage: self.ref(figure.stage, *loc, "stage"),
            },
        )
        when = f"({figure.year or figure.period})" if figure.year or figure.period else None
        self.label(
            node,
            f"{self.name(figure.subject)} —",
            self.known[metric] + ":",
            figure.hedge,
            f"{figure.value}",
            figure.unit if figure.unit != "percent" else "%",
            when,
        )
        return node

    def add_supply(self, supply: SupplyFact, fact: Fact, loc: tuple[Any, ...]) -> URIRef:
        node = ID[f"supply/{self.source_id}/{_digest(supply.model_dump_json())}"]
        self.add_common(
            node,
            REKG.SupplyRelation,
            fact,
            {
                REKG.supplier: self.ref(supply.supplier, *loc, "supplier"),
                REKG.customer: self.ref(supply.customer, *loc, "customer"),
                REKG.material: self.ref(supply.material, *loc, "material"),
                REKG.via: self.ref(supply.via, *loc, "via"),
                REKG.share: supply.share,
                REKG.hedge: supply.hedge,
                REKG.year: supply.year,
                REKG.period: supply.period,
            },
        )
        share = f"{supply.hedge or ''} {supply.share}%".strip() if supply.share is not None else None
        self.label(
            node,
            f"{self.name(supply.supplier)} supplies {self.name(supply.material)} to {self.name(supply.customer)}",
            f"({share})" if share else None,
            f"[{supply.year or supply.period}]" if supply.year or supply.period else None,
        )
        return node

    def add_stake(self, stake: StakeFact, fact: Fact, loc: tuple[Any, ...]) -> URIRef:
        node = ID[f"stake/{self.source_id}/{_digest(stake.model_dump_json())}"]
        self.add_common(
            node,
            REKG.Stake,
            fact,
            {
                REKG.holder: self.ref(stake.holder, *loc, "holder"),
                REKG.investee: self.ref(stake.investee, *loc, "investee"),
                REKG.share: stake.share,
                REKG.hedge: stake.hedge,
                REKG.year: stake.year,
            },
        )
        self.label(
            node,
            f"stake of {self.name(stake.holder)} in {self.name(stake.investee)}",
            f"({stake.share}%)" if stake.share is not None else None,
        )
        return node


def _names_of_individuals(ontology: Graph, terms: OntologyTerms) -> dict[str, URIRef]:
    """The labels and alternative labels of the ontology's individuals, by :func:`_name_key`."""
    return {
        _name_key(str(name)): iri
        for iri in sorted(terms.individuals)
        for predicate in (RDFS.label, SKOS.altLabel)
        for name in ontology.objects(iri, predicate)
    }


def _name_key(name: str) -> str:
    """What makes two names the same name: case and spacing aside."""
    return normalise(name).casefold()


def _add_entities(
    built: BuiltDataset, terms: OntologyTerms, sheet: LoadedSheet, graph_name: URIRef, known: dict[URIRef, str], names: dict[str, URIRef]
) -> None:
    """Add the entities a registry or source sheet declares to ``known`` and to its graph, and
    their names to ``names``; a label or alternative label may name one entity only."""
    graph = built.dataset.graph(graph_name)
    for index, entry in enumerate(sheet.model.entities):
        iri = entity_iri(entry.id)
        rdf_type = REKG[entry.type]
        if rdf_type not in terms.classes:
            raise sheet.error(f"unknown class {entry.type!r}: not in the ontology", "entities", index, "type")
        if iri in known:
            raise sheet.error(f"entity {entry.id!r} is defined twice", "entities", index, "id")
        for field_name, name in [("label", entry.label)] + [("alt", alt) for alt in entry.alt]:
            other = names.setdefault(_name_key(name), iri)
            if other != iri:
                raise sheet.error(
                    f"{name!r} already names {entity_ref(other) or other}: a label or alternative label "
                    "names one entity (put words that merely refer to it under the source's mentions)",
                    "entities",
                    index,
                    field_name,
                )
        known[iri] = entry.label
        graph.add((iri, RDF.type, rdf_type))
        graph.add((iri, RDFS.label, Literal(entry.label, lang="en")))
        graph.add((iri, SKOS.prefLabel, Literal(entry.label, lang="en")))
        for alt in entry.alt:
            graph.add((iri, SKOS.altLabel, Literal(alt, lang="en")))
        if entry.iso:
            graph.add((iri, REKG.isoCode, Literal(entry.iso)))
        built.origins[iri] = (sheet, ("entities", index))


TEXTS_DIR = "texts"
"""The folder beside a sheet where the texts of sources curated with ``/curate`` are kept."""


def _source_text(loaded: LoadedSheet, corpus_dir: Path | None) -> str | None:
    """The text of the sheet's source file: from the corpus, or from the ``texts`` folder beside
    the sheet; None when the sheet names no file or there is neither."""
    info = loaded.model.source
    if info.file is None:
        return None
    beside = loaded.path.parent / TEXTS_DIR / info.file
    if beside.is_file():
        path = beside
    elif corpus_dir is None:
        return None
    else:
        path = corpus_dir / info.file
    if not path.is_file():
        raise loaded.error(f"source file {info.file!r} is not in the corpus {corpus_dir} nor in {beside.parent}", "source", "file")
    actual = sha256_of(path)
    if actual != info.sha256:
        raise loaded.error(f"sha256 of {info.file} is {actual}, not the one the sheet records", "source", "sha256")
    return path.read_text(encoding="utf-8")


def build_digest(facts_dir: Path) -> str:
    """What every graph of a build depends on besides its own sheet: the registry, the
    ontology, the shapes, the modality markers and the code that turns sheets into RDF. When
    it changes, every graph is rebuilt; else only the graphs of sheets whose digest changed."""
    digest = hashlib.sha256()
    parts = [
        facts_dir / REGISTRY_FILE,
        ONTOLOGY_FILE,
        MODALITY_MARKERS_FILE,
        *sorted(SHAPES_DIR.glob("*.ttl")),
        *(Path(module.__file__) for module in (sheets_module, modality_module, sys.modules[__name__])),
    ]
    for part in parts:
        digest.update(part.read_bytes())
    return digest.hexdigest()


def build_dataset(
    facts_dir: Path,
    *,
    corpus_dir: Path | None,
    on_sheet: Callable[[Path], None] | None = None,
    extra: Sequence[Path] = (),
    collect_problems: bool = False,
) -> BuiltDataset:
    """Build the RDF of every fact sheet in ``facts_dir``.

    Args:
        facts_dir: the folder holding ``entities.yaml`` and the source sheets.
        corpus_dir: where the source texts are; when given, every quote and surface form is
            checked against its text and located by character offsets.
        on_sheet: called after each sheet is built (for progress bars).
        extra: sheets from elsewhere, each in place of the folder's sheet of the same source.
        collect_problems: return with the error of each mention or fact that cannot be built in
            ``problems`` (a review page shows them), rather than raise them.

    Returns:
        The dataset (ontology graph, registry graph, one graph per source) and the origins.

    Raises:
        SheetError: a sheet is malformed, names an unknown entity or property, or quotes text
            its source does not contain.
        SheetProblems: more than one fact or mention cannot be built (each named).
    """
    ontology = load_ontology()
    terms = OntologyTerms.of(ontology)
    built = BuiltDataset(Dataset(), ontology, problems=[])
    ontology_graph = built.dataset.graph(ONTOLOGY_GRAPH)
    ontology_graph += ontology
    registry, sheets = load_sheets(facts_dir, extra)
    known = {iri: str(built.ontology.value(iri, RDFS.label)) for iri in terms.individuals}
    names = _names_of_individuals(ontology, terms)
    _add_entities(built, terms, registry, REGISTRY_GRAPH, known, names)
    built.dataset.graph(REGISTRY_GRAPH).add((REGISTRY_GRAPH, REKG.buildDigest, Literal(build_digest(facts_dir))))
    for loaded in sheets:
        _add_entities(built, terms, loaded, graph_iri(loaded.model.source.id), known, names)
    if corpus_dir is None:
        built.warnings.append("no corpus found: quotes were not checked against the source texts")
    known_modalities = modalities(ontology)
    for loaded in sheets:
        _SheetBuilder(built, terms, known, loaded, _source_text(loaded, corpus_dir), known_modalities).build()
        if on_sheet:
            on_sheet(loaded.path)
    if built.problems and not collect_problems:  # every problem of every fact at once: a draft's todos, each by line
        raise built.problems[0] if len(built.problems) == 1 else SheetProblems(built.problems)
    return built
