"""`python -m dashboard export`: the CSV and the data package it writes, written whole or not at all."""

import contextlib
import io
import json
import os
import stat
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


def tree(folder: Path) -> dict[str, tuple]:
    """Every entry under a folder: a file's bytes and mode, a link's target, a folder's mode."""
    found = {}
    for path in sorted(folder.rglob("*")):
        mode = path.lstat().st_mode
        found[str(path.relative_to(folder))] = (os.readlink(path),) if path.is_symlink() else \
            (stat.S_IMODE(mode),) if path.is_dir() else (path.read_bytes(), stat.S_IMODE(mode))
    return found


@contextlib.contextmanager
def umask(mask: int):
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def export(*args: str) -> int:
    return cli.main(["export", *args])


def test_datapackage_replaces_an_earlier_export_whole_keeping_its_modes(tmp_path):
    target = tmp_path / "package"
    assert export("--format", "datapackage", "--output", str(target)) == 0
    (target / "figures.csv").write_text("old", encoding="utf-8")
    os.chmod(target / "figures.csv", 0o640)
    os.chmod(target, 0o750)
    assert export("--format", "datapackage", "--output", str(target)) == 0
    assert sorted(p.name for p in target.iterdir()) == ["README.md", "datapackage.json", "figures.csv"]
    assert (target / "figures.csv").read_bytes() == to_csv(load_frame())
    assert stat.S_IMODE((target / "figures.csv").stat().st_mode) == 0o640
    assert stat.S_IMODE(target.stat().st_mode) == 0o750
    assert [p.name for p in tmp_path.iterdir()] == ["package"]


@pytest.mark.parametrize("contents", [
    {"stale.txt": "old"},
    {"datapackage.json": '{"name": "zhejiang-indicators"}', "figures.csv": "x", "notes.md": "mine"},
    {"datapackage.json": '{"name": "my-own-package", "$schema": "https://datapackage.org/profiles/2.0/datapackage.json"}'},
    {"datapackage.json": "not json", "README.md": "mine"},
], ids=["other files", "a package with a file more", "another package", "not a package"])
def test_datapackage_refuses_a_folder_it_did_not_write_and_leaves_it_untouched(tmp_path, capsys, contents):
    target = tmp_path / "package"
    target.mkdir()
    for name, text in contents.items():
        (target / name).write_text(text, encoding="utf-8")
    before = tree(tmp_path)
    assert export("--format", "datapackage", "--output", str(target)) == 1
    assert tree(tmp_path) == before
    err = capsys.readouterr().err
    assert err.startswith(f"{target}: refused: the folder holds files this export did not write (")
    assert "Traceback" not in err


def test_export_into_a_repository_leaves_every_file_untouched(tmp_path, capsys):
    repo = tmp_path / "repo"
    (repo / ".git" / "refs").mkdir(parents=True)
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (repo / "src").mkdir()
    (repo / "src" / "main.py").write_text("print('hello')\n", encoding="utf-8")
    (repo / "README.md").write_text("# mine\n", encoding="utf-8")
    os.chmod(repo / "README.md", 0o664)
    (repo / "link").symlink_to("README.md")
    before = tree(tmp_path)
    assert export("--format", "datapackage", "--output", str(repo)) == 1
    assert export("--output", str(repo)) == 1
    assert export("--output", str(repo / "link" / "..")) == 1
    assert tree(tmp_path) == before
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{repo}: refused: the folder holds files this export did not write (.git, README.md")
    assert err[1] == f"{repo}: refused: it is a folder; give a file name"


def test_export_refuses_the_folder_that_holds_its_inputs(data, capsys):
    before = tree(data.indicators.parent)
    assert export("--indicators", str(data.indicators), "--sources", str(data.sources), "--format", "datapackage",
                  "--output", str(data.indicators.parent)) == 1
    assert tree(data.indicators.parent) == before
    assert capsys.readouterr().err == f"{data.indicators.parent}: refused: it holds {data.indicators}, which this export reads\n"


@pytest.mark.parametrize("fmt", ["csv", "datapackage"])
@pytest.mark.parametrize("where", ["indicators", "a source", "the sources folder", "a new file in the sources folder",
                                   "a link to the indicators"])
def test_export_never_writes_over_its_input(data, capsys, fmt, where):
    output = {"indicators": data.indicators, "a source": data.source(), "the sources folder": data.sources,
              "a new file in the sources folder": data.sources / "figures.csv",
              "a link to the indicators": data.indicators.parent / "link.yaml"}[where]
    if where == "a link to the indicators":
        output.symlink_to(data.indicators)
    before = tree(data.indicators.parent)
    assert export("--indicators", str(data.indicators), "--sources", str(data.sources), "--format", fmt,
                  "--output", str(output)) == 1
    assert tree(data.indicators.parent) == before
    err = capsys.readouterr().err
    assert err.startswith(f"{output}: refused: ") and "which this export reads" in err


def test_csv_export_over_a_file_keeps_its_mode(tmp_path):
    target = tmp_path / "figures.csv"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o644)
    assert export("--output", str(target)) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_bytes() == to_csv(load_frame())


def test_new_exports_follow_the_umask(tmp_path):
    with umask(0o027):
        assert export("--output", str(tmp_path / "figures.csv")) == 0
        assert export("--format", "datapackage", "--output", str(tmp_path / "package")) == 0
    assert stat.S_IMODE((tmp_path / "figures.csv").stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "package").stat().st_mode) == 0o750
    assert {stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "package").iterdir()} == {0o640}


def test_csv_export_to_a_link_writes_through_and_keeps_the_link(tmp_path, capsys):
    (tmp_path / "data").mkdir()
    real = tmp_path / "data" / "figures.csv"
    real.write_text("old", encoding="utf-8")
    os.chmod(real, 0o664)
    link = tmp_path / "latest.csv"
    link.symlink_to(Path("data") / "figures.csv")
    assert export("--output", str(link)) == 0
    assert link.is_symlink() and os.readlink(link) == str(Path("data") / "figures.csv")
    assert real.read_bytes() == to_csv(load_frame())
    assert stat.S_IMODE(real.stat().st_mode) == 0o664
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["figures.csv"]
    assert capsys.readouterr().err.endswith(f"to {real}\n")


def test_datapackage_export_to_a_link_writes_through_and_keeps_the_link(tmp_path):
    (tmp_path / "exports" / "package").mkdir(parents=True)
    link = tmp_path / "latest"
    link.symlink_to(tmp_path / "exports" / "package")
    assert export("--format", "datapackage", "--output", str(link)) == 0
    assert link.is_symlink()
    assert sorted(p.name for p in (tmp_path / "exports" / "package").iterdir()) == ["README.md", "datapackage.json",
                                                                                   "figures.csv"]
    assert sorted(p.name for p in (tmp_path / "exports").iterdir()) == ["package"]


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


def test_the_package_says_when_the_data_was_last_updated_and_its_version(frame):
    catalog, sources = load_catalog()
    latest = max(source.accessed for source in sources.values())
    archive = zipfile.ZipFile(io.BytesIO(package_zip(frame, sources, version="b74eb648" + "0" * 56)))
    descriptor = json.loads(archive.read("zhejiang-indicators/datapackage.json"))
    assert descriptor["dataUpdated"] == latest.isoformat() and descriptor["dataVersion"] == "b74eb648"
    readme = archive.read("zhejiang-indicators/README.md").decode()
    assert f"Data last updated {latest.isoformat()} (the latest date a source article was read); data version b74eb648." in readme
