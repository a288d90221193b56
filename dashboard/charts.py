"""Plotly figures of the tidy frame: one indicator per chart, and the timeline. Frame in, figure out."""

from __future__ import annotations

import html
import math
import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.views import bar_labels, chart_kind

# Okabe-Ito, a palette told apart with every common colour-vision deficiency.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#999999")
STATUS_STYLE = {
    # status: (legend name, colour, bar pattern, marker symbol)
    "actual": ("Actual", "#0072B2", "", "circle"),
    "derived": ("Derived (computed from other figures)", "#56B4E9", "", "square"),
    "target": ("Target (hatched or hollow)", "#E69F00", "/", "circle-open"),
    "forecast": ("Forecast (dotted or hollow)", "#CC79A7", ".", "diamond-open"),
}
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
HOVER = (
    "<b>%{customdata[0]}</b><br>%{customdata[1]}, %{customdata[2]}<br>Qualifier: %{customdata[3]}"
    "<br>Status: %{customdata[4]}<br>Source: %{customdata[5]}, %{customdata[6]}<extra></extra>"
)
HOVER_COLUMNS = ["value_text", "geography", "period", "qualifier", "status", "publisher", "published", "figure_id"]


def _text(values: pd.Series) -> list[str]:
    """Data text made inert for Plotly's small HTML subset."""
    return [html.escape(str(v), quote=False) if v is not None and v == v else "" for v in values]


def _wrap(text: str, width: int = 24) -> str:
    """A category label escaped and broken into lines of about `width` characters."""
    lines = textwrap.wrap(str(text), width=width, break_long_words=True, break_on_hyphens=True) or [""]
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def _custom(rows: pd.DataFrame) -> list[list[str]]:
    return [list(t) for t in zip(*(_text(rows[c]) for c in HOVER_COLUMNS), strict=True)]


def scale(rows: pd.DataFrame) -> tuple[float, str]:
    """Divisor and word for the value axis, so it reads '9 trillion', never 9e12 or 9T."""
    top = rows["value"].abs().max() if len(rows) else 0
    return next(((size, word) for size, word in SCALES if top >= size), (1.0, ""))


def axis_title(rows: pd.DataFrame) -> str:
    """The value axis title: the unit, with the scale word ('billion yuan')."""
    _, word = scale(rows)
    units = " / ".join(dict.fromkeys(rows["unit_label"].astype(str)))
    return f"{word} {units}".strip()


def year_ticks(low: int, high: int) -> list[int]:
    """Whole-year tick values from low to high, at most about 13 of them."""
    step = max(1, math.ceil((high - low + 1) / 13))
    return list(range(low, high + 1, step))


def _layout(fig: go.Figure, height: int) -> go.Figure:
    fig.update_layout(
        height=height, margin={"l": 10, "r": 10, "t": 40, "b": 10}, barmode="group", showlegend=True,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "title": {"text": ""}},
        hoverlabel={"align": "left"}, separators=".,",
    )
    return fig


def _value_range(values: pd.Series, room: float) -> list[float] | None:
    low, high = float(min(values.min(), 0)), float(max(values.max(), 0))
    return [low * room, high * room] if high > low else None


def indicator_chart(rows: pd.DataFrame) -> go.Figure:
    """One indicator's figures: bars over the years for one place, bars per place, or markers per place over time."""
    kind = chart_kind(rows)
    if kind == "series":
        return _series(rows)
    size, _ = scale(rows)
    fig = go.Figure()
    horizontal = kind == "places"
    labels = bar_labels(rows).map(_wrap) if horizontal else None
    for status, (name, colour, pattern, _) in STATUS_STYLE.items():
        part = rows[rows["status"] == status]
        if part.empty:
            continue
        values = part["value"] / size
        where = labels[part.index] if horizontal else part["year_end"]
        fig.add_bar(
            x=values if horizontal else where, y=where if horizontal else values, orientation="h" if horizontal else "v",
            name=name, marker={"color": colour, "line": {"color": colour, "width": 1.5},
                               "pattern": {"shape": pattern, "fillmode": "replace", "solidity": 0.35}},
            text=_text(part["value_label"]), textposition="outside", cliponaxis=False,
            customdata=_custom(part), hovertemplate=HOVER,
        )
    values = rows["value"] / size
    value_axis = {"title": {"text": axis_title(rows)}, "tickformat": ",~f",
                  "range": _value_range(values, 1.6 if horizontal else 1.2),
                  "zeroline": True}
    if horizontal:
        order = list(labels[rows.sort_values("value").index])
        fig.update_xaxes(**value_axis)
        fig.update_yaxes(categoryorder="array", categoryarray=order, title=None, automargin=True)
        lines = sum(label.count("<br>") + 1 for label in labels)
        return _layout(fig, 120 + 22 * lines + 16 * len(rows))
    years = sorted(set(rows["year_end"]))
    fig.update_yaxes(**value_axis)
    fig.update_xaxes(title={"text": "year"}, tickmode="array", tickvals=year_ticks(years[0], years[-1]),
                     tickformat="d", range=[years[0] - 0.7, years[-1] + 0.7])
    return _layout(fig, 360)


def _series(rows: pd.DataFrame) -> go.Figure:
    """Several places over the years: a colour per place, a marker shape per status, lines only through actuals."""
    size, _ = scale(rows)
    fig = go.Figure()
    for i, (geo, part) in enumerate(rows.groupby("geography", sort=False)):
        colour, name = OKABE_ITO[i % len(OKABE_ITO)], html.escape(str(geo), quote=False)
        part = part.sort_values("year_end")
        known = part[part["status"].isin(["actual", "derived"])]
        if len(known) > 1:
            fig.add_scatter(x=known["year_end"], y=known["value"] / size, mode="lines", line={"color": colour, "width": 2},
                            legendgroup=name, showlegend=False, hoverinfo="skip")
        for status, points in part.groupby("status", sort=False):
            fig.add_scatter(
                x=points["year_end"], y=points["value"] / size, mode="markers", name=name, legendgroup=name,
                showlegend=False, marker={"color": colour, "size": 11, "line": {"width": 2},
                                          "symbol": STATUS_STYLE[status][3]},
                customdata=_custom(points), hovertemplate=HOVER,
            )
        fig.add_scatter(x=[None], y=[None], mode="lines+markers", name=name, legendgroup=name,
                        line={"color": colour, "width": 2}, marker={"color": colour, "size": 9})
    for status in [s for s in STATUS_STYLE if s in set(rows["status"])]:
        name, _, _, symbol = STATUS_STYLE[status]
        fig.add_scatter(x=[None], y=[None], mode="markers", name=name, legendgroup="status",
                        marker={"color": "#999999", "size": 11, "symbol": symbol, "line": {"width": 2}})
    years = sorted(set(rows["year_end"]))
    fig.update_xaxes(title={"text": "year"}, tickmode="array", tickvals=year_ticks(years[0], years[-1]), tickformat="d",
                     range=[years[0] - 0.5, years[-1] + 0.5])
    fig.update_yaxes(title={"text": axis_title(rows)}, tickformat=",~f", rangemode="tozero")
    return _layout(fig, 400)


def timeline_chart(rows: pd.DataFrame, counted: bool, sectors: list[tuple[str, str]]) -> go.Figure:
    """Every figure on one year axis, a row per sector; or, when `counted`, circles sized by figures per year."""
    order = [s for s, _ in sectors if s in set(rows["sector"])]
    index = {s: i for i, s in enumerate(order)}
    fig = go.Figure()
    rows = rows.assign(_y=rows["sector"].map(index).astype(float))
    group = rows.groupby(["sector", "year_end"], sort=False)
    rank, count = group.cumcount(), group["year_end"].transform("size")
    step = (0.8 / count).clip(upper=0.16)
    rows["_y"] = rows["_y"] + (rank - (count - 1) / 2) * step
    top = rows["figures"].max() if counted else 1
    for status, (name, colour, _, symbol) in STATUS_STYLE.items():
        part = rows[rows["status"] == status]
        if part.empty:
            continue
        if counted:
            sizes = 8 + 26 * (part["figures"] / top) ** 0.5
            fig.add_scatter(x=part["year_end"], y=part["_y"], mode="markers", name=name,
                            marker={"color": colour, "symbol": symbol, "size": sizes, "line": {"width": 2}},
                            customdata=list(zip(_text(part["sector_label"]), part["figures"], strict=True)),
                            hovertemplate="%{customdata[0]}, %{x}: %{customdata[1]:,} figures<extra>" + name + "</extra>")
            continue
        spans = part[part["year_start"] < part["year_end"]]
        xs, ys = [], []
        for start, end, y in zip(spans["year_start"], spans["year_end"], spans["_y"], strict=True):
            xs += [start, end, None]
            ys += [y, y, None]
        if xs:
            fig.add_scatter(x=xs, y=ys, mode="lines", line={"color": colour, "width": 3}, legendgroup=status,
                            showlegend=False, hoverinfo="skip")
        fig.add_scatter(
            x=part["year_end"], y=part["_y"], mode="markers", name=name, legendgroup=status,
            marker={"color": colour, "symbol": symbol, "size": 11, "line": {"width": 2}},
            customdata=[[*c, t] for c, t in zip(_custom(part), _text(part["indicator"]), strict=True)],
            hovertemplate="<b>%{customdata[8]}</b><br>" + HOVER,
        )
    low, high = int(rows["year_start"].min() if not counted else rows["year_end"].min()), int(rows["year_end"].max())
    fig.update_xaxes(title={"text": "year (a bar spans a period of several years)"}, tickmode="array",
                     tickvals=year_ticks(low, high), tickformat="d", range=[low - 0.7, high + 0.7], showgrid=True)
    labels = dict(sectors)
    fig.update_yaxes(tickmode="array", tickvals=list(range(len(order))), range=[len(order) - 0.5, -0.5],
                     ticktext=[html.escape(labels[s], quote=False) for s in order], title=None, automargin=True,
                     showgrid=False, zeroline=False)
    for i in range(len(order) - 1):
        fig.add_hline(y=i + 0.5, line={"width": 1, "color": "rgba(128,128,128,0.3)"})
    return _layout(fig, 120 + 80 * len(order))
