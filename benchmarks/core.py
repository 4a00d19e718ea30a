"""Measurements of the core alone, in a process of its own, for :mod:`benchmarks.run`.

    python -m benchmarks.core --corpus DIR --common WORD --rare WORD

Loads the corpus through its cache as the app does, then filters it the way typing a word does,
one keystroke at a time, each narrowing the last result. Prints one JSON object: the load's time,
the process's peak resident memory (no Textual loaded), and the filter's times in seconds.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ABSENT = "zqxjkv"
"""A word no brief holds: the filter has to look through every text to the end."""


def _typing(word: str, texts: Sequence[str], rounds: int = 3) -> dict[str, Any]:
    from tui.core.search import filter_indices, narrows, query_terms

    best: list[float] | None = None
    rows: list[int] = []
    for _ in range(rounds):
        times: list[float] = []
        rows = []
        matches: list[int] | None = None
        previous: tuple[str, ...] = ()
        for end in range(1, len(word) + 1):
            terms = query_terms(word[:end])
            within = matches if matches is not None and narrows(previous, terms) else None
            started = time.perf_counter()
            matches = filter_indices(terms, texts, within)
            times.append(time.perf_counter() - started)
            rows.append(len(matches))
            previous = terms
        if best is None or sum(times) < sum(best):
            best = times
    assert best is not None
    return {"median": statistics.median(best), "max": max(best), "rows": rows}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.core")
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--common", required=True)
    parser.add_argument("--rare", required=True)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    from tui.core.cache import load_cached
    from tui.core.search import filter_indices, query_terms

    corpus = load_cached(args.corpus)
    loaded = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    texts = corpus.search_texts
    whole = []
    for _ in range(5):
        begun = time.perf_counter()
        filter_indices(query_terms(ABSENT), texts)
        whole.append(time.perf_counter() - begun)
    result = {
        "entries": len(corpus.entries),
        "load_s": loaded,
        "peak_rss_mib": peak,
        "search_text_mib": sum(len(text) for text in texts) / 2**20,
        "typing": {word: _typing(word, texts) for word in (args.common, args.rare)},
        "absent_s": statistics.median(whole),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
