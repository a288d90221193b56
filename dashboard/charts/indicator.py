"""Plotly figures of one indicator: bars over the years, bars per place, or marks per place over time."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import (
    BAR_PX,
    INSIDE_TEXT,
    OKABE_ITO,
    STATUS_STYLE,
    axis_title,
    bar_marker,
    bound_marks,
    bound_way,
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
    year_axis,
)
from dashboard.text.locale import Locale
from dashboard.text.wording import period_text

MAX_BARS = 12  # places on one bar chart
MAX_SERIES = 6  # places on one chart of several years


def chart_kind(rows: pd.DataFrame) -> str:
    """'years' (one place over time), 'series' (several places over time) or 'places' (one value per bar)."""
    if rows.duplicated(["geography", "period", "status"]).any():
        return "places"
    periods = rows.groupby("geography", sort=False)["period"].nunique()
    if len(periods) == 1 and periods.iloc[0] > 1:
        return "years"
    if len(periods) > 1 and (periods > 1).any():
        return "series"
    return "places"


def drawn(rows: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The rows a chart of one indicator draws (top places when there are too many) and how many places are left out."""
    kind = chart_kind(rows)
    if kind == "years":
        return rows.sort_values(["year_end", "year_start"], kind="stable"), 0
    if kind == "places":
        keep = rows.sort_values("value", ascending=False, na_position="last", kind="stable").head(MAX_BARS)
        return keep, rows["geography"].nunique() - keep["geography"].nunique()
    stats = rows.groupby("geography").agg(n=("value", "size"), latest=("year_end", "max"), top=("value", "max"))
    ranked = stats.sort_values(["n", "latest", "top"], ascending=False, kind="stable").index[:MAX_SERIES]
    keep = rows[rows["geography"].isin(ranked)].sort_values(["geography", "year_end"], kind="stable")
    return keep, len(stats) - len(ranked)


def bar_labels(rows: pd.DataFrame, loc: Locale) -> list[str]:
    """A distinct category name per row: the place, then its period, then the figure's label (or id) when still ambiguous."""
    marks = loc.marks
    labels = [str(g) for g in rows["place"]]
    if rows["period"].nunique() > 1:
        labels = [f"{label}{marks.comma}{period_text(period, loc)}"
                  for label, period in zip(labels, rows["period"], strict=True)]
    counts = Counter(labels)
    which = [label if isinstance(label, str) else fid for label, fid in zip(rows["label"], rows["figure_id"], strict=True)]
    return [label if counts[label] == 1 else f"{label}{marks.colon}{w}" for label, w in zip(labels, which, strict=True)]


def _value_range(values: pd.Series, room: float) -> list[float] | None:
    low, high = min(values.min(), 0.0), max(values.max(), 0.0)
    return [low * room, high * room] if high > low else None


def indicator_chart(rows: pd.DataFrame, loc: Locale, kind: str | None = None) -> go.Figure:
    """One indicator's figures: bars over the years for one place, bars per place, or marks per place over time.

    `kind`: the chart kind of all the indicator's rows, when `rows` are only those drawn of them (see `drawn`): the
    top places of a bar chart must stay a bar chart, even when they no longer share a period. `loc`: the reader's.
    """
    kind = kind or chart_kind(rows)
    if kind == "series":
        return _series(rows, loc)
    size, _ = scale(rows, loc)
    horizontal = kind == "places"
    labels = pd.Series([wrap(label, 44) for label in bar_labels(rows, loc)], index=rows.index)
    foot = footer(rows, loc, bars=True)
    if horizontal:  # the largest on top, each bar under its label
        order = rows["value"].sort_values(ascending=False, kind="stable").index
        ys, drawn_labels, row_axis = labelled_rows(list(labels[order]))
        row_of = pd.Series(ys, index=order)
    traces = []
    for status, (name, colour, pattern, _) in styles(loc).items():
        part = rows[rows["status"] == status]
        if part.empty:
            continue
        values = part["value"] / size
        where = row_of[part.index] if horizontal else part["year_end"]
        # A long solid bar holds its label (a phone has no room beside it); a hatched one would hide it, and a bounded
        # value's label stands outside, after the arrow at the bar's end.
        inside = horizontal and not pattern
        traces.append(dict(type="bar",
            x=values if horizontal else where, y=where if horizontal else values, orientation="h" if horizontal else "v",
            name=name, text=padded(inert(part["value_label"]), part["qualifier"], horizontal), cliponaxis=False,
            **({"width": BAR_PX} if horizontal else {}),
            textposition=["auto" if inside and not bound_way(q) else "outside" for q in part["qualifier"]],
            insidetextfont={"color": INSIDE_TEXT.get(status, "#111318")},
            marker=bar_marker(colour, pattern),
            customdata=hover_data(part, loc), hovertemplate=hover(loc),
        ))
        marks = bound_marks(part, size, horizontal, where)
        if marks:
            traces.append(marks)
    value_axis = {"title": {"text": axis_title(rows, loc)}, "tickformat": ",~f", "zeroline": True,
                  "range": _value_range(rows["value"] / size, 1.6 if horizontal else 1.2)}
    if horizontal:
        spec = layout(tall(row_axis["range"][0]), footer=foot, left=12, barmode="overlay", xaxis=value_axis, yaxis=row_axis)
        spec["annotations"] = [*drawn_labels, *spec["annotations"]]
        return go.Figure(data=traces, layout=spec)
    return go.Figure(data=traces, layout=layout(360, footer=foot, yaxis=value_axis,
                                                xaxis=year_axis(rows["year_end"], 0.7, loc)))


def _series(rows: pd.DataFrame, loc: Locale) -> go.Figure:
    """Several places over the years: a colour per place, a marker shape per status, lines only through actuals."""
    size, _ = scale(rows, loc)
    ordered = rows.sort_values("year_end", kind="stable")
    ordered = ordered.assign(_y=ordered["value"] / size, _hover=hover_data(ordered, loc))
    traces = []
    for i, (geo, points) in enumerate(ordered.groupby("place", sort=False)):
        colour, [name] = OKABE_ITO[i % len(OKABE_ITO)], inert([geo])
        known = points[points["status"].isin(["actual", "derived"])]
        if len(known) > 1:
            traces.append(dict(type="scatter", x=known["year_end"], y=known["_y"], mode="lines",
                               line={"color": colour, "width": 2}, legendgroup=name, showlegend=False, hoverinfo="skip"))
        for status, part in points.groupby("status", sort=False):
            traces.append(dict(type="scatter",
                x=part["year_end"], y=part["_y"], mode="markers", name=name, legendgroup=name, showlegend=False,
                customdata=list(part["_hover"]), hovertemplate=hover(loc),
                marker={"color": colour, "size": 11, "line": {"width": 2}, "symbol": STATUS_STYLE[status][3]},
            ))
        traces.append(dict(type="scatter", x=[None], y=[None], mode="lines+markers", name=name, legendgroup=name,
                           line={"color": colour, "width": 2}, marker={"color": colour, "size": 9}))
    for status in [s for s in STATUS_STYLE if s in set(rows["status"])]:
        name, _, _, symbol = styles(loc)[status]
        traces.append(dict(type="scatter", x=[None], y=[None], mode="markers", name=name, legendgroup="status",
                           marker={"color": "#999999", "size": 11, "symbol": symbol, "line": {"width": 2}}))
    return go.Figure(data=traces, layout=layout(
        400, footer=footer(rows, loc), xaxis=year_axis(rows["year_end"], 0.5, loc),
        yaxis={"title": {"text": axis_title(rows, loc)}, "tickformat": ",~f", "rangemode": "tozero"}))
