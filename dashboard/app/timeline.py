"""Timeline: every figure on one time axis, a row per sector."""

import streamlit as st

from dashboard.app.derived import timeline_block
from dashboard.app.widgets import chart, data_key, lang, page_top, selection, ui
from dashboard.table.filters import MAX_TABLE_ROWS, TIMELINE_MAX_POINTS
from dashboard.text.locale import N_
from dashboard.text.wording import number

INTRO = N_("Every figure on one time axis, a row per sector. Filled marks are results; hollow marks are targets and "
           "forecasts, placed in the year they are due. A bar shows a period of several years.")


def main() -> None:
    """Draw the Timeline."""
    _ = ui().gettext
    top = page_top(_("Timeline"), _(INTRO))
    if top is None:
        return
    data, rows = top
    counted = len(rows) > TIMELINE_MAX_POINTS
    if counted:
        st.caption(_("{n} figures are too many to mark one by one: each circle counts the figures of a sector, year and "
                     "status (hover over or tap one for the number).").format(n=number(len(rows), lang())))
    block = timeline_block(data_key(), selection(data.options), counted)
    chart(block.figure, block.alt, rows.head(MAX_TABLE_ROWS), key="timeline")


main()
