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
    assert lines[3] == "| Overview: rerun | real | 15.0 ms | 10.0 ms | 1.5x | ≤ 2x | pass |"
    assert lines[4] == "| Overview: rerun | 10,000 | 50.0 ms | 10.0 ms | 5.0x | ≤ 4x | **FAIL** |"
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
