"""Reading, noting and tagging briefs in the reader: what is new shows, what is noted stays."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Label, TextArea

import tui.app.reader.screen as screen_module
from tests.kit.corpus import make_corpus
from tests.kit.locks import (
    LockClock,
    bookmarks_locked,
    needs_file_locks,
    notes_locked,
)
from tests.kit.pilot import (
    answer_export_dialog,
    bold_text,
    brief_lines,
    list_rows,
    listed_keys,
    main_screen,
    notifications_into,
    settle,
    title_bar_text,
    until,
    unwrapped_dialog,
    wait_for_screen,
    within,
)
from tests.kit.special import shut_folder
from tui.app.app import BriefingApp
from tui.app.reader.screen import MainScreen
from tui.app.screens.annotate import DiscardDialog, NoteDialog, TagDialog
from tui.app.screens.export import ExportDialog
from tui.app.screens.quit import QuitDialog
from tui.app.widgets.article_list import EXPORT_MARK
from tui.core.annotations import MAX_NOTE_CHARS, Annotations
from tui.core.bookmarks import BookmarkStore
from tui.core.search import MAX_TERMS
from tui.core.userstate import corpus_key, state_dir


def saved(corpus: Path) -> Annotations:
    """What is kept about the corpus's briefs, as another copy of the app reads it."""
    return Annotations(state_dir(), corpus_key(corpus))


def current_id(app: BriefingApp) -> str:
    screen = main_screen(app)
    assert screen.corpus is not None and screen.article_list.cursor_entry is not None
    return listed_keys(app)[screen.article_list.cursor_row]


async def write_note(pilot: Pilot[None], text: str) -> None:
    """Open the note dialog and type ``text`` into it, as a user would."""
    await pilot.press("n")
    await wait_for_screen(pilot, NoteDialog)
    await pilot.press(*text)


async def save_note(pilot: Pilot[None], text: str) -> None:
    """Write ``text`` as the note, as :func:`write_note` does, and save it with Ctrl+S."""
    await write_note(pilot, text)
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_a_brief_shown_is_read_and_the_others_are_bold_and_counted(
    corpus_dir: Path,
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "5 briefs · 4 unread ·" in title_bar_text(app)
        await pilot.press("j")
        await settle(pilot)
        assert "3 unread" in title_bar_text(app)
        rows = list_rows(app)
        # The first brief was shown, so it is read: its title is not bold. The third is not.
        assert bold_text(app, 0) == ""
        assert bold_text(app, 2) and bold_text(app, 2).split()[0] in rows[2]
        first, second = listed_keys(app)[:2]
        assert saved(corpus_dir).read == {first, second}

        # u marks the brief under the cursor unread; it stays so while the cursor is on it.
        await pilot.press("u")
        await settle(pilot)
        assert "4 unread" in title_bar_text(app)
        assert saved(corpus_dir).read == {first}
        await pilot.press("k")
        await settle(pilot)
        assert bold_text(app, 1) != ""
        assert "4 unread" in title_bar_text(app)


async def test_the_brief_opened_on_stays_unread_after_u_until_it_is_chosen_again(
    corpus_dir: Path,
) -> None:
    # Marked unread with u, the first brief was read again at the next start, as the reader
    # opens on it: u never lasted for it.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = current_id(app)
        await pilot.press("u")
        await settle(pilot)
        assert "5 briefs · 5 unread ·" in title_bar_text(app)
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert current_id(app) == first
        assert "5 unread" in title_bar_text(app) and bold_text(app, 0) != ""
        assert first not in saved(corpus_dir).read
        await pilot.press("j", "k")  # chosen: read
        await settle(pilot)
        assert "3 unread" in title_bar_text(app)
    assert first in saved(corpus_dir).read
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "3 unread" in title_bar_text(app)  # read, as any brief shown is


async def test_read_briefs_are_kept_for_the_next_start(corpus_dir: Path) -> None:
    async with BriefingApp(corpus_dir).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")
        await settle(pilot)
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "2 unread" in title_bar_text(app)
        assert bold_text(app, 1) == "" and bold_text(app, 3) != ""


async def test_a_quit_leaves_the_annotations_file_without_its_journal(
    corpus_dir: Path, private_state: Path
) -> None:
    # annotations.sqlite3-wal and -shm stayed in the state folder after every quit.
    async with BriefingApp(corpus_dir).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert (private_state / "annotations.sqlite3-wal").exists()
    assert sorted(p.name for p in private_state.glob("annotations*")) == ["annotations.sqlite3"]
    assert len(Annotations(private_state, corpus_key(corpus_dir)).read) == 2


async def test_is_unread_keeps_the_brief_being_read_until_the_filter_is_asked_again(
    corpus_dir: Path,
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = listed_keys(app)[0]
        await pilot.press("slash", *"is:unread", "enter")
        await settle(pilot)
        unread = listed_keys(app)
        assert first not in unread and len(unread) == 4
        # Each brief is marked read as it is shown, and the list does not shrink under the cursor.
        await pilot.press("j", "j")
        await settle(pilot)
        assert listed_keys(app) == unread
        # Asked again, the filter leaves out the briefs read meanwhile.
        await pilot.press("escape", "slash", *"is:unread", "enter")
        await settle(pilot)
        assert listed_keys(app) == unread[3:]


async def test_is_unread_is_not_asked_again_for_a_bookmark_or_tags_only_for_a_read_mark(
    corpus_dir: Path,
) -> None:
    # A bookmark or tags given in a list of unread briefs asked the filter again: the briefs
    # read meanwhile left, and the cursor landed on another brief, which was marked read.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = current_id(app)
        await pilot.press("slash", *"is:unread", "enter", "j", "j")
        await settle(pilot)
        unread = listed_keys(app)
        on = current_id(app)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("t")
        await wait_for_screen(pilot, TagDialog)
        await pilot.press(*"aduana", "enter")
        await settle(pilot)
        assert (listed_keys(app), current_id(app)) == (unread, on)
        assert saved(corpus_dir).read == {first, *unread[:3]}  # the three shown, none else
        # Marked unread on purpose: the filter is asked again, and keeps only unread briefs.
        await pilot.press("u")
        await settle(pilot)
        assert listed_keys(app) == [on, *unread[3:]]


async def test_tags_another_reader_gave_and_read_again_with_a_note_ask_a_tag_filter_again(
    corpus_dir: Path,
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"-tag:urgent", "enter", "j")
        await settle(pilot)
        on = current_id(app)
        other = Annotations(state_dir(), corpus_key(corpus_dir))  # another copy of the reader
        other.set_tags(on, ["urgent"])
        other.close()
        await pilot.press("n")
        await wait_for_screen(pilot, NoteDialog)
        await pilot.press(*"check", "ctrl+s")
        await settle(pilot)
        annotations = main_screen(app).annotations
        assert annotations is not None and annotations.annotation(on).tags == ("urgent",)
        assert current_id(app) == on  # the brief stays under the cursor
        await pilot.press("slash", "space", "enter")
        await settle(pilot)
        assert on not in listed_keys(app)  # asked again, the filter leaves out what it tagged


async def test_briefs_shown_while_a_filter_is_typed_are_not_marked_read(corpus_dir: Path) -> None:
    # Each brief that topped the list for a moment as the filter was typed was marked read:
    # typed key by key, is:unread took briefs out of the list it asked for.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = listed_keys(app)[0]
        await pilot.press("slash")
        for key in "is:unread":
            await pilot.press(key)
            await settle(pilot)
        unread = listed_keys(app)
        assert first not in unread and len(unread) == 4
        assert "4 unread" in title_bar_text(app)
        # Leaving the filter chooses the brief shown: it is read now.
        await pilot.press("enter")
        await settle(pilot)
        assert "3 unread" in title_bar_text(app)
        assert saved(corpus_dir).read == {first, unread[0]}


async def test_a_note_is_saved_shown_under_the_meta_line_and_kept(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        brief_id = current_id(app)
        await save_note(pilot, "Ask the plant about the night shift")
        assert isinstance(app.screen, MainScreen)
        lines = main_screen(app).brief_view.lines
        assert "Note: Ask the plant about the night shift" in lines[:5]
        # The key facts stay in view at 80x24.
        facts_at = next(i for i, line in enumerate(lines) if line.startswith("Key facts"))
        assert facts_at + 2 < main_screen(app).brief_view.scrollable_content_region.height
    assert saved(corpus_dir).notes == {brief_id: "Ask the plant about the night shift"}

    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Note: Ask the plant" in brief_lines(app)
        # The dialog shows the note whole, to change; the Save button saves too.
        await pilot.press("n")
        await wait_for_screen(pilot, NoteDialog)
        area = app.screen.query_one(TextArea)
        assert area.text == "Ask the plant about the night shift"
        area.text = "Line one\nline two"
        await pilot.click("#save")
        await settle(pilot)
        assert "Note: Line one line two" in brief_lines(app)
    assert saved(corpus_dir).notes == {brief_id: "Line one\nline two"}


async def test_tab_in_a_note_indents_and_what_follows_is_typed_into_it(corpus_dir: Path) -> None:
    # Tab left the text for the Cancel button: what was typed next went nowhere, and Enter then
    # asked to discard the note.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        brief_id = current_id(app)
        await pilot.press("n")
        await wait_for_screen(pilot, NoteDialog)
        await pilot.press(*"Risks:", "enter", "tab", *"power", "enter", "tab", *"water")
        assert app.screen.query_one(TextArea).has_focus
        await pilot.press("escape")  # still the dialog's, not taken to move the focus
        await wait_for_screen(pilot, DiscardDialog)
        await pilot.press("n")
        await wait_for_screen(pilot, NoteDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    (note,) = saved(corpus_dir).notes.values()
    assert [line.strip() for line in note.splitlines()] == ["Risks:", "power", "water"]
    assert note.splitlines()[1].startswith(" ")  # indented, as typed
    assert brief_id in saved(corpus_dir).notes


async def test_a_long_paste_into_a_note_is_undone_and_the_note_typed_before_kept(
    corpus_dir: Path,
) -> None:
    # Undoing a paste of many lines took the note's scroll bar away, and Textual's text area
    # then looked for its cursor on a line the note no longer had: the app ended, the note lost.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await write_note(pilot, "Risks: power")
        area = app.screen.query_one(TextArea)
        app.post_message(events.Paste("\n".join(f"line {n}" for n in range(300))))
        await pilot.pause()  # not settle: the worker that opened the dialog waits for it
        assert area.text.count("\n") == 299
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.is_running and area.text == "Risks: power"
        await pilot.press(*" and water", "ctrl+s")
        await settle(pilot)
    assert list(saved(corpus_dir).notes.values()) == ["Risks: power and water"]


async def test_shift_tab_in_a_note_takes_the_line_back_out_and_typing_goes_on(
    corpus_dir: Path,
) -> None:
    # Shift+Tab moved the focus to Save: what was typed next was lost, and Enter saved the note
    # half written.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await wait_for_screen(pilot, NoteDialog)
        await pilot.press(*"- top", "enter", "tab", *"- nested", "enter", "tab", "shift+tab")
        await pilot.press(*"- back", "enter", *"more")
        area = app.screen.query_one(TextArea)
        assert area.has_focus
        assert area.text == "- top\n    - nested\n- back\nmore"
        await pilot.press("ctrl+s")
        await settle(pilot)
    (note,) = saved(corpus_dir).notes.values()
    assert note == "- top\n    - nested\n- back\nmore"


async def test_a_table_pasted_into_a_note_keeps_its_columns_once_saved(corpus_dir: Path) -> None:
    # Each tab became one space on saving: the columns the dialog showed ran together, and a
    # line indented with a tab came back indented by one space.
    # The tab after a wide character's name goes as far as the dialog shows it: 東京 takes
    # four columns.
    pasted = "State\t\tJobs\nNuevo León\t1,200\n東京\t900\n\t- check the 1,200"
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await wait_for_screen(pilot, NoteDialog)
        app.post_message(events.Paste(pasted))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("n")
        await wait_for_screen(pilot, NoteDialog)
        assert app.screen.query_one(TextArea).text.splitlines() == [
            "State       Jobs",
            "Nuevo León  1,200",
            "東京    900",
            "    - check the 1,200",
        ]


async def test_a_long_note_shows_one_line_in_the_pane(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await wait_for_screen(pilot, NoteDialog)
        app.screen.query_one(TextArea).text = "word " * 400
        await pilot.press("ctrl+s")
        await settle(pilot)
        view = main_screen(app).brief_view
        noted = [i for i, line in enumerate(view.lines) if "word word" in line]
        assert len(noted) == 1
        assert view.render_line(noted[0]).text.rstrip().endswith("…")


async def test_escape_on_a_changed_note_asks_before_dropping_it(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        # Unchanged, Esc just closes.
        await pilot.press("n")
        await wait_for_screen(pilot, NoteDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)

        await write_note(pilot, "draft")
        await pilot.press("escape")
        await wait_for_screen(pilot, DiscardDialog)
        await pilot.press("n")  # keep editing: the text is still there
        await wait_for_screen(pilot, NoteDialog)
        assert app.screen.query_one(TextArea).text == "draft"
        await pilot.press("escape")
        await wait_for_screen(pilot, DiscardDialog)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert "Note:" not in brief_lines(app)
    assert saved(corpus_dir).notes == {}


async def test_a_note_too_long_is_refused_in_the_dialog(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await wait_for_screen(pilot, NoteDialog)
        app.screen.query_one(TextArea).text = "x" * (MAX_NOTE_CHARS + 1)
        await pilot.press("ctrl+s")
        # Not settle(): the worker that opened the dialog waits for it to close.
        error = app.screen.query_one("#error", Label)
        await until(pilot, lambda: "20,000" in str(error.render()))
        assert isinstance(app.screen, NoteDialog)  # still open, the text kept
        assert len(app.screen.query_one(TextArea).text) == MAX_NOTE_CHARS + 1
    assert saved(corpus_dir).notes == {}


async def test_tags_are_given_shown_and_filtered_by(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    told: list[tuple[str, str]] = []
    async with app.run_test(size=(120, 40), message_hook=notifications_into(told)) as pilot:
        await settle(pilot)
        first = current_id(app)
        await pilot.press("t")
        await wait_for_screen(pilot, TagDialog)
        await pilot.press(*"USMCA, aduana", "enter")
        await settle(pilot)
        assert "Tags: USMCA, aduana" in brief_lines(app)
        await pilot.press("j", "t")
        await wait_for_screen(pilot, TagDialog)
        # Typed in another case, a tag in use keeps its first spelling, and says so: the user
        # saw "USMCA" where "usmca" was typed, without a word.
        assert told == []
        await pilot.press(*"usmca", "enter")
        await settle(pilot)
        second = current_id(app)
        assert "Tags: USMCA" in brief_lines(app)
        assert told == [("information", "Kept as other briefs spell it: USMCA (typed usmca)")]

        await pilot.press("slash", *"tag:adu", "enter")
        await settle(pilot)
        assert listed_keys(app) == [first]
        await pilot.press("escape", "slash", *"tag:usm", "enter")
        await settle(pilot)
        assert listed_keys(app) == [first, second]

        # The dialog holds the tags the brief under the cursor has, to change: a tag typed
        # after them is one more, not the end of the last ("aduanafrontera").
        await pilot.press("t")
        await wait_for_screen(pilot, TagDialog)
        assert app.screen.query_one(Input).value.split() == ["USMCA", "aduana"]
        await pilot.press(*"frontera", "enter")
        await settle(pilot)
    assert saved(corpus_dir).tags == {
        first: ("USMCA", "aduana", "frontera"),
        second: ("USMCA",),
    }


async def test_tags_pasted_on_several_lines_or_typed_in_quotes_are_each_kept_and_found(
    corpus_dir: Path,
) -> None:
    # A paste kept its first line alone ("uno" of "uno / dos, tres / cuatro"), and a tag typed
    # in quotes kept them, found by no tag: term.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = current_id(app)
        await pilot.press("t")
        await wait_for_screen(pilot, TagDialog)
        app.screen.query_one(Input).post_message(events.Paste("uno\ndos, tres\ncuatro"))
        await pilot.pause()
        await pilot.press("space", *'"urgente" \u201caduana\u201d', "enter")
        await settle(pilot)
        assert "Tags: uno, dos, tres, cuatro, urgente, aduana" in brief_lines(app)
        await pilot.press("slash", *"tag:urgente", "enter")
        await settle(pilot)
        assert listed_keys(app) == [first]
    assert saved(corpus_dir).tags == {first: ("uno", "dos", "tres", "cuatro", "urgente", "aduana")}


async def test_notes_and_tags_are_given_for_the_session_in_a_state_folder_not_to_be_entered(
    corpus_dir: Path, private_state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "t" or "n" ended the reader, and with it the bookmarks kept for the session.
    shut_folder(private_state, monkeypatch)
    told: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(told)) as pilot:
        await settle(pilot)
        await pilot.press("b", "t")
        await wait_for_screen(pilot, TagDialog)
        await pilot.press(*"aduana", "enter")
        await settle(pilot)
        await pilot.press("n")
        await wait_for_screen(pilot, NoteDialog)
        await pilot.press(*"Call the council", "ctrl+s")
        await settle(pilot)
        assert "Tags: aduana" in brief_lines(app) and "Call the council" in brief_lines(app)
        assert "1 bookmarked" in app.screen.sub_title
    assert any("Cannot read notes file" in message for _, message in told)


@pytest.mark.parametrize(("size", "whole"), [((120, 40), True), ((80, 24), False)])
async def test_many_tags_wrap_in_a_tall_brief_pane_and_keep_one_line_in_a_short_one(
    corpus_dir: Path, size: tuple[int, int], whole: bool
) -> None:
    # The pane cut the tags at one line: the last ones were never seen, with room to spare.
    tags = "nearshoring aduana méxico-eeuu semiconductores follow-up"
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await wait_for_screen(pilot, TagDialog)
        await pilot.press(*tags, "enter")
        await settle(pilot)
        shown = main_screen(app).brief_view.lines
        at = next(i for i, line in enumerate(shown) if line.startswith("Tags: "))
        blank = shown.index("", at)  # the line between the head and the facts
        assert blank > at + 1 if whole else blank == at + 1
        # Wrapped, every tag is in view; on one line, the rest is cut where the pane ends.
        assert " ".join(shown[at:blank]).endswith("follow-up")
        width = main_screen(app).brief_view.scrollable_content_region.width
        assert all(len(line) <= width for line in shown[at:blank]) == whole


async def test_a_tag_filter_follows_tags_given_while_it_is_set(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"tag:x", "enter")
        await settle(pilot)
        assert listed_keys(app) == []
        await pilot.press("escape", "t")
        await wait_for_screen(pilot, TagDialog)
        await pilot.press("x", "enter")
        await settle(pilot)
        await pilot.press("slash", *"tag:x", "enter")
        await settle(pilot)
        assert len(listed_keys(app)) == 1
        await pilot.press("t")
        await wait_for_screen(pilot, TagDialog)
        app.screen.query_one(Input).value = ""
        await pilot.press("enter")
        await settle(pilot)
        assert len(listed_keys(app)) == 1  # under the cursor, for t to tag it again
        await pilot.press("slash", "space", "enter")
        await settle(pilot)
        assert listed_keys(app) == []


@pytest.mark.parametrize(
    ("typed", "says"),
    [("x" * 41, "at most 40"), (" ".join(f"t{n}" for n in range(21)), "at most 20")],
    ids=["too-long", "too-many"],
)
async def test_tags_that_cannot_be_kept_are_told_in_the_dialog(
    corpus_dir: Path, typed: str, says: str
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await wait_for_screen(pilot, TagDialog)
        app.screen.query_one(Input).value = typed
        await pilot.press("enter")
        error = app.screen.query_one("#error", Label)
        await until(pilot, lambda: says in str(error.render()))
        assert isinstance(app.screen, TagDialog)
        await pilot.press("escape")  # what was typed is dropped once the user says so
        await wait_for_screen(pilot, DiscardDialog)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert "Tags:" not in brief_lines(app)


async def test_escape_on_the_same_tags_written_with_commas_closes_without_asking(
    corpus_dir: Path,
) -> None:
    # "usmca tariffs" retyped as "usmca, tariffs" asked whether to discard the changes.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await wait_for_screen(pilot, TagDialog)
        app.screen.query_one(Input).value = "usmca tariffs"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("t")
        await wait_for_screen(pilot, TagDialog)
        app.screen.query_one(Input).value = "usmca,  tariffs,"
        await pilot.press("escape")
        # Not settled: with a question open, the dialog's worker waits for the user.
        await wait_for_screen(pilot, MainScreen)
        # Other tags are a change: asked.
        await pilot.press("t")
        await wait_for_screen(pilot, TagDialog)
        app.screen.query_one(Input).value = "usmca, aduana"
        await pilot.press("escape")
        await wait_for_screen(pilot, DiscardDialog)


@pytest.fixture
def unsaveable_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A state folder that cannot be made: a file stands where it should be (which stops the
    superuser too, whom file modes do not)."""
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the state folder should be")
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(blocked))


async def test_notes_that_cannot_be_saved_are_kept_and_reported(
    corpus_dir: Path, unsaveable_state: None
) -> None:
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        assert "4 unread (not saved)" in title_bar_text(app)
        await save_note(pilot, "kept for the session")
        assert "Note: kept for the session" in brief_lines(app)
    errors = [m for severity, m in notices if severity == "error" and "cannot be saved" in m]
    assert len(errors) == 1 + 1  # the bookmarks' and the notes', each told once


async def test_quitting_asks_first_when_it_would_lose_a_note_not_saved(
    corpus_dir: Path, unsaveable_state: None
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")  # read marks alone are not worth asking about
        await settle(pilot)
        assert not app.is_running

    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await save_note(pilot, "kept for the session")
        await pilot.press("q")
        await wait_for_screen(pilot, QuitDialog)
        assert "1 change to notes or tags that could not be saved" in unwrapped_dialog(app)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        await pilot.press("q")
        await wait_for_screen(pilot, QuitDialog)
        await pilot.press("y")
        await settle(pilot)
        assert not app.is_running


async def test_quitting_saves_a_note_the_lock_kept_out_and_asks_only_while_it_still_does(
    corpus_dir: Path, private_state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Once the lock was gone, q still asked whether to lose the note, again after Stay.
    monkeypatch.setattr("tui.app.reader.screen.SAVE_RETRY_S", 3600.0)  # only q tries again
    monkeypatch.setattr("tui.core.annotations.BUSY_TIMEOUT_MS", 0)  # saves meet the lock at once
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        brief_id = current_id(app)
        with notes_locked(private_state):
            await save_note(pilot, "written while locked")
            assert "(not saved)" in title_bar_text(app)
            await pilot.press("q")
            await wait_for_screen(pilot, QuitDialog)
            assert "notes or tags that could not be saved" in unwrapped_dialog(app)
            await pilot.press("n")
            await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert not app.is_running
    assert saved(corpus_dir).notes == {brief_id: "written while locked"}


def saves_tried(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each try at saving the notes again from now on, as whether it waited for the lock."""
    tries: list[bool] = []
    save_again = Annotations.save_again

    def counted(self: Annotations, *, wait: bool = True) -> None:
        tries.append(wait)
        save_again(self, wait=wait)

    monkeypatch.setattr(Annotations, "save_again", counted)
    return tries


async def test_quitting_asks_at_once_while_another_program_holds_the_notes_and_keeps_the_note(
    corpus_dir: Path, private_state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # q waited for the other program's lock, two seconds, before it asked anything.
    monkeypatch.setattr("tui.app.reader.screen.SAVE_RETRY_S", 3600.0)  # only q tries again
    monkeypatch.setattr("tui.core.annotations.BUSY_TIMEOUT_MS", 0)  # the note's save meets it
    tries = saves_tried(monkeypatch)
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        brief_id = current_id(app)
        with notes_locked(private_state):
            await save_note(pilot, "written while locked")
            tries.clear()
            await pilot.press("q")
            await wait_for_screen(pilot, QuitDialog)
            # Asked with the file still held, the note tried once more without waiting for it.
            assert tries == [False]
            assert "1 change to notes or tags that could not be saved" in unwrapped_dialog(app)
            await pilot.press("n")
            await settle(pilot)
            assert isinstance(app.screen, MainScreen)
            assert "written while locked" in brief_lines(app)
        await pilot.press("q")
        await settle(pilot)
        assert not app.is_running
    assert saved(corpus_dir).notes == {brief_id: "written while locked"}


async def test_a_quit_asked_over_a_note_the_lock_kept_out_goes_on_once_it_is_saved(
    corpus_dir: Path, private_state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The question stayed, warning of a loss there no longer was once the note went in.
    monkeypatch.setattr("tui.app.reader.screen.SAVE_RETRY_S", 0.1)
    monkeypatch.setattr("tui.core.annotations.BUSY_TIMEOUT_MS", 0)  # saves meet the lock at once
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        brief_id = current_id(app)
        with notes_locked(private_state):
            await save_note(pilot, "written while locked")
            await pilot.press("q")
            await wait_for_screen(pilot, QuitDialog)
        await within(pilot, lambda: not app.is_running, "the quit asked for, once nothing is lost")
    assert saved(corpus_dir).notes == {brief_id: "written while locked"}


async def test_a_note_the_lock_kept_out_is_saved_once_it_is_gone(
    corpus_dir: Path, private_state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.app.reader.screen.SAVE_RETRY_S", 0.1)
    tries = saves_tried(monkeypatch)
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        brief_id = current_id(app)
        with notes_locked(private_state):
            await save_note(pilot, "written while locked")
            assert "(not saved)" in title_bar_text(app)
            tried = len(tries)
            await within(pilot, lambda: len(tries) >= tried + 2, "tried twice more while locked")
        await within(
            pilot, lambda: "(not saved)" not in title_bar_text(app), "the note saved again"
        )
        assert saved(corpus_dir).notes == {brief_id: "written while locked"}
    errors = [m for severity, m in notices if severity == "error" and "cannot be saved" in m]
    assert len(errors) == 1  # told once, however many times it was tried while locked
    assert any("saved again" in m for _, m in notices)


async def test_quitting_asks_first_when_it_would_lose_a_bookmark_not_saved(
    corpus_dir: Path, unsaveable_state: None
) -> None:
    # The title bar said "(not saved)", and q quit at once without a word.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b", "q")
        await wait_for_screen(pilot, QuitDialog)
        assert "1 change to bookmarks that could not be saved" in unwrapped_dialog(app)
        await pilot.press("y")
        await settle(pilot)
        assert not app.is_running


@needs_file_locks
async def test_a_narrow_title_bar_keeps_not_saved_and_cuts_the_corpus_name_and_counts_first(
    corpus_dir: Path, tmp_path: Path, private_state: Path
) -> None:
    # At 80 columns the bar was cut at its right end: "2 bookmarked (…", the warning gone.
    root = corpus_dir.rename(tmp_path / "nearshoring-maquiladora-monitor-2025")
    app = BriefingApp(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        with bookmarks_locked(private_state):
            await pilot.press("b", "slash", *"mexicali", "enter")
            await settle(pilot)
            shown = title_bar_text(app)
            assert "1 bookmarked (not saved)" in shown
            name, _, counts = shown.partition(" · ")
            assert name.startswith("nearshoring") and name.endswith("…")
            assert "…" not in counts and counts.endswith(" · 3 shown")  # no count cut short


@needs_file_locks
async def test_a_bookmark_the_lock_kept_out_is_saved_once_it_is_gone_and_a_quit_goes_on(
    corpus_dir: Path, private_state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Bookmarks were tried again only at the next bookmark or at quit: "(not saved)" stayed,
    # and a quit asked about them stayed up after the lock was gone.
    monkeypatch.setattr("tui.app.reader.screen.SAVE_RETRY_S", 0.1)
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        brief_id = current_id(app)
        with bookmarks_locked(private_state):
            await pilot.press("b")
            await settle(pilot)
            assert "(not saved)" in title_bar_text(app)
            await pilot.press("q")
            await wait_for_screen(pilot, QuitDialog)
            assert "1 change to bookmarks that could not be saved" in unwrapped_dialog(app)
        await within(pilot, lambda: not app.is_running, "the quit asked for, once nothing is lost")
    assert BookmarkStore(private_state, corpus_key(corpus_dir)).ids == {brief_id}
    errors = [m for severity, m in notices if severity == "error" and "cannot be saved" in m]
    assert len(errors) == 1  # told once, however many times it was tried while locked


@needs_file_locks
async def test_quitting_asks_at_once_while_another_program_holds_the_bookmarks_lock(
    corpus_dir: Path, private_state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # q waited a second for the other program's lock before it asked anything.
    monkeypatch.setattr("tui.app.reader.screen.SAVE_RETRY_S", 3600.0)  # only q tries again
    lock_clock = LockClock()
    monkeypatch.setattr("tui.core.locks.time", lock_clock)
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        brief_id = current_id(app)
        with bookmarks_locked(private_state):
            await pilot.press("b")
            await settle(pilot)
            assert "(not saved)" in title_bar_text(app)
            assert lock_clock.waits  # a bookmark given waits a moment for the lock, as before
            lock_clock.waits = 0
            await pilot.press("q")
            await wait_for_screen(pilot, QuitDialog)
            # Asked with the lock still held, without waiting for it.
            assert lock_clock.waits == 0
            assert "1 change to bookmarks that could not be saved" in unwrapped_dialog(app)
            await pilot.press("n")
            await settle(pilot)
            assert isinstance(app.screen, MainScreen)
        await pilot.press("q")
        await settle(pilot)
        assert not app.is_running
    assert BookmarkStore(private_state, corpus_key(corpus_dir)).ids == {brief_id}


async def test_quitting_asks_first_when_it_would_lose_marks_not_exported(
    corpus_dir: Path, tmp_path: Path
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("space", "j", "space")
        await settle(pilot)
        await pilot.press("q")
        await wait_for_screen(pilot, QuitDialog)
        assert "the 2 briefs marked for export" in unwrapped_dialog(app)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("e")
        await wait_for_screen(pilot, ExportDialog)
        await answer_export_dialog(pilot, tmp_path / "briefing.md")
        await settle(pilot)
        assert (tmp_path / "briefing.md").exists()
        await pilot.press("q")  # the marks went into the briefing: nothing is lost
        await settle(pilot)
        assert not app.is_running


async def test_every_mark_for_export_is_taken_back_at_once(corpus_dir: Path) -> None:
    # After handing over a briefing, each mark was taken back with a Space of its own.
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        await pilot.press("space", "j", "space", "j", "space", "slash", *"mexicali", "enter")
        await settle(pilot)
        assert "3 marked" in title_bar_text(app)
        await pilot.press("M")
        await settle(pilot)
        assert "0 marked" in title_bar_text(app)
        assert ("information", "Unmarked 3 articles") in notices
        await pilot.press("escape")
        await settle(pilot)
        assert not any(EXPORT_MARK in row for row in list_rows(app))
        await pilot.press("q")  # nothing marked is lost
        await settle(pilot)
        assert not app.is_running


async def test_every_article_a_filter_found_is_marked_at_once_and_exported(
    corpus_dir: Path, tmp_path: Path
) -> None:
    # Handing over what a filter found took a Space and a Down for each article.
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"mexicali", "enter")
        await settle(pilot)
        found = len(list_rows(app))
        assert 1 < found < 5
        await pilot.press("A")
        await settle(pilot)
        assert f"{found} marked" in title_bar_text(app)
        assert ("information", f"Marked {found} articles, {found} in all: e exports them") in (
            notices
        )
        await pilot.press("A")
        await settle(pilot)
        assert ("information", f"The {found} articles shown are marked already") in notices
        await pilot.press("e")
        await wait_for_screen(pilot, ExportDialog)
        await answer_export_dialog(pilot, tmp_path / "briefing.md")
        await settle(pilot)
        briefing = (tmp_path / "briefing.md").read_text(encoding="utf-8")
        assert briefing.count("\n## ") == found
        # Said as briefing export --filter says it: colleagues can ask the same.
        assert f"{found} briefs found by the filter `mexicali`, exported on" in briefing
        # One unmarked, the rest are no longer what the filter found.
        await pilot.press("space", "e")
        await wait_for_screen(pilot, ExportDialog)
        await answer_export_dialog(pilot, tmp_path / "fewer.md")
        await settle(pilot)
        fewer = (tmp_path / "fewer.md").read_text(encoding="utf-8")
        assert f"{found - 1} marked briefs, exported on" in fewer
        await pilot.press("escape")
        await settle(pilot)
        assert sum(EXPORT_MARK in row for row in list_rows(app)) == found - 1  # the others not


async def test_a_briefing_of_all_a_long_filter_found_names_only_the_terms_it_held(
    corpus_dir: Path, tmp_path: Path
) -> None:
    # It named the filter whole, the terms past those it holds too, which had found nothing.
    held = " ".join(["mexicali"] * MAX_TERMS)
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        app.post_message(events.Paste(f"{held} nowhere-at-all"))
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        found = len(list_rows(app))
        assert found > 1
        await pilot.press("A", "e")
        await wait_for_screen(pilot, ExportDialog)
        await answer_export_dialog(pilot, tmp_path / "briefing.md")
        await settle(pilot)
    briefing = (tmp_path / "briefing.md").read_text(encoding="utf-8")
    assert f"{found} briefs found by the filter `{held}`, exported on" in briefing


async def test_marking_all_shown_says_so_when_no_file_shown_loaded(tmp_path: Path) -> None:
    # It said "The 0 articles shown are marked already".
    from tests.kit.corpus import make_corpus

    broken = {"a.yaml": "id: a\ntitle: 'never closed\n", "b.yaml": "id: [b\n"}
    notices: list[tuple[str, str]] = []
    app = BriefingApp(make_corpus(tmp_path / "c", broken))
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        assert len(list_rows(app)) == 2
        await pilot.press("A")
        await settle(pilot)
        assert (
            "warning",
            "Nothing shown can be marked: the files listed could not be loaded",
        ) in notices
        assert "0 marked" in title_bar_text(app)


async def test_quitting_counts_the_marks_made_since_the_last_export(
    corpus_dir: Path, tmp_path: Path
) -> None:
    # Three marked and exported, one more marked: the question spoke of 4 briefs marked, as if
    # none had gone into the briefing.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("space", "j", "space", "j", "space", "e")
        await wait_for_screen(pilot, ExportDialog)
        await answer_export_dialog(pilot, tmp_path / "briefing.md")
        await settle(pilot)
        await pilot.press("j", "space", "q")
        await wait_for_screen(pilot, QuitDialog)
        assert "the 4 briefs marked for export, 1 since the last export" in unwrapped_dialog(app)
        await pilot.press("n")
        await settle(pilot)
        # Unmarked again, and one of those exported too: every brief marked is in the briefing.
        await pilot.press("space", "k", "space", "q")
        await settle(pilot)
        assert not app.is_running


async def test_a_mark_put_back_after_an_export_is_asked_about_on_quitting(
    corpus_dir: Path, tmp_path: Path
) -> None:
    # Marked, exported, all unmarked with M and marked again: q quit without a word.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("space", "e")
        await wait_for_screen(pilot, ExportDialog)
        await answer_export_dialog(pilot, tmp_path / "briefing.md")
        await settle(pilot)
        await pilot.press("M", "space", "q")
        await wait_for_screen(pilot, QuitDialog)
        assert "the 1 brief marked for export" in unwrapped_dialog(app)


async def test_ctrl_q_in_the_note_dialog_asks_before_the_note_typed_is_lost(
    corpus_dir: Path,
) -> None:
    # Textual's ctrl+q acts before the dialog sees the key: it quit with the note unsaved.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        brief_id = current_id(app)
        await write_note(pilot, "call the chamber")
        await pilot.press("ctrl+q")
        await wait_for_screen(pilot, QuitDialog)
        assert "the note you typed" in unwrapped_dialog(app)
        await pilot.press("n")
        await wait_for_screen(pilot, NoteDialog)
        assert app.screen.query_one(TextArea).text == "call the chamber"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+q")  # nothing left to lose
        await settle(pilot)
        assert not app.is_running
    assert saved(corpus_dir).notes == {brief_id: "call the chamber"}


async def test_the_note_dialog_opens_on_the_note_another_copy_saved(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        brief_id = current_id(app)
        elsewhere = Annotations(state_dir(), corpus_key(corpus_dir))
        elsewhere.set_note(brief_id, "written in the other window")
        elsewhere.close()

        await pilot.press("n")
        await wait_for_screen(pilot, NoteDialog)

        assert app.screen.query_one(TextArea).text == "written in the other window"


async def test_a_note_saved_in_another_window_while_the_dialog_was_open_is_kept(
    corpus_dir: Path,
) -> None:
    # The note saved last wrote over the other window's, and neither window said a word.
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        brief_id = current_id(app)
        await write_note(pilot, "from this window")
        other_window = saved(corpus_dir)
        other_window.set_note(brief_id, "from the other window")
        other_window.close()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "from this window" in brief_lines(app)
        assert "from the other window" in brief_lines(app)
    both = saved(corpus_dir).notes[brief_id]
    assert both.startswith("from this window") and both.endswith("from the other window")
    assert [m for severity, m in notices if severity == "warning" and brief_id in m]


async def test_tags_given_in_another_window_while_the_dialog_was_open_are_kept(
    corpus_dir: Path,
) -> None:
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        brief_id = current_id(app)
        await pilot.press("t")
        await wait_for_screen(pilot, TagDialog)
        other_window = saved(corpus_dir)
        other_window.set_tags(brief_id, ["aduana"])
        other_window.close()
        await pilot.press(*"usmca", "enter")
        await settle(pilot)
        assert "Tags: usmca, aduana" in brief_lines(app)
    assert saved(corpus_dir).tags == {brief_id: ("usmca", "aduana")}
    assert [m for severity, m in notices if severity == "warning" and brief_id in m]


async def test_a_corrupt_notes_file_is_set_aside_and_told_once(
    corpus_dir: Path, private_state: Path
) -> None:
    (private_state / "annotations.sqlite3").write_bytes(b"not a database at all" * 100)
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert "3 unread" in title_bar_text(app)
    told = [m for _, m in notices if "annotations.sqlite3" in m and "kept as" in m]
    assert len(told) == 1
    assert len(list(private_state.glob("annotations.sqlite3.unreadable-*"))) == 1
    assert len(saved(corpus_dir).read) == 2


async def test_a_notes_file_set_aside_is_told_with_what_to_do(
    corpus_dir: Path, private_state: Path
) -> None:
    (private_state / "annotations.sqlite3").write_bytes(b"not a database at all" * 100)
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
    (aside,) = private_state.glob("annotations.sqlite3.unreadable-*")
    (told,) = [m for _, m in notices if "annotations.sqlite3" in m]
    assert told.startswith(f"Notes file {private_state / 'annotations.sqlite3'} could not be read")
    assert f"it was kept as {aside}, and a new one started" in told
    assert "mend that copy and put it in the new one's place while briefing is closed" in told
    assert told.endswith("else delete it")


@pytest.mark.parametrize("name", ["bookmarks.json.lock", "annotations.sqlite3-wal"])
async def test_a_folder_where_a_file_beside_the_state_goes_is_told_with_what_to_do(
    corpus_dir: Path, private_state: Path, name: str
) -> None:
    in_the_way = private_state / name
    in_the_way.mkdir()
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)  # the brief shown is marked read
        await pilot.press("b")
        await settle(pilot)
        assert "(not saved)" in title_bar_text(app)
    told = [m for severity, m in notices if severity == "error" and name in m]
    assert told and all(
        m.endswith(
            f"To save them, delete or rename the folder {in_the_way}: briefing keeps a file of its"
            " own there"
        )
        for m in told
    )


async def test_the_keys_apply_only_on_a_brief(tmp_path: Path) -> None:
    from tests.kit.corpus import make_corpus

    app = BriefingApp(make_corpus(tmp_path / "empty"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n", "t", "u")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)  # no dialog for no brief
        assert "0 unread" in title_bar_text(app)


async def test_briefs_passed_with_a_key_held_are_not_read_only_the_one_rested_on(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each brief passed was shown for a moment and counted read: holding j emptied is:unread.
    # Longer than the moves take on a loaded machine, each waited for.
    monkeypatch.setattr(screen_module, "READ_AFTER_S", 2.0)
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        annotations = main_screen(app).annotations
        assert annotations is not None
        first = current_id(app)
        await within(pilot, lambda: first in annotations.read, "the first brief read")
        passed = []
        for _ in range(3):
            await pilot.press("j")
            await settle(pilot)  # each shown in the panes, as at key-repeat speed
            passed.append(current_id(app))
        rested_on = passed.pop()
        await within(pilot, lambda: rested_on in annotations.read, "the brief rested on read")
        assert not annotations.read & set(passed)
        assert f"{len(main_screen(app)._ids_present) - 2} unread" in app.screen.sub_title


async def test_a_corpus_moved_away_from_its_notes_is_told_where_they_are_and_how_to_bring_them(
    corpus_dir: Path, tmp_path: Path
) -> None:
    # Renamed, the corpus showed no note, tag or bookmark, and no word of where they were.
    async with BriefingApp(corpus_dir).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await save_note(pilot, "Call the council")
    moved = corpus_dir.rename(tmp_path / "corpus-2025")
    told: list[tuple[str, str]] = []
    async with BriefingApp(moved).run_test(message_hook=notifications_into(told)) as pilot:
        await settle(pilot)
    (notice,) = [message for _, message in told if "which is gone" in message]
    assert f"are kept for {corpus_key(corpus_dir)}, which is gone" in notice
    assert f"run: briefing --corpus {moved} moved {corpus_key(corpus_dir)} (" in notice


async def test_a_copy_of_a_corpus_or_another_corpus_is_told_nothing_of_the_first(
    corpus_dir: Path, tmp_path: Path
) -> None:
    async with BriefingApp(corpus_dir).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
    copy = tmp_path / "copy"
    shutil.copytree(corpus_dir, copy)
    other = make_corpus(tmp_path / "other")
    told: list[tuple[str, str]] = []
    for root in (copy, other):
        async with BriefingApp(root).run_test(message_hook=notifications_into(told)) as pilot:
            await settle(pilot)
    # The first is still there, and the other corpus shares no brief with it.
    assert not [message for _, message in told if "which is gone" in message]
    shutil.rmtree(corpus_dir)
    async with BriefingApp(other).run_test(message_hook=notifications_into(told)) as pilot:
        await settle(pilot)
    assert not [message for _, message in told if "which is gone" in message]


async def test_a_brief_covered_by_a_dialog_before_it_was_read_is_read_once_seen_after(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # j then t at once: the tags dialog covered the brief moved to before its half second was
    # up, and it was marked read behind the dialog all the same.
    monkeypatch.setattr(screen_module, "READ_AFTER_S", 0.5)
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        annotations = screen.annotations
        assert annotations is not None
        await within(pilot, lambda: "4 unread" in title_bar_text(app), "the first brief read")
        await pilot.press("j", "t")
        await wait_for_screen(pilot, TagDialog)
        moved_to = current_id(app)
        # Once the half second it had to be shown is up, whether it was counted or not.
        await within(pilot, lambda: screen._read_timer is None, "the half second up")
        await pilot.pause()
        assert isinstance(app.screen, TagDialog)
        assert moved_to not in annotations.read
        assert "4 unread" in title_bar_text(app)
        await pilot.press("escape")
        await within(pilot, lambda: moved_to in annotations.read, "the brief seen read")
        assert "3 unread" in title_bar_text(app)


async def test_briefs_passed_in_a_maximised_list_are_read_only_once_shown(
    corpus_dir: Path,
) -> None:
    # Scanning titles in a maximised list marked every brief the cursor passed read, though
    # neither its facts nor its article was on the screen.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.annotations is not None
        read_at_start = set(screen.annotations.read)
        await pilot.press("z", "j", "j")
        await settle(pilot)
        assert screen.maximized is screen.article_list
        assert screen.annotations.read == read_at_start
        await pilot.press("z")
        await settle(pilot)
        shown = screen.corpus.entries[screen.article_list.cursor_entry].key
        assert screen.annotations.read == read_at_start | {shown}
