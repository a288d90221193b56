"""What every page shares: the dataset (read once per data edit), the filters as the sidebar holds them, safe text."""

from __future__ import annotations

import functools
import gettext
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import streamlit as st

from dashboard.data.load import data_version, indicators_path, load, sources_path
from dashboard.data.schema import Catalog
from dashboard.views.chart_style import PLOTLY_CONFIG
from dashboard.views.chart_text import chart_table
from dashboard.views.export import package_zip, to_csv
from dashboard.views.language import DEFAULT, N_, in_language, localised, translation
from dashboard.views.selection import Filters, Options, apply, narrowed, options, rows_by_id
from dashboard.views.tidy import build_frame

EMPTY = N_("No figures match these filters. Widen the year range or clear a filter in the sidebar.")


RUN_DATA = "_run_data"  # the data key of the current run (a profile of a loaded server showed a stat of every data
# file, repeated for each cache a run used, as a third of the server's time)


class DataKey(NamedTuple):
    """What every cache of the data is keyed on: the data files, their version (an edit shows next run), the language."""

    indicators: str
    sources: str
    version: str
    lang: str


class Dataset(NamedTuple):
    """The data as every page reads it, in one language; shared by every session, so never modified."""

    frame: pd.DataFrame  # the tidy table, its text columns in the reader's language
    sources: dict  # the source articles by id
    descriptions: dict[str, str]  # what each sector and indicator is, by id
    headlines: tuple[str, ...]  # figure ids of the Overview's cards
    options: Options  # what the filters offer
    stories: tuple  # the story charts (schema.StoryChart), in the data's order
    places: dict[str, str]  # each place's name in the reader's language, by its English name (`geography`)


@st.cache_resource(show_spinner=False, max_entries=2)
def _tidy(indicators: str, sources: str, version: str) -> tuple[Catalog, dict, pd.DataFrame]:
    """The catalog, sources and tidy table of these files at this version, in both languages: what downloads are made of."""
    catalog, found, _ = load(Path(indicators), Path(sources), version)
    return catalog, found, build_frame(catalog, found)


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(key: DataKey) -> Dataset:
    """The dataset of these files in one language."""
    catalog, found, frame = _tidy(key.indicators, key.sources, key.version)
    frame = localised(frame, key.lang)
    described = {item.id: in_language(item, "description", key.lang) for item in (*catalog.sectors, *catalog.indicators)}
    return Dataset(frame, found, described, tuple(catalog.headlines), options(frame), tuple(catalog.charts),
                   dict(zip(frame["geography"], frame["place"], strict=True)))


def lang() -> str:
    """The reader's language (the shell sets it on a session's first run)."""
    return st.session_state.get("lang", DEFAULT)


def ui() -> gettext.NullTranslations:
    """The interface's translations into the reader's language: `_ = ui().gettext`."""
    return translation(lang())


def look_up_data() -> DataKey:
    """Look up the data files' version (a hash of their bytes) for this run; the shell does it once, as a run starts."""
    indicators, sources = indicators_path(), sources_path()
    key = DataKey(str(indicators), str(sources), data_version(indicators, sources), lang())
    st.session_state[RUN_DATA] = key
    return key


def data_key() -> DataKey:
    """The key of the configured data files as of this run, in the reader's language."""
    key = st.session_state.get(RUN_DATA)
    return key if key is not None and key.lang == lang() else look_up_data()


def dataset() -> Dataset:
    """The dataset of the configured data files in the reader's language; raises DataError."""
    return _load(data_key())


def dataset_of(key: DataKey) -> Dataset:
    """The dataset of this key, from the cache."""
    return _load(key)


def _download_frame() -> pd.DataFrame:
    """The table the downloads are made of: English labels and, beside them, the Chinese ones (`*_zh`)."""
    key = data_key()
    return _tidy(key.indicators, key.sources, key.version)[2]


@st.cache_data(show_spinner=False, max_entries=4)
def _zip(indicators: str, sources: str, version: str) -> bytes:
    _, found, frame = _tidy(indicators, sources, version)
    return package_zip(frame, found)


def dataset_zip() -> bytes:
    """The data package of the whole dataset, as a zip."""
    key = data_key()
    return _zip(key.indicators, key.sources, key.version)


@st.cache_resource(show_spinner=False, max_entries=64)
def kept_rows(key: DataKey, filters: Filters) -> pd.DataFrame:
    """The rows one filter selection keeps, found once for every page and cache; shared, so never modified."""
    return apply(_load(key).frame, filters)


def current_filters(opts: Options) -> Filters:
    """The filters as the sidebar holds them."""
    state = st.session_state
    years = state.get("year", opts.years)
    return Filters(years=(int(years[0]), int(years[1])), sectors=tuple(state.get("sector", ())),
                   geos=tuple(state.get("geo", ())), statuses=tuple(state.get("status", ())))


def selection(opts: Options) -> Filters:
    """The sidebar's filters narrowed to the years figures start and end in: what cached charts and tables are keyed on.

    A reader sliding the year range through years without figures then reuses the charts already built.
    """
    return narrowed(current_filters(opts), opts)


def selected() -> tuple[Dataset, pd.DataFrame]:
    """The dataset and the rows the sidebar filters keep."""
    key = data_key()
    data = _load(key)
    return data, kept_rows(key, selection(data.options))


def page_top(title: str, intro: str | None = None) -> tuple[Dataset, pd.DataFrame] | None:
    """A page's title and introduction; then the dataset and the rows the filters keep.

    None, after saying how to widen the filters, when they keep no row.
    """
    data, rows = selected()
    st.title(title)
    if intro:
        st.markdown(intro)
    if rows.empty:
        st.info(ui().gettext(EMPTY))
        return None
    return data, rows


def _csv(figure_ids: list[str]) -> bytes:
    """The CSV of these figures, in both languages whatever the page's."""
    return to_csv(rows_by_id(_download_frame(), figure_ids))


def csv_button(rows: pd.DataFrame, name: str, key: str, label: str | None = None, **options) -> None:
    """A download of exactly these rows, every column (sources included), formula-safe; built only when clicked."""
    st.download_button(label or ui().gettext("Download CSV"), data=functools.partial(_csv, rows["figure_id"].tolist()),
                       file_name=f"{name}.csv", mime="text/csv", key=key, on_click="ignore", icon=":material/download:",
                       **options)


def chart(figure, alt: str, rows: pd.DataFrame, key: str) -> None:
    """A Plotly chart with a text alternative, its rows as a table on request; clicking a mark opens its figure."""
    event = st.plotly_chart(figure, width="stretch", config=PLOTLY_CONFIG, key=key, alt=alt, on_select="rerun",
                            selection_mode="points")
    clicked = [point["customdata"][7] for point in event.selection.points if len(point.get("customdata") or ()) > 7]
    if clicked:  # a mark clicked: open its figure
        st.switch_page("figure.py", query_params={"figure": clicked[0]})
    table = st.expander(ui().gettext("Chart data as a table"), key=f"{key}_table", on_change="rerun")
    if table.open:  # drawn only when opened: a closed table costs nothing
        with table:
            st.dataframe(chart_table(rows, lang()), hide_index=True, width="stretch")
