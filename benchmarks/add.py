"""How long ``briefing add`` takes: one article, and many saved web pages in one call.

python -m benchmarks.add [--pages N]

The pages are made from the test pages and the shipped articles, each made different from the
others by the figures it reports, so that none is taken for another already added. Each run adds
into a new empty corpus, through the real command, start-up included.
"""

from __future__ import annotations

import argparse
import html
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGES = REPO / "tests" / "fixtures" / "pages"
PAGE = """<!DOCTYPE html>
<html lang="{language}"><head><meta charset="utf-8"><title>{title} | Border Report</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Border Report">
</head><body>
<nav><a href="/">Home</a> <a href="/trade">Trade</a> <a href="/industry">Industry</a></nav>
<div class="share"><a href="#">Facebook</a> <a href="#">WhatsApp</a> <a href="#">Twitter</a></div>
<article><h1>{title}</h1>
{paragraphs}
</article>
<aside><h3>Check Also</h3><a href="/x">Another story about {number} industrial parks</a></aside>
<div class="cookies">We use cookies. Accept our cookie policy to go on.</div>
<footer>&copy; Border Report</footer></body></html>
"""


def make_pages(folder: Path, count: int) -> list[Path]:
    """``count`` distinct saved pages in ``folder``."""
    articles = []
    for seed in sorted((REPO / "seeds").glob("*.txt")):
        lines = [line.strip() for line in seed.read_text(encoding="utf-8").splitlines()]
        prose = [line for line in lines if len(line.split()) > 12]
        language = "es" if seed.name.startswith(("001", "002")) else "en"
        articles.append((prose[0][:80], prose, language))
    texts = [path.read_text(encoding="utf-8") for path in sorted(PAGES.glob("*.html"))]
    pages = [text for text in texts if "<article>" in text]  # not the page without an article
    made = []
    for number in range(count):
        target = folder / f"page-{number:04d}.html"
        if number % 4 == 3:
            text = pages[number % len(pages)].replace("</article>", _extra(number) + "</article>")
        else:
            title, prose, language = articles[number % len(articles)]
            paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in prose)
            text = PAGE.format(
                language=language,
                title=html.escape(f"{title} ({number})"),
                paragraphs=paragraphs + _extra(number),
                number=number,
            )
        target.write_text(text, encoding="utf-8")
        made.append(target)
    return made


def _extra(number: int) -> str:
    return (
        f"<p>The plant number {number} will add {number * 7 + 40} jobs and invest"
        f" {number + 3} million dollars in the next {number % 5 + 2} years, the company said.</p>"
    )


def timed_add(paths: list[Path]) -> tuple[float, int]:
    """Seconds one ``briefing add`` call takes on ``paths`` in a new corpus, and briefs made."""
    with tempfile.TemporaryDirectory() as corpus:
        (Path(corpus) / "briefs").mkdir()
        (Path(corpus) / "seeds").mkdir()
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "tui", "add", "--corpus", corpus, *map(str, paths)],
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - started
        if result.returncode != 0:
            raise SystemExit(f"briefing add failed:\n{result.stderr}")
        return seconds, len(list((Path(corpus) / "briefs").glob("*.yaml")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=181, help="saved pages in the large call")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, the best kept")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as folder:
        pages = make_pages(Path(folder), args.pages)
        text = sorted((REPO / "seeds").glob("*.txt"))[4]
        rows = []
        for label, paths in (
            ("One article (.txt)", [text]),
            ("One saved page (.html)", pages[:1]),
            (f"{args.pages} saved pages in one call, {cores} cores", pages),
        ):
            runs = [timed_add(paths) for _ in range(args.repeat)]
            seconds = min(run[0] for run in runs)
            made = runs[0][1]
            rate = len(paths) / seconds
            rows.append(f"| {label} | {seconds:.2f} s | {rate:.1f} a second | {made} briefs |")
    print("| Measurement | Time (best of runs) | Rate | Made |")
    print("|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
