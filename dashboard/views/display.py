"""How values are written for readers: '702 billion yuan', '> 9 trillion yuan', '4th'. No I/O."""

from __future__ import annotations

from collections.abc import Callable

from dashboard.data.schema import Display

SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
QUALIFIER_SIGNS = {"exact": "", "about": "~", "nearly": "≈", "more than": ">", "at least": "≥", "up to": "≤",
                   "less than": "<"}


def formatter(display: Display) -> Callable[[float], str]:
    """How to write a value of one unit the way a reader says it: '702 billion yuan', '13%', '410,000 enterprises'."""
    words, ordinal, prefix, decimals = display.scale == "words", display.scale == "ordinal", display.prefix, display.decimals
    spec = f",.{decimals}f" if decimals else ",.0f"
    suffix = display.suffix
    if suffix and not suffix.startswith("%"):
        suffix = " " + suffix

    def write(value: float) -> str:
        number, word = value, ""
        if words:
            for size, name in SCALE_WORDS:
                if abs(value) >= size:
                    number, word = value / size, " " + name
                    break
        text = format(number, spec)
        if decimals:
            text = text.rstrip("0").rstrip(".")
        if ordinal and float(number).is_integer():
            n = int(number)
            text += "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{prefix}{text}{word}{suffix}"

    return write


def count(n: int, noun: str, plural: str | None = None) -> str:
    """A number and its noun, singular for one: '1 article', '2 articles', '1,200 figures'."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def agree(n: int, singular: str, plural: str) -> str:
    """The verb that agrees with a count: agree(1, 'matches', 'match') == 'matches'."""
    return singular if n == 1 else plural


def qualified(text: str, qualifier: str, short: bool = False) -> str:
    """Put the qualifier before a written value: 'more than 9 trillion yuan', or '> 9 trillion yuan' when short."""
    if qualifier == "exact":
        return text
    return f"{QUALIFIER_SIGNS[qualifier] if short else qualifier} {text}"


def citation(source) -> str:
    """A plain-text citation of one source article."""
    who = f"{source.author} ({source.publisher})" if source.author else source.publisher
    where = str(source.url) if source.url else "no link known"
    return f'{who}. "{source.headline}". {source.published.isoformat()}. {where} (accessed {source.accessed.isoformat()}).'
