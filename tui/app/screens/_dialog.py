"""What every small dialog of the reader looks like: a framed box in the middle of the dimmed
screen, as wide as its text needs up to 72 columns, scrolling when the terminal is too short."""

from __future__ import annotations

import asyncio
from typing import Any, TypeVar

from textual.app import App
from textual.screen import ModalScreen

from tui.app.typed_ahead import TakesKeysOnceMounted

Answer = TypeVar("Answer")


def ask(app: App[Any], dialog: ModalScreen[Answer]) -> asyncio.Future[Answer | None]:
    """Open ``dialog`` now and give its answer to come.

    Now, in the handler of the key that asked for it, rather than from a worker a moment later:
    the keys typed in the same instant then find the dialog on top, and do nothing to the reader
    behind it. Opened from a worker, the dialog came after them, and they acted on the reader
    (``ab`` opened the add dialog and bookmarked a brief).
    """
    answer: asyncio.Future[Answer | None] = asyncio.get_running_loop().create_future()

    def answered(value: Answer | None) -> None:
        if not answer.done():
            answer.set_result(value)

    app.push_screen(dialog, answered)
    return answer


class Dialog(ModalScreen[Answer], TakesKeysOnceMounted):
    """A modal screen whose content is one :class:`~textual.containers.Vertical`, framed.

    The frame's border is each dialog's own: its colour says what kind of question it is.
    """

    DEFAULT_CSS = """
    Dialog {
        align: center middle;
        background: $background 60%;
    }
    Dialog > Vertical {
        width: 72;
        max-width: 100%;
        height: auto;
        /* A dialog taller than a small terminal scrolls rather than losing its end. */
        max-height: 100%;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        background: $surface;
        padding: 0 1;
    }
    Dialog Label {
        /* The dialog's width rather than the text's: a long path wraps instead of being cut. */
        width: 1fr;
    }
    """

    def unsaved(self) -> str | None:
        """What the user typed here and has not kept, as a quit would lose it ("the note you
        typed"); None when nothing would be lost."""
        return None
