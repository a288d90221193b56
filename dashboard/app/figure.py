"""Figure: one figure at its own address (?figure=ID), with its sentence, article and citations; and the search."""

import datetime as dt
import html

import pandas as pd
import streamlit as st

from dashboard.app.widgets import EMPTY, Dataset, md_escape, selected
from dashboard.views.provenance import cite_bibtex, cite_csl, cite_text, marked_quote, sentence_link
from dashboard.views.selection import search

FORMULAS = {"prior_from_growth": "the year before, from a value and its growth: value / (1 + growth / 100)",
            "ratio": "the first figure divided by the second"}
STYLE = "<style>.zi-quote mark{background:#FFE08A;color:#1a1a1a;padding:0 .15em}</style>"


def _name(frame: pd.DataFrame, figure_id: str) -> str:
    row = frame.loc[figure_id]
    return f"{row.indicator}, {row.place}, {row.period}: {row.value_label}"


def _chooser(data: Dataset, rows: pd.DataFrame) -> str | None:
    """The search box and the list of figures it finds; the id of the figure chosen (in the address)."""
    text = st.text_input("Search the figures", key="q", bind="query-params",
                         placeholder="Words from an indicator, place, quote, note or source, e.g. Hangzhou patents")
    found = search(rows, text)
    frame = data.frame.set_index("figure_id", drop=False)
    asked = st.query_params.get("figure")  # a shared address, a card or a chart names the figure
    if asked in frame.index and asked != st.session_state.get("figure"):
        st.session_state["figure"] = asked
    elif asked is not None and asked not in frame.index:
        st.warning(f"The address names no figure of the data ({md_escape(asked[:60])}): choose one below.")
    chosen = st.session_state.get("figure")
    options = list(found["figure_id"])
    if chosen in frame.index and chosen not in options:
        options.insert(0, chosen)
    if rows.empty:
        st.info(EMPTY)
    else:
        st.caption(f"{len(found):,} of the {len(rows):,} figures the filters keep match." if text.strip() else
                   f"{len(rows):,} figures match the filters; type words to narrow the list.")
    return st.selectbox("Figure", options, key="figure", index=None, format_func=lambda fid: _name(frame, fid),
                        placeholder="Choose a figure", on_change=_chose)


def _chose() -> None:
    """The figure chosen goes into the address, to share."""
    if st.session_state.get("figure"):
        st.query_params["figure"] = st.session_state["figure"]
    else:
        st.query_params.pop("figure", None)


def _facts(row) -> None:
    """The value as worded, and what it is: place, period (stated or inferred), status, sector, unit, note."""
    st.markdown(f"### {md_escape(row.value_text)}")
    period = "period stated in the article" if row.period_stated else "period inferred by us (see the note)"
    st.caption(f"{row.indicator} · {row.place} · {row.period}, {period} · {row.status} · {row.sector_label} · "
               f"unit: {row.unit_label}" + (f" · {row.label}" if isinstance(row.label, str) else ""))
    if isinstance(row.usd_text, str):
        st.markdown(f"The article gives the US-dollar equivalent: {md_escape(row.usd_text)}.")
    if isinstance(row.note, str):
        st.info(row.note, icon=":material/info:")


def _evidence(row) -> None:
    """The article's words with the number marked, and the article with a link to the sentence."""
    st.markdown("**In the article's words** (verbatim; the number is marked)")
    st.html(f'{STYLE}<blockquote class="zi-quote" lang="en">{marked_quote(row)}</blockquote>')
    link = sentence_link(row.url, row.quote)
    article = f"{row.publisher}, “{row.source_title}”, {row.published}"
    if link:
        st.markdown(f"{md_escape(article)}. [Open the article at this sentence]({link}) · "
                    f"[open the article]({row.url})")
    else:
        st.markdown(f"{md_escape(article)}. No link known for this article.")


def _derivation(frame: pd.DataFrame, row) -> None:
    """For a figure we computed: the formula and links to its inputs."""
    if not isinstance(row.derived_formula, str):
        return
    st.markdown(f"**Computed by the dashboard**: {md_escape(FORMULAS[row.derived_formula])}, from:")
    for name in str(row.derived_inputs).split():
        if name in frame.index:
            st.page_link("figure.py", label=_name(frame, name), query_params={"figure": name},
                         icon=":material/subdirectory_arrow_right:")


def _citations(row) -> None:
    """The figure's citation as text, BibTeX and CSL-JSON, each with a copy button."""
    page = st.context.url or ""  # this page's address in the reader's browser, when known
    address = f"{page}?figure={row.figure_id}"
    today = dt.date.today().isoformat()
    st.markdown("**Cite this figure**")
    text, bibtex, csl = st.tabs(["Text", "BibTeX", "CSL-JSON"])
    text.code(cite_text(row, address, today), language=None, wrap_lines=True)
    bibtex.code(cite_bibtex(row, address, today), language="latex", wrap_lines=True)
    csl.code(cite_csl(row, address, today), language="json", wrap_lines=True)


def main() -> None:
    """Draw the Figure page."""
    data, rows = selected()
    st.title("Figures")
    st.markdown("Find a figure by its words and see where it comes from: the article's sentence, a link that opens the "
                "article at that sentence, and a citation. Every figure has an address of its own.")
    chosen = _chooser(data, rows)
    if chosen is None:
        return
    frame = data.frame.set_index("figure_id", drop=False)
    row = frame.loc[chosen]
    st.header(f"{row.indicator}, {row.place}", anchor=False)
    _facts(row)
    _evidence(row)
    _derivation(frame, row)
    _citations(row)
    st.caption(f"Figure id: {html.escape(str(row.figure_id))}")


main()
