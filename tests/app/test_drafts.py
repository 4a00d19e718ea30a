"""Adding an article and reviewing its draft from the reader."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from tests.kit.corpus import DRAFT_ARTICLE, DRAFT_BRIEF, SEED_TEXT, draft_corpus, make_corpus
from tests.kit.pilot import (
    brief_lines,
    list_rows,
    main_screen,
    notifications_into,
    settle,
    until,
    wait_for_screen,
    within,
)
from tui.app.app import BriefingApp
from tui.app.screens import add as add_module
from tui.app.screens.add import AddDialog
from tui.app.screens.annotate import NoteDialog
from tui.app.widgets.filter_input import FilterInput
from tui.app.widgets.key_footer import KeyFooter
from tui.core.drafting import draft as draft_module
from tui.core.drafting.adding import Outcome
from tui.core.store import load_corpus


def brief_text(root: Path) -> str:
    return (root / "briefs" / "tijuana-exports.yaml").read_text(encoding="utf-8")


async def test_c_confirms_the_fact_in_its_file_and_moves_to_the_next(tmp_path: Path) -> None:
    root = draft_corpus(tmp_path / "corpus")
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "c")
        await settle(pilot)
        facts = load_corpus(root).briefs[0].key_facts
        assert [fact.reviewed for fact in facts] == [True, False, True]
        assert "# looks right" not in brief_text(root)  # its line went with reviewed: false
        assert "# My notes: check the 8% against INEGI." in brief_text(root)
        assert main_screen(app).current_fact == 1


async def test_keys_typed_before_the_brief_is_read_again_review_the_facts_they_move_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "c" then "x" typed quickly: the x rejected the fact just confirmed, the brief shown being
    # still as it was, and the fact after it stayed unreviewed.
    root = draft_corpus(tmp_path / "corpus")
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        read_again = screen._reload
        monkeypatch.setattr(screen, "_reload", lambda: None)  # the file not read again yet
        await pilot.press("enter", "c", "x")
        await pilot.pause()
        monkeypatch.undo()
        read_again()
        await settle(pilot)
        facts = load_corpus(root).briefs[0].key_facts
        assert [(fact.quote, fact.reviewed) for fact in facts] == [
            ("Exports from Tijuana grew 8% in 2024", True),
            ("Some 300 firms joined the council this year", True),
        ]
        assert screen.current_fact == 1


async def test_the_palette_confirms_a_drafts_fact_as_c_does(tmp_path: Path) -> None:
    # The footer offered "c Confirm" and "x Reject", but the palette found neither.
    root = draft_corpus(tmp_path / "corpus")
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Confirm fact" not in [c.title for c in main_screen(app).commands()]  # the list
        await pilot.press("enter")
        await settle(pilot)
        titles = [command.title for command in main_screen(app).commands()]
        assert "Confirm fact" in titles and "Reject fact" in titles
        await pilot.press("ctrl+p", *"confirm fact")
        await until(pilot, lambda: bool(app.screen.query(OptionList).first().option_count))
        await pilot.press("enter")
        await until(pilot, lambda: main_screen(app).current_fact == 1)
        assert [fact.reviewed for fact in load_corpus(root).briefs[0].key_facts] == [
            True,
            False,
            True,
        ]


async def test_x_rejects_the_fact_and_the_brief_shows_the_rest(tmp_path: Path) -> None:
    root = draft_corpus(tmp_path / "corpus")
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "j", "x")
        await settle(pilot)
        quotes = [fact.quote for fact in load_corpus(root).briefs[0].key_facts]
        assert "The council will open an office in Texas" not in quotes
        assert len(quotes) == 2
        assert "office in Texas" not in brief_lines(app).split("Summary")[0]
        # Still on the second fact: the one that came after the rejected one.
        assert main_screen(app).current_fact == 1


async def test_ctrl_z_puts_back_the_fact_rejected_and_the_cursor_on_it(tmp_path: Path) -> None:
    root = draft_corpus(tmp_path / "corpus")
    before = brief_text(root)
    notices: list[tuple[str, str]] = []
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        assert "Undo" not in key_line(app)  # nothing to undo yet
        await pilot.press("enter", "j", "x")
        await settle(pilot)
        assert brief_text(root) != before
        undo = app.keys_of("reader.undo_review")
        assert any(f"{undo} puts it back" in message for _, message in notices)
        assert "Undo" in key_line(app)

        await pilot.press("ctrl+z")
        await settle(pilot)
        assert brief_text(root) == before
        assert "office in Texas" in brief_lines(app).split("Summary")[0]
        assert main_screen(app).current_fact == 1
        assert "Undo" not in key_line(app)  # nothing more to undo


async def test_ctrl_z_again_takes_back_the_review_before(tmp_path: Path) -> None:
    # Only the last could be undone: the facts rejected before it had to be put back by hand.
    root = draft_corpus(tmp_path / "corpus")
    before = brief_text(root)
    notices: list[tuple[str, str]] = []
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "x")
        await settle(pilot)
        after_one = brief_text(root)
        await pilot.press("c")
        await settle(pilot)
        assert brief_text(root) not in (before, after_one)

        await pilot.press("ctrl+z")
        await settle(pilot)
        assert brief_text(root) == after_one
        assert notices[-1][1].endswith(
            f"{app.keys_of('reader.undo_review')} again undoes the one before"
        )
        assert "Undo" in key_line(app)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert brief_text(root) == before
        assert main_screen(app).current_fact == 0
        assert "Undo" not in key_line(app)


def notices_shown(app: BriefingApp) -> list[str]:
    return [str(toast.render()) for toast in app.screen.query("Toast")]


async def test_facts_rejected_one_after_another_say_so_in_one_notice(tmp_path: Path) -> None:
    # At 80x24 each rejection stacked a notice of its own over the brief being reviewed.
    root = draft_corpus(tmp_path / "corpus")
    app = BriefingApp(root)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("enter", "x")
        await settle(pilot)
        await pilot.press("j", "x")
        await settle(pilot)
        shown = notices_shown(app)
        assert len(shown) == 1 and "Fact 2 taken out" in shown[0]
        await pilot.press("ctrl+z")
        await settle(pilot)
        shown = notices_shown(app)
        assert len(shown) == 1 and "Fact 2 of briefs/tijuana-exports.yaml is as it was" in shown[0]
        await pilot.press("k", "x")  # refused: the fact has a comment the edit would lose
        await settle(pilot)
        shown = notices_shown(app)
        assert len(shown) == 1 and "has a comment the edit would lose" in shown[0]


async def test_a_review_notice_leaves_a_notice_of_something_else_shown(tmp_path: Path) -> None:
    root = draft_corpus(tmp_path / "corpus")
    app = BriefingApp(root)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        app.notify("Export written", title="Export")
        await pilot.press("enter", "x")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        shown = notices_shown(app)
        assert len(shown) == 3 and "Export written" in shown[0]


async def test_an_undo_refused_over_a_change_by_hand_is_offered_no_more(tmp_path: Path) -> None:
    root = draft_corpus(tmp_path / "corpus")
    notices: list[tuple[str, str]] = []
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "x")
        await settle(pilot)
        # Just before where the fact was: whether it still goes there is the analyst's call.
        by_hand = brief_text(root).replace("key_facts:", "key_facts:  # checked")
        (root / "briefs" / "tijuana-exports.yaml").write_text(by_hand, encoding="utf-8")
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert brief_text(root) == by_hand  # the change by hand is kept
        assert any("nothing undone" in message for _, message in notices)
        assert "Undo" not in key_line(app)


async def test_ctrl_z_after_c_marks_the_fact_unreviewed_again(tmp_path: Path) -> None:
    root = draft_corpus(tmp_path / "corpus")
    before = brief_text(root)
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "c")
        await settle(pilot)
        assert main_screen(app).current_fact == 1  # c goes on to the next fact
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert brief_text(root) == before
        assert main_screen(app).current_fact == 0


async def test_confirm_and_reject_do_nothing_to_a_finished_brief(corpus_dir: Path) -> None:
    before = {p.name: p.read_bytes() for p in (corpus_dir / "briefs").iterdir()}
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "c", "x")
        await settle(pilot)
    assert {p.name: p.read_bytes() for p in (corpus_dir / "briefs").iterdir()} == before


def key_line(app: BriefingApp) -> str:
    """The reader's key line, as drawn now (behind a dialog too)."""
    return main_screen(app).query_one(KeyFooter).render().plain


async def test_confirm_and_reject_are_offered_on_a_drafts_facts_and_never_on_a_finished_one(
    corpus_dir: Path, tmp_path: Path
) -> None:
    # Behind the note dialog, the key line offered them on a finished brief's facts: the
    # keys were asked of the dialog whether they applied.
    draft = BriefingApp(draft_corpus(tmp_path / "drafts"))
    async with draft.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "c Confirm" in key_line(draft) and "x Reject" in key_line(draft)
    finished = BriefingApp(corpus_dir)
    async with finished.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "Confirm" not in key_line(finished)
        await pilot.press("n")
        await wait_for_screen(pilot, NoteDialog)
        assert "Confirm" not in key_line(finished) and "Reject" not in key_line(finished)


async def add_through_the_dialog(pilot: Pilot[object], typed: str) -> None:
    """Press a, type ``typed`` in the add dialog, and press Enter."""
    await pilot.press("a")
    await wait_for_screen(pilot, AddDialog)
    await pilot.press(*typed, "enter")


def corpus_and_article(tmp_path: Path) -> tuple[Path, Path]:
    """A corpus of one draft in ``tmp_path``, and an article beside it to add."""
    root = draft_corpus(tmp_path / "corpus")
    article = tmp_path / "queretaro.txt"
    article.write_text(SEED_TEXT, encoding="utf-8")
    return root, article


async def test_a_adds_an_article_and_opens_its_draft(tmp_path: Path) -> None:
    root, article = corpus_and_article(tmp_path)
    notices: list[tuple[str, str]] = []
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await wait_for_screen(pilot, AddDialog)
        await pilot.press(*f"{tmp_path}/quer", "tab")
        await pilot.pause()
        assert app.screen.query_one("#path", Input).value == str(article)
        await pilot.press("enter")
        for _ in range(100):
            await settle(pilot)
            if len(list_rows(app)) == 2:
                break
        assert len(list_rows(app)) == 2
        shown = main_screen(app)._shown_brief()
        assert shown is not None and shown.is_draft and "Querétaro" in shown.title
        assert any("Added" in message for _, message in notices)
        # Its facts have the keys, as the pane's hint says: c confirms the first at once.
        await pilot.press("c")
        await settle(pilot)
        (added,) = load_corpus(root).briefs_with_ids([shown.id])
        assert added.key_facts[0].reviewed
    assert (root / "seeds").joinpath(shown.source).read_bytes() == article.read_bytes()


@pytest.fixture
def drafting_held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Adding an article in the reader waits, as a web page takes a while to draft, until the
    test sets the event this gives (set at the end of the test, whatever happened)."""
    let_go = threading.Event()
    add_one = add_module._add_one

    def added_when_let_go(root: Path, name: str, drafting: Any = None) -> Outcome:
        assert let_go.wait(timeout=60)
        return add_one(root, name, drafting)

    monkeypatch.setattr(add_module, "_add_one", added_when_let_go)
    yield let_go
    let_go.set()


async def test_the_title_bar_says_an_article_is_being_added_until_it_is_even_past_another_add(
    tmp_path: Path, drafting_held: threading.Event
) -> None:
    # Said in a notice, it stayed up beside the one saying the article was added.
    root, article = corpus_and_article(tmp_path)
    notices: list[tuple[str, str]] = []
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        await add_through_the_dialog(pilot, str(article))
        try:
            # Not settled: the drafting waits for the test to let it go.
            await until(pilot, lambda: "adding queretaro.txt…" in main_screen(app).sub_title)
            # Another add asked for, and given up, meanwhile: it took the first one's end with
            # it, the title bar's words, the notice and the draft shown.
            await pilot.press("a")
            await wait_for_screen(pilot, AddDialog)
            await pilot.press("escape")
            await until(pilot, lambda: not isinstance(app.screen, AddDialog))
            assert "adding queretaro.txt…" in main_screen(app).sub_title
        finally:
            drafting_held.set()
        await until(pilot, lambda: len(list_rows(app)) == 2)
        await until(pilot, lambda: any("Added" in message for _, message in notices))
        await settle(pilot)
        assert "adding" not in main_screen(app).sub_title
        shown = main_screen(app)._shown_brief()
        assert shown is not None and "Querétaro" in shown.title


async def test_the_title_bar_says_how_far_the_drafting_of_a_long_article_has_got(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A long article took a minute to draft, the title bar saying only that it was being added.
    # As if every step took long.
    monkeypatch.setattr(add_module, "TOLD_EVERY_S", 0.0, raising=False)
    names_found = threading.Event()
    let_go = threading.Event()
    find_entities = draft_module.find_entities

    def found_when_let_go(*args: Any, **options: Any) -> Any:
        # The drafting stays at its third step, finding names, until the test lets it go on.
        names_found.set()
        assert let_go.wait(timeout=60)
        return find_entities(*args, **options)

    monkeypatch.setattr(draft_module, "find_entities", found_when_let_go)
    root, article = corpus_and_article(tmp_path)
    notices: list[tuple[str, str]] = []
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        await add_through_the_dialog(pilot, str(article))
        try:
            await within(pilot, names_found.is_set, "the drafting's third step")
            await until(
                pilot,
                lambda: "adding queretaro.txt: step 3 of 4, 0%…" in main_screen(app).sub_title,
            )
        finally:
            let_go.set()
        await within(pilot, lambda: len(list_rows(app)) == 2, "the draft listed")
        await settle(pilot)
        assert "adding" not in main_screen(app).sub_title
        assert any("Added" in message for _, message in notices)


async def test_a_quit_asked_for_while_an_article_is_added_waits_for_it_in_the_reader(
    tmp_path: Path, drafting_held: threading.Event
) -> None:
    # The reader went, and the terminal stood blank until the brief was written, for 20 s on
    # a large page, with nothing said; Ctrl+C then ended in a traceback.
    root, article = corpus_and_article(tmp_path)
    notices: list[tuple[str, str]] = []
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        await add_through_the_dialog(pilot, str(article))
        try:
            await until(pilot, lambda: "adding queretaro.txt…" in main_screen(app).sub_title)
            await pilot.press("q")
            await until(pilot, lambda: bool(notices))
            assert notices[-1][1] == "Quitting once queretaro.txt is added"
            assert app.is_running
        finally:
            drafting_held.set()
        await until(pilot, lambda: not app.is_running)
    # It quit once the brief was written, not before.
    assert len(load_corpus(root).briefs) == 2


async def test_a_draft_added_while_a_filter_is_typed_says_so_and_leaves_the_keys_to_the_filter(
    tmp_path: Path, drafting_held: threading.Event
) -> None:
    # The draft took the focus as it came in: the rest of the filter typed meanwhile went to
    # its facts, and x rejected one.
    root, article = corpus_and_article(tmp_path)
    notices: list[tuple[str, str]] = []
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        await add_through_the_dialog(pilot, str(article))
        await until(pilot, lambda: not isinstance(app.screen, AddDialog))
        # The add goes on behind the reader, and says so until it is done.
        await until(pilot, lambda: "adding queretaro.txt…" in main_screen(app).sub_title)
        await pilot.press("slash", *"que")
        drafting_held.set()

        def both_listed() -> bool:
            corpus = main_screen(app).corpus
            return corpus is not None and len(corpus.entries) == 2

        await until(pilot, both_listed)
        facts = {brief.id: len(brief.key_facts) for brief in load_corpus(root).briefs}
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.focused, FilterInput)
        assert main_screen(app).filter_input.value == "quex"
    assert {brief.id: len(brief.key_facts) for brief in load_corpus(root).briefs} == facts


async def test_adding_an_article_already_in_the_corpus_goes_to_its_brief_past_the_filter(
    corpus_dir: Path,
) -> None:
    seed = sorted((corpus_dir / "seeds").iterdir())[0]
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ebrard", "enter")  # a filter that hides its brief
        await settle(pilot)
        await pilot.press("a")
        await wait_for_screen(pilot, AddDialog)
        app.screen.query_one("#path", Input).value = str(seed)
        await pilot.press("enter")
        await settle(pilot)
        screen = main_screen(app)
        assert any("in the corpus already" in message for _, message in notices)
        shown = screen._shown_brief()
        assert shown is not None and shown.source == seed.name
        assert screen.filter_text == "" and len(list_rows(app)) == 5
        assert app.focused is screen.article_list


async def test_adding_an_article_already_in_the_corpus_keeps_a_filter_that_shows_its_brief(
    corpus_dir: Path,
) -> None:
    seed = sorted((corpus_dir / "seeds").iterdir())[0]  # mexicali-cce-nearshoring's
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b", "B")  # bookmarks only: the first brief, not that one
        await pilot.press("slash", *"mexicali", "enter")
        await settle(pilot)
        await pilot.press("a")
        await wait_for_screen(pilot, AddDialog)
        app.screen.query_one("#path", Input).value = str(seed)
        await pilot.press("enter")
        await settle(pilot)
        screen = main_screen(app)
        shown = screen._shown_brief()
        assert shown is not None and shown.source == seed.name
        assert not screen.bookmarks_only and screen.filter_text == "mexicali"


@pytest.mark.parametrize(
    ("given", "why"),
    [
        ("missing.txt", "does not exist; its folder is there: check the file's name"),
        # As typed, its slash kept: the field was given back without it.
        ("saved/", "is a folder; give an article in it"),
    ],
)
async def test_an_article_that_cannot_be_added_is_asked_for_again_with_why(
    tmp_path: Path, given: str, why: str
) -> None:
    root = draft_corpus(tmp_path / "corpus")
    (tmp_path / "saved").mkdir()
    typed = f"{tmp_path}/{given}"
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await add_through_the_dialog(pilot, typed)
        for _ in range(50):
            await pilot.pause()
            error = app.screen.query("#error")
            if isinstance(app.screen, AddDialog) and error and str(error.first().render()):
                break
        assert isinstance(app.screen, AddDialog)
        assert app.screen.query_one("#path", Input).value == typed
        said = " ".join(str(app.screen.query_one("#error").render()).split())
        assert said.startswith(f"{typed}: {why}")
        await pilot.press("escape")
        await settle(pilot)
    assert sorted(p.name for p in (root / "briefs").iterdir()) == ["tijuana-exports.yaml"]


async def test_tab_completes_as_far_as_the_files_agree_and_then_names_them(
    corpus_dir: Path, tmp_path: Path
) -> None:
    # Tab took the first of seven files without a word.
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("plant-juarez.txt", "plant-tijuana.html", "other.txt", "image.png"):
        (inbox / name).write_text("x", encoding="utf-8")
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await wait_for_screen(pilot, AddDialog)
        field = app.screen.query_one("#path", Input)
        field.value = f"{inbox}/p"
        await pilot.press("tab")
        assert field.value == f"{inbox}/plant-"  # as far as both agree
        await pilot.press("tab")
        await pilot.pause()
        hint = str(app.screen.query_one("#hint").render())
        assert "2 start so: plant-juarez.txt, plant-tijuana.html" in hint
        assert field.value == f"{inbox}/plant-"
        await pilot.press("t", "tab")
        assert field.value == f"{inbox}/plant-tijuana.html"
        await pilot.pause()
        assert "Tab completes" in str(app.screen.query_one("#hint").render())


async def test_names_too_long_for_the_line_are_still_named(
    corpus_dir: Path, tmp_path: Path
) -> None:
    # "2 start so:  and 2 more": no name at all.
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    long = "maquiladora-exports-grew-in-the-first-half-of-the-year-in-baja-california"
    for end in ("a.txt", "b.txt"):
        (inbox / f"{long}-{end}").write_text("x", encoding="utf-8")
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await wait_for_screen(pilot, AddDialog)
        app.screen.query_one("#path", Input).value = f"{inbox}/m"
        await pilot.press("tab", "tab")
        await pilot.pause()
        hint = str(app.screen.query_one("#hint").render())
        assert f"2 start so: {long[:30]}" in hint and "and 1 more" in hint


async def test_the_problem_told_goes_once_the_path_is_changed(
    corpus_dir: Path, tmp_path: Path
) -> None:
    # The problem of the path given before stayed under a path typed anew.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(AddDialog(f"{tmp_path}/image.png", "is neither a text nor a web page"))
        await wait_for_screen(pilot, AddDialog)
        assert "neither" in str(app.screen.query_one("#error").render())
        await pilot.press("backspace")
        await pilot.pause()
        assert not str(app.screen.query_one("#error").render()).strip()


async def test_a_corpus_gazetteer_that_cannot_be_read_is_told_in_the_dialog_and_the_reader_stays(
    tmp_path: Path,
) -> None:
    # The reader ended in a traceback.
    root = draft_corpus(tmp_path / "corpus")
    (root / "gazetteer.yaml").write_text("places: notalist\n", encoding="utf-8")
    article = tmp_path / "queretaro.txt"
    article.write_text(SEED_TEXT, encoding="utf-8")
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await add_through_the_dialog(pilot, str(article))
        told = ""
        for _ in range(100):
            await pilot.pause()
            error = app.screen.query("#error")
            told = str(error.first().render()) if error else ""
            if told:
                break
        assert isinstance(app.screen, AddDialog)
        assert "gazetteer.yaml:1" in told and "places" in told
        # Mended, the same path is added.
        (root / "gazetteer.yaml").write_text("places: []\n", encoding="utf-8")
        await pilot.press("enter")
        for _ in range(100):
            await settle(pilot)
            if len(list_rows(app)) == 2:
                break
        assert len(list_rows(app)) == 2


async def test_e_without_an_editor_says_how_to_set_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    root = draft_corpus(tmp_path / "corpus")
    notices: list[tuple[str, str]] = []
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
    assert any("EDITOR" in message for _, message in notices)


async def test_a_draft_is_marked_in_the_list_and_a_finished_brief_is_not(tmp_path: Path) -> None:
    root = draft_corpus(tmp_path / "corpus")
    finished = (
        DRAFT_BRIEF.replace("status: draft\n", "")
        .replace("id: tijuana-exports", "id: done")
        .replace("Tijuana exports grow", "Ensenada port grows")
        .replace("reviewed: false", "reviewed: true")
    )
    (root / "briefs" / "done.yaml").write_text(finished, encoding="utf-8")
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        (draft_row,) = [row for row in list_rows(app) if "Tijuana" in row]
        (finished_row,) = [row for row in list_rows(app) if "Ensenada" in row]
        assert "draft" in draft_row and "draft" not in finished_row


async def test_the_brief_pane_says_what_of_a_draft_is_still_to_review(tmp_path: Path) -> None:
    root = draft_corpus(tmp_path / "corpus")
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = brief_lines(app)
        assert "Draft: c confirms a fact, x rejects it, E edits the brief" in text
        assert "Key facts (3, 2 to review)" in text
        facts = main_screen(app).brief_view
        marked = [line for line in facts.lines if "unreviewed" in line]
        assert len(marked) == 2  # the third fact, the analyst's own, is not marked
        await pilot.press("enter", "c")
        await settle(pilot)
        assert "Key facts (3, 1 to review)" in brief_lines(app)
        await pilot.press("c")
        await settle(pilot)
        # Every fact reviewed, c and x have nothing left to do: the pane says what is left.
        text = brief_lines(app)
        assert "Key facts (3)" in text
        assert "confirms a fact" not in text
        assert (
            "Draft, every fact reviewed: E edits the brief to check its summary and remove"
            " status: draft" in " ".join(text.split())
        )


async def test_a_reviewed_draft_with_facts_to_put_in_english_says_so(tmp_path: Path) -> None:
    draft = (
        DRAFT_BRIEF.replace("language: en", "language: es")
        .replace("reviewed: false   # looks right", "reviewed: true\n    needs_english: true")
        .replace("reviewed: false", "reviewed: true")
    )
    root = make_corpus(tmp_path / "corpus", {"a.yaml": draft}, {"article.txt": DRAFT_ARTICLE})
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert (
            "Draft, every fact reviewed: E edits the brief to put its facts in English, check"
            " its summary and remove status: draft" in " ".join(brief_lines(app).split())
        )
