"""A forward-chaining engine over compiled rules: semi-naive closure, incremental change.

Terms are interned as integers, and facts kept as integer triples with three indexes
(subject-predicate → objects, predicate-object → subjects, predicate → pairs). Each rule is
compiled, once for each body pattern a new triple can match, into a small Python function of
nested loops over those indexes (:func:`_compile`), so a new triple wakes only the rules that
can use it and runs them as plain set lookups. Each round joins only the previous round's new
triples against the rest (semi-naive evaluation). Removals use delete-and-rederive (DRed):
everything derived through a removed triple is withdrawn, then whatever still has another
derivation comes back.

Only triples some rule reads or concludes are kept: provenance, labels and quotes never enter.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from rdflib import RDF, Literal
from rdflib.term import Node

from kg.reasoning.rules import Contradiction, Distinct, Filter, Pattern, Rule, Triple, is_var

__all__ = ["Change", "Engine", "Ids"]

Ids = tuple[int, int, int]
Run = Callable[..., Iterator[Any]]
"""A compiled join: called with the triple (or value) that starts it, yields its results."""


@dataclass(frozen=True)
class Change:
    """What an operation did to the inferred triples (asserted ones are the caller's), in the
    engine's integers: a change of millions of triples is never turned back into terms whole
    (:meth:`Engine.decode` turns one back)."""

    added: set[Ids]
    """Inferred triples that hold now and did not before."""
    removed: set[Ids]
    """Inferred triples that held before and do not now (or are asserted now)."""
    asserted: set[Ids] = field(default_factory=set)
    """Triples the operation asserted that were not asserted before (those the engine keeps)."""


class Engine:
    """The closure of asserted triples under ``rules``, kept up to date as they change."""

    def __init__(self, rules: Iterable[Rule]):
        self.rules = list(rules)
        self._terms: list[Node] = []
        self._ids: dict[Node, int] = {}
        self._literals: set[int] = set()
        self._facts: set[Ids] = set()
        self._asserted: set[Ids] = set()
        self._objects: defaultdict[tuple[int, int], set[int]] = defaultdict(set)
        self._subjects: defaultdict[tuple[int, int], set[int]] = defaultdict(set)
        self._pairs: defaultdict[int, set[tuple[int, int]]] = defaultdict(set)
        self._type = self._intern(RDF.type)
        self._by_body: defaultdict[object, list[Run]] = defaultdict(list)
        self._by_head: defaultdict[object, list[tuple[Rule, Run]]] = defaultdict(list)
        self._checks: dict[tuple[Contradiction, int | None], Run] = {}
        for rule in self.rules:
            for index, pattern in enumerate(rule.body):
                if is_var(pattern[1]):
                    raise ValueError(f"rule {rule.name}: a body pattern needs a constant predicate")
                rest = [p for i, p in enumerate(rule.body) if i != index]
                self._by_body[self._key(pattern)].append(self._compile(pattern, rest, rule.filters, rule.head))
            self._by_head[self._key(rule.head)].append((rule, self._compile(rule.head, rule.body, rule.filters, list(rule.body))))

    # --- terms and compiled joins ----------------------------------------------------------

    def _intern(self, term: Node) -> int:
        found = self._ids.get(term)
        if found is None:
            found = self._ids[term] = len(self._terms)
            self._terms.append(term)
            if isinstance(term, Literal):
                self._literals.add(found)
        return found

    def _encode(self, triple: Triple) -> Ids | None:
        """``triple`` as integers, or None when one of its terms was never seen (looked up
        without a generator, and the subject first: a load's new entities stop there)."""
        ids = self._ids
        s = ids.get(triple[0])
        if s is None:
            return None
        p, o = ids.get(triple[1]), ids.get(triple[2])
        return None if p is None or o is None else (s, p, o)

    def term(self, term_id: int) -> Node:
        """The term an integer stands for."""
        return self._terms[term_id]

    def decode(self, triple: Ids) -> Triple:
        """The terms of an encoded triple."""
        terms = self._terms
        return terms[triple[0]], terms[triple[1]], terms[triple[2]]

    def ids(self, triples: Iterable[Triple]) -> set[Ids]:
        """``triples`` encoded, leaving out those with a term the engine has never seen (such a
        triple neither holds nor matches a rule)."""
        return {t for t in map(self._encode, triples) if t is not None}

    def _key(self, pattern: Pattern) -> object:
        """What a triple must have to match ``pattern``: its predicate, and for a class its class."""
        p, o = self._intern(pattern[1]), pattern[2]  # type: ignore[arg-type]
        return (p, self._intern(o)) if p == self._type and not is_var(o) else p  # type: ignore[arg-type]

    def _keys(self, triple: Ids) -> tuple[object, ...]:
        return (triple[1], (triple[1], triple[2])) if triple[1] == self._type else (triple[1],)

    def _compile(
        self, start: Pattern | str, patterns: Sequence[Pattern], filters: Sequence[Filter], result: Pattern | str | list[Pattern]
    ) -> Run:
        """A function joining ``patterns`` from ``start`` (a pattern its argument triple matches,
        or a variable its argument binds), checking ``filters`` as soon as their variables are
        bound, and yielding ``result`` substituted (a pattern as a triple, a list of patterns as
        a tuple of triples, a variable as its value)."""
        names: dict[str, str] = {}
        lines = ["def run(a):"]
        depth = 1

        def code(term: Node | str) -> str:
            return names[term] if is_var(term) else str(self._intern(term))  # type: ignore[arg-type]

        def bound(term: Node | str) -> bool:
            return not is_var(term) or term in names

        def bind(term: str, value: str) -> None:
            names[term] = f"v{len(names)}"
            emit(f"{names[term]} = {value}")

        def emit(line: str) -> None:
            lines.append("    " * depth + line)

        if isinstance(start, str):
            bind(start, "a")
        else:
            for position, term in enumerate(start):
                if bound(term):
                    emit(f"if a[{position}] != {code(term)}: return")
                else:
                    bind(term, f"a[{position}]")  # type: ignore[arg-type]
        namespace: dict[str, object] = {"F": self._facts, "O": self._objects, "S": self._subjects, "P": self._pairs}
        waiting, remaining = list(filters), list(patterns)
        while True:
            for f in [f for f in waiting if all(v in names for v in _variables(f))]:
                waiting.remove(f)
                if isinstance(f, Distinct):
                    emit(f"if {code(f.left)} != {code(f.right)}:")
                else:
                    namespace[check := f"f{len(namespace)}"] = self._filter(f)
                    emit(f"if {check}({', '.join(names[v] for v in _variables(f))}):")
                depth += 1
            if not remaining:
                break
            # a pattern whose terms are all bound (a lookup) first; then the one with the most bound
            # variables (a constant such as a class alone selects every instance); between equals,
            # one whose subject is bound (few objects per subject, where an object such as a
            # country may have thousands of subjects)
            pattern = max(
                remaining,
                key=lambda p: (all(map(bound, p)), sum(is_var(t) and t in names for t in p), bound(p[0]), sum(not is_var(t) for t in p)),
            )
            remaining.remove(pattern)
            s, p, o = pattern
            if bound(s) and bound(o):
                emit(f"if ({code(s)}, {code(p)}, {code(o)}) in F:")
            elif bound(s):
                emit(f"for {(o_name := f'v{len(names)}')} in O.get(({code(s)}, {code(p)}), ()):")
                names[o] = o_name  # type: ignore[index]
            elif bound(o):
                emit(f"for {(s_name := f'v{len(names)}')} in S.get(({code(p)}, {code(o)}), ()):")
                names[s] = s_name  # type: ignore[index]
            elif s == o:
                emit(f"for {(s_name := f'v{len(names)}')}, _o in P.get({code(p)}, ()):")
                names[s] = s_name  # type: ignore[index]
                depth += 1
                emit(f"if {s_name} == _o:")
            else:
                s_name, o_name = f"v{len(names)}", f"v{len(names) + 1}"
                emit(f"for {s_name}, {o_name} in P.get({code(p)}, ()):")
                names[s], names[o] = s_name, o_name  # type: ignore[index]
            depth += 1

        def substituted(pattern: Pattern) -> str:
            return f"({', '.join(map(code, pattern))})"

        if isinstance(result, list):
            emit(f"yield ({''.join(substituted(p) + ', ' for p in result)})")
        else:
            emit(f"yield {code(result) if isinstance(result, str) else substituted(result)}")
        exec("\n".join(lines), namespace)  # noqa: S102 - source generated above from the rule's own terms
        return namespace["run"]  # type: ignore[return-value]

    def _filter(self, f: Filter) -> Callable[..., bool]:
        """A filter over interned values, checked by the filter itself on the terms."""
        variables = _variables(f)
        terms = self._terms
        return lambda *values: f.holds({v[1:]: terms[i] for v, i in zip(variables, values)}, self.objects)

    # --- reading --------------------------------------------------------------------------

    def relevant(self, triple: Triple) -> bool:
        """Whether a rule reads or concludes triples like this one (others are not kept)."""
        p = self._ids.get(triple[1])
        if p in self._by_body or p in self._by_head:
            return True
        typed = (p, self._ids.get(triple[2])) if p == self._type else None
        return typed in self._by_body or typed in self._by_head

    def objects(self, subject: Node, predicate: Node) -> set[Node]:
        """The objects of (subject, predicate)."""
        s, p = self._ids.get(subject), self._ids.get(predicate)
        return {self._terms[o] for o in self._objects.get((s, p), ())} if s is not None and p is not None else set()

    def is_asserted(self, triple: Triple) -> bool:
        """Whether ``triple`` is asserted (kept: some rule reads or concludes it)."""
        return self._encode(triple) in self._asserted

    def asserted_count(self) -> int:
        """How many asserted triples the engine keeps."""
        return len(self._asserted)

    def inferred_among(self, triples: Iterable[Ids]) -> set[Ids]:
        """Those of the encoded ``triples`` that follow and are not asserted."""
        facts, asserted = self._facts, self._asserted
        return {t for t in triples if t in facts and t not in asserted}

    def inferred(self) -> set[Triple]:
        """Every triple that follows and is not asserted."""
        return {self.decode(t) for t in self._facts - self._asserted}

    def _consequences(self, triples: Iterable[Ids]) -> set[Ids]:
        """Every conclusion of a rule instance that uses one of ``triples``."""
        found: set[Ids] = set()
        by_body = self._by_body
        for triple in triples:
            for key in self._keys(triple):
                for run in by_body.get(key, ()):
                    found.update(run(triple))
        return found

    def _derivable(self, triple: Ids) -> bool:
        """Whether some rule concludes ``triple`` in one step from the current facts."""
        return any(next(run(triple), None) is not None for key in self._keys(triple) for _, run in self._by_head.get(key, ()))

    def derivations(self, triple: Triple) -> Iterator[tuple[Rule, list[Triple]]]:
        """Each (rule, premises) that concludes ``triple`` in one step from the current facts."""
        encoded = self._encode(triple)
        if encoded is None:
            return
        for key in self._keys(encoded):
            for rule, run in self._by_head.get(key, ()):
                for premises in run(encoded):
                    yield rule, [self.decode(p) for p in premises]

    def violations(self, contradictions: Iterable[Contradiction], near: Iterable[Ids] | None = None) -> list[tuple[Contradiction, Node]]:
        """Each contradiction that matches (everywhere, or only through the encoded triples
        ``near``), with the entity it is about."""
        contradictions = list(contradictions)
        starts: dict[object, list[Ids]] = {self._key(p): [] for rule in contradictions for p in rule.body}
        for triple in near or ():
            for key in self._keys(triple):
                if (matching := starts.get(key)) is not None:  # most triples start no contradiction
                    matching.append(triple)
        found = set()
        for rule in contradictions:
            if near is None:
                found |= {(rule, self._terms[v]) for v in self._check(rule, None)(None)}
                continue
            for index, pattern in enumerate(rule.body):
                run = self._check(rule, index)
                for triple in starts[self._key(pattern)]:
                    found |= {(rule, self._terms[v]) for v in run(triple)}
        return sorted(found, key=lambda v: (v[0].name, str(v[1]), v[0].axiom))

    def _check(self, rule: Contradiction, index: int | None) -> Run:
        """The compiled join of a contradiction: whole, or starting from body pattern ``index``."""
        if (rule, index) not in self._checks:
            if index is None:  # no start: the argument is ignored
                start: Pattern | str = "?_start"
                patterns = list(rule.body)
            else:
                start, patterns = rule.body[index], [p for i, p in enumerate(rule.body) if i != index]
            self._checks[(rule, index)] = self._compile(start, patterns, (), rule.subject)
        return self._checks[(rule, index)]

    # --- changing ----------------------------------------------------------------------------

    def _insert(self, triple: Ids) -> None:
        s, p, o = triple
        self._facts.add(triple)
        self._objects[(s, p)].add(o)
        self._subjects[(p, o)].add(s)
        self._pairs[p].add((s, o))

    def _delete(self, triple: Ids) -> None:
        s, p, o = triple
        self._facts.discard(triple)
        self._objects[(s, p)].discard(o)
        self._subjects[(p, o)].discard(s)
        self._pairs[p].discard((s, o))

    def _saturate(self, delta: set[Ids]) -> set[Ids]:
        """Semi-naive: each round joins only the previous round's new triples; returns all new."""
        derived: set[Ids] = set()
        literals = self._literals
        while delta:
            fresh = {c for c in self._consequences(delta) - self._facts if c[0] not in literals}
            for triple in fresh:
                self._insert(triple)
            derived |= fresh
            delta = fresh
        return derived

    def add(self, triples: Iterable[Triple]) -> Change:
        """Assert ``triples`` (those no rule reads or concludes are ignored) and derive what follows."""
        new = {(self._intern(t[0]), self._intern(t[1]), self._intern(t[2])) for t in triples if self.relevant(t)} - self._asserted
        promoted = new & self._facts  # inferred before, asserted now
        self._asserted |= new
        for triple in new:
            self._insert(triple)
        return self._settled(self._saturate(new - promoted), set(promoted), new)

    def remove(self, triples: Iterable[Triple]) -> Change:
        """Retract asserted ``triples`` and withdraw what no longer follows (delete and rederive)."""
        gone = {t for t in map(self._encode, triples) if t in self._asserted}
        self._asserted -= gone
        removed = self._withdraw(gone) - gone
        added = {t for t in gone if t in self._facts}  # still derivable: now inferred
        return self._settled(added, removed)

    def _settled(self, added: set[Ids], removed: set[Ids], asserted: set[Ids] | None = None) -> Change:
        """The change reduced to what differs at the end: inferred now, or no longer inferred."""
        return Change(self.inferred_among(added), removed - self.inferred_among(removed), asserted or set())

    def _consequence_closure(self, seeds: set[Ids]) -> set[Ids]:
        """Every inferred triple derived (over the current facts) through one of ``seeds``."""
        over: set[Ids] = set()
        frontier = seeds
        while frontier:
            frontier = (self._consequences(frontier) & self._facts) - self._asserted - over
            over |= frontier
        return over

    def _withdraw(self, triples: set[Ids]) -> set[Ids]:
        """Delete ``triples`` and what was derived through them, then rederive whatever still
        follows; returns the triples that are gone for good."""
        over = (triples | self._consequence_closure(triples)) - self._asserted
        for triple in over:
            self._delete(triple)
        back = {t for t in over if self._derivable(t)}
        for triple in back:
            self._insert(triple)
        self._saturate(back)
        return {t for t in over if t not in self._facts}


def _variables(f: Filter) -> list[str]:
    """The variables a filter reads."""
    if isinstance(f, Distinct):
        return [v for v in (f.left, f.right) if is_var(v)]
    return [f.variable]
