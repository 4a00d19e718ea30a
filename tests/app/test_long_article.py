"""The original pane on long articles: the current quote is marked and scrolled into view."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.kit.corpus import BriefSpec, FactSpec, write_article, write_brief
from tests.kit.pilot import main_screen, settle, strong_text, within
from tui.app.app import BriefingApp
from tui.app.widgets.article_view import SYNC_LAYOUT_LIMIT, ArticleView
from tui.app.wrap import WrappedText, wrap_text

EARLY_QUOTE = "Paragraph 3 opens the story of the new plant in Saltillo"
LATE_QUOTE = (
    "the final agreement sets a tariff of 25% on steel that crosses the border at Nuevo Laredo,"
    " starting in the second quarter"
)


def long_article(paragraphs: int) -> str:
    """An article of ``paragraphs`` paragraphs with one quote near the start, one near the end."""
    filler = (
        "Officials from both countries met again to review customs procedures, freight volumes"
        " and the schedule of the working groups, without announcing new measures."
    )
    parts = [f"Paragraph {n}: {filler}" for n in range(paragraphs)]
    parts[3] = f"{EARLY_QUOTE} and what it means for suppliers. {filler}"
    parts[-4] = f"Late in the talks, {LATE_QUOTE}, according to the ministry. {filler}"
    return "\n\n".join(parts) + "\n"


def make_corpus(root: Path, paragraphs: int) -> Path:
    write_article(root, "long.txt", long_article(paragraphs))
    write_brief(
        root,
        BriefSpec(
            id="long-talks",
            title="Long talks",
            source="long.txt",
            facts=[
                FactSpec("A plant opens in Saltillo.", EARLY_QUOTE, kind="event"),
                FactSpec("Steel crossing at Nuevo Laredo pays 25%.", LATE_QUOTE),
            ],
        ),
    )
    return root


def assert_quote_in_view(app: BriefingApp, quote: str) -> int:
    """The current quote is on screen, and exactly it is strongly marked; return its first line."""
    view = main_screen(app).article_view
    lines = view.current_quote_lines
    assert lines is not None
    first, last = lines
    top = view.scroll_offset.y
    assert top <= first and last < top + view.scrollable_content_region.height
    assert strong_text(view) == quote
    return first


# 120 paragraphs lay out at once; 12,000 (about two megabytes) are laid out in a thread.
@pytest.mark.parametrize("paragraphs", [120, 12_000])
async def test_moving_to_a_fact_scrolls_its_quote_into_view(
    tmp_path: Path, paragraphs: int
) -> None:
    root = make_corpus(tmp_path / "long", paragraphs)
    article_length = len((root / "seeds" / "long.txt").read_text(encoding="utf-8"))
    assert (article_length > SYNC_LAYOUT_LIMIT) == (paragraphs > 1000)
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        early_line = assert_quote_in_view(app, EARLY_QUOTE)
        await pilot.press("enter", "j")
        await settle(pilot)
        late_line = assert_quote_in_view(app, LATE_QUOTE)
        # Nearly all the article is above the quote: it was found near the end and scrolled to.
        assert late_line > 0.95 * main_screen(app).article_view.virtual_size.height
        await pilot.press("k")
        await settle(pilot)
        assert assert_quote_in_view(app, EARLY_QUOTE) == early_line < late_line
        await pilot.press("j")
        await settle(pilot)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert_quote_in_view(app, LATE_QUOTE)


async def test_an_article_that_takes_long_to_lay_out_says_so_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Thirty megabytes take seconds to lay out, and the pane stood empty all that time.
    root = make_corpus(tmp_path / "long", 12_000)
    release = threading.Event()

    def slow_wrap(text: str, width: int) -> WrappedText:
        if len(text) > SYNC_LAYOUT_LIMIT:
            release.wait(timeout=30)
        return wrap_text(text, width)

    monkeypatch.setattr("tui.app.widgets.article_view.wrap_text", slow_wrap)
    app = BriefingApp(root)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            view = main_screen(app).article_view
            await within(pilot, lambda: first_line(view) == "Laying out the article…", "the notice")
            release.set()
            await within(pilot, lambda: view.is_ready, "the article laid out")
            await settle(pilot)
            assert first_line(view).startswith("Paragraph 0:")
            assert_quote_in_view(app, EARLY_QUOTE)
    finally:
        release.set()


async def test_an_article_said_to_load_is_then_said_to_be_laid_out_without_a_blank_between(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Once its text came, the pane stood blank until "Laying out the article…" was due.
    root = make_corpus(tmp_path / "long", 12_000)
    text = (root / "seeds" / "long.txt").read_text(encoding="utf-8")
    release = threading.Event()

    def slow_wrap(text: str, width: int) -> WrappedText:
        if len(text) > SYNC_LAYOUT_LIMIT:
            release.wait(timeout=30)
        return wrap_text(text, width)

    app = BriefingApp(root)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            view = main_screen(app).article_view
            brief = main_screen(app)._shown_brief()
            assert brief is not None
            monkeypatch.setattr("tui.app.widgets.article_view.wrap_text", slow_wrap)
            view.show_brief(brief, None, 0)  # its text being read
            await within(pilot, lambda: first_line(view) == "Loading the article…", "loading")
            # Whatever is said next is said at once, not when a timer is due.
            monkeypatch.setattr("tui.app.widgets.article_view.LOADING_NOTICE_DELAY", 3600.0)
            view.show_text(brief.source, text)
            await pilot.pause()
            assert first_line(view) == "Laying out the article…"
            release.set()
            await within(pilot, lambda: view.is_ready, "the article laid out")
    finally:
        release.set()


async def test_an_article_being_read_leaves_the_last_one_under_its_own_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pane kept the last article's text while the next was read, but took the next one's
    # title at once: for a moment one article stood under the other's name.
    root = make_corpus(tmp_path / "two", 8)
    write_article(root, "other.txt", f"{LATE_QUOTE}, the other article says.\n")
    write_brief(
        root,
        BriefSpec(
            id="other-talks",
            title="Other talks",
            source="other.txt",
            facts=[FactSpec("Steel crossing at Nuevo Laredo pays 25%.", LATE_QUOTE)],
        ),
    )
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        view = screen.article_view
        shown = screen._shown_brief()
        assert shown is not None
        await pilot.press("j")
        await settle(pilot)
        other = screen._shown_brief()
        assert other is not None and other.id != shown.id
        text, title = first_line(view), str(view.border_title)
        # The next article takes longer than the test to be read: no notice comes meanwhile.
        monkeypatch.setattr("tui.app.widgets.article_view.LOADING_NOTICE_DELAY", 3600.0)
        view.show_brief(shown, None, 1)
        view.highlight(0)
        await pilot.pause()
        assert (first_line(view), str(view.border_title)) == (text, title)
        view.show_text(shown.source, (root / "seeds" / shown.source).read_text("utf-8"))
        await pilot.pause()
        assert first_line(view).startswith("Paragraph 0")
        assert str(view.border_title) == f"Original · seeds/{shown.source}"
        assert view.border_subtitle == "fact 1 · line 7"


def first_line(view: ArticleView) -> str:
    return view.render_line(0).text.strip()


async def test_the_original_says_where_the_quote_is(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "long", 120)
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = main_screen(app).article_view
        assert view.border_subtitle == "fact 1 · line 7"
        await pilot.press("enter", "j")
        await settle(pilot)
        # 120 paragraphs, each followed by a blank line; the quote is in the fourth from last.
        assert view.border_subtitle == f"fact 2 · line {2 * 116 + 1}"


async def test_the_scrollbars_follow_the_brief_shown(tmp_path: Path) -> None:
    # Two briefs longer than their pane about articles of a few screens, and a short one:
    # moving between them changes what each pane scrolls over, with or without a scrollbar,
    # and the screen must be drawn as a fresh one would be.
    root = tmp_path / "sizes"
    write_article(root, "short.txt", f"{EARLY_QUOTE}.\n")
    for ident, paragraphs, facts in (("a-few", 6, 12), ("b-more", 20, 14), ("c-short", 0, 1)):
        source = f"{ident}.txt" if paragraphs else "short.txt"
        if paragraphs:
            write_article(root, source, long_article(paragraphs))
        write_brief(
            root,
            BriefSpec(
                id=ident,
                title=ident,
                source=source,
                facts=[FactSpec("A plant opens in Saltillo.", EARLY_QUOTE, kind="event")] * facts,
            ),
        )
    app = BriefingApp(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        for keys in (["j"], ["j"], ["k"], ["k"], ["G"], ["g"], ["enter", "G"]):
            await pilot.press(*keys)
            await settle(pilot)
            shown = app.export_screenshot()
            screen.refresh(layout=True)
            await settle(pilot)
            assert app.export_screenshot() == shown, keys
