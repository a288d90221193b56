"""Field types of the data with readable errors: a period of years, a finite number; how a wrong value reads. No I/O."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator

YEAR_MIN, YEAR_MAX = 1900, 2100

PERIOD = re.compile(r"(\d{4})(?:\s*[-–]\s*(\d{4}))?")


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
