"""How values, and the words and marks around them, are written in each language: 702 billion yuan, 超过9万亿元, 第4位."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

from babel.dates import format_date

from dashboard.data.quote_numbers import SCALES as ENGLISH_SCALES
from dashboard.data.quote_numbers import ordinal
from dashboard.data.schema import Display
from dashboard.text.locale import BABEL_LOCALE, DEFAULT, N_, translation

DASHBOARD = N_("Zhejiang Indicators Dashboard")
# The scale words of each language: English counts in thousands, Chinese in 万 (10^4) and 亿 (10^8).
SCALES = {"en": ENGLISH_SCALES, "zh": ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))}
QUALIFIER_SIGNS = {"exact": "", "about": "~", "nearly": "≈", "more than": ">", "at least": "≥", "up to": "≤",
                   "less than": "<"}
# The words of each qualifier and status, as the interface shows them (translated where shown).
QUALIFIER_WORDS = {"exact": N_("exact"), "about": N_("about"), "nearly": N_("nearly"), "more than": N_("more than"),
                   "at least": N_("at least"), "up to": N_("up to"), "less than": N_("less than")}
# What the formula of a derived figure computes, as a reader is told.
FORMULAS = {"prior_from_growth": N_("the year before, from a value and its growth: value / (1 + growth / 100)"),
            "ratio": N_("the first figure divided by the second")}
STATUS_WORDS = {"actual": N_("actual"), "target": N_("target"), "forecast": N_("forecast"), "derived": N_("derived"),
                "policy": N_("policy rule")}
SOURCE_KIND_WORDS = {"news report": N_("news report"), "news summary": N_("news summary"),
                     "official policy text": N_("official policy text"), "official statistics": N_("official statistics")}
NO_PERIOD = N_("period not given")  # a figure whose period the article does not give
TOPIC_SUMMARY = N_("quoted from the topic page's summary")  # a quote read on a listing page, not in the article


def formatter(display: Display, lang: str = "en") -> Callable[[float], str]:
    """How to write a value of one unit the way a reader says it: '702 billion yuan', '13%', '410,000 enterprises'.

    In Chinese: 7020亿元, 13%, 41万家, 第4位, 第28个 (every large number in 万 and 亿, no space before the unit).
    """
    zh = lang == "zh"
    in_order = display.scale == "ordinal"
    scales = SCALES[lang] if display.scale == "words" or (zh and not in_order) else ()
    prefix, suffix = (display.prefix_zh, display.suffix_zh) if zh else (display.prefix, display.suffix)
    if suffix and not (zh or suffix.startswith("%")):
        suffix = " " + suffix
    decimals = display.decimals
    spec = f"{'' if zh else ','}.{decimals}f"
    gap = "" if zh else " "

    def write(value: float) -> str:
        number, word = value, ""
        for size, name in scales:
            if abs(value) >= size:
                number, word = value / size, gap + name
                break
        text = format(number, spec)
        if decimals:
            text = text.rstrip("0").rstrip(".")
        if in_order and float(number).is_integer():
            if zh:  # a rank is 第4位; an order of reaching a mark takes its own measure word: 第28个
                return f"第{int(number)}{suffix or '位'}"
            text = ordinal(int(number))
        return f"{prefix}{text}{word}{suffix}"

    return write


def qualified(text: str, qualifier: str, short: bool = False, lang: str = "en") -> str:
    """Put the qualifier before a written value: 'more than 9 trillion yuan', '> 9 trillion yuan' when short; 超过9万亿元."""
    if qualifier == "exact":
        return text
    if lang == "zh":
        return translation(lang).gettext(QUALIFIER_WORDS[qualifier]) + text
    return f"{QUALIFIER_SIGNS[qualifier] if short else qualifier} {text}"


def status_word(status: object, lang: str = "en") -> str:
    """A status as the reader's language says it: 'target', 目标; a value the interface does not know, as it is."""
    return translation(lang).gettext(STATUS_WORDS[status]) if status in STATUS_WORDS else str(status)


def source_kind_word(kind: object, lang: str = "en") -> str:
    """A source's kind as the reader's language says it: 'news summary', 新闻摘要; an unknown value as it is."""
    return translation(lang).gettext(SOURCE_KIND_WORDS[kind]) if kind in SOURCE_KIND_WORDS else str(kind)


def qualifier_word(qualifier: object, lang: str = "en") -> str:
    """A qualifier as the reader's language says it: 'more than', 超过; a value the interface does not know, as it is."""
    return translation(lang).gettext(QUALIFIER_WORDS[qualifier]) if qualifier in QUALIFIER_WORDS else str(qualifier)


def date_text(iso: str, lang: str = "en") -> str:
    """A date as the reader's language writes it: '2025-02-05' in English, 2025年2月5日 in Chinese."""
    if lang == "en":
        return iso
    return format_date(dt.date.fromisoformat(iso), format="long", locale=BABEL_LOCALE[lang])


def period_text(period: object, lang: str = "en") -> str:
    """A period as the reader's language writes it: '2021-2023'; 2021—2023年; a missing one 'period not given'."""
    if not isinstance(period, str) or not period:
        return translation(lang).gettext(NO_PERIOD)
    return period if lang == "en" else period.replace("-", "—") + "年"


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
