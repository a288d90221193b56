"""Timeline: every figure on one time axis, a row per sector."""

import streamlit as st

from dashboard.app import components, state
from dashboard.charts.blocks import TIMELINE_MAX_POINTS
from dashboard.table.address import file_stem
from dashboard.text.locale import N_

INTRO = N_("Every figure on one time axis, a row per sector. Filled marks are results; hollow marks are targets and "
           "forecasts, placed in the year they are due. A bar shows a period of several years.")


def main() -> None:
    """Draw the Timeline."""
    loc = state.locale()
    top = components.page_top(loc._("Timeline"), loc._(INTRO))
    if top is None:
        return
    rows = top[1]
    if len(rows) > TIMELINE_MAX_POINTS:
        st.caption(loc._("{n} figures are too many to mark one by one: each circle counts the figures of a sector, year and "
                     "status (hover over or tap one for the number).").format(n=loc.number(len(rows))))
    components.chart(components.built("timeline", rows), key="timeline")
    shown = top[0]
    components.csv_button(rows, name=file_stem(state.filters(shown.options), shown.options, prefix="zhejiang-timeline"),
                          key="csv_timeline")


main()
