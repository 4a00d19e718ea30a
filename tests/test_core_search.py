"""Filtering briefs by what a user types."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.loader import load_corpus
from tui.core.search import filter_indices, narrows, query_terms

REPO = Path(__file__).resolve().parent.parent


def matching(query: str) -> set[str]:
    corpus = load_corpus(REPO)
    found = filter_indices(query_terms(query), corpus.search_texts)
    return {corpus.entries[i].key for i in found}


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


def test_narrowing_a_search_keeps_to_the_earlier_matches() -> None:
    corpus = load_corpus(REPO)
    texts = corpus.search_texts
    wide = filter_indices(query_terms("mexicali"), texts)
    narrow = filter_indices(query_terms("mexicali exports"), texts, within=wide)
    assert narrow == filter_indices(query_terms("mexicali exports"), texts)
    assert narrows(query_terms("mexicali"), query_terms("mexicali exports"))
    assert narrows(query_terms("mexi"), query_terms("mexicali"))
    assert not narrows(query_terms("mexicali"), query_terms("tijuana"))
