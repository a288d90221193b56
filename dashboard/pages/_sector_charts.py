"""Render helper of the Sectors page: one sector at a time, a chart per indicator, cards for single figures."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.charts import figure, indicator_spec
from dashboard.frames import Filters
from dashboard.pages._common import (
    EMPTY,
    csv_button,
    current_filters,
    data_paths,
    descriptions,
    filter_options,
    filtered,
    filtered_frame,
    md_escape,
    source_lines,
)
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
        return st.segmented_control(f"{label}: page ({per_page} a page)", list(range(1, total + 1)), key=key,
                                    required=True) or 1
    return int(st.number_input(f"{label}: page (1 to {total}, {per_page} a page)", 1, total, key=key, step=1))


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """The same rows with text columns as Python objects: many small selections on them are several times faster."""
    return frame.astype({c: object for c in frame.columns if pd.api.types.is_string_dtype(frame[c])})


@st.cache_data(show_spinner=False, max_entries=128)
def _sector_view(indicators: str, sources: str, filters: Filters, sector: str, chart_page: int, card_page: int) -> dict:
    """Everything the Sectors page draws for one sector and page, computed once per selection."""
    frame = filtered_frame(indicators, sources, filters)
    rows = _plain(frame[frame["sector"] == sector])
    notes = descriptions()
    charted, singles = split_indicators(rows)
    groups = dict(tuple(rows[rows["indicator_id"].isin(page_of(charted, chart_page, CHARTS_PER_PAGE))]
                        .groupby("indicator_id", sort=False)))
    blocks = []
    for indicator in page_of(charted, chart_page, CHARTS_PER_PAGE):
        part = groups[indicator]
        drawn, left_out = chart_rows(part)
        first = part.iloc[0]
        blocks.append({
            "id": indicator, "name": first["indicator"], "rows": drawn,
            "about": f"{notes.get(indicator, '')} Unit: {first['unit_label']}.",
            "figure": indicator_spec(drawn),
            "left_out": (f"{len(drawn):,} of {len(part):,} figures drawn: {left_out:,} more places are left out here "
                         "and listed on the Data page.") if left_out else "",
            "sources": source_lines(source_refs(drawn)),
        })
    cards = pd.DataFrame(page_of(list(singles.itertuples(index=False)), card_page, CARDS_PER_PAGE),
                         columns=singles.columns)
    return {"figures": len(rows), "indicators": rows["indicator_id"].nunique(), "about": notes.get(sector, ""),
            "charted": len(charted), "blocks": blocks, "singles": len(singles), "cards": cards,
            "card_sources": source_lines(source_refs(cards))}


def _chart(block: dict) -> None:
    """One indicator's chart with its sources and a CSV of exactly the rows drawn."""
    with st.container(border=True):
        st.markdown(f"**{md_escape(block['name'])}**")
        st.caption(md_escape(block["about"]))
        spec = block["figure"]
        st.plotly_chart(figure(spec["data"], spec["layout"]), width="stretch", config=PLOTLY_CONFIG,
                        key=f"chart_{block['id']}")
        if block["left_out"]:
            st.caption(block["left_out"])
        st.markdown("Sources:\n" + block["sources"])
        csv_button(block["rows"], name=str(block["id"]), key=f"csv_{block['id']}")


def render_sectors() -> None:
    frame = filtered()
    st.title("Sectors")
    if frame.empty:
        st.info(EMPTY)
        return
    labels = dict(filter_options().sectors)
    found = set(frame["sector"].unique())
    present = [s for s in labels if s in found]
    if st.session_state.get("sector_view") not in present:
        st.session_state["sector_view"] = present[0]
    sector = st.segmented_control("Sector", present, format_func=labels.get, key="sector_view", required=True)
    sector = sector or present[0]
    chart_key, card_key = f"chart_page_{sector}", f"card_page_{sector}"
    view = _sector_view(*data_paths(), current_filters(), sector, st.session_state.get(chart_key, 1),
                        st.session_state.get(card_key, 1))
    st.markdown(md_escape(view["about"]))
    st.caption(f"{view['figures']:,} figures on {view['indicators']:,} indicators. Hover over a chart for "
               "each figure's wording, period, status and source.")
    if view["charted"]:
        _pager("Charts", view["charted"], CHARTS_PER_PAGE, chart_key)
        columns = st.columns(2)
        for i, block in enumerate(view["blocks"]):
            with columns[i % 2]:
                _chart(block)
    if view["singles"]:
        st.subheader("Single figures")
        st.caption("Indicators with one figure each, shown as cards rather than one-bar charts.")
        _pager("Cards", view["singles"], CARDS_PER_PAGE, card_key)
        columns = st.columns(3)
        for i, row in enumerate(view["cards"].itertuples()):
            with columns[i % 3]:
                card(row)
        st.markdown("Sources:\n" + view["card_sources"])
        csv_button(view["cards"], name=f"{sector}-single-figures", key=f"csv_singles_{sector}")
