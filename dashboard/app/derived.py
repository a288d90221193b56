"""Charts and tables built once per data version and selection, then shared read-only by every session and rerun.

A profile of a loaded server showed building Plotly figures (with Plotly's validation) and shaping tables as a large
share of each run; a filter change that leaves a chart's rows as they were now reuses its figure. The caches are
small and bounded, so memory stays flat however many selections readers make (tests/test_soak.py).
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.app.widgets import DataKey, dataset_of, kept_rows
from dashboard.charts.alt_text import describe_chart, describe_story, describe_timeline
from dashboard.charts.indicator import chart_kind, drawn, indicator_chart
from dashboard.charts.story import story_chart, story_labels
from dashboard.charts.timeline import timeline_chart
from dashboard.table.filters import (
    MAX_TABLE_ROWS,
    SOURCE_ROWS,
    Filters,
    by_indicator,
    by_source,
    headline,
    page_of,
    rows_by_id,
    source_refs,
    timeline_counts,
)
from dashboard.table.page_tables import DATA_COLUMNS, SOURCE_COLUMNS, for_table, in_words
from dashboard.text.cards import articles, cards, records
from dashboard.text.citations import cite_source
from dashboard.text.escape import md_escape, source_line
from dashboard.text.locale import in_language, translation
from dashboard.text.wording import number, period_text


class Block(NamedTuple):
    """A chart and what goes with it: the rows it draws, places left out, its text alternative, the Markdown above it."""

    figure: go.Figure
    rows: pd.DataFrame
    left_out: int
    alt: str
    heading: str = ""


def _heading(key: DataKey, rows: pd.DataFrame, shown: pd.DataFrame, left_out: int) -> str:
    """An indicator chart's name, description, unit and sources, and how many places are left out, as Markdown."""
    words, code = translation(key.lang), key.lang
    indicator_id, name, unit = (rows[column].iat[0] for column in ("indicator_id", "indicator", "unit_label"))
    about = words.gettext("{description} Unit: {unit}.").format(
        description=dataset_of(key).descriptions.get(indicator_id, ""), unit=unit)
    lines = [f"**{md_escape(name)}**", f":small[:gray[{md_escape(about)}]]",
             f":small[{source_line(source_refs(shown), code)}]"]
    if left_out:
        drawn = words.ngettext(
            "{shown} of {total} figures drawn: {n} more place is left out here and listed on the Data page.",
            "{shown} of {total} figures drawn: {n} more places are left out here and listed on the Data page.",
            left_out).format(shown=number(len(shown), code), total=number(len(rows), code), n=number(left_out, code))
        lines.append(f":small[:gray[{drawn}]]")
    return "  \n".join(lines)


@st.cache_resource(show_spinner=False, max_entries=64)
def indicator_block(key: DataKey, ids: tuple[str, ...]) -> Block:
    """The chart of one indicator's figures (these ids): the top places when there are too many."""
    rows = rows_by_id(dataset_of(key).frame, list(ids))
    kind = chart_kind(rows)
    shown, left_out = drawn(rows)
    return Block(indicator_chart(shown, kind, key.lang), shown, left_out, describe_chart(shown, kind, key.lang),
                 _heading(key, rows, shown, left_out))


@st.cache_resource(show_spinner=False, max_entries=16)
def story_block(key: DataKey, story_id: str) -> Block:
    """A story chart of the data, by its id: its title, subtitle and note in the reader's language."""
    story = next(s for s in dataset_of(key).stories if s.id == story_id)
    rows = rows_by_id(dataset_of(key).frame, story.figures)
    title, subtitle, note = (in_language(story, field, key.lang) for field in ("title", "subtitle", "note"))
    alt = describe_story(title, subtitle, note, story_labels(rows, key.lang), rows, key.lang)
    return Block(story_chart(rows, story.kind, note, key.lang), rows, 0, alt)


@st.cache_resource(show_spinner=False, max_entries=16)
def timeline_block(key: DataKey, filters: Filters, counted: bool) -> Block:
    """The timeline of the figures the filters keep; `counted`: circles per sector, year and status, not a mark each."""
    data = dataset_of(key)
    rows = kept_rows(key, filters)
    marks = timeline_counts(rows) if counted else rows
    sectors = list(data.options.sectors)
    return Block(timeline_chart(marks, sectors, counted, key.lang), rows, 0, describe_timeline(marks, sectors, key.lang))


@st.cache_resource(show_spinner=False, max_entries=32)
def data_table(key: DataKey, filters: Filters) -> pd.DataFrame:
    """The Data page's table of the figures the filters keep (the first MAX_TABLE_ROWS), statuses in the language."""
    return in_words(for_table(kept_rows(key, filters).head(MAX_TABLE_ROWS), DATA_COLUMNS), key.lang)


@st.cache_resource(show_spinner=False, max_entries=32)
def source_table(key: DataKey, filters: Filters, source_id: str) -> pd.DataFrame:
    """The Sources page's table of one article's figures that the filters keep (the first SOURCE_ROWS)."""
    rows = kept_rows(key, filters)
    return in_words(for_table(rows[rows["source_id"] == source_id].head(SOURCE_ROWS), SOURCE_COLUMNS), key.lang)


@st.cache_resource(show_spinner=False, max_entries=4)
def figure_names(key: DataKey) -> dict[str, str]:
    """Each figure's name in the Figures page's list, by its id: indicator, place, period and value."""
    frame, words = dataset_of(key).frame, translation(key.lang)
    columns = (frame[name] for name in ("figure_id", "indicator", "place", "period", "value_label"))
    return {figure_id: words.gettext("{indicator}, {place}, {period}: {value}").format(
        indicator=indicator, place=place, period=period_text(str(period), key.lang), value=value)
        for figure_id, indicator, place, period, value in zip(*columns, strict=True)}


@st.cache_resource(show_spinner=False, max_entries=32)
def headline_cards(key: DataKey, filters: Filters) -> str:
    """The Overview's cards of the headline figures among those the filters keep, as one block of HTML."""
    data = dataset_of(key)
    return cards(records(headline(kept_rows(key, filters), list(data.headlines))), show_sector=True, lang=key.lang)


@st.cache_resource(show_spinner=False, max_entries=32)
def by_article(key: DataKey, filters: Filters) -> tuple[pd.DataFrame, ...]:
    """The figures the filters keep, by source article, newest article first."""
    return tuple(by_source(kept_rows(key, filters)))


@st.cache_resource(show_spinner=False, max_entries=32)
def article_cards(key: DataKey, filters: Filters, page: int, per_page: int) -> str:
    """One page of the cards of the articles behind the figures the filters keep, as one block of HTML."""
    found = dataset_of(key).sources
    items = []
    for rows in page_of(by_article(key, filters), page, per_page):
        first = rows.iloc[0]
        source = found.get(first.source_id)
        summary, cited = (None, None) if source is None else (in_language(source, "summary", key.lang),
                                                              cite_source(source, key.lang))
        items.append((first, len(rows), summary, cited))
    return articles(items, lang=key.lang)


class Sector(NamedTuple):
    """What the Sectors page draws of one sector: the sectors it offers, story charts, indicator charts, single figures."""

    offered: tuple[str, ...]  # the sectors with figures the other filters keep, in data order
    stories: tuple  # the sector's story charts (schema.StoryChart) whose every figure the filters keep
    charted: tuple[tuple[str, ...], ...]  # the figure ids of each indicator with several figures
    singles: pd.DataFrame  # the figures of indicators with a single figure


@st.cache_resource(show_spinner=False, max_entries=64)
def sector_parts(key: DataKey, filters: Filters, sector: str) -> Sector:
    """The parts of one sector's page among the figures the filters keep."""
    data = dataset_of(key)
    present = set(kept_rows(key, replace(filters, sectors=()))["sector"])
    rows = kept_rows(key, filters)
    rows = rows[rows["sector"] == sector]
    charted, singles = by_indicator(rows)
    kept = set(rows["figure_id"])  # a story chart is shown when the filters keep all its figures
    return Sector(tuple(s for s, _ in data.options.sectors if s in present),
                  tuple(story for story in data.stories if story.sector == sector and set(story.figures) <= kept),
                  tuple(tuple(group["figure_id"]) for group in charted), singles)
