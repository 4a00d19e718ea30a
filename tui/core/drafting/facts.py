"""Candidate key facts of an article, ranked, each with its verbatim quote and a kind.

A candidate is a sentence of the article's prose, or a part of one between semicolons. Those
that report a figure (a percentage, an amount of money, in figures or in words, "mil millones de
dólares", a count of what is counted, such as jobs, plants, firms or units, a date) come first,
then those that state a plan, then those that name who acts, then the rest, among them those
explaining what the news is due to; within each rank, in the article's order. A number word
counting anything else ("los tres niveles de gobierno", "the two countries") is no figure.
The quote is the shortest clause that carries the fact: the sentence or its part, less a leading
connective ("Additionally,") and, in a long sentence, the comma-separated parts that carry
nothing of it. Every quote is checked to be found in the article as quotes are matched.
"""

from __future__ import annotations

import itertools
import re
from collections import deque
from collections.abc import Container, Iterable
from dataclasses import dataclass

from tui.core.drafting.metadata import dateline_length
from tui.core.drafting.sentences import (
    ABBREVIATION_END,
    Sentence,
    Told,
    inside_a_quotation,
    quotations,
    sentences,
    unpaired_marks,
)
from tui.core.numbers import CARDINALS, SCALES
from tui.core.quotes import FoldedArticle
from tui.core.text import fold_white_space

MAX_FACTS = 15
LONG_CLAUSE_WORDS = 50
"""A clause longer than this is quoted by its parts that carry the fact."""
MIN_QUOTE_WORDS = 6
MAX_QUOTE_WORDS = 60
"""A clause still longer once cut at its commas, as a text that runs on without a full stop
is, is quoted by this many words around what carries its fact."""
LEAD_WORDS = 12
"""How many words such a quote takes before what carries its fact, to say something on its own."""

_NUMBER_WORDS = "|".join(
    [
        "one",
        *(
            word
            for word, value in CARDINALS.items()
            # A count is written in one word up to twelve, and in tens and hundreds; "ciento"
            # stands only before the rest of a number.
            if value > 0 and (value <= 12 or value % 10 == 0) and word != "ciento"
        ),
        "mil",
    ]
)
"""Numbers written as words, which count what a sentence says they count: "tres nuevas plantas"
and "mil millones de dólares" are figures, "los tres niveles de gobierno" and "the two
countries" are none. "One" counts nothing but what follows it in the plural ("one billion
dollars", not "one of the plants")."""
_LARGE_AMOUNT = r"(?:un|a|medio|half\s+a)\s+(?:millón|million|billón|billion|trillion)"
"""An amount of a million or more with an article before it, as money is written in words:
"un billón de pesos", "medio millón", "a billion dollars", "half a million"."""
_MANY_WORDS = (
    r"hundreds?|thousands?|dozens?|cientos|decenas|docenas?"
    # Spanish "miles de" are thousands; English "miles" a distance.
    r"|miles(?=\s+de\b)"
)
"""Words that are an amount of themselves: "hundreds of jobs", "miles de empleos"."""
_COUNTED = (
    "jobs|workers|employees|hires|plants|factories|facilities|sites|warehouses|parks|shifts"
    "|companies|firms|businesses|suppliers|manufacturers|automakers|makers|investors"
    "|investments|projects|units|vehicles|cars|trucks|containers|tons|tonnes"
    "|percent|per cent|percentage points|basis points|dollars|members"
    "|empleos|puestos|plazas|trabajadores|trabajadoras|empleados|empleadas|contrataciones"
    "|plantas|fábricas|naves|instalaciones|parques|bodegas|turnos|empresas|compañías|firmas"
    "|proveedores|proveedoras|fabricantes|armadoras|inversionistas|inversiones|proyectos"
    "|unidades|vehículos|autos|camiones|contenedores|toneladas"
    "|por ciento|puntos porcentuales|puntos base|dólares|socios|pesos|euros|"
    # Millions and more, and the Spanish "mil" ("tres mil empleos", "dos mil millones").
    + "|".join(["mil", *(word for word, power in SCALES.items() if power >= 6)])
)
"""What a figure counts: jobs and workers, plants, firms, units made or shipped, money, a share.
Not lines nor positions, which are also a plan's ("tres líneas de acción") and a government's."""
_FRACTIONS = "thirds?|quarters?|fifths?|tenths?"
_IN_WORDS = (
    # One word boundary and one look at the number word, for every figure written in words: a
    # sentence may be a whole article, looked through for one at each of its commas.
    rf"\b(?:(?:{_NUMBER_WORDS})"
    # What it counts, a word or two perhaps between, none a conjunction or an article ("tres
    # nuevas plantas", "two more shifts"): "los dos países y sus empresas" counts countries.
    r"(?:(?:\s+(?!(?:y|e|o|u|and|or|the|of|de|del|la|las|el|los)\b)[^\W\d_]+){0,2}"
    rf"\s+(?:{_COUNTED})"
    # Or a share: "two-thirds of exports", "dos terceras partes".
    rf"|-(?:{_FRACTIONS}))|one-(?:{_FRACTIONS})|(?:terceras|cuartas|quintas)\s+partes"
    rf"|{_LARGE_AMOUNT}|{_MANY_WORDS})\b"
)
"""A figure written in words: a number counting what is counted, a share, an amount of money or
an amount of itself."""
_MONTH_NAMES = (
    "January|February|March|April|June|July|August|September|October|November|December|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
)
_FIGURE = re.compile(
    r"[$€£]\s?\d|\d\s?%|\b\d[\d.,]*\s*(?:percent|per cent|por ciento)\b|"
    # a number standing alone (not "2da", not "Covid 19", not "industria 4.0")
    r"(?<![\w.-])(?<!Covid )(?<!COVID )(?<!Covid-)(?<!COVID-)(?<!industria )(?<!industry )"
    r"(?<!Industry )\d[\d.,]*(?![\w])|"
    rf"{_IN_WORDS}|"
    rf"\b(?:in|since|until|by|en|desde|hasta|de|del)\s+(?:{_MONTH_NAMES})\b|"
    rf"\b(?:{_MONTH_NAMES})\s+\d",
    re.IGNORECASE,
)
_CASE_SENSITIVE_FIGURE_WORDS = re.compile(r"\b(?:May)\s+\d")
_PLAN = re.compile(
    # An enumerated item ("First, …", "Secondly, …") sets out a part of a plan.
    r"^(?:First|Second|Secondly|Third|Thirdly|Fourth|Finally|Lastly|Primero|Segundo|Tercero|"
    r"En primer lugar|En segundo lugar|En tercer lugar|Por último|Finalmente),|"
    r"\b(?:aims?|aiming|plans?|planned|planning|will|seeks?|seeking|intends?|intended|goals?|"
    r"objectives?|committed to|expects? to|expected to|is to|are to|would|going to|proposes?|"
    r"proposed|project|strategy|agreed|underway|under way|to establish|initiative|"
    r"busca|buscan|buscará|pretende|pretenden|planea|planean|prevé|prevén|proyecta|objetivo|"
    r"objetivos|meta|metas|plan|planes|estrategia|iniciativa|se acordó|acordaron|acordó|"
    r"tiene previsto|tienen previsto|impulsar|\w+(?:ará|erá|irá|arán|erán|irán))\b",
    re.IGNORECASE,
)
_EXPLAINED = re.compile(
    r"\b(?:se\s+(?:debe|deben|debió|debieron)\s+a|(?:obedece|obedecen|obedeció)\s+a"
    # "las razones de este auge", not "con motivo de la visita" nor "por razones de seguridad".
    r"|se\s+explican?\s+por|se\s+atribuyen?\s+a|(?:la|las)\s+razón(?:es)?\s+(?:de|del|por)"
    r"|(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:due\s+to|driven\s+by|explained\s+by"
    r"|attributed\s+to|because\s+of)|reasons?\s+(?:for|behind))\b",
    re.IGNORECASE,
)
"""What says a sentence explains what the news is due to: "el aumento se debe a la estrategia de
relocalización", "the rise is due to", "the reasons for this boom". Such a sentence is context,
whatever plan it names as the cause; an action told with its cause ("Tesla aplazó la planta
debido a los aranceles") is news still."""
_PAST = re.compile(r"\b\w{3,}(?:ed|ó|aron|ieron|ió)\b")
_NAMED = re.compile(
    r"(?<=\S\s)(?:[A-ZÁÉÍÓÚÑ][\w’'-]+(?:\s+(?:de\s+|del\s+|of\s+|the\s+)?[A-ZÁÉÍÓÚÑ][\w’'-]+)+|"
    r"[A-Z]{2,6}\b)"
)
_CONNECTIVE = re.compile(
    r"^(?:Additionally|Furthermore|Moreover|Also|However|Meanwhile|In addition|For their part|"
    r"Además|Asimismo|Por su parte|Sin embargo|Mientras tanto|Por otra parte),\s+"
)
_ANAPHORA = re.compile(r"^(?:This|These|It|Esto|Este|Esta|Estos|Estas)\s")
_SAYS = re.compile(
    r"\b(?:said|says|told|added|explained|noted|stated|stressed|warned|according\s+to|dijo|dice"
    r"|señaló|afirmó|explicó|indicó|comentó|agregó|añadió|aseguró|declaró|sostuvo|subrayó"
    r"|destacó|expresó|mencionó|apuntó|detalló|advirtió|manifestó|precisó|puntualizó|reconoció"
    r"|según)\b",
    re.IGNORECASE,
)
"""What tells who speaks: a verb of saying ("said Mark Halloway", "señaló Chávez")."""
_OPENING_MARK = re.compile(r"^[\"“«]")
_SPEECH_LEFT = re.compile(r"[\s.,;:!?…¡¿]*")
_COMMA = re.compile(r",\s+")
_TRAILING = re.compile(r"[\s.;:!?…]+$")
_WORD = re.compile(r"\S+")

RANKS = ("figure", "plan", "actor", "context")


@dataclass(frozen=True)
class Candidate:
    """A candidate key fact: the clause it comes from, its quote, its kind and its rank."""

    sentence: str
    """The clause as the article prints it (white space folded)."""
    quote: str
    """A part of the clause, on one line as it is: quotes are matched with white space folded."""
    kind: str
    rank: int
    start: int
    """Where the clause starts in the article: candidates of one rank keep the article's order."""


def candidate_facts(
    text: str,
    limit: int = MAX_FACTS,
    places: Container[str] = (),
    all_sentences: list[Sentence] | None = None,
    told: Told | None = None,
) -> list[Candidate]:
    """At most ``limit`` candidate facts of the article ``text``, best first.

    Furniture (share buttons, teasers for other stories, bylines) never gives a candidate, and
    every quote is found in ``text`` as key-fact quotes are matched. A dateline is left out of
    the fact it opens; ``places``, known places' names case folded, tell one in capitals
    before a dash alone ("MEXICALI — "). ``all_sentences`` are the sentences of ``text``, when
    they have been read already; ``told`` is told how far through them it has got.
    """
    if all_sentences is None:
        all_sentences = sentences(text)
    seen: set[str] = set()
    found: list[Candidate] = []
    for clause_text, start in _clauses(text, all_sentences):
        if told is not None:
            told(start)
        sentence = fold_white_space(clause_text).strip()
        if dateline := dateline_length(sentence, places):
            sentence = sentence[dateline:].lstrip()  # where and when, not the fact
        if not sentence or sentence in seen:
            continue  # a standfirst printed twice is one candidate
        seen.add(sentence)
        kind, rank = _kind(sentence)
        quote = _quote(sentence, kind)
        if quote is not None:
            found.append(Candidate(sentence, quote, kind, rank, start))
    found.sort(key=lambda c: (c.rank, c.start))
    # Only the best are looked for in the article, each through all of it: looking for every
    # clause of a long article would go through it once for each of its sentences.
    folded = FoldedArticle.of(text)
    return list(itertools.islice((c for c in found if folded.find(c.quote) is not None), limit))


def _clauses(text: str, all_sentences: list[Sentence]) -> Iterable[tuple[str, int]]:
    """The article's clauses, each with where it starts: sentences split at semicolons, with a
    sentence that leans on the one before ("This project seeks …") kept with it, and a quotation
    standing alone kept with the sentence before it that tells who speaks, or left out."""
    prose = [s for s in all_sentences if not s.furniture]
    merged: list[tuple[int, int]] = []
    for index, sentence in enumerate(prose):
        before = prose[index - 1] if index else None
        # The clause the sentence before ends, in this one's paragraph: what it may lean on.
        last = (
            merged[-1]
            if merged
            and before is not None
            and merged[-1][1] == before.end
            and before.paragraph == sentence.paragraph
            else None
        )
        leans = last is not None and _ANAPHORA.match(sentence.text) is not None
        if _only_a_quotation(sentence.text):
            # A speaker's words alone would read as the article's own claim: they are a fact
            # only with the sentence before them that says who speaks ("…," said Mark Halloway.
            # "About 35% of …"), quoted whole with it; else that sentence stands for them.
            if (
                last is None
                or not _SAYS.search(text, *last)
                or len(text[last[0] : sentence.end].split()) > LONG_CLAUSE_WORDS
            ):
                continue
            leans = True
        if leans:
            merged[-1] = (merged[-1][0], sentence.end)
        else:
            merged.append((sentence.start, sentence.end))
    for start, end in merged:
        for part_start, part_end in _semicolon_parts(text[start:end]):
            part = text[start + part_start : start + part_end]
            cleaned = part.strip().rstrip(";").rstrip()
            if len(cleaned.split()) >= MIN_QUOTE_WORDS - 1:
                yield cleaned, start + part_start + (len(part) - len(part.lstrip()))


def _only_a_quotation(sentence: str) -> bool:
    """Whether ``sentence`` is a quotation and nothing else, without who speaks: "“About 35% of
    our components will be sourced locally.”"; not "“Vamos bien”, dijo.", nor a quotation going
    on into the next paragraph, whose speaker is named as it closes."""
    if not _OPENING_MARK.match(sentence):
        return False
    left = 0
    for start, end in quotations(sentence):
        if not _SPEECH_LEFT.fullmatch(sentence, left, start):
            return False
        left = end
    return left > 0 and _SPEECH_LEFT.fullmatch(sentence, left) is not None


_SEMICOLON = re.compile(r";\s+")


def _semicolon_parts(sentence: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the parts of ``sentence`` between its semicolons, each part
    with its semicolon; one within a quotation parts nothing, lest the speaker's words lose their
    marks and the speaker: "“No se van; esperan”, dijo." is one clause."""
    spans = quotations(sentence)
    starts = [start for start, _ in spans]
    cuts = [0]
    for semicolon in _SEMICOLON.finditer(sentence):
        if not (spans and inside_a_quotation(spans, starts, semicolon.start())):
            cuts.append(semicolon.end())
    cuts.append(len(sentence))
    return [(start, end) for start, end in zip(cuts, cuts[1:], strict=False) if end > start]


_DATE = re.compile(
    rf"\b\d{{1,2}}\s+(?:de\s+)?(?:{_MONTH_NAMES})\b|\b(?:{_MONTH_NAMES})\s+\d{{1,2}}\b|"
    rf"\b(?:{_MONTH_NAMES})\b|\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)
"""What says only when: a day and its month ("15 de marzo", "March 15"), a month, a year."""


def _kind(sentence: str) -> tuple[str, int]:
    plan = _PLAN.search(sentence)
    # A plan named after what says the news is due to is its cause, no plan the sentence states
    # ("el aumento se debe a la estrategia de …"); one before it is ("will expand the plant, a
    # decision that is due to demand"). Only the words before the plan are looked through here,
    # the whole sentence only when it is neither a figure nor a plan: it may be a whole article.
    explained = _EXPLAINED.search(sentence, 0, plan.start()) if plan else None
    if explained:
        plan = None
    # "plans to begin production in the second half of 2026" is a plan: its only figure says
    # when.
    dated_plan = plan and _FIGURE.search(_DATE.sub(" ", sentence)) is None
    if _FIGURE.search(sentence) and not _only_case_words(sentence) and not dated_plan:
        return "figure", 0
    if plan:
        return "plan", 1
    if explained or _EXPLAINED.search(sentence):
        return "context", 3
    if _NAMED.search(sentence):
        return ("event" if _PAST.search(sentence) else "actor"), 2
    return "context", 3


def _only_case_words(sentence: str) -> bool:
    """Whether the only figures in ``sentence`` are words that are figures only in some cases."""
    # Read up to the first other figure only: a sentence may be a whole article.
    return all(
        m.group().lower() == "may" for m in _FIGURE.finditer(sentence)
    ) and not _CASE_SENSITIVE_FIGURE_WORDS.search(sentence)


def _quote(sentence: str, kind: str) -> str | None:
    """The shortest clause of ``sentence`` that carries its fact, verbatim."""
    quote = _TRAILING.sub("", sentence)
    if ABBREVIATION_END.search(sentence):
        quote += "."  # the abbreviation's own stop
    without = _CONNECTIVE.sub("", quote, count=1)
    if len(without.split()) >= MIN_QUOTE_WORDS:
        quote = without
    if len(quote.split()) > LONG_CLAUSE_WORDS:
        quote = _carrying_parts(quote, kind)
    if len(quote.split()) > MAX_QUOTE_WORDS:
        quote = _around_the_cue(quote, kind)
    quote = _without_unpaired_marks(quote)
    return quote if len(quote.split()) >= MIN_QUOTE_WORDS - 1 else None


def _without_unpaired_marks(quote: str) -> str:
    """``quote`` with its quotation marks paired: where a mark has no partner in it (a quote
    cut within a quotation, or the article's own quotation going on into the next paragraph),
    the longest part of ``quote`` between such marks, which is as the article prints it."""
    unpaired = unpaired_marks(quote)
    if not unpaired:
        return quote
    bounds = [-1, *unpaired, len(quote)]
    parts = [quote[start + 1 : end] for start, end in zip(bounds, bounds[1:], strict=False)]
    longest = max(parts, key=lambda part: len(part.split()))
    return longest.strip(" ,;:")


def _carrying_parts(clause: str, kind: str) -> str:
    """The run of comma-separated parts of ``clause`` from the first that carries its fact (a
    figure, a plan, a name) to the last, lengthened to the left to say something on its own."""
    cue = _cue(kind)
    commas = list(_COMMA.finditer(clause))
    starts = [0, *(m.end() for m in commas)]
    ends = [*(m.start() for m in commas), len(clause)]
    parts = list(zip(starts, ends, strict=True))
    carrying = [i for i, (start, end) in enumerate(parts) if cue.search(clause[start:end])]
    if not carrying:
        return clause
    first, last = carrying[0], carrying[-1]
    while first > 0 and len(clause[parts[first][0] : parts[last][1]].split()) < 12:
        first -= 1
    return clause[parts[first][0] : parts[last][1]].rstrip(" ,")


def _around_the_cue(clause: str, kind: str) -> str:
    """At most :data:`MAX_QUOTE_WORDS` words of ``clause`` in a row, as it prints them, from
    :data:`LEAD_WORDS` words before the first that carries its fact (from its start if none
    does). Only the words up to the cue and the quote's own are walked: a clause may be a whole
    article."""
    cue = _cue(kind).search(clause)
    at = cue.start() if cue else 0
    lead = deque(
        (word.start() for word in _WORD.finditer(clause, 0, at + 1)), maxlen=LEAD_WORDS + 1
    )
    start = lead[0] if lead else 0
    words = list(itertools.islice(_WORD.finditer(clause, start), MAX_QUOTE_WORDS))
    return clause[start : words[-1].end()].rstrip(" ,;:")


def _cue(kind: str) -> re.Pattern[str]:
    """What carries a fact of ``kind``: a figure, a plan, else a name."""
    return {"figure": _FIGURE, "plan": _PLAN}.get(kind, _NAMED)
