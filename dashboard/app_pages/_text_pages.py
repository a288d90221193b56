"""Render helpers of the Sources and About pages."""

from __future__ import annotations

import streamlit as st

from dashboard import __version__
from dashboard.app_pages._common import Prepared, md_escape, page_top, this_run
from dashboard.app_pages._render import arrow_table
from dashboard.cards import articles
from dashboard.export import CITATION, FIELDS, LICENCE
from dashboard.load import COLUMNS
from dashboard.views import citation

SOURCES_PER_PAGE = 25  # article cards a page
SOURCE_ROWS = 50  # figures listed for the article chosen; the Data page lists them all
SOURCE_COLUMNS = ("indicator", "geography", "label", "period", "value_label", "status", "quote")
SOURCE_TABLE = {"indicator": "Indicator", "geography": "Place", "label": "Which", "period": "Period", "value_label": "Value",
                "status": "Status", "quote": "In the article's words"}
COLUMNS_HELP = "| Column | Type | Meaning |\n|---|---|---|\n" + "\n".join(
    f"| `{c}` | {kind} | {md_escape(meaning)} |" for c in COLUMNS for kind, meaning in [FIELDS.get(c, ("string", ""))])


def render_sources() -> None:
    top = page_top("Sources", "The articles the figures come from, newest first. Choose one below the list to see its "
                   "figures.")
    if top is None:
        return
    prep, _, chosen = top
    data, found = prep.table, prep.sources
    used = data.by_source(chosen)
    st.caption(f"{len(used):,} articles behind the {len(chosen):,} figures that match the filters.")
    if len(used) > SOURCES_PER_PAGE:
        count = -(-len(used) // SOURCES_PER_PAGE)
        page = int(st.number_input(f"Page (1 to {count})", 1, count, key="sources_page"))
        used = used[(page - 1) * SOURCES_PER_PAGE: page * SOURCES_PER_PAGE]
    st.html(articles([(first, len(rows), _summary(found, first.source_id), _cited(found, first.source_id))
                      for first, rows in used]))
    _one_article(prep, used)


def _summary(found: dict, source_id: str) -> str | None:
    source = found.get(source_id)
    return source.summary if source is not None else None


def _cited(found: dict, source_id: str) -> str | None:
    source = found.get(source_id)
    return citation(source) if source is not None else None


def _one_article(prep: Prepared, used: list) -> None:
    """The figures of the article chosen, and its citation with a copy button."""
    st.subheader("Figures from one article", anchor=False)
    firsts = {first.source_id: first for first, _ in used}
    if st.session_state.get("source_view") not in firsts:
        st.session_state["source_view"] = next(iter(firsts))
    chosen = st.selectbox("Article", list(firsts), key="source_view",
                          format_func=lambda sid: f"{firsts[sid].source_title} ({firsts[sid].publisher}, "
                                                  f"{firsts[sid].published})")
    rows = dict((first.source_id, positions) for first, positions in used)[chosen]
    st.dataframe(arrow_table(prep, "sources", SOURCE_COLUMNS).take(rows[:SOURCE_ROWS]), hide_index=True,
                 width="stretch", column_config=SOURCE_TABLE)
    if len(rows) > SOURCE_ROWS:
        st.caption(f"{SOURCE_ROWS} of the {len(rows):,} figures from this article are listed here; the Data page lists "
                   "them all.")
    cited = _cited(prep.sources, chosen)
    if cited:
        st.caption("Citation (copy with the button at its right):")
        st.code(cited, language=None, wrap_lines=True)


def render_about() -> None:
    st.title("About")
    st.markdown(f"""
**What the data is.** {len(this_run().table):,} figures about Zhejiang province (its economy, digital economy, AI policy,
innovation, common prosperity and energy) as reported in news articles. Each figure has an indicator, a place, a
period, a value in base units, the qualifier the article uses ("more than", "about"...), a status and its source.

**Statuses.** *actual* is a reported result; *target* is a goal set by policy, placed in the year it is due;
*forecast* is a projection; *derived* is computed by the dashboard from other figures (for example the year before,
from a value and its growth), with the formula and inputs named in the data.

**How figures are curated and checked.** Figures are typed into `indicators.yaml`, one source article per file in
`sources/`. Every figure keeps a short verbatim quote of the article's words around the number. The command
`python -m dashboard validate` checks every field, that each reference exists, that derived figures match their
formula, and reports each problem as `FILE:LINE: field: message`. The tests also check that each quote stands
verbatim in the captured article and that each value is worded in its quote. Nothing is converted: a US-dollar
figure appears only where the article gives it.

**How to cite.** {CITATION.format(version=__version__, date="(the date you downloaded it)")}

**Licence.** {LICENCE}

**How to add a figure.**
1. If the article is new, add `sources/<publisher>-<date>-<topic>.yaml` with publisher, headline, date, address
   (or `url: null` when none is known), the date you read it and a one-paragraph summary.
2. Add the figure under `figures:` in `indicators.yaml`: an id, the indicator (add it under `indicators:` if it is
   new), the place, the period (a year or a span such as 2025-2027), the value in base units, the qualifier, the
   status, the source id and the quote.
3. Run `python -m dashboard validate` and fix what it reports; then `python -m pytest`. A running dashboard shows
   the change when the page is reloaded.

**What the columns mean.** The CSV downloads and the data package hold these columns, one row per figure:

{COLUMNS_HELP}

**Links and filters.** The sidebar filters are kept in the address, so a filtered view can be bookmarked or shared,
for example `?sector=ai&sector=energy&year=2020-2025&geo=Hangzhou&status=target`. Repeat a name to choose several
values; `year` is one year or a range. Values the data does not know are ignored, with a short notice.
""")
