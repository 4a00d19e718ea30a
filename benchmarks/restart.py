"""How much longer a start takes after one brief of a large corpus was edited.

    python -m benchmarks.restart DIR [--rounds 5]

``DIR`` is a corpus whose index is built (a generated one: the brief edited is changed on disk
and left so). Each round opens the corpus through its index in a fresh process twice: once
untouched, and once just after one brief's title was edited, so that the index reads that brief
again and puts it back in the list's order. Prints one JSON object with the median of each and
their ratio. Set ``BRIEFING_CACHE_DIR`` to keep the index away from the user's.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

OPEN = (
    "import sys, pathlib; from tui.core.store import open_corpus; "
    "open_corpus(pathlib.Path(sys.argv[1]))"
)


def _timed_open(corpus: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", OPEN, str(corpus)], check=True)
    return time.perf_counter() - started


def _edit(brief: Path, round_number: int) -> None:
    """Change the title of ``brief``, a different change each round."""
    lines = brief.read_text(encoding="utf-8").splitlines(keepends=True)
    for number, line in enumerate(lines):
        if line.startswith("title: "):
            lines[number] = f"title: Edited {round_number} {line[len('title: ') :].lstrip()}"
            break
    else:
        raise SystemExit(f"{brief} has no title line to edit")
    brief.write_text("".join(lines), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.restart")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)

    briefs = sorted((args.corpus / "briefs").glob("*.yaml"))
    brief = briefs[len(briefs) // 2]
    _timed_open(args.corpus)  # brings the index up to date with whatever changed before
    untouched, edited = [], []
    for round_number in range(args.rounds):
        untouched.append(_timed_open(args.corpus))
        _edit(brief, round_number)
        edited.append(_timed_open(args.corpus))
    result = {
        "briefs": len(briefs),
        "untouched_s": statistics.median(untouched),
        "edited_s": statistics.median(edited),
        "ratio": statistics.median(edited) / statistics.median(untouched),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
