"""Render helper of the Sectors page: one sector at a time, a chart per indicator, cards for single figures."""

from __future__ import annotations

from contextlib import nullcontext

import numpy as np
import streamlit as st

from dashboard.app_pages._common import (
    Prepared,
    csv_button,
    md_escape,
    page_top,
    source_line,
)
from dashboard.cards import cards
from dashboard.charts import PlainFigure, indicator_spec
from dashboard.table import Table
from dashboard.views import CARDS_PER_PAGE, CHARTS_PER_PAGE, chart_kind, drawn, ids, page_of, pages, source_refs

CHARTS, SINGLES = "Charts", "Single figures"
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


def _block(data: Table, positions: np.ndarray, about: str) -> dict:
    """One indicator's chart and what goes with it, for the rows at these positions."""
    rows = data.rows(positions)
    shown, left_out = drawn(rows)
    kind = chart_kind(rows)
    first = rows[0]
    lines = [f"**{md_escape(first.indicator)}**", f":small[:gray[{md_escape(f'{about} Unit: {first.unit_label}.')}]]",
             f":small[{source_line(source_refs(shown))}]"]
    if left_out:
        lines.append(f":small[:gray[{len(shown):,} of {len(rows):,} figures drawn: {left_out:,} more places are left out "
                     "here and listed on the Data page.]]")
    return {"id": first.indicator_id, "positions": ids(shown), "figure": PlainFigure(indicator_spec(shown, kind)),
            "heading": "  \n".join(lines)}


@st.cache_resource(show_spinner=False, max_entries=256)
def _blocks(key: str, _prep: Prepared, _groups: list[np.ndarray]) -> list[dict]:
    """The chart blocks of one page of a sector; shared read-only.

    `key` names the data and the rows of every chart (one string: the cheapest to hash); the arguments named with _
    are what it names, not hashed.
    """
    data = _prep.table
    return [_block(data, group, _prep.descriptions.get(data.records[int(group[0])].indicator_id, ""))
            for group in _groups]


def _charts(prep: Prepared, groups: list[np.ndarray], page_key: str) -> None:
    """One page of charts, two side by side (cached by the rows they draw from)."""
    shown = page_of(groups, _pager("Charts", len(groups), CHARTS_PER_PAGE, page_key), CHARTS_PER_PAGE)
    rows = np.concatenate([[len(g) for g in shown], *shown]).astype(np.int64).tobytes().hex()  # sizes, then rows
    columns = st.columns(2)
    for i, block in enumerate(_blocks(f"{prep.key}\0{rows}", prep, shown)):
        with columns[i % 2]:
            _chart(prep.table, block)


def _chart(data: Table, block: dict) -> None:
    """One indicator's chart under its name, description and sources, and a CSV of exactly the rows drawn."""
    with st.container(border=True):
        st.markdown(block["heading"])
        st.plotly_chart(block["figure"], width="stretch", config=PLOTLY_CONFIG, key=f"chart_{block['id']}")
        csv_button(data, block["positions"], name=str(block["id"]), key=f"csv_{block['id']}")


def _cards(data: Table, singles: np.ndarray, page_key: str, sector: str) -> None:
    """One page of single-figure cards, and a CSV of exactly those figures."""
    shown = data.rows(page_of(list(singles), _pager("Cards", len(singles), CARDS_PER_PAGE, page_key), CARDS_PER_PAGE))
    st.html(cards(shown))
    csv_button(data, ids(shown), name=f"{sector}-single-figures", key=f"csv_singles_{sector}")


def render_sectors() -> None:
    top = page_top("Sectors")
    if top is None:
        return
    prep, _, chosen = top
    data = prep.table
    labels = dict(data.options.sectors)
    found = set(np.unique(data.codes["sector"][chosen]).tolist())
    present = [s for s in labels if data.values["sector"].get(s) in found]
    if st.session_state.get("sector_view") not in present:
        st.session_state["sector_view"] = present[0]
    sector = st.segmented_control("Sector", present, format_func=labels.get, key="sector_view", required=True)
    sector = sector or present[0]
    rows = chosen[data.where("sector", [sector])[chosen]]
    charted, singles = data.by_indicator(rows)
    parts = [f"{len(rows):,} figures on {len(charted) + len(singles):,} indicators"]
    if len(charted):
        parts.append(f"{len(charted):,} charted (hover over a chart for each figure's wording, period, status and source)")
    if len(singles):
        parts.append(f"{len(singles):,} with a single figure, shown as a card")
    st.markdown(f"{md_escape(prep.descriptions.get(sector, ''))}\n\n:small[:gray[{'; '.join(parts)}.]]")
    sections = [name for name, count in ((CHARTS, len(charted)), (SINGLES, len(singles))) if count]
    if len(sections) == 2:  # tabs that run only the one open: the other costs nothing until chosen
        tabs = dict(zip(sections, st.tabs(sections, key="sector_tab", on_change="rerun"), strict=True))
        places = {name: tab for name, tab in tabs.items() if tab.open}
    else:
        places = {name: nullcontext() for name in sections}
    if CHARTS in places:
        with places[CHARTS]:
            _charts(prep, charted, f"chart_page_{sector}")
    if SINGLES in places:
        with places[SINGLES]:
            _cards(data, singles, f"card_page_{sector}", sector)
