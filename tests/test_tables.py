"""The Data and Sources tables: the value beside the name, Period wide enough, missing cells blank, not "None"."""

from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from dashboard.table.page_tables import DATA_COLUMNS, PERIOD_WIDTH, SOURCE_COLUMNS, for_table

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app" / "main.py")


def test_the_value_comes_right_after_the_name_and_every_column_is_kept(real):
    for columns in (DATA_COLUMNS, SOURCE_COLUMNS):
        assert [name for name, *_ in columns[:2]] == ["indicator", "value_label"]
        widths = {name: width for name, _, width in columns}
        assert widths["indicator"] + widths["value_label"] <= 358  # both on a 390-pixel phone, less the margins
        assert widths["period"] == PERIOD_WIDTH >= 9 * 9  # "2025-2027": nine characters of about 8 pixels, plus padding
    assert {name for name, *_ in DATA_COLUMNS} <= set(real.columns)


def test_missing_text_is_blank_and_numbers_stay_numbers(real):
    rows = real.head(4).copy()
    rows["label"] = [None, "before", float("nan"), pd.NA]
    shown = for_table(rows, DATA_COLUMNS)
    assert shown["label"].tolist() == ["", "before", "", ""]
    assert pd.api.types.is_numeric_dtype(shown["value"]) and shown["value"].tolist() == rows["value"].tolist()
    assert list(shown.columns) == [name for name, *_ in DATA_COLUMNS]
    assert rows["label"].isna().sum() == 3  # the rows given are left as they were


def test_the_app_tables_show_no_none(real):
    at = AppTest.from_file(APP, default_timeout=60).run()
    for page, columns in (("data.py", DATA_COLUMNS), ("sources.py", SOURCE_COLUMNS)):
        at.switch_page(page).run()
        table = at.dataframe[0].value
        assert list(table.columns) == [name for name, *_ in columns]
        text = table.select_dtypes(exclude="number")
        assert not text.isna().any().any(), page
    assert (at.dataframe[0].value["label"] == "").any() or real["label"].notna().all()
