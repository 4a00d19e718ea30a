"""Numbers written in words, in English and Spanish, as articles write them.

One table for what reads them: quote matching, which holds a quote's numbers to its article's
(:mod:`tui.core.quotes`), and drafting, which tells a sentence giving a figure
(:mod:`tui.core.drafting.facts`). Each takes the words it needs, in its own form: quote matching
with case and accents ignored, drafting as the article writes them.
"""

from __future__ import annotations

SCALES = {
    "hundred": 2,
    "hundreds": 2,
    "cientos": 2,
    "thousand": 3,
    "thousands": 3,
    "million": 6,
    "millions": 6,
    "billion": 9,
    "billions": 9,
    "trillion": 12,
    "trillions": 12,
    "mil": 3,
    # Spanish "miles" only before "de" ("miles de empleos"): English "miles" is a distance.
    "miles": 3,
    "millón": 6,
    "millones": 6,
    # The Spanish billón is a million millions.
    "billón": 12,
    "billones": 12,
}
"""Words that multiply the number before them, with the power of ten each stands for: "57
billion" is not "57 million". Several in a row multiply together ("mil millones")."""
SCALE_ABBREVIATIONS = {
    "bn": 9,
    # Millones de dólares, de pesos; miles de millones de dólares, de pesos.
    "mdd": 6,
    "mdp": 6,
    "mmdd": 9,
    "mmdp": 9,
}
"""Scale words abbreviated, in small letters: "15 mdd" is not "15 mil mdd". The abbreviations
"k" and "M" are left out: "5 m" is five metres."""
CARDINALS = {
    "zero": 0,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "cero": 0,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    # Eleven in Spanish; "once" in English is written alike by a quote true to its article.
    "once": 11,
    "doce": 12,
    "trece": 13,
    "catorce": 14,
    "quince": 15,
    "dieciséis": 16,
    "diecisiete": 17,
    "dieciocho": 18,
    "diecinueve": 19,
    "veinte": 20,
    "veintiún": 21,
    "veintiuno": 21,
    "veintiuna": 21,
    "veintidós": 22,
    "veintitrés": 23,
    "veinticuatro": 24,
    "veinticinco": 25,
    "veintiséis": 26,
    "veintisiete": 27,
    "veintiocho": 28,
    "veintinueve": 29,
    "treinta": 30,
    "cuarenta": 40,
    "cincuenta": 50,
    "sesenta": 60,
    "setenta": 70,
    "ochenta": 80,
    "noventa": 90,
    "cien": 100,
    # Only before the rest of a number: "ciento veinte".
    "ciento": 100,
    **{
        hundreds + ending: value
        for hundreds, value in (
            ("doscient", 200),
            ("trescient", 300),
            ("cuatrocient", 400),
            ("quinient", 500),
            ("seiscient", 600),
            ("setecient", 700),
            ("ochocient", 800),
            ("novecient", 900),
        )
        for ending in ("os", "as")
    },
}
"""Numbers written in words, with their values; words in a row make one number ("twenty-five",
"treinta y cinco", "ciento veinte"). One is apart (:data:`ONES`)."""
ONES = ("one", "un", "una", "uno")
"""One, which is also a pronoun ("one of the", "the one") and in Spanish the article "un",
"una": a word that counts only where what is around it says so."""
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "primer": 1,
    "tercer": 3,
    **{
        stem + ending: value
        for stem, value in (
            ("primer", 1),
            ("segund", 2),
            ("tercer", 3),
            ("cuart", 4),
            ("quint", 5),
            ("sext", 6),
            ("séptim", 7),
            ("octav", 8),
            ("noven", 9),
            ("décim", 10),
        )
        for ending in ("o", "a", "os", "as")
    },
}
"""Ordinals, the places they tell: "the first pillar" is not "the second pillar"."""
