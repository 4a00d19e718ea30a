"""For the app's tests through Pilot: waiting for the app to settle, and reading what it shows."""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from rich.style import Style
from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Label

from tui.app.app import BriefingApp
from tui.app.reader.screen import MainScreen
from tui.app.screens.export import ExportDialog, OverwriteDialog
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.brief_view import BriefView
from tui.app.widgets.title_bar import TitleBar
from tui.core.text import UNDATED


async def settle(pilot: Pilot[object]) -> None:
    """Wait until the app has done everything the last input asked: workers and repaints."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def wait_for_screen(pilot: Pilot[object], screen_type: type[Screen[object]]) -> None:
    """Let the app run until a screen of ``screen_type`` is on top (a dialog a worker awaits).

    Workers are not waited for: the one that opened the dialog waits for the user.
    """
    for _ in range(50):
        if isinstance(pilot.app.screen, screen_type):
            break
        await pilot.pause()
    await pilot.pause()
    assert isinstance(pilot.app.screen, screen_type), pilot.app.screen


async def help_text(pilot: Pilot[object]) -> str:
    """Open the help screen with ``?`` and return what it lists, one key per line."""
    from textual.widgets import Static

    from tui.app.screens.help import HelpScreen

    await pilot.press("question_mark")
    await settle(pilot)
    assert isinstance(pilot.app.screen, HelpScreen)
    return str(pilot.app.screen.query_one("#keys", Static).render())


def main_screen(app: BriefingApp) -> MainScreen:
    """The app's reader screen."""
    screen = app.screen_stack[0]
    assert isinstance(screen, MainScreen)
    return screen


def title_bar_text(app: BriefingApp) -> str:
    """The line at the top of the reader: the corpus's name and its counts, as shown."""
    bar = main_screen(app).query_one(TitleBar)
    return bar.render_line(0).text.strip()


def list_rows(app: BriefingApp) -> list[str]:
    """The text of every row the article list shows, a row's lines joined by a space."""
    article_list = main_screen(app).article_list
    return [article_list.row_text(row) for row in range(len(article_list.rows))]


def _marks(row: str) -> str:
    """A row's bookmark and export marks: first on a two-line row, after date and language on a
    one-line row."""
    one_line = row[:10].rstrip() == UNDATED or row[:4].isdigit()
    return row[14:16] if one_line else row[:2]


def bookmark_of(row: str) -> str:
    """The bookmark mark of a row of :func:`list_rows` (a space when not bookmarked)."""
    return _marks(row)[0]


def export_mark_of(row: str) -> str:
    """The export mark of a row of :func:`list_rows` (a space when not marked)."""
    return _marks(row)[1]


def listed_keys(app: BriefingApp) -> list[str]:
    """The ids (file stems for failed files) of the briefs the list shows, top to bottom."""
    screen = main_screen(app)
    assert screen.corpus is not None
    return [screen.corpus.entries[i].key for i in screen.article_list.rows]


def notifications_into(notices: list[tuple[str, str]]) -> Callable[[Message], None]:
    """A message hook that keeps the severity and text of every notification."""

    def hook(message: Message) -> None:
        if isinstance(message, Notify):
            notices.append((message.notification.severity, message.notification.message))

    return hook


def original_lines(view: ArticleView) -> list[tuple[str, bool]]:
    """Each line the original pane shows, and whether all of its text is drawn in the muted
    colour of the page's furniture around the article."""
    muted = view.visual_style + view.get_visual_style("article-view--furniture", partial=True)
    lines = []
    for y in range(view.scrollable_content_region.height):
        segments = [s for s in view.render_line(y) if s.text.strip()]
        if segments:
            text = "".join(s.text for s in view.render_line(y)).strip()
            all_muted = all(
                s.style is not None and s.style.color == muted.rich_style.color for s in segments
            )
            lines.append((text, all_muted))
    return lines


def strong_column(view: ArticleView, y: int) -> int:
    """The first column of line ``y`` drawn in the current quote's style."""
    strong = view.visual_style + view.get_visual_style("article-view--current", partial=True)
    column = 0
    for segment in view.render_line(y):
        if segment.style is not None and segment.style.bgcolor == strong.rich_style.bgcolor:
            return column
        column += segment.cell_length
    raise AssertionError(f"no current quote on line {y}")


def strong_text(view: ArticleView) -> str:
    """The text the original pane shows with the current quote's style, lines joined by spaces."""
    strong = view.visual_style + view.get_visual_style("article-view--current", partial=True)
    pieces = []
    for y in range(view.scrollable_content_region.height):
        line = "".join(
            segment.text
            for segment in view.render_line(y)
            if segment.style is not None and segment.style.bgcolor == strong.rich_style.bgcolor
        )
        if line:
            pieces.append(line.strip())
    return " ".join(pieces)


async def answer_export_dialog(pilot: Pilot[object], path: Path | str) -> None:
    """Wait for the export dialog, give it ``path`` and press Enter, as a user would."""
    await wait_for_screen(pilot, ExportDialog)
    pilot.app.screen.query_one(Input).value = str(path)
    await pilot.press("enter")


@contextlib.asynccontextmanager
async def overwrite_question(
    root: Path, target: Path, size: tuple[int, int]
) -> AsyncIterator[tuple[BriefingApp, Pilot[None]]]:
    """The app on ``root`` in a terminal of ``size``, having exported the current brief to
    ``target``, a file that exists, up to the question whether to replace it."""
    app = BriefingApp(root)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await answer_export_dialog(pilot, target)
        await wait_for_screen(pilot, OverwriteDialog)
        yield app, pilot


def brief_lines(app: BriefingApp) -> str:
    """The brief pane's text as one line; empty before the pane is mounted."""
    views = main_screen(app).query(BriefView)
    return " ".join(line.strip() for line in views.first().lines) if views else ""


async def until(pilot: Pilot[object], condition: Callable[[], bool]) -> None:
    """Let the app process what has been posted to it until ``condition`` holds."""
    for _ in range(50):
        if condition():
            return
        await pilot.pause()
    assert condition()


async def within(
    pilot: Pilot[object], condition: Callable[[], bool], what: str, seconds: float = 10.0
) -> None:
    """Let the app run until ``condition`` holds, as work in a thread or a timer brings it
    about; fail, saying ``what`` never came, after ``seconds`` (a loaded machine is slow)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"{what}: never within {seconds} s"
        await pilot.pause(0.05)


def facets_shown(app: BriefingApp) -> dict[str, list[tuple[str, int] | str]]:
    """What the open facets dialog lists under each heading: ``(value, count)`` for each value
    (a value cut short has an ellipsis for its middle), and the other lines as they read
    (``counting…``, ``more places…``)."""
    from textual.widgets import OptionList

    from tui.app.screens.facets import FacetDialog

    assert isinstance(app.screen, FacetDialog), app.screen
    shown: dict[str, list[tuple[str, int] | str]] = {}
    heading = ""
    for option in app.screen.query_one(OptionList).options:
        line = str(option.prompt).rstrip()
        if not line.startswith(" "):
            heading = line
            shown[heading] = []
        elif option.disabled or not line[-1].isdigit():  # a notice, or "more places…"
            shown[heading].append(line.strip())
        else:
            name, count = line.strip().rsplit(maxsplit=1)
            shown[heading].append((name.strip(), int(count.replace(",", ""))))
    return shown


def facet_highlighted(app: BriefingApp) -> tuple[str, int] | str:
    """The value under the facets dialog's cursor, and its count; or the line, when it is not
    a value (``more places…``)."""
    from textual.widgets import OptionList

    option = app.screen.query_one(OptionList).highlighted_option
    assert option is not None and not option.disabled
    line = str(option.prompt).strip()
    if not line[-1].isdigit():
        return line
    name, count = line.rsplit(maxsplit=1)
    return name.strip(), int(count.replace(",", ""))


def bold_text(app: BriefingApp, row: int) -> str:
    """The text of list row ``row`` drawn in bold (the title of a brief not read yet), its
    lines joined by a space. The row must be in view, and not the cursor's, whose style may be
    bold too."""
    return _styled_text(app, row, lambda style: bool(style.bold))


def dim_text(app: BriefingApp, row: int) -> str:
    """The text of list row ``row`` drawn dim (a brief kept only for the cursor), its lines
    joined by a space. The row must be in view."""
    return _styled_text(app, row, lambda style: bool(style.dim))


def _styled_text(app: BriefingApp, row: int, styled: Callable[[Style], bool]) -> str:
    article_list = main_screen(app).article_list
    height = article_list.row_height
    pieces = []
    for line in range(height):
        y = row * height + line - article_list.scroll_offset.y
        strip = article_list.render_line(y)
        pieces.append("".join(s.text for s in strip if s.style and styled(s.style)).strip())
    return " ".join(piece for piece in pieces if piece)


def unwrapped_dialog(app: BriefingApp) -> str:
    """The text of the dialog on top, its lines joined as one."""
    return " ".join(" ".join(str(label.render()).split()) for label in app.screen.query(Label))
