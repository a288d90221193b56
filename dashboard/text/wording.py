"""How values, and the words and marks around them, are written in each language: 702 billion yuan, 超过9万亿元, 第4位."""

from __future__ import annotations

from collections.abc import Callable

from dashboard.data.quote_numbers import SCALES as ENGLISH_SCALES
from dashboard.data.quote_numbers import ordinal
from dashboard.data.schema import Display
from dashboard.text.locale import N_, Locale

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


def formatter(display: Display, loc: Locale) -> Callable[[float], str]:
    """How to write a value of one unit the way a reader says it: '702 billion yuan', '13%', '410,000 enterprises'.

    In Chinese: 7020亿元, 13%, 41万家, 第4位, 第28个 (every large number in 万 and 亿, no space before the unit).
    """
    zh = loc.code == "zh"
    in_order = display.scale == "ordinal"
    scales = SCALES[loc.code] if display.scale == "words" or (zh and not in_order) else ()
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


def qualified(text: str, qualifier: str, loc: Locale, short: bool = False) -> str:
    """Put the qualifier before a written value: 'more than 9 trillion yuan', '> 9 trillion yuan' when short; 超过9万亿元."""
    if qualifier == "exact":
        return text
    if loc.code == "zh":
        return loc._(QUALIFIER_WORDS[qualifier]) + text
    return f"{QUALIFIER_SIGNS[qualifier] if short else qualifier} {text}"


def status_word(status: object, loc: Locale) -> str:
    """A status as the reader's language says it: 'target', 目标; a value the interface does not know, as it is."""
    return loc._(STATUS_WORDS[status]) if status in STATUS_WORDS else str(status)


def source_kind_word(kind: object, loc: Locale) -> str:
    """A source's kind as the reader's language says it: 'news summary', 新闻摘要; an unknown value as it is."""
    return loc._(SOURCE_KIND_WORDS[kind]) if kind in SOURCE_KIND_WORDS else str(kind)


def qualifier_word(qualifier: object, loc: Locale) -> str:
    """A qualifier as the reader's language says it: 'more than', 超过; a value the interface does not know, as it is."""
    return loc._(QUALIFIER_WORDS[qualifier]) if qualifier in QUALIFIER_WORDS else str(qualifier)


def period_text(period: object, loc: Locale) -> str:
    """A period as the reader's language writes it: '2021-2023'; 2021—2023年; a missing one 'period not given'."""
    if not isinstance(period, str) or not period:
        return loc._(NO_PERIOD)
    return period if loc.code == "en" else period.replace("-", "—") + "年"


def aside(text: object, loc: Locale) -> str:
    """A bracketed aside after a name, or nothing when there is no text: ' (after digitising)', （数字化后）."""
    if not isinstance(text, str) or not text.strip():
        return ""
    return f"{loc.marks.open}{text}{loc.marks.close}"


def years_text(low: int, high: int, loc: Locale) -> str:
    """A span of years in prose: '2019 to 2024' (2019—2024年), or the one year: '2019' (2019年)."""
    if low == high:
        return period_text(str(low), loc)
    return loc._("{low} to {high}").format(low=low, high=high)
