"""Data: the filtered table, its CSV and the whole data package."""

import streamlit as st

from dashboard.app import components, state
from dashboard.table.address import file_stem
from dashboard.table.columns import BY_NAME
from dashboard.table.page_tables import DATA_COLUMNS, FIGURE, FIGURE_MEANING, ROW_HEIGHT, for_table, in_words
from dashboard.text.locale import N_

MAX_TABLE_ROWS = 1_000  # rows the table shows; its CSV holds every row

KINDS = {"value": (st.column_config.NumberColumn, {"format": "%.6g"}),
         "url": (st.column_config.LinkColumn, {"display_text": N_("open article")})}


def _column(name: str, label: str, width: int | None):
    """A table column headed `label`, whose header tooltip says what the column holds."""
    loc = state.locale()
    kind, extra = KINDS.get(name, (st.column_config.TextColumn, {}))
    shown = {key: loc._(text) for key, text in extra.items() if key == "display_text"}  # the link's words
    meaning = FIGURE_MEANING if name == FIGURE else BY_NAME["geography" if name == "place" else name].meaning
    return kind(loc._(label), help=loc._(meaning), width=width, **{**extra, **shown})


def _matching(shown: int, total: int) -> str:
    """'2 of 48 rows match the filters.': the noun agrees with the total, the verb with the rows shown."""
    loc = state.locale()
    if total == 1:
        text = loc.ngettext("{shown} of {total} row matches the filters.", "{shown} of {total} row match the filters.", shown)
    else:
        text = loc.ngettext("{shown} of {total} rows matches the filters.", "{shown} of {total} rows match the filters.", shown)
    return text.format(shown=f"{shown:,}", total=f"{total:,}")


def main() -> None:
    """Draw the Data page."""
    loc = state.locale()
    shown, rows = components.view(), components.kept()
    st.title(loc._("Data"))
    st.markdown(loc._("The tidy table behind every chart: one row per figure, with its source and the article's words. "
                  "**About** describes every column; on a computer, hovering over a column's name says the same.")
                + f"\n\n:small[:gray[{_matching(len(rows), len(shown.frame))}]]")
    if rows.empty:
        st.info(loc._(components.EMPTY))
    else:
        listed = rows.head(MAX_TABLE_ROWS)
        st.dataframe(in_words(for_table(listed, DATA_COLUMNS, state.locale()), state.locale()), hide_index=True,
                     column_config={name: _column(name, label, width) for name, label, width in DATA_COLUMNS},
                     width="stretch", row_height=ROW_HEIGHT, height=min(600, 38 + ROW_HEIGHT * len(listed)))
        if len(rows) > len(listed):
            st.caption(loc._("The table shows the first {shown} of these {total} rows; the CSV below holds all of them. "
                         "Narrow the filters to see others here.").format(shown=f"{len(listed):,}", total=f"{len(rows):,}"))
    with st.container(horizontal=True):  # the two downloads side by side
        named = file_stem(state.filters(shown.options), shown.options)
        components.csv_button(rows, named, "csv_filtered", loc._("Download these {n} rows (CSV)").format(n=f"{len(rows):,}"),
                   disabled=rows.empty, help=loc._("Every column, sources included. Cells that a spreadsheet would run as a "
                                               "formula are neutralised."))
        st.download_button(loc._("Download the full dataset, {n} rows (zip)").format(n=f"{len(shown.frame):,}"),
                           data=components.dataset_zip, file_name=components.zip_name(), mime="application/zip",
                           on_click="ignore", icon=":material/folder_zip:", key="zip_all",
                           help=loc._("A Frictionless Data Package: figures.csv, datapackage.json describing every column, "
                                  "and a README with the citation and licence. Filters do not apply."))


main()
