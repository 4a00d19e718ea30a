"""Filtering briefs by what a user types, as the index answers it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.kit.corpus import FUZZY_BRIEF, LOOSE_BRIEF, REPO, drift_quotes
from tui.core.model import Corpus
from tui.core.search import match_expression, parse_query
from tui.core.store import load_corpus


def matching(query: str) -> set[str]:
    return matching_in(load_corpus(REPO), query)


def test_an_empty_query_matches_every_brief() -> None:
    assert matching("") == {e.key for e in load_corpus(REPO).entries}


@pytest.mark.parametrize("query", ["marcelo ebrard", "MARCELO EBRARD", "Ebrard Marcelo"])
def test_case_and_word_order_do_not_matter(query: str) -> None:
    assert matching(query) == matching("Marcelo Ebrard")
    assert "ebrard-municipal-convoy-los-angeles" in matching(query)


def test_accents_do_not_matter() -> None:
    assert matching("internacionalizacion") == matching("internacionalización") != set()


def test_every_word_must_be_found() -> None:
    assert (
        matching("mexicali")
        > matching("mexicali maquiladora")
        > matching("mexicali maquiladora zzzz-not-there")
    )
    assert matching("zzzz-not-there") == set()


def test_the_article_text_is_searched_too() -> None:
    # "Check Also" is page furniture in article 000: never quoted, so only the article has it.
    brief = (REPO / "briefs" / "mexicali-cce-nearshoring.yaml").read_text(encoding="utf-8")
    article = (REPO / "seeds" / "000_ab291024c49c3cf3.txt").read_text(encoding="utf-8")
    assert "check also" not in brief.lower() and "check also" in article.lower()
    assert "mexicali-cce-nearshoring" in matching("check also")


def test_a_word_finds_the_words_it_starts() -> None:
    assert matching("maquila") == matching("maquiladora") != set()
    assert "mexicali-maquiladora-exports-2024" in matching("maquila")


def test_the_list_order_is_kept() -> None:
    corpus = load_corpus(REPO)
    found = corpus.entries.find(parse_query("mexicali"))
    assert found == sorted(found) and len(found) >= 2


@pytest.mark.parametrize(
    "typed", ['"', "near(a b)", "a OR b", "title:x", "(", "*", "^", "-", "'", 'a"b', "\x00"]
)
def test_nothing_typed_is_taken_as_an_operator_of_the_index(typed: str) -> None:
    # Every one is searched as words (or narrows nothing), never an error from the index.
    corpus = load_corpus(REPO)
    found = corpus.entries.find(parse_query(typed))
    assert set(found) <= set(range(len(corpus.entries)))


def test_a_word_is_quoted_whole_for_the_index() -> None:
    assert match_expression(["mexico", 'a"b']) == '"mexico"* "a""b"*'


# The anchor status of quotes ---------------------------------------------------------------------


@pytest.fixture
def drifted(corpus_dir: Path) -> Corpus:
    drift_quotes(corpus_dir)
    return load_corpus(corpus_dir)


def matching_in(corpus: Corpus, query: str) -> set[str]:
    return {corpus.entries[i].key for i in corpus.entries.find(parse_query(query))}


def test_the_drifted_corpus_has_the_anchors_the_filter_tests_need(drifted: Corpus) -> None:
    anchors = {b.id: [f.anchor for f in b.key_facts] for b in drifted.briefs}
    assert anchors[LOOSE_BRIEF][0] == "loose"
    assert anchors[FUZZY_BRIEF][1:3] == ["fuzzy", "missing"]
    others = set(anchors) - {LOOSE_BRIEF, FUZZY_BRIEF}
    assert all(set(anchors[i]) == {"exact"} for i in others)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("anchor:loose", {LOOSE_BRIEF}),
        ("anchor:fuzzy", {FUZZY_BRIEF}),
        ("anchor:missing", {FUZZY_BRIEF}),
        ("anchor:f", {FUZZY_BRIEF}),  # the start of a status is enough
        ("ANCHOR:Fuzzy", {FUZZY_BRIEF}),
        ("anchor:fuzzy ebrard", set()),  # with words, every one must hold
        ("anchor:loose ebrard", {LOOSE_BRIEF}),
        ("anchor:loose anchor:missing", set()),
        ("anchor:zzz", set()),  # no such status: a word no brief holds
    ],
)
def test_the_anchor_term_selects_briefs_by_how_their_quotes_were_found(
    drifted: Corpus, query: str, found: set[str]
) -> None:
    assert matching_in(drifted, query) == found


def test_the_anchor_term_alone_or_exact_keeps_every_brief(drifted: Corpus) -> None:
    every = {e.key for e in drifted.entries}
    assert matching_in(drifted, "anchor:") == every  # as it is while being typed
    assert matching_in(drifted, "anchor:exact") == every


@pytest.mark.parametrize("word", ["fuzzy", "loose", "missing", "exact", "anchor", "anchor:"])
def test_the_statuses_are_not_words_a_plain_search_finds(
    drifted: Corpus, corpus_dir: Path, word: str
) -> None:
    # The same search in the same corpus with every quote exact finds the same briefs.
    assert matching_in(drifted, f"{word} mexicali") == matching(f"{word} mexicali")
    assert matching_in(drifted, word) == matching(word)
