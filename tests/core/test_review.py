"""Confirming and rejecting a draft's facts: the one fact changes, the analyst's file stays."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests.kit.corpus import DRAFT_ARTICLE, DRAFT_BRIEF, draft_corpus, make_corpus
from tui.core.review import ReviewError, confirm_fact, reject_fact, undo_edit
from tui.core.store import load_corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return draft_corpus(tmp_path / "corpus")


def brief_file(corpus: Path) -> Path:
    return corpus / "briefs" / "tijuana-exports.yaml"


def changed_lines(before: str, after: str) -> list[str]:
    """The lines taken out (``-``) and put in (``+``) between two texts."""
    return [
        line
        for line in difflib.ndiff(before.splitlines(), after.splitlines())
        if line.startswith(("- ", "+ "))
    ]


def test_confirming_a_fact_takes_out_its_reviewed_line_only(corpus: Path) -> None:
    confirm_fact(brief_file(corpus), 1, "The council will open an office in Texas")
    after = brief_file(corpus).read_text(encoding="utf-8")
    assert changed_lines(DRAFT_BRIEF, after) == ["-     reviewed: false"]
    facts = load_corpus(corpus).briefs[0].key_facts
    assert [fact.reviewed for fact in facts] == [False, True, True]


def test_rejecting_a_fact_takes_it_out_and_keeps_the_rest_as_written(corpus: Path) -> None:
    reject_fact(brief_file(corpus), 0, "Exports from Tijuana grew 8% in 2024")
    after = brief_file(corpus).read_text(encoding="utf-8")
    assert changed_lines(DRAFT_BRIEF, after) == [
        '-   - fact: "Exports from Tijuana grew 8% in 2024."',
        '-     quote: "Exports from Tijuana grew 8% in 2024"',
        "-     kind: figure",
        "-     reviewed: false   # looks right",
    ]
    corpus_now = load_corpus(corpus)
    assert corpus_now.all_problems == ()
    assert [fact.quote for fact in corpus_now.briefs[0].key_facts] == [
        "The council will open an office in Texas",
        "Some 300 firms joined the council this year",
    ]


@pytest.mark.parametrize("review", [confirm_fact, reject_fact])
def test_a_review_undone_puts_the_file_back_byte_for_byte(corpus: Path, review: object) -> None:
    before = brief_file(corpus).read_bytes()
    edit = review(brief_file(corpus), 1, "The council will open an office in Texas")  # type: ignore[operator]
    assert brief_file(corpus).read_bytes() != before
    assert undo_edit(edit) is False  # nothing else to keep
    assert brief_file(corpus).read_bytes() == before


@pytest.mark.parametrize("review", [confirm_fact, reject_fact])
def test_a_review_is_undone_keeping_a_later_change_elsewhere_in_the_file(
    corpus: Path, review: object
) -> None:
    # The fact taken out could not be put back once anything else in the file had changed.
    before = brief_file(corpus).read_text(encoding="utf-8")
    edit = review(brief_file(corpus), 1, "The council will open an office in Texas")  # type: ignore[operator]
    edited = brief_file(corpus).read_text(encoding="utf-8")
    by_hand = edited.replace("8%", "9%", 1) + "# checked against the article\n"
    assert "9%" in by_hand.splitlines()[0]  # the analyst's note at the top
    brief_file(corpus).write_text(by_hand, encoding="utf-8")
    assert undo_edit(edit) is True  # the change by hand kept, which the reader says
    assert brief_file(corpus).read_text(encoding="utf-8") == (
        before.replace("8%", "9%", 1) + "# checked against the article\n"
    )


def test_a_review_is_not_undone_over_a_later_change_around_the_fact(corpus: Path) -> None:
    edit = reject_fact(brief_file(corpus), 1, "The council will open an office in Texas")
    edited = brief_file(corpus).read_text(encoding="utf-8")
    lines = edited.splitlines(keepends=True)
    # The line the fact followed, changed: where it went back, and how, is the analyst's call.
    removed_at = next(
        n for n, line in enumerate(edit.before.splitlines(keepends=True)) if "The council" in line
    )
    lines[removed_at - 1] = lines[removed_at - 1].replace("# looks right", "# checked", 1)
    by_hand = "".join(lines)
    assert by_hand != edited
    brief_file(corpus).write_text(by_hand, encoding="utf-8")
    with pytest.raises(ReviewError, match="changed since"):
        undo_edit(edit)
    assert brief_file(corpus).read_text(encoding="utf-8") == by_hand


def test_the_last_fact_cannot_be_rejected(tmp_path: Path) -> None:
    one_fact = DRAFT_BRIEF[: DRAFT_BRIEF.index("  - fact: The council")]
    root = make_corpus(
        tmp_path / "c", {"tijuana-exports.yaml": one_fact}, {"article.txt": DRAFT_ARTICLE}
    )
    with pytest.raises(ReviewError, match="at least one fact"):
        reject_fact(brief_file(root), 0, "Exports from Tijuana grew 8% in 2024")
    assert brief_file(root).read_text(encoding="utf-8") == one_fact


@pytest.mark.parametrize(
    ("text", "why"),
    [
        pytest.param(
            DRAFT_BRIEF.replace("8%", "9%"), "changed on disk", id="the quote changed since"
        ),
        pytest.param(
            DRAFT_BRIEF.replace("key_facts:", "key_facts: [", 1), "not valid YAML", id="broken"
        ),
        pytest.param(
            DRAFT_BRIEF.replace("language: en", "language:    en"),
            "could not be changed here",
            id="odd layout",
        ),
        # The reader ended with a traceback: the file's dates are built as it is read.
        *(
            pytest.param(
                DRAFT_BRIEF.replace("language: en", f"language: en\npublished: {date}"),
                "a date that is no day",
                id=date,
            )
            for date in (
                "2024-02-30",
                "2024-13-01",
                "0000-01-01",
                "2024-01-01T25:61:00",
                "9999-12-31 23:59:59.9999999999+14:00",
            )
        ),
    ],
)
def test_a_brief_that_cannot_be_edited_safely_is_left_as_it_is(
    corpus: Path, text: str, why: str
) -> None:
    brief_file(corpus).write_text(text, encoding="utf-8")
    with pytest.raises(ReviewError, match=why):
        confirm_fact(brief_file(corpus), 0, "Exports from Tijuana grew 8% in 2024")
    assert brief_file(corpus).read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (DRAFT_BRIEF.replace("language: en", "language:    en"), "line 6 (language:)"),
        # A value in quotes run onto a second line, as an editor wraps it.
        (
            DRAFT_BRIEF.replace(
                'title: "Tijuana exports grow"', 'title: "Tijuana exports\n  grow"'
            ),
            "line 5 (title:)",
        ),
        (
            DRAFT_BRIEF.replace(
                "    kind: figure\n    reviewed", "    kind:   figure\n    reviewed"
            ),
            "line 13 (kind:)",
        ),
    ],
)
def test_a_layout_that_could_not_be_kept_is_named_by_its_line_and_field(
    corpus: Path, text: str, where: str
) -> None:
    # "laid out in a way that could not be kept" left the user to look for what, in the file.
    brief_file(corpus).write_text(text, encoding="utf-8")
    with pytest.raises(ReviewError) as refused:
        confirm_fact(brief_file(corpus), 0, "Exports from Tijuana grew 8% in 2024")
    assert str(refused.value) == (
        f"tijuana-exports.yaml could not be changed here without writing {where} otherwise than"
        " it is written: edit it (E)"
    )
    assert brief_file(corpus).read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    "written",
    [DRAFT_BRIEF.rstrip("\n"), "\ufeff" + DRAFT_BRIEF, "\ufeff" + DRAFT_BRIEF.rstrip("\n")],
    ids=["no-line-end-at-the-end", "a-byte-order-mark", "both"],
)
def test_a_brief_as_some_editors_save_it_is_reviewed_and_kept_so(
    corpus: Path, written: str
) -> None:
    # The edit was refused, naming a line where nothing could be seen to differ.
    brief_file(corpus).write_text(written, encoding="utf-8")
    edit = confirm_fact(brief_file(corpus), 1, "The council will open an office in Texas")
    after = brief_file(corpus).read_text(encoding="utf-8")
    assert changed_lines(written, after) == ["-     reviewed: false"]
    assert after.startswith("\ufeff") == written.startswith("\ufeff")
    assert after.endswith("\n") == written.endswith("\n")
    assert [fact.reviewed for fact in load_corpus(corpus).briefs[0].key_facts] == [
        False,
        True,
        True,
    ]
    undo_edit(edit)
    assert brief_file(corpus).read_text(encoding="utf-8") == written


def test_spaces_ending_a_line_are_named_as_what_could_not_be_kept(corpus: Path) -> None:
    written = DRAFT_BRIEF.replace("language: en\n", "language: en   \n")
    brief_file(corpus).write_text(written, encoding="utf-8")
    with pytest.raises(ReviewError, match="without taking the spaces off the end of line 6: "):
        confirm_fact(brief_file(corpus), 1, "The council will open an office in Texas")
    assert brief_file(corpus).read_text(encoding="utf-8") == written


def test_a_brief_saved_with_windows_line_ends_is_reviewed_and_keeps_them(corpus: Path) -> None:
    crlf = DRAFT_BRIEF.replace("\n", "\r\n")
    brief_file(corpus).write_bytes(crlf.encode("utf-8"))
    edit = confirm_fact(brief_file(corpus), 1, "The council will open an office in Texas")
    after = brief_file(corpus).read_bytes()
    assert after.count(b"\r\n") == after.count(b"\n") == DRAFT_BRIEF.count("\n") - 1
    assert changed_lines(crlf, after.decode("utf-8")) == ["-     reviewed: false"]
    facts = load_corpus(corpus).briefs[0].key_facts
    assert [fact.reviewed for fact in facts] == [False, True, True]
    undo_edit(edit)
    assert brief_file(corpus).read_bytes() == crlf.encode("utf-8")
    reject_fact(brief_file(corpus), 1, "The council will open an office in Texas")
    after = brief_file(corpus).read_bytes()
    assert after.count(b"\r\n") == after.count(b"\n") == DRAFT_BRIEF.count("\n") - 3
    assert [fact.quote for fact in load_corpus(corpus).briefs[0].key_facts] == [
        "Exports from Tijuana grew 8% in 2024",
        "Some 300 firms joined the council this year",
    ]


def test_a_brief_with_mixed_line_ends_is_left_as_it_is(corpus: Path) -> None:
    # Either kind of line end written throughout would change lines the analyst did not touch.
    mixed = DRAFT_BRIEF.replace("\n", "\r\n", 3).encode("utf-8")
    brief_file(corpus).write_bytes(mixed)
    with pytest.raises(ReviewError, match="lines ending as on Windows and others not"):
        confirm_fact(brief_file(corpus), 1, "The council will open an office in Texas")
    assert brief_file(corpus).read_bytes() == mixed


def test_a_comment_between_facts_stays_when_the_fact_before_it_goes(corpus: Path) -> None:
    reject_fact(brief_file(corpus), 1, "The council will open an office in Texas")
    after = brief_file(corpus).read_text(encoding="utf-8")
    assert changed_lines(DRAFT_BRIEF, after) == [
        "-   - fact: The council will open an office in Texas.",
        "-     quote: 'The council will open an office in Texas'",
        "-     reviewed: false",
    ]
