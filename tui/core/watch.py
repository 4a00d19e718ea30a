"""Telling when the files of a corpus change on disk: a brief or an article written, added or
deleted, by an editor, by ``briefing add`` or by a copy from elsewhere.

The operating system reports the changes (inotify, FSEvents, ReadDirectoryChangesW, through
watchfiles), so that watching costs nothing while nothing changes, whatever the corpus's size.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

WATCHED_FOLDERS = ("briefs", "seeds")
SETTLE_MS = 300
"""How long the folders must be quiet before a batch of changes is told: an editor's save, or a
copy of many files, is one batch rather than one per file."""


def _is_corpus_file(path: Path, root: Path) -> bool:
    try:
        relative = path.relative_to(root)
    except ValueError:
        return False
    if len(relative.parts) != 2 or relative.name.startswith("."):
        return False  # editors' swap and backup files start with a dot
    folder = relative.parts[0]
    return (folder == "briefs" and relative.suffix == ".yaml") or folder == "seeds"


def corpus_changes(root: Path, stop: threading.Event) -> Iterator[frozenset[str]]:
    """Each batch of changed corpus files, as paths relative to ``root`` (``briefs/x.yaml``),
    until ``stop`` is set or the folders can no longer be watched.

    Blocks between batches; meant for a thread of its own. Watching starts when this is first
    iterated: a change made before is not told.
    """
    from watchfiles import watch  # its native part loads only when a corpus is watched

    folders = [root / name for name in WATCHED_FOLDERS if (root / name).is_dir()]
    if not folders:
        return
    resolved = root.resolve()
    try:
        for batch in watch(
            *folders,
            watch_filter=None,
            debounce=SETTLE_MS,
            step=50,
            stop_event=stop,
            rust_timeout=1_000,
            yield_on_timeout=False,
            recursive=False,
            raise_interrupt=False,
        ):
            changed = frozenset(
                Path(path).resolve().relative_to(resolved).as_posix()
                for _, path in batch
                if _is_corpus_file(Path(path).resolve(), resolved)
            )
            if changed:
                yield changed
    except (OSError, RuntimeError):
        # A folder deleted or unmounted under the watcher: there is nothing more to tell.
        return
