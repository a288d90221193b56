"""Timeline: every figure on one time axis, a row per sector."""

import streamlit as st

from dashboard.app.widgets import chart, page_top
from dashboard.views.chart_text import describe_timeline
from dashboard.views.selection import MAX_TABLE_ROWS, TIMELINE_MAX_POINTS, timeline_counts
from dashboard.views.timeline_chart import timeline_chart

INTRO = ("Every figure on one time axis, a row per sector. Filled marks are results; hollow marks are targets and "
         "forecasts, placed in the year they are due. A bar shows a period of several years.")


def main() -> None:
    """Draw the Timeline."""
    top = page_top("Timeline", INTRO)
    if top is None:
        return
    data, rows = top
    counted = len(rows) > TIMELINE_MAX_POINTS
    if counted:
        st.caption(f"{len(rows):,} figures are too many to mark one by one: each circle counts the figures of a "
                   "sector, year and status (hover over or tap one for the number).")
    drawn = timeline_counts(rows) if counted else rows
    sectors = list(data.options.sectors)
    chart(timeline_chart(drawn, sectors, counted), describe_timeline(drawn, sectors), rows.head(MAX_TABLE_ROWS),
          key="timeline")


main()
