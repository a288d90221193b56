"""The filters in the address (dashboard.table.address): read, written back, and bad values ignored with a notice."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.table.address import MAX_QUERY_CHARS, parse_query, to_query
from dashboard.table.filters import Filters, Options, options

ONE_ROW = Options(years=(2020, 2020), sectors=(("s", "S"),), geos=("G",), statuses=("actual",))


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
    filters, notices = parse_query(query, ONE_ROW)
    assert isinstance(filters, Filters) and all(isinstance(n, str) for n in notices)
