"""The tidy table's columns, declared once: name, type, meaning, and whether a Chinese page shows a twin in its place."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.text.locale import DEFAULT, N_, Locale


@dataclass(frozen=True)
class Column:
    """One column of the tidy table and of every download."""

    name: str
    type: str  # as the data package names it: string, boolean, integer, number or date
    meaning: str  # marked for translation; translated where a page shows it
    translated: bool = False  # a Chinese page shows its twin `<name>_zh` in its place


COLUMNS = (
    Column("figure_id", "string", N_("Stable id of the figure.")),
    Column("indicator_id", "string", N_("Id of the indicator the figure measures.")),
    Column("indicator", "string", N_("Name of the indicator."), translated=True),
    Column("sector", "string", N_("Id of the sector the indicator belongs to.")),
    Column("sector_label", "string", N_("Name of that sector."), translated=True),
    Column("geography", "string", N_("Place the figure is about.")),
    Column("label", "string",
           N_("Short words that tell apart figures of one indicator, place and period (e.g. before and after)."),
           translated=True),
    Column("period", "string",
           N_("Year, or first-last year of a span; for a target, the year it is due; empty where the "
           "article gives no period and none can be inferred.")),
    Column("period_stated", "boolean",
           N_("true if the article states the period; false if we inferred it from the article's "
           "date or context (the note says how).")),
    Column("year_start", "integer", N_("First year of the period; empty without a period.")),
    Column("year_end", "integer", N_("Last year of the period; empty without a period.")),
    Column("value", "number", N_("The value in base units (yuan, not billions of yuan).")),
    Column("unit", "string", N_("Id of the unit of value.")),
    Column("unit_label", "string", N_("Name of the unit."), translated=True),
    Column("value_text", "string",
           N_("The value written out with its qualifier, e.g. 'more than 9 trillion yuan'."), translated=True),
    Column("value_label", "string", N_("The same, short, e.g. '> 9 trillion yuan'."), translated=True),
    Column("qualifier", "string",
           N_("How the article words the value: exact, about, nearly, more than, at least, up to, less than.")),
    Column("status", "string",
           N_("actual, target, forecast, policy (a rule a policy sets, such as a cap or a threshold), or "
           "derived (computed by us from other figures).")),
    Column("usd_value", "number",
           N_("US-dollar equivalent where the article itself states one; never converted by us.")),
    Column("usd_text", "string",
           N_("That equivalent as written, with its qualifier (the figure's own unless the article "
           "qualifies the dollars otherwise)."), translated=True),
    Column("derived_formula", "string",
           N_("For derived figures: prior_from_growth (value / (1 + growth/100)) or ratio "
           "(first / second).")),
    Column("derived_inputs", "string",
           N_("For derived figures: the figure_ids of the inputs, in order, space separated.")),
    Column("note", "string", N_("Curator's note on how to read the figure."), translated=True),
    Column("source_id", "string", N_("Id of the source article.")),
    Column("source_title", "string", N_("Headline of the source article.")),
    Column("publisher", "string", N_("Publisher of the source article."), translated=True),
    Column("author", "string", N_("Author or byline of the source article, where known.")),
    Column("published", "date", N_("Date the source article was published.")),
    Column("accessed", "date", N_("Date the curator last read the source article at its address.")),
    Column("url", "string", N_("Web address of the source article; empty where none is known.")),
    Column("source_kind", "string",
           N_("What the source is: news report, news summary, official policy text or official "
           "statistics."), translated=True),
    Column("quoted_from", "string",
           N_("Where the quote was read: article, or topic page summary (a listing page's summary "
           "of the article, whose own page was not captured).")),
    Column("quote", "string", N_("The article's own words around the number, verbatim, in the article's language.")),
    Column("indicator_zh", "string",
           N_("Name of the indicator in Chinese (指标名称), in official statistical terms where they "
           "exist.")),
    Column("sector_label_zh", "string", N_("Name of the sector in Chinese (领域).")),
    Column("geography_zh", "string", N_("The place in Chinese (地区).")),
    Column("label_zh", "string", N_("The label in Chinese.")),
    Column("unit_label_zh", "string", N_("Name of the unit in Chinese (单位).")),
    Column("value_text_zh", "string",
           N_("The value as Chinese writes it, with 万 and 亿 and its qualifier, e.g. '超过9万亿元'.")),
    Column("value_label_zh", "string", N_("The same, for a chart label.")),
    Column("usd_text_zh", "string", N_("The US-dollar equivalent as Chinese writes it, e.g. '约1086亿美元'.")),
    Column("status_zh", "string", N_("The status in Chinese: 实际, 目标, 预测, 政策规定 or 推算.")),
    Column("note_zh", "string", N_("The curator's note in Chinese (说明).")),
    Column("publisher_zh", "string",
           N_("The publisher's own Chinese name where it has one (人民网英文版), else its name as "
           "published.")),
    Column("source_kind_zh", "string", N_("What the source is, in Chinese: 新闻报道, 新闻摘要, 官方政策文件 or 官方统计.")),
)
NAMES = tuple(column.name for column in COLUMNS)
BY_NAME = {column.name: column for column in COLUMNS}


def localised(frame: pd.DataFrame, loc: Locale) -> pd.DataFrame:
    """The frame in `loc`'s language: translated columns hold their Chinese twins; `place` is `geography` in the language."""
    if loc.code == DEFAULT:
        return frame.assign(place=frame["geography"])
    twins = {column.name: frame[f"{column.name}_{loc.code}"] for column in COLUMNS if column.translated}
    return frame.assign(place=frame[f"geography_{loc.code}"], **twins)
