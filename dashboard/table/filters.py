"""Filters, groupings and counts of the tidy frame, as pandas operations: what each page selects and groups."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.data.schema import STATUSES


@dataclass(frozen=True)
class Options:
    """What the filters can choose from, as found in the data."""

    years: tuple[int, int]
    sectors: tuple[tuple[str, str], ...]  # (id, label) in data order
    geos: tuple[str, ...]
    statuses: tuple[str, ...]


@dataclass(frozen=True)
class Filters:
    """A filter selection; an empty tuple means no restriction."""

    years: tuple[int, int]
    sectors: tuple[str, ...] = ()
    geos: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()


def options(frame: pd.DataFrame) -> Options:
    """The choices each filter offers for this frame; a figure without a period adds no year."""
    sectors = frame[["sector", "sector_label"]].drop_duplicates("sector")
    dated = frame.dropna(subset=["year_start"])
    years = (int(dated["year_start"].min()), int(dated["year_end"].max())) if len(dated) else (2000, 2030)
    present = set(frame["status"])
    return Options(
        years=years,
        sectors=tuple(zip(sectors["sector"], sectors["sector_label"], strict=True)),
        geos=tuple(sorted(set(frame["geography"]), key=str.casefold)),
        statuses=tuple(s for s in STATUSES if s in present),
    )


def apply(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Rows that pass the filters; a period that is a span is kept when it overlaps the year range.

    A figure without a period is kept only while the range keeps every dated figure of the frame, that is while the
    years filter nothing out: a narrowed range (see `narrowed`) keeps it as the range it came from does.
    """
    low, high = filters.years
    start, end = (frame[column].to_numpy("float64", na_value=np.nan) for column in ("year_start", "year_end"))
    undated = np.isnan(start)
    unfiltered = bool(undated.all()) or (low <= end[~undated].min() and high >= start[~undated].max())
    mask = ((start <= high) & (end >= low)) | (undated & unfiltered)  # an undated row compares False
    for column, chosen in (("sector", filters.sectors), ("geography", filters.geos), ("status", filters.statuses)):
        if chosen:
            mask &= frame[column].isin(chosen).to_numpy()
    return frame[mask]


def rows_by_id(frame: pd.DataFrame, figure_ids) -> pd.DataFrame:
    """The rows of these figures, in the order given (unknown ids left out)."""
    indexed = frame.set_index("figure_id", drop=False)
    return indexed.loc[[fid for fid in figure_ids if fid in indexed.index]].reset_index(drop=True)


def headline(rows: pd.DataFrame, chosen: list[str], count: int = 8) -> pd.DataFrame:
    """The Overview's figures: those of the curated list among the rows, else the latest actual figure of each sector.

    Sectors come in the order of their figure: latest year first, then largest value.
    """
    curated = rows[rows["figure_id"].isin(chosen)]
    if len(curated):
        order = {fid: i for i, fid in enumerate(chosen)}
        return curated.sort_values("figure_id", key=lambda ids: ids.map(order)).head(count)
    ranked = rows.assign(_missing=rows["value"].isna()).sort_values(
        ["year_end", "_missing", "value"], ascending=[False, True, False], kind="stable").drop(columns="_missing")
    actual = ranked[ranked["status"] == "actual"]
    pool = actual if len(actual) else ranked
    return pool.drop_duplicates("sector").head(count)


def dated(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows with a period: what a year axis, such as the timeline's, can place."""
    return rows[rows["year_end"].notna()]


def timeline_counts(rows: pd.DataFrame) -> pd.DataFrame:
    """Figures per sector, year and status, in order of first appearance: the timeline when there are too many."""
    keys = ["sector", "sector_label", "year_end", "status"]
    return dated(rows).groupby(keys, sort=False).size().rename("figures").reset_index()


def by_source(rows: pd.DataFrame) -> list[pd.DataFrame]:
    """The rows by source article, newest article first (ties by source id)."""
    groups = [group for _, group in rows.groupby("source_id", sort=True)]
    return sorted(groups, key=lambda g: str(g["published"].iloc[0]), reverse=True)


def by_indicator(rows: pd.DataFrame) -> tuple[list[pd.DataFrame], pd.DataFrame]:
    """Each indicator with several figures (in order of first appearance), and the rows of single figures.

    The Sectors page draws a chart for each of the first and a card for each of the second.
    """
    sizes = rows.groupby("indicator_id", sort=False)["figure_id"].transform("size")
    several = rows[sizes > 1]
    return [group for _, group in several.groupby("indicator_id", sort=False)], rows[sizes == 1]


def source_refs(rows: pd.DataFrame) -> pd.DataFrame:
    """The distinct sources of some rows (one row each), oldest first."""
    return rows.drop_duplicates("source_id").sort_values(["published", "source_id"])


def pages(count: int, per_page: int) -> int:
    """How many pages `count` items fill, at least one."""
    return max(1, math.ceil(count / per_page))


def page_of(items, page: int, per_page: int):
    """Items (a list or the rows of a frame) on page `page` (1-based; out-of-range pages are clamped)."""
    page = min(max(page, 1), pages(len(items), per_page))
    return items[(page - 1) * per_page: page * per_page]
