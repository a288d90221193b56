"""How values are written for readers: '702 billion yuan', '> 9 trillion yuan', '4th'. No I/O."""

from __future__ import annotations

from collections.abc import Callable

from dashboard.schema import Display

SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
QUALIFIER_SIGNS = {"exact": "", "about": "~", "nearly": "≈", "more than": ">", "at least": "≥", "up to": "≤",
                   "less than": "<"}


def format_value(value: float, display: Display) -> str:
    """Write a value the way a reader says it: '702 billion yuan', '13%', '410,000 enterprises'."""
    return formatter(display)(value)


def formatter(display: Display) -> Callable[[float], str]:
    """format_value for one display, with the display read once (a table of thousands of figures uses a few)."""
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


def qualified(text: str, qualifier: str, short: bool = False) -> str:
    """Put the qualifier before a written value: 'more than 9 trillion yuan', or '> 9 trillion yuan' when short."""
    if qualifier == "exact":
        return text
    return f"{QUALIFIER_SIGNS[qualifier] if short else qualifier} {text}"
