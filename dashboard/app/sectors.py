"""Sectors: one sector at a time: its story charts, a chart per indicator with several figures, then single figures."""

from contextlib import nullcontext
from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard.app import components, state
from dashboard.table.filters import apply, by_indicator, page_of, rows_by_id, source_refs
from dashboard.text.cards import cards
from dashboard.text.citations import chart_path, page_link
from dashboard.text.escape import md_escape, source_line
from dashboard.text.locale import LANGUAGES, N_, locale

CHARTS, SINGLES = N_("Charts"), N_("Single figures")  # the tabs, named in the address (`tab`) as the reader reads them
CHARTS_PER_PAGE = 4  # two rows of two: about what one screen shows
CARDS_PER_PAGE = 12
SHOWN = "sector_shown"  # which of several sectors in the filter the page shows (its own setting, in the address)


def _chart_page(chart_id: str) -> str:
    """A link, as Markdown, to the chart's own page: its image, CSV, table and the code that embeds it."""
    loc = state.locale()
    text = md_escape(loc._("This chart's page: image, CSV and embed code"))
    return f":small[[{text}]({page_link(chart_path(chart_id), loc)})]"


def _heading(block, rows: pd.DataFrame, description: str, chart_id: str) -> str:
    """An indicator chart's name, description, unit and sources, how many places are left out, and its page, as
    Markdown."""
    loc = state.locale()
    name, unit = rows["indicator"].iat[0], rows["unit_label"].iat[0]
    about = loc._("{description} Unit: {unit}.").format(description=description, unit=unit)
    lines = [f"**{md_escape(name)}**", f":small[:gray[{md_escape(about)}]]",
             f":small[{source_line(source_refs(block.rows), loc)}]"]
    if block.left_out:
        drawn = loc.ngettext(
            "{shown} of {total} figures drawn: {n} more place is left out here and listed on the Data page.",
            "{shown} of {total} figures drawn: {n} more places are left out here and listed on the Data page.",
            block.left_out).format(shown=loc.number(len(block.rows)), total=loc.number(len(rows)),
                                   n=loc.number(block.left_out))
        lines.append(f":small[:gray[{drawn}]]")
    lines.append(_chart_page(chart_id))
    return "  \n".join(lines)


def _indicator(rows: pd.DataFrame, descriptions: dict[str, str]) -> None:
    """One indicator's chart under its name, description and sources, and what a reader can take away of it."""
    block = components.built("indicator", rows)
    indicator_id = str(rows["indicator_id"].iat[0])
    with st.container(border=True, key=f"chartbox_{indicator_id}"):
        st.markdown(_heading(block, rows, descriptions.get(indicator_id, ""), indicator_id))
        components.chart(block, key=f"chart_{indicator_id}")
        components.csv_button(block.rows, name=indicator_id, key=f"csv_{indicator_id}")


def _charts(charted: list[pd.DataFrame], sector: str, descriptions: dict[str, str]) -> None:
    """One page of indicator charts, two side by side."""
    columns = st.columns(2)
    page = components.pager(state.locale()._(CHARTS), len(charted), CHARTS_PER_PAGE, f"chart_page_{sector}")
    for i, rows in enumerate(page_of(charted, page, CHARTS_PER_PAGE)):
        with columns[i % 2]:
            _indicator(rows, descriptions)


def _stories(stories: list, frame: pd.DataFrame) -> None:
    """The sector's story charts, each under its title, with its note drawn in and the CSV of its figures."""
    loc = state.locale()
    for story in stories:
        block = components.built(f"story:{story.id}", rows_by_id(frame, story.figures))
        title, subtitle = loc.field(story, "title"), loc.field(story, "subtitle")
        with st.container(border=True, key=f"chartbox_{story.id}"):
            st.markdown("  \n".join([f"**{md_escape(title)}**", *([f":small[{md_escape(subtitle)}]"] if subtitle else []),
                                      _chart_page(story.id)]))
            components.chart(block, key=f"story_{story.id}")
            components.csv_button(block.rows, name=story.id, key=f"csv_{story.id}")


def _cards(singles: pd.DataFrame, sector: str) -> None:
    """One page of single-figure cards, and a CSV of exactly those figures."""
    page = components.pager(state.locale()._("Cards"), len(singles), CARDS_PER_PAGE, f"card_page_{sector}")
    shown = page_of(singles, page, CARDS_PER_PAGE)
    st.html(cards(shown, loc=state.locale()))
    components.csv_button(shown, name=f"{sector}-single-figures", key=f"csv_singles_{sector}")


def _named(text: object, sections: list[str]) -> str | None:
    """The section a tab's name stands for, in whichever language it is written (a shared address, a language switch)."""
    return next((name for name in sections if text in {locale(code)._(name) for code in LANGUAGES}), None)


def _tabs(sections: list[str]) -> dict:
    """The tabs of these sections, open one by one; the one open, unless the first, is in the address (`tab`), named in
    the reader's language, written in the same run as the page: a switch of language keeps it and renames it at once.

    The address is kept here rather than by Streamlit's binding, which drops a tab named in the other language.
    """
    loc = state.locale()
    known = "tab" in st.session_state
    chosen = _named(st.session_state.get("tab"), sections) if known else _named(st.query_params.get("tab"), sections)
    if chosen is not None:
        st.session_state["tab"] = loc._(chosen)
    tabs = st.tabs([loc._(name) for name in sections], key="tab", on_change="rerun")
    opened = {name: tab for name, tab in zip(sections, tabs, strict=True) if tab.open}
    shown = next(iter(opened), sections[0])
    if shown == sections[0]:  # the first tab, open by default, is left out of the address
        if "tab" in st.query_params:
            del st.query_params["tab"]
    elif st.query_params.get("tab") != loc._(shown):
        st.query_params["tab"] = loc._(shown)
    return opened


def _summary(stories: list, charted: list, singles: pd.DataFrame) -> str:
    """What the sector's page holds: figures and indicators, story charts, charts and single figures."""
    loc = state.locale()
    figures, indicators = sum(map(len, charted)) + len(singles), len(charted) + len(singles)
    parts = [loc._("{figures} on {indicators}").format(
        figures=loc.ngettext("{n} figure", "{n} figures", figures).format(n=loc.number(figures)),
        indicators=loc.ngettext("{n} indicator", "{n} indicators", indicators).format(n=loc.number(indicators)))]
    if stories:
        parts.append(loc.ngettext("{n} story chart of comparisons the articles draw",
                              "{n} story charts of comparisons the articles draw", len(stories)).format(n=len(stories)))
    if charted:
        parts.append(loc._("{n} charted (hover over or tap a chart for each figure's wording, period, status and source)")
                     .format(n=loc.number(len(charted))))
    if len(singles):
        parts.append(loc.ngettext("{n} with a single figure, shown as a card", "{n} with a single figure, shown as cards",
                              len(singles)).format(n=loc.number(len(singles))))
    marks = loc.marks
    return marks.semicolon.join(parts) + marks.stop.strip()


def _pick_sector(labels: dict[str, str], offered: list[str], chosen: tuple[str, ...]) -> str:
    """The sector shown, chosen on the page.

    With no sector or one in the filter, choosing here sets the Sector filter (and so the address). With several,
    the filter stays as the reader set it and the page shows one of them at a time.
    """
    loc = state.locale()
    label = loc._("Show the sector")
    named = lambda sector: md_escape(labels[sector])  # noqa: E731 (a segmented control's options are Markdown)
    if len(chosen) > 1:
        if st.session_state.get(SHOWN) not in offered:
            st.session_state[SHOWN] = offered[0]
        return st.segmented_control(label, offered, format_func=named, key=SHOWN, required=True,
                                    bind="query-params")
    shown = chosen[0] if chosen and chosen[0] in offered else offered[0]
    st.session_state["sector_pick"] = shown  # mirrors the filter: the filter is the one state
    st.segmented_control(label, offered, format_func=named, key="sector_pick", required=True,
                         on_change=lambda: state.choose_sectors([st.session_state["sector_pick"]]))
    return shown


def main() -> None:
    """Draw the Sectors page."""
    loc = state.locale()
    top = components.page_top(loc._("Sectors"))
    if top is None:
        return
    shown, rows = top
    filters = state.filters(shown.options)
    chosen, labels = filters.sectors, dict(shown.options.sectors)
    if len(chosen) > 1:
        present = set(rows["sector"])
    else:  # every sector the other filters keep is one click away
        present = set(apply(shown.frame, replace(filters, sectors=()))["sector"])
    offered = [sector for sector in labels if sector in present]
    sector = _pick_sector(labels, offered, chosen)
    rows = rows[rows["sector"] == sector]
    charted, singles = by_indicator(rows)
    kept = set(rows["figure_id"])  # a story chart is shown when the filters keep all its figures
    stories = [story for story in components.data().stories if story.sector == sector and set(story.figures) <= kept]
    in_stories = {figure for story in stories for figure in story.figures}
    charted = [rows for rows in charted if not set(rows["figure_id"]) <= in_stories]  # never the same chart twice
    st.markdown(f"{md_escape(shown.descriptions.get(sector, ''))}\n\n:small[:gray[{_summary(stories, charted, singles)}]]")
    sections = [name for name, size in ((CHARTS, len(stories) + len(charted)), (SINGLES, len(singles))) if size]
    places = _tabs(sections) if len(sections) == 2 else {name: nullcontext() for name in sections}
    if CHARTS in places:
        with places[CHARTS]:
            _stories(stories, shown.frame)
            _charts(charted, sector, shown.descriptions)
    if SINGLES in places:
        with places[SINGLES]:
            _cards(singles, sector)


main()
