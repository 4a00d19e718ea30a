"""A screen's breakpoint classes, set before its first frame."""

from __future__ import annotations

from collections.abc import Sequence


def breakpoint_classes(breakpoints: Sequence[tuple[int, str]], width: int) -> dict[str, bool]:
    """Each class of ``breakpoints`` (the least width, then the name, widest last) and whether a
    screen ``width`` cells wide has it.

    Textual sets these classes at a screen's first resize, which comes after its first frames: a
    screen that sets them as it is composed shows a narrow terminal its layout from the start.
    """
    ends = [minimum for minimum, _ in breakpoints[1:]]
    return {
        name: minimum <= width < end
        for (minimum, name), end in zip(breakpoints, [*ends, float("inf")], strict=True)
    }
