"""Pure pandas shaping of the filtered frame for each page: chart groups, capped chart rows, timeline, sources."""

from __future__ import annotations

import math

import pandas as pd

from dashboard.frames import HEADLINES

CHARTS_PER_PAGE = 8
CARDS_PER_PAGE = 12
MAX_BARS = 12  # places on one bar chart
MAX_SERIES = 6  # places on one chart of several years
TIMELINE_MAX_POINTS = 400  # past this the timeline counts figures per sector and year


def pages(count: int, per_page: int) -> int:
    """How many pages `count` items fill, at least one."""
    return max(1, math.ceil(count / per_page))


def page_of(items: list, page: int, per_page: int) -> list:
    """Items on page `page` (1-based; out-of-range pages are clamped)."""
    page = min(max(page, 1), pages(len(items), per_page))
    return items[(page - 1) * per_page: page * per_page]


def split_indicators(frame: pd.DataFrame) -> tuple[list[str], pd.DataFrame]:
    """Indicators with several figures (one chart each, in data order) and the rows of those with a single figure."""
    counts = frame.groupby("indicator_id", sort=False).size()
    charted = [i for i, n in counts.items() if n > 1]
    singles = frame[frame["indicator_id"].map(counts) == 1]
    return charted, singles


def chart_kind(rows: pd.DataFrame) -> str:
    """'years' (one place over time), 'series' (several places over time) or 'places' (one value per bar)."""
    if rows.duplicated(["geography", "period", "status"]).any():
        return "places"
    geos = rows["geography"].nunique()
    per_geo = rows.groupby("geography")["period"].nunique()
    if geos == 1 and per_geo.iloc[0] > 1:
        return "years"
    if geos > 1 and (per_geo > 1).any():
        return "series"
    return "places"


def chart_rows(rows: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The rows a chart of one indicator draws (top places when there are too many) and how many places are left out."""
    kind = chart_kind(rows)
    cap = MAX_SERIES if kind == "series" else MAX_BARS
    if kind == "years":
        return rows.sort_values(["year_end", "year_start"]), 0
    if kind == "places":
        keep = rows.sort_values("value", ascending=False, kind="stable").head(cap)
        return keep, rows["geography"].nunique() - keep["geography"].nunique()
    stats = rows.groupby("geography").agg(n=("value", "size"), latest=("year_end", "max"), top=("value", "max"))
    ranked = stats.sort_values(["n", "latest", "top"], ascending=False, kind="stable").index[:cap]
    keep = rows[rows["geography"].isin(ranked)].sort_values(["geography", "year_end"], kind="stable")
    return keep, len(stats) - len(ranked)


def bar_labels(rows: pd.DataFrame) -> pd.Series:
    """A distinct category name per row: the place, then its period, then the figure id when still ambiguous."""
    labels = rows["geography"].astype(str)
    if rows["period"].nunique() > 1:
        labels = labels + ", " + rows["period"].astype(str)
    dup = labels.duplicated(keep=False)
    return labels.where(~dup, labels + ": " + rows["figure_id"].astype(str))


def headline(frame: pd.DataFrame, count: int = 8) -> pd.DataFrame:
    """The Overview's figures: the curated headline list, else the latest actual figure of each sector."""
    chosen = frame[frame["figure_id"].isin(HEADLINES)]
    if len(chosen):
        order = {fid: i for i, fid in enumerate(HEADLINES)}
        return chosen.sort_values("figure_id", key=lambda s: s.map(order)).head(count)
    ordered = frame.sort_values(["year_end", "value"], ascending=False, kind="stable")
    actual = ordered[ordered["status"] == "actual"]
    return (actual if len(actual) else ordered).drop_duplicates("sector").head(count)


def timeline(frame: pd.DataFrame, max_points: int = TIMELINE_MAX_POINTS) -> tuple[pd.DataFrame, bool]:
    """Rows for the timeline, or counts per sector, year and status when there are too many to draw one by one."""
    if len(frame) <= max_points:
        return frame, False
    counts = (frame.groupby(["sector", "sector_label", "year_end", "status"], sort=False)
              .size().rename("figures").reset_index())
    return counts, True


def sources_used(frame: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """Each source with the rows drawn from it, newest article first."""
    order = frame.drop_duplicates("source_id").sort_values(["published", "source_id"], ascending=[False, True])
    groups = dict(tuple(frame.groupby("source_id", sort=False)))
    return [(sid, groups[sid]) for sid in order["source_id"]]


def source_refs(rows: pd.DataFrame) -> pd.DataFrame:
    """The distinct sources of some rows: id, publisher, headline, date and address."""
    columns = ["source_id", "publisher", "source_title", "published", "url"]
    return rows[columns].drop_duplicates("source_id").sort_values(["published", "source_id"])


def citation(source) -> str:
    """A plain-text citation of one source article."""
    who = f"{source.author} ({source.publisher})" if source.author else source.publisher
    where = str(source.url) if source.url else "no link known"
    return f'{who}. "{source.headline}". {source.published.isoformat()}. {where} (accessed {source.accessed.isoformat()}).'
