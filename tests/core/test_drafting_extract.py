"""A saved web page's article, without the page around it, and a draft of it that validates."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tests.kit.corpus import FIXTURES, fields, make_corpus
from tui.core.drafting.adding import (
    STDIN,
    InputError,
    add_articles,
    commit,
    corpus_gazetteer,
    prepare,
)
from tui.core.drafting.extract import NoArticle, extract_page
from tui.core.drafting.metadata import find_title
from tui.core.drafting.sentences import article_edges, is_end_marker, is_furniture
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


@pytest.mark.parametrize("name", ["juarez-plant-expansion.html", "tijuana-exportaciones.html"])
def test_the_headline_and_each_paragraph_are_set_apart_by_a_blank_line(name: str) -> None:
    # As in an article saved as text: the page's paragraphs ran on one line after another.
    text = extract_page(page(name)).text
    assert text.endswith("\n") and not text.endswith("\n\n")
    blocks = text.rstrip("\n").split("\n\n")
    assert len(blocks) >= 4
    assert all(block.strip() and "\n" not in block for block in blocks), blocks


def test_the_pages_metadata_is_read() -> None:
    extracted = extract_page(page("juarez-plant-expansion.html"))
    assert extracted.title == "Auto Parts Maker Expands Ciudad Juárez Plant, Adding 1,200 Jobs"
    assert extracted.author == "Laura Méndez"
    assert extracted.date == "2024-03-05"
    assert extracted.outlet == "Border Industry Report"


ARTICLE_BODY = (
    "<p>GUADALAJARA, Jalisco.- Foxconn ampliará su planta en El Salto con una inversión de 80"
    " millones de dólares y 1,200 empleos nuevos, informó la Secretaría de Desarrollo Económico"
    " del estado este martes.</p><p>La empresa taiwanesa dijo que la nueva línea producirá"
    " servidores para clientes de Estados Unidos a partir del segundo semestre del año.</p>"
    "<p>La ampliación se suma a otras tres inversiones anunciadas en la zona metropolitana"
    " durante el primer trimestre, según datos de la dependencia estatal.</p>"
)


LONG_HEADLINE = "Kia ampliará planta en Pesquería con inversión de 1.000 millones de dólares"


@pytest.mark.parametrize(
    ("title", "outlet"),
    [
        ("Foxconn amplía planta en Jalisco | El Informador", "El Informador"),
        ("Foxconn amplía planta en Jalisco - Diario Frontera Norte", "Diario Frontera Norte"),
        # A headline longer than its outlet, which the extractor took for the site's name.
        (f"{LONG_HEADLINE} | El Norte Industrial", "El Norte Industrial"),
        # Not an outlet: a headline's own dash, or what follows a bar that is half the title.
        ("Foxconn amplía planta en Jalisco", None),
        ("Foxconn amplía planta | y crea 1,200 empleos nuevos en El Salto, Jalisco", None),
    ],
)
def test_the_outlet_a_pages_title_ends_with_is_the_outlet(title: str, outlet: str | None) -> None:
    # A page naming its outlet only after its headline in <title> gave a draft without one.
    headline = (
        title.partition(" | ")[0] if LONG_HEADLINE in title else "Foxconn amplía planta en Jalisco"
    )
    html = (
        f"<html><head><title>{title}</title></head><body><article>"
        f"<h1>{headline}</h1>{ARTICLE_BODY}</article></body></html>"
    )
    assert extract_page(html).outlet == outlet


def test_a_page_without_an_article_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NoArticle):
        extract_page("<html><body></body></html>")
    # A section page has links and labels only: nothing to draft a fact from.
    root = make_corpus(tmp_path / "corpus", seeds={})
    with pytest.raises(InputError, match="no article"):
        prepare(str(PAGES / "section-index.html"), corpus_gazetteer(root))


HOME_PAGE = """<!DOCTYPE html><html lang="es"><head><meta charset="utf-8">
<title>Portada | Noticias del Bajío</title></head><body>
<div class="aviso">Usamos cookies para mejorar su experiencia de navegación.
<button>Aceptar</button>
</div>
<nav><a href="/">Inicio</a> <a href="/industria">Industria</a> <a href="/estados">Estados</a></nav>
<section><h2>Lo más leído</h2><ul>
<li><a href="/1">Crece 4% el empleo en los parques de Celaya</a></li>
<li><a href="/2">Una armadora abrirá su segunda línea en Silao</a></li>
<li><a href="/3">El peso cierra la semana en 19.80 por dólar</a></li>
</ul></section>
<footer>© 2025 Noticias del Bajío. Todos los derechos reservados.</footer></body></html>
"""
"""A news site's home page: no article, only a cookie notice, links and labels."""


def test_a_home_page_with_a_cookie_notice_is_refused_as_a_page_with_no_article(
    tmp_path: Path,
) -> None:
    # Its cookie notice was drafted as the article: the summary's opening and its only fact.
    saved = tmp_path / "portada.html"
    saved.write_text(HOME_PAGE, encoding="utf-8")
    with pytest.raises(InputError, match="no article.*save the article's own page"):
        prepare(str(saved), corpus_gazetteer(tmp_path))


@pytest.mark.parametrize(
    ("title", "heading", "told"),
    [
        ("404", "404", '"404"'),
        ("Página no encontrada", "404", '"404"'),
        ("Error 404 - Page not found", "Sorry, this page is gone", '"404"'),
        ("Página no encontrada | Noticias del Bajío", "Ups", '"Página no encontrada'),
    ],
)
def test_a_sites_error_page_is_refused_as_a_page_with_no_article(
    tmp_path: Path, title: str, heading: str, told: str
) -> None:
    # Drafted as an article, the draft's id "404" then failed to validate, which said nothing of
    # what was wrong.
    saved = tmp_path / "nota.html"
    saved.write_text(
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Inicio</a></nav>"
        f"<h1>{heading}</h1><p>Lo sentimos, la página que busca no existe o fue movida a otra"
        " dirección del sitio.</p><p><a href='/'>Volver a la portada</a></p></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="error page") as refused:
        prepare(str(saved), corpus_gazetteer(tmp_path))
    assert told in str(refused.value) and "save the page" in str(refused.value)


def test_a_headline_opening_with_a_figure_is_no_error_page(tmp_path: Path) -> None:
    saved = tmp_path / "nota.html"
    saved.write_text(
        TESLA_PAGE.format(
            title="500 empleos más en Saltillo",
            opening="Una proveedora de asientos contratará a 500 personas en Saltillo este año,"
            " informó la empresa.",
            more="La planta producirá 2,000 asientos al día a partir de octubre de 2025.",
        ),
        encoding="utf-8",
    )
    assert (
        prepare(str(saved), corpus_gazetteer(tmp_path)).draft.title == "500 empleos más en Saltillo"
    )


# The time stamp stands in a paragraph of its own: the lowest extractor supported (trafilatura
# 2.0.0) runs a time stamp in a span into the paragraph after it, where the newest parts them.
WIRE_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Border plants add night shifts | Wire Desk</title></head><body>
<div class="consent"><p>We and our 98 partners store and access information on your device, such
as cookies, to measure ads and content.</p><button>Accept all</button></div>
<article><h1>Border plants add night shifts</h1>
<p class="updated">Updated 3 hours ago</p>
<p>NOGALES, Mexico, May 6 (Wire) - Three harness plants in Nogales added night shifts this
month, hiring 1,400 workers between them, the state's economy ministry said.</p>
<p>The plants supply cables to car makers in Arizona and Michigan, and expect orders to grow 9%
this year.</p>
<p>Subscribe to our newsletter for the week's top trade stories.</p>
<p>Reporting by Ana Ruiz in Nogales and Tom Hale in Phoenix; Additional reporting by Eva Stone;
Editing by Mark Webb</p>
<p><a href="/standards">Our Standards: The Wire Desk Trust Principles.</a>, opens new tab</p>
</article></body></html>
"""
"""A news agency's story as its page gives it: a consent notice, a time stamp, a subscription
prompt, the credits and the agency's standards around the story."""
WIRE_FURNITURE = (
    "partners",
    "Updated",
    "Subscribe",
    "Reporting by",
    "Additional reporting",
    "Editing by",
    "Our Standards",
    "opens new tab",
)


def test_an_agencys_credits_and_a_sites_notices_are_left_out_of_a_pages_article(
    tmp_path: Path,
) -> None:
    # The credits became a fact ("Reporting by … in Mexico City"), and the time stamp and the
    # agency's standards stayed in the article's text.
    root = make_corpus(tmp_path / "corpus", seeds={})
    saved = tmp_path / "wire.html"
    saved.write_text(WIRE_PAGE, encoding="utf-8")
    commit(root, prepare(str(saved), corpus_gazetteer(root)))
    (brief,) = load_corpus(root).briefs
    article = (root / brief.source_path).read_text(encoding="utf-8")
    assert "hiring 1,400 workers" in article and "grow 9%" in article
    drafted = [brief.summary, *(f"{fact.fact} {fact.quote}" for fact in brief.key_facts)]
    for furniture in WIRE_FURNITURE:
        assert furniture not in article
        assert not any(furniture in written for written in drafted)


DATED_PARAGRAPHS = {
    "es": (
        "Vexa amplía su planta en Apodaca",
        "La empresa Vexa Components ampliará su planta en Apodaca con una inversión de 40"
        " millones de dólares, con la que sumará 300 empleos, informó su gerente.",
        "La planta surte arneses a armadoras de Texas y Michigan, y espera que sus pedidos"
        " crezcan 9% este año.",
    ),
    "en": (
        "Vexa expands its Apodaca plant",
        "Vexa Components will expand its plant in Apodaca with an investment of 40 million"
        " dollars, adding 300 jobs, its manager said.",
        "The plant supplies harnesses to car makers in Texas and Michigan, and expects orders to"
        " grow 9% this year.",
    ),
}
"""A headline and two paragraphs, in each language, of an article whose page dates it only
with a line of its body."""


@pytest.mark.parametrize(
    ("language", "stamp", "where", "published"),
    [
        ("es", "Publicado el 12 de febrero de 2025.", "below the headline", "2025-02-12"),
        ("es", "Publicado el 12 de febrero de 2025.", "at the end", "2025-02-12"),
        ("es", "Actualizado el 13 de febrero de 2025.", "at the end", "2025-02-13"),
        ("en", "Published February 4, 2025", "below the headline", "2025-02-04"),
        ("en", "Published February 4, 2025", "above the headline", "2025-02-04"),
    ],
)
def test_a_publication_line_in_a_pages_article_dates_its_draft_as_in_a_text(
    tmp_path: Path, language: str, stamp: str, where: str, published: str
) -> None:
    # The page's article lost its "Publicado el …" line, dropped with the time stamps, and its
    # draft had no date; the same article saved as text was dated by it.
    headline, *paragraphs = DATED_PARAGRAPHS[language]
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    stamped = f"<p>{stamp}</p>"
    article = {
        "below the headline": f"<h1>{headline}</h1>{stamped}{body}",
        "above the headline": f"{stamped}<h1>{headline}</h1>{body}",
        "at the end": f"<h1>{headline}</h1>{body}{stamped}",
    }[where]
    saved = tmp_path / "nota.html"
    saved.write_text(
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{headline}</title></head><body><article>{article}</article></body></html>",
        encoding="utf-8",
    )
    as_text = tmp_path / "nota.txt"
    lines = (
        (headline, *paragraphs, stamp) if where == "at the end" else (headline, stamp, *paragraphs)
    )
    as_text.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    from_page = prepare(str(saved), corpus_gazetteer(tmp_path))
    from_text = prepare(str(as_text), corpus_gazetteer(tmp_path))
    assert from_page.draft.published == from_text.draft.published == published
    # The line stays in the article kept in seeds/, where the analyst can check the date, below
    # the headline that opens it; it is never a fact.
    kept = from_page.text.decode("utf-8")
    assert kept.startswith(f"{headline}\n\n") and stamp in kept
    assert not any(stamp in fact["quote"] for fact in from_page.draft.fields["key_facts"])


@pytest.mark.parametrize(
    "furniture",
    [
        "Reporting by Ana Ruiz in Nogales and Tom Hale in Phoenix; Additional reporting by Eva"
        " Stone in Mexico City and Luis Paz in Hermosillo; Editing by Mark Webb and Sara Lind",
        "Con información de Ana Ruiz en Nogales; edición de Marco Webb.",
        "Reportería de Ana Ruiz y Tomás Hale.",
        "Utilizamos cookies propias para mejorar su experiencia de navegación en este sitio.",
        "We use cookies to give you the best experience on our website, and by going on you"
        " agree to it.",
        "Este contenido es exclusivo para suscriptores de la edición impresa y digital.",
    ],
)
def test_a_texts_credits_and_notices_are_kept_but_never_drafted(
    tmp_path: Path, furniture: str
) -> None:
    # A text is kept byte for byte, page furniture and all; none of it is a fact, a quote or the
    # summary's opening.
    root = make_corpus(tmp_path / "corpus", seeds={})
    article = tmp_path / "nota.txt"
    raw = (
        f"Plantas de Nogales suman turnos nocturnos\n\n{furniture}\n\n"
        "Tres plantas de arneses de Nogales abrieron turnos nocturnos este mes y contrataron a"
        " 1,400 personas, informó la secretaría estatal.\n\n"
        "Las plantas surten cables a armadoras de Arizona y Michigan, y esperan que sus pedidos"
        " crezcan 9% este año.\n\n"
        f"{furniture}\n"
    ).encode()
    article.write_bytes(raw)
    commit(root, prepare(str(article), corpus_gazetteer(root)))
    (brief,) = load_corpus(root).briefs
    assert (root / brief.source_path).read_bytes() == raw
    opening = brief.summary.split(" opens: ", 1)[1]
    assert opening.startswith("Tres plantas de arneses")
    assert furniture not in brief.summary
    for fact in brief.key_facts:
        assert fact.quote not in furniture and furniture not in fact.fact


@pytest.mark.parametrize(
    "prose",
    [
        "The plant will bake cookies for our customers in Texas and Arizona.",
        "We expect to export 40 million cookies a year, the plant manager said.",
        "Its cookies line will improve the experience of local suppliers, the company said.",
    ],
)
def test_an_articles_sentence_on_cookies_is_prose_not_a_notice(prose: str) -> None:
    # Any line naming cookies beside "we", "our" or "experience" was dropped as a site's notice:
    # a plant that bakes them is news in this field.
    assert not is_furniture(prose)


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
    assert {"SE", "INEGI", "IMMEX", "CCE"} <= set(brief.organizations)
    assert "USMCA" in brief.topics  # an agreement, not an organization
    assert {"Tijuana", "Baja California", "United States"} <= set(brief.places)
    assert brief.outlet == "Diario Frontera Norte"


TESLA_PAGE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>{opening}</p>"
    "<p>{more}</p></article></body></html>"
)


@pytest.mark.parametrize(
    ("title", "opening", "more"),
    [
        (
            "Tesla pospone su planta en Nuevo León",
            "Tesla pospuso la construcción de su planta de 5,000 millones de dólares en Santa"
            " Catarina, informó el gobierno estatal.",
            "La obra estaba prevista para iniciar en 2024 y emplear a 6,000 personas.",
        ),
        (
            "Tesla puts its Nuevo León plant on hold",
            "Tesla's planned gigafactory in Santa Catarina was put on hold, the state government"
            " said on Tuesday.",
            "The 5 billion dollar plant was to employ 6,000 people from 2024.",
        ),
    ],
    ids=["spanish", "english"],
)
def test_a_company_in_the_headline_and_once_in_the_body_is_listed(
    tmp_path: Path, title: str, opening: str, more: str
) -> None:
    # Named once in the body, opening its first sentence, Tesla was not listed.
    root = make_corpus(tmp_path / "corpus", seeds={})
    saved = tmp_path / "tesla.html"
    saved.write_text(TESLA_PAGE.format(title=title, opening=opening, more=more), encoding="utf-8")
    commit(root, prepare(str(saved), corpus_gazetteer(root)))
    (brief,) = load_corpus(root).briefs
    assert brief.organizations == ("Tesla",)


# Encodings and permissions -------------------------------------------------------------------

SPANISH_PAGE = (
    "<html><head>{meta}<title>Crecen exportaciones en Mexicali</title></head><body><article>"
    "<h1>Crecen exportaciones en Mexicali</h1>"
    "<p>Las exportaciones de la industria maquiladora de Mexicali crecieron 6.7% anual entre"
    " enero y octubre de 2024, según datos del INEGI.</p>"
    "<p>La alcaldesa Norma Alicia Bustamante señaló que el volumen de exportaciones superó los"
    " 57 mil millones de pesos en los primeros diez meses del año.</p>"
    "<p>“Es un año histórico”, dijo el presidente de la cámara, que espera 20% más de"
    " inversión.</p></article></body></html>"
)
"""A Spanish article as a page saved on Windows: accents, eñes and curly quotes."""


@pytest.mark.parametrize(
    "meta",
    [
        "",
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
        '<meta charset="utf-8">',
    ],
    ids=["declaring-nothing", "declaring-latin-1", "declaring-utf-8-wrongly"],
)
def test_a_page_saved_in_windows_1252_keeps_its_letters_and_quotes(
    tmp_path: Path, meta: str
) -> None:
    # The eñes came out as "ń" ("seńaló"), and under the Latin-1 label the curly quotes were
    # dropped: in seeds/ and in every quote drafted from it.
    saved = tmp_path / "nota.html"
    saved.write_bytes(SPANISH_PAGE.format(meta=meta).encode("cp1252"))
    text = prepare(str(saved), corpus_gazetteer(tmp_path)).text.decode("utf-8")
    assert "señaló" in text and "“Es un año histórico”" in text


def test_a_page_in_another_declared_encoding_is_read_as_declared(tmp_path: Path) -> None:
    saved = tmp_path / "nota.html"
    meta = '<meta charset="iso-8859-15">'
    saved.write_bytes(
        SPANISH_PAGE.format(meta=meta).replace("“", '"').replace("”", '"').encode("iso-8859-15")
    )
    text = prepare(str(saved), corpus_gazetteer(tmp_path)).text.decode("utf-8")
    assert "señaló" in text and '"Es un año histórico"' in text


def test_a_utf16_text_is_refused_with_the_encoding_to_save_it_in(tmp_path: Path) -> None:
    # As Notepad saves "Unicode": it was called a binary file, which says nothing of the fix.
    article = tmp_path / "nota.txt"
    article.write_bytes(
        "Crecen exportaciones.\n\nLas exportaciones crecieron 6.7%.".encode("utf-16")
    )
    with pytest.raises(InputError, match="is UTF-16 text; save it as UTF-8"):
        prepare(str(article), corpus_gazetteer(tmp_path))


@pytest.mark.parametrize(
    "opening",
    [b"\xef\xbb\xbf", b"<!-- saved from url=(0040)https://example.com/news/tijuana -->\n"],
    ids=["byte-order-mark", "saved-from-comment"],
)
def test_a_page_on_standard_input_is_read_as_a_page_after_a_mark_or_a_comment(
    tmp_path: Path, opening: bytes
) -> None:
    # Taken for a text: the page's markup went into seeds/ as the article, and into its title.
    data = opening + (PAGES / "juarez-plant-expansion.html").read_bytes()
    prepared = prepare(STDIN, corpus_gazetteer(tmp_path), data)
    assert prepared.page is not None
    assert prepared.draft.title == "Auto Parts Maker Expands Ciudad Juárez Plant, Adding 1,200 Jobs"
    assert b"<html" not in prepared.text


def test_an_added_article_its_page_and_its_brief_are_readable_as_the_corpus_is(
    tmp_path: Path,
) -> None:
    # They were readable by their owner alone: colleagues sharing the folder could not read them.
    root = make_corpus(tmp_path / "corpus", seeds={})
    outcome = commit(
        root, prepare(str(PAGES / "juarez-plant-expansion.html"), corpus_gazetteer(root))
    )
    assert outcome.brief is not None and outcome.source is not None
    seed = root / outcome.source
    usual = tmp_path / "written-as-any-file"
    usual.write_text("x", encoding="utf-8")
    for path in (root / outcome.brief, seed, seed.with_suffix(".html")):
        assert stat.S_IMODE(path.stat().st_mode) == stat.S_IMODE(usual.stat().st_mode), path.name


def test_a_corpus_folder_that_cannot_be_written_is_named_not_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_corpus(tmp_path / "corpus", seeds={})
    prepared = prepare(str(PAGES / "juarez-plant-expansion.html"), corpus_gazetteer(root))

    def refused(path: Path, *args: object, **options: object) -> None:
        # As a folder the user may not write to refuses the temporary file made in it.
        temporary = path.parent / f".{path.name}.k0cfska7.tmp"
        raise PermissionError(13, "Permission denied", str(temporary))

    monkeypatch.setattr("tui.core.drafting.adding.write_atomically", refused)
    (outcome,) = add_articles(root, [prepared.input], workers=1)
    assert outcome.status == "error" and outcome.error is not None
    assert f"into {root / 'seeds'}: Permission denied" in outcome.error
    assert ".tmp" not in outcome.error


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Por Ana Martínez", "Ana Martínez"),
        ("POR ANA MARTÍNEZ", "ANA MARTÍNEZ"),
        ("Porfirio Díaz", "Porfirio Díaz"),
    ],
)
def test_the_author_of_a_page_is_named_without_the_word_of_its_byline(
    byline: str, author: str
) -> None:
    written = page("tijuana-exportaciones.html")
    original = '<p class="autor">Por Ricardo Torres | enero 14, 2025</p>'
    assert original in written
    extracted = extract_page(written.replace(original, f'<p class="byline">{byline}</p>'))
    assert extracted.author == author


# Where a draft says the article stands on its page ---------------------------------------------

WORDPRESS_TAIL = (
    "Share this:\nFacebook\nTwitter\nLike this:\nLike Loading...\nTags: nearshoring\n"
    "Previous article: Ensenada port handles record containers\nRelated\n"
)
BODY = (
    "Plant in Tijuana adds a night shift\n"
    "A plant in the El Florido park will add a night shift of 240 workers, its manager said.\n"
    "Orders from Texas doubled this year, and trucks cross at Otay twice a day.\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "Share this:",
        "Like this:",
        "Like Loading...",
        "Skip to content",
        "Menu",
        "News > Business",
        "Noticias » Economía » Maquila",
        "Tags: nearshoring, Tijuana",
        "Share this story",
        "Share this article",
        "Compartir en Facebook",
        "Comparte esta nota",
        # A share line listing its sites, a like button with its label, on one line each.
        "Share this: Twitter Facebook",
        "Compartir en: Facebook, WhatsApp, X",
        "Like this: Like Loading...",
        "Me gusta esto: Me gusta Cargando...",
        # Share buttons each with its label, or with none.
        "Share on Facebook | Share on X | Share on WhatsApp | Copy link",
        "Compartir en Facebook | Compartir en X | Compartir en WhatsApp | Copiar enlace",
        "Facebook | X | WhatsApp | Copy link",
    ],
)
def test_a_sites_own_links_and_labels_are_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Trucks cross > 200 a day at Otay, officials said.",
        "Menus at the plant changed in May.",
        "Like this plant, others will follow.",
        "Compartir en: la planta crecerá.",
        "Loading docks at the plant doubled.",
        # Headlines and a quotation, not breadcrumbs.
        "Mexico exports > imports for the first time",
        "Remittances > $60 billion in 2024",
        "« Nous investissons » a dit le directeur",
        # Prose naming the networks or sharing.
        "Share on X of the plant's output rose to 40% this year.",
        "Facebook, X and WhatsApp are blocked on the plant's network.",
        "Compartir en Facebook las vacantes fue idea del gerente.",
    ],
)
def test_prose_with_an_arrow_or_a_furniture_word_is_not_furniture(line: str) -> None:
    assert not is_furniture(line)
    assert not is_end_marker(line)


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("Previous article: Ensenada port handles record containers", True),
        ("Nota siguiente", True),
        ("Next article of the USMCA says the panel rules on steel", False),
    ],
)
def test_a_link_to_the_next_story_ends_the_article_and_a_sentence_about_one_does_not(
    line: str, ends: bool
) -> None:
    assert is_end_marker(line) == ends


@pytest.mark.parametrize(
    ("page_text", "expected"),
    [
        # A site's links before the article and its tail after: both sides are marked.
        (
            "Skip to content\nMenu\nNews > Business\n" + BODY + WORDPRESS_TAIL,
            ("Plant in Tijuana adds a night shift", "and trucks cross at Otay twice a day."),
        ),
        # A standfirst printed twice, after a menu: the article is marked from the first on
        # into the second, the one place those words start a line.
        (
            "Menu\n" + "Orders from Texas doubled this year.\n" * 2 + BODY,
            (
                "Orders from Texas doubled this year. Orders from Texas doubled this year.",
                None,
            ),
        ),
        # A teaser after the article ends with the article's last eight words: the whole last
        # paragraph is given, which ends no other line.
        (
            BODY + "Check Also\nThis year, and trucks cross at Otay twice a day.\n",
            (
                None,
                "Orders from Texas doubled this year, and trucks cross at Otay twice a day.",
            ),
        ),
        # The same tail as a site may print it, the buttons of each kind on one line.
        (
            BODY + "Share this: Twitter Facebook\nLike this: Like Loading...\nRelated\n",
            (None, "and trucks cross at Otay twice a day."),
        ),
        # Share buttons each with its label, before another story's teaser.
        (
            BODY + "Share on Facebook | Share on X | Copy link\nYou May Like\n"
            "Port of Ensenada sets a record\n",
            (None, "and trucks cross at Otay twice a day."),
        ),
        # Share buttons above the headline, as the benchmark's corpus has them.
        (
            "Share this story\nFacebook\nTwitter\nLinkedIn\nWhatsApp\n" + BODY,
            ("Plant in Tijuana adds a night shift", None),
        ),
        # Clutter copied with the article: a site's trail ending with the headline and a cookie
        # notice above it, share buttons each with its label below it.
        (
            "Border Report > Business > Plant in Tijuana adds a night shift\n"
            "We use cookies to improve your experience. By continuing you accept our cookie"
            " policy. Accept\n" + BODY + "Share on Facebook | Share on X | Copy link\n",
            ("Plant in Tijuana adds a night shift", "and trucks cross at Otay twice a day."),
        ),
        # The article alone: nothing to mark.
        (BODY, (None, None)),
        # A headline holding one mark a trail's labels are set apart by is the article's own.
        ("Tijuana | " + BODY, (None, None)),
        ("Ford / Mexico: " + BODY, (None, None)),
    ],
)
def test_a_draft_marks_the_article_off_by_words_found_at_one_line_each(
    tmp_path: Path, page_text: str, expected: tuple[str | None, str | None]
) -> None:
    assert article_edges(page_text) == expected
    # And the loader finds them there, without a word about them.
    edges = {"article_starts": expected[0], "article_ends": expected[1]}
    brief = fields(source="page.txt", **{k: v for k, v in edges.items() if v is not None})
    corpus = load_corpus(
        make_corpus(tmp_path / "c", {"sample.yaml": brief}, {"page.txt": page_text})
    )
    assert corpus.all_problems == ()


def test_share_buttons_above_the_headline_are_not_its_title() -> None:
    page_text = "Share this story\nFacebook\nTwitter\nLinkedIn\nWhatsApp\n\n" + BODY
    assert find_title(page_text) == "Plant in Tijuana adds a night shift"


CLUTTERED = {
    "en": (
        "Home / Business / Manufacturing",
        "Border Industry News > Business > Magna to expand Ramos Arizpe plant",
        "We use cookies to improve your experience. By continuing you accept our cookie policy."
        " Accept",
        "Magna to expand Ramos Arizpe plant with 120 million dollar investment",
        "By Daniel Ortega",
        "RAMOS ARIZPE, Coahuila — March 18, 2025 — Magna International will invest 120 million"
        " dollars to expand its seating plant in Ramos Arizpe, adding 850 jobs over the next two"
        " years, the company said.",
        "The expansion adds 32,000 square meters to the plant, which supplies General Motors and"
        " Ford assembly lines in Coahuila and Texas.",
        "Local officials said the municipality would improve roads around the industrial park,"
        " with works worth 45 million pesos.",
        "Share on Facebook | Share on X | Share on WhatsApp | Copy link",
        "You May Like",
        "Bosch opens new electronics plant in Querétaro",
        "Port of Manzanillo sets container record",
        "© 2025 Border Industry News. All rights reserved.",
        "Privacy Policy | Terms of Use",
    ),
    "es": (
        "Inicio / Negocios / Manufactura",
        "Noticias de la Frontera > Negocios > Magna ampliará su planta en Ramos Arizpe",
        "Usamos cookies para mejorar tu experiencia. Al continuar aceptas nuestra política de"
        " cookies. Aceptar",
        "Magna ampliará su planta en Ramos Arizpe con inversión de 120 millones de dólares",
        "Por Daniel Ortega",
        "RAMOS ARIZPE, Coahuila — 18 de marzo de 2025 — Magna International invertirá 120"
        " millones de dólares para ampliar su planta de asientos en Ramos Arizpe, con lo que"
        " sumará 850 empleos en los próximos dos años, informó la empresa.",
        "La ampliación suma 32 mil metros cuadrados a la planta, que surte a las líneas de"
        " ensamble de General Motors y Ford en Coahuila y Texas.",
        "Funcionarios locales dijeron que el municipio mejorará las calles alrededor del parque"
        " industrial, con obras por 45 millones de pesos.",
        "Compartir en Facebook | Compartir en X | Compartir en WhatsApp | Copiar enlace",
        "Te puede interesar",
        "Bosch abre nueva planta de electrónica en Querétaro",
        "Puerto de Manzanillo rompe récord de contenedores",
        "© 2025 Noticias de la Frontera. Todos los derechos reservados.",
        "Aviso de privacidad | Términos de uso",
    ),
}
"""An article copied with its web page, as a text: breadcrumbs, a cookie notice, share buttons,
teasers and a footer around a headline, a byline and three paragraphs, the first opening with
its dateline."""


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_texts_page_clutter_is_outside_the_article_its_draft_marks_off(
    tmp_path: Path, language: str
) -> None:
    # The article was marked off from the site's trail above the headline, the cookie notice
    # below it within the article (the filter found the brief by "cookies"), up to the end of
    # the share line; and the notice, read as the first paragraph, hid the dateline's date.
    lines = CLUTTERED[language]
    headline, last_paragraph = lines[3], lines[7]
    root = make_corpus(tmp_path / "corpus", seeds={})
    saved = tmp_path / "magna.txt"
    saved.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    prepared = prepare(str(saved), corpus_gazetteer(root))
    drafted = prepared.draft.fields
    assert drafted.get("article_starts") == " ".join(headline.split()[:8])
    assert drafted.get("article_ends") == " ".join(last_paragraph.split()[-8:])
    assert drafted.get("published") == "2025-03-18"
    # The reader and the filter take the article from the headline to its last paragraph: the
    # cookie notice and the share buttons stand outside it.
    commit(root, prepared)
    (brief,) = load_corpus(root).briefs
    assert brief.article_span is not None
    text = (root / brief.source_path).read_text(encoding="utf-8")
    article = text[brief.article_span.start : brief.article_span.end]
    assert article.startswith(headline) and article.endswith(last_paragraph)


# Prompts to follow the site, to get its newsletter or to comment -------------------------------

PROMPTS = (
    "Síguenos en Google News para mantenerte informado.",
    "Follow us on Google News for the latest updates.",
    "Síguenos en Facebook, X e Instagram para más noticias.",
    "Únete a nuestro canal de WhatsApp.",
    "Recibe nuestro boletín con las noticias del día en tu correo.",
    "Get our newsletter in your inbox every morning.",
    "Deja tu comentario. Inicia sesión para comentar.",
    "Leave a comment. Log in to comment.",
)
"""What a site asks of its readers below a story, in either language."""
PROMPTED_STORY = (
    "Arneses del Norte suma un turno en Nogales",
    "Arneses del Norte abrió un turno nocturno en su planta de Nogales y contrató a 400"
    " personas, informó la empresa.",
    # Prose naming what the prompts name is no prompt.
    "Según el boletín de la cámara, los pedidos de arneses crecieron 9% este año.",
)


def story_with(prompt: str) -> str:
    """``PROMPTED_STORY`` as a saved page, ``prompt`` below it."""
    headline, *paragraphs = PROMPTED_STORY
    body = "".join(f"<p>{paragraph}</p>" for paragraph in [*paragraphs, prompt])
    return (
        '<!DOCTYPE html><html lang="es"><head><meta charset="utf-8">'
        f"<title>{headline}</title></head><body><article><h1>{headline}</h1>{body}"
        "</article></body></html>"
    )


@pytest.mark.parametrize("prompt", PROMPTS)
def test_a_prompt_to_follow_subscribe_or_comment_below_a_pages_story_is_never_drafted(
    tmp_path: Path, prompt: str
) -> None:
    # "Síguenos en Google News para mantenerte informado." was the draft's last fact (an actor),
    # and "Deja tu comentario. Inicia sesión para comentar." was searched as the article's text.
    root = make_corpus(tmp_path / "corpus", seeds={})
    saved = tmp_path / "nota.html"
    saved.write_text(story_with(prompt), encoding="utf-8")
    commit(root, prepare(str(saved), corpus_gazetteer(root)))
    (brief,) = load_corpus(root).briefs
    text = (root / brief.source_path).read_text(encoding="utf-8")
    span = brief.article_span
    article = text if span is None else text[span.start : span.end]
    assert article.rstrip().endswith(PROMPTED_STORY[-1])
    first_words = prompt.split(".")[0]
    assert first_words not in article
    drafted = [brief.summary, *(f"{fact.fact} {fact.quote}" for fact in brief.key_facts)]
    assert not any(first_words in written for written in drafted)
    quotes = [fact.quote for fact in brief.key_facts]
    assert any("crecieron 9%" in quote for quote in quotes)


COMMENT_PROMPTS = PROMPTS[-2:]


@pytest.mark.parametrize("prompt", PROMPTS)
def test_a_prompt_below_a_texts_story_is_outside_the_article_its_draft_marks_off(
    tmp_path: Path, prompt: str
) -> None:
    # A text is kept as it is: the draft marks where the story ends, above the prompt; below a
    # comment prompt, the readers' comments are outside the article too.
    saved = tmp_path / "nota.txt"
    comments = ["Juan Pérez: ojalá contraten también en Agua Prieta y en Cananea pronto."]
    below = [prompt, *(comments if prompt in COMMENT_PROMPTS else [])]
    saved.write_text("\n\n".join([*PROMPTED_STORY, *below]) + "\n", encoding="utf-8")
    drafted = prepare(str(saved), corpus_gazetteer(tmp_path)).draft.fields
    assert drafted.get("article_ends") == " ".join(PROMPTED_STORY[-1].split()[-8:])
    written = [f"{fact['fact']} {fact['quote']}" for fact in drafted["key_facts"]]
    assert not any(prompt.split(".")[0] in each or "Agua Prieta" in each for each in written)
