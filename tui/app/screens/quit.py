"""Asking before quitting would lose what the user typed or could not save."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from tui.app.screens._question import Question


class QuitDialog(Question):
    """Asks whether to quit and lose ``losing`` (each said as "the note you typed");
    dismisses with ``True`` to quit."""

    DEFAULT_CSS = """
    QuitDialog > Vertical {
        width: 60;
    }
    """

    TITLE = "Quit"
    YES = "Quit"
    NO = "Stay"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Quit"),
        Binding("n,escape", "answer(False)", "Stay"),
    ]

    def __init__(self, losing: list[str]) -> None:
        super().__init__()
        self.losing = losing

    def question(self) -> str:
        if len(self.losing) == 1:
            lost = self.losing[0]
        else:
            lost = ", ".join(self.losing[:-1]) + " and " + self.losing[-1]
        return f"Quitting now loses {lost}. Quit anyway?"
