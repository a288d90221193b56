"""About: what the data is, how it is checked and cited, and what each column of the downloads means."""

import streamlit as st

from dashboard import __version__
from dashboard.app.widgets import dataset, md_escape
from dashboard.views.export import CITATION, FIELDS, LICENCE

COLUMNS_HELP = "| Column | Type | Meaning |\n|---|---|---|\n" + "\n".join(
    f"| `{column}` | {kind} | {md_escape(meaning)} |" for column, (kind, meaning) in FIELDS.items())


def main() -> None:
    """Draw the About page."""
    st.title("About")
    st.markdown(f"""
**What the data is.** {len(dataset().frame):,} figures about Zhejiang province (its economy, digital economy, AI policy,
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
   new), the place, the period (a year or a span such as 2025-2027), whether the article states that period
   (`period_stated`; when we inferred it, a note says how), the value in base units, the qualifier, the status, the
   source id and the quote.
3. Run `python -m dashboard validate` and fix what it reports; then `python -m pytest`. A running dashboard shows
   the change when the page is reloaded.

**What the columns mean.** The CSV downloads and the data package hold these columns, one row per figure:

{COLUMNS_HELP}

**Links and filters.** The sidebar filters are kept in the address, so a filtered view can be bookmarked or shared,
for example `?sector=ai&sector=energy&year=2020-2025&geo=Hangzhou&status=target`. Repeat a name to choose several
values; `year` is one year or a range. Values the data does not know are ignored, with a short notice.
""")


main()
