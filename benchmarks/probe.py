"""Measurements taken inside an app's own process, for :mod:`benchmarks.run`.

    python -m benchmarks.probe startup bare|briefing [--corpus DIR]
    python -m benchmarks.probe keys --corpus DIR --common WORD --rare WORD

Each runs the app headless (Textual's ``run_test``) and writes one JSON object per line to
standard output as things happen, so that the parent can time them from its own clock: a
``frame`` line at the first frame, a ``painted`` line at the first frame showing titles, a
``brief`` line at the first frame showing the key facts of a brief beside them. The
``keys`` probe presses keys without the pauses the test pilot inserts, and times each key from
the moment it is posted until the last frame it caused, once the screen has been still for
:data:`QUIET` seconds.

Only the standard library is imported before the app, so that start-up costs the same as the
app's own.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

QUIET = 0.12
"""How long the screen must stay still after a key for it to count as settled."""
TIMEOUT = 300.0
"""How long any one wait may take before the probe gives up."""
SIZE = (120, 40)
CURSOR_MOVES = 30
"""How many times the cursor is moved down and timed, by default."""


def _emit(**fields: Any) -> None:
    # Straight to the file descriptor: Textual redirects sys.stdout while an app runs.
    os.write(1, (json.dumps(fields) + "\n").encode())


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _make_app(kind: str, corpus: Path | None) -> Any:
    if kind == "bare":
        from benchmarks.bare import BareApp

        return BareApp()
    from tui.app.main import make_app, prepare_first_start  # as the command makes it

    assert corpus is not None
    prepare_first_start(corpus)
    return make_app(corpus)


def _shows(app: Any, widget_type: str, shown: Callable[[Any], bool]) -> bool:
    """Whether a widget of ``widget_type`` shows something; for the bare app, any frame does."""
    if type(app).__name__ == "BareApp":
        return True
    try:
        return any(shown(widget) for widget in app.screen.query(widget_type))
    except Exception:  # the screen is not mounted yet
        return False


def _titles_shown(app: Any) -> bool:
    return _shows(app, "ArticleList", lambda widget: bool(widget.rows))


def _brief_shown(app: Any) -> bool:
    return _shows(app, "BriefView", lambda widget: widget.fact_count > 0)


async def _startup(kind: str, corpus: Path | None) -> None:
    app = _make_app(kind, corpus)
    done = asyncio.Event()
    emitted: set[str] = set()

    def emit_once(event: str, **fields: Any) -> None:
        if event not in emitted:
            emitted.add(event)
            _emit(event=event, **fields)

    def after_display() -> None:
        emit_once("frame")
        if _titles_shown(app):
            emit_once("painted", peak_rss_mib=_peak_rss_mib())
            # The brief and original panes are mounted after the list: the whole screen is
            # there once the brief under the cursor shows its facts.
            if _brief_shown(app):
                emit_once("brief")
                done.set()

    app.post_display_hook = after_display
    async with app.run_test(headless=True, size=SIZE):
        await asyncio.wait_for(done.wait(), TIMEOUT)
    # Tearing the app down is not part of starting it.
    os._exit(0)


class _Keys:
    """Presses keys in a running briefing app and times each until the screen settles."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.frames: list[float] = []
        app.post_display_hook = lambda: self.frames.append(time.perf_counter())

    @property
    def screen(self) -> Any:
        return self.app.screen

    async def wait_until(self, condition: Callable[[], bool]) -> None:
        deadline = time.perf_counter() + TIMEOUT
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError("the app did not reach the expected state")
            await asyncio.sleep(0.005)

    async def still(self) -> None:
        """Wait until no frame has been drawn for :data:`QUIET` seconds."""
        start = time.perf_counter()
        while True:
            await asyncio.sleep(0.01)
            last = self.frames[-1] if self.frames else start
            if time.perf_counter() - max(last, start) >= QUIET:
                return

    async def press(self, key: str, character: str | None, settled: Callable[[], bool]) -> float:
        """Post one key and return the seconds until the last frame it caused."""
        from textual import events

        await self.still()
        drawn = len(self.frames)
        event = events.Key(key, character)
        event.set_sender(self.app)
        started = time.perf_counter()
        self.app.post_message(event)
        deadline = started + TIMEOUT
        reached: float | None = None
        while True:
            await asyncio.sleep(0.002)
            now = time.perf_counter()
            if reached is None and settled():
                reached = now
            last = self.frames[-1] if len(self.frames) > drawn else None
            if reached is not None and now - max(reached, last or 0.0) >= QUIET:
                break
            if now > deadline:
                raise TimeoutError(f"the app did not settle after {key}")
        return (last if last is not None else reached) - started


async def _keys(corpus: Path, common: str, rare: str, moves: int, toggles: int) -> None:
    started = time.perf_counter()
    app = _make_app("briefing", corpus)
    keys = _Keys(app)
    async with app.run_test(headless=True, size=SIZE):
        await keys.wait_until(lambda: getattr(keys.screen, "corpus", None) is not None)
        screen = keys.screen
        await keys.wait_until(lambda: bool(screen.article_list.rows))
        loaded = time.perf_counter() - started
        await keys.still()
        # A blinking cursor in the filter would draw frames of its own.
        screen.filter_input.cursor_blink = False

        move_times = []
        for _ in range(moves):
            before = screen.article_list.cursor_entry

            def moved(before: int | None = before) -> bool:
                cursor = screen.article_list.cursor_entry
                return bool(cursor != before and screen.shown_entry == cursor)

            move_times.append(await keys.press("down", None, moved))

        await keys.press("slash", "/", lambda: screen.focused is screen.filter_input)
        typed = []
        for word in (common, rare):
            for length in range(1, len(word) + 1):
                prefix = word[:length]

                def filtered(prefix: str = prefix) -> bool:
                    return bool(screen.filter_text == prefix)

                elapsed = await keys.press(prefix[-1], prefix[-1], filtered)
                rows = len(screen.article_list.rows)
                typed.append({"word": word, "typed": prefix, "s": elapsed, "rows": rows})
            # Clear the filter: ctrl+u empties the input, as a user would.
            await keys.press("ctrl+u", None, lambda: screen.filter_text == "")
        await keys.press("escape", "\x1b", lambda: screen.focused is screen.article_list)

        toggle_times = []
        for _ in range(toggles):

            def toggled(before: frozenset[str] = screen.bookmarked) -> bool:
                return bool(screen.bookmarked != before)

            toggle_times.append(await keys.press("b", "b", toggled))

        _emit(
            event="keys",
            loaded_s=loaded,
            entries=len(screen.corpus.entries),
            moves=move_times,
            typed=typed,
            bookmark=toggle_times,
            peak_rss_mib=_peak_rss_mib(),
        )
    os._exit(0)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.probe")
    commands = parser.add_subparsers(dest="command", required=True)
    startup = commands.add_parser("startup")
    startup.add_argument("app", choices=("bare", "briefing"))
    startup.add_argument("--corpus", type=Path)
    keys = commands.add_parser("keys")
    keys.add_argument("--corpus", type=Path, required=True)
    keys.add_argument("--common", required=True)
    keys.add_argument("--rare", required=True)
    keys.add_argument("--moves", type=int, default=CURSOR_MOVES)
    keys.add_argument("--toggles", type=int, default=6)
    args = parser.parse_args(argv)
    if args.command == "startup":
        asyncio.run(_startup(args.app, args.corpus))
    else:
        asyncio.run(_keys(args.corpus, args.common, args.rare, args.moves, args.toggles))
    return 0


if __name__ == "__main__":
    sys.exit(main())
