"""Charts in words: a text alternative for each chart, written from the rows it draws, and those rows as a table."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from dashboard.charts.timeline import lone_early
from dashboard.table.filters import dated
from dashboard.table.page_tables import figure_names
from dashboard.text.citations import figure_path, page_link
from dashboard.text.locale import N_, Locale
from dashboard.text.wording import aside, period_text, status_word, years_text

KINDS = {
    "years": N_("a bar chart of its values over the years"),
    "places": N_("a bar chart comparing places"),
    "series": N_("a line chart of each place over the years"),
}
ANY_KIND = N_("a chart")  # a kind KINDS does not name
MAX_LISTED = 25  # values written out in one text alternative; the table below the chart holds them all
# The columns that tell the figures apart first (the figure: indicator with its label; period; value in words), so a
# half-width chart's table shows them without scrolling; the place, status and sector after.
TABLE_COLUMNS = {"figure": N_("Figure"), "period": N_("Period"), "value_text": N_("Value"), "place": N_("Place"),
                 "status": N_("Status"), "sector_label": N_("Sector")}
LINK_COLUMN = N_("Figure's page")  # the column of links to each figure's own page


def _figure(row, loc: Locale) -> str:
    marks = loc.marks
    return (f"{row.place}{aside(row.label, loc)}{marks.comma}{period_text(row.period, loc)}{marks.colon}"
            f"{row.value_label}{aside(status_word(row.status, loc), loc)}")


def describe_chart(rows: pd.DataFrame, loc: Locale, kind: str = "years") -> str:
    """One indicator's chart in words: its title, what it shows, and every value drawn (the first MAX_LISTED)."""
    if rows.empty:
        return loc._("An empty chart: no figure matches the filters.")
    first = rows.iloc[0]
    count = len(rows)
    head = loc.ngettext("{indicator}, in {unit}: {kind} of {n} figure, {years}.",
                          "{indicator}, in {unit}: {kind} of {n} figures, {years}.", count).format(
        indicator=first.indicator, unit=first.unit_label, kind=loc._(KINDS.get(kind, ANY_KIND)),
        n=count, years=years_text(rows["year_start"].min(), rows["year_end"].max(), loc))
    values = loc.marks.semicolon.join(_figure(row, loc) for row in rows.head(MAX_LISTED).itertuples())
    if count > MAX_LISTED:
        values = loc._("{values}; and {more} more, listed in the table under the chart").format(
            values=values, more=count - MAX_LISTED)
    return loc._("{head} Values: {values}.").format(head=head, values=values)


def describe_story(title: str, subtitle: str | None, note: str | None, labels: list[str], rows: pd.DataFrame,
                   loc: Locale) -> str:
    """A story chart in words: its title, what it shows, each figure's value, and its note (all in the reader's language)."""
    marks = loc.marks
    values = marks.semicolon.join(f"{label}{marks.colon}{row.value_label}{aside(status_word(row.status, loc), loc)}"
                                  for label, row in zip(labels, rows.itertuples(), strict=True))
    told = loc._("A chart of {n} figures. Values: {values}.").format(n=len(rows), values=values)
    return (f"{title}{marks.stop}{subtitle + marks.stop if subtitle else ''}{told}"
            + (marks.gap + loc._("Note: {note}").format(note=note) if note else ""))


def describe_timeline(rows: pd.DataFrame, sectors: list[tuple[str, str]], loc: Locale) -> str:
    """The timeline in words: how many figures of each status each sector has, and over which years (dated ones only)."""
    marks = loc.marks
    rows = dated(rows)
    if rows.empty:
        return loc._("An empty timeline: no figure matches the filters.")
    count = "figures" in rows.columns  # a counted timeline: one row per sector, year and status
    sizes = rows["figures"] if count else [1] * len(rows)
    figures, years = Counter(), {}  # figures by (sector, status); first and last year by sector
    for sector, status, year, n in zip(rows["sector"], rows["status"], rows["year_end"], sizes, strict=True):
        figures[sector, status] += int(n)
        first, last = years.get(sector, (year, year))
        years[sector] = (min(first, year), max(last, year))
    total = sum(figures.values())
    parts = []
    for sector, label in sectors:
        if sector not in years:
            continue
        by_status = sorted((status, n) for (mine, status), n in figures.items() if mine == sector)
        statuses = marks.comma.join(loc._("{n} {status}").format(n=n, status=status_word(status, loc))
                                    for status, n in by_status)
        parts.append(loc._("{sector}: {total} ({statuses}), {first} to {last}").format(
            sector=label, total=sum(n for _, n in by_status), statuses=statuses, first=years[sector][0],
            last=years[sector][1]))
    told = loc.ngettext(
        "A timeline of {n} figure, a row per sector, each placed in the year it is for; targets and forecasts in the year "
        "they are due. {sectors}.",
        "A timeline of {n} figures, a row per sector, each placed in the year it is for; targets and forecasts in the year "
        "they are due. {sectors}.", total).format(n=total, sectors=marks.semicolon.join(parts))
    early = lone_early(rows)
    if early:
        told += marks.gap + loc._(
            "The year axis starts in {first}; the one earlier figure, of {year}, is drawn at its left edge, beyond a "
            "dotted break, so that it does not stretch the axis over the empty years between.").format(
            first=early[1], year=early[0])
    return told


def chart_table(rows: pd.DataFrame, loc: Locale, links: bool = False) -> pd.DataFrame:
    """The rows a chart draws as a plain table: figure (indicator and label), period, value in words, place, status and
    sector, blanks for none; with `links`, a last column holding each figure's page, relative, in the reader's language."""
    if "indicator" in rows:  # a counted timeline's rows name no figure
        rows = rows.assign(figure=figure_names(rows, loc))
    table = rows[[c for c in TABLE_COLUMNS if c in rows.columns]]
    if links and "figure_id" in rows:
        table = table.assign(**{LINK_COLUMN: [page_link(figure_path(str(fid)), loc)
                                              for fid in rows["figure_id"]]})
    if "status" in table.columns:
        table = table.assign(status=[status_word(s, loc) for s in table["status"]])
    table = table.rename(columns={name: loc._(title) for name, title in {**TABLE_COLUMNS, LINK_COLUMN: LINK_COLUMN}.items()})
    return table.astype(object).where(table.notna(), "").reset_index(drop=True)
