"""Filters, groupings and counts of the tidy frame (dashboard.table.filters), stated as the rows expected."""

import datetime as dt

import pandas as pd
import pytest

from dashboard.charts import indicator as charts
from dashboard.data.load import load_catalog
from dashboard.table.filters import (
    Filters,
    apply,
    by_indicator,
    by_source,
    headline,
    options,
    page_of,
    pages,
    timeline_counts,
)
from dashboard.text.citations import cite_source as citation
from dashboard.text.locale import locale
from dashboard.text.wording import period_text

CHARTED = ["digital_core_value_added", "logistics_daily_shipments", "gdp",
           "urban_rural_income_ratio"]  # the real indicators with several figures, in order of first appearance
UNDATED = {"cixi-bull-group-shipments-before", "cixi-bull-group-shipment-multiple"}  # the article gives no period


def test_options_come_from_the_data(real):
    opts = options(real)
    assert opts.years == (2003, 2027)
    assert [s for s, _ in opts.sectors][:2] == ["digital_economy", "economy"]
    assert "Hangzhou" in opts.geos and "actual" in opts.statuses


def test_a_span_is_kept_when_it_overlaps_the_range(real):
    kept = apply(real, Filters(years=(2026, 2026)))
    assert "zj-ai-talent-2025-2027" in set(kept["figure_id"])  # 2025-2027 overlaps 2026
    assert "zj-gdp-2024" not in set(kept["figure_id"])
    assert set(apply(real, Filters(years=(2003, 2003)))["figure_id"]) == {"hz-households-with-internet-2003"}


def test_filters_combine(real):
    only = apply(real, Filters(years=(2003, 2027), sectors=("ai",), statuses=("target",)))
    assert len(only) and set(only["sector"]) == {"ai"} and set(only["status"]) == {"target"}
    assert apply(real, Filters(years=(2003, 2027), sectors=("energy",), geos=("Hangzhou",))).empty


@pytest.mark.parametrize("filters, expected", [
    (None, CHARTED),
    (Filters(years=(2020, 2025), sectors=("ai", "economy")), ["gdp"]),
])
def test_indicators_with_several_figures_are_charted_and_the_rest_are_single(real, filters, expected):
    rows = real if filters is None else apply(real, filters)
    groups, singles = by_indicator(rows)
    ids = [g["indicator_id"].iloc[0] for g in groups]
    assert ids == expected  # in order of first appearance
    assert all(set(g["indicator_id"]) == {ident} and len(g) > 1 for g, ident in zip(groups, ids, strict=True))
    assert singles["indicator_id"].is_unique and not set(singles["indicator_id"]) & set(ids)
    assert sorted([*pd.concat(groups).index, *singles.index]) == sorted(rows.index)


def test_chart_kinds(real):
    kinds = {i: charts.chart_kind(real[real["indicator_id"] == i]) for i in CHARTED}
    assert kinds["digital_core_value_added"] == "years"
    assert kinds["gdp"] == "places"
    assert kinds["logistics_daily_shipments"] == "places"  # one place: after digitising (2021) and before (no period)


def test_a_figure_without_a_period_is_kept_only_while_the_years_filter_nothing(real):
    opts = options(real)
    assert opts.years == (2003, 2027)  # no year of its own
    assert UNDATED <= set(apply(real, Filters(years=opts.years))["figure_id"])
    assert UNDATED <= set(apply(real, Filters(years=(1990, 2040)))["figure_id"])
    for years in ((2021, 2021), (2003, 2026), (2004, 2027)):
        kept = apply(real, Filters(years=years))
        assert not UNDATED & set(kept["figure_id"]) and kept["year_start"].notna().all(), years
    assert not UNDATED & set(apply(real, Filters(years=(1990, 1995)))["figure_id"])


def test_a_figure_without_a_period_reads_period_not_given(real):
    before = real.set_index("figure_id").loc["cixi-bull-group-shipments-before"]
    assert before["period"] is None and pd.isna(before["year_start"]) and pd.isna(before["year_end"])
    assert period_text(before["period"], locale("en")) == "period not given" and period_text(None, locale("zh")) == "未说明时期"
    assert period_text("2021-2023", locale("zh")) == "2021—2023年"


def test_series_are_capped_to_the_top_places(make_rows):
    rows = make_rows(*[dict(figure_id=f"f{g}-{y}", geography=f"G{g}", period=str(y), year_start=y, year_end=y,
                          value=g * 10 + y) for g in range(10) for y in (2020, 2021)])
    assert charts.chart_kind(rows) == "series"
    kept, left_out = charts.drawn(rows)
    assert kept["geography"].nunique() == charts.MAX_SERIES and left_out == 10 - charts.MAX_SERIES
    assert set(kept["geography"]) == {f"G{g}" for g in range(4, 10)}  # ties on count broken by larger values


def test_bars_are_capped_by_value(make_rows):
    rows = make_rows(*[dict(figure_id=f"f{g}", geography=f"G{g}", value=float(g)) for g in range(30)])
    kept, left_out = charts.drawn(rows)
    assert list(kept["value"]) == [float(g) for g in range(29, 29 - charts.MAX_BARS, -1)] and left_out == 30 - charts.MAX_BARS


def test_bar_labels_are_distinct(real):
    rows = real[real["indicator_id"] == "logistics_daily_shipments"]
    labels = charts.bar_labels(rows, locale("en"))
    assert len(set(labels)) == len(labels)
    assert sorted(labels) == ["Cixi (Bull Group): after digitising", "Cixi (Bull Group): before digitising"]
    gdp = charts.bar_labels(real[real["indicator_id"] == "gdp"], locale("en"))
    assert set(gdp) == {"Zhejiang, 2024", "Wenzhou, 2025"}


def test_pages():
    assert pages(0, 8) == 1 and pages(17, 8) == 3
    assert page_of(list(range(17)), 3, 8) == [16] and page_of(list(range(17)), 9, 8) == [16]


def test_headline_prefers_the_curated_list_then_falls_back(real, make_rows):
    chosen = list(load_catalog()[0].headlines)
    top = headline(real, chosen)
    assert list(top["figure_id"][:4]) == ["zj-gdp-2024", "zj-digital-core-va-2020", "zj-ai-revenue-target-2027",
                                          "wz-gdp-2025"]
    assert list(headline(real.iloc[::-1], chosen)["figure_id"]) == list(top["figure_id"])  # the data's order
    other = make_rows(dict(figure_id="a", sector="x", status="target", year_end=2030),
                      dict(figure_id="b", sector="x"), dict(figure_id="c", sector="y"))
    assert list(headline(other, chosen)["figure_id"]) == ["b", "c"]
    tied = make_rows(dict(figure_id="a", sector="x", value=1.0), dict(figure_id="b", sector="x", value=3.0),
                     dict(figure_id="c", sector="y", year_end=2019), dict(figure_id="d", sector="y", value=5.0))
    assert list(headline(tied, [])["figure_id"]) == ["d", "b"]  # latest year, then largest value, per sector
    assert list(headline(tied.iloc[[0, 2]], [])["figure_id"]) == ["a", "c"]  # only the rows given


def test_timeline_counts_figures_per_sector_year_and_status(make_rows):
    rows = make_rows(dict(figure_id="a", sector="x", year_end=2020), dict(figure_id="b", sector="y", year_end=2020),
                     dict(figure_id="c", sector="x", year_end=2020), dict(figure_id="d", sector="x", year_end=2020,
                                                                          status="target"),
                     dict(figure_id="e", sector="x", year_end=2021))
    counts = timeline_counts(rows)
    assert list(counts.columns) == ["sector", "sector_label", "year_end", "status", "figures"]
    assert counts[["sector", "year_end", "status", "figures"]].values.tolist() == [
        ["x", 2020, "actual", 2], ["y", 2020, "actual", 1], ["x", 2020, "target", 1], ["x", 2021, "actual", 1]]
    assert timeline_counts(rows.iloc[:0]).empty


def test_rows_by_source_newest_article_first(real, make_rows):
    used = by_source(real)
    assert sorted(i for group in used for i in group.index) == sorted(real.index)
    for group in used:
        assert group["source_id"].nunique() == 1
    dates = [dt.date.fromisoformat(group["published"].iloc[0]) for group in used]
    assert dates == sorted(dates, reverse=True)
    assert [g["source_id"].iloc[0] for g in by_source(make_rows(
        dict(figure_id="a", source_id="s2", published="2024-01-01"), dict(figure_id="b", source_id="s1"),
        dict(figure_id="c", source_id="s3", published="2025-01-01")))] == ["s3", "s1", "s2"]  # ties by id
    assert by_source(real.iloc[:0]) == []


def test_citation():
    _, sources = load_catalog()
    no_link = [sid for sid, s in sources.items() if s.url is None]
    assert no_link and "no link known" in citation(sources[no_link[0]], locale("en"))
    text = citation(sources["techedt-2025-10-25-zhejiang-ai-plan"], locale("en"))
    assert "2025-10-25" in text and "https://www.techedt.com/" in text


def test_bar_labels_fall_back_to_the_figure_id_without_a_label(make_rows):
    rows = make_rows(dict(figure_id="a", label="before"), dict(figure_id="b"))
    assert charts.bar_labels(rows, locale("en")) == ["G: before", "G: b"]
