"""Render helper of the Sectors page: one sector at a time, a chart per indicator, cards for single figures."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.charts import indicator_chart
from dashboard.pages._common import EMPTY, csv_button, descriptions, filter_options, filtered, md_escape, source_lines
from dashboard.pages._render import card
from dashboard.views import CARDS_PER_PAGE, CHARTS_PER_PAGE, chart_rows, page_of, pages, source_refs, split_indicators

PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}


def _pager(label: str, count: int, per_page: int, key: str) -> int:
    """A page chooser when `count` items need more than one page; the page number chosen."""
    total = pages(count, per_page)
    if total == 1:
        return 1
    if total <= 12:
        if st.session_state.get(key) not in range(1, total + 1):
            st.session_state[key] = 1
        return st.segmented_control(f"{label} (page of {per_page})", list(range(1, total + 1)), key=key,
                                    required=True) or 1
    return int(st.number_input(f"{label}: page (1 to {total}, {per_page} a page)", 1, total, key=key, step=1))


def _chart(rows: pd.DataFrame, notes: dict[str, str]) -> None:
    """One indicator's chart with its sources and a CSV of exactly the rows drawn."""
    first = rows.iloc[0]
    drawn, left_out = chart_rows(rows)
    with st.container(border=True):
        st.markdown(f"**{md_escape(first['indicator'])}**")
        st.caption(md_escape(f"{notes.get(first['indicator_id'], '')} Unit: {first['unit_label']}."))
        st.plotly_chart(indicator_chart(drawn), width="stretch", config=PLOTLY_CONFIG,
                        key=f"chart_{first['indicator_id']}")
        if left_out:
            st.caption(f"{len(drawn):,} of {len(rows):,} figures drawn: {left_out:,} more places are left out here "
                       "and listed on the Data page.")
        st.markdown("Sources:\n" + source_lines(source_refs(drawn)))
        csv_button(drawn, name=str(first["indicator_id"]), key=f"csv_{first['indicator_id']}")


def render_sectors() -> None:
    frame = filtered()
    st.title("Sectors")
    if frame.empty:
        st.info(EMPTY)
        return
    labels = dict(filter_options().sectors)
    present = [s for s in labels if s in set(frame["sector"])]
    if st.session_state.get("sector_view") not in present:
        st.session_state["sector_view"] = present[0]
    sector = st.segmented_control("Sector", present, format_func=labels.get, key="sector_view", required=True)
    sector = sector or present[0]
    notes = descriptions()
    rows = frame[frame["sector"] == sector]
    charted, singles = split_indicators(rows)
    st.markdown(md_escape(notes.get(sector, "")))
    st.caption(f"{len(rows):,} figures on {rows['indicator_id'].nunique():,} indicators. Hover over a chart for "
               "each figure's wording, period, status and source.")
    if charted:
        page = _pager("Charts", len(charted), CHARTS_PER_PAGE, f"chart_page_{sector}")
        groups = dict(tuple(rows[rows["indicator_id"].isin(charted)].groupby("indicator_id", sort=False)))
        shown = page_of(charted, page, CHARTS_PER_PAGE)
        columns = st.columns(2)
        for i, indicator in enumerate(shown):
            with columns[i % 2]:
                _chart(groups[indicator], notes)
    if not singles.empty:
        _singles(singles, sector)


def _singles(singles: pd.DataFrame, sector: str) -> None:
    """Indicators with a single figure: cards (a chart of one value would say nothing more)."""
    st.subheader("Single figures")
    st.caption("Indicators with one figure each, shown as cards rather than one-bar charts.")
    page = _pager("Cards", len(singles), CARDS_PER_PAGE, f"card_page_{sector}")
    shown = pd.DataFrame(page_of(list(singles.itertuples(index=False)), page, CARDS_PER_PAGE), columns=singles.columns)
    columns = st.columns(3)
    for i, row in enumerate(shown.itertuples()):
        with columns[i % 3]:
            card(row)
    st.markdown("Sources:\n" + source_lines(source_refs(shown)))
    csv_button(shown, name=f"{sector}-single-figures", key=f"csv_singles_{sector}")
