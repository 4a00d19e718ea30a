"""A corpus holding every kind of bad input briefing must survive, for any test to walk.

The small cases are files in ``tests/fixtures/hostile``. :func:`build_hostile_corpus` copies them
and adds what is better made at test time: files of a megabyte and more, a YAML "billion laughs",
a document nested a hundred thousand levels deep, and symbolic links leading out of ``seeds/``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.kit.corpus import FIXTURES

FIXTURE = FIXTURES / "hostile"

HUGE_ARTICLE_BYTES = 4 * 1024 * 1024
"""The generated article is this large or a little larger: several megabytes, still loaded."""
LONG_TITLE_CHARS = 10_000

CLEAN_BRIEFS = frozenset(
    {
        "plain-good",
        "markup-text",
        "bom-start",
        "crlf-lines",
        "latin1-source",
        "unknown-fields",
        "long-title",
        "huge-article",
    }
)
"""Ids of the briefs that load with warnings at most; every other file has at least one error."""

HUGE_ARTICLE_QUOTE = "Shipment 99999 of the year crossed at Otay with 42 pallets of sensors."
"""A passage that occurs once, at the very end of the generated article."""


def build_hostile_corpus(target: Path) -> Path:
    """Copy the hostile fixture to ``target`` (which must not exist), add the generated cases,
    and return ``target``."""
    shutil.copytree(FIXTURE, target, symlinks=True)
    briefs = target / "briefs"
    seeds = target / "seeds"

    # Symbolic links out of seeds/: one relative, through "..", one absolute.
    os.symlink(os.path.join("..", "outside.txt"), seeds / "link-to-outside.txt")
    os.symlink((target / "outside.txt").resolve(), seeds / "link-far-away.txt")

    _write_too_large(briefs / "too-large.yaml")
    _write_billion_laughs(briefs / "billion-laughs.yaml")
    (briefs / "deep-nesting.yaml").write_text(
        "id: deep-nesting\nplaces: " + "[" * 100_000 + "\n", encoding="utf-8"
    )
    _write_long_values(briefs)
    _write_huge_article(briefs, seeds)
    return target


def _brief(ident: str, **extra: str) -> str:
    """A sound brief about ``article.txt``, with ``extra`` lines (already YAML) added."""
    lines = [
        f"id: {ident}",
        "source: article.txt",
        f"title: {extra.pop('title', 'Generated ' + ident)}",
        "language: en",
        "summary: A generated brief.",
        "key_facts:",
        "  - fact: The plant will add a night shift.",
        "    quote: will add a night shift",
    ]
    lines += extra.values()
    return "\n".join(lines) + "\n"


def _write_too_large(path: Path) -> None:
    # Sound YAML, so that only the size limit stands between it and loading.
    sentence = "The plant will add a night shift of 240 workers in March. "
    summary = sentence * (1024 * 1024 // len(sentence) + 10)
    path.write_text(_brief("too-large", summary=f'padding: "{summary}"'), encoding="utf-8")


def _write_billion_laughs(path: Path) -> None:
    # Ten levels of nine aliases each would expand to 9**10 (3.5 billion) strings.
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*lol{level - 1}"] * 9)
        lines.append(f"lol{level}: &lol{level} [{refs}]")
    lines.append("places: *lol9")
    text = _brief("billion-laughs").replace(
        "language: en\n", "language: en\n" + "\n".join(lines) + "\n"
    )
    path.write_text(text, encoding="utf-8")


def _write_long_values(briefs: Path) -> None:
    words = "nearshoring plant border shift "
    title = (words * (LONG_TITLE_CHARS // len(words) + 1))[:LONG_TITLE_CHARS].strip()
    (briefs / "long-title.yaml").write_text(
        _brief("long-title", title=f'"{title}"'), encoding="utf-8"
    )
    # Values quoted back in problems must not flood the screen.
    brief = _brief("long-values").replace("language: en", "language: " + "x" * 10_000)
    # An explicit key ("? "): YAML allows implicit keys of at most 1024 characters.
    brief += "? " + "k" * 10_000 + "\n: an unknown field with a very long name\n"
    (briefs / "long-values.yaml").write_text(brief, encoding="utf-8")


def _write_huge_article(briefs: Path, seeds: Path) -> None:
    paragraphs = []
    size = 0
    number = 0
    while size < HUGE_ARTICLE_BYTES:
        number += 1
        paragraph = (
            f"Shipment {number} of the year crossed at Otay with {number % 97} pallets of parts;"
            " the broker\u2019s note said \u201con time\u201d and the wait was"
            f" {number % 60} minutes.\n"
        )
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8"))
    paragraphs.append(HUGE_ARTICLE_QUOTE + "\n")
    (seeds / "huge.txt").write_text("".join(paragraphs), encoding="utf-8")
    brief = _brief("huge-article").replace("article.txt", "huge.txt")
    brief = brief.replace(
        "quote: will add a night shift", f'quote: "{HUGE_ARTICLE_QUOTE}"'
    ).replace("The plant will add a night shift.", "A last shipment carried 42 pallets of sensors.")
    brief += "  - fact: Shipment 7 waited 7 minutes.\n"
    brief += '    quote: "the broker\'s note said \\"on time\\" and the wait was 7 minutes"\n'
    (briefs / "huge-article.yaml").write_text(brief, encoding="utf-8")
