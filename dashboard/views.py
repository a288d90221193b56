"""Shaping of the filtered figures for each page: chart groups, capped chart rows, timeline, sources.

The functions take rows as plain records (named tuples with the frame's columns, see `records`) or as a frame:
on selections of a few dozen rows, plain Python is many times faster than pandas.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from operator import attrgetter
from typing import Any

import pandas as pd

CHARTS_PER_PAGE = 4  # two rows of two: about what one screen shows
CARDS_PER_PAGE = 12
MAX_BARS = 12  # places on one bar chart
MAX_SERIES = 6  # places on one chart of several years
TIMELINE_MAX_POINTS = 400  # past this the timeline counts figures per sector and year
COUNT_FIELDS = ("sector", "sector_label", "year_end", "status", "figures")

Rows = pd.DataFrame | Sequence[Any]


def records(rows: Rows) -> Sequence[Any]:
    """Rows as named tuples (`Index` first, then the columns); records pass through unchanged."""
    return list(rows.itertuples(name="Figure")) if isinstance(rows, pd.DataFrame) else rows


def ids(rows: Rows) -> list[int]:
    """The frame index (position in the whole frame) of each row."""
    return [r.Index for r in records(rows)]


def pages(count: int, per_page: int) -> int:
    """How many pages `count` items fill, at least one."""
    return max(1, math.ceil(count / per_page))


def page_of(items: list, page: int, per_page: int) -> list:
    """Items on page `page` (1-based; out-of-range pages are clamped)."""
    page = min(max(page, 1), pages(len(items), per_page))
    return items[(page - 1) * per_page: page * per_page]


def chart_kind(rows: Rows) -> str:
    """'years' (one place over time), 'series' (several places over time) or 'places' (one value per bar)."""
    seen: set[tuple] = set()
    periods: dict[Any, set] = {}
    for r in records(rows):
        key = (r.geography, r.period, r.status)
        if key in seen:
            return "places"
        seen.add(key)
        periods.setdefault(r.geography, set()).add(r.period)
    if len(periods) == 1 and len(next(iter(periods.values()))) > 1:
        return "years"
    if len(periods) > 1 and any(len(p) > 1 for p in periods.values()):
        return "series"
    return "places"


def _by_value(r) -> tuple[bool, float]:
    return (r.value != r.value, -r.value if r.value == r.value else 0.0)  # largest first, missing last


def drawn(rows: Rows) -> tuple[list, int]:
    """The records a chart of one indicator draws (top places when there are too many) and how many places are left out."""
    rows = records(rows)
    kind = chart_kind(rows)
    cap = MAX_SERIES if kind == "series" else MAX_BARS
    if kind == "years":
        return sorted(rows, key=lambda r: (r.year_end, r.year_start)), 0
    if kind == "places":
        keep = sorted(rows, key=_by_value)[:cap]
        return keep, len({r.geography for r in rows}) - len({r.geography for r in keep})
    stats: dict[Any, list] = {}
    for r in rows:
        n, latest, top = stats.get(r.geography, (0, r.year_end, r.value))
        stats[r.geography] = [n + 1, max(latest, r.year_end), max(top, r.value)]
    ranked = sorted(sorted(stats), key=lambda g: stats[g], reverse=True)[:cap]  # ties: places in name order
    chosen = set(ranked)
    keep = sorted((r for r in rows if r.geography in chosen), key=lambda r: (r.geography, r.year_end))
    return keep, len(stats) - len(ranked)


def chart_rows(rows: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """`drawn` for a frame: the rows a chart draws, as a frame, and how many places are left out."""
    keep, left_out = drawn(rows)
    return rows.loc[ids(keep)], left_out


def bar_labels(rows: Rows) -> list[str]:
    """A distinct category name per row: the place, then its period, then the figure's label (or id) when still ambiguous."""
    rows = records(rows)
    labels = [str(r.geography) for r in rows]
    if len({r.period for r in rows}) > 1:
        labels = [f"{label}, {r.period}" for label, r in zip(labels, rows, strict=True)]
    counts = Counter(labels)
    which = [r.label if isinstance(r.label, str) else r.figure_id for r in rows]
    return [label if counts[label] == 1 else f"{label}: {w}" for label, w in zip(labels, which, strict=True)]


def timeline(rows: Rows, max_points: int = TIMELINE_MAX_POINTS) -> tuple[Sequence[Any], bool]:
    """Rows for the timeline, or counts per sector, year and status (dicts of COUNT_FIELDS) when there are too many."""
    rows = records(rows)
    if len(rows) <= max_points:
        return rows, False
    counts = Counter(map(attrgetter(*COUNT_FIELDS[:-1]), rows))
    return [dict(zip(COUNT_FIELDS, (*key, n), strict=True)) for key, n in counts.items()], True


def source_refs(rows: Rows) -> list:
    """The distinct sources of some rows (a record each, read for source_id, publisher, source_title, published, url)."""
    first: dict[str, Any] = {}
    for r in records(rows):
        first.setdefault(r.source_id, r)
    return sorted(first.values(), key=lambda r: (str(r.published), r.source_id))


def citation(source) -> str:
    """A plain-text citation of one source article."""
    who = f"{source.author} ({source.publisher})" if source.author else source.publisher
    where = str(source.url) if source.url else "no link known"
    return f'{who}. "{source.headline}". {source.published.isoformat()}. {where} (accessed {source.accessed.isoformat()}).'
