"""A corpus that changes on disk while the reader is open: the list, the brief and the original
follow, and the cursor, the marks and the filter stay."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Label

import tui.app.reader.screen as screen_module
from tests.kit.corpus import BriefSpec, FactSpec, write_article, write_brief
from tests.kit.pilot import (
    bookmark_of,
    brief_lines,
    export_mark_of,
    list_rows,
    listed_keys,
    main_screen,
    notifications_into,
    settle,
    strong_text,
    until,
    unwrapped_dialog,
    wait_for_screen,
    within,
)
from tui.app.app import BriefingApp
from tui.app.screens.export import ExportDialog
from tui.app.screens.help import HelpScreen
from tui.app.screens.quit import QuitDialog
from tui.core.annotations import Annotations
from tui.core.userstate import corpus_key, state_dir

PATIENCE = 10.0
"""Seconds a change on disk may take to reach the screen before a test fails; the reader
promises two, and a loaded test machine can be slower."""


def spec(ident: str, title: str, day: int, fact: str = "Exports rose 5% in May.") -> BriefSpec:
    return BriefSpec(
        id=ident,
        title=title,
        source=f"{ident}.txt",
        published=dt.date(2025, 5, day),
        facts=[FactSpec(fact, "Exports rose 5%")],
    )


def make_three(root: Path) -> Path:
    for ident, title, day in [
        ("tijuana", "Tijuana plants hire", 3),
        ("juarez", "Juárez exports climb", 2),
        ("reynosa", "Reynosa opens a park", 1),
    ]:
        write_article(root, f"{ident}.txt", f"{title}. Exports rose 5% in May.\n")
        write_brief(root, spec(ident, title, day))
    return root


@contextlib.asynccontextmanager
async def reader_on_three(
    tmp_path: Path, notices: list[tuple[str, str]] | None = None
) -> AsyncIterator[tuple[Path, BriefingApp, Pilot[None]]]:
    """The reader on the three briefs of :func:`make_three`, settled, with the corpus's folder;
    the notices it gives kept in ``notices`` when given."""
    root = make_three(tmp_path)
    app = BriefingApp(root)
    hook = notifications_into(notices) if notices is not None else None
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await settle(pilot)
        yield root, app, pilot


def add_newest(root: Path) -> None:
    """Add to the corpus of :func:`make_three` a brief newer than its three, "Saltillo grows"."""
    write_article(root, "saltillo.txt", "Saltillo grows. Exports rose 5% in May.\n")
    write_brief(root, spec("saltillo", "Saltillo grows", 4))


def breaking(brief: Path) -> Callable[[], None]:
    """What breaks ``brief`` on disk: its title opens a list it never closes (line 3)."""
    good = brief.read_text(encoding="utf-8")
    return lambda: brief.write_text(good.replace("title:", "title: [unclosed", 1), "utf-8")


async def until_shown(
    pilot: Pilot[object], change: Callable[[], None], condition: Callable[[], bool]
) -> None:
    """Make ``change`` on disk until the screen shows ``condition``: the watcher may not be
    watching yet when the first change is made, and a change already made is made again."""
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        change()
        for _ in range(20):
            await pilot.pause(0.05)
            if condition():
                await settle(pilot)
                return
    raise AssertionError("the change on disk never reached the screen")


async def break_on_disk(pilot: Pilot[object], app: BriefingApp, brief: Path) -> None:
    """Break ``brief`` on disk (see :func:`breaking`) and wait until the title bar counts it
    among the files that failed to load."""
    await until_shown(pilot, breaking(brief), lambda: "1 failed" in str(main_screen(app).sub_title))


def deleting(doomed: Path, other: Path) -> Callable[[], None]:
    """A change for :func:`until_shown` that deletes ``doomed``; made again, it writes ``other``
    again as it is, for a watcher that was told already, or was not watching yet, to tell."""

    def delete() -> None:
        if doomed.exists():
            doomed.unlink()
        else:
            other.write_bytes(other.read_bytes())

    return delete


async def test_an_edited_brief_shows_its_new_text_where_the_cursor_was(tmp_path: Path) -> None:
    async with reader_on_three(tmp_path) as (root, app, pilot):
        await pilot.press("down", "b", "space")  # on Juárez, bookmarked and marked
        await settle(pilot)

        def retitle() -> None:
            write_brief(
                root, spec("juarez", "Juárez exports climb again", 2, "Exports rose 5% twice.")
            )

        await until_shown(pilot, retitle, lambda: "again" in " ".join(list_rows(app)))
        rows = list_rows(app)
        assert "Juárez exports climb again" in rows[1]
        assert main_screen(app).article_list.cursor_row == 1
        assert bookmark_of(rows[1]) == "★" and export_mark_of(rows[1]) == "✓"
        assert "Exports rose 5% twice." in brief_lines(app)


async def test_a_brief_added_on_disk_joins_the_list_and_the_filter_keeps(tmp_path: Path) -> None:
    async with reader_on_three(tmp_path) as (root, app, pilot):
        await pilot.press("slash", *"exports")
        await settle(pilot)
        assert len(list_rows(app)) == 3

        await until_shown(pilot, lambda: add_newest(root), lambda: len(list_rows(app)) == 4)
        assert "Saltillo grows" in list_rows(app)[0]  # the newest comes first
        assert main_screen(app).filter_text == "exports"


async def test_a_brief_added_while_the_reader_was_closed_is_under_the_cursor_at_the_start(
    tmp_path: Path,
) -> None:
    # Added by `briefing add` between two starts: the reader opened on the index as the last
    # start left it, then kept the cursor on its top brief, now second, and counted it read.
    root = make_three(tmp_path)
    first = BriefingApp(root)
    async with first.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
    add_newest(root)
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        await until(pilot, lambda: screen.up_to_date and len(list_rows(app)) == 4)
        await settle(pilot)
        assert "Saltillo grows" in list_rows(app)[0]
        assert screen.article_list.cursor_row == 0
        assert brief_lines(app).startswith("Saltillo grows")


@pytest.mark.parametrize("renamed", [True, False], ids=["id-changed", "deleted"])
async def test_a_brief_given_another_id_says_what_stays_under_the_old_one(
    tmp_path: Path, renamed: bool
) -> None:
    # Its bookmark and mark vanished without a word: they stay under the id they were made
    # under. A brief deleted is not told of: what is kept waits for it to come back.
    notices: list[tuple[str, str]] = []
    async with reader_on_three(tmp_path, notices) as (root, app, pilot):
        await pilot.press("down", "b", "space")  # on Juárez, bookmarked and marked
        await settle(pilot)

        def rename() -> None:
            (root / "briefs" / "juarez.yaml").unlink(missing_ok=True)
            if renamed:
                write_brief(root, spec("juarez-exports", "Juárez exports climb", 2))

        await until_shown(pilot, rename, lambda: len(list_rows(app)) == 2 + renamed)
    told = [text for _, text in notices if "No brief has the id" in text]
    if renamed:
        assert told == [
            "No brief has the id juarez now; what you kept under it (bookmark, mark for export)"
            " stays under that id. If the brief was given another id, set it back to juarez to"
            " see it again."
        ]
    else:
        assert told == []


async def test_a_brief_that_fails_to_load_as_another_comes_is_no_id_changed(
    tmp_path: Path,
) -> None:
    # Told that no brief had the id juarez, whose file is there, its bookmark shown under its
    # name: it failed to load as saltillo was added.
    notices: list[tuple[str, str]] = []
    async with reader_on_three(tmp_path, notices) as (root, app, pilot):
        await pilot.press("down", "b")
        await settle(pilot)
        broken = breaking(root / "briefs" / "juarez.yaml")

        def break_and_add() -> None:
            broken()
            add_newest(root)

        await until_shown(
            pilot, break_and_add, lambda: "1 failed" in str(main_screen(app).sub_title)
        )
        await until(pilot, lambda: len(list_rows(app)) == 4)
    assert not [text for _, text in notices if "No brief has the id" in text]


async def test_ids_changed_together_are_told_in_one_notice(tmp_path: Path) -> None:
    notices: list[tuple[str, str]] = []
    async with reader_on_three(tmp_path, notices) as (root, app, pilot):
        await pilot.press("A")  # all three marked
        await settle(pilot)

        def rename_all() -> None:
            for ident, title, day in [
                ("tijuana", "Tijuana plants hire", 3),
                ("juarez", "Juárez exports climb", 2),
                ("reynosa", "Reynosa opens a park", 1),
            ]:
                (root / "briefs" / f"{ident}.yaml").unlink(missing_ok=True)
                write_brief(root, spec(f"{ident}-2025", title, day))

        await until_shown(pilot, rename_all, lambda: all("2025" in key for key in listed_keys(app)))
    told = [text for _, text in notices if "No brief has the id" in text]
    assert told == [
        "No brief has the ids juarez, reynosa, tijuana now; the notes, tags, bookmarks and"
        " marks kept under them stay under those ids. Briefs given other ids show them again"
        " once their ids are set back."
    ]


async def test_a_brief_deleted_on_disk_leaves_the_list(tmp_path: Path) -> None:
    async with reader_on_three(tmp_path) as (root, app, pilot):
        await pilot.press("down")
        await settle(pilot)
        delete = deleting(root / "briefs" / "juarez.yaml", root / "briefs" / "tijuana.yaml")
        await until_shown(pilot, delete, lambda: len(list_rows(app)) == 2)
        assert not any("Juárez" in row for row in list_rows(app))
        # The cursor stays at its place in the list, on the brief that came after.
        assert "Reynosa" in list_rows(app)[main_screen(app).article_list.cursor_row or 0]
        assert "Reynosa" in brief_lines(app)


async def test_a_marked_brief_deleted_on_disk_is_neither_counted_nor_exported(
    tmp_path: Path,
) -> None:
    async with reader_on_three(tmp_path) as (root, app, pilot):
        await pilot.press("space", "j", "space")  # Tijuana and Juárez marked
        await settle(pilot)
        assert "2 marked" in str(main_screen(app).sub_title)
        delete = deleting(root / "briefs" / "juarez.yaml", root / "briefs" / "tijuana.yaml")
        await until_shown(pilot, delete, lambda: len(list_rows(app)) == 2)
        assert "1 marked" in str(main_screen(app).sub_title)
        await pilot.press("e")
        await wait_for_screen(pilot, ExportDialog)
        assert "the 1 marked brief to" in " ".join(
            str(label.render()) for label in app.screen.query(Label)
        )


async def test_unmarking_all_counts_no_brief_deleted_on_disk(tmp_path: Path) -> None:
    # With only a deleted brief's mark left, M said "Unmarked 0 articles".
    notices: list[tuple[str, str]] = []
    async with reader_on_three(tmp_path, notices) as (root, app, pilot):
        await pilot.press("j", "space")  # Juárez marked
        await settle(pilot)
        delete = deleting(root / "briefs" / "juarez.yaml", root / "briefs" / "tijuana.yaml")
        await until_shown(pilot, delete, lambda: len(list_rows(app)) == 2)
        assert "0 marked" in str(main_screen(app).sub_title)
        await pilot.press("M")
        await settle(pilot)
        assert not [text for _, text in notices if text.startswith("Unmarked")]
        await pilot.press("space", "M")  # a brief shown, marked, is unmarked and counted
        await settle(pilot)
        assert ("information", "Unmarked 1 article") in notices


async def test_a_brief_deleted_under_the_cursor_with_a_filter_on_leaves_it_on_the_next_found(
    tmp_path: Path,
) -> None:
    # The cursor went to whichever brief took the deleted one's place in the whole corpus; not
    # found by the filter, it fell to the top of the list.
    for ident, title, day in [
        ("tijuana", "Tijuana plants hire", 4),
        ("juarez", "Juárez plants grow", 3),
        ("reynosa", "Reynosa opens a park", 2),
        ("saltillo", "Saltillo plants wait", 1),
    ]:
        write_article(tmp_path, f"{ident}.txt", f"{title}. Exports rose 5% in May.\n")
        write_brief(tmp_path, spec(ident, title, day))
    app = BriefingApp(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"plants", "enter", "down")
        await settle(pilot)
        assert "Juárez" in list_rows(app)[main_screen(app).article_list.cursor_row or 0]
        briefs = tmp_path / "briefs"
        delete = deleting(briefs / "juarez.yaml", briefs / "tijuana.yaml")
        await until_shown(pilot, delete, lambda: len(list_rows(app)) == 2)
        assert "Saltillo" in list_rows(app)[main_screen(app).article_list.cursor_row or 0]
        assert "Saltillo" in brief_lines(app)


def moving(source: Path, target: Path, touched: Path) -> Callable[[], None]:
    """A change for :func:`until_shown` that moves ``source`` to ``target``; made again, it
    writes ``touched`` again as it is, if it is there, for a watcher that was not watching yet
    to tell."""

    def move() -> None:
        if source.exists():
            source.rename(target)
        elif touched.exists():
            touched.write_bytes(touched.read_bytes())

    return move


def cursor_title(app: BriefingApp) -> str:
    """The row under the cursor, as the list shows it ("" on an empty list)."""
    row = main_screen(app).article_list.cursor_row
    return "" if row is None else list_rows(app)[row]


def read_ids(app: BriefingApp) -> set[str]:
    annotations = main_screen(app).annotations
    assert annotations is not None
    return set(annotations.read)


@pytest.fixture
def patient(monkeypatch: pytest.MonkeyPatch) -> None:
    """A brief gone under the cursor is waited for as long as a loaded machine may need to
    tell it back, rather than the moment an editor takes."""
    monkeypatch.setattr(screen_module, "LOST_PATIENCE_S", PATIENCE * 3)


async def test_a_brief_saved_by_writing_it_anew_keeps_the_cursor_and_its_neighbour_unread(
    tmp_path: Path, patient: None
) -> None:
    # An editor that moves the file away and writes it anew: for a moment the brief was gone,
    # the cursor fell on the next one, marked it read, and stayed there.
    root = make_three(tmp_path / "corpus")
    saved = tmp_path / "juarez.yaml"
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down")  # on Juárez
        await settle(pilot)
        brief, other = root / "briefs" / "juarez.yaml", root / "briefs" / "tijuana.yaml"
        await until_shown(pilot, moving(brief, saved, other), lambda: len(list_rows(app)) == 2)
        assert "Reynosa" in cursor_title(app)
        assert "reynosa" not in read_ids(app)  # where the cursor fell: not chosen
        await until_shown(pilot, moving(saved, brief, brief), lambda: len(list_rows(app)) == 3)
        assert "Juárez" in cursor_title(app)
        assert "Juárez" in brief_lines(app)
        assert "reynosa" not in read_ids(app)


async def test_once_the_user_moves_on_a_brief_back_on_disk_does_not_take_the_cursor(
    tmp_path: Path, patient: None
) -> None:
    root = make_three(tmp_path / "corpus")
    saved = tmp_path / "juarez.yaml"
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        brief, other = root / "briefs" / "juarez.yaml", root / "briefs" / "tijuana.yaml"
        await until_shown(pilot, moving(brief, saved, other), lambda: len(list_rows(app)) == 2)
        await pilot.press("up")  # to Tijuana, chosen
        await settle(pilot)
        await until_shown(pilot, moving(saved, brief, brief), lambda: len(list_rows(app)) == 3)
        assert "Tijuana" in cursor_title(app)


async def test_a_corpus_folder_moved_away_and_back_keeps_the_cursor_on_its_brief(
    tmp_path: Path, patient: None
) -> None:
    root = make_three(tmp_path / "corpus")
    away = tmp_path / "away"
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down")  # on Reynosa
        await settle(pilot)
        assert "Reynosa" in original_lines(app)
        brief = root / "briefs" / "tijuana.yaml"
        await until_shown(pilot, moving(root, away, brief), lambda: not list_rows(app))
        # The original pane no longer shows the article of a brief the list has not.
        assert "Reynosa" not in original_lines(app)
        await until_shown(pilot, moving(away, root, brief), lambda: len(list_rows(app)) == 3)
        assert "Reynosa" in cursor_title(app)


async def test_a_brief_gone_for_good_leaves_the_one_the_cursor_fell_on_read_in_a_moment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Read through, it stayed unread until the user moved away and back.
    monkeypatch.setattr(screen_module, "LOST_PATIENCE_S", 0.05)
    root = make_three(tmp_path / "corpus")
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        delete = deleting(root / "briefs" / "juarez.yaml", root / "briefs" / "tijuana.yaml")
        await until_shown(pilot, delete, lambda: len(list_rows(app)) == 2)
        await within(pilot, lambda: "reynosa" in read_ids(app), "the brief shown marked read")
        assert "Reynosa" in cursor_title(app)


async def test_the_brief_the_cursor_fell_on_behind_a_dialog_is_read_once_the_dialog_closes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Marked read while the help screen hid it.
    monkeypatch.setattr(screen_module, "LOST_PATIENCE_S", 0.05)
    root = make_three(tmp_path / "corpus")
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "question_mark")
        await wait_for_screen(pilot, HelpScreen)
        delete = deleting(root / "briefs" / "juarez.yaml", root / "briefs" / "tijuana.yaml")
        await until_shown(pilot, delete, lambda: len(list_rows(app)) == 2)
        screen = main_screen(app)
        # Until the brief gone has had its time to come back.
        await within(pilot, lambda: screen._cursor_lost is None, "the brief gone given up")
        await pilot.pause()
        assert "reynosa" not in read_ids(app)
        await pilot.press("escape")
        await settle(pilot)
        assert "reynosa" in read_ids(app)


async def test_a_brief_deleted_between_two_starts_leaves_the_next_one_shown_and_read(
    tmp_path: Path, patient: None
) -> None:
    # The last start's index still listed it: the brief the cursor fell on was left unread,
    # and the cursor waited for the deleted one to come back.
    root = make_three(tmp_path / "corpus")
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
    (root / "briefs" / "tijuana.yaml").unlink()
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        await within(
            pilot,
            lambda: screen.up_to_date and len(list_rows(app)) == 2,
            "the deleted brief gone from the list",
        )
        await settle(pilot)
        assert "Juárez" in cursor_title(app)
        assert "juarez" in read_ids(app)


async def test_a_brief_broken_on_disk_shows_its_problem(tmp_path: Path) -> None:
    async with reader_on_three(tmp_path) as (root, app, pilot):
        brief = root / "briefs" / "tijuana.yaml"
        await break_on_disk(pilot, app, brief)
        # The cursor went with the brief, now listed last among those that failed, and the
        # brief pane says where the file is wrong.
        assert main_screen(app).article_list.cursor_row == 2
        assert "briefs/tijuana.yaml:3" in brief_lines(app)  # the title's line


async def test_a_brief_broken_on_disk_still_shows_the_users_tags_and_note(tmp_path: Path) -> None:
    # Its pane showed the file's problems alone, as if the note and tags were gone.
    root = make_three(tmp_path)
    kept = Annotations(state_dir(), corpus_key(root))
    kept.set_note("tijuana", "Ask the council for the hiring figures.")
    kept.set_tags("tijuana", ["hiring"])
    kept.close()
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await break_on_disk(pilot, app, root / "briefs" / "tijuana.yaml")
        shown = brief_lines(app)
        assert "briefs/tijuana.yaml could not be loaded" in shown
        assert "Tags: hiring" in shown
        assert "Note: Ask the council for the hiring figures." in shown


async def test_a_brief_marked_for_export_and_broken_on_disk_keeps_its_mark_and_count(
    tmp_path: Path,
) -> None:
    # The list kept its mark, but the title bar said "0 marked" and q quit without asking:
    # the mark, held by the reader alone, was lost.
    async with reader_on_three(tmp_path) as (root, app, pilot):
        await pilot.press("space")
        await settle(pilot)
        assert "1 marked" in str(main_screen(app).sub_title)
        brief = root / "briefs" / "tijuana.yaml"
        await break_on_disk(pilot, app, brief)
        assert "1 marked" in str(main_screen(app).sub_title)
        await pilot.press("q")
        await wait_for_screen(pilot, QuitDialog)
        assert "1 brief marked for export" in unwrapped_dialog(app)


async def test_export_never_takes_the_brief_under_the_cursor_for_a_marked_one_that_broke(
    tmp_path: Path,
) -> None:
    # With its one marked brief broken on disk, `e` offered to export the brief under the
    # cursor, which the user never marked.
    notices: list[tuple[str, str]] = []
    async with reader_on_three(tmp_path, notices) as (root, app, pilot):
        await pilot.press("space")  # marks the first brief, tijuana
        await break_on_disk(pilot, app, root / "briefs" / "tijuana.yaml")
        await pilot.press("g")  # the first row: a brief that loaded, and is not marked
        await settle(pilot)
        assert "Juárez exports climb" in brief_lines(app)
        await pilot.press("e")
        await settle(pilot)
        assert not isinstance(app.screen, ExportDialog)
        assert ("error", notices[-1][1]) == notices[-1]
        assert "tijuana failed to load" in notices[-1][1]


async def test_an_export_of_marked_briefs_says_those_that_broke_are_left_out(
    tmp_path: Path,
) -> None:
    async with reader_on_three(tmp_path) as (root, app, pilot):
        await pilot.press("space", "down", "space")  # tijuana and juarez
        await break_on_disk(pilot, app, root / "briefs" / "tijuana.yaml")
        assert "2 marked" in str(main_screen(app).sub_title)
        await pilot.press("e")
        await wait_for_screen(pilot, ExportDialog)
        assert "Write the 1 marked brief that loaded (1 more failed to load) to:" in (
            unwrapped_dialog(app)
        )


@pytest.mark.parametrize("hidden_by", ["filter", "bookmarks only"])
async def test_a_brief_broken_on_disk_under_a_filter_stays_under_the_cursor(
    tmp_path: Path, hidden_by: str
) -> None:
    # It left the list, as a brief that fails to load matches no filter and has no id to be
    # bookmarked by: the cursor fell on another brief, which was marked read.
    async with reader_on_three(tmp_path) as (root, app, pilot):
        await pilot.press("j", "b", "j", "b", "k")  # on Juárez, Juárez and Reynosa bookmarked
        await pilot.press(*(["slash", *"exports", "enter"] if hidden_by == "filter" else ["B"]))
        await settle(pilot)
        assert "Juárez" in list_rows(app)[main_screen(app).article_list.cursor_row or 0]
        read_before = set(main_screen(app).annotations.read)  # type: ignore[union-attr]
        brief = root / "briefs" / "juarez.yaml"
        good = brief.read_text(encoding="utf-8")
        await break_on_disk(pilot, app, brief)
        assert "briefs/juarez.yaml:3" in brief_lines(app)  # the problem, where the file is wrong
        assert main_screen(app).annotations.read == read_before  # type: ignore[union-attr]
        # Mended, it is the brief under the cursor again.
        await until_shown(
            pilot,
            lambda: brief.write_text(good, encoding="utf-8"),
            lambda: "failed" not in str(main_screen(app).sub_title),
        )
        assert "Juárez" in list_rows(app)[main_screen(app).article_list.cursor_row or 0]
        assert "Juárez exports climb" in brief_lines(app)


async def test_a_corpus_folder_deleted_under_the_reader_leaves_it_working(
    tmp_path: Path, private_state: Path
) -> None:
    root = make_three(tmp_path / "corpus")
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)

        def delete() -> None:
            shutil.rmtree(root, ignore_errors=True)

        await until_shown(pilot, delete, lambda: not list_rows(app))
        assert "no briefs" in brief_lines(app).lower()
        # The reader still answers keys.
        await pilot.press("down", "slash", "x", "escape", "question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
    # The bookmark made before is kept, for when the corpus comes back.
    assert "tijuana" in (private_state / "bookmarks.json").read_text(encoding="utf-8")


async def test_a_corpus_folder_that_comes_back_is_shown_again(tmp_path: Path) -> None:
    # The watch ended with the folders it watched: the list stayed empty for good.
    root = make_three(tmp_path / "corpus")
    kept = tmp_path / "kept"
    shutil.copytree(root, kept)
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await until_shown(
            pilot, lambda: shutil.rmtree(root, ignore_errors=True), lambda: not list_rows(app)
        )

        def restore() -> None:
            if not root.exists():
                shutil.copytree(kept, root)
            brief = root / "briefs" / "juarez.yaml"
            brief.write_text(
                brief.read_text(encoding="utf-8").replace("Juárez exports climb", "Juárez is back"),
                encoding="utf-8",
            )

        await until_shown(
            pilot, restore, lambda: any("Juárez is back" in row for row in list_rows(app))
        )
        assert len(list_rows(app)) == 3


def original_lines(app: BriefingApp) -> str:
    """What the original pane shows, its lines joined."""
    view = main_screen(app).article_view
    height = view.scrollable_content_region.height
    return " ".join("".join(seg.text for seg in view.render_line(y)) for y in range(height))


async def test_an_article_edited_on_disk_shows_in_the_original_pane(tmp_path: Path) -> None:
    # The brief itself unchanged, the pane kept the text it had.
    root = make_three(tmp_path / "corpus")
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert brief_lines(app).startswith("Tijuana plants hire")

        def correct() -> None:
            write_article(
                root, "tijuana.txt", "Tijuana plants hire. Exports rose 5% in May.\nA correction.\n"
            )

        await until_shown(pilot, correct, lambda: "A correction." in original_lines(app))
        assert "Exports rose 5%" in strong_text(main_screen(app).article_view)


def three_facts(root: Path, summary: str) -> None:
    """A corpus of one brief with three facts, whose summary is ``summary``."""
    write_article(root, "solo.txt", "Alpha rose 1%. Beta rose 2%. Gamma rose 3%.\n")
    facts = [
        FactSpec("A", "Alpha rose 1%"),
        FactSpec("B", "Beta rose 2%"),
        FactSpec("C", "Gamma rose 3%"),
    ]
    write_brief(
        root, BriefSpec(id="solo", title="Solo", source="solo.txt", summary=summary, facts=facts)
    )


async def test_the_fact_the_user_is_on_stays_when_the_brief_is_edited_on_disk(
    tmp_path: Path,
) -> None:
    three_facts(tmp_path, "First summary.")
    app = BriefingApp(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("enter", "j", "j")
        await settle(pilot)
        assert screen.current_fact == 2

        await until_shown(
            pilot,
            lambda: three_facts(tmp_path, "Second summary."),
            lambda: "Second summary." in brief_lines(app),
        )

        assert (screen.current_fact, screen.brief_view.fact) == (2, 2)
        assert strong_text(screen.article_view) == "Gamma rose 3%"
