"""Pydantic models of the curated data: sectors, units, indicators, figures and sources. No I/O."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, HttpUrl, field_validator

QUALIFIERS = ("exact", "about", "nearly", "more than", "at least", "up to", "less than")
STATUSES = ("actual", "target", "forecast", "derived")
FORMULAS = {
    "prior_from_growth": "value / (1 + growth / 100): the year before, from a value and its growth in percent",
    "ratio": "first / second",
}
ARITY = {"prior_from_growth": 2, "ratio": 2}
YEAR_MIN, YEAR_MAX = 1900, 2100
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$"
CAPTURE_PATTERN = r"^[\w.-]+\.txt$"

Qualifier = Literal["exact", "about", "nearly", "more than", "at least", "up to", "less than"]
Status = Literal["actual", "target", "forecast", "derived"]
Id = Annotated[str, Field(pattern=ID_PATTERN)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]


class Strict(BaseModel):
    """Base model: unknown fields are errors, strings are stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Sector(Strict):
    id: Id
    label: Text
    description: Text


class Display(Strict):
    """How a value of a unit is written: '702 billion yuan', '13%', '4th', '280 businesses a day'.

    The suffix follows the number after a space, except a suffix starting with '%'.
    """

    prefix: str = ""
    suffix: str = ""
    scale: Literal["words", "ordinal", "none"] = "none"
    decimals: int = Field(default=2, ge=0, le=6)


class Unit(Strict):
    id: Id
    label: Text
    description: Text
    display: Display = Display()
    signed: bool = False  # True where a negative value makes sense (growth rates)


class Indicator(Strict):
    id: Id
    name: Text
    sector: Id
    unit: Id
    description: Text


PERIOD = re.compile(r"(\d{4})(?:\s*[-–]\s*(\d{4}))?")


def _period(value: object) -> str:
    """Accept 2020, '2020' or '2021-2023' and return the canonical string."""
    if value.__class__ is int and YEAR_MIN <= value <= YEAR_MAX:  # the common case, without the pattern
        return str(value)
    text = str(value).strip()
    if len(text) == 9 and text[4] == "-" and text.isascii() and text[:4].isdigit() and text[5:].isdigit():
        start, end = int(text[:4]), int(text[5:])
    else:
        match = PERIOD.fullmatch(text)
        if isinstance(value, bool) or not match:
            raise ValueError(f"must be a year such as 2024 or a span such as 2021-2023, not {describe(value)}")
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


class Usd(Strict):
    """A US-dollar equivalent exactly as the article states it; never converted by us."""

    value: Number = Field(gt=0)
    qualifier: Qualifier = "exact"


class Derivation(Strict):
    formula: Literal["prior_from_growth", "ratio"]
    inputs: list[Id] = Field(min_length=1)


class Figure(Strict):
    id: Id
    indicator: Id
    geography: Text
    period: str
    value: Number
    qualifier: Qualifier
    status: Status
    source: Id
    quote: Annotated[str, Field(min_length=1, max_length=300)]
    usd: Usd | None = None
    derived: Derivation | None = None
    note: Text | None = None

    @field_validator("period", mode="before")
    @classmethod
    def _period_text(cls, value: object) -> str:
        return _period(value)

    @field_validator("quote")
    @classmethod
    def _short_quote(cls, value: str) -> str:
        words = len(value.split())
        if words > 30:
            raise ValueError(f"quote has {words} words; keep it to about 25")
        return value


class Catalog(Strict):
    """The whole of indicators.yaml."""

    sectors: list[Sector] = Field(min_length=1)
    units: list[Unit] = Field(min_length=1)
    indicators: list[Indicator] = Field(min_length=1)
    figures: list[Figure] = Field(min_length=1)


class Source(Strict):
    """One source article: the contents of sources/<id>.yaml (the id is the file stem)."""

    publisher: Text
    headline: Text
    author: Text | None = None
    published: dt.date
    url: HttpUrl | None  # required key: null says explicitly that no address is known
    accessed: dt.date
    summary: Text
    capture: Annotated[str, Field(pattern=CAPTURE_PATTERN)]
    note: Text | None = None

    @field_validator("url", mode="before")
    @classmethod
    def _web_only(cls, value: object) -> object:
        if value is not None and not re.match(r"(?i)^https?://", str(value)):
            raise ValueError(f"must be a web address starting with http:// or https://, not {describe(value)}")
        return value

    @field_validator("published", "accessed", mode="before")
    @classmethod
    def _real_date(cls, value: object) -> object:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                raise ValueError(f"{value.strip()!r} is not a real date") from None
        if not isinstance(value, dt.date):
            raise ValueError(f"must be a date written YYYY-MM-DD, not {describe(value)}")
        return value


Loc = tuple[str | int, ...]


def derive(formula: str, inputs: list[float]) -> float:
    """Compute a derived figure's value from its inputs' values."""
    if formula == "prior_from_growth":
        value, growth = inputs
        return value / (1 + growth / 100)
    first, second = inputs
    return first / second


def cross_check(catalog: Catalog, source_ids: set[str]) -> list[tuple[Loc, str]]:
    """Problems between records: duplicate ids, unknown references, derived figures that do not add up."""
    problems: list[tuple[Loc, str]] = []
    for section in ("sectors", "units", "indicators", "figures"):
        seen: dict[str, int] = {}
        for i, item in enumerate(getattr(catalog, section)):
            if item.id in seen:
                problems.append(((section, i, "id"), f"duplicate id {item.id!r} (first at item {seen[item.id] + 1})"))
            seen.setdefault(item.id, i)
    sectors = {s.id for s in catalog.sectors}
    units = {u.id: u for u in catalog.units}
    indicators = {i.id: i for i in catalog.indicators}
    figures = {f.id: f for f in catalog.figures}
    for i, ind in enumerate(catalog.indicators):
        if ind.sector not in sectors:
            problems.append((("indicators", i, "sector"), f"unknown sector {ind.sector!r}"))
        if ind.unit not in units:
            problems.append((("indicators", i, "unit"), f"unknown unit {ind.unit!r}"))
    for i, fig in enumerate(catalog.figures):
        problems += [((("figures", i) + loc), msg) for loc, msg in _check_figure(fig, indicators, units, source_ids)]
    problems += _check_derived(catalog.figures, figures)
    return problems


def _check_figure(fig: Figure, indicators, units, source_ids) -> list[tuple[Loc, str]]:
    problems: list[tuple[Loc, str]] = []
    indicator = indicators.get(fig.indicator)
    if indicator is None:
        problems.append((("indicator",), f"unknown indicator {fig.indicator!r}"))
    elif indicator.unit in units and fig.value < 0 and not units[indicator.unit].signed:
        problems.append((("value",), f"negative value {fig.value:g} makes no sense in unit {indicator.unit!r}"))
    if fig.source not in source_ids:
        problems.append((("source",), f"unknown source {fig.source!r} (no file sources/{fig.source}.yaml)"))
    if fig.status == "derived" and fig.derived is None:
        problems.append((("derived",), "required field is missing: status is derived, so give its formula and inputs"))
    elif fig.derived is not None and fig.status != "derived":
        problems.append((("status",), f"must be derived, because the figure has a 'derived' formula (not {fig.status!r})"))
    return problems


def _check_derived(items: list[Figure], figures: dict[str, Figure]) -> list[tuple[Loc, str]]:
    problems: list[tuple[Loc, str]] = []
    for i, fig in enumerate(items):
        if fig.derived is None:
            continue
        loc = ("figures", i, "derived", "inputs")
        missing = [name for name in fig.derived.inputs if name not in figures]
        if missing:
            problems.append((loc, f"unknown input figure(s): {', '.join(missing)}"))
        elif len(fig.derived.inputs) != ARITY[fig.derived.formula]:
            problems.append((loc, f"formula {fig.derived.formula} takes {ARITY[fig.derived.formula]} inputs"))
        elif _in_cycle(fig.id, figures):
            problems.append((loc, f"derived figure {fig.id!r} depends on itself"))
        else:
            try:
                expected = derive(fig.derived.formula, [figures[n].value for n in fig.derived.inputs])
            except ZeroDivisionError:
                problems.append((loc, "an input is zero, so the formula cannot be computed"))
                continue
            if not math.isclose(expected, fig.value, rel_tol=5e-3):
                problems.append(((("figures", i, "value")), f"{fig.value:g} does not match its formula ({expected:g})"))
    return problems


def _in_cycle(start: str, figures: dict[str, Figure]) -> bool:
    stack, seen = [start], set()
    while stack:
        current = figures.get(stack.pop())
        if current is None or current.derived is None:
            continue
        for name in current.derived.inputs:
            if name == start:
                return True
            if name not in seen:
                seen.add(name)
                stack.append(name)
    return False


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
