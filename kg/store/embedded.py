"""The embedded store: a pyoxigraph database on disk (or in memory), replaced atomically.

The module is one class, the store, with its reading, writing and on-disk layout (swap,
generations, staged changes) together, which is why it runs past 400 lines. Its neighbours
hold the rest of what speaking to pyoxigraph takes: :mod:`~kg.store.terms`
(terms both ways), :mod:`~kg.store.rdf_files` (parsing) and :mod:`~kg.store.results` (writing
and counting results).

Layout of a store directory::

    STORE/
    ├── current -> db-20261123T190102-4711   symlink swapped in one rename
    └── db-20261123T190102-4711/             a complete pyoxigraph (RocksDB) database

:meth:`EmbeddedStore.replace_all` writes a new ``db-*`` folder beside the current one and
only then repoints ``current``, so a failed build leaves the previous store exactly as it
was. The previous folder is kept until the next swap, for readers that still have it open.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import IO, Any

import platformdirs
import pyoxigraph as ox
from rdflib.term import Node

from kg.errors import QueryError, StoreError
from kg.settings import env
from kg.store.base import Quad, QueryResult, Row
from kg.store.formats import SPARQL_JSON, TURTLE
from kg.store.rdf_files import from_ox_quads, rdf_format
from kg.store.results import results_bytes, take, term_json, write_solutions
from kg.store.sparql import refuse_remote_clauses, with_constants
from kg.store.terms import Terms, data_block, to_ox
from kg.vocab import NAMESPACES

__all__ = ["EmbeddedStore", "default_store_dir"]

_CURRENT = "current"
_PREFIXED = (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML)
BULK_CHANGE = 50_000
"""Changes of at least this many quads are staged in a copy of the database and swapped in."""


def default_store_dir(explicit: Path | None = None) -> Path:
    """The store directory: ``explicit``, else ``$REKG_STORE``, else a per-user data folder."""
    if explicit is not None:
        return explicit
    given = env("STORE")
    return Path(given) if given else Path(platformdirs.user_data_dir("rekg")) / "store"


@contextmanager
def _engine_errors(what: str) -> Iterator[None]:
    """pyoxigraph's errors as :class:`QueryError`: the one place they are translated."""
    try:
        yield
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    except (RuntimeError, OSError, ValueError) as exc:
        raise QueryError(f"{what} failed: {exc}") from None


class EmbeddedStore:
    """A :class:`~kg.store.base.Store` over pyoxigraph: on disk under ``root`` (see the module
    docstring), or in memory (always writable) when ``root`` is None."""

    def __init__(self, root: Path | None = None, *, read_only: bool = True):
        self.root, self.read_only = root, read_only and root is not None
        self._pinned: Path | None = None
        self._store = ox.Store() if root is None else self._open_current()
        exists = root is not None and self.exists(root)
        self._opened = self.database() if exists else None
        self._generation = _read_generation(self.database()) if exists else 0

    def snapshot(self) -> Callable[[], EmbeddedStore] | None:
        """See :meth:`kg.store.base.Store.snapshot`: the database as committed, pinned (a later
        swap does not move it); None in memory."""
        return None if self.root is None else partial(EmbeddedStore.pinned, self.database())

    def close(self) -> None:
        """Let go of the database (a writable store's lock goes at once); using the store after
        raises :class:`StoreError`."""
        self._store = _Closed()  # type: ignore[assignment]  # the handle dropped: RocksDB closes now

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @classmethod
    def pinned(cls, database: Path) -> EmbeddedStore:
        """One database folder of a store directory, read-only, whatever ``current`` becomes
        later (a query worker serves one version until it is replaced)."""
        store = cls.__new__(cls)
        store.root, store.read_only, store._pinned, store._opened = database.parent, True, database, database
        store._generation = _read_generation(database)
        store._store = _open_read_only(database)
        return store

    @staticmethod
    def current_database(root: Path) -> Path:
        """The database folder ``root/current`` points at, found without opening it: one
        ``readlink`` (a read-only handle asks before every query; resolving the whole path
        took ten system calls), beside ``root`` as :meth:`_swap_in` writes it."""
        try:
            return root / os.readlink(root / _CURRENT)
        except OSError:  # no link yet: where it will be
            return root / _CURRENT

    @staticmethod
    def exists(root: Path) -> bool:
        """True when ``root`` holds a built store."""
        return (root / _CURRENT).is_symlink() and (root / _CURRENT).resolve().is_dir()

    def database(self) -> Path:
        """The database folder ``root/current`` points at."""
        if self.root is None:
            raise StoreError("an in-memory store has no database folder")
        return self._pinned or self.current_database(self.root)

    def _open_current(self) -> ox.Store:
        assert self.root is not None
        if not self.exists(self.root):
            if self.read_only:
                raise StoreError(f"no store at {self.root}: run `rekg build` first")
            return ox.Store()  # nothing on disk until the first replace_all
        if self.read_only:
            return _open_read_only(self.database())
        path = str(self.database())
        try:
            return ox.Store(path)
        except OSError as exc:
            raise StoreError(f"cannot open the store at {path}: {exc}") from exc

    # --- reading -----------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        results_type: str = SPARQL_JSON,
        graph_type: str = TURTLE,
        bindings: Mapping[str, Node] | None = None,
        default_graphs: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
        base_iri: str | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        """See :meth:`kg.store.base.Store.query`.

        >>> store = EmbeddedStore()
        >>> store.update('INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/p> "x" } }')
        >>> store.query("SELECT ?o WHERE { ?s ?p ?o }", results_type="text/csv").body
        b'o\\r\\nx\\r\\n'
        """
        self._refresh()
        refuse_remote_clauses(sparql)
        options: dict[str, Any] = {"base_iri": base_iri}
        if default_graphs is not None:
            options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        else:
            options["use_default_graph_as_union"] = True
        if named_graphs is not None:
            options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        with _engine_errors("query"):  # a binding that is no valid IRI is the client's error too
            result = self._evaluate(sparql, bindings, options)
            if isinstance(result, ox.QueryTriples):
                triples = list(take(result, max_rows))
                kept = triples[:max_rows] if max_rows is not None else triples
                body = ox.serialize(kept, format=rdf_format(graph_type)) or b""
                return QueryResult("graph", graph_type, body, len(kept), len(kept) < len(triples))
            if isinstance(result, ox.QueryBoolean):
                document: dict[str, Any] = {"head": {}, "boolean": bool(result)}
                return QueryResult("boolean", results_type, results_bytes(document, results_type), 1)
            written = write_solutions(result, results_type, max_rows)
            if written is not None:
                body, rows = written
                return QueryResult("solutions", results_type, body, rows)
            result = self._evaluate(sparql, bindings, options)  # more than max_rows: again, keeping the first ones
            names = [v.value for v in result.variables]
            solutions = [{n: term_json(row[n]) for n in names if row[n] is not None} for row in take(result, max_rows)]
            kept = solutions[:max_rows] if max_rows is not None else solutions
            document = {"head": {"vars": names}, "results": {"bindings": kept}}
            return QueryResult("solutions", results_type, results_bytes(document, results_type), len(kept), len(kept) < len(solutions))

    def select(self, sparql: str, *, bindings: Mapping[str, Node] | None = None) -> list[Row]:
        """See :meth:`kg.store.base.Store.select`.

        >>> store = EmbeddedStore()
        >>> store.update('INSERT DATA { <http://e/a> <http://e/p> "x"@en }')
        >>> store.select("SELECT ?s ?o ?none WHERE { ?s ?p ?o }")
        [{'s': rdflib.term.URIRef('http://e/a'), 'o': rdflib.term.Literal('x', lang='en')}]
        """
        self._refresh()
        refuse_remote_clauses(sparql)
        with _engine_errors("query"):
            result = self._evaluate(sparql, bindings, {"use_default_graph_as_union": True})
            if not isinstance(result, ox.QuerySolutions):
                raise QueryError("select() takes a SELECT query")
            names, terms = [v.value for v in result.variables], Terms()
            return [
                {n: terms.rdflib(v) for n, v in zip(names, s) if v is not None} for s in result
            ]  # a solution iterates its values in order, None unbound

    def _evaluate(self, sparql: str, bindings: Mapping[str, Node] | None, options: dict[str, Any]) -> Any:
        """pyoxigraph's result of ``sparql`` with ``bindings`` written into the text as constants
        (:func:`~kg.store.sparql.with_constants`: the planner then knows them) and bound as values
        where a SELECT clause lists them; bound as values only where the text cannot take them."""
        if not bindings:
            return self._store.query(sparql, **options)
        terms = {name: to_ox(term) for name, term in bindings.items()}
        written, listed = with_constants(sparql, {name: str(t) for name, t in terms.items() if not isinstance(t, ox.BlankNode)})
        try:
            return self._store.query(written, **options, substitutions={ox.Variable(n): terms[n] for n in listed} or None)
        except SyntaxError:  # a parameter written where SPARQL takes only a variable (GROUP BY, BIND … AS)
            if written == sparql:
                raise  # nothing was written in: the query itself is wrong, and is not run again
        except RuntimeError as exc:  # a parameter listed by a subquery's SELECT only
            if "SELECT projection" not in str(exc):
                raise
        return self._store.query(sparql, **options, substitutions={ox.Variable(n): t for n, t in terms.items()})

    def dump(self, output: IO[bytes], *, media_type: str, graph: str | None = None) -> None:
        """See :meth:`kg.store.base.Store.dump`."""
        self._refresh()
        fmt = rdf_format(media_type)
        with _engine_errors("dump"):
            prefixes = NAMESPACES if fmt in _PREFIXED else None
            if graph is not None:
                self._store.dump(output, format=fmt, from_graph=ox.NamedNode(graph), prefixes=prefixes)
            elif fmt.supports_datasets:
                self._store.dump(output, format=fmt, prefixes=prefixes)
            else:
                union = self._store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
                assert isinstance(union, ox.QueryTriples)
                ox.serialize(union, output, format=fmt, prefixes=prefixes)

    def graph_names(self) -> list[str]:
        """See :meth:`kg.store.base.Store.graph_names`."""
        self._refresh()
        return sorted(g.value for g in self._store.named_graphs())

    def version(self) -> str:
        """The database folder served and its write generation (``memory:N`` in memory)."""
        if self.root is None:
            return f"memory:{self._generation}"
        return self.version_of(self.database())

    def served_version(self) -> str:
        """The version this handle's last read saw, without reading the marker again: what a
        query just answered was computed on (see :meth:`version`)."""
        if self.root is None or not self.read_only:
            return self.version()
        assert self._opened is not None
        return f"{self._opened.name}:{self._generation}"

    @staticmethod
    def version_of(database: Path) -> str:
        """The version of one database folder, read from its generation marker without opening it."""
        return f"{database.name}:{_read_generation(database)}"

    def _refresh(self) -> None:
        """A read-only handle sees the database as it was when opened: reopen it when a writer
        has committed since (the generation marker says so) or swapped in another database."""
        if self.read_only and self.root is not None and not isinstance(self._store, _Closed):
            database = self.database()
            generation = _read_generation(database)
            if (database, generation) != (self._opened, self._generation):
                self._store = _open_read_only(database)
                self._opened, self._generation = database, generation

    def quads(
        self, subject: Node | None = None, predicate: Node | None = None, obj: Node | None = None, graph: str | None = None
    ) -> Iterator[Quad]:
        """See :meth:`kg.store.base.Store.quads`."""
        self._refresh()
        s, p, o = (None if t is None else to_ox(t) for t in (subject, predicate, obj))
        target = None if graph is None else ox.NamedNode(graph)
        terms = Terms()
        # a literal subject or predicate matches nothing: pyoxigraph says so itself
        for quad in self._store.quads_for_pattern(s, p, o, target):  # type: ignore[arg-type]
            name = None if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
            yield terms.rdflib(quad.subject), terms.rdflib(quad.predicate), terms.rdflib(quad.object), name

    # --- writing -----------------------------------------------------------------------

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(f"the store at {self.root} is open read-only")
        if self.root is not None and not self.exists(self.root):
            raise StoreError(f"no store at {self.root}: run `rekg build` first")
        return self._store

    def apply(self, deletions: Iterable[Quad], insertions: Iterable[Quad], *, before_commit: Callable[[], None] | None = None) -> None:
        """See :meth:`kg.store.base.Store.apply`. A change of fewer than :data:`BULK_CHANGE` quads
        is one transaction (one SPARQL Update request, or ``extend`` for insertions alone),
        written after ``before_commit``; a larger one is staged in a copy of the database (a
        RocksDB checkpoint: hard links), bulk written there while ``before_commit`` may still
        be deciding, and swapped in by one rename once it returns, like :meth:`replace_all`.
        Either way readers see all of the change or none of it, and the generation marker tells
        read-only handles to reopen."""
        deletions, insertions = list(deletions), list(insertions)
        store, ready = self._writable(), before_commit or (lambda: None)
        if self.root is not None and len(deletions) + len(insertions) >= BULK_CHANGE:
            self._apply_staged(deletions, insertions, ready)
        else:
            ready()
            with _engine_errors("update"):
                if deletions:
                    store.update(f"DELETE DATA {{ {data_block(deletions)} }} ; INSERT DATA {{ {data_block(insertions)} }}")
                elif insertions:
                    store.extend(map(Terms().quad, insertions))
        self._bump_generation()

    def _apply_staged(self, deletions: list[Quad], insertions: list[Quad], ready: Callable[[], None]) -> None:
        """Write a large change into a checkpoint of the current database and swap it in once
        ``ready`` returns."""
        staged, fresh = self._new_database_path(), None
        try:
            with _engine_errors("update"):
                self._store.backup(str(staged))
                fresh, terms = ox.Store(str(staged)), Terms()
                for quad in deletions:
                    fresh.remove(terms.quad(quad))
                fresh.bulk_extend(map(terms.quad, insertions))
                fresh.flush()
                fresh.optimize()  # compact before readers open it (compaction that goes on after: _open_read_only)
            ready()
        except BaseException:
            fresh = None  # closed first: RocksDB waits for its compactions, which would write into the folder being removed
            shutil.rmtree(staged, ignore_errors=True)
            raise
        self._swap_in(staged, fresh)

    def _bump_generation(self) -> None:
        if self.root is None:
            self._generation += 1
            return
        database = self.database()
        self._generation = _read_generation(database) + 1
        partial = Path(f"{database}.partial")
        partial.write_text(str(self._generation))
        os.replace(partial, _marker(database))

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        """See :meth:`kg.store.base.Store.update`."""
        refuse_remote_clauses(sparql)
        with _engine_errors("update"):
            self._writable().update(sparql, base_iri=base_iri)
        self._bump_generation()

    def load(self, data: bytes, *, media_type: str, graph: str | None = None) -> None:
        """See :meth:`kg.store.base.Store.load`."""
        target = ox.NamedNode(graph) if graph else None
        with _engine_errors("load"):
            self._writable().bulk_load(data, format=rdf_format(media_type), to_graph=target)
        self._bump_generation()

    def replace_graph(self, graph: str, data: bytes, *, media_type: str) -> None:
        """See :meth:`kg.store.base.Store.replace_graph`: the data parsed first (bad data changes
        nothing), then the graph dropped and refilled in one transaction (one SPARQL Update), or
        for :data:`BULK_CHANGE` quads and more staged and swapped in like :meth:`apply`."""
        store = self._writable()
        with _engine_errors("load"):
            quads = from_ox_quads(ox.parse(data, format=rdf_format(media_type)), graph)
        if any(q[3] != graph for q in quads):
            raise StoreError(f"the data for graph <{graph}> names other graphs")
        if self.root is not None and len(quads) >= BULK_CHANGE:
            self._apply_staged(list(self.quads(graph=graph)), quads, lambda: None)
        else:
            with _engine_errors("update"):
                store.update(f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ {data_block(quads)} }}")
        self._bump_generation()

    def replace_all(self, data: bytes, *, media_type: str) -> None:
        """See :meth:`kg.store.base.Store.replace_all`: on disk, a new database beside the
        current one, swapped in by one rename; older databases are removed after the swap."""
        if self.root is None:
            self._store.clear()
            self.load(data, media_type=media_type)
            return
        self.root.mkdir(parents=True, exist_ok=True)
        database = self._new_database_path()
        try:
            fresh = ox.Store(str(database))
            with _engine_errors("load"):
                fresh.bulk_load(data, format=rdf_format(media_type))
            fresh.flush()
        except BaseException:
            shutil.rmtree(database, ignore_errors=True)
            raise
        self._swap_in(database, fresh)

    def _new_database_path(self) -> Path:
        assert self.root is not None
        stamp = time.strftime("%Y%m%dT%H%M%S")
        return self.root / f"db-{stamp}-{os.getpid()}-{time.monotonic_ns() % 10**6}"

    def _swap_in(self, database: Path, fresh: ox.Store) -> None:
        """Point ``current`` at ``database`` by one rename, drop databases older than the
        previous one, and hold ``fresh`` (or reopen it read-only)."""
        assert self.root is not None
        previous = self.database() if self.exists(self.root) else None
        link = self.root / f".{_CURRENT}-{database.name}"
        link.symlink_to(database.name)
        os.replace(link, self.root / _CURRENT)
        for old in self.root.glob("db-*"):
            if old not in (database, previous) and old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
                Path(_marker(old)).unlink(missing_ok=True)
        self._pinned, self._opened, self._generation = None, database, 0
        if self.read_only:
            del fresh
            self._store = ox.Store.read_only(str(database))
        else:
            self._store = fresh


class _Closed:
    """Stands in for the database handle of a closed store."""

    def __getattr__(self, name: str) -> Any:
        raise StoreError("the store is closed")


def _open_read_only(database: Path, attempts: int = 5) -> ox.Store:
    """A read-only handle on ``database``. RocksDB opens read-only from the file list it finds,
    and a writer compacting meanwhile (the files a large change wrote, after its commit) may
    delete one of them before it is opened: then the list is read again.

    Raises:
        StoreError: the database cannot be opened.
    """
    attempt = 1
    while True:
        try:
            return ox.Store.read_only(str(database))
        except (OSError, RuntimeError) as exc:
            if attempt == attempts or "No such file" not in str(exc):
                raise StoreError(f"cannot open the store at {database}: {exc}") from exc
        time.sleep(0.01 * attempt)
        attempt += 1


def _marker(database: Path) -> str:
    """The file holding a database's write generation (absent: 0), beside the database folder."""
    return f"{database}.generation"


def _read_generation(database: Path) -> int:
    try:  # read on every query of a read-only handle: os calls, no pathlib or file object (a fifth of the time)
        marker = os.open(_marker(database), os.O_RDONLY)
    except FileNotFoundError:
        return 0
    try:
        return int(os.read(marker, 32) or 0)
    except ValueError:
        return 0
    finally:
        os.close(marker)
