"""Render helpers of the Overview, Timeline and Data pages."""

from __future__ import annotations

import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st

from dashboard.app_pages._common import EMPTY, Prepared, dataset_zip, md_escape, rows_csv, selection
from dashboard.cards import cards
from dashboard.charts import PlainFigure
from dashboard.export import FIELDS
from dashboard.frames import Filters
from dashboard.load import COLUMNS
from dashboard.table import Table
from dashboard.timeline_chart import timeline_spec
from dashboard.views import TIMELINE_MAX_POINTS

TABLE_COLUMNS = {
    "indicator": st.column_config.TextColumn("Indicator", width="large"),
    "geography": "Place",
    "label": "Which",
    "period": "Period",
    "value_label": "Value",
    "status": "Status",
    "sector_label": "Sector",
    "value": st.column_config.NumberColumn("Value (base units)", format="%.6g"),
    "unit_label": "Unit",
    "publisher": "Publisher",
    "source_title": "Headline",
    "published": "Published",
    "url": st.column_config.LinkColumn("Article", display_text="open article"),
    "quote": st.column_config.TextColumn("Quote", width="large"),
    "note": "Note",
    "figure_id": "Figure id",
}


def render_overview() -> None:
    prep, filters = selection()
    data = prep.table
    chosen = data.positions(filters)
    st.title("Zhejiang Indicators")
    st.markdown("The hard numbers behind the news about Zhejiang province: the economy, the digital economy, AI, "
                "innovation, common prosperity and energy. Every figure is traced to the article that reported it, "
                "with the article's own words, and says whether it is an actual result, a target or a forecast.")
    if not len(chosen):
        st.info(EMPTY)
        return
    st.caption(f"{len(chosen):,} of {len(data):,} figures match the filters, on {data.distinct('indicator_id', chosen):,} "
               f"indicators from {data.distinct('source_id', chosen):,} articles, {data.year_start[chosen].min()} to "
               f"{data.year_end[chosen].max()}.")
    st.subheader("Headline figures")
    st.html(cards(data.headline(chosen), show_sector=True))
    st.caption("Open **Sectors** for every figure by indicator, **Timeline** to see history against targets, "
               "**Data** for the table and downloads, and **Sources** for the articles.")


def render_timeline() -> None:
    prep, filters = selection()
    data = prep.table
    chosen = data.positions(filters)
    st.title("Timeline")
    st.markdown("Every figure on one time axis, a row per sector. Filled marks are results; hollow marks are "
                "targets and forecasts, placed in the year they are due. A bar shows a period of several years.")
    if not len(chosen):
        st.info(EMPTY)
        return
    chart, counted = _timeline(prep.paths, filters, data)
    if counted:
        st.caption(f"{len(chosen):,} figures are too many to mark one by one: each circle counts the figures of a "
                   "sector, year and status (hover for the number).")
    st.plotly_chart(chart, width="stretch", config={"displaylogo": False})


@st.cache_resource(show_spinner=False, max_entries=64)
def _timeline(paths: tuple[str, str], filters: Filters, _data: Table) -> tuple[go.Figure, bool]:
    """The timeline for one selection, and whether it counts figures rather than marking each; shared read-only.

    `paths` name the data (the cache key), `_data` is that data (not hashed).
    """
    data = _data
    chosen = data.positions(filters)
    counted = len(chosen) > TIMELINE_MAX_POINTS
    rows = data.counts(chosen) if counted else data.rows(chosen)
    return PlainFigure(timeline_spec(rows, counted, list(data.options.sectors))), counted


@st.cache_resource(show_spinner=False, max_entries=4)
def _arrow(paths: tuple[str, str], columns: tuple[str, ...], _data: Table) -> pa.Table:
    """Some columns of the whole dataset as an Arrow table, which st.dataframe sends without converting."""
    return pa.Table.from_pandas(_data.frame[list(columns)], preserve_index=False)


def arrow_table(data: Prepared, columns: tuple[str, ...]) -> pa.Table:
    """Those columns of the whole dataset, in data order (shared, read-only: take rows from it by position)."""
    return _arrow(data.paths, columns, data.table)


MAX_TABLE_ROWS = 1_000  # rows sent to the browser table; the CSV holds every row


def render_data() -> None:
    prep, filters = selection()
    data = prep.table
    chosen = data.positions(filters)
    st.title("Data")
    st.markdown("The tidy table behind every chart: one row per figure, with its source and the article's words.")
    st.caption(f"{len(chosen):,} of {len(data):,} rows match the filters.")
    if not len(chosen):
        st.info(EMPTY)
    else:
        columns = tuple(c for c in TABLE_COLUMNS if c in data.frame.columns)
        shown = chosen[:MAX_TABLE_ROWS]
        st.dataframe(arrow_table(prep, columns).take(shown), column_config=TABLE_COLUMNS, hide_index=True, width="stretch",
                     height=min(600, 38 + 35 * len(shown)))
        if len(chosen) > len(shown):
            st.caption(f"The table shows the first {len(shown):,} of these {len(chosen):,} rows; the CSV below holds "
                       "all of them. Narrow the filters to see others here.")
    left, right = st.columns(2)
    with left:
        st.download_button(f"Download these {len(chosen):,} rows (CSV)", data=rows_csv(data, chosen), file_name="figures.csv",
                           mime="text/csv", on_click="ignore", icon=":material/download:", disabled=not len(chosen),
                           key="csv_filtered")
        st.caption("Every column, sources included. Cells that a spreadsheet would run as a formula are neutralised.")
    with right:
        st.download_button(f"Download the full dataset, {len(data):,} rows (zip)", data=dataset_zip(prep),
                           file_name="zhejiang-indicators.zip", mime="application/zip", on_click="ignore",
                           icon=":material/folder_zip:", key="zip_all")
        st.caption("A Frictionless Data Package: figures.csv, datapackage.json describing every column, and a "
                   "README with the citation and licence. Filters do not apply.")
    _columns_help()


COLUMNS_HELP = "| Column | Type | Meaning |\n|---|---|---|\n" + "\n".join(
    f"| `{c}` | {kind} | {md_escape(meaning)} |" for c in COLUMNS for kind, meaning in [FIELDS.get(c, ("string", ""))])


def _columns_help() -> None:
    with st.expander("What the columns mean"):
        st.markdown(COLUMNS_HELP)
