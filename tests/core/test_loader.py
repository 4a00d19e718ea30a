"""Loading a corpus: every check, the problems it reports, and files that must not stop it."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import tui.core.loader as loader
from tests.kit.corpus import ARTICLE, PAGE, REPO, dump, fields, make_corpus, page_brief
from tests.kit.special import named_pipe, needs_pipes, without_waiting
from tui.core.articles import ArticleReader, ArticleTexts
from tui.core.loader import read_article
from tui.core.model import Corpus, Problem
from tui.core.store import load_corpus

MIB = 1024 * 1024


def load_one(tmp_path: Path, brief: str | bytes | dict[str, Any], name: str = "sample.yaml",
             seeds: dict[str, str | bytes] | None = None) -> Corpus:  # fmt: skip
    return load_corpus(make_corpus(tmp_path / "corpus", {name: brief}, seeds))


def problems_of(corpus: Corpus) -> list[tuple[str, str]]:
    """(field, message) of every problem, for assertions that read like the output."""
    return [(p.field, p.in_full) for p in corpus.all_problems]


def errors(corpus: Corpus) -> list[Problem]:
    return [p for p in corpus.all_problems if p.severity == "error"]


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the ``occurrence``-th line of ``text`` containing ``needle``."""
    found = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return found[occurrence - 1]


# The shipped corpus ----------------------------------------------------------------------------


def test_the_shipped_corpus_loads_every_brief_without_a_problem() -> None:
    corpus = load_corpus(REPO)
    raw = {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in REPO.glob("briefs/*.yaml")
    }
    assert corpus.all_problems == ()
    assert {b.id for b in corpus.briefs} == set(raw)
    for brief in corpus.briefs:
        assert len(brief.key_facts) == len(raw[brief.id]["key_facts"])
        assert all(fact.span is not None for fact in brief.key_facts)


def test_shipped_briefs_come_newest_first_with_undated_ones_last() -> None:
    briefs = load_corpus(REPO).briefs
    dates = [b.published for b in briefs]
    dated = [d for d in dates if d is not None]
    assert dated == sorted(dated, reverse=True)
    assert dates == dated + [None] * (len(dates) - len(dated))


def test_a_found_quote_points_at_its_passage_in_the_article() -> None:
    corpus = load_corpus(REPO)
    for brief in corpus.briefs:
        article = read_article(REPO, brief.source)
        for fact in brief.key_facts:
            assert fact.span is not None
            passage = article[fact.span.start : fact.span.end]
            assert documented_fold(passage) == documented_fold(fact.quote)


# The folding docs/brief-format.md promises, written out here on its own.
_DOCUMENTED_MARKS = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
                                   "\u2013": "-", "\u2014": "-"})  # fmt: skip


def documented_fold(text: str) -> str:
    return " ".join(text.translate(_DOCUMENTED_MARKS).split())


# A sound brief and what the loader makes of it ---------------------------------------------------


def test_a_sound_brief_loads_with_its_fields(tmp_path: Path) -> None:
    brief = fields(
        published="2025-01-14",
        places=["Tijuana", "Otay"],
        author="Laura Ibáñez",
        key_facts=[
            {"fact": "240 workers.", "quote": "night shift of 240 workers", "kind": "figure"},
            {"fact": "Orders doubled.", "quote": '"Orders from Texas doubled," said the manager'},
        ],
    )
    corpus = load_one(tmp_path, brief)
    assert corpus.all_problems == ()
    (loaded,) = corpus.briefs
    assert loaded.published == dt.date(2025, 1, 14)
    assert loaded.places == ("Tijuana", "Otay")
    assert loaded.author == "Laura Ibáñez"
    assert [f.kind for f in loaded.key_facts] == ["figure", None]


def test_one_bad_file_never_stops_the_others(tmp_path: Path) -> None:
    corpus = load_corpus(
        make_corpus(
            tmp_path / "corpus",
            {
                "a-first.yaml": b"\x00\x01\x02 binary",
                "b-good.yaml": fields("b-good"),
                "c-broken.yaml": "id: c-broken\ntitle: 'never closed\n",
                "d-list.yaml": "- just\n- a list\n",
                "e-good.yaml": fields("e-good"),
            },
        )
    )
    assert sorted(b.id for b in corpus.briefs) == ["b-good", "e-good"]
    assert {p.file for p in errors(corpus)} == {
        "briefs/a-first.yaml",
        "briefs/c-broken.yaml",
        "briefs/d-list.yaml",
    }
    assert [e.key for e in corpus.entries][-3:] == ["a-first", "c-broken", "d-list"]


def test_a_folder_without_briefs_is_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    corpus = load_corpus(tmp_path / "empty")
    assert corpus.entries == ()
    (problem,) = corpus.problems
    assert "no briefs/ folder" in problem.in_full


def test_a_corpus_folder_that_is_not_there_is_said_so(tmp_path: Path) -> None:
    # It was told as a folder without a briefs/ folder: "is this a corpus?"
    (problem,) = load_corpus(tmp_path / "moved-away").problems
    assert f"the corpus folder {tmp_path / 'moved-away'} is not there" in problem.in_full


def test_a_link_to_nothing_named_like_a_brief_is_said_so(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "corpus", {"good.yaml": fields("good")})
    (root / "briefs" / "dangling.yaml").symlink_to(tmp_path / "gone.yaml")
    problems = [str(p) for p in load_corpus(root).all_problems]
    assert problems == [
        f"briefs/dangling.yaml: is a link to {tmp_path / 'gone.yaml'}, which is not there"
    ]


def test_a_link_to_itself_named_like_a_brief_is_said_so(tmp_path: Path) -> None:
    # It was told as a link to a file not there, which the user could see was there.
    root = make_corpus(tmp_path / "corpus", {"good.yaml": fields("good")})
    (root / "briefs" / "loop.yaml").symlink_to("loop.yaml")
    problems = [str(p) for p in load_corpus(root).all_problems]
    assert problems == [
        "briefs/loop.yaml: is a link to loop.yaml, which leads back to it; link to a file"
    ]


def test_a_brief_linked_from_outside_the_corpus_is_not_read(tmp_path: Path) -> None:
    # It was read, and its problems quoted the file it leads to (/etc/passwd, say).
    root = make_corpus(tmp_path / "corpus", {"good.yaml": fields("good")})
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (root / "briefs" / "outside.yaml").symlink_to(secret)
    # A link inside the corpus is read as the file it leads to.
    (root / "briefs" / "kept").mkdir()
    (root / "briefs" / "kept" / "same.yaml").write_text(dump(fields("inside")), encoding="utf-8")
    (root / "briefs" / "inside.yaml").symlink_to(root / "briefs" / "kept" / "same.yaml")
    corpus = load_corpus(root)
    assert [str(p) for p in corpus.all_problems] == [
        f"briefs/outside.yaml: is a link to {secret}, outside the corpus; copy the brief here"
    ]
    assert sorted(b.id for b in corpus.briefs) == ["good", "inside"]


def test_only_yaml_files_in_briefs_are_read(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "corpus", {"sample.yaml": fields()})
    (root / "briefs" / "notes.txt").write_text("not a brief", encoding="utf-8")
    (root / "briefs" / "sample.yaml.bak").write_text("id: [", encoding="utf-8")
    corpus = load_corpus(root)
    assert [e.path for e in corpus.entries] == ["briefs/sample.yaml"]
    assert corpus.all_problems == ()


# Each check -------------------------------------------------------------------------------------


def test_every_key_given_twice_is_told_with_the_briefs_other_errors(tmp_path: Path) -> None:
    # The first repeat alone was told, as "this key appears twice": each was found by another
    # edit and run, and the errors after them only once every one was mended.
    brief = dump(fields()) + "language: es\npublished: 2024-13-01\npublished: 2024-01-05\n"
    brief = brief.replace("\ntitle:", "\ntitle: Second\ntitle:", 1)
    found = [(p.line, p.field, p.in_full) for p in load_one(tmp_path, brief).all_problems]
    first_title = line_of(brief, "title:")
    assert sorted(found) == [
        (
            first_title + 1,
            "title",
            f"given again here, first on line {first_title}; keep one and delete the other",
        ),
        (
            line_of(brief, "language: es"),
            "language",
            f"given again here, first on line {line_of(brief, 'language:')}; keep one and"
            " delete the other",
        ),
        (
            line_of(brief, "published:"),
            "published",
            "'2024-13-01' has no month 13; write it as YYYY-MM-DD",
        ),
        (
            line_of(brief, "published:", 2),
            "published",
            f"given again here, first on line {line_of(brief, 'published:')}; keep one and"
            " delete the other",
        ),
    ]


@pytest.mark.parametrize("name", ["id", "source", "title", "language", "summary", "key_facts"])
def test_each_required_field_is_required(tmp_path: Path, name: str) -> None:
    corpus = load_one(tmp_path, fields(**{name: ...}))
    assert corpus.briefs == ()
    assert any(f == name and "required" in m for f, m in problems_of(corpus))


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"title": ["not", "a", "title"]}, "title", "must be text, not a list"),
        ({"language": 5}, "language", "must be text, not a number"),
        ({"language": False}, "language", "quote it"),  # YAML reads a bare `no` as false
        ({"summary": {"a": 1}}, "summary", "must be text, not a mapping"),
        ({"key_facts": "a string"}, "key_facts", "must be a list of facts, not text"),
        ({"key_facts": []}, "key_facts", "at least one fact"),
        ({"key_facts": ["a sentence"]}, "key_facts[0]", "must be a mapping with fact and quote"),
        ({"places": "Tijuana"}, "places", "must be a list of text"),
        ({"places": ["ok", 3]}, "places[1]", "must be non-empty text"),
        ({"author": 12}, "author", "must be text"),
        ({"published": [2025, 1]}, "published", "must be a date"),
        ({"title": "   "}, "title", "is empty"),
    ],
)
def test_wrong_types_are_named_by_field(
    tmp_path: Path, change: dict[str, Any], field: str, words: str
) -> None:
    corpus = load_one(tmp_path, fields(**change))
    assert any(f == field and words in m for f, m in problems_of(corpus)), problems_of(corpus)
    assert errors(corpus)


def test_wrong_types_inside_a_fact_name_the_fact(tmp_path: Path) -> None:
    facts = [
        {"fact": "fine", "quote": "night shift of 240 workers"},
        {"fact": ["a", "list"], "quote": 42, "kind": "rumour"},
    ]
    found = problems_of(load_one(tmp_path, fields(key_facts=facts)))
    assert ("key_facts[1].fact", "must be text, not a list") in found
    assert (
        "key_facts[1].quote",
        "must be text, not a number (42); put it in quotes, so that it is read as text",
    ) in found
    (kind,) = [m for f, m in found if f == "key_facts[1].kind"]
    assert kind.startswith("must be one of figure, event") and kind.endswith(", not 'rumour'")


@pytest.mark.parametrize("ident", ["Bad_Id", "double--hyphen", "-leading", "trailing-", "é-accent"])
def test_ids_must_follow_the_id_rule(tmp_path: Path, ident: str) -> None:
    corpus = load_one(tmp_path, fields(ident), name=f"{ident}.yaml")
    assert any(f == "id" and "lowercase letters, digits" in m for f, m in problems_of(corpus))


def test_the_id_must_match_the_file_name(tmp_path: Path) -> None:
    corpus = load_one(tmp_path, fields("something-else"), name="sample.yaml")
    assert (
        "id",
        "must equal the file name; set it to sample, or rename the file to something-else.yaml",
    ) in problems_of(corpus)


def test_a_duplicate_id_keeps_the_file_named_after_it(tmp_path: Path) -> None:
    root = make_corpus(
        tmp_path / "corpus",
        # "a-copy" sorts first, but "plant" is the file named after the id.
        {"a-copy.yaml": fields("plant", title="Copy"), "plant.yaml": fields("plant")},
    )
    corpus = load_corpus(root)
    (kept,) = corpus.briefs
    assert kept.title != "Copy"
    # One error, which says to change the id: renaming the copy after it would put it in
    # plant's place.
    (duplicate,) = [p for p in corpus.all_problems if p.file == "briefs/a-copy.yaml"]
    assert duplicate.in_full == "duplicate id 'plant': briefs/plant.yaml has it; set it to a-copy"
    text = (root / "briefs" / "a-copy.yaml").read_text(encoding="utf-8")
    assert duplicate.line == line_of(text, "id: plant")


def test_each_copy_of_an_id_gets_one_error(tmp_path: Path) -> None:
    names = ("dup.yaml", "dup-a.yaml", "dup-b.yaml")
    corpus = load_corpus(make_corpus(tmp_path / "corpus", {n: fields("dup") for n in names}))
    assert sorted(str(p) for p in corpus.all_problems) == [
        f"briefs/dup-{copy}.yaml:1: id: duplicate id 'dup': briefs/dup.yaml has it; set it to"
        f" dup-{copy}"
        for copy in "ab"
    ]


def test_two_files_of_one_id_named_otherwise_are_not_both_told_to_take_its_name(
    tmp_path: Path,
) -> None:
    names = ("dup-x.yaml", "dup-y.yaml")
    corpus = load_corpus(make_corpus(tmp_path / "corpus", {n: fields("dupz") for n in names}))
    told = sorted(str(p) for p in corpus.all_problems)
    assert told == [
        "briefs/dup-x.yaml:1: id: must equal the file name; set it to dup-x, or rename the file"
        " to dupz.yaml",
        "briefs/dup-y.yaml:1: id: duplicate id 'dupz': briefs/dup-x.yaml has it; set it to dup-y",
    ]


def test_a_copy_whose_file_name_is_no_id_is_not_told_to_take_it_as_its_id(
    tmp_path: Path,
) -> None:
    # "set it to Copy of plant": no id may be written so.
    root = make_corpus(
        tmp_path / "corpus", {"Copy of plant.yaml": fields("plant"), "plant.yaml": fields("plant")}
    )
    (told,) = [p for p in load_corpus(root).all_problems if p.file == "briefs/Copy of plant.yaml"]
    assert told.in_full == (
        "duplicate id 'plant': briefs/plant.yaml has it; give the file a name of small letters,"
        " digits and hyphens, and the id that name"
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [({"title": 2024}, "title"), ({"summary": dt.date(2025, 1, 14)}, "summary")],
)
def test_a_number_or_date_where_text_is_wanted_is_told_to_be_quoted(
    tmp_path: Path, change: dict[str, Any], field: str
) -> None:
    (message,) = [m for f, m in problems_of(load_one(tmp_path, fields(**change))) if f == field]
    assert message.endswith("; put it in quotes, so that it is read as text")


def test_a_language_code_in_capitals_is_told_to_be_written_in_small_letters(
    tmp_path: Path,
) -> None:
    corpus = load_one(tmp_path, fields(language="ES", title_en="T"))
    assert problems_of(corpus) == [
        (
            "language",
            "'ES' is not an ISO 639-1 code such as en or es; write it in small letters: es",
        )
    ]


@pytest.mark.parametrize(
    ("written", "code"), [("spa", "es"), ("ESP", "es"), ("eng", "en"), ("Español", "es")]
)
def test_a_language_by_another_code_or_its_name_is_told_its_two_letter_code(
    tmp_path: Path, written: str, code: str
) -> None:
    # "spa", Spanish's code of three letters, was refused with no word of what to write.
    corpus = load_one(tmp_path, fields(language=written, title_en="T"))
    assert problems_of(corpus) == [
        (
            "language",
            f"{written!r} is not an ISO 639-1 code such as en or es; write {code}, its code of"
            " two letters",
        )
    ]


@pytest.mark.parametrize("code", ["xx", "EN", "eng", "english"])
def test_unknown_language_codes_are_errors(tmp_path: Path, code: str) -> None:
    corpus = load_one(tmp_path, fields(language=code, title_en="T"))
    assert any(f == "language" and "ISO 639-1" in m for f, m in problems_of(corpus))


def test_a_brief_in_another_language_needs_an_english_title(tmp_path: Path) -> None:
    corpus = load_one(tmp_path, fields(language="es"))
    assert any(f == "title_en" and "English title" in m for f, m in problems_of(corpus))
    corpus = load_one(tmp_path / "again", fields(language="es", title_en="An English title"))
    assert corpus.all_problems == ()


@pytest.mark.parametrize("name", ["title", "title_en"])
def test_a_title_over_1000_characters_is_a_warning(tmp_path: Path, name: str) -> None:
    corpus = load_one(tmp_path, fields(language="es", **{"title_en": "T", name: "w" * 1_320}))
    assert problems_of(corpus) == [(name, "is 1320 characters long; lists show the start")]
    assert len(corpus.briefs) == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-01-14", dt.date(2025, 1, 14)),
        ("enero 14, 2025", dt.date(2025, 1, 14)),
        ("14 de enero de 2025", dt.date(2025, 1, 14)),
        ("Thu, 12/16/2021 - 14:48", dt.date(2021, 12, 16)),
        ("October 17, 2023", dt.date(2023, 10, 17)),
        # A time after the date: the date is what counts.
        ("1 de marzo de 2024 a las 10:00", dt.date(2024, 3, 1)),
        ("14 de enero de 2025, 10:30 hrs", dt.date(2025, 1, 14)),
        ("January 14, 2025 at 9.15 a.m.", dt.date(2025, 1, 14)),
        # "Mar" is March, as the US press abbreviates it, and Spanish for Tuesday only before
        # another month's name: "Mar 14, 2025" could not be read.
        ("Mar. 14, 2025", dt.date(2025, 3, 14)),
        ("14 Mar 2025", dt.date(2025, 3, 14)),
        ("14 de mar. de 2025", dt.date(2025, 3, 14)),
        ("mar. 14 de enero de 2025", dt.date(2025, 1, 14)),
    ],
)
def test_dates_are_read_as_articles_print_them(
    tmp_path: Path, value: str, expected: dt.date
) -> None:
    (brief,) = load_one(tmp_path, fields(published=value)).briefs
    assert brief.published == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('published: "the day after the holiday"', "cannot read"),
        # Shaped like a date, but no such day: it said to write it as it was written.
        ("published: 2025-02-30", "'2025-02-30': February 2025 has no day 30; give a day it has"),
        ("published: 2024-13-01", "'2024-13-01' has no month 13"),
        # Written as an article prints it, the same.
        (
            'published: "30 de febrero de 2024"',
            "'30 de febrero de 2024': February 2024 has no day 30; give a day it has",
        ),
        (
            'published: "febrero 30 de 2024"',
            "'febrero 30 de 2024': February 2024 has no day 30; give a day it has",
        ),
        (
            'published: "February 30, 2025"',
            "'February 30, 2025': February 2025 has no day 30; give a day it has",
        ),
        # Either way round, as Mexican or American outlets print it: it was read month first.
        ('published: "03/04/2024"', "'03/04/2024' can be read as 3 April or 4 March"),
        ('published: "05.03.2024"', "can be read as 5 March or 3 May"),
        # A year in two digits: 3 May 2024 was filed for a Mexican outlet's 5 March, and 24/03/12
        # as 24 March 2012.
        ("published: 05/03/24", "'05/03/24' gives its year in two digits: its day, month and"),
        ("published: 12-03-24", "'12-03-24' gives its year in two digits"),
        ("published: 24/03/12", "'24/03/12' gives its year in two digits"),
        ('published: "October 2023"', "does not give year, month and day"),
        ('published: "2025"', "does not give year, month and day"),
        # Not quoted, a year is a number: it was said to be no date, with nothing to do.
        (
            "published: 2025",
            "must be a date, not a number (2025); write it as YYYY-MM-DD and say in date_note",
        ),
    ],
)
def test_dates_that_do_not_parse_are_errors_on_their_line(
    tmp_path: Path, text: str, words: str
) -> None:
    brief = dump(fields()) + text + "\n"
    corpus = load_one(tmp_path, brief)
    (problem,) = errors(corpus)
    assert problem.field == "published"
    assert words in problem.in_full
    assert problem.line == line_of(brief, "published:")
    # The date is optional: the brief still loads, undated.
    assert [b.published for b in corpus.briefs] == [None]


@pytest.mark.parametrize(
    ("value", "told"),
    [
        (
            "lunes 14 de enero de 2025",
            "'lunes 14 de enero de 2025' names a Monday, but 14 January 2025 was a Tuesday;"
            " check the date against the article",
        ),
        (
            "Wed, 12/16/2021 - 14:48",
            "'Wed, 12/16/2021 - 14:48' names a Wednesday, but 16 December 2021 was a Thursday;"
            " check the date against the article",
        ),
    ],
)
def test_a_date_whose_weekday_is_wrong_for_it_is_a_warning_naming_both(
    tmp_path: Path, value: str, told: str
) -> None:
    brief = dump(fields()) + f'published: "{value}"\n'
    corpus = load_one(tmp_path, brief)
    assert [(p.line, p.field, p.in_full, p.severity) for p in corpus.all_problems] == [
        (line_of(brief, "published:"), "published", told, "warning")
    ]
    # The date is read as written: the analyst checks which part is wrong.
    assert len(corpus.briefs) == 1 and corpus.briefs[0].published is not None


def test_a_quote_missing_from_its_article_is_reported_on_its_line(tmp_path: Path) -> None:
    facts = [
        {"fact": "240 workers.", "quote": "night shift of 240 workers"},
        {"fact": "Closing.", "quote": "the plant will close in June"},
    ]
    brief = dump(fields(key_facts=facts))
    corpus = load_one(tmp_path, brief)
    (problem,) = errors(corpus)
    assert str(problem) == (
        f"briefs/sample.yaml:{line_of(brief, 'quote:', 2)}: fact 2, quote:"
        " not found in seeds/article.txt; copy the sentence the fact stands on from the"
        " article into the quote, word for word, or remove the fact"
    )
    # The brief still loads, with the quote marked as not found.
    (loaded,) = corpus.briefs
    assert [f.span is None for f in loaded.key_facts] == [False, True]


@pytest.mark.parametrize(
    "quote",
    [
        "Orders from Texas doubled,",  # straight quotes; the article has curly ones
        '"Orders from Texas doubled," said the manager',
        "night shift of 240 workers",  # the article has a non-breaking space before "workers"
        "Tijuana - A plant",  # the article has an em dash
        "The customer's trucks",  # the article has a typographic apostrophe
        "Orders   from\n Texas",  # any white space matches any white space
    ],
)
def test_quotes_match_despite_typography_and_white_space(tmp_path: Path, quote: str) -> None:
    corpus = load_one(tmp_path, fields(key_facts=[{"fact": "f", "quote": quote}]))
    assert corpus.all_problems == ()


@pytest.mark.parametrize(
    ("quote", "anchor"),
    [
        ("orders from texas doubled", "loose"),
        ("Laura Ibanez", "loose"),
        ("Orders from Texas doubled ,", "fuzzy"),
    ],
)
def test_a_quote_found_only_loosely_or_fuzzily_loads_with_a_warning(
    tmp_path: Path, quote: str, anchor: str
) -> None:
    corpus = load_one(tmp_path, fields(key_facts=[{"fact": "f", "quote": quote}]))
    assert errors(corpus) == []
    (problem,) = corpus.all_problems
    assert (problem.field, problem.severity) == ("key_facts[0].quote", "warning")
    (fact,) = corpus.briefs[0].key_facts
    assert fact.anchor == anchor and fact.span is not None


@pytest.mark.parametrize("quote", ["Orders from Chihuahua tripled", "Laura Perez", "Texas Otay"])
def test_a_quote_the_article_does_not_hold_is_an_error(tmp_path: Path, quote: str) -> None:
    corpus = load_one(tmp_path, fields(key_facts=[{"fact": "f", "quote": quote}]))
    assert [p.field for p in errors(corpus)] == ["key_facts[0].quote"]
    (fact,) = corpus.briefs[0].key_facts
    assert (fact.anchor, fact.span) == ("missing", None)


REWRAPPED = (
    "Plant Adds Shift\n"
    "\n"
    "Tijuana \u2014 A plant in the El Florido park will add a night\n"
    "shift of 240 workers. \u201cOrders from Texas doubled,\u201d said the manager,\n"
    "Laura Ib\u00e1\u00f1ez. The customer\u2019s trucks cross at Otay twice a day.\n"
)
"""The article re-extracted with its lines broken elsewhere."""


def test_drifted_quotes_are_warned_about_with_the_articles_wording_and_its_line(
    tmp_path: Path,
) -> None:
    facts = [
        {"fact": "Shift.", "quote": "a night shift of 240 workers"},
        {"fact": "Manager.", "quote": "said the manager, laura ibanez"},
        {"fact": "Trucks.", "quote": "The customer's truks cross at Otay twice a day"},
        {"fact": "Park.", "quote": "A plant in the El Florido prak will add a night shift"},
    ]
    brief = dump(fields(key_facts=facts))
    corpus = load_one(tmp_path, brief, seeds={"article.txt": REWRAPPED})

    assert errors(corpus) == []
    loose, trucks, park = corpus.all_problems
    assert str(loose) == (
        f"briefs/sample.yaml:{line_of(brief, 'laura ibanez')}: fact 2, quote: warning:"
        " matches only when case and accents are ignored; copy the article's wording into the"
        ' quote: seeds/article.txt line 4 reads "said the manager, Laura Ib\u00e1\u00f1ez"'
    )
    assert (trucks.line, trucks.field) == (line_of(brief, "truks"), "key_facts[2].quote")
    assert trucks.severity == "warning"
    assert re.fullmatch(
        r"matches only a passage close to it \(fuzzy, score (9\d|100) of 100\); copy the"
        r" article's wording into the quote: seeds/article.txt line 5 reads"
        r' "The customer\u2019s trucks cross at Otay twice a day"',
        trucks.in_full,
    ), trucks.in_full
    # A passage over two lines of the article is named by its first, and shown on one line.
    assert (park.line, park.field) == (line_of(brief, "prak"), "key_facts[3].quote")
    assert park.in_full.endswith(
        'seeds/article.txt line 3 reads "A plant in the El Florido park will add a night shift"'
    )
    shift, manager, customer, plant = corpus.briefs[0].key_facts
    assert [f.anchor for f in (shift, manager, customer, plant)] == [
        "exact",
        "loose",
        "fuzzy",
        "fuzzy",
    ]
    assert customer.score is not None and 90 <= customer.score < 100
    assert shift.score is manager.score is None


def test_a_quote_close_to_a_passage_but_for_a_number_is_an_error_naming_the_articles_figure(
    tmp_path: Path,
) -> None:
    facts = [
        {"fact": "Shift.", "quote": "will add a night shift of 420 workers"},
        {"fact": "Trucks.", "quote": "The customer's truks cross at Otay twice a day"},
        {"fact": "Park.", "quote": "A plant in the El Florido park will add 2 night shifts"},
    ]
    brief = dump(fields(key_facts=facts))
    corpus = load_one(tmp_path, brief)

    shift, trucks, park = corpus.all_problems
    assert (shift.severity, shift.field) == ("error", "key_facts[0].quote")
    assert str(shift).startswith(
        f"briefs/sample.yaml:{line_of(brief, '420')}: fact 1, quote: differs in a number"
    )
    assert re.fullmatch(
        r"differs in a number from the passage closest to it \(fuzzy, score (9\d|100) of 100\):"
        r' the article has "240" where the quote has "420", so the quote is not taken as found;'
        r" if the fact holds with the article's figure, copy the article's wording into the"
        r" quote, else correct or remove the fact: seeds/article.txt line 3 reads"
        r' "will add a night shift of 240 workers"',
        shift.in_full,
    ), shift.in_full
    # A slip in a word, the numbers alike, is still only a warning.
    assert (trucks.severity, trucks.field) == ("warning", "key_facts[1].quote")
    # A number the article lacks there is named as such.
    assert (park.severity, park.line, park.field) == (
        "error",
        line_of(brief, "2 night"),
        "key_facts[2].quote",
    )
    assert 'the article has no number where the quote has "2"' in park.in_full
    assert park.in_full.endswith(
        'seeds/article.txt line 3 reads "A plant in the El Florido park will add a night shift"'
    )
    # Not found, and not marked as found fuzzily: the fact's figure is not the article's.
    shift_fact, trucks_fact, park_fact = corpus.briefs[0].key_facts
    assert (shift_fact.anchor, shift_fact.span, shift_fact.score) == ("missing", None, None)
    assert (park_fact.anchor, park_fact.span, park_fact.score) == ("missing", None, None)
    assert trucks_fact.anchor == "fuzzy"


def test_a_quote_whose_scale_word_is_not_the_articles_is_an_error_naming_both(
    tmp_path: Path,
) -> None:
    article = (
        "Exportaciones\n\nExports exceeded 57 billion pesos in the first months of the year.\n"
        "El intercambio comercial de 15 mil mdd anuales con Los \u00c1ngeles crece.\n"
    )
    facts = [
        {"fact": "Exports.", "quote": "Exports exceeded 57 million pesos in the first months"},
        {"fact": "Trade.", "quote": "El intercambio comercial de 15 mdd anuales"},
    ]
    corpus = load_one(tmp_path, fields(key_facts=facts), seeds={"article.txt": article})

    million, mdd = corpus.all_problems
    assert (million.severity, million.field) == ("error", "key_facts[0].quote")
    assert re.fullmatch(
        r"differs in a number from the passage closest to it \(fuzzy, score (9\d|100) of 100\):"
        r' the article has "57 billion" where the quote has "57 million", so the quote is not'
        r" taken as found; .* seeds/article.txt line 3 reads"
        r' "Exports exceeded 57 billion pesos in the first months"',
        million.in_full,
    ), million.in_full
    assert (mdd.severity, mdd.field) == ("error", "key_facts[1].quote")
    assert 'the article has "15 mil mdd" where the quote has "15 mdd"' in mdd.in_full
    assert [fact.anchor for fact in corpus.briefs[0].key_facts] == ["missing", "missing"]


def test_a_quote_writing_the_articles_figure_another_way_is_a_warning_and_another_an_error(
    tmp_path: Path,
) -> None:
    article = (
        "Empleo\n\nLa planta de Apodaca sumar\u00e1 57.000 empleos en 2026.\n"
        "The border region has 1,500,000 factory workers.\n"
    )
    facts = [
        {"fact": "Jobs.", "quote": "sumar\u00e1 57 mil empleos en 2026"},
        {"fact": "Workers.", "quote": "has 1.5 million factory workers"},
        {"fact": "More jobs.", "quote": "sumar\u00e1 58 mil empleos en 2026"},
    ]
    brief = dump(fields(key_facts=facts))
    corpus = load_one(tmp_path, brief, seeds={"article.txt": article})

    jobs, workers, more = corpus.all_problems
    assert str(jobs) == (
        f"briefs/sample.yaml:{line_of(brief, '57 mil')}: fact 1, quote: warning:"
        " matches only when case, accents and how its numbers are written are ignored; copy"
        " the article's wording into the quote: seeds/article.txt line 3 reads"
        ' "sumar\u00e1 57.000 empleos en 2026"'
    )
    assert workers.severity == "warning"
    assert workers.in_full.endswith('line 4 reads "has 1,500,000 factory workers"')
    assert (more.severity, more.field) == ("error", "key_facts[2].quote")
    assert 'the article has "57.000" where the quote has "58 mil"' in more.in_full
    assert [fact.anchor for fact in corpus.briefs[0].key_facts] == ["loose", "loose", "missing"]


def test_a_quote_with_one_plant_for_the_articles_two_is_an_error_naming_both(
    tmp_path: Path,
) -> None:
    article = (
        "Plantas\n\nLa empresa abrir\u00e1 dos plantas en Nuevo Le\u00f3n el pr\u00f3ximo"
        " a\u00f1o.\nThe company will open one plant in Coahuila next year, the governor said.\n"
    )
    facts = [
        {"fact": "Plants.", "quote": "La empresa abrir\u00e1 una planta en Nuevo Le\u00f3n el"},
        {"fact": "Plant.", "quote": "The company will open two plants in Coahuila next year"},
        {"fact": "Article.", "quote": "The company will open a plant in Coahuila next year"},
    ]
    corpus = load_one(tmp_path, fields(key_facts=facts), seeds={"article.txt": article})

    plants, plant, slip = corpus.all_problems
    assert [p.severity for p in (plants, plant, slip)] == ["error", "error", "warning"]
    assert 'the article has "dos" where the quote has "una"' in plants.in_full
    assert 'the article has "one" where the quote has "two"' in plant.in_full
    assert [fact.anchor for fact in corpus.briefs[0].key_facts] == ["missing", "missing", "fuzzy"]


def test_a_quote_whose_number_in_words_is_not_the_articles_is_an_error_naming_both(
    tmp_path: Path,
) -> None:
    article = (
        "Plan\n\nThe action plan for 2023-2024 focuses on three key areas of the region.\n"
        "Veintid\u00f3s empresas de la regi\u00f3n trabajan en el tercer pilar del plan"
        " de acci\u00f3n.\n"
    )
    facts = [
        {"fact": "Areas.", "quote": "The action plan for 2023-2024 focuses on four key areas"},
        {
            "fact": "Firms.",
            "quote": "Veinte empresas de la regi\u00f3n trabajan en el tercer pilar del plan",
        },
        {
            "fact": "Pillar.",
            "quote": "Veintid\u00f3s empresas de la regi\u00f3n trabajan en el segundo pilar"
            " del plan",
        },
    ]
    corpus = load_one(tmp_path, fields(key_facts=facts), seeds={"article.txt": article})

    areas, firms, pillar = corpus.all_problems
    assert [p.severity for p in (areas, firms, pillar)] == ["error"] * 3
    assert re.fullmatch(
        r"differs in a number from the passage closest to it \(fuzzy, score (9\d|100) of 100\):"
        r' the article has "three" where the quote has "four", so the quote is not taken as'
        r" found; .* seeds/article.txt line 3 reads"
        r' "The action plan for 2023-2024 focuses on three key areas"',
        areas.in_full,
    ), areas.in_full
    # Each side's number as it writes it, capital and accent kept.
    assert 'the article has "Veintid\u00f3s" where the quote has "Veinte"' in firms.in_full
    assert 'the article has "tercer" where the quote has "segundo"' in pillar.in_full
    assert [fact.anchor for fact in corpus.briefs[0].key_facts] == ["missing"] * 3


def test_a_quote_negating_the_articles_passage_or_leaving_its_negation_out_is_an_error(
    tmp_path: Path,
) -> None:
    article = (
        "Index\n\nEn este per\u00edodo tambi\u00e9n se increment\u00f3 la membres\u00eda"
        " con 60 socios.\n"
        "The plant won't close before March, the company said on Tuesday.\n"
    )
    facts = [
        {
            "fact": "Members.",
            "quote": "en este per\u00edodo tambi\u00e9n no se increment\u00f3 la membres\u00eda",
        },
        {"fact": "Plant.", "quote": "The plant will close before March, the company said"},
    ]
    corpus = load_one(tmp_path, fields(key_facts=facts), seeds={"article.txt": article})

    added, left_out = corpus.all_problems
    assert (added.severity, added.field) == ("error", "key_facts[0].quote")
    assert re.fullmatch(
        r"differs in a negation from the passage closest to it \(fuzzy, score (9\d|100) of"
        r' 100\): the quote says "no" where the article does not, so the quote is not taken as'
        r" found; if the fact holds as the article says it, copy the article's wording into the"
        r" quote, else correct or remove the fact: seeds/article.txt line 3 reads"
        r' "En este per\u00edodo tambi\u00e9n se increment\u00f3 la membres\u00eda"',
        added.in_full,
    ), added.in_full
    assert (left_out.severity, left_out.field) == ("error", "key_facts[1].quote")
    assert 'the article says "won\'t" where the quote does not' in left_out.in_full
    assert [fact.anchor for fact in corpus.briefs[0].key_facts] == ["missing", "missing"]


def test_a_drifted_quote_fixed_as_its_warning_says_is_exact(tmp_path: Path) -> None:
    facts = [{"fact": "Trucks.", "quote": "The customers trucks cross at Otay twice a day"}]
    brief = fields(key_facts=facts)
    (warning,) = load_one(tmp_path / "first", brief).all_problems
    wording = warning.in_full.split(" reads ", 1)[1].removeprefix('"').removesuffix('"')

    facts[0]["quote"] = wording
    fixed = load_one(tmp_path / "second", brief)

    assert fixed.all_problems == ()
    assert fixed.briefs[0].key_facts[0].anchor == "exact"


def test_a_long_drifted_passage_is_cut_in_its_warning_but_still_anchored(tmp_path: Path) -> None:
    sentence = " ".join(f"Plant {n} in Tijuana adds a shift of {n} workers." for n in range(80))
    quote = sentence.replace("Plant 40 in", "Plant 40 at")
    corpus = load_one(
        tmp_path,
        fields(key_facts=[{"fact": "f", "quote": quote}]),
        seeds={"article.txt": f"Title\n\n{sentence}\n"},
    )
    (warning,) = corpus.all_problems
    assert warning.severity == "warning"
    assert warning.in_full.endswith('\u2026"')
    assert "seeds/article.txt line 3 reads" in warning.in_full
    span = corpus.briefs[0].key_facts[0].span
    assert span is not None and span.end - span.start == len(sentence)


def test_fuzzy_searching_stops_at_a_budget_per_brief_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A brief of many long quotes its article lacks must not keep the corpus from loading; the
    # budget is small here so that the second drifted quote is past it.
    slipped = "The customer's truks cross at Otay twice a day"
    monkeypatch.setattr(loader, "FUZZY_WORK_PER_BRIEF", len(slipped) * len(ARTICLE))
    facts = [
        {"fact": "f", "quote": slipped},
        {"fact": "g", "quote": slipped.replace("a day", "daily")},
    ]
    twin = {"fact": "h", "quote": slipped.replace("a day", "daily")}
    corpus = load_corpus(
        make_corpus(
            tmp_path / "c",
            {
                "sample.yaml": fields(key_facts=facts),
                "other.yaml": fields("other", key_facts=[twin]),
            },
        )
    )
    by_id = {b.id: [f.anchor for f in b.key_facts] for b in corpus.briefs}
    assert by_id == {"sample": ["fuzzy", "missing"], "other": ["fuzzy"]}
    (error,) = errors(corpus)
    assert (error.file, error.field) == ("briefs/sample.yaml", "key_facts[1].quote")
    assert error.in_full.startswith("not found in seeds/article.txt (nor looked for with slips")


def test_past_the_budget_a_quote_is_not_found_whatever_another_brief_found_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The other brief, read first, finds the same quote close to a passage but for a number;
    # past its own budget, this brief's copy of it is not looked for with slips at all.
    slipped = "The customer's truks cross at Otay twice a day"
    figure = "A plant in the El Florido park will add 2 night shifts"
    monkeypatch.setattr(loader, "FUZZY_WORK_PER_BRIEF", len(figure) * len(ARTICLE))
    corpus = load_corpus(
        make_corpus(
            tmp_path / "c",
            {
                "a-other.yaml": fields("a-other", key_facts=[{"fact": "f", "quote": figure}]),
                "sample.yaml": fields(
                    key_facts=[{"fact": "f", "quote": slipped}, {"fact": "g", "quote": figure}]
                ),
            },
        )
    )
    by_file = {p.file: p.in_full for p in errors(corpus)}
    assert by_file["briefs/a-other.yaml"].startswith("differs in a number")
    assert by_file["briefs/sample.yaml"].startswith(
        "not found in seeds/article.txt (nor looked for with slips"
    )


def test_unknown_fields_are_warnings_and_the_brief_still_loads(tmp_path: Path) -> None:
    facts = [{"fact": "f", "quote": "night shift of 240 workers", "confidence": "high"}]
    corpus = load_one(tmp_path, fields(rating=5, key_facts=facts))
    assert len(corpus.briefs) == 1
    assert errors(corpus) == []
    assert {(p.field, p.severity) for p in corpus.all_problems} == {
        ("rating", "warning"),
        ("key_facts[0].confidence", "warning"),
    }


def shown(corpus: Corpus) -> list[str]:
    """Every problem as ``briefing validate`` prints it, from the line on."""
    return [str(p).split(":", 1)[1] for p in corpus.all_problems]


def test_a_misspelled_required_field_is_one_error_naming_the_slip_on_its_line(
    tmp_path: Path,
) -> None:
    brief = dump(fields(summary=...)) + "sumary: A plant in Tijuana will add a night shift.\n"
    corpus = load_one(tmp_path, brief)
    assert shown(corpus) == [
        f"{line_of(brief, 'sumary:')}: summary: is required, and sumary on this line looks"
        " like it, misspelled; rename sumary to summary"
    ]


def test_a_misspelled_english_title_of_an_article_in_spanish_is_one_error_on_its_line(
    tmp_path: Path,
) -> None:
    # It was two: a warning on the slip's line, and the title missing on the language's line.
    brief = dump(fields(language="es", Title_en="Kia adds a shift"))
    assert shown(load_one(tmp_path, brief)) == [
        f"{line_of(brief, 'Title_en:')}: title_en: required when language is es, and Title_en"
        " on this line looks like it, misspelled; rename Title_en to title_en"
    ]
    # A draft needs no English title yet: the slip is told all the same.
    draft = dump(fields(language="es", Title_en="Kia adds a shift", status="draft"))
    assert shown(load_one(tmp_path / "draft", draft)) == [
        f"{line_of(draft, 'Title_en:')}: Title_en: warning: unknown field, ignored; did you mean"
        " title_en?"
    ]


def test_a_misspelled_field_of_a_fact_is_one_error_naming_the_slip(tmp_path: Path) -> None:
    facts = [{"fact": "The plant will add 240 workers.", "qoute": "night shift of 240 workers"}]
    brief = dump(fields(key_facts=facts))
    assert shown(load_one(tmp_path, brief)) == [
        f"{line_of(brief, 'qoute:')}: fact 1, quote: is required, and qoute on this line"
        " looks like it, misspelled; rename qoute to quote"
    ]


@pytest.mark.parametrize(("written", "meant"), [("Title_en", "title_en"), ("place", "places")])
def test_an_unknown_field_close_to_a_known_one_is_told_the_name_meant(
    tmp_path: Path, written: str, meant: str
) -> None:
    corpus = load_one(tmp_path, fields(**{written: "x"}))
    assert problems_of(corpus) == [(written, f"unknown field, ignored; did you mean {meant}?")]
    assert len(corpus.briefs) == 1


def test_a_quote_cutting_a_long_run_of_letters_is_told_in_one_readable_problem(
    tmp_path: Path,
) -> None:
    # The "word" of 3,000 letters filled the problem, and its advice was cut off.
    run = "x" * 3_000
    article = f"Intro.\n\nThe plant is {run}legal, said the mayor.\n"
    facts = [{"fact": "Legal.", "quote": "legal, said the mayor"}]
    corpus = load_one(tmp_path, fields(key_facts=facts), seeds={"article.txt": article})
    (problem,) = errors(corpus)
    assert problem.in_full.startswith(f'starts inside the word "{"x" * 39}…" of the article')
    assert "quote whole words" in problem.in_full


def test_a_field_of_its_own_named_after_a_known_one_is_not_taken_for_a_slip(
    tmp_path: Path,
) -> None:
    # "rename source_url to source" would have made an address the article's file name.
    corpus = load_one(tmp_path, fields(source=..., source_url="https://example.com/a"))
    assert (
        "source_url",
        "unknown field, ignored",
    ) in problems_of(corpus)
    assert any(field == "source" and "is required" in text for field, text in problems_of(corpus))


def test_a_fact_field_written_at_the_top_is_told_to_go_under_its_fact(tmp_path: Path) -> None:
    brief = dump(fields()) + "kind: figure\n"
    assert shown(load_one(tmp_path, brief)) == [
        f"{line_of(brief, 'kind:')}: kind: warning: belongs to a key fact, not to the brief, so"
        " it is ignored here; indent it under its fact, in line with that fact's quote:"
    ]


def test_a_quote_dedented_out_of_the_last_fact_is_one_error_on_its_line(
    tmp_path: Path,
) -> None:
    # It was told twice: the fact's quote required, and a warning that quote: belongs to a fact.
    facts = [
        {"fact": "The plant will add 240 workers.", "quote": "night shift of 240 workers"},
        {"fact": "A night shift starts."},
    ]
    brief = dump(fields(key_facts=facts)) + "quote: a night shift\n"
    assert shown(load_one(tmp_path, brief)) == [
        f"{line_of(brief, 'quote: a night')}: fact 2, quote: is required, and the quote: on this"
        " line is at the brief's level; indent it under fact 2, in line with that fact's other"
        " fields"
    ]


@pytest.mark.parametrize("written", ["title_es", "title_fr"])
def test_a_title_in_another_language_is_not_taken_for_a_slip_for_title_en(
    tmp_path: Path, written: str
) -> None:
    corpus = load_one(tmp_path, fields(**{written: "Una planta en Tijuana"}))
    ((field, text),) = problems_of(corpus)
    assert field == written
    assert "title_en?" not in text
    assert "the title in the article's own language is title:" in text


def test_a_quote_written_at_the_top_is_told_to_line_up_with_its_fact(tmp_path: Path) -> None:
    # It was told to go "in line with that fact's quote:", itself.
    brief = "quote: night shift of 240 workers\n" + dump(fields())
    (problem,) = [p for p in load_one(tmp_path, brief).all_problems if p.field == "quote"]
    assert problem.advice == "indent it under its fact, in line with fact:"


def test_a_brief_field_written_in_a_fact_is_told_to_go_to_the_top(tmp_path: Path) -> None:
    facts = [{"fact": "F.", "quote": "night shift of 240 workers", "outlet": "Zeta"}]
    corpus = load_one(tmp_path, fields(key_facts=facts))
    assert problems_of(corpus) == [
        (
            "key_facts[0].outlet",
            "belongs to the brief, not to a key fact, so it is ignored here; move it out of"
            " key_facts, to the start of the line, as id: and title: are written",
        )
    ]


@pytest.mark.parametrize(
    ("name", "advice"),
    [
        ("id", "write id: sample, the file's name without .yaml"),
        ("source", "name the article's file in seeds/, such as source: article.txt"),
        ("title", "give the article's own headline, in the article's language"),
        ("language", "give the ISO 639-1 code of the article's language, such as en or es"),
        ("summary", "write two to five English sentences saying what the article says"),
    ],
)
def test_a_missing_required_field_says_what_to_write(
    tmp_path: Path, name: str, advice: str
) -> None:
    corpus = load_one(tmp_path, fields(**{name: ...}))
    assert (name, f"is required; {advice}") in problems_of(corpus)


def test_a_missing_fact_or_quote_says_what_to_write(tmp_path: Path) -> None:
    corpus = load_one(tmp_path, fields(key_facts=[{"fact": "F."}, {"quote": "240 workers"}]))
    assert problems_of(corpus) == [
        (
            "key_facts[0].quote",
            "is required; copy the passage of the article that supports the fact, word for word",
        ),
        ("key_facts[1].fact", "is required; write one English sentence stating the fact"),
    ]


def test_problems_come_in_the_order_of_the_file(tmp_path: Path) -> None:
    brief = "id: sample\nsource: [x]\ntitle: [x]\nlanguage: 5\nsummary: {a: 1}\npublished: [1]\n"
    corpus = load_one(tmp_path, brief)
    lines = [p.line for p in corpus.all_problems]
    assert lines == sorted(lines)


# Where the article stands on its page ---------------------------------------------------------


def load_page(tmp_path: Path, **changes: Any) -> Corpus:
    return load_one(tmp_path, page_brief(**changes), seeds={"page.txt": PAGE})


def article_of(corpus: Corpus) -> str:
    """The text the brief's edges mark as the article, or "" for the whole page."""
    brief = corpus.briefs[0]
    span = brief.article_span
    text = read_article(corpus.root, brief.source)
    return "" if span is None else text[span.start : span.end]


def test_a_brief_says_where_its_article_starts_and_ends_on_the_page(tmp_path: Path) -> None:
    corpus = load_page(tmp_path)

    # From the headline's own line, not its words in the breadcrumb; to the last line of the
    # article, not the teaser's, which holds the passage but does not end with it.
    assert article_of(corpus).startswith("Plant Adds Shift\n")
    assert article_of(corpus).endswith("cross at Otay twice a day.")
    assert corpus.all_problems == ()


def test_the_article_ends_at_the_last_line_its_last_words_end(tmp_path: Path) -> None:
    # Ending at the first such line could leave the article's own text out of it.
    corpus = load_page(tmp_path, article_ends="240 workers.")

    assert article_of(corpus).endswith("Hiring starts in March, for all 240 workers.")


def test_without_its_edges_a_page_is_the_article_whole(tmp_path: Path) -> None:
    corpus = load_page(tmp_path, article_starts=..., article_ends=...)

    assert corpus.briefs[0].article_span is None


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"article_starts": "Plant Adds Night Shift"},
            (
                "article_starts",
                "not found in seeds/page.txt, so the article is taken to start where the page"
                " does; copy the article's first words, as a line of the page starts with"
                " them, word for word",
            ),
        ),
        (
            {"article_starts": "El Florido park"},
            (
                "article_starts",
                "stands in seeds/page.txt, but does not start a line there, so the article is"
                " taken to start where the page does; copy the article's first words, as a"
                " line of the page starts with them, word for word",
            ),
        ),
        (
            {"article_ends": "News / Plant Adds Shift"},
            (
                "article_ends",
                "ends a line of seeds/page.txt only before article_starts, so the article is"
                " taken to run to the end of the page; copy the last words of the article's"
                " last paragraph",
            ),
        ),
    ],
)
def test_an_edge_not_at_a_line_of_the_page_is_told_and_the_page_edge_taken(
    tmp_path: Path, changes: dict[str, str], expected: tuple[str, str]
) -> None:
    corpus = load_page(tmp_path, **changes)

    assert problems_of(corpus) == [expected]
    assert [p.severity for p in corpus.all_problems] == ["warning"]
    brief_text = dump(page_brief(**changes))
    assert corpus.all_problems[0].line == line_of(brief_text, f"{expected[0]}:")
    field = expected[0]
    page = read_article(corpus.root, "page.txt")
    whole_side = page.startswith if field == "article_starts" else page.endswith
    assert whole_side(article_of(corpus) or page)


def test_a_quote_of_the_page_around_the_article_is_told(tmp_path: Path) -> None:
    facts = [
        {"fact": "The plant will add 240 workers.", "quote": "night shift of 240 workers"},
        {"fact": "A warehouse opens.", "quote": "a warehouse opens"},
        {"fact": "The page is news.", "quote": "Home / News"},
    ]

    corpus = load_page(tmp_path, key_facts=facts)

    assert problems_of(corpus) == [
        (
            "key_facts[1].quote",
            "stands after the article's end (article_ends), among the page's furniture around"
            " it; quote the article's own text, or, if this passage is the article's, move"
            " article_ends to a later line",
        ),
        (
            "key_facts[2].quote",
            "stands before the article's start (article_starts), among the page's furniture"
            " around it; quote the article's own text, or, if this passage is the article's,"
            " move article_starts to an earlier line",
        ),
    ]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"article_ends": "240 workers."},
            (
                "article_ends",
                "ends 2 lines of seeds/page.txt (lines 5, 6); the article is taken to end at the"
                " last, line 6; if it ends at another, quote more of its words: a passage may"
                " run back into the line before",
            ),
        ),
        (
            {"article_starts": "Home / News"},
            (
                "article_starts",
                "starts the first line of seeds/page.txt, so it leaves nothing out; remove it:"
                " a page that starts with the article needs no article_starts",
            ),
        ),
        (
            {"article_ends": "Leave a Reply"},
            (
                "article_ends",
                "ends the last line of seeds/page.txt, so it leaves nothing out; remove it: a"
                " page that ends with the article needs no article_ends",
            ),
        ),
        (
            {"article_starts": "PLANT ADDS SHIFT"},
            (
                "article_starts",
                "stands in seeds/page.txt only in other capitals or accents, so the article is"
                " taken to start where the page does; copy the article's words as it writes"
                " them: case and accents count here",
            ),
        ),
    ],
)
def test_an_edge_at_several_lines_or_at_the_page_s_own_is_told(
    tmp_path: Path, changes: dict[str, str], expected: tuple[str, str]
) -> None:
    corpus = load_page(tmp_path, **changes)

    assert problems_of(corpus) == [expected]
    assert [p.severity for p in corpus.all_problems] == ["warning"]


def test_an_edge_may_run_back_into_the_line_before(tmp_path: Path) -> None:
    # "240 workers." ends two lines; with the end of the line before it, only the last.
    passage = "of 240 workers. Hiring starts in March, for all 240 workers."

    corpus = load_page(tmp_path, article_ends=passage)

    assert corpus.all_problems == ()
    assert article_of(corpus).endswith("Hiring starts in March, for all 240 workers.")


def test_a_page_saved_with_windows_line_ends_and_a_byte_order_mark_has_the_same_article(
    tmp_path: Path,
) -> None:
    windows = "\ufeff" + PAGE.replace("\n", "\r\n")
    brief = page_brief()
    corpus = load_one(tmp_path, brief, seeds={"page.txt": windows.encode("utf-8")})

    assert corpus.all_problems == ()
    assert article_of(corpus) == article_of(load_page(tmp_path / "unix"))


def test_a_slip_in_an_edge_field_is_told_the_field_meant(tmp_path: Path) -> None:
    corpus = load_page(tmp_path, article_starts=..., article_start="Plant Adds Shift")

    assert problems_of(corpus) == [
        ("article_start", "unknown field, ignored; did you mean article_starts?")
    ]


def test_the_article_s_edges_are_kept_in_the_index(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "corpus", {"sample.yaml": page_brief()}, {"page.txt": PAGE})
    from tui.core.store import open_corpus

    built, warm = open_corpus(root), open_corpus(root)  # read from the files, then the index

    headline = PAGE.index("\nPlant Adds Shift\n") + 1
    last = PAGE.index("twice a day.") + len("twice a day.")
    assert built.briefs[0].article_span == warm.briefs[0].article_span == (headline, last)


def test_a_quote_also_standing_on_the_page_around_the_article_is_the_article_s(
    tmp_path: Path,
) -> None:
    # The headline stands first in the breadcrumb; the quote of it is the article's own line.
    facts = [{"fact": "The plant adds a shift.", "quote": "Plant Adds Shift"}]

    corpus = load_page(tmp_path, key_facts=facts)

    assert corpus.all_problems == ()
    span = corpus.briefs[0].key_facts[0].span
    assert span is not None and span.start == PAGE.index("\nPlant Adds Shift\n") + 1


def test_where_the_article_ends_is_looked_for_only_after_where_it_starts(tmp_path: Path) -> None:
    # "Plant Adds Shift" ends the breadcrumb's line too, before the article starts.
    page = PAGE.replace("Hiring starts", "Hiring starts at the Plant Adds Shift\nHiring starts")

    corpus = load_one(
        tmp_path,
        page_brief(article_starts="Tijuana", article_ends="Plant Adds Shift"),
        seeds={"page.txt": page},
    )

    assert corpus.all_problems == ()
    assert article_of(corpus).endswith("at the Plant Adds Shift")


# Sources ----------------------------------------------------------------------------------------


def test_a_source_written_with_seeds_in_front_is_told_to_leave_it_out(tmp_path: Path) -> None:
    corpus = load_one(tmp_path, fields(source="seeds/article.txt"))
    assert problems_of(corpus) == [
        (
            "source",
            "not found: there is no seeds/seeds/article.txt; source names a file inside seeds/,"
            " so leave seeds/ out: source: article.txt",
        )
    ]


@pytest.mark.parametrize(
    ("source", "there"),
    [
        ("001_c8c976b58bad5a7.txt", "001_c8c976b58bad5a79.txt"),  # a character dropped
        ("001_c8c976b58bad5a799.txt", "001_c8c976b58bad5a79.txt"),  # one typed twice
    ],
)
def test_a_source_a_slip_away_from_a_file_in_seeds_names_that_file(
    tmp_path: Path, source: str, there: str
) -> None:
    # It said to put the article back, or correct source:, not which file it may well be.
    corpus_seeds = {there: "A plant will add a night shift of 240 workers.", "other.txt": "x"}
    corpus = load_one(tmp_path, fields(source=source), seeds=corpus_seeds)
    assert problems_of(corpus) == [
        (
            "source",
            f"not found: there is no seeds/{source}; write source: {there} if that file in"
            " seeds/ is the article; else put the article back in seeds/",
        )
    ]


def test_a_source_far_from_every_file_in_seeds_names_none(tmp_path: Path) -> None:
    corpus = load_one(tmp_path, fields(source="gone.txt"), seeds={"article.txt": "x"})
    ((_, message),) = problems_of(corpus)
    assert message.endswith(
        "put the article back in seeds/, or correct source: to name the file it is in"
    )


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("missing.txt", "not found"),
        ("/etc/hostname", "inside seeds/"),
        ("../outside.txt", "inside seeds/"),
        ("sub/../../outside.txt", "inside seeds/"),
        ("", "empty"),
    ],
)
def test_sources_outside_seeds_or_missing_are_refused(
    tmp_path: Path, source: str, words: str
) -> None:
    corpus = load_one(tmp_path, fields(source=source))
    assert any(f == "source" and words in m for f, m in problems_of(corpus)), problems_of(corpus)


@pytest.mark.parametrize("there", ["a file", "not there"])
def test_a_corpus_without_a_seeds_folder_says_so_for_each_source(
    tmp_path: Path, there: str
) -> None:
    # Each brief said only "there is no seeds/article.txt".
    root = make_corpus(tmp_path / "corpus", {"sample.yaml": fields()})
    shutil.rmtree(root / "seeds")
    if there == "a file":
        (root / "seeds").write_text("not a folder", encoding="utf-8")
    problems = problems_of(load_corpus(root))
    assert (
        "source",
        f"not found: the corpus's seeds/ folder is {there}; articles are kept in it",
    ) in problems


def test_a_long_source_is_named_by_its_start(tmp_path: Path) -> None:
    # A source of 5,000 characters made a line of a thousand columns in validate's report.
    corpus = load_one(tmp_path, fields(source="a" * 5_000 + ".txt"))
    ((field, message),) = problems_of(corpus)
    assert field == "source"
    assert message.startswith(f"not found: there is no seeds/{'a' * 60}…; ")


@pytest.mark.parametrize("absolute", [False, True])
def test_a_link_leading_out_of_seeds_is_refused(tmp_path: Path, absolute: bool) -> None:
    root = make_corpus(tmp_path / "corpus", {"sample.yaml": fields(source="link.txt")})
    secret = tmp_path / "secret.txt"
    secret.write_text(ARTICLE, encoding="utf-8")  # the quote would be found there
    target = secret if absolute else Path("..", "..", "secret.txt")
    (root / "seeds" / "link.txt").symlink_to(target)
    corpus = load_corpus(root)
    assert any(f == "source" and "link" in m for f, m in problems_of(corpus))
    assert read_article(root, "link.txt") == ""


def test_an_article_behind_links_leading_round_in_a_loop_says_what_to_do(tmp_path: Path) -> None:
    # "cannot be resolved (a link loop?)": a guess, and nothing to do.
    root = make_corpus(tmp_path / "corpus", {"sample.yaml": fields(source="one.txt")})
    (root / "seeds" / "one.txt").symlink_to("two.txt")
    (root / "seeds" / "two.txt").symlink_to("one.txt")
    assert (
        "source",
        "leads through links that lead back to one another; put the article itself in seeds/ in"
        " the place of the link",
    ) in problems_of(load_corpus(root))


def test_an_article_up_to_a_limit_is_read_as_any_other(tmp_path: Path) -> None:
    article = "\ufeffAn article with \u201ccurly quotes\u201d.\r\n"
    root = make_corpus(tmp_path / "corpus", {}, {"short.txt": article, "long.txt": "x" * 5000})
    texts = ArticleTexts(root)
    assert texts.short_text("short.txt", 4096) == read_article(root, "short.txt")
    expected = "An article with \u201ccurly quotes\u201d.\n"  # no byte-order mark, no CR
    assert texts.short_text("short.txt", 4096) == expected
    # Longer than the limit: the caller reads it another way.
    assert texts.short_text("long.txt", 4096) is None
    assert texts.short_text("long.txt", 5000) == "x" * 5000
    # What cannot be used reads as an empty article, as with read_article.
    assert texts.short_text("missing.txt", 4096) == ""
    assert texts.short_text("../briefs", 4096) == ""


def test_an_article_once_read_is_given_again_without_reading_its_file(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "corpus", {}, {"long.txt": "x" * 5000})
    texts = ArticleTexts(root)
    assert texts.text("long.txt") == "x" * 5000
    (root / "seeds" / "long.txt").write_text("changed since")
    # Kept: given at once, even where its length would have it read in a thread.
    assert texts.short_text("long.txt", 10) == "x" * 5000
    # A corpus read again (after its files changed) reads the article anew.
    assert ArticleTexts(root).text("long.txt") == "changed since"


def test_the_articles_kept_are_bounded_by_their_length(tmp_path: Path) -> None:
    seeds = {f"{n}.txt": str(n) * 100 for n in range(3)}
    root = make_corpus(tmp_path / "corpus", {}, seeds)
    texts = ArticleTexts(root, budget=250)
    for name in seeds:
        texts.text(name)
    for name in seeds:
        (root / "seeds" / name).write_text("read again")
    # The two read last fit the budget; the first was let go and is read from its file again.
    assert [texts.text(name) for name in seeds] == ["read again", "1" * 100, "2" * 100]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_an_article_that_is_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "corpus", {"sample.yaml": fields(source="pipe.txt")})
    os.mkfifo(root / "seeds" / "pipe.txt")
    assert "source: seeds/pipe.txt is not a regular file" in load_elsewhere(root)


@needs_pipes
def test_an_article_made_a_pipe_once_looked_at_is_refused_without_waiting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the name leads to can change between looking at it and reading it.
    root = make_corpus(tmp_path / "corpus", {}, {})
    named_pipe(root / "seeds" / "pipe.txt")
    reader = ArticleReader(root)
    monkeypatch.setattr(reader, "refusal", lambda source: None)  # looked at before the change
    text, _, refusal = without_waiting(lambda: reader.read("pipe.txt"))
    assert text is None
    assert str(refusal) == (
        "seeds/pipe.txt is not a regular file (a named pipe); replace it with a file"
    )


def load_elsewhere(root: Path) -> str:
    """Load ``root`` in a process of its own, so that a loader stuck on a pipe times out.

    Gives the number of briefs loaded, then each problem, one per line.
    """
    script = (
        "import sys; from pathlib import Path; from tui.core.store import load_corpus\n"
        "corpus = load_corpus(Path(sys.argv[1]))\n"
        "print(len(corpus.briefs), *corpus.all_problems, sep='\\n')\n"
    )
    # Opening a pipe for reading waits for a writer: run the loader where it can be timed out.
    result = subprocess.run(
        [sys.executable, "-c", script, str(root)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_link_within_seeds_is_followed(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "corpus", {"sample.yaml": fields(source="alias.txt")})
    (root / "seeds" / "alias.txt").symlink_to("article.txt")
    assert load_corpus(root).all_problems == ()


def test_an_article_that_is_not_utf8_is_shown_with_replacement_characters(tmp_path: Path) -> None:
    latin1 = "La planta contrató a 80 personas en Mexicali.\n".encode("latin-1")
    corpus = load_one(
        tmp_path,
        fields(key_facts=[{"fact": "f", "quote": "a 80 personas en Mexicali"}]),
        seeds={"article.txt": latin1},
    )
    assert len(corpus.briefs) == 1 and errors(corpus) == []
    (warning,) = corpus.all_problems
    assert warning.severity == "warning" and "UTF-8" in warning.in_full
    assert "contrat\ufffd a 80" in read_article(corpus.root, "article.txt")


def test_an_empty_article_is_a_warning_and_its_quotes_are_not_found(tmp_path: Path) -> None:
    corpus = load_one(tmp_path, fields(), seeds={"article.txt": ""})
    found = {(p.field, p.severity) for p in corpus.all_problems}
    assert found == {("source", "warning"), ("key_facts[0].quote", "error")}


def test_an_article_of_several_megabytes_is_loaded(tmp_path: Path) -> None:
    line = "Trucks crossed at Otay with parts for the plant, the broker said.\n"
    body = line * (6 * MIB // len(line))
    ending = "The last truck carried \u201c42 pallets\u201d of sensors."
    quote = 'The last truck carried "42 pallets" of sensors.'
    corpus = load_one(
        tmp_path,
        fields(key_facts=[{"fact": "f", "quote": quote}]),
        seeds={"article.txt": body + ending + "\n"},
    )
    assert corpus.all_problems == ()
    span = corpus.briefs[0].key_facts[0].span
    assert span is not None
    assert read_article(corpus.root, "article.txt")[span.start : span.end] == ending


def test_an_article_over_32_mib_is_refused_unread(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "corpus", {"sample.yaml": fields()})
    with (root / "seeds" / "article.txt").open("r+b") as handle:
        handle.truncate(32 * MIB + 1)  # sparse: costs no disk
    corpus = load_corpus(root)
    assert any(f == "source" and "32 MiB" in m for f, m in problems_of(corpus))


def test_a_brief_up_to_1_mib_loads_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    text = dump(fields()) + "date_note: "
    exactly = text + "x" * (MIB - len(text.encode()) - 1) + "\n"
    assert len(exactly.encode()) == MIB
    assert len(load_one(tmp_path / "a", exactly).briefs) == 1
    corpus = load_one(tmp_path / "b", exactly + "#")
    assert corpus.briefs == ()
    (problem,) = corpus.all_problems
    assert "larger than 1 MiB" in problem.in_full


# Files that are not what they seem -------------------------------------------------------------


def test_an_empty_brief_file_is_reported(tmp_path: Path) -> None:
    for content in ("", "# only a comment\n", "---\n"):
        corpus = load_one(tmp_path / str(len(content)), content)
        assert [p.in_full for p in corpus.all_problems] == ["is empty; a brief needs its fields"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("id: café\n".encode("latin-1"), "(saved in another encoding, such as Latin-1?)"),
        ("id: café\n".encode("utf-16"), "is saved as UTF-16 text; save it as UTF-8"),
        (b"id: a\n---\nid: b\n", "a second YAML document starts here"),
        (b"- a\n- list\n", "must be a mapping of fields, not a list"),
        (b"just a sentence\n", "must be a mapping of fields, not text"),
        (b"id: x\ntitle: 'unclosed\n", "YAML syntax error"),
        (b"id: x\ntitle: a \x1b[2J b\n", "U+001B is not allowed"),
    ],
)
def test_files_that_are_not_briefs_are_reported(tmp_path: Path, content: bytes, words: str) -> None:
    corpus = load_one(tmp_path, content)
    assert corpus.briefs == ()
    assert any(words in p.in_full for p in corpus.all_problems), problems_of(corpus)


def test_a_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    corpus = load_one(tmp_path, b"\xef\xbb\xbf" + dump(fields()).encode())
    assert corpus.all_problems == () and len(corpus.briefs) == 1


def test_windows_line_ends_keep_line_numbers(tmp_path: Path) -> None:
    brief = dump(fields(rating=5))
    corpus = load_one(tmp_path, brief.replace("\n", "\r\n").encode())
    (warning,) = corpus.all_problems
    assert warning.line == line_of(brief, "rating:")
    assert len(corpus.briefs) == 1


def test_windows_line_ends_in_an_article_still_match_and_count_lines(tmp_path: Path) -> None:
    article = ARTICLE.replace("\n", "\r\n")
    corpus = load_one(tmp_path, fields(), seeds={"article.txt": article.encode()})
    assert corpus.all_problems == ()
    text = read_article(corpus.root, "article.txt")
    assert text.splitlines() == ARTICLE.splitlines()


def test_a_folder_named_like_a_brief_is_reported(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "corpus", {"good.yaml": fields("good")})
    (root / "briefs" / "folder.yaml").mkdir()
    corpus = load_corpus(root)
    assert [b.id for b in corpus.briefs] == ["good"]
    assert [p.file for p in corpus.all_problems] == ["briefs/folder.yaml"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_named_like_a_brief_does_not_hang_the_loader(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "corpus", {"good.yaml": fields("good")})
    os.mkfifo(root / "briefs" / "pipe.yaml")
    count, *problems = load_elsewhere(root).splitlines()
    assert count == "1"
    assert problems == ["briefs/pipe.yaml: is not a regular file; only files are read"]


# Text that could act on the terminal -------------------------------------------------------------


def test_terminal_escapes_and_invisible_characters_are_removed_from_fields(tmp_path: Path) -> None:
    title = "Plant\x1b[2J\x1b[H report\x1b]0;pwned\x07 \x1b]52;c;aGVsbG8=\x07now\u200b\u202e!"
    corpus = load_one(
        tmp_path,
        fields(title=title, summary="Bell\x07 and\x08 tab\there.", places=["Oh\x1b[5mtay"]),
    )
    (brief,) = corpus.briefs
    assert brief.title == "Plant report now!"
    assert brief.summary == "Bell and tab here."
    assert brief.places == ("Ohtay",)
    assert {(p.field, p.severity) for p in corpus.all_problems} == {
        ("title", "warning"),
        ("summary", "warning"),
        ("places[0]", "warning"),
    }


def test_markup_emoji_and_right_to_left_text_are_kept_literally(tmp_path: Path) -> None:
    title = "[bold red]Alert[/] [@click=app.quit]quit[/] \U0001f389 مرحبا שלום"
    corpus = load_one(tmp_path, fields(title=title))
    assert corpus.all_problems == ()
    assert corpus.briefs[0].title == title


def test_an_emoji_joined_of_several_is_shown_apart_without_a_warning(tmp_path: Path) -> None:
    # A mechanic (woman, skin tone, wrench) and a heart on fire: the joiners inside them are
    # dropped, since terminals disagree on such an emoji's width, but they hide nothing.
    mechanic, fire = "\U0001f469\U0001f3fd\u200d\U0001f527", "\u2764\ufe0f\u200d\U0001f525"
    corpus = load_one(tmp_path, fields(title=f"Plant {mechanic} {fire}", topics=[mechanic]))
    assert corpus.all_problems == ()
    assert corpus.briefs[0].title == "Plant \U0001f469\U0001f3fd\U0001f527 \u2764\ufe0f\U0001f525"
    assert corpus.briefs[0].topics == ("\U0001f469\U0001f3fd\U0001f527",)
    # A joiner elsewhere (between letters, or with something hidden beside it) is still told.
    hidden = load_one(tmp_path / "b", fields(title=f"Pla\u200dnt {mechanic}\u202e"))
    assert [(p.field, p.severity) for p in hidden.all_problems] == [("title", "warning")]


def test_problems_are_one_visible_line_whatever_the_file_holds(tmp_path: Path) -> None:
    root = make_corpus(
        tmp_path / "corpus",
        {
            "\x1b[2Jclear.yaml": "- a list\n",
            "sample.yaml": dump(fields())
            + '"\\e]0;pwned\\a\\nsecond line": 1\n'
            + "title_en: !<!%1b%5d0;x%07> tagged\n",
        },
    )
    corpus = load_corpus(root)
    assert len(corpus.all_problems) >= 2
    for problem in corpus.all_problems:
        shown = str(problem)
        assert "\n" not in shown
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in shown), shown
    assert any("\\x1b" in str(p) for p in corpus.all_problems)


def test_very_long_values_do_not_make_very_long_problems(tmp_path: Path) -> None:
    corpus = load_one(
        tmp_path,
        fields(language="x" * 10_000, published="y" * 10_000, **{"z" * 10_000: 1}),
    )
    assert len(corpus.all_problems) == 3
    assert all(len(str(p)) < 500 for p in corpus.all_problems)


def test_a_very_long_title_loads_with_a_warning(tmp_path: Path) -> None:
    corpus = load_one(tmp_path, fields(title="word " * 2_000))
    assert len(corpus.briefs[0].title) == len(("word " * 2_000).strip())
    assert [(p.field, p.severity) for p in corpus.all_problems] == [("title", "warning")]
