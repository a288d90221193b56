"""Field types of the data with readable errors: a period of years, a finite number; how a wrong value reads. No I/O."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
import urllib.parse
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator

YEAR_MIN, YEAR_MAX = 1900, 2100

PERIOD = re.compile(r"(\d{4})(?:\s*[-–]\s*(\d{4}))?")
# Bidirectional controls and zero-width characters: invisible, they make text read other than it is
HIDDEN = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]")
PAIRS = {")": "(", "]": "[", "}": "{"}
NEVER_IN_URLS = '"<>\\^`'  # never part of a web address unencoded (RFC 3986)


UNKNOWN = "unknown"  # how the data writes a period the article does not give


def parse_period(value: object) -> str | None:
    """Accept 2020, '2020' or '2021-2023' and return the canonical string; 'unknown' is None."""
    if isinstance(value, str) and value.strip() == UNKNOWN:
        return None
    match = PERIOD.fullmatch(str(value).strip())
    if isinstance(value, bool) or not match:
        raise ValueError(f"must be a year such as 2024, a span such as 2021-2023 or {UNKNOWN}, not {describe(value)}")
    start, end = int(match[1]), int(match[2] or match[1])
    for year in (start, end):
        if not YEAR_MIN <= year <= YEAR_MAX:
            raise ValueError(f"year {year} is outside {YEAR_MIN}-{YEAR_MAX}")
    if end < start:
        raise ValueError(f"the span ends ({end}) before it starts ({start})")
    return f"{start}" if start == end else f"{start}-{end}"


def period_bounds(period: str) -> tuple[int, int]:
    """First and last year of a canonical period string."""
    start, _, end = period.partition("-")
    return int(start), int(end or start)


def describe(value: object) -> str:
    """How a wrong value reads in a message: "text 'lots'", 'a list', 'nothing (null)'."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, str):
        return f"text {value[:60]!r}"
    if isinstance(value, (int, float)):
        return f"the number {value:g}" if isinstance(value, float) else f"the number {value}"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"the date {value.isoformat()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping (field: value)"
    return type(value).__name__


def _number(value: object) -> object:
    """Only YAML numbers: no text ('12'), no true/false, nothing too large for a float."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        hint = ""
        if isinstance(value, str):
            try:
                float(value)
                hint = " (write it without quotes; YAML reads 1e9 as text, write 1000000000 or 1.0e+9)"
            except ValueError:
                pass
        raise ValueError(f"must be a number, not {describe(value)}{hint}")
    if isinstance(value, int) and not -1e308 < value < 1e308:
        raise ValueError("number is too large")
    return value


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("must be a finite number, not NaN or infinity (.nan, .inf)")
    return value


Number = Annotated[float, BeforeValidator(_number), AfterValidator(_finite)]


def visible(value: object) -> object:
    """Refuse text (or a list of texts) holding a bidirectional control or a zero-width character."""
    for text in value if isinstance(value, list) else [value]:
        found = HIDDEN.search(text) if isinstance(text, str) else None
        if found:
            char = found.group()
            raise ValueError(f"holds the invisible character U+{ord(char):04X} ({unicodedata.name(char)}) at "
                             f"character {found.start() + 1}, which can make text read other than it is: delete it")
    return value


def url_problem(url: str) -> str | None:
    """What makes an http(s) address unusable as written (a space, a control, an unbalanced bracket or quote), or None."""
    for char in url:
        if char == " ":
            return "holds a space (write it as %20)"
        if char.isspace() or unicodedata.category(char).startswith("C"):
            return f"holds the invisible character U+{ord(char):04X}"
        if char in NEVER_IN_URLS:
            return f"holds the character {char!r} (write it as %{ord(char):02X})"
    open_brackets: list[str] = []
    for char in url:
        if char in PAIRS.values():
            open_brackets.append(char)
        elif char in PAIRS and (not open_brackets or open_brackets.pop() != PAIRS[char]):
            return f"has an unbalanced {char!r}"
    if open_brackets:
        return f"has an unbalanced {open_brackets[-1]!r}"
    if url.count("'") % 2:
        return "has an unbalanced quote (write ' as %27)"
    try:
        urllib.parse.urlsplit(url).port  # noqa: B018 (reading it checks the host and port)
    except ValueError as exc:
        return f"has a host or port that cannot be read ({exc})"
    return None
