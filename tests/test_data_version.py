"""The data version and whole reads: the version changes with the bytes of any data file, and a load returns only
complete data, with the version of exactly the bytes it was made of."""

import itertools
import os
import time

import pytest

from dashboard.data import load, raw
from dashboard.data.load import data_version
from dashboard.data.problems import DataError, Problem


def test_the_version_changes_with_the_content_of_any_data_file_and_only_then(data):
    indicators, sources = data.indicators, data.sources
    first = data_version(indicators, sources)
    assert data_version(indicators, sources) == first
    source = sorted(sources.glob("*.yaml"))[0]
    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    edited = data_version(indicators, sources)
    assert edited != first
    info = indicators.stat()
    os.utime(indicators, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))  # touched only: the same content
    assert data_version(indicators, sources) == edited
    (sources / "notes.txt").write_text("not data\n", encoding="utf-8")
    (sources / ".#new.yaml").write_text("an editor's lock file\n", encoding="utf-8")
    assert data_version(indicators, sources) == edited
    (sources / "new.yaml").write_text("publisher: X\n", encoding="utf-8")
    added = data_version(indicators, sources)
    assert added != edited
    (sources / "new.yaml").rename(sources / "renamed.yaml")  # the file name is the source's id
    assert data_version(indicators, sources) not in (added, edited)


def test_a_same_size_edit_that_keeps_the_file_time_changes_the_version(data):
    """As `cp -p` or `touch -r` leave it: same size, same modification time, other bytes."""
    before = data_version(data.indicators, data.sources)
    info = data.indicators.stat()
    data.replace("geography: Zhejiang", "geography: Zhejianq")
    os.utime(data.indicators, ns=(info.st_atime_ns, info.st_mtime_ns))
    after = data.indicators.stat()
    assert (after.st_size, after.st_mtime_ns) == (info.st_size, info.st_mtime_ns)
    assert data_version(data.indicators, data.sources) != before


def test_an_edit_to_files_that_had_settled_is_seen_at_the_next_look(data):
    """Files untouched for a while are not read again on every look, yet a same-size edit that restores the file's
    time is seen at once (it changes the file's change time)."""
    os.utime(data.indicators, ns=(10**18, 10**18))  # an old modification time, as a file long kept
    time.sleep(raw.SETTLED_NS / 1e9 + 0.2)  # the change time, which no one can set, must be old enough too
    before = data_version(data.indicators, data.sources)
    assert data_version(data.indicators, data.sources) == before
    info = data.indicators.stat()
    data.replace("geography: Zhejiang", "geography: Zhejianq")
    os.utime(data.indicators, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert data_version(data.indicators, data.sources) != before
    source = sorted(data.sources.glob("*.yaml"))[0]
    time.sleep(raw.SETTLED_NS / 1e9 + 0.2)
    edited = data_version(data.indicators, data.sources)
    source.write_bytes(source.read_bytes().replace(b"a", b"b", 1))
    assert data_version(data.indicators, data.sources) != edited


def test_missing_files_give_a_version_not_an_error(tmp_path):
    missing = data_version(tmp_path / "none.yaml", tmp_path / "none")
    assert missing == data_version(tmp_path / "none.yaml", tmp_path / "none")
    (tmp_path / "none.yaml").write_text("sectors: []\n", encoding="utf-8")
    assert data_version(tmp_path / "none.yaml", tmp_path / "none") != missing


def test_a_half_written_file_is_never_shown(data, monkeypatch):
    """The file on disk is cut after a story chart, so it parses and validates; the writer finishes while it is read."""
    whole = data.real
    half = whole[: whole.rindex("  - id: ")]  # without the last story chart
    data.indicators.write_text(half, encoding="utf-8")
    read, saved = raw.content, []

    def writer_finishes(path):
        content = read(path)
        if path == data.indicators and not saved:
            saved.append(path.write_text(whole, encoding="utf-8"))
        return content

    monkeypatch.setattr(raw, "content", writer_finishes)
    loaded = load.load(data.indicators, data.sources)
    assert loaded.catalog.charts[-1].id == "digital-economy-counts-2020"
    assert loaded.version == data_version(data.indicators, data.sources)


def test_a_file_that_keeps_changing_is_refused_not_shown(data, monkeypatch):
    read, saves = raw.content, itertools.count()

    def writer_never_done(path):
        content = read(path)
        if path == data.indicators:
            path.write_text(f"{whole}# save {next(saves)}\n", encoding="utf-8")
        return content

    whole = data.real
    monkeypatch.setattr(raw, "content", writer_never_done)
    monkeypatch.setattr(raw, "PAUSE", 0)
    with pytest.raises(DataError) as caught:
        load.load(data.indicators, data.sources)
    assert caught.value.problems == [Problem(data.name, 0, "(file)",
                                             "kept changing while it was read: read it again once it is saved")]


def test_data_is_returned_only_at_the_version_asked_for(data):
    asked = data_version(data.indicators, data.sources)
    assert load.load(data.indicators, data.sources, asked).version == asked
    data.indicators.write_text(data.real + "# saved again\n", encoding="utf-8")
    with pytest.raises(load.DataChanged) as caught:
        load.load(data.indicators, data.sources, asked)
    assert [(p.file, p.field) for p in caught.value.problems] == [(data.name, "(file)")]
    assert load.load(data.indicators, data.sources).version == data_version(data.indicators, data.sources) != asked
