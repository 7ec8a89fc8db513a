"""A forward-chaining engine over compiled rules: semi-naive closure, incremental change.

Facts are kept in memory with two indexes (subject-predicate → objects, predicate-object →
subjects). Each rule's body patterns are indexed by what a triple must look like to match
them (its predicate, and for ``rdf:type`` its class), so a new triple wakes only the rules
that can use it, and each round joins only the new triples of the previous round against the
rest (semi-naive evaluation). Removals use delete-and-rederive (DRed): everything derived
through a removed triple is withdrawn, then whatever still has another derivation comes back.

Only triples some rule reads or concludes are kept: provenance, labels and quotes never enter.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import RDF, Literal
from rdflib.term import Node

from kg.reasoning.rules import Contradiction, NoValue, Pattern, Rule, Triple, is_var, substitute, unify

__all__ = ["Change", "Engine"]

Binding = dict[str, Node]


def _key(pattern: Pattern) -> object:
    """What a triple must have to match ``pattern``: its predicate, and for a class its class."""
    p, o = pattern[1], pattern[2]
    return (p, o) if p == RDF.type and not is_var(o) else p


def _keys(triple: Triple) -> tuple[object, ...]:
    return (triple[1], (triple[1], triple[2])) if triple[1] == RDF.type else (triple[1],)


@dataclass
class Change:
    """What an operation did to the inferred triples (asserted ones are the caller's)."""

    added: set[Triple] = field(default_factory=set)
    removed: set[Triple] = field(default_factory=set)


class Engine:
    """The closure of asserted triples under ``rules``, kept up to date as they change."""

    def __init__(self, rules: Iterable[Rule]):
        self.rules = list(rules)
        self.facts: set[Triple] = set()
        self.asserted: set[Triple] = set()
        self._objects: defaultdict[tuple[Node, Node], set[Node]] = defaultdict(set)
        self._subjects: defaultdict[tuple[Node, Node], set[Node]] = defaultdict(set)
        self._pairs: defaultdict[Node, set[tuple[Node, Node]]] = defaultdict(set)
        self._by_body: defaultdict[object, list[tuple[Rule, int]]] = defaultdict(list)
        self._by_head: defaultdict[object, list[Rule]] = defaultdict(list)
        self._negated: defaultdict[Node, list[tuple[Rule, str]]] = defaultdict(list)
        for rule in self.rules:
            for index, pattern in enumerate(rule.body):
                if is_var(pattern[1]):
                    raise ValueError(f"rule {rule.name}: a body pattern needs a constant predicate")
                self._by_body[_key(pattern)].append((rule, index))
            self._by_head[_key(rule.head)].append(rule)
            for f in rule.filters:
                if isinstance(f, NoValue):
                    self._negated[f.predicate].append((rule, f.variable[1:]))

    # --- reading --------------------------------------------------------------------------

    def relevant(self, triple: Triple) -> bool:
        """Whether a rule reads or concludes triples like this one (others are not kept)."""
        return any(k in self._by_body or k in self._by_head for k in _keys(triple)) or triple[1] in self._negated

    def objects(self, subject: Node, predicate: Node) -> set[Node]:
        """The objects of (subject, predicate)."""
        return self._objects.get((subject, predicate), set())

    def inferred(self) -> set[Triple]:
        """Every triple that follows and is not asserted."""
        return self.facts - self.asserted

    def _match(self, pattern: Pattern, binding: Binding) -> Iterator[Binding]:
        s, p, o = substitute(pattern, binding)
        if not is_var(s) and not is_var(o):
            if (s, p, o) in self.facts:
                yield binding
        elif not is_var(s):
            for value in tuple(self._objects.get((s, p), ())):
                if (found := unify(pattern, (s, p, value), binding)) is not None:
                    yield found
        elif not is_var(o):
            for value in tuple(self._subjects.get((p, o), ())):
                if (found := unify(pattern, (value, p, o), binding)) is not None:
                    yield found
        else:
            for a, b in tuple(self._pairs.get(p, ())):
                if (found := unify(pattern, (a, p, b), binding)) is not None:
                    yield found

    def _join(self, patterns: list[Pattern], binding: Binding) -> Iterator[Binding]:
        if not patterns:
            yield binding
            return
        # the most bound pattern first: fewest candidates
        best = max(range(len(patterns)), key=lambda i: sum(not is_var(t) or t[1:] in binding for t in patterns[i]))  # type: ignore[index]
        rest = patterns[:best] + patterns[best + 1:]
        for extended in self._match(patterns[best], binding):
            yield from self._join(rest, extended)

    def _fire(self, rule: Rule, binding: Binding, skip: int | None = None) -> Iterator[tuple[Triple, Binding]]:
        body = [p for i, p in enumerate(rule.body) if i != skip]
        for full in self._join(body, binding):
            if rule.holds(full, self.objects):
                yield substitute(rule.head, full), full  # type: ignore[misc]

    def _consequences(self, triples: Iterable[Triple]) -> Iterator[tuple[Triple, Rule]]:
        """Every conclusion of a rule instance that uses one of ``triples``."""
        for triple in triples:
            for key in _keys(triple):
                for rule, index in self._by_body.get(key, ()):
                    start = unify(rule.body[index], triple, {})
                    if start is not None:
                        for conclusion, _ in self._fire(rule, start, skip=index):
                            yield conclusion, rule

    def derivations(self, triple: Triple) -> Iterator[tuple[Rule, list[Triple]]]:
        """Each (rule, premises) that concludes ``triple`` in one step from the current facts."""
        for key in _keys(triple):
            for rule in self._by_head.get(key, ()):
                start = unify(rule.head, triple, {})
                if start is not None:
                    for _, full in self._fire(rule, start):
                        yield rule, [substitute(p, full) for p in rule.body]  # type: ignore[misc]

    def violations(self, contradictions: Iterable[Contradiction], near: Iterable[Triple] | None = None) -> list[tuple[Contradiction, Node]]:
        """Each contradiction that matches (everywhere, or only through the triples ``near``),
        with the entity it is about."""
        found = set()
        for rule in contradictions:
            if near is None:
                starts: Iterable[tuple[Binding, list[Pattern]]] = [({}, list(rule.body))]
            else:
                starts = [(b, [p for j, p in enumerate(rule.body) if j != i]) for t in near for i, pattern in enumerate(rule.body)
                          if (b := unify(pattern, t, {})) is not None]
            for binding, rest in starts:
                for full in self._join(rest, binding):
                    found.add((rule, full[rule.subject[1:]]))
        return sorted(found, key=lambda v: (v[0].name, str(v[1]), v[0].axiom))

    # --- changing ----------------------------------------------------------------------------

    def _insert(self, triple: Triple) -> None:
        s, p, o = triple
        self.facts.add(triple)
        self._objects[(s, p)].add(o)
        self._subjects[(p, o)].add(s)
        self._pairs[p].add((s, o))

    def _delete(self, triple: Triple) -> None:
        s, p, o = triple
        self.facts.discard(triple)
        self._objects[(s, p)].discard(o)
        self._subjects[(p, o)].discard(s)
        self._pairs[p].discard((s, o))

    def _saturate(self, delta: set[Triple]) -> set[Triple]:
        """Semi-naive: each round joins only the previous round's new triples; returns all new."""
        derived: set[Triple] = set()
        while delta:
            fresh = {c for c, _ in self._consequences(delta) if c not in self.facts and not isinstance(c[0], Literal)}
            for triple in fresh:
                self._insert(triple)
            derived |= fresh
            delta = fresh
        return derived

    def _negation_instances(self, triples: Iterable[Triple]) -> set[Triple]:
        """Conclusions of rules whose negated condition reads one of ``triples``, as they stand now."""
        found = set()
        for s, p, _ in triples:
            for rule, variable in self._negated.get(p, ()):
                found |= {c for c, _ in self._fire(rule, {variable: s})}
        return found

    def add(self, triples: Iterable[Triple]) -> Change:
        """Assert ``triples`` (those no rule reads or concludes are ignored) and derive what follows."""
        new = {t for t in triples if t not in self.asserted and self.relevant(t)}
        promoted = {t for t in new if t in self.facts}  # inferred before, asserted now
        withdrawn = self._negation_instances(t for t in new if t[1] in self._negated)
        self.asserted |= new
        for triple in new:
            self._insert(triple)
        change = Change(removed=promoted)
        if withdrawn:  # a new value defeats a negated condition: what rested on it is re-derived or goes
            change.removed |= self._withdraw(withdrawn - self.asserted)
        change.added = self._saturate(new - promoted)
        return self._settled(change)

    def remove(self, triples: Iterable[Triple]) -> Change:
        """Retract asserted ``triples`` and withdraw what no longer follows (delete and rederive)."""
        gone = {t for t in triples if t in self.asserted}
        self.asserted -= gone
        change = Change(removed=self._withdraw(gone) - gone)
        change.added = {t for t in gone if t in self.facts}  # still derivable: now inferred
        reenabled = {c for c in self._negation_instances(t for t in gone if t[1] in self._negated) if c not in self.facts}
        for triple in reenabled:
            self._insert(triple)
        change.added |= reenabled | self._saturate(reenabled)
        return self._settled(change)

    def _settled(self, change: Change) -> Change:
        """``change`` reduced to what differs at the end: inferred now, or no longer inferred."""
        return Change(added={t for t in change.added if t in self.facts and t not in self.asserted},
                      removed={t for t in change.removed if t not in self.facts or t in self.asserted})

    def _consequence_closure(self, seeds: set[Triple]) -> set[Triple]:
        """Every inferred triple derived (over the current facts) through one of ``seeds``."""
        over: set[Triple] = set()
        frontier = seeds
        while frontier:
            frontier = {c for c, _ in self._consequences(frontier) if c in self.facts and c not in self.asserted and c not in over}
            over |= frontier
        return over

    def _withdraw(self, triples: set[Triple]) -> set[Triple]:
        """Delete ``triples`` and what was derived through them, then rederive whatever still
        follows; returns the triples that are gone for good."""
        over = triples | self._consequence_closure(triples)
        over = {t for t in over if t not in self.asserted}
        for triple in over:
            self._delete(triple)
        back = {t for t in over if next(self.derivations(t), None) is not None}
        for triple in back:
            self._insert(triple)
        self._saturate(back)
        return {t for t in over if t not in self.facts}
