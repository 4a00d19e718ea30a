"""What the reader looks like: SVG snapshots of its screens on the shipped corpus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from tests.app_helpers import settle
from tui.app.app import BriefingApp

SnapCompare = Callable[..., bool]


def keys_then_settle(*keys: str) -> Callable[[Pilot[object]], object]:
    """A ``run_before`` that lets the corpus load, presses ``keys``, and lets the app settle."""

    async def run_before(pilot: Pilot[object]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def test_main_screen_at_120_by_40(snap_compare: SnapCompare, corpus_dir: Path) -> None:
    assert snap_compare(BriefingApp(corpus_dir), terminal_size=(120, 40), run_before=settle)


def test_main_screen_at_80_by_24(snap_compare: SnapCompare, corpus_dir: Path) -> None:
    assert snap_compare(BriefingApp(corpus_dir), terminal_size=(80, 24), run_before=settle)


def test_marks_bookmark_and_a_later_fact(snap_compare: SnapCompare, corpus_dir: Path) -> None:
    # The second brief bookmarked and marked, its third fact current in both panes.
    run_before = keys_then_settle("space", "j", "b", "space", "enter", "j", "j")
    assert snap_compare(BriefingApp(corpus_dir), terminal_size=(120, 40), run_before=run_before)


def test_filter_at_80_by_24(snap_compare: SnapCompare, corpus_dir: Path) -> None:
    run_before = keys_then_settle("slash", *"ciudad")
    assert snap_compare(BriefingApp(corpus_dir), terminal_size=(80, 24), run_before=run_before)


def test_original_hidden_at_80_by_24(snap_compare: SnapCompare, corpus_dir: Path) -> None:
    run_before = keys_then_settle("o")
    assert snap_compare(BriefingApp(corpus_dir), terminal_size=(80, 24), run_before=run_before)


def test_help_screen(snap_compare: SnapCompare, corpus_dir: Path) -> None:
    run_before = keys_then_settle("question_mark")
    assert snap_compare(BriefingApp(corpus_dir), terminal_size=(100, 50), run_before=run_before)


def test_a_brief_that_failed_to_load(snap_compare: SnapCompare, corpus_dir: Path) -> None:
    (corpus_dir / "briefs" / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n")
    run_before = keys_then_settle("G")
    assert snap_compare(BriefingApp(corpus_dir), terminal_size=(120, 40), run_before=run_before)
