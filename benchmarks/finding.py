"""How long finding words in the original takes per keystroke, in a long article.

    python -m benchmarks.finding [--megabytes 5] [--words mexicali,maquiladora,zacatecas]

The article is the shipped seeds repeated to the size asked. Each word is typed a letter at a
time into a fresh :class:`~tui.core.finding.Finding`, as the original pane does: the first
keystroke also folds the article (once per article shown), each one after looks the words up
again. Prints one JSON object with, for each word, the seconds of each keystroke (best of three
rounds) and how many places the whole word stands at, and the time to go to the next place.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _article(megabytes: float) -> str:
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(REPO.glob("seeds/*.txt")))
    size = int(megabytes * 1_000_000)
    return "\n\n".join([seeds] * (size // len(seeds) + 1))[:size]


def _typing(article: str, word: str) -> tuple[list[float], int]:
    """The seconds of each keystroke typing ``word``, and the places it stands at once typed."""
    from tui.core.finding import Finding

    finding = Finding()
    times = []
    for letter in word:
        started = time.perf_counter()
        finding.add(letter)
        finding.look_in(article, 0)
        times.append(time.perf_counter() - started)
    return times, len(finding.places)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.finding")
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--words", default="mexicali,maquiladora,zacatecas")
    args = parser.parse_args(argv)

    from tui.core.finding import Finding

    article = _article(args.megabytes)
    words: dict[str, dict[str, object]] = {}
    for word in args.words.split(","):
        rounds = [_typing(article, word) for _ in range(3)]
        keystrokes = [min(times) for times in zip(*(times for times, _ in rounds), strict=True)]
        words[word] = {"keystroke_seconds": keystrokes, "places": rounds[0][1]}
    finding = Finding("mexicali")
    finding.look_in(article, 0)
    started = time.perf_counter()
    finding.step(+1)
    result = {
        "article_characters": len(article),
        "words": words,
        "next_place_seconds": time.perf_counter() - started,
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
