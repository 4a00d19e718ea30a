"""The hostile corpus through the command: every bad file named, nothing run, nothing broken."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.kit.hostile import CLEAN_BRIEFS, HUGE_ARTICLE_QUOTE, build_hostile_corpus
from tests.kit.markdown import OWN_BLOCKS, read
from tui.core.store import load_corpus

PROBLEM_LINE = re.compile(
    r"^(briefs/[^:]+\.yaml)(?::(\d+))?: (?:(fact \d+(?:, \S+)?|\S+?): )?(warning: )?(.+)$"
)
SUMMARY = re.compile(r"^(\d+) briefs? \((\d+) loaded\), .*; (\d+) errors?, (\d+) warnings?$")
# Anything a terminal would act on: C0 and C1 controls other than the line feed, and the
# invisible characters that reorder or hide text.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")

# For each file with errors: the field of one of its problems and words its message must hold.
EXPECTED_ERRORS = {
    "syntax-error.yaml": ("", "YAML syntax error"),
    "top-level-list.yaml": ("", "must be a mapping of fields, not a list"),
    "empty.yaml": ("", "is empty"),
    "binary.yaml": ("", "binary file"),
    "not-utf8.yaml": ("", "not valid UTF-8"),
    "too-large.yaml": ("", "larger than 1 MiB"),
    "python-tag.yaml": ("title", "python/object/apply:os.system is not allowed"),
    "tag-escape.yaml": ("title", "is not allowed"),
    "raw-escape.yaml": ("", "U+001B is not allowed"),
    "billion-laughs.yaml": (None, "aliases expanded"),
    "deep-nesting.yaml": ("", "nest more than"),
    "duplicate-key.yaml": (
        "title",
        "given again here, first on line 2; keep one and delete the other",
    ),
    "wrong-types.yaml": ("key_facts", "must be a list of facts, not text"),
    "wrong-fact-types.yaml": ("fact 2, quote", "must be text, not a number"),
    "Bad_Id.yaml": ("id", "lowercase letters, digits"),
    "plain-good-copy.yaml": ("id", "duplicate id 'plain-good'"),
    "bad-date.yaml": ("published", "cannot read"),
    "no-such-day.yaml": ("published", "'2025-02-30': February 2025 has no day 30"),
    "unknown-language.yaml": ("language", "ISO 639-1"),
    "long-values.yaml": ("language", "ISO 639-1"),
    "missing-fields.yaml": ("summary", "is required"),
    "source-missing.yaml": ("source", "not found"),
    "source-absolute.yaml": ("source", "inside seeds/"),
    "source-dotdot.yaml": ("source", "inside seeds/"),
    "source-link-inside.yaml": ("source", "outside seeds/ through a link"),
    "source-link-far.yaml": ("source", "outside seeds/ through a link"),
    "empty-article.yaml": ("fact 1, quote", "not found in seeds/empty.txt"),
    "quote-not-found.yaml": ("fact 2, quote", "not found in seeds/article.txt"),
}
EXPECTED_WARNINGS = {
    "markup-text.yaml": ("summary", "control or invisible characters"),
    "crlf-lines.yaml": ("extra_field", "unknown field"),
    "latin1-source.yaml": ("source", "not valid UTF-8"),
    "unknown-fields.yaml": ("rating", "unknown field"),
    "long-title.yaml": ("title", "characters long"),
    "empty-article.yaml": ("source", "is empty"),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_hostile_corpus(tmp_path_factory.mktemp("hostile") / "corpus")


def briefing(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=120,
    )


@pytest.fixture(scope="module")
def validated(hostile: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[
    subprocess.CompletedProcess[str], Path
]:  # fmt: skip
    # Run from an empty folder, where a command run by the python tag would leave its file.
    where = tmp_path_factory.mktemp("cwd")
    return briefing("validate", "--corpus", str(hostile), cwd=where), where


def parsed(result: subprocess.CompletedProcess[str]) -> list[tuple[str, int, str, bool, str]]:
    """(file name, line, field, is a warning, message) for each problem line."""
    rows = []
    for line in result.stderr.splitlines()[:-1]:
        match = PROBLEM_LINE.match(line)
        assert match, f"not a problem line: {line!r}"
        name = match.group(1).removeprefix("briefs/")
        rows.append(
            (
                name,
                int(match.group(2) or 0),
                match.group(3) or "",
                bool(match.group(4)),
                match.group(5),
            )
        )
    return rows


def test_the_corpus_holds_every_case(hostile: Path) -> None:
    names = {p.name for p in (hostile / "briefs").iterdir()}
    assert set(EXPECTED_ERRORS) | set(EXPECTED_WARNINGS) <= names
    assert {f"{ident}.yaml" for ident in CLEAN_BRIEFS} <= names
    assert (hostile / "seeds" / "link-to-outside.txt").is_symlink()
    assert (hostile / "briefs" / "too-large.yaml").stat().st_size > 1024 * 1024
    assert (hostile / "seeds" / "huge.txt").stat().st_size > 4 * 1024 * 1024


def test_validate_fails_cleanly_with_one_line_per_problem(
    validated: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    result, _ = validated
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    summary = SUMMARY.match(result.stderr.splitlines()[-1])
    assert summary, result.stderr.splitlines()[-1]
    rows = parsed(result)
    errors = [r for r in rows if not r[3]]
    warnings = [r for r in rows if r[3]]
    assert (len(errors), len(warnings)) == (int(summary.group(3)), int(summary.group(4)))


@pytest.mark.parametrize("name", sorted(EXPECTED_ERRORS))
def test_each_bad_file_is_named_with_what_is_wrong(
    validated: tuple[subprocess.CompletedProcess[str], Path], name: str
) -> None:
    field, words = EXPECTED_ERRORS[name]
    found = [(f, m) for n, _, f, warning, m in parsed(validated[0]) if n == name and not warning]
    assert any((field is None or f == field) and words in m for f, m in found), found


@pytest.mark.parametrize("name", sorted(EXPECTED_WARNINGS))
def test_each_questionable_file_gets_a_warning(
    validated: tuple[subprocess.CompletedProcess[str], Path], name: str
) -> None:
    field, words = EXPECTED_WARNINGS[name]
    found = [(f, m) for n, _, f, warning, m in parsed(validated[0]) if n == name and warning]
    assert any(f == field and words in m for f, m in found), found


def test_the_sound_briefs_have_no_errors(
    validated: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    with_errors = {n for n, _, _, warning, _ in parsed(validated[0]) if not warning}
    assert not with_errors & {f"{ident}.yaml" for ident in CLEAN_BRIEFS}
    files = {n for n, *_ in parsed(validated[0])}
    assert set(EXPECTED_ERRORS) <= with_errors <= files


def test_a_line_number_under_windows_line_ends_is_the_editors(
    validated: tuple[subprocess.CompletedProcess[str], Path], hostile: Path
) -> None:
    text = (hostile / "briefs" / "crlf-lines.yaml").read_bytes().decode()
    expected = [n for n, line in enumerate(text.split("\r\n"), 1) if "extra_field" in line]
    lines = [ln for n, ln, f, _, _ in parsed(validated[0]) if n == "crlf-lines.yaml"]
    assert lines == expected


def test_nothing_in_the_corpus_is_run(
    validated: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    _, where = validated
    assert list(where.iterdir()) == []


def test_validate_output_holds_nothing_a_terminal_would_act_on(
    validated: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    result, _ = validated
    assert not UNSAFE.search(result.stderr + result.stdout)
    assert "\\x1b" in result.stderr  # the escape in a field name is shown, made visible
    assert max(len(line) for line in result.stderr.splitlines()) < 500


def test_list_shows_every_loaded_brief_on_a_short_safe_line(hostile: Path, tmp_path: Path) -> None:
    result = briefing("list", "--corpus", str(hostile), cwd=tmp_path)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(load_corpus(hostile).briefs)
    assert {line.split("\t")[0] for line in lines} >= CLEAN_BRIEFS
    assert all(line.count("\t") == 4 and len(line) < 300 for line in lines)
    assert not UNSAFE.search(result.stdout.replace("\t", " "))


def test_export_all_exports_the_loaded_briefs_with_everything_escaped(
    hostile: Path, tmp_path: Path
) -> None:
    result = briefing("export", "--all", "--corpus", str(hostile), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not UNSAFE.search(result.stdout)
    document = read(result.stdout)
    assert len(document.titles) == 1
    corpus = load_corpus(hostile)
    assert len(document.sections) == len(corpus.briefs)
    headings = {s.heading for s in document.sections}
    assert "# Border Plant Adds Night Shift" in headings
    assert "[bold red]Markup Test[/] Plant Report \U0001f389" in headings
    # No structure but the briefing's own: a list of facts, and one of the errors of a file.
    assert {kind.rsplit("_", 1)[0] for kind in document.block_kinds} <= OWN_BLOCKS | {"bullet_list"}
    # One item for each fact and each error of each brief written, and nothing else.
    errors = sum(len(entry.errors) for entry in corpus.loaded)
    facts = sum(len(brief.key_facts) for brief in corpus.briefs)
    assert errors and document.list_items == facts + errors
    plain_good = next(s for s in document.sections if s.heading.startswith("# Border"))
    assert "if demand > capacity, hire." in plain_good.quoted
    assert any(
        "`lot-id`" in q and "<b>draft</b>" in q and "[link](x)" in q for q in plain_good.quoted
    )
    huge = next(s for s in document.sections if s.heading == "Generated huge-article")
    assert HUGE_ARTICLE_QUOTE in huge.quoted
