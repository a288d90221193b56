"""The data version: what tells the app that a data file changed, without reading the files."""

import os

from dashboard.data.load import data_version


def test_the_version_changes_with_any_data_file_and_only_then(data):
    indicators, sources = data.indicators, data.sources
    first = data_version(indicators, sources)
    assert data_version(indicators, sources) == first
    source = sorted(sources.glob("*.yaml"))[0]
    info = source.stat()
    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    edited = data_version(indicators, sources)
    assert edited != first
    os.utime(indicators, ns=(info.st_atime_ns, info.st_mtime_ns + 1))  # touched only
    assert data_version(indicators, sources) != edited
    (sources / "new.yaml").write_text("publisher: X\n", encoding="utf-8")
    (sources / "notes.txt").write_text("not data\n", encoding="utf-8")
    added = data_version(indicators, sources)
    assert "new.yaml" in added and "notes.txt" not in added


def test_missing_files_give_a_version_not_an_error(tmp_path):
    assert data_version(tmp_path / "none.yaml", tmp_path / "none") == "-|-"
