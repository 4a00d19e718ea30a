"""Completing a path as it is typed, for the dialog that adds an article."""

from __future__ import annotations

import os
from pathlib import Path

ADDABLE_SUFFIXES = (".txt", ".html", ".htm")
MAX_LISTED = 5_000
"""Entries of a folder looked through for a completion: a huge folder must not stall a key."""


def complete_path(typed: str) -> str | None:
    """``typed`` completed to the first folder or article file it can name, or None.

    Folders come with a ``/`` so that typing goes on inside them; only files that
    ``briefing add`` takes are offered. ``~`` stands for the home folder, as in a shell.
    """
    if not typed:
        return None
    head, _, prefix = typed.rpartition("/")
    folder = Path(os.path.expanduser(head + "/" if head or typed.startswith("/") else "."))
    lowered = prefix.casefold()
    candidates: list[tuple[bool, str]] = []
    try:
        with os.scandir(folder) as entries:
            for count, entry in enumerate(entries):
                if count >= MAX_LISTED:
                    break
                name = entry.name
                if not name.casefold().startswith(lowered) or name == prefix:
                    continue
                if name.startswith(".") and not prefix.startswith("."):
                    continue
                try:
                    is_folder = entry.is_dir()
                except OSError:
                    continue
                if is_folder or name.casefold().endswith(ADDABLE_SUFFIXES):
                    candidates.append((not is_folder, name + ("/" if is_folder else "")))
    except OSError:
        return None
    if not candidates:
        return None
    _, name = min(candidates, key=lambda c: (c[1].casefold(), c[0]))
    stem = typed[: len(typed) - len(prefix)]
    return stem + name
