"""Relations between the entities of a sentence, from the trigger words of each kind of relation.

Each kind reads its roles from where the entities stand: before or after the trigger, before
or after "with" (agreements) or "from" (imports), or by a possessive ("Japan's supply").
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from spacy.tokens import Doc, Span, Token

from kg.curation.lexicon import (
    ACTOR_KINDS,
    APPOINTING_VERBS,
    COMPANY_NOUNS,
    COMPASS_WORDS,
    COUNTRY_REFERENCES,
    CURRENCIES,
    CUSTOMER_NOUNS,
    DEMONYMS,
    DETERMINERS,
    FACILITIES_IN_ONE_PLACE,
    FACILITY_NOUNS,
    FACILITY_WORDS,
    GIVEN_PASSIVE,
    HELD_TOGETHER,
    HOLDER_SELLS,
    IMPORT_WORDS,
    LICENCES,
    NAME_PARTICLES,
    NEARBY_WORDS,
    NEEDS_NOUNS,
    NEW_CLAUSE,
    NOT_MATERIALS,
    PARTY_KINDS,
    PAY_VERBS,
    PLACE_TIES,
    PURCHASE_NOUNS,
    PURCHASE_VERBS,
    RECEIVING_VERBS,
    RESTRICTING_VERBS,
    SALE_VERBS,
    SEVERAL_DEALS,
    TALKS_NOUNS,
    TITLES,
    WEALTH_WORDS,
)
from kg.curation.places import world_places
from kg.curation.proposals import Figure, Mention, Relation

__all__ = ["HEADS", "apposed", "held_by_possessor", "held_through", "positions_in", "relations_at", "supplies_with_shares"]

_TITLED_NAME = re.compile(
    rf"(?P<where>(?:[A-Z][\w.]*\s+){{0,2}}?)(?P<title>(?i:{TITLES})),?\s+(?:(?:[A-Z][\w.'’-]*|{'|'.join(sorted(NAME_PARTICLES))})\s*){{1,4}}$"
)  # "Chief executive Bernardo da Veiga"
_TITLE_AFTER = re.compile(
    r",\s+(?:the\s+)?(?P<title>chairman|chairwoman|president|ceo|chief\s+executive|director|founder|head|secretary)"
    r"(?:\s+and\s+\w+)?\s+(?:of|at)\s+",
    re.IGNORECASE,
)
_APPOINTED = re.compile(rf"\b(?:{'|'.join(sorted(APPOINTING_VERBS))})\s+$")  # "has appointed " before a name
_AS_TITLE = re.compile(  # " as chief executive", " interim chief executive"
    rf"^\s+(?:as\s+)?(?:its\s+|the\s+)?(?:new\s+)?(?P<title>(?:interim\s+|acting\s+)?(?:{TITLES}))\b", re.IGNORECASE
)
_WHOSE_TITLE = re.compile(
    rf"^,\s+(?P<whose>\S.*?)['’]s?\s+(?:new\s+)?(?P<title>{TITLES})\b", re.IGNORECASE
)  # ", the company's chief executive"
HEADS = {"President", "Prime Minister", "Premier", "Treasurer", "Chancellor"}
"""Titles of a government whose holder acts for the country ("Prime Minister Albanese signed" for Australia)."""

_FUNDED_TO_BUILD = re.compile(r"\b(?:to|in)\s+(?:[A-Z][\w.&'’-]*\s+)+to\s+(?:help\s+)?[a-z]+$")
"""Money given to (or invested in) a named party for it to build: "a grant to Magrec Technologies to help build", "invest 35
million pounds in Cornish Lithium Ltd to help build"."""
_SOLD_STAKE = re.compile(r"^sold\s+(?:its|their|an?)\s+([\d.]+)\s*%\s+stake\s+in\b", re.IGNORECASE)  # "sold its 43% stake in"
_SPLIT = re.compile(r"\b(\d{1,2})\s*[-:/]\s*(\d{1,2})\s*$")  # "a 50-50", "a 60:40" (joint venture)
_VENTURE_SENTENCE = re.compile(r"^\S.*?\bis\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:joint\s+venture|partnership)\s+(?:of|between)\b")
_GIVEN_BY = re.compile(
    rf"{GIVEN_PASSIVE}\b(?:[^.;]|\.(?=\d))*\bby(?:\s+the)?\s*$|\bfrom\s+(?:\w+\s+){{0,3}}?(?:led|backed)\s+by(?:\s+the)?\s*$"
)  # "… by the U.S. Department of Energy" ("a $20.6 million grant by" too), "raised 9 million pounds from investors led by …"
_MONEY_WEIGHED = re.compile(r"\b(?:loans?|grants?|financing|funding|investment|stake|bid|offer|guarantee)\b", re.IGNORECASE)
_THEIR_OWN = re.compile(r"\b(?:their|its)(?:\s+[a-z-]+){0,3}\s*$")
_APPOSED_STATE = re.compile(
    r",\s+(?:a|an|the)(?:\s+[A-Za-z]+){0,2}\s*$"
)  # "Nimba Mining, a new state-owned company", "LKAB, the Swedish state miner"
_COMPARED = {"after", "behind", "than", "like"}  # "the second-largest producer after Indonesia": not the one that acts
_PLACE_OR_TARGET = {"to", "from", "in", "on", "at", "for", "of", "into"}  # "sends oxides to China, but it has a plant": China owns nothing
_AWAY_FROM = {"from", "against", "than", "on", "in", "at", "of"}  # "away from China", "ventures in India": not a party to the deal
_NOUN_BEFORE = {"on", "of", "the", "its", "their", "'s", "’s", "and"}
_DEAL_BEFORE = re.compile(
    r"\b(?:signed|agreed|formed)\b.*\b(?:agreement|memorandum|deal|pact|partnership|venture|mou)\b.*\bwith$", re.IGNORECASE
)
_HIRING = {"chosen", "chose", "hired", "appointed", "selected", "picked", "engaged", "contracted"}
"""Verbs whose object is a contractor ("has chosen Hyundai Engineering to build its project"): it builds what is not its own."""
_OBJECT_VERBS = {
    "supply",
    "sell",
    "lend",
    "give",
    "offer",
    "pay",
    "buy",
    "acquire",
    "bought",
    "acquired",
    "supplies",
    "sells",
    *_HIRING,
}  # whose object owns nothing
_BACKING = {"backing", "support", "funding", "help", "financing", "money", "loans", "grants"}
_TOPIC = {"on", "about", "over", "regarding", "concerning"}
_TARGETED = {"to", "on", "against", "toward", "towards"}  # "exports to Japan", "an embargo on Japan"
_STAKE_OF = re.compile(
    r"\b(?:stakes?\s+(?:of\s+)?|(?:owns|owned|own|holds|held|hold|keep|keeps|retain|retains|earn|earns)\s+)(?:\w+\s+){0,2}$"
    r"|[A-Z][\w.&-]*\s+the\s+(?:remaining|other)\s+$"  # "and Japan's TEPCO Resources the remaining 5%", "… the other 40%"
    r"|%(?:\s+[\w'’-]+){0,4}?\s*,\s+(?:[A-Z][\w.&'’-]*\s+){1,4}$"  # "A holds 46.7%, B 44.8%", "49% of the smelter, B 25.5%"
    r"|%(?:\s+[\w'’-]+){0,5}?\s+and\s+(?:[\w.&-]+['’]s\s+(?:[\w-]+\s+){0,4}?)?(?:[A-Z][\w.&'’-]*\s+){1,4}$"
    # "A would own 51% of the refinery and B 49%", "… and Zambia's state mining company ZCCM Investment Holdings 29%"
    r"|\bstakes?\s+in\s+(?:[\w.&'’-]+\s+){1,4}?to\s+(?:about\s+|around\s+)?$",  # "raised its stake in Sovereign Metals to 19.9%"
    re.IGNORECASE,
)
_HOLDER_NOUNS = {"consortium", "group", "fund", "partners"}
"""Nouns closing a holder's description before its gapped share ("and Japan's JECO consortium the remaining 12.5%")."""
_STAKE_AFTER = re.compile(
    r"\s*(?:(?:[\w-]+\s+){0,2}?(?:stakes?|interest)\b|-?\s*owned\s+by\b)"
    r"|\s+by\s+(?:[A-Z][\w.&-]*['’]s\s+(?:[a-z-]+\s+){1,4})?[A-Z][\w.&-]+\s+[A-Z]"
    r"|\s+by\s+the\s+[A-Z][\w-]*\s+(?:state|government)\b"
)  # "a 20% stake", "a 16% free-carried interest", "a company 60% owned by", "and 10% by Namibia's state company Epangelo
# Mining", "and 10% by the Senegalese state"
_MOSTLY_FROM = re.compile(r"\b(?:mostly|mainly|largely|chiefly|primarily|predominantly)\s+from\b", re.IGNORECASE)
_DEPENDENCE = re.compile(r"\b(?:dependen|relian|relies|depends)\w*\s+on\b", re.IGNORECASE)
_SHARE_OF_NEEDS = re.compile(  # "90% of Japan's supply", "80% of its rare earths", "80% of its magnets", "90% of Japan's NdPr"
    r"^\s*(?:of\s+(?:its|their)\s(?!exports|sales|output|production)|of\s+(?:\w+\s+)?[A-Z][\w.]*['’]s?\s|(?:of\s+)?(?:(?:its|their|the\s+country's|\w+['’]s?)\s+)?(?:[\w.]+\s+){0,3}?"
    r"(?:needs|supply|supplies|imports|demand|consumption|requirements|rare earths)\b)"
)


def _past_tie(doc: Doc, i: int) -> int:
    """Where a name at ``i`` is introduced: before a place and its tie ("Hong Kong-listed MMG"),
    or before whose it is ("China's Shandong Yulong Gold"), if any."""
    if i >= 3 and doc[i - 1].lower_ in PLACE_TIES and doc[i - 2].text == "-":
        start = i - 2
    elif i >= 2 and doc[i - 1].text in ("'s", "’s") and doc[i - 2].is_title:
        start = i - 1
    else:
        return i
    while start > 0 and doc[start - 1].is_title:
        start -= 1
    return start


def relations_at(kind: str, trigger: Span, sent: Span, mentions: list[tuple[int, str, str]], index: int) -> list[Relation]:
    """The relations of ``kind`` that ``trigger`` (a verb or noun of :data:`RELATION_TRIGGERS`)
    states in ``sent``, between the sentence's ``mentions`` (token index, IRI, kind): who is on
    which side of the trigger, and of "with" or "from", decides the roles (talks: who is in
    talks with whom, as an agreement's parties are)."""
    doc = sent.doc
    starts = {i for i, _, _ in mentions}
    aside = apposed(sent, trigger.start)  # "Shenghe, one of China's largest groups, owned": not China
    aside |= {  # "from Canadian investor Blue Lake Capital": the origin of a name, not a party
        i for i, _, k in mentions if k == "country" and doc[i].lower_ in DEMONYMS and _describes(i, sent, starts)
    }
    companies = {i for i, _, k in mentions if k == "company"}
    aside |= {  # "to U.S. solar panel maker First Solar": where a named buyer is from (not "the U.S. government on tungsten")
        i for i, _, k in mentions if k == "country" and doc[i].text in ("U.S.", "US", "U.K.", "UK") and _describes(i, sent, companies)
    }
    mentions = [m for m in mentions if not (m[0] > trigger.end and _reports(m[0], sent))]  # "…, Namibia Critical Metals said": no party
    before = [(i, iri, k) for i, iri, k in mentions if i < trigger.start and k in ACTOR_KINDS | {"facility"} and i not in aside]
    after = [(i, iri, k) for i, iri, k in mentions if i >= trigger.end and i not in aside]
    modifiers = {  # "Japan's JOGMEC", "Vietnam's state miner Vinacomin": whose, no party
        i
        for i in starts
        if i + 2 < sent.end
        and doc[i + 1].lower_ in ("'s", "’s")
        and any(j in starts and all(t.is_lower or t.text == "-" for t in doc[i + 2 : j]) for j in range(i + 2, min(i + 6, sent.end)))
    }
    opposed = {i for i in starts if i > sent.start and doc[i - 1].lower_ in _AWAY_FROM} | modifiers | aside
    actors = list(dict.fromkeys(iri for i, iri, k in mentions if k in PARTY_KINDS and i not in opposed))
    if kind in ("agreement", "talks"):
        if kind == "talks" and trigger[0].lower_ in ("are", "were", "remain", "remained"):  # "A and B are in talks to combine …"
            talking = _listed([m for m in before if m[2] in PARTY_KINDS][::-1], sent, backwards=True)
            return [Relation("talks", talking[1][1], talking[0][1], index)] if len(talking) == 2 else []
        if (
            trigger[0].lower_ == "joint"
            and (
                doc[trigger.end : trigger.end + 1].text.lower() in ("of", "between")
                or doc[trigger.end : trigger.end + 2].text.lower() == "in which"  # "X, a joint venture in which A holds 43%"
                or _THEIR_OWN.search(
                    doc[max(sent.start, trigger.start - 4) : trigger.start].text
                )  # "their cathode materials joint venture"
            )
        ):  # "through their MARBL joint venture": the holding they share, no new agreement
            return []  # "X, a joint venture of A and B": who holds X (a stake), no agreement of X's
        if doc[max(sent.start, trigger.start - 3) : trigger.start].text.lower() in ("under the", "as part of the", "part of the"):
            return []  # "Under the deal, Lynas will supply": the deal named before, no new one
        if trigger[0].lower_ == "agreed" and re.match(
            r"to\s+(?:invest|lend|fund|finance|provide|grant|back)\b", doc[trigger.end : trigger.end + 2].text
        ):
            return []  # "agreed to invest $400 million in MP": a stake committed to, no agreement of its own
        if trigger[0].lower_ in SALE_VERBS and trigger[-1].lower_ == "to":  # "sold its X business to Y": the seller and the buyer
            sellers = [m for m in before if m[2] in PARTY_KINDS][-1:]
            buyers = [m for m in after if m[2] in PARTY_KINDS and not _whose(m[0], sent)][:1]
            return [Relation("agreement", sellers[0][1], buyers[0][1], index)] if sellers and buyers else []
        if trigger[-1].lower_ == "of" and trigger[0].lower_ in PURCHASE_NOUNS | {"merger"}:
            named = [m for m in after if m[2] in PARTY_KINDS and m[0] in (trigger.end, trigger.end + 1)][:1]
            if trigger[0].lower_ == "merger":  # "formed by the merger of Allkem and Livent": a deal of the two merged
                merged = _listed([m for m in after if m[2] in PARTY_KINDS], sent) if named else []
                return [Relation("agreement", merged[0][1], merged[1][1], index)] if len(merged) > 1 else []
            if not named:  # "its acquisition of the Khoemacau copper mine in Botswana from Cupric Canyon Capital": the seller
                bought = [m for m in after if m[2] == "facility" and m[0] in (trigger.end, trigger.end + 1)]
                frm = next((t.i for t in doc[trigger.end : min(trigger.end + 10, sent.end)] if t.lower_ == "from"), None)
                named = [  # "from Canada's Dundee Precious Metals": the seller, past whose it is
                    m for m in after if bought and frm is not None and _past_tie(doc, m[0]) == frm + 1 and m[2] in PARTY_KINDS
                ]
            buyers = [m for m in before if m[2] in PARTY_KINDS and named and m[1] != named[0][1]][-1:]
            return [Relation("agreement", buyers[0][1], named[0][1], index)] if buyers else []  # "its acquisition of Arcadium"
        if trigger[0].lower_ in ("which", "that"):  # "the MATSA mines, which it bought from Trafigura": it and Trafigura
            buyers = [m for m in mentions if m[0] == trigger.start + 1 and m[2] in PARTY_KINDS][:1]
            sellers = [  # "from the Finnish state", "from Japan's Sumitomo Metal Mining"
                m for m in after if m[0] == _past_origin(doc, _past_articles(doc, trigger.end)) and m[2] in PARTY_KINDS
            ][:1]
            return [Relation("agreement", b[1], s[1], index) for b in buyers for s in sellers if b[1] != s[1]]
        if trigger[0].lower_ in PURCHASE_VERBS:  # "Energy Fuels bought Base Resources": the buyer and the company bought
            bought = [m for m in mentions if m[0] == _past_origin(doc, trigger.start + 1) and m[2] == "company"]
            buyers = [m for m in before if m[2] in PARTY_KINDS][-1:]
            if trigger[-1].lower_ in ("from", ","):  # "bought the project from (Canada's) Itafos", "bought the mine's owner, X"
                bought = [m for m in mentions if m[0] == _past_origin(doc, trigger.end) and m[2] in PARTY_KINDS]
            if trigger[-1].lower_ == "it" or trigger[-2].lower_ == "the":  # "Arnold is owned by Compass, which bought it (the company)"
                bought = [m for m in before if m[2] == "company" and m[1] not in {b[1] for b in buyers}][:1]
            sold = [m for m in mentions if m[0] == _past_articles(doc, trigger.start + 1) and m[2] == "facility"]  # "the idle X"
            frm = next((t.i for t in doc[trigger.end : min(trigger.end + 12, sent.end)] if t.lower_ == "from"), None)
            if sold and not bought and frm is not None:  # "bought Ravensthorpe from BHP": the buyer and the seller
                bought = [m for m in mentions if m[0] == frm + 1 and m[2] in PARTY_KINDS]
            return [Relation("agreement", buyers[0][1], bought[0][1], index)] if bought and buyers else []
        with_at = next((t.i for t in doc[trigger.start : sent.end] if t.lower_ == "with"), None)
        if with_at is not None and (
            doc[with_at + 1 : with_at + 2].text.lower() in _UNNAMED_PARTIES or _COUNTED_GROUP.match(doc[with_at + 1 : with_at + 5].text)
        ):  # "with customers in Japan", "with two U.S. utilities": with whom is unsaid
            return []  # "in talks with customers in Japan": with whom is unsaid, not with Japan
        if with_at is not None:
            left = list(dict.fromkeys(iri for i, iri, k in mentions if i < with_at and k in PARTY_KINDS and i not in opposed))
            right = list(dict.fromkeys(iri for i, iri, k in mentions if i > with_at and k in PARTY_KINDS and i not in opposed))
            if left and right:  # "Sojitz and JOGMEC signed a deal with Lynas": the two on one side are parties together too
                several = {t.lower_ for t in doc[trigger.start : sent.end]} & SEVERAL_DEALS
                together = (
                    []
                    if kind != "agreement" or several
                    else [Relation(kind, a, b, index) for n, a in enumerate(left) for b in left[n + 1 :]]
                )
                return [Relation(kind, a, b, index) for a in left for b in right if a != b] + together
            if kind == "talks":
                return []
        before_trigger = list(dict.fromkeys(iri for i, iri, k in mentions if i < trigger.start and k in PARTY_KINDS and i not in opposed))
        purchase = _PURCHASE_FROM.search(doc[trigger.end : sent.end].text)  # "signed a deal to buy magnets from Niron": Niron's deal too
        tied = [  # "to buy oxide from Niron", "to supply Vulcan Elements with oxides", "… ingots to the U.S. Defense Logistics Agency"
            (doc[at - 1].lower_, iri)
            for i, iri, k in after
            if k in PARTY_KINDS
            and purchase
            and not _qualifies_a_group(i, sent)  # "to supply uranium to several U.S. utilities": unnamed buyers
            and (
                doc[(at := _past_tie(doc, i)) - 1].lower_ in ("from", "to", "supply", "sell")
                or doc[at - 2 : at].text.lower() in ("from the", "to the")
                or _given_to(i, sent)
            )  # "to Hong Kong-listed MMG", "to German carmaker BMW" too
        ]
        sold_to = [t for t in tied if t[0] != "sell"] if purchase and purchase[0].endswith("sell") else []
        sellers = [iri for _, iri in sold_to or tied][:1]  # "to sell Mineracao Taboca, which runs …, to CNT": the buyer, not the one sold
        sellers = (
            sellers
            or [  # "agreed to buy Less Common Metals": the company bought is the other party
                iri for i, iri, k in after if k == "company" and purchase and doc[i - 1].lower_ in ("buy", "purchase", "acquire")
            ][:1]
        )
        if len(before_trigger) == 1 and sellers and sellers[0] != before_trigger[0]:
            held = [  # "Minsur has agreed to sell Mineracao Taboca … to CNT": the seller's company until the sale closes
                Relation("invested", before_trigger[0], iri, index, since=doc[i].idx)
                for i, iri, k in after
                if sold_to and k == "company" and doc[i - 1].lower_ == "sell" and iri != sellers[0]
            ][:1]
            return [Relation("agreement", before_trigger[0], sellers[0], index), *held]
        buyers = [m for m in mentions if m[0] < trigger.start and m[2] in PARTY_KINDS and m[0] not in opposed]
        listed = _listed(buyers[::-1], sent, backwards=True) if len(before_trigger) > 1 and sellers else []
        if len(listed) == len(before_trigger):  # "Ford, Tesla and LG Energy Solution have agreed to buy its concentrate": each with it
            return [Relation("agreement", buyer[1], sellers[0], index) for buyer in listed if buyer[1] != sellers[0]]
        if purchase and not sellers and with_at is None:
            return []  # "Hyundai and Kia agreed to buy oxide from Nolans": no agreement between the buyers
        if len(before_trigger) > 2 and with_at is None and re.search(r"\btheir\b", doc[trigger.end : sent.end].text):
            return [  # "Congo and a group led by Sinohydro and China Railway Group have agreed to revise their deal": one deal of all
                Relation("agreement", a, b, index) for n, a in enumerate(before_trigger) for b in before_trigger[n + 1 :]
            ]
        pair = before_trigger if len(before_trigger) == 2 else actors if len(actors) == 2 else []
        return [Relation("agreement", pair[0], pair[1], index)] if pair else []  # among three or more, who with whom is unsaid
    if kind == "supplies":
        if trigger[-1].lower_ == "at":  # "concentrate from Voisey's Bay is processed at Vale's Long Harbour plant": mine to plant
            source = next((t.i for t in doc[sent.start : trigger.start] if t.lower_ == "from"), None)
            sources = [m for m in before if source is not None and m[0] > source and m[2] in PARTY_KINDS | {"facility"}][:1]
            plants = [m for m in after if m[2] == "facility"][:1]
            return [Relation("supplies", sources[0][1], plants[0][1], index)] if sources and plants else []
        if trigger[0].lower_ in PAY_VERBS:  # "agreed to pay its parent Baotou Steel … for rare earth concentrate": the payee supplies it
            payees = [m for m in after if m[2] in PARTY_KINDS][:1]
            payers = [m for m in before if m[2] in PARTY_KINDS][-1:]
            paid_for = _paid_for_a_material(trigger, mentions)
            return [Relation("supplies", payees[0][1], payers[0][1], index)] if paid_for and payees and payers else []
        if len(trigger) > 2 and trigger[-2].lower_ in CUSTOMER_NOUNS:  # "Its … customers include"
            whose = [m for m in mentions if m[0] == trigger.start and m[2] in PARTY_KINDS] or [
                m for m in before if m[2] in PARTY_KINDS and m[0] == trigger.start - 1
            ]  # "its": the pronoun resolved; "Lynas's": the name before
            customers = _listed([m for m in after if m[2] in PARTY_KINDS and not _whose(m[0], sent)], sent)
            return [Relation("supplies", whose[0][1], m[1], index) for m in customers if m[1] != whose[0][1]] if whose else []
        if re.search(r"\bnon-?binding\b", doc[sent.start : trigger.start].text, re.IGNORECASE):
            return []  # "signed a non-binding agreement to sell concentrate to X": the agreement, no supply yet
        if trigger.start - 2 >= sent.start and doc[trigger.start - 2].lower_ in _WAYS and doc[trigger.start - 1].lower_ == "to":
            return []  # "to develop ways to process ore from its project": a method studied, no material sold
        talks = next((t.i for t in doc[trigger.end : sent.end - 1] if t.lower_ in TALKS_NOUNS and doc[t.i + 1].lower_ == "with"), sent.end)
        after = [m for m in after if m[0] < talks]  # "buys … from China and is in talks with Lynas": Lynas only talks
        words = trigger.text.lower()
        before_word = doc[trigger.start - 1].lower_ if trigger.start > sent.start else ""
        if before_word in ("on", "about", "over") and trigger[0].lower_.endswith("ing"):
            return []  # "in talks with the United States on supplying critical minerals": what the talks are about
        if trigger[-1].lower_.startswith("provid") and _MONEY_NEXT.match(doc[trigger.end : min(trigger.end + 6, sent.end)].text):
            return []  # "will provide 20 billion roubles in state loans to ThreeArc": money, no material
        exporter = [m for m in before if m[0] + 1 < trigger.start and doc[m[0] + 1].lower_ in ("'s", "’s")][-1:]
        importer = [m for m in after if m[2] in PARTY_KINDS and doc[m[0] - 1].lower_ == "to"][:1]
        if words == "exports" and before_word in ("'s", "’s") and exporter and importer:  # "China's exports of magnets to the US"
            return [Relation("supplies", exporter[0][1], importer[0][1], index)]
        restricted = {t.lower_ for t in doc[max(sent.start, trigger.start - 3) : trigger.start]} & RESTRICTING_VERBS
        if words == "exports" and (before_word in _NOUN_BEFORE or restricted or doc[trigger.end : trigger.end + 1].text == "of"):
            return []  # "controls on exports", "halted antimony exports to the US", "exports of gallium": the noun, not the verb
        object_end = next((t.i for t in doc[trigger.end : trigger.end + 8] if t.lower_ in ("from", "to")), trigger.end + 8)
        sold = {  # what is sold, not where from ("lithium hydroxide from its Wolfsberg project")
            _singular(t.lower_) for t in doc[trigger.end : object_end] if doc[t.i + 1 : t.i + 2].text not in ("'s", "’s")
        }  # not "the mine's output"; "its two Chinese rare earth separation plants"
        assets = FACILITY_NOUNS | {"stake", "share", "business", "asset", "unit", "company"}
        bought = {_singular(t.lower_) for t in doc[trigger.end : trigger.end + 4]}
        if words in PURCHASE_VERBS and bought & assets and any(t.lower_ == "from" for t in doc[trigger.end : trigger.end + 6]):
            return []  # "bought the Kharaa project from Gobi Mining": a purchase of the business, no supply
        to = next((t.i for t in doc[trigger.end : sent.end] if t.lower_ == "to"), sent.end)
        if (
            words in SALE_VERBS
            and {_singular(t.lower_) for t in doc[trigger.end : to] if doc[t.i + 1 : t.i + 2].text not in ("'s", "’s")} & assets
        ):  # not "sells the mine's uranium oxide to": what the mine makes
            return []  # "sold its H.C. Starck tungsten business to Mitsubishi Materials": a sale of the business, no supply
        if words.endswith("sell") and (
            sold & assets or any(trigger.end <= m[0] < trigger.end + 2 and m[2] in PARTY_KINDS | {"facility"} for m in mentions)
        ):
            return []  # "agreed to sell its project to Shenghe", "to sell Peak": a sale of the business, no supply
        if NOT_MATERIALS.search(doc[trigger.end : sent.end].text.lower()) or "stake" in {
            t.lower_ for t in doc[trigger.end : trigger.end + 4]
        }:
            return []  # "relies on Japan for processing technology", "bought a 15% stake": no material changes hands
        if words in IMPORT_WORDS and {t.lower_ for t in doc[max(sent.start, trigger.start - 4) : trigger.start]} & (
            RESTRICTING_VERBS | _LEVIES
        ):
            return []  # "banned Russian uranium imports", "imposed duties on imports from four countries": a ban or a levy, no supply
        if words in ("source", "sources") and trigger.start > sent.start and doc[trigger.start - 1].lower_ in _BEFORE_A_NOUN:
            return []  # "one of the few sources of the metal outside China": a source named, no purchase
        if words in ("supplies", "supply") and {t.lower_ for t in doc[max(sent.start, trigger.start - 4) : trigger.start]} & _TOPIC:
            return []  # "in talks with Australia on rare earth supplies": what is talked about
        if {t.lower_ for t in doc[max(sent.start, trigger.start - 2) : trigger.start]} & {
            "less",
            "reduce",
            "reduces",
            "reducing",
            "cut",
            "end",
        }:
            return []  # "less dependent on China" says what is to change, not who supplies whom
        customer_first = words in ("met by", "supplied by", "provided by") or words.startswith(
            ("dependen", "relian", "reli", "rely", "depend", "using", "take", "took", "process", "treat", "refine", *IMPORT_WORDS)
        )
        possessive_after = [(i, iri, k) for i, iri, k in after if i + 1 < len(doc) and doc[i + 1].lower_ in ("'s", "’s")]
        if customer_first:
            parties_after = [m[0] for m in after if m[2] in PARTY_KINDS | {"facility"}]
            froms = (t.i for t in doc[trigger.end : sent.end] if t.lower_ == "from" and any(i > t.i for i in parties_after))
            source = next(froms, None)  # "imports X from Y" (not "from 90% to 60%"); "buy carbonate from Browns Range": its operator
            suppliers = [
                m
                for m in after
                if m[2] in PARTY_KINDS | {"facility"}
                and (source is None or m[0] > source)
                and not (
                    m[2] == "facility" and (doc[m[0] - 1].lower_ == "for" or doc[m[0] - 2 : m[0]].text.lower() in ("for the", "for its"))
                )
            ]  # not "to buy oxides for the plant": what they are for
            if not suppliers and doc[trigger.end : trigger.end + 1].text.lower() == "it":  # "take … a year from it": the facility before
                suppliers = [m for m in before if m[2] == "facility"][-1:]
            if words in PURCHASE_VERBS and doc[max(trigger.start - 2, sent.start) : trigger.start].text.lower() in (
                "which it",
                "that it",
                "which they",
            ):
                return []  # "the MATSA mines, which it bought from Trafigura": the mines bought, no material
            relative = _antecedent(trigger, sent, before)
            customers = relative or [  # "Iluka, which will buy"; not "buys from China but plans to source"
                m for m in before if m[2] in PARTY_KINDS and not (m[0] > sent.start and doc[m[0] - 1].lower_ in ("from", "to"))
            ]
            if not customers and words in ("supplied by", "provided by"):  # "The plant processes chloride supplied by IREL": its operator
                customers = [m for m in before if m[2] == "facility"][:1]
            if not customers and words.startswith(
                ("process", "treat", "refine", "import")
            ):  # "The plant would process concentrate from X",
                # "The refinery would process ore imported from New Caledonia"
                customers = [m for m in before if m[2] == "facility"][-1:]
            partner = next((t.i for t in doc[sent.start : trigger.start] if t.lower_ == "with"), None)
            if not suppliers and partner is not None and relative and relative[0][0] > partner:  # "… with Y, which could buy": X sells
                suppliers = [m for m in before if m[2] in PARTY_KINDS and m[0] < partner][-1:]
            elif not suppliers and partner is not None:  # "X signed an agreement with Y to buy": Y sells
                suppliers = [m for m in customers if m[0] > partner][:1]
                customers = [m for m in customers if m[0] < partner]
            whose = {t.text for t in doc[trigger.end : trigger.end + 4]} & {"'s", "’s"}  # "buy the mine's output": its output
            of = int(doc[trigger.end : trigger.end + 1].text.lower() == "of")  # "its purchase of the Tsumeb copper smelter"
            bought = words in ("buy", "buys", "bought", "purchase", "purchases") and any(
                m[0] == _past_origin(doc, _past_articles(doc, trigger.end + of))
                and doc[m[0]].lower_ not in ("its", "their", "the")  # not "buy its (the) concentrate"; "bought the nearby Renard mine"
                for m in after
                if m[2] == "company" or (m[2] == "facility" and not whose)
            )
            stake = re.match(
                r"\s*(?:of\s+)?(?:a|an|the|its|their)\s+(?:[\w.%-]+\s+){0,3}?(?:stake|interest|holding)\b", doc[trigger.end : sent.end].text
            )
            if bought or stake:  # "agreed to buy Less Common Metals", "bought Mountain Pass": the company or the mine itself, no material
                return []  # "its purchase of a 51% stake in Mopani": a holding bought, no material
            if suppliers and customers:  # the customer is the subject, the nearest before the verb ("Hyundai and Kia agreed to buy")
                return [  # "imports lithium mainly from China, Chile and Argentina": each listed supplier
                    Relation("supplies", supplier[1], m[1], index)
                    for supplier in _listed(suppliers, sent)
                    for m in _listed(customers[::-1], sent, backwards=True)
                ]
            return []
        suppliers = [  # a facility's operator supplies (see the extractor); not one it is compared with ("… after Indonesia")
            m for m in before if m[2] in PARTY_KINDS | {"facility"} and doc[max(m[0] - 1, sent.start)].lower_ not in _COMPARED
        ]
        after = [m for m in after if not _locates(m, mentions, sent)]  # "from its plant in La Rochelle, France, to …": where, no customer
        clause = NEW_CLAUSE.search(sent.text, doc[trigger.end - 1].idx - sent.start_char)
        after = [  # "supplies 85% of the world's magnesium, and the United States has charged …": not a customer
            m for m in after if clause is None or doc[m[0]].idx - sent.start_char < clause.start()
        ]
        goes_to = [  # "… to buyers in China", "… to Tesla": a party the goods go to, named after the seller's words
            m[0]
            for m in after
            if any(t.lower_ == "to" and doc[t.i - 1].lower_ != "according" for t in doc[max(sent.start, m[0] - 4) : m[0]])
        ]
        possessive_after = [  # "90% of the world's anodes", "from its project in Brazil's Minas Gerais": no customer; nor
            # "sells most of the venture's cobalt to buyers in China": whose goods, the buyers after "to"
            m
            for m in possessive_after
            if doc[m[0]].lower_ != "world" and doc[m[0] - 1].lower_ not in ("in", "near", "at") and not any(i > m[0] for i in goes_to)
        ]
        after = [m for m in after if not _qualifies_a_group(m[0], sent)]  # "to U.S. chipmakers": unnamed buyers, not the US
        after = [  # "sells most of the venture's cobalt to buyers in China": whose the goods are, no customer
            m
            for m in after
            if not (
                any(t.text in ("'s", "’s") for t in doc[m[0] + 1 : m[0] + 4])
                and doc[m[0] - 1].lower_ in ("of", "the")
                and any(i > m[0] for i in goes_to)
            )
        ]
        after = [m for m in after if doc[m[0] - 1].lower_ not in ("outside", "excluding", "except", "beyond")]  # "… tungsten outside China"
        placed = (
            [  # "supplied a Soviet plant in Kazakhstan": where; not "sells to customers in China": who buys (not "magnet makers in Korea")
                m[0] for m in after if _placed(m[0], sent) and doc[max(m[0] - 2, sent.start)].lower_ not in CUSTOMER_NOUNS
            ]
            + [m[0] for m in after if doc[m[0] - 1].lower_ == "on"]
        )  # "from its mine on Groote Eylandt": where, whatever the name was read as
        placed += [  # "to magnet makers in South Korea and the United States": both where
            m[0]
            for m in after
            if any(p < m[0] and {t.lower_ for t in doc[p + 1 : m[0]] if not t.is_title} <= {",", "and", "or", "the"} for p in placed)
        ]
        after = [m for m in after if m[0] not in placed]
        customers = (
            possessive_after
            or [m for m in after if m[2] in PARTY_KINDS]
            or [m for m in after if m[2] == "region" and _needs_of(m[0], sent)]  # "30% of European demand": the region's
            or [m for m in after if m[2] == "facility" and doc[m[0] - 1].lower_ == "to"]  # "ship concentrate to White Mesa": its operator
        )
        partner = next((t.i for t in doc[sent.start : trigger.start] if t.lower_ == "with"), None)
        if not customers and partner is not None:  # "X signed a memorandum with Y to supply oxide to the German supplier"
            customers = [m for m in suppliers if m[0] > partner][:1]
            suppliers = [m for m in suppliers if m[0] < partner]
        coordinated = trigger.start > sent.start and doc[trigger.start - 1].lower_ == "and"  # "The plant processes … and ships"
        subjects = [m for m in suppliers if not _owns_the_next(m[0], suppliers, sent)] or suppliers  # the unit, not whose it is
        supplier = subjects[0] if coordinated and subjects else suppliers[-1] if suppliers else None  # the sentence's subject
        if supplier and customers:  # "supplies Japan and South Korea": each listed customer
            return [Relation("supplies", supplier[1], m[1], index) for m in _listed(customers, sent)]
        return []
    if kind == "operates":
        if trigger[0].lower_ in ("approved", "approves"):  # "Antofagasta has approved a $4.4 billion second concentrator"
            approvers = [m for m in before if m[2] == "company"][-1:]
            built = [m for m in after if m[2] == "facility"][:1]
            return (  # read from the plant's words, after the cost: "planned" for it (see the drafted modality)
                [Relation("operates", approvers[0][1], built[0][1], index, since=doc[built[0][0]].idx)] if approvers and built else []
            )
        if len(trigger) == 1 and trigger.start > sent.start and doc[trigger.start - 1].text == "-":
            return []  # "South Korea's state-run KOMIR", "a family-owned miner": a description, no site run
        if trigger[-1].lower_ in ("owner", "operator"):  # "by its former owner Paladin Energy": Paladin runs (or ran) it
            named_at = trigger.end + (doc[trigger.end : trigger.end + 1].text == ",")  # "the mine's operator, X"
            owners = [m for m in after if m[2] in PARTY_KINDS and m[0] == named_at][:1]
            owned = [  # not "Lynas's mine …, its owner X": a company's; past "in southern Peru": where
                m for m in before if m[2] == "facility" or (m[2] in PARTY_KINDS and not _placed(m[0], sent))
            ][-1:]
            owned = [m for m in owned if m[2] == "facility"]
            return [Relation("operates", owners[0][1], owned[0][1], index)] if owners and owned else []
        if trigger[0].lower_ in ("'s", "’s", "'", "’", "its", "their"):  # "Alcoa's planned refinery", "expand its Kalgoorlie facility"
            pronoun = trigger[0].lower_ in ("its", "their")
            near = len(doc) if pronoun else 4  # "its": whoever the clause is about; "MP's": MP, wherever it stands
            owners = [  # not the lender ("a loan from X for its project")
                m for m in before if m[2] in PARTY_KINDS and trigger.start - m[0] <= near and not (pronoun and _lender(m[0], sent))
            ]
            if pronoun:  # "The Council produced Canada's first metal at its facility": not Canada's
                owners = [m for m in owners if doc[m[0] + 1 : m[0] + 2].text not in ("'s", "’s")] or owners
                owners = [  # "… mine in Zambia, next to its X", "a 7 billion Norwegian crown expansion of its X": no owner
                    m for m in owners if not (m[2] == "country" and (_placed(m[0], sent) or doc[m[0]].lower_ in DEMONYMS))
                ]
                said = [m for m in owners if m[2] == "company" and _reports_before(m[0], trigger.start, sent)]
                owners = said or owners  # "Energy Fuels said the U.S. government has added its Roca Honda project": the company's
                partner = next((t.i for t in doc[sent.start : trigger.start] if t.lower_ == "with"), None)
                purpose = (
                    partner is not None
                    and doc[trigger.start - 1].lower_ != "from"  # "with INL to … process ore from its project": the signer's ore
                    and re.search(  # not "with Ionic to supply carbonate from its project": the signer's
                        r"\bto\s+(?:produce|make|process|refine|enrich|operate|run)\b", doc[partner : trigger.start].text
                    )
                )
                owners = [  # "signed with Sumitomo for … its project": the signer's; "with Centrus to produce … at its plant": Centrus's
                    m for m in owners if partner is None or (m[0] > partner if purpose else m[0] < partner)
                ] or owners
                owners = [
                    m
                    for m in owners
                    if doc[m[0] - 1].lower_ not in _OBJECT_VERBS and not (_given_to(m[0], sent) and doc[trigger.start - 1].lower_ == "from")
                ] or owners  # "to supply Vulcan with … from its mill", "to supply … to French carmaker Renault from its plant"
            if pronoun and not owners:  # "Its processing plant in Kalgoorlie can treat …": the pronoun, resolved to the last subject
                owners = [m for m in mentions if m[0] == trigger.start and m[2] in PARTY_KINDS]
            if trigger[-1].lower_ in FACILITIES_IN_ONE_PLACE:  # "Nornickel's mines in Norilsk", not "Congo's mines in Katanga"
                owners = [m for m in owners if m[2] == "company"]
            if not pronoun:  # "Germany's Ingal Stade plant": where it is, not whose
                owners = [m for m in owners if m[2] != "country"]
            owners = owners[-1:]
            owned = [m for m in mentions if trigger.start < m[0] < trigger.end and m[2] == "facility"]
            if trigger[-1].lower_ in FACILITIES_IN_ONE_PLACE and owned:  # "its plants in Ganzhou, Baotou and Ningbo": each
                places = {m[0] for m in mentions if m[2] in ("city", "region", "country")}
                owned += [m for m in after if m[2] == "facility" and m[0] in places and doc[m[0] - 1].lower_ in (",", "and")]
                return [Relation("operates", o[1], m[1], index) for o in owners for m in owned]
            if trigger[-1].lower_ in ("for", "to", "at", "over"):  # "Rio Tinto's permits for the Jadar project"
                owned = [m for m in after if m[2] == "facility"][:1]
            return [Relation("operates", owners[0][1], owned[0][1], index)] if owners and owned else []
        if trigger[-1].lower_ in ("for", "over") and trigger[0].lower_ not in {"holds", "held", "hold"} | RECEIVING_VERBS:
            granted = [m for m in after if m[2] == "facility"][:1]  # "granted a licence for X to Y": Y works X
            licensees = [m for m in after if m[2] in PARTY_KINDS and granted and m[0] > granted[0][0] and doc[m[0] - 1].lower_ == "to"]
            licensees = licensees or [  # "granted EcoGraf a special mining licence for X": the one named after the verb
                m for m in mentions if granted and m[0] == trigger.start + 1 and m[2] in PARTY_KINDS
            ]
            return [Relation("operates", licensees[0][1], granted[0][1], index)] if licensees else []
        if trigger[-1].lower_ in ("by", "of") and trigger[0].lower_ in LICENCES:  # "the permit held by X for Y", "the permit of X for Y"
            holders = [m for m in after if m[2] in PARTY_KINDS][:1]
            granted = [m for m in after if m[2] == "facility" and holders and m[0] > holders[0][0]][:1]
            return [Relation("operates", holders[0][1], granted[0][1], index)] if granted else []
        if trigger[0].lower_ in PURCHASE_NOUNS:  # "its $1.9 billion acquisition of the Khoemacau copper mine": the buyer's now
            bought = [m for m in after if m[2] == "facility" and m[0] in (trigger.end, trigger.end + 1)][:1]
            buyers = [m for m in before if m[2] in PARTY_KINDS][-1:]
            return [Relation("operates", buyers[0][1], bought[0][1], index)] if buyers and bought else []
        if trigger[-1].lower_ == "by" and trigger[0].lower_ == "led" and doc[trigger.start - 1].lower_ in _GROUPS:
            return []  # "from a group of banks led by Citi": who leads the lenders, no holder
        if trigger[-1].lower_ == "by":
            clauses = _relative_clauses(sent)  # "Swakop Uranium, which runs the mine, is 90% owned by": Swakop, not the mine
            before = [m for m in before if not any(a < m[0] < b < trigger.start for a, b in clauses)]
            facilities = [m for m in before if m[2] == "facility"]
            closing = next(  # "Vedanta, controlled by Indian billionaire Anil Agarwal, owns 79.4% of KCM": the holder is in the aside
                (t.i for t in doc[trigger.end : sent.end - 1] if t.text == "," and _closes(doc, t.i)),
                sent.end,
            )
            apposed_holder = doc[max(trigger.start - 1, sent.start)].text == ","
            owners = [
                m
                for m in after
                if m[2] in PARTY_KINDS | {"person"}
                and not (apposed_holder and m[0] > closing)
                and not _whose(m[0], sent)  # "owned by billionaire Ira Rennert's Renco Group": Renco
                and not _whose_unnamed(m[0], sent)  # "owned by New Caledonia's three provinces": holders unnamed
                and not (m[2] == "country" and doc[m[0]].lower_ in DEMONYMS)  # "by Al Mada, a Moroccan investment fund"
            ]
            owned = [m for m in before if m[2] == "company"]  # "Rare Earths Norway is owned by Scatec Innovation": a holding
            held = trigger[0].lower_ in ("owned", "acquired", "bought", "controlled", "taken", "took", "led", "backed")  # not "run by"
            if owned and owners and held and (not facilities or owned[-1][0] > facilities[-1][0]):  # "… to X, a company 60% owned by Y"
                owners = _listed(owners, sent)  # "owned by Abu Dhabi's Mubadala and the Investment Corporation of Dubai": each
                share = Decimal(100 / len(owners)).quantize(Decimal("0.01")).normalize() if trigger[1].lower_ == "equally" else None
                return [Relation("invested", o[1], owned[-1][1], index, share=share) for o in owners]  # "owned equally by A and B"
            shared = trigger.start > sent.start and doc[trigger.start - 1].text in ("%", "percent")
            shared = shared or trigger[0].lower_ == "backed"  # "a project backed by X": a holding, no operator
            shared = (
                shared
                or (  # "the … mine part-owned by Eramet", "partly owned by", "majority owned by": a holding, no operator
                    trigger[1].lower_ == "partly"
                    or doc[max(sent.start, trigger.start - 2) : trigger.start].text.lower() in ("part-", "part -")
                    or doc[max(sent.start, trigger.start - 1)].lower_ in ("majority", "minority", "jointly")
                )
            )
            if shared and owners and facilities:  # "Bisie … is 84% owned by Alphamin": a holding in the mine, with its share
                return [Relation("invested", owners[0][1], facilities[-1][1], index)]
            consortium = re.match(
                r"(?:a|an|the)\s+(?:consortium|group|partnership)\s+of\b", doc[trigger.end : trigger.end + 4].text.lower()
            )
            owners = _listed(owners, sent) if consortium else owners[:1]  # "run by a consortium of A, B and C": each
            return [Relation("operates", o[1], facilities[-1][1], index) for o in owners] if facilities else []
        if trigger[0].text == ",":  # "Base Resources, the developer of the Toliara project": the name before the comma
            owners = [m for m in before if m[2] in PARTY_KINDS][-1:]
            owned = [m for m in after if m[2] == "facility"][:1]
            return [Relation("operates", owners[0][1], owned[0][1], index)] if owners and owned else []
        if _SHARE_NEXT.match(doc[trigger.end : trigger.end + 4].text):
            return []  # "owns 49% of the project": a stake (its own trigger)
        before_verb = doc[trigger.start - 1] if trigger.start > sent.start else None
        if (
            trigger[0].lower_ in ("produced", "made", "mined", "processed")
            and before_verb is not None
            and before_verb.is_lower
            and before_verb.lower_ not in _CLAUSE_AUXILIARIES | {"also", "first", "jointly", "it", "they"}
        ):
            return []  # "buy half of the vanadium pentoxide produced at the developer's project": what is made there, not by whom
        if trigger[0].lower_ in ("buy", "purchase", "acquire"):  # "has agreed to buy the Owendale project … from Platina": the seller's
            sold = [m for m in mentions if m[0] > trigger.start and m[2] == "facility"][:1]  # until the sale closes, as it stands
            frm = next((t.i for t in doc[trigger.end : sent.end] if t.lower_ == "from"), None)
            sellers = [m for m in after if frm is not None and _past_tie(doc, m[0]) == frm + 1 and m[2] in PARTY_KINDS][:1]
            if sold and sellers:
                return [Relation("operates", sellers[0][1], sold[0][1], index, since=doc[sold[0][0]].idx)]
        gap = _object_antecedent(trigger, sent, mentions)  # "the Donald project, which Astron Corp is developing"
        if gap:
            co_runners = [  # "which it runs with Uranium Energy Corp": the partner runs it too
                m[1]
                for m in after
                if doc[trigger.end : trigger.end + 1].text.lower() == "with"
                and m[0] == _past_origin(doc, trigger.end + 1)
                and m[2] in PARTY_KINDS - {"country"}
            ][:1]
            return [Relation("operates", owner, gap[1], index) for owner in (gap[0], *co_runners)]
        owners = [m for m in before if m[2] in PARTY_KINDS and _governing(m[0], sent, mentions) not in _PLACE_OR_TARGET]
        owners = _antecedent(trigger, sent, before) or owners  # "invest in Rainbow, which is developing": Rainbow
        funded = _FUNDED_TO_BUILD.search(doc[sent.start : trigger.end].text)
        recipients = [m for m in before if funded and m[2] in PARTY_KINDS and doc[m[0] - 1].lower_ in ("to", "in")][-1:]
        owners = recipients or owners  # "awarded a grant to Magrec Technologies to help build a plant": Magrec's, not the giver's
        owners = [m for m in owners if not _lender(m[0], sent)] or owners  # "won a grant from the European Union to help build": no giver's
        owners = [m for m in owners if doc[m[0] - 1].lower_ not in _HIRING]  # "has chosen Hyundai Engineering to build": not the builder's
        if _coordinated(trigger, sent):  # "completed its merger with Piedmont and now runs the mine": the subject runs it
            owners = [m for m in owners if _governing(m[0], sent, mentions) != "with"] or owners
        facilities = [m for m in mentions if m[0] > trigger.start and m[2] == "facility"]  # "has a refining plant in …" holds its facility
        if doc[trigger.end : trigger.end + 1].text.lower() == "it":  # "owns 54.5% of Cigar Lake and operates it": the one named before
            facilities = [m for m in before if m[2] == "facility"][-1:]
            owners = [m for m in owners if not facilities or m[0] < facilities[0][0]] or owners
        if not owners or not facilities:
            return []
        if trigger[0].lower_ in ("considering", "studying", "weighing") and _MONEY_WEIGHED.search(doc[trigger.end : facilities[0][0]].text):
            return []  # "is considering a loan of up to 25 million euros for the project": money for it, no plant of its own
        if trigger[-1].lower_ in ("develop", "developing") and doc[trigger.end : trigger.end + 1].text.lower() in _WAYS:
            return []  # "to develop ways to process ore from its project": a method developed, no site
        if doc[trigger.end : trigger.end + 1].text.lower() in ("letting", "allowing", "permitting"):
            return []  # "is considering letting First Quantum restart the mine": First Quantum would run it, not the one letting
        through = next((t.i for t in doc[facilities[0][0] : sent.end] if t.lower_ == "through"), None)
        agents = [m for m in after if through is not None and m[0] > through and m[2] in PARTY_KINDS and m[2] != "country"][:1]
        if agents:  # "Kenya plans to develop the deposit through the state-owned National Mining Corporation": the corporation
            return [Relation("operates", agents[0][1], facilities[0][1], index)]
        with_at = next(
            (
                t.i
                for t in doc[trigger.end : sent.end]
                if t.lower_ == "with"
                and t.i > facilities[0][0]
                and doc[t.i + 1 : t.i + 2].text not in _BACKING
                and doc[t.i - 1].lower_
                not in ("venture", "agreement", "deal", "partnership", "pact", "contract", "understanding", "signed", "reached", "merged")
            ),
            None,
        )  # "… a plant in X with IREL", not "with backing from the U.S. government", "under a joint venture with Y", "which it
        # acquired when it merged with Vimy" nor
        # "under a framework agreement signed with Tanzania's government" (the other party, no operator)
        partners = [  # "… a plant in X with IREL"; not "with the Oak Ridge National Laboratory" (research, no operator)
            m for m in after if with_at is not None and m[0] > with_at and m[2] in PARTY_KINDS - {"org"}
        ][:1]
        owners = [m for n, m in enumerate(owners) if m[1] not in {o[1] for o in owners[:n]}]  # "X, known as Maaden": one, named first
        listed = _listed(owners[::-1], sent, backwards=True)  # "MP Materials and Maaden … to develop"
        partner_at = listed[-1][0] - 1
        while (
            partner_at > sent.start
            and (doc[partner_at].is_lower or doc[partner_at].lower_ in DEMONYMS or doc[partner_at + 1].text in ("'s", "’s"))
            and doc[partner_at].lower_ != "with"
        ):
            partner_at -= 1  # "with Chilean state copper miner Codelco", "with China's Tisco": the partner past its description
        if len(owners) > len(listed) and doc[partner_at].lower_ == "with" and _DEAL_BEFORE.search(doc[sent.start : partner_at + 1].text):
            listed += [  # "X signed a memorandum with Y to build a refinery": both build it (not a state granting the right)
                o for o in owners[: len(owners) - len(listed)][-1:] if o[2] != "country"
            ]
        return [  # "operates the Tenke Fungurume and Kisanfu mines": each
            Relation("operates", owner[1], facility[1], index) for owner in [*listed, *partners] for facility in _listed(facilities, sent)
        ]
    if kind == "invested":
        if trigger[-1].lower_ == "control" and doc[trigger.end : trigger.end + 1].text.lower() == "of":
            runs = [m for m in after if m[2] == "facility" and m[0] in (trigger.end + 1, trigger.end + 2)][:1]
            holders = [m for m in before if m[2] in PARTY_KINDS][-1:]
            if runs and holders:  # "Rosatom took control of Solikamsk": who controls a works runs it
                return [Relation("operates", holders[0][1], runs[0][1], index)]
        if trigger[0].lower_ == "spun":  # "X, which was spun out of Iluka Resources in 2022": Iluka held X (until then)
            parents = [m for m in after if m[2] == "company" and m[0] == trigger.end][:1]
            spun = _antecedent(trigger, sent, before) or [m for m in before if m[2] == "company"][:1]
            return [Relation("invested", parents[0][1], spun[0][1], index)] if parents and spun else []
        if trigger[0].text == "-":  # "Glencore-owned Mount Isa Mines": Glencore holds it ("Chinese-owned X" says where from)
            owners = [m for m in mentions if m[2] in PARTY_KINDS - {"country"} and 0 < trigger.start - m[0] <= 3][-1:]
            owned = [m for m in mentions if m[0] == trigger.end - 1 and m[2] == "company"][:1]
            return [Relation("invested", owners[0][1], owned[0][1], index)] if owners and owned else []
        if trigger[0].text == "," and trigger[-1].lower_ in ("subsidiary", "unit"):  # "Taurus Minerals, a CGN unit": CGN holds it
            owned = [m for m in before if m[2] in PARTY_KINDS][-1:]
            owners = [m for m in mentions if trigger.start < m[0] < trigger.end and m[2] in PARTY_KINDS][:1]
            return [Relation("invested", owners[0][1], owned[0][1], index)] if owners and owned and owners[0][1] != owned[0][1] else []
        if (
            len(trigger) >= 4 and trigger[-4].lower_ == "and" and trigger[-2].text == "%" and trigger[-1].lower_ == "by"
        ):  # "… 90% owned by A, and 10% by B", "90% owned by A and 10% by the Senegalese state": B's, of the stake before's
            holders = [m for m in after if m[2] in PARTY_KINDS and doc[m[0] + 1 : m[0] + 2].text not in ("'s", "’s")][:1]
            return [Relation("invested", m[1], None, index) for m in holders]  # not "Namibia's state mining company"
        if trigger[0].lower_ in WEALTH_WORDS:  # "billionaire Ira Rennert's Renco Group": the person holds it
            owners = [m for m in mentions if trigger.start < m[0] < trigger.end and m[2] == "person"][:1]
            owned = [m for m in mentions if m[0] == trigger.end - 1 and m[2] == "company"][:1]
            return [Relation("invested", owners[0][1], owned[0][1], index)] if owners and owned else []
        if trigger[-1].lower_ == "of" and trigger[0].lower_ in PURCHASE_NOUNS:  # "completed its acquisition of Arcadium": the buyer's
            bought = [m for m in after if m[2] in PARTY_KINDS and m[0] in (trigger.end, trigger.end + 1)][:1]  # a mine bought: run
            buyers = [m for m in before if m[2] in PARTY_KINDS][-1:]
            return [Relation("invested", buyers[0][1], bought[0][1], index)] if buyers and bought else []
        if len(trigger) > 2 and trigger[-2].lower_ == "part":  # "X was part of Y": Y's
            parts = [m for m in before if m[2] in PARTY_KINDS][-1:]
            wholes = [m for m in after if m[2] in PARTY_KINDS and m[0] in (trigger.end, trigger.end + 1)][:1]
            return [Relation("invested", wholes[0][1], parts[0][1], index)] if parts and wholes else []
        if trigger[0].text == "%":  # "A holds 46.7%, B 44.8%": B, of the stake before's
            return [Relation("invested", m[1], None, index) for m in mentions if trigger.start + 1 < m[0] < trigger.end][-1:]
        if trigger[0].lower_ in ("holding", "owning"):  # "…, with Albemarle holding the rest": the one before, of the stake before's
            return [Relation("invested", m[1], None, index) for m in before if m[2] in PARTY_KINDS][-1:]
        if trigger[0].lower_ in SALE_VERBS and trigger[-1].lower_ == "to":  # "sold its X business to Y": Y's now, X's seller's until then
            sold = [m for m in mentions if trigger.start < m[0] < trigger.end and m[2] == "company"][:1]
            sellers = [m for m in before if m[2] in PARTY_KINDS][-1:]
            buyers = [m for m in after if m[2] in PARTY_KINDS and not _whose(m[0], sent)][:1]
            stake = _SOLD_STAKE.match(doc[trigger.start : trigger.end].text)
            # "has sold its 43% stake in the Kipawa project … to QPM", "… in Sagittarius to Alsons": the buyer's now, with its share
            if stake:
                sold_in = [m for m in mentions if trigger.start < m[0] < trigger.end and m[2] in PARTY_KINDS | {"facility"}][:1]
                share = Decimal(stake.group(1))
                return [Relation("invested", b[1], h[1], index, share=share) for b in buyers for h in sold_in if b[1] != h[1]]
            return [Relation("invested", h[1], sold[0][1], index) for h in [*sellers, *buyers]] if sold else []
        if trigger[-1].lower_ == "alongside":  # "owns 50% of Nemaska Lithium, alongside Investissement Quebec": of the stake before's
            holders = [m for m in after if m[2] in PARTY_KINDS - {"country"}] or [m for m in after if m[2] == "country"]
            return [Relation("invested", m[1], None, index) for m in holders[:1]]  # not "the provincial government's" of X
        if len(trigger) >= 2 and trigger[-2].lower_ == "venture":  # "HyProMag USA, a joint venture of HyProMag and CoTec": each holds it
            venture = [m for m in before if m[2] in PARTY_KINDS][-1:]
            if _VENTURE_SENTENCE.search(sent.text):  # "Mt Marion, near Kalgoorlie, is a 50-50 joint venture of A and B": a mine too
                venture = [m for m in before if m[2] in PARTY_KINDS | {"facility"} and m[0] == sent.start] or venture
            holders = _listed([m for m in after if m[2] in PARTY_KINDS], sent)
            split = _SPLIT.search(doc[sent.start : trigger.start].text)  # "a 50-50 joint venture between A and B": a half each
            shares = [Decimal(n) for n in split.groups()] if split and sum(int(n) for n in split.groups()) == 100 else []
            shares = shares if len(shares) == len(holders) else [None] * len(holders)
            return [
                Relation("invested", h[1], venture[0][1], index, share=share)
                for h, share in zip(holders, shares)
                if venture and h[1] != venture[0][1]
            ]
        if trigger[-1].lower_ == "of" and trigger[-2].lower_ in (
            "subsidiary",
            "unit",
        ):  # "X, a unit of Germany's Heraeus group": Heraeus holds X
            owned = [m for m in before if m[2] in PARTY_KINDS][-1:]
            owners = [  # not Germany ("Germany's Heraeus group"), nor Singapore ("Singapore-based Reenova Investment Holding")
                m
                for m in after
                if m[2] in PARTY_KINDS
                and doc[m[0] + 1 : m[0] + 2].text not in ("'s", "’s")
                and doc[m[0] + 1 : m[0] + 3].text.lower() not in ("-based", "-listed", "-headquartered")
            ][:1]
            return [Relation("invested", owners[0][1], owned[0][1], index)] if owners and owned else []
        if len(trigger) > 1 and trigger[1].lower_ == "whose":  # "X, whose other shareholder is Y": Y holds X
            owned = [m for m in before if m[2] in PARTY_KINDS][-1:]
            holders = _listed([m for m in after if m[2] in PARTY_KINDS], sent) if owned else []
            return [Relation("invested", m[1], owned[0][1], index) for m in holders if m[1] != owned[0][1]]
        if len(trigger) > 1 and trigger[1].lower_ in ("parent", "owner"):  # "its parent Baotou Steel": the parent holds it
            owned = [m for m in before if m[2] in PARTY_KINDS | {"facility"} and not _whose(m[0], sent)][-1:]
            named_at = _past_origin(doc, trigger.end + 1) if doc[trigger.end : trigger.end + 1].text == "," else trigger.end
            owners = [m for m in after if m[2] in PARTY_KINDS and m[0] == named_at][:1]  # "the project's owner, Australia's Nzuri"
            if owners and owned and owned[0][2] == "facility":  # "Germany's Ingal Stade plant, …, its owner Trafigura": it runs it
                return [Relation("operates", owners[0][1], owned[0][1], index)]
            return [Relation("invested", owners[0][1], owned[0][1], index)] if owners and owned and owners[0][1] != owned[0][1] else []
        if trigger[-1].lower_ in ("subsidiary", "unit") or (
            trigger[0].lower_ in ("his", "her", "its", "their") and trigger[-2].lower_ in ("holding", "investment")
        ):  # "Carester's subsidiary Caremag": Carester holds it; "his holding company Interros": the person before
            whose = {"person"} if trigger[0].lower_ in ("his", "her") else PARTY_KINDS
            owners = [m for m in before if m[2] in whose][-1:]
            owned = [m for m in after if m[2] in PARTY_KINDS][:1]
            return [Relation("invested", owners[0][1], owned[0][1], index)] if owners and owned else []
        if trigger[-3:].text.lower() == "sovereign wealth fund":  # "Danantara, Indonesia's new sovereign wealth fund": the state's
            states = [m for m in mentions if m[0] == trigger.start and m[2] == "country"]
            apposed_to = [m for m in before if m[2] == "company" and doc[trigger.start - 1].text == ","][-1:]
            named = [m for m in after if m[0] == trigger.end and m[2] in ("company", "agency")]  # "… fund FSDEA"
            return [Relation("invested", states[0][1], fund[1], index) for fund in (named or apposed_to)[:1]] if states else []
        if trigger[0].lower_ == "the" and trigger[1].lower_ in COUNTRY_REFERENCES:  # "the state's Minerals Income Investment Fund"
            states = [m for m in mentions if m[0] == trigger.start and m[2] == "country"]
            owned = [m for m in mentions if m[0] == trigger.end - 1 and m[2] in PARTY_KINDS]
            return [Relation("invested", states[0][1], owned[0][1], index)] if states and owned else []
        if trigger[0].lower_ == "state":  # "Swedish state-owned miner LKAB", "India's state-run miner IREL"
            states = [m for m in mentions if m[2] == "country" and 0 < trigger.start - m[0] <= 2]  # an origin too: "Argentine state miner"
            whose = {  # "Japan's Toyota Tsusho and state-owned IREL" (not "Guinea's government": the state itself)
                m[0]
                for m in mentions
                if doc[m[0] + 1 : m[0] + 2].text in ("'s", "’s") and doc[m[0] + 2 : m[0] + 3].text not in COUNTRY_REFERENCES
            }
            named = {m[1] for m in mentions if m[2] == "country" and m[0] not in whose}
            states = states or ([m for m in before if m[2] == "country" and m[0] not in whose][:1] if len(named) == 1 else [])
            owning = {"company", "agency"} if trigger[-1].lower_ in ("bank", "lender") else {"company"}  # "state development bank BNDES"
            owned = [m for m in mentions if m[0] in (trigger.end, trigger.end - 1) and m[2] in owning]  # "state-owned miner X", "… X"
            state_owned = _APPOSED_STATE.search(doc[max(sent.start, trigger.start - 5) : trigger.start].text)
            if not owned and state_owned:  # "X, a state-owned Chinese group", "Nimba Mining, a new state-owned company"
                owned = [m for m in before if m[2] == "company"][-1:]
            demonym = next((t for t in trigger if t.lower_ in DEMONYMS), doc[trigger.end - 1])
            country = world_places().get(DEMONYMS.get(demonym.lower_, ""))
            states = states or (  # "state-owned Finnish Minerals Group": the state its name's demonym gives
                [m for m in mentions if m[0] == demonym.i and m[2] == "country"] or [(demonym.i, country[0], "country")] if country else []
            )
            named_for = [  # "the state-owned Zimbabwe Mining Development Corporation": the state its name opens with
                (m[0], place[0], "country")
                for m in owned[:1]
                for n in (3, 2, 1)
                if (place := world_places().get(doc[m[0] : m[0] + n].text)) and place[1] == "country"
            ]
            states = states or named_for[:1]
            return [Relation("invested", states[-1][1], owned[0][1], index)] if states and owned else []
        if trigger[0].lower_ in ("raised", "raises", "raise"):  # "raised $30 million from investor Blue Lake Capital"
            if {t.lower_ for t in trigger} & {"loan", "loans", "debt", "credit", "bonds"}:
                return []  # "raised $1.3 billion in loans from a group of banks": debt, no holding
            raisers = [m for m in before if m[2] in PARTY_KINDS][-1:]
            stop = next(
                (t.i for t in doc[trigger.end : sent.end] if t.lower_ in ("to", "for", "in")), sent.end
            )  # "… to develop its project in Brazil"
            backers = _listed([m for m in after if m[2] in PARTY_KINDS and m[0] < stop], sent)  # "from investors including A and B": each
            return [Relation("invested", backer[1], raisers[0][1], index) for backer in backers if raisers]
        if trigger[-1].lower_ == "of" and trigger[-2].lower_ == "owner":  # "Eramet became the sole owner of the project"
            holders = [m for m in before if m[2] in PARTY_KINDS][-1:]
            held = [m for m in after if m[2] in PARTY_KINDS | {"facility"} and m[0] in (trigger.end, trigger.end + 1)][:1]  # "the …"
            return [Relation("invested", holders[0][1], held[0][1], index)] if holders and held else []
        if trigger[-1].lower_ in ("shareholder", "owner", "investor"):  # "X is MP Materials' largest shareholder"
            held = [m for m in before if m[2] in PARTY_KINDS | {"facility"}][-1:]  # "ARM became the mine's sole owner": of all of it
            holders = [m for m in before if m[2] in PARTY_KINDS and held and m[0] < held[0][0]][:1]
            if not holders and doc[trigger.end : trigger.end + 1].text.lower() in ("is", "was", "remains"):
                holders = [m for m in after if m[2] in PARTY_KINDS][:1]  # "KGHM's largest shareholder is the Polish state"
            whole = Decimal(100) if {t.lower_ for t in trigger} & {"sole", "only"} and trigger[-1].lower_ == "owner" else None
            return [Relation("invested", holders[0][1], held[0][1], index, share=whole)] if holders else []
        places_in = [  # "sells most of its ore to buyers in China and Japan, and holds a 10% stake": where, not who holds
            listed[0]
            for p in before
            if p[2] in ("country", "region", "city") and doc[max(p[0] - 1, sent.start)].lower_ == "in"
            for listed in _listed([q for q in before if q[0] >= p[0]], sent)
        ]
        in_clause = {t.lower_ for t in doc[max(sent.start, trigger.start - 2) : trigger.start]} & {"which", "who"}  # "X, which holds"
        investors = [  # not "signed a deal with Lynas to invest in the miner": Lynas is the other party; not "a stake in X and …"
            m
            for m in before
            if m[2] in PARTY_KINDS
            and doc[max(m[0] - 1, sent.start)].lower_ not in ("with", "in", "into")
            and m[0] not in places_in
            and not (_led_group(m[0], sent) and not in_clause)  # "a Japanese consortium led by Mitsui & Co holds": the consortium
        ]
        if not in_clause and any(_led_group(m[0], sent) for m in [m for m in before if m[2] in PARTY_KINDS][-1:]):
            return []  # "…, and a consortium led by Mitsui & Co holds the remaining 12%": no holder named, not one before
        investors += [  # "Potanin owns about 37% of Nornickel": a person named right before the verb
            m for m in before if m[2] == "person" and all(t.is_title for t in doc[m[0] : trigger.start])
        ][-1:]
        if trigger.start - 2 >= sent.start and doc[trigger.start - 1].lower_ == "who" and doc[trigger.start - 2].text == ",":
            investors = (
                [  # "investor Tolga Kumova, who owns about 14% of the company": a person holds it
                    m for m in before if m[0] < trigger.start - 2 and m[2] in PARTY_KINDS | {"person"}
                ][-1:]
                or investors
            )
        investees = [  # "owned 19.9% of Peak"; not "invest in Pakistan's minerals sector" (the sector's owner)
            m
            for m in mentions
            if m[0] > trigger.start
            and m[2] in PARTY_KINDS | {"facility", "region"}
            and not _owns_a_common_noun(m[0], sent)
            and not (_whose(m[0], sent) and m[0] >= trigger.end)  # "a 51% stake in Enami's Salares Altoandinos project": the project
        ]
        sites = [  # "to invest $150m in a mine and a processing plant at the site": the site, what they are part of
            m
            for m in mentions
            if m[2] == "facility" and m[0] > trigger.start and doc[m[0] - 1].lower_ == "at" and doc[m[0]].lower_ == "the"
        ]
        investees = sites[:1] + [m for m in investees if doc[m[0] - 1].lower_ not in ("a", "an")] if sites else investees
        if trigger[-1].lower_ == "of" and trigger[-2].lower_ == "half":  # "A and B each own half of X": a holding each (a share in words)
            held = [  # "the X", or "the venture" (a reference read from its article)
                m for m in after if m[2] in PARTY_KINDS | {"facility"} and m[0] in (trigger.end, _past_articles(doc, trigger.end))
            ][:1]
            return [Relation("invested", h[1], m[1], index) for h in _listed(investors[::-1], sent, backwards=True) for m in held]
        if trigger[-1].lower_ == "of" and trigger[-2].lower_ == "all":  # "Glencore has owned all of Murrin Murrin since 2011": the whole
            held = [m for m in after if m[2] in PARTY_KINDS | {"facility"} and m[0] in (trigger.end, trigger.end + 1)][:1]
            if doc[trigger.end : trigger.end + 1].text.lower() == "it":  # "X bought Y's stake in Roca Honda … and now owns all of it"
                investors = investors[:1] if _coordinated(trigger, sent) else investors  # the sentence's subject
                held = [m for m in before if m[2] in PARTY_KINDS | {"facility"} and m not in investors[-1:]][-1:]
            return [Relation("invested", investors[-1][1], held[0][1], index, share=Decimal(100))] if investors and held else []
        if trigger[0].lower_ in PURCHASE_VERBS and HOLDER_SELLS.match(doc[trigger.end - 1 : trigger.end + 2].text):
            sellers = [m for m in after if m[2] in PARTY_KINDS and m[0] > trigger.end + 1 and not _whose(m[0], sent)][:1]
            buyers = investors[-1:]
            topic = [m for m in mentions if m[0] < trigger.start and m[2] in PARTY_KINDS | {"facility"} and m not in buyers][-1:]
            return [  # "bought the 49.9% stake held by Tsingshan": a deal with the seller, a holding in what the sentence is about
                *(Relation("agreement", b[1], s[1], index) for b in buyers for s in sellers),
                *(Relation("invested", b[1], t[1], index) for b in buyers for t in topic),
            ]
        sold = [  # "has agreed to sell a 30% stake in its Copper World project to Mitsubishi": the buyer's to be
            m
            for m in after
            if trigger[0].lower_ in ("stake", "stakes")
            and {t.lower_ for t in doc[max(sent.start, trigger.start - 4) : trigger.start]} & SALE_VERBS
            and not {t.lower_ for t in doc[max(sent.start, trigger.start - 3) : trigger.start]} & {"its", "their"}  # not "sell its stake"
            and m[2] in PARTY_KINDS
            and "to" in {doc[(at := _past_tie(doc, m[0])) - 1].lower_, doc[max(at - 2, 0)].lower_}  # "to China's Shandong Yulong"
        ][:1]
        if sold:
            return [Relation("invested", b[1], m[1], index) for b in sold for m in investees[:1] if m[1] != b[1]]
        if trigger[0].lower_ == "and" and trigger[-1].lower_ in ("rest", "remainder"):  # "…, and Lotus the rest": of the stake before's
            return [
                Relation("invested", m[1], None, index) for m in mentions if trigger.start < m[0] < trigger.end and m[2] in PARTY_KINDS
            ][-1:]  # the holder, past whose it is ("and Zambia's ZCCM … the rest")
        whose = next((t.i for t in trigger if t.text in ("'s", "’s", "'", "’")), None)
        sellers = [m for m in mentions if whose is not None and trigger.start < m[0] < whose and m[2] in PARTY_KINDS][-1:]
        if whose is not None:  # "buy AVZ Minerals' stake in Manono": the buyer's in Manono, and AVZ's until then (as it stands)
            investees = [m for m in investees if m[0] >= trigger.end]
            held = [Relation("invested", s[1], m[1], index, since=doc[whose].idx) for s in sellers for m in investees[:1]]
            return held + [Relation("invested", b[1], m[1], index) for b in investors[-1:] for m in investees[:1] if b not in sellers]
        where = next(
            (
                t.i - (t.lower_ == "which")
                for t in doc[sent.start : trigger.start]
                if (t.lower_ == "where" and doc[t.i - 1].text == ",")
                or (
                    t.lower_ == "which"
                    and t.i - 2 >= sent.start
                    and doc[t.i - 1].lower_ in ("in", "of")
                    and doc[t.i - 2].lower_ in (",", "venture", "partnership", "company")  # "X, a joint venture in which"
                )
            ),
            None,
        )  # "at Weda Bay, where it holds a 38.7% stake", "Talison Lithium, in which A and B jointly hold 51%"
        if where is not None and not [m for m in investees if m[0] > trigger.start and doc[trigger.end : trigger.end + 1].text == "of"]:
            investees = [  # "the Las Bambas copper mine in Peru, in which it holds": the mine, not where it is
                m
                for m in mentions
                if m[0] < where
                and m[2] in PARTY_KINDS | {"facility"}
                and not (m[2] in ("country", "region", "city") and _placed(m[0], sent))
            ][-1:]
            investors = [m for m in investors if investees and m[1] != investees[0][1] and m[0] > where]
        named_before = trigger.start - (doc[trigger.start - 1].lower_ in _HOLDER_NOUNS if trigger.start > sent.start else 0)
        if trigger[0].lower_ == "the" and not (
            named_before > sent.start and (doc[named_before - 1].is_title or doc[named_before - 1].is_upper)
        ):
            return []  # "and Japan's JECO consortium the remaining 12.5%": a holder's, its verb gapped; not "owns the remaining 5%"
        kept = trigger[0].lower_ in ("keep", "keeps", "retain", "retains") and doc[trigger.end : trigger.end + 1].text != "of"
        if kept or {t.lower_ for t in trigger} & {"remaining", "rest", "remainder"} or (len(trigger) > 2 and trigger[2].lower_ == "other"):
            at = _named_after_of(trigger)
            named = [m[1] for m in mentions if at is not None and m[0] in (at, at - 1)]  # "… 25% of Manono"
            return (
                [Relation("invested", investors[-1][1], next(iter(named), None), index)] if investors else []
            )  # else: of the stake before's
        if trigger[-1].lower_ in ("%", "percent", "per") or (len(trigger) > 2 and trigger[-2].lower_ == "of"):
            # "owns 49% of the Donald project", "owns 50% of Nemaska Lithium in Quebec"; not "holds 6% of the world's reserves"
            named = _named_after_of(trigger)
            last = named
            while last is not None and last + 1 < sent.end and doc[last + 1].is_title:
                last += 1  # the name's last word ("Baobab Lithium's")
            if last is not None and _whose(last, sent):  # "owns 51% of Kodal's Mali unit, Les Mines de …": of the unit
                named = next((m[0] for m in mentions if m[0] > last + 1 and m[2] in ("company", "facility")), named)
            subject = [m for m in mentions if m[2] in PARTY_KINDS | {"facility"} and m[0] == sent.start]  # what the sentence is about
            investees = (
                [m for m in investees if m[0] in (named, named - 1) and m[2] != "region"]  # the name, or "the" of a reference
                if named is not None
                else investees
                if where is not None  # "…, in which Albemarle owns 49%": of what the clause is about
                else subject
                if _VENTURE_SENTENCE.search(sent.text)
                else []
            )  # "X is a joint venture of A and B, …, while the Congolese government holds 20%": of X
            if named is None and not investees and investors:
                return [Relation("invested", investors[-1][1], None, index)]  # "…, while Orano holds 40.5%": of the stake before's
        further = {t.lower_ for t in doc[max(sent.start, trigger.start - 3) : trigger.start]} & {"further", "additional", "another"}
        earned = trigger[0].lower_ in ("earn", "earns") and doc[trigger.end : trigger.end + 1].text.lower() not in ("in", "of")
        if investors and not investees and (further or earned):  # "has agreed to invest $32.9 million for a further 6% stake",
            return [Relation("invested", investors[-1][1], None, index)]  # "to earn a 51% interest": of the stake before's
        if not investors or not investees:
            return []
        if investees[0][1] == investors[-1][1]:  # "X's largest shareholder, Galp, owns about 10% of the company": X, not Galp
            whose = [  # the company the sentence says is held ("X's largest shareholder")
                m
                for m in mentions
                if m[2] == "company"
                and m[1] != investors[-1][1]
                and m[0] < trigger.start
                and re.match(
                    r"[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*['’]s\s+(?:largest|biggest|main|major)\s+shareholder", doc[m[0] : m[0] + 6].text
                )
            ][:1]
            investees = whose or investees
        name_end = _name_end(investors[-1][0], sent)
        possessive = doc[name_end : name_end + 1].text in ("'s", "’s", "'", "’")
        if possessive and _WHOSE_STAKE_BOUGHT.search(doc[sent.start : investors[-1][0]].text):
            return []  # "bought Japan's Sumitomo Corp's 40% stake in Roca Honda": the seller's, no more
        holders = _listed(investors[::-1], sent, backwards=True)  # "Sojitz and JOGMEC jointly hold a stake"
        return [Relation("invested", holder[1], m[1], index) for holder in holders for m in _listed(investees, sent)]
    if kind == "restricts":
        if trigger[-1].lower_ == "imports":  # "the United States banned Russian uranium imports": the banning state, of Russia's
            imposers = [m for m in mentions if m[0] < trigger.start and m[2] == "country" and not _whose(m[0], sent)][-1:]
            origins = [m for m in mentions if trigger.start < m[0] < trigger.end and m[2] == "country"][:1]
            return [Relation("restricts", i[1], o[1], index) for i in imposers for o in origins] or [
                Relation("restricts", i[1], None, index) for i in imposers
            ]
        imposers = [m for m in mentions if m[0] < trigger.end and m[2] == "country"]
        clause_end = next(  # "… licences for exports of graphite since 2023, and it banned shipments to the US": not the licences'
            (t.i for t in doc[trigger.end : sent.end - 1] if t.text in (",", ";") and doc[t.i + 1].lower_ in ("and", "but", "while")),
            sent.end,
        )
        targets = [
            m
            for m in after
            if m[0] < clause_end
            and m[2] in PARTY_KINDS
            and m[1] != (imposers[-1][1] if imposers else None)
            and doc[m[0] - 1].lower_ in _TARGETED
            and doc[m[0] - 2 : m[0]].text.lower() != "according to"  # "…, according to Fastmarkets": who reports, no target
        ]
        if imposers:
            return [Relation("restricts", imposers[-1][1], targets[0][1] if targets else None, index)]
        return []
    if kind == "discovered":
        finders = [m for m in before if m[2] in PARTY_KINDS]
        return [Relation("discovered", finders[-1][1], None, index)] if finders else []
    return []


def supplies_with_shares(
    relations: list[Relation], sentence: str, start: int, figures: list[Figure], materials: list[str]
) -> tuple[list[Relation], list[Figure]]:
    """The sentence's supplies with the material it names first, and the share of the customer's
    needs a percentage gives ("about 90% of Japan's supply", "nearly 80% of its rare earths"),
    one supply a share; a stake with its share ("a stake of about 8%"); and the percentages so
    taken (no longer figures of their own)."""
    staked = [
        f
        for f in figures
        if f.unit == "percent"
        and (_STAKE_OF.search(sentence[: f.start - start]) or _STAKE_AFTER.match(sentence[f.end - start :]))
        and not HOLDER_SELLS.match(sentence[f.end - start :].lstrip())  # the seller's, not the buyer's
        and not HELD_TOGETHER.search(sentence[: f.start - start])  # "A and B jointly hold 51%": theirs together, no one's share
    ]  # "a stake of 8%", "a 20% stake"
    held = [r for r in relations if r.kind == "invested"]
    stakes = sorted((r for r in held if r.share is None), key=lambda r: r.at or 0)  # not one whose share is read ("sole owner")
    if staked and held:  # "a 5% stake in X and a 5% stake in Y": each its own, the stake read nearest the share
        pairs: dict[int, Figure] = {}  # "owns about 80% of X, and Y holds the rest": not Y's
        for share in staked:
            free = [r for r in stakes if id(r) not in pairs and r.at is not None] or [r for r in stakes if id(r) not in pairs]
            if free:
                pairs[id(min(free, key=lambda r: abs((r.at or 0) - share.end)))] = share
            each = re.search(  # "A and B, which each hold 39.6%", "A and B each own about 6%"
                r"\beach\s+(?:holds?|owns?)\s+(?:about\s+|around\s+|nearly\s+|roughly\s+|some\s+)?$", sentence[: share.start - start]
            )
            sold = re.search(r"[A-Za-z](?:'s|’s|'|’)\s+$", sentence[: share.start - start])  # "to buy AVZ's 75% stake": the buyer's too
            if free and (each or sold):
                same = next(r.at for r in stakes if pairs.get(id(r)) is share)  # the holders read with the share, not a state's before
                pairs |= {id(r): share for r in stakes if id(r) not in pairs and r.at == same}
        relations = [replace(r, share=pairs[id(r)].value, hedge=pairs[id(r)].hedge) if id(r) in pairs else r for r in relations]
    else:
        staked = []
    supplies = [replace(r, material=materials[0] if materials else None) for r in relations if r.kind == "supplies"]
    if not supplies:
        return relations, staked
    others = [r for r in relations if r.kind != "supplies"]
    if _MOSTLY_FROM.search(sentence):  # "imports 80% of its metals, mostly from China": of all its sources, not China's
        return others + supplies, staked
    dependence = _DEPENDENCE.search(sentence)  # "its dependence on China ... from 90% to 60%": shares of its needs
    shares = [
        f
        for f in figures
        if f.unit == "percent"
        and (
            _SHARE_OF_NEEDS.match(sentence[f.end - start :])
            or (dependence and dependence.start() < f.start - start)
            or re.search(r"\b(?:down|up)\s+from\s+$", sentence[: f.start - start])  # "60% …, down from 90% in 2010"
        )
    ]
    taken = [replace(r, share=f.value, hedge=f.hedge) for r in supplies[:1] for f in shares] or supplies
    return others + taken + supplies[1:], shares + staked


def held_through(sent: Span, mentions: list[tuple[int, str, str]], index: int) -> list[Relation]:
    """The holdings a sentence gives by "X, through Y,": X holds Y, the body it acts through
    ("the Mongolian government, through Erdenes Oyu Tolgoi, holds the remaining 34%")."""
    doc = sent.doc
    held = []
    for at, iri, kind in mentions:
        if kind in PARTY_KINDS and at - 2 >= sent.start and doc[at - 1].lower_ == "through" and doc[at - 2].text == ",":
            holders = [m for m in mentions if m[2] in PARTY_KINDS and m[0] < at - 2][-1:]
            held += [Relation("invested", holders[0][1], iri, index)] if holders and holders[0][1] != iri else []
    return held


def held_by_possessor(sent: Span, mentions: list[tuple[int, str, str]], index: int, owners_known: set[str]) -> list[Relation]:
    """The holdings a sentence gives by a company's (or a family's) possessive before a company's
    name ("a joint venture of Teck Resources and Glencore's PolyMet Mining": Glencore holds PolyMet;
    "the Alcantara family's Alsons Group"): by one of ``owners_known`` (a possessive name may be a
    place's: "Abu Dhabi's Mubadala"), or by any where the name is called a unit ("Rio Tinto's
    Kennecott unit")."""
    doc = sent.doc
    companies = {at: iri for at, iri, kind in mentions if kind == "company"}
    owners = {at: iri for at, iri, kind in mentions if kind in ("company", "org")}
    held = []
    for at, iri in owners.items():
        mark = next((t.i for t in doc[at : min(at + 5, sent.end)] if t.text in ("'s", "’s")), None)
        if mark is None or not all(t.is_title or t.is_upper or t.lower_ == "family" for t in doc[at:mark]) or mark + 1 not in companies:
            continue
        unit = next((t for t in doc[mark + 1 : min(mark + 5, sent.end)] if not (t.is_title or t.is_upper)), None)
        owned = companies[mark + 1]
        called = unit is not None and unit.lower_ in ("unit", "subsidiary", "arm")  # "Rio Tinto's Kennecott unit": a holder, whoever
        if owned != iri and (iri in owners_known or called):
            held.append(Relation("invested", iri, owned, index, at=doc[mark + 1].idx))
    return held


def positions_in(text: str, start: int, mentions: list[Mention], countries: dict[str, tuple[str, str]], index: int) -> list[Relation]:
    """The positions a sentence (``text`` from offset ``start``) gives people by a title before
    their name ("Australian Prime Minister Anthony Albanese", "Lynas CEO Amanda Lacaze"), or
    after it ("Jon Hykawy, president of Stormcrow Capital"): a relation ``position`` from the
    person to the organisation the position is of, or the country named with the title (by its
    label or demonym in ``countries``, label → (IRI, kind)), if any, with the title."""
    found = []
    parties = sorted((m for m in mentions if m.kind in PARTY_KINDS), key=lambda m: m.start)
    for person in (m for m in mentions if m.kind == "person"):
        after = _TITLE_AFTER.match(text[person.end - start :])
        if after:  # the organisation "of" which: the first named after, past a possessive ("of Japan's Institute …")
            at = person.end + after.end()
            of = [m for m in parties if at <= m.start and re.fullmatch(r"[a-z\s]*", text[at - start : m.start - start])]
            if of and text[of[0].end - start :].startswith(("'s", "’s")):
                of = [m for m in parties if m.start > of[0].end][:1]
            if of:
                title = after.group("title")
                found.append(Relation("position", person.ref_iri, of[0].ref_iri, index, title=_title_case(title)))
                continue
        appointed = _AS_TITLE.match(text[person.end - start :]) if _APPOINTED.search(text[: person.start - start]) else None
        if appointed:  # "X has appointed Wu Lei as chief executive": X's, the sentence's subject (not "China's" of its name)
            appointers = [m for m in parties if m.start < person.start and not text[m.end - start :].startswith(("'s", "’s"))][:1]
            title = _title_case(appointed.group("title"))
            found.append(Relation("position", person.ref_iri, appointers[0].ref_iri if appointers else None, index, title=title))
            continue
        whose = _WHOSE_TITLE.match(text[person.end - start :])
        employers = [m for m in parties if whose and m.start == person.end + whose.start("whose")]
        if whose and employers:  # "Kyle Nazareth, the company's chief executive", "Jane Doe, Lynas's chief executive"
            found.append(Relation("position", person.ref_iri, employers[0].ref_iri, index, title=_title_case(whose.group("title"))))
            continue
        titled = _TITLED_NAME.search(text[: person.end - start])
        if titled is None:
            continue
        where = (start + titled.start("where"), start + titled.start("title"))
        named = [m.ref_iri for m in parties if where[0] <= m.start < where[1]]  # "Lynas CEO Amanda Lacaze"
        if re.search(r"\b(?:its|their)\s+$", text[: where[0] - start]):  # "China and its President Xi Jinping": whose
            earlier = [m for m in parties if m.start < where[0]]
            companies = [m for m in earlier if m.kind == "company"]  # "X, which runs a mine in New Caledonia, …, its chairman"
            named += [m.ref_iri for m in companies or earlier][-1:]
        for word in titled.group("where").split():
            name = DEMONYMS.get(word.lower(), word).lower()
            if countries.get(name, ("", ""))[1] == "country":
                named.append(countries[name][0])
        if not named and titled.group("title") == "president":  # "Russia's Nornickel plans …, president Vladimir Potanin said"
            named = [m.ref_iri for m in parties if m.kind == "company" and m.start < where[1]][:1]  # a company's, in lower case
        found.append(Relation("position", person.ref_iri, named[0] if named else None, index, title=_title_case(titled.group("title"))))
    return found


_CLAUSE_VERBS = {
    "holds",
    "hold",
    "owns",
    "own",
    "controls",
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "said",
    "says",
}


def _past_an_aside(words: list[Token]) -> list[Token]:
    """``words`` between two names without an aside on the first (", which owns 60%,") and the
    comma closing it, so what joins the names is read: "and the state-owned"."""
    if len(words) < 4 or words[0].text != "," or words[1].lower_ not in ("which", "who"):
        return words
    close = next((i for i, t in enumerate(words[2:], 2) if t.text == ","), None)
    return words[close + 1 :] if close is not None else words


def _opens_a_clause(at: int, sent: Span) -> bool:
    """Whether the name at token ``at`` is the subject of a clause of its own: a verb follows it
    (past its name's words and "government": "the Malian government holds", "Congolese state miner Gecamines holds")."""
    words = (
        t for t in sent.doc[at + 1 : sent.end] if not (t.is_title or t.is_upper or t.lower_ in {"government", "state"} | COMPANY_NOUNS)
    )
    return next((t.lower_ for t in words), "") in _CLAUSE_VERBS


def _named_after_of(trigger: Span) -> int | None:
    """Where the name of what a share is of begins, past "of", "the" and a word placing it ("owns
    49% of the Donald project", "50% plus one share of X", "the remaining 25% of Manono", "50% of
    the nearby Wodgina mine"), or past a company described before its name ("16% of the project's
    local company, Uranex Tanzania"); None without "of"."""
    doc = trigger.doc
    if len(trigger) > 2 and trigger[-2].lower_ == "of":
        return trigger.end - 1  # "owns the remaining 10% of PT Weda Bay Nickel": the trigger reads "of" and the name's first word
    of = trigger.end + 3 * (doc[trigger.end : trigger.end + 3].text.lower() == "plus one share")
    if doc[of : of + 1].text != "of":
        return None
    described = re.match(  # "the project's local company, Uranex Tanzania", "the project company Imouraren SA"
        r"the\s+(?:\w+\s*['’]s\s+)?(?:[a-z]+\s+){0,2}(?:company|unit|subsidiary|operator)\s*,?\s*[A-Z]", doc[of + 1 : of + 9].text
    )
    if described:
        return next(t.i for t in doc[of + 2 : of + 9] if t.text[:1].isupper())
    at = of + 1 + (doc[of + 1 : of + 2].text.lower() == "the")
    return at + (doc[at : at + 1].text.lower() in NEARBY_WORDS)


def _paid_for_a_material(trigger: Span, mentions: list[tuple[int, str, str]]) -> bool:
    """Whether the sentence pays, after ``trigger``, for a material it names ("to pay … for rare
    earth concentrate"): a purchase of it."""
    doc = trigger.doc
    return any(m[2] == "material" and m[0] > trigger.end and doc[m[0] - 1].lower_ == "for" for m in mentions)


def _name_end(at: int, sent: Span) -> int:
    """Where the capitalised name opening at token ``at`` ends (a family's with its word: "the
    Alcantara family")."""
    end = at + 1
    while end < sent.end and sent.doc[end].is_title:
        end += 1
    return end + 1 if end < sent.end and sent.doc[end].lower_ == "family" else end


def _whose(at: int, sent: Span) -> bool:
    """Whether the name at token ``at`` only says whose the next one is ("China's Tsingshan",
    "Ira Rennert's Renco Group", "Charger Metals' Lake Johnston")."""
    end = _name_end(at, sent)
    mark = sent.doc[end : end + 1].text
    possessive = mark in ("'s", "’s") or (mark in ("'", "’") and sent.doc[end - 1].text.endswith("s"))
    return possessive and end + 1 < sent.end and sent.doc[end + 1].is_title


def _owns_the_next(at: int, mentions: list[tuple[int, str, str]], sent: Span) -> bool:
    """Whether the name at token ``at`` only says whose a party named just after it is, whatever
    describes that one ("Daido Steel's unit Daido Electronics")."""
    end = _name_end(at, sent)
    return sent.doc[end : end + 1].text in ("'s", "’s") and any(end < m[0] <= end + 4 for m in mentions if m[2] in PARTY_KINDS)


def _whose_unnamed(at: int, sent: Span) -> bool:
    """Whether the name at token ``at`` only says whose an unnamed holder is ("New Caledonia's three
    provinces"), not a state acting ("Japan's government")."""
    end = _name_end(at, sent)
    after = sent.doc[end + 1 : end + 2]
    return sent.doc[end : end + 1].text in ("'s", "’s") and bool(after) and after[0].is_lower and after[0].lower_ not in COUNTRY_REFERENCES


def _placed(at: int, sent: Span) -> bool:
    """Whether the name at token ``at`` says where something is: "in Kazakhstan", "near
    Houston", "in southern Mali"."""
    before = at - 1 - (at - 1 > sent.start and sent.doc[at - 1].text.title() in COMPASS_WORDS and sent.doc[at - 1].is_lower)
    return before >= sent.start and sent.doc[before].lower_ in ("in", "near")


def _singular(word: str) -> str:
    """A plural noun's singular, roughly: "plants" plant, "facilities" facility, "business" itself."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _title_case(title: str) -> str:
    """A title as written in a sheet: "Prime Minister", "CEO", "Chairman", "Minister of Minerals"."""
    words = title.split()
    return " ".join(
        w.upper() if w.lower() == "ceo" else w.lower() if n and w.lower() in ("of", "for", "and") else w.capitalize()
        for n, w in enumerate(words)
    )


def _lender(at: int, sent: Span) -> bool:
    """Whether the name at token ``at`` is a bank's or a fund's, or is, or is part of, the name
    after "from" ("a loan from Export Finance Australia for its project", "from the Australian and
    South Australian governments to keep its smelter open": not Australia's)."""
    name = sent.doc[
        at : next((t.i for t in sent.doc[at : sent.end] if not (t.is_title or t.is_upper or t.lower_ in ("of", "the", "-"))), sent.end)
    ]
    if {t.lower_ for t in name} & {"bank", "fund"}:
        return True  # "the Export-Import Bank of the United States … a loan for its plant": a lender owns no plant
    if re.search(rf"\bfrom\b[^,;]*\b(?:{'|'.join(sorted(_GROUPS))})\s+led\s+by\s*$", sent.doc[sent.start : at].text):
        return True  # "loans from a group of banks led by Citi to expand its mine": the lenders' leader
    if _GIVEN_BY.search(sent.doc[sent.start : at].text):
        return True  # "South32 has been awarded $20 million by the U.S. Department of Energy to study … its project": the giver
    while at > sent.start and (
        sent.doc[at - 1].is_title or sent.doc[at - 1].is_upper or sent.doc[at - 1].lower_ in ("the", "and", "'s", "’s")
    ):
        at -= 1  # "from Germany's KfW raw materials fund": the fund's, past its country
    described = _FROM_DESCRIBED.search(sent.doc[sent.start : at].text)  # "from Brazil's development bank BNDES"
    return bool(described) or (at > sent.start and sent.doc[at - 1].lower_ == "from")


_FROM_DESCRIBED = re.compile(r"\bfrom\s+(?:the\s+)?(?:[A-Z][\w.&-]*\s+){0,3}?[A-Z][\w.&-]*['’]s\s+(?:[a-z-]+\s+){0,2}[a-z-]+\s*$")


def _locates(mention: tuple[int, str, str], mentions: list[tuple[int, str, str]], sent: Span) -> bool:
    """Whether a country or region after a comma says where the place or facility before it is
    ("a plant in La Rochelle, France")."""
    doc, at = sent.doc, mention[0]
    if mention[2] not in ("country", "region") or at - 1 <= sent.start or doc[at - 1].text != ",":
        return False
    return any(
        start < at - 1
        and (
            (kind in ("city", "region") and all(t.is_title or t.is_upper for t in doc[start : at - 1]))
            or (kind == "facility" and at - 1 - start <= 8 and not any(t.is_punct for t in doc[start : at - 1]))  # "plant in La Rochelle"
        )
        for start, _, kind in mentions
    )


def _qualifies_a_group(at: int, sent: Span) -> bool:
    """Whether the name at ``at`` only qualifies a plural common noun after it ("U.S. chipmakers")."""
    doc = sent.doc
    end = next((t.i for t in doc[at : sent.end] if not (t.is_title or t.is_upper)), sent.end)
    return end < sent.end and doc[end].is_lower and doc[end].text.endswith("s") and doc[end].lower_ not in _NOT_GROUPS


_NOT_GROUPS = {"is", "was", "has", "as", "its", "this", "thus", "plus", "less", "across", "towards", "afterwards", "'s", "’s"}


def _needs_of(at: int, sent: Span) -> bool:
    """Whether the name at ``at`` says whose needs the word after it are ("European demand")."""
    doc = sent.doc
    end = next((t.i for t in doc[at : sent.end] if not (t.is_title or t.is_upper)), sent.end)
    return end < sent.end and doc[end].lower_ in NEEDS_NOUNS


def _reports(at: int, sent: Span) -> bool:
    """Whether the name at ``at`` tells the sentence after a comma ("…, Namibia Critical Metals said on Wednesday")."""
    doc = sent.doc
    end = next((t.i for t in doc[at : sent.end] if not (t.is_title or t.is_upper)), sent.end)
    return doc[at - 1].text == "," and end < sent.end and doc[end].lower_ in ("said", "says", "told", "added", "announced", "reported")


def _owns_a_common_noun(at: int, sent: Span) -> bool:
    """Whether the name at ``at`` owns a common noun after it ("Pakistan's minerals sector")."""
    doc = sent.doc
    end = next((t.i for t in doc[at : sent.end] if not (t.is_title or t.is_upper)), sent.end)
    return end + 1 < sent.end and doc[end].lower_ in ("'s", "’s") and doc[end + 1].is_lower


def _describes(at: int, sent: Span, starts: set[int]) -> bool:
    """Whether the word at ``at`` (a demonym) describes the name after it: lowercase words,
    then a name ("Canadian investor Blue Lake Capital", "Chinese refiner Gansu Rare Earth"), or a
    firm it does not name ("with a Chinese partner", "an Indian company")."""
    doc = sent.doc
    if _needs_of(at, sent):
        return False  # "30% of Japanese demand for rare earths": the country, whose needs are met
    if at > sent.start and doc[at - 1].lower_ in ("a", "an") and doc[at + 1 : at + 2].text.lower() in COMPANY_NOUNS | {"partner"}:
        return True
    for end in range(at + 1, min(at + 5, sent.end)):
        if end in starts:
            return end > at + 1
        if not sent.doc[end].is_lower:
            return False
    return False


def apposed(sent: Span, end: int, *, clauses_only: bool = False) -> set[int]:
    """The token indexes of the appositions and relative clauses closed before token ``end``
    (only the clauses with ``clauses_only``): from ", one of" (or ", the", ", a", ", owned by",
    ", formed", ", which", …) to the comma that closes it, the one a lower-case word follows (not
    one between names: ", which is owned by Hydro, Elkem and Altor, will supply")."""
    doc, inside, start = sent.doc, set(), None
    openers: tuple[str, ...] = ("which", "who")
    if not clauses_only:
        openers += ("one", "the", "a", "an", "owned", "controlled", "backed", "run", "formed", "created", "founded", "already")
    # "X, owned equally by A and B, has started", "Arcadium, formed … by the merger of Allkem and Livent, operates",
    # "Glencore, already Li-Cycle's largest creditor, had supplied"
    for token in doc[sent.start : end]:
        if token.text == "," and start is None and token.i + 1 < end and doc[token.i + 1].lower_ in openers:
            start = token.i
        elif token.text == "," and start is not None and _closes(doc, token.i):
            inside |= set(range(start, token.i))
            start = None
    return inside


_MONEY_NEXT = re.compile(
    r"(?:up\s+to\s+|about\s+|some\s+|another\s+)?(?:(?:[A-Z]{0,3}\$|€|£|¥)\s?\d"
    rf"|\d[\d.,]*\s+(?:million|billion|trillion)\s+(?:{'|'.join(sorted(w for w in CURRENCIES if w.isalpha()))})\b)",
    re.IGNORECASE,
)  # "$5 million", "20 billion roubles"
_GROUPS = {"banks", "lenders", "investors", "group", "consortium", "syndicate", "funds"}  # "a group of banks led by Citi"


_WHOSE_STAKE_BOUGHT = re.compile(r"\b(?:bought|acquired|purchased)(?:\s+[A-Z][\w.&'’-]*)*\s*$")
"""A past purchase just before the seller whose stake it was ("bought Japan's Sumitomo Corp's 40% stake")."""


def _reports_before(at: int, end: int, sent: Span) -> bool:
    """Whether the company named at ``at`` opens the sentence and reports what follows up to
    ``end`` ("Energy Fuels Inc said the U.S. government has added its …")."""
    doc = sent.doc
    said = next((t.i for t in doc[at:end] if t.lower_ in ("said", "says")), None)
    return at == sent.start and said is not None and all(t.is_title or t.is_upper for t in doc[at:said])


def _led_group(at: int, sent: Span) -> bool:
    """Whether the name at token ``at`` leads a group the sentence leaves unnamed ("a Japanese
    consortium led by Mitsui & Co"): the group acts, not its leader."""
    doc = sent.doc
    return at - 3 >= sent.start and doc[at - 2 : at].text.lower() == "led by" and doc[at - 3].lower_ in _GROUPS


def _given_to(at: int, sent: Span) -> bool:
    """Whether the name at token ``at`` is what something is given or sold to ("to French carmaker
    Renault"): "to" before it, past the words that describe it."""
    doc, before = sent.doc, at - 1
    while (
        before > max(sent.start, at - 4)  # "to French carmaker Renault": a word or two that describe it
        and (doc[before].is_lower or doc[before].lower_ in DEMONYMS)
        and doc[before].lower_ not in DETERMINERS | {"to", "its", "their"}
    ):
        before -= 1
    return doc[before].lower_ == "to"


def _closes(doc: Doc, comma: int) -> bool:
    """Whether the comma at ``comma`` closes an apposition: a lower-case word follows it, not
    "and" or "or" before a name (", and Altor": the list goes on; ", and handed": it closes)."""
    after = doc[comma + 1 : comma + 3]
    return bool(len(after)) and after[0].is_lower and not (after[0].lower_ in ("and", "or") and len(after) > 1 and after[1].is_title)


def _governing(at: int, sent: Span, mentions: list[tuple[int, str, str]]) -> str:
    """The word before the name at token ``at``, past a possessor naming it ("from Germany's KfW
    raw materials fund": "from"), lower case."""
    doc = sent.doc
    if at - 1 > sent.start and doc[at - 1].text in ("'s", "’s"):
        possessor = [m[0] for m in mentions if m[0] < at - 1 and m[2] in ("country", "region", "city")]
        at = possessor[-1] if possessor else at
    return doc[max(at - 1, sent.start)].lower_


def _relative_clauses(sent: Span) -> list[tuple[int, int]]:
    """The token spans of the sentence's non-restrictive relative clauses (", which runs the mine,"): from
    the comma before "which" or "who" to the comma that closes it."""
    doc = sent.doc
    opens = [t.i for t in sent if t.text == "," and t.i + 1 < sent.end and doc[t.i + 1].lower_ in ("which", "who")]
    return [(i, next((t.i for t in doc[i + 1 : sent.end] if t.text == ","), sent.end)) for i in opens]


def _past_articles(doc: Doc, at: int) -> int:
    """Where a name begins at ``at``, past an article and a word of place ("bought the nearby Renard mine": Renard)."""
    while at < len(doc) and doc[at].lower_ in {"the", "a", "an"} | NEARBY_WORDS:
        at += 1
    return at


def _past_origin(doc: Doc, at: int) -> int:
    """Where a name begins at ``at``, past a country it is from ("bought Canada's Fission Uranium": Fission)."""
    whose = next((t.i for t in doc[at : min(at + 3, len(doc))] if t.text in ("'s", "’s")), None)
    return whose + 1 if whose is not None and all(t.ent_type_ == "COUNTRY" for t in doc[at:whose]) else at


def _antecedent(trigger: Span, sent: Span, before: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """The party a relative clause opening with the trigger is about ("Rainbow Rare Earths, which
    is developing"): the one named just before ", which" (or ", who"), or before an apposition
    ("Lindi Jumbo, an Australian-listed miner developing"), if any."""
    at = trigger.start
    while at > sent.start and sent.doc[at - 1].lower_ in _CLAUSE_AUXILIARIES:
        at -= 1
    if at > sent.start and sent.doc[at - 1].lower_ in COMPANY_NOUNS:  # "Lindi Jumbo, an Australian-listed miner developing"
        comma = next((t.i for t in reversed(sent.doc[max(sent.start, at - 6) : at]) if t.text == ","), None)
        if comma is not None and sent.doc[comma + 1].lower_ in ("a", "an", "the"):
            return [m for m in before if m[2] in PARTY_KINDS and m[0] < comma][-1:]
    if at - 2 < sent.start or sent.doc[at - 1].lower_ not in ("which", "who") or sent.doc[at - 2].text != ",":
        return []
    return [m for m in before if m[2] in PARTY_KINDS and m[0] < at - 2][-1:]


def _coordinated(trigger: Span, sent: Span) -> bool:
    """Whether the trigger is a verb joined by "and" to the clause before ("… and now runs"), so
    its subject is that clause's."""
    at = trigger.start
    while at > sent.start and sent.doc[at - 1].lower_ in _CLAUSE_AUXILIARIES:
        at -= 1
    return at > sent.start and sent.doc[at - 1].lower_ == "and"


def _object_antecedent(trigger: Span, sent: Span, mentions: list[tuple[int, str, str]]) -> tuple[str, str] | None:
    """The party and the facility of a relative clause whose object is the facility before it
    ("the Donald project, which Astron Corp is developing": Astron, Donald; "a metal plant it plans
    to build": the sentence's subject's), if the trigger closes such a clause."""
    doc, at = sent.doc, trigger.start
    while at > sent.start and doc[at - 1].lower_ in _CLAUSE_AUXILIARIES | {"will", "would", "plans", "plan", "to"}:
        at -= 1
    if at - 2 >= sent.start and doc[at - 1].lower_ in ("it", "they") and doc[at - 2].lower_ in FACILITY_NOUNS:
        built = [m for m in mentions if m[2] == "facility" and at - 8 <= m[0] < at - 1][-1:]  # "a metal plant it plans to build"
        subject = [m for m in mentions if m[2] in PARTY_KINDS and m[0] < at and doc[max(m[0] - 1, sent.start)].lower_ != "with"][:1]
        return (subject[0][1], built[0][1]) if built and subject else None
    party = next(
        (
            m
            for m in mentions
            if m[2] in PARTY_KINDS
            and m[0] < at
            and (all(t.is_title or t.is_upper for t in doc[m[0] : at]) or (m[0] == at - 1 and doc[m[0]].lower_ in ("it", "they")))
        ),
        None,
    )  # "the Donald project, which Astron Corp is developing"; "the Shea Creek project, which it runs with UEC"
    if party is None or party[0] - 2 < sent.start or doc[party[0] - 1].lower_ not in ("which", "that") or doc[party[0] - 2].text != ",":
        return None
    facility = [m for m in mentions if m[2] == "facility" and m[0] < party[0] - 2][-1:]
    return (party[1], facility[0][1]) if facility else None


_WAYS = {"ways", "methods", "technology", "technologies", "processes", "techniques"}
"""What is developed when no site is ("to develop ways to process ore from its project")."""
_LEVIES = {"duties", "duty", "tariffs", "tariff", "levies", "levy", "taxes", "tax"}
"""What a state charges on imports ("duties on imports from four countries"): no one's supply."""
_SHARE_NEXT = re.compile(r"^(?:\w+\s+)?[\d.,]+\s*(?:%|percent|per\s+cent)|^(?:half|a\s+third|a\s+quarter)\s+of\b")
_UNNAMED_PARTIES = {
    "customers",
    "buyers",
    "partners",
    "investors",
    "suppliers",
    "clients",
    "automakers",
    "carmakers",
    "several",
    "potential",
}
_COUNTED_GROUP = re.compile(r"^(?:two|three|four|five|several|some|\d+)\s+(?:[A-Z][\w.-]*\s+)?[a-z]+s\b")  # "two U.S. utilities"
_BEFORE_A_NOUN = {"a", "the", "few", "main", "key", "major", "other", "new", "only", "its", "their", "largest", "biggest", "alternative"}
_PURCHASE_FROM = re.compile(r"^(?:\S+\s+){0,6}?to\s+(?:buy|purchase|source|supply|sell)\b")
_CLAUSE_AUXILIARIES = {
    *("is", "was", "are", "were", "has", "have", "had", "been", "being", "also", "now", "currently", "already"),
    *("could", "would", "will", "may", "might", "can"),  # "Lucid Group, which could buy"
}


def _listed(candidates: list[tuple[int, str, str]], sent: Span, *, backwards: bool = False) -> list[tuple[int, str, str]]:
    """The first entity of ``candidates`` and those listed after it ("Japan, South Korea and
    India", "especially in Australia and Vietnam"); or, ``backwards``, before it (``candidates``
    nearest first: "Sojitz and JOGMEC hold"); a country only saying whose the next name is ("A, China's B
    and C") or where it is based ("A and U.S.-based B") is no entity of the list."""
    doc = sent.doc
    candidates = (
        [  # nor one saying where the next is from ("A and U.S.-based B")
            c
            for c in candidates
            if not (
                c[2] == "country" and (doc[c[0] + 1 : c[0] + 2].text in ("'s", "’s") or doc[c[0] + 2 : c[0] + 3].text.lower() in PLACE_TIES)
            )
        ]
        or candidates
    )
    listed = candidates[:1]
    for previous, current in zip(candidates, candidates[1:]):
        first, second = (current, previous) if backwards else (previous, current)
        words = [  # past the name's own words ("BMW i Ventures")
            t
            for t in sent.doc[first[0] + 1 : second[0]]
            if not (t.is_title or t.is_upper or (len(t) == 1 and t.is_alpha and t.nbor(1).is_title))
            and not (t.text == "-" and not t.whitespace_)  # "Mota-Engil"
        ]
        if not backwards:  # "China's Yakuyi Mining, which owns 60%, and the state-owned …": past the aside
            words = _past_an_aside(words)
        between = {t.lower_ for t in words}
        described = (  # "and trading house Iwatani", "and state-owned IREL"
            bool(words)
            and words[0].lower_ == "and"
            and len(words) <= 5
            and all(t.is_lower or t.text in ("-", "'s", "’s") or t.lower_.rsplit("-", 1)[-1] in PLACE_TIES for t in words)
        )  # "and U.S.-based Albemarle" too
        placed = (  # "the Olaroz lithium brine facility in Argentina's Jujuy province and the Mount Cattlin spodumene mine"
            FACILITY_WORDS | FACILITY_NOUNS | {"the", "province", "state", "region"} if first[2] == second[2] == "facility" else set()
        )
        if not (between - placed <= {",", "and", "or", "especially", "particularly", "in", "including", "'s", "’s", "the"} or described):
            break
        if not backwards and _opens_a_clause(current[0], sent):
            break  # "owns 65% of Goulamina and the Malian government holds the rest": a new clause's subject
        listed.append(current)
    return listed
