"""The timeline: every figure on one year axis, a row per sector, or counts per sector and year when there are many."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import footer, hover, hover_data, inert, label_room, layout, ref, styles, wrap, year_axis
from dashboard.table.filters import dated
from dashboard.text.locale import Locale

COUNT_FIELDS = ("sector_label", "figures", "year")  # what a circle of the counted timeline carries
STEP = 0.2  # rows between marks of one sector and year, stacked (a row is ROW_PX high: marks never overlap)
ROW_PX = 72
GAP = 5  # years: a lone figure more than this before all the others is drawn beyond a break in the axis
LABEL_WIDTH = 14  # columns of a sector's name before it wraps: the plot keeps its width on a phone


def lone_early(rows: pd.DataFrame) -> tuple[int, int] | None:
    """The year of a lone figure far earlier than all the others, and the first year of the others; or None.

    One figure of 2003 would otherwise stretch the axis over sixteen empty years: it is drawn at the axis's left
    edge, beyond a break, and its tick names its year. `rows` are figures or counts (timeline_counts), dated.
    """
    rows = dated(rows)
    if rows.empty:
        return None
    first = rows["year_end"].min()
    alone = rows[rows["year_end"] == first]
    count = int(alone["figures"].sum()) if "figures" in rows else len(alone)
    if count != 1 or ("year_start" in rows and (alone["year_start"] < first).any()):
        return None
    rest = rows.drop(alone.index)
    if rest.empty:
        return None
    low = (rest["year_start"] if "year_start" in rest else rest["year_end"]).min()
    return (int(first), int(low)) if low - first > GAP else None


def _bands(rows: pd.DataFrame, order: list[str]) -> tuple[dict[str, float], dict[str, float]]:
    """Each sector's row: its centre and its height, tall enough to stack the most marks it has in one year."""
    most = Counter(zip(rows["sector"], rows["year_end"], strict=True))
    heights = {s: max(1.0, max((n for (t, _), n in most.items() if t == s), default=1) * STEP + 0.3) for s in order}
    centres, top = {}, 0.0
    for s in order:
        centres[s] = top + heights[s] / 2
        top += heights[s]
    return centres, heights


def _spread(rows: pd.DataFrame, centres: dict[str, float]) -> pd.Series:
    """A row position per point: its sector's row, marks of one sector and year stacked STEP apart, in table order."""
    keys = list(zip(rows["sector"], rows["year_end"], strict=True))
    count, rank, ys = Counter(keys), Counter(), []
    for key in keys:
        ys.append(centres[key[0]] + (rank[key] - (count[key] - 1) / 2) * STEP)
        rank[key] += 1
    return pd.Series(ys, index=rows.index)


def timeline_chart(rows: pd.DataFrame, sectors: list[tuple[str, str]], loc: Locale,
                   counted: bool = False) -> go.Figure:
    """Every figure on one year axis, a row per sector; or, when `counted`, circles sized by figures per year.

    `rows` are figures, or the counts of views.selection.timeline_counts when `counted`; `loc` the reader's.
    A figure without a period has no place on the axis and is left out; a lone figure far earlier than the others
    stands beyond a break at the axis's left edge (lone_early).
    """
    rows = dated(rows)
    order = [s for s, _ in sectors if s in set(rows["sector"])]
    centres, heights = _bands(rows, order)
    ys = _spread(rows, centres)
    early = lone_early(rows)
    shown_at = early[1] - 1.6 if early else None

    def x_of(years: pd.Series) -> list:
        return [shown_at if early and y == early[0] else y for y in years]

    top = rows["figures"].max() if counted else 1
    traces = []
    for status, (name, colour, _pattern, symbol) in styles(loc).items():
        part = rows[rows["status"] == status]
        if part.empty:
            continue
        marker = {"color": colour, "symbol": symbol, "size": 11, "line": {"width": 2}, "opacity": 0.85}
        if counted:
            marker["size"] = list(8 + 26 * (part["figures"] / top) ** 0.5)
            traces.append(dict(type="scatter",
                x=x_of(part["year_end"]), y=ys[part.index], mode="markers", name=name, marker=marker,
                customdata=[list(c) for c in zip(inert(part["sector_label"]), part["figures"],
                                                 [int(y) for y in part["year_end"]], strict=True)],
                hovertemplate=loc._("{sector}, {year}: {count} figures").format(
                    sector=ref("sector_label", COUNT_FIELDS), year=ref("year", COUNT_FIELDS),
                    count=ref("figures", COUNT_FIELDS, ":,"))
                + f"<extra>{name}</extra>"))
            continue
        spans = part[part["year_start"] < part["year_end"]]
        if len(spans):
            xs = [x for start, end in zip(spans["year_start"], spans["year_end"], strict=True) for x in (start, end, None)]
            line_ys = [y for y in ys[spans.index] for y in (y, y, None)]
            traces.append(dict(type="scatter", x=xs, y=line_ys, mode="lines", line={"color": colour, "width": 3},
                               legendgroup=status, showlegend=False, hoverinfo="skip"))
        traces.append(dict(type="scatter",
            x=x_of(part["year_end"]), y=ys[part.index], mode="markers", name=name, legendgroup=status, marker=marker,
            hovertemplate=f"<b>{ref('indicator')}</b><br>" + hover(loc), customdata=hover_data(part, loc),
        ))
    low = rows["year_end"].min() if counted else rows["year_start"].min()
    low = early[1] if early else low
    labels = dict(sectors)
    title = (loc._("year the figures are for (the last year of a period)") if counted
             else loc._("year (a bar spans a period of years)"))
    xaxis = {**year_axis([low, rows["year_end"].max()], 0.7, loc, title), "showgrid": True}
    shapes = [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": y, "y1": y,
               "line": {"width": 1, "color": "rgba(128,128,128,0.3)"}}
              for y in [centres[s] + heights[s] / 2 for s in order[:-1]]]
    if early:  # the lone early figure's own tick, beyond a break in the axis
        xaxis["range"] = [shown_at - 0.7, xaxis["range"][1]]
        xaxis["tickvals"] = [shown_at, *xaxis["tickvals"]]
        xaxis["ticktext"] = [str(v) for v in xaxis["tickvals"]]
        xaxis["ticktext"][0] = str(early[0])
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": early[1] - 0.8, "x1": early[1] - 0.8,
                       "y0": 0, "y1": 1, "line": {"width": 2, "dash": "dot", "color": "rgba(128,128,128,0.8)"}})
    yaxis = {"tickmode": "array", "tickvals": [centres[s] for s in order], "range": [sum(heights.values()), 0],
             "ticktext": [wrap(labels[s], LABEL_WIDTH) for s in order], "automargin": True, "showgrid": False,
             "zeroline": False}
    ticks = yaxis["ticktext"]
    return go.Figure(data=traces, layout=layout(120 + ROW_PX * sum(heights.values()), footer=footer(rows, loc),
                                                left=label_room(ticks), xaxis=xaxis, yaxis=yaxis, shapes=shapes))
