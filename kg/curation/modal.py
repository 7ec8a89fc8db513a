"""The modality a draft gives the facts of a sentence: the one its modal marker usually marks,
where the marker qualifies what the sentence states (not a name, an aside or a risk it
mentions); a position held is a past state when its holder is called "former"."""

from __future__ import annotations

import re
from typing import Any

from kg.curation.lexicon import CURRENCY_SIGN, EARLIER_TONNES, NEW_CLAUSE, TITLES
from kg.ingest.modality import Marker, load_markers, undated

__all__ = ["drafted_modality", "modal_marker", "parties_of"]

_RUN_ALREADY = re.compile(
    r"\b(?:has|have|had)\s+(?:never\s+|not\s+|only\s+|so\s+far\s+)?(?:run|operated|produced|worked)\b|\bwas\s+(?:built|completed|commissioned)\b"
)
_TITLE_OR_NAME = re.compile(r"\s+(?:[A-Z]|(?i:president|prime|minister|chief|ceo|head|chair|director|secretary|leader)\b)")
_TITLE_OR_NAME_CASED = re.compile(r"\s+[A-Z]")
_PASSIVE_BE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$", re.IGNORECASE)
_GUARDING = re.compile(
    r"\b(?:mitigate|prevent|avoid|reduce|counter|address|offset|guard against|hedge against|cushion)\s+(?:\w+\s+)?$", re.IGNORECASE
)


def _qualifies(marker: Marker, sentence: str, start: int, end: int) -> bool:
    """Whether the marker's words at ``start:end`` qualify what the sentence states, rather than
    a name, an aside or a risk it mentions: "former President X" and "(formerly Hitachi Metals)"
    name someone; ", once the world's leading source," is an aside; "once … but now" states the present; "an agreement aimed at
    securing" names the agreement's purpose (it was signed all the same); "to mitigate
    potential disruptions" is about the risk guarded against; "will keep mining" says what goes on now;
    "designed to make …, has never run at" is a built thing's design."""
    before, after, word = sentence[:start], sentence[end:], marker.marker.lower()
    if word == "former":
        return not _TITLE_OR_NAME.match(after)
    if word == "formerly":
        return not (before.rstrip().endswith("(") or _TITLE_OR_NAME_CASED.match(after))
    if word in ("once", "formerly", "used to") and re.search(r"\bnow\b", after):
        return False  # "once bought from X but now sources from Y": the sentence states the present
    if word == "once" and re.match(r"\s+(?:it|they|the\s+\w+)\s+(?:starts?|begins?|opens?|reaches|is|are|gets?)\b", after):
        return False  # "once it starts in 2028": a time to come, no past state
    if word == "once":
        return not (before.rstrip().endswith(",") and "," in after)
    if word == "aimed at":
        return bool(_PASSIVE_BE.search(before)) or not re.search(r"[A-Za-z]\s+$", before)
    if word in ("potential", "possible"):
        return not _GUARDING.search(before)
    if word in ("will", "would") and re.match(r"\s+(?:keep|continue|remain|still)\b(?!\s+(?:the\s+remaining\s+|a\s+)?\d)", after):
        return False  # "will keep mining nickel at Weda Bay": what goes on now (not "will keep the remaining 49%": a share to come)
    if word == "designed to" and _RUN_ALREADY.search(sentence):
        return False  # "Kwinana's first train, designed to make 24,000 tonnes a year, has never run at …": a built thing's design
    return True


def modal_marker(sentence: str, *, before: int | None = None, after: int | None = None) -> Marker | None:
    """The marker that qualifies what ``sentence`` states: the longest that occurs in a use
    that qualifies it (see :func:`_qualifies`), or None. With ``before`` (the offset in the
    sentence of what a fact is read from: its figure, or the end of its verb), the last such
    marker that starts by there, or None ("agreed to invest $50 million in X, which is
    developing …": the money is a commitment, the developing is under way); with ``after``, only
    one from there on (a possessive: "would expand its Kalgoorlie facility" owns it all the same,
    "MP's planned factory" is planned)."""
    sentence = undated(sentence)
    found = [
        (match.start(), marker)
        for marker in load_markers()
        for match in marker.pattern.finditer(sentence)
        if _qualifies(marker, sentence, *match.span())
    ]
    if after is not None:
        found = [pair for pair in found if pair[0] >= after]
    if before is not None:
        found = sorted((pair for pair in found if pair[0] <= before), key=lambda pair: -pair[0])
    return found[0][1] if found else None


def parties_of(fact: dict[str, Any]) -> str | None:
    """What a fact (a sheet's, as plain data) names the parties of: an agreement's (``party``
    triples, or the agreement's value) or talks' (``actor``), or None."""
    predicates = {str(t[1]) for t in fact.get("triples") or []}
    if "party" in predicates or (fact.get("figure") or {}).get("metric") == "agreement-value":
        return "agreement"
    return "talks" if "actor" in predicates else None


def drafted_modality(
    sentence: str, *, at: int | None = None, since: int | None = None, about_position: bool = False, parties_of: str | None = None
) -> str | None:
    """The modality a draft gives a fact of ``sentence``: the one its marker usually marks, or
    ``todo-past-state`` for a past state (the curator gives ``when: {until: …}``); None when the
    sentence has no marker that qualifies it (stated). A position held is a past state when the
    sentence calls its holder "former" (and only then). ``at``: where in the sentence the fact
    is read from (:func:`modal_marker`'s ``before``), ``since`` where a possessive it is read
    from begins (its ``after``). The parties of an agreement, or of
    talks (``parties_of``), are stated over a commitment, or over talks ("agreed to invest": the agreement is made,
    what it commits to is not; "in talks with": the talks happen, what they are about is talks). What
    money is for ("an $80 million loan to supply Vulcan") is planned."""
    if about_position:
        return "todo-past-state" if _FORMER_TITLE.search(sentence) else None
    if at is not None and _WITH_HELP_FROM.search(sentence[:at]):
        return None  # "will expand output … with help from a $14.4 million grant": the grant is given, the expansion to come
    purpose = _PURPOSE_OF_MONEY.search(sentence[:at]) if at is not None else None
    spending = modal_marker(sentence, before=purpose.start(), after=since) if purpose else None
    if purpose and not (spending and spending.marker.lower().startswith("expect")):
        return "planned"  # "an $80 million loan to supply Vulcan": what the money is for; "expects to spend $X to develop": expected
    clause = [m.end() for m in (*NEW_CLAUSE.finditer(sentence[:at]), *_STATING_ASIDE.finditer(sentence[:at]))] if at is not None else []
    since = max(since or 0, clause[-1]) if clause else since  # "will supply … to X, and it buys scrap from Ford": its own clause
    marker = modal_marker(sentence, before=at, after=since)
    if marker is None and _EXPECTS_IT_TO.search(sentence[:at]) and not _FROM_BEFORE.search(sentence[:at]):
        return "expected"  # "Savannah expects the mine to produce": no marker's words, the same expectation (not "… from 430,000 tonnes")
    if marker is None and _TO_STUDY.search(sentence[:at]):
        return "possibility"  # "signed an agreement … to study building a refinery": a plant under study
    approved = _APPROVED_PLANT.search(sentence)
    if marker is None and approved and since is not None and approved.start() <= since < approved.end():
        return "planned"  # "has approved a $4.4 billion second concentrator": to be built (its cost is stated)
    begun = modal_marker(sentence, before=at) if since is not None else None
    if marker is None and begun is not None and begun.suggests == "under-construction":
        marker = begun  # "has started construction of its plant": whose it is, and that it is being built
    if marker is None:
        return None
    if (marker.suggests, parties_of) in (("commitment", "agreement"), ("talks", "talks")):
        return None
    if marker.suggests in ("expected", "planned") and _UNDER_AGREEMENT.search(sentence):
        return None if parties_of == "agreement" else "commitment"  # "will ship … under an offtake agreement": it binds them
    if marker.marker in ("will", "would") and (_BILL_THAT.search(sentence) or _PROPOSED_TERMS.search(sentence)):
        return "proposal"  # "approved a bill that would ban exports", "would take 20% … under the proposed terms": not yet agreed
    if marker.marker in ("will", "would") and _AIM_THEN_WOULD.search(sentence):
        return "aim"  # "aims to build a plant … that would make 15,000 tonnes": the plant and its design are the aim
    if marker.marker in ("will", "would") and _TO_BUILD_THAT.search(sentence):
        return "planned"  # "to help build a plant … that will recycle 3,000 tonnes": the planned plant and its design
    if marker.marker == "would" and (_PLAN_THEN_WOULD.search(sentence) or _DESIGNED_WOULD.search(sentence)):
        return "planned"  # "plans to build a plant that would produce", "The plant would produce": the planned plant's design
    if marker.marker == "would" and _REPORTED.search(sentence):  # "said it would build": what was announced, not a possibility
        return "planned" if _WOULD_BUILD.search(sentence) else "expected"
    if marker.marker == "would" and _WOULD_SUPPLY.search(sentence):
        return "expected"  # "The plant would supply nickel sulphate to ACC": what it is to do, unless "if"
    return marker.suggests if " " not in marker.suggests else "todo-past-state"


_STATING_ASIDE = re.compile(
    r",\s+(?:which|who|that)\s+(?:also\s+|now\s+|already\s+)?(?:runs|operates|owns|holds|controls|produces|mines|is|has)\b"
    r"|,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:unit|subsidiary|affiliate|division|arm)\s+of\b"
)  # "agreed to sell Taboca, which runs the Pitinga mine, to CNT, a unit of CNMC": what the asides state is so
_EXPECTS_IT_TO = re.compile(
    r"\bexpects?\s+(?:(?:the|its|their)\s+(?:[\w-]+\s+){0,4}?|(?:[a-z]+\s+)?(?:output|production|sales|shipments)\s+(?:[\w-]+\s+){0,3}?)"
    r"to\s+(?:produce|make|reach|start|process|ship|rise|grow|increase|climb|fall|double)\b"
)  # "expects the mine to produce", "expects (copper) output to rise to 70,000 tonnes"
_FROM_BEFORE = re.compile(rf"\bto\s+(?:about\s+)?{EARLIER_TONNES}$")
"""What an expected figure is compared with: the earlier, stated one ("to fall to 390,000 tonnes in 2025 from 430,000 tonnes")."""
_APPROVED_PLANT = re.compile(
    rf"\bapprov(?:ed|es)\s+(?:a|an)\s+{CURRENCY_SIGN}\s*[\d.,]+\s+(?:million|billion)\s+(?:[a-z-]+\s+){{0,3}}?"
    r"(?:plant|refinery|smelter|concentrator|mill|factory)\b"
)
"""A facility a company approves with its cost ("approved a $4.4 billion second concentrator"): to be built."""
_TO_STUDY = re.compile(r"\bto\s+study\s+(?:building|developing|setting\s+up|opening|constructing)\b")
_PURPOSE_OF_MONEY = re.compile(
    r"\b(?:loans?|grants?|funding|financing|million|billion)\s+(?:to\s+(?:[A-Z][\w.&'’-]*\s+)+)?to\s+(?:help\s+)?[a-z]+$"
)  # "an $80 million loan to supply", "a $45 million grant to Magrec Technologies to help build"
_WITH_HELP_FROM = re.compile(r"\bwith\s+(?:the\s+)?(?:help|support|backing)\s+(?:of|from)\s+(?:a|an)\s+(?:[\w.-]+\s+)?$")
"""Before money that helps what the sentence is about ("with help from a $14.4 million grant"): money given."""
_UNDER_AGREEMENT = re.compile(r"\bunder\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:agreement|contract|deal)\b")
_DESIGNED_WOULD = re.compile(
    r"(?:The|Its)\s+(?:new\s+|planned\s+)?(?:plant|refinery|factory|facility|smelter|complex|concentrator)\s+would\s+(?:produce|make|process|treat|turn)\b"
    r"|\b(?:plant|refinery|factory|facility|smelter),\s+(?:which|that)\s+would\s+(?:have|produce|make|process|treat)\b"
    r"|\bwould\s+(?:own|hold|have)\s+(?:about\s+)?[\d.]+%\s+of\s+the\s+(?:new\s+|planned\s+)?(?:plant|refinery|factory|facility|smelter)\b"
)  # "for the plant, which would have a capacity of …", "Maaden would own 51% of the refinery" too
_AIM_THEN_WOULD = re.compile(r"\b(?:aims|aim|aiming|seeks|seeking)\s+to\b.*\b(?:that|which)\s+(?:will|would)\b")
_WOULD_SUPPLY = re.compile(r"\bwould\s+(?:also\s+)?(?:supply|sell|ship|deliver)\b(?![^.;]*\bif\b)")
_PLAN_THEN_WOULD = re.compile(r"\b(?:plans|plan|planned|planning)\s+to\b.*\b(?:that|which)\s+would\b")
_PROPOSED_TERMS = re.compile(r"\bunder\s+the\s+proposed\s+(?:terms|deal|agreement|transaction|plan)\b")
_BILL_THAT = re.compile(r"\b(?:bill|draft\s+law|proposed\s+law|legislation|amendment)\s+(?:that|which)\s+would\b")
_TO_BUILD_THAT = re.compile(r"\bto\s+(?:help\s+)?(?:build|construct|develop|set\s+up)\b.*\b(?:that|which)\s+(?:will|would)\b")
_REPORTED = re.compile(r"\b(?:said|says|announced|told|added|stated|confirmed)\b")
_WOULD_BUILD = re.compile(
    r"\bwould\s+(?:also\s+)?(?:build|develop|open|construct|expand|establish|set\s+up|double|triple|increase|raise|lift|boost)\b"
)  # "said it would triple production capacity": the company's plan


_FORMER_TITLE = re.compile(rf"\b[Ff]ormer\s+(?:[A-Z][\w.]*\s+){{0,2}}?(?:{TITLES})\b")
