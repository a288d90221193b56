"""Each chart the dashboard draws, with the rows it draws and its text alternative, built from the tidy table."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.alt_text import describe_chart, describe_story, describe_timeline
from dashboard.charts.indicator import chart_kind, drawn, indicator_chart
from dashboard.charts.story import story_chart, story_labels
from dashboard.charts.timeline import timeline_chart
from dashboard.table.filters import timeline_counts
from dashboard.text.locale import Locale

TIMELINE_MAX_POINTS = 400  # past this the timeline counts figures per sector and year


@dataclass(frozen=True)
class Chart:
    """A Plotly figure, the rows it draws, how many rows it leaves out, and the figure in words."""

    figure: go.Figure
    rows: pd.DataFrame
    alt: str
    left_out: int = 0


def indicator(rows: pd.DataFrame, loc: Locale) -> Chart:
    """The chart of one indicator's figures: the top places when there are too many."""
    kind = chart_kind(rows)
    shown, left_out = drawn(rows)
    return Chart(indicator_chart(shown, loc, kind), shown, describe_chart(shown, loc, kind), left_out)


def story(chart, rows: pd.DataFrame, loc: Locale) -> Chart:
    """A story chart (schema.StoryChart) of its figures' rows, with its title, subtitle and note in the reader's language."""
    title, subtitle, note = (loc.field(chart, name) for name in ("title", "subtitle", "note"))
    alt = describe_story(title, subtitle, note, story_labels(rows, loc), rows, loc)
    return Chart(story_chart(rows, chart.kind, note, loc), rows, alt)


def timeline(rows: pd.DataFrame, sectors: list[tuple[str, str]], loc: Locale) -> Chart:
    """Every figure of the rows on one year axis; circles counting figures when there are more than can be marked."""
    counted = len(rows) > TIMELINE_MAX_POINTS
    marks = timeline_counts(rows) if counted else rows
    return Chart(timeline_chart(marks, sectors, loc, counted), rows, describe_timeline(marks, sectors, loc))
