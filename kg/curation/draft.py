"""An extraction → a draft fact sheet in the project's YAML format, for a curator to fix."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from kg.curation.lexicon import (
    COMPASS_WORDS,
    EARLIER_TONNES,
    FACILITIES_IN_ONE_PLACE,
    GIVEN_PASSIVE,
    HELD_TOGETHER,
    HOLDER_SELLS,
    MULTIPLIERS,
    PARTY_KINDS,
    SEVERAL_DEALS,
)
from kg.curation.modal import drafted_modality, modal_marker, parties_of
from kg.curation.proposals import Extraction, Figure, Mention, Relation, slugify
from kg.curation.sheet_yaml import write_sheet
from kg.ingest.modality import find_marker
from kg.vocab import CURRENCY_UNITS, entity_kind, entity_ref

__all__ = [
    "agreement_parties",
    "DraftFact",
    "date_of",
    "draft_document",
    "draft_facts",
    "draft_sheet",
    "drafted_figures",
    "drafted_node",
    "figure_metric",
    "figure_subject",
]

_KIND_TYPES = {
    "company": "Company",
    "facility": "Facility",
    "person": "Person",
    "org": "Organization",
    "country": "Country",
    "region": "Region",
    "city": "City",
    "programme": "Programme",
    "material": "CriticalMineral",
}
_RELATION_PROPERTY = {"operates": "operates", "invested": "investedIn"}


def _ref(iri: str | None) -> str:
    return (entity_ref(iri) if iri else None) or "todo/unknown"


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


_SALE = re.compile(
    r"\bagreed\s+to\s+(?:sell|buy|acquire|purchase)\b|\b(?:bought|acquired|purchased)\s+(?!a\b|an\b|stakes?\b|shares\b)\w.*\bfor\b"
    r"|\b(?:its|their)\s+(?:purchase|acquisition)\s+of\s+(?!a\b|an\b)[^;]*\bfrom\b.*\bfor\b"  # "its purchase of X from Y for $49 million"
    r"|\bsold\s+(?:its|their|the)\s+[^;]*?\b(?:business|unit|mine|project|plant|assets|operations|subsidiary|division)\s+to\b.*\bfor\b"
)  # "bought Base Resources … for", "sold its H.C. Starck tungsten business to Mitsubishi Materials for"
_HOLDERS_STAKE_BOUGHT = re.compile(
    r"\b(?:pay|pays|paid|buy|buys|bought|acquires?|acquired|purchases?|purchased)\b[^.;]*?\b[A-Z][\w.&-]*(?:'s|’s|'|’)\s+(?:[\d.]+%\s+)?stakes?\b"
)
_SIGNED_TO = re.compile(
    r"\bsign(?:ed|s)?\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:agreement|memorandum|deal|pact|contract)\b.*\bto\s+(?:invest|spend)\s+(?:[\w-]+\s+){0,2}$"
)
_AGAINST_A_PRICE = re.compile(
    r"(?:/|per\s+|a\s+)(?:kg|kilo|kilogram|kilogramme|tonne|ton|pound|lb)s?\b.*\b(?:against|versus|compared\s+with|from)\s+"
    r"(?:about\s+|roughly\s+|around\s+|more\s+than\s+|less\s+than\s+|over\s+|nearly\s+|almost\s+)?$",
    re.IGNORECASE,
)
_PER_UNIT = re.compile(
    r"\s*(?:/|per\s+|a\s+)(?:kg|kilo|kilogram|kilogramme|metric\s+tonne\s+unit|mtu|tonne|ton|t|pound|lb|metric\s+ton)s?\b"
)  # "$600 per metric tonne unit": tungsten's price unit too


def drafted_figures(extraction: Extraction) -> list[Figure]:
    """The figures a draft states as facts: those with a metric of the ontology, and those whose
    metric the curator is left to decide (``todo-metric``: "holds 20% of the market"), but not a
    number of a kind no metric of the ontology records (money or a mass whose sentence ties it to
    no metric, among them): a change of capacity ("double capacity")
    or of trade ("fell by 93%"), a share of a trade ("85% of its exports") or of its own use ("40%
    of the raw materials it uses"), a rate ("tariffs to 10%"), money for no one named
    ("set aside 5 billion reais for critical minerals projects"), damages, fines, costs,
    revenue, profit or a worth ("mineral wealth at $6 trillion"); the draft names those in a
    comment instead."""
    return [
        f
        for f in extraction.figures
        if not (
            _unrecorded(f, extraction.sentences[f.sentence].text) or _given_to_no_one(f, extraction) or _price_of_no_deal(f, extraction)
        )
    ]


def _price_of_no_deal(figure: Figure, extraction: Extraction) -> bool:
    """Whether money is the price of a purchase whose seller the text does not name ("Chengxin
    bought the project in 2022 for $76 million"): no agreement of two parties to give it to."""
    sentence = extraction.sentences[figure.sentence]
    return (
        figure.unit in CURRENCY_UNITS
        and bool(_PURCHASED.search(sentence.text[: figure.start - sentence.start]))
        and figure_metric(figure, sentence.text) == "agreement-value"
        and figure_subject(figure, extraction) == "todo/subject"
    )


_PURCHASED = re.compile(r"\b(?:bought|acquired|purchased)\s+(?:it|the\s+\w+|its\s+\w+)\b[^.;]*\bfor\s+(?:about\s+|some\s+)?$")


def _given_to_no_one(figure: Figure, extraction: Extraction) -> bool:
    """Whether money is given to no one its sentence names after it ("The government will provide
    50 million pounds to support recycling projects"), or put into things no one owns ("will
    invest up to $7 billion in roads and other infrastructure"): the giver's, of no recipient."""
    sentence = extraction.sentences[figure.sentence]
    before, after = sentence.text[: figure.start - sentence.start], sentence.text[figure.end - sentence.start :]
    return (
        figure.unit in CURRENCY_UNITS
        and bool(_PROVIDED.search(before) or (_SPENT.search(before) and re.match(r"\s+in\s+(?!the\b|its\b|their\b)[a-z]", after)))
        and not [e for e in _sentence_entities(figure, extraction) if e[0] > figure.end and e[2] != "material"]
    )


_CHANGED = re.compile(r"\s+(?:from\s+a\s+year\s+(?:earlier|ago|before)|year[\s-]on[\s-]year|higher|lower)\b")
_CHANGE = re.compile(
    r"\b(?:fell|fall|falls|fallen|rose|rise|rises|risen|dropped|declined|increased|jumped|plunged|surged|grew|grown|climbed|slumped"
    r"|soared|tumbled|slid|up|down)\s+(?:by\s+)?(?:about\s+|almost\s+|nearly\s+|some\s+|around\s+|more\s+than\s+|over\s+|roughly\s+)?$"
)


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")
_PART_OF_YEAR = re.compile(
    r"\b(?:in|during|for)\s+the\s+(?:[\w-]+\s+)?(?:quarter|half|month|week)\b|\b(?:a|per)\s+(?:quarter|month|day|week)\b|\b(?:quarterly|monthly|daily)\b"
    rf"|\bin\s+(?:{'|'.join(_MONTHS)})\b(?!,?\s+\d{{4}})",
    re.IGNORECASE,
)  # "20,000 tonnes in the June quarter", "a day": not a year's
_SUPERSEDED = re.compile(
    r"\s*(?:of\s+[\w-]+\s+)?in\s+(?:its|the|a)\s+(?:previous|earlier|last|prior|former)\s+estimate"
)  # "up from 1.4 billion tonnes in its previous estimate"
_NO_OUTPUT = re.compile(  # "cut nickel ore mining quotas for 2026 to about 250 million wet tonnes": a cap, no one's output
    r"\bdemand\b[^.;]{0,40}$|\bestimates?\b[^.;]{0,20}\bfrom\s+(?:about\s+)?$|\bquotas?\b[^.;]*$"
    r"|\b(?:earlier|previous|prior|initial|original)\s+(?:(?:forecast|estimate|guidance|target)\s+of\s+)?(?:about\s+)?$"
)  # "down from an earlier forecast of 8,100 tonnes", "down from an earlier 32,000 tonnes": superseded
_GRADE = re.compile(r"\bgrad(?:e|es|ing)\s+(?:of\s+)?(?:about\s+|up\s+to\s+|around\s+)?$")  # "ore grading 0.3%"
_TAKES = re.compile(r"\b(?:take|takes|took|taken|taking|need|needs|needed|lasts|lasted|within)\b")  # a work's time
_MULTIPLIED = re.compile(rf"\b(?:{'|'.join(MULTIPLIERS)})\b")  # "double our output within two years"
_RATE = re.compile(r"\b(?:tariffs?|duty|duties|tax|taxes|interest\s+rates?|royalt\w+)\b")  # "halved its tariffs to 10%"
_OWN_USE = re.compile(
    r"\b(?:it|they)\s+(?:uses?|consumes?|needs?)\b|\bits\s+own\b|\b(?:its|their)\s+(?:[\w-]+\s+){0,3}?needs\b"
    r"|\bused\s+(?:at|by|in)\b"
)  # "40% of the raw materials it uses", "40% of the ilmenite used at Tronox's Kwinana plant"
_BOUGHT = re.compile(  # "to buy 30,000 tonnes", "The deal covers about 4,000 tonnes": a volume bought, no one's output
    r"\b(?:buy|buys|bought|purchase|purchases|purchased|take|takes|took|(?:deal|agreement|contract|offtake)\s+(?:covers|covered|is\s+for)"
    r"|(?:deal|agreement|contract|memorandum|mou)\s+(?:with\s+)?[^.;]{0,60}?\bfor)"  # "an offtake agreement with X for up to 50% of"
    r"\s+(?:up\s+to\s+|about\s+|around\s+|some\s+)?$"
)
_OF_OUTPUT = re.compile(
    r"\s+of\s+[^,.;]{0,40}?\b(?:output|production|concentrate)\b"
)  # "of the mine's nickel output", "of the concentrate"
_HOLDING = re.compile(r"\b(?:take|takes|took)\s+(?:up\s+to\s+|about\s+)?$")  # not "holds 6% of the world's reserves"
_TRADED = re.compile(  # a mass traded, not produced: "exports jumped to 3,188 tonnes", "Shipments … rose to 353 tonnes"
    r"^(?!.*\b(?:produc|mine[ds]?\b|mining|capacity|reserves?)).*\b(?:exports?|exported|imports?|imported|shipments?|shipped)\b"
)
_OF_TRADE = re.compile(
    r"\s+of\s+(?:its|their|the\s+\w+['’]s|\w+['’]s)\s+(?:\w+\s+)?(?:exports|imports|sales|revenue|profits?|earnings|royalties)\b"
)  # "85% of its exports", "30% of the mine's profits"


def _unrecorded(figure: Figure, sentence: str) -> bool:
    """Whether a figure is of a kind no metric records (see :func:`drafted_figures`)."""
    if figure_metric(figure, sentence) != "todo-metric":
        return False
    if figure.unit in CURRENCY_UNITS or figure.unit == "tonne":
        return True  # money or a mass no cue ties to a metric: a worth, cash, a trade, demand — left to the curator's reading
    lower = sentence.lower()
    at = lower.find(figure.text.lower())
    multiplier = (
        figure.unit in ("times", "year") or figure.text.lower() in MULTIPLIERS
    )  # "double … within two years", "ban within five years"
    return multiplier or (figure.unit == "percent" and at >= 0 and _percent_of_no_metric(lower, at, lower[at + len(figure.text) :][:60]))


def _percent_of_no_metric(lower: str, at: int, following: str) -> bool:
    """Whether a percentage (at ``at`` in the lower-case sentence, ``following`` it) is of a kind
    no metric records: a grade ("grading 0.3%"), a change ("rose 30% from a year earlier"), a
    rate ("tariffs to 10%"), a share of a trade ("85% of its exports"), of its own use ("40% of
    the raw materials it uses") or of its capacity (a utilisation)."""
    before = lower[:at]
    return bool(
        _GRADE.search(before)
        or HELD_TOGETHER.search(before)
        or HOLDER_SELLS.match(following.lstrip())  # "bought the 49.9% stake held by Tsingshan": the seller's, sold
        or _HOLDING.search(before)  # "lets the state take up to 34% of strategic deposits": a holding of no one named
        or re.search(r"\bthe\s+(?:remaining|other)\s+$", before)  # "The remaining 26% is held by a consortium": the rest, held
        or (_BOUGHT.search(before) and _OF_OUTPUT.match(following))  # "will buy 10% of the mine's nickel output": a share bought
        or re.match(r"\s+(?:complete|completed|built|finished|done)\b", following)  # "about 80% complete": progress
        or re.match(r"\s+of\s+(?:its\s+|their\s+)?(?:capacity|nameplate)\b", following)  # "never run at more than 40% of capacity"
        or _CHANGE.search(before)
        or _CUT_BY.search(before)  # "plans to raise output at its Mittersill mine in Austria by 20%"
        or _CHANGED.match(following)
        or _RATE.search(_clause_of(lower, at, at + 1))  # not "…, and the United States has charged anti-dumping duties"
        or _OWN_USE.search(following)
        or _OF_TRADE.match(following)
    )


def figure_metric(figure: Figure, sentence: str) -> str:
    """The metric a figure's sentence suggests, or ``todo-metric``."""
    lower = sentence.lower()
    if figure.unit == "count":
        return "count"
    at = lower.find(figure.text.lower())
    following = lower[at + len(figure.text) :][:60] if at >= 0 else ""  # what follows the number says what it is
    if figure.unit == "year" and _MULTIPLIED.search(lower):
        return "todo-metric"  # "double our output within two years": the time of a change no metric records
    if figure.unit == "year" and at >= 0 and re.search(r"\bwithin\s+$", lower[:at]) and re.search(r"\bbans?\b|\bbanning\b", lower):
        return "todo-metric"  # "would ban exports within five years": a ban's deadline, no work's time
    if figure.unit == "year" and "month" in figure.text.lower():
        return "todo-metric"  # "to rule on the permit within six months": months, which no year-valued metric records
    if figure.unit == "year" and at >= 0 and re.search(r"\blife\b|\bdelay", lower[max(at - 40, 0) : at] + following[:12]):
        return "todo-metric"  # "enough for a mine life of more than 40 years", "delayed by permitting for five years": no work's time
    if figure.unit == "year" and re.match(r"\s*(?:earlier|later|ahead|behind)\b", following):
        return "todo-metric"  # "will close … in 2026, two years earlier than planned": a shift, no work's time
    if figure.unit == "year" and re.match(r"\s*(?:after|since)\b", following):
        return "todo-metric"  # "less than two years after restarting it": a time between events, no work's time
    if figure.unit == "year" and following.lstrip().startswith("ago"):
        return "time-elapsed"  # "began more than 15 years ago"
    if figure.unit == "year" and at >= 0 and _TAKES.search(lower[_clause_span(lower, at, at + 1)[0] : at]):
        return "development-time"  # "can take up to 10 years from exploration to production"
    if figure.unit == "year":
        return "todo-metric"  # "15 years is not necessarily that long": a span of time, of no work the sentence names
    if figure.unit == "times" or figure.text.lower() in MULTIPLIERS:  # "may triple", "halve its consumption": a change of what follows
        return next(
            (
                metric
                for word, metric in ((r"\bconsum|\b(?:its|their)\s+use\s+of\b", "consumption-change"), (r"demand", "demand-growth"))
                if re.search(word, lower)  # "halve its consumption", "halve its use of dysprosium", "demand … may triple"
            ),
            "todo-metric",
        )
    if figure.unit == "percent" and at >= 0 and _IMPORTED_SHARE.search(lower[:at]) and following.lstrip().startswith("of "):
        return "net-import-reliance"  # "imports about 80% of its rare earths", "imports all of the lithium it uses": of its needs
    if figure.unit == "percent" and at >= 0 and _percent_of_no_metric(lower, at, following):
        return "todo-metric"  # a grade, a change, a rate, a share of a trade or of its own use
    if figure.unit == "percent" and at >= 0 and re.search(r"\brecycl\w*\s+(?:about\s+|up\s+to\s+)?$", lower[:at]):
        return "supply-potential"  # "to recycle 25% of them": what recycling is to supply of its needs
    if figure.unit == "tonne" and at >= 0 and _CUT_BY.search(lower[:at]):
        return "todo-metric"  # "will lift the mine's output by about 60,000 tonnes": a change, no metric
    if figure.unit == "tonne" and (_NO_OUTPUT.search(lower[:at] if at >= 0 else lower) or _SUPERSEDED.match(following)):
        return "todo-metric"  # "demand … to reach 120,000 tonnes", "cut its estimate from 22 million tonnes": no output of anyone's
    if figure.unit == "tonne" and at >= 0 and _BOUGHT.search(lower[:at]):
        return "todo-metric"  # "agreed to buy 30,000 tonnes of graphite a year from X": a volume bought, no one's output
    clause = re.split(r"[,;]|\s+(?:and|but|while)\s+", lower[at + len(figure.text) :], maxsplit=1)[0] if at >= 0 else ""
    if figure.unit == "tonne" and (
        _PART_OF_YEAR.search(following)
        or _PART_OF_YEAR.search(clause)
        or _TRADED.search(lower)
        or _TRADED_AMOUNT.search(lower[: max(at, 0)])
    ):
        return "todo-metric"  # "20,000 tonnes in the June quarter" (however far in its clause), "exports … to 3,188 tonnes": no metric records them
    if figure.unit == "tonne":
        yearly = any(
            w in re.sub(r"\ba\s+year\s+(?:earlier|ago|before)\b", "", lower)
            for w in ("a year", "per year", "annual", "capacity", "tpa", "per annum", "t/y")
        )
        clause = _clause_of(lower, at, at + len(figure.text)) if at >= 0 else lower  # "… reserves, …, but mined only 2,900 tonnes"
        if (
            "reserve" in clause
            or re.search(r"\b(?:holds?|contains?)\b.*\b(?:ore|resources?|deposits?)\b", clause)
            or (at >= 0 and _HELD_IN_GROUND.search(lower[:at]))
            or re.match(r"\s+of\s+(?:[\w-]+\s+){0,3}?(?:resources?|deposits?)\b", following)
            or (
                "deposit" in clause and re.match(r"\s+of\s+(?:[\w-]+\s+){0,2}?ore\b", following)
            )  # "deposits …, with 33 million tonnes of ore"
        ):  # "holds 4.7 billion tonnes of ore", "has about 23 million tonnes of lithium resources"
            return "reserves"
        mined = bool(  # not "the miner expects to produce", nor "expects its Oyu Tolgoi mine to produce": a verb, not the noun
            re.search(
                r"\b(?:mined|mining)\b|\b(?:to|will|would|could|can|and)\s+mine\b|\bmines\s+(?:about\s+|around\s+|some\s+)?\d", clause
            )
        )
        made = at >= 0 and _MADE.search(lower[:at]) and not re.match(r"[^,;]*?\b(?:a|per)\s+year\b", following)
        if made:  # "produced about 25,000 tonnes … in 2024, below its capacity of 40,000 tonnes a year": what was made
            return "mine-production"
        if yearly and (modal_marker(sentence) is not None or "capacity" in lower or "can " in lower or not mined):
            return "production-capacity"  # what a plant can do, or does, a year ("recovers 200 tonnes a year")
        return "mine-production" if mined or any(w in lower for w in ("produc", "output")) else "todo-metric"
    if at >= 0 and _CUT_BY.search(lower[:at]):
        return "todo-metric"  # "will cut spending on the operation by about A$200 million": a change, no metric
    if figure.unit in CURRENCY_UNITS and at >= 0 and _MANAGED.search(lower[:at]) and re.match(r"\s+(?:of|in)\s+assets\b", following):
        return "todo-metric"  # "manages about $900 billion of assets": a fund's size, no one's funding
    if figure.unit in CURRENCY_UNITS and _PER_UNIT.match(following):  # "$110/kg", "$60 per kilogram": a price
        return "price"
    if figure.unit in CURRENCY_UNITS and at >= 0 and _AGAINST_A_PRICE.search(sentence[:at]):
        return "price"  # "$3,500 per kilogram in Rotterdam, against roughly $1,000 in China": a price too
    if figure.unit in CURRENCY_UNITS and at >= 0 and _NAMED_FUND.match(sentence[at + len(figure.text) :]):
        return "funding-amount"  # "a A$1.2 billion Critical Minerals Strategic Reserve": a fund of that size
    if figure.unit in CURRENCY_UNITS:  # a loan is a loan to its borrower, agreement or not
        deal = re.match(  # "a $3 billion … agreement", "its $6.7 billion acquisition of X"
            r"(?:\s+[\w-]+){0,3}?\s+(?:agreement|deal|pact|contract|memorandum|acquisition|takeover|purchase|merger)\b", following
        )
        if deal and "loan" not in deal.group(0):
            return "agreement-value"
        if re.match(r"\s+(?:[\w-]+\s+)?expansion\b", following):
            return "funding-amount"  # "The $2 billion expansion will lift the mine's output": money put into the mine
        if at >= 0 and re.search(r"\b(?:a|an)\s+$", lower[:at]) and _FACILITY_AFTER.match(following):
            return "funding-amount"  # "will build an $800 million synthetic graphite anode plant": what the plant costs
        if at >= 0 and (_DEAL_WORTH.search(lower[:at]) or re.search(r"\bprepa(?:y|ys|id|ying)\s+(?:up\s+to\s+|about\s+)?$", lower[:at])):
            return "agreement-value"  # "a contract worth up to $245 million", "will prepay $34.6 million": the deal's value
        if (
            at >= 0 and _SIGNED_TO.search(lower[:at]) and "loan" not in lower
        ):  # "signed a memorandum … to invest about $500 million": the deal's
            return "agreement-value"
        funding = re.search(
            r"\b(?:loan|lend|lent|grant|fund|financ|invest|award|spend|spent|subsid|rais|back|incentive|package|tax credit|gave|give|given"
            r"|provid|contribut|stake|scheme|programme|program|initiative|financing|\bdebt\b|letters?\s+of\s+(?:support|interest)|receiv\w*\s+(?:[^.;]|\.(?=\d)){0,40}?\bfrom\b"
            r"|approv\w*\s+(?:a\s+|an\s+|about\s+|around\s+|up\s+to\s+|some\s+)?\S+(?:\s+(?:million|billion))?\s+"
            r"(?:to\s+(?:expand|build|develop|restart|upgrade|extend)\b|expansion\s+of\b))",
            lower,
        )  # money put in: "will receive A$135 million from the governments", "take a 10% stake … for $30 million",
        # "has approved about $1.25 billion to expand its Kansanshi mine"
        if at >= 0 and _STAKE_SOLD_FOR.search(lower[:at]):
            return "agreement-value"  # "agreed to sell a 30% stake in its X project to Mitsubishi for $600 million": the price
        if (_SALE.search(lower) and HOLDER_SELLS.search(lower)) or _HOLDERS_STAKE_BOUGHT.search(sentence):
            return "agreement-value"  # "bought the 49.9% stake held by Tsingshan for about $700 million", "pay $83 million for BHP's 17% stake": the price, paid to a holder
        if (any(w in lower for w in ("agreement", "deal", "pact")) or _SALE.search(lower)) and not funding:
            return "agreement-value"  # "agreed to sell its project to X for A$158 million": the price agreed
        return "funding-amount" if funding else "todo-metric"  # "damages of $11.5 billion" is no funding
    preceding = lower[:at] if at >= 0 else ""
    if re.search(r"\bto\s+(?:meet|supply|cover|satisfy)\s+(?:[\w-]+\s+)?$", preceding) and re.search(r"\b(?:demand|needs)\b", following):
        return "supply-potential"  # "wants recycling to meet 25% of its demand": what a source is to meet
    shares = (
        (("refin", "process", "separat"), "processing-share"),
        (("reserve",), "reserves-share"),
        (("production", "produc", "output", "mined", "mining"), "production-share"),
        (("consum",), "consumption-change"),
    )
    needs = (("demand", "needs"), "supply-potential")  # "could supply 20% of their demand": of what follows, if a possibility
    produced = re.search(r"\bproduc\w*\s+(?:about\s+|around\s+|up\s+to\s+)?$", preceding)  # "to produce 10% of its needs": no supply
    if produced and re.match(r"\s+of\s+(?:its|their)\s+(?:[\w-]+\s+){0,3}?(?:needs|demand)\b", following):
        return "todo-metric"  # "aims to produce 10% of its critical minerals needs": a share of its own use, no metric
    if re.search(
        r"\b(?:produc\w*|makes?|made)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|more\s+than\s+)?$", preceding
    ) and re.match(r"\s+of\s+(?:the\s+)?world['’]s\s+(?:refined|processed)\b", following):
        return "production-share"  # "produces about 80% of the world's refined bismuth": a producer's share of a refined product
    potential = (needs,) if drafted_modality(sentence) in ("possibility", "aim", "expected") and not produced else ()
    for text, kinds in ((following, (*shares, *potential)), (lower, shares)):
        found = sorted((text.find(w), metric) for words, metric in kinds for w in words if w in text)
        if found:
            return found[0][1]
    if re.match(r"\s+of\s+(?:the\s+world['’]s|world|global)\b", following):
        return "production-share"  # "supplies more than 90% of the world's graphite anodes": a producer's share
    return "todo-metric"


_FACILITY_AFTER = re.compile(r"(?:\s+[a-z-]+){0,5}?\s+(?:plant|refinery|factory|smelter|mill|mine|facility|concentrator)\b")
_TO_WORK = re.compile(
    r"\b(?:agreement|deal|memorandum|pact|contract|venture)\b.*\bto\s+(?:explore|develop|mine|build|study|jointly\s+\w+)\s+$"
)
_PAID_TOWARDS = re.compile(
    r"\b(?:fund|funds|pay|pays|contribute|contributes|spend|spends|spending|spent)\s+"
    r"(?:a\s+further\s+|up\s+to\s+|about\s+|more\s+than\s+|nearly\s+|around\s+|over\s+)?$"
)
"""Money a payer puts towards what its sentence names after it: the project's, not the payer's ("plans to spend 1,000 crore
rupees to recover germanium at its Chanderiya smelting complex", "has spent more than $1 billion on the project")."""
_PROJECT_DEBT = re.compile(  # "… of project debt", "spend about $1 billion on a second stage": the project named before
    r"\s+(?:(?:of|in)\s+project\s+(?:debt|financing|finance|funding|loans?)|on\s+(?:a|an|the|its)\s+(?:[\w-]+\s+)?(?:stage|phase|expansion))\b"
)
_HELD_IN_GROUND = re.compile(  # "The deposit holds an estimated 1.7 million tonnes": what it holds, not a stockpile's
    r"\b(?:(?<!stockpile\s)(?:holds|holding|contains|containing|hosts)|resources\s+(?:of|at))\s+(?:an?\s+)?(?:estimated|about|some|around|roughly|nearly|over|more\s+than|\s)*$"
)  # "with resources of about 7 million tonnes", "put Falchani's resources at about 5.5 million tonnes" too
_IMPORTED_SHARE = re.compile(r"\bimport(?:s|ed)?\s+(?:[\w-]+\s+)?$")
_CLAUSE_BREAK = re.compile(
    r",\s+but\s+|\s+but\s+|;\s+|,\s+while\s+|,\s+and\s+|\s+and\s+(?=(?:is|are|was|were|has|have|had|will|plans|aims|expects)\b)",
    re.IGNORECASE,
)


_RELATIVE_CLAUSE = re.compile(r",\s+which\s+[^,;]*")


def _clause_span(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause of ``sentence`` holding ``start:end`` begins and ends: between the breaks
    (", but", ";", ", and", "and is …") around it."""
    breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(sentence)]
    return max((e for s, e in breaks if e <= start), default=0), min((s for s, e in breaks if s >= end), default=len(sentence))


def _own_clause(sentence: str, start: int, end: int) -> str:
    """The clause of ``sentence`` holding ``start:end``, without the relative clauses about
    something else ("$250 million into the company, which opened a pilot plant in 2024")."""
    begin, finish = _clause_span(sentence, start, end)
    others = [m for m in _RELATIVE_CLAUSE.finditer(sentence, begin, finish) if not m.start() <= start < m.end()]
    return "".join(sentence[a:b] for a, b in zip([begin] + [m.end() for m in others], [m.start() for m in others] + [finish]))


def _clause_of(sentence: str, start: int, end: int) -> str:
    """The clause of ``sentence`` holding ``start:end`` (see :func:`_clause_span`)."""
    begin, finish = _clause_span(sentence, start, end)
    return sentence[begin:finish]


_FUNDED_WHICH = re.compile(
    r",\s+which\s+(?:was|is|were|are|has\s+been|had\s+been)\s+(?:funded|financed|backed|paid\s+for)\s+by\s+(?:a|an)?\s*$"
)
_MAKES_WHICH = re.compile(
    r",\s+which\s+(?:[a-z]+\s+){0,3}?(?:make|makes|made|produce|produces|produced|process|processes|processed|treat|treats|treated"
    r"|refine|refines|refined|mined)"
    r"\s+(?:about\s+|around\s+|some\s+|up\s+to\s+|nearly\s+|more\s+than\s+)?$"
)
_STAKE_SOLD_FOR = re.compile(
    r"\b(?:sell|sells|sold|selling)\s+(?:a|an|its|their|the)\s+[\d.]+%\s+stake\b[^;]*\bto\b[^;]*\bfor\s+(?:about\s+|around\s+|up\s+to\s+)?$"
)
_EARNED_IN = re.compile(r"\bearns?\b.*\bby\s+spending\b|\bspend\w*\b.*\bto\s+earn\b")  # a farm-in: money spent for a stake
_CUT_BY = re.compile(  # "will cut spending … by about A$200 million", "raising output by about 50,000 tonnes a year"
    r"\b(?:cut|cuts|cutting|reduce|reduces|reduced|reducing|lower|lowers|lowered|trim|trims|trimmed|slash|slashed"
    r"|lift|lifts|lifted|lifting|raise|raises|raised|raising|increase|increases|increased|increasing|boost|boosts|boosted|boosting)\b[^.;]*"
    r"\bby\s+(?:about\s+|around\s+|some\s+|nearly\s+|more\s+than\s+|up\s+to\s+)?$"
)
_TRADED_AMOUNT = re.compile(
    r"\b(?:exported|imported|exports|imports)\s+(?:a\s+record\s+|about\s+|around\s+|nearly\s+|some\s+|more\s+than\s+)?$"
)  # "Indonesia imported a record 10 million tonnes of nickel ore": a trade, no one's output
_NAMED_FUND = re.compile(r"\s+(?:[A-Z][\w-]*\s+){1,5}(?:Reserve|Fund|Programme|Program|Initiative|Facility|Scheme)\b")
"""After an amount, the name of the fund it sizes ("A$1.2 billion Critical Minerals Strategic Reserve")."""
_MADE_VERB = r"(?:produced|mined)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+)?"
_MADE_BY = re.compile(rf"\s+{_MADE_VERB}")
"""Between a producer and what it made: "Australia produced about 13,000 tonnes"."""
_MADE = re.compile(rf"\b{_MADE_VERB}$")
"""Before an amount made in a time past ("produced about 25,000 tonnes in 2024")."""
_RAISE_THAT = re.compile(
    r"\b(?:(?:raise|lift|increase|expand|boost|take|bring)\s+(?:that|this)|(?:an|the|its)\s+expansion)\s+to\s+(?:about\s+|around\s+)?$"
)  # "plans to raise that to 400 tonnes", "is studying an expansion to 150,000 tonnes": of what the figure before measured
_PROVIDED = re.compile(
    r"\b(?:provide|provides|provided|providing|offer|offers|offered|pledge|pledges|pledged)\s+(?:up\s+to\s+|about\s+|another\s+)?$"
)
_GIVEN = re.compile(
    r"\b(?:lent|lends?|loaned|granted|awarded|gave|gives|give|paid|pays|offered|offers|provided|provides)\s+$", re.IGNORECASE
)
_LENT = re.compile(  # "could lend up to $2 billion for the project" (not "lend it $120 million for the project": to it)
    r"\b(?:lend|lent|loan\w*|grant\w*|award\w*|offer\w*|provid\w*|invest\w*|commit\w*|pledg\w*|support\s+for|spen[dt]\w*)\s+"
    r"(?:of\s+)?(?:(?:up\s+to|about|around|nearly|some|a\s+further)\s+)?$",  # "a loan of up to 25 million euros for the project" too
    re.IGNORECASE,
)
_LENT_IT = re.compile(
    r"\b(?:lent|lend|lends|loaned|granted|awarded|gave|give|gives|offered|offers|provided|provides)\s+(?:it|them)\s+"
    r"(?:(?:up\s+to|about|around|nearly|some|a\s+further)\s+)?$",
    re.IGNORECASE,
)
_GAPPED = re.compile(r"[^,.;]*,\s+and\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,5}(?:[A-Z]{1,2}\$|\$|€|£|¥)")
_MATERIAL_NOUNS = {"elements", "minerals", "metals"}
_ITS_CAPACITY = re.compile(
    r"\bits\s+(?:[\w-]+\s+)?(?:capacity|output|production)\s+(?:to|of|by)\s+(?:about\s+|around\s+|nearly\s+|some\s+)?$"
)
_OUTPUT = r"(?:[\w-]+\s+)?(?:capacity|output|production)"  # "copper output"
_RAISE = r"(?:raise|lift|increase|expand|boost|double|triple)"
_OUTPUT_AFTER_OWNER = re.compile(rf"['’]s?\s+{_OUTPUT}\b")
_OUTPUT_RAISED_TO = re.compile(rf"['’]s?\s+{_OUTPUT}\s+(?:to|by)\s+(?:about\s+|around\s+|nearly\s+)?")
_TO_RAISE = re.compile(rf"\s+to\s+{_RAISE}\s+")


def _whose_output(figure: Figure, extraction: Extraction) -> str | None:
    """The company or facility whose output a figure raises: named with a possessive (the mass in
    "raise Mopani's copper output to 200,000 tonnes", the money in "invest $1 billion to raise
    Mopani's copper output"), or the one money is put into ("invest $1 billion in KCM … to lift
    copper output to 300,000 tonnes"); None without such an owner."""
    text = extraction.sentences[figure.sentence]
    for m in extraction.mentions:
        if m.sentence != figure.sentence or m.kind not in PARTY_KINDS | {"facility"} or m.ref_iri is None:
            continue
        if (
            figure.unit == "tonne"
            and m.end <= figure.start
            and _OUTPUT_RAISED_TO.fullmatch(text.text[m.end - text.start : figure.start - text.start])
        ):
            return _ref(m.ref_iri)
        if (
            figure.unit in CURRENCY_UNITS
            and figure.end <= m.start
            and _TO_RAISE.fullmatch(text.text[figure.end - text.start : m.start - text.start])
            and _OUTPUT_AFTER_OWNER.match(text.text[m.end - text.start :])
        ):
            return _ref(m.ref_iri)
    invested = [r.object for r in extraction.relations if r.sentence == figure.sentence and r.kind == "invested" and r.object]
    if figure.unit == "tonne" and invested and _INVESTED_TO_RAISE.search(text.text[: figure.start - text.start]):
        return _ref(invested[-1])  # "plans to invest about $1 billion in KCM … to lift copper output to 300,000 tonnes": KCM's
    return None


def _lone_site(figure: Figure, extraction: Extraction, here: list[tuple[int, str, str]]) -> str | None:
    """The facility whose output or expansion a company's sentence speaks of without its possessive
    ("Eramet expects output to rise to 70,000 tonnes", "is weighing a $7 billion expansion"): the
    one facility the text has said the company runs (of those the sentence names, if it names
    any); None where it runs none or several."""
    sentence = extraction.sentences[figure.sentence]
    before, after = sentence.text[: figure.start - sentence.start], sentence.text[figure.end - sentence.start :]
    output = figure.unit == "tonne" and _UNOWNED_OUTPUT.search(before)
    expansion = figure.unit in CURRENCY_UNITS and _AN_EXPANSION.match(after)
    if not (output or expansion):
        return None
    companies = {ref for _, ref, kind in here if kind == "company"}
    named = {ref for _, ref, kind in here if kind == "facility"}  # "X, which runs the Antamina mine, expects output …": that one
    run = {
        _ref(r.object)
        for r in extraction.relations
        if r.kind == "operates"
        and r.sentence <= figure.sentence
        and _ref(r.subject) in companies
        and (not named or _ref(r.object) in named)
    }
    return run.pop() if len(run) == 1 else None


_AN_EXPANSION = re.compile(r"\s+(?:[\w-]+\s+)?(?:expansion|upgrade|extension)\b(?!\s+of\b)")
"""After money, the work it pays for on a site the sentence leaves unnamed ("a $7 billion expansion")."""
_UNOWNED_OUTPUT = re.compile(
    r"\b(?:expects?|forecasts?)\s+(?:[a-z]+\s+)?(?:output|production)\s+to\s+(?:rise|grow|increase|climb|reach|fall|drop|double)\s+to\s+"
    rf"(?:about\s+|around\s+|nearly\s+)?(?:{EARLIER_TONNES})?$"
)  # "expects copper output to fall to about 390,000 tonnes in 2025 from 430,000 tonnes": both of the site's


_STATE_OWNED = re.compile(r"\bstate(?:-owned|-run|-controlled)?\s+(?:[a-z-]+\s+){0,2}[a-z]+$")
"""A state's holding read from what describes a company ("state development bank"): no money put in."""
_PLACE_OF_A_SITE = re.compile(r"\b(?:in|at|near)\s+(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*(?:'s|’s)\s+)?(?:[a-z]+\s+)?$")
"""Before a place that says where a site is ("mine in southern Peru", "near Brits in South Africa's North West province")."""
_INVESTED_TO_RAISE = re.compile(rf"\binvest\w*\b.*\bto\s+{_RAISE}\s+(?:its\s+|the\s+)?{_OUTPUT}\s+to\s+(?:about\s+|around\s+|nearly\s+)?$")
_TO_WORK_ON = re.compile(  # "a $2.5 billion investment to expand its Rincon project", "to double … output at its X operation"
    r"\s+(?:(?P<investment>investments?\s+)?to\s+(?:expand|develop|build|restart|upgrade|extend|double|triple|raise|lift|increase|boost)"
    r"|expansion\s+of"
    r"|(?:building|developing|expanding|constructing))\s+(?:[a-z-]+\s+){0,3}?(?:(?:at|in)\s+)?(?:(?:its|the|their)\s+)?"
)  # "to expand battery recycling at its Ronnskar smelter" too
_A_PLAN_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?plan\s+to\b")
"""After money, the plan it is for ("a $2 billion plan to extend the mine's life"), whose marker qualifies it."""
_MANAGED = re.compile(r"\bmanag(?:es|ed|ing|e)\s+(?:about\s+|around\s+|some\s+|nearly\s+|more\s+than\s+)?$")
"""Before money a fund manages ("manages about $900 billion of assets")."""
_GIVING = re.compile(r"\b(?:lend|lends|lent|loaned|grant|grants|granted|award|awards|awarded|gave|give|gives|given|offer|offers|offered)\b")
"""A verb giving money to someone the sentence names: the money is theirs, not the plant's it is for."""
_TO_FUND = re.compile(r"\s+to\s+(?:help\s+)?(?:fund|finance|pay\s+for)\s+(?:a|an|the)\s+(?:new\s+|planned\s+|second\s+)?")
"""Between money and the plant it pays for: "$300 million to fund a new ore-drying plant"."""
_SPENT = re.compile(
    r"\b(?:spend|spends|spent|spending|invest|invests|invested|investing|approved|approves)\s+(?:a\s+|about\s+|around\s+|up\s+to\s+|more\s+than\s+|nearly\s+|some\s+)?$"
)
_DEAL_WORTH = re.compile(
    r"\b(?:agreement|deal|pact|contract|order)\s+(?:worth|valued\s+at)\s+(?:up\s+to\s+|about\s+|around\s+|more\s+than\s+|nearly\s+)?$"
)
_UNNAMED_PLANT_AT = re.compile(
    r"\b(?:a|an)\s+(?:new\s+)?(?:[\w-]+\s+)?(?:plant|refinery|factory|facility|mill|smelter|mine)\s+(?:at|in|near)\s+(?:the\s+|its\s+)?$"
)  # "a lithium mine at its Beauvoir kaolin quarry": where the new mine is, not what produces
_GROUP_SPENT = re.compile(
    r"^(?:[A-Z][\w-]*\s+)?(?:companies|firms|investors|miners|producers|banks)\s+(?:have\s+|has\s+|had\s+)?"
    r"(?:spent|invested|paid|put|poured|committed)\b"
)
_SUBJECT_KINDS = {
    "tonne": ("facility", "company", "country", "region"),  # what produced or can produce it
    "money": ("company", "facility", "agency", "country", "org", "region"),  # who gets the money, or whose deal it is
    "year": ("facility", "company", "country", "programme", "org", "agency", "region"),  # whose work took the time, never a material
}


def _sentence_entities(figure: Figure, extraction: Extraction) -> list[tuple[int, str, str]]:
    """The entities of a figure's sentence, as (start, ref, kind): names (known or new) and
    references resolved to one ("the refinery")."""
    found = [(m.start, _ref(m.ref_iri), m.kind) for m in extraction.mentions if m.sentence == figure.sentence]
    for reference in extraction.references:
        iri = extraction.resolved.get(reference.start)
        if reference.sentence == figure.sentence and iri:
            found.append((reference.start, _ref(iri), entity_kind(iri)))
    return sorted(found)


def figure_subject(figure: Figure, extraction: Extraction) -> str:
    """The entity a figure is most likely about: for a price, the material priced; for a share of
    the world's output, never the material (a producer's share); for a mass or money, the first entity of the
    kinds such a figure is about (a facility's output, a company's loan; never the material it
    weighs); for a deal's value, the agreement its sentence (or the one before) drafts; for a count, the discovery its
    sentence drafts, or what it counts when named right after it ("17 rare earth elements"), or
    the material last named ("17 minerals"); else the last entity named before it in its
    sentence (or the first after). ``todo/subject`` when there is none."""
    here = [e for e in _sentence_entities(figure, extraction) if e[2] != "person"]  # a person has no figure of the graph's
    text = extraction.sentences[figure.sentence]
    owners = {  # "Myanmar's Kachin state", "Gecamines' unit STL": the owner only says whose
        m.start
        for m in extraction.mentions
        if m.sentence == figure.sentence and re.match(r"['’]s?\s+(?:[a-z-]+\s+){0,2}[A-Z]", text.text[m.end - text.start :])
    }
    here = [e for e in here if e[0] not in owners] or here
    hosts = {  # "at a new plant at the site": where an unnamed plant is, not what produces
        start for start, _, _ in here if _UNNAMED_PLANT_AT.search(text.text[: start - text.start])
    }
    here = [e for e in here if e[0] not in hosts] or here
    several = {  # "capacity of about 40,000 tonnes at its plants in Ganzhou, Baotou and Ningbo": the owner's, over them all
        m.start
        for m in extraction.mentions
        if m.sentence == figure.sentence and m.kind == "facility" and (m.name or m.text).split()[0].lower() in FACILITIES_IN_ONE_PLACE
    }
    here = [e for e in here if len(several) < 2 or e[0] not in several] or here
    if _RAISE_THAT.search(text.text[: figure.start - text.start]):  # "plans to raise that to 400 tonnes": the figure before's
        before = [f for f in extraction.figures if f.unit == figure.unit and f.start < figure.start]
        if before:
            return figure_subject(before[-1], extraction)
    whose = _whose_output(figure, extraction)
    if whose is not None:  # "will invest about $1 billion to raise Mopani's copper output to 200,000 tonnes": Mopani's, both
        return whose
    site = _lone_site(figure, extraction, here)
    if site is not None:  # "Eramet expects output to rise to 70,000 tonnes", of the one mine the text said it runs
        return site
    earned = [  # "will spend A$8m to earn a 51% interest", "can earn up to 75% of X by spending A$40m": money put into X
        r.object
        for r in extraction.relations
        if figure.unit in CURRENCY_UNITS
        and r.sentence == figure.sentence
        and r.kind == "invested"
        and r.object
        and _EARNED_IN.search(text.text)
    ]
    if earned:
        return _ref(earned[0])
    own = _ITS_CAPACITY.search(text.text[: figure.start - text.start]) if figure.unit == "tonne" else None
    subjects = [ref for start, ref, kind in here if kind == "company" and start - text.start < (own.start() if own else 0)]
    if subjects:  # "Harita Nickel has started a line at its Obi complex, raising its capacity to 120,000 tonnes": Harita's
        return subjects[0]
    if figure.unit in CURRENCY_UNITS:  # "a loan of 150 million euros from the European Investment Bank": the lender gives, not gets
        here = [e for e in here if not re.search(r"\bfrom\s+(?:the\s+)?$", text.text[: e[0] - text.start])]
    metric = figure_metric(figure, extraction.sentences[figure.sentence].text)
    if metric == "price":
        return _priced(figure, extraction, here)
    sized = [  # "a 100 billion yen package", "a A$1.2 billion Critical Minerals Strategic Reserve"
        ref
        for start, ref, kind in here
        if kind == "programme"
        and (start == figure.start or (start >= figure.end and not text.text[figure.end - text.start : start - text.start].strip()))
    ]
    if sized:  # "a 100 billion yen package": the programme the money is
        return sized[0]
    costed = [  # "an $800 million synthetic graphite anode plant", "$300 million to fund a new plant": the plant the money builds
        ref
        for start, ref, kind in here
        if kind == "facility"
        and figure.unit in CURRENCY_UNITS
        and start >= figure.end
        and (
            not text.text[figure.end - text.start : start - text.start].strip()
            or _TO_FUND.fullmatch(text.text[figure.end - text.start : start - text.start])
            or (  # "a letter of interest for up to $120 million for a commercial graphite plant": the new plant's, none given it
                re.fullmatch(r"\s+for\s+(?:a|an)\s+", text.text[figure.end - text.start : start - text.start])
                and not _GIVING.search(text.text[: figure.start - text.start])
            )
        )
    ]
    if costed:
        return costed[0]
    sentence_text = extraction.sentences[figure.sentence]
    purposed = [
        ref
        for start, ref, kind in here
        if kind == "programme"
        and start < figure.start
        and re.search(
            r"\bto\s+(?:build|make|produce|develop|support|fund|create)\b",
            sentence_text.text[start - sentence_text.start : figure.start - sentence_text.start],
        )
    ]
    if figure.unit == "tonne" and purposed:  # "a … scheme to build capacity to make 6,000 tonnes of magnets a year": the scheme's aim
        return purposed[-1]
    paid = _PAID_TOWARDS.search(text.text[: figure.start - text.start]) if figure.unit in CURRENCY_UNITS else None
    towards = [ref for start, ref, kind in here if paid and kind == "facility" and start > figure.end]
    if towards:  # "Rio Tinto will fund $425 million of studies and pay a further $400 million if it decides to build the project"
        return towards[0]
    project_debt = _PROJECT_DEBT.match(text.text[figure.end - text.start :]) if figure.unit in CURRENCY_UNITS else None
    facilities = [m.ref_iri for m in extraction.mentions if m.kind == "facility" and m.sentence <= figure.sentence]
    built = metric == "development-time" and re.search(r"\bconstruction\b", text.text) and not any(k == "facility" for _, _, k in here)
    run = [f for f in facilities if f in {r.object for r in extraction.relations if r.kind == "operates"}]  # someone's project
    if (project_debt or built) and facilities:  # "… of project debt", "… on a second stage", "expects construction to take four years"
        return _ref((run or facilities)[-1])
    funded = _FUNDED_WHICH.search(text.text[: figure.start - text.start]) if figure.unit in CURRENCY_UNITS else None
    funded = funded or (_MAKES_WHICH.search(text.text[: figure.start - text.start]) if figure.unit == "tonne" else None)
    if funded:  # "its plant in Upton, which was funded by a $22 million grant", "its anode plant, which could make …": the plant
        antecedent = [
            (kind != "facility", -start, ref)
            for start, ref, kind in here
            if start - text.start < funded.start() and kind in ("facility", "company")
        ]
        if antecedent:
            return min(antecedent)[2]  # the last facility named before the clause, else the last company
    if metric.endswith("-share") or metric == "supply-potential":  # a share is a producer's, not the material's nor where it is
        sentence_text = extraction.sentences[figure.sentence]
        located = {
            start
            for start, _, kind in here
            if kind in ("region", "city") and re.search(r"\b(?:in|at|near)\s+$", sentence_text.text[: start - sentence_text.start])
        }  # "at Mountain Pass in California": where, not who
        here = [  # nor the world whose output it shares ("the world's largest producer of palladium, with about 40%")
            entity for entity in here if entity[2] != "material" and entity[0] not in located and entity[1] != "region/world"
        ]
    kinds = () if metric == "agreement-value" else _SUBJECT_KINDS.get("money" if figure.unit in CURRENCY_UNITS else figure.unit, ())
    sentence = extraction.sentences[figure.sentence]
    aside = [a.span() for a in re.finditer(r",\s+(?:a|an|which|who|whose)\b[^,]*,", sentence.text)]
    invested = [  # "invested $200 million in Lynas"; not "KoBold, a company backed by Bill Gates, plans to spend $2.3 billion"
        _ref(r.object)
        for r in extraction.relations
        if r.sentence == figure.sentence
        and r.kind == "invested"
        and not any(a <= (r.at or 0) - sentence.start <= b for a, b in aside)
        and not _STATE_OWNED.search(sentence.text[: (r.at or 0) - sentence.start])  # "state development bank BNDES": whose it is
    ]
    if figure.unit in CURRENCY_UNITS and invested and metric != "agreement-value":  # "invested $200 million in Lynas": to Lynas
        named_after = {ref for start, ref, _ in here if start > figure.end}  # not "Volkswagen's unit PowerCo has agreed to invest"
        return min(invested, key=lambda ref: ref not in named_after)
    awarded = re.search(rf"{GIVEN_PASSIVE}\s+(?:\w+\s+)?$", sentence.text[: figure.start - sentence.start])
    grantees = [ref for start, ref, kind in here if kind in PARTY_KINDS and awarded and start < sentence.start + awarded.start()]
    if figure.unit in CURRENCY_UNITS and grantees:
        return grantees[-1]  # "South32 has been awarded $20 million by …": the one awarded
    expanded = [  # "approved a $2.5 billion investment to expand its Rincon lithium project": the project's
        ref
        for start, ref, kind in here
        if kind == "facility"
        and start > figure.end
        and (work := _TO_WORK_ON.fullmatch(sentence.text[figure.end - sentence.start : start - sentence.start]))
        and (
            work.group("investment")
            or _SPENT.search(sentence.text[: figure.start - sentence.start])  # "expects to spend … to develop"
            or work.group(0).lstrip().startswith("expansion")  # "has finished a 7 billion crown expansion of its Odda smelter"
        )
    ]
    if figure.unit in CURRENCY_UNITS and expanded:
        return expanded[0]
    recipient = [  # "lent Lynas $200 million", "awarded Ucore $18.4 million", "lend US$15 million to Ionic"
        ref
        for start, ref, _ in here
        if (start < figure.start and _GIVEN.search(sentence.text[: start - sentence.start]))
        or (
            start > figure.end
            and re.fullmatch(
                r"\s+(?:in\s+(?:financing|funding|loans|grants|debt)\s+)?(?:to\s+(?:fund|finance|support)\s+(?:[\w-]+\s+){0,3}?(?:on|at|of)\s+|to\s+|for\s+|on\s+)"
                r"(?:the\s+)?",
                sentence.text[figure.end - sentence.start : start - sentence.start],
            )  # "… $4.4 million to fund engineering work on the project": the project's
            and (
                re.match(r"\s+to\s+(?!fund\b|finance\b|support\b)", sentence.text[figure.end - sentence.start :])
                or _LENT.search(sentence.text[: figure.start - sentence.start])
            )
        )
    ]
    if figure.unit in CURRENCY_UNITS and recipient and metric != "agreement-value":  # "lend US$15 million to Ionic"; not
        # "a deal to supply cathodes worth about $2.9 billion to Tesla": the deal's value
        return recipient[0]
    lent_it = _LENT_IT.search(sentence.text[: figure.start - sentence.start])
    if figure.unit in CURRENCY_UNITS and lent_it:  # "when they lent it $250 million": the party named before, not the lender
        verb = sentence.start + lent_it.start()
        lender = re.search(
            r"([A-Z][\w.&'’-]*)\s+(?:(?:could|would|will|may|has|have|had|also|then)\s+)*$", sentence.text[: lent_it.start()]
        )
        named = [(start, ref) for start, ref, kind in here if start < verb and kind in PARTY_KINDS]
        if lender:  # "the US Export-Import Bank could lend it": the one named before the Bank
            named = named[:-1]
        if named:
            return named[-1][1]
    earlier = [f for f in extraction.figures if f.sentence == figure.sentence and f.end < figure.start and f.unit in CURRENCY_UNITS]
    if earlier and figure.unit in CURRENCY_UNITS and _GAPPED.match(sentence.text[earlier[-1].end - sentence.start :]):
        return figure_subject(earlier[-1], extraction)  # "lend C$200 million to Torngat, and the Bank C$100 million": Torngat too
    if figure.unit in CURRENCY_UNITS and _GROUP_SPENT.search(text.text[: figure.start - text.start]):
        return "todo/subject"  # "Chinese companies have spent more than $1.4 billion": of companies the text does not name
    asides = [  # "Glencore, which owns the Mutanda and Kamoto mines, produced …": Glencore's, not a mine's
        (a.start(), a.end())
        for a in re.finditer(r",\s+(?:which|who)\b[^,]*,", sentence.text)
        if not a.start() <= figure.start - sentence.start < a.end()
    ]
    here = [e for e in here if not any(a <= e[0] - sentence.start < b for a, b in asides)] or here
    makers = [  # "Australia produced about 13,000 tonnes …, almost all of it from Lynas's Mount Weld mine": Australia's
        _ref(m.ref_iri)
        for m in extraction.mentions
        if m.sentence == figure.sentence
        and (
            m.kind in ("country", "region")  # a company's output "at its Moma mine" is the mine's (see below)
            or (  # "Sherritt said the Moa Joint Venture produced …": the venture's, not the reporter's
                m.kind in ("company", "facility")
                and re.search(r"\b(?:said|says|reported|announced)\s+(?:that\s+)?(?:the\s+)?$", sentence.text[: m.start - sentence.start])
            )
        )
        and _MADE_BY.fullmatch(sentence.text[m.end - sentence.start : figure.start - sentence.start])
        and not _PLACE_OF_A_SITE.search(sentence.text[: m.start - sentence.start])  # not "mine in southern Peru"
    ]
    if figure.unit == "tonne" and makers:
        return makers[0]
    begin, finish = _clause_span(sentence.text, figure.start - sentence.start, figure.end - sentence.start)
    clause = [e for e in here if begin <= e[0] - sentence.start < finish]  # "Lynas produced … and is expanding its mine": Lynas
    scope = clause if any(k in kinds for _, _, k in clause) else here
    for kind in kinds:
        of_kind = [ref for _, ref, k in scope if k == kind]
        if of_kind:
            return of_kind[0]
    nodes = {drafted_node(r, extraction) for r in extraction.relations if r.sentence == figure.sentence} - {None}
    deals = sorted(n for n in nodes if n.startswith("agreement/"))
    if not deals and metric == "agreement-value":  # "Canmax will prepay $34.6 million": the deal of the sentence before
        before = {drafted_node(r, extraction) for r in extraction.relations if r.sentence == figure.sentence - 1} - {None}
        deals = sorted(n for n in before if n.startswith("agreement/"))
    if metric == "agreement-value":  # a deal's value is the agreement's: the one its sentence drafts
        return deals[0] if len(deals) == 1 else "todo/subject"
    if kinds:
        return "todo/subject"
    finds = sorted(n for n in nodes if n.endswith("-discovery") or "-export-restriction" in n)
    finds = finds or (deals if _TO_WORK.search(text.text[: figure.start - text.start]) else [])  # "an agreement … to explore five blocks"
    if figure.unit == "count" and len(finds) == 1:  # "discovered 11 deposits", "controls on seven rare earths": of the event
        return finds[0]
    programmes = [ref for _, ref, kind in here if kind == "programme"]
    if figure.unit == "count" and programmes:  # "47 strategic projects under the Critical Raw Materials Act": the programme's
        return programmes[0]
    counted = [ref for start, ref, _ in here if figure.start <= start <= figure.end + 20 and ref != "todo/unknown"]
    if figure.unit == "count" and counted:
        return counted[0]
    if figure.unit == "count" and figure.text.split()[-1].lower() in _MATERIAL_NOUNS:  # "17 minerals": the material last named
        named = [m for m in extraction.mentions if m.kind == "material" and m.start < figure.start]
        return _ref(named[-1].ref_iri) if named else "todo/subject"
    before = [ref for start, ref, _ in here if start < figure.start]
    chosen = before[-1:] or [ref for _, ref, _ in here][:1]
    return chosen[0] if chosen else "todo/subject"


def _priced(figure: Figure, extraction: Extraction, here: list[tuple[int, str, str]]) -> str:
    """The material a price is of: named right after its unit ("$110 a kilogram for NdPr"), else
    the last one named before it ("Dysprosium oxide traded at $800 per kilogram"), else the first
    after, else the one the article names most; ``todo/subject`` when it names none."""
    sentence = extraction.sentences[figure.sentence]
    materials = [(start, ref) for start, ref, kind in here if kind == "material"]
    unit = _PER_UNIT.match(sentence.text[figure.end - sentence.start :])
    named = figure.end + (unit.end() if unit else 0)
    of = [
        ref
        for start, ref in materials
        if re.fullmatch(r"\s+(?:of|for)\s+(?:the\s+)?", sentence.text[named - sentence.start : start - sentence.start])
    ]
    before = [ref for start, ref in materials if start < figure.start]
    after = [ref for start, ref in materials if start > figure.end]
    named = [_ref(m.ref_iri) for m in extraction.mentions if m.kind == "material"]
    topic = [max(named, key=named.count)] if named else []  # "Prices of ammonium paratungstate rose": the article's material
    return (of or before[-1:] or after or topic or ["todo/subject"])[0]


def _place_after(facility: str | None, extraction: Extraction) -> list[str]:
    """The place a facility's description names ("a plant at Uyuni"), or else the first place
    named in its sentence just after its name ("the Mount Weld mine in Western Australia", "a
    magnet plant in Narva, Estonia"), past a possessor ("in Namibia's Erongo region"): where it is."""
    named = [m for m in extraction.mentions if m.ref_iri == facility]
    if not named:
        return []
    first = named[0]
    own = re.search(r"\b(?:in|at|near)\s+(.+)$", first.name or first.text)  # "plant at Uyuni": the place its description names
    inside = [m for m in extraction.mentions if own and m.kind in _PLACE_KINDS and m.text == own.group(1)]
    if inside:
        return [_ref(inside[0].ref_iri)]
    sentence = extraction.sentences[first.sentence]
    places = sorted(
        (m for m in extraction.mentions if m.sentence == first.sentence and m.kind in _PLACE_KINDS and m.start >= first.start),
        key=lambda m: m.start,
    )
    possessors = {  # "in Quebec's Abitibi region": the region, which Quebec holds
        m.start for m, n in zip(places, places[1:]) if sentence.text[m.end - sentence.start : n.start - sentence.start] in ("'s ", "’s ")
    }
    return [
        _ref(m.ref_iri)
        for m in places
        if m.start not in possessors
        and re.fullmatch(
            rf"[\s,]*(?:(?:in|at|near|on)\s+)?(?:(?:{'|'.join(w.lower() for w in COMPASS_WORDS)})\s+)?(?:[A-Z][\w'’-]*[\s,]*)*",
            sentence.text[first.end - sentence.start : m.start - sentence.start],
        )
    ][:1]


_PLACE_KINDS = {"country", "region", "city"}


def _figure_material(figure: Figure, extraction: Extraction) -> str | None:
    """The material a mass counts: the first one its sentence names after the number."""
    after = [m for m in extraction.mentions if m.sentence == figure.sentence and m.kind == "material" and m.start > figure.start]
    return _ref(after[0].ref_iri) if after else None


def _year_of(sentence: str) -> int | None:
    """The year a sentence dates what it says to ("in 2024"), if it names one."""
    found = re.search(r"\bin ((?:19|20)\d\d)\b", sentence)
    return int(found.group(1)) if found else None


_DATED = re.compile(
    rf"\b(?:(?:in|on|since)\s+)?(?:(\d{{1,2}})\s+)?(?:({'|'.join(_MONTHS)})\s+(?:(\d{{1,2}}),?\s+)?)?((?:19|20)\d\d)\b", re.IGNORECASE
)


def _restriction_date(relation: Relation, extraction: Extraction) -> str | None:
    """The date of an export restriction: the first its own clause gives after its words ("… since
    December 2023, and it banned shipments … in December 2024": each its own), else its sentence's."""
    sentence = extraction.sentences[relation.sentence]
    after = sentence.text[relation.at - sentence.start :] if relation.at is not None else ""
    return date_of(re.split(r"[,;]\s+(?:and|but|while)\b", after, maxsplit=1)[0]) or date_of(sentence.text)


def date_of(sentence: str) -> str | None:
    """The date an event of ``sentence`` happened on, as precise as the sentence gives it
    ("2023", "2023-12", "2024-01-08"), from "in 2023", "in December 2023", "On January 8, 2024",
    "on 9 October 2025", "since 2022" (a ban in force since: when it began)."""
    for found in _DATED.finditer(sentence):
        day_first, month, day, year = found.groups()
        day = day or (day_first if month else None)
        if month is None and not found.group(0).lower().startswith(("in", "on", "since")):
            continue  # a bare year ("2,000 tonnes by 2030") dates nothing
        if month is None:
            return year
        number = _MONTHS.index(month.lower()) + 1
        return f"{year}-{number:02d}" + (f"-{int(day):02d}" if day else "")
    return None


_ONE_DEAL = re.compile(
    r"\b(?:a|an|the|one)\s+(?:[\w-]+\s+){0,3}?(?:agreement|deal|memorandum|pact|contract|mou|venture|partnership)\b", re.IGNORECASE
)
"""A sentence naming one deal ("signed an investment agreement with A and B"), whose parties are all of one agreement."""


def agreement_parties(relation: Relation, extraction: Extraction | None = None) -> list[str]:
    """The parties of the agreement an agreement relation is part of: those of the agreement
    relations of its sentence that share a party with it, by and by ("Sojitz and JOGMEC signed a
    deal with Lynas": one deal of three), in the order first named; its own two where the
    sentence speaks of several ("signed exploration MOUs with Japanese firms": one each) or of
    none ("Ford and Tesla have agreed to buy its concentrate": one each)."""
    relations = extraction.relations if extraction else [relation]
    sentence = extraction.sentences[relation.sentence].text if extraction else ""
    if set(re.findall(r"\w+", sentence.lower())) & SEVERAL_DEALS or not _ONE_DEAL.search(sentence):
        relations = [relation]  # "Ford, Tesla and LG have agreed to buy its concentrate": a deal each
    pairs = [(r.subject, r.object or "") for r in relations if r.kind == "agreement" and r.sentence == relation.sentence]
    group = {relation.subject, relation.object or ""}
    while more := {p for pair in pairs if set(pair) & group for p in pair} - group:
        group |= more
    return [p for p in dict.fromkeys(p for pair in [*pairs, (relation.subject, relation.object or "")] for p in pair) if p in group]


def drafted_node(relation: Relation, extraction: Extraction | None = None) -> str | None:
    """The node a draft makes for what a relation is about (an agreement, an export
    restriction, a discovery, talks), named ``…/todo-…`` for the curator to name; None for others.
    An agreement's node is that of all its parties (:func:`agreement_parties` in ``extraction``)."""
    subject, obj = _ref(relation.subject), _ref(relation.object)
    if relation.kind == "agreement":
        parties = agreement_parties(relation, extraction)
        return "agreement/todo-" + "-".join(slugify(_ref(party)) for party in parties)
    if relation.kind == "restricts":  # two a text dates apart are two ("banned raw ore in 2022", "will ban concentrates from 2027")
        day = _restriction_date(relation, extraction) if extraction else None
        return f"event/todo-{slugify(subject)}-export-restriction" + (f"-{day}" if day else "")
    if relation.kind == "discovered":
        return f"event/todo-{slugify(subject)}-discovery"
    if relation.kind == "talks":
        return f"event/todo-talks-{slugify(subject)}-{slugify(obj)}"
    return None


@dataclass(frozen=True)
class DraftFact:
    """A drafted fact: the index of its sentence, and the fact as a sheet gives it (plain data;
    its ``"#"`` key holds what the curator should check, as end-of-line comments)."""

    sentence: int
    fact: dict[str, Any]


_UNTIL = re.compile(r"\buntil\s+(?:[\w-]+\s+){0,6}?((?:19|20)\d\d)\b")


def _with_modality(
    sentence: str,
    fact: dict[str, Any],
    *,
    at: int | None = None,
    since: int | None = None,
    about_position: bool = False,
    defining: bool = False,
) -> dict[str, Any]:
    """The fact with the modality its sentence's marker suggests (the last before ``at``, where
    the fact is read from, if any), if it has one; ``stated`` with a ``why`` where the sentence
    has a marker that does not qualify the fact (the build asks a reason of a stated fact over a
    marker), as for a fact ``defining`` what a node is (a position's title and where it is held)."""
    until = _UNTIL.search(sentence)
    if until and not fact.get("figure"):  # "held the licence for Mrima Hill until … 2019": a past state, with its end
        fact = {**fact, "when": {"until": int(until.group(1))}}
    whose = parties_of(fact)
    modality = drafted_modality(sentence, at=at, since=since, about_position=about_position, parties_of=whose)
    suggested = None if defining else modality
    body = {k: v for k, v in fact.items() if k != "#"}
    if suggested is None:
        marker = find_marker(sentence)
        if marker is None:
            return fact
        notes = {**fact.get("#", {}), "modality": f"the draft reads {_q(marker.marker)} as about another part of the sentence: check"}
        return {**body, "modality": "stated", "why": f"{marker.marker!r} qualifies another part of the sentence", "#": notes}
    marker_words = "former" if about_position else getattr(modal_marker(sentence, before=at, after=since), "marker", "")
    said = f"the sentence says {_q(marker_words)}" if marker_words else f"the draft reads the sentence as {suggested}"
    notes = {**fact.get("#", {}), "modality": f"{said}: check"}  # "expects output to rise", "approved a $4.4 billion plant": no marker
    return {**body, "modality": suggested, "#": notes}


def placed_party(relation: Relation, extraction: Extraction) -> str | None:
    """The side of a supply (``supplier`` or ``customer``) that is a place, no actor ("most of
    which was shipped to Europe"), when its sentence states the supply as fact: the shapes ask
    an actor of a stated supply (a claim may name a place: "aims to supply 30% of European
    demand"). None when both sides are actors, or the supply is a claim."""
    if relation.kind != "supplies":
        return None
    sides = {"supplier": relation.subject, "customer": relation.object}
    placed = [side for side, iri in sides.items() if entity_kind(iri or "") in ("region", "city")]
    sentence = extraction.sentences[relation.sentence]
    at = relation.at - sentence.start if relation.at is not None else None
    return placed[0] if placed and drafted_modality(sentence.text, at=at) is None else None


def draft_facts(extraction: Extraction) -> list[DraftFact]:
    """Every fact the extraction proposes, with its sentence as quote and its span, in the
    order figures then relations (each in text order)."""
    sentences = extraction.sentences
    drafted: list[DraftFact] = []
    stated: list[tuple[int, dict[str, Any]]] = []  # what each drafted fact says, whatever its modality

    def fact(
        sentence_index: int,
        content: dict[str, Any],
        *,
        at: int | None = None,
        since: int | None = None,
        about_position: bool = False,
        defining: bool = False,
    ) -> None:
        sentence = sentences[sentence_index]
        body = {"quote": sentence.text, "span": [sentence.start, sentence.end], **content}
        where, begin = (None if offset is None else offset - sentence.start for offset in (at, since))
        modal = _with_modality(sentence.text, body, at=where, since=begin, about_position=about_position, defining=defining)
        said = {k: v for k, v in content.items() if k != "#"}
        if (sentence_index, said) not in stated:  # two triggers of one sentence may propose the same fact: the first says it
            stated.append((sentence_index, said))
            drafted.append(DraftFact(sentence_index, modal))

    for figure in drafted_figures(extraction):
        sentence = sentences[figure.sentence].text
        values: dict[str, Any] = {
            "subject": figure_subject(figure, extraction),
            "metric": figure_metric(figure, sentence),
            "value": figure.value,
            "unit": figure.unit,
        }
        if figure.hedge:
            values["hedge"] = figure.hedge
        at = sentences[figure.sentence].start
        year = figure.year or _year_of(_own_clause(sentence, figure.start - at, figure.end - at))  # "…, but mined 2,900 tonnes in 2024"
        dated = re.search(rf"\bin {year}\b", sentence) if year and not figure.year else None
        if dated and any(
            f.sentence == figure.sentence and figure.end < f.start and f.end - at <= dated.start() for f in extraction.figures
        ):
            year = None  # "to about $5.50 a pound, from more than $10 in 2022": the year of the figure between
        if year is not None:
            values["year"] = year
        if figure.unit == "tonne" and (material := _figure_material(figure, extraction)):
            values["material"] = material
        aim = {"modality": "aim"} if figure.unit == "tonne" and values["subject"].startswith("programme/") else {}  # a scheme's target
        planned = _A_PLAN_AFTER.match(sentence[figure.end - at :]) if figure.unit in CURRENCY_UNITS else None
        read_to = figure.end + planned.end() if planned else figure.start  # "approved a $2 billion plan to extend": planned money
        fact(figure.sentence, {**aim, "figure": values, "#": {"figure": _q(figure.text)}}, at=read_to)
    placed: dict[str, tuple[str, str]] = {}  # the relation a facility's place is drafted with: its operator's, else the first
    for relation in sorted(extraction.relations, key=lambda r: r.kind != "operates"):
        placed.setdefault(_ref(relation.object), (relation.kind, _ref(relation.subject)))
    for relation in extraction.relations:
        subject, obj = _ref(relation.subject), _ref(relation.object)
        if relation.kind == "supplies":
            supply: dict[str, Any] = {
                "supplier": subject,
                "customer": obj,
                "material": _ref(relation.material) if relation.material else "todo/material",
            }
            if relation.share is not None:
                supply |= {"share": relation.share} | ({"hedge": relation.hedge} if relation.hedge else {})
            notes = {}
            if side := placed_party(relation, extraction):  # "shipped to Europe": a place, whose buyer is unsaid
                notes = {"supply": f"{supply[side]} is a place, no {side}: name the actor, or drop the fact"}
                supply[side] = f"todo/{side}"
            fact(relation.sentence, {"supply": supply, **({"#": notes} if notes else {})}, at=relation.at)
        elif relation.kind == "agreement":
            agreement = drafted_node(relation, extraction)
            dated = [[agreement, "date", day]] if (day := date_of(sentences[relation.sentence].text)) else []
            parties = [[agreement, "party", _ref(party)] for party in agreement_parties(relation, extraction)]
            fact(relation.sentence, {"triples": [*parties, *dated]}, at=relation.at)
        elif relation.kind == "invested" and relation.share is not None:
            stake = {"holder": subject, "investee": obj, "share": relation.share} | ({"hedge": relation.hedge} if relation.hedge else {})
            fact(relation.sentence, {"stake": stake}, at=relation.at, since=relation.since)
        elif relation.kind in _RELATION_PROPERTY:
            located = (  # where the facility run or invested in is, with the first relation drafted of it
                [[obj, "locatedIn", place] for place in _place_after(relation.object, extraction)[:1]]
                if obj.startswith("facility/") and placed[obj] == (relation.kind, subject)
                else []
            )
            fact(
                relation.sentence,
                {"triples": [[subject, _RELATION_PROPERTY[relation.kind], obj], *located]},
                at=relation.at,
                since=relation.since,
            )
        elif relation.kind == "restricts":
            event = drafted_node(relation, extraction)
            materials = [_ref(m.ref_iri) for m in extraction.mentions if m.sentence == relation.sentence and m.kind == "material"]
            day = _restriction_date(relation, extraction)
            triples = [
                [event, "imposedBy", subject],
                *([[event, "target", obj]] if relation.object else []),
                *([event, "material", m] for m in dict.fromkeys(materials)),
                *([[event, "date", day]] if day else []),
            ]
            fact(relation.sentence, {"triples": triples}, at=relation.at)
        elif relation.kind == "talks":  # the talks are stated as happening; an agreement they may lead to is not drafted
            talks = drafted_node(relation)
            fact(relation.sentence, {"triples": [[talks, "actor", subject], [talks, "actor", obj]]}, at=relation.at)
        elif relation.kind == "discovered":
            fact(relation.sentence, {"triples": [[drafted_node(relation), "actor", subject]]})
        elif relation.kind == "position":  # the holding (a past state if "former"), then what the position is
            position = f"position/todo-{slugify(subject.split('/')[-1])}-{slugify(relation.title or '')}"
            fact(relation.sentence, {"triples": [[subject, "holdsPosition", position]]}, about_position=True)
            where = [[position, "positionIn", obj]] if relation.object else []
            fact(relation.sentence, {"triples": [[position, "positionTitle", relation.title], *where]}, defining=True)
    placed_at = {tuple(t) for d in drafted for t in d.fact.get("triples", []) if t[1] == "locatedIn"}
    for sentence_index, facility, places in _near_again(extraction):
        triples = [[facility, "locatedIn", place] for place in places if (facility, "locatedIn", place) not in placed_at]
        placed_at |= {tuple(t) for t in triples}
        if triples:  # "The deposit, near Granna, holds …": where a facility met again is
            fact(sentence_index, {"triples": triples}, defining=True)
    return drafted


_NEAR = re.compile(r",\s+near\s+(?:the\s+(?:town|city|village)\s+of\s+)?")


def _near_again(extraction: Extraction) -> list[tuple[int, str, list[str]]]:
    """The places a facility, named or referred to, is put near in an apposition ("The deposit,
    near Granna,", "Mt Marion, near Kalgoorlie in Western Australia,"): (sentence, facility, the
    place and the one it is said to be in)."""
    found = []
    facilities = [m for m in extraction.mentions if m.kind == "facility"] + [
        replace(r, iri=extraction.resolved[r.start]) for r in extraction.references if "/facility/" in extraction.resolved.get(r.start, "")
    ]
    for mention in facilities:
        sentence = extraction.sentences[mention.sentence]
        near = _NEAR.match(sentence.text[mention.end - sentence.start :])
        places = sorted(
            (m for m in extraction.mentions if m.sentence == mention.sentence and m.kind in _PLACE_KINDS), key=lambda m: m.start
        )
        town = [m for m in places if near and m.start == mention.end + near.end()][:1]
        within = [
            m for m in places if town and re.fullmatch(r"\s+in\s+", sentence.text[town[0].end - sentence.start : m.start - sentence.start])
        ]
        if town:
            found.append((mention.sentence, _ref(mention.ref_iri), [_ref(m.ref_iri) for m in [*town, *within[:1]]]))
    return found


def draft_document(extraction: Extraction, file_name: str, *, source_id: str, text: str) -> dict[str, Any]:
    """The draft sheet of an article as plain data: source (its text's checksum), new
    entities, mentions, facts; values the extractor could not decide are ``todo…``."""
    sentences = extraction.sentences
    new: dict[str, Mention] = {}
    for mention in extraction.mentions:
        if mention.iri is None and mention.name is None:  # a short form is no entry of its own
            new.setdefault(_ref(mention.ref_iri), mention)
    for mention in extraction.mentions:  # but a name only a reference gives is ("the venture": "A–B joint venture")
        if mention.iri is None and mention.name is not None:
            new.setdefault(_ref(mention.ref_iri), mention)
    entities = [
        {
            "id": ref,
            "type": _KIND_TYPES.get(mention.kind, "Organization"),
            "label": mention.name or mention.text,
            **({"iso": ref.split("/")[1]} if mention.kind == "country" else {}),
            "#": {"label": f"new, in: {_q(sentences[mention.sentence].text[:90])}"},
        }
        for ref, mention in sorted(new.items())
    ]
    forms: dict[str, list[str]] = {}
    for mention in extraction.mentions:
        ref = _ref(mention.ref_iri)
        if mention.name is not None and mention.text not in mention.name:
            continue  # "the venture": a reference, no form of the name
        if mention.text not in forms.setdefault(ref, []):
            forms[ref].append(mention.text)
    drafted = drafted_figures(extraction)
    left_out = [
        f"figure left out, no metric records it: {_q(f.text)} in {_q(sentences[f.sentence].text[:90])}"
        for f in extraction.figures
        if f not in drafted
    ]
    references = [
        f"reference taken as {_ref(extraction.resolved[r.start])}: {_q(r.text)} in {_q(sentences[r.sentence].text[:90])}"
        if r.start in extraction.resolved
        else f"reference to resolve: {_q(r.text)} in {_q(sentences[r.sentence].text[:90])}"
        for r in extraction.references
    ]
    title = next((s.text for s in sentences if len(s.text.split()) >= 4), Path(file_name).stem)[:200]
    return {
        "source": {"id": source_id, "title": title, "file": file_name, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()},
        "entities": entities,
        "mentions": dict(sorted(forms.items())),
        "facts": [d.fact for d in draft_facts(extraction)],
        "#": {"entities": "New candidate entities (not in the graph yet): check the type, or move them to entities.yaml."}
        | ({"facts": "\n".join(references + left_out)} if references or left_out else {}),
    }


def draft_sheet(extraction: Extraction, path: Path, *, source_id: str, text: str) -> str:
    """The draft YAML for the article at ``path``: source, new entities, mentions, facts.

    Every fact has its evidence sentence as ``quote`` and the sentence's ``span`` in the text;
    values the extractor could not decide are ``todo…`` so that ``rekg build`` points at them.
    """
    header = (
        f"Draft fact sheet written by `rekg extract` from {path.name} on {date.today().isoformat()}.\n"
        "Check every entry against the text; replace each todo; drop what is wrong; then move it to kg/facts/."
    )
    return write_sheet(draft_document(extraction, path.name, source_id=source_id, text=text), header=header)
