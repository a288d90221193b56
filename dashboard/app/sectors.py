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
from dashboard.text.locale import LANGUAGES, N_, in_language, translation
from dashboard.text.wording import MARKS, number
from dashboard.web import pages

CHARTS, SINGLES = N_("Charts"), N_("Single figures")  # the tabs, named in the address (`tab`) as the reader reads them
CHARTS_PER_PAGE = 4  # two rows of two: about what one screen shows
CARDS_PER_PAGE = 12
SHOWN = "sector_shown"  # which of several sectors in the filter the page shows (its own setting, in the address)


def _heading(block, rows: pd.DataFrame, description: str) -> str:
    """An indicator chart's name, description, unit and sources, and how many places are left out, as Markdown."""
    words, code = state.ui(), state.lang()
    name, unit = rows["indicator"].iat[0], rows["unit_label"].iat[0]
    about = words.gettext("{description} Unit: {unit}.").format(description=description, unit=unit)
    lines = [f"**{md_escape(name)}**", f":small[:gray[{md_escape(about)}]]",
             f":small[{source_line(source_refs(block.rows), code)}]"]
    if block.left_out:
        drawn = words.ngettext(
            "{shown} of {total} figures drawn: {n} more place is left out here and listed on the Data page.",
            "{shown} of {total} figures drawn: {n} more places are left out here and listed on the Data page.",
            block.left_out).format(shown=number(len(block.rows), code), total=number(len(rows), code),
                                   n=number(block.left_out, code))
        lines.append(f":small[:gray[{drawn}]]")
    return "  \n".join(lines)


def _take_away(block, chart_id: str) -> None:
    """Beside a chart: the CSV of the rows it draws, a link to the chart's own page, and the code that embeds it."""
    _, code = state.ui().gettext, state.lang()
    with st.container(horizontal=True, vertical_alignment="center"):
        components.csv_button(block.rows, name=chart_id, key=f"csv_{chart_id}")
        link = _("Link to this chart")
        st.markdown(f"[{md_escape(link)}]({page_link(chart_path(chart_id), code)})")
        embed = st.popover(_("Embed"), icon=":material/code:", key=f"embed_{chart_id}", on_change="rerun")
    if embed.open:  # the embed code is made only when asked for
        with embed:
            chart = pages.build_chart(components.data(), chart_id, code)
            st.caption(_("Paste this into a web page to show the chart, with its sources, at any width from 320 pixels."))
            st.code(pages.embed_snippet(chart, components.site(), code), language="html", wrap_lines=True)


def _indicator(rows: pd.DataFrame, descriptions: dict[str, str]) -> None:
    """One indicator's chart under its name, description and sources, and what a reader can take away of it."""
    block = components.built("indicator", rows)
    indicator_id = str(rows["indicator_id"].iat[0])
    with st.container(border=True, key=f"chartbox_{indicator_id}"):
        st.markdown(_heading(block, rows, descriptions.get(indicator_id, "")))
        components.chart(block, key=f"chart_{indicator_id}")
        _take_away(block, indicator_id)


def _charts(charted: list[pd.DataFrame], sector: str, descriptions: dict[str, str]) -> None:
    """One page of indicator charts, two side by side."""
    columns = st.columns(2)
    page = components.pager(state.ui().gettext(CHARTS), len(charted), CHARTS_PER_PAGE, f"chart_page_{sector}")
    for i, rows in enumerate(page_of(charted, page, CHARTS_PER_PAGE)):
        with columns[i % 2]:
            _indicator(rows, descriptions)


def _stories(stories: list, frame: pd.DataFrame) -> None:
    """The sector's story charts, each under its title, with its note drawn in and the CSV of its figures."""
    code = state.lang()
    for story in stories:
        block = components.built(f"story:{story.id}", rows_by_id(frame, story.figures))
        title, subtitle = in_language(story, "title", code), in_language(story, "subtitle", code)
        with st.container(border=True, key=f"chartbox_{story.id}"):
            st.markdown(f"**{md_escape(title)}**" + (f"  \n:small[{md_escape(subtitle)}]" if subtitle else ""))
            components.chart(block, key=f"story_{story.id}")
            _take_away(block, story.id)


def _cards(singles: pd.DataFrame, sector: str) -> None:
    """One page of single-figure cards, and a CSV of exactly those figures."""
    page = components.pager(state.ui().gettext("Cards"), len(singles), CARDS_PER_PAGE, f"card_page_{sector}")
    shown = page_of(singles, page, CARDS_PER_PAGE)
    st.html(cards(shown, lang=state.lang()))
    components.csv_button(shown, name=f"{sector}-single-figures", key=f"csv_singles_{sector}")


def _named(text: object, sections: list[str]) -> str | None:
    """The section a tab's name stands for, in whichever language it is written (a shared address, a language switch)."""
    return next((name for name in sections if text in {translation(code).gettext(name) for code in LANGUAGES}), None)


def _tabs(sections: list[str]) -> dict:
    """The tabs of these sections, open one by one; the one open, unless the first, is in the address (`tab`), named in
    the reader's language, written in the same run as the page: a switch of language keeps it and renames it at once.

    The address is kept here rather than by Streamlit's binding, which drops a tab named in the other language.
    """
    _ = state.ui().gettext
    known = "tab" in st.session_state
    chosen = _named(st.session_state.get("tab"), sections) if known else _named(st.query_params.get("tab"), sections)
    if chosen is not None:
        st.session_state["tab"] = _(chosen)
    tabs = st.tabs([_(name) for name in sections], key="tab", on_change="rerun")
    opened = {name: tab for name, tab in zip(sections, tabs, strict=True) if tab.open}
    shown = next(iter(opened), sections[0])
    if shown == sections[0]:  # the first tab, open by default, is left out of the address
        if "tab" in st.query_params:
            del st.query_params["tab"]
    elif st.query_params.get("tab") != _(shown):
        st.query_params["tab"] = _(shown)
    return opened


def _summary(stories: list, charted: list, singles: pd.DataFrame) -> str:
    """What the sector's page holds: figures and indicators, story charts, charts and single figures."""
    words, code = state.ui(), state.lang()
    _, ngettext = words.gettext, words.ngettext
    figures, indicators = sum(map(len, charted)) + len(singles), len(charted) + len(singles)
    parts = [_("{figures} on {indicators}").format(
        figures=ngettext("{n} figure", "{n} figures", figures).format(n=number(figures, code)),
        indicators=ngettext("{n} indicator", "{n} indicators", indicators).format(n=number(indicators, code)))]
    if stories:
        parts.append(ngettext("{n} story chart of comparisons the articles draw",
                              "{n} story charts of comparisons the articles draw", len(stories)).format(n=len(stories)))
    if charted:
        parts.append(_("{n} charted (hover over or tap a chart for each figure's wording, period, status and source)")
                     .format(n=number(len(charted), code)))
    if len(singles):
        parts.append(ngettext("{n} with a single figure, shown as a card", "{n} with a single figure, shown as cards",
                              len(singles)).format(n=number(len(singles), code)))
    marks = MARKS[code]
    return marks.semicolon.join(parts) + marks.stop.strip()


def _pick_sector(labels: dict[str, str], offered: list[str], chosen: tuple[str, ...]) -> str:
    """The sector shown, chosen on the page.

    With no sector or one in the filter, choosing here sets the Sector filter (and so the address). With several,
    the filter stays as the reader set it and the page shows one of them at a time.
    """
    _ = state.ui().gettext
    label = _("Show the sector")
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
    _ = state.ui().gettext
    top = components.page_top(_("Sectors"))
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
