"""The weight of the web pages as a browser gets them: every response's encoded size (the
DevTools network log of headless Chromium, cache disabled), for `/` and `/map`.

Usage: python bench/page_weight.py STORE_DIR [--pages / /map]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.conftest import LiveServer  # noqa: E402 (the checkout's own test helper: rekg serve on loopback)


def main() -> None:
    """Print, for each page, the bytes received and the requests made, largest first."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("store", type=Path)
    parser.add_argument("--pages", nargs="+", default=["/", "/map"])
    args = parser.parse_args()
    server = LiveServer(args.store)
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1300,1000", "--disable-cache"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    browser = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "chromedriver"), options=options)
    try:
        for page in args.pages:
            browser.get("about:blank")
            browser.get_log("performance")
            browser.get(server.url + page)
            time.sleep(3)  # the page's own requests (map data, outlines) after load
            sizes: dict[str, int] = {}
            urls: dict[str, str] = {}
            for entry in browser.get_log("performance"):
                message = json.loads(entry["message"])["message"]
                if message["method"] == "Network.responseReceived":
                    urls[message["params"]["requestId"]] = message["params"]["response"]["url"]
                elif message["method"] == "Network.loadingFinished":
                    sizes[message["params"]["requestId"]] = int(message["params"]["encodedDataLength"])
            print(f"{page}: {sum(sizes.values()) / 1024:.0f} KiB in {len(sizes)} requests")
            for request, size in sorted(sizes.items(), key=lambda item: -item[1]):
                print(f"  {size / 1024:7.1f} KiB  {urls.get(request, '?').replace(server.url, '')}")
    finally:
        browser.quit()
        server.stop()


if __name__ == "__main__":
    main()
