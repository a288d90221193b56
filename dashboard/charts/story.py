"""Story charts: the comparisons the articles draw, curated in indicators.yaml, with their note and sources drawn in."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.charts.style import (
    STATUS_STYLE,
    axis_title,
    bar_marker,
    footer,
    hover,
    hover_data,
    inert,
    layout,
    scale,
    scaled_unit,
    styles,
    wrap,
)
from dashboard.text.locale import DEFAULT
from dashboard.text.wording import MARKS, aside, period_text, status_word


def story_labels(rows: pd.DataFrame, lang: str = DEFAULT) -> list[str]:
    """A bar's name: the place and period, with the indicator when the figures measure different things."""
    marks = MARKS[lang]
    several = rows["indicator"].nunique() > 1
    return [(f"{r.indicator}{marks.colon}" if several else "") + f"{r.place}{marks.comma}{period_text(r.period, lang)}"
            + aside(r.label, lang) for r in rows.itertuples()]


def _bar(rows: pd.DataFrame, labels: list[str], size: float, status: str, lang: str, legend: bool = True) -> dict:
    name, colour, pattern, _ = styles(lang)[status]
    return dict(type="bar", x=list(rows["value"] / size), y=labels, orientation="h", name=name, showlegend=legend,
                text=inert(rows["value_label"]), textposition="outside", cliponaxis=False,
                marker=bar_marker(colour, pattern),
                customdata=hover_data(rows, lang), hovertemplate=hover(lang))


def story_chart(rows: pd.DataFrame, kind: str, note: str | None, lang: str = DEFAULT) -> go.Figure:
    """A story chart: bars on one axis ('bars', 'target_vs_actual') or one small chart per figure ('small_multiples').

    The title stands above the chart on the page; the footer (sources, note, the dashboard) is drawn into it. `note`
    is in the reader's language `lang`.
    """
    foot = footer(rows, note, lang)
    if kind == "small_multiples":
        return _multiples(rows, foot, lang)
    size, _ = scale(rows, lang)
    labels = [wrap(label, 28) for label in story_labels(rows, lang)]
    positions = {label: i for i, label in enumerate(labels)}
    traces = []
    for status in STATUS_STYLE:
        at = [i for i, s in enumerate(rows["status"]) if s == status]
        if at:
            traces.append(_bar(rows.iloc[at], [labels[i] for i in at], size, status, lang))
    lines = sum(label.count("<br>") + 1 for label in labels)
    top = max(rows["value"].max() / size, 0)
    spec = layout(130 + 24 * lines, footer=foot,
        xaxis={"title": {"text": axis_title(rows, lang)}, "tickformat": ",~f", "range": [0, top * 1.45 or 1]},
        yaxis={"categoryorder": "array", "categoryarray": sorted(positions, key=positions.get, reverse=True),
               "automargin": True})
    return go.Figure(data=traces, layout=spec)


def _multiples(rows: pd.DataFrame, foot: dict, lang: str) -> go.Figure:
    """One small bar per figure, stacked, each on its own axis: for figures in different units (a phone fits them)."""
    several = rows["status"].nunique() > 1
    labels = [wrap(label + (aside(status_word(status, lang), lang) if several else ""), 48)
              for label, status in zip(story_labels(rows, lang), rows["status"], strict=True)]
    fig = make_subplots(rows=len(rows), cols=1, subplot_titles=labels, vertical_spacing=0.75 / len(rows))
    for i, row in enumerate(rows.itertuples(), start=1):
        part = rows.iloc[[i - 1]]
        size, word = scale(part, lang)
        fig.add_trace(_bar(part, [""], size, row.status, lang, legend=False), row=i, col=1)
        fig.update_xaxes(title_text=scaled_unit(word, *inert([row.unit_label]), lang), title_standoff=2, tickformat=",~f",
                         rangemode="tozero", range=[0, max(part["value"].iloc[0] / size, 0) * 1.6 or 1], row=i, col=1)
    fig.update_annotations(font_size=12, xanchor="left", x=0, align="left")
    spec = layout(40 + 150 * len(rows), footer=foot, showlegend=False)
    spec["margin"]["t"] = 50  # room for the first small chart's title
    fig.add_annotation(spec.pop("annotations")[0])  # after the subplot titles, which are annotations too
    fig.update_layout(spec)
    return fig
