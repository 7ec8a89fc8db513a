"""The web page in a real headless Chromium: run Q1, see Lynas, follow the link to its page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import LiveServer, require


@pytest.fixture()
def browser(tmp_path: Path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    require(chromium is not None and driver_path is not None, "Debian's chromium and chromium-driver are not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1300,1000", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    yield driver
    driver.quit()


def test_run_q1_see_lynas_and_follow_the_link(server: LiveServer, browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait

    wait = WebDriverWait(browser, 20)
    browser.get(server.url + "/")
    select = Select(browser.find_element(By.ID, "named"))
    q1 = next(o.get_attribute("value") for o in select.options if o.get_attribute("value").startswith("q01"))
    select.select_by_value(q1)
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "[data-param='country']")))
    browser.find_element(By.ID, "run-named").click()
    link = wait.until(ec.element_to_be_clickable((By.LINK_TEXT, "Lynas Rare Earths")))
    assert "row(s)" in browser.find_element(By.ID, "status").text
    assert browser.find_element(By.PARTIAL_LINK_TEXT, "CSV").get_attribute("href").endswith("format=csv")
    browser.save_screenshot(str(tmp_path / "q1.png"))
    link.click()
    wait.until(ec.title_contains("Lynas"))
    assert browser.current_url.endswith("/id/company/lynas-rare-earths")
    assert "Mount Weld" in browser.find_element(By.TAG_NAME, "main").text


def test_search_box_finds_entities(server: LiveServer, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server.url + "/")
    browser.find_element(By.ID, "search").send_keys("lyn")
    hit = WebDriverWait(browser, 20).until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#search-results a")))
    assert hit.text == "Lynas Rare Earths"


def test_sparql_box_runs_and_links_entities(server: LiveServer, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server.url + "/")
    browser.find_element(By.ID, "run-sparql").click()
    link = WebDriverWait(browser, 20).until(ec.presence_of_element_located((By.CSS_SELECTOR, "#results a[href^='/id/']")))
    assert link.text


def test_shares_are_drawn_as_a_bar_chart(server: LiveServer, browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait

    browser.get(server.url + "/")
    select = Select(browser.find_element(By.ID, "named"))
    select.select_by_value(next(o.get_attribute("value") for o in select.options if o.get_attribute("value").startswith("q06")))
    WebDriverWait(browser, 20).until(ec.presence_of_element_located((By.CSS_SELECTOR, "[data-param='metric']")))
    browser.find_element(By.ID, "run-named").click()
    chart = WebDriverWait(browser, 20).until(ec.presence_of_element_located((By.CSS_SELECTOR, "svg.chart")))
    assert len(chart.find_elements(By.CSS_SELECTOR, "rect.bar")) == 5
    assert "China (2023)" in chart.text
    browser.save_screenshot(str(tmp_path / "q6.png"))
