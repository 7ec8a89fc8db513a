"""The W3C SPARQL 1.1 Protocol test cases, replayed against a live server.

The manifest's graphs (data1–3.nt) are loaded under their kasei.us IRIs instead of being
fetched. Query requests go to /sparql and update requests to /update (with the token).
"""

from __future__ import annotations

import json

import httpx
import pytest
from rdflib import RDF, Graph, Namespace
from rdflib.collection import Collection

from kg.store import EmbeddedStore
from tests.conftest import REPO, LiveServer, require

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
W3C = REPO.parent / "shared" / "w3c" / "sparql11-protocol"
TOKEN = "w3c-token"


def load_cases() -> list[tuple[str, list]]:
    if not (W3C / "manifest.ttl").is_file():
        return []
    manifest = Graph().parse(W3C / "manifest.ttl", format="turtle")
    cases = []
    for test in manifest.subjects(RDF.type, MF.ProtocolTest):
        action = manifest.value(test, MF.action)
        requests = []
        for request in Collection(manifest, manifest.value(action, HT.requests)):
            headers = {}
            header_list = manifest.value(request, HT.headers)
            if header_list is not None:
                for header in Collection(manifest, header_list):
                    headers[str(manifest.value(header, HT.fieldName))] = str(manifest.value(header, HT.fieldValue))
            body = manifest.value(request, HT.body)
            response = manifest.value(request, HT.resp)
            requests.append(
                {
                    "method": str(manifest.value(request, HT.methodName)),
                    "path": str(manifest.value(request, HT.absolutePath)),
                    "headers": headers,
                    "body": str(manifest.value(body, CNT.chars)) if body is not None else None,
                    "encoding": str(manifest.value(body, CNT.characterEncoding) or "UTF-8") if body is not None else None,
                    "status": {str(s).rsplit("StatusCode", 1)[-1] for s in manifest.objects(response, MF.expectedStatus)},
                    "boolean": manifest.value(response, MF.expectedBoolean),
                    "format": manifest.value(response, MF.expectedFormat),
                }
            )
        cases.append((str(test).rsplit("#", 1)[-1], requests))
    return sorted(cases)


CASES = load_cases()


@pytest.fixture(scope="module")
def w3c_server(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("w3c-store")
    quads = []
    for name in ("data1", "data2", "data3"):
        graph = f"<http://kasei.us/2009/09/sparql/data/{name}.rdf>"
        for line in (W3C / f"{name}.nt").read_text().splitlines():
            if line.strip():
                quads.append(line.rstrip().rstrip(".").rstrip() + f" {graph} .")
    EmbeddedStore(root, read_only=False).replace_all(("\n".join(quads) + "\n").encode(), media_type="application/n-quads")
    live = LiveServer(root, update_token=TOKEN)
    yield live
    live.stop()


def is_update(request: dict) -> bool:
    content_type = request["headers"].get("content-type", "")
    return content_type == "application/sparql-update" or (
        content_type == "application/x-www-form-urlencoded" and (request["body"] or "").startswith("update=")
    )


def result_format(response: httpx.Response) -> str:
    media = response.headers.get("content-type", "").split(";")[0]
    if media in ("application/sparql-results+json", "application/sparql-results+xml"):
        return "boolean" if "boolean" in response.text else "tabular"
    if media in ("text/csv", "text/tab-separated-values"):
        return "tabular"
    return "RDF" if media in ("text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json") else media


def boolean_of(response: httpx.Response) -> bool:
    if "json" in response.headers["content-type"]:
        return json.loads(response.text)["boolean"]
    return "<boolean>true</boolean>" in response.text


def test_manifest_is_present() -> None:
    require(bool(CASES), f"the W3C protocol manifest is not at {W3C}")
    assert len(CASES) == 34


@pytest.mark.parametrize("name,requests", CASES, ids=[c[0] for c in CASES])
def test_w3c_protocol_case(w3c_server: LiveServer, name: str, requests: list[dict]) -> None:
    for request in requests:
        update = is_update(request)
        path = request["path"].replace("/sparql/", "/update" if update else "/sparql", 1)
        headers = dict(request["headers"])
        if update:
            headers["Authorization"] = f"Bearer {TOKEN}"
        # an update re-runs reasoning (owlrl and HermiT) before it answers: allow it time
        response = httpx.request(
            request["method"],
            w3c_server.url + path,
            headers=headers,
            timeout=120,
            content=request["body"].encode(request["encoding"]) if request["body"] is not None else None,
        )
        status_class = f"{response.status_code // 100}xx"
        assert status_class in request["status"], (name, path, response.status_code, response.text[:300])
        if request["format"] is not None:
            assert result_format(response) == str(request["format"]), (name, response.headers.get("content-type"))
        if request["boolean"] is not None:
            assert boolean_of(response) == bool(request["boolean"].toPython()), (name, response.text[:300])
