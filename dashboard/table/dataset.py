"""The loaded data, one copy per data version, shared read-only by the dashboard's pages and its HTTP routes."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from dashboard.data.load import DataChanged, data_version, indicators_path, load, load_catalog, sources_path
from dashboard.data.problems import DataError, Problem
from dashboard.data.schema import Catalog, Source
from dashboard.table import search
from dashboard.table.columns import localised
from dashboard.table.filters import Options, options
from dashboard.table.tidy import build_frame
from dashboard.text.locale import LANGUAGES, Locale, locale


@dataclass(frozen=True)
class View:
    """The data as a reader of one language sees it."""

    frame: pd.DataFrame  # the tidy table, its text columns in the language
    descriptions: dict[str, str]  # what each sector and indicator is, by id
    options: Options  # what the filters offer
    places: dict[str, str]  # each place's name in the language, by its English name (`geography`)


@dataclass(frozen=True)
class Dataset:
    """The catalog, its sources and the tidy table of one version of the data files, in both languages."""

    version: str
    catalog: Catalog
    sources: dict[str, Source]
    frame: pd.DataFrame  # English labels with the Chinese ones beside them (`*_zh`): what downloads are made of
    views: dict[str, View]  # by language code
    problems: tuple[Problem, ...] = ()  # the files' problems on disk, when this is the last version read without any

    @functools.cached_property
    def search_index(self) -> search.Index:
        """The words of every figure in both languages, indexed for the search; built on the first search."""
        return search.build(self.frame)

    @property
    def headlines(self) -> tuple[str, ...]:
        """The figure ids of the Overview's cards."""
        return tuple(self.catalog.headlines)

    @property
    def stories(self) -> tuple:
        """The story charts (schema.StoryChart), in the data's order."""
        return tuple(self.catalog.charts)


def _view(catalog: Catalog, frame: pd.DataFrame, loc: Locale) -> View:
    frame = localised(frame, loc)
    described = {item.id: loc.field(item, "description") for item in (*catalog.sectors, *catalog.indicators)}
    return View(frame, described, options(frame), dict(zip(frame["geography"], frame["place"], strict=True)))


@functools.lru_cache(maxsize=2)
def _load(indicators: str, sources: str, version: str) -> Dataset:
    catalog, found, _ = load(Path(indicators), Path(sources), version)  # the data of exactly this version
    frame = build_frame(catalog, found)
    return Dataset(version, catalog, found, frame, {code: _view(catalog, frame, locale(code)) for code in LANGUAGES})


def load_frame(indicators: Path | None = None, sources: Path | None = None) -> pd.DataFrame:
    """The tidy table of the data files (the configured ones, or these), read afresh; raises DataError."""
    return build_frame(*load_catalog(indicators, sources))


_last_good: dict[tuple[str, str], Dataset] = {}  # by the data files' paths


def current() -> Dataset:
    """The data files as they are now (DASHBOARD_INDICATORS/SOURCES), each read whole and checked.

    While the files on disk have problems, the last version read without any stands, with those problems; only
    when there is none (the first read) is DataError raised. Never a half-written file.
    """
    paths = str(indicators_path()), str(sources_path())
    try:
        data = _current(*paths)
    except DataError as exc:
        if paths not in _last_good:
            raise
        return replace(_last_good[paths], problems=tuple(exc.problems))
    _last_good[paths] = data
    return data


def _current(indicators: str, sources: str) -> Dataset:
    """The dataset of the files' version as it is now, looked up again when the files change while they are read."""
    for _ in range(2):
        try:
            return _load(indicators, sources, data_version(Path(indicators), Path(sources)))
        except DataChanged:
            continue
    return _load(indicators, sources, data_version(Path(indicators), Path(sources)))  # a third change is reported
