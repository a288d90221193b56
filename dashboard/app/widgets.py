"""What every page shares: the dataset (read once per data edit), the filters as the sidebar holds them, safe text."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import streamlit as st

from dashboard.data.load import data_version, indicators_path, load_catalog, sources_path
from dashboard.views.chart_style import PLOTLY_CONFIG
from dashboard.views.chart_text import chart_table
from dashboard.views.export import package_zip, to_csv
from dashboard.views.selection import Filters, Options, apply, options
from dashboard.views.tidy import build_frame

EMPTY = "No figures match these filters. Widen the year range or clear a filter in the sidebar."


class Dataset(NamedTuple):
    """The data as every page reads it; shared by every session, so never modified."""

    frame: pd.DataFrame  # the tidy table
    sources: dict  # the source articles by id
    descriptions: dict[str, str]  # what each sector and indicator is, by id
    headlines: tuple[str, ...]  # figure ids of the Overview's cards
    options: Options  # what the filters offer
    stories: tuple  # the story charts (schema.StoryChart), in the data's order


@st.cache_resource(show_spinner="Loading the figures...", max_entries=4)
def _load(indicators: str, sources: str, version: str) -> Dataset:
    """The dataset of these files; `version` (their sizes and change times) makes an edit show on the next run."""
    catalog, found = load_catalog(Path(indicators), Path(sources))
    frame = build_frame(catalog, found)
    described = {item.id: item.description for item in (*catalog.sectors, *catalog.indicators)}
    return Dataset(frame, found, described, tuple(catalog.headlines), options(frame), tuple(catalog.charts))


def files() -> tuple[str, str, str]:
    """The data files and their version: what every cache of the data is keyed on (an edit shows on the next run)."""
    indicators, sources = indicators_path(), sources_path()
    return str(indicators), str(sources), data_version(indicators, sources)


def dataset() -> Dataset:
    """The dataset of the configured data files; raises DataError."""
    return _load(*files())


def dataset_of(data_files: tuple[str, str, str]) -> Dataset:
    """The dataset of these files (see `files`), from the cache."""
    return _load(*data_files)


@st.cache_data(show_spinner=False, max_entries=4)
def _zip(indicators: str, sources: str, version: str) -> bytes:
    data = _load(indicators, sources, version)
    return package_zip(data.frame, data.sources)


def dataset_zip() -> bytes:
    """The data package of the whole dataset, as a zip."""
    return _zip(*files())


@st.cache_resource(show_spinner=False, max_entries=64)
def _kept(data_files: tuple[str, str, str], filters: Filters) -> pd.DataFrame:
    """The rows one filter selection keeps; shared by every session, so never modified."""
    return apply(_load(*data_files).frame, filters)


def current_filters(opts: Options) -> Filters:
    """The filters as the sidebar holds them."""
    state = st.session_state
    years = state.get("year", opts.years)
    return Filters(years=(int(years[0]), int(years[1])), sectors=tuple(state.get("sector", ())),
                   geos=tuple(state.get("geo", ())), statuses=tuple(state.get("status", ())))


def kept(filters: Filters) -> pd.DataFrame:
    """The rows these filters keep (shared read-only)."""
    return _kept(files(), filters)


def selected() -> tuple[Dataset, pd.DataFrame]:
    """The dataset and the rows the sidebar filters keep."""
    data_files = files()
    data = _load(*data_files)
    return data, _kept(data_files, current_filters(data.options))


def page_top(title: str, intro: str | None = None) -> tuple[Dataset, pd.DataFrame] | None:
    """A page's title and introduction; then the dataset and the rows the filters keep.

    None, after saying how to widen the filters, when they keep no row.
    """
    data, rows = selected()
    st.title(title)
    if intro:
        st.markdown(intro)
    if rows.empty:
        st.info(EMPTY)
        return None
    return data, rows


def md_escape(text: object) -> str:
    """Text from the data made literal in Markdown (every ASCII punctuation mark backslash-escaped)."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&\"'/^%@,;?])", r"\\\1", " ".join(str(text).split()))


def md_link(text: object, url: object) -> str:
    """A Markdown link whose text is literal; the address is percent-encoded where Markdown would stop."""
    if not isinstance(url, str) or not url:
        return md_escape(text)
    safe = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    return f"[{md_escape(text)}]({safe})"


def source_line(refs: pd.DataFrame) -> str:
    """The sources as one line of Markdown: publisher, linked headline and date of each, separated by semicolons."""
    return ("Source: " if len(refs) == 1 else "Sources: ") + "; ".join(
        f"{md_escape(r.publisher)}, {md_link(r.source_title, r.url)}, {md_escape(r.published)}"
        + ("" if isinstance(r.url, str) and r.url else " (no link known)")
        for r in refs.itertuples()
    ) + "."


def csv_button(rows: pd.DataFrame, name: str, key: str, label: str = "Download CSV", **options) -> None:
    """A download of exactly these rows, every column (sources included), formula-safe; built only when clicked."""
    st.download_button(label, data=functools.partial(to_csv, rows), file_name=f"{name}.csv", mime="text/csv", key=key,
                       on_click="ignore", icon=":material/download:", **options)


def chart(figure, alt: str, rows: pd.DataFrame, key: str) -> None:
    """A Plotly chart with a text alternative, its rows as a table on request; clicking a mark opens its figure."""
    event = st.plotly_chart(figure, width="stretch", config=PLOTLY_CONFIG, key=key, alt=alt, on_select="rerun",
                            selection_mode="points")
    clicked = [point["customdata"][7] for point in event.selection.points if len(point.get("customdata") or ()) > 7]
    if clicked:  # a mark clicked: open its figure
        st.switch_page("figure.py", query_params={"figure": clicked[0]})
    table = st.expander("Chart data as a table", key=f"{key}_table", on_change="rerun")
    if table.open:  # drawn only when opened: a closed table costs nothing
        with table:
            st.dataframe(chart_table(rows), hide_index=True, width="stretch")
