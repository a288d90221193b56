"""About: what the data is, how it is checked and cited, and what each column of the downloads means."""

import streamlit as st

from dashboard import __version__
from dashboard.app import components, state
from dashboard.export import CITATION, LICENCE
from dashboard.table.columns import COLUMNS
from dashboard.text.escape import md_escape
from dashboard.text.locale import N_

TYPES = {"string": N_("string"), "boolean": N_("boolean"), "integer": N_("integer"), "number": N_("number"),
         "date": N_("date")}  # the columns' types, as the data package names them
CODE = {"validate": "python -m dashboard validate", "problem": "FILE:LINE: field: message",  # the same in every language
        "example": "?sector=ai&sector=energy&year=2020-2025&geo=Hangzhou&status=target"}
WHAT = N_("""**What the data is.** {figures} figures about Zhejiang province (its economy, digital economy, AI policy,
innovation, common prosperity and energy) as reported in news articles. Each figure has an indicator, a place, a
period, a value in base units, the qualifier the article uses ("more than", "about"...), a status and its source.""")
STATUSES = N_("""**Statuses.** *actual* is a reported result; *target* is a goal set by policy, placed in the year it is due;
*forecast* is a projection; *derived* is computed by the dashboard from other figures (for example the year before,
from a value and its growth), with the formula and inputs named in the data.""")
CHECKED = N_("""**How figures are curated and checked.** Figures are typed into `indicators.yaml`, one source article per file in
`sources/`. Every figure keeps a short verbatim quote of the article's words around the number. The command
`{validate}` checks every field, that each reference exists, that derived figures match their
formula, and reports each problem as `{problem}`. The tests also check that each quote stands
verbatim in the captured article and that each value is worded in its quote. Nothing is converted: a US-dollar
figure appears only where the article gives it.""")
CHINESE = N_("""Columns ending in `_zh` hold the Chinese forms of the text columns (indicator, sector, place, label, unit,
value, status and note); a page in Chinese shows them in place of the English ones. The CSV always holds both, whatever
the page's language.""")
LINKS = N_("""**Links and filters.** The sidebar filters are kept in the address, so a filtered view can be bookmarked or shared,
for example `{example}`. Repeat a name to choose several
values; `year` is one year or a range. Values the data does not know are ignored, with a short notice. The language is
kept there too: `lang=en` for English, `lang=zh` for Chinese.""")


def _columns() -> str:
    """The columns of the downloads as a list, a column a line with its type and meaning, in the reader's language:
    a list wraps on a phone where a three-column table would run off the screen."""
    loc = state.locale()
    return "\n".join(loc._("- `{column}` ({type}): {meaning}").format(column=column.name, type=loc._(TYPES[column.type]),
                                                                   meaning=md_escape(loc._(column.meaning)))
                     for column in COLUMNS)


def main() -> None:
    """Draw the About page."""
    loc = state.locale()
    st.title(loc._("About"))
    updated = components.updated_line()
    if updated:
        st.caption(updated)
    citation = loc._(CITATION).format(version=__version__, date=loc._("(the date you downloaded it)"))
    columns = loc._("**What the columns mean.** The CSV downloads and the data package hold these columns, one row per figure:")
    st.markdown("\n\n".join((
        loc._(WHAT).format(figures=f"{len(components.data().frame):,}"), loc._(STATUSES), loc._(CHECKED).format(**CODE),
        loc._("**How to cite.** {citation}").format(citation=citation),
        loc._("**Licence.** {licence}").format(licence=loc._(LICENCE)),
        columns, _columns(), loc._(CHINESE), loc._(LINKS).format(**CODE))))


main()
