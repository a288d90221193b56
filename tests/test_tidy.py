"""Written values: each display rule, and the real figures as the tidy table spells them out."""

import pytest

from dashboard.data.schema import Display
from dashboard.table.dataset import load_frame
from dashboard.text.locale import locale
from dashboard.text.wording import formatter

CASES = [
    (702e9, Display(suffix="yuan", scale="words"), "702 billion yuan"),
    (1.24e12, Display(prefix="$", scale="words"), "$1.24 trillion"),
    (-3.5e6, Display(suffix="yuan", scale="words"), "-3.5 million yuan"),
    (999_999.0, Display(suffix="yuan", scale="words"), "999,999 yuan"),
    (13.0, Display(suffix="%"), "13%"),
    (-2.25, Display(suffix="% a year"), "-2.25% a year"),
    (410_000.0, Display(suffix="enterprises"), "410,000 enterprises"),
    (1.005, Display(decimals=3), "1.005"),
    (2.5, Display(decimals=0, suffix="areas"), "2 areas"),
    (4.0, Display(scale="ordinal", decimals=0), "4th"),
    (1.0, Display(scale="ordinal", decimals=0), "1st"),
    (2.0, Display(scale="ordinal", decimals=0), "2nd"),
    (23.0, Display(scale="ordinal", decimals=0), "23rd"),
    (11.0, Display(scale="ordinal", decimals=0), "11th"),
    (112.0, Display(scale="ordinal", decimals=0), "112th"),
    (2.5, Display(scale="ordinal"), "2.5"),
]


@pytest.mark.parametrize(("value", "display", "text"), CASES)
def test_formatter(value, display, text):
    assert formatter(display, locale("en"))(value) == text


def test_real_figures_as_the_table_writes_them():
    frame = load_frame().set_index("figure_id")
    columns = ["value_text", "value_label", "usd_text", "year_start", "year_end", "published"]
    rows = {key: tuple(frame.loc[key, columns].where(frame.loc[key, columns].notna(), None)) for key in
            ("zj-digital-core-va-2020", "zj-industrial-apps-2020", "zj-gdp-rank-2024", "zj-ai-talent-2025-2027",
             "hz-startup-investment-daily-2025")}
    assert rows == {
        "zj-digital-core-va-2020": ("702 billion yuan", "702 billion yuan", "about $108.6 billion", 2020, 2020, "2021-09-26"),
        "zj-industrial-apps-2020": ("nearly 30,000 apps", "≈ 30,000 apps", None, 2020, 2020, "2021-09-26"),
        "zj-gdp-rank-2024": ("4th", "4th", None, 2024, 2024, "2025-02-05"),
        "zj-ai-talent-2025-2027": ("more than 10 people a year", "> 10 people a year", None, 2025, 2027, "2025-10-25"),
        "hz-startup-investment-daily-2025": ("nearly 17 million yuan a day", "≈ 17 million yuan a day", None, 2025, 2025,
                                             "2025-02-17"),
    }


def test_derived_dollars_kinds_and_periods_as_the_table_writes_them():
    frame = load_frame().set_index("figure_id")
    # derived values are stored at the precision their inputs support, and written as stored
    assert frame.loc["zj-digital-core-va-2019", "value_text"] == "about 620 billion yuan"
    assert frame.loc["zj-ai-target-vs-national-2027", "value_text"] == "more than 1.7 times"
    # the dollars take the figure's qualifier unless the article qualifies them itself
    assert frame.loc["zj-gdp-2024", "usd_text"] == "more than $1.24 trillion"
    assert frame.loc["zj-ai-revenue-target-2027", "usd_text"] == "more than $138.6 billion"
    assert frame.loc["zj-digital-core-va-2020", "usd_text"] == "about $108.6 billion"
    # where a source stands, and where its quote was read
    assert tuple(frame.loc["wz-gdp-2025", ["source_kind", "source_kind_zh", "quoted_from"]]) == (
        "news summary", "新闻摘要", "topic page summary")
    assert tuple(frame.loc["zj-gdp-2024", ["source_kind", "source_kind_zh", "quoted_from"]]) == (
        "news report", "新闻报道", "article")
    assert frame.loc["zj-ai-rd-threshold-2025-2027", "status_zh"] == "政策规定"
    # a figure whose period the article does not give has no years
    before = frame.loc["cixi-bull-group-shipments-before"]
    assert before["period"] is None and before[["year_start", "year_end"]].isna().all()
    assert str(frame["year_start"].dtype) == "Int64"
