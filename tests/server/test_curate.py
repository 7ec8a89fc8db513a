"""/curate over HTTP: behind the update token as /update is, a session cookie that never holds
the token, and the JSON endpoints the page calls."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rekg_server.app import create_app

from kg.settings import Settings

TOKEN = "curate-test-token"
ARTICLE = "Lynas Rare Earths operates the Mount Weld mine.\nJapan could supply motors to the United States.\n"


@pytest.fixture()
def curating(built_store: Path, facts_copy: Path):
    settings = Settings(store_dir=built_store, update_token=TOKEN, update_token_name="Ada", facts_dir=facts_copy)
    with TestClient(create_app(settings), base_url="http://testserver") as client:
        yield client


def test_without_a_token_configured_curation_is_off(client: TestClient) -> None:
    for response in (client.get("/curate"), client.post("/curate/check", json={"text": "x", "sheet": {}})):
        assert response.status_code == 403 and "no REKG_UPDATE_TOKEN is set" in response.text


def test_sign_in_sets_a_cookie_that_is_not_the_token(curating: TestClient) -> None:
    page = curating.get("/curate")
    assert page.status_code == 401 and 'name="token"' in page.text
    assert curating.post("/curate/session", data={"token": "wrong"}, follow_redirects=False).status_code == 401
    signed = curating.post("/curate/session", data={"token": TOKEN}, follow_redirects=False)
    assert signed.status_code == 303 and signed.headers["location"] == "/curate"
    cookie = signed.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("samesite", "SameSite") and TOKEN not in cookie
    page = curating.get("/curate")
    assert page.status_code == 200 and 'id="article-text"' in page.text and "production-share" in page.text  # the metrics to choose from


def test_endpoints_need_the_session_or_the_bearer_token(curating: TestClient) -> None:
    body = {"text": ARTICLE, "name": "x"}
    for refused in (
        curating.post("/curate/draft", json=body),
        curating.post("/curate/draft", json=body, headers={"Authorization": "Bearer nope"}),
    ):
        assert refused.status_code == 401 and "cards" not in refused.text
    drafted = curating.post("/curate/draft", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert drafted.status_code == 200 and drafted.json()["cards"]


def test_draft_then_check_names_the_fields(curating: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    draft = curating.post("/curate/draft", json={"text": ARTICLE, "name": "lynas-note.txt"}, headers=auth).json()
    assert draft["sheet"]["source"]["id"] == "s-lynas-note"
    known = {(ARTICLE[m["start"] : m["end"]], m["ref"]) for m in draft["mentions"] if m["known"]}
    assert ("Lynas Rare Earths", "company/lynas-rare-earths") in known
    cards = {card["fact"]["quote"]: card for card in draft["cards"]}
    supply = cards["Japan could supply motors to the United States."]
    assert supply["fact"]["modality"] == "possibility" and supply["sentence"] == 1
    facts = [card["fact"] for card in draft["cards"]]
    checked = curating.post("/curate/check", json={"text": ARTICLE, "sheet": {**draft["sheet"], "facts": facts}}, headers=auth).json()
    index = facts.index(supply["fact"])
    assert any(p["field"] == f"facts[{index}].supply.material" and "todo/material" in p["message"] for p in checked["problems"]), checked[
        "problems"
    ]
    assert checked["yaml"].startswith("# Source sheet reviewed with /curate by Ada.")
