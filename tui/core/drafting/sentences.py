"""An article's text as paragraphs and sentences, with the web page's furniture told apart.

Articles are saved from news sites, and a saved text often carries what surrounded the article
on the page: breadcrumbs, share buttons, a teaser for another story, a comment prompt. None of it
is the article, so none of it may become a fact or a summary.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tui.core.quotes import FoldedArticle

_COMMENT_PROMPT = (
    r"(?:(?:leave|post|add|write|submit) (?:a|your) (?:comment|reply|response)"
    r"|(?:log|sign) in to (?:comment|reply|(?:leave|post) a comment)"
    r"|you must be logged in to (?:post a )?comment|comments are closed"
    r"|(?:deja|dejar|deje|escribe|escriba|agrega|añade) (?:tu|su|un|una) (?:comentario|respuesta"
    r"|opinión)|(?:inicia|iniciar|inicie) sesión para (?:comentar|opinar|dejar (?:tu|su|un) "
    r"comentario)|(?:debes|necesitas|tienes que) iniciar sesión para comentar"
    r"|los comentarios están cerrados|comenta esta (?:nota|noticia))"
)
"""A page's prompt to comment on the story: "Leave a comment", "Log in to comment", "Deja tu
comentario", "Inicia sesión para comentar". It stands below the story, above its comments."""
# A line that ends the article: whatever follows it on a page is another story's teaser, a
# comment form or a list of links.
_END_MARKERS = re.compile(
    r"^(check also|you may like|you might also like|related( articles| stories| posts| news)?|"
    r"read more|more stories|most popular|most read|comments?|recommended|trending|"
    r"contenido relacionado|notas relacionadas|te puede interesar|también te puede interesar|"
    r"lo más leído|lo más visto|comentarios|relacionad[oa]s|más noticias|"
    # Comment prompts, one or a few on a line: "Deja tu comentario. Inicia sesión para comentar."
    rf"{_COMMENT_PROMPT}(\s*[.!]?\s+{_COMMENT_PROMPT})*\s*[.!]?|"
    # A link to the story before or after this one on the site, alone or with its title after
    # a colon: "Next article of the USMCA says" is a sentence.
    r"(previous|next|older|newer) (article|post|story|news)(\s*:.{0,150})?|"
    r"(artículo|nota|noticia|entrada) (anterior|siguiente)(\s*:.{0,150})?)\s*:?$",
    re.IGNORECASE,
)
_NETWORK = (
    r"(facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|threads|bluesky|email"
    r"|e-mail|correo|print|imprimir|copy link|copiar enlace)"
)
"""A site or a way a page's share buttons offer."""
_NETWORKS = (
    rf"((\s*[,|·]\s*|\s+)({_NETWORK}|more|más"
    rf"|share (on|via) \w+|(compartir|comparte|comparta) en \w+))*"
)
"""The sites and ways a share line lists after its first button: "Share this: Twitter
Facebook", each perhaps with its own label, "Share on Facebook | Share on X | Copy link". Each
separator matches one way only: spaces that could be split among optional parts are tried in
every split, seconds for a line of a dozen sites."""
_FOLLOWED_ON = (
    r"(?:google news|google noticias|google discover|facebook|twitter|x|instagram|tiktok|youtube"
    r"|whatsapp|telegram|threads|linkedin|bluesky|(?:nuestras |las )?redes(?: sociales)?"
    r"|(?:our )?social (?:media|networks))"
)
"""Where a site asks its readers to follow it: Google News, a social network."""
_FOLLOW_PROMPT = (
    # Who is followed is "us" or the site's name, of a few words: "Follow El Heraldo on X".
    r"(?:follow(?: us| [^\s.]+(?: [^\s.]+){0,3})|s[ií]guenos|s[ií]ganos|s[ií]gannos"
    r"|sigue a [^\s.]+(?: [^\s.]+){0,3})\s+(?:on|en|in|via|vía|a través de|por)\s+"
    rf"{_FOLLOWED_ON}\b.*"
    r"|(?:join|únete a|unete a) (?:our|nuestro|nuestra)\b.*\b(?:channel|canal|comunidad|community"
    r"|group|grupo)\b.*"
)
"""A prompt to follow the site: "Síguenos en Google News", "Follow us on Facebook, X and
Instagram", "Únete a nuestro canal de WhatsApp"."""
_NEWSLETTER_PROMPT = (
    # A newsletter named, and a sentence opening with what to do to get it ("Recibe …",
    # "Get …"): a sentence telling what a newsletter said is prose.
    r"(?=.*\b(?:newsletters?|boletín|boletin|inbox|bandeja de entrada|tu correo|su correo"
    r"|your email)\b)(?:.*[.!?]\s+)?[¿¡]?(?:subscribe|sign up|get|receive|join|suscr[ií]bete"
    r"|suscr[ií]base|reg[ií]strate|reg[ií]strese|inscr[ií]bete|inscr[ií]base|recibe|reciba|únete"
    r"|unete|quieres recibir|want to (?:get|receive))\b.*"
)
"""A prompt to get the site's newsletter: "Recibe nuestro boletín en tu correo", "Get our
newsletter in your inbox"."""
_LABEL = r"[A-ZÁÉÍÓÚÑ0-9][^\s.!?>›»]*(?: [A-ZÁÉÍÓÚÑ&y][^\s.!?>›»]*){0,3}"
"""A label of a site's breadcrumbs: up to four words, each capitalised but a joining "y" or
"&" ("Economía y Finanzas")."""
# Lines and sentences that belong to the page, wherever they stand.
_FURNITURE = re.compile(
    r"^(home\s*[/>›»|].*|inicio\s*[/>›»|].*|"
    rf"share( it| this( story| article| post| page| news)?| on \w+| via \w+)?[!:]?{_NETWORKS}|"
    r"(compartir|comparte|comparta)( esta| la)?( nota| noticia| publicación| en \w+| en)?:?"
    rf"{_NETWORKS}|"
    # Breadcrumbs without "Home": short capitalised labels apart by arrows ("News > Business"),
    # not a headline's "Mexico exports > imports" nor a quotation's « ».
    rf"{_LABEL}(\s[>›»]\s{_LABEL}){{1,6}}|"
    # A site's own links: to skip its menus, its menu and search, the likes of a post, its tags.
    r"skip to (main )?content|saltar al contenido( principal)?|ir al contenido( principal)?|"
    r"menu|menú|search|buscar|(like this:?\s*)?(like\s*)?loading\W*|like this:?|"
    r"(me gusta esto:?\s*)?(me gusta\s*)?cargando\W*|me gusta esto:?|"
    r"(tags?|etiquetas)\s*:.*|"
    # Share buttons without a label: "Facebook | X | WhatsApp | Copy link".
    rf"{_NETWORK}{_NETWORKS}|fbpx|"
    r"scroll al inicio|back to top|volver arriba|photo( by)?:.*|foto:.*|image:.*|"
    r"(for more information|para más información)\b.*|"
    # A site's notices: cookies, consent to its use of data, subscriptions. Cookies are looked
    # for ahead, and the words of a notice anywhere: one pass over a long paragraph, not one for
    # each of its words. A notice is short, and says what a site does with them: an article
    # on a plant that bakes cookies for "our customers" is prose.
    r"(?=.{0,400}$)(?=.*\bcookies?\b).*\b(we use|(this|our) (site|website)s?( uses)?|use of"
    r"|utilizamos|usamos|uso de|este (sitio|portal)|nuestro (sitio|portal)|accept\w*|acept\w*"
    r"|consent\w*|polic(y|ies)|política|privacy|privacidad|navega\w*|brows\w*|settings"
    r"|configura\w*|preferenc\w*)\b.*|"
    r"(we|nosotros) and our( \d+)? partners\b.*|nosotros y nuestros( \d+)? socios\b.*|"
    r"(accept|reject|aceptar|rechazar)( all| todo| todas)?( cookies)?|manage (preferences|cookies)|"
    r"configurar( cookies)?|(privacy policy|política de privacidad|aviso de privacidad)\b.*|"
    r"(subscribe|suscríbete|suscríbase|suscribirse|suscribirme|sign up|regístrate|regístrese)\b.*|"
    # Prompts to follow the site, to get its newsletter or to comment, short as notices are:
    # "Síguenos en Google News para mantenerte informado.", "Follow us on Google News for the
    # latest updates.", "Recibe nuestro boletín en tu correo.", "Deja tu comentario."
    rf"(?=.{{0,200}}$)({_FOLLOW_PROMPT}|{_NEWSLETTER_PROMPT}|{_COMMENT_PROMPT}\b.*)|"
    r".*\b(subscribers? only|exclusivo para suscriptores|to continue reading|para seguir leyendo"
    r"|para continuar leyendo)\b.*|"
    # A news agency's furniture: its standards, a link's label, licensing.
    r"our standards:.*|.*,\s*opens new tab|purchase licensing rights.*|"
    r"all rights reserved.*|todos los derechos reservados.*|©.*|advertisement|publicidad)$",
    re.IGNORECASE,
)
_CREDITED = (
    r"(?i:(?:additional\s+)?(?:reporting|writing|editing|research|graphics|compiled|produced)\s+by"
    r"|con\s+información\s+de|información\s+de|(?:edición|reportería|redacción)(?:\s+de|:))"
)
_CREDIT_NAMES = (
    r"(?:\s+(?:[A-ZÁÉÍÓÚÑ][\w’'.-]*|in|at|from|and|en|de|del|la|las|los|y|e|desde|agencias"
    r"|staff),?)+"
)
_CREDITS = re.compile(rf"^{_CREDITED}{_CREDIT_NAMES}(?:\s*;\s*{_CREDITED}{_CREDIT_NAMES})*\s*\.?$")
"""Who reported, wrote or edited the story, as agencies close it: "Reporting by Laura Whitfield
in Mexico City; Editing by Richard Chang", "Con información de EFE y agencias", "Edición de
Ana López". Names only follow each credit: "Reporting by the agency showed" is prose."""
_DATE_WORD = (
    # A dash or a bar between the day and the hour: "Publicado: 04/02/2025 - 10:30".
    r"(?:\d[\d:/.,-]*|[-–—|·]"
    r"|[ap]\.?m\.?|[AaPp]M|UTC|GMT|ET|EST|EDT|CT|CST|CDT|MT|MST|PT|PST|PDT|hrs?\.?|h"
    r"|de|del|at|a\s+las|on|el|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Ene|Abr|Ago"
    r"|Dic)\.?|January|February|March|April|June|July|August|September|October|November"
    r"|December|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre"
    r"|diciembre|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|lunes|martes"
    r"|miércoles|jueves|viernes|sábado|domingo),?"
)
_TIME_STAMP = re.compile(
    r"^(?i:(?P<updated>(?:last\s+)?updated|(?:última\s+)?actualización|actualizad[oa]"
    r"|fecha\s+de\s+actualización)|published|posted|publicad[oa]|fecha\s+de\s+publicación"
    r"|publication\s+date)[\s:]*"
    r"(?:(?i:(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago"
    r"|hace\s+(?:\d+|un|una|unos|unas)\s+(?:segundos?|minutos?|min|horas?|días?|semanas?))"
    rf"|{_DATE_WORD}(?:\s+{_DATE_WORD})*)\.?$"
)
"""When the page was published or last updated, as it says so above or below the story:
"Updated 3 hours ago", "Actualizado hace 3 horas", "Updated March 18, 2025 2:22 PM UTC",
"Publicado el 4 de febrero de 2025.", "Fecha de publicación: 04/02/2025"."""
_BREADCRUMB = re.compile(r"\s[/>›»|]\s")
"""What parts the labels of a site's trail of links or of its menu: "Home / Business", "News >
Business", "Inicio | Negocios"."""
_SENTENCE_END = re.compile(r"[.!?…](?:[\"'”’»)\]]*)$")
_MARK = re.compile(r"[.!?…][\"'”’»)]*(?=\s|$)")
"""A mark that may end a sentence, with its closing quotes, before white space or the end."""
ABBREVIATION_END = re.compile(
    r"(?:(?<![\w’'-])(?:[A-ZÁÉÍÓÚÑ]{1,2}\.\s?)+[A-ZÁÉÍÓÚÑ]{1,2}"
    r"|\b(?:Inc|Corp|Co|Ltd|Jr|etc|[ap]\.m))\.$"
)
"""A last word whose stop is its own, whether or not it also ends a sentence: "the U.S.", "EE.
UU.", "S. A.", "Foxconn Inc.", "at 6 a.m."; not "the US.", a word of capitals like any
other."""
# A sentence ends at . ! ? (with closing quotes) before white space and a capital, a quote mark or
# a digit; "Dr." before a capital is a known abbreviation.
_BOUNDARY = re.compile(r"(?<=[.!?…])([\"”’»)]*)\s+(?=[\"“‘«¿¡(]?[A-ZÁÉÍÓÚÑÜ0-9])")
_BEFORE_WHAT_FOLLOWS = re.compile(
    r"\b(?:Dr|Dra|Mr|Mrs|Ms|Sr|Sra|Lic|Ing|Gov|Sen|Rep|St|No|Núm|vs|approx)\.$"
)
"""Abbreviations that lead into what follows them, whose stop ends no sentence: a title before a
name ("Dr. Ruiz", "Gov. Samuel García"), a number's ("No. 5"), "vs."."""
_ENDING_A_NAME = re.compile(
    r"\b(?:Inc|Corp|Co|Jr|etc|Ags|Camp|Chih|Chis|Coah|Col|Dgo|Edo|Gro|Gto|Hgo|Jal|Méx|Mich|Mor"
    r"|Nay|Oax|Pue|Qro|Sin|Son|Tab|Tamps|Tlax|Ver|Yuc|Zac)\.$"
)
"""Abbreviations that end a name or a list ("Acme Inc.", "cables, etc.", a Mexican state's
"Coah.", "Son."): their stop ends the sentence too where the next word is one a sentence opens
with and a name does not, not before a dateline's date ("HERMOSILLO, Son. (05/02/2024).-")."""
STATE_SHORTENED = (
    r"(?:Ags|B\.\s?C\.\s?S|B\.\s?C|BCS|BC|Camp|Chih|Chis|Coah|Dgo|Edomex|Edo\.\s?(?:de\s)?Méx"
    r"|Gro|Gto|Hgo|Jal|Méx|Mor|Nay|N\.\s?L|NL|Oax|Pue|Q\.\s?Roo|Qro|S\.\s?L\.\s?P|SLP|Sin|Son"
    r"|Tab|Tamps|Tlax|Ver|Yuc|Zac)\."
)
"""A Mexican state as a dateline shortens it, with its stop: "Coah.", "N.L.", "NL."; not "Col.",
also a colonia's ("Av. Reforma, Col. Centro"), nor "Mich.", also Michigan's."""
_DATELINE_BEFORE_THE_STOP = re.compile(
    r"[A-ZÁÉÍÓÚÑ][\w'’-]*(?:\s+(?:(?:de|del|la|las|los|el)\s+)?[A-ZÁÉÍÓÚÑ][\w'’-]*){0,3}"
    rf",\s*{STATE_SHORTENED}"
)
"""A dateline without a dash, a place and its state shortened, whose stop opens the paragraph's
first sentence rather than ending one: "Monterrey, NL. La empresa", "SALTILLO, Coah. El
gobierno"."""
_MONTH_BEFORE_A_DAY = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Ene|Abr|Ago|Dic)\.$"
)
"""A month shortened, whose stop ends no sentence before the day's number ("Feb. 5, 2024")."""
_HOUR = re.compile(r"\b[ap]\.m\.$")
_AFTER_AN_HOUR = re.compile(
    r"[\"“‘«(]?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February"
    r"|March|April|May|June|July|August|September|October|November|December|Lunes|Martes"
    r"|Miércoles|Jueves|Viernes|Sábado|Domingo|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT"
    r"|GMT|UTC)\b|(?:[A-ZÁÉÍÓÚÑ][\w-]*\s+){1,3}[Tt]ime\b)"
)
"""What goes on from an hour ("at 9 a.m. Monday", "at 6 p.m. ET", "at 7 a.m. Mexico City
time"); any other capitalised word after "a.m." or "p.m." opens a sentence ("at 6 a.m. Trucks
waited")."""
_CAPITALS_STOP = re.compile(r"(?<![\w’'-])(?P<capitals>[A-ZÁÉÍÓÚÑ]{1,2})\.$")
"""One or two capitals and a stop, a part of an abbreviation of capitals: "EE." and "UU." of
"EE. UU.", "S." of "U.S.", an initial ("John F. Kennedy")."""
_AFTER_A_CAPITALS_STOP = re.compile(r"\.\s?[A-ZÁÉÍÓÚÑ]{1,2}\.(?![A-ZÁÉÍÓÚÑ])")
"""What comes before the next such part, seen from the end of a word: "EE. UU.", "S. A."; not
an abbreviation of its own written without spaces ("the EU. U.S. officials")."""
_BEFORE_A_CAPITALS_STOP = re.compile(r"(?<![\w’'-])[A-ZÁÉÍÓÚÑ]{1,2}\.\s?$")
"""The part before such a part: "U." of "U.S.", "S. " of "S. A."."""
_FIRST_WORD = re.compile(r"[\"“‘«¿¡(]?(\w+)")
OPENING_WORDS = frozenset(
    """However Meanwhile Moreover Also Then Today Yesterday Now Later Earlier Still Instead But
    And Yet So He She We They You Who What Which Everyone Nobody Someone Además Hoy Ayer Ahora
    Luego Después Mientras Asimismo Pero También Ya Entonces Incluso Él Ella Ellos Ellas Nosotros
    Nadie Alguien Así Mañana Pronto Solo Sólo Tampoco Todavía Aún Quizá Quizás Thus Hence Soon
    Tomorrow Perhaps Maybe""".split()  # noqa: SIM905 - a word block reads better
) | {"Sin embargo", "Por ello"}
"""Words a sentence opens with that name nothing, a capital notwithstanding: connectives, adverbs
of time and pronouns ("However, March 3, 2024 —", "Hoy invertirá el gobierno", "He will
invest")."""
_OPENING_AFTER_AN_ABBREVIATION = OPENING_WORDS | frozenset(
    """The A An This That These Those It Its There In On At For From By With As After During
    According When While If Since Last Some Most Many Each All Both Other Such El La Los Las Lo
    Un Una Unos Unas Este Esta Estos Estas Ese Esa Eso En Con Por Para De Del Al Según Durante
    Tras Desde Sin Se Su Sus No Si Cuando Aunque Pero Mientras Cada Todos Todas Otro Otra Otros
    Otras Más""".split()  # noqa: SIM905
)
"""Words a sentence opens with that a name does not: after an abbreviation of capitals, one of
them opens the next sentence ("llegan a EE. UU. El gobierno"), any other capitalised word goes
on with the name ("the U.S. Trade Representative")."""
MIN_SENTENCE_WORDS = 5
"""A shorter "sentence" is a label or a button, not a statement."""
HEADING_WORDS = 25
"""A line this short without a sentence's end is a heading, a byline or a label."""
WRAPPED_WIDTH = 100
"""A text none of whose lines is wider may be wrapped at a fixed width (72 or 80, as a rule)."""
WRAPPED_SHARE = 0.6
"""A line of a wrapped text at least this share of the widest line's width goes on into the
next: a word too long for the rest of a line leaves it shorter, a paragraph's last line often
far shorter, and a heading shorter still."""
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_QUOTATION_MARK = re.compile(r"[\"“”«»]")
_OPENER_OF = {"”": "“", "»": "«"}
MAX_QUOTATION_CHARACTERS = 1500
"""A quotation no longer than this is one speaker's words, not cut into sentences; a longer span
between two marks is more likely two quotations' marks paired wrong, or an inch's mark."""


Told = Callable[[int], None]
"""Told, while a long text is gone through, how many of its characters have been."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the article, where it stands in the text, and whether it is furniture."""

    text: str
    start: int
    end: int
    paragraph: int
    furniture: bool = False


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of each paragraph of ``text``.

    Saved articles put one paragraph on a line, and headings and furniture on lines of their own.
    A text wrapped at a fixed width (an e-mail, a plain-text export) runs each paragraph over
    lines of about that width, with blank lines between paragraphs: there, a line nearly as wide
    as the widest goes on into the line right after it.
    """
    lines = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        stripped = match.group()
        lead = len(stripped) - len(stripped.lstrip())
        trail = len(stripped) - len(stripped.rstrip())
        if end - trail > start + lead:
            lines.append((start + lead, end - trail))
    widest = max((end - start for start, end in lines), default=0)
    if widest > WRAPPED_WIDTH or not _BLANK_LINE.search(text):
        return lines
    spans: list[tuple[int, int]] = []
    for start, end in lines:
        if spans:
            last_start, last_end = spans[-1]
            next_line = text.count("\n", last_end, start) == 1  # no blank line between
            if next_line and _line_width(text, last_end) >= WRAPPED_SHARE * widest:
                spans[-1] = (last_start, end)
                continue
        spans.append((start, end))
    return spans


def _line_width(text: str, end: int) -> int:
    """How wide the line of ``text`` ending at ``end`` is."""
    return end - (text.rfind("\n", 0, end) + 1)


def is_end_marker(line: str) -> bool:
    """Whether ``line`` ends the article on its page ("Check Also", "Contenido relacionado")."""
    return bool(_END_MARKERS.match(line.strip()))


def is_breadcrumb(heading: str, *, links: int = 2) -> bool:
    """Whether ``heading``, a line that is no prose, is a site's trail of links or its menu
    rather than a headline: ``links`` labels or more set apart, "Home / Business", "Inicio |
    Negocios", or a trail ending with the headline, "News > Business > Plant adds a shift". A
    headline may hold one such mark itself ("Kia to expand its plant | Nearshoring", "Ford /
    Mexico: a new plant"): where the article is to start, a trail is told by three labels."""
    return len(_BREADCRUMB.findall(heading)) >= links - 1


def is_furniture(line: str) -> bool:
    """Whether ``line`` is page furniture rather than the article's prose."""
    line = line.strip()
    return bool(_FURNITURE.match(line) or _CREDITS.match(line) or time_stamps(line))


_STAMPS_APART = re.compile(r"\s+[|·]\s+")


def time_stamps(line: str) -> list[re.Match[str]]:
    """The time stamps ``line`` is, a line of its own saying when the page was published or last
    updated ("Publicado el 4 de febrero de 2025.", "Updated 3 hours ago"), or both, apart by a
    bar ("Publicado: 4 de febrero de 2025 | Actualizado: 5 de febrero de 2025"); none when it
    is no such line. A stamp's ``updated`` group is set when it says when the story was updated
    rather than published."""
    line = line.strip()
    whole = _TIME_STAMP.match(line)  # a bar may also part a day from its hour
    if whole is not None:
        return [whole]
    parts = [_TIME_STAMP.match(part) for part in _STAMPS_APART.split(line)]
    return [part for part in parts if part] if len(parts) > 1 and all(parts) else []


def is_heading(line: str, *, headline: bool = False) -> bool:
    """Whether ``line`` is a heading, a byline or a label rather than a paragraph of prose: short,
    and with no sentence's end, the stops of an abbreviation going on into the next word ("U.S.
    lawmakers question") being none.

    ``headline`` tells that the line opens a text that goes on after it, as a headline does:
    there a last stop that is an abbreviation's ("… a EE. UU.") ends no sentence, where in a
    paragraph of prose it would end one too (see :func:`heads`)."""
    # Words counted only as far as a heading's: a paragraph may be a whole article.
    if len(line.split(maxsplit=HEADING_WORDS)) >= HEADING_WORDS:
        return False
    return not any(_ends_a_sentence(line, mark, headline) for mark in _MARK.finditer(line))


def heads(text: str, spans: Sequence[tuple[int, int]], index: int) -> bool:
    """Whether the paragraph ``index`` of ``spans``, the paragraphs of ``text``, is a heading
    (:func:`is_heading`). The first of several opens a text that goes on after it: there a short
    line is the headline though its last stop be an abbreviation's."""
    start, end = spans[index]
    return is_heading(text[start:end], headline=index == 0 and len(spans) > 1)


def _ends_a_sentence(line: str, mark: re.Match[str], headline: bool) -> bool:
    """Whether ``mark``, a stop, question or exclamation mark with its closing quotes before
    white space or the end of ``line``, ends a sentence there."""
    stop = mark.start() + 1
    following = len(line) - len(line[mark.end() :].lstrip())
    if following == len(line):
        return not (headline and ABBREVIATION_END.search(line, 0, stop))
    return not (
        _inside_an_abbreviation(line, stop, following)
        or _inside_capitals_abbreviation(line, stop, following)
    )


def body_end(text: str) -> int:
    """Where the article's own text ends: at the first end marker after its first paragraph of
    prose, else at the end of the text."""
    seen_prose = False
    spans = paragraphs(text)
    for index, (start, end) in enumerate(spans):
        line = text[start:end]
        if seen_prose:
            # Only an end marker matters once prose is seen: a long article is not read for
            # headings and furniture all through.
            if is_end_marker(line):
                return start
        elif not heads(text, spans, index) and not is_furniture(line):
            seen_prose = True
    return len(text)


EDGE_WORDS = 8
"""How many of the article's first and last words a draft gives as where it starts and ends on
its page: enough to stand for one line, few enough to read at a glance."""


def article_edges(text: str) -> tuple[str | None, str | None]:
    """The article's first words and its last, as a brief's ``article_starts`` and
    ``article_ends`` give them (see :meth:`~tui.core.quotes.FoldedArticle.line_edges`); each None
    where the page holds nothing but the article on that side, or where no words stand for its
    edge alone: each is found at that one line's edge, and at no other."""
    end_of_body = body_end(text)
    spans = paragraphs(text)
    kept = [
        index
        for index, (start, end) in enumerate(spans)
        if start < end_of_body and not is_furniture(text[start:end])
    ]
    # The article starts below a site's trail of links above its headline, though the trail
    # end with the headline itself ("Border Report > Business > Plant adds a shift"), as no
    # furniture's labels do: a cookie notice between the two is then outside the article too.
    while (
        len(kept) > 1
        and heads(text, spans, kept[0])
        and is_breadcrumb(text[slice(*spans[kept[0]])], links=3)
    ):
        del kept[0]
    article_paragraphs = [spans[index] for index in kept]
    if not article_paragraphs:
        return None, None
    folded = FoldedArticle.of(text)

    def words(index: int) -> list[str]:
        start, end = article_paragraphs[index]
        return text[start:end].split()

    starts = ends = None
    if text[: article_paragraphs[0][0]].strip():
        # The first words; the first paragraph whole; and on into the next, where the page
        # repeats the article's first line (a page title above its breadcrumbs).
        first = words(0)
        tried = [first[:EDGE_WORDS], first]
        if len(article_paragraphs) > 1:
            tried.append(first + words(1)[:EDGE_WORDS])
        for passage in (" ".join(each) for each in tried):
            places = folded.line_edges(text, passage, starts=True)
            if [place.start for place in places] == [article_paragraphs[0][0]]:
                starts = passage
                break
    if text[article_paragraphs[-1][1] :].strip():
        last = words(-1)
        tried = [last[-EDGE_WORDS:], last]
        if len(article_paragraphs) > 1:
            tried.append(words(-2)[-EDGE_WORDS:] + last)
        for passage in (" ".join(each) for each in tried):
            places = folded.line_edges(text, passage, starts=False)
            if [place.end for place in places] == [article_paragraphs[-1][1]]:
                ends = passage
                break
    return starts, ends


def sentences(text: str, told: Told | None = None) -> list[Sentence]:
    """Every sentence of ``text`` in order, furniture included but marked; ``told`` is told how
    far it has got.

    A line that is a heading holds no sentence; everything after an end marker is furniture.
    """
    end_of_body = body_end(text)
    result: list[Sentence] = []
    spans = paragraphs(text)
    for number, (start, end) in enumerate(spans):
        if told is not None:
            told(start)
        line = text[start:end]
        if heads(text, spans, number):
            continue
        outside = start >= end_of_body or is_furniture(line)
        for piece_start, piece_end in _split(line):
            piece = line[piece_start:piece_end]
            words = len(piece.split())
            furniture = outside or is_furniture(piece) or words < MIN_SENTENCE_WORDS
            result.append(
                Sentence(piece, start + piece_start, start + piece_end, number, furniture)
            )
    return result


def quotations(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the quotations of ``text``, a paragraph, from the opening
    mark to the closing one: « » and “ ” paired, straight marks one with the next. A mark that
    is not closed in the paragraph (a quotation going on into the next, as English prints it)
    opens none; nor does a span longer than :data:`MAX_QUOTATION_CHARACTERS`. Overlapping ones
    are joined (a quotation within a quotation), in order, so that a place can be looked up."""
    found: list[tuple[int, int]] = []
    opened: dict[str, int] = {}
    for match in _QUOTATION_MARK.finditer(text):
        mark, at = match.group(), match.start()
        if mark == '"' and mark not in opened:
            opened[mark] = at
        elif mark in ('"', "”", "»"):
            start = opened.pop(_OPENER_OF.get(mark, mark), None)
            if start is not None and at - start <= MAX_QUOTATION_CHARACTERS:
                found.append((start, at + 1))
        else:
            opened.setdefault(mark, at)
    joined: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if joined and start < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def inside_a_quotation(spans: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    """Whether offset ``at`` is within one of ``spans`` (see :func:`quotations`), after its
    opening mark and before its closing one; ``starts`` are where they start."""
    index = bisect.bisect_right(starts, at) - 1
    return index >= 0 and spans[index][0] < at < spans[index][1]


def unpaired_marks(text: str) -> list[int]:
    """Where ``text`` has a quotation mark without its partner: « » and “ ” paired, straight
    marks one with the next."""
    opened: dict[str, list[int]] = {}
    unpaired = []
    for match in _QUOTATION_MARK.finditer(text):
        mark, at = match.group(), match.start()
        if mark == '"':
            if opened.get(mark):
                opened[mark].pop()
            else:
                opened[mark] = [at]
        elif mark in _OPENER_OF:
            if opened.get(_OPENER_OF[mark]):
                opened[_OPENER_OF[mark]].pop()
            else:
                unpaired.append(at)
        else:
            opened.setdefault(mark, []).append(at)
    unpaired.extend(at for ats in opened.values() for at in ats)
    return sorted(unpaired)


def _split(line: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the sentences of one paragraph. A quotation is not cut:
    "“Vamos bien. Seguimos”, dijo." is one sentence, whose speaker is in it."""
    cuts = [0]
    spans = quotations(line)
    starts = [start for start, _ in spans]
    for match in _BOUNDARY.finditer(line):
        if spans and inside_a_quotation(spans, starts, match.end()):
            continue
        stop = match.start(1)
        if _inside_an_abbreviation(line, stop, match.end()):
            continue
        if _inside_capitals_abbreviation(line, stop, match.end()):
            continue
        cuts.append(match.end())
    cuts.append(len(line))
    spans = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        piece = line[start:end].rstrip()
        if piece:
            spans.append((start, start + len(piece)))
    return spans


def _inside_an_abbreviation(line: str, stop: int, following: int) -> bool:
    """Whether the stop ending at ``stop``, the next word at ``following``, is an abbreviation's
    that goes on into that word: a title's always, a state's that ends a dateline opening the
    paragraph always ("Monterrey, NL. La empresa"), a company's legal form's, a state's or
    "etc."'s unless the word opens a sentence ("Acme Inc. The company"), an hour's only before a
    day, a month or a time zone ("at 9 a.m. Monday"), a month's before its day ("Feb. 5")."""
    if _DATELINE_BEFORE_THE_STOP.fullmatch(line, 0, stop):
        return True
    # Only the few characters before the stop can make it an abbreviation.
    before = max(0, stop - 12)
    if _BEFORE_WHAT_FOLLOWS.search(line, before, stop):
        return True
    if _ENDING_A_NAME.search(line, before, stop):
        return not _opens_a_sentence(line, following)
    if _HOUR.search(line, before, stop):
        return _AFTER_AN_HOUR.match(line, following) is not None
    if _MONTH_BEFORE_A_DAY.search(line, before, stop):
        return line[following : following + 1].isdigit()
    return False


def _opens_a_sentence(line: str, at: int) -> bool:
    """Whether the word at ``at`` is one a sentence opens with and a name does not ("The", "En",
    a question's "¿"), rather than one a name may go on with ("Customs", "Texas")."""
    if line[at : at + 1] in ("¿", "¡"):
        return True  # a question or an exclamation opens, which no name does
    word = _FIRST_WORD.match(line, at)
    return word is not None and word.group(1) in _OPENING_AFTER_AN_ABBREVIATION


def _inside_capitals_abbreviation(line: str, stop: int, following: int) -> bool:
    """Whether the stop ending at ``stop``, the next word at ``following``, is within an
    abbreviation of capitals rather than a sentence's end. Spanish writes them with a space
    after each stop ("EE. UU.", "S. A. de C. V."): the stops between its parts end nothing, nor
    does an initial's ("John F. Kennedy"). The last part's ends the sentence only where the next
    word is one a sentence opens with and a name does not ("llegan a EE. UU. El gobierno",
    "the U.S. In 2023"), not where a capitalised word goes on ("EE. UU. Texas", "U.S. Customs")."""
    part = _CAPITALS_STOP.search(line, max(0, stop - 3), stop)
    if part is None:
        return False
    if _AFTER_A_CAPITALS_STOP.match(line, stop - 1):
        return True  # "EE." before "UU.", "S." before "A."
    after_another = _BEFORE_A_CAPITALS_STOP.search(line, max(0, part.start() - 4), part.start())
    if after_another is None:
        # One capital is an initial; two are a word of their own ("in the US."), whose stop
        # ends a sentence as any word's does.
        return len(part["capitals"]) == 1
    return not _opens_a_sentence(line, following)


def ends_like_a_sentence(text: str) -> bool:
    """Whether ``text`` ends with a sentence's closing mark."""
    return bool(_SENTENCE_END.search(text.rstrip()))
