"""The line at the top of the screen: the corpus's name and its counts."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget

from tui.app.reader.header import SEPARATOR, SummaryPart, fit_title


class TitleBar(Widget):
    """The screen's title and sub-title, as the app formats them, on one line.

    Textual's ``Header`` lays the whole screen out again whenever its text changes, and then draws
    every pane again; the counts shown here change at every keystroke of the filter. This bar is
    one line whatever it says, so a change redraws only the bar.
    """

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 1fr;
        height: 1;
        background: $panel;
        color: $foreground;
        content-align: center middle;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.screen, "title", self._changed, init=False)
        self.watch(self.screen, "summary_parts", self._changed, init=False)

    def _changed(self) -> None:
        self.refresh()

    def render(self) -> Content:
        screen = self.screen
        title = screen.title if screen.title is not None else self.app.title
        parts: Sequence[SummaryPart] = getattr(screen, "summary_parts", ())
        # Cut by what matters, not at the right end: that is where "(not saved)" is.
        title, texts = fit_title(title, parts, self.size.width)
        return self.app.format_title(title, SEPARATOR.join(texts))
