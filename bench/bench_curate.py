"""What a review on /curate costs: drafting an article, checking the reviewed sheet (as each card
is edited), and applying it to a copy of the store.

Usage: python bench/bench_curate.py STORE_DIR [--runs 7]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from kg.curation.draft import draft_document
from kg.curation.extract import Extractor
from kg.curation.gazetteer import gazetteer
from kg.curation.review import Review
from kg.ingest.corpus import resolve_corpus_dir
from kg.store.embedded import EmbeddedStore
from kg.vocab import FACTS_DIR

ARTICLE = (
    "Lynas Rare Earths operates the Mount Weld mine, its only mine in Australia.\n"
    "Lynas Rare Earths holds about 20% of the market outside China.\n"
    "Japan will supply magnets to the United States.\n"
)
FACTS = [
    {
        "quote": "Lynas Rare Earths operates the Mount Weld mine, its only mine in Australia.",
        "triples": [["company/lynas-rare-earths", "operates", "facility/mount-weld"]],
    },
    {
        "quote": "Lynas Rare Earths holds about 20% of the market outside China.",
        "figure": {"subject": "company/lynas-rare-earths", "metric": "production-share", "value": 20, "unit": "percent", "hedge": "about"},
    },
    {
        "quote": "Japan will supply magnets to the United States.",
        "modality": "expected",
        "supply": {"supplier": "country/JP", "customer": "country/US", "material": "material/permanent-magnet"},
    },
]


def _ms(times: list[float]) -> str:
    return f"median {statistics.median(times) * 1000:.0f} ms (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})"


def main() -> None:
    """Print the median times of a draft, a check and an apply."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("store", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    corpus = resolve_corpus_dir(None)
    started = time.perf_counter()
    extractor = Extractor(gazetteer(EmbeddedStore(args.store)))
    extractor.nlp  # noqa: B018 (the pipeline is built on first use)
    print(f"extractor made (gazetteer and spaCy pipeline): {(time.perf_counter() - started) * 1000:.0f} ms")
    drafts, checks, applies = [], [], []
    for run in range(args.runs):
        started = time.perf_counter()
        draft_document(extractor.extract(ARTICLE), "a.txt", source_id="s-bench", text=ARTICLE)
        drafts.append(time.perf_counter() - started)
        with tempfile.TemporaryDirectory() as scratch:
            facts, store_dir = Path(scratch) / "facts", Path(scratch) / "store"
            shutil.copytree(FACTS_DIR, facts)
            database = (args.store / "current").resolve()
            shutil.copytree(database, store_dir / database.name)
            (store_dir / "current").symlink_to(database.name)
            store = EmbeddedStore(store_dir, read_only=False)
            review = Review(facts, ARTICLE, {"source": {"id": f"s-bench-{run}", "title": "Bench"}, "facts": FACTS}, "bench")
            started = time.perf_counter()
            _, problems = review.check(store, corpus)
            checks.append(time.perf_counter() - started)
            assert not problems, problems
            started = time.perf_counter()
            review.apply(store, corpus)
            applies.append(time.perf_counter() - started)
            store.close()
    print(f"draft of a 3-sentence article: {_ms(drafts)}")
    print(f"check of the reviewed sheet (schema, quotes, lint, shapes of touched nodes): {_ms(checks)}")
    print(f"apply (check, incremental load, save): {_ms(applies)}")


if __name__ == "__main__":
    main()
