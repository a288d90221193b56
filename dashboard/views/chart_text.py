"""Charts in words: a text alternative for each chart, written from the rows it draws, and those rows as a table."""

from __future__ import annotations

import pandas as pd

KINDS = {
    "years": "a bar chart of its values over the years",
    "places": "a bar chart comparing places",
    "series": "a line chart of each place over the years",
}
MAX_LISTED = 25  # values written out in one text alternative; the table below the chart holds them all
TABLE_COLUMNS = {"indicator": "Indicator", "place": "Place", "label": "Which", "period": "Period",
                 "value_label": "Value", "status": "Status"}


def _figure(row) -> str:
    which = f" ({row.label})" if isinstance(row.label, str) and row.label.strip() else ""
    return f"{row.place}{which}, {row.period}: {row.value_label} ({row.status})"


def describe_chart(rows: pd.DataFrame, kind: str = "years") -> str:
    """One indicator's chart in words: its title, what it shows, and every value drawn (the first MAX_LISTED)."""
    if rows.empty:
        return "An empty chart: no figure matches the filters."
    first = rows.iloc[0]
    count = len(rows)
    low, high = rows["year_start"].min(), rows["year_end"].max()
    years = f"{low}" if low == high else f"{low} to {high}"
    head = (f"{first.indicator}, in {first.unit_label}: {KINDS.get(kind, 'a chart')} of {count} "
            f"figure{'' if count == 1 else 's'}, {years}.")
    listed = "; ".join(_figure(row) for row in rows.head(MAX_LISTED).itertuples())
    more = f"; and {count - MAX_LISTED} more, listed in the table under the chart" if count > MAX_LISTED else ""
    return f"{head} Values: {listed}{more}."


def describe_story(title: str, subtitle: str | None, note: str | None, labels: list[str], rows: pd.DataFrame) -> str:
    """A story chart in words: its title, what it shows, each figure's value, and its note."""
    values = "; ".join(f"{label}: {row.value_label} ({row.status})" for label, row in zip(labels, rows.itertuples(),
                                                                                           strict=True))
    return (f"{title}. {subtitle + '. ' if subtitle else ''}A chart of {len(rows)} figures. Values: {values}."
            + (f" Note: {note}" if note else ""))


def describe_timeline(rows: pd.DataFrame, sectors: list[tuple[str, str]]) -> str:
    """The timeline in words: how many figures of each status each sector has, and over which years."""
    if rows.empty:
        return "An empty timeline: no figure matches the filters."
    count = "figures" in rows.columns  # a counted timeline: one row per sector, year and status
    sizes = rows["figures"] if count else pd.Series(1, index=rows.index)
    total = int(sizes.sum())
    parts = []
    for sector, label in sectors:
        mine = rows["sector"] == sector
        if not mine.any():
            continue
        by_status = sizes[mine].groupby(rows.loc[mine, "status"]).sum()
        statuses = ", ".join(f"{int(n)} {status}" for status, n in by_status.items())
        parts.append(f"{label}: {int(sizes[mine].sum())} ({statuses}), {rows.loc[mine, 'year_end'].min()} to "
                     f"{rows.loc[mine, 'year_end'].max()}")
    return (f"A timeline of {total} figure{'' if total == 1 else 's'}, a row per sector, each placed in the year it is "
            f"for; targets and forecasts in the year they are due. " + "; ".join(parts) + ".")


def chart_table(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows a chart draws as a plain table: indicator, place, which, period, value and status, blanks for none."""
    table = rows[[c for c in TABLE_COLUMNS if c in rows.columns]].rename(columns=TABLE_COLUMNS)
    return table.astype(object).where(table.notna(), "").reset_index(drop=True)
