"""Pydantic models of the curated data: sectors, units, indicators, places, figures and sources. No I/O."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, StrictBool, field_validator

from dashboard.data.chinese import ChineseText, LabelTranslation, Translation
from dashboard.data.fields import Number, describe, parse_period, url_problem, visible

ARITY = {"prior_from_growth": 2, "ratio": 2}  # inputs each formula takes
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$"
CAPTURE_PATTERN = r"^[\w.-]+\.txt$"

Qualifier = Literal["exact", "about", "nearly", "more than", "at least", "up to", "less than"]
Status = Literal["actual", "target", "forecast", "derived", "policy"]  # policy: a rule a policy sets, not a goal
# What an indicator measures, so that a chart does not set unlike measures side by side unexplained (see README).
Kind = Literal["flow", "level", "count", "rate", "rank", "per_unit"]
SourceKind = Literal["news report", "news summary", "official policy text", "official statistics"]
QuotedFrom = Literal["article", "topic page summary"]  # what the captured page holds: the article, or a summary of it
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
STATUSES: tuple[str, ...] = get_args(Status)
KINDS: tuple[str, ...] = get_args(Kind)
SOURCE_KINDS: tuple[str, ...] = get_args(SourceKind)
Id = Annotated[str, Field(pattern=ID_PATTERN)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]


class Strict(BaseModel):
    """Base model: unknown fields are errors, strings are stripped, invisible characters refused in every text."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    @field_validator("*", mode="before")
    @classmethod
    def _visible(cls, value: object) -> object:
        return visible(value)


class Sector(Strict):
    id: Id
    label: Text
    label_zh: ChineseText
    description: Text
    description_zh: ChineseText


class Display(Strict):
    """How a value of a unit is written: '702 billion yuan', '13%', '4th', '280 businesses a day'.

    The suffix follows the number after a space, except a suffix starting with '%'. In Chinese the number is written
    with prefix_zh and suffix_zh and no space: 7020亿元, 1086亿美元, 13%, 280家/日. An ordinal's suffix_zh is its measure
    word: 第28个 (the 28th to reach a mark); without one, 第4位 (a rank).
    """

    prefix: str = ""
    suffix: str = ""
    prefix_zh: str = ""
    suffix_zh: str = ""
    scale: Literal["words", "ordinal", "none"] = "none"
    decimals: int = Field(default=2, ge=0, le=6)


class Unit(Strict):
    id: Id
    label: Text
    label_zh: ChineseText
    description: Text
    description_zh: ChineseText
    display: Display = Display()
    signed: bool = False  # True where a negative value makes sense (growth rates)


class Indicator(Strict):
    id: Id
    name: Text
    name_zh: ChineseText
    sector: Id
    unit: Id
    kind: Kind
    description: Text
    description_zh: ChineseText


class Place(Strict):
    """A place figures are about, as the figures' `geography` names it, with its Chinese name."""

    name: Text
    name_zh: ChineseText


class Usd(Strict):
    """A US-dollar equivalent exactly as the article states it; never converted by us."""

    value: Number = Field(gt=0)
    qualifier: Qualifier | None = None  # None: the figure's own qualifier, unless the article qualifies the dollars


class Derivation(Strict):
    formula: Literal["prior_from_growth", "ratio"]
    inputs: list[Id] = Field(min_length=1)


class Figure(Strict):
    id: Id
    indicator: Id
    geography: Text
    period: str | None  # None (written `unknown`): the article gives no period and none can be inferred
    period_stated: StrictBool  # True: the article states the period; False: we inferred it (the note says how)
    value: Number
    qualifier: Qualifier
    status: Status
    source: Id
    quote: Annotated[str, Field(min_length=1, max_length=300)]
    usd: Usd | None = None
    derived: Derivation | None = None
    label: Annotated[str, Field(min_length=1, max_length=60)] | None = None  # tells apart figures of one place and period
    label_zh: LabelTranslation = None
    note: Text | None = None
    note_zh: Translation = None

    @field_validator("period", mode="before")
    @classmethod
    def _period_text(cls, value: object) -> str | None:
        return parse_period(value)

    @property
    def usd_qualifier(self) -> str | None:
        """The dollars' qualifier: the article's own for them, else the figure's."""
        return None if self.usd is None else self.usd.qualifier or self.qualifier

    @field_validator("quote")
    @classmethod
    def _short_quote(cls, value: str) -> str:
        words = len(value.split())
        if words > 30:
            raise ValueError(f"quote has {words} words; keep it to about 25")
        return value


class StoryChart(Strict):
    """A chart of a comparison an article draws: its figures side by side under a title the data supports."""

    id: Id
    title: Text
    title_zh: ChineseText
    subtitle: Text | None = None
    subtitle_zh: Translation = None
    sector: Id
    kind: Literal["bars", "target_vs_actual", "small_multiples"]
    figures: list[Id] = Field(min_length=2, max_length=12)
    note: Text | None = None  # required when the figures differ in status, place or period
    note_zh: Translation = None
    mixes_explained: StrictBool = False  # true: the note says how the figures' different measures differ


class Catalog(Strict):
    """The whole of indicators.yaml."""

    sectors: list[Sector] = Field(min_length=1)
    units: list[Unit] = Field(min_length=1)
    indicators: list[Indicator] = Field(min_length=1)
    places: list[Place] = Field(min_length=1)  # every figure's geography, with its Chinese name
    figures: list[Figure] = Field(min_length=1)
    headlines: list[Id] = []  # figure ids for the Overview's cards, in order
    charts: list[StoryChart] = []  # story charts, shown first on their sector's page


class Source(Strict):
    """One source article: the contents of sources/<id>.yaml (the id is the file stem)."""

    publisher: Text
    publisher_zh: ChineseText | None = None  # the publisher's own Chinese name, where it has one
    kind: SourceKind  # what sort of document it is: press, or an official text
    headline: Text  # as published
    author: Text | None = None
    published: dt.date
    url: HttpUrl | None  # required key: null says explicitly that no address is known
    accessed: dt.date
    summary: Text
    summary_zh: ChineseText
    capture: Annotated[str, Field(pattern=CAPTURE_PATTERN)]
    quoted_from: QuotedFrom = "article"  # "topic page summary": the capture is a listing page's summary of the article
    note: Text | None = None
    note_zh: Translation = None

    @field_validator("url", mode="before")
    @classmethod
    def _web_only(cls, value: object) -> object:
        if value is None:
            return value
        if not re.match(r"(?i)^https?://", str(value)):
            raise ValueError(f"must be a web address starting with http:// or https://, not {describe(value)}")
        problem = url_problem(str(value).strip())
        if problem:
            raise ValueError(f"is not a valid web address: it {problem}; not {describe(value)}")
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
