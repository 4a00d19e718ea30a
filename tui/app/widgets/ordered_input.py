"""An input whose Enter sends what was typed before it."""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class OrderedInput(Input):
    """An input whose Enter submits the text typed before it, whatever is typed after.

    Input's Enter is a binding, and a binding acts once its key has gone up to the app. The keys
    typed in the same instant after Enter reach the input first, and are typed in the meantime:
    the text sent is theirs too ("out.md" and a "j" meant for the list, written to "out.mdj").
    Here Enter submits as the input handles it, in the order typed.
    """

    async def on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.prevent_default()
            event.stop()
            await self.action_submit()
