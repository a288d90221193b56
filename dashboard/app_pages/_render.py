"""Render helpers of the Overview, Timeline and Data pages."""

from __future__ import annotations

import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st

from dashboard.app_pages._common import EMPTY, Prepared, dataset_zip, page_top, rows_csv, selection
from dashboard.cards import cards
from dashboard.charts import PlainFigure
from dashboard.export import FIELDS
from dashboard.frames import Filters
from dashboard.table import Table
from dashboard.timeline_chart import timeline_spec
from dashboard.views import TIMELINE_MAX_POINTS


def _column(name: str, label: str, kind=st.column_config.Column, **extra):
    """A table column headed `label`, whose header tooltip says what the column holds."""
    return kind(label, help=FIELDS.get(name, ("", ""))[1] or None, **extra)


TABLE_COLUMNS = {
    "indicator": _column("indicator", "Indicator", st.column_config.TextColumn, width="large"),
    "geography": _column("geography", "Place"),
    "label": _column("label", "Which"),
    "period": _column("period", "Period"),
    "value_label": _column("value_label", "Value"),
    "status": _column("status", "Status"),
    "sector_label": _column("sector_label", "Sector"),
    "value": _column("value", "Value (base units)", st.column_config.NumberColumn, format="%.6g"),
    "unit_label": _column("unit_label", "Unit"),
    "publisher": _column("publisher", "Publisher"),
    "source_title": _column("source_title", "Headline"),
    "published": _column("published", "Published"),
    "url": _column("url", "Article", st.column_config.LinkColumn, display_text="open article"),
    "quote": _column("quote", "Quote", st.column_config.TextColumn, width="large"),
    "note": _column("note", "Note"),
    "figure_id": _column("figure_id", "Figure id"),
}


def render_overview() -> None:
    top = page_top("Zhejiang Indicators", "The hard numbers behind the news about Zhejiang province: the economy, the "
                   "digital economy, AI, innovation, common prosperity and energy. Every figure is traced to the article "
                   "that reported it, with the article's own words, and says whether it is an actual result, a target or "
                   "a forecast.")
    if top is None:
        return
    data, chosen = top[0].table, top[2]
    st.caption(f"{len(chosen):,} of {len(data):,} figures match the filters, on {data.distinct('indicator_id', chosen):,} "
               f"indicators from {data.distinct('source_id', chosen):,} articles, {data.year_start[chosen].min()} to "
               f"{data.year_end[chosen].max()}.")
    st.subheader("Headline figures")
    st.html(cards(data.headline(chosen), show_sector=True))
    st.caption("Open **Sectors** for every figure by indicator, **Timeline** to see history against targets, "
               "**Data** for the table and downloads, and **Sources** for the articles.")


def render_timeline() -> None:
    top = page_top("Timeline", "Every figure on one time axis, a row per sector. Filled marks are results; hollow marks "
                   "are targets and forecasts, placed in the year they are due. A bar shows a period of several years.")
    if top is None:
        return
    prep, filters, chosen = top
    data = prep.table
    chart, counted = _timeline(f"{prep.key}\0{filters!r}", filters, data)
    if counted:
        st.caption(f"{len(chosen):,} figures are too many to mark one by one: each circle counts the figures of a "
                   "sector, year and status (hover for the number).")
    st.plotly_chart(chart, width="stretch", config={"displaylogo": False})


@st.cache_resource(show_spinner=False, max_entries=64)
def _timeline(key: str, _filters: Filters, _data: Table) -> tuple[go.Figure, bool]:
    """The timeline for one selection, and whether it counts figures rather than marking each; shared read-only.

    `key` names the data and the filters (the cache key, one string: the cheapest to hash); the arguments named
    with _ are what it names, not hashed.
    """
    chosen = _data.positions(_filters)
    counted = len(chosen) > TIMELINE_MAX_POINTS
    rows = _data.counts(chosen) if counted else _data.rows(chosen)
    return PlainFigure(timeline_spec(rows, counted, list(_data.options.sectors))), counted


@st.cache_resource(show_spinner=False, max_entries=4)
def _arrow(key: str, _columns: tuple[str, ...], _data: Table) -> pa.Table:
    """Some columns of the whole dataset as an Arrow table, which st.dataframe sends without converting.

    `key` names the data and the columns (one short string: cheaper to hash than every column name); the arguments
    named with _ are what it names, not hashed.
    """
    return pa.Table.from_pandas(_data.frame[[c for c in _columns if c in _data.frame.columns]], preserve_index=False)


def arrow_table(data: Prepared, name: str, columns: tuple[str, ...]) -> pa.Table:
    """Those columns (called `name`) of the whole dataset, in data order (shared, read-only: take rows by position)."""
    return _arrow(f"{data.key}\0{name}", columns, data.table)


MAX_TABLE_ROWS = 1_000  # rows sent to the browser table; the CSV holds every row


def render_data() -> None:
    prep, filters = selection()
    data = prep.table
    chosen = data.positions(filters)
    st.title("Data")
    st.markdown("The tidy table behind every chart: one row per figure, with its source and the article's words. Hover "
                "over a column's name for what it holds; **About** describes every column of the downloads.\n\n"
                f":small[:gray[{len(chosen):,} of {len(data):,} rows match the filters.]]")
    if not len(chosen):
        st.info(EMPTY)
    else:
        shown = chosen[:MAX_TABLE_ROWS]
        st.dataframe(arrow_table(prep, "data", tuple(TABLE_COLUMNS)).take(shown), column_config=TABLE_COLUMNS,
                     hide_index=True, width="stretch", height=min(600, 38 + 35 * len(shown)))
        if len(chosen) > len(shown):
            st.caption(f"The table shows the first {len(shown):,} of these {len(chosen):,} rows; the CSV below holds "
                       "all of them. Narrow the filters to see others here.")
    with st.container(horizontal=True):  # the two downloads side by side
        st.download_button(f"Download these {len(chosen):,} rows (CSV)", data=rows_csv(data, chosen), file_name="figures.csv",
                           mime="text/csv", on_click="ignore", icon=":material/download:", disabled=not len(chosen),
                           key="csv_filtered", help="Every column, sources included. Cells that a spreadsheet would run as a "
                           "formula are neutralised.")
        st.download_button(f"Download the full dataset, {len(data):,} rows (zip)", data=dataset_zip(prep),
                           file_name="zhejiang-indicators.zip", mime="application/zip", on_click="ignore",
                           icon=":material/folder_zip:", key="zip_all",
                           help="A Frictionless Data Package: figures.csv, datapackage.json describing every column, and a "
                           "README with the citation and licence. Filters do not apply.")
