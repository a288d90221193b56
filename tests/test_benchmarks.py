"""The benchmark's tools: synthetic data validates and has the shape asked for; the results table is right."""

from pathlib import Path

import pytest

from benchmarks import synth
from benchmarks.report import Row, table
from dashboard.cli import main as cli
from dashboard.data.load import load_catalog
from dashboard.data.precision import supported
from dashboard.data.schema import STATUSES


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("synth")
    synth.generate(600, folder, seed=3)
    return folder


def test_synthetic_data_validates_with_the_requested_count(synthetic):
    catalog, sources = load_catalog(synthetic / "indicators.yaml", synthetic / "sources")
    assert len(catalog.figures) == 600
    assert {f.source for f in catalog.figures} <= set(sources)
    assert cli(["validate", "--indicators", str(synthetic / "indicators.yaml"), "--sources",
                str(synthetic / "sources")]) == 0


def test_synthetic_data_is_spread_like_the_real_data(synthetic):
    catalog, sources = load_catalog(synthetic / "indicators.yaml", synthetic / "sources")
    real, _ = load_catalog()
    assert [s.id for s in catalog.sectors] == [s.id for s in real.sectors]
    assert {u.id for u in catalog.units} == {u.id for u in real.units}
    assert {f.status for f in catalog.figures} == set(STATUSES)
    assert {i.sector for i in catalog.indicators} == {s.id for s in real.sectors}
    assert len({f.geography for f in catalog.figures}) >= 10
    assert len({f.period for f in catalog.figures}) >= 20
    assert any("-" in f.period for f in catalog.figures)
    assert len({f.qualifier for f in catalog.figures}) >= 5
    assert any(s.url is None for s in sources.values()) and any(s.url for s in sources.values())
    assert all(len(f.quote.split()) <= 25 for f in catalog.figures)


def test_derived_figures_match_their_formula(synthetic):
    catalog, _ = load_catalog(synthetic / "indicators.yaml", synthetic / "sources")
    figures = {f.id: f for f in catalog.figures}
    derived = [f for f in catalog.figures if f.derived]
    assert derived
    for fig in derived:
        inputs = [(figures[name].value, figures[name].qualifier) for name in fig.derived.inputs]
        assert fig.value == supported(fig.derived.formula, inputs, fig.qualifier)[0], fig.id


def test_synthetic_data_is_deterministic(tmp_path):
    for name in ("a", "b"):
        synth.generate(50, tmp_path / name, seed=7)
    assert (tmp_path / "a" / "indicators.yaml").read_bytes() == (tmp_path / "b" / "indicators.yaml").read_bytes()
    assert sorted(p.name for p in (tmp_path / "a" / "sources").iterdir()) == sorted(
        p.name for p in (tmp_path / "b" / "sources").iterdir())


def test_command_line_writes_the_files(tmp_path):
    assert synth.main(["--figures", "20", "--output", str(tmp_path)]) == 0
    catalog, _ = load_catalog(tmp_path / "indicators.yaml", tmp_path / "sources")
    assert len(catalog.figures) == 20


def test_numbers_are_written_so_yaml_reads_them_back_as_numbers():
    import yaml

    for value in (1e-05, 2.5e-12, 1e20, 702000000000.0, 0.1, -3.25, 13.0):
        assert yaml.safe_load(synth._number(value)) == pytest.approx(value)


def test_table_gives_ratios_goals_and_results():
    rows = [
        Row("Minimal app: rerun", "-", 0.010),
        Row("Overview: rerun", "real", 0.015, floor=0.010, limit=2.0),
        Row("Overview: rerun", "10,000", 0.050, floor=0.010, limit=4.0),
        Row("Load + validate", "10,000", 0.8, limit=1.0),
        Row("Peak memory", "10,000", 220.4, unit="MB"),
        Row("Paint", "real", None, floor=1.0, limit=1.5),
    ]
    lines = table(rows).splitlines()
    assert lines[0].startswith("| Measure | Data | Time |")
    assert len(lines) == 2 + len(rows)
    assert lines[2] == "| Minimal app: rerun | - | 10.0 ms |  |  |  |  |"
    assert lines[3] == "| Overview: rerun | real | 15.0 ms | 10.0 ms | 1.50x | ≤ 2x | pass |"
    assert lines[4] == "| Overview: rerun | 10,000 | 50.0 ms | 10.0 ms | 5.00x | ≤ 4x | **FAIL** |"
    assert lines[5] == "| Load + validate | 10,000 | 800 ms |  |  | ≤ 1,000 ms | pass |"
    assert lines[6] == "| Peak memory | 10,000 | 220 MB |  |  |  |  |"
    assert lines[7] == "| Paint | real | n/a | 1,000 ms |  | ≤ 1.5x |  |"


def test_pages_are_read_from_the_app_without_running_it(tmp_path):
    from benchmarks.apptest import page_files

    app = tmp_path / "app.py"
    app.write_text('raise SystemExit("not to be run")\nPAGES = (("a.py", "A", ":x:"), ("b.py", "B", ":y:"))\n')
    assert page_files(app) == [("a.py", "A"), ("b.py", "B")]


def test_year_ranges_are_distinct_and_never_the_full_range():
    from benchmarks.apptest import year_ranges

    ranges = year_ranges(2003, 2027)
    assert len(ranges) == len(set(ranges)) >= 20
    assert (2003, 2027) not in ranges
    assert all(2003 <= low <= high <= 2027 for low, high in ranges)


def test_turns_alternate_and_turn_who_goes_first():
    from benchmarks.browser import turns

    pair = ("minimal", "app")
    assert turns(3, pair) == ["minimal", "app", "app", "minimal", "minimal", "app"]
    assert turns(7, pair).count("app") == turns(7, pair).count("minimal") == 7
    assert turns(0, pair) == []
    four = turns(4, ("a", "b", "c", "d"))
    assert [four[i * 4] for i in range(4)] == ["a", "b", "c", "d"]  # each goes first once
    assert all(four.count(name) == 4 for name in "abcd")


def test_redraw_ends_at_the_last_chart_change_or_the_end_of_the_rerun():
    from benchmarks.browser import redraw

    states = [(1010.0, "running"), (1200.0, "notRunning")]
    assert redraw(1000.0, states, [1150.0, 1400.0]) == pytest.approx(0.4)  # the chart drawn after the run ended
    assert redraw(1000.0, states, [1100.0]) == pytest.approx(0.2)  # the run ended after the chart changed
    assert redraw(1000.0, [], [1050.0, 1090.0]) == pytest.approx(0.09)  # a run too quick for its state to be drawn


def test_redraw_ignores_what_came_before_the_key_and_needs_a_chart_change():
    from benchmarks.browser import redraw

    assert redraw(1000.0, [(900.0, "running"), (950.0, "notRunning")], [960.0, 1100.0]) == pytest.approx(0.1)
    assert redraw(1000.0, [(1010.0, "running"), (1200.0, "notRunning")], [990.0]) is None
    assert redraw(1000.0, [(1010.0, "running"), (1200.0, "notRunning")], []) is None


def test_load_scenarios_and_pages_are_read_from_the_command_line():
    from benchmarks import load

    args = load.arguments(["--scenario", "500,5,20", "--duration", "150", "--no-minimal", "--page", "sectors"])
    assert args.scenario == [(500, 5, 20.0)]
    assert args.duration == 150 and args.no_minimal
    assert args.page == ("sectors",)
    assert load.arguments([]).scenario == [(100, 10, 0.0), (500, 5, 20.0)]


def test_load_readers_ask_for_pages_and_filters_the_app_has():
    import re

    from benchmarks import loadgen, servers
    from benchmarks.apptest import page_files

    pages = servers.ROOT / "dashboard" / "app" / "main.py"  # the pages that servers.APP serves
    assert {page for page in loadgen.PAGES if page} <= {Path(name).stem for name, _ in page_files(pages)}
    sidebar = (pages.parent / "state.py").read_text(encoding="utf-8")
    assert set(loadgen.Plan().keys) <= set(re.findall(r'key="(\w+)"', sidebar))


def test_load_says_how_the_minimal_app_was_served():
    from benchmarks import load

    assert load.minimal_label(load.arguments([])) == "Streamlit defaults"
    repo = load.arguments(["--minimal-settings", "repo", "--compare-all", "--minimal-arg", "runner.postScriptGC=false"])
    assert repo.compare_all and load.minimal_label(repo) == "the repo settings runner.postScriptGC=false"


def test_a_ratio_just_over_its_goal_does_not_read_as_met():
    line = table([Row("Paint", "real", 4.361, floor=3.297, limit=1.3)]).splitlines()[2]
    assert "| 1.32x | ≤ 1.3x | **FAIL** |" in line


def test_load_splits_out_the_changes_after_the_arrivals():
    from benchmarks import load
    from benchmarks.loadgen import Result, later

    result = Result(wall=100.0, client_cpu=25.0)
    result.latencies["change"] = [3.0, 0.2, 0.1, 0.3]
    result.starts["change"] = [5.0, 49.0, 50.0, 90.0]
    assert later(result, "change", 50.0) == [0.1, 0.3]
    assert load.settled("x", result) == ("- x: load generator CPU 25 s / 100 s = 25%; filter changes started in the "
                                         "second half: 2, p50 100 ms, p95 300 ms (information)")


def test_takeaway_pages_cover_every_figure_in_both_languages():
    from benchmarks.takeaway import figure_ids, paths

    payload = {"figures": [{"figure_id": "a"}, {"figure_id": "b"}, {"figure_id": "a"}, {"figure_id": ""}]}
    assert figure_ids(payload) == ["a", "b"]
    assert paths(["a", "b"]) == ["/figures/a?lang=en", "/figures/a?lang=zh", "/figures/b?lang=en",
                                 "/figures/b?lang=zh"]


def test_takeaway_request_and_response_head():
    from benchmarks.takeaway import parse_head, request_bytes

    request = request_bytes("127.0.0.1:8501", "/figures/a?lang=zh")
    assert request.startswith(b"GET /figures/a?lang=zh HTTP/1.1\r\nHost: 127.0.0.1:8501\r\n")
    assert request.endswith(b"\r\n\r\n") and b"keep-alive" in request
    status, headers = parse_head(b"HTTP/1.1 304 Not Modified\r\nContent-Length: 0\r\nETag: \"x\"\r\n\r\n")
    assert status == 304 and headers["content-length"] == "0" and headers["etag"] == '"x"'


def test_takeaway_goals_read_as_ratios_of_time():
    from benchmarks.takeaway import PAINT_RATIO, THROUGHPUT_RATIO

    # 8x faster passes the paint goal, 6x does not; 25x the runs a second passes the load goal, 15x does not
    assert Row("p", "", 0.1, 0.8, PAINT_RATIO).passed and not Row("p", "", 0.1, 0.6, PAINT_RATIO).passed
    assert Row("l", "", 1 / 2500, 1 / 100, THROUGHPUT_RATIO).passed
    assert not Row("l", "", 1 / 1500, 1 / 100, THROUGHPUT_RATIO).passed


def test_the_features_reference_runs_and_keeps_its_slider_in_the_address():
    """The browser benchmark's reference with every page's features: its filters are drawn, and a sidebar step writes
    the address, as the dashboard's Years step does."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "benchmarks" / "minimal_features_app.py"),
                           default_timeout=30).run()
    assert not at.exception
    assert len(at.sidebar.multiselect) == 3 and at.title[0].value == "Timeline"
    at.sidebar.slider(key="bars").set_value(21).run()
    assert not at.exception
    assert at.query_params["bars"] == "21"
    assert at.sidebar.button[0].disabled is False
