"""Completing a path as it is typed, for the dialog that adds an article."""

from __future__ import annotations

import os
from pathlib import Path

ADDABLE_SUFFIXES = (".txt", ".html", ".htm")
MAX_LISTED = 5_000
"""Entries of a folder looked through for a completion: a huge folder must not stall a key."""


def complete_path(typed: str) -> str | None:
    """``typed`` completed as far as every folder and article file it can name agrees (the one
    it names, when it names one), as Tab completes it; None when that goes no further."""
    completed = common_completion(typed, path_completions(typed))
    return completed if completed != typed else None


def path_completions(typed: str) -> list[str]:
    """``typed`` completed to each folder or article file it can name, in the order of their
    names, case aside.

    Folders come with a ``/`` so that typing goes on inside them; only files that
    ``briefing add`` takes are offered. ``~`` stands for the home folder, as in a shell.
    """
    if not typed:
        return []
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
        return []
    stem = typed[: len(typed) - len(prefix)]
    return [stem + name for _, name in sorted(candidates, key=lambda c: (c[1].casefold(), c[0]))]


def common_completion(typed: str, completions: list[str]) -> str:
    """What all of ``completions`` of ``typed`` start with, as a shell's Tab completes: the one
    completion when there is one; never shorter than ``typed``."""
    common = os.path.commonprefix(completions) if completions else ""
    return common if len(common) > len(typed) else typed
