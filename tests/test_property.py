"""Random damage to the real files never makes `validate` or the loader fail with anything but DataError."""

import contextlib
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import cli
from dashboard.data.problems import DataError
from dashboard.table.dataset import load_frame

ODD_VALUES = ["", "[", "{", "]", "null", "-1", "0", ".nan", "-.inf", "'x'", "[1, 2]", "{a: 1}", "2025-02-30", "yes",
              "!!python/object/apply:os.getcwd []", "*a", "&a x", "1e400", "10000000000000000000000000000000000",
              "\t", "'", '"', "- x", "? y", "x: y", "!!binary QQ==", "!!set {a}", "2020-2019", "20245"]


@st.composite
def damaged(draw, text: str) -> bytes:
    """`text` after one to three random edits of the kinds a hurried curator or a broken disk makes."""
    for _ in range(draw(st.integers(1, 3))):
        lines = text.split("\n")
        i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "value", "type", "garbage", "swap", "duplicate", "truncate", "indent"]))
        if kind == "delete":
            del lines[i]
        elif kind == "value" and ": " in lines[i]:
            key = lines[i].split(": ", 1)[0]
            lines[i] = f"{key}: {draw(st.sampled_from(ODD_VALUES) | st.text(max_size=20))}"
        elif kind == "type" and ": " in lines[i]:
            key, value = lines[i].split(": ", 1)
            lines[i] = f"{key}: [{value}]" if draw(st.booleans()) else f"{key}: {{v: {value}}}"
        elif kind == "garbage":
            lines.insert(i, draw(st.text(max_size=40)))
        elif kind == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "duplicate":
            lines[i:i] = lines[i: i + draw(st.integers(1, 12))]
        elif kind == "truncate":
            lines = lines[:i] + [lines[i][: draw(st.integers(0, len(lines[i])))]]
        elif kind == "indent":
            lines[i] = draw(st.sampled_from(["", " ", "   ", "\t"])) + lines[i].lstrip()
        text = "\n".join(lines)
    raw = text.encode("utf-8")
    if draw(st.integers(0, 9)) == 0:  # some raw bytes: not UTF-8, control characters
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
    return raw


def check(indicators, sources) -> None:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
        code = cli.main(["validate", "--indicators", str(indicators), "--sources", str(sources)])
    assert code in (0, 1)
    assert "Traceback" not in err.getvalue()
    try:
        load_frame(indicators, sources)
    except DataError as exc:
        assert exc.problems and code == 1
        assert all(p.file and p.field and p.message for p in exc.problems)


BOUNDED = {"deadline": None, "database": None,
           "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]}


@settings(max_examples=110, **BOUNDED)
@given(draw=st.data())
def test_damaged_indicators_give_only_data_errors(data, draw):
    data.indicators.write_bytes(draw.draw(damaged(data.real)))
    check(data.indicators, data.sources)


@settings(max_examples=40, **BOUNDED)
@given(draw=st.data())
def test_damaged_sources_give_only_data_errors(data, root, draw):
    data.source().write_bytes(draw.draw(damaged((root / "sources" / f"{data.EV}.yaml").read_text(encoding="utf-8"))))
    check(data.indicators, data.sources)
