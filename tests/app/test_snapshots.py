"""What the reader looks like: SVG snapshots of its screens on the shipped corpus."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
from textual.pilot import Pilot
from textual.screen import Screen

from tests.kit.pilot import answer_export_dialog, main_screen, settle, until, wait_for_screen
from tui.app.app import BriefingApp

SnapCompare = Callable[..., bool]


def keys_then_settle(*keys: str) -> Callable[[Pilot[object]], object]:
    """A ``run_before`` that lets the corpus load, presses ``keys``, and lets the app settle."""

    async def run_before(pilot: Pilot[object]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def test_main_screen_at_120_by_40(snap_compare: SnapCompare, corpus_dir: Path) -> None:
    assert snap_compare(BriefingApp(corpus_dir), terminal_size=(120, 40), run_before=settle)


def test_main_screen_at_80_by_24(snap_compare: SnapCompare, corpus_dir: Path) -> None:
    assert snap_compare(BriefingApp(corpus_dir), terminal_size=(80, 24), run_before=settle)


def test_marks_bookmark_and_a_later_fact(snap_compare: SnapCompare, corpus_dir: Path) -> None:
    # The second brief bookmarked and marked, its third fact current in both panes.
    run_before = keys_then_settle("space", "j", "b", "space", "enter", "j", "j")
    assert snap_compare(BriefingApp(corpus_dir), terminal_size=(120, 40), run_before=run_before)


def test_finding_words_in_the_original(snap_compare: SnapCompare, corpus_dir: Path) -> None:
    # Every place marked, the second gone to, and the words and count on the pane's edge.
    run_before = keys_then_settle("ctrl+f", *"mexicali", "down")
    assert snap_compare(BriefingApp(corpus_dir), terminal_size=(120, 40), run_before=run_before)


def test_filter_at_80_by_24(snap_compare: SnapCompare, corpus_dir: Path) -> None:
    run_before = keys_then_settle("slash", *"ciudad")
    assert snap_compare(BriefingApp(corpus_dir), terminal_size=(80, 24), run_before=run_before)


def test_original_hidden_at_80_by_24(snap_compare: SnapCompare, corpus_dir: Path) -> None:
    run_before = keys_then_settle("o")
    assert snap_compare(BriefingApp(corpus_dir), terminal_size=(80, 24), run_before=run_before)


def test_help_screen(snap_compare: SnapCompare, corpus_dir: Path) -> None:
    run_before = keys_then_settle("question_mark")
    assert snap_compare(BriefingApp(corpus_dir), terminal_size=(100, 50), run_before=run_before)


def test_a_brief_that_failed_to_load(snap_compare: SnapCompare, corpus_dir: Path) -> None:
    (corpus_dir / "briefs" / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n")
    run_before = keys_then_settle("G")
    assert snap_compare(BriefingApp(corpus_dir), terminal_size=(120, 40), run_before=run_before)


def open_dialog(key: str, dialog: type[Screen[object]]) -> Callable[[Pilot[object]], object]:
    """A ``run_before`` that lets the corpus load and opens a dialog that a worker waits on."""

    async def run_before(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await pilot.press(key)
        await wait_for_screen(pilot, dialog)

    return run_before


def test_export_dialog(snap_compare: SnapCompare, corpus_dir: Path) -> None:
    from tui.app.screens.export import ExportDialog

    app = BriefingApp(corpus_dir)
    with patch("tui.app.screens.export.default_export_name", return_value="briefing-20250114.md"):
        assert snap_compare(app, terminal_size=(100, 30), run_before=open_dialog("e", ExportDialog))


def test_add_dialog(snap_compare: SnapCompare, corpus_dir: Path) -> None:
    from tui.app.screens.add import AddDialog

    app = BriefingApp(corpus_dir)
    assert snap_compare(app, terminal_size=(100, 30), run_before=open_dialog("a", AddDialog))


def annotate_newest(corpus: Path, note: str, tags: list[str]) -> None:
    """Give the corpus's newest brief a note and tags, as an earlier session would have."""
    from tests.kit.terminal import read_briefs
    from tui.core.annotations import Annotations
    from tui.core.userstate import corpus_key, state_dir

    annotations = Annotations(state_dir(), corpus_key(corpus))
    newest = read_briefs(corpus)[0]["id"]
    annotations.set_note(newest, note)
    annotations.set_tags(newest, tags)
    annotations.close()


def test_note_dialog(snap_compare: SnapCompare, corpus_dir: Path) -> None:
    from tui.app.screens.annotate import NoteDialog

    annotate_newest(corpus_dir, "Ask INDEX for the hiring figures.\nCompare with Q3.", [])
    app = BriefingApp(corpus_dir)
    assert snap_compare(app, terminal_size=(100, 30), run_before=open_dialog("n", NoteDialog))


def test_tag_dialog(snap_compare: SnapCompare, corpus_dir: Path) -> None:
    from tui.app.screens.annotate import TagDialog

    annotate_newest(corpus_dir, "", ["USMCA", "Mexicali", "follow-up"])
    app = BriefingApp(corpus_dir)
    assert snap_compare(app, terminal_size=(100, 30), run_before=open_dialog("t", TagDialog))


def test_quit_question_over_a_note_being_typed(snap_compare: SnapCompare, corpus_dir: Path) -> None:
    from tui.app.screens.annotate import NoteDialog
    from tui.app.screens.quit import QuitDialog

    async def run_before(pilot: Pilot[object]) -> None:
        await open_dialog("n", NoteDialog)(pilot)
        await pilot.press(*"call the chamber")
        await pilot.press("ctrl+q")
        await wait_for_screen(pilot, QuitDialog)

    app = BriefingApp(corpus_dir)
    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


def test_discard_question_over_tags_being_typed(
    snap_compare: SnapCompare, corpus_dir: Path
) -> None:
    from tui.app.screens.annotate import DiscardDialog, TagDialog

    async def run_before(pilot: Pilot[object]) -> None:
        await open_dialog("t", TagDialog)(pilot)
        await pilot.press(*"usmca", "escape")
        await wait_for_screen(pilot, DiscardDialog)

    app = BriefingApp(corpus_dir)
    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


def test_a_noted_and_tagged_brief_at_80_by_24(snap_compare: SnapCompare, corpus_dir: Path) -> None:
    # The note and tags take a line each under the meta line; the key facts stay in view.
    note = "Ask INDEX for the hiring figures before the council meets; compare with Q3 " * 3
    annotate_newest(corpus_dir, note, ["USMCA", "Mexicali", "follow-up"])
    assert snap_compare(BriefingApp(corpus_dir), terminal_size=(80, 24), run_before=settle)


def test_a_draft_brief_under_review(snap_compare: SnapCompare, tmp_path: Path) -> None:
    from tests.kit.corpus import draft_corpus

    root = draft_corpus(tmp_path / "corpus")
    run_before = keys_then_settle("enter", "j")
    assert snap_compare(BriefingApp(root), terminal_size=(120, 40), run_before=run_before)


def test_overwrite_question(
    snap_compare: SnapCompare, corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.app.screens.export import OverwriteDialog

    monkeypatch.chdir(tmp_path)  # the dialog names the file as typed, here without a folder
    Path("briefing.md").write_text("keep me", encoding="utf-8")

    async def run_before(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await pilot.press("e")
        await answer_export_dialog(pilot, "briefing.md")
        await wait_for_screen(pilot, OverwriteDialog)

    assert snap_compare(BriefingApp(corpus_dir), terminal_size=(80, 24), run_before=run_before)


def test_first_start_while_the_briefs_are_read(
    snap_compare: SnapCompare, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.core.model import Corpus
    from tui.core.store import Progress, open_corpus

    reported, released = threading.Event(), threading.Event()

    def reading(
        root: Path, cache_dir: Path | None = None, *, progress: Progress, **_: object
    ) -> Corpus:
        progress(1200, 2500)
        reported.set()
        released.wait(timeout=30)  # until the app closes: the screen stays as it is meanwhile
        return open_corpus(root, cache_dir)

    class ReadingApp(BriefingApp):
        def exit(self, *args: Any, **kwargs: Any) -> None:
            released.set()
            super().exit(*args, **kwargs)

    monkeypatch.setattr("tui.core.store.open_corpus", reading)
    monkeypatch.setattr("tui.app.reader.loading.PROGRESS_INTERVAL", 0.0)  # the report shown

    async def run_before(pilot: Pilot[object]) -> None:
        assert await asyncio.to_thread(reported.wait, 30)
        await until(pilot, lambda: "1,200" in str(main_screen(pilot.app).sub_title))
        # Not settle(), which would wait for the reading held back: the panes mount meanwhile.
        await until(pilot, lambda: bool(main_screen(pilot.app).query("KeyFooter")))

    try:
        assert snap_compare(ReadingApp(corpus_dir), terminal_size=(80, 24), run_before=run_before)
    finally:
        released.set()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_facets_dialog(snap_compare: SnapCompare, corpus_dir: Path, size: tuple[int, int]) -> None:
    # Places, the cursor on the second: the counts of every field shown.
    run_before = keys_then_settle("f", "tab", "down")
    assert snap_compare(BriefingApp(corpus_dir), terminal_size=size, run_before=run_before)
