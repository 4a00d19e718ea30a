"""Watching a corpus's files: which changes are told, and that watching ends when asked."""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.kit.corpus import fields, make_corpus
from tui.core.watch import corpus_changes

PATIENCE = 10.0
"""Seconds a test waits for the operating system to tell a change before it fails."""


@contextlib.contextmanager
def watching(root: Path) -> Iterator[queue.Queue[frozenset[str]]]:
    """The batches of changes told so far by a watch of ``root`` from a thread, its folders
    taken as they are now; stopped, and seen to stop, at the end."""
    batches: queue.Queue[frozenset[str]] = queue.Queue()
    stop = threading.Event()
    changes = corpus_changes(root, stop)
    thread = threading.Thread(target=lambda: [batches.put(b) for b in changes], daemon=True)
    thread.start()
    try:
        yield batches
    finally:
        stop.set()
        thread.join(timeout=PATIENCE)
    assert not thread.is_alive(), "the watcher did not stop when asked"


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[tuple[Path, queue.Queue[frozenset[str]]]]:
    """A corpus being watched from a thread, and the batches of changes told so far."""
    root = make_corpus(tmp_path / "corpus", {"sample.yaml": fields()})
    with watching(root) as batches:
        yield root, batches


def first_batch_after(
    change: Callable[[], None], batches: queue.Queue[frozenset[str]]
) -> frozenset[str]:
    """Make ``change`` until a batch of changes is told: the watcher may not be watching yet
    when the first is made."""
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        change()
        try:
            return batches.get(timeout=1.0)
        except queue.Empty:
            continue
    raise AssertionError("no change was told")


def test_an_edited_brief_and_a_new_article_are_told_by_their_corpus_paths(
    watched: tuple[Path, queue.Queue[frozenset[str]]],
) -> None:
    root, batches = watched
    brief = root / "briefs" / "sample.yaml"
    text = brief.read_text(encoding="utf-8")
    told = first_batch_after(lambda: brief.write_text(text + "\n", encoding="utf-8"), batches)
    assert told == {"briefs/sample.yaml"}
    article = root / "seeds" / "new.txt"
    told = first_batch_after(lambda: article.write_text("News.", encoding="utf-8"), batches)
    assert told == {"seeds/new.txt"}


def test_files_that_are_no_briefs_are_not_told(
    watched: tuple[Path, queue.Queue[frozenset[str]]],
) -> None:
    root, batches = watched
    briefs = root / "briefs"

    def write_noise_then_a_brief() -> None:
        # An editor's swap file and a note beside the briefs, then a real change.
        (briefs / ".sample.yaml.swp").write_text("x", encoding="utf-8")
        (briefs / "notes.txt").write_text("x", encoding="utf-8")
        (briefs / "other.yaml").write_text("id: other\n", encoding="utf-8")

    told = first_batch_after(write_noise_then_a_brief, batches)
    assert told == {"briefs/other.yaml"}


def test_a_brief_ending_in_yml_is_told_as_the_corpus_lists_it(
    watched: tuple[Path, queue.Queue[frozenset[str]]],
) -> None:
    root, batches = watched
    misnamed = root / "briefs" / "other.yml"
    told = first_batch_after(lambda: misnamed.write_text("id: other\n", encoding="utf-8"), batches)
    assert told == {"briefs/other.yml"}


def test_a_deleted_brief_is_told(watched: tuple[Path, queue.Queue[frozenset[str]]]) -> None:
    root, batches = watched
    doomed = root / "briefs" / "doomed.yaml"
    told = first_batch_after(lambda: doomed.write_text("id: doomed\n", encoding="utf-8"), batches)
    assert "briefs/doomed.yaml" in told
    doomed.unlink()
    assert "briefs/doomed.yaml" in batches.get(timeout=PATIENCE)


def test_an_article_in_a_folder_of_its_own_under_seeds_is_told(
    watched: tuple[Path, queue.Queue[frozenset[str]]],
) -> None:
    # A brief's source may be seeds/2025/mx.txt: the watch did not look below seeds/.
    root, batches = watched
    (root / "seeds" / "2025").mkdir()  # told too, in a batch of its own or with the article
    article = root / "seeds" / "2025" / "mx.txt"
    told = batch_holding(
        "seeds/2025/mx.txt", batches, lambda: article.write_text("News.", encoding="utf-8")
    )
    assert told <= {"seeds/2025", "seeds/2025/mx.txt"}


def until_watching(root: Path, batches: queue.Queue[frozenset[str]]) -> None:
    """Edit the sample brief until the change is told: the watcher then watches the folders."""
    sample = root / "briefs" / "sample.yaml"
    text = sample.read_text(encoding="utf-8")
    first_batch_after(lambda: sample.write_text(text + "\n", encoding="utf-8"), batches)


def test_a_briefs_folder_replaced_by_another_is_told_and_watched(
    watched: tuple[Path, queue.Queue[frozenset[str]]],
) -> None:
    # As a sync tool moves a fresh copy into place: the watch followed the old folder.
    root, batches = watched
    until_watching(root, batches)
    fresh = root / "briefs.new"
    fresh.mkdir()
    (fresh / "sample.yaml").write_text("id: sample\n", encoding="utf-8")
    (root / "briefs").rename(root / "briefs.old")
    fresh.rename(root / "briefs")
    assert "briefs" in batch_holding("briefs", batches)
    brief = root / "briefs" / "added.yaml"
    batch_holding("briefs/added.yaml", batches, lambda: brief.write_text("id: added\n"))


def test_a_briefs_folder_whose_permissions_change_is_told(
    watched: tuple[Path, queue.Queue[frozenset[str]]],
) -> None:
    # A folder that could not be listed, made readable again: nothing in it changed, and the
    # list stayed empty until a file was touched.
    root, batches = watched
    until_watching(root, batches)
    (root / "briefs").chmod(0o500)
    try:
        assert "briefs" in batch_holding("briefs", batches)
    finally:
        (root / "briefs").chmod(0o755)
    assert "briefs" in batch_holding("briefs", batches)


def test_a_corpus_whose_folders_come_later_is_watched_once_they_do(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    with watching(root) as batches:
        (root / "briefs").mkdir()
        assert batch_holding("briefs", batches) == {"briefs"}
        brief = root / "briefs" / "new.yaml"
        batch_holding("briefs/new.yaml", batches, lambda: brief.write_text("id: new\n"))


def batch_holding(
    path: str, batches: queue.Queue[frozenset[str]], change: Callable[[], None] = lambda: None
) -> frozenset[str]:
    """The first batch told that holds ``path``; ``change`` is made again until one is."""
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        change()
        try:
            batch = batches.get(timeout=1.0)
        except queue.Empty:
            continue
        if path in batch:
            return batch
    raise AssertionError(f"{path} was never told")


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="a folder that cannot be watched whole")
def test_a_link_under_seeds_to_a_folder_that_cannot_be_watched_leaves_the_rest_watched(
    tmp_path: Path,
) -> None:
    # Changes to briefs were never told: the watch failed on /proc and was tried again forever.
    root = make_corpus(tmp_path / "corpus", {"sample.yaml": fields()})
    (root / "seeds" / "system").symlink_to("/proc")
    (root / "seeds" / "2024").mkdir()
    with watching(root) as batches:
        brief = root / "briefs" / "sample.yaml"
        text = brief.read_text(encoding="utf-8")
        told = first_batch_after(lambda: brief.write_text(text + "\n", encoding="utf-8"), batches)
        assert told == {"briefs/sample.yaml"}
        article = root / "seeds" / "2024" / "new.txt"
        told = first_batch_after(lambda: article.write_text("News.", encoding="utf-8"), batches)
        assert told == {"seeds/2024/new.txt"}
