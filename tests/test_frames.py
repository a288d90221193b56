"""Filters, their URL form, and the shaping of the frame for pages (dashboard.frames, dashboard.views)."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard import views
from dashboard.frames import MAX_QUERY_CHARS, Filters, apply, options, parse_query, to_query
from dashboard.load import load_catalog, load_frame
from dashboard.table import Table
from tests.rows import charted, frame_of, row


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


@pytest.mark.parametrize("filters", [
    Filters(years=(2026, 2026)),
    Filters(years=(2003, 2027), sectors=("ai",), statuses=("target",)),
    Filters(years=(2003, 2027), sectors=("energy",), geos=("Hangzhou",)),
    Filters(years=(2018, 2025), sectors=("economy", "no-such-sector"), geos=("Hangzhou", "Zhejiang")),
])
def test_table_selects_the_rows_apply_keeps(real, filters):
    table = Table.of(real)
    assert list(table.positions(filters)) == list(apply(real, filters).index)
    assert [r.figure_id for r in table.rows(table.positions(filters))] == list(apply(real, filters)["figure_id"])


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


ONE_ROW_OPTIONS = options(frame_of(row()))  # built once: the property is about parse_query alone


@given(st.dictionaries(st.text(max_size=8), st.lists(st.text(max_size=30), max_size=4), max_size=5))
def test_parse_query_never_raises(query):
    filters, notices = parse_query(query, ONE_ROW_OPTIONS)
    assert isinstance(filters, Filters) and all(isinstance(n, str) for n in notices)


def test_table_splits_charted_indicators_from_single_figures(real):
    table = Table.of(real)
    for positions in (np.arange(len(real)), table.positions(Filters(years=(2020, 2025), sectors=("ai", "economy")))):
        groups, singles = table.by_indicator(positions)
        ids = [table.records[int(g[0])].indicator_id for g in groups]
        assert ids == charted(real.iloc[positions])  # in order of first appearance
        assert all({table.records[i].indicator_id for i in g} == {ident} for g, ident in zip(groups, ids, strict=True))
        single_ids = [table.records[i].indicator_id for i in singles]
        assert len(set(single_ids)) == len(single_ids) and not set(single_ids) & set(ids)
        assert sorted([*np.concatenate(groups).tolist(), *singles.tolist()]) == sorted(positions.tolist())
    assert {"gdp", "ai_industry_revenue", "digital_core_value_added"} <= set(charted(real))


def test_chart_kinds(real):
    kinds = {i: views.chart_kind(real[real["indicator_id"] == i]) for i in charted(real)}
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
    assert len(set(labels)) == len(labels)
    assert sorted(labels) == ["Cixi (Bull Group): after digitising", "Cixi (Bull Group): before digitising"]
    gdp = views.bar_labels(real[real["indicator_id"] == "gdp"])
    assert set(gdp) == {"Zhejiang, 2024", "Wenzhou, 2025"}


def test_pages():
    assert views.pages(0, 8) == 1 and views.pages(17, 8) == 3
    assert views.page_of(list(range(17)), 3, 8) == [16] and views.page_of(list(range(17)), 9, 8) == [16]


def test_headline_prefers_the_curated_list_then_falls_back(real):
    table = Table.of(real)
    top = table.headline(np.arange(len(real)))
    assert [r.figure_id for r in top[:4]] == ["zj-gdp-2024", "zj-digital-core-va-2020", "zj-ai-revenue-target-2027",
                                              "wz-gdp-2025"]
    other = Table.of(frame_of(row(figure_id="a", sector="x", status="target", year_end=2030),
                              row(figure_id="b", sector="x"), row(figure_id="c", sector="y")))
    assert [r.figure_id for r in other.headline(np.arange(3))] == ["b", "c"]
    tied = Table.of(frame_of(row(figure_id="a", sector="x", value=1.0), row(figure_id="b", sector="x", value=3.0),
                             row(figure_id="c", sector="y", year_end=2019), row(figure_id="d", sector="y", value=5.0)))
    assert [r.figure_id for r in tied.headline(np.arange(4))] == ["d", "b"]  # latest year, then largest value, per sector
    assert [r.figure_id for r in tied.headline(np.array([0, 2]))] == ["a", "c"]  # only the rows given


def test_timeline_aggregates_when_large(real):
    rows, counted = views.timeline(real)
    assert not counted and len(rows) == len(real)
    counts, counted = views.timeline(real, max_points=10)
    assert counted and sum(c["figures"] for c in counts) == len(real)
    assert set(counts[0]) == set(views.COUNT_FIELDS)


def test_table_counts_as_the_timeline_does(real):
    table = Table.of(real)
    for positions in (np.arange(len(real)), table.positions(Filters(years=(2020, 2025), sectors=("ai", "economy")))):
        counts, counted = views.timeline(table.rows(positions), max_points=1)
        assert counted and table.counts(positions) == counts
    assert table.counts(np.array([], dtype=int)) == []


def test_table_groups_rows_by_source_newest_first(real):
    table = Table.of(real)
    for positions in (np.arange(len(real)), table.positions(Filters(years=(2020, 2025), sectors=("ai", "economy")))):
        used = table.by_source(positions)
        assert sorted(np.concatenate([p for _, p in used]).tolist()) == sorted(positions.tolist())
        for first, group in used:
            assert {table.records[i].source_id for i in group} == {first.source_id} and first.Index == group[0]
        dates = [dt.date.fromisoformat(first.published) for first, _ in used]
        assert dates == sorted(dates, reverse=True)
    assert table.by_source(np.array([], dtype=int)) == []


def test_citation(real):
    _, sources = load_catalog()
    no_link = [sid for sid, s in sources.items() if s.url is None]
    assert no_link and "no link known" in views.citation(sources[no_link[0]])
    text = views.citation(sources["techedt-2025-10-25-zhejiang-ai-plan"])
    assert "2025-10-25" in text and "https://www.techedt.com/" in text


def test_bar_labels_fall_back_to_the_figure_id_without_a_label():
    rows = frame_of(row(figure_id="a", label="before"), row(figure_id="b"))
    assert views.bar_labels(rows) == ["G: before", "G: b"]
