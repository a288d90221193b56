"""What every page shares: the data looked up once a run, the filters as the sidebar holds them, safe text helpers."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from contextvars import ContextVar
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import streamlit as st

from dashboard.export import package_zip, to_csv
from dashboard.frames import Filters, Options
from dashboard.load import build_frame, data_version, indicators_path, load_catalog, sources_path
from dashboard.table import Table

EMPTY = "No figures match these filters. Widen the year range or clear a filter in the sidebar."


@st.cache_data(show_spinner="Loading the figures...", max_entries=4)
def _load(indicators: str, sources: str, version: str) -> tuple[pd.DataFrame, dict, dict[str, str]]:
    """The tidy frame, the sources and the descriptions (`version`, from data_version, only keys the cache)."""
    catalog, found = load_catalog(Path(indicators), Path(sources))
    described = {item.id: item.description for item in (*catalog.sectors, *catalog.indicators)}
    return build_frame(catalog, found), found, described


class Prepared(NamedTuple):
    """The dataset as every page reads it; shared read-only by every session (never modify it)."""

    table: Table  # the figures, prepared for fast selections
    sources: dict  # the source articles by id
    descriptions: dict[str, str]  # what each sector and indicator is, by id
    key: str  # the data files, as one string: the key of every cache built from this data


@st.cache_resource(show_spinner="Loading the figures...", max_entries=4)
def _prepared(key: str) -> Prepared:
    frame, found, described = _load(*key.split("\0"))
    return Prepared(Table.of(frame), found, described, key)


def _key() -> str:
    """The data files and their version as one cache key: one argument is the cheapest for Streamlit to hash.

    The version (sizes and change times) makes an edit to a data file show on the next run.
    """
    indicators, sources = indicators_path(), sources_path()
    return f"{indicators}\0{sources}\0{data_version(indicators, sources)}"  # no path holds a NUL


def prepared() -> Prepared:
    """The dataset, read and prepared once per process; raises DataError."""
    return _prepared(_key())


THIS_RUN: ContextVar[Prepared | None] = ContextVar("THIS_RUN", default=None)  # set by the shell around a page's run


def this_run() -> Prepared:
    """The dataset the shell looked up for this run (one cache lookup a run instead of two), else a lookup."""
    return THIS_RUN.get() or prepared()


def dataset() -> tuple[pd.DataFrame, dict]:
    """The whole tidy frame and the sources, read once per process; raises DataError."""
    frame, found, _ = _load(*_key().split("\0"))
    return frame, found


@st.cache_data(show_spinner=False, max_entries=4)
def _zip(key: str) -> bytes:
    frame, found, _ = _load(*key.split("\0"))
    return package_zip(frame, found)


def filter_options() -> Options:
    return prepared().table.options


def current_filters(opts: Options | None = None) -> Filters:
    """The filters as the sidebar holds them (`opts`: the filter options, when the caller has them already)."""
    opts = opts or filter_options()
    state = st.session_state
    years = state.get("year", opts.years)
    return Filters(years=(int(years[0]), int(years[1])), sectors=tuple(state.get("sector", ())),
                   geos=tuple(state.get("geo", ())), statuses=tuple(state.get("status", ())))


def selection() -> tuple[Prepared, Filters]:
    """The prepared dataset and the sidebar filters, read once for a page's run."""
    data = this_run()
    return data, current_filters(data.table.options)


def page_top(title: str, intro: str | None = None) -> tuple[Prepared, Filters, np.ndarray] | None:
    """A page's title and introduction; then the data, the filters and the positions of the rows they keep.

    None, after saying how to widen the filters, when they keep no row.
    """
    data, filters = selection()
    chosen = data.table.positions(filters)
    st.title(title)
    if intro:
        st.markdown(intro)
    if not len(chosen):
        st.info(EMPTY)
        return None
    return data, filters, chosen


def _csv_of(data: Table, positions: tuple[int, ...]) -> bytes:
    return to_csv(data.frame.iloc[list(positions)])


def rows_csv(data: Table, positions) -> Callable[[], bytes]:
    """Builds the CSV of the rows at these positions when called (on click, outside the script run)."""
    return functools.partial(_csv_of, data, tuple(np.asarray(positions).tolist()))


def dataset_zip(data: Prepared) -> Callable[[], bytes]:
    """Builds the data package zip of the whole dataset when called."""
    return functools.partial(_zip, data.key)


def md_escape(text: object) -> str:
    """Text from the data made literal in Markdown (every ASCII punctuation mark backslash-escaped)."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&\"'/^%@,;?])", r"\\\1", " ".join(str(text).split()))


def md_link(text: object, url: object) -> str:
    """A Markdown link whose text is literal; the address is percent-encoded where Markdown would stop."""
    if not isinstance(url, str) or not url:
        return md_escape(text)
    safe = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    return f"[{md_escape(text)}]({safe})"


def source_line(refs) -> str:
    """The sources as one line of Markdown: publisher, linked headline and date of each, separated by semicolons."""
    return ("Source: " if len(refs) == 1 else "Sources: ") + "; ".join(
        f"{md_escape(r.publisher)}, {md_link(r.source_title, r.url)}, {md_escape(r.published)}"
        + ("" if isinstance(r.url, str) and r.url else " (no link known)")
        for r in refs
    ) + "."


def csv_button(data: Table, positions, name: str, key: str, label: str = "Download CSV") -> None:
    """A download of exactly these rows, every column (sources included), formula-safe; built only when clicked."""
    st.download_button(label, data=rows_csv(data, positions), file_name=f"{name}.csv", mime="text/csv", key=key,
                       on_click="ignore", icon=":material/download:")
