"""Measurements of the core alone, in a process of its own, for :mod:`benchmarks.run`.

    python -m benchmarks.core --corpus DIR --common WORD --rare WORD [--term FIELD:VALUE]

Opens the corpus through its index as the app does, then filters it the way typing a word, and
a field term, does, one keystroke at a time, and counts the places of all briefs and of those a
common word finds, and every field of all briefs, as the reader's facets do. Prints one JSON
object: the opening's time, the process's peak resident memory (no Textual loaded), and the
filter's and the counts' times in seconds.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.core.model import Entries

ABSENT = "zqxjkv"
"""A word no brief holds: the filter has to look through every text to the end."""
FIELD_TERM = 'place:"baja california"'
"""A field term typed by default: a place many generated briefs name."""


def _typing(word: str, entries: Entries, rounds: int = 3) -> dict[str, Any]:
    from tui.core.search import parse_query

    best: list[float] | None = None
    rows: list[int] = []
    for _ in range(rounds):
        times: list[float] = []
        rows = []
        for end in range(1, len(word) + 1):
            started = time.perf_counter()
            matches = entries.find(parse_query(word[:end]))
            times.append(time.perf_counter() - started)
            rows.append(len(matches))
        if best is None or sum(times) < sum(best):
            best = times
    assert best is not None
    return {"median": statistics.median(best), "max": max(best), "rows": rows}


def _median_time(rounds: int, work: Callable[[], object]) -> float:
    """The median time of ``rounds`` runs of ``work``, in seconds."""
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.core")
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--common", required=True)
    parser.add_argument("--rare", required=True)
    parser.add_argument("--term", default=FIELD_TERM, help="a field term to type")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    from tui.core.search import parse_query
    from tui.core.store import index_file, open_corpus

    corpus = open_corpus(args.corpus)
    loaded = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    absent_s = _median_time(5, partial(corpus.entries.find, parse_query(ABSENT)))
    facets = {
        f"places among {name}": _median_time(
            5, partial(corpus.entries.facets, parse_query(text), "place")
        )
        for name, text in (("all", ""), (repr(args.common), args.common))
    }
    # What the reader's facets dialog counts, one field after another, over every brief.
    facets["six fields among all"] = _median_time(3, partial(_every_field, corpus.entries))
    # Going to a brief by its id (after adding it, or from a bookmark), and looking up every
    # brief marked for export, as the export does once its dialog is answered.
    ids = [ident for ident in corpus.entries.ids() if ident is not None]
    middle = ids[len(ids) // 2]
    go_to_s = _median_time(5, partial(corpus.entries.position_of, middle))
    every_marked_s = _median_time(1, partial(corpus.entries_with_ids, ids))
    result = {
        "entries": len(corpus.entries),
        "load_s": loaded,
        "peak_rss_mib": peak,
        "index_mib": index_file(args.corpus).stat().st_size / 2**20,
        "typing": {
            word: _typing(word, corpus.entries) for word in (args.common, args.rare, args.term)
        },
        "absent_s": absent_s,
        "facets_s": facets,
        "go_to_s": go_to_s,
        "every_marked_s": every_marked_s,
    }
    print(json.dumps(result))
    return 0


def _every_field(entries: Entries) -> None:
    from tui.core.search import FACET_FIELDS, parse_query

    for field in FACET_FIELDS:
        entries.facets(parse_query(""), field)


if __name__ == "__main__":
    raise SystemExit(main())
