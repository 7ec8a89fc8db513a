"""Article text → proposed facts, with spaCy's blank English pipeline (no downloaded model).

The sentenciser splits sentences; an EntityRuler built from the graph's own labels and
alternative labels (the gazetteer) marks known entities; Matcher patterns find figures,
candidate new entities and the trigger words of common relations. Boilerplate (navigation,
ads, comment prompts, unrelated teasers) is skipped by line-level heuristics. Its neighbours
hold the rest: :mod:`~kg.curation.candidates` (new names no pattern finds),
:mod:`~kg.curation.roles` (who a reference, pronoun or capital stands for) and
:mod:`~kg.curation.relations` (the relations of a trigger, shares, positions).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from functools import cached_property
from typing import Any, cast

from kg.curation.lexicon import (
    APPOINTING_VERBS,
    BLOC_REFERENCES,
    BODY_WORDS,
    BOILERPLATE,
    CALENDAR,
    CAPITALS,
    COMBINING_FORMS,
    COMPANY_NOUNS,
    COMPANY_TITLES,
    COMPASS_WORDS,
    CONTINENTAL_DEMONYMS,
    COUNT_NOUNS,
    CROWNS,
    CURRENCIES,
    CURRENCY_SIGN,
    DATELINE,
    DEFINITE_REFERENCES,
    DEMONYMS,
    DETERMINERS,
    DIVISION_WORDS,
    DOMAIN_WORDS,
    FACILITIES_IN_ONE_PLACE,
    FACILITY_NOUNS,
    FACILITY_REFERENCES,
    FACILITY_WORDS,
    GROUP_NOUNS,
    HEDGE_PHRASES,
    HEDGE_WORDS,
    HOLDING_COMPANY,
    HYPHEN_PREFIXES,
    IMPORT_WORDS,
    LAND_NOUNS,
    LEGAL_FORMS,
    LICENCES,
    MASS_UNITS,
    MULTIPLIERS,
    NAME_PARTICLES,
    NATURAL_FEATURES,
    NEARBY_WORDS,
    NEEDS_NOUNS,
    NUMBERED_PARTS,
    ORG_OPENERS,
    ORG_SUFFIXES,
    PART_NUMBERS,
    PARTNER_REFERENCES,
    PARTY_KINDS,
    PLACE_NAME_WORDS,
    PROGRAMME_REFERENCES,
    PRONOUNS,
    REGIONAL_DEMONYMS,
    RELATION_TRIGGERS,
    ROLE_WORDS,
    SCALES,
    SHARE_PRICE_MOVE,
    TAIL_MARKERS,
    WORKS_NOUNS,
    number_value,
)
from kg.curation.places import world_places
from kg.curation.proposals import Extraction, Figure, Mention, Relation, Sentence, slugify
from kg.errors import MissingExtra
from kg.vocab import ID

try:
    import periodictable  # noqa: F401  (the elements' names, read by kg.curation.candidates)
    import spacy
    from spacy.language import Language
    from spacy.matcher import Matcher
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc, Span
except ModuleNotFoundError:
    raise MissingExtra("rekg extract needs spaCy: pip install 'rare-earth-kg[extract]'") from None

from kg.curation.candidates import (
    KNOWN_AS,
    MINERAL_WORDS,
    aliases,
    as_named_before,
    extended_names,
    free_for_new,
    known_as,
    listed_names,
    named_subjects,
    recurring,
    recurring_names,
    short_forms,
)
from kg.curation.relations import held_by_possessor, held_through, positions_in, relations_at, supplies_with_shares
from kg.curation.roles import as_actors, position_in_context, resolve_references

__all__ = ["Extractor"]


def _by_operator(relation: Relation, relations: list[Relation]) -> Relation | None:
    """A supply from or to a facility ("the plant will make magnets for GM", "ship concentrate to
    White Mesa") as one from or to its operator, or None when the text names none; any other
    relation as it is (an investment "in the project" is in the project). No one supplies itself: a
    plant fed from a deposit of one of the plant's operators is no supply ("The plant will process
    ore from the company's Bear Lodge deposit")."""
    if relation.kind != "supplies":
        return relation
    operators = {r.object: r.subject for r in relations if r.kind == "operates"}
    ends = [operators.get(end) if end and end.startswith(f"{ID}facility/") else end for end in (relation.subject, relation.object)]
    sides = [
        {end} | {r.subject for r in relations if r.kind == "operates" and r.object == facility}
        for end, facility in zip(ends, (relation.subject, relation.object))
    ]
    if (sides[0] & sides[1]) - {None}:
        return None  # the same company on both sides
    return replace(relation, subject=ends[0], object=ends[1]) if ends[0] and ends[1] and ends[0] != ends[1] else None


_GAVE_UP = r"(?:scrapped|abandoned|cancell?ed|dropped|shelved|withdrew(?:\s+from)?|ditched|terminated|(?:walked|pulled|backed)\s+(?:away\s+from|out\s+of))"
_PLAN_GIVEN_UP = re.compile(rf"\b{_GAVE_UP}\s+(?:(?:its|their|the)\s+)?(?:plans?|proposals?)\s+to\b")
_ABANDONED = re.compile(
    rf"\b{_GAVE_UP}\s+(?:(?:its|their|the|a|an)\s+)?(?:[\w-]+\s+)?(?:plans?|bid|proposal|deal|agreement|offer)\s+to\s*$"
    rf"|\b{_GAVE_UP}(?:\s+(?:its|their|the|a|an))?(?:\s+[\w-]+)?\s*$"  # "walked away from a deal": no deal standing
    r"|\bhad\s+(?:planned|intended|hoped|aimed|expected)(?:\s+to)?\s*$"  # "Umicore had planned to supply": a plan now in doubt
)
_IF_IT_DECIDES = re.compile(r"\bif\s+(?:it|they|the\s+\w+|[A-Z]\w*)\s+(?:decides?|chooses?|opts?|elects?)\s+to\s*$")
"""A relation on a condition ("pay a further $400 million if it decides to build the project"): nothing stated to draft."""
_TAKEN_OVER = re.compile(r"\b(?:taken\s+over|acquired|bought|purchased)\s+by\b")


_UNDER_A_NEW_DEAL = re.compile(r"\bunder\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:agreement|deal|accord)\b")
"""A deal the sentence introduces for what it states ("raised its stake in X to 19.9% under an investment agreement")."""
_AGREED_TO_SUPPLY = re.compile(r"\bagreed\s+to\s+(?:supply|sell|ship|deliver)\b")
_UNDER_AGREEMENTS = re.compile(r"\bunder\s+(?!the\b)(?:[\w-]+\s+){0,3}?(?:agreements|contracts|deals)\b")
_UNDER_THE_DEAL = re.compile(r"^(?:Under|As\s+part\s+of)\s+the\s+(?:[\w-]+\s+)?(?:deal|agreement|contract|pact|accord)\b")


_TO_UNNAMED_BUYERS = re.compile(
    r"to\s+(?:the\s+|other\s+|local\s+)?(?:companies|firms|customers|buyers|clients|refiners|processors|manufacturers|makers|producers)\b"
)


def _supplied_under_the_deal(
    sent: Span,
    offset: int,
    resolved: list[tuple[int, str, str]],
    triggers: list[tuple[str, Span]],
    found: list[Relation],
    result: Extraction,
    index: int,
) -> list[Relation]:
    """A supply "under the deal" that names no customer: to the other party of the deal named
    before ("Under the deal, Viet Nam Rare Earth will supply oxides from its mines"), or, after a
    buying verb, from it ("Under the deal, GM will buy … from the plant")."""
    if not _UNDER_THE_DEAL.match(sent.text) or any(r.kind == "supplies" for r in found):
        return []
    verbs = [span.start for kind, span in triggers if kind == "supplies"]
    named = [iri for i, iri, k in resolved if k in PARTY_KINDS and verbs and i < verbs[0]][-1:]
    deals = [r for r in result.relations if r.kind == "agreement" and r.object and named and named[0] in (r.subject, r.object)]
    if not deals:
        return []
    other = deals[-1].object if deals[-1].subject == named[0] else deals[-1].subject
    verb = sent.doc[verbs[0]]
    if _TO_UNNAMED_BUYERS.match(sent.doc[verb.i + 1 : min(verb.i + 4, sent.end)].text):
        return []  # "lithium sold to companies that process it in Chile": to buyers it does not name, not the other party
    supplier, customer = (other, named[0]) if verb.lower_ in IMPORT_WORDS else (named[0], other)
    return [Relation("supplies", supplier, customer, index, at=offset + verb.idx + len(verb))]


def _shipped_by_the_producer(
    sent: Span,
    offset: int,
    resolved: list[tuple[int, str, str]],
    triggers: list[tuple[str, Span]],
    found: list[Relation],
    result: Extraction,
    index: int,
) -> list[Relation]:
    """A supply a sentence gives in the passive with no seller named, from the producer the last
    sentence on output opens with, or the operator of the site it opens with ("Atlas is expected to
    produce … The concentrate will be shipped to China's Shenghe Resources under an existing
    offtake agreement": Image Resources', of Atlas; "JV Akdala … produced … All of its uranium is
    sold to … Rosatom"), else the operator of the site last said to be run."""
    doc = sent.doc
    shipped = [
        span
        for kind, span in triggers
        if kind == "supplies"
        and span[0].lower_ in _SHIPPED_WORDS
        and span.start > sent.start
        and doc[span.start - 1].lower_ in {"be", "been", "is", "are", "was", "were"}
    ]
    if not shipped or any(r.kind == "supplies" for r in found) or any(i < shipped[0].start for i, _, k in resolved if k in PARTY_KINDS):
        return []
    to = next((t.i for t in doc[shipped[0].end : min(shipped[0].end + 5, sent.end)] if t.lower_ == "to"), None)  # "through X to"
    buyers = [  # "to China's Shenghe Resources": Shenghe; "to buyers in China": China (not "to smelters in Japan": unnamed makers);
        iri  # "to Russia's state nuclear company Rosatom": Rosatom
        for i, iri, k in resolved
        if k in PARTY_KINDS
        and to is not None
        and to < i <= to + 7
        and doc[i + 1 : i + 2].text not in ("'s", "’s")
        and doc[i].lower_ not in DEMONYMS  # "is sold to Chinese smelters": makers unnamed, of a country
        and (
            all(t.is_title or t.is_upper or t.text in ("'s", "’s") for t in doc[to + 1 : i])
            or (k == "country" and doc[to + 1 : i].text.lower() in _BUYERS_IN)
            or (i - 1 > to and doc[i - 1].lower_ in COMPANY_NOUNS)
        )
    ][:1]
    said = [n for n in range(index) if re.search(r"\b(?:produc\w*|output)\b", result.sentences[n].text)][-1:]  # who produces
    opening = sorted((m for m in result.mentions if m.sentence in said and m.kind in ("company", "facility")), key=lambda m: m.start)
    operators = {r.object: r.subject for r in result.relations if r.kind == "operates"}
    run = [o.ref_iri if o.kind == "company" else operators.get(o.ref_iri, "") for o in opening[:1]]
    run = [iri for iri in run if iri] or [r.subject for r in result.relations if r.kind == "operates"][-1:]
    verb = shipped[0]
    return [Relation("supplies", run[0], buyers[0], index, at=offset + verb.end_char)] if run and buyers and run[0] != buyers[0] else []


_BUYERS_IN = {"buyers in", "customers in", "clients in"}
"""Buyers named by their country ("to buyers in China"): a supply to the country."""
_SHIPPED_WORDS = {"shipped", "sold", "exported", "supplied", "delivered"}
"""Verbs of a sale in the passive ("will be shipped to"), whose seller a sentence may leave unsaid."""


_PARTICLES = "|".join(sorted(NAME_PARTICLES))
"""The lower-case words a name may hold, as a regular expression's alternatives ("da", "e", "y")."""
_LINE_NAME = r"[A-Z][\w-]{3,}|\b[A-Z]{3}\b"
"""A word that may name what a line speaks of: capitalised, or three capitals ("SLN")."""
_OWNER_ROLES = {"owner", "operator", "parent"}
"""What names a facility's or a company's owner after "its" ("its owner Trafigura")."""


def _the_state(sent: Span, mentions: list[Mention], result: Extraction) -> list[tuple[int, str, str]]:
    """The country "the state-owned X" is owned by when its sentence names none: the one the text
    named last ("… signed with Tanzania's government. The state-owned State Mining Corporation
    will hold 16%": Tanzania's), as a mention at "the"."""
    doc = sent.doc
    opening = next((t for t in sent if t.lower_ == "the" and [w.lower_ for w in doc[t.i + 1 : t.i + 3]] == ["state", "-"]), None)
    if opening is None or any(m.kind == "country" for m in mentions):
        return []
    named = [m for m in result.mentions if m.kind == "country"][-1:]
    return [(opening.i, named[0].ref_iri, "country")] if named else []


def _deal_said_before(sent: Span, offset: int, found: list[Relation], result: Extraction, index: int) -> list[Relation]:
    """The deal an "Under the deal" sentence refers to when none was drafted: the one of the two
    companies that announced it in the last sentence before that they said together ("Rio Tinto can
    earn up to 75% of Charger Metals' project …, the companies said. Under the deal, …")."""
    under = _UNDER_THE_DEAL.match(sent.text)
    if under is None or not index or any(r.kind == "agreement" for r in [*result.relations, *found]):
        return []
    said = [n for n in range(index) if _SAID_BY_THE_COMPANIES.search(result.sentences[n].text)][-1:]
    if not said:
        return []
    companies = list(dict.fromkeys(m.ref_iri for m in result.mentions if m.sentence == said[0] and m.kind == "company"))
    at = offset + sent.start_char + under.end()
    return [Relation("agreement", companies[0], companies[1], index, at=at)] if len(companies) == 2 else []


_SAID_BY_THE_COMPANIES = re.compile(r",\s+the\s+(?:two\s+)?companies\s+said\b")


def _taken_over(relations: list[Relation], sentence: str) -> list[Relation]:
    """Without the holding a sentence says ended: "Molycorp's unit, Silmet, was later taken over by
    Neo" holds Silmet by Neo only (Molycorp's is a past state the text does not date)."""
    if not _TAKEN_OVER.search(sentence):
        return relations
    stakes = [r for r in relations if r.kind == "invested"]
    last = {r.object: r for r in sorted(stakes, key=lambda r: r.at or 0)}  # the new holder's, read last ("… by Neo")
    return [r for r in relations if r.kind != "invested" or last.get(r.object) is r]


_GROUPS_OF_THINGS = {"buyers", "customers", "suppliers", "partners", "investors", "projects", "mines", "deposits", "assets"}
_MONEY_WORDS = re.compile(r"\b(?:loans?|lend\w*|financ\w*|fund\w*|credit|grants?)\b", re.IGNORECASE)
_NOT_A_FIRM = BODY_WORDS | ROLE_WORDS | DIVISION_WORDS | LAND_NOUNS | FACILITY_NOUNS | {"city", "town", "port", "'s", "’s"}
_ABSTRACT = re.compile(r"(?:ance|ence|ment|tion|sion|ity|ness|ism|ship)$")  # "China's Dominance": a quality, no firm's name
_INTERCARDINAL = ("Southeast", "Northeast", "Southwest", "Northwest")  # "Southeast Asia": a region of its own
_RUN_OR_BUILT = {  # "plans to build two plants", "operates three mines": the facilities are what a sheet records, not their number
    *("build", "builds", "building", "built", "construct", "constructing", "open", "opens", "opened"),
    *("operate", "operates", "run", "runs"),
}
_FACILITY_PLURALS = {"plants", "mines", "refineries", "smelters", "factories", "facilities"}
_NAME_WORD = r"^[A-Z][a-z]+(?:[A-Z][a-z]*)*$"  # "Iluka", "HyProMag", "CoTec"
_POSSESSIVES = {"'s", "’s", "'", "’", "its", "their"}
_REMITS = {"development", "industry", "energy", "technology", "trade", "investment", "commerce", "mines", "innovation", "environment"}
"""What a body's name may join with "and" ("… for Reconstruction and Development"), not another name ("… of Energy and Tesla")."""
_BUILDING = {"build", "building", "builds", "construct", "constructing", "develop", "developing", "open", "opening", "establish"}


def _owned_already(trigger: Span) -> bool:
    """Whether a trigger is a possessive that says whose a facility already is ("will restart its
    mine", "MP's factory", "to help build its Dumont nickel project": a named one), not what is to
    be built ("would build its refinery"), or whose a
    company is ("plans to develop it through the state-owned X": owned, whatever is planned)."""
    before = trigger.doc[trigger.start - 1].lower_ if trigger.start > 0 else ""
    whose = trigger.doc[max(0, trigger.start - 4) : trigger.start]  # "to buy AVZ Minerals' 75% stake": AVZ's now, whatever is agreed
    held = (
        trigger[0].lower_ in ("stake", "stakes")
        and any(
            (t.text in ("'s", "’s", "'", "’") or (t.lower_ in ("its", "their") and n + 1 < len(whose)))  # "sell its 54% stake"
            and all(w.like_num or w.text == "%" for w in whose[n + 1 :])
            for n, t in enumerate(whose)
        )
    )
    named = len(trigger) > 1 and trigger[1].is_title and trigger[1].lower_ not in ("new", "planned", "first", "second", "proposed")
    built = before in _BUILDING and not named  # "would build its refinery"; not "to help build its Dumont nickel project": a named one
    return (trigger[0].lower_ in _POSSESSIVES and not built) or trigger[0].lower_ == "state" or held  # "the state-owned X"


_SIZED_PROGRAMME = re.compile(
    r"(?:\s+\([^)]{1,30}\))?\s+(?:(?!to\b|for\b|in\b|of\b|from\b|debt\b|loan\b|credit\b)[a-z-]+\s+){0,2}?"
    r"(?:package|scheme|programme|program|fund|initiative)\b"
)  # not "a $179 million debt package": a loan
_SINCE_A_RECORD = re.compile(  # "the highest in two years", "the first new rare earth mine in the United States in more than 70 years"
    r"\b(?:\w+est|most|least|first)\b(?:\s+[\w.'’-]+){0,8}?\s+(?:in|for)(?:\s+(?:more\s+than|almost|nearly|over))?$"
)
_TIES = {"linked", "backed", "based", "owned", "controlled", "funded", "affiliated", "listed", "headquartered"}


def _apposed_to_a_site(doc: Doc, comma: int, start: int) -> bool:
    """Whether the comma at token ``comma`` closes the name or noun of a site that the sentence
    opens with ("The deposit, near Granna,", "Mt Marion, near Kalgoorlie"): all title case, or
    "The" and a facility's noun."""
    opening = doc[start:comma]
    return (
        doc[comma].text == ","
        and 0 < len(opening) <= 4
        and (
            all(t.is_title for t in opening)
            or (opening[0].lower_ == "the" and opening[-1].lower_ in FACILITY_NOUNS | set(FACILITY_REFERENCES))
        )
    )


def _named_before(doc: Doc, span: Span, start: int, known: list[Span]) -> Span | None:
    """The name a possessive description of a site follows, apposed ("Cerro Verde, its copper
    and molybdenum mine"): title-case words before its comma that no known entity covers; None
    otherwise."""
    comma = span.start - 1
    if span[0].lower_ not in ("its", "their") or comma <= start or doc[comma].text != ",":
        return None
    first = comma
    while first > start and doc[first - 1].is_title and doc[first - 1].lower_ not in DETERMINERS:
        first -= 1
    name = doc[first:comma]
    if not 0 < len(name) <= 4 or (first > start and doc[first - 1].text in ("'s", "’s")):
        return None
    return None if any(e.start < name.end and name.start < e.end for e in known) else name


def _with_country_units(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """The mentions with a company named with a country right after it taken as one company, its
    unit there ("Orano Canada the remaining 17%", "Lynas Malaysia"), not the parent and a country."""
    ordered = sorted(mentions, key=lambda m: m.start)
    joined: list[Mention] = []
    for company, country in zip(ordered, ordered[1:]):
        between = text[company.end - offset : country.start - offset]
        after = text[country.end - offset : country.end - offset + 2]
        if company.kind == "company" and country.kind == "country" and between == " " and country.text.lower() not in DEMONYMS:
            if not after.startswith(("'", "’")) and country.text[:1].isupper():
                name = f"{company.text} {country.text}"
                joined.append(Mention(name, company.start, country.end, None, "company", company.sentence))
    if not joined:
        return mentions
    covered = {m.start for m in joined} | {m.end for m in joined}
    return [m for m in mentions if m.start not in covered and m.end not in covered] + joined


def _unit_name(span: Span) -> Span:
    """The name in a unit's match: "unit, Silmet,", "unit Rio Sava Exploration." and "holding
    company Interros," alike."""
    return span[next(n for n, token in enumerate(span) if n and token.text[:1].isupper()) : -1]


def _opens_a_name(doc: Doc, end: int) -> bool:
    """Whether the capitalised word at ``end`` goes on a name a place opens ("Lindi Jumbo"), not
    a place's division, body or title ("Salta Province", "Queensland Government")."""
    if end >= len(doc) or not doc[end].is_title or doc[end].ent_type_:
        return False
    return doc[end].lower_ not in _NOT_A_FIRM | ORG_SUFFIXES | CALENDAR | DETERMINERS and doc[end].text not in COMPASS_WORDS


def _described_firm(doc: Doc, start: int) -> bool:
    """Whether the name at ``start`` follows what describes a company ("Chilean miner Antofagasta")."""
    return start > 0 and doc[start - 1].lower_ in COMPANY_NOUNS - {"unit", "subsidiary"} and doc[start - 1].is_lower


_TRADING_MAGNETS = {  # "imports nearly all of the magnets", "supplies magnets to": the rare earth magnets traded
    *("the", "imports", "imported", "import", "buys", "bought", "buy", "supplies", "supply", "supplied"),
    *("exports", "exported", "export", "ships", "shipped", "sells", "sold", "sell"),
}


_SURNAME = r"^(?=.*[a-zß-ÿ])[A-ZÀ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*$"
"""A family name: "Sage", "MacKenzie", "O'Brien", "Smith-Jones"."""


@Language.component("rekg_drop_non_names")
def drop_non_names(doc: Doc) -> Doc:
    """Drop names negated by a prefix ("non-Chinese"), and demonyms and names that say where a
    firm or investor is from or tied to ("a Chinese supplier", "China-linked investors"): not the country."""

    def firm_after(end: int) -> bool:
        for token in doc[end : end + 5]:  # "a Chinese supplier", "Chinese magnet makers", "American and European buyers"
            if token.lower_ == "state":
                return False  # "Argentine state miner CAMYEN": the state's, which is the country
            if token.lower_ in COMPANY_NOUNS | GROUP_NOUNS | _GROUPS_OF_THINGS:  # "Australian rare earth projects"
                return True
            if not (token.is_lower or token.lower_ in DEMONYMS or token.lower_ in REGIONAL_DEMONYMS):
                return False
        return False

    doc.ents = [
        e
        for e in doc.ents
        if not (e.start >= 2 and doc[e.start - 1].text == "-" and doc[e.start - 2].lower_ == "non")
        and not (e.text.lower() in DEMONYMS and firm_after(e.end))
        and not (e.start >= 1 and doc[e.start - 1].lower_ in COMBINING_FORMS and doc[e.start - 1].is_title)  # "Anglo American"
        and not (e.start >= 1 and e.text == "American" and doc[e.start - 1].lower_ in ("north", "south", "latin", "central"))
        and not (e.end + 1 < len(doc) and doc[e.end].text == "-" and doc[e.end + 1].lower_ in _TIES)
        and not (e.label_ == "MATERIAL" and e[0].is_title and e.end < len(doc) and doc[e.end].is_title)  # "Cobalt Blue said"
        and not (e.text == "magnets" and (e.start == 0 or doc[e.start - 1].lower_ not in _TRADING_MAGNETS))
    ]
    return doc


def surface_variants(form: str, kind: str) -> set[str]:
    """The ways a label may appear in text: without a trailing ", qualifier" or "(note)", with
    either apostrophe, "U.S." or "US", and, for materials, in the plural (and a name of several
    words in the singular); a name opening with "United States" as "U.S." or "US" too.

    >>> sorted(surface_variants("Washington, D.C.", "city"))
    ['Washington', 'Washington, D.C.']
    >>> sorted(surface_variants("permanent magnet", "material"))
    ['permanent magnet', 'permanent magnets']
    """
    variants = {form, re.sub(r"\s*\([^)]*\)", "", form).strip()}
    if "," in form:
        variants.add(form.split(",", 1)[0].strip())
    if kind == "material":
        variants |= {v + "s" for v in variants if v[-1:].isalpha() and not v.endswith("s") and v.islower()}
        variants |= {  # "heavy rare earth imports", "rare earth oxide"; but "rare earth" alone qualifies anything
            v[:-1] for v in variants if " " in v and v.endswith("s") and not v.endswith("ss") and v.islower() and v[:-1] != "rare earth"
        }
    variants |= {v.replace("'", "\u2019") for v in variants} | {v.replace("\u2019", "'") for v in variants}
    variants |= {re.sub(r"^United States\b", "U.S.", v) for v in variants}  # "U.S. Geological Survey"
    variants |= {re.sub(r"\bU\.S\.", "US", v) for v in variants} | {re.sub(r"\bUS\b", "U.S.", v) for v in variants}
    return {v for v in variants if len(v) > 2}


class Extractor:
    """The extraction pipeline over one gazetteer: ``{surface form: (entity IRI, kind)}``."""

    def __init__(self, gazetteer: dict[str, tuple[str, str]]):
        self.gazetteer = {}
        for form, (iri, kind) in gazetteer.items():
            for variant in surface_variants(form, kind):
                self.gazetteer.setdefault(variant, (iri, kind))
        for form, value in gazetteer.items():
            self.gazetteer[form] = value
        self.known = {iri for iri, _ in self.gazetteer.values()}
        self.world: dict[str, tuple[str, str]] = {}  # places the graph lacks, by their names in the world's list
        taken = {form.lower() for form in self.gazetteer}
        for form, (iri, kind) in world_places().items():
            if form.lower() not in taken:
                (self.gazetteer if iri in self.known else self.world)[form] = (iri, kind)  # "Viet Nam" is the graph's Vietnam
        self.labels = {form.lower(): value for form, value in (self.world | self.gazetteer).items()}
        forms = "|".join(re.escape(form) for form in sorted(self.world, key=len, reverse=True))
        self.world_pattern = re.compile(rf"(?<![\w-])(?:{forms})(?![\w-])") if self.world else None  # as written: "Lower" is no place
        self.mineral_words = MINERAL_WORDS
        self.minerals = {  # critical minerals the graph lacks, as written in running text: "antimony", "graphite"
            name: f"{ID}material/{name}" for name in sorted(self.mineral_words) if name not in self.labels
        }
        self.mineral_pattern = re.compile(rf"\b(?:mined|{'|'.join(sorted(self.mineral_words))})\b", re.IGNORECASE)  # lines on the trade
        self.known_words = {word for form in self.labels for word in form.split()} | self.mineral_words  # "Antimony is used": no name
        self.countries = {form for form, (_, kind) in self.labels.items() if kind == "country"}

    @cached_property
    def nlp(self) -> Language:
        """spaCy's blank English with a sentenciser and an entity ruler over the gazetteer."""
        nlp = spacy.blank("en")
        suffixes = [*(nlp.Defaults.suffixes or ()), r"(?<=[0-9])(?:bn|[kKmM]tpa|tpa|kt|Mt)$"]  # "$1.2bn", "24ktpa": the number apart
        cast(Tokenizer, nlp.tokenizer).suffix_search = spacy.util.compile_suffix_regex(suffixes).search
        nlp.add_pipe("sentencizer")
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True})
        # short all-capital names (US, EU, DFC) match their case exactly: "us" is not the US
        patterns = [
            {"label": kind.upper(), "id": iri, "pattern": [{"ORTH": form}] if form.isupper() and len(form) <= 5 else form}
            for form, (iri, kind) in self.gazetteer.items()
            if len(form) > 1
        ]
        for demonym, name in DEMONYMS.items():
            if name.lower() in self.labels:
                iri, kind = self.labels[name.lower()]
                patterns.append({"label": kind.upper(), "pattern": [{"LOWER": word} for word in demonym.split()], "id": iri})
        patterns += [
            {"label": "MATERIAL", "pattern": [{"LOWER": name, **case}], "id": iri}
            for name, iri in self.minerals.items()
            for case in ({"IS_LOWER": True}, {"IS_SENT_START": True})  # "Tin prices rose", not "Cobalt Blue" (dropped after)
        ]
        if "rare earth magnets" in self.labels:  # "imports nearly all of the magnets": this domain's magnets, traded (see drop_non_names)
            patterns.append(
                {"label": "MATERIAL", "pattern": [{"LOWER": "magnets", "IS_LOWER": True}], "id": self.labels["rare earth magnets"][0]}
            )
        patterns += self._compass_regions()
        for capital, name in CAPITALS.items():  # a capital the graph does not know, as its country
            if capital not in self.labels and name.lower() in self.labels:
                iri, kind = self.labels[name.lower()]
                patterns.append({"label": kind.upper(), "pattern": [{"LOWER": w} for w in capital.split()], "id": iri})
        ruler.add_patterns(patterns)
        nlp.add_pipe("rekg_drop_non_names")
        return nlp

    def _compass_regions(self) -> list[dict[str, Any]]:
        """Entity-ruler patterns for a part of a country named by a compass word ("South
        Australia", "the South Australian government"): a region, new unless the graph or the
        world's list knows the name (not "South Korea", "South African")."""
        demonyms = {name.lower(): demonym for demonym, name in DEMONYMS.items()}
        patterns: list[dict[str, Any]] = []
        for form, (_, kind) in self.labels.items():
            if kind != "country" or " " in form:
                continue
            for compass in COMPASS_WORDS:
                name = f"{compass} {form.title()}"
                iri, known = self.labels.get(name.lower(), (f"{ID}region/{slugify(name)}", "region"))
                if known != "region" or f"{compass.lower()} {demonyms.get(form, '-')}" in DEMONYMS:
                    continue  # "South Korea", "South African": a country's own name
                region = {"label": "REGION", "id": iri}
                if name.lower() not in self.labels:  # phrases, not token patterns: thousands of them cost nothing per sentence
                    patterns.append({**region, "pattern": f"{compass} {form}"})
                if form in demonyms:
                    patterns.append({**region, "pattern": f"{compass} {demonyms[form]}"})
        return patterns

    @cached_property
    def matcher(self) -> Matcher:
        """Patterns for figures, new candidate entities and relation triggers."""
        matcher = Matcher(self.nlp.vocab)
        facility_words = {  # "lithium-tantalum", "the Cannington silver, lead and zinc mine" ("lead": a metal here)
            "LOWER": {
                "IN": sorted(FACILITY_WORDS | self.mineral_words | {"and", "-", ",", "lead", "platinum", "group", "ore"})
            },  # "platinum-group metals", "iron ore and manganese mines"
            "OP": "{0,6}",
        }
        facility_noun = {  # "the MATSA copper mines": one operation's name; "the Solikamsk Magnesium Works"
            "LOWER": {"IN": sorted(FACILITY_NOUNS | {"mines", "works", "operations"})}  # "its Thompson nickel operations"
        }
        num = {"LIKE_NUM": True}
        counted_num = {"LIKE_NUM": True, "TEXT": {"REGEX": r"^(?!(?:19|20)\d\d$)"}}  # "in 2024 to develop deposits": a year
        matcher.add(
            "PERCENT",
            [[num, {"ORTH": "%"}], [{"TEXT": {"REGEX": r"^[~>≈<]\d"}}, {"ORTH": "%"}], [num, {"LOWER": {"IN": ["percent", "per"]}}]],
        )
        matcher.add(
            "MONEY",
            [
                [
                    {"LOWER": {"IN": sorted(symbol for symbol in CURRENCIES if not symbol.isalpha() or len(symbol) == 3)}},
                    num,
                    {"LOWER": {"IN": list(SCALES)}, "OP": "?"},
                ],
                [
                    num,
                    {"LOWER": {"IN": list(SCALES)}, "OP": "?"},
                    {"LOWER": {"IN": sorted(CROWNS)}, "OP": "?"},  # "1.5 billion Norwegian crowns"
                    {"LOWER": {"IN": sorted(word for word in CURRENCIES if word.isalpha())}},
                ],
                [  # "a 1.5 million pound grant", not "2 million pounds of uranium" (a weight)
                    num,
                    {"LOWER": {"IN": list(SCALES)}, "OP": "?"},
                    {"LOWER": {"IN": ["pound", "pounds", "sterling"]}},
                    {"LOWER": {"NOT_IN": ["of", "a", "per"]}, "IS_ALPHA": True},
                ],
            ],
        )
        counted = {"IS_ALPHA": True, "LOWER": {"NOT_IN": ["tonnes", "tons", "tonne", "ton", "of", "a", "per", *SCALES]}, "OP": "?"}
        matcher.add("COUNT", [[counted_num, *([counted] * 4), {"LOWER": {"IN": list(COUNT_NOUNS)}}]])  # not "270,000 tonnes of rare earths"
        matcher.add("DURATION", [[num, {"LOWER": {"IN": ["years", "year", "decades", "months"]}}]])
        matcher.add(  # "32 million wet tonnes of ore", "5,000 metric tons"
            "MASS",
            [
                [
                    num,
                    {"LOWER": {"IN": list(SCALES)}, "OP": "?"},
                    {"LOWER": {"IN": ["wet", "dry", "metric"]}, "OP": "?"},
                    {"LOWER": {"IN": ["tonnes", "tons", "tonne", "ton", "t", *MASS_UNITS]}},
                ],
                [num, {"TEXT": "Mt"}],  # "1.5 Mt": million tonnes (in capitals, not "mt")
            ],
        )
        matcher.add("MULTIPLIER", [[{"LOWER": {"IN": list(MULTIPLIERS)}}]])
        matcher.add(  # "imports all of", "imports nearly all of": 100%
            "WHOLE",
            [
                [
                    {"LOWER": {"IN": ["imports", "imported", "import"]}},
                    {"LOWER": {"IN": ["nearly", "almost", "virtually"]}, "OP": "?"},
                    {"LOWER": "all"},
                    {"LOWER": "of"},
                    {"LOWER": {"IN": ["its", "their", "the"]}},  # its own needs, not "all of Myanmar's rare earths"
                ]
            ],
        )
        matcher.add(
            "NEW_ORG",
            [
                [
                    {
                        "TEXT": {"REGEX": r"^(?:[A-Z]{2,4}|(?:[A-Z]\.){2,3}|[A-Z]&[A-Z]|\d[A-Z]{1,2})$"},
                        "OP": "?",
                    },  # "US Strategic Metals", "U.S. Export-Import Bank", "J&F Investimentos", "5N Plus Inc"
                    {"TEXT": {"REGEX": _NAME_WORD}, "LOWER": {"NOT_IN": sorted(DETERMINERS)}},  # "CoTec Holdings" too
                    {"TEXT": {"REGEX": rf"{_NAME_WORD}|^-$|^(?:{_PARTICLES})$"}, "OP": "*"},  # "Tshipi e Ntle …"
                    {"LOWER": {"IN": list(ORG_SUFFIXES)}, "IS_TITLE": True},  # "Iluka Resources", not "Lasting mining"
                ],
                [  # "CMOC Group", "J&F Investimentos"
                    {"TEXT": {"REGEX": r"^(?:[A-Z]{2,6}|[A-Z]&[A-Z])$"}},
                    {"LOWER": {"IN": list(ORG_SUFFIXES)}, "IS_TITLE": True},
                ],
                [  # "JCU (Canada) Exploration": the country its unit is of, within the name
                    {"TEXT": {"REGEX": r"^[A-Z][\w&-]*$"}, "LOWER": {"NOT_IN": sorted(DETERMINERS)}, "ENT_TYPE": ""},
                    {"ORTH": "("},
                    {"ENT_TYPE": "COUNTRY"},
                    {"ORTH": ")"},
                    {"TEXT": {"REGEX": _NAME_WORD}, "OP": "*"},
                    {"LOWER": {"IN": [*ORG_SUFFIXES, "exploration"]}, "IS_TITLE": True},
                ],
                [  # "the Vicuna joint venture": a venture named by its own word
                    {"TEXT": {"REGEX": _NAME_WORD}, "LOWER": {"NOT_IN": sorted(DETERMINERS | CALENDAR)}, "ENT_TYPE": ""},
                    {"LOWER": "joint"},
                    {"LOWER": "venture"},
                ],
                [  # "Group 6 Metals": a number inside a company's name
                    {"TEXT": {"REGEX": _NAME_WORD}, "LOWER": {"NOT_IN": sorted(DETERMINERS)}},
                    {"TEXT": {"REGEX": r"^\d{1,2}$"}},
                    {"TEXT": {"REGEX": _NAME_WORD}, "OP": "*"},
                    {"LOWER": {"IN": list(ORG_SUFFIXES)}, "IS_TITLE": True},
                ],
                [  # "China Minmetals": a country's name (not its demonym: "Korean Metals Plant") opening a company's
                    {"ENT_TYPE": "COUNTRY", "LOWER": {"NOT_IN": sorted(DEMONYMS)}, "OP": "+"},
                    {
                        "TEXT": {"REGEX": _NAME_WORD},
                        "ENT_TYPE": "",
                        "LOWER": {"NOT_IN": sorted(ROLE_WORDS | BODY_WORDS | CALENDAR | DIVISION_WORDS | DETERMINERS | FACILITY_NOUNS)},
                    },
                    {"TEXT": {"REGEX": _NAME_WORD}, "ENT_TYPE": "", "LOWER": {"NOT_IN": sorted(FACILITY_NOUNS)}, "OP": "*"},
                ],
                [
                    {"LOWER": {"IN": sorted(ORG_OPENERS)}, "IS_TITLE": True},
                    {"TEXT": {"REGEX": rf"^(?:[A-Z][\w'’-]*|{_PARTICLES})$"}, "OP": "*"},
                    {"TEXT": {"REGEX": r"^[A-Z][\w'’-]*$"}},
                ],  # "Minera Panama", "Minera y Metalurgica del Boleo"
                [{"TEXT": "PT"}, {"TEXT": {"REGEX": r"^[A-Z][\w'’-]*$"}, "OP": "+"}],  # "PT Weda Bay Nickel": an Indonesian company
                [  # "ZCCM-IH": capitals joined by a hyphen
                    {"TEXT": {"REGEX": r"^[A-Z]{2,6}$"}, "SPACY": False},
                    {"ORTH": "-", "SPACY": False},
                    {"TEXT": {"REGEX": r"^[A-Z]{2,6}$"}},
                ],
                [  # "Lithium Argentina": a mineral's name and a place's
                    {"LOWER": {"IN": sorted(self.mineral_words)}, "IS_TITLE": True},
                    {"ENT_TYPE": {"IN": ["COUNTRY", "REGION"]}, "IS_TITLE": True, "OP": "+"},
                ],
                [{"TEXT": {"REGEX": r"^(?:[A-Z]\.){1,3}$"}, "ENT_TYPE": ""}, {"TEXT": {"REGEX": _NAME_WORD}, "OP": "+"}],  # "H.C. Starck"
                [  # "Imouraren SA", "Glencore plc": a name its legal form closes
                    {"TEXT": {"REGEX": _NAME_WORD}, "LOWER": {"NOT_IN": sorted(DETERMINERS)}},
                    {"TEXT": {"REGEX": _NAME_WORD}, "OP": "*"},
                    {"TEXT": {"IN": sorted(LEGAL_FORMS)}},
                ],
                [  # "Sibanye-Stillwater": two capitalised words joined by a hyphen, neither a place's ("Sino-Japanese", "Asia-Pacific")
                    {
                        "TEXT": {"REGEX": _NAME_WORD},
                        "LOWER": {"NOT_IN": sorted(DETERMINERS | HYPHEN_PREFIXES)},
                        "ENT_TYPE": "",
                        "SPACY": False,
                    },
                    {"ORTH": "-", "SPACY": False},
                    {"TEXT": {"REGEX": _NAME_WORD}, "LOWER": {"NOT_IN": sorted(CALENDAR | ROLE_WORDS)}, "ENT_TYPE": ""},
                ],
                [  # "Arafura Rare Earths", "USA Rare Earth", "Brazilian Rare Earths": a name before "Rare Earth(s)", capitalised
                    {"TEXT": {"REGEX": "^[A-Z]"}, "LOWER": {"NOT_IN": sorted(DETERMINERS | {"rare"})}},
                    {"TEXT": {"REGEX": "^[A-Z]"}, "LOWER": {"NOT_IN": ["rare"]}, "OP": "*"},
                    {"TEXT": "Rare"},
                    {"TEXT": {"IN": ["Earth", "Earths"]}},
                ],
                [  # "the U.S. Army", "Japan's Air Self-Defense Force": a state's armed service
                    {"ENT_TYPE": "COUNTRY", "OP": "+"},
                    {"TEXT": {"IN": ["Army", "Navy", "Air", "Marine", "Marines", "Military"]}},
                    {"TEXT": "Force", "OP": "?"},
                ],
                [
                    {"TEXT": {"REGEX": r"^(?:[A-Z]{2,4}|(?:[A-Z]\.){2,3})$"}, "OP": "?"},  # "U.S. Department of Energy"
                    {"LOWER": {"IN": ["institute", "ministry", "department", "office", "bank", "council", "commission"]}, "IS_TITLE": True},
                    {"LOWER": {"IN": ["of", "for"]}},
                    {"LOWER": "the", "OP": "?"},  # "Export-Import Bank of the United States"
                    {"IS_TITLE": True, "OP": "+"},
                ],
                [  # "Almalyk Mining and Metallurgical Complex", "Norilsk Mining and Metallurgical Company": one name of two trades
                    {"TEXT": {"REGEX": _NAME_WORD}, "LOWER": {"NOT_IN": sorted(DETERMINERS)}, "OP": "+"},
                    {"TEXT": {"IN": ["Mining", "Metallurgical", "Chemical", "Smelting"]}},
                    {"LOWER": "and"},
                    {"TEXT": {"IN": ["Metallurgical", "Processing", "Chemical", "Smelting", "Refining"]}},
                    {"TEXT": {"IN": ["Complex", "Company", "Combine", "Corporation", "Group", "Works", "Plant"]}},
                ],
                [  # "European Bank for Reconstruction and Development", "Ministry of Trade and Industry": a body of two remits
                    {"TEXT": {"REGEX": _NAME_WORD}, "LOWER": {"NOT_IN": sorted(DETERMINERS)}, "OP": "?"},
                    {"LOWER": {"IN": ["institute", "ministry", "department", "office", "bank", "council", "commission"]}, "IS_TITLE": True},
                    {"LOWER": {"IN": ["of", "for"]}},
                    {"IS_TITLE": True, "OP": "+"},
                    {"LOWER": "and"},
                    {"LOWER": {"IN": sorted(_REMITS)}, "IS_TITLE": True},
                ],
            ],
        )
        matcher.add(
            "NEW_FACILITY",
            [
                [{"LOWER": "mount"}, {"IS_TITLE": True}],
                [
                    {"TEXT": {"REGEX": r"^[A-Z][a-z][\w'’]*$"}, "LOWER": {"NOT_IN": list(DETERMINERS)}},  # "McClean Lake mill" too
                    {
                        "TEXT": {"REGEX": rf"^(?:[A-Z][\w'’-]*|-|{_PARTICLES})$"},
                        "OP": "*",
                    },  # "Rocha da Rocha project", "Kamoa-Kakula complex"
                    facility_words,  # "Songwe Hill rare earth project", "Stibnite gold and antimony project"
                    facility_noun,
                ],
                [  # "the Skorpion zinc mine and refinery": one site of two works
                    {"TEXT": {"REGEX": r"^[A-Z][a-z][\w'’]*$"}, "LOWER": {"NOT_IN": list(DETERMINERS)}},
                    facility_words,
                    {"LOWER": {"IN": ["mine", "mines"]}},
                    {"LOWER": "and"},
                    {"LOWER": {"IN": ["refinery", "smelter", "plant", "mill", "concentrator"]}},
                ],
                [{"TEXT": {"REGEX": r"^[A-Z]{3,}$"}, "ENT_TYPE": ""}, facility_words, facility_noun],  # "MATSA": a name in capitals
                [{"TEXT": {"REGEX": r"^[A-Z]\.[A-Z][a-z]\w*$"}}, facility_words, facility_noun],  # "K.Hill project": an initial
                [  # "its Area 1 mine": a name and its number (not "Phase 2 plant": a part)
                    {"TEXT": {"REGEX": r"^[A-Z][a-z]+$"}, "LOWER": {"NOT_IN": sorted(DETERMINERS | NUMBERED_PARTS)}},
                    {"TEXT": {"REGEX": r"^\d{1,2}$"}},
                    facility_words,
                    facility_noun,
                ],
                [  # "Voisey's Bay nickel mine": a place's name holding a possessive
                    {"TEXT": {"REGEX": r"^[A-Z][a-z][\w'’]*$"}, "LOWER": {"NOT_IN": list(DETERMINERS)}},
                    {"ORTH": {"IN": ["'s", "’s"]}},
                    {"LOWER": {"IN": sorted(PLACE_NAME_WORDS)}, "IS_TITLE": True},
                    facility_words,
                    {"LOWER": {"IN": list(FACILITY_NOUNS)}},
                ],
            ],
        )
        described: list[dict[str, Any]] = [
            {"LOWER": {"IN": ["a", "an", "its", "their", "'s", "’s", "'", "’"]}},
            {  # "a rare earth recycling and separation plant in Lacq", not "an agreement to develop a refinery in …"
                "TEXT": {"REGEX": r"^(?:[A-Za-z]+|-)$"},  # "a high-pressure acid leach plant at Pomalaa" too
                "IS_TITLE": False,
                "LOWER": {"NOT_IN": ["a", "an", "the", "to", "of", "for", "with", "its", "their"]},
                "OP": "{0,6}",
            },
            {"LOWER": {"IN": sorted(FACILITY_NOUNS - {"hub", "operation"} | {"line"})}},  # "a recycling line at Mountain Pass"
            {"LOWER": {"IN": ["in", "at", "near"]}},
        ]
        matcher.add(  # "a metal plant it plans to build in Vietnam": a facility described by what is to be done with it, and where
            "NEW_DESCRIBED_CLAUSE",
            [
                [
                    *described[:-1],
                    {"LOWER": {"IN": ["it", "they"]}},
                    {
                        "LOWER": {"IN": ["plans", "plan", "planned", "is", "are", "was", "will", "has", "have", "intends", "aims"]},
                        "OP": "?",
                    },
                    {"LOWER": "to", "OP": "?"},
                    {"LOWER": {"IN": sorted(_BUILDING | {"built", "constructing", "opened"})}},
                    {"LOWER": {"IN": ["in", "at", "near"]}},
                    {"LOWER": "the", "OP": "?"},
                    {"TEXT": {"REGEX": r"^[A-Z][\w'’-]*$"}, "OP": "+"},
                ]
            ],
        )
        matcher.add(  # "to develop a battery anode plant": a facility described well enough, unplaced (not "a pilot plant")
            "NEW_BUILT",
            [
                [
                    {"LOWER": {"IN": sorted(_BUILDING | {"built", "develop", "developed"})}},
                    {"LOWER": {"IN": ["a", "an"]}},
                    {"IS_LOWER": True, "IS_ALPHA": True, "LOWER": {"NOT_IN": ["new", "second", "first", "third", "the"]}, "OP": "{2,3}"},
                    {"LOWER": {"IN": sorted(FACILITY_NOUNS - {"hub", "project", "deposit", "operation", "site", "campus"})}},
                ]
            ],
        )
        matcher.add(  # "has granted Amman Mineral Internasional a six-month permit": whom a thing is given, by name
            "NEW_GIVEN",
            [
                [
                    {"LOWER": {"IN": ["granted", "grants", "awarded", "awards", "gave", "gives", "offered", "offers", "issued", "lent"]}},
                    {"TEXT": {"REGEX": r"^[A-Z][\w'’-]*$"}, "ENT_TYPE": "", "OP": "+"},
                    {"LOWER": {"IN": ["a", "an"]}},
                ]
            ],
        )
        matcher.add(  # "the province of Balochistan holds 25%": a province acting (not "a plant in the state of Wyoming")
            "NEW_PROVINCE",
            [
                [
                    {"LOWER": "the"},
                    {"LOWER": {"IN": ["province", "state"]}},
                    {"LOWER": "of"},
                    {"ENT_TYPE": "REGION", "OP": "+"},
                    {"LOWER": {"IN": ["holds", "hold", "owns", "own", "controls", "will", "has", "keeps", "retains"]}},
                ]
            ],
        )
        matcher.add(  # "Japan's JAMSTEC": a body a country's possessive names by its initials
            "NEW_INITIALS",
            [
                [{"ENT_TYPE": "COUNTRY"}, {"ORTH": {"IN": ["'s", "’s"]}}, {"TEXT": {"REGEX": r"^[A-Z]{3,8}$"}, "ENT_TYPE": ""}],
                [  # "Taurus Minerals, a CGN unit": initials the apposition calls a company's
                    {"LOWER": {"IN": ["a", "an"]}},
                    {"TEXT": {"REGEX": r"^[A-Z]{2,8}$"}, "ENT_TYPE": ""},
                    {"LOWER": {"IN": ["unit", "subsidiary", "affiliate"]}},
                ],
            ],
        )
        matcher.add(  # "the Tenke Fungurume and Kisanfu mines": two facilities named by one noun
            "NEW_FACILITY_PAIR",
            [
                [
                    {"IS_TITLE": True, "LOWER": {"NOT_IN": sorted(DETERMINERS)}, "OP": "+"},
                    {"LOWER": "and"},
                    {"IS_TITLE": True, "OP": "+"},
                    {"IS_LOWER": True, "OP": "{0,3}"},  # "… tungsten deposits", "… ferronickel operations"
                    {
                        "LOWER": {
                            "IN": [
                                "mines",
                                "plants",
                                "refineries",
                                "projects",
                                "deposits",
                                "smelters",
                                "factories",
                                "facilities",
                                "operations",
                            ]
                        }
                    },
                ]
            ],
        )
        priced: list[dict[str, Any]] = [  # "an $800 million synthetic graphite anode plant in …": its cost before what it is
            {"LOWER": {"IN": ["a", "an"]}},
            {"TEXT": {"REGEX": rf"^{CURRENCY_SIGN}$"}},
            {"LIKE_NUM": True},
            {"LOWER": {"IN": ["million", "billion"]}, "OP": "?"},
            *described[1:],
        ]
        matcher.add(  # "a magnet factory in Fort Worth": a facility the text describes rather than names
            "NEW_DESCRIBED",
            [
                [*described, {"TEXT": {"REGEX": r"^(?:[A-Z][\w'’-]*|St\.|Ste\.|Mt\.)$"}, "OP": "+"}],  # "its campus in McCarran",
                # "its plant in St. George"
                [*priced, {"TEXT": {"REGEX": r"^[A-Z][\w'’-]*$"}, "OP": "+"}],  # "an $800 million anode plant in Bainbridge"
                [*priced[:-1], {"LOWER": "at"}, {"LOWER": {"IN": ["its", "their"]}}],  # "a $4.4 billion second concentrator at its"
                [  # "its plants in Daegu", "Nornickel's mines in Norilsk": an owner's plants in one place, one facility of the sheets'
                    {"LOWER": {"IN": ["its", "their", "'s", "’s", "'", "’"]}},
                    {"LIKE_NUM": True, "OP": "?"},  # "its two Chinese rare earth separation plants, in Zibo and Jiangyin"
                    {"ENT_TYPE": "COUNTRY", "OP": "?"},
                    described[1],
                    {"LOWER": {"IN": sorted(FACILITIES_IN_ONE_PLACE)}},
                    {"ORTH": ",", "OP": "?"},
                    described[-1],
                    {"TEXT": {"REGEX": r"^[A-Z][\w'’-]*$"}, "OP": "+"},
                ],
                [*described, {"LOWER": "the"}, {"ENT_TYPE": {"IN": ["COUNTRY", "REGION"]}, "OP": "+"}],  # "in the United States"
                [*described[:-1], {"LOWER": "at"}, {"LOWER": {"IN": ["its", "their"]}}],  # "a processing plant at its Goschen project"
                [  # "a pilot processing plant at the mine", "a copper smelter near its mine": beside a facility named before
                    *described[:-1],
                    {"LOWER": {"IN": ["at", "near"]}},
                    {"LOWER": {"IN": ["the", "its", "their"]}},
                    {"LOWER": {"IN": ["mine", "project", "site", "deposit", "complex"]}},
                ],
                [  # "would build its rare earth refinery at the Longonjo mine": the owner's, named by what it is
                    {"LOWER": {"IN": ["its", "their"]}},
                    {"IS_LOWER": True, "OP": "{0,4}"},
                    {"LOWER": {"IN": sorted(FACILITY_NOUNS - {"hub", "project", "deposit", "operation"})}},
                ],
            ],
        )
        matcher.add(  # "plans to spend about $200 million on a desalination plant": a facility the money is for, unnamed
            "NEW_PAID_FOR",
            [
                [
                    {"LOWER": {"IN": ["on", "for"]}},
                    {"LOWER": {"IN": ["a", "an"]}},
                    {"IS_LOWER": True, "LOWER": {"NOT_IN": ["new", "planned", "second"]}, "OP": "{1,3}"},
                    {"LOWER": {"IN": WORKS_NOUNS}},
                ],
                [  # "on a plant to recover tin from old tailings at the mine": named by what it is for
                    {"LOWER": {"IN": ["on", "for"]}},
                    {"LOWER": {"IN": ["a", "an"]}},
                    {"LOWER": {"IN": WORKS_NOUNS}},
                    {"LOWER": "to"},
                    {"IS_LOWER": True, "LOWER": {"NOT_IN": ["at", "in", "near", "on", "and", "for", "by"]}, "OP": "{1,5}"},
                ],
            ],
        )
        new_name: list[dict[str, Any]] = [  # a name no entity holds, of one or more capitalised words, hyphens within: "Shin-Etsu Chemical"
            {"TEXT": {"REGEX": r"^[A-Z][\w'’&-]*$"}, "LOWER": {"NOT_IN": sorted(DETERMINERS | CALENDAR)}, "ENT_TYPE": ""},
            {"TEXT": {"REGEX": r"^(?:[A-Z][\w'’&-]*|-)$"}, "ENT_TYPE": "", "OP": "*"},
            {"TEXT": {"REGEX": r"^[A-Z][\w'’&-]*$"}, "ENT_TYPE": "", "OP": "?"},
        ]
        matcher.add(  # "commodities trader Trafigura", "state miner MIND ID": a name its role noun calls a company
            "NEW_ROLED",
            [
                [{"LOWER": {"IN": sorted(COMPANY_NOUNS - {"company", "unit", "subsidiary"})}, "IS_LOWER": True}, *new_name],
                [{"ORTH": {"IN": ["'s", "’s", "'", "’"]}}, {"LOWER": {"IN": ["unit", "subsidiary"]}}, *new_name],  # "Gecamines' unit STL"
                [
                    {"LOWER": "state"},
                    {"ORTH": "-"},
                    {"LOWER": {"IN": ["owned", "run", "controlled", "backed"]}},
                    *new_name,
                ],  # "state-owned Tau-Ken Samruk"
                [  # "Portuguese energy company Galp": a company its trade names
                    {"LOWER": {"IN": ["energy", "mining", "oil", "steel", "chemicals", "trading", "battery", "metals", "investment"]}},
                    {"LOWER": "company"},
                    *new_name,
                ],
                [  # "Chile's state copper company Codelco"
                    {"LOWER": "state"},
                    {"IS_LOWER": True, "OP": "{0,2}"},
                    {"LOWER": {"IN": ["company", "miner", "producer", "firm"]}},
                    *new_name,
                ],
                [  # "…, its owner Trafigura said": whose the facility is
                    {"LOWER": {"IN": ["its", "their"]}},
                    {"LOWER": "former", "OP": "?"},
                    {"LOWER": {"IN": sorted(_OWNER_ROLES)}},
                    *new_name,
                ],
            ],
        )
        matcher.add(  # "Belgium's Umicore", "China's Baotou Steel": a name a country's possessive gives a company
            "NEW_OF_COUNTRY",
            [
                [
                    {"ENT_TYPE": "COUNTRY"},
                    {"ORTH": {"IN": ["'s", "’s"]}},
                    {
                        "TEXT": {"REGEX": _NAME_WORD},
                        "LOWER": {"NOT_IN": sorted(DETERMINERS | ROLE_WORDS | BODY_WORDS | CALENDAR)},
                        "ENT_TYPE": "",
                    },
                    {
                        "TEXT": {"REGEX": rf"{_NAME_WORD}|^-$"},
                        "LOWER": {"NOT_IN": sorted(ROLE_WORDS | BODY_WORDS)},
                        "ENT_TYPE": "",
                        "OP": "*",
                    },  # "South Africa's Sibanye-Stillwater"
                ]
            ],
        )
        matcher.add(  # "the Mongolian government, through Erdenes Oyu Tolgoi, holds": the body it acts through
            "NEW_THROUGH",
            [
                [
                    {"LOWER": "through"},
                    {"IS_TITLE": True, "ENT_TYPE": "", "LOWER": {"NOT_IN": sorted(DETERMINERS | CALENDAR)}},
                    {"IS_TITLE": True, "ENT_TYPE": "", "OP": "*"},
                    {"ORTH": ","},
                ]
            ],
        )
        matcher.add(  # "Molycorp's Estonian unit, Silmet, was": the name of the unit, between commas
            "NEW_UNIT",
            [
                [  # "Norsk Metall's Vardo unit": the name between the owner's possessive and the noun (not "'s Estonian unit")
                    {"ORTH": {"IN": ["'s", "’s"]}},
                    {"TEXT": {"REGEX": r"^[A-Z][\w'’&-]*$"}, "LOWER": {"NOT_IN": sorted(DETERMINERS | set(DEMONYMS))}, "ENT_TYPE": ""},
                    {"TEXT": {"REGEX": r"^[A-Z][\w'’&-]*$"}, "ENT_TYPE": "", "OP": "{0,2}"},
                    {"LOWER": {"IN": ["unit", "subsidiary"]}},
                ],
                [
                    {"LOWER": {"IN": ["unit", "subsidiary"]}},
                    {"ORTH": ","},
                    {"TEXT": {"REGEX": r"^[A-Z][\w'’&-]*$"}, "LOWER": {"NOT_IN": sorted(DETERMINERS)}, "ENT_TYPE": ""},
                    {"TEXT": {"REGEX": r"^[A-Z][\w'’&-]*$"}, "ENT_TYPE": "", "OP": "{0,3}"},
                    {"ORTH": ","},
                ],
                [  # "its Mali unit, Les Mines de Lithium de Bougouni,": a name holding particles
                    {"LOWER": {"IN": ["unit", "subsidiary"]}},
                    {"ORTH": ","},
                    {"TEXT": {"REGEX": r"^[A-Z][\w'’&-]*$"}, "LOWER": {"NOT_IN": sorted(DETERMINERS)}, "ENT_TYPE": ""},
                    {"TEXT": {"REGEX": r"^[A-Z][\w'’&-]*$"}, "OP": "*"},
                    {"LOWER": {"IN": sorted(NAME_PARTICLES)}},
                    {"TEXT": {"REGEX": rf"^(?:[A-Z][\w'’&-]*|{_PARTICLES})$"}, "OP": "{1,5}"},
                    {"ORTH": {"IN": [",", "."]}},
                ],
                [  # "the project's local company, Uranex Tanzania.": a name ending in a country's
                    {"LOWER": {"IN": ["unit", "subsidiary", "company"]}},
                    {"ORTH": ","},
                    {"TEXT": {"REGEX": r"^[A-Z][\w'’&-]*$"}, "LOWER": {"NOT_IN": sorted(DETERMINERS)}, "ENT_TYPE": ""},
                    {"TEXT": {"REGEX": r"^[A-Z][\w'’&-]*$"}, "OP": "{0,3}"},
                    {"ORTH": {"IN": [".", ";"]}},
                ],
                [  # "through his holding company Interros,"
                    *HOLDING_COMPANY,
                    {"TEXT": {"REGEX": r"^[A-Z][\w'’&-]*$"}, "LOWER": {"NOT_IN": sorted(DETERMINERS)}, "ENT_TYPE": ""},
                    {"TEXT": {"REGEX": r"^[A-Z][\w'’&-]*$"}, "ENT_TYPE": "", "OP": "{0,3}"},
                    {"ORTH": {"IN": [",", ".", ";"]}},
                ],
                [  # "through its local unit Rio Sava Exploration."
                    {"LOWER": {"IN": ["unit", "subsidiary"]}},
                    {"TEXT": {"REGEX": r"^[A-Z][\w'’&-]*$"}, "LOWER": {"NOT_IN": sorted(DETERMINERS)}, "ENT_TYPE": ""},
                    {"TEXT": {"REGEX": r"^[A-Z][\w'’&-]*$"}, "ENT_TYPE": "", "OP": "{0,3}"},
                    {"ORTH": {"IN": [",", ".", ";"]}},
                ],
            ],
        )
        matcher.add(  # "Vulcan Elements, a North Carolina magnet maker,": a name its apposition calls a company
            "NEW_APPOSED",
            [
                [
                    {"TEXT": {"REGEX": r"^[A-Z][A-Za-z]+$"}, "LOWER": {"NOT_IN": sorted(DETERMINERS)}},  # "LKAB, the Swedish state miner"
                    {"TEXT": {"REGEX": rf"^(?:[A-Z][\w'’-]*|&|{_PARTICLES})$"}, "OP": "*"},  # "Global Tungsten &
                    # Powders", "Compania Guatemalteca de Niquel"
                    {"ORTH": ","},
                    {"LOWER": {"IN": ["a", "an", "the"]}},
                    {"ORTH": {"NOT_IN": [",", ".", ";", "(", ")"]}, "OP": "{0,4}"},  # "an Australian-listed miner"
                    {"LOWER": {"IN": sorted(COMPANY_NOUNS | {"venture"})}},  # "Prairie Brine, a joint venture of"
                ],
                [  # "Glencore, Electra's largest shareholder,": a holder the apposition names by what it holds
                    {"IS_TITLE": True, "LOWER": {"NOT_IN": sorted(DETERMINERS)}},
                    {"TEXT": {"REGEX": r"^(?:[A-Z][\w'’-]*|&)$"}, "OP": "*"},
                    {"ORTH": ","},
                    {"IS_TITLE": True, "OP": "+"},
                    {"ORTH": {"IN": ["'s", "’s"]}},
                    {"IS_LOWER": True, "OP": "{0,2}"},
                    {"LOWER": {"IN": ["shareholder", "owner", "investor", "parent"]}},
                ],
                [  # "JL Mag Rare-Earth, China's largest maker of magnets,": a maker a country's possessive calls one
                    {"TEXT": {"REGEX": r"^[A-Z][A-Za-z]+$"}, "LOWER": {"NOT_IN": sorted(DETERMINERS)}},
                    {"TEXT": {"REGEX": r"^(?:[A-Z][\w'’-]*|&|-)$"}, "OP": "*"},
                    {"ORTH": ","},
                    {"ENT_TYPE": {"IN": ["COUNTRY", "REGION"]}, "OP": "+"},
                    {"ORTH": {"IN": ["'s", "’s"]}},
                    {"TEXT": {"REGEX": r"^(?:[a-z][\w-]*|-)$"}, "OP": "{0,4}"},  # "second-largest"
                    {"LOWER": {"IN": sorted(COMPANY_NOUNS)}},
                ],
            ],
        )
        matcher.add(  # "Angola's sovereign wealth fund", "China's commerce ministry": a body of a country its text describes
            "NEW_POSSESSED",
            [
                [
                    {"ENT_TYPE": "COUNTRY", "OP": "+"},
                    {"ORTH": {"IN": ["'s", "’s"]}},
                    {"IS_LOWER": True, "OP": "{0,3}"},
                    {"LOWER": {"IN": ["fund", "ministry", "bank", "agency", "regulator", "department"]}},
                ]
            ],
        )
        matcher.add(  # "in Gangwon province": a region the graph lacks, named by what it is
            "NEW_REGION",
            [
                [
                    {"LOWER": "in"},
                    {"ENT_TYPE": {"IN": ["COUNTRY", "REGION"]}, "OP": "*"},  # "in Myanmar's Kachin state", "in Quebec's Abitibi region"
                    {"ORTH": {"IN": ["'s", "’s"]}, "OP": "?"},
                    {"IS_TITLE": True, "LOWER": {"NOT_IN": sorted(DETERMINERS)}, "ENT_TYPE": {"NOT_IN": ["COUNTRY"]}},
                    {"IS_TITLE": True, "OP": "?"},
                    {"LOWER": {"IN": sorted(DIVISION_WORDS)}, "IS_LOWER": True},
                ],
                [  # "at the Uyuni salt flat", "in the Pilbara region's Mount Gibson": a place by what kind of land it is
                    {"LOWER": "the"},
                    {"IS_TITLE": True, "LOWER": {"NOT_IN": sorted(DETERMINERS)}, "ENT_TYPE": ""},
                    {"IS_TITLE": True, "ENT_TYPE": "", "OP": "?"},
                    {"LOWER": {"IN": sorted(LAND_NOUNS)}, "IS_LOWER": True},
                ],
                [  # "on Sumbawa island": an island, by its name
                    {"LOWER": {"IN": ["on", "in"]}},
                    {"IS_TITLE": True, "LOWER": {"NOT_IN": sorted(DETERMINERS)}, "ENT_TYPE": ""},
                    {"LOWER": "island", "IS_LOWER": True},
                ],
                [  # "in Hudspeth County"
                    {"LOWER": "in"},
                    {"IS_TITLE": True, "LOWER": {"NOT_IN": sorted(DETERMINERS)}, "ENT_TYPE": ""},
                    {"IS_TITLE": True, "ENT_TYPE": "", "OP": "?"},
                    {"TEXT": {"IN": [word.title() for word in sorted(DIVISION_WORDS - {"state", "region"})]}},
                ],
            ],
        )
        matcher.add(  # "in Kokkola, western Finland", "in Sartell, Minnesota": a town the place after it holds
            "NEW_TOWN",
            [
                [
                    {"LOWER": {"IN": ["in", "near", "at"]}},
                    {"TEXT": {"REGEX": r"^[A-Z][a-z]\w*$"}, "LOWER": {"NOT_IN": sorted(DETERMINERS | CALENDAR)}, "ENT_TYPE": ""},
                    {"IS_TITLE": True, "ENT_TYPE": "", "LOWER": {"NOT_IN": sorted(DIVISION_WORDS)}, "OP": "?"},  # not "Lander County"
                    {"ORTH": ","},
                    {"IS_LOWER": True, "OP": "?"},
                    {"ENT_TYPE": {"IN": ["COUNTRY", "REGION"]}},
                ],
                [  # "a plant at Bolivar, north of Adelaide.": a town a place is a bearing from
                    {"LOWER": {"IN": ["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"]}},
                    {"LOWER": "of"},
                    {"TEXT": {"REGEX": r"^[A-Z][a-z]\w*$"}, "LOWER": {"NOT_IN": sorted(DETERMINERS | CALENDAR)}, "ENT_TYPE": ""},
                    {"IS_TITLE": True, "ENT_TYPE": "", "LOWER": {"NOT_IN": sorted(DIVISION_WORDS)}, "OP": "?"},
                    {"ORTH": {"IN": [",", ".", ";"]}},
                ],
                [  # "near the town of Buhera,": a town its noun calls one
                    {"LOWER": "the"},
                    {"LOWER": {"IN": ["town", "city", "village"]}},
                    {"LOWER": "of"},
                    {"TEXT": {"REGEX": r"^[A-Z][a-z]\w*$"}, "LOWER": {"NOT_IN": sorted(DETERMINERS | CALENDAR)}, "ENT_TYPE": ""},
                    {"IS_TITLE": True, "ENT_TYPE": "", "LOWER": {"NOT_IN": sorted(DIVISION_WORDS)}, "OP": "?"},
                    {"ORTH": {"IN": [",", ".", ";"]}},
                ],
                [  # "the Jadar lithium project near Loznica,", "the … concentrator at La Corne,": a town a facility is near or at
                    {"LOWER": {"IN": ["near", "at"]}},
                    {"TEXT": {"REGEX": r"^[A-Z][a-z]\w*$"}, "LOWER": {"NOT_IN": sorted(DETERMINERS | CALENDAR)}, "ENT_TYPE": ""},
                    {"IS_TITLE": True, "ENT_TYPE": "", "LOWER": {"NOT_IN": sorted(DIVISION_WORDS)}, "OP": "?"},
                    {"ORTH": {"IN": [",", ".", ";"]}},
                ],
                [  # "Mt Marion, near Kalgoorlie in Western Australia,", "near Edsbyn in central Sweden": a town in the place after it
                    {"LOWER": "near"},
                    {"TEXT": {"REGEX": r"^[A-Z][a-z]\w*$"}, "LOWER": {"NOT_IN": sorted(DETERMINERS | CALENDAR)}, "ENT_TYPE": ""},
                    {"IS_TITLE": True, "ENT_TYPE": "", "LOWER": {"NOT_IN": sorted(DIVISION_WORDS)}, "OP": "?"},
                    {"LOWER": "in"},
                    {"LOWER": "the", "OP": "?"},  # "near Jabiru in the Northern Territory"
                    {"LOWER": {"IN": sorted(w.lower() for w in COMPASS_WORDS)}, "IS_LOWER": True, "OP": "?"},
                    {"ENT_TYPE": {"IN": ["COUNTRY", "REGION"]}},
                ],
            ],
        )
        matcher.add(  # "the Critical Raw Materials Act", "National Critical Mineral Mission": a programme
            "NEW_PROGRAMME",
            [
                [
                    {"IS_TITLE": True, "LOWER": {"NOT_IN": sorted(DETERMINERS)}},
                    {"IS_TITLE": True, "OP": "*"},
                    {"TEXT": {"IN": ["Act", "Law", "Strategy", "Plan", "Programme", "Program", "Initiative", "Mission", "Reserve"]}},
                ]
            ],
        )
        matcher.add(  # "Glencore-owned Mount Isa Mines": the owner, named before "-owned"
            "NEW_OWNER",
            [
                [
                    {"IS_TITLE": True, "ENT_TYPE": "", "LOWER": {"NOT_IN": sorted(DETERMINERS | set(DEMONYMS))}},  # not "Chinese-owned"
                    {"IS_TITLE": True, "ENT_TYPE": "", "OP": "?"},
                    {"ORTH": "-"},
                    {"LOWER": {"IN": ["owned", "controlled", "backed"]}},
                ]
            ],
        )
        matcher.add(  # "Apple chief executive Tim Cook": the employer a title names; "Germany's Heraeus group": a business group
            "NEW_EMPLOYER",
            [
                [
                    {"IS_TITLE": True, "LOWER": {"NOT_IN": sorted(DETERMINERS | set(DEMONYMS) | ROLE_WORDS)}},
                    {"LOWER": {"IN": ["chief", "ceo", "chairman", "chairwoman", "founder"]}},
                ],
                [{"ORTH": {"IN": ["'s", "’s"]}}, {"TEXT": {"REGEX": _NAME_WORD}, "OP": "+"}, {"ORTH": "group"}],
            ],
        )
        demonym = {"LOWER": {"IN": sorted(DEMONYMS)}}
        matcher.add(  # "Japanese and Australian firms": a group of companies, not the countries
            "NEW_GROUP",
            [
                [demonym, {"LOWER": "and"}, demonym, {"LOWER": {"IN": sorted(GROUP_NOUNS)}}],
            ],
        )
        matcher.add(
            "NEW_PERSON",
            [
                [  # "Chief Executive Tony Sage", "Founder JB Straubel"; not "Chief Economic Minister" a person
                    {"LOWER": {"IN": list(ROLE_WORDS)}, "OP": "+"},
                    {"TEXT": {"REGEX": r"^(?:[A-Z][a-z][\w'’-]*|[A-Z]{2,3})$"}, "LOWER": {"NOT_IN": sorted(ROLE_WORDS)}},
                    {"TEXT": {"REGEX": _SURNAME}, "LOWER": {"NOT_IN": sorted(ROLE_WORDS)}},
                ],
                [  # "President Jose Raul Mulino said": a name of three words, closed by a word no name holds
                    {"LOWER": {"IN": list(ROLE_WORDS)}, "OP": "+"},
                    {"TEXT": {"REGEX": r"^[A-Z][a-z][\w'’-]*$"}, "LOWER": {"NOT_IN": sorted(ROLE_WORDS)}},
                    {"TEXT": {"REGEX": r"^[A-Z][a-z][\w'’-]*$"}, "LOWER": {"NOT_IN": sorted(ROLE_WORDS | CALENDAR)}, "OP": "{2}"},
                    {"IS_TITLE": False, "IS_PUNCT": False},
                ],
                [  # "Australian investor Tolga Kumova, who": a person, not "investor Orion Resource Partners"
                    {"LOWER": "investor"},
                    {"TEXT": {"REGEX": r"^[A-Z][a-z]+$"}, "LOWER": {"NOT_IN": sorted(ORG_SUFFIXES)}},
                    {"TEXT": {"REGEX": r"^[A-Z][a-z]+$"}, "LOWER": {"NOT_IN": sorted(ORG_SUFFIXES)}},
                    {"ORTH": ","},
                    {"LOWER": {"IN": ["who", "whose"]}},
                ],
                [  # "Chief executive Jean-Sebastien Lavallee": a hyphenated given name
                    {"LOWER": {"IN": list(ROLE_WORDS)}, "OP": "+"},
                    {"TEXT": {"REGEX": r"^[A-Z][a-z]+$"}, "LOWER": {"NOT_IN": sorted(ROLE_WORDS)}},
                    {"ORTH": "-"},
                    {"TEXT": {"REGEX": r"^[A-Z][a-z]+$"}},
                    {"TEXT": {"REGEX": _SURNAME}, "LOWER": {"NOT_IN": sorted(ROLE_WORDS)}},
                ],
                [  # "Chief executive Bernardo da Veiga"
                    {"LOWER": {"IN": list(ROLE_WORDS)}, "OP": "+"},
                    {"IS_TITLE": True},
                    {"LOWER": {"IN": sorted(NAME_PARTICLES)}, "IS_LOWER": True},
                    {"TEXT": {"REGEX": _SURNAME}},
                ],
                [  # "Jon Hykawy, president of …", not "Iwatani Corporation, chief executive Joe Kaderavek said"
                    {"IS_TITLE": True},
                    {"TEXT": {"REGEX": _SURNAME}, "LOWER": {"NOT_IN": sorted(ORG_SUFFIXES)}},
                    {"ORTH": ","},
                    {"LOWER": "the", "OP": "?"},
                    {"LOWER": {"IN": list(ROLE_WORDS)}},
                ],
                [  # "the company's chief executive, Barbara Humpton, said"
                    {"LOWER": {"IN": list(ROLE_WORDS)}, "OP": "+"},
                    {"ORTH": ","},
                    {"IS_TITLE": True},
                    {"TEXT": {"REGEX": _SURNAME}},
                    {"ORTH": ","},
                ],
                [  # "Minister of Minerals Anthony Mavunde said": a minister of a remit, then the name
                    {"LOWER": "minister"},
                    {"LOWER": {"IN": ["of", "for"]}},
                    {"IS_TITLE": True, "OP": "{1,2}"},
                    {"TEXT": {"REGEX": r"^[A-Z][a-z][\w'’-]*$"}},
                    {"TEXT": {"REGEX": r"^[A-Z][a-z][\w'’-]*$"}},
                    {"IS_TITLE": False, "IS_PUNCT": False},
                ],
                [  # "said Kyle Nazareth, the company's chief executive"
                    {"IS_TITLE": True},
                    {"TEXT": {"REGEX": _SURNAME}, "LOWER": {"NOT_IN": sorted(ORG_SUFFIXES)}},
                    {"ORTH": ","},
                    {"LOWER": {"IN": ["the", "its"]}},
                    {"IS_LOWER": True},
                    {"ORTH": {"IN": ["'s", "’s"]}},
                    {"LOWER": {"IN": list(ROLE_WORDS)}},
                ],
                [  # "has appointed Wu Lei as chief executive", "has named Dean Hanisch interim chief executive"
                    {"LOWER": {"IN": sorted(APPOINTING_VERBS)}},
                    {"TEXT": {"REGEX": r"^[A-Z][a-z][\w'’-]*$"}},
                    {"TEXT": {"REGEX": r"^[A-Z][a-z][\w'’-]*$"}},
                    {"LOWER": "as", "OP": "?"},
                    {"LOWER": {"IN": ["its", "the", "new", "interim", "acting"]}, "OP": "*"},
                    {"LOWER": {"IN": list(ROLE_WORDS)}},
                ],
            ],
        )
        matcher.add(  # "the miner", "the state-owned company"
            "REFERENCE",
            [
                [
                    {"LOWER": "the"},
                    {"TEXT": {"REGEX": "^[a-z-]+$"}, "OP": "{0,3}"},
                    {
                        "LOWER": {
                            "IN": sorted(
                                DEFINITE_REFERENCES | set(FACILITY_REFERENCES) | PROGRAMME_REFERENCES | BLOC_REFERENCES | {"venture"}
                            )
                        }
                    },
                ],
                [{"LOWER": "the"}, {"LOWER": "two", "OP": "?"}, {"LOWER": {"IN": sorted(PARTNER_REFERENCES)}}],  # "the two companies"
                [{"LOWER": {"IN": ["his", "her"]}}, {"LOWER": "government"}],  # "President X said his government would"
                [  # "the Toronto-listed company", "the Sydney-based miner"
                    {"LOWER": "the"},
                    {"IS_TITLE": True},
                    {"ORTH": "-"},
                    {"TEXT": {"REGEX": "^[a-z]+$"}},
                    {"TEXT": {"REGEX": "^[a-z-]+$"}, "OP": "{0,2}"},
                    {"LOWER": {"IN": sorted(DEFINITE_REFERENCES)}},
                ],
                [  # "the Australian miner", "the South African miner"
                    {"LOWER": "the"},
                    {"LOWER": {"IN": [word.lower() for word in COMPASS_WORDS]}, "OP": "?"},
                    {"LOWER": {"IN": sorted(DEMONYMS)}},
                    {"TEXT": {"REGEX": "^[a-z-]+$"}, "OP": "{0,2}"},
                    {"LOWER": {"IN": sorted(DEFINITE_REFERENCES)}},
                ],
                [{"LOWER": {"IN": ["stage", "phase"]}}, {"LOWER": {"IN": sorted(PART_NUMBERS)}}],  # "Stage one is designed to …"
            ],
        )
        for kind, patterns in RELATION_TRIGGERS.items():
            matcher.add(f"REL_{kind}", patterns)
        matcher.add(  # "its Kalgoorlie facility", "its Stibnite gold and antimony project": its owner's
            "REL_operates",
            [
                [
                    {"LOWER": {"IN": ["its", "their"]}},
                    # "its planned Resolution copper mine", "its nearby Gabanintha project"
                    {"LOWER": {"IN": ["planned", "proposed", "new", "flagship", *sorted(NEARBY_WORDS)]}, "OP": "?"},
                    {"TEXT": {"REGEX": r"^(?:[A-Z][a-z][\w'’]*|[A-Z]{2,}|[A-Z]\.[A-Z][a-z]\w*)$"}},  # "its McClean Lake mill", "its PAK
                    # lithium project", "its K.Hill project" too
                    {
                        "TEXT": {"REGEX": rf"^(?:[A-Z][\w'’-]*|'s|’s|-|\d{{1,2}}|{_PARTICLES})$"},  # "its Voisey's Bay mine"
                        "OP": "{0,3}",
                    },  # "its Rocha da Rocha project", "its Area 1 mine", "its Jacinth-Ambrosia zircon mine"
                    facility_words,
                    facility_noun,  # "its Rochester hub", "its Urucum … mines" too, where the name is a facility's
                ]
            ],
        )
        return matcher

    def content_lines(self, text: str) -> tuple[list[tuple[int, int]], int]:
        """Spans of the lines worth reading, and how many were skipped as boilerplate."""
        spans: list[tuple[int, int]] = []
        lines: list[tuple[int, int, str, bool]] = []
        skipped = 0
        for match in re.finditer(r"[^\n]+", text):
            line = match.group().strip()
            if not line:
                continue
            if TAIL_MARKERS.match(line):
                skipped += text[match.start() :].count("\n") + 1
                break
            ascii_share = sum(c.isascii() for c in line) / len(line)
            lines.append((match.start(), match.end(), line, bool(BOILERPLATE.match(line)) or ascii_share < 0.7))
        # a line is read when it, or a neighbouring line, speaks of the subject, or it names what
        # such a line named (keeps tables and short paragraphs of a relevant passage, and "Ionic
        # signed with Ford" after "Ionic runs a recycling plant"; drops unrelated newsletter
        # items and teasers)
        topical = [bool(DOMAIN_WORDS.search(line) or self.mineral_pattern.search(line)) and not junk for _, _, line, junk in lines]
        places = {
            form for form, (_, kind) in (self.gazetteer | self.world).items() if kind in ("country", "region", "city")
        }  # too common to tell
        names = set(re.findall(rf"(?<=[a-z,;] )(?:{_LINE_NAME})", text))  # capitalised within a sentence: names, not first words
        openings = Counter(  # the names the lines on the subject open with, met again ("Noveon makes", "Noveon said")
            word for (_, _, line, _), on in zip(lines, topical) if on for word in set(re.findall(_LINE_NAME, line))
        )
        lowercase = set(re.findall(r"\b[a-z][\w-]{3,}", text))  # "according": a word, wherever it opens a line
        names |= {  # a subject before its verb ("Noveon makes"), not an adverb ("Meanwhile,") or "According to"
            w
            for w, n in openings.items()
            if n >= 2
            and w.lower() not in lowercase | DETERMINERS | PRONOUNS | ROLE_WORDS
            and re.search(rf"\b{re.escape(w)} (?!to\b|the\b|a\b)[a-z]", text)
        }
        names -= places
        named = {word for (_, _, line, _), on in zip(lines, topical) if on for word in re.findall(_LINE_NAME, line)} & names
        speaker = re.compile(rf"^(?i:{'|'.join(sorted(COMPANY_TITLES))})\s+(?:[A-Z][\w.'’-]*\s+){{1,3}}said\b")
        for n, (start, end, line, junk) in enumerate(lines):
            follows = bool(spans) and spans[-1][1] == lines[n - 1][1] and bool(speaker.match(line))  # "Chief Executive X said …"
            if not junk and (any(topical[max(0, n - 1) : n + 2]) or set(re.findall(_LINE_NAME, line)) & named or follows):
                dateline = DATELINE.match(text, start, end)  # the story starts after it: "DENVER (Newswire) - Energy Fuels said"
                spans.append((dateline.end() if dateline else start, end))
            else:
                skipped += 1
        return spans, skipped

    def with_world_places(self, doc: Doc) -> Doc:
        """``doc`` with the world's places the graph lacks (:attr:`world`) marked where no name is,
        or over the places a longer one holds ("South Australia"); "southern Mali", its compass
        word in lower case, is the country, not a region of that name."""
        kept: list[Span] = []
        for e in doc.ents:
            iri, kind = self.labels.get(e[1:].text.lower(), ("", ""))
            if e.label_ == "REGION" and e[0].is_lower and e[0].text.title() in COMPASS_WORDS and kind == "country":
                kept.append(Span(doc, e.start + 1, e.end, label="COUNTRY", span_id=iri))
            else:
                kept.append(e)
        doc.ents = kept
        if self.world_pattern is None:
            return doc
        ents, taken = list(doc.ents), {i for e in doc.ents for i in range(e.start, e.end)}
        for found in self.world_pattern.finditer(doc.text):
            span = doc.char_span(found.start(), found.end())
            inside = [e for e in ents if span is not None and span.start <= e.start and e.end <= span.end and len(e) < len(span)]
            if inside and all(e.label_ in ("COUNTRY", "REGION", "CITY") for e in inside):  # "South Australia": not Australia
                ents = [e for e in ents if e not in inside]
                taken -= {i for e in inside for i in range(e.start, e.end)}
            if (
                span is None
                or (span.end < len(doc) and doc[span.end].text in NATURAL_FEATURES)  # "the Paraguay River": a river's name
                or self.world[found.group()][1] == "region"
                and (_opens_a_name(doc, span.end) or self._names_a_site(doc, span.end) or _described_firm(doc, span.start))
            ):
                continue  # "Lindi Jumbo", "Leinster nickel concentrator", "miner Antofagasta": a company's or a facility's name
            if not taken & set(range(span.start, span.end)):
                iri, kind = self.world[found.group()]
                ents.append(Span(doc, span.start, span.end, label=kind.upper(), span_id=iri))
                taken.update(range(span.start, span.end))
        compass = [  # "North Maluku": a part of a region named by a compass word is a region of its own
            e
            for e in ents
            if e.label_ == "REGION"
            and e.start > 0
            and doc[e.start - 1].text in (*COMPASS_WORDS, *_INTERCARDINAL)
            and e.start - 1 not in taken
        ]
        for region in compass:
            whole = doc[region.start - 1 : region.end]
            ents = [e for e in ents if e is not region] + [
                Span(doc, whole.start, whole.end, label="REGION", span_id=f"{ID}region/{slugify(whole.text)}")
            ]
        taken = {i for e in ents for i in range(e.start, e.end)}
        continents = {word: self.labels[name.lower()][0] for word, name in CONTINENTAL_DEMONYMS.items() if name.lower() in self.labels}
        ents += [  # "30% of European demand": the part of the world whose needs are met
            Span(doc, token.i, token.i + 1, label="REGION", span_id=continents[token.lower_])
            for token in doc[:-1]
            if token.lower_ in continents and token.i not in taken and doc[token.i + 1].lower_ in NEEDS_NOUNS
        ]
        doc.ents = sorted(ents, key=lambda e: e.start)
        return drop_non_names(doc)

    def _names_a_site(self, doc: Doc, end: int) -> bool:
        """Whether the words from ``end`` close a facility's name a place's name opens: a
        mineral's or a site's words, then a facility's noun ("… nickel concentrator")."""
        words = FACILITY_WORDS | self.mineral_words | {"rare", "earth", "earths"}
        for token in doc[end : end + 5]:
            if token.lower_ in FACILITY_NOUNS:
                return token.i > end  # not "Salta plant": a plant in Salta, as the text may say
            if token.lower_ not in words:
                return False
        return False

    def extract(self, text: str) -> Extraction:
        """Propose mentions, figures and relations for ``text``."""
        result = Extraction()
        spans, result.skipped_lines = self.content_lines(text)
        read = "\n".join(text[start:end] for start, end in spans)
        names = recurring_names(read, self.known_words, self.countries) | {
            n.group("name"): "facility" for n in KNOWN_AS.finditer(read)
        }  # "10X"
        acting = {name for name in names if re.search(rf"\b{re.escape(name)}\b(?!\s*['’])", read)}  # not only ever whose
        for start, end in spans:
            doc = self.with_world_places(self.nlp(re.sub(r"[^\S\n]", " ", text[start:end])))  # a no-break space is a space
            for sent in doc.sents:
                if len(sent) < 3:
                    continue
                index = len(result.sentences)
                result.sentences.append(Sentence(sent.text, start + sent.start_char, start + sent.end_char))
                self._sentence(sent, start, index, result, names, acting)
        placed = {(r.subject, r.title) for r in result.relations if r.kind == "position" and r.object}
        result.relations = [r for r in result.relations if not (r.kind == "position" and not r.object and (r.subject, r.title) in placed)]
        for n, relation in enumerate(result.relations):  # one at a time: a country given is taken ("Ukraine's minister … with Secretary X")
            result.relations[n] = position_in_context(relation, result)
        return result

    def _sentence(self, sent: Span, offset: int, index: int, result: Extraction, names: dict[str, str], acting: set[str]) -> None:
        doc: Doc = sent.doc
        known = [e for e in doc.ents if sent.start <= e.start and e.end <= sent.end]
        words = [t for t in sent if t.is_alpha and len(t) > 3]
        heading = sent[-1].text not in ".!?" and len(words) >= 2 and sum(t.is_title for t in words) >= 0.6 * len(words)
        longer = extended_names(sent, known, heading=heading)  # "Toyota Tsusho" is not Toyota
        mentions = [
            Mention(longer[e].text, offset + longer[e].start_char, offset + longer[e].end_char, None, "company", index)
            if e in longer
            else Mention(
                e.text,
                offset + e.start_char,
                offset + e.end_char,
                None,
                e.label_.lower(),
                index,
                proposed=e.ent_id_,
                name=CONTINENTAL_DEMONYMS.get(e.text.lower()),  # "European": named Europe
            )
            if e.ent_id_ not in self.known
            else Mention(e.text, offset + e.start_char, offset + e.end_char, e.ent_id_, e.label_.lower(), index)
            for e in known
        ]
        shortened = short_forms(sent, offset, index, result, known)
        mentions = [m for m in mentions if not any(n.start <= m.start and m.end <= n.end for n in shortened)] + shortened
        matches = sorted(self.matcher(sent, as_spans=True), key=lambda s: (s.start, -len(s)))
        units = [  # "its subsidiary, Largo Clean Energy,", "from Rincon Mining": a longer name, not the short form of another
            _unit_name(s) if s.label_ == "NEW_UNIT" else s[1:-1] if s.label_ == "NEW_THROUGH" else s
            for s in matches
            if s.label_ in ("NEW_UNIT", "NEW_THROUGH") or (s.label_ == "NEW_ORG" and s[-1].lower_ in ORG_SUFFIXES)
        ]
        inside = [
            m
            for m in shortened
            if any(u.start_char <= m.start - offset and m.end - offset <= u.end_char and m.text != u.text for u in units)
        ]
        shortened = [m for m in shortened if m not in inside]
        mentions = [m for m in mentions if m not in inside]
        used = {t.i for m in shortened for t in doc.char_span(m.start - offset, m.end - offset, alignment_mode="expand") or ()}
        used |= {i for e in known if e in longer for i in range(longer[e].start, longer[e].end)}  # "Toyota Tsusho", not "Tsusho"
        triggers: list[tuple[str, Span]] = []
        references: list[Span] = []
        for span in matches:
            label = span.label_
            overlaps = any(i in used for i in range(span.start, span.end))
            if label == "NEW_APPOSED":  # "Glencore, Electra's largest shareholder,": the name is before the comma
                overlaps = any(i in used for i in range(span.start, next(t.i for t in span if t.text == ",")))
            if label == "NEW_DESCRIBED" and span[-1].is_title:  # "a lithium sulphate plant at Arcadia": the place may be a name met before
                overlaps = any(
                    i in used for i in range(span.start, next((t.i for t in span if t.lower_ in ("in", "at", "near")), span.end))
                )
            if label.startswith("REL_"):
                if _ABANDONED.search(doc[max(sent.start, span.start - 7) : span.start].text) and span[0].lower_ not in LICENCES:
                    continue  # "have scrapped plans to build a refinery": no plan any more; "withdrew the permit of X": X held it
                if _IF_IT_DECIDES.search(doc[max(sent.start, span.start - 6) : span.start].text):
                    continue  # "if it decides to build the project": a condition, no plan
                if not (span.start > sent.start and span[0].is_title) or span[-3:].text.lower() == "sovereign wealth fund":
                    triggers.append((label[4:], span))  # not "the US Export-Import Bank" (a name's word); "Indonesia's … fund" is one
            elif label == "REFERENCE":
                named = (
                    span.end < sent.end
                    and doc[span.end].is_title
                    and doc[span.end].is_alpha
                    and doc[span.end].lower_ not in CALENDAR | DETERMINERS
                )
                staged = span[-1].lower_ != "stage" or any(t.lower_ in ("first", "second", "third", "next", "initial") for t in span)
                staged = staged and not (
                    span[-1].lower_ == "expansion" and doc[span.end : span.end + 1].text == "of"
                )  # "the expansion of EVs"
                if not named and staged:  # "the energy group Medco Energi": what describes the name after it, no reference;
                    references.append(span)  # "The first stage" of a project, not "at the centre stage"
            elif label.startswith("NEW_") and heading:
                continue  # a title's capitals name nothing
            elif label == "NEW_BUILT":
                placed = span.end + 1 < sent.end and doc[span.end].lower_ in ("in", "at", "near")
                placed = placed and any(t.is_title for t in doc[span.end + 1 : min(span.end + 3, sent.end)])  # "in the United States"
                if not overlaps and not placed:  # "… a plant in Texas" is a described facility's; "… a plant in 2019" is not
                    name = span[2:]  # "battery anode plant": named by what it is, where the text places it nowhere
                    mentions.append(Mention(name.text, offset + name.start_char, offset + name.end_char, None, "facility", index))
                    used.update(range(name.start, name.end))
            elif label == "NEW_GIVEN" and not overlaps:  # "granted Amman Mineral Internasional a permit": the grantee
                name = span[1:-1]
                mentions.append(Mention(name.text, offset + name.start_char, offset + name.end_char, None, "company", index))
                used.update(range(name.start, name.end))
            elif label == "NEW_PROVINCE":  # "the province of Balochistan holds 25%": the province's government, acting
                name = span[1:-1]
                mentions.append(Mention(name.text, offset + name.start_char, offset + name.end_char, None, "agency", index))
            elif label == "NEW_INITIALS" and span.end - 1 not in used and not (span.end < sent.end and doc[span.end].is_title):
                name = next(span[n : n + 1] for n in range(len(span) - 1, -1, -1) if span[n].is_upper)
                mentions.append(Mention(name.text, offset + name.start_char, offset + name.end_char, None, "company", index))
                used.update(range(name.start, name.end))
            elif label == "NEW_OF_COUNTRY" and (
                self._names_a_site(doc, span.end)  # "Japan's Onahama gallium plant": a facility's name
                or span[-1].lower_ in ORG_SUFFIXES
                or (len(span) == 3 and _ABSTRACT.search(span[-1].lower_))
                or span.end < sent.end
                and (doc[span.end].is_title or doc[span.end].lower_ in _NOT_A_FIRM)
                or span.end + 1 < sent.end
                and doc[span.end].lower_ == "and"
                and doc[span.end + 1].is_title
                and doc[span.end + 1].lower_ not in DEMONYMS  # "Japan's Mitsui and Chinese battery maker X": a firm
                and len(span) == 3  # not "China's Zhejiang Huayou Cobalt and Ford Motor"
            ):
                continue  # "China's Commerce Ministry", "China's Baotou region", "China's Dominance", "China's Belt and Road": no firm
            elif (
                label == "NEW_TOWN"
                and span[0].lower_ in ("near", "at")
                and span[-1].text in (",", ".", ";")
                and doc[span.start - 1].lower_ not in FACILITY_NOUNS
                and not _apposed_to_a_site(doc, span.start - 1, sent.start)
            ):
                continue  # "near Loznica" after a facility's noun or name ("The deposit, near Granna,"), not "near Tuesday's close"
            elif (
                label == "NEW_POSSESSED"
                and span.start - 2 >= sent.start
                and doc[span.start - 1].text == ","
                and doc[span.start - 2].is_title
                and not doc[span.end : span.end + 1].text[:1].isupper()
            ):
                continue  # "Danantara, Indonesia's new sovereign wealth fund,": what the name before is, no body of its own
            elif label == "NEW_PAID_FOR" and doc[span.start - 1].lower_ not in ("million", "billion"):
                continue  # "on a desalination plant" after money only
            elif label == "NEW_ORG" and span[-1].text in NATURAL_FEATURES:
                continue  # "near the Salton Sea": a place of nature, no company
            elif label == "NEW_FACILITY" and span[-1].text == "Facility" and _MONEY_WORDS.search(sent.text):
                continue  # "a loan … under the government's Critical Minerals Facility": a fund, no plant
            elif label == "NEW_DESCRIBED_CLAUSE" and not overlaps:
                noun = next(t.i for t in span if t.lower_ in ("it", "they"))
                place = next(t.i for t in span if t.i > noun and t.lower_ in ("in", "at", "near"))
                name = doc[span.start + 1 : noun]  # "metal plant", its place after the clause: "metal plant in Vietnam"
                to_build = re.search(r"\b(?:build|construct|open|develop|set\s+up)\b", doc[noun:place].text)
                if len(name) > 1 or to_build:  # "a plant it plans to build in Ontario": a bare noun the clause makes a facility
                    where = doc[place + 1 + (doc[place + 1].lower_ == "the") : span.end]
                    full = f"{name.text} {doc[place].text} {where.text}"
                    mentions.append(
                        Mention(name.text, offset + name.start_char, offset + name.end_char, None, "facility", index, name=full)
                    )
                    used.update(range(name.start, name.end))
            elif label == "NEW_FACILITY_PAIR" and not overlaps and free_for_new(span, label, known):
                middle = next(t.i for t in span if t.lower_ == "and")
                last = next(t.i for t in doc[middle + 1 : span.end] if not t.is_title)  # "… Upper Kairakty tungsten deposits"
                for name in (doc[span.start : middle], doc[middle + 1 : last]):
                    mentions.append(Mention(name.text, offset + name.start_char, offset + name.end_char, None, "facility", index))
                used.update(range(span.start, span.end))
            elif (
                label.startswith("NEW_")
                and not overlaps
                and (
                    label in ("NEW_DESCRIBED", "NEW_PAID_FOR", "NEW_GROUP", "NEW_POSSESSED", "NEW_TOWN", "NEW_OF_COUNTRY")
                    or free_for_new(span, label, known)
                )
            ):
                kind = {
                    "NEW_ORG": "company",
                    "NEW_GROUP": "company",
                    "NEW_FACILITY": "facility",
                    "NEW_DESCRIBED": "facility",
                    "NEW_PAID_FOR": "facility",
                    "NEW_PERSON": "person",
                    "NEW_EMPLOYER": "company",
                    "NEW_OWNER": "company",
                    "NEW_APPOSED": "company",
                    "NEW_ROLED": "company",
                    "NEW_OF_COUNTRY": "company",
                    "NEW_THROUGH": "company",
                    "NEW_UNIT": "company",
                    "NEW_POSSESSED": "agency",
                    "NEW_PROGRAMME": "programme",
                    "NEW_REGION": "region",
                    "NEW_TOWN": "city",
                }[label]
                if (
                    label == "NEW_ORG"
                    and span[-1].lower_ in ("mines", "mine")
                    and doc[span.start - 1 : span.start].text in ("its", "their")
                ):
                    kind = "facility"  # "producing … at its Empire State Mines": the owner's site (not "Ivanhoe Mines", a company)
                if label == "NEW_ORG" and (
                    {t.lower_ for t in span[:2]} & {"office", "ministry", "department", "agency", "bureau"}
                    or span[-1].lower_ in ("ministry", "department", "agency", "bureau", "commission")  # "U.S. Interior Department"
                    or span[-1].lower_ in ("army", "navy", "force", "marines", "military")
                ):
                    kind = "agency"  # "Office of Strategic Capital", "U.S. Army"
                if label == "NEW_ORG" and span[-1].lower_ in (
                    "council",
                    "institute",
                    "university",
                    "organization",
                    "organisation",
                    "band",
                    "nation",
                    "laboratory",
                    "exchange",
                    "fund",
                ):
                    kind = "org"  # "Saskatchewan Research Council", "London Metal Exchange", "Just Transition Fund": no company
                if label == "NEW_ORG" and span[-1].text == "County":
                    kind = "region"  # "Imperial County expects …": a county, acting
                roles = next((n for n, t in enumerate(span) if t.lower_ not in ROLE_WORDS), 0) if label == "NEW_PERSON" else 0
                name = (
                    span[3:]  # "state-owned Tau-Ken Samruk"
                    if label == "NEW_ROLED" and span[0].lower_ == "state" and span[1].text == "-"
                    else span[next(n for n, t in enumerate(span) if t.lower_ in COMPANY_NOUNS) + 1 :]  # "state copper company Codelco"
                    if label == "NEW_ROLED" and (span[0].lower_ == "state" or span[1].lower_ == "company")  # "energy company Galp"
                    else span[2:]  # "Gecamines' unit STL"
                    if label == "NEW_ROLED" and span[0].text in ("'s", "’s", "'", "’")
                    else span[1:]
                    if label in ("NEW_DESCRIBED", "NEW_REGION", "NEW_ROLED")
                    else span[2:]  # "desalination plant", of "on a desalination plant"; "Mitsui", of "Japan's Mitsui"
                    if label in ("NEW_PAID_FOR", "NEW_OF_COUNTRY")
                    else span[:-1]
                    if label == "NEW_EMPLOYER"
                    else span[:-2]
                    if label == "NEW_OWNER"
                    else span[roles:]
                )
                if label == "NEW_ROLED" and span[0].lower_ in ("its", "their"):  # "its owner Trafigura": the name after the role
                    name = span[next(n for n, t in enumerate(span) if t.lower_ in _OWNER_ROLES) + 1 :]
                fuller = [m.end for m in matches if m.label_ == "NEW_ORG" and m.start == name.start and m.end > name.end]
                if label == "NEW_ROLED" and fuller:  # "state-owned Balkhash Mining and Metallurgical Complex": the whole name
                    name = doc[name.start : max(fuller)]
                named_after = span.end
                while (
                    label == "NEW_POSSESSED"
                    and named_after < sent.end
                    and doc[named_after].is_alpha
                    and doc[named_after].text[:1].isupper()
                    and doc[named_after].lower_ not in CALENDAR
                ):
                    named_after += 1
                if named_after > span.end:  # "Brazil's development bank BNDES": the body is named
                    name = doc[span.end : named_after]
                if label == "NEW_EMPLOYER" and name[0].text in ("'s", "’s"):
                    name = name[1:]  # "Germany's Heraeus group": Heraeus
                if label == "NEW_REGION":
                    name = name[next((n + 1 for n, t in enumerate(name) if t.text in ("'s", "’s")), 0) :]  # past "Myanmar's"
                if label == "NEW_REGION" and name[-1].lower_ in LAND_NOUNS:
                    name = name[: next(n for n, t in enumerate(name) if t.lower_ in LAND_NOUNS)]  # "Uyuni", of "the Uyuni salt flat"
                if label == "NEW_DESCRIBED" and name[-1].lower_ in ("its", "their"):
                    name = name[:-2]  # "rare earth processing plant" (at its Goschen project: a facility named of its own)
                if label == "NEW_DESCRIBED" and name[-2:-1].text.lower() in ("the", "its", "their"):
                    name = name[:-3]  # "pilot processing plant" (at the mine: a facility named of its own), "copper smelter"
                if (
                    label == "NEW_DESCRIBED"
                    and name[0].lower_ in ("first", "second", "third", "largest", "biggest", "only")
                    and doc[span.start - 1].text == ","
                ):
                    continue  # "a cathode plant in Debrecen, its first factory in Europe": the plant before, described again
                priced_at = next((n + 1 for n, t in enumerate(name[:4]) if t.lower_ in ("million", "billion")), 0)
                priced_at = priced_at or (2 if label == "NEW_DESCRIBED" and name[0].text in ("$", "€", "£") else 0)
                name = name[priced_at:]  # "synthetic graphite anode plant in Bainbridge", past "$800 million"
                while label == "NEW_DESCRIBED" and name[0].lower_ in ("planned", "proposed", "new", "future"):
                    name = name[1:]  # "planned gallium refinery in …": what it is, not its state
                if label == "NEW_DESCRIBED" and len(name) == 1:
                    continue  # "a new line at its Weda complex": a bare noun names nothing
                if label == "NEW_APPOSED":
                    name = span[: next(n for n, t in enumerate(span) if t.text == ",")]
                if label == "NEW_UNIT":
                    name = _unit_name(span)
                if label == "NEW_THROUGH":
                    name = span[1:-1]
                if label == "NEW_TOWN":
                    opening = next(n for n, t in enumerate(span) if t.lower_ in ("in", "near", "at", "of"))
                    closing = next(n for n, t in enumerate(span) if n > opening and (t.text in (",", ".", ";") or t.lower_ == "in"))
                    name = span[opening + 1 : closing]  # "near Kalgoorlie in Western Australia": Kalgoorlie
                country_after = [e for e in known if e.start == span.end and e.label_ in ("COUNTRY", "REGION") and e.end < sent.end]
                if label == "NEW_ORG" and country_after and doc[country_after[0].end].text not in ("'s", "’s"):
                    name = doc[name.start : country_after[0].end]  # "Cortec Mining Kenya", "Twin Metals Minnesota": the place ends the name
                of_country = [  # "the Export-Import Bank of the United States": the country it is of ends the name
                    e for e in known if e.label_ == "COUNTRY" and e.start in (span.end + 1, span.end + 2) and e.end <= sent.end
                ]
                if (
                    label == "NEW_ORG"
                    and span[-1].lower_ in BODY_WORDS | {"bank"}
                    and of_country
                    and doc[span.end].lower_ == "of"
                    and (of_country[0].start == span.end + 1 or doc[span.end + 1].lower_ == "the")
                ):
                    name = doc[name.start : of_country[0].end]
                of_place = span.end + 1 if doc[span.end : span.end + 1].text == "of" else span.end
                while of_place > span.end and of_place < min(span.end + 4, sent.end) and doc[of_place].is_title:
                    of_place += 1
                if label == "NEW_ORG" and span[-1].lower_ in ("corporation", "authority") and of_place > span.end + 1:
                    name = doc[name.start : of_place]  # "the Investment Corporation of Dubai": whose it is ends the name
                if label == "NEW_PERSON" and span[0].lower_ == "minister" and span[1].lower_ in ("of", "for"):
                    name = span[-3:-1]  # "Anthony Mavunde", of "Minister of Minerals Anthony Mavunde said"
                if label == "NEW_PERSON" and name[0].lower_ in {"investor", *APPOINTING_VERBS}:
                    name = name[1:3]  # "Tolga Kumova", of "investor Tolga Kumova, who"; "Wu Lei", of "appointed Wu Lei as"
                if label == "NEW_PERSON" and name[-1].lower_ in ROLE_WORDS:
                    name = name[:2]
                if label == "NEW_PERSON" and not (re.match(_SURNAME, name[-1].text) or name[-1].text == ","):
                    name = name[:-1]  # "Jose Raul Mulino", of "President Jose Raul Mulino said"
                if label == "NEW_PERSON" and name[0].text == ",":  # "chief executive, Barbara Humpton,"
                    name = name[1:-1]
                if label in (
                    "NEW_ORG",
                    "NEW_GROUP",
                    "NEW_POSSESSED",
                    "NEW_FACILITY",
                    "NEW_PROGRAMME",
                    "NEW_UNIT",
                ):  # a name holding a known one is not it ("USA Rare Earth", "Uranex Tanzania")
                    mentions = [m for m in mentions if not (name.start_char <= m.start - offset and m.end - offset <= name.end_char)]
                plural = next((t for t in name if t.lower_ in FACILITIES_IN_ONE_PLACE), None) if label == "NEW_DESCRIBED" else None
                if plural is not None:  # "its two Chinese … plants, in Zibo": the plants in Zibo
                    name = doc[plural.i : name.end]
                named = f"{plural.text} {doc[plural.i + 1 + (plural.nbor(1).text == ',') : name.end].text}" if plural else None
                apposed = _named_before(doc, span, sent.start, known) if label == "NEW_DESCRIBED" else None
                if apposed is not None:  # "Cerro Verde, its copper and molybdenum mine near Arequipa": the mine so named
                    mentions.append(Mention(apposed.text, offset + apposed.start_char, offset + apposed.end_char, None, "facility", index))
                full = apposed.text if apposed is not None else named
                candidate = Mention(name.text, offset + name.start_char, offset + name.end_char, None, kind, index, name=full)
                if candidate.ref_iri in self.known:  # a name the graph has under another form: that entity, not a second one
                    candidate = Mention(name.text, candidate.start, candidate.end, candidate.ref_iri, kind, index)
                mentions.append(candidate)
                town = next((t.i + 1 for t in name if t.lower_ in ("in", "near")), None) if label == "NEW_DESCRIBED" else None
                placed = doc[town : name.end] if town is not None else doc[0:0]
                if (
                    len(placed)
                    and all(t.is_title for t in placed)
                    and not any(e.start < placed.end and placed.start < e.end for e in known)
                ):
                    mentions.append(  # "a copper and nickel project near Ely": a town the graph lacks, where the facility is
                        Mention(placed.text, offset + placed.start_char, offset + placed.end_char, None, "city", index)
                    )
                for place in _places_listed(doc, span.end, sent.end) if plural is not None else []:
                    if not any(e.start < place.end and place.start < e.end for e in known):  # "its plants in Ganzhou, Baotou and
                        mentions.append(Mention(place.text, offset + place.start_char, offset + place.end_char, None, "city", index))
                    mentions.append(  # Ningbo": a plant in each place, as in the first
                        Mention(
                            place.text, offset + place.start_char, offset + place.end_char, None, "facility", index,
                            name=f"{plural.text} in {place.text}",
                        )
                    )  # fmt: skip
                    used.update(range(place.start, place.end))
                used.update(
                    range(name.start, name.end)
                    if label in ("NEW_APPOSED", "NEW_TOWN")
                    else range(name.start, span.end)
                    if priced_at
                    else range(span.start, name.end)
                    if label == "NEW_DESCRIBED" and name.end < span.end
                    else range(span.start, max(span.end, name.end))
                )  # not "a unit of"; the cost before a described plant is a figure of its own; "a sinter plant at its mine near
                # Hotazel": what follows the plant's name is read on its own
            elif (
                label in ("PERCENT", "MONEY", "COUNT", "DURATION", "MASS", "MULTIPLIER", "WHOLE")
                and not overlaps
                and not heading
                and not (span.start - 2 >= sent.start and doc[span.start - 1].text in "-:/" and doc[span.start - 2].like_num)
            ):  # not the second half of "a 60-40 joint venture"
                figure = self._figure(span, offset, index)
                verb_before = re.sub(r"\s*\b[a-z]+\s*$", "", doc[max(sent.start, span.start - 8) : span.start].text)
                if figure is not None and (_ABANDONED.search(verb_before) or _PLAN_GIVEN_UP.search(doc[sent.start : span.start].text)):
                    continue  # "had planned to produce 50,000 tonnes … but now", "scrapped plans to build a $2.6 billion refinery"
                if figure is not None:
                    result.figures.append(figure)
                    used.update(range(span.start, span.end))
                    mentions = [  # "1.2 billion Norwegian crowns": whose money, no country of the text's
                        m for m in mentions if not (label == "MONEY" and figure.start <= m.start and m.end <= figure.end)
                    ]
                    sized = _SIZED_PROGRAMME.match(doc.text[span.end_char :]) if label == "MONEY" else None
                    if sized:  # "a 100 billion yen package": a programme the text names by its money
                        end = span.end_char + sized.end()
                        mentions.append(
                            Mention(doc.text[span.start_char : end], offset + span.start_char, offset + end, None, "programme", index)
                        )
        triggers = [  # "supplied by" is read once, not as "supplied" too
            (kind, span)
            for kind, span in triggers
            if not any(k == kind and o != span and o.start <= span.start and span.end <= o.end and o[0].text != "%" for k, o in triggers)
            # not a holder's own description inside a gapped share ("… and Zambia's state mining company ZCCM 29%")
        ]
        mentions += aliases(sent, offset, index, mentions)
        mentions += listed_names(sent, offset, index, mentions)
        mentions += known_as(sent, offset, index, mentions)
        again = [] if heading else recurring(sent, offset, index, names, mentions, result)
        mentions = [m for m in mentions if not (m.kind == "material" and any(n.start <= m.start and m.end <= n.end for n in again))] + again
        subjects = [] if heading else named_subjects(sent, offset, index, triggers, mentions, acting)
        mentions = [m for m in mentions if not any(n.start <= m.start and m.end <= n.end for n in subjects)] + subjects
        mentions = _with_country_units(mentions, doc.text, offset)
        mentions = [as_named_before(m, result, also=[n for n in mentions if n.end <= m.start]) for m in mentions]
        result.mentions.extend(mentions)
        references = [  # "the Ministry of Mining" is a name, no reference; nor "the state of Wyoming", "the state-owned"
            r
            for r in references
            if not any(m.start < offset + r.end_char and offset + r.start_char < m.end for m in mentions)
            and not (r[-1].lower_ == "state" and r.end < sent.end and doc[r.end].text in ("of", "-"))
        ]
        result.references += [Mention(r.text, offset + r.start_char, offset + r.end_char, None, "reference", index) for r in references]
        resolved = resolve_references(sent, mentions, references, offset, result) + _the_state(sent, mentions, result)
        owners = {m.ref_iri for m in mentions if m.iri or m.text in acting or m.text.endswith(" family")}  # known, named again not
        possessed = held_by_possessor(sent, resolved, index, owners)  # as whose, or a family; read before the roles drop whose names
        referred = [  # "…, the company's chief executive": the company it was taken to be
            Mention(r.text, offset + r.start_char, offset + r.end_char, result.resolved[offset + r.start_char], "company", index)
            for r in references
            if "/company/" in result.resolved.get(offset + r.start_char, "")
        ]
        positions = positions_in(sent.text, offset + sent.start_char, [*mentions, *referred], self.labels, index)
        resolved = as_actors(sent, resolved, triggers, offset, result, positions, self.labels)
        found = [
            replace(
                r,
                at=offset + span.end_char,
                since=offset + r.since if r.since is not None else offset + span.start_char if _owned_already(span) else None,
            )
            for kind, span in triggers
            for r in relations_at(kind, span, sent, resolved, index)
            if r.subject != r.object
        ]
        found += held_through(sent, resolved, index) if any(kind == "invested" for kind, _ in triggers) else []
        found += [replace(r, at=offset + (r.at or 0)) for r in possessed]
        found = [r for r in (_by_operator(r, [*result.relations, *found]) for r in found) if r is not None] + positions
        found = _taken_over(found, sent.text)
        found += _supplied_under_the_deal(sent, offset, resolved, triggers, found, result, index)
        found += _shipped_by_the_producer(sent, offset, resolved, triggers, found, result, index)
        found += _deal_said_before(sent, offset, found, result, index)
        found.sort(key=lambda r: r.since is None)  # "will restart its mine": the possessive says whose it is, before the verb
        materials = [m.ref_iri for m in mentions if m.kind == "material"]
        here = [f for f in result.figures if f.sentence == index]
        relations, shares = supplies_with_shares(found, sent.text, offset + sent.start_char, here, materials)
        under = [  # "under an offtake agreement": a new one between them; "under the deal": the one named before
            s
            for k, s in triggers
            if k == "agreement"
            and "under" in {t.lower_ for t in doc[max(sent.start, s.start - 5) : s.start]}  # "under a long-term agreement"
            and not {t.lower_ for t in doc[max(sent.start, s.start - 5) : s.start]} & {"the", "that", "this"}
        ]
        if under and not any(r.kind == "agreement" for r in relations):  # "will ship … under an offtake agreement": between the two
            relations += [
                Relation("agreement", r.subject, r.object, index, at=offset + under[0].end_char) for r in relations if r.kind == "supplies"
            ][:1]
        supplied = [r for r in relations if r.kind == "supplies"]
        if supplied and (_AGREED_TO_SUPPLY.search(sent.text) or _UNDER_AGREEMENTS.search(sent.text)):
            # "has agreed to supply anode to A and to B", "is sold to traders including A and B under offtake agreements": a deal with each
            relations = [r for r in relations if r.kind != "agreement"] + [
                Relation("agreement", r.subject, r.object, index, at=r.at) for r in supplied if r.object
            ]
        held = [r for r in relations if r.kind == "invested" and r.object and f"{ID}company/" in r.object]
        if held and not any(r.kind == "agreement" for r in relations) and _UNDER_A_NEW_DEAL.search(sent.text):
            relations.append(
                Relation("agreement", held[0].subject, held[0].object, index, at=held[0].at)
            )  # "… to 19.9% under an investment agreement"
        stakes = [r for r in [*result.relations, *relations] if r.kind == "invested" and r.object]
        before = {  # the holder's own just named ("… is the Polish state, which holds about 32%"); not what the holder is
            id(r): [s for s in relations if s.kind == "invested" and s.object and s.subject == r.subject]  # itself; a share's rest,
            or [s for s in stakes if s.object != r.subject and s.share is not None]  # of a stake with a share if any
            or [s for s in stakes if s.object != r.subject]
            for r in relations
        }
        relations = [  # "Y owns the remaining 20%": of what the stake before is in
            replace(r, object=before[id(r)][-1].object) if r.kind == "invested" and r.object is None and before[id(r)] else r
            for r in relations
            if not (r.kind == "invested" and r.object is None and not before[id(r)])
        ]
        result.relations.extend(relations)
        result.figures = [f for f in result.figures if f not in shares]

    def _figure(self, span: Span, offset: int, index: int) -> Figure | None:
        label = span.label_
        first = span[0]
        if label == "WHOLE":  # "imports all of the lithium it uses": 100%; "nearly all": hedged
            whole = span[1:-2]
            hedge = whole[0].lower_ if len(whole) > 1 else None
            return Figure(Decimal(100), "percent", hedge, whole.text, offset + whole.start_char, offset + whole.end_char, index)
        if label == "MULTIPLIER":
            value, unit = MULTIPLIERS[first.lower_]
            return Figure(Decimal(value), unit, self._hedge(span), span.text, offset + span.start_char, offset + span.end_char, index)
        numbers = [t for t in span if number_value(t.text) is not None]
        if not numbers:
            return None
        value = number_value(numbers[0].text)
        if label == "DURATION" and (
            span.start > 0 and span.doc[span.start - 1].lower_ in {"first", "last", "next", "past", "for", "over", "by"}
        ):
            return None  # "for ten years", "over seven years", "extended by three months": how long something holds, no figure of its own
        if label == "MONEY" and span.start > 1 and span.doc[span.start - 1].text == "(" and span.doc[span.start - 2].lower_ in CURRENCIES:
            return None  # "a 72.8 billion rupee ($820 million) scheme": the same money in dollars
        if label == "DURATION" and value is not None and value >= 1000:
            return None
        if label == "DURATION" and _SINCE_A_RECORD.search(span.doc[span.sent.start : span.start].text):
            return None  # "the highest in two years": a comparison, not how long anything took
        before = {t.lower_ for t in span.doc[max(0, span.start - 3) : span.start]}
        if label == "MONEY" and before & {"cost", "costs", "costing", "cost of"}:
            return None  # what a project costs: no metric a sheet records
        if label == "PERCENT" and SHARE_PRICE_MOVE.search(span.sent.text):
            return None
        if (
            label == "COUNT"
            and span.start > 0
            and span.doc[span.start - 1].lower_ in ("the", "these", "both", "its", "their", "—", "–", ",", ":")
        ):
            return None  # "the two countries", "its two plants", "neodymium and praseodymium — two rare earths": the ones named, no count
        if (
            label == "COUNT"
            and span[-1].lower_ in _FACILITY_PLURALS
            and span.start > 0
            and span.doc[span.start - 1].lower_ in _RUN_OR_BUILT
        ):
            return None  # "plans to build two plants": the plants are what a sheet records, not their number
        unit = {"PERCENT": "percent", "COUNT": "count", "DURATION": "year", "MASS": "tonne"}.get(label, "USD")
        if label in ("MONEY", "MASS"):  # "$3 billion", "3.5 million tonnes"
            for token in span:
                if token.lower_ in SCALES:
                    value *= SCALES[token.lower_]
                if label == "MASS" and (token.lower_ in MASS_UNITS or token.text == "Mt"):
                    value *= MASS_UNITS.get(token.lower_, 10**6)  # "24 ktpa": 24,000 tonnes a year
                if label == "MONEY" and token.lower_ in CURRENCIES:
                    unit = CURRENCIES[token.lower_]
            whose = [CROWNS[t.lower_] for t in span if label == "MONEY" and t.lower_ in CROWNS]
            unit = whose[0] if whose else unit  # "1.5 billion Norwegian crowns": Norway's
        inline = first.text[0] if first.text[0] in "~>≈<" else None
        return Figure(value, unit, inline or self._hedge(span), span.text, offset + span.start_char, offset + span.end_char, index)

    @staticmethod
    def _hedge(span: Span) -> str | None:
        """The qualifier just before a number: a phrase ("up to", "more than") or a word ("about")."""
        before = [t.lower_ for t in span.doc[max(0, span.start - 3) : span.start]]
        for phrase in sorted(HEDGE_PHRASES, key=len, reverse=True):
            if tuple(before[-len(phrase) :]) == phrase:
                return " ".join(phrase)
        return before[-1] if before and before[-1] in HEDGE_WORDS else None


def _places_listed(doc: Doc, start: int, end: int) -> list[Span]:
    """The places listed after a first one ending at ``start``: ", Baotou and Ningbo" (names in
    title case, each after a comma or "and"), up to ``end``."""
    places: list[Span] = []
    at = start
    while at < end:
        joined = at
        while joined < end and doc[joined].lower_ in (",", "and"):
            joined += 1
        last = joined
        while last < end and doc[last].is_title and doc[last].lower_ not in DETERMINERS:
            last += 1
        if joined == at or last == joined:
            break
        places.append(doc[joined:last])
        at = last
    return places
