"""How long anchoring a brief's quotes takes in a long article, step by step.

    python -m benchmarks.anchors [--megabytes 5] [--facts 15]

The article is the shipped seeds repeated to the size asked, with a closing paragraph the quotes
come from, so that every search runs to near the end. For each step a brief of ``--facts`` quotes
is anchored in a freshly folded article, as the loader does for one brief: all exact, all loose
(case and accents changed), all fuzzy (a letter changed) and all not found. Prints one JSON
object with the best of three runs of each, in seconds, and the time to fold the article.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_CLOSING = (
    "En {n}, la planta {n} de Tecate anunció {n} empleos nuevos para el turno nocturno de junio."
)


def _article(megabytes: float, facts: int) -> tuple[str, list[str]]:
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(REPO.glob("seeds/*.txt")))
    size = int(megabytes * 1_000_000)
    body = "\n\n".join([seeds] * (size // len(seeds) + 1))[:size]
    closing = [_CLOSING.format(n=1000 + n) for n in range(facts)]
    return body + "\n\n" + "\n".join(closing) + "\n", [c.rstrip(".") for c in closing]


def _best(run: Callable[[], object], rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.anchors")
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--facts", type=int, default=15)
    args = parser.parse_args(argv)

    from tui.core.quotes import FoldedArticle

    article, quotes = _article(args.megabytes, args.facts)
    kinds = {
        "exact": quotes,
        "loose": [q.upper().replace("Ó", "O") for q in quotes],
        "fuzzy": [q.replace("nocturno", "noctruno") for q in quotes],
        "missing": [f"Ciudad Juárez suma {n} plantas de autopartes" for n in range(len(quotes))],
    }
    folded = FoldedArticle.of(article)
    for kind, typed in kinds.items():
        statuses = {folded.anchor(q).status for q in typed}
        assert statuses == {kind}, (kind, statuses)
    del folded

    def brief(typed: list[str]) -> Callable[[], object]:
        def anchor_all() -> object:
            folded = FoldedArticle.of(article)
            return [folded.anchor(q) for q in typed]

        return anchor_all

    result = {
        "article_characters": len(article),
        "facts": len(quotes),
        "fold_seconds": _best(lambda: FoldedArticle.of(article)),
        "brief_seconds": {kind: _best(brief(typed)) for kind, typed in kinds.items()},
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
