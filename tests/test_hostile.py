"""Files written to do harm: code in YAML tags, alias bombs, huge or endless files, odd URLs, spreadsheet formulas."""

import csv
import io

import pandas as pd
import pytest

from dashboard import cli
from dashboard.data import yaml_reader
from dashboard.data.load import MAX_BYTES, read_yaml
from dashboard.data.problems import DataError, Problem
from dashboard.export import to_csv
from dashboard.table.dataset import load_frame

BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8))


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/object/apply:subprocess.call",
                                 "!!python/object/new:os.system"])
@pytest.mark.parametrize("where", ["indicators", "source"])
def test_python_tags_are_refused_and_never_run(data, tmp_path, tag, where):
    marker = tmp_path / "MARKER"
    payload = f'{tag} ["touch {marker}"]' if "call" not in tag else f'{tag} [["touch", "{marker}"]]'
    path = data.indicators if where == "indicators" else data.source()
    text = data.replace("geography: Zhejiang" if where == "indicators" else "author: NeTe",
                        f"geography: {payload}" if where == "indicators" else f"author: {payload}", path)
    line = text[: text.index(tag)].count("\n") + 1
    assert data.problems() == [Problem(str(path), line, "(yaml)",
                                       f"tags such as {tag} are not allowed: write plain values")]
    assert not marker.exists()


def test_alias_bomb_is_refused_before_anything_is_built(tmp_path, monkeypatch):
    def never(*_):
        raise AssertionError("the document was constructed")

    monkeypatch.setattr(yaml_reader.Loader, "construct_document", never)
    path = tmp_path / "bomb.yaml"
    path.write_text(BOMB, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_yaml(path)
    assert caught.value.problems == [Problem(str(path), 2, "(yaml)",
                                             "aliases (*name) are not allowed here: write the value out in full")]


def test_merge_keys_need_aliases_and_are_refused(data):
    data.indicators.write_text("base: &b {x: 1}\nother:\n  <<: *b\n", encoding="utf-8")
    assert [p.message for p in data.problems()] == ["aliases (*name) are not allowed here: write the value out in full"]


@pytest.mark.parametrize("depth", [yaml_reader.MAX_DEPTH + 1, 100_000])
def test_deep_nesting_is_one_problem_on_its_line(data, depth):
    data.indicators.write_text("a: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    [problem] = data.problems()
    assert (problem.file, problem.line, problem.field) == (data.name, 1, "(yaml)")
    if depth == yaml_reader.MAX_DEPTH + 1:
        assert problem.message == f"nested more than {yaml_reader.MAX_DEPTH} levels deep"


def test_file_over_the_size_cap_is_refused_before_parsing(tmp_path, monkeypatch):
    def never(_):
        raise AssertionError("the file was parsed")

    monkeypatch.setattr("dashboard.data.load.parse", never)
    path = tmp_path / "big.yaml"
    path.write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")
    with pytest.raises(DataError) as caught:
        read_yaml(path)
    size = path.stat().st_size
    assert caught.value.problems == [Problem(str(path), 0, "(file)", f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")]


def test_a_device_is_not_read(data, monkeypatch):
    monkeypatch.setenv("DASHBOARD_INDICATORS", "/dev/zero")
    data.indicators = None
    assert data.problems() == [Problem("/dev/zero", 0, "(file)", "is not a regular file")]


def test_control_characters_are_refused(data):
    data.indicators.write_bytes(b"sectors:\n  - id: a\x00b\n")
    assert data.problems() == [Problem(data.name, 2, "(yaml)", "character #x0000 is not allowed in YAML")]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
                                 "file:///etc/passwd", "ftp://example.org/a", "//example.org/a", "vbscript:msgbox(1)"])
def test_only_web_addresses_are_accepted(data, url):
    text = data.replace("url: https://www.chinadailybrief.com/article/69879e76eab9f99c50e2fb04", f"url: '{url}'",
                        data.source())
    assert data.problems() == [Problem(str(data.source()), text[: text.index("url:")].count("\n") + 1, "url",
                                       f"must be a web address starting with http:// or https://, not text {url!r}")]


FORMULAS = ["=1+1", "+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", '=HYPERLINK("http://x","y")']


@pytest.mark.parametrize("text", FORMULAS)
def test_csv_neutralises_formulas_and_keeps_numbers(text):
    frame = load_frame().head(3).copy()
    frame["note"] = [text, "plain", None]
    frame["value"] = [-5.5, 0.0, 1e12]
    frame["usd_value"] = [-1.0, float("nan"), 2.5]
    rows = list(csv.DictReader(io.StringIO(to_csv(frame).decode("utf-8-sig"), newline="")))
    assert rows[0]["note"] == "'" + text
    assert rows[1]["note"] == "plain"
    assert [r["value"] for r in rows] == ["-5.5", "0", "1000000000000"]
    assert [r["usd_value"] for r in rows] == ["-1", "", "2.5"]
    back = pd.read_csv(io.BytesIO(to_csv(frame)))
    assert back["value"].tolist() == [-5.5, 0.0, 1e12]


def test_export_command_neutralises_formulas_from_the_data(data, capsysbinary):
    data.replace("    geography: Zhejiang\n", "    geography: '=cmd|\" /C calc\"!A0'\n")
    data.replace("    geography: Zhejiang\n", "    geography: '-Zhejiang'\n")
    data.replace("places:\n", "places:\n  - {name: '=cmd|\" /C calc\"!A0', name_zh: 计算器}\n"
                              "  - {name: '-Zhejiang', name_zh: 浙江}\n")  # each figure's place is listed
    chart = "    figures: [zj-digital-core-va-2020, zj-digital-key-project-investment-2020]\n"
    note = "    note: The places now differ.\n    note_zh: 两个数字的地点不同。\n"
    data.replace(chart, chart + note)  # a story chart sets them side by side
    assert cli.main(["export", "--indicators", str(data.indicators), "--sources", str(data.sources)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsysbinary.readouterr().out.decode("utf-8-sig"), newline="")))
    assert rows[0]["geography"] == "'=cmd|\" /C calc\"!A0"
    assert rows[1]["geography"] == "'-Zhejiang"
    assert all(not r["geography"].startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows)
    assert float(rows[0]["value"]) == 702000000000
