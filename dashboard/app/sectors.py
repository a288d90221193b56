"""Sectors: one sector at a time: its story charts, a chart per indicator with several figures, then single figures."""

from contextlib import nullcontext

import pandas as pd
import streamlit as st

from dashboard.app.derived import indicator_block, sector_parts, story_block
from dashboard.app.widgets import DataKey, chart, csv_button, data_key, lang, page_top, selection, ui
from dashboard.table.filters import CARDS_PER_PAGE, CHARTS_PER_PAGE, page_of, pages
from dashboard.text.cards import cards, records
from dashboard.text.escape import md_escape
from dashboard.text.locale import LANGUAGES, N_, in_language, translation
from dashboard.text.wording import MARKS, number

CHARTS, SINGLES = N_("Charts"), N_("Single figures")  # the tabs, named in the address (`tab`) as the reader reads them


def _pager(label: str, count: int, per_page: int, key: str) -> int:
    """A page chooser when `count` items need more than one page; the page number chosen. `label`: translated."""
    _ = ui().gettext
    total = pages(count, per_page)
    if total == 1:
        return 1
    if total <= 12:
        if st.session_state.get(key) not in range(1, total + 1):
            st.session_state[key] = 1
        return st.segmented_control(_("{label}: page ({per_page} a page)").format(label=label, per_page=per_page),
                                    list(range(1, total + 1)), key=key, required=True) or 1
    return int(st.number_input(_("{label}: page (1 to {total}, {per_page} a page)").format(
        label=label, total=total, per_page=per_page), 1, total, key=key, step=1))


def _chart(ids: tuple[str, ...], key: DataKey) -> None:
    """One indicator's chart (of these figures) under its name, description and sources, and a CSV of the rows drawn."""
    block = indicator_block(key, ids)
    indicator_id = block.rows["indicator_id"].iat[0]
    with st.container(border=True):
        st.markdown(block.heading)
        chart(block.figure, block.alt, block.rows, key=f"chart_{indicator_id}")
        csv_button(block.rows, name=str(indicator_id), key=f"csv_{indicator_id}")


def _charts(charted: tuple[tuple[str, ...], ...], page_key: str, key: DataKey) -> None:
    """One page of charts, two side by side; `charted`: the figure ids of each chart."""
    columns = st.columns(2)
    page = _pager(ui().gettext(CHARTS), len(charted), CHARTS_PER_PAGE, page_key)
    for i, ids in enumerate(page_of(charted, page, CHARTS_PER_PAGE)):
        with columns[i % 2]:
            _chart(ids, key)


def _stories(stories: list, key: DataKey) -> None:
    """The sector's story charts, each with its note and the CSV of its figures."""
    for story in stories:
        block = story_block(key, story.id)
        title, subtitle = in_language(story, "title", key.lang), in_language(story, "subtitle", key.lang)
        with st.container(border=True):
            st.markdown(f"**{md_escape(title)}**" + (f"  \n:small[{md_escape(subtitle)}]" if subtitle else ""))
            chart(block.figure, block.alt, block.rows, key=f"story_{story.id}")
            csv_button(block.rows, name=story.id, key=f"csv_story_{story.id}")


def _cards(singles: pd.DataFrame, page_key: str, sector: str) -> None:
    """One page of single-figure cards, and a CSV of exactly those figures."""
    shown = page_of(singles, _pager(ui().gettext("Cards"), len(singles), CARDS_PER_PAGE, page_key), CARDS_PER_PAGE)
    st.html(cards(records(shown), lang=lang()))
    csv_button(shown, name=f"{sector}-single-figures", key=f"csv_singles_{sector}")


def _pick() -> None:
    """The sector chosen on the page becomes the sidebar's Sector filter (and so the address's `sector`)."""
    st.session_state["sector"] = [st.session_state["sector_pick"]]


def _tabs(sections: list[str]) -> dict:
    """The tabs of these sections, open one by one; a tab the address names in another language opens as well."""
    _ = ui().gettext
    named = st.session_state.get("tab") or st.query_params.get("tab")
    for name in sections:
        if named != _(name) and named in {translation(other).gettext(name) for other in LANGUAGES}:
            st.session_state["tab"] = _(name)  # named in another language: a shared address, a language switch
    tabs = st.tabs([_(name) for name in sections], key="tab", on_change="rerun", bind="query-params")
    return {name: tab for name, tab in zip(sections, tabs, strict=True) if tab.open}


def _summary(stories: tuple, charted: tuple, singles: pd.DataFrame) -> str:
    """What the sector's page holds: figures and indicators, story charts, charts and single figures."""
    words, here = ui(), lang()
    _, ngettext = words.gettext, words.ngettext
    figures, indicators = sum(map(len, charted)) + len(singles), len(charted) + len(singles)
    parts = [_("{figures} on {indicators}").format(
        figures=ngettext("{n} figure", "{n} figures", figures).format(n=number(figures, here)),
        indicators=ngettext("{n} indicator", "{n} indicators", indicators).format(n=number(indicators, here)))]
    if stories:
        parts.append(ngettext("{n} story chart of comparisons the articles draw",
                              "{n} story charts of comparisons the articles draw", len(stories)).format(n=len(stories)))
    if charted:
        parts.append(_("{n} charted (hover over or tap a chart for each figure's wording, period, status and source)")
                     .format(n=number(len(charted), here)))
    if len(singles):
        parts.append(ngettext("{n} with a single figure, shown as a card", "{n} with a single figure, shown as cards",
                              len(singles)).format(n=number(len(singles), here)))
    marks = MARKS[here]
    return marks.semicolon.join(parts) + marks.stop.strip()


def main() -> None:
    """Draw the Sectors page."""
    _ = ui().gettext
    top = page_top(_("Sectors"))
    if top is None:
        return
    data, rows = top
    labels, key, filters = dict(data.options.sectors), data_key(), selection(data.options)
    chosen = st.session_state.get("sector") or []
    present = set(rows["sector"])
    sector = chosen[0] if len(chosen) == 1 else next(s for s in labels if s in present)
    offered, stories, charted, singles = sector_parts(key, filters, sector)
    st.session_state["sector_pick"] = sector  # the sidebar's Sector filter is the one state; this shows it
    st.segmented_control(_("Show the sector"), list(offered), format_func=labels.get, key="sector_pick", required=True,
                         on_change=_pick)
    summary = _summary(stories, charted, singles)
    st.markdown(f"{md_escape(data.descriptions.get(sector, ''))}\n\n:small[:gray[{summary}]]")
    sections = [name for name, size in ((CHARTS, len(stories) + len(charted)), (SINGLES, len(singles))) if size]
    if len(sections) == 2:  # tabs that run only the one open: the other costs nothing until chosen
        places = _tabs(sections)
    else:
        places = {name: nullcontext() for name in sections}
    if CHARTS in places:
        with places[CHARTS]:
            _stories(stories, key)
            _charts(charted, f"chart_page_{sector}", key)
    if SINGLES in places:
        with places[SINGLES]:
            _cards(singles, f"card_page_{sector}", sector)


main()
