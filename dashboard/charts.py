"""Plotly figures of the tidy frame: one indicator per chart, and the timeline. Rows (records or a frame) in, figure out."""

from __future__ import annotations

import html
import math
import textwrap

import plotly.graph_objects as go

from dashboard.views import Rows, bar_labels, chart_kind, records

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


def _text(values) -> list[str]:
    """Data text made inert for Plotly's small HTML subset."""
    return [html.escape(str(v), quote=False) if v is not None and v == v else "" for v in values]


def _wrap(text: str, width: int = 24) -> str:
    """A category label escaped and broken into lines of about `width` characters."""
    lines = textwrap.wrap(str(text), width=width, break_long_words=True, break_on_hyphens=True) or [""]
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def _custom(rows) -> list[list[str]]:
    return [_text([getattr(r, c) for c in HOVER_COLUMNS]) for r in rows]


def scale(rows: Rows) -> tuple[float, str]:
    """Divisor and word for the value axis, so it reads '9 trillion', never 9e12 or 9T."""
    top = max((abs(r.value) for r in records(rows) if r.value == r.value), default=0)
    return next(((size, word) for size, word in SCALES if top >= size), (1.0, ""))


def axis_title(rows: Rows) -> str:
    """The value axis title: the unit, with the scale word ('billion yuan')."""
    rows = records(rows)
    _, word = scale(rows)
    units = " / ".join(dict.fromkeys(str(r.unit_label) for r in rows))
    return f"{word} {units}".strip()


def year_ticks(low: int, high: int) -> list[int]:
    """Whole-year tick values from low to high, at most about 13 of them."""
    step = max(1, math.ceil((high - low + 1) / 13))
    return list(range(low, high + 1, step))


def figure(traces: list[dict], layout: dict) -> go.Figure:
    """A Plotly figure from plain specs, skipping Plotly's slow per-property validation (the tests validate)."""
    return go.Figure({"data": traces, "layout": layout}, _validate=False)


class PlainFigure(go.Figure):
    """A finished spec of plain lists and dicts that Plotly serialises as is: no trace objects built, no deep copy.

    st.plotly_chart reads a figure through to_dict(); a cached spec is shared, so it must never be modified.
    """

    def __init__(self, spec: dict) -> None:  # Figure.__init__ is skipped on purpose: it builds what is not needed
        object.__setattr__(self, "_plain", spec)

    def to_dict(self) -> dict:
        return self._plain


def _spec(traces: list[dict], layout: dict) -> dict:
    return {"data": traces, "layout": {"template": {}, **layout}}


def indicator_chart(rows: Rows) -> go.Figure:
    """One indicator's figures: bars over the years for one place, bars per place, or markers per place over time."""
    spec = indicator_spec(rows)
    return figure(spec["data"], spec["layout"])


def _layout(height: int, **axes) -> dict:
    return {
        "height": height, "margin": {"l": 10, "r": 10, "t": 40, "b": 10}, "barmode": "group", "showlegend": True,
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "title": {"text": ""}},
        "hoverlabel": {"align": "left"}, "separators": ".,", **axes,
    }


def _value_range(values: list[float], room: float) -> list[float] | None:
    low, high = min(min(values), 0.0), max(max(values), 0.0)
    return [low * room, high * room] if high > low else None


def _year_axis(years: list[int], pad: float, title: str = "year") -> dict:
    return {"title": {"text": title}, "tickmode": "array", "tickvals": year_ticks(min(years), max(years)),
            "tickformat": "d", "range": [min(years) - pad, max(years) + pad]}


def indicator_spec(rows: Rows, kind: str | None = None) -> dict:
    """The plain Plotly spec (data and layout) of indicator_chart.

    `kind`: the chart kind of all the indicator's rows, when `rows` are only those drawn of them (views.drawn): the
    top places of a bar chart must stay a bar chart, even when they no longer share a period.
    """
    rows = records(rows)
    kind = kind or chart_kind(rows)
    if kind == "series":
        return _series(rows)
    size, _ = scale(rows)
    horizontal = kind == "places"
    labels = [_wrap(label) for label in bar_labels(rows)] if horizontal else None
    traces = []
    for status, (name, colour, pattern, _) in STATUS_STYLE.items():
        part = [i for i, r in enumerate(rows) if r.status == status]
        if not part:
            continue
        values = [rows[i].value / size for i in part]
        where = [labels[i] for i in part] if horizontal else [rows[i].year_end for i in part]
        picked = [rows[i] for i in part]
        traces.append({
            "type": "bar", "x": values if horizontal else where, "y": where if horizontal else values,
            "orientation": "h" if horizontal else "v", "name": name,
            "marker": {"color": colour, "line": {"color": colour, "width": 1.5},
                       "pattern": {"shape": pattern, "fillmode": "replace", "solidity": 0.35}},
            "text": _text([r.value_label for r in picked]), "textposition": "outside", "cliponaxis": False,
            "customdata": _custom(picked), "hovertemplate": HOVER,
        })
    values = [r.value / size for r in rows]
    value_axis = {"title": {"text": axis_title(rows)}, "tickformat": ",~f", "zeroline": True,
                  "range": _value_range(values, 1.6 if horizontal else 1.2)}
    if horizontal:
        order = [labels[i] for i in sorted(range(len(rows)), key=lambda i: rows[i].value)]
        lines = sum(label.count("<br>") + 1 for label in labels)
        return _spec(traces, _layout(120 + 22 * lines + 16 * len(rows), xaxis=value_axis, yaxis={
            "categoryorder": "array", "categoryarray": order, "automargin": True}))
    return _spec(traces, _layout(360, yaxis=value_axis, xaxis=_year_axis([r.year_end for r in rows], 0.7)))


def _series(rows) -> dict:
    """Several places over the years: a colour per place, a marker shape per status, lines only through actuals."""
    size, _ = scale(rows)
    ordered = sorted(rows, key=lambda r: r.year_end)
    by_geo: dict[str, list[tuple[int, float, str, list[str]]]] = {}
    for r, data in zip(ordered, _custom(ordered), strict=True):
        by_geo.setdefault(r.geography, []).append((r.year_end, r.value / size, r.status, data))
    traces = []
    for i, (geo, points) in enumerate(by_geo.items()):
        colour, name = OKABE_ITO[i % len(OKABE_ITO)], html.escape(str(geo), quote=False)
        known = [p for p in points if p[2] in ("actual", "derived")]
        if len(known) > 1:
            traces.append({"type": "scatter", "x": [p[0] for p in known], "y": [p[1] for p in known], "mode": "lines",
                           "line": {"color": colour, "width": 2}, "legendgroup": name, "showlegend": False,
                           "hoverinfo": "skip"})
        for status in dict.fromkeys(p[2] for p in points):
            part = [p for p in points if p[2] == status]
            traces.append({
                "type": "scatter", "x": [p[0] for p in part], "y": [p[1] for p in part], "mode": "markers",
                "name": name, "legendgroup": name, "showlegend": False, "customdata": [p[3] for p in part],
                "marker": {"color": colour, "size": 11, "line": {"width": 2}, "symbol": STATUS_STYLE[status][3]},
                "hovertemplate": HOVER,
            })
        traces.append({"type": "scatter", "x": [None], "y": [None], "mode": "lines+markers", "name": name,
                       "legendgroup": name, "line": {"color": colour, "width": 2}, "marker": {"color": colour, "size": 9}})
    present = {r.status for r in rows}
    for status in [s for s in STATUS_STYLE if s in present]:
        name, _, _, symbol = STATUS_STYLE[status]
        traces.append({"type": "scatter", "x": [None], "y": [None], "mode": "markers", "name": name,
                       "legendgroup": "status", "marker": {"color": "#999999", "size": 11, "symbol": symbol,
                                                           "line": {"width": 2}}})
    return _spec(traces, _layout(400, xaxis=_year_axis([r.year_end for r in rows], 0.5), yaxis={
        "title": {"text": axis_title(rows)}, "tickformat": ",~f", "rangemode": "tozero"}))
