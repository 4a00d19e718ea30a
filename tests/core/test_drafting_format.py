"""Brief format version 2: drafts and unreviewed facts load, keep their marks, and survive the
cache; version 1 briefs load as they always did."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from tests.kit.corpus import dump, fields, make_corpus
from tui.cli import main
from tui.core.drafting.draft import brief_id
from tui.core.model import Corpus
from tui.core.store import load_corpus, open_corpus

SPANISH = "Tijuana \u2014 La planta sumar\u00e1 un turno nocturno de 240 trabajadores.\n"


def draft_fields(**changes: Any) -> dict[str, Any]:
    brief = fields(
        status="draft",
        key_facts=[
            {
                "fact": "The plant will add 240 workers.",
                "quote": "night shift of 240",
                "reviewed": False,
            },
            {"fact": "A plant in Tijuana adds a shift.", "quote": "A plant in the El Florido park"},
        ],
    )
    brief.update(changes)
    return brief


def load(
    tmp_path: Path, brief: dict[str, Any], seeds: dict[str, str | bytes] | None = None
) -> Corpus:
    make_corpus(tmp_path / "corpus", {f"{brief['id']}.yaml": brief}, seeds)
    return load_corpus(tmp_path / "corpus")


def test_a_draft_loads_with_its_status_and_its_unreviewed_facts(tmp_path: Path) -> None:
    corpus = load(tmp_path, draft_fields())
    assert corpus.all_problems == ()
    (brief,) = corpus.briefs
    assert brief.status == "draft" and brief.is_draft
    assert [fact.reviewed for fact in brief.key_facts] == [False, True]


def test_a_version_1_brief_is_a_finished_brief_of_reviewed_facts(tmp_path: Path) -> None:
    corpus = load(tmp_path, fields())
    (brief,) = corpus.briefs
    assert corpus.all_problems == ()
    assert brief.status == "final" and not brief.is_draft
    assert all(fact.reviewed and not fact.needs_english for fact in brief.key_facts)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"status": "finished"}, "status", "draft or final"),
        ({"status": True}, "status", "draft or final"),
        (
            {"key_facts": [{"fact": "240.", "quote": "night shift of 240", "reviewed": "no way"}]},
            "key_facts[0].reviewed",
            "true or false",
        ),
        (
            {"key_facts": [{"fact": "240.", "quote": "night shift of 240", "needs_english": 1}]},
            "key_facts[0].needs_english",
            "true or false",
        ),
    ],
)
def test_a_wrong_status_or_flag_is_an_error_on_its_file_line_and_field(
    tmp_path: Path, changes: dict[str, Any], field: str, words: str
) -> None:
    brief = draft_fields(**changes)
    corpus = load(tmp_path, brief)
    errors = [p for p in corpus.all_problems if p.severity == "error"]
    assert [p.field for p in errors] == [field]
    (error,) = errors
    assert error.file == "briefs/sample.yaml"
    key = field.rsplit(".", 1)[-1] + ":"
    lines = dump(brief).splitlines()
    assert key in lines[error.line - 1]
    assert words in error.message


def test_a_spanish_draft_may_wait_for_its_english_title_and_facts(tmp_path: Path) -> None:
    brief = fields(
        language="es",
        status="draft",
        key_facts=[
            {
                "fact": "La planta sumará un turno nocturno de 240 trabajadores.",
                "quote": "turno nocturno de 240 trabajadores",
                "reviewed": False,
                "needs_english": True,
            }
        ],
    )
    corpus = load(tmp_path, brief, {"article.txt": SPANISH})
    assert corpus.all_problems == ()
    (fact,) = corpus.briefs[0].key_facts
    assert fact.needs_english and not fact.reviewed


def test_a_finished_brief_is_warned_of_facts_left_unreviewed_or_untranslated(
    tmp_path: Path,
) -> None:
    brief = fields(
        language="es",
        title_en="Plant adds shift",
        key_facts=[
            {
                "fact": "La planta sumará 240 trabajadores.",
                "quote": "turno nocturno de 240 trabajadores",
                "reviewed": False,
                "needs_english": True,
            }
        ],
    )
    corpus = load(tmp_path, brief, {"article.txt": SPANISH})
    assert {(p.field, p.severity) for p in corpus.all_problems} == {
        ("key_facts[0].reviewed", "warning"),
        ("key_facts[0].needs_english", "warning"),
    }
    assert corpus.briefs  # still loaded


def test_a_draft_finished_too_early_is_warned_once_not_twice_a_fact(tmp_path: Path) -> None:
    # Its status taken off before any fact was read through, a brief of 13 facts gave 26
    # warnings, two for each, all for one slip.
    unfinished = {
        "fact": "La planta sumará 240 trabajadores.",
        "quote": "turno nocturno de 240 trabajadores",
        "reviewed": False,
        "needs_english": True,
    }
    brief = fields(language="es", title_en="Plant adds shift", key_facts=[unfinished] * 3)
    corpus = load(tmp_path, brief, {"article.txt": SPANISH})
    problems = [(p.field, p.severity, p.line) for p in corpus.all_problems]
    key_facts_line = dump(brief).splitlines().index("key_facts:") + 1
    assert problems == [("key_facts", "warning", key_facts_line)] * 2
    # One fact of them confirmed: the others are named each on its line.
    brief["key_facts"] = [{**unfinished, "reviewed": True}, unfinished, unfinished]
    corpus = load(tmp_path / "again", brief, {"article.txt": SPANISH})
    assert sorted(p.field for p in corpus.all_problems) == [
        "key_facts",  # every fact still marked as in Spanish
        "key_facts[1].reviewed",
        "key_facts[2].reviewed",
    ]


@pytest.mark.parametrize("status", ["draft", "final"])
def test_a_fact_of_an_english_brief_marked_as_needing_english_is_named_and_not_marked(
    tmp_path: Path, status: str
) -> None:
    # validate said nothing, while the reader and the export showed it "needs English".
    english = "Tijuana - The plant will add a night shift of 240 workers.\n"
    facts = [{"fact": "240 workers.", "quote": "night shift of 240", "needs_english": True}]
    brief = fields(language="en", status=status, key_facts=facts)
    corpus = load(tmp_path, brief, {"article.txt": english})
    assert [(p.field, p.severity) for p in corpus.all_problems] == [
        ("key_facts[0].needs_english", "warning")
    ]
    assert "remove the field" in corpus.all_problems[0].in_full
    (fact,) = corpus.briefs[0].key_facts
    assert not fact.needs_english


def test_a_finished_spanish_brief_still_needs_its_english_title(tmp_path: Path) -> None:
    facts = [{"fact": "240 workers.", "quote": "turno nocturno de 240 trabajadores"}]
    corpus = load(tmp_path, fields(language="es", key_facts=facts), {"article.txt": SPANISH})
    assert [p.field for p in corpus.all_problems] == ["title_en"]


def test_the_cache_keeps_a_drafts_marks(tmp_path: Path) -> None:
    brief = draft_fields()
    root = make_corpus(tmp_path / "corpus", {"sample.yaml": brief})
    stamp = time.time_ns() - 86_400 * 1_000_000_000
    for folder in ("briefs", "seeds"):
        for path in (root / folder).iterdir():
            os.utime(path, ns=(stamp, stamp))
    open_corpus(root)
    again = open_corpus(root)
    assert again == load_corpus(root)
    (cached,) = again.briefs
    assert cached.is_draft
    assert [fact.reviewed for fact in cached.key_facts] == [False, True]


def test_validate_accepts_a_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_corpus(tmp_path / "corpus", {"sample.yaml": draft_fields()})
    assert main(["validate", "--corpus", str(root)]) == 0
    assert "0 errors" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("title", "ident"),
    [
        (
            "Vexa Components to expand Ciudad Juárez maquiladora, adding 1,800 jobs",
            "vexa-components-to-expand-ciudad-juarez-maquiladora-adding",
        ),
        ("Kia invertirá 1.000 millones en Pesquería", "kia-invertira-1000-millones-en-pesqueria"),
        ("Exports grew 6.7% to 1,234,567 units", "exports-grew-6-7-to-1234567-units"),
        ("Empleos en Juárez suman 331 200 en total", "empleos-en-juarez-suman-331200-en-total"),
        # A percentage's decimals and two numbers side by side are no thousands.
        (
            "Treasury yield rises to 4.375% as peso slips",
            "treasury-yield-rises-to-4-375-as-peso-slips",
        ),
        ("In 2024 300 plants opened", "in-2024-300-plants-opened"),
    ],
)
def test_an_id_keeps_each_number_whole_or_leaves_it_out(title: str, ident: str) -> None:
    # "…-adding-1" was cut from "adding 1,800 jobs": read as a figure, or as a second id's -1.
    assert brief_id(title) == ident
