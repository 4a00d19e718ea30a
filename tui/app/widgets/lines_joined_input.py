"""A line of input that takes a paste of several lines whole."""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class LinesJoinedInput(Input):
    """A line of input that takes a paste of several lines whole, its lines joined by spaces:
    Textual's ``Input``, whose handler pastes the text after this one, keeps the first line
    alone, and the rest would be lost without a word."""

    def on_paste(self, event: events.Paste) -> None:
        event.text = " ".join(event.text.split())
