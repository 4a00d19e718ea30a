"""The reader on ten thousand briefs: moving, filtering, bookmarking and exporting still work."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.kit.corpus import make_large_corpus
from tests.kit.pilot import answer_export_dialog, listed_keys, main_screen, settle
from tui.app.app import BriefingApp

COUNT = 10_000


@pytest.fixture(scope="module")
def large_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_large_corpus(tmp_path_factory.mktemp("large") / "large", COUNT)


def current_key(app: BriefingApp) -> str:
    """The id of the brief under the list's cursor."""
    screen = main_screen(app)
    assert screen.corpus is not None and screen.article_list.cursor_entry is not None
    return screen.corpus.entries[screen.article_list.cursor_entry].key


async def test_moving_to_the_ends_and_by_pages(large_corpus: Path) -> None:
    app = BriefingApp(large_corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert len(screen.article_list.rows) == COUNT
        assert current_key(app) == "brief-09999"  # the newest
        assert app.screen.sub_title == "10,000 briefs · 9,999 unread · 0 bookmarked · 0 marked"
        await pilot.press("end")
        await settle(pilot)
        assert current_key(app) == "brief-00000"
        assert screen.brief_view.lines[0] == "Brief number 0"
        # The cursor's row is on screen, at the bottom of the list.
        article_list = screen.article_list
        height = article_list.scrollable_content_region.height
        assert article_list.scroll_offset.y == COUNT * article_list.row_height - height
        last_title_line = height - article_list.row_height
        assert "Brief number 0" in article_list.render_line(last_title_line).text
        await pilot.press("home")
        await settle(pilot)
        assert current_key(app) == "brief-09999"
        assert article_list.scroll_offset.y == 0
        await pilot.press("pagedown", "pagedown")
        await settle(pilot)
        page = article_list.scrollable_content_region.height // article_list.row_height - 1
        assert article_list.cursor_row == 2 * page
        assert current_key(app) == f"brief-{COUNT - 1 - 2 * page:05d}"
        await pilot.press("pageup", "k")
        await settle(pilot)
        assert article_list.cursor_row == page - 1
        assert screen.shown_entry == screen.article_list.cursor_entry


async def test_filtering_ten_thousand(large_corpus: Path) -> None:
    app = BriefingApp(large_corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ADUANA")
        await settle(pilot)
        keys = listed_keys(app)
        assert len(keys) == COUNT // 100
        assert keys[0] == "brief-09900" and keys[-1] == "brief-00000"
        assert app.screen.sub_title.endswith("100 shown")
        # More words only narrow (a word finds the words it starts); taking one back widens again.
        await pilot.press("space", *"number 4")
        await settle(pilot)
        with_four = [
            f"brief-{i:05d}" for i in range(COUNT - 100, -1, -100) if str(i).startswith("4")
        ]
        assert listed_keys(app) == with_four
        for _ in range(len(" number 4")):
            await pilot.press("backspace")
        await settle(pilot)
        assert len(listed_keys(app)) == COUNT // 100
        # Choose a brief among the matches; clearing the filter keeps it chosen and in view.
        await pilot.press("enter", "home", *["j"] * 50)
        await settle(pilot)
        assert current_key(app) == "brief-04900"
        await pilot.press("escape")
        await settle(pilot)
        assert len(listed_keys(app)) == COUNT
        assert current_key(app) == "brief-04900"
        article_list = main_screen(app).article_list
        top = article_list.scroll_offset.y
        cursor_line = article_list.cursor_row * article_list.row_height
        assert top <= cursor_line < top + article_list.scrollable_content_region.height
        # Counts in the thousands are written as the others are.
        await pilot.press("slash", *"-aduana")
        await settle(pilot)
        assert app.screen.sub_title.endswith(f"{COUNT - COUNT // 100:,} shown")


async def test_bookmarks_marks_and_export_among_ten_thousand(
    large_corpus: Path, tmp_path: Path
) -> None:
    target = tmp_path / "large.md"
    app = BriefingApp(large_corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("end", "b", "space", "k", "space")
        await settle(pilot)
        assert "1 bookmarked · 2 marked" in app.screen.sub_title
        await pilot.press("B")
        await settle(pilot)
        assert listed_keys(app) == ["brief-00000"]
        await pilot.press("B", "e")
        await answer_export_dialog(pilot, target)
        await settle(pilot)
    markdown = target.read_text(encoding="utf-8")
    assert "2 marked briefs, exported on" in markdown
    assert markdown.index("## Brief number 1\n") < markdown.index("## Brief number 0\n")

    again = BriefingApp(large_corpus)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)
        assert listed_keys(again) == ["brief-00000"]
