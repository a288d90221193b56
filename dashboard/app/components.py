"""What pages share: the data in the reader's language and the rows the filters keep, charts built once, downloads."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import streamlit as st

from dashboard.app import state
from dashboard.charts import blocks
from dashboard.charts.alt_text import LINK_COLUMN, TABLE_COLUMNS, chart_table
from dashboard.charts.style import plotly_config, point_field
from dashboard.data.problems import DataError
from dashboard.export import data_updated, package_zip, to_csv
from dashboard.table import dataset
from dashboard.table.filters import apply, pages, rows_by_id
from dashboard.table.page_tables import ROW_HEIGHT
from dashboard.text.citations import figure_path, page_link
from dashboard.text.locale import N_, locale
from dashboard.web.routes import base_url

EMPTY = N_("No figures match these filters. Widen the year range or clear a filter in the sidebar.")
# The columns of a chart's table that tell its figures apart, narrow enough that a half-width chart (about 430 pixels)
# shows all three; a long name wraps (page_tables.ROW_HEIGHT).
CHART_TABLE_WIDTHS = {"figure": 160, "period": 75, "value_text": 150}
MAX_PROBLEMS = 200  # problems listed in the panel; `validate` lists them all
# Focus outlines, copy buttons and the phone's page links; read once here, as the entry point itself runs every rerun.
STYLE = f"<style>{(Path(__file__).parent / 'style.css').read_text(encoding='utf-8')}</style>"


RUN_DATA = "run_data"  # the session key of the data a run reads: one version from the run's start to its end


def look_up_data() -> dataset.Dataset:
    """The data files as they are now, kept for this run (the entry point looks them up once a run); raises DataError."""
    st.session_state[RUN_DATA] = found = dataset.current()
    return found


def data() -> dataset.Dataset:
    """The data this run reads (and its downloads, made later, read the same), in both languages; raises DataError."""
    return st.session_state[RUN_DATA] if RUN_DATA in st.session_state else look_up_data()


def view() -> dataset.View:
    """The data in the reader's language."""
    return data().views[state.locale().code]


def kept() -> pd.DataFrame:
    """The rows, in the reader's language, that the sidebar filters keep."""
    shown = view()
    return apply(shown.frame, state.filters(shown.options))


def site() -> str:
    """This site's address, for code that another site embeds: DASHBOARD_BASE_URL, else the one the reader uses."""
    parts = urlsplit(st.context.url or "")
    return base_url() or (f"{parts.scheme}://{parts.netloc}" if parts.netloc else "")


def page_top(title: str, intro: str | None = None) -> tuple[dataset.View, pd.DataFrame] | None:
    """A page's title and introduction; then the data and the rows the filters keep (None, with advice, when none)."""
    shown, rows = view(), kept()
    st.title(title)
    if intro:
        st.markdown(intro)
    if rows.empty:
        st.info(state.locale()._(EMPTY))
        return None
    return shown, rows


@st.cache_resource(show_spinner=False, max_entries=128)
def _built(version: str, code: str, kind: str, ids: tuple[str, ...], _data: dataset.Dataset) -> blocks.Chart:
    """A chart of these figures, built once per data version and language and shared read-only by every session."""
    shown, loc = _data.views[code], locale(code)
    rows = rows_by_id(shown.frame, ids)
    if kind == "indicator":
        return blocks.indicator(rows, loc)
    if kind == "timeline":
        return blocks.timeline(rows, list(shown.options.sectors), loc)
    story = next(chart for chart in _data.stories if f"story:{chart.id}" == kind)
    return blocks.story(story, rows, loc)


def built(kind: str, rows: pd.DataFrame) -> blocks.Chart:
    """The chart of these rows: `indicator`, `timeline`, or `story:<id>` for a story chart."""
    current = data()
    return _built(current.version, state.locale().code, kind, tuple(rows["figure_id"]), current)


def chart(block: blocks.Chart, key: str) -> None:
    """A Plotly chart with its text alternative, its rows as a table on request; clicking a mark opens its figure."""
    event = st.plotly_chart(block.figure, width="stretch", config=plotly_config(state.locale()), key=key, alt=block.alt,
                            on_select="rerun", selection_mode="points")
    drawn = set(block.rows["figure_id"])  # a selection is the reader's browser's to send: only a figure drawn is opened
    marks = (point_field(point, "figure_id") for point in event.selection.points)
    clicked = next((figure for figure in marks if isinstance(figure, str) and figure in drawn), None)
    if clicked:  # the figure's own page, in the reader's language; Back returns to this view, kept in the address
        page = json.dumps(page_link(figure_path(clicked), state.locale()))  # no < or "
        st.html(f"<script>window.location.assign(new URL({page}, document.baseURI));</script>", unsafe_allow_javascript=True)
    table = st.expander(state.locale()._("Chart data as a table"), key=f"{key}_table", on_change="rerun")
    if table.open:  # drawn only when opened
        with table:  # each row links to its figure's page: the chart's marks within a keyboard's and a screen reader's reach
            loc = state.locale()
            link = st.column_config.LinkColumn(loc._(LINK_COLUMN), display_text=loc._("open"),
                                               help=loc._("The figure's own page: its value, sentence, source and citation."))
            widths = {loc._(TABLE_COLUMNS[name]): st.column_config.TextColumn(width=width)
                      for name, width in CHART_TABLE_WIDTHS.items()}  # the three that tell, in a half-width chart
            st.dataframe(chart_table(block.rows, state.locale(), links=True), hide_index=True, width="stretch",
                         row_height=ROW_HEIGHT, column_config={**widths, loc._(LINK_COLUMN): link})


def _csv(figure_ids: list[str]) -> bytes:
    """The CSV of these figures, in both languages whatever the page's."""
    return to_csv(rows_by_id(data().frame, figure_ids))


def csv_button(rows: pd.DataFrame, name: str, key: str, label: str | None = None, **options) -> None:
    """A download of exactly these rows, every column (sources included), formula-safe; built only when clicked."""
    st.download_button(label or state.locale()._("Download CSV"), data=functools.partial(_csv, rows["figure_id"].tolist()),
                       file_name=f"{name}.csv", mime="text/csv", key=key, on_click="ignore", icon=":material/download:",
                       **options)


def updated_line() -> str:
    """'Data last updated 2026-11-23 (version 1a2b3c4d).', in the reader's language: the latest date a source was read."""
    current, loc = data(), state.locale()
    when = data_updated(current.sources)
    if when is None:
        return ""
    return loc._("Data last updated {date} (version {version}).").format(
        date=loc.date(when.isoformat()), version=current.version[:8])


def zip_name() -> str:
    """The data package's file name, with the data's version: zhejiang-indicators-1a2b3c4d.zip."""
    return f"zhejiang-indicators-{data().version[:8]}.zip"


def dataset_zip() -> bytes:
    """The data package of the whole dataset, as a zip (made when a reader asks for it)."""
    current = data()
    return package_zip(current.frame, current.sources, version=current.version)


def pager(label: str, count: int, per_page: int, key: str) -> int:
    """A page chooser when `count` items need more than one page; the page number chosen. `label`: translated."""
    loc = state.locale()
    total = pages(count, per_page)
    if total == 1:
        return 1
    if st.session_state.get(key) not in range(1, total + 1):  # fewer pages than before: back to the first
        st.session_state[key] = 1
    if total <= 12:
        return st.segmented_control(loc._("{label}: page ({per_page} a page)").format(label=label, per_page=per_page),
                                    list(range(1, total + 1)), key=key, required=True) or 1
    return int(st.number_input(loc._("{label}: page (1 to {total}, {per_page} a page)").format(
        label=label, total=total, per_page=per_page), 1, total, key=key, step=1) or 1)


def _listed(problems) -> None:
    """Problems as plain text, one a line (FILE:LINE: field: message), the first MAX_PROBLEMS of them."""
    loc = state.locale()
    lines = [str(p) for p in problems[:MAX_PROBLEMS]]
    if len(problems) > MAX_PROBLEMS:
        lines.append(loc._("... and {n} more (run: {command})").format(n=len(problems) - MAX_PROBLEMS,
                                                                  command="python -m dashboard validate"))
    st.code("\n".join(lines), language=None, wrap_lines=True)


def problems_panel(exc: DataError) -> None:
    """What is wrong with the data files, when no version of them could be read."""
    st.error(state.locale()._("The data files have {n} problem(s), so nothing can be drawn. Fix them and reload.")
             .format(n=len(exc.problems)))
    _listed(exc.problems)


def stale_notice(problems) -> None:
    """Say that the files on disk have problems and that the last version read without any is shown meanwhile."""
    loc = state.locale()
    with st.expander(loc._("The data files on disk have {n} problem(s): the last version without any is shown.").format(
            n=len(problems)), icon=":material/warning:"):
        _listed(problems)
