"""Keys typed in one burst (fast typing, or a terminal that sends them together) act as typed
one at a time would: those after a dialog's key find the dialog on top, those after Enter in the
filter move the list, and those typed as the app starts wait for its panes."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import cast

import pytest
from textual import events
from textual.containers import VerticalScroll
from textual.message import Message
from textual.message_pump import active_message_pump
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList, TextArea

from tests.kit.pilot import (
    bookmark_of,
    list_rows,
    main_screen,
    settle,
    until,
    wait_for_screen,
    within,
)
from tui.app.app import BriefingApp
from tui.app.reader.screen import MainScreen
from tui.app.screens.add import AddDialog
from tui.app.screens.annotate import NoteDialog, TagDialog
from tui.app.screens.export import ExportDialog
from tui.app.screens.facets import FacetDialog
from tui.app.screens.help import HelpScreen
from tui.app.widgets.article_list import ArticleList
from tui.core.search import parse_query, value_term
from tui.core.store.view import StoredEntries

KEY_NAMES = {
    "?": "question_mark",
    "/": "slash",
    "\r": "enter",
    "\t": "tab",
    "\x13": "ctrl+s",
}


def burst(app: BriefingApp, keys: str) -> None:
    """Post ``keys`` to the app at once, as a terminal delivers what is typed in one instant."""
    for character in keys:
        app.post_message(events.Key(KEY_NAMES.get(character, character), character))


@pytest.mark.parametrize(
    ("opening", "dialog"),
    [
        ("a", AddDialog),
        ("n", NoteDialog),
        ("t", TagDialog),
        ("e", ExportDialog),
        ("f", FacetDialog),
    ],
)
async def test_keys_typed_with_a_dialogs_key_do_not_act_on_the_reader(
    corpus_dir: Path, opening: str, dialog: type[Screen[object]]
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, opening + "bj")
        await wait_for_screen(pilot, dialog)
        for _ in range(3):  # the keys after the dialog's are handled by now
            await pilot.pause()
        assert isinstance(app.screen, dialog)
        assert bookmark_of(list_rows(app)[0]) != "★"
        assert main_screen(app).article_list.cursor_row == 0


async def test_keys_typed_with_the_facets_key_choose_once_the_values_are_counted(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # j and Enter came while every field still said "counting…": there was nothing to move to
    # or choose, and they did nothing.
    released = threading.Event()
    count = StoredEntries.facets

    def held(self: StoredEntries, *args: object, **kwargs: object) -> list[tuple[str, int]]:
        released.wait(timeout=30)
        return count(self, *args, **kwargs)  # type: ignore[arg-type]

    app = BriefingApp(corpus_dir)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            entries = main_screen(app).corpus.entries  # type: ignore[union-attr]
            monkeypatch.setattr(StoredEntries, "facets", held)
            burst(app, "fj\r")
            await wait_for_screen(pilot, FacetDialog)
            for _ in range(3):  # the keys, were they not held, would have come by now
                await pilot.pause()
            released.set()
            await within(pilot, lambda: app.screen is main_screen(app), "the value chosen")
            second, _ = count(entries, parse_query(""), "organization")[1]  # type: ignore[arg-type]
            assert main_screen(app).filter_text == value_term("organization", second)
    finally:
        released.set()


@pytest.mark.parametrize(
    ("opening", "dialog", "field"),
    [("n", NoteDialog, "#note"), ("t", TagDialog, "#tags"), ("a", AddDialog, "#path")],
)
async def test_text_typed_in_one_instant_with_a_dialogs_key_is_typed_into_the_dialog(
    corpus_dir: Path, opening: str, dialog: type[Screen[object]], field: str
) -> None:
    # The keys had gone on to the list before the dialog opened, and were dropped.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, opening + "usmca")
        await wait_for_screen(pilot, dialog)
        typed = app.screen.query_one(field)
        await until(pilot, lambda: text_of(typed) == "usmca")
        assert app.focused is typed


def text_of(widget: Widget) -> str:
    """What is typed in an input or a text area."""
    return widget.text if isinstance(widget, TextArea) else cast(Input, widget).value


async def test_a_long_text_and_a_paste_typed_with_the_notes_key_are_kept_whole(
    corpus_dir: Path,
) -> None:
    # Of more than 64 keys, the first were dropped; a paste went to the reader behind.
    text = "the hiring figures for the second quarter look low; check them again with the source"
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "n" + text)
        app.post_message(events.Paste(" (pasted)"))
        await wait_for_screen(pilot, NoteDialog)
        note = app.screen.query_one("#note", TextArea)
        await until(pilot, lambda: note.text == text + " (pasted)")


async def test_a_filter_typed_in_one_instant_with_its_key_keeps_every_character(
    corpus_dir: Path,
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "/baja")
        await settle(pilot)
        assert main_screen(app).filter_input.value == "baja"
        assert bookmark_of(list_rows(app)[0]) != "★"


async def test_list_keys_typed_just_before_the_filters_key_are_not_typed_into_the_filter(
    corpus_dir: Path,
) -> None:
    # The filter's key is handled as soon as it comes, before the list has handled the keys
    # that came before it: those are the list's, not the filter's.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "jjg/")
        await settle(pilot)
        assert main_screen(app).filter_input.value == ""


@pytest.mark.parametrize(("typed", "kept"), [("/mexico\rj", "mexico"), ("/\rj", "")])
async def test_list_keys_typed_in_one_instant_after_enter_in_the_filter_move_the_list(
    corpus_dir: Path, typed: str, kept: str
) -> None:
    # Enter hands the list the focus as soon as it comes: the keys after it are the list's,
    # not more characters of the filter. An empty filter is closed.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, typed)
        await settle(pilot)
        screen = main_screen(app)
        assert screen.filter_input.value == kept
        assert screen.filter_input.display == bool(kept)
        assert len(list_rows(app)) > 1
        assert app.focused is screen.article_list
        assert screen.article_list.cursor_row == 1


async def test_a_word_typed_in_one_instant_with_tab_after_it_stays_in_the_filter(
    corpus_dir: Path,
) -> None:
    # Tab moves the focus as soon as it comes, before the input has typed the word: the word is
    # still the filter's, not keys for the pane Tab leads to ("a" would open the add dialog).
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        burst(app, "/baja\t")
        # Until the word is in, or a dialog has opened over the reader.
        await until(pilot, lambda: screen.filter_input.value == "baja" or app.screen is not screen)
        assert app.screen is screen
        assert screen.filter_input.value == "baja"
        assert app.focused is not screen.filter_input


class TypedAtOnce(BriefingApp):
    """The app, with ``typed`` sent to it the moment it starts, before its screen has made its
    panes: as keys typed while a terminal starts it reach it in its first moments."""

    def __init__(self, root: Path, typed: str) -> None:
        super().__init__(root)
        self.typed = typed

    def on_load(self) -> None:
        super().on_load()
        burst(self, self.typed)


async def test_keys_typed_as_the_reader_starts_wait_for_its_panes(corpus_dir: Path) -> None:
    app = TypedAtOnce(corpus_dir, "/baja")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.filter_input.value == "baja"
        assert app.focused is screen.filter_input
        assert 0 < len(list_rows(app)) < 5


async def test_a_key_held_for_a_screen_gone_before_it_was_made_acts_with_the_next(
    corpus_dir: Path,
) -> None:
    # A dialog closed before it had made its widgets never asks for the keys held for it: they
    # must not hold back every key after them.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app._held.append(events.Key("j", "j"))
        burst(app, "j")
        await settle(pilot)
        assert main_screen(app).article_list.cursor_row == 2


async def test_a_key_typed_with_enter_in_the_export_dialog_is_not_added_to_the_file_name(
    corpus_dir: Path, tmp_path: Path
) -> None:
    # Enter acted once it had gone up to the app: the "j" after it was typed first, and the
    # briefing was written to "out.mdj".
    folder = tmp_path / "exported"
    folder.mkdir()
    target = folder / "out.md"
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await wait_for_screen(pilot, ExportDialog)
        app.screen.query_one("#path", Input).value = str(target)
        burst(app, "\rj")
        await within(pilot, lambda: target.exists(), "the briefing written")
        await settle(pilot)
    assert [p.name for p in folder.iterdir()] == ["out.md"]


async def test_a_key_typed_with_enter_in_the_tags_dialog_is_not_added_to_the_tags(
    corpus_dir: Path,
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await wait_for_screen(pilot, TagDialog)
        burst(app, "usmca\rj")
        screen = main_screen(app)
        await until(pilot, lambda: app.screen is screen)
        await settle(pilot)
        assert tags_of_first(screen) == ("usmca",)


def tags_of_first(screen: MainScreen) -> tuple[str, ...]:
    """The tags kept on the first brief of the corpus."""
    brief = screen.corpus.entries[0].brief if screen.corpus else None
    assert brief is not None and screen.annotations is not None
    return screen.annotations.annotation(brief.id).tags


def note_of_first(screen: MainScreen) -> str:
    """The note kept on the first brief of the corpus."""
    brief = screen.corpus.entries[0].brief if screen.corpus else None
    assert brief is not None and screen.annotations is not None
    return screen.annotations.notes.get(brief.id, "")


def note_saved(screen: MainScreen) -> bool:
    return note_of_first(screen) == "Check the figures"


def tags_saved(screen: MainScreen) -> bool:
    return tags_of_first(screen) == ("usmca",)


@pytest.mark.parametrize(
    ("typed", "saved", "row"),
    [
        ("tusmca\r", tags_saved, 0),
        ("tusmca\rj", tags_saved, 1),
        ("nCheck the figures\x13j", note_saved, 1),
    ],
    ids=["enter-after-the-tags-key", "a-key-after-the-tags-enter", "a-key-after-the-note-save"],
)
async def test_the_keys_around_a_dialog_typed_in_one_instant_act_as_typed_one_at_a_time(
    corpus_dir: Path, typed: str, saved: Callable[[MainScreen], bool], row: int
) -> None:
    # Enter is the reader's at once (a priority binding: it opened the facts) while the tags
    # key was still on its way up to the app; and the "j" after Ctrl+S in the note dialog (or
    # Enter in the tags dialog) went to the dialog before it closed, and was lost with it.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        burst(app, typed)
        await within(pilot, lambda: saved(screen), "the dialog's answer saved")
        await settle(pilot)
        assert app.screen is screen
        assert app.focused is screen.article_list
        assert screen.article_list.cursor_row == row


async def test_keys_read_while_the_keys_of_the_read_before_are_on_their_way_act_after_them(
    corpus_dir: Path,
) -> None:
    # The filter's key, read while the list was still handling the moves read before it, acted
    # at once: the moves came back up to the app with the filter's line in the focus, and were
    # lost.
    app = BriefingApp(corpus_dir)
    second_read: list[str] = []

    def read_again(message: Message) -> None:
        at_the_list = isinstance(active_message_pump.get(None), ArticleList)
        if isinstance(message, events.Key) and at_the_list and not second_read:
            second_read.append("/")
            burst(app, "/")

    async with app.run_test(size=(120, 40), message_hook=read_again) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        burst(app, "jj")
        await until(pilot, lambda: app.focused is screen.filter_input)
        await settle(pilot)
        assert second_read
        assert screen.article_list.cursor_row == 2
        assert screen.filter_input.value == ""


async def test_keys_still_act_when_what_they_went_through_cannot_be_followed(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As on a Textual that no longer keeps a widget's queue where the app looks for it: every
    # key is sent on as it comes, and none is held back waiting for the one before it.
    monkeypatch.setattr("tui.app.typed_ahead._queue_task", lambda node: None)
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")
        await settle(pilot)
        assert main_screen(app).article_list.cursor_row == 2
        await pilot.press("slash", "a", "b")
        await settle(pilot)
        assert main_screen(app).query_one(Input).value == "ab"


@pytest.mark.parametrize(("typed", "line"), [("?jj", 2), ("?Gk", -1)])
async def test_keys_typed_in_one_instant_in_the_help_each_scroll_it(
    corpus_dir: Path, typed: str, line: int
) -> None:
    # A scroll took effect only once the screen was drawn again: the key after it scrolled
    # from where the help was before it ("jj" scrolled one line, "Gk" ended at the bottom).
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, typed)
        await wait_for_screen(pilot, HelpScreen)
        await settle(pilot)
        frame = app.screen.query_one(VerticalScroll)
        assert frame.scroll_y == (line if line >= 0 else frame.max_scroll_y + line)


@pytest.mark.parametrize(
    ("command", "after", "shown"),
    [("filter art", "mexicali", "mexicali"), ("bookmark art", "j", "")],
)
async def test_keys_typed_in_one_instant_with_enter_in_the_palette_act_after_its_command(
    corpus_dir: Path, command: str, after: str, shown: str
) -> None:
    # The palette closed a moment after Enter: the first key typed after it went to the
    # palette's search, and was lost with it ("Filter articles" then "mexicali" filtered on
    # "exicali"; "Bookmark article" then j left the cursor where it was).
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *command)
        await until(pilot, lambda: bool(app.screen.query(OptionList).first().option_count))
        burst(app, "\r" + after)
        await settle(pilot)
        screen = main_screen(app)
        assert app.screen is screen
        assert screen.filter_input.value == shown
        if not shown:
            assert bookmark_of(list_rows(app)[0]) == "★"
            assert screen.article_list.cursor_row == 1
