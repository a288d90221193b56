"""The timeline: every figure on one year axis, a row per sector, or counts per sector and year when there are many."""

from __future__ import annotations

import html
from collections import Counter

import plotly.graph_objects as go

from dashboard.charts import HOVER, HOVER_COLUMNS, STATUS_STYLE, _layout, _spec, _text, _year_axis, figure
from dashboard.views import Rows, records


def _spread(rows, index: dict[str, int]) -> list[float]:
    """A row position per point: its sector's row, points of one sector and year spread apart a little."""
    count = Counter((r["sector"], r["year_end"]) for r in rows)
    rank: Counter = Counter()
    ys = []
    for r in rows:
        key = (r["sector"], r["year_end"])
        n = count[key]
        ys.append(index[r["sector"]] + (rank[key] - (n - 1) / 2) * min(0.8 / n, 0.16))
        rank[key] += 1
    return ys


def timeline_chart(rows: Rows, counted: bool, sectors: list[tuple[str, str]]) -> go.Figure:
    """Every figure on one year axis, a row per sector; or, when `counted`, circles sized by figures per year."""
    spec = timeline_spec(rows, counted, sectors)
    return figure(spec["data"], spec["layout"])


def timeline_spec(rows: Rows, counted: bool, sectors: list[tuple[str, str]]) -> dict:
    """The plain Plotly spec of timeline_chart; `rows` are records, or count dicts (views.timeline) when `counted`."""
    rows = rows if counted else [r._asdict() for r in records(rows)]
    present = {r["sector"] for r in rows}
    order = [s for s, _ in sectors if s in present]
    ys = _spread(rows, {s: i for i, s in enumerate(order)})
    top = max(r["figures"] for r in rows) if counted else 1
    traces = []
    for status, (name, colour, _, symbol) in STATUS_STYLE.items():
        at = [i for i, r in enumerate(rows) if r["status"] == status]
        if not at:
            continue
        part = [rows[i] for i in at]
        marker = {"color": colour, "symbol": symbol, "size": 11, "line": {"width": 2}, "opacity": 0.85}
        if counted:
            marker["size"] = [8 + 26 * (r["figures"] / top) ** 0.5 for r in part]
            traces.append({"type": "scatter", "x": [r["year_end"] for r in part], "y": [ys[i] for i in at],
                           "mode": "markers", "name": name, "marker": marker,
                           "customdata": [[t, r["figures"]] for t, r in zip(_text([r["sector_label"] for r in part]),
                                                                            part, strict=True)],
                           "hovertemplate": "%{customdata[0]}, %{x}: %{customdata[1]:,} figures<extra>" + name + "</extra>"})
            continue
        xs, line_ys = [], []
        for i, r in zip(at, part, strict=True):
            if r["year_start"] < r["year_end"]:
                xs += [r["year_start"], r["year_end"], None]
                line_ys += [ys[i], ys[i], None]
        if xs:
            traces.append({"type": "scatter", "x": xs, "y": line_ys, "mode": "lines", "line": {"color": colour, "width": 3},
                           "legendgroup": status, "showlegend": False, "hoverinfo": "skip"})
        custom = [_text([r[c] for c in HOVER_COLUMNS]) for r in part]
        traces.append({
            "type": "scatter", "x": [r["year_end"] for r in part], "y": [ys[i] for i in at], "mode": "markers",
            "name": name, "legendgroup": status, "marker": marker, "hovertemplate": "<b>%{customdata[8]}</b><br>" + HOVER,
            "customdata": [[*c, t] for c, t in zip(custom, _text([r["indicator"] for r in part]), strict=True)],
        })
    low = int(min(r["year_end"] for r in rows) if counted else min(r["year_start"] for r in rows))
    labels = dict(sectors)
    title = "year the figures are for (the last year of a period)" if counted else "year (a bar spans a period of years)"
    xaxis = _year_axis([low, int(max(r["year_end"] for r in rows))], 0.7, title)
    yaxis = {"tickmode": "array", "tickvals": list(range(len(order))), "range": [len(order) - 0.5, -0.5],
             "ticktext": [html.escape(labels[s], quote=False) for s in order], "automargin": True, "showgrid": False,
             "zeroline": False}
    shapes = [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": i + 0.5, "y1": i + 0.5,
               "line": {"width": 1, "color": "rgba(128,128,128,0.3)"}} for i in range(len(order) - 1)]
    return _spec(traces, _layout(120 + 80 * len(order), xaxis={**xaxis, "showgrid": True}, yaxis=yaxis, shapes=shapes))
