"""What the export dialogs and the reader show when text is long or the terminal small.

Every assertion reads the terminal as drawn, the way a user sees it: the dialogs over the reader,
wrapped lines, the rows inside a pane's border.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from textual.containers import Vertical
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Button, TextArea

from tests.kit.pilot import (
    answer_export_dialog,
    main_screen,
    overwrite_question,
    settle,
    until,
    wait_for_screen,
)
from tui.app.app import BriefingApp
from tui.app.screens.annotate import NoteDialog
from tui.app.screens.export import ExportDialog
from tui.core import atomic

LONG_PATH = Path(
    "a-very-long-folder-name-for-testing-the-dialog",
    "and-another-level-of-folders",
    "final-report-for-colleagues.md",
)
"""A file in a deep folder, as in the report of the overwrite question cut short."""

NEWEST_STARTS = "Mayor"
"""The first word of the newest brief's title, the list's first row."""
SECOND_STARTS = "Mexicali"
"""The first word of the second brief's title."""


def screen_lines(app: BriefingApp) -> list[str]:
    """The terminal's lines as the last frame drew them, dialogs over the reader."""
    # The compositor of the screen on top holds what it draws, the screens under it included.
    return [strip.text for strip in app.screen._compositor.render_strips()]


def text_in(app: BriefingApp, region: Region) -> list[str]:
    """The lines the terminal shows within ``region``."""
    lines = screen_lines(app)[region.y : region.bottom]
    return [line[region.x : region.right] for line in lines]


def dialog_text(app: BriefingApp) -> str:
    """Everything inside the border of the dialog on top, as the user reads it."""
    return "\n".join(text_in(app, app.screen.query_one(Vertical).content_region))


def unwrapped(text: str) -> str:
    """``text`` without white space, so that it compares equal however it is wrapped."""
    return "".join(text.split())


def inside_screen(app: BriefingApp, region: Region) -> bool:
    """Whether ``region`` is drawn whole, none of it beyond the terminal's edges."""
    return app.screen.region.contains_region(region)


def line_holding(lines: list[str], text: str) -> int:
    """The number of the first of ``lines`` holding ``text`` whole."""
    for number, line in enumerate(lines):
        if text in line:
            return number
    raise AssertionError(f"{text!r} is not on any line of {lines}")


# The overwrite question.


@pytest.mark.parametrize("size", [(120, 40), (40, 20), (30, 20)])
async def test_the_overwrite_question_shows_the_whole_path_and_both_answers(
    corpus_dir: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    target = tmp_path / LONG_PATH
    target.parent.mkdir(parents=True)
    target.write_text("keep me", encoding="utf-8")
    async with overwrite_question(corpus_dir, target, size) as (app, pilot):
        shown = dialog_text(app)
        assert unwrapped(f"{target} exists already. Overwrite it?") in unwrapped(shown)
        # Each answer whole, on a line of its own or side by side.
        assert "Overwrite (y)" in shown
        assert "Choose another name (n)" in shown
        assert inside_screen(app, app.screen.query_one(Vertical).region)


async def test_at_40_columns_the_answers_go_one_under_the_other_and_enter_keeps_the_file(
    corpus_dir: Path, existing_file: Path
) -> None:
    target = existing_file
    async with overwrite_question(corpus_dir, target, (40, 20)) as (app, pilot):
        lines = dialog_text(app).splitlines()
        assert line_holding(lines, "Choose another name (n)") > line_holding(lines, "Overwrite (y)")
        # The safe answer is the one Enter gives.
        await pilot.press("enter")
        await wait_for_screen(pilot, ExportDialog)
    assert target.read_text(encoding="utf-8") == "keep me"


async def test_in_a_terminal_too_short_for_it_the_question_stays_in_view(
    corpus_dir: Path, existing_file: Path
) -> None:
    target = existing_file
    async with overwrite_question(corpus_dir, target, (30, 10)) as (app, pilot):
        assert unwrapped(f"{target} exists already. Overwrite it?") in unwrapped(dialog_text(app))
        assert inside_screen(app, app.screen.query_one(Vertical).region)


# The note dialog.


@pytest.mark.parametrize(
    ("size", "hint"),
    [
        # Where the frame has no room for every key, those to save and to cancel.
        ((40, 15), "─ Ctrl+S saves · Esc cancels ─"),
        ((80, 24), "─ Tab indents · Ctrl+S saves · Esc cancels ─"),
    ],
)
async def test_the_note_dialog_shows_the_note_its_buttons_and_its_keys_in_a_small_terminal(
    corpus_dir: Path, size: tuple[int, int], hint: str
) -> None:
    # At 40x15 the note box pushed the buttons off the screen and the hint was cut to "C".
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await wait_for_screen(pilot, NoteDialog)
        await pilot.press(*"hello")
        await pilot.pause()  # not settle: the worker that opened the dialog waits for it
        dialog = app.screen
        for widget in (dialog.query_one(TextArea), *dialog.query(Button)):
            assert inside_screen(app, widget.region)
        lines = screen_lines(app)
        assert "hello" in "\n".join(lines)
        assert any("Cancel" in line and "Save" in line for line in lines)
        assert any(hint in line for line in lines)


async def test_the_note_dialogs_keys_follow_the_terminal_as_it_narrows_and_widens(
    corpus_dir: Path,
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await wait_for_screen(pilot, NoteDialog)
        for size, hint in [
            ((40, 15), "─ Ctrl+S saves · Esc cancels ─"),
            ((60, 20), "─ Tab indents · Ctrl+S saves · Esc cancels ─"),
        ]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert any(hint in line for line in screen_lines(app)), size


@pytest.mark.parametrize("key", ["n", "t", "e", "a"])
async def test_a_dialog_without_a_problem_to_tell_shows_no_bar_for_it(
    corpus_dir: Path, key: str
) -> None:
    # The empty line kept for a problem was drawn as a dark red bar under the input.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.screen
        await pilot.press(key)
        await until(pilot, lambda: app.screen is not reader)
        await pilot.pause()
        problem_line = app.screen.query_one("#error")
        assert not str(problem_line.render()).strip()
        assert problem_line.styles.background.a == 0


# A failed export.


async def test_the_export_dialog_shows_why_the_name_failed_with_the_name_to_correct(
    corpus_dir: Path,
) -> None:
    error = "the folder reports/2025/march does not exist; create it or pick another"
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(40, 20)) as pilot:
        await settle(pilot)
        app.push_screen(ExportDialog("the current brief", "reports/2025/march/x.md", error))
        await wait_for_screen(pilot, ExportDialog)
        shown = dialog_text(app)
        assert unwrapped(error) in unwrapped(shown)
        assert "reports/2025/march/x.md" in shown
        assert inside_screen(app, app.screen.query_one(Vertical).region)


async def wait_for_another_dialog(pilot: Pilot[object], dialog: ExportDialog) -> None:
    """Let the app run until an export dialog other than ``dialog`` is on top."""
    for _ in range(50):
        if isinstance(pilot.app.screen, ExportDialog) and pilot.app.screen is not dialog:
            return
        await pilot.pause()
    raise AssertionError(f"no export dialog after the first; on top: {pilot.app.screen}")


def spoil_folder(folder: Path, how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``folder`` a place where no export can be written, in the way ``how`` names."""
    if how == "missing":
        return
    if how == "a file":
        folder.write_text("not a folder", encoding="utf-8")
        return
    assert how == "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    # Tests may run as root, whom file modes do not stop: no file is made in a folder its owner
    # may not write, as for anyone else. Made writable again, it takes files again.
    make_file = atomic.tempfile.mkstemp

    def refuse_in_read_only(*args: Any, dir: str | Path | None = None, **kwargs: Any) -> Any:
        if dir is not None and not os.stat(dir).st_mode & stat.S_IWUSR:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(dir))
        return make_file(*args, dir=dir, **kwargs)

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse_in_read_only)


def mend_folder(folder: Path) -> None:
    """Make ``folder`` a writable folder again."""
    if folder.is_dir():
        folder.chmod(0o700)
        return
    folder.unlink(missing_ok=True)
    folder.mkdir()


@pytest.mark.parametrize(
    ("how", "why"),
    [("missing", "does not exist"), ("a file", "is not a folder"), ("read-only", "cannot write")],
)
async def test_a_failed_export_keeps_the_dialog_with_the_name_and_says_why(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str, why: str
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "reports"
    spoil_folder(folder, how, monkeypatch)
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await wait_for_screen(pilot, ExportDialog)
        first = app.screen
        assert isinstance(first, ExportDialog)
        await answer_export_dialog(pilot, "reports/briefing.md")
        await wait_for_another_dialog(pilot, first)
        shown = dialog_text(app)
        assert why in shown
        assert "reports/briefing.md" in shown
        # Once the folder is put right, Enter writes the same name.
        mend_folder(folder)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ExportDialog)
    written = (folder / "briefing.md").read_text(encoding="utf-8")
    assert written.startswith(f"# Briefing, {dt.date.today().isoformat()}\n")
    assert f"exported on {dt.date.today().isoformat()} from" in written.split("\n## ")[0]


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("~no-such-user-here/briefing.md", "No home folder is known for ~no-such-user-here"),
        ("brief\x00ing.md", "cannot hold a NUL character"),
        ("b" * 300 + ".md", "cannot write"),
    ],
    ids=["unknown user", "NUL", "name too long"],
)
async def test_an_export_name_no_file_can_have_is_refused_in_the_dialog(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, why: str
) -> None:
    # Each of these ended the reader: the error was raised outside what the dialog catches.
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await wait_for_screen(pilot, ExportDialog)
        await answer_export_dialog(pilot, name)
        await until(pilot, lambda: unwrapped(why) in unwrapped(dialog_text(app)))
        assert isinstance(app.screen, ExportDialog)
        assert app.is_running
    assert list(out.iterdir()) == []


# The article list in small terminals.


@pytest.mark.parametrize("size", [(30, 10), (30, 12), (80, 10)])
@pytest.mark.parametrize("filter_open", [False, True], ids=["filter closed", "filter open"])
async def test_the_list_keeps_two_rows_in_a_small_terminal(
    corpus_dir: Path, size: tuple[int, int], filter_open: bool
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        if filter_open:
            await pilot.press("slash")
            await settle(pilot)
            assert any("Filter: words to find" in line for line in screen_lines(app))
        article_list = main_screen(app).article_list
        inside_border = text_in(app, article_list.region.shrink(article_list.styles.border.spacing))
        assert len(inside_border) >= 2 * article_list.row_height
        # Titles are cut to the width; their first word says which article a row shows.
        first_lines = inside_border[:: article_list.row_height]
        assert NEWEST_STARTS in first_lines[0]
        assert SECOND_STARTS in first_lines[1]
        # The border under the rows is drawn: the list is whole, not cut by the panes below.
        assert screen_lines(app)[article_list.region.bottom - 1].strip().startswith("╰")


@pytest.mark.parametrize("size", [(80, 24), (80, 12)])
async def test_above_the_brief_the_list_keeps_its_rows_when_the_filter_opens(
    corpus_dir: Path, size: tuple[int, int]
) -> None:
    # At 80x24 the filter took one of the list's three rows: of three briefs found, two showed.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        article_list = main_screen(app).article_list
        closed = article_list.content_region.height
        await pilot.press("slash")
        await settle(pilot)
        assert any("Filter: words to find" in line for line in screen_lines(app))
        assert article_list.content_region.height == closed >= 3 * article_list.row_height
        await pilot.press("escape")
        await settle(pilot)
        assert article_list.content_region.height == closed
