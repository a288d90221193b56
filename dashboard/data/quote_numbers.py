"""Where a figure's number stands in its quote, in the ways articles write numbers. No I/O."""

from __future__ import annotations

import re

WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
ORDINALS = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth")
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))  # English counts in thousands


def ordinal(n: int) -> str:
    """An English ordinal in digits: 1st, 2nd, 3rd, 4th, 11th, 28th."""
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _plain(value: float) -> list[str]:
    """A number as digits: 30,000 and 30000; 19.6 and 19.60; 1.8."""
    forms = [f"{value:,.0f}", f"{value:.0f}"] if float(value).is_integer() else []
    forms += [f"{value:g}", f"{value:,.2f}".rstrip("0").rstrip("."), f"{value:.2f}"]
    return forms


def spoken(value: float) -> str:
    """The usual way to write `value` in a sentence: '720 billion', '30,000', '1.8'."""
    size, word = next(((size, word) for size, word in SCALES if abs(value) >= size), (1.0, ""))
    return f"{value / size:,.15g} {word}".strip()


def forms(value: float) -> list[str]:
    """Ways an article may write `value`, longest first: '702 billion', 'one trillion', '30,000', 'fourth', '28th'."""
    found = []
    for size, word in SCALES:
        if abs(value) >= size:
            found += [f"{form} {word}" for form in _plain(value / size)]
            if float(value / size).is_integer() and int(value / size) < len(WORDS):
                found.append(f"{WORDS[int(value / size)]} {word}")
    found += _plain(value)
    if float(value).is_integer() and 0 <= value < len(WORDS):
        found += [WORDS[int(value)], ORDINALS[int(value)]]
    if float(value).is_integer() and value >= 0:
        found.append(ordinal(int(value)))
    return sorted(dict.fromkeys(found), key=len, reverse=True)


SUFFIX = re.compile(r"%|\s+percent\b|\s+times\b", re.IGNORECASE)  # marked with the number when it follows


def _whole(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a whole number: not part of a longer number or word."""
    before = text[start - 1] if start else " "
    after = text[end:end + 2]
    return not (before.isalnum() or before in "_.,") and not (
        after[:1].isalnum() or after[:1] == "_" or (after[:1] in ".," and after[1:2].isdigit()))


def locate(value: float, quote: str) -> tuple[int, int] | None:
    """Where the number stands in the quote (start, end), as a whole number, not part of a longer one; None if absent."""
    folded = quote.casefold()
    for form in forms(value):
        start = folded.find(form.casefold())
        while start >= 0:
            end = start + len(form)
            if _whole(folded, start, end):
                suffix = SUFFIX.match(quote, end)
                return start, suffix.end() if suffix else end
            start = folded.find(form.casefold(), start + 1)
    return None
