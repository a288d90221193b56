"""Figure: one figure at its own address (?figure=ID), with its sentence, article and citations; and the search."""

import datetime as dt
import html

import pandas as pd
import streamlit as st

from dashboard.app import components, state
from dashboard.table.filters import search
from dashboard.text.citations import cite_bibtex, cite_csl, cite_text, marked_quote, sentence_link
from dashboard.text.escape import md_escape
from dashboard.text.wording import FORMULAS, date_text, period_text, status_word

STYLE = "<style>.zi-quote mark{background:#FFE08A;color:#1a1a1a;padding:0 .15em}</style>"


def _names(frame: pd.DataFrame) -> dict[str, str]:
    """Each figure's name in the list, by its id: indicator, place, period and value."""
    _, code = state.ui().gettext, state.lang()
    columns = (frame[name] for name in ("figure_id", "indicator", "place", "period", "value_label"))
    return {figure_id: _("{indicator}, {place}, {period}: {value}").format(
        indicator=indicator, place=place, period=period_text(str(period), code), value=value)
        for figure_id, indicator, place, period, value in zip(*columns, strict=True)}


def _chooser(rows: pd.DataFrame, names: dict[str, str]) -> str | None:
    """The search box and the list of figures it finds; the id of the figure chosen (in the address)."""
    _ = state.ui().gettext
    text = st.text_input(_("Search the figures"), key="q", bind="query-params",
                         placeholder=_("Words from an indicator, place, quote, note or source, e.g. Hangzhou patents"))
    found = search(rows, text)
    asked = st.query_params.get("figure")  # a shared address, a card or a chart names the figure
    if asked in names and asked != st.session_state.get("figure"):
        st.session_state["figure"] = asked
    elif asked is not None and asked not in names:
        st.warning(_("The address names no figure of the data ({figure}): choose one below.").format(
            figure=md_escape(asked[:60])))
    chosen = st.session_state.get("figure")
    options = list(found["figure_id"])
    if chosen in names and chosen not in options:
        options.insert(0, chosen)
    if rows.empty:
        st.info(_(components.EMPTY))
    elif text.strip():
        st.caption(_("{found} of the {total} figures the filters keep match.").format(found=f"{len(found):,}",
                                                                                      total=f"{len(rows):,}"))
    else:
        st.caption(_("{n} figures match the filters; type words to narrow the list.").format(n=f"{len(rows):,}"))
    return st.selectbox(_("Figure"), options, key="figure", index=None, format_func=names.get,
                        placeholder=_("Choose a figure"), on_change=_chose)


def _chose() -> None:
    """The figure chosen goes into the address, to share."""
    if st.session_state.get("figure"):
        st.query_params["figure"] = st.session_state["figure"]
    else:
        st.query_params.pop("figure", None)


def _facts(row) -> None:
    """The value as worded, and what it is: place, period (stated or inferred), status, sector, unit, note."""
    _, code = state.ui().gettext, state.lang()
    st.markdown(f"### {md_escape(row.value_text)}")
    period = (_("{period}, period stated in the article") if row.period_stated else
              _("{period}, period inferred by us (see the note)")).format(period=period_text(str(row.period), code))
    facts = [row.indicator, row.place, period, status_word(row.status, code), row.sector_label,
             _("unit: {unit}").format(unit=row.unit_label), *([row.label] if isinstance(row.label, str) else [])]
    st.caption(" · ".join(str(fact) for fact in facts))
    if isinstance(row.usd_text, str):
        st.markdown(_("The article gives the US-dollar equivalent: {usd}.").format(usd=md_escape(row.usd_text)))
    if isinstance(row.note, str):
        st.info(row.note, icon=":material/info:")


def _evidence(row) -> None:
    """The article's words with the number marked (in the article's language), and the article with a link to them."""
    _ = state.ui().gettext
    st.markdown(_("**In the article's words** (verbatim; the number is marked)"))
    st.html(f'{STYLE}<blockquote class="zi-quote" lang="en">{marked_quote(row)}</blockquote>')
    link = sentence_link(row.url, row.quote)
    article = md_escape(_("{publisher}, “{headline}”, {published}").format(
        publisher=row.publisher, headline=row.source_title, published=date_text(str(row.published), state.lang())))
    if link:
        st.markdown(_("{article}. [Open the article at this sentence]({link}) · [open the article]({url})").format(
            article=article, link=link, url=row.url))
    else:
        st.markdown(_("{article}. No link known for this article.").format(article=article))


def _derivation(names: dict[str, str], row) -> None:
    """For a figure we computed: the formula and links to its inputs."""
    if not isinstance(row.derived_formula, str):
        return
    _ = state.ui().gettext
    st.markdown(_("**Computed by the dashboard**: {formula}, from:").format(
        formula=md_escape(_(FORMULAS[row.derived_formula]))))
    for name in str(row.derived_inputs).split():
        if name in names:
            st.page_link("figure.py", label=names[name], query_params={"figure": name},
                         icon=":material/subdirectory_arrow_right:")


def _citations(row) -> None:
    """The figure's citation as text (GB/T 7714 in Chinese), BibTeX and CSL-JSON, each with a copy button."""
    _, code = state.ui().gettext, state.lang()
    page = st.context.url or ""  # this page's address in the reader's browser, when known
    address = f"{page}?figure={row.figure_id}"
    today = dt.date.today().isoformat()
    st.markdown(_("**Cite this figure**"))
    text, bibtex, csl = st.tabs([_("Text"), "BibTeX", "CSL-JSON"])
    text.code(cite_text(row, address, today, code), language=None, wrap_lines=True)
    bibtex.code(cite_bibtex(row, address, today, code), language="latex", wrap_lines=True)
    csl.code(cite_csl(row, address, today, code), language="json", wrap_lines=True)


def main() -> None:
    """Draw the Figure page."""
    _ = state.ui().gettext
    shown, rows = components.view(), components.kept()
    st.title(_("Figures"))
    st.markdown(_("Find a figure by its words and see where it comes from: the article's sentence, a link that opens the "
                  "article at that sentence, and a citation. Every figure has an address of its own."))
    names = _names(shown.frame)
    chosen = _chooser(rows, names)
    if chosen is None:
        return
    frame = shown.frame.set_index("figure_id", drop=False)
    row = frame.loc[chosen]
    st.header(_("{indicator}, {place}").format(indicator=row.indicator, place=row.place), anchor=False)
    _facts(row)
    _evidence(row)
    _derivation(names, row)
    _citations(row)
    st.caption(_("Figure id: {id}").format(id=html.escape(str(row.figure_id))))


main()
