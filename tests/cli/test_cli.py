"""The rekg command line against a real on-disk store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.cli import app
from kg.store import EmbeddedStore

runner = CliRunner()


def rekg(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_query_counts_all_triples_as_json(built_store: Path) -> None:
    out = rekg("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--format", "json", "--store", str(built_store))
    n = int(json.loads(out)["results"]["bindings"][0]["n"]["value"])
    assert n > 2000


def test_query_csv_lists_sources(built_store: Path) -> None:
    out = rekg(
        "query",
        "SELECT ?s WHERE { ?s a <https://w3id.org/rekg/ontology#Source> } ORDER BY ?s",
        "--format",
        "csv",
        "--store",
        str(built_store),
    )
    sources = [row["s"] for row in csv.DictReader(io.StringIO(out))]
    assert "https://w3id.org/rekg/id/source/s004-lessons-from-japan" in sources


def test_query_can_leave_out_what_updates_added_without_a_source(store_copy: Path) -> None:
    from kg.ingest.update import Provenance, apply_update
    from kg.store import EmbeddedStore

    joins = (
        "INSERT DATA { <https://w3id.org/rekg/id/country/VN> <https://w3id.org/rekg/ontology#memberOf> "
        "<https://w3id.org/rekg/id/alliance/supply-chain-resilience-initiative> }"
    )
    apply_update(EmbeddedStore(store_copy, read_only=False), joins, provenance=Provenance("tester"))

    def partners(*flags: str) -> set[str]:
        output = rekg("query", "q09", "--format", "csv", "--store", str(store_copy), *flags)
        return {row["partnerLabel"] for row in csv.DictReader(io.StringIO(output))}

    assert "Vietnam" in partners()
    assert "Vietnam" not in partners("--sourced-only") and "India" in partners("--sourced-only")


def test_query_reads_a_rq_file(built_store: Path, tmp_path: Path) -> None:
    path = tmp_path / "ask.rq"
    path.write_text("ASK { <https://w3id.org/rekg/id/company/lynas-rare-earths> ?p ?o }")
    assert rekg("query", str(path), "--store", str(built_store)).strip() == "true"


def test_bad_sparql_is_a_clear_error(built_store: Path) -> None:
    result = runner.invoke(app, ["query", "SELECT WHERE {", "--store", str(built_store)])
    assert result.exit_code == 1
    assert "QueryError: SPARQL syntax error" in result.output


def test_service_clause_is_refused(built_store: Path) -> None:
    result = runner.invoke(
        app, ["query", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "--store", str(built_store)]
    )
    assert result.exit_code == 1
    assert "SERVICE and LOAD are refused" in result.output


@pytest.mark.parametrize("fmt,parser", [("ttl", "turtle"), ("nt", "nt"), ("xml", "xml")])
def test_export_triple_formats_parse_back(built_store: Path, tmp_path: Path, fmt: str, parser: str) -> None:
    target = tmp_path / f"dump.{fmt}"
    rekg("export", "--format", fmt, "-o", str(target), "--store", str(built_store))
    union = Graph()
    for s, p, o, _ in EmbeddedStore(built_store).quads():
        union.add((s, p, o))
    assert isomorphic(Graph().parse(target, format=parser), union)  # the union of the graphs, every triple once


@pytest.mark.parametrize("fmt,parser", [("nq", "nquads"), ("trig", "trig"), ("jsonld", "json-ld")])
def test_export_quad_formats_keep_named_graphs(built_store: Path, tmp_path: Path, fmt: str, parser: str) -> None:
    target = tmp_path / f"dump.{fmt}"
    rekg("export", "--format", fmt, "-o", str(target), "--store", str(built_store))
    dataset = Dataset().parse(target, format=parser)
    sizes = {str(g.identifier): len(g) for g in dataset.graphs() if len(g)}
    store = EmbeddedStore(built_store)
    assert sizes == {name: sum(1 for _ in store.quads(graph=name)) for name in store.graph_names()}
    assert "https://w3id.org/rekg/graph/s004-lessons-from-japan" in sizes


def test_info_lists_graphs(built_store: Path) -> None:
    assert "https://w3id.org/rekg/graph/ontology" in rekg("info", "--store", str(built_store))


def test_store_is_built_on_first_use(tmp_path: Path, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REKG_STORE", str(tmp_path / "fresh"))
    out = rekg("query", "ASK { ?s a <https://w3id.org/rekg/ontology#Country> }")
    assert out.strip() == "true"
    assert (tmp_path / "fresh" / "current").is_symlink()


def test_validate_reports_no_violations() -> None:
    assert "0 violation(s)" in rekg("validate")


def test_query_tables_show_compact_names_and_fit_80_columns(built_store: Path) -> None:
    for name in ("q01", "q02", "q06", "q09", "q13"):
        out = runner.invoke(app, ["query", name, "--store", str(built_store)], env={"COLUMNS": "80"})
        assert out.exit_code == 0, out.output
        assert max(len(line) for line in out.stdout.splitlines()) <= 80, name
        assert "https://w3id.org/rekg/" not in out.stdout, name
    q01 = runner.invoke(app, ["query", "q01", "--store", str(built_store)], env={"COLUMNS": "80"}).stdout
    assert "refinerLabel" in q01 and "Lynas Rare Earths" in q01 and "company/lynas-rare-earths" not in q01  # the label, not the IRI
    wide = runner.invoke(app, ["query", "q01", "--all-columns", "--store", str(built_store)], env={"COLUMNS": "80"}).stdout
    assert "company/lynas-rare-earths" in wide  # the IRI column, compact
    predicates = runner.invoke(
        app,
        ["query", "SELECT DISTINCT ?p WHERE { <https://w3id.org/rekg/id/country/JP> ?p ?o }", "--store", str(built_store)],
        env={"COLUMNS": "80"},
    ).stdout
    assert "rekg:partnerOf" in predicates and "rdf:type" in predicates
    full = rekg("query", "q01", "--format", "csv", "--store", str(built_store))
    assert "https://w3id.org/rekg/id/company/lynas-rare-earths" in full  # csv and json keep full IRIs and every column
