"""`python -m dashboard export`: the CSV and the data package it writes, written whole or not at all."""

import io
import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from dashboard import cli
from dashboard.data.load import load_catalog
from dashboard.export import package_zip, to_csv
from dashboard.table.columns import COLUMNS, NAMES
from dashboard.table.dataset import load_frame


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return load_frame()


def read_back(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), keep_default_na=False, na_values=[""])


def comparable(frame: pd.DataFrame) -> pd.DataFrame:
    """Text as text and empty as None, so that a frame and its CSV can be compared cell by cell."""
    out = frame.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]):
            out[column] = out[column].astype(object).where(out[column].notna(), None)
    return out


def test_export_csv_round_trips(tmp_path, frame):
    target = tmp_path / "figures.csv"
    assert cli.main(["export", "--output", str(target)]) == 0
    back = read_back(target.read_bytes())
    assert list(back.columns) == list(NAMES)
    for column in ("value", "usd_value", "year_start", "year_end"):
        assert pd.api.types.is_numeric_dtype(back[column]), column
    pd.testing.assert_frame_equal(comparable(back), comparable(frame), check_dtype=False)


def test_export_to_stdout(capsysbinary, frame):
    assert cli.main(["export", "--output", "-"]) == 0
    assert capsysbinary.readouterr().out == to_csv(frame)


def test_datapackage_folder(tmp_path, frame):
    target = tmp_path / "package"
    assert cli.main(["export", "--format", "datapackage", "--output", str(target)]) == 0
    assert sorted(p.name for p in target.iterdir()) == ["README.md", "datapackage.json", "figures.csv"]
    descriptor = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    fields = descriptor["resources"][0]["schema"]["fields"]
    assert [f["name"] for f in fields] == list(NAMES)
    assert all(f["type"] and f["description"] for f in fields)
    assert {f["name"]: f["type"] for f in fields} == {column.name: column.type for column in COLUMNS}
    _, sources = load_catalog()
    assert len(descriptor["sources"]) == len(sources)
    assert all(s["title"] for s in descriptor["sources"])
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    readme = (target / "README.md").read_text(encoding="utf-8")
    assert "## Licence" in readme and "## How to cite" in readme
    assert read_back((target / "figures.csv").read_bytes()).shape == frame.shape


def test_datapackage_replaces_an_old_export_whole(tmp_path):
    target = tmp_path / "package"
    target.mkdir()
    (target / "stale.txt").write_text("old", encoding="utf-8")
    assert cli.main(["export", "--format", "datapackage", "--output", str(target)]) == 0
    assert sorted(p.name for p in target.iterdir()) == ["README.md", "datapackage.json", "figures.csv"]
    assert [p.name for p in tmp_path.iterdir()] == ["package"]


def test_zip_holds_the_same_files(frame):
    _, sources = load_catalog()
    with zipfile.ZipFile(io.BytesIO(package_zip(frame, sources))) as archive:
        assert sorted(archive.namelist()) == [f"zhejiang-indicators/{n}" for n in ("README.md", "datapackage.json",
                                                                                    "figures.csv")]
        assert archive.read("zhejiang-indicators/figures.csv") == to_csv(frame)


def test_failed_csv_export_leaves_nothing(tmp_path, monkeypatch, capsys):
    def refuse(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli.os, "replace", refuse)
    assert cli.main(["export", "--output", str(tmp_path / "figures.csv")]) == 1
    assert list(tmp_path.iterdir()) == []
    assert "cannot write: No space left on device" in capsys.readouterr().err


def test_failed_datapackage_export_leaves_nothing(tmp_path, monkeypatch, capsys):
    written, real_write = [], Path.write_bytes

    def write_then_fail(self, content):
        if written:
            raise OSError(28, "No space left on device")
        written.append(self)
        return real_write(self, content)

    monkeypatch.setattr(Path, "write_bytes", write_then_fail)
    assert cli.main(["export", "--format", "datapackage", "--output", str(tmp_path / "package")]) == 1
    assert written, "the failure came after a first file was written"
    assert list(tmp_path.iterdir()) == []
    assert "cannot write" in capsys.readouterr().err


def test_export_of_invalid_data_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "indicators.yaml"
    bad.write_text("sectors: [\n", encoding="utf-8")
    assert cli.main(["export", "--indicators", str(bad), "--output", str(tmp_path / "out.csv")]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["indicators.yaml"]
    assert "YAML syntax error" in capsys.readouterr().err


def test_csv_starts_with_a_byte_order_mark_and_reads_back(frame):
    """Excel needs the mark to read UTF-8; pandas reads the file with or without being told of it."""
    data = to_csv(frame)
    assert data.startswith(b"\xef\xbb\xbf") and not data.startswith(b"\xef\xbb\xbf" * 2)
    text = data.decode("utf-8-sig")
    assert text.startswith("figure_id,") and any(ord(ch) > 127 for ch in text)
    plain = pd.read_csv(io.BytesIO(data))
    told = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert list(plain.columns) == list(told.columns) == list(NAMES)
    pd.testing.assert_frame_equal(plain, told)


def test_zip_members_are_readable_regular_files(frame):
    _, sources = load_catalog()
    with zipfile.ZipFile(io.BytesIO(package_zip(frame, sources))) as archive:
        for member in archive.infolist():
            assert member.external_attr >> 16 == 0o100644, member.filename
            assert member.compress_type == zipfile.ZIP_DEFLATED


def test_datapackage_passes_frictionless_validation(tmp_path):
    frictionless = pytest.importorskip("frictionless")
    target = tmp_path / "package"
    assert cli.main(["export", "--format", "datapackage", "--output", str(target)]) == 0
    descriptor = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["resources"][0]["encoding"] == "utf-8"  # the IANA name; the byte-order mark is skipped
    report = frictionless.validate(str(target / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:20]
    package = frictionless.Package(str(target / "datapackage.json"))
    rows = package.get_resource("figures").read_rows()
    assert len(rows) == len(load_frame()) and rows[0]["figure_id"] == load_frame()["figure_id"].iloc[0]
