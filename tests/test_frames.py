"""Filters, their URL form, and the shaping of the frame for pages (dashboard.frames, dashboard.views)."""

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard import views
from dashboard.frames import MAX_QUERY_CHARS, Filters, apply, options, parse_query, to_query
from dashboard.load import COLUMNS, load_catalog, load_frame


def row(**fields) -> dict:
    base = dict.fromkeys(COLUMNS)
    base.update(figure_id="f", indicator_id="i", indicator="I", sector="s", sector_label="S", geography="G",
                period="2020", year_start=2020, year_end=2020, value=1.0, unit="CNY", unit_label="yuan",
                value_text="1 yuan", value_label="1 yuan", qualifier="exact", status="actual", source_id="src",
                source_title="T", publisher="P", published="2024-01-01", url="https://example.org/a", quote="q")
    base.update(fields)
    return base


def frame_of(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame([r for r in rows], columns=COLUMNS)


@pytest.fixture(scope="module")
def real() -> pd.DataFrame:
    return load_frame()


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


def test_query_round_trip(real):
    opts = options(real)
    chosen = Filters(years=(2020, 2025), sectors=("ai", "energy"), geos=("Hangzhou",), statuses=("target",))
    query = to_query(chosen, opts)
    assert query == {"year": ["2020-2025"], "sector": ["ai", "energy"], "geo": ["Hangzhou"], "status": ["target"]}
    assert parse_query(query, opts) == (chosen, [])
    assert to_query(Filters(years=opts.years), opts) == {}


def test_query_accepts_labels_and_any_case(real):
    filters, notices = parse_query({"sector": ["AI policy and industry"], "geo": ["hangzhou"], "year": ["2024"]},
                                   options(real))
    assert filters.sectors == ("ai",) and filters.geos == ("Hangzhou",) and filters.years == (2024, 2024)
    assert notices == []


@pytest.mark.parametrize("query, fragment", [
    ({"sector": ["nonsense"]}, "sector 'nonsense' is not in the data"),
    ({"year": ["twenty"]}, "not a year"),
    ({"year": ["2025-2020"]}, "ends before it starts"),
    ({"year": ["1950-1960"]}, "outside the data"),
    ({"year": ["2020", "2021"]}, "more than once"),
    ({"colour": ["red"]}, "unknown setting 'colour'"),
    ({"geo": ["x" * 500]}, "geo is too long"),
    ({"status": ["actual"] * 60}, "status is too long"),
    ({"sector": ["ai"] * 2000}, f"longer than {MAX_QUERY_CHARS:,}"),
])
def test_bad_query_values_are_ignored_with_a_notice(real, query, fragment):
    opts = options(real)
    filters, notices = parse_query(query, opts)
    assert any(fragment in n for n in notices), notices
    assert filters.years == opts.years and filters.sectors == ()


def test_good_values_survive_next_to_bad_ones(real):
    filters, notices = parse_query({"sector": ["ai", "bogus"], "year": ["2000-2100"]}, options(real))
    assert filters.sectors == ("ai",) and filters.years == (2003, 2027) and len(notices) == 1


@given(st.dictionaries(st.text(max_size=8), st.lists(st.text(max_size=30), max_size=4), max_size=5))
def test_parse_query_never_raises(query):
    opts = options(frame_of(row()))
    filters, notices = parse_query(query, opts)
    assert isinstance(filters, Filters) and all(isinstance(n, str) for n in notices)


def test_split_indicators_and_chart_kinds(real):
    charted, singles = views.split_indicators(real)
    assert {"gdp", "ai_industry_revenue", "digital_core_value_added"} <= set(charted)
    assert singles["indicator_id"].is_unique and not set(singles["indicator_id"]) & set(charted)
    kinds = {i: views.chart_kind(real[real["indicator_id"] == i]) for i in charted}
    assert kinds["digital_core_value_added"] == "years"
    assert kinds["gdp"] == "places"
    assert kinds["logistics_daily_shipments"] == "places"  # two figures of one place and year


def test_series_are_capped_to_the_top_places():
    rows = frame_of(*[row(figure_id=f"f{g}-{y}", geography=f"G{g}", period=str(y), year_start=y, year_end=y,
                          value=g * 10 + y) for g in range(10) for y in (2020, 2021)])
    assert views.chart_kind(rows) == "series"
    kept, left_out = views.chart_rows(rows)
    assert kept["geography"].nunique() == views.MAX_SERIES and left_out == 10 - views.MAX_SERIES
    assert set(kept["geography"]) == {f"G{g}" for g in range(4, 10)}  # ties on count broken by larger values


def test_bars_are_capped_by_value():
    rows = frame_of(*[row(figure_id=f"f{g}", geography=f"G{g}", value=float(g)) for g in range(30)])
    kept, left_out = views.chart_rows(rows)
    assert list(kept["value"]) == [float(g) for g in range(29, 29 - views.MAX_BARS, -1)] and left_out == 30 - views.MAX_BARS


def test_bar_labels_are_distinct(real):
    rows = real[real["indicator_id"] == "logistics_daily_shipments"]
    labels = views.bar_labels(rows)
    assert labels.is_unique and all(label.startswith("Cixi (Bull Group): cixi-bull-group-shipments-") for label in labels)
    gdp = views.bar_labels(real[real["indicator_id"] == "gdp"])
    assert set(gdp) == {"Zhejiang, 2024", "Wenzhou, 2025"}


def test_pages():
    assert views.pages(0, 8) == 1 and views.pages(17, 8) == 3
    assert views.page_of(list(range(17)), 3, 8) == [16] and views.page_of(list(range(17)), 9, 8) == [16]


def test_headline_prefers_the_curated_list_then_falls_back(real):
    top = views.headline(real)
    assert list(top["figure_id"][:4]) == ["zj-gdp-2024", "zj-digital-core-va-2020", "zj-ai-revenue-target-2027",
                                          "wz-gdp-2025"]
    other = frame_of(row(figure_id="a", sector="x", status="target", year_end=2030),
                     row(figure_id="b", sector="x"), row(figure_id="c", sector="y"))
    assert list(views.headline(other)["figure_id"]) == ["b", "c"]


def test_timeline_aggregates_when_large(real):
    rows, counted = views.timeline(real)
    assert not counted and len(rows) == len(real)
    counts, counted = views.timeline(real, max_points=10)
    assert counted and counts["figures"].sum() == len(real)


def test_sources_used_and_citation(real):
    used = views.sources_used(real)
    assert sum(len(rows) for _, rows in used) == len(real)
    _, sources = load_catalog()
    no_link = [sid for sid, s in sources.items() if s.url is None]
    assert no_link and "no link known" in views.citation(sources[no_link[0]])
    text = views.citation(sources["techedt-2025-10-25-zhejiang-ai-plan"])
    assert "2025-10-25" in text and "https://www.techedt.com/" in text
    assert dt.date.fromisoformat(used[0][1]["published"].iloc[0]) >= dt.date.fromisoformat(used[-1][1]["published"].iloc[0])
