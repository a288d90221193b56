"""The one-pass reader gives exactly what safe_yaml (and PyYAML's safe loader) gives, and refuses the same things."""

import math
import re

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks import synth
from dashboard import fast_yaml, safe_yaml
from dashboard.schema import YEAR_MAX, YEAR_MIN, _period
from tests.datafiles import REAL, ROOT
from tests.test_property import SOURCE, damaged


def same(a, b) -> bool:
    """Equal, with the same types all the way down (1 is not 1.0 nor True), NaN equal to NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return [(type(k), k) for k in a] == [(type(k), k) for k in b] and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def outcome(read, text: str):
    """What a reader gives: its data, or the line and message of its YamlProblem."""
    try:
        return "data", read(text)
    except safe_yaml.YamlProblem as exc:
        return "problem", (exc.line, exc.message)


def agree(text: str) -> None:
    fast, full = outcome(fast_yaml.load_data, text), outcome(lambda t: safe_yaml.parse(t)[0], text)
    assert fast[0] == full[0] and (same(fast[1], full[1]) if fast[0] == "data" else fast[1] == full[1]), text


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synth")
    synth.generate(400, folder, seed=5)
    return [folder / "indicators.yaml", *sorted((folder / "sources").glob("*.yaml"))]


def test_real_and_synthetic_files_read_in_one_pass_as_the_safe_loader_reads_them(synthetic):
    for path in [ROOT / "indicators.yaml", *sorted((ROOT / "sources").glob("*.yaml")), *synthetic]:
        text = path.read_text(encoding="utf-8")
        data = fast_yaml._read(text)  # the one pass itself, not its fallback
        assert same(data, yaml.safe_load(text)), path
        assert same(data, safe_yaml.parse(text)[0]), path


SCALARS = ["0x1F", "0b101", "1_000", "1e3", "1.0e+3", "1.0E-3", ".5", "5.", "-.inf", ".inf", "+.INF", ".NaN", ".nan",
           "~", "null", "Null", "NULL", "", "yes", "no", "on", "off", "Yes", "NO", "On", "y", "n", "true", "False",
           "TRUE", "2025-02-05", "2025-02-30", "2025-2-5", "2025-02-05T10:00:00", "2025-02-05 10:00:00.5 +08:00",
           "2025-02-05t10:00:00Z", "'012'", "0o17", "017", "019", "08", "0", "-0", "+5", "-5", "00.5", "-0.0",
           "1:30", "190:20:30.15", "12345678901234567890123", "2024-2025", "2021–2023", "１２", "٣", "4.75", "-4.75",
           "1.2.3", "1,000", "=", "<<", "'<<'", "\"=\"", "a b", "tag:x", "- x", "'2025-02-05'", "\"1e3\"", "0.", "._5",
           "1__0", "+0x_1F", "-0b_"]


@pytest.mark.parametrize("scalar", SCALARS)
def test_edge_scalars_as_values_keys_and_items(scalar):
    for text in (f"v: {scalar}\n", f"- {scalar}\n- {scalar}\n", f"{{k: {scalar}}}\n", f"{scalar}: v\n", f"{scalar}\n"):
        agree(text)
        try:
            reference = yaml.safe_load(text)
        except (yaml.YAMLError, ValueError):
            continue  # 2025-02-30: the safe loader fails, safe_yaml keeps the text for the schema to report
        result = outcome(fast_yaml.load_data, text)
        if result[0] == "data":
            assert same(result[1], reference), text


HOSTILE = {
    "alias": "a: &x [1, 2]\nb: *x\n",
    "merge key": "base: {x: 1}\nother:\n  <<: {x: 2}\n  y: 3\n",
    "python tag": "a: !!python/object/apply:os.system ['true']\n",
    "explicit str": "a: !!str 12\n",
    "bad explicit int": "a: !!int abc\n",
    "local tag": "a: !thing x\n",
    "non-specific tag": "a: ! 12\n",
    "set": "a: !!set {x}\n",
    "binary": "a: !!binary QQ==\n",
    "duplicate key": "a: 1\nb: 2\na: 3\n",
    "duplicate quoted and plain": "a: 1\n'a': 2\n",
    "text and number keys": "'1': a\n1: b\n",
    "one value spelt twice": "1: a\n0x1: b\n",
    "list as key": "? [1, 2]\n: x\n",
    "mapping as key": "{a: 1}: x\n",
    "too deep": "a: " + "[" * 100 + "]" * 100 + "\n",
    "deep but allowed": "a: " + "[" * (safe_yaml.MAX_DEPTH - 1) + "]" * (safe_yaml.MAX_DEPTH - 1) + "\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "explicit document": "---\na: 1\n...\n",
    "empty document": "---\n",
    "comment only": "# nothing\n",
    "syntax error": "a: [1, 2\nb: 3\n",
    "tab indent": "a:\n\tb: 1\n",
    "control character": "a: x\x00y\n",
    "anchor without alias": "a: &x 1\nb: 2\n",
    "tag directive": "%TAG !e! tag:yaml.org,2002:\n---\na: !e!int 3\n",
    "empty": "",
    "number too long for int()": "a: " + "9" * 5000 + "\n",
    "long decimal": "a: " + "9" * 400 + "." + "5" * 400 + "\n",
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_hostile_text_gives_what_safe_yaml_gives(case):
    agree(HOSTILE[case])


def test_an_alias_bomb_is_refused_without_building_anything(monkeypatch):
    def never(*_):
        raise AssertionError("the document was constructed")

    monkeypatch.setattr(safe_yaml.Loader, "construct_document", never)
    bomb = "a: &a [lol, lol, lol]\n" + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n"
                                               for i in range(20))
    with pytest.raises(safe_yaml.YamlProblem) as caught:
        fast_yaml.load_data(bomb)
    assert caught.value.line == 2


BOUNDED = {"deadline": None, "database": None, "suppress_health_check": [HealthCheck.too_slow]}


@settings(max_examples=150, **BOUNDED)
@given(raw=damaged(REAL) | damaged(SOURCE))
def test_damaged_files_give_the_same_data_or_the_same_problem(raw):
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return
    agree(text)


def _period_by_pattern(value):
    """The period rule written with the pattern alone: what the quicker checks must agree with."""
    match = re.fullmatch(r"(\d{4})(?:\s*[-–]\s*(\d{4}))?", str(value).strip())
    if isinstance(value, bool) or not match:
        return "bad"
    start, end = int(match[1]), int(match[2] or match[1])
    if not (YEAR_MIN <= start <= YEAR_MAX and YEAR_MIN <= end <= YEAR_MAX) or end < start:
        return "bad"
    return f"{start}" if start == end else f"{start}-{end}"


@given(st.one_of(st.integers(1800, 2200), st.booleans(), st.floats(1800, 2200),
                 st.from_regex(r"\A\s?[0-9０-９٠-٩]{3,5}(\s?[-–]\s?[0-9]{3,5})?\s?\Z")))
def test_period_checks_agree_with_the_pattern(value):
    try:
        got = _period(value)
    except ValueError:
        got = "bad"
    assert got == _period_by_pattern(value)
