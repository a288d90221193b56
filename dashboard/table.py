"""The tidy frame prepared once for many selections: filter masks on arrays, plain records, the headline figures.

A filter change then costs a few array operations and list lookups instead of many pandas calls on small frames.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.frames import HEADLINES, Filters, Options, options

CODED = ("indicator_id", "sector", "geography", "status", "source_id")


@dataclass(frozen=True, eq=False)
class Table:
    """A read-only frame with a RangeIndex, its rows as named tuples (`Index` is the position) and coded columns."""

    frame: pd.DataFrame
    records: tuple
    options: Options
    year_start: np.ndarray
    year_end: np.ndarray
    codes: dict[str, np.ndarray] = field(repr=False)  # column -> integer code per row (-1: missing)
    values: dict[str, dict[str, int]] = field(repr=False)  # column -> value -> code
    recent: np.ndarray = field(repr=False)  # positions, latest year first, then largest value; missing values last
    curated: np.ndarray = field(repr=False)  # positions of the HEADLINES figures

    @classmethod
    def of(cls, frame: pd.DataFrame) -> Table:
        frame = frame.reset_index(drop=True)
        codes, values = {}, {}
        for column in CODED:
            codes[column], uniques = pd.factorize(frame[column])
            values[column] = {v: i for i, v in enumerate(uniques)}
        value = frame["value"].to_numpy(dtype=float)
        recent = np.lexsort((np.where(np.isnan(value), np.inf, -value), -frame["year_end"].to_numpy()))
        return cls(frame=frame, records=tuple(frame.itertuples(name="Figure")), options=options(frame),
                   year_start=frame["year_start"].to_numpy(), year_end=frame["year_end"].to_numpy(),
                   codes=codes, values=values, recent=recent,
                   curated=np.flatnonzero(frame["figure_id"].isin(HEADLINES).to_numpy()))

    def __len__(self) -> int:
        return len(self.records)

    def mask(self, filters: Filters) -> np.ndarray:
        """True for each row that passes the filters; a period that is a span is kept when it overlaps the year range."""
        low, high = filters.years
        mask = (self.year_start <= high) & (self.year_end >= low)
        for column, chosen in (("sector", filters.sectors), ("geography", filters.geos), ("status", filters.statuses)):
            if chosen:
                mask &= self.where(column, chosen)
        return mask

    def where(self, column: str, chosen) -> np.ndarray:
        """True for each row whose `column` is one of `chosen`."""
        known = self.values[column]
        allowed = np.zeros(len(known) + 1, dtype=bool)  # the last slot is read by code -1, a missing value
        allowed[[known[v] for v in chosen if v in known]] = True
        return allowed[self.codes[column]]

    def positions(self, filters: Filters) -> np.ndarray:
        """Positions of the rows that pass the filters, in data order."""
        return np.flatnonzero(self.mask(filters))

    def rows(self, positions) -> list:
        """The records at these positions."""
        records = self.records
        return [records[i] for i in np.asarray(positions).tolist()]

    def distinct(self, column: str, positions: np.ndarray) -> int:
        """How many different values `column` takes at these positions (a coded column)."""
        return int(np.unique(self.codes[column][positions]).size)

    def headline(self, positions: np.ndarray, count: int = 8) -> list:
        """The Overview's figures: the curated headline list, else the latest actual figure of each sector."""
        keep = np.zeros(len(self), dtype=bool)
        keep[positions] = True
        curated = self.rows(self.curated[keep[self.curated]])
        if curated:
            order = {fid: i for i, fid in enumerate(HEADLINES)}
            return sorted(curated, key=lambda r: order[r.figure_id])[:count]
        ordered = self.recent[keep[self.recent]]
        actual = ordered[self.where("status", ["actual"])[ordered]]
        pool = actual if len(actual) else ordered
        _, first = np.unique(self.codes["sector"][pool], return_index=True)
        return self.rows(pool[np.sort(first)][:count])

    def counts(self, positions: np.ndarray) -> list[dict]:
        """Figures per sector, year and status at these positions, in order of first appearance (as views.timeline)."""
        if not len(positions):
            return []
        years = self.year_end[positions]
        low, span = int(years.min()), int(years.max() - years.min()) + 1
        statuses = len(self.values["status"]) + 1
        key = ((self.codes["sector"][positions] + 1) * span + (years - low)) * statuses + self.codes["status"][positions] + 1
        _, first, number = np.unique(key, return_index=True, return_counts=True)
        order = np.argsort(first)
        return [{"sector": r.sector, "sector_label": r.sector_label, "year_end": r.year_end, "status": r.status,
                 "figures": n} for r, n in zip(self.rows(positions[first[order]]), number[order].tolist(), strict=True)]

    def by_source(self, positions: np.ndarray) -> list[tuple[object, np.ndarray]]:
        """The rows at these positions by source, as (first record, positions), newest article first."""
        positions = np.asarray(positions)
        if not len(positions):
            return []
        codes = self.codes["source_id"][positions]
        order = np.argsort(codes, kind="stable")
        _, starts = np.unique(codes[order], return_index=True)
        groups = [(self.records[int(group[0])], group) for group in np.split(positions[order], starts[1:])]
        groups.sort(key=lambda g: g[0].source_id)
        groups.sort(key=lambda g: str(g[0].published), reverse=True)
        return groups

    def by_indicator(self, positions: np.ndarray) -> tuple[list[np.ndarray], np.ndarray]:
        """Positions of each indicator with several figures (in order of first appearance), and of the single figures.

        The Sectors page draws a chart for each of the first and a card for each of the second.
        """
        positions = np.asarray(positions)
        codes = self.codes["indicator_id"][positions]
        _, first, inverse, counts = np.unique(codes, return_index=True, return_inverse=True, return_counts=True)
        several = np.flatnonzero(counts > 1)
        groups = [positions[inverse == k] for k in several[np.argsort(first[several])]]
        return groups, positions[counts[inverse] == 1]

