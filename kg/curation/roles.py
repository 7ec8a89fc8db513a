"""Who plays a part in a sentence's relations: definite references ("the miner", "the
government") and pronouns resolved to what the text named before, capitals and heads of
government as their countries, names that only say whose ("Japan's JOGMEC") left out, and a
company title read in the company the text is about."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Span

from kg.curation.candidates import listed_backers
from kg.curation.lexicon import (
    BLOC_REFERENCES,
    CAPITALS,
    COMPANY_TITLES,
    COMPASS_WORDS,
    COUNTRY_REFERENCES,
    FACILITY_NOUNS,
    FACILITY_REFERENCES,
    PART_NUMBERS,
    PARTNER_REFERENCES,
    PARTY_KINDS,
    PLACE_PREPOSITIONS,
    PRODUCT_NOUNS,
    PROGRAMME_REFERENCES,
    PURCHASE_VERBS,
    SUBJECT_PRONOUNS,
)
from kg.curation.proposals import Extraction, Mention, Relation
from kg.curation.relations import HEADS, apposed
from kg.vocab import entity_kind

__all__ = ["as_actors", "position_in_context", "resolve_references"]

_GIVING_VERBS = {
    "lend",
    "lent",
    "lends",
    "give",
    "gave",
    "gives",
    "pay",
    "paid",
    "offer",
    "offered",
    "award",
    "awarded",
    "grant",
    "granted",
}
_PREPOSITIONS = {"to", "from", "in", "on", "at", "for", "of", "with", "into", "after", "than", "behind", "by", "outside", "beyond", "near"}


def _index_of(result: Extraction, start: int) -> int:
    """The index of the sentence of ``result`` holding the offset ``start``."""
    return next(n for n, sentence in enumerate(result.sentences) if sentence.start <= start < sentence.end)


def _after_preposition(mention: Mention, result: Extraction) -> bool:
    """Whether a mention follows a preposition ("exports to Japan"): a place or a target, not who acts."""
    sentence = result.sentences[mention.sentence]
    before = sentence.text[: mention.start - sentence.start].split()
    return bool(before) and before[-1].lower() in _PREPOSITIONS


def _names_origin(mention: Mention, result: Extraction) -> bool:
    """Whether a country's mention says where a name after it is from ("Australia's Meteoric
    Resources", "the U.S. Geological Survey"): it does not act in its sentence."""
    sentence = result.sentences[mention.sentence]
    return bool(re.match(r"(?:['’]s)?\s+[A-Z][a-z]", sentence.text[mention.end - sentence.start :]))


def position_in_context(relation: Relation, result: Extraction) -> Relation:
    """A company's title with no company named ("Chief Executive Tony Sage said") as held in
    the company the text has named most up to there (one it said runs a site, else the latest, of those); a commissioner's in the
    body so named; a head of
    government's ("Prime Minister Sanae Takaichi said Tokyo would") in the country its
    sentence names, or else the one the text names most as an actor; any other relation as it is."""
    if relation.kind != "position" or relation.object:
        return relation
    if relation.title in HEADS or any(
        word in (relation.title or "") for word in ("Minister", "Secretary", "Senator", "Governor")
    ):  # of a government: "Trade minister Yoji Muto said Tokyo", "The Philippine Senate …, Senator Raffy Tulfo said"
        # not the country of another head the sentence names ("Trump and Australian Prime Minister Albanese")
        others = {r.object for r in result.relations if r.kind == "position" and r.sentence == relation.sentence and r.object}
        return replace(relation, object=_country_in_context(relation.sentence, result, others))
    until = result.sentences[relation.sentence].end
    if "Commissioner" in (relation.title or ""):  # "Industry Commissioner X": of the body the text names most, the latest of those
        bodies = [m.ref_iri for m in result.mentions if m.kind in ("org", "agency") and m.start < until]
        return replace(relation, object=max(reversed(bodies), key=bodies.count)) if bodies else relation
    if relation.title not in COMPANY_TITLES:
        return relation
    named = [(m.start, m.ref_iri) for m in result.mentions if m.kind == "company" and m.start < until]
    referred = [(at, iri) for at, iri in result.resolved.items() if at < until and iri in {n for _, n in named}]  # "the company"
    before = [iri for _, iri in sorted(named + referred)]
    if not before:
        return relation
    runs = _site_runners(result, before=relation.sentence)
    counts = Counter(before)  # the company the text is about: named most, then one said to run a site, then its sentence's subject
    subject = next((iri for at, iri in sorted(named) if result.sentences[relation.sentence].start <= at), None)
    return replace(relation, object=max(reversed(before), key=lambda iri: (counts[iri], iri in runs, iri == subject)))  # then the latest


def _site_runners(result: Extraction, before: int | None = None) -> set[str]:
    """The companies the text has said run a site (in the sentences ``before`` that one, if given):
    whom a text is about, where its names tie."""
    return {r.subject for r in result.relations if r.kind == "operates" and (before is None or r.sentence < before)}


def _country_in_context(index: int, result: Extraction, taken: set[str]) -> str | None:
    """The country a sentence names (a capital as its country), or else the one the text has
    named most up to there, not as a place or target ("to Japan"), and not one ``taken``."""
    countries = {m.text.lower(): m.ref_iri for m in result.mentions if m.kind == "country"}
    here = [m for m in result.mentions if m.sentence == index and not _after_preposition(m, result)]
    named = [m.ref_iri if m.kind == "country" else countries.get(CAPITALS.get(m.text.lower(), "").lower()) for m in here]
    if found := [iri for iri in named if iri and iri not in taken]:
        return found[0]
    acting = [
        m.ref_iri
        for m in result.mentions
        if m.kind == "country" and m.sentence <= index and not _after_preposition(m, result) and m.ref_iri not in taken
    ]
    counts = Counter(acting)
    return max(reversed(acting), key=lambda iri: counts[iri]) if acting else None


def as_actors(
    sent: Span,
    resolved: list[tuple[int, str, str]],
    triggers: list[tuple[str, Span]],
    offset: int,
    result: Extraction,
    positions: list[Relation],
    labels: dict[str, tuple[str, str]],
) -> list[tuple[int, str, str]]:
    """The sentence's entities as a relation's roles take them: a head of government
    ("Prime Minister Albanese") and a capital that is not a place ("Tokyo has reduced", not
    "signed in Tokyo") as their country; "it" or "they" before a trigger as the actor named
    before it in the sentence, else the latest company named (kept in ``result.resolved`` for the
    curator to check)."""
    doc, actors = sent.doc, []
    heads = {p.subject: p.object for p in positions if p.title in HEADS and p.object}
    parties = {i: kind in PARTY_KINDS for i, _, kind in resolved}
    kinds = {i: kind for i, _, kind in resolved}
    for i, iri, kind in resolved:
        if i > sent.start and doc[i - 1].text == "(":
            continue  # "IREL (India) Limited": a name's part
        name_end = next((t.i for t in doc[i : min(i + 5, sent.end)] if not (t.is_title or t.is_upper)), sent.end)
        whose = name_end < sent.end and doc[name_end].lower_ in ("'s", "’s") and parties.get(name_end + 1)
        if whose and kind != "person" and not (kind == "company" and kinds.get(name_end + 1) == "country"):
            continue  # "South Korea's POSCO Holdings": says whose, is no party (not "Ira Rennert's Renco", "Kodal's Mali unit")
        if iri in heads:
            actors.append((i, heads[iri], "country"))
            continue
        country = CAPITALS.get(doc[i].lower_ if doc[i].lower_ in CAPITALS else doc[i : i + 2].text.lower())
        placed = i > sent.start and doc[i - 1].lower_ in PLACE_PREPOSITIONS
        if kind == "city" and country and country.lower() in labels and not placed:
            iri, kind = labels[country.lower()]
        actors.append((i, iri, kind))
    last = max((span.start for _, span in triggers), default=sent.start)
    for pronoun in (t for t in doc[sent.start : last] if t.lower_ in SUBJECT_PRONOUNS and offset + t.idx not in result.resolved):
        here = [  # "Kazakhstan said it had"; not "sends oxides to China, but it", nor "… to the U.S. Army, and it buys"
            (iri, kind)
            for i, iri, kind in actors
            if i < pronoun.i
            and i not in apposed(sent, pronoun.i, clauses_only=True)  # "X, which is owned by Y, … a plant it plans": not Y
            and kind in PARTY_KINDS
            and doc[max(i - 1, sent.start)].lower_ not in _PREPOSITIONS
            and not (
                doc[max(i - 1, sent.start)].lower_ in {"the", *(w.lower() for w in COMPASS_WORDS)}
                and doc[max(i - 2, sent.start)].lower_ in _PREPOSITIONS
            )
        ]  # not "… in northern Finland, which it bought": a place
        earlier = here[-1:] or [(m.ref_iri, m.kind) for m in result.mentions if m.kind == "company" and m.start < offset + pronoun.idx][-1:]
        if not earlier:
            continue
        start = offset + pronoun.idx
        result.references.append(Mention(pronoun.text, start, start + len(pronoun), None, "reference", _index_of(result, start)))
        result.resolved[start] = earlier[0][0]
        actors.append((pronoun.i, *earlier[0]))
    return sorted(actors)


_HOLDER_CLAUSE = re.compile(r",\s+which\s+(?:also\s+)?(?:holds|owns|controls)\b")
"""A clause saying what the company it follows holds: what it holds is another company ("… of the company")."""


def resolve_references(
    sent: Span, mentions: list[Mention], references: list[Span], offset: int, result: Extraction
) -> list[tuple[int, str, str]]:
    """The sentence's mentions as (token index, IRI, kind); "the miner"-style references
    resolve to the latest company their sentence names before them, or else to the company the
    sentence before opens with, or else to the latest company mentioned that the text says runs
    a site, or else to the latest company mentioned; "the refinery"-style ones to the
    latest facility whose name says it is one, "the partners"-style ones to each party of the
    latest agreement (kept in ``result.resolved``, for the curator to check)."""
    resolved = []
    for mention in mentions:
        span = sent.doc.char_span(mention.start - offset, mention.end - offset, alignment_mode="expand")
        if span is not None:
            resolved.append((span.start, mention.ref_iri, mention.kind))
    for ref in references:
        noun = ref[-2].lower_ if ref[-1].lower_ in PART_NUMBERS else ref[-1].lower_  # "Stage one": a stage of the project
        named_ventures = [  # "X, a joint venture of A and B, … Toyota Tsusho holds 76% of the venture": X
            r.object
            for r in result.relations
            if noun == "venture"
            and r.kind == "invested"
            and r.object
            and re.search(r"\bjoint venture (?:of|between)\b", result.sentences[r.sentence].text)
        ]
        if named_ventures:
            resolved.append((ref.start, named_ventures[-1], "company"))
            result.resolved[offset + ref.start_char] = named_ventures[-1]
            continue
        called = [  # "the Moa Joint Venture produced … Sherritt owns half of the venture": the one its name calls a venture
            m
            for m in result.mentions
            if noun == "venture" and m.start < offset + ref.start_char and (m.name or m.text).split()[-1].lower() in ("venture", "jv")
        ]
        if called:
            resolved.append((ref.start, called[-1].ref_iri, called[-1].kind))
            result.resolved[offset + ref.start_char] = called[-1].ref_iri
            continue
        if noun == "venture":  # "hold 30% of the venture": the joint venture of the latest agreement's parties
            venture = _joint_venture(ref, offset, result)
            if venture is not None:
                result.mentions.append(venture)
                resolved.append((ref.start, venture.ref_iri, "company"))
                result.resolved[offset + ref.start_char] = venture.ref_iri
            continue
        if noun in PARTNER_REFERENCES:  # "The partners plan to build": each party of the latest agreement
            deals = [r for r in result.relations if r.kind in ("agreement", "talks") and r.object]
            if deals:
                parties = [deals[-1].subject, deals[-1].object or ""]
                resolved += [(ref.start, iri, entity_kind(iri)) for iri in parties]
                result.resolved[offset + ref.start_char] = parties[0]
            continue
        if ref[0].lower_ in ("his", "her"):  # "President X said his government would": the country the text's heads act for
            country = _country_in_context(len(result.sentences) - 1, result, set())
            if country is not None:
                resolved.append((ref.start, country, "country"))
                result.resolved[offset + ref.start_char] = country
            continue
        kind = "facility" if noun in FACILITY_REFERENCES else "company"
        kind = "country" if noun in COUNTRY_REFERENCES else "org" if noun == "council" else kind
        kind = "agency" if noun in ("ministry", "agency") else kind  # "the mines ministry": a body named before, no company
        kind = "programme" if noun in PROGRAMME_REFERENCES else "org" if noun in BLOC_REFERENCES else kind
        names = FACILITY_REFERENCES.get(noun, ())
        earlier = [
            m
            for m in sorted(result.mentions, key=lambda m: m.start)  # "Glencore, Electra's largest shareholder, … the company": Electra
            if m.kind == kind
            and m.start < offset + ref.start_char
            and (kind != "facility" or any(w in _what(m) for w in names) or _what(m).split()[-1] not in FACILITY_NOUNS)
            # "Kangankunde", "Weda Bay": a name that does not say what it is may be any
            and (kind != "country" or not (_after_preposition(m, result) or _names_origin(m, result)))
        ]  # "the refinery": the latest facility named a refinery (or a plant); "the government": the latest country acting
        sites = [m for m in result.mentions if m.kind == "facility" and m.start < offset + ref.start_char] if noun == "site" else []
        if not earlier and len({m.ref_iri for m in sites}) == 1:  # "a pilot refinery in Tulsa …. expand the site": the one named
            earlier = sites
        listed = {offset + sent.start_char + start for start, _ in listed_backers(sent.text)}
        earlier = [m for m in earlier if m.start not in listed]  # "Investors including A and B have put $X into the company": not B
        previous = _subject_of(result, len(result.sentences) - 2)  # "Heraeus Remloy, a unit of … group, recycles …. … the company"
        if kind == "company" and ref.start > sent.start and sent.doc[ref.start - 1].lower_ in _GIVING_VERBS:
            earlier = [m for m in earlier if m.sentence < len(result.sentences) - 1]  # "BNDES agreed to lend the company": not BNDES
        if (
            kind == "company"
            and ref.start > sent.start
            and sent.doc[ref.start - 1].lower_ == "of"
            and _HOLDER_CLAUSE.search(sent.text[: ref.start_char - sent.start_char])
        ):
            earlier = [m for m in earlier if m.sentence < len(result.sentences) - 1]  # "Tembo, which also holds 35% of the company"
        if earlier:
            this_sentence = earlier[-1].sentence == len(result.sentences) - 1  # "Lynas said the company would": Lynas
            iri = previous[0] if kind == "company" and previous and previous[1] == kind and not this_sentence else earlier[-1].ref_iri
            runners = [m.ref_iri for m in earlier if m.ref_iri in _site_runners(result)]
            if kind == "company" and not this_sentence and not (previous and previous[1] == kind) and runners and iri not in runners:
                iri = runners[-1]  # "… debt from the AFC for its Chilalo project. … The company has signed": the one running a site
            referred = [  # "… at its Vaudreuil refinery. … run the plant. … C$7 million to the project": the plant, referred to since
                target
                for at, target in sorted(result.resolved.items())
                if kind == "facility" and earlier[-1].start < at < offset + ref.start_char and target in {m.ref_iri for m in earlier}
            ]
            iri = referred[-1] if referred else iri
            between = sent.doc.text[earlier[-1].end - offset : ref.start_char] if this_sentence else ""
            others = [m.ref_iri for m in earlier if m.sentence < len(result.sentences) - 1 and m.ref_iri != earlier[-1].ref_iri]
            first = min((m for m in earlier if m.sentence == len(result.sentences) - 1), key=lambda m: m.start, default=None)
            subject_only = first is not None and first.ref_iri == earlier[-1].ref_iri  # the reference is after the sentence's subject
            clause = re.match(r",\s+(?:which|who)\b", between)  # "GM, which holds about 10% of the company": another company
            if kind == "company" and this_sentence and subject_only and others and (clause or not _REPORTED_BETWEEN.search(between)):
                iri = others[-1]  # "Mitsubishi will also buy … at the developer's project": another company, not the buyer
            reporting = (
                ref.start > sent.start
                and sent.doc[ref.start - 1].text == ","
                and sent.doc[ref.end : ref.end + 1].text.lower() in ("said", "says", "told", "added", "announced")
            )
            if kind == "company" and this_sentence and first is not None and reporting:
                iri = first.ref_iri  # "X has agreed to sell … to Y, the Canadian miner said": the sentence's subject
            referred_to = [
                iri for at, iri in result.resolved.items() if at < offset + ref.start_char and iri in {m.ref_iri for m in earlier}
            ]
            counts = Counter([m.ref_iri for m in earlier] + referred_to).most_common(2)  # named or referred to ("the company")
            at_start = ref.start == sent.start  # "The company has raised": the last sentence's subject
            if kind == "company" and not this_sentence and not at_start and len(counts) > 1 and counts[0][1] > counts[1][1]:
                iri = counts[0][0]  # "The plant will process ore from the company's deposit": the company the text is about, named most
            again = [  # "The EIB lent the company 20 million euros. The company sells …": the company referred to before
                result.resolved[r.start]
                for r in result.references
                if r.text.lower() == ref.text.lower() and r.sentence == len(result.sentences) - 2 and r.start in result.resolved
            ]
            if kind == "company" and not this_sentence and again:
                iri = again[-1]
            described = [m for m in earlier if any(w in _what(m) for w in names)]
            if kind == "facility" and described and iri not in {m.ref_iri for m in described}:
                iri = described[-1].ref_iri  # "The project cost …" after "ore mined at Rapasaari": the latest named a refinery
            same_noun = [  # of the facilities the latest sentence to name one names, the one called what the reference calls it
                m for m in described if m.sentence == earlier[-1].sentence and noun != "project" and names[0] == noun and noun in _what(m)
            ]
            if kind == "facility" and not this_sentence and same_noun and iri not in {m.ref_iri for m in same_noun}:
                iri = same_noun[-1].ref_iri  # "a demonstration plant at its Vaudreuil alumina refinery …. the plant": the plant
            if kind == "facility" and not this_sentence and previous and previous[0] in {m.ref_iri for m in described}:
                iri = previous[0]  # "The plant would process ore from the X mine. … a loan for the project": the plant, still
            resolved.append((ref.start, iri, kind))
            result.resolved[offset + ref.start_char] = iri
    opening = sent.doc[sent.start]
    subject = _subject_of(result, len(result.sentences) - 2)
    buyers = [r for r in resolved if r[2] in PARTY_KINDS]
    earlier = [
        m.ref_iri for m in sorted(result.mentions, key=lambda m: m.start) if m.kind == "company" and m.sentence < len(result.sentences) - 1
    ]
    named = Counter(earlier)  # the company the text is about: the subject before, or the one named most (the latest of those)
    about = subject[0] if subject and subject[1] == "company" else max(reversed(earlier), key=lambda iri: named[iri], default=None)
    unnamed_seller = not any(t.lower_ == "from" for t in sent)
    for token in sent:  # "Ford, Tesla and LG have agreed to buy its concentrate": not theirs, the company's the text is about
        bought = token.i > sent.start and sent.doc[token.i - 1].lower_ in PURCHASE_VERBS
        product = (  # "X has agreed to buy the concentrate under an offtake agreement": the concentrate of the company the text is about
            token.lower_ == "the"
            and sent.doc[token.i + 1 : token.i + 2].text.lower() in PRODUCT_NOUNS
            and unnamed_seller
            and about not in {b[1] for b in buyers}
        )
        if product and bought and about:
            start = offset + token.idx
            result.references.append(Mention(token.text, start, start + len(token), None, "reference", len(result.sentences) - 1))
            result.resolved[start] = about
            resolved.append((token.i, about, "company"))
        if token.lower_ == "its" and bought and len([b for b in buyers if b[0] < token.i]) >= 2 and about:
            start = offset + token.idx
            result.references.append(Mention(token.text, start, start + len(token), None, "reference", len(result.sentences) - 1))
            result.resolved[start] = about
            resolved.append((token.i, about, "company"))
    if opening.lower_ in SUBJECT_PRONOUNS | {"its", "their"} and subject:  # "The plant will make magnets. It is expected to …": the plant
        start = offset + opening.idx
        result.references.append(Mention(opening.text, start, start + len(opening), None, "reference", len(result.sentences) - 1))
        result.resolved[start] = subject[0]
        resolved.append((opening.i, *subject))
    return sorted(resolved)


_REPORTED_BETWEEN = re.compile(r"\b(?:said|says|told|added|announced|stated|expects|believes|thinks)\b|[,;]")


def _what(facility: Mention) -> str:
    """What a facility's name says it is, without the place its description names ("copper smelter
    at the Kamoa-Kakula complex": a smelter), lower case."""
    return re.split(r"\s+(?:at|in|near)\s+", (facility.name or facility.text).lower())[0]


def _joint_venture(ref: Span, offset: int, result: Extraction) -> Mention | None:
    """A new company for "the (joint) venture": that of the two parties of the latest agreement,
    named after them ("Cove Kaz Capital–Tau-Ken Samruk joint venture"); None without one."""
    deals = [r for r in result.relations if r.kind == "agreement" and r.object]
    if not deals:
        return None
    names = [next((m.name or m.text for m in result.mentions if m.ref_iri == iri), None) for iri in (deals[-1].subject, deals[-1].object)]
    if None in names:
        return None
    start = offset + ref.start_char
    return Mention(
        ref.text, start, start + len(ref.text), None, "company", len(result.sentences) - 1, name=f"{names[0]}–{names[1]} joint venture"
    )


def _subject_of(result: Extraction, index: int) -> tuple[str, str] | None:
    """The entity a sentence opens with, named or referred to ("The plant", "Lynas"): (IRI, kind)."""
    if index < 0:
        return None
    sentence = result.sentences[index]
    named = [(m.start, m.ref_iri, m.kind) for m in result.mentions if m.sentence == index]
    referred = [(at, iri, entity_kind(iri)) for at, iri in result.resolved.items() if sentence.start <= at < sentence.end]
    first = min(named + referred, default=None)
    return (first[1], first[2]) if first and first[2] in PARTY_KINDS | {"facility"} else None
