"""What the title bar says about the corpus: its size, what failed, what the user kept."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from tui.core.text import cells, plural

SEPARATOR = " · "
SHORTEST_NAME = 12
"""The fewest columns the corpus's name is cut to, its ellipsis among them, before any count
gives way: enough to tell two corpora apart."""


class SummaryPart(NamedTuple):
    """One thing the title bar says, and how much it matters: 0 for what the user must see (how
    to get the panes back, changes not saved), then what is going on, then the counts."""

    text: str
    rank: int


def summary_parts(
    *,
    briefs: int,
    failed: int,
    unread: int,
    bookmarked: int,
    bookmarks_saved: bool,
    notes_saved: bool = True,
    marked: int,
    shown: int | None,
    reading: str | None,
    adding: str | None = None,
    restore_keys: str | None = None,
    finding: bool = False,
) -> list[SummaryPart]:
    """``12 briefs · 1 failed · 9 unread · 2 bookmarked · 0 marked · 3 shown · reading 10 / 12…``,
    part by part.

    ``shown`` is given while a filter or the bookmarks switch narrows the list; ``reading`` while
    brief files that changed are read behind the corpus shown; ``adding``, the name of an
    article, while its brief is drafted; ``restore_keys``, the keys that put the other panes back
    while one fills the screen, said first: the key line is hidden with the panes; or, while
    that pane takes keys as words to find (``finding``), the keys of finding.
    """
    parts = []
    if restore_keys and finding:
        parts.append(SummaryPart("↓ ↑: places found · Esc: stop finding", 0))
    elif restore_keys:
        parts.append(SummaryPart(f"{restore_keys} or Esc: all panes", 0))
    parts.append(SummaryPart(plural(briefs, "brief"), 5))
    if failed:
        parts.append(SummaryPart(f"{failed:,} failed", 1))
    parts.append(
        SummaryPart(f"{unread:,} unread (not saved)", 0)
        if not notes_saved
        else SummaryPart(f"{unread:,} unread", 4)
    )
    parts.append(
        SummaryPart(f"{bookmarked:,} bookmarked (not saved)", 0)
        if not bookmarks_saved
        else SummaryPart(f"{bookmarked:,} bookmarked", 3)
    )
    parts.append(SummaryPart(f"{marked:,} marked", 3))
    if shown is not None:
        parts.append(SummaryPart(f"{shown:,} shown", 2))
    if reading is not None:
        parts.append(SummaryPart(f"reading {reading}…", 2))
    if adding is not None:
        parts.append(SummaryPart(f"adding {adding}…", 1))
    return parts


def fit_title(name: str, parts: Sequence[SummaryPart], width: int) -> tuple[str, list[str]]:
    """The corpus's ``name`` and the texts of ``parts`` that fit in ``width`` columns on one
    line, in their order: the parts that matter least give way, the last of them first, until
    the rest fit beside the name cut to :data:`SHORTEST_NAME`, and the name then has what room
    they leave; so that a bar too narrow for all keeps what the user must see ("(not saved)",
    how to get the panes back) and what is going on ("adding …"), rather than losing them off
    its right end."""
    kept = list(parts)

    def wide(shown_name: str) -> int:
        texts = [shown_name, *(part.text for part in kept)]
        return cells(SEPARATOR.join(text for text in texts if text))

    if wide(name) <= width:
        return name, [part.text for part in kept]
    shortest = _cut_to(name, SHORTEST_NAME) if cells(name) > SHORTEST_NAME else name
    while kept and wide(shortest) > width:
        least = max(part.rank for part in kept)
        if least == 0:
            break  # what the user must see: the bar's own ellipsis cuts it, if need be
        kept.pop(max(at for at, part in enumerate(kept) if part.rank == least))
    # The name takes back what room the parts left.
    room = max(cells(name) - max(0, wide(name) - width), SHORTEST_NAME)
    return (name if room >= cells(name) else _cut_to(name, room)), [part.text for part in kept]


def _cut_to(text: str, columns: int) -> str:
    """``text`` cut to ``columns`` columns, its ellipsis among them."""
    while cells(text) > columns - 1 and text:
        text = text[:-1]
    return text.rstrip() + "…"


def reading_summary(counts: str) -> str:
    """The title bar's words while a first start reads the brief files: ``reading briefs
    1,200 / 10,000…``."""
    return f"reading briefs {counts}…"
