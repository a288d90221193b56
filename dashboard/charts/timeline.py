"""The timeline: every figure on one year axis, a row per sector, or counts per sector and year when there are many."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import footer, hover, hover_data, inert, layout, ref, styles, year_axis
from dashboard.table.filters import dated
from dashboard.text.locale import DEFAULT, translation

COUNT_FIELDS = ("sector_label", "figures")  # what a circle of the counted timeline carries


def _spread(rows: pd.DataFrame, index: dict[str, int]) -> pd.Series:
    """A row position per point: its sector's row, points of one sector and year spread apart a little."""
    keys = list(zip(rows["sector"], rows["year_end"], strict=True))
    count, rank, ys = Counter(keys), Counter(), []
    for key in keys:
        n = count[key]
        ys.append(index[key[0]] + (rank[key] - (n - 1) / 2) * min(0.8 / n, 0.16))
        rank[key] += 1
    return pd.Series(ys, index=rows.index)


def timeline_chart(rows: pd.DataFrame, sectors: list[tuple[str, str]], counted: bool = False,
                   lang: str = DEFAULT) -> go.Figure:
    """Every figure on one year axis, a row per sector; or, when `counted`, circles sized by figures per year.

    `rows` are figures, or the counts of views.selection.timeline_counts when `counted`; `lang` the reader's language.
    A figure without a period has no place on the axis and is left out.
    """
    _ = translation(lang).gettext
    rows = dated(rows)
    order = [s for s, _ in sectors if s in set(rows["sector"])]
    ys = _spread(rows, {s: i for i, s in enumerate(order)})
    top = rows["figures"].max() if counted else 1
    traces = []
    for status, (name, colour, _pattern, symbol) in styles(lang).items():
        part = rows[rows["status"] == status]
        if part.empty:
            continue
        marker = {"color": colour, "symbol": symbol, "size": 11, "line": {"width": 2}, "opacity": 0.85}
        if counted:
            marker["size"] = list(8 + 26 * (part["figures"] / top) ** 0.5)
            traces.append(dict(type="scatter",
                x=part["year_end"], y=ys[part.index], mode="markers", name=name, marker=marker,
                customdata=[list(c) for c in zip(inert(part["sector_label"]), part["figures"], strict=True)],
                hovertemplate=_("{sector}, {year}: {count} figures").format(
                    sector=ref("sector_label", COUNT_FIELDS), year="%{x}", count=ref("figures", COUNT_FIELDS, ":,"))
                + f"<extra>{name}</extra>"))
            continue
        spans = part[part["year_start"] < part["year_end"]]
        if len(spans):
            xs = [x for start, end in zip(spans["year_start"], spans["year_end"], strict=True) for x in (start, end, None)]
            line_ys = [y for y in ys[spans.index] for y in (y, y, None)]
            traces.append(dict(type="scatter", x=xs, y=line_ys, mode="lines", line={"color": colour, "width": 3},
                               legendgroup=status, showlegend=False, hoverinfo="skip"))
        traces.append(dict(type="scatter",
            x=part["year_end"], y=ys[part.index], mode="markers", name=name, legendgroup=status, marker=marker,
            hovertemplate=f"<b>{ref('indicator')}</b><br>" + hover(lang), customdata=hover_data(part, lang),
        ))
    low = rows["year_end"].min() if counted else rows["year_start"].min()
    labels = dict(sectors)
    title = _("year the figures are for (the last year of a period)") if counted else _("year (a bar spans a period of years)")
    xaxis = {**year_axis([low, rows["year_end"].max()], 0.7, title), "showgrid": True}
    yaxis = {"tickmode": "array", "tickvals": list(range(len(order))), "range": [len(order) - 0.5, -0.5],
             "ticktext": inert(labels[s] for s in order), "automargin": True, "showgrid": False,
             "zeroline": False}
    shapes = [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": i + 0.5, "y1": i + 0.5,
               "line": {"width": 1, "color": "rgba(128,128,128,0.3)"}} for i in range(len(order) - 1)]
    return go.Figure(data=traces, layout=layout(120 + 80 * len(order), footer=footer(rows, lang=lang), xaxis=xaxis, yaxis=yaxis,
                                                shapes=shapes))
