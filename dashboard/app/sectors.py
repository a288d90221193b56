"""Sectors: one sector at a time: its story charts, a chart per indicator with several figures, then single figures."""

from contextlib import nullcontext
from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard.app.derived import indicator_block, story_block
from dashboard.app.widgets import (
    DataKey,
    Dataset,
    chart,
    csv_button,
    current_filters,
    data_key,
    kept,
    md_escape,
    page_top,
    source_line,
)
from dashboard.views.cards import cards
from dashboard.views.display import agree, count
from dashboard.views.selection import CARDS_PER_PAGE, CHARTS_PER_PAGE, by_indicator, page_of, pages, source_refs

CHARTS, SINGLES = "Charts", "Single figures"


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


def _chart(data: Dataset, rows: pd.DataFrame, key: DataKey) -> None:
    """One indicator's chart under its name, description and sources, and a CSV of exactly the rows drawn."""
    block = indicator_block(key, tuple(rows["figure_id"]))
    shown, left_out = block.rows, block.left_out
    first = rows.iloc[0]
    about = data.descriptions.get(first.indicator_id, "")
    lines = [f"**{md_escape(first.indicator)}**", f":small[:gray[{md_escape(f'{about} Unit: {first.unit_label}.')}]]",
             f":small[{source_line(source_refs(shown))}]"]
    if left_out:
        lines.append(f":small[:gray[{len(shown):,} of {len(rows):,} figures drawn: {count(left_out, 'more place')} "
                     f"{agree(left_out, 'is', 'are')} left out here and listed on the Data page.]]")
    with st.container(border=True):
        st.markdown("  \n".join(lines))
        chart(block.figure, block.alt, shown, key=f"chart_{first.indicator_id}")
        csv_button(shown, name=str(first.indicator_id), key=f"csv_{first.indicator_id}")


def _charts(data: Dataset, groups: list[pd.DataFrame], page_key: str, key: DataKey) -> None:
    """One page of charts, two side by side."""
    columns = st.columns(2)
    for i, rows in enumerate(page_of(groups, _pager("Charts", len(groups), CHARTS_PER_PAGE, page_key), CHARTS_PER_PAGE)):
        with columns[i % 2]:
            _chart(data, rows, key)


def _stories(stories: list, key: DataKey) -> None:
    """The sector's story charts, each with its note and the CSV of its figures."""
    for story in stories:
        block = story_block(key, story.id)
        with st.container(border=True):
            st.markdown(f"**{md_escape(story.title)}**" + (f"  \n:small[{md_escape(story.subtitle)}]" if story.subtitle
                                                         else ""))
            chart(block.figure, block.alt, block.rows, key=f"story_{story.id}")
            csv_button(block.rows, name=story.id, key=f"csv_story_{story.id}")


def _cards(singles: pd.DataFrame, page_key: str, sector: str) -> None:
    """One page of single-figure cards, and a CSV of exactly those figures."""
    shown = page_of(singles, _pager("Cards", len(singles), CARDS_PER_PAGE, page_key), CARDS_PER_PAGE)
    st.html(cards(shown.itertuples()))
    csv_button(shown, name=f"{sector}-single-figures", key=f"csv_singles_{sector}")


def _pick() -> None:
    """The sector chosen on the page becomes the sidebar's Sector filter (and so the address's `sector`)."""
    st.session_state["sector"] = [st.session_state["sector_pick"]]


def main() -> None:
    """Draw the Sectors page."""
    top = page_top("Sectors")
    if top is None:
        return
    data, rows = top
    labels = dict(data.options.sectors)
    chosen = st.session_state.get("sector") or []
    sector = chosen[0] if len(chosen) == 1 else next(s for s in labels if s in set(rows["sector"]))
    others = kept(replace(current_filters(data.options), sectors=()))  # what the other filters keep, every sector
    st.session_state["sector_pick"] = sector  # the sidebar's Sector filter is the one state; this shows it
    st.segmented_control("Show the sector", [s for s in labels if s in set(others["sector"])], format_func=labels.get,
                         key="sector_pick", required=True, on_change=_pick)
    rows = rows[rows["sector"] == sector] if len(chosen) != 1 else rows
    charted, singles = by_indicator(rows)
    shown_ids = set(rows["figure_id"])  # a story chart is shown when the filters keep all its figures
    stories = [story for story in data.stories if story.sector == sector and set(story.figures) <= shown_ids]
    parts = [f"{count(sum(map(len, charted)) + len(singles), 'figure')} on {count(len(charted) + len(singles), 'indicator')}"]
    if stories:
        parts.append(f"{count(len(stories), 'story chart')} of comparisons the articles draw")
    if charted:
        parts.append(f"{len(charted):,} charted (hover over or tap a chart for each figure's wording, period, status and "
                     "source)")
    if len(singles):
        parts.append(f"{len(singles):,} with a single figure, shown as {'a card' if len(singles) == 1 else 'cards'}")
    st.markdown(f"{md_escape(data.descriptions.get(sector, ''))}\n\n:small[:gray[{'; '.join(parts)}.]]")
    sections = [name for name, size in ((CHARTS, len(stories) + len(charted)), (SINGLES, len(singles))) if size]
    if len(sections) == 2:  # tabs that run only the one open: the other costs nothing until chosen
        tabs = dict(zip(sections, st.tabs(sections, key="tab", on_change="rerun", bind="query-params"), strict=True))
        places = {name: tab for name, tab in tabs.items() if tab.open}
    else:
        places = {name: nullcontext() for name in sections}
    if CHARTS in places:
        with places[CHARTS]:
            key = data_key()  # looked up once a run: the key of every chart's cache
            _stories(stories, key)
            _charts(data, charted, f"chart_page_{sector}", key)
    if SINGLES in places:
        with places[SINGLES]:
            _cards(singles, f"card_page_{sector}", sector)


main()
