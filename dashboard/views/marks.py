"""What joins pieces of data in each language: commas, colons and brackets, counts, spans of years, status words."""

from __future__ import annotations

from typing import NamedTuple

from dashboard.views.display import QUALIFIER_WORDS, STATUS_WORDS, period_text, qualifier_word, status_word
from dashboard.views.language import DEFAULT, translation


class Marks(NamedTuple):
    """The punctuation between pieces of data: 'Hangzhou (a), 2024: 7 (actual)'; 杭州（a），2024年：7（实际）."""

    comma: str
    semicolon: str
    colon: str
    open: str  # before an aside in brackets
    close: str
    stop: str  # ends a sentence followed by another
    gap: str  # between one whole sentence and the next


MARKS = {"en": Marks(", ", "; ", ": ", " (", ")", ". ", " "), "zh": Marks("，", "；", "：", "（", "）", "。", "")}


def aside(text: object, lang: str = DEFAULT) -> str:
    """A bracketed aside after a name, or nothing when there is no text: ' (after digitising)', （数字化后）."""
    if not isinstance(text, str) or not text.strip():
        return ""
    marks = MARKS[lang]
    return f"{marks.open}{text}{marks.close}"


def number(n: int, lang: str = DEFAULT) -> str:
    """A count as the language writes it: 1,200 in English, 1200 in Chinese."""
    return f"{n:,}" if lang == DEFAULT else str(n)


def years_text(low: int, high: int, lang: str = DEFAULT) -> str:
    """A span of years in prose: '2019 to 2024' (2019—2024年), or the one year: '2019' (2019年)."""
    if low == high:
        return period_text(str(low), lang)
    return translation(lang).gettext("{low} to {high}").format(low=low, high=high)


def status_said(status: object, lang: str = DEFAULT) -> str:
    """A status in the reader's words ('target', 目标); a value the interface does not know, as the data has it."""
    return status_word(status, lang) if status in STATUS_WORDS else str(status)


def qualifier_said(qualifier: object, lang: str = DEFAULT) -> str:
    """A qualifier in the reader's words ('more than', 超过); an unknown value as the data has it."""
    return qualifier_word(qualifier, lang) if qualifier in QUALIFIER_WORDS else str(qualifier)
