"""New candidate entities that no pattern of names finds: the subject or object of a relation's
verb, a new company met again by a shorter form or the alias the text gave it, and whether a new name may cover known ones."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import periodictable
from spacy.tokens import Span, Token

from kg.curation.lexicon import (
    AUXILIARIES,
    BODY_WORDS,
    CALENDAR,
    COMBINING_FORMS,
    COMMON_SUBJECTS,
    COMPANY_NOUNS,
    CURRENCIES,
    DEMONYMS,
    DETERMINERS,
    FACILITY_NOUNS,
    FACILITY_WORDS,
    LEGAL_FORMS,
    MINERAL_NAMES,
    NATURAL_FEATURES,
    NOT_MINERALS,
    NUMBERED_PARTS,
    ORG_SUFFIXES,
    PLACE_TIES,
    PRONOUNS,
    PURCHASE_NOUNS,
    PURCHASE_VERBS,
    REGIONAL_DEMONYMS,
    ROLE_WORDS,
    WORLD_REGIONS,
)
from kg.curation.proposals import Extraction, Mention
from kg.vocab import UNITS

__all__ = [
    "aliases",
    "as_named_before",
    "extended_names",
    "free_for_new",
    "KNOWN_AS",
    "known_as",
    "MINERAL_WORDS",
    "listed_backers",
    "listed_names",
    "named_subjects",
    "recurring",
    "recurring_names",
    "short_forms",
]

MINERAL_WORDS = ({element.name for element in periodictable.elements if element.number > 0} | MINERAL_NAMES) - NOT_MINERALS
"""The minerals of the trade by name: the elements ("nickel", "antimony") and the named minerals ("graphite")."""

_CONTROL_VERBS = {"plans", "plan", "aims", "wants", "expects", "intends", "hopes", "seeks", "agreed", "agrees", "to"}
_COMPASS = {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central"}
"""Words opening a demonym of two ("South Korean", "North American"), an origin, no name."""
_CONJUNCTIONS = {"and", "but", "or", "so", "yet", "then", "also", "while", "when"}  # "And Three, it began": no name
_PREPOSITIONS = {"with", "in", "on", "at", "for", "from", "by", "after", "before", "under", "as", "of", "to", "during", "despite", "amid"}
_OBJECT_PREPOSITIONS = {  # "raised … led by X", "will build a complex at X with Al Mada"
    "supplies": ("to", "from"),
    "agreement": ("with",),
    "invested": ("in", "by"),
    "operates": ("with",),
}


_CALLED_A_COMPANY = re.compile(r",\s+the\s+(?:[\w.-]+\s+){0,2}(?:company|miner|firm|group|producer|maker|refiner)\s+(?:said|says|added)\b")
_CALLED_A_FACILITY = re.compile(rf"^,\s+(?:the|a|an)\s+[^,.;]{{0,60}}?\b(?:{'|'.join(sorted(FACILITY_NOUNS))})\b")
"""An appositive that calls the name before it a facility: "Greenbushes, the world's largest … mine"."""


def named_subjects(
    sent: Span, offset: int, index: int, triggers: list[tuple[str, Span]], mentions: list[Mention], acting: set[str]
) -> list[Mention]:
    """A name no pattern knows, standing as the subject of a relation's verb ("Solvay
    operates", "Hyundai Mobis signed"): the capitalised words just before the verb (or its
    auxiliary), proposed as a new company; and one standing as its object, just after the
    preposition that introduces it ("supply oxides to Vulcan Elements"), and the company whose it
    is when the text names it again (``acting``, names met not only as whose: "Glencore's PolyMet
    Mining"; not "Abu Dhabi's Mubadala")."""
    taken = {i for m in mentions for i in range(m.start - offset, m.end - offset)}
    found: list[Mention] = []
    for _, trigger in triggers:
        end = trigger.start
        while end > sent.start and sent.doc[end - 1].lower_ in AUXILIARIES | _CONTROL_VERBS | {"each", "both", "jointly"}:
            # "Solvay plans to supply", "A and U.S.-based Albemarle each own"
            end -= 1
        if end - 2 > sent.start and sent.doc[end - 1].lower_ in ("which", "who") and sent.doc[end - 2].text == ",":
            end -= 2  # "General Motors, which signed": the name the clause is about
        start = end
        while start > sent.start and _capitalised(sent.doc[start - 1]) and sent.doc[start - 1].lower_ not in DETERMINERS | PRONOUNS:
            start -= 1
        name = sent.doc[start:end]
        if start > sent.start and sent.doc[start - 1].text == "&":
            continue  # "Mitsui & Co holds": the end of a name, not one of its own
        joint = any(t.lower_ in ("each", "both", "jointly") for t in sent.doc[end : trigger.start])
        if joint and start - 1 > sent.start and sent.doc[start - 1].lower_ == "and":  # "BHP and Glencore each own": BHP too
            first = start - 1
            while first > sent.start and _capitalised(sent.doc[first - 1]) and sent.doc[first - 1].lower_ not in DETERMINERS | PRONOUNS:
                first -= 1
            partner = sent.doc[first : start - 1]
            found += _claimed(partner, offset, index, taken) if len(partner) and partner[0].lower_ not in DEMONYMS else []
        if not len(name) or any(i in taken for i in range(name.start_char, name.end_char)):
            continue
        if len(name) == 1 and start == sent.start and name[0].lower_ in COMMON_SUBJECTS:  # "Officials signed": a common noun, not a name
            continue
        if all(t.lower_ in CALENDAR | REGIONAL_DEMONYMS | set(DEMONYMS) for t in name):
            continue  # "signed a deal on Tuesday to invest", "Argentine state miner": a day, an origin, no name
        if all(t.lower_ in ORG_SUFFIXES for t in name) or (start > sent.start and sent.doc[start - 1].text == ")"):
            continue  # "IREL (India) Limited": the end of a name already read, not one of its own
        found.append(Mention(name.text, offset + name.start_char, offset + name.end_char, None, "company", index))
        taken.update(range(name.start_char, name.end_char))
    first = _after_label(sent)
    first = _past_descriptor(sent, first) if first < sent.end else first  # "State miner MIND ID plans": the name
    opening = sent.doc[first : first + 5]  # "Tianqi Lithium Energy Australia, a joint venture": four words and what follows
    end = next((t.i for t in opening if not _capitalised(t)), first)
    name = sent.doc[first:end]
    following = sent.doc[end] if end < sent.end else None
    placed = {  # "Rare Earths Norway plans": a company's name may hold a material's and end in a place's, capitalised
        i
        for m in mentions
        if (m.kind in ("country", "region", "city") and m.end - offset == name.end_char)
        or (m.kind == "material" and m.text[:1].isupper() and name.start_char <= m.start - offset and m.end - offset <= name.end_char)
        for i in range(m.start - offset, m.end - offset)
    }
    placed |= {  # "Tianqi Lithium Energy Australia, a joint venture": a new name read short of the place its name ends in
        i
        for m in mentions
        if placed and m.iri is None and m.kind == "company" and m.start - offset == name.start_char and m.end - offset < name.end_char
        for i in range(m.start - offset, m.end - offset)
    }
    if (
        (  # "Noveon Magnetics, based in Texas, recycles": two capitalised words opening a sentence, then a verb or a comma
            len(name) >= 2
            and following is not None
            and (following.text == "," or following.is_lower)
            and not {t.lower_ for t in name} & (DETERMINERS | PRONOUNS | ROLE_WORDS | _CONJUNCTIONS | _PREPOSITIONS)
            and name[0].lower_ not in DEMONYMS  # "Chinese Officials"; not "Anglo American", a demonym closing a name
            and not (name[-1].lower_ in DEMONYMS and name[0].text in _COMPASS)  # "South Korean cable maker X": an origin
            and not any(i in taken - placed for i in range(name.start_char, name.end_char))
            and (len(name) > 2 or any(i not in placed for i in range(name.start_char, name.end_char)))
        )
        or (  # "STCPI, owned by New Caledonia's provinces, holds 34%": a name in capitals opening a sentence, then a comma
            len(name) == 1
            and name[0].is_upper
            and len(name[0]) >= 3
            and following is not None
            and following.text == ","
            and sent.doc[end + 1 : end + 2].text.islower()  # not a dateline's "JOHANNESBURG, 3 June 2026"
            and not any(i in taken for i in range(name.start_char, name.end_char))
        )
        or (  # "Albemarle will idle …, the U.S. company said": one word, which the sentence calls a company
            len(name) == 1
            and following is not None
            and following.is_lower
            and _CALLED_A_COMPANY.search(sent.text)
            and name[0].lower_ not in DETERMINERS | PRONOUNS | ROLE_WORDS | COMMON_SUBJECTS | set(DEMONYMS) | _PREPOSITIONS
            and not any(i in taken for i in range(name.start_char, name.end_char))
        )
    ):
        called = _CALLED_A_FACILITY.match(sent.doc.text[name.end_char : sent.end_char])  # "Weda Bay, the Indonesian nickel mine …"
        kind = "facility" if called else "region" if name[-1].text == "County" else "company"  # "Imperial County expects"
        if name[-1].text not in NATURAL_FEATURES:
            found.append(Mention(name.text, offset + name.start_char, offset + name.end_char, None, kind, index))
        taken.update(range(name.start_char, name.end_char))
    for kind, trigger in triggers:  # "supply oxides to Vulcan Elements", "ships graphite from its plant in X to Tesla"
        if trigger[0].lower_ == "state":
            continue  # "state miner Gecamines will ship … in Lubumbashi": the state's is the name right after
        if kind == "agreement" and trigger[0].lower_ in PURCHASE_VERBS and len(trigger) == 2 and _capitalised(trigger[1]):
            end = trigger.end  # "bought Norilsk Nickel's 50% stake": the company bought, or whose stake
            while end < sent.end and _capitalised(sent.doc[end]):
                end += 1
            purchased = sent.doc[trigger.start + 1 : end]
            found += _claimed(purchased, offset, index, taken) if purchased[0].lower_ not in set(DEMONYMS) | CALENDAR else []
            continue
        if kind == "invested" and len(trigger) > 3 and trigger[-3].text == "%" and trigger[-2].lower_ == "of" and _capitalised(trigger[-1]):
            end = trigger.end  # "together own about 40% of Korea Zinc": the company held, named after "of"
            while end < sent.end and _capitalised(sent.doc[end]):
                end += 1
            held = sent.doc[trigger.end - 1 : end]
            site = end < sent.end and sent.doc[end].lower_ in FACILITY_NOUNS  # "49% of the Donald project": a site's name
            found += [] if site or held[0].lower_ in set(DEMONYMS) | CALENDAR else _claimed(held, offset, index, taken)
        after = sent.doc[trigger.end : min(trigger.end + 20, sent.end)]  # "to supply X from its Y project in Z to W": W too
        prepositions = [t for t in after if t.lower_ in _OBJECT_PREPOSITIONS.get(kind, ())]
        joint = trigger[0].lower_ == "joint" and trigger[-1].lower_ in ("of", "between")  # "a joint venture of Maaden and …"
        bought = trigger[-1].lower_ == "of" and trigger[0].lower_ in PURCHASE_NOUNS | {"merger"}  # "the merger of Allkem and Livent"
        listed = trigger[-1].lower_ in ("include", "includes", "included")  # "Its largest customers include A and B"
        listed = listed or trigger[-2:].text.lower() == "part of"  # "was part of Lithium Americas"
        listed = listed or (
            len(trigger) > 1 and trigger[-1].lower_ == "of" and trigger[-2].lower_ in ("unit", "subsidiary")
        )  # "a unit of X"
        spun = trigger[0].lower_ == "spun"  # "spun off from Anglo American": the parent named after it
        by = (
            [trigger[-1]]
            if trigger[-1].lower_ in ("by", "for", "to", "over", "at", "alongside") or joint or bought or listed or spun
            else []
        )
        verb = [trigger[-1]] if trigger[-1].lower_ in ("supply", "sell") else []  # "supply Vulcan Elements with", "supply oxides to X"
        for preposition in by or verb + prepositions:
            begin = _past_descriptor(sent, preposition.i + 1)  # "with Chinese refiner Gansu Rare Earth": the name
            found += _possessor(sent, preposition.i + 1, begin, offset, index, taken, acting)
            end = begin
            while end < sent.end and _capitalised(sent.doc[end]) and sent.doc[end].lower_ not in DETERMINERS:
                end += 1
            family = _family_at(sent, begin, end) if preposition.lower_ == "by" else 0  # "controlled by the Moreira Salles family"
            if family:
                begin, end = family, _family_after(sent, family)
            name = sent.doc[begin:end]
            if len(name) and all(t.lower_ in CALENDAR | REGIONAL_DEMONYMS | set(DEMONYMS) for t in name):
                break  # "jumped 30% in June from May", "to European magnet makers": no name
            where = "facility" if preposition.lower_ == "at" else "org" if family else "company"  # "mining … at Weda Bay": where
            placed = {  # "alongside … Investissement Quebec", "to AMG Lithium's refinery": a place's or a material's name ends it
                i
                for m in mentions
                if m.kind in ("country", "region", "city") or (m.kind == "material" and m.text[:1].isupper())
                for i in range(m.start - offset, m.end - offset)
            }
            ends_in_a_place = len(name) > 1 and name[0].idx not in placed
            if len(name) and (family or not set(range(name.start_char, name.end_char)) & (taken - placed if ends_in_a_place else taken)):
                found.append(Mention(name.text, offset + name.start_char, offset + name.end_char, None, where, index))
                taken.update(range(name.start_char, name.end_char))
            owned = end + 1 if family and sent.doc[end : end + 1].text in ("'s", "’s") else end
            while owned < sent.end and owned > end and _capitalised(sent.doc[owned]):
                owned += 1  # "by the Alcantara family's Alsons Group": the family's company
            held = sent.doc[end + 1 : owned]
            found += _claimed(held, offset, index, taken) if len(held) else []
            while (  # "owned by Hydro, Elkem and investment firm Altor": each name the list holds
                len(name)
                and end + 2 < sent.end
                and sent.doc[end].text == ","
                and _capitalised(sent.doc[end + 1])
                and sent.doc[end + 1].lower_ not in DETERMINERS
            ):
                item = end + 1
                end = item
                while end < sent.end and _capitalised(sent.doc[end]) and sent.doc[end].lower_ not in DETERMINERS:
                    end += 1
                listed = sent.doc[item:end]
                if not set(range(listed.start_char, listed.end_char)) & taken:
                    found.append(Mention(listed.text, offset + listed.start_char, offset + listed.end_char, None, where, index))
                    taken.update(range(listed.start_char, listed.end_char))
            joined = end + 1 < sent.end and sent.doc[end].lower_ == "and"  # "and the energy group Medco Energi": past what describes it
            first_word = _past_descriptor(sent, end + 1) if joined else end + 1
            found += _possessor(sent, end + 1, first_word, offset, index, taken, acting) if joined else []
            other = first_word  # "agreements with General Motors and Siemens Gamesa": the second name too
            while other < sent.end and joined and _capitalised(sent.doc[other]):
                other += 1
            second = sent.doc[first_word:other]
            chars = set(range(second.start_char, second.end_char))
            ends_in_a_place = len(second) > 1 and second[0].idx not in placed  # "by Rio Tinto and Investissement Quebec"
            if len(name) and len(second) and not chars & (taken - placed if ends_in_a_place else taken):
                found.append(Mention(second.text, offset + second.start_char, offset + second.end_char, None, where, index))
                taken.update(chars)
            if len(name) and not (preposition.lower_ == "from" and any(i in taken for i in range(name.start_char, name.end_char))):
                break  # the object is named (read now, or already); "from Kellyton to SK On": the source read, the buyer next
    return found


def _family_at(sent: Span, begin: int, end: int) -> int:
    """Where the name of a family starts in what follows "by" (``begin``, its capitalised words
    ending at ``end``): "the Moreira Salles family", "Peru's Brescia family" (its name read as a
    family's, whatever else it was read as: "Brescia" a town); 0 if no family is named there."""
    doc = sent.doc
    starts = [begin + 1] if begin == end and doc[begin].lower_ == "the" else [begin]
    starts += [end + 1] if doc[end : end + 1].text in ("'s", "’s") else []
    return next((at for at in starts if _family_after(sent, at)), 0)


def _family_after(sent: Span, at: int) -> int:
    """Where a family's name that starts at ``at`` ends, its word "family" included ("Moreira
    Salles family"), or 0 if none starts there."""
    end = at
    while end < sent.end and _capitalised(sent.doc[end]):
        end += 1
    return end + 1 if end > at and end < sent.end and sent.doc[end].lower_ == "family" else 0


def _after_label(sent: Span) -> int:
    """Where a sentence's own words start, past a bullet and a label ("• Brazil: Serra Verde began")."""
    at = sent.start
    while at < sent.end and sent.doc[at].text in ("•", "-", "*", "–", "—"):
        at += 1
    colon = next((t.i for t in sent.doc[at : min(at + 4, sent.end)] if t.text == ":"), None)
    if colon is not None and all(_capitalised(t) or t.lower_ == "the" for t in sent.doc[at:colon]):
        at = colon + 1
    return at


def _possessor(sent: Span, at: int, name: int, offset: int, index: int, taken: set[int], acting: set[str]) -> list[Mention]:
    """The company whose the name at token ``name`` is, when a possessive name stands between ``at``
    and it ("and Glencore's PolyMet Mining": Glencore), one of ``acting`` (named again not as whose),
    unless a known name covers it (a country's: "China's Jinchuan Group"); ``taken`` (character
    offsets in the sentence's text) grows by it."""
    owner = sent.doc[at : name - 1]
    if not (len(owner) and name - 1 > at and sent.doc[name - 1].text in ("'s", "’s") and all(_capitalised(t) for t in owner)):
        return []
    if owner.text not in acting:
        return []  # "owned by Abu Dhabi's Mubadala": a name met only as whose may be a place's
    return _claimed(owner, offset, index, taken) if owner[0].lower_ not in DETERMINERS | set(DEMONYMS) else []


def _claimed(name: Span, offset: int, index: int, taken: set[int]) -> list[Mention]:
    """A new company named by ``name``, unless a name already read covers any of it; ``taken``
    (character offsets in the sentence's text) grows by it."""
    chars = set(range(name.start_char, name.end_char))
    if chars & taken:
        return []
    taken.update(chars)
    return [Mention(name.text, offset + name.start_char, offset + name.end_char, None, "company", index)]


def _past_descriptor(sent: Span, at: int) -> int:
    """Where a name starts after what describes it ("Chinese refiner Gansu Rare Earth", "trading
    house Iwatani", "Hong Kong-listed MMG", "the provincial government's Investissement Quebec",
    "China's Jinchuan Group"): past a word of origin and lowercase words ending in a company noun,
    or a possessive, or a place and the tie to it, if any."""
    if at < sent.end and re.fullmatch(rf"[A-Z][\w.]*-(?:{'|'.join(PLACE_TIES)})", sent.doc[at].text) and at + 1 < sent.end:
        return _past_descriptor(sent, at + 1)  # "U.S.-based General Atomics": one word, the place and its tie
    place = at
    while place < sent.end and _capitalised(sent.doc[place]):
        place += 1
    if place > at and sent.doc[place : place + 1].text in ("'s", "’s") and place + 1 < sent.end and _capitalised(sent.doc[place + 1]):
        return place + 1  # "include China's Jinchuan Group": whose, then the name
    tie = sent.doc[place : place + 3]
    if place > at and len(tie) == 3 and tie[0].text == "-" and tie[1].lower_ in PLACE_TIES and _capitalised(tie[2]):
        return tie[2].i
    if place > at and len(tie) == 3 and tie[0].text == "-" and tie[1].lower_ in PLACE_TIES:  # "Toronto-based fund manager X"
        return _past_descriptor(sent, tie[2].i)
    for end in range(at + 1, min(at + 5, sent.end)):  # "with Vietnam's state miner Vinacomin"
        words = sent.doc[at:end]
        described = (
            words[-1].lower_ in COMPANY_NOUNS | {"house", "group", "manager"}
            and all(t.is_lower for t in words[1:])
            and (words[0].is_lower or len(words) > 1)
        )
        owned = (  # "alongside the provincial government's Investissement Quebec": whose, then the name
            len(words) > 2 and words[0].lower_ == "the" and words[-1].text in ("'s", "’s") and all(t.is_lower for t in words[1:-1])
        )
        if described or owned:
            return end if end < sent.end and _capitalised(sent.doc[end]) else at
    return at


def free_for_new(span: Span, label: str, known: list[Span]) -> bool:
    """Whether a new candidate may be proposed over ``span``: no known name overlaps it, or,
    for an organisation's or a facility's name, the known names in it are only part of it ("USA"
    in "USA Rare Earth", "Kazakhstan" in "Zhana Kazakhstan deposit")."""
    if label == "NEW_APPOSED":  # "Global Tungsten & Powders, a U.S. unit": the name is before the comma
        span = span[: next(n for n, t in enumerate(span) if t.text == ",")]
    if label == "NEW_ROLED":  # "state copper company Codelco": the name after its role, whatever the role names
        span = span[max((n for n, t in enumerate(span) if not (t.is_title or t.is_upper or t.text == "-")), default=-1) + 1 :]
    if label == "NEW_REGION":  # "in Quebec's Abitibi region": the place before the possessive holds the region
        span = span[next((n + 1 for n, t in enumerate(span) if t.text in ("'s", "’s")), 0) :]
    inside = [e for e in known if e.start < span.end and span.start < e.end]
    if not inside:
        return True
    if label == "NEW_FACILITY_PAIR":  # "the A and B tungsten deposits": a material says what they are
        return all(e.label_ == "MATERIAL" for e in inside)
    covered = {i for e in inside for i in range(e.start, e.end)}
    more = [t for t in span if t.i not in covered]  # what the name adds to the known ones: not a suffix alone ("Lynas Rare Earths Ltd")
    within = all(span.start <= e.start and e.end <= span.end for e in inside)
    towns = [  # "the Gibraltar copper mine" (in Canada) too; not "the Philippine nickel mine"
        e for e in inside if e.label_ in ("REGION", "CITY") or (e.label_ == "COUNTRY" and e.text.lower() not in DEMONYMS)
    ]
    if (
        label == "NEW_FACILITY"
        and within
        and towns
        and all(e in towns or e.label_ == "MATERIAL" for e in inside)
        and span.start > span.sent.start
        and not any(e[-1].lower_.endswith(("ian", "ean", "ese", "ish")) for e in towns)  # not "the Western Australian operation"
    ):
        return span.doc[span.start - 1].lower_ in ("the", "its", "their")  # "the Toliara project", "its South West Arkansas project"
    if label == "NEW_ORG" and within and [t.text for t in span[-2:]] in (["Rare", "Earths"], ["Rare", "Earth"]):
        return all(e.label_ in ("COUNTRY", "REGION", "CITY", "MATERIAL") for e in inside)  # "Brazilian Rare Earths", "USA Rare Earth"
    places = all(e.label_ in ("COUNTRY", "REGION", "CITY") and e.text.lower() not in DEMONYMS for e in inside)  # not "Korean Metals Plant"
    if label == "NEW_ORG" and within and more and places and not {t.lower_ for t in more} & BODY_WORDS:
        return True  # "Tokyo Metals", "Texas Mineral Resources"; not "Western Australia Department"
    if label == "NEW_ORG" and len(inside) == 1 and inside[0].start == span.start and inside[0].text.lower() in DEMONYMS and len(more) >= 2:
        return True  # "Finnish Minerals Group": a demonym opens the name (not "Korean Metals")
    return (
        label in ("NEW_ORG", "NEW_FACILITY", "NEW_UNIT")  # "Zhana Kazakhstan deposit", "company, Uranex Tanzania." hold a country's name
        and within
        and any(t.lower_ not in ORG_SUFFIXES | FACILITY_NOUNS for t in more)
        and not (
            label == "NEW_FACILITY" and all(t.lower_ in FACILITY_NOUNS | FACILITY_WORDS for t in more)
        )  # "Kazakhstan deposit" names nothing new
    )


def _forms_of(mention: Mention) -> list[str]:
    """The shorter forms a company or facility may be met by again: its first word ("Iluka"
    after "Iluka Resources"), its name without the suffix or the nouns that say what it is
    ("Serra Verde" after "Serra Verde Group", "Pela Ema" after "Pela Ema mine"), and a company's
    initials ("SLN" after "Societe Le Nickel")."""
    words = mention.text.split()
    if len(words) < 2 or not words[0][:1].isupper():  # "Iluka", "MP", "HyProMag"
        return []
    if words[0] in _LEGAL_PREFIXES:  # "Vale Indonesia" after "PT Vale Indonesia"
        return [" ".join(words[1:])]
    forms = []
    trade = _RARE_EARTH_ENDING.search(mention.text)  # "JL Mag" after "JL Mag Rare-Earth": the name before what it trades in
    if trade and len(mention.text[: trade.start()].split()) > 1:
        forms.append(mention.text[: trade.start()])
    while (
        len(words) > 2
        and words[-1].lower() in ORG_SUFFIXES | _LEGAL_SUFFIXES | FACILITY_NOUNS | FACILITY_WORDS | _REACH_WORDS | MINERAL_WORDS
    ):
        words = words[:-1]  # "Halvorsen Metals" after "Halvorsen Metals Group", "Amman Mineral" after "… Internasional", "… LP",
        # "Tshipi e Ntle" after "Tshipi e Ntle Manganese Mining"
        forms.append(" ".join(words))
    if len(words) > 2 and words[-2].lower() in ORG_SUFFIXES:  # "Twin Metals" after "Twin Metals Minnesota"
        forms.append(" ".join(words[:-1]))
    named = list(itertools.takewhile(lambda w: w[:1].isupper(), words))
    if 1 < len(named) < len(words):  # "Murrin Murrin" after "Murrin Murrin nickel and cobalt operation"
        forms.append(" ".join(named))
    first = words[0]
    short = (len(first) >= 3 or first.isupper()) and first.lower() not in _NO_SHORT_FORMS | REGIONAL_DEMONYMS | MINERAL_WORDS
    initials = "".join(w[0] for w in words) if mention.kind == "company" and len(words) >= 3 and all(w[:1].isupper() for w in words) else ""
    joined = first.split("-")[0] if mention.kind == "company" and "-" in first else ""  # "Freeport" after "Freeport-McMoRan Inc."
    joined = joined if len(joined) >= 4 and joined.istitle() else ""
    return (
        forms + ([first] if short else []) + ([joined] if joined else []) + ([initials] if initials else [])
    )  # not "Nickel" after "Nickel Asia"; "SLN"


_LEGAL_PREFIXES = {"PT", "JSC", "PJSC", "OJSC", "PAO", "OAO"}
"""Legal forms that open a company's name ("PT Vale Indonesia", "PJSC Norilsk Nickel"), which its shorter form drops."""
_RARE_EARTH_ENDING = re.compile(r"\s+[Rr]are[\s-][Ee]arths?$")
"""What a company trades in, closing its name ("JL Mag Rare-Earth"), which its shorter form drops."""
_REACH_WORDS = {"international", "internasional", "internacional", "global", "worldwide"}
"""Words closing a company's name that its shorter form drops ("Amman Mineral Internasional")."""
_NO_SHORT_FORMS = {"the", "new", "big", "all", "its", "our", "one", "two", "top", "far", "key", "old"}


def short_forms(sent: Span, offset: int, index: int, result: Extraction, known: list[Span]) -> list[Mention]:
    """Earlier companies and new facilities met again by a shorter form (:func:`_forms_of`), or
    by the alias the text gave them ("Vacuumschmelze, known as VAC"), where no other name covers it."""
    forms: dict[str, Mention] = {}
    for m in result.mentions:
        if m.kind in ("company", "facility") and m.iri is None:
            forms.setdefault(m.text, m)  # a new name, alias or short form met before stays that entity's
    for m in result.mentions:
        if (m.iri is None or m.kind == "company") and m.kind in ("company", "facility"):
            for form in _forms_of(m):
                forms.setdefault(form, m)
    taken = {i for e in known for i in range(e.start, e.end)}
    named_words = {i for e in known if e.label_ not in ("MATERIAL", "COUNTRY", "REGION", "CITY") for i in range(e.start, e.end)}
    places = {  # "Savannah expects …" after "Savannah Resources": the company, where no preposition makes it a place
        i
        for e in known
        if e.label_ in ("REGION", "CITY")
        and not (e.start > sent.start and sent.doc[e.start - 1].lower_ in ("in", "at", "near", "from", "to"))
        for i in range(e.start, e.end)
    }
    found = []
    for form in sorted(forms, key=len, reverse=True):
        named = forms[form]
        words = form.split()
        full = named.name or named.text
        # "Rare Earths Norway", "North American Lithium" again, over their parts
        blocked = named_words if len(words) > 1 else taken - places
        for token in sent:
            span = sent.doc.char_span(token.idx, token.idx + len(form))  # "Tau-Ken Samruk": five tokens, two words
            if span is None or span.text != form or span.end > sent.end or blocked & set(range(token.i, span.end)):
                continue
            end = span.end
            following = sent.doc[end].text if end < len(sent.doc) else ""
            if len(full.split()) > len(words) and following == full.split()[len(words)]:
                continue  # the full name, read by the patterns of names
            other = FACILITY_WORDS - {w.lower() for w in full.split()} if named.kind == "facility" else FACILITY_NOUNS
            lower = following.lower()
            singular = lower[:-3] + "y" if lower.endswith("ies") else lower.removesuffix("s")
            before = sent.doc[token.i - 1].lower_ if token.i > sent.start else ""
            if lower in other or (singular in other and before in ("and", "the", ",")):  # "the A and B mines", not "X mines"
                continue  # "the Kabanga deposit" after "Kabanga Nickel", "the Zulu processing plant" after "the Zulu lithium project",
                # "the Nchanga and Konkola mines" after "Konkola Copper Mines"
            if following in LEGAL_FORMS:
                continue  # "Imouraren SA": a company's name, not the Imouraren deposit again
            if (
                following.istitle()
                and following.isalpha()
                and len(following) > 1
                and following.lower() not in ROLE_WORDS | CALENDAR | {"managing"}
            ):
                continue  # "the nearby Indonesia Weda Bay Industrial Park": a longer name holding it (not "Weda Bay Chief …")
            start = offset + token.idx
            name = None if named.iri else full  # a known company is itself; a new one is named by its first mention
            if len(words) < len(full.split()) and named.kind == "company" and full in sent.text[: token.idx - sent.start_char]:
                name = None  # "Vale Base Metals is 10% owned by …, and Vale holds the rest": another company, by its own name
            found.append(Mention(sent.doc[token.i : end].text, start, start + len(form), named.iri, named.kind, index, name=name))
            taken.update(range(token.i, end))
            named_words.update(range(token.i, end))
    return found


_ALIAS = re.compile(r"^(?:,[^.;]{0,60}?\b(?:known as|called)\s+|\s*\()(?P<alias>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2})")


def aliases(sent: Span, offset: int, index: int, mentions: list[Mention]) -> list[Mention]:
    """The alias a sentence gives a new company or facility just after its name: "Vacuumschmelze,
    the German magnet maker known as VAC", "Rare Earths Norway (REN)"."""
    found = []
    for m in mentions:
        if m.iri is not None or m.name or m.kind not in ("company", "facility"):
            continue
        alias = _ALIAS.match(sent.doc.text[m.end - offset :])
        if alias and alias.group("alias") != m.text:
            start = m.end + alias.start("alias")
            found.append(Mention(alias.group("alias"), start, start + len(alias.group("alias")), None, m.kind, index, name=m.text))
    return found


_LISTED_NAME = r"[A-Z][\w&-]*(?:\s+(?:[a-z]\s+)?[A-Z][\w&-]*)*(?![\w&'’-])"  # "Yamaha Motor", "BMW i Ventures"; not "BMW's fund"
_LIST_OF_BACKERS = re.compile(
    rf"\b(?i:investors|backers|shareholders|customers|clients|buyers|traders|companies|firms|carmakers|automakers|refiners)"
    rf"\s+(?:including|such\s+as|like|led\s+by)\s+"
    rf"(?P<names>{_LISTED_NAME}(?:(?:,\s+|,?\s+and\s+){_LISTED_NAME})*)"
)


def listed_backers(text: str) -> list[tuple[int, int]]:
    """Where the names a sentence lists after "investors including" (or "customers such as",
    "backers led by") stand in ``text``: "from investors including BMW i Ventures and Yamaha Motor"."""
    return [
        (listing.start("names") + name.start(), listing.start("names") + name.end())
        for listing in _LIST_OF_BACKERS.finditer(text)
        for name in re.finditer(_LISTED_NAME, listing.group("names"))
    ]


def listed_names(sent: Span, offset: int, index: int, mentions: list[Mention]) -> list[Mention]:
    """The names :func:`listed_backers` finds, and those listed with a company's name ("Ford,
    Tesla and LG Energy Solution", "with Stellantis, Umicore and LG Energy Solution"), each a new
    company where no name is read yet."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    companies = {m.text for m in mentions if m.kind in ("company", "agency")}
    places = [m for m in mentions if m.kind in ("country", "region", "city")]
    spans = (
        listed_backers(sent.text)
        + [_short_of_a_place(share.start("name"), share.end("name"), sent, offset, places) for share in _NAMED_SHARE.finditer(sent.text)]
        + [
            (listing.start() + item.start(), listing.start() + item.end())
            for listing in _NAME_LIST.finditer(sent.text)
            if {item.group() for item in re.finditer(_LISTED_NAME, listing.group())} & companies
            or (  # "supplies batteries to Tesla, BMW and …"; not "from South Korea, India, and Southeast Asian partners"
                re.search(r"\b(?:to|with|from|including)\s+$", sent.text[: listing.start()])
                and not any(
                    offset + sent.start_char + listing.start() <= m.start < offset + sent.start_char + listing.end() for m in places
                )
            )
            for item in re.finditer(_LISTED_NAME, listing.group())
        ]
    )
    found = []
    for start, end in spans:
        at, name = offset + sent.start_char + start, sent.text[start:end]
        first = name.split()[0].lower()  # not "The", "Monday", "Chinese"; "BMW i Ventures" is a name
        if not taken & set(range(at, at + len(name))) and first not in DETERMINERS | CALENDAR | set(DEMONYMS) | PRONOUNS:
            found.append(Mention(name, at, at + len(name), None, "company", index))
            taken.update(range(at, at + len(name)))
    return found


def _short_of_a_place(start: int, end: int, sent: Span, offset: int, places: list[Mention]) -> tuple[int, int]:
    """A name's span (in the sentence's text) short of the place it ends in ("Orano" of "Orano
    Canada", read as the company's unit there with the place after)."""
    at = offset + sent.start_char
    tail = [p for p in places if at + start < p.start and p.end == at + end]
    return (start, tail[0].start - at - 1) if tail else (start, end)


_NAMED_SHARE = re.compile(
    rf"%(?:\s+of\s+[^,;%]{{1,40}}?)?(?:,|,?\s+and)\s+(?P<name>{_LISTED_NAME})\s+(?:the\s+(?:remaining|other)\s+)?(?:about\s+)?\d[\d.]*%"
)  # "BHP owns 57.5% of Escondida, Rio Tinto 30% and …": a holder listed with its share, its verb gapped
_NAME_LIST = re.compile(
    r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*(?:,\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)+,?\s+and\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*"
)  # "A, B and C": three or more capitalised names


KNOWN_AS = re.compile(
    r"\b(?:a|an|its|their)\s+(?:[\w-]+\s+){0,4}?(?:factory|plant|mine|refinery|facility|project|hub|smelter|mill)\s*,?\s+"
    r"(?:known\s+as|called|dubbed|named)\s+(?P<name>[A-Z0-9][\w-]*(?:\s+[A-Z][\w-]*){0,2})"
)


def known_as(sent: Span, offset: int, index: int, mentions: list[Mention]) -> list[Mention]:
    """A facility a sentence describes and then names: "a second magnet factory, known as 10X"."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for named in KNOWN_AS.finditer(sent.text):
        start = offset + sent.start_char + named.start("name")
        if start not in taken:
            found.append(Mention(named.group("name"), start, start + len(named.group("name")), None, "facility", index))
    return found


def recurring_names(text: str, known_words: set[str], countries: set[str]) -> dict[str, str]:
    """Single capitalised words a text uses as names: written capitalised within a sentence (or
    with a possessive: "Carester's subsidiary", or opening a line before a verb: "REEcycle will") and met at least twice ("Pensana said … is owned by Pensana"), that are no word of a name the
    graph knows, nor a title, determiner, day or month, nor the demonym of a country
    (``countries``, lower case: "Angolan", "Brazilian"); each with the kind it is likely of: a
    town where the text places something near it or based in it ("near Houston"), or names its port, a facility
    where the text calls it one or says who runs it ("Greenbushes, the world's largest … mine"),
    else a company. Names of two or three capitalised words count too, met twice and once within
    a sentence ("restored Rio Tinto's permits … Rio Tinto plans"), but none holding a title or a
    demonym unless a combining form joins it ("Anglo American")."""
    word = r"[A-Z][a-z]+\d+|[A-Z][a-z]+(?:[A-Z][a-z]*)+|[A-Z][a-z]{3,}|[A-Z]{2,}[a-z]{2,}|[A-Z]{3,6}"  # "South32", "Pensana", "HyProMag", "REEtec", "LKAB"
    inside = set(re.findall(rf"(?<=[a-z,;] )(?:{word})\b(?! [A-Z])", text)) | set(re.findall(rf"\b({word})['’]s\b", text))
    inside |= set(
        re.findall(rf"(?:^|(?<=- ))({word})(?= (?!to\b|the\b|a\b|at\b|in\b|of\b|on\b|for\b|from\b|with\b)[a-z])", text, re.MULTILINE)
    )  # "REEcycle will sell" opening a line; not "Output at the Rubaya mine"
    counts = Counter(re.findall(rf"\b(?:{word})\b", text))
    common = (
        known_words
        | ROLE_WORDS
        | set(DEMONYMS)
        | REGIONAL_DEMONYMS
        | DETERMINERS
        | PRONOUNS
        | CALENDAR
        | FACILITY_NOUNS
        | ORG_SUFFIXES
        | WORLD_REGIONS
        | COMMON_SUBJECTS  # "Prices of ammonium paratungstate rose": no name
        | _NUMBERED_PARTS  # "Phase 2 will start": no name
    )
    common |= {unit.lower() for unit in UNITS}  # "USD", "AUD": money, no name
    names = {word for word in inside if counts[word] >= 2 and word.lower() not in common and not _demonym(word.lower(), countries)}
    capital = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
    later = rf"(?:{capital}|[A-Z]{{2,6}})"  # "Alpha HPA": a later word may be in capitals
    within = set(  # "lend Alpha HPA A$400 million": before money too
        re.findall(rf"(?<=[a-z,;] )({capital}(?: {later}){{1,2}})(?=['’]s\b|[,.;]| [a-z]| (?:[A-Z]{{0,2}}\$|€|£|\d))", text)
    )
    names |= {  # "restored Rio Tinto's permits … Rio Tinto plans": a name of several words, met twice
        name
        for name in within
        if len(re.findall(rf"\b{re.escape(name)}\b", text)) >= 2
        and not all(w.lower() in common - MINERAL_WORDS for w in name.split())  # "Rio Tinto", though "Rio" opens a known place's name;
        # "Emirates Global Aluminium", though every word is known: a material's word is in names
        and not any(
            (w.lower() in common - known_words or _demonym(w.lower(), countries))
            and not (n and name.split()[n - 1].lower() in COMBINING_FORMS)
            for n, w in enumerate(name.split())
        )  # not "the South African miner", but "Anglo American"
    }
    names -= {name for name in within if any(other.endswith(f" {name}") for other in names)}  # "Bay Cobalt" of "Iron Bay Cobalt"
    names = {name for name in names if name.split()[-1] not in NATURAL_FEATURES}  # "near the Salton Sea": a place of nature
    names |= {  # "Element 25 has signed … Element 25 mines": a word and a number, met twice, once before a verb
        name
        for name in re.findall(rf"(?:^|(?<=- )|(?<=[a-z,;] ))({capital} \d{{1,3}})(?= {_VERB_AFTER_NUMBER})", text, re.MULTILINE)
        if len(re.findall(rf"\b{re.escape(name)}\b", text)) >= 2 and name.split()[0].lower() not in (common - known_words) | _NUMBERED_PARTS
    }
    placed = {  # "a plant near Houston", "based in Houston"
        word
        for word in names
        if re.search(
            rf"\b(?:near|outside|(?:based|headquartered|plant|mine|factory|refinery|facility)\s+in)\s+{re.escape(word)}\b(?!['’]s)", text
        )
        or re.search(rf"\b{re.escape(word)}\s+(?:port|harbour|harbor)\b", text)  # "Angola's Lobito port"
    }
    sites = {  # "Greenbushes, the world's largest hard-rock lithium mine", "Greenbushes is run by Talison"
        word
        for word in names
        if any(_CALLED_A_FACILITY.match(text[m.end() :]) for m in re.finditer(rf"\b{re.escape(word)}\b", text))
        or re.search(rf"\b{re.escape(word)}\s+(?:is|was)\s+(?:run|operated)\s+by\b", text)
    }
    return {word: "city" if word in placed else "facility" if word in sites else "company" for word in names}


_NUMBERED_PARTS = NUMBERED_PARTS | {
    "article",
    "section",
    "chapter",
    "clause",
    "round",
    "tier",
    "grade",
    "figure",
    "table",
    "over",
    "about",
    "nearly",
    "some",
}
"""Words a number follows in what is no name: "Phase 2 will start", "Article 5 says", "Over 25 companies"."""
_VERB_AFTER_NUMBER = (
    r"(?!(?:tonnes|tons|pounds|ounces|metres|meters|miles|hectares|years|months|days|weeks|hours|percent|people|workers|companies|"
    r"countries|projects|units|plants|sites|members)\b)(?:[a-z]+(?:s|ed)|will|would|can)\b"
)  # "Element 25 mines manganese", "Element 25 signed"; not "25 tonnes", "25 countries"


def _demonym(word: str, countries: set[str]) -> bool:
    """Whether ``word`` is a country's demonym by its form: "angolan", "brazilian", "congolese"."""
    return word.endswith(("an", "ese", "ish", "i")) and any(word[:4] == name[:4] for name in countries)


def recurring(sent: Span, offset: int, index: int, names: dict[str, str], mentions: list[Mention], result: Extraction) -> list[Mention]:
    """The words of :func:`recurring_names` in a sentence, standing alone (no capitalised word
    beside them) and not yet read, as a new company, or a facility where the text mines or
    produces at it ("start mining at Kangankunde"), or a town where the text places something in
    or near it ("near Houston"); not a person's name met before ("George")."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    worded = {  # "a unit of Emirates Global Aluminium": a material's word, capitalised, may end a name met twice
        i for m in mentions if m.kind == "material" and m.text[:1].isupper() for i in range(m.start, m.end)
    }
    people = {w for m in result.mentions if m.kind == "person" for w in m.text.split()}
    found = []
    for name, kind in names.items():  # a name of several words, standing alone, not after a place's preposition
        for match in (
            re.finditer(rf"(?<![\w-])(?<![A-Z][a-z] ){_NOT_PLACED}{re.escape(name)}\b(?! [A-Z][a-z])", sent.text) if " " in name else ()
        ):
            start = offset + sent.start_char + match.start()
            if not (taken - worded) & set(range(start, start + len(name))):
                found.append(as_named_before(Mention(name, start, start + len(name), None, _mined_at(name, sent) or kind, index), result))
                taken.update(range(start, start + len(name)))
    for token in sent:
        before = token.nbor(-1) if token.i > sent.start else None
        end = token.i + 1
        while (
            end < sent.end
            and _capitalised(sent.doc[end])
            and sent.doc[end].lower_ not in ROLE_WORDS
            and offset + sent.doc[end].idx not in taken
        ):
            end += 1  # "lend Vulcan Elements $620 million … in Vulcan": the longer name, met first
        alone = not (before is not None and _capitalised(before))
        start = offset + token.idx
        if token.text in names and alone and end > token.i + 1 and start not in taken and names[token.text] == "company":
            name = sent.doc[token.i : end]
            found.append(Mention(name.text, start, offset + name.end_char, None, "company", index))
            taken.update(range(start, offset + name.end_char))
            continue
        alone = alone and not (token.i + 1 < sent.end and _capitalised(sent.doc[token.i + 1]))
        if token.text in names and alone and start not in taken and token.text not in people:
            new = Mention(token.text, start, start + len(token), None, _mined_at(token.text, sent) or names[token.text], index)
            found.append(as_named_before(new, result))
    return found


_NOT_PLACED = r"(?<!\bat )(?<!\bin )(?<!\bnear )"  # "at Weda Bay": a place, which the rules of places read


def _mined_at(name: str, sent: Span) -> str | None:
    """ "facility" where the text mines or produces at ``name`` ("start mining at Kangankunde")."""
    mined = re.search(rf"\b(?:mining|mine|production|drilling|operations)\s+at\s+{re.escape(name)}\b", sent.doc.text)
    return "facility" if mined else None


def as_named_before(mention: Mention, result: Extraction, also: Sequence[Mention] = ()) -> Mention:
    """A new name as the entity the text named by it before ("KMW", the alias of Korrin
    Magnetwerke), by the words it abbreviates ("ASM" after "Australian Strategic Materials"), or,
    a facility, by the same words ("the Vidalia plant" after "a plant in Vidalia"), or a new facility's
    name it opens ("Mrima Hill" after "the Mrima Hill niobium and rare earth deposit"), or a person's
    surname ("Potanin" after "Vladimir Potanin"); ``also``: names read
    before it in its own sentence ("the Renard diamond mine … at Renard's plant")."""
    if mention.iri is not None or mention.name is not None:
        return mention
    words = _facility_words(mention.text) if mention.kind == "facility" else None
    named = [*result.mentions, *also]
    earlier = (
        [m for m in named if m.text == mention.text]
        or [m for m in named if m.kind == "company" and mention.text.isupper() and mention.text in _initials(m.text)]
        or [m for m in named if words and m.kind == "facility" and _facility_words(m.text) == words]  # "the Vidalia plant"
        or [  # "the Becancour plant" after "its lithium hydroxide plant in Becancour": its place and noun
            m for m in named if words and len(words) in (2, 3) and m.kind == "facility" and m.iri is None and _placed_noun(m.text) == words
        ]
        or [m for m in named if m.kind == "facility" and m.iri is None and m.text.startswith(f"{mention.text} ")]  # "Mrima Hill"
        or [m for m in named if m.kind == "person" and " " not in mention.text and m.text.split()[-1] == mention.text]  # "Potanin"
    )
    return replace(earlier[0], start=mention.start, end=mention.end, sentence=mention.sentence) if earlier else mention


def _facility_words(name: str) -> frozenset[str]:
    """A facility's name as a set of words, a place's preposition left out: "plant in Vidalia"
    and "Vidalia plant" are one plant."""
    return frozenset(w.lower() for w in name.split() if w.lower() not in ("in", "at", "near", "the"))


def _placed_noun(name: str) -> frozenset[str] | None:
    """A described facility's noun and place ("lithium hydroxide plant in Becancour": plant,
    Becancour), as :func:`_facility_words` gives them, or None."""
    placed = re.search(r"(\w+)\s+(?:in|at|near)\s+(\w+(?:\s+\w+)?)$", name)
    return _facility_words(f"{placed[2]} {placed[1]}") if placed else None


def _initials(name: str) -> tuple[str, str]:
    """A name's initials, with and without its organisation's suffixes ("Australian Strategic
    Materials Ltd": "ASML", "AS")."""
    words = name.split()
    return "".join(w[0] for w in words), "".join(w[0] for w in words if w.lower() not in ORG_SUFFIXES) or "-"


def _capitalised(token: Token) -> bool:
    """Whether a word is written as part of a name: "Solvay", "POSCO", "HyProMag", "enCore", "AP4"."""
    return (
        token.is_title
        or (token.is_upper and token.is_alpha and len(token) > 1)
        or bool(re.fullmatch(r"[A-Z]{2,}\d{1,2}", token.text))
        or bool(re.fullmatch(r"[A-Z][a-z]+[A-Z]\w*|[a-z]{1,2}[A-Z][a-z]+", token.text))
    )


_LEGAL_SUFFIXES = {"ltd", "ltd.", "limited", "inc", "inc.", "corp", "corp.", "corporation", "company", "group", "holdings", "holding"} | {
    form.lower() for form in LEGAL_FORMS
}
"""What a company's name may close with and still be that company ("Lynas Rare Earths Ltd" is Lynas; "Mitsubishi Materials" is not Mitsubishi)."""


def extended_names(sent: Span, known: list[Span], *, heading: bool = False) -> dict[Span, Span]:
    """Known company names that a longer name holds ("Toyota Tsusho"): the capitalised words
    just after a known company's name, when they start no known name and are neither a legal
    form ("Lynas Rare Earths Ltd" is Lynas; "Mitsubishi Materials" is another) nor a title ("Lynas CEO"), make
    with it a new company's name (``{known span: the longer span}``); so do those around a
    material's name written capitalised outside a heading ("Lithium Americas", "Cobalt Blue",
    "Keystone Oxides"), unless a facility's noun follows it ("the North American Lithium concentrator")."""
    starts = {e.start for e in known}
    ends = {e.end for e in known}
    longer = {}
    named = [e for e in known if e.label_ == "COMPANY" or (e.label_ == "MATERIAL" and not heading and all(t.is_title for t in e))]
    for name in named:
        begin = name.start
        while (
            name.label_ == "MATERIAL"
            and begin - 1 > sent.start
            and sent.doc[begin - 1].is_title
            and begin not in ends
            and sent.doc[begin - 1].lower_ not in DETERMINERS | ROLE_WORDS
        ):
            begin -= 1  # "Keystone Oxides": not the first word of the sentence ("Lithium prices"), nor a known name's
        site = name.end < sent.end and sent.doc[name.end].lower_ in FACILITY_NOUNS  # "the North American Lithium concentrator"
        if begin < name.start and not site:
            longer[name] = sent.doc[begin : name.end]
        end = name.end
        while (
            end < sent.end
            and _capitalised(sent.doc[end])
            and end not in starts
            and sent.doc[end].lower_ not in _LEGAL_SUFFIXES | ROLE_WORDS | set(CURRENCIES)  # nor a currency ("Lynas EUR 18.7 million")
        ):
            end += 1
        if end > name.end:
            longer[name] = sent.doc[begin:end]
    return longer
