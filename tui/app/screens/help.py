"""The help screen: every key, read from the bindings themselves so it cannot fall out of date."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

KeyRow = tuple[str, str]
"""Keys as shown (``↓ j``) and what they do."""


def key_rows(app: App[Any], bindings: Iterable[BindingType]) -> list[KeyRow]:
    """One row per action of ``bindings``, its keys joined; bindings without a description are
    internal and left out."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for binding in Binding.make_bindings(bindings):
        if not binding.description or binding.system:
            continue
        keys = grouped.setdefault((binding.action, binding.description), [])
        display = app.get_key_display(binding)
        if display not in keys:
            keys.append(display)
    return [(" ".join(keys), description) for (_, description), keys in grouped.items()]


def render_help(sections: Sequence[tuple[str, Sequence[KeyRow]]], key_width: int = 16) -> Content:
    """The sections as one text: a heading each, then its keys in a column."""
    parts: list[Content | str | tuple[str, str]] = []
    for number, (title, rows) in enumerate(sections):
        if number:
            parts.append("\n")
        parts.append((title, "bold"))
        for keys, description in rows:
            parts += ["\n  ", (keys.ljust(key_width), "bold $text-accent"), description]
        parts.append("\n")
    return Content.assemble(*parts)


class HelpScreen(ModalScreen[None]):
    """Lists every key of the app, grouped by where it works."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        background: $background 60%;
    }
    HelpScreen > VerticalScroll {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $border;
        border-title-color: $text-accent;
        border-subtitle-color: $text-muted;
        background: $surface;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", key_display="esc"),
        Binding("down,j", "scroll_help('relative', 1)", "Scroll down", show=False),
        Binding("up,k", "scroll_help('relative', -1)", "Scroll up", show=False),
        Binding("pagedown,space", "scroll_help('page', 1)", "Page down", show=False),
        Binding("pageup", "scroll_help('page', -1)", "Page up", show=False),
        Binding("home,g", "scroll_help('home', 0)", "Top", show=False),
        Binding("end,G", "scroll_help('end', 0)", "Bottom", show=False),
    ]

    def __init__(self, sections: Sequence[tuple[str, Sequence[KeyRow]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll() as frame:
            frame.border_title = "Keys"
            frame.border_subtitle = "↑↓ PgUp PgDn scroll · esc closes"
            frame.can_focus = False
            yield Static(render_help(self.sections), id="keys")

    def action_close(self) -> None:
        """Return to the reader."""
        self.dismiss(None)

    def action_scroll_help(self, how: str, lines: int) -> None:
        """Scroll the list of keys by ``lines`` lines or pages (``how``), or to one end."""
        frame = self.query_one(VerticalScroll)
        # At once, not after the next frame: a key typed right after this one scrolls on from
        # where this one left the keys, not from where they were.
        if how == "home":
            frame.scroll_home(animate=False, immediate=True)
        elif how == "end":
            frame.scroll_end(animate=False, immediate=True)
        else:
            step = frame.scrollable_content_region.height if how == "page" else 1
            frame.scroll_relative(y=lines * step, animate=False, immediate=True)
