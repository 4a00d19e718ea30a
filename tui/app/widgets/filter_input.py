"""The filter's input line."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.geometry import Size
from textual.reactive import Reactive

from tui.app.widgets.ordered_input import OrderedInput


class FilterInput(OrderedInput):
    """The filter's line: Enter hands the keys after it to the list, and the text does not lay
    the screen out again at every keystroke.

    Keys typed in one burst reach the input together, ahead of the screen's answer to any of
    them. Input's own Enter sends a message, and the focus would move only once that message had
    gone up to the screen: the keys after Enter would be typed into the filter. Here Enter (as
    :class:`OrderedInput` handles it, in the order typed) moves the focus at once, and the keys
    that had already been sent on to the input go back to the app, which gives them to the pane
    that now has the focus.

    Textual's ``Input`` makes the length of its text its virtual size, and a widget's virtual size
    lays out the whole screen when it changes, drawing every pane again. The filter's line is one
    row across the list whatever it holds (it scrolls within itself, and shows no scrollbar), so
    nothing else on the screen depends on it.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._left_by_enter = False
        """Whether Enter has handed the keys on, and the focus has not come back since."""

    async def action_submit(self) -> None:
        """Leave the filter for the list (the screen's ``leave_filter``)."""
        await self.run_action("screen.leave_filter")
        self._left_by_enter = self.screen.focused is not self

    async def on_key(self, event: events.Key) -> None:
        # Runs before OrderedInput's handler, which this one stops for a key it hands on.
        if self._left_by_enter and self.screen.focused is not self:
            # Typed after the Enter. (Keys typed before a key that moved the focus at once, Tab
            # say, still arrive here after it: they are the filter's, and are typed in it.)
            event.prevent_default()
            event.stop()
            self.app.post_message(events.Key(event.key, event.character))

    def on_focus(self) -> None:
        self._left_by_enter = False
