"""What the title bar says about the corpus: its size, what failed, what the user kept."""

from __future__ import annotations

from tui.core.text import plural


def corpus_summary(
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
) -> str:
    """``12 briefs · 1 failed · 9 unread · 2 bookmarked · 0 marked · 3 shown · reading 10 / 12…``.

    ``shown`` is given while a filter or the bookmarks switch narrows the list; ``reading`` while
    brief files that changed are read behind the corpus shown; ``adding``, the name of an
    article, while its brief is drafted; ``restore_keys``, the keys that put the other panes back
    while one fills the screen, said first: the key line is hidden with the panes; or, while
    that pane takes keys as words to find (``finding``), the keys of finding.
    """
    parts = []
    if restore_keys and finding:
        parts.append("↓ ↑: places found · Esc: stop finding")
    elif restore_keys:
        parts.append(f"{restore_keys} or Esc: all panes")
    parts.append(plural(briefs, "brief"))
    if failed:
        parts.append(f"{failed:,} failed")
    parts.append(f"{unread:,} unread" + ("" if notes_saved else " (not saved)"))
    parts.append(f"{bookmarked:,} bookmarked" + ("" if bookmarks_saved else " (not saved)"))
    parts.append(f"{marked:,} marked")
    if shown is not None:
        parts.append(f"{shown:,} shown")
    if reading is not None:
        parts.append(f"reading {reading}…")
    if adding is not None:
        parts.append(f"adding {adding}…")
    return " · ".join(parts)


def reading_summary(counts: str) -> str:
    """The title bar's words while a first start reads the brief files: ``reading briefs
    1,200 / 10,000…``."""
    return f"reading briefs {counts}…"
