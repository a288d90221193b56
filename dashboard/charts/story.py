"""Story charts: the comparisons the articles draw, curated in indicators.yaml, with their note and sources drawn in."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import (
    BAR_PX,
    NBSP,
    STATUS_STYLE,
    THEME_TEXT,
    axis_title,
    bar_marker,
    bound_marks,
    footer,
    hover,
    hover_data,
    inert,
    labelled_rows,
    layout,
    padded,
    scale,
    styles,
    tall,
    wrap,
)
from dashboard.text.locale import Locale
from dashboard.text.wording import aside, period_text, status_word


def story_labels(rows: pd.DataFrame, loc: Locale) -> list[str]:
    """A bar's name: the place and period, with the indicator when the figures measure different things."""
    marks = loc.marks
    several = rows["indicator"].nunique() > 1
    return [(f"{r.indicator}{marks.colon}" if several else "") + f"{r.place}{marks.comma}{period_text(r.period, loc)}"
            + aside(r.label, loc) for r in rows.itertuples()]


def _bar(rows: pd.DataFrame, ys: list[float], size: float, status: str, loc: Locale) -> list[dict]:
    """The bars of one status at their rows, with an arrow at the end of each bar whose value is a bound."""
    name, colour, pattern, _ = styles(loc)[status]
    bars = dict(type="bar", x=list(rows["value"] / size), y=ys, width=BAR_PX, orientation="h", name=name,
                text=padded(inert(rows["value_label"]), rows["qualifier"], True), textposition="outside",
                cliponaxis=False, marker=bar_marker(colour, pattern),
                customdata=hover_data(rows, loc), hovertemplate=hover(loc))
    marks = bound_marks(rows, size, True, ys)
    return [bars, marks] if marks else [bars]


def story_chart(rows: pd.DataFrame, kind: str, note: str | None, loc: Locale) -> go.Figure:
    """A story chart: bars on one axis ('bars', 'target_vs_actual') or one labelled number per figure ('small_multiples').

    The title stands above the chart on the page; the footer (sources, note, the dashboard) is drawn into it. `note`
    is in the reader's language.
    """
    if kind == "small_multiples":
        return _numbers(rows, footer(rows, loc, note), loc)
    foot = footer(rows, loc, note, bars=True)
    size, _ = scale(rows, loc)
    labels = [wrap(label, LABEL_WIDTH) for label in story_labels(rows, loc)]
    ys, drawn, yaxis = labelled_rows(labels)
    traces = []
    for status in STATUS_STYLE:
        at = [i for i, s in enumerate(rows["status"]) if s == status]
        if at:
            traces.extend(_bar(rows.iloc[at], [ys[i] for i in at], size, status, loc))
    top = max(rows["value"].max() / size, 0)
    spec = layout(tall(yaxis["range"][0]), footer=foot, left=12, barmode="overlay", yaxis=yaxis,
                  xaxis={"title": {"text": axis_title(rows, loc)}, "tickformat": ",~f", "range": [0, top * 1.6 or 1]})
    spec["annotations"] = [*drawn, *spec["annotations"]]
    return go.Figure(data=traces, layout=spec)


LABEL_WIDTH = 44  # columns of a bar's label, above it, before it wraps (a phone's chart holds about this many)
NUMBER_SIZE = 22  # pixels of a small multiple's number
LABEL_LINES_PX = 16  # pixels of one line of the label under it


def _numbers(rows: pd.DataFrame, foot: dict, loc: Locale) -> go.Figure:
    """One labelled number per figure, stacked: figures in different units, or too far apart for one scale, are
    written, never drawn as bars whose lengths would mean nothing.

    Each number is the value as the article words it, after its status's mark (which a click opens, as on any
    chart); under it its indicator, place, period and label.
    """
    several = rows["status"].nunique() > 1
    labels = [wrap(label + (aside(status_word(status, loc), loc) if several else ""), 44)
              for label, status in zip(story_labels(rows, loc), rows["status"], strict=True)]
    depth = max(label.count("<br>") + 1 for label in labels)
    panel = NUMBER_SIZE + 38 + LABEL_LINES_PX * depth  # pixels of one number with its label and the gap after them
    traces, named, annotations = [], set(), []
    for i, (row, label, data) in enumerate(zip(rows.itertuples(), labels, hover_data(rows, loc), strict=True)):
        name, colour, _, symbol = styles(loc)[row.status]
        traces.append(dict(type="scatter", x=[0], y=[i], mode="markers+text", name=name, legendgroup=row.status,
                           showlegend=several and row.status not in named,
                           marker={"symbol": symbol, "size": 16, "color": colour, "line": {"width": 2, "color": colour}},
                           text=[f"{NBSP}{inert([row.value_label])[0]}"], textposition="middle right",
                           textfont={"size": NUMBER_SIZE, "color": THEME_TEXT}, cliponaxis=False,
                           customdata=[data], hovertemplate=hover(loc)))
        named.add(row.status)
        annotations.append({"text": label, "x": 0, "y": i, "xref": "x", "yref": "y", "xanchor": "left",
                            "yanchor": "top", "yshift": -(NUMBER_SIZE // 2 + 6), "xshift": -8, "showarrow": False,
                            "align": "left", "font": {"size": 12, "color": THEME_TEXT}, "name": "label"})
    hidden = {"visible": False, "fixedrange": True}
    top = -(NUMBER_SIZE / 2 + 8) / panel  # room above the first number; one unit of the y axis is one panel
    spec = layout(62 + panel * len(rows), footer=foot, left=16, below=12, showlegend=several,
                  xaxis={**hidden, "range": [-0.02, 1]}, yaxis={**hidden, "range": [top + len(rows), top]})
    spec["annotations"] = [*annotations, *spec["annotations"]]
    return go.Figure(data=traces, layout=spec)
