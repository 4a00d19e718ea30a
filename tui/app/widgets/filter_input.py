"""The filter's input line."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive

from tui.app.widgets.lines_joined_input import LinesJoinedInput
from tui.core.text import cells


class FilterInput(LinesJoinedInput):
    """The filter's line: Enter hands the keys after it to the list, and the text does not lay
    the screen out again at every keystroke. A filter pasted on several lines (``place:baja``
    above ``lang:es``) is read whole, as ``briefing list --filter`` reads it.

    Enter leaves the filter for the list: the keys typed after it, which the app sends on only
    once Enter is done (:mod:`tui.app.typed_ahead`), go to the list.

    Textual's ``Input`` makes the length of its text its virtual size, and a widget's virtual size
    lays out the whole screen when it changes, drawing every pane again. The filter's line is one
    row across the list whatever it holds (it scrolls within itself, and shows no scrollbar), so
    nothing else on the screen depends on it.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    async def action_submit(self) -> None:
        """Leave the filter for the list (the screen's ``leave_filter``)."""
        await self.run_action("screen.leave_filter")

    def on_blur(self) -> None:
        """Show the filter's start once it is left: a kept filter longer than its line showed
        its end, its first terms out of sight."""
        self.scroll_to(x=0, animate=False, force=True)  # a line of text hides its scrollbar

    def on_focus(self) -> None:
        """Show the cursor again when the filter is typed in, where the next letter goes."""
        # Once the screen is drawn: a click that gave the focus places the cursor first, where
        # the user saw the text.
        self.call_after_refresh(self._show_cursor)

    def _show_cursor(self) -> None:
        before = cells(self.value[: self.cursor_position])
        width = self.content_size.width
        if not self.scroll_x <= before < self.scroll_x + width:
            self.scroll_to(x=max(0, before - width + 1), animate=False, force=True)
