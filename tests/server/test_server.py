"""The HTTP server: through the ASGI app in process where real HTTP is not the point, over real
HTTP to uvicorn for the limits (time, concurrency, rows) and updates."""

from __future__ import annotations

import datetime
import hashlib
import http.server
import json
import logging
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import VOID

from kg.ontology import load_ontology
from kg.store import EmbeddedStore
from kg.vocab import SPARQL_PREFIXES as PREFIXES
from tests.conftest import LiveServer

LYNAS = "https://w3id.org/rekg/id/company/lynas-rare-earths"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def count(response: httpx.Response) -> int:
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


# --- SPARQL protocol ---------------------------------------------------------------------


def test_query_by_get_post_form_and_post_body_agree(client: TestClient) -> None:
    get = client.get("/sparql", params={"query": COUNT})
    form = client.post("/sparql", data={"query": COUNT})
    body = client.post("/sparql", content=COUNT, headers={"Content-Type": "application/sparql-query"})
    assert get.status_code == form.status_code == body.status_code == 200
    assert count(get) == count(form) == count(body) > 5000


@pytest.mark.parametrize(
    "accept,media",
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("*/*", "application/sparql-results+json"),
        ("", "application/sparql-results+json"),
    ],
)
def test_select_results_by_content_negotiation(client: TestClient, accept: str, media: str) -> None:
    response = client.get(
        "/sparql",
        params={"query": "SELECT ?s WHERE { ?s a <https://w3id.org/rekg/ontology#Country> } LIMIT 3"},
        headers={"Accept": accept} if accept else {},
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert "Accept" in response.headers["vary"]


@pytest.mark.parametrize(
    "accept,parser",
    [("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")],
)
def test_construct_by_content_negotiation(client: TestClient, built_store: Path, accept: str, parser: str) -> None:
    query = f"CONSTRUCT {{ <{LYNAS}> ?p ?o }} WHERE {{ <{LYNAS}> ?p ?o }}"
    response = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    said = {(s, p, o) for s, p, o, _ in EmbeddedStore(built_store).quads(URIRef(LYNAS))}
    assert set(Graph().parse(data=response.text, format=parser)) == said


def test_accept_with_q_zero_is_never_served_that_type(client: TestClient) -> None:
    query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3"
    response = client.get("/sparql", params={"query": query}, headers={"Accept": "text/turtle;q=0, */*"})
    assert response.status_code == 200 and not response.headers["content-type"].startswith("text/turtle")
    assert client.get("/sparql", params={"query": query}, headers={"Accept": "text/turtle;q=0"}).status_code == 406


def test_unsupported_accept_is_406_with_the_supported_list(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": COUNT}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.text and "text/turtle" in response.text


def test_select_asked_for_as_rdf_only_is_406(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": COUNT}, headers={"Accept": "text/turtle"})
    assert response.status_code == 406 and "the query gives solutions, and the request accepts no results format" in response.text


def test_service_description_without_query(client: TestClient) -> None:
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    result = graph.query(
        "PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> SELECT ?e WHERE { ?s a sd:Service ; sd:endpoint ?e }"
    )
    assert [str(r.e) for r in result] == ["http://testserver/sparql"]


def test_service_description_links_the_dataset_description(client: TestClient) -> None:
    graph = Graph().parse(data=client.get("/sparql", headers={"Accept": "text/turtle"}).text, format="turtle")
    void = URIRef("http://testserver/.well-known/void")
    assert (None, RDFS.seeAlso, void) in graph
    described = Graph().parse(data=client.get(str(void), headers={"Accept": "text/turtle"}).text, format="turtle")
    assert (URIRef("https://w3id.org/rekg/dataset"), VOID.sparqlEndpoint, URIRef("http://testserver/sparql")) in described


def test_dataset_page_and_its_rdf_and_downloads(client: TestClient) -> None:
    page = client.get("/dataset", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "Downloads" in page.text and "/dumps/rekg-" in page.text
    assert '<a href="/dataset">Dataset</a>' in client.get("/").text
    rdf = client.get("/dataset", headers={"Accept": "text/turtle"})
    assert rdf.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=rdf.text, format="turtle")
    dataset = URIRef("https://w3id.org/rekg/dataset")
    assert int(graph.value(dataset, VOID.triples)) == count(client.get("/sparql", params={"query": COUNT}))
    dumps = sorted(graph.objects(dataset, VOID.dataDump))
    assert len(dumps) == 4
    spdx = Namespace("http://spdx.org/rdf/terms#")
    for dump in dumps:
        download = client.get(str(dump))
        assert download.status_code == 200 and download.content[:2] == b"\x1f\x8b"  # gzip
        checksum = graph.value(dump, spdx.checksum)
        assert str(graph.value(checksum, spdx.checksumValue)) == hashlib.sha256(download.content).hexdigest()
    assert client.get("/dumps/../../etc/passwd").status_code == 404
    assert client.get("/dumps/nothing.nq.gz").status_code == 404


def test_each_source_graph_can_be_queried_with_graph(client: TestClient) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/rekg/graph/s004-lessons-from-japan> { ?s ?p ?o } }"
    assert 300 < count(client.get("/sparql", params={"query": query})) < count(client.get("/sparql", params={"query": COUNT}))


def test_default_graph_uri_restricts_the_default_graph(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": COUNT, "default-graph-uri": "https://w3id.org/rekg/graph/r01-japanese-magnet-makers"})
    assert 10 < count(response) < 200


def test_relative_iris_resolve_against_the_endpoint(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT ?x WHERE { BIND(<id/company/lynas> AS ?x) }", "unused": "1"})
    assert response.json()["results"]["bindings"][0]["x"]["value"] == "http://testserver/id/company/lynas"


def test_the_openapi_description_names_the_protocol_parameters(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for method in ("get", "post"):
        names = {p["name"] for p in paths["/sparql"][method]["parameters"]}
        assert {"query", "default-graph-uri", "named-graph-uri", "format"} <= names
    assert set(paths["/sparql"]["post"]["requestBody"]["content"]) == {"application/sparql-query", "application/x-www-form-urlencoded"}


def test_syntax_error_is_400_without_traceback(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT WHERE {"})
    assert response.status_code == 400 and "syntax error" in response.text
    assert "Traceback" not in response.text


def test_percent_and_plus_decoding_in_the_url_and_a_form(client: TestClient) -> None:
    encoded = "query=SELECT+%28%22a%2Bb+%C3%A9%26%25%22+AS+%3Fx%29+%7B%7D"  # SELECT ("a+b é&%" AS ?x) {}
    by_get = client.get(f"/sparql?{encoded}", headers={"Accept": "text/csv"})
    by_form = client.post("/sparql", content=encoded, headers={"Accept": "text/csv", "Content-Type": "application/x-www-form-urlencoded"})
    assert by_get.text == by_form.text == "x\r\na+b é&%\r\n"


def test_two_query_parameters_are_400(client: TestClient) -> None:
    response = client.get("/sparql?query=ASK%7B%7D&query=ASK%7B%7D")
    assert response.status_code == 400 and "more than one 'query' parameter" in response.text


def test_post_of_another_media_type_is_415(client: TestClient) -> None:
    response = client.post("/sparql", content="ASK {}", headers={"Content-Type": "text/plain"})
    assert response.status_code == 415 and "'text/plain'" in response.text and "application/sparql-query" in response.text


def test_service_clause_is_refused_and_nothing_leaves_the_server(client: TestClient) -> None:
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args: object) -> None:
            pass

    listener = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=listener.serve_forever, daemon=True)
    thread.start()
    try:
        target = f"http://127.0.0.1:{listener.server_port}/sparql"
        for query in (
            f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
            f"select * where {{ service silent <{target}> {{ ?s ?p ?o }} }}",
        ):
            response = client.post("/sparql", data={"query": query})
            assert response.status_code == 400 and "SERVICE and LOAD are refused" in response.text
        assert client.get("/sparql", params={"query": f"SELECT * FROM <{target}> WHERE {{ ?s ?p ?o }} LIMIT 1"}).status_code == 200
    finally:
        listener.shutdown()
        listener.server_close()
    assert hits == []


def test_cors_is_open_for_sparql_and_queries(client: TestClient) -> None:
    for path in ("/sparql", "/queries"):
        preflight = client.options(path, headers={"Origin": "https://example.org", "Access-Control-Request-Method": "POST"})
        assert preflight.headers.get("access-control-allow-origin") in ("*", "https://example.org")
    response = client.get("/sparql", params={"query": COUNT}, headers={"Origin": "https://example.org"})
    assert response.headers["access-control-allow-origin"] == "*"


# --- named questions ---------------------------------------------------------------------


def test_queries_lists_titles_descriptions_and_parameters(client: TestClient) -> None:
    listing = client.get("/queries").json()
    by_name = {q["name"]: q for q in listing}
    q05 = next(q for name, q in by_name.items() if name.startswith("q05"))
    assert q05["title"].startswith("Which critical-minerals agreements")
    assert {p["name"] for p in q05["params"]} == {"party", "month", "asOf"}  # every question takes asOf
    assert next(p for p in q05["params"] if p["name"] == "asOf")["type"] == "date"


def test_a_named_question_answers_as_of_a_date(client: TestClient) -> None:
    def rows(**params: str) -> list[dict]:
        response = client.get("/queries/q05", params=params, headers={"Accept": "application/sparql-results+json"})
        assert response.status_code == 200, response.text
        return response.json()["results"]["bindings"]

    assert len(rows()) == 6  # the US agreements of October 2025, as of today
    assert rows(asOf="2025-09-30") == []  # none signed yet
    assert len(rows(asOf="2025-10-27")) == 5  # all but the one signed in Tokyo on the 28th
    bad = client.get("/queries/q05", params={"asOf": "yesterday"})
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.text


def test_named_query_runs_with_parameters_and_negotiation(client: TestClient) -> None:
    response = client.get(
        "/queries/q02", params={"alliance": "https://w3id.org/rekg/id/alliance/new-asian-alliance"}, headers={"Accept": "text/csv"}
    )
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "South Korea" in response.text


def test_unknown_named_query_is_404_and_bad_parameter_400(client: TestClient) -> None:
    assert client.get("/queries/q99").status_code == 404
    bad = client.get("/queries/q02", params={"colour": "red"})
    assert bad.status_code == 400 and "has no parameter 'colour'" in bad.text
    assert client.get("/queries/q02", params={"alliance": "not an iri"}).status_code == 400


# --- entity pages, ontology, search, graph store -----------------------------------------


def test_entity_page_html_shows_statements_sources_and_quotes(client: TestClient) -> None:
    response = client.get("/id/company/lynas-rare-earths", headers={"Accept": "text/html"})
    assert response.status_code == 200 and "Accept" in response.headers["vary"]
    html = response.text
    assert "<h1>Lynas Rare Earths</h1>" in html
    assert 'href="/id/facility/mount-weld"' in html
    assert "the Mount Weld mine operated by Lynas Rare Earths Ltd." in html


def test_entity_page_shows_figures_as_a_table(client: TestClient) -> None:
    html = client.get("/id/country/CN", headers={"Accept": "text/html"}).text
    assert '<table class="figures">' in html and "production share" in html


def test_entity_as_rdf(client: TestClient) -> None:
    response = client.get("/id/company/lynas-rare-earths", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.text, format="turtle")
    assert len(graph) > 10 and "Accept" in response.headers["vary"]


def test_unknown_entity_is_404(client: TestClient) -> None:
    response = client.get("/id/company/nope")
    assert response.status_code == 404 and "no entity https://w3id.org/rekg/id/company/nope" in response.text


@pytest.mark.parametrize(
    "path,status",
    [
        ("/id/company/a%20b", 404),
        ("/id/company/%3Cx%3E", 404),
        ("/id/company/%7Bx%7D", 404),
        ("/browse?cls=foo", 400),
        ("/browse?cls=http://x/a%20b", 400),
    ],
)
def test_malformed_identifiers_get_4xx_with_a_message(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status and response.text.strip()


def test_ontology_at_its_namespace(client: TestClient) -> None:
    page = client.get("/ontology", headers={"Accept": "text/html"}).text
    assert 'id="Refinery"' in page and 'id="operates"' in page and "pyLODE" in page  # the generated documentation
    graph = Graph().parse(data=client.get("/ontology", headers={"Accept": "text/turtle"}).text, format="turtle")
    assert isomorphic(graph, load_ontology())


def test_label_search(client: TestClient) -> None:
    hits = client.get("/search", params={"q": "lyn"}).json()
    assert hits[0]["label"] == "Lynas Rare Earths" and hits[0]["path"] == "/id/company/lynas-rare-earths"
    assert any(h["label"] == "Lynas Rare Earths" for h in client.get("/search", params={"q": "the miner"}).json())


@pytest.mark.parametrize(
    "graph",
    ["https://w3id.org/rekg/graph/s000-new-asian-alliance", "https://w3id.org/rekg/graph/ontology", "https://w3id.org/rekg/graph/entities"],
)
def test_graph_store_returns_one_graph(client: TestClient, graph: str) -> None:
    response = client.get("/rdf-graph-store", params={"graph": graph}, headers={"Accept": "application/n-triples"})
    assert response.status_code == 200 and len(Graph().parse(data=response.text, format="nt")) > 100


def test_graph_store_default_and_missing(client: TestClient) -> None:
    default = client.get("/rdf-graph-store?default", headers={"Accept": "text/turtle"})
    assert default.status_code == 200 and default.headers["content-type"].startswith("text/turtle")
    union = Graph().parse(data=default.text, format="turtle")  # the default graph: the union of every graph
    assert len(union) > 5000 and (URIRef("https://w3id.org/rekg/id/company/lynas-rare-earths"), RDFS.label, None) in union
    assert client.get("/rdf-graph-store", params={"graph": "https://example.org/none"}).status_code == 404


# --- operations ----------------------------------------------------------------------------


def test_health_and_metrics(client: TestClient) -> None:
    health = client.get("/health").json()
    assert health["status"] == "ok" and health["graph_version"].startswith("db-")
    assert not any("/" in str(value) for value in health.values()), health  # no path of the machine
    client.get("/sparql", params={"query": COUNT})
    metrics = client.get("/metrics").text
    assert 'rekg_queries_total{endpoint="sparql"}' in metrics
    assert "rekg_query_seconds_bucket" in metrics and "rekg_query_timeouts_total" in metrics


def test_queries_are_logged_with_endpoint_form_rows_and_duration(built_store: Path, caplog: pytest.LogCaptureFixture) -> None:
    from rekg_server.app import create_app

    from kg.settings import Settings

    with caplog.at_level(logging.INFO, logger="rekg.server"):
        with TestClient(create_app(Settings(store_dir=built_store))) as default:  # only slow queries
            default.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3"})  # the first starts a worker: slow
            caplog.clear()
            assert default.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3"}).status_code == 200
        assert not [r for r in caplog.records if r.name == "rekg.server"]
        with TestClient(create_app(Settings(store_dir=built_store, slow_query_seconds=0))) as every:  # rekg serve --log-queries
            every.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3"})
            every.get("/queries/q02", params={"alliance": "https://w3id.org/rekg/id/alliance/new-asian-alliance"})
    lines = [r.getMessage() for r in caplog.records if r.name == "rekg.server"]
    assert re.fullmatch(r"sparql solutions rows=3 truncated=False \d+\.\d ms", lines[0]), lines
    assert re.fullmatch(r"queries/q02-members-of-an-alliance solutions rows=4 truncated=False \d+\.\d ms", lines[1]), lines


def test_request_body_over_the_limit_is_413(client: TestClient) -> None:
    big = "#" + "x" * (1 << 20) + "\nASK {}"
    response = client.post("/sparql", content=big, headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413 and "Content Too Large" in response.text
    assert client.post("/sparql", content=big[-6:], headers={"Content-Type": "application/sparql-query"}).json()["boolean"] is True


def test_the_get_shortcut_keeps_the_common_behaviour(client: TestClient) -> None:
    """A query by GET skips the router, not what the stack does for it: CORS on answers and
    errors, errors mapped and counted, the body limit."""

    def counted(name: str) -> float:
        found = re.search(rf'^{name}{{endpoint="sparql"}} ([\d.]+)$', client.get("/metrics").text, re.M)
        return float(found.group(1)) if found else 0.0

    queries, errors = counted("rekg_queries_total"), counted("rekg_query_errors_total")
    ok = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers={"Origin": "https://example.org"})
    assert ok.status_code == 200 and ok.headers["access-control-allow-origin"] == "*" and ok.json() == {"head": {}, "boolean": True}
    bad = client.get("/sparql", params={"query": "SELEC ?x"}, headers={"Origin": "https://example.org"})
    assert bad.status_code == 400 and bad.headers["access-control-allow-origin"] == "*"
    assert bad.headers["content-type"].startswith("text/plain") and "SPARQL syntax error" in bad.text
    assert (counted("rekg_queries_total"), counted("rekg_query_errors_total")) == (queries + 1, errors + 1)
    big = client.request("GET", "/sparql", params={"query": "ASK {}"}, content=b"x" * ((1 << 20) + 1))
    assert big.status_code == 413


# --- limits that need their own server -----------------------------------------------------

HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_query_past_the_time_limit_is_cancelled_and_the_server_recovers(built_store: Path) -> None:
    live = LiveServer(built_store, query_timeout="1", workers="1")
    try:
        response = httpx.get(f"{live.url}/sparql", params={"query": HEAVY}, timeout=30)
        assert response.status_code == 503 and "time limit" in response.text
        assert count(httpx.get(f"{live.url}/sparql", params={"query": COUNT}, timeout=30)) > 5000
        assert "rekg_query_timeouts_total 1.0" in httpx.get(f"{live.url}/metrics").text
    finally:
        live.stop()


# a cross product sorted: its rows are held in memory before the first comes out
GREEDY = "SELECT ?a ?b ?c WHERE { ?a ?p1 ?x . ?b ?p2 ?y . ?c ?p3 ?z } ORDER BY ?a ?b ?c LIMIT 1"


def _resident(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * 4096
        except (OSError, IndexError):
            pass
    return total


def test_a_query_past_its_memory_limit_is_stopped_and_the_server_answers_meanwhile(built_store: Path) -> None:
    live = LiveServer(built_store, query_memory="150M", query_timeout="60", workers="2")
    try:
        peak, done = [0], threading.Event()

        def watch() -> None:  # the whole server (the process and its workers), every 20 ms
            while not done.is_set():
                peak[0] = max(peak[0], _resident([live.process.pid, *_children(live.process.pid)]))
                time.sleep(0.02)

        watcher = threading.Thread(target=watch)
        watcher.start()
        started = time.monotonic()
        with httpx.Client(timeout=60) as client:
            greedy = threading.Thread(target=lambda: results.append(client.get(f"{live.url}/sparql", params={"query": GREEDY})))
            results: list[httpx.Response] = []
            greedy.start()
            time.sleep(0.5)
            # the other worker answers meanwhile
            assert count(client.get(f"{live.url}/sparql", params={"query": COUNT})) > 5000
            greedy.join()
        done.set()
        watcher.join()
        response = results[0]
        assert response.status_code == 503 and "150 MiB memory limit" in response.text and "REKG_QUERY_MEMORY" in response.text
        assert time.monotonic() - started < 60  # stopped by memory, not by time
        # the server as a whole stayed under its ceiling: itself, two idle workers, and one query's limit
        assert peak[0] < 1200 << 20, peak[0]
        assert count(httpx.get(f"{live.url}/sparql", params={"query": COUNT}, timeout=30)) > 5000  # the worker was replaced
    finally:
        live.stop()


def test_a_bad_setting_names_the_variable_and_what_it_takes(built_store: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    for name, value, expected in (
        ("REKG_MAX_ROWS", "abc", "expected a whole number"),
        ("REKG_QUERY_MEMORY", "lots", "a size in bytes"),
        ("REKG_QUERY_TIMEOUT", "-1", "expected a number"),
    ):
        result = CliRunner().invoke(app, ["serve", "--store", str(built_store)], env={name: value})
        output = " ".join(result.output.split())
        assert result.exit_code == 1 and f"{name} is {value!r}" in output and expected in output, output


def post_update(client: httpx.Client, url: str, text: str) -> httpx.Response:
    """An update with the tests' token."""
    return client.post(
        f"{url}/update", content=text, timeout=120, headers={"Authorization": "Bearer s3cret", "Content-Type": "application/sparql-update"}
    )


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_a_worker_killed_with_sigkill_is_replaced_and_no_request_fails(built_store: Path) -> None:
    import os
    import signal

    live = LiveServer(built_store, workers="2")
    try:
        for i in range(4):  # every worker has served
            assert httpx.get(f"{live.url}/sparql", params={"query": f"{COUNT} # warm {i}"}, timeout=30).status_code == 200
        workers = [pid for pid in _children(live.process.pid) if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()]
        assert workers, "no worker process found"
        os.kill(workers[0], signal.SIGKILL)
        # each text new to the server, so each goes to a worker (a query asked before may run in the server process)
        statuses = [httpx.get(f"{live.url}/sparql", params={"query": f"{COUNT} # {i}"}, timeout=30).status_code for i in range(20)]
        assert statuses == [200] * 20
    finally:
        live.stop()


def test_queries_over_the_concurrency_bound_get_503_with_retry_after(built_store: Path) -> None:
    live = LiveServer(built_store, query_timeout="3", workers="1", queue_wait="0.2")
    try:
        with httpx.Client(timeout=30) as client:
            slow = threading.Thread(target=lambda: client.get(f"{live.url}/sparql", params={"query": HEAVY}))
            slow.start()
            deadline = time.monotonic() + 20
            while "rekg_queries_in_flight 1.0" not in client.get(f"{live.url}/metrics").text:
                assert time.monotonic() < deadline, "the slow query never started"
            response = client.get(f"{live.url}/sparql", params={"query": "ASK {}"})
            slow.join()
        assert response.status_code == 503 and response.headers["retry-after"] == "1"
    finally:
        live.stop()


@contextmanager
def worker_busy(client: httpx.Client, url: str) -> Iterator[None]:
    """The server's only worker running HEAVY (until its time limit) for the duration of the block."""
    slow = threading.Thread(target=lambda: client.get(f"{url}/sparql", params={"query": f"{HEAVY} # {time.monotonic()}"}))
    slow.start()
    deadline = time.monotonic() + 20
    while "rekg_queries_in_flight 1.0" not in client.get(f"{url}/metrics").text:
        assert time.monotonic() < deadline, "the slow query never started"
    try:
        yield
    finally:
        slow.join()


def test_a_short_query_asked_before_is_answered_by_the_server_itself_until_the_graph_changes(store_copy: Path) -> None:
    live = LiveServer(store_copy, update_token="s3cret", workers="1", query_timeout="3", queue_wait="0.2")
    members = "SELECT ?m WHERE { ?m <https://w3id.org/rekg/ontology#memberOf> <https://w3id.org/rekg/id/alliance/new-asian-alliance> }"
    try:
        with httpx.Client(timeout=30) as client:
            ask = lambda query: client.get(f"{live.url}/sparql", params={"query": query})  # noqa: E731
            first = ask(members)  # through the worker, which says it was short
            assert first.status_code == 200 and LYNAS not in first.text
            with worker_busy(client, live.url):
                assert ask(members).json() == first.json()  # answered while the only worker is busy
                assert ask("ASK { ?s ?p 42 }").status_code == 503  # never asked: it waits for a worker
            assert post_update(client, live.url, JOIN).status_code == 204
            with worker_busy(client, live.url):
                assert ask(members).status_code == 503  # a new version of the graph: through a worker first
            assert LYNAS in ask(members).text
            with worker_busy(client, live.url):
                assert LYNAS in ask(members).text  # in the server process again, on the new version
    finally:
        live.stop()


def _answer_cache(client: httpx.Client, url: str, outcome: str) -> float:
    metrics = client.get(f"{url}/metrics").text
    found = re.search(rf'^rekg_answer_cache_total{{outcome="{outcome}"}} ([\d.]+)$', metrics, re.MULTILINE)
    return float(found.group(1)) if found else 0.0


def test_a_page_is_answered_from_memory_with_an_etag_until_the_graph_changes(store_copy: Path) -> None:
    live = LiveServer(store_copy, update_token="s3cret")
    page = f"{live.url}/id/company/lynas-rare-earths"
    try:
        with httpx.Client(timeout=30) as client:
            first, again = client.get(page), client.get(page)
            assert first.status_code == again.status_code == 200 and again.text == first.text
            etag = first.headers["etag"]
            assert again.headers["etag"] == etag and first.headers["cache-control"] == "no-cache"
            assert _answer_cache(client, live.url, "hit") == 1
            unchanged = client.get(page, headers={"If-None-Match": etag})
            assert unchanged.status_code == 304 and unchanged.content == b"" and unchanged.headers["etag"] == etag
            turtle = client.get(page, headers={"Accept": "text/turtle"})  # another representation, another answer
            assert turtle.headers["content-type"].startswith("text/turtle") and turtle.headers["etag"] != etag
            point = {"query": f"SELECT ?p ?o WHERE {{ <{LYNAS}> ?p ?o }}"}
            hits = _answer_cache(client, live.url, "hit")
            assert client.get(f"{live.url}/sparql", params=point).status_code == 200
            assert client.get(f"{live.url}/sparql", params=point).status_code == 200
            assert _answer_cache(client, live.url, "hit") == hits  # queries are always evaluated
            assert post_update(client, live.url, INSERT).status_code == 204
            changed = client.get(page, headers={"If-None-Match": etag})  # a new version: the page again, with the update
            assert changed.status_code == 200 and "checked" in changed.text and changed.headers["etag"] != etag
    finally:
        live.stop()


def test_results_are_cut_at_the_row_limit(built_store: Path) -> None:
    live = LiveServer(built_store, max_rows="10", slow_query_seconds="0")
    try:
        response = httpx.get(f"{live.url}/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert len(response.json()["results"]["bindings"]) == 10
        assert response.headers["x-rekg-truncated"] == "true"
        assert re.search(r"rekg\.server.*sparql solutions rows=10 truncated=True \d+\.\d ms", live.logs())
    finally:
        live.stop()


# --- update ----------------------------------------------------------------------------------

INSERT = 'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> INSERT DATA { GRAPH <https://w3id.org/rekg/graph/curation> { <https://w3id.org/rekg/id/company/lynas-rare-earths> rdfs:comment "checked" } }'
BAD = "PREFIX rekg: <https://w3id.org/rekg/ontology#> INSERT DATA { GRAPH <https://w3id.org/rekg/graph/curation> { <https://w3id.org/rekg/id/country/XX> a rekg:Country } }"


def test_update_is_off_without_a_token(client: TestClient) -> None:
    response = client.post("/update", content=INSERT, headers={"Content-Type": "application/sparql-update"})
    assert response.status_code == 403 and "no REKG_UPDATE_TOKEN is set" in response.text


def test_update_with_token_applies_refuses_violations_and_rejects_wrong_token(store_copy: Path) -> None:
    live = LiveServer(store_copy, update_token="s3cret")
    try:
        headers = {"Content-Type": "application/sparql-update", "Authorization": "Bearer s3cret"}
        post = lambda **kw: httpx.post(f"{live.url}/update", timeout=120, **kw)  # noqa: E731 (an update re-runs reasoning)
        assert post(content=INSERT, headers={**headers, "Authorization": "Bearer wrong"}).status_code == 401
        asserted = (
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER (?g NOT IN "
            "(<https://w3id.org/rekg/graph/inferred>, <https://w3id.org/rekg/graph/explanations>) "
            '&& !STRSTARTS(STR(?g), "https://w3id.org/rekg/graph/update/")) }'
        )  # not the updates' records
        before = count(httpx.get(f"{live.url}/sparql", params={"query": asserted}))
        refused = post(content=BAD, headers=headers)
        assert refused.status_code == 422 and "isoCode" in refused.text
        assert count(httpx.get(f"{live.url}/sparql", params={"query": asserted})) == before
        assert post(data={"update": INSERT}, headers={"Authorization": "Bearer s3cret"}).status_code == 204
        assert count(httpx.get(f"{live.url}/sparql", params={"query": asserted})) == before + 1
        load = post(content="LOAD <http://127.0.0.1:9/x.ttl>", headers=headers)
        assert load.status_code == 400
    finally:
        live.stop()


def test_a_page_drawn_before_an_update_is_drawn_again_after_it(store_copy: Path) -> None:
    live = LiveServer(store_copy, update_token="s3cret")
    try:
        page = lambda: httpx.get(f"{live.url}/id/country/JP", headers={"Accept": "text/html"}, timeout=60).text  # noqa: E731
        assert "Kenya" not in page() and "Kenya" not in page()  # drawn, then served as drawn
        joins = (
            "INSERT DATA { <https://w3id.org/rekg/id/country/KE> <https://w3id.org/rekg/ontology#memberOf> "
            "<https://w3id.org/rekg/id/alliance/supply-chain-resilience-initiative> }"
        )
        assert (
            httpx.post(
                f"{live.url}/update",
                content=joins,
                timeout=120,
                headers={"Authorization": "Bearer s3cret", "Content-Type": "application/sparql-update"},
            ).status_code
            == 204
        )
        partners = page().split("Partners and the links behind them", 1)[1].split("</svg>", 1)[0]
        assert "Kenya" in partners  # a new partner of Japan through the initiative, in the partners' picture
    finally:
        live.stop()


JOIN = (
    "PREFIX rekg: <https://w3id.org/rekg/ontology#> INSERT DATA { <https://w3id.org/rekg/id/company/lynas-rare-earths> "
    "rekg:memberOf <https://w3id.org/rekg/id/alliance/new-asian-alliance> }"
)
PROVENANCE = (
    PREFIXES
    + """SELECT ?who ?when ?source ?quote WHERE {
  GRAPH ?g { <https://w3id.org/rekg/id/company/lynas-rare-earths> rekg:memberOf <https://w3id.org/rekg/id/alliance/new-asian-alliance> }
  ?g prov:wasAttributedTo/rdfs:label ?who ; prov:generatedAtTime ?when .
  OPTIONAL { ?g prov:wasDerivedFrom ?source } OPTIONAL { ?g rekg:quote ?quote } }"""
)


def test_an_update_records_who_when_and_its_source_and_pages_show_it(store_copy: Path) -> None:
    live = LiveServer(store_copy, update_token="s3cret", update_token_name="Alice Analyst")
    try:
        auth = {"Authorization": "Bearer s3cret"}

        def update(text: str, **params: str) -> httpx.Response:
            return httpx.post(
                f"{live.url}/update",
                params=params,
                content=text,
                timeout=120,
                headers={**auth, "Content-Type": "application/sparql-update"},
            )

        assert update(JOIN, source="not an iri").status_code == 400
        assert update(JOIN, source="https://example.org/news/1", quote="Lynas joins the alliance").status_code == 204
        found = httpx.get(f"{live.url}/sparql", params={"query": PROVENANCE}, headers={"Accept": "application/sparql-results+json"}).json()
        [row] = found["results"]["bindings"]
        assert row["who"]["value"] == "Alice Analyst" and row["when"]["value"].startswith(str(datetime.date.today().year))
        assert row["source"]["value"] == "https://example.org/news/1" and row["quote"]["value"] == "Lynas joins the alliance"
        # the consequence, explained down to the update's source and quote
        explained = httpx.get(
            f"{live.url}/explain",
            params={"s": "company/lynas-rare-earths", "p": "partnerOf", "o": "country/JP"},
            headers={"Accept": "text/html"},
        )
        assert explained.status_code == 200
        assert "https://example.org/news/1 (added by Alice Analyst" in explained.text and "Lynas joins the alliance" in explained.text
        # a fact without a source is shown as unsourced
        comment = (
            'INSERT DATA { <https://w3id.org/rekg/id/company/lynas-rare-earths> <http://www.w3.org/2000/01/rdf-schema#comment> "checked" }'
        )
        assert update(comment).status_code == 204
        page = httpx.get(f"{live.url}/id/company/lynas-rare-earths", headers={"Accept": "text/html"}).text
        assert "unsourced (added by Alice Analyst" in page
        # and a named question can leave it out
        joins = "INSERT DATA { <https://w3id.org/rekg/id/country/VN> <https://w3id.org/rekg/ontology#memberOf> <https://w3id.org/rekg/id/alliance/supply-chain-resilience-initiative> }"
        assert update(joins).status_code == 204

        def partners(**params: str) -> set[str]:
            answer = httpx.get(f"{live.url}/queries/q09", params=params, headers={"Accept": "application/sparql-results+json"})
            return {b["partnerLabel"]["value"] for b in answer.json()["results"]["bindings"]}

        assert "Vietnam" in partners() and "Vietnam" not in partners(sourced="true") and "India" in partners(sourced="true")
        assert httpx.get(f"{live.url}/queries/q09", params={"sourced": "maybe"}).status_code == 400
    finally:
        live.stop()


def test_explain_shows_the_derivation_down_to_quotes(client: TestClient) -> None:
    params = {"s": "country/JP", "p": "partnerOf", "o": "country/IN"}
    html = client.get("/explain", params=params, headers={"Accept": "text/html"})
    assert html.status_code == 200 and "partner-via-" in html.text and 'href="/id/country/IN"' in html.text
    assert "India" in html.text and "“" in html.text
    rdf = Graph().parse(data=client.get("/explain", params=params, headers={"Accept": "text/turtle"}).text, format="turtle")
    rekg = "https://w3id.org/rekg/ontology#"
    rules = {str(o) for o in rdf.objects(None, URIRef(rekg + "rule"))}
    assert any(r.startswith("partner-via-") for r in rules)
    assert set(rdf.subjects(RDF.type, URIRef(rekg + "AssertedPremise")))
    assert client.get("/explain", params={"s": "country/JP", "p": "partnerOf", "o": "country/JP"}).status_code == 404


LYNAS = "https://w3id.org/rekg/id/company/lynas-rare-earths"
PROV_DERIVED = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
OA_EXACT = URIRef("http://www.w3.org/ns/oa#exact")


def test_an_entity_iri_dereferences_as_linked_data_clients_expect(server, client: TestClient) -> None:
    # rdflib fetches the IRI's data from the running server as any linked-data client would
    fetched = Graph().parse(f"{server.url}/id/company/lynas-rare-earths")
    assert (URIRef(LYNAS), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), None) in fetched
    assert any(fetched.triples((None, RDF.subject, URIRef(LYNAS))))  # its claims ...
    assert any(fetched.triples((None, PROV_DERIVED, None))) and any(fetched.triples((None, OA_EXACT, None)))  # ... their sources and quotes
    negotiated = client.get("/id/company/lynas-rare-earths", headers={"Accept": "text/turtle"})
    assert negotiated.headers["Content-Location"] == "/id/company/lynas-rare-earths.ttl"
    links = negotiated.headers["Link"]
    assert '</id/company/lynas-rare-earths.ttl>; rel="describedby"' in links
    assert '</id/company/lynas-rare-earths.jsonld>; rel="alternate"; type="application/ld+json"' in links
    for suffix, fmt in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"), ("rdf", "xml")):
        response = client.get(f"/id/company/lynas-rare-earths.{suffix}")
        assert response.status_code == 200 and response.headers["Content-Location"].endswith(f".{suffix}")
        assert len(Graph().parse(data=response.content, format=fmt)) == len(fetched), suffix
    page = client.get("/id/company/lynas-rare-earths.html")
    assert page.headers["Content-Location"] == "/id/company/lynas-rare-earths.html"
    embedded = re.search(r'<script type="application/ld\+json">(.*?)</script>', page.text, re.S)
    assert embedded is not None
    described = json.loads(embedded.group(1))
    assert described["@type"] == "Organization" and described["name"] == "Lynas Rare Earths" and described["@id"] == LYNAS
    assert client.get("/id/company/no-such-firm.ttl").status_code == 404


def test_an_entity_page_shows_claims_under_their_modality(client: TestClient) -> None:
    page = client.get("/id/company/alcoa", headers={"Accept": "text/html"})
    assert page.status_code == 200
    section = page.text.split("Claims under their modality")[1].split("<h2>")[0]
    assert "planned" in section and "Alcoa gallium refinery" in section and "Alcoa&#39;s planned gallium refinery" in section
    biden = client.get("/id/person/joe-biden", headers={"Accept": "text/html"}).text
    assert "until 2025" in biden.split("Claims under their modality")[1].split("<h2>")[0]
