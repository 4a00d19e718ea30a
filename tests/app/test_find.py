"""Finding words in the original text: Ctrl+F, typing, going from place to place, and done."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot

import tui.app.widgets.article_view as article_view_module
from tests.kit.corpus import fields, make_corpus
from tests.kit.pilot import main_screen, settle
from tui.app.app import BriefingApp
from tui.app.widgets.article_view import ArticleView

LINES = [f"Paragraph {number} says nothing of note about the plant." for number in range(60)]
LINES[0] = "Trucks cross at OTAY twice a day, a plant in the El Florido park says."
LINES[29] = "Trucks wait at Otay for hours."
LINES[30] = "A second gate at Otay Mesa opens in March."
LINES[31] = "Coyotay is no place anyone named; Querétaro is."
LINES[55] = "The customs office at otay closes at night."
ARTICLE = "\n\n".join(LINES) + "\n"
"""A long article: the places of "otay" are its first line, two lines far down, and one near
the end; one word holds it within (not a place it stands as a word)."""
OTAY = [LINES[n] for n in (0, 29, 30, 55)]


def corpus(tmp_path: Path, article: str = ARTICLE) -> Path:
    facts = [{"fact": "Trucks cross twice a day.", "quote": "Trucks cross at OTAY twice a day"}]
    brief = fields(key_facts=facts)
    return make_corpus(tmp_path / "corpus", {"sample.yaml": brief}, {"article.txt": article})


def original(app: BriefingApp) -> ArticleView:
    return main_screen(app).article_view


def current_place(view: ArticleView) -> str:
    """The line of the article holding the place found gone to, which must be in view."""
    span, lines = view.found_span, view.current_found_lines
    assert span is not None and lines is not None
    top = view.scroll_offset.y
    assert top <= lines[0] and lines[1] < top + view.scrollable_content_region.height
    return next(line for line in LINES if 0 <= span.start - ARTICLE.find(line) < len(line))


def key_line(app: BriefingApp) -> str:
    keys = main_screen(app).query_one("#keys")
    return "".join(segment.text for segment in keys.render_line(0))


@contextlib.asynccontextmanager
async def reader(
    tmp_path: Path, size: tuple[int, int] = (120, 40)
) -> AsyncIterator[tuple[BriefingApp, Pilot[None]]]:
    """The reader on the corpus of :data:`ARTICLE`, settled, at ``size``."""
    app = BriefingApp(corpus(tmp_path))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        yield app, pilot


async def press(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def test_ctrl_f_finds_a_word_in_any_case_and_goes_from_place_to_place(
    tmp_path: Path,
) -> None:
    async with reader(tmp_path) as (app, pilot):
        await press(pilot, "ctrl+f", *"otay")
        view = original(app)
        assert app.focused is view and view.finding
        assert view.found_position == (1, 4)
        assert str(view.border_subtitle) == "Find: otay · 1 of 4"
        visited = [current_place(view)]
        for key in ("down", "enter", "down", "down"):
            await press(pilot, key)
            visited.append(current_place(view))
        await press(pilot, "up")
        visited.append(current_place(view))

    # Round the end back to the first, and up to the one before; never "Coyotay".
    assert visited == [*OTAY, OTAY[0], OTAY[3]]


async def test_the_keys_to_go_from_place_to_place_are_dim_while_none_is_found(
    tmp_path: Path,
) -> None:
    async with reader(tmp_path) as (app, pilot):
        await press(pilot, "ctrl+f", *"zzz")
        view = original(app)
        assert view.check_action("next_found", ()) is None  # shown, dim
        await press(pilot, *["backspace"] * 3, *"otay")
        assert view.check_action("next_found", ()) is True


async def test_the_key_line_shows_the_keys_of_finding_and_not_the_letters_typed(
    tmp_path: Path,
) -> None:
    async with reader(tmp_path) as (app, pilot):
        assert "f Facets" in key_line(app) and "Next place" not in key_line(app)
        await press(pilot, "ctrl+f")
        finding = key_line(app)
        await press(pilot, "escape")
        done = key_line(app)

    assert (
        "Next place found" in finding
        and "Place found before" in finding
        and "Stop finding" in finding
    )
    assert "f Facets" not in finding and "q Quit" not in finding
    assert "f Facets" in done and "Next place" not in done


async def test_letters_are_typed_into_the_words_not_taken_as_keys(tmp_path: Path) -> None:
    async with reader(tmp_path, (160, 40)) as (app, pilot):  # room for the words on the pane's edge
        # j scrolls the pane, / opens the filter, q quits, z maximises: not here.
        await press(pilot, "ctrl+f", *"queretaro is/jqz")
        view = original(app)
        assert app.is_running and view.finding
        assert str(view.border_subtitle) == "Find: queretaro is/jqz · not found"
        assert not main_screen(app).filter_input.display
        assert main_screen(app).maximized is None
        await press(pilot, *["backspace"] * 6)
        # Accents aside, as the filter finds words.
        assert view.found_position == (1, 1)
        assert current_place(view) == LINES[31]


async def test_ctrl_u_and_ctrl_w_take_the_words_off_as_in_the_filter(tmp_path: Path) -> None:
    async with reader(tmp_path, (160, 40)) as (app, pilot):
        view = original(app)
        await press(pilot, "ctrl+f", *"united states", "ctrl+u", *"otay")
        assert str(view.border_subtitle) == "Find: otay · 1 of 4"
        await press(pilot, *" zzz", "ctrl+w", "ctrl+w", *"otay")
        assert str(view.border_subtitle) == "Find: otay · 1 of 4"


async def test_typing_on_keeps_the_place_gone_to_while_the_words_stand_there(
    tmp_path: Path,
) -> None:
    async with reader(tmp_path) as (app, pilot):
        await press(pilot, "ctrl+f", *"ota", "down", "down")
        view = original(app)
        assert current_place(view) == OTAY[2]
        # Line 29's place is in view above it, and would be the first from the pane's top.
        await press(pilot, "y")
        assert view.found_position == (3, 4)
        assert current_place(view) == OTAY[2]
        await press(pilot, *" mesa")
        assert view.found_position == (1, 1) and current_place(view) == OTAY[2]


async def test_esc_ends_finding_and_leaves_the_filter_as_it_was(tmp_path: Path) -> None:
    async with reader(tmp_path) as (app, pilot):
        await press(pilot, "slash", *"plant", "enter")
        await press(pilot, "tab", "tab", "ctrl+f", *"otay", "escape")  # from the original
        view = original(app)
        assert not view.finding and view.found_position == (0, 0)
        assert str(view.border_subtitle) == "fact 1 · line 1"
        assert main_screen(app).filter_text == "plant"
        # Found no more, the pane's keys are its own again.
        top = view.scroll_offset.y
        await press(pilot, "j")
        assert view.scroll_offset.y == top + 1


async def test_esc_ends_finding_in_a_maximised_pane_which_stays_so(tmp_path: Path) -> None:
    async with reader(tmp_path) as (app, pilot):
        await press(pilot, "tab", "tab", "z", "ctrl+f", *"otay")
        screen = main_screen(app)
        # The key line is hidden with the other panes: the title bar says the keys of finding.
        assert str(screen.sub_title).startswith("↓ ↑: places found · Esc: stop finding · ")
        await press(pilot, "escape")
        assert not original(app).finding
        assert screen.maximized is original(app)
        assert str(screen.sub_title).startswith("z or Esc: all panes · ")
        await press(pilot, "escape")
        assert screen.maximized is None


async def test_esc_gives_the_keys_back_to_the_pane_that_had_them(tmp_path: Path) -> None:
    async with reader(tmp_path) as (app, pilot):
        assert app.focused is main_screen(app).article_list
        await press(pilot, "ctrl+f", *"otay", "escape")
        assert app.focused is main_screen(app).article_list
        # Left with Tab, the keys stay where Tab took them.
        await press(pilot, "ctrl+f", "tab")
        assert app.focused is main_screen(app).article_list


async def test_leaving_the_pane_ends_finding_but_leaving_the_terminal_does_not(
    tmp_path: Path,
) -> None:
    async with reader(tmp_path) as (app, pilot):
        await press(pilot, "ctrl+f", *"otay", "down")
        view = original(app)
        # Another window takes the keys, and gives them back.
        app.post_message(events.AppBlur())
        await settle(pilot)
        app.post_message(events.AppFocus())
        await settle(pilot)
        assert app.focused is view and view.finding
        assert view.found_position == (2, 4)
        await press(pilot, "tab")
        assert app.focused is not view
        assert not view.finding and view.found_position == (0, 0)


async def test_ctrl_f_again_finds_the_last_words_until_others_are_typed(tmp_path: Path) -> None:
    async with reader(tmp_path) as (app, pilot):
        await press(pilot, "ctrl+f", *"otay", "escape", "ctrl+f")
        view = original(app)
        assert str(view.border_subtitle) == "Find: otay · 1 of 4"
        await press(pilot, *"mesa")
        assert str(view.border_subtitle) == "Find: mesa · 1 of 1"


async def test_ctrl_f_shows_the_original_when_it_is_hidden(tmp_path: Path) -> None:
    async with reader(tmp_path, (80, 24)) as (app, pilot):
        await press(pilot, "o")
        screen = main_screen(app)
        assert not screen.show_original
        await press(pilot, "ctrl+f", *"otay")
        assert screen.show_original and app.focused is original(app)
        assert original(app).found_position == (1, 4)


async def test_the_words_are_cut_to_the_pane_before_the_count(tmp_path: Path) -> None:
    async with reader(tmp_path, (80, 24)) as (app, pilot):
        await press(pilot, "ctrl+f", *"second gate at otay mesa opens in march")
        view = original(app)
        shown = str(view.border_subtitle)
        # Its end shown, where the next letter goes.
        assert shown.startswith("Find: …") and shown.endswith("in march · 1 of 1")
        assert len(shown) <= view.size.width - 4


async def test_a_paste_is_found_with_its_lines_run_together(tmp_path: Path) -> None:
    async with reader(tmp_path) as (app, pilot):
        await press(pilot, "ctrl+f")
        view = original(app)
        view.post_message(events.Paste("gate at Otay\nMesa opens"))
        await settle(pilot)
        assert view.found_position == (1, 1)
        assert current_place(view) == OTAY[2]


async def test_an_article_that_cannot_be_read_has_no_words_to_find(tmp_path: Path) -> None:
    root = corpus(tmp_path)
    (root / "seeds" / "article.txt").unlink()
    app = BriefingApp(root)
    notices: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.notify = lambda message, **_: notices.append(str(message))  # type: ignore[method-assign]
        await settle(pilot)
        await press(pilot, "ctrl+f", "j")
        assert not original(app).finding

    assert notices == ["There is no article text to find words in."]


async def test_a_long_article_is_searched_in_a_thread_and_the_place_still_gone_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Short for the test; an article of megabytes in use.
    monkeypatch.setattr(article_view_module, "SYNC_FIND_LIMIT", 100)
    async with reader(tmp_path) as (app, pilot):
        await press(pilot, "ctrl+f", *"otay", "down")
        view = original(app)
        assert view.found_position == (2, 4)
        assert current_place(view) == OTAY[1]
        assert str(view.border_subtitle) == "Find: otay · 2 of 4"


async def test_after_scrolling_away_down_goes_on_from_what_is_in_view(tmp_path: Path) -> None:
    async with reader(tmp_path) as (app, pilot):
        await press(pilot, "ctrl+f", *"otay")
        view = original(app)
        assert current_place(view) == OTAY[0]
        # Scrolled with the page keys down past lines 29 and 30, to near the end.
        await press(pilot, "end")
        await press(pilot, "down")
        assert current_place(view) == OTAY[3]
