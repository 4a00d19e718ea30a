"""A saved web page's article, without the page around it, and a draft of it that validates."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.kit.corpus import FIXTURES, make_corpus
from tui.core.drafting.adding import InputError, commit, corpus_gazetteer, prepare
from tui.core.drafting.extract import NoArticle, extract_page
from tui.core.store import load_corpus

PAGES = FIXTURES / "pages"
FURNITURE = (
    "Share on Facebook",
    "WhatsApp",
    "Check Also",
    "Tijuana Industrial Parks",
    "Leave a Reply",
    "cookies",
    "Photo: Company handout",
    "Subscribe",
    "All rights reserved",
    "Privacy",
    "Contenido relacionado",
    "compartir nota",
    "Inauguran nuevo parque",
)


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def test_the_body_is_kept_and_the_furniture_left_out() -> None:
    extracted = extract_page(page("juarez-plant-expansion.html"))
    assert extracted.text.startswith("Auto Parts Maker Expands Ciudad Juárez Plant")
    assert "invest 85 million dollars" in extracted.text
    assert "first production line should start operating" in extracted.text
    for furniture in FURNITURE:
        assert furniture not in extracted.text


def test_the_pages_metadata_is_read() -> None:
    extracted = extract_page(page("juarez-plant-expansion.html"))
    assert extracted.title == "Auto Parts Maker Expands Ciudad Juárez Plant, Adding 1,200 Jobs"
    assert extracted.author == "Laura Méndez"
    assert extracted.date == "2024-03-05"
    assert extracted.outlet == "Border Industry Report"


def test_a_page_without_an_article_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NoArticle):
        extract_page("<html><body></body></html>")
    # A section page has links and labels only: nothing to draft a fact from.
    root = make_corpus(tmp_path / "corpus", seeds={})
    with pytest.raises(InputError, match="no article"):
        prepare(str(PAGES / "section-index.html"), corpus_gazetteer(root))


@pytest.mark.parametrize(
    ("name", "language", "published", "author"),
    [
        ("juarez-plant-expansion.html", "en", "2024-03-05", "Laura Méndez"),
        ("tijuana-exportaciones.html", "es", "2025-01-14", "Ricardo Torres"),
    ],
)
def test_a_page_gives_a_draft_that_the_loader_accepts(
    tmp_path: Path, name: str, language: str, published: str, author: str
) -> None:
    root = make_corpus(tmp_path / "corpus", seeds={})
    outcome = commit(root, prepare(str(PAGES / name), corpus_gazetteer(root)))
    assert outcome.status == "added"
    assert (outcome.language, outcome.published) == (language, published)
    corpus = load_corpus(root)
    assert [p for p in corpus.all_problems if p.severity == "error"] == []
    (brief,) = corpus.briefs
    assert brief.is_draft and brief.author == author
    assert all(not fact.reviewed and fact.span is not None for fact in brief.key_facts)
    assert all(fact.needs_english == (language != "en") for fact in brief.key_facts)
    article = (root / brief.source_path).read_text(encoding="utf-8")
    for furniture in FURNITURE:
        assert furniture not in article
    # Every figure the body reports is among the facts.
    quoted = " ".join(fact.quote for fact in brief.key_facts)
    figures = (
        ["85 million", "1,200 jobs", "9.3%", "3,500"]
        if language == "en"
        else ["12%", "620", "15 nuevos"]
    )
    for figure in figures:
        assert figure in quoted
    # The page is kept beside its text, so that the text can be extracted again.
    assert (root / "seeds" / Path(brief.source).with_suffix(".html")).read_bytes() == (
        PAGES / name
    ).read_bytes()


def test_the_spanish_page_names_its_field(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "corpus", seeds={})
    commit(root, prepare(str(PAGES / "tijuana-exportaciones.html"), corpus_gazetteer(root)))
    (brief,) = load_corpus(root).briefs
    assert {"SE", "INEGI", "IMMEX", "USMCA", "CCE"} <= set(brief.organizations)
    assert {"Tijuana", "Baja California", "United States"} <= set(brief.places)
    assert brief.outlet == "Diario Frontera Norte"
