"""The bounded store of values used last."""

from __future__ import annotations

from tui.core.recent import RecentlyUsed


def test_the_least_recently_used_goes_first() -> None:
    kept: RecentlyUsed[str, int] = RecentlyUsed(2)
    kept.put("a", 1)
    kept.put("b", 2)
    assert kept.get("a") == 1  # a is now used after b
    kept.put("c", 3)
    assert "b" not in kept
    assert (kept.get("a"), kept.get("c")) == (1, 3)


def test_a_budget_of_weight_keeps_what_fits() -> None:
    kept: RecentlyUsed[str, str] = RecentlyUsed(10, weigh=len)
    kept.put("short", "abcd")
    kept.put("other", "efgh")
    kept.put("long", "ijklmn")  # 14 characters in all: the oldest goes
    assert "short" not in kept and "other" in kept and "long" in kept
    kept.put("other", "e")  # stored again lighter: its old weight no longer counts
    kept.put("more", "xyz")
    assert len(kept) == 3


def test_the_value_stored_last_is_kept_whatever_it_weighs() -> None:
    kept: RecentlyUsed[str, str] = RecentlyUsed(3, weigh=len)
    kept.put("small", "ab")
    kept.put("huge", "x" * 100)
    assert kept.get("huge") == "x" * 100
    assert "small" not in kept
    assert kept.get("missing") is None
