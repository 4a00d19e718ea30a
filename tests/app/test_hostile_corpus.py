"""The reader walks the hostile corpus: every entry shown, every fact and quote visited, the
loaded briefs exported, and through it all the app stays up and nothing in a brief is run."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot

from tests.kit.corpus import REPO
from tests.kit.hostile import HUGE_ARTICLE_QUOTE, build_hostile_corpus
from tests.kit.markdown import read
from tests.kit.pilot import (
    answer_export_dialog,
    bookmark_of,
    list_rows,
    listed_keys,
    main_screen,
    settle,
    strong_text,
)
from tui.app.app import BriefingApp
from tui.app.widgets.brief_view import BriefView
from tui.core.articles import read_article
from tui.core.bookmarks import BookmarkStore
from tui.core.model import Brief, Entry
from tui.core.store import load_corpus
from tui.core.text import one_line
from tui.core.userstate import corpus_key

TAG_MARKER = "hostile-tag-ran"
"""The file ``python-tag.yaml``'s title would write into the working folder if it were run."""
CLICK_MARKUP = "[@click=app.quit]"


def squashed(text: str) -> str:
    """``text`` without white space: wrapping a line may split a word or add a break anywhere."""
    return "".join(text.split())


def heading_of(brief: Brief) -> str:
    """The heading an exported brief gets, as a Markdown reader shows it."""
    heading = one_line(brief.title)
    if brief.title_en and brief.title_en != brief.title:
        heading += f" ({one_line(brief.title_en)})"
    return heading


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return build_hostile_corpus(tmp_path / "hostile")


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder: where a command run from a brief would leave its file."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def check_shown(app: BriefingApp, entry: Entry) -> None:
    """The list's row and the brief pane show ``entry``: its title, or why it failed."""
    screen = main_screen(app)
    article_list = screen.article_list
    row = article_list.row_text(article_list.cursor_row)
    shown = squashed(" ".join(screen.brief_view.lines))
    brief = entry.brief
    if brief is None:
        assert "⚠" in row and Path(entry.path).name[:12] in row, row
        assert shown.startswith(squashed(f"{entry.path} could not be loaded")), shown[:200]
    else:
        assert one_line(brief.english_title)[:12] in row, row
        assert shown.startswith(squashed(one_line(brief.title))[:200]), shown[:200]
    assert entry.problems or brief is not None
    for problem in entry.problems:
        assert squashed(str(problem)) in shown, problem


async def walk_facts(app: BriefingApp, pilot: Pilot[object], brief: Brief) -> None:
    """Go into the facts and visit each one: its quote is marked in the original and in view."""
    screen = main_screen(app)
    original = screen.article_view
    await pilot.press("enter")
    assert isinstance(app.focused, BriefView)
    article_shown = bool(read_article(screen.root, brief.source).strip())
    for number, fact in enumerate(brief.key_facts):
        if number:
            # The article is laid out already: moving to another fact only marks and scrolls.
            await pilot.press("j")
            await pilot.pause()
        assert screen.current_fact == number
        assert app.is_running
        if fact.span is None:
            # Where there is no article to show, its notice says why, not each fact's corner.
            missing = f"fact {number + 1}: quote not found" if article_shown else ""
            assert original.border_subtitle == missing
            assert strong_text(original) == ""
            continue
        assert original.is_ready
        lines = original.current_quote_lines
        assert lines is not None
        top = original.scroll_offset.y
        assert top <= lines[0] and lines[1] < top + original.scrollable_content_region.height
        assert strong_text(original), (brief.id, number)
        if fact.quote == HUGE_ARTICLE_QUOTE:
            assert strong_text(original) == HUGE_ARTICLE_QUOTE
    await pilot.press("shift+tab")
    assert app.focused is screen.article_list


async def click_on_markup(app: BriefingApp, pilot: Pilot[object]) -> None:
    """Click the words of each would-be ``@click`` link in the brief pane."""
    view = main_screen(app).brief_view
    for number, line in enumerate(view.lines[: view.scrollable_content_region.height]):
        if CLICK_MARKUP in line:
            column = cell_len(line[: line.index(CLICK_MARKUP)]) + 3
            # Past the border and the padding on the left, the border on top.
            await pilot.click(BriefView, offset=(2 + column, 1 + number))
            await settle(pilot)


async def test_every_hostile_entry_is_shown_and_nothing_is_run(
    hostile: Path, workdir: Path, tmp_path: Path
) -> None:
    expected = load_corpus(hostile).entries
    target = tmp_path / "hostile.md"
    app = BriefingApp(hostile)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.corpus is not None
        assert [entry.path for entry in screen.corpus.entries] == [e.path for e in expected]
        assert len(screen.article_list.rows) == len(expected)
        clicked = False
        for number, entry in enumerate(expected):
            if number:
                await pilot.press("j")
                await settle(pilot)
            assert app.is_running and app.return_code is None
            assert screen.article_list.cursor_row == number
            assert screen.shown_entry == screen.article_list.cursor_entry == number
            check_shown(app, entry)
            if entry.brief is None:
                continue
            if CLICK_MARKUP in " ".join(screen.brief_view.lines):
                await click_on_markup(app, pilot)
                clicked = True
            await pilot.press("space")  # marked for the export below
            await walk_facts(app, pilot, entry.brief)
            assert app.is_running and app.return_code is None

        loaded = [entry.brief for entry in expected if entry.brief is not None]
        assert clicked
        assert len(screen.marked) == len(loaded)
        await pilot.press("e")
        await answer_export_dialog(pilot, target)
        await settle(pilot)
        assert app.is_running and app.return_code is None

    assert not (workdir / TAG_MARKER).exists() and not (hostile / TAG_MARKER).exists()
    assert list(workdir.iterdir()) == []
    document = read(target.read_text(encoding="utf-8"))
    assert [title.partition(", ")[0] for title in document.titles] == ["Briefing"]
    assert f"from the corpus folder \u201c{hostile.name}\u201d" in document.lead[0]
    assert [section.heading for section in document.sections] == [heading_of(b) for b in loaded]


async def test_a_corpus_in_a_folder_whose_name_is_not_utf8_is_read_and_kept(
    tmp_path: Path, private_state: Path
) -> None:
    # Named on another system (Latin-1): the folder's path could not be written to the index
    # nor to the notes, and the reader ended as it opened.
    root = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9"))
    shutil.copytree(REPO / "briefs", root / "briefs")
    shutil.copytree(REPO / "seeds", root / "seeds")
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(list_rows(app)) == 5
        first = listed_keys(app)[0]
        await pilot.press("b")
        await settle(pilot)
    assert "caf\\xe9" in corpus_key(root)
    assert BookmarkStore(private_state, corpus_key(root)).ids == {first}

    # Opened again, from the index the first run wrote: the bookmark is shown, and b takes it off.
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(list_rows(app)) == 5
        assert listed_keys(app)[0] == first
        assert bookmark_of(list_rows(app)[0]) == "★"
        await pilot.press("b")
        await settle(pilot)
        assert bookmark_of(list_rows(app)[0]) != "★"
    assert BookmarkStore(private_state, corpus_key(root)).ids == set()
