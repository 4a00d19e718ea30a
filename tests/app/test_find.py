"""Finding words in the original text: Ctrl+F, typing, going from place to place, and done."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot

from tests.kit.corpus import fields, make_corpus
from tests.kit.pilot import main_screen, settle
from tui.app.app import BriefingApp
from tui.app.widgets.article_view import ArticleView

LINES = [f"Paragraph {number} says nothing of note about the plant." for number in range(60)]
LINES[0] = "Trucks cross at OTAY twice a day, a plant in the El Florido park says."
LINES[30] = "A second gate at Otay Mesa opens in March."
LINES[31] = "Coyotay is no place anyone named; Querétaro is."
LINES[55] = "The customs office at otay closes at night."
ARTICLE = "\n\n".join(LINES) + "\n"
"""A long article: the places of "otay" are its first line, far down, and near the end, and
one word holds it within (not a place it stands as a word)."""
OTAY_LINES = [0, 30, 55]


def corpus(tmp_path: Path) -> Path:
    facts = [{"fact": "Trucks cross twice a day.", "quote": "Trucks cross at OTAY twice a day"}]
    brief = fields(key_facts=facts)
    return make_corpus(tmp_path / "corpus", {"sample.yaml": brief}, {"article.txt": ARTICLE})


def original(app: BriefingApp) -> ArticleView:
    return main_screen(app).article_view


def current_place(view: ArticleView) -> str:
    """The line of the article holding the place found gone to, which must be in view."""
    span, lines = view.found_span, view.current_found_lines
    assert span is not None and lines is not None
    top = view.scroll_offset.y
    assert top <= lines[0] and lines[1] < top + view.scrollable_content_region.height
    return next(line for line in LINES if 0 <= span.start - ARTICLE.find(line) < len(line))


async def find(pilot: Pilot[None], words: str) -> None:
    await pilot.press("ctrl+f", *words)
    await settle(pilot)


async def test_ctrl_f_finds_a_word_in_any_case_and_goes_from_place_to_place(
    tmp_path: Path,
) -> None:
    app = BriefingApp(corpus(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await find(pilot, "otay")
        view = original(app)
        assert app.focused is view and view.finding
        assert view.found == (1, len(OTAY_LINES))
        assert str(view.border_subtitle) == "Find: otay · 1 of 3 · ↓↑ · Esc"
        visited = [current_place(view)]
        for key in ("down", "enter", "down"):
            await pilot.press(key)
            await settle(pilot)
            visited.append(current_place(view))
        await pilot.press("up")
        await settle(pilot)
        visited.append(current_place(view))

    # Round the end back to the first, and up to the one before; never "Coyotay".
    otay = [LINES[n] for n in OTAY_LINES]
    assert visited == [*otay, otay[0], otay[2]]


async def test_letters_are_typed_into_the_words_not_taken_as_keys(tmp_path: Path) -> None:
    app = BriefingApp(corpus(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # j scrolls the pane, / opens the filter, q quits, Enter opens the facts: not here.
        await find(pilot, "queretaro is/jq")
        view = original(app)
        assert app.is_running and view.finding
        assert str(view.border_subtitle).startswith("Find: queretaro is/jq · not found")
        assert not main_screen(app).filter_input.display
        for _ in range(5):
            await pilot.press("backspace")
        await settle(pilot)
        # Accents aside, as the filter finds words.
        assert view.found == (1, 1)
        assert current_place(view) == LINES[31]


async def test_esc_ends_finding_and_leaves_the_filter_as_it_was(tmp_path: Path) -> None:
    app = BriefingApp(corpus(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"plant", "enter")
        await settle(pilot)
        await find(pilot, "otay")
        await pilot.press("escape")
        await settle(pilot)
        view = original(app)
        assert not view.finding and view.found == (0, 0)
        assert str(view.border_subtitle) == "fact 1 · line 1"
        assert main_screen(app).filter_text == "plant"
        # Found no more, the pane's keys are its own again.
        top = view.scroll_offset.y
        await pilot.press("j")
        await settle(pilot)
        assert view.scroll_offset.y == top + 1


async def test_leaving_the_pane_ends_finding(tmp_path: Path) -> None:
    app = BriefingApp(corpus(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await find(pilot, "otay")
        await pilot.press("tab")
        await settle(pilot)
        view = original(app)
        assert app.focused is not view
        assert not view.finding and view.found == (0, 0)


async def test_ctrl_f_shows_the_original_when_it_is_hidden(tmp_path: Path) -> None:
    app = BriefingApp(corpus(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        screen = main_screen(app)
        assert not screen.show_original
        await find(pilot, "otay")
        assert screen.show_original and app.focused is original(app)
        assert original(app).found == (1, 3)


async def test_a_paste_is_found_as_its_first_line(tmp_path: Path) -> None:
    app = BriefingApp(corpus(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await find(pilot, "")
        view = original(app)
        view.post_message(events.Paste("Otay  Mesa\nand more"))
        await settle(pilot)
        assert view.found == (1, 1)
        assert current_place(view) == LINES[30]
