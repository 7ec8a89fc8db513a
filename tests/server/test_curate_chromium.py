"""The review page in a real headless Chromium, against ``rekg serve`` on a copy of the store
and of the facts folder: a person pastes an article written for this test, reviews the drafted
facts card by card, saves and applies; the facts then show on the entity pages, and the sheet on
disk builds the same graph from scratch. A card the shapes refuse leaves everything untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kg.ingest.corpus import resolve_corpus_dir
from kg.ingest.pipeline import build_store
from kg.store import EmbeddedStore
from kg.vocab import GRAPH
from tests.conftest import LiveServer
from tests.server.test_web_chromium import browser  # noqa: F401  (the fixture)

TOKEN = "curator-secret"
ARTICLE = """Lynas Rare Earths operates the Mount Weld mine, its only mine in Australia.
Lynas Rare Earths holds about 20% of the market outside China.
Japan will supply magnets to the United States.
Iluka Resources signed an agreement with Japan in 2025.
"""
GRAPH_IRI = str(GRAPH["s-lynas-review-test"])


def _tree(folder: Path) -> dict[str, str]:
    """Every file of ``folder`` by relative path, with the digest of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def _graph(store: EmbeddedStore, graph: str) -> set[tuple[str, str, str]]:
    return {(str(s), str(p), str(o)) for s, p, o, _ in store.quads(graph=graph)}


@pytest.fixture()
def curating(store_copy: Path, facts_copy: Path):
    live = LiveServer(store_copy, update_token=TOKEN, update_token_name="Ada Curator", facts=str(facts_copy))
    yield live, store_copy, facts_copy
    live.stop()


def test_a_person_reviews_saves_and_applies_an_article(curating, browser, tmp_path: Path) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait

    server, store_dir, facts = curating
    wait = WebDriverWait(browser, 30)
    shots = tmp_path / "screenshots"
    shots.mkdir()

    # sign in with the update token
    browser.get(server.url + "/curate")
    browser.find_element(By.ID, "token").send_keys(TOKEN)
    browser.find_element(By.ID, "sign-in").click()
    wait.until(ec.presence_of_element_located((By.ID, "article-text")))

    # paste the article and draft it
    browser.find_element(By.ID, "article-name").clear()
    browser.find_element(By.ID, "article-name").send_keys("lynas-review-test")
    browser.execute_script("document.getElementById('article-text').value = arguments[0]", ARTICLE)
    browser.find_element(By.ID, "draft").click()
    wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, ".card")))
    assert browser.find_element(By.ID, "source-id").get_attribute("value") == "s-lynas-review-test"
    assert {m.text for m in browser.find_elements(By.CSS_SELECTOR, "mark.mention.known")} >= {
        "Lynas Rare Earths",
        "Japan",
        "Mount Weld mine",
    }

    def card(kind: str, words: str):
        for element in browser.find_elements(By.CSS_SELECTOR, f".card[data-kind='{kind}']"):
            if words in element.find_element(By.CSS_SELECTOR, "textarea").get_attribute("value"):
                return element
        raise AssertionError(f"no {kind} card for {words!r}")

    def checks() -> int:  # how many checks of the edited sheet have come back
        return int(browser.find_element(By.TAG_NAME, "body").get_attribute("data-checked") or 0)

    def checked_after(action) -> None:
        before = checks()
        action()
        wait.until(lambda _: checks() > before)

    wait.until(lambda _: checks() > 0)

    def click(element) -> None:
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()

    figure = card("figure", "20% of the market")
    supply = card("supply", "will supply magnets")
    # the drafted supply has the modality its marker gives, and the figure a metric to decide
    assert Select(supply.find_element(By.CSS_SELECTOR, "[data-path='modality']")).first_selected_option.get_attribute("value") == "expected"
    assert "left the metric to decide" in figure.text  # the check of the draft marks the todo beside its field

    # accept three, reject one; fix the figure's metric; change the supply's modality and material
    checked_after(lambda: Select(figure.find_element(By.CSS_SELECTOR, "[data-path='figure.metric']")).select_by_value("production-share"))
    figure = card("figure", "20% of the market")
    assert "left the metric to decide" not in figure.text
    Select(supply.find_element(By.CSS_SELECTOR, "[data-path='modality']")).select_by_value("planned")
    material = supply.find_element(By.CSS_SELECTOR, "[data-path='supply.material']")
    material.clear()
    checked_after(lambda: material.send_keys("material/permanent-magnet"))
    for kind, words, button in (
        ("triples", "operates the Mount Weld mine", "accept"),
        ("figure", "20% of the market", "accept"),
        ("supply", "will supply magnets", "accept"),
        ("triples", "signed an agreement", "reject"),
    ):
        click(card(kind, words).find_element(By.CSS_SELECTOR, f"button.{button}"))
    assert "3 accepted, 1 rejected" in browser.find_element(By.ID, "counts").text

    # a value the shapes refuse: Save and Apply write nothing, and say why beside the field
    store_before, facts_before = _graph(EmbeddedStore(store_dir), GRAPH_IRI), _tree(facts)
    version_before = EmbeddedStore(store_dir).version()
    value = card("figure", "20% of the market").find_element(By.CSS_SELECTOR, "[data-path='figure.value']")
    value.clear()
    checked_after(lambda: value.send_keys("120"))
    for button in ("save", "apply"):
        click(browser.find_element(By.ID, button))
        wait.until(ec.text_to_be_present_in_element((By.ID, "review-status"), "nothing was written"))
    problem = card("figure", "20% of the market").find_element(By.CSS_SELECTOR, ".problem")
    assert "between 0 and 100" in problem.text
    browser.save_screenshot(str(shots / "curate-refused.png"))
    assert _tree(facts) == facts_before
    assert EmbeddedStore(store_dir).version() == version_before and _graph(EmbeddedStore(store_dir), GRAPH_IRI) == store_before == set()

    # fixed: save, then apply
    value = card("figure", "20% of the market").find_element(By.CSS_SELECTOR, "[data-path='figure.value']")
    value.clear()
    checked_after(lambda: value.send_keys("20"))
    click(browser.find_element(By.ID, "save"))
    wait.until(ec.text_to_be_present_in_element((By.ID, "review-status"), "Saved s-lynas-review-test.yaml"))
    click(browser.find_element(By.ID, "apply"))
    wait.until(ec.text_to_be_present_in_element((By.ID, "review-status"), "Applied"))
    browser.save_screenshot(str(shots / "curate-applied.png"))

    sheet = (facts / "s-lynas-review-test.yaml").read_text(encoding="utf-8")
    assert (facts / "texts" / "s-lynas-review-test.txt").read_text(encoding="utf-8") == ARTICLE
    assert "reviewed_by: Ada Curator" in sheet and "modality: planned" in sheet and "metric: production-share" in sheet
    assert "signed an agreement" not in sheet and "todo" not in sheet

    # the facts show on the entity pages, with their quotes and modality
    click(browser.find_element(By.LINK_TEXT, "country/JP"))
    wait.until(ec.title_contains("Japan"))
    claims = browser.find_element(By.TAG_NAME, "main").text
    assert "Japan will supply magnets to the United States." in claims and "planned" in claims
    browser.save_screenshot(str(shots / "japan-after-apply.png"))
    browser.get(server.url + "/id/company/lynas-rare-earths")
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "its only mine in Australia" in page and "holds about 20% of the market outside China" in page

    # the sheet on disk builds the same graph from scratch
    rebuilt = EmbeddedStore(tmp_path / "rebuilt", read_only=False)
    build_store(facts, rebuilt, corpus_dir=resolve_corpus_dir(None), full=True)
    served = _graph(EmbeddedStore(store_dir), GRAPH_IRI)
    assert served and served == _graph(rebuilt, GRAPH_IRI)
