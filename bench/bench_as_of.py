"""The view of the graph as of a day: its cost on a built store, cold and cached, and a question on it.

Usage: python bench/bench_as_of.py STORE_DIR [--days 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from pathlib import Path

from kg.analysis.as_of import AsOfViews
from kg.store.embedded import EmbeddedStore
from kg.store.queries import select_named


def main() -> None:
    """Print the view's build time for new days, a cached view, and Q3 on a view and on the store."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("store", type=Path)
    parser.add_argument("--days", type=int, default=7)
    args = parser.parse_args()
    store = EmbeddedStore(args.store)
    select_named(store, "q03", {})
    views = AsOfViews()
    cold, question = [], []
    for offset in range(args.days):
        day = dt.date(2015, 1, 1) + dt.timedelta(days=offset)
        started = time.perf_counter()
        view = views.view(store, day)
        cold.append(time.perf_counter() - started)
        started = time.perf_counter()
        select_named(view, "q03", {})
        question.append(time.perf_counter() - started)
    started = time.perf_counter()
    views.view(store, day)
    cached = time.perf_counter() - started
    print("view of a new day, ms:", [round(s * 1000) for s in cold], "median", round(statistics.median(cold) * 1000))
    print("the same day again, ms:", round(cached * 1000, 2))
    print("Q3 on a view, ms:", [round(s * 1000, 1) for s in question])


if __name__ == "__main__":
    main()
