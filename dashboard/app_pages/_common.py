"""What every page shares: the cached data, the sidebar filters kept in the URL, and safe text helpers."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import streamlit as st

from dashboard.export import package_zip, to_csv
from dashboard.frames import Filters, Options, parse_query, to_query
from dashboard.load import DataError, build_frame, indicators_path, load_catalog, sources_path
from dashboard.table import Table

EMPTY = "No figures match these filters. Widen the year range or clear a filter in the sidebar."
MAX_PROBLEMS = 200
NOTICES = "_url_notices"


@st.cache_data(show_spinner="Loading the figures...", max_entries=4)
def _load(indicators: str, sources: str) -> tuple[pd.DataFrame, dict, dict[str, str]]:
    catalog, found = load_catalog(Path(indicators), Path(sources))
    described = {item.id: item.description for item in (*catalog.sectors, *catalog.indicators)}
    return build_frame(catalog, found), found, described


class Prepared(NamedTuple):
    """The dataset as every page reads it; shared read-only by every session (never modify it)."""

    table: Table  # the figures, prepared for fast selections
    sources: dict  # the source articles by id
    descriptions: dict[str, str]  # what each sector and indicator is, by id
    paths: tuple[str, str]  # the data files: the key of every cache built from this data


@st.cache_resource(show_spinner="Loading the figures...", max_entries=4)
def _prepared(indicators: str, sources: str) -> Prepared:
    frame, found, described = _load(indicators, sources)
    return Prepared(Table.of(frame), found, described, (indicators, sources))


def _paths() -> tuple[str, str]:
    return str(indicators_path()), str(sources_path())


def prepared() -> Prepared:
    """The dataset, read and prepared once per process; raises DataError. One cache lookup: call it once a run."""
    return _prepared(*_paths())


def dataset() -> tuple[pd.DataFrame, dict]:
    """The whole tidy frame and the sources, read once per process; raises DataError."""
    frame, found, _ = _load(*_paths())
    return frame, found


@st.cache_data(show_spinner=False, max_entries=4)
def _zip(indicators: str, sources: str) -> bytes:
    frame, found, _ = _load(indicators, sources)
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
    data = prepared()
    return data, current_filters(data.table.options)


def _csv_of(data: Table, positions: tuple[int, ...]) -> bytes:
    return to_csv(data.frame.iloc[list(positions)])


def rows_csv(data: Table, positions) -> Callable[[], bytes]:
    """Builds the CSV of the rows at these positions when called (on click, outside the script run)."""
    return functools.partial(_csv_of, data, tuple(np.asarray(positions).tolist()))


def dataset_zip(data: Prepared) -> Callable[[], bytes]:
    """Builds the data package zip of the whole dataset when called."""
    return functools.partial(_zip, *data.paths)


def _clear_notices() -> None:
    st.session_state.pop(NOTICES, None)


def _reset() -> None:
    opts = filter_options()
    st.session_state.update(year=opts.years, sector=[], geo=[], status=[])
    _clear_notices()


def _from_url(opts: Options) -> None:
    """On a session's first run, set the filters from the URL and keep notices about what was ignored."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    filters, notices = parse_query(params, opts)
    st.session_state.update(year=filters.years, sector=list(filters.sectors), geo=list(filters.geos),
                            status=list(filters.statuses))
    st.session_state[NOTICES] = notices


def _keep_valid(opts: Options) -> None:
    """Drop chosen values the data does not offer (a widget must never be given an unknown option)."""
    state = st.session_state
    allowed = {"sector": {s for s, _ in opts.sectors}, "geo": set(opts.geos), "status": set(opts.statuses)}
    for key, values in allowed.items():
        chosen = state.get(key, [])
        if any(v not in values for v in chosen):
            state[key] = [v for v in chosen if v in values]
    low, high = state.get("year", opts.years)
    if not opts.years[0] <= low <= high <= opts.years[1]:
        state["year"] = opts.years


def draw_filters(opts: Options | None = None) -> Filters:
    """The sidebar filters, the same on every page; their state is mirrored in the URL."""
    opts = opts or filter_options()
    if "year" not in st.session_state:
        _from_url(opts)
    _keep_valid(opts)
    labels = dict(opts.sectors)
    bar = st.sidebar
    bar.header("Filters")
    if opts.years[0] < opts.years[1]:
        bar.slider("Years", min_value=opts.years[0], max_value=opts.years[1], key="year", step=1,
                   on_change=_clear_notices, help="A figure for a span of years is kept when the span overlaps.")
    bar.multiselect("Sector", [s for s, _ in opts.sectors], key="sector", format_func=labels.get,
                    placeholder="All sectors", on_change=_clear_notices)
    bar.multiselect("Geography", list(opts.geos), key="geo", placeholder="All places", on_change=_clear_notices)
    bar.multiselect("Status", list(opts.statuses), key="status", placeholder="Actual, target, forecast, derived",
                    on_change=_clear_notices)
    bar.button("Reset filters", on_click=_reset, disabled=current_filters(opts) == Filters(years=opts.years))
    if st.session_state.get(NOTICES):
        bar.warning("Ignored in the address: " + "; ".join(md_escape(n) for n in st.session_state[NOTICES]) + ".")
    filters = current_filters(opts)
    query = to_query(filters, opts)
    if {key: st.query_params.get_all(key) for key in st.query_params} != query:
        st.query_params.from_dict(query)
    return filters


def show_problems(exc: DataError) -> None:
    """A readable panel of what is wrong with the data files, as plain text."""
    st.error(f"The data files have {len(exc.problems)} problem(s), so nothing can be drawn. Fix them and reload.")
    lines = [str(p) for p in exc.problems[:MAX_PROBLEMS]]
    if len(exc.problems) > MAX_PROBLEMS:
        lines.append(f"... and {len(exc.problems) - MAX_PROBLEMS} more (run: python -m dashboard validate)")
    st.code("\n".join(lines), language=None, wrap_lines=True)


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
