"""The analyst's workbench in a real headless Chromium, driven as a person would: a query typed
with a completion chosen from the list, run with the keyboard, its result switched between views
and its code copied; the map opened and a marker followed to its page; a syntax error marked
where the server says it is. The browser must ask nothing of any host but the server and log no
console error. Screenshots of /map, /, a country and a company page go to the test's folder."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from tests.conftest import LiveServer, chromium

LINE_QUERY = """#defaultView:Line
PREFIX rekg: <https://w3id.org/rekg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?country ?countryLabel ?year ?value WHERE {
  ?f a rekg:Figure ; rekg:metric <https://w3id.org/rekg/id/metric/mine-production> ; rekg:figureSubject ?country ;
     rekg:value ?value ; rekg:year ?year .
  ?country a rekg:Country ; rdfs:label ?countryLabel .
  FILTER (?country IN (<https://w3id.org/rekg/id/country/CN>, <https://w3id.org/rekg/id/country/US>, <https://w3id.org/rekg/id/country/AU>))
} ORDER BY ?country ?year"""


@pytest.fixture()
def logged_browser(tmp_path: Path):
    with chromium(tmp_path / "profile", logs=True) as driver:
        yield driver


def _requested_hosts(browser) -> set[str]:
    """Every host the pages asked for something over the network (DevTools network log): not
    data:, blob: or the browser's own chrome:// pages."""
    hosts = set()
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if urlsplit(url).scheme in ("http", "https", "ws", "wss"):
                hosts.add(urlsplit(url).netloc)
    return hosts


def _console_errors(browser) -> list[str]:
    return [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def test_an_analyst_queries_switches_views_and_follows_the_map(server: LiveServer, logged_browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    browser, wait = logged_browser, WebDriverWait(logged_browser, 20)
    shots = tmp_path / "screenshots"
    shots.mkdir()
    here = urlsplit(server.url).netloc

    # type a query in the editor, choosing a class from the completion list
    browser.get(server.url + "/")
    editor = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#editor .cm-content")))
    editor.click()
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys(Keys.DELETE)
    editor.send_keys("SELECT ?c WHERE { ?c a rekg:Coun")
    option = wait.until(
        ec.presence_of_element_located(
            (By.XPATH, "//div[contains(@class,'cm-tooltip-autocomplete')]//li[starts-with(normalize-space(.), 'rekg:Country')]")
        )
    )
    assert "country" in option.text.lower()
    editor.send_keys(Keys.ENTER)
    editor.send_keys(" }")
    text = browser.execute_script("return document.getElementById('sparql').value")
    assert "?c a rekg:Country }" in text and text.startswith("PREFIX rekg: <https://w3id.org/rekg/ontology#>")  # the prefix it needs
    # run it with the keyboard
    editor.send_keys(Keys.CONTROL, Keys.ENTER)
    wait.until(lambda b: "row(s)" in b.find_element(By.ID, "status").text)
    assert int(browser.find_element(By.ID, "status").text.split()[0]) >= 20
    assert browser.find_element(By.CSS_SELECTOR, "#results a[href='/id/country/JP']").text == "id:country/JP"  # compact names, linked
    browser.save_screenshot(str(shots / "index.png"))

    # a result over years: drawn as lines (#defaultView), then as bars and a table, each in the page's address
    browser.get(server.url + "/?query=" + quote(LINE_QUERY))
    chart = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#results svg.chart.lines")))
    assert len(chart.find_elements(By.CSS_SELECTOR, "polyline.series")) == 3
    assert "view=Line" in browser.current_url
    assert browser.find_element(By.ID, "download-svg") and browser.find_element(By.ID, "download-png")
    browser.find_element(By.CSS_SELECTOR, "#views button[data-view='Bar']").click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#results svg.chart.bars rect.bar")))
    assert "view=Bar" in browser.current_url
    browser.find_element(By.CSS_SELECTOR, "#views button[data-view='Table']").click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#results table.results")))
    browser.find_element(By.CSS_SELECTOR, "#views button[data-view='Plan']").click()
    plan = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#results ul.plan")))
    assert "BGP" in plan.text and "Project" in plan.text
    # the code that reproduces it, against this server
    browser.find_element(By.CSS_SELECTOR, "#get-code summary").click()
    snippets = dict(  # read at once: opening the box redraws the snippets (the same ones), which would leave elements stale
        browser.execute_script("return [...document.querySelectorAll('#code pre')].map((p) => [p.dataset.language, p.textContent])")
    )
    assert set(snippets) == {"Python (SPARQLWrapper)", "Python (rdflib)", "curl", "JavaScript (fetch)"}
    assert server.url + "/sparql" in snippets["Python (SPARQLWrapper)"] and "rekg:mine-production" not in snippets["curl"]
    assert "metric/mine-production" in snippets["Python (rdflib)"]

    # places in a result as a map; a CONSTRUCT as a graph of nodes and edges
    where = "PREFIX geo: <http://www.opengis.net/ont/geosparql#>\nSELECT ?f ?wkt WHERE { ?f geo:hasGeometry/geo:asWKT ?wkt }"
    browser.get(server.url + "/?view=Map&query=" + quote(where))
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#results svg.world-map circle.marker")))
    operates = "CONSTRUCT { ?a <https://w3id.org/rekg/ontology#operates> ?f } WHERE { ?a <https://w3id.org/rekg/ontology#operates> ?f }"
    browser.get(server.url + "/?query=" + quote(operates))
    graph = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#results svg.graph-view")))
    triples = int(browser.find_element(By.ID, "status").text.split()[0])
    assert triples >= 3 and len(graph.find_elements(By.CSS_SELECTOR, "line.edge")) == triples
    assert graph.find_element(By.CSS_SELECTOR, "a[href='/id/facility/mount-weld']")

    # a syntax error is marked at the line and column the server reports
    browser.get(server.url + "/?query=" + quote("SELECT ?x WHERE {\n  ?x ?p \n}"))
    wait.until(lambda b: "Error 400" in b.find_element(By.ID, "status").text)
    status = browser.find_element(By.ID, "status")
    assert status.get_attribute("data-line") == "3"
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#editor .cm-lint-marker-error")))  # in the gutter of that line
    assert browser.find_elements(By.CSS_SELECTOR, "#editor .cm-lintRange-error, #editor .cm-lintPoint-error")

    # the map: a marker followed to its page
    browser.get(server.url + "/map")
    wait.until(lambda b: b.find_element(By.TAG_NAME, "body").get_attribute("data-map-ready") == "true")
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.world-map path.country")) > 150
    assert browser.find_elements(By.CSS_SELECTOR, "svg.world-map path.country.known[fill^='rgb']")  # shaded by a measure
    browser.save_screenshot(str(shots / "map.png"))
    marker = browser.find_element(By.CSS_SELECTOR, "svg.world-map a.facility[data-iri$='facility/mount-weld'] circle.exact")
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", marker)
    wait.until(ec.url_contains("/id/facility/mount-weld"))
    wait.until(lambda b: b.find_element(By.TAG_NAME, "body").get_attribute("data-map-ready") == "true")
    assert browser.find_elements(By.CSS_SELECTOR, "[data-map-focus] circle.marker.focus")

    for page, name in (("/id/country/AU", "country-AU.png"), ("/id/company/lynas-rare-earths", "company-lynas.png")):
        browser.get(server.url + page)
        wait.until(lambda b: b.find_element(By.TAG_NAME, "body").get_attribute("data-map-ready") == "true")
        browser.save_screenshot(str(shots / name))

    assert _requested_hosts(browser) == {here}
    errors = [e for e in _console_errors(browser) if "400 (Bad Request)" not in e]  # the syntax error asked for above
    assert errors == []
