"""The filters in the address (dashboard.table.address): read, written back, and bad values ignored with a notice."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.table.address import (
    MAX_NOTICES,
    MAX_QUERY_CHARS,
    MAX_SEARCH_CHARS,
    MAX_VALUES,
    page_param,
    parse_query,
    to_query,
)
from dashboard.table.filters import Filters, Options, options
from dashboard.text.locale import locale

ONE_ROW = Options(years=(2020, 2020), sectors=(("s", "S"),), geos=("G",), statuses=("actual",))


def test_query_round_trip(real):
    opts = options(real)
    chosen = Filters(years=(2020, 2025), sectors=("ai", "energy"), geos=("Hangzhou",), statuses=("target",))
    query = to_query(chosen, opts)
    assert query == {"year": ["2020-2025"], "sector": ["ai", "energy"], "geo": ["Hangzhou"], "status": ["target"]}
    assert parse_query(query, opts, locale("en")) == (chosen, [])
    assert to_query(Filters(years=opts.years), opts) == {}


def test_query_accepts_labels_and_any_case(real):
    filters, notices = parse_query({"sector": ["AI policy and industry"], "geo": ["hangzhou"], "year": ["2024"]},
                                   options(real), locale("en"))
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
    ({"geo": ["x" * 90] * 50}, f"longer than {MAX_QUERY_CHARS:,} characters: the rest is not read"),
])
def test_bad_query_values_are_ignored_with_a_notice(real, query, fragment):
    opts = options(real)
    filters, notices = parse_query(query, opts, locale("en"))
    assert any(fragment in n for n in notices), notices
    assert filters.years == opts.years and filters.sectors == ()


def test_good_values_survive_next_to_bad_ones(real):
    filters, notices = parse_query({"sector": ["ai", "bogus"], "year": ["2000-2100"]}, options(real), locale("en"))
    assert filters.sectors == ("ai",) and filters.years == (2003, 2027) and len(notices) == 1


@given(st.dictionaries(st.text(max_size=8), st.lists(st.text(max_size=30), max_size=4), max_size=5))
def test_parse_query_never_raises(query):
    filters, notices = parse_query(query, ONE_ROW, locale("en"))
    assert isinstance(filters, Filters) and all(isinstance(n, str) for n in notices)


def test_a_long_search_or_page_setting_never_costs_the_filters(real):
    opts = options(real)
    query = {"q": ["gdp " * 50_000], "figure": ["f" * 5_000], "tab": ["t"] * 3, "sector": ["ai"], "year": ["2024-2027"]}
    filters, notices = parse_query(query, opts, locale("en"))
    assert filters.sectors == ("ai",) and filters.years == (2024, 2027)
    assert f"the search is cut to its first {MAX_SEARCH_CHARS:,} characters" in notices
    assert "figure is longer than 100 characters and is ignored" in notices
    assert "tab is given more than once: the first is read" in notices


def test_repeated_values_are_read_up_to_the_limit_and_the_cut_is_said(real):
    filters, notices = parse_query({"status": ["actual"] * 60, "sector": ["ai"] * 2_000, "geo": ["x" * 500, "Hangzhou"]},
                                   options(real), locale("en"))
    assert filters.statuses == ("actual",) and filters.sectors == ("ai",) and filters.geos == ("Hangzhou",)
    assert f"status is given 60 times: only the first {MAX_VALUES} are read" in notices
    assert "sector is given 2,000 times: only the first 50 are read" in notices
    assert any(n.startswith("geo is too long") for n in notices)


def test_notices_are_bounded_however_many_settings_are_unknown(real):
    query = {f"junk{i}": ["x"] for i in range(1_000)} | {"sector": ["ai"]}
    filters, notices = parse_query(query, options(real), locale("en"))
    assert filters.sectors == ("ai",)
    assert len(notices) == MAX_NOTICES + 1 and notices[-1] == f"and {1_000 - MAX_NOTICES:,} more"


def test_a_page_reads_one_bounded_value_of_its_own_setting():
    def words(text):
        return text

    assert page_param("q", ["x" * 1_000], words)[0] == "x" * MAX_SEARCH_CHARS
    assert page_param("article", ["a" * 101], words)[0] is None
    assert page_param("lang", ["zh", "en"], words)[0] == "zh"
    assert page_param("figure", [], words) == (None, None)
